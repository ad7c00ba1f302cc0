//! Error analysis of the attribution model on a held-out fold of PolNeAR *train* (dev is left
//! for the aggregate figure): trains on the other folds, then on the held-out articles reports
//! the cue tagger's misses and false cues (by lemma), the role tagger's source and content
//! errors on gold cues, and the scores of the raw model output against those of the product's
//! path (the layer's quotations converted back to PolNeAR's conventions).
//!
//! `cargo run --release -p newsfacts-eval --example quotes_errors -- DIR CACHE [FOLD] [DUMP]`
//! (FOLD: articles with index % 5 == FOLD are held out; DUMP: a file for the cases).
//! `SEED` sets the order the taggers visit their sequences in (17 as shipped), to measure how
//! much a change moves F1 beside what the order alone moves it.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use newsfacts_analysts::quotes::Engine;
use newsfacts_analysts::quotes::model::Context;
use newsfacts_analysts::quotes::tokens::TokenView;
use newsfacts_doc::Span;
use newsfacts_eval::quotes::{
    Attribution, PolnearReport, Scores, polnear_articles, predict_with, score_article,
};
use newsfacts_eval::quotes_train::{
    TrainOptions, TrainingArticle, cue_range, parsed_article, train_model,
};

/// The lemmas of a token range, joined by spaces (a cue's key in the tables).
fn lemmas_of(view: &TokenView, (a, b): (usize, usize)) -> String {
    view.toks[a..b]
        .iter()
        .map(|t| t.lemma.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of `spans` on one line, parts joined by " … ".
fn spans_text(text: &str, spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| text[s.start..s.end].replace('\n', " "))
        .collect::<Vec<_>>()
        .join(" … ")
}

/// A short class of the text between a predicted and a gold boundary: its first and last
/// token (a word lowercased, or a punctuation mark) and its length in words.
fn diff_class(diff: &str) -> String {
    let pieces: Vec<String> = newsfacts_analysts::quotes::tokens::light_tokens(diff)
        .iter()
        .map(|t| diff[t.start..t.end].to_lowercase())
        .collect();
    let words = newsfacts_analysts::quotes::tokens::light_tokens(diff)
        .iter()
        .filter(|t| t.word)
        .count();
    match (pieces.first(), pieces.last()) {
        (None, _) | (_, None) => "blank".into(),
        (Some(f), Some(_)) if pieces.len() == 1 => format!("{f} [{words}w]"),
        (Some(f), Some(l)) => {
            let bucket = match words {
                0 => "0w",
                1 => "1w",
                2..=3 => "2-3w",
                4..=8 => "4-8w",
                _ => "9+w",
            };
            format!("{f} … {l} [{bucket}]")
        }
    }
}

/// The differences at the two ends of a predicted part against its gold part (whitespace
/// ignored): for each end, whether the prediction has extra text or misses some, and that
/// text's class; `None` where the ends agree. A gap that differs inside shows as "inner".
fn boundary_errors(text: &str, pred: &[Span], gold: &[Span]) -> Vec<(String, String)> {
    let pc = newsfacts_eval::quotes::covered(text, pred);
    let gc = newsfacts_eval::quotes::covered(text, gold);
    let (Some(&ps), Some(&pe), Some(&gs), Some(&ge)) =
        (pc.first(), pc.last(), gc.first(), gc.last())
    else {
        return vec![("empty".into(), String::new())];
    };
    let char_end = |b: usize| b + text[b..].chars().next().map_or(1, char::len_utf8);
    let (pe, ge) = (char_end(pe), char_end(ge));
    let mut out = Vec::new();
    if ps < gs {
        let d = &text[ps..gs.max(ps)];
        out.push((format!("start extra {}", diff_class(d)), d.to_owned()));
    } else if ps > gs {
        let d = &text[gs..ps];
        out.push((format!("start missing {}", diff_class(d)), d.to_owned()));
    }
    if pe > ge {
        let d = &text[ge..pe];
        out.push((format!("end extra {}", diff_class(d)), d.to_owned()));
    } else if pe < ge {
        let d = &text[pe..ge];
        out.push((format!("end missing {}", diff_class(d)), d.to_owned()));
    }
    if out.is_empty() && pc != gc {
        out.push(("inner gap differs".into(), String::new()));
    }
    if ps >= ge || gs >= pe {
        out = vec![("disjoint".into(), String::new())];
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(cache)) = (args.first(), args.get(1)) else {
        eprintln!("usage: quotes_errors DIR CACHE [FOLD] [DUMP]");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let cache = PathBuf::from(cache).join("train");
    let fold: usize = args.get(2).and_then(|f| f.parse().ok()).unwrap_or(0);
    let dump_path = args.get(3).cloned();
    let options = TrainOptions {
        epochs: std::env::var("EPOCHS")
            .ok()
            .and_then(|e| e.parse().ok())
            .unwrap_or(8),
        ..TrainOptions::default()
    };
    let articles = match polnear_articles(&dir, "train") {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let mut docs = Vec::new();
    let mut training = Vec::new();
    for (n, a) in articles.iter().enumerate() {
        let Ok(TrainingArticle { doc, gold }) = parsed_article(a, Some(&cache)) else {
            continue;
        };
        if n % 5 == fold {
            docs.push((true, doc, gold));
        } else {
            training.push(TrainingArticle { doc, gold });
        }
    }
    let env = |name: &str| {
        std::env::var(name)
            .ok()
            .and_then(|e| e.parse::<usize>().ok())
    };
    let options = TrainOptions {
        epochs: env("CUE_EPOCHS").unwrap_or(options.epochs),
        role_epochs: env("ROLE_EPOCHS"),
        bits: env("BITS").map_or(options.bits, |b| b as u32),
        jackknife: env("JACKKNIFE").unwrap_or(0),
        seed: env("SEED").map_or(options.seed, |s| s as u64),
        ..options.clone()
    };
    // How often each cue (its lemmas) is a gold cue in the training folds, for the recall of
    // cues by how rare they were in training.
    // And how often each lemma heads a gold cue there (the parse's head of the cue's words).
    let mut trained_cues: HashMap<String, usize> = HashMap::new();
    let mut trained_heads: HashMap<String, usize> = HashMap::new();
    for article in &training {
        let view = TokenView::of(&article.doc);
        if view.toks.is_empty() {
            continue;
        }
        let ctx = Context::new(&article.doc, &view);
        for a in &article.gold {
            if let Some((s, e)) = cue_range(&view, &a.cue) {
                *trained_cues.entry(lemmas_of(&view, (s, e))).or_default() += 1;
                let head = &view.toks[ctx.cue_head((s, e))].lemma;
                *trained_heads.entry(head.clone()).or_default() += 1;
            }
        }
    }
    let mut log = |line: &str| eprintln!("{line}");
    let mut model = train_model(&training, &options, &mut log);
    if let Some(b) = std::env::var("CUE_BIAS")
        .ok()
        .and_then(|b| b.parse::<f32>().ok())
    {
        model.boost_cues(b);
    }
    drop(training);

    let mut dump = String::new();
    let (mut gold_cues, mut pred_cues, mut cue_hits) = (0, 0, 0);
    let (mut right_cue_no_content, mut false_cue_no_content) = (0, 0);
    let mut missed: HashMap<String, usize> = HashMap::new();
    // Gold cues and those found exactly, by how often their lemmas were gold cues in training.
    // Keyed by (rank, name), so that the rarest come first.
    let mut recall_by_seen: std::collections::BTreeMap<(u8, &'static str), (usize, usize)> =
        Default::default();
    // Cues of several words never seen whole in training, by how often their head lemma
    // headed a training cue.
    let mut unseen_by_head: std::collections::BTreeMap<(u8, &'static str), (usize, usize)> =
        Default::default();
    let mut false_cues: HashMap<String, usize> = HashMap::new();
    let (mut oracle, mut source_ok, mut content_ok, mut with_source) = (0, 0, 0, 0);
    let mut content_err: HashMap<&'static str, usize> = HashMap::new();
    let mut raw = Scores::default();
    let mut runs_table: std::collections::BTreeMap<(usize, usize), (usize, usize)> =
        Default::default();
    let mut report_model = PolnearReport::default();
    let mut report_hybrid = PolnearReport::default();
    let mut raw_report = PolnearReport::default();
    // Boundary errors of hybrid attributions aligned with a gold one: by part and class.
    let mut boundary: HashMap<String, usize> = HashMap::new();
    let mut aligned_counts: HashMap<&'static str, (usize, usize)> = HashMap::new();
    for (held, doc, gold) in &docs {
        if !*held {
            continue;
        }
        let view = TokenView::of(doc);
        if view.toks.is_empty() {
            continue;
        }
        let ctx = Context::new(doc, &view);
        let text = &doc.text;
        let toks = &view.toks;
        let span_text = |(a, b): (usize, usize)| -> String {
            text[toks[a].start..toks[b - 1].end].replace('\n', " ")
        };
        let lemmas = |range: (usize, usize)| lemmas_of(&view, range);
        let gold_ranges: Vec<(usize, usize)> = gold
            .iter()
            .filter_map(|a| cue_range(&view, &a.cue))
            .collect();
        let predicted = model.cues(&ctx);
        gold_cues += gold_ranges.len();
        pred_cues += predicted.len();
        for g in &gold_ranges {
            let seen = trained_cues.get(&lemmas(*g)).copied().unwrap_or(0);
            let by_seen = recall_by_seen
                .entry(match (seen, g.1 - g.0 == 1) {
                    (0, true) => (0, "0 (one word)"),
                    (0, false) => (1, "0 (several words)"),
                    (1..=2, _) => (2, "1-2"),
                    (3..=9, _) => (3, "3-9"),
                    (10..=99, _) => (4, "10-99"),
                    _ => (5, "100+"),
                })
                .or_default();
            by_seen.0 += 1;
            let by_head = (seen == 0 && g.1 - g.0 > 1).then(|| {
                let head = &toks[ctx.cue_head(*g)].lemma;
                let headed = trained_heads.get(head).copied().unwrap_or(0);
                let key = match headed {
                    0 => (0, "0"),
                    1..=9 => (1, "1-9"),
                    _ => (2, "10+"),
                };
                let entry = unseen_by_head.entry(key).or_default();
                entry.0 += 1;
                entry
            });
            if predicted.contains(g) {
                by_seen.1 += 1;
                if let Some(by_head) = by_head {
                    by_head.1 += 1;
                }
                cue_hits += 1;
                if model.roles(&ctx, *g).content.is_empty() {
                    right_cue_no_content += 1;
                }
            } else {
                *missed.entry(lemmas(*g)).or_default() += 1;
                let overlapping = predicted.iter().find(|p| p.0 < g.1 && g.0 < p.1);
                let s = ctx
                    .sentences
                    .iter()
                    .find(|s| s.0 <= g.0 && g.0 < s.1)
                    .copied()
                    .unwrap_or(*g);
                let _ = writeln!(
                    dump,
                    "MISS [{}]{} | {}",
                    span_text(*g),
                    overlapping.map_or(String::new(), |p| format!(" (pred [{}])", span_text(*p))),
                    span_text(s)
                );
            }
        }
        for p in &predicted {
            if !gold_ranges.iter().any(|g| g.0 < p.1 && p.0 < g.1) {
                *false_cues.entry(lemmas(*p)).or_default() += 1;
                if model.roles(&ctx, *p).content.is_empty() {
                    false_cue_no_content += 1;
                }
                let s = ctx
                    .sentences
                    .iter()
                    .find(|s| s.0 <= p.0 && p.0 < s.1)
                    .copied()
                    .unwrap_or(*p);
                let _ = writeln!(dump, "FALSE [{}] | {}", span_text(*p), span_text(s));
            }
        }
        // Roles on gold cues.
        for a in gold {
            let Some(range) = cue_range(&view, &a.cue) else {
                continue;
            };
            oracle += 1;
            let p = model.roles(&ctx, range);
            let to_spans = |runs: &[(usize, usize)]| -> Vec<Span> {
                runs.iter()
                    .map(|&(x, y)| Span::new(toks[x].start, toks[y - 1].end))
                    .collect()
            };
            let covered = |spans: &[Span]| newsfacts_eval::quotes::covered(text, spans);
            if !a.source.is_empty() {
                with_source += 1;
                if covered(&to_spans(&p.source)) == covered(&a.source) {
                    source_ok += 1;
                }
            }
            let content_runs = match std::env::var("KEEP").as_deref() {
                Ok("longest") => p
                    .content
                    .iter()
                    .copied()
                    .max_by_key(|r| r.1 - r.0)
                    .into_iter()
                    .collect(),
                _ => p.content.clone(),
            };
            let pc = covered(&to_spans(&content_runs));
            let gc = covered(&a.content);
            let key = (a.content.len().min(3), content_runs.len().min(3));
            let e = runs_table.entry(key).or_insert((0usize, 0usize));
            e.0 += 1;
            if pc == gc {
                e.1 += 1;
            }
            if pc == gc {
                content_ok += 1;
            } else {
                let (ps, pe) = (pc.first().copied(), pc.last().copied());
                let (gs, ge) = (gc.first().copied(), gc.last().copied());
                let kind = match (ps, pe, gs, ge) {
                    (None, _, _, _) => "no content",
                    (Some(ps), Some(pe), Some(gs), Some(ge)) => {
                        if ps == gs && pe == ge {
                            "same ends, gap differs"
                        } else if ps == gs && pe < ge {
                            "ends early"
                        } else if ps == gs {
                            "ends late"
                        } else if pe == ge && ps > gs {
                            "starts late"
                        } else if pe == ge {
                            "starts early"
                        } else if pe < gs || ge < ps {
                            "disjoint"
                        } else {
                            "both ends wrong"
                        }
                    }
                    _ => "other",
                };
                *content_err.entry(kind).or_default() += 1;
                let show = |spans: &[Span]| spans_text(text, spans);
                let _ = writeln!(
                    dump,
                    "CONTENT {kind} cue [{}]\n   gold: {}\n   pred: {}",
                    span_text(range),
                    show(&a.content),
                    show(&to_spans(&p.content))
                );
            }
        }
        // Raw model output against the product's path.
        let raw_pred: Vec<Attribution> = model
            .predict(&ctx)
            .into_iter()
            .map(|p| {
                let to_spans = |runs: &[(usize, usize)]| -> Vec<Span> {
                    runs.iter()
                        .map(|&(x, y)| Span::new(toks[x].start, toks[y - 1].end))
                        .collect()
                };
                Attribution {
                    source: to_spans(&p.source),
                    cue: to_spans(&p.cue),
                    content: to_spans(&p.content),
                }
            })
            .collect();
        let (t, _) = score_article(text, &raw_pred, gold);
        raw.add(&t);
        let model_only = predict_with(doc, Engine::Model, Some(&model));
        let model_align = newsfacts_eval::quotes::align(text, &model_only, gold);
        for (report, engine) in [
            (&mut report_model, Engine::Model),
            (&mut report_hybrid, Engine::Hybrid),
        ] {
            let pred = predict_with(doc, engine, Some(&model));
            let (t, _) = score_article(text, &pred, gold);
            report.total.add(&t);
            if engine == Engine::Hybrid {
                let align = newsfacts_eval::quotes::align(text, &pred, gold);
                for (p, j) in pred.iter().zip(&align) {
                    let Some(g) = j.map(|j| &gold[j]) else {
                        continue;
                    };
                    let origin = if model_only.contains(p) {
                        "model"
                    } else {
                        "rules"
                    };
                    // A rules' quotation inside a larger model content: which one is right?
                    if origin == "rules" {
                        let cov = |a: &[Span]| newsfacts_eval::quotes::covered(text, a);
                        let rc = cov(&p.content);
                        let wider = model_only.iter().find(|m| {
                            let mc = cov(&m.content);
                            mc.len() > rc.len() && rc.iter().all(|c| mc.binary_search(c).is_ok())
                        });
                        if let Some(m) = wider {
                            let same = |a: &[Span], b: &[Span]| !a.is_empty() && cov(a) == cov(b);
                            let key = format!(
                                "rules inside wider model content: content r{} m{} cue r{} m{} source r{} m{}",
                                u8::from(same(&p.content, &g.content)),
                                u8::from(same(&m.content, &g.content)),
                                u8::from(same(&p.cue, &g.cue)),
                                u8::from(same(&m.cue, &g.cue)),
                                u8::from(same(&p.source, &g.source)),
                                u8::from(same(&m.source, &g.source)),
                            );
                            *boundary.entry(key).or_default() += 1;
                        }
                    }
                    // Whether the model alone has this gold attribution's content exactly.
                    let model_exact = model_align.iter().zip(&model_only).any(|(mj, m)| {
                        *mj == *j
                            && newsfacts_eval::quotes::covered(text, &m.content)
                                == newsfacts_eval::quotes::covered(text, &g.content)
                    });
                    let gold_text = spans_text(text, &g.content);
                    let kind = if !gold_text.contains(['"', '“', '”']) && !gold_text.contains("''")
                    {
                        "indirect"
                    } else {
                        "quoted"
                    };
                    for (part, ps, gs) in [
                        ("content", &p.content, &g.content),
                        ("source", &p.source, &g.source),
                    ] {
                        if gs.is_empty() && ps.is_empty() {
                            continue;
                        }
                        let c = aligned_counts.entry(part).or_default();
                        c.0 += 1;
                        let errors = if ps.is_empty() {
                            vec![("predicted none".to_owned(), String::new())]
                        } else if gs.is_empty() {
                            vec![("gold none".to_owned(), String::new())]
                        } else {
                            boundary_errors(text, ps, gs)
                        };
                        if errors.is_empty() {
                            c.1 += 1;
                            continue;
                        }
                        for (class, diff) in &errors {
                            let key = if part == "content" {
                                format!(
                                    "{part} {kind} {origin}{} {class}",
                                    if model_exact { "(model exact)" } else { "" }
                                )
                            } else {
                                format!("{part} {class}")
                            };
                            *boundary.entry(key.clone()).or_default() += 1;
                            let _ = writeln!(
                                dump,
                                "ALIGNED {key} | «{}»\n   gold: {}\n   pred: {}\n   cue: {}",
                                diff.replace('\n', " "),
                                spans_text(text, gs),
                                spans_text(text, ps),
                                spans_text(text, &p.cue)
                            );
                        }
                    }
                }
            }
            if engine == Engine::Hybrid && std::env::var_os("DUMP_HYBRID").is_some() {
                // Every quotation of the layer, marked by which of its parts match a gold
                // attribution exactly, to compare two decoders' outputs line by line.
                let show = |spans: &[Span]| spans_text(text, spans);
                for p in &pred {
                    let matches = |part: fn(&Attribution) -> &Vec<Span>| {
                        gold.iter().any(|g| part(g) == part(p))
                    };
                    let _ = writeln!(
                        dump,
                        "HYBRID source {} cue {} content {} | [{}] [{}] {}",
                        u8::from(matches(|a| &a.source)),
                        u8::from(matches(|a| &a.cue)),
                        u8::from(matches(|a| &a.content)),
                        show(&p.source),
                        show(&p.cue),
                        show(&p.content)
                    );
                }
            }
        }
    }
    raw_report.total = raw;
    println!(
        "held-out fold {fold}: cues gold {gold_cues}, predicted {pred_cues}, exact {cue_hits} (P {:.3} R {:.3})",
        cue_hits as f64 / pred_cues.max(1) as f64,
        cue_hits as f64 / gold_cues.max(1) as f64
    );
    println!(
        "predicted cues left without content: {right_cue_no_content} of the right ones, {false_cue_no_content} of the false ones"
    );
    println!(
        "roles on gold cues: {oracle}; source exact {:.3} (of {with_source}), content exact {:.3}",
        source_ok as f64 / with_source.max(1) as f64,
        content_ok as f64 / oracle.max(1) as f64
    );
    for (title, table) in [
        (
            "cue recall by training count of the cue's lemmas",
            &recall_by_seen,
        ),
        (
            "unseen cues of several words, by training cues their head lemma headed",
            &unseen_by_head,
        ),
    ] {
        let line: Vec<String> = table
            .iter()
            .map(|((_, key), (gold, hit))| format!("{key} {hit}/{gold}"))
            .collect();
        println!("{title}: {}", line.join(", "));
    }
    let mut errs: Vec<_> = content_err.into_iter().collect();
    errs.sort_by_key(|e| std::cmp::Reverse(e.1));
    println!("content errors on gold cues: {errs:?}");
    println!("(gold pieces, predicted runs) -> (count, exact): {runs_table:?}");
    for (name, r) in [
        ("raw model", &raw_report),
        ("model via layer", &report_model),
        ("hybrid via layer", &report_hybrid),
    ] {
        let t = &r.total;
        println!(
            "{name:<17} exact F1 source {:.3} cue {:.3} content {:.3} | overlap F1 {:.3} {:.3} {:.3}",
            t.source.exact().2,
            t.cue.exact().2,
            t.content.exact().2,
            t.source.overlap().2,
            t.cue.overlap().2,
            t.content.overlap().2
        );
    }
    println!("hybrid aligned (part -> aligned, exact): {aligned_counts:?}");
    let mut classes: Vec<_> = boundary.iter().collect();
    classes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("hybrid aligned boundary errors (top 80):");
    for (class, n) in classes.iter().take(80) {
        println!("  {n:>4} {class}");
    }
    for (title, map) in [("missed cues", &missed), ("false cues", &false_cues)] {
        let mut v: Vec<_> = map.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let total: usize = v.iter().map(|(_, n)| **n).sum();
        println!("{title} ({total}):");
        let line: Vec<String> = v.iter().take(60).map(|(l, n)| format!("{l}:{n}")).collect();
        println!("  {}", line.join(", "));
    }
    if let Some(path) = dump_path {
        if let Err(e) = std::fs::write(&path, dump) {
            eprintln!("{path}: {e}");
        }
    }
}
