//! Pronoun resolution measured on PolNeAR: do the entities layer's pronoun mentions point at the
//! person the annotators' attributions imply?
//!
//! The gold standard is derived from PolNeAR's attributions (first annotator of each article,
//! as in [`crate::quotes`]) by one fixed rule:
//! - a *pronoun source* is a gold source whose whole text is "he" or "she" (any case);
//! - a gold source *names a person* when it contains a span the English model's NER labels
//!   PERSON ("Mr. Obama", "Clinton's campaign manager Robby Mook"; not "The New York Post", not
//!   "a source");
//! - the *gold antecedent* of a pronoun source is the nearest gold source in the same article
//!   that starts before it and names a person; its *name* is the last PERSON span inside it. A
//!   pronoun source with no such source before it is not scored.
//!
//! Newsfacts *resolves* a pronoun source when an entity of the entities layer has a mention
//! overlapping it; the resolution is *correct* when that entity also has a mention overlapping
//! the antecedent's name, or its name ends with the same surname (the last word of the
//! antecedent's name) and its given name, where newsfacts' given-name lists know it, is neither
//! another given name than the antecedent's ("Melania Trump" for a gold "Donald Trump") nor of a
//! gender the pronoun rules out ("Melania Trump" for the "he" of a gold "Trump"). Score =
//! correct / scored pronoun sources.
//!
//! That rule ignores gender, and in PolNeAR the nearest person source is often not the one the
//! pronoun means ("Mrs. Clinton seeks … [He] calls for …"). A second, stricter rule is reported
//! beside it, never instead of it: the *gender-agreeing antecedent* is the nearest earlier gold
//! source naming a person whose gender, as the article shows it, does not conflict with the
//! pronoun. A named source's gender is, in this order: the given name written in its own name
//! ("Bill Clinton") looked up in newsfacts' given-name lists; an honorific ("Mr.", "Mrs.",
//! "Ms.", "Miss") written right before the name in the source; one written right before its
//! surname anywhere else in the article (the first found); the given name of
//! the longest PERSON span in the article that ends with its surname; otherwise unknown, which
//! conflicts with nothing. Scored and correct are counted as for the first rule.
//!
//! Given names decide genders on the gold side in both rules (crediting a surname match, and
//! choosing the gender-agreeing antecedent). By default they are looked up in newsfacts' own
//! given-name lists, the ones the resolver uses too, so a name those lists get wrong can be
//! wrong on both sides at once. [`GoldGenders::Dictionary`] reads an independent name–gender
//! dictionary instead ([`GivenNameDictionary`]: the `nam_dict.txt` of Jörg Michael's
//! `gender` program, as the PyPI package `gender-guesser` installs it), which breaks that tie.

use std::fmt;
use std::path::Path;

use newsfacts_analysts::entities::gender::{self, Gender};
use newsfacts_analysts::entities::ranker::PronounRanker;
use newsfacts_doc::{Document, Entity, Span};

use crate::quotes::{QuotesEvalError, polnear_articles, read_ann};

/// The figures of one run.
#[derive(Debug, Clone, Default)]
pub struct PronounReport {
    pub split: String,
    /// Where the gold side took given names' genders from (see [`GoldGenders`]).
    pub gold_genders: String,
    pub articles: usize,
    /// Pronoun sources ("he", "she") in gold.
    pub pronouns: usize,
    /// Those with a gold antecedent (the scored ones).
    pub scored: usize,
    /// Scored ones newsfacts resolves to some entity.
    pub resolved: usize,
    /// Scored ones resolved to the antecedent's entity.
    pub correct: usize,
    /// Pronoun sources with a gender-agreeing antecedent (the stricter rule's scored ones).
    pub agreeing_scored: usize,
    /// Those resolved to the gender-agreeing antecedent's entity.
    pub agreeing_correct: usize,
    /// One line for each scored pronoun not resolved correctly: the words around it, the gold
    /// antecedent's name, the gender-agreeing antecedent's name, and the entity newsfacts gave
    /// it.
    pub misses: Vec<String>,
}

impl PronounReport {
    /// Correct over scored.
    pub fn accuracy(&self) -> f64 {
        if self.scored == 0 {
            0.0
        } else {
            self.correct as f64 / self.scored as f64
        }
    }

    fn add(&mut self, other: &PronounReport) {
        self.pronouns += other.pronouns;
        self.scored += other.scored;
        self.resolved += other.resolved;
        self.correct += other.correct;
        self.agreeing_scored += other.agreeing_scored;
        self.agreeing_correct += other.agreeing_correct;
        self.misses.extend(other.misses.iter().cloned());
    }
}

impl fmt::Display for PronounReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "PolNeAR {} · {} articles · {} pronoun sources (he/she), {} with a gold antecedent",
            self.split, self.articles, self.pronouns, self.scored
        )?;
        let share = |n: usize| {
            if self.scored == 0 {
                0.0
            } else {
                100.0 * n as f64 / self.scored as f64
            }
        };
        writeln!(
            f,
            "resolved to an entity  {:>4}  ({:.1} %)",
            self.resolved,
            share(self.resolved)
        )?;
        writeln!(
            f,
            "resolved correctly     {:>4}  ({:.1} %)",
            self.correct,
            share(self.correct)
        )?;
        let agreeing = if self.agreeing_scored == 0 {
            0.0
        } else {
            100.0 * self.agreeing_correct as f64 / self.agreeing_scored as f64
        };
        writeln!(
            f,
            "stricter rule (gender-agreeing antecedent): {} of {} correct ({:.1} %)",
            self.agreeing_correct, self.agreeing_scored, agreeing
        )?;
        if !self.gold_genders.is_empty() {
            writeln!(f, "gold-side given-name genders: {}", self.gold_genders)?;
        }
        Ok(())
    }
}

/// Builds the document the entities layer reads: the text unchanged (offsets as in the
/// annotation), tokens and entities from the English pipeline, as the product builds them.
pub fn document_with_entities(text: &str) -> Document {
    document_with_entities_by(text, Resolver::Shipped)
}

/// Who resolves the "he"/"she" pronouns.
#[derive(Debug, Clone, Copy)]
pub enum Resolver<'r> {
    /// The entities layer as it ships (the rules).
    Shipped,
    /// The ranker embedded in the binary.
    EmbeddedRanker,
    /// A given ranker.
    Ranker(&'r PronounRanker),
}

/// Where the gold side takes the gender of a given name (see the module documentation).
#[derive(Debug, Clone, Copy, Default)]
pub enum GoldGenders<'d> {
    /// newsfacts' own given-name lists (`entities::gender`).
    #[default]
    Newsfacts,
    /// An independent dictionary.
    Dictionary(&'d GivenNameDictionary),
}

impl GoldGenders<'_> {
    /// The gender of a given name, any case.
    pub fn of_given_name(self, name: &str) -> Gender {
        match self {
            GoldGenders::Newsfacts => gender::of_given_name(name),
            GoldGenders::Dictionary(dictionary) => dictionary.of_given_name(name),
        }
    }
}

/// A name–gender dictionary in the format of `nam_dict.txt` (Jörg Michael's `gender` program,
/// shipped by the PyPI package `gender-guesser`): comment lines start with `#` or `=`; a name
/// line is a gender code (`M`, `1M`, `?M` male or mostly male; `F`, `1F`, `?F` female or mostly
/// female; `?` either), the name, and per-country frequencies, which are not read. A `+` in a
/// name stands for a space, a hyphen or nothing ("Jean+Pierre"). A name listed with both
/// genders, or only as `?`, has no gender.
#[derive(Debug, Clone, Default)]
pub struct GivenNameDictionary {
    genders: std::collections::HashMap<String, Gender>,
}

impl GivenNameDictionary {
    /// Reads a dictionary's text; `None` when no line is a name line.
    pub fn parse(text: &str) -> Option<GivenNameDictionary> {
        let mut genders: std::collections::HashMap<String, Gender> =
            std::collections::HashMap::new();
        for line in text.lines() {
            if line.starts_with(['#', '=']) {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(code), Some(name)) = (parts.next(), parts.next()) else {
                continue;
            };
            let gender = match code {
                "M" | "1M" | "?M" => Gender::Male,
                "F" | "1F" | "?F" => Gender::Female,
                "?" => Gender::Unknown,
                _ => continue,
            };
            let name = name.to_lowercase();
            let forms: Vec<String> = if name.contains('+') {
                ["", " ", "-"]
                    .iter()
                    .map(|joint| name.replace('+', joint))
                    .collect()
            } else {
                vec![name]
            };
            for form in forms {
                genders
                    .entry(form)
                    .and_modify(|known| {
                        if *known != gender {
                            *known = Gender::Unknown;
                        }
                    })
                    .or_insert(gender);
            }
        }
        (!genders.is_empty()).then_some(GivenNameDictionary { genders })
    }

    /// Reads a dictionary file.
    pub fn read(path: &Path) -> Result<GivenNameDictionary, QuotesEvalError> {
        let text = read(path)?;
        GivenNameDictionary::parse(&text).ok_or_else(|| QuotesEvalError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "no name lines: not a nam_dict.txt name–gender dictionary",
            ),
        })
    }

    /// How many written forms of names it holds.
    pub fn len(&self) -> usize {
        self.genders.len()
    }

    /// Whether it holds no name.
    pub fn is_empty(&self) -> bool {
        self.genders.is_empty()
    }

    /// The gender of a given name, any case; unknown when not listed.
    pub fn of_given_name(&self, name: &str) -> Gender {
        let name = name.trim_end_matches('.').to_lowercase();
        self.genders.get(&name).copied().unwrap_or(Gender::Unknown)
    }
}

/// [`document_with_entities`] with a chosen pronoun resolver.
pub fn document_with_entities_by(text: &str, resolver: Resolver<'_>) -> Document {
    let (mut doc, analysis) = document_with_tokens(text);
    let mentions = newsfacts_analysts::entities::named_mentions(&analysis);
    doc.entities = match resolver {
        Resolver::Shipped => newsfacts_analysts::entities::resolve_entities(&doc, &mentions),
        Resolver::EmbeddedRanker => newsfacts_analysts::entities::resolve_entities_with(
            &doc,
            &mentions,
            PronounRanker::embedded(),
        ),
        Resolver::Ranker(r) => {
            newsfacts_analysts::entities::resolve_entities_with(&doc, &mentions, Some(r))
        }
    };
    doc
}

/// The document with tokens (no entities yet) and the English pipeline's analysis.
pub fn document_with_tokens(text: &str) -> (Document, newsfacts_nlp::Analysis<'_>) {
    let mut doc = crate::quotes::document_for(text, false);
    let analysis = newsfacts_nlp::EnglishPipeline::global().analyze(text);
    doc.tokens = analysis.doc_tokens();
    (doc, analysis)
}

/// A gold source and, when it names a person, the spans of that name.
struct GoldSource {
    span: Span,
    text: String,
    name: Vec<Span>,
}

/// The PERSON spans inside a source (see the module documentation).
fn person_name(doc: &Document, span: Span) -> Vec<Span> {
    let mut person: Vec<Span> = Vec::new();
    for t in doc
        .tokens
        .iter()
        .filter(|t| t.start >= span.start && t.end <= span.end)
    {
        if t.ent.get(2..) != Some("PERSON") {
            continue;
        }
        match person.last_mut() {
            Some(last) if t.ent.starts_with("I-") => last.end = t.end,
            _ => person.push(Span::new(t.start, t.end)),
        }
    }
    person
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The entity with a mention overlapping `span`, a person first.
fn entity_over(doc: &Document, span: Span) -> Option<&Entity> {
    let over = |e: &&Entity| {
        e.mentions
            .iter()
            .any(|m| overlaps(Span::new(m.start, m.end), span))
    };
    doc.entities
        .iter()
        .filter(over)
        .find(|e| e.kind == newsfacts_doc::EntityKind::Person)
        .or_else(|| doc.entities.iter().find(over))
}

/// Up to 240 bytes of text before a span and 40 after, on one line, the span bracketed.
fn context_of(text: &str, span: Span) -> String {
    let mut from = span.start.saturating_sub(240);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (span.end + 40).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    format!(
        "{}[{}]{}",
        text.get(from..span.start).unwrap_or_default(),
        text.get(span.start..span.end).unwrap_or_default(),
        text.get(span.end..to).unwrap_or_default()
    )
    .replace('\n', " ")
}

fn last_word(text: &str) -> String {
    text.split_whitespace()
        .next_back()
        .unwrap_or_default()
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Scores one article: its text and its annotation file's contents.
pub fn score_article(text: &str, ann: &str) -> PronounReport {
    score_article_by(text, ann, Resolver::Shipped)
}

/// [`score_article`] with a chosen pronoun resolver.
pub fn score_article_by(text: &str, ann: &str, resolver: Resolver<'_>) -> PronounReport {
    let doc = document_with_entities_by(text, resolver);
    score_document(&doc, ann)
}

/// A gold pronoun source ("he"/"she") with its antecedent under each rule of the module
/// documentation.
pub struct GoldPronoun {
    pub span: Span,
    pub gender: Gender,
    /// The nearest earlier gold source naming a person, if any.
    pub antecedent: Option<GoldName>,
    /// The nearest earlier one whose gender does not conflict with the pronoun's.
    pub agreeing: Option<GoldName>,
}

/// The person a gold source names: the last PERSON span inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldName {
    pub span: Span,
    pub text: String,
}

impl GoldName {
    fn of(text: &str, source: &GoldSource) -> Option<GoldName> {
        let span = source.name.last().copied()?;
        Some(GoldName {
            span,
            text: text
                .get(span.start..span.end)
                .unwrap_or_default()
                .to_string(),
        })
    }

    /// Whether an entity with this name and these mentions is the person a pronoun of gender
    /// `pronoun` means by this name: a mention overlaps the name, or the entity's name ends with
    /// the same surname and its given name says nothing against it — not another given name
    /// than the gold name's ("Melania Trump" is not "Donald Trump"), nor a gender the pronoun
    /// rules out ("Melania Trump" is not the "he" of a gold "Trump").
    pub fn is_named_by(
        &self,
        name: &str,
        mentions: impl Iterator<Item = Span>,
        pronoun: Gender,
    ) -> bool {
        self.is_named_by_with(name, mentions, pronoun, GoldGenders::Newsfacts)
    }

    /// [`GoldName::is_named_by`], with given names' genders taken from `genders`.
    pub fn is_named_by_with(
        &self,
        name: &str,
        mut mentions: impl Iterator<Item = Span>,
        pronoun: Gender,
        genders: GoldGenders<'_>,
    ) -> bool {
        if mentions.any(|m| overlaps(m, self.span)) {
            return true;
        }
        let surname = last_word(&self.text);
        if surname.is_empty() || last_word(name) != surname {
            return false;
        }
        let given = |text: &str| {
            let words: Vec<&str> = text.split_whitespace().collect();
            match words.as_slice() {
                [first, _, ..] => Some(first.to_lowercase()),
                _ => None,
            }
            .filter(|word| genders.of_given_name(word) != Gender::Unknown)
        };
        match (given(&self.text), given(name)) {
            (Some(gold), Some(entity)) if gold != entity => false,
            (_, Some(entity)) => genders.of_given_name(&entity).agrees(pronoun),
            _ => true,
        }
    }
}

/// The gold pronoun sources of an analysed article, in text order.
pub fn gold_pronouns(doc: &Document, ann: &str) -> Vec<GoldPronoun> {
    gold_pronouns_with(doc, ann, GoldGenders::Newsfacts)
}

/// [`gold_pronouns`], with given names' genders taken from `genders`.
pub fn gold_pronouns_with(doc: &Document, ann: &str, genders: GoldGenders<'_>) -> Vec<GoldPronoun> {
    let text = doc.text.as_str();
    let mut sources: Vec<GoldSource> = read_ann(ann, text)
        .into_iter()
        .filter_map(|a| {
            let first = a.source.first().copied()?;
            let last = a.source.last().copied()?;
            let span = Span::new(first.start, last.end);
            let written = text.get(span.start..span.end)?.trim().to_string();
            Some(GoldSource {
                span,
                name: person_name(doc, span),
                text: written,
            })
        })
        .collect();
    sources.sort_by_key(|s| s.span.start);
    sources.dedup_by_key(|s| s.span);
    let mut out = Vec::new();
    for (index, source) in sources.iter().enumerate() {
        let gender = match source.text.to_lowercase().as_str() {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => continue,
        };
        let earlier = || {
            sources[..index]
                .iter()
                .rev()
                .filter(|s| !s.name.is_empty() && s.span.start < source.span.start)
        };
        out.push(GoldPronoun {
            span: source.span,
            gender,
            antecedent: earlier().next().and_then(|s| GoldName::of(text, s)),
            agreeing: earlier()
                .find(|s| source_gender(doc, s, genders).agrees(gender))
                .and_then(|s| GoldName::of(text, s)),
        });
    }
    out
}

/// Scores one analysed article against its annotation.
pub fn score_document(doc: &Document, ann: &str) -> PronounReport {
    score_document_with(doc, ann, GoldGenders::Newsfacts)
}

/// [`score_document`], with the gold side's given-name genders taken from `genders`.
pub fn score_document_with(doc: &Document, ann: &str, genders: GoldGenders<'_>) -> PronounReport {
    let text = doc.text.as_str();
    let mut report = PronounReport {
        articles: 1,
        ..PronounReport::default()
    };
    let resolves_to = |entity: &Entity, name: &GoldName, pronoun: Gender| {
        name.is_named_by_with(
            &entity.name,
            entity.mentions.iter().map(|m| Span::new(m.start, m.end)),
            pronoun,
            genders,
        )
    };
    for pronoun in gold_pronouns_with(doc, ann, genders) {
        report.pronouns += 1;
        let entity = entity_over(doc, pronoun.span);
        let agreeing_name = pronoun.agreeing.as_ref().map_or("", |n| n.text.as_str());
        if let Some(agreeing) = &pronoun.agreeing {
            report.agreeing_scored += 1;
            if entity.is_some_and(|e| resolves_to(e, agreeing, pronoun.gender)) {
                report.agreeing_correct += 1;
            }
        }
        let Some(antecedent) = &pronoun.antecedent else {
            continue;
        };
        report.scored += 1;
        let name_text = &antecedent.text;
        let context = context_of(text, pronoun.span);
        let Some(entity) = entity else {
            report.misses.push(format!(
                "{context}  gold={name_text:?}  agreeing={agreeing_name:?}  got=none"
            ));
            continue;
        };
        report.resolved += 1;
        if resolves_to(entity, antecedent, pronoun.gender) {
            report.correct += 1;
        } else {
            report.misses.push(format!(
                "{context}  gold={name_text:?}  agreeing={agreeing_name:?}  got={:?}",
                entity.name
            ));
        }
    }
    report
}

/// The text of the last PERSON span of a source naming a person.
fn name_of<'t>(text: &'t str, source: &GoldSource) -> &'t str {
    source
        .name
        .last()
        .and_then(|n| text.get(n.start..n.end))
        .unwrap_or_default()
}

/// The gender the article shows for the person a source names (see the module documentation).
fn source_gender(doc: &Document, source: &GoldSource, genders: GoldGenders<'_>) -> Gender {
    let text = doc.text.as_str();
    let name = name_of(text, source);
    let words: Vec<&str> = name.split_whitespace().collect();
    // The order of the module documentation: own given name, honorific before this name, one
    // before the surname elsewhere, the given name of its longest written form.
    if words.len() > 1 {
        if let Some(given) = words.first() {
            let by_given = genders.of_given_name(given);
            if by_given != Gender::Unknown {
                return by_given;
            }
        }
    }
    let honorific_before = |at: usize| {
        let previous = text
            .get(..at)
            .unwrap_or_default()
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default()
            .to_lowercase();
        if matches!(
            previous.as_str(),
            "mr." | "mr" | "mrs." | "mrs" | "ms." | "ms" | "miss"
        ) {
            gender::of_word(&previous)
        } else {
            Gender::Unknown
        }
    };
    if let Some(own) = source.name.last() {
        let by_own_honorific = honorific_before(own.start);
        if by_own_honorific != Gender::Unknown {
            return by_own_honorific;
        }
    }
    let surname = words
        .last()
        .map(|w| {
            w.trim_end_matches("’s")
                .trim_end_matches("'s")
                .trim_matches(|c: char| !c.is_alphanumeric())
        })
        .unwrap_or_default();
    if surname.is_empty() {
        return Gender::Unknown;
    }
    let mut longest: Option<&str> = None;
    for (at, _) in text.match_indices(surname) {
        let after = text.get(at + surname.len()..).unwrap_or_default();
        if after.starts_with(char::is_alphanumeric) {
            continue;
        }
        let by_honorific = honorific_before(at);
        if by_honorific != Gender::Unknown {
            return by_honorific;
        }
        if let Some(span) = person_name(doc, Span::new(at, at + surname.len()))
            .first()
            .copied()
        {
            // The whole PERSON span around this occurrence of the surname.
            let full = person_span_around(doc, span);
            let written = text.get(full.start..full.end).unwrap_or_default();
            if longest.is_none_or(|l| written.len() > l.len()) {
                longest = Some(written);
            }
        }
    }
    longest
        .and_then(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            (words.len() > 1).then(|| words.first().copied()).flatten()
        })
        .map_or(Gender::Unknown, |given| genders.of_given_name(given))
}

/// The PERSON span (B- token and its I- tokens) that a PERSON token span belongs to.
fn person_span_around(doc: &Document, span: Span) -> Span {
    let Some(at) = doc.tokens.iter().position(|t| t.start == span.start) else {
        return span;
    };
    let mut first = at;
    while first > 0
        && doc.tokens.get(first).is_some_and(|t| t.ent == "I-PERSON")
        && doc
            .tokens
            .get(first - 1)
            .is_some_and(|t| t.ent.get(2..) == Some("PERSON"))
    {
        first -= 1;
    }
    let mut last = at;
    while doc
        .tokens
        .get(last + 1)
        .is_some_and(|t| t.ent == "I-PERSON")
    {
        last += 1;
    }
    match (doc.tokens.get(first), doc.tokens.get(last)) {
        (Some(a), Some(b)) => Span::new(a.start, b.end),
        _ => span,
    }
}

/// Scores a PolNeAR split (`dir` holds `metadata.tsv`); `limit` keeps the first articles only.
pub fn score_polnear(
    dir: &Path,
    split: &str,
    limit: Option<usize>,
) -> Result<PronounReport, QuotesEvalError> {
    score_polnear_by(dir, split, limit, Resolver::Shipped)
}

/// [`score_polnear`] with a chosen pronoun resolver.
pub fn score_polnear_by(
    dir: &Path,
    split: &str,
    limit: Option<usize>,
    resolver: Resolver<'_>,
) -> Result<PronounReport, QuotesEvalError> {
    score_polnear_with(dir, split, limit, resolver, GoldGenders::Newsfacts)
}

/// [`score_polnear_by`], with the gold side's given-name genders taken from `genders`.
pub fn score_polnear_with(
    dir: &Path,
    split: &str,
    limit: Option<usize>,
    resolver: Resolver<'_>,
    genders: GoldGenders<'_>,
) -> Result<PronounReport, QuotesEvalError> {
    let mut articles = polnear_articles(dir, split)?;
    if let Some(limit) = limit {
        articles.truncate(limit);
    }
    let mut report = PronounReport {
        split: split.to_string(),
        articles: articles.len(),
        gold_genders: match genders {
            GoldGenders::Newsfacts => "newsfacts' own given-name lists".to_string(),
            GoldGenders::Dictionary(d) => format!("an independent dictionary of {} names", d.len()),
        },
        ..PronounReport::default()
    };
    for article in &articles {
        let text = read(&article.text)?;
        let ann = read(&article.ann)?;
        let doc = document_with_entities_by(&text, resolver);
        report.add(&score_document_with(&doc, &ann, genders));
    }
    Ok(report)
}

pub(crate) fn read(path: &Path) -> Result<String, QuotesEvalError> {
    std::fs::read_to_string(path).map_err(|source| QuotesEvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_dictionary_reads_genders_variants_and_conflicts() {
        let text = "# comment line\n=\nM  Albano                        2 31       1\r\n\
                    F  Alba                          5 22       2\r\n\
                    ?M Andrea                        1\n\
                    F  Andrea                        3\n\
                    M  Jean+Pierre                   1\n\
                    ?  Kim                           1\n";
        let dictionary = GivenNameDictionary::parse(text).expect("names");
        assert_eq!(dictionary.of_given_name("albano"), Gender::Male);
        assert_eq!(dictionary.of_given_name("ALBA"), Gender::Female);
        // Listed with both genders: none.
        assert_eq!(dictionary.of_given_name("Andrea"), Gender::Unknown);
        assert_eq!(dictionary.of_given_name("Jean-Pierre"), Gender::Male);
        assert_eq!(dictionary.of_given_name("Jeanpierre"), Gender::Male);
        assert_eq!(dictionary.of_given_name("Kim"), Gender::Unknown);
        assert_eq!(dictionary.of_given_name("Zyx"), Gender::Unknown);
        assert!(GivenNameDictionary::parse("# only comments\n").is_none());
    }

    #[test]
    fn last_words_lose_possessives_and_case() {
        assert_eq!(last_word("Mr. Obama’s"), "obama");
        assert_eq!(last_word("Hillary Clinton"), "clinton");
        assert_eq!(last_word(""), "");
    }

    #[test]
    fn a_shared_surname_credits_only_a_person_the_pronoun_can_mean() {
        let gold = |text: &str| GoldName {
            span: Span::new(1000, 1000 + text.len()),
            text: text.to_string(),
        };
        let no_mentions = std::iter::empty;
        // The surname alone: any entity of that surname whose given name agrees.
        assert!(gold("Trump").is_named_by("Donald Trump", no_mentions(), Gender::Male));
        assert!(!gold("Trump").is_named_by("Melania Trump", no_mentions(), Gender::Male));
        assert!(gold("Trump").is_named_by("Trump", no_mentions(), Gender::Male));
        // Two given names: the same one only.
        assert!(!gold("Donald Trump").is_named_by("Melania Trump", no_mentions(), Gender::Unknown));
        assert!(gold("Mr. Trump").is_named_by("Donald Trump", no_mentions(), Gender::Male));
        assert!(!gold("Trump").is_named_by("Donald Obama", no_mentions(), Gender::Male));
        // A mention over the gold name is always the person.
        assert!(gold("Trump").is_named_by(
            "Melania Trump",
            std::iter::once(Span::new(1000, 1005)),
            Gender::Male
        ));
    }
}
