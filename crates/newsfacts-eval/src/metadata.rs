//! Scorer: metadata (to be written).
