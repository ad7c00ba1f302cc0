//! Scorers for every benchmark format newsfacts is measured on. Each module reads one
//! benchmark's files, runs the newsfacts component it measures, and returns a report with the
//! benchmark's own metric. The data lives outside the repository (`../shared`); callers pass its
//! path.

pub mod events;
pub mod events_train;
pub mod extraction;
pub mod metadata;
pub mod pronouns;
pub mod pronouns_train;
pub mod quantities;
pub mod quotes;
pub mod quotes_train;
pub mod segmentation;
