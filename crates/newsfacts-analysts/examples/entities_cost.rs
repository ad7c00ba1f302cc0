//! What the entities layer costs against the whole pipeline, on a JSON Lines corpus.
//!
//! Usage: `cargo run --release -p newsfacts-analysts --example entities_cost -- FILE.jsonl [N]`
//! (N articles, 300 by default). Each article goes through `Pipeline::analyze` (timed whole);
//! the entities stage is then timed on its own, rebuilding the NER's named mentions from the
//! document's tokens and running `entities::resolve_entities` on them, as the pipeline does.

use std::time::{Duration, Instant};

use newsfacts_analysts::Pipeline;
use newsfacts_analysts::entities::{NamedMention, resolve_entities};
use newsfacts_doc::{Document, EntityKind};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: entities_cost FILE.jsonl [N]");
        std::process::exit(2);
    };
    let limit: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(300);
    let articles: Vec<_> =
        newsfacts_ingest::read_input(&path, newsfacts_ingest::InputFormat::Jsonl)
            .filter_map(Result::ok)
            .filter_map(|record| newsfacts_ingest::to_article(record).ok())
            .take(limit)
            .collect();
    let pipeline = Pipeline::new();
    // Load the model before timing.
    if let Some(first) = articles.first() {
        let _ = pipeline.analyze(first.clone());
    }
    let mut whole = Duration::ZERO;
    let mut entities = Duration::ZERO;
    let mut count = 0usize;
    let mut found = 0usize;
    for article in articles {
        let started = Instant::now();
        let doc = pipeline.analyze(article);
        whole += started.elapsed();
        let labels = ner_labels(&doc);
        let mentions: Vec<NamedMention<'_>> = labels
            .iter()
            .map(|(start, end, label)| NamedMention {
                start: *start,
                end: *end,
                label,
                kind: kind_of(label),
            })
            .collect();
        let started = Instant::now();
        let layer = resolve_entities(&doc, &mentions);
        entities += started.elapsed();
        found += layer.len();
        count += 1;
    }
    println!(
        "{count} articles · pipeline {:.3} s · entities stage {:.3} s ({:.2} % of the pipeline) · {found} entities",
        whole.as_secs_f64(),
        entities.as_secs_f64(),
        100.0 * entities.as_secs_f64() / whole.as_secs_f64().max(1e-9)
    );
}

/// The NER's spans, read back from the tokens' IOB tags.
fn ner_labels(doc: &Document) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for token in &doc.tokens {
        if let Some(label) = token.ent.strip_prefix("B-") {
            out.push((token.start, token.end, label.to_string()));
        } else if token.ent.starts_with("I-") {
            if let Some(last) = out.last_mut() {
                last.1 = token.end;
            }
        }
    }
    out
}

fn kind_of(label: &str) -> EntityKind {
    match label {
        "PERSON" => EntityKind::Person,
        "ORG" => EntityKind::Organisation,
        "GPE" | "LOC" | "FAC" => EntityKind::Place,
        "NORP" => EntityKind::Group,
        _ => EntityKind::Other,
    }
}
