//! What `analyze` and `ingest` share on the command line: how to read the inputs, how many
//! worker threads analyse them, and the user's actor dictionaries.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use clap::ValueEnum;
use newsfacts_analysts::Pipeline;
use newsfacts_analysts::actors::ActorDictionary;
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

/// Reads the actor dictionaries the user gave (`--actors FILE`, Phoenix/PETRARCH format; several
/// are used together) into the pipeline. What a file holds that cannot be read is said on
/// stderr, once per file, unless `quiet`; a file that cannot be read at all, or holds no
/// entry, stops the run.
pub fn with_actor_dictionaries(
    pipeline: Pipeline,
    paths: &[PathBuf],
    quiet: bool,
) -> anyhow::Result<Pipeline> {
    if paths.is_empty() {
        return Ok(pipeline);
    }
    let mut dictionary = ActorDictionary::default();
    for path in paths {
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read the actor dictionary {}", path.display()))?;
        // Dictionaries from the 2010s are not always clean UTF-8; a stray byte in a comment
        // must not cost the whole file.
        let text = String::from_utf8_lossy(&bytes);
        let problems = dictionary
            .read(&text)
            .with_context(|| format!("actor dictionary {}", path.display()))?;
        if !quiet && let Some(first) = problems.first() {
            eprintln!(
                "newsfacts: {}: {} code restriction(s) left out (first: {first})",
                path.display(),
                problems.len()
            );
        }
    }
    Ok(pipeline.with_actors(Arc::new(dictionary)))
}
