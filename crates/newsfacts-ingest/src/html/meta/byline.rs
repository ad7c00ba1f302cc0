//! The byline: authors' names from JSON-LD, author meta tags, microdata, `rel=author` links and
//! the byline markup most sites use, split into single names and cleaned of "By", roles,
//! e-mail addresses, links and dates.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::PageSignals;
use super::jsonld;
use super::text::{alnum_key, clean};

/// Meta tags that name the author, in order of trust.
const AUTHOR_META_KEYS: &[&str] = &[
    "author",
    "article:author",
    "article:author_name",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "byl",
    "cxenseparse:author",
    "cxenseparse:recs:author",
];

/// Selectors of byline markup, most specific first.
const BYLINE_SELECTORS: &[&str] = &[
    "[itemprop=author] [itemprop=name]",
    "[itemprop=author]",
    "a[rel=author]",
    "[rel=author]",
    "[class*=byline] [class*=author]",
    "[class*=byline] a",
    "[class*=byline]",
    "[class*=author-name]",
    "[class*=author__name]",
    "[class*=authorName]",
    "[class*=AuthorName]",
    "[data-testid*=byline]",
    "[class*=article-author]",
    "[class*=article__author]",
    ".author",
    "[class*=Byline]",
];

/// Longest plausible single name, in characters.
const MAX_NAME_CHARS: usize = 60;
/// Most words in one name ("María José García de la Fuente").
const MAX_NAME_WORDS: usize = 6;
/// Byline elements longer than this are containers (author boxes with biographies), not
/// bylines.
const MAX_BYLINE_ELEMENT_CHARS: usize = 200;

pub(super) fn extract(page: &PageSignals) -> Vec<String> {
    let from_jsonld = names_from_jsonld(page);
    if !from_jsonld.is_empty() {
        return from_jsonld;
    }
    let mut raw: Vec<String> = Vec::new();
    for key in AUTHOR_META_KEYS {
        raw.extend(page.meta_all(key).map(str::to_owned));
        let names = clean_names(&raw);
        if !names.is_empty() {
            return names;
        }
    }
    for selector in BYLINE_SELECTORS {
        let mut raw = Vec::new();
        for node in page.doc.select(selector).nodes().iter().take(10) {
            let text = match node.node_name().as_deref() {
                Some("meta") | Some("link") => node.attr("content").map(|c| c.to_string()),
                _ => Some(node.text().to_string()),
            };
            if let Some(text) = text.filter(|t| t.chars().count() <= MAX_BYLINE_ELEMENT_CHARS) {
                raw.push(text);
            }
        }
        let names = clean_names(&raw);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// Authors of the page's JSON-LD article: people first; organisations only when no person is
/// named.
fn names_from_jsonld(page: &PageSignals) -> Vec<String> {
    let Some(article) = page.jsonld.article(page.url.as_deref()) else {
        return Vec::new();
    };
    let mut people = Vec::new();
    let mut organisations = Vec::new();
    for key in ["author", "creator"] {
        collect_jsonld_authors(page, article.get(key), &mut people, &mut organisations, 0);
        if !people.is_empty() || !organisations.is_empty() {
            break;
        }
    }
    let names = clean_names(&people);
    if !names.is_empty() {
        return names;
    }
    clean_names(&organisations)
}

fn collect_jsonld_authors(
    page: &PageSignals,
    value: Option<&Value>,
    people: &mut Vec<String>,
    organisations: &mut Vec<String>,
    depth: usize,
) {
    if depth > 4 {
        return;
    }
    match value {
        Some(Value::String(s)) => people.push(s.clone()),
        Some(Value::Array(items)) => {
            for item in items {
                collect_jsonld_authors(page, Some(item), people, organisations, depth + 1);
            }
        }
        Some(Value::Object(object)) => {
            let object = page.jsonld.resolve(object);
            let mut names = jsonld::strings(object.get("name"));
            if names.is_empty() {
                let given = jsonld::strings(object.get("givenName")).join(" ");
                let family = jsonld::strings(object.get("familyName")).join(" ");
                let full = format!("{given} {family}");
                if !full.trim().is_empty() {
                    names.push(full);
                }
            }
            let is_organisation = jsonld::types(object)
                .any(|t| t.ends_with("Organization") || t == "Corporation" || t == "WebSite");
            if is_organisation {
                organisations.extend(names);
            } else {
                people.extend(names);
            }
        }
        _ => {}
    }
}

static BY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?i:(?:written|reported|posted|text|story|words|photos?|interview|analysis)\s+)?(?:(?i:by|von|vom|par|por|door|przez|autor(?:in)?|author|auteur|text|texto|testo|tekst|reporter)|di|da|av|af|od)\s*[:\-–]?\s+",
    )
    .unwrap_or_else(|_| unreachable!("constant pattern"))
});

static SPLITTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s*(?:,|;|\||\u{3001}|\u{ff0c}|·|•|\s/\s|\n|\s(?:and|And|AND|&|und|UND|et|y|e|og|en|och|ja|és|i|a)\s)\s*",
    )
    .unwrap_or_else(|_| unreachable!("constant pattern"))
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").unwrap_or_else(|_| unreachable!("constant pattern"))
});

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|www\.)\S+").unwrap_or_else(|_| unreachable!("constant pattern"))
});

static PARENTHESISED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\([^)]*\)|\[[^\]]*\]").unwrap_or_else(|_| unreachable!("constant pattern"))
});

/// Words that mark a segment as a role, a date or page chrome rather than a name.
static NOT_A_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:reporter|correspondent|editor|editors|editorial|writer|journalist|contributor|columnist|staff|photographer|producer|analyst|intern|chief|senior|deputy|redakteur(?:in)?|korrespondent(?:in)?|journaliste|rédacteur|rédactrice|periodista|redactor|redactora|giornalista|inviato|updated|published|aktualisiert|veröffentlicht|follow|share|read|more|minutes?|min|hours?|ago|comments?|subscribe|newsletter|email|twitter|facebook|instagram|linkedin|about|profile|view|all|posts|articles|stories|contact|home|menu|search|sign|login|advertisement|sponsored|getty|images|shutterstock|photo|foto|bild|picture|image|copyright|rights|reserved|january|february|march|april|june|july|august|september|october|november|december|januar|februar|märz|juni|juli|oktober|dezember|tue|wed|thu|fri|sat|today|yesterday)\b",
    )
    .unwrap_or_else(|_| unreachable!("constant pattern"))
});

/// Splits raw byline strings into single, cleaned names; drops what is not a name; removes
/// duplicates (case-insensitively), keeping the first spelling.
pub(super) fn clean_names(raw: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for value in raw {
        let value = clean(value);
        if value.is_empty() {
            continue;
        }
        // A bare link (a profile URL in article:author) names nobody.
        if URL.is_match(&value) && value.split_whitespace().count() == 1 {
            continue;
        }
        let value = EMAIL.replace_all(&value, " ");
        let value = URL.replace_all(&value, " ");
        let value = PARENTHESISED.replace_all(&value, " ");
        let value = BY_PREFIX.replace(&value, "");
        for segment in SPLITTER.split(&value) {
            let segment = BY_PREFIX.replace(segment, "");
            let Some(name) = clean_name(&segment) else {
                continue;
            };
            let key = alnum_key(&name);
            if !keys.contains(&key) {
                keys.push(key);
                names.push(name);
            }
        }
    }
    names
}

/// One segment of a byline as a name, or `None` when it is not one.
fn clean_name(segment: &str) -> Option<String> {
    let name = segment
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | ';'
                        | ':'
                        | '|'
                        | '-'
                        | '–'
                        | '—'
                        | '/'
                        | '·'
                        | '•'
                        | '*'
                        | '"'
                        | '“'
                        | '”'
                )
        })
        .trim_start_matches('@');
    let name = super::text::normalize_whitespace(name);
    let chars = name.chars().count();
    if !(2..=MAX_NAME_CHARS).contains(&chars) {
        return None;
    }
    if name.split_whitespace().count() > MAX_NAME_WORDS {
        return None;
    }
    if name.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if !name.chars().any(char::is_alphabetic) {
        return None;
    }
    if NOT_A_NAME.is_match(&name) {
        return None;
    }
    // Latin-script names start with a capital; a lowercase start is running text ("posted
    // in", "and more"). Scripts without case (CJK, Arabic) pass.
    let first_letter = name.chars().find(|c| c.is_alphabetic())?;
    if first_letter.is_lowercase() {
        return None;
    }
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &[&str]) -> Vec<String> {
        clean_names(&raw.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn splits_and_drops_prefixes() {
        assert_eq!(
            names(&["By Jane Doe and John Smith"]),
            vec!["Jane Doe", "John Smith"]
        );
        assert_eq!(
            names(&["Von Anna Muster und Max Beispiel"]),
            vec!["Anna Muster", "Max Beispiel"]
        );
        assert_eq!(
            names(&["Ann Lee, Bo Kim & Cy Park"]),
            vec!["Ann Lee", "Bo Kim", "Cy Park"]
        );
    }

    #[test]
    fn drops_roles_emails_links_and_dates() {
        assert_eq!(names(&["Jane Doe, Senior Correspondent"]), vec!["Jane Doe"]);
        assert_eq!(names(&["Jane Doe jane@example.com"]), vec!["Jane Doe"]);
        assert!(names(&["https://www.facebook.com/janedoe"]).is_empty());
        assert_eq!(
            names(&["Jane Doe | Updated 12 March 2024"]),
            vec!["Jane Doe"]
        );
        assert_eq!(names(&["Jane Doe (AP)"]), vec!["Jane Doe"]);
    }

    #[test]
    fn dedupes_case_insensitively() {
        assert_eq!(
            names(&["Jane Doe", "JANE DOE", "jane doe"]),
            vec!["Jane Doe"]
        );
    }

    #[test]
    fn reads_jsonld_people_before_organisations() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@type":"NewsArticle","headline":"H","author":[
              {"@type":"Organization","name":"Example Wire"},
              {"@type":"Person","name":"Jane Doe"}, "John Smith"]}
            </script></head></html>"#;
        let doc = dom_query::Document::from(html);
        let page = PageSignals::collect(&doc, None);
        assert_eq!(extract(&page), vec!["Jane Doe", "John Smith"]);
    }

    #[test]
    fn falls_back_to_byline_markup() {
        let html = r#"<html><body><article><div class="byline">By <a href="/a/j">Jane Doe</a></div>
            <p>Story.</p></article></body></html>"#;
        let doc = dom_query::Document::from(html);
        let page = PageSignals::collect(&doc, None);
        assert_eq!(extract(&page), vec!["Jane Doe"]);
    }
}
