//! Inputs that must never make the pipeline panic: empty text, emoji, non-Latin scripts,
//! control characters, a 10,000-token sentence, a 1 MB document, long runs without spaces.
//! Each result is checked for structural sanity (offsets, heads, entity spans). Timings are
//! measured by `examples/throughput.rs`, not asserted here. Debug builds run the large inputs
//! at a fifth to a twentieth of their size (they are 20–50× slower); `cargo test --release`
//! (as CI runs) uses the full sizes.

use newsfacts_nlp::{Analysis, EnglishPipeline};

fn check(text: &str) -> Analysis<'static> {
    let analysis = EnglishPipeline::global().analyze(text);
    let n = analysis.tokens.len();
    let mut previous_end = 0;
    for token in &analysis.tokens {
        assert!(token.start < token.end, "empty token");
        assert!(
            token.start >= previous_end,
            "tokens overlap or go backwards"
        );
        assert!(token.end <= text.len());
        assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
        assert!(token.head < n, "head out of range");
        assert!(!token.tag.is_empty() && !token.dep.is_empty());
        previous_end = token.end;
    }
    // Everything between tokens is whitespace.
    for pair in analysis.tokens.windows(2) {
        let gap = &text[pair[0].end..pair[1].start];
        assert!(
            gap.chars().all(newsfacts_nlp::tokenizer::py_isspace),
            "{gap:?} dropped"
        );
    }
    for entity in &analysis.entities {
        assert!(entity.tokens.start < entity.tokens.end && entity.tokens.end <= n);
        assert_eq!(entity.start, analysis.tokens[entity.tokens.start].start);
        assert_eq!(entity.end, analysis.tokens[entity.tokens.end - 1].end);
    }
    if n > 0 {
        assert!(analysis.tokens[0].sent_start);
        assert_eq!(
            analysis.sentences.first().map(|s| s.start),
            Some(analysis.tokens[0].start)
        );
    }
    analysis
}

#[test]
fn empty_and_blank_text() {
    assert!(check("").tokens.is_empty());
    check(" ");
    check("\n\n\t  \n");
}

#[test]
fn emoji() {
    let analysis = check("I ❤️ pizza 🍕!! 👨‍👩‍👧‍👦 family 😀😀😀 #blessed 🇬🇧 ok");
    assert!(analysis.tokens.len() > 8);
}

#[test]
fn non_latin_scripts() {
    for text in [
        "Президент России Владимир Путин заявил в среду.",
        "中华人民共和国国务院总理李强在北京会见了来访的客人。",
        "قال الرئيس إن المحادثات كانت مثمرة.",
        "प्रधानमंत्री ने मंगलवार को दिल्ली में कहा।",
        "Ο πρωθυπουργός δήλωσε ότι η Ελλάδα θα στηρίξει.",
        "대통령은 서울에서 기자회견을 열었다.",
        "שלום עולם",
        "Zürich, Kraków and São Paulo signed — “finally” — the ﬁnal deal.",
    ] {
        check(text);
    }
}

#[test]
fn control_characters() {
    check("\u{0}\u{1}abc\u{7f}\u{1b}[31mred\u{1b}[0m\r\n\u{c}\u{b}tab\there");
    check("zero\u{200b}width\u{feff}bom\u{202e}rtl\u{2028}line\u{2029}para\u{85}next");
    check("\u{1c}\u{1d}\u{1e}\u{1f} separators \u{fffd}\u{fffe}");
}

#[test]
fn ten_thousand_token_sentence() {
    let words = if cfg!(debug_assertions) {
        2_000
    } else {
        10_000
    };
    let mut text = String::from("The committee said");
    for i in 0..words {
        text.push_str(if i % 2 == 0 { " that" } else { " officials" });
    }
    let analysis = check(&text);
    assert!(analysis.tokens.len() >= words);
}

#[test]
fn one_megabyte_document() {
    let paragraph = "Quarterly profits at the media giant jumped 76% to $1.13bn (£600m) for the \
three months to December, the firm said on Friday. Chief executive Richard Parsons told \
reporters in New York that sales of high-speed internet connections rose sharply.\n\n";
    let target = if cfg!(debug_assertions) {
        50_000
    } else {
        1_000_000
    };
    let mut text = String::with_capacity(target + paragraph.len());
    while text.len() < target {
        text.push_str(paragraph);
    }
    let analysis = check(&text);
    assert!(analysis.sentences.len() > 100);
    assert!(!analysis.entities.is_empty());
}

#[test]
fn long_runs_without_spaces() {
    let n = if cfg!(debug_assertions) {
        2_000
    } else {
        20_000
    };
    check(&"(".repeat(n));
    check(&")".repeat(n));
    check(&".".repeat(n));
    check(&"a".repeat(10 * n));
    check(&"-a".repeat(n));
    check(&"https://example.com/".repeat(n / 10));
}
