//! The headline: from JSON-LD, Open Graph, Twitter and other meta tags, the page's `<h1>` and
//! `<title>`, with the site name that titles carry (" | Site", "Site - ") taken off.

use super::PageSignals;
use super::jsonld;
use super::text::{alnum_key, clean};

/// Separators between a headline and a site or section name, longest first.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " / ", " ~ ", " │ ", " ｜ ",
    "｜", " |", "| ", "ㅣ",
];

/// The most affix segments stripped from one title ("Headline | Section | Site").
const MAX_STRIPPED_SEGMENTS: usize = 3;

pub(super) fn extract(page: &PageSignals) -> Option<String> {
    let site_keys = &page.site_keys;
    let article = page.jsonld.article(page.url.as_deref());

    // Declared headlines in order of trust: schema.org data is written for machines about
    // this article; Open Graph and Twitter cards are written for sharing it and sometimes
    // carry a teaser wording or the site name.
    let mut declared: Vec<String> = Vec::new();
    if let Some(article) = article {
        declared.extend(jsonld::strings(article.get("headline")).into_iter().take(1));
    }
    for key in [
        "og:title",
        "twitter:title",
        "dc.title",
        "dcterms.title",
        "title",
        "headline",
        "parsely-title",
        "sailthru.title",
    ] {
        declared.extend(page.meta(key).map(str::to_owned));
    }
    let declared: Vec<String> = declared
        .iter()
        .map(|t| strip_site_affixes(&clean(t), site_keys))
        .filter(|t| is_plausible(t))
        .collect();

    let headings = heading_texts(page);
    let mut title_element = page.doc.select("head title");
    if title_element.is_empty() {
        title_element = page.doc.select("title");
    }
    let document_title = title_element
        .nodes()
        .first()
        .map(|n| strip_site_affixes(&clean(&n.text()), site_keys))
        .filter(|t| is_plausible(t));

    // What the reader sees as the headline confirms a declared one: the first declared title
    // that a heading repeats (up to punctuation and case) wins. The declared wording is kept:
    // headings are often typeset (curly quotes, soft hyphens) where the metadata is plain.
    for candidate in &declared {
        let key = alnum_key(candidate);
        if headings.iter().any(|h| alnum_key(h) == key) {
            return Some(candidate.clone());
        }
    }
    if let Some(first) = declared.into_iter().next() {
        return Some(first);
    }
    // Without declared titles, prefer a heading that the document title starts with or
    // contains (the title adds the site name), then the document title, then the first
    // heading.
    if let Some(document_title) = &document_title {
        let title_key = alnum_key(document_title);
        if let Some(heading) = headings
            .iter()
            .find(|h| alnum_key(h).len() >= 10 && title_key.contains(&alnum_key(h)))
        {
            return Some(heading.clone());
        }
        return Some(document_title.clone());
    }
    headings.into_iter().next()
}

/// The page's level-one headings, those inside the article first.
fn heading_texts(page: &PageSignals) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for selector in [
        "article h1",
        "main h1",
        "[itemprop=headline]",
        "h1",
        "[class*=headline]",
    ] {
        for node in page.doc.select(selector).nodes().iter().take(5) {
            let text = if node.node_name().as_deref() == Some("meta") {
                node.attr("content").map(|c| clean(&c)).unwrap_or_default()
            } else {
                clean(&node.text())
            };
            if is_plausible(&text) && !out.contains(&text) {
                out.push(text);
            }
        }
    }
    out
}

/// Whether a string can be a headline at all.
fn is_plausible(title: &str) -> bool {
    let chars = title.chars().count();
    (2..=400).contains(&chars) && title.chars().any(char::is_alphanumeric)
}

/// Whether a title segment names the site (or is a short generic tail like a section that
/// merely repeats the site name with a suffix: "BBC News", "Reuters.com").
fn is_site_segment(segment: &str, site_keys: &[String]) -> bool {
    let key = alnum_key(segment);
    if key.is_empty() {
        return false;
    }
    let words = segment.split_whitespace().count();
    site_keys.iter().any(|site| {
        key == *site
            || (words <= 5 && site.chars().count() >= 4 && key.contains(site.as_str()))
            || (words <= 5 && key.chars().count() >= 4 && site.contains(key.as_str()))
    })
}

/// Takes site-name segments off the end and the start of a title.
pub(super) fn strip_site_affixes(title: &str, site_keys: &[String]) -> String {
    let mut title = title.trim().to_owned();
    for _ in 0..MAX_STRIPPED_SEGMENTS {
        let Some((head, tail)) = split_last(&title) else {
            break;
        };
        if !is_site_segment(tail, site_keys) || !is_plausible(head) {
            break;
        }
        title = head.trim().to_owned();
    }
    for _ in 0..MAX_STRIPPED_SEGMENTS {
        let Some((head, tail)) = split_first(&title) else {
            break;
        };
        if !is_site_segment(head, site_keys) || !is_plausible(tail) {
            break;
        }
        title = tail.trim().to_owned();
    }
    title
}

/// Splits at the last separator: ("Headline | Section", "Site").
fn split_last(title: &str) -> Option<(&str, &str)> {
    SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|&(i, len)| (i, len))
        .map(|(i, len)| (&title[..i], &title[i + len..]))
}

/// Splits at the first separator: ("Site", "Headline").
fn split_first(title: &str) -> Option<(&str, &str)> {
    SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep).map(|i| (i, sep.len())))
        .min_by_key(|&(i, len)| (i, std::cmp::Reverse(len)))
        .map(|(i, len)| (&title[..i], &title[i + len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| alnum_key(n)).collect()
    }

    #[test]
    fn strips_site_names_at_either_end() {
        let sites = keys(&["The Daily Example", "dailyexample"]);
        assert_eq!(
            strip_site_affixes("Storm hits coast | The Daily Example", &sites),
            "Storm hits coast"
        );
        assert_eq!(
            strip_site_affixes("Daily Example - Storm hits coast", &sites),
            "Storm hits coast"
        );
        assert_eq!(
            strip_site_affixes("Storm hits coast – Daily Example News", &sites),
            "Storm hits coast"
        );
    }

    #[test]
    fn keeps_dashes_that_belong_to_the_headline() {
        let sites = keys(&["Example Times"]);
        assert_eq!(
            strip_site_affixes("Tony Blair - why compromise is needed", &sites),
            "Tony Blair - why compromise is needed"
        );
    }

    #[test]
    fn heading_confirms_a_declared_title() {
        let html = r#"<html><head><title>Rates rise again | Money | Example Post</title>
            <meta property="og:title" content="Rates rise again">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Rates rise again, bank says"}</script>
            </head><body><h1>Rates rise again</h1></body></html>"#;
        let doc = dom_query::Document::from(html);
        let page = PageSignals::collect(&doc, Some("https://examplepost.com/a"));
        assert_eq!(extract(&page).as_deref(), Some("Rates rise again"));
    }

    #[test]
    fn falls_back_to_the_document_title() {
        let html = "<html><head><title>Quiet day in town - Example Post</title></head></html>";
        let doc = dom_query::Document::from(html);
        let page = PageSignals::collect(&doc, Some("https://www.examplepost.com/a"));
        assert_eq!(extract(&page).as_deref(), Some("Quiet day in town"));
    }
}
