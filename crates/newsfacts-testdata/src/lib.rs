//! Locates the evaluation data that lives beside the repository in `../shared` (never inside it:
//! several sets are copyrighted news). Tests ask for a path with [`shared`]; when the data is
//! absent they skip with a message, unless `NEWSFACTS_REQUIRE_SHARED=1` (set by CI), in which
//! case they fail.

use std::path::PathBuf;

/// The `shared` directory: `$NEWSFACTS_SHARED` if set, else `../shared` beside the workspace.
pub fn shared_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("NEWSFACTS_SHARED") {
        return PathBuf::from(dir);
    }
    // This crate lives at <workspace>/crates/newsfacts-testdata.
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// Whether missing shared data must fail the test run instead of skipping.
pub fn shared_required() -> bool {
    std::env::var("NEWSFACTS_REQUIRE_SHARED").is_ok_and(|v| v == "1")
}

/// The path of `relative` inside the shared data, or `None` (after printing why the test is
/// skipped) when it is absent.
///
/// # Panics
/// When the data is absent and `NEWSFACTS_REQUIRE_SHARED=1`.
pub fn shared(relative: &str) -> Option<PathBuf> {
    let path = shared_dir().join(relative);
    if path.exists() {
        return Some(path);
    }
    if shared_required() {
        panic!(
            "shared data {} is missing and NEWSFACTS_REQUIRE_SHARED=1",
            path.display()
        );
    }
    eprintln!(
        "skipping: shared data {} is absent (set NEWSFACTS_SHARED to its directory)",
        path.display()
    );
    None
}

/// The BBC News corpus (`corpora/bbc-news/bbc-news.jsonl`): the "text" field of its first
/// `limit` records, for benchmarks. `None` (after saying so on stderr) when the corpus is
/// absent or unreadable, so that a benchmark can fall back to an invented text; unlike
/// [`shared`], never a failure, since benchmarks are not tests.
pub fn bbc_texts(limit: usize) -> Option<Vec<String>> {
    let path = shared_dir().join("corpora/bbc-news/bbc-news.jsonl");
    let texts: Vec<String> = match std::fs::read_to_string(&path) {
        Ok(content) => content
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|record| record.get("text")?.as_str().map(str::to_string))
            .take(limit)
            .collect(),
        Err(_) => Vec::new(),
    };
    if texts.is_empty() {
        eprintln!(
            "BBC News corpus not found at {}; using an invented text",
            path.display()
        );
        return None;
    }
    Some(texts)
}

/// The canonical example article, `seed/shells-coalition.txt`; `None` as [`shared`] says.
///
/// # Panics
/// When the file is absent and `NEWSFACTS_REQUIRE_SHARED=1`, or present but unreadable.
pub fn seed_text() -> Option<String> {
    let path = shared("seed/shells-coalition.txt")?;
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(err) => panic!("cannot read {}: {err}", path.display()),
    }
}

/// The hand annotation of the example, `seed/gold.json`; `None` as [`shared`] says.
///
/// # Panics
/// When the file is absent and `NEWSFACTS_REQUIRE_SHARED=1`, or present but not JSON.
pub fn seed_gold() -> Option<serde_json::Value> {
    let path = shared("seed/gold.json")?;
    let parsed = std::fs::read_to_string(&path)
        .map_err(|err| err.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|err| err.to_string()));
    match parsed {
        Ok(gold) => Some(gold),
        Err(err) => panic!("cannot read {}: {err}", path.display()),
    }
}

/// The independent name–gender dictionary the pronoun evaluation can read for the gold side
/// (`nam_dict.txt` of the PyPI package `gender-guesser`, which `.ci/run` installs):
/// `$NEWSFACTS_GIVEN_NAMES` if set, else where `python3` finds the installed package. `None`
/// (after printing why the test is skipped) when neither gives a file.
///
/// # Panics
/// When no dictionary is found and `NEWSFACTS_REQUIRE_SHARED=1`.
pub fn given_names_dictionary() -> Option<PathBuf> {
    let path = std::env::var_os("NEWSFACTS_GIVEN_NAMES")
        .map(PathBuf::from)
        .or_else(|| {
            let probe = std::process::Command::new("python3")
                .args([
                    "-c",
                    "import gender_guesser, os; \
                     print(os.path.join(os.path.dirname(gender_guesser.__file__), 'data', 'nam_dict.txt'))",
                ])
                .output()
                .ok()?;
            probe.status.success().then(|| {
                PathBuf::from(String::from_utf8_lossy(&probe.stdout).trim().to_string())
            })
        })
        .filter(|path| path.is_file());
    if path.is_none() {
        let why = "the name–gender dictionary is absent (pip install gender-guesser==0.4.0, \
                   or set NEWSFACTS_GIVEN_NAMES to a nam_dict.txt)";
        if shared_required() {
            panic!("{why} and NEWSFACTS_REQUIRE_SHARED=1");
        }
        eprintln!("skipping: {why}");
    }
    path
}
