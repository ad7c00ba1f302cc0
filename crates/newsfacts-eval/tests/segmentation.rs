//! Data-driven test of the sentence segmenter on the golden rules in `../shared`: the Pragmatic
//! Segmenter English rules (bar: 51 of 52) and the pySBD subset (bar: 47 of 48), plus a sanity
//! check on the seed article. Run with `-- --nocapture` to see the figures and every failure.

use newsfacts_eval::segmentation::score_golden_rules_file;

/// Minimum number of the 52 Pragmatic Segmenter English golden rules that must pass.
const PRAGMATIC_SEGMENTER_BAR: usize = 51;

/// Minimum number of the 48 pySBD English golden rules that must pass (pySBD itself: 46).
const PYSBD_BAR: usize = 47;

#[test]
fn pragmatic_segmenter_english_golden_rules() {
    let Some(path) =
        newsfacts_testdata::shared("eval/segmentation/pragmatic_segmenter_golden_rules_en.json")
    else {
        return;
    };
    let report = match score_golden_rules_file(&path) {
        Ok(report) => report,
        Err(error) => panic!("cannot score {}: {error}", path.display()),
    };
    println!(
        "Pragmatic Segmenter English golden rules: {}",
        report.describe()
    );
    assert!(
        report.passed >= PRAGMATIC_SEGMENTER_BAR,
        "only {}/{} golden rules pass (bar {PRAGMATIC_SEGMENTER_BAR}):\n{}",
        report.passed,
        report.total,
        report.describe()
    );
}

#[test]
fn pysbd_english_golden_rules() {
    let Some(path) =
        newsfacts_testdata::shared("eval/segmentation/pysbd_english_golden_rules.json")
    else {
        return;
    };
    let report = match score_golden_rules_file(&path) {
        Ok(report) => report,
        Err(error) => panic!("cannot score {}: {error}", path.display()),
    };
    println!("pySBD English golden rules: {}", report.describe());
    assert_eq!(report.total, 48);
    assert!(
        report.passed >= PYSBD_BAR,
        "only {}/{} pySBD rules pass (bar {PYSBD_BAR}):\n{}",
        report.passed,
        report.total,
        report.describe()
    );
}

#[test]
fn seed_article_splits_sensibly() {
    let Some(path) = newsfacts_testdata::shared("seed/shells-coalition.txt") else {
        return;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => panic!("cannot read {}: {error}", path.display()),
    };
    let sentences: Vec<&str> = newsfacts_nlp::split_sentences(&text)
        .into_iter()
        .map(|span| &text[span.start..span.end])
        .collect();
    for sentence in &sentences {
        println!("| {sentence}");
    }
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    assert!(sentences.len() >= lines, "every line ends a sentence");
    for sentence in &sentences {
        assert_eq!(sentence.trim(), *sentence, "sentences are trimmed");
        assert!(
            !sentence.contains('\n'),
            "no sentence crosses a line: {sentence:?}"
        );
        // An ellipsis followed by lower case continues the sentence: no sentence starts in
        // lower case after one.
        let first = sentence
            .trim_start_matches(['“', '"', '‘', '('])
            .chars()
            .next();
        assert!(
            !first.is_some_and(char::is_lowercase),
            "a sentence starts in lower case: {sentence:?}"
        );
    }
    // Hyphenated names and the quoted ellipsis stay inside their sentences.
    assert!(
        sentences
            .iter()
            .any(|s| s.contains("empire… and now") && s.ends_with("Miller said.")),
        "the Miller quote is one sentence"
    );
    assert!(
        sentences
            .iter()
            .any(|s| s.contains("Kim Jong-un, respective"))
    );
}
