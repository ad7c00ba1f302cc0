//! The English language layer of newsfacts.
//!
//! - [`sentences`]: a rule-based sentence segmenter, the fast path when no parse is needed.
//! - [`tokenizer`]: spaCy's English tokenizer, driven by the embedded model's tokenizer data.
//! - [`model`]: the embedded, converted `en_core_web_sm` 3.8.0 model file.
//!
//! Everything here is pure: text in, spans out, no I/O and no global mutable state.

pub mod attribute_ruler;
pub mod lemmatizer;
pub mod lexeme;
pub mod linalg;
pub mod model;
pub mod parser;
pub mod pipeline;
pub mod sentences;
pub mod tagger;
pub mod tok2vec;
pub mod tokenizer;

pub use pipeline::{Analysis, AnalyzedToken, EnglishPipeline, EntitySpan};
pub use sentences::split_sentences;
