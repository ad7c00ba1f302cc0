//! Page metadata: title, byline (authors), publication date and language of one HTML page.
//!
//! Pages state their metadata in several places of varying trust: JSON-LD blocks
//! (schema.org `NewsArticle` and friends), `<meta>` tags (Open Graph, Twitter, Dublin Core,
//! Parse.ly, Sailthru), microdata (`itemprop`), conventional markup (`<h1>`, `rel=author`,
//! byline classes, `<time datetime>`) and the URL itself. Each field has its own module that
//! ranks these sources; [`PageSignals`] gathers the raw material once so every field reads the
//! same parsed JSON-LD and meta tags.
//!
//! Everything here is best effort and never panics: a field that cannot be found is `None` (or
//! an empty byline).

mod byline;
mod date;
mod jsonld;
mod language;
mod text;
mod title;

use dom_query::Document;

use jsonld::JsonLd;

/// What a page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlMetadata {
    /// The story's headline, without the site name that `<title>` tags often append.
    pub title: Option<String>,
    /// The authors' names, in page order, without "By", roles, e-mail addresses or dates.
    pub byline: Vec<String>,
    /// Publication date as an ISO 8601 calendar date, `YYYY-MM-DD`, in the page's own time
    /// zone (the date a reader of the page sees).
    pub published: Option<String>,
    /// Primary language subtag, lowercase (`en`, `de`, `zh`).
    pub language: Option<String>,
}

/// Extracts title, byline, publication date and language from a parsed page. `url` is where
/// the page came from, when known: it helps to recognise the site name in titles and can carry
/// the publication date.
pub fn extract_metadata(doc: &Document, url: Option<&str>) -> HtmlMetadata {
    let page = PageSignals::collect(doc, url);
    HtmlMetadata {
        title: title::extract(&page),
        byline: byline::extract(&page),
        published: date::extract(&page),
        language: language::extract(&page),
    }
}

/// Parses `html` and extracts its metadata; for callers that have no parsed document at hand.
pub fn extract_metadata_from_html(html: &str, url: Option<&str>) -> HtmlMetadata {
    let doc = Document::from(html);
    extract_metadata(&doc, url)
}

/// The raw material every field draws on, gathered once per page.
struct PageSignals<'a> {
    doc: &'a Document,
    /// The page's URL: the one given, else the canonical or `og:url` one.
    url: Option<String>,
    /// `<meta>` tags as (lowercased key, content) in document order. A tag contributes one
    /// entry for each of its `name`, `property`, `itemprop` and `http-equiv` attributes.
    metas: Vec<(String, String)>,
    jsonld: JsonLd,
}

impl<'a> PageSignals<'a> {
    fn collect(doc: &'a Document, url: Option<&str>) -> Self {
        let mut metas = Vec::new();
        for node in doc.select("meta").nodes() {
            let Some(content) = node.attr("content") else {
                continue;
            };
            let content = text::normalize_whitespace(&content);
            if content.is_empty() {
                continue;
            }
            for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(key) = node.attr(key_attr) {
                    let key = key.trim().to_lowercase();
                    if !key.is_empty() {
                        metas.push((key, content.clone()));
                    }
                }
            }
        }
        let jsonld = JsonLd::collect(doc);
        let mut page = PageSignals {
            doc,
            url: url.map(str::to_owned),
            metas,
            jsonld,
        };
        if page.url.is_none() {
            let canonical = doc
                .select("link[rel=canonical]")
                .attr("href")
                .map(|href| href.to_string());
            page.url = canonical
                .or_else(|| page.meta("og:url").map(str::to_owned))
                .filter(|u| u.starts_with("http"));
        }
        page
    }

    /// The first non-empty content of a meta tag with this (lowercase) key.
    fn meta(&self, key: &str) -> Option<&str> {
        self.metas
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every content of meta tags with this (lowercase) key, in document order.
    fn meta_all<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.metas
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The page's host name without `www.`, lowercase, when its URL is known.
    fn host(&self) -> Option<String> {
        let url = self.url.as_deref()?;
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit('@').next()?.split(':').next()?;
        let host = host.trim_start_matches("www.").to_lowercase();
        (!host.is_empty()).then_some(host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_typical_news_page() {
        let html = r#"<!doctype html><html lang="en-GB"><head>
            <title>Storm closes bridges | The Daily Example</title>
            <meta property="og:site_name" content="The Daily Example">
            <meta property="og:title" content="Storm closes bridges">
            <meta name="author" content="By Jane Doe and John Smith">
            <meta property="article:published_time" content="2023-09-15T08:30:00+01:00">
            </head><body><article><h1>Storm closes bridges</h1>
            <p>Text of the story.</p></article></body></html>"#;
        let meta = extract_metadata_from_html(html, Some("https://www.dailyexample.com/news/x"));
        assert_eq!(meta.title.as_deref(), Some("Storm closes bridges"));
        assert_eq!(meta.byline, vec!["Jane Doe", "John Smith"]);
        assert_eq!(meta.published.as_deref(), Some("2023-09-15"));
        assert_eq!(meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn survives_garbage() {
        for html in [
            "",
            "<",
            "<html><head><script type=\"application/ld+json\">{{{</script>",
            "<meta property=\"article:published_time\" content=\"9999-99-99\">",
            "\u{0}\u{feff}<title>\u{200b}</title>",
        ] {
            let meta = extract_metadata_from_html(html, Some("not a url"));
            assert!(meta.byline.is_empty());
            assert_eq!(meta.published, None);
        }
    }

    #[test]
    fn host_strips_scheme_www_and_port() {
        let doc = Document::from("<html></html>");
        let page = PageSignals::collect(&doc, Some("https://user@www.Example.org:8080/a?b#c"));
        assert_eq!(page.host().as_deref(), Some("example.org"));
    }
}
