//! The publication date: from JSON-LD `datePublished`, publication meta tags, microdata,
//! `<time datetime>` in the article's header, and finally the URL (`/2023/09/15/`,
//! `20230915`). Every source is normalised to an ISO calendar date, `YYYY-MM-DD`, taken as
//! written (in the page's own time zone, not converted to UTC).

use std::sync::LazyLock;

use regex::Regex;

use super::jsonld;
use super::{PageSignals, in_foreign_region};

/// Meta tags that carry the publication date, in order of trust.
const PUBLISHED_META_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "published_time",
    "datepublished",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "date_published",
    "publication-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "cxenseparse:recs:publishtime",
    "date",
    "og:pubdate",
    "article:post_date",
    "datecreated",
];

/// Elements that carry the publication date in an attribute or their text, most specific
/// first.
const DATE_ELEMENT_SELECTORS: &[&str] = &[
    "[itemprop=datePublished]",
    "time[pubdate]",
    "article header time[datetime]",
    "header time[datetime]",
    "article time[datetime]",
    "main time[datetime]",
    "time[datetime]",
];

/// Oldest and newest years accepted: news on the web, with room for the future.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

pub(super) fn extract(page: &PageSignals) -> Option<String> {
    from_jsonld(page)
        .or_else(|| {
            PUBLISHED_META_KEYS
                .iter()
                .flat_map(|key| page.meta_all_loose(key))
                .find_map(parse_date)
        })
        .or_else(|| from_elements(page))
        .or_else(|| page.url.as_deref().and_then(date_from_url))
        .or_else(|| from_visible_text(page))
        .map(|d| d.to_string())
}

fn from_jsonld(page: &PageSignals) -> Option<CalendarDate> {
    let article = page.jsonld.article(page.url.as_deref())?;
    ["datePublished", "dateCreated"]
        .iter()
        .flat_map(|key| jsonld::strings(article.get(*key)))
        .find_map(|s| parse_date(&s))
}

fn from_elements(page: &PageSignals) -> Option<CalendarDate> {
    for selector in DATE_ELEMENT_SELECTORS {
        let nodes = page.doc.select(selector);
        for node in nodes
            .nodes()
            .iter()
            .filter(|n| !in_foreign_region(page, n))
            .take(5)
        {
            let found = ["datetime", "content", "data-date", "title"]
                .iter()
                .filter_map(|attr| node.attr(attr))
                .find_map(|v| parse_date(&v))
                .or_else(|| parse_date(&node.text()));
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// Elements whose text shows the date to readers ("Published 15 September 2023"), for pages
/// that carry it nowhere else; article headers first.
const DATE_TEXT_SELECTORS: &[&str] = &[
    "article header [class*=date i]",
    "header [class*=date i]",
    "article [class*=publish i]",
    "[class*=publish i]",
    "article [class*=date i]",
    "[class*=date i]",
    "[class*=byline i]",
    "[class*=dateline i]",
];

/// Longest element text read for a shown date: longer ones are containers.
const MAX_DATE_TEXT_CHARS: usize = 120;

fn from_visible_text(page: &PageSignals) -> Option<CalendarDate> {
    for selector in DATE_TEXT_SELECTORS {
        let Some(nodes) = page.doc.try_select(selector) else {
            continue;
        };
        for node in nodes
            .nodes()
            .iter()
            .filter(|n| !in_foreign_region(page, n))
            .take(5)
        {
            let text = node.text();
            if text.chars().count() > MAX_DATE_TEXT_CHARS {
                continue;
            }
            if let Some(found) = parse_date(&text) {
                return Some(found);
            }
        }
    }
    None
}

/// A validated calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CalendarDate {
    year: i32,
    month: u32,
    day: u32,
}

impl CalendarDate {
    fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        let valid = YEARS.contains(&year) && (1..=12).contains(&month) && day >= 1 && {
            day <= days_in_month(year, month)
        };
        valid.then_some(CalendarDate { year, month, day })
    }

    /// The UTC calendar date of a Unix timestamp in seconds.
    fn from_unix_seconds(seconds: i64) -> Option<Self> {
        let days = seconds.div_euclid(86_400);
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        CalendarDate::new(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }
}

impl std::fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn pattern(re: &str) -> Regex {
    Regex::new(re).unwrap_or_else(|_| unreachable!("constant pattern"))
}

static ISO: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^\D{0,40}?\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T|\D)"));
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^(\d{4})(\d{2})(\d{2})(?:T\d{2,6}(?:Z|[+-]\d{2,4})?)?$"));
static DAY_FIRST_NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\b(\d{1,2})([./-])(\d{1,2})[./-](\d{4})\b"));
/// "25.04.24": dotted day-first dates with a two-digit year, as German and Nordic sites show
/// them.
static DOTTED_SHORT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2})\b"));
static DAY_MONTH_NAME: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+|del\s+)?(\d{4})\b",
    )
});
static MONTH_NAME_DAY: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)\b(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"));
static CJK: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"));
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"[/_-]((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
});
static URL_COMPACT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?:^|[/_.-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
});

/// Month names and abbreviations in the languages news sites are most often written in.
fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    let name = name.trim_end_matches('.');
    const MONTHS: &[(&[&str], u32)] = &[
        (
            &[
                "january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro", "januari",
                "jänner", "stycznia",
            ],
            1,
        ),
        (
            &[
                "february",
                "feb",
                "februar",
                "février",
                "fevrier",
                "febrero",
                "febbraio",
                "fevereiro",
                "februari",
                "lutego",
            ],
            2,
        ),
        (
            &[
                "march", "mar", "märz", "maerz", "mars", "marzo", "março", "maart", "marca",
            ],
            3,
        ),
        (&["april", "apr", "avril", "abril", "aprile", "kwietnia"], 4),
        (&["may", "mai", "mayo", "maggio", "maio", "mei", "maja"], 5),
        (
            &[
                "june", "jun", "juni", "juin", "junio", "giugno", "junho", "czerwca",
            ],
            6,
        ),
        (
            &[
                "july", "jul", "juli", "juillet", "julio", "luglio", "julho", "lipca",
            ],
            7,
        ),
        (
            &[
                "august", "aug", "août", "aout", "agosto", "augustus", "sierpnia",
            ],
            8,
        ),
        (
            &[
                "september",
                "sep",
                "sept",
                "septembre",
                "septiembre",
                "settembre",
                "setembro",
                "września",
            ],
            9,
        ),
        (
            &[
                "october",
                "oct",
                "oktober",
                "okt",
                "octobre",
                "octubre",
                "ottobre",
                "outubro",
                "października",
            ],
            10,
        ),
        (
            &[
                "november",
                "nov",
                "novembre",
                "noviembre",
                "novembro",
                "listopada",
            ],
            11,
        ),
        (
            &[
                "december",
                "dec",
                "dezember",
                "dez",
                "décembre",
                "decembre",
                "diciembre",
                "dicembre",
                "dezembro",
                "grudnia",
            ],
            12,
        ),
    ];
    MONTHS
        .iter()
        .find(|(names, _)| names.contains(&name))
        .map(|&(_, number)| number)
}

/// Reads a date in any of the forms pages use: ISO 8601 (with or without time and zone),
/// compact `20230915`, Unix timestamps, RFC 2822, "15 September 2023", "September 15, 2023",
/// "15.09.2023", "2023年9月15日".
pub(super) fn parse_date(raw: &str) -> Option<CalendarDate> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        let n: i64 = s.parse().ok()?;
        return match s.len() {
            8 => compact(s),
            10 => CalendarDate::from_unix_seconds(n),
            13 => CalendarDate::from_unix_seconds(n / 1000),
            _ => None,
        };
    }
    if let Some(date) = compact(s) {
        return Some(date);
    }
    if let Some(c) = ISO.captures(s) {
        return CalendarDate::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    if let Some(c) = CJK.captures(s) {
        return CalendarDate::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    if let Some(c) = DAY_MONTH_NAME.captures(s) {
        if let Some(month) = month_number(&c[2]) {
            return CalendarDate::new(c[3].parse().ok()?, month, c[1].parse().ok()?);
        }
    }
    if let Some(c) = MONTH_NAME_DAY.captures(s) {
        if let Some(month) = month_number(&c[1]) {
            return CalendarDate::new(c[3].parse().ok()?, month, c[2].parse().ok()?);
        }
    }
    if let Some(c) = DAY_FIRST_NUMERIC.captures(s) {
        let first: u32 = c[1].parse().ok()?;
        let second: u32 = c[3].parse().ok()?;
        let year: i32 = c[4].parse().ok()?;
        // Dots are day-first everywhere; slashes are month-first in American usage, which
        // only the numbers themselves can tell apart.
        let (day, month) = if &c[2] == "/" && second > 12 && first <= 12 {
            (second, first)
        } else {
            (first, second)
        };
        return CalendarDate::new(year, month, day);
    }
    if let Some(c) = DOTTED_SHORT_YEAR.captures(s) {
        let year: i32 = c[3].parse().ok()?;
        return CalendarDate::new(2000 + year, c[2].parse().ok()?, c[1].parse().ok()?);
    }
    None
}

fn compact(s: &str) -> Option<CalendarDate> {
    let c = COMPACT.captures(s)?;
    CalendarDate::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// A date written into the URL's path.
pub(super) fn date_from_url(url: &str) -> Option<CalendarDate> {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let path = format!("/{path}");
    if let Some(c) = URL_DATE.captures(&path) {
        return CalendarDate::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    let c = URL_COMPACT_DATE.captures(&path)?;
    CalendarDate::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.to_string())
    }

    #[test]
    fn reads_the_common_forms() {
        let cases = [
            ("2023-09-15T23:30:00-04:00", "2023-09-15"),
            ("2023-09-15", "2023-09-15"),
            ("2023-9-5 10:00", "2023-09-05"),
            ("20230915", "2023-09-15"),
            ("20230915T101500Z", "2023-09-15"),
            ("1694736000", "2023-09-15"),
            ("1694736000000", "2023-09-15"),
            ("Fri, 15 Sep 2023 10:00:00 GMT", "2023-09-15"),
            ("15 September 2023", "2023-09-15"),
            ("September 15th, 2023", "2023-09-15"),
            ("15. September 2023, 10:04 Uhr", "2023-09-15"),
            ("15 de septiembre de 2023", "2023-09-15"),
            ("15.09.2023", "2023-09-15"),
            ("09/15/2023", "2023-09-15"),
            ("2023年9月15日", "2023-09-15"),
            ("Published: 2023-09-15", "2023-09-15"),
            ("Do 25.04.24 | 14:07 Uhr", "2024-04-25"),
        ];
        for (input, expected) in cases {
            assert_eq!(parsed(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for input in [
            "2023-02-30",
            "9999-99-99",
            "0000-01-01",
            "yesterday",
            "",
            "12345",
        ] {
            assert_eq!(parsed(input), None, "{input}");
        }
    }

    #[test]
    fn finds_dates_in_urls() {
        let d = |u: &str| date_from_url(u).map(|d| d.to_string());
        assert_eq!(
            d("https://x.org/2023/09/15/story").as_deref(),
            Some("2023-09-15")
        );
        assert_eq!(
            d("https://x.org/news/story-20230915.html").as_deref(),
            Some("2023-09-15")
        );
        assert_eq!(
            d("https://x.org/article/2023-09-15-story/").as_deref(),
            Some("2023-09-15")
        );
        assert_eq!(d("https://x.org/story/3000000218734/x"), None);
        assert_eq!(d("https://2023.x.org/a"), None);
    }
}
