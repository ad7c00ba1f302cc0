//! A content-span chooser for the model's unquoted contents, measured before it is built into
//! the layer: on a held-out fold of PolNeAR *train*, for each hybrid quotation the model made
//! with an unquoted content aligned with a gold attribution, whether the gold content is among
//! candidate spans built from the parse around the predicted one (the cue's complement
//! subtree, with or without "that"; ends at commas inside or after the span; edges of the
//! constituents holding its first and last token; with `WIDE=1` also cuts before conjunctions,
//! prepositions and relative words, and starts after an early "that", "to", "about" …), and
//! what a linear ranker over those candidates gains. The ranker (averaged perceptron,
//! `RANK_EPOCHS`, default 10) learns from the other four folds, each predicted by taggers
//! trained on the remaining three; the held-out fold is predicted by taggers trained on all
//! four. `FEATS=small` drops the conjoined features, `NESTED=1` adds predicted cues inside or
//! right after a candidate, `ONLY=end` / `ONLY=start` chooses one end only, `MARGINS=1` adds
//! the role tagger's content-minus-outside scores at the candidate's edges and summed over
//! the tokens it adds or drops. Prints, per margin
//! by which the best candidate must beat the tagger's span, how many wrong contents become
//! right and right ones wrong.
//!
//! `cargo run --release -p newsfacts-eval --example quotes_span_oracle -- DIR CACHE [FOLD]`
//! (`FOLD` `dev DEV_CACHE`: the ranker learns from all five folds and is measured on dev).

use std::collections::HashMap;
use std::path::PathBuf;

use newsfacts_analysts::quotes::Engine;
use newsfacts_analysts::quotes::tokens::TokenView;
use newsfacts_doc::Span;
use newsfacts_eval::quotes::{align, covered, polnear_articles, predict_with};
use newsfacts_eval::quotes_train::{TrainOptions, TrainingArticle, parsed_article, train_model};

/// Token range `[first, last + 1)` of the tokens overlapping `spans`.
fn token_range(view: &TokenView, spans: &[Span]) -> Option<(usize, usize)> {
    let start = spans.iter().map(|s| s.start).min()?;
    let end = spans.iter().map(|s| s.end).max()?;
    let a = view.index_at(start)?;
    let b = view.toks.partition_point(|t| t.start < end);
    (a < b).then_some((a, b))
}

fn is_punct(view: &TokenView, k: usize) -> bool {
    !view.toks[k].word
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(cache)) = (args.first(), args.get(1)) else {
        eprintln!("usage: quotes_span_oracle DIR CACHE [FOLD|dev [DEV_CACHE]]");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let cache = PathBuf::from(cache).join("train");
    // FOLD "dev": the ranker learns from all five folds of train and is measured on dev.
    let on_dev = args.get(2).map(String::as_str) == Some("dev");
    let fold: usize = if on_dev {
        5
    } else {
        args.get(2).and_then(|f| f.parse().ok()).unwrap_or(0)
    };
    let Ok(articles) = polnear_articles(&dir, "train") else {
        std::process::exit(1);
    };
    let mut held = Vec::new();
    let mut training = Vec::new();
    let mut fold_of = Vec::new();
    for (n, a) in articles.iter().enumerate() {
        let Ok(TrainingArticle { doc, gold }) = parsed_article(a, Some(&cache)) else {
            continue;
        };
        if n % 5 == fold {
            held.push((doc, gold));
        } else {
            training.push(TrainingArticle { doc, gold });
            fold_of.push(n % 5);
        }
    }
    if on_dev {
        let dev_cache = args.get(3).map(PathBuf::from);
        for a in polnear_articles(&dir, "dev").unwrap_or_default() {
            if let Ok(TrainingArticle { doc, gold }) = parsed_article(&a, dev_cache.as_deref()) {
                held.push((doc, gold));
            }
        }
    }
    // Ranker training data: each of the other folds predicted by taggers trained on the
    // remaining three, so the candidates look like those of unseen text.
    let mut log = |_: &str| {};
    let mut ranker_data = Vec::new();
    for k in (0..5).filter(|&k| k != fold) {
        let mut inner = Vec::new();
        let mut docs = Vec::new();
        for (i, a) in training.iter().enumerate() {
            if fold_of[i] == k {
                docs.push((a.doc.clone(), a.gold.clone()));
            } else {
                inner.push(TrainingArticle {
                    doc: a.doc.clone(),
                    gold: a.gold.clone(),
                });
            }
        }
        let model = train_model(&inner, &TrainOptions::default(), &mut log);
        drop(inner);
        ranker_data.extend(collect(&model, &docs));
        eprintln!("ranker data after fold {k}: {}", ranker_data.len());
    }
    let model = train_model(&training, &TrainOptions::default(), &mut log);
    drop(training);
    let test = collect(&model, &held);
    let predicted: usize = held
        .iter()
        .map(|(d, _)| predict_with(d, Engine::Hybrid, Some(&model)).len())
        .sum();
    let gold_count: usize = held.iter().map(|(_, g)| g.len()).sum();
    println!(
        "held: {} articles, {predicted} predicted and {gold_count} gold attributions (content exact F1 moves by about 2 * net / {})",
        held.len(),
        predicted + gold_count
    );
    let epochs: usize = std::env::var("RANK_EPOCHS")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(10);
    let w = train(&ranker_data, epochs);
    evaluate(&w, &ranker_data, "ranker data (seen)");
    let label = if on_dev {
        "dev".to_owned()
    } else {
        format!("fold {fold}")
    };
    evaluate(&w, &test, &label);
}

/// Closed-class words kept as themselves in features (other words give their tag).
#[rustfmt::skip]
const FUNCTION: &[&str] = &[
    "that", "whether", "if", "to", "about", "of", "and", "but", "or", "as", "when", "while",
    "after", "before", "because", "at", "in", "on", "for", "with", "by", "from", "who", "which",
    "where", "since", "during", "amid", "until", "despite", "the", "a", "an", "it", "he", "she",
    "they", "we", "i", "you", "his", "her", "their", "this", "not", "said", "says", "according",
];

struct Cand {
    /// Named features with their values (1 for the binary ones).
    feats: Vec<(String, f64)>,
    correct: bool,
    is_pred: bool,
}

struct Example {
    right: bool,
    cands: Vec<Cand>,
}

/// Candidates of every model unquoted content aligned with gold in `held`, as `model` predicts.
fn collect(
    model: &newsfacts_analysts::quotes::model::AttributionModel,
    held: &[(
        newsfacts_doc::Document,
        Vec<newsfacts_eval::quotes::Attribution>,
    )],
) -> Vec<Example> {
    let mut out = Vec::new();
    let small = std::env::var("FEATS").as_deref() == Ok("small");
    for (doc, gold) in held {
        let view = TokenView::of(doc);
        if view.toks.is_empty() || !view.parsed {
            continue;
        }
        let toks = &view.toks;
        let n = toks.len();
        let text = &doc.text;
        // Children and subtree edges.
        let mut children = vec![Vec::new(); n];
        for (k, t) in toks.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| h != k) {
                children[h].push(k);
            }
        }
        let mut left = (0..n).collect::<Vec<_>>();
        let mut rightv = (0..n).collect::<Vec<_>>();
        for k in 0..n {
            let mut h = k;
            let mut steps = 0;
            while let Some(p) = toks[h].head.filter(|&p| p != h) {
                left[p] = left[p].min(k);
                rightv[p] = rightv[p].max(k);
                h = p;
                steps += 1;
                if steps > n {
                    break;
                }
            }
        }
        let ctx = newsfacts_analysts::quotes::model::Context::new(doc, &view);
        let cues = model.cues(&ctx);
        let pred = predict_with(doc, Engine::Hybrid, Some(model));
        let model_only = predict_with(doc, Engine::Model, Some(model));
        let aligned = align(text, &pred, gold);
        for (p, j) in pred.iter().zip(&aligned) {
            let Some(g) = j.map(|j| &gold[j]) else {
                continue;
            };
            if !model_only.contains(p) || p.content.is_empty() {
                continue;
            }
            let ptext: String = p.content.iter().map(|s| &text[s.start..s.end]).collect();
            if ptext.contains(['"', '“', '”']) || ptext.contains("''") {
                continue;
            }
            let gc = covered(text, &g.content);
            let ok = covered(text, &p.content) == gc;
            let Some((s, e)) = token_range(&view, &p.content) else {
                continue;
            };
            let Some((cs, ce)) = token_range(&view, &p.cue) else {
                continue;
            };

            // Cue head: a cue token whose head lies outside the cue.
            let cue_head = (cs..ce)
                .find(|&k| toks[k].head.is_none_or(|h| h < cs || h >= ce || h == k))
                .unwrap_or(cs);
            let mut starts: Vec<(usize, &str)> = vec![(s, "pred")];
            let mut ends: Vec<(usize, &str)> = vec![(e, "pred")];
            let trim_end = |mut b: usize, a: usize| {
                while b > a + 1 && is_punct(&view, b - 1) && !toks[b - 1].is_any(&[")", "%"]) {
                    b -= 1;
                }
                b
            };
            for &c in &children[cue_head] {
                if !matches!(
                    toks[c].dep.as_str(),
                    "ccomp" | "xcomp" | "parataxis" | "dobj" | "advcl" | "conj" | "prep"
                ) || c < ce
                {
                    continue;
                }
                let (a, b) = (left[c].max(ce), rightv[c] + 1);
                starts.push((a, "comp"));
                if toks[a].is_any(&["that", "whether", "if"]) && a + 1 < b {
                    starts.push((a + 1, "comp-that"));
                }
                ends.push((trim_end(b, a), "comp"));
            }
            if s > 0 && toks[s - 1].is("that") {
                starts.push((s - 1, "that"));
            }
            if toks[s].is("that") && s + 1 < e {
                starts.push((s + 1, "that"));
            }
            if ce <= s && ce < n {
                starts.push((ce, "after-cue"));
            }
            if std::env::var_os("WIDE").is_some() {
                for (k, t) in toks.iter().enumerate().take(e).skip(s + 1) {
                    if t.is_any(&[
                        "and", "but", "as", "when", "while", "after", "before", "because", "if",
                        "at", "in", "on", "for", "with", "by", "from", "who", "which", "where",
                        "since", "during", "amid", "until", "despite",
                    ]) {
                        ends.push((k, "cut-word"));
                    }
                }
                for (k, t) in toks.iter().enumerate().take((s + 6).min(e - 1)).skip(s) {
                    if t.is_any(&["that", "whether", "to", "about", "of", "if"]) {
                        starts.push((k + 1, "after-word"));
                        starts.push((k, "at-word"));
                    }
                }
            }
            // Commas inside the span: cut before them; the next comma or sentence end after.
            for (k, t) in toks.iter().enumerate().take(e).skip(s + 1) {
                if t.is_any(&[",", ";", "--", "—", "–", "("]) {
                    ends.push((k, "cut-comma"));
                }
            }
            let mut k = e;
            let mut extended = 0;
            while k < n && extended < 2 {
                if toks[k].is_any(&[",", ";", ".", "--", "—", "–", "?", "!", ":"])
                    || text[toks[k - 1].end..toks[k].start].contains('\n')
                {
                    ends.push((k, "extend-comma"));
                    extended += 1;
                    if !toks[k].is(",") {
                        break;
                    }
                }
                k += 1;
            }
            // Edges of constituents holding the last / first token, up to the cue head.
            let mut a = e - 1;
            for _ in 0..6 {
                let Some(h) = toks[a].head.filter(|&h| h != a && h != cue_head) else {
                    break;
                };
                ends.push((trim_end(rightv[h] + 1, s), "edge"));
                a = h;
            }
            let mut a = s;
            for _ in 0..6 {
                let Some(h) = toks[a].head.filter(|&h| h != a && h != cue_head) else {
                    break;
                };
                if left[h] >= ce || left[h] > s {
                    starts.push((left[h], "edge"));
                }
                a = h;
            }
            let cue_lemma = toks[cue_head].lemma.clone();
            let sentence_end = |b: usize| {
                b >= n
                    || toks[b].is_any(&[".", "?", "!"])
                    || text[toks[b - 1].end..toks[b].start].contains('\n')
            };
            let word_or_tag = |k: usize| -> String {
                let t = &toks[k];
                if FUNCTION.contains(&t.lower.as_str()) || !t.word {
                    t.lower.clone()
                } else {
                    t.tag.clone()
                }
            };
            let bucket = |d: isize| -> &'static str {
                match d {
                    ..=-6 => "<<",
                    -5..=-2 => "<",
                    -1 => "-1",
                    0 => "0",
                    1 => "+1",
                    2..=5 => ">",
                    _ => ">>",
                }
            };
            // ONLY=end keeps the tagger's start (only ends are chosen), ONLY=start its end.
            match std::env::var("ONLY").as_deref() {
                Ok("end") => starts.retain(|x| x.0 == s),
                Ok("start") => ends.retain(|x| x.0 == e),
                _ => {}
            }
            let margins_on = std::env::var_os("MARGINS").is_some();
            let (window, margins) = if margins_on {
                model.content_margins(&ctx, (cs, ce), &cues)
            } else {
                ((0, 0), Vec::new())
            };
            let mut seen = std::collections::HashSet::new();
            let mut cands = Vec::new();
            for &(a, sa) in &starts {
                for &(b, sb) in &ends {
                    if a >= b || !seen.insert((a, b)) {
                        continue;
                    }
                    let mut spans = p.content.clone();
                    if spans.len() == 1 {
                        spans = vec![Span::new(toks[a].start, toks[b - 1].end)];
                    } else {
                        let last = spans.len() - 1;
                        spans[0].start = toks[a].start;
                        spans[last].end = toks[b - 1].end;
                        if spans[0].start >= spans[0].end || spans[last].start >= spans[last].end {
                            continue;
                        }
                    }
                    let correct = covered(text, &spans) == gc;
                    let is_pred = (a, b) == (s, e);
                    let (ds, de) = (a as isize - s as isize, b as isize - e as isize);
                    let outside_heads = (a..b)
                        .filter(|&k| toks[k].head.is_none_or(|h| h < a || h >= b || h == k))
                        .count();
                    let commas = (a..b).filter(|&k| toks[k].is(",")).count();
                    let mut f: Vec<String> = vec![
                        format!("s:{sa}"),
                        format!("e:{sb}"),
                        format!("se:{sa}/{sb}"),
                        format!("ds:{}", bucket(ds)),
                        format!("de:{}", bucket(de)),
                        format!("ds_de:{}/{}", bucket(ds), bucket(de)),
                        format!("first:{}", word_or_tag(a)),
                        format!("last:{}", word_or_tag(b - 1)),
                        format!(
                            "before:{}",
                            if a > 0 {
                                word_or_tag(a - 1)
                            } else {
                                "^".into()
                            }
                        ),
                        format!("after:{}", if b < n { word_or_tag(b) } else { "$".into() }),
                        format!(
                            "afterdep:{}",
                            if b < n { toks[b].dep.as_str() } else { "$" }
                        ),
                        format!("firstdep:{}", toks[a].dep),
                        format!("sent_end:{}", sentence_end(b)),
                        format!("heads_out:{}", outside_heads.min(4)),
                        format!("commas:{}", commas.min(3)),
                        format!("len:{}", bucket(((b - a) as isize).min(40) / 4)),
                        format!("gap_cue:{}", bucket(a as isize - ce as isize)),
                        format!("lemma_de:{cue_lemma}/{}", bucket(de)),
                        format!("lemma_ds:{cue_lemma}/{}", bucket(ds)),
                        format!(
                            "after_de:{}/{}",
                            if b < n { word_or_tag(b) } else { "$".into() },
                            bucket(de)
                        ),
                        format!("first_ds:{}/{}", word_or_tag(a), bucket(ds)),
                        "bias".into(),
                    ];
                    if is_pred {
                        f.push("pred".into());
                    }
                    if std::env::var_os("NESTED").is_some() {
                        let inside = cues
                            .iter()
                            .filter(|c| c.0 >= a && c.1 <= b && c.0 != cs)
                            .count();
                        let next_cue = cues.iter().any(|c| c.0 >= b && c.0 < b + 4);
                        f.push(format!("nested:{}", inside.min(2)));
                        f.push(format!("cue_after:{next_cue}"));
                    }
                    // The smaller set leaves out the conjoined (sparser) features.
                    if small {
                        f.retain(|x| {
                            ![
                                "lemma_de:",
                                "lemma_ds:",
                                "after_de:",
                                "first_ds:",
                                "ds_de:",
                                "se:",
                            ]
                            .iter()
                            .any(|p| x.starts_with(p))
                        });
                    }
                    let mut f: Vec<(String, f64)> = f.into_iter().map(|x| (x, 1.0)).collect();
                    if margins_on {
                        let m = |k: usize| -> Option<f32> {
                            (k >= window.0 && k < window.1).then(|| margins[k - window.0])
                        };
                        // MARGINS=sign keeps only the signs: the scores' scale grows with
                        // the data the taggers learnt from, which differs between the
                        // ranker's training folds and the held-out one.
                        let sign_only = std::env::var("MARGINS").as_deref() == Ok("sign");
                        let mb = |v: Option<f32>| -> &'static str {
                            match v {
                                None => "none",
                                Some(v) if sign_only && v < 0.0 => "-",
                                Some(_) if sign_only => "+",
                                Some(v) if v < -16.0 => "--",
                                Some(v) if v < -4.0 => "-",
                                Some(v) if v < -1.0 => "-0",
                                Some(v) if v < 1.0 => "0",
                                Some(v) if v < 4.0 => "+0",
                                Some(v) if v < 16.0 => "+",
                                Some(_) => "++",
                            }
                        };
                        f.push((format!("m_last:{}", mb(m(b - 1))), 1.0));
                        f.push((
                            format!("m_after:{}", mb(if b < n { m(b) } else { None })),
                            1.0,
                        ));
                        f.push((format!("m_first:{}", mb(m(a))), 1.0));
                        f.push((
                            format!("m_before:{}", mb(if a > 0 { m(a - 1) } else { None })),
                            1.0,
                        ));
                        // The tagger's own score for the tokens the candidate adds to or drops
                        // from its span.
                        let mut delta = 0.0f64;
                        for k in a.min(s)..b.max(e) {
                            let (inc, inp) = (k >= a && k < b, k >= s && k < e);
                            let v = f64::from(m(k).unwrap_or(-20.0).clamp(-40.0, 40.0));
                            if inc && !inp {
                                delta += v;
                            } else if inp && !inc {
                                delta -= v;
                            }
                        }
                        if !sign_only {
                            f.push(("m_delta".into(), delta / 10.0));
                        }
                        f.push((format!("m_delta_sign:{}", mb(Some(delta as f32))), 1.0));
                    }
                    f.sort_by(|x, y| x.0.cmp(&y.0));
                    cands.push(Cand {
                        feats: f,
                        correct,
                        is_pred,
                    });
                }
            }
            out.push(Example { right: ok, cands });
        }
    }
    out
}

type Weights = HashMap<String, (f64, f64, usize)>;

fn score(w: &Weights, c: &Cand) -> f64 {
    c.feats
        .iter()
        .map(|(f, v)| w.get(f).map_or(0.0, |x| x.0) * v)
        .sum()
}

/// Averaged perceptron over the examples that have a correct candidate.
fn train(examples: &[Example], epochs: usize) -> HashMap<String, f64> {
    let mut w: Weights = HashMap::new();
    let mut step = 1usize;
    for _ in 0..epochs {
        for ex in examples {
            let Some(best_correct) = ex
                .cands
                .iter()
                .filter(|c| c.correct)
                .max_by(|x, y| score(&w, x).total_cmp(&score(&w, y)))
            else {
                step += 1;
                continue;
            };
            let Some(top) = ex
                .cands
                .iter()
                .max_by(|x, y| score(&w, x).total_cmp(&score(&w, y)))
            else {
                continue;
            };
            if !top.correct {
                for (f, d) in best_correct
                    .feats
                    .iter()
                    .map(|(f, v)| (f, *v))
                    .chain(top.feats.iter().map(|(f, v)| (f, -v)))
                {
                    let e = w.entry(f.clone()).or_insert((0.0, 0.0, step));
                    // Lazy averaging: add the weight's value times the steps it stood.
                    e.1 += e.0 * (step - e.2) as f64;
                    e.2 = step;
                    e.0 += d;
                }
            }
            step += 1;
        }
    }
    w.into_iter()
        .map(|(f, (v, acc, last))| (f, (acc + v * (step - last) as f64) / step as f64))
        .collect()
}

fn choose<'a>(w: &HashMap<String, f64>, ex: &'a Example, margin: f64) -> Option<&'a Cand> {
    let s = |c: &Cand| -> f64 {
        c.feats
            .iter()
            .map(|(f, v)| w.get(f).copied().unwrap_or(0.0) * v)
            .sum()
    };
    // Ties keep the earliest candidate, which is the tagger's own span.
    let mut best: Option<(&Cand, f64)> = None;
    for c in &ex.cands {
        let v = s(c);
        if best.is_none_or(|(_, b)| v > b) {
            best = Some((c, v));
        }
    }
    let pred = ex
        .cands
        .iter()
        .find(|c| c.is_pred)
        .map_or(f64::NEG_INFINITY, s);
    best.filter(|b| b.1 > pred + margin).map(|b| b.0)
}

fn evaluate(w: &HashMap<String, f64>, examples: &[Example], label: &str) {
    let candidates: usize = examples.iter().map(|e| e.cands.len()).sum();
    let at_risk = examples
        .iter()
        .filter(|e| e.right && e.cands.len() > 1)
        .count();
    println!(
        "{label}: {:.1} candidates a content; {at_risk} right contents have others",
        candidates as f64 / examples.len().max(1) as f64
    );
    for margin in [0.0, 0.25, 0.5, 1.0, 2.0] {
        evaluate_at(w, examples, &format!("{label} margin {margin}"), margin);
    }
}

fn evaluate_at(w: &HashMap<String, f64>, examples: &[Example], label: &str, margin: f64) {
    let (mut gained, mut lost, mut right, mut wrong, mut reach) = (0, 0, 0, 0, 0);
    for ex in examples {
        if ex.right {
            right += 1;
        } else {
            wrong += 1;
            if ex.cands.iter().any(|c| c.correct) {
                reach += 1;
            }
        }
        let Some(c) = choose(w, ex, margin) else {
            continue;
        };
        if c.is_pred {
            continue;
        }
        match (ex.right, c.correct) {
            (false, true) => gained += 1,
            (true, false) => lost += 1,
            _ => {}
        }
    }
    println!(
        "{label}: right {right}, wrong {wrong} (reachable {reach}); chooser gains {gained}, loses {lost}, net {}",
        gained as isize - lost as isize
    );
}
