//! HTML pages: the story's main text, with related links, captions, share boxes and the like set
//! aside as boilerplate, plus title, byline, publication date and language.
//!
//! The page is parsed once, with `dom_query`. Metadata ([`meta`]) reads that document first,
//! while it is intact; then the document is moved (not copied, not re-parsed) into
//! `dom_smoothie`, a port of Mozilla's Readability, which picks the content subtree. Around it
//! newsfacts adds what news pages need:
//! 1. [`prune`]: before scoring, containers that are boilerplate by their markup (related-story
//!    lists, share and newsletter boxes, comments, captions, cookie and paywall notices) are cut
//!    out, so they can neither win the content election nor survive inside the winner;
//! 2. [`blocks`]: the winner is walked into blocks (paragraphs, headings, list items) in reading
//!    order;
//! 3. [`filter`]: blocks that are boilerplate by their words ("Read more: …", "Sign up for our
//!    newsletter", photo credits, a byline or dateline repeated in the body) are set aside.
//!
//! What is set aside is reported in `Article::boilerplate` with a reason, bounded in number:
//! the story-adjacent pieces a reader might want to check, not every menu link.

mod blocks;
mod filter;
pub mod meta;
mod prune;

use dom_smoothie::{Config, Readability};
use newsfacts_doc::{Article, Boilerplate};

/// At most this many boilerplate pieces are reported for one page.
pub(crate) const MAX_REPORTED_BOILERPLATE: usize = 40;
/// A reported boilerplate piece is cut to this many characters.
pub(crate) const MAX_REPORTED_CHARS: usize = 300;

/// Extracts the article from one HTML page. `url` is where the page came from, when known: it
/// resolves relative links and can carry the publication date.
pub fn article_from_html(html: &str, url: Option<&str>) -> Article {
    let document = dom_query::Document::from(html);
    let mut article = Article {
        url: url.map(str::to_string),
        ..Article::default()
    };

    // Metadata reads the intact page, before pruning and the election cut it up.
    let metadata = meta::extract_metadata(&document, url);
    article.title = metadata.title;
    article.byline = metadata.byline;
    article.published = metadata.published;
    article.language = metadata.language;

    let mut boilerplate = Reported::default();
    prune::prune(&document, &mut boilerplate);
    let (blocks, elected_title) = if nesting_exceeds(&document, MAX_ELECTION_DEPTH) {
        // The election's scoring walks every element's ancestors: on pathologically nested
        // markup it would take seconds. Such a page is read whole, pruned but not elected.
        let blocks = document
            .body()
            .map(|body| blocks::BlockCollector::new().collect(&body))
            .unwrap_or_default();
        (blocks, None)
    } else {
        main_blocks(document, url)
    };
    let title = article.title.as_deref().or(elected_title.as_deref());
    article.paragraphs = filter::story_paragraphs(blocks, title, &article.byline, &mut boilerplate);
    if article.paragraphs.is_empty() {
        // The election accepted nothing (a short story, an unusual layout). Rather than lose the
        // page, read it whole: pruned of boilerplate containers, then filtered like any story.
        let whole = dom_query::Document::from(html);
        let mut ignored = Reported::default();
        prune::prune(&whole, &mut ignored);
        let blocks = whole
            .body()
            .map(|body| blocks::BlockCollector::new().collect(&body))
            .unwrap_or_default();
        article.paragraphs =
            filter::story_paragraphs(blocks, title, &article.byline, &mut boilerplate);
    }
    article.boilerplate = boilerplate.items;
    article
}

/// Pages nested deeper than this skip the content election (see [`article_from_html`]).
const MAX_ELECTION_DEPTH: usize = 200;

/// Whether any element of the document sits deeper than `limit`.
fn nesting_exceeds(document: &dom_query::Document, limit: usize) -> bool {
    let mut stack = vec![(document.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        let mut child = node.first_child();
        while let Some(current) = child {
            if current.is_element() {
                stack.push((current, depth + 1));
            }
            child = current.next_sibling();
        }
    }
    false
}

/// Runs the content election and walks the winner into blocks; also gives the title the
/// election settled on. No blocks when the page has no content the election accepts.
fn main_blocks(
    document: dom_query::Document,
    url: Option<&str>,
) -> (Vec<blocks::Block>, Option<String>) {
    // dom_smoothie rejects relative URLs; the page is still worth extracting without one.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let config = Config {
        // Keep class names so that the block filter can read hints such as `caption`.
        keep_classes: true,
        // The page's JSON-LD is read once, by `meta`; the election does not need it.
        disable_json_ld: true,
        ..Config::default()
    };
    let Ok(mut readability) = Readability::with_document(document, url, Some(config)) else {
        return (Vec::new(), None);
    };
    let Ok(elected) = readability.parse() else {
        return (Vec::new(), None);
    };
    let title = Some(elected.title).filter(|t| !t.trim().is_empty());
    let root = readability.doc.select_single("#readability-page-1");
    let Some(root_node) = root.nodes().first() else {
        return (Vec::new(), title);
    };
    (blocks::BlockCollector::new().collect(root_node), title)
}

/// Boilerplate reported for one page, bounded.
#[derive(Default)]
pub(crate) struct Reported {
    pub items: Vec<Boilerplate>,
}

impl Reported {
    pub fn push(&mut self, text: &str, reason: newsfacts_doc::BoilerplateReason) {
        if self.items.len() >= MAX_REPORTED_BOILERPLATE {
            return;
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() || self.items.iter().any(|item| item.text == text) {
            return;
        }
        let text = match text.char_indices().nth(MAX_REPORTED_CHARS) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text,
        };
        self.items.push(Boilerplate { text, reason });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_the_election_rejects_is_read_whole() {
        let html =
            "<html><body><div><p>Council approves the harbour budget.</p></div></body></html>";
        let article = article_from_html(html, None);
        assert_eq!(
            article.paragraphs,
            vec!["Council approves the harbour budget."]
        );
    }

    #[test]
    fn malformed_html_does_not_panic() {
        for html in [
            "",
            "<",
            "<html><body><p>unclosed <b><i>tags",
            "</p></div></body>",
            "<table><tr><td><p>cell</table></p>",
            &"<div>".repeat(500),
            &format!("{}<p>deep story text</p>", "<div>".repeat(3000)),
            &"<table><tr><td>".repeat(1000),
        ] {
            let _ = article_from_html(html, Some("not a url"));
            let _ = article_from_html(html, None);
        }
    }
}
