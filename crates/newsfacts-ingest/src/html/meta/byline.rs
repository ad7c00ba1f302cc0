//! The byline: authors' names from JSON-LD, author meta tags, microdata, `rel=author` links and
//! the byline markup most sites use, split into single names and cleaned of "By", roles,
//! e-mail addresses, links and dates.

use std::sync::LazyLock;

use dom_query::NodeRef;
use regex::Regex;
use serde_json::Value;

use super::jsonld;
use super::text::{alnum_key, clean};
use super::{PageSignals, in_foreign_region};

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

/// Selectors of byline markup, most specific first. Attribute matches are
/// case-insensitive (`i`) because class names are written `authorName`, `AuthorName` and
/// `author-name` alike.
const BYLINE_SELECTORS: &[&str] = &[
    "[itemprop=author] [itemprop=name]",
    "[itemprop=author]",
    "a[rel=author]",
    "[rel=author]",
    "[class*=byline i] [class*=author i]",
    "[class*=byline i] a",
    "[class*=byline i]",
    "[class*=author-name i]",
    "[class*=author__name i]",
    "[class*=author_name i]",
    "[class*=authorname i]",
    "[data-testid*=byline i]",
    "[class*=authorlist i] a",
    "[class*=article-author i]",
    "[class*=article__author i]",
    "[class*=author i] a[href*=autor]",
    "[class*=author i] a[href*=author]",
    ".author",
    "a[href*=\"/author/\"]",
    "a[href*=\"/authors/\"]",
    "a[href*=\"/autor/\"]",
    "a[href*=\"/autoren/\"]",
];

/// Longest plausible single name, in characters.
const MAX_NAME_CHARS: usize = 60;
/// Most words in one name ("María José García de la Fuente").
const MAX_NAME_WORDS: usize = 6;
/// Byline elements longer than this are containers (author boxes with biographies), not
/// bylines.
const MAX_BYLINE_ELEMENT_CHARS: usize = 200;
/// A byline's container (holding several authors' links) is at most this long.
const MAX_BYLINE_CONTAINER_CHARS: usize = 300;

/// Where a raw byline string came from: markup text needs stricter checks than values that
/// were written as metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    Metadata,
    Markup,
}

pub(super) fn extract(page: &PageSignals) -> Vec<String> {
    // Sources from most to least trusted. A source that only names the site itself ("Example
    // Times" as author) is remembered but does not stop the search for a person.
    let sources: [&dyn Fn() -> Vec<String>; 6] = [
        &|| jsonld_people(page),
        &|| jsonld_organisations(page),
        &|| {
            clean_page_names(
                page,
                &meta_authors(page, AUTHOR_META_KEYS),
                Origin::Metadata,
            )
        },
        &|| clean_page_names(page, &twitter_card_authors(page), Origin::Metadata),
        &|| clean_page_names(page, &meta_authors_by_suffix(page), Origin::Metadata),
        &|| names_from_markup(page),
    ];
    let mut site_only: Vec<String> = Vec::new();
    for source in sources {
        let names = source();
        if names.is_empty() {
            continue;
        }
        let (site, people): (Vec<String>, Vec<String>) =
            names.into_iter().partition(|n| page.is_site_name(n));
        if !people.is_empty() {
            return people;
        }
        if site_only.is_empty() {
            site_only = site;
        }
    }
    site_only
}

/// The values of the first of `keys` whose meta tags hold a name.
fn meta_authors(page: &PageSignals, keys: &[&str]) -> Vec<String> {
    for key in keys {
        let values: Vec<String> = page.meta_all(key).map(str::to_owned).collect();
        if !clean_names(&values, Origin::Metadata).is_empty() {
            return values;
        }
    }
    Vec::new()
}

/// Other analytics and CMS tags that name the author: `DCSext.author`, `cXenseParse:author`
/// and the like.
fn meta_authors_by_suffix(page: &PageSignals) -> Vec<String> {
    page.metas
        .iter()
        .filter(|(key, _)| {
            !AUTHOR_META_KEYS.contains(&key.as_str())
                && [".author", ":author", "-author", "_author"]
                    .iter()
                    .any(|suffix| key.ends_with(suffix))
        })
        .map(|(_, value)| value.clone())
        .collect()
}

/// Twitter card extras: `twitter:label1` = "Written by" with the name in `twitter:data1`, or
/// `twitter:misc:Written by`.
fn twitter_card_authors(page: &PageSignals) -> Vec<String> {
    let mut out: Vec<String> = page
        .meta_all("twitter:misc:written by")
        .map(str::to_owned)
        .collect();
    for (key, value) in &page.metas {
        let Some(n) = key.strip_prefix("twitter:label") else {
            continue;
        };
        let label = value.to_lowercase();
        if label.contains("written by") || label.contains("author") || label.contains("autor") {
            let data_key = format!("twitter:data{n}");
            out.extend(page.meta_all(&data_key).map(str::to_owned));
        }
    }
    out
}

/// Names from byline markup. For each selector, only the first match's byline is read: the
/// matches within the largest short container around it, so a list of authors is kept
/// whole while teaser bylines elsewhere on the page are not mixed in.
fn names_from_markup(page: &PageSignals) -> Vec<String> {
    for selector in BYLINE_SELECTORS {
        let Some(selection) = page.doc.try_select(selector) else {
            continue;
        };
        let nodes: Vec<NodeRef> = selection
            .nodes()
            .iter()
            .filter(|n| !in_foreign_region(page, n))
            .take(50)
            .cloned()
            .collect();
        let Some(first) = nodes.first() else {
            continue;
        };
        let container = byline_container(first);
        let mut raw = Vec::new();
        for node in nodes.iter().filter(|n| is_inside(n, &container)).take(10) {
            let text = match node.node_name().as_deref() {
                Some("meta") | Some("link") => node.attr("content").map(|c| c.to_string()),
                _ => Some(spaced_text(node)),
            };
            if let Some(text) = text.filter(|t| t.chars().count() <= MAX_BYLINE_ELEMENT_CHARS) {
                raw.push(text);
            }
        }
        let names = clean_page_names(page, &raw, Origin::Markup);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// An element's text with a space between its text nodes: bylines put names and credits in
/// adjacent elements (`<span>Jane Doe</span><span>Example Wire</span>`) that plain text
/// concatenation would fuse into "Jane DoeExample Wire".
fn spaced_text(node: &NodeRef) -> String {
    let mut out = String::new();
    for descendant in node.descendants_it() {
        if descendant.is_text() {
            out.push_str(&descendant.text());
            out.push(' ');
        }
    }
    out
}

/// The largest ancestor (up to four levels) of a byline element that is still short enough
/// to be the byline itself.
fn byline_container<'a>(node: &NodeRef<'a>) -> NodeRef<'a> {
    let mut container = *node;
    for ancestor in node.ancestors_it(Some(4)) {
        if ancestor.text().chars().count() > MAX_BYLINE_CONTAINER_CHARS {
            break;
        }
        container = ancestor;
    }
    container
}

fn is_inside(node: &NodeRef, container: &NodeRef) -> bool {
    node.id == container.id || node.ancestors_it(None).any(|a| a.id == container.id)
}

/// Authors of the page's JSON-LD article, people and organisations apart.
fn jsonld_authors(page: &PageSignals) -> (Vec<String>, Vec<String>) {
    let Some(article) = page.jsonld.article(page.url.as_deref()) else {
        return (Vec::new(), Vec::new());
    };
    let mut people = Vec::new();
    let mut organisations = Vec::new();
    for key in ["author", "creator"] {
        collect_jsonld_authors(page, article.get(key), &mut people, &mut organisations, 0);
        if !people.is_empty() || !organisations.is_empty() {
            break;
        }
    }
    (people, organisations)
}

fn jsonld_people(page: &PageSignals) -> Vec<String> {
    clean_page_names(page, &jsonld_authors(page).0, Origin::Metadata)
}

fn jsonld_organisations(page: &PageSignals) -> Vec<String> {
    clean_page_names(page, &jsonld_authors(page).1, Origin::Metadata)
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

/// Words that mark a segment as a date or page chrome rather than a name.
static CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:updated|published|aktualisiert|veröffentlicht|follow|share|read|more|minutes?|min|hours?|ago|comments?|subscribe|newsletter|email|e-mail|twitter|facebook|instagram|linkedin|about|profile|view|all|posts|articles|stories|contact|home|menu|search|sign|login|advertisement|sponsored|getty|images|shutterstock|photo|foto|bild|picture|image|copyright|rights|reserved|admin|administrator|webmaster|guest|anonymous|unknown|january|february|march|april|june|july|august|september|october|november|december|januar|februar|märz|juni|juli|oktober|dezember|tue|wed|thu|fri|sat|today|yesterday)\b",
    )
    .unwrap_or_else(|_| unreachable!("constant pattern"))
});

/// Job titles that follow a name in bylines ("Jane Doe, Senior Correspondent").
const ROLE_WORDS: &[&str] = &[
    "reporter",
    "reporters",
    "correspondent",
    "editor",
    "editors",
    "writer",
    "journalist",
    "contributor",
    "columnist",
    "photographer",
    "producer",
    "analyst",
    "intern",
    "chief",
    "senior",
    "deputy",
    "associate",
    "managing",
    "executive",
    "political",
    "foreign",
    "economics",
    "business",
    "sports",
    "science",
    "health",
    "technology",
    "national",
    "international",
    "investigations",
    "special",
    "staff",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "journaliste",
    "rédacteur",
    "rédactrice",
    "periodista",
    "redactor",
    "redactora",
    "giornalista",
    "inviato",
    "inviata",
];

/// Academic and professional credentials written after names ("Jane Doe, MS, RDN").
const CREDENTIALS: &[&str] = &[
    "md", "phd", "ms", "msc", "ma", "mba", "rd", "rdn", "rn", "mph", "cpt", "dds", "jd", "esq",
    "ba", "bsc", "lcsw", "np", "pa-c", "cfa", "cpa",
];

/// Lowercase words that belong inside names ("Ludwig van Beethoven", "Rodrigo de la Cruz").
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "la",
    "le", "les", "bin", "binti", "al", "el", "ibn", "y", "e", "zu", "ten", "ter", "af", "av",
];

/// Role words that are only ever titles; "Staff" in "Example Staff" is a collective credit.
fn is_strong_role(word: &str) -> bool {
    word != "staff" && ROLE_WORDS.contains(&word)
}

/// Job titles written after names in Korean, Japanese and Chinese bylines ("신현주 기자").
static CJK_ROLE_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:기자|특파원|논설위원|선임기자|記者|记者|特派員|特派员|編集委員|通讯员)$")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});

/// Splits raw byline strings into single, cleaned names; drops what is not a name; removes
/// duplicates (case-insensitively), keeping the first spelling.
pub(super) fn clean_names(raw: &[String], origin: Origin) -> Vec<String> {
    clean_names_on(raw, origin, None)
}

/// [`clean_names`] for a page: when a value starts with the site's own name, what follows is
/// its address or description ("example.com, Frankfurt, Germany"), not more authors.
fn clean_page_names(page: &PageSignals, raw: &[String], origin: Origin) -> Vec<String> {
    clean_names_on(raw, origin, Some(page))
}

fn clean_names_on(raw: &[String], origin: Origin, page: Option<&PageSignals>) -> Vec<String> {
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
        // An unclosed bracket starts a note that was cut off: "Deutsche Welle (".
        let value = value.split(['(', '[']).next().unwrap_or_default();
        let value = BY_PREFIX.replace(value, "");
        for (index, (segment, separator)) in split_with_separators(&value).into_iter().enumerate() {
            let segment = BY_PREFIX.replace(segment, "");
            let Some(name) = clean_name(&segment, origin) else {
                continue;
            };
            // After the first name, a segment that carried a job title is the title of the
            // name before it ("Jane Doe, AP Business Writer"), not another author.
            if index > 0 && name.split_whitespace().count() < segment.split_whitespace().count() {
                let role_cut =
                    strip_trailing_role(&segment).is_some_and(|kept| kept != segment.trim());
                if role_cut {
                    continue;
                }
            }
            // "example.com, Frankfurt, Germany": a list after the site's name is its address;
            // "Example Times and Wire" joins two credits.
            let starts_with_site = index == 0
                && matches!(separator.trim(), "," | ";" | "|" | "/" | "·" | "•")
                && page.is_some_and(|p| p.is_site_name(&name));
            let key = alnum_key(&name);
            if !keys.contains(&key) {
                keys.push(key);
                names.push(name);
            }
            if starts_with_site {
                break;
            }
        }
    }
    names
}

/// The segments between [`SPLITTER`] matches, each with the separator that follows it (empty
/// after the last).
fn split_with_separators(value: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for found in SPLITTER.find_iter(value) {
        out.push((&value[start..found.start()], found.as_str()));
        start = found.end();
    }
    out.push((&value[start..], ""));
    out
}

/// One segment of a byline as a name, or `None` when it is not one.
fn clean_name(segment: &str, origin: Origin) -> Option<String> {
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
    let name = CJK_ROLE_SUFFIX.replace(&name, "").into_owned();
    let name = strip_trailing_role(&name)?;
    let chars = name.chars().count();
    if !(2..=MAX_NAME_CHARS).contains(&chars) {
        return None;
    }
    if name.split_whitespace().count() > MAX_NAME_WORDS {
        return None;
    }
    if name.chars().any(|c| c.is_ascii_digit()) || !name.chars().any(char::is_alphabetic) {
        return None;
    }
    if CHROME.is_match(&name) {
        return None;
    }
    if CREDENTIALS.contains(&name.to_lowercase().trim_end_matches('.')) {
        return None;
    }
    // Names are capitalised words with the odd particle; two plain lowercase words make a
    // phrase ("defense ministries"). Job-title words are allowed ("Example staff reporter").
    let plain_lowercase_words = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| {
            let w = w.to_lowercase();
            !NAME_PARTICLES.contains(&w.as_str()) && !ROLE_WORDS.contains(&w.as_str())
        })
        .count();
    if plain_lowercase_words >= 2 {
        return None;
    }
    // In running text a lowercase start means prose ("posted in", "and more"); metadata
    // values may be lowercase names ("dpa", "example.com"). Scripts without case pass.
    let first_letter = name.chars().find(|c| c.is_alphabetic())?;
    if origin == Origin::Markup && first_letter.is_lowercase() {
        return None;
    }
    Some(name)
}

/// Removes a capitalised job title after a name ("Jane Doe Senior Reporter" → "Jane Doe");
/// `None` when the segment is nothing but a title ("Senior Correspondent", "staff").
fn strip_trailing_role(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_role = |w: &&str| ROLE_WORDS.contains(&w.to_lowercase().as_str());
    let role_run = words.iter().rev().take_while(|w| is_role(w)).count();
    if role_run == words.len() {
        return None;
    }
    if role_run == 0 {
        return Some(name.to_owned());
    }
    let run = &words[words.len() - role_run..];
    let starts_capitalised = run
        .first()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    let has_strong_role = run.iter().any(|w| is_strong_role(&w.to_lowercase()));
    if starts_capitalised && has_strong_role {
        Some(words[..words.len() - role_run].join(" "))
    } else {
        Some(name.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &[&str]) -> Vec<String> {
        clean_names(
            &raw.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            Origin::Metadata,
        )
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
    fn keeps_collective_credits_and_strips_titles() {
        assert_eq!(names(&["Example Staff"]), vec!["Example Staff"]);
        assert_eq!(
            names(&["Example staff reporter"]),
            vec!["Example staff reporter"]
        );
        assert_eq!(names(&["Jane Doe Senior Reporter"]), vec!["Jane Doe"]);
        assert!(names(&["Staff Writer"]).is_empty());
        assert_eq!(names(&["dpa"]), vec!["dpa"]);
        assert_eq!(names(&["Example Wire ("]), vec!["Example Wire"]);
        assert_eq!(names(&["김민수 기자"]), vec!["김민수"]);
        assert_eq!(names(&["JANE DOE, AP Business Writer"]), vec!["JANE DOE"]);
        assert_eq!(names(&["Jane Doe, MS, RDN"]), vec!["Jane Doe"]);
        assert_eq!(
            names(&["Ludwig van Beethoven"]),
            vec!["Ludwig van Beethoven"]
        );
        assert!(names(&["the defense ministries"]).is_empty());
        assert!(names(&["admin"]).is_empty());
    }

    #[test]
    fn dedupes_case_insensitively() {
        assert_eq!(
            names(&["Jane Doe", "JANE DOE", "jane doe"]),
            vec!["Jane Doe"]
        );
    }

    #[test]
    fn adjacent_elements_do_not_fuse() {
        let html = r#"<html><body><h1>H</h1><div class="byline">By <span>JANE DOE</span><span>Example Wire</span></div></body></html>"#;
        let doc = dom_query::Document::from(html);
        let page = PageSignals::collect(&doc, None);
        assert_eq!(extract(&page), vec!["JANE DOE Example Wire"]);
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
