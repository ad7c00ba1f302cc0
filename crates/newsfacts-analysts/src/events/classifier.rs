//! The trained trigger classifier: a linear model over hashed features of a verb's clause (its
//! lemma, particle, object, prepositional phrases, complements, governor, negation, modal,
//! subject and object entity kinds, neighbouring words, and the type the lexicon gives the
//! lemma) that scores NONE and each of the 16 PLOVER types.
//!
//! The hand lexicon overfits the sentences it was written on; the classifier generalises from
//! the NGEC synthetic stories (MIT licence) instead. It is trained by averaged perceptron
//! (`newsfacts train events`, in `newsfacts-eval`), its weights ship inside the binary
//! ([`EventClassifier::embedded`]) and the event coder consults it where the lexicon is silent
//! and as a veto on lexicon verbs (see [`ClassifierUse`]). Reading a model never panics: a file
//! that does not parse gives an error, and the embedded one then gives no classifier.

use std::sync::OnceLock;

use super::lexicon;
use super::parse::Parse;

/// The model the product ships (ARCHITECTURE.md says how to retrain it).
static EMBEDDED: &[u8] = include_bytes!("../../model/events-trigger.nfe");

/// File signature and version of a model file.
const MAGIC: &[u8; 6] = b"NFEV1\n";

/// The label of a clause that reports no event.
pub const NONE: &str = "NONE";

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("event trigger model: {0}")]
pub struct ClassifierError(pub String);

/// How the event coder uses the classifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassifierUse {
    /// The lexicon alone.
    Off,
    /// Verbs the lexicon does not know become triggers of the classifier's type when it is
    /// confident enough (the model's fill margin).
    Fill,
    /// Lexicon verbs the classifier is confident are no event (the model's veto margin) are
    /// dropped.
    Veto,
    /// Both.
    FillAndVeto,
    /// A lexicon verb read in its bare sense whose lemma the lexicon gives several types in
    /// its readings ("allow" CONCEDE, RETREAT when access is allowed) takes the type the
    /// classifier prefers among those types; never a type the lexicon does not offer.
    Choose,
    /// The fill and the choice among the lexicon's types.
    FillAndChoose,
}

impl ClassifierUse {
    pub fn fills(self) -> bool {
        matches!(
            self,
            ClassifierUse::Fill | ClassifierUse::FillAndVeto | ClassifierUse::FillAndChoose
        )
    }

    pub fn chooses(self) -> bool {
        matches!(self, ClassifierUse::Choose | ClassifierUse::FillAndChoose)
    }

    pub fn vetoes(self) -> bool {
        matches!(self, ClassifierUse::Veto | ClassifierUse::FillAndVeto)
    }

    /// Reads `off`, `fill`, `veto`, `fill+veto`, `choose` or `fill+choose`.
    pub fn parse(text: &str) -> Option<ClassifierUse> {
        match text {
            "off" => Some(ClassifierUse::Off),
            "fill" => Some(ClassifierUse::Fill),
            "veto" => Some(ClassifierUse::Veto),
            "fill+veto" => Some(ClassifierUse::FillAndVeto),
            "choose" => Some(ClassifierUse::Choose),
            "fill+choose" => Some(ClassifierUse::FillAndChoose),
            _ => None,
        }
    }
}

/// What the product does by default with the embedded model.
pub const DEFAULT_USE: ClassifierUse = ClassifierUse::Fill;

/// The classifier's labels: NONE, then the PLOVER types in the contract's order.
pub fn labels() -> Vec<&'static str> {
    std::iter::once(NONE)
        .chain(lexicon::PLOVER_TYPES.iter().copied())
        .collect()
}

/// The hash of a feature string (FNV-1a, 64 bits); the model keeps its low `bits` bits.
pub fn feature_hash(feature: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in feature.bytes() {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The kind of party or thing a token names, for features: its entity label, PRON for
/// pronouns, PARTY for nouns that name a party ("government", "rebels"), NOUN otherwise.
fn kind_of(parse: &Parse<'_>, i: usize) -> &'static str {
    let label = parse.ent_label(i);
    match label {
        "PERSON" => "PERSON",
        "ORG" => "ORG",
        "GPE" => "GPE",
        "NORP" => "NORP",
        "LOC" | "FAC" => "PLACE",
        "DATE" | "TIME" => "TIME",
        "MONEY" | "PERCENT" | "QUANTITY" | "CARDINAL" => "NUMBER",
        _ if parse.tag(i) == "PRP" => "PRON",
        _ if lexicon::PARTY_NOUNS.contains(&parse.lemma[i].as_str()) => "PARTY",
        _ if parse.is_noun(i) => "NOUN",
        _ => "OTHER",
    }
}

/// The features of the clause of verb `i`, as strings (hashed by the model).
pub fn clause_features(parse: &Parse<'_>, i: usize) -> Vec<String> {
    let lemma = parse.lemma[i].as_str();
    let mut f = vec![
        "bias".to_string(),
        format!("l={lemma}"),
        format!("w={}", parse.lower[i]),
        format!("t={}", parse.tag(i)),
        format!("d={}", parse.dep(i)),
    ];
    if let Some(sense) = lexicon::verb_sense(lemma) {
        f.push(format!("lex={}", sense.plover));
    }
    let known = |f: &mut Vec<String>, prefix: &str, word: &str| {
        if let Some(sense) = lexicon::verb_sense(word) {
            f.push(format!("{prefix}={}", sense.plover));
        }
    };
    for c in parse.children[i].iter().copied() {
        let child_lemma = parse.lemma[c].as_str();
        match parse.dep(c) {
            "prt" => {
                f.push(format!("p={lemma}|{child_lemma}"));
                if let Some(sense) = lexicon::phrasal_sense(lemma, &parse.lower[c]) {
                    f.push(format!("lexp={}", sense.plover));
                }
            }
            "dobj" | "nsubjpass" => {
                let role = if parse.dep(c) == "dobj" { "o" } else { "sp" };
                f.push(format!("{role}={child_lemma}"));
                f.push(format!("{role}l={lemma}|{child_lemma}"));
                f.push(format!("{role}k={lemma}|{}", kind_of(parse, c)));
                if let Some(sense) = lexicon::noun_sense(child_lemma) {
                    f.push(format!("{role}n={}", sense.plover));
                    if lexicon::is_light_verb(lemma) {
                        f.push(format!("light={}", sense.plover));
                    }
                }
                for m in parse.children_with(c, &["compound", "amod"]) {
                    f.push(format!("{role}m={}", parse.lemma[m]));
                }
                if let Some(of) = parse.prep_object(c, &["of"]) {
                    f.push(format!("{role}of={}", parse.lemma[of]));
                }
            }
            "nsubj" => {
                let kind = kind_of(parse, c);
                f.push(format!("s={kind}"));
                f.push(format!("sl={lemma}|{kind}"));
                if !matches!(kind, "PERSON" | "ORG" | "GPE" | "NORP" | "PRON") {
                    f.push(format!("sw={child_lemma}"));
                }
            }
            "prep" | "dative" | "agent" => {
                let preposition = parse.lower[c].as_str();
                f.push(format!("pr={lemma}|{preposition}"));
                if let Some(o) = parse.child(c, &["pobj"]) {
                    f.push(format!("pro={lemma}|{preposition}|{}", parse.lemma[o]));
                    f.push(format!("prk={preposition}|{}", kind_of(parse, o)));
                    f.push(format!("pob={}", parse.lemma[o]));
                } else if parse.dep(c) == "dative" {
                    f.push(format!("dat={}", kind_of(parse, c)));
                }
            }
            "xcomp" | "ccomp" => {
                let role = if parse.dep(c) == "xcomp" { "x" } else { "c" };
                f.push(format!("{role}={child_lemma}"));
                f.push(format!("{role}l={lemma}|{child_lemma}"));
                known(&mut f, &format!("{role}lex"), child_lemma);
            }
            "neg" => f.push("neg".to_string()),
            "aux" | "auxpass" => {
                let word = parse.lower[c].as_str();
                if matches!(
                    word,
                    "will" | "would" | "could" | "may" | "might" | "must" | "should" | "can"
                ) {
                    f.push(format!("m={word}"));
                }
                if parse.dep(c) == "auxpass" {
                    f.push("passive".to_string());
                }
            }
            _ => {}
        }
    }
    if let Some(h) = parse.head(i) {
        let relation = parse.dep(i);
        if matches!(relation, "xcomp" | "ccomp" | "advcl" | "conj" | "pcomp") {
            f.push(format!("g={relation}|{}", parse.lemma[h]));
            known(&mut f, "glex", &parse.lemma[h]);
        }
    }
    for (offset, name) in [(-2isize, "w-2"), (-1, "w-1"), (1, "w+1"), (2, "w+2")] {
        let k = i as isize + offset;
        if let Some(word) = usize::try_from(k).ok().and_then(|k| parse.lower.get(k)) {
            f.push(format!("{name}={word}"));
        }
    }
    // The content words of the clause (the verb's subtree, at most a sentence's worth): what
    // the clause is about when its verb says little ("are out on strike").
    let (lo, hi) = parse.extent[i];
    let mut words = 0;
    for k in lo..=hi {
        if k == i || words >= CLAUSE_WORDS {
            continue;
        }
        let content = matches!(parse.toks[k].pos.as_str(), "NOUN" | "VERB" | "ADJ")
            && parse.ent_label(k).is_empty();
        if content {
            f.push(format!("cw={}", parse.lemma[k]));
            words += 1;
        }
    }
    f
}

/// Content words of a clause the features name, at most.
const CLAUSE_WORDS: usize = 40;

/// A trained classifier: weights per hashed feature and label.
#[derive(Debug, Clone)]
pub struct EventClassifier {
    /// log2 of the number of feature buckets.
    pub bits: u32,
    /// Label names (NONE first, then PLOVER types).
    pub labels: Vec<String>,
    /// Sorted buckets that have weights.
    pub buckets: Vec<u32>,
    /// `labels.len()` weights per bucket, in bucket order.
    pub weights: Vec<f32>,
    /// A verb the lexicon does not know becomes a trigger when its best type outscores NONE
    /// by this much.
    pub fill_margin: f32,
    /// A lexicon verb is dropped when NONE outscores its lexicon type by this much.
    pub veto_margin: f32,
}

/// The scores of one clause: per label, in the model's label order.
#[derive(Debug, Clone)]
pub struct Scores<'m> {
    pub labels: &'m [String],
    pub values: Vec<f32>,
}

impl Scores<'_> {
    fn of(&self, label: &str) -> Option<f32> {
        self.labels
            .iter()
            .position(|l| l == label)
            .and_then(|k| self.values.get(k).copied())
    }

    /// The best PLOVER type (never NONE) and by how much it outscores NONE.
    pub fn best_event(&self) -> Option<(&str, f32)> {
        let none = self.of(NONE)?;
        self.labels
            .iter()
            .zip(&self.values)
            .filter(|(l, _)| l.as_str() != NONE)
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(l, v)| (l.as_str(), v - none))
    }

    /// The highest-scoring label.
    pub fn best(&self) -> Option<&str> {
        self.labels
            .iter()
            .zip(&self.values)
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(l, _)| l.as_str())
    }

    /// The best-scoring of `types` (PLOVER types; NONE is never among the answers), if the
    /// model scores any of them.
    pub fn best_among<'t>(&self, types: &[&'t str]) -> Option<&'t str> {
        types
            .iter()
            .filter(|t| **t != NONE)
            .filter_map(|t| Some((*t, self.of(t)?)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(t, _)| t)
    }

    /// By how much NONE outscores `plover`.
    pub fn none_over(&self, plover: &str) -> Option<f32> {
        Some(self.of(NONE)? - self.of(plover)?)
    }
}

impl EventClassifier {
    /// The model shipped in the binary, read once; `None` when it does not read.
    pub fn embedded() -> Option<&'static EventClassifier> {
        static MODEL: OnceLock<Option<EventClassifier>> = OnceLock::new();
        MODEL
            .get_or_init(|| EventClassifier::from_bytes(EMBEDDED).ok())
            .as_ref()
    }

    fn mask(&self) -> u64 {
        (1u64 << self.bits) - 1
    }

    /// Scores hashed features (see [`feature_hash`]).
    pub fn score_hashes(&self, hashes: &[u64]) -> Scores<'_> {
        let n = self.labels.len();
        let mut values = vec![0.0f32; n];
        for &h in hashes {
            let bucket = (h & self.mask()) as u32;
            if let Ok(row) = self.buckets.binary_search(&bucket)
                && let Some(w) = self.weights.get(row * n..row * n + n)
            {
                for (v, w) in values.iter_mut().zip(w) {
                    *v += w;
                }
            }
        }
        Scores {
            labels: &self.labels,
            values,
        }
    }

    /// Scores the clause of verb `i`.
    pub fn score(&self, parse: &Parse<'_>, i: usize) -> Scores<'_> {
        let hashes: Vec<u64> = clause_features(parse, i)
            .iter()
            .map(|f| feature_hash(f))
            .collect();
        self.score_hashes(&hashes)
    }

    /// The model file: magic, bits, labels, margins, then the weights of each bucket as 16-bit
    /// integers with one scale.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(self.bits as u8);
        out.push(self.labels.len() as u8);
        for label in &self.labels {
            out.push(label.len() as u8);
            out.extend_from_slice(label.as_bytes());
        }
        out.extend_from_slice(&self.fill_margin.to_le_bytes());
        out.extend_from_slice(&self.veto_margin.to_le_bytes());
        let largest = self.weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(self.buckets.len() as u32).to_le_bytes());
        for (row, bucket) in self.buckets.iter().enumerate() {
            out.extend_from_slice(&bucket.to_le_bytes());
            let n = self.labels.len();
            for w in &self.weights[row * n..row * n + n] {
                let q = (w / scale)
                    .round()
                    .clamp(f32::from(i16::MIN), f32::from(i16::MAX));
                out.extend_from_slice(&(q as i16).to_le_bytes());
            }
        }
        out
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<EventClassifier, ClassifierError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(MAGIC.len())? != MAGIC {
            return Err(ClassifierError("not an event trigger model (NFEV1)".into()));
        }
        let bits = u32::from(reader.u8()?);
        if !(8..=24).contains(&bits) {
            return Err(ClassifierError(format!("bad bucket bits {bits}")));
        }
        let count = usize::from(reader.u8()?);
        let mut labels = Vec::with_capacity(count);
        for _ in 0..count {
            let len = usize::from(reader.u8()?);
            let name = std::str::from_utf8(reader.take(len)?)
                .map_err(|_| ClassifierError("label is not UTF-8".into()))?;
            labels.push(name.to_string());
        }
        if !labels.iter().any(|l| l == NONE)
            || labels
                .iter()
                .any(|l| l != NONE && !lexicon::PLOVER_TYPES.contains(&l.as_str()))
        {
            return Err(ClassifierError(
                "labels are not NONE and PLOVER types".into(),
            ));
        }
        let fill_margin = reader.f32()?;
        let veto_margin = reader.f32()?;
        let scale = reader.f32()?;
        let rows = reader.u32()? as usize;
        if rows > 1 << bits {
            return Err(ClassifierError("more rows than buckets".into()));
        }
        let mut buckets = Vec::with_capacity(rows);
        let mut weights = Vec::with_capacity(rows * count);
        for _ in 0..rows {
            let bucket = reader.u32()?;
            if buckets.last().is_some_and(|&last| last >= bucket) || bucket >= 1 << bits {
                return Err(ClassifierError("buckets out of order".into()));
            }
            buckets.push(bucket);
            for _ in 0..count {
                let raw = reader.take(2)?;
                weights.push(f32::from(i16::from_le_bytes([raw[0], raw[1]])) * scale);
            }
        }
        if reader.at != bytes.len() {
            return Err(ClassifierError("trailing bytes".into()));
        }
        Ok(EventClassifier {
            bits,
            labels,
            buckets,
            weights,
            fill_margin,
            veto_margin,
        })
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], ClassifierError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(ClassifierError("file ends early".into()));
        };
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u8(&mut self) -> Result<u8, ClassifierError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, ClassifierError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f32(&mut self) -> Result<f32, ClassifierError> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> EventClassifier {
        let labels: Vec<String> = labels().iter().map(|l| l.to_string()).collect();
        let n = labels.len();
        let mut weights = vec![0.0; 2 * n];
        weights[1] = 2.5;
        weights[n] = -1.25;
        EventClassifier {
            bits: 10,
            labels,
            buckets: vec![3, 700],
            weights,
            fill_margin: 0.5,
            veto_margin: 1.5,
        }
    }

    #[test]
    fn a_model_reads_back_what_it_wrote() {
        let model = tiny();
        let back = EventClassifier::from_bytes(&model.to_bytes()).expect("reads");
        assert_eq!(back.buckets, model.buckets);
        assert_eq!(back.labels, model.labels);
        assert_eq!(back.fill_margin, 0.5);
        for (a, b) in back.weights.iter().zip(&model.weights) {
            assert!((a - b).abs() < 1e-3);
        }
        let scores = back.score_hashes(&[3, 3 + 1024]);
        assert_eq!(scores.best(), Some(labels()[1]));
        // Among types, the best of those offered, whatever outscores them elsewhere.
        assert_eq!(
            scores.best_among(&[labels()[2], labels()[1]]),
            Some(labels()[1])
        );
        assert_eq!(scores.best_among(&[labels()[2]]), Some(labels()[2]));
        assert_eq!(scores.best_among(&[NONE]), None);
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        let bytes = tiny().to_bytes();
        for cut in 0..bytes.len() {
            assert!(EventClassifier::from_bytes(&bytes[..cut]).is_err());
        }
        assert!(EventClassifier::from_bytes(b"NFEV1\n\xff\xff").is_err());
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(EventClassifier::from_bytes(&extra).is_err());
    }

    #[test]
    fn uses_read_from_text() {
        assert_eq!(
            ClassifierUse::parse("fill+veto"),
            Some(ClassifierUse::FillAndVeto)
        );
        assert_eq!(
            ClassifierUse::parse("fill+choose"),
            Some(ClassifierUse::FillAndChoose)
        );
        assert!(ClassifierUse::parse("fill+choose").is_some_and(|u| u.fills() && u.chooses()));
        assert!(ClassifierUse::parse("maybe").is_none());
    }
}
