//! Training of the attribution model ([`newsfacts_analysts::quotes::model`]) on PolNeAR's train
//! split: each article is run through the English pipeline (optionally cached on disk, since
//! that is most of the time), its gold cues become the cue tagger's labels and each gold
//! attribution the role tagger's labels around its cue; both taggers are trained by averaged
//! perceptron for a fixed number of epochs in a fixed pseudo-random order, so a run is
//! reproducible.

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsfacts_analysts::quotes::model::{
    AttributionModel, CUE_LABELS, Context, ROLE_LABELS, Sequence, Trainer,
};
use newsfacts_analysts::quotes::tokens::TokenView;
use newsfacts_doc::{Document, Span, Token};

use crate::quotes::{QuotesEvalError, document_for, polnear_articles, read_ann};

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    /// log2 of the number of hashed feature buckets.
    pub bits: u32,
    /// Weights under this absolute value are left out of the model file.
    pub prune: f32,
    /// Where to keep the English pipeline's output per article between runs.
    pub cache: Option<PathBuf>,
    /// Train on the first this many articles only (quick trials).
    pub limit: Option<usize>,
    /// Seed of the order sequences are visited in.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 8,
            bits: 17,
            prune: 0.0,
            cache: None,
            limit: None,
            seed: 17,
        }
    }
}

/// The pipeline's output for one article, read from the cache or computed (and cached).
pub fn parsed_document(
    text: &str,
    cache: Option<&Path>,
    name: &str,
) -> Result<Document, QuotesEvalError> {
    let cached = cache.map(|dir| dir.join(format!("{name}.json")));
    if let Some(path) = &cached {
        if let Ok(bytes) = std::fs::read(path) {
            if let Ok((tokens, sentences)) =
                serde_json::from_slice::<(Vec<Token>, Vec<Span>)>(&bytes)
            {
                let mut doc = document_for(text, false);
                doc.tokens = tokens;
                doc.sentences = sentences;
                return Ok(doc);
            }
        }
    }
    let doc = document_for(text, true);
    if let Some(path) = &cached {
        let io = |source| QuotesEvalError::Io {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        let json = serde_json::to_vec(&(&doc.tokens, &doc.sentences)).unwrap_or_default();
        std::fs::write(path, json).map_err(io)?;
    }
    Ok(doc)
}

/// A small deterministic generator for the visiting order (xorshift64*).
struct Order(u64);

impl Order {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// The training sequences of a split: cue sequences (one per sentence) and role sequences (one
/// per gold attribution).
pub fn polnear_sequences(
    dir: &Path,
    split: &str,
    options: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<(Vec<Sequence>, Vec<Sequence>), QuotesEvalError> {
    let mut articles = polnear_articles(dir, split)?;
    if let Some(limit) = options.limit {
        articles.truncate(limit);
    }
    let cache = options.cache.as_ref().map(|c| c.join(split));
    let started = Instant::now();
    let mut cue_seqs = Vec::new();
    let mut role_seqs = Vec::new();
    for (n, article) in articles.iter().enumerate() {
        let text = read(&article.text)?;
        let gold = read_ann(&read(&article.ann)?, &text);
        let name = article
            .text
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| n.to_string());
        let doc = parsed_document(&text, cache.as_deref(), &name)?;
        let view = TokenView::of(&doc);
        if view.toks.is_empty() {
            continue;
        }
        let ctx = Context::new(&doc, &view);
        let cues: Vec<Vec<Span>> = gold.iter().map(|a| a.cue.clone()).collect();
        cue_seqs.extend(
            ctx.cue_sequences(Some(&cues))
                .into_iter()
                .map(|(_, seq)| seq),
        );
        for a in &gold {
            // The role tagger is trained on the longest piece of a cue, as it is applied.
            let Some(piece) = a.cue.iter().max_by_key(|s| s.end - s.start) else {
                continue;
            };
            let first = view.first_from(piece.start);
            let end = view.toks.partition_point(|t| t.start < piece.end);
            if end <= first {
                continue;
            }
            let (_, seq) = ctx.role_sequence((first, end), Some((&a.source, &a.content)));
            role_seqs.push(seq);
        }
        if (n + 1) % 100 == 0 {
            log(&format!(
                "{split}: {} articles read ({:.0} s)",
                n + 1,
                started.elapsed().as_secs_f64()
            ));
        }
    }
    log(&format!(
        "{split}: {} articles, {} cue sequences, {} attributions ({:.0} s)",
        articles.len(),
        cue_seqs.len(),
        role_seqs.len(),
        started.elapsed().as_secs_f64()
    ));
    Ok((cue_seqs, role_seqs))
}

fn read(path: &Path) -> Result<String, QuotesEvalError> {
    std::fs::read_to_string(path).map_err(|source| QuotesEvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Trains one tagger for `epochs` passes over `seqs`.
fn train_tagger(
    name: &str,
    labels: usize,
    seqs: &mut [Sequence],
    options: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> newsfacts_analysts::quotes::model::Tagger {
    let mut trainer = Trainer::new(labels, options.bits);
    let mut order = Order(options.seed.max(1));
    let tokens: usize = seqs.iter().map(|s| s.gold.len()).sum();
    for epoch in 1..=options.epochs {
        let started = Instant::now();
        order.shuffle(seqs);
        let errors: usize = seqs.iter().map(|s| trainer.learn(s)).sum();
        log(&format!(
            "{name} epoch {epoch}: {:.4} token error rate ({:.1} s)",
            errors as f64 / tokens.max(1) as f64,
            started.elapsed().as_secs_f64()
        ));
    }
    trainer.averaged()
}

/// Trains the attribution model on PolNeAR's train split (`dir` holds `metadata.tsv`).
pub fn train_polnear(
    dir: &Path,
    options: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<AttributionModel, QuotesEvalError> {
    let (mut cue_seqs, mut role_seqs) = polnear_sequences(dir, "train", options, log)?;
    let cue = train_tagger("cue", CUE_LABELS, &mut cue_seqs, options, log);
    drop(cue_seqs);
    let role = train_tagger("role", ROLE_LABELS, &mut role_seqs, options, log);
    Ok(AttributionModel { cue, role })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_visiting_order_is_fixed_by_the_seed() {
        let mut a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        Order(17).shuffle(&mut a);
        Order(17).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..20).collect::<Vec<_>>());
    }
}
