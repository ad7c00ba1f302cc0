//! The newsfacts pipeline: from an ingested [`Article`] to a [`Document`] with every layer filled.
//!
//! Each analyst reads the document and adds one layer; the pipeline runs them in order. Nothing
//! here does I/O, so the same code serves one article in a terminal and a batch of millions.

pub mod checks;
pub mod quantities;
pub mod quotes;

use newsfacts_doc::{Article, Document};

/// Runs the analysis of one article. Cheap to share across threads.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {}

impl Pipeline {
    pub fn new() -> Pipeline {
        Pipeline {}
    }

    /// Analyses one article into a document with all layers filled.
    pub fn analyze(&self, article: Article) -> Document {
        let mut doc = Document::from_article(article);
        doc.sentences = newsfacts_nlp::split_sentences(&doc.text);
        doc.quantities = quantities::extract_quantities(&doc);
        doc.checks = checks::check_claims(&doc);
        doc.quotes = quotes::extract_quotes(&doc);
        doc
    }
}
