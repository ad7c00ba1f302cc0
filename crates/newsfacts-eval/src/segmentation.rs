//! Scorer: segmentation (to be written).
