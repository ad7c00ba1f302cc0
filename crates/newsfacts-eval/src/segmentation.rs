//! Scorer: sentence segmentation on "golden rules" files — the Pragmatic Segmenter English
//! golden rules and the pySBD subset of them — as JSON arrays of `{id, name, input,
//! expected[]}`. A rule passes when newsfacts' segmenter returns exactly the expected sentences.
//!
//! Two details of the comparison, both applied to every rule alike:
//! - The published rules were written as Ruby string literals and some inputs kept their
//!   escapes in the JSON (`\n`, `\"` as two characters); they are unescaped before use, so the
//!   segmenter sees the newline and the quotation mark the rule is about.
//! - A segmenter that returns spans cannot delete characters, while the reference output of the
//!   Pragmatic Segmenter has a soft-wrapped newline removed ("a cold \nnight" becomes "a cold
//!   night"). The main figure therefore compares sentences with runs of whitespace collapsed to
//!   one space; the report also gives the strict figure (exact strings after trimming).

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One golden rule as stored in the benchmark files.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldenRule {
    pub id: u32,
    pub name: String,
    pub input: String,
    pub expected: Vec<String>,
}

/// A rule the segmenter got wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldenRuleFailure {
    pub id: u32,
    pub name: String,
    /// The input as given to the segmenter (unescaped).
    pub input: String,
    pub expected: Vec<String>,
    pub got: Vec<String>,
}

/// The result of running the segmenter over one golden-rules file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldenRulesReport {
    /// Rules passed, whitespace runs compared as one space (the headline figure).
    pub passed: usize,
    /// Rules passed with exact string comparison after trimming.
    pub passed_exact: usize,
    pub total: usize,
    /// Every rule that failed the headline comparison, in file order.
    pub failures: Vec<GoldenRuleFailure>,
}

impl GoldenRulesReport {
    /// A human-readable account: the figures, then each failure with expected and got.
    pub fn describe(&self) -> String {
        let mut out = format!(
            "{}/{} rules pass ({} with exact strings)\n",
            self.passed, self.total, self.passed_exact
        );
        for failure in &self.failures {
            out.push_str(&format!(
                "FAIL rule {} ({}): {:?}\n  expected: {:?}\n  got:      {:?}\n",
                failure.id, failure.name, failure.input, failure.expected, failure.got
            ));
        }
        out
    }
}

/// Why a golden-rules file could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum SegmentationEvalError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a JSON array of golden rules: {source}")]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
}

/// Loads the golden rules of `path` (a JSON array).
pub fn load_golden_rules(path: &Path) -> Result<Vec<GoldenRule>, SegmentationEvalError> {
    let bytes = std::fs::read(path).map_err(|source| SegmentationEvalError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|source| SegmentationEvalError::Parse {
        path: path.to_path_buf(),
        source,
    })
}

/// Scores newsfacts' sentence segmenter on the golden rules file at `path`.
pub fn score_golden_rules_file(path: &Path) -> Result<GoldenRulesReport, SegmentationEvalError> {
    let rules = load_golden_rules(path)?;
    Ok(score_golden_rules(&rules, |text| {
        newsfacts_nlp::split_sentences(text)
            .into_iter()
            .filter_map(|span| text.get(span.start..span.end))
            .map(str::to_string)
            .collect()
    }))
}

/// Scores any segmenter (text in, sentence strings out) on `rules`.
pub fn score_golden_rules(
    rules: &[GoldenRule],
    segment: impl Fn(&str) -> Vec<String>,
) -> GoldenRulesReport {
    let mut report = GoldenRulesReport {
        total: rules.len(),
        ..GoldenRulesReport::default()
    };
    for rule in rules {
        let input = unescape_literal(&rule.input);
        let expected: Vec<String> = rule
            .expected
            .iter()
            .map(|s| unescape_literal(s).trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let got: Vec<String> = segment(&input)
            .into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if got == expected {
            report.passed_exact += 1;
        }
        let normalised_equal = got.len() == expected.len()
            && got
                .iter()
                .zip(&expected)
                .all(|(g, e)| collapse_whitespace(g) == collapse_whitespace(e));
        if normalised_equal {
            report.passed += 1;
        } else {
            report.failures.push(GoldenRuleFailure {
                id: rule.id,
                name: rule.name.clone(),
                input,
                expected,
                got,
            });
        }
    }
    report
}

/// Undoes the string-literal escapes left in the published rules: `\n`, `\t`, `\"`, `\'` and
/// `\\`. Any other backslash is kept as it is.
fn unescape_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(escaped @ ('"' | '\'' | '\\')) => out.push(escaped),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// `s` with every run of whitespace replaced by one space.
fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: u32, input: &str, expected: &[&str]) -> GoldenRule {
        GoldenRule {
            id,
            name: format!("rule {id}"),
            input: input.to_string(),
            expected: expected.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn split_on_period_space(text: &str) -> Vec<String> {
        text.split_inclusive(". ").map(str::to_string).collect()
    }

    #[test]
    fn counts_passes_and_records_failures() {
        let rules = [
            rule(1, "One. Two.", &["One.", "Two."]),
            rule(2, "Mr. Smith left.", &["Mr. Smith left."]),
        ];
        let report = score_golden_rules(&rules, split_on_period_space);
        assert_eq!(
            (report.passed, report.passed_exact, report.total),
            (1, 1, 2)
        );
        assert_eq!(report.failures.len(), 1);
        assert_eq!(report.failures[0].id, 2);
        assert_eq!(report.failures[0].got, vec!["Mr.", "Smith left."]);
        assert!(report.describe().contains("FAIL rule 2"));
    }

    #[test]
    fn unescapes_literal_escapes_of_the_published_rules() {
        assert_eq!(
            unescape_literal(r#"a\nb \"c\" d\\e \x"#),
            "a\nb \"c\" d\\e \\x"
        );
    }

    #[test]
    fn whitespace_runs_compare_equal_only_in_the_headline_figure() {
        let rules = [rule(
            1,
            "It was a cold \\nnight.",
            &["It was a cold night."],
        )];
        let report = score_golden_rules(&rules, |text| vec![text.to_string()]);
        assert_eq!((report.passed, report.passed_exact), (1, 0));
    }
}
