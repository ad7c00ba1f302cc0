//! The token view the quotation rules read: the document's own tokens (tags, lemmas, parse and
//! entities from the English pipeline) when the pipeline filled them, else a light tokenization
//! of the text with no tags, so the layer works — with fewer clues — either way.

use newsfacts_doc::{Document, Span};

/// One token as the quotation rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Lowercased text, with curly apostrophes made straight.
    pub lower: String,
    /// Penn Treebank tag; empty when the text was not tagged.
    pub tag: String,
    /// Lemma, lowercased; empty when the text was not lemmatized.
    pub lemma: String,
    /// Syntactic head, when the text was parsed.
    pub head: Option<usize>,
    pub dep: String,
    /// Entity label (`PERSON`, `ORG`, …) of the entity the token is part of; empty outside.
    pub ent: String,
    /// Whether the token starts an entity.
    pub ent_begin: bool,
    /// First character is an uppercase letter.
    pub cap: bool,
    /// Has a letter or digit.
    pub word: bool,
}

impl Tok {
    pub fn is(&self, lower: &str) -> bool {
        self.lower == lower
    }

    pub fn is_any(&self, words: &[&str]) -> bool {
        words.contains(&self.lower.as_str())
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The tokens of a document, with what analysis they carry.
#[derive(Debug, Clone, Default)]
pub struct TokenView {
    pub toks: Vec<Tok>,
    /// Part-of-speech tags are present.
    pub tagged: bool,
    /// Dependency heads are present.
    pub parsed: bool,
}

impl TokenView {
    /// The document's tokens when it has them, else a light tokenization of its text.
    pub fn of(doc: &Document) -> TokenView {
        if doc.tokens.is_empty() {
            return TokenView {
                toks: light_tokens(&doc.text),
                tagged: false,
                parsed: false,
            };
        }
        let toks: Vec<Tok> = doc
            .tokens
            .iter()
            .filter(|t| t.end <= doc.text.len() && t.start < t.end)
            .filter(|t| doc.text.is_char_boundary(t.start) && doc.text.is_char_boundary(t.end))
            .filter(|t| !doc.text[t.start..t.end].trim().is_empty())
            .map(|t| {
                let text = &doc.text[t.start..t.end];
                let (ent_begin, ent) = match t.ent.split_once('-') {
                    Some((iob, label)) => (iob == "B", label.to_owned()),
                    None => (false, String::new()),
                };
                make_tok(
                    text,
                    t.start,
                    t.end,
                    t.tag.clone(),
                    lowercase(&t.lemma),
                    ent,
                    ent_begin,
                )
            })
            .collect();
        // Heads index the document's token list; whitespace tokens were dropped above, so
        // heads are remapped by offset.
        let parsed = doc.tokens.iter().any(|t| !t.dep.is_empty());
        let mut view = TokenView {
            tagged: doc.tokens.iter().any(|t| !t.tag.is_empty()),
            parsed,
            toks,
        };
        if parsed {
            for (k, t) in doc.tokens.iter().enumerate() {
                let Some(own) = view.index_at(t.start) else {
                    continue;
                };
                if view.toks[own].start != t.start {
                    continue;
                }
                let head = doc.tokens.get(t.head).and_then(|h| view.index_at(h.start));
                view.toks[own].head = if t.head == k { Some(own) } else { head };
                view.toks[own].dep = t.dep.clone();
            }
        }
        view
    }

    /// Index of the token containing or following byte `offset`.
    pub fn index_at(&self, offset: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.end <= offset);
        (i < self.toks.len()).then_some(i)
    }

    /// Index of the first token starting at or after `offset` (the length when none).
    pub fn first_from(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.start < offset)
    }

    /// Index one past the last token ending at or before `offset`.
    pub fn end_before(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.end <= offset)
    }
}

/// `text` lowercased: the ASCII case (most tokens) without Unicode's case tables.
fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

fn make_tok(
    text: &str,
    start: usize,
    end: usize,
    tag: String,
    lemma: String,
    ent: String,
    ent_begin: bool,
) -> Tok {
    Tok {
        start,
        end,
        // One allocation for an ASCII token (no curly apostrophe to straighten).
        lower: if text.is_ascii() {
            text.to_ascii_lowercase()
        } else {
            text.to_lowercase().replace('’', "'")
        },
        tag,
        lemma,
        head: None,
        dep: String::new(),
        ent,
        ent_begin,
        cap: text.chars().next().is_some_and(char::is_uppercase),
        word: text.chars().any(char::is_alphanumeric),
    }
}

/// Splits text into words and single punctuation marks. Words keep inner apostrophes, hyphens
/// and periods ("don’t", "Jong-un", "U.S."); a possessive `’s` is split off as spaCy does.
pub fn light_tokens(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut push = |s: usize, e: usize| {
        toks.push(make_tok(
            &text[s..e],
            s,
            e,
            String::new(),
            String::new(),
            String::new(),
            false,
        ));
    };
    let mut chunk_start: Option<usize> = None;
    let mut chunks = Vec::new();
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                chunks.push((s, i));
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        chunks.push((s, text.len()));
    }
    for (s, e) in chunks {
        let chunk = &text[s..e];
        let chars: Vec<(usize, char)> = chunk.char_indices().collect();
        let mut lo = 0;
        let mut hi = chars.len();
        while lo < hi && !chars[lo].1.is_alphanumeric() {
            lo += 1;
        }
        while hi > lo && !chars[hi - 1].1.is_alphanumeric() {
            // Keep the final period of an abbreviation with inner periods ("U.S.").
            if chars[hi - 1].1 == '.' && chars[lo..hi - 1].iter().any(|&(_, c)| c == '.') {
                break;
            }
            hi -= 1;
        }
        for &(o, c) in &chars[..lo] {
            push(s + o, s + o + c.len_utf8());
        }
        if lo < hi {
            let ws = s + chars[lo].0;
            let we = s + chars[hi - 1].0 + chars[hi - 1].1.len_utf8();
            let word = &text[ws..we];
            // Possessive 's split off.
            let cut = ["’s", "'s"]
                .iter()
                .find(|p| word.len() > p.len() + 1 && word.ends_with(*p))
                .map(|p| we - p.len());
            match cut {
                Some(c) => {
                    push(ws, c);
                    push(c, we);
                }
                None => push(ws, we),
            }
        }
        for &(o, c) in &chars[hi..] {
            push(s + o, s + o + c.len_utf8());
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_tokens_split_punctuation_and_possessives() {
        let text = "“Russia’s U.S. help,” Miller said: don’t.";
        let words: Vec<&str> = light_tokens(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(
            words,
            vec![
                "“", "Russia", "’s", "U.S.", "help", ",", "”", "Miller", "said", ":", "don’t", "."
            ]
        );
    }
}
