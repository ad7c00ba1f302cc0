//! Shared loader for spaCy's reference output (../shared/reference/spacy-en-core-web-sm-3.8.0):
//! one gzip JSON Lines record per document with the text, spaCy's tokens and entities.
#![allow(dead_code)]

use std::io::BufRead;

use serde::Deserialize;

#[derive(Deserialize)]
pub struct ReferenceDoc {
    pub id: String,
    pub text: String,
    pub tokens: ReferenceTokens,
    pub ents: Vec<(usize, usize, String)>,
}

#[derive(Deserialize)]
pub struct ReferenceTokens {
    pub idx: Vec<usize>,
    pub text: Vec<String>,
    pub ws: Vec<bool>,
    pub tag: Vec<String>,
    pub pos: Vec<String>,
    pub morph: Vec<String>,
    pub lemma: Vec<String>,
    pub head: Vec<usize>,
    pub dep: Vec<String>,
    pub ent_iob: Vec<String>,
    pub ent_type: Vec<String>,
    pub sent_start: Vec<bool>,
}

/// Whether to measure every document: release builds and `NEWSFACTS_FULL_PARITY=1` do; debug
/// builds otherwise take every `DEBUG_STRIDE`-th document to stay quick.
pub fn full_run() -> bool {
    !cfg!(debug_assertions) || std::env::var("NEWSFACTS_FULL_PARITY").is_ok_and(|v| v == "1")
}

pub const DEBUG_STRIDE: usize = 100;

/// The reference documents of `file` (e.g. "bbc-news.jsonl.gz"), or None when the shared data
/// is absent (the test then skips).
pub fn load(file: &str) -> Option<Vec<ReferenceDoc>> {
    let path = newsfacts_testdata::shared(&format!("reference/spacy-en-core-web-sm-3.8.0/{file}"))?;
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(
        std::fs::File::open(&path).expect("open reference"),
    ));
    let stride = if full_run() { 1 } else { DEBUG_STRIDE };
    let mut docs = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.expect("read reference");
        if n % stride != 0 || line.trim().is_empty() {
            continue;
        }
        docs.push(serde_json::from_str(&line).expect("parse reference"));
    }
    Some(docs)
}

/// Byte offset → character offset table for `text` (index by byte, valid at char boundaries).
pub fn char_offsets(text: &str) -> Vec<usize> {
    let mut table = vec![0; text.len() + 1];
    let mut chars = 0;
    for (byte, c) in text.char_indices() {
        for slot in &mut table[byte..byte + c.len_utf8()] {
            *slot = chars;
        }
        chars += 1;
    }
    table[text.len()] = chars;
    table
}
