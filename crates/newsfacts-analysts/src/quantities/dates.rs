//! The calendar under the date recognisers: civil dates and their arithmetic, ISO weeks, month
//! and weekday names, and the date a news text states (`DateMatch`). Dates in text are read by
//! `datetime` (`datetime::news_date_at` for the article layer), which resolves them against
//! the publication date with news usage.

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

/// A date a news text states, in tokens, with its resolved value.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMatch {
    /// Tokens `first..next`.
    pub first: usize,
    pub next: usize,
    /// The resolved ISO date, partial date ("2023-03", "2023"), week ("2023-W37"), interval
    /// ("2023-03-01/2023-05-01"), or a year-less month or day ("--03", "--03-15") when the
    /// publication date is unknown.
    pub date: Option<String>,
    pub kind: DateKind,
}

/// How much of the calendar a stated date covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    Day,
    Week,
    Month,
    Year,
    /// A span of days, months or years ("from March to May", "the 1970s"): an ISO interval.
    Period,
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
