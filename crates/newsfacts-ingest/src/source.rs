//! Opening inputs and streaming their records.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::{Arc, Mutex};

use flate2::read::MultiGzDecoder;

use crate::{ErrorKind, IngestError, jsonl, warc};

/// Largest single article (text or HTML) newsfacts accepts; larger inputs get a clear error
/// instead of an analysis that would take minutes and gigabytes.
pub const MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;

/// The kind of input, chosen by the user or found by [`sniff_format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// By extension, then by sniffing the first bytes.
    #[default]
    Auto,
    Text,
    Html,
    Jsonl,
    Warc,
}

impl std::str::FromStr for InputFormat {
    type Err = IngestError;

    fn from_str(s: &str) -> Result<InputFormat, IngestError> {
        match s {
            "auto" => Ok(InputFormat::Auto),
            "text" | "txt" => Ok(InputFormat::Text),
            "html" | "htm" => Ok(InputFormat::Html),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            "warc" => Ok(InputFormat::Warc),
            other => Err(IngestError::new(
                "--input",
                ErrorKind::UnknownFormat(other.to_string()),
            )),
        }
    }
}

/// One record as read from an input, before any extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRecord {
    /// Where it came from, for messages: `news.jsonl line 12`, `crawl.warc.gz record 40`.
    pub origin: String,
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub payload: Payload,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    Text(String),
    /// HTML as bytes, with the charset its transport declared (HTTP or WARC header), if any:
    /// decoding waits for the parallel stage.
    Html {
        bytes: Vec<u8>,
        charset: Option<String>,
    },
}

/// The records of one input, read lazily, with a tally of what was skipped on purpose (WARC
/// request and metadata records, non-HTML responses).
pub struct RecordStream {
    records: Box<dyn Iterator<Item = Result<RawRecord, IngestError>> + Send>,
    skipped: SkipTally,
}

impl RecordStream {
    pub fn new(
        records: impl Iterator<Item = Result<RawRecord, IngestError>> + Send + 'static,
        skipped: SkipTally,
    ) -> RecordStream {
        RecordStream {
            records: Box::new(records),
            skipped,
        }
    }

    fn single(record: Result<RawRecord, IngestError>) -> RecordStream {
        RecordStream::new(std::iter::once(record), SkipTally::default())
    }

    /// What was skipped so far, by reason (`"warc request"`, `"non-HTML response"`).
    pub fn skipped(&self) -> BTreeMap<String, usize> {
        self.skipped.snapshot()
    }
}

impl Iterator for RecordStream {
    type Item = Result<RawRecord, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.records.next()
    }
}

/// A shared count of skipped records by reason, written by a reader, read by whoever reports.
#[derive(Debug, Clone, Default)]
pub struct SkipTally(Arc<Mutex<BTreeMap<String, usize>>>);

impl SkipTally {
    pub fn add(&self, reason: &str) {
        if let Ok(mut counts) = self.0.lock() {
            *counts.entry(reason.to_string()).or_default() += 1;
        }
    }

    pub fn snapshot(&self) -> BTreeMap<String, usize> {
        self.0
            .lock()
            .map(|counts| counts.clone())
            .unwrap_or_default()
    }
}

/// Opens an input — a path, or `-` for standard input — and streams its records. Gzip is
/// undone transparently (by magic bytes, not by name). Errors that spoil the whole input (it
/// cannot be opened, it is empty or binary) come out as the stream's only item, so a caller
/// handles every problem in one place.
pub fn read_input(path: &str, format: InputFormat) -> RecordStream {
    let name = if path == "-" {
        "<stdin>".to_string()
    } else {
        path.to_string()
    };
    let reader: Box<dyn Read + Send> = if path == "-" {
        Box::new(io::stdin())
    } else {
        match File::open(path) {
            Ok(file) => Box::new(file),
            Err(err) => return RecordStream::single(Err(IngestError::new(name, err.into()))),
        }
    };
    match open_reader(reader, &name, path, format) {
        Ok(stream) => stream,
        Err(err) => RecordStream::single(Err(err)),
    }
}

fn open_reader(
    reader: Box<dyn Read + Send>,
    name: &str,
    path: &str,
    format: InputFormat,
) -> Result<RecordStream, IngestError> {
    let err = |kind| IngestError::new(name, kind);
    let mut buffered = BufReader::with_capacity(256 * 1024, reader);
    let head = buffered.fill_buf().map_err(|e| err(e.into()))?;
    if head.is_empty() {
        return Err(err(ErrorKind::Empty));
    }
    let gzipped = head.starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead + Send> = if gzipped {
        Box::new(BufReader::with_capacity(
            256 * 1024,
            MultiGzDecoder::new(buffered),
        ))
    } else {
        Box::new(buffered)
    };
    let head = reader.fill_buf().map_err(|e| err(gzip_or_io(e, gzipped)))?;
    if head.is_empty() {
        return Err(err(ErrorKind::Empty));
    }
    let format = match format {
        InputFormat::Auto => format_from_extension(path).unwrap_or_else(|| sniff_format(head)),
        chosen => chosen,
    };
    if format != InputFormat::Warc && looks_binary(head) {
        return Err(err(ErrorKind::Binary));
    }
    let id = file_id(path, name);
    Ok(match format {
        InputFormat::Jsonl => jsonl::records(reader, name.to_string()),
        InputFormat::Warc => warc::records(reader, name.to_string()),
        InputFormat::Text | InputFormat::Html | InputFormat::Auto => {
            let bytes = read_whole(reader, name, gzipped)?;
            let payload = if format == InputFormat::Html {
                Payload::Html {
                    bytes,
                    charset: None,
                }
            } else {
                Payload::Text(crate::encoding::decode(&bytes, None))
            };
            RecordStream::single(Ok(RawRecord {
                origin: name.to_string(),
                id,
                url: None,
                title: None,
                published: None,
                payload,
            }))
        }
    })
}

/// A gzip stream that ends early or holds garbage surfaces as an I/O error from the decoder;
/// name it for what it is.
pub(crate) fn gzip_or_io(err: io::Error, gzipped: bool) -> ErrorKind {
    if gzipped
        && matches!(
            err.kind(),
            io::ErrorKind::UnexpectedEof | io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData
        )
    {
        ErrorKind::Gzip(err.to_string())
    } else {
        ErrorKind::Io(err)
    }
}

fn read_whole(
    reader: Box<dyn BufRead + Send>,
    name: &str,
    gzipped: bool,
) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_RECORD_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::new(name, gzip_or_io(e, gzipped)))?;
    if bytes.len() > MAX_RECORD_BYTES {
        return Err(IngestError::new(
            name,
            ErrorKind::TooLarge {
                limit: MAX_RECORD_BYTES,
            },
        ));
    }
    Ok(bytes)
}

/// The document id of a single-article file: its file name without directories.
fn file_id(path: &str, name: &str) -> String {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|_| path != "-")
        .unwrap_or(name)
        .to_string()
}

fn format_from_extension(path: &str) -> Option<InputFormat> {
    let lower = path.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = Path::new(lower).extension()?.to_str()?;
    match ext {
        "txt" | "text" | "md" => Some(InputFormat::Text),
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        "warc" | "arc" => Some(InputFormat::Warc),
        _ => None,
    }
}

/// Guesses the format from the first bytes of a (decompressed) input.
pub fn sniff_format(head: &[u8]) -> InputFormat {
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    // ARC, the web archive format before WARC, starts with its `filedesc://` header.
    if trimmed.starts_with("WARC/") || trimmed.starts_with("filedesc://") {
        return InputFormat::Warc;
    }
    if trimmed.starts_with('{') {
        return InputFormat::Jsonl;
    }
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml")
        || lower.contains("<body")
        || lower.contains("<head")
        || (lower.starts_with('<') && lower.contains("</"))
    {
        return InputFormat::Html;
    }
    InputFormat::Text
}

/// Text has no NUL bytes and few control characters; anything else is not for us.
fn looks_binary(head: &[u8]) -> bool {
    let sample = &head[..head.len().min(8192)];
    if memchr::memchr(0, sample).is_some() {
        // UTF-16 text has NULs too; it carries a BOM, and decoding handles it.
        return !(sample.starts_with(&[0xff, 0xfe]) || sample.starts_with(&[0xfe, 0xff]));
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats() {
        assert_eq!(sniff_format(b"WARC/1.0\r\n"), InputFormat::Warc);
        assert_eq!(
            sniff_format(b"filedesc://a.arc 0.0.0.0 2000 text/plain 9\n"),
            InputFormat::Warc
        );
        assert_eq!(sniff_format(b"{\"id\": 1}\n"), InputFormat::Jsonl);
        assert_eq!(sniff_format(b"\n<!DOCTYPE html><html>"), InputFormat::Html);
        assert_eq!(sniff_format(b"Plain words."), InputFormat::Text);
    }

    #[test]
    fn extension_ignores_gz_and_case() {
        assert_eq!(
            format_from_extension("a/B.WARC.GZ"),
            Some(InputFormat::Warc)
        );
        assert_eq!(format_from_extension("x.jsonl"), Some(InputFormat::Jsonl));
        assert_eq!(format_from_extension("noext"), None);
    }

    #[test]
    fn binary_is_detected() {
        assert!(looks_binary(&[0x7f, b'E', b'L', b'F', 0, 0, 1, 2]));
        assert!(!looks_binary("Ünïcode text\n".as_bytes()));
    }
}
