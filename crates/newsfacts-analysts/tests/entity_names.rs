//! The entities layer on a short article written for this test: a given name alone joins its
//! full name, a surname the NER may miss still joins its person, a platform is no person, and
//! "“…,” he added" goes to the last speaker, not to a name inside the quotation.

use newsfacts_doc::{Document, Entity, EntityKind};

const ARTICLE: &str = "Senator Jon Tester met Hillary Clinton in Helena on Monday. \
Hillary praised the plan for rural hospitals. Tester said the vote would be close. \
“We will win this, and Clinton knows it,” Tester told reporters. \
Clinton wrote on Twitter that she was pleased. \
“It was a good day for Montana,” he added.";

fn analyse() -> Document {
    let article = newsfacts_ingest::text::article_from_text(ARTICLE, None);
    newsfacts_analysts::Pipeline::new().analyze(article)
}

fn person<'d>(doc: &'d Document, name: &str) -> &'d Entity {
    doc.entities
        .iter()
        .find(|e| e.kind == EntityKind::Person && e.name == name)
        .unwrap_or_else(|| panic!("no person {name}: {:#?}", doc.entities))
}

fn offset_of(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"))
}

#[test]
fn given_names_surnames_platforms_and_speakers() {
    let doc = analyse();
    let text = doc.text.as_str();

    let clinton = person(&doc, "Hillary Clinton");
    let hillary = offset_of(text, "Hillary praised");
    assert!(
        clinton
            .mentions
            .iter()
            .any(|m| m.start == hillary && m.label.as_deref() == Some("given")),
        "“Hillary” alone is not a mention of Hillary Clinton: {clinton:#?}"
    );

    let tester = person(&doc, "Jon Tester");
    for needle in ["Tester said", "Tester told"] {
        let at = offset_of(text, needle);
        assert!(
            tester.mentions.iter().any(|m| m.start == at),
            "{needle:?} is not a mention of Jon Tester: {tester:#?}"
        );
    }

    assert!(
        !doc.entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.name == "Twitter"),
        "Twitter taken for a person"
    );

    let he = offset_of(text, "he added");
    assert!(
        tester.mentions.iter().any(|m| m.start == he),
        "“…,” he added is not Jon Tester: {tester:#?}"
    );
}

/// The NER calls "Port Alder" a place in one sentence and a person in another (in the article
/// newsfacts ships as its example); the article names one place.
#[test]
fn a_name_typed_two_ways_stays_one_entity() {
    let text = "The regional council of Port Alder voted on Tuesday to buy six electric ferries.\n\
Port Alder’s current fleet of four diesel ferries carried 2.1 million passengers last year.";
    let article = newsfacts_ingest::text::article_from_text(text, None);
    let doc = newsfacts_analysts::Pipeline::new().analyze(article);
    let named: Vec<&Entity> = doc
        .entities
        .iter()
        .filter(|e| e.name == "Port Alder")
        .collect();
    assert_eq!(named.len(), 1, "{:#?}", doc.entities);
    assert_eq!(named[0].kind, EntityKind::Place);
    assert_eq!(named[0].mentions.len(), 2, "{:#?}", named[0].mentions);
}

/// The NER calls these companies people; the article shows they are companies ("shares", "its
/// profits", "the British carmaker"), while a chief executive stays a person.
#[test]
fn companies_the_ner_calls_people_are_organisations() {
    let text = "Pernod Ricard said its profits fell by 5% in the year to June. \
Pernod Ricard shares closed 3% lower in Paris.\n\n\
Aston Martin, the British carmaker, said sales of its new model were strong. \
Its chief executive, Carlos Ghosn, said he was pleased.\n\n\
No formal offer has been made yet, but Manchester United have confirmed they have received a \
proposal. Supporters' group Shareholders United urged the club to reject it.";
    let article = newsfacts_ingest::text::article_from_text(text, None);
    let doc = newsfacts_analysts::Pipeline::new().analyze(article);
    for name in [
        "Pernod Ricard",
        "Aston Martin",
        "Manchester United",
        "Shareholders United",
    ] {
        assert!(
            !doc.entities
                .iter()
                .any(|e| e.kind == EntityKind::Person && e.name == name),
            "{name} taken for a person: {:#?}",
            doc.entities
        );
    }
    assert!(
        doc.entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.name == "Carlos Ghosn"),
        "Carlos Ghosn is no longer a person: {:#?}",
        doc.entities
    );
}

/// Royals named by a given name, and a two-word surname the NER splits between an organisation
/// and a person, on an article written for this test.
const ROYAL_ARTICLE: &str = "Prince Charles and Camilla Parker Bowles will marry in April, \
Clarence House said on Thursday.\n\n\
Mrs Parker Bowles showed reporters her ring. \"I'm just coming down to earth,\" she said.\n\n\
Prince Charles said he was delighted. Liberal Democrat leader Charles Kennedy sent his \
congratulations.";

#[test]
fn a_royal_keeps_his_given_name_and_an_honorific_joins_a_two_word_surname() {
    let article = newsfacts_ingest::text::article_from_text(ROYAL_ARTICLE, None);
    let doc = newsfacts_analysts::Pipeline::new().analyze(article);
    let text = doc.text.as_str();

    // "Prince Charles" is not the Charles Kennedy of the last sentence.
    let kennedy = person(&doc, "Charles Kennedy");
    let prince = offset_of(text, "Prince Charles said");
    assert!(
        kennedy.mentions.iter().all(|m| m.start != prince),
        "{kennedy:#?}"
    );

    // "Mrs Parker Bowles" is Camilla Parker Bowles, a person though the NER may call her name
    // an organisation.
    let camilla = person(&doc, "Camilla Parker Bowles");
    let titled = offset_of(text, "Mrs Parker Bowles");
    assert!(
        camilla.mentions.iter().any(|m| m.start == titled),
        "{camilla:#?}"
    );
}
