//! spaCy's English tokenizer, driven by the model's own tokenizer data: whitespace chunking,
//! prefix/suffix/infix regexes, special cases (exceptions such as "don't" → "do" + "n't") and
//! URL matching, followed by the special-case phrase pass spaCy runs over the affix tokens.
//!
//! The algorithm mirrors `spacy/tokenizer.pyx` step by step (including its quirks), so that the
//! tokens come out identical; offsets are byte offsets into the input text.

mod pattern;

use pattern::PyPattern;
pub use pattern::compile_python as compile_python_regex;

use std::collections::HashMap;

use crate::model::{ModelError, ModelFile};

/// No special-case piece: the token's NORM comes from its lexeme.
pub const NO_PIECE: u32 = u32::MAX;

/// One token: a byte range of the text, whether one space follows it, and — for tokens made by
/// a special case — which special-case piece made it (its NORM may differ from the lexeme's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    pub start: u32,
    pub end: u32,
    pub space_after: bool,
    pub piece: u32,
}

/// One token of a special case: its text and optional NORM.
#[derive(Debug, Clone)]
pub struct SpecialPiece {
    pub orth: String,
    pub norm: Option<String>,
}

/// A phrase-matcher pattern: the affix tokenization of a special case's text.
struct SpecialPattern {
    orths: Vec<String>,
}

pub struct Tokenizer {
    prefix: PyPattern,
    suffix: PyPattern,
    infix: PyPattern,
    url: Option<PyPattern>,
    token_match: Option<PyPattern>,
    /// Special-case text → index range into `pieces`.
    specials: HashMap<String, (u32, u32)>,
    pieces: Vec<SpecialPiece>,
    /// First token text → patterns starting with it.
    patterns: HashMap<String, Vec<SpecialPattern>>,
    /// Length in bytes of the longest special case: longer strings skip the lookup.
    longest_special: usize,
    /// Whether a suffix match in a string implies one in every longer string ending with it:
    /// true when the suffix pattern has no negative look-behind, word boundary or `^`.
    suffix_monotone: bool,
}

/// Strings longer than this (only runs of punctuation without spaces get there) have their
/// suffix searched in their last `SUFFIX_WINDOW` bytes, keeping tokenization linear in the
/// text length. spaCy searches the whole string, so a suffix match longer than the window
/// would differ; no real text has one.
const SUFFIX_WINDOW: usize = 1024;

/// Python's `str.isspace` for one character: Unicode White_Space plus the information
/// separators U+001C..U+001F, which Python also counts.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// A token under construction: a sub-slice of the chunk being tokenized.
#[derive(Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    piece: u32,
}

impl Tokenizer {
    pub fn load(file: &ModelFile<'_>) -> Result<Self, ModelError> {
        let data = file.json("tokenizer")?;
        let invalid = |cause: String| ModelError::Invalid {
            name: "tokenizer".into(),
            cause,
        };
        let pattern_of = |key: &str| -> Result<Option<PyPattern>, ModelError> {
            match data.get(key).and_then(|v| v.as_str()) {
                None => Ok(None),
                Some(source) => PyPattern::compile(source)
                    .map(Some)
                    .map_err(|e| invalid(format!("{key}: {e}"))),
            }
        };
        let required = |key: &str| -> Result<PyPattern, ModelError> {
            pattern_of(key)?.ok_or_else(|| invalid(format!("missing {key}")))
        };
        let prefix = required("prefix")?;
        let suffix = required("suffix")?;
        let infix = required("infix")?;
        let url = pattern_of("url")?;
        let token_match = pattern_of("token_match")?;
        let faster_heuristics = data
            .get("faster_heuristics")
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        let rules = data
            .get("rules")
            .and_then(|v| v.as_object())
            .ok_or_else(|| invalid("missing rules".into()))?;

        let mut tokenizer = Tokenizer {
            prefix,
            suffix,
            infix,
            url,
            token_match,
            specials: HashMap::with_capacity(rules.len()),
            pieces: Vec::new(),
            patterns: HashMap::new(),
            longest_special: rules.keys().map(String::len).max().unwrap_or(0),
            suffix_monotone: data
                .get("suffix")
                .and_then(|v| v.as_str())
                .is_some_and(|p| {
                    !p.contains("(?<!")
                        && !p.contains("\\b")
                        && !p.contains("\\B")
                        && !p.replace("[^", "[").contains('^')
                }),
        };
        // spaCy adds the rules in sorted order; the order matters only for the phrase patterns,
        // which we keep per first token.
        let mut sorted: Vec<_> = rules.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        for (text, pieces) in sorted {
            let pieces = pieces
                .as_array()
                .ok_or_else(|| invalid(format!("rule {text:?}")))?;
            let first = tokenizer.pieces.len() as u32;
            for piece in pieces {
                let orth = piece
                    .get("orth")
                    .and_then(|v| v.as_str())
                    .ok_or_else(|| invalid(format!("rule {text:?} lacks orth")))?;
                let norm = piece.get("norm").and_then(|v| v.as_str());
                tokenizer.pieces.push(SpecialPiece {
                    orth: orth.to_owned(),
                    norm: norm.map(str::to_owned),
                });
            }
            let last = tokenizer.pieces.len() as u32;
            tokenizer.specials.insert(text.clone(), (first, last));
        }
        // The special-case matcher only holds rules that affixes would split (or that contain
        // a space), as spaCy does with `faster_heuristics`.
        let mut patterns: HashMap<String, Vec<SpecialPattern>> = HashMap::new();
        let mut texts: Vec<&String> = rules.keys().collect();
        texts.sort();
        for text in texts {
            let needs_matcher = !faster_heuristics
                || tokenizer.find_prefix(text) > 0
                || tokenizer.has_infix(text)
                || tokenizer.find_suffix(text) > 0
                || text.contains(' ');
            if !needs_matcher {
                continue;
            }
            let mut out = Vec::new();
            tokenizer.tokenize_affixes(text, false, &mut out);
            let orths: Vec<String> = out
                .iter()
                .map(|t| text[t.start as usize..t.end as usize].to_owned())
                .collect();
            if let Some(first) = orths.first() {
                patterns
                    .entry(first.clone())
                    .or_default()
                    .push(SpecialPattern { orths });
            }
        }
        tokenizer.patterns = patterns;
        Ok(tokenizer)
    }

    /// The special-case piece a token was made from, if any.
    pub fn piece(&self, index: u32) -> Option<&SpecialPiece> {
        self.pieces.get(index as usize)
    }

    /// Tokenizes `text`, appending to `out` (cleared first).
    pub fn tokenize(&self, text: &str, out: &mut Vec<RawToken>) {
        out.clear();
        self.tokenize_affixes(text, true, out);
        self.apply_special_cases(text, out);
    }

    fn find_prefix(&self, s: &str) -> usize {
        match self.prefix.search(s, 0) {
            Some((start, end)) => end - start,
            None => 0,
        }
    }

    fn find_suffix(&self, s: &str) -> usize {
        match self.suffix.search(s, 0) {
            Some((start, end)) => end - start,
            None => 0,
        }
    }

    /// `find_suffix`, searching only the last [`SUFFIX_WINDOW`] bytes of very long strings.
    fn find_suffix_bounded(&self, s: &str) -> usize {
        if s.len() <= SUFFIX_WINDOW {
            return self.find_suffix(s);
        }
        let mut start = s.len() - SUFFIX_WINDOW;
        while !s.is_char_boundary(start) {
            start += 1;
        }
        self.find_suffix(&s[start..])
    }

    fn has_infix(&self, s: &str) -> bool {
        self.infix.search(s, 0).is_some()
    }

    fn is_special(&self, s: &str) -> bool {
        s.len() <= self.longest_special && self.specials.contains_key(s)
    }

    /// Python `pattern.match(s)` (the patterns end in `$`, so a match spans `s`).
    fn full_match(pattern: &Option<PyPattern>, s: &str) -> bool {
        match pattern {
            Some(pattern) => pattern.match_start(s).is_some(),
            None => false,
        }
    }

    /// `Tokenizer._tokenize_affixes`: split on whitespace, then tokenize each chunk.
    fn tokenize_affixes(&self, text: &str, with_special_cases: bool, out: &mut Vec<RawToken>) {
        let mut chars = text.char_indices().peekable();
        let Some(&(_, first)) = chars.peek() else {
            return;
        };
        let mut in_ws = py_isspace(first);
        let mut start = 0usize;
        let mut pieces: Vec<Piece> = Vec::new();
        for (i, c) in chars {
            if py_isspace(c) != in_ws {
                if start < i {
                    self.tokenize_chunk(text, start, i, with_special_cases, &mut pieces, out);
                }
                if c == ' ' {
                    if let Some(last) = out.last_mut() {
                        last.space_after = true;
                    }
                    start = i + 1;
                } else {
                    start = i;
                }
                in_ws = !in_ws;
            }
        }
        if start < text.len() {
            self.tokenize_chunk(
                text,
                start,
                text.len(),
                with_special_cases,
                &mut pieces,
                out,
            );
            if let Some(last) = out.last_mut() {
                last.space_after = text.ends_with(' ') && !in_ws;
            }
        }
    }

    /// Tokenizes `text[start..end]` (a run of non-space or of space characters).
    fn tokenize_chunk(
        &self,
        text: &str,
        start: usize,
        end: usize,
        with_special_cases: bool,
        pieces: &mut Vec<Piece>,
        out: &mut Vec<RawToken>,
    ) {
        pieces.clear();
        let chunk = &text[start..end];
        if with_special_cases && self.push_special(chunk, 0, pieces) {
            // handled
        } else {
            self.split_affixes(chunk, with_special_cases, pieces);
        }
        for piece in pieces.iter() {
            out.push(RawToken {
                start: (start + piece.start) as u32,
                end: (start + piece.end) as u32,
                space_after: false,
                piece: piece.piece,
            });
        }
    }

    /// Pushes the pieces of the special case for `s` (at `offset` in the chunk), if any.
    fn push_special(&self, s: &str, offset: usize, pieces: &mut Vec<Piece>) -> bool {
        let Some(&(first, last)) = self.specials.get(s) else {
            return false;
        };
        let mut at = offset;
        for index in first..last {
            let len = self.pieces[index as usize].orth.len();
            pieces.push(Piece {
                start: at,
                end: at + len,
                piece: index,
            });
            at += len;
        }
        true
    }

    /// `_split_affixes` followed by `_attach_tokens`.
    fn split_affixes(&self, chunk: &str, with_special_cases: bool, pieces: &mut Vec<Piece>) {
        // Current remaining window chunk[lo..hi].
        let mut lo = 0usize;
        let mut hi = chunk.len();
        let mut prefixes: Vec<(usize, usize)> = Vec::new();
        let mut suffixes: Vec<(usize, usize)> = Vec::new();
        let mut last_size = usize::MAX;
        // Once no suffix matches, none matches after prefixes are removed either (a match in
        // the shorter string is a match in the longer one), so the search is skipped.
        let mut no_suffix = false;
        while lo < hi && hi - lo != last_size {
            let string = &chunk[lo..hi];
            if self.token_match.is_some() && Self::full_match(&self.token_match, string) {
                break;
            }
            if with_special_cases && self.is_special(string) {
                break;
            }
            last_size = hi - lo;
            let pre_len = self.find_prefix(string);
            if pre_len != 0 {
                let minus_pre = &string[pre_len..];
                if !minus_pre.is_empty() && with_special_cases && self.is_special(minus_pre) {
                    prefixes.push((lo, lo + pre_len));
                    lo += pre_len;
                    break;
                }
            }
            let suf_len = if no_suffix {
                0
            } else {
                self.find_suffix_bounded(&string[pre_len..])
            };
            if suf_len == 0 && self.suffix_monotone {
                no_suffix = true;
            }
            if suf_len != 0 {
                let minus_suf = &string[..string.len() - suf_len];
                if !minus_suf.is_empty() && with_special_cases && self.is_special(minus_suf) {
                    suffixes.push((hi - suf_len, hi));
                    hi -= suf_len;
                    break;
                }
            }
            if pre_len != 0 && suf_len != 0 && pre_len + suf_len <= string.len() {
                prefixes.push((lo, lo + pre_len));
                suffixes.push((hi - suf_len, hi));
                lo += pre_len;
                hi -= suf_len;
            } else if pre_len != 0 {
                prefixes.push((lo, lo + pre_len));
                lo += pre_len;
            } else if suf_len != 0 {
                suffixes.push((hi - suf_len, hi));
                hi -= suf_len;
            }
        }
        // _attach_tokens
        for &(s, e) in &prefixes {
            pieces.push(Piece {
                start: s,
                end: e,
                piece: NO_PIECE,
            });
        }
        if lo < hi {
            let string = &chunk[lo..hi];
            if with_special_cases && self.push_special(string, lo, pieces) {
                // special case
            } else if Self::full_match(&self.token_match, string)
                || Self::full_match(&self.url, string)
            {
                pieces.push(Piece {
                    start: lo,
                    end: hi,
                    piece: NO_PIECE,
                });
            } else {
                let mut start = 0usize;
                let mut any = false;
                for (infix_start, infix_end) in self.infix.find_iter(string) {
                    any = true;
                    if infix_start == 0 {
                        continue;
                    }
                    if infix_start != start {
                        pieces.push(Piece {
                            start: lo + start,
                            end: lo + infix_start,
                            piece: NO_PIECE,
                        });
                    }
                    if infix_start != infix_end {
                        pieces.push(Piece {
                            start: lo + infix_start,
                            end: lo + infix_end,
                            piece: NO_PIECE,
                        });
                    }
                    start = infix_end;
                }
                if !any {
                    pieces.push(Piece {
                        start: lo,
                        end: hi,
                        piece: NO_PIECE,
                    });
                } else if start < string.len() {
                    pieces.push(Piece {
                        start: lo + start,
                        end: hi,
                        piece: NO_PIECE,
                    });
                }
            }
        }
        for &(s, e) in suffixes.iter().rev() {
            pieces.push(Piece {
                start: s,
                end: e,
                piece: NO_PIECE,
            });
        }
    }

    /// `_apply_special_cases`: find special-case phrases in the token sequence (longest first,
    /// then leftmost; a span is dropped when its first or last token is already taken) and
    /// replace each by the special case's tokens.
    fn apply_special_cases(&self, text: &str, tokens: &mut Vec<RawToken>) {
        if self.patterns.is_empty() || tokens.is_empty() {
            return;
        }
        let orth = |t: &RawToken| &text[t.start as usize..t.end as usize];
        // (start, end) token spans of every match.
        let mut matches: Vec<(usize, usize)> = Vec::new();
        for i in 0..tokens.len() {
            let Some(candidates) = self.patterns.get(orth(&tokens[i])) else {
                continue;
            };
            for pattern in candidates {
                let n = pattern.orths.len();
                if i + n > tokens.len() {
                    continue;
                }
                if pattern
                    .orths
                    .iter()
                    .zip(&tokens[i..i + n])
                    .all(|(p, t)| p == orth(t))
                {
                    matches.push((i, i + n));
                }
            }
        }
        if matches.is_empty() {
            return;
        }
        matches.sort_unstable();
        matches.dedup();
        // spaCy: sort by (length ascending, start descending), walk from the back.
        matches.sort_by(|a, b| (a.1 - a.0).cmp(&(b.1 - b.0)).then(b.0.cmp(&a.0)));
        let mut seen = vec![false; tokens.len()];
        let mut filtered: Vec<(usize, usize)> = Vec::new();
        for &(s, e) in matches.iter().rev() {
            if !seen[s] && !seen[e - 1] {
                filtered.push((s, e));
            }
            for flag in &mut seen[s..e] {
                *flag = true;
            }
        }
        filtered.sort_unstable();
        let mut result = Vec::with_capacity(tokens.len());
        let mut i = 0usize;
        let mut next = filtered.iter().peekable();
        while i < tokens.len() {
            match next.peek() {
                Some(&&(s, e)) if s == i => {
                    next.next();
                    let span_start = tokens[s].start as usize;
                    let span_end = tokens[e - 1].end as usize;
                    let span_text = &text[span_start..span_end];
                    match self.specials.get(span_text) {
                        None => result.extend_from_slice(&tokens[s..e]),
                        Some(&(first, last)) => {
                            let mut at = span_start;
                            for index in first..last {
                                let len = self.pieces[index as usize].orth.len();
                                result.push(RawToken {
                                    start: at as u32,
                                    end: (at + len) as u32,
                                    space_after: false,
                                    piece: index,
                                });
                                at += len;
                            }
                            if let Some(last_token) = result.last_mut() {
                                last_token.space_after = tokens[e - 1].space_after;
                            }
                        }
                    }
                    i = e;
                }
                _ => {
                    result.push(tokens[i]);
                    i += 1;
                }
            }
        }
        *tokens = result;
    }
}
