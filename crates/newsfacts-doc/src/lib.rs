//! The newsfacts data model: one [`Document`] owning an article's cleaned text, with every
//! annotation kept as a *standoff layer* of byte spans into that text.
//!
//! This crate depends on nothing else of ours. Ingest produces an [`Article`]; the pipeline turns
//! it into a [`Document`] and fills its layers; the edges (CLI, store, web) serialize it through
//! [`json::to_output`], which converts byte offsets to the character offsets of the JSON contract
//! (`"schema": "newsfacts/1"`, see `docs/schema.md`).
//!
//! Invariants:
//! - `Document::text` never changes once the document is built; every span indexes into it.
//! - Inside Rust every `start..end` is a byte range on UTF-8 character boundaries, end exclusive.
//! - Every layer is always present, empty when nothing was found.

mod article;
pub mod json;
mod layers;
mod number;
mod span;
pub mod text_report;

pub use article::{Article, Boilerplate, BoilerplateReason};
pub use layers::*;
pub use number::format_number;
pub use span::{CharOffsets, Span};

/// The JSON schema identifier written into every output object.
pub const SCHEMA: &str = "newsfacts/1";

/// One analysed article: its metadata, its cleaned text, and the annotation layers over that text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub byline: Vec<String>,
    /// Publication date as an ISO 8601 date (`2023-09-15`) or date-time, when known.
    pub published: Option<String>,
    /// BCP 47 primary language tag (`en`), when known.
    pub language: Option<String>,
    /// The cleaned body text: kept paragraphs joined by `\n`. Every span points into it.
    pub text: String,
    pub paragraphs: Vec<Span>,
    /// What ingest removed from the input, and why. Not part of `text`.
    pub boilerplate: Vec<Boilerplate>,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Token>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
    pub checks: Vec<Check>,
    pub events: Vec<Event>,
    pub ledger: Vec<LedgerEntry>,
    /// The English pipeline's contextual vector of each token of `tokens`, for statistical
    /// models. Never written to the JSON contract; filled where a model reads it (the quotation
    /// model's role network, its training and evaluation): the analysis pipeline holds them
    /// for the quotes stage only and returns documents without them.
    pub token_vectors: TokenVectors,
}

/// Contextual vectors of a document's tokens: `width` floats per token, in the order of
/// `Document::tokens`, one flat buffer so a document costs one allocation. Empty when the
/// English pipeline did not run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TokenVectors {
    pub width: usize,
    pub values: Vec<f32>,
}

impl TokenVectors {
    /// The vector of token `index` of `Document::tokens`, if there is one.
    pub fn of(&self, index: usize) -> Option<&[f32]> {
        let start = index.checked_mul(self.width)?;
        let end = start.checked_add(self.width)?;
        if self.width == 0 {
            return None;
        }
        self.values.get(start..end)
    }

    /// How many tokens have a vector.
    pub fn len(&self) -> usize {
        self.values.len().checked_div(self.width).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Document {
    /// Builds a document from an ingested article: its kept paragraphs become `text`, joined by a
    /// single newline, and `paragraphs` records where each one lies.
    pub fn from_article(article: Article) -> Document {
        let Article {
            id,
            url,
            title,
            byline,
            published,
            language,
            paragraphs: paragraph_texts,
            boilerplate,
        } = article;
        let capacity = paragraph_texts.iter().map(|p| p.len() + 1).sum();
        let mut text = String::with_capacity(capacity);
        let mut paragraphs = Vec::with_capacity(paragraph_texts.len());
        for paragraph in paragraph_texts {
            let paragraph = paragraph.trim();
            if paragraph.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push('\n');
            }
            let start = text.len();
            text.push_str(paragraph);
            paragraphs.push(Span::new(start, text.len()));
        }
        Document {
            id,
            url,
            title,
            byline,
            published,
            language,
            text,
            paragraphs,
            boilerplate,
            ..Document::default()
        }
    }

    /// The text a span covers.
    ///
    /// # Panics
    /// If the span does not lie on character boundaries of `text` — a bug in the layer that made
    /// it, never a property of the input.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The [`TextSpan`] for a byte span: offsets plus the words they cover.
    pub fn text_span(&self, span: Span) -> TextSpan {
        TextSpan {
            start: span.start,
            end: span.end,
            text: self.slice(span).to_string(),
        }
    }

    /// Number of words in the text, counted as whitespace-separated runs: the unit of the
    /// throughput figures (words/s) that newsfacts reports.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_article_joins_paragraphs_and_records_their_spans() {
        let article = Article {
            id: "a".into(),
            paragraphs: vec!["  First one. ".into(), "".into(), "Second.".into()],
            ..Article::default()
        };
        let doc = Document::from_article(article);
        assert_eq!(doc.text, "First one.\nSecond.");
        assert_eq!(doc.paragraphs, vec![Span::new(0, 10), Span::new(11, 18)]);
        assert_eq!(doc.slice(doc.paragraphs[1]), "Second.");
        assert_eq!(doc.word_count(), 3);
    }
}
