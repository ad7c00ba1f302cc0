//! The annotation layers of a [`crate::Document`]. Field names are those of the JSON contract;
//! offsets are bytes here and characters once [`crate::json::to_output`] has converted them.

use serde::{Deserialize, Serialize};

use crate::Span;

/// Rewrites every offset a value holds. The JSON edge uses it to turn byte offsets into
/// character offsets without each layer knowing about the conversion.
pub trait MapOffsets {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize);
}

impl<T: MapOffsets> MapOffsets for Vec<T> {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        for item in self {
            item.map_offsets(f);
        }
    }
}

impl<T: MapOffsets> MapOffsets for Option<T> {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        if let Some(item) = self {
            item.map_offsets(f);
        }
    }
}

impl MapOffsets for Span {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.start = f(self.start);
        self.end = f(self.end);
    }
}

/// Offsets plus the words they cover: how the contract names a piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl TextSpan {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

impl MapOffsets for TextSpan {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.start = f(self.start);
        self.end = f(self.end);
    }
}

/// One token with spaCy-compatible attributes (the `tokens` layer, on request).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Fine-grained Penn Treebank tag (`NNP`).
    pub tag: String,
    /// Universal part of speech (`PROPN`).
    pub pos: String,
    pub lemma: String,
    /// Index of the head token in the document's token list; a root points at itself.
    pub head: usize,
    pub dep: String,
    /// IOB tag with label, as spaCy gives them: `B-PERSON`, `I-PERSON`, `O`.
    pub ent: String,
}

impl MapOffsets for Token {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.start = f(self.start);
        self.end = f(self.end);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    /// A collective source: "western officials", "EU states".
    Group,
    Other,
}

/// A canonical entity with every mention of it in the article and the roles the article gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub roles: Vec<Role>,
    pub mentions: Vec<Mention>,
    /// The entity's entry in the actor dictionary the user gave (`--actors`, Phoenix/PETRARCH
    /// format), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorCoding>,
}

/// An entity's entry in a Phoenix/PETRARCH actor dictionary: its CAMEO actor code on the
/// article's date, and every code the entry gives with its dates (the roles over time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorCoding {
    /// The entry's primary phrase as the dictionary writes it ("VLADIMIR_PUTIN_").
    pub entry: String,
    /// The name of the entity that matched the entry (one of its mentions).
    pub matched: String,
    /// The code in force on the article's publication date (the entry's undated default
    /// code when no dated one covers it); without a publication date, the code of the range
    /// still open (`>date`) that starts last, else the default. Null when no code applies
    /// (the null code "---", or nothing covers the date and there is no default).
    pub code: Option<String>,
    /// Every code of the entry, in dictionary order.
    pub codes: Vec<DatedActorCode>,
}

/// One code of an actor entry with the dates it applies between (inclusive, ISO dates); both
/// null for the entry's default code. A null `code` is the dictionary's null code "---".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedActorCode {
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

impl MapOffsets for Entity {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.roles.map_offsets(f);
        self.mentions.map_offsets(f);
    }
}

/// A role as the article states it ("US state department spokesman"), with the organisation or
/// country it names, where it names one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// Where the role is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<TextSpan>,
}

impl MapOffsets for Role {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.evidence.map_offsets(f);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The NER label of a named mention (`PERSON`, `ORG`, `GPE`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl MapOffsets for Mention {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.start = f(self.start);
        self.end = f(self.end);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Partial,
    Mixed,
    Sourced,
}

/// Who said what: content span(s), the cue that introduces them, and the speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    pub kind: QuoteKind,
    pub text: String,
    /// The content, possibly discontinuous.
    pub spans: Vec<Span>,
    pub cue: Option<TextSpan>,
    /// What kind of attribution the cue makes: said, thought, sourced, or another stance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_class: Option<CueClass>,
    pub speaker: Option<Speaker>,
    pub confidence: f32,
}

/// What a quote's cue attributes. Newsrooms want "who said what" apart from what the article
/// says someone believes or intends; annotated corpora such as PolNeAR count all of them as
/// attributions, so all are kept and told apart here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueClass {
    /// A verb of saying, writing or announcing ("said", "wrote", "told", "pledged").
    Speech,
    /// A verb of thinking, believing, expecting ("believes", "knows", "expect").
    Thought,
    /// A sourcing phrase ("according to", "in a statement").
    Sourcing,
    /// Any other stance the article attributes ("are willing", "boycotted", "hammered").
    Other,
}

impl MapOffsets for Quote {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.spans.map_offsets(f);
        self.cue.map_offsets(f);
        self.speaker.map_offsets(f);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The canonical entity's id, when the speaker resolves to one.
    pub entity: Option<String>,
    pub name: String,
    pub mention: TextSpan,
}

impl MapOffsets for Speaker {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.mention.map_offsets(f);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    Count,
    Money,
    Percent,
    Ratio,
    Rate,
    Length,
    Mass,
    Area,
    Volume,
    Speed,
    Temperature,
    Duration,
    Date,
    Time,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Bound {
    #[serde(rename = "less than")]
    LessThan,
    #[serde(rename = "at most")]
    AtMost,
    #[serde(rename = "more than")]
    MoreThan,
    #[serde(rename = "at least")]
    AtLeast,
}

/// A number with what it measures, normalised.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Quantity {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: Option<QuantityKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    pub approximate: bool,
    pub bound: Option<Bound>,
    pub unit: Option<String>,
    /// ISO 4217 code for money.
    pub currency: Option<String>,
    /// The thing counted ("artillery shells").
    pub of: Option<String>,
    /// For rates: the denominator ("year").
    pub per: Option<String>,
    /// For dates: the resolved ISO date (or partial date, `2023-03`).
    pub date: Option<String>,
}

impl MapOffsets for Quantity {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.start = f(self.start);
        self.end = f(self.end);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Consistent,
    Inconsistent,
    Unverifiable,
}

/// An arithmetic claim of the article tested against the article's own numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub claim: TextSpan,
    pub verdict: Verdict,
    /// The computation written out for a reader: `(224,000 + 2,300) / 1,000,000 = 0.2263`.
    pub computation: String,
    /// Ids of the quantities the computation used.
    pub inputs: Vec<String>,
}

impl MapOffsets for Check {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.claim.map_offsets(f);
    }
}

/// An actor or recipient of an event: a canonical entity where one resolves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub entity: Option<String>,
    pub name: String,
}

/// The 16 PLOVER event types an [`Event`]'s `plover` field takes.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// Who did what to whom, coded in PLOVER.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub plover: String,
    pub mode: Option<String>,
    pub actor: Option<Participant>,
    pub recipient: Option<Participant>,
    pub trigger: TextSpan,
    /// What the event is about: the object given, promised, demanded or condemned ("one
    /// million artillery shells to Ukraine").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what: Option<TextSpan>,
    /// Ids of the quantities in the event's object (amounts pledged, delivered, demanded).
    pub quantities: Vec<String>,
    /// When the event happened, as the article words it, without its preposition ("March").
    pub when: Option<String>,
    /// The deadline of a commitment, as the article words it ("within a year").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(rename = "where")]
    pub place: Option<String>,
    #[serde(default)]
    pub negated: bool,
    #[serde(default)]
    pub hypothetical: bool,
    /// The quote whose speaker claims this event, when it is reported inside a quotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_in: Option<String>,
    /// The CAMEO code of the event's verb, when the user loaded a CAMEO verb dictionary
    /// (`--cameo-verbs`) and it codes the verb ("0233").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
}

impl MapOffsets for Event {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.trigger.map_offsets(f);
        self.what.map_offsets(f);
    }
}

/// An amount pledged or delivered, pointing at its quantity and its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerAmount {
    pub quantity: Option<String>,
    pub value: Option<f64>,
    pub item: Option<String>,
    pub approximate: bool,
    pub when: Option<String>,
    pub due: Option<String>,
    /// What the value is measured in: null for a count of things, the ISO 4217 code for money,
    /// the unit for a measure (`t`, `km`). Amounts add up only when their units are equal.
    #[serde(default)]
    pub unit: Option<String>,
    /// For a recurring amount, the period it recurs in ("7.5 million tonnes of LPG annually":
    /// `year`). A yearly supply and a one-off delivery never add up.
    #[serde(default)]
    pub per: Option<String>,
    pub evidence: TextSpan,
}

impl LedgerAmount {
    /// What amounts must share to add up: the unit and, for a recurring amount, its period
    /// (`(Some("t"), Some("year"))`; `(None, None)` for a one-off count).
    pub fn measure(&self) -> (Option<&str>, Option<&str>) {
        (self.unit.as_deref(), self.per.as_deref())
    }
}

impl MapOffsets for LedgerAmount {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.evidence.map_offsets(f);
    }
}

/// A pledge of one pledger to one recipient, against what has been delivered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub pledger: Participant,
    pub recipient: Option<Participant>,
    pub item: String,
    pub pledged: Option<LedgerAmount>,
    pub delivered: Vec<LedgerAmount>,
    /// Delivered over pledged, as a fraction, when both are known.
    pub fulfilment: Option<f64>,
    /// What the article itself says about the fulfilment ("less than a quarter of their
    /// target"), when one of its checks covers the pledge and a delivery.
    #[serde(default)]
    pub stated: Option<StatedFulfilment>,
    pub evidence: Vec<TextSpan>,
}

/// The article's own claim about how much of a pledge was delivered, with the verdict of the
/// check that tested it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatedFulfilment {
    pub claim: TextSpan,
    pub verdict: Verdict,
}

impl MapOffsets for StatedFulfilment {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.claim.map_offsets(f);
    }
}

impl LedgerEntry {
    /// The key that groups this entry with the same pledge reported in other articles:
    /// normalised pledger, recipient and item (see [`participant_key`] and [`item_key`]).
    pub fn key(&self) -> (String, String, String) {
        (
            participant_key(&self.pledger.name),
            self.recipient
                .as_ref()
                .map(|r| participant_key(&r.name))
                .unwrap_or_default(),
            item_key(&self.item),
        )
    }

    /// The unit and period the entry is counted in: its pledge's, else its first delivery's.
    /// Only deliveries in the same measure add up against it.
    pub fn measure(&self) -> (Option<&str>, Option<&str>) {
        self.pledged
            .as_ref()
            .or(self.delivered.first())
            .map_or((None, None), LedgerAmount::measure)
    }
}

/// A participant's name as a grouping key across articles: entity ids are local to one
/// document, so the name is what two articles share. Lower case, spaces collapsed, a leading
/// "the" dropped ("The EU" and "the EU" are one pledger).
pub fn participant_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// An item as a grouping key: the singular of its head noun, so "artillery shells", "shells"
/// and "155mm shells" meet as `shell`, and "rounds of ammunition" and "ammunition rounds" as
/// `round`.
pub fn item_key(item: &str) -> String {
    let lower = item.to_lowercase();
    // In "rounds of ammunition" the head is before "of".
    let head_phrase = lower.split(" of ").next().unwrap_or(&lower);
    let head = head_phrase
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .rfind(|word| !word.is_empty())
        .unwrap_or("");
    singular(head)
}

/// English plural to singular for the nouns items are named by; unknown shapes pass unchanged.
fn singular(word: &str) -> String {
    if word.len() > 4 {
        if let Some(stem) = word.strip_suffix("ies") {
            return format!("{stem}y");
        }
        for suffix in ["sses", "shes", "ches", "xes"] {
            if word.ends_with(suffix) {
                return word[..word.len() - 2].to_string();
            }
        }
    }
    match word.strip_suffix('s') {
        Some(stem) if word.len() > 3 && !stem.ends_with('s') && !stem.ends_with('u') => {
            stem.to_string()
        }
        _ => word.to_string(),
    }
}

impl MapOffsets for LedgerEntry {
    fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        self.pledged.map_offsets(f);
        self.delivered.map_offsets(f);
        self.stated.map_offsets(f);
        self.evidence.map_offsets(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_meet_on_the_singular_of_their_head_noun() {
        assert_eq!(item_key("artillery shells"), "shell");
        assert_eq!(item_key("Shells"), "shell");
        assert_eq!(item_key("155mm shells"), "shell");
        assert_eq!(item_key("ammunition rounds"), "round");
        assert_eq!(item_key("rounds of ammunition"), "round");
        assert_eq!(item_key("long-range Taurus missiles"), "missile");
        assert_eq!(item_key("air-defence batteries"), "battery");
        assert_eq!(item_key("boxes"), "box");
        assert_eq!(item_key("gas"), "gas");
        assert_eq!(item_key("tanks."), "tank");
        assert_eq!(item_key(""), "");
    }

    #[test]
    fn participants_meet_on_their_name_without_case_or_article() {
        assert_eq!(participant_key("The EU"), "eu");
        assert_eq!(participant_key("EU  states"), "eu states");
        assert_eq!(participant_key("the"), "the");
        assert_eq!(participant_key(""), "");
    }
}
