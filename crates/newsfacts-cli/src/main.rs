//! `newsfacts`: the command-line face of the newsfacts libraries. Only argument parsing and
//! wiring live here; behaviour lives in the crates it calls. Each subcommand has its module.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod analyze;
mod eval;

#[derive(Parser)]
#[command(
    name = "newsfacts",
    version,
    about = "Reads news articles and reports checkable facts: who said what, who did what, how much, and whether it adds up."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and print their facts.
    ///
    /// FILE is a .txt, .html, .jsonl, .warc or .warc.gz file (gzip-compressed or not), a
    /// directory (searched recursively), a glob pattern, or - for standard input.
    Analyze(analyze::AnalyzeArgs),
    /// Measure newsfacts on a benchmark's data and print the benchmark's own scores.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Eval(command) => eval::run(command),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("newsfacts: {err:#}");
            ExitCode::from(2)
        }
    }
}
