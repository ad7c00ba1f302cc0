//! Cost of the quotation layer's model on the BBC News corpus (the first 100 records of
//! `../shared/corpora/bbc-news/bbc-news.jsonl`, analysed by the whole pipeline first, with the
//! English pipeline's token vectors the role network reads): the hybrid layer as the pipeline
//! runs it, and its two taggers apart — the cue tagger over every sentence (features, then
//! decoding) and the role tagger over each cue's window.
//!
//! Run: `cargo bench -p newsfacts-analysts --bench quotes`. The corpus lives outside the
//! repository; set `NEWSFACTS_SHARED` to its directory when it is not at `../shared`. Without
//! it the benchmark falls back to a small invented text so that it still runs.

use criterion::{Criterion, criterion_group, criterion_main};
use newsfacts_analysts::Pipeline;
use newsfacts_analysts::quotes::model::{AttributionModel, Context};
use newsfacts_analysts::quotes::tokens::TokenView;
use newsfacts_analysts::quotes::{Engine, extract_quotes_using};
use newsfacts_doc::{Article, Document, TokenVectors};

/// Analysed documents carrying their token vectors (which the pipeline drops after the
/// quotation layer).
fn documents(texts: &[String]) -> Vec<Document> {
    let pipeline = Pipeline::new();
    texts
        .iter()
        .map(|text| {
            let mut doc = pipeline.analyze(Article {
                paragraphs: text
                    .split("\n\n")
                    .map(|p| p.trim().to_owned())
                    .filter(|p| !p.is_empty())
                    .collect(),
                ..Article::default()
            });
            let analysis = newsfacts_nlp::EnglishPipeline::global().analyze(&doc.text);
            if analysis.tokens.len() == doc.tokens.len() {
                doc.token_vectors = TokenVectors {
                    width: analysis.vector_width,
                    values: analysis.vectors,
                };
            }
            doc
        })
        .collect()
}

fn bench_quotes(c: &mut Criterion) {
    let (name, texts) = match newsfacts_testdata::bbc_texts(100) {
        Some(texts) => ("bbc-news-100", texts),
        None => {
            let text = "\"We will not back down,\" the minister said on Monday. The company said \
                        in a statement that profits had fallen, which it put at £3m.\n\n"
                .repeat(40);
            ("invented", vec![text])
        }
    };
    let Some(model) = AttributionModel::embedded() else {
        eprintln!("the embedded attribution model cannot be read");
        return;
    };
    let docs = documents(&texts);
    let views: Vec<TokenView> = docs.iter().map(TokenView::of).collect();
    let mut group = c.benchmark_group("quotes");
    group.sample_size(20);
    group.bench_function(format!("hybrid/{name}"), |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    extract_quotes_using(std::hint::black_box(d), Engine::Hybrid, Some(model)).len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function(format!("cue_tagger/{name}"), |b| {
        b.iter(|| {
            docs.iter()
                .zip(&views)
                .map(|(d, view)| {
                    model
                        .cues(&Context::new(std::hint::black_box(d), view))
                        .len()
                })
                .sum::<usize>()
        })
    });
    let cues: Vec<Vec<(usize, usize)>> = docs
        .iter()
        .zip(&views)
        .map(|(d, view)| model.cues(&Context::new(d, view)))
        .collect();
    group.bench_function(format!("role_tagger/{name}"), |b| {
        b.iter(|| {
            docs.iter()
                .zip(&views)
                .zip(&cues)
                .map(|((d, view), cues)| {
                    let ctx = Context::new(std::hint::black_box(d), view);
                    cues.iter()
                        .map(|&cue| model.roles_among(&ctx, cue, cues).content.len())
                        .sum::<usize>()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_quotes);
criterion_main!(benches);
