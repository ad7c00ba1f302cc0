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
//! antecedent's name). Score = correct / scored pronoun sources.

use std::fmt;
use std::path::Path;

use newsfacts_doc::{Document, Entity, Span};

use crate::quotes::{QuotesEvalError, polnear_articles, read_ann};

/// The figures of one run.
#[derive(Debug, Clone, Default)]
pub struct PronounReport {
    pub split: String,
    pub articles: usize,
    /// Pronoun sources ("he", "she") in gold.
    pub pronouns: usize,
    /// Those with a gold antecedent (the scored ones).
    pub scored: usize,
    /// Scored ones newsfacts resolves to some entity.
    pub resolved: usize,
    /// Scored ones resolved to the antecedent's entity.
    pub correct: usize,
    /// One line for each scored pronoun not resolved correctly: the words around it, the gold
    /// antecedent's name, and the entity newsfacts gave it.
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
        )
    }
}

/// Builds the document the entities layer reads: the text unchanged (offsets as in the
/// annotation), tokens and entities from the English pipeline.
pub fn document_with_entities(text: &str) -> Document {
    let mut doc = crate::quotes::document_for(text, false);
    let analysis = newsfacts_nlp::EnglishPipeline::global().analyze(text);
    doc.tokens = analysis.doc_tokens();
    let mentions = newsfacts_analysts::entities::named_mentions(&analysis);
    doc.entities = newsfacts_analysts::entities::resolve_entities(&doc, &mentions);
    doc
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
    let doc = document_with_entities(text);
    score_document(&doc, ann)
}

/// Scores one analysed article against its annotation.
pub fn score_document(doc: &Document, ann: &str) -> PronounReport {
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
    let mut report = PronounReport {
        articles: 1,
        ..PronounReport::default()
    };
    for (index, source) in sources.iter().enumerate() {
        if !matches!(source.text.to_lowercase().as_str(), "he" | "she") {
            continue;
        }
        report.pronouns += 1;
        let Some(antecedent) = sources[..index]
            .iter()
            .rev()
            .find(|s| !s.name.is_empty() && s.span.start < source.span.start)
        else {
            continue;
        };
        report.scored += 1;
        let name_text = antecedent
            .name
            .last()
            .and_then(|n| text.get(n.start..n.end))
            .unwrap_or_default();
        let context = context_of(text, source.span);
        let Some(entity) = entity_over(doc, source.span) else {
            report
                .misses
                .push(format!("{context}  gold={name_text:?}  got=none"));
            continue;
        };
        report.resolved += 1;
        let by_mention = entity.mentions.iter().any(|m| {
            antecedent
                .name
                .last()
                .is_some_and(|&n| overlaps(Span::new(m.start, m.end), n))
        });
        let surname = last_word(name_text);
        let by_surname = !surname.is_empty() && last_word(&entity.name) == surname;
        if by_mention || by_surname {
            report.correct += 1;
        } else {
            report.misses.push(format!(
                "{context}  gold={name_text:?}  got={:?}",
                entity.name
            ));
        }
    }
    report
}

/// Scores a PolNeAR split (`dir` holds `metadata.tsv`); `limit` keeps the first articles only.
pub fn score_polnear(
    dir: &Path,
    split: &str,
    limit: Option<usize>,
) -> Result<PronounReport, QuotesEvalError> {
    let mut articles = polnear_articles(dir, split)?;
    if let Some(limit) = limit {
        articles.truncate(limit);
    }
    let mut report = PronounReport {
        split: split.to_string(),
        articles: articles.len(),
        ..PronounReport::default()
    };
    for article in &articles {
        let text = read(&article.text)?;
        let ann = read(&article.ann)?;
        report.add(&score_article(&text, &ann));
    }
    Ok(report)
}

fn read(path: &Path) -> Result<String, QuotesEvalError> {
    std::fs::read_to_string(path).map_err(|source| QuotesEvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_words_lose_possessives_and_case() {
        assert_eq!(last_word("Mr. Obama’s"), "obama");
        assert_eq!(last_word("Hillary Clinton"), "clinton");
        assert_eq!(last_word(""), "");
    }
}
