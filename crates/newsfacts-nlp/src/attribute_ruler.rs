//! spaCy's `attribute_ruler` with the model's patterns: maps fine tags (and a few word/tag/
//! dependency combinations) to universal POS, morphological features and some lemmas.
//! All patterns are matched against the tokens as they are before the ruler runs, then applied
//! in pattern order, so later patterns win.

use std::collections::HashMap;

use crate::model::{ModelError, ModelFile};

enum Condition {
    Equals(String),
    In(Vec<String>),
    NotIn(Vec<String>),
    /// Python `re.search` semantics.
    Regex(fancy_regex::Regex),
}

impl Condition {
    fn parse(value: &serde_json::Value) -> Option<Self> {
        let strings = |v: &serde_json::Value| -> Option<Vec<String>> {
            v.as_array().map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
        };
        if let Some(s) = value.as_str() {
            return Some(Condition::Equals(s.to_owned()));
        }
        let object = value.as_object()?;
        if let Some(list) = object.get("IN") {
            return strings(list).map(Condition::In);
        }
        if let Some(list) = object.get("NOT_IN") {
            return strings(list).map(Condition::NotIn);
        }
        if let Some(pattern) = object.get("REGEX").and_then(|p| p.as_str()) {
            return crate::tokenizer::compile_python_regex(pattern)
                .ok()
                .map(Condition::Regex);
        }
        None
    }

    fn holds(&self, value: &str) -> bool {
        match self {
            Condition::Equals(s) => s == value,
            Condition::In(list) => list.iter().any(|s| s == value),
            Condition::NotIn(list) => !list.iter().any(|s| s == value),
            Condition::Regex(regex) => matches!(regex.is_match(value), Ok(true)),
        }
    }
}

#[derive(Default)]
struct TokenSpec {
    tag: Option<Condition>,
    lower: Option<Condition>,
    dep: Option<Condition>,
    is_space: Option<bool>,
}

/// Attribute values a rule sets.
#[derive(Default, Clone)]
pub struct RuleAttrs {
    pub pos: Option<String>,
    pub morph: Option<String>,
    pub lemma: Option<String>,
    pub tag: Option<String>,
    pub dep: Option<String>,
}

struct Rule {
    patterns: Vec<Vec<TokenSpec>>,
    index: i64,
    attrs: RuleAttrs,
}

/// What the ruler sees of a token.
pub struct RulerToken<'a> {
    pub tag: &'a str,
    pub lower: &'a str,
    pub dep: &'a str,
    pub is_space: bool,
}

pub struct AttributeRuler {
    rules: Vec<Rule>,
    /// (rule, pattern) pairs whose first token requires one exact TAG, by that tag; the
    /// others are tried at every position.
    by_first_tag: HashMap<String, Vec<(usize, usize)>>,
    unindexed: Vec<(usize, usize)>,
}

impl AttributeRuler {
    pub fn load(file: &ModelFile<'_>) -> Result<Self, ModelError> {
        let value = file.json("attribute_ruler")?;
        let invalid = |cause: &str| ModelError::Invalid {
            name: "attribute_ruler".into(),
            cause: cause.into(),
        };
        let mut rules = Vec::new();
        for rule in value.as_array().ok_or_else(|| invalid("not a list"))? {
            let mut patterns = Vec::new();
            for pattern in rule
                .get("patterns")
                .and_then(|p| p.as_array())
                .ok_or_else(|| invalid("patterns"))?
            {
                let mut specs = Vec::new();
                for token in pattern.as_array().ok_or_else(|| invalid("pattern"))? {
                    let object = token.as_object().ok_or_else(|| invalid("token spec"))?;
                    let mut spec = TokenSpec::default();
                    for (key, value) in object {
                        match key.as_str() {
                            "TAG" => {
                                spec.tag = Some(
                                    Condition::parse(value).ok_or_else(|| invalid("condition"))?,
                                )
                            }
                            "LOWER" => {
                                spec.lower = Some(
                                    Condition::parse(value).ok_or_else(|| invalid("condition"))?,
                                )
                            }
                            "DEP" => {
                                spec.dep = Some(
                                    Condition::parse(value).ok_or_else(|| invalid("condition"))?,
                                )
                            }
                            "IS_SPACE" => spec.is_space = value.as_bool(),
                            other => return Err(invalid(&format!("unsupported key {other}"))),
                        }
                    }
                    specs.push(spec);
                }
                patterns.push(specs);
            }
            let attrs_value = rule.get("attrs").and_then(|a| a.as_object());
            let get = |key: &str| {
                attrs_value
                    .and_then(|a| a.get(key))
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
            };
            let attrs = RuleAttrs {
                pos: get("POS"),
                morph: get("MORPH").map(|m| if m == "_" { String::new() } else { m }),
                lemma: get("LEMMA"),
                tag: get("TAG"),
                dep: get("DEP"),
            };
            let index = rule.get("index").and_then(|i| i.as_i64()).unwrap_or(0);
            rules.push(Rule {
                patterns,
                index,
                attrs,
            });
        }
        let mut by_first_tag: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut unindexed = Vec::new();
        for (rule_index, rule) in rules.iter().enumerate() {
            for (pattern_index, pattern) in rule.patterns.iter().enumerate() {
                match pattern.first().and_then(|spec| spec.tag.as_ref()) {
                    Some(Condition::Equals(tag)) => by_first_tag
                        .entry(tag.clone())
                        .or_default()
                        .push((rule_index, pattern_index)),
                    _ => unindexed.push((rule_index, pattern_index)),
                }
            }
        }
        Ok(AttributeRuler {
            rules,
            by_first_tag,
            unindexed,
        })
    }

    /// Every match as (token index, attributes to set), in the order spaCy applies them.
    pub fn matches(&self, tokens: &[RulerToken<'_>]) -> Vec<(usize, &RuleAttrs)> {
        // (rule, start, end, target): spaCy applies matches by rule, then position.
        let mut found: Vec<(usize, usize, usize, usize)> = Vec::new();
        for start in 0..tokens.len() {
            let indexed = self
                .by_first_tag
                .get(tokens[start].tag)
                .map_or(&[][..], Vec::as_slice);
            for &(rule_index, pattern_index) in indexed.iter().chain(&self.unindexed) {
                let rule = &self.rules[rule_index];
                let pattern = &rule.patterns[pattern_index];
                let len = pattern.len();
                if len == 0 || start + len > tokens.len() {
                    continue;
                }
                if pattern
                    .iter()
                    .zip(&tokens[start..start + len])
                    .all(|(spec, token)| spec_holds(spec, token))
                {
                    let target = if rule.index >= 0 {
                        start + rule.index as usize
                    } else {
                        (start + len).wrapping_sub(rule.index.unsigned_abs() as usize)
                    };
                    if target >= start && target < start + len {
                        found.push((rule_index, start, start + len, target));
                    }
                }
            }
        }
        found.sort_unstable();
        found
            .into_iter()
            .map(|(rule_index, _, _, target)| (target, &self.rules[rule_index].attrs))
            .collect()
    }
}

fn spec_holds(spec: &TokenSpec, token: &RulerToken<'_>) -> bool {
    spec.tag.as_ref().is_none_or(|c| c.holds(token.tag))
        && spec.lower.as_ref().is_none_or(|c| c.holds(token.lower))
        && spec.dep.as_ref().is_none_or(|c| c.holds(token.dep))
        && spec.is_space.is_none_or(|b| b == token.is_space)
}
