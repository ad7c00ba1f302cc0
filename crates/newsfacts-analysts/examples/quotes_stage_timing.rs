//! Wall-clock time of the quotation layer's parts over the first N articles of a JSON Lines
//! corpus, each part ROUNDS times (default 7), printing the fastest and the median round: the
//! token view and context, the cue tagger, the role tagger (network included), and the whole
//! hybrid layer. `cargo run --release -p newsfacts-analysts --example quotes_stage_timing --
//! FILE [N] [ROUNDS]`. A measurement, not a test.

use newsfacts_analysts::Pipeline;
use newsfacts_analysts::quotes::model::{AttributionModel, Context};
use newsfacts_analysts::quotes::tokens::TokenView;
use newsfacts_analysts::quotes::{Engine, extract_quotes_using};
use newsfacts_doc::Article;

/// Nanoseconds since the first call (wall clock: this machine's thread CPU clock counts in
/// scheduler ticks, too coarse for one document; the fastest of several rounds stands in for
/// a quiet machine).
fn thread_cpu_ns() -> u64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_nanos() as u64
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: quotes_stage_timing FILE [N] [ROUNDS]");
        std::process::exit(2);
    };
    let limit: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(300);
    let rounds: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(7);
    let corpus = std::fs::read_to_string(path).unwrap_or_default();
    let pipeline = Pipeline::new().with_token_vectors();
    let docs: Vec<_> = corpus
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .take(limit)
        .map(|v| {
            pipeline.analyze(Article {
                id: v["id"].as_str().unwrap_or_default().to_owned(),
                title: v["title"].as_str().map(str::to_owned),
                paragraphs: v["text"]
                    .as_str()
                    .unwrap_or_default()
                    .split("\n\n")
                    .map(|p| p.trim().to_owned())
                    .filter(|p| !p.is_empty())
                    .collect(),
                ..Article::default()
            })
        })
        .collect();
    let Some(model) = AttributionModel::embedded() else {
        eprintln!("no embedded model");
        return;
    };
    let mut parts: Vec<(&str, Vec<f64>)> = ["view+context", "cues", "roles", "hybrid"]
        .iter()
        .map(|n| (*n, Vec::new()))
        .collect();
    for _ in 0..rounds {
        let mut sums = [0u64; 4];
        for d in &docs {
            let t0 = thread_cpu_ns();
            let view = TokenView::of(d);
            let ctx = Context::new(d, &view);
            let t1 = thread_cpu_ns();
            let cues = model.cues(&ctx);
            let t2 = thread_cpu_ns();
            for &cue in &cues {
                std::hint::black_box(model.roles_among(&ctx, cue, &cues));
            }
            let t3 = thread_cpu_ns();
            drop(ctx);
            drop(view);
            let t4 = thread_cpu_ns();
            std::hint::black_box(extract_quotes_using(d, Engine::Hybrid, Some(model)));
            let t5 = thread_cpu_ns();
            sums[0] += t1 - t0;
            sums[1] += t2 - t1;
            sums[2] += t3 - t2;
            sums[3] += t5 - t4;
        }
        for (p, s) in parts.iter_mut().zip(sums) {
            p.1.push(s as f64 / 1e9);
        }
    }
    for (name, mut v) in parts {
        v.sort_by(f64::total_cmp);
        println!(
            "{name:14} min {:.4} s  median {:.4} s",
            v[0],
            v[v.len() / 2]
        );
    }
}
