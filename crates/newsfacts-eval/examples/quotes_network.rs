//! Measures the scorer networks (contextual vectors, one hidden layer) beside the attribution
//! model's taggers: trains taggers and networks, then scores the combination for each network
//! weight λ (emission = tagger score + λ · log p), λ = 0 being the taggers alone.
//!
//! `cargo run --release -p newsfacts-eval --example quotes_network -- DIR CACHE FOLD [OUT]`
//! FOLD is a number (articles of train with index % 5 == FOLD are held out and scored; the rest
//! train) or `dev` (all of train trains, dev is scored by kind). OUT, if given, is where the
//! networks are written (OUT.cue.nfn, OUT.role.nfn; on a fold, the recurrent network's
//! OUT.recurrent.nfr). The environment sets NETS (`cue`,
//! `role`, `compact_role` or a list: which networks to train; default cue), WEIGHTS (the λ
//! list, default 0,1,2,4,8: the role network's when it is trained, else the cue network's),
//! CUE_WEIGHT (the cue network's λ while the role network's is varied; default 16), HIDDEN,
//! NET_EPOCHS, BATCH, LR and NET_SEED.
//!
//! NETS holding `recurrent` also trains the recurrent role network (a BiGRU over the role
//! window on the compact network's inputs); WEIGHTS is then its λ, and a role network trained
//! beside it keeps ROLE_WEIGHT (default 64). RNN_HIDDEN (units a direction), RNN_PROJECTION,
//! RNN_EPOCHS, RNN_BATCH (windows), RNN_LR, RNN_SEED and RNN_SUBSAMPLE (train on every n-th
//! window) set its training. On a fold, the role networks' held-out token accuracy over the
//! gold cues' windows is printed too.
//!
//! NETS holding `paragraph` also trains the paragraph role network (GRUs over each paragraph's
//! cue-independent inputs, run once per paragraph, under a compact role network that reads the
//! token's and the cue head's states); WEIGHTS is then its λ. PAR_HIDDEN (GRU units a
//! direction), PAR_PROJECTION, PAR_HEAD (the compact network's units), PAR_EPOCHS, PAR_BATCH
//! (paragraphs), PAR_LR and PAR_SEED set its training; on a fold OUT.paragraph.nfp is written.

use std::path::PathBuf;

use newsfacts_analysts::quotes::Engine;
use newsfacts_analysts::quotes::model::AttributionModel;
use newsfacts_eval::quotes::{
    PolnearOptions, Scores, polnear_articles, predict_with, score_article, score_polnear_with,
};
use newsfacts_eval::quotes_train::{
    NetworkOptions, ParagraphOptions, RecurrentOptions, TrainOptions, TrainingArticle,
    parsed_article, polnear_training_articles, role_network_accuracy, train_model,
};

fn env<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(cache), Some(fold)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: quotes_network DIR CACHE FOLD|dev [OUT]");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let cache = PathBuf::from(cache);
    let defaults = NetworkOptions::default();
    let network = NetworkOptions {
        hidden: env("HIDDEN").unwrap_or(defaults.hidden),
        epochs: env("NET_EPOCHS").unwrap_or(defaults.epochs),
        batch: env("BATCH").unwrap_or(defaults.batch),
        learning_rate: env("LR").unwrap_or(defaults.learning_rate),
        seed: env("NET_SEED").unwrap_or(defaults.seed),
        cue: std::env::var("NETS").map_or(true, |n| n.contains("cue")),
        weight: env("CUE_WEIGHT").unwrap_or(16.0),
        role: std::env::var("NETS").is_ok_and(|n| n.contains("role")),
        compact_role: std::env::var("NETS").is_ok_and(|n| n.contains("compact")),
        role_weight: env("ROLE_WEIGHT").unwrap_or(64.0),
        recurrent: std::env::var("NETS")
            .is_ok_and(|n| n.contains("recurrent"))
            .then(|| {
                let defaults = RecurrentOptions::default();
                RecurrentOptions {
                    projection: env("RNN_PROJECTION").unwrap_or(defaults.projection),
                    hidden: env("RNN_HIDDEN").unwrap_or(defaults.hidden),
                    epochs: env("RNN_EPOCHS").unwrap_or(defaults.epochs),
                    batch: env("RNN_BATCH").unwrap_or(defaults.batch),
                    learning_rate: env("RNN_LR").unwrap_or(defaults.learning_rate),
                    seed: env("RNN_SEED").unwrap_or(defaults.seed),
                    subsample: env("RNN_SUBSAMPLE").unwrap_or(defaults.subsample),
                    weight: defaults.weight,
                }
            }),
        paragraph: std::env::var("NETS")
            .is_ok_and(|n| n.contains("paragraph"))
            .then(|| {
                let defaults = ParagraphOptions::default();
                ParagraphOptions {
                    projection: env("PAR_PROJECTION").unwrap_or(defaults.projection),
                    hidden: env("PAR_HIDDEN").unwrap_or(defaults.hidden),
                    head_hidden: env("PAR_HEAD").unwrap_or(defaults.head_hidden),
                    epochs: env("PAR_EPOCHS").unwrap_or(defaults.epochs),
                    batch: env("PAR_BATCH").unwrap_or(defaults.batch),
                    learning_rate: env("PAR_LR").unwrap_or(defaults.learning_rate),
                    seed: env("PAR_SEED").unwrap_or(defaults.seed),
                    weight: defaults.weight,
                }
            }),
    };
    eprintln!("{network:?}");
    let options = TrainOptions {
        cache: Some(cache.clone()),
        network: Some(network),
        ..TrainOptions::default()
    };
    let weights: Vec<f32> = std::env::var("WEIGHTS")
        .unwrap_or_else(|_| "0,1,2,4,8".into())
        .split(',')
        .filter_map(|w| w.parse().ok())
        .collect();
    let mut log = |line: &str| eprintln!("{line}");
    let started = std::time::Instant::now();

    if fold == "dev" {
        let articles = match polnear_training_articles(&dir, "train", &options, &mut log) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        let mut model = train_model(&articles, &options, &mut log);
        drop(articles);
        eprintln!("trained in {:.0} s", started.elapsed().as_secs_f64());
        for (kind, net) in [("cue", &model.cue_network), ("role", &model.role_network)] {
            let (Some(out), Some(net)) = (args.get(3), net) else {
                continue;
            };
            let path = format!("{out}.{kind}.nfn");
            let bytes = net.to_bytes();
            eprintln!("{path}: {} bytes", bytes.len());
            if let Err(e) = std::fs::write(&path, bytes) {
                eprintln!("{path}: {e}");
            }
        }
        for &w in &weights {
            set_weight(&mut model, w);
            let eval = PolnearOptions {
                engine: Engine::Hybrid,
                cache: Some(cache.clone()),
                ..PolnearOptions::default()
            };
            match score_polnear_with(&dir, &eval, Some(&model)) {
                Ok(report) => println!("== dev hybrid, network weight {w}\n{report}"),
                Err(e) => eprintln!("{e}"),
            }
        }
        return;
    }

    let fold: usize = fold.parse().unwrap_or(0);
    let articles = match polnear_articles(&dir, "train") {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let train_cache = cache.join("train");
    let (mut held, mut training) = (Vec::new(), Vec::new());
    for (n, a) in articles.iter().enumerate() {
        let Ok(TrainingArticle { doc, gold }) = parsed_article(a, Some(&train_cache)) else {
            continue;
        };
        if n % 5 == fold {
            held.push(TrainingArticle { doc, gold });
        } else {
            training.push(TrainingArticle { doc, gold });
        }
    }
    let mut model = train_model(&training, &options, &mut log);
    drop(training);
    eprintln!("trained in {:.0} s", started.elapsed().as_secs_f64());
    if let (Some(out), Some(net)) = (args.get(3), &model.role_recurrent) {
        let path = format!("{out}.recurrent.nfr");
        if let Err(e) = std::fs::write(&path, net.to_bytes()) {
            eprintln!("{path}: {e}");
        }
    }
    if let (Some(out), Some(net)) = (args.get(3), &model.role_paragraph) {
        let path = format!("{out}.paragraph.nfp");
        if let Err(e) = std::fs::write(&path, net.to_bytes()) {
            eprintln!("{path}: {e}");
        }
    }
    for (name, loss, accuracy, tokens) in role_network_accuracy(&held, &model) {
        println!(
            "fold {fold} held-out {name}: {loss:.4} mean cross-entropy, {accuracy:.4} token accuracy over {tokens} tokens of gold-cue windows"
        );
    }
    for &w in &weights {
        set_weight(&mut model, w);
        for (name, engine) in [("model", Engine::Model), ("hybrid", Engine::Hybrid)] {
            let started = std::time::Instant::now();
            let mut total = Scores::default();
            for TrainingArticle { doc, gold } in &held {
                let pred = predict_with(doc, engine, Some(&model));
                let (t, _) = score_article(&doc.text, &pred, gold);
                total.add(&t);
            }
            let (cp, cr, cf) = total.cue.exact();
            println!(
                "fold {fold} weight {w:<4} {name:<6} exact F1 source {:.3} cue {:.3} content {:.3} (cue P {cp:.3} R {cr:.3}) | overlap F1 {:.3} {:.3} {:.3} | {:.1} s",
                total.source.exact().2,
                cf,
                total.content.exact().2,
                total.source.overlap().2,
                total.cue.overlap().2,
                total.content.overlap().2,
                started.elapsed().as_secs_f64()
            );
        }
    }
}

/// Sets the weight λ being measured: the paragraph role network's when there is one, else the
/// recurrent role network's when there is one (a role
/// network beside it keeps ROLE_WEIGHT), else the role network's when there is one (the cue
/// network's then stays at CUE_WEIGHT), else the cue network's.
fn set_weight(model: &mut AttributionModel, w: f32) {
    if model.role_paragraph.is_some() {
        model.role_paragraph_weight = w;
    } else if model.role_recurrent.is_some() {
        model.role_recurrent_weight = w;
    } else if model.role_network.is_some() {
        model.role_network_weight = w;
    } else {
        model.network_weight = w;
    }
}
