//! WordNet lexicographer classes of verbs and nouns, as features the quotation taggers share
//! between lemmas.
//!
//! A hashed feature of a lemma the cue tagger saw a few times in training ("assail",
//! "endorsement") has little weight; the lemma's WordNet class (`verb.communication`,
//! `noun.act`, …) is shared with common cues, so weight learnt on them carries over. The
//! table (`wordnet_classes.tsv`, WordNet 3.0, its licence at its head) is written by
//! `tools/wordnet_lemma_classes.py` from the Debian `wordnet-base` files and compiled in: it
//! is parsed once, the first time it is asked for, and nothing is read at run time.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The table as `tools/wordnet_lemma_classes.py` writes it.
const TABLE: &str = include_str!("wordnet_classes.tsv");

/// WordNet's lexicographer files by number (`man 5 lexnames`), as feature values.
const LEXNAMES: [&str; 45] = [
    "adj.all",
    "adj.pert",
    "adv.all",
    "noun.Tops",
    "noun.act",
    "noun.animal",
    "noun.artifact",
    "noun.attribute",
    "noun.body",
    "noun.cognition",
    "noun.communication",
    "noun.event",
    "noun.feeling",
    "noun.food",
    "noun.group",
    "noun.location",
    "noun.motive",
    "noun.object",
    "noun.person",
    "noun.phenomenon",
    "noun.plant",
    "noun.possession",
    "noun.process",
    "noun.quantity",
    "noun.relation",
    "noun.shape",
    "noun.state",
    "noun.substance",
    "noun.time",
    "verb.body",
    "verb.change",
    "verb.cognition",
    "verb.communication",
    "verb.competition",
    "verb.consumption",
    "verb.contact",
    "verb.creation",
    "verb.emotion",
    "verb.motion",
    "verb.perception",
    "verb.possession",
    "verb.social",
    "verb.stative",
    "verb.weather",
    "adj.ppl",
];

/// The classes of a lemma in one part of speech: its first senses' lexicographer files, the
/// first sense's first, each once (at most two are kept).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes {
    names: [&'static str; 2],
    len: u8,
}

impl Classes {
    /// The lexicographer files, the first sense's first.
    pub fn names(&self) -> &[&'static str] {
        &self.names[..usize::from(self.len)]
    }

    /// The first sense's lexicographer file, if the lemma is a word of this part of speech.
    pub fn first(&self) -> Option<&'static str> {
        self.names().first().copied()
    }

    /// The first sense's file alone.
    pub fn first_only(self) -> Classes {
        Classes {
            len: self.len.min(1),
            ..self
        }
    }

    /// Reads a field of comma-separated lexicographer file numbers; `None` when a number is
    /// not one of WordNet's (a table the script did not write).
    fn parse(field: &str) -> Option<Classes> {
        let mut out = Classes::default();
        for number in field.split(',').filter(|n| !n.is_empty()) {
            let name = number.parse::<usize>().ok().and_then(|n| LEXNAMES.get(n))?;
            if usize::from(out.len) < out.names.len() {
                out.names[usize::from(out.len)] = name;
                out.len += 1;
            }
        }
        Some(out)
    }
}

/// Which WordNet features the quotation taggers read. A switch for measuring, read once from
/// `NEWSFACTS_QUOTES_WORDNET` (`1` or `2`: the first sense's or the first two senses' classes
/// as cue-tagger features; `,role` after it: the cue head's classes as role-tagger features
/// too); unset, none. A model must be scored with the features it was trained with: the
/// shipped model was trained without them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordnetFeatures {
    /// Senses whose classes are read (0: none).
    pub senses: usize,
    /// Whether the role tagger reads the cue head's classes.
    pub role: bool,
    /// Only the class and the class with the tag, no conjunctions with the parse (`min`).
    pub minimal: bool,
    /// Only for words outside the cue lexicon, whose class then stands for what the
    /// lexicon's class says of the words in it (`gate`).
    pub outside_lexicon: bool,
    /// Only verbs' classes (`verbs`) or only nouns' (`nouns`); both when neither is given.
    pub verbs: bool,
    pub nouns: bool,
}

impl WordnetFeatures {
    /// The switch as the environment sets it for this process.
    pub fn global() -> WordnetFeatures {
        static FEATURES: OnceLock<WordnetFeatures> = OnceLock::new();
        *FEATURES.get_or_init(|| {
            std::env::var("NEWSFACTS_QUOTES_WORDNET")
                .map(|v| WordnetFeatures::parse(&v))
                .unwrap_or_default()
        })
    }

    /// Reads `SENSES[,role][,min][,gate]`; anything else is no features.
    pub fn parse(value: &str) -> WordnetFeatures {
        let mut parts = value.split(',').map(str::trim);
        let senses = match parts.next() {
            Some("1") => 1,
            Some("2") => 2,
            _ => return WordnetFeatures::default(),
        };
        let flags: Vec<&str> = parts.collect();
        WordnetFeatures {
            senses,
            role: flags.contains(&"role"),
            minimal: flags.contains(&"min"),
            outside_lexicon: flags.contains(&"gate"),
            verbs: flags.contains(&"verbs") || !flags.contains(&"nouns"),
            nouns: flags.contains(&"nouns") || !flags.contains(&"verbs"),
        }
    }
}

/// The verb and noun classes of the lemmas WordNet has.
#[derive(Debug, Default)]
pub struct WordnetClasses {
    lemmas: HashMap<&'static str, (Classes, Classes)>,
}

impl WordnetClasses {
    /// The compiled-in table, parsed on first use.
    pub fn global() -> &'static WordnetClasses {
        static CLASSES: OnceLock<WordnetClasses> = OnceLock::new();
        CLASSES.get_or_init(|| WordnetClasses::parse(TABLE))
    }

    /// Reads a table: `lemma TAB verb files TAB noun files` a line, `#` lines and lines of
    /// another shape skipped (never a panic: the table is ours, but a bad line should cost
    /// one lemma, not the layer).
    pub fn parse(text: &'static str) -> WordnetClasses {
        let mut lemmas = HashMap::new();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(lemma), Some(verb), Some(noun), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            if lemma.is_empty() {
                continue;
            }
            if let (Some(verb), Some(noun)) = (Classes::parse(verb), Classes::parse(noun)) {
                lemmas.insert(lemma, (verb, noun));
            }
        }
        WordnetClasses { lemmas }
    }

    /// How many lemmas the table holds.
    pub fn len(&self) -> usize {
        self.lemmas.len()
    }

    /// Whether the table holds no lemma.
    pub fn is_empty(&self) -> bool {
        self.lemmas.is_empty()
    }

    /// The classes of `lemma` in the part of speech its Penn Treebank `tag` gives: verbs for
    /// `VB*`, common nouns for `NN`/`NNS` (a proper noun's lemma is a name, whatever WordNet
    /// says of the word); none for other tags or lemmas WordNet lacks.
    pub fn of(&self, lemma: &str, tag: &str) -> Classes {
        let Some((verb, noun)) = self.lemmas.get(lemma) else {
            return Classes::default();
        };
        if tag.starts_with("VB") {
            *verb
        } else if tag == "NN" || tag == "NNS" {
            *noun
        } else {
            Classes::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_table_reads_whole() {
        let table = WordnetClasses::global();
        // Every line but the licence's is a lemma (the script writes nothing else).
        let lines = TABLE.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(table.len(), lines);
        assert!(table.len() > 50_000);
    }

    #[test]
    fn rare_cue_lemmas_share_the_common_cues_classes() {
        let table = WordnetClasses::global();
        let say = table.of("say", "VBD").first();
        assert_eq!(say, Some("verb.communication"));
        assert_eq!(table.of("herald", "VBD").first(), say);
        assert_eq!(table.of("criticize", "VBZ").first(), say);
        assert_eq!(
            table.of("statement", "NN").first(),
            Some("noun.communication")
        );
        assert_eq!(
            table.of("endorsement", "NN").first(),
            Some("noun.communication")
        );
        assert_eq!(table.of("supporter", "NNS").first(), Some("noun.person"));
        assert_eq!(table.of("critic", "NN").first(), Some("noun.person"));
    }

    #[test]
    fn the_tag_chooses_the_part_of_speech() {
        let table = WordnetClasses::global();
        assert_eq!(table.of("blame", "VB").first(), Some("verb.communication"));
        assert_eq!(table.of("blame", "NN").first(), Some("noun.communication"));
        assert_eq!(table.of("blame", "JJ"), Classes::default());
        assert_eq!(table.of("support", "NNP"), Classes::default());
        assert_eq!(table.of("xqzv", "VB"), Classes::default());
        // A second sense in another file is kept after the first.
        assert_eq!(
            table.of("claim", "VBD").names(),
            ["verb.communication", "verb.possession"]
        );
    }

    #[test]
    fn a_table_with_bad_lines_keeps_the_good_ones_and_never_panics() {
        let table = WordnetClasses::parse(
            "# a comment\n\
             say\t32\t26\n\
             \n\
             broken line\n\
             toomany\t32\t10\textra\n\
             badnumber\t99\t10\n\
             notanumber\tx\t\n\
             \t32\t\n\
             critic\t\t18\n\
             three\t32,31,30\t\n\
             trailing\t32,\t,\n",
        );
        assert_eq!(table.len(), 4);
        assert_eq!(table.of("say", "VBZ").first(), Some("verb.communication"));
        assert_eq!(table.of("critic", "NN").first(), Some("noun.person"));
        assert_eq!(table.of("critic", "VB"), Classes::default());
        assert_eq!(
            table.of("three", "VB").names(),
            ["verb.communication", "verb.cognition"]
        );
        assert_eq!(table.of("trailing", "VB").names(), ["verb.communication"]);
        assert_eq!(table.of("badnumber", "VB"), Classes::default());
        for text in [
            "",
            "\t",
            "\t\t",
            "a\t\t",
            "a\t,\t,",
            "a\t-1\t",
            "a\t18446744073709551616\t",
        ] {
            let _ = WordnetClasses::parse(text);
        }
    }
}
