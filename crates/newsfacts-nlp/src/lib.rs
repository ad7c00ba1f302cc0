//! The English language layer of newsfacts.
//!
//! - [`sentences`]: a rule-based sentence segmenter, the fast path when no parse is needed.
//! - [`pipeline`]: [`EnglishPipeline`], a pure-Rust re-implementation of the inference of
//!   spaCy's `en_core_web_sm` 3.8.0 (tokens, tags, POS, morphology, lemmas, dependency parse,
//!   sentences from the parse, entities) reading the model's own converted weights.
//! - [`tokenizer`]: spaCy's English tokenizer, driven by the embedded model's tokenizer data.
//! - [`tok2vec`], [`tagger`], [`parser`], [`attribute_ruler`], [`lemmatizer`]: its components;
//!   [`model`]: the embedded model file; [`lexeme`], [`linalg`]: features and dense kernels.
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
