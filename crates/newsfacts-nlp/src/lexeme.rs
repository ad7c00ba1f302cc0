//! The lexical attributes spaCy's hashed embeddings read, computed exactly as spaCy's English
//! vocabulary does: NORM (tokenizer exception, else the model's norm tables, else lower case),
//! PREFIX (first character), SUFFIX (last three characters) and SHAPE ("Xxxxx", "dd").

use std::collections::HashMap;

use crate::model::StringIds;

/// `spacy.lang.lex_attrs.word_shape`.
pub fn word_shape(text: &str, out: &mut String) {
    out.clear();
    if text.chars().count() >= 100 {
        out.push_str("LONG");
        return;
    }
    let mut last: Option<char> = None;
    let mut seq = 0;
    for c in text.chars() {
        let shape_char = if py_isalpha(c) {
            if c.is_uppercase() { 'X' } else { 'x' }
        } else if py_isdigit(c) {
            'd'
        } else {
            c
        };
        if Some(shape_char) == last {
            seq += 1;
        } else {
            seq = 0;
            last = Some(shape_char);
        }
        if seq < 4 {
            out.push(shape_char);
        }
    }
}

/// Python's `str.isalpha` for one character (letters; Rust's `is_alphabetic` also admits
/// letter numbers and vowel signs, which Python does not count).
pub fn py_isalpha(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric() && !is_combining_mark_like(c)
}

fn is_combining_mark_like(c: char) -> bool {
    // Spacing and non-spacing marks that Unicode lists as Alphabetic (Other_Alphabetic) in the
    // blocks news text meets: Indic vowel signs and the like.
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0955..=0x0957
        | 0x0962..=0x0963 | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x0A01..=0x0A03
        | 0x0A3C..=0x0A51 | 0x0B01..=0x0B03 | 0x0BBE..=0x0BD7 | 0x0C00..=0x0C04
        | 0x0C3E..=0x0C56 | 0x0D00..=0x0D03 | 0x0D3E..=0x0D57 | 0x0E31 | 0x0E34..=0x0E3A
        | 0x0E47..=0x0E4E | 0x05B0..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670)
}

/// Python's `str.isdigit` for one character: decimal digits plus the superscript/circled
/// digits Unicode gives a digit value; not fractions or Roman numerals.
pub fn py_isdigit(c: char) -> bool {
    if c.is_ascii_digit() {
        return true;
    }
    if !c.is_numeric() {
        return false;
    }
    !matches!(c as u32, 0x00BC..=0x00BE | 0x2150..=0x218B | 0x3007 | 0x3021..=0x3029
        | 0x3038..=0x303A | 0x4E00..=0x9FFF | 0x16EE..=0x16F0)
}

/// NORM strings by string id: the vocabulary's `lexeme_norm` table merged over spaCy's
/// `BASE_NORMS` by the converter.
pub struct NormTable {
    pub by_id: HashMap<u64, String>,
}

/// The lexical feature ids of one token, in the order the embedding tables expect.
#[derive(Debug, Clone, Copy, Default)]
pub struct LexFeatures {
    pub norm: u64,
    pub prefix: u64,
    pub suffix: u64,
    pub shape: u64,
    pub is_space: bool,
}

/// Computes features with reusable scratch strings (no allocation per token once warm).
pub struct FeatureScratch {
    lower: String,
    shape: String,
}

impl Default for FeatureScratch {
    fn default() -> Self {
        FeatureScratch {
            lower: String::with_capacity(64),
            shape: String::with_capacity(64),
        }
    }
}

impl FeatureScratch {
    /// Features of token `text`; `norm_override` is a tokenizer exception's NORM.
    pub fn features(
        &mut self,
        text: &str,
        norm_override: Option<&str>,
        ids: &StringIds,
        norms: &NormTable,
    ) -> LexFeatures {
        let norm = match norm_override {
            Some(norm) => ids.id(norm),
            None => {
                let orth = ids.id(text);
                match norms.by_id.get(&orth) {
                    Some(norm) => ids.id(norm),
                    None => {
                        self.lower.clear();
                        for c in text.chars() {
                            self.lower.extend(c.to_lowercase());
                        }
                        // Final sigma, as Python's str.lower handles it.
                        if text.contains('Σ') {
                            self.lower = text.to_lowercase();
                        }
                        ids.id(&self.lower)
                    }
                }
            }
        };
        let prefix = match text.char_indices().nth(1) {
            Some((end, _)) => ids.id(&text[..end]),
            None => ids.id(text),
        };
        let suffix_start = text
            .char_indices()
            .rev()
            .nth(2)
            .map(|(i, _)| i)
            .unwrap_or(0);
        let suffix = ids.id(&text[suffix_start..]);
        word_shape(text, &mut self.shape);
        let shape = ids.id(&self.shape);
        LexFeatures {
            norm,
            prefix,
            suffix,
            shape,
            is_space: !text.is_empty() && text.chars().all(crate::tokenizer::py_isspace),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_follow_spacy() {
        let mut out = String::new();
        for (text, shape) in [
            ("Quarterly", "Xxxxx"),
            ("1.13bn", "d.ddxx"),
            ("TimeWarner", "XxxxXxxxx"),
            ("$", "$"),
            ("2004", "dddd"),
            ("ü", "x"),
        ] {
            word_shape(text, &mut out);
            assert_eq!(out, shape, "{text}");
        }
    }
}
