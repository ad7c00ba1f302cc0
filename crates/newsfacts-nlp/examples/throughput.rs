//! Throughput of the pipeline on the first ~1 MB of the BBC corpus (or any JSON Lines file
//! with a "text" field), one thread: words (non-space tokens) per second for the full
//! pipeline, and peak resident memory. Used by `benches/compare_spacy.sh`.
//!
//! `cargo run --release -p newsfacts-nlp --example throughput -- ../shared/corpora/bbc-news/bbc-news.jsonl [bytes]`

use std::io::BufRead;
use std::time::Instant;

use newsfacts_nlp::EnglishPipeline;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: throughput FILE.jsonl [BYTES]");
        std::process::exit(2);
    };
    let limit: usize = args
        .next()
        .and_then(|b| b.parse().ok())
        .unwrap_or(1_000_000);
    let file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(1);
        }
    };
    let mut texts = Vec::new();
    let mut total = 0;
    for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        if let Some(text) = value.get("text").and_then(|t| t.as_str()) {
            total += text.len();
            texts.push(text.to_owned());
            if total >= limit {
                break;
            }
        }
    }
    let load = Instant::now();
    let pipeline = EnglishPipeline::global();
    let load_time = load.elapsed();

    let start = Instant::now();
    let mut tokens = 0usize;
    for text in &texts {
        tokens += pipeline.tokenize(text).len();
    }
    let tokenize_time = start.elapsed();

    let cpu_start = cpu_seconds();
    let start = Instant::now();
    let mut words = 0usize;
    let mut entities = 0usize;
    for text in &texts {
        let analysis = pipeline.analyze(text);
        words += analysis
            .tokens
            .iter()
            .filter(|t| !text[t.start..t.end].trim().is_empty())
            .count();
        entities += analysis.entities.len();
    }
    let full_time = start.elapsed();
    let full_cpu = cpu_seconds() - cpu_start;
    let peak_kb = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| {
                    l.split_whitespace()
                        .nth(1)
                        .and_then(|v| v.parse::<u64>().ok())
                })
        })
        .unwrap_or(0);
    println!(
        "newsfacts: {} docs, {} bytes, {} tokens, {} words, {} entities",
        texts.len(),
        total,
        tokens,
        words,
        entities
    );
    println!("newsfacts: model load {:.3} s", load_time.as_secs_f64());
    println!(
        "newsfacts: tokenizer {:.0} tokens/s",
        tokens as f64 / tokenize_time.as_secs_f64()
    );
    println!(
        "newsfacts: full pipeline {:.0} words/s ({:.3} s)",
        words as f64 / full_time.as_secs_f64(),
        full_time.as_secs_f64()
    );
    println!(
        "newsfacts: full pipeline {:.0} words per CPU second ({:.3} CPU s)",
        words as f64 / full_cpu,
        full_cpu
    );
    println!("newsfacts: peak RSS {} MB", peak_kb / 1024);
}

/// User + system CPU time of this process (Linux), robust to other load on the machine.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let Some(rest) = stat.rsplit(')').next() else {
        return 0.0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields
        .get(11..13)
        .map(|f| f.iter().filter_map(|v| v.parse::<f64>().ok()).sum())
        .unwrap_or(0.0);
    ticks / 100.0
}
