//! The word lists the sentence segmenter consults: English abbreviations by how they behave
//! before the next word, the closed-class words that typically open a sentence, time zones, and
//! the prepositions that open a fronted time phrase.
//!
//! Lookups take the word without its final period and are allocation-free: ASCII words are
//! lower-cased into a small stack buffer and matched against `match` tables the compiler turns
//! into fast comparisons.

/// How an abbreviation behaves when its period is followed by a capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbreviationKind {
    /// Titles written before a name ("Mr.", "Dr.", "Gov.", "St."): never end a sentence.
    Title,
    /// Abbreviations that always continue the sentence ("e.g.", "i.e.", "vs.", "cf.").
    Continuing,
    /// Abbreviations written before a number ("No. 5", "p. 55", "Vol. 2", "c. 1900").
    BeforeNumber,
    /// Months and weekdays ("Jan. 5", "Sept. 11", "Tues."): continue before a number or another
    /// date word, end the sentence before any other capitalised word.
    Calendar,
    /// Clock times ("a.m.", "p.m."): end the sentence before a capitalised word unless a time
    /// zone follows.
    Time,
    /// Abbreviations that close a company's or a person's name ("Inc.", "Ltd.", "Co.", "Jr."):
    /// a capitalised word after them starts a new sentence, a parenthesis does not ("Bob Casey
    /// Jr. (D-Pa.)").
    NameSuffix,
    /// Abbreviations that close a list or a degree ("etc.", "et al.", "Ph.D."): a capitalised
    /// word after them starts a new sentence.
    Closing,
    /// Everything else ("Calif.", "Dept.", "Ave.", "approx."): often followed by a capitalised
    /// name mid-sentence, so only a word that typically opens a sentence ends it.
    Ambiguous,
}

/// Longest word (in bytes) the tables hold; longer words are never abbreviations.
const MAX_ABBREVIATION_LEN: usize = 12;

/// Lower-cases an ASCII word (letters, digits, periods, `°`/`º` allowed) into `buf`; `None` for
/// anything longer than the tables hold.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; MAX_ABBREVIATION_LEN]) -> Option<&'b str> {
    if word.is_empty() || word.len() > MAX_ABBREVIATION_LEN {
        return None;
    }
    for (slot, byte) in buf.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..word.len()]).ok()
}

/// The kind of `word` (without its final period) as an abbreviation, or `None` when it is not
/// one. Case matters where an abbreviation collides with an English word: titles and US states
/// only count when capitalised ("Ill." is Illinois, "ill." is not), single letters are left to
/// the caller.
pub(crate) fn abbreviation_kind(word: &str) -> Option<AbbreviationKind> {
    let mut buf = [0u8; MAX_ABBREVIATION_LEN];
    let lower = ascii_lower(word, &mut buf)?;
    if is_all_capitals(word) {
        // "SEC", "FT", "MS", "NHS": acronyms, which end sentences like any word.
        return None;
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    if capitalised && is_title(lower) {
        return Some(AbbreviationKind::Title);
    }
    if capitalised && is_capitalised_place(lower) {
        return Some(AbbreviationKind::Ambiguous);
    }
    if capitalised && is_calendar(lower) {
        return Some(AbbreviationKind::Calendar);
    }
    // "v." is "versus" only in lower case; "V." is an initial, left to the caller.
    if word == "v" {
        return Some(AbbreviationKind::Continuing);
    }
    // "No. 5" but "said no.": the number sign only when capitalised.
    if capitalised && matches!(lower, "no" | "nos") {
        return Some(AbbreviationKind::BeforeNumber);
    }
    // Abbreviations that are also everyday words in lower case ("art", "app", "min", "fed",
    // "temp") are left out: a sentence ends after the word far more often than the
    // abbreviation continues one.
    let kind = match lower {
        "e.g" | "i.e" | "cf" | "viz" | "vs" | "ibid" | "resp" => AbbreviationKind::Continuing,
        "nr" | "n°" | "nº" | "p" | "pp" | "pg" | "vol" | "vols" | "fig" | "figs" | "ch"
        | "chap" | "sect" | "secs" | "para" | "paras" | "c" | "ca" | "b" | "d" | "appx"
        | "approx" => AbbreviationKind::BeforeNumber,
        "a.m" | "p.m" | "am" | "pm" => AbbreviationKind::Time,
        "inc" | "ltd" | "co" | "corp" | "llc" | "plc" | "pty" | "gmbh" | "s.a" | "n.v" | "b.v"
        | "jr" | "sr" | "snr" | "jnr" | "bros" | "esq" => AbbreviationKind::NameSuffix,
        "etc" | "al" | "ph.d" | "m.d" | "b.a" | "m.a" | "b.sc" | "m.sc" | "d.phil" | "ll.b"
        | "ll.m" => AbbreviationKind::Closing,
        "dept" | "depts" | "univ" | "govt" | "gov't" | "assn" | "asst" | "assoc" | "ave" | "av"
        | "blvd" | "rd" | "st" | "hwy" | "fwy" | "pkwy" | "expy" | "sq" | "ft" | "yd" | "yds"
        | "oz" | "lb" | "lbs" | "hr" | "hrs" | "mins" | "yr" | "yrs" | "mos" | "wk" | "wks"
        | "misc" | "intl" | "natl" | "mfg" | "mgr" | "mgmt" | "bldg" | "apt" | "rm" | "acad"
        | "jct" | "mtn" | "cres" | "ct" | "pl" | "tce" | "hosp" | "adj" | "adv" | "abbr"
        | "anon" | "attn" | "encl" | "incl" | "mt" | "mts" | "orig" | "pref" | "prob" | "qtr"
        | "transl" | "treas" | "wt" | "kt" | "cu" | "dia" | "deg" | "vers" | "ver" | "esp"
        | "fn" | "illus" | "mss" | "tr" | "bk" | "bks" | "cp" => AbbreviationKind::Ambiguous,
        _ => return None,
    };
    Some(kind)
}

/// A word of two or more letters, all capitals ("SEC", "U.K" is not: it has one letter per
/// group and is left to the dotted-acronym rule).
fn is_all_capitals(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        } else if c == '.' {
            return false;
        }
    }
    letters >= 2
}

/// Units written after a number ("21.72 secs.", "6 ft."): after a number, such an abbreviation
/// ends the sentence before a capitalised word like any word would.
pub(crate) fn is_unit(word: &str) -> bool {
    let mut buf = [0u8; MAX_ABBREVIATION_LEN];
    let Some(lower) = ascii_lower(word, &mut buf) else {
        return false;
    };
    matches!(
        lower,
        "sec"
            | "secs"
            | "min"
            | "mins"
            | "hr"
            | "hrs"
            | "yr"
            | "yrs"
            | "mo"
            | "mos"
            | "wk"
            | "wks"
            | "lb"
            | "lbs"
            | "oz"
            | "ft"
            | "yd"
            | "yds"
            | "mi"
            | "km"
            | "kg"
            | "cm"
            | "mm"
            | "in"
            | "mph"
            | "kph"
            | "pts"
            | "pt"
            | "gal"
            | "sq"
            | "cu"
            | "deg"
    )
}

/// Titles and ranks written before a name.
fn is_title(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mrs"
            | "ms"
            | "mx"
            | "messrs"
            | "mssrs"
            | "mmes"
            | "mme"
            | "mlle"
            | "dr"
            | "drs"
            | "prof"
            | "profs"
            | "gov"
            | "govs"
            | "sen"
            | "sens"
            | "rep"
            | "reps"
            | "rev"
            | "revd"
            | "hon"
            | "pres"
            | "supt"
            | "gen"
            | "col"
            | "lt"
            | "capt"
            | "cmdr"
            | "comdr"
            | "cdr"
            | "adm"
            | "maj"
            | "sgt"
            | "cpl"
            | "pvt"
            | "pfc"
            | "spc"
            | "ens"
            | "brig"
            | "fr"
            | "msgr"
            | "st"
            | "ste"
            | "mt"
            | "ft"
            | "atty"
            | "attys"
            | "amb"
            | "insp"
            | "det"
            | "sec"
            | "secy"
            | "lieut"
            | "cmdt"
            | "sra"
            | "srta"
            | "sgt.maj"
            | "h.e"
            | "h.m"
            | "h.r.h"
            | "rt"
    )
}

/// US states and Canadian provinces whose abbreviation is also an English word in lower case.
fn is_capitalised_place(lower: &str) -> bool {
    matches!(
        lower,
        "ala"
            | "alta"
            | "ariz"
            | "calif"
            | "colo"
            | "conn"
            | "dak"
            | "del"
            | "fla"
            | "ga"
            | "ill"
            | "ind"
            | "kan"
            | "kans"
            | "ky"
            | "la"
            | "md"
            | "mass"
            | "mich"
            | "minn"
            | "mont"
            | "neb"
            | "nebr"
            | "nev"
            | "okla"
            | "ont"
            | "pa"
            | "penn"
            | "penna"
            | "tenn"
            | "tex"
            | "ut"
            | "va"
            | "vt"
            | "wash"
            | "wis"
            | "wisc"
            | "wyo"
            | "que"
            | "sask"
            | "nfld"
    )
}

/// Months and weekdays ("Mon.", "Wed.", "Sat.", "Sun." are left out: as capitalised words they
/// are far more often a name or a word than a day).
fn is_calendar(lower: &str) -> bool {
    matches!(
        lower,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "tue"
            | "tues"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
    )
}

/// Whether `word` (a capitalised word, as written) is a closed-class word that typically opens
/// an English sentence: pronouns, determiners, conjunctions, prepositions, auxiliaries,
/// wh-words and sentence adverbs. After an ambiguous abbreviation or an initial, such a word
/// signals a new sentence ("I live in the U.S. How about you?") where a name would not ("the
/// U.S. Government").
pub(crate) fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "A" | "An"
            | "The"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Then"
            | "Their"
            | "They"
            | "He"
            | "She"
            | "It"
            | "Its"
            | "I"
            | "We"
            | "You"
            | "Your"
            | "Our"
            | "My"
            | "His"
            | "Her"
            | "In"
            | "On"
            | "At"
            | "For"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "Nor"
            | "If"
            | "When"
            | "While"
            | "Whilst"
            | "After"
            | "Before"
            | "Since"
            | "As"
            | "Although"
            | "Though"
            | "Because"
            | "However"
            | "Meanwhile"
            | "Moreover"
            | "Furthermore"
            | "Instead"
            | "Still"
            | "Also"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Whom"
            | "Whose"
            | "Where"
            | "Which"
            | "Did"
            | "Do"
            | "Does"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Has"
            | "Have"
            | "Had"
            | "Would"
            | "Can"
            | "Could"
            | "Should"
            | "Shall"
            | "Might"
            | "Must"
            | "Many"
            | "Some"
            | "Most"
            | "All"
            | "Both"
            | "Each"
            | "Every"
            | "Few"
            | "No"
            | "Not"
            | "None"
            | "Now"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Last"
            | "Once"
            | "Other"
            | "Others"
            | "Such"
            | "Here"
            | "From"
            | "By"
            | "With"
            | "Without"
            | "Under"
            | "Over"
            | "Among"
            | "During"
            | "Despite"
            | "According"
            | "Only"
            | "Even"
            | "Just"
            | "Yes"
            | "Let"
            | "Please"
            | "Unlike"
            | "Until"
            | "Thus"
            | "Hence"
            | "Indeed"
            | "Of"
            | "To"
            | "Into"
            | "Through"
            | "Either"
            | "Neither"
            | "Another"
            | "Any"
            | "Several"
            | "Later"
            | "Earlier"
            | "Asked"
            | "Nevertheless"
            | "Nonetheless"
            | "Otherwise"
            | "Besides"
            | "Together"
            | "Again"
            | "Already"
            | "Soon"
            | "Perhaps"
            | "Maybe"
            | "Often"
            | "Sometimes"
            | "Recently"
            | "Currently"
            | "Finally"
            | "Overall"
            | "Similarly"
            | "Additionally"
            | "Rather"
            | "Regardless"
            | "Ultimately"
            | "Eventually"
            | "Specifically"
            | "Previously"
            | "Initially"
            | "Afterwards"
            | "Afterward"
            | "Elsewhere"
            | "Separately"
            | "Notably"
            | "Clearly"
            | "Unfortunately"
            | "Fortunately"
            | "Certainly"
            | "Actually"
            | "Apparently"
            | "Everyone"
            | "Everybody"
            | "Everything"
            | "Nobody"
            | "Nothing"
            | "Someone"
            | "Somebody"
            | "Something"
            | "Anyone"
            | "Anything"
            | "Well"
            | "Oh"
            | "Ok"
            | "OK"
    )
}

/// Time zone abbreviations that follow a clock time within the same sentence.
pub(crate) fn is_time_zone(word: &str) -> bool {
    matches!(
        word,
        "ET" | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "MT"
            | "MST"
            | "MDT"
            | "PT"
            | "PST"
            | "PDT"
            | "AKST"
            | "HST"
            | "GMT"
            | "BST"
            | "UTC"
            | "CET"
            | "CEST"
            | "EET"
            | "EEST"
            | "WET"
            | "IST"
            | "JST"
            | "KST"
            | "HKT"
            | "SGT"
            | "AEST"
            | "AEDT"
            | "ACST"
            | "AWST"
            | "NZST"
            | "NZDT"
            | "MSK"
            | "Eastern"
            | "Central"
            | "Pacific"
            | "Mountain"
            | "local"
    )
}

/// Names of days and months, whole or abbreviated, which follow a clock time in the same
/// sentence ("at 5 p.m. Friday", "at 9 a.m. Jan. 5").
pub(crate) fn is_day_or_month(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    ) || (word.chars().next().is_some_and(char::is_uppercase)
        && abbreviation_kind(word) == Some(AbbreviationKind::Calendar))
}

/// Verbs of speech in the past or present tense, as they follow a quotation ("“Why?” Smith
/// asked.").
pub(crate) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "added"
            | "adds"
            | "told"
            | "tells"
            | "replied"
            | "replies"
            | "wrote"
            | "writes"
            | "explained"
            | "explains"
            | "insisted"
            | "insists"
            | "noted"
            | "notes"
            | "continued"
            | "recalled"
            | "recalls"
            | "shouted"
            | "cried"
            | "whispered"
            | "argued"
            | "argues"
            | "stated"
            | "declared"
            | "exclaimed"
            | "warned"
            | "warns"
            | "laughed"
            | "joked"
            | "tweeted"
            | "posted"
            | "sighed"
            | "agreed"
            | "admitted"
            | "conceded"
            | "responded"
            | "remarked"
            | "quipped"
            | "demanded"
            | "wondered"
            | "claimed"
            | "claims"
            | "announced"
            | "countered"
            | "suggested"
    )
}

/// Names written with an exclamation mark, which does not end a sentence after them.
pub(crate) fn is_name_with_exclamation(word: &str) -> bool {
    matches!(word, "Yahoo" | "Jeopardy" | "Joomla" | "Wham" | "Oklahoma")
}

/// Prepositions that open a fronted time phrase ("At 5 a.m. Mr. Smith left."): a sentence cannot
/// end right after such a phrase.
pub(crate) fn opens_time_phrase(word: &str) -> bool {
    let mut buf = [0u8; MAX_ABBREVIATION_LEN];
    let Some(lower) = ascii_lower(word, &mut buf) else {
        return false;
    };
    matches!(
        lower,
        "at" | "by"
            | "from"
            | "until"
            | "till"
            | "before"
            | "after"
            | "around"
            | "about"
            | "since"
            | "between"
            | "on"
            | "shortly"
            | "starting"
            | "beginning"
            | "just"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_common_abbreviations() {
        assert_eq!(abbreviation_kind("Mr"), Some(AbbreviationKind::Title));
        assert_eq!(abbreviation_kind("Gov"), Some(AbbreviationKind::Title));
        assert_eq!(abbreviation_kind("Inc"), Some(AbbreviationKind::NameSuffix));
        assert_eq!(abbreviation_kind("etc"), Some(AbbreviationKind::Closing));
        assert_eq!(abbreviation_kind("a.m"), Some(AbbreviationKind::Time));
        assert_eq!(abbreviation_kind("Jan"), Some(AbbreviationKind::Calendar));
        assert_eq!(
            abbreviation_kind("No"),
            Some(AbbreviationKind::BeforeNumber)
        );
        assert_eq!(abbreviation_kind("e.g"), Some(AbbreviationKind::Continuing));
        assert_eq!(
            abbreviation_kind("Calif"),
            Some(AbbreviationKind::Ambiguous)
        );
    }

    #[test]
    fn case_decides_collisions_with_words() {
        assert_eq!(abbreviation_kind("ill"), None);
        assert_eq!(abbreviation_kind("Ill"), Some(AbbreviationKind::Ambiguous));
        // A lower-case "st." is a street, not a saint.
        assert_eq!(abbreviation_kind("st"), Some(AbbreviationKind::Ambiguous));
        assert_eq!(abbreviation_kind("sun"), None);
    }

    #[test]
    fn long_or_unknown_words_are_not_abbreviations() {
        assert_eq!(abbreviation_kind("extraordinarily"), None);
        assert_eq!(abbreviation_kind("house"), None);
        assert_eq!(abbreviation_kind(""), None);
    }
}
