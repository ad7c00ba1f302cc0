//! Comparators and ranges around numbers: "more than 30", "at most 100 and at least 20",
//! "between 20 and 30", "five hundred or more", "1000-5000", ">= 30".
//!
//! Each comparator is a phrase of words or symbols before (or after) a number; the tables are
//! longest-first so that "less than or equal to" wins over "less than".

use super::lexer::{Tok, TokKind};

/// The relation a comparator states between the true amount and the number written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// More than the number.
    Gt,
    /// At least the number.
    Ge,
    /// Less than the number.
    Lt,
    /// At most the number.
    Le,
    /// Exactly the number ("equal to 20").
    Eq,
}

impl Relation {
    pub fn is_lower_bound(self) -> bool {
        matches!(self, Relation::Gt | Relation::Ge)
    }

    pub fn is_upper_bound(self) -> bool {
        matches!(self, Relation::Lt | Relation::Le)
    }
}

/// Comparators written before a number, as token texts (words lower-cased, symbols as is).
const BEFORE: &[(&[&str], Relation)] = &[
    (&["bigger", "or", "equal", "than"], Relation::Ge),
    (&["larger", "or", "equal", "than"], Relation::Ge),
    (&["greater", "or", "equal", "than"], Relation::Ge),
    (&["higher", "or", "equal", "than"], Relation::Ge),
    (&["more", "or", "equal", "than"], Relation::Ge),
    (&["greater", "than", "or", "equal", "to"], Relation::Ge),
    (&["more", "than", "or", "equal", "to"], Relation::Ge),
    (&["bigger", "than", "or", "equal", "to"], Relation::Ge),
    (&["larger", "than", "or", "equal", "to"], Relation::Ge),
    (&["higher", "than", "or", "equal", "to"], Relation::Ge),
    (&["equal", "to", "or", "more", "than"], Relation::Ge),
    (&["equal", "to", "or", "greater", "than"], Relation::Ge),
    (&["equal", "to", "or", "higher", "than"], Relation::Ge),
    (&["at", "least", "or", "equal", "to"], Relation::Ge),
    (&["no", "less", "than"], Relation::Ge),
    (&["not", "less", "than"], Relation::Ge),
    (&["no", "fewer", "than"], Relation::Ge),
    (&["not", "fewer", "than"], Relation::Ge),
    (&["at", "least"], Relation::Ge),
    (&["a", "minimum", "of"], Relation::Ge),
    (&["minimum", "of"], Relation::Ge),
    (&[">", "="], Relation::Ge),
    (&["≥"], Relation::Ge),
    (&["smaller", "or", "equal", "than"], Relation::Le),
    (&["less", "or", "equal", "than"], Relation::Le),
    (&["lower", "or", "equal", "than"], Relation::Le),
    (&["less", "than", "or", "equal", "to"], Relation::Le),
    (&["smaller", "than", "or", "equal", "to"], Relation::Le),
    (&["lower", "than", "or", "equal", "to"], Relation::Le),
    (&["fewer", "than", "or", "equal", "to"], Relation::Le),
    (&["equal", "to", "or", "less", "than"], Relation::Le),
    (&["equal", "to", "or", "fewer", "than"], Relation::Le),
    (&["equal", "to", "or", "lower", "than"], Relation::Le),
    (&["equal", "to", "or", "smaller", "than"], Relation::Le),
    (&["no", "more", "than"], Relation::Le),
    (&["not", "more", "than"], Relation::Le),
    (&["no", "greater", "than"], Relation::Le),
    (&["at", "most"], Relation::Le),
    (&["up", "to"], Relation::Le),
    (&["a", "maximum", "of"], Relation::Le),
    (&["maximum", "of"], Relation::Le),
    (&["<", "="], Relation::Le),
    (&["≤"], Relation::Le),
    (&["more", "than"], Relation::Gt),
    (&["greater", "than"], Relation::Gt),
    (&["larger", "than"], Relation::Gt),
    (&["bigger", "than"], Relation::Gt),
    (&["higher", "than"], Relation::Gt),
    (&["in", "excess", "of"], Relation::Gt),
    (&["above"], Relation::Gt),
    (&["over"], Relation::Gt),
    (&["exceed"], Relation::Gt),
    (&["exceeds"], Relation::Gt),
    (&["exceeded"], Relation::Gt),
    (&["exceeding"], Relation::Gt),
    (&["surpass"], Relation::Gt),
    (&["surpassed"], Relation::Gt),
    (&["surpassing"], Relation::Gt),
    (&[">"], Relation::Gt),
    (&["less", "than"], Relation::Lt),
    (&["fewer", "than"], Relation::Lt),
    (&["smaller", "than"], Relation::Lt),
    (&["lower", "than"], Relation::Lt),
    (&["below"], Relation::Lt),
    (&["under"], Relation::Lt),
    (&["<"], Relation::Lt),
    (&["equals", "to"], Relation::Eq),
    (&["equal", "to"], Relation::Eq),
    (&["equaling", "to"], Relation::Eq),
    (&["equalling", "to"], Relation::Eq),
    (&["equals"], Relation::Eq),
];

/// "than" is often mistyped "that"; accepted only directly before a number.
const THAN_TYPO: &[(&[&str], Relation)] = &[
    (&["more", "that"], Relation::Gt),
    (&["less", "that"], Relation::Lt),
    (&["fewer", "that"], Relation::Lt),
];

/// Comparators written after a number: "five hundred or more".
const AFTER: &[(&[&str], Relation)] = &[
    (&["or", "greater", "than"], Relation::Ge),
    (&["or", "more", "than"], Relation::Ge),
    (&["or", "more"], Relation::Ge),
    (&["and", "more"], Relation::Ge),
    (&["or", "greater"], Relation::Ge),
    (&["or", "higher"], Relation::Ge),
    (&["or", "above"], Relation::Ge),
    (&["or", "over"], Relation::Ge),
    (&["and", "above"], Relation::Ge),
    (&["and", "over"], Relation::Ge),
    (&["or", "less", "than"], Relation::Le),
    (&["or", "less"], Relation::Le),
    (&["or", "fewer"], Relation::Le),
    (&["or", "lower"], Relation::Le),
    (&["or", "below"], Relation::Le),
    (&["and", "less"], Relation::Le),
    (&["and", "below"], Relation::Le),
    (&["or", "under"], Relation::Le),
];

/// The text of a token as comparator tables spell it.
fn token_is(tok: &Tok, text: &str) -> bool {
    match &tok.kind {
        TokKind::Word(w) => w == text,
        TokKind::Punct(c) => {
            let mut chars = text.chars();
            chars.next() == Some(*c) && chars.next().is_none()
        }
        TokKind::Num { .. } => false,
    }
}

fn matches_at(toks: &[Tok], start: usize, pattern: &[&str]) -> bool {
    pattern
        .iter()
        .enumerate()
        .all(|(k, p)| toks.get(start + k).is_some_and(|t| token_is(t, p)))
}

/// A comparator ending right before token `number_start` (an article "the" may stand between:
/// "higher than the tenth"). Returns the relation and the comparator's first token.
pub fn comparator_before(toks: &[Tok], number_start: usize) -> Option<(Relation, usize)> {
    let mut end = number_start;
    for skip_the in [false, true] {
        if skip_the {
            if end == 0 || !toks[end - 1].is_word("the") {
                break;
            }
            end -= 1;
        }
        for (pattern, relation) in BEFORE.iter().chain(if skip_the {
            [].iter()
        } else {
            THAN_TYPO.iter()
        }) {
            if pattern.len() > end {
                continue;
            }
            let start = end - pattern.len();
            if matches_at(toks, start, pattern) {
                // A symbol comparator must not itself follow another symbol ("<>30", "=>30").
                if pattern[0].len() == 1
                    && !pattern[0].chars().all(char::is_alphabetic)
                    && start > 0
                    && toks[start].glued()
                    && matches!(toks[start - 1].punct(), Some('<' | '>' | '='))
                {
                    return None;
                }
                if pattern == &["<"] && toks.get(start + 1).is_some_and(|t| t.punct() == Some('>'))
                {
                    return None;
                }
                return Some((*relation, start));
            }
        }
    }
    None
}

/// A comparator right after the number ending before token `next`. Returns the relation and the
/// token after the comparator. "or more than 4500" is not one (a new comparator starts there).
pub fn comparator_after(toks: &[Tok], next: usize) -> Option<(Relation, usize)> {
    for (pattern, relation) in AFTER {
        if matches_at(toks, next, pattern) {
            let after = next + pattern.len();
            // "200 or greater than 190": "greater than" belongs to the next number.
            if pattern.last() == Some(&"than")
                && toks.get(after).is_some_and(|t| {
                    t.num().is_some()
                        || t.word()
                            .is_some_and(|w| super::numbers::unit_word(w).is_some())
                })
            {
                continue;
            }
            if matches!(pattern.last(), Some(&"more" | &"less" | &"greater"))
                && toks.get(after).is_some_and(|t| t.is_word("than"))
            {
                continue;
            }
            return Some((*relation, after));
        }
    }
    None
}

/// A closed-or-open interval with optional ends; `bool` says whether the end is included.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: Option<(f64, bool)>,
    pub hi: Option<(f64, bool)>,
}

impl Interval {
    pub fn from_relation(relation: Relation, value: f64) -> Interval {
        match relation {
            Relation::Gt => Interval {
                lo: Some((value, false)),
                hi: None,
            },
            Relation::Ge => Interval {
                lo: Some((value, true)),
                hi: None,
            },
            Relation::Lt => Interval {
                lo: None,
                hi: Some((value, false)),
            },
            Relation::Le => Interval {
                lo: None,
                hi: Some((value, true)),
            },
            Relation::Eq => Interval {
                lo: Some((value, true)),
                hi: Some((value, true)),
            },
        }
    }

    /// The interval in the bracket notation "[20,30)".
    pub fn notation(&self) -> String {
        let fmt = |v: f64| {
            if v.fract() == 0.0 && v.abs() < 1e15 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            }
        };
        let (lb, lo) = match self.lo {
            Some((v, inc)) => (if inc { '[' } else { '(' }, fmt(v)),
            None => ('(', String::new()),
        };
        let (hb, hi) = match self.hi {
            Some((v, inc)) => (if inc { ']' } else { ')' }, fmt(v)),
            None => (')', String::new()),
        };
        format!("{lb}{lo},{hi}{hb}")
    }
}
