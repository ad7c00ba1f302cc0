//! Scores page metadata (title, authors, publication date) on the fundus news pages: newsfacts'
//! own extraction, or another tool's predictions with the same scorer, and times newsfacts'
//! metadata extraction (parse + extraction, pages read and gunzipped before the clock starts).
//!
//! ```text
//! cargo run --release -p newsfacts-eval --example fundus_metadata -- \
//!     [--data DIR] [--predictions FILE.jsonl --name NAME] [--dump FILE.json]
//! ```
//! Each result is one line starting with `RESULT` (name, subset, pages, title, authors strict,
//! authors lenient, date, language agreement) for scripts to read.

use std::path::PathBuf;
use std::time::Instant;

use newsfacts_eval::metadata::{
    FieldCounts, MetadataReport, load_fundus, read_page_html, score_fundus,
    score_fundus_predictions,
};

fn print_result(name: &str, report: &MetadataReport) {
    let line = |subset: &str, c: &FieldCounts| {
        println!(
            "RESULT {name} {subset} pages={} title={:.3} authors={:.3} authors_lenient={:.3} date={:.3} language={:.3}",
            c.pages,
            c.title_accuracy(),
            c.authors_strict_accuracy(),
            c.authors_lenient_accuracy(),
            c.date_accuracy(),
            c.language_accuracy()
        );
    };
    line("english", &report.english);
    line("all", &report.all);
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut data: Option<PathBuf> = None;
    let mut predictions: Option<PathBuf> = None;
    let mut name = String::from("other");
    let mut dump: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--data" => data = Some(PathBuf::from(value()?)),
            "--predictions" => predictions = Some(PathBuf::from(value()?)),
            "--name" => name = value()?,
            "--dump" => dump = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let data = match data {
        Some(dir) => dir,
        None => newsfacts_testdata::shared("eval/extraction/fundus-news")
            .ok_or("fundus-news data not found; pass --data")?,
    };

    let report = match &predictions {
        Some(path) => score_fundus_predictions(&data, path)?,
        None => {
            let pages = load_fundus(&data)?;
            let mut htmls = Vec::with_capacity(pages.len());
            for page in &pages {
                htmls.push((read_page_html(&data, &page.page)?, page.url.clone()));
            }
            let started = Instant::now();
            for (html, url) in &htmls {
                std::hint::black_box(newsfacts_ingest::html::meta::extract_metadata_from_html(
                    html,
                    url.as_deref(),
                ));
            }
            let seconds = started.elapsed().as_secs_f64();
            println!(
                "TIMING newsfacts metadata: {} pages in {seconds:.2} s ({:.0} pages/s, parse included)",
                pages.len(),
                pages.len() as f64 / seconds
            );
            name = String::from("newsfacts");
            score_fundus(&data)?
        }
    };
    print_result(&name, &report);
    if let Some(path) = dump {
        std::fs::write(path, serde_json::to_string_pretty(&report)?)?;
    }
    Ok(())
}
