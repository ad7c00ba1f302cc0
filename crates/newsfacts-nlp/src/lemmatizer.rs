//! spaCy's English rule lemmatizer (`mode = "rule"`) with the model's lookup tables: suffix
//! rules, exceptions and the index of known lemmas per universal POS.

use std::collections::{HashMap, HashSet};

use crate::lexeme::py_isalpha;
use crate::model::{ModelError, ModelFile};

struct PosTables {
    index: HashSet<String>,
    exceptions: HashMap<String, Vec<String>>,
    rules: Vec<(String, String)>,
}

pub struct Lemmatizer {
    by_pos: HashMap<String, PosTables>,
}

impl Lemmatizer {
    pub fn load(file: &ModelFile<'_>) -> Result<Self, ModelError> {
        let value = file.json("lemmatizer")?;
        let tables = value.get("tables").and_then(|t| t.as_object());
        let table = |name: &str| tables.and_then(|t| t.get(name)).and_then(|t| t.as_object());
        let strings = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut result: HashMap<String, PosTables> = HashMap::new();
        if let Some(index) = table("lemma_index") {
            for (pos, words) in index {
                tables_for(&mut result, pos).index.extend(strings(words));
            }
        }
        if let Some(exc) = table("lemma_exc") {
            for (pos, words) in exc {
                if let Some(words) = words.as_object() {
                    let tables = tables_for(&mut result, pos);
                    for (word, forms) in words {
                        tables.exceptions.insert(word.clone(), strings(forms));
                    }
                }
            }
        }
        if let Some(rules) = table("lemma_rules") {
            for (pos, pairs) in rules {
                let tables = tables_for(&mut result, pos);
                for pair in pairs.as_array().into_iter().flatten() {
                    let pair = strings(pair);
                    if let [old, new] = pair.as_slice() {
                        tables.rules.push((old.clone(), new.clone()));
                    }
                }
            }
        }
        Ok(Lemmatizer { by_pos: result })
    }

    /// Whether `word` (any case) is a common English noun, adjective, adverb or verb: its
    /// lemma under one of those parts of speech is in the model's index of known lemmas
    /// ("Telecoms" → "telecom", "Budget", "Tacit"; not "Citigroup" or "Hollywood").
    pub fn knows_common_word(&self, word: &str) -> bool {
        ["noun", "adj", "adv", "verb"]
            .iter()
            .any(|pos| self.knows_word_as(word, pos))
    }

    /// Whether `word` (any case) is known as a common word of one part of speech ("noun",
    /// "adj", "adv" or "verb"): "report" and "protests" are nouns as well as verbs, "proposes"
    /// is not.
    pub fn knows_word_as(&self, word: &str, pos: &str) -> bool {
        self.by_pos.get(pos).is_some_and(|tables| {
            let lemma = self.lemmatize(&word.to_lowercase(), pos, "");
            tables.index.contains(&lemma)
        })
    }

    /// The lemma of `text` with universal POS `pos` (e.g. "NOUN") and features `morph`.
    pub fn lemmatize(&self, text: &str, pos: &str, morph: &str) -> String {
        let univ_pos = pos.to_lowercase();
        if univ_pos.is_empty() || univ_pos == "eol" || univ_pos == "space" {
            return text.to_lowercase();
        }
        if is_base_form(&univ_pos, morph) {
            return text.to_lowercase();
        }
        let Some(tables) = self.by_pos.get(&univ_pos) else {
            return if univ_pos == "propn" {
                text.to_owned()
            } else {
                text.to_lowercase()
            };
        };
        let string = text.to_lowercase();
        let mut forms: Vec<String> = Vec::new();
        let mut oov_forms: Vec<String> = Vec::new();
        for (old, new) in &tables.rules {
            if let Some(stem) = string.strip_suffix(old.as_str()) {
                let form = format!("{stem}{new}");
                if form.is_empty() {
                    continue;
                }
                let in_index = tables.index.contains(&form);
                if in_index {
                    forms.insert(0, form);
                } else if !(form.chars().all(py_isalpha)) {
                    forms.push(form);
                } else {
                    oov_forms.push(form);
                }
            }
        }
        // Remove duplicates, keeping first occurrences.
        let mut seen = HashSet::new();
        forms.retain(|f| seen.insert(f.clone()));
        if let Some(exceptions) = tables.exceptions.get(&string) {
            for form in exceptions {
                if !forms.contains(form) {
                    forms.insert(0, form.clone());
                }
            }
        }
        if forms.is_empty() {
            forms.extend(oov_forms);
        }
        forms.into_iter().next().unwrap_or_else(|| text.to_owned())
    }
}

fn tables_for<'a>(map: &'a mut HashMap<String, PosTables>, pos: &str) -> &'a mut PosTables {
    map.entry(pos.to_owned()).or_insert_with(|| PosTables {
        index: HashSet::new(),
        exceptions: HashMap::new(),
        rules: Vec::new(),
    })
}

fn feature<'a>(morph: &'a str, name: &str) -> Option<&'a str> {
    morph.split('|').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then_some(value)
    })
}

/// `EnglishLemmatizer.is_base_form`.
fn is_base_form(univ_pos: &str, morph: &str) -> bool {
    let verb_form = feature(morph, "VerbForm");
    let degree = feature(morph, "Degree");
    (univ_pos == "noun" && feature(morph, "Number") == Some("Sing"))
        || (univ_pos == "verb" && verb_form == Some("Inf"))
        || (univ_pos == "verb"
            && verb_form == Some("Fin")
            && feature(morph, "Tense") == Some("Pres")
            && feature(morph, "Number").is_none())
        || (univ_pos == "adj" && degree == Some("Pos"))
        || verb_form == Some("Inf")
        || verb_form == Some("None")
        || degree == Some("Pos")
}
