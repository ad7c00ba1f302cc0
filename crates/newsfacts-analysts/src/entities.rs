//! The entities layer, first cut: named mentions from the NER grouped into canonical entities.
//!
//! A person's later short mentions ("Miller") join the earlier full name they end
//! ("Matthew Miller"); other mentions join entities of the same kind with the same text.
//! Pronouns, role nouns, roles and coreference beyond names are not resolved yet.

use newsfacts_doc::{Document, Entity, EntityKind, Mention};

/// One named mention as the NER found it: byte span, NER label, and the entity kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedMention<'a> {
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
    pub kind: EntityKind,
}

/// Groups named mentions into entities. Mentions of kind `Other` (dates, amounts, works) are
/// left to the quantities layer and elsewhere.
pub fn group_named_mentions(doc: &Document, mentions: &[NamedMention<'_>]) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    for mention in mentions {
        if mention.kind == EntityKind::Other {
            continue;
        }
        let text = clean_name(&doc.text[mention.start..mention.end]);
        if text.is_empty() {
            continue;
        }
        let found = entities.iter().position(|entity| {
            entity.kind == mention.kind
                && (entity.name == text
                    || (mention.kind == EntityKind::Person && is_short_form(&entity.name, text)))
        });
        let index = match found {
            Some(index) => index,
            None => {
                // A full name seen after its short form takes the short form's entity over.
                let short = entities.iter().position(|entity| {
                    entity.kind == EntityKind::Person
                        && mention.kind == EntityKind::Person
                        && is_short_form(text, &entity.name)
                });
                match short {
                    Some(index) => {
                        entities[index].name = text.to_string();
                        index
                    }
                    None => {
                        entities.push(Entity {
                            id: String::new(),
                            kind: mention.kind,
                            name: text.to_string(),
                            roles: Vec::new(),
                            mentions: Vec::new(),
                        });
                        entities.len() - 1
                    }
                }
            }
        };
        entities[index].mentions.push(Mention {
            start: mention.start,
            end: mention.end,
            text: doc.text[mention.start..mention.end].to_string(),
            label: Some(mention.label.to_string()),
        });
    }
    for (number, entity) in entities.iter_mut().enumerate() {
        entity.id = format!("e{}", number + 1);
    }
    entities
}

/// "Miller" is a short form of "Matthew Miller" (the last word of a longer name), and "Kim" of
/// "Kim Jong-un" (the first word, where the family name comes first and the given name is
/// hyphenated, as in Korean names).
fn is_short_form(full: &str, short: &str) -> bool {
    if short.contains(' ') || full.len() <= short.len() {
        return false;
    }
    let mut words = full.split(' ');
    let first = words.next();
    let last = full.rsplit(' ').next();
    last == Some(short)
        || (first == Some(short) && words.next_back().is_some_and(|given| given.contains('-')))
}

/// A name without a leading "the" and a trailing possessive.
fn clean_name(text: &str) -> &str {
    let text = text.trim();
    let text = text
        .strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .unwrap_or(text);
    let text = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text);
    text.trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfacts_doc::Article;

    fn doc(text: &str) -> Document {
        Document::from_article(Article {
            id: "t".into(),
            paragraphs: vec![text.into()],
            ..Article::default()
        })
    }

    fn mention<'a>(
        text: &str,
        needle: &str,
        nth: usize,
        label: &'a str,
        kind: EntityKind,
    ) -> NamedMention<'a> {
        let start = text
            .match_indices(needle)
            .nth(nth)
            .map(|(i, _)| i)
            .expect("needle in text");
        NamedMention {
            start,
            end: start + needle.len(),
            label,
            kind,
        }
    }

    #[test]
    fn surnames_join_full_names_and_places_group_by_text() {
        let text =
            "Anna Berg met Paris officials. Berg said Paris was ready. The Berg plan failed.";
        let d = doc(text);
        let mentions = [
            mention(text, "Anna Berg", 0, "PERSON", EntityKind::Person),
            mention(text, "Paris", 0, "GPE", EntityKind::Place),
            mention(text, "Berg", 1, "PERSON", EntityKind::Person),
            mention(text, "Paris", 1, "GPE", EntityKind::Place),
            mention(text, "ready", 0, "DATE", EntityKind::Other),
        ];
        let entities = group_named_mentions(&d, &mentions);
        assert_eq!(entities.len(), 2);
        assert_eq!(entities[0].name, "Anna Berg");
        assert_eq!(entities[0].mentions.len(), 2);
        assert_eq!(entities[0].mentions[1].text, "Berg");
        assert_eq!(entities[1].id, "e2");
        assert_eq!(entities[1].mentions.len(), 2);
    }

    #[test]
    fn a_family_name_written_first_joins_its_full_name() {
        let text = "Kim Jong-un arrived. Kim left. Anna Berg stayed while Anna slept.";
        let d = doc(text);
        let mentions = [
            mention(text, "Kim Jong-un", 0, "PERSON", EntityKind::Person),
            mention(text, "Kim", 1, "PERSON", EntityKind::Person),
            mention(text, "Anna Berg", 0, "PERSON", EntityKind::Person),
            mention(text, "Anna", 1, "PERSON", EntityKind::Person),
        ];
        let entities = group_named_mentions(&d, &mentions);
        assert_eq!(entities[0].name, "Kim Jong-un");
        assert_eq!(entities[0].mentions.len(), 2);
        // A given name alone is not taken for a western full name's bearer.
        assert_eq!(entities.len(), 3);
    }

    #[test]
    fn a_full_name_after_its_short_form_renames_the_entity() {
        let text = "Berg spoke first. Later Anna Berg left.";
        let d = doc(text);
        let mentions = [
            mention(text, "Berg", 0, "PERSON", EntityKind::Person),
            mention(text, "Anna Berg", 0, "PERSON", EntityKind::Person),
        ];
        let entities = group_named_mentions(&d, &mentions);
        assert_eq!(entities.len(), 1);
        assert_eq!(entities[0].name, "Anna Berg");
    }
}
