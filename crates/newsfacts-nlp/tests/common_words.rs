//! The lemma index as a dictionary of common English words, which the entities layer uses to
//! tell a capitalised common word at a sentence's start from a name.

use newsfacts_nlp::EnglishPipeline;

#[test]
fn common_words_are_known_in_any_case_and_inflection() {
    let pipeline = EnglishPipeline::global();
    for word in [
        "Budget",
        "budget",
        "Telecoms",
        "Slowdowns",
        "tacit",
        "Walked",
    ] {
        assert!(pipeline.knows_common_word(word), "{word} unknown");
    }
    for word in ["Citigroup", "Ryanair", "Khodorkovsky", ""] {
        assert!(
            !pipeline.knows_common_word(word),
            "{word} taken for a common word"
        );
    }
}
