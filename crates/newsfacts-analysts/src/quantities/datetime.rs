//! Date and time expressions with TIMEX-style resolution: dates ("Oct. 2", "21/04/2016",
//! "next Monday"), date periods ("February", "2017 april", "next week"), times ("7:56pm",
//! "half past 8"), date-times ("tomorrow 8:00am"), durations ("3 hours", "an hour and a half")
//! and sets ("weekly", "every monday").
//!
//! Values follow the TIMEX3 conventions that date recognisers share: `2016-11-08`,
//! `XXXX-10-02` (year not stated), `XXXX-WXX-5` (a Friday), `2016-W46`, `T19:56`, `PT3H`,
//! `P1W`. Relative expressions resolve against a reference date (the publication date in
//! newsfacts).

use super::dates::{CivilDate, DateKind, DateMatch, month_word, weekday_word};
use super::lexer::{Tok, TokKind, lex};
use super::numbers::{NumberOptions, NumberParser, ordinal_word, teen_word, tens_word, unit_word};

/// What kind of expression a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateTimeKind {
    Date,
    DateRange,
    Time,
    DateTime,
    Duration,
    Set,
    TimeRange,
    DateTimeRange,
    TimeZone,
}

impl DateTimeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DateTimeKind::Date => "date",
            DateTimeKind::DateRange => "daterange",
            DateTimeKind::Time => "time",
            DateTimeKind::DateTime => "datetime",
            DateTimeKind::Duration => "duration",
            DateTimeKind::Set => "set",
            DateTimeKind::TimeRange => "timerange",
            DateTimeKind::DateTimeRange => "datetimerange",
            DateTimeKind::TimeZone => "timezone",
        }
    }
}

/// A date or time expression: byte span, kind and TIMEX value.
#[derive(Debug, Clone, PartialEq)]
pub struct DateTimeMention {
    pub start: usize,
    pub end: usize,
    pub kind: DateTimeKind,
    pub timex: String,
}

struct Reader<'a> {
    text: &'a str,
    toks: &'a [Tok],
    numbers: NumberParser<'a>,
    reference: Option<CivilDate>,
    /// Seconds into the reference day (the reference time; midnight when not given).
    reference_seconds: i64,
    /// News usage: months and weekdays are capitalised, and "last Tuesday" is the latest
    /// Tuesday before publication rather than the Tuesday of last week.
    news: bool,
}

/// A partial match: tokens consumed up to `next`, kind and timex.
type Hit = (usize, DateTimeKind, String);

fn iso(d: CivilDate) -> String {
    d.iso()
}

fn week_timex(d: CivilDate) -> String {
    d.iso_week()
}

impl<'a> Reader<'a> {
    fn word(&self, i: usize) -> Option<&str> {
        self.toks.get(i).and_then(Tok::word)
    }

    fn punct(&self, i: usize) -> Option<char> {
        self.toks.get(i).and_then(Tok::punct)
    }

    fn int(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.toks.get(i)?;
        let TokKind::Num {
            value,
            integer: true,
        } = tok.kind
        else {
            return None;
        };
        (0.0..1e5)
            .contains(&value)
            .then_some((value as u32, self.text[tok.start..tok.end].len()))
    }

    /// A day of the month: "12", "12th", "first", "twenty second".
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((v, _)) = self.int(i)
            && (1..=31).contains(&v)
        {
            let mut next = i + 1;
            if self
                .toks
                .get(next)
                .is_some_and(|t| t.glued() && matches!(t.word(), Some("st" | "nd" | "rd" | "th")))
            {
                next += 1;
            }
            return Some((v, next));
        }
        if let Some((v, next)) = self.numbers.ordinal(i)
            && (1.0..=31.0).contains(&v)
            && self.toks[i].word().is_some()
        {
            return Some((v as u32, next));
        }
        // A day in cardinal words ("May twenty nine", "twenty five January"), only where what
        // follows cannot make it a count ("March two years ago").
        if let Some((v, next)) = self.small_number_words(i)
            && (1..=31).contains(&v)
            && self.ends_day_in_words(next)
        {
            return Some((v, next));
        }
        None
    }

    /// Whether token `i` may follow a day written as a cardinal word: the end, punctuation, a
    /// month, a year or a joining word.
    fn ends_day_in_words(&self, i: usize) -> bool {
        match self.toks.get(i) {
            None => true,
            Some(t) if t.word().is_none() => t.punct().is_some() || self.year(i).is_some(),
            Some(t) => {
                let w = t.word().unwrap_or_default();
                month_word(w).is_some()
                    || self.year(i).is_some()
                    || matches!(
                        w,
                        "of" | "at"
                            | "in"
                            | "on"
                            | "and"
                            | "or"
                            | "to"
                            | "till"
                            | "until"
                            | "this"
                            | "next"
                            | "last"
                            | "with"
                            | "for"
                            | "from"
                            | "through"
                    )
            }
        }
    }

    /// A number under a hundred in words: "seven", "nineteen", "ninety nine", "twenty-one".
    fn small_number_words(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.word(i)?;
        if let Some(v) = teen_word(w).or_else(|| unit_word(w)) {
            return Some((v as u32, i + 1));
        }
        let tens = tens_word(w)? as u32;
        let mut k = i + 1;
        if self.punct(k) == Some('-') && self.toks.get(k + 1).is_some_and(Tok::glued) {
            k += 1;
        }
        match self.word(k).and_then(unit_word) {
            Some(u) if u >= 1.0 => Some((tens + u as u32, k + 1)),
            _ => Some((tens, i + 1)),
        }
    }

    /// A year in words: "nineteen ninety nine", "two thousand and eighteen", "nineteen oh one",
    /// "twenty twenty", "one thousand seven hundred and eighty nine".
    fn year_in_words(&self, i: usize) -> Option<(i32, usize)> {
        let w = self.word(i)?;
        if matches!(w, "one" | "two") && self.word(i + 1) == Some("thousand") {
            let p = self.numbers.phrase(i)?;
            return (p.value.fract() == 0.0 && (1000.0..3000.0).contains(&p.value))
                .then_some((p.value as i32, p.next));
        }
        // A century word, then the year within it; centuries 15 to 20 only, so that clock
        // times ("ten thirty", "eleven fifteen") stay times.
        let century = teen_word(w)
            .or_else(|| (w == "twenty").then_some(20.0))
            .filter(|c| (15.0..=20.0).contains(c))? as i32;
        let k = i + 1;
        if self.word(k) == Some("hundred") {
            return Some((century * 100, k + 1));
        }
        if matches!(self.word(k), Some("oh" | "zero" | "o"))
            && let Some(u) = self.word(k + 1).and_then(unit_word)
        {
            return Some((century * 100 + u as i32, k + 2));
        }
        let (rest, next) = self.small_number_words(k)?;
        (rest >= 10).then_some((century * 100 + rest as i32, next))
    }

    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.word(i)?;
        let m = month_word(w)?;
        // In news a month is a proper noun ("march" is a verb, "dec" a syllable).
        if self.news && !self.capitalised(i) {
            return None;
        }
        let mut next = i + 1;
        // An abbreviation takes its full stop ("Jan.", "Sept."); a full name does not: the
        // stop after "in June." ends the sentence.
        let full_name = matches!(w.to_ascii_lowercase().as_str(), "may" | "june" | "july");
        if w.len() <= 4
            && !full_name
            && self.punct(next) == Some('.')
            && self.toks.get(next).is_some_and(Tok::glued)
        {
            next += 1;
        }
        Some((m, next))
    }

    /// A year: four digits, or words ("nineteen ninety nine").
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        if self.toks.get(i)?.word().is_some() {
            return self.year_in_words(i);
        }
        let (v, len) = self.int(i)?;
        (len == 4 && (1000..=2999).contains(&v)).then_some((v as i32, i + 1))
    }

    fn date_timex(year: Option<i32>, month: u32, day: u32) -> String {
        match year {
            Some(y) => format!("{y:04}-{month:02}-{day:02}"),
            None => format!("XXXX-{month:02}-{day:02}"),
        }
    }

    /// A date with month and day: "January 12th, 2016", "12 January 2016", "Oct-2", "the 12th
    /// of May", "21/04/2016", "2015/08/12".
    fn calendar_date(&self, i: usize) -> Option<Hit> {
        // Month first.
        if let Some((m, after_m)) = self.month(i) {
            let mut k = after_m;
            let glued_separator = matches!(self.punct(k), Some('-' | '/' | '.'))
                && self.toks.get(k).is_some_and(Tok::glued);
            if glued_separator || self.word(k) == Some("the") {
                k += 1;
            }
            if let Some((d, after_d)) = self.day(k)
                && !self
                    .toks
                    .get(after_d)
                    .is_some_and(|t| t.glued() && t.word().is_some())
            {
                // ", 2016" or " 2016" or " of 1995"
                let mut y_at = after_d;
                if matches!(self.punct(y_at), Some(',')) || self.word(y_at) == Some("of") {
                    y_at += 1;
                }
                if let Some((y, next)) = self.year(y_at) {
                    return Some((next, DateTimeKind::Date, Self::date_timex(Some(y), m, d)));
                }
                return Some((after_d, DateTimeKind::Date, Self::date_timex(None, m, d)));
            }
            return None;
        }
        // Day first: "12 January 2016", "the 12th of May", "twenty second of June".
        let mut k = i;
        if self.word(k) == Some("the") {
            k += 1;
        }
        if let Some((d, after_d)) = self.day(k) {
            let mut m_at = after_d;
            let hyphen =
                self.punct(m_at) == Some('-') && self.toks.get(m_at + 1).is_some_and(Tok::glued);
            // "16. Nov. 2016"
            let dot = self.punct(m_at) == Some('.')
                && self.toks.get(m_at).is_some_and(Tok::glued)
                && self.word(m_at + 1).and_then(month_word).is_some();
            // "the twenty third day of September"
            if self.word(m_at) == Some("day") && self.word(m_at + 1) == Some("of") {
                m_at += 1;
            }
            if self.word(m_at) == Some("of") || hyphen || dot {
                m_at += 1;
            }
            if let Some((m, after_m)) = self.month(m_at) {
                let mut y_at = after_m;
                // "fourth of july of 1995", "26 june in 2019"
                if self.punct(y_at) == Some(',')
                    || (matches!(self.word(y_at), Some("of" | "in"))
                        && self.year(y_at + 1).is_some())
                {
                    y_at += 1;
                }
                if let Some((y, next)) = self.year(y_at) {
                    return Some((next, DateTimeKind::Date, Self::date_timex(Some(y), m, d)));
                }
                return Some((after_m, DateTimeKind::Date, Self::date_timex(None, m, d)));
            }
        }
        self.numeric_date(i)
    }

    /// A date with its month in letters between separators: "Sep-23-2020", "23/Sep/2020",
    /// "2019/sep/01", "2019-aug-1".
    fn separated_date(&self, i: usize) -> Option<Hit> {
        let sep = self.punct(i + 1).filter(|c| matches!(c, '-' | '/'))?;
        let glued = |k: usize| self.toks.get(k).is_some_and(Tok::glued);
        if !(glued(i + 1) && glued(i + 2) && self.punct(i + 3) == Some(sep) && glued(i + 3)) {
            return None;
        }
        if !glued(i + 4) {
            return None;
        }
        let month_at = |k: usize| self.word(k).and_then(month_word);
        let (year, month, day) = if let Some(m) = month_at(i) {
            (self.year(i + 4)?.0, m, self.int(i + 2)?.0)
        } else if let Some(m) = month_at(i + 2) {
            match (self.int(i)?, self.int(i + 4)?) {
                ((y, 4), (d, 1..=2)) => (y as i32, m, d),
                ((d, 1..=2), (y, 4)) => (y as i32, m, d),
                _ => return None,
            }
        } else if let Some(m) = month_at(i + 4) {
            // "2020/23/Sep"
            match (self.int(i)?, self.int(i + 2)?) {
                ((y, 4), (d, 1..=2)) => (y as i32, m, d),
                _ => return None,
            }
        } else {
            return None;
        };
        (1..=31).contains(&day).then(|| {
            (
                i + 5,
                DateTimeKind::Date,
                Self::date_timex(Some(year), month, day),
            )
        })
    }

    /// A day of a month said relatively: "the 20th of next month", "the 15th day of next
    /// month", "31st of this month", "the 21st this month".
    fn day_of_period(&self, i: usize) -> Option<Hit> {
        let mut k = i + usize::from(self.word(i) == Some("the"));
        let (day, after) = self.numbers.ordinal(k)?;
        if !(1.0..=31.0).contains(&day) {
            return None;
        }
        k = after;
        k += usize::from(self.word(k) == Some("day"));
        k += usize::from(self.word(k) == Some("of"));
        if !matches!(
            self.word(k),
            Some("this" | "next" | "last" | "previous" | "the")
        ) {
            return None;
        }
        let (next, DateTimeKind::DateRange, month) = self.date_range(k)? else {
            return None;
        };
        (month.len() == 7 && !month.starts_with('X')).then(|| {
            (
                next,
                DateTimeKind::Date,
                format!("{month}-{:02}", day as u32),
            )
        })
    }

    /// A month and a year in digits, possibly spaced: "11-2016", "11 / 2016", "2016 - 11",
    /// "2015.3".
    fn numeric_month(&self, i: usize) -> Option<Hit> {
        if let Some(tok) = self.toks.get(i)
            && let TokKind::Num { integer: false, .. } = tok.kind
            && let Some((y, m)) = self.text[tok.start..tok.end].split_once('.')
            && y.len() == 4
            && (1..=2).contains(&m.len())
            && let (Ok(y), Ok(m)) = (y.parse::<u32>(), m.parse::<u32>())
            && (1000..=2999).contains(&y)
            && (1..=12).contains(&m)
        {
            return Some((i + 1, DateTimeKind::DateRange, format!("{y:04}-{m:02}")));
        }
        let (a, alen) = self.int(i)?;
        let sep_at = i + 1;
        if !matches!(self.punct(sep_at), Some('/' | '-')) {
            return None;
        }
        let (b, blen) = self.int(sep_at + 1)?;
        // Not the first two parts of a full date ("2016-11-07", "11/07/2016").
        if matches!(self.punct(sep_at + 2), Some('/' | '-'))
            && self.toks.get(sep_at + 3).is_some_and(|t| t.num().is_some())
        {
            return None;
        }
        let (year, month) = match (alen, blen) {
            (4, 1..=2) => (a, b),
            (1..=2, 4) => (b, a),
            _ => return None,
        };
        ((1..=12).contains(&month) && (1000..=2999).contains(&year)).then(|| {
            (
                sep_at + 2,
                DateTimeKind::DateRange,
                format!("{year:04}-{month:02}"),
            )
        })
    }

    /// Whether tokens `first..next` have a weekday right before them ("Monday 11-4", "next Monday
    /// morning 6-8") or right after them ("6-8 next Monday").
    fn near_weekday(&self, first: usize, next: usize) -> bool {
        let is_weekday = |k: usize| {
            self.word(k).is_some_and(|w| {
                weekday_word(w).is_some()
                    || matches!(w, "today" | "tomorrow" | "yesterday" | "tonight")
            })
        };
        let before = first.checked_sub(1).is_some_and(|p| {
            is_weekday(p) || (self.part_of_day(p).is_some() && p > 0 && is_weekday(p - 1))
        });
        let after = is_weekday(next)
            || (matches!(self.word(next), Some("next" | "this" | "last")) && is_weekday(next + 1));
        before || after
    }

    /// "21/04/2016", "04/21/2016", "2015/08/12", "2015-08-12", "4/22", "08/12,15".
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        let (a, alen) = self.int(i)?;
        let sep = self.punct(i + 1)?;
        // "Monday 11-4", "6-8 next Monday" are ranges of hours.
        if sep == '-' && !matches!(self.punct(i + 3), Some('-')) && self.near_weekday(i, i + 3) {
            return None;
        }
        if !matches!(sep, '/' | '-' | '.') || !self.toks[i + 1].glued() {
            return None;
        }
        let (b, _) = self.int(i + 2).filter(|_| self.toks[i + 2].glued())?;
        let third = (self.punct(i + 3) == Some(sep)
            && self.toks.get(i + 3).is_some_and(Tok::glued))
        .then(|| self.int(i + 4).filter(|_| self.toks[i + 4].glued()))
        .flatten();
        if alen == 4 {
            // Year first: "2015/08/12", or a month "2015-3", "2015.3".
            let Some((c, _)) = third else {
                let followed = self
                    .toks
                    .get(i + 3)
                    .is_some_and(|t| t.glued() && (t.num().is_some() || t.word().is_some()));
                if (1..=12).contains(&b) && !followed {
                    return Some((i + 3, DateTimeKind::DateRange, format!("{a:04}-{b:02}")));
                }
                return None;
            };
            if (1..=12).contains(&b) && (1..=31).contains(&c) {
                return Some((
                    i + 5,
                    DateTimeKind::Date,
                    Self::date_timex(Some(a as i32), b, c),
                ));
            }
            return None;
        }
        // A month and a year: "3/2015".
        if let Some((year, 4)) = self.int(i + 2)
            && third.is_none()
            && (1..=12).contains(&a)
            && sep == '/'
        {
            return Some((i + 3, DateTimeKind::DateRange, format!("{year:04}-{a:02}")));
        }
        let (month, day) = if a > 12 && b <= 12 { (b, a) } else { (a, b) };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        if let Some((c, clen)) = third {
            let year = match clen {
                4 => c as i32,
                // Two-digit years: the 1950s to the 2040s.
                2 if c >= 50 => 1900 + c as i32,
                2 => 2000 + c as i32,
                _ => return None,
            };
            return Some((
                i + 5,
                DateTimeKind::Date,
                Self::date_timex(Some(year), month, day),
            ));
        }
        if sep == '.' {
            return None;
        }
        // "08/12,15", "11/12,2016": a year after a comma.
        if self.punct(i + 3) == Some(',')
            && let Some((c, len)) = self.int(i + 4)
            && (len == 2 || len == 4)
        {
            let year = if len == 2 { 2000 + c as i32 } else { c as i32 };
            return Some((
                i + 5,
                DateTimeKind::Date,
                Self::date_timex(Some(year), month, day),
            ));
        }
        // "5/1-5/7": a range of two dates, each read on its own.
        let range_follows = self.punct(i + 3) == Some('-')
            && sep == '/'
            && self.punct(i + 5) == Some('/')
            && self.int(i + 4).is_some();
        if !range_follows
            && self.toks.get(i + 3).is_some_and(|t| {
                t.glued() && (t.num().is_some() || matches!(t.punct(), Some('/' | '-')))
            })
        {
            return None;
        }
        Some((
            i + 3,
            DateTimeKind::Date,
            Self::date_timex(None, month, day),
        ))
    }

    /// "today", "tomorrow", "the day after tomorrow", "next Monday", "Friday".
    fn relative_date(&self, i: usize) -> Option<Hit> {
        let r = self.reference;
        let w = self.word(i)?;
        let resolved = |d: Option<CivilDate>| d.map(iso);
        match w {
            "today" => return Some((i + 1, DateTimeKind::Date, resolved(r)?)),
            "tomorrow" | "tmrw" | "tmr" => {
                return Some((
                    i + 1,
                    DateTimeKind::Date,
                    resolved(r.map(|d| d.add_days(1)))?,
                ));
            }
            "yesterday" => {
                return Some((
                    i + 1,
                    DateTimeKind::Date,
                    resolved(r.map(|d| d.add_days(-1)))?,
                ));
            }
            _ => {}
        }
        // "the day after tomorrow", "day before yesterday"
        let day_at = i + usize::from(w == "the");
        if self.word(day_at) == Some("day")
            && let Some(rel) = self.word(day_at + 1)
            && let Some(base) = self.word(day_at + 2)
        {
            let offset = match (rel, base) {
                ("after", "tomorrow" | "tmrw") => 2,
                ("before", "yesterday") => -2,
                _ => return None,
            };
            return Some((
                day_at + 3,
                DateTimeKind::Date,
                resolved(r.map(|d| d.add_days(offset)))?,
            ));
        }
        // "the day before", "the day after": the reference's neighbours, when nothing follows.
        if w == "the"
            && self.word(i + 1) == Some("day")
            && let Some(rel @ ("before" | "after")) = self.word(i + 2)
            && self.toks.get(i + 3).is_none_or(|t| t.word().is_none())
        {
            let offset = if rel == "before" { -1 } else { 1 };
            return Some((
                i + 3,
                DateTimeKind::Date,
                resolved(r.map(|d| d.add_days(offset)))?,
            ));
        }
        // "this day", "my day": the reference's own day.
        if matches!(w, "this" | "my") && self.word(i + 1) == Some("day") {
            return Some((i + 2, DateTimeKind::Date, resolved(r)?));
        }
        if matches!(w, "next" | "following") && self.word(i + 1) == Some("day") {
            return Some((
                i + 2,
                DateTimeKind::Date,
                resolved(r.map(|d| d.add_days(1)))?,
            ));
        }
        // "this past Wednesday", "this upcoming Friday": the nearest such day before or after
        // the reference, whichever week it falls in.
        let (nearest, near_at) = match (w, self.word(i + 1)) {
            ("this", Some("past")) => (Some(-1), i + 2),
            ("this", Some("upcoming" | "coming")) => (Some(1), i + 2),
            ("past", _) => (Some(-1), i + 1),
            _ => (None, i),
        };
        if let Some(direction) = nearest
            && let Some(wd) = self.word(near_at).and_then(weekday_word)
            && let Some(d) = r
        {
            let diff = (i64::from(wd) - i64::from(d.weekday())).rem_euclid(7);
            let day = if direction > 0 {
                d.add_days(if diff == 0 { 7 } else { diff })
            } else {
                d.add_days(if diff == 0 { -7 } else { diff - 7 })
            };
            return Some((near_at + 1, DateTimeKind::Date, iso(day)));
        }
        // Weekdays.
        let (offset, wd_at) = match w {
            "this" => (Some(0), i + 1),
            "next" | "coming" | "upcoming" | "following" => (Some(1), i + 1),
            "last" | "previous" => (Some(-1), i + 1),
            _ => (None, i),
        };
        let wd_word = self.word(wd_at)?;
        let wd = weekday_word(wd_word)?;
        if wd_word.ends_with('s') && wd_word.len() > 6 && !wd_word.ends_with("ss") {
            return None; // "Mondays" is a set.
        }
        let number = wd + 1;
        // "Thursday the 21st", "friday 23": a day of the reference's month.
        if offset.is_none() {
            let mut d_at = wd_at + 1;
            if self.word(d_at) == Some("the") {
                d_at += 1;
            }
            if let Some((day, next)) = self.day(d_at)
                && (d_at > wd_at + 1 || self.toks[d_at].word().is_none())
                && self.time(d_at).is_none()
                && self.month(next).is_none()
                && self.word(next) != Some("of")
                && !matches!(self.punct(next), Some('-' | '–'))
                && !matches!(self.word(next), Some("to" | "till" | "until"))
            {
                // A day without "the" ("Monday 21", "Thu 14th") is said with the weekday but
                // not resolved.
                let bare = d_at == wd_at + 1;
                let timex = match r {
                    _ if bare => format!("XXXX-WXX-{number}"),
                    Some(d) => format!("{:04}-{:02}-{day:02}", d.year, d.month),
                    None => format!("XXXX-XX-{day:02}"),
                };
                return Some((next, DateTimeKind::Date, timex));
            }
        }
        if self.news
            && let (Some(o @ (-1 | 1)), Some(d)) = (offset, r)
        {
            return Some((wd_at + 1, DateTimeKind::Date, iso(weekday_near(d, wd, o))));
        }
        match (offset, r) {
            (None, _) => Some((wd_at + 1, DateTimeKind::Date, format!("XXXX-WXX-{number}"))),
            (Some(o), Some(d)) => {
                // The weekday in this, next or last week (weeks start on Monday).
                let monday = d.add_days(-i64::from(d.weekday()));
                let day = monday.add_days(7 * i64::from(o) + i64::from(wd));
                Some((wd_at + 1, DateTimeKind::Date, iso(day)))
            }
            _ => None,
        }
    }

    /// Months, years, weeks: "February", "2017 april", "last sept", "next week", "2016".
    fn date_range(&self, i: usize) -> Option<Hit> {
        let r = self.reference;
        let w = self.word(i);
        // "this/next/last week|month|year|weekend"
        if let Some(w) = w
            && let Some(offset) = match w {
                "this" | "current" => Some(0i32),
                "next" | "coming" | "upcoming" | "following" => Some(1),
                "last" | "previous" | "past" => Some(-1),
                _ => None,
            }
        {
            let d = r?;
            // "last quarter", "the coming three quarters"
            let (count, q_at) = match self.numbers.phrase(i + 1) {
                Some(p) if p.value.fract() == 0.0 && (1.0..=8.0).contains(&p.value) => {
                    (p.value as i32, p.next)
                }
                _ => (1, i + 1),
            };
            if matches!(self.word(q_at), Some("quarter" | "quarters")) {
                let current = d.year * 4 + (d.month as i32 - 1) / 3;
                let (from, to) = match offset {
                    0 => (current, current + 1),
                    o if o > 0 => (current + 1, current + 1 + count),
                    _ => (current - count, current),
                };
                let start =
                    |q: i32| format!("{:04}-{:02}-01", q.div_euclid(4), q.rem_euclid(4) * 3 + 1);
                return Some((
                    q_at + 1,
                    DateTimeKind::DateRange,
                    format!("({},{},P{}M)", start(from), start(to), 3 * (to - from)),
                ));
            }
            return match self.word(i + 1)? {
                "week" => Some((
                    i + 2,
                    DateTimeKind::DateRange,
                    week_timex(d.add_days(7 * i64::from(offset))),
                )),
                "weekend" => {
                    let w = d.add_days(7 * i64::from(offset) + 5 - i64::from(d.weekday()));
                    Some((
                        i + 2,
                        DateTimeKind::DateRange,
                        format!("{}-WE", week_timex(w)),
                    ))
                }
                "month" => {
                    let total = d.year * 12 + d.month as i32 - 1 + offset;
                    Some((
                        i + 2,
                        DateTimeKind::DateRange,
                        format!(
                            "{:04}-{:02}",
                            total.div_euclid(12),
                            total.rem_euclid(12) + 1
                        ),
                    ))
                }
                "year" => Some((
                    i + 2,
                    DateTimeKind::DateRange,
                    format!("{:04}", d.year + offset),
                )),
                "fortnight" => self
                    .reference_range("P2W", offset)
                    .map(|(kind, timex)| (i + 2, kind, timex)),
                // "this working week", "next business week"
                "working" | "business" if self.word(i + 2) == Some("week") => Some((
                    i + 3,
                    DateTimeKind::DateRange,
                    week_timex(d.add_days(7 * i64::from(offset))),
                )),
                "decade" => {
                    let start = d.year - d.year.rem_euclid(10) + 10 * offset;
                    Some((
                        i + 2,
                        DateTimeKind::DateRange,
                        format!("({start:04}-01-01,{:04}-01-01,P10Y)", start + 10),
                    ))
                }
                _ => {
                    let (m, next) = self.month(i + 1)?;
                    let year = match offset {
                        0 => d.year,
                        o => d.year + o,
                    };
                    Some((next, DateTimeKind::DateRange, format!("{year:04}-{m:02}")))
                }
            };
        }
        // "week 31", "week 3 of 2027", "the week 1": an ISO week of the reference's year.
        if w == Some("week")
            && let Some((n, _)) = self.int(i + 1)
            && (1..=53).contains(&n)
        {
            let mut next = i + 2;
            let mut year = r.map(|d| d.year);
            if self.word(next) == Some("of")
                && let Some((y, after)) = self.year(next + 1)
            {
                year = Some(y);
                next = after;
            }
            return Some((
                next,
                DateTimeKind::DateRange,
                format!("{:04}-W{n:02}", year?),
            ));
        }
        // "the same week", "that weekend": a period named without saying which.
        let same_at = match w {
            Some("same" | "that") => Some(i + 1),
            _ => None,
        };
        if let Some(k) = same_at
            && let Some(timex) = match self.word(k) {
                Some("week") => Some("XXXX-WXX"),
                Some("weekend") => Some("XXXX-WXX-WE"),
                Some("month") => Some("XXXX-XX"),
                Some("year") => Some("XXXX"),
                _ => None,
            }
        {
            return Some((k + 1, DateTimeKind::DateRange, timex.to_string()));
        }
        // "the week after next", "the month after the next": two ahead.
        if w == Some("the")
            && let Some(unit @ ("week" | "weekend" | "month" | "year")) = self.word(i + 1)
            && self.word(i + 2) == Some("after")
            && let next_at = i + 3 + usize::from(self.word(i + 3) == Some("the"))
            && self.word(next_at) == Some("next")
            && let Some(d) = r
        {
            let timex = match unit {
                "week" => week_timex(d.add_days(14)),
                "weekend" => format!(
                    "{}-WE",
                    week_timex(d.add_days(14 + 5 - i64::from(d.weekday())))
                ),
                "month" => {
                    let total = d.year * 12 + d.month as i32 + 1;
                    format!(
                        "{:04}-{:02}",
                        total.div_euclid(12),
                        total.rem_euclid(12) + 1
                    )
                }
                _ => format!("{:04}", d.year + 2),
            };
            return Some((next_at + 1, DateTimeKind::DateRange, timex));
        }
        // "the year", "the month", "the day": the reference's own. Not in news, where the day
        // or year of a story's events is seldom the day it was published.
        if w == Some("the")
            && !self.news
            && let Some(unit @ ("year" | "month" | "day")) = self.word(i + 1)
            && let Some(d) = r
        {
            let (kind, timex) = match unit {
                "year" => (DateTimeKind::DateRange, format!("{:04}", d.year)),
                "month" => (
                    DateTimeKind::DateRange,
                    format!("{:04}-{:02}", d.year, d.month),
                ),
                _ => (DateTimeKind::Date, iso(d)),
            };
            return Some((i + 2, kind, timex));
        }
        // "the fortnight": the two weeks from the reference.
        if w == Some("the")
            && !self.news
            && self.word(i + 1) == Some("fortnight")
            && let Some((kind, timex)) = self.reference_range("P2W", 0)
        {
            return Some((i + 2, kind, timex));
        }
        // "the weekend", "my week", "on weekend": the reference's own week.
        if matches!(w, Some("the" | "my" | "on"))
            && let Some(unit @ ("week" | "weekend")) = self.word(i + 1)
            && self.int(i + 2).is_none()
        {
            let d = r?;
            let suffix = if unit == "weekend" { "-WE" } else { "" };
            return Some((
                i + 2,
                DateTimeKind::DateRange,
                format!("{}{suffix}", week_timex(d)),
            ));
        }
        // "rest of the week", "rest of my month", "rest of the year"
        if w == Some("rest") {
            let mut k = i + 1;
            if self.word(k) == Some("of") {
                k += 1;
            }
            if matches!(self.word(k), Some("the" | "my" | "this" | "current")) {
                k += 1;
            }
            let d = r?;
            if self.word(k) == Some("day") {
                // "rest of the day": from now to the day's last second.
                let now = self.reference_seconds;
                return Some((
                    k + 1,
                    DateTimeKind::DateTimeRange,
                    format!(
                        "({}T{:02}:{:02}:{:02},{}T23:59:59,PT{}S)",
                        iso(d),
                        now / 3600,
                        (now % 3600) / 60,
                        now % 60,
                        iso(d),
                        86399 - now
                    ),
                ));
            }
            let end = match self.word(k)? {
                "week" => d.add_days(6 - i64::from(d.weekday())),
                "month" => CivilDate {
                    day: super::dates::days_in_month(d.year, d.month),
                    ..d
                },
                "year" => CivilDate {
                    year: d.year,
                    month: 12,
                    day: 31,
                },
                _ => return None,
            };
            let days = super::dates::days_from_civil(end) - super::dates::days_from_civil(d);
            return Some((
                k + 1,
                DateTimeKind::DateRange,
                format!("({},{},P{days}D)", iso(d), iso(end)),
            ));
        }
        // Quarters and halves: "Q3", "the third quarter of 2016", "2016 Q3", "H1 2016".
        if let Some(hit) = self.quarter(i) {
            return Some(hit);
        }
        // "2017 april"
        if let Some((y, after_y)) = self.year(i) {
            let m_at = after_y + usize::from(self.punct(after_y) == Some(','));
            if let Some((m, next)) = self.month(m_at) {
                return Some((next, DateTimeKind::DateRange, format!("{y:04}-{m:02}")));
            }
            // "2017 q1"
            if let Some(q) = self.word(after_y).and_then(quarter_word) {
                return Some((after_y + 1, DateTimeKind::DateRange, quarter_timex(y, q)));
            }
            let prev = i.checked_sub(1).and_then(|p| self.word(p));
            // "2014-2018", "2014 to 2018": a year opening a range of years.
            let joiner_at = after_y;
            let opens_range = (matches!(self.punct(joiner_at), Some('-' | '–'))
                || matches!(
                    self.word(joiner_at),
                    Some("to" | "through" | "till" | "until")
                ))
                && self.year(joiner_at + 1).is_some();
            let after_range_sign =
                i > 0 && matches!(self.punct(i - 1), Some('~' | '-' | '–')) && self.toks[i].glued();
            // "2012 or after", "2018 or later"
            let open_after = self.word(after_y) == Some("or")
                && matches!(
                    self.word(after_y + 1),
                    Some("after" | "later" | "before" | "earlier")
                );
            if after_range_sign
                || opens_range
                || open_after
                || prev.is_some_and(|p| {
                    time_preposition(p)
                        || matches!(
                            p,
                            "year"
                                | "between"
                                | "before"
                                | "after"
                                | "than"
                                | "mid"
                                | "early"
                                | "late"
                        )
                })
            {
                return Some((after_y, DateTimeKind::DateRange, format!("{y:04}")));
            }
            return None;
        }
        // "april 2017", "February", "sept of 2016"
        if let Some((m, after_m)) = self.month(i) {
            let mut y_at = after_m;
            let glued_dash = matches!(self.punct(y_at), Some('-' | '/'))
                && self.toks.get(y_at + 1).is_some_and(Tok::glued);
            // "april in 2016"
            let in_year = self.word(y_at) == Some("in") && self.year(y_at + 1).is_some();
            if matches!(self.punct(y_at), Some(','))
                || self.word(y_at) == Some("of")
                || glued_dash
                || in_year
            {
                y_at += 1;
            }
            if let Some((y, next)) = self.year(y_at) {
                return Some((next, DateTimeKind::DateRange, format!("{y:04}-{m:02}")));
            }
            if w == Some("may") || w == Some("march") {
                // Also verbs: only with a preposition before them.
                let prev = i.checked_sub(1).and_then(|p| self.word(p));
                if !prev.is_some_and(|p| {
                    time_preposition(p) || matches!(p, "early" | "late" | "mid" | "end")
                }) {
                    return None;
                }
            }
            return Some((after_m, DateTimeKind::DateRange, format!("XXXX-{m:02}")));
        }
        None
    }

    /// A clock time: "7:56pm", "3 pm", "15:30", "noon", "half past 8", "seven o'clock".
    fn time(&self, i: usize) -> Option<(usize, u32, Option<u32>, Option<u32>)> {
        let (next, h, m, s) = self.time_only(i)?;
        // "half past seven o'clock"
        let next = if self.word(next) == Some("o")
            && self.punct(next + 1).is_some()
            && self.word(next + 2) == Some("clock")
        {
            next + 3
        } else {
            next + usize::from(self.word(next) == Some("oclock"))
        };
        Some((next, h, m, s))
    }

    fn time_only(&self, i: usize) -> Option<(usize, u32, Option<u32>, Option<u32>)> {
        let w = self.word(i);
        if matches!(w, Some("noon" | "midday")) {
            return Some((i + 1, 12, None, None));
        }
        if w == Some("midnight") {
            return Some((i + 1, 0, None, None));
        }
        // "12 noon"
        if self.int(i).is_some_and(|(h, _)| h == 12) && self.word(i + 1) == Some("noon") {
            return Some((i + 2, 12, None, None));
        }
        // "mid morning", "mid-afternoon", "midmorning", "mid day": the middle of a part of the day.
        let (part, after) = if w == Some("mid") {
            let k = i + 1 + usize::from(self.punct(i + 1) == Some('-'));
            (self.word(k), k + 1)
        } else {
            (w.and_then(|w| w.strip_prefix("mid")), i + 1)
        };
        if let Some(hour) = match part {
            Some("night") => Some(0),
            Some("morning") => Some(10),
            Some("day") => Some(12),
            Some("afternoon") => Some(14),
            _ => None,
        } {
            return Some((after, hour, None, None));
        }
        // "half past 8", "a quarter past eight", "20 min past eight", "a quarter to seven"
        let minutes_in_words = matches!(self.word(i), Some("half" | "a" | "quarter" | "three"))
            || (i + 1..i + 3)
                .any(|k| matches!(self.word(k), Some("min" | "mins" | "minute" | "minutes")));
        if let Some((mins, k)) = self.minutes_phrase(i)
            && (matches!(self.word(k), Some("past" | "after"))
                || (minutes_in_words && matches!(self.word(k), Some("to" | "before"))))
            && let Some((h, _, _, next)) = self.hour_only(k + 1)
        {
            let to = matches!(self.word(k), Some("to" | "before"));
            let (h, m) = if to {
                ((h + 23) % 24, 60 - mins)
            } else {
                (h, mins)
            };
            let (h, next) = self.meridiem(h, next);
            return Some((next, h, Some(m), None));
        }
        // "8.30pm", "9.30 am": a dot between hour and minutes, with the half of the day.
        if let Some(tok) = self.toks.get(i)
            && let TokKind::Num { integer: false, .. } = tok.kind
            && let Some((h, m)) = self.text[tok.start..tok.end].split_once('.')
            && m.len() == 2
            && let (Ok(h), Ok(m)) = (h.parse::<u32>(), m.parse::<u32>())
            && h <= 23
            && m < 60
        {
            let (h2, after) = self.meridiem(h, i + 1);
            let after_at = i > 0 && self.word(i - 1) == Some("at");
            // Hours past twelve need no half of the day, but only after "at" ("at 17.30").
            if h > 12 && !after_at {
                return None;
            }
            return (after > i + 1 || after_at).then_some((after, h2, Some(m), None));
        }
        // "1140 a.m.", "340pm": hours and minutes run together, with the half of the day.
        if let Some((v, 3..=4)) = self.int(i)
            && (v / 100) <= 12
            && v % 100 < 60
        {
            let (h2, after) = self.meridiem(v / 100, i + 1);
            if after > i + 1 {
                return Some((after, h2, Some(v % 100), None));
            }
        }
        // "11ish", "noonish", "11-ish": about an hour.
        if let Some((h, next)) = self
            .int(i)
            .filter(|(h, _)| (1..=24).contains(h))
            .map(|(h, _)| (h, i + 1))
            .or_else(|| match self.word(i) {
                Some("noonish") => Some((12, i)),
                _ => None,
            })
        {
            if next == i {
                return Some((i + 1, h, None, None));
            }
            let ish_at = if self.punct(next) == Some('-') {
                next + 1
            } else {
                next
            };
            if self.word(ish_at) == Some("ish") && self.toks[ish_at].glued() {
                return Some((ish_at + 1, h, None, None));
            }
        }
        // Digits: "7:56:30 pm", "15:30", "7pm", "7 pm", "7ampm"
        if let Some((h, _)) = self.int(i)
            && h <= 24
        {
            let mut next = i + 1;
            let mut minute = None;
            let mut second = None;
            if self.punct(next) == Some(':')
                && self.toks[next].glued()
                && let Some((m, 2)) = self.int(next + 1)
                && m < 60
            {
                minute = Some(m);
                next += 2;
                if self.punct(next) == Some(':')
                    && let Some((s, 2)) = self.int(next + 1)
                    && s < 60
                {
                    second = Some(s);
                    next += 2;
                }
            }
            let (h2, after) = self.meridiem(h, next);
            if after == next && minute.is_none() {
                // A bare number is a time only with "o'clock".
                if self.word(next) == Some("o")
                    && self.punct(next + 1).is_some()
                    && self.word(next + 2) == Some("clock")
                {
                    return Some((next + 3, h, None, None));
                }
                if self.word(next) == Some("oclock") {
                    return Some((next + 1, h, None, None));
                }
                return None;
            }
            return Some((after, h2, minute, second));
        }
        // Words: "seven thirty pm", "eight forty", "seven o'clock"
        let (h, _) = self.numbers_word_hour(i)?;
        let mut next = i + 1;
        let mut minute = None;
        // "five-thirty"
        let hyphen = self.punct(next) == Some('-')
            && self
                .toks
                .get(next + 1)
                .is_some_and(|t| t.glued() && t.word().is_some());
        next += usize::from(hyphen);
        if let Some(p) = self.numbers.phrase(next)
            && self.toks[next].word().is_some()
            && p.value < 60.0
            && p.value >= 10.0
            && p.value.fract() == 0.0
        {
            minute = Some(p.value as u32);
            next = p.next;
        }
        if hyphen && minute.is_none() {
            return None;
        }
        if self.word(next) == Some("o") && self.word(next + 2) == Some("clock") {
            // "one o'clock pm"
            let (h2, after) = self.meridiem(h, next + 3);
            return Some((after, h2, minute, None));
        }
        let (h2, after) = self.meridiem(h, next);
        if after == next && minute.is_none() {
            return None;
        }
        Some((after, h2, minute, None))
    }

    fn numbers_word_hour(&self, i: usize) -> Option<(u32, usize)> {
        let p = self.numbers.phrase(i)?;
        if self.toks[i].word().is_none() || p.next != i + 1 {
            return None;
        }
        (p.value >= 1.0 && p.value <= 12.0 && p.value.fract() == 0.0)
            .then_some((p.value as u32, p.next))
    }

    /// An hour for "half past 8": digits or a word, with an optional "pm".
    fn hour_only(&self, i: usize) -> Option<(u32, Option<u32>, Option<u32>, usize)> {
        if let Some((h, _)) = self.int(i)
            && (1..=12).contains(&h)
        {
            return Some((h, None, None, i + 1));
        }
        let (h, next) = self.numbers_word_hour(i)?;
        Some((h, None, None, next))
    }

    /// "half", "a quarter", "three quarters", "20 min", "fifteen".
    fn minutes_phrase(&self, i: usize) -> Option<(u32, usize)> {
        match self.word(i) {
            Some("half") => return Some((30, i + 1)),
            Some("a") if self.word(i + 1) == Some("quarter") => return Some((15, i + 2)),
            Some("quarter") => return Some((15, i + 1)),
            Some("three") if self.word(i + 1) == Some("quarters") => return Some((45, i + 2)),
            _ => {}
        }
        let p = self.numbers.phrase(i)?;
        if p.value < 1.0 || p.value >= 60.0 || p.value.fract() != 0.0 {
            return None;
        }
        let mut next = p.next;
        if matches!(self.word(next), Some("min" | "mins" | "minute" | "minutes")) {
            next += 1;
        }
        Some((p.value as u32, next))
    }

    /// "pm", "p.m.", "am", "a m", "in the evening": adjusts the hour.
    fn meridiem(&self, h: u32, i: usize) -> (u32, usize) {
        let raw = self.word(i);
        let (pm, next) = match raw {
            Some("pm") => (Some(true), i + 1),
            Some("am") => (Some(false), i + 1),
            Some("ampm") => (Some(false), i + 1),
            Some("p" | "a") => {
                // "p.m.", "p m"
                let mut k = i + 1;
                if self.punct(k) == Some('.') {
                    k += 1;
                }
                if self.word(k) == Some("m") {
                    k += 1;
                    if self.punct(k) == Some('.') && self.toks.get(k).is_some_and(Tok::glued) {
                        k += 1;
                    }
                    (Some(raw == Some("p")), k)
                } else if k > i + 1 && self.toks.get(i).is_some_and(Tok::glued) {
                    // "9a.", "9p.": the letter alone, glued to the hour.
                    (Some(raw == Some("p")), i + 1)
                } else {
                    (None, i)
                }
            }
            _ => (None, i),
        };
        match pm {
            Some(true) if h < 12 => (h + 12, next),
            Some(false) if h == 12 => (0, next),
            Some(_) => (h, next),
            None => {
                // "in the morning/afternoon/evening/night"
                if self.word(i) == Some("in") && self.word(i + 1) == Some("the") {
                    match self.word(i + 2) {
                        Some("morning") => return (h, i + 3),
                        Some("afternoon" | "evening" | "night") if h < 12 => {
                            return (h + 12, i + 3);
                        }
                        _ => {}
                    }
                }
                (h, i)
            }
        }
    }

    fn time_timex(h: u32, m: Option<u32>, s: Option<u32>) -> String {
        match (m, s) {
            (Some(m), Some(s)) => format!("T{h:02}:{m:02}:{s:02}"),
            (Some(m), None) => format!("T{h:02}:{m:02}"),
            _ => format!("T{h:02}"),
        }
    }

    /// A quarter or half of a year: "Q3", "q1 2016", "2016 Q3", "the third quarter of 2016",
    /// "Q3 this year", "H1 2016".
    fn quarter(&self, i: usize) -> Option<Hit> {
        let r = self.reference;
        let mut k = i;
        let mut year: Option<i32> = None;
        if let Some((y, after)) = self.year(k) {
            year = Some(y);
            k = after;
            if self.word(k) == Some("the")
                || (self.punct(k) == Some('-') && self.toks.get(k + 1).is_some_and(Tok::glued))
            {
                k += 1;
            }
        } else if self.word(k) == Some("the") {
            k += 1;
        }
        // "q3" (one token), "Q 3", "third quarter", "H1"
        let (part, months, next) = match self.word(k)? {
            w @ ("q1" | "q2" | "q3" | "q4") => ((w.as_bytes()[1] - b'0') as u32, 3, k + 1),
            w @ ("h1" | "h2") => ((w.as_bytes()[1] - b'0') as u32, 6, k + 1),
            "q" | "h" => {
                let (n, _) = self.int(k + 1).filter(|_| self.toks[k + 1].glued())?;
                let months = if self.word(k) == Some("q") { 3 } else { 6 };
                (n, months, k + 2)
            }
            w => {
                let n = match w {
                    "first" => 1,
                    "second" => 2,
                    "third" => 3,
                    "fourth" | "last" => 4,
                    _ => return None,
                };
                if self.word(k + 1) != Some("quarter") {
                    return None;
                }
                (n, 3, k + 2)
            }
        };
        if part == 0 || part * months > 12 {
            return None;
        }
        let mut end = next;
        if year.is_none() {
            let mut y_at = end;
            if self.word(y_at) == Some("of")
                || (self.punct(y_at) == Some('-')
                    && self.toks.get(y_at + 1).is_some_and(Tok::glued))
            {
                y_at += 1;
            }
            if let Some((y, after)) = self.year(y_at) {
                year = Some(y);
                end = after;
            } else if let Some(offset) = match (self.word(y_at), self.word(y_at + 1)) {
                (Some("this"), Some("year")) => Some(0),
                (Some("next"), Some("year")) => Some(1),
                (Some("last"), Some("year")) => Some(-1),
                _ => None,
            } {
                year = r.map(|d| d.year + offset);
                end = y_at + 2;
            }
        }
        let start_month = (part - 1) * months + 1;
        let (end_year_offset, end_month) = if start_month + months > 12 {
            (1, 1)
        } else {
            (0, start_month + months)
        };
        let timex = match year {
            Some(y) => format!(
                "({y:04}-{start_month:02}-01,{:04}-{end_month:02}-01,P{months}M)",
                y + end_year_offset
            ),
            None => format!("(XXXX-{start_month:02}-01,XXXX-{end_month:02}-01,P{months}M)"),
        };
        Some((end, DateTimeKind::DateRange, timex))
    }

    /// "3 hours", "3h", "3.5years", "an hour and a half", "half hour", "all day".
    fn duration(&self, i: usize) -> Option<Hit> {
        let w = self.word(i);
        if matches!(w, Some("all" | "full" | "whole"))
            && let Some(k) = (if self.punct(i + 1) == Some('-') {
                Some(i + 2)
            } else {
                Some(i + 1)
            })
            && let Some(u) = self.word(k).and_then(duration_unit)
        {
            return Some((k + 1, DateTimeKind::Duration, duration_timex(1.0, u)));
        }
        let (value, unit_at) = if matches!(w, Some("a"))
            && self.word(i + 1) == Some("couple")
            && self.word(i + 2) == Some("of")
        {
            (2.0, i + 3)
        } else if matches!(w, Some("a" | "an")) {
            (1.0, i + 1)
        } else if w == Some("half") {
            let k = if matches!(self.word(i + 1), Some("a" | "an")) {
                i + 2
            } else {
                i + 1
            };
            (0.5, k)
        } else if matches!(w, Some("few" | "several" | "some")) {
            // "a few", "several": three, as date recognisers count them.
            (3.0, i + 1)
        } else if w == Some("another") {
            (1.0, i + 1)
        } else if w == Some("couple") && self.word(i + 1) == Some("of") {
            (2.0, i + 2)
        } else if w == Some("couple") {
            // "the next couple weeks"
            (2.0, i + 1)
        } else {
            let p = self.numbers.phrase(i)?;
            if p.vague.is_some() {
                return None;
            }
            let mut k = p.next;
            if self.punct(k) == Some('-') && self.toks[k].glued() {
                k += 1;
            }
            (p.value, k)
        };
        let u = self.word(unit_at).and_then(duration_unit)?;
        if matches!(w, Some("a" | "an")) && unit_at == i + 1 && unit_plural(self.word(unit_at)?) {
            return None;
        }
        let mut next = unit_at + 1;
        let mut value = value;
        // "and a half", "and half", "and a quarter", "and three quarters"
        if self.word(next) == Some("and") {
            let k = next + 1 + usize::from(self.word(next + 1) == Some("a"));
            let fraction = match (self.word(k), self.word(k + 1)) {
                (Some("half"), _) => Some((0.5, k + 1)),
                (Some("quarter"), _) => Some((0.25, k + 1)),
                (Some("three"), Some("quarters")) => Some((0.75, k + 2)),
                _ => None,
            };
            if let Some((f, after)) = fraction {
                value += f;
                next = after;
            }
        }
        Some((next, DateTimeKind::Duration, duration_timex(value, u)))
    }

    /// "weekly", "every monday", "each month", "every three weeks", "on Mondays", "once a week".
    fn set(&self, i: usize) -> Option<Hit> {
        let w = self.word(i)?;
        let adverb = match w {
            "daily" | "everyday" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "yearly" | "annually" | "annual" => Some("P1Y"),
            "quarterly" => Some("P3M"),
            "biweekly" => Some("P2W"),
            "semiannually" | "biannually" => Some("P0.5Y"),
            _ => None,
        };
        if let Some(t) = adverb {
            return Some((i + 1, DateTimeKind::Set, t.to_string()));
        }
        // "bi-monthly", "semi-annually"
        if matches!(w, "bi" | "semi")
            && self.punct(i + 1) == Some('-')
            && let Some(period) = self.word(i + 2)
        {
            let timex = match (w, period) {
                ("bi", "weekly") => "P2W",
                ("bi", "monthly") => "P2M",
                ("bi", "yearly" | "annually") => "P2Y",
                ("semi", "annually" | "annual" | "yearly") => "P0.5Y",
                ("semi", "monthly") => "P0.5M",
                _ => return None,
            };
            return Some((i + 3, DateTimeKind::Set, timex.to_string()));
        }
        // "each quarter"
        if matches!(w, "every" | "each") && self.word(i + 1) == Some("quarter") {
            return Some((i + 2, DateTimeKind::Set, "P3M".to_string()));
        }
        if matches!(w, "every" | "each") {
            // "every other day", "every other Friday"
            if self.word(i + 1) == Some("other")
                && let Some(w2) = self.word(i + 2)
            {
                if let Some(u) = duration_unit(w2) {
                    return Some((i + 3, DateTimeKind::Set, duration_timex(2.0, u)));
                }
                if let Some(wd) = weekday_word(w2) {
                    return Some((i + 3, DateTimeKind::Set, format!("XXXX-WXX-{}", wd + 1)));
                }
            }
            if let Some((code, next)) = self.part_of_day(i + 1) {
                return Some((next, DateTimeKind::Set, code.to_string()));
            }
            if let Some(wd) = self.word(i + 1).and_then(weekday_word) {
                return Some((i + 2, DateTimeKind::Set, format!("XXXX-WXX-{}", wd + 1)));
            }
            if let Some(u) = self.word(i + 1).and_then(duration_unit) {
                return Some((i + 2, DateTimeKind::Set, duration_timex(1.0, u)));
            }
            if let Some(p) = self.numbers.phrase(i + 1)
                && let Some(u) = self.word(p.next).and_then(duration_unit)
            {
                return Some((p.next + 1, DateTimeKind::Set, duration_timex(p.value, u)));
            }
            return None;
        }
        if w == "once"
            && matches!(self.word(i + 1), Some("a" | "per"))
            && let Some(u) = self.word(i + 2).and_then(duration_unit)
        {
            return Some((i + 3, DateTimeKind::Set, duration_timex(1.0, u)));
        }
        // "on Mondays", "Sundays"
        let (k, _on) = if w == "on" { (i + 1, true) } else { (i, false) };
        let day = self.word(k)?;
        if day.ends_with('s')
            && day.len() > 6
            && let Some(wd) = weekday_word(day.trim_end_matches('s'))
        {
            return Some((k + 1, DateTimeKind::Set, format!("XXXX-WXX-{}", wd + 1)));
        }
        None
    }

    /// A part of the day: "morning", "in the late-afternoon", "evenings". Returns the TIMEX code
    /// and the next token.
    fn part_of_day(&self, i: usize) -> Option<(&'static str, usize)> {
        let mut k = i;
        if self.word(k) == Some("in") && self.word(k + 1) == Some("the") {
            k += 2;
        }
        if matches!(self.word(k), Some("early" | "late" | "mid")) {
            k += if self.punct(k + 1) == Some('-') { 2 } else { 1 };
        }
        let code = match self.word(k)? {
            "morning" | "mornings" => "TMO",
            "afternoon" | "afternoons" => "TAF",
            "evening" | "evenings" => "TEV",
            "night" | "nights" => "TNI",
            "daytime" => "TDT",
            "lunch" | "lunchtime" => "TMEL",
            "dinner" | "dinnertime" | "supper" => "TMED",
            "breakfast" => "TMEB",
            "business" if self.word(k + 1) == Some("hours") => {
                return Some(("TBH", k + 2));
            }
            _ => return None,
        };
        Some((code, k + 1))
    }

    /// "tonight", "this morning", "last night", "tomorrow morning", "next monday afternoon",
    /// "tuesday in the afternoon", and a bare "in the morning".
    fn day_part_range(&self, i: usize) -> Option<Hit> {
        let r = self.reference;
        if matches!(self.word(i), Some("tonight" | "tonite")) {
            return Some((
                i + 1,
                DateTimeKind::DateTimeRange,
                format!("{}TNI", iso(r?)),
            ));
        }
        if let Some(w) = self.word(i)
            && matches!(
                w,
                "this" | "last" | "yesterday" | "tomorrow" | "today" | "next" | "following"
            )
            && let Some((code, next)) = self.part_of_day(i + 1)
        {
            let offset = match w {
                "last" | "yesterday" => -1,
                "tomorrow" | "next" | "following" => 1,
                _ => 0,
            };
            if w == "last" && code != "TNI" {
                return None;
            }
            return Some((
                next,
                DateTimeKind::DateTimeRange,
                format!("{}{code}", iso(r?.add_days(offset))),
            ));
        }
        // "today pm", "tuesday PM", "tomorrow am"
        if let Some((next, DateTimeKind::Date, timex)) = self
            .relative_date(i)
            .or_else(|| self.month(i).and_then(|_| self.calendar_date(i)))
            && let Some(code) = match self.word(next) {
                Some("pm") => Some("TAF"),
                Some("am") => Some("TMO"),
                _ => None,
            }
        {
            return Some((
                next + 1,
                DateTimeKind::DateTimeRange,
                format!("{timex}{code}"),
            ));
        }
        // A date followed by a part of the day.
        if let Some((next, DateTimeKind::Date, timex)) =
            self.relative_date(i).or_else(|| self.calendar_date(i))
            && let Some((code, after)) = self.part_of_day(next)
        {
            // "Friday mornings": every such part of that day.
            let every = self.word(after - 1).is_some_and(|w| w.ends_with('s'))
                && timex.starts_with("XXXX-WXX-");
            let kind = if every {
                DateTimeKind::Set
            } else {
                DateTimeKind::DateTimeRange
            };
            return Some((after, kind, format!("{timex}{code}")));
        }
        let (code, next) = self.part_of_day(i)?;
        // "mornings", "on evenings": every such part of the day.
        let plural = self.word(i) != Some("in")
            && self
                .word(next - 1)
                .is_some_and(|w| w.ends_with('s') && w != "hours");
        if plural {
            return Some((next, DateTimeKind::Set, code.to_string()));
        }
        // "in the morning of this Tuesday", "in the late-morning Tuesday"
        let mut d_at = next;
        if self.word(d_at) == Some("of") {
            d_at += 1;
        }
        if let Some((after, DateTimeKind::Date, timex)) = self.relative_date(d_at) {
            return Some((after, DateTimeKind::DateTimeRange, format!("{timex}{code}")));
        }
        Some((next, DateTimeKind::TimeRange, code.to_string()))
    }

    /// One side of a time range: a time, or a bare hour ("5", "seven", "1:30").
    fn range_side(&self, i: usize) -> Option<(usize, u32, bool)> {
        if let Some((next, h, m, _)) = self.time(i) {
            let marked = self.word(next - 1).is_some_and(|w| {
                matches!(
                    w,
                    "am" | "pm"
                        | "m"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "night"
                        | "clock"
                        | "oclock"
                )
            }) || m.is_some();
            return Some((next, h * 60 + m.unwrap_or(0), marked));
        }
        if let Some((h, _)) = self.int(i)
            && h <= 24
            && !self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.glued() && t.word().is_some())
        {
            let mut next = i + 1;
            if self.word(next) == Some("oclock") {
                next += 1;
            }
            let (h2, after) = self.meridiem(h, next);
            return Some((after, h2 * 60, after != next));
        }
        let (h, next) = self.numbers_word_hour(i)?;
        let (h2, after) = self.meridiem(h, next);
        Some((after, h2 * 60, after != next))
    }

    /// "5 to 6pm", "between 5 and 6 in the afternoon", "from 1:30 to 3", "4pm - 5pm".
    fn time_range(&self, i: usize) -> Option<Hit> {
        let prefix = self.word(i);
        let a_at = if matches!(prefix, Some("from" | "between")) {
            i + 1
        } else {
            i
        };
        let (a_next, mut a, a_marked) = self.range_side(a_at)?;
        let joiner = self
            .word(a_next)
            .map(str::to_string)
            .or_else(|| self.punct(a_next).map(|c| c.to_string()))?;
        let ok = match joiner.as_str() {
            "to" | "till" | "until" | "-" | "–" => true,
            "and" => prefix == Some("between"),
            _ => false,
        };
        if !ok {
            return None;
        }
        let (b_next, mut b, b_marked) = self.range_side(a_next + 1)?;
        // "Monday 11-4", "6-8 next Monday": hours beside a weekday need no mark.
        let after_weekday = self.near_weekday(i, b_next);
        if !(a_marked || b_marked || a_at > i || after_weekday) {
            return None;
        }
        // The unmarked side takes the marked side's half of the day ("2:00 to 2:30 pm").
        let a_meridiem = matches!(
            self.word(a_next - 1),
            Some("am" | "pm" | "m" | "morning" | "afternoon" | "evening" | "night")
        );
        if (!a_marked || !a_meridiem) && b >= 12 * 60 && a < 12 * 60 && a + 12 * 60 <= b {
            a += 12 * 60;
        }
        if !b_marked && b <= a && b + 12 * 60 > a {
            b += 12 * 60;
        }
        let span = if b > a { b - a } else { b + 24 * 60 - a };
        let fmt = |x: u32| {
            let x = x % (24 * 60);
            if x % 60 == 0 {
                format!("T{:02}", x / 60)
            } else {
                format!("T{:02}:{:02}", x / 60, x % 60)
            }
        };
        // A side written with minutes ("3:00") keeps them.
        let text = |x: u32, at: usize| {
            if self.punct(at + 1) == Some(':') && x % 60 == 0 {
                format!("T{:02}:00", (x / 60) % 24)
            } else {
                fmt(x)
            }
        };
        Some((
            b_next,
            DateTimeKind::TimeRange,
            format!(
                "({},{},{})",
                text(a, a_at),
                text(b, a_next + 1),
                minutes_duration(span)
            ),
        ))
    }

    /// Holidays: "christmas", "new year eve", "thanksgiving day 2010", "easter 2018".
    fn holiday(&self, i: usize) -> Option<Hit> {
        let words: Vec<&str> = (i..(i + 4).min(self.toks.len()))
            .filter_map(|k| self.word(k))
            .collect();
        const HOLIDAYS: &[(&[&str], &str)] = &[
            (&["new", "year", "s", "eve"], "12-31"),
            (&["new", "years", "eve"], "12-31"),
            (&["new", "year", "eve"], "12-31"),
            (&["new", "year", "s", "day"], "01-01"),
            (&["new", "years", "day"], "01-01"),
            (&["new", "year"], "01-01"),
            (&["christmas", "eve"], "12-24"),
            (&["christmas", "day"], "12-25"),
            (&["christmas"], "12-25"),
            (&["xmas"], "12-25"),
            (&["boxing", "day"], "12-26"),
            (&["halloween"], "10-31"),
            (&["valentine", "s", "day"], "02-14"),
            (&["valentines", "day"], "02-14"),
            (&["independence", "day"], "07-04"),
            (&["st", "patrick", "s", "day"], "03-17"),
            (&["saint", "patrick", "s", "day"], "03-17"),
            (&["saint", "patrick"], "03-17"),
            (&["mlk", "day"], "01-WXX-1-3"),
            (&["international", "workers", "day"], "05-01"),
            (&["may", "day"], "05-01"),
            (&["thanksgiving", "day"], "11-WXX-4-4"),
            (&["thanksgiving"], "11-WXX-4-4"),
            (&["thanks", "giving", "day"], "11-WXX-4-4"),
            (&["mother", "s", "day"], "05-WXX-7-2"),
            (&["mothers", "day"], "05-WXX-7-2"),
            (&["father", "s", "day"], "06-WXX-7-3"),
            (&["fathers", "day"], "06-WXX-7-3"),
            (&["labor", "day"], "09-WXX-1-1"),
            (&["labour", "day"], "09-WXX-1-1"),
            (&["martin", "luther", "king", "day"], "01-WXX-1-3"),
            (&["presidents", "day"], "02-WXX-1-3"),
            (&["president", "s", "day"], "02-WXX-1-3"),
        ];
        if let Some(hit) = self.movable_holiday(i) {
            return Some(hit);
        }
        for (pattern, date) in HOLIDAYS {
            if words.len() >= pattern.len() && words[..pattern.len()] == **pattern {
                // Words must be consecutive tokens, an apostrophe allowed between them.
                let mut k = i;
                let mut matched = 0;
                while matched < pattern.len() {
                    if self.word(k).is_some() {
                        matched += 1;
                    }
                    k += 1;
                    if matched < pattern.len()
                        && self.punct(k).is_some_and(|c| c == '\'' || c == '’')
                    {
                        k += 1;
                    }
                }
                if self.punct(k).is_some_and(|c| c == '\'' || c == '’')
                    && self.toks.get(k).is_some_and(Tok::glued)
                {
                    k += 1;
                }
                if let Some((y, next)) = self.year(k) {
                    return Some((next, DateTimeKind::Date, format!("{y:04}-{date}")));
                }
                return Some((k, DateTimeKind::Date, format!("XXXX-{date}")));
            }
        }
        None
    }

    /// "the third week of this month", "first week of Oct", "the second week of 2015", "the first
    /// friday of july", "second Monday of next month": the nth week or weekday of a period.
    fn nth_in_period(&self, i: usize) -> Option<Hit> {
        let mut k = i;
        if self.word(k) == Some("the") {
            k += 1;
        }
        // The ordinal: a word, "3rd", or "last" (0 here).
        let (n, unit_at) = match self.word(k) {
            Some("last") => (0, k + 1),
            Some(w) => (
                ordinal_word(w).filter(|(v, p)| !p && *v <= 5.0)?.0 as u32,
                k + 1,
            ),
            None => {
                let (v, next) = self.numbers.ordinal(k)?;
                ((1.0..=5.0).contains(&v).then_some(v as u32)?, next)
            }
        };
        let k = unit_at - 1;
        let unit = self.word(k + 1)?;
        if n == 0 && unit != "week" {
            return None;
        }
        let weekday = weekday_word(unit);
        if unit != "week" && weekday.is_none() {
            return None;
        }
        let mut p_at = k + 2;
        if matches!(self.word(p_at), Some("of" | "in")) {
            p_at += 1;
        }
        let Some((next, DateTimeKind::DateRange, period)) = self.date_range(p_at) else {
            // "first Sunday", "fifth Sunday": the nth such day of the reference's month, counted
            // without checking that the month has it.
            let wd = weekday?;
            if n == 0 || p_at != k + 2 {
                return None;
            }
            let r = self.reference?;
            let first = CivilDate { day: 1, ..r };
            let first_day = 1 + (i64::from(wd) - i64::from(first.weekday())).rem_euclid(7);
            let day = first_day + 7 * (i64::from(n) - 1);
            return Some((
                k + 2,
                DateTimeKind::Date,
                format!("{:04}-{:02}-{day:02}", r.year, r.month),
            ));
        };
        let is_month = period.len() == 7 && period.as_bytes()[4] == b'-';
        let is_year = period.len() == 4 && period.chars().all(|c| c.is_ascii_digit());
        let timex = match weekday {
            // The year is not resolved for the nth weekday of a month ("XXXX-11-WXX-5-#1").
            Some(wd) if is_month => format!("XXXX{}-WXX-{}-#{n}", &period[4..], wd + 1),
            Some(_) => return None,
            // The last week: the fifth of a month, the last ISO week of a year.
            None if n == 0 && is_month => format!("{period}-W05"),
            None if n == 0 && is_year => {
                let year: i32 = period.parse().ok()?;
                week_timex(CivilDate {
                    year,
                    month: 12,
                    day: 28,
                })
            }
            None if is_month || is_year => format!("{period}-W{n:02}"),
            None => return None,
        };
        let kind = if weekday.is_some() {
            DateTimeKind::Date
        } else {
            DateTimeKind::DateRange
        };
        Some((next, kind, timex))
    }

    /// Days of one month: "9 to 12 of June", "from 2 to 7 Feb, 2018", "between the 2nd and the
    /// 7th of February".
    fn day_range(&self, i: usize) -> Option<Hit> {
        let prefix = self.word(i);
        let mut k = i + usize::from(matches!(prefix, Some("from" | "between")));
        k += usize::from(self.word(k) == Some("the"));
        let (a, after_a) = self.day(k)?;
        let joiner_ok = match self.word(after_a) {
            Some("to" | "till" | "until" | "through" | "thru") => true,
            Some("and") => prefix == Some("between"),
            None => matches!(self.punct(after_a), Some('-' | '–')),
            _ => false,
        };
        if !joiner_ok {
            return None;
        }
        let mut b_at = after_a + 1;
        b_at += usize::from(self.word(b_at) == Some("the"));
        let (b, after_b) = self.day(b_at)?;
        // "between the 21st and 23rd": days of a month not said.
        let ordinal = |k: usize, next: usize| next > k + 1 || self.toks[k].word().is_some();
        if prefix.is_some_and(|p| matches!(p, "between" | "from"))
            && ordinal(k, after_a)
            && ordinal(b_at, after_b)
            && self.month(after_b).is_none()
            && self.word(after_b) != Some("of")
            && b > a
        {
            return Some((
                after_b,
                DateTimeKind::DateRange,
                format!("(XXXX-XX-{a:02},XXXX-XX-{b:02},P{}D)", b - a),
            ));
        }
        let mut m_at = after_b;
        m_at += usize::from(matches!(self.word(m_at), Some("of" | "in")));
        // "4 to 22 this month", "between 4 and 22 next month"
        if matches!(self.word(m_at), Some("this" | "next" | "last" | "previous"))
            && let Some((next, DateTimeKind::DateRange, month)) = self.date_range(m_at)
            && month.len() == 7
            && b > a
        {
            return Some((
                next,
                DateTimeKind::DateRange,
                format!("({month}-{a:02},{month}-{b:02},P{}D)", b - a),
            ));
        }
        let (month, mut next) = self.month(m_at)?;
        // "5 to 6 of April 22" are hours of a day.
        if self.day(next).is_some() && self.year(next).is_none() {
            return None;
        }
        let mut y_at = next;
        y_at += usize::from(self.punct(y_at) == Some(','));
        let year = self.year(y_at).map(|(y, after)| {
            next = after;
            y
        });
        if b <= a {
            return None;
        }
        let prefix_year = year.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
        Some((
            next,
            DateTimeKind::DateRange,
            format!(
                "({prefix_year}-{month:02}-{a:02},{prefix_year}-{month:02}-{b:02},P{}D)",
                b - a
            ),
        ))
    }

    /// "end of the day", "end of month", "the beginning of the year": an edge of the reference's
    /// day, week, month or year.
    fn period_edge(&self, i: usize) -> Option<Hit> {
        // "EOD", "EOY": the abbreviations.
        if let Some(r) = self.reference
            && let Some((kind, timex)) = match self.word(i)? {
                "eod" => Some((DateTimeKind::DateTime, format!("{}T23:59:59", iso(r)))),
                "eow" => Some((DateTimeKind::DateRange, week_timex(r))),
                "eom" => Some((
                    DateTimeKind::DateRange,
                    format!("{:04}-{:02}", r.year, r.month),
                )),
                "eoy" => Some((DateTimeKind::DateRange, format!("{:04}", r.year))),
                _ => None,
            }
        {
            return Some((i + 1, kind, timex));
        }
        // "at the eod"
        if self.word(i) == Some("the")
            && let Some((next, kind, timex)) = self.period_edge(i + 1)
            && next == i + 2
        {
            return Some((next, kind, timex));
        }
        let mut k = i;
        if self.word(k) == Some("the") {
            k += 1;
        }
        let edge = self.word(k)?;
        if !matches!(edge, "end" | "beginning" | "start" | "middle")
            || self.word(k + 1) != Some("of")
        {
            return None;
        }
        k += 2;
        if matches!(self.word(k), Some("the" | "this")) {
            k += 1;
        }
        let r = self.reference?;
        let (kind, timex) = match self.word(k)? {
            "day" if edge == "end" => (DateTimeKind::DateTime, format!("{}T23:59:59", iso(r))),
            "week" => (DateTimeKind::DateRange, week_timex(r)),
            "month" => (
                DateTimeKind::DateRange,
                format!("{:04}-{:02}", r.year, r.month),
            ),
            "year" => (DateTimeKind::DateRange, format!("{:04}", r.year)),
            _ => return None,
        };
        Some((k + 1, kind, timex))
    }

    /// Whether token `i` is written with a capital letter.
    fn capitalised(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.text[t.start..t.end].chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// A time zone: "UTC+8", "gmt-3", "PDT", "Eastern Daylight Time", "Beijing time", "New York
    /// time", "pacific timezone", "Russia time zone 3". The TIMEX is empty: a zone names no time.
    fn time_zone(&self, i: usize) -> Option<Hit> {
        const ABBREVIATIONS: &[&str] = &[
            "utc", "gmt", "pst", "pdt", "pdst", "est", "edt", "cst", "cdt", "mst", "mdt", "ct",
            "et", "pt", "mt", "cet", "cest", "wet", "eet", "eest", "bst", "ist", "jst", "kst",
            "hkt", "sgt", "aest", "aedt", "acst", "acdt", "awst", "awdt", "aft", "cot", "tost",
            "msk", "nzst", "nzdt", "akst", "akdt", "hst", "sast", "wat", "eat", "aoe",
        ];
        // Zone names written in lower case as often as not.
        const NAMES: &[&str] = &[
            "pacific",
            "eastern",
            "central",
            "mountain",
            "atlantic",
            "western",
            "west",
            "east",
            "coast",
            "standard",
            "daylight",
            "saving",
            "std",
            "summer",
            "beijing",
            "china",
            "india",
            "japan",
            "korea",
            "uk",
            "us",
            "hong",
            "kong",
            "colombia",
            "montreal",
            "madrid",
            "russia",
            "australian",
            "austrialian",
            "europe",
            "european",
            "saint",
            "barthelemy",
            "singapore",
            "afghanistan",
        ];
        let w = self.word(i)?;
        // An abbreviation, possibly with an offset: "utc4:30", "UTC + 4", "MSK-1", "UTC -12h".
        if ABBREVIATIONS.contains(&w) {
            let prev = i.checked_sub(1).and_then(|p| self.toks.get(p));
            let after_time = prev.is_some_and(|t| {
                t.num().is_some() || matches!(t.word(), Some("am" | "pm" | "at" | "in" | "m"))
            });
            let shouting = self.text[self.toks[i].start..self.toks[i].end]
                .chars()
                .all(|c| c.is_ascii_uppercase());
            if !(shouting || after_time) {
                return None;
            }
            let mut next = i + 1;
            let mut k = next;
            if matches!(self.punct(k), Some('+' | '-' | '±')) {
                k += 1;
            }
            if let Some((_, len)) = self.int(k)
                && len <= 2
                && (k > next || self.toks[k].glued())
            {
                next = k + 1;
                if self.punct(next) == Some(':') && self.int(next + 1).is_some() {
                    next += 2;
                }
                if self.word(next) == Some("h") && self.toks[next].glued() {
                    next += 1;
                }
            }
            return Some((next, DateTimeKind::TimeZone, String::new()));
        }
        // A name, then "time", "timezone" or "time zone".
        let mut k = i;
        while let Some(word) = self.word(k) {
            let named = self.capitalised(k) || NAMES.contains(&word);
            if !named || matches!(word, "time" | "timezone") {
                break;
            }
            k += 1;
            // "St. Louis", "US-friendly"
            if matches!(self.punct(k), Some('.' | '-')) && self.word(k + 1).is_some() {
                k += 1;
            }
        }
        if k == i {
            return None;
        }
        let mut next = k;
        match self.word(next) {
            Some("timezone") => next += 1,
            Some("time") if self.word(next + 1) == Some("zone") => {
                next += 2;
                if self.int(next).is_some() {
                    next += 1;
                }
            }
            Some("time") => next += 1,
            _ => return None,
        }
        Some((next, DateTimeKind::TimeZone, String::new()))
    }

    /// Holidays that move from year to year: "easter 2018", "good friday", "black friday 2010",
    /// "cyber monday". Without a year they fall in the reference's year.
    fn movable_holiday(&self, i: usize) -> Option<Hit> {
        let (offset_from, days, next) = match (self.word(i)?, self.word(i + 1)) {
            ("easter", Some("sunday" | "day")) => ("easter", 0, i + 2),
            ("easter", Some("monday")) => ("easter", 1, i + 2),
            ("easter", _) => ("easter", 0, i + 1),
            ("good", Some("friday")) => ("easter", -2, i + 2),
            ("black", Some("friday")) => ("thanksgiving", 1, i + 2),
            ("cyber", Some("monday")) => ("thanksgiving", 4, i + 2),
            _ => return None,
        };
        let (year, next) = match self.year(next) {
            Some((y, after)) => (y, after),
            None => (self.reference?.year, next),
        };
        let base = if offset_from == "easter" {
            easter_sunday(year)
        } else {
            let nov1 = CivilDate {
                year,
                month: 11,
                day: 1,
            };
            let first_thursday = (3 - i64::from(nov1.weekday())).rem_euclid(7);
            nov1.add_days(first_thursday + 21)
        };
        Some((next, DateTimeKind::Date, iso(base.add_days(days))))
    }

    /// The longest expression starting at token `i`.
    fn at(&self, i: usize) -> Option<Hit> {
        // "at present", "at this time": now.
        if self.word(i) == Some("at")
            && let Some(next) = match (self.word(i + 1), self.word(i + 2)) {
                (Some("present"), _) => Some(i + 2),
                (Some("this"), Some("time")) => Some(i + 3),
                _ => None,
            }
        {
            return Some((next, DateTimeKind::DateTime, "PRESENT_REF".to_string()));
        }
        if self.word(i) == Some("now")
            || (self.word(i) == Some("right") && self.word(i + 1) == Some("now"))
        {
            let next = if self.word(i) == Some("right") {
                i + 2
            } else {
                i + 1
            };
            return Some((next, DateTimeKind::DateTime, "PRESENT_REF".to_string()));
        }
        let mut best: Option<Hit> = None;
        let mut consider = |hit: Option<Hit>| {
            if let Some(h) = hit
                && best.as_ref().is_none_or(|b| h.0 > b.0)
            {
                best = Some(h);
            }
        };
        // A date, possibly with a weekday before it and a time after it.
        let mut k = i;
        if let Some(wd) = self.word(k).and_then(weekday_word) {
            let _ = wd;
            let mut j = k + 1;
            if self.punct(j) == Some(',') {
                j += 1;
            }
            if self.calendar_date(j).is_some() {
                k = j;
            }
        }
        let date = self.calendar_date(k).or_else(|| self.relative_date(k));
        if let Some((next, date_kind, timex)) = date.clone() {
            // "tomorrow 8:00am", "04/21/2016, 8:00pm", "Oct.23 at seven"
            let mut t_at = next;
            if matches!(self.punct(t_at), Some(','))
                || matches!(self.word(t_at), Some("at" | "for" | "around"))
            {
                t_at += 1;
            }
            if let Some((after, h, m, s)) = self.time(t_at).or_else(|| {
                // "at seven": a bare hour after "at".
                if self.word(t_at - 1) == Some("at") {
                    self.numbers_word_hour(t_at)
                        .map(|(h, n)| (n, h, None, None))
                        .or_else(|| {
                            self.int(t_at)
                                .filter(|(h, _)| (1..=12).contains(h))
                                .map(|(h, _)| (t_at + 1, h, None, None))
                        })
                } else {
                    None
                }
            }) {
                consider(Some((
                    after,
                    DateTimeKind::DateTime,
                    format!("{timex}{}", Self::time_timex(h, m, s)),
                )));
            }
            consider(Some((next, date_kind, timex)));
        }
        consider(self.date_range(i));
        if let Some((next, h, m, s)) = self.time(i) {
            // "8pm on 15", "7:00 tomorrow"
            let mut d_at = next;
            if matches!(self.word(d_at), Some("on")) || self.punct(d_at) == Some(',') {
                d_at += 1;
            }
            let date_after = self
                .calendar_date(d_at)
                .or_else(|| self.relative_date(d_at))
                .or_else(|| {
                    (self.word(next) == Some("on"))
                        .then(|| {
                            self.int(d_at)
                                .filter(|(d, _)| (1..=31).contains(d))
                                .map(|(d, _)| {
                                    (d_at + 1, DateTimeKind::Date, format!("XXXX-XX-{d:02}"))
                                })
                        })
                        .flatten()
                });
            if let Some((after, _, dt)) = date_after {
                consider(Some((
                    after,
                    DateTimeKind::DateTime,
                    format!("{dt}{}", Self::time_timex(h, m, s)),
                )));
            }
            consider(Some((next, DateTimeKind::Time, Self::time_timex(h, m, s))));
        }
        consider(self.duration(i));
        consider(self.day_part_range(i));
        consider(self.time_range(i));
        consider(self.holiday(i));
        consider(self.set(i));
        consider(self.nth_in_period(i));
        consider(self.directed_units(i));
        consider(self.separated_date(i));
        consider(self.day_of_period(i));
        consider(self.time_zone(i));
        consider(self.numeric_month(i));
        consider(self.day_range(i));
        consider(self.period_edge(i));
        // "at seven", "around 3": a bare hour in words after "at" or "around".
        if i > 0
            && matches!(self.word(i - 1), Some("at" | "around"))
            && let Some((h, next)) = self.numbers_word_hour(i)
        {
            consider(Some((next, DateTimeKind::Time, format!("T{h:02}"))));
        }
        // "from 9 for 2.5 hours", "for 2 hours from 9": a bare hour starting a length of time.
        if i > 0
            && self.word(i - 1) == Some("from")
            && let Some((h, 1..=2)) = self.int(i)
            && h <= 24
            && (self.toks.get(i + 1).is_none_or(|t| t.punct().is_some())
                || self.word(i + 1) == Some("for"))
        {
            consider(Some((i + 1, DateTimeKind::Time, format!("T{h:02}"))));
        }
        // "at 7": a bare hour after "at" is a time.
        if i > 0
            && matches!(
                self.word(i - 1),
                Some("at" | "before" | "after" | "than" | "around" | "until" | "till")
            )
            && let Some((h, len)) = self.int(i)
            && h <= 24
            && len <= 2
            && !self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.glued() && (t.word().is_some() || t.num().is_some()))
            && self
                .word(i + 1)
                .is_none_or(|w| matches!(w, "and" | "or" | "on" | "tomorrow" | "today" | "tonight"))
        {
            consider(Some((i + 1, DateTimeKind::Time, format!("T{h:02}"))));
        }
        // "for the 27th", "on the second": a day of the month.
        if self.word(i) == Some("the")
            && i > 0
            && matches!(self.word(i - 1), Some("for" | "on" | "of"))
            && let Some((d, next)) = self.day(i + 1)
            && self.month(next).is_none()
            && self.word(next) != Some("of")
            && self.word(next).is_none_or(|w| duration_unit(w).is_none())
            // "for the second time": an ordinal word before a noun is no day.
            && (self.toks[i + 1].word().is_none() || self.ends_day_in_words(next))
            // "two of the 12 judges": after "of", a bare number before a word counts it.
            && !(self.word(i - 1) == Some("of")
                && self.int(i + 1).is_some()
                && self.word(next).is_some_and(|w| !matches!(w, "and" | "or")))
        {
            consider(Some((next, DateTimeKind::Date, format!("XXXX-XX-{d:02}"))));
        }
        // "on 15": a bare day of the month.
        if self.word(i) == Some("on")
            && let Some((d, _)) = self.int(i + 1)
            && (1..=31).contains(&d)
            && !self.toks.get(i + 2).is_some_and(|t| {
                (t.glued() && t.punct() != Some(','))
                    || t.word().is_some_and(|w| !matches!(w, "at" | "and"))
            })
        {
            consider(Some((i + 2, DateTimeKind::Date, format!("XXXX-XX-{d:02}"))));
        }
        // "7, this morning", "10, tonight": an hour of that part of the day.
        if let Some((h, _)) = self.int(i).filter(|(h, _)| (1..=12).contains(h))
            && self.punct(i + 1) == Some(',')
            && let Some((next, DateTimeKind::DateTimeRange, timex)) = self.day_part_range(i + 2)
            && is_day_part(&timex)
            && let Some((date, part)) = timex.split_once('T')
        {
            let h = if matches!(part, "AF" | "EV" | "NI") && h < 12 {
                h + 12
            } else {
                h
            };
            consider(Some((
                next,
                DateTimeKind::DateTime,
                format!("{date}T{h:02}"),
            )));
        }
        best
    }
}

fn quarter_word(w: &str) -> Option<u32> {
    Some(match w {
        "q1" => 1,
        "q2" => 2,
        "q3" => 3,
        "q4" => 4,
        _ => return None,
    })
}

fn quarter_timex(year: i32, q: u32) -> String {
    let start = (q - 1) * 3 + 1;
    let (ey, em) = if q == 4 {
        (year + 1, 1)
    } else {
        (year, start + 3)
    };
    format!("({year:04}-{start:02}-01,{ey:04}-{em:02}-01,P3M)")
}

/// A duration unit word and its TIMEX letter, with whether it belongs after "T".
fn duration_unit(w: &str) -> Option<(char, bool)> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" => ('Y', false),
        "month" | "months" => ('M', false),
        "week" | "weeks" | "wk" | "wks" => ('W', false),
        "day" | "days" => ('D', false),
        "hour" | "hours" | "hr" | "hrs" | "h" => ('H', true),
        "minute" | "minutes" | "min" | "mins" => ('M', true),
        "second" | "seconds" | "sec" | "secs" => ('S', true),
        "decade" | "decades" => ('0', false),
        "fortnight" | "fortnights" => ('F', false),
        "weekend" | "weekends" => ('E', false),
        _ => return None,
    })
}

fn unit_plural(w: &str) -> bool {
    w.ends_with('s') && w.len() > 3
}

fn duration_timex(value: f64, (letter, time): (char, bool)) -> String {
    // Decades and fortnights are written in years and weeks.
    let (value, letter) = match letter {
        '0' => (value * 10.0, 'Y'),
        'F' => (value * 2.0, 'W'),
        _ => (value, letter),
    };
    // Weekends count as "WE".
    let letter = if letter == 'E' {
        "WE".to_string()
    } else {
        letter.to_string()
    };
    let v = if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    };
    if time {
        format!("PT{v}{letter}")
    } else {
        format!("P{v}{letter}")
    }
}

/// A mention in tokens, before it is turned into byte offsets.
#[derive(Debug, Clone, PartialEq)]
struct TokMention {
    first: usize,
    next: usize,
    kind: DateTimeKind,
    timex: String,
}

/// Whether a TIMEX is a part of the day alone ("TMO", "TMEL").
fn is_part_code(timex: &str) -> bool {
    timex
        .strip_prefix('T')
        .is_some_and(|part| part.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// Whether a TIMEX is a day with a part of it ("2016-11-07TMO"), not a time or a range.
fn is_day_part(timex: &str) -> bool {
    !timex.starts_with('(')
        && timex
            .split_once('T')
            .is_some_and(|(_, part)| part.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// Words that put a bare year or month in time: "in 2016", "since March", "until May".
fn time_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "of"
            | "since"
            | "during"
            | "until"
            | "by"
            | "from"
            | "to"
            | "till"
            | "through"
            | "and"
    )
}

/// The timexes of a pair of mentions of kinds `a` and `b`, in either order, as (a's, b's).
fn either_order<'m>(
    m: &'m TokMention,
    n: &'m TokMention,
    a: DateTimeKind,
    b: DateTimeKind,
) -> Option<(&'m String, &'m String)> {
    if (m.kind, n.kind) == (a, b) {
        Some((&m.timex, &n.timex))
    } else if (m.kind, n.kind) == (b, a) {
        Some((&n.timex, &m.timex))
    } else {
        None
    }
}

/// One mention over the span of `m` through `n`.
fn spanning(m: &TokMention, n: &TokMention, kind: DateTimeKind, timex: String) -> TokMention {
    TokMention {
        first: m.first,
        next: n.next,
        kind,
        timex,
    }
}

/// The calendar date a TIMEX date names, with a stand-in year when it has none.
fn timex_date(timex: &str, fallback_year: i32) -> Option<CivilDate> {
    let date = timex.get(..10)?;
    let date = if let Some(rest) = date.strip_prefix("XXXX") {
        format!("{fallback_year:04}{rest}")
    } else {
        date.to_string()
    };
    CivilDate::parse_iso(&date)
}

/// Hours and minutes of a TIMEX time ("T14:20" → 860 minutes).
fn timex_minutes(timex: &str) -> Option<u32> {
    let t = &timex[timex.find('T')? + 1..];
    let mut parts = t.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next().map_or(Some(0), |m| m.parse().ok())?;
    Some(h * 60 + m)
}

/// The TIMEX duration of a number of minutes ("PT1H", "PT40M", "PT1H30M").
fn minutes_duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("PT{h}H"),
        (0, m) => format!("PT{m}M"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// A range of months ("XXXX-03" to "XXXX-05") or of years ("2014" to "2018"), in the
/// TIMEX notation "(XXXX-03-01,XXXX-05-01,P2M)".
fn month_or_year_range(a: &str, b: &str) -> Option<String> {
    let is_year = |t: &str| t.len() == 4 && t.chars().all(|c| c.is_ascii_digit());
    if is_year(a) && is_year(b) {
        let (ya, yb): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
        return (yb > ya).then(|| format!("({a}-01-01,{b}-01-01,P{}Y)", yb - ya));
    }
    let month = |t: &str| -> Option<(Option<i32>, u32)> {
        if t.len() != 7 || t.as_bytes()[4] != b'-' {
            return None;
        }
        let year = t[..4].parse().ok();
        Some((year, t[5..].parse().ok()?))
    };
    let (ya, ma) = month(a)?;
    let (yb, mb) = month(b)?;
    let months = match (ya, yb) {
        (Some(x), Some(y)) => (y - x) * 12 + mb as i32 - ma as i32,
        // "from Nov to March": into the next year.
        (None, None) => (mb as i32 - ma as i32).rem_euclid(12),
        _ => return None,
    };
    (months > 0).then(|| format!("({a}-01,{b}-01,P{months}M)"))
}

/// The first day of a TIMEX date, month or year ("2019-02-01", "2019-03", "2015"), with its year
/// when it has one, and whether it is a whole month or year.
fn period_start(timex: &str) -> Option<(Option<i32>, u32, u32, bool)> {
    let year = timex.get(..4).and_then(|y| y.parse::<i32>().ok());
    if timex.get(..4) != Some("XXXX") && year.is_none() {
        return None;
    }
    let num = |r: std::ops::Range<usize>| timex.get(r).and_then(|x| x.parse::<u32>().ok());
    match timex.len() {
        4 => Some((year, 1, 1, true)),
        7 if timex.as_bytes()[4] == b'-' => Some((year, num(5..7)?, 1, true)),
        10 if timex.as_bytes()[4] == b'-' && timex.as_bytes()[7] == b'-' => {
            Some((year, num(5..7)?, num(8..10)?, false))
        }
        _ => None,
    }
}

/// A range from one date, month or year to the start of another ("between 2015 and Feb 2018"
/// → "(2015-01-01,2018-02-01,P37M)"; "Feb 1st and March 2019" → "(2019-02-01,2019-03-01,P28D)").
/// A side without a year takes the other side's.
fn mixed_date_range(a: &str, b: &str) -> Option<(DateTimeKind, String)> {
    let (ya, ma, da, whole_a) = period_start(a)?;
    let (yb, mb, db, whole_b) = period_start(b)?;
    let (ya, yb) = match (ya, yb) {
        (Some(x), Some(y)) => (x, y),
        // "Nov-Feb 2017": the earlier month in the year before.
        (None, Some(y)) if (ma, da) > (mb, db) => (y - 1, y),
        (None, Some(y)) => (y, y),
        (Some(x), None) if (ma, da) > (mb, db) => (x, x + 1),
        (Some(x), None) => (x, x),
        (None, None) => return None,
    };
    let start = CivilDate {
        year: ya,
        month: ma,
        day: da,
    };
    let end = CivilDate {
        year: yb,
        month: mb,
        day: db,
    };
    if end <= start {
        return None;
    }
    let duration = if whole_a && whole_b && da == 1 && db == 1 {
        let months = (yb - ya) * 12 + mb as i32 - ma as i32;
        if months % 12 == 0 {
            format!("P{}Y", months / 12)
        } else {
            format!("P{months}M")
        }
    } else {
        let days = super::dates::days_from_civil(end) - super::dates::days_from_civil(start);
        format!("P{days}D")
    };
    Some((
        DateTimeKind::DateRange,
        format!("({},{},{duration})", iso(start), iso(end)),
    ))
}

/// The weekday `wd` (Monday = 0) nearest `p` in the direction of `offset`, with news usage:
/// "last Tuesday" is the latest Tuesday on or before `p`, "next Tuesday" the first after it.
fn weekday_near(p: CivilDate, wd: u32, offset: i32) -> CivilDate {
    let today = i64::from(p.weekday());
    let wd = i64::from(wd);
    if offset < 0 {
        p.add_days(-(today - wd).rem_euclid(7))
    } else {
        let forward = (wd - today).rem_euclid(7);
        p.add_days(if forward == 0 { 7 } else { forward })
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
fn easter_sunday(year: i32) -> CivilDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    CivilDate {
        year,
        month: month as u32,
        day: day as u32,
    }
}

/// A moment: a date and the seconds into it.
#[derive(Debug, Clone, Copy)]
struct Moment {
    date: CivilDate,
    seconds: i64,
}

impl Moment {
    /// The start of `date`.
    fn midnight(date: CivilDate) -> Moment {
        Moment { date, seconds: 0 }
    }

    /// This moment moved by a TIMEX duration ("P2Y1M21D", "PT30M", "PT0.5H") forwards (`sign`
    /// 1) or back (-1). Fractions are allowed in hours, minutes and seconds only.
    fn shifted(self, duration: &str, sign: i64) -> Option<Moment> {
        let mut rest = duration.strip_prefix('P')?;
        let mut in_time = false;
        let mut date = self.date;
        let mut seconds = 0.0;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('T') {
                in_time = true;
                rest = r;
                continue;
            }
            let end = rest.find(|c: char| c.is_ascii_alphabetic())?;
            let value: f64 = rest[..end].parse().ok()?;
            let letter = rest[end..].chars().next()?;
            rest = &rest[end + 1..];
            if in_time {
                seconds += value
                    * match letter {
                        'H' => 3600.0,
                        'M' => 60.0,
                        'S' => 1.0,
                        _ => return None,
                    };
            } else {
                date = shift(date, value, letter, sign)?;
            }
        }
        if seconds.fract() != 0.0 {
            return None;
        }
        let total = self.seconds + sign * seconds as i64;
        Some(Moment {
            date: date.add_days(total.div_euclid(86400)),
            seconds: total.rem_euclid(86400),
        })
    }

    /// The kind and TIMEX of this moment, as a date when `duration` has no time part, else as a
    /// date-time to the second.
    fn timex(self, duration: &str) -> (DateTimeKind, String) {
        if duration.contains('T') {
            let s = self.seconds;
            (
                DateTimeKind::DateTime,
                format!(
                    "{}T{:02}:{:02}:{:02}",
                    iso(self.date),
                    s / 3600,
                    (s % 3600) / 60,
                    s % 60
                ),
            )
        } else {
            (DateTimeKind::Date, iso(self.date))
        }
    }
}

/// The hours of a range of whole hours ("(T03,T12,PT9H)" → (3, 12)), which may be days.
fn bare_hour_range(timex: &str) -> Option<(u32, u32)> {
    let inner = timex.strip_prefix("(T")?.strip_suffix(')')?;
    let mut parts = inner.split(',');
    let a: u32 = parts.next()?.parse().ok()?;
    let b: u32 = parts.next()?.strip_prefix('T')?.parse().ok()?;
    (a >= 1 && b > a && b <= 31).then_some((a, b))
}

/// Joins simple durations ("P1Y", "P1M", "P21D", "PT2H") into one ("P1Y1M21D"), in the
/// canonical order of TIMEX units. None when two share a unit or one is not simple.
fn join_durations(parts: &[&str]) -> Option<String> {
    // Years, months, weeks, days, then hours, minutes, seconds.
    let order = [
        ('Y', false),
        ('M', false),
        ('W', false),
        ('D', false),
        ('H', true),
        ('M', true),
        ('S', true),
    ];
    let mut values: [Option<String>; 7] = Default::default();
    for part in parts {
        let mut rest = part.strip_prefix('P')?;
        let mut time = false;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('T') {
                time = true;
                rest = r;
                continue;
            }
            let end = rest.find(|c: char| c.is_ascii_alphabetic())?;
            let number = &rest[..end];
            let letter = rest[end..].chars().next()?;
            let slot = order.iter().position(|&(l, t)| l == letter && t == time)?;
            if values[slot].is_some() {
                return None;
            }
            values[slot] = Some(number.to_string());
            rest = &rest[end + 1..];
        }
    }
    let mut out = String::from("P");
    let mut in_time = false;
    for (slot, (letter, time)) in order.iter().enumerate() {
        if let Some(v) = &values[slot] {
            if *time && !in_time {
                out.push('T');
                in_time = true;
            }
            out.push_str(v);
            out.push(*letter);
        }
    }
    Some(out)
}

/// The date of weekday `day` ("XXXX-WXX-5") in the ISO week `week` ("2016-W46").
fn day_in_week(week: &str, day: &str) -> Option<CivilDate> {
    let (year, w) = week.split_once("-W")?;
    let year: i32 = year.parse().ok()?;
    let w: i64 = w.get(..2)?.parse().ok()?;
    let weekday: i64 = day.strip_prefix("XXXX-WXX-")?.parse().ok()?;
    // Monday of ISO week 1 is the Monday on or before 4 January.
    let jan4 = CivilDate {
        year,
        month: 1,
        day: 4,
    };
    let week1 = jan4.add_days(-i64::from(jan4.weekday()));
    Some(week1.add_days(7 * (w - 1) + weekday - 1))
}

/// Moves a date by a duration (years, months, weeks or days).
fn shift(date: CivilDate, value: f64, letter: char, sign: i64) -> Option<CivilDate> {
    if value.fract() != 0.0 {
        return None;
    }
    let n = value as i64 * sign;
    Some(match letter {
        'D' => date.add_days(n),
        'W' => date.add_days(7 * n),
        'M' | 'Y' => {
            let months = if letter == 'Y' { 12 * n } else { n };
            let total = i64::from(date.year) * 12 + i64::from(date.month) - 1 + months;
            let year = total.div_euclid(12) as i32;
            let month = (total.rem_euclid(12) + 1) as u32;
            let day = date.day.min(super::dates::days_in_month(year, month));
            CivilDate { year, month, day }
        }
        _ => return None,
    })
}

impl Reader<'_> {
    fn words_between(&self, from: usize, to: usize) -> Vec<String> {
        (from..to)
            .filter_map(|k| {
                self.toks.get(k).map(|t| match &t.kind {
                    TokKind::Word(w) => w.clone(),
                    TokKind::Punct(c) => c.to_string(),
                    TokKind::Num { .. } => "#".to_string(),
                })
            })
            .collect()
    }

    /// The calendar date of a TIMEX date, a year-less one ("XXXX-12-25") taken in the
    /// reference's year and a weekday ("XXXX-WXX-2") in the reference's week.
    fn resolve_date(&self, timex: &str) -> Option<CivilDate> {
        if let Some(d) = CivilDate::parse_iso(timex).filter(|_| timex.len() == 10) {
            return Some(d);
        }
        let r = self.reference?;
        if let Some(wd) = timex.strip_prefix("XXXX-WXX-") {
            let wd: i64 = wd.parse().ok()?;
            return Some(r.add_days(wd - 1 - i64::from(r.weekday())));
        }
        let rest = timex.strip_prefix("XXXX")?;
        (rest.len() == 6)
            .then(|| CivilDate::parse_iso(&format!("{:04}{rest}", r.year)))
            .flatten()
    }

    /// Two mentions joined into a range by "to", "-", "until" or "between … and …", with "from"
    /// or "between" before them in the span. Now ("PRESENT_REF") counts as the reference's date.
    fn join_range(&self, m: &TokMention, n: &TokMention) -> Option<TokMention> {
        let year = self.reference.map_or(2016, |r| r.year);
        let between = self.words_between(m.next, n.first);
        let prefix = m.first.checked_sub(1).and_then(|p| self.word(p));
        let joiner = match between
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["to"]
            | ["till"]
            | ["til"]
            | ["until"]
            | ["through"]
            | ["thru"]
            | ["-"]
            | ["–"]
            | ["~"]
            | ["to", "the"]
            | ["until", "the"]
            | ["through", "the"] => true,
            ["and"] | ["and", "the"] => prefix == Some("between"),
            _ => false,
        };
        if !joiner {
            return None;
        }
        let as_today = |t: &TokMention| match (t.timex.as_str(), self.reference) {
            ("PRESENT_REF", Some(r)) => TokMention {
                kind: DateTimeKind::Date,
                timex: iso(r),
                ..t.clone()
            },
            _ => t.clone(),
        };
        let with_now = m.timex == "PRESENT_REF" || n.timex == "PRESENT_REF";
        let (m, n) = (&as_today(m), &as_today(n));
        let first = if matches!(prefix, Some("from" | "between")) {
            m.first - 1
        } else {
            m.first
        };
        let joined = match (m.kind, n.kind) {
            // "from 2pm till tomorrow 4:30pm", "between 2:00 tomorrow and 4:00": a time takes the
            // other side's day (the reference's for a first side without one).
            (
                DateTimeKind::Time | DateTimeKind::DateTime,
                DateTimeKind::Time | DateTimeKind::DateTime,
            ) if m.kind == DateTimeKind::DateTime || n.kind == DateTimeKind::DateTime => {
                let split = |t: &str| -> Option<(CivilDate, u32, String)> {
                    let (date, time) = t.split_at(t.find('T')?);
                    let minutes = timex_minutes(time)?;
                    Some((CivilDate::parse_iso(date)?, minutes, time.to_string()))
                };
                let day_of = |t: &TokMention, other: Option<CivilDate>| {
                    if t.kind == DateTimeKind::DateTime {
                        split(&t.timex)
                    } else {
                        let minutes = timex_minutes(&t.timex)?;
                        Some((other.or(self.reference)?, minutes, t.timex.clone()))
                    }
                };
                let (a_day, a_min, a_time) = day_of(m, None)?;
                let (b_day, b_min, b_time) = day_of(n, Some(a_day))?;
                let start = super::dates::days_from_civil(a_day) * 1440 + i64::from(a_min);
                let end = super::dates::days_from_civil(b_day) * 1440 + i64::from(b_min);
                (end > start).then(|| {
                    (
                        DateTimeKind::DateTimeRange,
                        format!(
                            "({}{a_time},{}{b_time},{})",
                            iso(a_day),
                            iso(b_day),
                            minutes_duration((end - start) as u32)
                        ),
                    )
                })
            }
            // "from next monday to friday": the second day in the first's week.
            (DateTimeKind::Date, DateTimeKind::Date)
                if n.timex.starts_with("XXXX-WXX-")
                    && let Some(a) = CivilDate::parse_iso(&m.timex)
                    && let Ok(wd) = n.timex[9..].parse::<i64>() =>
            {
                let b = a.add_days(wd - 1 - i64::from(a.weekday()));
                let days = super::dates::days_from_civil(b) - super::dates::days_from_civil(a);
                (days > 0).then(|| {
                    (
                        DateTimeKind::DateRange,
                        format!("({},{},P{days}D)", iso(a), iso(b)),
                    )
                })
            }
            // "Friday through Sunday"
            (DateTimeKind::Date, DateTimeKind::Date)
                if m.timex.starts_with("XXXX-WXX-") && n.timex.starts_with("XXXX-WXX-") =>
            {
                let a: i64 = m.timex[9..].parse().ok()?;
                let b: i64 = n.timex[9..].parse().ok()?;
                (b > a).then(|| {
                    (
                        DateTimeKind::DateRange,
                        format!("({},{},P{}D)", m.timex, n.timex, b - a),
                    )
                })
            }
            // "Nov 18-Dec 19, 2015", "5/1-5/7, 2020": the year said once.
            (DateTimeKind::Date, DateTimeKind::Date)
                if m.timex.starts_with('X') != n.timex.starts_with('X') && !with_now =>
            {
                mixed_date_range(&m.timex, &n.timex)
            }
            // "from Week 31 to Week 35"
            (DateTimeKind::DateRange, DateTimeKind::DateRange)
                if m.timex.len() == 8
                    && n.timex.len() == 8
                    && let (Some(a), Some(b)) = (
                        day_in_week(&m.timex, "XXXX-WXX-1"),
                        day_in_week(&n.timex, "XXXX-WXX-1"),
                    ) =>
            {
                let weeks =
                    (super::dates::days_from_civil(b) - super::dates::days_from_civil(a)) / 7;
                (weeks > 0).then(|| {
                    (
                        DateTimeKind::DateRange,
                        format!("({},{},P{weeks}W)", iso(a), iso(b)),
                    )
                })
            }
            // "from 2017 q1 to 2018 q1": from the start of one period to the start of the other.
            (DateTimeKind::DateRange, DateTimeKind::DateRange)
                if m.timex.starts_with('(')
                    && n.timex.starts_with('(')
                    && m.timex.ends_with("M)")
                    && n.timex.ends_with("M)") =>
            {
                let a = CivilDate::parse_iso(m.timex.get(1..11)?)?;
                let b = CivilDate::parse_iso(n.timex.get(1..11)?)?;
                let months = (b.year - a.year) * 12 + b.month as i32 - a.month as i32;
                (months > 0).then(|| {
                    (
                        DateTimeKind::DateRange,
                        format!("({},{},P{months}M)", iso(a), iso(b)),
                    )
                })
            }
            (DateTimeKind::Date, DateTimeKind::Date) => {
                match (timex_date(&m.timex, year), timex_date(&n.timex, year)) {
                    (Some(a), Some(b)) if b >= a => {
                        let days =
                            super::dates::days_from_civil(b) - super::dates::days_from_civil(a);
                        Some((
                            DateTimeKind::DateRange,
                            format!("({},{},P{days}D)", &m.timex[..10], &n.timex[..10]),
                        ))
                    }
                    // "Nov 18-Dec 19, 2015": the year said once.
                    _ => mixed_date_range(&m.timex, &n.timex),
                }
            }
            (DateTimeKind::Time, DateTimeKind::Time) => {
                match (timex_minutes(&m.timex), timex_minutes(&n.timex)) {
                    (Some(a), Some(mut b)) => {
                        let mut a = a;
                        if b < a && b + 12 * 60 > a {
                            b += 12 * 60;
                        }
                        // "2:20 to 3pm": the first time takes the second's half of day.
                        if b >= 12 * 60 && a < 12 * 60 && a + 12 * 60 < b {
                            a += 12 * 60;
                        }
                        (b > a).then(|| {
                            let fmt = |x: u32| {
                                if x % 60 == 0 {
                                    format!("T{:02}", x / 60)
                                } else {
                                    format!("T{:02}:{:02}", x / 60, x % 60)
                                }
                            };
                            (
                                DateTimeKind::TimeRange,
                                format!("({},{},{})", fmt(a), fmt(b), minutes_duration(b - a)),
                            )
                        })
                    }
                    _ => None,
                }
            }
            (DateTimeKind::DateRange, DateTimeKind::DateRange) => {
                month_or_year_range(&m.timex, &n.timex)
                    .map(|timex| (DateTimeKind::DateRange, timex))
                    .or_else(|| mixed_date_range(&m.timex, &n.timex))
            }
            (
                DateTimeKind::Date | DateTimeKind::DateRange,
                DateTimeKind::Date | DateTimeKind::DateRange,
            ) => mixed_date_range(&m.timex, &n.timex),
            _ => None,
        };
        let (kind, timex) = joined?;
        Some(TokMention {
            first,
            next: n.next,
            kind,
            timex,
        })
    }

    /// Joins mentions into ranges and relative dates, and widens them with the words around
    /// them ("from … to …", "two weeks ago", "the month of Jan", "early next week").
    fn combine(&self, ms: Vec<TokMention>) -> Vec<TokMention> {
        let mut out: Vec<TokMention> = Vec::new();
        let mut k = 0;
        while k < ms.len() {
            let m = ms[k].clone();
            // A range of two mentions of the same sort: "from Monday to Friday", "2014-2018",
            // "between Jan 22 and now".
            if let Some(n) = ms.get(k + 1)
                && let Some(joined) = self.join_range(&m, n)
            {
                out.push(joined);
                k += 2;
                continue;
            }
            if let Some(n) = ms.get(k + 1) {
                let between = self.words_between(m.next, n.first);
                let between: Vec<&str> = between.iter().map(String::as_str).collect();
                // "from 3 until 12 of Sept", "4 to 23 next month": days, not hours.
                if m.kind == DateTimeKind::TimeRange
                    && n.kind == DateTimeKind::DateRange
                    && matches!(between.as_slice(), [] | ["of"] | ["in"])
                    && let Some((a, b)) = bare_hour_range(&m.timex)
                    && let Some(month) = n
                        .timex
                        .get(..7)
                        .filter(|t| n.timex.len() == 7 && t.as_bytes()[4] == b'-')
                {
                    let timex = format!("({month}-{a:02},{month}-{b:02},P{}D)", b - a);
                    out.push(spanning(&m, n, DateTimeKind::DateRange, timex));
                    k += 2;
                    continue;
                }
                // "this morning at 7", "tonight at 9:30 pm", "8pm this evening"
                let day_part_and_time = match (m.kind, n.kind) {
                    (DateTimeKind::DateTimeRange, DateTimeKind::Time) if is_day_part(&m.timex) => {
                        Some((&m.timex, &n.timex))
                    }
                    (DateTimeKind::Time, DateTimeKind::DateTimeRange) if is_day_part(&n.timex) => {
                        Some((&n.timex, &m.timex))
                    }
                    _ => None,
                };
                if matches!(between.as_slice(), [] | ["at"] | [","] | ["around"])
                    && let Some((day_part, time)) = day_part_and_time
                    && let Some(t_at) = day_part.find('T')
                    && let Some(minutes) = timex_minutes(time)
                {
                    let (date, part) = day_part.split_at(t_at);
                    // "tonight at 2am": a time said in the morning stays there.
                    let said_am = {
                        let t = if m.kind == DateTimeKind::Time { &m } else { n };
                        (t.first..t.next).any(|k| matches!(self.word(k), Some("am" | "a")))
                    };
                    let later =
                        matches!(part, "TAF" | "TEV" | "TNI") && minutes < 12 * 60 && !said_am;
                    let shifted = if later { minutes + 12 * 60 } else { minutes };
                    let rest = &time[time.find('T').map_or(0, |t| t + 3)..];
                    let timex = format!("{date}T{:02}{rest}", shifted / 60);
                    out.push(spanning(&m, n, DateTimeKind::DateTime, timex));
                    k += 2;
                    continue;
                }
                // "afternoon at 7", "in the morning at 7", "half past seven afternoon"
                let is_part = |t: &TokMention| {
                    t.kind == DateTimeKind::TimeRange
                        && (3..=4).contains(&t.timex.len())
                        && t.timex.starts_with('T')
                        && !t.timex[1..].starts_with(|c: char| c.is_ascii_digit())
                };
                let part_and_time = match (m.kind, n.kind) {
                    (_, DateTimeKind::Time) if is_part(&m) => Some((&m.timex, &n.timex)),
                    (DateTimeKind::Time, _) if is_part(n) => Some((&n.timex, &m.timex)),
                    _ => None,
                };
                if matches!(between.as_slice(), [] | ["at"] | [","])
                    && let Some((part, time)) = part_and_time
                    && let Some(minutes) = timex_minutes(time)
                {
                    // Afternoon, evening and night hours are after noon, as are lunch hours up
                    // to five; twelve at night is midnight.
                    let later = (matches!(part.as_str(), "TAF" | "TEV" | "TNI")
                        && minutes < 12 * 60)
                        || (part == "TMEL" && (60..6 * 60).contains(&minutes));
                    let shifted = if part == "TNI" && minutes / 60 == 12 {
                        minutes - 12 * 60
                    } else if later {
                        minutes + 12 * 60
                    } else {
                        minutes
                    };
                    let rest = &time[time.find('T').map_or(0, |t| t + 3)..];
                    let timex = format!("T{:02}{rest}", shifted / 60);
                    out.push(spanning(&m, n, DateTimeKind::Time, timex));
                    k += 2;
                    continue;
                }
                // "each monday 4pm", "at 9am every Sunday", "3pm each day"
                let set_and_time = either_order(&m, n, DateTimeKind::Set, DateTimeKind::Time);
                if matches!(between.as_slice(), [] | ["at"] | [","])
                    && let Some((set, time)) = set_and_time
                {
                    // "every night at 9": the set's part of the day decides the half.
                    let time = match (set.as_str(), timex_minutes(time)) {
                        ("TAF" | "TEV" | "TNI", Some(minutes)) if minutes < 12 * 60 => {
                            format!("T{:02}{}", minutes / 60 + 12, &time[3..])
                        }
                        _ => time.clone(),
                    };
                    let timex = if set.starts_with("XXXX") {
                        format!("{set}{time}")
                    } else {
                        time
                    };
                    out.push(spanning(&m, n, DateTimeKind::Set, timex));
                    k += 2;
                    continue;
                }
                // "1 year 1 month 21 days", "one week three days": one duration.
                if m.kind == DateTimeKind::Duration
                    && n.kind == DateTimeKind::Duration
                    && matches!(between.as_slice(), [] | ["and"] | [","])
                    && !matches!(self.word(n.first), Some("more" | "less"))
                    && let Some(timex) = join_durations(&[&m.timex, &n.timex])
                {
                    let mut joined = TokMention {
                        first: m.first,
                        next: n.next,
                        kind: DateTimeKind::Duration,
                        timex,
                    };
                    let mut j = k + 2;
                    while let Some(o) = ms.get(j) {
                        let between = self.words_between(joined.next, o.first);
                        if o.kind != DateTimeKind::Duration
                            || !matches!(
                                between
                                    .iter()
                                    .map(String::as_str)
                                    .collect::<Vec<_>>()
                                    .as_slice(),
                                [] | ["and"] | [","]
                            )
                        {
                            break;
                        }
                        let Some(timex) = join_durations(&[&joined.timex, &o.timex]) else {
                            break;
                        };
                        joined.timex = timex;
                        joined.next = o.next;
                        j += 1;
                    }
                    out.push(joined);
                    k = j;
                    continue;
                }
                // "june next year": a month of a year.
                if m.kind == DateTimeKind::DateRange
                    && n.kind == DateTimeKind::DateRange
                    && between.is_empty()
                    && m.timex.len() == 7
                    && m.timex.starts_with("XXXX-")
                    && n.timex.len() == 4
                    && n.timex.chars().all(|c| c.is_ascii_digit())
                {
                    let timex = format!("{}{}", n.timex, &m.timex[4..]);
                    out.push(spanning(&m, n, DateTimeKind::DateRange, timex));
                    k += 2;
                    continue;
                }
                // "next week from Wednesday to Friday": days of that week.
                if m.kind == DateTimeKind::DateRange
                    && n.kind == DateTimeKind::DateRange
                    && between.is_empty()
                    && m.timex.len() == 8
                    && let Some(inner) = n
                        .timex
                        .strip_prefix("(XXXX-WXX-")
                        .and_then(|t| t.strip_suffix(')'))
                    && let [a, b, duration] = inner.split(',').collect::<Vec<_>>().as_slice()
                    && let (Some(a), Some(b)) = (
                        day_in_week(&m.timex, &format!("XXXX-WXX-{a}")),
                        day_in_week(&m.timex, b),
                    )
                {
                    out.push(spanning(
                        &m,
                        n,
                        DateTimeKind::DateRange,
                        format!("({},{},{duration})", iso(a), iso(b)),
                    ));
                    k += 2;
                    continue;
                }
                // "twenty minutes past five tomorrow morning": a date-time and its own day's
                // part are one date-time.
                let own_part = match n.kind {
                    DateTimeKind::DateTimeRange if is_day_part(&n.timex) => n
                        .timex
                        .split_once('T')
                        .filter(|(day, _)| m.timex.starts_with(day)),
                    // "… tomorrow morning" read as "… tomorrow" and "morning"
                    DateTimeKind::TimeRange if is_part_code(&n.timex) => {
                        m.timex.split_once('T').map(|(day, _)| (day, &n.timex[1..]))
                    }
                    _ => None,
                };
                if m.kind == DateTimeKind::DateTime
                    && between.is_empty()
                    && let Some((day, part)) = own_part
                {
                    let timex = match timex_minutes(&m.timex) {
                        Some(minutes)
                            if matches!(part, "AF" | "EV" | "NI") && minutes < 12 * 60 =>
                        {
                            let time = &m.timex[day.len()..];
                            format!("{day}T{:02}{}", minutes / 60 + 12, &time[3..])
                        }
                        _ => m.timex.clone(),
                    };
                    out.push(spanning(&m, n, DateTimeKind::DateTime, timex));
                    k += 2;
                    continue;
                }
                // "in 3 days on Friday": that weekday in the week of the day.
                if m.kind == DateTimeKind::Date
                    && n.kind == DateTimeKind::Date
                    && between.as_slice() == ["on"]
                    && let Some(day) =
                        CivilDate::parse_iso(&m.timex).filter(|_| m.timex.len() == 10)
                    && let Some(wd) = n.timex.strip_prefix("XXXX-WXX-")
                    && let Ok(wd) = wd.parse::<i64>()
                {
                    let date = day.add_days(wd - 1 - i64::from(day.weekday()));
                    out.push(spanning(&m, n, DateTimeKind::Date, iso(date)));
                    k += 2;
                    continue;
                }
                // "next week Friday", "Friday next week", "Sunday of next week"
                let week_and_day = either_order(&m, n, DateTimeKind::DateRange, DateTimeKind::Date);
                if matches!(between.as_slice(), [] | ["on"] | ["of"])
                    && let Some((week, day)) = week_and_day
                    && let Some(date) = day_in_week(week, day)
                {
                    // "on Friday next week" is said with its "on".
                    let on = m.kind == DateTimeKind::Date
                        && between.is_empty()
                        && m.first > 0
                        && self.word(m.first - 1) == Some("on");
                    out.push(TokMention {
                        first: m.first - usize::from(on),
                        next: n.next,
                        kind: DateTimeKind::Date,
                        timex: iso(date),
                    });
                    k += 2;
                    continue;
                }
                // "on 15 at 8:00", "8pm on 15", "Oct.23 at seven"
                let date_time = either_order(&m, n, DateTimeKind::Date, DateTimeKind::Time);
                // "previous Tuesday by 2 in the afternoon": up to that time of that day.
                let by = between.as_slice() == ["by"];
                if (by
                    || matches!(
                        between.as_slice(),
                        [] | ["at"] | [","] | ["on"] | ["around"]
                    ))
                    && let Some((date, time)) = date_time
                {
                    out.push(TokMention {
                        first: m.first,
                        next: n.next,
                        kind: if by {
                            DateTimeKind::DateTimeRange
                        } else {
                            DateTimeKind::DateTime
                        },
                        timex: format!("{date}{time}"),
                    });
                    k += 2;
                    continue;
                }
                // "from 10 am for 3 hours", "for 2.5 hours from 9": a time range of that length.
                let start_and_length = match (m.kind, n.kind, between.as_slice()) {
                    (DateTimeKind::Time, DateTimeKind::Duration, ["for"]) => {
                        Some((&m.timex, &n.timex, "from"))
                    }
                    (DateTimeKind::Duration, DateTimeKind::Time, ["from"]) => {
                        Some((&n.timex, &m.timex, "for"))
                    }
                    _ => None,
                };
                // A length said in parts ("3 hours 30 minutes") is joined first.
                let length_goes_on = ms
                    .get(k + 2)
                    .is_some_and(|o| o.kind == DateTimeKind::Duration && o.first == n.next);
                if let Some((start, length, lead)) = start_and_length
                    && !length_goes_on
                    && length.starts_with("PT")
                    && let Some(minutes) = timex_minutes(start)
                    && let Some(end) = (Moment {
                        date: CivilDate {
                            year: 2000,
                            month: 1,
                            day: 1,
                        },
                        seconds: i64::from(minutes) * 60,
                    })
                    .shifted(length, 1)
                    .filter(|e| e.date.day == 1)
                {
                    let first =
                        m.first - usize::from(m.first > 0 && self.word(m.first - 1) == Some(lead));
                    let span = (end.seconds / 60) as u32 - minutes;
                    out.push(TokMention {
                        first,
                        next: n.next,
                        kind: DateTimeKind::TimeRange,
                        timex: format!(
                            "({start},T{:02}:{:02}:00,{})",
                            end.seconds / 3600,
                            (end.seconds % 3600) / 60,
                            minutes_duration(span)
                        ),
                    });
                    k += 2;
                    continue;
                }
                // "today before 4pm", "3 pm or later on Monday", "in the early-morning on
                // Tuesday": a day with an open time range or a part of the day.
                let date_and_part =
                    either_order(&m, n, DateTimeKind::Date, DateTimeKind::TimeRange);
                if matches!(between.as_slice(), [] | [","] | ["on"])
                    && let Some((date, part)) = date_and_part
                    && part.starts_with('T')
                {
                    out.push(spanning(
                        &m,
                        n,
                        DateTimeKind::DateTimeRange,
                        format!("{date}{part}"),
                    ));
                    k += 2;
                    continue;
                }
                // "for 3 days, from today", "a week starting tomorrow": that long from that day;
                let n_lead = self.word(n.first);
                let for_before = m.first > 0 && self.word(m.first - 1) == Some("for");
                let from_said = matches!(
                    between.as_slice(),
                    [",", "from"] | ["starting"] | ["starting", "from"] | ["beginning"]
                ) || (between.as_slice() == ["from"] && for_before)
                    || (matches!(between.as_slice(), [] | [","])
                        && matches!(n_lead, Some("starting" | "beginning")));
                // "within 2 weeks from today", "less than 3 days after tomorrow": up to that day.
                let bound_words = match (
                    m.first.checked_sub(2).and_then(|p| self.word(p)),
                    m.first.checked_sub(1).and_then(|p| self.word(p)),
                ) {
                    (_, Some("within")) => 1,
                    (Some("less"), Some("than")) => 2,
                    _ => 0,
                };
                let lead = if from_said {
                    Some(usize::from(for_before))
                } else if bound_words > 0
                    && n.kind == DateTimeKind::Date
                    && matches!(between.as_slice(), ["from"] | ["after"])
                {
                    Some(bound_words)
                } else {
                    None
                };
                if let Some(lead) = lead
                    && m.kind == DateTimeKind::Duration
                    && matches!(n.kind, DateTimeKind::Date | DateTimeKind::DateRange)
                    && !m.timex.contains('T')
                    && let Some(base) = self.resolve_date(&n.timex)
                    && let Some(end) = Moment::midnight(base).shifted(&m.timex, 1)
                {
                    out.push(TokMention {
                        first: m.first - lead,
                        next: n.next,
                        kind: DateTimeKind::DateRange,
                        timex: format!("({},{},{})", iso(base), iso(end.date), m.timex),
                    });
                    k += 2;
                    continue;
                }
                // "two days after today", "three weeks from tomorrow", "four days from yesterday"
                if m.kind == DateTimeKind::Duration
                    && n.kind == DateTimeKind::Date
                    && let [w] = between.as_slice()
                    && matches!(*w, "from" | "after" | "before")
                    && !m.timex.contains('T')
                    && let Some(base) = self.resolve_date(&n.timex)
                    && let Some(moved) = Moment::midnight(base)
                        .shifted(&m.timex, if *w == "before" { -1 } else { 1 })
                {
                    out.push(spanning(&m, n, DateTimeKind::Date, iso(moved.date)));
                    k += 2;
                    continue;
                }
            }
            // A date and a time range: "5 to 6pm of April 22", "tomorrow from 3 to 4".
            if let Some(n) = ms.get(k + 1) {
                let between = self.words_between(m.next, n.first);
                let between: Vec<&str> = between.iter().map(String::as_str).collect();
                let close = matches!(between.as_slice(), [] | ["of"] | ["on"] | [","] | ["from"]);
                // A day with its part ("yesterday afternoon") counts as the day, and moves
                // the range's hours into that part.
                let is_day = |t: &TokMention| {
                    t.kind == DateTimeKind::Date
                        || (t.kind == DateTimeKind::DateTimeRange
                            && !t.timex.starts_with('(')
                            && t.timex.len() > 3
                            && t.timex.contains('T'))
                };
                let (date, range) = match (m.kind, n.kind) {
                    (_, DateTimeKind::TimeRange) if is_day(&m) => (Some(&m), Some(n)),
                    (DateTimeKind::TimeRange, _) if is_day(n) => (Some(n), Some(&m)),
                    _ => (None, None),
                };
                if close
                    && let (Some(d), Some(r)) = (date, range)
                    && r.timex.starts_with("(T")
                {
                    let (day, part) = d.timex.split_at(d.timex.find('T').unwrap_or(d.timex.len()));
                    let later = matches!(part, "TAF" | "TEV" | "TNI");
                    let inner = &r.timex[1..r.timex.len() - 1];
                    let mut parts: Vec<String> = inner.split(',').map(str::to_string).collect();
                    if later {
                        for p in parts.iter_mut().take(2) {
                            if let Some(h) = p.get(1..3).and_then(|h| h.parse::<u32>().ok())
                                && h < 12
                            {
                                *p = format!("T{:02}{}", h + 12, &p[3..]);
                            }
                        }
                    }
                    if parts.len() == 3 {
                        let timex = format!("({day}{},{day}{},{})", parts[0], parts[1], parts[2]);
                        out.push(spanning(&m, n, DateTimeKind::DateTimeRange, timex));
                        k += 2;
                        continue;
                    }
                }
            }
            let mut m = m;
            // "November 19 to 20", "November 19-20"
            if m.kind == DateTimeKind::Date
                && m.timex.len() == 10
                && (matches!(self.word(m.next), Some("to" | "till" | "until" | "through"))
                    || matches!(self.punct(m.next), Some('-' | '–')))
                && let d_at = m.next + 1 + usize::from(self.word(m.next + 1) == Some("the"))
                && let Some((d, after_d)) = self.day(d_at)
                && let Ok(start_day) = m.timex[8..10].parse::<u32>()
                && d > start_day
                && !self.toks.get(after_d).is_some_and(|t| {
                    (t.glued() && t.punct().is_none())
                        || t.word().is_some_and(|w| month_word(w).is_some())
                })
            {
                let month = &m.timex[..7];
                m.timex = format!("({},{month}-{d:02},P{}D)", m.timex, d - start_day);
                m.kind = DateTimeKind::DateRange;
                m.next = after_d;
                if m.first > 0 && matches!(self.word(m.first - 1), Some("from" | "between")) {
                    m.first -= 1;
                }
            }
            // "more than an hour", "less than a couple of days"
            if m.kind == DateTimeKind::Duration
                && m.first >= 2
                && matches!(self.word(m.first - 2), Some("more" | "less"))
                && self.word(m.first - 1) == Some("than")
            {
                m.first -= 2;
            }
            // "since August", "since tomorrow": a period that starts then.
            if matches!(m.kind, DateTimeKind::Date | DateTimeKind::DateRange)
                && m.first > 0
                && self.word(m.first - 1) == Some("since")
            {
                m.first -= 1;
                m.kind = DateTimeKind::DateRange;
            }
            self.relative_to_reference(&mut m);
            // "the month of Jan", "the week of November 30th", "early next week", "rest of the week"
            if matches!(m.kind, DateTimeKind::DateRange | DateTimeKind::Date) {
                let w = |d: usize| m.first.checked_sub(d).and_then(|p| self.word(p));
                if m.kind == DateTimeKind::DateRange && w(2) == Some("month") && w(1) == Some("of")
                {
                    m.first -= if w(3) == Some("the") { 3 } else { 2 };
                } else if w(2) == Some("week") && w(1) == Some("of") {
                    m.first -= if w(3) == Some("the") { 3 } else { 2 };
                    m.kind = DateTimeKind::DateRange;
                } else if let on = usize::from(w(1) == Some("on"))
                    && w(2 + on) == Some("week")
                    && matches!(w(1 + on), Some("starting" | "beginning" | "commencing"))
                {
                    // "the week starting on February 4"
                    m.first -= 2 + on + usize::from(w(3 + on) == Some("the"));
                    m.kind = DateTimeKind::DateRange;
                } else if m.kind == DateTimeKind::DateRange
                    && matches!(w(1), Some("early" | "late" | "later" | "mid" | "earlier"))
                {
                    m.first -= 1;
                } else if m.kind == DateTimeKind::DateRange
                    && w(1) == Some("in")
                    && matches!(w(2), Some("early" | "late" | "later" | "earlier"))
                {
                    // "earlier in the week"
                    m.first -= 2;
                } else if m.kind == DateTimeKind::DateRange
                    && m.timex.len() == 4
                    && w(1) == Some("year")
                {
                    // "the year 2020", "calendar year 2008"
                    m.first -= 1 + usize::from(matches!(w(2), Some("the" | "calendar")));
                } else if let skip = usize::from(w(1) == Some("the"))
                    && w(1 + skip) == Some("of")
                    && matches!(w(2 + skip), Some("end" | "beginning" | "start" | "middle"))
                {
                    // "end of March", "the end of next week", "end of the sunday"
                    let end_of_day = w(2 + skip) == Some("end") && m.kind == DateTimeKind::Date;
                    // The article before "end" is part of the span only after a preposition of
                    // time ("since the end of 1989", but "at the end of 2000").
                    let article = w(3 + skip) == Some("the")
                        && matches!(
                            w(4 + skip),
                            Some("after" | "since" | "from" | "before" | "until" | "till" | "to")
                        );
                    m.first -= skip + 2 + usize::from(article);
                    if end_of_day {
                        m.kind = DateTimeKind::DateTime;
                        m.timex = format!("{}T23:59:59", m.timex);
                    }
                } else if m.kind == DateTimeKind::DateRange
                    && w(1) == Some("of")
                    && w(2) == Some("rest")
                {
                    m.first -= if w(3) == Some("the") { 3 } else { 2 };
                }
            }
            // "Oct 26 15:50:06 2016": the year after the time.
            if m.kind == DateTimeKind::DateTime
                && m.timex.starts_with("XXXX-")
                && m.timex.as_bytes().get(5).is_some_and(u8::is_ascii_digit)
                && let Some((y, after)) = self.year(m.next)
                && self.toks[m.next].word().is_none()
            {
                m.timex = format!("{y:04}{}", &m.timex[4..]);
                m.next = after;
            }
            // "around 1pm", "circa 5 in the morning": the approximation is said with the time;
            // "later in the afternoon", "late this morning": so is the part of the part.
            if matches!(m.kind, DateTimeKind::Time | DateTimeKind::TimeRange)
                && m.first > 0
                && matches!(
                    self.word(m.first - 1),
                    Some("around" | "circa" | "approximately")
                )
            {
                m.first -= 1;
            }
            if matches!(
                m.kind,
                DateTimeKind::TimeRange | DateTimeKind::DateTimeRange
            ) && (is_day_part(&m.timex) || (m.timex.starts_with('T') && m.timex.len() <= 4))
                && m.first > 0
                && matches!(self.word(m.first - 1), Some("early" | "late" | "later"))
            {
                m.first -= 1;
            }
            self.widen_with_modifier(&mut m);
            // "3:30pm AEST", "1pm mountain timezone": the zone is part of the time.
            if matches!(
                m.kind,
                DateTimeKind::Time
                    | DateTimeKind::TimeRange
                    | DateTimeKind::DateTime
                    | DateTimeKind::DateTimeRange
            ) && let Some(z) = ms.get(k + 1)
                && z.kind == DateTimeKind::TimeZone
                && z.first == m.next
            {
                m.next = z.next;
                k += 1;
            }
            out.push(m);
            k += 1;
        }
        out
    }

    /// A duration said relative to the reference: "in 5 minutes", "two weeks ago", "3 days from
    /// now", "2 years 1 month 21 days later" (points); "within 2 hours", "next 3 days", "past few
    /// weeks" (ranges).
    fn relative_to_reference(&self, m: &mut TokMention) {
        if m.kind != DateTimeKind::Duration {
            return;
        }
        let Some(r) = self.reference else {
            return;
        };
        let now = Moment {
            date: r,
            seconds: self.reference_seconds,
        };
        let word = |k: usize| self.word(k);
        let before = m.first.checked_sub(1).and_then(word);
        let after = (word(m.next), word(m.next + 1));
        let point = |sign: i64| now.shifted(&m.timex, sign);
        // Points.
        let relative = match after {
            (Some("ago"), _) => Some((-1, 0, 1)),
            (Some("later" | "hence"), _) => Some((1, 0, 1)),
            (Some("from"), Some("now")) => Some((1, 0, 2)),
            (Some("from"), Some("today")) if !m.timex.starts_with("PT") => Some((1, 0, 2)),
            _ if before == Some("in") => Some((1, 1, 0)),
            _ => None,
        };
        if let Some((sign, widen_before, widen_after)) = relative
            && let Some(at) = point(sign)
        {
            m.first -= widen_before;
            m.next += widen_after;
            (m.kind, m.timex) = at.timex(&m.timex);
            return;
        }
        // Ranges: "within 2 hours", "next 3 days", "past few weeks".
        let within_the_next =
            m.first >= 3 && word(m.first - 3) == Some("within") && word(m.first - 2) == Some("the");
        let in_the = |last: &str| {
            word(m.next) == Some("in")
                && word(m.next + 1) == Some("the")
                && word(m.next + 2) == Some(last)
        };
        let (direction, widen_before, widen_after) = match (before, after.0) {
            // "4 weeks in the future"
            _ if in_the("future") => (1, 0, 3),
            _ if in_the("past") => (-1, 0, 3),
            (Some("within"), _) => (0, 1, 0),
            (Some("next" | "coming" | "upcoming"), _) if within_the_next => (1, 3, 0),
            (Some("next" | "coming" | "upcoming" | "following"), _) => (1, 1, 0),
            (Some("past" | "last" | "previous"), _) => (-1, 1, 0),
            _ => return,
        };
        let Some((kind, timex)) = self.reference_range(&m.timex, direction) else {
            return;
        };
        m.first -= widen_before;
        m.next += widen_after;
        m.kind = kind;
        m.timex = timex;
    }

    /// The range a duration spans from the reference: back from it (`direction` < 0), forward
    /// from it (0: "within 10 months") or forward from the next day (> 0: "next 3 days"; time
    /// durations start now).
    fn reference_range(&self, duration: &str, direction: i32) -> Option<(DateTimeKind, String)> {
        let now = Moment {
            date: self.reference?,
            seconds: self.reference_seconds,
        };
        let time = duration.contains('T');
        let start = if direction > 0 && !time {
            Moment {
                date: now.date.add_days(1),
                seconds: 0,
            }
        } else {
            now
        };
        let (a, b) = if direction < 0 {
            (now.shifted(duration, -1)?, now)
        } else {
            (start, start.shifted(duration, 1)?)
        };
        Some(if time {
            (
                DateTimeKind::DateTimeRange,
                format!(
                    "({},{},{duration})",
                    a.timex(duration).1,
                    b.timex(duration).1
                ),
            )
        } else {
            (
                DateTimeKind::DateRange,
                format!("({},{},{duration})", iso(a.date), iso(b.date)),
            )
        })
    }

    /// "the 5 upcoming years", "2 next days", "10 previous weeks", "next hour", "last minute":
    /// a count of units before or after the reference, the direction after the count.
    fn directed_units(&self, i: usize) -> Option<Hit> {
        let direction = |w: Option<&str>| match w {
            Some("next" | "upcoming" | "coming" | "following") => Some(1),
            Some("past" | "previous" | "last") => Some(-1),
            _ => None,
        };
        // "next hour", "last minute": one unit of the clock.
        if let Some(d) = direction(self.word(i))
            && let Some(u @ (_, true)) = self.word(i + 1).and_then(duration_unit)
            && !unit_plural(self.word(i + 1)?)
        {
            let (kind, timex) = self.reference_range(&duration_timex(1.0, u), d)?;
            return Some((i + 2, kind, timex));
        }
        let p = self
            .numbers
            .phrase(i)
            .filter(|p| p.value.fract() == 0.0 && (1.0..=100.0).contains(&p.value))?;
        let d = direction(self.word(p.next))?;
        let u = self.word(p.next + 1).and_then(duration_unit)?;
        let (kind, timex) = self.reference_range(&duration_timex(p.value, u), d)?;
        Some((p.next + 2, kind, timex))
    }

    /// "before 2018", "later than or at 1/1/2016", "3 pm or later": an open range from or to the
    /// point a mention names. The span takes the modifier in and the kind becomes a range; the
    /// TIMEX stays that of the point.
    fn widen_with_modifier(&self, m: &mut TokMention) {
        const BEFORE: &[&[&str]] = &[
            &["later", "than", "or", "at"],
            &["later", "than", "or", "in"],
            &["earlier", "than", "or", "at"],
            &["earlier", "than", "or", "in"],
            &["after", "or", "equal", "to"],
            &["before", "or", "equal", "to"],
            &["on", "or", "earlier", "than"],
            &["on", "or", "later", "than"],
            &["on", "or", "before"],
            &["on", "or", "after"],
            &["before", "or", "on"],
            &["after", "or", "on"],
            &["before", "or", "in"],
            &["after", "or", "in"],
            &["no", "later", "than"],
            &["no", "earlier", "than"],
            &["not", "later", "than"],
            &["as", "late", "as"],
            &["as", "early", "as"],
            &["at", "or", "after"],
            &["at", "or", "before"],
            &["starting", "from"],
            &["starting", "on"],
            &["beginning", "on"],
            &["starting"],
            &["beginning"],
            &["more", "than"],
            &["later", "than"],
            &["earlier", "than"],
            &["sooner", "than"],
            &["prior", "to"],
            &["before"],
            &["after"],
            &["until"],
            &["till"],
            &["since"],
        ];
        const AFTER: &[&[&str]] = &[
            &["and", "later"],
            &["or", "later"],
            &["or", "after"],
            &["or", "earlier"],
            &["or", "before"],
        ];
        let ranged = match m.kind {
            DateTimeKind::Date | DateTimeKind::DateRange => DateTimeKind::DateRange,
            DateTimeKind::Time | DateTimeKind::TimeRange => DateTimeKind::TimeRange,
            DateTimeKind::DateTime | DateTimeKind::DateTimeRange => DateTimeKind::DateTimeRange,
            _ => return,
        };
        // A range already written out ("(2016-01-01,…)") is not widened.
        if m.timex.starts_with('(') || m.timex.is_empty() {
            return;
        }
        let words_match = |from: usize, pattern: &[&str]| {
            pattern
                .iter()
                .enumerate()
                .all(|(j, w)| self.word(from + j) == Some(*w))
        };
        if let Some(pattern) = BEFORE
            .iter()
            .find(|p| m.first >= p.len() && words_match(m.first - p.len(), p))
        {
            m.first -= pattern.len();
            m.kind = ranged;
        } else if let Some(pattern) = AFTER.iter().find(|p| words_match(m.next, p))
            // Not "before 2010 or after 2018": there the "after" belongs to what follows.
            && self.at(m.next + pattern.len()).is_none()
        {
            m.next += pattern.len();
            m.kind = ranged;
        }
    }

    /// Seasons and decades: "next spring", "summer of 2016", "the 1970s".
    fn season_or_decade(&self, i: usize) -> Option<Hit> {
        let season = |w: &str| match w {
            "summer" => Some("SU"),
            "winter" => Some("WI"),
            "spring" => Some("SP"),
            "fall" | "autumn" => Some("FA"),
            _ => None,
        };
        let w = self.word(i);
        let (offset, s_at) = match w {
            Some("this") => (Some(0), i + 1),
            Some("next") => (Some(1), i + 1),
            Some("last" | "past" | "previous") => (Some(-1), i + 1),
            Some("the") => (None, i + 1),
            _ => (None, i),
        };
        if let Some(code) = self.word(s_at).and_then(season) {
            let mut next = s_at + 1;
            let timex = if self.word(next) == Some("of")
                && let Some((y, after)) = self.year(next + 1)
            {
                next = after;
                format!("{y:04}-{code}")
            } else {
                match (offset, self.reference) {
                    (Some(o), Some(r)) => format!("{:04}-{code}", r.year + o),
                    _ => code.to_string(),
                }
            };
            return Some((next, DateTimeKind::DateRange, timex));
        }
        // "the 21st century", "15th century"
        let c_at = if w == Some("the") { i + 1 } else { i };
        if let Some((n, next)) = self.numbers.ordinal(c_at)
            && (1.0..=30.0).contains(&n)
            && self.word(next) == Some("century")
        {
            let start = (n as i32 - 1) * 100;
            return Some((
                next + 1,
                DateTimeKind::DateRange,
                format!("({start:04}-01-01,{:04}-01-01,P100Y)", start + 100),
            ));
        }
        // "the 1970s", "the 70s", "1970's"
        let d_at = if w == Some("the") { i + 1 } else { i };
        if let Some(hit) = self.decade_in_words(d_at) {
            return Some(hit);
        }
        let (v, len) = self.int(d_at)?;
        let mut next = d_at + 1;
        if self.punct(next).is_some_and(|c| c == '\'' || c == '’') {
            next += 1;
        }
        if !(self.word(next) == Some("s") && self.toks[next].glued()) {
            return None;
        }
        let start = match len {
            4 if v % 10 == 0 => v as i32,
            2 if v % 10 == 0 => 1900 + v as i32,
            _ => return None,
        };
        let span = if start % 100 == 0 && len == 4 {
            100
        } else {
            10
        };
        Some((
            next + 1,
            DateTimeKind::DateRange,
            format!("({start:04}-01-01,{:04}-01-01,P{span}Y)", start + span),
        ))
    }
}

impl Reader<'_> {
    /// A decade in words: "seventies", "nineteen seventies", "twenty-tens", "noughties",
    /// "two thousands".
    fn decade_in_words(&self, i: usize) -> Option<Hit> {
        let decade = |w: &str| -> Option<u32> {
            Some(match w {
                "tens" => 10,
                "twenties" => 20,
                "thirties" => 30,
                "forties" => 40,
                "fifties" => 50,
                "sixties" => 60,
                "seventies" => 70,
                "eighties" => 80,
                "nineties" => 90,
                _ => return None,
            })
        };
        let range = |start: i32, next: usize| {
            Some((
                next,
                DateTimeKind::DateRange,
                format!("({start:04}-01-01,{:04}-01-01,P10Y)", start + 10),
            ))
        };
        let w = self.word(i)?;
        if matches!(w, "noughties" | "aughts") {
            return range(2000, i + 1);
        }
        if w == "two" && self.word(i + 1) == Some("thousands") {
            return range(2000, i + 2);
        }
        // A century before the decade: "nineteen seventies", "twenty-tens",
        // "two thousand and tens".
        let (century, d_at) = if w == "two" && self.word(i + 1) == Some("thousand") {
            let k = if self.word(i + 2) == Some("and") {
                i + 3
            } else {
                i + 2
            };
            (Some(2000), k)
        } else if let Some(c) = teen_word(w)
            .or_else(|| (w == "twenty").then_some(20.0))
            .filter(|c| (15.0..=20.0).contains(c))
        {
            let k = if self.punct(i + 1) == Some('-') {
                i + 2
            } else {
                i + 1
            };
            (Some(c as i32 * 100), k)
        } else {
            (None, i)
        };
        let tens = self.word(d_at).and_then(decade)? as i32;
        if century.is_none() && tens == 10 {
            return None;
        }
        range(century.unwrap_or(1900) + tens, d_at + 1)
    }
}

/// Date and time expressions of a text, resolved against `reference` (at midnight) when given.
pub fn recognize_datetimes(text: &str, reference: Option<CivilDate>) -> Vec<DateTimeMention> {
    recognize_datetimes_at(text, reference, 0)
}

/// Date and time expressions of a text, resolved against `reference` at `reference_seconds`
/// into that day ("in 5 minutes", "within 2 hours" need the time of day).
pub fn recognize_datetimes_at(
    text: &str,
    reference: Option<CivilDate>,
    reference_seconds: u32,
) -> Vec<DateTimeMention> {
    let toks = lex(text);
    let reader = Reader {
        text,
        toks: &toks,
        numbers: NumberParser::new(text, &toks, NumberOptions::default()),
        reference,
        reference_seconds: i64::from(reference_seconds.min(86399)),
        news: false,
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let hit = reader.season_or_decade(i).or_else(|| reader.at(i));
        if let Some((next, kind, timex)) = hit
            && next > i
        {
            // "on 15": the day alone is the date.
            let first = if toks[i].is_word("on")
                && kind == DateTimeKind::Date
                && timex.starts_with("XXXX-XX-")
            {
                i + 1
            } else {
                i
            };
            found.push(TokMention {
                first,
                next,
                kind,
                timex,
            });
            i = next;
        } else {
            i += 1;
        }
    }
    // Joining runs until nothing more joins: "2 years 1 month 21 days ago" first joins its
    // durations, then the joined duration takes "ago".
    for _ in 0..4 {
        // Of two overlapping mentions (one widened over the other: "3 days from today", "the
        // week of April 10th"), the longer stays.
        let mut joined: Vec<TokMention> = Vec::new();
        for m in reader.combine(found.clone()) {
            match joined.last_mut() {
                Some(last) if m.first < last.next => {
                    if m.next - m.first > last.next - last.first {
                        *last = m;
                    }
                }
                _ => joined.push(m),
            }
        }
        if joined == found {
            break;
        }
        found = joined;
    }
    found
        .into_iter()
        .map(|m| DateTimeMention {
            start: toks[m.first].start,
            end: toks[m.next - 1].end,
            kind: m.kind,
            timex: m.timex,
        })
        .collect()
}

/// How far past its first token a news date may reach; joined mentions ("from March 3 to
/// April 5, 2023") fit well within it.
const NEWS_WINDOW: usize = 16;

/// The date a news text states at token `i` of `toks`, resolved against the publication date:
/// the article layer's dates, read by the same recogniser with news usage. A year-less month
/// or day is the latest one on or before publication ("In March" in a September 2023 article
/// is 2023-03), as is a bare weekday. Durations, times of day, sets and time zones are not
/// dates here, nor is a period counted from publication ("within a year", "the past two
/// years"): those stay durations.
///
/// Without a publication date a relative date ("this week", "last year") is still a date, with
/// no value: it is recognised against a stand-in reference and its value dropped.
///
/// `starts` is [`news_date_starts`] of the same tokens, computed once per text.
pub fn news_date_at(
    text: &str,
    toks: &[Tok],
    i: usize,
    published: Option<CivilDate>,
    starts: &[bool],
) -> Option<DateMatch> {
    if published.is_some() {
        return news_date_against(text, toks, i, published, starts);
    }
    // Most tokens start no date, so the stand-in reading (which finds every date, relative or
    // not) runs first and the reading without a reference only where it found one.
    let found = news_date_against(text, toks, i, Some(STAND_IN_REFERENCE), starts)?;
    news_date_against(text, toks, i, None, starts).or(Some(DateMatch {
        date: None,
        ..found
    }))
}

/// A reference date for recognising dates whose value is not wanted: the recogniser reads a
/// relative date only against some reference.
const STAND_IN_REFERENCE: CivilDate = CivilDate {
    year: 2000,
    month: 6,
    day: 15,
};

/// For each token, whether a date expression can be read from it: the recogniser's look at
/// one token, done once per text instead of once for every window that covers the token.
/// Read against a stand-in reference, so relative dates count too.
pub fn news_date_starts(text: &str, toks: &[Tok]) -> Vec<bool> {
    let reader = Reader {
        text,
        toks,
        numbers: NumberParser::new(text, toks, NumberOptions::default()),
        reference: Some(STAND_IN_REFERENCE),
        reference_seconds: 0,
        news: true,
    };
    (0..toks.len())
        .map(|k| {
            reader
                .season_or_decade(k)
                .or_else(|| reader.at(k))
                .is_some()
        })
        .collect()
}

/// [`news_date_at`] against `published` as it is.
fn news_date_against(
    text: &str,
    toks: &[Tok],
    i: usize,
    published: Option<CivilDate>,
    starts: &[bool],
) -> Option<DateMatch> {
    let starts_at = |k: usize| starts.get(k).copied().unwrap_or(false);
    let reader = Reader {
        text,
        toks,
        numbers: NumberParser::new(text, toks, NumberOptions::default()),
        reference: published,
        reference_seconds: 0,
        news: true,
    };
    let end = (i + NEWS_WINDOW).min(toks.len());
    // Most tokens start nothing: a quick look before reading the window.
    if !(i..(i + 3).min(end)).any(starts_at) {
        return None;
    }
    let mut found = Vec::new();
    let mut k = i;
    while k < end {
        if !starts_at(k) {
            k += 1;
            continue;
        }
        match reader.season_or_decade(k).or_else(|| reader.at(k)) {
            Some((next, kind, timex)) if next > k => {
                found.push(TokMention {
                    first: k,
                    next,
                    kind,
                    timex,
                });
                k = next;
            }
            _ => k += 1,
        }
    }
    for _ in 0..4 {
        let joined = reader.combine(found.clone());
        if joined == found {
            break;
        }
        found = joined;
    }
    let m = found.into_iter().find(|m| m.first <= i && i < m.next)?;
    if m.first != i || m.next > end {
        return None;
    }
    reader.news_date(&m)
}

impl Reader<'_> {
    /// A recognised mention as a news date, or None when it is not one (see `news_date_at`).
    fn news_date(&self, m: &TokMention) -> Option<DateMatch> {
        // A lone abbreviation ("Sun", "Wed", "Mar") is more often something else in news.
        if m.next == m.first + 1
            && let Some(w) = self.word(m.first)
            && (weekday_word(w).is_some() || month_word(w).is_some())
            && w.len() <= 4
        {
            // "May", "June" and "July" are names in full, but also people ("Theresa May"):
            // alone they are months only after a word that introduces a time ("in June").
            let full_name = matches!(w.to_ascii_lowercase().as_str(), "may" | "june" | "july");
            let introduced = m.first > 0
                && self.word(m.first - 1).is_some_and(|before| {
                    matches!(
                        before.to_ascii_lowercase().as_str(),
                        "in" | "since"
                            | "by"
                            | "until"
                            | "till"
                            | "from"
                            | "during"
                            | "through"
                            | "before"
                            | "after"
                            | "last"
                            | "next"
                            | "this"
                            | "early"
                            | "late"
                            | "mid"
                            | "of"
                    )
                });
            if !(full_name && introduced) {
                return None;
            }
        }
        // "1/4", "10-15" without a year are fractions and ranges in news, and "the 1960s" is
        // left to the numbers.
        let numeric = self.toks[m.first].num().is_some()
            && !(m.first..m.next).any(|k| self.word(k).and_then(month_word).is_some());
        // A month in figures ("2015.3", "11-2016") reads as a measurement in most texts.
        let numeric_month = numeric && m.timex.len() == 7;
        // "Q1", "H2" without a year are more often other things (hydrogen, a question).
        let bare_part = m.timex.contains("XXXX")
            && self
                .word(m.first)
                .is_some_and(|w| matches!(w, "q" | "h" | "q1" | "q2" | "q3" | "q4" | "h1" | "h2"));
        if (numeric && m.timex.starts_with("XXXX"))
            || numeric_month
            || bare_part
            || m.timex.ends_with(",P10Y)")
        {
            return None;
        }
        // Weekdays are capitalised in news.
        if (m.first..m.next)
            .any(|k| self.word(k).and_then(weekday_word).is_some() && !self.capitalised(k))
        {
            return None;
        }
        // A counted period ("within a year", "the past two years") is a duration.
        let counted = (m.first + 1..m.next).any(|k| {
            self.word(k).and_then(duration_unit).is_some()
                && (self.toks[k - 1].num().is_some()
                    || matches!(
                        self.word(k - 1),
                        Some("a" | "an" | "few" | "several" | "couple")
                            | Some("one" | "two" | "three")
                    )
                    || self.numbers.phrase(k - 1).is_some())
        });
        let point = matches!(m.kind, DateTimeKind::Date | DateTimeKind::DateTime);
        if counted && !point {
            return None;
        }
        if let Some(date) = self.relative_season(m) {
            return Some(DateMatch {
                first: m.first,
                next: m.next,
                date: Some(date),
                kind: DateKind::Period,
            });
        }
        let timex = match m.kind {
            DateTimeKind::Date | DateTimeKind::DateRange => m.timex.as_str(),
            // "Tuesday at 3pm", "last night": the day.
            DateTimeKind::DateTime | DateTimeKind::DateTimeRange if !m.timex.starts_with('(') => {
                m.timex.split('T').next().unwrap_or_default()
            }
            _ => return None,
        };
        let (date, kind) = self.news_resolution(timex)?;
        Some(DateMatch {
            first: m.first,
            next: m.next,
            date,
            kind,
        })
    }

    /// "last summer", "next winter", "this spring" against the publication date, as months:
    /// the season's own TIMEX only shifts the year, which misplaces a winter ("next winter" in
    /// September is the coming December, not the one a year later) and a season not yet over.
    fn relative_season(&self, m: &TokMention) -> Option<String> {
        let r = self.reference?;
        if m.next != m.first + 2 {
            return None;
        }
        let start_month: i32 = match self.word(m.first + 1)? {
            "spring" => 3,
            "summer" => 6,
            "fall" | "autumn" => 9,
            "winter" => 12,
            _ => return None,
        };
        let month = r.month as i32;
        // Months counted from year 0, so a winter runs into the next year by arithmetic.
        let now = r.year * 12 + month - 1;
        let this_year = r.year * 12 + start_month - 1;
        let start = match self.word(m.first)? {
            // The one we are in, else this calendar year's (a winter in January or February
            // began the December before).
            "this" if start_month == 12 && month <= 2 => this_year - 12,
            "this" => this_year,
            // The first to begin after this month.
            "next" | "coming" => {
                if this_year > now {
                    this_year
                } else {
                    this_year + 12
                }
            }
            // The latest to have ended before this month.
            "last" | "past" | "previous" => {
                let mut start = this_year;
                while start + 2 >= now {
                    start -= 12;
                }
                start
            }
            _ => return None,
        };
        let end = start + 2;
        Some(format!(
            "{:04}-{:02}/{:04}-{:02}",
            start.div_euclid(12),
            start.rem_euclid(12) + 1,
            end.div_euclid(12),
            end.rem_euclid(12) + 1
        ))
    }

    /// A TIMEX date, month, week, year or range as the article layer's ISO value: year-less
    /// dates and weekdays resolved to the latest on or before publication, ranges as ISO
    /// intervals ("2023-03-01/2023-05-01").
    fn news_resolution(&self, timex: &str) -> Option<(Option<String>, DateKind)> {
        let p = self.reference;
        if let Some(inner) = timex.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            let mut parts = inner.split(',');
            let (a, b) = (parts.next()?, parts.next()?);
            let a = self.news_resolution(a)?.0;
            let b = self.news_resolution(b)?.0;
            let interval = a.zip(b).map(|(a, b)| format!("{a}/{b}"));
            return Some((interval, DateKind::Period));
        }
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        let bytes = timex.as_bytes();
        match timex.len() {
            // "2023"
            4 if digits(timex) => Some((Some(timex.to_string()), DateKind::Year)),
            // "2023-SU": a season of a known year ("last summer", "the spring of 2016") as its
            // months, northern-hemisphere and meteorological, the winter running into the next
            // year. A season without its year ("in the summer") is too vague to be a date.
            7 if digits(&timex[..4]) && bytes[4] == b'-' => {
                let year: i32 = timex[..4].parse().ok()?;
                let (first, last) = match &timex[5..] {
                    "SP" => ((year, 3), (year, 5)),
                    "SU" => ((year, 6), (year, 8)),
                    "FA" => ((year, 9), (year, 11)),
                    "WI" => ((year, 12), (year + 1, 2)),
                    months if digits(months) => {
                        return Some((Some(timex.to_string()), DateKind::Month));
                    }
                    _ => return None,
                };
                let interval = format!("{:04}-{:02}/{:04}-{:02}", first.0, first.1, last.0, last.1);
                Some((Some(interval), DateKind::Period))
            }
            // "2023-03", "XXXX-03"
            7 if bytes[4] == b'-' && digits(&timex[5..]) => {
                let month: u32 = timex[5..].parse().ok()?;
                let date = if digits(&timex[..4]) {
                    Some(timex.to_string())
                } else {
                    Some(match p {
                        Some(p) => {
                            let year = if month <= p.month { p.year } else { p.year - 1 };
                            format!("{year:04}-{month:02}")
                        }
                        None => format!("--{month:02}"),
                    })
                };
                Some((date, DateKind::Month))
            }
            // "2023-W37"
            8 if &timex[4..6] == "-W" => Some((Some(timex.to_string()), DateKind::Week)),
            // "2023-09-14", "XXXX-09-14", "XXXX-XX-14"
            10 if digits(&timex[8..]) => {
                if digits(&timex[..4]) && digits(&timex[5..7]) {
                    return Some((Some(timex.to_string()), DateKind::Day));
                }
                let day: u32 = timex[8..].parse().ok()?;
                let month: Option<u32> = timex[5..7].parse().ok();
                let date = match (month, p) {
                    (Some(month), Some(p)) => {
                        let year = if (month, day) <= (p.month, p.day) {
                            p.year
                        } else {
                            p.year - 1
                        };
                        Some(format!("{year:04}-{month:02}-{day:02}"))
                    }
                    (None, Some(p)) => {
                        let back = if day <= p.day { 0 } else { 1 };
                        let total = p.year * 12 + p.month as i32 - 1 - back;
                        Some(format!(
                            "{:04}-{:02}-{day:02}",
                            total.div_euclid(12),
                            total.rem_euclid(12) + 1
                        ))
                    }
                    (Some(month), None) => Some(format!("--{month:02}-{day:02}")),
                    (None, None) => None,
                };
                Some((date, DateKind::Day))
            }
            // "XXXX-WXX-2": the latest such weekday on or before publication.
            10 if timex.starts_with("XXXX-WXX-") => {
                let wd: u32 = timex[9..].parse().ok()?;
                let date = p
                    .zip(wd.checked_sub(1))
                    .map(|(p, wd)| weekday_near(p, wd, -1).iso());
                Some((date, DateKind::Day))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first news date in `text`, published on 2023-09-14 (a Thursday): its text and value.
    fn news(text: &str) -> Option<(String, Option<String>, DateKind)> {
        let toks = lex(text);
        let published = CivilDate::parse_iso("2023-09-14");
        (0..toks.len()).find_map(|i| {
            news_date_at(text, &toks, i, published, &news_date_starts(text, &toks)).map(|d| {
                let span = text[toks[d.first].start..toks[d.next - 1].end].to_string();
                (span, d.date, d.kind)
            })
        })
    }

    #[test]
    fn news_dates_resolve_against_publication() {
        let value = |text: &str| news(text).and_then(|(_, date, _)| date);
        assert_eq!(value("In March, prices rose.").as_deref(), Some("2023-03"));
        assert_eq!(
            value("In November, prices rose.").as_deref(),
            Some("2022-11")
        );
        assert_eq!(
            value("Talks resume this week.").as_deref(),
            Some("2023-W37")
        );
        assert_eq!(value("Sales fell last year.").as_deref(), Some("2022"));
        assert_eq!(value("He spoke on Tuesday.").as_deref(), Some("2023-09-12"));
        assert_eq!(
            value("He spoke last Friday.").as_deref(),
            Some("2023-09-08")
        );
        assert_eq!(
            value("It opened on 3 March.").as_deref(),
            Some("2023-03-03")
        );
        assert_eq!(
            value("It closed two weeks ago.").as_deref(),
            Some("2023-08-31")
        );
        assert_eq!(
            value("from March to May 2023").as_deref(),
            Some("2023-03-01/2023-05-01")
        );
        assert_eq!(news("In March").map(|(_, _, k)| k), Some(DateKind::Month));
    }

    #[test]
    fn seasons_of_a_known_year_are_periods_of_months() {
        let found = |text: &str| news(text).map(|(span, date, _)| (span, date));
        assert_eq!(
            found("It delivered two ferries last summer."),
            Some((
                "last summer".to_string(),
                Some("2023-06/2023-08".to_string())
            ))
        );
        // Published in September 2023: the coming winter, the summer just gone.
        assert_eq!(
            found("Talks resume next winter."),
            Some((
                "next winter".to_string(),
                Some("2023-12/2024-02".to_string())
            ))
        );
        assert_eq!(
            found("It rained this summer.").map(|(_, date)| date),
            Some(Some("2023-06/2023-08".to_string()))
        );
        assert_eq!(
            found("It snowed last winter.").map(|(_, date)| date),
            Some(Some("2022-12/2023-02".to_string()))
        );
        assert_eq!(
            found("It opens next summer.").map(|(_, date)| date),
            Some(Some("2024-06/2024-08".to_string()))
        );
        assert_eq!(
            found("in the spring of 2016").map(|(_, date)| date),
            Some(Some("2016-03/2016-05".to_string()))
        );
        assert_eq!(
            news("last autumn").map(|(_, _, kind)| kind),
            Some(DateKind::Period)
        );
        // Without its year a season is no date.
        assert_eq!(news("a summer camp"), None);
    }

    #[test]
    fn without_publication_relative_dates_are_dates_without_value() {
        let toks = lex("Talks resume this week, as in March.");
        let text = "Talks resume this week, as in March.";
        let found: Vec<(String, Option<String>)> = (0..toks.len())
            .filter_map(|i| news_date_at(text, &toks, i, None, &news_date_starts(text, &toks)))
            .map(|d| {
                (
                    text[toks[d.first].start..toks[d.next - 1].end].to_string(),
                    d.date,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("this week".to_string(), None),
                ("March".to_string(), Some("--03".to_string()))
            ]
        );
    }

    #[test]
    fn short_month_names_are_months_after_a_time_word_and_leave_the_full_stop() {
        let found = |text: &str| news(text).map(|(span, date, _)| (span, date));
        assert_eq!(
            found("Sales fell in June."),
            Some(("June".to_string(), Some("2023-06".to_string())))
        );
        assert_eq!(
            found("It was agreed in May and signed later."),
            Some(("May".to_string(), Some("2023-05".to_string())))
        );
        assert_eq!(news("Theresa May said no."), None);
        assert_eq!(news("June Carter sang."), None);
        assert_eq!(
            found("It opened on Sept. 3, 2021.").map(|(span, _)| span),
            Some("Sept. 3, 2021".to_string())
        );
    }

    #[test]
    fn news_durations_and_verbs_are_not_dates() {
        assert_eq!(news("They must deliver within a year."), None);
        assert_eq!(news("over the past two years"), None);
        assert_eq!(news("Protesters march on the capital."), None);
        // An ordinal before a noun is no day of the month.
        assert_eq!(news("She won for the second time."), None);
        assert!(news("The vote is on the second.").is_some());
        assert_eq!(news("The Sun reported it."), None);
        assert_eq!(news("a 1/4 inch gap"), None);
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter_sunday(2018).iso(), "2018-04-01");
        assert_eq!(easter_sunday(2019).iso(), "2019-04-21");
        assert_eq!(easter_sunday(2024).iso(), "2024-03-31");
    }

    fn first(text: &str) -> Option<(String, &'static str, String)> {
        let reference = CivilDate::parse_iso("2016-11-07");
        recognize_datetimes(text, reference)
            .into_iter()
            .next()
            .map(|m| (text[m.start..m.end].to_string(), m.kind.as_str(), m.timex))
    }

    #[test]
    fn dates_times_durations() {
        // (text, span, kind, TIMEX) against a reference of 2016-11-07.
        let cases = [
            ("I'll go back Oct. 2", "Oct. 2", "date", "XXXX-10-02"),
            ("back 21/04/2016", "21/04/2016", "date", "2016-04-21"),
            (
                "back tomorrow 8:00am",
                "tomorrow 8:00am",
                "datetime",
                "2016-11-08T08:00",
            ),
            ("leave for 3 hours", "3 hours", "duration", "PT3H"),
            ("back 7:56pm", "7:56pm", "time", "T19:56"),
            ("next week", "next week", "daterange", "2016-W46"),
            ("leave weekly", "weekly", "set", "P1W"),
        ];
        for (text, span, kind, timex) in cases {
            assert_eq!(
                first(text),
                Some((span.to_string(), kind, timex.to_string())),
                "{text}"
            );
        }
    }
}
