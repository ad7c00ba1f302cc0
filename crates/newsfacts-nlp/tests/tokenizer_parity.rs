//! Tokenizer parity with spaCy `en_core_web_sm` 3.8.0 on the seed text and the BBC corpus.
//! Full corpus: `cargo test --release -p newsfacts-nlp --test tokenizer_parity -- --nocapture`.

mod reference;

use std::collections::HashSet;

use newsfacts_nlp::model::{EMBEDDED_MODEL, ModelFile};
use newsfacts_nlp::tokenizer::Tokenizer;

fn measure(file: &str) -> Option<(usize, usize)> {
    let docs = reference::load(file)?;
    let model = ModelFile::parse(EMBEDDED_MODEL).expect("model");
    let tokenizer = Tokenizer::load(&model).expect("tokenizer");
    let mut out = Vec::new();
    let (mut same, mut total) = (0usize, 0usize);
    let mut shown = 0;
    for doc in &docs {
        tokenizer.tokenize(&doc.text, &mut out);
        let chars = reference::char_offsets(&doc.text);
        let ours: HashSet<(usize, usize, bool)> = out
            .iter()
            .map(|t| {
                (
                    chars[t.start as usize],
                    chars[t.end as usize],
                    t.space_after,
                )
            })
            .collect();
        for (i, text) in doc.tokens.text.iter().enumerate() {
            let start = doc.tokens.idx[i];
            let key = (start, start + text.chars().count(), doc.tokens.ws[i]);
            total += 1;
            if ours.contains(&key) {
                same += 1;
            } else if shown < 15 {
                shown += 1;
                eprintln!("{}: spaCy token {text:?} at {start} not reproduced", doc.id);
            }
        }
    }
    eprintln!(
        "{file}: {same}/{total} tokens identical ({:.3} %) over {} docs",
        100.0 * same as f64 / total.max(1) as f64,
        docs.len()
    );
    Some((same, total))
}

#[test]
fn tokens_match_spacy_on_seed_and_bbc() {
    for file in ["seed.jsonl.gz", "bbc-news.jsonl.gz"] {
        let Some((same, total)) = measure(file) else {
            return;
        };
        assert!(
            same as f64 >= 0.999 * total as f64,
            "{file}: only {same}/{total} tokens identical"
        );
    }
}
