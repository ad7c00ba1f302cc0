//! Quantities: numbers in digits and words, with their units, currencies, approximations,
//! bounds, ranges, fractions, rates, durations and dates, and the thing they count.
//!
//! The layer is built from small recognisers over the [`lexer`]'s tokens: [`numbers`] reads a
//! number phrase, [`ranges`] the comparators around it, [`units`] what it measures, [`dates`]
//! calendar expressions. [`extract`] assembles them into the document's `quantities` layer; the
//! `recognize_*` functions here expose single recognisers for benchmarks that measure one kind
//! of expression at a time.
//!
//! Nothing here depends on part-of-speech tags: the rules read words. When the parser's tokens
//! are available, the `of` phrase can be read from the dependency tree instead (see
//! [`extract::counted_thing`]).

pub mod dates;
pub mod datetime;
pub mod extract;
pub mod lexer;
pub mod numbers;
pub mod ranges;
pub mod units;

use lexer::{Tok, TokKind, lex};
use numbers::{NumberKind, NumberOptions, NumberParser};
use ranges::{Interval, Relation, comparator_after, comparator_before};

pub use extract::extract_quantities;

use newsfacts_doc::{Bound, Document, Quantity, QuantityKind};

/// How far back before a quantity a deadline's preposition may stand ("before the end of").
const DEADLINE_LOOKBACK_BYTES: usize = 24;

/// Whether a date or duration is a deadline: "within a year", "by June", "before the end of
/// 2024".
pub fn is_deadline(doc: &Document, quantity: &Quantity) -> bool {
    let text = quantity.text.to_lowercase();
    let from = quantity.start.saturating_sub(DEADLINE_LOOKBACK_BYTES);
    let before = (from..=quantity.start)
        .find_map(|at| doc.text.get(at..quantity.start))
        .unwrap_or_default()
        .to_lowercase();
    // "by the end of June": the date may begin after its article.
    let before = before.trim_end();
    let before = before
        .strip_suffix("the")
        .filter(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace))
        .map_or(before, str::trim_end);
    let introduced = |words: &[&str]| {
        words.iter().any(|word| {
            let written_before = before.strip_suffix(word).is_some_and(|rest| {
                rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric())
            });
            text.starts_with(&format!("{word} ")) || written_before
        })
    };
    match quantity.kind {
        Some(QuantityKind::Duration) => {
            quantity.bound == Some(Bound::AtMost) || introduced(&["within", "in the next"])
        }
        Some(QuantityKind::Date) => introduced(&["by", "before", "until", "by the end of"]),
        _ => false,
    }
}

/// A recognised expression: byte span into the text and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognized {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub kind: NumberKind,
}

/// A recognised range: byte span and interval.
#[derive(Debug, Clone, PartialEq)]
pub struct RecognizedRange {
    pub start: usize,
    pub end: usize,
    pub interval: Interval,
}

/// Whether the "one" at token `i` is a pronoun, not a number: after a determiner ("the one you
/// mentioned", "each one", "no one", "no-one", "someone"). "some one hundred" is not here:
/// there "some" approximates a number.
pub(crate) fn one_is_pronoun(toks: &[Tok], i: usize) -> bool {
    if !toks[i].is_word("one") || i == 0 {
        return false;
    }
    // "no-one": the hyphen stands between.
    if toks[i - 1].punct() == Some('-')
        && toks[i].glued()
        && toks[i - 1].glued()
        && i >= 2
        && toks[i - 2].is_word("no")
    {
        return true;
    }
    matches!(
        toks[i - 1].word(),
        Some(
            "the"
                | "this"
                | "that"
                | "which"
                | "each"
                | "every"
                | "any"
                | "no"
                | "another"
                | "someone"
                | "anyone"
        )
    )
}

/// Whether a digit token at `i` is glued to a word that makes it something other than a plain
/// number: a unit ("180ml") or an ordinal suffix ("4th").
fn digits_glued_to_word(text: &str, toks: &[Tok], i: usize, opts: NumberOptions) -> bool {
    let Some(next) = toks.get(i + 1) else {
        return false;
    };
    if toks[i].num().is_none() || !next.glued() || next.word().is_none() {
        return false;
    }
    let raw = &text[next.start..next.end];
    !numbers::is_scale_abbreviation(raw, opts)
}

fn span_of(toks: &[Tok], first: usize, next: usize) -> (usize, usize) {
    (toks[first].start, toks[next - 1].end)
}

/// Cardinal numbers, decimals and fractions, as a number recogniser reports them: "192",
/// "one hundred and six", "two thirds", "10k", "1,234,567".
pub fn recognize_numbers(text: &str) -> Vec<Recognized> {
    let toks = lex(text);
    let opts = NumberOptions {
        giga_suffix: true,
        lowercase_m_million: false,
    };
    let parser = NumberParser::new(text, &toks, opts);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if one_is_pronoun(&toks, i) || digits_glued_to_word(text, &toks, i, opts) {
            i += 1;
            continue;
        }
        let Some(phrase) = parser.phrase(i) else {
            i += 1;
            continue;
        };
        if phrase.vague.is_some() {
            i = phrase.next;
            continue;
        }
        let last = phrase.next - 1;
        if digits_glued_to_word(text, &toks, last, opts) {
            i = phrase.next;
            continue;
        }
        let (start, end) = span_of(&toks, phrase.first, phrase.next);
        out.push(Recognized {
            start,
            end,
            value: phrase.value,
            kind: phrase.kind,
        });
        i = phrase.next;
    }
    out
}

/// Ordinals: "11th", "twenty-fifth", "one hundred twenty fifth".
pub fn recognize_ordinals(text: &str) -> Vec<Recognized> {
    let toks = lex(text);
    let parser = NumberParser::new(text, &toks, NumberOptions::default());
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((value, next)) = parser.ordinal(i) {
            let (start, end) = span_of(&toks, i, next);
            out.push(Recognized {
                start,
                end,
                value,
                kind: NumberKind::Integer,
            });
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

/// Relative ordinals ("last", "next to last", "the one before the last one", "previous one"):
/// byte span and position relative to the current or the end item, as "end-1", "current+1".
pub fn recognize_relative_ordinals(text: &str) -> Vec<(usize, usize, String)> {
    const PATTERNS: &[(&[&str], &str)] = &[
        (&["the", "one", "before", "the", "last", "one"], "end-1"),
        (&["the", "one", "before", "the", "last"], "end-1"),
        (&["the", "last", "but", "one"], "end-1"),
        (&["the", "second", "to", "last"], "end-1"),
        (&["next", "to", "last"], "end-1"),
        (&["penultimate"], "end-1"),
        (&["antepenultimate"], "end-2"),
        (&["previous", "one"], "current-1"),
        (&["next", "one"], "current+1"),
        (&["current", "one"], "current+0"),
        (&["last"], "end+0"),
        (&["next"], "current+1"),
        (&["previous"], "current-1"),
        (&["current"], "current+0"),
    ];
    let toks = lex(text);
    let mut out = Vec::new();
    let mut i = 0;
    'scan: while i < toks.len() {
        for (pattern, value) in PATTERNS {
            let fits = pattern
                .iter()
                .enumerate()
                .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.is_word(w)));
            if fits {
                let next = i + pattern.len();
                out.push((toks[i].start, toks[next - 1].end, (*value).to_string()));
                i = next;
                continue 'scan;
            }
        }
        i += 1;
    }
    out
}

/// Fractions read as percentages ("one out of three" = 33.3 %, "one quarter of" = 25 %), as a
/// percentage recogniser in its fraction mode reports them.
pub fn recognize_fraction_percentages(text: &str) -> Vec<Recognized> {
    let toks = lex(text);
    let parser = NumberParser::new(text, &toks, NumberOptions::default());
    let mut out = recognize_percentages(text);
    let mut i = 0;
    while i < toks.len() {
        if let Some(p) = parser.phrase(i)
            && p.kind == NumberKind::Fraction
        {
            let out_of =
                (p.first + 1..p.next).any(|k| toks[k].is_word("out") || toks[k].is_word("in"));
            let of_after = toks.get(p.next).is_some_and(|t| t.is_word("of"));
            if out_of || of_after {
                let next = if of_after { p.next + 1 } else { p.next };
                let (start, end) = span_of(&toks, p.first, next);
                out.push(Recognized {
                    start,
                    end,
                    value: p.value * 100.0,
                    kind: p.kind,
                });
            }
            i = p.next;
            continue;
        }
        // "one in two"
        if let Some(p) = parser.phrase(i)
            && p.value == 1.0
            && toks.get(p.next).is_some_and(|t| t.is_word("in"))
            && let Some(q) = parser.phrase(p.next + 1)
            && q.value > 0.0
        {
            let (start, end) = span_of(&toks, p.first, q.next);
            out.push(Recognized {
                start,
                end,
                value: 100.0 / q.value,
                kind: NumberKind::Fraction,
            });
            i = q.next;
            continue;
        }
        i += 1;
    }
    out.sort_by_key(|r| r.start);
    out
}

/// Whether tokens at `i` spell "percent": "%", "percent", "per cent", "percentage", "pct".
/// Returns the token after it.
pub fn percent_sign(toks: &[Tok], i: usize) -> Option<usize> {
    let tok = toks.get(i)?;
    match &tok.kind {
        TokKind::Punct('%') => Some(i + 1),
        TokKind::Word(w)
            if matches!(
                w.as_str(),
                "percent" | "percents" | "percentage" | "pct" | "percentages"
            ) =>
        {
            Some(i + 1)
        }
        TokKind::Word(w) if w == "per" && toks.get(i + 1).is_some_and(|t| t.is_word("cent")) => {
            Some(i + 2)
        }
        _ => None,
    }
}

/// Percentages: "100%", "twenty percent", "per cent of 210", "minus five percent".
pub fn recognize_percentages(text: &str) -> Vec<Recognized> {
    let toks = lex(text);
    let parser = NumberParser::new(text, &toks, NumberOptions::default());
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // "percent of 10"
        if let Some(after) = percent_sign(&toks, i)
            && toks[i].word().is_some()
            && toks.get(after).is_some_and(|t| t.is_word("of"))
            && let Some(p) = parser.phrase(after + 1)
        {
            let (start, end) = span_of(&toks, i, p.next);
            out.push(Recognized {
                start,
                end,
                value: p.value,
                kind: p.kind,
            });
            i = p.next;
            continue;
        }
        // Inside a URL: "%25", "q=30%".
        if toks[i].punct() == Some('%')
            && toks
                .get(i + 1)
                .is_some_and(|t| t.glued() && t.num().is_some())
        {
            i += 2;
            continue;
        }
        if let Some(p) = parser.phrase(i)
            && p.vague.is_none()
            && let Some(after) = percent_sign(&toks, p.next)
        {
            let in_url = p.first > 0
                && toks[p.first].glued()
                && matches!(toks[p.first - 1].punct(), Some('=' | '%' | '/'));
            if !in_url {
                let (start, end) = span_of(&toks, p.first, after);
                out.push(Recognized {
                    start,
                    end,
                    value: p.value,
                    kind: p.kind,
                });
            }
            i = after;
            continue;
        }
        i += 1;
    }
    out
}

/// Number ranges and comparisons: "between 20 and 30", "more than 30", "five hundred or more".
/// `closed_upper`: whether a range's upper end is included ("20 to 30" as [20,30] rather than
/// [20,30)).
pub fn recognize_number_ranges(text: &str, closed_upper: bool) -> Vec<RecognizedRange> {
    let toks = lex(text);
    let opts = NumberOptions::default();
    let parser = NumberParser::new(text, &toks, opts);
    let value_at = |i: usize| -> Option<(f64, usize)> {
        if let Some((v, next)) = parser.ordinal(i) {
            return Some((v, next));
        }
        let p = parser.phrase(i)?;
        if p.vague.is_some() || digits_glued_to_word(text, &toks, p.next - 1, opts) {
            return None;
        }
        Some((p.value, p.next))
    };
    let upper_inclusive = closed_upper;
    let mut found: Vec<(usize, usize, Interval, Option<Relation>)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // "between X and Y"
        if toks[i].is_word("between") || toks[i].is_word("from") {
            let mut k = i + 1;
            if toks.get(k).is_some_and(|t| t.is_word("the")) {
                k += 1;
            }
            if let Some((lo, next)) = value_at(k) {
                let joiner_ok = |j: usize| {
                    toks.get(j).is_some_and(|t| {
                        if toks[i].is_word("between") {
                            t.is_word("and")
                        } else {
                            t.is_word("to")
                                || t.is_word("through")
                                || t.punct() == Some('-')
                                || t.punct() == Some('–')
                        }
                    })
                };
                if joiner_ok(next) {
                    let mut m = next + 1;
                    if toks.get(m).is_some_and(|t| t.is_word("the")) {
                        m += 1;
                    }
                    if let Some((hi, after)) = value_at(m)
                        && lo < hi
                    {
                        let (start, end) = span_of(&toks, i, after);
                        found.push((
                            start,
                            end,
                            Interval {
                                lo: Some((lo, true)),
                                hi: Some((hi, upper_inclusive)),
                            },
                            None,
                        ));
                        i = after;
                        continue;
                    }
                }
            }
        }
        // A comparator before a number.
        if let Some((relation, cstart)) = comparator_before(&toks, i)
            && cstart < i
            && let Some((v, next)) = value_at(i)
        {
            let mut end_tok = next;
            let mut relation = relation;
            // "less than 5000 or equal (to)"; but "more than 5000 or equal to 6000" is two.
            if toks.get(next).is_some_and(|t| t.is_word("or"))
                && toks.get(next + 1).is_some_and(|t| t.is_word("equal"))
            {
                let mut e = next + 2;
                let starts_number = |k: usize| {
                    toks.get(k).is_some_and(|t| {
                        t.num().is_some()
                            || t.word().is_some_and(|w| numbers::unit_word(w).is_some())
                    })
                };
                let to_number =
                    toks.get(e).is_some_and(|t| t.is_word("to")) && starts_number(e + 1);
                if !to_number && !starts_number(e) {
                    relation = match relation {
                        Relation::Gt => Relation::Ge,
                        Relation::Lt => Relation::Le,
                        r => r,
                    };
                    if toks.get(e).is_some_and(|t| t.is_word("to")) {
                        e += 1;
                    }
                    end_tok = e;
                }
            }
            // "equal to 5000 or less"
            if relation == Relation::Eq
                && let Some((after_rel, after)) = comparator_after(&toks, next)
            {
                relation = after_rel;
                end_tok = after;
            }
            let (start, end) = span_of(&toks, cstart, end_tok);
            found.push((
                start,
                end,
                Interval::from_relation(relation, v),
                Some(relation),
            ));
            i = end_tok;
            continue;
        }
        // A number with a comparator after it, or a dash range.
        if let Some(p) = parser.phrase(i)
            && p.vague.is_none()
        {
            let phone_like =
                i > 0 && toks[i].glued() && matches!(toks[i - 1].punct(), Some('-' | '+'));
            if let Some((relation, after)) = comparator_after(&toks, p.next) {
                let (start, end) = span_of(&toks, i, after);
                found.push((
                    start,
                    end,
                    Interval::from_relation(relation, p.value),
                    Some(relation),
                ));
                i = after;
                continue;
            }
            // "20 through 100", "20~100", "1000-5000"
            if let Some(t) = toks.get(p.next)
                && (t.is_word("through") || matches!(t.punct(), Some('~' | '-' | '–')))
                && !phone_like
                && let Some(q) = parser.phrase(p.next + 1)
                && q.vague.is_none()
                && p.value < q.value
                && !toks
                    .get(q.next)
                    .is_some_and(|t| matches!(t.punct(), Some('-' | '/')) && t.glued())
            {
                let (start, end) = span_of(&toks, i, q.next);
                found.push((
                    start,
                    end,
                    Interval {
                        lo: Some((p.value, true)),
                        hi: Some((q.value, upper_inclusive)),
                    },
                    None,
                ));
                i = q.next;
                continue;
            }
            i = p.next;
            continue;
        }
        i += 1;
    }
    // Join a lower and an upper bound written one after the other: "more than 10 and less than
    // 40", "at most 100 and at least 20".
    let mut out: Vec<RecognizedRange> = Vec::new();
    let mut k = 0;
    while k < found.len() {
        let (s, e, iv, rel) = found[k];
        if let Some(&(s2, e2, iv2, rel2)) = found.get(k + 1)
            && let (Some(r1), Some(r2)) = (rel, rel2)
            && ((r1.is_lower_bound() && r2.is_upper_bound())
                || (r1.is_upper_bound() && r2.is_lower_bound()))
        {
            let between = text[e..s2].trim().to_lowercase();
            let joined = matches!(between.as_str(), "and" | "but" | "," | ", and" | "and also");
            let merged = Interval {
                lo: iv.lo.or(iv2.lo),
                hi: iv.hi.or(iv2.hi),
            };
            if joined
                && let (Some((lo, _)), Some((hi, _))) = (merged.lo, merged.hi)
                && lo < hi
            {
                out.push(RecognizedRange {
                    start: s,
                    end: e2,
                    interval: merged,
                });
                k += 2;
                continue;
            }
        }
        out.push(RecognizedRange {
            start: s,
            end: e,
            interval: iv,
        });
        k += 1;
    }
    out
}
