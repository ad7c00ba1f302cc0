//! JSON Lines: one article a line, `{"id", "text" | "html", "url"?, "title"?, "published"?}`.
//! A malformed line is an error for that line only; reading goes on with the next.

use std::io::BufRead;

use serde::Deserialize;

use crate::source::{MAX_RECORD_BYTES, RecordStream, SkipTally, gzip_or_io};
use crate::{ErrorKind, IngestError, Payload, RawRecord};

#[derive(Debug, Deserialize)]
struct JsonRecord {
    #[serde(default, deserialize_with = "string_or_number")]
    id: Option<String>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
}

/// Ids are strings in the contract, but many exports write numbers; accept both.
fn string_or_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    Ok(match value {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

/// Streams the records of a JSON Lines input.
pub fn records(reader: Box<dyn BufRead + Send>, origin: String) -> RecordStream {
    RecordStream::new(
        JsonlRecords {
            reader,
            origin,
            line_number: 0,
            buffer: Vec::new(),
            finished: false,
        },
        SkipTally::default(),
    )
}

struct JsonlRecords {
    reader: Box<dyn BufRead + Send>,
    origin: String,
    line_number: usize,
    buffer: Vec<u8>,
    finished: bool,
}

impl Iterator for JsonlRecords {
    type Item = Result<RawRecord, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.finished {
                return None;
            }
            self.line_number += 1;
            let here = format!("{} line {}", self.origin, self.line_number);
            let too_long = match read_line_bounded(&mut self.reader, &mut self.buffer) {
                Ok(LineRead::End) => {
                    self.finished = true;
                    return None;
                }
                Ok(LineRead::Line) => false,
                Ok(LineRead::TooLong) => true,
                Err(err) => {
                    // A read error (a truncated .gz) ends the input: nothing after it is reliable.
                    self.finished = true;
                    return Some(Err(IngestError::new(here, gzip_or_io(err, true))));
                }
            };
            if too_long {
                return Some(Err(IngestError::new(
                    here,
                    ErrorKind::TooLarge {
                        limit: MAX_RECORD_BYTES,
                    },
                )));
            }
            let line = trim_ascii(&self.buffer);
            if line.is_empty() {
                continue;
            }
            return Some(parse_record(line, here, self.line_number));
        }
    }
}

enum LineRead {
    Line,
    TooLong,
    End,
}

/// Reads one line into `buffer` without ever holding more than [`MAX_RECORD_BYTES`] of it: an
/// oversized line is consumed and reported, not loaded.
fn read_line_bounded(reader: &mut dyn BufRead, buffer: &mut Vec<u8>) -> std::io::Result<LineRead> {
    buffer.clear();
    let mut too_long = false;
    let mut read_any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        read_any = true;
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        if !too_long {
            if buffer.len() + chunk.len() > MAX_RECORD_BYTES {
                too_long = true;
                buffer.clear();
            } else {
                buffer.extend_from_slice(chunk);
            }
        }
        let consumed = done.unwrap_or(available.len());
        reader.consume(consumed);
        if done.is_some() {
            break;
        }
    }
    Ok(match (read_any, too_long) {
        (false, _) => LineRead::End,
        (true, true) => LineRead::TooLong,
        (true, false) => LineRead::Line,
    })
}

fn trim_ascii(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    bytes.trim_ascii()
}

fn parse_record(line: &[u8], here: String, line_number: usize) -> Result<RawRecord, IngestError> {
    let record: JsonRecord = serde_json::from_slice(line)
        .map_err(|e| IngestError::new(here.clone(), ErrorKind::Json(e.to_string())))?;
    let id = record
        .id
        .or_else(|| record.url.clone())
        .unwrap_or_else(|| format!("line-{line_number}"));
    let payload = match (record.text, record.html) {
        (Some(text), _) => Payload::Text(text),
        (None, Some(html)) => Payload::Html {
            bytes: html.into_bytes(),
            charset: Some("utf-8".to_string()),
        },
        (None, None) => return Err(IngestError::new(here, ErrorKind::NoContent)),
    };
    Ok(RawRecord {
        origin: here,
        id,
        url: record.url,
        title: record.title,
        published: record.published,
        payload,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(input: &'static str) -> Vec<Result<RawRecord, IngestError>> {
        records(Box::new(input.as_bytes()), "in.jsonl".into()).collect()
    }

    #[test]
    fn reads_records_and_reports_bad_lines_without_stopping() {
        let out = stream(
            "{\"id\": \"a\", \"text\": \"One.\"}\n\nnot json\n{\"id\": 7, \"html\": \"<p>x</p>\", \"title\": \"T\"}\n{\"id\": \"c\"}\n",
        );
        assert_eq!(out.len(), 4);
        let first = out[0].as_ref().expect("first record parses");
        assert_eq!(first.id, "a");
        assert_eq!(first.payload, Payload::Text("One.".into()));
        let bad = out[1].as_ref().expect_err("line 3 is not JSON");
        assert_eq!(bad.origin, "in.jsonl line 3");
        assert!(matches!(bad.kind, ErrorKind::Json(_)));
        let html = out[2].as_ref().expect("numeric id accepted");
        assert_eq!(html.id, "7");
        assert_eq!(html.title.as_deref(), Some("T"));
        let empty = out[3].as_ref().expect_err("no content");
        assert!(matches!(empty.kind, ErrorKind::NoContent));
    }

    #[test]
    fn last_line_without_newline_is_read() {
        let out = stream("{\"id\": \"a\", \"text\": \"x\"}");
        assert_eq!(out.len(), 1);
        assert!(out[0].is_ok());
    }
}
