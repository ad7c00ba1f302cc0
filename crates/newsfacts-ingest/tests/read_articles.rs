//! `read_articles`: the records of an input as articles, in order, a bad line an error for
//! itself alone.

use newsfacts_ingest::{InputFormat, read_articles};

#[test]
fn a_bad_line_is_an_error_for_itself_and_the_articles_around_it_are_read() {
    let path = std::env::temp_dir().join(format!(
        "newsfacts-read-articles-{}.jsonl",
        std::process::id()
    ));
    let lines = [
        r#"{"id": "a1", "text": "The council voted on Tuesday.\n\nIt was a long night."}"#,
        r#"{"id": "a2", "text": "#,
        r#"{"id": "a3", "title": "Ferries", "text": "Six ferries were ordered."}"#,
    ];
    std::fs::write(&path, lines.join("\n")).expect("a temporary file can be written");
    let read: Vec<_> = read_articles(&path.to_string_lossy(), InputFormat::Auto).collect();
    let _ = std::fs::remove_file(&path);
    assert_eq!(read.len(), 3, "{read:?}");
    let first = read[0].as_ref().expect("the first line is an article");
    assert_eq!(first.id, "a1");
    assert_eq!(first.paragraphs.len(), 2, "{first:?}");
    assert!(read[1].is_err());
    assert_eq!(read[2].as_ref().map(|a| a.id.as_str()).ok(), Some("a3"));
}
