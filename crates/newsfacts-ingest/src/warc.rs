//! Web archives — WARC 1.0/1.1 and the older ARC format, gzip-compressed or not (the gzip is
//! undone before this module sees the bytes) — read one record at a time, so memory stays flat
//! however large the archive.
//!
//! Documents are `response` records holding an HTTP response with a 2xx status and an HTML
//! body (transfer and content codings undone), and `resource` records of type HTML. Everything
//! else is skipped and counted by reason in the stream's tally: `warcinfo record`,
//! `request record`, `non-HTML response`, `HTTP status 404`...
//!
//! A malformed record gives one error naming the input, the record number and its byte offset
//! (in the decompressed stream), and reading resumes at the next line starting `WARC/`. An
//! input that ends inside a record, or a gzip stream that breaks, ends the input with an error
//! after everything read before it.

mod http;

use std::io::{self, BufRead};

use crate::source::{MAX_RECORD_BYTES, RecordStream, SkipTally, gzip_or_io};
use crate::{ErrorKind, IngestError, Payload, RawRecord};

use http::{HeadError, ResponseHead};

/// Longest header line (WARC or ARC) we accept; real ones are well under a kilobyte, and a
/// longer "line" means we are not looking at a header.
const MAX_HEADER_LINE: usize = 64 * 1024;

/// Largest WARC header block we accept.
const MAX_HEADER_BYTES: usize = 1024 * 1024;

/// Streams the HTML documents of a WARC (or ARC) archive as raw records.
pub fn records(reader: Box<dyn BufRead + Send>, origin: String) -> RecordStream {
    let skipped = SkipTally::default();
    RecordStream::new(
        ArchiveRecords {
            input: Input { reader, offset: 0 },
            origin,
            skipped: skipped.clone(),
            record_number: 0,
            format: Format::Unknown,
            resync: false,
            finished: false,
            pending: None,
            line: Vec::new(),
        },
        skipped,
    )
}

/// Which archive format the input turned out to be, from its first record.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Unknown,
    Warc,
    /// ARC, with the version its `filedesc://` header gives (1 or 2: the fields per header).
    Arc {
        version: u8,
    },
}

struct ArchiveRecords {
    input: Input,
    origin: String,
    skipped: SkipTally,
    /// Records started so far; the current one's number, counting from 1.
    record_number: usize,
    format: Format,
    /// After a malformed record: look for the next line that starts a record.
    resync: bool,
    finished: bool,
    /// An error to give after the record that preceded it, so that record is not lost.
    pending: Option<IngestError>,
    line: Vec<u8>,
}

/// What one record came to, when its framing was sound.
enum Outcome {
    Document(RawRecord),
    Skip(String),
    /// The record is spoiled, but the next one starts where expected.
    Invalid(ErrorKind),
}

/// What the reader gives next.
enum Step {
    Document(RawRecord),
    Skip(String),
    Error(IngestError),
    End,
}

impl Iterator for ArchiveRecords {
    type Item = Result<RawRecord, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(err) = self.pending.take() {
                return Some(Err(err));
            }
            if self.finished {
                return None;
            }
            match self.read_next() {
                Step::Document(record) => return Some(Ok(record)),
                Step::Skip(reason) => self.skipped.add(&reason),
                Step::Error(err) => return Some(Err(err)),
                Step::End => {
                    self.finished = true;
                    return None;
                }
            }
        }
    }
}

impl ArchiveRecords {
    /// `news.warc.gz record 12 (byte 40960)`: where a problem is, for messages.
    fn here(&self, offset: u64) -> String {
        format!(
            "{} record {} (byte {})",
            self.origin, self.record_number, offset
        )
    }

    fn read_next(&mut self) -> Step {
        // Find the line that starts the next record, stepping over the blank lines that
        // separate records (writers differ in how many they put).
        let start_offset = loop {
            let line_start = self.input.offset;
            match self.input.read_line(&mut self.line, MAX_HEADER_LINE) {
                Err(err) => return self.fatal_io(err, line_start),
                Ok(LineRead::End) => return Step::End,
                Ok(LineRead::TooLong) if self.resync => continue,
                Ok(LineRead::TooLong) => {
                    self.resync = true;
                    return Step::Error(IngestError::new(
                        self.between_records(line_start),
                        self.format_error(
                            "found a line of more than 64 KiB where a record header should start"
                                .to_string(),
                        ),
                    ));
                }
                Ok(LineRead::Line | LineRead::Unended) => {}
            }
            if self.line.trim_ascii().is_empty() {
                continue;
            }
            if self.record_number == 0 && self.line.starts_with(b"\xef\xbb\xbf") {
                // A byte-order mark some tools put before the first record.
                self.line.drain(..3);
            }
            if self.resync {
                if !self.starts_record(&self.line) {
                    continue;
                }
                self.resync = false;
            }
            break line_start;
        };
        let line = std::mem::take(&mut self.line);
        let step = if line.starts_with(b"WARC/") && !matches!(self.format, Format::Arc { .. }) {
            self.format = Format::Warc;
            self.record_number += 1;
            self.read_warc_record(start_offset)
        } else if self.format == Format::Unknown && line.starts_with(b"filedesc://") {
            self.format = Format::Arc { version: 1 };
            self.record_number += 1;
            self.read_arc_record(&line, start_offset)
        } else if let Format::Arc { .. } = self.format {
            self.record_number += 1;
            self.read_arc_record(&line, start_offset)
        } else {
            self.resync = true;
            Step::Error(IngestError::new(
                self.between_records(start_offset),
                self.format_error(format!(
                    "expected a record to start with a \"WARC/\" version line{}, found {:?}",
                    if self.format == Format::Unknown {
                        " (or an ARC \"filedesc://\" header)"
                    } else {
                        ""
                    },
                    shown(&line)
                )),
            ))
        };
        self.line = line;
        step
    }

    /// Where a problem between records is: after the last good one.
    fn between_records(&self, offset: u64) -> String {
        format!(
            "{} after record {} (byte {})",
            self.origin, self.record_number, offset
        )
    }

    fn format_error(&self, message: String) -> ErrorKind {
        match self.format {
            Format::Arc { .. } => ErrorKind::Arc(message),
            Format::Warc | Format::Unknown => ErrorKind::Warc(message),
        }
    }

    /// Whether a line can start a record, when looking for one after a malformed record.
    fn starts_record(&self, line: &[u8]) -> bool {
        match self.format {
            Format::Arc { version } => {
                parse_arc_header(line, version).is_ok_and(|header| header.url.contains(':'))
            }
            Format::Warc | Format::Unknown => line.starts_with(b"WARC/"),
        }
    }

    fn fatal_io(&mut self, err: io::Error, offset: u64) -> Step {
        self.finished = true;
        let here = if self.record_number == 0 {
            format!("{} (byte {})", self.origin, offset)
        } else {
            self.here(offset)
        };
        Step::Error(IngestError::new(here, gzip_or_io(err, true)))
    }

    fn read_warc_record(&mut self, start_offset: u64) -> Step {
        let here = self.here(start_offset);
        let headers = match self.read_warc_headers(&here) {
            Ok(Ok(headers)) => headers,
            Ok(Err(problem)) => {
                self.resync = true;
                return Step::Error(IngestError::new(here, ErrorKind::Warc(problem)));
            }
            Err(err) => {
                self.finished = true;
                return Step::Error(err);
            }
        };
        let header = |name: &str| {
            headers
                .iter()
                .find(|(header, _)| header == name)
                .map(|(_, value)| value.as_str())
        };
        let length = match header("content-length") {
            None => {
                self.resync = true;
                return Step::Error(IngestError::new(
                    here,
                    ErrorKind::Warc("the record has no Content-Length header".to_string()),
                ));
            }
            Some(value) => match value.trim().parse::<u64>() {
                Ok(length) => length,
                Err(_) => {
                    self.resync = true;
                    return Step::Error(IngestError::new(
                        here,
                        ErrorKind::Warc(format!("invalid Content-Length {value:?}")),
                    ));
                }
            },
        };
        let record_type = header("warc-type").map(|value| value.trim().to_ascii_lowercase());
        let content_type = header("content-type").map(str::to_string);
        let target = header("warc-target-uri").map(clean_uri);
        let record_id = header("warc-record-id").map(clean_uri);
        let id = target
            .clone()
            .or(record_id)
            .unwrap_or_else(|| format!("{} record {}", self.origin, self.record_number));
        let document = DocumentInfo {
            origin: format!("{} record {}", self.origin, self.record_number),
            id,
            url: target,
        };
        let outcome = match record_type.as_deref() {
            None => self.skip_block(length, &here).map(|()| {
                Outcome::Invalid(ErrorKind::Warc("the record has no WARC-Type".to_string()))
            }),
            Some("response") => {
                let media = content_type.as_deref().map(http::media_type);
                if media
                    .as_deref()
                    .is_none_or(|m| m.starts_with("application/http"))
                {
                    self.http_document(length, &here, document)
                } else {
                    self.skip_block(length, &here)
                        .map(|()| Outcome::Skip("non-HTTP response record".to_string()))
                }
            }
            Some("resource") => {
                let media = content_type.as_deref().map(http::media_type);
                if media.as_deref().is_some_and(http::is_html_media_type) {
                    let charset = content_type.as_deref().and_then(http::charset_parameter);
                    self.plain_document(length, &here, document, charset)
                } else {
                    self.skip_block(length, &here)
                        .map(|()| Outcome::Skip("non-HTML resource record".to_string()))
                }
            }
            Some(other) => {
                let reason = format!("{other} record");
                self.skip_block(length, &here)
                    .map(|()| Outcome::Skip(reason))
            }
        };
        self.finish_record(outcome, here, length)
    }

    /// Reads the header lines of a WARC record up to the blank line. The outer error ends the
    /// input; the inner one is a malformed header.
    fn read_warc_headers(
        &mut self,
        here: &str,
    ) -> Result<Result<Vec<(String, String)>, String>, IngestError> {
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut header_bytes = 0;
        loop {
            match self.input.read_line(&mut self.line, MAX_HEADER_LINE) {
                Err(err) => return Err(IngestError::new(here, gzip_or_io(err, true))),
                Ok(LineRead::End | LineRead::Unended) => {
                    return Err(IngestError::new(
                        here,
                        ErrorKind::Truncated(
                            "the input ends inside the record's header".to_string(),
                        ),
                    ));
                }
                Ok(LineRead::TooLong) => {
                    return Ok(Err("a header line is longer than 64 KiB".to_string()));
                }
                Ok(LineRead::Line) => {}
            }
            header_bytes += self.line.len();
            if header_bytes > MAX_HEADER_BYTES {
                return Ok(Err("the header is longer than 1 MiB".to_string()));
            }
            if self.line.is_empty() {
                return Ok(Ok(headers));
            }
            if self.line[0] == b' ' || self.line[0] == b'\t' {
                if let Some((_, value)) = headers.last_mut() {
                    value.push(' ');
                    value.push_str(String::from_utf8_lossy(&self.line).trim());
                    continue;
                }
            }
            let Some(colon) = memchr::memchr(b':', &self.line) else {
                return Ok(Err(format!(
                    "the header line {:?} has no colon",
                    shown(&self.line)
                )));
            };
            let name = String::from_utf8_lossy(&self.line[..colon])
                .trim()
                .to_ascii_lowercase();
            let value = String::from_utf8_lossy(&self.line[colon + 1..])
                .trim()
                .to_string();
            headers.push((name, value));
        }
    }

    fn read_arc_record(&mut self, line: &[u8], start_offset: u64) -> Step {
        let here = self.here(start_offset);
        let version = match self.format {
            Format::Arc { version } => version,
            Format::Warc | Format::Unknown => 1,
        };
        let header = match parse_arc_header(line, version) {
            Ok(header) => header,
            Err(problem) => {
                self.resync = true;
                return Step::Error(IngestError::new(here, ErrorKind::Arc(problem)));
            }
        };
        let length = header.length;
        if header.url.starts_with("filedesc:") {
            // The file header: its block's first line gives the ARC version.
            let outcome = self.read_block(length.min(MAX_HEADER_LINE as u64), length, &here);
            let outcome = outcome.map(|block| {
                let version = block
                    .split(|&byte| byte == b'\n')
                    .next()
                    .and_then(|first| first.split(|&byte| byte == b' ').next())
                    .and_then(|field| std::str::from_utf8(field).ok())
                    .and_then(|field| field.trim().parse::<u8>().ok());
                if let Some(version @ (1 | 2)) = version {
                    self.format = Format::Arc { version };
                }
                Outcome::Skip("ARC file header".to_string())
            });
            return self.finish_record(outcome, here, length);
        }
        let document = DocumentInfo {
            origin: format!("{} record {}", self.origin, self.record_number),
            id: header.url.clone(),
            url: Some(header.url.clone()),
        };
        let scheme = header.url.to_ascii_lowercase();
        let outcome = if scheme.starts_with("http:") || scheme.starts_with("https:") {
            self.http_document(length, &here, document)
        } else if http::is_html_media_type(&http::media_type(&header.media_type)) {
            self.plain_document(length, &here, document, None)
        } else {
            self.skip_block(length, &here)
                .map(|()| Outcome::Skip("non-HTML ARC record".to_string()))
        };
        self.finish_record(outcome, here, length)
    }

    /// Turns a record's outcome into the next step, once the blank line that ends a record is
    /// checked: without it, the Content-Length did not fit the block, and what was read cannot
    /// be trusted.
    fn finish_record(
        &mut self,
        outcome: Result<Outcome, IngestError>,
        here: String,
        length: u64,
    ) -> Step {
        let outcome = match outcome {
            Ok(outcome) => outcome,
            Err(fatal) => {
                self.finished = true;
                return Step::Error(fatal);
            }
        };
        match self.input.skip_record_end() {
            Ok(true) => match outcome {
                Outcome::Document(record) => Step::Document(record),
                Outcome::Skip(reason) => Step::Skip(reason),
                Outcome::Invalid(kind) => Step::Error(IngestError::new(here, kind)),
            },
            Ok(false) => {
                self.resync = true;
                Step::Error(IngestError::new(
                    here,
                    self.format_error(format!(
                        "the {length}-byte block is not followed by the blank line that ends a \
                         record: the Content-Length is wrong or the record is damaged"
                    )),
                ))
            }
            Err(err) => {
                // The record itself was read whole: give it, then the error.
                self.finished = true;
                let offset = self.input.offset;
                let fatal = IngestError::new(self.here(offset), gzip_or_io(err, true));
                match outcome {
                    Outcome::Document(record) => {
                        self.pending = Some(fatal);
                        Step::Document(record)
                    }
                    Outcome::Skip(reason) => {
                        self.skipped.add(&reason);
                        Step::Error(fatal)
                    }
                    Outcome::Invalid(kind) => {
                        self.pending = Some(fatal);
                        Step::Error(IngestError::new(here, kind))
                    }
                }
            }
        }
    }

    /// Reads the first `wanted` bytes of a `length`-byte block; fewer only at the end of input,
    /// which is an error ending the input.
    fn read_block(&mut self, wanted: u64, length: u64, here: &str) -> Result<Vec<u8>, IngestError> {
        let mut block = Vec::with_capacity(wanted.min(MAX_RECORD_BYTES as u64) as usize);
        self.read_more(&mut block, wanted, length, here)?;
        self.skip_block(length - wanted, here)?;
        Ok(block)
    }

    /// Appends `wanted` bytes of the current block to `block`.
    fn read_more(
        &mut self,
        block: &mut Vec<u8>,
        wanted: u64,
        length: u64,
        here: &str,
    ) -> Result<(), IngestError> {
        let before = block.len() as u64;
        let got = self
            .input
            .read_into(block, wanted)
            .map_err(|err| IngestError::new(here, gzip_or_io(err, true)))?;
        if got < wanted {
            return Err(truncated(here, length, before + got));
        }
        Ok(())
    }

    /// Steps over the rest of a block without keeping it.
    fn skip_block(&mut self, remaining: u64, here: &str) -> Result<(), IngestError> {
        let skipped = self
            .input
            .skip(remaining)
            .map_err(|err| IngestError::new(here, gzip_or_io(err, true)))?;
        if skipped < remaining {
            return Err(IngestError::new(
                here,
                ErrorKind::Truncated(format!(
                    "the input ends {} bytes before the end of the record's block",
                    remaining - skipped
                )),
            ));
        }
        Ok(())
    }

    /// A block holding a whole HTTP response: the head decides whether the body is wanted, so
    /// bodies that are not (images, videos, errors) are stepped over, never held.
    fn http_document(
        &mut self,
        length: u64,
        here: &str,
        document: DocumentInfo,
    ) -> Result<Outcome, IngestError> {
        let prefix = length.min(http::MAX_HEAD_BYTES as u64);
        let mut block = Vec::new();
        self.read_more(&mut block, prefix, length, here)?;
        let head = match http::parse_response_head(&block) {
            Ok(head) => head,
            Err(err) => {
                self.skip_block(length - prefix, here)?;
                let problem = match err {
                    HeadError::Incomplete if prefix < length => {
                        "the HTTP response head is longer than 64 KiB".to_string()
                    }
                    HeadError::Incomplete => {
                        "the HTTP response head does not end with a blank line".to_string()
                    }
                    HeadError::Malformed(problem) => problem,
                };
                return Ok(Outcome::Invalid(self.format_error(problem)));
            }
        };
        if !(200..300).contains(&head.status) {
            self.skip_block(length - prefix, here)?;
            return Ok(Outcome::Skip(format!("HTTP status {}", head.status)));
        }
        let content_type = head.header("content-type").map(str::to_string);
        let media = content_type
            .as_deref()
            .map(http::media_type)
            .filter(|media| !media.is_empty());
        if media
            .as_deref()
            .is_some_and(|media| !http::is_html_media_type(media))
        {
            self.skip_block(length - prefix, here)?;
            return Ok(Outcome::Skip("non-HTML response".to_string()));
        }
        let body_length = length - head.length as u64;
        if body_length > MAX_RECORD_BYTES as u64 {
            self.skip_block(length - prefix, here)?;
            return Ok(Outcome::Invalid(ErrorKind::TooLarge {
                limit: MAX_RECORD_BYTES,
            }));
        }
        self.read_more(&mut block, length - prefix, length, here)?;
        let body = block.split_off(head.length);
        let body = match decode_http_body(body, &head) {
            Ok(body) => body,
            Err(kind) => return Ok(Outcome::Invalid(kind)),
        };
        if body.trim_ascii().is_empty() {
            return Ok(Outcome::Skip("empty HTTP body".to_string()));
        }
        if media.is_none() && !http::sniffs_as_html(&body) {
            return Ok(Outcome::Skip("non-HTML response".to_string()));
        }
        let charset = content_type.as_deref().and_then(http::charset_parameter);
        Ok(Outcome::Document(document.into_record(body, charset)))
    }

    /// A block that is the HTML page itself (a `resource` record, a non-HTTP ARC record).
    fn plain_document(
        &mut self,
        length: u64,
        here: &str,
        document: DocumentInfo,
        charset: Option<String>,
    ) -> Result<Outcome, IngestError> {
        if length > MAX_RECORD_BYTES as u64 {
            self.skip_block(length, here)?;
            return Ok(Outcome::Invalid(ErrorKind::TooLarge {
                limit: MAX_RECORD_BYTES,
            }));
        }
        let body = self.read_block(length, length, here)?;
        if body.trim_ascii().is_empty() {
            return Ok(Outcome::Skip("empty resource".to_string()));
        }
        Ok(Outcome::Document(document.into_record(body, charset)))
    }
}

/// What a document record's headers say about it.
struct DocumentInfo {
    origin: String,
    id: String,
    url: Option<String>,
}

impl DocumentInfo {
    fn into_record(self, bytes: Vec<u8>, charset: Option<String>) -> RawRecord {
        RawRecord {
            origin: self.origin,
            id: self.id,
            url: self.url,
            title: None,
            published: None,
            payload: Payload::Html { bytes, charset },
        }
    }
}

/// Undoes the transfer and content codings of an HTTP body.
fn decode_http_body(body: Vec<u8>, head: &ResponseHead) -> Result<Vec<u8>, ErrorKind> {
    let body = if head
        .header_list("transfer-encoding")
        .to_ascii_lowercase()
        .contains("chunked")
    {
        http::dechunk(&body)
    } else {
        body
    };
    http::undo_content_encoding(body, &head.header_list("content-encoding")).map_err(
        |err| match err {
            http::DecodeError::TooLarge => ErrorKind::TooLarge {
                limit: MAX_RECORD_BYTES,
            },
            http::DecodeError::Unsupported(coding) => ErrorKind::Warc(format!(
                "the HTTP body has an unsupported Content-Encoding {coding:?}"
            )),
            http::DecodeError::Broken { coding, reason } => ErrorKind::Warc(format!(
                "the HTTP body's {coding} Content-Encoding cannot be undone: {reason}"
            )),
        },
    )
}

fn truncated(here: &str, length: u64, got: u64) -> IngestError {
    IngestError::new(
        here,
        ErrorKind::Truncated(format!(
            "the record's block should have {length} bytes, but the input ends after {got}"
        )),
    )
}

/// A target URI or record id as written, without the angle brackets WARC 1.0 (and wget) put
/// around some of them. Spaces inside are kept: some crawlers write them unescaped.
fn clean_uri(value: &str) -> String {
    let value = value.trim();
    value
        .strip_prefix('<')
        .and_then(|inner| inner.strip_suffix('>'))
        .unwrap_or(value)
        .to_string()
}

/// A bit of a line, for messages.
fn shown(line: &[u8]) -> String {
    String::from_utf8_lossy(&line[..line.len().min(80)]).into_owned()
}

/// The fields of an ARC record header line that matter here.
#[derive(Debug, PartialEq)]
struct ArcHeader {
    url: String,
    media_type: String,
    length: u64,
}

/// Parses an ARC header line: version 1 is `URL IP date content-type length`, version 2 has
/// five more fields before the length. URLs may hold spaces, so fields are counted from the
/// right.
fn parse_arc_header(line: &[u8], version: u8) -> Result<ArcHeader, String> {
    let text = String::from_utf8_lossy(line);
    let fields: Vec<&str> = text.split_ascii_whitespace().collect();
    let after_url = if version == 2 { 9 } else { 4 };
    if fields.len() < after_url + 1 {
        return Err(format!(
            "the header line {:?} has {} fields; ARC version {version} has {}",
            shown(line),
            fields.len(),
            after_url + 1
        ));
    }
    let length_field = fields[fields.len() - 1];
    let length = length_field
        .parse::<u64>()
        .map_err(|_| format!("invalid record length {length_field:?}"))?;
    Ok(ArcHeader {
        url: fields[..fields.len() - after_url].join(" "),
        media_type: fields[fields.len() - after_url + 2].to_string(),
        length,
    })
}

/// The decompressed input, counting the bytes consumed so messages can point into it.
struct Input {
    reader: Box<dyn BufRead + Send>,
    offset: u64,
}

enum LineRead {
    Line,
    /// A last line that the input ends inside, without a line end.
    Unended,
    TooLong,
    End,
}

impl Input {
    fn consume(&mut self, amount: usize) {
        self.reader.consume(amount);
        self.offset += amount as u64;
    }

    /// Reads one line into `line` (without its CR LF), holding at most `limit` bytes of it: a
    /// longer line is consumed and reported, not kept.
    fn read_line(&mut self, line: &mut Vec<u8>, limit: usize) -> io::Result<LineRead> {
        line.clear();
        let mut too_long = false;
        let mut read_any = false;
        let mut ended = false;
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                break;
            }
            read_any = true;
            let (chunk, end) = match memchr::memchr(b'\n', available) {
                Some(newline) => (&available[..newline], Some(newline + 1)),
                None => (available, None),
            };
            if !too_long {
                if line.len() + chunk.len() > limit {
                    too_long = true;
                    line.clear();
                } else {
                    line.extend_from_slice(chunk);
                }
            }
            let consumed = end.unwrap_or(available.len());
            self.consume(consumed);
            if end.is_some() {
                ended = true;
                break;
            }
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(match (read_any, too_long, ended) {
            (false, _, _) => LineRead::End,
            (true, true, _) => LineRead::TooLong,
            (true, false, true) => LineRead::Line,
            (true, false, false) => LineRead::Unended,
        })
    }

    /// Appends up to `amount` bytes to `buffer`; fewer only at the end of input.
    fn read_into(&mut self, buffer: &mut Vec<u8>, amount: u64) -> io::Result<u64> {
        let mut remaining = amount;
        while remaining > 0 {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                break;
            }
            let take = available
                .len()
                .min(remaining.min(usize::MAX as u64) as usize);
            buffer.extend_from_slice(&available[..take]);
            self.consume(take);
            remaining -= take as u64;
        }
        Ok(amount - remaining)
    }

    /// Steps over up to `amount` bytes; fewer only at the end of input.
    fn skip(&mut self, amount: u64) -> io::Result<u64> {
        let mut remaining = amount;
        while remaining > 0 {
            let available = self.reader.fill_buf()?.len();
            if available == 0 {
                break;
            }
            let take = available.min(remaining.min(usize::MAX as u64) as usize);
            self.consume(take);
            remaining -= take as u64;
        }
        Ok(amount - remaining)
    }

    /// Consumes the line ends that close a record (CR LF CR LF in WARC, LF in ARC). Whether the
    /// record ended properly: with a line end, at the end of input, or — from writers that
    /// forget the blank lines — right before the next `WARC/` record.
    fn skip_record_end(&mut self) -> io::Result<bool> {
        let mut line_ends = 0;
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                return Ok(true);
            }
            let ends = available
                .iter()
                .take_while(|&&byte| byte == b'\r' || byte == b'\n')
                .count();
            line_ends += ends;
            let rest_starts_record = {
                let rest = &available[ends..];
                let probe = rest.len().min(5);
                !rest.is_empty() && rest[..probe] == b"WARC/"[..probe]
            };
            let whole_buffer = ends == available.len();
            self.consume(ends);
            if !whole_buffer {
                return Ok(line_ends > 0 || rest_starts_record);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::io::Write;

    use super::*;

    /// One WARC record with the given headers and block; Content-Length is computed unless a
    /// header gives it.
    fn record(headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
        let mut bytes = b"WARC/1.1\r\n".to_vec();
        for (name, value) in headers {
            bytes.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
        if !headers.iter().any(|(name, _)| *name == "Content-Length") {
            bytes.extend_from_slice(format!("Content-Length: {}\r\n", block.len()).as_bytes());
        }
        bytes.extend_from_slice(b"\r\n");
        bytes.extend_from_slice(block);
        bytes.extend_from_slice(b"\r\n\r\n");
        bytes
    }

    fn response(uri: &str, http_headers: &[&str], body: &[u8]) -> Vec<u8> {
        response_with_status(uri, "200 OK", http_headers, body)
    }

    fn response_with_status(
        uri: &str,
        status: &str,
        http_headers: &[&str],
        body: &[u8],
    ) -> Vec<u8> {
        let mut block = format!("HTTP/1.1 {status}\r\n").into_bytes();
        for header in http_headers {
            block.extend_from_slice(header.as_bytes());
            block.extend_from_slice(b"\r\n");
        }
        block.extend_from_slice(b"\r\n");
        block.extend_from_slice(body);
        record(
            &[
                ("WARC-Type", "response"),
                ("WARC-Target-URI", uri),
                (
                    "WARC-Record-ID",
                    "<urn:uuid:00000000-0000-0000-0000-000000000001>",
                ),
                ("WARC-Date", "2024-05-01T10:00:00Z"),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            &block,
        )
    }

    fn warcinfo() -> Vec<u8> {
        record(
            &[
                ("WARC-Type", "warcinfo"),
                ("Content-Type", "application/warc-fields"),
            ],
            b"software: hand-written\r\n",
        )
    }

    type Read = (Vec<Result<RawRecord, IngestError>>, BTreeMap<String, usize>);

    fn read(bytes: Vec<u8>) -> Read {
        let mut stream = records(Box::new(io::Cursor::new(bytes)), "test.warc".to_string());
        let items: Vec<_> = stream.by_ref().collect();
        (items, stream.skipped())
    }

    fn html_of(item: &Result<RawRecord, IngestError>) -> (String, Option<String>) {
        match item {
            Ok(RawRecord {
                payload: Payload::Html { bytes, charset },
                ..
            }) => (
                crate::encoding::decode(bytes, charset.as_deref()),
                charset.clone(),
            ),
            other => panic!("expected an HTML record, got {other:?}"),
        }
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).expect("in-memory write");
        encoder.finish().expect("in-memory gzip")
    }

    #[test]
    fn response_becomes_a_record_with_transport_charset() {
        let mut archive = warcinfo();
        archive.extend(response(
            "<https://news.example/a story>",
            &[
                "Content-Type: text/html; charset=UTF-8",
                "Content-Length: 27",
            ],
            b"<html><p>Hello</p></html>\r\n",
        ));
        let (items, skipped) = read(archive);
        assert_eq!(items.len(), 1);
        let record = items[0].as_ref().expect("a document");
        assert_eq!(record.origin, "test.warc record 2");
        assert_eq!(record.id, "https://news.example/a story");
        assert_eq!(record.url.as_deref(), Some("https://news.example/a story"));
        assert_eq!(record.published, None);
        let (html, charset) = html_of(&items[0]);
        assert_eq!(html, "<html><p>Hello</p></html>\r\n");
        assert_eq!(charset.as_deref(), Some("UTF-8"));
        assert_eq!(skipped.get("warcinfo record"), Some(&1));
    }

    #[test]
    fn chunked_body_is_dechunked() {
        let body = b"7\r\n<html><\r\n12\r\np>Chunked page</p>\r\n7\r\n</html>\r\n0\r\n\r\n";
        let archive = response(
            "http://example.com/",
            &["Content-Type: text/html", "Transfer-Encoding: chunked"],
            body,
        );
        let (items, _) = read(archive);
        assert_eq!(html_of(&items[0]).0, "<html><p>Chunked page</p></html>");
    }

    #[test]
    fn gzip_content_encoding_is_undone() {
        let page = b"<html><body><p>Compressed news.</p></body></html>";
        let archive = response(
            "http://example.com/gz",
            &[
                "Content-Type: text/html; charset=utf-8",
                "Content-Encoding: gzip",
            ],
            &gzip(page),
        );
        let (items, _) = read(archive);
        assert_eq!(html_of(&items[0]).0.as_bytes(), page);
    }

    #[test]
    fn chunked_and_gzipped_together() {
        let page = b"<html><p>Both codings.</p></html>";
        let compressed = gzip(page);
        let mut body = format!("{:x}\r\n", compressed.len()).into_bytes();
        body.extend_from_slice(&compressed);
        body.extend_from_slice(b"\r\n0\r\n\r\n");
        let archive = response(
            "http://example.com/both",
            &[
                "Content-Type: text/html",
                "Transfer-Encoding: chunked",
                "Content-Encoding: gzip",
            ],
            &body,
        );
        let (items, _) = read(archive);
        assert_eq!(html_of(&items[0]).0.as_bytes(), page);
    }

    #[test]
    fn non_documents_are_skipped_and_counted() {
        let mut archive = warcinfo();
        archive.extend(record(
            &[
                ("WARC-Type", "request"),
                ("Content-Type", "application/http; msgtype=request"),
            ],
            b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n",
        ));
        archive.extend(response(
            "http://example.com/logo.png",
            &["Content-Type: image/png"],
            b"\x89PNG\r\n\x1a\n\0\0\0",
        ));
        archive.extend(response_with_status(
            "http://example.com/gone",
            "404 Not Found",
            &["Content-Type: text/html"],
            b"<html>Not here</html>",
        ));
        archive.extend(response_with_status(
            "http://example.com/moved",
            "301 Moved Permanently",
            &["Location: /new"],
            b"",
        ));
        archive.extend(record(
            &[
                ("WARC-Type", "metadata"),
                ("Content-Type", "application/warc-fields"),
            ],
            b"via: x\r\n",
        ));
        archive.extend(record(
            &[
                ("WARC-Type", "revisit"),
                ("Content-Type", "application/http"),
            ],
            b"HTTP/1.1 200 OK\r\n\r\n",
        ));
        archive.extend(record(
            &[("WARC-Type", "resource"), ("Content-Type", "text/plain")],
            b"plain words",
        ));
        archive.extend(record(
            &[
                ("WARC-Type", "resource"),
                ("WARC-Target-URI", "file:///page.html"),
                ("Content-Type", "text/html; charset=windows-1252"),
            ],
            b"<html><p>Caf\xe9</p></html>",
        ));
        let (items, skipped) = read(archive);
        assert_eq!(items.len(), 1, "{items:?}");
        let (html, _) = html_of(&items[0]);
        assert_eq!(html, "<html><p>Café</p></html>");
        let expected: BTreeMap<String, usize> = [
            ("warcinfo record", 1),
            ("request record", 1),
            ("non-HTML response", 1),
            ("HTTP status 404", 1),
            ("HTTP status 301", 1),
            ("metadata record", 1),
            ("revisit record", 1),
            ("non-HTML resource record", 1),
        ]
        .into_iter()
        .map(|(reason, count)| (reason.to_string(), count))
        .collect();
        assert_eq!(skipped, expected);
    }

    #[test]
    fn truncated_record_ends_the_input_after_what_was_read() {
        let mut archive = response("http://a/", &["Content-Type: text/html"], b"<html>A</html>");
        let second = response(
            "http://b/",
            &["Content-Type: text/html"],
            b"<html>B page</html>",
        );
        archive.extend_from_slice(&second[..second.len() - 12]);
        let (items, _) = read(archive);
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(html_of(&items[0]).0, "<html>A</html>");
        let err = items[1].as_ref().expect_err("truncated");
        assert!(matches!(err.kind, ErrorKind::Truncated(_)), "{err}");
        assert!(err.is_fatal_for_input());
        assert!(err.origin.starts_with("test.warc record 2 (byte "), "{err}");
    }

    #[test]
    fn truncated_header_is_reported() {
        let (items, _) = read(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Le".to_vec());
        assert_eq!(items.len(), 1);
        let err = items[0].as_ref().expect_err("truncated");
        assert!(matches!(err.kind, ErrorKind::Truncated(_)), "{err}");
    }

    #[test]
    fn bad_content_length_is_reported_and_reading_resumes() {
        let first = response("http://a/", &["Content-Type: text/html"], b"<html>A</html>");
        let mut archive = Vec::new();
        // A Content-Length that is not a number.
        archive.extend(record(
            &[
                ("WARC-Type", "response"),
                ("Content-Type", "application/http"),
                ("Content-Length", "12x"),
            ],
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>x</html>",
        ));
        archive.extend(&first);
        // A Content-Length too short for its block.
        archive.extend(record(
            &[
                ("WARC-Type", "response"),
                ("Content-Type", "application/http"),
                ("Content-Length", "20"),
            ],
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>y</html>",
        ));
        archive.extend(response(
            "http://c/",
            &["Content-Type: text/html"],
            b"<html>C</html>",
        ));
        // No Content-Length at all.
        archive.extend(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n\r\n");
        archive.extend(response(
            "http://d/",
            &["Content-Type: text/html"],
            b"<html>D</html>",
        ));
        let (items, _) = read(archive);
        let summary: Vec<String> = items
            .iter()
            .map(|item| match item {
                Ok(record) => format!("ok {}", record.id),
                Err(err) => format!("err {}", err.origin),
            })
            .collect();
        assert_eq!(
            summary,
            [
                "err test.warc record 1 (byte 0)",
                "ok http://a/",
                // Numbering goes on from where the reader found the records.
                format!("err test.warc record 3 (byte {})", record_offset(&items, 2)).as_str(),
                "ok http://c/",
                format!("err test.warc record 5 (byte {})", record_offset(&items, 4)).as_str(),
                "ok http://d/",
            ]
        );
        let messages: Vec<String> = items
            .iter()
            .filter_map(|item| item.as_ref().err().map(|err| err.to_string()))
            .collect();
        assert!(
            messages[0].contains("invalid Content-Length \"12x\""),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("Content-Length is wrong"),
            "{messages:?}"
        );
        assert!(messages[2].contains("no Content-Length"), "{messages:?}");
        assert!(
            items
                .iter()
                .filter_map(|item| item.as_ref().err())
                .all(|err| !err.is_fatal_for_input())
        );
    }

    fn record_offset(items: &[Result<RawRecord, IngestError>], index: usize) -> String {
        items[index]
            .as_ref()
            .err()
            .and_then(|err| err.origin.split("(byte ").nth(1))
            .map(|rest| rest.trim_end_matches(')').to_string())
            .unwrap_or_default()
    }

    #[test]
    fn byte_order_mark_before_the_first_record_is_ignored() {
        let mut archive = b"\xef\xbb\xbf".to_vec();
        archive.extend(response(
            "http://a/",
            &["Content-Type: text/html"],
            b"<html>A</html>",
        ));
        let (items, _) = read(archive);
        assert_eq!(items.len(), 1);
        assert!(items[0].is_ok(), "{items:?}");
    }

    #[test]
    fn oversized_bodies_are_not_held() {
        let huge = vec![b'x'; MAX_RECORD_BYTES + 10];
        let mut page = b"<html>".to_vec();
        page.extend_from_slice(&huge);
        let mut archive = response("http://big/", &["Content-Type: text/html"], &page);
        archive.extend(response(
            "http://video/",
            &["Content-Type: video/mp4"],
            &huge,
        ));
        archive.extend(record(
            &[("WARC-Type", "resource"), ("Content-Type", "text/html")],
            &page,
        ));
        archive.extend(response(
            "http://a/",
            &["Content-Type: text/html"],
            b"<html>A</html>",
        ));
        let (items, skipped) = read(archive);
        assert_eq!(items.len(), 3, "{items:?}");
        for item in &items[..2] {
            let err = item.as_ref().expect_err("too large");
            assert!(matches!(err.kind, ErrorKind::TooLarge { .. }), "{err}");
        }
        assert_eq!(
            items[2].as_ref().map(|r| r.id.as_str()).ok(),
            Some("http://a/")
        );
        assert_eq!(skipped.get("non-HTML response"), Some(&1));
    }

    #[test]
    fn junk_before_the_first_record_is_reported_then_skipped() {
        let mut archive = b"this is not an archive\r\nat all\r\n".to_vec();
        archive.extend(response(
            "http://a/",
            &["Content-Type: text/html"],
            b"<html>A</html>",
        ));
        let (items, _) = read(archive);
        assert_eq!(items.len(), 2);
        let err = items[0].as_ref().expect_err("junk");
        assert_eq!(err.origin, "test.warc after record 0 (byte 0)");
        assert!(err.to_string().contains("\"WARC/\""), "{err}");
        assert_eq!(
            items[1].as_ref().map(|r| r.id.as_str()).ok(),
            Some("http://a/")
        );
    }

    #[test]
    fn windows_1252_page_decodes_with_its_http_charset() {
        let (page, _, _) = encoding_rs::WINDOWS_1252.encode(
            "<html><p>\u{201c}Déjà vu\u{201d}, said the mayor of Zürich \u{2013} 5 €.</p></html>",
        );
        let archive = response(
            "http://example.com/fr",
            &["Content-Type: text/html; charset=iso-8859-1"],
            &page,
        );
        let (items, _) = read(archive);
        assert_eq!(
            html_of(&items[0]).0,
            "<html><p>\u{201c}Déjà vu\u{201d}, said the mayor of Zürich \u{2013} 5 €.</p></html>"
        );
    }

    #[test]
    fn shift_jis_page_decodes_by_its_meta_charset() {
        let text = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>日本銀行は金利を据え置いた。</p></body></html>";
        let (page, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let archive = response("http://example.jp/", &["Content-Type: text/html"], &page);
        let (items, _) = read(archive);
        let (html, charset) = html_of(&items[0]);
        assert_eq!(charset, None);
        assert_eq!(html, text);
    }

    #[test]
    fn meta_charset_and_bom_pages() {
        let text = "<html><head><meta charset=koi8-r></head><p>Новости дня</p></html>";
        let (koi8, _, _) = encoding_rs::KOI8_R.encode(text);
        let mut bom_page = b"\xef\xbb\xbf".to_vec();
        bom_page.extend_from_slice("<html><p>Ünïcödé</p></html>".as_bytes());
        let mut archive = response("http://a/", &["Content-Type: text/html"], &koi8);
        // The BOM beats a wrong transport charset.
        archive.extend(response(
            "http://b/",
            &["Content-Type: text/html; charset=windows-1252"],
            &bom_page,
        ));
        let (items, _) = read(archive);
        assert_eq!(html_of(&items[0]).0, text);
        assert_eq!(html_of(&items[1]).0, "<html><p>Ünïcödé</p></html>");
    }

    #[test]
    fn missing_content_type_is_sniffed() {
        let mut archive = response("http://a/", &[], b"<!DOCTYPE html><html><p>x</p></html>");
        archive.extend(response("http://b/", &[], b"{\"json\": true}"));
        let (items, skipped) = read(archive);
        assert_eq!(items.len(), 1);
        assert_eq!(skipped.get("non-HTML response"), Some(&1));
    }

    #[test]
    fn broken_gzip_body_is_an_error_for_that_record_only() {
        let mut archive = response(
            "http://a/",
            &["Content-Type: text/html", "Content-Encoding: gzip"],
            b"\x1f\x8b\x08\x00garbage that is not deflate",
        );
        archive.extend(response(
            "http://b/",
            &["Content-Type: text/html"],
            b"<html>B</html>",
        ));
        let (items, _) = read(archive);
        assert_eq!(items.len(), 2);
        let err = items[0].as_ref().expect_err("broken gzip");
        assert!(err.to_string().contains("gzip Content-Encoding"), "{err}");
        assert!(items[1].is_ok());
    }

    #[test]
    fn truncated_gzip_archive_keeps_the_records_before_the_cut() {
        let mut archive = Vec::new();
        for index in 0..40 {
            let body = format!("<html><p>Story number {index} with some words.</p></html>");
            archive.extend(response(
                &format!("http://example.com/{index}"),
                &["Content-Type: text/html"],
                body.as_bytes(),
            ));
        }
        // Each record its own gzip member, as WARC writers do.
        let mut compressed = Vec::new();
        let mut start = 0;
        while let Some(next) = memchr::memmem::find(&archive[start + 1..], b"WARC/1.1") {
            compressed.extend(gzip(&archive[start..start + 1 + next]));
            start += 1 + next;
        }
        compressed.extend(gzip(&archive[start..]));
        let cut = compressed[..compressed.len() * 2 / 3].to_vec();
        let decoder = flate2::read::MultiGzDecoder::new(io::Cursor::new(cut));
        let mut stream = records(
            Box::new(io::BufReader::new(decoder)),
            "cut.warc.gz".to_string(),
        );
        let items: Vec<_> = stream.by_ref().collect();
        let documents = items.iter().filter(|item| item.is_ok()).count();
        assert!((20..40).contains(&documents), "{documents} documents");
        let last = items
            .last()
            .and_then(|item| item.as_ref().err())
            .expect("an error at the end");
        assert!(last.is_fatal_for_input(), "{last}");
        assert_eq!(items.iter().filter(|item| item.is_err()).count(), 1);
    }

    #[test]
    fn arc_file_is_read() {
        let page =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>Old crawl</p></html>";
        let filedesc_block = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n";
        let mut archive = format!(
            "filedesc://test.arc 0.0.0.0 20000101000000 text/plain {}\n",
            filedesc_block.len()
        )
        .into_bytes();
        archive.extend_from_slice(filedesc_block);
        archive.extend_from_slice(b"\n");
        archive.extend_from_slice(
            format!(
                "http://example.com/a page 1.2.3.4 20000101000000 text/html {}\n",
                page.len()
            )
            .as_bytes(),
        );
        archive.extend_from_slice(page);
        archive.extend_from_slice(b"\n");
        archive.extend_from_slice(b"dns:example.com 1.2.3.4 20000101000000 text/dns 7\n1.2.3.4\n");
        let (items, skipped) = read(archive);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(
            items[0].as_ref().map(|r| r.id.as_str()).ok(),
            Some("http://example.com/a page")
        );
        assert_eq!(html_of(&items[0]).0, "<html><p>Old crawl</p></html>");
        assert_eq!(skipped.get("ARC file header"), Some(&1));
        assert_eq!(skipped.get("non-HTML ARC record"), Some(&1));
    }

    #[test]
    fn no_prefix_or_damage_makes_it_panic() {
        let mut archive = warcinfo();
        archive.extend(response(
            "http://a/",
            &["Content-Type: text/html", "Transfer-Encoding: chunked"],
            b"5\r\n<html\r\n1\r\n>\r\n0\r\n\r\n",
        ));
        archive.extend(response(
            "http://b/",
            &["Content-Type: text/html", "Content-Encoding: gzip"],
            &gzip(b"<html>B</html>"),
        ));
        for end in 0..archive.len() {
            let _ = read(archive[..end].to_vec());
        }
        for position in 0..archive.len() {
            let mut damaged = archive.clone();
            damaged[position] = damaged[position].wrapping_add(0x5a);
            let _ = read(damaged);
        }
    }

    #[test]
    fn arc_headers_are_parsed_from_the_right() {
        let header = parse_arc_header(
            b"http://example.com/a b c 93.184.216.119 20140216050221 text/html 1591",
            1,
        )
        .expect("valid ARC v1 header");
        assert_eq!(
            header,
            ArcHeader {
                url: "http://example.com/a b c".into(),
                media_type: "text/html".into(),
                length: 1591
            }
        );
        let header = parse_arc_header(
            b"http://x.org/ 1.2.3.4 20000101000000 text/html 200 abc - 0 f.arc 42",
            2,
        )
        .expect("valid ARC v2 header");
        assert_eq!(header.media_type, "text/html");
        assert_eq!(header.length, 42);
        assert!(parse_arc_header(b"http://x/ 1.2.3.4 2014 text/html -1", 1).is_err());
        assert!(parse_arc_header(b"1 0 Bad Capture", 1).is_err());
    }

    #[test]
    fn uris_lose_angle_brackets_but_keep_spaces() {
        assert_eq!(clean_uri(" <http://example.com/> "), "http://example.com/");
        assert_eq!(
            clean_uri("file:///example with spaces.png"),
            "file:///example with spaces.png"
        );
    }
}
