//! Scorer: extraction (to be written).
