//! Scorer: quantities (to be written).
