//! The entities layer: who and what the article talks about, with every mention of each and the
//! roles the article gives them.
//!
//! Built from the NER's named mentions and the parse, in steps:
//! 1. named mentions become entities — people by name (a surname joins the full name it ends,
//!    "Mr. Obama" joins "Barack Obama"; a shorter writing joins the full one, "Donald Trump"
//!    joins "Donald J. Trump"; a given name alone joins the one person it begins the name of,
//!    "Hillary" joins "Hillary Clinton"), places through a small gazetteer that also fixes NER
//!    kinds (Kyiv is a place) and ties demonyms to their place ("Ukrainian" is a mention of
//!    Ukraine), organisations and groups by text ([`names`], [`gazetteer`]). What the NER calls
//!    a person but cannot be one is dropped: headline and page-furniture words ("Trump Amid
//!    …"), words the tagger reads as no proper noun ("Conceding"), platforms ("Twitter");
//!    a person's surname the NER missed ("Tester said") is added where only one person bears it;
//!    a "person" the article shows to be a company ("Pernod Ricard shares", "Aston Martin, the
//!    British carmaker", "… said its profits") becomes an organisation;
//! 2. collective sources ("western officials", "EU states") become groups ([`groups`]);
//! 3. roles come from the article's own words: pre-modifiers, appositives, copulas and
//!    coordinated role phrases ([`roles`]);
//! 4. coreference adds "the former"/"the latter", "the two men", role nouns ("the minister")
//!    and pronouns ([`coref`]). A trained ranker can choose the antecedent of "he"/"she"
//!    pronouns instead, the rules' choice among its features ([`ranker`],
//!    [`resolve_entities_with`]); it is not the default because it does not beat the rules on
//!    PolNeAR dev (see ARCHITECTURE.md).
//!
//! Every mention carries a `label` saying its form: `name`, `surname`, `given` (a given name
//! alone), `title` (a name with a
//! title or honorific), `pronoun`, `nominal` (a role noun), `demonym` and `anaphor` ("the
//! former", "the two men"). Without a parse (no tokens) only step 1 runs.

mod coref;
pub(crate) mod gazetteer;
pub mod gender;
mod groups;
mod names;
mod parse;
mod parties;
pub mod ranker;
mod roles;
mod split_names;

use std::collections::HashSet;

use newsfacts_doc::{Document, Entity, EntityKind, Mention, Role};

pub(crate) use coref::ORGANISATION_NOUNS;
use gazetteer::PlaceWord;
use gender::Gender;
pub(crate) use names::POST_NOMINALS;
use parse::Parse;
pub use roles::role_reads_as;

/// One named mention as the NER found it: byte span, NER label, and the entity kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedMention<'a> {
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
    pub kind: EntityKind,
}

/// The NER's named mentions of an analysis, as [`resolve_entities`] takes them.
pub fn named_mentions<'a>(analysis: &'a newsfacts_nlp::Analysis<'_>) -> Vec<NamedMention<'a>> {
    analysis
        .entities
        .iter()
        .map(|entity| NamedMention {
            start: entity.start,
            end: entity.end,
            label: entity.label,
            kind: entity.kind(),
        })
        .collect()
}

/// Mention labels: the form a mention takes.
pub mod form {
    pub const NAME: &str = "name";
    pub const SURNAME: &str = "surname";
    pub const GIVEN: &str = "given";
    pub const TITLE: &str = "title";
    pub const PRONOUN: &str = "pronoun";
    pub const NOMINAL: &str = "nominal";
    pub const DEMONYM: &str = "demonym";
    pub const ANAPHOR: &str = "anaphor";
}

/// An entity while it is being built.
#[derive(Debug, Clone)]
struct Draft {
    kind: EntityKind,
    name: String,
    roles: Vec<Role>,
    mentions: Vec<Mention>,
    gender: Gender,
    /// Lemmas of the nouns that head its roles ("spokesman", "minister"), for "the minister".
    role_nouns: Vec<String>,
    /// Spans of the mentions the NER typed a person that joined this place or organisation
    /// because the article gave it the name first ("Rubio" a facility, then "Rubio said").
    typed_person: Vec<(usize, usize)>,
}

impl Draft {
    fn new(kind: EntityKind, name: &str) -> Draft {
        Draft {
            kind,
            name: name.to_string(),
            roles: Vec::new(),
            mentions: Vec::new(),
            gender: Gender::Unknown,
            role_nouns: Vec::new(),
            typed_person: Vec::new(),
        }
    }

    fn add_mention(&mut self, text: &str, start: usize, end: usize, label: &str) {
        if self
            .mentions
            .iter()
            .any(|m| m.start < end && start < m.end && m.label.as_deref() == Some(label))
        {
            return;
        }
        self.mentions.push(Mention {
            start,
            end,
            text: text.get(start..end).unwrap_or_default().to_string(),
            label: Some(label.to_string()),
        });
    }

    fn first_offset(&self) -> usize {
        self.mentions
            .iter()
            .map(|m| m.start)
            .min()
            .unwrap_or(usize::MAX)
    }

    fn add_role(&mut self, role: Role) {
        if !self.roles.iter().any(|r| r.text == role.text) {
            self.roles.push(role);
        }
    }
}

/// Builds the entities layer from the NER's named mentions and, where the document has tokens,
/// its parse; pronouns are resolved by the rules.
pub fn resolve_entities(doc: &Document, mentions: &[NamedMention<'_>]) -> Vec<Entity> {
    resolve_entities_with(doc, mentions, None)
}

/// [`resolve_entities`] with a pronoun ranker choosing the antecedents of "he"/"she" (the
/// embedded one is [`ranker::PronounRanker::embedded`]), or with the rules alone (`None`).
pub fn resolve_entities_with(
    doc: &Document,
    mentions: &[NamedMention<'_>],
    ranker: Option<&ranker::PronounRanker>,
) -> Vec<Entity> {
    build(doc, mentions, ranker, None)
}

/// One "he"/"she" pronoun as the ranker sees it: its byte span, the candidate antecedents most
/// recent first, and which of them the rules chose.
#[derive(Debug, Clone, PartialEq)]
pub struct PronounCase {
    pub start: usize,
    pub end: usize,
    pub candidates: Vec<PronounCandidate>,
    /// Index into `candidates` of the rules' choice, when they chose one of them.
    pub rule: Option<usize>,
}

/// A candidate antecedent: the entity's name, the byte spans of all its mentions, and the
/// ranker's features of it for this pronoun.
#[derive(Debug, Clone, PartialEq)]
pub struct PronounCandidate {
    pub name: String,
    pub mentions: Vec<(usize, usize)>,
    pub features: Vec<String>,
}

/// The pronoun cases of a document with every pronoun resolved by the rules alone: the data
/// the ranker is trained on (independent of the ranker shipped).
pub fn pronoun_cases(doc: &Document, mentions: &[NamedMention<'_>]) -> Vec<PronounCase> {
    let mut cases = Vec::new();
    build(doc, mentions, None, Some(&mut cases));
    cases
}

fn build(
    doc: &Document,
    mentions: &[NamedMention<'_>],
    ranker: Option<&ranker::PronounRanker>,
    trace: Option<&mut Vec<PronounCase>>,
) -> Vec<Entity> {
    let knows = |word: &str| newsfacts_nlp::EnglishPipeline::global().knows_common_word(word);
    let mentions = &split_names::join_organisation_names(&doc.text, mentions, knows);
    let mut drafts = named_entities(doc, mentions);
    if !doc.tokens.is_empty() {
        let parse = Parse::new(doc);
        drop_people_without_proper_nouns(&parse, &mut drafts);
        drop_ones_of_a_nation(&mut drafts);
        drop_common_words_capitalised_by_a_sentence_start(&parse, &mut drafts);
        drop_names_used_as_modifiers(&parse, &mut drafts);
        drop_names_written_as_things(&parse, &mut drafts);
        drop_portfolios_taken_for_organisations(&parse, &mut drafts);
        saints_taken_for_places(&parse, &mut drafts);
        people_taken_for_places(&parse, &mut drafts);
        people_listed_with(EntityKind::Place, &parse, &mut drafts);
        people_listed_with(EntityKind::Organisation, &parse, &mut drafts);
        people_an_honorific_names(&parse, &mut drafts);
        people_a_role_names(&parse, &mut drafts);
        people_listed_beside_people(&parse, &mut drafts);
        names_fix_kinds(&mut drafts);
        companies_in_initials_taken_for_places(&parse, &mut drafts);
        companies_taken_for_people(&parse, &mut drafts);
        first_words_of_companies_taken_for_people(&mut drafts);
        names_the_article_determines(&parse, &mut drafts);
        plural_names_taken_for_people(&parse, &mut drafts);
        names_ending_in_a_possessive(&parse, &mut drafts);
        // After the kinds are fixed: "Stone" typed an organisation is Oliver Stone's surname,
        // not Rolling Stone.
        bare_heads_join_their_organisation(&mut drafts);
        // Before the initials join their organisation: "the LSE said" with the London Stock
        // Exchange named before is that organisation.
        add_speakers_in_initials_the_ner_missed(&parse, &mut drafts);
        initials_join_their_organisation(&mut drafts);
        organisations_named_with_their_country(&mut drafts);
        add_full_names_the_ner_missed(&parse, &mut drafts);
        // Before the surnames: "Ms May said" after "Theresa May, …, said" is hers.
        add_speakers_the_ner_missed(&parse, &mut drafts);
        add_surnames_the_ner_missed(&parse, &mut drafts);
        add_names_the_ner_missed(&parse, &mut drafts);
        add_people_named_with_honorifics(&parse, &mut drafts);
        groups::add_groups(&parse, &mut drafts);
        roles::add_roles(&parse, &mut drafts);
        coref::resolve(&parse, &mut drafts, ranker, trace);
    }
    finish(drafts)
}

/// Groups named mentions into entities (the layer without coreference or roles).
pub fn group_named_mentions(doc: &Document, mentions: &[NamedMention<'_>]) -> Vec<Entity> {
    finish(named_entities(doc, mentions))
}

/// Sorts mentions, orders entities by first mention and numbers them.
fn finish(mut drafts: Vec<Draft>) -> Vec<Entity> {
    drafts.retain(|d| !d.mentions.is_empty());
    for draft in &mut drafts {
        draft.mentions.sort_by_key(|m| (m.start, m.end));
    }
    drafts.sort_by_key(Draft::first_offset);
    drafts
        .into_iter()
        .enumerate()
        .map(|(number, d)| Entity {
            id: format!("e{}", number + 1),
            kind: d.kind,
            name: d.name,
            roles: d.roles,
            mentions: d.mentions,
            actor: None,
        })
        .collect()
}

/// An organisation whose name ends in "'s" that the NER cut off: "McDonald's announced",
/// "Standard & Poor's has", "Foster's said". The "'s" is the name's when a finite verb in
/// lower case follows it (a possessive is followed by what is owned: "Sony's assertion"; a
/// title after it is capitalised: "Band Aid's Do They Know It's Christmas?"; a bracket after
/// it mostly gives the initials of the owner: "the Disasters Emergency Committee's (DEC)
/// fund"). The name takes it back, written as the text writes it; the mentions keep their
/// spans.
fn names_ending_in_a_possessive(parse: &Parse<'_>, drafts: &mut [Draft]) {
    for draft in drafts
        .iter_mut()
        .filter(|d| d.kind == EntityKind::Organisation)
    {
        if draft.name.ends_with("'s") || draft.name.ends_with("’s") {
            continue;
        }
        // A finite verb, not a participle or gerund that modifies what is owned ("Labour's
        // proposed tax", "the EU's ruling body").
        let finite_verb = |k: usize| {
            matches!(parse.tag(k), "VBD" | "VBZ" | "VBP" | "MD")
                && parse.word(k).starts_with(|c: char| c.is_lowercase())
                && !matches!(parse.pos(k + 1), "NOUN" | "PROPN")
        };
        let possessive = draft.mentions.iter().find_map(|m| {
            let last = parse.tokens_in(m.start, m.end).last()?;
            let mark = last + 1;
            let after = mark + 1;
            (matches!(parse.lower(mark), "'s" | "’s") && finite_verb(after))
                .then(|| parse.word(mark))
        });
        if let Some(mark) = possessive {
            draft.name.push_str(mark);
        }
    }
}

/// Step 1: named mentions to entities.
fn named_entities(doc: &Document, mentions: &[NamedMention<'_>]) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    for mention in mentions {
        if mention.kind == EntityKind::Other {
            continue;
        }
        // The name is read from the mention's span as trimmed, so the two agree.
        let (mut start, end) = trim_span(&doc.text, mention.start, mention.end);
        if mention.kind == EntityKind::Person {
            start = after_a_role_word(&doc.text, start, end);
        }
        let Some(written) = doc.text.get(start..end) else {
            continue;
        };
        let name = names::clean_name(written);
        let other_name = names::clean_other_name(written);
        if name.is_empty() || other_name.is_empty() {
            continue;
        }
        // The gazetteer knows places better than the NER does; an ambiguous name the NER
        // calls a person stays a person ("Georgia", "Jordan", "Washington"). The plural for a
        // nation's people is never one person ("Britons").
        let place = gazetteer::lookup(written).filter(|word| {
            mention.kind != EntityKind::Person
                || matches!(word, PlaceWord::Name(n) if !AMBIGUOUS_PLACES.contains(n))
                || matches!(word, PlaceWord::People(_))
        });
        match place {
            Some(PlaceWord::Name(canonical)) if mention.label != "ORG" || is_country(canonical) => {
                let index = find_or_add(&mut drafts, EntityKind::Place, canonical);
                drafts[index].add_mention(&doc.text, start, end, form::NAME);
                continue;
            }
            Some(PlaceWord::Adjective(canonical)) => {
                let index = find_or_add(&mut drafts, EntityKind::Place, canonical);
                drafts[index].add_mention(&doc.text, start, end, form::DEMONYM);
                continue;
            }
            Some(PlaceWord::People(canonical)) => {
                let index = find_or_add(&mut drafts, EntityKind::Group, other_name);
                drafts[index].add_mention(&doc.text, start, end, form::NAME);
                drafts[index].add_role(Role {
                    text: "people".into(),
                    org: Some(canonical.to_string()),
                    evidence: None,
                });
                continue;
            }
            _ => {}
        }
        let mut kind = mention.kind;
        if kind == EntityKind::Person && names::ORGANISATIONS_TAKEN_FOR_PEOPLE.contains(&name) {
            kind = EntityKind::Organisation;
        }
        if kind == EntityKind::Person && !names::is_plausible_person_name(name) {
            continue;
        }
        // The NER can type the same words differently from one sentence to the next ("Port
        // Alder voted …", "Port Alder’s current fleet"); a name the article has already given
        // to a place or an organisation keeps that entity.
        // An honorific settles it the other way: "Mrs Camilla Parker Bowles" makes the
        // organisation the NER took her name for earlier a person.
        if kind == EntityKind::Person
            && let Some(index) = drafts.iter().position(|d| {
                d.kind != EntityKind::Person && (d.name == name || d.name == other_name)
            })
        {
            if drafts[index].kind == EntityKind::Organisation
                && names::has_personal_honorific(written)
            {
                drafts[index].kind = EntityKind::Person;
            } else {
                drafts[index].add_mention(&doc.text, start, end, form::NAME);
                drafts[index].typed_person.push((start, end));
                continue;
            }
        }
        if kind != EntityKind::Person {
            let index = find_or_add(&mut drafts, kind, other_name);
            drafts[index].add_mention(&doc.text, start, end, form::NAME);
            continue;
        }
        let label = if names::has_title(written) {
            form::TITLE
        } else {
            form::NAME
        };
        // An honorific says the gender: "Mrs. Clinton" is not Bill Clinton.
        let honorific = written.split(' ').next().unwrap_or_default().to_lowercase();
        let written_gender = if names::has_title(written) {
            gender::of_word(&honorific)
        } else {
            Gender::Unknown
        };
        let found = drafts.iter().position(|d| {
            d.kind == EntityKind::Person
                && (d.name == name || names::is_short_form(&d.name, name))
                && d.gender.agrees(written_gender)
        });
        let index = match found {
            Some(index) => {
                let label = if label == form::NAME && drafts[index].name != name {
                    form::SURNAME
                } else {
                    label
                };
                drafts[index].add_mention(&doc.text, start, end, label);
                index
            }
            None => {
                // A full name seen after its short form takes the short form's entity over.
                let full_gender = written_gender.or(if name.contains(' ') {
                    gender::of_given_name(name.split(' ').next().unwrap_or_default())
                } else {
                    Gender::Unknown
                });
                let short = drafts.iter().position(|d| {
                    d.kind == EntityKind::Person
                        && names::is_short_form(name, &d.name)
                        && d.gender.agrees(full_gender)
                });
                let index = match short {
                    Some(index) => {
                        drafts[index].name = name.to_string();
                        for m in &mut drafts[index].mentions {
                            if m.label.as_deref() == Some(form::NAME) {
                                m.label = Some(form::SURNAME.into());
                            }
                        }
                        index
                    }
                    None => {
                        drafts.push(Draft::new(EntityKind::Person, name));
                        drafts.len() - 1
                    }
                };
                drafts[index].add_mention(&doc.text, start, end, label);
                index
            }
        };
        let draft = &mut drafts[index];
        let given = draft.name.split(' ').next().unwrap_or_default();
        let evidence = gender::of_word(&honorific).or(if draft.name.contains(' ') {
            gender::of_given_name(given)
        } else {
            Gender::Unknown
        });
        draft.gender = draft.gender.or(evidence);
    }
    join_name_variants(&mut drafts);
    parties::join_parties(&mut drafts);
    drafts
}

/// Joins an organisation named by one word to the one organisation of the article whose name
/// ends with it: "the Party" in a statement about the Conservative Party, "the Bank" after
/// Deutsche Bank, "Shell" after Royal Dutch Shell. With two such ("Labour Party" and
/// "Conservative Party") the word stays on its own.
fn bare_heads_join_their_organisation(drafts: &mut Vec<Draft>) {
    join_each_to_its_one_fuller(
        drafts,
        |draft| draft.kind == EntityKind::Organisation && !draft.name.contains(' '),
        // A name the NER ran over a dash, a bracket or a comma ("Best First Feature at Cannes -
        // Nair", "Foster's Lager, Foster") is no organisation's.
        |draft, d| {
            d.kind == EntityKind::Organisation
                && d.name.contains(' ')
                && !d.name.contains(" - ")
                && !d.name.contains(['(', ','])
                && d.name.rsplit(' ').next() == Some(draft.name.as_str())
        },
    );
}

/// Moves the mentions of every draft `joins` accepts into the one other draft that
/// `is_the_fuller` accepts for it; a draft with two such, or none, stays as it is.
fn join_each_to_its_one_fuller(
    drafts: &mut Vec<Draft>,
    joins: impl Fn(&Draft) -> bool,
    is_the_fuller: impl Fn(&Draft, &Draft) -> bool,
) {
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (from, draft) in drafts.iter().enumerate() {
        if !joins(draft) {
            continue;
        }
        let mut fuller = drafts
            .iter()
            .enumerate()
            .filter(|&(to, d)| to != from && is_the_fuller(draft, d));
        if let (Some((to, _)), None) = (fuller.next(), fuller.next()) {
            moves.push((from, to));
        }
    }
    for &(from, to) in &moves {
        let moved = std::mem::take(&mut drafts[from].mentions);
        drafts[to].mentions.extend(moved);
    }
    drafts.retain(|d| !d.mentions.is_empty());
}

/// Whether a name is written in initials: two to six capitals, digits after the first ("LSE",
/// "BT", "O2").
fn is_written_in_initials(name: &str) -> bool {
    let mut letters = name.chars();
    (2..=6).contains(&name.len())
        && letters.next().is_some_and(|c| c.is_ascii_uppercase())
        && letters.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Joins an organisation written by its initials to the one organisation whose name they are
/// the initials of: "LSE" to the London Stock Exchange, "CBI" to the Confederation of British
/// Industry ("of", "for", "and", "the" are passed over, as initials do). Two such names, or
/// none, leave the initials alone.
fn initials_join_their_organisation(drafts: &mut Vec<Draft>) {
    let initials_of = |name: &str| -> String {
        name.split([' ', '-'])
            .filter(|word| !matches!(*word, "of" | "for" | "and" | "the" | "&"))
            .filter_map(|word| word.chars().next())
            .collect()
    };
    join_each_to_its_one_fuller(
        drafts,
        |draft| draft.kind == EntityKind::Organisation && is_written_in_initials(&draft.name),
        |draft, d| {
            d.kind == EntityKind::Organisation
                && d.name.contains(' ')
                // Words, not initials themselves: "BT Together" is a product of BT's.
                && d.name.split(' ').all(|w| {
                    w.chars().next().is_some_and(char::is_alphabetic)
                        && !(w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()))
                })
                && initials_of(&d.name) == draft.name
        },
    );
}

/// Joins an organisation named with its country before it to the same name without: "US
/// Federal Reserve" and "Federal Reserve", "UK Independence Party" and "Independence Party",
/// "British Potato Council" and "Potato Council". The rest must be two words or more ("US
/// Bank" is not every "Bank"); the longer name stays. Not a party after a nation's adjective.
fn organisations_named_with_their_country(drafts: &mut [Draft]) {
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (to, draft) in drafts.iter().enumerate() {
        if draft.kind != EntityKind::Organisation {
            continue;
        }
        let Some((country, rest)) = draft.name.split_once(' ') else {
            continue;
        };
        // A nation's adjective before a party names its branch there: the Scottish Labour
        // Party is not the Labour Party.
        let joins = match gazetteer::lookup(country) {
            Some(PlaceWord::Name(_)) => true,
            Some(PlaceWord::Adjective(_)) => !rest.ends_with(" Party"),
            _ => false,
        };
        if !rest.contains(' ') || !joins {
            continue;
        }
        let shorter = drafts
            .iter()
            .position(|d| d.kind == EntityKind::Organisation && d.name == rest);
        if let Some(from) = shorter {
            moves.push((from, to));
        }
    }
    for (from, to) in moves {
        let moved = std::mem::take(&mut drafts[from].mentions);
        drafts[to].mentions.extend(moved);
    }
}

/// Joins people written in more than one way: a shorter writing of a full name ("Donald
/// Trump" and "Donald J. Trump") and a given name alone ("Hillary" for Hillary Clinton), each
/// only where the article has a single person it can be.
fn join_name_variants(drafts: &mut Vec<Draft>) {
    loop {
        let people: Vec<usize> = (0..drafts.len())
            .filter(|&i| drafts[i].kind == EntityKind::Person)
            .collect();
        let mut join: Option<(usize, usize, &str)> = None;
        for &from in &people {
            let name = drafts[from].name.as_str();
            let longer: Vec<usize> = people
                .iter()
                .copied()
                .filter(|&to| names::is_shorter_writing(&drafts[to].name, name))
                .collect();
            if let [to] = longer[..] {
                join = Some((from, to, form::NAME));
                break;
            }
            // A surname of two words, written with an honorific ("Mrs Parker Bowles" for
            // Camilla Parker Bowles, "Mr Duncan Smith"): the full name without its given name.
            if name.contains(' ')
                && drafts[from]
                    .mentions
                    .iter()
                    .any(|m| names::has_personal_honorific(&m.text))
            {
                let bearers: Vec<usize> = people
                    .iter()
                    .copied()
                    .filter(|&to| {
                        names::given_name(&drafts[to].name).is_some_and(|given| {
                            drafts[to].name.strip_prefix(given).map(str::trim_start) == Some(name)
                        })
                    })
                    .collect();
                if let [to] = bearers[..] {
                    join = Some((from, to, form::SURNAME));
                    break;
                }
            }
            // A royal named by a given name ("Prince Charles") is no other person's given name.
            if name.contains(' ')
                || names::is_title_word(&name.to_lowercase())
                || drafts[from]
                    .mentions
                    .iter()
                    .any(|m| names::has_regnal_title(&m.text))
            {
                continue;
            }
            let is_a_surname = people
                .iter()
                .any(|&p| p != from && names::surname(&drafts[p].name) == name);
            let bearers: Vec<usize> = people
                .iter()
                .copied()
                .filter(|&to| names::given_name(&drafts[to].name) == Some(name))
                .collect();
            if let ([to], false) = (&bearers[..], is_a_surname) {
                join = Some((from, *to, form::GIVEN));
                break;
            }
        }
        let Some((from, to, label)) = join else {
            return;
        };
        let absorbed = drafts.remove(from);
        let to = if to > from { to - 1 } else { to };
        let Some(target) = drafts.get_mut(to) else {
            return;
        };
        for mut m in absorbed.mentions {
            if m.label.as_deref() == Some(form::NAME) {
                m.label = Some(label.into());
            }
            target.mentions.push(m);
        }
        target.gender = target.gender.or(absorbed.gender);
    }
}

/// Names the gazetteer lists that are also people's names.
const AMBIGUOUS_PLACES: &[&str] = &["Georgia", "Jordan", "Washington", "Chad", "Victoria"];

fn is_country(canonical: &str) -> bool {
    matches!(gazetteer::lookup(canonical), Some(PlaceWord::Name(n)) if n == canonical)
}

fn find_or_add(drafts: &mut Vec<Draft>, kind: EntityKind, name: &str) -> usize {
    match drafts.iter().position(|d| d.kind == kind && d.name == name) {
        Some(index) => index,
        None => {
            drafts.push(Draft::new(kind, name));
            drafts.len() - 1
        }
    }
}

/// A name without the comma, semicolon, colon or apostrophe the NER ran it over ("Northgate
/// Energy, Pellham Oil and …", the possessive "the United States' increasing …"), nor a dash or
/// opening bracket after a space ("Vladimir Putin - who …", "Office of National Statistics
/// (ONS)"), nor trailing space; a full stop may be the name's own ("Inc.", "U.S."), and so may
/// a hyphen written without a space.
fn without_trailing_punctuation(written: &str) -> &str {
    let mut name = written;
    loop {
        let trimmed = name.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '\'' | '’')
        });
        let shorter = [" -", " –", " —", " ("]
            .iter()
            .find_map(|mark| trimmed.strip_suffix(mark))
            .unwrap_or(trimmed);
        if shorter.len() == name.len() {
            return name;
        }
        name = shorter;
    }
}

/// The start of a person's name without a role word the NER ran it over where the sentence
/// capitalised it ("Sprinter Michelle Collins", "Kenyan Bernard Lagat"): a first word of three
/// or more, shaped as a role, that English knows as a common word and the given-name lists do
/// not, before a given name they know. "Mark Richard Hughes" keeps its "Mark" and "Bonny Lee
/// Bakley" her "Bonny"; the role is read from the parse.
fn after_a_role_word(text: &str, start: usize, end: usize) -> usize {
    let Some(written) = text.get(start..end) else {
        return start;
    };
    let words: Vec<&str> = written.split(' ').collect();
    let [first, given, _, ..] = words[..] else {
        return start;
    };
    let lower = first.to_lowercase();
    // Shaped as a role: a noun of one who does ("sprinter", "novelist", "comedian",
    // "backbencher", "Welshman"), a nation's adjective or people ("Kenyan", "Briton"), or one
    // of a few others; not a title, which names keep ("Archbishop Desmond Tutu").
    let role_shaped = ["er", "or", "ist", "ian", "man", "ant", "ent", "ee"]
        .iter()
        .any(|suffix| lower.ends_with(suffix))
        || matches!(
            gazetteer::lookup(first),
            Some(PlaceWord::Adjective(_) | PlaceWord::People(_))
        )
        || matches!(lower.as_str(), "dj" | "model" | "comic" | "tory" | "scot");
    let is_role_word = role_shaped
        && first.chars().all(char::is_alphabetic)
        && !names::has_title(written)
        && gender::of_given_name(first) == Gender::Unknown
        && gender::of_given_name(given) != Gender::Unknown
        && newsfacts_nlp::EnglishPipeline::global().knows_common_word(&lower);
    if is_role_word {
        start + first.len() + 1
    } else {
        start
    }
}

/// A mention span without trailing punctuation, a possessive or spaces, and without a leading
/// "the", "ex-" or single quotation mark; and ending before a dash written with spaces, which
/// opens an aside the NER ran the name over ("Arsene Wenger - he said", "Florian Hamm -
/// Borussia Dortmund's largest investor").
fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(mut written) = text.get(start..end) else {
        return (start, end);
    };
    if let Some(cut) = [" - ", " – ", " — "]
        .iter()
        .filter_map(|dash| written.find(dash))
        .min()
        .filter(|&cut| cut > 0)
    {
        written = &written[..cut];
    }
    let mut s = start;
    let mut e = start + written.len();
    let trimmed_end = without_trailing_punctuation(written);
    e -= written.len() - trimmed_end.len();
    for suffix in ["’s", "'s"] {
        if text
            .get(s..e)
            .is_some_and(|w| w.ends_with(suffix) && w.len() > suffix.len())
        {
            e -= suffix.len();
        }
    }
    // "ex-Yukos boss": the NER may run a name over the prefix that makes it a former one.
    // "'New World'": a single quotation mark the NER took in.
    for prefix in [
        "the ", "The ", "a ", "an ", "ex-", "Ex-", "'", "‘", "- ", "– ",
    ] {
        if text
            .get(s..e)
            .is_some_and(|w| w.starts_with(prefix) && w.len() > prefix.len())
        {
            s += prefix.len();
        }
    }
    (s, e)
}

/// Drops the people the NER found in words the tagger reads as no proper noun at all
/// ("Conceding that …", "Nationally, …"): a person's name has a proper noun in it.
fn drop_people_without_proper_nouns(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    drafts.retain(|d| {
        d.kind != EntityKind::Person
            || d.mentions.iter().any(|m| {
                parse
                    .tokens_in(m.start, m.end)
                    .any(|t| matches!(parse.tag(t), "NNP" | "NNPS"))
            })
    });
}

/// Drops the organisations and places the NER found in a common word that only a sentence's
/// start capitalises ("Telecoms is one of two areas", "Slowdowns in the US …", "Budget airline
/// Ryanair"): every mention is one word written Xxxx, first in its sentence, that the tagger
/// reads as no proper noun and the English model's lemma index knows as a common word. A name
/// also written inside a sentence, in capitals ("CBI"), read as a proper noun ("Shell said"),
/// unknown to the index ("Citigroup") or employing a named person ("Academy president Frank
/// Pierson") stays.
fn drop_common_words_capitalised_by_a_sentence_start(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    let full_names = full_name_starts(drafts);
    let common_word_at_a_start = |m: &Mention| {
        let mut range = parse.tokens_in(m.start, m.end);
        let (Some(token), None) = (range.next(), range.next()) else {
            return false;
        };
        let word = parse.word(token);
        let mut letters = word.chars();
        let shaped = letters.next().is_some_and(char::is_uppercase)
            && letters.all(|c| c.is_lowercase() || c == '-');
        let first_in_sentence =
            token == 0 || parse.sentence.get(token - 1) != parse.sentence.get(token);
        shaped
            && first_in_sentence
            && !matches!(parse.tag(token), "NNP" | "NNPS")
            && newsfacts_nlp::EnglishPipeline::global().knows_common_word(word)
            // "Academy president Frank Pierson": a body that employs someone.
            && !employs_a_named_person(parse, token + 1, &full_names)
    };
    drafts.retain(|d| {
        // A place named by its demonym ("German carmakers" → Germany) is no common word.
        !matches!(d.kind, EntityKind::Organisation | EntityKind::Place)
            || !d
                .mentions
                .iter()
                .all(|m| m.text == d.name && common_word_at_a_start(m))
    });
}

/// Nouns for people that a team, club, party or firm is written before ("the Toon boss",
/// "the Chelsea striker"), besides the role nouns of [`roles::ROLE_NOUNS`].
const PEOPLE_OF_A_SIDE: &[&str] = &[
    "boss",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "forward",
    "player",
    "captain",
    "coach",
    "star",
    "fan",
    "supporter",
];

/// A place or organisation the NER named first that the article shows to be a person: a
/// mention the NER typed a person is written with "Mr"/"Ms" or is the subject of a speech verb
/// ("Rubio" a facility, then "Rubio said"). A speaking organisation is common ("Ryanair
/// said"), so an organisation also needs its name to begin with a given name the lists know
/// or to be the surname of a person the article names in full; a place the gazetteer knows
/// stays a place ("Georgia said" of a state's officials). The person then joins the full
/// name it is the surname of, where the article has one.
fn people_taken_for_places(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    let full_names: Vec<String> = drafts
        .iter()
        .filter(|d| d.kind == EntityKind::Person && d.name.contains(' '))
        .map(|d| d.name.clone())
        .collect();
    let mut index = 0;
    while index < drafts.len() {
        let draft = &drafts[index];
        let evidence = matches!(draft.kind, EntityKind::Place | EntityKind::Organisation)
            && gazetteer::lookup(&draft.name).is_none()
            && draft.typed_person.iter().any(|&(start, end)| {
                let written = parse.text.get(start..end).unwrap_or_default();
                let speaks = parse
                    .head_of(parse.tokens_in(start, end))
                    .is_some_and(|head| coref::is_speaker(parse, head));
                names::has_personal_honorific(written) || speaks
            });
        let personal_name = names::given_name(&draft.name)
            .is_some_and(|given| gender::of_given_name(given) != Gender::Unknown)
            || full_names
                .iter()
                .any(|full| names::surname(full) == draft.name);
        if !evidence || (draft.kind == EntityKind::Organisation && !personal_name) {
            index += 1;
            continue;
        }
        // The first person whose full name ends with it, as a surname the NER typed a person
        // joins (`named_entities`), else a person of that very name.
        let name = draft.name.clone();
        let is_person = |p: usize| p != index && drafts[p].kind == EntityKind::Person;
        let bearer = (0..drafts.len())
            .find(|&p| is_person(p) && names::is_short_form(&drafts[p].name, &name))
            .or_else(|| (0..drafts.len()).find(|&p| is_person(p) && drafts[p].name == name));
        if let Some(person) = bearer {
            let label = if drafts[person].name == name {
                form::NAME
            } else {
                form::SURNAME
            };
            let moved = drafts.remove(index);
            let person = if person > index { person - 1 } else { person };
            for mut m in moved.mentions {
                m.label = Some(label.into());
                drafts[person].mentions.push(m);
            }
            continue;
        }
        let draft = &mut drafts[index];
        draft.kind = EntityKind::Person;
        if let Some(given) = names::given_name(&draft.name) {
            draft.gender = draft.gender.or(gender::of_given_name(given));
        }
        index += 1;
    }
}

/// Full names the NER typed as organisations or places that the article also writes with an
/// honorific before the surname: "Bernie Ebbers … Mr Ebbers", "Torao Toshitsune … Mr
/// Toshitsune", "Helmut Panke … Mr Panke". Each is a person, of the honorific's gender, and
/// takes in the person the article names by that surname alone ("Panke") or by the same name.
/// The words before the surname must read as given names — a given name the lists know,
/// initials ("JP"), or a capitalised word that is neither a common word nor a place, so not
/// "Irishmen JP McManus" — and a name the article writes as a company's ("Goldman Sachs
/// shares" beside a "Mr Sachs") stays.
fn people_an_honorific_names(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    let name_word = names::is_name_shaped;
    // The surnames written after an honorific, of one or two words ("Mrs Parker Bowles"), with
    // the gender the honorific gives.
    let mut surnames: Vec<(String, Gender)> = Vec::new();
    for index in 0..parse.len() {
        if !parse.word(index).starts_with(char::is_uppercase)
            || !names::NAME_HONORIFICS.contains(&parse.lower(index))
            || !name_word(parse.word(index + 1))
        {
            continue;
        }
        let gender = gender::of_word(&parse.lower(index).replace('.', ""));
        surnames.push((parse.word(index + 1).to_string(), gender));
        if name_word(parse.word(index + 2)) {
            let two = format!("{} {}", parse.word(index + 1), parse.word(index + 2));
            surnames.push((two, gender));
        }
    }
    if surnames.is_empty() {
        return;
    }
    let given_like = |word: &str| {
        let initials = word.trim_end_matches('.').replace('.', "");
        gender::of_given_name(word) != Gender::Unknown
            || ((2..=3).contains(&initials.len())
                && initials.chars().all(|c| c.is_ascii_uppercase()))
            || (name_word(word)
                && !word.chars().all(|c| c.is_uppercase())
                && gazetteer::lookup(word).is_none()
                && !newsfacts_nlp::EnglishPipeline::global().knows_common_word(word))
    };
    let full_names = full_name_starts(drafts);
    for index in 0..drafts.len() {
        let draft = &drafts[index];
        if !matches!(draft.kind, EntityKind::Organisation | EntityKind::Place)
            || gazetteer::lookup(&draft.name).is_some()
            || ORGANISATION_LAST_WORDS.contains(&names::surname(&draft.name))
        {
            continue;
        }
        let written = surnames.iter().find_map(|(surname, gender)| {
            let given = draft
                .name
                .strip_suffix(surname.as_str())?
                .strip_suffix(' ')?;
            let words: Vec<&str> = given.split(' ').collect();
            (words.len() <= 2 && words.iter().all(|w| given_like(w))).then_some(*gender)
        });
        let Some(honorific_gender) = written else {
            continue;
        };
        if draft
            .mentions
            .iter()
            .any(|m| written_as_a_company(parse, m, false, &full_names))
        {
            continue;
        }
        let name = draft.name.clone();
        let gender = honorific_gender
            .or(names::given_name(&name).map_or(Gender::Unknown, gender::of_given_name));
        // The same person written by the surname alone or under the same name, where this is
        // the only full name with that surname.
        let namesakes = drafts
            .iter()
            .enumerate()
            .filter(|&(other, d)| {
                other != index
                    && d.kind == EntityKind::Person
                    && d.name.contains(' ')
                    && names::surname(&d.name) == names::surname(&name)
                    && d.name != name
                    && !name.ends_with(&format!(" {}", d.name))
            })
            .count();
        let joining: Vec<usize> = (0..drafts.len())
            .filter(|&other| {
                let d = &drafts[other];
                other != index
                    && d.kind == EntityKind::Person
                    && d.gender.agrees(gender)
                    && (d.name == name
                        || (namesakes == 0
                            && (names::is_short_form(&name, &d.name)
                                // "Parker Bowles" of "Camilla Parker Bowles".
                                || name.ends_with(&format!(" {}", d.name)))))
            })
            .collect();
        for other in joining {
            let label = if drafts[other].name == name {
                form::NAME
            } else {
                form::SURNAME
            };
            let moved = std::mem::take(&mut drafts[other].mentions);
            for mut m in moved {
                if m.label.as_deref() == Some(form::NAME) {
                    m.label = Some(label.into());
                }
                drafts[index].mentions.push(m);
            }
            let roles = std::mem::take(&mut drafts[other].roles);
            for role in roles {
                drafts[index].add_role(role);
            }
        }
        let draft = &mut drafts[index];
        draft.kind = EntityKind::Person;
        draft.gender = draft.gender.or(gender);
    }
    drafts.retain(|d| !d.mentions.is_empty());
}

/// A full name the NER typed an organisation or place that the article writes right after a
/// person's role ("former WorldCom boss Bernie Ebbers", "lawyer Gregory Ioannidis"), after a
/// role and a comma ("Kenteris's lawyer, Gregory Ioannidis,") or with a role in apposition
/// after it ("Nick Davies, spokesman for the IAAF,", "Julia Eccleshare, chair of the panel,"),
/// or that speaks, in full or by its surname alone ("Gregory Ioannidis has … Ioannidis said"),
/// is a person, when it starts with a given name the lists know, does not end in a body's noun
/// ("Brent Council said") and no mention is written as a company's.
fn people_a_role_names(parse: &Parse<'_>, drafts: &mut [Draft]) {
    let pipeline = newsfacts_nlp::EnglishPipeline::global();
    let full_names = full_name_starts(drafts);
    for draft in drafts.iter_mut() {
        if !a_body_shaped_as_a_persons_name(draft) {
            continue;
        }
        let words: Vec<&str> = draft.name.split(' ').collect();
        let is_role = |i: usize| {
            parse.word(i).starts_with(char::is_lowercase)
                && (roles::ROLE_NOUNS.contains(&parse.lower(i))
                    || PERSON_ROLES_IN_SPORT_AND_ARTS.contains(&parse.lower(i)))
        };
        let after_a_role = |m: &Mention| {
            let first = parse.tokens_in(m.start, m.end).start;
            // "lawyer Gregory Ioannidis"; "Kenteris's lawyer, Gregory Ioannidis".
            (first > 0 && is_role(first - 1))
                || (first > 1 && parse.word(first - 1) == "," && is_role(first - 2))
        };
        // "Nick Davies, spokesman for the IAAF": the name's head has a role in apposition.
        let with_a_role_after = |m: &Mention| {
            parse
                .head_of(parse.tokens_in(m.start, m.end))
                .is_some_and(|head| {
                    parse
                        .children(head)
                        .iter()
                        .any(|&c| c > head && parse.dep(c) == "appos" && is_role(c))
                })
        };
        // "Cates told reporters", "Dent said": the name, or its surname alone, speaks — as a
        // name, not as a body's noun ("the Council said" is no Brent Council's surname).
        let surname = names::surname(&draft.name);
        let last_word = surname.to_lowercase();
        let names_a_body = coref::BODY_NOUNS.contains(&last_word.as_str())
            || coref::ORGANISATION_NOUNS.contains(&last_word.as_str())
            || BODY_LAST_WORDS.contains(&last_word.as_str());
        let speaks = || {
            !names_a_body
                && (0..parse.len()).any(|i| {
                    parse.word(i) == surname
                        && parse.tag(i) == "NNP"
                        && !(i > 0 && parse.tag(i - 1) == "DT")
                        && coref::is_source(parse, i)
                })
        };
        // A given name the lists do not know ("Shogo Tomiyama", "Graeme Souness") needs a
        // person's role noun right before the name ("producer", not "rival" or "owner", which
        // bodies are too, nor an adjective, "the official Xinhua News Agency"), and a last
        // word that is no common word ("Deutsche Bank", "Menatep Group").
        let given_name_known = gender::of_given_name(words[0]) != Gender::Unknown;
        let persons_role = |i: usize| {
            is_role(i) && parse.tag(i) == "NN" && !ROLES_OF_BODIES.contains(&parse.lower(i))
        };
        let role_named = if given_name_known {
            draft
                .mentions
                .iter()
                .any(|m| after_a_role(m) || with_a_role_after(m))
                || speaks()
        } else {
            !pipeline.knows_common_word(surname)
                && draft.mentions.iter().any(|m| {
                    let first = parse.tokens_in(m.start, m.end).start;
                    first > 0 && persons_role(first - 1)
                })
        };
        if !role_named
            || draft
                .mentions
                .iter()
                .any(|m| written_as_a_company(parse, m, false, &full_names))
        {
            continue;
        }
        draft.kind = EntityKind::Person;
        draft.gender = draft.gender.or(gender::of_given_name(words[0]));
    }
}

/// Role nouns a body can hold as well as a person ("German rival Deutsche Boerse", "Yukos'
/// owner Menatep Group", "fund manager Matrix Asset Advisors").
const ROLES_OF_BODIES: &[&str] = &[
    "rival",
    "owner",
    "advisor",
    "adviser",
    "partner",
    "nominee",
    "manager",
    "sponsor",
    "shareholder",
    "investor",
    "member",
    "winner",
    "bidder",
    "buyer",
    "client",
    "customer",
    "backer",
    "supplier",
    "champion",
    "leader",
];

/// Whether an organisation or place the NER found is named as a person could be: two or
/// three words shaped as names, no place the gazetteer knows, no club's or firm's last word
/// ("Aston Villa").
fn a_body_shaped_as_a_persons_name(draft: &Draft) -> bool {
    let words: Vec<&str> = draft.name.split(' ').collect();
    matches!(draft.kind, EntityKind::Organisation | EntityKind::Place)
        && (2..=3).contains(&words.len())
        && words.iter().all(|w| names::is_name_shaped(w))
        && gazetteer::lookup(&draft.name).is_none()
        && !ORGANISATION_LAST_WORDS.contains(&names::surname(&draft.name))
}

/// A full name the NER typed an organisation or place that the article lists right beside a
/// person named in full ("Keanu Reeves and Richard Gere", "Meryl Streep, Morgan Freeman and
/// Cate Blanchett", "Paolo Maldini and Alessandro Costacurta") is a person, when it starts with
/// a given name the lists know and is no place the gazetteer knows nor a body by its last word
/// ("Eli Lilly and Pfizer" has no person beside it).
fn people_listed_beside_people(parse: &Parse<'_>, drafts: &mut [Draft]) {
    // The first and last tokens of the mentions of people named in full.
    let mut person_starts = HashSet::new();
    let mut person_ends = HashSet::new();
    for draft in drafts
        .iter()
        .filter(|d| d.kind == EntityKind::Person && d.name.contains(' '))
    {
        for m in &draft.mentions {
            let tokens = parse.tokens_in(m.start, m.end);
            if let Some(last) = tokens.clone().last() {
                person_starts.insert(tokens.start);
                person_ends.insert(last);
            }
        }
    }
    let joins = |i: usize| matches!(parse.lower(i), "," | "and");
    for draft in drafts.iter_mut() {
        let words: Vec<&str> = draft.name.split(' ').collect();
        if !a_body_shaped_as_a_persons_name(draft)
            || gender::of_given_name(words[0]) == Gender::Unknown
        {
            continue;
        }
        let beside_a_person = draft.mentions.iter().any(|m| {
            let tokens = parse.tokens_in(m.start, m.end);
            let Some(last) = tokens.clone().last() else {
                return false;
            };
            let first = tokens.start;
            let after = first >= 2 && joins(first - 1) && person_ends.contains(&(first - 2));
            let before = joins(last + 1) && person_starts.contains(&(last + 2));
            after || before
        });
        if beside_a_person {
            draft.kind = EntityKind::Person;
            draft.gender = draft.gender.or(gender::of_given_name(words[0]));
        }
    }
}

/// Last words of bodies' names beyond the nouns coreference reads ("Terrence Higgins Trust",
/// "Simon Wiesenthal Center"): a name ending in one does not become a person by speaking.
const BODY_LAST_WORDS: &[&str] = &["trust", "centre", "center", "fund", "society", "campaign"];

/// Roles of people in sport and the arts written before their names ("Chelsea striker …").
const PERSON_ROLES_IN_SPORT_AND_ARTS: &[&str] = &[
    "boss",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "forward",
    "player",
    "singer",
    "actor",
    "actress",
    "rapper",
    "guitarist",
    "drummer",
    "producer",
    "skipper",
    "model",
];

/// A one-word "person" every mention of which is listed with places or set after one is a
/// place: "he visits Manchester, Liverpool, Leicester … and Torbay", "in Guildford and
/// Woolwich", "Luton, Bedfordshire". A list is one of places when most other names in it are
/// places and it has two of them or follows a preposition of place. In the same way, one
/// listed with organisations is an organisation: "The claimants are Northgate Energy, Pellham
/// Oil and Stroud" (most other names organisations, and two of them). A person the article
/// shows to be one (a gender, a title, a given name or surname joined to it) stays.
fn people_listed_with(kind: EntityKind, parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    let mut kind_tokens = vec![false; parse.len()];
    for draft in drafts.iter().filter(|d| d.kind == kind) {
        for m in &draft.mentions {
            for token in parse.tokens_in(m.start, m.end) {
                if let Some(flag) = kind_tokens.get_mut(token) {
                    *flag = true;
                }
            }
        }
    }
    let is_kind = |token: usize| kind_tokens.get(token).copied().unwrap_or(false);
    let listed_with_its_kind = |m: &Mention| {
        let Some(head) = parse.head_of(parse.tokens_in(m.start, m.end)) else {
            return false;
        };
        // "Luton, Bedfordshire": set after a place (not "Martinez (Argentina)", a place after it).
        if kind == EntityKind::Place && parse.dep(head) == "appos" && is_kind(parse.head(head)) {
            return true;
        }
        // The coordination it is part of: its first conjunct, and every conjunct of that.
        let mut first = head;
        while parse.dep(first) == "conj" && parse.head(first) != first {
            first = parse.head(first);
        }
        let mut members = vec![first];
        let mut at = 0;
        while let Some(&member) = members.get(at) {
            members.extend(
                parse
                    .children(member)
                    .iter()
                    .copied()
                    .filter(|&c| parse.dep(c) == "conj"),
            );
            at += 1;
        }
        let others: Vec<usize> = members.into_iter().filter(|&t| t != head).collect();
        let of_kind = others.iter().filter(|&&t| is_kind(t)).count();
        // Most other names in the list places ("Caravaggio, Stubbs and Rubens" is no list of
        // places), and two of them, or the list after a preposition of place ("in Guildford
        // and Woolwich"; not "listen to Vivaldi or Greensleeves"); the same for organisations,
        // without the preposition. The other one-word "people" of the list cannot count with
        // the organisations: the given-name lists are too short to tell "Unilever, Diageo and
        // Reckitt" from "Zoe, Chrissie and Sam".
        let names = others
            .iter()
            .filter(|&&t| is_kind(t) || matches!(parse.tag(t), "NNP" | "NNPS"))
            .count();
        let after_place_preposition = kind == EntityKind::Place
            && parse.dep(first) == "pobj"
            && matches!(
                parse.lower(parse.head(first)),
                "in" | "at" | "near" | "from"
            );
        of_kind * 2 > names && (of_kind >= 2 || after_place_preposition)
    };
    let mut index = 0;
    while index < drafts.len() {
        let draft = &drafts[index];
        let listed = draft.kind == EntityKind::Person
            && draft.gender == Gender::Unknown
            && !draft.name.contains(' ')
            && draft.name.starts_with(char::is_uppercase)
            && !draft.mentions.is_empty()
            && draft
                .mentions
                .iter()
                .all(|m| m.label.as_deref() == Some(form::NAME) && listed_with_its_kind(m));
        if !listed {
            index += 1;
            continue;
        }
        let name = draft.name.clone();
        match drafts.iter().position(|d| d.kind == kind && d.name == name) {
            Some(place) => {
                let moved = drafts.remove(index);
                let place = if place > index { place - 1 } else { place };
                drafts[place].mentions.extend(moved.mentions);
            }
            None => {
                drafts[index].kind = kind;
                index += 1;
            }
        }
    }
}

/// Drops the "people" the NER found in a name used only as a modifier of a person's role
/// after "the": "The Toon boss" is Newcastle's manager, and "Toon" (the club's nickname) no
/// person. Only a one-word name every mention of which is written so goes; other nouns keep
/// it, as a person may name them ("the Clinton administration", "the Tomlinson report").
fn drop_names_used_as_modifiers(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    let is_person_noun =
        |lemma: &str| PEOPLE_OF_A_SIDE.contains(&lemma) || roles::ROLE_NOUNS.contains(&lemma);
    let modifier_after_the = |m: &Mention| {
        let mut range = parse.tokens_in(m.start, m.end);
        let (Some(token), None) = (range.next(), range.next()) else {
            return false;
        };
        let noun = parse.head(token);
        token > 0
            && parse.dep(token) == "compound"
            && noun > token
            && matches!(parse.tag(noun), "NN" | "NNS")
            && is_person_noun(&parse.lemma(noun).to_lowercase())
            && parse.lower(token - 1) == "the"
            && parse.head(token - 1) == noun
    };
    drafts.retain(|d| {
        d.kind != EntityKind::Person
            || d.gender != Gender::Unknown
            || d.mentions.is_empty()
            || !d
                .mentions
                .iter()
                .all(|m| m.label.as_deref() == Some(form::NAME) && modifier_after_the(m))
    });
}

/// Words after a name that make it an award: "Oscar nominee", "her Grammy nomination" — and,
/// after a hyphen only, "Oscar-winning", "Bafta-nominated" ("polls show Kerry winning Ohio" is a
/// person winning). Nobody is "Blair-winning".
const AWARD_FOLLOWERS: &[&str] = &["nominee", "nominees", "nomination", "nominations"];
const AWARD_FOLLOWERS_AFTER_A_HYPHEN: &[&str] = &["winning", "nominated"];

/// Drops the "people" the NER found in a one-word name the article writes as a thing: with an
/// indefinite article ("won an Oscar", "a Grammy for best album" — nobody is "a Blair") or as
/// an award ("Oscar-winning", "Oscar nominations"; [`AWARD_FOLLOWERS`]). The NER may type the
/// name differently each time it occurs, so any such occurrence counts, and every mention goes
/// (also "Oscar hopefuls" beside "an Oscar"), unless the article shows a person (a gender, a
/// title, a given name or surname joined to it).
fn drop_names_written_as_things(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    let with_article = |token: usize| {
        token > 0
            && matches!(parse.lower(token - 1), "a" | "an")
            && parse.dep(token - 1) == "det"
            && parse.head(token - 1) == token
            // One word of a name, not "a John Smith" or "a Pfizer spokesman".
            && !matches!(parse.tag(token + 1), "NNP" | "NNPS")
    };
    let award = |token: usize| {
        let next = token + 1;
        let follower = if parse.lower(next) == "-" {
            let word = parse.lower(next + 1);
            AWARD_FOLLOWERS.contains(&word) || AWARD_FOLLOWERS_AFTER_A_HYPHEN.contains(&word)
        } else {
            AWARD_FOLLOWERS.contains(&parse.lower(next))
        };
        follower
            // Not the second word of a name: "John Oscar-winning" is no such thing, but a name
            // of two words before "nominee" is a person's ("Alan Alda").
            && (token == 0 || !matches!(parse.tag(token - 1), "NNP" | "NNPS"))
    };
    let things: HashSet<&str> = (0..parse.len())
        .filter(|&token| {
            matches!(parse.tag(token), "NNP" | "NNPS") && (with_article(token) || award(token))
        })
        .map(|token| parse.word(token))
        .collect();
    if things.is_empty() {
        return;
    }
    drafts.retain(|d| {
        d.kind != EntityKind::Person
            || d.gender != Gender::Unknown
            || !things.contains(d.name.as_str())
            || !d
                .mentions
                .iter()
                .all(|m| m.label.as_deref() == Some(form::NAME))
    });
}

/// Singular nouns for one person of a nation or region, which the NER takes for names of
/// people, sides or nations ("the Briton", "the Scot", "Swede Joachim Johansson", "every
/// Briton"): no name of anybody's. Not "Scotsman", which names a newspaper.
const ONE_OF_A_NATION: &[&str] = &[
    "Briton",
    "Scot",
    "Scotswoman",
    "Welshman",
    "Welshwoman",
    "Englishman",
    "Englishwoman",
    "Irishman",
    "Irishwoman",
    "Frenchman",
    "Frenchwoman",
    "Dutchman",
    "Dutchwoman",
    "Spaniard",
    "Dane",
    "Swede",
    "Finn",
    "Kiwi",
    "Aussie",
    "Geordie",
    "Scouser",
    "Yorkshireman",
    "Cornishman",
    "Ulsterman",
    "Munsterman",
];

/// Drops the entities named by one of a nation alone ([`ONE_OF_A_NATION`]), whatever kind the
/// NER gave them; coreference reads "the Briton" as the person meant.
fn drop_ones_of_a_nation(drafts: &mut Vec<Draft>) {
    drafts.retain(|d| !ONE_OF_A_NATION.contains(&d.name.as_str()));
}

/// The "people" the NER found in a one-word name that "the" itself determines: "the
/// Premiership", "at the Bernabeu", "The Bill". Nobody's name takes "the"; titles do ("the
/// Queen") and stay people, and the article before a name that modifies a noun is the noun's
/// ("the Clinton administration", "the Datamonitor report", where the tagger may read
/// "report" as a verb), as is a name used as a type ("the Eminem of Argentina"). A plural name
/// is a side, a team or a band ("the Gunners", "the Beatles"), and a name that speaks is a body
/// ("the Forum warned"); the rest go. Runs after the steps that find companies, so a club or firm the article shows to be one
/// ("Charlton defender Hermann Hreidarsson", "The Tate is committed") keeps its kind.
fn names_the_article_determines(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    let pipeline = newsfacts_nlp::EnglishPipeline::global();
    let with_the = |token: usize| {
        let next = token + 1;
        token > 0
            && matches!(parse.tag(token), "NNP" | "NNPS")
            && parse.lower(token - 1) == "the"
            && parse.dep(token - 1) == "det"
            && parse.head(token - 1) == token
            && !matches!(parse.tag(next), "NNP" | "NNPS" | "NN" | "NNS")
            && !(matches!(parse.tag(next), "VBZ" | "VBP")
                && parse.pos(next) == "VERB"
                && pipeline.knows_word_as(parse.word(next), "noun"))
            && parse.lower(next) != "of"
            && !names::is_title_word(parse.lower(token))
            && !names::has_regnal_title(parse.word(token))
    };
    let determined: Vec<usize> = (0..parse.len()).filter(|&t| with_the(t)).collect();
    if determined.is_empty() {
        return;
    }
    let written_so = |d: &Draft| {
        d.kind == EntityKind::Person
            && d.gender == Gender::Unknown
            && !d.name.contains(' ')
            && d.mentions
                .iter()
                .all(|m| m.label.as_deref() == Some(form::NAME))
            && determined.iter().any(|&t| parse.word(t) == d.name)
    };
    for draft in drafts.iter_mut() {
        if !written_so(draft) {
            continue;
        }
        let speaks = || {
            draft.mentions.iter().any(|m| {
                parse
                    .tokens_in(m.start, m.end)
                    .any(|t| coref::is_speaker(parse, t))
            })
        };
        if is_plural_word(&draft.name) || speaks() {
            draft.kind = EntityKind::Organisation;
        }
    }
    drafts.retain(|d| !written_so(d));
}

/// The "people" the NER found in a name of two words or more that ends in a common noun's
/// plural and that the article treats as plural: "the Scissor Sisters", "Sale Sharks have",
/// "the Grammy Awards". A person's surname can be such a word ("Tiger Woods", "Tony Banks"),
/// so the name must begin with no given name the lists know, carry no honorific, and be
/// written with "the" before it or a plural verb after it somewhere in the article. It is an
/// organisation (a team, a band, a firm), or a group when the noun names people acting
/// together ("Labour MPs").
fn plural_names_taken_for_people(parse: &Parse<'_>, drafts: &mut [Draft]) {
    let pipeline = newsfacts_nlp::EnglishPipeline::global();
    for draft in drafts.iter_mut() {
        if draft.kind != EntityKind::Person || draft.gender != Gender::Unknown {
            continue;
        }
        let words: Vec<&str> = draft.name.split(' ').collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        let plural_noun = words.len() >= 2
            && last.starts_with(|c: char| c.is_uppercase())
            && is_plural_word(last)
            && pipeline.knows_word_as(last, "noun");
        if !plural_noun || gender::of_given_name(first) != Gender::Unknown {
            continue;
        }
        let mut named_names = draft
            .mentions
            .iter()
            .filter(|m| m.label.as_deref() == Some(form::NAME))
            .filter_map(|m| {
                let tokens = parse.tokens_in(m.start, m.end);
                (!tokens.is_empty()).then_some(tokens)
            });
        let treated_as_plural = named_names.any(|tokens| {
            let (first_token, last_token) = (tokens.start, tokens.end - 1);
            if parse.word(last_token) != *last {
                return false;
            }
            let with_the = first_token > 0
                && parse.lower(first_token - 1) == "the"
                && parse.head(first_token - 1) == last_token
                && !matches!(parse.tag(last_token + 1), "NNP" | "NNPS" | "NN" | "NNS");
            // Not the verb of names joined by "and": "Graham and Sherry Edwards fly".
            let joined = first_token > 0 && matches!(parse.lower(first_token - 1), "and" | "&");
            let plural_verb = !joined
                && (matches!(parse.tag(last_token + 1), "VBP")
                    || parse.lower(last_token + 1) == "were");
            with_the || plural_verb
        });
        if !treated_as_plural {
            continue;
        }
        let singular = last.to_lowercase();
        let singular = singular.strip_suffix('s').unwrap_or(&singular);
        draft.kind = if groups::is_collective_noun(singular) {
            EntityKind::Group
        } else {
            EntityKind::Organisation
        };
    }
}

/// Whether a word is written as a plural: "Gunners", "Beatles", "analysts", not "Ross",
/// "Marcus", "Chris" or a name in capitals ("GPRS").
pub(crate) fn is_plural_word(word: &str) -> bool {
    word.ends_with('s') && !(word.ends_with("ss") || word.ends_with("us") || word.ends_with("is"))
}

/// Ministries' portfolios, which the NER takes for organisations in a title ("Justice
/// Minister Cathy Jamieson", "Trade Secretary", "Monetary Affairs Commissioner"). Not
/// "Treasury" or "State Department", which are bodies, nor "Labour", a party.
const PORTFOLIOS: &[&str] = &[
    "agriculture",
    "commerce",
    "culture",
    "defence",
    "defense",
    "economic affairs",
    "economy",
    "education",
    "employment",
    "energy",
    "environment",
    "finance",
    "foreign",
    "foreign affairs",
    "health",
    "home",
    "home affairs",
    "industry",
    "interior",
    "justice",
    "monetary affairs",
    "state",
    "trade",
    "transport",
    "transportation",
];

/// Drops the "organisations" the NER found in a portfolio written before a role noun ("Justice
/// Minister", "Finance Minister", "Trade Secretary"): the role is the person's, and no body
/// called "Justice" takes part. Only an entity every mention of which is written so goes.
fn drop_portfolios_taken_for_organisations(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    let portfolio_before_role = |m: &Mention| {
        parse
            .tokens_in(m.start, m.end)
            .last()
            .is_some_and(|last| roles::ROLE_NOUNS.contains(&parse.lower(last + 1)))
    };
    drafts.retain(|d| {
        d.kind != EntityKind::Organisation
            || !PORTFOLIOS.contains(&d.name.to_lowercase().as_str())
            || d.mentions.is_empty()
            || !d.mentions.iter().all(portfolio_before_role)
    });
}

/// What a saint's name the article uses as a place is followed by ("St Mary's Church",
/// "Saint Brigid's Well"): a place it names, not the saint.
const PLACE_NOUNS: &[&str] = &[
    "church",
    "cathedral",
    "chapel",
    "abbey",
    "priory",
    "basilica",
    "parish",
    "hospital",
    "school",
    "college",
    "university",
    "academy",
    "hall",
    "street",
    "road",
    "square",
    "park",
    "station",
    "well",
    "island",
    "bay",
    "stadium",
];

/// Prepositions of place: "in St Albans", "to St Louis".
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "to", "from", "near", "into", "outside", "around", "across", "through", "toward",
    "towards", "via",
];

/// A saint's name the NER typed a person is a place where a mention is used as one (below); one
/// it typed a place or an organisation ("The festival of Saint Brigid" a facility) is a person:
/// "Saint" or "St" and a given name the lists know, where no mention
/// is used as a place — after a preposition of place ("in St Louis") or before a place noun
/// or another name ("St Mary's Church", "St Louis Cardinals"). Towns named after a saint
/// mostly keep a possessive "s" the given-name lists do not know ("St Albans", "St Helens").
fn saints_taken_for_places(parse: &Parse<'_>, drafts: &mut [Draft]) {
    for index in 0..drafts.len() {
        let draft = &drafts[index];
        let taken_for_a_person = draft.kind == EntityKind::Person;
        if !matches!(
            draft.kind,
            EntityKind::Place | EntityKind::Organisation | EntityKind::Person
        ) {
            continue;
        }
        let Some((saint, given)) = draft.name.split_once(' ') else {
            continue;
        };
        let given_gender = gender::of_given_name(given);
        if !matches!(saint, "Saint" | "St" | "St.")
            || given.contains(' ')
            || (given_gender == Gender::Unknown && !taken_for_a_person)
        {
            continue;
        }
        let used_as_place = draft.mentions.iter().any(|m| {
            let range = parse.tokens_in(m.start, m.end);
            let Some(next) = parse.token_after(m.start, m.end) else {
                return false;
            };
            // "St Mary's", "St James' Park", "St Fintian's High School": a saint's name with a
            // possessive names a church, a school, a ground or a street, not the saint; so
            // does one before a noun it modifies ("St Bernard software").
            let possessive =
                next < parse.len() && matches!(parse.lower(next), "'s" | "'" | "’s" | "’");
            let named_thing = next < parse.len()
                && (PLACE_NOUNS.contains(&parse.lemma(next).to_lowercase().as_str())
                    || (matches!(parse.tag(next), "NNP" | "NNPS" | "NN" | "NNS")
                        && parse.lower(next) != "day"));
            let after_place_preposition = parse.head_of(range.clone()).is_some_and(|head| {
                parse.dep(head) == "pobj"
                    && PLACE_PREPOSITIONS.contains(&parse.lower(parse.head(head)))
            });
            // "the Saint Brigid entered service": a ship or building named after the saint.
            let after_the = range
                .start
                .checked_sub(1)
                .is_some_and(|before| parse.lower(before) == "the");
            possessive || named_thing || after_place_preposition || after_the
        });
        if taken_for_a_person {
            // "at St Mary's", "St Fintian's High School", "from St Katherine's dock": the NER's
            // "person" is the place named after the saint.
            if used_as_place {
                drafts[index].kind = EntityKind::Place;
                drafts[index].gender = Gender::Unknown;
            }
            continue;
        }
        if used_as_place {
            continue;
        }
        let name = drafts[index].name.clone();
        let person = drafts
            .iter()
            .position(|d| d.kind == EntityKind::Person && d.name == name);
        match person {
            Some(person) => {
                let moved = std::mem::take(&mut drafts[index].mentions);
                drafts[person].mentions.extend(moved);
            }
            None => {
                drafts[index].kind = EntityKind::Person;
                drafts[index].gender = given_gender;
            }
        }
    }
}

/// The full name of a person the article names by one word that the NER left out: a given name
/// the lists know, capitalised, right before that word and in no mention ("fellow American
/// Justin Gatlin" where the NER found only "Gatlin"). The first such writing becomes a mention
/// and the person's name.
fn add_full_names_the_ner_missed(parse: &Parse<'_>, drafts: &mut [Draft]) {
    let covered = MentionSpans::of(drafts);
    for draft in drafts.iter_mut() {
        if draft.kind != EntityKind::Person
            || draft.name.contains(' ')
            || draft.mentions.is_empty()
            || !names::is_name_shaped(&draft.name)
        {
            continue;
        }
        let written = (1..parse.len()).find(|&i| {
            let given = parse.word(i - 1);
            parse.word(i) == draft.name
                && names::is_name_shaped(given)
                && gender::of_given_name(given) != Gender::Unknown
                // Not the end of a longer name ("DJ Trevor Nelson"), but a word of another
                // mention may stand before it ("fellow American Justin Gatlin").
                && (i < 2
                    || !matches!(parse.tag(i - 2), "NNP" | "NNPS")
                    || parse
                        .tokens
                        .get(i - 2)
                        .is_some_and(|t| covered.overlap(t.start, t.end)))
                && parse
                    .tokens
                    .get(i - 1)
                    .zip(parse.tokens.get(i))
                    .is_some_and(|(g, s)| !covered.overlap(g.start, s.end))
        });
        let Some(i) = written else {
            continue;
        };
        let (Some(given), Some(surname)) = (parse.tokens.get(i - 1), parse.tokens.get(i)) else {
            continue;
        };
        for m in &mut draft.mentions {
            if m.label.as_deref() == Some(form::NAME) {
                m.label = Some(form::SURNAME.into());
            }
        }
        draft.add_mention(parse.text, given.start, surname.end, form::NAME);
        draft.name = format!("{} {}", parse.word(i - 1), draft.name);
        draft.gender = draft.gender.or(gender::of_given_name(parse.word(i - 1)));
    }
}

/// Whether a lower-cased word names a month or a day of the week ("may", "tuesday").
fn names_a_month_or_day(lower: &str) -> bool {
    crate::quantities::dates::month_word(lower).is_some()
        || crate::quantities::dates::weekday_word(lower).is_some()
}

/// The byte spans of every mention of the drafts, sorted: whether a stretch of text is in a
/// mention already.
struct MentionSpans(Vec<(usize, usize)>);

impl MentionSpans {
    fn of(drafts: &[Draft]) -> MentionSpans {
        let mut spans: Vec<(usize, usize)> = drafts
            .iter()
            .flat_map(|d| d.mentions.iter().map(|m| (m.start, m.end)))
            .collect();
        spans.sort_unstable();
        MentionSpans(spans)
    }

    fn overlap(&self, start: usize, end: usize) -> bool {
        let at = self.0.partition_point(|&(s, _)| s < end);
        self.0[..at].iter().any(|&(s, e)| s < end && start < e)
    }
}

/// Adds the writings of a name the NER found elsewhere in the article but missed here
/// ("Rosneft, meanwhile, has agreed …" after "state-controlled oil firm Rosneft"): every
/// occurrence of an organisation's or place's name not yet in a mention, as whole proper-noun
/// words with no proper noun either side ("ECB President" is left to the roles), when no other
/// entity has that name. Never the name of a month or a day ("May", the store group, is not
/// every "in May"). Not people's names: their surnames have [`add_surnames_the_ner_missed`],
/// and a "person" the NER found once and missed elsewhere is often none (a band, a cup, a
/// firm). Nor a one-word name that is the surname of a person the article names in full
/// ("Robben" the NER typed a place beside Arjen Robben): after [`add_surnames_the_ner_missed`].
fn add_names_the_ner_missed(parse: &Parse<'_>, drafts: &mut [Draft]) {
    let covered = MentionSpans::of(drafts);
    let is_covered = |start: usize, end: usize| covered.overlap(start, end);
    let proper = |i: usize| matches!(parse.tag(i), "NNP" | "NNPS");
    let mut additions: Vec<(usize, usize, usize)> = Vec::new();
    for (index, draft) in drafts.iter().enumerate() {
        let name = draft.name.as_str();
        let lower = name.to_lowercase();
        if !matches!(draft.kind, EntityKind::Organisation | EntityKind::Place)
            || draft.mentions.is_empty()
            || name.chars().count() < 2
            || !name.starts_with(char::is_uppercase)
            || name.contains(" - ")
            || names_a_month_or_day(&lower)
            || drafts.iter().enumerate().any(|(other, d)| {
                other != index
                    && !d.mentions.is_empty()
                    && (d.name == name
                        // "Robben" typed a place beside Arjen Robben is his surname.
                        || (d.kind == EntityKind::Person
                            && d.name.contains(' ')
                            && names::surname(&d.name) == name))
            })
        {
            continue;
        }
        for (start, _) in parse.text.match_indices(name) {
            let end = start + name.len();
            let range = parse.tokens_in(start, end);
            let (Some(first), Some(last)) = (range.clone().next(), range.clone().last()) else {
                continue;
            };
            let aligned = parse.tokens.get(first).is_some_and(|t| t.start == start)
                && parse.tokens.get(last).is_some_and(|t| t.end == end);
            if !aligned
                || !range
                    .clone()
                    .all(|i| proper(i) || !parse.word(i).chars().any(char::is_alphabetic))
                || (first > 0 && proper(first - 1))
                || proper(last + 1)
                || is_covered(start, end)
            {
                continue;
            }
            additions.push((index, start, end));
        }
    }
    for (index, start, end) in additions {
        if let Some(draft) = drafts.get_mut(index) {
            draft.add_mention(parse.text, start, end, form::NAME);
        }
    }
}

/// Adds the mentions of a person's surname that the NER left out: a proper noun standing
/// alone (no proper noun either side, but for an honorific only people have before it, "Mr
/// Ebbers", "Lord Browne", which makes a word of any tag a name, "Mr Balls") that is the
/// surname of exactly one person with a full name, where no entity has a mention already
/// ("Tester said" after "Jon Tester"). Titles before the surname are no other name
/// ("Professor Curtice", "Chief Supt Deats"), and a capitalised word the tagger read as a
/// plural is the surname when it stands where a name does ("said Connors", "Connors is").
fn add_surnames_the_ner_missed(parse: &Parse<'_>, drafts: &mut [Draft]) {
    let covered = MentionSpans::of(drafts);
    let is_covered = |start: usize, end: usize| covered.overlap(start, end);
    let mut additions: Vec<(usize, usize, usize)> = Vec::new();
    // A day or month before the name is no part of it ("on Tuesday Mr Ebbers denied").
    let is_date_word = |i: usize| names_a_month_or_day(parse.lower(i));
    for index in 0..parse.len() {
        let proper = |i: usize| matches!(parse.tag(i), "NNP" | "NNPS") && !is_date_word(i);
        // "Mr Ebbers", "Lord Browne": an honorific only people have before the surname is part
        // of the mention, and makes it a name whatever its tag ("Mr Balls").
        let honorific = (index > 0
            && parse.word(index - 1).starts_with(char::is_uppercase)
            && names::NAME_HONORIFICS.contains(&parse.lower(index - 1)))
        .then(|| index - 1)
        .filter(|&h| h == 0 || !proper(h - 1));
        if parse.tag(index) != "NNP" && honorific.is_none() && !is_plural_read_name(parse, index) {
            continue;
        }
        let first = honorific.unwrap_or(index);
        // Titles before the name ("Professor", "Chief Supt") are not part of another name.
        let mut before = first;
        while before > 0 && is_title_before_a_name(parse, before - 1) {
            before -= 1;
        }
        if (before > 0 && proper(before - 1)) || proper(index + 1) {
            continue;
        }
        let word = parse.word(index);
        if word.len() < 2 || !word.starts_with(char::is_uppercase) {
            continue;
        }
        // A month the NER read as a date is no surname ("in May" beside Theresa May).
        let ner_label = parse.tokens.get(index).map_or("", |t| t.ent.as_str());
        if (ner_label.ends_with("DATE") || ner_label.ends_with("TIME"))
            && names_a_month_or_day(parse.lower(index))
        {
            continue;
        }
        let mut bearers = drafts.iter().enumerate().filter(|(_, d)| {
            d.kind == EntityKind::Person && d.name.contains(' ') && names::surname(&d.name) == word
        });
        let (Some((person, _)), None) = (bearers.next(), bearers.next()) else {
            continue;
        };
        let (Some(first_token), Some(token)) = (parse.tokens.get(first), parse.tokens.get(index))
        else {
            continue;
        };
        if !is_covered(first_token.start, token.end) {
            additions.push((person, first_token.start, token.end));
        }
    }
    for (person, start, end) in additions {
        if let Some(draft) = drafts.get_mut(person) {
            draft.add_mention(parse.text, start, end, form::SURNAME);
        }
    }
}

/// Whether the capitalised word at `index`, which the tagger read as a common or proper
/// plural ("Connors", "Deats"), stands where a person's name does: inside its sentence, or
/// first in it before a verb agreeing with one person ("Connors is", not "Banks have").
fn is_plural_read_name(parse: &Parse<'_>, index: usize) -> bool {
    if !matches!(parse.tag(index), "NNS" | "NNPS") || !names::is_name_shaped(parse.word(index)) {
        return false;
    }
    let sentence = parse.sentence[index];
    let first_word = (0..index)
        .rev()
        .take_while(|&i| parse.sentence[i] == sentence)
        .all(|i| !parse.word(i).chars().any(char::is_alphanumeric));
    !first_word || parse.tag(index + 1) == "VBZ" || parse.lower(index + 1) == "was"
}

/// Whether the word at `index` is a capitalised title written before a name ("Professor",
/// "Supt", "Baroness").
fn is_title_before_a_name(parse: &Parse<'_>, index: usize) -> bool {
    parse.word(index).starts_with(char::is_uppercase)
        && (names::is_title_word(parse.lower(index))
            || names::TITLES_BEFORE_NAMES.contains(&parse.lower(index)))
}

/// Adds the people the NER missed altogether but the text names with an honorific ("Lord
/// Browne said …", "Mr Thoday"), when no person the article names has that surname: one person
/// per name, its gender from the honorific.
fn add_people_named_with_honorifics(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    let covered = MentionSpans::of(drafts);
    let is_covered = |start: usize, end: usize| covered.overlap(start, end);
    let name_word = |i: usize| parse.tag(i) == "NNP" && names::is_name_shaped(parse.word(i));
    for index in 0..parse.len() {
        let honorific = parse.word(index);
        if !honorific.starts_with(char::is_uppercase)
            || !names::NAME_HONORIFICS.contains(&parse.lower(index))
            || !name_word(index + 1)
        {
            continue;
        }
        let last = if name_word(index + 2) {
            index + 2
        } else {
            index + 1
        };
        let (Some(first_token), Some(last_token)) =
            (parse.tokens.get(index), parse.tokens.get(last))
        else {
            continue;
        };
        let (start, end) = (first_token.start, last_token.end);
        let surname = parse.word(last);
        let Some(name) = parse.text.get(start..end) else {
            continue;
        };
        // The person this adds at the name's first writing ("Lord Browne … Lord Browne said")
        // takes the later ones; another the article names by that surname does not.
        let known = drafts
            .iter()
            .position(|d| d.kind == EntityKind::Person && d.name == name);
        if is_covered(start, end)
            || (known.is_none()
                && drafts.iter().any(|d| {
                    d.kind == EntityKind::Person
                        && names::surname(&d.name) == surname
                        && !names::has_personal_honorific(&d.name)
                }))
        {
            continue;
        }
        let person = match known {
            Some(person) => person,
            None => {
                let mut draft = Draft::new(EntityKind::Person, name);
                draft.gender = gender::of_word(&parse.lower(index).replace('.', ""));
                drafts.push(draft);
                drafts.len() - 1
            }
        };
        drafts[person].add_mention(parse.text, start, end, form::NAME);
    }
}

/// Letters that stand for a role or a thing, not a body, when they are a subject ("the MP
/// said", "the PPI would argue", "Digital multi-channel TV is continuing").
const INITIALS_OF_NO_BODY: &[&str] = &[
    "MP", "MPs", "MEP", "MEPs", "MSP", "MSPs", "AM", "CEO", "CFO", "COO", "QC", "DJ", "VJ", "PM",
    "GP", "MD", "DS", "TV", "HD", "HDTV", "DVD", "PC", "GDP", "CPI", "PPI", "RPI", "VAT", "DMB",
    "HSDPA", "UMTS", "GPS", "MP3", "PSP", "AIDS", "HIV", "SARS",
];

/// Adds the bodies the NER missed where they speak in initials: "the IAAF said", "according to
/// the FT", "the IMF warns" — a single word of two to six capitals (digits allowed) that is the
/// source of an attribution and that no mention covers, not letters for a role or a thing
/// ([`INITIALS_OF_NO_BODY`]) nor a Roman numeral. A reader sees who speaks, and without an entity neither the speaker nor
/// a later "it added" can be resolved. Other names the NER missed where they speak were
/// measured and left out: over all BBC articles most of the 323 added were people the lists
/// could not type ("Marcel Desailly"), roles ("Chief Executive", "Labour MP") or words of a
/// title.
fn add_speakers_in_initials_the_ner_missed(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    let covered = MentionSpans::of(drafts);
    let initials = |word: &str| {
        let letters = word.chars().filter(char::is_ascii_uppercase).count();
        (2..=6).contains(&word.len())
            && letters >= 2
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !INITIALS_OF_NO_BODY.contains(&word)
            // A Roman numeral ("Doom III").
            && !is_roman_numeral(word)
    };
    let mut additions: Vec<(usize, usize)> = Vec::new();
    for index in 0..parse.len() {
        let Some(token) = parse.tokens.get(index) else {
            continue;
        };
        if !initials(parse.word(index))
            || covered.overlap(token.start, token.end)
            || !coref::is_source(parse, index)
        {
            continue;
        }
        additions.push((token.start, token.end));
    }
    for (start, end) in additions {
        let Some(name) = parse.text.get(start..end) else {
            continue;
        };
        let at = find_or_add(drafts, EntityKind::Organisation, name);
        drafts[at].add_mention(parse.text, start, end, form::NAME);
    }
}

/// Adds a person the NER missed where the article has them speak, described in apposition
/// ("Theresa May, shadow secretary for the family, said", "Simon Yates, a senior analyst for
/// Forrester, said"): the subject of a cue verb or the object of "according to" that ends a run
/// of two or three proper nouns, the first a given name the lists know, no word of it a title
/// or an honorific, none of it in a mention already. A proper-noun speaker of any shape was
/// measured first and left out (most of what it added were roles, "Chief Executive", or names
/// the lists could not type); the given name is what makes the run a person's name. Without the
/// apposition, 12 BBC speakers rather than 8 gained their person, but a PolNeAR dev pronoun
/// went to a person so added.
fn add_speakers_the_ner_missed(parse: &Parse<'_>, drafts: &mut Vec<Draft>) {
    let covered = MentionSpans::of(drafts);
    let proper = |i: usize| parse.tag(i) == "NNP" && parse.word(i).starts_with(char::is_uppercase);
    let mut additions: Vec<(usize, usize, Gender)> = Vec::new();
    for index in 0..parse.len() {
        // A description in apposition ("Theresa May, shadow secretary for the family, said")
        // is what shows a person speaks, not a name that might be anything.
        let described = parse
            .children(index)
            .iter()
            .any(|&c| c > index && parse.dep(c) == "appos");
        if !proper(index) || proper(index + 1) || !described || !coref::is_source(parse, index) {
            continue;
        }
        let mut first = index;
        while first > 0 && proper(first - 1) && index - first < 3 {
            first -= 1;
        }
        let words = index + 1 - first;
        let gender = gender::of_given_name(parse.word(first));
        let (Some(start), Some(end)) = (
            parse.tokens.get(first).map(|t| t.start),
            parse.tokens.get(index).map(|t| t.end),
        ) else {
            continue;
        };
        if !(2..=3).contains(&words)
            || (first > 0 && proper(first - 1))
            || gender == Gender::Unknown
            || (first..=index).any(|i| {
                let lower = parse.lower(i).replace('.', "");
                names::is_title_word(&lower) || gender::of_word(&lower) != Gender::Unknown
            })
            || covered.overlap(start, end)
        {
            continue;
        }
        additions.push((start, end, gender));
    }
    for (start, end, gender) in additions {
        let Some(name) = parse.text.get(start..end) else {
            continue;
        };
        if !names::is_plausible_person_name(name) {
            continue;
        }
        let at = find_or_add(drafts, EntityKind::Person, name);
        drafts[at].gender = drafts[at].gender.or(gender);
        drafts[at].add_mention(parse.text, start, end, form::NAME);
    }
}

/// Nouns that name a company in an appositive ("Aston Martin, the British carmaker").
const COMPANY_NOUNS: &[&str] = &[
    "firm",
    "company",
    "group",
    "bank",
    "carmaker",
    "maker",
    "manufacturer",
    "airline",
    "retailer",
    "supermarket",
    "giant",
    "brand",
    "chain",
    "operator",
    "producer",
    "insurer",
    "lender",
    "conglomerate",
    "distiller",
    "brewer",
    "publisher",
    "broadcaster",
    "carrier",
    "subsidiary",
    "startup",
    "shipyard",
    "shipbuilder",
    "contractor",
    "supplier",
    "unit",
    "business",
    "brokerage",
    "drugmaker",
    "distributor",
    "website",
    "telco",
];

/// Words that, right after a name, make it a company's ("Pernod Ricard shares", "Acme Ltd").
const COMPANY_FOLLOWERS: &[&str] = &[
    "shares", "plc", "ltd", "inc", "inc.", "corp", "corp.", "llc", "ag", "sa", "gmbh", "nv",
];

/// What only a company has, after its name and "'s" ("Pfizer's profits", "Yukos's main
/// production unit", "Diageo's shareholders"). Not what a person may own too: shares, a stake,
/// assets, debts ("Pinochet's assets").
pub(crate) const COMPANY_POSSESSIONS: &[&str] = &[
    "profits",
    "profit",
    "revenues",
    "revenue",
    "earnings",
    "turnover",
    "shareholders",
    "subsidiary",
    "subsidiaries",
    "unit",
    "headquarters",
    "factory",
    "factories",
    "plant",
    "stores",
    "brands",
    "merger",
    "workforce",
];

/// Nouns of [`COMPANY_NOUNS`] that people are also called by: "film producer Gil Cates",
/// "publisher Felix Dennis".
const PEOPLES_OR_COMPANIES_NOUNS: &[&str] = &["producer", "publisher"];

/// Words before a name that make it a company's: "shares in Yukos", "a stake in Baikal", "the
/// takeover of Glenmorangie".
const COMPANY_LEADS: &[(&str, &str)] = &[
    ("shares", "in"),
    ("stake", "in"),
    ("takeover", "of"),
    ("bid", "for"),
    ("merger", "with"),
    ("subsidiary", "of"),
    ("firm", "called"),
    ("company", "called"),
];

/// Last words of organisation names, never of a person's ("Manchester United", "Shareholders
/// United", "Stoke City", "Aston Villa"), nor, but for "City", of a place's.
const ORGANISATION_LAST_WORDS: &[&str] = &[
    "United",
    "City",
    "Rovers",
    "Athletic",
    "FC",
    "Holdings",
    "Airlines",
    "Airways",
    "Motors",
    "Villa",
    "Albion",
    "Wanderers",
    "Hotspur",
    "Argyle",
];

/// People the NER named that the article shows to be companies: a name with no given name or
/// honorific the gender lists know ("Aston Martin", "Pernod Ricard"; not "Carlos Ghosn") that
/// is followed by "shares" or a company suffix, is the subject of a clause that goes on about
/// "its" profits, has a company noun in apposition ("Aston Martin, the British carmaker") or
/// right before it ("the fans' group Shareholders United"); and any name ending in a word of
/// [`ORGANISATION_LAST_WORDS`]; and a place whose name ends in one of those but "City".
fn companies_taken_for_people(parse: &Parse<'_>, drafts: &mut [Draft]) {
    // "Apacs spokeswoman Jemma Smith" shows Apacs employing someone, so Apacs is no person.
    let full_names = full_name_starts(drafts);
    for draft in drafts.iter_mut() {
        // "Manchester United", "Aston Villa" typed places: clubs. Not "City", which ends
        // places too ("New York City", "Salt Lake City").
        let last = names::surname(&draft.name);
        // A "City" one is a club when the article writes a player's or manager's role after
        // it ("Manchester City striker Nicolas Anelka", "Leicester City boss").
        let club_role_after = || {
            draft.mentions.iter().any(|m| {
                parse.tokens_in(m.start, m.end).last().is_some_and(|last| {
                    matches!(
                        parse.lower(last + 1),
                        "boss"
                            | "manager"
                            | "striker"
                            | "midfielder"
                            | "defender"
                            | "goalkeeper"
                            | "winger"
                            | "forward"
                            | "captain"
                            | "chairman"
                            | "fans"
                            | "supporters"
                            | "player"
                            | "players"
                    )
                })
            })
        };
        if draft.kind == EntityKind::Place
            && draft.name.contains(' ')
            && (last != "City" || club_role_after())
            && ORGANISATION_LAST_WORDS.contains(&last)
            && gazetteer::lookup(&draft.name).is_none()
        {
            draft.kind = EntityKind::Organisation;
            continue;
        }
        if draft.kind != EntityKind::Person || draft.gender != Gender::Unknown {
            continue;
        }
        if draft.name.contains(' ')
            && ORGANISATION_LAST_WORDS.contains(&names::surname(&draft.name))
        {
            draft.kind = EntityKind::Organisation;
            continue;
        }
        let one_word = !draft.name.contains(' ');
        let company = draft
            .mentions
            .iter()
            .any(|m| written_as_a_company(parse, m, one_word, &full_names));
        if company {
            draft.kind = EntityKind::Organisation;
        }
    }
    // One entity for a company the NER also typed as an organisation elsewhere ("SAIC").
    for from in 0..drafts.len() {
        if drafts[from].kind != EntityKind::Organisation {
            continue;
        }
        let same = (0..from).find(|&to| {
            drafts[to].kind == EntityKind::Organisation && drafts[to].name == drafts[from].name
        });
        if let Some(to) = same {
            let moved: Vec<Mention> = std::mem::take(&mut drafts[from].mentions);
            drafts[to].mentions.extend(moved);
        }
    }
}

/// A place the NER named in initials that the gazetteer does not know is a company when the
/// article writes it as one or it speaks: "UK telco BT", "BT's shares", "BT said" (the
/// gazetteer knows "UK", "US", "UAE").
fn companies_in_initials_taken_for_places(parse: &Parse<'_>, drafts: &mut [Draft]) {
    let full_names = full_name_starts(drafts);
    for draft in drafts.iter_mut() {
        let written_as_initials = is_written_in_initials(&draft.name);
        // Letters after a person's name are no company ("Michael Mansfield QC said").
        let post_nominal = names::POST_NOMINALS.contains(&draft.name.as_str());
        if draft.kind != EntityKind::Place
            || !written_as_initials
            || post_nominal
            || gazetteer::lookup(&draft.name).is_some()
        {
            continue;
        }
        let company = draft.mentions.iter().any(|m| {
            written_as_a_company(parse, m, true, &full_names)
                || parse
                    .head_of(parse.tokens_in(m.start, m.end))
                    .is_some_and(|head| coref::is_speaker(parse, head))
        });
        if company {
            draft.kind = EntityKind::Organisation;
        }
    }
}

/// Words that end a company's name after its own word ("Cairn Energy", "Altria Group",
/// "Forrester Research").
const COMPANY_NAME_ENDINGS: &[&str] = &[
    "Group",
    "Research",
    "Energy",
    "Networks",
    "International",
    "Corporation",
    "Corp",
    "Airlines",
    "Airways",
    "Motors",
    "Holdings",
    "Finance",
    "Technologies",
    "Systems",
    "Pharmaceuticals",
    "Security",
];

/// A one-word "person" that is the first word of the one company the article names with it
/// and company words after it ("Cairn" and Cairn Energy, "Baikal" and Baikal Finance Group) is
/// that company, unless the word is a given name the lists know.
fn first_words_of_companies_taken_for_people(drafts: &mut Vec<Draft>) {
    join_each_to_its_one_fuller(
        drafts,
        |draft| {
            draft.kind == EntityKind::Person
                && !draft.name.contains(' ')
                && draft.gender == Gender::Unknown
                && gender::of_given_name(&draft.name) == Gender::Unknown
        },
        |draft, d| {
            d.kind == EntityKind::Organisation
                && d.name
                    .strip_prefix(draft.name.as_str())
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|rest| {
                        rest.split(' ')
                            .all(|word| COMPANY_NAME_ENDINGS.contains(&word))
                    })
        },
    );
}

/// Whether a mention of a name shows a company: followed by "shares" or a company suffix, the
/// subject of a clause that goes on about "its" profits, a company noun in apposition ("Aston
/// Martin, the British carmaker") or right before it ("the fans' group Shareholders United"),
/// a company's possession after it ("Pfizer's profits"), company words before it ("shares
/// in Yukos"), or — for a one-word name — a role and a full name after it ("Apacs
/// spokeswoman Jemma Smith").
fn written_as_a_company(
    parse: &Parse<'_>,
    m: &Mention,
    one_word: bool,
    full_names: &HashSet<usize>,
) -> bool {
    let range = parse.tokens_in(m.start, m.end);
    let (Some(last), Some(next)) = (range.clone().last(), parse.token_after(m.start, m.end)) else {
        return false;
    };
    if COMPANY_FOLLOWERS.contains(&parse.lower(next)) {
        return true;
    }
    let sentence = parse.sentence.get(last).copied();
    let head = parse.head_of(range.clone());
    // "Pernod Ricard said its profits fell": "its" in the same clause, no comma between.
    let its_follows = head.is_some_and(|h| parse.effective_dep(h) == "nsubj")
        && (last + 1..last + 7)
            .take_while(|&i| parse.sentence.get(i).copied() == sentence)
            .take_while(|&i| !matches!(parse.lower(i), "," | "“" | "\"" | "he" | "she"))
            .any(|i| parse.lower(i) == "its");
    let company_apposition = head.is_some_and(|h| {
        parse.children(h).iter().any(|&c| {
            parse.dep(c) == "appos"
                && COMPANY_NOUNS.contains(&parse.lemma(c).to_lowercase().as_str())
        })
    });
    // "the supporters' group, Shareholders United", "fan-based group Shareholders United".
    // A producer or publisher named in full may be a person ("film producer Gil Cates"), so
    // such a noun makes only a one-word name a company ("crude producer Yukos").
    let named_by_company_noun = head.is_some_and(|h| {
        let noun = |i: usize| {
            let lemma = parse.lemma(i).to_lowercase();
            COMPANY_NOUNS.contains(&lemma.as_str())
                && (one_word
                    || parse.tag(i) != "NN"
                    || !PEOPLES_OR_COMPANIES_NOUNS.contains(&lemma.as_str()))
        };
        (parse.dep(h) == "appos" && noun(parse.head(h)))
            || range
                .start
                .checked_sub(1)
                .is_some_and(|before| parse.tag(before).starts_with("NN") && noun(before))
    });
    // "Pfizer's annual profits", "the former Yukos subsidiary": a company's possession
    // within three words after the name (`next` is past a possessive already).
    let owns_company_things = (next..next + 3)
        .take_while(|&i| parse.tag(i).starts_with("NN") || parse.tag(i) == "JJ")
        .any(|i| COMPANY_POSSESSIONS.contains(&parse.lower(i)));
    let led_by_company_words = range.start.checked_sub(2).is_some_and(|lead| {
        let (noun, preposition) = (parse.lower(lead), parse.lower(lead + 1));
        COMPANY_LEADS
            .iter()
            .any(|&(n, p)| (n == noun || noun.strip_suffix('s') == Some(n)) && p == preposition)
    });
    // "Everton's Thomas Gravesen", "Heat's Charles Gant": one word whose possessive is a
    // person named in full is a club, a firm or a title they belong to (not "Shakespeare's
    // Richard III", a king's name).
    let a_full_name_its_own = one_word
        && matches!(parse.lower(last + 1), "'s" | "’s")
        && starts_a_full_name(parse, next, full_names)
        && !is_roman_numeral(parse.word(next + 1));
    its_follows
            // One word: "Mr Kashyap's lawyer Mihir Desai" is a person's lawyer.
            || (one_word && employs_a_named_person(parse, next, full_names))
            || a_full_name_its_own
            || company_apposition
            || named_by_company_noun
            || owns_company_things
            || led_by_company_words
}

/// Whether a word is written as a Roman numeral ("III", "XV"), as in a king's or a sequel's
/// name.
fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// Where the article's people of two words or more are written (byte offsets of their mentions'
/// starts), for [`employs_a_named_person`].
fn full_name_starts(drafts: &[Draft]) -> HashSet<usize> {
    drafts
        .iter()
        .filter(|d| d.kind == EntityKind::Person && d.name.contains(' '))
        .flat_map(|d| d.mentions.iter().map(|m| m.start))
        .collect()
}

/// Whether the words from token `start` are a role and a full name: "(Apacs) spokeswoman Jemma
/// Smith", "(Yukos) boss Mikhail Khodorkovsky", "(Ryanair) deputy chief executive Michael
/// Cawley" — the name before them employs that person.
fn employs_a_named_person(parse: &Parse<'_>, start: usize, full_names: &HashSet<usize>) -> bool {
    let role_word = |i: usize| {
        let lemma = parse.lemma(i).to_lowercase();
        roles::ROLE_NOUNS.contains(&lemma.as_str()) || PEOPLE_OF_A_SIDE.contains(&lemma.as_str())
    };
    let mut saw_role = false;
    for i in start..(start + 4).min(parse.len()) {
        let word = parse.word(i);
        if word.chars().next().is_some_and(char::is_lowercase)
            && matches!(parse.tag(i), "NN" | "NNS" | "JJ")
        {
            saw_role |= role_word(i);
            continue;
        }
        return saw_role && starts_a_full_name(parse, i, full_names);
    }
    false
}

/// Whether token `i` starts a mention of a person named in full ([`full_name_starts`]).
fn starts_a_full_name(parse: &Parse<'_>, i: usize, full_names: &HashSet<usize>) -> bool {
    parse
        .tokens
        .get(i)
        .is_some_and(|t| full_names.contains(&t.start))
}

/// Named mentions the NER got the kind of wrong, put right with what the article itself says:
/// an organisation or group mention that is exactly a person's surname is that person
/// ("Clinton" tagged ORG after "Hillary Clinton", "Jaynes" a group after "Jeremy Jaynes").
fn names_fix_kinds(drafts: &mut [Draft]) {
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (from, draft) in drafts.iter().enumerate() {
        // An organisation's name keeps its title ("General Motors"); "Senator Clinton" typed
        // an organisation is still a surname with a title. A surname ending in "s" may be
        // typed a group ("Jaynes amassed a fortune" after "Jeremy Jaynes"); a group the
        // gazetteer made of a nation's people keeps its role and stays.
        let bare = names::clean_name(&draft.name);
        let misread = draft.kind == EntityKind::Organisation
            || (draft.kind == EntityKind::Group && draft.roles.is_empty());
        if !misread || bare.contains(' ') {
            continue;
        }
        let person = drafts.iter().position(|p| {
            p.kind == EntityKind::Person && p.name.contains(' ') && names::surname(&p.name) == bare
        });
        if let Some(to) = person {
            moves.push((from, to));
        }
    }
    for &(from, to) in &moves {
        let moved: Vec<Mention> = std::mem::take(&mut drafts[from].mentions);
        for mut m in moved {
            m.label = Some(form::SURNAME.into());
            drafts[to].mentions.push(m);
        }
    }
}

#[cfg(test)]
mod tests {
    /// The NER may run a name over "ex-" ("ex-Yukos boss"): the mention is the name alone.
    #[test]
    fn a_mention_leaves_out_a_leading_ex() {
        let text = "ex-Yukos boss";
        assert_eq!(trim_span(text, 0, 8), (3, 8));
        assert_eq!(trim_span("The Hague", 0, 9), (4, 9));
    }

    /// A plural possessive's apostrophe is no part of the name ("the United States' increasing
    /// …").
    #[test]
    fn a_mention_leaves_out_a_possessive_apostrophe() {
        assert_eq!(trim_span("United States' aid", 0, 14), (0, 13));
        assert_eq!(trim_span("Jones’ car", 0, 8), (0, 5));
        assert_eq!(trim_span("'New World' wines", 0, 11), (1, 10));
    }

    use super::*;
    use newsfacts_doc::Article;

    fn doc(text: &str) -> Document {
        Document::from_article(Article {
            id: "t".into(),
            paragraphs: vec![text.into()],
            ..Article::default()
        })
    }

    fn mention<'a>(
        text: &str,
        needle: &str,
        nth: usize,
        label: &'a str,
        kind: EntityKind,
    ) -> NamedMention<'a> {
        let start = text
            .match_indices(needle)
            .nth(nth)
            .map(|(i, _)| i)
            .expect("needle in text");
        NamedMention {
            start,
            end: start + needle.len(),
            label,
            kind,
        }
    }

    #[test]
    fn surnames_join_full_names_and_places_group_by_text() {
        let text =
            "Anna Berg met Paris officials. Berg said Paris was ready. The Berg plan failed.";
        let d = doc(text);
        let mentions = [
            mention(text, "Anna Berg", 0, "PERSON", EntityKind::Person),
            mention(text, "Paris", 0, "GPE", EntityKind::Place),
            mention(text, "Berg", 1, "PERSON", EntityKind::Person),
            mention(text, "Paris", 1, "GPE", EntityKind::Place),
            mention(text, "ready", 0, "DATE", EntityKind::Other),
        ];
        let entities = group_named_mentions(&d, &mentions);
        assert_eq!(entities.len(), 2);
        assert_eq!(entities[0].name, "Anna Berg");
        assert_eq!(entities[0].mentions.len(), 2);
        assert_eq!(entities[0].mentions[1].text, "Berg");
        assert_eq!(entities[0].mentions[1].label.as_deref(), Some("surname"));
        assert_eq!(entities[1].id, "e2");
        assert_eq!(entities[1].mentions.len(), 2);
    }

    #[test]
    fn an_honorific_of_the_other_gender_keeps_a_surname_apart() {
        let text = "Bill Clinton spoke. Mrs. Clinton smiled. Mr. Clinton left.";
        let d = doc(text);
        let mentions = [
            mention(text, "Bill Clinton", 0, "PERSON", EntityKind::Person),
            mention(text, "Mrs. Clinton", 0, "PERSON", EntityKind::Person),
            mention(text, "Mr. Clinton", 0, "PERSON", EntityKind::Person),
        ];
        let entities = group_named_mentions(&d, &mentions);
        assert_eq!(entities.len(), 2, "{entities:#?}");
        assert_eq!(entities[0].name, "Bill Clinton");
        assert_eq!(entities[0].mentions.len(), 2);
        assert_eq!(entities[1].mentions[0].text, "Mrs. Clinton");
    }

    #[test]
    fn a_family_name_written_first_joins_its_full_name() {
        let text = "Kim Jong-un arrived. Kim left. Anna Berg stayed while Anna slept.";
        let d = doc(text);
        let mentions = [
            mention(text, "Kim Jong-un", 0, "PERSON", EntityKind::Person),
            mention(text, "Kim", 1, "PERSON", EntityKind::Person),
            mention(text, "Anna Berg", 0, "PERSON", EntityKind::Person),
            mention(text, "Anna", 1, "PERSON", EntityKind::Person),
        ];
        let entities = group_named_mentions(&d, &mentions);
        assert_eq!(entities[0].name, "Kim Jong-un");
        assert_eq!(entities[0].mentions.len(), 2);
        // A given name alone joins the one full name it begins.
        assert_eq!(entities.len(), 2);
        assert_eq!(entities[1].name, "Anna Berg");
        assert_eq!(entities[1].mentions[1].label.as_deref(), Some("given"));
    }

    #[test]
    fn a_full_name_after_its_short_form_renames_the_entity() {
        let text = "Berg spoke first. Later Anna Berg left.";
        let d = doc(text);
        let mentions = [
            mention(text, "Berg", 0, "PERSON", EntityKind::Person),
            mention(text, "Anna Berg", 0, "PERSON", EntityKind::Person),
        ];
        let entities = group_named_mentions(&d, &mentions);
        assert_eq!(entities.len(), 1);
        assert_eq!(entities[0].name, "Anna Berg");
    }

    #[test]
    fn the_gazetteer_fixes_kinds_and_ties_demonyms_to_places() {
        let text = "Kyiv said Ukrainian troops held. Ukrainians and the US agreed.";
        let d = doc(text);
        let mentions = [
            mention(text, "Kyiv", 0, "PERSON", EntityKind::Person),
            mention(text, "Ukrainian", 0, "NORP", EntityKind::Group),
            mention(text, "Ukrainians", 0, "NORP", EntityKind::Group),
            mention(text, "US", 0, "GPE", EntityKind::Place),
        ];
        let entities = group_named_mentions(&d, &mentions);
        let kyiv = entities.iter().find(|e| e.name == "Kyiv").expect("Kyiv");
        assert_eq!(kyiv.kind, EntityKind::Place);
        let ukraine = entities
            .iter()
            .find(|e| e.name == "Ukraine")
            .expect("Ukraine");
        assert_eq!(ukraine.mentions[0].label.as_deref(), Some("demonym"));
        let people = entities
            .iter()
            .find(|e| e.name == "Ukrainians")
            .expect("group");
        assert_eq!(people.kind, EntityKind::Group);
        assert_eq!(people.roles[0].org.as_deref(), Some("Ukraine"));
        assert!(entities.iter().any(|e| e.name == "United States"));
    }
}
