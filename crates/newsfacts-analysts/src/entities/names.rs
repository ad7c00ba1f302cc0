//! Names: how a named mention is cleaned, which short forms join which full names ("Miller" →
//! "Matthew Miller", "Kim" → "Kim Jong-un", "Mr. Obama" → "Barack Obama"), and the titles
//! and honorifics written before a name.

/// Honorifics: part of how a name is written, never a role.
pub const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady",
    "madam", "mx", "mx.",
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

/// Whether a lower-cased word is an honorific or a title.
pub fn is_title_word(lower: &str) -> bool {
    HONORIFICS.contains(&lower) || ROLE_TITLES.contains(&lower)
}

/// A name without a leading "the", a trailing possessive, and leading honorifics and titles
/// ("Mr. Obama" → "Obama", "President Volodymyr Zelenskiy" → "Volodymyr Zelenskiy").
pub fn clean_name(text: &str) -> &str {
    let mut text = text.trim();
    text = text
        .strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .or_else(|| text.strip_suffix('’'))
        .unwrap_or(text)
        .trim_end();
    text = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text);
    while let Some((first, rest)) = text.split_once(' ') {
        if is_title_word(&first.to_lowercase()) && rest.starts_with(char::is_uppercase) {
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
}
