//! WordNet's verb classes, for the trigger classifier's features: the lexicographer file of a
//! verb's commonest senses ("communication", "competition", "social", ...) and the synsets above
//! them. A verb the classifier never saw in training shares these with verbs it did see, so
//! "denounce" can take some of the weight "condemn" earned.
//!
//! The table (`wordnet_verbs.tsv`, WordNet 3.0, Princeton University's licence at its head) is
//! written by `tools/wordnet_verb_classes.py` from the Debian `wordnet-base` files and compiled
//! in; nothing reads WordNet at run time.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("wordnet_verbs.tsv");

/// A synset of the table: its lexicographer file and its first hypernym.
#[derive(Debug, Clone, Copy)]
struct Synset {
    lexfile: &'static str,
    hypernym: Option<u32>,
}

/// The verb classes: each single-word verb's first senses, and the synsets they lead up to.
#[derive(Debug, Default)]
pub struct WordNetVerbs {
    senses: HashMap<&'static str, Vec<u32>>,
    synsets: HashMap<u32, Synset>,
}

/// What the classifier's features take of a verb's WordNet classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassesUsed {
    /// Senses read, commonest first.
    pub senses: usize,
    /// Hypernym levels above each sense's synset (0: the synset itself only; `None`: no synsets,
    /// the lexicographer file alone).
    pub depth: Option<usize>,
}

impl WordNetVerbs {
    /// The compiled-in table, read once.
    pub fn get() -> &'static WordNetVerbs {
        static TABLE_READ: OnceLock<WordNetVerbs> = OnceLock::new();
        TABLE_READ.get_or_init(|| WordNetVerbs::read(TABLE))
    }

    /// Reads a table; lines that do not read are skipped.
    fn read(text: &'static str) -> WordNetVerbs {
        let mut verbs = WordNetVerbs::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&'static str> = line.split('\t').collect();
            match fields.as_slice() {
                ["S", offset, lexfile, hypernym] => {
                    if let Ok(offset) = offset.parse() {
                        let hypernym = hypernym.parse().ok();
                        verbs.synsets.insert(offset, Synset { lexfile, hypernym });
                    }
                }
                [lemma, offsets] => {
                    let offsets = offsets.split(',').filter_map(|o| o.parse().ok()).collect();
                    verbs.senses.insert(lemma, offsets);
                }
                _ => {}
            }
        }
        verbs
    }

    /// The lexicographer files of `lemma`'s first `senses` senses, commonest first, without
    /// repeats.
    pub fn lexfiles(&self, lemma: &str, senses: usize) -> Vec<&'static str> {
        let mut files = Vec::new();
        for offset in self.senses.get(lemma).into_iter().flatten().take(senses) {
            if let Some(synset) = self.synsets.get(offset)
                && !files.contains(&synset.lexfile)
            {
                files.push(synset.lexfile);
            }
        }
        files
    }

    /// The synsets of `lemma`'s first `senses` senses and their hypernyms up to `depth` levels
    /// above, without repeats.
    pub fn synsets(&self, lemma: &str, senses: usize, depth: usize) -> Vec<u32> {
        let mut found = Vec::new();
        for &offset in self.senses.get(lemma).into_iter().flatten().take(senses) {
            let mut current = Some(offset);
            for _ in 0..=depth {
                let Some(at) = current else { break };
                if !found.contains(&at) {
                    found.push(at);
                }
                current = self.synsets.get(&at).and_then(|s| s.hypernym);
            }
        }
        found
    }

    /// The classifier's features for verb `lemma`: `wnf=` its lexicographer files and `wns=`
    /// its synsets and their hypernyms.
    pub fn features(&self, lemma: &str, used: ClassesUsed) -> Vec<String> {
        let mut features: Vec<String> = self
            .lexfiles(lemma, used.senses)
            .into_iter()
            .map(|file| format!("wnf={file}"))
            .collect();
        if let Some(depth) = used.depth {
            features.extend(
                self.synsets(lemma, used.senses, depth)
                    .into_iter()
                    .map(|s| format!("wns={s}")),
            );
        }
        features
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_gives_verbs_their_classes() {
        let verbs = WordNetVerbs::get();
        assert_eq!(verbs.lexfiles("denounce", 1), vec!["communication"]);
        assert_eq!(verbs.lexfiles("bomb", 1), vec!["competition"]);
        assert!(verbs.lexfiles("nosuchverb", 2).is_empty());
        // "denounce" and "condemn" meet one level up ("criticize").
        let denounce = verbs.synsets("denounce", 1, 1);
        let condemn = verbs.synsets("condemn", 1, 1);
        assert!(denounce.iter().any(|s| condemn.contains(s)));
    }
}
