//! What the quotation layer costs next to the rest of the pipeline.
//!
//! `cargo run --release -p newsfacts-eval --example quotes_timing -- FILE_OR_DIR...` reads
//! every `.txt` file given (directories are walked one level), then times, over all of them:
//! the English pipeline (tokens, tags, parse, entities), the rest of `Pipeline::analyze`, and
//! `quotes::extract_quotes` on documents whose tokens are filled. Prints words/s and the
//! quotation layer's share of the whole.

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

    let started = Instant::now();
    let docs: Vec<newsfacts_doc::Document> = texts
        .iter()
        .map(|t| newsfacts_eval::quotes::document_for(t, true))
        .collect();
    let nlp = started.elapsed();

    let pipeline = newsfacts_analysts::Pipeline::new();
    let started = Instant::now();
    for text in &texts {
        let article = newsfacts_ingest::text::article_from_text(text, None);
        let doc = pipeline.analyze(article);
        std::hint::black_box(doc);
    }
    let rest = started.elapsed();

    let rounds = 5;
    let started = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for doc in &docs {
            found += newsfacts_analysts::quotes::extract_quotes(doc).len();
        }
    }
    let quotes = started.elapsed() / rounds;
    let per_second = |d: Duration| words as f64 / d.as_secs_f64().max(1e-9);
    let whole = nlp + rest;
    println!(
        "{} texts, {} words, {} quotations",
        texts.len(),
        words,
        found / rounds as usize
    );
    println!(
        "English pipeline (tokens, tags, parse, NER): {:>8.3} s  {:>10.0} words/s",
        nlp.as_secs_f64(),
        per_second(nlp)
    );
    println!(
        "Pipeline::analyze (incl. quotes, untagged):   {:>8.3} s  {:>10.0} words/s",
        rest.as_secs_f64(),
        per_second(rest)
    );
    println!(
        "quotes::extract_quotes on tagged documents:  {:>8.3} s  {:>10.0} words/s",
        quotes.as_secs_f64(),
        per_second(quotes)
    );
    println!(
        "quotation layer share of the whole (English pipeline + Pipeline::analyze): {:.1} %",
        100.0 * quotes.as_secs_f64() / whole.as_secs_f64().max(1e-9)
    );
}
