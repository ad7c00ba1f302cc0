//! `newsfacts`: the command-line face of the newsfacts libraries. Only argument parsing and
//! wiring live here; behaviour lives in the crates it calls. Each subcommand has its module.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod analyze;
mod batch_args;
mod eval;
mod ingest;
mod query;
mod serve;
mod train;

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
    /// Analyse articles and store them, with every fact, in a SQLite database.
    ///
    /// Running it again skips what is stored (same URL or same text), so an interrupted
    /// ingest is finished by running the same command again.
    Ingest(ingest::IngestArgs),
    /// Ask a database what was said and by whom, which checks failed, what the ledger holds.
    #[command(subcommand)]
    Query(query::QueryCommand),
    /// Serve a database as web pages and a JSON API (read-only, loopback by default).
    Serve(serve::ServeArgs),
    /// Train a statistical model newsfacts ships (the quotation attribution model).
    #[command(subcommand)]
    Train(train::TrainCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Eval(command) => eval::run(command),
        Command::Ingest(args) => ingest::run(args),
        Command::Query(command) => query::run(command),
        Command::Serve(args) => serve::run(args),
        Command::Train(command) => train::run(command),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("newsfacts: {err:#}");
            ExitCode::from(2)
        }
    }
}
