//! `newsfacts query`: ask a store what was said, by whom, which checks failed, who did what to
//! whom, and what the ledger holds — as readable text, JSON (`{"quotes": [...]}` with the contract's field names)
//! or CSV.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Subcommand, ValueEnum};
use newsfacts_store::query::{EventFilter, LedgerFilter, QuoteFilter};
use newsfacts_store::{ArticleRef, Reader};
use serde::Serialize;

#[derive(Subcommand)]
pub enum QueryCommand {
    /// Quotes by a speaker and/or containing words: `--speaker Kuleba`, `--text "Taurus"`.
    Quotes {
        /// Part of the speaker's name, case-insensitive.
        #[arg(long)]
        speaker: Option<String>,
        /// Words the quote must all contain (stemmed: "shell" finds "shells").
        #[arg(long)]
        text: Option<String>,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// A person's roles (and mentions) across articles: `--name Podolyak`.
    People {
        /// Part of the name, case-insensitive.
        #[arg(long)]
        name: String,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Arithmetic checks of the articles' claims.
    Checks {
        /// Only the checks that failed (verdict: inconsistent).
        #[arg(long)]
        failed: bool,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Who did what to whom: PLOVER-coded events, `--plover AID --recipient Ukraine`.
    Events {
        /// The PLOVER event type (AGREE, AID, ASSAULT, …), case-insensitive.
        #[arg(long, value_name = "TYPE")]
        plover: Option<String>,
        /// Part of the actor's name, case-insensitive.
        #[arg(long)]
        actor: Option<String>,
        /// Part of the recipient's name, case-insensitive.
        #[arg(long)]
        recipient: Option<String>,
        /// Only what the article itself states happened: no negated or hypothetical events and
        /// none a speaker claims inside a quotation.
        #[arg(long)]
        asserted: bool,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Pledges against deliveries: each article's entries, or with `--totals` each pledger →
    /// recipient → item across articles.
    Ledger {
        /// Part of the pledger's name, case-insensitive.
        #[arg(long)]
        pledger: Option<String>,
        /// Part of the recipient's name, case-insensitive.
        #[arg(long)]
        recipient: Option<String>,
        /// Part of the item's name, case-insensitive.
        #[arg(long)]
        item: Option<String>,
        /// One line per pledger → recipient → item across articles: distinct pledges added up,
        /// the largest delivered total reported, the fulfilment, the articles.
        #[arg(long)]
        totals: bool,
        #[command(flatten)]
        common: CommonArgs,
    },
}

#[derive(clap::Args)]
pub struct CommonArgs {
    /// The database to read.
    #[arg(long, value_name = "FILE", default_value = "newsfacts.db")]
    db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
    format: QueryFormat,
    /// Most results to print.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    limit: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum QueryFormat {
    /// One readable line per result.
    Text,
    /// One JSON object: `{"quotes": [...]}` (or people, checks, events, ledger).
    Json,
    /// A header row, then one row per result.
    Csv,
}

/// A table of results in all three formats: the JSON items and, for text and CSV, columns.
struct Results<T> {
    name: &'static str,
    items: Vec<T>,
    columns: &'static [&'static str],
    row: fn(&T) -> Vec<String>,
    line: fn(&T) -> String,
}

/// Exit codes: 0 when the query ran (even with no result), 2 when it could not.
pub fn run(command: QueryCommand) -> anyhow::Result<ExitCode> {
    let common = match &command {
        QueryCommand::Quotes { common, .. }
        | QueryCommand::People { common, .. }
        | QueryCommand::Checks { common, .. }
        | QueryCommand::Events { common, .. }
        | QueryCommand::Ledger { common, .. } => common,
    };
    let reader = Reader::open(&common.db)?;
    let (format, limit) = (common.format, common.limit);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match &command {
        QueryCommand::Quotes { speaker, text, .. } => {
            let filter = QuoteFilter {
                speaker: speaker.clone(),
                text: text.clone(),
                speaker_exact: None,
            };
            print(
                &mut out,
                format,
                Results {
                    name: "quotes",
                    items: reader.quotes(&filter, limit)?,
                    columns: &[
                        "published",
                        "title",
                        "article_id",
                        "url",
                        "speaker",
                        "kind",
                        "text",
                        "start",
                        "end",
                        "confidence",
                    ],
                    row: |hit| {
                        let mut row = article_columns(&hit.article);
                        row.extend([
                            hit.quote
                                .speaker
                                .as_ref()
                                .map(|s| s.name.clone())
                                .unwrap_or_default(),
                            enum_text(&hit.quote.kind),
                            hit.quote.text.clone(),
                            hit.quote
                                .spans
                                .first()
                                .map(|s| s.start.to_string())
                                .unwrap_or_default(),
                            hit.quote
                                .spans
                                .last()
                                .map(|s| s.end.to_string())
                                .unwrap_or_default(),
                            hit.quote.confidence.to_string(),
                        ]);
                        row
                    },
                    line: |hit| {
                        format!(
                            "{}  {}: “{}”  — {}",
                            hit.article.published.as_deref().unwrap_or("undated"),
                            hit.quote
                                .speaker
                                .as_ref()
                                .map_or("(unknown)", |s| s.name.as_str()),
                            hit.quote.text,
                            article_label(&hit.article)
                        )
                    },
                },
            )?
        }
        QueryCommand::People { name, .. } => print(
            &mut out,
            format,
            Results {
                name: "people",
                items: reader.people(name, limit)?,
                columns: &[
                    "published",
                    "title",
                    "article_id",
                    "url",
                    "name",
                    "kind",
                    "roles",
                    "mentions",
                ],
                row: |hit| {
                    let mut row = article_columns(&hit.article);
                    row.extend([
                        hit.entity.name.clone(),
                        enum_text(&hit.entity.kind),
                        roles_text(&hit.entity),
                        hit.entity.mentions.len().to_string(),
                    ]);
                    row
                },
                line: |hit| {
                    let roles = roles_text(&hit.entity);
                    format!(
                        "{}  {}{}  — {}",
                        hit.article.published.as_deref().unwrap_or("undated"),
                        hit.entity.name,
                        if roles.is_empty() {
                            String::new()
                        } else {
                            format!(", {roles}")
                        },
                        article_label(&hit.article)
                    )
                },
            },
        )?,
        QueryCommand::Checks { failed, .. } => print(
            &mut out,
            format,
            Results {
                name: "checks",
                items: reader.checks(*failed, limit)?,
                columns: &[
                    "published",
                    "title",
                    "article_id",
                    "url",
                    "verdict",
                    "claim",
                    "start",
                    "end",
                    "computation",
                ],
                row: |hit| {
                    let mut row = article_columns(&hit.article);
                    row.extend([
                        enum_text(&hit.check.verdict),
                        hit.check.claim.text.clone(),
                        hit.check.claim.start.to_string(),
                        hit.check.claim.end.to_string(),
                        hit.check.computation.clone(),
                    ]);
                    row
                },
                line: |hit| {
                    format!(
                        "{}  “{}”: {}  — {}",
                        enum_text(&hit.check.verdict).to_uppercase(),
                        hit.check.claim.text,
                        hit.check.computation,
                        article_label(&hit.article)
                    )
                },
            },
        )?,
        QueryCommand::Events {
            plover,
            actor,
            recipient,
            asserted,
            ..
        } => print(
            &mut out,
            format,
            Results {
                name: "events",
                items: reader.events(
                    &EventFilter {
                        plover: plover.clone(),
                        actor: actor.clone(),
                        recipient: recipient.clone(),
                        asserted: *asserted,
                    },
                    limit,
                )?,
                columns: &[
                    "published",
                    "title",
                    "article_id",
                    "url",
                    "plover",
                    "mode",
                    "actor",
                    "recipient",
                    "trigger",
                    "start",
                    "end",
                    "negated",
                    "hypothetical",
                    "claimed_in",
                ],
                row: |hit| {
                    let event = &hit.event;
                    let mut row = article_columns(&hit.article);
                    row.extend([
                        event.plover.clone(),
                        event.mode.clone().unwrap_or_default(),
                        participant_name(event.actor.as_ref()),
                        participant_name(event.recipient.as_ref()),
                        event.trigger.text.clone(),
                        event.trigger.start.to_string(),
                        event.trigger.end.to_string(),
                        event.negated.to_string(),
                        event.hypothetical.to_string(),
                        event.claimed_in.clone().unwrap_or_default(),
                    ]);
                    row
                },
                line: |hit| {
                    let event = &hit.event;
                    let mut notes = Vec::new();
                    if let Some(mode) = &event.mode {
                        notes.push(mode.clone());
                    }
                    if event.negated {
                        notes.push("negated".into());
                    }
                    if event.hypothetical {
                        notes.push("hypothetical".into());
                    }
                    if let Some(quote) = &event.claimed_in {
                        notes.push(format!("claimed in {quote}"));
                    }
                    format!(
                        "{}  {} {} → {} “{}”{}  — {}",
                        hit.article.published.as_deref().unwrap_or("undated"),
                        event.plover,
                        event.actor.as_ref().map_or("?", |a| a.name.as_str()),
                        event.recipient.as_ref().map_or("?", |r| r.name.as_str()),
                        event.trigger.text,
                        if notes.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", notes.join("; "))
                        },
                        article_label(&hit.article)
                    )
                },
            },
        )?,
        QueryCommand::Ledger {
            pledger,
            recipient,
            item,
            totals: true,
            ..
        } => {
            let filter = LedgerFilter {
                pledger: pledger.clone(),
                recipient: recipient.clone(),
                item: item.clone(),
            };
            print(
                &mut out,
                format,
                Results {
                    name: "ledger_totals",
                    items: reader.ledger_totals(&filter, limit)?,
                    columns: &[
                        "pledger",
                        "recipient",
                        "item",
                        "unit",
                        "pledged",
                        "delivered",
                        "fulfilment",
                        "articles",
                        "latest_published",
                        "latest_article_id",
                        "items",
                    ],
                    row: |total| {
                        let latest = total.latest.as_ref().map(|r| &r.article);
                        vec![
                            total.pledger.clone(),
                            total.recipient.clone().unwrap_or_default(),
                            total.item.clone(),
                            total.unit.clone().unwrap_or_default(),
                            optional_number(total.pledged),
                            optional_number(total.delivered),
                            optional_number(total.fulfilment),
                            total.articles.to_string(),
                            latest.and_then(|a| a.published.clone()).unwrap_or_default(),
                            latest.map(|a| a.id.clone()).unwrap_or_default(),
                            total.items.join("; "),
                        ]
                    },
                    line: |total| {
                        format!(
                            "{} → {}: {}{} pledged {}, delivered {}{} — {} article{} ({})",
                            total.pledger,
                            total.recipient.as_deref().unwrap_or("?"),
                            total.item,
                            total
                                .unit
                                .as_deref()
                                .map(|u| format!(" [{u}]"))
                                .unwrap_or_default(),
                            optional_number(total.pledged),
                            optional_number(total.delivered),
                            total
                                .fulfilment
                                .map(|f| format!(" ({:.1}%)", f * 100.0))
                                .unwrap_or_default(),
                            total.articles,
                            if total.articles == 1 { "" } else { "s" },
                            total.items.join(", "),
                        )
                    },
                },
            )?
        }
        QueryCommand::Ledger {
            pledger,
            recipient,
            item,
            ..
        } => print(
            &mut out,
            format,
            Results {
                name: "ledger",
                items: reader.ledger(
                    &LedgerFilter {
                        pledger: pledger.clone(),
                        recipient: recipient.clone(),
                        item: item.clone(),
                    },
                    limit,
                )?,
                columns: &[
                    "published",
                    "title",
                    "article_id",
                    "url",
                    "pledger",
                    "recipient",
                    "item",
                    "pledged",
                    "delivered",
                    "fulfilment",
                ],
                row: |hit| {
                    let mut row = article_columns(&hit.article);
                    row.extend([
                        hit.entry.pledger.name.clone(),
                        hit.entry
                            .recipient
                            .as_ref()
                            .map(|r| r.name.clone())
                            .unwrap_or_default(),
                        hit.entry.item.clone(),
                        pledged_value(&hit.entry),
                        delivered_value(&hit.entry),
                        hit.entry
                            .fulfilment
                            .map(|f| f.to_string())
                            .unwrap_or_default(),
                    ]);
                    row
                },
                line: |hit| {
                    format!(
                        "{} → {}: {} pledged {}, delivered {}{}  — {}",
                        hit.entry.pledger.name,
                        hit.entry
                            .recipient
                            .as_ref()
                            .map_or("?", |r| r.name.as_str()),
                        hit.entry.item,
                        pledged_value(&hit.entry),
                        delivered_value(&hit.entry),
                        hit.entry
                            .fulfilment
                            .map(|f| format!(" ({:.0}%)", f * 100.0))
                            .unwrap_or_default(),
                        article_label(&hit.article)
                    )
                },
            },
        )?,
    }
    match out.flush() {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        other => other.context("cannot write the output")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the results.
fn print<T: Serialize>(
    out: &mut impl Write,
    format: QueryFormat,
    results: Results<T>,
) -> anyhow::Result<()> {
    let written = match format {
        QueryFormat::Json => {
            // Serialized straight from the items: a detour through serde_json::Value would
            // widen the contract's f32 confidences into long decimals.
            let object = std::collections::BTreeMap::from([(results.name, &results.items)]);
            serde_json::to_writer_pretty(&mut *out, &object)?;
            writeln!(out)
        }
        QueryFormat::Csv => {
            let mut text = csv_row(results.columns.iter().map(|c| c.to_string()));
            for item in &results.items {
                text.push_str(&csv_row((results.row)(item).into_iter()));
            }
            out.write_all(text.as_bytes())
        }
        QueryFormat::Text => {
            let mut text = String::new();
            for item in &results.items {
                text.push_str(&(results.line)(item));
                text.push('\n');
            }
            if results.items.is_empty() {
                eprintln!("newsfacts: no {} found", results.name);
            }
            out.write_all(text.as_bytes())
        }
    };
    match written {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {}
        other => other.context("cannot write the output")?,
    }
    Ok(())
}

/// One CSV row (RFC 4180): fields with commas, quotes or line breaks are quoted.
fn csv_row(fields: impl Iterator<Item = String>) -> String {
    let fields: Vec<String> = fields
        .map(|field| {
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field
            }
        })
        .collect();
    format!("{}\r\n", fields.join(","))
}

fn article_columns(article: &ArticleRef) -> Vec<String> {
    vec![
        article.published.clone().unwrap_or_default(),
        article.title.clone().unwrap_or_default(),
        article.id.clone(),
        article.url.clone().unwrap_or_default(),
    ]
}

fn article_label(article: &ArticleRef) -> String {
    match &article.title {
        Some(title) => format!("{title} [{}]", article.id),
        None => article.id.clone(),
    }
}

fn roles_text(entity: &newsfacts_doc::Entity) -> String {
    entity
        .roles
        .iter()
        .map(|role| match &role.org {
            Some(org) => format!("{} ({org})", role.text),
            None => role.text.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn participant_name(participant: Option<&newsfacts_doc::Participant>) -> String {
    participant.map(|p| p.name.clone()).unwrap_or_default()
}

fn optional_number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn pledged_value(entry: &newsfacts_doc::LedgerEntry) -> String {
    entry
        .pledged
        .as_ref()
        .and_then(|p| p.value)
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// The delivered amounts in the pledge's unit, added up (what the fulfilment counts).
fn delivered_value(entry: &newsfacts_doc::LedgerEntry) -> String {
    let unit = entry.pledged.as_ref().map(|p| p.unit.as_ref());
    let values: Vec<f64> = entry
        .delivered
        .iter()
        .filter(|d| unit.is_none_or(|unit| d.unit.as_ref() == unit))
        .filter_map(|d| d.value)
        .collect();
    if values.is_empty() {
        String::new()
    } else {
        values.iter().sum::<f64>().to_string()
    }
}

/// The contract's name of an enum value.
fn enum_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        let row = csv_row(
            ["a", "b,c", "say \"hi\"", "x\ny"]
                .into_iter()
                .map(String::from),
        );
        assert_eq!(row, "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
    }
}
