//! End-to-end tests of `newsfacts analyze`: the binary as a user runs it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn newsfacts(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(args)
        .output()
        .expect("the newsfacts binary runs")
}

fn newsfacts_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the newsfacts binary starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin)
        .expect("stdin accepts the input");
    child.wait_with_output().expect("the newsfacts binary runs")
}

fn jsonl_documents(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("every output line is a JSON document"))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn example_article() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbour-ferries.txt")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("fixture is written");
    path.to_string_lossy().into_owned()
}

const LAYERS: [&str; 10] = [
    "boilerplate",
    "sentences",
    "tokens",
    "entities",
    "quotes",
    "quantities",
    "checks",
    "events",
    "ledger",
    "paragraphs",
];

#[test]
fn the_bundled_example_gives_every_layer_of_the_contract() {
    let example = example_article();
    let output = newsfacts(&[
        "analyze",
        "--format",
        "json",
        example.to_str().expect("utf-8 path"),
    ]);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let doc: Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(doc["schema"], "newsfacts/1");
    assert_eq!(doc["id"], "harbour-ferries.txt");
    for layer in LAYERS {
        assert!(doc[layer].is_array(), "layer {layer} is missing");
    }
    let dropped: Vec<&str> = doc["boilerplate"]
        .as_array()
        .expect("array")
        .iter()
        .map(|b| b["text"].as_str().expect("text"))
        .collect();
    assert_eq!(
        dropped,
        [
            "Storm warnings issued for the northern coast this weekend",
            "Five restaurants worth the ferry ride in 2025"
        ]
    );
    // Sentence offsets are characters into `text`.
    let text: Vec<char> = doc["text"].as_str().expect("text").chars().collect();
    let first = &doc["sentences"][0];
    let start = first["start"].as_u64().expect("start") as usize;
    let end = first["end"].as_u64().expect("end") as usize;
    let sentence: String = text[start..end].iter().collect();
    assert!(sentence.starts_with("The regional council of Port Alder voted"));
    assert!(sentence.ends_with("transport link."));
}

#[test]
fn the_text_report_is_readable() {
    let example = example_article();
    let output = newsfacts(&[
        "analyze",
        "--format",
        "text",
        example.to_str().expect("utf-8 path"),
    ]);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("¶1"));
    assert!(report.contains("Dropped as boilerplate (2)"));
    assert!(report.contains("[related_headline] Storm warnings issued"));
}

#[test]
fn timings_report_every_stage_on_stderr_and_leave_stdout_alone() {
    let example = example_article();
    let path = example.to_str().expect("utf-8 path");
    let timed = newsfacts(&["analyze", "--timings", "--format", "jsonl", path]);
    assert!(timed.status.success(), "stderr: {}", stderr(&timed));
    let table = stderr(&timed);
    assert!(table.contains("over 1 documents"), "{table}");
    for stage in [
        "english model",
        "entities",
        "quantities",
        "checks",
        "quotes",
        "total",
    ] {
        assert!(
            table
                .lines()
                .any(|line| line.trim_start().starts_with(stage)),
            "no {stage} line in {table}"
        );
    }
    let untimed = newsfacts(&["analyze", "--format", "jsonl", path]);
    assert_eq!(jsonl_documents(&timed), jsonl_documents(&untimed));
}

#[test]
fn seed_article_drops_exactly_the_four_related_headlines() {
    let Some(seed) = newsfacts_testdata::shared("seed/shells-coalition.txt") else {
        return;
    };
    let Some(gold) = newsfacts_testdata::shared("seed/gold.json") else {
        return;
    };
    let gold: Value =
        serde_json::from_slice(&std::fs::read(gold).expect("gold.json reads")).expect("JSON");
    let expected: Vec<&str> = gold["boilerplate"]["required"]
        .as_array()
        .expect("required boilerplate")
        .iter()
        .map(|v| v.as_str().expect("string"))
        .collect();
    let output = newsfacts(&["analyze", "--format", "jsonl", seed.to_str().expect("path")]);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let docs = jsonl_documents(&output);
    assert_eq!(docs.len(), 1);
    let dropped: Vec<&str> = docs[0]["boilerplate"]
        .as_array()
        .expect("array")
        .iter()
        .map(|b| b["text"].as_str().expect("text"))
        .collect();
    assert_eq!(dropped, expected);
    assert!(
        docs[0]["boilerplate"]
            .as_array()
            .expect("array")
            .iter()
            .all(|b| b["reason"] == "related_headline")
    );
    // Every other line of the article is kept, verbatim and in order.
    let source = std::fs::read_to_string(&seed).expect("seed reads");
    let kept: Vec<&str> = source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !expected.contains(line))
        .collect();
    assert_eq!(docs[0]["text"].as_str().expect("text"), kept.join("\n"));
}

#[test]
fn standard_input_is_read_when_no_file_is_given() {
    let output = newsfacts_with_stdin(
        &["analyze", "--format", "jsonl"],
        b"{\"id\": \"a\", \"text\": \"First story.\"}\n{\"id\": \"b\", \"text\": \"Second story.\"}\n",
    );
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let ids: Vec<String> = jsonl_documents(&output)
        .iter()
        .map(|d| d["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(ids, ["a", "b"]);
}

/// Every kind of bad input gets a message naming it; the good inputs around it still come out,
/// and the exit code says that something failed.
#[test]
fn bad_inputs_are_reported_and_the_batch_completes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    let good_first = write(dir, "good-first.txt", b"The first good story ends here.");
    let empty = write(dir, "empty.txt", b"");
    let binary = write(
        dir,
        "binary.txt",
        &[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 9, 3],
    );
    let mut gz = Vec::new();
    {
        let mut encoder = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::default());
        encoder
            .write_all("A story that will be cut short. ".repeat(2000).as_bytes())
            .expect("gzip");
        encoder.finish().expect("gzip finishes");
    }
    let truncated_gz = write(dir, "truncated.txt.gz", &gz[..gz.len() / 2]);
    let huge_line = write(dir, "huge.txt", &vec![b'a'; 50 * 1024 * 1024]);
    let malformed = write(
        dir,
        "records.jsonl",
        b"{\"id\": \"ok-1\", \"text\": \"Fine record.\"}\n{\"id\": \"bad\", \"text\": \n{\"id\": \"ok-2\", \"text\": \"Also fine.\"}\n",
    );
    let invalid_utf8 = write(
        dir,
        "latin1.txt",
        b"Caf\xe9 owners in Z\xfcrich said prices rose. \xff\xfe broken bytes.",
    );
    let missing = dir.join("missing.txt").to_string_lossy().into_owned();
    let good_last = write(dir, "good-last.txt", b"The last good story ends here.");

    let output = newsfacts(&[
        "analyze",
        "--format",
        "jsonl",
        &good_first,
        &empty,
        &binary,
        &truncated_gz,
        &huge_line,
        &malformed,
        &invalid_utf8,
        &missing,
        &good_last,
    ]);
    assert_eq!(output.status.code(), Some(1), "stderr: {}", stderr(&output));
    let ids: Vec<String> = jsonl_documents(&output)
        .iter()
        .map(|d| d["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "good-first.txt",
            "ok-1",
            "ok-2",
            "latin1.txt",
            "good-last.txt"
        ]
    );
    let messages = stderr(&output);
    for (input, problem) in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("truncated.txt.gz", "gzip"),
        ("huge.txt", "limit"),
        ("records.jsonl line 2", "invalid JSON"),
        ("missing.txt", "cannot read"),
    ] {
        assert!(
            messages
                .lines()
                .any(|line| line.contains(input) && line.contains(problem)),
            "no message naming {input} with {problem:?} in:\n{messages}"
        );
    }
    assert!(!messages.contains("panicked"), "{messages}");
}

#[test]
fn an_oversized_json_lines_record_is_skipped_with_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut big = b"{\"id\": \"big\", \"text\": \"".to_vec();
    big.extend(std::iter::repeat_n(b'x', 50 * 1024 * 1024));
    big.extend(b"\"}\n{\"id\": \"after\", \"text\": \"Still read.\"}\n");
    let path = write(dir.path(), "big.jsonl", &big);
    let output = newsfacts(&["analyze", "--format", "jsonl", &path]);
    assert_eq!(output.status.code(), Some(1));
    let docs = jsonl_documents(&output);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "after");
    assert!(stderr(&output).contains("big.jsonl line 1"));
}

#[test]
fn unknown_options_are_usage_errors() {
    let output = newsfacts(&["analyze", "--format", "yaml", "x.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("yaml"));
}

/// The entities' actor codes from the Phoenix dictionaries PETRARCH ships, on the seed (a 2023
/// article without a publication date: the codes of the open ranges apply).
#[test]
fn actor_dictionaries_code_the_seed_entities() {
    let Some(seed) = newsfacts_testdata::shared("seed/shells-coalition.txt") else {
        return;
    };
    let Some(dir) = newsfacts_testdata::shared("eval/events/petrarch2") else {
        return;
    };
    let files = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ];
    let mut args = vec!["analyze".to_string(), "--format".into(), "jsonl".into()];
    for file in files {
        args.push("--actors".into());
        args.push(dir.join(file).to_string_lossy().into_owned());
    }
    args.push(seed.to_string_lossy().into_owned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = newsfacts(&args);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    // The dictionaries hold a few malformed dates: said once per file, not fatal.
    assert!(
        stderr(&output).contains("Phoenix.Countries.actors.txt: 7 code restriction(s) left out"),
        "{}",
        stderr(&output)
    );
    let docs = jsonl_documents(&output);
    let code_of = |name: &str| -> Option<String> {
        docs[0]["entities"]
            .as_array()?
            .iter()
            .find(|e| e["name"] == name)?["actor"]["code"]
            .as_str()
            .map(str::to_string)
    };
    assert_eq!(code_of("Vladimir Putin").as_deref(), Some("RUSGOV"));
    assert_eq!(code_of("Russia").as_deref(), Some("RUS"));
    assert_eq!(code_of("Ukraine").as_deref(), Some("UKR"));
    assert_eq!(code_of("Germany").as_deref(), Some("DEU"));
    assert_eq!(code_of("US state department").as_deref(), Some("USAGOV"));
    // Not in these 2014 dictionaries.
    assert_eq!(code_of("Dmytro Kuleba"), None);
}

#[test]
fn an_actor_dictionary_without_entries_stops_the_run_with_its_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = write(dir.path(), "empty.actors.txt", b"# nothing here\n");
    let output = newsfacts(&[
        "analyze",
        "--actors",
        &empty,
        example_article().to_str().expect("path"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("empty.actors.txt") && stderr(&output).contains("no actor entry"),
        "{}",
        stderr(&output)
    );
}
