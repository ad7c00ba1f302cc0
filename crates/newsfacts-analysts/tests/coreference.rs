//! The entities layer on short articles of our own: roles from a pre-modifier and an
//! appositive, a role noun ("the minister") and a pronoun after a quotation resolved to the
//! person who holds the role; a pronoun that speaks continues the last speaker over a person
//! only talked about since.

use newsfacts_analysts::Pipeline;
use newsfacts_doc::{Article, Document, Entity};

fn analyse(paragraphs: &[&str]) -> Document {
    Pipeline::new().analyze(Article {
        id: "fixture".into(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..Article::default()
    })
}

fn person<'d>(doc: &'d Document, name: &str) -> &'d Entity {
    doc.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}: {:#?}", doc.entities))
}

#[test]
fn role_nouns_and_pronouns_join_the_person_who_holds_the_role() {
    let doc = analyse(&[
        "Foreign minister Anna Berg met John Pike, the mayor of Oslo, on Monday.",
        "\u{201c}We agreed on a plan,\u{201d} the minister said. \u{201c}It will work,\u{201d} she added.",
    ]);
    let berg = person(&doc, "Anna Berg");
    let roles: Vec<&str> = berg.roles.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(roles, ["Foreign minister"]);
    let forms: Vec<(&str, Option<&str>)> = berg
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.label.as_deref()))
        .collect();
    assert!(
        forms.contains(&("the minister", Some("nominal"))),
        "{forms:?}"
    );
    assert!(forms.contains(&("she", Some("pronoun"))), "{forms:?}");
    let pike = person(&doc, "John Pike");
    assert_eq!(pike.roles[0].text, "mayor of Oslo");
    assert_eq!(pike.roles[0].org.as_deref(), Some("Oslo"));
}

#[test]
fn a_pronoun_that_speaks_continues_the_last_speaker() {
    let doc = analyse(&[
        "Senator Mark Dale said on Monday that the tax plan would fail.",
        "The plan was written by Governor Paul Reed, who has defended it for months. \
         He said voters would reject it in November.",
    ]);
    let he = doc.text.find("He said").expect("fixture text");
    let dale = person(&doc, "Mark Dale");
    assert!(
        dale.mentions.iter().any(|m| m.start == he),
        "“He said” is not Mark Dale: {:#?}",
        doc.entities
    );
}
