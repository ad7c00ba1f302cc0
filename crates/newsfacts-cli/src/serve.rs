//! `newsfacts serve`: the web pages and JSON API over a store, on loopback unless told
//! otherwise, with the database opened read-only.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use newsfacts_server::{Limits, ServerConfig};

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The database to serve (opened read-only; create it with `newsfacts ingest`).
    #[arg(long, value_name = "FILE", default_value = "newsfacts.db")]
    db: PathBuf,

    /// Address to listen on. The default is reachable from this machine only; anything else
    /// lets whoever can reach it read the whole store.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let config = ServerConfig {
        db: args.db,
        addr: args.addr,
        limits: Limits::default(),
    };
    let db = config.db.display().to_string();
    newsfacts_server::run(config, |bound| {
        if !bound.ip().is_loopback() {
            eprintln!(
                "newsfacts: warning: listening on {bound}, which other machines may reach; \
                 everything in {db} is readable there"
            );
        }
        eprintln!("newsfacts: serving {db} on http://{bound}/ (Ctrl-C stops)");
    })?;
    Ok(ExitCode::SUCCESS)
}
