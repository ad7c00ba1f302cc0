//! Helpers shared by the end-to-end tests of `ingest`, `query` and `serve`: running the binary,
//! making stores, and starting a server that is stopped when the test ends.

#![allow(dead_code)] // Each test file uses its own subset.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use newsfacts_doc::json::OutputDocument;

pub fn newsfacts(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(args)
        .output()
        .expect("the newsfacts binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// A store at `dir/name` holding `docs`, written directly (the fact layers the pipeline does not
/// fill yet come from hand-made documents).
pub fn store_with(dir: &Path, name: &str, docs: &[OutputDocument]) -> PathBuf {
    let path = dir.join(name);
    let mut writer = newsfacts_store::Writer::open(&path).expect("open the store");
    writer.write_batch(docs).expect("store the documents");
    path
}

/// A child process killed when dropped, so a failing test leaves nothing running.
pub struct Running {
    pub child: Child,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `newsfacts serve` on a free loopback port and returns it with its base URL, read from
/// the line it prints once it listens.
pub fn serve(db: &Path) -> (Running, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(["serve", "--db", path_str(db), "--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsfacts serve starts");
    let stderr = child.stderr.take().expect("stderr is piped");
    let running = Running { child };
    let mut lines = BufReader::new(stderr).lines();
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let Some(Ok(line)) = lines.next() else {
            panic!("newsfacts serve exited before listening");
        };
        if let Some(rest) = line.split("http://").nth(1) {
            let address = rest.split('/').next().unwrap_or_default();
            // Keep draining stderr so the server never blocks on a full pipe.
            std::thread::spawn(move || for _ in lines {});
            return (running, format!("http://{address}"));
        }
    }
    panic!("newsfacts serve did not say where it listens");
}

/// GET `url`, returning status and body (any status, no error for 4xx/5xx).
pub fn http_get(url: &str) -> (u16, String) {
    match ureq::get(url).timeout(Duration::from_secs(30)).call() {
        Ok(response) => (
            response.status(),
            response.into_string().expect("a text body"),
        ),
        Err(ureq::Error::Status(status, response)) => {
            (status, response.into_string().unwrap_or_default())
        }
        Err(err) => panic!("GET {url}: {err}"),
    }
}
