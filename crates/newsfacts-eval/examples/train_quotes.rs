//! Trains the attribution model on PolNeAR train, writes it, and scores rules, model and both
//! on dev in the same process (the English pipeline's output is cached in CACHE).
//!
//! `cargo run --release -p newsfacts-eval --example train_quotes -- DIR OUT CACHE [EPOCHS]`

use std::path::PathBuf;

use newsfacts_analysts::quotes::Engine;
use newsfacts_eval::quotes::{PolnearOptions, score_polnear_with};
use newsfacts_eval::quotes_train::{TrainOptions, train_polnear};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(out), Some(cache)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: train_quotes DIR OUT CACHE [EPOCHS]");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let options = TrainOptions {
        epochs: args.get(3).and_then(|e| e.parse().ok()).unwrap_or(8),
        cache: Some(PathBuf::from(cache)),
        limit: std::env::var("LIMIT").ok().and_then(|n| n.parse().ok()),
        bits: std::env::var("BITS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(17),
        ..TrainOptions::default()
    };
    let mut log = |line: &str| eprintln!("{line}");
    let model = match train_polnear(&dir, &options, &mut log) {
        Ok(model) => model,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    };
    let prune: f32 = std::env::var("PRUNE")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(0.0);
    let bytes = model.to_bytes(prune);
    eprintln!("model: {} bytes", bytes.len());
    if let Err(error) = std::fs::write(out, &bytes) {
        eprintln!("{out}: {error}");
    }
    if let Ok(biases) = std::env::var("CUE_BIAS") {
        let mut done = 0.0;
        for b in biases.split(',').filter_map(|b| b.parse::<f32>().ok()) {
            let mut boosted = model.clone();
            boosted.boost_cues(b);
            let _ = done;
            done = b;
            let eval = PolnearOptions {
                engine: Engine::Model,
                cache: Some(PathBuf::from(cache)),
                ..PolnearOptions::default()
            };
            if let Ok(report) = score_polnear_with(&dir, &eval, Some(&boosted)) {
                let t = report.total;
                println!(
                    "cue bias {b}: source {:.3} cue {:.3} content {:.3} (cue P {:.3} R {:.3})",
                    t.source.exact().2,
                    t.cue.exact().2,
                    t.content.exact().2,
                    t.cue.exact().0,
                    t.cue.exact().1
                );
            }
        }
        return;
    }
    let engines = std::env::var("ENGINES").unwrap_or_else(|_| "model,hybrid".into());
    for engine in engines.split(',') {
        let engine_value = match engine {
            "rules" => Engine::Rules,
            "model" => Engine::Model,
            _ => Engine::Hybrid,
        };
        let eval = PolnearOptions {
            engine: engine_value,
            cache: Some(PathBuf::from(cache)),
            ..PolnearOptions::default()
        };
        match score_polnear_with(&dir, &eval, Some(&model)) {
            Ok(report) => println!("== {engine}\n{report}"),
            Err(error) => eprintln!("{error}"),
        }
    }
}
