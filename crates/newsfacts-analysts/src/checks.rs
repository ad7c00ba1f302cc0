//! Arithmetic checks: comparative and proportional claims of an article tested against the
//! article's own numbers, with the computation written out for a reader.
//!
//! These kinds of claim are checked:
//! - a fraction of a target: "<bound> <fraction> of <their/the> <target|goal|pledge|…>", where
//!   the target is an amount pledged earlier in the paragraph and the delivered amounts stand in
//!   the claim's sentence ("supplied about 224,000 rounds and 2,300 missiles – less than a
//!   quarter of their target");
//! - a change: "<rose|fell|…> <P>% to <A> from <B>" (either order of "to" and "from"), and
//!   "doubled/tripled/halved from <B> to <A>" (with "nearly", "almost", "more than");
//! - a share of a whole both given: "700,000 people … amounting to only 12% of the 5.8 million",
//!   "$8bn - less than half of the $20bn";
//! - a share restating a part of a whole: "delivered only two of the eight ferries it promised
//!   – a quarter of the order", "seven of the 12 judges, or 58%,";
//! - a change and its size: "shares closed up 64 pence, or 6%, at 1130p", "fell from 7,613 to
//!   6,630, or 12.9%", "increased from £5.5bn to £8.2bn a year, a rise of 49.7%";
//! - a direction: "$805.9m, up from $393.9m", "profits fell from $5m to $4m".
//!
//! The verdicts are conservative: a claim is `consistent` or `inconsistent` only when every
//! plausible reading of the numbers agrees (summing the delivered amounts or taking the largest;
//! allowing for the rounding of every number as written); otherwise it is `unverifiable`.

use newsfacts_doc::{
    Bound, Check, Document, Quantity, QuantityKind, Span, TextSpan, Verdict, format_number,
};

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
    "raised",
    "boosted",
    "lifted",
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
    "reduced",
    "lowered",
    "slashed",
    "trimmed",
    "slipped",
    "slipping",
    "eased",
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
        let qs = sentence_quantities(doc, *sentence);
        if qs.is_empty() {
            continue;
        }
        let mut found = change_claims(doc, *sentence);
        found.extend(size_of_change_claims(doc, &qs));
        // A direction is the weakest claim about a change: only where no check of the change's
        // size covers its amounts.
        let covered: Vec<String> = found.iter().flat_map(|c| c.inputs.clone()).collect();
        let shares = share_of_whole_claims(doc, &qs);
        let partitives = partitive_share_claims(doc, &qs)
            .into_iter()
            .filter(|p| {
                // A share whose own whole follows it is checked against that whole.
                !shares
                    .iter()
                    .any(|s| s.inputs.iter().any(|i| p.inputs.contains(i)))
            })
            .collect::<Vec<_>>();
        found.extend(shares);
        found.extend(partitives);
        found.extend(total_claims(doc, &qs));
        found.extend(
            direction_claims(doc, *sentence, &qs)
                .into_iter()
                .filter(|c| c.inputs.iter().all(|i| !covered.contains(i))),
        );
        checks.extend(found);
    }
    checks
}

/// The quantities of a sentence, in text order.
fn sentence_quantities(doc: &Document, sentence: Span) -> Vec<&Quantity> {
    let first = doc.quantities.partition_point(|q| q.start < sentence.start);
    let last = doc.quantities.partition_point(|q| q.start < sentence.end);
    doc.quantities[first..last.max(first)]
        .iter()
        .filter(|q| q.end <= sentence.end)
        .collect()
}

/// The text between two offsets, lower-cased and trimmed ("" when they are out of order).
fn between(doc: &Document, start: usize, end: usize) -> String {
    doc.text
        .get(start..end)
        .map(|t| t.trim().to_lowercase())
        .unwrap_or_default()
}

/// The last word before byte `at` in the sentence starting at `from`, lower-cased.
fn word_before_at(doc: &Document, from: usize, at: usize) -> Option<String> {
    doc.text.get(from..at)?.split_whitespace().last().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    })
}

/// Whether two quantities can be compared or divided: the same kind, currency and unit, exact
/// values, no bound.
fn comparable(a: &Quantity, b: &Quantity) -> bool {
    (is_amount(a) || a.kind == Some(QuantityKind::Percent))
        && a.kind == b.kind
        && a.currency == b.currency
        && a.unit == b.unit
        // "from £5.5bn to £8.2bn a year": a rate written once for both ends.
        && (a.per == b.per || a.per.is_none() || b.per.is_none())
        && a.value.is_some()
        && b.value.is_some()
        && a.bound.is_none()
        && b.bound.is_none()
}

/// A small bare count ("at five, up from 13") is as likely a rank or a score as an amount:
/// its direction is not checked.
fn may_be_a_rank(q: &Quantity) -> bool {
    q.kind == Some(QuantityKind::Count) && q.of.is_none() && q.value.is_some_and(|v| v < 100.0)
}

/// "700,000 people … amounting to only 12% of the 5.8 million who needed them", "$8bn - less
/// than half of the $20bn": a share stated with both its part and its whole in the sentence.
/// The part is the amount just before the share; when two amounts could be it, both readings
/// must agree.
fn share_of_whole_claims(doc: &Document, qs: &[&Quantity]) -> Vec<Check> {
    let mut out = Vec::new();
    for (n, share) in qs.iter().enumerate() {
        let claimed = share_value(share);
        let Some(claimed) = claimed.filter(|c| *c > 0.0) else {
            continue;
        };
        // The whole follows at once: "of the 5.8 million", "of its $20bn".
        let Some(whole) = qs.get(n + 1) else {
            continue;
        };
        let of = between(doc, share.end, whole.start);
        if !matches!(
            of.as_str(),
            "of" | "of the" | "of its" | "of their" | "of all" | "of all the" | "of a total of"
        ) {
            continue;
        }
        // The part: a comparable amount before the share, not the old value of a change
        // ("up from 440,000"), with only a short link between ("- ", ", or ", "amounting to").
        let parts: Vec<&Quantity> = qs[..n]
            .iter()
            .rev()
            .filter(|p| comparable(p, whole))
            .filter(|p| {
                !matches!(
                    word_before_at(
                        doc,
                        doc.text[..p.start]
                            .rfind(['.', '!', '?'])
                            .map_or(0, |x| x + 1),
                        p.start
                    )
                    .as_deref(),
                    Some("from" | "than")
                )
            })
            .take(2)
            .copied()
            .collect();
        let Some(nearest) = parts.first() else {
            continue;
        };
        // The part stands close before the share, or further with only the old value of a
        // change between ("700,000 people … - up from 440,000 … amounting to only 12% of").
        let link = between(doc, nearest.end, share.start);
        let other_amount_between = qs[..n].iter().any(|q| {
            q.start > nearest.end && is_amount(q) && !parts.iter().any(|p| p.id == q.id) && {
                let sentence_start = doc.text[..q.start]
                    .rfind(['.', '!', '?'])
                    .map_or(0, |x| x + 1);
                !matches!(
                    word_before_at(doc, sentence_start, q.start).as_deref(),
                    Some("from" | "than")
                )
            }
        });
        if link.len() > 120 || other_amount_between {
            continue;
        }
        let whole_value = whole.value.unwrap_or(0.0);
        if whole_value <= 0.0 {
            continue;
        }
        // Allow for the rounding of the share as written ("12%" is 11.5–12.5 %).
        let rounding = match share.kind {
            Some(QuantityKind::Percent) => rounding_of(share) / 100.0 / claimed,
            _ => 0.0,
        };
        let approximate =
            share.approximate || whole.approximate || parts.iter().any(|p| p.approximate);
        let slack = rounding + if approximate { 0.05 } else { 0.0 };
        let readings: Vec<Option<bool>> = parts
            .iter()
            .map(|p| {
                compare(
                    p.value.unwrap_or(0.0) / whole_value,
                    claimed,
                    share.bound,
                    slack,
                )
            })
            .collect();
        let mut computation = format!(
            "{} / {} = {} {} {}?",
            format_number(nearest.value.unwrap_or(0.0)),
            format_number(whole_value),
            format_number(nearest.value.unwrap_or(0.0) / whole_value),
            bound_symbol(share.bound),
            format_number(claimed)
        );
        if let Some(other) = parts.get(1) {
            computation.push_str(&format!(
                " (or with the earlier amount: {} / {} = {})",
                format_number(other.value.unwrap_or(0.0)),
                format_number(whole_value),
                format_number(other.value.unwrap_or(0.0) / whole_value)
            ));
        }
        let mut inputs: Vec<String> = parts.iter().map(|p| p.id.clone()).collect();
        inputs.extend([share.id.clone(), whole.id.clone()]);
        out.push(Check {
            claim: doc.text_span(Span::new(nearest.start, whole.end)),
            verdict: verdict_of(&readings),
            computation,
            inputs,
        });
    }
    out
}

/// How a part is said to be taken from its whole: "two of the eight ferries", "3 out of 10".
const PARTITIVE_LINKS: &[&str] = &[
    "of",
    "of the",
    "of its",
    "of their",
    "of all",
    "of all the",
    "out of",
    "out of the",
];

/// What may stand right before a share that restates a part of a whole: an apposition
/// ("– a quarter of the order", ", or 25%", "(30%)"), not a new clause ("profits rose 5%").
const RESTATING_LINKS: &[&str] = &[
    "–",
    "—",
    "-",
    ",",
    "(",
    "or",
    ", or",
    "– or",
    "- or",
    "– just",
    "- just",
    ", just",
    "– only",
    "- only",
    ", only",
    "– barely",
    ", barely",
    "– roughly",
    ", roughly",
    "– about",
    ", about",
    ", that is",
    "– that is",
];

/// "delivered only two of the eight ferries it promised – a quarter of the order", "seven of
/// the 12 judges, or 58%": a share that restates, in apposition, a part of a whole given just
/// before it in the same sentence ("<part> of the <whole> …, <share>"). The share is tested as
/// part / whole.
fn partitive_share_claims(doc: &Document, qs: &[&Quantity]) -> Vec<Check> {
    let mut out = Vec::new();
    for (n, share) in qs.iter().enumerate() {
        let claimed = share_value(share);
        let Some(claimed) = claimed.filter(|c| *c > 0.0 && *c <= 1.0) else {
            continue;
        };
        // The whole is the amount right before the share, the part the one before it; a date
        // between them ("the eight ferries it promised by last summer – a quarter") is neither.
        let mut amounts_before = qs[..n]
            .iter()
            .rev()
            .filter(|q| q.kind != Some(QuantityKind::Date));
        let (Some(whole), Some(part)) = (amounts_before.next(), amounts_before.next()) else {
            continue;
        };
        let (part, whole) = (*part, *whole);
        if part.kind != Some(QuantityKind::Count)
            || !comparable(part, whole)
            || !PARTITIVE_LINKS.contains(&between(doc, part.end, whole.start).as_str())
        {
            continue;
        }
        let (Some(part_value), Some(whole_value)) = (part.value, whole.value) else {
            continue;
        };
        if whole_value <= 0.0 || part_value > whole_value {
            continue;
        }
        // The share follows the whole's noun phrase closely, in apposition, within the clause.
        let link = between(doc, whole.end, share.start);
        // A connector ends the link: after a space when it is a word ("… judges, or"), anywhere
        // when it is a mark ("… last summer –"); "for" does not end in "or".
        let connector = RESTATING_LINKS.iter().any(|l| {
            link.strip_suffix(l).is_some_and(|rest| {
                rest.is_empty()
                    || rest.ends_with(' ')
                    || !l.starts_with(|c: char| c.is_alphanumeric())
            })
        });
        if !connector || link.len() > 100 || link.contains([';', ':']) {
            continue;
        }
        let rounding = match share.kind {
            Some(QuantityKind::Percent) => rounding_of(share) / 100.0 / claimed,
            _ => 0.0,
        };
        let approximate = share.approximate || whole.approximate || part.approximate;
        let slack = rounding + if approximate { 0.05 } else { 0.0 };
        let ratio = part_value / whole_value;
        out.push(Check {
            claim: doc.text_span(Span::new(part.start, share.end)),
            verdict: verdict_of(&[compare(ratio, claimed, share.bound, slack)]),
            computation: format!(
                "{} / {} = {} {} {}?",
                format_number(part_value),
                format_number(whole_value),
                format_number(ratio),
                bound_symbol(share.bound),
                format_number(claimed)
            ),
            inputs: vec![part.id.clone(), whole.id.clone(), share.id.clone()],
        });
    }
    out
}

/// The fraction a share states: "12%" → 0.12, "a quarter" → 0.25; None for a rate ("5% a year")
/// or anything else.
fn share_value(share: &Quantity) -> Option<f64> {
    match share.kind {
        Some(QuantityKind::Percent) if share.per.is_none() => share.value.map(|v| v / 100.0),
        Some(QuantityKind::Ratio) => share.value,
        _ => None,
    }
}

/// The words between two amounts with any bracketed conversion left out: "$38.1m (£19.8m) and"
/// reads "and".
fn link_without_brackets(doc: &Document, start: usize, end: usize) -> String {
    let raw = between(doc, start, end);
    let mut out = String::new();
    let mut depth = 0usize;
    for c in raw.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "224 tanks and 90 guns, a total of 314", "A, B and C – 1,200 in total": the parts listed
/// just before a stated total, summed.
fn total_claims(doc: &Document, qs: &[&Quantity]) -> Vec<Check> {
    let mut out = Vec::new();
    // A bracketed conversion ("$38.1m (£19.8m)") is the same amount again, not a part.
    let qs: Vec<&Quantity> = qs
        .iter()
        .filter(|q| {
            !doc.text
                .get(..q.start)
                .is_some_and(|t| t.trim_end().ends_with('('))
        })
        .copied()
        .collect();
    for (n, total) in qs.iter().enumerate() {
        if n < 2 || !is_amount(total) {
            continue;
        }
        let last_part = qs[n - 1];
        let lead = link_without_brackets(doc, last_part.end, total.start);
        let after = doc
            .text
            .get(total.end..)
            .map(|t| t.trim_start().to_lowercase())
            .unwrap_or_default();
        let said_as_total = matches!(
            lead.as_str(),
            ", a total of"
                | "- a total of"
                | "– a total of"
                | ", making a total of"
                | ", totalling"
                | ", making"
                | ", together"
        ) || (matches!(lead.as_str(), "," | "-" | "–")
            && (after.starts_with("in total")
                || after.starts_with("altogether")
                || after.starts_with("in all")));
        if !said_as_total {
            continue;
        }
        // The parts: comparable amounts joined by "and" or commas, right before the total.
        let mut parts = vec![last_part];
        let mut k = n - 1;
        while k > 0 {
            let join = link_without_brackets(doc, qs[k - 1].end, qs[k].start);
            if !matches!(
                join.as_str(),
                "and" | "," | ", and" | "plus" | "and another"
            ) {
                break;
            }
            parts.push(qs[k - 1]);
            k -= 1;
        }
        parts.reverse();
        if parts.len() < 2 || !parts.iter().all(|p| comparable(p, total)) {
            continue;
        }
        let sum: f64 = parts.iter().filter_map(|p| p.value).sum();
        let stated = total.value.unwrap_or(0.0);
        let tolerance: f64 = parts.iter().map(|p| rounding_of(p)).sum::<f64>() + rounding_of(total);
        let approximate = total.approximate || parts.iter().any(|p| p.approximate);
        let off = (sum - stated).abs();
        let verdict = if off <= tolerance {
            Verdict::Consistent
        } else if off > 2.0 * tolerance + 0.01 * stated.abs() && !approximate {
            Verdict::Inconsistent
        } else {
            Verdict::Unverifiable
        };
        let mut inputs: Vec<String> = parts.iter().map(|p| p.id.clone()).collect();
        inputs.push(total.id.clone());
        out.push(Check {
            claim: doc.text_span(Span::new(parts[0].start, total.end)),
            verdict,
            computation: format!(
                "{} = {} (stated total {}, rounding allows ±{})",
                parts
                    .iter()
                    .map(|p| format_number(p.value.unwrap_or(0.0)))
                    .collect::<Vec<_>>()
                    .join(" + "),
                format_number(sum),
                format_number(stated),
                format_number(tolerance)
            ),
            inputs,
        });
    }
    out
}

/// Consistent when every reading holds, inconsistent when none does, else unverifiable.
fn verdict_of(readings: &[Option<bool>]) -> Verdict {
    if !readings.is_empty() && readings.iter().all(|r| *r == Some(true)) {
        Verdict::Consistent
    } else if !readings.is_empty() && readings.iter().all(|r| *r == Some(false)) {
        Verdict::Inconsistent
    } else {
        Verdict::Unverifiable
    }
}

/// The percentage change from `old` to `new` against a claimed one, allowing for the rounding
/// of every number as written. `inexact`: an input the verdict rests on is approximate, so a
/// miss is never called inconsistent.
fn percent_change_verdict(
    new: &Quantity,
    old_value: f64,
    old_rounding: f64,
    pct: &Quantity,
    signed_claim: f64,
    inexact: bool,
) -> (Verdict, String) {
    let a = new.value.unwrap_or(0.0);
    let b = old_value;
    let change = (a - b) / b * 100.0;
    let tolerance =
        rounding_of(pct) + 100.0 * (rounding_of(new) + old_rounding * (a / b).abs()) / b.abs();
    let off = (change - signed_claim).abs();
    let verdict = if off <= tolerance {
        Verdict::Consistent
    } else if off > 2.0 * tolerance + 0.5 && !inexact {
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
        if signed_claim < 0.0 { "-" } else { "+" },
        format_number(signed_claim.abs()),
        format_number(tolerance)
    );
    (verdict, computation)
}

/// Words that say an amount went up or down just before it ("closed up 64 pence").
fn direction_word(w: &str) -> Option<bool> {
    match w {
        "up" | "rose" | "gained" | "added" | "jumped" | "climbed" | "rising" | "risen" | "rise"
        | "higher" | "increased" => Some(true),
        "down" | "fell" | "lost" | "shed" | "dropped" | "slipped" | "falling" | "fallen"
        | "lower" | "decreased" | "declined" | "slid" => Some(false),
        _ => None,
    }
}

/// The size of a change stated beside its ends:
/// - "closed up 64 pence, or 6%, at 1130p": the change, its share of the old level, the new
///   level;
/// - "fell from 7,613 to 6,630, or 12.9%", "increased from £5.5bn to £8.2bn a year, a rise of
///   49.7%", "… a fall of 983".
fn size_of_change_claims(doc: &Document, qs: &[&Quantity]) -> Vec<Check> {
    let mut out = Vec::new();
    for (n, pct) in qs.iter().enumerate() {
        if pct.kind != Some(QuantityKind::Percent) || pct.bound.is_some() || n == 0 {
            continue;
        }
        let Some(claimed) = pct.value.filter(|v| *v > 0.0) else {
            continue;
        };
        let before = qs[n - 1];
        let link = between(doc, before.end, pct.start);
        // "up 64 pence, or 6%, at 1130p".
        if matches!(
            link.as_str(),
            ", or" | ", or about" | ", or around" | ", or some" | ", or nearly" | ", or almost"
        ) && let Some(level) = qs.get(n + 1)
            && matches!(
                between(doc, pct.end, level.start).as_str(),
                ", at" | ", to" | "at" | "to"
            )
            && comparable(before, level)
            && let Some(up) = doc.text[..before.start]
                .split_whitespace()
                .last()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .and_then(|w| direction_word(&w))
        {
            let delta = before.value.unwrap_or(0.0);
            let new = level.value.unwrap_or(0.0);
            let old = if up { new - delta } else { new + delta };
            if old <= 0.0 {
                continue;
            }
            let signed = if up { claimed } else { -claimed };
            let (verdict, computation) = percent_change_verdict(
                level,
                old,
                rounding_of(before) + rounding_of(level),
                pct,
                signed,
                level.approximate || pct.approximate,
            );
            out.push(Check {
                claim: doc.text_span(Span::new(before.start, level.end)),
                verdict,
                computation: format!(
                    "old level {} {} {} = {}; {computation}",
                    format_number(new),
                    if up { "-" } else { "+" },
                    format_number(delta),
                    format_number(old)
                ),
                inputs: vec![before.id.clone(), pct.id.clone(), level.id.clone()],
            });
            continue;
        }
        // "from B to A, or P%", "from B to A, a rise of P%".
        if n < 2 {
            continue;
        }
        let (old, new) = (qs[n - 2], qs[n - 1]);
        let rise_words = [
            ", a rise of",
            ", an increase of",
            ", up",
            "- a rise of",
            "- an increase of",
        ];
        let fall_words = [
            ", a fall of",
            ", a drop of",
            ", a decline of",
            ", a decrease of",
            ", down",
            ", a cut of",
        ];
        let stated = if link == ", or" {
            None
        } else if rise_words.contains(&link.as_str()) {
            Some(true)
        } else if fall_words.contains(&link.as_str()) {
            Some(false)
        } else {
            continue;
        };
        let sentence_start = doc.text[..old.start]
            .rfind(['.', '!', '?'])
            .map_or(0, |x| x + 1);
        if word_before_at(doc, sentence_start, old.start).as_deref() != Some("from")
            || between(doc, old.end, new.start) != "to"
            || !comparable(old, new)
        {
            continue;
        }
        let (a, b) = (new.value.unwrap_or(0.0), old.value.unwrap_or(0.0));
        if b <= 0.0 {
            continue;
        }
        let up = stated.unwrap_or(a > b);
        let signed = if up { claimed } else { -claimed };
        let (verdict, computation) = percent_change_verdict(
            new,
            b,
            rounding_of(old),
            pct,
            signed,
            new.approximate || pct.approximate,
        );
        out.push(Check {
            claim: doc.text_span(Span::new(old.start, pct.end)),
            verdict,
            computation,
            inputs: vec![old.id.clone(), new.id.clone(), pct.id.clone()],
        });
    }
    out
}

/// "$805.9m in the third quarter, up from $393.9m", "fell from $5m to $4m": the direction a
/// sentence gives a change, tested on its two ends.
fn direction_claims(doc: &Document, sentence: Span, qs: &[&Quantity]) -> Vec<Check> {
    let mut out = Vec::new();
    for (n, old) in qs.iter().enumerate() {
        let before = doc.text[sentence.start..old.start].to_lowercase();
        let words: Vec<&str> = before
            .split_whitespace()
            .rev()
            .take(5)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        // "Net income jumped to 3bn yuan, compared with 1.4bn yuan": the verb before the new
        // level says which way it went.
        if words.first() == Some(&"with") && words.get(1) == Some(&"compared") {
            let Some(new) = qs[..n].iter().rev().find(|q| comparable(q, old)) else {
                continue;
            };
            let link = link_without_brackets(doc, new.end, old.start);
            if link.len() > 60 || link.contains(';') {
                continue;
            }
            let before_new = doc.text[sentence.start..new.start].to_lowercase();
            let verb = before_new
                .split_whitespace()
                .rev()
                .take(3)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .find_map(|w| {
                    if RISE_WORDS.contains(&w) && w != "up" && w != "higher" {
                        Some(true)
                    } else if FALL_WORDS.contains(&w) && w != "down" && w != "lower" {
                        Some(false)
                    } else {
                        None
                    }
                });
            let Some(up) = verb else {
                continue;
            };
            if may_be_a_rank(new) || may_be_a_rank(old) {
                continue;
            }
            let (a, b) = (new.value.unwrap_or(0.0), old.value.unwrap_or(0.0));
            out.push(Check {
                claim: doc.text_span(Span::new(new.start, old.end)),
                verdict: if a == b {
                    Verdict::Unverifiable
                } else if (a > b) == up {
                    Verdict::Consistent
                } else {
                    Verdict::Inconsistent
                },
                computation: format!(
                    "{} {} {}? (claimed {})",
                    format_number(a),
                    if up { ">" } else { "<" },
                    format_number(b),
                    if up { "a rise" } else { "a fall" }
                ),
                inputs: vec![old.id.clone(), new.id.clone()],
            });
            continue;
        }
        if words.first() != Some(&"from") {
            continue;
        }
        // "A, up from B": the new level is the comparable amount just before.
        let (new, up, claim_start) = match words.get(1).copied() {
            Some("up" | "down") => {
                let Some(new) = qs[..n].iter().rev().find(|q| comparable(q, old)) else {
                    continue;
                };
                let link = between(doc, new.end, old.start);
                if link.len() > 90 {
                    continue;
                }
                (*new, words[1] == "up", new.start)
            }
            // "fell to A from B", "rose from B to A".
            _ => {
                let verb_in = |words: &[&str]| {
                    words.iter().find_map(|w| {
                        if RISE_WORDS.contains(w) && *w != "up" {
                            Some(true)
                        } else if FALL_WORDS.contains(w) && *w != "down" && *w != "lower" {
                            Some(false)
                        } else {
                            None
                        }
                    })
                };
                let to_before = n.checked_sub(1).map(|m| qs[m]).filter(|new| {
                    let link = between(doc, new.end, old.start);
                    link.ends_with("from")
                        && link.len() <= 40
                        && !link.contains([',', ';'])
                        && word_before_at(doc, sentence.start, new.start).as_deref() == Some("to")
                });
                if let Some(new) = to_before {
                    let before_to = doc.text[sentence.start..new.start].to_lowercase();
                    let verb_words: Vec<&str> = before_to
                        .split_whitespace()
                        .rev()
                        .skip(1)
                        .take(4)
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                        .collect();
                    let Some(up) = verb_in(&verb_words) else {
                        continue;
                    };
                    (new, up, new.start)
                } else {
                    let Some(up) = verb_in(&words[1..]) else {
                        continue;
                    };
                    let Some(new) = qs.get(n + 1) else {
                        continue;
                    };
                    if between(doc, old.end, new.start) != "to" {
                        continue;
                    }
                    (*new, up, old.start)
                }
            }
        };
        if !comparable(new, old) || may_be_a_rank(new) || may_be_a_rank(old) {
            continue;
        }
        let (a, b) = (new.value.unwrap_or(0.0), old.value.unwrap_or(0.0));
        let verdict = if a == b {
            Verdict::Unverifiable
        } else if (a > b) == up {
            Verdict::Consistent
        } else {
            Verdict::Inconsistent
        };
        out.push(Check {
            claim: doc.text_span(Span::new(claim_start.min(old.start), new.end.max(old.end))),
            verdict,
            computation: format!(
                "{} {} {}? (claimed {})",
                format_number(a),
                if up { ">" } else { "<" },
                format_number(b),
                if up { "a rise" } else { "a fall" }
            ),
            inputs: vec![old.id.clone(), new.id.clone()],
        });
    }
    out
}

/// The span of the unit (sentence or paragraph) containing byte `at`.
fn containing(spans: &[Span], at: usize) -> Option<(usize, Span)> {
    spans
        .iter()
        .enumerate()
        .find(|(_, s)| s.start <= at && at < s.end.max(s.start + 1))
        .map(|(i, s)| (i, *s))
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
        "doubled" | "doubling" | "doubles" | "double" => 2.0,
        "tripled" | "trebled" | "tripling" | "triples" | "triple" | "treble" => 3.0,
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
        // "nearly doubled", "more than doubled": the qualifier decides which side is right.
        let qualifier = {
            let before = doc.text[sentence.start..start].to_lowercase();
            let before = before.trim_end();
            if before.ends_with("nearly") || before.ends_with("almost") {
                Some(Bound::LessThan)
            } else if before.ends_with("more than") {
                Some(Bound::MoreThan)
            } else {
                None
            }
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
            .filter(|q| !matches!(q.kind, Some(QuantityKind::Date | QuantityKind::Duration)))
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
        let (a, b) = match change_amounts(to, from) {
            ChangeAmounts::Values { new, old } => (new, old),
            ChangeAmounts::Unknown => continue,
            ChangeAmounts::NotComparable => {
                out.push(not_comparable(claim, inputs));
                continue;
            }
        };
        let ratio = a / b;
        let off = (ratio / factor - 1.0).abs();
        // "Doubled" is said loosely of a rise near twofold: within 10 % is consistent, more
        // than 30 % away is not, between is left open. "Nearly doubled" is between 70 % and
        // 100 % of twofold; "more than doubled" is above it.
        let approximate = to.approximate || from.approximate;
        let relative = ratio / factor;
        let qualified = match qualifier {
            Some(Bound::LessThan) if (0.7..=1.02).contains(&relative) => Some(Verdict::Consistent),
            Some(Bound::LessThan) if !(0.5..=1.10).contains(&relative) => {
                Some(Verdict::Inconsistent)
            }
            Some(Bound::LessThan) => Some(Verdict::Unverifiable),
            Some(_) if relative > 1.0 => Some(Verdict::Consistent),
            Some(_) if relative < 0.9 => Some(Verdict::Inconsistent),
            Some(_) => Some(Verdict::Unverifiable),
            None => None,
        };
        let verdict = if let Some(v) = qualified {
            if approximate && v == Verdict::Inconsistent {
                Verdict::Unverifiable
            } else {
                v
            }
        } else if off <= 0.10 {
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
                "{} / {} = {} (claimed {}×{})",
                format_number(a),
                format_number(b),
                format_number(ratio),
                match qualifier {
                    Some(Bound::LessThan) => "nearly ",
                    Some(_) => "more than ",
                    None => "",
                },
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
        // "from a year earlier" is when, not how much: dates and durations are not ends.
        for (_, q) in qs
            .iter()
            .skip(n + 1)
            .filter(|(_, q)| !matches!(q.kind, Some(QuantityKind::Date | QuantityKind::Duration)))
            .take(5)
        {
            match word_before(q).as_deref() {
                Some("to") => to = to.or(Some(*q)),
                Some("from") => from = from.or(Some(*q)),
                // "surged 70% to 2.39bn rupees … compared with 1.41bn rupees".
                Some("with")
                    if doc.text[sentence.start..q.start]
                        .to_lowercase()
                        .trim_end()
                        .ends_with("compared with") =>
                {
                    from = from.or(Some(*q))
                }
                _ => {}
            }
        }
        // "$5bn, up 10% from $4.5bn": without "to", the new level is the comparable amount
        // just before the percentage.
        let to = to.or_else(|| {
            let from = from?;
            let new = qs[..n]
                .iter()
                .rev()
                .map(|(_, q)| *q)
                .find(|q| comparable(q, from))?;
            (between(doc, new.end, pct.start).len() <= 60).then_some(new)
        });
        let (Some(to), Some(from)) = (to, from) else {
            continue;
        };
        // Between two percentages a percentage is as likely a level as a change ("grew 15.7%
        // in the year to October, down from 23% in February, and inflation slowed to 4.3%"),
        // and a change in points or in per cent: left to the direction check.
        if to.kind == Some(QuantityKind::Percent) || from.kind == Some(QuantityKind::Percent) {
            continue;
        }
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
        let (a, b) = match change_amounts(to, from) {
            ChangeAmounts::Values { new, old } => (new, old),
            ChangeAmounts::Unknown => continue,
            ChangeAmounts::NotComparable => {
                out.push(not_comparable(claim, inputs));
                continue;
            }
        };
        let signed_claim = if fall { -claimed } else { claimed };
        let (verdict, computation) = percent_change_verdict(
            to,
            b,
            rounding_of(from),
            pct,
            signed_claim,
            to.approximate || from.approximate,
        );
        // A change said to go one way while the amounts go the other is wrong at any size.
        let direction_wrong = (fall && a > b) || (rise && a < b);
        let verdict = if direction_wrong {
            Verdict::Inconsistent
        } else {
            verdict
        };
        out.push(Check {
            claim,
            verdict,
            computation,
            inputs,
        });
    }
    out
}

/// The new and old amounts of a stated change, as far as they can be compared.
enum ChangeAmounts {
    Values {
        new: f64,
        old: f64,
    },
    /// Different kinds, units or currencies, a bound, or an old value of zero.
    NotComparable,
    /// A value is missing: nothing to check.
    Unknown,
}

fn change_amounts(to: &Quantity, from: &Quantity) -> ChangeAmounts {
    let (Some(new), Some(old)) = (to.value, from.value) else {
        return ChangeAmounts::Unknown;
    };
    let comparable = to.kind == from.kind
        && to.currency == from.currency
        && to.unit == from.unit
        && to.bound.is_none()
        && from.bound.is_none();
    if !comparable || old == 0.0 {
        return ChangeAmounts::NotComparable;
    }
    ChangeAmounts::Values { new, old }
}

/// The unverifiable check of a change between amounts that cannot be compared.
fn not_comparable(claim: TextSpan, inputs: Vec<String>) -> Check {
    Check {
        claim,
        verdict: Verdict::Unverifiable,
        computation: "the two amounts are not in the same unit".to_string(),
        inputs,
    }
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
    fn change_compared_with() {
        let doc = analyse(
            "Net profit surged 70% to 2.39bn rupees in the quarter compared with 1.41bn rupees a year earlier.",
        );
        assert_eq!(doc.checks.len(), 1, "{:#?}", doc.checks);
        assert_eq!(
            doc.checks[0].verdict,
            Verdict::Consistent,
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

    fn verdicts(text: &str) -> Vec<Verdict> {
        analyse(text).checks.iter().map(|c| c.verdict).collect()
    }

    #[test]
    fn a_share_with_its_part_and_whole() {
        assert_eq!(
            verdicts("It sold 500 cars, or 50% of the 1,000 it made."),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("It sold 500 cars, or 20% of the 1,000 it made."),
            [Verdict::Inconsistent]
        );
        assert_eq!(
            verdicts("The bid was $8bn - less than half of the $20bn it is worth."),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("The bid was $12bn - less than half of the $20bn it is worth."),
            [Verdict::Inconsistent]
        );
        // No part in the sentence: nothing to test.
        assert!(verdicts("The cuts will affect about 9% of the 55,000 staff.").is_empty());
    }

    #[test]
    fn a_share_restating_a_part_of_a_whole() {
        let text = "The yard has delivered only two of the eight ferries it promised a \
                    neighbouring region by last summer – a quarter of the order.";
        let doc = analyse(text);
        assert_eq!(doc.checks.len(), 1, "{:?}", doc.checks);
        assert_eq!(doc.checks[0].verdict, Verdict::Consistent);
        assert_eq!(doc.checks[0].computation, "2 / 8 = 0.25 ≈ 0.25?");
        assert_eq!(
            verdicts(&text.replace("two of the eight", "six of the eight")),
            [Verdict::Inconsistent]
        );
        assert_eq!(
            verdicts("Seven of the 12 judges, or 58%, backed the ruling."),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("Seven of the 12 judges, or 85%, backed the ruling."),
            [Verdict::Inconsistent]
        );
        // A share in a new clause is not a restatement of the part.
        assert!(verdicts("Three of the 10 largest firms saw profits rise 5%.").is_empty());
        assert!(verdicts("Two of the 10 lenders cut rates for 20% of borrowers.").is_empty());
    }

    #[test]
    fn the_size_of_a_change_beside_its_ends() {
        assert_eq!(
            verdicts("Cairn's shares closed up 64 pence, or 6%, at 1130p on Thursday."),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("Cairn's shares closed up 64 pence, or 16%, at 1130p on Thursday."),
            [Verdict::Inconsistent]
        );
        assert_eq!(
            verdicts("The number waiting also fell from 7,613 to 6,630, or 12.9%."),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("Contributions increased from £5.5bn to £8.2bn a year, a rise of 49.7%."),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("Contributions increased from £5.5bn to £8.2bn a year, a rise of 29.7%."),
            [Verdict::Inconsistent]
        );
    }

    #[test]
    fn directions_of_change() {
        assert_eq!(
            verdicts("Sales surged to $805.9m in the quarter, up from $393.9m a year earlier."),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("Sales were $305.9m in the quarter, up from $393.9m a year earlier."),
            [Verdict::Inconsistent]
        );
        assert_eq!(
            verdicts("Profits fell from $5m to $4m."),
            [Verdict::Consistent]
        );
        // The percentage is a level, not the change between the other two.
        assert_eq!(
            verdicts(
                "Industrial output grew 15.7% in the year to October, down from 23% in February, and inflation slowed to 4.3%."
            ),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("The surcharge was raised from £2.50 to £4 a leg."),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("Growth forecasts are slipping to 1.8% from 2.0% this year."),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("Growth forecasts are slipping to 2.8% from 2.0% this year."),
            [Verdict::Inconsistent]
        );
        assert_eq!(
            verdicts(
                "Net income jumped to 3bn yuan in 2004 ($365m; £190m), compared with 1.4bn yuan in 2003."
            ),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("Net income fell to 3bn yuan in 2004, compared with 1.4bn yuan in 2003."),
            [Verdict::Inconsistent]
        );
        // No verb: a comparison without a claim.
        assert!(
            verdicts("It made a profit of £75m compared with £125m a year earlier.").is_empty()
        );
        // A rank: "up from 13" to five is a climb.
        assert!(verdicts("Ant and Dec were at five, up from 13 in 2004.").is_empty());
        // Percentages with the change stated: "up 10% from".
        assert_eq!(
            verdicts("Profits were $5.0bn, up 11% from $4.5bn."),
            [Verdict::Consistent]
        );
    }

    #[test]
    fn totals_of_listed_parts() {
        assert_eq!(
            verdicts("They delivered 224 tanks and 90 guns, a total of 314."),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("They delivered 224 tanks and 90 guns, a total of 414."),
            [Verdict::Inconsistent]
        );
        assert_eq!(
            verdicts("It took $38.1m (£19.8m), $20m and $12m - $70.1m in total."),
            [Verdict::Consistent]
        );
        // One part alone is not a sum.
        assert!(verdicts("It took $38.1m on its opening weekend and $184m in total.").is_empty());
    }

    #[test]
    fn qualified_multipliers() {
        assert_eq!(
            verdicts("It would nearly double its hotspots from 12,300 to 20,000."),
            [Verdict::Consistent]
        );
        assert_eq!(
            verdicts("Sales more than doubled from 1,000 to 1,500."),
            [Verdict::Inconsistent]
        );
    }

    #[test]
    fn numbers_are_written_for_readers() {
        assert_eq!(format_number(224000.0), "224,000");
        assert_eq!(format_number(0.2263), "0.2263");
        assert_eq!(format_number(1e6), "1,000,000");
    }
}
