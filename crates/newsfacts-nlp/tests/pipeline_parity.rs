//! Parity of the whole pipeline with spaCy `en_core_web_sm` 3.8.0 (tags, POS, morphology,
//! lemmas, dependencies, sentence starts, entities) over the seed text and the BBC corpus.
//!
//! Debug builds measure every 100th BBC document; the full measurement is
//! `cargo test --release -p newsfacts-nlp --test pipeline_parity -- --nocapture`
//! (or set `NEWSFACTS_FULL_PARITY=1`).

mod reference;

use std::collections::{HashMap, HashSet};

use newsfacts_nlp::EnglishPipeline;

#[derive(Default)]
struct Counts {
    ref_tokens: usize,
    aligned: usize,
    tag: usize,
    pos: usize,
    morph: usize,
    lemma: usize,
    head_dep: usize,
    sent_start: usize,
    ents_ref: usize,
    ents_ours: usize,
    ents_both: usize,
}

impl Counts {
    fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.aligned.max(1) as f64
    }
    fn ent_f1(&self) -> f64 {
        if self.ents_ref + self.ents_ours == 0 {
            return 100.0;
        }
        200.0 * self.ents_both as f64 / (self.ents_ref + self.ents_ours) as f64
    }
}

fn measure(file: &str) -> Option<Counts> {
    let docs = reference::load(file)?;
    let pipeline = EnglishPipeline::global();
    let mut counts = Counts::default();
    let mut tag_confusions: HashMap<(String, String), usize> = HashMap::new();
    for doc in &docs {
        let analysis = pipeline.analyze(&doc.text);
        let chars = reference::char_offsets(&doc.text);
        // Our token index by character span.
        let ours: HashMap<(usize, usize), usize> = analysis
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| ((chars[t.start], chars[t.end]), i))
            .collect();
        let r = &doc.tokens;
        let ref_span = |i: usize| (r.idx[i], r.idx[i] + r.text[i].chars().count());
        for i in 0..r.text.len() {
            counts.ref_tokens += 1;
            let Some(&j) = ours.get(&ref_span(i)) else {
                continue;
            };
            let t = &analysis.tokens[j];
            counts.aligned += 1;
            counts.tag += usize::from(t.tag == r.tag[i]);
            if t.tag != r.tag[i] {
                *tag_confusions
                    .entry((r.tag[i].clone(), t.tag.to_owned()))
                    .or_default() += 1;
            }
            counts.pos += usize::from(t.pos == r.pos[i]);
            counts.morph += usize::from(t.morph == r.morph[i]);
            counts.lemma += usize::from(t.lemma == r.lemma[i]);
            let head = &analysis.tokens[t.head];
            let same_head = (chars[head.start], chars[head.end]) == ref_span(r.head[i]);
            counts.head_dep += usize::from(same_head && t.dep == r.dep[i]);
            counts.sent_start += usize::from(t.sent_start == r.sent_start[i]);
        }
        let ref_ents: HashSet<(usize, usize, &str)> = doc
            .ents
            .iter()
            .map(|(s, e, l)| (*s, *e, l.as_str()))
            .collect();
        let our_ents: HashSet<(usize, usize, &str)> = analysis
            .entities
            .iter()
            .map(|e| (chars[e.start], chars[e.end], e.label))
            .collect();
        counts.ents_ref += ref_ents.len();
        counts.ents_ours += our_ents.len();
        counts.ents_both += ref_ents.intersection(&our_ents).count();
    }
    let mut confusions: Vec<_> = tag_confusions.into_iter().collect();
    confusions.sort_by_key(|c| std::cmp::Reverse(c.1));
    eprintln!(
        "{file} ({} docs, {} reference tokens, {} aligned): tag {:.3} %, pos {:.3} %, morph {:.3} %, \
         lemma {:.3} %, head+dep {:.3} %, sent_start {:.3} %, entity F1 {:.3} % ({} ref, {} ours)",
        docs.len(),
        counts.ref_tokens,
        counts.aligned,
        counts.pct(counts.tag),
        counts.pct(counts.pos),
        counts.pct(counts.morph),
        counts.pct(counts.lemma),
        counts.pct(counts.head_dep),
        counts.pct(counts.sent_start),
        counts.ent_f1(),
        counts.ents_ref,
        counts.ents_ours,
    );
    eprintln!(
        "most frequent tag confusions (spaCy, ours): {:?}",
        &confusions[..confusions.len().min(10)]
    );
    Some(counts)
}

#[test]
fn pipeline_matches_spacy() {
    for file in ["seed.jsonl.gz", "bbc-news.jsonl.gz"] {
        let Some(counts) = measure(file) else {
            return;
        };
        assert!(
            counts.pct(counts.tag) >= 99.5,
            "{file}: tag agreement too low"
        );
        assert!(
            counts.pct(counts.pos) >= 99.5,
            "{file}: POS agreement too low"
        );
        assert!(
            counts.pct(counts.head_dep) >= 99.0,
            "{file}: head + dependency agreement too low"
        );
        assert!(counts.ent_f1() >= 99.0, "{file}: entity F1 too low");
    }
}
