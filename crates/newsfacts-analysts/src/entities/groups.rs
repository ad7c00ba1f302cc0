//! Collective sources: plural noun phrases that speak or act as one ("western officials", "EU
//! states", "US intelligence sources"). Each distinct phrase becomes a `group` entity; where its
//! modifiers name an organisation or place, the group gets a role with that `org`.

use newsfacts_doc::{EntityKind, Role};

use super::gazetteer::{self, PlaceWord};
use super::parse::Parse;
use super::{Draft, form};

/// Plural nouns that name people or bodies acting collectively.
const COLLECTIVE_NOUNS: &[&str] = &[
    "official",
    "state",
    "leader",
    "diplomat",
    "analyst",
    "expert",
    "source",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "lawmaker",
    "legislator",
    "minister",
    "government",
    "ally",
    "member",
    "protester",
    "protestor",
    "resident",
    "witness",
    "voter",
    "supporter",
    "critic",
    "investigator",
    "authority",
    "scientist",
    "researcher",
    "economist",
    "doctor",
    "activist",
    "campaigner",
    "prosecutor",
    "regulator",
    "negotiator",
    "observer",
    "commander",
    "militant",
    "rebel",
    "senator",
    "democrat",
    "republican",
    "aide",
    "adviser",
    "advisor",
    "organizer",
    "organiser",
    "strategist",
    "insider",
    "executive",
    // Bodies of one kind, which news writes as "they" ("The tobacco companies deny … They also
    // say …"): without a group to go to, the pronoun went to an organisation named nearby.
    "company",
    "firm",
    "bank",
    "lender",
    "insurer",
    "airline",
    "carrier",
    "operator",
    "retailer",
    "manufacturer",
    "maker",
    "producer",
    "supplier",
    "exporter",
    "importer",
    "broadcaster",
    "newspaper",
    "publisher",
    "studio",
    "union",
    "charity",
    "agency",
    "council",
    "country",
    "nation",
    "party",
    "club",
    "team",
    "group",
    "organisation",
    "organization",
    "association",
    "institution",
    // People of one standing, acting or speaking together.
    "investor",
    "shareholder",
    "trader",
    "creditor",
    "consumer",
    "customer",
    "worker",
    "employee",
    "farmer",
    "player",
    "fan",
    "manager",
    "director",
    "judge",
    "lawyer",
    "officer",
    "soldier",
    "student",
    "teacher",
    "parent",
    "mp",
    "councillor",
    "delegate",
    "demonstrator",
    "citizen",
];

/// Whether a noun's lemma names people or bodies that act together ("analyst", "minister").
pub(super) fn is_collective_noun(lemma: &str) -> bool {
    COLLECTIVE_NOUNS.contains(&lemma)
}

/// Adds a group entity for every collective noun phrase, one per distinct phrase.
pub fn add_groups(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    for head in 0..parse.len() {
        if !matches!(parse.tag(head), "NNS" | "NNPS") {
            continue;
        }
        let lemma = parse.lemma(head).to_lowercase();
        if !COLLECTIVE_NOUNS.contains(&lemma.as_str()) {
            continue;
        }
        // A collective noun before a name is a role ("Republican senators John Doe and …").
        if parse.dep(head) == "compound" {
            continue;
        }
        // A role shared by people named before it ("Putin and Kim, respective leaders of …")
        // belongs to them, not to a group.
        if matches!(parse.dep(head), "conj" | "appos")
            && parse
                .tokens
                .get(parse.head(head))
                .is_some_and(|t| t.ent.ends_with("PERSON"))
        {
            continue;
        }
        let first = first_word_of_name(parse, head);
        let (Some(start_token), Some(end_token)) =
            (parse.tokens.get(first), parse.tokens.get(head))
        else {
            continue;
        };
        let (start, end) = (start_token.start, end_token.end);
        let Some(phrase) = parse.text.get(start..end) else {
            continue;
        };
        let name = phrase.to_string();
        let key = name.to_lowercase();
        // The same group again, or, with "the", fewer of its modifiers: "the country's biggest
        // tobacco companies … the tobacco companies", "the firms" after "tobacco firms" is the
        // group named last with that ending (a bare "firms" or "many firms" means firms at large).
        let definite = parse
            .children(head)
            .iter()
            .any(|&c| parse.dep(c) == "det" && parse.lower(c) == "the");
        let suffix = format!(" {key}");
        let index = match drafts
            .iter()
            .position(|d| d.kind == EntityKind::Group && d.name.to_lowercase() == key)
            .or_else(|| {
                drafts.iter().rposition(|d| {
                    definite
                        && d.kind == EntityKind::Group
                        && d.name.to_lowercase().ends_with(&suffix)
                })
            }) {
            Some(index) => index,
            None => {
                drafts.push(Draft::new(EntityKind::Group, &name));
                drafts.len() - 1
            }
        };
        drafts[index].add_mention(parse.text, start, end, form::NOMINAL);
        if let Some(org) = org_of_modifiers(parse, first, head, drafts) {
            let role = Role {
                text: parse.word(head).to_string(),
                org: Some(org),
                evidence: None,
            };
            drafts[index].add_role(role);
        }
    }
}

/// Words that say how many or which members, not what kind: "many economists", "other
/// companies" and "economists" are one group.
const QUANTIFYING_WORDS: &[&str] = &[
    "other",
    "many",
    "most",
    "more",
    "several",
    "few",
    "fewer",
    "various",
    "only",
    "such",
    "some",
    "certain",
    "numerous",
    "all",
    "both",
    "same",
    "different",
];

/// The first token of a collective noun phrase headed by `head`: its modifiers that name a kind
/// ("tobacco companies", "state-owned banks"), without words that count or pick members.
fn first_word_of_name(parse: &Parse<'_>, head: usize) -> usize {
    let attached = |token: usize| {
        parse.dominates(head, token)
            && matches!(parse.dep(token), "amod" | "compound" | "nmod" | "npadvmod")
            && !parse.word(token).contains('\n')
            // A finite verb the parser hung on the phrase ("… mean German consumers").
            && !matches!(parse.tag(token), "VB" | "VBP" | "VBZ" | "VBD")
    };
    let mut first = head;
    while first > 0 {
        let previous = first - 1;
        if attached(previous) {
            first = previous;
            continue;
        }
        // A hyphenated modifier ("state-owned", "low-cost") is split around its hyphen.
        let joined = |a: usize, b: usize| matches!((parse.tokens.get(a), parse.tokens.get(b)), (Some(x), Some(y)) if x.end == y.start);
        if previous > 0
            && parse.word(previous) == "-"
            && joined(previous - 1, previous)
            && joined(previous, first)
            && parse.dominates(head, previous - 1)
        {
            first = previous - 1;
            continue;
        }
        break;
    }
    while first < head && QUANTIFYING_WORDS.contains(&parse.lower(first)) {
        first += 1;
    }
    first
}

/// The organisation or place named among the modifiers `first..head` ("EU" in "EU states").
fn org_of_modifiers(
    parse: &Parse<'_>,
    first: usize,
    head: usize,
    drafts: &[Draft],
) -> Option<String> {
    let start = parse.tokens.get(first)?.start;
    let end = parse.tokens.get(head)?.start;
    drafts
        .iter()
        .filter(|d| matches!(d.kind, EntityKind::Organisation | EntityKind::Place))
        .find(|d| d.mentions.iter().any(|m| m.start >= start && m.end <= end))
        .map(|d| d.name.clone())
        .or_else(|| {
            (first..head).find_map(|i| match gazetteer::lookup(parse.word(i)) {
                Some(PlaceWord::Adjective(place) | PlaceWord::Name(place)) => {
                    Some(place.to_string())
                }
                _ => None,
            })
        })
}
