//! The quantities layer inside the whole pipeline, where the English model's tags can correct
//! what words alone suggest, on sentences written for this test.

use newsfacts_doc::Document;

fn analyse(text: &str) -> Document {
    let article = newsfacts_ingest::text::article_from_text(text, None);
    newsfacts_analysts::Pipeline::new().analyze(article)
}

/// Each quantity's text and counted thing.
fn counted(doc: &Document) -> Vec<(String, Option<String>)> {
    doc.quantities
        .iter()
        .map(|q| (q.text.clone(), q.of.clone()))
        .collect()
}

#[test]
fn a_counted_thing_ends_before_its_verb() {
    let doc = analyse("A poll of 1,313 people suggests the plan is popular.");
    assert_eq!(
        counted(&doc),
        [("1,313 people".to_string(), Some("people".to_string()))]
    );
    // A participle before the noun stays part of it.
    let doc = analyse("Police said 12 armed men were arrested.");
    assert_eq!(
        counted(&doc),
        [("12 armed men".to_string(), Some("armed men".to_string()))]
    );
}
