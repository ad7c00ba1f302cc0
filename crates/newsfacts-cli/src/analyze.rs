//! `newsfacts analyze`: articles in, facts out, as a report, JSON or JSON Lines.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use newsfacts_analysts::Pipeline;
use newsfacts_analysts::stages::StageClock;
use newsfacts_batch::{BatchOptions, Outcome, expand_inputs};
use newsfacts_doc::json::{OutputLayers, to_output};
use newsfacts_doc::text_report::{self, ReportOptions};

use crate::batch_args::{InputArg, use_threads, with_actor_dictionaries};

#[derive(clap::Args)]
pub struct AnalyzeArgs {
    /// Inputs; with none, standard input is read.
    #[arg(value_name = "FILE")]
    inputs: Vec<String>,

    /// Output format [default: text on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,

    /// How to read the inputs: by extension then by sniffing (auto), or as one format.
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    input: InputArg,

    /// Extra layers to include in JSON output, comma-separated (available: tokens).
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    layers: Vec<LayerArg>,

    /// Worker threads for analysis [default: all cores].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,

    /// An actor dictionary in the Phoenix/PETRARCH format (repeat for several): entities it
    /// names get its CAMEO actor code on the article's date, and its dated codes.
    #[arg(long, value_name = "FILE")]
    actors: Vec<std::path::PathBuf>,

    /// No progress bar and no end-of-run summary on stderr.
    #[arg(long, short)]
    quiet: bool,

    /// In the text report, leave out the article text and show only facts.
    #[arg(long)]
    facts_only: bool,

    /// At the end, print on stderr the time each pipeline stage took, summed over all
    /// documents, and its share of the pipeline's time.
    #[arg(long)]
    timings: bool,

    /// A CAMEO verb dictionary in the PETRARCH format (e.g. CAMEO.2.0.txt): events get the
    /// CAMEO code of their verb (`cameo`), and the dictionary's verbs become events too.
    #[arg(long, value_name = "FILE")]
    cameo_verbs: Option<std::path::PathBuf>,

    /// Where the event coder consults its trained trigger classifier: off (the lexicon
    /// alone), fill (sentences the lexicon is silent on; the default), veto, fill+veto,
    /// choose (a type among those the lexicon gives an ambiguous verb) or fill+choose.
    #[arg(long, value_name = "USE")]
    classifier: Option<String>,

    /// A trigger classifier file to use instead of the shipped one (`newsfacts train events`).
    #[arg(long, value_name = "FILE")]
    events_model: Option<std::path::PathBuf>,
}

/// Reads a user's CAMEO verb dictionary.
pub fn read_cameo_verbs(
    path: &std::path::Path,
) -> anyhow::Result<newsfacts_analysts::events::cameo::CameoVerbs> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the CAMEO verb dictionary {}", path.display()))?;
    newsfacts_analysts::events::cameo::CameoVerbs::parse(&text)
        .with_context(|| format!("{} is not a CAMEO verb dictionary", path.display()))
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// A readable report for a terminal.
    Text,
    /// One JSON document object (an array of them for several documents).
    Json,
    /// One JSON document object a line.
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LayerArg {
    Tokens,
}

/// Exit codes: 0 when every record was analysed, 1 when any failed (the rest still ran),
/// 2 when the run itself could not go on (bad arguments, output closed).
pub fn run(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    use_threads(args.threads)?;
    let raw_inputs = if args.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        args.inputs.clone()
    };
    let (inputs, input_failures) = expand_inputs(&raw_inputs);
    let stdout = io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        OutputFormat::Text
    } else {
        OutputFormat::Jsonl
    });
    let layers = OutputLayers {
        tokens: args.layers.contains(&LayerArg::Tokens),
    };
    let report_options = ReportOptions {
        show_text: !args.facts_only,
    };

    let progress = if !args.quiet && io::stderr().is_terminal() {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {pos} documents · {per_sec} · {elapsed_precise} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Some(bar)
    } else {
        None
    };
    let report = |message: String| match &progress {
        Some(bar) => bar.println(message),
        None => eprintln!("{message}"),
    };
    for failure in &input_failures {
        report(format!("newsfacts: {failure}"));
    }

    let mut out = io::BufWriter::new(stdout.lock());
    let mut written = 0usize;
    let mut first_json = None;
    let started = std::time::Instant::now();
    let clock = args.timings.then(|| Arc::new(StageClock::new()));
    let pipeline = match &clock {
        Some(clock) => Pipeline::new().with_stage_clock(Arc::clone(clock)),
        None => Pipeline::new(),
    };
    let pipeline = match &args.cameo_verbs {
        Some(path) => pipeline.with_cameo_verbs(Arc::new(read_cameo_verbs(path)?)),
        None => pipeline,
    };
    let pipeline = match &args.classifier {
        Some(text) => pipeline.with_classifier_use(
            newsfacts_analysts::events::classifier::ClassifierUse::parse(text)
                .context("--classifier is off, fill, veto, fill+veto, choose or fill+choose")?,
        ),
        None => pipeline,
    };
    let pipeline = match &args.events_model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            let model = newsfacts_analysts::events::classifier::EventClassifier::from_bytes(&bytes)
                .with_context(|| format!("cannot read {}", path.display()))?;
            pipeline.with_event_classifier(Arc::new(model))
        }
        None => pipeline,
    };
    let pipeline = with_actor_dictionaries(pipeline, &args.actors, args.quiet)?;
    let options = BatchOptions {
        format: args.input.into(),
        ..BatchOptions::default()
    };
    let summary = newsfacts_batch::run(&inputs, &pipeline, options, |outcome| {
        match outcome {
            Outcome::Analysed(doc) => {
                if doc.text.is_empty() {
                    report(format!(
                        "newsfacts: {}: the page holds no article text (rendered by scripts?); metadata only",
                        doc.id
                    ));
                }
                match format {
                    OutputFormat::Text => {
                        if written > 0 {
                            writeln!(out)?;
                        }
                        out.write_all(text_report::render(&doc, report_options).as_bytes())?;
                    }
                    OutputFormat::Json => {
                        // One document prints as an object; a second turns the output into an
                        // array, so the first is held back until we know.
                        let object = to_output(&doc, layers);
                        match first_json.take() {
                            None if written == 0 => first_json = Some(object),
                            None => {
                                out.write_all(b",\n")?;
                                serde_json::to_writer_pretty(&mut out, &object)?;
                            }
                            Some(first) => {
                                out.write_all(b"[\n")?;
                                serde_json::to_writer_pretty(&mut out, &first)?;
                                out.write_all(b",\n")?;
                                serde_json::to_writer_pretty(&mut out, &object)?;
                            }
                        }
                    }
                    OutputFormat::Jsonl => {
                        serde_json::to_writer(&mut out, &to_output(&doc, layers))?;
                        out.write_all(b"\n")?;
                    }
                }
                written += 1;
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
            }
            Outcome::Failed(failure) => report(format!("newsfacts: {failure}")),
            // `analyze` sets no skip filter: every record is analysed.
            Outcome::Skipped(_) => {}
        }
        Ok::<(), anyhow::Error>(())
    });
    let summary = match summary {
        Ok(summary) => summary,
        // A closed pipe (`newsfacts analyze … | head`) is the reader's choice, not a failure.
        Err(err) if is_broken_pipe(&err) => return Ok(ExitCode::SUCCESS),
        Err(err) => return Err(err.context("cannot write the output")),
    };
    if format == OutputFormat::Json {
        match first_json {
            Some(only) => {
                serde_json::to_writer_pretty(&mut out, &only)?;
                out.write_all(b"\n")?;
            }
            None if written == 0 => out.write_all(b"[]\n")?,
            None => out.write_all(b"\n]\n")?,
        }
    }
    match out.flush() {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        other => other.context("cannot write the output")?,
    }
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if let Some(clock) = &clock {
        eprint!("{}", stage_table(clock));
    }
    let failed = summary.failed + input_failures.len();
    if !args.quiet && (progress.is_some() || failed > 0 || inputs.len() > 1) {
        let seconds = started.elapsed().as_secs_f64().max(1e-9);
        let mut line = format!(
            "newsfacts: {} analysed, {} failed · {} words in {:.2}s ({:.0} words/s)",
            summary.analysed,
            failed,
            summary.words,
            seconds,
            summary.words as f64 / seconds
        );
        line.push_str(&summary.skipped_note());
        eprintln!("{line}");
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The `--timings` table: one line per stage, seconds summed over worker threads.
fn stage_table(clock: &StageClock) -> String {
    let mut table = format!(
        "newsfacts: pipeline time by stage over {} documents (seconds, summed over worker threads)\n",
        clock.documents()
    );
    let report = clock.report();
    for line in &report {
        table.push_str(&format!(
            "  {:<14} {:>9.3} s {:>6.1} %\n",
            line.stage.name(),
            line.seconds,
            line.share * 100.0
        ));
    }
    let total: f64 = report.iter().map(|line| line.seconds).sum();
    table.push_str(&format!("  {:<14} {:>9.3} s  100.0 %\n", "total", total));
    table
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                == Some(io::ErrorKind::BrokenPipe)
    })
}
