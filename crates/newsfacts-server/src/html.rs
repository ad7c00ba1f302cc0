//! HTML building blocks: escaping (every piece of text a page shows goes through [`escape`]),
//! URL-component encoding for links, and the page frame.

use std::fmt::Write;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters have no business in a page; the snippet marks are handled
            // before escaping by the caller.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Percent-encodes a value for a URL query string (`/speaker?name=…`).
pub fn url_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// A link to a speaker's page.
pub fn speaker_link(name: &str) -> String {
    format!(
        "<a href=\"/speaker?name={}\">{}</a>",
        url_component(name),
        escape(name)
    )
}

/// A link to an article's page, titled by its title (or id).
pub fn article_link(article: &newsfacts_store::ArticleRef) -> String {
    let label = article.title.as_deref().unwrap_or(&article.id);
    format!(
        "<a href=\"/article/{}\">{}</a>",
        article.store_id,
        escape(label)
    )
}

/// The page frame: title, stylesheet, navigation, search box, then `body` (already HTML).
pub fn page(title: &str, query: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} · newsfacts</title>\n<link rel=\"stylesheet\" href=\"/assets/style.css\">\n\
         </head>\n<body>\n<header class=\"top\">\n<a class=\"brand\" href=\"/\">newsfacts</a>\n\
         <nav><a href=\"/\">Search</a> <a href=\"/events\">Events</a> <a href=\"/ledger\">Ledger</a> \
         <a href=\"/checks\">Failed checks</a> <a href=\"/api/openapi.json\">API</a></nav>\n\
         <form action=\"/\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" value=\"{query}\" placeholder=\"Search articles and quotes\" aria-label=\"Search\">\
         <button type=\"submit\">Search</button></form>\n</header>\n<main>\n{body}\n</main>\n</body>\n</html>\n",
        title = escape(title),
        query = escape(query),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{2}b"), "a\u{FFFD}b");
        assert_eq!(url_component("Ana Ruiz&x=<1>"), "Ana%20Ruiz%26x%3D%3C1%3E");
        assert_eq!(url_component("Kuleba’s"), "Kuleba%E2%80%99s");
    }
}
