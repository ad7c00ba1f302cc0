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
