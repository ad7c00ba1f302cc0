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

use dom_query::{Document, NodeId, NodeRef};
use serde_json::Value;

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
    /// Comparison keys ([`text::alnum_key`]) of the names the site goes by.
    site_keys: Vec<String>,
    /// The page's first `<h1>` and its ancestors: the article's own frame.
    headline_frame: Vec<NodeId>,
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
            site_keys: Vec::new(),
            headline_frame: Vec::new(),
        };
        if let Some(h1) = doc.select("h1").nodes().first() {
            page.headline_frame.push(h1.id);
            page.headline_frame
                .extend(h1.ancestors_it(None).map(|a| a.id));
        }
        if page.url.is_none() {
            let canonical = doc
                .select("link[rel=canonical]")
                .attr("href")
                .map(|href| href.to_string());
            page.url = canonical
                .or_else(|| page.meta("og:url").map(str::to_owned))
                .filter(|u| u.starts_with("http"));
        }
        page.site_keys = site_name_keys(&page);
        page
    }

    /// Whether `name` is the site's own name ("Example Times", "example.com", "EXAMPLE"):
    /// equal to one of its names, or starting or ending with one (of four or more letters) as a
    /// whole word.
    fn is_site_name(&self, name: &str) -> bool {
        let key = text::alnum_key(name);
        if key.is_empty() {
            return false;
        }
        let words: Vec<String> = name.split_whitespace().map(text::alnum_key).collect();
        self.site_keys.iter().any(|site| {
            key == *site
                || words.first() == Some(site)
                || words.last() == Some(site)
                || (site.chars().count() >= 4 && key.starts_with(site.as_str()) && words.len() <= 2)
        })
    }

    /// The first non-empty content of a meta tag with this (lowercase) key.
    fn meta(&self, key: &str) -> Option<&str> {
        self.metas
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every content of meta tags whose key equals `key` up to separators: sites write
    /// `og:site_name` and `og:site:name`, `article:published_time` and
    /// `article_published_time`.
    fn meta_all_loose<'s>(&'s self, key: &str) -> impl Iterator<Item = &'s str> + 's {
        let wanted = loose_key(key);
        self.metas
            .iter()
            .filter(move |(k, _)| loose_key(k) == wanted)
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

/// Comparison keys of the names the site goes by: Open Graph and application names, the
/// JSON-LD publisher and website, the Twitter handle, and the host name's labels.
fn site_name_keys(page: &PageSignals) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for key in [
        "og:site_name",
        "application-name",
        "apple-mobile-web-app-title",
        "twitter:site",
        "twitter:app:name:iphone",
        "al:ios:app_name",
        "publisher",
        "dc.publisher",
        "copyright",
    ] {
        names.extend(
            page.meta_all(key)
                .map(|v| v.trim_start_matches('@').to_owned()),
        );
    }
    if let Some(article) = page.jsonld.article(page.url.as_deref()) {
        for publisher in jsonld::strings(article.get("publisher"))
            .into_iter()
            .take(1)
        {
            names.push(publisher);
        }
        if let Some(Value::Object(publisher)) = article.get("publisher") {
            names.extend(jsonld::strings(page.jsonld.resolve(publisher).get("name")));
        }
    }
    for kind in ["WebSite", "Organization", "NewsMediaOrganization"] {
        for entity in page.jsonld.of_type(kind) {
            names.extend(jsonld::strings(entity.get("name")));
            names.extend(jsonld::strings(entity.get("alternateName")));
        }
    }
    if let Some(host) = page.host() {
        // "news.example.co.uk" gives "news", "example" and "example.co.uk".
        let labels: Vec<&str> = host.split('.').collect();
        for label in &labels {
            if label.len() >= 3 && !matches!(*label, "com" | "org" | "net" | "www" | "news") {
                names.push((*label).to_owned());
            }
        }
        names.push(host.clone());
    }
    let mut keys: Vec<String> = names
        .iter()
        .map(|n| text::alnum_key(n))
        .filter(|k| k.chars().count() >= 2)
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Class or id fragments of page regions whose bylines and dates belong to other stories or
/// to readers: teasers, related links, comments.
const FOREIGN_REGION_MARKERS: &[&str] = &[
    "comment",
    "related",
    "teaser",
    "recommend",
    "sidebar",
    "footer",
    "more-from",
    "morefrom",
    "popular",
    "trending",
    "newsletter",
    "promo",
];

/// Whether the node sits in a region of other stories or of readers' comments. The walk up
/// stops at the first element that also holds the page's headline: from there on it is the
/// article's own frame, whatever its class names say ("layout--sidebar").
fn in_foreign_region(page: &PageSignals, node: &NodeRef) -> bool {
    for ancestor in node.ancestors_it(Some(12)) {
        if page.headline_frame.contains(&ancestor.id) {
            return false;
        }
        if matches!(
            ancestor.node_name().as_deref(),
            Some("aside") | Some("footer") | Some("nav")
        ) {
            return true;
        }
        let marks = format!(
            "{} {}",
            ancestor.attr("class").unwrap_or_default(),
            ancestor.attr("id").unwrap_or_default()
        )
        .to_lowercase();
        if FOREIGN_REGION_MARKERS.iter().any(|m| marks.contains(m)) {
            return true;
        }
    }
    false
}

/// A meta key without its separators, for [`PageSignals::meta_all_loose`].
fn loose_key(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, ':' | '_' | '-' | '.'))
        .collect()
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
            "<script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\
             [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\
             [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>",
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":42,\
             \"author\":[[[{\"@id\":\"#a\"}]],{\"@id\":\"#a\"}],\"datePublished\":99999999999999,\
             \"@id\":\"#a\"}</script>",
            "<meta property=\"article:published_time\" content=\"99999999999999999999\">",
            "<meta name=\"author\" content=\"(((((((((( [[[[ ,,,, ;;;; By By By\">",
            "<time datetime=\"2023-13-45T99:99\">x</time><h1>\u{1f600}</h1>",
            "<html lang=\"\u{e9}\u{e9}\"><title> | - | </title></html>",
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
