//! Running the newsfacts pipeline over many inputs — files, globs, directories, JSON Lines,
//! WARC archives, stdin — as a batch user needs it:
//!
//! - one thread reads records sequentially (I/O, gunzip) while a rayon pool analyses the
//!   previous chunk, so memory stays flat whatever the archive's size;
//! - results reach the caller's sink in input order, so output is deterministic;
//! - a bad input or record becomes a [`RecordFailure`] naming it, and the batch goes on;
//!   even a panic inside an analyst is caught and reported as that record's failure.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use newsfacts_analysts::Pipeline;
use newsfacts_doc::Document;
use newsfacts_ingest::{IngestError, InputFormat, RawRecord, read_input, to_article};
use rayon::prelude::*;

/// One record that could not be analysed: where it was, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFailure {
    /// The input and record: `crawl.warc.gz record 40`, `news.jsonl line 3`, `a.txt`.
    pub origin: String,
    pub problem: String,
}

impl fmt::Display for RecordFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.problem)
    }
}

impl From<IngestError> for RecordFailure {
    fn from(err: IngestError) -> RecordFailure {
        RecordFailure {
            origin: err.origin,
            problem: err.kind.to_string(),
        }
    }
}

/// What the batch produced for one record, in input order.
#[derive(Debug)]
pub enum Outcome {
    Analysed(Box<Document>),
    Failed(RecordFailure),
    /// The caller's [`BatchOptions::skip`] said this record needs no analysis (for `ingest`:
    /// it is already stored). Carries the record's origin.
    Skipped(String),
}

/// Counts for the end-of-run summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchSummary {
    pub analysed: usize,
    pub failed: usize,
    /// Records read but left unanalysed by [`BatchOptions::skip`].
    pub skipped_by_caller: usize,
    pub words: usize,
    /// Records skipped on purpose (WARC request records, non-HTML responses), by reason.
    pub skipped: BTreeMap<String, usize>,
}

impl BatchSummary {
    /// What was skipped, for an end-of-run line: `" · skipped: 3 request record, 1 warcinfo
    /// record"`, or nothing when nothing was.
    pub fn skipped_note(&self) -> String {
        if self.skipped.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = self
            .skipped
            .iter()
            .map(|(reason, count)| format!("{count} {reason}"))
            .collect();
        format!(" · skipped: {}", parts.join(", "))
    }
}

/// Decides from a document as read (cleaned text and metadata, before any analysis) that it
/// needs no analysis. Called from the worker threads.
pub type SkipFilter = Arc<dyn Fn(&Document) -> bool + Send + Sync>;

#[derive(Clone)]
pub struct BatchOptions {
    pub format: InputFormat,
    /// Records analysed together; bounds memory (two chunks in flight at most).
    pub chunk_size: usize,
    /// Records to read but not analyse: `ingest` skips what the store already holds, so a
    /// re-run after a crash costs only what is missing.
    pub skip: Option<SkipFilter>,
}

impl Default for BatchOptions {
    fn default() -> BatchOptions {
        BatchOptions {
            format: InputFormat::Auto,
            chunk_size: 256,
            skip: None,
        }
    }
}

impl fmt::Debug for BatchOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BatchOptions")
            .field("format", &self.format)
            .field("chunk_size", &self.chunk_size)
            .field("skip", &self.skip.as_ref().map(|_| "filter"))
            .finish()
    }
}

/// File extensions taken when a directory is given as input.
const KNOWN_EXTENSIONS: [&str; 10] = [
    ".txt",
    ".html",
    ".htm",
    ".jsonl",
    ".ndjson",
    ".warc",
    ".warc.gz",
    ".arc",
    ".arc.gz",
    ".jsonl.gz",
];

/// Expands what the user typed into inputs: `-` (stdin) as is, globs expanded, directories walked
/// recursively for files with a known extension (sorted, so runs are reproducible), files as is.
/// A pattern or path that matches nothing is reported as a failure.
pub fn expand_inputs(args: &[String]) -> (Vec<String>, Vec<RecordFailure>) {
    let mut inputs = Vec::new();
    let mut failures = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(arg.clone());
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            let mut found = Vec::new();
            if let Err(err) = walk_dir(path, &mut found) {
                failures.push(RecordFailure {
                    origin: arg.clone(),
                    problem: format!("cannot read directory: {err}"),
                });
            }
            found.sort();
            inputs.extend(found.into_iter().map(|p| p.to_string_lossy().into_owned()));
        } else if !path.exists() && arg.contains(['*', '?', '[']) {
            match glob::glob(arg) {
                Ok(paths) => {
                    let mut matched: Vec<String> = paths
                        .filter_map(Result::ok)
                        .filter(|p| p.is_file())
                        .map(|p| p.to_string_lossy().into_owned())
                        .collect();
                    if matched.is_empty() {
                        failures.push(RecordFailure {
                            origin: arg.clone(),
                            problem: "the pattern matches no file".to_string(),
                        });
                    }
                    matched.sort();
                    inputs.extend(matched);
                }
                Err(err) => failures.push(RecordFailure {
                    origin: arg.clone(),
                    problem: format!("invalid pattern: {err}"),
                }),
            }
        } else {
            // Missing files are reported when they are opened, in order with the rest.
            inputs.push(arg.clone());
        }
    }
    (inputs, failures)
}

fn walk_dir(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk_dir(&path, found)?;
        } else {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            if KNOWN_EXTENSIONS.iter().any(|ext| name.ends_with(ext)) {
                found.push(path);
            }
        }
    }
    Ok(())
}

/// Analyses every record of `inputs`, handing each [`Outcome`] to `sink` in input order. Stops
/// early only when the sink fails (say, stdout was closed), returning its error.
pub fn run<E>(
    inputs: &[String],
    pipeline: &Pipeline,
    options: BatchOptions,
    mut sink: impl FnMut(Outcome) -> Result<(), E>,
) -> Result<BatchSummary, E> {
    let chunk_size = options.chunk_size.max(1);
    let (sender, receiver) = mpsc::sync_channel::<Vec<Result<RawRecord, IngestError>>>(1);
    let inputs_owned = inputs.to_vec();
    let format = options.format;
    let reader =
        std::thread::spawn(move || read_chunks(&inputs_owned, format, chunk_size, &sender));

    let mut summary = BatchSummary::default();
    let mut sink_error = None;
    let skip = options.skip.as_deref();
    for chunk in receiver.iter() {
        let outcomes: Vec<Outcome> = chunk
            .into_par_iter()
            .map(|record| analyse_record(pipeline, record, skip))
            .collect();
        for outcome in outcomes {
            match &outcome {
                Outcome::Analysed(doc) => {
                    summary.analysed += 1;
                    summary.words += doc.word_count();
                }
                Outcome::Failed(_) => summary.failed += 1,
                Outcome::Skipped(_) => summary.skipped_by_caller += 1,
            }
            if let Err(err) = sink(outcome) {
                sink_error = Some(err);
                break;
            }
        }
        if sink_error.is_some() {
            break;
        }
    }
    // Dropping the receiver makes the reader's next send fail, so it stops promptly.
    drop(receiver);
    summary.skipped = reader.join().unwrap_or_default();
    match sink_error {
        Some(err) => Err(err),
        None => Ok(summary),
    }
}

/// The reader thread: streams every input's records in chunks. Returns the skip tallies.
fn read_chunks(
    inputs: &[String],
    format: InputFormat,
    chunk_size: usize,
    sender: &mpsc::SyncSender<Vec<Result<RawRecord, IngestError>>>,
) -> BTreeMap<String, usize> {
    let mut skipped = BTreeMap::new();
    let mut chunk = Vec::with_capacity(chunk_size);
    for input in inputs {
        let mut stream = read_input(input, format);
        for record in stream.by_ref() {
            chunk.push(record);
            if chunk.len() >= chunk_size {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(chunk_size));
                if sender.send(full).is_err() {
                    return skipped;
                }
            }
        }
        for (reason, count) in stream.skipped() {
            *skipped.entry(reason).or_default() += count;
        }
    }
    if !chunk.is_empty() {
        let _ = sender.send(chunk);
    }
    skipped
}

fn analyse_record(
    pipeline: &Pipeline,
    record: Result<RawRecord, IngestError>,
    skip: Option<&(dyn Fn(&Document) -> bool + Send + Sync)>,
) -> Outcome {
    let record = match record {
        Ok(record) => record,
        Err(err) => return Outcome::Failed(err.into()),
    };
    let origin = record.origin.clone();
    let analysed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        to_article(record).map(|article| {
            pipeline.analyze_unless(article, |doc| skip.is_some_and(|skip| skip(doc)))
        })
    }));
    match analysed {
        Ok(Ok(Some(doc))) => Outcome::Analysed(Box::new(doc)),
        Ok(Ok(None)) => Outcome::Skipped(origin),
        Ok(Err(err)) => Outcome::Failed(err.into()),
        Err(panic) => Outcome::Failed(RecordFailure {
            origin,
            problem: format!(
                "internal error while analysing (please report it): {}",
                panic_message(&panic)
            ),
        }),
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write_file(dir: &Path, name: &str, content: &[u8]) -> String {
        let path = dir.join(name);
        let mut file = std::fs::File::create(&path).expect("create fixture");
        file.write_all(content).expect("write fixture");
        path.to_string_lossy().into_owned()
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("newsfacts-batch-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        dir
    }

    #[test]
    fn outcomes_come_in_input_order_and_failures_do_not_stop_the_batch() {
        let dir = temp_dir("order");
        let jsonl: String = (0..40)
            .map(|i| {
                if i == 7 {
                    "{broken\n".to_string()
                } else {
                    format!("{{\"id\": \"r{i}\", \"text\": \"Record number {i} is here.\"}}\n")
                }
            })
            .collect();
        let a = write_file(&dir, "a.jsonl", jsonl.as_bytes());
        let empty = write_file(&dir, "empty.txt", b"");
        let b = write_file(&dir, "b.txt", b"A short story. It ends.");
        let inputs = vec![
            a,
            empty,
            dir.join("missing.txt").to_string_lossy().into_owned(),
            b,
        ];
        let mut seen = Vec::new();
        let summary = run(
            &inputs,
            &Pipeline::new(),
            BatchOptions {
                chunk_size: 8,
                ..BatchOptions::default()
            },
            |outcome| -> Result<(), ()> {
                seen.push(match outcome {
                    Outcome::Analysed(doc) => doc.id,
                    Outcome::Failed(failure) => format!("FAILED {}", failure.origin),
                    Outcome::Skipped(origin) => format!("SKIPPED {origin}"),
                });
                Ok(())
            },
        )
        .expect("sink never fails");
        assert_eq!(seen.len(), 43);
        assert_eq!(seen[0], "r0");
        assert!(seen[7].starts_with("FAILED") && seen[7].ends_with("a.jsonl line 8"));
        assert_eq!(seen[39], "r39");
        assert!(seen[40].starts_with("FAILED") && seen[40].ends_with("empty.txt"));
        assert!(seen[41].starts_with("FAILED") && seen[41].ends_with("missing.txt"));
        assert_eq!(seen[42], "b.txt");
        assert_eq!(summary.analysed, 40);
        assert_eq!(summary.failed, 3);
    }

    #[test]
    fn records_the_skip_filter_takes_are_reported_in_order_and_not_analysed() {
        let dir = temp_dir("skip");
        let jsonl: String = (0..10)
            .map(|i| {
                let parity = if i % 2 == 0 { "even" } else { "odd" };
                format!("{{\"id\": \"r{i}\", \"text\": \"Record {i} is {parity}.\"}}\n")
            })
            .collect();
        let input = write_file(&dir, "mixed.jsonl", jsonl.as_bytes());
        let looked_at = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = Arc::clone(&looked_at);
        let skip: SkipFilter = Arc::new(move |doc: &Document| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            doc.text.contains("even")
        });
        let mut seen = Vec::new();
        let summary = run(
            &[input],
            &Pipeline::without_linguistics(),
            BatchOptions {
                chunk_size: 3,
                skip: Some(skip),
                ..BatchOptions::default()
            },
            |outcome| -> Result<(), ()> {
                seen.push(match outcome {
                    // A skipped record never reaches the analysts, so it has no sentences.
                    Outcome::Analysed(doc) => format!("{} {}", doc.id, doc.sentences.len()),
                    Outcome::Skipped(origin) => format!("SKIPPED {origin}"),
                    Outcome::Failed(failure) => format!("FAILED {failure}"),
                });
                Ok(())
            },
        )
        .expect("sink never fails");
        assert_eq!(looked_at.load(std::sync::atomic::Ordering::SeqCst), 10);
        assert_eq!(seen.len(), 10);
        assert!(seen[0].starts_with("SKIPPED") && seen[0].ends_with("mixed.jsonl line 1"));
        assert_eq!(seen[1], "r1 1");
        assert!(seen[8].starts_with("SKIPPED") && seen[8].ends_with("line 9"));
        assert_eq!(seen[9], "r9 1");
        assert_eq!(summary.analysed, 5);
        assert_eq!(summary.skipped_by_caller, 5);
    }

    #[test]
    fn directories_are_walked_for_known_extensions() {
        let dir = temp_dir("walk");
        std::fs::create_dir_all(dir.join("sub")).expect("subdir");
        write_file(&dir, "x.txt", b"x");
        write_file(&dir.join("sub"), "y.warc.gz", b"y");
        write_file(&dir, "notes.pdf", b"z");
        let (inputs, failures) = expand_inputs(&[dir.to_string_lossy().into_owned()]);
        assert!(failures.is_empty());
        assert_eq!(inputs.len(), 2);
        assert!(inputs.iter().any(|p| p.ends_with("y.warc.gz")));
        let (_, failures) = expand_inputs(&[dir.join("*.nothing").to_string_lossy().into_owned()]);
        assert_eq!(failures.len(), 1);
    }

    #[test]
    fn the_skipped_note_lists_reasons_or_says_nothing() {
        let mut summary = BatchSummary::default();
        assert_eq!(summary.skipped_note(), "");
        summary.skipped.insert("request record".into(), 3);
        summary.skipped.insert("warcinfo record".into(), 1);
        assert_eq!(
            summary.skipped_note(),
            " · skipped: 3 request record, 1 warcinfo record"
        );
    }

    #[test]
    fn a_failing_sink_stops_the_run() {
        let dir = temp_dir("sink");
        let a = write_file(&dir, "a.txt", b"One story.");
        let b = write_file(&dir, "b.txt", b"Another story.");
        let mut calls = 0;
        let result = run(&[a, b], &Pipeline::new(), BatchOptions::default(), |_| {
            calls += 1;
            Err("closed")
        });
        assert_eq!(result, Err("closed"));
        assert_eq!(calls, 1);
    }
}
