//! The JSON contract (`"schema": "newsfacts/1"`): the shape every consumer — a script, the store,
//! the web pages — reads. Offsets here are **character** offsets (Unicode scalar values) into
//! `text`, end exclusive, which is what Python and JavaScript index with.

use serde::{Deserialize, Serialize};

use crate::{
    Boilerplate, CharOffsets, Check, Document, Entity, Event, LedgerEntry, MapOffsets, Quantity,
    Quote, SCHEMA, Span, Token,
};

/// One document as the JSON contract lays it out. Every layer is always present; `tokens` is
/// present (and empty) unless asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutputDocument {
    pub schema: String,
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub byline: Vec<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub text: String,
    pub paragraphs: Vec<Span>,
    pub boilerplate: Vec<Boilerplate>,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Token>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
    pub checks: Vec<Check>,
    pub events: Vec<Event>,
    pub ledger: Vec<LedgerEntry>,
}

/// Which optional layers to include in the output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutputLayers {
    pub tokens: bool,
}

/// Converts a document to the contract's shape, turning every byte offset into a character
/// offset.
pub fn to_output(doc: &Document, layers: OutputLayers) -> OutputDocument {
    let offsets = CharOffsets::new(&doc.text);
    let to_chars = |byte: usize| offsets.char_offset(byte);
    let mut out = OutputDocument {
        schema: SCHEMA.to_string(),
        id: doc.id.clone(),
        url: doc.url.clone(),
        title: doc.title.clone(),
        byline: doc.byline.clone(),
        published: doc.published.clone(),
        language: doc.language.clone(),
        text: doc.text.clone(),
        paragraphs: doc.paragraphs.clone(),
        boilerplate: doc.boilerplate.clone(),
        sentences: doc.sentences.clone(),
        tokens: if layers.tokens {
            doc.tokens.clone()
        } else {
            Vec::new()
        },
        entities: doc.entities.clone(),
        quotes: doc.quotes.clone(),
        quantities: doc.quantities.clone(),
        checks: doc.checks.clone(),
        events: doc.events.clone(),
        ledger: doc.ledger.clone(),
    };
    out.paragraphs.map_offsets(&to_chars);
    out.sentences.map_offsets(&to_chars);
    out.tokens.map_offsets(&to_chars);
    out.entities.map_offsets(&to_chars);
    out.quotes.map_offsets(&to_chars);
    out.quantities.map_offsets(&to_chars);
    out.checks.map_offsets(&to_chars);
    out.events.map_offsets(&to_chars);
    out.ledger.map_offsets(&to_chars);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Verdict};

    #[test]
    fn output_has_every_layer_and_character_offsets() {
        let mut doc = Document::from_article(Article {
            id: "x".into(),
            paragraphs: vec!["“Shells are shells,” he said.".into()],
            ..Article::default()
        });
        let cue_start = doc.text.find("said").expect("cue in text");
        doc.sentences.push(Span::new(0, doc.text.len()));
        doc.checks.push(Check {
            claim: doc.text_span(Span::new(cue_start, cue_start + 4)),
            verdict: Verdict::Unverifiable,
            computation: String::new(),
            inputs: vec![],
        });
        let out = to_output(&doc, OutputLayers::default());
        let chars: Vec<char> = out.text.chars().collect();
        let claim = &out.checks[0].claim;
        let claimed: String = chars[claim.start..claim.end].iter().collect();
        assert_eq!(claimed, "said");
        assert_eq!(out.sentences[0].end, chars.len());

        let value = serde_json::to_value(&out).expect("serializes");
        for layer in [
            "boilerplate",
            "sentences",
            "tokens",
            "entities",
            "quotes",
            "quantities",
            "checks",
            "events",
            "ledger",
        ] {
            assert!(value[layer].is_array(), "layer {layer} missing");
        }
        assert_eq!(value["schema"], SCHEMA);
        let back: OutputDocument = serde_json::from_value(value).expect("round-trips");
        assert_eq!(back, out);
    }
}
