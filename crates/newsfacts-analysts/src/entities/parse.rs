//! A read-only view of the document's parse that the entity rules walk: children of each
//! token, sentence numbers from the dependency trees, and which tokens sit inside quotation
//! marks.

use newsfacts_doc::{Document, Token};

/// The parse of one document, indexed for the entity rules.
pub struct Parse<'d> {
    pub text: &'d str,
    pub tokens: &'d [Token],
    /// Children of each token, in order.
    children: Vec<Vec<usize>>,
    /// The sentence number of each token (one dependency tree a sentence).
    pub sentence: Vec<usize>,
    /// Whether each token sits between quotation marks.
    pub quoted: Vec<bool>,
    /// Lower-cased token texts.
    lower: Vec<String>,
}

impl<'d> Parse<'d> {
    pub fn new(doc: &'d Document) -> Parse<'d> {
        let tokens = doc.tokens.as_slice();
        let count = tokens.len();
        let mut children = vec![Vec::new(); count];
        for (index, token) in tokens.iter().enumerate() {
            if token.head != index && token.head < count {
                children[token.head].push(index);
            }
        }
        let mut sentence = Vec::with_capacity(count);
        let mut number = 0;
        let mut previous_root = None;
        for index in 0..count {
            let root = root_of(tokens, index);
            if previous_root.is_some_and(|r| r != root) {
                number += 1;
            }
            previous_root = Some(root);
            sentence.push(number);
        }
        let lower = tokens
            .iter()
            .map(|t| {
                doc.text
                    .get(t.start..t.end)
                    .unwrap_or_default()
                    .to_lowercase()
            })
            .collect();
        let quoted = quoted_tokens(&doc.text, tokens);
        Parse {
            text: &doc.text,
            tokens,
            children,
            sentence,
            quoted,
            lower,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token's text as written.
    pub fn word(&self, index: usize) -> &'d str {
        self.tokens
            .get(index)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or_default()
    }

    /// The token's text in lower case.
    pub fn lower(&self, index: usize) -> &str {
        self.lower
            .get(index)
            .map(String::as_str)
            .unwrap_or_default()
    }

    pub fn children(&self, index: usize) -> &[usize] {
        self.children.get(index).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn head(&self, index: usize) -> usize {
        self.tokens.get(index).map_or(index, |t| t.head)
    }

    pub fn dep(&self, index: usize) -> &'d str {
        self.tokens.get(index).map_or("", |t| t.dep.as_str())
    }

    pub fn tag(&self, index: usize) -> &'d str {
        self.tokens.get(index).map_or("", |t| t.tag.as_str())
    }

    pub fn pos(&self, index: usize) -> &'d str {
        self.tokens.get(index).map_or("", |t| t.pos.as_str())
    }

    pub fn lemma(&self, index: usize) -> &'d str {
        self.tokens.get(index).map_or("", |t| t.lemma.as_str())
    }

    /// The first token whose span contains or starts at byte `offset`.
    pub fn token_at(&self, offset: usize) -> Option<usize> {
        let index = self.tokens.partition_point(|t| t.end <= offset);
        (index < self.tokens.len()).then_some(index)
    }

    /// Tokens inside the byte span `[start, end)`.
    pub fn tokens_in(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let first = self.tokens.partition_point(|t| t.end <= start);
        let last = self.tokens.partition_point(|t| t.start < end);
        first..last.max(first)
    }

    /// The token after a mention's span, past a possessive "’s" ("St Mary’s Church" →
    /// "Church"); `None` for an empty span.
    pub fn token_after(&self, start: usize, end: usize) -> Option<usize> {
        let last = self.tokens_in(start, end).last()?;
        let next = last + 1;
        Some(if matches!(self.lower(next), "’s" | "'s") {
            next + 1
        } else {
            next
        })
    }

    /// The syntactic head of a token range: the token whose head lies outside it.
    pub fn head_of(&self, range: std::ops::Range<usize>) -> Option<usize> {
        let last = range.end.checked_sub(1)?;
        range
            .clone()
            .find(|&i| {
                let h = self.head(i);
                h == i || !range.contains(&h)
            })
            .or(Some(last))
    }

    /// Whether `ancestor` dominates `index` (or is it).
    pub fn dominates(&self, ancestor: usize, mut index: usize) -> bool {
        for _ in 0..64 {
            if index == ancestor {
                return true;
            }
            let head = self.head(index);
            if head == index {
                return false;
            }
            index = head;
        }
        false
    }

    /// The leftmost and rightmost tokens of the subtree under `index`.
    pub fn subtree(&self, index: usize) -> (usize, usize) {
        let mut low = index;
        let mut high = index;
        let mut stack = vec![index];
        let mut steps = 0;
        while let Some(node) = stack.pop() {
            steps += 1;
            if steps > 512 {
                break;
            }
            low = low.min(node);
            high = high.max(node);
            stack.extend_from_slice(self.children(node));
        }
        (low, high)
    }

    /// The grammatical role that counts for salience: a conjunct ("Putin and Kim") takes the
    /// role of its first conjunct, an appositive that of its anchor.
    pub fn effective_dep(&self, mut index: usize) -> &'d str {
        for _ in 0..8 {
            let dep = self.dep(index);
            if dep == "conj" || dep == "appos" {
                let head = self.head(index);
                if head == index {
                    return dep;
                }
                index = head;
            } else {
                return dep;
            }
        }
        self.dep(index)
    }

    /// The token the effective role attaches to (for a conjunct, its first conjunct's head).
    pub fn effective_head(&self, mut index: usize) -> usize {
        for _ in 0..8 {
            let dep = self.dep(index);
            let head = self.head(index);
            if (dep == "conj" || dep == "appos") && head != index {
                index = head;
            } else {
                return head;
            }
        }
        self.head(index)
    }
}

fn root_of(tokens: &[Token], mut index: usize) -> usize {
    for _ in 0..256 {
        let head = tokens.get(index).map_or(index, |t| t.head);
        if head == index || head >= tokens.len() {
            return index;
        }
        index = head;
    }
    index
}

/// Marks the tokens between quotation marks, paragraph by paragraph (a line break closes an
/// unclosed quotation, as a new paragraph opening with a mark reopens it).
fn quoted_tokens(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut quoted = vec![false; tokens.len()];
    let mut inside = false;
    let mut open_since = 0usize;
    for (index, token) in tokens.iter().enumerate() {
        let word = text.get(token.start..token.end).unwrap_or_default();
        if word.contains('\n') {
            inside = false;
            continue;
        }
        match word {
            "“" | "«" | "„" => {
                inside = true;
                open_since = index;
            }
            "”" | "»" => inside = false,
            "\"" | "``" | "''" => {
                // A straight mark opens when a word follows it and closes otherwise.
                let next_is_word = text
                    .get(token.end..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|c| c.is_alphanumeric());
                let previous_is_space = token.start == 0
                    || text
                        .get(..token.start)
                        .and_then(|before| before.chars().next_back())
                        .is_some_and(char::is_whitespace);
                if inside && !(previous_is_space && next_is_word && index > open_since + 1) {
                    inside = false;
                } else {
                    inside = true;
                    open_since = index;
                }
            }
            _ => quoted[index] = inside,
        }
    }
    quoted
}
