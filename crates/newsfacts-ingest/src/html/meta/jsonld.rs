//! JSON-LD (`<script type="application/ld+json">`): parses every block leniently, flattens
//! arrays, `@graph` and nested entities, resolves `@id` references, and picks the object that
//! describes the page's own article.

use std::collections::HashMap;

use dom_query::Document;
use serde_json::{Map, Value};

/// How deep nested entities are followed; real pages nest three or four levels.
const MAX_DEPTH: usize = 12;

/// Keys whose values describe other works (related stories, live-blog entries, lists), not the
/// page's article; entities under them must not be mistaken for it.
const FOREIGN_KEYS: &[&str] = &[
    "itemListElement",
    "liveBlogUpdate",
    "hasPart",
    "relatedLink",
    "significantLink",
    "comment",
    "review",
    "citation",
    "isPartOf",
    "about",
    "mentions",
    "subjectOf",
    "workExample",
    "isBasedOn",
    "recipe",
    "video",
    "associatedMedia",
];

/// One entity found in the page's JSON-LD.
pub(super) struct Entity {
    pub value: Map<String, Value>,
    /// Whether it sits where a list of other works sits (see [`FOREIGN_KEYS`]).
    pub foreign: bool,
}

/// All JSON-LD entities of a page.
#[derive(Default)]
pub(super) struct JsonLd {
    pub entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
}

impl JsonLd {
    pub fn collect(doc: &Document) -> Self {
        let mut jsonld = JsonLd::default();
        for node in doc.select("script").nodes() {
            let is_jsonld = node.attr("type").is_some_and(|t| {
                t.trim()
                    .to_ascii_lowercase()
                    .starts_with("application/ld+json")
            });
            if !is_jsonld {
                continue;
            }
            if let Some(value) = parse_lenient(&node.text()) {
                jsonld.flatten(value, false, 0);
            }
        }
        jsonld
    }

    fn flatten(&mut self, value: Value, foreign: bool, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match value {
            Value::Array(items) => {
                for item in items {
                    self.flatten(item, foreign, depth + 1);
                }
            }
            Value::Object(map) => {
                let mut nested = Vec::new();
                for (key, child) in &map {
                    if matches!(child, Value::Object(_) | Value::Array(_)) {
                        let child_foreign = foreign || FOREIGN_KEYS.contains(&key.as_str());
                        nested.push((child.clone(), child_foreign));
                    }
                }
                let has_content = map.keys().any(|k| k != "@id" && k != "@context");
                if has_content {
                    if let Some(id) = map.get("@id").and_then(Value::as_str) {
                        self.by_id
                            .entry(id.to_owned())
                            .or_insert(self.entities.len());
                    }
                    self.entities.push(Entity {
                        value: map,
                        foreign,
                    });
                }
                for (child, child_foreign) in nested {
                    self.flatten(child, child_foreign, depth + 1);
                }
            }
            _ => {}
        }
    }

    /// The entity a bare `{"@id": ...}` reference points at, or the object itself.
    pub fn resolve<'s>(&'s self, value: &'s Map<String, Value>) -> &'s Map<String, Value> {
        let only_id = value.keys().all(|k| k == "@id" || k == "@type");
        if only_id {
            if let Some(found) = value
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| self.by_id.get(id))
                .and_then(|&i| self.entities.get(i))
            {
                return &found.value;
            }
        }
        value
    }

    /// The entity that describes the page's article: an `Article`-like type, preferring one
    /// whose URL is the page's, then one with a headline, never one from a list of other works.
    pub fn article(&self, page_url: Option<&str>) -> Option<&Map<String, Value>> {
        let page_key = page_url.map(url_key);
        let mut best: Option<(i32, &Map<String, Value>)> = None;
        for entity in &self.entities {
            if entity.foreign || !is_article(&entity.value) {
                continue;
            }
            let value = &entity.value;
            let mut score = 0;
            if let Some(page_key) = &page_key {
                let urls = ["url", "@id", "mainEntityOfPage"]
                    .iter()
                    .filter_map(|k| value.get(*k))
                    .filter_map(|v| match v {
                        Value::String(s) => Some(s.as_str()),
                        Value::Object(o) => o.get("@id").and_then(Value::as_str),
                        _ => None,
                    });
                if urls.map(url_key).any(|u| &u == page_key) {
                    score += 4;
                }
            }
            if value.contains_key("headline") {
                score += 2;
            }
            if value.contains_key("datePublished") {
                score += 1;
            }
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, value));
            }
        }
        best.map(|(_, v)| v)
    }

    /// Entities of the given type (e.g. `Organization`, `WebSite`).
    pub fn of_type<'s>(&'s self, wanted: &'s str) -> impl Iterator<Item = &'s Map<String, Value>> {
        self.entities
            .iter()
            .filter(move |e| types(&e.value).any(|t| t.eq_ignore_ascii_case(wanted)))
            .map(|e| &e.value)
    }
}

/// Parses one JSON-LD block, forgiving what real pages get wrong: HTML comment or CDATA
/// wrappers, raw newlines and tabs inside strings, trailing commas, trailing semicolons.
fn parse_lenient(raw: &str) -> Option<Value> {
    let trimmed = raw
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim()
        .trim_end_matches(';');
    if let Ok(value) = serde_json::from_str(trimmed) {
        return Some(value);
    }
    // Raw control characters are invalid inside JSON strings but harmless as whitespace
    // between tokens, so turning them into spaces repairs the first without breaking the
    // second.
    let repaired: String = trimmed
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if let Ok(value) = serde_json::from_str(&repaired) {
        return Some(value);
    }
    let without_trailing_commas = remove_trailing_commas(&repaired);
    serde_json::from_str(&without_trailing_commas).ok()
}

/// Drops commas that directly precede `}` or `]` outside strings.
fn remove_trailing_commas(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_string = false;
    let mut escaped = false;
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if c == '"' {
            in_string = true;
        } else if c == ',' {
            let next = chars[i + 1..].iter().find(|n| !n.is_whitespace());
            if matches!(next, Some('}') | Some(']')) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The `@type` values of an entity (a string or a list of strings).
pub(super) fn types(value: &Map<String, Value>) -> impl Iterator<Item = &str> {
    let list: Vec<&str> = match value.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    // Types are sometimes written as full IRIs: "http://schema.org/NewsArticle".
    list.into_iter().map(|t| t.rsplit('/').next().unwrap_or(t))
}

/// Whether the entity is a piece of writing of the kind a news page carries.
fn is_article(value: &Map<String, Value>) -> bool {
    types(value).any(|t| {
        let t = t.to_ascii_lowercase();
        t.ends_with("article")
            || t.ends_with("posting")
            || t == "claimreview"
            || (matches!(t.as_str(), "report" | "creativework") && value.contains_key("headline"))
    })
}

/// A URL reduced for comparison: no scheme, `www.`, query, fragment or trailing slash.
pub(super) fn url_key(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    rest.trim_start_matches("www.")
        .trim_end_matches('/')
        .to_lowercase()
}

/// The text values of a property: a string, the strings of a list, or the first entry of a
/// language map (`{"@value": ...}`).
pub(super) fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items.iter().flat_map(|item| strings(Some(item))).collect(),
        Some(Value::Object(o)) => strings(o.get("@value")),
        Some(Value::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(blocks: &[&str]) -> Document {
        let scripts: String = blocks
            .iter()
            .map(|b| format!("<script type=\"application/ld+json\">{b}</script>"))
            .collect();
        Document::from(format!("<html><head>{scripts}</head><body></body></html>"))
    }

    #[test]
    fn finds_the_article_in_a_graph_and_resolves_references() {
        let doc = page(&[r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","@id":"https://x.org/a#page","name":"A"},
            {"@type":"NewsArticle","headline":"Head","author":{"@id":"https://x.org/#jane"}},
            {"@type":"Person","@id":"https://x.org/#jane","name":"Jane Roe"}]}"#]);
        let jsonld = JsonLd::collect(&doc);
        let article = jsonld.article(None).map(|a| a["headline"].clone());
        assert_eq!(article, Some(Value::from("Head")));
        let author = jsonld.article(None).and_then(|a| a["author"].as_object());
        let resolved = author.map(|a| jsonld.resolve(a));
        assert_eq!(
            resolved.and_then(|r| r.get("name")),
            Some(&Value::from("Jane Roe"))
        );
    }

    #[test]
    fn repairs_common_breakage_and_skips_related_lists() {
        let doc = page(&[
            "<!-- {\"@type\":\"ItemList\",\"itemListElement\":[{\"@type\":\"NewsArticle\",\"headline\":\"Other\"}],} -->",
            "{\"@type\":\"http://schema.org/Article\",\"headline\":\"Mine\nhere\",}",
        ]);
        let jsonld = JsonLd::collect(&doc);
        let headline = jsonld
            .article(None)
            .and_then(|a| a.get("headline").cloned());
        assert_eq!(headline, Some(Value::from("Mine here")));
    }

    #[test]
    fn prefers_the_article_whose_url_is_the_page() {
        let doc = page(&[
            r#"[{"@type":"NewsArticle","headline":"Teaser","url":"https://x.org/b"},
                {"@type":"NewsArticle","headline":"Page","url":"https://www.x.org/a/"}]"#,
        ]);
        let jsonld = JsonLd::collect(&doc);
        let headline = jsonld
            .article(Some("http://x.org/a?utm=1"))
            .and_then(|a| a.get("headline").cloned());
        assert_eq!(headline, Some(Value::from("Page")));
    }
}
