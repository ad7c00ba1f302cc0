//! Arithmetic checks: comparative and proportional claims of an article tested against the
//! article's own numbers, with the computation written out for a reader.
//!
//! Two kinds of claim are checked:
//! - a fraction of a target: "<bound> <fraction> of <their/the> <target|goal|pledge|…>", where
//!   the target is an amount pledged earlier in the paragraph and the delivered amounts stand in
//!   the claim's sentence ("supplied about 224,000 rounds and 2,300 missiles – less than a
//!   quarter of their target");
//! - a change: "<rose|fell|…> <P>% to <A> from <B>" (either order of "to" and "from"), and
//!   "doubled/tripled/halved from <B> to <A>".
//!
//! The verdicts are conservative: a claim is `consistent` or `inconsistent` only when every
//! plausible reading of the numbers agrees (summing the delivered amounts or taking the largest;
//! allowing for the rounding of every number as written); otherwise it is `unverifiable`.

use newsfacts_doc::{Bound, Check, Document, Quantity, QuantityKind, Span, Verdict};

/// Nouns that name a target an amount is measured against.
const TARGET_NOUNS: &[&str] = &[
    "target",
    "targets",
    "goal",
    "goals",
    "pledge",
    "pledges",
    "promise",
    "promises",
    "commitment",
    "commitments",
    "aim",
    "quota",
    "objective",
];

/// Words that mark an amount as pledged or targeted.
const PLEDGE_CUES: &[&str] = &[
    "pledged",
    "pledge",
    "pledges",
    "promised",
    "promise",
    "promises",
    "committed",
    "commitment",
    "vowed",
    "target",
    "targeted",
    "goal",
    "aim",
    "aims",
    "aimed",
    "planned",
    "plans",
    "agreed",
    "undertook",
    "undertaken",
    "set out",
];

/// Words of a rise and of a fall.
const RISE_WORDS: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "increased",
    "increase",
    "increases",
    "grew",
    "grown",
    "grow",
    "climbed",
    "climb",
    "jumped",
    "jump",
    "soared",
    "gained",
    "up",
    "surged",
    "higher",
    "advanced",
];
const FALL_WORDS: &[&str] = &[
    "fell",
    "fallen",
    "fall",
    "falls",
    "falling",
    "dropped",
    "drop",
    "declined",
    "decline",
    "decreased",
    "decrease",
    "slid",
    "sank",
    "down",
    "slumped",
    "plunged",
    "lost",
    "shrank",
    "lower",
    "tumbled",
    "cut",
];

/// The checks of a document. Reads `doc.quantities`, `doc.sentences` and `doc.paragraphs`.
pub fn check_claims(doc: &Document) -> Vec<Check> {
    let mut checks = Vec::new();
    for (index, q) in doc.quantities.iter().enumerate() {
        if let Some(check) = fraction_of_target(doc, index, q) {
            checks.push(check);
        }
    }
    for sentence in &doc.sentences {
        checks.extend(change_claims(doc, *sentence));
    }
    checks
}

/// The span of the unit (sentence or paragraph) containing byte `at`.
fn containing(spans: &[Span], at: usize) -> Option<(usize, Span)> {
    spans
        .iter()
        .enumerate()
        .find(|(_, s)| s.start <= at && at < s.end.max(s.start + 1))
        .map(|(i, s)| (i, *s))
}

/// Writes a number for a reader: "224,000", "0.2263", "11.1bn" stays "11,100,000,000".
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (n, c) in digits.chars().enumerate() {
            if n > 0 && (digits.len() - n) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format!("{v:.4}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        s.to_string()
    }
}

fn bound_symbol(b: Option<Bound>) -> &'static str {
    match b {
        Some(Bound::LessThan) => "<",
        Some(Bound::AtMost) => "≤",
        Some(Bound::MoreThan) => ">",
        Some(Bound::AtLeast) => "≥",
        None => "≈",
    }
}

/// Tests `ratio` against the claimed value and bound. `slack` is the relative uncertainty of the
/// ratio (from approximate inputs and rounding). Returns None when the answer is not clear.
fn compare(ratio: f64, claimed: f64, bound: Option<Bound>, slack: f64) -> Option<bool> {
    let margin = claimed * slack;
    match bound {
        Some(Bound::LessThan | Bound::AtMost) => {
            if ratio < claimed - margin {
                Some(true)
            } else if ratio > claimed + margin {
                Some(false)
            } else {
                None
            }
        }
        Some(Bound::MoreThan | Bound::AtLeast) => {
            if ratio > claimed + margin {
                Some(true)
            } else if ratio < claimed - margin {
                Some(false)
            } else {
                None
            }
        }
        None => {
            // "a quarter of" said of an approximate share: within 10 % of the claim is
            // consistent, more than 30 % away is not.
            let off = (ratio - claimed).abs() / claimed.abs().max(f64::MIN_POSITIVE);
            if off <= 0.10 + slack {
                Some(true)
            } else if off > 0.30 + slack {
                Some(false)
            } else {
                None
            }
        }
    }
}

/// "less than a quarter of their target": the delivered amounts of the claim's sentence over the
/// amount pledged earlier in the paragraph.
fn fraction_of_target(doc: &Document, index: usize, claim: &Quantity) -> Option<Check> {
    if !matches!(
        claim.kind,
        Some(QuantityKind::Ratio | QuantityKind::Percent)
    ) {
        return None;
    }
    let of = claim.of.as_deref()?;
    let head = of.split_whitespace().last()?.to_lowercase();
    if !TARGET_NOUNS.contains(&head.as_str()) {
        return None;
    }
    let claimed = match claim.kind {
        Some(QuantityKind::Percent) => claim.value? / 100.0,
        _ => claim.value?,
    };
    let claim_span = doc.text_span(Span::new(claim.start, claim.end));
    let unverifiable = |computation: String, inputs: Vec<String>| Check {
        claim: claim_span.clone(),
        verdict: Verdict::Unverifiable,
        computation,
        inputs,
    };
    let (_, sentence) = containing(&doc.sentences, claim.start)?;
    let paragraph = containing(&doc.paragraphs, claim.start).map(|(_, p)| p)?;
    // The target: the last amount before the claim, in the paragraph, whose sentence states a
    // pledge before it.
    let target_index = (0..index).rev().find(|&j| {
        let q = &doc.quantities[j];
        if q.start < paragraph.start || !is_amount(q) {
            return false;
        }
        let Some((_, s)) = containing(&doc.sentences, q.start) else {
            return false;
        };
        // The cue must stand between the previous quantity (or the sentence start) and this
        // one: "pledged to provide one million shells", not "pledged …; they supplied 224,000".
        let window_start = doc.quantities[..j]
            .iter()
            .rev()
            .map(|p| p.end)
            .find(|&e| e <= q.start)
            .map_or(s.start, |e| e.max(s.start));
        let before = doc.text[window_start..q.start].to_lowercase();
        PLEDGE_CUES.iter().any(|cue| before.contains(cue))
    });
    let Some(target_index) = target_index else {
        return Some(unverifiable(
            format!("no pledged amount found in the paragraph for \"{of}\""),
            vec![],
        ));
    };
    let target = &doc.quantities[target_index];
    // The delivered amounts: same kind as the target, in the claim's sentence, between the
    // target and the claim.
    let delivered: Vec<&Quantity> = doc.quantities[target_index + 1..index]
        .iter()
        .filter(|q| q.start >= sentence.start && is_amount(q) && q.kind == target.kind)
        .collect();
    let mut inputs: Vec<String> = delivered.iter().map(|q| q.id.clone()).collect();
    inputs.push(target.id.clone());
    let target_value = match (target.value, target.bound) {
        (Some(v), None) if v > 0.0 => v,
        _ => {
            return Some(unverifiable(
                format!("the target \"{}\" is not an exact amount", target.text),
                inputs,
            ));
        }
    };
    if delivered.is_empty() {
        return Some(unverifiable(
            format!("no delivered amount found before \"{}\"", claim.text),
            inputs,
        ));
    }
    if delivered
        .iter()
        .any(|q| q.value.is_none() || q.bound.is_some() || q.currency != target.currency)
    {
        return Some(unverifiable(
            "a delivered amount is a range, a bound or in another unit".to_string(),
            inputs,
        ));
    }
    let values: Vec<f64> = delivered.iter().filter_map(|q| q.value).collect();
    let sum: f64 = values.iter().sum();
    let largest = values.iter().copied().fold(f64::MIN, f64::max);
    let approximate = delivered.iter().any(|q| q.approximate) || target.approximate;
    let slack = if approximate { 0.05 } else { 0.0 };
    let symbol = bound_symbol(claim.bound);
    let sum_ratio = sum / target_value;
    let sum_holds = compare(sum_ratio, claimed, claim.bound, slack);
    let mut computation = if values.len() > 1 {
        format!(
            "({}) / {} = {}",
            values
                .iter()
                .map(|v| format_number(*v))
                .collect::<Vec<_>>()
                .join(" + "),
            format_number(target_value),
            format_number(sum_ratio)
        )
    } else {
        format!(
            "{} / {} = {}",
            format_number(sum),
            format_number(target_value),
            format_number(sum_ratio)
        )
    };
    computation.push_str(&format!(" {symbol} {}?", format_number(claimed)));
    let mut readings = vec![sum_holds];
    // The delivered items may not all count towards the target ("rounds and missiles" against
    // "shells"): the claim must also hold for the largest item alone.
    let distinct_items = delivered
        .iter()
        .filter_map(|q| q.of.as_deref())
        .collect::<std::collections::BTreeSet<_>>()
        .len()
        > 1;
    if values.len() > 1 && distinct_items {
        let alone = largest / target_value;
        readings.push(compare(alone, claimed, claim.bound, slack));
        computation.push_str(&format!(
            " (largest item alone: {} / {} = {})",
            format_number(largest),
            format_number(target_value),
            format_number(alone)
        ));
    }
    let verdict = if readings.iter().all(|r| *r == Some(true)) {
        Verdict::Consistent
    } else if readings.iter().all(|r| *r == Some(false)) {
        Verdict::Inconsistent
    } else {
        Verdict::Unverifiable
    };
    Some(Check {
        claim: claim_span,
        verdict,
        computation,
        inputs,
    })
}

/// An amount that can be summed or compared: a count, money or a measure with a value.
fn is_amount(q: &Quantity) -> bool {
    matches!(
        q.kind,
        Some(
            QuantityKind::Count
                | QuantityKind::Money
                | QuantityKind::Length
                | QuantityKind::Mass
                | QuantityKind::Volume
                | QuantityKind::Area
        )
    )
}

/// The half-unit of the last digit a quantity is written with, in its value's units: "$11.1bn"
/// → 0.05bn. Used to allow for rounding.
fn rounding_of(q: &Quantity) -> f64 {
    let Some(v) = q.value else {
        return 0.0;
    };
    // The first numeric literal of the text.
    let text = &q.text;
    let Some(start) = text.find(|c: char| c.is_ascii_digit()) else {
        return v.abs() * 0.05;
    };
    let literal: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let literal = literal.trim_end_matches('.');
    let Ok(written) = literal.parse::<f64>() else {
        return v.abs() * 0.05;
    };
    let decimals = literal.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    let scale = if written != 0.0 { v / written } else { 1.0 };
    0.5 * 10f64.powi(-decimals) * scale.abs()
}

/// The factor a multiplying verb states: "doubled" → 2.
fn multiplier_word(w: &str) -> Option<f64> {
    Some(match w {
        "doubled" | "doubling" | "doubles" => 2.0,
        "tripled" | "trebled" | "tripling" | "triples" => 3.0,
        "quadrupled" | "quadrupling" => 4.0,
        "halved" | "halving" | "halves" => 0.5,
        _ => return None,
    })
}

/// "doubled to 20 from 10", "has halved from £4m to £2m".
fn multiplier_claims(doc: &Document, sentence: Span, qs: &[(usize, &Quantity)]) -> Vec<Check> {
    let mut out = Vec::new();
    let text = &doc.text[sentence.start..sentence.end];
    let mut offset = 0;
    for word in text.split_inclusive(|c: char| c.is_whitespace()) {
        let start = sentence.start + offset;
        offset += word.len();
        let clean = word
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let Some(factor) = multiplier_word(&clean) else {
            continue;
        };
        let word_before = |q: &Quantity| {
            doc.text[sentence.start..q.start]
                .split_whitespace()
                .last()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
        };
        let following: Vec<&Quantity> = qs
            .iter()
            .map(|(_, q)| *q)
            .filter(|q| q.start > start)
            .take(4)
            .collect();
        // The amounts must follow the verb closely: "doubled to 20 from 10".
        if following.first().is_none_or(|q| q.start - start > 40) {
            continue;
        }
        let to = following
            .iter()
            .find(|q| word_before(q).as_deref() == Some("to"));
        let from = following
            .iter()
            .find(|q| word_before(q).as_deref() == Some("from"));
        let (Some(to), Some(from)) = (to, from) else {
            continue;
        };
        let claim = doc.text_span(Span::new(start, to.end.max(from.end)));
        let inputs = vec![from.id.clone(), to.id.clone()];
        let comparable = to.kind == from.kind
            && to.currency == from.currency
            && to.unit == from.unit
            && to.bound.is_none()
            && from.bound.is_none();
        let (Some(a), Some(b)) = (to.value, from.value) else {
            continue;
        };
        if !comparable || b == 0.0 {
            out.push(Check {
                claim,
                verdict: Verdict::Unverifiable,
                computation: "the two amounts are not in the same unit".to_string(),
                inputs,
            });
            continue;
        }
        let ratio = a / b;
        let off = (ratio / factor - 1.0).abs();
        // "Doubled" is said loosely of a rise near twofold: within 10 % is consistent, more
        // than 30 % away is not, between is left open.
        let approximate = to.approximate || from.approximate;
        let verdict = if off <= 0.10 {
            Verdict::Consistent
        } else if off > 0.30 && !approximate {
            Verdict::Inconsistent
        } else {
            Verdict::Unverifiable
        };
        out.push(Check {
            claim,
            verdict,
            computation: format!(
                "{} / {} = {} (claimed ×{})",
                format_number(a),
                format_number(b),
                format_number(ratio),
                format_number(factor)
            ),
            inputs,
        });
    }
    out
}

/// "rose 2% to $11.1bn from $10.9bn", "doubled from 10 to 20".
fn change_claims(doc: &Document, sentence: Span) -> Vec<Check> {
    let mut out = Vec::new();
    // Quantities are in text order: find the sentence's by binary search.
    let first = doc.quantities.partition_point(|q| q.start < sentence.start);
    let last = doc.quantities.partition_point(|q| q.start < sentence.end);
    let qs: Vec<(usize, &Quantity)> = doc.quantities[first..last.max(first)]
        .iter()
        .enumerate()
        .map(|(n, q)| (first + n, q))
        .filter(|(_, q)| q.end <= sentence.end)
        .collect();
    if qs.is_empty() {
        return Vec::new();
    }
    let word_before = |q: &Quantity| -> Option<String> {
        doc.text[sentence.start..q.start]
            .split_whitespace()
            .last()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
    };
    out.extend(multiplier_claims(doc, sentence, &qs));
    for (n, (_, pct)) in qs.iter().enumerate() {
        if pct.kind != Some(QuantityKind::Percent) || pct.bound.is_some() {
            continue;
        }
        let Some(claimed) = pct.value else {
            continue;
        };
        // The direction: a rise or fall word within the three words before the percentage
        // ("rose 2%", "rose by 2%", "was up 2%").
        let before = doc.text[sentence.start..pct.start].to_lowercase();
        let last_words: Vec<&str> = before
            .split_whitespace()
            .rev()
            .take(3)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        let rise = last_words.iter().any(|w| RISE_WORDS.contains(w));
        let fall = last_words.iter().any(|w| FALL_WORDS.contains(w));
        if rise == fall {
            continue;
        }
        // The percentage must be the change itself ("rose 2%", "rose by 2%"), not one end of
        // it ("cut from 2.5% to 2%", "fall to 2.9%").
        let adjacent = last_words.first().copied().unwrap_or("");
        if !(adjacent == "by" || RISE_WORDS.contains(&adjacent) || FALL_WORDS.contains(&adjacent)) {
            continue;
        }
        // "to A" and "from B" among the next few quantities ("jumped 76% to $1.13bn (£600m)
        // for the three months to December, from $639m").
        let mut to = None;
        let mut from = None;
        for (_, q) in qs.iter().skip(n + 1).take(5) {
            match word_before(q).as_deref() {
                Some("to") => to = to.or(Some(*q)),
                Some("from") => from = from.or(Some(*q)),
                _ => {}
            }
        }
        let (Some(to), Some(from)) = (to, from) else {
            continue;
        };
        let claim_start = doc.text[sentence.start..pct.start]
            .rfind(|c: char| c.is_whitespace())
            .map(|_| {
                // Start the claim at the direction word.
                let lower = &before;
                let mut best = pct.start;
                for w in RISE_WORDS.iter().chain(FALL_WORDS) {
                    if let Some(p) = lower.rfind(&format!("{w} ")) {
                        let abs = sentence.start + p;
                        if pct.start - abs < 40 && abs < best {
                            best = abs;
                        }
                    }
                }
                best
            })
            .unwrap_or(pct.start);
        let claim_end = to.end.max(from.end);
        let claim = doc.text_span(Span::new(claim_start, claim_end));
        let inputs = vec![pct.id.clone(), from.id.clone(), to.id.clone()];
        let comparable = to.kind == from.kind
            && to.currency == from.currency
            && to.unit == from.unit
            && to.bound.is_none()
            && from.bound.is_none();
        let (Some(a), Some(b)) = (to.value, from.value) else {
            continue;
        };
        if !comparable || b == 0.0 {
            out.push(Check {
                claim,
                verdict: Verdict::Unverifiable,
                computation: "the two amounts are not in the same unit".to_string(),
                inputs,
            });
            continue;
        }
        let change = (a - b) / b * 100.0;
        let signed_claim = if fall { -claimed } else { claimed };
        // Allow for the rounding of every number as written.
        let (da, db) = (rounding_of(to), rounding_of(from));
        let dp = rounding_of(pct);
        let tolerance = dp + 100.0 * (da + db * (a / b).abs()) / b.abs();
        let off = (change - signed_claim).abs();
        let direction_wrong = (fall && a > b) || (rise && a < b);
        let verdict = if direction_wrong {
            Verdict::Inconsistent
        } else if off <= tolerance {
            Verdict::Consistent
        } else if off > 2.0 * tolerance + 0.5 && !to.approximate && !from.approximate {
            Verdict::Inconsistent
        } else {
            Verdict::Unverifiable
        };
        let computation = format!(
            "({} - {}) / {} = {}% (claimed {}{}%, rounding allows ±{}%)",
            format_number(a),
            format_number(b),
            format_number(b),
            format_number(change),
            if fall { "-" } else { "+" },
            format_number(claimed),
            format_number(tolerance)
        );
        out.push(Check {
            claim,
            verdict,
            computation,
            inputs,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;
    use newsfacts_doc::Article;

    fn analyse(text: &str) -> Document {
        Pipeline::new().analyze(Article {
            id: "t".into(),
            paragraphs: vec![text.to_string()],
            ..Article::default()
        })
    }

    #[test]
    fn fraction_of_a_pledge() {
        let doc = analyse(
            "The allies pledged to provide 500 tanks this year; they have so far delivered 90 tanks – less than a quarter of their target.",
        );
        assert_eq!(doc.checks.len(), 1, "{:#?}", doc.checks);
        assert_eq!(
            doc.checks[0].verdict,
            Verdict::Consistent,
            "{:#?} {:#?}",
            doc.checks,
            doc.sentences
        );
        assert!(doc.checks[0].computation.contains("90 / 500 = 0.18"));
        let doc = analyse(
            "The allies pledged to provide 500 tanks this year; they have so far delivered 190 tanks – less than a quarter of their target.",
        );
        assert_eq!(doc.checks[0].verdict, Verdict::Inconsistent);
        let doc = analyse("They delivered 90 tanks – less than a quarter of their target.");
        assert_eq!(doc.checks[0].verdict, Verdict::Unverifiable);
    }

    #[test]
    fn change_with_from_and_to() {
        let doc = analyse("Revenue rose 2% to $11.1bn from $10.9bn.");
        assert_eq!(doc.checks.len(), 1, "{:#?}", doc.checks);
        assert_eq!(
            doc.checks[0].verdict,
            Verdict::Consistent,
            "{:#?}",
            doc.checks
        );
        let doc = analyse("Revenue rose 12% to $11.1bn from $10.9bn.");
        assert_eq!(
            doc.checks[0].verdict,
            Verdict::Inconsistent,
            "{:#?}",
            doc.checks
        );
        let doc = analyse("Revenue fell 2% to $11.1bn from $10.9bn.");
        assert_eq!(
            doc.checks[0].verdict,
            Verdict::Inconsistent,
            "{:#?}",
            doc.checks
        );
    }

    #[test]
    fn multiplying_verbs() {
        let doc = analyse("Sales doubled to 2,000 from 1,000.");
        assert_eq!(
            doc.checks[0].verdict,
            Verdict::Consistent,
            "{:#?}",
            doc.checks
        );
        let doc = analyse("Sales doubled to 3,000 from 1,000.");
        assert_eq!(
            doc.checks[0].verdict,
            Verdict::Inconsistent,
            "{:#?}",
            doc.checks
        );
    }

    #[test]
    fn numbers_are_written_for_readers() {
        assert_eq!(format_number(224000.0), "224,000");
        assert_eq!(format_number(0.2263), "0.2263");
        assert_eq!(format_number(1e6), "1,000,000");
    }
}
