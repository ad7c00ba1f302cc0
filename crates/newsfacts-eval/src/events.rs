//! Event coding against two gold sets: the PLOVER GSR records (`PLOVER_GSR_CAMEO.txt`: one
//! sentence, one PLOVER event with its source and target actors) and the PETRARCH-2 validation
//! sentences (`PETR2_GSR_validation.xml`: CAMEO codings, scored through the CAMEO→PLOVER map).
//!
//! Neither set has a split, so records are split by their index: even indices are the tuning
//! half (the only one looked at while writing the lexicon), odd indices the held-out half.
//! Every report gives both halves and the total.
//!
//! Scoring rules:
//! - PLOVER GSR: each sentence runs through the whole pipeline. The *primary* predicted event
//!   is the one whose trigger is highest in the dependency tree (ties: first in the text).
//!   Type accuracy (strict) = primary type equals the gold type (mapped to the current 16
//!   types, see [`current_plover`]); lenient = the gold type is among all predicted types.
//!   Actor accuracy: over records with a gold source, the primary event's actor (its name or
//!   the words of a mention that names its entity) and some gold source `actorText` contain
//!   one another as a run of whole words, after country names, abbreviations and demonyms are
//!   unified through a small alias table ([`ACTOR_ALIASES`]: "U.S.", "US", "American" and
//!   "United States" are one party; "us" in lower case is a pronoun); recipient likewise with
//!   the gold targets, over records with a gold target.
//! - PETR2: the unit is a (sentence, PLOVER type) pair: the gold codings of a sentence are
//!   mapped to PLOVER types and deduplicated (PETRARCH codes one event twice for a compound
//!   actor, "Brazil and the United States"); each gold type is correct when some predicted
//!   event of the sentence has that type. A sentence coded `noevents` is one unit, correct when
//!   nothing is predicted. Accuracy = correct units / units. Precision = predicted (sentence,
//!   type) pairs that are gold / predicted pairs.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use newsfacts_analysts::Pipeline;
use newsfacts_doc::{Document, Event, Participant};

#[derive(Debug, thiserror::Error)]
pub enum EventsEvalError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not the expected JSON: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
}

/// Maps the PLOVER 0.5/0.6 type names of the GSR records to the current 16 types: DEMAND became
/// REQUEST, DISAPPROVE and INVESTIGATE became ACCUSE (modes `disapprove`, `investigate`), FIGHT
/// became ASSAULT (conventional force). DOCUMENT records (file documentation) and CRIME have no
/// current type.
pub fn current_plover(old: &str) -> Option<&'static str> {
    let current = match old {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => newsfacts_analysts::events::lexicon::PLOVER_TYPES
            .iter()
            .find(|t| **t == other)?,
    };
    Some(current)
}

/// One PLOVER GSR record.
#[derive(Debug, Clone)]
pub struct PloverRecord {
    pub id: String,
    /// Position among the scored records (DOCUMENT records skipped): even = tuning half.
    pub index: usize,
    pub plover: String,
    pub text: String,
    pub sources: Vec<String>,
    pub targets: Vec<String>,
}

fn actor_texts(value: Option<&serde_json::Value>) -> Vec<String> {
    match value {
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|a| a.get("actorText").and_then(|t| t.as_str()))
            .map(str::to_owned)
            .filter(|t| !t.trim().is_empty())
            .collect(),
        Some(serde_json::Value::Object(_)) => actor_texts(Some(&serde_json::Value::Array(vec![
            value.cloned().unwrap_or_default(),
        ]))),
        _ => Vec::new(),
    }
}

/// Reads `PLOVER_GSR_CAMEO.txt` (a JSON array).
pub fn load_plover_gsr(path: &Path) -> Result<Vec<PloverRecord>, EventsEvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EventsEvalError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let items: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|source| EventsEvalError::Json {
            path: path.display().to_string(),
            source,
        })?;
    let mut records = Vec::new();
    for item in items {
        let Some(old) = item.get("event").and_then(|e| e.as_str()) else {
            continue;
        };
        let Some(plover) = current_plover(old) else {
            continue;
        };
        let Some(sentence) = item.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        records.push(PloverRecord {
            id: item
                .get("id")
                .and_then(|i| i.as_str())
                .unwrap_or("")
                .to_owned(),
            index: records.len(),
            plover: plover.to_owned(),
            text: sentence.to_owned(),
            sources: actor_texts(item.get("source")),
            targets: actor_texts(item.get("target")),
        });
    }
    Ok(records)
}

/// One PETRARCH-2 validation sentence with its gold codings (`None` for `noevents`).
#[derive(Debug, Clone)]
pub struct Petr2Sentence {
    pub id: String,
    pub index: usize,
    pub text: String,
    pub codes: Vec<Option<String>>,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_owned())
}

/// Reads `PETR2_GSR_validation.xml`. The file is not well-formed XML (its header is free text),
/// so sentences are read by their tags: each `<Sentence …>` with the `<EventCoding …>` and
/// `<Text>` that follow it.
pub fn load_petr2(path: &Path) -> Result<Vec<Petr2Sentence>, EventsEvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EventsEvalError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let mut sentences = Vec::new();
    for chunk in text.split("<Sentence ").skip(1) {
        let tag_end = chunk.find('>').unwrap_or(chunk.len());
        let id = attribute(&chunk[..tag_end], "id").unwrap_or_default();
        let mut codes = Vec::new();
        for coding in chunk.split("<EventCoding").skip(1) {
            let end = coding.find('>').unwrap_or(coding.len());
            let tag = &coding[..end];
            if let Some(code) = attribute(tag, "eventcode") {
                codes.push(Some(code));
            } else if attribute(tag, "noevents").is_some() {
                codes.push(None);
            }
        }
        let body = chunk
            .split_once("<Text>")
            .and_then(|(_, rest)| rest.split_once("</Text>"))
            .map(|(body, _)| body.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        if body.is_empty() || codes.is_empty() {
            continue;
        }
        sentences.push(Petr2Sentence {
            id,
            index: sentences.len(),
            text: body,
            codes,
        });
    }
    Ok(sentences)
}

/// The CAMEO→PLOVER table (`CAMEO2PLOVER-2021.txt`: `code: TYPE, mode, context # comment`).
#[derive(Debug, Clone, Default)]
pub struct CameoMap {
    types: BTreeMap<String, String>,
}

impl CameoMap {
    pub fn parse(text: &str) -> CameoMap {
        let mut types = BTreeMap::new();
        for line in text.lines() {
            let line = line.trim();
            let Some((code, rest)) = line.split_once(':') else {
                continue;
            };
            if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let plover = rest.split([',', '#']).next().unwrap_or("").trim();
            if !plover.is_empty() {
                types.entry(code.to_owned()).or_insert(plover.to_owned());
            }
        }
        CameoMap { types }
    }

    /// The PLOVER type of a CAMEO code: its own entry, else its three-digit parent, else its
    /// root.
    pub fn plover(&self, code: &str) -> Option<&str> {
        (2..=code.len())
            .rev()
            .filter_map(|n| code.get(..n))
            .find_map(|prefix| self.types.get(prefix))
            .map(String::as_str)
    }
}

fn analyse(pipeline: &Pipeline, text: &str) -> Document {
    let article = newsfacts_ingest::text::article_from_text(text, None);
    pipeline.analyze(article)
}

/// Depth of the token at byte `offset` in the dependency tree (root = 0).
fn depth_at(doc: &Document, offset: usize) -> usize {
    let Some(mut i) = doc.tokens.iter().position(|t| t.end > offset) else {
        return usize::MAX;
    };
    let mut depth = 0;
    while doc.tokens[i].head != i && depth < 64 {
        i = doc.tokens[i].head;
        if i >= doc.tokens.len() {
            break;
        }
        depth += 1;
    }
    depth
}

/// The event that stands for the sentence: highest trigger in the tree, then first.
pub fn primary_event(doc: &Document) -> Option<&Event> {
    doc.events
        .iter()
        .min_by_key(|e| (depth_at(doc, e.trigger.start), e.trigger.start))
}

/// How a participant is written in the sentence: its name, and when it is an entity, the
/// words of each mention that names that entity ("Hungarian" for the entity Hungary). The gold
/// marks actors as written, so a canonical name alone would miss demonyms and surnames.
fn written_forms(doc: &Document, participant: Option<&Participant>) -> Vec<String> {
    let Some(participant) = participant else {
        return Vec::new();
    };
    let mut forms = vec![participant.name.clone()];
    if let Some(id) = &participant.entity
        && let Some(entity) = doc.entities.iter().find(|entity| &entity.id == id)
    {
        // Names only: a pronoun's two letters would match inside any gold phrase.
        forms.extend(
            entity
                .mentions
                .iter()
                .filter(|mention| {
                    matches!(
                        mention.label.as_deref(),
                        Some("name" | "surname" | "title" | "demonym")
                    )
                })
                .map(|mention| mention.text.clone()),
        );
    }
    forms
}

/// Country names, abbreviations and demonyms that name the same party, each group written
/// as lowercase word sequences with its canonical key first. The gold marks actors as
/// written ("the U.S.", "American officials", "Britain"); a predicted participant may carry
/// the entity's canonical name ("United States"). A small, fixed table: the countries and
/// bodies most often in international news, with their usual short forms and demonyms.
const ACTOR_ALIASES: &[&[&str]] = &[
    &[
        "united states",
        "us",
        "usa",
        "america",
        "american",
        "americans",
        "washington",
    ],
    &[
        "united kingdom",
        "uk",
        "britain",
        "great britain",
        "british",
        "london",
    ],
    &["european union", "eu"],
    &["united nations", "un"],
    &[
        "nato",
        "north atlantic treaty organization",
        "north atlantic treaty organisation",
    ],
    &[
        "russia",
        "russian",
        "russians",
        "russian federation",
        "moscow",
        "kremlin",
    ],
    &["china", "chinese", "beijing", "prc"],
    &[
        "north korea",
        "north korean",
        "north koreans",
        "dprk",
        "pyongyang",
    ],
    &["south korea", "south korean", "south koreans", "seoul"],
    &["israel", "israeli", "israelis"],
    &["palestine", "palestinian", "palestinians"],
    &["iran", "iranian", "iranians", "tehran"],
    &["iraq", "iraqi", "iraqis", "baghdad"],
    &["syria", "syrian", "syrians", "damascus"],
    &["ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"],
    &["france", "french", "paris"],
    &["germany", "german", "germans", "berlin"],
    &["japan", "japanese", "tokyo"],
    &["india", "indian", "indians"],
    &["pakistan", "pakistani", "pakistanis", "islamabad"],
    &["afghanistan", "afghan", "afghans", "kabul"],
    &["egypt", "egyptian", "egyptians", "cairo"],
    &["turkey", "turkish", "turks", "ankara"],
    &["saudi arabia", "saudi", "saudis", "riyadh"],
    &["lebanon", "lebanese", "beirut"],
    &["jordan", "jordanian", "jordanians", "amman"],
    &["yemen", "yemeni", "yemenis"],
    &["libya", "libyan", "libyans", "tripoli"],
    &["sudan", "sudanese", "khartoum"],
    &["somalia", "somali", "somalis", "mogadishu"],
    &["ethiopia", "ethiopian", "ethiopians", "addis ababa"],
    &["kenya", "kenyan", "kenyans", "nairobi"],
    &["nigeria", "nigerian", "nigerians"],
    &["rwanda", "rwandan", "rwandans", "kigali"],
    &["serbia", "serbian", "serbians", "serb", "serbs", "belgrade"],
    &["georgia", "georgian", "georgians", "tbilisi"],
    &["poland", "polish", "poles", "warsaw"],
    &["hungary", "hungarian", "hungarians", "budapest"],
    &["spain", "spanish", "madrid"],
    &["italy", "italian", "italians", "rome"],
    &["greece", "greek", "greeks", "athens"],
    &["mexico", "mexican", "mexicans"],
    &["venezuela", "venezuelan", "venezuelans", "caracas"],
    &["colombia", "colombian", "colombians", "bogota"],
    &["cuba", "cuban", "cubans", "havana"],
    &["brazil", "brazilian", "brazilians"],
    &["canada", "canadian", "canadians", "ottawa"],
    &["australia", "australian", "australians", "canberra"],
    &["thailand", "thai", "bangkok"],
    &["vietnam", "vietnamese", "hanoi"],
    &["indonesia", "indonesian", "indonesians", "jakarta"],
    &[
        "philippines",
        "filipino",
        "filipinos",
        "philippine",
        "manila",
    ],
    &["myanmar", "burma", "burmese"],
    &["zimbabwe", "zimbabwean", "zimbabweans", "harare"],
];

/// Words that say nothing about which party is meant.
const ACTOR_STOPWORDS: &[&str] = &["the", "a", "an"];

/// An actor phrase as comparable words: lowercased, dots dropped ("U.S." → "us"), split at
/// everything that is not a letter, digit or apostrophe, possessive endings dropped, aliases replaced by their group's key
/// (longest alias first), stop words dropped. "US" in capitals is the country; "us" in lower
/// case is a pronoun and stays a word.
fn actor_words(text: &str) -> Vec<String> {
    let raw: Vec<(String, bool)> = text
        .replace('.', "")
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_end_matches("'s").trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(|w| (w.to_lowercase(), w.chars().all(|c| c.is_uppercase())))
        .collect();
    let mut words = Vec::new();
    let mut i = 0;
    'next: while i < raw.len() {
        for span in (1..=4.min(raw.len() - i)).rev() {
            let phrase = raw[i..i + span]
                .iter()
                .map(|(w, _)| w.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if phrase == "us" && !raw[i].1 {
                continue;
            }
            if let Some(group) = ACTOR_ALIASES.iter().find(|g| g.contains(&phrase.as_str())) {
                words.push(format!("={}", group[0]));
                i += span;
                continue 'next;
            }
        }
        if !ACTOR_STOPWORDS.contains(&raw[i].0.as_str()) {
            words.push(raw[i].0.clone());
        }
        i += 1;
    }
    words
}

/// Whether `needle` occurs as a run of whole words in `hay`.
fn contains_words(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Whether a predicted participant names a gold actor: the words of one contain the words of
/// the other as a run ("Hungarian officials" and "Hungary"; "the U.S." and "United States"),
/// after [`actor_words`]. Whole words only: "us" does not match inside "Russia".
fn names_match(predicted: &str, gold: &[String]) -> bool {
    let p = actor_words(predicted);
    !p.is_empty()
        && gold.iter().any(|g| {
            let g = actor_words(g);
            contains_words(&g, &p) || contains_words(&p, &g)
        })
}

/// Counts for one half of a set.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    pub units: usize,
    pub correct: usize,
}

impl Tally {
    pub fn add(&mut self, correct: bool) {
        self.units += 1;
        self.correct += usize::from(correct);
    }

    pub fn accuracy(&self) -> f64 {
        if self.units == 0 {
            0.0
        } else {
            self.correct as f64 / self.units as f64
        }
    }

    fn describe(&self) -> String {
        format!(
            "{:>5.1} % ({}/{})",
            100.0 * self.accuracy(),
            self.correct,
            self.units
        )
    }
}

/// The three halves: tuning (even index), held-out (odd), total.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Halves {
    pub tune: Tally,
    pub held_out: Tally,
    pub total: Tally,
}

impl Halves {
    fn add(&mut self, index: usize, correct: bool) {
        if index % 2 == 0 {
            self.tune.add(correct);
        } else {
            self.held_out.add(correct);
        }
        self.total.add(correct);
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:<26} tune {}  held-out {}  total {}\n",
            self.tune.describe(),
            self.held_out.describe(),
            self.total.describe()
        )
    }
}

/// Scores on the PLOVER GSR records.
#[derive(Debug, Clone, Default)]
pub struct PloverReport {
    pub type_strict: Halves,
    pub type_lenient: Halves,
    pub actor: Halves,
    pub recipient: Halves,
    /// Gold type → predicted primary type (or `-`) → count, over all records.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// One line per record: index, id, gold, predicted, whether actor and recipient matched,
    /// all predicted events.
    pub lines: Vec<String>,
}

impl PloverReport {
    pub fn describe(&self) -> String {
        let mut out = String::new();
        out.push_str(&self.type_strict.line("event type (primary)"));
        out.push_str(&self.type_lenient.line("event type (any event)"));
        out.push_str(&self.actor.line("actor"));
        out.push_str(&self.recipient.line("recipient"));
        out.push_str("confusion (gold: predicted primary×count):\n");
        for (gold, row) in &self.confusion {
            let cells: Vec<String> = row.iter().map(|(p, n)| format!("{p}×{n}")).collect();
            let _ = writeln!(out, "  {gold:<10} {}", cells.join(" "));
        }
        out
    }
}

/// Runs the pipeline on every PLOVER GSR record and scores it.
pub fn score_plover(records: &[PloverRecord]) -> PloverReport {
    score_plover_with(records, &Pipeline::new())
}

/// [`score_plover`] with a given pipeline (one with a user's CAMEO verb dictionary, say).
pub fn score_plover_with(records: &[PloverRecord], pipeline: &Pipeline) -> PloverReport {
    let mut report = PloverReport::default();
    for record in records {
        let doc = analyse(pipeline, &record.text);
        let primary = primary_event(&doc);
        let predicted = primary.map_or("-", |e| e.plover.as_str());
        report
            .type_strict
            .add(record.index, predicted == record.plover);
        report.type_lenient.add(
            record.index,
            doc.events.iter().any(|e| e.plover == record.plover),
        );
        let actor = primary
            .and_then(|e| e.actor.as_ref())
            .map_or("", |a| a.name.as_str());
        let recipient = primary
            .and_then(|e| e.recipient.as_ref())
            .map_or("", |a| a.name.as_str());
        let written = |participant: Option<&Participant>| written_forms(&doc, participant);
        let mut actor_ok = None;
        if !record.sources.is_empty() {
            let forms = written(primary.and_then(|e| e.actor.as_ref()));
            let ok = forms.iter().any(|form| names_match(form, &record.sources));
            report.actor.add(record.index, ok);
            actor_ok = Some(ok);
        }
        let mut recipient_ok = None;
        if !record.targets.is_empty() {
            let forms = written(primary.and_then(|e| e.recipient.as_ref()));
            let ok = forms.iter().any(|form| names_match(form, &record.targets));
            report.recipient.add(record.index, ok);
            recipient_ok = Some(ok);
        }
        let verdict = |ok: Option<bool>| match ok {
            Some(true) => "ok",
            Some(false) => "miss",
            None => "-",
        };
        *report
            .confusion
            .entry(record.plover.clone())
            .or_default()
            .entry(predicted.to_owned())
            .or_default() += 1;
        report.lines.push(format!(
            "{}\t{}\tgold {} {:?}->{:?}\tpredicted {} {:?}->{:?}\tactor {} recipient {}\tall [{}]",
            record.index,
            record.id,
            record.plover,
            record.sources,
            record.targets,
            predicted,
            actor,
            recipient,
            verdict(actor_ok),
            verdict(recipient_ok),
            doc.events
                .iter()
                .map(|e| format!("{}:{}", e.plover, e.trigger.text))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    report
}

/// Scores on the PETR2 validation sentences.
#[derive(Debug, Clone, Default)]
pub struct Petr2Report {
    pub accuracy: Halves,
    /// Predicted (sentence, type) pairs that are gold, over all predicted pairs.
    pub precision: Halves,
    /// The gold CAMEO roots found among the roots of the events' own CAMEO codes (events have
    /// them only with a user's CAMEO verb dictionary).
    pub root_accuracy: Halves,
    /// Events that carried a CAMEO code.
    pub cameo_coded: usize,
    pub sentences: usize,
    pub codings: usize,
    pub lines: Vec<String>,
}

impl Petr2Report {
    pub fn describe(&self) -> String {
        let mut out = format!(
            "{} sentences, {} gold codings (noevents included)\n",
            self.sentences, self.codings
        );
        out.push_str(&self.accuracy.line("CAMEO→PLOVER accuracy"));
        out.push_str(&self.precision.line("precision"));
        if self.cameo_coded > 0 {
            out.push_str(&self.root_accuracy.line("CAMEO root accuracy"));
        }
        out
    }
}

/// Runs the pipeline on every PETR2 sentence and scores the codings through `map`.
pub fn score_petr2(sentences: &[Petr2Sentence], map: &CameoMap) -> Petr2Report {
    score_petr2_with(sentences, map, &Pipeline::new())
}

/// [`score_petr2`] with a given pipeline (one with a user's CAMEO verb dictionary, say).
pub fn score_petr2_with(
    sentences: &[Petr2Sentence],
    map: &CameoMap,
    pipeline: &Pipeline,
) -> Petr2Report {
    let mut report = Petr2Report {
        sentences: sentences.len(),
        ..Petr2Report::default()
    };
    for sentence in sentences {
        report.codings += sentence.codes.len();
        let doc = analyse(pipeline, &sentence.text);
        let predicted: BTreeSet<&str> = doc.events.iter().map(|e| e.plover.as_str()).collect();
        let gold: BTreeSet<&str> = sentence
            .codes
            .iter()
            .flatten()
            .filter_map(|code| map.plover(code))
            .collect();
        if gold.is_empty() {
            report.accuracy.add(sentence.index, predicted.is_empty());
        } else {
            for g in &gold {
                report.accuracy.add(sentence.index, predicted.contains(g));
            }
        }
        for p in &predicted {
            report.precision.add(sentence.index, gold.contains(p));
        }
        // CAMEO itself, where a user's dictionary gave the events CAMEO codes: the gold codes'
        // roots (two digits) against the roots of the predicted codes, scored as above.
        let root = |code: &str| code.get(..2).map(str::to_owned);
        let predicted_roots: BTreeSet<String> = doc
            .events
            .iter()
            .filter_map(|e| e.cameo.as_deref().and_then(root))
            .collect();
        report.cameo_coded += doc.events.iter().filter(|e| e.cameo.is_some()).count();
        let gold_roots: BTreeSet<String> = sentence
            .codes
            .iter()
            .flatten()
            .filter_map(|c| root(c))
            .collect();
        if gold_roots.is_empty() {
            report
                .root_accuracy
                .add(sentence.index, predicted_roots.is_empty());
        } else {
            for g in &gold_roots {
                report
                    .root_accuracy
                    .add(sentence.index, predicted_roots.contains(g));
            }
        }
        report.lines.push(format!(
            "{}\t{}\tgold [{}]\tpredicted [{}]\t{}",
            sentence.index,
            sentence.id,
            gold.iter().copied().collect::<Vec<_>>().join(","),
            doc.events
                .iter()
                .map(|e| format!(
                    "{}:{} {:?}->{:?}",
                    e.plover,
                    e.trigger.text,
                    e.actor.as_ref().map(|a| a.name.as_str()),
                    e.recipient.as_ref().map(|a| a.name.as_str())
                ))
                .collect::<Vec<_>>()
                .join(", "),
            sentence.text
        ));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_names_map_to_current_types() {
        assert_eq!(current_plover("DEMAND"), Some("REQUEST"));
        assert_eq!(current_plover("DISAPPROVE"), Some("ACCUSE"));
        assert_eq!(current_plover("FIGHT"), Some("ASSAULT"));
        assert_eq!(current_plover("AGREE"), Some("AGREE"));
        assert_eq!(current_plover("DOCUMENT"), None);
    }

    #[test]
    fn actor_names_match_by_whole_words_and_aliases() {
        let gold = |g: &str| vec![g.to_string()];
        assert!(names_match("United States", &gold("the U.S.")));
        assert!(names_match("US", &gold("American officials")));
        assert!(names_match("Hungary", &gold("Senior Hungarian officials")));
        assert!(names_match("Russia", &gold("Russian troops")));
        assert!(!names_match("us", &gold("Russia")));
        assert!(!names_match("US", &gold("Russia")));
        assert!(!names_match("Iran", &gold("Iraq")));
        assert!(!names_match("the", &gold("the government")));
        assert!(names_match("Kuleba", &gold("Dmytro Kuleba")));
        assert!(names_match("Jordan", &gold("Jordan's King Abdullah II")));
        assert!(names_match("Britain", &gold("Britain’s government")));
    }

    #[test]
    fn cameo_map_takes_the_most_specific_entry() {
        let map = CameoMap::parse(
            "# header\n16: SANCTION\n160: SANCTION, , # x\n163: COERCE, restrict, diplomatic # y\n",
        );
        assert_eq!(map.plover("163"), Some("COERCE"));
        assert_eq!(map.plover("1621"), Some("SANCTION"));
        assert_eq!(map.plover("16"), Some("SANCTION"));
        assert_eq!(map.plover("99"), None);
    }

    #[test]
    fn petr2_sentences_are_read_by_tags() {
        let dir = std::env::temp_dir().join(format!("nf-petr2-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("v.xml");
        let xml = "<Validation>\n# <EventCoding...> header\n<Sentences>\n\
            <Sentence id=\"A_1\" evaluate=\"true\"/>\n<EventCoding eventcode=\"042\" sourcecode=\"USA\" />\n\
            <Text>\nThe US leader\nvisited China.\n</Text>\n\
            <Sentence id=\"B_2\"/>\n<EventCoding noevents=\"True\" />\n<Text>Nothing.</Text>\n";
        std::fs::write(&path, xml).expect("temp file");
        let sentences = load_petr2(&path).expect("reads");
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].text, "The US leader visited China.");
        assert_eq!(sentences[0].codes, vec![Some("042".to_string())]);
        assert_eq!(sentences[1].codes, vec![None]);
    }
}
