//! The trained pronoun ranker: a linear mention-ranking model that chooses, for a "he"/"she"
//! pronoun, which earlier person it means.
//!
//! Each candidate (a person mentioned within a few sentences before the pronoun) is described by
//! named binary features that [`super::coref`] computes: gender agreement, distance, whether it
//! or the pronoun is an attribution source, its last mention's grammatical role, its salience
//! rank, the rule resolver's choice, quotation state, each also conjoined with what kind of
//! pronoun it is. The candidate with the highest sum of weights wins. The weights are trained
//! by averaged perceptron on PolNeAR's train split (`newsfacts train pronouns`, in
//! `newsfacts-eval`) and ship inside the binary as a small text file
//! (`model/pronoun-ranker.txt`), read once; a file that does not read leaves the rule resolver
//! alone in charge. The entities layer uses it only when asked
//! ([`super::resolve_entities_with`]): on PolNeAR it wins a point or two in cross-validation
//! within train but not on dev, so the rules stay the default.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The model the product ships (see crates/newsfacts-analysts/model/README.md to retrain it).
static EMBEDDED: &str = include_str!("../../model/pronoun-ranker.txt");

/// First line of a ranker file: its format and version.
pub const HEADER: &str = "newsfacts pronoun ranker 1";

/// Why a ranker file does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RankerError {
    #[error("not a pronoun ranker file (first line must be {HEADER:?})")]
    Header,
    #[error("line {line}: expected a weight, a tab and a feature name")]
    Line { line: usize },
}

/// Weights of the named features.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PronounRanker {
    weights: HashMap<String, f32>,
}

impl PronounRanker {
    /// A ranker from feature weights.
    pub fn from_weights(weights: HashMap<String, f32>) -> PronounRanker {
        PronounRanker { weights }
    }

    /// The ranker shipped in the binary, or `None` when its file does not read.
    pub fn embedded() -> Option<&'static PronounRanker> {
        static RANKER: OnceLock<Option<PronounRanker>> = OnceLock::new();
        RANKER
            .get_or_init(|| PronounRanker::from_text(EMBEDDED).ok())
            .as_ref()
    }

    /// Reads a ranker file: the header line, then one `weight<TAB>feature` a line; blank lines
    /// and lines starting with `#` are comments.
    pub fn from_text(text: &str) -> Result<PronounRanker, RankerError> {
        let mut lines = text.lines().enumerate();
        if lines.next().map(|(_, l)| l.trim()) != Some(HEADER) {
            return Err(RankerError::Header);
        }
        let mut weights = HashMap::new();
        for (number, line) in lines {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (weight, feature) = line
                .split_once('\t')
                .ok_or(RankerError::Line { line: number + 1 })?;
            let weight: f32 = weight
                .trim()
                .parse()
                .map_err(|_| RankerError::Line { line: number + 1 })?;
            if !weight.is_finite() || feature.is_empty() {
                return Err(RankerError::Line { line: number + 1 });
            }
            weights.insert(feature.to_string(), weight);
        }
        Ok(PronounRanker { weights })
    }

    /// The file form of the ranker: deterministic (features sorted, fixed precision), weights
    /// under `prune` in absolute value left out. `comments` go after the header, one a line.
    pub fn to_text(&self, prune: f32, comments: &[String]) -> String {
        let mut out = format!("{HEADER}\n");
        for comment in comments {
            out.push_str("# ");
            out.push_str(comment);
            out.push('\n');
        }
        let mut features: Vec<(&String, f32)> = self
            .weights
            .iter()
            .map(|(f, &w)| (f, w))
            .filter(|(_, w)| w.abs() >= prune && w.abs() >= 5e-5)
            .collect();
        features.sort_by(|a, b| a.0.cmp(b.0));
        for (feature, weight) in features {
            out.push_str(&format!("{weight:.4}\t{feature}\n"));
        }
        out
    }

    /// The sum of the weights of the features.
    pub fn score<S: AsRef<str>>(&self, features: &[S]) -> f32 {
        features
            .iter()
            .filter_map(|f| self.weights.get(f.as_ref()))
            .sum()
    }

    /// How many features have a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The index of the best-scoring candidate (the first on ties: candidates come most recent
    /// first).
    pub fn best<C: AsRef<[S]>, S: AsRef<str>>(&self, candidates: &[C]) -> Option<usize> {
        let mut best: Option<(usize, f32)> = None;
        for (index, features) in candidates.iter().enumerate() {
            let score = self.score(features.as_ref());
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((index, score));
            }
        }
        best.map(|(index, _)| index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ranker_file_reads_back_what_was_written() {
        let mut weights = HashMap::new();
        weights.insert("gender=agree".to_string(), 1.5);
        weights.insert("rank=1|s".to_string(), -0.25);
        weights.insert("tiny".to_string(), 0.00001);
        let ranker = PronounRanker::from_weights(weights);
        let text = ranker.to_text(0.0, &["trained on nothing".into()]);
        let read = PronounRanker::from_text(&text).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read.score(&["gender=agree", "rank=1|s", "unknown"]), 1.25);
        assert_eq!(
            read.best(&[vec!["rank=1|s"], vec!["gender=agree"]]),
            Some(1)
        );
    }

    #[test]
    fn a_bad_file_is_an_error_not_a_panic() {
        assert_eq!(
            PronounRanker::from_text("something else\n"),
            Err(RankerError::Header)
        );
        assert_eq!(
            PronounRanker::from_text(&format!("{HEADER}\nnot a weight\tx\n")),
            Err(RankerError::Line { line: 2 })
        );
        assert_eq!(
            PronounRanker::from_text(&format!("{HEADER}\nNaN\tx\n")),
            Err(RankerError::Line { line: 2 })
        );
        assert!(PronounRanker::from_text("").is_err());
    }

    #[test]
    fn the_shipped_ranker_reads() {
        assert!(PronounRanker::embedded().is_some());
    }
}
