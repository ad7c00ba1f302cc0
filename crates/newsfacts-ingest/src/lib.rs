//! Ingest: the only part of newsfacts that reads bytes. It turns what users have — plain text,
//! HTML pages, JSON Lines, WARC archives, gzip-compressed or not, files or stdin — into
//! [`Article`]s: the story's paragraphs, its metadata, and the boilerplate set aside with reasons.
//!
//! Two stages, so a batch can read sequentially and analyse in parallel:
//! 1. [`read_input`] streams [`RawRecord`]s out of one input (I/O, sequential, memory flat);
//! 2. [`to_article`] turns one record into an [`Article`] (pure, CPU-bound, parallel).
//!
//! Errors name the input and the record ([`IngestError`]); a bad record never stops the stream.

pub mod encoding;
mod error;
pub mod html;
pub mod jsonl;
mod source;
pub mod text;
pub mod warc;

pub use error::{ErrorKind, IngestError};
pub use source::{InputFormat, Payload, RawRecord, RecordStream, read_input, sniff_format};

use newsfacts_doc::Article;

/// The articles of one input, in order, as `newsfacts analyze` reads them: each record of
/// `read_input` turned into an article by [`to_article`]. A bad record is an error for it alone.
pub fn read_articles(
    path: &str,
    format: InputFormat,
) -> impl Iterator<Item = Result<Article, IngestError>> {
    read_input(path, format).map(|record| record.and_then(to_article))
}

/// Turns one raw record into an article: HTML gets main-text and metadata extraction, plain text
/// gets paragraph splitting and boilerplate removal. Metadata the record carries (a JSON Lines
/// `title`, a WARC target URI) wins over what is found in the page.
pub fn to_article(record: RawRecord) -> Result<Article, IngestError> {
    let RawRecord {
        origin,
        id,
        url,
        title,
        published,
        payload,
    } = record;
    let is_html = matches!(payload, Payload::Html { .. });
    let mut article = match payload {
        Payload::Text(text) => text::article_from_text(&text, title.as_deref()),
        Payload::Html { bytes, charset } => {
            let html = encoding::decode(&bytes, charset.as_deref());
            html::article_from_html(&html, url.as_deref())
        }
    };
    article.id = id;
    if url.is_some() {
        article.url = url;
    }
    if title.is_some() {
        article.title = title;
    }
    if published.is_some() {
        article.published = published;
    }
    // A page can carry its story only in scripts, rendered in the browser. With a title it is
    // still a document — metadata only, empty text — so that a crawl keeps one document per
    // page and its URL, title and date are not lost; callers can tell by the empty text.
    if article.paragraphs.is_empty() && !(is_html && article.title.is_some()) {
        return Err(IngestError::new(origin, ErrorKind::NoText));
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html_record(html: &str) -> RawRecord {
        RawRecord {
            origin: "page.html".into(),
            id: "page".into(),
            url: None,
            title: None,
            published: None,
            payload: Payload::Html {
                bytes: html.as_bytes().to_vec(),
                charset: None,
            },
        }
    }

    #[test]
    fn a_script_rendered_page_with_a_title_is_a_metadata_only_document() {
        let record = html_record(
            "<html><head><title>Budget passes</title></head><body><script>render()</script></body></html>",
        );
        let article = to_article(record).expect("a titled page is a document");
        assert_eq!(article.title.as_deref(), Some("Budget passes"));
        assert!(article.paragraphs.is_empty());
    }

    #[test]
    fn a_page_with_neither_text_nor_title_is_an_error() {
        let err = to_article(html_record("<html><body></body></html>")).expect_err("nothing");
        assert!(matches!(err.kind, ErrorKind::NoText));
        let text = RawRecord {
            payload: Payload::Text("   ".into()),
            ..html_record("")
        };
        assert!(to_article(text).is_err());
    }
}
