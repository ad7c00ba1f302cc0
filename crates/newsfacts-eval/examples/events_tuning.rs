//! The tuning view of the event scorers: prints the events of a text file, then the PLOVER GSR
//! and PETR2 scores with one line per record of the tuning half (even indices) only, so the
//! held-out half is never read while working on the lexicon.
//!
//! `cargo run --release -p newsfacts-eval --example events_tuning -- ARTICLE.txt PLOVER_GSR_CAMEO.txt PETR2_GSR_validation.xml CAMEO2PLOVER.txt`

use std::path::Path;

use newsfacts_eval::events;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 4 {
        eprintln!("usage: events_tuning ARTICLE PLOVER_GSR PETR2_XML CAMEO2PLOVER");
        std::process::exit(2);
    }
    let text = std::fs::read_to_string(&args[0]).unwrap_or_default();
    let doc = newsfacts_analysts::Pipeline::new()
        .analyze(newsfacts_ingest::text::article_from_text(&text, None));
    for event in &doc.events {
        println!("{}", serde_json::to_string(event).unwrap_or_default());
    }
    match events::load_plover_gsr(Path::new(&args[1])) {
        Ok(records) => {
            let report = events::score_plover(&records);
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
            let report = events::score_petr2(&sentences, &map);
            for line in report.lines.iter().step_by(2) {
                println!("{line}");
            }
            print!("{}", report.describe());
        }
        Err(error) => eprintln!("{error}"),
    }
}
