//! The entities layer on the seed article, against its hand annotation (../shared/seed/gold.json):
//! every required person with its roles and mentions, the required organisations and places,
//! nothing from the `must_not` lists (names that occur only in boilerplate headlines).

use newsfacts_doc::{Document, Entity, EntityKind};
use newsfacts_testdata::seed_gold;

fn analyse_seed() -> Option<Document> {
    let text = newsfacts_testdata::seed_text()?;
    let article = newsfacts_ingest::text::article_from_text(&text, None);
    Some(newsfacts_analysts::Pipeline::new().analyze(article))
}

fn strings(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn describe(entity: &Entity) -> String {
    let mentions: Vec<&str> = entity.mentions.iter().map(|m| m.text.as_str()).collect();
    let roles: Vec<&str> = entity.roles.iter().map(|r| r.text.as_str()).collect();
    format!(
        "{} {:?} {:?} roles={roles:?} mentions={mentions:?}",
        entity.id, entity.kind, entity.name
    )
}

/// Whether an entity of `kind` is called `name` or has a mention written so.
fn named(doc: &Document, kind: EntityKind, name: &str) -> bool {
    doc.entities
        .iter()
        .any(|e| e.kind == kind && (e.name == name || e.mentions.iter().any(|m| m.text == name)))
}

#[test]
fn seed_people_with_roles_and_mentions_organisations_and_places() {
    let (Some(doc), Some(gold)) = (analyse_seed(), seed_gold()) else {
        return;
    };
    for entity in &doc.entities {
        println!("{}", describe(entity));
    }
    let mut failures = Vec::new();
    for person in gold["people"]["required"].as_array().into_iter().flatten() {
        let name = person["name"].as_str().unwrap_or_default();
        let Some(entity) = doc
            .entities
            .iter()
            .find(|e| e.kind == EntityKind::Person && e.name == name)
        else {
            failures.push(format!("no person {name}"));
            continue;
        };
        for mention in strings(&person["mentions"]) {
            if !entity
                .mentions
                .iter()
                .any(|m| m.text.eq_ignore_ascii_case(&mention))
            {
                failures.push(format!("{name}: no mention {mention:?}"));
            }
        }
        for role in strings(&person["roles"]) {
            if !entity.roles.iter().any(|r| r.text == role) {
                failures.push(format!("{name}: no role {role:?}"));
            }
        }
    }
    for (section, kind) in [
        ("organisations", EntityKind::Organisation),
        ("places", EntityKind::Place),
    ] {
        for name in strings(&gold[section]["required"]) {
            if !named(&doc, kind, &name) {
                failures.push(format!("no {kind:?} {name}"));
            }
        }
    }
    for section in ["people", "organisations", "places"] {
        for name in strings(&gold[section]["must_not"]) {
            let found = doc.entities.iter().any(|e| {
                e.name.contains(&name) || e.mentions.iter().any(|m| m.text.contains(&name))
            });
            if found {
                failures.push(format!("must not report {name}"));
            }
        }
    }
    // Every mention lies in the kept text and says what it covers.
    for entity in &doc.entities {
        for m in &entity.mentions {
            if doc.text.get(m.start..m.end) != Some(m.text.as_str()) {
                failures.push(format!(
                    "{}: mention {:?} off its span",
                    entity.name, m.text
                ));
            }
        }
    }
    assert!(failures.is_empty(), "seed entities: {failures:#?}");
}

#[test]
fn seed_pronoun_after_a_quote_resolves_to_its_speaker() {
    let Some(doc) = analyse_seed() else {
        return;
    };
    let added = doc.text.find("he added").expect("seed text");
    let owner = doc
        .entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.start == added))
        .map(|e| e.name.as_str());
    assert_eq!(owner, Some("Mykhailo Podolyak"));
    let speaker = doc
        .quotes
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "added"))
        .and_then(|q| q.speaker.as_ref())
        .map(|s| s.name.as_str());
    assert_eq!(speaker, Some("Mykhailo Podolyak"));
}
