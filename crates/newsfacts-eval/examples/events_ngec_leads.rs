//! Lead sentences of the NGEC synthetic stories and the NGEC synthetic headlines (training
//! data only) through the event coder, one TSV line each: source, label, primary event type,
//! main-predicate lemma, whether the lexicon knows it, all events, the sentence. For finding
//! which kinds of event the lexicon and its rules miss, by cause.
//!
//! `cargo run --release -p newsfacts-eval --example events_ngec_leads -- SYNTHETIC.csv.zip HEADLINES.csv`

use std::path::Path;

use newsfacts_analysts::Pipeline;
use newsfacts_analysts::events::classifier::ClassifierUse;
use newsfacts_analysts::events::{lexicon, parse::Parse};
use newsfacts_eval::{events, events_train};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 {
        eprintln!("usage: events_ngec_leads SYNTHETIC HEADLINES");
        std::process::exit(2);
    }
    let mut stories = events_train::load_synthetic(Path::new(&args[0])).unwrap_or_default();
    stories.extend(events_train::load_headlines(Path::new(&args[1])).unwrap_or_default());
    let pipeline = Pipeline::new().with_classifier_use(ClassifierUse::Off);
    for story in &stories {
        let doc = pipeline.analyze(newsfacts_ingest::text::article_from_text(&story.text, None));
        let lead_end = doc.sentences.first().map_or(doc.text.len(), |s| s.end);
        let lead_text = doc
            .text
            .get(..lead_end)
            .unwrap_or("")
            .replace(['\t', '\n'], " ");
        let mut lead_doc = doc.clone();
        lead_doc.events.retain(|e| e.trigger.start < lead_end);
        let primary = events::primary_event(&lead_doc).map_or("-", |e| e.plover.as_str());
        let (lemma, known) = Parse::of(&doc)
            .and_then(|parse| {
                let root = (0..parse.toks.len())
                    .take_while(|&i| parse.toks[i].start < lead_end)
                    .find(|&i| parse.head(i).is_none())?;
                let main = if parse.lemma[root] == "say" {
                    parse
                        .children_with(root, &["ccomp"])
                        .find(|&c| parse.is_verb(c))
                        .unwrap_or(root)
                } else {
                    root
                };
                let lemma = parse.lemma[main].clone();
                let known = lexicon::knows_verb(&lemma);
                Some((lemma, known))
            })
            .unwrap_or_default();
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            if story.headline {
                "headline"
            } else if story.dev {
                "dev"
            } else {
                "story"
            },
            story.label,
            primary,
            lemma,
            known,
            lead_doc
                .events
                .iter()
                .map(|e| format!("{}:{}", e.plover, e.trigger.text))
                .collect::<Vec<_>>()
                .join(", "),
            lead_text
        );
    }
}
