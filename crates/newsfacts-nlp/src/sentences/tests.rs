//! Unit tests of the sentence segmenter, one group per phenomenon, on invented sentences.

use super::split_sentences;

/// The sentences of `text` as strings.
fn sentences(text: &str) -> Vec<&str> {
    split_sentences(text)
        .into_iter()
        .map(|span| &text[span.start..span.end])
        .collect()
}

#[test]
fn empty_and_blank_text_has_no_sentences() {
    assert!(sentences("").is_empty());
    assert!(sentences("   \n\t \n").is_empty());
}

#[test]
fn terminal_punctuation_ends_sentences() {
    assert_eq!(
        sentences("The vote passed. Was it fair? Nobody knows! Then what?!"),
        [
            "The vote passed.",
            "Was it fair?",
            "Nobody knows!",
            "Then what?!"
        ]
    );
}

#[test]
fn newlines_always_end_sentences() {
    assert_eq!(
        sentences("A headline without a stop\nThe first paragraph, with Mr.\nSmith named"),
        [
            "A headline without a stop",
            "The first paragraph, with Mr.",
            "Smith named"
        ]
    );
    assert_eq!(
        sentences("one\r\ntwo\u{2029}three"),
        ["one", "two", "three"]
    );
    // Ingest trims its lines, so a line ending in a space is raw hard-wrapped text.
    assert_eq!(
        sentences("The mayor spoke for an \nhour on Tuesday."),
        ["The mayor spoke for an \nhour on Tuesday."]
    );
    assert_eq!(
        sentences("The mayor spoke for an \r\nhour.\r\nThen she left."),
        ["The mayor spoke for an \r\nhour.", "Then she left."]
    );
}

#[test]
fn titles_never_end_sentences() {
    assert_eq!(
        sentences("Mr. Lee met Dr. Okafor and Gov. Hart. Sen. Ruiz was absent."),
        [
            "Mr. Lee met Dr. Okafor and Gov. Hart.",
            "Sen. Ruiz was absent."
        ]
    );
    assert_eq!(
        sentences("The ex-Gov. Hart spoke at St. Mary's Church."),
        ["The ex-Gov. Hart spoke at St. Mary's Church."]
    );
}

#[test]
fn name_suffixes_and_list_endings() {
    assert_eq!(
        sentences("Shares of Acme Inc. rose. They fell at Brook Ltd. The index was flat."),
        [
            "Shares of Acme Inc. rose.",
            "They fell at Brook Ltd.",
            "The index was flat."
        ]
    );
    assert_eq!(
        sentences(
            "Sen. Bob Ruiz Jr. (D-Pa.) spoke. Sales rose in Europe, Asia, etc. Profits did not."
        ),
        [
            "Sen. Bob Ruiz Jr. (D-Pa.) spoke.",
            "Sales rose in Europe, Asia, etc.",
            "Profits did not."
        ]
    );
}

#[test]
fn dotted_acronyms_end_sentences_only_before_an_opening_word() {
    assert_eq!(
        sentences("Troops left the U.S. Army base. He moved to the U.K. It rained."),
        [
            "Troops left the U.S. Army base.",
            "He moved to the U.K.",
            "It rained."
        ]
    );
    assert_eq!(
        sentences("Prices rose in the U.S. for a year."),
        ["Prices rose in the U.S. for a year."]
    );
}

#[test]
fn months_and_numbered_references_continue_before_numbers() {
    assert_eq!(
        sentences("The law took effect on Jan. 5 and see p. 12 and No. 10 Downing Street."),
        ["The law took effect on Jan. 5 and see p. 12 and No. 10 Downing Street."]
    );
    assert_eq!(
        sentences("It was signed in Calif. The governor smiled."),
        ["It was signed in Calif.", "The governor smiled."]
    );
}

#[test]
fn clock_times() {
    assert_eq!(
        sentences(
            "The polls close at 8 p.m. ET on Tuesday. Results come at 11 p.m. The count follows."
        ),
        [
            "The polls close at 8 p.m. ET on Tuesday.",
            "Results come at 11 p.m.",
            "The count follows."
        ]
    );
    assert_eq!(
        sentences("By 6 a.m. Mrs. Park had left."),
        ["By 6 a.m. Mrs. Park had left."]
    );
}

#[test]
fn initials_stay_with_their_names() {
    assert_eq!(
        sentences("The novel by J. K. Rowling sold well. Its editor, Mary T. Ashby, agreed."),
        [
            "The novel by J. K. Rowling sold well.",
            "Its editor, Mary T. Ashby, agreed."
        ]
    );
    assert_eq!(
        sentences("The patients lacked vitamin D. They recovered."),
        ["The patients lacked vitamin D.", "They recovered."]
    );
}

#[test]
fn numbers_and_decimals() {
    assert_eq!(
        sentences("Profit was $1.13bn, up 3.5% on 2.7m sales. It beat forecasts of 1,200.5."),
        [
            "Profit was $1.13bn, up 3.5% on 2.7m sales.",
            "It beat forecasts of 1,200.5."
        ]
    );
    assert_eq!(
        sentences("The team scored 14. 12 of those came late."),
        ["The team scored 14.", "12 of those came late."]
    );
}

#[test]
fn ellipses() {
    // Followed by lower case, an ellipsis continues the sentence.
    assert_eq!(
        sentences("“We tried… and we failed,” she said. Later... much later, it worked."),
        [
            "“We tried… and we failed,” she said.",
            "Later... much later, it worked."
        ]
    );
    // Attached to a word, it ends the sentence before a word that opens one or a quotation,
    // and always when a full stop follows it.
    assert_eq!(
        sentences("The talks stalled... We waited... \"Enough.\" It ended.... Nobody blinked."),
        [
            "The talks stalled...",
            "We waited...",
            "\"Enough.\"",
            "It ended....",
            "Nobody blinked."
        ]
    );
    // Before a capitalised name, it is more often part of a title.
    assert_eq!(
        sentences("She left I'm A Celebrity... Get Me Out Of Here on Monday."),
        ["She left I'm A Celebrity... Get Me Out Of Here on Monday."]
    );
    // An omission in brackets never does.
    assert_eq!(
        sentences("“The budget […] Will pass,” he said."),
        ["“The budget […] Will pass,” he said."]
    );
}

#[test]
fn quotations() {
    assert_eq!(
        sentences("“We are ready.” He left. She said: “Go now!” and went."),
        [
            "“We are ready.”",
            "He left.",
            "She said: “Go now!” and went."
        ]
    );
    assert_eq!(
        sentences("The chair said. “Next item, please.”"),
        ["The chair said.", "“Next item, please.”"]
    );
    assert_eq!(
        sentences("“Why?” asked the judge."),
        ["“Why?” asked the judge."]
    );
}

#[test]
fn parentheses() {
    assert_eq!(
        sentences("The fund (it was founded in 1990.) grew. (Its rival did not.) Both paid out."),
        [
            "The fund (it was founded in 1990.) grew.",
            "(Its rival did not.)",
            "Both paid out."
        ]
    );
}

#[test]
fn numbered_lettered_and_bulleted_lists() {
    assert_eq!(
        sentences("1. Cut taxes 2. Build homes 3. Fix roads"),
        ["1. Cut taxes", "2. Build homes", "3. Fix roads"]
    );
    assert_eq!(
        sentences("a) the budget b) the schedule"),
        ["a) the budget", "b) the schedule"]
    );
    assert_eq!(
        sentences("• Housing is up • Jobs are down"),
        ["• Housing is up", "• Jobs are down"]
    );
    // A number that does not continue a list is not a marker.
    assert_eq!(
        sentences("1. Voters chose 5 candidates 7. Then counting began"),
        ["1. Voters chose 5 candidates 7.", "Then counting began"]
    );
}

#[test]
fn urls_and_emails_are_not_split() {
    assert_eq!(
        sentences("Write to press.Office@example.org. Or see www.example.com/News.Today now."),
        [
            "Write to press.Office@example.org.",
            "Or see www.example.com/News.Today now."
        ]
    );
}

#[test]
fn missing_space_after_a_sentence() {
    assert_eq!(
        sentences("Rates rose.Markets fell.Mr.Smith was calm."),
        ["Rates rose.", "Markets fell.", "Mr.Smith was calm."]
    );
}

#[test]
fn control_characters_are_kept_inside_sentences() {
    assert_eq!(
        sentences("\u{0}Bell\u{7} rang. Then\u{1b}[0m quiet."),
        ["\u{0}Bell\u{7} rang.", "Then\u{1b}[0m quiet."]
    );
}

#[test]
fn cjk_and_emoji() {
    assert_eq!(sentences("你好。我很好！"), ["你好。", "我很好！"]);
    assert_eq!(
        sentences("Great news 🎉. Next 🚀 launch!"),
        ["Great news 🎉.", "Next 🚀 launch!"]
    );
}

/// Deterministic pseudo-random text from a small alphabet rich in the characters the rules
/// look at, to check the invariants on inputs no one wrote by hand.
fn pseudo_random_text(seed: u64, len: usize) -> String {
    const ALPHABET: [&str; 32] = [
        "a", "B", " ", " ", ".", ".", "?", "!", "…", "\n", "“", "”", "'", "\"", "(", ")", "[", "]",
        "1", "2", "Mr", "U.S", "é", "你", "。", "🎉", "\u{0}", "\r", "\u{2028}", "•", "@", "://",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut text = String::new();
    for _ in 0..len {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(ALPHABET[(state >> 33) as usize % ALPHABET.len()]);
    }
    text
}

/// Deterministic pseudo-random text of arbitrary Unicode scalar values, half of them ASCII.
fn pseudo_random_unicode(seed: u64, len: usize) -> String {
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut text = String::new();
    for _ in 0..len {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let bits = (state >> 32) as u32;
        let code = if bits & 1 == 0 {
            (bits >> 1) % 0x80
        } else {
            (bits >> 1) % 0x11_0000
        };
        text.push(char::from_u32(code).unwrap_or('\u{fffd}'));
    }
    text
}

/// Checks the output invariants of [`split_sentences`] on `text`.
fn assert_well_formed(text: &str) {
    let mut previous_end = 0;
    for span in split_sentences(text) {
        assert!(span.start < span.end, "empty span in {text:?}");
        assert!(previous_end <= span.start, "overlap in {text:?}");
        let Some(sentence) = text.get(span.start..span.end) else {
            panic!("span {span:?} not on char boundaries in {text:?}");
        };
        assert_eq!(sentence.trim(), sentence, "untrimmed sentence in {text:?}");
        previous_end = span.end;
    }
}

#[test]
fn arbitrary_unicode_never_breaks_the_invariants() {
    for seed in 0..1000 {
        assert_well_formed(&pseudo_random_unicode(seed, (seed % 61) as usize));
    }
}

#[test]
fn spans_are_ordered_trimmed_and_on_char_boundaries_for_any_input() {
    for seed in 0..2000 {
        assert_well_formed(&pseudo_random_text(seed, (seed % 97) as usize));
    }
}

#[test]
fn every_non_blank_character_is_in_some_sentence() {
    let text = "One. Two?  Three…\n\n  four (five.) “Six.” 7. 8. • nine";
    let covered: usize = split_sentences(text)
        .iter()
        .map(|span| text[span.start..span.end].split_whitespace().count())
        .sum();
    assert_eq!(covered, text.split_whitespace().count());
}

#[test]
fn acronyms_end_sentences_like_words() {
    assert_eq!(
        sentences("The deal is under review by the SEC. The firm said so to the FT. It rose."),
        [
            "The deal is under review by the SEC.",
            "The firm said so to the FT.",
            "It rose."
        ]
    );
}

#[test]
fn detached_periods_and_quotes() {
    assert_eq!(
        sentences("Profits were strong, said an analyst . \"It is only a start,\" he said."),
        [
            "Profits were strong, said an analyst .",
            "\"It is only a start,\" he said."
        ]
    );
    assert_eq!(
        sentences("We had not slept for days... \" Later she smiled."),
        ["We had not slept for days... \"", "Later she smiled."]
    );
}

#[test]
fn loose_ellipsis_between_sentences() {
    assert_eq!(
        sentences("The ground shook ... We ran. The show I'm A Star ... Get Me Home returns."),
        [
            "The ground shook ...",
            "We ran.",
            "The show I'm A Star ... Get Me Home returns."
        ]
    );
}

#[test]
fn units_after_numbers() {
    assert_eq!(
        sentences("She won in 21.72 secs. Germany's runner was second."),
        ["She won in 21.72 secs.", "Germany's runner was second."]
    );
}

#[test]
fn quotation_marks_around_an_initial_set_sentences_apart() {
    assert_eq!(
        sentences("\"I grew up in Block H.\" Labour disagreed. It was Plan B. \"Never again.\""),
        [
            "\"I grew up in Block H.\"",
            "Labour disagreed.",
            "It was Plan B.",
            "\"Never again.\""
        ]
    );
}

#[test]
fn clock_times_before_days_and_months() {
    assert_eq!(
        sentences("The vote ends at 5 p.m. Friday and resumes at 9 a.m. Jan. 5. It is final."),
        [
            "The vote ends at 5 p.m. Friday and resumes at 9 a.m. Jan. 5.",
            "It is final."
        ]
    );
}

#[test]
fn names_spelt_with_an_exclamation_mark() {
    assert_eq!(
        sentences("She read it on Yahoo! News first. Then she called. We won! The end."),
        [
            "She read it on Yahoo! News first.",
            "Then she called.",
            "We won!",
            "The end."
        ]
    );
}

#[test]
fn everyday_words_are_not_taken_for_abbreviations() {
    assert_eq!(
        sentences(
            "Forty-three, yes; forty-four, no. Rasmussen asked again. It is art. Museums agree."
        ),
        [
            "Forty-three, yes; forty-four, no.",
            "Rasmussen asked again.",
            "It is art.",
            "Museums agree."
        ]
    );
    assert_eq!(
        sentences("Download the app. Users love it. See No. 10 Downing Street."),
        [
            "Download the app.",
            "Users love it.",
            "See No. 10 Downing Street."
        ]
    );
}

#[test]
fn nicknames_in_quotation_marks_stay_inside_names() {
    assert_eq!(
        sentences("Rep. Robert C. \"Bobby\" Scott spoke. William H. “Bill” Gates agreed."),
        [
            "Rep. Robert C. \"Bobby\" Scott spoke.",
            "William H. “Bill” Gates agreed."
        ]
    );
}

#[test]
fn ellipsis_character_and_period() {
    assert_eq!(
        sentences("They did better with the results…. Polls closed."),
        ["They did better with the results….", "Polls closed."]
    );
}

#[test]
fn attribution_after_a_closed_quotation() {
    assert_eq!(
        sentences("“Really?” Smith asked. “We won!” Jo Park said, smiling. “Go.” Mr. Lee added."),
        [
            "“Really?” Smith asked.",
            "“We won!” Jo Park said, smiling.",
            "“Go.” Mr. Lee added."
        ]
    );
    // A new sentence that reports speech is not an attribution.
    assert_eq!(
        sentences("“We are ready.” Smith said the team had trained hard."),
        ["“We are ready.”", "Smith said the team had trained hard."]
    );
    assert_eq!(
        sentences("He called it “fair.” Park says, “That is reasonable.”"),
        ["He called it “fair.”", "Park says, “That is reasonable.”"]
    );
    assert_eq!(
        sentences("“We are ready.” He said so twice."),
        ["“We are ready.”", "He said so twice."]
    );
}

#[test]
fn names_written_in_lower_case_start_sentences() {
    assert_eq!(
        sentences("Sales rose. iPhone demand was strong. Shares fell? eBay said no. See e.g. iOS."),
        [
            "Sales rose.",
            "iPhone demand was strong.",
            "Shares fell?",
            "eBay said no.",
            "See e.g. iOS."
        ]
    );
}
