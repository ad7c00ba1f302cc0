//! Cuts boilerplate containers out of the page before the content election: elements whose tag,
//! ARIA role, class or id say they are navigation, related stories, share or newsletter boxes,
//! comments, captions, adverts, cookie or paywall notices. Removing them first means they can
//! neither win the election nor survive inside the winner.
//!
//! Class names are a weak signal (a story wrapper may well be called `post has-comments`), so an
//! element is kept whatever its name when it holds a large share of the page's paragraph text.

use dom_query::{Document, NodeData, NodeRef};
use newsfacts_doc::BoilerplateReason;

use super::Reported;

/// An element holding more than this share of the page's prose is never pruned.
const MAX_PRUNED_SHARE: f64 = 0.3;
/// ... unless it holds less prose than this (bytes); but one that holds the majority of the
/// page's prose is never pruned, however short the page.
const MIN_GUARDED_CHARS: usize = 400;

/// Words in a class or id that mark boilerplate wherever they occur in it (`relatedStories`,
/// `article__caption`).
const MARKER_SUBSTRINGS: &[(&str, BoilerplateReason)] = &[
    ("caption", BoilerplateReason::Caption),
    ("credit", BoilerplateReason::Caption),
    ("newsletter", BoilerplateReason::Newsletter),
    ("signup", BoilerplateReason::Newsletter),
    ("sign-up", BoilerplateReason::Newsletter),
    ("paywall", BoilerplateReason::Newsletter),
    ("cookie", BoilerplateReason::Other),
    ("consent", BoilerplateReason::Other),
    ("gdpr", BoilerplateReason::Other),
    ("related", BoilerplateReason::RelatedLinks),
    ("recommend", BoilerplateReason::RelatedLinks),
    ("outbrain", BoilerplateReason::RelatedLinks),
    ("taboola", BoilerplateReason::RelatedLinks),
    ("recirc", BoilerplateReason::RelatedLinks),
    ("morestories", BoilerplateReason::RelatedLinks),
    ("more-stories", BoilerplateReason::RelatedLinks),
    ("mostpopular", BoilerplateReason::RelatedLinks),
    ("most-popular", BoilerplateReason::RelatedLinks),
    ("most-read", BoilerplateReason::RelatedLinks),
    ("trending", BoilerplateReason::RelatedLinks),
    ("readmore", BoilerplateReason::Teaser),
    ("read-more", BoilerplateReason::Teaser),
    ("teaser", BoilerplateReason::Teaser),
    ("breadcrumb", BoilerplateReason::Navigation),
    ("pagination", BoilerplateReason::Navigation),
    ("comment", BoilerplateReason::Comments),
    ("disqus", BoilerplateReason::Comments),
    ("advert", BoilerplateReason::Advertisement),
    ("sponsor", BoilerplateReason::Advertisement),
    ("byline", BoilerplateReason::Other),
    ("dateline", BoilerplateReason::Other),
    ("timestamp", BoilerplateReason::Other),
    ("author-bio", BoilerplateReason::Other),
    ("authorbio", BoilerplateReason::Other),
    ("sharing", BoilerplateReason::Share),
    ("social", BoilerplateReason::Share),
    ("sidebar", BoilerplateReason::RelatedLinks),
    ("footer", BoilerplateReason::Footer),
    ("masthead", BoilerplateReason::Navigation),
    ("skip-link", BoilerplateReason::Navigation),
    ("modal", BoilerplateReason::Other),
    ("popup", BoilerplateReason::Other),
    ("rollover", BoilerplateReason::Other),
    ("tooltip", BoilerplateReason::Other),
    ("popover", BoilerplateReason::Other),
];

/// Markers that also name page layout ("sidebar-grid__content", "paywall" on the story's own
/// paragraphs, "widget" around an embed): an element marked only by one of these is pruned
/// when it holds no paragraph of prose.
const LAYOUT_MARKERS: &[&str] = &[
    "paywall", "sidebar", "footer", "masthead", "modal", "popup", "widget", "meta",
];
/// A text run this long (bytes, outside links) is a paragraph of prose.
const PARAGRAPH_RUN: usize = 150;

/// Whole tokens of a class or id (split at anything but letters and digits) that mark
/// boilerplate; these are too short to match inside other words.
const MARKER_TOKENS: &[(&str, BoilerplateReason)] = &[
    ("share", BoilerplateReason::Share),
    ("shares", BoilerplateReason::Share),
    ("sharebar", BoilerplateReason::Share),
    ("ad", BoilerplateReason::Advertisement),
    ("ads", BoilerplateReason::Advertisement),
    ("adslot", BoilerplateReason::Advertisement),
    ("promo", BoilerplateReason::Advertisement),
    ("subscribe", BoilerplateReason::Newsletter),
    ("subscription", BoilerplateReason::Newsletter),
    ("tags", BoilerplateReason::Navigation),
    ("nav", BoilerplateReason::Navigation),
    ("menu", BoilerplateReason::Navigation),
    ("widget", BoilerplateReason::RelatedLinks),
    ("meta", BoilerplateReason::Other),
    ("toolbar", BoilerplateReason::Share),
];

/// Why an element is boilerplate by its markup alone, if it is.
fn classify(node: &NodeRef) -> Option<(BoilerplateReason, bool)> {
    node.query(|tree_node| {
        let NodeData::Element(element) = &tree_node.data else {
            return None;
        };
        let tag: &str = &element.name.local;
        let by_tag = match tag {
            "nav" => Some(BoilerplateReason::Navigation),
            "aside" => Some(BoilerplateReason::RelatedLinks),
            "footer" => Some(BoilerplateReason::Footer),
            // The story's header: headline, deck, byline and date, which the metadata
            // carries. Only one holding the headline (`<h1>`): headers of teaser cards are
            // left to the election. The prose guard keeps one that wraps the story itself.
            "header" if holds_headline(node) => Some(BoilerplateReason::Other),
            "figcaption" => Some(BoilerplateReason::Caption),
            "form" => Some(BoilerplateReason::Newsletter),
            "button" | "select" | "textarea" | "input" | "dialog" => Some(BoilerplateReason::Other),
            "script" | "style" | "noscript" | "template" | "iframe" | "svg" => {
                Some(BoilerplateReason::Other)
            }
            _ => None,
        };
        if let Some(reason) = by_tag {
            return Some((reason, false));
        }
        let mut names = String::new();
        for attr in &element.attrs {
            let name: &str = &attr.name.local;
            match name {
                "class" | "id" => {
                    names.push_str(&attr.value.to_ascii_lowercase());
                    names.push(' ');
                }
                "role" => {
                    let role = attr.value.to_ascii_lowercase();
                    let by_role = match role.trim() {
                        "navigation" | "menu" | "menubar" | "search" => {
                            Some(BoilerplateReason::Navigation)
                        }
                        "complementary" => Some(BoilerplateReason::RelatedLinks),
                        "contentinfo" => Some(BoilerplateReason::Footer),
                        "banner" | "dialog" | "alertdialog" => Some(BoilerplateReason::Other),
                        _ => None,
                    };
                    if let Some(reason) = by_role {
                        return Some((reason, false));
                    }
                }
                "hidden" => return Some((BoilerplateReason::Other, false)),
                "style" => {
                    let style = attr.value.to_ascii_lowercase();
                    let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect();
                    if compact.contains("display:none") || compact.contains("visibility:hidden") {
                        return Some((BoilerplateReason::Other, false));
                    }
                }
                _ => {}
            }
        }
        if names.is_empty() {
            return None;
        }
        for (marker, reason) in MARKER_SUBSTRINGS {
            if names.contains(marker) {
                return Some((*reason, LAYOUT_MARKERS.contains(marker)));
            }
        }
        for token in names.split(|c: char| !c.is_ascii_alphanumeric()) {
            if token.is_empty() {
                continue;
            }
            for (marker, reason) in MARKER_TOKENS {
                if token == *marker {
                    return Some((*reason, LAYOUT_MARKERS.contains(marker)));
                }
            }
        }
        None
    })
    .flatten()
}

/// A run of text at least this long (bytes, trimmed) reads as prose rather than a link or label.
const MIN_PROSE_RUN: usize = 60;

/// Walks the text under `node`, outside scripts, styles and links, calling `visit` with each
/// text node and its trimmed length in bytes. Link text is left out because it is never the
/// story's prose, while menus of teasers can hold more words than a short story.
fn for_each_text(node: &NodeRef, mut visit: impl FnMut(usize)) {
    let mut stack = vec![*node];
    while let Some(current) = stack.pop() {
        let (text_len, descend) = current
            .query(|n| match &n.data {
                NodeData::Text { contents } => (contents.trim().len(), false),
                NodeData::Element(e) => (
                    0,
                    !matches!(
                        &*e.name.local,
                        "script" | "style" | "noscript" | "template" | "svg" | "a"
                    ),
                ),
                _ => (0, false),
            })
            .unwrap_or((0, false));
        if text_len > 0 {
            visit(text_len);
        }
        if descend {
            let mut child = current.first_child();
            while let Some(c) = child {
                stack.push(c);
                child = c.next_sibling();
            }
        }
    }
}

/// Whether `node` holds a text run long enough to be a paragraph of prose.
fn holds_paragraph(node: &NodeRef) -> bool {
    let mut found = false;
    for_each_text(node, |len| found |= len >= PARAGRAPH_RUN);
    found
}

/// Bytes of prose under `node`: text runs long enough to be sentences. Pages that separate
/// paragraphs with `<br>` instead of `<p>` count the same.
fn prose_chars(node: &NodeRef) -> usize {
    let mut total = 0;
    for_each_text(node, |len| {
        if len >= MIN_PROSE_RUN {
            total += len;
        }
    });
    total
}

/// Whether `node` holds an `<h1>`.
fn holds_headline(node: &NodeRef) -> bool {
    node.descendants_it().any(|descendant| {
        descendant
            .query(|n| matches!(&n.data, NodeData::Element(e) if &*e.name.local == "h1"))
            .unwrap_or(false)
    })
}

/// Classes of the `<blockquote>` that social networks' embed codes leave in a page.
const EMBEDDED_POST_CLASSES: &[&str] = &["twitter-tweet", "instagram-media", "tiktok-embed"];

/// Whether `node` holds a post embedded from a social network: part of the story (a quoted
/// statement), even when its wrapper's class says "social" or "widget".
fn holds_embedded_post(node: &NodeRef) -> bool {
    node.descendants_it().any(|descendant| {
        descendant
            .query(|n| match &n.data {
                NodeData::Element(e) if &*e.name.local == "blockquote" => e
                    .class()
                    .is_some_and(|class| EMBEDDED_POST_CLASSES.iter().any(|c| class.contains(c))),
                _ => false,
            })
            .unwrap_or(false)
    })
}

/// Whether pieces set aside for this reason are worth showing a reader.
fn is_reported(reason: BoilerplateReason) -> bool {
    matches!(
        reason,
        BoilerplateReason::RelatedLinks
            | BoilerplateReason::Caption
            | BoilerplateReason::Newsletter
            | BoilerplateReason::Teaser
    )
}

/// Removes boilerplate containers from the document, reporting the story-adjacent ones.
pub(crate) fn prune(document: &Document, reported: &mut Reported) {
    let Some(body) = document.body() else {
        return;
    };
    let total_prose = prose_chars(&body);
    let guard = (total_prose as f64 * MAX_PRUNED_SHARE) as usize;

    // Depth-first in document order, not descending into what is doomed.
    let mut doomed: Vec<(NodeRef, BoilerplateReason)> = Vec::new();
    let mut stack = body.element_children();
    stack.reverse();
    while let Some(node) = stack.pop() {
        if let Some((reason, layout)) = classify(&node)
            && !(layout && holds_paragraph(&node))
        {
            let inner = prose_chars(&node);
            if (inner < MIN_GUARDED_CHARS || inner <= guard) && inner * 2 <= total_prose {
                if !holds_embedded_post(&node) {
                    doomed.push((node, reason));
                    continue;
                }
                // An embedded post's wrapper: its class ("social-embed") would make the
                // election drop it as a share box, so the class goes instead.
                node.remove_attrs(&["class", "id"]);
            }
        }
        let mut children = node.element_children();
        children.reverse();
        stack.extend(children);
    }
    for (node, reason) in &doomed {
        if is_reported(*reason) {
            let text = node.text();
            if !text.trim().is_empty() {
                reported.push(&text, *reason);
            }
        }
    }
    for (node, _) in doomed {
        node.remove_from_parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pruned(html: &str) -> (String, Reported) {
        let document = Document::from(html);
        let mut reported = Reported::default();
        prune(&document, &mut reported);
        let text = document
            .body()
            .map(|b| b.text().to_string())
            .unwrap_or_default();
        (text, reported)
    }

    #[test]
    fn removes_marked_containers_and_reports_story_adjacent_ones() {
        let (text, reported) = pruned(
            "<body><nav>Home News</nav><p>The story.</p>\
             <div class='related-articles'><a href=x>Other headline</a></div>\
             <figure><img src=x><figcaption>A photo.</figcaption></figure>\
             <div class='share-tools'>Share on Facebook</div></body>",
        );
        assert_eq!(text.trim(), "The story.");
        let reasons: Vec<BoilerplateReason> = reported.items.iter().map(|b| b.reason).collect();
        assert_eq!(
            reasons,
            vec![BoilerplateReason::RelatedLinks, BoilerplateReason::Caption]
        );
    }

    #[test]
    fn keeps_a_marked_element_that_holds_the_story() {
        let story = "A long paragraph of the story. ".repeat(40);
        let (text, _) = pruned(&format!(
            "<body><div class='post has-comments'><p>{story}</p></div><p>short</p></body>"
        ));
        assert!(text.contains("A long paragraph"));
    }

    #[test]
    fn short_tokens_match_whole_words_only() {
        let (text, _) =
            pruned("<body><div class='header'>kept</div><div class='ad'>gone</div></body>");
        assert_eq!(text.trim(), "kept");
    }
}
