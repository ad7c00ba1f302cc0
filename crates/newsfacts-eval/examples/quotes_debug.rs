//! Shows what the attribution model sees and decides for one text: each token with its tag,
//! dependency and head, the cues the cue tagger finds, the source and content the role tagger
//! gives each cue, and the hybrid engine's quotations in PolNeAR's conventions.
//!
//! `cargo run --release -p newsfacts-eval --example quotes_debug -- FILE`

use newsfacts_analysts::quotes::Engine;
use newsfacts_analysts::quotes::model::{AttributionModel, Context};
use newsfacts_analysts::quotes::tokens::TokenView;
use newsfacts_eval::quotes::{document_for, predict_with};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: quotes_debug FILE");
        std::process::exit(2);
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(1);
    };
    let Some(model) = AttributionModel::embedded() else {
        eprintln!("the embedded attribution model is unreadable");
        std::process::exit(1);
    };
    let doc = document_for(&text, true);
    let view = TokenView::of(&doc);
    let ctx = Context::new(&doc, &view);
    let toks = &view.toks;
    let show = |(a, b): (usize, usize)| -> String {
        if a >= b || b > toks.len() {
            return String::new();
        }
        text[toks[a].start..toks[b - 1].end].replace('\n', " ")
    };
    for (k, t) in toks.iter().enumerate() {
        println!(
            "{k:4} {:<16} {:<5} {:<10} {}",
            &text[t.start..t.end],
            t.tag,
            t.dep,
            t.head.map_or("-".to_owned(), |h| h.to_string())
        );
    }
    for cue in model.cues(&ctx) {
        let p = model.roles(&ctx, cue);
        println!("cue {:?} {:?}", cue, show(cue));
        for s in &p.source {
            println!("  source {:?} {:?}", s, show(*s));
        }
        for c in &p.content {
            println!("  content {:?} {:?}", c, show(*c));
        }
    }
    for a in predict_with(&doc, Engine::Hybrid, Some(model)) {
        let part = |spans: &[newsfacts_doc::Span]| {
            spans
                .iter()
                .map(|s| &text[s.start..s.end])
                .collect::<Vec<_>>()
                .join(" … ")
        };
        println!(
            "hybrid: source {:?} cue {:?} content {:?}",
            part(&a.source),
            part(&a.cue),
            part(&a.content)
        );
    }
}
