//! Small text helpers shared by the metadata fields: whitespace, entities, comparison keys.

use dom_query::Document;

/// Collapses every run of whitespace (including no-break and other Unicode spaces) into one
/// ASCII space and trims the ends. Zero-width characters that pages use as layout glue are
/// dropped too.
pub(super) fn normalize_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        ) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Decodes HTML character references (`&amp;`, `&#8217;`) in text that did not come through
/// the HTML parser, such as JSON-LD strings, some of which are escaped twice.
pub(super) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    // A textarea's content is parsed as escapable raw text: references are decoded, tags are
    // not interpreted, so nothing in the string can change the structure.
    let fragment = Document::fragment(format!("<textarea>{}</textarea>", s.replace('<', "&lt;")));
    fragment.select("textarea").text().to_string()
}

/// A comparison key: lowercase letters and digits only, so "The Guardian" and "theguardian"
/// meet. German umlauts and ß are spelled out as host names spell them ("Börsen-Zeitung" and
/// "boersen-zeitung.de" meet).
pub(super) fn alnum_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    for c in s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
    {
        match c {
            'ä' => key.push_str("ae"),
            'ö' => key.push_str("oe"),
            'ü' => key.push_str("ue"),
            'ß' => key.push_str("ss"),
            _ => key.push(c),
        }
    }
    key
}

/// Removes HTML tags that some sites leave inside meta or JSON-LD strings.
pub(super) fn strip_tags(s: &str) -> String {
    if !s.contains('<') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' if !in_tag
                && chars
                    .peek()
                    .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!') =>
            {
                in_tag = true;
            }
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Cleans a text value from any source: tags, entities and whitespace.
pub(super) fn clean(s: &str) -> String {
    normalize_whitespace(&decode_entities(&strip_tags(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_trims() {
        assert_eq!(normalize_whitespace("  a \u{a0}\n b\u{200b}c  "), "a bc");
    }

    #[test]
    fn entities_decode_without_interpreting_tags() {
        assert_eq!(
            decode_entities("Tom &amp; Jerry&#8217;s"),
            "Tom & Jerry\u{2019}s"
        );
        assert_eq!(
            decode_entities("a &lt;b&gt; </textarea><b>x"),
            "a <b> </textarea><b>x"
        );
    }

    #[test]
    fn tags_are_removed() {
        assert_eq!(clean("<b>Bold</b> move &amp; more"), "Bold move & more");
        assert_eq!(clean("1 < 2"), "1 < 2");
    }
}
