//! Names: how a named mention is cleaned, which short forms join which full names ("Miller" →
//! "Matthew Miller", "Kim" → "Kim Jong-un", "Mr. Obama" → "Barack Obama"), and the titles
//! and honorifics written before a name.

/// Honorifics: part of how a name is written, never a role.
/// Letters written after a person's name: honours, offices and degrees ("Frank Field MP",
/// "Michael Mansfield QC"). They are no company and no part of the name's head.
pub const POST_NOMINALS: &[&str] = &[
    "QC", "KC", "MP", "MEP", "MSP", "AM", "JP", "OBE", "MBE", "CBE",
];

pub const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady",
    "madam", "mx", "mx.",
];

/// Honorifics that come before a person's name only ("Mr", "Lord"): [`HONORIFICS`] without
/// "Dr", which also begins brands ("Dr Martens"), and "Madam".
pub const NAME_HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "lord", "lady", "sir", "dame",
];

/// Titles that are also roles when written before a name ("President Zelenskiy").
pub const ROLE_TITLES: &[&str] = &[
    "president",
    "vice-president",
    "prime",
    "minister",
    "chancellor",
    "senator",
    "sen.",
    "sen",
    "rep.",
    "rep",
    "representative",
    "gov.",
    "gov",
    "governor",
    "mayor",
    "general",
    "gen.",
    "gen",
    "lt.",
    "col.",
    "colonel",
    "admiral",
    "adm.",
    "captain",
    "capt.",
    "judge",
    "justice",
    "secretary",
    "speaker",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "ayatollah",
    "sheikh",
    "chairman",
    "commissioner",
    "ambassador",
    "professor",
    "prof.",
    "pastor",
    "rev.",
    "reverend",
    "bishop",
    "father",
    "sergeant",
    "sgt.",
    "officer",
    "detective",
    "attorney",
    "director",
    "premier",
    "chief",
];

/// Titles written before a surname that are no roles of their own: ranks of police and
/// nobility, and short forms ("Chief Supt Deats", "Baroness Boothroyd", "Prof Reddy").
pub const TITLES_BEFORE_NAMES: &[&str] = &[
    "prof",
    "supt",
    "supt.",
    "superintendent",
    "insp",
    "insp.",
    "inspector",
    "det",
    "det.",
    "constable",
    "pc",
    "dc",
    "baroness",
    "baron",
    "viscount",
    "earl",
    "countess",
];

/// Titles of royalty, nobility and religious heads, who are named by a given name alone:
/// "Prince Charles" is not the Charles Kennedy of the same article.
const REGNAL_TITLES: &[&str] = &[
    "prince", "princess", "king", "queen", "duke", "duchess", "pope", "emperor", "empress",
    "sheikh", "sultan", "crown",
];

/// Whether a mention's text starts with a regnal title ("Prince Charles", "Pope Francis").
pub fn has_regnal_title(text: &str) -> bool {
    text.split_whitespace()
        .next()
        .is_some_and(|first| REGNAL_TITLES.contains(&first.to_lowercase().as_str()))
}

/// Whether a mention starts with an honorific only people have ("Mrs", "Mr."); "Dr" and
/// "Lord" also begin names of brands and places ("Dr Martens", "Lord's").
pub fn has_personal_honorific(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|first| {
        matches!(
            first.to_lowercase().as_str(),
            "mr" | "mr." | "mrs" | "mrs." | "ms" | "ms." | "miss" | "mx" | "mx."
        )
    })
}

/// Whether a word is written as a name: a capital, then letters, hyphens or apostrophes, two
/// characters or more ("Ebbers", "O'Brien", "Kilroy-Silk").
pub fn is_name_shaped(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && word.len() > 1
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

/// Whether a lower-cased word is an honorific or a title.
pub fn is_title_word(lower: &str) -> bool {
    HONORIFICS.contains(&lower) || ROLE_TITLES.contains(&lower)
}

/// A person's name without a leading article, a trailing possessive, and leading honorifics
/// and titles ("Mr. Obama" → "Obama", "President Volodymyr Zelenskiy" → "Volodymyr Zelenskiy").
pub fn clean_name(text: &str) -> &str {
    strip_leading(without_article(text), is_title_word)
}

/// The name of an organisation, place or group: as [`clean_name`], but a role title stays, as
/// it begins many such names ("General Motors", "Premier League", "Justice Department"); an
/// honorific goes ("Mr Sachs" the NER took for a company is still Mr Sachs).
pub fn clean_other_name(text: &str) -> &str {
    strip_leading(without_article(text), |word| HONORIFICS.contains(&word))
}

/// A name without a trailing possessive and a leading article ("the", and the lower-case "a"
/// or "an" the NER sometimes takes in: "a Conservative Party").
fn without_article(text: &str) -> &str {
    let mut text = text.trim();
    text = text
        .strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .or_else(|| text.strip_suffix('’'))
        .unwrap_or(text)
        .trim_end();
    for article in ["the ", "The ", "a ", "an "] {
        if let Some(rest) = text.strip_prefix(article) {
            return rest.trim_start();
        }
    }
    text
}

/// `text` without the leading words `drop` says are no part of the name, each followed by a
/// capitalised word.
fn strip_leading(mut text: &str, drop: impl Fn(&str) -> bool) -> &str {
    while let Some((first, rest)) = text.split_once(' ') {
        if drop(&first.to_lowercase()) && rest.starts_with(char::is_uppercase) {
            text = rest.trim_start();
        } else {
            break;
        }
    }
    text.trim()
}

/// Whether the written mention carries a title or honorific before the name.
pub fn has_title(text: &str) -> bool {
    text.trim()
        .split(' ')
        .next()
        .is_some_and(|first| is_title_word(&first.to_lowercase()))
        && text.trim().contains(' ')
}

/// "Miller" is a short form of "Matthew Miller" (the last word of a longer name), and "Kim" of
/// "Kim Jong-un" (the first word, where the family name comes first and the given name is
/// hyphenated, as in Korean names). A middle initial or generational suffix does not hide
/// the surname ("Paul D. Ryan", "Martin Luther King Jr.").
pub fn is_short_form(full: &str, short: &str) -> bool {
    if short.contains(' ') || full.len() <= short.len() || !full.contains(' ') {
        return false;
    }
    if surname(full) == short {
        return true;
    }
    let mut words = full.split(' ');
    let first = words.next();
    first == Some(short) && words.next_back().is_some_and(|given| given.contains('-'))
}

/// Organisations the NER often takes for people ("… he wrote on Twitter"): never a person.
pub const ORGANISATIONS_TAKEN_FOR_PEOPLE: &[&str] = &[
    "Twitter",
    "Facebook",
    "Instagram",
    "YouTube",
    "Google",
    "Snapchat",
    "Reddit",
    "TikTok",
    "WhatsApp",
    "Telegram",
    "LinkedIn",
];

/// Capitalised words that headlines and page furniture put next to names but that no
/// person's name contains ("Trump Amid Military-Related …", "Woman Says").
const NOT_IN_NAMES: &[&str] = &[
    "Amid", "After", "Before", "About", "Against", "Over", "Under", "With", "Without", "From",
    "Into", "Onto", "Upon", "The", "A", "An", "And", "Or", "But", "For", "To", "In", "On", "At",
    "By", "Is", "Are", "Was", "Were", "Says", "Said", "Tells", "Slams", "Blasts", "Screams",
    "Calls", "Wants", "Will", "Vs", "Vs.", "Share", "Like", "Reply", "Retweet", "Follow",
];

/// Whether a cleaned name the NER calls a person can be one: no digits, no word headlines
/// put next to names, no run-together words of page furniture ("FlagShareLikeReplySara").
pub fn is_plausible_person_name(name: &str) -> bool {
    if name.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // An honorific ends no name: "former Tory Treasurer Lord" is the NER stopping short of
    // "Lord Ashcroft" (a role title may: "Mervyn King").
    if name.contains(' ')
        && name
            .rsplit(' ')
            .next()
            .is_some_and(|last| HONORIFICS.contains(&last.to_lowercase().as_str()))
    {
        return false;
    }
    name.split(' ').all(|word| {
        let inner_capitals = word
            .chars()
            .skip(1)
            .zip(word.chars())
            .filter(|(c, before)| c.is_uppercase() && before.is_lowercase())
            .count();
        inner_capitals < 3 && !NOT_IN_NAMES.contains(&word)
    })
}

/// The given name of a full western name: its first word when the name has two or more and
/// the first is not an initial ("Hillary" of "Hillary Clinton"; none for "J. Smith").
pub fn given_name(full: &str) -> Option<&str> {
    let mut words = full.split(' ');
    let first = words.next()?;
    words.next()?;
    let letters = first.trim_end_matches('.');
    (letters.chars().count() > 1 && letters.chars().all(char::is_alphabetic)).then_some(first)
}

/// Whether one full name is a shorter writing of another: same first and last word, its words
/// a subsequence of the other's ("Donald Trump" of "Donald J. Trump", "Hillary Clinton" of
/// "Hillary Rodham Clinton").
pub fn is_shorter_writing(full: &str, shorter: &str) -> bool {
    let long: Vec<&str> = full.split(' ').collect();
    let short: Vec<&str> = shorter.split(' ').collect();
    if short.len() < 2 || short.len() >= long.len() {
        return false;
    }
    // The last words themselves, so that "Donald Trump Jr." is not "Donald Trump".
    if short.first() != long.first() || short.last() != long.last() {
        return false;
    }
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}

/// The last word of a name that is not a generational suffix.
pub fn surname(full: &str) -> &str {
    full.split(' ')
        .rev()
        .find(|w| {
            !matches!(
                w.trim_end_matches(',').to_lowercase().as_str(),
                "jr" | "jr." | "sr" | "sr." | "ii" | "iii" | "iv"
            )
        })
        .unwrap_or(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_possessives_and_articles_are_cleaned_off() {
        assert_eq!(clean_name("Mr. Obama"), "Obama");
        assert_eq!(
            clean_name("President Volodymyr Zelenskiy"),
            "Volodymyr Zelenskiy"
        );
        assert_eq!(clean_name("Putin’s"), "Putin");
        assert_eq!(clean_name("the West"), "West");
        assert!(has_title("Mr. Obama"));
        assert!(!has_title("Obama"));
        assert_eq!(clean_name("a Conservative Party"), "Conservative Party");
    }

    #[test]
    fn titles_stay_in_the_names_of_organisations() {
        assert_eq!(clean_other_name("General Motors"), "General Motors");
        assert_eq!(clean_other_name("the Premier League's"), "Premier League");
        assert_eq!(clean_other_name("Mr Sachs"), "Sachs");
        assert_eq!(
            clean_other_name("a Conservative Party"),
            "Conservative Party"
        );
    }

    #[test]
    fn short_forms_join_their_full_names() {
        assert!(is_short_form("Matthew Miller", "Miller"));
        assert!(is_short_form("Kim Jong-un", "Kim"));
        assert!(is_short_form("Paul D. Ryan", "Ryan"));
        assert!(is_short_form("Martin Luther King Jr.", "King"));
        assert!(!is_short_form("Anna Berg", "Anna"));
        assert!(!is_short_form("Miller", "Miller"));
    }

    #[test]
    fn given_names_and_shorter_writings() {
        assert!(has_regnal_title("Prince Charles"));
        assert!(has_regnal_title("Crown Prince Mohammed"));
        assert!(!has_regnal_title("President Biden"));
        assert!(has_personal_honorific("Mrs Camilla Parker Bowles"));
        assert!(!has_personal_honorific("Dr Martens"));
        assert_eq!(given_name("Hillary Clinton"), Some("Hillary"));
        assert_eq!(given_name("J. Smith"), None);
        assert_eq!(given_name("Obama"), None);
        assert!(is_shorter_writing("Donald J. Trump", "Donald Trump"));
        assert!(is_shorter_writing(
            "Hillary Rodham Clinton",
            "Hillary Clinton"
        ));
        assert!(!is_shorter_writing("George H.W. Bush", "George W. Bush"));
        assert!(!is_shorter_writing("Donald Trump", "Donald Trump"));
        assert!(!is_shorter_writing("Donald Trump Jr.", "Donald Trump"));
    }

    #[test]
    fn headline_words_and_page_furniture_are_not_names() {
        assert!(is_plausible_person_name("Paul D. Ryan"));
        assert!(is_plausible_person_name("Ron DeSantis"));
        assert!(is_plausible_person_name("Ray LaHood"));
        assert!(!is_plausible_person_name("Trump Supporter Screams 1"));
        assert!(!is_plausible_person_name("Trump Amid Military-Related"));
        assert!(!is_plausible_person_name("FlagShareLikeReplySara Bondioli"));
        assert!(!is_plausible_person_name("Tory Treasurer Lord"));
        assert!(is_plausible_person_name("Prince"));
        assert!(is_plausible_person_name("Mervyn King"));
    }
}
