//! What `analyze` and `ingest` share on the command line: how to read the inputs, and how many
//! worker threads analyse them.

use anyhow::Context;
use clap::ValueEnum;
use newsfacts_ingest::InputFormat;

/// How to read the inputs: by extension then by sniffing (auto), or all as one format.
#[derive(Clone, Copy, ValueEnum)]
pub enum InputArg {
    Auto,
    Text,
    Html,
    Jsonl,
    Warc,
}

impl From<InputArg> for InputFormat {
    fn from(arg: InputArg) -> InputFormat {
        match arg {
            InputArg::Auto => InputFormat::Auto,
            InputArg::Text => InputFormat::Text,
            InputArg::Html => InputFormat::Html,
            InputArg::Jsonl => InputFormat::Jsonl,
            InputArg::Warc => InputFormat::Warc,
        }
    }
}

/// Sizes the analysis thread pool when the user said how many threads (`--threads N`); the
/// default is one per core.
pub fn use_threads(threads: Option<usize>) -> anyhow::Result<()> {
    if let Some(threads) = threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global()
            .context("cannot set up the worker threads")?;
    }
    Ok(())
}
