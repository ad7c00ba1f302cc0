//! Runs main-text extraction over the article-extraction-benchmark pages on the current thread
//! and prints speed and the benchmark's precision, recall and F1 for newsfacts and for plain
//! dom_smoothie (the peer it builds on). Pages are read and gunzipped before the clock starts:
//! the timed part is parse + extraction + metadata, measured as this thread's CPU time (so that
//! other work on a shared machine does not count) and also shown as wall time.
//!
//! ```text
//! cargo run --release -p newsfacts-eval --example aeb_extraction -- \
//!     [--data DIR] [--rounds N] [--only newsfacts|dom_smoothie] [--dump DIR] \
//!     [--score-json FILE --score-name NAME] [--show ID-PREFIX] [--file PAGE.html]
//! ```
//! `--show` prints what newsfacts keeps (`|`) and sets aside (`x`) on benchmark pages, `--file`
//! the same for any HTML file.
//! `--score-json` scores another tool's predictions (`{id: {"articleBody": ...}}`) with the same
//! scorer. Each result is one line starting with `RESULT` (name, pages, seconds, pages/s, P, R,
//! F1, accuracy) for scripts to read.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use newsfacts_eval::extraction::{AebPage, load_aeb, newsfacts_body, score_predictions};

fn dom_smoothie_body(html: &str, url: Option<&str>) -> String {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    let url = url.filter(|u| u.starts_with("http"));
    match dom_smoothie::Readability::new(html, url, Some(config)) {
        Ok(mut readability) => readability
            .parse()
            .map(|article| article.text_content.to_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// CPU time this thread has used, in seconds: what one core spends, whatever else the machine
/// is doing (wall time on a shared machine counts the other jobs too).
fn thread_cpu_seconds() -> f64 {
    let mut spec = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes into the timespec we own.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut spec) };
    if status != 0 {
        return 0.0;
    }
    spec.tv_sec as f64 + spec.tv_nsec as f64 / 1e9
}

fn run(
    name: &str,
    pages: &[AebPage],
    rounds: usize,
    dump: Option<&PathBuf>,
    extract: impl Fn(&str, Option<&str>) -> String,
) {
    let mut predictions = Vec::new();
    let started = Instant::now();
    let cpu_started = thread_cpu_seconds();
    for round in 0..rounds.max(1) {
        let outputs: Vec<String> = pages
            .iter()
            .map(|page| extract(&page.html, page.url.as_deref()))
            .collect();
        if round == 0 {
            predictions = outputs;
        }
    }
    let wall = started.elapsed().as_secs_f64() / rounds.max(1) as f64;
    let seconds = (thread_cpu_seconds() - cpu_started) / rounds.max(1) as f64;
    eprintln!("{name}: wall {wall:.3} s a round, thread CPU {seconds:.3} s a round");
    report(name, pages, &predictions, Some(seconds), dump);
}

fn report(
    name: &str,
    pages: &[AebPage],
    predictions: &[String],
    seconds: Option<f64>,
    dump: Option<&PathBuf>,
) {
    let (score, counts) = score_predictions(pages, predictions);
    let seconds_text = seconds.map_or("-".to_string(), |s| format!("{s:.3}"));
    let speed_text = seconds.map_or("-".to_string(), |s| {
        format!("{:.1}", pages.len() as f64 / s)
    });
    println!(
        "RESULT {name} pages={} seconds={seconds_text} pages_per_s={speed_text} precision={:.4} recall={:.4} f1={:.4} accuracy={:.4}",
        score.pages, score.precision, score.recall, score.f1, score.accuracy
    );
    if let Some(dir) = dump {
        let dir = dir.join(name);
        if let Err(error) = std::fs::create_dir_all(&dir) {
            eprintln!("cannot create {}: {error}", dir.display());
            return;
        }
        let mut table = String::from("id\tprecision\trecall\n");
        for ((page, predicted), count) in pages.iter().zip(predictions).zip(&counts) {
            table.push_str(&format!(
                "{}\t{:.4}\t{:.4}\n",
                page.id,
                count.precision().unwrap_or(f64::NAN),
                count.recall().unwrap_or(f64::NAN)
            ));
            let _ = std::fs::write(dir.join(format!("{}.txt", page.id)), predicted);
        }
        let _ = std::fs::write(dir.join("scores.tsv"), table);
    }
}

fn main() {
    let mut data: Option<PathBuf> = None;
    let mut rounds = 1usize;
    let mut only: Option<String> = None;
    let mut dump: Option<PathBuf> = None;
    let mut score_json: Option<PathBuf> = None;
    let mut score_name = "peer".to_string();
    let mut score_seconds: Option<f64> = None;
    let mut show: Option<String> = None;
    let mut file: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => data = args.next().map(PathBuf::from),
            "--rounds" => rounds = args.next().and_then(|v| v.parse().ok()).unwrap_or(1),
            "--only" => only = args.next(),
            "--dump" => dump = args.next().map(PathBuf::from),
            "--score-json" => score_json = args.next().map(PathBuf::from),
            "--score-name" => score_name = args.next().unwrap_or(score_name),
            "--show" => show = args.next(),
            "--file" => file = args.next().map(PathBuf::from),
            "--score-seconds" => score_seconds = args.next().and_then(|v| v.parse().ok()),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    if let Some(path) = file {
        // Shows what newsfacts keeps and sets aside on one HTML file of the user's.
        let bytes = std::fs::read(&path).unwrap_or_default();
        let html = newsfacts_ingest::encoding::decode(&bytes, None);
        let started = Instant::now();
        let article = newsfacts_ingest::html::article_from_html(&html, None);
        eprintln!(
            "{}: {:.3} s",
            path.display(),
            started.elapsed().as_secs_f64()
        );
        for paragraph in &article.paragraphs {
            println!("  | {paragraph}");
        }
        for item in &article.boilerplate {
            println!("  x {:?}: {}", item.reason, item.text);
        }
        return;
    }
    let Some(data) = data.or_else(|| newsfacts_testdata::shared("eval/extraction/scrapinghub-aeb"))
    else {
        std::process::exit(0);
    };
    let pages = match load_aeb(&data) {
        Ok(pages) => pages,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    };
    if let Some(prefix) = show {
        // Shows what newsfacts keeps and sets aside on the pages whose id starts with `prefix`.
        for page in pages.iter().filter(|p| p.id.starts_with(&prefix)) {
            let article =
                newsfacts_ingest::html::article_from_html(&page.html, page.url.as_deref());
            println!("== {} {}", page.id, page.url.as_deref().unwrap_or(""));
            for paragraph in &article.paragraphs {
                println!("  | {paragraph}");
            }
            for item in &article.boilerplate {
                println!("  x {:?}: {}", item.reason, item.text);
            }
        }
        return;
    }
    if let Some(path) = score_json {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let parsed: HashMap<String, serde_json::Value> =
            serde_json::from_str(&text).unwrap_or_default();
        let predictions: Vec<String> = pages
            .iter()
            .map(|page| {
                parsed
                    .get(&page.id)
                    .and_then(|v| v.get("articleBody"))
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        report(
            &score_name,
            &pages,
            &predictions,
            score_seconds,
            dump.as_ref(),
        );
        return;
    }
    if only.as_deref().is_none_or(|o| o == "newsfacts") {
        run("newsfacts", &pages, rounds, dump.as_ref(), newsfacts_body);
    }
    if only.as_deref().is_none_or(|o| o == "dom_smoothie") {
        run(
            "dom_smoothie",
            &pages,
            rounds,
            dump.as_ref(),
            dom_smoothie_body,
        );
    }
}
