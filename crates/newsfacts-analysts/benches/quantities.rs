//! Cost of the quantities layer and the arithmetic checks on the BBC News corpus (the "text"
//! field of `../shared/corpora/bbc-news/bbc-news.jsonl`), beside the sentence segmenter that
//! runs before them, in bytes of article text per second.
//!
//! Run: `cargo bench -p newsfacts-analysts --bench quantities`. The corpus lives outside the
//! repository; set `NEWSFACTS_SHARED` to its directory when it is not at `../shared`. Without
//! it the benchmark falls back to a small invented text so that it still runs.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsfacts_analysts::{checks, quantities};
use newsfacts_doc::{Article, Document};

/// Documents with their sentences, ready for the analysts.
fn documents(texts: &[String]) -> Vec<Document> {
    texts
        .iter()
        .map(|text| {
            let mut doc = Document::from_article(Article {
                paragraphs: text.split("\n\n").map(str::to_string).collect(),
                ..Article::default()
            });
            doc.sentences = newsfacts_nlp::split_sentences(&doc.text);
            doc
        })
        .collect()
}

fn bench_quantities(c: &mut Criterion) {
    let (name, texts) = match newsfacts_testdata::bbc_texts(usize::MAX) {
        Some(texts) => ("bbc-news", texts),
        None => {
            let text = "Quarterly profits jumped 76% to $1.13bn (£600m) from $639m. EU states \
                        pledged one million shells within a year; they supplied about 224,000 – \
                        less than a quarter of their target.\n\n"
                .repeat(500);
            ("invented", vec![text])
        }
    };
    let mut docs = documents(&texts);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("analysts");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(format!("split_sentences/{name}"), |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| newsfacts_nlp::split_sentences(std::hint::black_box(&d.text)).len())
                .sum::<usize>()
        })
    });
    group.bench_function(format!("quantities/{name}"), |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| quantities::extract_quantities(std::hint::black_box(d)).len())
                .sum::<usize>()
        })
    });
    for doc in &mut docs {
        doc.quantities = quantities::extract_quantities(doc);
    }
    group.bench_function(format!("checks/{name}"), |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| checks::check_claims(std::hint::black_box(d)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_quantities);
criterion_main!(benches);
