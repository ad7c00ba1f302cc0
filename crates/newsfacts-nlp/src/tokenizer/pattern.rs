//! Compiles the tokenizer's Python regular expressions for Rust with Python's matching
//! semantics, fast.
//!
//! Python spells code points `\uXXXX` / `\UXXXXXXXX`, allows a `(?u)` flag and a bare `[`
//! inside a character class; all three are rewritten. The patterns are long alternations of
//! which only a few branches use look-around, so a pattern is split into its top-level
//! branches and consecutive branches of the same kind are compiled together: plain runs with
//! the `regex` crate (automata, no backtracking), look-around runs with `fancy-regex`, guarded
//! by a `regex` prefilter with the look-arounds removed (a superset, so a miss is definitive).
//! Searching takes the leftmost match over the runs and, on a tie, the earlier run — exactly
//! the branch Python's backtracking engine would report.

use fancy_regex::Regex as FancyRegex;
use regex::Regex;

/// A whole pattern compiled with `fancy-regex` (used for small patterns such as the attribute
/// ruler's).
pub fn compile_python(source: &str) -> Result<FancyRegex, Box<fancy_regex::Error>> {
    FancyRegex::new(&translate(source)).map_err(Box::new)
}

enum Run {
    Plain(Regex),
    Fancy {
        prefilter: Option<Regex>,
        regex: FancyRegex,
    },
}

impl Run {
    fn find_at(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        match self {
            Run::Plain(regex) => regex.find_at(text, from).map(|m| (m.start(), m.end())),
            Run::Fancy { prefilter, regex } => {
                if let Some(prefilter) = prefilter
                    && prefilter.find_at(text, from).is_none()
                {
                    return None;
                }
                match regex.find_from_pos(text, from) {
                    Ok(Some(m)) => Some((m.start(), m.end())),
                    _ => None,
                }
            }
        }
    }
}

/// A Python pattern split into runs of branches (see the module documentation).
pub struct PyPattern {
    runs: Vec<Run>,
}

impl PyPattern {
    pub fn compile(source: &str) -> Result<Self, String> {
        let translated = translate(source);
        let mut runs = Vec::new();
        let mut pending: Vec<&str> = Vec::new();
        let mut pending_fancy = false;
        let branches = split_branches(&translated);
        let flush =
            |pending: &mut Vec<&str>, fancy: bool, runs: &mut Vec<Run>| -> Result<(), String> {
                if pending.is_empty() {
                    return Ok(());
                }
                let joined = pending.join("|");
                pending.clear();
                if fancy {
                    let regex = FancyRegex::new(&joined).map_err(|e| e.to_string())?;
                    let prefilter = Regex::new(&strip_lookaround(&joined)).ok();
                    runs.push(Run::Fancy { prefilter, regex });
                } else {
                    runs.push(Run::Plain(Regex::new(&joined).map_err(|e| e.to_string())?));
                }
                Ok(())
            };
        for branch in branches {
            let fancy = has_lookaround(branch);
            if fancy != pending_fancy && !pending.is_empty() {
                flush(&mut pending, pending_fancy, &mut runs)?;
            }
            pending_fancy = fancy;
            pending.push(branch);
        }
        flush(&mut pending, pending_fancy, &mut runs)?;
        Ok(PyPattern { runs })
    }

    /// Python `pattern.search(text, from)`: the leftmost match, first branch on ties.
    pub fn search(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for run in &self.runs {
            if let Some(found) = run.find_at(text, from)
                && best.is_none_or(|b| found.0 < b.0)
            {
                best = Some(found);
            }
        }
        best
    }

    /// Python `pattern.match(text)`: a match starting at 0 (first branch in order).
    pub fn match_start(&self, text: &str) -> Option<usize> {
        for run in &self.runs {
            if let Some((0, end)) = run.find_at(text, 0) {
                return Some(end);
            }
        }
        None
    }

    /// Python `pattern.finditer(text)`: non-overlapping matches left to right.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let mut at = 0usize;
        std::iter::from_fn(move || {
            if at > text.len() {
                return None;
            }
            let (start, end) = self.search(text, at)?;
            at = if end > start {
                end
            } else {
                // Empty match: step past one character.
                end + text[end..].chars().next().map_or(1, char::len_utf8)
            };
            Some((start, end))
        })
    }
}

fn has_lookaround(branch: &str) -> bool {
    branch.contains("(?=")
        || branch.contains("(?!")
        || branch.contains("(?<=")
        || branch.contains("(?<!")
}

/// Splits at top-level `|` (outside groups and character classes).
fn split_branches(pattern: &str) -> Vec<&str> {
    let mut branches = Vec::new();
    let mut depth = 0i32;
    let mut in_class = false;
    let mut start = 0;
    let mut chars = pattern.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' if !in_class => {
                in_class = true;
                // A leading `^` and a leading `]` belong to the class.
                if let Some(&(_, '^')) = chars.peek() {
                    chars.next();
                }
                if let Some(&(_, ']')) = chars.peek() {
                    chars.next();
                }
            }
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth -= 1,
            '|' if !in_class && depth == 0 => {
                branches.push(&pattern[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    branches.push(&pattern[start..]);
    branches
}

/// Removes look-around groups, giving a pattern that matches a superset of the original.
fn strip_lookaround(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let bytes = pattern.as_bytes();
    let mut i = 0;
    while i < pattern.len() {
        let rest = &pattern[i..];
        if rest.starts_with("(?=")
            || rest.starts_with("(?!")
            || rest.starts_with("(?<=")
            || rest.starts_with("(?<!")
        {
            // Skip to the matching parenthesis.
            let mut depth = 0i32;
            let mut in_class = false;
            let mut j = i;
            while j < bytes.len() {
                match bytes[j] {
                    b'\\' => j += 1,
                    b'[' if !in_class => in_class = true,
                    b']' if in_class => in_class = false,
                    b'(' if !in_class => depth += 1,
                    b')' if !in_class => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            i = j + 1;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Rewrites Python-only syntax: `(?u)`, `\uXXXX`/`\UXXXXXXXX` escapes, bare `[` in classes.
fn translate(source: &str) -> String {
    let source = source.replace("(?u)", "");
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut in_class = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            let next = chars[i + 1];
            let digits = match next {
                'u' => 4,
                'U' => 8,
                _ => 0,
            };
            if digits > 0
                && i + 2 + digits <= chars.len()
                && chars[i + 2..i + 2 + digits]
                    .iter()
                    .all(|d| d.is_ascii_hexdigit())
            {
                let hex: String = chars[i + 2..i + 2 + digits].iter().collect();
                let trimmed = hex.trim_start_matches('0');
                out.push_str("\\x{");
                out.push_str(if trimmed.is_empty() { "0" } else { trimmed });
                out.push('}');
                i += 2 + digits;
                continue;
            }
            out.push(c);
            out.push(next);
            i += 2;
            continue;
        }
        if in_class {
            match c {
                ']' => in_class = false,
                '[' => {
                    out.push_str("\\[");
                    i += 1;
                    continue;
                }
                _ => {}
            }
        } else if c == '[' {
            in_class = true;
            out.push(c);
            i += 1;
            // A leading `^` and a leading `]` belong to the class.
            if chars.get(i) == Some(&'^') {
                out.push('^');
                i += 1;
            }
            if chars.get(i) == Some(&']') {
                out.push_str("\\]");
                i += 1;
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_python_syntax() {
        assert_eq!(
            translate(r"[\u00A6\U0001F000-\U0001F02B]"),
            r"[\x{A6}\x{1F000}-\x{1F02B}]"
        );
        assert_eq!(translate(r"(?u)^\\u1234"), r"^\\u1234");
        assert_eq!(translate(r"[[a]"), r"[\[a]");
    }

    #[test]
    fn splits_top_level_branches_only() {
        assert_eq!(
            split_branches(r"a|(b|c)|[|]|\|"),
            vec!["a", "(b|c)", "[|]", r"\|"]
        );
    }

    #[test]
    fn leftmost_then_first_branch() {
        let pattern = PyPattern::compile(r"b$|(?<=a)bc$|abc$").expect("compiles");
        assert_eq!(pattern.search("xabc", 0), Some((1, 4)));
        let pattern = PyPattern::compile(r"^ab|^a(?!c)|^a").expect("compiles");
        assert_eq!(pattern.match_start("ac"), Some(1));
        assert_eq!(pattern.match_start("ab"), Some(2));
    }
}
