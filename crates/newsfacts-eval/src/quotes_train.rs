//! Training of the attribution model ([`newsfacts_analysts::quotes::model`]) on PolNeAR's train
//! split: each article is run through the English pipeline (optionally cached on disk, since
//! that is most of the time), its gold cues become the cue tagger's labels and each gold
//! attribution the role tagger's labels around its cue; both taggers are trained by averaged
//! perceptron for a fixed number of epochs in a fixed pseudo-random order, so a run is
//! reproducible.

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsfacts_analysts::quotes::model::{
    AttributionModel, COMPACT_ROLE_NETWORK_IDS, COMPACT_ROLE_NETWORK_SPARSE, CUE_LABELS,
    CUE_NETWORK_IDS, CUE_NETWORK_SLOTS, CUE_NETWORK_SPARSE, Context, ROLE_LABELS, ROLE_NETWORK_IDS,
    ROLE_NETWORK_SLOTS, ROLE_NETWORK_SPARSE, Sequence, Trainer, role_network_dense,
};
use newsfacts_analysts::quotes::network::{Example, Network, NetworkTrainer, Rng, Scratch};
use newsfacts_analysts::quotes::recurrent::{
    ParagraphExample, ParagraphRoleNetwork, ParagraphTrainer, Recurrent, RecurrentTrainer,
    SequenceExample, SequenceInput, Sizes, Tape,
};
use newsfacts_analysts::quotes::tokens::TokenView;
use newsfacts_doc::{Document, Span, Token, TokenVectors};

use crate::quotes::{
    Attribution, PolnearArticle, QuotesEvalError, document_for, polnear_articles, read_ann,
};

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
    /// Folds of the jackknife that gives the role tagger predicted cues to learn from (0 or
    /// 1: gold cues only).
    pub jackknife: usize,
    /// Passes of the role tagger (None: `epochs`).
    pub role_epochs: Option<usize>,
    /// Also train the cue scorer network over contextual vectors (None: the taggers alone).
    pub network: Option<NetworkOptions>,
}

/// How to train the cue scorer network ([`newsfacts_analysts::quotes::network`]).
#[derive(Debug, Clone)]
pub struct NetworkOptions {
    pub hidden: usize,
    pub epochs: usize,
    pub batch: usize,
    pub learning_rate: f32,
    pub seed: u64,
    /// Train the cue network, with this weight of its log-probabilities beside the cue
    /// tagger's scores.
    pub cue: bool,
    pub weight: f32,
    /// Train the role network, with this weight beside the role tagger's scores.
    pub role: bool,
    /// Make it the compact role network (the token's and the cue head's vectors, categorical
    /// features without parse walks; cheaper to run).
    pub compact_role: bool,
    pub role_weight: f32,
    /// Also train the recurrent role network over the compact role network's inputs.
    pub recurrent: Option<RecurrentOptions>,
    /// Also train the paragraph role network (GRU states over cue-independent inputs under a
    /// compact role network).
    pub paragraph: Option<ParagraphOptions>,
}

/// How to train the paragraph role network
/// ([`newsfacts_analysts::quotes::recurrent::ParagraphRoleNetwork`]).
#[derive(Debug, Clone)]
pub struct ParagraphOptions {
    /// Units of the encoder's projection layer under its GRUs.
    pub projection: usize,
    /// Units of each direction's GRU.
    pub hidden: usize,
    /// Units of the compact role network over the vectors and states.
    pub head_hidden: usize,
    pub epochs: usize,
    /// Paragraphs a minibatch.
    pub batch: usize,
    pub learning_rate: f32,
    pub seed: u64,
    /// Weight λ of its scores beside the role tagger's.
    pub weight: f32,
}

impl Default for ParagraphOptions {
    fn default() -> Self {
        ParagraphOptions {
            projection: 32,
            hidden: 32,
            head_hidden: 32,
            epochs: 6,
            batch: 4,
            learning_rate: 1e-3,
            seed: 37,
            weight: 64.0,
        }
    }
}

/// How to train the recurrent role network ([`newsfacts_analysts::quotes::recurrent`]).
#[derive(Debug, Clone)]
pub struct RecurrentOptions {
    /// Units of the projection layer under the GRUs.
    pub projection: usize,
    /// Units of each direction's GRU.
    pub hidden: usize,
    pub epochs: usize,
    /// Role windows a minibatch.
    pub batch: usize,
    pub learning_rate: f32,
    pub seed: u64,
    /// Train on every this many windows only (1: all), for quick trials.
    pub subsample: usize,
    /// Weight λ of its log-probabilities beside the role tagger's scores.
    pub weight: f32,
}

impl Default for RecurrentOptions {
    fn default() -> Self {
        RecurrentOptions {
            projection: 32,
            hidden: 32,
            epochs: 3,
            batch: 4,
            learning_rate: 1e-3,
            seed: 31,
            subsample: 1,
            weight: 64.0,
        }
    }
}

impl Default for NetworkOptions {
    fn default() -> Self {
        NetworkOptions {
            hidden: 64,
            epochs: 3,
            batch: 32,
            learning_rate: 1e-3,
            seed: 29,
            cue: true,
            weight: 1.0,
            role: false,
            compact_role: false,
            role_weight: 1.0,
            recurrent: None,
            paragraph: None,
        }
    }
}

impl NetworkOptions {
    /// The role network newsfacts ships: the paragraph role network (GRUs of 32 units over a
    /// projection of 32, under a compact role network of 32) with weight λ = 256 beside the
    /// role tagger. The paragraph network shipped before it (GRUs of 8 over a projection of
    /// 16, λ = 128) is what `--role-paragraph-hidden 8 --role-paragraph-projection 16
    /// --role-paragraph-weight 128` train; the compact role network alone (32 units, 6 epochs,
    /// λ = 64) what `--role-network-hidden 32 --role-paragraph-hidden 0` train. Chosen on a
    /// held-out fifth of train and the cost of the quotes stage (see ARCHITECTURE.md, "The
    /// quotation attribution model").
    pub fn shipped_role() -> NetworkOptions {
        NetworkOptions {
            hidden: 0,
            epochs: 6,
            cue: false,
            role: false,
            compact_role: true,
            role_weight: 64.0,
            paragraph: Some(ParagraphOptions {
                projection: 32,
                hidden: 32,
                weight: 256.0,
                ..ParagraphOptions::default()
            }),
            ..NetworkOptions::default()
        }
    }
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
            jackknife: 0,
            role_epochs: None,
            network: None,
        }
    }
}

/// The pipeline's output for one article, read from the cache or computed (and cached). The
/// cache keeps tokens and sentences as JSON (`NAME.json`) and the token vectors beside them
/// (`NAME.vec`: the width as a little-endian u32, then little-endian f32s); an entry missing
/// either is computed again.
pub fn parsed_document(
    text: &str,
    cache: Option<&Path>,
    name: &str,
) -> Result<Document, QuotesEvalError> {
    let cached = cache.map(|dir| {
        (
            dir.join(format!("{name}.json")),
            dir.join(format!("{name}.vec")),
        )
    });
    if let Some((json_path, vec_path)) = &cached {
        if let (Ok(bytes), Ok(vector_bytes)) = (std::fs::read(json_path), std::fs::read(vec_path)) {
            if let (Ok((tokens, sentences)), Some(token_vectors)) = (
                serde_json::from_slice::<(Vec<Token>, Vec<Span>)>(&bytes),
                vectors_from_bytes(&vector_bytes),
            ) {
                let mut doc = document_for(text, false);
                doc.tokens = tokens;
                doc.sentences = sentences;
                doc.token_vectors = token_vectors;
                return Ok(doc);
            }
        }
    }
    let doc = document_for(text, true);
    if let Some((json_path, vec_path)) = &cached {
        let io = |path: &PathBuf| {
            let path = path.clone();
            move |source| QuotesEvalError::Io { path, source }
        };
        if let Some(parent) = json_path.parent() {
            std::fs::create_dir_all(parent).map_err(io(json_path))?;
        }
        let json = serde_json::to_vec(&(&doc.tokens, &doc.sentences)).unwrap_or_default();
        std::fs::write(json_path, json).map_err(io(json_path))?;
        std::fs::write(vec_path, vectors_to_bytes(&doc.token_vectors)).map_err(io(vec_path))?;
    }
    Ok(doc)
}

/// The cache's binary form of token vectors.
fn vectors_to_bytes(vectors: &TokenVectors) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + 4 * vectors.values.len());
    out.extend_from_slice(&(vectors.width as u32).to_le_bytes());
    for v in &vectors.values {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

/// Token vectors from the cache's binary form; None when it is malformed.
fn vectors_from_bytes(bytes: &[u8]) -> Option<TokenVectors> {
    let (width, rest) = bytes.split_first_chunk::<4>()?;
    let width = u32::from_le_bytes(*width) as usize;
    if rest.len() % 4 != 0 || (width == 0 && !rest.is_empty()) {
        return None;
    }
    let values: Vec<f32> = rest
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    if width > 0 && values.len() % width != 0 {
        return None;
    }
    Some(TokenVectors { width, values })
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

/// One training article: the pipeline's document and its gold attributions.
pub struct TrainingArticle {
    pub doc: Document,
    pub gold: Vec<Attribution>,
}

/// One article read and parsed (through the cache when given), with its gold attributions.
pub fn parsed_article(
    article: &PolnearArticle,
    cache: Option<&Path>,
) -> Result<TrainingArticle, QuotesEvalError> {
    let text = read(&article.text)?;
    let gold = read_ann(&read(&article.ann)?, &text);
    let doc = parsed_document(&text, cache, &article.name())?;
    Ok(TrainingArticle { doc, gold })
}

/// The articles of a split, parsed (through the cache when given) with their gold attributions.
pub fn polnear_training_articles(
    dir: &Path,
    split: &str,
    options: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Vec<TrainingArticle>, QuotesEvalError> {
    let mut articles = polnear_articles(dir, split)?;
    if let Some(limit) = options.limit {
        articles.truncate(limit);
    }
    let cache = options.cache.as_ref().map(|c| c.join(split));
    let started = Instant::now();
    let mut out = Vec::with_capacity(articles.len());
    for (n, article) in articles.iter().enumerate() {
        out.push(parsed_article(article, cache.as_deref())?);
        if (n + 1) % 100 == 0 {
            log(&format!(
                "{split}: {} articles read ({:.0} s)",
                n + 1,
                started.elapsed().as_secs_f64()
            ));
        }
    }
    log(&format!(
        "{split}: {} articles ({:.0} s)",
        out.len(),
        started.elapsed().as_secs_f64()
    ));
    Ok(out)
}

/// Cue-tagging sequences of the articles, one list per article.
fn cue_sequences_of(articles: &[TrainingArticle]) -> Vec<Vec<Sequence>> {
    articles
        .iter()
        .map(|a| {
            let view = TokenView::of(&a.doc);
            if view.toks.is_empty() {
                return Vec::new();
            }
            let ctx = Context::new(&a.doc, &view);
            let cues: Vec<Vec<Span>> = a.gold.iter().map(|g| g.cue.clone()).collect();
            ctx.cue_sequences(Some(&cues))
                .into_iter()
                .map(|(_, seq)| seq)
                .collect()
        })
        .collect()
}

/// Cues a cue tagger trained without each article finds in it: the articles are split into
/// `folds` folds by index, and each fold is tagged by a tagger trained on the others.
fn jackknifed_cues(
    articles: &[TrainingArticle],
    cue_seqs: &[Vec<Sequence>],
    folds: usize,
    options: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Vec<Vec<(usize, usize)>> {
    let mut out = vec![Vec::new(); articles.len()];
    for fold in 0..folds {
        let mut train: Vec<Sequence> = cue_seqs
            .iter()
            .enumerate()
            .filter(|(n, _)| n % folds != fold)
            .flat_map(|(_, s)| s.iter().cloned())
            .collect();
        let cue = train_tagger(
            &format!("cue (fold {fold})"),
            CUE_LABELS,
            &mut train,
            options,
            &mut |_| {},
        );
        let model = AttributionModel::new(
            cue,
            newsfacts_analysts::quotes::model::Tagger::new(ROLE_LABELS, 8),
        );
        for (n, article) in articles.iter().enumerate() {
            if n % folds != fold {
                continue;
            }
            let view = TokenView::of(&article.doc);
            if view.toks.is_empty() {
                continue;
            }
            let ctx = Context::new(&article.doc, &view);
            out[n] = model.cues(&ctx);
        }
        log(&format!("jackknife fold {fold} tagged"));
    }
    out
}

/// Role-tagging sequences of one article: one per gold attribution, around the longest piece
/// of its cue, and one per predicted cue that is not a gold cue — labelled with the source and
/// content of the gold attribution whose cue it overlaps, or with nothing, so the role tagger
/// learns the cue tagger's errors it meets at run time.
pub fn role_sequences_of(
    ctx: &Context,
    gold: &[Attribution],
    predicted: &[(usize, usize)],
) -> Vec<Sequence> {
    role_cues_of(ctx, gold, predicted)
        .into_iter()
        .map(|(cue, labels)| ctx.role_sequence(cue, Some(labels)).1)
        .collect()
}

/// A cue (a token range), the role window around it and the window's gold role labels.
struct RoleWindow {
    cue: (usize, usize),
    window: (usize, usize),
    gold: Vec<u8>,
}

/// A cue and the source and content spans the role tagger should find for it.
type RoleCue<'g> = ((usize, usize), (&'g [Span], &'g [Span]));

/// The cues of [`role_sequences_of`] with their windows and gold labels.
fn role_windows_of(
    ctx: &Context,
    gold: &[Attribution],
    predicted: &[(usize, usize)],
) -> Vec<RoleWindow> {
    role_cues_of(ctx, gold, predicted)
        .into_iter()
        .map(|(cue, labels)| {
            let (window, seq) = ctx.role_sequence(cue, Some(labels));
            RoleWindow {
                cue,
                window,
                gold: seq.gold,
            }
        })
        .collect()
}

/// The cues the role tagger learns from, each with the source and content it should find.
fn role_cues_of<'g>(
    ctx: &Context,
    gold: &'g [Attribution],
    predicted: &[(usize, usize)],
) -> Vec<RoleCue<'g>> {
    let mut out = Vec::new();
    let gold_ranges: Vec<Option<(usize, usize)>> =
        gold.iter().map(|a| cue_range(ctx.view, &a.cue)).collect();
    for (a, range) in gold.iter().zip(&gold_ranges) {
        if let Some(range) = range {
            out.push((*range, (&a.source[..], &a.content[..])));
        }
    }
    for &cue in predicted {
        if gold_ranges.contains(&Some(cue)) {
            continue;
        }
        let overlapping = gold
            .iter()
            .zip(&gold_ranges)
            .find(|(_, r)| r.is_some_and(|(s, e)| s < cue.1 && cue.0 < e));
        let labels: (&[Span], &[Span]) = match overlapping {
            Some((a, _)) => (&a.source, &a.content),
            None => (&[], &[]),
        };
        out.push((cue, labels));
    }
    out
}

/// Trains both taggers on the articles. With `options.jackknife` folds, the role tagger also
/// learns from the cues a jackknifed cue tagger predicts.
pub fn train_model(
    articles: &[TrainingArticle],
    options: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> AttributionModel {
    let cue_seqs = cue_sequences_of(articles);
    let predicted = if options.jackknife > 1 {
        jackknifed_cues(articles, &cue_seqs, options.jackknife, options, log)
    } else {
        vec![Vec::new(); articles.len()]
    };
    let mut all_cue_seqs: Vec<Sequence> = cue_seqs.into_iter().flatten().collect();
    let cue = train_tagger("cue", CUE_LABELS, &mut all_cue_seqs, options, log);
    drop(all_cue_seqs);
    let mut role_seqs = Vec::new();
    for (article, predicted) in articles.iter().zip(&predicted) {
        let view = TokenView::of(&article.doc);
        if view.toks.is_empty() {
            continue;
        }
        let ctx = Context::new(&article.doc, &view);
        role_seqs.extend(role_sequences_of(&ctx, &article.gold, predicted));
    }
    log(&format!("{} role sequences", role_seqs.len()));
    let role_options = TrainOptions {
        epochs: options.role_epochs.unwrap_or(options.epochs),
        ..options.clone()
    };
    let role = train_tagger("role", ROLE_LABELS, &mut role_seqs, &role_options, log);
    drop(role_seqs);
    let mut model = AttributionModel::new(cue, role);
    if let Some(network) = &options.network {
        if network.cue {
            model.cue_network = train_cue_network(articles, network, log);
            model.network_weight = network.weight;
        }
        if network.role {
            model.role_network = train_role_network(articles, &predicted, network, log);
            model.role_network_weight = network.role_weight;
        }
        if let Some(recurrent) = &network.recurrent {
            model.role_recurrent = train_role_recurrent(articles, &predicted, recurrent, log);
            model.role_recurrent_weight = recurrent.weight;
        }
        if let Some(paragraph) = &network.paragraph {
            model.role_paragraph = train_role_paragraph(articles, &predicted, paragraph, log);
            model.role_paragraph_weight = paragraph.weight;
        }
    }
    model
}

/// One role window for the recurrent role network: each token's and the cue head's vector
/// rows, each token's compact categorical ids and gold label.
struct RecurrentWindow<'a> {
    vectors: &'a TokenVectors,
    head_row: u32,
    rows: Vec<u32>,
    ids: Vec<[u32; COMPACT_ROLE_NETWORK_IDS]>,
    labels: Vec<u8>,
}

/// Appends the vector of token `row`, or zeros of the vectors' width where there is none
/// (`u32::MAX` marks a missing row).
fn push_vector_row(vectors: &TokenVectors, row: u32, out: &mut Vec<f32>) {
    match vectors.of(row as usize).filter(|_| row != u32::MAX) {
        Some(v) => out.extend_from_slice(v),
        None => out.resize(out.len() + vectors.width, 0.0),
    }
}

impl SequenceExample for RecurrentWindow<'_> {
    fn tokens(&self) -> usize {
        self.labels.len()
    }

    fn dense(&self, out: &mut Vec<f32>) {
        for &row in &self.rows {
            push_vector_row(self.vectors, row, out);
            push_vector_row(self.vectors, self.head_row, out);
        }
    }

    fn ids(&self, out: &mut Vec<u32>) {
        for ids in &self.ids {
            out.extend_from_slice(ids);
        }
    }

    fn labels(&self, out: &mut Vec<usize>) {
        out.extend(self.labels.iter().map(|&l| usize::from(l)));
    }
}

/// The recurrent role network's training windows of one article (gold cues, and predicted
/// ones when `predicted` has them), as the role tagger learns from them.
fn recurrent_windows_of<'a>(
    ctx: &Context,
    article: &'a TrainingArticle,
    predicted: &[(usize, usize)],
) -> Vec<RecurrentWindow<'a>> {
    role_windows_of(ctx, &article.gold, predicted)
        .into_iter()
        .map(|RoleWindow { cue, window, gold }| {
            let head = ctx.cue_head(cue);
            let rows_of = |k: usize| ctx.role_network_rows(k, window, head);
            RecurrentWindow {
                vectors: &article.doc.token_vectors,
                head_row: rows_of(head)[1],
                rows: (window.0..window.1).map(|k| rows_of(k)[0]).collect(),
                ids: (window.0..window.1)
                    .map(|k| ctx.compact_role_network_ids(k, cue, head))
                    .collect(),
                labels: gold,
            }
        })
        .collect()
}

/// Calls `each` with every article that has contextual vectors (its index, the article and its
/// attribution context) and returns the vectors' width, 0 when no article has them.
fn each_article_with_vectors<'a>(
    articles: &'a [TrainingArticle],
    mut each: impl FnMut(usize, &'a TrainingArticle, &Context<'_>),
) -> usize {
    let mut width = 0;
    for (n, article) in articles.iter().enumerate() {
        let view = TokenView::of(&article.doc);
        if view.toks.is_empty() {
            continue;
        }
        let ctx = Context::new(&article.doc, &view);
        if !ctx.has_vectors() {
            continue;
        }
        width = ctx.vector_width;
        each(n, article, &ctx);
    }
    width
}

/// Trains the recurrent role network on the role windows the role tagger learns from, by Adam
/// over minibatches of windows in an order shuffled from `options.seed` each epoch; None when
/// no article has vectors.
pub fn train_role_recurrent(
    articles: &[TrainingArticle],
    predicted: &[Vec<(usize, usize)>],
    options: &RecurrentOptions,
    log: &mut dyn FnMut(&str),
) -> Option<Recurrent> {
    let mut windows = Vec::new();
    let width = each_article_with_vectors(articles, |n, article, ctx| {
        let predicted = predicted.get(n).map_or(&[][..], |p| &p[..]);
        windows.extend(recurrent_windows_of(ctx, article, predicted));
    });
    let every = options.subsample.max(1);
    let mut windows: Vec<RecurrentWindow> = windows
        .into_iter()
        .enumerate()
        .filter(|(n, _)| n % every == 0)
        .map(|(_, w)| w)
        .collect();
    if width == 0 || windows.is_empty() {
        return None;
    }
    let sizes = Sizes {
        dense: 2 * width,
        sparse: COMPACT_ROLE_NETWORK_SPARSE,
        projection: options.projection,
        hidden: options.hidden,
        labels: ROLE_LABELS,
    };
    let mut trainer =
        RecurrentTrainer::new(Recurrent::new(sizes, options.seed), options.learning_rate);
    let epochs = Epochs {
        seed: options.seed,
        epochs: options.epochs,
        batch: options.batch,
        network: "recurrent role network",
        unit: "windows",
    };
    epochs.run(&mut windows, log, |batch| {
        let (loss, right) = trainer.learn(batch);
        let tokens = batch.iter().map(|w| w.labels.len()).sum();
        (loss, right, tokens)
    });
    Some(trainer.net)
}

/// The epochs of a network's training: a fixed shuffle of the items each epoch (seeded), then
/// minibatches, with one log line an epoch of the mean cross-entropy and token accuracy.
struct Epochs {
    seed: u64,
    epochs: usize,
    batch: usize,
    /// What is trained, for the log ("paragraph role network").
    network: &'static str,
    /// What the items are, for the log ("windows").
    unit: &'static str,
}

impl Epochs {
    /// Runs the epochs; `learn` takes one minibatch and gives its summed loss, the tokens it
    /// labelled right and the tokens it labelled.
    fn run<T>(
        &self,
        items: &mut [T],
        log: &mut dyn FnMut(&str),
        mut learn: impl FnMut(&[T]) -> (f32, usize, usize),
    ) {
        let mut order = Rng(self.seed.max(1));
        for epoch in 1..=self.epochs {
            let started = Instant::now();
            order.shuffle(items);
            let (mut loss, mut right, mut tokens) = (0.0, 0, 0);
            for batch in items.chunks(self.batch.max(1)) {
                let (l, r, t) = learn(batch);
                loss += l;
                right += r;
                tokens += t;
            }
            log(&format!(
                "{} epoch {epoch}: {:.4} mean cross-entropy, {:.4} token accuracy over {} {}, {tokens} tokens ({:.1} s)",
                self.network,
                loss / tokens.max(1) as f32,
                right as f32 / tokens.max(1) as f32,
                items.len(),
                self.unit,
                started.elapsed().as_secs_f64()
            ));
        }
    }
}

/// One paragraph for the paragraph role network: its tokens' vector rows and own features, and
/// every token of the role windows inside it (paragraph indices of the token and its cue head,
/// the gold label, the compact network's categorical ids).
struct TrainingParagraph<'a> {
    vectors: &'a TokenVectors,
    rows: Vec<u32>,
    own_ids: Vec<[u32; 3]>,
    labelled: Vec<(u32, u32, u8)>,
    head_ids: Vec<[u32; COMPACT_ROLE_NETWORK_IDS]>,
}

impl ParagraphExample for TrainingParagraph<'_> {
    fn tokens(&self) -> usize {
        self.rows.len()
    }

    fn dense(&self, out: &mut Vec<f32>) {
        for &row in &self.rows {
            push_vector_row(self.vectors, row, out);
        }
    }

    fn ids(&self, out: &mut Vec<u32>) {
        for ids in &self.own_ids {
            out.extend_from_slice(ids);
        }
    }

    fn labelled(&self, tokens: &mut Vec<(usize, usize, usize)>, ids: &mut Vec<u32>) {
        for (&(k, head, label), head_ids) in self.labelled.iter().zip(&self.head_ids) {
            tokens.push((k as usize, head as usize, usize::from(label)));
            ids.extend_from_slice(head_ids);
        }
    }
}

/// The paragraph role network's training paragraphs of one article: each paragraph holding a
/// role window the role tagger learns from (gold cues, and predicted ones when `predicted` has
/// them), in the order of the text, with the tokens of all its windows.
fn training_paragraphs_of<'a>(
    ctx: &Context,
    article: &'a TrainingArticle,
    predicted: &[(usize, usize)],
) -> Vec<TrainingParagraph<'a>> {
    let mut paragraphs: std::collections::BTreeMap<(usize, usize), TrainingParagraph<'a>> =
        Default::default();
    for RoleWindow { cue, window, gold } in role_windows_of(ctx, &article.gold, predicted) {
        let (first, end) = ctx.paragraph_range(window.0);
        let paragraph = paragraphs
            .entry((first, end))
            .or_insert_with(|| TrainingParagraph {
                vectors: &article.doc.token_vectors,
                rows: (first..end).map(|k| ctx.vector_row_of(k)).collect(),
                own_ids: (first..end).map(|k| ctx.token_own_ids(k)).collect(),
                labelled: Vec::new(),
                head_ids: Vec::new(),
            });
        let head = ctx.cue_head(cue);
        // A cue head outside the paragraph (a broken parse) is past its end: no states.
        let head_at = if (first..end).contains(&head) {
            head - first
        } else {
            end - first
        };
        for (k, &label) in (window.0..window.1.min(end)).zip(&gold) {
            paragraph
                .labelled
                .push(((k - first) as u32, head_at as u32, label));
            paragraph
                .head_ids
                .push(ctx.compact_role_network_ids(k, cue, head));
        }
    }
    paragraphs.into_values().collect()
}

/// Trains the paragraph role network on the role windows the role tagger learns from, a
/// paragraph at a time (the GRUs run over the paragraph, the labels are its windows'), by Adam
/// over minibatches of paragraphs in an order shuffled from `options.seed` each epoch; None
/// when no article has vectors.
pub fn train_role_paragraph(
    articles: &[TrainingArticle],
    predicted: &[Vec<(usize, usize)>],
    options: &ParagraphOptions,
    log: &mut dyn FnMut(&str),
) -> Option<ParagraphRoleNetwork> {
    let mut paragraphs = Vec::new();
    let width = each_article_with_vectors(articles, |n, article, ctx| {
        let predicted = predicted.get(n).map_or(&[][..], |p| &p[..]);
        paragraphs.extend(training_paragraphs_of(ctx, article, predicted));
    });
    if width == 0 || paragraphs.is_empty() {
        return None;
    }
    let net = ParagraphRoleNetwork::new(
        width,
        COMPACT_ROLE_NETWORK_SPARSE,
        options.projection,
        options.hidden,
        options.head_hidden,
        COMPACT_ROLE_NETWORK_SPARSE,
        ROLE_LABELS,
        options.seed,
    );
    let mut trainer = ParagraphTrainer::new(net, options.learning_rate);
    let epochs = Epochs {
        seed: options.seed,
        epochs: options.epochs,
        batch: options.batch,
        network: "paragraph role network",
        unit: "paragraphs",
    };
    epochs.run(&mut paragraphs, log, |batch| trainer.learn(batch));
    Some(trainer.net)
}

/// Held-out role-token figures of a model's role networks: over the gold cues' role windows of
/// `articles`, each network's mean cross-entropy and the share of tokens whose best label is
/// the gold one, as (name, cross-entropy, accuracy, tokens).
pub fn role_network_accuracy(
    articles: &[TrainingArticle],
    model: &AttributionModel,
) -> Vec<(&'static str, f32, f32, usize)> {
    let (mut compact, mut recurrent, mut tokens) = ((0.0f32, 0usize), (0.0f32, 0usize), 0usize);
    let mut scratch = Scratch::default();
    let mut tape = Tape::default();
    let (mut dense, mut ids, mut labels) = (Vec::new(), Vec::new(), Vec::new());
    let mut log_probs = [0.0f32; ROLE_LABELS];
    let best = |p: &[f32]| {
        (0..p.len())
            .max_by(|&a, &b| p[a].total_cmp(&p[b]))
            .unwrap_or(0)
    };
    each_article_with_vectors(articles, |_, article, ctx| {
        for window in recurrent_windows_of(ctx, article, &[]) {
            dense.clear();
            ids.clear();
            labels.clear();
            window.dense(&mut dense);
            window.ids(&mut ids);
            window.labels(&mut labels);
            tokens += labels.len();
            let d = 2 * ctx.vector_width;
            let n = COMPACT_ROLE_NETWORK_IDS;
            if let Some(net) = model
                .role_network
                .as_ref()
                .filter(|net| net.dense == d && net.sparse == COMPACT_ROLE_NETWORK_SPARSE)
            {
                for (t, &gold) in labels.iter().enumerate() {
                    net.log_probs(
                        &dense[t * d..(t + 1) * d],
                        &ids[t * n..(t + 1) * n],
                        &mut scratch,
                        &mut log_probs,
                    );
                    compact.0 -= log_probs[gold];
                    compact.1 += usize::from(best(&log_probs) == gold);
                }
            }
            if let Some(net) = &model.role_recurrent {
                let input = SequenceInput {
                    dense: &dense,
                    ids: &ids,
                    ids_per_token: n,
                };
                let all = net.log_probs(input, labels.len(), &mut tape);
                for (t, &gold) in labels.iter().enumerate() {
                    let p = &all[t * ROLE_LABELS..(t + 1) * ROLE_LABELS];
                    recurrent.0 -= p[gold];
                    recurrent.1 += usize::from(best(p) == gold);
                }
            }
        }
    });
    let mut paragraph = (0.0f32, 0usize);
    if let Some(net) = &model.role_paragraph {
        let (mut queries, mut head_ids) = (Vec::new(), Vec::new());
        each_article_with_vectors(articles, |_, article, ctx| {
            for example in training_paragraphs_of(ctx, article, &[]) {
                dense.clear();
                ids.clear();
                labels.clear();
                queries.clear();
                head_ids.clear();
                example.dense(&mut dense);
                example.ids(&mut ids);
                let mut labelled = Vec::new();
                example.labelled(&mut labelled, &mut head_ids);
                queries.extend(labelled.iter().map(|&(k, head, _)| (k, head)));
                let tokens = example.tokens();
                let input = SequenceInput {
                    dense: &dense,
                    ids: &ids,
                    ids_per_token: ids.len() / tokens.max(1),
                };
                let all = net.log_probs(input, tokens, &queries, &head_ids, &mut tape);
                for (n, &(_, _, gold)) in labelled.iter().enumerate() {
                    let p = &all[n * ROLE_LABELS..(n + 1) * ROLE_LABELS];
                    paragraph.0 -= p[gold];
                    paragraph.1 += usize::from(best(p) == gold);
                }
            }
        });
    }
    let share = |(loss, right): (f32, usize)| {
        (
            loss / tokens.max(1) as f32,
            right as f32 / tokens.max(1) as f32,
        )
    };
    let mut out = Vec::new();
    if model.role_network.is_some() {
        let (l, a) = share(compact);
        out.push(("compact role network", l, a, tokens));
    }
    if model.role_recurrent.is_some() {
        let (l, a) = share(recurrent);
        out.push(("recurrent role network", l, a, tokens));
    }
    if model.role_paragraph.is_some() {
        let (l, a) = share(paragraph);
        out.push(("paragraph role network", l, a, tokens));
    }
    out
}

/// One token of a role window for the role network.
struct RoleToken<'a> {
    vectors: &'a TokenVectors,
    rows: [u32; ROLE_NETWORK_SLOTS],
    ids: [u32; ROLE_NETWORK_IDS],
    label: u8,
}

impl Example for RoleToken<'_> {
    fn dense(&self, out: &mut Vec<f32>) {
        role_network_dense(&self.vectors.values, self.vectors.width, &self.rows, out);
    }

    fn sparse(&self, out: &mut Vec<u32>) {
        out.extend_from_slice(&self.ids);
    }

    fn label(&self) -> usize {
        usize::from(self.label)
    }
}

/// One token of a role window for the compact role network: the token's and the cue head's
/// rows.
type CompactRoleToken<'a> = VectorRowsToken<'a, 2, COMPACT_ROLE_NETWORK_IDS>;

/// Trains the role scorer network on the role windows the role tagger learns from (gold cues,
/// and predicted ones when `predicted` has them).
pub fn train_role_network(
    articles: &[TrainingArticle],
    predicted: &[Vec<(usize, usize)>],
    options: &NetworkOptions,
    log: &mut dyn FnMut(&str),
) -> Option<Network> {
    let mut tokens = Vec::new();
    let mut compact = Vec::new();
    let width = each_article_with_vectors(articles, |n, article, ctx| {
        let predicted = predicted.get(n).map_or(&[][..], |p| &p[..]);
        for RoleWindow { cue, window, gold } in role_windows_of(ctx, &article.gold, predicted) {
            let head = ctx.cue_head(cue);
            for (k, &label) in (window.0..window.1).zip(&gold) {
                let rows = ctx.role_network_rows(k, window, head);
                if options.compact_role {
                    compact.push(CompactRoleToken {
                        vectors: &article.doc.token_vectors,
                        rows: [rows[0], rows[1]],
                        ids: ctx.compact_role_network_ids(k, cue, head),
                        label,
                    });
                } else {
                    tokens.push(RoleToken {
                        vectors: &article.doc.token_vectors,
                        rows,
                        ids: ctx.role_network_ids(k, cue, head),
                        label,
                    });
                }
            }
        }
    });
    if width == 0 {
        return None;
    }
    if options.compact_role {
        return (!compact.is_empty()).then(|| {
            fit_network(
                "compact role network",
                &mut compact,
                2 * width,
                COMPACT_ROLE_NETWORK_SPARSE,
                ROLE_LABELS,
                options,
                log,
            )
        });
    }
    (!tokens.is_empty()).then(|| {
        fit_network(
            "role network",
            &mut tokens,
            Context::role_network_dense_width(width),
            ROLE_NETWORK_SPARSE,
            ROLE_LABELS,
            options,
            log,
        )
    })
}

/// One token for the cue network.
type CueToken<'a> = VectorRowsToken<'a, CUE_NETWORK_SLOTS, CUE_NETWORK_IDS>;

/// A network example whose dense input is the vectors of some tokens, one after another (zeros
/// for a missing row, `u32::MAX`): where its input vectors are, its categorical ids, its gold
/// label.
struct VectorRowsToken<'a, const ROWS: usize, const IDS: usize> {
    vectors: &'a TokenVectors,
    rows: [u32; ROWS],
    ids: [u32; IDS],
    label: u8,
}

impl<const ROWS: usize, const IDS: usize> Example for VectorRowsToken<'_, ROWS, IDS> {
    fn dense(&self, out: &mut Vec<f32>) {
        for &row in &self.rows {
            push_vector_row(self.vectors, row, out);
        }
    }

    fn sparse(&self, out: &mut Vec<u32>) {
        out.extend_from_slice(&self.ids);
    }

    fn label(&self) -> usize {
        usize::from(self.label)
    }
}

/// Trains the cue scorer network on the tokens of the articles' sentences (those with
/// contextual vectors), by minibatch Adam in a fixed shuffled order; None when no article has
/// vectors.
pub fn train_cue_network(
    articles: &[TrainingArticle],
    options: &NetworkOptions,
    log: &mut dyn FnMut(&str),
) -> Option<Network> {
    let mut tokens = Vec::new();
    let width = each_article_with_vectors(articles, |_, article, ctx| {
        let cues: Vec<Vec<Span>> = article.gold.iter().map(|g| g.cue.clone()).collect();
        for ((a, b), seq) in ctx.cue_sequences(Some(&cues)) {
            for (k, &label) in (a..b).zip(&seq.gold) {
                tokens.push(CueToken {
                    vectors: &article.doc.token_vectors,
                    rows: ctx.cue_network_rows(k, (a, b)),
                    ids: ctx.cue_network_ids(k, (a, b)),
                    label,
                });
            }
        }
    });
    if tokens.is_empty() || width == 0 {
        return None;
    }
    Some(fit_network(
        "cue network",
        &mut tokens,
        Context::cue_network_dense_width(width),
        CUE_NETWORK_SPARSE,
        CUE_LABELS,
        options,
        log,
    ))
}

/// Trains a network of `options.hidden` units on `tokens` by minibatch Adam, visiting them in
/// an order shuffled from `options.seed` each epoch.
fn fit_network<E: Example>(
    name: &str,
    tokens: &mut [E],
    dense: usize,
    sparse: usize,
    labels: usize,
    options: &NetworkOptions,
    log: &mut dyn FnMut(&str),
) -> Network {
    let net = Network::new(dense, sparse, options.hidden, labels, options.seed);
    let mut trainer = NetworkTrainer::new(net, options.learning_rate);
    let mut order = Rng(options.seed.max(1));
    for epoch in 1..=options.epochs {
        let started = Instant::now();
        order.shuffle(tokens);
        let loss: f32 = tokens
            .chunks(options.batch.max(1))
            .map(|batch| trainer.learn(batch))
            .sum();
        log(&format!(
            "{name} epoch {epoch}: {:.4} mean cross-entropy over {} tokens ({:.1} s)",
            loss / tokens.len().max(1) as f32,
            tokens.len(),
            started.elapsed().as_secs_f64()
        ));
    }
    trainer.net
}

/// The token range of the longest piece of a cue, if it covers any token.
pub fn cue_range(view: &TokenView, cue: &[Span]) -> Option<(usize, usize)> {
    let piece = cue.iter().max_by_key(|s| s.end - s.start)?;
    let first = view.first_from(piece.start);
    let end = view.toks.partition_point(|t| t.start < piece.end);
    (end > first).then_some((first, end))
}

fn read(path: &Path) -> Result<String, QuotesEvalError> {
    std::fs::read_to_string(path).map_err(|source| QuotesEvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Trains one tagger for `epochs` passes over `seqs`.
pub fn train_tagger(
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
    let articles = polnear_training_articles(dir, "train", options, log)?;
    Ok(train_model(&articles, options, log))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_predicted_cue_that_is_no_gold_cue_learns_to_take_nothing() {
        let text = "Smith said taxes rise. Jones walked home.";
        let doc = document_for(text, false);
        let view = TokenView::of(&doc);
        let ctx = Context::new(&doc, &view);
        let at = |w: &str| {
            let s = text.find(w).unwrap_or(0);
            vec![Span::new(s, s + w.len())]
        };
        let gold = vec![Attribution {
            source: at("Smith"),
            cue: at("said"),
            content: at("taxes rise"),
        }];
        let said = cue_range(&view, &gold[0].cue).unwrap_or((0, 0));
        let walked = cue_range(&view, &at("walked")).unwrap_or((0, 0));
        let seqs = role_sequences_of(&ctx, &gold, &[said, walked]);
        // The gold cue once (a prediction equal to it adds nothing), the wrong cue once.
        assert_eq!(seqs.len(), 2);
        assert!(seqs[0].gold.iter().any(|&l| l != 0));
        assert!(seqs[1].gold.iter().all(|&l| l == 0));
    }

    #[test]
    fn token_vectors_survive_the_cache_and_a_bad_entry_is_refused() {
        let vectors = TokenVectors {
            width: 2,
            values: vec![0.5, -1.25, 3.0, 0.0],
        };
        assert_eq!(
            vectors_from_bytes(&vectors_to_bytes(&vectors)),
            Some(vectors)
        );
        assert_eq!(vectors_from_bytes(&[2, 0, 0, 0, 1, 2, 3]), None);
        assert_eq!(vectors_from_bytes(&[1, 0]), None);
    }

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
