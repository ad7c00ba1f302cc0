//! Scores the quotation layer on a PolNeAR split and prints the report.
//!
//! `cargo run --release -p newsfacts-eval --example polnear_quotes -- DIR [dev|train] [--no-nlp]
//! [--show N]` where DIR holds `metadata.tsv`. `--show N` prints the first N gold attributions
//! whose content was not matched exactly, with what was predicted, for error analysis (on
//! train; dev is for measuring).

use std::path::PathBuf;

use newsfacts_eval::quotes::{self, PolnearOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: polnear_quotes DIR [dev|train] [--no-nlp] [--show N]");
        std::process::exit(2);
    };
    let split = args
        .get(1)
        .filter(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "dev".into());
    let use_nlp = !args.iter().any(|a| a == "--no-nlp");
    let show: usize = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let limit = std::env::var("LIMIT").ok().and_then(|n| n.parse().ok());
    let options = PolnearOptions {
        split,
        use_nlp,
        limit,
        ..PolnearOptions::default()
    };
    let started = std::time::Instant::now();
    if show == 0 {
        match quotes::score_polnear(&dir, &options) {
            Ok(report) => println!("{report}"),
            Err(error) => {
                eprintln!("{error}");
                std::process::exit(1);
            }
        }
        eprintln!("{:.1} s", started.elapsed().as_secs_f64());
    }
    if show > 0 {
        let Ok(mut articles) = quotes::polnear_articles(&dir, &options.split) else {
            return;
        };
        // Spread the examples over the split.
        articles.sort_by_key(|a| a.text.file_name().map(|n| n.len() % 7));
        let mut shown = 0;
        for article in articles {
            let (Ok(text), Ok(ann)) = (
                std::fs::read_to_string(&article.text),
                std::fs::read_to_string(&article.ann),
            ) else {
                continue;
            };
            let gold = quotes::read_ann(&ann, &text);
            let doc = quotes::document_for(&text, use_nlp);
            let predicted = quotes::predict(&doc);
            let show_spans = |spans: &[newsfacts_doc::Span]| {
                spans
                    .iter()
                    .map(|s| &text[s.start..s.end])
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            for g in &gold {
                let overlap = |p: &quotes::Attribution| {
                    p.content
                        .iter()
                        .flat_map(|a| g.content.iter().map(move |b| (a, b)))
                        .map(|(a, b)| a.end.min(b.end).saturating_sub(a.start.max(b.start)))
                        .sum::<usize>()
                };
                let best = predicted
                    .iter()
                    .filter(|p| overlap(p) > 0)
                    .max_by_key(|p| overlap(p));
                let filter = std::env::var("SHOW_CUE").ok();
                if let Some(cue) = &filter {
                    if !show_spans(&g.cue).eq_ignore_ascii_case(cue) {
                        continue;
                    }
                }
                let exact = best.is_some_and(|p| {
                    show_spans(&p.content) == show_spans(&g.content)
                        && show_spans(&p.source) == show_spans(&g.source)
                        && show_spans(&p.cue) == show_spans(&g.cue)
                });
                if exact {
                    continue;
                }
                println!(
                    "GOLD src=[{}] cue=[{}] content=[{}]",
                    show_spans(&g.source),
                    show_spans(&g.cue),
                    show_spans(&g.content)
                );
                match best {
                    Some(p) => println!(
                        "PRED src=[{}] cue=[{}] content=[{}]\n",
                        show_spans(&p.source),
                        show_spans(&p.cue),
                        show_spans(&p.content)
                    ),
                    None => println!("PRED none\n"),
                }
                shown += 1;
                if shown >= show {
                    return;
                }
            }
        }
    }
}
