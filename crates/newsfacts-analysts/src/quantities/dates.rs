//! Calendar expressions: "In March", "15 March 2023", "March 15", "last year", "this week",
//! "on Monday", "in 2023" — resolved against the publication date when it is known.
//!
//! Resolution follows news usage: a bare month or weekday refers to the most recent one on or
//! before the publication date ("In March" in a September article is March of that year).

use super::lexer::{Tok, TokKind};

/// A calendar date without time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CivilDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(d: CivilDate) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> CivilDate {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    CivilDate {
        year: (y + i64::from(m <= 2)) as i32,
        month: m,
        day: d,
    }
}

impl CivilDate {
    /// Parses the date part of an ISO 8601 date or date-time ("2023-09-15", "2023-09-15T10:00").
    pub fn parse_iso(s: &str) -> Option<CivilDate> {
        let s = s.get(..10)?;
        let mut parts = s.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(CivilDate { year, month, day })
    }

    pub fn add_days(self, n: i64) -> CivilDate {
        civil_from_days(days_from_civil(self) + n)
    }

    /// Day of the week, Monday = 0.
    pub fn weekday(self) -> u32 {
        ((days_from_civil(self) + 3).rem_euclid(7)) as u32
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The ISO week ("2023-W37").
    pub fn iso_week(self) -> String {
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = CivilDate {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (days_from_civil(thursday) - days_from_civil(jan1)) / 7 + 1;
        format!("{:04}-W{:02}", thursday.year, week)
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// The month a word names ("march", "sept").
pub fn month_word(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// The weekday a word names, Monday = 0.
pub fn weekday_word(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    })
}

/// A date expression found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMatch {
    /// Tokens `first..next`.
    pub first: usize,
    pub next: usize,
    /// The resolved ISO date, partial date ("2023-03", "2023"), week ("2023-W37"), or a
    /// year-less month ("--03") when the publication date is unknown.
    pub date: Option<String>,
    pub kind: DateKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    Day,
    Week,
    Month,
    Year,
}

fn is_capitalised(text: &str, tok: &Tok) -> bool {
    text[tok.start..tok.end]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn year_value(tok: &Tok, text: &str) -> Option<i32> {
    let TokKind::Num {
        value,
        integer: true,
    } = tok.kind
    else {
        return None;
    };
    let raw = &text[tok.start..tok.end];
    (raw.len() == 4 && (1000.0..=2199.0).contains(&value)).then_some(value as i32)
}

fn day_value(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    let tok = toks.get(i)?;
    let TokKind::Num {
        value,
        integer: true,
    } = tok.kind
    else {
        return None;
    };
    if !(1.0..=31.0).contains(&value) {
        return None;
    }
    let mut next = i + 1;
    if toks
        .get(next)
        .is_some_and(|t| t.glued() && matches!(t.word(), Some("st" | "nd" | "rd" | "th")))
    {
        next += 1;
    }
    Some((value as u32, next))
}

/// Reads a date expression at token `i`. `published` resolves relative expressions.
pub fn date_at(
    text: &str,
    toks: &[Tok],
    i: usize,
    published: Option<CivilDate>,
) -> Option<DateMatch> {
    let tok = toks.get(i)?;
    let word = tok.word();
    // "15 March 2023", "15 March"
    if let Some((day, after_day)) = day_value(toks, i)
        && let Some(m) = toks.get(after_day).and_then(Tok::word).and_then(month_word)
        && is_capitalised(text, &toks[after_day])
    {
        let mut next = after_day + 1;
        if toks.get(next).is_some_and(|t| t.punct() == Some('.'))
            && toks[after_day].word().is_some_and(|w| w.len() <= 4)
        {
            next += 1;
        }
        let year = toks.get(next).and_then(|t| year_value(t, text));
        if year.is_some() {
            next += 1;
        }
        return Some(resolve_day(i, next, year, m, day, published));
    }
    let m = word.and_then(month_word)?;
    // "may" and "march" are also verbs: a month must be capitalised.
    if !is_capitalised(text, tok) {
        return None;
    }
    let mut next = i + 1;
    if toks.get(next).is_some_and(|t| t.punct() == Some('.')) && word.is_some_and(|w| w.len() <= 4)
    {
        next += 1;
    }
    let month_context = i > 0
        && matches!(
            toks[i - 1].word(),
            Some(
                "in" | "since"
                    | "until"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "of"
                    | "from"
                    | "to"
            )
        );
    let day_follows = toks.get(next).is_some_and(|t| t.num().is_some());
    if word == Some("may") && !(day_follows || month_context) {
        return None;
    }
    // "March 15, 2023", "March 15"
    if let Some((day, after_day)) = day_value(toks, next)
        && !toks
            .get(after_day)
            .is_some_and(|t| t.glued() && t.word().is_some())
    {
        let mut end = after_day;
        let mut k = after_day;
        if toks.get(k).is_some_and(|t| t.punct() == Some(',')) {
            k += 1;
        }
        let year = toks.get(k).and_then(|t| year_value(t, text));
        if year.is_some() {
            end = k + 1;
        }
        return Some(resolve_day(i, end, year, m, day, published));
    }
    // "March 2023"
    if let Some(year) = toks.get(next).and_then(|t| year_value(t, text)) {
        return Some(DateMatch {
            first: i,
            next: next + 1,
            date: Some(format!("{year:04}-{m:02}")),
            kind: DateKind::Month,
        });
    }
    // "March": the most recent March on or before publication.
    let date = match published {
        Some(p) => {
            let year = if m <= p.month { p.year } else { p.year - 1 };
            format!("{year:04}-{m:02}")
        }
        None => format!("--{m:02}"),
    };
    Some(DateMatch {
        first: i,
        next: i + 1,
        date: Some(date),
        kind: DateKind::Month,
    })
}

fn resolve_day(
    first: usize,
    next: usize,
    year: Option<i32>,
    month: u32,
    day: u32,
    published: Option<CivilDate>,
) -> DateMatch {
    let date = match (year, published) {
        (Some(y), _) => Some(format!("{y:04}-{month:02}-{day:02}")),
        (None, Some(p)) => {
            let y = if (month, day) <= (p.month, p.day) {
                p.year
            } else {
                p.year - 1
            };
            Some(format!("{y:04}-{month:02}-{day:02}"))
        }
        (None, None) => Some(format!("--{month:02}-{day:02}")),
    };
    DateMatch {
        first,
        next,
        date,
        kind: DateKind::Day,
    }
}

/// Relative expressions: "today", "yesterday", "this week", "last year", "on Monday".
pub fn relative_date_at(toks: &[Tok], i: usize, published: Option<CivilDate>) -> Option<DateMatch> {
    let w = toks.get(i)?.word()?;
    let make = |next: usize, date: Option<String>, kind| {
        Some(DateMatch {
            first: i,
            next,
            date,
            kind,
        })
    };
    match w {
        "today" => return make(i + 1, published.map(CivilDate::iso), DateKind::Day),
        "yesterday" => {
            return make(
                i + 1,
                published.map(|p| p.add_days(-1).iso()),
                DateKind::Day,
            );
        }
        "tomorrow" => return make(i + 1, published.map(|p| p.add_days(1).iso()), DateKind::Day),
        _ => {}
    }
    if matches!(w, "this" | "last" | "next" | "past") {
        let offset: i32 = match w {
            "this" => 0,
            "last" | "past" => -1,
            _ => 1,
        };
        let unit = toks.get(i + 1)?.word()?;
        // "the last week" is a span, "last week's" still a date.
        match unit {
            "week" => {
                return make(
                    i + 2,
                    published.map(|p| p.add_days(7 * i64::from(offset)).iso_week()),
                    DateKind::Week,
                );
            }
            "month" => {
                return make(
                    i + 2,
                    published.map(|p| {
                        let total = p.year * 12 + p.month as i32 - 1 + offset;
                        format!(
                            "{:04}-{:02}",
                            total.div_euclid(12),
                            total.rem_euclid(12) + 1
                        )
                    }),
                    DateKind::Month,
                );
            }
            "year" => {
                return make(
                    i + 2,
                    published.map(|p| format!("{:04}", p.year + offset)),
                    DateKind::Year,
                );
            }
            _ => {}
        }
        if w == "past" {
            return None;
        }
        if let Some(wd) = weekday_word(unit) {
            return make(
                i + 2,
                published.map(|p| weekday_near(p, wd, offset).iso()),
                DateKind::Day,
            );
        }
        return None;
    }
    if let Some(wd) = weekday_word(w)
        && w.len() > 3
        && i > 0
        && matches!(
            toks[i - 1].word(),
            Some("on" | "since" | "until" | "by" | "from" | "late" | "early")
        )
    {
        return make(
            i + 1,
            published.map(|p| weekday_near(p, wd, -1).iso()),
            DateKind::Day,
        );
    }
    None
}

/// The weekday `wd` nearest the publication date in the direction of `offset` (past for -1,
/// coming for +1, this week for 0), with news usage: a bare weekday is the latest one on or
/// before publication.
fn weekday_near(p: CivilDate, wd: u32, offset: i32) -> CivilDate {
    let today = p.weekday() as i64;
    let wd = i64::from(wd);
    match offset {
        0 => p.add_days(wd - today),
        o if o < 0 => {
            let back = (today - wd).rem_euclid(7);
            p.add_days(-back)
        }
        _ => {
            let fwd = (wd - today).rem_euclid(7);
            p.add_days(if fwd == 0 { 7 } else { fwd })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_and_weeks() {
        let d = CivilDate {
            year: 2023,
            month: 9,
            day: 15,
        };
        assert_eq!(civil_from_days(days_from_civil(d)), d);
        assert_eq!(d.weekday(), 4);
        assert_eq!(d.iso_week(), "2023-W37");
        assert_eq!(CivilDate::parse_iso("2023-09-15T10:00:00Z"), Some(d));
    }
}
