//! Turning bytes into text. Pages come from everywhere: UTF-8 mostly, but also windows-1252,
//! Shift_JIS, GBK, KOI8-R and friends, declared or not, sometimes wrongly. The order follows
//! what browsers do, so a page reads as its readers saw it:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins over everything;
//! 2. then the charset the transport declared (the HTTP or WARC `Content-Type`);
//! 3. then a `<meta charset>` / `<meta http-equiv="content-type">` in the first bytes;
//! 4. then UTF-8, if the bytes are valid UTF-8;
//! 5. else a statistical guess (chardetng, the detector Firefox uses).
//!
//! Labels map to encodings by the WHATWG Encoding Standard (so `iso-8859-1` means windows-1252,
//! as in every browser). Malformed byte sequences become U+FFFD; decoding never fails or panics.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How many leading bytes the `<meta>` prescan looks at. The HTML standard says 1024; real
/// pages often put scripts and styles before their `<meta charset>`, and browsers look further.
const PRESCAN_BYTES: usize = 4096;

/// Decodes bytes to text. `declared` is a charset from the transport (an HTTP `Content-Type`).
pub fn decode(bytes: &[u8], declared: Option<&str>) -> String {
    let (encoding, body) = choose_encoding(bytes, declared);
    let (text, _had_errors) = encoding.decode_without_bom_handling(body);
    text.into_owned()
}

/// Which encoding `decode` uses for these bytes, and the bytes left once a BOM is removed.
/// Exposed so callers (and tests) can tell what was chosen.
pub fn choose_encoding<'a>(
    bytes: &'a [u8],
    declared: Option<&str>,
) -> (&'static Encoding, &'a [u8]) {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        return (encoding, &bytes[bom_length..]);
    }
    let declared = declared
        .and_then(encoding_for_label)
        .or_else(|| prescan_meta_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]));
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    if let Some(encoding) = declared {
        // Text in a legacy encoding almost never forms valid multi-byte UTF-8 by chance, while
        // UTF-8 pages that still declare iso-8859-1 or GB2312 are common: trust the bytes then.
        if encoding != UTF_8 && valid_utf8 && !bytes.is_ascii() {
            return (UTF_8, bytes);
        }
        return (encoding, bytes);
    }
    if valid_utf8 {
        return (UTF_8, bytes);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    (detector.guess(None, true), bytes)
}

/// The encoding a charset label names, tolerating quotes and stray spaces around it.
fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    Encoding::for_label(label.as_bytes())
}

/// An encoding declared by a `<meta>` element in the bytes given, following the HTML standard's
/// prescan: comments and other tags are stepped over with their attributes (so a `<meta` inside
/// a quoted attribute value is not mistaken for one), and a declaration of UTF-16 means UTF-8
/// (bytes that reached an ASCII-compatible scan cannot be UTF-16).
pub fn prescan_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut position = 0;
    while position < bytes.len() {
        let rest = &bytes[position..];
        if rest.starts_with(b"<!--") {
            position += 4;
            match find(&bytes[position..], b"-->") {
                Some(end) => position += end + 3,
                None => return None,
            }
            continue;
        }
        if rest.len() > 5
            && rest[..5].eq_ignore_ascii_case(b"<meta")
            && (is_space(rest[5]) || rest[5] == b'/')
        {
            position += 5;
            if let Some(encoding) = meta_element_encoding(bytes, &mut position) {
                return Some(fix_meta_encoding(encoding));
            }
            continue;
        }
        if rest.len() > 2
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic() || (rest[1] == b'/' && rest[2].is_ascii_alphabetic()))
        {
            // Another tag: skip its name, then its attributes one by one.
            position += 1;
            while position < bytes.len() && !is_space(bytes[position]) && bytes[position] != b'>' {
                position += 1;
            }
            while read_attribute(bytes, &mut position).is_some() {}
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            match memchr::memchr(b'>', rest) {
                Some(end) => position += end + 1,
                None => return None,
            }
            continue;
        }
        position += 1;
    }
    None
}

/// Reads the attributes of one `<meta>` (the position is just past `<meta`) and returns the
/// encoding it declares, if it declares one.
fn meta_element_encoding(bytes: &[u8], position: &mut usize) -> Option<&'static Encoding> {
    let mut seen_http_equiv_content_type = false;
    let mut charset: Option<&'static Encoding> = None;
    let mut content_charset: Option<&'static Encoding> = None;
    let mut charset_seen = false;
    while let Some((name, value)) = read_attribute(bytes, position) {
        match name.as_str() {
            "http-equiv" if value.eq_ignore_ascii_case("content-type") => {
                seen_http_equiv_content_type = true;
            }
            "content" if content_charset.is_none() => {
                content_charset = charset_in_content(&value).and_then(encoding_for_label);
            }
            "charset" if !charset_seen => {
                charset_seen = true;
                charset = encoding_for_label(&value);
            }
            _ => {}
        }
    }
    if charset_seen {
        return charset;
    }
    if seen_http_equiv_content_type {
        return content_charset;
    }
    None
}

/// The HTML standard's adjustments to an encoding found by the prescan.
fn fix_meta_encoding(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else if encoding == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    }
}

/// The charset in a `content="text/html; charset=..."` value.
fn charset_in_content(content: &str) -> Option<&str> {
    let lower = content.to_ascii_lowercase();
    let start = lower.find("charset")? + "charset".len();
    let rest = content[start..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let value = match rest.chars().next()? {
        quote @ ('"' | '\'') => {
            let inner = &rest[1..];
            &inner[..inner.find(quote)?]
        }
        _ => {
            let end = rest
                .find(|c: char| c.is_ascii_whitespace() || c == ';')
                .unwrap_or(rest.len());
            &rest[..end]
        }
    };
    (!value.is_empty()).then_some(value)
}

/// Reads one attribute of a tag, as the HTML prescan's "get an attribute" does. Returns None at
/// the end of the tag (leaving the position past its `>`) or of the bytes.
fn read_attribute(bytes: &[u8], position: &mut usize) -> Option<(String, String)> {
    while *position < bytes.len() && (is_space(bytes[*position]) || bytes[*position] == b'/') {
        *position += 1;
    }
    if *position >= bytes.len() {
        return None;
    }
    if bytes[*position] == b'>' {
        *position += 1;
        return None;
    }
    let mut name = Vec::new();
    loop {
        let byte = *bytes.get(*position)?;
        if byte == b'=' && !name.is_empty() {
            *position += 1;
            break;
        }
        if is_space(byte) {
            while *position < bytes.len() && is_space(bytes[*position]) {
                *position += 1;
            }
            if bytes.get(*position) == Some(&b'=') {
                *position += 1;
                break;
            }
            return Some((to_lower_string(&name), String::new()));
        }
        if byte == b'/' || byte == b'>' {
            return Some((to_lower_string(&name), String::new()));
        }
        name.push(byte.to_ascii_lowercase());
        *position += 1;
    }
    while *position < bytes.len() && is_space(bytes[*position]) {
        *position += 1;
    }
    let first = *bytes.get(*position)?;
    let mut value = Vec::new();
    if first == b'"' || first == b'\'' {
        *position += 1;
        let end = memchr::memchr(first, &bytes[*position..])?;
        value.extend_from_slice(&bytes[*position..*position + end]);
        *position += end + 1;
    } else {
        while let Some(&byte) = bytes.get(*position) {
            if is_space(byte) || byte == b'>' {
                break;
            }
            value.push(byte);
            *position += 1;
        }
    }
    Some((
        to_lower_string(&name),
        String::from_utf8_lossy(&value).into_owned(),
    ))
}

fn to_lower_string(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_ascii_lowercase()
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_utf8_wins_over_a_legacy_declaration() {
        let page = "<meta charset=\"iso-8859-1\"><p>Zürich café</p>".as_bytes();
        assert_eq!(choose_encoding(page, None).0, UTF_8);
        assert_eq!(choose_encoding(page, Some("gb2312")).0, UTF_8);
        assert!(decode(page, Some("iso-8859-1")).contains("Zürich café"));
        // A real Latin-1 page is not valid UTF-8 and keeps its declared encoding.
        let latin1 = b"<p>Z\xfcrich caf\xe9</p>";
        assert_eq!(decode(latin1, Some("iso-8859-1")), "<p>Zürich café</p>");
    }

    #[test]
    fn utf8_bom_is_removed() {
        assert_eq!(decode(b"\xef\xbb\xbfcaf\xc3\xa9", None), "café");
    }

    #[test]
    fn utf16_boms_win_over_a_declared_charset() {
        let little: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Grüße".encode_utf16().flat_map(|unit| unit.to_le_bytes()))
            .collect();
        assert_eq!(decode(&little, Some("iso-8859-1")), "Grüße");
        let big: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Grüße".encode_utf16().flat_map(|unit| unit.to_be_bytes()))
            .collect();
        assert_eq!(decode(&big, None), "Grüße");
    }

    #[test]
    fn declared_charset_is_used_and_latin1_means_windows_1252() {
        // 0x93/0x94 are curly quotes in windows-1252, control characters in true ISO-8859-1.
        let bytes = b"\x93caf\xe9\x94";
        assert_eq!(decode(bytes, Some("ISO-8859-1")), "\u{201c}café\u{201d}");
        assert_eq!(
            decode(bytes, Some(" \"windows-1252\" ")),
            "\u{201c}café\u{201d}"
        );
    }

    #[test]
    fn unknown_declared_label_falls_through() {
        assert_eq!(decode("café".as_bytes(), Some("no-such-charset")), "café");
    }

    #[test]
    fn meta_charset_is_found() {
        let page = b"<!doctype html><html><head><meta charset=\"windows-1251\"><title>\xcf\xf0\xe8\xe2\xe5\xf2</title>";
        assert_eq!(prescan_meta_charset(page), Some(encoding_rs::WINDOWS_1251));
        assert!(decode(page, None).contains("<title>Привет</title>"));
    }

    #[test]
    fn meta_http_equiv_content_type_is_found() {
        let page =
            b"<html><head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=Shift_JIS'>";
        assert_eq!(prescan_meta_charset(page), Some(encoding_rs::SHIFT_JIS));
        // content= without http-equiv declares nothing.
        let page = b"<meta name=x content='text/html; charset=koi8-r'>";
        assert_eq!(prescan_meta_charset(page), None);
    }

    #[test]
    fn meta_in_comments_or_attribute_values_is_ignored() {
        let page = b"<!-- <meta charset=koi8-r> --><div title='<meta charset=gbk>'></div>";
        assert_eq!(prescan_meta_charset(page), None);
        let page = b"<!-- x --><meta charset=koi8-r>";
        assert_eq!(prescan_meta_charset(page), Some(encoding_rs::KOI8_R));
    }

    #[test]
    fn meta_declaring_utf16_means_utf8() {
        assert_eq!(prescan_meta_charset(b"<meta charset=utf-16>"), Some(UTF_8));
    }

    #[test]
    fn transport_charset_beats_meta() {
        let page = "<meta charset=\"windows-1252\"><p>ü</p>".as_bytes();
        assert_eq!(
            decode(page, Some("utf-8")),
            "<meta charset=\"windows-1252\"><p>ü</p>"
        );
    }

    #[test]
    fn valid_utf8_without_declaration_is_utf8() {
        assert_eq!(decode("Ærøskøbing".as_bytes(), None), "Ærøskøbing");
    }

    #[test]
    fn undeclared_windows_1252_is_detected() {
        let text = "<p>Der Bürgermeister äußerte sich über die Straßenbahn. \u{201e}Wir müssen schneller werden\u{201c}, sagte er am Dienstag vor Journalisten in Köln.</p>";
        let (bytes, _, _) = WINDOWS_1252.encode(text);
        assert_eq!(decode(&bytes, None), text);
    }

    #[test]
    fn undeclared_shift_jis_is_detected() {
        let text = "<p>東京都は、新しい交通計画を発表しました。市民の皆様からの意見を募集しています。記者会見は午後三時に行われました。</p>";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        assert_eq!(decode(&bytes, None), text);
    }

    #[test]
    fn undeclared_koi8r_and_gbk_are_detected() {
        let russian = "<p>Правительство объявило о новых мерах поддержки экономики. Министр финансов выступил на пресс-конференции в Москве.</p>";
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(russian);
        assert_eq!(decode(&bytes, None), russian);
        let chinese = "<p>国务院新闻办公室今天举行新闻发布会，介绍经济运行情况。发言人表示，今年以来经济总体保持稳定增长。</p>";
        let (bytes, _, _) = encoding_rs::GBK.encode(chinese);
        assert_eq!(decode(&bytes, None), chinese);
    }

    #[test]
    fn invalid_utf8_never_panics() {
        let text = decode(b"ok \xff\xfe\xc3", Some("utf-8"));
        assert!(text.starts_with("ok "));
        assert!(text.contains('\u{fffd}'));
        // Arbitrary bytes with no declaration at all.
        let noise: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
        let _ = decode(&noise, None);
        let _ = decode(&[], None);
        let _ = prescan_meta_charset(b"<meta charset=\"unterminated");
        let _ = prescan_meta_charset(b"<meta");
        let _ = prescan_meta_charset(b"<a b='");
    }
}
