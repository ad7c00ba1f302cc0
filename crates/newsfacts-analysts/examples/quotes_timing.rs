//! How much of the pipeline's time the quotation layer takes: analyses the first N articles of
//! a JSON Lines corpus (read as `newsfacts analyze` reads it) with the
//! whole [`Pipeline`], then times `extract_quotes` alone on the analysed documents (thread CPU
//! time, so that a busy machine does not skew the ratio), with and without a role network
//! (ROLE_NETWORK=FILE; the documents get their token vectors again for it, since the analysis
//! pipeline does not keep them).
//!
//! `cargo run --release -p newsfacts-analysts --example quotes_timing -- FILE [N]`
//! (e.g. ../shared/corpora/bbc-news/bbc-news.jsonl 300). A measurement, not a test.

use newsfacts_analysts::Pipeline;
use newsfacts_analysts::quotes::model::{AttributionModel, Context};
use newsfacts_analysts::quotes::network::Network;
use newsfacts_analysts::quotes::recurrent::Recurrent;
use newsfacts_analysts::quotes::tokens::TokenView;
use newsfacts_analysts::quotes::{Engine, extract_quotes_using, extract_quotes_with};
use newsfacts_doc::Article;

/// CPU time of this thread (Linux: /proc/thread-self/schedstat), so that other work on a busy
/// machine does not count; wall-clock time where that file is missing.
struct Clock {
    cpu: Option<u64>,
    wall: std::time::Instant,
}

fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

impl Clock {
    fn start() -> Clock {
        Clock {
            cpu: thread_cpu_ns(),
            wall: std::time::Instant::now(),
        }
    }

    fn seconds(&self) -> f64 {
        match (self.cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) => (b.saturating_sub(a)) as f64 / 1e9,
            _ => self.wall.elapsed().as_secs_f64(),
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: quotes_timing FILE [N]");
        std::process::exit(2);
    };
    let limit: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(300);
    // The articles as `newsfacts analyze` reads them.
    let articles: Vec<Article> =
        newsfacts_ingest::read_articles(path, newsfacts_ingest::InputFormat::Auto)
            .filter_map(|article| article.map_err(|error| eprintln!("{error}")).ok())
            .take(limit)
            .collect();
    let pipeline = Pipeline::new();
    // Warm up: load the English model and the attribution model.
    if let Some(first) = articles.first() {
        let _ = pipeline.analyze(first.clone());
    }
    let started = Clock::start();
    let docs: Vec<_> = articles
        .iter()
        .map(|a| pipeline.analyze(a.clone()))
        .collect();
    let whole = started.seconds();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    println!(
        "{} articles, {} words: whole pipeline {:.2} s",
        docs.len(),
        words,
        whole
    );
    // The model's stages apart: its context, the cue tagger, the role tagger.
    let docs = with_vectors(&docs);
    // MODEL=FILE: a whole attribution model file (`newsfacts train quotes --out FILE`) in
    // place of the built-in one for the model's stages below.
    let from_file = std::env::var("MODEL")
        .ok()
        .and_then(|path| std::fs::read(path).ok())
        .and_then(|bytes| match AttributionModel::from_bytes(&bytes) {
            Ok(model) => Some(model),
            Err(e) => {
                eprintln!("{e}");
                None
            }
        });
    if let Some(model) = from_file.as_ref().or(AttributionModel::embedded()) {
        let (mut context, mut cues, mut roles, mut roles_alone) = (0.0, 0.0, 0.0, 0.0);
        let (mut windows, mut window_tokens) = (0, 0);
        // The role tagger with the model's role network (or ROLE_NETWORK=FILE, a role network
        // written by the quotes_network example of newsfacts-eval, weighted by ROLE_WEIGHT,
        // default 64) beside the tagger alone.
        let taggers_only = AttributionModel {
            role_network: None,
            role_recurrent: None,
            role_paragraph: None,
            ..model.clone()
        };
        let mut model = model.clone();
        if let Some(bytes) = std::env::var("ROLE_NETWORK")
            .ok()
            .and_then(|path| std::fs::read(path).ok())
        {
            match Network::from_bytes(&bytes) {
                Ok(network) => {
                    model.role_network = Some(network);
                    model.role_network_weight = std::env::var("ROLE_WEIGHT")
                        .ok()
                        .and_then(|w| w.parse().ok())
                        .unwrap_or(64.0);
                }
                Err(e) => eprintln!("{e}"),
            }
        }
        // ROLE_RECURRENT=FILE: a recurrent role network (quotes_network's OUT.recurrent.nfr)
        // weighted by RECURRENT_WEIGHT (default 128) in place of the role network.
        if let Some(bytes) = std::env::var("ROLE_RECURRENT")
            .ok()
            .and_then(|path| std::fs::read(path).ok())
        {
            match Recurrent::from_bytes(&bytes) {
                Ok(network) => {
                    model.role_network = None;
                    model.role_recurrent = Some(network);
                    model.role_recurrent_weight = std::env::var("RECURRENT_WEIGHT")
                        .ok()
                        .and_then(|w| w.parse().ok())
                        .unwrap_or(128.0);
                }
                Err(e) => eprintln!("{e}"),
            }
        }
        for d in &docs {
            let started = Clock::start();
            let view = TokenView::of(d);
            let ctx = Context::new(d, &view);
            context += started.seconds();
            let started = Clock::start();
            let found = model.cues(&ctx);
            cues += started.seconds();
            let started = Clock::start();
            for &cue in &found {
                let _ = model.roles(&ctx, cue);
            }
            roles += started.seconds();
            windows += found.len();
            window_tokens += found
                .iter()
                .map(|&cue| {
                    let (a, b) = ctx.role_window(cue);
                    b - a
                })
                .sum::<usize>();
            // The role tagger alone, without the role network, on a fresh context.
            let ctx = Context::new(d, &view);
            let started = Clock::start();
            for &cue in &found {
                let _ = taggers_only.roles(&ctx, cue);
            }
            roles_alone += started.seconds();
        }
        println!(
            "model stages: token view and context {context:.2} s, cues {cues:.2} s, roles {roles:.2} s (without the role network {roles_alone:.2} s) over {windows} role windows of {window_tokens} tokens"
        );
        for (name, model) in [("with", &model), ("without", &taggers_only)] {
            let started = Clock::start();
            let quotes: usize = docs
                .iter()
                .map(|d| extract_quotes_using(d, Engine::Hybrid, Some(model)).len())
                .sum();
            let seconds = started.seconds();
            println!(
                "quotes, hybrid {name} the role network: {seconds:.2} s = {:.1} % of the whole pipeline ({quotes} quotations)",
                100.0 * seconds / whole
            );
        }
    }
    for (name, engine) in [
        ("rules", Engine::Rules),
        ("model", Engine::Model),
        ("hybrid (default)", Engine::Hybrid),
    ] {
        let started = Clock::start();
        let quotes: usize = docs
            .iter()
            .map(|d| extract_quotes_with(d, engine).len())
            .sum();
        let seconds = started.seconds();
        println!(
            "quotes, {name}: {seconds:.2} s = {:.1} % of the whole pipeline ({quotes} quotations)",
            100.0 * seconds / whole
        );
    }
}

/// The documents with the English pipeline's token vectors, which the analysis pipeline does
/// not keep (the tokens are the same: the pipeline is deterministic).
fn with_vectors(docs: &[newsfacts_doc::Document]) -> Vec<newsfacts_doc::Document> {
    docs.iter()
        .map(|d| {
            let mut d = d.clone();
            let analysis = newsfacts_nlp::EnglishPipeline::global().analyze(&d.text);
            if analysis.tokens.len() == d.tokens.len() {
                d.token_vectors = newsfacts_doc::TokenVectors {
                    width: analysis.vector_width,
                    values: analysis.vectors,
                };
            }
            d
        })
        .collect()
}
