//! A user's actor dictionary in the Phoenix/PETRARCH (TABARI) format, and the coding of the
//! entities layer with it: event-data users keep their CAMEO actor codes and the dated roles of
//! the people in them ("Vladimir Putin: RUSELI until 1999-08-09, RUSGOV from 2008-05-08"), and
//! want newsfacts' entities to carry those codes.
//!
//! The format, as the Phoenix dictionaries write it:
//!
//! ```text
//! VLADIMIR_PUTIN_  # CountryInfo.txt        an entry: its primary phrase, optional [CODE]s
//! +PRESIDENT_VLADIMIR_PUTIN_                 a synonym phrase
//!     [RUSELI 700101-990809]                 a dated code (tab-indented): from-to, inclusive
//!     [RUSGOV >080508]                       on and after; `<date` on and before
//!     [RUSELI]                               the default code; `---` is the null code
//! ```
//!
//! Words are joined by `_` or spaces; a phrase that does not end with `_` also matches longer
//! forms of its last word (TABARI's stems: "AFGHANISTAN" for "Afghanistan's"). Dates are
//! YYYYMMDD or YYMMDD (00–30 meaning 20YY, as in TABARI). Comments start with `#` or `;`, or
//! are `<!-- … -->`. Real dictionaries hold a few restrictions no reader can make sense of
//! (a seven-digit date, a single date); [`ActorDictionary::read`] lists those and leaves them
//! out, rather than failing the whole file.
//!
//! Reading the file is the caller's business: this module parses text, so the pipeline stays
//! free of I/O.

use std::collections::HashMap;

use newsfacts_doc::{ActorCoding, DatedActorCode, Entity};

/// Shortest stem (in characters) a phrase without a closing `_` may match as a prefix: short
/// stems ("UN") would match unrelated words.
const MIN_STEM_CHARS: usize = 4;

/// Why an actor dictionary could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActorDictionaryError {
    #[error("no actor entry found (is this a Phoenix/PETRARCH .actors file?)")]
    Empty,
}

/// A parsed actor dictionary, indexed by phrase.
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    entries: Vec<ActorEntry>,
    /// Normalised whole phrase → entries.
    exact: HashMap<String, Vec<usize>>,
    /// Normalised phrase without its last word → (stem of the last word, entry), for phrases
    /// not closed by `_`.
    stems: HashMap<String, Vec<(String, usize)>>,
}

#[derive(Debug, Clone)]
struct ActorEntry {
    primary: String,
    codes: Vec<Restriction>,
}

/// One `[CODE dates]` of an entry. Dates are `yyyymmdd` numbers, so that they compare.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Restriction {
    /// `None` for the null code `---`.
    code: Option<String>,
    from: Option<u32>,
    to: Option<u32>,
}

impl Restriction {
    fn is_default(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    fn covers(&self, date: u32) -> bool {
        !self.is_default()
            && self.from.is_none_or(|from| from <= date)
            && self.to.is_none_or(|to| date <= to)
    }
}

impl ActorDictionary {
    /// Parses the text of one dictionary file.
    pub fn parse(text: &str) -> Result<ActorDictionary, ActorDictionaryError> {
        let mut dictionary = ActorDictionary::default();
        dictionary.read(text)?;
        Ok(dictionary)
    }

    /// Adds the entries of one more dictionary file (several files are used together, as
    /// PETRARCH does with its country, international and non-state actor files). Returns what
    /// was left out while reading it, one line each ("line 12: …").
    pub fn read(&mut self, text: &str) -> Result<Vec<String>, ActorDictionaryError> {
        let first_entry = self.entries.len();
        let mut problems = Vec::new();
        let mut in_xml_comment = false;
        let mut current: Option<usize> = None;
        for (index, raw) in text.lines().enumerate() {
            let line_number = index + 1;
            let line = strip_comments(raw, &mut in_xml_comment);
            let trimmed = line.trim();
            if trimmed.is_empty() {
                continue;
            }
            if let Some(synonym) = trimmed.strip_prefix('+') {
                match current {
                    Some(entry) => self.add_phrase(synonym, entry),
                    None => {
                        problems.push(format!("line {line_number}: a synonym before any entry"))
                    }
                }
                continue;
            }
            if trimmed.starts_with('[') {
                match current {
                    Some(entry) => {
                        self.add_restrictions(trimmed, entry, line_number, &mut problems)
                    }
                    None => problems.push(format!("line {line_number}: a code before any entry")),
                }
                continue;
            }
            let (phrase, restrictions) = match trimmed.find('[') {
                Some(at) => (&trimmed[..at], &trimmed[at..]),
                None => (trimmed, ""),
            };
            if normalised_words(phrase).is_empty() {
                problems.push(format!("line {line_number}: an entry without a phrase"));
                current = None;
                continue;
            }
            let entry = self.entries.len();
            self.entries.push(ActorEntry {
                primary: phrase.trim().to_string(),
                codes: Vec::new(),
            });
            self.add_phrase(phrase, entry);
            self.add_restrictions(restrictions, entry, line_number, &mut problems);
            current = Some(entry);
        }
        if self.entries.len() == first_entry {
            return Err(ActorDictionaryError::Empty);
        }
        Ok(problems)
    }

    /// How many entries the dictionary holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn add_phrase(&mut self, phrase: &str, entry: usize) {
        let phrase = phrase.trim();
        let words = normalised_words(phrase);
        let Some((last, rest)) = words.split_last() else {
            return;
        };
        self.exact.entry(words.join(" ")).or_default().push(entry);
        if !phrase.ends_with('_') && last.chars().count() >= MIN_STEM_CHARS {
            self.stems
                .entry(rest.join(" "))
                .or_default()
                .push((last.clone(), entry));
        }
    }

    fn add_restrictions(
        &mut self,
        text: &str,
        entry: usize,
        line_number: usize,
        problems: &mut Vec<String>,
    ) {
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find(']') else {
                problems.push(format!("line {line_number}: an unclosed [ in {text:?}"));
                return;
            };
            let inside = &rest[open + 1..open + close];
            match parse_restriction(inside) {
                Ok(restriction) => self.entries[entry].codes.push(restriction),
                Err(problem) => problems.push(format!("line {line_number}: [{inside}]: {problem}")),
            }
            rest = &rest[open + close + 1..];
        }
    }

    /// The entry a name matches: the whole phrase first, then a stem entry whose last word
    /// begins the name's last word. The first entry of the dictionary wins a tie.
    fn lookup(&self, name: &str) -> Option<usize> {
        let words = normalised_words(name);
        let (last, rest) = words.split_last()?;
        if let Some(entries) = self.exact.get(&words.join(" ")) {
            return entries.first().copied();
        }
        self.stems
            .get(&rest.join(" "))?
            .iter()
            .find(|(stem, _)| last.starts_with(stem.as_str()))
            .map(|(_, entry)| *entry)
    }

    /// The coding of an entity: its canonical name, then its other names, longest first, are
    /// looked up; `published` (an ISO date, or a timestamp starting with one) picks the code in
    /// force.
    pub fn code_entity(&self, entity: &Entity, published: Option<&str>) -> Option<ActorCoding> {
        let mut names: Vec<&str> = entity
            .mentions
            .iter()
            .filter(|m| m.label.as_deref().is_none_or(is_name_label))
            .map(|m| m.text.as_str())
            .collect();
        names.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
        names.insert(0, entity.name.as_str());
        let (matched, entry) = names
            .iter()
            .find_map(|name| Some((*name, self.lookup(name)?)))?;
        let entry = &self.entries[entry];
        let in_force = match published.and_then(iso_date_number) {
            Some(date) => entry.codes.iter().find(|r| r.covers(date)),
            // Without a date, the code the dictionary gives for the present (a range still
            // open, the latest to start), as most news is read soon after it is written.
            None => entry
                .codes
                .iter()
                .filter(|r| r.from.is_some() && r.to.is_none())
                .max_by_key(|r| r.from),
        }
        .or_else(|| entry.codes.iter().find(|r| r.is_default()));
        Some(ActorCoding {
            entry: entry.primary.clone(),
            matched: matched.to_string(),
            code: in_force.and_then(|r| r.code.clone()),
            codes: entry
                .codes
                .iter()
                .map(|r| DatedActorCode {
                    code: r.code.clone(),
                    from: r.from.map(iso_of),
                    to: r.to.map(iso_of),
                })
                .collect(),
        })
    }

    /// Codes every entity of the document that the dictionary knows.
    pub fn code_entities(&self, entities: &mut [Entity], published: Option<&str>) {
        for entity in entities {
            entity.actor = self.code_entity(entity, published);
        }
    }
}

/// Mention forms that name the entity (not "he", "the minister" or "the former").
fn is_name_label(label: &str) -> bool {
    matches!(label, "name" | "surname" | "title" | "demonym")
}

/// The line without its comments; tracks `<!-- … -->` across lines.
fn strip_comments(line: &str, in_xml_comment: &mut bool) -> String {
    let mut out = String::new();
    let mut rest = line;
    loop {
        if *in_xml_comment {
            match rest.find("-->") {
                Some(end) => {
                    *in_xml_comment = false;
                    rest = &rest[end + 3..];
                }
                None => return out,
            }
        }
        match rest.find("<!--") {
            Some(start) => {
                out.push_str(&rest[..start]);
                *in_xml_comment = true;
                rest = &rest[start + 4..];
            }
            None => {
                out.push_str(rest);
                break;
            }
        }
    }
    let end = out.find(['#', ';']).unwrap_or(out.len());
    out.truncate(end);
    out
}

/// The words of a phrase or name, compared without case, periods or apostrophes, and with `_`,
/// `-` and spaces all separating words: "VLADIMIR_V._PUTIN_" and "Vladimir V. Putin" both give
/// VLADIMIR V PUTIN.
fn normalised_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .map(|word| {
            word.chars()
                .filter(|c| !matches!(c, '.' | '\'' | '’'))
                .flat_map(char::to_uppercase)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect()
}

/// `CODE`, `CODE <date`, `CODE >date`, `CODE date-date` (spaces around the signs allowed).
fn parse_restriction(inside: &str) -> Result<Restriction, String> {
    let inside = inside.trim();
    let (code, dates) = match inside.find(char::is_whitespace) {
        Some(at) => (&inside[..at], inside[at..].trim()),
        None => (inside, ""),
    };
    if code.is_empty() {
        return Err("no code".to_string());
    }
    let code = (code != "---").then(|| code.to_string());
    let dates: String = dates.chars().filter(|c| !c.is_whitespace()).collect();
    let (from, to) = if dates.is_empty() {
        (None, None)
    } else if let Some(before) = dates.strip_prefix('<') {
        (None, Some(parse_date(before)?))
    } else if let Some(after) = dates.strip_prefix('>') {
        (Some(parse_date(after)?), None)
    } else if let Some((from, to)) = dates.split_once('-') {
        (Some(parse_date(from)?), Some(parse_date(to)?))
    } else {
        return Err(format!(
            "{dates:?} is not <date, >date or date-date; a single date has no direction"
        ));
    };
    Ok(Restriction { code, from, to })
}

/// YYYYMMDD or YYMMDD (00–30 → 20YY, else 19YY) as the number yyyymmdd.
fn parse_date(text: &str) -> Result<u32, String> {
    let invalid = || format!("{text:?} is not a YYMMDD or YYYYMMDD date");
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let number: u32 = text.parse().map_err(|_| invalid())?;
    let (year, month, day) = match text.len() {
        6 => {
            let yy = number / 10_000;
            let year = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            (year, number / 100 % 100, number % 100)
        }
        8 => (number / 10_000, number / 100 % 100, number % 100),
        _ => return Err(invalid()),
    };
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return Err(invalid());
    }
    Ok(year * 10_000 + month * 100 + day)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The yyyymmdd number of an ISO date or timestamp ("2023-09-14", "2023-09-14T08:00:00Z").
fn iso_date_number(published: &str) -> Option<u32> {
    let date = published.get(..10)?;
    let mut parts = date.split('-');
    let year: u32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some(year * 10_000 + month * 100 + day)
}

fn iso_of(number: u32) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        number / 10_000,
        number / 100 % 100,
        number % 100
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfacts_doc::{EntityKind, Mention};

    /// An invented dictionary in the Phoenix layout, with the quirks real ones have.
    const DICTIONARY: &str = "\
<!-- an invented dictionary
     for the tests -->
# comment line
NORTHLAND_  [NRL]
+NORTHLANDIC_
+REPUBLIC_OF_NORTHLAND_ ; old-style comment

ANA_RUIZ_  # CountryInfo.txt
+PRESIDENT_ANA_RUIZ_
\t[NRLELI 700101-991231]
\t[NRLGOV >20000101]
\t[NRLELI]
HARBOUR_AUTHORITY  [NRLBUS] [---  <850101]
JON_PIKE_
\t[NRLOPP 2004017-20061201]
\t[NRLOPP 20121204]
+JONATHAN_PIKE_
";

    fn entity(name: &str, mentions: &[(&str, &str)]) -> Entity {
        Entity {
            id: "e1".into(),
            kind: EntityKind::Person,
            name: name.into(),
            roles: Vec::new(),
            mentions: mentions
                .iter()
                .map(|(text, label)| Mention {
                    start: 0,
                    end: text.chars().count(),
                    text: (*text).into(),
                    label: Some((*label).into()),
                })
                .collect(),
            actor: None,
        }
    }

    #[test]
    fn entries_synonyms_dated_codes_and_comments_are_read() {
        let dictionary = ActorDictionary::parse(DICTIONARY).expect("parses");
        assert_eq!(dictionary.len(), 4);
        let ruiz = entity("Ana Ruiz", &[("President Ana Ruiz", "title")]);
        let coding = dictionary
            .code_entity(&ruiz, Some("2023-09-14T08:00:00Z"))
            .expect("coded");
        assert_eq!(coding.entry, "ANA_RUIZ_");
        assert_eq!(coding.code.as_deref(), Some("NRLGOV"));
        assert_eq!(coding.codes.len(), 3);
        assert_eq!(coding.codes[0].from.as_deref(), Some("1970-01-01"));
        assert_eq!(coding.codes[0].to.as_deref(), Some("1999-12-31"));
        // Before 2000 she was an elite; without a date, the range still open applies.
        let then = dictionary
            .code_entity(&ruiz, Some("1995-05-01"))
            .expect("coded");
        assert_eq!(then.code.as_deref(), Some("NRLELI"));
        let undated = dictionary.code_entity(&ruiz, None).expect("coded");
        assert_eq!(undated.code.as_deref(), Some("NRLGOV"));
        // A date no range covers falls back on the default code.
        let early = dictionary
            .code_entity(&ruiz, Some("1960-05-01"))
            .expect("coded");
        assert_eq!(early.code.as_deref(), Some("NRLELI"));
    }

    #[test]
    fn names_match_by_any_mention_and_stems_match_longer_words() {
        let dictionary = ActorDictionary::parse(DICTIONARY).expect("parses");
        let place = entity("Northland", &[("Northlandic", "demonym")]);
        let coding = dictionary.code_entity(&place, None).expect("coded");
        assert_eq!(coding.code.as_deref(), Some("NRL"));
        // "HARBOUR_AUTHORITY" has no closing underscore: "Harbour Authority's" is a stem match.
        let authority = entity("Harbour Authority's", &[]);
        let coding = dictionary
            .code_entity(&authority, Some("2020-01-01"))
            .expect("coded");
        assert_eq!(coding.code.as_deref(), Some("NRLBUS"));
        // The null code applies before 1985.
        let coding = dictionary
            .code_entity(&authority, Some("1980-01-01"))
            .expect("coded");
        assert_eq!(coding.code, None);
        // A closed phrase does not match a longer word; a pronoun never matches.
        assert!(
            dictionary
                .code_entity(&entity("Northlanders", &[("he", "pronoun")]), None)
                .is_none()
        );
    }

    #[test]
    fn unreadable_restrictions_are_reported_and_left_out() {
        let mut dictionary = ActorDictionary::default();
        let problems = dictionary.read(DICTIONARY).expect("reads");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("line 15") && problems[0].contains("2004017"));
        assert!(problems[1].contains("single date"));
        let pike = entity("Jonathan Pike", &[]);
        let coding = dictionary.code_entity(&pike, None).expect("coded");
        assert!(coding.codes.is_empty());
        assert_eq!(coding.code, None);
    }

    #[test]
    fn a_file_without_entries_is_an_error() {
        assert_eq!(
            ActorDictionary::parse("# only a comment\n\n<!-- and this -->\n").err(),
            Some(ActorDictionaryError::Empty)
        );
    }

    #[test]
    fn dates_follow_the_tabari_century_rule_and_are_validated() {
        assert_eq!(parse_date("300101"), Ok(20300101));
        assert_eq!(parse_date("310101"), Ok(19310101));
        assert_eq!(parse_date("20120229"), Ok(20120229));
        assert!(parse_date("20100229").is_err());
        assert!(parse_date("991331").is_err());
    }
}
