//! `newsfacts ingest`: analyse articles and store them, with every fact, in a SQLite database.
//!
//! The batch runner reads and analyses in parallel and hands documents over in input order; one
//! writer thread stores them in transactions of `--batch-size` articles. An article already in
//! the store (same URL, or same text) is skipped before it is analysed, so running the same
//! command again after a crash, a kill or Ctrl-C finishes the job without losing or duplicating
//! anything, and spends analysis time only on what is missing.

use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use newsfacts_analysts::Pipeline;
use newsfacts_batch::{BatchOptions, Outcome, expand_inputs};
use newsfacts_doc::Document;
use newsfacts_doc::json::{OutputLayers, to_output};
use newsfacts_store::{StoredKeys, Writer};

use crate::batch_args::{InputArg, use_threads, with_actor_dictionaries};

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files (.txt, .html, .jsonl, .warc, .warc.gz, gzip or not), directories (searched
    /// recursively), glob patterns, or - for standard input.
    #[arg(value_name = "PATH", required = true)]
    inputs: Vec<String>,

    /// The database to store into; created if missing.
    #[arg(long, value_name = "FILE", default_value = "newsfacts.db")]
    db: PathBuf,

    /// How to read the inputs: by extension then by sniffing (auto), or as one format.
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    input: InputArg,

    /// Articles stored per transaction. Smaller loses less work to a crash; larger is faster.
    #[arg(long, value_name = "N", default_value_t = 64)]
    batch_size: usize,

    /// Worker threads for analysis [default: all cores].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,

    /// An actor dictionary in the Phoenix/PETRARCH format (repeat for several): entities it
    /// names get its CAMEO actor code on the article's date, and its dated codes.
    #[arg(long, value_name = "FILE")]
    actors: Vec<std::path::PathBuf>,

    /// No progress bar and no end-of-run summary on stderr.
    #[arg(long, short)]
    quiet: bool,
}

/// Compressed and archive inputs hold an unknown number of articles; this is a typical size of
/// one in a gzipped web archive (response, request and metadata records together), used only to
/// give the progress bar a length.
const ARCHIVE_BYTES_PER_ARTICLE: u64 = 50_000;

/// Set by Ctrl-C: stop taking documents, store what is analysed, and exit.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Counts shared between the writer thread and the progress line.
#[derive(Default)]
struct Tally {
    stored: AtomicUsize,
    duplicates: AtomicUsize,
}

/// Why the batch stopped taking documents.
#[derive(Debug, thiserror::Error)]
enum SinkStop {
    #[error("interrupted")]
    Interrupted,
    #[error("the database writer stopped")]
    WriterGone,
}

/// Exit codes: 0 when every record was stored (or already was), 1 when any record failed (the
/// rest were stored), 2 when the run could not go on, 130 when interrupted.
pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    use_threads(args.threads)?;
    let (inputs, input_failures) = expand_inputs(&args.inputs);
    let writer = Writer::open(&args.db)
        .with_context(|| format!("cannot open the database {}", args.db.display()))?;
    let stored_keys = StoredKeys::open(&args.db)
        .with_context(|| format!("cannot open the database {}", args.db.display()))?;
    ctrlc::set_handler(|| {
        // A second Ctrl-C means "now": whatever is committed stays committed.
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    })
    .context("cannot install the Ctrl-C handler")?;

    let (estimate, exact) = estimate_articles(&inputs);
    let progress =
        (!args.quiet && io::stderr().is_terminal()).then(|| progress_bar(estimate, exact));
    let report = |message: String| match &progress {
        Some(bar) => bar.println(message),
        None => eprintln!("{message}"),
    };
    for failure in &input_failures {
        report(format!("newsfacts: {failure}"));
    }

    let tally = Arc::new(Tally::default());
    let batch_size = args.batch_size.max(1);
    let (sender, receiver) = mpsc::sync_channel::<Box<Document>>(batch_size * 2);
    let writer_tally = Arc::clone(&tally);
    let writer_thread =
        std::thread::spawn(move || write_documents(writer, receiver, batch_size, &writer_tally));

    let started = Instant::now();
    let pipeline = with_actor_dictionaries(Pipeline::new(), &args.actors, args.quiet)?;
    // A failed lookup only costs an analysis: the writer still stores each article once.
    let already_stored = move |doc: &Document| {
        stored_keys
            .contains(doc.url.as_deref(), &doc.text)
            .unwrap_or(false)
    };
    let options = BatchOptions {
        format: args.input.into(),
        skip: Some(Arc::new(already_stored)),
        ..BatchOptions::default()
    };
    // Articles analysed or found already stored: the progress bar's position.
    let mut handled = 0u64;
    let result = newsfacts_batch::run(&inputs, &pipeline, options, |outcome| {
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Err(SinkStop::Interrupted);
        }
        match outcome {
            Outcome::Analysed(doc) => {
                sender.send(doc).map_err(|_| SinkStop::WriterGone)?;
                handled += 1;
            }
            Outcome::Skipped(_) => {
                tally.duplicates.fetch_add(1, Ordering::Relaxed);
                handled += 1;
            }
            Outcome::Failed(failure) => report(format!("newsfacts: {failure}")),
        }
        if let Some(bar) = &progress {
            if handled > bar.length().unwrap_or(0) {
                bar.set_length(handled);
            }
            bar.set_position(handled);
            bar.set_message(format!(
                "{} new, {} already stored",
                tally.stored.load(Ordering::Relaxed),
                tally.duplicates.load(Ordering::Relaxed)
            ));
        }
        Ok(())
    });
    // Closing the channel lets the writer store its last partial batch and finish.
    drop(sender);
    let written = writer_thread
        .join()
        .map_err(|_| anyhow::anyhow!("the database writer crashed"))?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    written.with_context(|| format!("cannot write to {}", args.db.display()))?;

    let stored = tally.stored.load(Ordering::SeqCst);
    let duplicates = tally.duplicates.load(Ordering::SeqCst);
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    let summary = match result {
        Ok(summary) => summary,
        Err(SinkStop::Interrupted) => {
            eprintln!(
                "newsfacts: interrupted after storing {stored} new articles in {}; \
                 run the same command again to finish (stored articles are skipped)",
                args.db.display()
            );
            return Ok(ExitCode::from(130));
        }
        Err(SinkStop::WriterGone) => anyhow::bail!("the database writer stopped unexpectedly"),
    };
    let failed = summary.failed + input_failures.len();
    if !args.quiet {
        let mut line = format!(
            "newsfacts: {} analysed, {stored} stored, {duplicates} already stored, {failed} failed \
             · {} words in {seconds:.2}s ({:.1} articles/s) → {}",
            summary.analysed,
            summary.words,
            summary.analysed as f64 / seconds,
            args.db.display()
        );
        line.push_str(&summary.skipped_note());
        eprintln!("{line}");
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The writer thread: converts each document to the contract's shape and stores them in
/// transactions of `batch_size`.
fn write_documents(
    mut writer: Writer,
    receiver: mpsc::Receiver<Box<Document>>,
    batch_size: usize,
    tally: &Tally,
) -> Result<(), newsfacts_store::StoreError> {
    let mut batch = Vec::with_capacity(batch_size);
    let mut flush = |batch: &mut Vec<_>| -> Result<(), newsfacts_store::StoreError> {
        let written = writer.write_batch(batch)?;
        tally.stored.fetch_add(written.inserted, Ordering::SeqCst);
        tally
            .duplicates
            .fetch_add(written.duplicates, Ordering::SeqCst);
        batch.clear();
        Ok(())
    };
    for doc in receiver {
        batch.push(to_output(&doc, OutputLayers::default()));
        if batch.len() >= batch_size {
            flush(&mut batch)?;
        }
    }
    if !batch.is_empty() {
        flush(&mut batch)?;
    }
    Ok(())
}

/// How many articles the inputs probably hold, and whether that is exact: plain JSON Lines
/// files are counted by their lines (fast), text and HTML files are one article each, and
/// compressed files and archives are estimated from their size.
fn estimate_articles(inputs: &[String]) -> (u64, bool) {
    let mut total = 0u64;
    let mut exact = true;
    for input in inputs {
        let lower = input.to_ascii_lowercase();
        let path = Path::new(input);
        if input == "-" {
            exact = false;
        } else if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            match count_lines(path) {
                Ok(lines) => total += lines,
                Err(_) => exact = false,
            }
        } else if lower.ends_with(".txt") || lower.ends_with(".html") || lower.ends_with(".htm") {
            total += 1;
        } else {
            exact = false;
            let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            total += (size / ARCHIVE_BYTES_PER_ARTICLE).max(1);
        }
    }
    (total, exact)
}

/// Non-empty lines of a file.
fn count_lines(path: &Path) -> io::Result<u64> {
    let mut file = std::fs::File::open(path)?;
    let mut buffer = vec![0u8; 1 << 16];
    let mut lines = 0u64;
    let mut line_has_content = false;
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        for &byte in &buffer[..read] {
            if byte == b'\n' {
                if line_has_content {
                    lines += 1;
                }
                line_has_content = false;
            } else if !byte.is_ascii_whitespace() {
                line_has_content = true;
            }
        }
    }
    Ok(lines + u64::from(line_has_content))
}

fn progress_bar(estimate: u64, exact: bool) -> ProgressBar {
    let bar = ProgressBar::new(estimate.max(1));
    let about = if exact { "" } else { "~" };
    let template = format!(
        "{{bar:30.cyan/blue}} {{pos}}/{about}{{len}} articles · {{rate}} · ETA {{eta}} · {{msg}}"
    );
    bar.set_style(
        ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key(
                "rate",
                |state: &indicatif::ProgressState, out: &mut dyn std::fmt::Write| {
                    let _ = write!(out, "{:.1} articles/s", state.per_sec());
                },
            )
            .progress_chars("█▉▊▋▌▍▎▏ "),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_are_counted_and_archives_estimated() {
        let dir = tempfile::tempdir().expect("temp dir");
        let jsonl = dir.path().join("a.jsonl");
        std::fs::write(&jsonl, "{\"id\":1}\n\n{\"id\":2}\n{\"id\":3}").expect("write");
        let warc = dir.path().join("b.warc.gz");
        std::fs::write(&warc, vec![0u8; 120_000]).expect("write");
        let text = dir.path().join("c.txt");
        std::fs::write(&text, "x").expect("write");
        let name = |p: &Path| p.to_string_lossy().into_owned();
        assert_eq!(estimate_articles(&[name(&jsonl), name(&text)]), (4, true));
        assert_eq!(estimate_articles(&[name(&warc)]), (2, false));
    }
}
