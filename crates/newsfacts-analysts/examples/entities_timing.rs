//! What the pronoun ranker costs: builds the entities layer of the first N articles of a JSON
//! Lines corpus (read as `newsfacts analyze` reads it) with the rules
//! alone and with the embedded pronoun ranker, timing only that step (thread CPU time, so that
//! a busy machine does not skew the ratio), beside the English model's time on the same texts.
//!
//! `cargo run --release -p newsfacts-analysts --example entities_timing -- FILE [N]`
//! (e.g. /tmp/q3/bbc300.jsonl 300). A measurement, not a test.

use newsfacts_analysts::entities::{self, ranker::PronounRanker};
use newsfacts_doc::{Article, Document};

/// CPU time of this thread in seconds (Linux: /proc/thread-self/schedstat), else wall time.
fn thread_seconds(wall: std::time::Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(|| wall.elapsed().as_secs_f64(), |ns| ns as f64 / 1e9)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: entities_timing FILE [N]");
        std::process::exit(2);
    };
    let limit: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(300);
    let Some(ranker) = PronounRanker::embedded() else {
        eprintln!("the embedded pronoun ranker does not read");
        std::process::exit(1);
    };
    let english = newsfacts_nlp::EnglishPipeline::global();
    // Warm up: the English model and the cue lexicon load on first use.
    let mut warm = Document::from_article(Article {
        paragraphs: vec!["Anna Berg said she would go.".into()],
        ..Article::default()
    });
    let analysis = english.analyze(&warm.text);
    warm.tokens = analysis.doc_tokens();
    let _ = entities::resolve_entities_with(&warm, &entities::named_mentions(&analysis), None);
    let wall = std::time::Instant::now();
    let (mut model, mut rules, mut ranked) = (0.0, 0.0, 0.0);
    let mut count = 0;
    // The articles as `newsfacts analyze` reads them.
    for article in newsfacts_ingest::read_articles(path, newsfacts_ingest::InputFormat::Auto)
        .filter_map(|article| article.map_err(|error| eprintln!("{error}")).ok())
        .take(limit)
    {
        let mut doc = Document::from_article(article);
        let before = thread_seconds(wall);
        let analysis = english.analyze(&doc.text);
        model += thread_seconds(wall) - before;
        doc.tokens = analysis.doc_tokens();
        let mentions = entities::named_mentions(&analysis);
        let before = thread_seconds(wall);
        let by_rules = entities::resolve_entities_with(&doc, &mentions, None);
        rules += thread_seconds(wall) - before;
        let before = thread_seconds(wall);
        let by_ranker = entities::resolve_entities_with(&doc, &mentions, Some(ranker));
        ranked += thread_seconds(wall) - before;
        count += 1;
        drop((by_rules, by_ranker));
    }
    println!(
        "{count} articles: English model {model:.3} s; entities by the rules {rules:.3} s, \
         with the pronoun ranker {ranked:.3} s"
    );
}
