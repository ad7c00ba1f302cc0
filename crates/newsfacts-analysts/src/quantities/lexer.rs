//! A small lexer for the quantity recognisers: words, numeric literals and punctuation with byte
//! offsets. Numeric literals are read here, character by character, because their grouping
//! ("1,234,567", "12,34,567", "1 234 567", "1.111,11") decides where a number starts and ends
//! before any word-level rule sees it.
//!
//! The lexer is deliberately independent of the NLP tokenizer: quantity spans must be exact to the
//! character ("2.3bn", "1,200km"), which word tokens do not give.

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub enum TokKind {
    /// A numeric literal written in digits (or a vulgar fraction character), already valued.
    Num { value: f64, integer: bool },
    /// A run of letters, lower-cased.
    Word(String),
    /// Any other single character that is not whitespace.
    Punct(char),
}

/// One token with its byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whether whitespace separates this token from the previous one.
    pub space_before: bool,
}

impl Tok {
    pub fn word(&self) -> Option<&str> {
        match &self.kind {
            TokKind::Word(w) => Some(w.as_str()),
            _ => None,
        }
    }

    pub fn is_word(&self, w: &str) -> bool {
        self.word() == Some(w)
    }

    pub fn punct(&self) -> Option<char> {
        match self.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    pub fn num(&self) -> Option<f64> {
        match self.kind {
            TokKind::Num { value, .. } => Some(value),
            _ => None,
        }
    }

    /// Whether this token directly follows the previous one, with no space between.
    pub fn glued(&self) -> bool {
        !self.space_before
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{202f}' || c == '\u{a0}'
}

/// The value of a vulgar fraction character.
fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// Splits `text` into tokens.
pub fn lex(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    let mut space_before = true;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if is_space(c) {
            i += c.len_utf8();
            space_before = true;
            continue;
        }
        let starts_decimal = c == '.'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            && !toks.last().is_some_and(|t: &Tok| {
                !space_before && matches!(t.kind, TokKind::Num { .. } | TokKind::Word(_))
            });
        if c.is_ascii_digit() || starts_decimal {
            // In a list or an address ("22,24,26", "192.168.1.2") a separator after the previous
            // number is not a decimal mark.
            let in_sequence = !space_before
                && toks.len() >= 2
                && matches!(toks[toks.len() - 1].kind, TokKind::Punct(',' | '.'))
                && matches!(toks[toks.len() - 2].kind, TokKind::Num { .. })
                && !toks[toks.len() - 1].space_before;
            let (end, value, integer) = scan_number(text, i, in_sequence);
            toks.push(Tok {
                start: i,
                end,
                kind: TokKind::Num { value, integer },
                space_before,
            });
            i = end;
        } else if let Some(value) = vulgar_fraction(c) {
            let end = i + c.len_utf8();
            toks.push(Tok {
                start: i,
                end,
                kind: TokKind::Num {
                    value,
                    integer: false,
                },
                space_before,
            });
            i = end;
        } else if c.is_alphabetic() {
            let mut end = i;
            for ch in text[i..].chars() {
                if ch.is_alphabetic() {
                    end += ch.len_utf8();
                } else {
                    break;
                }
            }
            toks.push(Tok {
                start: i,
                end,
                kind: TokKind::Word(text[i..end].to_lowercase()),
                space_before,
            });
            i = end;
        } else {
            let end = i + c.len_utf8();
            toks.push(Tok {
                start: i,
                end,
                kind: TokKind::Punct(c),
                space_before,
            });
            i = end;
        }
        space_before = false;
    }
    toks
}

/// Length in bytes of the run of ASCII digits at `i`.
fn digit_run(bytes: &[u8], i: usize) -> usize {
    bytes[i.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// Reads a numeric literal starting at `start`: grouped digits, a decimal part, an exponent
/// (`1e10`, `1.1^23`, `1.3x10^6`). Returns its end, value and whether it is an integer.
fn scan_number(text: &str, start: usize, in_sequence: bool) -> (usize, f64, bool) {
    let bytes = text.as_bytes();
    // Collect digit groups and the separators between them.
    let mut groups: Vec<(usize, usize)> = Vec::new(); // byte ranges of digit groups
    let mut seps: Vec<char> = Vec::new();
    let mut i = start;
    if bytes[i] == b'.' {
        // ".08": a decimal with no integer part.
        let n = digit_run(bytes, i + 1);
        let end = i + 1 + n;
        let value = text[i..end].parse::<f64>().unwrap_or(0.0);
        return finish_exponent(text, end, value, false);
    }
    let n = digit_run(bytes, i);
    groups.push((i, i + n));
    i += n;
    while let Some(c) = text[i..].chars().next() {
        let sep_len = c.len_utf8();
        let is_sep = matches!(c, ',' | '.') || c == ' ' || c == '\u{202f}' || c == '\u{a0}';
        if !is_sep {
            break;
        }
        let n = digit_run(bytes, i + sep_len);
        if n == 0 {
            break;
        }
        // A space only groups digits in threes ("1 234 567"), after a first group of at most three.
        if !matches!(c, ',' | '.') && (n != 3 || groups[0].1 - groups[0].0 > 3) {
            break;
        }
        if !matches!(c, ',' | '.') && seps.iter().any(|s| matches!(s, ',' | '.')) {
            break;
        }
        // After space grouping only a decimal point may follow: "1 234 567.89".
        if matches!(c, ',' | '.')
            && !seps.is_empty()
            && seps.iter().all(|s| !matches!(s, ',' | '.'))
        {
            if c == '.' && n != 3 {
                seps.push(c);
                groups.push((i + sep_len, i + sep_len + n));
            }
            break;
        }
        seps.push(c);
        groups.push((i + sep_len, i + sep_len + n));
        i += sep_len + n;
    }
    let digits = |g: (usize, usize)| &text[g.0..g.1];
    let glen = |g: (usize, usize)| g.1 - g.0;
    // Decide which separator is the decimal mark, if any.
    let (int_groups, frac): (usize, Option<usize>) = if seps.is_empty() {
        (1, None)
    } else {
        let has_comma = seps.contains(&',');
        let has_dot = seps.contains(&'.');
        let spaces_only = seps.iter().all(|s| !matches!(s, ',' | '.'));
        let spaces_then_point = seps.len() >= 2
            && seps[seps.len() - 1] == '.'
            && seps[..seps.len() - 1]
                .iter()
                .all(|s| !matches!(s, ',' | '.'));
        if in_sequence {
            (1, None)
        } else if spaces_only {
            (groups.len(), None)
        } else if spaces_then_point {
            (groups.len() - 1, Some(groups.len() - 1))
        } else if has_comma && has_dot {
            // The last separator is the decimal mark; all others must be the other kind.
            let last = seps[seps.len() - 1];
            let middle = &groups[1..groups.len() - 1];
            let indian_middle = middle.last().is_some_and(|g| glen(*g) == 3)
                && middle[..middle.len() - 1].iter().all(|g| glen(*g) == 2);
            let grouping_ok = seps[..seps.len() - 1].iter().all(|s| *s != last)
                && (middle.iter().all(|g| glen(*g) == 3) || indian_middle);
            if grouping_ok {
                (groups.len() - 1, Some(groups.len() - 1))
            } else {
                (1, None)
            }
        } else {
            let sep = seps[0];
            let all_same = seps.iter().all(|s| *s == sep);
            let threes = groups[1..].iter().all(|g| glen(*g) == 3) && glen(groups[0]) <= 3;
            let indian = groups.len() >= 3
                && glen(groups[groups.len() - 1]) == 3
                && groups[1..groups.len() - 1].iter().all(|g| glen(*g) == 2)
                && glen(groups[0]) <= 2;
            if !all_same {
                (1, None)
            } else if sep == ',' {
                if threes || indian {
                    (groups.len(), None)
                } else if groups.len() == 2 && glen(groups[1]) <= 2 {
                    (1, Some(1))
                } else {
                    (1, None)
                }
            } else if groups.len() == 2 {
                (1, Some(1))
            } else if threes {
                (groups.len(), None)
            } else {
                (1, None)
            }
        }
    };
    let mut int_digits = String::new();
    for g in &groups[..int_groups] {
        int_digits.push_str(digits(*g));
    }
    let mut end = groups[int_groups - 1].1;
    let mut literal = int_digits;
    let mut integer = true;
    if let Some(f) = frac {
        literal.push('.');
        literal.push_str(digits(groups[f]));
        end = groups[f].1;
        integer = false;
    } else if int_groups == 1 && seps.is_empty() {
        // A plain decimal point after an ungrouped integer: "4.800".
        if bytes.get(end) == Some(&b'.') && digit_run(bytes, end + 1) > 0 {
            let n = digit_run(bytes, end + 1);
            literal.push_str(&text[end..end + 1 + n]);
            end += 1 + n;
            integer = false;
        }
    }
    let value = literal.parse::<f64>().unwrap_or(0.0);
    finish_exponent(text, end, value, integer)
}

/// Extends a literal with a scientific exponent when one is glued to it.
fn finish_exponent(text: &str, end: usize, value: f64, integer: bool) -> (usize, f64, bool) {
    let bytes = text.as_bytes();
    let at = |i: usize| bytes.get(i).copied();
    // 1e10, 12.32e+14, -12e-1
    if matches!(at(end), Some(b'e' | b'E')) {
        let mut j = end + 1;
        let mut negative = false;
        if matches!(at(j), Some(b'+' | b'-')) {
            negative = at(j) == Some(b'-');
            j += 1;
        }
        let n = digit_run(bytes, j);
        let after_is_letter = at(j + n).is_some_and(|b| b.is_ascii_alphabetic());
        if n > 0 && !after_is_letter {
            let exp: i32 = text[j..j + n].parse().unwrap_or(0);
            let exp = if negative { -exp } else { exp };
            let v = value * 10f64.powi(exp);
            return (j + n, v, v.fract() == 0.0);
        }
    }
    // 2.48×10−5: a power of ten typeset without the caret.
    if text[end..].starts_with("×10") || text[end..].starts_with("x10") {
        let after = end + text[end..].find("10").unwrap_or(0) + 2;
        let rest = &text[after..];
        let (negative, skip) = if rest.starts_with('−') {
            (true, '−'.len_utf8())
        } else if rest.starts_with('-') {
            (true, 1)
        } else if rest.starts_with('^') {
            (false, 0)
        } else {
            (false, usize::MAX)
        };
        if skip != usize::MAX && skip > 0 {
            let n = digit_run(bytes, after + skip);
            if n > 0 {
                let exp: i32 = text[after + skip..after + skip + n].parse().unwrap_or(0);
                let exp = if negative { -exp } else { exp };
                let v = value * 10f64.powi(exp);
                return (after + skip + n, v, false);
            }
        }
    }
    // 1.3x10^6
    if at(end) == Some(b'x') && text[end + 1..].starts_with("10^") {
        let (e_end, exp) = scan_power(text, end + 4);
        if let Some(exp) = exp {
            let v = value * 10f64.powf(exp);
            return (e_end, v, v.fract() == 0.0);
        }
    }
    // 1.1^23 (a power)
    if at(end) == Some(b'^') {
        let (e_end, exp) = scan_power(text, end + 1);
        if let Some(exp) = exp {
            let v = value.powf(exp);
            return (e_end, v, v.fract() == 0.0);
        }
    }
    (end, value, integer)
}

/// Reads a signed exponent ("+23", "-1", "--23") at `i`.
fn scan_power(text: &str, i: usize) -> (usize, Option<f64>) {
    let bytes = text.as_bytes();
    let mut j = i;
    let mut negative = false;
    while let Some(b) = bytes.get(j) {
        match b {
            b'+' => {}
            b'-' => negative = !negative,
            _ => break,
        }
        j += 1;
    }
    // "--23" reads as a (doubled) minus in the sources we follow, so keep any minus.
    let minus_count = text[i..j].matches('-').count();
    if minus_count > 0 {
        negative = true;
    }
    let n = digit_run(bytes, j);
    if n == 0 {
        return (i, None);
    }
    let exp: f64 = text[j..j + n].parse().unwrap_or(0.0);
    (j + n, Some(if negative { -exp } else { exp }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(text: &str) -> Vec<(String, f64)> {
        lex(text)
            .into_iter()
            .filter_map(|t| t.num().map(|v| (text[t.start..t.end].to_string(), v)))
            .collect()
    }

    #[test]
    fn groups_and_decimals() {
        assert_eq!(nums("1,234,567"), vec![("1,234,567".into(), 1234567.0)]);
        assert_eq!(
            nums("12,34,567.89"),
            vec![("12,34,567.89".into(), 1234567.89)]
        );
        assert_eq!(nums("1.111,11"), vec![("1.111,11".into(), 1111.11)]);
        assert_eq!(nums("5,00"), vec![("5,00".into(), 5.0)]);
        assert_eq!(nums("1 234 567"), vec![("1 234 567".into(), 1234567.0)]);
        assert_eq!(nums("224,000 rounds").len(), 1);
        assert_eq!(
            nums("22,24,26,31"),
            vec![
                ("22".into(), 22.0),
                ("24".into(), 24.0),
                ("26".into(), 26.0),
                ("31".into(), 31.0)
            ]
        );
        assert_eq!(nums("192.168.1.2").len(), 4);
        assert_eq!(nums("1e10"), vec![("1e10".into(), 1e10)]);
        assert_eq!(nums(".08"), vec![(".08".into(), 0.08)]);
        assert_eq!(nums("192."), vec![("192".into(), 192.0)]);
    }
}
