//! Scorer for main-text extraction, with the metric of the article-extraction-benchmark
//! (scrapinghub): both texts are tokenised into `\w+` runs, cut into 4-token shingles counted as
//! a multiset, and each page gets true/false positives and false negatives over those shingles,
//! normalised so that every page weighs the same. Precision is the mean over pages that
//! predicted something, recall the mean over pages whose truth has something, and F1 is computed
//! from those two means (not averaged per page) — exactly as the benchmark's `evaluate.py` does.
//!
//! [`load_aeb`] reads the benchmark's layout (`html/<id>.html.gz` plus `ground-truth.json` with an
//! `articleBody` and a `url` per id) so that tests and benchmark programs share one loader.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The benchmark's shingle length.
pub const SHINGLE_LEN: usize = 4;

/// One page's counts, normalised to sum to one (all zero when both texts are empty).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ShingleCounts {
    pub true_positives: f64,
    pub false_positives: f64,
    pub false_negatives: f64,
}

impl ShingleCounts {
    /// The benchmark's per-page precision, or `None` when the page predicted nothing (such pages
    /// are left out of the precision mean).
    pub fn precision(&self) -> Option<f64> {
        let (tp, fp, fn_) = (
            self.true_positives,
            self.false_positives,
            self.false_negatives,
        );
        if tp + fp <= 0.0 {
            return None;
        }
        Some(if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else {
            tp / (tp + fp)
        })
    }

    /// The benchmark's per-page recall, or `None` when the truth is empty.
    pub fn recall(&self) -> Option<f64> {
        let (tp, fp, fn_) = (
            self.true_positives,
            self.false_positives,
            self.false_negatives,
        );
        if tp + fn_ <= 0.0 {
            return None;
        }
        Some(if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else {
            tp / (tp + fn_)
        })
    }
}

/// Whether a character belongs to a `\w` run as Python's `re` (with `re.UNICODE`) defines it:
/// letters, digits and other numerics, and the underscore.
fn is_word_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The benchmark's tokens: maximal runs of word characters.
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (index, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(index),
            (false, Some(begin)) => {
                tokens.push(&text[begin..index]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(begin) = start {
        tokens.push(&text[begin..]);
    }
    tokens
}

/// The multiset of `n`-token shingles. A text shorter than `n` tokens (but not empty) yields one
/// shorter shingle, as the benchmark's `_ngrams` does.
pub fn shingles<'a>(tokens: &[&'a str], n: usize) -> HashMap<Vec<&'a str>, usize> {
    let mut counts: HashMap<Vec<&'a str>, usize> = HashMap::new();
    let windows = tokens.len().saturating_sub(n) + 1;
    for start in 0..windows.max(1) {
        let end = (start + n).min(tokens.len());
        if start >= end {
            continue;
        }
        *counts.entry(tokens[start..end].to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Compares a predicted text with the truth over 4-token shingles.
pub fn shingle_matching(truth: &str, predicted: &str) -> ShingleCounts {
    let truth_tokens = tokenize(truth);
    let predicted_tokens = tokenize(predicted);
    let truth_shingles = shingles(&truth_tokens, SHINGLE_LEN);
    let predicted_shingles = shingles(&predicted_tokens, SHINGLE_LEN);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (shingle, &truth_count) in &truth_shingles {
        let predicted_count = predicted_shingles.get(shingle).copied().unwrap_or(0);
        tp += truth_count.min(predicted_count);
        fn_ += truth_count.saturating_sub(predicted_count);
    }
    for (shingle, &predicted_count) in &predicted_shingles {
        let truth_count = truth_shingles.get(shingle).copied().unwrap_or(0);
        fp += predicted_count.saturating_sub(truth_count);
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return ShingleCounts::default();
    }
    ShingleCounts {
        true_positives: tp as f64 / sum,
        false_positives: fp as f64 / sum,
        false_negatives: fn_ as f64 / sum,
    }
}

/// Whether the two texts have exactly the same tokens (the benchmark's "accuracy").
pub fn exact_match(truth: &str, predicted: &str) -> bool {
    tokenize(truth) == tokenize(predicted)
}

/// The macro-averaged figures over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ExtractionScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of pages whose tokens match the truth exactly.
    pub accuracy: f64,
    pub pages: usize,
}

/// Averages per-page counts the benchmark's way (see the module comment).
pub fn macro_average(pages: &[ShingleCounts], exact_matches: usize) -> ExtractionScore {
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let precision = mean(pages.iter().filter_map(ShingleCounts::precision).collect());
    let recall = mean(pages.iter().filter_map(ShingleCounts::recall).collect());
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    ExtractionScore {
        precision,
        recall,
        f1,
        accuracy: if pages.is_empty() {
            0.0
        } else {
            exact_matches as f64 / pages.len() as f64
        },
        pages: pages.len(),
    }
}

/// One page of the article-extraction-benchmark, read into memory.
#[derive(Debug, Clone)]
pub struct AebPage {
    pub id: String,
    pub url: Option<String>,
    /// The page, decoded to text (the charset the page declares, else UTF-8).
    pub html: String,
    /// The ground-truth article body.
    pub truth: String,
}

/// What can go wrong reading the benchmark's files.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
}

#[derive(Deserialize)]
struct AebTruth {
    #[serde(rename = "articleBody", default)]
    article_body: String,
    #[serde(default)]
    url: Option<String>,
}

/// Reads every page of the benchmark in `dir`, in id order.
pub fn load_aeb(dir: &Path) -> Result<Vec<AebPage>, EvalError> {
    let truth_path = dir.join("ground-truth.json");
    let truth_text = std::fs::read_to_string(&truth_path).map_err(|source| EvalError::Io {
        path: truth_path.clone(),
        source,
    })?;
    let truths: HashMap<String, AebTruth> =
        serde_json::from_str(&truth_text).map_err(|source| EvalError::Json {
            path: truth_path.clone(),
            source,
        })?;
    let mut ids: Vec<&String> = truths.keys().collect();
    ids.sort();
    let mut pages = Vec::with_capacity(ids.len());
    for id in ids {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let compressed = std::fs::read(&path).map_err(|source| EvalError::Io {
            path: path.clone(),
            source,
        })?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(compressed.as_slice())
            .read_to_end(&mut bytes)
            .map_err(|source| EvalError::Io {
                path: path.clone(),
                source,
            })?;
        let truth = &truths[id];
        pages.push(AebPage {
            id: id.clone(),
            url: truth.url.clone(),
            html: newsfacts_ingest::encoding::decode(&bytes, None),
            truth: truth.article_body.clone(),
        });
    }
    Ok(pages)
}

/// Scores predicted bodies (one per page, same order) against the pages' truth.
pub fn score_predictions(
    pages: &[AebPage],
    predictions: &[String],
) -> (ExtractionScore, Vec<ShingleCounts>) {
    let mut counts = Vec::with_capacity(pages.len());
    let mut exact = 0;
    for (page, predicted) in pages.iter().zip(predictions) {
        counts.push(shingle_matching(&page.truth, predicted));
        if exact_match(&page.truth, predicted) {
            exact += 1;
        }
    }
    (macro_average(&counts, exact), counts)
}

/// The text newsfacts extracts from one page, as the benchmark compares it: the story's
/// paragraphs, one per line.
pub fn newsfacts_body(html: &str, url: Option<&str>) -> String {
    newsfacts_ingest::html::article_from_html(html, url)
        .paragraphs
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_word_runs() {
        assert_eq!(
            tokenize("It's 3.5°C — naïve_x!"),
            vec!["It", "s", "3", "5", "C", "naïve_x"]
        );
        assert!(tokenize("  ,;  ").is_empty());
    }

    #[test]
    fn short_texts_make_one_short_shingle() {
        let tokens = tokenize("one two");
        let counts = shingles(&tokens, 4);
        assert_eq!(counts.len(), 1);
        assert_eq!(counts.get(&vec!["one", "two"]), Some(&1));
        assert!(shingles(&[], 4).is_empty());
    }

    #[test]
    fn identical_texts_score_one() {
        let counts = shingle_matching("a b c d e f", "a b c d e f");
        assert_eq!(counts.precision(), Some(1.0));
        assert_eq!(counts.recall(), Some(1.0));
    }

    #[test]
    fn extra_text_lowers_precision_only() {
        // truth shingles: abcd bcde; predicted: abcd bcde cdef defg -> tp 2, fp 2, fn 0.
        let counts = shingle_matching("a b c d e", "a b c d e f g");
        assert_eq!(counts.recall(), Some(1.0));
        assert!((counts.precision().unwrap_or(0.0) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn empty_prediction_counts_for_recall_not_precision() {
        let counts = shingle_matching("a b c d e", "");
        assert_eq!(counts.precision(), None);
        assert_eq!(counts.recall(), Some(0.0));
        let score = macro_average(&[counts, shingle_matching("a b c d", "a b c d")], 1);
        assert!((score.precision - 1.0).abs() < 1e-12);
        assert!((score.recall - 0.5).abs() < 1e-12);
        assert!((score.accuracy - 0.5).abs() < 1e-12);
    }

    #[test]
    fn repeated_shingles_count_as_a_multiset() {
        // "x y z w x y z w": shingles xyzw yzwx zwxy wxyz xyzw (xyzw twice).
        let counts = shingle_matching("x y z w", "x y z w x y z w");
        // tp 1, fp 4, fn 0.
        assert!((counts.precision().unwrap_or(0.0) - 0.2).abs() < 1e-12);
    }
}
