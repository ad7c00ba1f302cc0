//! Cost of the ledger beside the whole pipeline it ends, on the BBC News corpus (the "text"
//! field of `../shared/corpora/bbc-news/bbc-news.jsonl`, the first 200 articles): the pipeline
//! runs once to fill every layer the ledger reads, then `ledger::build_ledger` and the whole
//! `Pipeline::analyze` are timed over the same documents. The budget is that events and
//! the ledger add under 15 % to the pipeline's time.
//!
//! Run: `cargo bench -p newsfacts-analysts --bench ledger`. The corpus lives outside the
//! repository; set `NEWSFACTS_SHARED` to its directory when it is not at `../shared`. Without
//! it the benchmark falls back to a small invented text so that it still runs.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsfacts_analysts::{Pipeline, ledger};
use newsfacts_doc::Article;

/// How many articles of the corpus are timed.
const ARTICLES: usize = 200;

fn article(text: &str) -> Article {
    Article {
        paragraphs: text.split("\n\n").map(str::to_string).collect(),
        ..Article::default()
    }
}

fn bench_ledger(c: &mut Criterion) {
    let (name, texts) = match newsfacts_testdata::bbc_texts(ARTICLES) {
        Some(texts) => ("bbc-news", texts),
        None => {
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
