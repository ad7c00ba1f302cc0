//! Speaker mentions: the noun phrase that says or writes, found beside a cue, and the name it
//! resolves to.
//!
//! Resolution has one seam: [`Resolver::resolve`] first asks the entities layer
//! (`doc.entities`: canonical entities with all their mentions, including pronouns) which
//! entity a mention belongs to. Until that layer is filled, it falls back to rules of its own: a
//! surname resolves to the fullest name in the article ending with it ("Miller" → "Matthew
//! Miller"), and a personal pronoun to the most recent named speaker it agrees with ("he added"
//! → the last person quoted).

use newsfacts_doc::{Document, Entity, EntityKind, Span};

use crate::entities::{ORGANISATION_NOUNS, POST_NOMINALS, is_plural_word, role_reads_as};

use super::lexicon::Lexicon;
use super::tokens::{Tok, TokenView};

/// Pronouns that can be speakers, with what they agree with.
const PERSON_PRONOUNS: &[&str] = &["he", "she"];
const GROUP_PRONOUNS: &[&str] = &["they", "we"];
const OTHER_PRONOUNS: &[&str] = &["i", "it", "you"];

/// Words that may start or sit inside a speaker phrase before the noun.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "some", "many", "several",
    "two", "three", "four", "five", "all", "both", "most", "these", "those", "other", "another",
    "one", "few", "more", "no", "each", "every", "former", "top", "senior", "local",
];

/// Words that end a speaker phrase when walking left (function words, conjunctions,
/// prepositions and other clause material).
const STOP_WORDS: &[&str] = &[
    "as",
    "but",
    "and",
    "or",
    "so",
    "when",
    "while",
    "if",
    "then",
    "because",
    "although",
    "though",
    "after",
    "before",
    "since",
    "meanwhile",
    "however",
    "yet",
    "now",
    "in",
    "on",
    "at",
    "to",
    "from",
    "with",
    "by",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "what",
    "why",
    "how",
    "this",
    "there",
    "here",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "not",
    "also",
    "than",
    "about",
    "into",
    "over",
    "under",
    "against",
    "between",
    "through",
    "during",
    "without",
    "within",
    "upon",
    "like",
    "unlike",
    "until",
    "once",
    "even",
    "just",
    "only",
    "still",
    "already",
    "again",
    "yesterday",
    "today",
    "tomorrow",
    "last",
    "next",
    "ago",
    "week",
    "month",
    "year",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "where",
    "whether",
];

/// Nouns that relate one person to another: "an associate of X" is not X.
const RELATION_NOUNS: &[&str] = &[
    "associate",
    "associates",
    "ally",
    "allies",
    "friend",
    "friends",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "widow",
    "lawyer",
    "lawyers",
    "aide",
    "aides",
    "supporter",
    "supporters",
    "critic",
    "critics",
    "colleague",
    "colleagues",
    "rival",
    "relative",
    "relatives",
];

/// Works whose author or publisher speaks for them, besides [`DOCUMENT_NOUNS`]: "a review in
/// the New York Times".
const WORK_NOUNS: &[&str] = &[
    "review",
    "article",
    "editorial",
    "column",
    "survey",
    "study",
];

/// What carries its owner's own words, besides writings: "Ms Fiorina's talk", "Mr Spitzer's
/// office".
const OWN_WORDS_NOUNS: &[&str] = &[
    "book",
    "speech",
    "talk",
    "remarks",
    "comments",
    "office",
    "memoir",
    "autobiography",
    "blog",
    "testimony",
    "interview",
];

/// Nouns of people who speak for a body ("a Treasury spokeswoman").
const SPOKESPERSON_NOUNS: &[&str] = &["spokesman", "spokeswoman", "spokesperson"];

/// Nouns of findings that speak for the body that produced them ("Labor Department figures
/// showed …", "research by the EOC found …").
const FINDINGS_NOUNS: &[&str] = &[
    "figures",
    "data",
    "statistics",
    "research",
    "survey",
    "study",
    "poll",
    "report",
    "estimates",
    "analysis",
];

/// Tags of words inside a speaker noun phrase.
const NP_TAGS: &[&str] = &[
    "NNP", "NNPS", "NN", "NNS", "JJ", "JJR", "JJS", "DT", "PRP$", "POS", "CD", "HYPH", "PDT", "NFP",
];

/// Whether token `t` can be part of a speaker noun phrase.
fn np_word(view: &TokenView, t: &Tok) -> bool {
    if !t.word {
        return t.lower == "-" || t.lower == "'s";
    }
    if t.is("'s") {
        return true;
    }
    if view.tagged {
        if t.tag == "PRP" || t.tag == "WP" {
            return false;
        }
        return (NP_TAGS.contains(&t.tag.as_str()) && !t.is_any(&["that", "this", "which"]))
            || is_named(t);
    }
    if t.is_any(DETERMINERS) {
        return true;
    }
    if t.is_any(STOP_WORDS) || is_pronoun(t) {
        return false;
    }
    // Untagged: an inflected verb form of the lexicon is not a noun ("said", "added"); a bare
    // or -s form may be one ("state department", "reports").
    t.cap
        || Lexicon::global()
            .verb(&t.lower)
            .is_none_or(|v| t.lower == v.lemma || t.lower == format!("{}s", v.lemma))
}

/// Whether a capitalised token lies in a name the NER found, whatever its tag ("May" that the
/// tagger read as a modal in "“…,” May said").
pub fn is_named(t: &Tok) -> bool {
    t.cap && matches!(t.ent.as_str(), "PERSON" | "ORG" | "GPE")
}

pub fn is_pronoun(t: &Tok) -> bool {
    is_pronoun_word(&t.lower)
}

/// Whether a lower-cased word is a pronoun that can speak.
fn is_pronoun_word(lower: &str) -> bool {
    [PERSON_PRONOUNS, GROUP_PRONOUNS, OTHER_PRONOUNS]
        .iter()
        .any(|words| words.contains(&lower))
}

/// Whether token `t` is a noun (or name) that can head a speaker phrase.
fn noun_like(view: &TokenView, t: &Tok) -> bool {
    if view.tagged {
        return t.tag.starts_with("NN") || t.tag == "CD" || is_named(t);
    }
    t.word && !t.is_any(DETERMINERS) && !t.is_any(STOP_WORDS)
}

/// The speaker phrase ending just before token `end` (exclusive), not reaching before `floor`:
/// a pronoun, a name, or a noun phrase with an appositive ("Elmendorf, who supports Clinton,")
/// when `end - 1` is the appositive's closing comma. Returns a token range.
pub fn np_left(view: &TokenView, end: usize, floor: usize) -> Option<(usize, usize)> {
    let toks = &view.toks;
    if end == 0 || end <= floor {
        return None;
    }
    let last = end - 1;
    if is_pronoun(&toks[last]) {
        return Some((last, end));
    }
    if toks[last].is(",") {
        // Appositive: NAME , … , cue.
        let mut k = last;
        let limit = last.saturating_sub(30).max(floor);
        while k > limit {
            k -= 1;
            let t = &toks[k];
            if t.is(",") {
                let (s, _) = np_core_left(view, k, floor)?;
                let head_is_name = toks[s..k].iter().any(|t| t.cap && t.word);
                return head_is_name.then_some((s, last));
            }
            if matches!(
                t.lower.as_str(),
                "“" | "”" | "\"" | "''" | "``" | ":" | ";" | "(" | ")"
            ) {
                return None;
            }
        }
        return None;
    }
    np_core_left(view, end, floor)
}

/// A plain noun phrase (no appositive) ending before `end`.
fn np_core_left(view: &TokenView, end: usize, floor: usize) -> Option<(usize, usize)> {
    let toks = &view.toks;
    let mut s = end;
    while s > floor && end - s < 25 {
        let k = s - 1;
        let t = &toks[k];
        if np_word(view, t) {
            s = k;
            continue;
        }
        // "of"/"for" and "and" inside names and titles: "Secretary of State John Kerry",
        // "the Center for Responsive Politics", "Trump and Clinton".
        let right_cap = toks.get(k + 1).is_some_and(|r| r.cap) && s == k + 1;
        let left_ok = k > floor && toks[k - 1].word && np_word(view, &toks[k - 1]);
        if t.is_any(&["of", "for", "and", "&"]) && right_cap && left_ok {
            s = k;
            continue;
        }
        break;
    }
    // A phrase never starts with a possessive marker or hyphen.
    while s < end && (toks[s].is("'s") || !toks[s].word) {
        s += 1;
    }
    if s >= end {
        return None;
    }
    (s..end)
        .any(|k| noun_like(view, &toks[k]))
        .then_some((s, end))
}

/// The speaker phrase starting at token `start` after an inverted cue ("said Caddell", "wrote
/// Mykhailo Podolyak, an adviser …"), stopping before an appositive.
pub fn np_right(view: &TokenView, start: usize, ceil: usize) -> Option<(usize, usize)> {
    let toks = &view.toks;
    let first = toks.get(start)?;
    if start >= ceil {
        return None;
    }
    if is_pronoun(first) {
        return Some((start, start + 1));
    }
    let mut e = start;
    while e < ceil && e - start < 12 {
        let t = &toks[e];
        if np_word(view, t) && !(view.tagged && t.tag == "POS" && e == start) {
            e += 1;
            continue;
        }
        if t.is_any(&["of", "for", "at"]) && e > start && toks.get(e + 1).is_some_and(|r| r.cap) {
            e += 1;
            continue;
        }
        // "Barclays' chief economist Anna Berg": the apostrophe of a plural's possessive.
        if view.tagged && t.tag == "POS" && t.lower == "'" && e > start {
            e += 1;
            continue;
        }
        // "Ernst and Young's Sanjay Mehta": a firm named with "and" before its possessive.
        if t.is_any(&["and", "&"]) && e > start && toks[e - 1].cap {
            let name_end = (e + 1..ceil.min(e + 4))
                .find(|&k| !toks[k].cap)
                .unwrap_or(ceil.min(e + 4));
            if name_end > e + 1
                && toks
                    .get(name_end)
                    .is_some_and(|k| k.is("'s") || k.tag == "POS")
            {
                e = name_end;
                continue;
            }
        }
        break;
    }
    while e > start && (!toks[e - 1].word || toks[e - 1].is_any(&["of", "for", "at"])) {
        e -= 1;
    }
    (e > start && (start..e).any(|k| noun_like(view, &toks[k]))).then_some((start, e))
}

/// Nouns of the writings that carry an organisation's or a person's words: after one of them,
/// "from" or "by" names the speaker ("said a statement from the company").
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "report",
    "release",
    "letter",
    "note",
    "memo",
    "email",
    "e-mail",
    "filing",
    "message",
    "announcement",
    "communique",
    "communiqué",
    "document",
    "post",
    "tweet",
    "notice",
];

/// Participles between such a noun and its author ("a statement issued by the ministry").
const ISSUING_PARTICIPLES: &[&str] = &[
    "issued",
    "released",
    "published",
    "posted",
    "signed",
    "sent",
];

/// The speaker phrase after an inverted cue ([`np_right`]), where a writing stands for its
/// author: in "said a statement from the company" the company speaks, so the phrase after
/// "from" or "by" is the speaker, which resolves to the company as any mention of it would.
pub fn speaker_right(view: &TokenView, start: usize, ceil: usize) -> Option<(usize, usize)> {
    np_right(view, start, ceil).map(|phrase| author_of_writing(view, phrase, ceil))
}

/// The author a speaker `phrase` names when it is a writing ("a statement from the company",
/// "a letter signed by the ministers", also with the author outside the phrase, before
/// `ceil`); else the phrase itself.
pub fn author_of_writing(view: &TokenView, phrase: (usize, usize), ceil: usize) -> (usize, usize) {
    let toks = &view.toks;
    // The writing heads the phrase: no noun before it ("a joint statement", not "the author
    // of a report").
    let Some(writing) = (phrase.0..phrase.1).find(|&k| noun_like(view, &toks[k])) else {
        return phrase;
    };
    if !toks[writing].is_any(DOCUMENT_NOUNS) {
        return phrase;
    }
    let mut k = writing + 1;
    if toks.get(k).is_some_and(|t| t.is_any(ISSUING_PARTICIPLES)) {
        k += 1;
    }
    if !toks.get(k).is_some_and(|t| t.is_any(&["from", "by"])) {
        return phrase;
    }
    // A phrase that already runs past "from" (a model's source) keeps its author whole.
    if k + 1 < phrase.1 {
        return (k + 1, phrase.1);
    }
    let ceil = ceil.max(phrase.1).min(toks.len());
    let Some(mut author) = np_right(view, k + 1, ceil) else {
        return phrase;
    };
    // Names joined by "and" are one author ("the Food and Agriculture Organisation", "the
    // ministry and the regulator").
    while toks.get(author.1).is_some_and(|t| t.is("and")) {
        match np_right(view, author.1 + 1, ceil) {
            Some(next) => author.1 = next.1,
            None => break,
        }
    }
    author
}

/// What a speaker mention resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub entity: Option<String>,
    pub name: String,
    /// A person (as opposed to a group or organisation), as far as the rules can tell.
    pub person: bool,
}

/// Resolves speaker mentions to names, remembering the speakers seen so far.
pub struct Resolver<'a> {
    doc: &'a Document,
    view: &'a TokenView,
    /// Multi-word names in the article, in order: (token range, text).
    names: Vec<(usize, usize)>,
    /// Named speakers so far: (resolved, byte offset of the mention).
    history: Vec<(Resolved, usize)>,
}

impl<'a> Resolver<'a> {
    pub fn new(doc: &'a Document, view: &'a TokenView) -> Resolver<'a> {
        Resolver {
            doc,
            view,
            names: name_runs(view),
            history: Vec::new(),
        }
    }

    /// Resolves the mention over tokens `range`. The entities layer is asked first.
    pub fn resolve(&mut self, range: (usize, usize)) -> Resolved {
        let toks = &self.view.toks;
        // "Blair's promise", "Sony's assertion": the owner of a nominal cue speaks. The "'s"
        // stays only where it belongs to a name no entity stands for without it
        // ("McDonald's", "Standard & Poor's").
        let possessive = range.1 - range.0 >= 2
            && toks[range.1 - 1].is_any(&["'s", "'"])
            && (toks[range.1 - 1].tag == "POS" || !self.view.tagged);
        if possessive {
            let owner = (range.0, range.1 - 1);
            let owner_span = Span::new(toks[owner.0].start, toks[owner.1 - 1].end);
            let core = self.core(owner);
            let head = toks[self.of_head(core).unwrap_or(core.1 - 1)].span();
            if entity_for(self.doc, head).is_some() || entity_for(self.doc, owner_span).is_some() {
                return self.resolve(owner);
            }
        }
        let span = Span::new(toks[range.0].start, toks[range.1 - 1].end);
        // The entity named by the phrase's head ("Miller" in "spokesman Matthew Miller",
        // nothing in "western officials cited by the New York Times" or "the regional council of
        // Port Alder").
        let core = self.core(range);
        let head = toks[self.of_head(core).unwrap_or(core.1 - 1)].span();
        let head_entity = entity_for(self.doc, head);
        // "Nicolas Sarkozy of France", "the Court of Appeals for the District of Columbia",
        // "the BBC's Sarah Rainsford in Moscow": the place after a preposition belongs to the
        // one who speaks, named before it; so does a body no entity stands for ("Ian Hunter at
        // Goodbody Stockbrokers"); an organisation only to a person ("Ian Hunter at Goodbody").
        let speaks_before = |kind: EntityKind| match head_entity.map(|e| e.kind) {
            None | Some(EntityKind::Place) => matches!(
                kind,
                EntityKind::Person | EntityKind::Organisation | EntityKind::Group
            ),
            Some(EntityKind::Organisation) => kind == EntityKind::Person,
            Some(_) => false,
        };
        if let Some(before) = self.named_before_a_preposition(range, speaks_before) {
            return self.resolve(before);
        }
        // "the co-chairman of the Conservative Party, Liam Fox,": a person's role in a body,
        // with the person in apposition, is the person's.
        let role_in_a_body = || {
            let core = self.core(range);
            self.view.toks[core.0..core.1]
                .iter()
                .any(|t| !t.cap && is_person_noun(&t.lower.replace("co-", "")))
        };
        if head_entity.is_some_and(|e| e.kind != EntityKind::Person) && role_in_a_body() {
            if let Some(person) = self
                .apposed_entity(range)
                .filter(|e| e.kind == EntityKind::Person)
            {
                return self.remember(person, person.name.clone(), true, span.start);
            }
        }
        if let Some(entity) = head_entity {
            let own = self.name_of(range).name;
            // A lone name the entities layer did not join to a fuller one ("Kim") takes the
            // fuller name the article gives ("Kim Jong-un").
            let name = if !entity.name.contains(' ') && own.contains(entity.name.as_str()) {
                own
            } else {
                entity.name.clone()
            };
            let person = entity.kind == EntityKind::Person;
            return self.remember(entity, name, person, span.start);
        }
        // "Labour hit back", "Souness said": a name the NER missed here but found elsewhere in
        // the article, written the same, is that entity's (when only one has that writing).
        if let Some(entity) = self.entity_written_alike(core) {
            let person = entity.kind == EntityKind::Person;
            return self.remember(entity, entity.name.clone(), person, span.start);
        }
        // "Its chief executive, Lena Haug,": a role with the person's name in apposition; "the
        // world's biggest confectionery firm, Cadbury Schweppes,": a body's description and name.
        if let Some(entity) = self.appositive_entity(range) {
            let person = entity.kind == EntityKind::Person;
            return self.remember(entity, entity.name.clone(), person, span.start);
        }
        // "a Vodafone spokesman", "figures gathered by Continental Research": the body a
        // spokesperson speaks for, or that produced the figures.
        if let Some((entity, person)) = self.body_spoken_for(range) {
            return self.remember(entity, entity.name.clone(), person, span.start);
        }
        // "Mr Crosby's statement", "Mr Spitzer's office": the one whose writing or office it is.
        // The writing speaks, not the person in it, so "It added" goes on for it.
        if let Some(entity) = self.owner_of_a_writing(range) {
            return self.remember(entity, entity.name.clone(), false, span.start);
        }
        // "The report said" after "Oxfam says in a report" or "a survey by the CBI": the
        // author of that writing.
        if let Some(author) = self.author_of_an_earlier_writing(range) {
            self.history.push((author.clone(), span.start));
            return author;
        }
        // "The home secretary said" after "Home Secretary Charles Clarke": the one person the
        // article gives that role.
        if let Some(entity) = self.person_with_role(range) {
            return self.remember(entity, entity.name.clone(), true, span.start);
        }
        // "Sony says it intends to ship … The company is hoping …": a bare "the company" the
        // entities layer did not resolve (it reads only sources of speech) goes on for the
        // speaker just before it, in its paragraph or the one before, when that is one
        // organisation and no other organisation is named between the two.
        let bare_organisation_noun = range.1 - range.0 == 2
            && toks[range.0].is("the")
            && toks[range.0 + 1].is_any(ORGANISATION_NOUNS);
        if bare_organisation_noun {
            let previous = self
                .history
                .iter()
                .rev()
                .find(|(_, at)| *at < span.start)
                .filter(|(r, at)| {
                    let Some(id) = r.entity.as_ref() else {
                        return false;
                    };
                    let another_organisation_between = self.doc.entities.iter().any(|e| {
                        &e.id != id
                            && e.kind == EntityKind::Organisation
                            && e.mentions
                                .iter()
                                .any(|m| *at < m.start && m.end <= span.start)
                    });
                    !r.person
                        && self.paragraphs_apart(*at, span.start) <= 1
                        && !another_organisation_between
                        && self
                            .doc
                            .entities
                            .iter()
                            .any(|e| &e.id == id && e.kind == EntityKind::Organisation)
                })
                .map(|(r, _)| r.clone());
            if let Some(previous) = previous {
                self.history.push((previous.clone(), span.start));
                return previous;
            }
        }
        let single = range.1 - range.0 == 1;
        // "the OECD, which argued in a report …": the phrase the relative clause is about.
        if let Some(antecedent) = self.relative_antecedent(range).filter(|_| single) {
            return self.resolve(antecedent);
        }
        if single && is_pronoun(&toks[range.0]) {
            let t = &toks[range.0];
            let wants_person = t.is_any(PERSON_PRONOUNS);
            let wants_group = t.is_any(GROUP_PRONOUNS);
            let earlier = || self.history.iter().rev().filter(|(_, at)| *at < span.start);
            let found = if t.is("it") {
                // "The prime minister's office said … It added": "it" goes on for the speaker
                // just before it, in its paragraph or the one before, when that is one body.
                earlier()
                    .next()
                    .filter(|(r, at)| {
                        self.is_one_body(r) && self.paragraphs_apart(*at, span.start) <= 1
                    })
                    .map(|(r, _)| r.clone())
            } else {
                earlier()
                    .find(|(r, _)| (wants_person && r.person) || (wants_group && !r.person))
                    .map(|(r, _)| r.clone())
            };
            return found.unwrap_or(Resolved {
                entity: None,
                name: self.doc.text[span.start..span.end].to_owned(),
                person: wants_person,
            });
        }
        let resolved = self.name_of(range);
        // "Irons, whose film … is in competition, said": a lone surname the NER did not tag
        // here, read as the fuller name the article gives ("Jeremy Irons"), is the one person
        // the entities layer has by that name.
        if let Some(person) = self.person_named(&resolved.name) {
            return self.remember(person, person.name.clone(), true, span.start);
        }
        self.history.push((resolved.clone(), span.start));
        resolved
    }

    /// The one person entity named `name` in full (two words or more).
    fn person_named(&self, name: &str) -> Option<&'a Entity> {
        if !name.contains(' ') {
            return None;
        }
        let mut named = self
            .doc
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && e.name == name);
        match (named.next(), named.next()) {
            (Some(entity), None) => Some(entity),
            _ => None,
        }
    }

    /// The organisation a spokesperson speaks for ("a Vodafone spokesman", "a spokeswoman for
    /// the Treasury") or whose figures or research speak ("Labor Department figures", "figures
    /// gathered by Continental Research"), with whether a person speaks for it: the words are
    /// the organisation's, as a reader would report them.
    fn body_spoken_for(&self, range: (usize, usize)) -> Option<(&'a Entity, bool)> {
        let toks = &self.view.toks;
        let core = self.core(range);
        // The noun may come before a prepositional phrase that says what the findings are
        // about ("A National Audit Office report on the 20 biggest projects").
        let body_noun =
            |k: usize| toks[k].is_any(SPOKESPERSON_NOUNS) || toks[k].is_any(FINDINGS_NOUNS);
        // A spokesperson's noun comes before the body it speaks for ("a spokesman for the
        // firm").
        let head = (core.0..core.1 - 1)
            .find(|&k| {
                (body_noun(k) && toks[k + 1].is_any(&["on", "into", "about", "over"]))
                    || (toks[k].is_any(SPOKESPERSON_NOUNS) && toks[k + 1].is("for"))
            })
            .unwrap_or(core.1 - 1);
        if !body_noun(head) {
            return None;
        }
        let spokesperson = toks[head].is_any(SPOKESPERSON_NOUNS);
        let prepositions: &[&str] = if spokesperson {
            &["for"]
        } else {
            &["by", "from"]
        };
        if let Some(entity) = self.organisation_of(core.0, head, range.1, prepositions) {
            return Some((entity, spokesperson));
        }
        let bare = core == range && core.1 - core.0 == 2;
        // "A company spokesman", "a spokesman for the firm": a body named only by a noun any
        // firm goes by is the one the text was about, as for "a spokesman". A noun of a kind
        // ("a bank spokesman") may be another of that kind than the one the text was about.
        let organisation_noun =
            |k: usize| toks[k].is_any(&["company", "firm", "group", "business", "corporation"]);
        let by_its_noun = core == range
            && ((core.1 - core.0 == 3 && head == core.1 - 1 && organisation_noun(core.0 + 1))
                || (head == core.0 + 1
                    && core.1 == head + 4
                    && toks[head + 1].is("for")
                    && toks[head + 2].is("the")
                    && organisation_noun(head + 3)));
        if spokesperson && (bare || by_its_noun) {
            return self.body_of_a_bare_spokesperson(core.0).map(|e| (e, true));
        }
        // "the report" after "a report by the World Economic Forum": the same findings, when
        // the phrase is only the findings ("the report", "the new survey") and the nearest
        // earlier writing of that noun names its author.
        let definite = toks[core.0].is_any(&["the", "this", "that"]);
        let only_modifiers = (core.0 + 1..head).all(|k| toks[k].tag.starts_with("JJ"));
        if spokesperson || !definite || !only_modifiers || core.1 != range.1 {
            return None;
        }
        // Earlier "the report"s without an author are passed over; an earlier "a report"
        // without one introduced other findings.
        for earlier in (0..core.0)
            .rev()
            .filter(|&k| toks[k].lower == toks[head].lower)
        {
            let mut from = earlier;
            while from > 0 && earlier - from < 6 && np_word(self.view, &toks[from - 1]) {
                from -= 1;
            }
            let sentence_end = (earlier + 1..core.0)
                .find(|&k| toks[k].is_any(&[".", "!", "?"]))
                .unwrap_or(core.0);
            if let Some(entity) = self.organisation_of(from, earlier, sentence_end, prepositions) {
                return Some((entity, false));
            }
            if !toks[from].is("the") {
                return None;
            }
        }
        None
    }

    /// The organisation "a spokesman" or "the spokeswoman" starting at token `at` speaks for, when
    /// the phrase names none: "the spokesman" goes on for the nearest earlier spokesperson
    /// who had one ("A Bayern spokesman said … the spokesman said"); otherwise the body is the
    /// organisation the text was just about — the subject of a main clause in the sentence
    /// or the two before it, nearest first ("The DTI has dismissed the proposal. A spokesman
    /// said …").
    fn body_of_a_bare_spokesperson(&self, at: usize) -> Option<&'a Entity> {
        let toks = &self.view.toks;
        if toks[at].is("the") {
            let earlier = (0..at).rev().find(|&k| toks[k].is_any(SPOKESPERSON_NOUNS));
            if let Some(earlier) =
                earlier.filter(|&k| self.paragraphs_apart(toks[k].start, toks[at].start) <= 2)
            {
                let mut from = earlier;
                while from > 0 && earlier - from < 6 && np_word(self.view, &toks[from - 1]) {
                    from -= 1;
                }
                let end = (earlier + 1..toks.len())
                    .find(|&k| toks[k].is_any(&[".", "!", "?", ","]))
                    .unwrap_or(toks.len());
                return self.organisation_of(from, earlier, end, &["for"]);
            }
        }
        let sentences = &self.doc.sentences;
        let here = sentences.partition_point(|s| s.end <= toks[at].start);
        if here >= sentences.len() {
            return None;
        }
        (here.saturating_sub(2)..=here)
            .rev()
            .filter(|&i| self.paragraphs_apart(sentences[i].start, toks[at].start) <= 1)
            .find_map(|i| {
                let sentence = sentences[i];
                toks.iter()
                    .enumerate()
                    .filter(|(k, t)| {
                        t.start >= sentence.start
                            && t.end <= sentence.end
                            && (i != here || *k < at)
                            && matches!(t.dep.as_str(), "nsubj" | "nsubjpass")
                            && t.head.is_some_and(|h| toks[h].dep == "ROOT")
                    })
                    .find_map(|(_, t)| {
                        entity_for(self.doc, t.span())
                            .filter(|e| e.kind == EntityKind::Organisation)
                    })
            })
    }

    /// The one person whose role, as the article gives it, is the whole phrase after "the"
    /// ("the home secretary" for "Home Secretary Charles Clarke", not for a "Shadow home
    /// secretary").
    fn person_with_role(&self, range: (usize, usize)) -> Option<&'a Entity> {
        let toks = &self.view.toks;
        if range.1 - range.0 < 2 || !toks[range.0].is("the") {
            return None;
        }
        let words: Vec<&str> = toks[range.0 + 1..range.1]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        let mut people = self.doc.entities.iter().filter(|e| {
            e.kind == EntityKind::Person && e.roles.iter().any(|r| role_reads_as(&r.text, &words))
        });
        match (people.next(), people.next()) {
            (Some(person), None) => Some(person),
            _ => None,
        }
    }

    /// The organisation named in the phrase of noun `head` (starting at `from`) before the
    /// noun ("a Vodafone spokesman", "BT research", "its report") or after it, before `end`,
    /// right after one of `prepositions` or after one participle and one ("a spokeswoman for
    /// the Treasury", "figures compiled by Chart-Track").
    fn organisation_of(
        &self,
        from: usize,
        head: usize,
        end: usize,
        prepositions: &[&str],
    ) -> Option<&'a Entity> {
        let toks = &self.view.toks;
        let doc = self.doc;
        let organisation = |k: usize| {
            entity_for(doc, toks[k].span()).filter(|e| e.kind == EntityKind::Organisation)
        };
        if let Some(entity) = (from..head).rev().find_map(organisation) {
            return Some(entity);
        }
        let preposition = (head + 1..end.min(head + 3)).find(|&k| toks[k].is_any(prepositions))?;
        if preposition == head + 2
            && !(toks[head + 1].tag == "VBN" || toks[head + 1].lower.ends_with("ed"))
        {
            return None;
        }
        // Up to a clause or a participle that starts one ("a spokesman for the regulator
        // quoted in China Daily").
        (preposition + 1..end)
            .take_while(|&k| {
                !toks[k].is_any(&[",", "(", "who", "which", "that"]) && toks[k].tag != "VBN"
            })
            .find_map(organisation)
    }

    /// A speaker resolved to `entity`, remembered for the pronouns after it at byte `at`.
    fn remember(&mut self, entity: &Entity, name: String, person: bool, at: usize) -> Resolved {
        let resolved = Resolved {
            entity: Some(entity.id.clone()),
            name,
            person,
        };
        self.history.push((resolved.clone(), at));
        resolved
    }

    /// Whether a resolved speaker is one organisation, place or body ("the prime minister's
    /// office", "Wimpey", a person's writing: "Mr Crosby's statement"), not a person, a group
    /// or a plural ("analysts", "figures").
    fn is_one_body(&self, resolved: &Resolved) -> bool {
        if resolved.person {
            return false;
        }
        match &resolved.entity {
            Some(id) => self.doc.entities.iter().any(|e| {
                &e.id == id
                    && matches!(
                        e.kind,
                        EntityKind::Organisation | EntityKind::Place | EntityKind::Person
                    )
            }),
            None => {
                let last = resolved.name.rsplit(' ').next().unwrap_or_default();
                let lower = last.to_lowercase();
                let plural = is_plural_word(&lower)
                    || matches!(
                        lower.as_str(),
                        "people"
                            | "police"
                            | "staff"
                            | "children"
                            | "those"
                            | "these"
                            | "some"
                            | "many"
                            | "all"
                            | "both"
                    );
                !plural && !is_pronoun_word(&lower) && last.chars().any(char::is_alphabetic)
            }
        }
    }

    /// How many paragraphs lie between two byte offsets.
    fn paragraphs_apart(&self, first: usize, second: usize) -> usize {
        let paragraph = |at: usize| self.doc.paragraphs.partition_point(|p| p.end <= at);
        paragraph(second).saturating_sub(paragraph(first))
    }

    /// The part of a speaker phrase before a preposition ("of", "in", "for", "from", "at") that
    /// names an entity of a kind `wanted` accepts, ending there: the first such part.
    fn named_before_a_preposition(
        &self,
        range: (usize, usize),
        wanted: impl Fn(EntityKind) -> bool,
    ) -> Option<(usize, usize)> {
        let toks = &self.view.toks;
        let mut prepositions = (range.0 + 1..range.1)
            .filter(|&k| toks[k].is_any(&["of", "in", "for", "from", "at", "on"]));
        prepositions.find_map(|preposition| {
            let mut end = preposition;
            while end > range.0 && !toks[end - 1].word {
                end -= 1;
            }
            if end == range.0 {
                return None;
            }
            let before = (range.0, end);
            let core = self.core(before);
            let head = toks[core.1 - 1].span();
            // The name must end before the preposition: "of" inside "a Department of Homeland
            // Security spokeswoman" or "the Court of Appeals for …" is part of the name.
            let ends_before = |e: &Entity| {
                e.mentions
                    .iter()
                    .filter(|m| m.start < head.end && head.start < m.end)
                    .all(|m| m.end <= toks[end - 1].end)
            };
            entity_for(self.doc, head)
                .filter(|e| wanted(e.kind) && ends_before(e))
                .map(|_| before)
        })
    }

    /// The person or organisation whose writing, talk or office the phrase is, named before its
    /// "'s" ("Mr Crosby's statement", "Ms Fiorina's talk", "Mr Spitzer's office", "the BBC's
    /// report"): they speak through it.
    fn owner_of_a_writing(&self, range: (usize, usize)) -> Option<&'a Entity> {
        let toks = &self.view.toks;
        let core = self.core(range);
        let head = &toks[core.1 - 1];
        let writing =
            head.is_any(DOCUMENT_NOUNS) || head.is_any(WORK_NOUNS) || head.is_any(OWN_WORDS_NOUNS);
        if !writing || core.1 - core.0 < 3 {
            return None;
        }
        // The "'s" before the noun, with only adjectives between ("Mr Crosby's latest
        // statement").
        let possessive = (core.0 + 1..core.1 - 1)
            .rev()
            .take_while(|&k| toks[k].tag.starts_with("JJ") || toks[k].tag == "POS")
            .find(|&k| toks[k].tag == "POS")?;
        let owner = toks[possessive - 1].span();
        entity_for(self.doc, owner)
            .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organisation))
    }

    /// The author of a writing the article named before, for a bare "the report", "the
    /// survey", "the study" that speaks: the nearest earlier writing of that noun (in the last
    /// 150 words) written with its author — "a survey by the CBI", "research carried out by
    /// Saint Bernard Software" — or in "X said in a report" / "in its latest report", where X,
    /// a speaker with an entity just before, is the author. Not when that earlier writing has
    /// neither: "a study says … The study found" is the study's own.
    fn author_of_an_earlier_writing(&mut self, range: (usize, usize)) -> Option<Resolved> {
        let toks = &self.view.toks;
        let bare = range.1 - range.0 == 2
            && toks[range.0].is_any(&["the", "this"])
            && (toks[range.0 + 1].is_any(DOCUMENT_NOUNS)
                || toks[range.0 + 1].is_any(WORK_NOUNS)
                || toks[range.0 + 1].is("research"));
        if !bare {
            return None;
        }
        let noun = &toks[range.0 + 1];
        let earlier = (range.0.saturating_sub(150)..range.0)
            .rev()
            .find(|&k| toks[k].lower == noun.lower)?;
        // "research carried out by …", "a survey conducted on its behalf by …"
        let by = (earlier + 1..(earlier + 5).min(range.0))
            .take_while(|&k| !toks[k].is(".") && !toks[k].is(","))
            .find(|&k| toks[k].is_any(&["by", "from"]));
        if let Some(by) = by {
            let author = np_right(self.view, by + 1, range.0)?;
            let resolved = self.resolve(author);
            return resolved.entity.is_some().then_some(resolved);
        }
        // "Oxfam says in a report", "the Fed said in its latest Beige Book report"
        let in_at = (earlier.saturating_sub(5)..earlier)
            .rev()
            .take_while(|&k| !toks[k].is(",") && !toks[k].is("."))
            .find(|&k| toks[k].is("in"))?;
        let at = toks[in_at].start;
        self.history
            .iter()
            .rev()
            .find(|(r, offset)| {
                *offset < at
                    && at - offset < 200
                    && r.entity.is_some()
                    // In the same sentence and paragraph.
                    && !self.doc.text.get(*offset..at).is_some_and(|t| {
                        t.contains(". ") || t.contains('\n') || t.contains(".\"")
                    })
            })
            .map(|(r, _)| r.clone())
    }

    /// The one entity with a mention written exactly as the phrase `core`, when every word of it
    /// is capitalised ("Labour", "Age Concern"; not "The government").
    fn entity_written_alike(&self, core: (usize, usize)) -> Option<&'a Entity> {
        let toks = &self.view.toks;
        let words = &toks[core.0..core.1];
        if !words.iter().all(|t| t.cap) || words.iter().all(is_pronoun) {
            return None;
        }
        let written = &self.doc.text[words[0].start..words[words.len() - 1].end];
        let mut alike = self
            .doc
            .entities
            .iter()
            .filter(|e| e.mentions.iter().any(|m| m.text == written));
        match (alike.next(), alike.next()) {
            (Some(entity), None) => Some(entity),
            _ => None,
        }
    }

    /// The noun phrase a relative pronoun that speaks stands for: the noun its clause hangs on
    /// ("Mr Fitzpatrick, who added …", "the British Bankers' Association, which said …").
    fn relative_antecedent(&self, range: (usize, usize)) -> Option<(usize, usize)> {
        let toks = &self.view.toks;
        let pronoun = toks.get(range.0)?;
        if !pronoun.is_any(&["which", "who", "that"]) {
            return None;
        }
        let verb = pronoun.head?;
        if toks.get(verb)?.dep != "relcl" {
            return None;
        }
        let noun = toks.get(verb)?.head?;
        if noun >= range.0 {
            return None;
        }
        np_core_left(self.view, noun + 1, noun.saturating_sub(24))
    }

    /// The person named in apposition to a role noun: "Its chief executive, Lena Haug," → Lena
    /// Haug, when the entities layer knows her as a person, also after a role of their own
    /// ("the prosecution's star witness, former Telvo finance chief Sam Orr,"). Not a name
    /// inside a longer post-modifier ("the spokesman, who met Lena Haug"). An organisation
    /// named alone in apposition to a noun that is no person's role is the body described
    /// ("The world's biggest confectionery firm, Cadbury Schweppes,").
    fn appositive_entity(&self, range: (usize, usize)) -> Option<&'a Entity> {
        let toks = &self.view.toks;
        let head = &toks[self.core(range).1 - 1];
        if !head.word || head.cap {
            return None;
        }
        let body_described = !is_person_noun(&head.lower);
        self.apposed_entity(range).filter(|e| {
            e.kind == EntityKind::Person || (body_described && e.kind == EntityKind::Organisation)
        })
    }

    /// The entity named by the apposition after a phrase's core: a person, also after words of
    /// a role of their own ("Lena Haug", "former Telvo finance chief Sam Orr"), or any entity
    /// named alone ("Cadbury Schweppes").
    fn apposed_entity(&self, range: (usize, usize)) -> Option<&'a Entity> {
        let toks = &self.view.toks;
        let core = self.core(range);
        if core.1 >= range.1 || !toks[core.1].is(",") {
            return None;
        }
        let start = core.1 + 1;
        let end = (start..range.1)
            .find(|&k| toks[k].is_any(&[",", "(", ")"]))
            .unwrap_or(range.1);
        // The name is the run of capitalised words that ends the apposition; any words before
        // it make a role: nouns, adjectives, determiners, possessives, numbers ("former Telvo
        // finance chief"), no verb or relative pronoun.
        let mut name_start = end;
        while name_start > start && toks[name_start - 1].cap && toks[name_start - 1].word {
            name_start -= 1;
        }
        let role_word = |t: &Tok| {
            t.tag.starts_with("NN")
                || t.tag.starts_with("JJ")
                || matches!(t.tag.as_str(), "DT" | "POS" | "PRP$" | "CD" | "HYPH")
        };
        if name_start >= end
            || (name_start > start
                && !(self.view.tagged && toks[start..name_start].iter().all(role_word)))
        {
            return None;
        }
        let name = Span::new(toks[name_start].start, toks[end - 1].end);
        entity_for(self.doc, name).filter(|e| e.kind == EntityKind::Person || name_start == start)
    }

    /// The phrase without its post-modifiers: appositives, relative clauses, participles
    /// ("cited by").
    fn core(&self, range: (usize, usize)) -> (usize, usize) {
        let toks = &self.view.toks;
        let mut end = range.1;
        for (k, t) in toks.iter().enumerate().take(range.1).skip(range.0) {
            // A participle before the noun it describes is part of the phrase ("A leading
            // expert on the Cuban economy", "Paris-based Euronext"); one after it starts a
            // post-modifier ("officials cited by …", "the UN programme tackling Aids").
            let before_its_noun = || {
                toks[k - 1].is_any(DETERMINERS)
                    || (self.view.tagged && matches!(t.dep.as_str(), "amod" | "compound"))
            };
            let participle = k > range.0
                && !t.cap
                && (t.lower.ends_with("ed") || t.tag == "VBN" || t.tag == "VBG")
                && !(self.view.tagged && t.tag.starts_with("JJ"))
                && !before_its_noun();
            // A dash after a space opens an aside as a comma does, when a name stands before it
            // ("Lord Bingham - a senior law lord - said") or when the only aside runs to the
            // phrase's end and does not start with a name ("the film - an Angolan/French
            // production - was"); after a role the name may follow the aside ("SLBA chairman -
            // and Commercial Bank managing director - AL Gooneratne") or be the aside ("one
            // consumer group - Consumers Against … (Caspian) -"). A hyphen inside a name
            // ("Wright-Phillips") has no space before it.
            let spaced_dash = |j: usize| super::is_spaced_dash(toks, j);
            let aside_dash = k > range.0
                && spaced_dash(k)
                && (entity_for(self.doc, toks[k - 1].span()).is_some()
                    || (!(range.0 + 1..k).any(spaced_dash)
                        && !(k + 1..range.1).any(spaced_dash)
                        && toks.get(k + 1).is_some_and(|next| !next.cap)));
            if t.is_any(&[",", "(", "who", "which", "that", "whose"]) || participle || aside_dash {
                end = k;
                break;
            }
        }
        // "Former welfare minister Frank Field MP": letters after a person's name are not the
        // phrase's head ("The MP" and "a Tory MP" keep theirs).
        while end > range.0 + 1
            && POST_NOMINALS.contains(&&self.doc.text[toks[end - 1].start..toks[end - 1].end])
            && entity_for(self.doc, toks[end - 2].span())
                .is_some_and(|e| e.kind == EntityKind::Person)
        {
            end -= 1;
        }
        (range.0, end.max(range.0 + 1))
    }

    /// The head of a phrase whose name comes in an "of" or "in" phrase after a common noun:
    /// "council" in "the regional council of Port Alder", "president" in "the president of
    /// France", "jury" in "a jury in Virginia" — the body or the person speaks, not the place it
    /// belongs to. `None` when the phrase has no such "of" or "in", when the word before it is
    /// part of a name ("the Bank of England"), when a person named at the end speaks, or when
    /// the phrase is a writing whose author speaks.
    fn of_head(&self, core: (usize, usize)) -> Option<usize> {
        let toks = &self.view.toks;
        let h = (core.0 + 1..core.1.saturating_sub(1))
            .find(|&k| toks[k].is_any(&["of", "in"]))
            .map(|k| k - 1)?;
        let head = &toks[h];
        // A capital that the tagger reads as a common noun starts the sentence ("Traders in
        // Asia"); any other is part of a name ("the Bank of England").
        let common_noun = matches!(head.tag.as_str(), "NN" | "NNS");
        if !head.word || head.is_any(DETERMINERS) || (head.cap && !common_noun) {
            return None;
        }
        // A person named at the end is the one who speaks ("Merck's head of research Peter
        // Kim"), unless the noun relates someone else to that person ("a close associate of
        // former Yukos boss Mikhail Khodorkovsky").
        let last = toks[core.1 - 1].span();
        let ends_with_a_person =
            entity_for(self.doc, last).is_some_and(|e| e.kind == EntityKind::Person);
        if ends_with_a_person && !head.is_any(RELATION_NOUNS) {
            return None;
        }
        // "a survey of 280 schemes by Incomes Data Services", "a review in the New York Times":
        // the work's author or publisher speaks.
        let writing = |word: &str| DOCUMENT_NOUNS.contains(&word) || WORK_NOUNS.contains(&word);
        if toks[h..core.1].iter().any(|t| t.is("by"))
            || writing(&head.lower)
            || writing(&head.lemma)
        {
            return None;
        }
        if !self.view.tagged {
            return Some(h);
        }
        // With a parse, the noun must head the whole phrase, as the parser reads it.
        let inside = |k: usize| (core.0..core.1).contains(&k);
        let phrase_head =
            (core.0..core.1).find(|&k| toks[k].head.is_none_or(|g| g == k || !inside(g)));
        (common_noun && phrase_head == Some(h)).then_some(h)
    }

    /// The canonical name of a noun-phrase mention.
    fn name_of(&self, range: (usize, usize)) -> Resolved {
        let toks = &self.view.toks;
        let text = &self.doc.text;
        let core = self.core(range);
        if let Some(head) = self.of_head(core) {
            let mut s = core.0;
            while s + 1 < core.1 && toks[s].is_any(&["the", "a", "an"]) {
                s += 1;
            }
            let head = &toks[head];
            return Resolved {
                entity: None,
                name: text[toks[s].start..toks[core.1 - 1].end].to_owned(),
                person: !head.lower.ends_with('s') && is_person_noun(&head.lower),
            };
        }
        // The name: the last run of capitalised words (with "of"/"for"/"and" inside).
        let mut best: Option<(usize, usize)> = None;
        let mut k = core.0;
        while k < core.1 {
            if toks[k].cap && toks[k].word && !toks[k].is_any(DETERMINERS) {
                let s = k;
                let mut e = k + 1;
                while e < core.1 {
                    let t = &toks[e];
                    if (t.cap && t.word)
                        || super::is_joining_hyphen(toks, e)
                        || (t.is_any(&["of", "for", "and"])
                            && toks.get(e + 1).is_some_and(|n| n.cap && e + 1 < core.1))
                    {
                        e += 1;
                    } else {
                        break;
                    }
                }
                best = Some((s, e));
                k = e;
            } else {
                k += 1;
            }
        }
        let person_ent = self.view.toks[core.0..core.1]
            .iter()
            .any(|t| t.ent == "PERSON");
        match best {
            // A name inside a phrase headed by a common noun ("EU states") does not name the
            // speaker; the phrase does.
            Some((_, e)) if e < core.1 && toks[core.1 - 1].word && !toks[core.1 - 1].cap => {
                let mut s = core.0;
                while s + 1 < core.1 && toks[s].is_any(&["the", "a", "an"]) {
                    s += 1;
                }
                Resolved {
                    entity: None,
                    name: text[toks[s].start..toks[core.1 - 1].end].to_owned(),
                    person: false,
                }
            }
            Some((s, e)) => {
                let (s, e) = strip_titles(toks, s, e);
                let run = &text[toks[s].start..toks[e - 1].end];
                // A lone surname resolves to the fullest name in the article ending with it.
                // A lone name resolves to the fullest name in the article ending with it
                // ("Miller" → "Matthew Miller"), else starting with it ("Kim" → "Kim Jong-un").
                let full = if e - s == 1 {
                    let longest = |matches: &dyn Fn(usize, usize) -> bool| {
                        self.names
                            .iter()
                            .filter(|&&(ns, ne)| ne - ns > 1 && matches(ns, ne))
                            .max_by_key(|&&(ns, ne)| (ne - ns, std::cmp::Reverse(ns)))
                            .map(|&(ns, ne)| text[toks[ns].start..toks[ne - 1].end].to_owned())
                    };
                    longest(&|_, ne| toks[ne - 1].lower == toks[s].lower)
                        .or_else(|| longest(&|ns, _| toks[ns].lower == toks[s].lower))
                } else {
                    None
                };
                let lowercase_head = toks[core.1 - 1].word && !toks[core.1 - 1].cap;
                let person = if self.view.tagged && toks.iter().any(|t| !t.ent.is_empty()) {
                    person_ent
                } else {
                    !lowercase_head && (e - s >= 2 || full.is_some())
                };
                Resolved {
                    entity: None,
                    name: full.unwrap_or_else(|| run.to_owned()),
                    person: person && !lowercase_head,
                }
            }
            None => {
                let mut s = core.0;
                while s + 1 < core.1 && toks[s].is_any(&["the", "a", "an"]) {
                    s += 1;
                }
                let head = &toks[core.1 - 1];
                Resolved {
                    entity: None,
                    name: text[toks[s].start..toks[core.1 - 1].end].to_owned(),
                    // "the spokesman" is a person; "officials", "the ministry" are not.
                    person: !head.lower.ends_with('s') && is_person_noun(&head.lower),
                }
            }
        }
    }
}

/// Lowercase role nouns that name one person.
fn is_person_noun(word: &str) -> bool {
    matches!(
        word,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "minister"
            | "president"
            | "official"
            | "senator"
            | "governor"
            | "mayor"
            | "candidate"
            | "nominee"
            | "adviser"
            | "advisor"
            | "aide"
            | "director"
            | "chairman"
            | "chairwoman"
            | "leader"
            | "secretary"
            | "ambassador"
            | "analyst"
            | "expert"
            | "professor"
            | "lawyer"
            | "attorney"
            | "judge"
            | "man"
            | "woman"
            | "chief"
            | "head"
            | "manager"
            | "strategist"
            | "pollster"
            | "author"
            | "source"
    )
}

/// Drops leading titles from a name ("President Zelenskiy" → "Zelenskiy" is not wanted for
/// display, but a run like "Sen. Bernie Sanders" names the person as "Bernie Sanders").
fn strip_titles(toks: &[Tok], mut s: usize, e: usize) -> (usize, usize) {
    const TITLES: &[&str] = &[
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sen",
        "sen.",
        "rep",
        "rep.",
        "gov",
        "gov.",
        "president",
        "senator",
        "governor",
        "secretary",
        "minister",
        "prime",
        "chancellor",
        "mayor",
        "judge",
        "gen",
        "gen.",
        "general",
        "sir",
        "lord",
        "lady",
        "speaker",
        "chairman",
        "vice",
        "former",
        "us",
        "u.s.",
        "state",
        "secretary-general",
    ];
    while e - s > 2 && toks[s].is_any(TITLES) {
        s += 1;
    }
    (s, e)
}

/// The entity of the entities layer that has a mention overlapping `span`, a person first:
/// the seam through which coreference (pronouns, "the minister") reaches the quotation layer.
fn entity_for(doc: &Document, span: Span) -> Option<&Entity> {
    let overlapping = |e: &&Entity| {
        e.mentions
            .iter()
            .any(|m| m.start < span.end && span.start < m.end)
    };
    doc.entities
        .iter()
        .filter(overlapping)
        .find(|e| e.kind == EntityKind::Person)
        .or_else(|| doc.entities.iter().find(overlapping))
}

/// Runs of two or more capitalised words in the article (candidate full names).
fn name_runs(view: &TokenView) -> Vec<(usize, usize)> {
    let toks = &view.toks;
    let mut runs = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if toks[k].cap && toks[k].word && !toks[k].is_any(STOP_WORDS) {
            let s = k;
            let mut e = k + 1;
            while e < toks.len()
                && ((toks[e].cap && toks[e].word)
                    || super::is_joining_hyphen(toks, e)
                    || (super::is_joining_hyphen(toks, e - 1) && toks[e].word && e > s))
            {
                e += 1;
            }
            if e - s >= 2 && e - s <= 4 {
                let (s2, e2) = strip_titles(toks, s, e);
                runs.push((s2, e2));
            }
            k = e;
        } else {
            k += 1;
        }
    }
    runs
}
