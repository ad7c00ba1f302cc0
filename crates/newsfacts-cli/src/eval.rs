//! `newsfacts eval …`: run a benchmark's data through newsfacts and print its scores.

use std::process::ExitCode;

use clap::Subcommand;

#[derive(Subcommand)]
pub enum EvalCommand {}

pub fn run(command: EvalCommand) -> anyhow::Result<ExitCode> {
    match command {}
}
