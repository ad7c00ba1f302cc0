//! What the events layer costs next to the rest of the pipeline.
//!
//! `cargo run --release -p newsfacts-eval --example events_timing -- FILE.jsonl [N]` reads the
//! first N (default 300) records of a JSON Lines corpus with `text` (and optional `title`)
//! fields, times the full `Pipeline::analyze` over them (English pipeline included, events
//! included), then `events::extract_events` alone on the documents it produced, and prints the
//! events layer's share.

use std::io::BufRead;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: events_timing FILE.jsonl [N]");
        std::process::exit(2);
    };
    let limit: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(300);
    let Ok(file) = std::fs::File::open(path) else {
        eprintln!("cannot open {path}");
        std::process::exit(2);
    };
    let texts: Vec<String> = std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(&line).ok())
        .filter_map(|record| {
            let text = record.get("text")?.as_str()?.to_owned();
            Some(match record.get("title").and_then(|t| t.as_str()) {
                Some(title) => format!("{title}\n\n{text}"),
                None => text,
            })
        })
        .take(limit)
        .collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    // Load the model once, outside the timings.
    let _ = newsfacts_nlp::EnglishPipeline::global().analyze("Warm up.");

    let pipeline = newsfacts_analysts::Pipeline::new();
    let started = Instant::now();
    let docs: Vec<newsfacts_doc::Document> = texts
        .iter()
        .map(|text| pipeline.analyze(newsfacts_ingest::text::article_from_text(text, None)))
        .collect();
    let whole = started.elapsed();

    let rounds = 5;
    let started = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for doc in &docs {
            found += newsfacts_analysts::events::extract_events(doc).len();
        }
    }
    let events = started.elapsed() / rounds;
    println!(
        "{} articles, {} words, {} events",
        texts.len(),
        words,
        found / rounds as usize
    );
    println!(
        "Pipeline::analyze (full, events included) {:>8.3} s",
        whole.as_secs_f64()
    );
    println!(
        "events::extract_events                   {:>8.3} s",
        events.as_secs_f64()
    );
    println!(
        "events layer share of the full pipeline: {:.2} %",
        100.0 * events.as_secs_f64() / whole.as_secs_f64().max(1e-9)
    );
}
