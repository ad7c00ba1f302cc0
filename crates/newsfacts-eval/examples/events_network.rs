//! Measures, on the development part of the NGEC synthetic stories (index 4 mod 5; training
//! data, MIT), how often the main predicate of a story's lead sentence gets the story's label
//! from (a) the event lexicon, (b) the shipped trigger classifier (averaged perceptron over
//! hashed clause features) and (c) a feed-forward network trained here on the same examples as
//! the perceptron (`events_train::labelled_verbs`): one ReLU layer over the English pipeline's
//! contextual vectors (tok2vec) of the verb, its subject and object heads, its governor and the
//! mean of its sentence, plus embeddings of the perceptron's clause features. Prints aggregate
//! figures and a confusion summary only.
//!
//! `cargo run --release -p newsfacts-eval --example events_network -- SYNTHETIC.csv.zip
//! HEADLINES.csv NEWS.jsonl [--cache FILE] [--none-share X] [--hidden N] [--epochs N]
//! [--no-dense] [--no-sparse] [--slots 01234] [--standardise] [--save FILE]`
//!
//! `--slots` picks the vectors read (0 verb, 1 subject, 2 object, 3 governor, 4 sentence
//! mean); `--standardise` scales each input to the training sample's mean and spread;
//! `--save` writes the trained network (its byte length as u32, `Network::to_bytes`, then the
//! vocabulary: the feature hash of each embedding row as u64, in row order) for trying it in
//! the event coder. The analysed examples are written to the cache file (default
//! /tmp/newsfacts-events-network-2.bin) and read from it on later runs. Also printed: on the
//! development main predicates the lexicon codes whose lemma `lexicon::verb_types` gives
//! several types, how often each model's choice among those types is right.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;

use newsfacts_analysts::Pipeline;
use newsfacts_analysts::events::classifier::{
    self, ClassifierUse, EventClassifier, clause_features, feature_hash,
};
use newsfacts_analysts::events::lexicon;
use newsfacts_analysts::events::parse::Parse;
use newsfacts_analysts::quotes::network::{Example, Network, NetworkTrainer, Rng, Scratch};
use newsfacts_doc::Document;
use newsfacts_eval::events_train::{self, Story, argmax};

/// Vectors the network reads per verb: the verb's, its subject head's, its object head's, its
/// governor's, and the mean over its sentence.
const SLOTS: usize = 5;

/// One verb, analysed.
struct Row {
    label: u8,
    dev: bool,
    main: bool,
    known: bool,
    /// 0 story, 1 headline, 2 news.
    kind: u8,
    lexicon: Option<u8>,
    /// The types the lexicon can give the verb's lemma (`lexicon::verb_types`), one bit per
    /// label.
    candidates: u32,
    draw: f32,
    /// The shipped perceptron's scores, per label.
    perceptron: Vec<f32>,
    dense: Vec<f32>,
    features: Vec<u64>,
}

/// The subject head of verb `i`: its own subject, else (for a complement or conjunct without
/// one) its governor's.
fn subject_of(parse: &Parse<'_>, i: usize) -> Option<usize> {
    parse.child(i, &["nsubj", "nsubjpass"]).or_else(|| {
        let h = parse.head(i)?;
        matches!(parse.dep(i), "xcomp" | "conj" | "advcl")
            .then(|| parse.child(h, &["nsubj", "nsubjpass"]))
            .flatten()
    })
}

/// The object head of verb `i`: its direct object, else its dative, else the object of its
/// first preposition.
fn object_of(parse: &Parse<'_>, i: usize) -> Option<usize> {
    parse
        .child(i, &["dobj", "attr"])
        .or_else(|| parse.child(i, &["dative"]))
        .or_else(|| {
            let p = parse.child(i, &["prep", "agent"])?;
            parse.child(p, &["pobj"])
        })
}

/// The dense input of verb `i`: SLOTS vectors (zeros where there is none).
fn dense_input(parse: &Parse<'_>, doc: &Document, i: usize, out: &mut Vec<f32>) {
    let width = doc.token_vectors.width;
    let vector =
        |k: Option<usize>, out: &mut Vec<f32>| match k.and_then(|k| doc.token_vectors.of(k)) {
            Some(v) => out.extend_from_slice(v),
            None => out.extend(std::iter::repeat_n(0.0, width)),
        };
    vector(Some(i), out);
    vector(subject_of(parse, i), out);
    vector(object_of(parse, i), out);
    vector(parse.head(i), out);
    let start = parse.toks[i].start;
    let sentence = doc
        .sentences
        .iter()
        .find(|s| s.start <= start && start < s.end);
    let mut mean = vec![0.0f32; width];
    let mut count = 0usize;
    if let Some(s) = sentence {
        for (k, t) in parse.toks.iter().enumerate() {
            if t.start >= s.start
                && t.end <= s.end
                && let Some(v) = doc.token_vectors.of(k)
            {
                for (m, x) in mean.iter_mut().zip(v) {
                    *m += x;
                }
                count += 1;
            }
        }
    }
    if count > 0 {
        for m in &mut mean {
            *m /= count as f32;
        }
    }
    out.extend_from_slice(&mean);
}

fn analyse(stories: &[Story]) -> Vec<Row> {
    let labels = classifier::labels();
    let label_index: HashMap<&str, usize> =
        labels.iter().enumerate().map(|(k, l)| (*l, k)).collect();
    let pipeline = Pipeline::new()
        .with_classifier_use(ClassifierUse::Off)
        .with_token_vectors();
    let Some(perceptron) = EventClassifier::embedded() else {
        eprintln!("no embedded trigger classifier");
        std::process::exit(1);
    };
    let mut rows = Vec::new();
    for (n, story) in stories.iter().enumerate() {
        let doc = pipeline.analyze(newsfacts_ingest::text::article_from_text(&story.text, None));
        if doc.token_vectors.len() != doc.tokens.len() {
            continue;
        }
        let Some(parse) = Parse::of(&doc) else {
            continue;
        };
        for verb in events_train::labelled_verbs(story, &doc, &parse, &label_index) {
            // Training NONE examples beyond half are never sampled: not kept.
            if !verb.dev && !verb.main && verb.draw >= 0.5 {
                continue;
            }
            let mut dense = Vec::with_capacity(SLOTS * doc.token_vectors.width);
            dense_input(&parse, &doc, verb.token, &mut dense);
            let features: Vec<u64> = clause_features(&parse, verb.token)
                .iter()
                .map(|f| feature_hash(f))
                .collect();
            rows.push(Row {
                label: verb.label as u8,
                dev: verb.dev,
                main: verb.main,
                known: verb.known,
                kind: if story.news {
                    2
                } else if story.headline {
                    1
                } else {
                    0
                },
                lexicon: verb.lexicon.map(|l| l as u8),
                candidates: lexicon::verb_types(&parse.lemma[verb.token])
                    .iter()
                    .filter_map(|t| label_index.get(t))
                    .fold(0u32, |mask, &k| mask | (1 << k)),
                draw: verb.draw as f32,
                perceptron: perceptron.score_hashes(&features).values,
                dense,
                features,
            });
        }
        if (n + 1) % 500 == 0 {
            eprintln!("analysed {} of {}", n + 1, stories.len());
        }
    }
    rows
}

fn write_rows(path: &Path, rows: &[Row]) -> std::io::Result<()> {
    let mut out = Vec::new();
    out.extend_from_slice(&(rows.len() as u64).to_le_bytes());
    for r in rows {
        out.extend_from_slice(&[
            r.label,
            u8::from(r.dev),
            u8::from(r.main),
            u8::from(r.known),
            r.kind,
            r.lexicon.unwrap_or(255),
        ]);
        out.extend_from_slice(&r.candidates.to_le_bytes());
        out.extend_from_slice(&r.draw.to_le_bytes());
        for part in [&r.perceptron, &r.dense] {
            out.extend_from_slice(&(part.len() as u32).to_le_bytes());
            for x in part.iter() {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out.extend_from_slice(&(r.features.len() as u32).to_le_bytes());
        for h in &r.features {
            out.extend_from_slice(&h.to_le_bytes());
        }
    }
    std::fs::File::create(path)?.write_all(&out)
}

fn read_rows(path: &Path) -> Option<Vec<Row>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .read_to_end(&mut bytes)
        .ok()?;
    let mut at = 0usize;
    let mut take = |n: usize| -> Option<&[u8]> {
        let slice = bytes.get(at..at + n)?;
        at += n;
        Some(slice)
    };
    let count = u64::from_le_bytes(take(8)?.try_into().ok()?) as usize;
    let mut rows = Vec::with_capacity(count);
    for _ in 0..count {
        let head = take(6)?.to_vec();
        let candidates = u32::from_le_bytes(take(4)?.try_into().ok()?);
        let draw = f32::from_le_bytes(take(4)?.try_into().ok()?);
        let floats = |take: &mut dyn FnMut(usize) -> Option<Vec<u8>>| -> Option<Vec<f32>> {
            let n = u32::from_le_bytes(take(4)?.try_into().ok()?) as usize;
            Some(
                take(4 * n)?
                    .chunks_exact(4)
                    .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect(),
            )
        };
        let mut taker = |n: usize| take(n).map(<[u8]>::to_vec);
        let perceptron = floats(&mut taker)?;
        let dense = floats(&mut taker)?;
        let n = u32::from_le_bytes(taker(4)?.try_into().ok()?) as usize;
        let features = taker(8 * n)?
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
            .collect();
        rows.push(Row {
            label: head[0],
            dev: head[1] == 1,
            main: head[2] == 1,
            known: head[3] == 1,
            kind: head[4],
            lexicon: (head[5] != 255).then_some(head[5]),
            candidates,
            draw,
            perceptron,
            dense,
            features,
        });
    }
    Some(rows)
}

/// A training example for the network: a row with its features mapped to embedding rows.
struct Input<'r> {
    row: &'r Row,
    ids: Vec<u32>,
    /// The dense input, standardised and cut to the slots used.
    dense: Vec<f32>,
}

impl Example for Input<'_> {
    fn dense(&self, out: &mut Vec<f32>) {
        out.extend_from_slice(&self.dense);
    }
    fn sparse(&self, out: &mut Vec<u32>) {
        out.extend_from_slice(&self.ids);
    }
    fn label(&self) -> usize {
        usize::from(self.row.label)
    }
}

/// The best F1 of filling over verbs the lexicon does not know, ranked by the margin of the
/// best type over NONE (a fill is right when it is a main predicate given its label).
fn fill_f1(rows: &[&Row], scores: &[Vec<f32>]) -> f64 {
    let mut candidates: Vec<(f32, bool)> = Vec::new();
    let mut positives = 0usize;
    for (r, s) in rows.iter().zip(scores) {
        if r.known {
            continue;
        }
        positives += usize::from(r.main);
        let best = argmax(&s[1..]) + 1;
        candidates.push((s[best] - s[0], r.main && best == usize::from(r.label)));
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut best_f1, mut correct) = (0.0f64, 0usize);
    for (k, (_, right)) in candidates.iter().enumerate() {
        correct += usize::from(*right);
        if correct > 0 {
            let p = correct as f64 / (k + 1) as f64;
            let r = correct as f64 / positives.max(1) as f64;
            best_f1 = best_f1.max(2.0 * p * r / (p + r));
        }
    }
    best_f1
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: events_network SYNTHETIC HEADLINES NEWS [options]");
        std::process::exit(2);
    }
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|k| args.get(k + 1))
            .cloned()
    };
    let flag = |name: &str| args.iter().any(|a| a == name);
    let cache = option("--cache").unwrap_or_else(|| "/tmp/newsfacts-events-network-2.bin".into());
    let none_share: f32 = option("--none-share")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.1);
    let hidden: usize = option("--hidden")
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let epochs: usize = option("--epochs").and_then(|v| v.parse().ok()).unwrap_or(8);
    let use_dense = !flag("--no-dense");
    let standardise = flag("--standardise");
    // Which of the SLOTS vectors to read, e.g. "01234".
    let slots: Vec<usize> = option("--slots")
        .unwrap_or_else(|| "01234".into())
        .chars()
        .filter_map(|c| c.to_digit(10).map(|d| d as usize))
        .filter(|&d| d < SLOTS)
        .collect();
    let use_sparse = !flag("--no-sparse");
    let rows = match read_rows(Path::new(&cache)) {
        Some(rows) => rows,
        None => {
            let mut stories = events_train::load_synthetic(Path::new(&args[0])).unwrap_or_default();
            stories.extend(events_train::load_headlines(Path::new(&args[1])).unwrap_or_default());
            stories
                .extend(events_train::load_news(Path::new(&args[2]), 300, 4).unwrap_or_default());
            let rows = analyse(&stories);
            if let Err(e) = write_rows(Path::new(&cache), &rows) {
                eprintln!("cannot write {cache}: {e}");
            }
            rows
        }
    };
    let labels = classifier::labels();
    let (dev, train): (Vec<&Row>, Vec<&Row>) = rows.iter().partition(|r| r.dev);
    let sample: Vec<&Row> = train
        .iter()
        .copied()
        .filter(|r| r.main || r.draw < none_share)
        .collect();
    // Embedding rows: clause features seen at least twice in the training sample, commonest
    // first, at most 65,535.
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for r in &sample {
        for h in &r.features {
            *counts.entry(*h).or_default() += 1;
        }
    }
    let mut vocabulary: Vec<(u64, usize)> = counts.into_iter().filter(|(_, c)| *c >= 2).collect();
    vocabulary.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    vocabulary.truncate(65_535);
    let ids: HashMap<u64, u32> = vocabulary
        .iter()
        .enumerate()
        .map(|(k, (h, _))| (*h, k as u32))
        .collect();
    let full = rows.first().map_or(0, |r| r.dense.len());
    let vector_width = full / SLOTS;
    // Per-dimension mean and spread over the training sample, for standardising.
    let mut mean = vec![0.0f64; full];
    let mut square = vec![0.0f64; full];
    for r in &sample {
        for (k, x) in r.dense.iter().enumerate() {
            mean[k] += f64::from(*x);
            square[k] += f64::from(*x) * f64::from(*x);
        }
    }
    let n = sample.len().max(1) as f64;
    let spread: Vec<f32> = mean
        .iter()
        .zip(&square)
        .map(|(m, s)| ((s / n - (m / n) * (m / n)).max(1e-6)).sqrt() as f32)
        .collect();
    let mean: Vec<f32> = mean.iter().map(|m| (m / n) as f32).collect();
    let input = |r: &'_ Row| {
        let ids = if use_sparse {
            r.features
                .iter()
                .filter_map(|h| ids.get(h).copied())
                .collect()
        } else {
            Vec::new()
        };
        let mut dense = Vec::new();
        if use_dense {
            for &slot in &slots {
                for k in slot * vector_width..(slot + 1) * vector_width {
                    let x = r.dense.get(k).copied().unwrap_or(0.0);
                    dense.push(if standardise {
                        (x - mean[k]) / spread[k]
                    } else {
                        x
                    });
                }
            }
        }
        (ids, dense)
    };
    let width = if use_dense {
        slots.len() * vector_width
    } else {
        1
    };
    eprintln!(
        "{} rows; training sample {} ({} main predicates), development {} ({} main); dense {width}, vocabulary {}",
        rows.len(),
        sample.len(),
        sample.iter().filter(|r| r.main).count(),
        dev.len(),
        dev.iter().filter(|r| r.main).count(),
        ids.len()
    );
    let mut inputs: Vec<Input<'_>> = sample
        .iter()
        .map(|r| {
            let (ids, dense) = input(r);
            Input { row: r, ids, dense }
        })
        .collect();
    eprintln!(
        "dense scale: mean |x| {:.3}, mean spread {:.3}",
        mean.iter().map(|m| m.abs()).sum::<f32>() / full.max(1) as f32,
        spread.iter().sum::<f32>() / full.max(1) as f32
    );
    let net = Network::new(width.max(1), ids.len().max(1), hidden, labels.len(), 17);
    let mut trainer = NetworkTrainer::new(net, 1e-3);
    let mut rng = Rng(0x5eed);
    let dev_inputs: Vec<Input<'_>> = dev
        .iter()
        .map(|r| {
            let (ids, dense) = input(r);
            Input { row: r, ids, dense }
        })
        .collect();
    let score_all = |net: &Network| -> Vec<Vec<f32>> {
        let mut scratch = Scratch::default();
        let (mut dense, mut sparse) = (Vec::new(), Vec::new());
        dev_inputs
            .iter()
            .map(|e| {
                dense.clear();
                sparse.clear();
                e.dense(&mut dense);
                e.sparse(&mut sparse);
                let mut out = vec![0.0f32; labels.len()];
                net.log_probs(&dense, &sparse, &mut scratch, &mut out);
                out
            })
            .collect()
    };
    let summary = |name: &str, scores: &[Vec<f32>]| {
        let (mut mains, mut right, mut typed, mut nones, mut none_right) = (0, 0, 0, 0, 0);
        for (r, s) in dev.iter().zip(scores) {
            if r.kind != 0 && r.kind != 2 {
                continue;
            }
            if r.main {
                mains += 1;
                right += usize::from(argmax(s) == usize::from(r.label));
                typed += usize::from(argmax(&s[1..]) + 1 == usize::from(r.label));
            } else {
                nones += 1;
                none_right += usize::from(argmax(s) == 0);
            }
        }
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        println!(
            "{name}: NGEC development main predicates {right}/{mains} = {:.1} % (type alone {typed} = {:.1} %), weak NONE {:.1} % of {nones}, fill F1 {:.1} %",
            pct(right, mains),
            pct(typed, mains),
            pct(none_right, nones),
            100.0 * fill_f1(&dev, scores)
        );
    };
    let perceptron_scores: Vec<Vec<f32>> = dev.iter().map(|r| r.perceptron.clone()).collect();
    let lexicon_right = dev
        .iter()
        .filter(|r| r.main && r.kind == 0 && r.lexicon == Some(r.label))
        .count();
    let dev_mains = dev.iter().filter(|r| r.main && r.kind == 0).count();
    println!(
        "(a) lexicon: NGEC development main predicates coded with the story's label {lexicon_right}/{dev_mains} = {:.1} %",
        100.0 * lexicon_right as f64 / dev_mains.max(1) as f64
    );
    summary("(b) shipped perceptron", &perceptron_scores);
    let mut last = Vec::new();
    for epoch in 1..=epochs {
        rng.shuffle(&mut inputs);
        let loss: f32 = inputs.chunks(32).map(|b| trainer.learn(b)).sum();
        let scores = score_all(&trainer.net);
        eprintln!(
            "epoch {epoch}: mean cross-entropy {:.4}",
            loss / inputs.len().max(1) as f32
        );
        summary(&format!("(c) network, epoch {epoch}"), &scores);
        last = scores;
    }
    if let Some(path) = option("--save") {
        let net = trainer.net.to_bytes();
        let mut out = (net.len() as u32).to_le_bytes().to_vec();
        out.extend_from_slice(&net);
        for (h, _) in &vocabulary {
            out.extend_from_slice(&h.to_le_bytes());
        }
        if let Err(e) = std::fs::write(&path, out) {
            eprintln!("cannot write {path}: {e}");
        }
    }
    // The lexicon's ambiguous verbs: development main predicates the lexicon coded, whose lemma
    // the lexicon can give several types; the type each model prefers among those.
    let among = |s: &[f32], mask: u32| -> usize {
        let mut best = usize::MAX;
        for k in 0..s.len() {
            if mask & (1 << k) != 0 && (best == usize::MAX || s[k] > s[best]) {
                best = k;
            }
        }
        best
    };
    let (mut ambiguous, mut by_lexicon, mut by_perceptron, mut by_network, mut reachable) =
        (0, 0, 0, 0, 0);
    for ((r, p), s) in dev.iter().zip(&perceptron_scores).zip(&last) {
        if !r.main || r.kind != 0 || r.lexicon.is_none() || r.candidates.count_ones() < 2 {
            continue;
        }
        ambiguous += 1;
        let gold = usize::from(r.label);
        reachable += usize::from(r.candidates & (1 << gold) != 0);
        by_lexicon += usize::from(r.lexicon == Some(r.label));
        by_perceptron += usize::from(among(p, r.candidates) == gold);
        by_network += usize::from(among(s, r.candidates) == gold);
    }
    println!(
        "lexicon-coded development main predicates of ambiguous lemmas: {ambiguous} (gold among the candidates {reachable}); right by the lexicon {by_lexicon}, by the perceptron's choice among candidates {by_perceptron}, by the network's {by_network}"
    );
    // Confusion summary on the development main predicates (aggregate).
    println!("per label (development main predicates): n, lexicon, perceptron, network right");
    let mut confusions: HashMap<(usize, usize, &str), usize> = HashMap::new();
    for (k, label) in labels.iter().enumerate().skip(1) {
        let (mut n, mut a, mut b, mut c) = (0, 0, 0, 0);
        for ((r, p), s) in dev.iter().zip(&perceptron_scores).zip(&last) {
            if !r.main || r.kind != 0 || usize::from(r.label) != k {
                continue;
            }
            n += 1;
            a += usize::from(r.lexicon == Some(r.label));
            b += usize::from(argmax(p) == k);
            c += usize::from(argmax(s) == k);
            if argmax(p) != k {
                *confusions.entry((k, argmax(p), "perceptron")).or_default() += 1;
            }
            if argmax(s) != k {
                *confusions.entry((k, argmax(s), "network")).or_default() += 1;
            }
        }
        println!("  {label:<12} {n:>4} {a:>4} {b:>4} {c:>4}");
    }
    for model in ["perceptron", "network"] {
        let mut top: Vec<_> = confusions
            .iter()
            .filter(|((_, _, m), _)| *m == model)
            .collect();
        top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let text: Vec<String> = top
            .iter()
            .take(10)
            .map(|((g, p, _), c)| format!("{}→{} {c}", labels[*g], labels[*p]))
            .collect();
        println!(
            "{model} commonest confusions (gold→guess): {}",
            text.join(", ")
        );
    }
}
