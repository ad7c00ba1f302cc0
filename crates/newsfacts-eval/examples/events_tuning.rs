//! The tuning view of the event scorers: prints the events of a text file, then the PLOVER GSR
//! and PETR2 scores with one line per record of the tuning half (even indices) only, so the
//! held-out half is never read while working on the lexicon.
//!
//! `cargo run --release -p newsfacts-eval --example events_tuning -- ARTICLE.txt PLOVER_GSR_CAMEO.txt PETR2_GSR_validation.xml CAMEO2PLOVER.txt [CAMEO.2.0.txt]`
//!
//! With a fifth argument, a CAMEO verb dictionary, the pipeline codes with it as
//! `--cameo-verbs` does.

use std::path::Path;

use newsfacts_eval::events;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !(4..=5).contains(&args.len()) {
        eprintln!("usage: events_tuning ARTICLE PLOVER_GSR PETR2_XML CAMEO2PLOVER [CAMEO_VERBS]");
        std::process::exit(2);
    }
    let mut pipeline = newsfacts_analysts::Pipeline::new();
    if let Some(path) = args.get(4) {
        let dictionary = std::fs::read_to_string(path).unwrap_or_default();
        match newsfacts_analysts::events::cameo::CameoVerbs::parse(&dictionary) {
            Ok(verbs) => pipeline = pipeline.with_cameo_verbs(std::sync::Arc::new(verbs)),
            Err(error) => {
                eprintln!("{path}: {error}");
                std::process::exit(2);
            }
        }
    }
    let text = std::fs::read_to_string(&args[0]).unwrap_or_default();
    let doc = pipeline.analyze(newsfacts_ingest::text::article_from_text(&text, None));
    for event in &doc.events {
        println!("{}", serde_json::to_string(event).unwrap_or_default());
    }
    match events::load_plover_gsr(Path::new(&args[1])) {
        Ok(records) => {
            let report = events::score_plover_with(&records, &pipeline);
            for line in report.lines.iter().step_by(2) {
                println!("{line}");
            }
            print!("{}", report.describe());
        }
        Err(error) => eprintln!("{error}"),
    }
    let map = events::CameoMap::parse(&std::fs::read_to_string(&args[3]).unwrap_or_default());
    match events::load_petr2(Path::new(&args[2])) {
        Ok(sentences) => {
            let report = events::score_petr2_with(&sentences, &map, &pipeline);
            for line in report.lines.iter().step_by(2) {
                println!("{line}");
            }
            print!("{}", report.describe());
        }
        Err(error) => eprintln!("{error}"),
    }
}
