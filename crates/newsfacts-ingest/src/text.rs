//! Plain text: paragraphs, and the boilerplate that web scrapes leave inline — related-article
//! headlines, "Read more" teasers, sign-up prompts — set aside with the reason.
//!
//! The rules are conservative on purpose: a line is dropped only when it cannot be a sentence of
//! the story. Story paragraphs end in sentence punctuation; a headline of another article does
//! not, and scrapes leave such headlines in runs.

use newsfacts_doc::{Article, Boilerplate, BoilerplateReason};

/// Splits plain text into an article: paragraphs (blank-line separated blocks, or lines when the
/// text has no blank lines), a title when the first line is one, and boilerplate.
pub fn article_from_text(text: &str) -> Article {
    let blocks = split_paragraphs(text);
    let mut article = Article::default();
    let mut lines: &[String] = &blocks;
    if let Some(first) = blocks.first()
        && blocks.len() > 1
        && looks_like_headline(first)
    {
        article.title = Some(first.clone());
        lines = &blocks[1..];
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

/// Sets aside related-article headlines (headline-like lines in a run of two or more) and
/// teaser or prompt lines; everything else is kept, in order.
pub fn separate_boilerplate(paragraphs: &[String]) -> (Vec<String>, Vec<Boilerplate>) {
    let headline_like: Vec<bool> = paragraphs.iter().map(|p| looks_like_headline(p)).collect();
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut dropped = Vec::new();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let in_run = headline_like[i]
            && ((i > 0 && headline_like[i - 1])
                || headline_like.get(i + 1).copied().unwrap_or(false));
        let reason = if let Some(reason) = prompt_reason(paragraph) {
            Some(reason)
        } else if in_run {
            Some(BoilerplateReason::RelatedHeadline)
        } else {
            None
        };
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

/// A headline: a single line of five to thirty words starting with a capital or a digit and
/// ending without sentence punctuation. Short lines are left alone: they are more often the
/// story's own subheadings.
fn looks_like_headline(line: &str) -> bool {
    let line = line.trim();
    let Some(first) = line.chars().next() else {
        return false;
    };
    let Some(last) = line.chars().last() else {
        return false;
    };
    let words = line.split_whitespace().count();
    (first.is_uppercase() || first.is_ascii_digit())
        && (5..=30).contains(&words)
        && !matches!(
            last,
            '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ':' | ';' | ','
        )
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
        let article = article_from_text(text);
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
    fn a_single_headline_like_line_is_kept() {
        let text = "First paragraph of the story.\nWhat the new rules mean for renters in the city\nSecond paragraph.";
        let article = article_from_text(text);
        assert_eq!(article.paragraphs.len(), 3);
        assert!(article.boilerplate.is_empty());
    }

    #[test]
    fn first_line_headline_becomes_title() {
        let text =
            "Council approves budget after a long night of debate\n\nThe council met.\n\nIt voted.";
        let article = article_from_text(text);
        assert_eq!(
            article.title.as_deref(),
            Some("Council approves budget after a long night of debate")
        );
        assert_eq!(article.paragraphs, vec!["The council met.", "It voted."]);
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
