//! Compiles the tokenizer's Python regular expressions with `fancy-regex` (they use
//! look-behind and look-ahead). Python spells code points `\uXXXX` / `\UXXXXXXXX` and allows a
//! `(?u)` flag that Rust's syntax does not; both are rewritten before compiling.

use fancy_regex::Regex;

pub fn compile_python(source: &str) -> Result<Regex, Box<fancy_regex::Error>> {
    Regex::new(&translate(source)).map_err(Box::new)
}

fn translate(source: &str) -> String {
    let source = source.replace("(?u)", "");
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
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
                out.push_str("\\x{");
                out.push_str(hex.trim_start_matches('0'));
                if hex.trim_start_matches('0').is_empty() {
                    out.push('0');
                }
                out.push('}');
                i += 2 + digits;
                continue;
            }
            out.push(c);
            out.push(next);
            i += 2;
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
    fn rewrites_python_code_point_escapes() {
        assert_eq!(
            translate(r"[\u00A6\U0001F000-\U0001F02B]"),
            r"[\x{A6}\x{1F000}-\x{1F02B}]"
        );
        assert_eq!(translate(r"(?u)^\\u1234"), r"^\\u1234");
    }
}
