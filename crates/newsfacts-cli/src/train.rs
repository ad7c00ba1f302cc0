//! `newsfacts train …`: train the statistical models newsfacts ships. The training code lives in
//! `newsfacts-eval`; this only wires it up and writes the model file.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use newsfacts_eval::quotes_train::{
    NetworkOptions, ParagraphOptions, RecurrentOptions, TrainOptions, train_polnear,
};
use newsfacts_eval::{events_train, pronouns_train};

#[derive(Subcommand)]
pub enum TrainCommand {
    /// The quotation attribution model (two taggers and the paragraph role network over the
    /// English pipeline's contextual vectors), on PolNeAR's train split (deterministic: the same data
    /// and options give the same file). The role network needs the vectors: a --cache written
    /// before they were kept is filled again. Copy the result to
    /// crates/newsfacts-analysts/model/quotes-attribution.nfq and rebuild to ship it.
    Quotes {
        /// The PolNeAR directory (holding metadata.tsv and the split folders).
        #[arg(long, value_name = "DIR")]
        polnear: PathBuf,
        /// Where to write the model.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = TrainOptions::default().epochs)]
        epochs: usize,
        /// log2 of the number of hashed feature buckets.
        #[arg(long, default_value_t = TrainOptions::default().bits)]
        bits: u32,
        /// Leave weights under this absolute value out of the file.
        #[arg(long, default_value_t = TrainOptions::default().prune)]
        prune: f32,
        /// Keep the English pipeline's output per article here, to train again faster.
        #[arg(long, value_name = "DIR")]
        cache: Option<PathBuf>,
        /// Hidden units of the compact role network over contextual vectors; 0 (the default:
        /// the paragraph role network replaces it) leaves it out; 32 with
        /// --role-paragraph-hidden 0 trains the compact role network shipped before the
        /// paragraph role network.
        #[arg(long, default_value_t = NetworkOptions::shipped_role().hidden)]
        role_network_hidden: usize,
        /// Passes of the role network over the role windows.
        #[arg(long, default_value_t = NetworkOptions::shipped_role().epochs)]
        role_network_epochs: usize,
        /// Weight λ of the role network's log-probabilities beside the role tagger's scores.
        #[arg(long, default_value_t = NetworkOptions::shipped_role().role_weight)]
        role_network_weight: f32,
        /// Units of each direction of the recurrent role network (a BiGRU over the role window);
        /// 0 leaves it out.
        #[arg(long, default_value_t = NetworkOptions::shipped_role().recurrent.map_or(0, |r| r.hidden))]
        role_recurrent_hidden: usize,
        /// Units of the recurrent role network's projection layer under its GRUs.
        #[arg(long, default_value_t = shipped_recurrent().projection)]
        role_recurrent_projection: usize,
        /// Passes of the recurrent role network over the role windows.
        #[arg(long, default_value_t = shipped_recurrent().epochs)]
        role_recurrent_epochs: usize,
        /// Weight λ of the recurrent role network's log-probabilities beside the role tagger's.
        #[arg(long, default_value_t = shipped_recurrent().weight)]
        role_recurrent_weight: f32,
        /// Units of each direction of the paragraph role network's GRUs (run once per
        /// paragraph over cue-independent inputs, their states read by a compact role
        /// network); 0 leaves it out.
        #[arg(long, default_value_t = NetworkOptions::shipped_role().paragraph.map_or(0, |p| p.hidden))]
        role_paragraph_hidden: usize,
        /// Units of the paragraph role network's projection layer under its GRUs.
        #[arg(long, default_value_t = shipped_paragraph().projection)]
        role_paragraph_projection: usize,
        /// Units of the compact role network over the vectors and the GRU states.
        #[arg(long, default_value_t = shipped_paragraph().head_hidden)]
        role_paragraph_head: usize,
        /// Passes of the paragraph role network over the paragraphs holding role windows.
        #[arg(long, default_value_t = shipped_paragraph().epochs)]
        role_paragraph_epochs: usize,
        /// Weight λ of the paragraph role network's scores beside the role tagger's.
        #[arg(long, default_value_t = shipped_paragraph().weight)]
        role_paragraph_weight: f32,
    },
    /// The entities layer's pronoun ranker, on PolNeAR's train split: cross-validates the
    /// number of passes within train, then trains on all of it (deterministic). Copy the
    /// result to crates/newsfacts-analysts/model/pronoun-ranker.txt and rebuild to ship it.
    Pronouns {
        /// The PolNeAR directory (holding metadata.tsv and the split folders).
        #[arg(long, value_name = "DIR")]
        polnear: PathBuf,
        /// Where to write the ranker.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Learn the gender-agreeing gold antecedent instead of the nearest one.
        #[arg(long)]
        agreeing: bool,
        /// Folds of the cross-validation.
        #[arg(long, default_value_t = pronouns_train::TrainOptions::default().folds)]
        folds: usize,
        /// Also write the examples here, one JSON object a line (candidates' feature names,
        /// gold labels, the rules' choice), for study.
        #[arg(long, value_name = "FILE")]
        dump: Option<PathBuf>,
    },
    /// The event trigger classifier, on the NGEC synthetic stories and headlines
    /// (deterministic). Copy the result to crates/newsfacts-analysts/model/events-trigger.nfe
    /// and rebuild to ship it.
    Events {
        /// gpt_synthetic_events_2023-10-19_19.csv.zip (or the CSV inside it).
        #[arg(long, value_name = "FILE")]
        synthetic: PathBuf,
        /// synthetic_headlines.csv (columns event, mode, title).
        #[arg(long, value_name = "FILE")]
        headlines: Option<PathBuf>,
        /// General news articles (JSON Lines with a `text` field, e.g. the BBC news corpus)
        /// whose verbs the lexicon does not code are weak NONE examples.
        #[arg(long, value_name = "FILE")]
        news: Option<PathBuf>,
        /// Leave out the first N news articles (kept back to measure precision on).
        #[arg(long, default_value_t = 300)]
        news_skip: usize,
        /// Take one news article in N of the rest.
        #[arg(long, default_value_t = 4)]
        news_every: usize,
        /// The PLOVER GSR (PLOVER_GSR_CAMEO.txt): choose the fill margin on its tuning half
        /// (even record indices) instead of on the development stories.
        #[arg(long, value_name = "FILE")]
        fill_margin_gsr: Option<PathBuf>,
        /// Train this many perceptrons on the examples in different orders and average them.
        #[arg(long, default_value_t = events_train::TrainOptions::default().orders)]
        orders: usize,
        /// Where to write the model.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// log2 of the number of hashed feature buckets.
        #[arg(long, default_value_t = events_train::TrainOptions::default().bits)]
        bits: u32,
        /// Leave weights under this absolute value out of the file.
        #[arg(long, default_value_t = events_train::TrainOptions::default().prune)]
        prune: f32,
    },
}

/// The recurrent role network's training options newsfacts ships, or their defaults when the
/// shipped model has none.
fn shipped_recurrent() -> RecurrentOptions {
    NetworkOptions::shipped_role().recurrent.unwrap_or_default()
}

/// The paragraph role network's training options newsfacts ships, or their defaults when the
/// shipped model has none.
fn shipped_paragraph() -> ParagraphOptions {
    NetworkOptions::shipped_role().paragraph.unwrap_or_default()
}

pub fn run(command: TrainCommand) -> anyhow::Result<ExitCode> {
    match command {
        TrainCommand::Quotes {
            polnear,
            out,
            epochs,
            bits,
            prune,
            cache,
            role_network_hidden,
            role_network_epochs,
            role_network_weight,
            role_recurrent_hidden,
            role_recurrent_projection,
            role_recurrent_epochs,
            role_recurrent_weight,
            role_paragraph_hidden,
            role_paragraph_projection,
            role_paragraph_head,
            role_paragraph_epochs,
            role_paragraph_weight,
        } => {
            anyhow::ensure!((8..=24).contains(&bits), "--bits must be 8 to 24");
            anyhow::ensure!(
                role_network_hidden <= 1024,
                "--role-network-hidden must be at most 1024"
            );
            anyhow::ensure!(
                role_network_weight.is_finite(),
                "--role-network-weight must be a number"
            );
            anyhow::ensure!(
                role_recurrent_hidden <= 1024 && (1..=1024).contains(&role_recurrent_projection),
                "--role-recurrent-hidden must be at most 1024 and --role-recurrent-projection 1 to 1024"
            );
            anyhow::ensure!(
                role_recurrent_weight.is_finite(),
                "--role-recurrent-weight must be a number"
            );
            anyhow::ensure!(
                role_paragraph_hidden <= 1024
                    && (1..=1024).contains(&role_paragraph_projection)
                    && (1..=1024).contains(&role_paragraph_head),
                "--role-paragraph-hidden must be at most 1024, --role-paragraph-projection and --role-paragraph-head 1 to 1024"
            );
            anyhow::ensure!(
                role_paragraph_weight.is_finite(),
                "--role-paragraph-weight must be a number"
            );
            let paragraph =
                (role_paragraph_hidden > 0 && role_paragraph_weight != 0.0).then(|| {
                    ParagraphOptions {
                        hidden: role_paragraph_hidden,
                        projection: role_paragraph_projection,
                        head_hidden: role_paragraph_head,
                        epochs: role_paragraph_epochs,
                        weight: role_paragraph_weight,
                        ..shipped_paragraph()
                    }
                });
            let role = role_network_hidden > 0 && role_network_weight != 0.0;
            let recurrent =
                (role_recurrent_hidden > 0 && role_recurrent_weight != 0.0).then(|| {
                    RecurrentOptions {
                        hidden: role_recurrent_hidden,
                        projection: role_recurrent_projection,
                        epochs: role_recurrent_epochs,
                        weight: role_recurrent_weight,
                        ..shipped_recurrent()
                    }
                });
            let network =
                (role || recurrent.is_some() || paragraph.is_some()).then(|| NetworkOptions {
                    hidden: role_network_hidden.max(1),
                    epochs: role_network_epochs,
                    role,
                    role_weight: role_network_weight,
                    recurrent,
                    paragraph,
                    ..NetworkOptions::shipped_role()
                });
            let options = TrainOptions {
                epochs,
                bits,
                prune,
                cache,
                network,
                ..TrainOptions::default()
            };
            let mut log = |line: &str| eprintln!("{line}");
            let model = train_polnear(&polnear, &options, &mut log)
                .with_context(|| format!("cannot train on PolNeAR in {}", polnear.display()))?;
            let bytes = model.to_bytes(options.prune);
            std::fs::write(&out, &bytes)
                .with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
        }
        TrainCommand::Pronouns {
            polnear,
            out,
            agreeing,
            folds,
            dump,
        } => {
            let options = pronouns_train::TrainOptions {
                label: if agreeing {
                    pronouns_train::Label::Agreeing
                } else {
                    pronouns_train::Label::Nearest
                },
                folds,
                ..pronouns_train::TrainOptions::default()
            };
            let mut log = |line: &str| eprintln!("{line}");
            let data = pronouns_train::extract(&polnear, "train", &mut log)
                .with_context(|| format!("cannot read PolNeAR in {}", polnear.display()))?;
            eprintln!(
                "{} examples, {} features",
                data.examples.len(),
                data.features.len()
            );
            if let Some(dump) = dump {
                let mut lines = String::new();
                for example in &data.examples {
                    let names: Vec<Vec<&str>> = example
                        .candidates
                        .iter()
                        .map(|c| {
                            c.iter()
                                .filter_map(|&f| data.features.get(f as usize))
                                .map(String::as_str)
                                .collect()
                        })
                        .collect();
                    let line = serde_json::json!({
                        "article": example.article,
                        "candidates": names,
                        "names": example.names,
                        "nearest": example.nearest,
                        "agreeing": example.agreeing,
                        "rule": example.rule,
                    });
                    lines.push_str(&line.to_string());
                    lines.push('\n');
                }
                std::fs::write(&dump, lines)
                    .with_context(|| format!("cannot write {}", dump.display()))?;
            }
            let results = pronouns_train::cross_validate(&data, &options);
            let mut comments = vec![format!(
                "trained by `newsfacts train pronouns{}` on PolNeAR train ({} pronoun sources)",
                if agreeing { " --agreeing" } else { "" },
                data.examples.len()
            )];
            for (epochs, tally) in &results {
                let line = format!("{folds}-fold CV, {epochs} passes: {tally}");
                eprintln!("{line}");
                comments.push(line);
            }
            let epochs = pronouns_train::choose_epochs(&results, options.label).unwrap_or(1);
            let ranker = pronouns_train::train(&data, options.label, epochs);
            let all: Vec<&pronouns_train::Example> = data.examples.iter().collect();
            let fit = pronouns_train::tally(&pronouns_train::weights_of(&ranker, &data), &all);
            let line = format!("{epochs} passes chosen; on all of train: {fit}");
            eprintln!("{line}");
            comments.push(line);
            let text = ranker.to_text(options.prune, &comments);
            std::fs::write(&out, &text)
                .with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!("wrote {} ({} bytes)", out.display(), text.len());
        }
        TrainCommand::Events {
            synthetic,
            headlines,
            news,
            news_skip,
            news_every,
            fill_margin_gsr,
            orders,
            out,
            bits,
            prune,
        } => {
            anyhow::ensure!((8..=24).contains(&bits), "--bits must be 8 to 24");
            let options = events_train::TrainOptions {
                bits,
                prune,
                fill_margin_gsr,
                orders,
                ..events_train::TrainOptions::default()
            };
            let mut log = |line: &str| eprintln!("{line}");
            let (model, report) = events_train::train_events(
                &synthetic,
                headlines.as_deref(),
                news.as_deref().map(|path| (path, news_skip, news_every)),
                &options,
                &mut log,
            )
            .with_context(|| format!("cannot train on {}", synthetic.display()))?;
            for line in &report.lines {
                println!("{line}");
            }
            let bytes = model.to_bytes();
            std::fs::write(&out, &bytes)
                .with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
