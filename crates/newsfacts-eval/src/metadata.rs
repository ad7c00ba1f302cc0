//! Scorer: page metadata (title, authors, publication date) on the fundus news pages
//! (`eval/extraction/fundus-news`: `<cc>/<Publisher>_<date>.html.gz`, with `INDEX.json`
//! mapping each page to its expected fields).
//!
//! The comparisons follow the fundus and trafilatura evaluations:
//! - **title**: equal after whitespace normalisation (every run of Unicode whitespace is one
//!   space; ends trimmed; zero-width spaces dropped);
//! - **authors, strict**: the same set of names after whitespace normalisation and lowercasing;
//!   **authors, lenient**: every expected name has a returned name and every returned name an
//!   expected one whose word sets contain one another ("Jane Doe" ~ "Jane A. Doe"). A page
//!   without expected authors counts as correct when none are returned;
//! - **date**: the same calendar day, i.e. the first ten characters (`YYYY-MM-DD`) of the
//!   expected and returned values, each in the page's own time zone;
//! - **language**: the set gives no language, so this only checks agreement with the English
//!   rule below: `en` returned exactly for the English pages.
//!
//! Pages are split by language with a rule that looks only at the expected text, never at what
//! newsfacts returns: a page is **English** when at least 15 % of the word tokens of its
//! expected title and body are among [`ENGLISH_FUNCTION_WORDS`]. On this set English pages
//! score 0.22 or more and all others 0.08 or less.
//!
//! Predictions of another tool (a JSON Lines file of `{"page", "title", "authors", "date"}`)
//! can be scored with the same code through [`score_fundus_predictions`].

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

use newsfacts_ingest::html::meta::{HtmlMetadata, extract_metadata_from_html};
use serde::{Deserialize, Serialize};

/// Common English function words: their share of a text's tokens separates English from
/// every other language in the set by a wide margin.
pub const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "it", "by",
    "at", "from", "he", "she", "said", "has", "have", "are", "be", "an", "this", "will", "not",
    "but", "his", "her", "they", "their",
];

/// Share of function-word tokens from which a text counts as English.
pub const ENGLISH_SHARE_THRESHOLD: f64 = 0.15;

/// Why a benchmark could not be read.
#[derive(Debug, thiserror::Error)]
pub enum MetadataEvalError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot parse {path}: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{path}: line {line}: {source}")]
    PredictionLine {
        path: PathBuf,
        line: usize,
        source: serde_json::Error,
    },
}

/// One page of the benchmark with what it should yield.
#[derive(Debug, Clone)]
pub struct FundusPage {
    /// Path relative to the benchmark directory, the key of `INDEX.json`.
    pub page: String,
    pub url: Option<String>,
    pub title: String,
    pub authors: Vec<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Whether the expected text is English (see the module documentation).
    pub english: bool,
}

#[derive(Deserialize)]
struct IndexEntry {
    url: Option<String>,
    title: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    publishing_date: Option<String>,
    #[serde(default)]
    body: Option<IndexBody>,
}

#[derive(Deserialize, Default)]
struct IndexBody {
    #[serde(default)]
    summary: Vec<String>,
    #[serde(default)]
    sections: Vec<IndexSection>,
}

#[derive(Deserialize, Default)]
struct IndexSection {
    #[serde(default)]
    headline: Vec<String>,
    #[serde(default)]
    paragraphs: Vec<String>,
}

/// Reads `INDEX.json` of the benchmark directory, pages sorted by path.
pub fn load_fundus(dir: &Path) -> Result<Vec<FundusPage>, MetadataEvalError> {
    let index_path = dir.join("INDEX.json");
    let raw = std::fs::read_to_string(&index_path).map_err(|source| MetadataEvalError::Io {
        path: index_path.clone(),
        source,
    })?;
    let index: BTreeMap<String, IndexEntry> =
        serde_json::from_str(&raw).map_err(|source| MetadataEvalError::Json {
            path: index_path,
            source,
        })?;
    Ok(index
        .into_iter()
        .map(|(page, entry)| {
            let title = entry.title.unwrap_or_default();
            let mut text = title.clone();
            if let Some(body) = &entry.body {
                for part in body.summary.iter().chain(
                    body.sections
                        .iter()
                        .flat_map(|s| s.headline.iter().chain(&s.paragraphs)),
                ) {
                    text.push('\n');
                    text.push_str(part);
                }
            }
            FundusPage {
                page,
                url: entry.url,
                english: is_english_text(&text),
                title,
                authors: entry.authors,
                date: entry.publishing_date.as_deref().and_then(calendar_day),
            }
        })
        .collect())
}

/// The language rule of the module documentation.
pub fn is_english_text(text: &str) -> bool {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() {
        return false;
    }
    let function_words = tokens
        .iter()
        .filter(|t| ENGLISH_FUNCTION_WORDS.contains(t))
        .count();
    function_words as f64 / tokens.len() as f64 >= ENGLISH_SHARE_THRESHOLD
}

/// Reads a page's HTML (gunzipped when the name ends in `.gz`) and decodes it as ingest does.
pub fn read_page_html(dir: &Path, page: &str) -> Result<String, MetadataEvalError> {
    let path = dir.join(page);
    let io_error = |source| MetadataEvalError::Io {
        path: path.clone(),
        source,
    };
    let bytes = std::fs::read(&path).map_err(io_error)?;
    let bytes = if page.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .read_to_end(&mut out)
            .map_err(io_error)?;
        out
    } else {
        bytes
    };
    Ok(newsfacts_ingest::encoding::decode(&bytes, None))
}

/// What a tool returned for one page.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Prediction {
    #[serde(default)]
    pub page: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
}

impl From<HtmlMetadata> for Prediction {
    fn from(meta: HtmlMetadata) -> Self {
        Prediction {
            page: String::new(),
            title: meta.title,
            authors: meta.byline,
            date: meta.published,
            language: meta.language,
        }
    }
}

/// The verdicts for one page.
#[derive(Debug, Clone, Serialize)]
pub struct PageOutcome {
    pub page: String,
    pub english: bool,
    pub title_ok: bool,
    pub authors_strict_ok: bool,
    pub authors_lenient_ok: bool,
    pub date_ok: bool,
    pub language_ok: bool,
    pub expected_title: String,
    pub expected_authors: Vec<String>,
    pub expected_date: Option<String>,
    pub got: Prediction,
}

/// Correct counts over a set of pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FieldCounts {
    pub pages: usize,
    pub title: usize,
    pub authors_strict: usize,
    pub authors_lenient: usize,
    pub date: usize,
    pub language: usize,
}

impl FieldCounts {
    fn add(&mut self, outcome: &PageOutcome) {
        self.pages += 1;
        self.title += usize::from(outcome.title_ok);
        self.authors_strict += usize::from(outcome.authors_strict_ok);
        self.authors_lenient += usize::from(outcome.authors_lenient_ok);
        self.date += usize::from(outcome.date_ok);
        self.language += usize::from(outcome.language_ok);
    }

    fn share(&self, correct: usize) -> f64 {
        if self.pages == 0 {
            0.0
        } else {
            correct as f64 / self.pages as f64
        }
    }

    pub fn title_accuracy(&self) -> f64 {
        self.share(self.title)
    }

    pub fn authors_strict_accuracy(&self) -> f64 {
        self.share(self.authors_strict)
    }

    pub fn authors_lenient_accuracy(&self) -> f64 {
        self.share(self.authors_lenient)
    }

    pub fn date_accuracy(&self) -> f64 {
        self.share(self.date)
    }

    pub fn language_accuracy(&self) -> f64 {
        self.share(self.language)
    }
}

impl std::fmt::Display for FieldCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "pages {:3}  title {:.3} ({})  authors {:.3} ({})  authors-lenient {:.3} ({})  date {:.3} ({})  language {:.3} ({})",
            self.pages,
            self.title_accuracy(),
            self.title,
            self.authors_strict_accuracy(),
            self.authors_strict,
            self.authors_lenient_accuracy(),
            self.authors_lenient,
            self.date_accuracy(),
            self.date,
            self.language_accuracy(),
            self.language,
        )
    }
}

/// Scores over the English pages and over all pages, with every page's verdicts.
#[derive(Debug, Clone, Serialize)]
pub struct MetadataReport {
    pub english: FieldCounts,
    pub all: FieldCounts,
    pub outcomes: Vec<PageOutcome>,
}

/// Runs newsfacts' metadata extraction over every page and scores it.
pub fn score_fundus(dir: &Path) -> Result<MetadataReport, MetadataEvalError> {
    let pages = load_fundus(dir)?;
    let mut predictions = HashMap::new();
    for page in &pages {
        let html = read_page_html(dir, &page.page)?;
        let meta = extract_metadata_from_html(&html, page.url.as_deref());
        predictions.insert(page.page.clone(), Prediction::from(meta));
    }
    Ok(score_pages(&pages, &predictions))
}

/// Scores another tool's predictions (JSON Lines of [`Prediction`]) with the same rules; a
/// page missing from the file counts as an empty prediction.
pub fn score_fundus_predictions(
    dir: &Path,
    predictions_path: &Path,
) -> Result<MetadataReport, MetadataEvalError> {
    let pages = load_fundus(dir)?;
    let raw =
        std::fs::read_to_string(predictions_path).map_err(|source| MetadataEvalError::Io {
            path: predictions_path.to_owned(),
            source,
        })?;
    let mut predictions = HashMap::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let prediction: Prediction =
            serde_json::from_str(line).map_err(|source| MetadataEvalError::PredictionLine {
                path: predictions_path.to_owned(),
                line: i + 1,
                source,
            })?;
        predictions.insert(prediction.page.clone(), prediction);
    }
    Ok(score_pages(&pages, &predictions))
}

fn score_pages(pages: &[FundusPage], predictions: &HashMap<String, Prediction>) -> MetadataReport {
    let mut english = FieldCounts::default();
    let mut all = FieldCounts::default();
    let mut outcomes = Vec::with_capacity(pages.len());
    for page in pages {
        let got = predictions.get(&page.page).cloned().unwrap_or_default();
        let got_date = got.date.as_deref().and_then(calendar_day);
        let outcome = PageOutcome {
            page: page.page.clone(),
            english: page.english,
            title_ok: titles_match(&page.title, got.title.as_deref()),
            authors_strict_ok: authors_match_strict(&page.authors, &got.authors),
            authors_lenient_ok: authors_match_lenient(&page.authors, &got.authors),
            date_ok: page.date.is_some() && page.date == got_date,
            language_ok: page.english == (got.language.as_deref() == Some("en")),
            expected_title: page.title.clone(),
            expected_authors: page.authors.clone(),
            expected_date: page.date.clone(),
            got,
        };
        all.add(&outcome);
        if outcome.english {
            english.add(&outcome);
        }
        outcomes.push(outcome);
    }
    MetadataReport {
        english,
        all,
        outcomes,
    }
}

/// Every run of Unicode whitespace as one space, ends trimmed; zero-width spaces and joiners
/// (U+200B–U+200D, U+2060, U+FEFF), which are invisible whitespace in all but name, dropped.
pub fn normalize_whitespace(s: &str) -> String {
    let visible: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'))
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Title comparison: equal after whitespace normalisation.
pub fn titles_match(expected: &str, got: Option<&str>) -> bool {
    got.is_some_and(|got| normalize_whitespace(expected) == normalize_whitespace(got))
}

fn author_key(name: &str) -> String {
    normalize_whitespace(name).to_lowercase()
}

/// Strict author comparison: equal sets after whitespace normalisation and lowercasing.
pub fn authors_match_strict(expected: &[String], got: &[String]) -> bool {
    let mut expected: Vec<String> = expected
        .iter()
        .map(|a| author_key(a))
        .filter(|a| !a.is_empty())
        .collect();
    let mut got: Vec<String> = got
        .iter()
        .map(|a| author_key(a))
        .filter(|a| !a.is_empty())
        .collect();
    expected.sort();
    expected.dedup();
    got.sort();
    got.dedup();
    expected == got
}

fn name_words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether one name's words contain the other's.
fn names_match(a: &str, b: &str) -> bool {
    let a = name_words(a);
    let b = name_words(b);
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

/// Lenient author comparison: every expected name matched by a returned one and every
/// returned name by an expected one, where names match when one's words contain the other's.
pub fn authors_match_lenient(expected: &[String], got: &[String]) -> bool {
    let expected: Vec<&String> = expected.iter().filter(|a| !a.trim().is_empty()).collect();
    let got: Vec<&String> = got.iter().filter(|a| !a.trim().is_empty()).collect();
    if expected.is_empty() || got.is_empty() {
        return expected.is_empty() && got.is_empty();
    }
    expected
        .iter()
        .all(|e| got.iter().any(|g| names_match(e, g)))
        && got
            .iter()
            .all(|g| expected.iter().any(|e| names_match(e, g)))
}

/// The `YYYY-MM-DD` prefix of an ISO date or date-time, when it has one.
pub fn calendar_day(value: &str) -> Option<String> {
    let day = value.trim().get(..10)?;
    let bytes = day.as_bytes();
    let shape_ok = bytes.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    shape_ok.then(|| day.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn titles_compare_after_whitespace_normalisation() {
        assert!(titles_match(
            "Storm  hits\u{a0}coast\u{a0}",
            Some(" Storm hits coast")
        ));
        assert!(!titles_match(
            "Storm hits coast",
            Some("Storm hits coast | Site")
        ));
        assert!(!titles_match("Storm", None));
    }

    #[test]
    fn authors_strict_and_lenient() {
        let expected = strings(&["Jane Doe", "John Smith"]);
        assert!(authors_match_strict(
            &expected,
            &strings(&["john smith", "Jane  Doe"])
        ));
        assert!(!authors_match_strict(&expected, &strings(&["Jane Doe"])));
        assert!(authors_match_lenient(
            &expected,
            &strings(&["Jane A. Doe", "By John Smith"])
        ));
        assert!(!authors_match_lenient(&expected, &strings(&["Jane Doe"])));
        assert!(!authors_match_lenient(
            &expected,
            &strings(&["Jane Doe", "John Smith", "Reuters"])
        ));
        assert!(authors_match_strict(&[], &[]));
        assert!(authors_match_lenient(&[], &[]));
        assert!(!authors_match_lenient(&[], &strings(&["X"])));
    }

    #[test]
    fn calendar_days() {
        assert_eq!(
            calendar_day("2025-02-02 21:52:43+01:00").as_deref(),
            Some("2025-02-02")
        );
        assert_eq!(calendar_day("2025-02-02").as_deref(), Some("2025-02-02"));
        assert_eq!(calendar_day("02.02.2025"), None);
        assert_eq!(calendar_day("2025"), None);
    }

    #[test]
    fn english_rule() {
        assert!(is_english_text(
            "The minister said that the plan was announced on Monday by the government."
        ));
        assert!(!is_english_text(
            "Der Minister sagte, dass der Plan am Montag von der Regierung angekündigt wurde."
        ));
        assert!(!is_english_text(""));
    }
}
