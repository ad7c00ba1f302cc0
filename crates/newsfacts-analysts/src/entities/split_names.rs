//! Organisation names the NER cut in two at a coordination or a preposition: "the Department
//! for Education and Skills" found as "Department for Education" and "Skills", "Forum for the
//! Future" found as "Future". A reader sees one body; left cut, a spokeswoman "for the
//! Department for Education and Skills" speaks for an organisation called "Skills".

use newsfacts_doc::EntityKind;

use super::NamedMention;

/// Head nouns of bodies whose name goes on with "for"/"of" and common nouns ("Forum for the
/// Future", "Department of Trade and Industry"); a film's or a game's title ("Edge of Darkness,
/// Vertical Limit and Beyond Borders") has none.
const BODY_HEADS: &[&str] = &[
    "Forum",
    "Institute",
    "Society",
    "Trust",
    "Alliance",
    "Association",
    "Federation",
    "Foundation",
    "Fund",
    "Centre",
    "Center",
    "Council",
    "Commission",
    "Committee",
    "Campaign",
    "Coalition",
    "League",
    "Movement",
    "Department",
    "Ministry",
    "Office",
    "Agency",
    "Bureau",
    "Board",
    "Academy",
    "College",
    "School",
    "University",
    "Administration",
    "Authority",
    "Service",
    "Union",
    "Bank",
];

/// The NER's mentions with organisation names it cut in two joined again:
/// - an organisation whose name has a body's head ([`BODY_HEADS`]) and "of" or "for" goes on over ", Word" and "and Word" /
///   "& Word" when every word joined is a capitalised common noun ("Department of Trade and
///   Industry", "Department for Culture, Media and Sport"); a proper name stops it ("the Bank of
///   England and Barclays" stays two);
/// - an organisation named by common nouns alone ("Future") right after "Forum for the" takes
///   that body's head in ([`BODY_HEADS`]).
///
/// `is_common_noun` says whether a lowercased word is a common English word.
pub(super) fn join_organisation_names<'a>(
    text: &str,
    mentions: &[NamedMention<'a>],
    is_common_noun: impl Fn(&str) -> bool,
) -> Vec<NamedMention<'a>> {
    let capitalised_common = |word: &str| {
        word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && word.len() > 1
            && is_common_noun(&word.to_lowercase())
    };
    let mut joined: Vec<NamedMention<'a>> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        // A mention the previous one was extended over is part of it.
        if joined
            .last()
            .is_some_and(|last| last.end >= mention.end && last.start <= mention.start)
        {
            continue;
        }
        // A body's name going on with "for"/"of" that the NER ran over "and" into, with the
        // rest, common nouns, found as a name of its own right after it ("Organisation for
        // Economic Co-operation and" + "Development"): one name. Not two names in a list
        // ("Sheffield Wednesday and" + "Arsenal", "Frontier Silicon and" + "Radioscape").
        if let Some(last) = joined.last_mut()
            && last.kind == EntityKind::Organisation
            && mention.start == last.end + 1
            && text.get(last.end..mention.start) == Some(" ")
            && text.get(last.start..last.end).is_some_and(|name| {
                (name.ends_with(" and") || name.ends_with(" &"))
                    && (name.contains(" for ") || name.contains(" of "))
            })
            && text
                .get(mention.start..mention.end)
                .is_some_and(|rest| rest.split(' ').all(&capitalised_common))
        {
            last.end = mention.end;
            continue;
        }
        let mut mention = *mention;
        if mention.kind == EntityKind::Organisation {
            if let Some(name) = text.get(mention.start..mention.end) {
                let has_body_head = name.split(' ').any(|word| BODY_HEADS.contains(&word));
                if has_body_head
                    && !name.contains(',')
                    && (name.contains(" of ") || name.contains(" for "))
                {
                    mention.end = coordinated_end(text, mention.end, &capitalised_common);
                } else if name.split(' ').all(&capitalised_common) {
                    mention.start = body_head_start(text, mention.start);
                    // The body's head the NER found on its own ("Forum") is part of the name.
                    if joined
                        .last()
                        .is_some_and(|last| last.start >= mention.start)
                    {
                        joined.pop();
                    }
                }
            }
        }
        joined.push(mention);
    }
    joined
}

/// Where a name ending at `end` ends once ", Word", "and Word" and "& Word" runs of capitalised
/// common nouns are joined to it; `end` itself unless the runs close with "and" or "&".
fn coordinated_end(text: &str, end: usize, capitalised_common: &impl Fn(&str) -> bool) -> usize {
    let mut at = end;
    let mut closed = end;
    loop {
        let rest = text.get(at..).unwrap_or("");
        let (joiner_len, last) = if rest.starts_with(", ") {
            (2, false)
        } else if rest.starts_with(" and ") {
            (5, true)
        } else if rest.starts_with(" & ") {
            (3, true)
        } else {
            return closed;
        };
        // One or two capitalised words ("Rural Affairs").
        let words: Vec<&str> = rest[joiner_len..]
            .split(|c: char| !c.is_alphabetic())
            .take(2)
            .collect();
        let first = words.first().copied().unwrap_or("");
        if !capitalised_common(first) {
            return closed;
        }
        let mut run_end = at + joiner_len + first.len();
        let after_first = text.get(run_end..).unwrap_or("");
        if let Some(second) = words.get(1)
            && after_first.starts_with(' ')
            && capitalised_common(second)
        {
            run_end += 1 + second.len();
        }
        at = run_end;
        if last {
            // A capitalised word or a preposition right after makes the run a name of its own
            // ("and State University of New York", "and Standard Trust Bank").
            let next = text.get(at..).unwrap_or("");
            let next_word = next.strip_prefix(' ').unwrap_or("");
            let goes_on = next_word.chars().next().is_some_and(char::is_uppercase)
                || next_word.starts_with("of ")
                || next_word.starts_with("for ");
            if goes_on {
                return closed;
            }
            closed = at;
            return closed;
        }
    }
}

/// Where a name starting at `start` starts once a body's head and "for"/"of" ("Forum for the")
/// before it are taken in; `start` itself when they are not there.
fn body_head_start(text: &str, start: usize) -> usize {
    let before = text.get(..start).unwrap_or("");
    for preposition in [" for the ", " of the ", " for ", " of "] {
        if let Some(head_text) = before.strip_suffix(preposition) {
            let head = head_text
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if BODY_HEADS.contains(&head) {
                return start - preposition.len() - head.len();
            }
            return start;
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn organisation(text: &str, name: &str) -> NamedMention<'static> {
        let start = text.find(name).unwrap_or(0);
        NamedMention {
            start,
            end: start + name.len(),
            label: "ORG",
            kind: EntityKind::Organisation,
        }
    }

    fn common(word: &str) -> bool {
        [
            "skills",
            "industry",
            "culture",
            "media",
            "sport",
            "future",
            "trade",
            "food",
            "rural",
            "affairs",
            "state",
            "university",
            "development",
        ]
        .contains(&word)
    }

    fn joined_names(text: &str, names: &[&str]) -> Vec<String> {
        let mentions: Vec<NamedMention> = names.iter().map(|n| organisation(text, n)).collect();
        join_organisation_names(text, &mentions, common)
            .iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn a_body_name_run_over_and_takes_the_common_nouns_after_it() {
        let text = "It was highlighted by the Organisation for Economic Co-operation and \
                    Development, which argued for reform.";
        assert_eq!(
            joined_names(
                text,
                &["Organisation for Economic Co-operation and", "Development"]
            ),
            ["Organisation for Economic Co-operation and Development"]
        );
        // A list of two firms: no body going on with "for" or "of".
        let text = "Shares in Harbour Trade and Industry rose.";
        assert_eq!(
            joined_names(text, &["Harbour Trade and", "Industry"]),
            ["Harbour Trade and", "Industry"]
        );
    }

    #[test]
    fn a_name_cut_at_and_is_joined() {
        let text = "A spokeswoman for the Department for Education and Skills said so.";
        assert_eq!(
            joined_names(text, &["Department for Education", "Skills"]),
            ["Department for Education and Skills"]
        );
    }

    #[test]
    fn a_list_of_portfolios_is_joined() {
        let text = "the Department for Culture, Media and Sport said";
        assert_eq!(
            joined_names(text, &["Department for Culture"]),
            ["Department for Culture, Media and Sport"]
        );
    }

    #[test]
    fn a_proper_name_after_and_stays_apart() {
        let text = "the Bank of England and Barclays said";
        assert_eq!(
            joined_names(text, &["Bank of England", "Barclays"]),
            ["Bank of England", "Barclays"]
        );
        let text = "the Department of Health and State University of New York";
        assert_eq!(
            joined_names(text, &["Department of Health"]),
            ["Department of Health"]
        );
    }

    #[test]
    fn a_title_without_a_body_stays_apart() {
        let text = "films such as Edge of Darkness, Culture and Media";
        assert_eq!(
            joined_names(text, &["Edge of Darkness"]),
            ["Edge of Darkness"]
        );
    }

    #[test]
    fn a_body_head_before_for_the_is_taken_in() {
        let text = "Jonathon Porritt, of Forum for the Future, said";
        assert_eq!(joined_names(text, &["Future"]), ["Forum for the Future"]);
        let text = "Jane Ossett, of Forum for the Future, said";
        let mentions = [organisation(text, "Forum"), organisation(text, "Future")];
        let joined = join_organisation_names(text, &mentions, common);
        assert_eq!(joined.len(), 1);
        assert_eq!(
            &text[joined[0].start..joined[0].end],
            "Forum for the Future"
        );
        let text = "a plan for the Future said";
        assert_eq!(joined_names(text, &["Future"]), ["Future"]);
    }
}
