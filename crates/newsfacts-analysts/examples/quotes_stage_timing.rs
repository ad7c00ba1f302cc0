//! Wall-clock time of the quotation layer's parts over the first N articles of a JSON Lines
//! corpus, each part ROUNDS times (default 7), printing the fastest and the median round: the
//! token view and context, the cue tagger, the role tagger (network included), and the whole
//! hybrid layer. `cargo run --release -p newsfacts-analysts --example quotes_stage_timing --
//! FILE [N] [ROUNDS]`. A measurement, not a test.

use newsfacts_analysts::Pipeline;
use newsfacts_analysts::quotes::model::{AttributionModel, Context};
use newsfacts_analysts::quotes::tokens::TokenView;
use newsfacts_analysts::quotes::{Engine, extract_quotes_using};

/// Nanoseconds since the first call (wall clock: this machine's thread CPU clock counts in
/// scheduler ticks, too coarse for one document; the fastest of several rounds stands in for
/// a quiet machine).
fn elapsed_ns() -> u64 {
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
    let pipeline = Pipeline::new().with_token_vectors();
    // The articles as `newsfacts analyze` reads them.
    let docs: Vec<_> = newsfacts_ingest::read_articles(path, newsfacts_ingest::InputFormat::Auto)
        .filter_map(|article| article.map_err(|error| eprintln!("{error}")).ok())
        .take(limit)
        .map(|article| pipeline.analyze(article))
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
            let t0 = elapsed_ns();
            let view = TokenView::of(d);
            let ctx = Context::new(d, &view);
            let t1 = elapsed_ns();
            let cues = model.cues(&ctx);
            let t2 = elapsed_ns();
            for &cue in &cues {
                std::hint::black_box(model.roles_among(&ctx, cue, &cues));
            }
            let t3 = elapsed_ns();
            drop(ctx);
            drop(view);
            let t4 = elapsed_ns();
            std::hint::black_box(extract_quotes_using(d, Engine::Hybrid, Some(model)));
            let t5 = elapsed_ns();
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
