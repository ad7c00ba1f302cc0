//! Rule-based sentence segmentation.

use newsfacts_doc::Span;

/// Splits `text` into sentences, returned as byte spans with surrounding whitespace trimmed.
/// Newlines always end a sentence: ingest puts one between paragraphs.
pub fn split_sentences(text: &str) -> Vec<Span> {
    // Placeholder until the real segmenter lands: one sentence per line.
    let mut spans = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = offset + trimmed_start;
            spans.push(Span::new(start, start + trimmed.len()));
        }
        offset += line.len() + 1;
    }
    spans
}
