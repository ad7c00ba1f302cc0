//! `newsfacts eval …`: run a benchmark's data through newsfacts and print its scores, with the
//! benchmark's own metric. The scorers live in `newsfacts-eval`; this only wires them up.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Subcommand;
use newsfacts_analysts::events::classifier::{ClassifierUse, EventClassifier};
use newsfacts_analysts::quotes::Engine;
use newsfacts_eval::{events, extraction, metadata, pronouns, quantities, quotes, segmentation};

/// The quotation extractors `eval quotes` can score.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum QuoteEngine {
    Rules,
    Model,
    Hybrid,
}

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Sentence segmentation on a golden-rules file (Pragmatic Segmenter / pySBD JSON format).
    Segmentation {
        /// A JSON array of {id, name, input, expected[]}.
        #[arg(value_name = "FILE")]
        rules: PathBuf,
    },
    /// Main-text extraction on the article-extraction-benchmark (4-gram shingles, macro P/R/F1).
    Extraction {
        /// The benchmark directory: html/<id>.html.gz and ground-truth.json.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Title, byline, date and language on the fundus-news pages (INDEX.json).
    Metadata {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Quotation attribution on PolNeAR (source, cue and content: exact-span and token-overlap
    /// P/R/F1, by kind), against the first annotator listed in metadata.tsv.
    Quotes {
        /// The PolNeAR directory (holding metadata.tsv and the split folders).
        #[arg(long, value_name = "DIR")]
        polnear: PathBuf,
        /// Which split to score.
        #[arg(long, default_value = "dev")]
        split: String,
        /// Skip the English model (tags, parse, entities): quotation marks and cues only.
        #[arg(long)]
        no_nlp: bool,
        /// Which extractor: the rules, the trained model, or both (the default: the rules'
        /// direct quotations, the model's other attributions).
        #[arg(long, value_enum, default_value = "hybrid")]
        engine: QuoteEngine,
    },
    /// Pronoun resolution on PolNeAR: "he"/"she" sources resolved to the person named by the
    /// nearest preceding gold source that names one.
    Pronouns {
        /// The PolNeAR directory (holding metadata.tsv and the split folders).
        #[arg(long, value_name = "DIR")]
        polnear: PathBuf,
        /// Which split to score.
        #[arg(long, default_value = "dev")]
        split: String,
        /// Score only the first N articles.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Print each pronoun resolved wrongly or not at all.
        #[arg(long)]
        show_misses: bool,
        /// Resolve "he"/"she" with the pronoun ranker embedded in the binary instead of the
        /// rules.
        #[arg(long, conflicts_with = "ranker")]
        embedded_ranker: bool,
        /// Resolve "he"/"she" with this ranker file (as `newsfacts train pronouns` writes it)
        /// instead of the rules.
        #[arg(long, value_name = "FILE")]
        ranker: Option<PathBuf>,
        /// Decide the gold side's given-name genders with this independent name–gender
        /// dictionary (the `nam_dict.txt` that `pip install gender-guesser` installs) instead
        /// of newsfacts' own lists, so a name the lists get wrong is not wrong on both sides.
        #[arg(long, value_name = "FILE")]
        given_names: Option<PathBuf>,
    },
    /// Quantities and dates on Recognizers-Text specs, quantulum3 and MeasEval; checks over a
    /// JSON Lines corpus.
    Quantities {
        /// The Recognizers-Text specs directory (Number, NumberWithUnit, DateTime).
        #[arg(long, value_name = "DIR")]
        recognizers: Option<PathBuf>,
        /// The quantulum3 tests directory.
        #[arg(long, value_name = "DIR")]
        quantulum3: Option<PathBuf>,
        /// The MeasEval directory.
        #[arg(long, value_name = "DIR")]
        measeval: Option<PathBuf>,
        /// A JSON Lines corpus: count the arithmetic checks found and their verdicts.
        #[arg(long, value_name = "FILE")]
        checks_corpus: Option<PathBuf>,
    },
    /// PLOVER events: event type, actor and recipient on the PLOVER GSR records; CAMEO codings
    /// through the CAMEO→PLOVER map on the PETRARCH-2 validation sentences. Both sets are split
    /// by record index (even: tuning half, odd: held-out half); both halves and the total are
    /// printed.
    Events {
        /// PLOVER_GSR_CAMEO.txt (a JSON array of records).
        #[arg(long, value_name = "FILE")]
        plover: Option<PathBuf>,
        /// PETR2_GSR_validation.xml.
        #[arg(long, value_name = "FILE")]
        petr2: Option<PathBuf>,
        /// The CAMEO→PLOVER table; by default CAMEO2PLOVER-2021.txt beside the --plover file.
        #[arg(long, value_name = "FILE")]
        cameo_map: Option<PathBuf>,
        /// A CAMEO verb dictionary in the PETRARCH format (e.g. CAMEO.2.0.txt): events get
        /// CAMEO codes and the dictionary's verbs become events too.
        #[arg(long, value_name = "FILE")]
        cameo_verbs: Option<PathBuf>,
        /// A trigger classifier file to use instead of the shipped one (`newsfacts train
        /// events`).
        #[arg(long, value_name = "FILE")]
        events_model: Option<PathBuf>,
        /// Where the trigger classifier is consulted: off, fill (verbs the lexicon does not
        /// know), veto (lexicon verbs it is sure are no event), fill+veto, choose (a type among
        /// those the lexicon gives an ambiguous verb) or fill+choose.
        #[arg(long, value_name = "USE")]
        classifier: Option<String>,
        /// Print one line per record (gold, predicted, all events).
        #[arg(long)]
        verbose: bool,
    },
}

pub fn run(command: EvalCommand) -> anyhow::Result<ExitCode> {
    match command {
        EvalCommand::Segmentation { rules } => {
            let report = segmentation::score_golden_rules_file(&rules)?;
            print!("{}", report.describe());
        }
        EvalCommand::Extraction { dir } => {
            let pages = extraction::load_aeb(&dir)
                .with_context(|| format!("cannot read the benchmark in {}", dir.display()))?;
            let started = Instant::now();
            let predictions: Vec<String> = pages
                .iter()
                .map(|page| extraction::newsfacts_body(&page.html, page.url.as_deref()))
                .collect();
            let seconds = started.elapsed().as_secs_f64().max(1e-9);
            let (score, _) = extraction::score_predictions(&pages, &predictions);
            println!(
                "pages {}  precision {:.4}  recall {:.4}  F1 {:.4}  exact {:.3}  ({:.1} pages/s, one thread, pages in memory)",
                score.pages,
                score.precision,
                score.recall,
                score.f1,
                score.accuracy,
                score.pages as f64 / seconds
            );
        }
        EvalCommand::Metadata { dir } => {
            let report = metadata::score_fundus(&dir)
                .with_context(|| format!("cannot score the pages in {}", dir.display()))?;
            println!("english  {}", report.english);
            println!("all      {}", report.all);
        }
        EvalCommand::Quotes {
            polnear,
            split,
            no_nlp,
            engine,
        } => {
            let options = quotes::PolnearOptions {
                split,
                use_nlp: !no_nlp,
                engine: match engine {
                    QuoteEngine::Rules => Engine::Rules,
                    QuoteEngine::Model => Engine::Model,
                    QuoteEngine::Hybrid => Engine::Hybrid,
                },
                ..quotes::PolnearOptions::default()
            };
            let report = quotes::score_polnear(&polnear, &options)
                .with_context(|| format!("cannot score PolNeAR in {}", polnear.display()))?;
            print!("{report}");
        }
        EvalCommand::Pronouns {
            polnear,
            split,
            limit,
            show_misses,
            embedded_ranker,
            ranker,
            given_names,
        } => {
            let ranker = match ranker {
                Some(path) => {
                    let text = std::fs::read_to_string(&path)
                        .with_context(|| format!("cannot read {}", path.display()))?;
                    Some(
                        newsfacts_analysts::entities::ranker::PronounRanker::from_text(&text)
                            .with_context(|| {
                                format!("cannot read the ranker {}", path.display())
                            })?,
                    )
                }
                None => None,
            };
            let resolver = match (&ranker, embedded_ranker) {
                (Some(ranker), _) => pronouns::Resolver::Ranker(ranker),
                (None, true) => pronouns::Resolver::EmbeddedRanker,
                (None, false) => pronouns::Resolver::Shipped,
            };
            let dictionary = match given_names {
                Some(path) => {
                    Some(pronouns::GivenNameDictionary::read(&path).with_context(|| {
                        format!("cannot read the given names {}", path.display())
                    })?)
                }
                None => None,
            };
            let genders = dictionary.as_ref().map_or(
                pronouns::GoldGenders::Newsfacts,
                pronouns::GoldGenders::Dictionary,
            );
            let report =
                pronouns::score_polnear_with(&polnear, &split, limit, resolver, genders)
                    .with_context(|| format!("cannot score PolNeAR in {}", polnear.display()))?;
            if show_misses {
                for miss in &report.misses {
                    println!("{miss}");
                }
            }
            print!("{report}");
        }
        EvalCommand::Quantities {
            recognizers,
            quantulum3,
            measeval,
            checks_corpus,
        } => {
            if recognizers.is_none()
                && quantulum3.is_none()
                && measeval.is_none()
                && checks_corpus.is_none()
            {
                anyhow::bail!(
                    "say what to measure: --recognizers DIR, --quantulum3 DIR, --measeval DIR or --checks-corpus FILE"
                );
            }
            if let Some(dir) = recognizers {
                for family in ["Number", "NumberWithUnit"] {
                    println!("{}", quantities::score_recognizers(&dir, family)?);
                }
                println!("{}", quantities::score_recognizers_datetime(&dir)?);
            }
            if let Some(dir) = quantulum3 {
                println!("{}", quantities::score_quantulum3(&dir)?);
            }
            if let Some(dir) = measeval {
                println!("{}", quantities::score_measeval(&dir)?);
            }
            if let Some(path) = checks_corpus {
                println!("{}", quantities::corpus_checks(&path)?);
            }
        }
        EvalCommand::Events {
            plover,
            petr2,
            cameo_map,
            cameo_verbs,
            events_model,
            classifier,
            verbose,
        } => {
            let mut pipeline = match &cameo_verbs {
                Some(path) => newsfacts_analysts::Pipeline::new()
                    .with_cameo_verbs(std::sync::Arc::new(crate::analyze::read_cameo_verbs(path)?)),
                None => newsfacts_analysts::Pipeline::new(),
            };
            if let Some(path) = &events_model {
                let bytes = std::fs::read(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let model = EventClassifier::from_bytes(&bytes)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                pipeline = pipeline.with_event_classifier(std::sync::Arc::new(model));
            }
            if let Some(text) = &classifier {
                let usage = ClassifierUse::parse(text)
                    .context("--classifier is off, fill, veto, fill+veto, choose or fill+choose")?;
                pipeline = pipeline.with_classifier_use(usage);
            }
            if plover.is_none() && petr2.is_none() {
                anyhow::bail!("say what to measure: --plover FILE and/or --petr2 FILE");
            }
            if let Some(path) = &plover {
                let records = events::load_plover_gsr(path)?;
                let started = Instant::now();
                let report = events::score_plover_with(&records, &pipeline);
                if verbose {
                    for line in &report.lines {
                        println!("{line}");
                    }
                }
                println!(
                    "PLOVER GSR: {} records ({:.1} s)",
                    records.len(),
                    started.elapsed().as_secs_f64()
                );
                print!("{}", report.describe());
            }
            if let Some(path) = &petr2 {
                let map_path = cameo_map
                    .or_else(|| {
                        plover
                            .as_ref()
                            .and_then(|p| p.parent())
                            .map(|dir| dir.join("CAMEO2PLOVER-2021.txt"))
                    })
                    .context("--petr2 needs --cameo-map FILE (or --plover beside it)")?;
                let map_text = std::fs::read_to_string(&map_path)
                    .with_context(|| format!("cannot read {}", map_path.display()))?;
                let map = events::CameoMap::parse(&map_text);
                let sentences = events::load_petr2(path)?;
                let report = events::score_petr2_with(&sentences, &map, &pipeline);
                if verbose {
                    for line in &report.lines {
                        println!("{line}");
                    }
                }
                print!("PETR2: {}", report.describe());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
