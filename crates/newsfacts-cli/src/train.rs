//! `newsfacts train …`: train the statistical models newsfacts ships. The training code lives in
//! `newsfacts-eval`; this only wires it up and writes the model file.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use newsfacts_eval::quotes_train::{NetworkOptions, TrainOptions, train_polnear};

#[derive(Subcommand)]
pub enum TrainCommand {
    /// The quotation attribution model (two taggers and a role network over the English
    /// pipeline's contextual vectors), on PolNeAR's train split (deterministic: the same data
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
        /// Hidden units of the role network over contextual vectors; 0 leaves it out (the
        /// taggers alone).
        #[arg(long, default_value_t = NetworkOptions::shipped_role().hidden)]
        role_network_hidden: usize,
        /// Passes of the role network over the role windows.
        #[arg(long, default_value_t = NetworkOptions::shipped_role().epochs)]
        role_network_epochs: usize,
        /// Weight λ of the role network's log-probabilities beside the role tagger's scores.
        #[arg(long, default_value_t = NetworkOptions::shipped_role().role_weight)]
        role_network_weight: f32,
    },
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
            let network =
                (role_network_hidden > 0 && role_network_weight != 0.0).then(|| NetworkOptions {
                    hidden: role_network_hidden,
                    epochs: role_network_epochs,
                    role_weight: role_network_weight,
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
    }
    Ok(ExitCode::SUCCESS)
}
