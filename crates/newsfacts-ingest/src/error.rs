use std::fmt;

/// A problem with one input or one record of it. `origin` names where: the input's path (or
/// `<stdin>`), and the record within it when there are several (`news.jsonl line 12`).
#[derive(Debug)]
pub struct IngestError {
    pub origin: String,
    pub kind: ErrorKind,
}

impl IngestError {
    pub fn new(origin: impl Into<String>, kind: ErrorKind) -> IngestError {
        IngestError {
            origin: origin.into(),
            kind,
        }
    }

    /// Whether the error ends the whole input (nothing more can be read from it), as opposed to
    /// spoiling one record of it.
    pub fn is_fatal_for_input(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Io(_)
                | ErrorKind::Empty
                | ErrorKind::Binary
                | ErrorKind::Gzip(_)
                | ErrorKind::Truncated(_)
        )
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.kind)
    }
}

impl std::error::Error for IngestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(err) => Some(err),
            _ => None,
        }
    }
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("the input is empty")]
    Empty,
    #[error("the input looks binary (not text, HTML, JSON Lines or WARC)")]
    Binary,
    #[error("the gzip stream is broken: {0}")]
    Gzip(String),
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("the record has no \"text\" or \"html\" field")]
    NoContent,
    #[error("invalid WARC record: {0}")]
    Warc(String),
    #[error("invalid ARC record: {0}")]
    Arc(String),
    #[error("the input ends inside a record: {0}")]
    Truncated(String),
    #[error("the record is larger than the {limit}-byte limit for one article")]
    TooLarge { limit: usize },
    #[error("no article text found")]
    NoText,
    #[error("unknown input format {0:?} (expected text, html, jsonl or warc)")]
    UnknownFormat(String),
}
