//! The HTTP responses that web archives store verbatim: the response head (status line and
//! headers), and the transfer and content codings (chunked; gzip, deflate, brotli) that stand
//! between the bytes on the wire and the page.
//!
//! Archives hold what crawlers saw, and servers are sloppy: bare LF line ends, a `chunked`
//! header over a body that is not chunked, `Content-Encoding: gzip` over a body some proxy
//! already unzipped. Each step here is lenient where a browser would be, and says clearly
//! what went wrong where it cannot be.

use std::io::Read;

use crate::source::MAX_RECORD_BYTES;

/// Longest response head we accept; real ones are a few kilobytes.
pub const MAX_HEAD_BYTES: usize = 64 * 1024;

/// A parsed HTTP response head.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseHead {
    pub status: u16,
    /// Header names lower-cased, in order; values trimmed.
    pub headers: Vec<(String, String)>,
    /// Bytes taken by the head, blank line included: the body starts here.
    pub length: usize,
}

impl ResponseHead {
    /// The first header of that (lower-case) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header == name)
            .map(|(_, value)| value.as_str())
    }

    /// All values of a header that may repeat, joined as one comma-separated list.
    pub fn header_list(&self, name: &str) -> String {
        self.headers
            .iter()
            .filter(|(header, _)| header == name)
            .map(|(_, value)| value.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Why a response head could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum HeadError {
    /// The bytes end before the blank line that ends the head.
    Incomplete,
    Malformed(String),
}

/// Parses the head at the start of `bytes`: `HTTP/1.x CODE reason`, then header lines, then a
/// blank line. CRLF or bare LF line ends; folded (continued) header lines are joined.
pub fn parse_response_head(bytes: &[u8]) -> Result<ResponseHead, HeadError> {
    let mut position = 0;
    let mut status = None;
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        let Some(newline) = memchr::memchr(b'\n', &bytes[position..]) else {
            return Err(HeadError::Incomplete);
        };
        let line = &bytes[position..position + newline];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        position += newline + 1;
        if status.is_none() {
            status = Some(parse_status_line(line)?);
            continue;
        }
        if line.is_empty() {
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(String::from_utf8_lossy(line).trim());
            }
            continue;
        }
        // A line without a colon is junk some servers emit; browsers ignore it, and so do we.
        if let Some(colon) = memchr::memchr(b':', line) {
            let name = String::from_utf8_lossy(&line[..colon])
                .trim()
                .to_ascii_lowercase();
            let value = String::from_utf8_lossy(&line[colon + 1..])
                .trim()
                .to_string();
            headers.push((name, value));
        }
    }
    Ok(ResponseHead {
        status: status.unwrap_or_default(),
        headers,
        length: position,
    })
}

fn parse_status_line(line: &[u8]) -> Result<u16, HeadError> {
    let text = String::from_utf8_lossy(line);
    let shown: String = text.chars().take(60).collect();
    let mut parts = text.split_ascii_whitespace();
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/") {
        return Err(HeadError::Malformed(format!(
            "the HTTP status line {shown:?} does not start with HTTP/"
        )));
    }
    parts
        .next()
        .and_then(|code| code.parse::<u16>().ok())
        .filter(|code| (100..1000).contains(code))
        .ok_or_else(|| HeadError::Malformed(format!("no status code in {shown:?}")))
}

/// The media type of a `Content-Type` value, lower-cased, without parameters.
pub fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// The `charset` parameter of a `Content-Type` value, unquoted.
pub fn charset_parameter(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then(|| value.to_string())
    })
}

/// Whether a media type is an HTML page.
pub fn is_html_media_type(media_type: &str) -> bool {
    matches!(media_type, "text/html" | "application/xhtml+xml")
}

/// Whether bytes without a declared type look like an HTML page.
pub fn sniffs_as_html(body: &[u8]) -> bool {
    let start = &body[..body.len().min(1024)];
    let text = String::from_utf8_lossy(start).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with("<!doctype html")
        || text.starts_with("<html")
        || text.contains("<html")
        || text.contains("<head")
        || text.contains("<body")
}

/// Undoes `Transfer-Encoding: chunked`. A body that does not start like a chunked one is
/// returned as it is (some archivers dechunk but keep the header); a body cut short keeps the
/// chunks that arrived whole and the part of the last one that did.
pub fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut decoded = Vec::with_capacity(body.len());
    let mut position = 0;
    let mut first = true;
    while let Some(newline) = memchr::memchr(b'\n', &body[position..]) {
        let line = &body[position..position + newline];
        let size_text = String::from_utf8_lossy(line);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            if first {
                return body.to_vec();
            }
            break;
        };
        first = false;
        position += newline + 1;
        if size == 0 {
            break;
        }
        let end = position.saturating_add(size).min(body.len());
        decoded.extend_from_slice(&body[position..end]);
        position = end;
        // The CRLF (or LF) closing the chunk.
        if body[position..].starts_with(b"\r\n") {
            position += 2;
        } else if body[position..].starts_with(b"\n") {
            position += 1;
        }
        if position >= body.len() {
            break;
        }
    }
    if first {
        return body.to_vec();
    }
    decoded
}

/// Why a content-coded body could not be decoded.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    Unsupported(String),
    Broken { coding: String, reason: String },
    TooLarge,
}

/// Undoes a `Content-Encoding` list (codings are applied in the order listed, so undone from
/// the last). The output is bounded by [`MAX_RECORD_BYTES`], so a small compressed bomb cannot
/// take the memory a whole archive is meant not to.
pub fn undo_content_encoding(body: Vec<u8>, codings: &str) -> Result<Vec<u8>, DecodeError> {
    let mut body = body;
    for coding in codings.rsplit(',') {
        let coding = coding.trim().to_ascii_lowercase();
        body = match coding.as_str() {
            "" | "identity" | "none" | "utf-8" | "utf8" | "binary" => body,
            "gzip" | "x-gzip" => {
                if !body.starts_with(&[0x1f, 0x8b]) {
                    // Already decoded by whoever archived it.
                    body
                } else {
                    inflate(flate2::read::MultiGzDecoder::new(&body[..]), &coding)?
                }
            }
            "deflate" => {
                match inflate(flate2::read::ZlibDecoder::new(&body[..]), &coding) {
                    Ok(decoded) => decoded,
                    // Many servers send raw deflate under this name.
                    Err(DecodeError::Broken { .. }) => {
                        match inflate(flate2::read::DeflateDecoder::new(&body[..]), &coding) {
                            Ok(decoded) => decoded,
                            Err(err) if looks_like_markup(&body) => {
                                let _ = err;
                                body
                            }
                            Err(err) => return Err(err),
                        }
                    }
                    Err(err) => return Err(err),
                }
            }
            "br" => match inflate(
                brotli_decompressor::Decompressor::new(&body[..], 4096),
                &coding,
            ) {
                Ok(decoded) => decoded,
                Err(DecodeError::Broken { .. }) if looks_like_markup(&body) => body,
                Err(err) => return Err(err),
            },
            other => return Err(DecodeError::Unsupported(other.to_string())),
        };
    }
    Ok(body)
}

/// Reads a decoder to its end, at most [`MAX_RECORD_BYTES`]. A stream that ends early (a body
/// cut short by the crawler) keeps what was decoded, as a browser shows a page that stopped
/// loading; a stream that is corrupt from the start is an error.
fn inflate(decoder: impl Read, coding: &str) -> Result<Vec<u8>, DecodeError> {
    let mut decoded = Vec::new();
    let result = decoder
        .take(MAX_RECORD_BYTES as u64 + 1)
        .read_to_end(&mut decoded);
    if decoded.len() > MAX_RECORD_BYTES {
        return Err(DecodeError::TooLarge);
    }
    match result {
        Ok(_) => Ok(decoded),
        Err(err) if err.kind() == std::io::ErrorKind::UnexpectedEof && !decoded.is_empty() => {
            Ok(decoded)
        }
        Err(err) => Err(DecodeError::Broken {
            coding: coding.to_string(),
            reason: err.to_string(),
        }),
    }
}

/// Whether bytes start like text markup rather than compressed data.
fn looks_like_markup(body: &[u8]) -> bool {
    body.iter()
        .find(|byte| !byte.is_ascii_whitespace())
        .is_some_and(|&byte| byte == b'<')
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn parses_a_head_with_crlf_or_lf() {
        let raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=UTF-8\r\nX-Junk\r\nContent-Length: 3\r\n\r\nabc";
        let head = parse_response_head(raw).expect("valid head");
        assert_eq!(head.status, 200);
        assert_eq!(
            head.header("content-type"),
            Some("text/html; charset=UTF-8")
        );
        assert_eq!(&raw[head.length..], b"abc");
        let head = parse_response_head(b"HTTP/1.0 404 Not Found\nServer: x\n\nbody")
            .expect("LF line ends");
        assert_eq!(head.status, 404);
        assert_eq!(
            &b"HTTP/1.0 404 Not Found\nServer: x\n\nbody"[head.length..],
            b"body"
        );
    }

    #[test]
    fn bad_heads_are_reported() {
        assert_eq!(
            parse_response_head(b"HTTP/1.1 200 OK\r\nA: b\r\n"),
            Err(HeadError::Incomplete)
        );
        assert!(matches!(
            parse_response_head(b"<html>\r\n\r\n"),
            Err(HeadError::Malformed(_))
        ));
        assert!(matches!(
            parse_response_head(b"HTTP/1.1 OK\r\n\r\n"),
            Err(HeadError::Malformed(_))
        ));
    }

    #[test]
    fn content_type_parts() {
        assert_eq!(media_type(" Text/HTML ; charset=x"), "text/html");
        assert_eq!(
            charset_parameter("text/html; Charset=\"Shift_JIS\""),
            Some("Shift_JIS".to_string())
        );
        assert_eq!(charset_parameter("text/html"), None);
        assert_eq!(charset_parameter("text/html; charset="), None);
    }

    #[test]
    fn dechunks_and_tolerates_bodies_that_are_not_chunked() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n"),
            b"Wikipedia"
        );
        assert_eq!(
            dechunk(b"<html>not chunked</html>"),
            b"<html>not chunked</html>"
        );
        // Cut short inside the second chunk: keep what arrived.
        assert_eq!(dechunk(b"4\r\nWiki\r\n5\r\npe"), b"Wikipe");
    }

    #[test]
    fn undoes_gzip_deflate_and_brotli() {
        let page = b"<html><body>Hello</body></html>".to_vec();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&page).expect("in-memory write");
        let gzipped = gz.finish().expect("in-memory gzip");
        assert_eq!(
            undo_content_encoding(gzipped.clone(), "gzip"),
            Ok(page.clone())
        );
        // A gzip stream missing its last bytes still gives the page.
        let cut = gzipped[..gzipped.len() - 4].to_vec();
        assert_eq!(undo_content_encoding(cut, "x-gzip"), Ok(page.clone()));
        // Already decoded by the archiver.
        assert_eq!(
            undo_content_encoding(page.clone(), "gzip"),
            Ok(page.clone())
        );

        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        zlib.write_all(&page).expect("in-memory write");
        let zlibbed = zlib.finish().expect("in-memory zlib");
        assert_eq!(undo_content_encoding(zlibbed, "deflate"), Ok(page.clone()));
        let mut raw = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        raw.write_all(&page).expect("in-memory write");
        let raw = raw.finish().expect("in-memory deflate");
        assert_eq!(undo_content_encoding(raw, "deflate"), Ok(page.clone()));

        // Brotli of the same page, as made by the reference brotli library at quality 11.
        let brotli: &[u8] = &[
            0x1b, 0x1e, 0x00, 0xf8, 0x1d, 0x09, 0x36, 0xae, 0x70, 0x4f, 0xa7, 0x53, 0xcd, 0x83,
            0x54, 0x86, 0xa6, 0xd9, 0x7c, 0xda, 0xde, 0x06, 0x5d, 0xd1, 0xa2, 0x4e, 0x6d, 0x02,
            0x0c, 0x3c, 0xe5, 0x18, 0x17,
        ];
        let decoded = undo_content_encoding(brotli.to_vec(), "br");
        assert_eq!(decoded, Ok(page.clone()));
    }

    #[test]
    fn unknown_or_broken_codings_are_errors() {
        assert_eq!(
            undo_content_encoding(b"x".to_vec(), "compress"),
            Err(DecodeError::Unsupported("compress".into()))
        );
        let garbage = vec![0x1f, 0x8b, 0xff, 0x00, 0x13, 0x37];
        assert!(matches!(
            undo_content_encoding(garbage, "gzip"),
            Err(DecodeError::Broken { .. })
        ));
    }
}
