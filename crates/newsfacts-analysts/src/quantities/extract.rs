//! The document's `quantities` layer: every number of the article with what it measures,
//! normalised — value or bounds, unit, currency, approximation, bound, the thing counted (`of`),
//! the rate's denominator (`per`) and, for dates, the resolved date.
//!
//! Spans: a count includes the noun it counts when that noun follows directly ("one million
//! artillery shells"); a fraction includes its "of" phrase ("a quarter of their target"); a
//! measure or an amount of money stops at its unit ("1,200km"), the noun it qualifies going to
//! `of` only. Comparators and approximators before the number are part of the span.

use newsfacts_doc::{Bound, Document, Quantity, QuantityKind};

use super::dates::{CivilDate, DateKind};
use super::datetime::{news_date_at, news_date_starts};
use super::lexer::{Tok, TokKind, lex};
use super::numbers::{NumberKind, NumberOptions, NumberParser, NumberPhrase};
use super::percent_sign;
use super::ranges::{Relation, comparator_before};
use super::units::{Unit, UnitFamily, currency_before, unit_after};

/// Words that end a counted noun phrase: function words, auxiliaries and common verbs.
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "of",
    "per",
    "into",
    "over",
    "under",
    "since",
    "after",
    "before",
    "during",
    "than",
    "as",
    "including",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "shall",
    "did",
    "do",
    "does",
    "said",
    "say",
    "says",
    "told",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "this",
    "these",
    "those",
    "it",
    "its",
    "they",
    "them",
    "their",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "you",
    "your",
    "i",
    "my",
    "me",
    "us",
    "him",
    "now",
    "then",
    "also",
    "only",
    "just",
    "more",
    "less",
    "fewer",
    "most",
    "least",
    "ago",
    "later",
    "earlier",
    "each",
    "every",
    "per",
    "about",
    "around",
    "there",
    "here",
    "not",
    "no",
    "all",
    "some",
    "any",
    "up",
    "down",
    "out",
    "off",
    "while",
    "when",
    "where",
    "if",
    "because",
    "across",
    "against",
    "between",
    "among",
    "through",
    "within",
    "without",
    "toward",
    "towards",
    "upon",
    "via",
    "like",
    "what",
    "how",
    "why",
    "still",
    "already",
    "even",
    "again",
    "ever",
    "never",
    "very",
    "too",
    "both",
    "either",
    "neither",
    "according",
    "compared",
    "get",
    "got",
    "make",
    "made",
    "take",
    "took",
    "go",
    "went",
    "come",
    "came",
    "see",
    "saw",
    "give",
    "gave",
    "left",
    "per",
    "cent",
    "percent",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "times",
    "time",
    "other",
    "others",
    "such",
    "own",
    "much",
    "many",
    "few",
    "several",
    // Words of time that follow a count without being counted: "1,200 passengers last year".
    "last",
    "next",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "previously",
    "recently",
];

/// Determiners kept at the start of an "of" phrase: "a quarter of their target".
const POSSESSIVES: &[&str] = &["their", "its", "his", "her", "our", "my", "your"];

/// Words before a number that make it approximate.
const APPROXIMATORS: &[&[&str]] = &[
    &["more", "or", "less"],
    &["an", "estimated"],
    &["close", "to"],
    &["in", "the", "region", "of"],
    &["upwards", "of"],
    &["about"],
    &["around"],
    &["roughly"],
    &["approximately"],
    &["approx"],
    &["nearly"],
    &["almost"],
    &["some"],
    &["circa"],
    &["estimated"],
    &["an", "approximate"],
    &["just", "over"],
    &["just", "under"],
    &["well", "over"],
    &["~"],
    &["∼"],
    &["≈"],
];

fn is_stop_word(w: &str) -> bool {
    // A number word starts another quantity: "up from 440,000 six months earlier".
    if super::numbers::unit_word(w).is_some() || super::numbers::scale_word(w).is_some() {
        return true;
    }
    STOP_WORDS.contains(&w)
}

/// The time unit of an adverb of frequency: "annually" is every year. "daily" and "weekly"
/// before a noun are adjectives ("daily flights"), so only an adverb that ends the counted
/// phrase is read as a rate.
fn frequency_adverb(w: &str) -> Option<&'static str> {
    Some(match w {
        "annually" | "yearly" => "year",
        "monthly" => "month",
        "weekly" => "week",
        "daily" => "day",
        "hourly" => "hour",
        "quarterly" => "quarter",
        _ => return None,
    })
}

/// The words of the noun phrase starting at token `i` (not counting determiners), up to four:
/// "artillery shells", "Russian soldiers". Returns (first, next) tokens of the phrase.
pub fn counted_thing(text: &str, toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    let _ = text;
    let mut k = i;
    let mut last_content: Option<usize> = None;
    let mut words = 0;
    while let Some(tok) = toks.get(k) {
        // A designation of letters and digits is one word of the phrase: "40 A300s", "24 F-16s",
        // "12 Boeing 747s" (its "A" is no article, its "747" no second number).
        if words < 4
            && (k == i || tok.space_before)
            && let Some(next) = designation_end(toks, k)
        {
            words += 1;
            last_content = Some(next - 1);
            k = next;
            continue;
        }
        match &tok.kind {
            TokKind::Word(w) => {
                if is_stop_word(w) || words >= 4 {
                    break;
                }
                // "7.5 million tonnes of LPG annually": a rate after the thing counted ends it;
                // "12 daily flights" starts with an adjective.
                if k > i && frequency_adverb(w).is_some() {
                    break;
                }
                // Not a word glued to the previous token by an apostrophe ("Russia’s").
                if k > i && tok.glued() && !matches!(toks[k - 1].punct(), Some('-')) {
                    break;
                }
                words += 1;
                // A participle or gerund may modify the noun ("armed men") but does not end the
                // phrase ("people killed").
                let verb_like = (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4;
                if !verb_like {
                    last_content = Some(k);
                }
                k += 1;
            }
            TokKind::Punct('-')
                if k > i
                    && tok.glued()
                    && toks
                        .get(k + 1)
                        .is_some_and(|t| t.glued() && t.word().is_some()) =>
            {
                k += 1;
            }
            _ => break,
        }
    }
    let last = last_content?;
    // Strip a trailing possessive "'s" fragment.
    Some((i, last + 1))
}

/// The end (next token) of a designation starting at token `k`: letters and digits written
/// together ("A300s", "F-16s", "747s", "T-72"), holding at least one letter and one number.
fn designation_end(toks: &[Tok], k: usize) -> Option<usize> {
    let mut next = k;
    let (mut letters, mut digits) = (false, false);
    while let Some(tok) = toks.get(next) {
        if next > k && !tok.glued() {
            break;
        }
        match &tok.kind {
            TokKind::Word(_) => letters = true,
            TokKind::Num { integer: true, .. } => digits = true,
            // A hyphen only between two parts of the designation.
            TokKind::Punct('-')
                if next > k
                    && toks
                        .get(next + 1)
                        .is_some_and(|t| t.glued() && !matches!(t.kind, TokKind::Punct(_))) => {}
            _ => break,
        }
        next += 1;
    }
    (letters && digits).then_some(next)
}

/// The text of tokens `first..next`.
fn slice<'t>(text: &'t str, toks: &[Tok], first: usize, next: usize) -> &'t str {
    &text[toks[first].start..toks[next - 1].end]
}

/// An "of" phrase at token `i` ("of Russian soldiers", "of their target"). Returns the phrase's
/// text span as tokens.
fn of_phrase(text: &str, toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    if !toks.get(i)?.is_word("of") {
        return None;
    }
    let mut k = i + 1;
    let mut start = k;
    match toks.get(k).and_then(Tok::word) {
        Some("the" | "a" | "an" | "these" | "those" | "all") => {
            k += 1;
            start = k;
        }
        Some(w) if POSSESSIVES.contains(&w) => {
            k += 1;
        }
        _ => {}
    }
    // "three of the ten frigates": a number after "of" is the whole, an amount of its own.
    let number_word = |w: &str| {
        super::numbers::unit_word(w).is_some()
            || super::numbers::teen_word(w).is_some()
            || super::numbers::tens_word(w).is_some()
            || super::numbers::scale_word(w).is_some()
    };
    if toks
        .get(k)
        .is_some_and(|t| t.num().is_some() || t.word().is_some_and(number_word))
    {
        return None;
    }
    let (_, mut next) = counted_thing(text, toks, k)?;
    // "one of Mumbai's main charities": the possessor is no thing counted; what it owns is.
    let possessive = toks
        .get(next)
        .is_some_and(|t| t.glued() && matches!(t.punct(), Some('\'' | '’')))
        && toks
            .get(next + 1)
            .is_some_and(|t| t.glued() && t.is_word("s"));
    if possessive && let Some((_, owned_next)) = counted_thing(text, toks, next + 2) {
        next = owned_next;
    }
    Some((start, next))
}

/// A time unit word ("year", "weeks"), singular or plural, as the unit symbol.
fn time_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "year" | "years" => "year",
        "month" | "months" => "month",
        "week" | "weeks" => "week",
        "day" | "days" => "day",
        "hour" | "hours" => "hour",
        "minute" | "minutes" => "minute",
        "second" | "seconds" => "second",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        "fortnight" | "fortnights" => "fortnight",
        _ => return None,
    })
}

/// A rate's denominator after a quantity: "a year", "per day", "each month", "an hour".
fn rate_at(toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    // "$15.4/hour", "W/min": a slash glued on both sides to a time unit or its symbol.
    if toks.get(i)?.punct() == Some('/') && toks[i].glued() {
        let next = toks.get(i + 1).filter(|t| t.glued())?;
        let unit = match next.word()? {
            "h" | "hr" => "hour",
            "min" => "minute",
            "s" | "sec" => "second",
            "d" => "day",
            "wk" => "week",
            "yr" => "year",
            w => time_unit(w).filter(|_| !w.ends_with('s'))?,
        };
        return Some((unit, i + 2));
    }
    let w = toks.get(i)?.word()?;
    if let Some(unit) = frequency_adverb(w) {
        // "daily flights": an adjective before a noun is no rate of the quantity before it.
        let noun_follows = toks
            .get(i + 1)
            .and_then(Tok::word)
            .is_some_and(|next| !is_stop_word(next));
        return (!noun_follows).then_some((unit, i + 1));
    }
    if !matches!(w, "a" | "an" | "per" | "each" | "every") {
        return None;
    }
    let unit = time_unit(toks.get(i + 1)?.word()?)?;
    if toks
        .get(i + 1)
        .and_then(Tok::word)
        .is_some_and(|u| u.ends_with('s'))
        && unit != "century"
    {
        return None;
    }
    // "a year and a half" is a duration, not a rate.
    if toks.get(i + 2).is_some_and(|t| t.is_word("and"))
        && toks.get(i + 3).is_some_and(|t| t.is_word("a"))
        && toks.get(i + 4).is_some_and(|t| t.is_word("half"))
    {
        return None;
    }
    // "a year earlier/ago": a point in time, not a rate.
    if toks
        .get(i + 2)
        .and_then(Tok::word)
        .is_some_and(|w| matches!(w, "ago" | "earlier" | "later" | "before" | "after" | "on"))
    {
        return None;
    }
    Some((unit, i + 2))
}

/// Approximators and comparators before token `i`. Returns (first token, approximate, bound).
fn modifiers_before(toks: &[Tok], i: usize) -> (usize, bool, Option<Bound>) {
    let mut first = i;
    let mut approximate = false;
    let mut bound = None;
    // At most one comparator and one approximator, in either order ("about more than" is rare,
    // "just over" is both).
    for _ in 0..2 {
        if bound.is_none()
            && let Some((relation, start)) = comparator_before(toks, first)
            && start < first
        {
            bound = match relation {
                Relation::Gt => Some(Bound::MoreThan),
                Relation::Ge => Some(Bound::AtLeast),
                Relation::Lt => Some(Bound::LessThan),
                Relation::Le => Some(Bound::AtMost),
                Relation::Eq => None,
            };
            // "over" and "under" are prepositions as often as comparators: only before digits
            // or number words, which is where this runs.
            first = start;
            // "just over", "well over": also approximate.
            if start > 0 && matches!(toks[start - 1].word(), Some("just" | "well" | "slightly")) {
                approximate = true;
                first = start - 1;
            }
            continue;
        }
        if !approximate {
            let mut matched = false;
            for pattern in APPROXIMATORS {
                if pattern.len() > first {
                    continue;
                }
                let start = first - pattern.len();
                let ok = pattern.iter().enumerate().all(|(k, p)| {
                    let t = &toks[start + k];
                    t.word() == Some(*p)
                        || t.punct()
                            .is_some_and(|c| p.starts_with(c) && p.len() == c.len_utf8())
                });
                if ok {
                    // "some" after "of" ("of some 200") is still an approximator; "some of" is not.
                    approximate = true;
                    first = start;
                    matched = true;
                    if let Some(b) = match *pattern {
                        ["just", "over"] | ["well", "over"] => Some(Bound::MoreThan),
                        ["just", "under"] => Some(Bound::LessThan),
                        _ => None,
                    } {
                        bound.get_or_insert(b);
                    }
                    break;
                }
            }
            if matched {
                continue;
            }
        }
        break;
    }
    (first, approximate, bound)
}

/// Whether the digit token at `i` is part of a clock time, a score or a reference ("10:30",
/// "3-1", "4th").
fn is_not_a_quantity(toks: &[Tok], i: usize) -> bool {
    let tok = &toks[i];
    if tok.num().is_none() {
        return false;
    }
    let next = toks.get(i + 1);
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    // "10:30", "2:1"
    if next.is_some_and(|t| t.glued() && t.punct() == Some(':'))
        && toks
            .get(i + 2)
            .is_some_and(|t| t.glued() && t.num().is_some())
    {
        return true;
    }
    if prev.is_some_and(|t| tok.glued() && t.punct() == Some(':')) {
        return true;
    }
    // "4th" is an ordinal, "A4", "F-16" are names.
    if next.is_some_and(|t| t.glued() && matches!(t.word(), Some("st" | "nd" | "rd" | "th"))) {
        return true;
    }
    if prev.is_some_and(|t| tok.glued() && t.word().is_some()) {
        return true;
    }
    // A reference, not an amount: "Fig. 7", "Section 3.1", "Table 2", "No. 10", "[12]".
    let reference_word = |t: &Tok| {
        matches!(
            t.word(),
            Some(
                "fig"
                    | "figs"
                    | "figure"
                    | "figures"
                    | "section"
                    | "sections"
                    | "table"
                    | "tables"
                    | "ref"
                    | "refs"
                    | "eq"
                    | "eqs"
                    | "equation"
                    | "equations"
                    | "chapter"
                    | "chapters"
                    | "page"
                    | "pages"
                    | "pp"
                    | "no"
                    | "nos"
                    | "nr"
                    | "nrs"
                    | "appendix"
                    | "article"
                    | "articles"
                    | "clause"
                    | "paragraph"
                    | "paragraphs"
                    | "room"
                    | "flight"
                    | "route"
                    | "platform"
                    | "exit"
                    | "version"
                    | "step"
                    | "steps"
                    | "phase"
                    | "phases"
                    | "complex"
                    | "compound"
                    | "model"
                    | "lane"
                    | "junction"
            )
        )
    };
    let before_prev = i.checked_sub(2).map(|p| &toks[p]);
    if prev.is_some_and(reference_word)
        || (prev.is_some_and(|t| t.punct() == Some('.')) && before_prev.is_some_and(reference_word))
    {
        return true;
    }
    if prev.is_some_and(|t| t.punct() == Some('['))
        && next.is_some_and(|t| matches!(t.punct(), Some(']' | ',' | '–' | '-')))
    {
        return true;
    }
    // A year cited as a source: "(Smith et al., 2005)", "(Garcia Munoz, 2007; ...)".
    if tok.num().is_some_and(|v| (1800.0..=2100.0).contains(&v))
        && prev.is_some_and(|t| t.punct() == Some(','))
        && before_prev.is_some_and(|t| {
            t.word()
                .is_some_and(|w| w == "al" || w.chars().all(char::is_alphabetic))
        })
        && i >= 3
        && (toks[i - 3].punct() == Some('.')
            || toks[..i]
                .iter()
                .rev()
                .take(12)
                .any(|t| t.punct() == Some('(')))
    {
        return true;
    }
    if prev.is_some_and(|t| tok.glued() && t.punct() == Some('-'))
        && i >= 2
        && toks[i - 2].word().is_some()
        && toks[i - 1].glued()
    {
        return true;
    }
    false
}

/// What the analyst found at one place before it becomes a [`Quantity`].
struct Found {
    first: usize,
    next: usize,
    /// The number and its unit alone, without modifiers or the counted noun (tokens).
    core: (usize, usize),
    kind: QuantityKind,
    value: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    approximate: bool,
    bound: Option<Bound>,
    unit: Option<String>,
    currency: Option<String>,
    of: Option<String>,
    per: Option<String>,
    date: Option<String>,
}

impl Found {
    fn new(first: usize, next: usize, kind: QuantityKind) -> Found {
        Found {
            first,
            next,
            core: (first, next),
            kind,
            value: None,
            min: None,
            max: None,
            approximate: false,
            bound: None,
            unit: None,
            currency: None,
            of: None,
            per: None,
            date: None,
        }
    }
}

/// Finds the quantities of a document.
pub fn extract_quantities(doc: &Document) -> Vec<Quantity> {
    let published = doc.published.as_deref().and_then(CivilDate::parse_iso);
    let found = extract_from_text(&doc.text, published);
    found
        .into_iter()
        .enumerate()
        .map(|(n, q)| {
            let mut q = Quantity {
                id: format!("n{}", n + 1),
                ..q
            };
            end_counted_thing_before_verb(doc, &mut q);
            q
        })
        .collect()
}

/// A value as written, without the binary rounding of its scaling: "$16.6bn" is 16.6 × 10⁹,
/// which floating point makes 16600000000.000002; a reader and a JSON consumer want
/// 16600000000. Only a whole number within a trillionth of the value is taken, so "2.25" and
/// "0.1" keep their fractions.
fn without_binary_noise(value: f64) -> f64 {
    let whole = value.round();
    if value.abs() >= 1.0 && (value - whole).abs() <= value.abs() * 1e-12 {
        whole
    } else {
        value
    }
}

/// The counted thing read from words alone can run into the verb after it ("a poll of 1,313
/// people suggests", "two-thirds of Britons support"): where the English model tagged the
/// document, the thing and the quantity end before the first finite verb or modal.
fn end_counted_thing_before_verb(doc: &Document, quantity: &mut Quantity) {
    let Some(of) = quantity.of.as_deref() else {
        return;
    };
    if doc.tokens.is_empty() || !quantity.text.ends_with(of) {
        return;
    }
    let of_start = quantity.end - of.len();
    let first = doc.tokens.partition_point(|t| t.start < of_start);
    let verb = doc.tokens[first..]
        .iter()
        .take_while(|t| t.end <= quantity.end)
        .find(|t| matches!(t.tag.as_str(), "VBZ" | "VBP" | "VBD" | "MD"));
    let Some(verb) = verb else { return };
    // The last word before the verb ends the thing; none before it means no thing.
    let Some(last) = doc.tokens[first..]
        .iter()
        .take_while(|t| t.end <= verb.start)
        .last()
    else {
        quantity.of = None;
        return;
    };
    let end = last.end;
    let (Some(text), Some(thing)) = (
        doc.text.get(quantity.start..end),
        doc.text.get(of_start..end),
    ) else {
        return;
    };
    quantity.text = text.to_string();
    quantity.of = Some(thing.to_string());
    quantity.end = end;
}

/// Finds the quantities of a text (ids left empty).
pub fn extract_from_text(text: &str, published: Option<CivilDate>) -> Vec<Quantity> {
    let mut quantities: Vec<Quantity> = extract_with_cores(text, published)
        .into_iter()
        .map(|(q, _)| q)
        .collect();
    quantities.retain(|q| !is_a_number_in_a_name(text, q));
    counts_compared_with_counted_things(text, &mut quantities);
    quantities
}

/// Whether a count is a number word that is part of a name: written with a capital away from a
/// sentence's start ("the Six Nations title", "a Formula One race", "the Three Lions"). A
/// sentence may start with one ("Six people were hurt"), and digits are left alone.
fn is_a_number_in_a_name(text: &str, quantity: &Quantity) -> bool {
    if quantity.kind != Some(QuantityKind::Count) {
        return false;
    }
    let capitalised_word = quantity.text.split_whitespace().next().is_some_and(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
    });
    let before = text
        .get(..quantity.start)
        .unwrap_or_default()
        .trim_end_matches([' ', '\t']);
    let sentence_start = before.chars().next_back().is_none_or(|c| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | '"' | '“' | '‘' | '\'' | '(' | '\n' | '\r' | '–' | '-'
        )
    });
    capitalised_word && !sentence_start
}

/// Words that compare a bare number with a counted one beside it: "2.1 million passengers
/// last year, up from 1.7 million", "from 1.7 million to 2.1 million passengers".
const COUNT_COMPARISONS_BEFORE: &[&str] = &[
    "up from",
    "down from",
    "from",
    "compared with",
    "compared to",
    "against",
    "versus",
    "than",
    "and",
    "or",
    "to",
];
const COUNT_COMPARISONS_AFTER: &[&str] = &["to", "and", "or"];

/// A bare count compared with a count of things counts the same things: "1.7 million" in
/// "2.1 million passengers last year, up from 1.7 million in 2019" is 1.7 million passengers.
/// Dates between the two ("last year") are read past; nothing else is.
fn counts_compared_with_counted_things(text: &str, quantities: &mut [Quantity]) {
    let is_bare_count =
        |q: &Quantity| q.kind == Some(QuantityKind::Count) && q.of.is_none() && q.unit.is_none();
    let is_counted = |q: &Quantity| q.kind == Some(QuantityKind::Count) && q.of.is_some();
    // The words between two quantities with the dates among them left out, lower-cased, without
    // commas.
    let between = |quantities: &[Quantity], from: usize, to: usize| -> Option<String> {
        let mut words = String::new();
        let mut at = quantities[from].end;
        for q in &quantities[from + 1..to] {
            if q.kind != Some(QuantityKind::Date) {
                return None;
            }
            words.push_str(text.get(at..q.start)?);
            words.push(' ');
            at = q.end;
        }
        words.push_str(text.get(at..quantities[to].start)?);
        let words = words.replace(',', " ").to_lowercase();
        Some(words.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    for j in 0..quantities.len() {
        if !is_bare_count(&quantities[j]) {
            continue;
        }
        let before = (0..j)
            .rev()
            .find(|&i| quantities[i].kind != Some(QuantityKind::Date))
            .filter(|&i| is_counted(&quantities[i]))
            .filter(|&i| {
                between(quantities, i, j)
                    .is_some_and(|w| COUNT_COMPARISONS_BEFORE.contains(&w.as_str()))
            });
        let after = (j + 1..quantities.len())
            .find(|&k| quantities[k].kind != Some(QuantityKind::Date))
            .filter(|&k| is_counted(&quantities[k]))
            .filter(|&k| {
                between(quantities, j, k)
                    .is_some_and(|w| COUNT_COMPARISONS_AFTER.contains(&w.as_str()))
            });
        if let Some(other) = before.or(after) {
            quantities[j].of = quantities[other].of.clone();
        }
    }
}

/// Finds the quantities of a text, each with the byte span of its number and unit alone
/// ("224,000" of "about 224,000 ammunition rounds"), as measure extractors report them.
pub fn extract_with_cores(
    text: &str,
    published: Option<CivilDate>,
) -> Vec<(Quantity, (usize, usize))> {
    let toks = lex(text);
    let plain = NumberParser::new(text, &toks, NumberOptions::default());
    let money_parser = NumberParser::new(
        text,
        &toks,
        NumberOptions {
            giga_suffix: false,
            lowercase_m_million: true,
        },
    );
    let date_starts = news_date_starts(text, &toks);
    let readers = Readers {
        plain: &plain,
        money: &money_parser,
        published,
        date_starts: &date_starts,
    };
    let mut out: Vec<(Quantity, (usize, usize))> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((found, next)) = quantity_at(text, &toks, i, &readers) else {
            i += 1;
            continue;
        };
        let start = toks[found.first].start;
        let end = toks[found.next - 1].end;
        let core = (toks[found.core.0].start, toks[found.core.1 - 1].end);
        out.push((
            Quantity {
                id: String::new(),
                start,
                end,
                text: text[start..end].to_string(),
                kind: Some(found.kind),
                value: found.value.map(without_binary_noise),
                value_min: found.min.map(without_binary_noise),
                value_max: found.max.map(without_binary_noise),
                approximate: found.approximate,
                bound: found.bound,
                unit: found.unit,
                currency: found.currency,
                of: found.of,
                per: found.per,
                date: found.date,
            },
            core,
        ));
        i = next.max(i + 1);
    }
    out
}

/// A duration written with an article: "a year and a half", "within a year", "half an hour".
fn article_duration(toks: &[Tok], i: usize) -> Option<Found> {
    let w = toks.get(i)?.word()?;
    let (value, unit_at) = match w {
        "a" | "an" => (1.0, i + 1),
        "half" if matches!(toks.get(i + 1).and_then(Tok::word), Some("a" | "an")) => (0.5, i + 2),
        _ => return None,
    };
    let unit_word = toks.get(unit_at)?.word()?;
    let unit = time_unit(unit_word)?;
    if unit_word.ends_with('s') && unit != "century" {
        return None;
    }
    let mut value = value;
    let mut next = unit_at + 1;
    let and_a_half = toks.get(next).is_some_and(|t| t.is_word("and"))
        && toks.get(next + 1).is_some_and(|t| t.is_word("a"))
        && toks.get(next + 2).is_some_and(|t| t.is_word("half"));
    if and_a_half {
        value += 0.5;
        next += 3;
    }
    let prev = i.checked_sub(1).and_then(|p| toks[p].word());
    let after = toks.get(next).and_then(Tok::word);
    let duration_context = and_a_half
        || w == "half"
        || matches!(
            prev,
            Some(
                "within"
                    | "for"
                    | "over"
                    | "after"
                    | "than"
                    | "nearly"
                    | "almost"
                    | "about"
                    | "around"
                    | "past"
                    | "last"
                    | "in"
                    | "just"
                    | "barely"
                    | "spent"
                    | "took"
                    | "lasted"
            )
        )
        || matches!(after, Some("later" | "ago" | "earlier" | "long"));
    if !duration_context {
        return None;
    }
    let mut f = Found::new(i, next, QuantityKind::Duration);
    f.value = Some(value);
    f.unit = Some(unit.to_string());
    if prev == Some("within") {
        f.first = i - 1;
        f.bound = Some(Bound::AtMost);
    }
    if matches!(prev, Some("nearly" | "almost" | "about" | "around")) {
        f.first = i - 1;
        f.approximate = true;
    }
    Some(f)
}

/// Whether the "from" at token `from` states a change ("rose from 10 to 20", "cut prices from
/// $5 to $4") rather than a span ("temperatures ranged from -18 °C to -34 °C", "zones from 7 to
/// 10"): a verb of change among the few words before it, within the clause.
fn from_states_change(toks: &[Tok], from: usize) -> bool {
    for t in toks[..from].iter().rev().take(6) {
        if t.punct()
            .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '(' | '"'))
        {
            return false;
        }
        let Some(w) = t.word() else { continue };
        if matches!(
            w,
            "range" | "ranged" | "ranges" | "ranging" | "vary" | "varied" | "varies" | "varying"
        ) {
            return false;
        }
        let stem_of_change = [
            "rise", "rose", "risen", "rising", "fell", "fall", "fallen", "falling", "increas",
            "decreas", "reduc", "cut", "rais", "lower", "grew", "grow", "jump", "climb", "drop",
            "slip", "slid", "soar", "surg", "plung", "plummet", "tumbl", "went", "go", "gone",
            "chang", "mov", "boost", "shrank", "shrunk", "shrink", "doubl", "tripl", "halv", "up",
            "down", "swell", "swollen", "expand", "extend", "upgrad", "downgrad", "revis",
            "improv", "widen", "narrow", "push", "slash", "hike", "hiking", "trim", "switch",
            "turn", "edg", "leap", "leapt", "spike", "spiked", "shift", "sank", "sink", "sunk",
            "declin", "recover", "rebound", "ballon",
        ];
        if stem_of_change
            .iter()
            .any(|stem| w == *stem || (stem.len() >= 4 && w.starts_with(stem)))
        {
            return true;
        }
    }
    false
}

/// What [`quantity_at`] reads with, set up once per text.
struct Readers<'a> {
    plain: &'a NumberParser<'a>,
    money: &'a NumberParser<'a>,
    published: Option<CivilDate>,
    /// [`news_date_starts`] of the text's tokens.
    date_starts: &'a [bool],
}

/// The quantity starting at token `i`, if any, and the token to continue from.
fn quantity_at(
    text: &str,
    toks: &[Tok],
    i: usize,
    readers: &Readers<'_>,
) -> Option<(Found, usize)> {
    let (plain, money_parser, published) = (readers.plain, readers.money, readers.published);
    // Dates; but a bare year-like number with a unit of measure after it is a measure
    // ("1091 cm−1", "1500 m").
    if let Some(d) = news_date_at(text, toks, i, published, readers.date_starts)
        && !(d.kind == DateKind::Year
            && d.next == i + 1
            && unit_after(
                text,
                toks,
                i + 1,
                &[UnitFamily::Dimension, UnitFamily::Temperature],
            )
            .is_some())
    {
        let mut f = Found::new(d.first, d.next, QuantityKind::Date);
        // "In March": the preposition is part of how the date is said.
        if d.first > 0 && d.kind == DateKind::Month && toks[d.first - 1].is_word("in") {
            f.first = d.first - 1;
        }
        f.date = d.date;
        let next = f.next;
        return Some((f, next));
    }
    // "months-long": a duration without a number.
    if let Some(w) = toks[i].word()
        && let Some(unit) = time_unit(w)
        && w.ends_with('s')
        && toks
            .get(i + 1)
            .is_some_and(|t| t.glued() && t.punct() == Some('-'))
        && toks
            .get(i + 2)
            .is_some_and(|t| t.glued() && t.is_word("long"))
    {
        let mut f = Found::new(i, i + 3, QuantityKind::Duration);
        f.unit = Some(unit.to_string());
        f.approximate = true;
        return Some((f, i + 3));
    }
    // "a gallon", "a penny": one of a unit named in full.
    if matches!(toks[i].word(), Some("a" | "an"))
        && toks.get(i + 1).and_then(Tok::word).is_some_and(|w| {
            matches!(
                w,
                "gallon"
                    | "mile"
                    | "litre"
                    | "liter"
                    | "kilometre"
                    | "kilometer"
                    | "kilogram"
                    | "tonne"
                    | "penny"
                    | "acre"
                    | "hectare"
                    | "ounce"
                    | "yard"
                    | "metre"
                    | "meter"
            )
        })
        && let Some((unit, after)) = unit_after(text, toks, i + 1, &[])
    {
        let mut f = Found::new(i, after, unit.kind);
        f.value = Some(unit.factor);
        f.unit = Some(unit.symbol.to_string());
        f.currency = unit.iso.map(str::to_string);
        return Some(finish(text, toks, f, unit.kind == QuantityKind::Money));
    }
    // "absolute zero": a temperature named without a number.
    if toks[i].is_word("absolute") && toks.get(i + 1).is_some_and(|t| t.is_word("zero")) {
        let mut f = Found::new(i, i + 2, QuantityKind::Temperature);
        f.value = Some(0.0);
        f.unit = Some("K".to_string());
        return Some((f, i + 2));
    }
    if let Some(f) = article_duration(toks, i) {
        let next = f.next;
        return Some((f, next));
    }
    // Money with the currency first: "$1.13bn", "£600m", "US$ 150 million".
    let currency_may_start = super::units::may_start_currency(text, toks, i);
    for j in (i..(i + 3).min(toks.len())).filter(|_| currency_may_start) {
        if let Some((unit, start)) = currency_before(text, toks, j)
            && start == i
            && let Some(p) = money_parser.phrase(j)
        {
            let mut f = Found::new(i, p.next, QuantityKind::Money);
            set_value(&mut f, &p, unit.factor);
            f.currency = unit.iso.map(str::to_string);
            f.unit = Some(unit.symbol.to_string());
            // "The annual revenue is ($99.99).": an amount alone in brackets after "is" is
            // negative, as accounts write it. After another amount, "$1.13bn (£600m)", the
            // brackets give a conversion.
            if i >= 2
                && toks[i - 1].punct() == Some('(')
                && toks.get(p.next).is_some_and(|t| t.punct() == Some(')'))
                && matches!(toks[i - 2].word(), Some("is" | "was" | "were" | "are"))
                && let Some(v) = f.value
            {
                f.value = Some(-v);
                f.first = i - 1;
                f.next = p.next + 1;
                f.core = (i - 1, p.next + 1);
            }
            return Some(finish(text, toks, f, true));
        }
    }
    if super::one_is_pronoun(toks, i) {
        return None;
    }
    if is_not_a_quantity(toks, i) {
        return None;
    }
    let p = plain.phrase(i)?;
    let mut range_flag = false;
    // A lone "half" or "a" is not a quantity of the article.
    if p.words
        && p.next == p.first + 1
        && toks[p.first].is_word("half")
        && !toks.get(p.next).is_some_and(|t| t.is_word("of"))
    {
        return None;
    }
    // A range: "3 to 4 L", "10-15 exabytes", "3.5–4.0 TeV", "between 20 and 30 people". Not
    // "from 10 to 20", which states a change.
    let mut p = p;
    let after_from = i > 0 && toks[i - 1].is_word("from");
    let change = after_from && from_states_change(toks, i - 1);
    let between = i > 0 && toks[i - 1].is_word("between");
    // "between" belongs to how a range is said: "between 44 and 50 mg".
    let mut core_first = i;
    if p.vague.is_none()
        && let Some(joiner) = toks.get(p.next)
        && !change
    {
        // "8- to 16-meter": the first number keeps a hyphen for the unit written once.
        let hyphen_then_to = joiner.punct() == Some('-')
            && joiner.glued()
            && toks
                .get(p.next + 1)
                .is_some_and(|t| t.is_word("to") || t.is_word("and"));
        let (joiner, second) = if hyphen_then_to {
            (&toks[p.next + 1], p.next + 2)
        } else {
            (joiner, p.next + 1)
        };
        let dash = !hyphen_then_to
            && matches!(joiner.punct(), Some('-' | '–' | '—'))
            && (joiner.glued() == toks.get(second).is_some_and(Tok::glued));
        let word_joiner = joiner.is_word("to") || (between && joiner.is_word("and"));
        // Two years ("between 2002 and 2004", "2010-2012") are a period, read as dates.
        let year_like = |first: usize, phrase: &NumberPhrase| {
            phrase.next == first + 1
                && !phrase.words
                && text[toks[first].start..toks[first].end].len() == 4
                && (1800.0..=2100.0).contains(&phrase.value)
        };
        if (dash || word_joiner)
            && let Some(q) = plain.phrase(second)
            && q.vague.is_none()
            && q.value > p.value
            && !(year_like(i, &p) && year_like(second, &q))
        {
            p = NumberPhrase {
                next: q.next,
                vague: Some((p.value, Some(q.value))),
                ..p
            };
            range_flag = true;
            // "between 44 and 50 mg" is said as one; "between 44 mg to 50 mg" is not.
            if between && joiner.is_word("and") {
                core_first = i - 1;
            }
        }
    }
    let mut k = p.next;
    // Percent.
    if let Some(after) = percent_sign(toks, k) {
        let mut f = Found::new(i, after, QuantityKind::Percent);
        f.core.0 = core_first;
        set_value(&mut f, &p, 1.0);
        f.approximate &= !range_flag;
        f.unit = Some("%".to_string());
        return Some(finish(text, toks, f, false));
    }
    // "1,200-km", "six-mile"
    if toks
        .get(k)
        .is_some_and(|t| t.punct() == Some('-') && t.glued())
        && toks.get(k + 1).is_some_and(|t| t.glued())
    {
        k += 1;
    }
    // "2.1 pm", "2.123 am": picometres and attometres, where the decimals are not a clock's
    // minutes ("2.30pm").
    if p.next == p.first + 1
        && toks[i].num().is_some()
        && let Some((_, decimals)) = text[toks[i].start..toks[i].end].split_once('.')
        && decimals.len() != 2
        && decimals.chars().all(|c| c.is_ascii_digit())
        && let Some(unit @ ("pm" | "am")) = toks.get(k).and_then(Tok::word)
        && toks
            .get(k + 1)
            .is_none_or(|t| t.word().is_none() || !t.glued())
    {
        let mut f = Found::new(i, k + 1, QuantityKind::Length);
        set_value(&mut f, &p, 1.0);
        f.unit = Some(unit.to_string());
        return Some(finish(text, toks, f, false));
    }
    // "77m euros": a glued "m" before a currency is a million, not a metre.
    if toks
        .get(k)
        .is_some_and(|t| t.glued() && &text[t.start..t.end] == "m")
        && let Some((unit, after)) = unit_after(text, toks, k + 1, &[UnitFamily::Currency])
    {
        let mut f = Found::new(i, after, QuantityKind::Money);
        set_value(&mut f, &p, 1e6 * unit.factor);
        f.approximate &= !range_flag;
        f.currency = unit.iso.map(str::to_string);
        f.unit = Some(unit.symbol.to_string());
        return Some(finish(text, toks, f, true));
    }
    let families = [
        UnitFamily::Currency,
        UnitFamily::Dimension,
        UnitFamily::Temperature,
        UnitFamily::Duration,
    ];
    if let Some((unit, after)) = unit_after(text, toks, k, &families)
        && unit_is_plausible(text, toks, k, &unit)
    {
        // "20 m s−1", "1091 cm−1", "11.25 Mg ha−1 year−1": per-unit factors written as
        // negative powers belong to the measure.
        let (after, per) = inverse_unit_tail(text, toks, after);
        let mut f = Found::new(i, after, unit.kind);
        f.per = per;
        f.core.0 = core_first;
        set_value(&mut f, &p, unit.factor);
        f.approximate &= !range_flag;
        // "44 mg to 50 mg", "-18 °C to -34 °C", "between 44 mg and 50 mg": a range with the
        // unit written twice.
        if !(range_flag || change)
            && let Some(joiner) = toks.get(after)
            && (joiner.is_word("to")
                || (between && joiner.is_word("and"))
                || matches!(joiner.punct(), Some('–' | '—')))
            && let Some(q) = plain.phrase(after + 1)
            && q.vague.is_none()
            && let Some((unit2, after2)) = unit_after(text, toks, q.next, &families)
            && unit2 == unit
            && let Some(lo) = f.value
        {
            let hi = q.value * unit.factor;
            f.value = None;
            f.min = Some(lo.min(hi));
            f.max = Some(lo.max(hi));
            f.next = after2;
            f.core = (
                if between && joiner.is_word("and") {
                    i - 1
                } else {
                    i
                },
                after2,
            );
            f.unit = Some(unit.symbol.to_string());
            if unit.kind == QuantityKind::Money {
                f.currency = unit.iso.map(str::to_string);
            }
            return Some(finish(text, toks, f, unit.kind == QuantityKind::Money));
        }
        if unit.kind == QuantityKind::Money {
            f.currency = unit.iso.map(str::to_string);
        }
        f.unit = Some(unit.symbol.to_string());
        // "six weeks' time": the possessive apostrophe goes with the unit.
        if unit.kind == QuantityKind::Duration
            && toks[after - 1].word().is_some_and(|w| w.ends_with('s'))
            && toks
                .get(after)
                .is_some_and(|t| t.glued() && matches!(t.punct(), Some('\'' | '’')))
        {
            f.next = after + 1;
            f.core.1 = after + 1;
        }
        // "a year and a half", "two and a half years" are read by the number parser; "three
        // years and a half" here.
        if unit.kind == QuantityKind::Duration
            && toks.get(after).is_some_and(|t| t.is_word("and"))
            && toks.get(after + 1).is_some_and(|t| t.is_word("a"))
            && toks.get(after + 2).is_some_and(|t| t.is_word("half"))
            && let Some(v) = f.value
        {
            f.value = Some(v + 0.5);
            f.next = after + 3;
        }
        return Some(finish(text, toks, f, unit.kind == QuantityKind::Money));
    }
    // A decade: "the 1960s".
    if p.next == p.first + 1
        && let Some(TokKind::Num {
            value,
            integer: true,
        }) = toks.get(i).map(|t| &t.kind)
        && (1000.0..=2100.0).contains(value)
        && value % 10.0 == 0.0
        && toks
            .get(p.next)
            .is_some_and(|t| t.glued() && t.is_word("s"))
    {
        let mut f = Found::new(i, p.next + 1, QuantityKind::Date);
        f.core = (i, p.next);
        f.date = Some(format!("{:04}s", *value as i32));
        return Some((f, p.next + 1));
    }
    // Digits glued to letters that are no unit are a label: "3c", "1D", "2010b", "5G".
    if toks[p.next - 1].num().is_some()
        && toks
            .get(p.next)
            .is_some_and(|t| t.glued() && t.word().is_some())
    {
        return None;
    }
    // A fraction of something: "a quarter of their target", "half of the shells".
    if p.kind == NumberKind::Fraction && p.value < 1.0 {
        let mut f = Found::new(i, p.next, QuantityKind::Ratio);
        set_value(&mut f, &p, 1.0);
        f.approximate &= !range_flag;
        return Some(finish(text, toks, f, false));
    }
    // A year: a four-digit integer in the range of years, without a unit or counted noun.
    if !p.words
        && p.next == p.first + 1
        && let Some(TokKind::Num {
            value,
            integer: true,
        }) = toks.get(i).map(|t| &t.kind)
        && text[toks[i].start..toks[i].end].len() == 4
        && (1800.0..=2100.0).contains(value)
    {
        let counted = counted_thing(text, toks, p.next);
        let prev = i.checked_sub(1).and_then(|q| toks[q].word());
        let year_context = matches!(
            prev,
            Some(
                "in" | "since"
                    | "by"
                    | "until"
                    | "from"
                    | "of"
                    | "to"
                    | "early"
                    | "late"
                    | "mid"
                    | "before"
                    | "after"
                    | "during"
                    | "between"
                    | "and"
                    | "year"
                    | "summer"
                    | "winter"
                    | "spring"
                    | "autumn"
                    | "fall"
            )
        );
        // Counted things are plural ("2000 people"); a singular noun after a year-like number
        // is qualified by the year ("its 2003 performance").
        let singular_noun = counted.is_some_and(|(_, next)| {
            toks.get(next - 1)
                .and_then(Tok::word)
                .is_some_and(|w| !w.ends_with('s'))
        });
        if counted.is_none() || year_context || singular_noun {
            let mut f = Found::new(i, p.next, QuantityKind::Date);
            f.date = Some(format!("{:04}", *value as i32));
            return Some((f, p.next));
        }
    }
    // "45 and 50 mg": a number sharing the unit of the one coordinated with it.
    if !range_flag
        && p.vague.is_none()
        && toks
            .get(p.next)
            .is_some_and(|t| t.is_word("and") || t.is_word("or"))
        && let Some(q) = plain.phrase(p.next + 1)
        && q.vague.is_none()
        && let Some((unit, _)) = unit_after(text, toks, q.next, &families[1..])
        && unit_is_plausible(text, toks, q.next, &unit)
    {
        let mut f = Found::new(i, p.next, unit.kind);
        set_value(&mut f, &p, unit.factor);
        f.unit = Some(unit.symbol.to_string());
        return Some(finish(text, toks, f, false));
    }
    let mut f = Found::new(i, p.next, QuantityKind::Count);
    f.core.0 = core_first;
    set_value(&mut f, &p, 1.0);
    f.approximate &= !range_flag;
    Some(finish(text, toks, f, false))
}

/// A negative power glued to token `at` ("−1" of "cm−1"): the token after it.
fn negative_power_at(toks: &[Tok], at: usize) -> Option<usize> {
    let minus = toks.get(at)?;
    let power = toks.get(at + 1)?;
    (minus.glued()
        && matches!(minus.punct(), Some('−' | '-'))
        && power.glued()
        && power
            .num()
            .is_some_and(|v| (1.0..=4.0).contains(&v) && v.fract() == 0.0))
    .then_some(at + 2)
}

/// Per-unit factors after a unit, written as negative powers: "−1" glued to the unit itself
/// ("cm−1"), then symbols each with their own negative power ("s−1", "ha−1 year−1"). Returns the
/// token after them and, when there are per-unit symbols, their names for `per`.
fn inverse_unit_tail(text: &str, toks: &[Tok], after: usize) -> (usize, Option<String>) {
    let mut next = negative_power_at(toks, after).unwrap_or(after);
    let mut per = Vec::new();
    for _ in 0..3 {
        let Some(symbol) = toks.get(next).filter(|t| !t.glued()) else {
            break;
        };
        let raw = &text[symbol.start..symbol.end];
        if !matches!(
            raw,
            "s" | "h"
                | "d"
                | "yr"
                | "year"
                | "day"
                | "m"
                | "km"
                | "cm"
                | "mm"
                | "kg"
                | "g"
                | "ha"
                | "l"
                | "L"
                | "mol"
                | "K"
                | "a"
        ) {
            break;
        }
        let Some(end) = negative_power_at(toks, next + 1) else {
            break;
        };
        per.push(raw.to_string());
        next = end;
    }
    (next, (!per.is_empty()).then(|| per.join("·")))
}

/// Whether a unit read after a number is really one: "in" and "m" are also words, "p" a letter.
fn unit_is_plausible(text: &str, toks: &[Tok], k: usize, unit: &Unit) -> bool {
    let raw = &text[toks[k].start..toks[k].end];
    match raw {
        // A bare "m"/"p"/"t"/"g" must be glued to the number.
        // A tonne may stand apart after a large figure: "278,000 t".
        "t" => {
            toks[k].glued()
                || (k > 0
                    && toks[k - 1].num().is_some_and(|v| v >= 1000.0)
                    && toks.get(k + 1).is_none_or(|t| !t.glued()))
        }
        // "20 m s−1": a metre standing apart is plausible with a per-unit after it.
        "m" => {
            toks[k].glued()
                || negative_power_at(toks, k + 1).is_some()
                || inverse_unit_tail(text, toks, k + 1).1.is_some()
        }
        "p" | "g" | "l" | "C" | "F" => toks[k].glued(),
        // "six second hand airplanes", "two second-hand cars": used, not a duration.
        "second" => {
            let hand_at = |at: usize| toks.get(at).is_some_and(|t| t.is_word("hand"));
            !(hand_at(k + 1) || toks.get(k + 1).and_then(Tok::punct) == Some('-') && hand_at(k + 2))
        }
        // "66 Ma ago": "Ma" and "Ga" are also names and codes.
        "Ma" | "Ga" => {
            toks[k].glued()
                || toks
                    .get(k + 1)
                    .is_some_and(|t| t.is_word("ago") || t.is_word("old"))
        }
        // "in" is an inch only where a measure ends: "2 in.", "2 1/2 in thick".
        "in" => toks.get(k + 1).is_none_or(|t| {
            t.punct()
                .is_some_and(|c| matches!(c, '.' | ',' | ')' | ';'))
                || t.word().is_some_and(|w| {
                    matches!(
                        w,
                        "thick" | "long" | "wide" | "tall" | "high" | "deep" | "across" | "in"
                    )
                })
        }),
        _ => {
            let _ = unit;
            true
        }
    }
}

fn set_value(f: &mut Found, p: &NumberPhrase, factor: f64) {
    match p.vague {
        Some((lo, hi)) => {
            f.min = Some(lo * factor);
            f.max = hi.map(|h| h * factor);
            f.approximate = true;
        }
        None => f.value = Some(p.value * factor),
    }
}

/// Adds what surrounds a number: modifiers before, the counted noun, "of" phrase and rate after.
fn finish(text: &str, toks: &[Tok], mut f: Found, is_money: bool) -> (Found, usize) {
    let (first, approximate, bound) = modifiers_before(toks, f.first);
    f.first = first;
    f.approximate |= approximate;
    f.bound = f.bound.or(bound);
    let mut span_next = f.next;
    let mut k = f.next;
    // "billions and billions of dollars": money named after "of".
    if f.kind == QuantityKind::Count
        && toks.get(k).is_some_and(|t| t.is_word("of"))
        && let Some((unit, after)) = unit_after(text, toks, k + 1, &[UnitFamily::Currency])
    {
        f.kind = QuantityKind::Money;
        f.currency = unit.iso.map(str::to_string);
        f.unit = Some(unit.symbol.to_string());
        span_next = after;
        k = after;
    } else if let Some((start, next)) = of_phrase(text, toks, k) {
        f.of = Some(slice(text, toks, start, next).to_string());
        if f.kind == QuantityKind::Ratio {
            span_next = next;
        }
        k = next;
    } else if !is_money
        && matches!(
            f.kind,
            QuantityKind::Count
                | QuantityKind::Length
                | QuantityKind::Mass
                | QuantityKind::Volume
                | QuantityKind::Area
        )
    {
        if let Some((start, next)) = counted_thing(text, toks, k) {
            f.of = Some(slice(text, toks, start, next).to_string());
            if f.kind == QuantityKind::Count {
                span_next = next;
            }
            k = next;
        }
    }
    // "four times per week": a count of times, as a rate.
    if f.kind == QuantityKind::Count
        && f.of.is_none()
        && toks.get(k).is_some_and(|t| t.is_word("times"))
        && rate_at(toks, k + 1).is_some()
    {
        f.of = Some("times".to_string());
        k += 1;
    }
    // A rate: "two million artillery shells a year".
    if let Some((per, after)) = rate_at(toks, k) {
        f.per = Some(per.to_string());
        // The rate is part of the measure when it follows the unit ("$15.4/hour") or a count
        // of times ("four times per week").
        if k == f.core.1 || f.of.as_deref() == Some("times") {
            f.core.1 = after;
        }
        if f.kind == QuantityKind::Count {
            f.kind = QuantityKind::Rate;
        }
        span_next = after;
        k = after;
    }
    f.next = span_next;
    (f, k.max(span_next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'q>(qs: &'q [Quantity], text: &str) -> &'q Quantity {
        qs.iter()
            .find(|q| q.text.contains(text) || text.contains(&q.text))
            .unwrap_or_else(|| panic!("no quantity for {text:?} in {qs:#?}"))
    }

    #[test]
    fn a_number_word_in_a_name_is_no_count() {
        let text = "Wales won the Six Nations title. Six people were hurt. He watched the \
                    Formula One race and the Three Lions lost. They have four Grammy awards.";
        let counts: Vec<String> = extract_from_text(text, None)
            .into_iter()
            .map(|q| q.text)
            .collect();
        assert_eq!(counts, vec!["Six people", "four Grammy awards"]);
    }

    #[test]
    fn a_bare_count_compared_with_counted_things_counts_them_too() {
        let value_of = |qs: &[Quantity], value: f64| {
            qs.iter()
                .find(|q| q.value == Some(value))
                .and_then(|q| q.of.clone())
        };
        let qs = extract_from_text(
            "The line carried 3.4 million riders last year, up from 2.9 million in 2022.",
            None,
        );
        assert_eq!(value_of(&qs, 2.9e6).as_deref(), Some("riders"), "{qs:#?}");
        let qs = extract_from_text("The fleet grew from 12 to 20 buses.", None);
        assert_eq!(value_of(&qs, 12.0).as_deref(), Some("buses"), "{qs:#?}");
        // Not across a sentence, nor over a word that compares nothing.
        let qs = extract_from_text("It sold 40 cars. In 2020 it made 12.", None);
        assert_eq!(value_of(&qs, 12.0), None, "{qs:#?}");
        let qs = extract_from_text("It sold 40 cars, and 12 were red.", None);
        assert_eq!(value_of(&qs, 12.0).as_deref(), Some("cars"), "{qs:#?}");
    }

    #[test]
    fn counts_money_and_rates() {
        let text = "EU states pledged one million artillery shells within a year; they supplied about 224,000 rounds. Russia can make two million shells a year, spending $1.13bn (£600m) over 1,200km.";
        let qs = extract_from_text(text, None);
        let q = find(&qs, "one million artillery shells");
        assert_eq!(q.value, Some(1e6));
        assert_eq!(q.of.as_deref(), Some("artillery shells"));
        let q = find(&qs, "within a year");
        assert_eq!(q.bound, Some(Bound::AtMost));
        let q = find(&qs, "about 224,000 rounds");
        assert!(q.approximate);
        let q = find(&qs, "two million shells a year");
        assert_eq!(q.kind, Some(QuantityKind::Rate));
        assert_eq!(q.per.as_deref(), Some("year"));
        let q = find(&qs, "$1.13bn");
        assert_eq!(q.value, Some(1.13e9));
        assert_eq!(q.currency.as_deref(), Some("USD"));
        // "second hand" is used goods, not seconds.
        let planes = extract_from_text("ATR will provide six second hand airplanes.", None);
        assert_eq!(planes[0].kind, Some(QuantityKind::Count));
        assert_eq!(planes[0].value, Some(6.0));
        let timed = extract_from_text("It took six seconds.", None);
        assert_eq!(timed[0].kind, Some(QuantityKind::Duration));
        // Scaling in binary floating point leaves no noise in the value.
        let remittances = extract_from_text("Migrants sent $16.6bn home.", None);
        assert_eq!(find(&remittances, "$16.6bn").value, Some(16_600_000_000.0));
        let q = find(&qs, "£600m");
        assert_eq!(q.value, Some(6e8));
        assert_eq!(q.currency.as_deref(), Some("GBP"));
        let q = find(&qs, "1,200km");
        assert_eq!(q.unit.as_deref(), Some("km"));
        let qs = extract_from_text("Earnings were 77m euros, up from 38m.", None);
        let q = find(&qs, "77m euros");
        assert_eq!(q.value, Some(77e6));
        assert_eq!(q.currency.as_deref(), Some("EUR"));
    }

    #[test]
    fn a_part_and_its_whole_are_two_counts() {
        let qs = extract_from_text("They delivered three of the ten frigates.", None);
        let part = find(&qs, "three");
        assert_eq!((part.value, part.of.as_deref()), (Some(3.0), None));
        let whole = find(&qs, "ten frigates");
        assert_eq!(
            (whole.value, whole.of.as_deref()),
            (Some(10.0), Some("frigates"))
        );
        // A named thing after "of" is still what is counted.
        let qs = extract_from_text("It fired ten of its missiles.", None);
        assert_eq!(find(&qs, "ten").of.as_deref(), Some("its missiles"));
    }

    #[test]
    fn a_bare_number_before_a_noun_is_a_count_not_a_day() {
        let qs = extract_from_text("Two of the 12 judges met on the 12 and on the 3rd.", None);
        let q = find(&qs, "12 judges");
        assert_eq!((q.kind, q.value), (Some(QuantityKind::Count), Some(12.0)));
        assert_eq!(find(&qs, "the 3rd").kind, Some(QuantityKind::Date));
    }

    #[test]
    fn dates_resolve_against_publication() {
        let published = CivilDate::parse_iso("2023-09-15");
        let qs = extract_from_text("In March, and again last year and this week.", published);
        assert_eq!(find(&qs, "In March").date.as_deref(), Some("2023-03"));
        assert_eq!(find(&qs, "last year").date.as_deref(), Some("2022"));
        assert_eq!(find(&qs, "this week").date.as_deref(), Some("2023-W37"));
    }
}

#[cfg(test)]
mod range_tests {
    use super::*;

    #[test]
    fn ranges_with_units() {
        let qs = extract_with_cores("They were given 44 mg to 50 mg ethanol, 3.5–4.0 TeV.", None);
        let (q, core) = &qs[0];
        assert_eq!(
            (q.value_min, q.value_max),
            (Some(44.0), Some(50.0)),
            "{qs:#?}"
        );
        assert_eq!(*core, (16, 30), "{qs:#?}");
    }

    fn cores(text: &str) -> Vec<(Quantity, String)> {
        extract_with_cores(text, None)
            .into_iter()
            .map(|(q, (s, e))| (q, text[s..e].to_string()))
            .collect()
    }

    #[test]
    fn a_span_from_is_a_range_but_a_change_is_two_amounts() {
        let qs = cores("The zones are quite high, from 7 to 10.");
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(
            (qs[0].0.value_min, qs[0].0.value_max),
            (Some(7.0), Some(10.0))
        );
        let qs = cores("Sales rose from 7 to 10 last year.");
        assert_eq!(qs[0].0.value, Some(7.0), "{qs:#?}");
        assert_eq!(qs[1].0.value, Some(10.0), "{qs:#?}");
        let qs = cores("Prices were cut from $5 to $4.");
        assert_eq!(qs.len(), 2, "{qs:#?}");
    }

    #[test]
    fn between_and_hyphenated_ranges() {
        let qs = cores("They were given between 44 and 50 mg ethanol.");
        assert_eq!(qs[0].1, "between 44 and 50 mg");
        let qs = cores("an 8- to 16-meter telescope");
        assert_eq!(qs[0].1, "8- to 16-meter", "{qs:#?}");
        assert_eq!(qs[0].0.unit.as_deref(), Some("m"));
        let qs = cores("They were given 45 and 50 mg ethanol.");
        assert_eq!(qs[0].0.unit.as_deref(), Some("mg"), "{qs:#?}");
    }

    #[test]
    fn rates_after_a_slash_and_counts_of_times() {
        let qs = cores("only for $15.4/hour");
        assert_eq!(qs[0].1, "$15.4/hour");
        assert_eq!(qs[0].0.per.as_deref(), Some("hour"));
        let qs = cores("it's used four times per week");
        assert_eq!(qs[0].1, "four times per week");
        assert_eq!(qs[0].0.kind, Some(QuantityKind::Rate));
    }

    #[test]
    fn a_possessor_in_an_of_phrase_is_not_the_thing_counted() {
        let qs = cores("the head of one of Mumbai's main charities said");
        assert_eq!(
            qs[0].0.of.as_deref(),
            Some("Mumbai's main charities"),
            "{qs:#?}"
        );
        let qs = cores("it has been one of the eurozone's worst economies");
        assert_eq!(
            qs[0].0.of.as_deref(),
            Some("eurozone's worst economies"),
            "{qs:#?}"
        );
    }

    #[test]
    fn a_designation_of_letters_and_digits_is_the_thing_counted() {
        let qs = cores("So far, Airbus has delivered 40 A300s to UPS.");
        assert_eq!(qs[0].0.of.as_deref(), Some("A300s"), "{qs:#?}");
        let qs = cores("the air force will buy 24 F-16 fighters");
        assert_eq!(qs[0].0.of.as_deref(), Some("F-16 fighters"), "{qs:#?}");
        let qs = cores("the carrier ordered 12 Boeing 747s last year");
        assert_eq!(qs[0].0.of.as_deref(), Some("Boeing 747s"), "{qs:#?}");
        // Numbers apart are two amounts, not a designation.
        let qs = cores("up from 30 to 40 in a year");
        assert!(qs.iter().all(|(q, _)| q.of.is_none()), "{qs:#?}");
    }

    #[test]
    fn an_adverb_of_frequency_is_a_rate_and_no_part_of_the_thing_counted() {
        let qs = cores("it will supply 7.5 million tonnes of LPG annually, officials said");
        assert_eq!(qs[0].0.of.as_deref(), Some("LPG"), "{qs:#?}");
        assert_eq!(qs[0].0.per.as_deref(), Some("year"));
        let qs = cores("the port handles 40 ships daily");
        assert_eq!(qs[0].0.of.as_deref(), Some("ships"), "{qs:#?}");
        assert_eq!(qs[0].0.per.as_deref(), Some("day"));
        // An adjective before a noun is no rate: "daily flights" are the thing counted.
        let qs = cores("the airline runs 12 daily flights to Lagos");
        assert_eq!(qs[0].0.per, None, "{qs:#?}");
        assert_eq!(qs[0].0.of.as_deref(), Some("daily flights"), "{qs:#?}");
    }

    #[test]
    fn per_units_as_negative_powers_and_tilde_approximations() {
        let qs = cores("winds greater than 20 m s−1 and ∼70% of 1091 cm−1 bands");
        assert_eq!(qs[0].1, "20 m s−1", "{qs:#?}");
        assert_eq!(qs[0].0.per.as_deref(), Some("s"));
        assert!(qs[1].0.approximate, "{qs:#?}");
        assert_eq!(qs[1].0.text, "∼70%");
        assert_eq!(qs[2].1, "1091 cm−1", "{qs:#?}");
    }

    #[test]
    fn picometres_are_not_clock_times() {
        let qs = cores("a size of 2.123 pm.");
        assert_eq!(qs[0].0.unit.as_deref(), Some("pm"), "{qs:#?}");
        let qs = cores("at 2.30 pm.");
        assert!(
            qs.iter().all(|(q, _)| q.unit.as_deref() != Some("pm")),
            "{qs:#?}"
        );
    }

    #[test]
    fn an_amount_alone_in_brackets_is_negative_but_a_conversion_is_not() {
        let qs = cores("The annual revenue is ($99.99).");
        assert_eq!(qs[0].0.value, Some(-99.99));
        let qs = cores("It cost $1.13bn (£600m).");
        assert_eq!(qs[1].0.value, Some(6e8));
    }
}
