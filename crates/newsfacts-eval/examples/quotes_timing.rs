//! What the quotation layer costs next to the rest of the pipeline.
//!
//! `cargo run --release -p newsfacts-eval --example quotes_timing -- FILE_OR_DIR...` reads
//! every `.txt` file given (directories are walked one level), then times, over all of them:
//! the full `Pipeline::analyze` (English pipeline included) and `quotes::extract_quotes` alone
//! on the documents it produced. Prints words/s and the quotation layer's share.

use std::path::PathBuf;
use std::time::{Duration, Instant};

fn texts(args: &[String]) -> Vec<String> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for arg in args {
        let path = PathBuf::from(arg);
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                    .collect();
                found.sort();
                paths.extend(found);
            }
        } else {
            paths.push(path);
        }
    }
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let texts = texts(&args);
    if texts.is_empty() {
        eprintln!("usage: quotes_timing FILE_OR_DIR...");
        std::process::exit(2);
    }
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    // Load the model once, outside the timings.
    let _ = newsfacts_nlp::EnglishPipeline::global().analyze("Warm up.");

    // The whole pipeline (English pipeline, entities, quantities, checks, quotes).
    let pipeline = newsfacts_analysts::Pipeline::new();
    let started = Instant::now();
    let docs: Vec<newsfacts_doc::Document> = texts
        .iter()
        .map(|text| pipeline.analyze(newsfacts_ingest::text::article_from_text(text, None)))
        .collect();
    let whole = started.elapsed();

    // The quotation layer alone, on the same documents (tokens and entities filled).
    let rounds = 5;
    let started = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for doc in &docs {
            found += newsfacts_analysts::quotes::extract_quotes(doc).len();
        }
    }
    let quotes = started.elapsed() / rounds;

    // The fallback without linguistics, for scale.
    let light = newsfacts_analysts::Pipeline::without_linguistics();
    let started = Instant::now();
    for text in &texts {
        std::hint::black_box(light.analyze(newsfacts_ingest::text::article_from_text(text, None)));
    }
    let fast = started.elapsed();

    let per_second = |d: Duration| words as f64 / d.as_secs_f64().max(1e-9);
    println!(
        "{} texts, {} words, {} quotations",
        texts.len(),
        words,
        found / rounds as usize
    );
    for (name, d) in [
        ("Pipeline::analyze (full)", whole),
        ("quotes::extract_quotes", quotes),
        ("Pipeline::without_linguistics", fast),
    ] {
        println!(
            "{name:<32} {:>8.3} s  {:>10.0} words/s",
            d.as_secs_f64(),
            per_second(d)
        );
    }
    println!(
        "quotation layer share of the full pipeline: {:.1} %",
        100.0 * quotes.as_secs_f64() / whole.as_secs_f64().max(1e-9)
    );
}
