//! The English language layer of newsfacts.
//!
//! - [`sentences`]: a rule-based sentence segmenter, the fast path when no parse is needed.
//!
//! Everything here is pure: text in, spans out, no I/O and no global mutable state.

pub mod sentences;

pub use sentences::split_sentences;
