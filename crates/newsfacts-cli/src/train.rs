//! `newsfacts train …`: train the statistical models newsfacts ships. The training code lives in
//! `newsfacts-eval`; this only wires it up and writes the model file.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use newsfacts_eval::events_train;
use newsfacts_eval::quotes_train::{TrainOptions, train_polnear};

#[derive(Subcommand)]
pub enum TrainCommand {
    /// The quotation attribution model, on PolNeAR's train split (deterministic: the same data
    /// and options give the same file). Copy the result to
    /// crates/newsfacts-analysts/model/quotes-attribution.nfq and rebuild to ship it.
    Quotes {
        /// The PolNeAR directory (holding metadata.tsv and the split folders).
        #[arg(long, value_name = "DIR")]
        polnear: PathBuf,
        /// Where to write the model.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = TrainOptions::default().epochs)]
        epochs: usize,
        /// log2 of the number of hashed feature buckets.
        #[arg(long, default_value_t = TrainOptions::default().bits)]
        bits: u32,
        /// Leave weights under this absolute value out of the file.
        #[arg(long, default_value_t = TrainOptions::default().prune)]
        prune: f32,
        /// Keep the English pipeline's output per article here, to train again faster.
        #[arg(long, value_name = "DIR")]
        cache: Option<PathBuf>,
    },
    /// The event trigger classifier, on the NGEC synthetic stories and headlines
    /// (deterministic). Copy the result to crates/newsfacts-analysts/model/events-trigger.nfe
    /// and rebuild to ship it.
    Events {
        /// gpt_synthetic_events_2023-10-19_19.csv.zip (or the CSV inside it).
        #[arg(long, value_name = "FILE")]
        synthetic: PathBuf,
        /// synthetic_headlines.csv (columns event, mode, title).
        #[arg(long, value_name = "FILE")]
        headlines: Option<PathBuf>,
        /// General news articles (JSON Lines with a `text` field, e.g. the BBC news corpus)
        /// whose verbs the lexicon does not code are weak NONE examples.
        #[arg(long, value_name = "FILE")]
        news: Option<PathBuf>,
        /// Leave out the first N news articles (kept back to measure precision on).
        #[arg(long, default_value_t = 300)]
        news_skip: usize,
        /// Take one news article in N of the rest.
        #[arg(long, default_value_t = 4)]
        news_every: usize,
        /// Where to write the model.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// log2 of the number of hashed feature buckets.
        #[arg(long, default_value_t = events_train::TrainOptions::default().bits)]
        bits: u32,
        /// Leave weights under this absolute value out of the file.
        #[arg(long, default_value_t = events_train::TrainOptions::default().prune)]
        prune: f32,
    },
}

pub fn run(command: TrainCommand) -> anyhow::Result<ExitCode> {
    match command {
        TrainCommand::Quotes {
            polnear,
            out,
            epochs,
            bits,
            prune,
            cache,
        } => {
            anyhow::ensure!((8..=24).contains(&bits), "--bits must be 8 to 24");
            let options = TrainOptions {
                epochs,
                bits,
                prune,
                cache,
                ..TrainOptions::default()
            };
            let mut log = |line: &str| eprintln!("{line}");
            let model = train_polnear(&polnear, &options, &mut log)
                .with_context(|| format!("cannot train on PolNeAR in {}", polnear.display()))?;
            let bytes = model.to_bytes(options.prune);
            std::fs::write(&out, &bytes)
                .with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
        }
        TrainCommand::Events {
            synthetic,
            headlines,
            news,
            news_skip,
            news_every,
            out,
            bits,
            prune,
        } => {
            anyhow::ensure!((8..=24).contains(&bits), "--bits must be 8 to 24");
            let options = events_train::TrainOptions {
                bits,
                prune,
                ..events_train::TrainOptions::default()
            };
            let mut log = |line: &str| eprintln!("{line}");
            let (model, report) = events_train::train_events(
                &synthetic,
                headlines.as_deref(),
                news.as_deref().map(|path| (path, news_skip, news_every)),
                &options,
                &mut log,
            )
            .with_context(|| format!("cannot train on {}", synthetic.display()))?;
            for line in &report.lines {
                println!("{line}");
            }
            let bytes = model.to_bytes();
            std::fs::write(&out, &bytes)
                .with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
