//! Plain text: paragraphs, and the boilerplate that web scrapes leave inline — related-article
//! headlines, "Read more" teasers, sign-up prompts — set aside with the reason.
//!
//! The rules are conservative on purpose: a line is dropped only when it cannot be a sentence of
//! the story. Story paragraphs end in sentence punctuation; a headline of another article does
//! not, and scrapes leave such headlines in runs.

use newsfacts_doc::{Article, Boilerplate, BoilerplateReason};

/// Splits plain text into an article: paragraphs (blank-line separated blocks, or lines when the
/// text has no blank lines), a title, and boilerplate.
///
/// `known_title` is the title the record carries (a JSON Lines `title`). Without one, a first
/// line that looks like a headline is taken as the title; with one, the first line is removed
/// only when it repeats that title, so no line of the story is lost.
pub fn article_from_text(text: &str, known_title: Option<&str>) -> Article {
    let blocks = split_paragraphs(text);
    let mut article = Article::default();
    let mut lines: &[String] = &blocks;
    if let Some(first) = blocks.first()
        && blocks.len() > 1
    {
        let is_title = match known_title {
            Some(title) => first.trim() == title.trim(),
            None => looks_like_headline(first),
        };
        if is_title {
            article.title = Some(first.clone());
            lines = &blocks[1..];
        }
    }
    let (paragraphs, boilerplate) = separate_boilerplate(lines);
    article.paragraphs = paragraphs;
    article.boilerplate = boilerplate;
    article
}

/// Paragraphs of plain text. With blank lines, a paragraph is a block between them and its
/// hard-wrapped lines are joined by a space; without, every non-empty line is a paragraph.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let has_blank_separators = lines
        .windows(2)
        .any(|pair| !pair[0].is_empty() && pair[1].is_empty());
    let mut paragraphs = Vec::new();
    if has_blank_separators {
        let mut current = String::new();
        for line in lines {
            if line.is_empty() {
                if !current.is_empty() {
                    paragraphs.push(std::mem::take(&mut current));
                }
            } else {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(line);
            }
        }
        if !current.is_empty() {
            paragraphs.push(current);
        }
    } else {
        paragraphs.extend(
            lines
                .into_iter()
                .filter(|l| !l.is_empty())
                .map(str::to_string),
        );
    }
    paragraphs
}

/// Sets aside related-article headlines and teaser or prompt lines; everything else is kept, in
/// order.
///
/// Headlines are recognised by where they sit: a run of two or more headline-like lines with
/// story paragraphs (lines ending in sentence punctuation) on both sides. A run holding any line
/// that is not headline-like (too short, as list items and fixtures are) is a list of the story,
/// and so is a run that ends the text, like a list of results.
pub fn separate_boilerplate(paragraphs: &[String]) -> (Vec<String>, Vec<Boilerplate>) {
    let unpunctuated: Vec<bool> = paragraphs.iter().map(|p| !ends_sentence(p)).collect();
    let mut related = vec![false; paragraphs.len()];
    let mut i = 0;
    while i < paragraphs.len() {
        if !unpunctuated[i] {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < paragraphs.len() && unpunctuated[i] {
            i += 1;
        }
        let run = run_start..i;
        let inline = run_start > 0 && i < paragraphs.len();
        if inline
            && run.len() >= 2
            && paragraphs[run.clone()]
                .iter()
                .all(|p| looks_like_headline(p))
        {
            related[run].fill(true);
        }
    }
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut dropped = Vec::new();
    for (paragraph, is_related) in paragraphs.iter().zip(related) {
        let reason =
            prompt_reason(paragraph).or(is_related.then_some(BoilerplateReason::RelatedHeadline));
        match reason {
            Some(reason) => dropped.push(Boilerplate {
                text: paragraph.clone(),
                reason,
            }),
            None => kept.push(paragraph.clone()),
        }
    }
    (kept, dropped)
}

/// Whether a line ends the way a sentence of the story does.
fn ends_sentence(line: &str) -> bool {
    line.trim().chars().last().is_some_and(|last| {
        matches!(
            last,
            '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ':' | ';' | ','
        )
    })
}

/// A headline: a single line of five to thirty words starting with a capital or a digit and
/// ending without sentence punctuation. Short lines are left alone: they are more often the
/// story's own subheadings or list items.
fn looks_like_headline(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    line.chars()
        .next()
        .is_some_and(|first| first.is_uppercase() || first.is_ascii_digit())
        && (5..=30).contains(&words)
        && !ends_sentence(line)
}

/// Lines that are prompts of the page, not sentences of the story.
fn prompt_reason(line: &str) -> Option<BoilerplateReason> {
    const TEASERS: [&str; 7] = [
        "read more:",
        "read more ",
        "related:",
        "see also:",
        "also read:",
        "more on this story",
        "recommended:",
    ];
    const NEWSLETTER: [&str; 4] = [
        "sign up for",
        "sign up to",
        "subscribe to our",
        "get our newsletter",
    ];
    const SHARE: [&str; 4] = [
        "share this article",
        "share on facebook",
        "share on twitter",
        "follow us on",
    ];
    let lower = line.trim().to_lowercase();
    if lower.split_whitespace().count() > 25 {
        return None;
    }
    if TEASERS.iter().any(|p| lower.starts_with(p)) {
        Some(BoilerplateReason::Teaser)
    } else if NEWSLETTER.iter().any(|p| lower.starts_with(p)) {
        Some(BoilerplateReason::Newsletter)
    } else if SHARE.iter().any(|p| lower.starts_with(p)) {
        Some(BoilerplateReason::Share)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_runs_are_dropped_and_story_kept() {
        let text = "The council met on Monday and approved the budget.\n\
                    Mayor opens new bridge across the river after delays\n\
                    Five things to know about the city election in May\n\
                    “We are pleased,” the mayor said.\n\
                    Budget details";
        let article = article_from_text(text, None);
        assert_eq!(
            article.paragraphs,
            vec![
                "The council met on Monday and approved the budget.",
                "“We are pleased,” the mayor said.",
                "Budget details",
            ]
        );
        assert_eq!(article.boilerplate.len(), 2);
        assert!(
            article
                .boilerplate
                .iter()
                .all(|b| b.reason == BoilerplateReason::RelatedHeadline)
        );
    }

    #[test]
    fn lists_of_the_story_are_kept() {
        let text = "The draw for the next round was made on Monday.\n\
                    Northtown v Southport or Eastleigh Rovers\n\
                    Westbury v Ashford\n\
                    Kingsmere or Oldcastle v Bramley Town\n\
                    The ties will be played next month.\n\
                    The winners of the other awards were:\n\
                    Best new drama series of the year - The Long Road\n\
                    Best factual programme for younger viewers - Island Life";
        let article = article_from_text(text, None);
        assert!(article.boilerplate.is_empty(), "{:?}", article.boilerplate);
        assert_eq!(article.paragraphs.len(), 8);
    }

    #[test]
    fn a_single_headline_like_line_is_kept() {
        let text = "First paragraph of the story.\nWhat the new rules mean for renters in the city\nSecond paragraph.";
        let article = article_from_text(text, None);
        assert_eq!(article.paragraphs.len(), 3);
        assert!(article.boilerplate.is_empty());
    }

    #[test]
    fn first_line_headline_becomes_title() {
        let text =
            "Council approves budget after a long night of debate\n\nThe council met.\n\nIt voted.";
        let article = article_from_text(text, None);
        assert_eq!(
            article.title.as_deref(),
            Some("Council approves budget after a long night of debate")
        );
        assert_eq!(article.paragraphs, vec!["The council met.", "It voted."]);
    }

    #[test]
    fn a_known_title_keeps_a_different_first_line() {
        let text = "Council approves budget after a long night of debate\n\nThe council met.";
        let article = article_from_text(text, Some("Budget passes"));
        assert_eq!(article.title, None);
        assert_eq!(article.paragraphs.len(), 2);
        let repeated = article_from_text(
            text,
            Some("Council approves budget after a long night of debate"),
        );
        assert_eq!(repeated.paragraphs, vec!["The council met."]);
    }

    #[test]
    fn blank_line_blocks_join_wrapped_lines() {
        let paragraphs = split_paragraphs("One line\nwrapped here.\n\nNext one.\n");
        assert_eq!(paragraphs, vec!["One line wrapped here.", "Next one."]);
    }

    #[test]
    fn prompts_are_dropped_with_their_reason() {
        let (kept, dropped) = separate_boilerplate(&[
            "Story sentence.".to_string(),
            "Read more: How the vote went".to_string(),
            "Sign up for our morning briefing".to_string(),
        ]);
        assert_eq!(kept, vec!["Story sentence."]);
        assert_eq!(dropped[0].reason, BoilerplateReason::Teaser);
        assert_eq!(dropped[1].reason, BoilerplateReason::Newsletter);
    }
}
