//! Sets aside blocks of the extracted content that are boilerplate by their words or their
//! place: captions and photo credits, "Read more: …" teasers and the headline lists that follow
//! "More stories" labels, newsletter and share prompts, comment prompts, adverts, copyright
//! lines, and the byline or dateline repeated at the top of the body.

use newsfacts_doc::BoilerplateReason;

use super::Reported;
use super::blocks::{Block, BlockKind};

/// A block at most this long can be a prompt, label or credit; longer ones are story text.
const SHORT_BLOCK_CHARS: usize = 200;

/// A block this long that repeats one of the last few is a duplicate (a caption shown twice, a
/// pull quote); shorter repeats (table values, list labels) and far repeats (a recipe's steps in
/// each variant) are legitimate.
const MIN_REPEATED_CHARS: usize = 40;
const REPEAT_WINDOW: usize = 3;

/// Author names shorter than this (initials, a lone first name) are too ambiguous to match.
const MIN_AUTHOR_CHARS: usize = 5;
/// A note about the author is one of the last few blocks and short.
const AUTHOR_NOTE_WINDOW: usize = 4;
const AUTHOR_NOTE_MAX_CHARS: usize = 500;

/// A paragraph this long starts the story: headings before it are headline and deck.
const LEDE_MIN_CHARS: usize = 80;

/// Openings of a teaser or a label that introduces links to other stories.
const TEASER_OPENINGS: &[&str] = &[
    "read more",
    "read also",
    "read next",
    "also read",
    "see more",
    "see also",
    "related:",
    "related stories",
    "related articles",
    "related content",
    "related coverage",
    "related news",
    "related post",
    "related video",
    "[related",
    "more:",
    "more from",
    "more on this",
    "more stories",
    "more great",
    "also on ",
    "also see",
    "you may also like",
    "you might also like",
    "recommended",
    "don't miss",
    "don’t miss",
    "most popular",
    "most read",
    "popular this week",
    "recent articles",
    "recent posts",
    "trending",
    "top stories",
    "latest news",
    "click here",
    "watch:",
    "watch now",
    "listen:",
    "continue reading",
    "leggi anche",
    "lesen sie auch",
    "lire aussi",
    "leia também",
    "lee también",
];

/// Labels that introduce a run of other stories' headlines.
const RUN_OPENINGS: &[&str] = &[
    "more:",
    "more from",
    "more stories",
    "more great",
    "related stories",
    "related articles",
    "related content",
    "related coverage",
    "related news",
    "related:",
    "you may also like",
    "you might also like",
    "recommended",
    "don't miss",
    "don’t miss",
    "most popular",
    "most read",
    "popular this week",
    "recent articles",
    "recent posts",
    "trending",
    "top stories",
    "latest news",
];

const NEWSLETTER_WORDS: &[&str] = &[
    "newsletter",
    "sign up",
    "signup",
    "subscribe",
    "subscription",
    "your inbox",
    "email alerts",
    "breaking news emails",
    "log in",
    "register",
];

const SHARE_WORDS: &[&str] = &[
    "share this",
    "share on",
    "share it",
    "sharing is caring",
    "follow us",
    "follow him",
    "follow her",
    "follow on",
    "on twitter",
    "on facebook",
    "on instagram",
    "tweet",
    "whatsapp",
    "pinterest",
    "email the author",
    "view author archive",
];

/// Imperatives that open a prompt addressed to the reader rather than a sentence of the story.
const PROMPT_OPENINGS: &[&str] = &[
    "follow ",
    "join our",
    "join us",
    "like us",
    "like this story",
    "share this",
    "share your",
    "listen to our",
    "listen live",
    "subscribe to",
    "sign up",
    "get the latest",
    "get our",
    "download our",
    "download the app",
    "click here",
    "tap here",
    "want more",
    "have a tip",
    "got a tip",
    "if you enjoyed this",
];

const READING_TIME_WORDS: &[&str] = &[
    "min read",
    "minute read",
    "minutes read",
    "reading time",
    "read time",
    "tempo de leitura",
];

/// Openings of a line that tells readers how to reach the author.
const CONTACT_OPENINGS: &[&str] = &["email ", "e-mail ", "contact ", "reach "];

/// Whether the text holds something shaped like an e-mail address.
fn has_email_address(lower: &str) -> bool {
    lower.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        match word.split_once('@') {
            Some((user, domain)) => {
                !user.is_empty() && domain.contains('.') && !domain.ends_with('.')
            }
            None => false,
        }
    })
}

const COMMENT_WORDS: &[&str] = &[
    "comments",
    "comment",
    "leave a reply",
    "tell us what you think",
    "join the conversation",
    "join the discussion",
];

const CAPTION_WORDS: &[&str] = &[
    "image copyright",
    "image caption",
    "media caption",
    "media playback",
    "photo:",
    "photo by",
    "photos:",
    "photograph:",
    "picture:",
    "image:",
    "(image",
    "image credit",
    "credit:",
    "credit...",
    "courtesy of",
    "getty images",
    "getty",
    "shutterstock",
    "associated press",
    "reuters/",
    "/ ap",
    ", ap",
    "(ap)",
    "file photo",
    "enlarge image",
    "image 1 of",
    "fullscreen",
    "foto:",
    "фото:",
];

const AD_LABELS: &[&str] = &[
    "advertisement",
    "advert",
    "ad",
    "sponsored",
    "sponsored content",
    "continue reading below",
    "story continues below",
    "article continues below",
    "scroll to continue",
];

/// Openings of the credit lines at a story's end, which name who reported and edited it.
const CREDIT_OPENINGS: &[&str] = &[
    "(reporting by",
    "reporting by",
    "additional reporting",
    "editing by",
    "writing by",
    "compiled by",
    "contributing:",
    "write to ",
    "citation:",
    "source: ",
];

const CREDIT_WORDS: &[&str] = &[
    "contributed to this report",
    "contributed reporting",
    "may be reached at",
    "can be reached at",
];

/// Openings of a list of tags or categories.
const TAG_OPENINGS: &[&str] = &[
    "tags:",
    "tags ",
    "filed under",
    "categories:",
    "category:",
    "topics:",
];

/// "Image 3 of 12", "1 of 6", "1of4": a gallery's counter.
fn is_gallery_counter(lower: &str) -> bool {
    let rest = lower
        .trim()
        .trim_start_matches("image")
        .trim_start_matches("photo")
        .trim();
    let Some((before, after)) = rest.split_once("of") else {
        return false;
    };
    let before = before.trim();
    let after = after.trim().trim_start_matches('/').trim();
    !before.is_empty()
        && before.chars().all(|c| c.is_ascii_digit())
        && after.chars().take_while(|c| c.is_ascii_digit()).count() > 0
        && after.len() <= 4 + after.chars().take_while(|c| c.is_ascii_digit()).count()
}

const FOOTER_WORDS: &[&str] = &["copyright", "©", "all rights reserved", "ⓒ"];

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Words of a dateline ("Updated 1:39 am EST, Wednesday").
const DATELINE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last modified",
    "first published",
    " am ",
    " pm ",
    " a.m.",
    " p.m.",
    "gmt",
    " est",
    " edt",
    " pst",
    " utc",
];

fn starts_with_any(text: &str, openings: &[&str]) -> bool {
    openings.iter().any(|opening| text.starts_with(opening))
}

fn contains_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|word| text.contains(word))
}

/// Whether a short line ends the way a sentence does.
fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    trimmed.ends_with(['.', '!', '?', ':', ';', '…', '。'])
}

fn looks_like_date(lower: &str) -> bool {
    let has_month = lower
        .split(|c: char| !c.is_alphabetic())
        .any(|word| word.len() >= 3 && MONTHS.iter().any(|m| word.starts_with(m)));
    let has_digit = lower.chars().any(|c| c.is_ascii_digit());
    let has_year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|number| number.len() == 4 && (number.starts_with("19") || number.starts_with("20")));
    (has_month && has_digit) || has_year
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Why a block is boilerplate by itself, if it is.
fn classify(block: &Block, title: Option<&str>, authors: &[String]) -> Option<BoilerplateReason> {
    if block.in_figure || block.kind == BlockKind::Caption {
        return Some(BoilerplateReason::Caption);
    }
    if block.hints.contains("caption") || block.hints.contains("credit") {
        return Some(BoilerplateReason::Caption);
    }
    // A short text whose nearest named container is a picture's: its caption.
    if block.char_count() < 300 && is_picture_container(&block.hints) {
        return Some(BoilerplateReason::Caption);
    }
    if block.in_quote {
        return None;
    }
    let chars = block.char_count();
    let lower = block.text.to_lowercase();
    if let Some(title) = title
        && lower == title.to_lowercase().trim()
    {
        return Some(BoilerplateReason::Other);
    }
    if chars > SHORT_BLOCK_CHARS {
        return None;
    }
    let words = word_count(&block.text);
    if contains_any(&lower, READING_TIME_WORDS) && words <= 6 {
        return Some(BoilerplateReason::Other);
    }
    // Contact lines: "Email Jane at jane@example.com or follow her @jane".
    if (has_email_address(&lower) && (words <= 2 || starts_with_any(&lower, CONTACT_OPENINGS)))
        || (lower.contains("twitter.com/") && words <= 3)
    {
        return Some(BoilerplateReason::Other);
    }
    if starts_with_any(&lower, TEASER_OPENINGS) {
        return Some(BoilerplateReason::Teaser);
    }
    if AD_LABELS
        .iter()
        .any(|label| lower.trim_end_matches(':') == *label)
    {
        return Some(BoilerplateReason::Advertisement);
    }
    if contains_any(&lower, NEWSLETTER_WORDS) && chars < 250 {
        return Some(BoilerplateReason::Newsletter);
    }
    if chars < 250 && starts_with_any(&lower, PROMPT_OPENINGS) {
        return Some(if contains_any(&lower, NEWSLETTER_WORDS) {
            BoilerplateReason::Newsletter
        } else {
            BoilerplateReason::Share
        });
    }
    if contains_any(&lower, SHARE_WORDS)
        && (chars < 60 || (chars < 120 && !ends_like_sentence(&block.text)))
    {
        return Some(BoilerplateReason::Share);
    }
    if words <= 4 && contains_any(&lower, COMMENT_WORDS) {
        return Some(BoilerplateReason::Comments);
    }
    if chars < 160 && contains_any(&lower, FOOTER_WORDS) {
        return Some(BoilerplateReason::Footer);
    }
    if chars < 160 && contains_any(&lower, CAPTION_WORDS) && !ends_like_sentence(&block.text) {
        return Some(BoilerplateReason::Caption);
    }
    if chars < 160 && contains_any(&lower, CAPTION_WORDS) && words <= 6 {
        return Some(BoilerplateReason::Caption);
    }
    if chars < 300
        && (starts_with_any(&lower, CREDIT_OPENINGS) || contains_any(&lower, CREDIT_WORDS))
    {
        return Some(BoilerplateReason::Other);
    }
    if is_gallery_counter(&lower) {
        return Some(BoilerplateReason::Caption);
    }
    if starts_with_any(&lower, TAG_OPENINGS) && chars < 300 {
        return Some(BoilerplateReason::Navigation);
    }
    // The byline repeated in the body: "Tom Krisher, AP Auto Writer", "Phil Helsel".
    if chars < 120
        && !ends_like_sentence(&block.text)
        && authors.iter().any(|author| {
            // A one-word name ("Beachbody") is also a brand the story may talk about; only a
            // full name, or the name alone on its line, is the byline.
            lower == *author || (author.contains(' ') && lower.contains(author.as_str()))
        })
    {
        return Some(BoilerplateReason::Other);
    }
    // A byline: "By Jane Smith", "By Reuters".
    if lower.starts_with("by ") && words <= 8 && !ends_like_sentence(&block.text) {
        return Some(BoilerplateReason::Other);
    }
    // A dateline: "Updated 10:01 pm PST, Tuesday, November 19, 2019".
    if chars < 120
        && looks_like_date(&lower)
        && (contains_any(&lower, DATELINE_WORDS) || words <= 6)
    {
        return Some(BoilerplateReason::Other);
    }
    // A block that is all link text and not a sentence: another story's headline.
    if block.link_density() > 0.8 && !ends_like_sentence(&block.text) {
        return Some(BoilerplateReason::RelatedHeadline);
    }
    None
}

/// Whether pieces set aside for this reason are worth showing a reader.
fn is_reported(reason: BoilerplateReason) -> bool {
    !matches!(
        reason,
        BoilerplateReason::Other
            | BoilerplateReason::Navigation
            | BoilerplateReason::Advertisement
            | BoilerplateReason::Footer
    )
}

/// Class or id tokens of a container that holds a picture.
const PICTURE_TOKENS: &[&str] = &[
    "image",
    "img",
    "photo",
    "picture",
    "figure",
    "gallery",
    "slideshow",
];

fn is_picture_container(hints: &str) -> bool {
    hints
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|token| PICTURE_TOKENS.contains(&token))
}

/// The story's paragraphs out of the content blocks; what is set aside goes to `reported`.
pub(crate) fn story_paragraphs(
    blocks: Vec<Block>,
    title: Option<&str>,
    byline: &[String],
    reported: &mut Reported,
) -> Vec<String> {
    let authors: Vec<String> = byline
        .iter()
        .map(|author| author.trim().to_lowercase())
        .filter(|author| author.chars().count() >= MIN_AUTHOR_CHARS)
        .collect();
    let block_count = blocks.len();
    let mut paragraphs: Vec<String> = Vec::with_capacity(blocks.len());
    // After a label such as "More stories", short headline-like blocks are other stories.
    let mut in_teaser_run = false;
    // Headings before the story's first real paragraph are its headline and deck, which the
    // metadata carries; headings further down are the story's own subheads.
    let mut story_started = false;
    for (index, block) in blocks.into_iter().enumerate() {
        let mut reason = classify(&block, title, &authors);
        // A note about the author at the story's end: "Phil Helsel is a reporter for NBC News."
        if reason.is_none()
            && index + AUTHOR_NOTE_WINDOW >= block_count
            && block.char_count() < AUTHOR_NOTE_MAX_CHARS
        {
            let lower = block.text.to_lowercase();
            if authors
                .iter()
                .any(|author| lower.starts_with(author.as_str()))
            {
                reason = Some(BoilerplateReason::Other);
            }
        }
        if !story_started && reason.is_none() {
            if block.kind == BlockKind::Heading {
                reason = Some(BoilerplateReason::Other);
            } else if block.kind == BlockKind::Paragraph && block.char_count() >= LEDE_MIN_CHARS {
                story_started = true;
            }
        }
        let lower_start: String = block
            .text
            .chars()
            .take(40)
            .collect::<String>()
            .to_lowercase();
        if reason.is_some() && starts_with_any(&lower_start, RUN_OPENINGS) {
            in_teaser_run = true;
        } else if in_teaser_run {
            if block.char_count() <= SHORT_BLOCK_CHARS && !ends_like_sentence(&block.text) {
                reason = reason.or(Some(BoilerplateReason::RelatedHeadline));
            } else if reason.is_none() {
                in_teaser_run = false;
            }
        }
        if reason.is_none()
            && block.char_count() >= MIN_REPEATED_CHARS
            && paragraphs
                .iter()
                .rev()
                .take(REPEAT_WINDOW)
                .any(|p| *p == block.text)
        {
            // The same words twice: a caption or pull quote repeating the story.
            reason = Some(BoilerplateReason::Other);
        }
        match reason {
            Some(reason) => {
                if is_reported(reason) {
                    reported.push(&block.text, reason);
                }
            }
            None => paragraphs.push(block.text),
        }
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Block {
        Block {
            text: text.to_string(),
            kind: BlockKind::Paragraph,
            link_chars: 0,
            in_figure: false,
            in_quote: false,
            hints: String::new(),
        }
    }

    #[test]
    fn keeps_story_sentences_and_drops_prompts() {
        let mut reported = Reported::default();
        let blocks = vec![
            block("By Jane Smith"),
            block("Updated 10:01 pm PST, Tuesday, November 19, 2019"),
            block("The council voted on Tuesday to close the bridge."),
            block("Read more: Bridge closures across the state"),
            block("Sign up for our daily newsletter"),
            block("Photo: John Locher, AP"),
            block("Officials said repairs would take a year."),
            block("More stories"),
            block("Mayor resigns after vote"),
            block("Storm hits the coast"),
        ];
        let paragraphs = story_paragraphs(blocks, None, &[], &mut reported);
        assert_eq!(
            paragraphs,
            vec![
                "The council voted on Tuesday to close the bridge.",
                "Officials said repairs would take a year."
            ]
        );
        let reasons: Vec<BoilerplateReason> = reported.items.iter().map(|b| b.reason).collect();
        assert!(reasons.contains(&BoilerplateReason::Teaser));
        assert!(reasons.contains(&BoilerplateReason::Newsletter));
        assert!(reasons.contains(&BoilerplateReason::Caption));
        assert!(reasons.contains(&BoilerplateReason::RelatedHeadline));
    }

    #[test]
    fn the_title_repeated_in_the_body_is_dropped() {
        let mut reported = Reported::default();
        let paragraphs = story_paragraphs(
            vec![block("Bridge to close"), block("The bridge will close.")],
            Some("Bridge to close"),
            &[],
            &mut reported,
        );
        assert_eq!(paragraphs, vec!["The bridge will close."]);
    }
}
