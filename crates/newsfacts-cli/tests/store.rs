//! End-to-end tests of `newsfacts ingest`, `query` and `serve`: the binary as a newsroom runs it,
//! through the real pipeline for ingest, and on hand-made fact layers for queries and pages
//! (the pipeline's own fact layers are still being built).

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{http_get, newsfacts, path_str, serve, stderr, store_with};
use newsfacts_store::example::invented_document;
use newsfacts_store::{Reader, TableCounts};
use serde_json::Value;

/// Invented articles as JSON Lines: two distinct stories, the first again under another id,
/// and one broken line.
const INVENTED_JSONL: &str = concat!(
    r#"{"id": "port-1", "title": "Ferry vote", "text": "The council of Port Alder voted for six electric ferries. Officials said the first two arrive in March."}"#,
    "\n",
    r#"{"id": "port-2", "text": "A storm closed the harbour for two days. Fishing crews stayed ashore."}"#,
    "\n",
    "{broken\n",
    r#"{"id": "port-1-again", "title": "Ferry vote", "text": "The council of Port Alder voted for six electric ferries. Officials said the first two arrive in March."}"#,
    "\n",
);

fn counts(db: &std::path::Path) -> TableCounts {
    Reader::open(db)
        .expect("the store opens")
        .counts()
        .expect("counts")
}

#[test]
fn ingest_stores_each_article_once_and_a_rerun_adds_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("news.jsonl");
    std::fs::write(&input, INVENTED_JSONL).expect("fixture");
    let db = dir.path().join("news.db");

    let first = newsfacts(&["ingest", path_str(&input), "--db", path_str(&db)]);
    // The broken line is reported and the rest is stored: exit 1, not 2.
    assert_eq!(first.status.code(), Some(1), "stderr: {}", stderr(&first));
    assert!(
        stderr(&first).contains("news.jsonl line 3"),
        "{}",
        stderr(&first)
    );
    assert!(
        stderr(&first).contains("2 stored, 1 already stored"),
        "{}",
        stderr(&first)
    );
    let after_first = counts(&db);
    assert_eq!(after_first.articles, 2);

    // Stored articles are recognised before analysis: the re-run analyses nothing.
    let again = newsfacts(&["ingest", path_str(&input), "--db", path_str(&db)]);
    assert!(
        stderr(&again).contains("0 analysed, 0 stored, 3 already stored"),
        "{}",
        stderr(&again)
    );
    assert_eq!(counts(&db), after_first);

    // The stored document is the contract's, with every layer, and its text is searchable.
    let reader = Reader::open(&db).expect("open");
    let hits = reader.search_articles("ferries", 10).expect("search");
    assert_eq!(hits.len(), 1);
    let (_, doc) = reader
        .article(hits[0].article.store_id)
        .expect("query")
        .expect("stored");
    assert_eq!(doc.schema, "newsfacts/1");
    assert_eq!(doc.id, "port-1");
    assert!(
        !doc.sentences.is_empty(),
        "the pipeline's sentences are stored"
    );
}

#[test]
fn a_missing_database_is_an_error_for_query_and_serve_and_is_not_created() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("absent.db");
    let query = newsfacts(&["query", "ledger", "--db", path_str(&db)]);
    assert_eq!(query.status.code(), Some(2));
    assert!(
        stderr(&query).contains("newsfacts ingest"),
        "{}",
        stderr(&query)
    );
    let served = newsfacts(&["serve", "--db", path_str(&db), "--addr", "127.0.0.1:0"]);
    assert_eq!(served.status.code(), Some(2));
    assert!(!db.exists());
}

#[test]
fn query_prints_text_json_and_csv_with_the_contract_field_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = store_with(
        dir.path(),
        "facts.db",
        &[invented_document("ferries.txt", None)],
    );
    let db = path_str(&db);

    let json = newsfacts(&[
        "query",
        "quotes",
        "--speaker",
        "ruiz",
        "--db",
        db,
        "--format",
        "json",
    ]);
    assert!(json.status.success(), "{}", stderr(&json));
    let value: Value = serde_json::from_slice(&json.stdout).expect("JSON output");
    let quotes = value["quotes"].as_array().expect("a quotes list");
    assert_eq!(quotes.len(), 2);
    for field in [
        "id",
        "kind",
        "text",
        "spans",
        "cue",
        "speaker",
        "confidence",
        "article",
    ] {
        assert!(quotes[0].get(field).is_some(), "missing {field}");
    }
    assert_eq!(quotes[0]["speaker"]["name"], "Ana Ruiz");

    let by_words = newsfacts(&["query", "quotes", "--text", "budget", "--db", db]);
    let text = String::from_utf8_lossy(&by_words.stdout);
    assert!(
        text.contains("Jon Pike: “half of the €30m budget”"),
        "{text}"
    );

    let csv = newsfacts(&["query", "checks", "--failed", "--db", db, "--format", "csv"]);
    let csv = String::from_utf8_lossy(&csv.stdout);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("published,title,article_id,url,verdict,claim,start,end,computation")
    );
    assert!(
        lines.next().is_some_and(|row| row.contains("inconsistent")),
        "{csv}"
    );

    for (args, name) in [
        (vec!["people", "--name", "pike"], "people"),
        (vec!["ledger"], "ledger"),
        (vec!["checks"], "checks"),
        (vec!["events", "--plover", "agree", "--asserted"], "events"),
    ] {
        let mut full = vec!["query"];
        full.extend(args);
        full.extend(["--db", db, "--format", "json"]);
        let output = newsfacts(&full);
        assert!(output.status.success(), "{}", stderr(&output));
        let value: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
        assert_eq!(value[name].as_array().map(Vec::len), Some(1), "{name}");
    }
    let events = newsfacts(&["query", "events", "--actor", "ruiz", "--db", db]);
    assert!(
        String::from_utf8_lossy(&events.stdout)
            .starts_with("2026-03-01  AGREE Ana Ruiz → ? “pledged”  — Harbour board buys ferries"),
        "{}",
        String::from_utf8_lossy(&events.stdout)
    );
    let none = newsfacts(&["query", "events", "--plover", "ASSAULT", "--db", db]);
    assert!(none.status.success(), "{}", stderr(&none));
    assert!(
        stderr(&none).contains("no events found"),
        "{}",
        stderr(&none)
    );
    let people = newsfacts(&["query", "people", "--name", "pike", "--db", db]);
    assert!(String::from_utf8_lossy(&people.stdout).contains("Jon Pike, Critic"));
}

#[test]
fn serve_answers_the_api_and_pages_on_loopback() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = store_with(
        dir.path(),
        "facts.db",
        &[invented_document("ferries.txt", None)],
    );
    let (_server, base) = serve(&db);
    assert!(base.starts_with("http://127.0.0.1:"));
    let (status, body) = http_get(&format!("{base}/api/quotes?speaker=Pike"));
    assert_eq!(status, 200);
    let value: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(value["quotes"][0]["speaker"]["name"], "Jon Pike");
    let (status, page) = http_get(&format!("{base}/article/1"));
    assert_eq!(status, 200);
    assert!(page.contains("data-quote=\"q2\""));
    let (status, _) = http_get(&format!("{base}/api/openapi.json"));
    assert_eq!(status, 200);
    // The server cannot have written: the store is byte-for-byte what the writer left.
    let (status, _) = http_get(&format!("{base}/article/1'%20OR%201=1"));
    assert_eq!(status, 404);
}

/// Polls the store until it holds at least `at_least` articles, for up to `limit`; returns the
/// count last seen.
fn wait_for_articles(db: &std::path::Path, at_least: i64, limit: Duration) -> i64 {
    let mut seen = 0;
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        // The writer may not have created the schema yet: retry until it has.
        if let Ok(reader) = Reader::open(db)
            && let Ok(counts) = reader.counts()
        {
            seen = counts.articles;
            if seen >= at_least {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    seen
}

#[test]
fn an_ingest_killed_midway_and_run_again_stores_exactly_what_an_uninterrupted_one_does() {
    let Some(bbc) = newsfacts_testdata::shared("corpora/bbc-news/bbc-news.jsonl") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let whole = dir.path().join("whole.db");
    let killed = dir.path().join("killed.db");

    let uninterrupted = newsfacts(&["ingest", path_str(&bbc), "--db", path_str(&whole), "-q"]);
    assert!(uninterrupted.status.success(), "{}", stderr(&uninterrupted));
    let expected = counts(&whole);
    assert!(expected.articles > 2000, "{expected:?}");

    // Small transactions, so the kill lands between and inside many of them.
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(["ingest", path_str(&bbc), "--db", path_str(&killed), "-q"])
        .args(["--batch-size", "16"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("ingest starts");
    // Kill it about halfway, with several transactions behind it and more in flight.
    let seen = wait_for_articles(&killed, expected.articles / 2, Duration::from_secs(300));
    child.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
    let status = child.wait().expect("reaped");
    assert!(!status.success(), "the ingest was killed, not finished");
    assert!(seen > 0, "the ingest stored nothing before the deadline");
    let at_kill = counts(&killed);
    assert!(
        at_kill.articles < expected.articles,
        "killed midway: {} of {} stored",
        at_kill.articles,
        expected.articles
    );

    let rerun = newsfacts(&["ingest", path_str(&bbc), "--db", path_str(&killed), "-q"]);
    assert!(rerun.status.success(), "{}", stderr(&rerun));
    let resumed = counts(&killed);
    eprintln!(
        "killed with {} articles stored; after the re-run {resumed:?}; uninterrupted {expected:?}",
        at_kill.articles
    );
    assert_eq!(resumed, expected);
}

/// Two invented articles about one pledge: the pledge with a first delivery, then a later
/// running total without the pledge.
const LEDGER_JSONL: &str = concat!(
    r#"{"id": "shells-feb", "title": "Norway pledges shells", "published": "2024-02-10", "text": "Norway pledged 40,000 shells to Ukraine in February. Norway has so far delivered 12,000 shells to Ukraine."}"#,
    "\n",
    r#"{"id": "shells-may", "title": "More shells arrive", "published": "2024-05-03", "text": "Norway has now delivered 30,000 artillery shells to Ukraine, officials said on Friday."}"#,
    "\n",
);

#[test]
fn ingested_articles_make_one_ledger_line_across_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("tanks.jsonl");
    std::fs::write(&input, LEDGER_JSONL).expect("fixture");
    let db = dir.path().join("tanks.db");
    let ingest = newsfacts(&["ingest", path_str(&input), "--db", path_str(&db), "-q"]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let output = newsfacts(&[
        "query",
        "ledger",
        "--totals",
        "--db",
        path_str(&db),
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let value: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let totals = value["ledger_totals"].as_array().expect("a totals list");
    let shells = totals
        .iter()
        .find(|t| t["item_key"] == "shell")
        .unwrap_or_else(|| panic!("no shells line: {value:#}"));
    assert_eq!(shells["pledger"], "Norway", "{shells:#}");
    assert_eq!(shells["recipient"], "Ukraine", "{shells:#}");
    assert_eq!(shells["pledged"], 40_000.0, "{shells:#}");
    assert_eq!(shells["delivered"], 30_000.0, "{shells:#}");
    assert_eq!(shells["fulfilment"], 0.75, "{shells:#}");
    assert_eq!(shells["articles"], 2, "{shells:#}");
    assert_eq!(
        shells["items"],
        serde_json::json!(["shells", "artillery shells"])
    );
    assert_eq!(
        shells["latest"]["article"]["id"], "shells-may",
        "{shells:#}"
    );
    assert_eq!(
        shells["reports"][0]["pledged_when"], "February",
        "{shells:#}"
    );
}

#[test]
fn query_ledger_totals_and_filters_in_every_format() {
    use newsfacts_store::example::{InventedReport, invented_ledger_document};
    let dir = tempfile::tempdir().expect("temp dir");
    let report = |id, published, pledger, pledged, delivered| {
        invented_ledger_document(&InventedReport {
            id,
            published: Some(published),
            pledger,
            recipient: "Ukraine",
            pledged,
            delivered,
            unit: None,
        })
    };
    let db = store_with(
        dir.path(),
        "ledger.db",
        &[
            report(
                "march.txt",
                "2024-03-20",
                "EU states",
                Some((1_000_000.0, "artillery shells")),
                &[(224_000.0, "ammunition rounds"), (2_300.0, "missiles")],
            ),
            report(
                "june.txt",
                "2024-06-02",
                "EU states",
                Some((1_000_000.0, "shells")),
                &[(300_000.0, "shells")],
            ),
            report(
                "tanks.txt",
                "2024-04-01",
                "Germany",
                Some((40.0, "tanks")),
                &[(12.0, "tanks")],
            ),
        ],
    );
    let db = path_str(&db);
    let text = newsfacts(&["query", "ledger", "--totals", "--db", db]);
    assert!(text.status.success(), "{}", stderr(&text));
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains(
            "EU states → Ukraine: shells pledged 1000000, delivered 300000 (30.0%) — 2 articles"
        ),
        "{text}"
    );
    let csv = newsfacts(&["query", "ledger", "--totals", "--db", db, "--format", "csv"]);
    let csv = String::from_utf8_lossy(&csv.stdout);
    assert_eq!(
        csv.lines().next(),
        Some(
            "pledger,recipient,item,unit,pledged,delivered,fulfilment,articles,\
             latest_published,latest_article_id,items"
        )
    );
    assert_eq!(csv.lines().count(), 3, "{csv}");
    let json = newsfacts(&[
        "query",
        "ledger",
        "--pledger",
        "germ",
        "--db",
        db,
        "--format",
        "json",
    ]);
    let value: Value = serde_json::from_slice(&json.stdout).expect("JSON output");
    let entries = value["ledger"].as_array().expect("entries");
    assert_eq!(entries.len(), 1, "{value:#}");
    assert_eq!(entries[0]["item"], "tanks");
    assert_eq!(entries[0]["entry_index"], 0);
}
