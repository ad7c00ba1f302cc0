//! The cue lexicon: the words that introduce reported speech, thought and writing.
//!
//! Verbs are listed by lemma with the sort of complement they take; every inflected form
//! ("say", "says", "said", "saying") is generated here, so the extractor can match surface words
//! when no lemmatizer ran and lemmas when one did. Nominal cues ("according to", "in a
//! statement") are multi-word phrases matched on lowercased words.

use std::collections::HashMap;
use std::sync::OnceLock;

/// How a cue verb reports: what may follow it and how sure a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Verbs of saying that introduce quotations and clauses freely ("said", "added", "wrote").
    Speech,
    /// Verbs of saying that need a clause ("that …", a question word) to report speech
    /// ("announced", "promised", "denied"); they often take plain objects instead.
    Report,
    /// Verbs of thinking, believing, hoping ("believes", "thinks", "fears").
    Thought,
    /// Verbs that address someone before the clause ("told reporters that …", "asked him
    /// whether …").
    Address,
}

/// Verbs of saying with a free complement.
const SPEECH: &[&str] = &[
    "say",
    "add",
    "write",
    "tell",
    "continue",
    "explain",
    "argue",
    "claim",
    "insist",
    "state",
    "declare",
    "note",
    "remark",
    "comment",
    "observe",
    "reply",
    "respond",
    "answer",
    "retort",
    "counter",
    "quip",
    "joke",
    "laugh",
    "sigh",
    "shout",
    "yell",
    "scream",
    "cry",
    "exclaim",
    "whisper",
    "mutter",
    "murmur",
    "mumble",
    "grumble",
    "complain",
    "lament",
    "bemoan",
    "moan",
    "groan",
    "snap",
    "bark",
    "growl",
    "boast",
    "brag",
    "gush",
    "rave",
    "rant",
    "tweet",
    "post",
    "blog",
    "text",
    "email",
    "recount",
    "recall",
    "reminisce",
    "stress",
    "emphasize",
    "emphasise",
    "underline",
    "underscore",
    "reiterate",
    "repeat",
    "maintain",
    "contend",
    "assert",
    "aver",
    "allege",
    "charge",
    "testify",
    "affirm",
    "confirm",
    "concede",
    "admit",
    "acknowledge",
    "confess",
    "caution",
    "warn",
    "urge",
    "plead",
    "beg",
    "implore",
    "demand",
    "scoff",
    "sneer",
    "mock",
    "chide",
    "scold",
    "rebuke",
    "fume",
    "seethe",
    "thunder",
    "roar",
    "proclaim",
    "pronounce",
    "opine",
    "muse",
    "wonder",
    "ponder",
    "query",
    "inquire",
    "enquire",
    "interject",
    "interrupt",
    "chime",
    "begin",
    "conclude",
    "finish",
    "close",
    "summarize",
    "summarise",
    "elaborate",
    "clarify",
    "specify",
    "predict",
    "forecast",
    "posit",
    "reason",
    "suggest",
    "propose",
    "hint",
    "imply",
    "intimate",
    "insinuate",
    "speculate",
    "surmise",
    "venture",
    "volunteer",
    "offer",
    "relate",
    "narrate",
    "describe",
    "report",
    "disclose",
    "reveal",
    "divulge",
    "announce",
    "declare",
    "point",
    "vow",
    "pledge",
    "swear",
    "promise",
    "guarantee",
    "assure",
    "reassure",
    "boom",
    "chirp",
    "coo",
    "drawl",
    "gasp",
    "hiss",
    "howl",
    "lisp",
    "purr",
    "rasp",
    "sob",
    "stammer",
    "stutter",
    "wail",
    "whine",
    "quote",
    "cite",
    "paraphrase",
    "dictate",
    "preach",
    "lecture",
    "instruct",
    "advise",
    "counsel",
    "recommend",
    "order",
    "command",
    "direct",
    "decree",
    "rule",
    "find",
    "determine",
    "establish",
    "show",
    "indicate",
    "signal",
    "telegraph",
    "broadcast",
    "air",
    "voice",
    "express",
    "articulate",
    "convey",
    "communicate",
    "stipulate",
    "attest",
    "certify",
    "vouch",
    "profess",
    "avow",
    "allow",
    "grant",
    "recognize",
    "recognise",
    "dispute",
    "contest",
    "question",
    "challenge",
    "deny",
    "refute",
    "rebut",
    "dismiss",
    "reject",
    "criticize",
    "criticise",
    "condemn",
    "denounce",
    "decry",
    "deplore",
    "slam",
    "blast",
    "lambast",
    "lambaste",
    "attack",
    "accuse",
    "blame",
    "praise",
    "hail",
    "applaud",
    "commend",
    "laud",
    "thank",
    "welcome",
    "congratulate",
    "apologize",
    "apologise",
    "threaten",
    "predict",
    "estimate",
    "calculate",
    "figure",
    "guess",
    "reckon",
    "gripe",
    "whinge",
    "protest",
    "object",
    "rail",
    "fret",
    "worry",
    "mention",
    "raise",
    "flag",
    "concur",
    "agree",
    "disagree",
    "echo",
    "second",
    "retract",
    "recant",
    "backtrack",
    "correct",
    "amend",
    "update",
    "emphasise",
    "highlight",
    "spell",
    "call",
    "decline",
    "refuse",
    "defend",
    "discuss",
    "request",
    "label",
    "brand",
    "dub",
    "tout",
    "champion",
];

/// Verbs that address a hearer before the reported clause.
const ADDRESS: &[&str] = &[
    "tell",
    "ask",
    "inform",
    "notify",
    "remind",
    "assure",
    "reassure",
    "warn",
    "advise",
    "caution",
    "promise",
    "persuade",
    "convince",
    "urge",
    "brief",
    "alert",
    "instruct",
    "question",
    "press",
    "challenge",
    "teach",
    "show",
];

/// Verbs of thought, belief, feeling and intention.
const THOUGHT: &[&str] = &[
    "think",
    "believe",
    "feel",
    "hope",
    "fear",
    "know",
    "expect",
    "suspect",
    "doubt",
    "assume",
    "presume",
    "suppose",
    "imagine",
    "consider",
    "reckon",
    "understand",
    "realize",
    "realise",
    "recognize",
    "recognise",
    "conclude",
    "decide",
    "judge",
    "deem",
    "regard",
    "view",
    "see",
    "worry",
    "trust",
    "wish",
    "want",
    "prefer",
    "intend",
    "plan",
    "aim",
    "hope",
    "dream",
    "anticipate",
    "foresee",
    "envision",
    "envisage",
    "predict",
    "sense",
    "perceive",
    "notice",
    "learn",
    "discover",
    "remember",
    "forget",
    "dread",
    "regret",
    "resent",
    "lament",
    "welcome",
    "favour",
    "favor",
    "oppose",
    "support",
    "endorse",
    "back",
    "question",
    "wonder",
    "seek",
    "like",
    "love",
    "hate",
    "dislike",
];

/// Irregular past tense and past participle forms.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said"]),
    ("tell", &["told"]),
    ("write", &["wrote", "written"]),
    ("think", &["thought"]),
    ("know", &["knew", "known"]),
    ("feel", &["felt"]),
    ("find", &["found"]),
    ("see", &["saw", "seen"]),
    ("swear", &["swore", "sworn"]),
    ("teach", &["taught"]),
    ("understand", &["understood"]),
    ("forget", &["forgot", "forgotten"]),
    ("foresee", &["foresaw", "foreseen"]),
    ("forecast", &["forecast", "forecasted"]),
    ("broadcast", &["broadcast"]),
    ("begin", &["began", "begun"]),
    ("learn", &["learned", "learnt"]),
    ("spell", &["spelled", "spelt"]),
    ("dream", &["dreamed", "dreamt"]),
    ("cry", &["cried"]),
    ("reply", &["replied"]),
    ("deny", &["denied"]),
    ("specify", &["specified"]),
    ("clarify", &["clarified"]),
    ("testify", &["testified"]),
    ("certify", &["certified"]),
    ("query", &["queried"]),
    ("worry", &["worried"]),
    ("vouch", &["vouched"]),
];

/// Nominal and prepositional cues, lowercased words, longest first at match time.
const PHRASES: &[&[&str]] = &[
    &["according", "to"],
    &["in", "the", "words", "of"],
    &["in", "a", "statement"],
    &["in", "a", "statement", "to"],
    &["in", "an", "interview"],
    &["in", "an", "interview", "with"],
    &["in", "a", "tweet"],
    &["in", "a", "post"],
    &["in", "a", "letter"],
    &["in", "a", "speech"],
    &["in", "a", "memo"],
    &["in", "a", "report"],
    &["in", "a", "press", "release"],
    &["in", "a", "press", "conference"],
    &["at", "a", "press", "conference"],
    &["on", "twitter"],
    &["on", "x"],
    &["on", "facebook"],
    &["on", "instagram"],
    &["on", "telegram"],
    &["on", "social", "media"],
    &["on", "television"],
    &["on", "tv"],
];

/// Phrases that may extend a verb cue on its right ("said in a statement", "wrote on X").
pub const CUE_EXTENSIONS: &[&[&str]] = &[
    &["in", "a", "statement"],
    &["in", "a", "written", "statement"],
    &["in", "an", "interview"],
    &["in", "a", "tweet"],
    &["in", "a", "post"],
    &["in", "a", "letter"],
    &["in", "a", "speech"],
    &["in", "a", "memo"],
    &["in", "a", "press", "release"],
    &["on", "twitter"],
    &["on", "x"],
    &["on", "facebook"],
    &["on", "telegram"],
    &["on", "instagram"],
    &["on", "social", "media"],
];

/// A matched cue word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueWord {
    pub lemma: &'static str,
    pub class: CueClass,
    /// The surface form is a present participle ("saying").
    pub participle: bool,
}

/// The cue lexicon, built once.
pub struct Lexicon {
    forms: HashMap<String, CueWord>,
}

impl Lexicon {
    /// The process-wide lexicon.
    pub fn global() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut forms = HashMap::new();
        // Later classes do not overwrite earlier ones: speech beats address beats thought.
        for (list, class) in [
            (SPEECH, CueClass::Speech),
            (ADDRESS, CueClass::Address),
            (THOUGHT, CueClass::Thought),
        ] {
            for &lemma in list {
                let class = if class == CueClass::Speech && is_report_verb(lemma) {
                    CueClass::Report
                } else if class == CueClass::Speech && ADDRESS.contains(&lemma) {
                    CueClass::Address
                } else {
                    class
                };
                for (form, participle) in inflect(lemma) {
                    forms.entry(form).or_insert(CueWord {
                        lemma,
                        class,
                        participle,
                    });
                }
            }
        }
        Lexicon { forms }
    }

    /// The cue a lowercased word form is, if any.
    pub fn verb(&self, lower: &str) -> Option<CueWord> {
        // Called for every token: allocate only when there is a curly apostrophe to straighten.
        if lower.contains('’') {
            let key = lower.replace('’', "'");
            return self.forms.get(key.as_str()).copied();
        }
        self.forms.get(lower).copied()
    }

    /// Number of lemmas the lexicon holds (for documentation and tests).
    pub fn lemma_count() -> usize {
        let mut all: Vec<&str> = SPEECH
            .iter()
            .chain(ADDRESS)
            .chain(THOUGHT)
            .copied()
            .collect();
        all.sort_unstable();
        all.dedup();
        all.len()
    }

    /// The longest nominal cue phrase starting at `words[0]`, as a word count.
    pub fn phrase_at(words: &[&str]) -> Option<usize> {
        longest_match(PHRASES, words)
    }
}

/// The longest of `phrases` that `words` starts with, as a word count.
pub fn longest_match(phrases: &[&[&str]], words: &[&str]) -> Option<usize> {
    phrases
        .iter()
        .filter(|p| p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| a == b))
        .map(|p| p.len())
        .max()
}

/// Verbs of saying that usually take an object rather than a clause, so a clause must be marked
/// ("that", a question word) before their complement counts as reported speech.
fn is_report_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "announce"
            | "call"
            | "decline"
            | "refuse"
            | "defend"
            | "discuss"
            | "request"
            | "label"
            | "brand"
            | "dub"
            | "tout"
            | "champion"
            | "promise"
            | "pledge"
            | "vow"
            | "deny"
            | "reveal"
            | "disclose"
            | "describe"
            | "report"
            | "offer"
            | "raise"
            | "mention"
            | "cite"
            | "quote"
            | "show"
            | "find"
            | "determine"
            | "establish"
            | "indicate"
            | "signal"
            | "express"
            | "voice"
            | "dismiss"
            | "reject"
            | "criticize"
            | "criticise"
            | "condemn"
            | "denounce"
            | "decry"
            | "deplore"
            | "slam"
            | "blast"
            | "lambast"
            | "lambaste"
            | "attack"
            | "accuse"
            | "blame"
            | "praise"
            | "hail"
            | "applaud"
            | "commend"
            | "laud"
            | "thank"
            | "welcome"
            | "congratulate"
            | "question"
            | "challenge"
            | "dispute"
            | "contest"
            | "order"
            | "command"
            | "direct"
            | "rule"
            | "air"
            | "point"
            | "close"
            | "begin"
            | "finish"
            | "update"
            | "correct"
            | "amend"
            | "second"
            | "echo"
            | "object"
            | "post"
            | "text"
            | "figure"
            | "highlight"
            | "spell"
            | "recommend"
            | "propose"
            | "estimate"
            | "calculate"
            | "predict"
            | "forecast"
    )
}

/// All forms of a regular or irregular verb, each with whether it is the present participle.
fn inflect(lemma: &'static str) -> Vec<(String, bool)> {
    let mut forms = vec![(lemma.to_owned(), false)];
    let bytes = lemma.as_bytes();
    let last = bytes.last().copied().unwrap_or(b'a');
    let before_last = if bytes.len() >= 2 {
        bytes[bytes.len() - 2]
    } else {
        b'a'
    };
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    // Third person singular.
    let third = if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
    {
        format!("{lemma}es")
    } else if last == b'y' && !vowel(before_last) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    forms.push((third, false));
    // Past and participle.
    if let Some((_, past)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        for p in past.iter() {
            forms.push(((*p).to_owned(), false));
        }
    } else if last == b'e' {
        forms.push((format!("{lemma}d"), false));
    } else if last == b'y' && !vowel(before_last) {
        forms.push((format!("{}ied", &lemma[..lemma.len() - 1]), false));
    } else if doubles_final_consonant(lemma) {
        forms.push((format!("{lemma}{}ed", last as char), false));
    } else {
        forms.push((format!("{lemma}ed"), false));
    }
    // Present participle.
    let ing = if lemma.ends_with("ee") || lemma.ends_with("ye") || lemma.ends_with("oe") {
        format!("{lemma}ing")
    } else if let Some(stem) = lemma.strip_suffix("ie") {
        format!("{stem}ying")
    } else if last == b'e' && lemma.len() > 2 {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else if doubles_final_consonant(lemma) {
        format!("{lemma}{}ing", last as char)
    } else {
        format!("{lemma}ing")
    };
    forms.push((ing, true));
    forms
}

/// Short stressed closed syllables double their consonant ("chat" → "chatted"); a list is safer
/// than a stress rule.
fn doubles_final_consonant(lemma: &str) -> bool {
    matches!(
        lemma,
        "quip"
            | "snap"
            | "chat"
            | "plan"
            | "beg"
            | "admit"
            | "commit"
            | "permit"
            | "submit"
            | "regret"
            | "refer"
            | "prefer"
            | "confer"
            | "concur"
            | "infer"
            | "aver"
            | "abet"
            | "rebut"
            | "omit"
            | "sob"
            | "stop"
            | "drop"
            | "jot"
            | "blog"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_are_generated() {
        let lexicon = Lexicon::global();
        for form in [
            "said", "says", "saying", "wrote", "written", "added", "adding", "lamented", "replied",
            "quipped", "argues", "admitted", "told", "tweeted", "denies", "believes", "hoping",
        ] {
            assert!(lexicon.verb(form).is_some(), "{form}");
        }
        assert!(lexicon.verb("saying").is_some_and(|c| c.participle));
        assert_eq!(
            lexicon.verb("told").map(|c| c.class),
            Some(CueClass::Address)
        );
        assert!(lexicon.verb("table").is_none());
        assert!(Lexicon::lemma_count() >= 250, "{}", Lexicon::lemma_count());
    }

    #[test]
    fn phrases_match_longest_first() {
        assert_eq!(
            Lexicon::phrase_at(&["according", "to", "officials"]),
            Some(2)
        );
        assert_eq!(
            Lexicon::phrase_at(&["in", "a", "statement", "to", "reporters"]),
            Some(4)
        );
        assert_eq!(Lexicon::phrase_at(&["in", "a", "moment"]), None);
    }
}
