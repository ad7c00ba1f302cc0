//! Where the pipeline's time goes: the elapsed time of each stage, summed over every document a
//! run analyses. `newsfacts analyze --timings` prints it, so a user (and the benchmark scripts)
//! can see what each layer costs on their own articles, not on ours.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The stages of [`crate::Pipeline::analyze`], in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Paragraphs and boilerplate into a document (ingest is timed outside the pipeline).
    Document,
    /// The English model: tokenizer, tagger, parser, named entities.
    English,
    /// Canonical entities, roles and coreference.
    Entities,
    /// Rule-based sentence segmentation.
    Sentences,
    /// Quantities, dates and durations.
    Quantities,
    /// Arithmetic checks of the article's claims.
    Checks,
    /// Quotations and their speakers.
    Quotes,
    /// PLOVER events.
    Events,
    /// Pledges against deliveries.
    Ledger,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 9] = [
        Stage::Document,
        Stage::English,
        Stage::Entities,
        Stage::Sentences,
        Stage::Quantities,
        Stage::Checks,
        Stage::Quotes,
        Stage::Events,
        Stage::Ledger,
    ];

    /// The stage's name as users see it (also the layer it fills, where there is one).
    pub fn name(self) -> &'static str {
        match self {
            Stage::Document => "document",
            Stage::English => "english model",
            Stage::Entities => "entities",
            Stage::Sentences => "sentences",
            Stage::Quantities => "quantities",
            Stage::Checks => "checks",
            Stage::Quotes => "quotes",
            Stage::Events => "events",
            Stage::Ledger => "ledger",
        }
    }

    fn index(self) -> usize {
        Stage::ALL
            .iter()
            .position(|&stage| stage == self)
            .unwrap_or_default()
    }
}

/// Per-stage time summed across threads. Shared by every worker of a batch.
#[derive(Debug, Default)]
pub struct StageClock {
    nanos: [AtomicU64; Stage::ALL.len()],
    documents: AtomicU64,
}

/// One line of a [`StageClock`] report.
#[derive(Debug, Clone, PartialEq)]
pub struct StageTime {
    pub stage: Stage,
    pub seconds: f64,
    /// Share of the pipeline's total time, 0–1.
    pub share: f64,
}

impl StageClock {
    pub fn new() -> StageClock {
        StageClock::default()
    }

    /// Adds `elapsed` to `stage`.
    pub fn record(&self, stage: Stage, elapsed: Duration) {
        let nanos = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
        self.nanos[stage.index()].fetch_add(nanos, Ordering::Relaxed);
    }

    /// Counts one analysed document.
    pub fn count_document(&self) {
        self.documents.fetch_add(1, Ordering::Relaxed);
    }

    /// Documents analysed so far.
    pub fn documents(&self) -> u64 {
        self.documents.load(Ordering::Relaxed)
    }

    /// Each stage's time and share of the total, in pipeline order.
    pub fn report(&self) -> Vec<StageTime> {
        let seconds: Vec<f64> = self
            .nanos
            .iter()
            .map(|nanos| nanos.load(Ordering::Relaxed) as f64 / 1e9)
            .collect();
        let total: f64 = seconds.iter().sum();
        Stage::ALL
            .iter()
            .zip(seconds)
            .map(|(&stage, seconds)| StageTime {
                stage,
                seconds,
                share: if total > 0.0 { seconds / total } else { 0.0 },
            })
            .collect()
    }
}

/// Times consecutive stages of one document: each [`Lap::lap`] charges the time since the
/// previous one to a stage. Without a clock it does nothing, so untimed runs pay nothing.
pub(crate) struct Lap<'a> {
    clock: Option<&'a StageClock>,
    since: Instant,
}

impl<'a> Lap<'a> {
    pub(crate) fn start(clock: Option<&'a StageClock>) -> Lap<'a> {
        Lap {
            clock,
            since: Instant::now(),
        }
    }

    pub(crate) fn lap(&mut self, stage: Stage) {
        if let Some(clock) = self.clock {
            let now = Instant::now();
            clock.record(stage, now - self.since);
            self.since = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_sum_to_one_and_follow_pipeline_order() {
        let clock = StageClock::new();
        clock.record(Stage::English, Duration::from_millis(300));
        clock.record(Stage::Quotes, Duration::from_millis(100));
        clock.record(Stage::English, Duration::from_millis(100));
        let report = clock.report();
        assert_eq!(report.len(), Stage::ALL.len());
        assert_eq!(report[1].stage, Stage::English);
        assert!((report[1].share - 0.8).abs() < 1e-9);
        let total: f64 = report.iter().map(|line| line.share).sum();
        assert!((total - 1.0).abs() < 1e-9);
    }

    #[test]
    fn an_empty_clock_reports_zero_shares() {
        let report = StageClock::new().report();
        assert!(report.iter().all(|line| line.share == 0.0));
    }
}
