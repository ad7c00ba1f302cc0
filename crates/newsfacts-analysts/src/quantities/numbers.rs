//! Numbers written in digits, words and mixtures of both: "224,000", "one million", "2.3bn",
//! "twenty-one trillion and three hundred", "two thirds", "one and a half", "1 over 3",
//! ordinals ("twenty-fifth", "21st") and vague magnitudes ("tens of thousands").
//!
//! The parser works on the lexer's tokens and always returns the longest number phrase that
//! starts at a token, so callers scan left to right and skip what a phrase consumed.

use super::lexer::{Tok, TokKind};

/// How a number is written, as far as its resolution is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    Integer,
    Decimal,
    Fraction,
    Power,
}

/// A number phrase: tokens `first..next` of the token list, and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberPhrase {
    pub first: usize,
    pub next: usize,
    pub value: f64,
    pub kind: NumberKind,
    /// Whether any part is written in words.
    pub words: bool,
    /// For vague magnitudes ("tens of thousands", "billions"): the lower and upper bounds;
    /// `value` is then the lower bound.
    pub vague: Option<(f64, Option<f64>)>,
}

/// Knobs for the few readings that depend on the kind of text: in news, "10m" next to a
/// currency is ten million, and "5G" is a network, not five billion.
#[derive(Debug, Clone, Copy, Default)]
pub struct NumberOptions {
    /// Read a glued upper-case "G" as giga ("10G" = 10,000,000,000).
    pub giga_suffix: bool,
    /// Read a lower-case "m" after digits as million ("£600m").
    pub lowercase_m_million: bool,
}

/// The class of a number word, which decides what may follow it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale(f64),
    Num,
    Dozen,
}

pub fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nought" | "naught" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        _ => return None,
    })
}

pub fn teen_word(w: &str) -> Option<f64> {
    Some(match w {
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

pub fn tens_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Scale words: "thousand", "million", ...
pub fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "million" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Abbreviated scales glued to or following digits ("10k", "2.3bn", "10 bln"). Case matters:
/// "1m" is a metre, "10M" ten million.
fn scale_abbreviation(raw: &str, opts: NumberOptions) -> Option<f64> {
    Some(match raw {
        "k" | "K" => 1e3,
        "M" | "MM" => 1e6,
        "mil" | "mn" | "Mn" | "mln" => 1e6,
        "m" if opts.lowercase_m_million => 1e6,
        "bn" | "Bn" | "BN" | "b" | "B" | "bln" | "billion" => 1e9,
        "tn" | "tln" | "trn" | "Tn" => 1e12,
        "T" if opts.lowercase_m_million => 1e12,
        "G" if opts.giga_suffix => 1e9,
        _ => return None,
    })
}

/// Whether `raw` (as written) is an abbreviated scale after digits.
pub fn is_scale_abbreviation(raw: &str, opts: NumberOptions) -> bool {
    scale_abbreviation(raw, opts).is_some()
}

/// The value of an ordinal word and whether it is plural: "fifth" → 5, "hundredths" → 100.
pub fn ordinal_word(w: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) if s != "thirds" => (s, true),
        _ => (w, false),
    };
    let v = match stem {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" | "nineth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    };
    Some((v, plural))
}

/// Denominator words of fractions: "half", "halves", "quarter(s)", and ordinals except
/// "second", which is far more often a unit of time.
pub fn denominator_word(w: &str) -> Option<(f64, bool)> {
    match w {
        "half" => Some((2.0, false)),
        "halves" => Some((2.0, true)),
        "quarter" => Some((4.0, false)),
        "quarters" => Some((4.0, true)),
        "second" | "seconds" | "first" | "firsts" => None,
        _ => ordinal_word(w),
    }
}

fn is_small_ordinal(v: f64) -> bool {
    v < 100.0
}

/// A cardinal number parsed from tokens.
#[derive(Debug, Clone, Copy)]
struct Cardinal {
    value: f64,
    next: usize,
    last: Part,
    /// Value of the last tens word when it ends the cardinal without "and" before it.
    trailing_tens: Option<f64>,
    /// The largest scale word used (1 when none).
    top_scale: f64,
    /// Whether the last part is a scale word ("million").
    ends_in_scale: bool,
    words: bool,
    integer: bool,
    tokens: usize,
    /// When the last group follows "and": the value before "and", its largest scale when it
    /// ended in a scale word (else 1), and the value after "and" ("five billion and three").
    and_tail: Option<(f64, f64, f64)>,
}

/// The parser over one text's tokens.
pub struct NumberParser<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub opts: NumberOptions,
}

impl<'a> NumberParser<'a> {
    pub fn new(text: &'a str, toks: &'a [Tok], opts: NumberOptions) -> NumberParser<'a> {
        NumberParser { text, toks, opts }
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.toks.get(i).and_then(Tok::word)
    }

    fn raw(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map(|t| &self.text[t.start..t.end])
            .unwrap_or("")
    }

    fn punct(&self, i: usize) -> Option<char> {
        self.toks.get(i).and_then(Tok::punct)
    }

    /// Classifies the token at `i` as a number part, with its value.
    fn part(&self, i: usize, at_start: bool) -> Option<(Part, f64)> {
        let tok = self.toks.get(i)?;
        match &tok.kind {
            TokKind::Num { value, .. } => Some((Part::Num, *value)),
            TokKind::Word(w) => {
                if let Some(v) = unit_word(w) {
                    Some((Part::Unit, v))
                } else if let Some(v) = teen_word(w) {
                    Some((Part::Teen, v))
                } else if let Some(v) = tens_word(w) {
                    Some((Part::Tens, v))
                } else if w == "hundred" {
                    Some((Part::Hundred, 100.0))
                } else if let Some(v) = scale_word(w) {
                    Some((Part::Scale(v), v))
                } else if matches!(w.as_str(), "dozen" | "dozens" | "dzs" | "dozs" | "dz") {
                    (!at_start).then_some((Part::Dozen, 12.0))
                } else {
                    None
                }
            }
            TokKind::Punct(_) => None,
        }
    }

    /// Whether the token at `i` is "a"/"an" standing for one ("a million", "a hundred").
    fn article_as_one(&self, i: usize) -> bool {
        matches!(self.word(i), Some("a" | "an"))
            && matches!(
                self.part(i + 1, false),
                Some((Part::Hundred | Part::Scale(_) | Part::Dozen, _))
            )
    }

    /// A digit number with an abbreviated scale ("10k", "2.3bn", "- 10  k").
    fn abbreviated_scale(&self, i: usize) -> Option<f64> {
        let tok = self.toks.get(i)?;
        let TokKind::Word(_) = tok.kind else {
            return None;
        };
        let raw = self.raw(i);
        let scale = scale_abbreviation(raw, self.opts)?;
        // Not the start of a longer word and not followed by a glued word ("10 mm").
        Some(scale)
    }

    /// Parses a cardinal number (no sign, fraction or decimal point in words) starting at `i`.
    fn cardinal(&self, i: usize) -> Option<Cardinal> {
        let mut total = 0.0f64;
        let mut cur = 0.0f64;
        let mut last: Option<Part> = None;
        let mut last_small = 0.0f64; // value added by the last unit/teen/tens/num run
        let mut group_has_hundred = false;
        let mut last_scale = f64::INFINITY;
        let mut top_scale = 1.0f64;
        let mut j = i;
        let mut words = false;
        let mut integer = true;
        let mut committed: Option<Cardinal> = None;
        let mut trailing_tens: Option<f64>;
        let mut after_and = false;
        let mut tokens = 0usize;
        // The cardinal as it stood before the last "and", to fall back on when what follows
        // "and" turns out to start a new number ("3 hundred and 2 hundred").
        let mut before_and: Option<Cardinal> = None;
        let mut and_tail: Option<(f64, f64, f64)> = None;
        let mut last_ended_in_scale = false;
        loop {
            let at_start = last.is_none();
            // Connectors between parts: "and", a hyphen between tens and units.
            let mut k = j;
            let mut saw_and = false;
            if !at_start {
                if self.word(k) == Some("and") {
                    k += 1;
                    saw_and = true;
                } else if self.punct(k) == Some('-') && last == Some(Part::Tens) {
                    k += 1;
                }
            }
            let part = if at_start && self.article_as_one(k) {
                Some((Part::Unit, 1.0))
            } else {
                self.part(k, at_start)
            };
            let Some((part, v)) = part else {
                // An abbreviated scale right after digits.
                if last == Some(Part::Num)
                    && k == j
                    && let Some(scale) = self.abbreviated_scale(k)
                    && !after_and
                {
                    cur *= scale;
                    total += cur;
                    return Some(Cardinal {
                        value: total,
                        next: k + 1,
                        last: Part::Scale(scale),
                        trailing_tens: None,
                        top_scale: scale,
                        ends_in_scale: true,
                        words,
                        integer: total.fract() == 0.0,
                        tokens: tokens + 1,
                        and_tail: None,
                    });
                }
                break;
            };
            let is_word = matches!(self.toks.get(k).map(|t| &t.kind), Some(TokKind::Word(_)));
            // Whether this part may follow the previous one.
            let allowed = match (last, part) {
                (None, Part::Dozen) => false,
                (None, _) => true,
                (Some(Part::Unit | Part::Teen), Part::Hundred) => !group_has_hundred,
                (Some(Part::Unit | Part::Teen | Part::Tens | Part::Num), Part::Scale(s)) => {
                    s < last_scale || (cur == 0.0 && total > 0.0)
                }
                (Some(Part::Unit | Part::Teen | Part::Tens | Part::Num), Part::Dozen) => true,
                (Some(Part::Tens), Part::Unit) => !saw_and && v > 0.0 && last_small % 10.0 == 0.0,
                (Some(Part::Tens), Part::Hundred) => !group_has_hundred,
                (Some(Part::Num), Part::Hundred) => !group_has_hundred,
                (Some(Part::Hundred), Part::Unit | Part::Teen | Part::Tens) => true,
                (Some(Part::Hundred), Part::Num) => saw_and && v > 0.0 && v < 100.0,
                (Some(Part::Hundred), Part::Scale(s)) => s < last_scale,
                (Some(Part::Hundred), Part::Dozen) => true,
                (Some(Part::Scale(s)), Part::Unit | Part::Teen | Part::Tens | Part::Hundred) => {
                    s > 100.0
                }
                (Some(Part::Scale(s)), Part::Num) => {
                    v > 0.0 && v < s.min(1000.0) && v.fract() == 0.0
                }
                (Some(Part::Scale(s)), Part::Scale(s2)) => s2 > s && cur == 0.0, // "lakh crore"
                (Some(Part::Dozen), _) => false,
                _ => false,
            };
            // Digits never follow digits or words as one number ("4000 3 hundred").
            let digits_after_words = part == Part::Num
                && !at_start
                && !matches!(last, Some(Part::Hundred | Part::Scale(_)));
            if !allowed || digits_after_words {
                if after_and && !saw_and && matches!(part, Part::Hundred | Part::Scale(_)) {
                    committed = before_and;
                }
                break;
            }
            if saw_and {
                before_and = committed;
                let head = total + cur;
                let head_scale = if last_ended_in_scale { top_scale } else { 1.0 };
                and_tail = Some((head, 0.0, head_scale));
            }
            // Digits with a fraction in them ("2.12 hundred") may only be scaled.
            if part == Part::Num
                && let Some(TokKind::Num { integer: int, .. }) = self.toks.get(k).map(|t| &t.kind)
                && !int
            {
                integer = false;
            }
            if is_word {
                words = true;
            }
            match part {
                Part::Unit | Part::Teen | Part::Tens | Part::Num => {
                    if last == Some(Part::Tens) && part == Part::Unit {
                        last_small += v;
                    } else {
                        last_small = v;
                    }
                    cur += v;
                    trailing_tens = (part == Part::Tens && !saw_and).then_some(v);
                }
                Part::Hundred => {
                    cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
                    group_has_hundred = true;
                    trailing_tens = None;
                }
                Part::Scale(s) => {
                    if cur == 0.0 && total > 0.0 {
                        total *= s;
                    } else {
                        total += if cur == 0.0 { s } else { cur * s };
                    }
                    cur = 0.0;
                    last_scale = s;
                    top_scale = top_scale.max(s);
                    group_has_hundred = false;
                    trailing_tens = None;
                }
                Part::Dozen => {
                    cur = cur - last_small + last_small * 12.0;
                    trailing_tens = None;
                }
            }
            last = Some(part);
            last_ended_in_scale = matches!(part, Part::Scale(_));
            if matches!(part, Part::Scale(_)) {
                and_tail = None;
            }
            after_and = saw_and || (after_and && !matches!(part, Part::Scale(_)));
            if let Some((head, _, hs)) = and_tail {
                and_tail = Some((head, total + cur - head, hs));
            }
            tokens += k + 1 - j;
            j = k + 1;
            committed = Some(Cardinal {
                value: total + cur,
                next: j,
                last: part,
                trailing_tens,
                top_scale,
                ends_in_scale: matches!(part, Part::Scale(_)),
                words,
                integer,
                tokens,
                and_tail,
            });
        }
        committed.map(|mut c| {
            c.integer = integer && c.value.fract() == 0.0;
            c
        })
    }

    /// A denominator starting at `i`: an ordinal word, or tens and an ordinal ("thirty fifths").
    /// Returns (value, plural, next).
    fn denominator(&self, i: usize) -> Option<(f64, bool, usize)> {
        if let Some((v, plural)) = self.word(i).and_then(denominator_word) {
            return Some((v, plural, i + 1));
        }
        // "twenty-fifths", "hundred fifths"
        let tens = self.word(i).and_then(tens_word);
        let hundred = self.word(i) == Some("hundred");
        if tens.is_some() || hundred {
            let mut k = i + 1;
            if self.punct(k) == Some('-') {
                k += 1;
            }
            if let Some((v, plural)) = self.word(k).and_then(ordinal_word)
                && is_small_ordinal(v)
            {
                let base = tens.unwrap_or(100.0);
                if hundred || v < 10.0 {
                    return Some((base + v, plural, k + 1));
                }
            }
        }
        None
    }

    /// The value of decimal digits written in words after "point": "zero three" → ".03",
    /// "seventy-one" → ".71".
    fn point_decimals(&self, i: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        let mut j = i;
        while let Some(w) = self.word(j) {
            match unit_word(w) {
                Some(d) => {
                    digits.push(char::from(b'0' + d as u8));
                    j += 1;
                }
                None => break,
            }
        }
        if digits.is_empty() {
            let c = self.cardinal(i)?;
            if c.value.fract() != 0.0 || c.value <= 0.0 {
                return None;
            }
            digits = format!("{}", c.value as u64);
            j = c.next;
        }
        let v: f64 = format!("0.{digits}").parse().ok()?;
        Some((v, j))
    }

    /// A digit fraction "3/4" at `i` (both sides digits, glued).
    fn digit_fraction(&self, i: usize) -> Option<(f64, usize)> {
        let num = self.toks.get(i)?;
        let TokKind::Num {
            value: n,
            integer: true,
        } = num.kind
        else {
            return None;
        };
        let slash = self.toks.get(i + 1)?;
        let den = self.toks.get(i + 2)?;
        if slash.punct() != Some('/') || slash.space_before || den.space_before {
            return None;
        }
        let TokKind::Num {
            value: d,
            integer: true,
        } = den.kind
        else {
            return None;
        };
        // Part of a date or a phone number: "5/17/2018", "222-2222/2222".
        if self.punct(i + 3) == Some('/') && self.toks.get(i + 3).is_some_and(Tok::glued) {
            return None;
        }
        if i > 0
            && num.glued()
            && matches!(self.punct(i - 1), Some('/' | '-' | '.'))
            && i >= 2
            && self.toks[i - 2].num().is_some()
        {
            return None;
        }
        if d == 0.0 {
            return None;
        }
        Some((n / d, i + 3))
    }

    /// Parses the longest number phrase starting at token `i`.
    pub fn phrase(&self, i: usize) -> Option<NumberPhrase> {
        let mut j = i;
        let mut sign = 1.0;
        // A sign: "-1", "- 1 4/5", "minus one", "negative ten".
        match self.toks.get(j).map(|t| &t.kind) {
            Some(TokKind::Punct('-' | '−')) => {
                let glued_to_previous = i > 0
                    && self.toks.get(i).is_some_and(Tok::glued)
                    && matches!(
                        self.toks[i - 1].kind,
                        TokKind::Num { .. } | TokKind::Word(_)
                    );
                // After a number a dash joins a range ("40 - 50", "75 -300mm").
                let after_number = i > 0 && matches!(self.toks[i - 1].kind, TokKind::Num { .. });
                if glued_to_previous || after_number {
                    return None;
                }
                sign = -1.0;
                j += 1;
            }
            Some(TokKind::Word(w)) if w == "minus" || w == "negative" => {
                sign = -1.0;
                j += 1;
            }
            _ => {}
        }
        let mut phrase = self.unsigned(j)?;
        if sign < 0.0 {
            phrase.first = i;
            phrase.value = -phrase.value;
            if let Some((lo, hi)) = phrase.vague {
                phrase.vague = Some((-lo, hi.map(|h| -h)));
            }
            if self.toks.get(i).is_some_and(|t| t.word().is_some()) {
                phrase.words = true;
            }
        }
        Some(phrase)
    }

    fn unsigned(&self, i: usize) -> Option<NumberPhrase> {
        let make = |first, next, value: f64, kind, words| NumberPhrase {
            first,
            next,
            value,
            kind,
            words,
            vague: None,
        };
        // Vague magnitudes: "tens of thousands", "hundreds", "billions and billions".
        if let Some(p) = self.vague(i) {
            return Some(p);
        }
        // "half a dozen", "half million", "quarter million", bare "half".
        if let Some(w) = self.word(i)
            && matches!(w, "half" | "quarter")
        {
            let frac = if w == "half" { 0.5 } else { 0.25 };
            let mut k = i + 1;
            if matches!(self.word(k), Some("a" | "an")) {
                k += 1;
            }
            if let Some((Part::Scale(_) | Part::Dozen | Part::Hundred, scale)) = self.part(k, false)
            {
                return Some(make(i, k + 1, frac * scale, NumberKind::Fraction, true));
            }
            if w == "half" {
                return Some(make(i, i + 1, 0.5, NumberKind::Fraction, true));
            }
            return None;
        }
        // "a half", "a fifth", "an eighth", "a hundredth".
        if matches!(self.word(i), Some("a" | "an"))
            && let Some((d, plural, next)) = self.denominator(i + 1)
            && !plural
        {
            let p = make(i, next, 1.0 / d, NumberKind::Fraction, true);
            return Some(self.scaled_fraction(p));
        }
        // Digit fractions, with an optional whole part: "3/4", "2 1/4".
        if let Some((v, next)) = self.digit_fraction(i) {
            return Some(make(i, next, v, NumberKind::Fraction, false));
        }
        if let Some(TokKind::Num {
            value: whole,
            integer: true,
        }) = self.toks.get(i).map(|t| &t.kind)
            && let Some((v, next)) = self.digit_fraction(i + 1)
            && v < 1.0
        {
            return Some(make(i, next, whole + v, NumberKind::Fraction, false));
        }
        let card = self.cardinal(i)?;
        let mut value = card.value;
        let mut next = card.next;
        let mut kind = if card.integer {
            NumberKind::Integer
        } else {
            NumberKind::Decimal
        };
        if matches!(self.toks.get(i).map(|t| &t.kind), Some(TokKind::Num { .. }))
            && card.tokens == 1
        {
            let raw = self.raw(i);
            if raw.contains(['e', 'E', '^']) {
                kind = NumberKind::Power;
            }
        }
        let words = card.words;
        // "two hundred point zero three"
        if card.words
            && self.word(next) == Some("point")
            && let Some((dec, after)) = self.point_decimals(next + 1)
        {
            return Some(make(i, after, value + dec, NumberKind::Decimal, true));
        }
        // Fractions with a word denominator: "three fifths", "one hundred thirty fifths".
        if card.words && !matches!(card.last, Part::Num) {
            if let Some(p) = self.word_fraction(i, &card) {
                return Some(self.scaled_fraction(p));
            }
        }
        // "one and a half", "twenty and three fifths", "3 million and a half".
        if self.word(next) == Some("and")
            && let Some((frac, after)) = self.and_fraction(next + 1)
        {
            let mut v = if card.ends_in_scale {
                value + frac * card.top_scale
            } else {
                value + frac
            };
            let mut end = after;
            // "five and a half million", "one billion and a half million"
            if let Some((Part::Scale(s), _)) = self.part(after, false) {
                v = if card.top_scale > s {
                    value + frac * s
                } else {
                    (value + frac) * s
                };
                end = after + 1;
            }
            return Some(make(i, end, v, NumberKind::Fraction, true));
        }
        // "one over three", "one out of three", "1 in twenty-one".
        if let Some(w) = self.word(next)
            && matches!(w, "over" | "out" | "in")
        {
            let mut k = next + 1;
            if w == "out" {
                if self.word(k) != Some("of") {
                    return Some(make(i, next, value, kind, words));
                }
                k += 1;
            }
            if let Some(den) = self.cardinal(k) {
                let followed_by_word = self
                    .toks
                    .get(den.next)
                    .is_some_and(|t| t.word().is_some_and(|w| !matches!(w, "and" | "or")));
                let ok = match w {
                    "over" => !followed_by_word,
                    "out" => value < den.value,
                    _ => value == 1.0 && den.words,
                };
                if ok && den.value != 0.0 {
                    return Some(make(
                        i,
                        den.next,
                        value / den.value,
                        NumberKind::Fraction,
                        true,
                    ));
                }
            }
        }
        next = next.max(card.next);
        value = value.max(f64::MIN);
        Some(make(i, next, value, kind, words))
    }

    /// After "and": "a half", "three fifths", "a quarter". Returns the fraction and the next
    /// token.
    fn and_fraction(&self, i: usize) -> Option<(f64, usize)> {
        if matches!(self.word(i), Some("a" | "an")) {
            let (d, plural, next) = self.denominator(i + 1)?;
            return (!plural).then_some((1.0 / d, next));
        }
        let card = self.cardinal(i)?;
        if !card.words {
            return None;
        }
        let p = self.word_fraction(i, &card)?;
        Some((p.value, p.next))
    }

    /// A cardinal followed by a denominator word: "three fifths", "one hundred thirty fifths"
    /// (a hundred over thirty-five), "twenty twenty fifths".
    fn word_fraction(&self, i: usize, card: &Cardinal) -> Option<NumberPhrase> {
        let make = |next, value| NumberPhrase {
            first: i,
            next,
            value,
            kind: NumberKind::Fraction,
            words: true,
            vague: None,
        };
        let single_one = card.tokens == 1 && card.value == 1.0;
        // "one-eighth", "five - eighths"
        let den_at = if self.punct(card.next) == Some('-') && card.last != Part::Tens {
            card.next + 1
        } else {
            card.next
        };
        let tens_hyphen = if self.punct(card.next) == Some('-') && card.last == Part::Tens {
            card.next + 1
        } else {
            card.next
        };
        // "five billion and three quarters", "one hundred and three quarters": a proper
        // fraction after "and" is the fractional part of a mixed number.
        if let Some((head, tail, head_scale)) = card.and_tail
            && tail > 0.0
            && let Some((d, plural, next)) = self.denominator(den_at)
            && tail < d
            && (plural || tail == 1.0)
        {
            let mut end = next;
            let mut scale = head_scale;
            // "one billion and three quarters million"
            if let Some((Part::Scale(s), _)) = self.part(next, false)
                && s < head_scale
            {
                scale = s;
                end = next + 1;
            }
            return Some(make(end, head + tail / d * scale));
        }
        if let Some((o, _)) = self.word(tens_hyphen).and_then(ordinal_word)
            && tens_hyphen != card.next
            && let Some(t) = card.trailing_tens
            && o < 10.0
            && card.value - t > 0.0
        {
            return Some(make(tens_hyphen + 1, (card.value - t) / (t + o)));
        }
        if let Some((d, plural, next)) = self.denominator(den_at) {
            // "one hundred thirty fifths": the tens belong to the denominator.
            if let Some(t) = card.trailing_tens
                && d < 10.0
                && card.value - t > 0.0
            {
                return Some(make(next, (card.value - t) / (t + d)));
            }
            if plural || single_one {
                return Some(make(next, card.value / d));
            }
            return None;
        }
        // "twenty twenty fifths", "one one hundred fifth"
        if let Some(den) = self.cardinal(card.next)
            && den.words
            && let Some((o, plural)) = self.word(den.next).and_then(ordinal_word)
            && o < 10.0
            && matches!(den.last, Part::Tens | Part::Hundred)
            && (plural || single_one)
        {
            return Some(make(den.next + 1, card.value / (den.value + o)));
        }
        None
    }

    /// "two thirds of a million": a fraction of a scale.
    fn scaled_fraction(&self, mut p: NumberPhrase) -> NumberPhrase {
        let k = p.next;
        // "a quarter million", "three quarters billion"
        if let Some((Part::Scale(s), _)) = self.part(k, false) {
            p.value *= s;
            p.next = k + 1;
            return p;
        }
        if self.word(k) == Some("of")
            && matches!(self.word(k + 1), Some("a" | "an"))
            && let Some((Part::Scale(s), _)) = self.part(k + 2, false)
        {
            p.value *= s;
            p.next = k + 3;
        }
        p
    }

    /// "tens of thousands", "hundreds of millions", "thousands", "billions and billions".
    fn vague(&self, i: usize) -> Option<NumberPhrase> {
        let w = self.word(i)?;
        let plural_scale = |w: &str| -> Option<f64> {
            match w {
                "tens" => Some(10.0),
                "dozens" => Some(12.0),
                "hundreds" => Some(100.0),
                "thousands" => Some(1e3),
                "millions" => Some(1e6),
                "billions" => Some(1e9),
                "trillions" => Some(1e12),
                _ => None,
            }
        };
        let s = plural_scale(w)?;
        let mut next = i + 1;
        let (mut lo, mut hi) = (2.0 * s, None);
        // "tens of thousands", "hundreds of millions"
        if self.word(next) == Some("of")
            && let Some(s2) = self.word(next + 1).and_then(plural_scale)
            && s2 > s
            && s <= 100.0
        {
            lo = s * s2;
            hi = Some(s * s2 * 10.0);
            next += 2;
        } else if s == 10.0 {
            // "tens" alone is not a quantity of news.
            return None;
        }
        // "billions and billions"
        if self.word(next) == Some("and") && self.word(next + 1) == Some(w) {
            next += 2;
        }
        Some(NumberPhrase {
            first: i,
            next,
            value: lo,
            kind: NumberKind::Integer,
            words: true,
            vague: Some((lo, hi)),
        })
    }

    /// Parses an ordinal at `i`: "11th", "twenty-fifth", "one hundred twenty fifth",
    /// "a hundred trillionth". Returns (value, next).
    pub fn ordinal(&self, i: usize) -> Option<(f64, usize)> {
        let tok = self.toks.get(i)?;
        if let TokKind::Num {
            value,
            integer: true,
        } = tok.kind
            && let Some(suffix) = self.toks.get(i + 1)
            && suffix.glued()
            && matches!(suffix.word(), Some("st" | "nd" | "rd" | "th"))
        {
            return Some((value, i + 2));
        }
        if let Some((v, plural)) = self.word(i).and_then(ordinal_word)
            && !plural
        {
            return Some((v, i + 1));
        }
        let card = self.cardinal(i)?;
        if !card.words {
            return None;
        }
        let mut k = card.next;
        if self.punct(k) == Some('-') && card.last == Part::Tens {
            k += 1;
        }
        let (o, plural) = self.word(k).and_then(ordinal_word)?;
        if plural {
            return None;
        }
        let value = if o >= 100.0 {
            if matches!(card.last, Part::Scale(_)) && o < card.top_scale {
                return None;
            }
            card.value * o
        } else {
            match card.last {
                Part::Tens if o < 10.0 => card.value + o,
                Part::Hundred | Part::Scale(_) => card.value + o,
                _ => return None,
            }
        };
        Some((value, k + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexer::lex;
    use super::*;

    fn first(text: &str) -> Option<(String, f64)> {
        let toks = lex(text);
        let p = NumberParser::new(text, &toks, NumberOptions::default());
        let ph = p.phrase(0)?;
        let s = toks[ph.first].start;
        let e = toks[ph.next - 1].end;
        Some((text[s..e].to_string(), ph.value))
    }

    fn close(text: &str, want: f64) {
        let (_, v) = first(text).unwrap_or_default();
        assert!(
            (v - want).abs() <= 1e-9 * want.abs().max(1.0),
            "{text}: {v} != {want}"
        );
    }

    #[test]
    fn words_and_digits() {
        close("one million", 1e6);
        close("224,000", 224000.0);
        close("twenty-one trillion and three hundred", 21000000000300.0);
        close("two hundred and two thousand", 202000.0);
        close("two  thousand  and  two hundred", 2200.0);
        close("three hundred and two dozens", 324.0);
        close("3 hundred and 21", 321.0);
        close("10k", 1e4);
        close("2.3bn", 2.3e9);
        close("fifty - two", 52.0);
        close("three lakh crore", 3e12);
        close("a hundred thousand", 1e5);
        close("- 1 4/5", -1.8);
        close("two hundred point zero three", 200.03);
    }

    #[test]
    fn fractions() {
        close("two thirds", 2.0 / 3.0);
        close("a quarter of", 0.25);
        close("one and a half", 1.5);
        close("one hundred thirty fifths", 100.0 / 35.0);
        close("one hundred and thirty fifths", 26.0);
        close("twenty twenty fifths", 0.8);
        close("twenty one fifths", 4.2);
        close("five and a half million", 5.5e6);
        close("one billion and a half million", 1000500000.0);
        close("3 million and a quarter", 3250000.0);
        close("two thirds of a million", 2e6 / 3.0);
        close("1 over 3", 1.0 / 3.0);
        close("half a dozen", 6.0);
    }

    #[test]
    fn vague_magnitudes() {
        let text = "tens of thousands of soldiers";
        let toks = lex(text);
        let p = NumberParser::new(text, &toks, NumberOptions::default());
        let ph = p.phrase(0).expect("phrase");
        assert_eq!(ph.vague, Some((1e4, Some(1e5))));
        assert_eq!(ph.next, 3);
    }

    #[test]
    fn ordinals() {
        let text = "one hundred twenty-fifth";
        let toks = lex(text);
        let p = NumberParser::new(text, &toks, NumberOptions::default());
        assert_eq!(p.ordinal(0).map(|o| o.0), Some(125.0));
    }
}
