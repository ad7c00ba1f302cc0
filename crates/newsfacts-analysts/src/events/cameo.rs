//! A user's CAMEO verb dictionary in the PETRARCH format (`CAMEO.2.0.txt` and its kin), read
//! so that events can carry CAMEO codes and verbs the built-in lexicon does not know can become
//! events. newsfacts ships no dictionary; the user loads one (`--cameo-verbs FILE`).
//!
//! What is read of the format (see the comments of PETRARCH's `read_verb_dictionary`):
//! - synonym sets: a line `&NAME` followed by `+WORD` lines, up to a blank line;
//! - after `####### VERB PATTERNS`, blocks opened by `---  VERB   [code]  ---`; each member line
//!   is a verb (`ASK [020]`, `+ASK_FOR {…} [020]` for a verb with a particle), with its own code
//!   or the block's; each pattern line `- subject * object (PREP NOUN) [code] # comment` refines
//!   the code by the verb's object or prepositional phrase.
//!
//! Only what a dependency parse can check is used: the first object word after `*` (a word, the
//! last word of a `{…}` phrase, or the members of a `&SET`) and the first `(PREP NOUN)` group.
//! Subjects before `*`, actor codes (`$`, `+`) and the transformations section are not read.
//! Codes written `[042:043]` keep their first part; `[---]` means no code.

use std::collections::HashMap;

/// Why a dictionary could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CameoDictionaryError {
    #[error("no verb patterns: the dictionary has no `####### VERB PATTERNS` section")]
    NoVerbSection,
    #[error("no verbs were found in the verb patterns section")]
    NoVerbs,
}

/// A pattern of a verb block: an object noun, possibly behind a preposition, and its code
/// (`None` for `[---]`: the verb with that object is no event).
#[derive(Debug, Clone)]
struct Pattern {
    preposition: Option<String>,
    noun: String,
    code: Option<String>,
}

/// One verb block: its patterns are shared by all its member verbs.
#[derive(Debug, Clone, Default)]
struct Block {
    patterns: Vec<Pattern>,
}

/// A verb of the dictionary: its block and its code (its own or the block's).
#[derive(Debug, Clone)]
struct VerbEntry {
    block: usize,
    code: Option<String>,
}

/// The verbs and patterns of a CAMEO verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct CameoVerbs {
    blocks: Vec<Block>,
    /// Lowercase verb ("ask"), or verb and particle ("ask for").
    verbs: HashMap<String, VerbEntry>,
}

/// The code inside `[…]`: digits only, the first of `a:b`; `None` for `---` or anything else.
fn bracket_code(line: &str) -> Option<String> {
    let start = line.find('[')? + 1;
    let end = line[start..].find(']')? + start;
    let code = line[start..end].split(':').next()?.trim();
    (!code.is_empty() && code.chars().all(|c| c.is_ascii_digit())).then(|| code.to_string())
}

/// A dictionary word as newsfacts compares it: lowercase, without `+` and trailing `_`, with
/// `_` between words read as a space ("RE_ELECT" is "re-elect").
fn dictionary_word(raw: &str) -> String {
    let word = raw
        .trim_start_matches('+')
        .trim_end_matches('_')
        .to_lowercase();
    match word.strip_prefix("re_") {
        Some(rest) => format!("re-{rest}"),
        None => word.replace('_', " "),
    }
}

impl CameoVerbs {
    /// Reads a dictionary's text.
    pub fn parse(text: &str) -> Result<CameoVerbs, CameoDictionaryError> {
        let mut sets: HashMap<String, Vec<String>> = HashMap::new();
        let mut lines = text.lines();
        let mut current_set: Option<String> = None;
        let mut in_verbs = false;
        for line in lines.by_ref() {
            let line = line.trim_end();
            if line.starts_with("####### VERB PATTERNS") {
                in_verbs = true;
                break;
            }
            if line.trim().is_empty() {
                current_set = None;
            } else if let Some(name) = line.strip_prefix('&') {
                let name = name
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('_')
                    .to_lowercase();
                sets.entry(name.clone()).or_default();
                current_set = Some(name);
            } else if let (Some(set), Some(word)) = (&current_set, line.strip_prefix('+')) {
                let word = word.split('#').next().unwrap_or("").trim();
                if !word.is_empty()
                    && let Some(members) = sets.get_mut(set)
                {
                    members.push(dictionary_word(word));
                }
            }
        }
        if !in_verbs {
            return Err(CameoDictionaryError::NoVerbSection);
        }
        let mut dictionary = CameoVerbs::default();
        let mut block_code: Option<String> = None;
        for line in lines {
            let line = line.trim_end();
            if line.starts_with("########") {
                break;
            }
            let body = line.split('#').next().unwrap_or("").trim();
            if body.is_empty() {
                continue;
            }
            if let Some(rest) = body.strip_prefix("---") {
                dictionary.blocks.push(Block::default());
                block_code = bracket_code(rest);
                continue;
            }
            let Some(block) = dictionary.blocks.len().checked_sub(1) else {
                continue;
            };
            if let Some(pattern) = body.strip_prefix('-') {
                // `[---]` says the verb with this object is no event: kept, since it overrides
                // the verb's own code.
                let code = bracket_code(pattern);
                if code.is_none() && !pattern.contains("[---]") {
                    continue;
                }
                let words = pattern.split('[').next().unwrap_or("");
                for (preposition, noun) in pattern_objects(words, &sets) {
                    dictionary.blocks[block].patterns.push(Pattern {
                        preposition,
                        noun,
                        code: code.clone(),
                    });
                }
                continue;
            }
            // A member verb: its first word, then an optional `{forms}` and `[code]`.
            let Some(first) = body.split_whitespace().next() else {
                continue;
            };
            let verb = dictionary_word(first);
            if verb.is_empty() || !verb.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            let code = bracket_code(body).or_else(|| block_code.clone());
            dictionary
                .verbs
                .entry(verb)
                .or_insert(VerbEntry { block, code });
        }
        if dictionary.verbs.is_empty() {
            return Err(CameoDictionaryError::NoVerbs);
        }
        Ok(dictionary)
    }

    /// How many verbs the dictionary holds.
    pub fn len(&self) -> usize {
        self.verbs.len()
    }

    /// Whether the dictionary holds no verb.
    pub fn is_empty(&self) -> bool {
        self.verbs.is_empty()
    }

    /// The CAMEO code of a verb (lemma, optional particle) with the given object words and
    /// (preposition, object word) pairs — each word as written and as its lemma, lowercase. A
    /// matching prepositional pattern wins over an object pattern, which wins over the verb's
    /// own code; a matching pattern coded `[---]` leaves the verb without a code.
    pub fn code(
        &self,
        lemma: &str,
        particle: Option<&str>,
        objects: &[&str],
        preps: &[(&str, &str)],
    ) -> Option<&str> {
        let entry = particle
            .and_then(|p| self.verbs.get(&format!("{lemma} {p}")))
            .or_else(|| self.verbs.get(lemma))?;
        let patterns = &self.blocks.get(entry.block)?.patterns;
        let by_prep = patterns.iter().find(|p| {
            p.preposition.as_deref().is_some_and(|word| {
                preps
                    .iter()
                    .any(|(prep, noun)| *prep == word && *noun == p.noun)
            })
        });
        let by_object = || {
            patterns
                .iter()
                .find(|p| p.preposition.is_none() && objects.contains(&p.noun.as_str()))
        };
        match by_prep.or_else(by_object) {
            Some(pattern) => pattern.code.as_deref(),
            None => entry.code.as_deref(),
        }
    }
}

/// The object patterns of a pattern line's words: the first element after `*` — a word, the
/// last word of a `{…}` phrase, the members of a `&SET`, or a `(PREP NOUN …)` group.
fn pattern_objects(
    words: &str,
    sets: &HashMap<String, Vec<String>>,
) -> Vec<(Option<String>, String)> {
    let Some((_, after)) = words.split_once('*') else {
        return Vec::new();
    };
    let after = after.trim();
    let (preposition, rest) = match after.strip_prefix('(') {
        Some(group) => {
            let group = group.split(')').next().unwrap_or("");
            let mut parts = group.splitn(2, char::is_whitespace);
            let prep = parts.next().unwrap_or("").to_lowercase();
            (Some(prep), parts.next().unwrap_or("").trim().to_string())
        }
        None => (None, after.to_string()),
    };
    let head = if let Some(phrase) = rest.strip_prefix('{') {
        phrase
            .split('}')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_string()
    } else {
        rest.split_whitespace().next().unwrap_or("").to_string()
    };
    let nouns: Vec<String> = if let Some(set) = head.strip_prefix('&') {
        sets.get(&set.trim_end_matches('_').to_lowercase())
            .map(|members| {
                members
                    .iter()
                    .filter_map(|m| m.split_whitespace().last().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    } else if head.chars().next().is_some_and(char::is_alphabetic) {
        vec![dictionary_word(&head)]
    } else {
        Vec::new()
    };
    nouns
        .into_iter()
        .filter(|n| !n.is_empty())
        .map(|n| (preposition.clone().filter(|p| !p.is_empty()), n))
        .collect()
}

/// The PLOVER type of a CAMEO code, by newsfacts' reading of the CAMEO and PLOVER definitions:
/// the root's type, with the return, release and de-escalation codes (084–087) as RETREAT,
/// embargoes and sanctions imposed (163) as COERCE and destruction of property (1712) as
/// ASSAULT. Public statements (01) are no PLOVER event.
pub fn plover_of_cameo(code: &str) -> Option<&'static str> {
    if code.starts_with("1712") {
        return Some("ASSAULT");
    }
    if code.starts_with("163") {
        return Some("COERCE");
    }
    if ["084", "085", "086", "087"]
        .iter()
        .any(|p| code.starts_with(p))
    {
        return Some("RETREAT");
    }
    let plover = match code.get(..2)? {
        "02" | "10" => "REQUEST",
        "03" => "AGREE",
        "04" => "CONSULT",
        "05" => "SUPPORT",
        "06" => "COOPERATE",
        "07" => "AID",
        "08" => "CONCEDE",
        "09" | "11" => "ACCUSE",
        "12" => "REJECT",
        "13" => "THREATEN",
        "14" => "PROTEST",
        "15" => "MOBILIZE",
        "16" => "SANCTION",
        "17" => "COERCE",
        "18" | "19" | "20" => "ASSAULT",
        _ => return None,
    };
    Some(plover)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# header\n\
        &FOOD\n+GRAIN\n+RICE_\n\n\
        ####### VERB PATTERNS #######\n\n\
        ---  RUSH   [---]  ---\n\
        RUSH\n\
        SPEED {SPEEDING SPEEDS SPED }\n\
        - * AID                                [070]   # RUSH\n\
        - * &FOOD                              [073]   # RUSH\n\
        - * (TO BORDER)                        [154]   # RUSH\n\n\
        ---  ASK   [020]  ---\n\
        +ASK_FOR {+ASKED_FOR} [021]\n\
        ASK\n\
        GRILL [110]\n\
        - * {HUMANITARIAN AID}                 [0233]  # ASK\n\
        - * ADVICE                             [---]   # ASK\n\n\
        ######## TRANSFORMATIONS ##########\n\
        ~ a (a b ATTACK) SAY = a b 015\n";

    #[test]
    fn verbs_take_the_code_of_their_pattern_then_their_own() {
        let verbs = CameoVerbs::parse(SAMPLE).expect("reads");
        assert_eq!(verbs.code("rush", None, &["aid"], &[]), Some("070"));
        assert_eq!(verbs.code("speed", None, &["rice"], &[]), Some("073"));
        assert_eq!(
            verbs.code("rush", None, &["troops"], &[("to", "border")]),
            Some("154")
        );
        // A block without a code and no pattern matched: no code.
        assert_eq!(verbs.code("rush", None, &["cars"], &[]), None);
        assert_eq!(verbs.code("ask", None, &[], &[]), Some("020"));
        assert_eq!(verbs.code("ask", Some("for"), &[], &[]), Some("021"));
        assert_eq!(verbs.code("grill", None, &[], &[]), Some("110"));
        assert_eq!(verbs.code("ask", None, &["aid"], &[]), Some("0233"));
        assert_eq!(verbs.code("attack", None, &[], &[]), None);
    }

    #[test]
    fn a_pattern_coded_null_leaves_the_verb_without_a_code() {
        let verbs = CameoVerbs::parse(SAMPLE).expect("reads");
        // Asking advice is no event, though "ask" alone is 020.
        assert_eq!(verbs.code("ask", None, &["advice"], &[]), None);
        assert_eq!(verbs.code("ask", None, &["money"], &[]), Some("020"));
    }

    #[test]
    fn text_without_verbs_is_an_error() {
        assert!(matches!(
            CameoVerbs::parse("&SET\n+A\n"),
            Err(CameoDictionaryError::NoVerbSection)
        ));
        assert!(matches!(
            CameoVerbs::parse("####### VERB PATTERNS\n\n"),
            Err(CameoDictionaryError::NoVerbs)
        ));
    }

    #[test]
    fn cameo_roots_map_to_plover() {
        assert_eq!(plover_of_cameo("0233"), Some("REQUEST"));
        assert_eq!(plover_of_cameo("0841"), Some("RETREAT"));
        assert_eq!(plover_of_cameo("081"), Some("CONCEDE"));
        assert_eq!(plover_of_cameo("1631"), Some("COERCE"));
        assert_eq!(plover_of_cameo("190"), Some("ASSAULT"));
        assert_eq!(plover_of_cameo("010"), None);
        assert_eq!(plover_of_cameo(""), None);
    }
}
