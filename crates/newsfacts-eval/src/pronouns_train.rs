//! Training the entities layer's pronoun ranker (`newsfacts_analysts::entities::ranker`) on
//! PolNeAR's train split.
//!
//! Every "he"/"she" gold source with a gold antecedent ([`crate::pronouns`]) is one example:
//! the entities layer lists the pronoun's candidate antecedents with their features, every
//! pronoun of the article resolved by the rules alone (so the data does not depend on the
//! ranker shipped), and a candidate is right when the gold antecedent names it (the rule of
//! [`crate::pronouns`]: a mention overlaps the name, or the same surname). The ranker is an
//! averaged perceptron over those features: on each example whose best-scoring candidate is
//! wrong, the best-scoring right candidate's features gain one and the chosen one's lose one.
//!
//! The number of passes is chosen by k-fold cross-validation within train (folds by article,
//! fixed), the smallest count with the most pronouns right; the final ranker is trained on the
//! whole of train with it. Everything is deterministic: the same data and options give the same
//! file, byte for byte.

use std::collections::HashMap;
use std::path::Path;

use newsfacts_analysts::entities::gender::Gender;
use newsfacts_analysts::entities::ranker::PronounRanker;
use newsfacts_analysts::entities::{self, PronounCase};
use newsfacts_doc::Span;

use crate::pronouns::{GoldName, document_with_tokens, gold_pronouns, read};
use crate::quotes::{QuotesEvalError, polnear_articles};

/// Which gold antecedent the ranker learns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The nearest earlier gold source naming a person (the main rule of [`crate::pronouns`]).
    Nearest,
    /// The nearest one whose gender does not conflict (the stricter rule).
    Agreeing,
}

/// Options of a training run.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub label: Label,
    /// Folds of the cross-validation.
    pub folds: usize,
    /// Pass counts the cross-validation chooses from.
    pub epoch_grid: Vec<usize>,
    /// Leave weights under this absolute value out of the file.
    pub prune: f32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            label: Label::Nearest,
            folds: 5,
            epoch_grid: vec![1, 2, 3, 4, 6, 8, 10, 15, 20],
            prune: 0.0005,
        }
    }
}

/// One pronoun source with a gold antecedent, as training and scoring see it.
#[derive(Debug, Clone)]
pub struct Example {
    /// Which article (for the folds).
    pub article: usize,
    /// Feature ids of each candidate, most recent first.
    pub candidates: Vec<Vec<u32>>,
    /// Each candidate's name (for study).
    pub names: Vec<String>,
    /// Whether the nearest gold antecedent names each candidate.
    pub nearest: Vec<bool>,
    /// Whether the gender-agreeing gold antecedent names each candidate (empty: none).
    pub agreeing: Vec<bool>,
    /// The rules' choice among the candidates.
    pub rule: Option<usize>,
}

/// The examples of a split and the names of their feature ids.
#[derive(Debug, Clone, Default)]
pub struct Examples {
    pub examples: Vec<Example>,
    pub features: Vec<String>,
}

/// Right answers out of examples, for the model and for the rules, under both gold rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub scored: usize,
    pub model: usize,
    pub rules: usize,
    pub agreeing_scored: usize,
    pub agreeing_model: usize,
    pub agreeing_rules: usize,
    /// Examples with a right candidate at all (the most any ranker can get right).
    pub reachable: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.scored += other.scored;
        self.model += other.model;
        self.rules += other.rules;
        self.agreeing_scored += other.agreeing_scored;
        self.agreeing_model += other.agreeing_model;
        self.agreeing_rules += other.agreeing_rules;
        self.reachable += other.reachable;
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let share = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
        write!(
            f,
            "nearest {}/{} = {:.1} % (rules {}/{} = {:.1} %, reachable {}); agreeing {}/{} = {:.1} % (rules {:.1} %)",
            self.model,
            self.scored,
            share(self.model, self.scored),
            self.rules,
            self.scored,
            share(self.rules, self.scored),
            self.reachable,
            self.agreeing_model,
            self.agreeing_scored,
            share(self.agreeing_model, self.agreeing_scored),
            share(self.agreeing_rules, self.agreeing_scored),
        )
    }
}

/// Reads a PolNeAR split into examples.
pub fn extract(
    dir: &Path,
    split: &str,
    log: &mut dyn FnMut(&str),
) -> Result<Examples, QuotesEvalError> {
    let articles = polnear_articles(dir, split)?;
    let mut out = Examples::default();
    let mut ids: HashMap<String, u32> = HashMap::new();
    for (number, article) in articles.iter().enumerate() {
        let text = read(&article.text)?;
        let ann = read(&article.ann)?;
        let (doc, analysis) = document_with_tokens(&text);
        let mentions = entities::named_mentions(&analysis);
        let cases = entities::pronoun_cases(&doc, &mentions);
        for pronoun in gold_pronouns(&doc, &ann) {
            let Some(antecedent) = &pronoun.antecedent else {
                continue;
            };
            let case = cases
                .iter()
                .find(|c| c.start < pronoun.span.end && pronoun.span.start < c.end);
            let mut example = Example {
                article: number,
                candidates: Vec::new(),
                names: Vec::new(),
                nearest: Vec::new(),
                agreeing: Vec::new(),
                rule: None,
            };
            if let Some(case) = case {
                example.rule = case.rule;
                example.nearest = labels(case, antecedent, pronoun.gender);
                if let Some(agreeing) = &pronoun.agreeing {
                    example.agreeing = labels(case, agreeing, pronoun.gender);
                }
                for candidate in &case.candidates {
                    example.names.push(candidate.name.clone());
                    let features = candidate
                        .features
                        .iter()
                        .map(|f| {
                            let next = ids.len() as u32;
                            *ids.entry(f.clone()).or_insert_with(|| {
                                out.features.push(f.clone());
                                next
                            })
                        })
                        .collect();
                    example.candidates.push(features);
                }
            }
            // Without candidates the stricter rule still scores it.
            example_agreeing_marker(&mut example, pronoun.agreeing.is_some());
            out.examples.push(example);
        }
        if (number + 1) % 100 == 0 {
            log(&format!("{split}: {} articles read", number + 1));
        }
    }
    Ok(out)
}

/// Marks an example without candidates that has a gender-agreeing antecedent, so that the
/// stricter rule counts it: `agreeing` holds one `false` for "none of them".
fn example_agreeing_marker(example: &mut Example, has_agreeing: bool) {
    if has_agreeing && example.agreeing.is_empty() {
        example.agreeing.push(false);
    }
}

fn labels(case: &PronounCase, name: &GoldName, pronoun: Gender) -> Vec<bool> {
    case.candidates
        .iter()
        .map(|c| {
            name.is_named_by(
                &c.name,
                c.mentions.iter().map(|&(start, end)| Span::new(start, end)),
                pronoun,
            )
        })
        .collect()
}

/// The averaged perceptron's state.
struct Perceptron {
    weights: Vec<f32>,
    /// Sum of each update times the example counter when it was made (for averaging).
    stamped: Vec<f32>,
    counter: f32,
}

impl Perceptron {
    fn new(features: usize) -> Perceptron {
        Perceptron {
            weights: vec![0.0; features],
            stamped: vec![0.0; features],
            counter: 1.0,
        }
    }

    fn score(weights: &[f32], features: &[u32]) -> f32 {
        features
            .iter()
            .filter_map(|&f| weights.get(f as usize))
            .sum()
    }

    fn best(
        weights: &[f32],
        candidates: &[Vec<u32>],
        allowed: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let mut best: Option<(usize, f32)> = None;
        for (index, features) in candidates.iter().enumerate() {
            if !allowed(index) {
                continue;
            }
            let score = Perceptron::score(weights, features);
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((index, score));
            }
        }
        best.map(|(index, _)| index)
    }

    fn update(&mut self, features: &[u32], delta: f32) {
        for &f in features {
            if let (Some(w), Some(s)) = (
                self.weights.get_mut(f as usize),
                self.stamped.get_mut(f as usize),
            ) {
                *w += delta;
                *s += delta * self.counter;
            }
        }
    }

    fn learn(&mut self, example: &Example, gold: &[bool]) {
        if gold.iter().any(|&g| g) && example.candidates.len() > 1 {
            let predicted = Perceptron::best(&self.weights, &example.candidates, |_| true);
            if let Some(predicted) = predicted.filter(|&p| !gold.get(p).copied().unwrap_or(false)) {
                let right = Perceptron::best(&self.weights, &example.candidates, |i| {
                    gold.get(i).copied().unwrap_or(false)
                });
                if let (Some(right), Some(wrong)) = (
                    right.and_then(|r| example.candidates.get(r)),
                    example.candidates.get(predicted),
                ) {
                    self.update(right, 1.0);
                    self.update(wrong, -1.0);
                }
            }
        }
        self.counter += 1.0;
    }

    fn averaged(&self) -> Vec<f32> {
        self.weights
            .iter()
            .zip(&self.stamped)
            .map(|(w, s)| w - s / self.counter)
            .collect()
    }
}

/// A fixed pseudo-random order of `n` items for pass `pass` (xorshift; deterministic).
fn order(n: usize, pass: usize) -> Vec<usize> {
    let mut state: u64 =
        0x9E37_79B9_7F4A_7C15 ^ (pass as u64 + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let mut items: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
    items
}

/// Trains on the examples, returning the averaged weights after each pass count of `checkpoints`
/// (sorted ascending).
fn train_checkpoints(
    examples: &[&Example],
    features: usize,
    label: Label,
    checkpoints: &[usize],
) -> Vec<Vec<f32>> {
    let mut perceptron = Perceptron::new(features);
    let mut out = Vec::new();
    let last = checkpoints.iter().copied().max().unwrap_or(0);
    for pass in 0..last {
        for index in order(examples.len(), pass) {
            if let Some(example) = examples.get(index) {
                perceptron.learn(example, gold_of(example, label));
            }
        }
        if checkpoints.contains(&(pass + 1)) {
            out.push(perceptron.averaged());
        }
    }
    out
}

fn gold_of(example: &Example, label: Label) -> &[bool] {
    match label {
        Label::Nearest => &example.nearest,
        Label::Agreeing => &example.agreeing,
    }
}

/// How the weights (or the rules) do on the examples.
pub fn tally(weights: &[f32], examples: &[&Example]) -> Tally {
    let mut tally = Tally::default();
    for example in examples {
        let model = Perceptron::best(weights, &example.candidates, |_| true);
        let right = |gold: &[bool], choice: Option<usize>| {
            usize::from(choice.is_some_and(|c| gold.get(c).copied().unwrap_or(false)))
        };
        tally.scored += 1;
        tally.reachable += usize::from(example.nearest.iter().any(|&g| g));
        tally.model += right(&example.nearest, model);
        tally.rules += right(&example.nearest, example.rule);
        if !example.agreeing.is_empty() {
            tally.agreeing_scored += 1;
            tally.agreeing_model += right(&example.agreeing, model);
            tally.agreeing_rules += right(&example.agreeing, example.rule);
        }
    }
    tally
}

/// The cross-validated tally of each pass count of the grid.
pub fn cross_validate(data: &Examples, options: &TrainOptions) -> Vec<(usize, Tally)> {
    let mut grid = options.epoch_grid.clone();
    grid.sort_unstable();
    grid.dedup();
    let mut totals = vec![Tally::default(); grid.len()];
    let folds = options.folds.max(2);
    for fold in 0..folds {
        let (held, kept): (Vec<&Example>, Vec<&Example>) = data
            .examples
            .iter()
            .partition(|e| e.article % folds == fold);
        let checkpoints = train_checkpoints(&kept, data.features.len(), options.label, &grid);
        for (total, weights) in totals.iter_mut().zip(&checkpoints) {
            total.add(tally(weights, &held));
        }
    }
    grid.into_iter().zip(totals).collect()
}

/// The pass count with the most pronouns right under the label's rule (the smallest on ties).
pub fn choose_epochs(results: &[(usize, Tally)], label: Label) -> Option<usize> {
    let right = |t: &Tally| match label {
        Label::Nearest => t.model,
        Label::Agreeing => t.agreeing_model,
    };
    let mut best: Option<(usize, usize)> = None;
    for (epochs, t) in results {
        if best.is_none_or(|(_, r)| right(t) > r) {
            best = Some((*epochs, right(t)));
        }
    }
    best.map(|(epochs, _)| epochs)
}

/// Trains the ranker on all examples with the given pass count.
pub fn train(data: &Examples, label: Label, epochs: usize) -> PronounRanker {
    let all: Vec<&Example> = data.examples.iter().collect();
    let weights = train_checkpoints(&all, data.features.len(), label, &[epochs.max(1)])
        .pop()
        .unwrap_or_default();
    PronounRanker::from_weights(
        data.features
            .iter()
            .cloned()
            .zip(weights)
            .filter(|(_, w)| *w != 0.0)
            .collect(),
    )
}

/// The weights as a vector over the examples' feature ids (for [`tally`]).
pub fn weights_of(ranker: &PronounRanker, data: &Examples) -> Vec<f32> {
    data.features
        .iter()
        .map(|f| ranker.score(std::slice::from_ref(f)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(article: usize, candidates: Vec<Vec<u32>>, gold: usize) -> Example {
        let nearest = (0..candidates.len()).map(|i| i == gold).collect();
        Example {
            article,
            names: vec![String::new(); candidates.len()],
            candidates,
            nearest,
            agreeing: Vec::new(),
            rule: Some(0),
        }
    }

    #[test]
    fn the_perceptron_learns_a_separable_preference() {
        // Feature 1 marks the right candidate, wherever it stands.
        let examples: Vec<Example> = (0..20)
            .map(|i| {
                if i % 2 == 0 {
                    example(i, vec![vec![0], vec![1]], 1)
                } else {
                    example(i, vec![vec![1, 2], vec![0, 2]], 0)
                }
            })
            .collect();
        let data = Examples {
            examples,
            features: vec!["a".into(), "b".into(), "c".into()],
        };
        let ranker = train(&data, Label::Nearest, 3);
        let weights = weights_of(&ranker, &data);
        let all: Vec<&Example> = data.examples.iter().collect();
        let t = tally(&weights, &all);
        assert_eq!(t.model, 20);
        assert_eq!(t.rules, 10);
        let cv = cross_validate(&data, &TrainOptions::default());
        assert_eq!(choose_epochs(&cv, Label::Nearest), Some(1));
    }

    #[test]
    fn orders_are_permutations_and_fixed() {
        let mut a = order(50, 3);
        assert_eq!(a, order(50, 3));
        a.sort_unstable();
        assert_eq!(a, (0..50).collect::<Vec<_>>());
        assert!(order(0, 0).is_empty());
    }
}
