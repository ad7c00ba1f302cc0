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
];

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
        let mut first = head;
        while first > 0 {
            let previous = first - 1;
            let attached = parse.dominates(head, previous)
                && matches!(
                    parse.dep(previous),
                    "amod" | "compound" | "nmod" | "npadvmod"
                );
            if attached && !parse.word(previous).contains('\n') {
                first = previous;
            } else {
                break;
            }
        }
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
        let index = match drafts
            .iter()
            .position(|d| d.kind == EntityKind::Group && d.name.to_lowercase() == key)
        {
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
