//! Cost of the ledger beside the whole pipeline it ends, on the BBC News corpus (the "text"
//! field of `../shared/corpora/bbc-news/bbc-news.jsonl`, the first 200 articles): the pipeline
//! runs once to fill every layer the ledger reads, then `ledger::build_ledger` and the whole
//! `Pipeline::analyze` are timed over the same documents. The budget is that events and
//! the ledger add under 15 % to the pipeline's time.
//!
//! Run: `cargo bench -p newsfacts-analysts --bench ledger`. The corpus lives outside the
//! repository; set `NEWSFACTS_SHARED` to its directory when it is not at `../shared`. Without
//! it the benchmark falls back to a small invented text so that it still runs.

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsfacts_analysts::{Pipeline, ledger};
use newsfacts_doc::Article;

/// How many articles of the corpus are timed.
const ARTICLES: usize = 200;

/// The shared data directory, as newsfacts-testdata locates it.
fn shared_dir() -> PathBuf {
    match std::env::var_os("NEWSFACTS_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

/// The first article texts of the BBC News corpus, or `None` when it is absent or unreadable.
fn bbc_texts() -> Option<Vec<String>> {
    let path = shared_dir().join("corpora/bbc-news/bbc-news.jsonl");
    let content = std::fs::read_to_string(&path).ok()?;
    let texts: Vec<String> = content
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record.get("text")?.as_str().map(str::to_string))
        .take(ARTICLES)
        .collect();
    (!texts.is_empty()).then_some(texts)
}

fn article(text: &str) -> Article {
    Article {
        paragraphs: text.split("\n\n").map(str::to_string).collect(),
        ..Article::default()
    }
}

fn bench_ledger(c: &mut Criterion) {
    let (name, texts) = match bbc_texts() {
        Some(texts) => ("bbc-news", texts),
        None => {
            eprintln!(
                "BBC News corpus not found under {}; using an invented text",
                shared_dir().display()
            );
            let text = "In March, EU states pledged to provide one million artillery shells to \
                        Ukraine within a year; they have so far supplied only about 224,000 \
                        ammunition rounds and 2,300 missiles – less than a quarter of their \
                        target.";
            ("invented", vec![text.to_string(); 20])
        }
    };
    let pipeline = Pipeline::new();
    let docs: Vec<_> = texts.iter().map(|t| pipeline.analyze(article(t))).collect();
    let events: usize = docs.iter().map(|d| d.events.len()).sum();
    let entries: usize = docs.iter().map(|d| d.ledger.len()).sum();
    eprintln!(
        "{} documents, {events} events, {entries} ledger entries",
        docs.len()
    );
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("ledger");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(format!("build_ledger/{name}"), |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| ledger::build_ledger(std::hint::black_box(d)).len())
                .sum::<usize>()
        })
    });
    group.bench_function(format!("pipeline/{name}"), |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| {
                    pipeline
                        .analyze(article(std::hint::black_box(t)))
                        .ledger
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_ledger);
criterion_main!(benches);
