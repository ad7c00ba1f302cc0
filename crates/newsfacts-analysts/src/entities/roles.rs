//! Roles from the article's own words, read off the parse around each person's name:
//! - pre-modifiers: "Ukrainian foreign minister Dmytro Kuleba", "President Zelenskiy";
//! - appositives: "Mykhailo Podolyak, an adviser to …", "the Ukrainian president, Volodymyr
//!   Zelenskiy", "X, the Y of Z";
//! - copulas: "Miller is the department's spokesman";
//! - a plural role coordinated with several people, distributed over them: "Vladimir Putin
//!   and Kim Jong-un, respective leaders of Russia and North Korea" gives Putin "leader of
//!   Russia" and Kim "leader of North Korea".
//!
//! A role's `org` is the organisation or place its words name ("US state department",
//! "Ukraine" for "Ukrainian"). An organisation named that way ("US state department") that the
//! NER missed becomes an organisation entity.

use newsfacts_doc::{EntityKind, Role, TextSpan};

use super::gazetteer::{self, PlaceWord};
use super::gender;
use super::names;
use super::parse::Parse;
use super::{Draft, form};

/// Role nouns of the person in charge of a team or firm, whom the article may go on to call
/// "the boss".
const IN_CHARGE: &[&str] = &["manager", "coach", "chief", "executive", "ceo", "chairman"];

/// Nouns that name a position someone holds; used for copulas, coordinated roles and, in
/// coreference, for "the minister".
pub const ROLE_NOUNS: &[&str] = &[
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "leader",
    "chief",
    "director",
    "head",
    "secretary",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "executive",
    "founder",
    "commander",
    "general",
    "officer",
    "official",
    "analyst",
    "professor",
    "economist",
    "candidate",
    "nominee",
    "lawyer",
    "attorney",
    "judge",
    "prosecutor",
    "editor",
    "reporter",
    "correspondent",
    "author",
    "researcher",
    "manager",
    "owner",
    "member",
    "deputy",
    "aide",
    "strategist",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "envoy",
    "diplomat",
    "congressman",
    "congresswoman",
    "representative",
    "lawmaker",
    "politician",
    "campaigner",
    "activist",
    "founder",
    "partner",
    "chairperson",
    "coach",
    "captain",
    "investigator",
    "expert",
    "scientist",
    "doctor",
    "pastor",
    "bishop",
    "cardinal",
    "pope",
    "emir",
    "sheikh",
    "dictator",
    "commissioner",
    "administrator",
    "superintendent",
    "sheriff",
    "mogul",
    "billionaire",
    "businessman",
    "businesswoman",
    "entrepreneur",
    "host",
    "anchor",
    "columnist",
    "historian",
    "pollster",
    "consultant",
    "manager",
    "treasurer",
    "clerk",
    "speaker",
    "whip",
    "vice-president",
    "vice",
    "nominee",
    "incumbent",
    "challenger",
    "frontrunner",
    "contender",
    "rival",
    "opponent",
    "ally",
    "successor",
    "predecessor",
];

/// Nouns that end an organisation's name inside a role ("US state department").
const ORG_NOUNS: &[&str] = &[
    "department",
    "ministry",
    "office",
    "agency",
    "party",
    "army",
    "navy",
    "council",
    "committee",
    "commission",
    "government",
    "administration",
    "parliament",
    "senate",
    "congress",
    "court",
    "bank",
    "company",
    "campaign",
    "service",
    "force",
    "forces",
    "embassy",
    "union",
    "foundation",
    "institute",
    "university",
    "police",
    "cabinet",
];

/// Adds the roles of every person and the organisations their roles name.
pub fn add_roles(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    let mut found: Vec<(usize, Found)> = Vec::new();
    for (index, draft) in drafts.iter().enumerate() {
        if draft.kind != EntityKind::Person {
            continue;
        }
        for mention in &draft.mentions {
            let range = parse.tokens_in(mention.start, mention.end);
            if range.is_empty() {
                continue;
            }
            let (first, last) = (range.start, range.end - 1);
            let head = parse.head_of(range).unwrap_or(last);
            if let Some(role) = pre_modifier(parse, first, head) {
                found.push((index, role));
            }
            if let Some(role) = appositive(parse, first, last, head) {
                found.push((index, role));
            }
            if let Some(role) = copula(parse, head) {
                found.push((index, role));
            }
        }
    }
    for (person_token, role) in coordinated(parse, drafts) {
        if let Some(index) = entity_at(drafts, parse, person_token) {
            found.push((index, role));
        }
    }
    for (index, mut role) in found {
        // "Its chief executive, Lena Haug": the role is the firm's, not the word "Its".
        // ("his brother" keeps its word: the person it names is not resolved here.)
        let possessive = (role.first < role.noun
            && parse.tag(role.first) == "PRP$"
            && matches!(parse.lower(role.first), "its" | "their"))
        .then_some(role.first);
        if let Some(pronoun) = possessive {
            role.first = pronoun + 1;
        }
        let named = org_of(parse, drafts, role.first, role.last);
        let Some(mut text) = role.text(parse) else {
            continue;
        };
        let evidence = role.evidence(parse);
        if let Some((org_name, start, end)) = &named
            && *end > *start
            && org_name.contains(' ')
        {
            add_organisation(parse, drafts, org_name, *start, *end);
        }
        let mut org = named.map(|(name, _, _)| name);
        // The organisation an "its" stands for was named before the role, not in its words.
        if org.is_none()
            && !text.contains(',')
            && let Some(owner) = possessive.and_then(|p| organisation_before(parse, drafts, p))
        {
            text = format!("{text} of {owner}");
            org = Some(owner);
        }
        let Some(draft) = drafts.get_mut(index) else {
            continue;
        };
        let noun = parse.lemma(role.noun).to_lowercase();
        draft.gender = draft.gender.or(gender::of_word(parse.lower(role.noun)));
        // Headlines and sports pages call the one in charge "the boss" ("Magpies manager
        // Graeme Souness … The Toon boss vowed …").
        if IN_CHARGE.contains(&noun.as_str()) && !draft.role_nouns.iter().any(|n| n == "boss") {
            draft.role_nouns.push("boss".into());
        }
        if !draft.role_nouns.contains(&noun) {
            draft.role_nouns.push(noun);
        }
        draft.add_role(Role {
            text,
            org,
            evidence,
        });
    }
}

/// The organisation an "its" or "their" at token `pronoun` stands for: the one named last
/// before it, in its sentence or the one before ("The shipyard chosen, Nordvik Marine, has
/// delivered … Its chief executive").
fn organisation_before(parse: &Parse<'_>, drafts: &[Draft], pronoun: usize) -> Option<String> {
    let at = parse.tokens.get(pronoun)?.start;
    let earliest = parse.sentence.get(pronoun)?.saturating_sub(1);
    let from_token = parse.sentence.iter().position(|&s| s >= earliest)?;
    let from = parse.tokens.get(from_token)?.start;
    drafts
        .iter()
        .filter(|d| d.kind == EntityKind::Organisation)
        .flat_map(|d| d.mentions.iter().map(move |m| (d, m)))
        .filter(|(_, m)| m.end <= at && m.start >= from)
        .max_by_key(|(_, m)| m.end)
        .map(|(d, _)| d.name.clone())
}

/// A role found in the text: its tokens, the noun that heads it, and where it is stated.
struct Found {
    first: usize,
    last: usize,
    noun: usize,
    /// The words of the role when they are not the tokens as written ("leader of Russia").
    written: Option<String>,
    /// Where the role is stated, when wider than its tokens.
    evidence: Option<(usize, usize)>,
}

impl Found {
    fn text(&self, parse: &Parse<'_>) -> Option<String> {
        if let Some(written) = &self.written {
            return Some(written.clone());
        }
        let start = parse.tokens.get(self.first)?.start;
        let end = parse.tokens.get(self.last)?.end;
        let text = parse.text.get(start..end)?.trim();
        (!text.is_empty()).then(|| text.to_string())
    }

    fn evidence(&self, parse: &Parse<'_>) -> Option<TextSpan> {
        let (first, last) = self.evidence.unwrap_or((self.first, self.last));
        let start = parse.tokens.get(first)?.start;
        let end = parse.tokens.get(last)?.end;
        Some(TextSpan {
            start,
            end,
            text: parse.text.get(start..end)?.to_string(),
        })
    }
}

/// Words before a name that modify it: "US state department spokesman Matthew Miller". Titles
/// written inside the NER's span count too ("President" in "President Zelenskiy").
fn pre_modifier(parse: &Parse<'_>, first: usize, head: usize) -> Option<Found> {
    let mut start = first;
    // Titles inside the mention.
    let mut name_start = first;
    while name_start < head && names::is_title_word(parse.lower(name_start)) {
        name_start += 1;
    }
    while start > 0 {
        let previous = start - 1;
        let word_ok = matches!(parse.pos(previous), "NOUN" | "ADJ" | "PROPN" | "NUM")
            || parse.tag(previous) == "HYPH"
            || (parse.tag(previous) == "POS" && previous > 0);
        // Another name, a date or a number is not part of a role ("9:05 p.m. Marco Rubio").
        let ent = parse.tokens[previous].ent.as_str();
        let foreign_entity = ent.ends_with("PERSON")
            || [
                "DATE",
                "TIME",
                "CARDINAL",
                "ORDINAL",
                "MONEY",
                "PERCENT",
                "QUANTITY",
                "EVENT",
                "WORK_OF_ART",
            ]
            .iter()
            .any(|label| ent.ends_with(label));
        if !word_ok
            || !parse.dominates(head, previous)
            || foreign_entity
            || parse.word(previous).contains('\n')
        {
            break;
        }
        start = previous;
    }
    // The role ends on the last word before the name; it must be a noun or a title.
    let role_last = name_start.checked_sub(1)?;
    if role_last < start {
        return None;
    }
    // Drop honorifics ("Mr."), which are not roles.
    let mut last = role_last;
    while last >= start && names::HONORIFICS.contains(&parse.lower(last)) {
        if last == 0 {
            return None;
        }
        last -= 1;
    }
    if last < start || parse.tag(last) == "POS" {
        return None;
    }
    let noun_like = matches!(parse.pos(last), "NOUN")
        || names::ROLE_TITLES.contains(&parse.lower(last))
        || ROLE_NOUNS.contains(&parse.lower(last));
    if !noun_like {
        return None;
    }
    // A possessive inside the run starts the role after it ("Clinton's campaign manager").
    let start = (start..last)
        .rev()
        .find(|&i| parse.tag(i) == "POS")
        .map_or(start, |i| i + 1);
    Some(Found {
        first: start,
        last,
        noun: last,
        written: None,
        evidence: None,
    })
}

/// "Name, an adviser to …" (an appositive after the name) or "the Ukrainian president,
/// Name" (the name in apposition to a role noun before it).
fn appositive(parse: &Parse<'_>, first: usize, last: usize, head: usize) -> Option<Found> {
    let after = parse
        .children(head)
        .iter()
        .copied()
        .find(|&c| c > last && parse.dep(c) == "appos" && parse.pos(c) == "NOUN");
    if let Some(noun) = after {
        let (low, high) = parse.subtree(noun);
        let mut start = low.max(last + 1);
        while start < noun && matches!(parse.pos(start), "DET" | "PUNCT") {
            start += 1;
        }
        let mut end = high;
        for i in noun..=high {
            if parse.word(i) == ","
                || matches!(parse.lower(i), "who" | "which" | "whose")
                || is_quote_mark(parse.word(i))
            {
                end = i.saturating_sub(1);
                break;
            }
        }
        while end > noun && parse.pos(end) == "PUNCT" {
            end -= 1;
        }
        if end < start {
            return None;
        }
        return Some(Found {
            first: start,
            last: end,
            noun,
            written: None,
            evidence: None,
        });
    }
    if parse.dep(head) == "appos" {
        let noun = parse.head(head);
        if noun < first && parse.pos(noun) == "NOUN" {
            let (low, _) = parse.subtree(noun);
            let mut start = low;
            while start < noun && matches!(parse.pos(start), "DET" | "PUNCT") {
                start += 1;
            }
            let mut end = first.checked_sub(1)?;
            while end > noun && parse.pos(end) == "PUNCT" {
                end -= 1;
            }
            if end >= start && !(start..=end).any(|i| parse.tokens[i].ent.ends_with("PERSON")) {
                return Some(Found {
                    first: start,
                    last: end,
                    noun,
                    written: None,
                    evidence: None,
                });
            }
        }
    }
    None
}

/// "Name is the spokesman for …": the attribute of a copula whose subject is the name.
fn copula(parse: &Parse<'_>, head: usize) -> Option<Found> {
    if parse.dep(head) != "nsubj" {
        return None;
    }
    let verb = parse.head(head);
    if parse.lemma(verb) != "be" {
        return None;
    }
    let noun = parse
        .children(verb)
        .iter()
        .copied()
        .find(|&c| parse.dep(c) == "attr" && parse.pos(c) == "NOUN")?;
    if !ROLE_NOUNS.contains(&parse.lemma(noun).to_lowercase().as_str()) {
        return None;
    }
    let (low, high) = parse.subtree(noun);
    let mut start = low;
    while start < noun && matches!(parse.pos(start), "DET" | "PUNCT") {
        start += 1;
    }
    let mut end = high;
    for i in noun..=high {
        if parse.word(i) == "," || matches!(parse.lower(i), "who" | "which" | "whose") {
            end = i.saturating_sub(1);
            break;
        }
    }
    while end > noun && parse.pos(end) == "PUNCT" {
        end -= 1;
    }
    Some(Found {
        first: start,
        last: end,
        noun,
        written: None,
        evidence: None,
    })
}

/// Plural role nouns coordinated with several people: each person gets the role, and where
/// the role names as many places or organisations as there are people ("respective leaders of
/// Russia and North Korea"), each gets its own. Returns (token of the person's name, role).
fn coordinated(parse: &Parse<'_>, drafts: &[Draft]) -> Vec<(usize, Found)> {
    let mut out = Vec::new();
    for noun in 0..parse.len() {
        if parse.tag(noun) != "NNS"
            || !matches!(parse.dep(noun), "conj" | "appos")
            || !ROLE_NOUNS.contains(&parse.lemma(noun).to_lowercase().as_str())
        {
            continue;
        }
        let anchor = parse.head(noun);
        if anchor >= noun || !is_person_token(parse, drafts, anchor) {
            continue;
        }
        let mut people = vec![anchor];
        people.extend(
            parse.children(anchor).iter().copied().filter(|&c| {
                c < noun && parse.dep(c) == "conj" && is_person_token(parse, drafts, c)
            }),
        );
        if people.len() < 2 {
            continue;
        }
        let (low, high) = parse.subtree(noun);
        let mut start = low;
        while start < noun && matches!(parse.pos(start), "DET" | "PUNCT") {
            start += 1;
        }
        // "respective" and "both" belong to the coordination, not to each role.
        let mut role_start = start;
        while role_start < noun && matches!(parse.lower(role_start), "respective" | "both") {
            role_start += 1;
        }
        let objects: Vec<usize> = parse
            .children(noun)
            .iter()
            .copied()
            .filter(|&c| matches!(parse.lower(c), "of" | "for" | "to") && parse.dep(c) == "prep")
            .flat_map(|prep| {
                parse
                    .children(prep)
                    .iter()
                    .copied()
                    .filter(|&o| parse.dep(o) == "pobj")
                    .collect::<Vec<_>>()
            })
            .flat_map(|object| {
                let mut list = vec![object];
                list.extend(
                    parse
                        .children(object)
                        .iter()
                        .copied()
                        .filter(|&c| parse.dep(c) == "conj"),
                );
                list
            })
            .collect();
        let end = high;
        let modifiers: Vec<&str> = (role_start..noun).map(|i| parse.word(i)).collect();
        let singular = parse.lemma(noun).to_string();
        let base = if modifiers.is_empty() {
            singular
        } else {
            format!("{} {}", modifiers.join(" "), singular)
        };
        let preposition = parse
            .children(noun)
            .iter()
            .copied()
            .find(|&c| parse.dep(c) == "prep")
            .map(|p| parse.word(p).to_string());
        for (n, &person) in people.iter().enumerate() {
            let (written, first, last) = match (objects.len() == people.len(), &preposition) {
                (true, Some(prep)) => {
                    let object = objects[n];
                    let (ol, oh) = parse.subtree(object);
                    // The object's own words without its conjuncts.
                    let oh = (object..=oh)
                        .take_while(|&i| {
                            i == object || parse.dep(i) != "cc" && parse.dep(i) != "conj"
                        })
                        .last()
                        .unwrap_or(object);
                    let ol = ol.min(object);
                    let words: Vec<&str> = (ol..=oh)
                        .filter(|&i| parse.dep(i) != "cc")
                        .map(|i| parse.word(i))
                        .collect();
                    (format!("{base} {prep} {}", words.join(" ")), ol, oh)
                }
                _ => (base.clone(), role_start, end),
            };
            out.push((
                person,
                Found {
                    first,
                    last,
                    noun,
                    written: Some(written),
                    evidence: Some((start, end)),
                },
            ));
        }
    }
    out
}

fn is_quote_mark(word: &str) -> bool {
    matches!(word, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»")
}

fn is_person_token(parse: &Parse<'_>, drafts: &[Draft], token: usize) -> bool {
    entity_at(drafts, parse, token).is_some_and(|i| drafts[i].kind == EntityKind::Person)
}

/// The entity with a named mention covering the token.
fn entity_at(drafts: &[Draft], parse: &Parse<'_>, token: usize) -> Option<usize> {
    let t = parse.tokens.get(token)?;
    drafts.iter().position(|d| {
        d.kind == EntityKind::Person
            && d.mentions
                .iter()
                .any(|m| m.start <= t.start && t.end <= m.end)
    })
}

/// The organisation or place a role's words name: an organisation phrase ending in an
/// organisation noun ("US state department"), else the named organisation or place inside it
/// ("Ukraine" for "Ukrainian"). Returns the name and, for a phrase, its byte span.
fn org_of(
    parse: &Parse<'_>,
    drafts: &[Draft],
    first: usize,
    last: usize,
) -> Option<(String, usize, usize)> {
    let start = parse.tokens.get(first)?.start;
    let end = parse.tokens.get(last)?.end;
    let named = drafts
        .iter()
        .filter(|d| matches!(d.kind, EntityKind::Organisation | EntityKind::Place))
        .flat_map(|d| d.mentions.iter().map(move |m| (d, m)))
        .filter(|(_, m)| m.start >= start && m.end <= end)
        .min_by_key(|(_, m)| m.start);
    let (entity_name, mention_start, mention_end) = match named {
        Some((d, m)) => (d.name.clone(), m.start, m.end),
        None => {
            let token = (first..=last).find(|&i| {
                matches!(
                    gazetteer::lookup(parse.word(i)),
                    Some(PlaceWord::Adjective(_) | PlaceWord::Name(_))
                )
            })?;
            let name = match gazetteer::lookup(parse.word(token)) {
                Some(PlaceWord::Adjective(n) | PlaceWord::Name(n)) => n.to_string(),
                _ => return None,
            };
            let t = parse.tokens.get(token)?;
            (name, t.start, t.end)
        }
    };
    // Extend through nouns to an organisation noun: "US" + "state department".
    let first_after = parse.tokens_in(mention_end, end);
    let mut org_end = None;
    for i in first_after {
        if parse.pos(i) != "NOUN" && parse.pos(i) != "PROPN" {
            break;
        }
        if ORG_NOUNS.contains(&parse.lower(i)) {
            org_end = Some(i);
        }
    }
    if let Some(org_end) = org_end {
        let phrase_end = parse.tokens.get(org_end)?.end;
        let phrase = parse.text.get(mention_start..phrase_end)?.to_string();
        return Some((phrase, mention_start, phrase_end));
    }
    Some((entity_name, mention_start, mention_start))
}

/// Adds (or extends) an organisation entity named inside a role.
fn add_organisation(
    parse: &Parse<'_>,
    drafts: &mut Vec<Draft>,
    name: &str,
    start: usize,
    end: usize,
) {
    let index = super::find_or_add(drafts, EntityKind::Organisation, name);
    drafts[index].add_mention(parse.text, start, end, form::NAME);
}

/// Whether a role, as the article gives it ("Home Secretary", "New Home Secretary"), is
/// written by exactly the lower-cased `words` of a phrase after "the" ("home secretary"): the
/// same words, "new" before the role aside; "shadow home secretary" is another role.
pub fn role_reads_as(role: &str, words: &[&str]) -> bool {
    let lower = role.to_lowercase();
    let mut role_words = lower.split_whitespace().peekable();
    if role_words.peek() == Some(&"new") {
        role_words.next();
    }
    role_words.eq(words.iter().copied())
}
