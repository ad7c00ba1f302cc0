//! The entities layer on short articles of our own: roles from a pre-modifier and an
//! appositive, a role noun ("the minister") and a pronoun after a quotation resolved to the
//! person who holds the role; a pronoun that speaks continues the last speaker over a person
//! only talked about since, but not over the subject of the sentence before.

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

#[test]
fn a_pronoun_that_speaks_continues_the_person_the_text_moved_on_to() {
    let doc = analyse(&[
        "Senator Mark Dale said on Monday that the tax plan would fail.",
        "Governor Paul Reed spent the week defending the plan in front of farmers in Iowa. \
         \u{201c}It will pass,\u{201d} he said.",
    ]);
    let he = doc.text.find("he said").expect("fixture text");
    let reed = person(&doc, "Paul Reed");
    assert!(
        reed.mentions.iter().any(|m| m.start == he),
        "“he said” is not Paul Reed: {:#?}",
        doc.entities
    );
}

/// The document of an article with the English pipeline's tokens and named mentions, without
/// entities (for resolving them with a chosen pronoun ranker).
fn resolve_with(
    paragraphs: &[&str],
    ranker: Option<&newsfacts_analysts::entities::ranker::PronounRanker>,
) -> (Document, Vec<newsfacts_analysts::entities::PronounCase>) {
    use newsfacts_analysts::entities;
    let mut doc = Document::from_article(Article {
        id: "fixture".into(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..Article::default()
    });
    let analysis = newsfacts_nlp::EnglishPipeline::global().analyze(&doc.text);
    doc.tokens = analysis.doc_tokens();
    let mentions = entities::named_mentions(&analysis);
    let cases = entities::pronoun_cases(&doc, &mentions);
    doc.entities = entities::resolve_entities_with(&doc, &mentions, ranker);
    (doc, cases)
}

#[test]
fn a_pronoun_ranker_chooses_among_the_candidates_the_rules_see() {
    use newsfacts_analysts::entities::ranker::PronounRanker;
    let paragraphs = [
        "Senator Mark Dale said on Monday that the tax plan would fail.",
        "The plan was written by Governor Paul Reed, who has defended it for months. \
         He said voters would reject it in November.",
    ];
    // Candidates come most recent first: Paul Reed, then Mark Dale, the rules' choice.
    let (doc, cases) = resolve_with(&paragraphs, None);
    let he = doc.text.find("He said").expect("fixture text");
    let case = cases
        .iter()
        .find(|c| c.start == he)
        .expect("a case for “He”");
    let names: Vec<&str> = case.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Paul Reed", "Mark Dale"]);
    assert_eq!(case.rule, Some(1));
    assert!(case.candidates[1].features.iter().any(|f| f == "rule"));
    assert!(case.candidates[0].features.iter().any(|f| f == "rank=1|s"));
    // A ranker that likes the most recent person overrules the rules.
    let recent = PronounRanker::from_text("newsfacts pronoun ranker 1\n1.0\trank=1\n").unwrap();
    let (doc, _) = resolve_with(&paragraphs, Some(&recent));
    assert!(
        person(&doc, "Paul Reed")
            .mentions
            .iter()
            .any(|m| m.start == he)
    );
    // The embedded ranker reads and runs.
    let embedded = PronounRanker::embedded().expect("the embedded ranker reads");
    assert!(!embedded.is_empty());
    let (doc, _) = resolve_with(&paragraphs, Some(embedded));
    assert!(
        doc.entities
            .iter()
            .any(|e| e.mentions.iter().any(|m| m.start == he))
    );
}

#[test]
fn a_role_noun_the_article_gave_refers_back_to_its_holder() {
    // "striker" is no usual role noun; the article itself makes it Tom Hale's role.
    let doc = analyse(&[
        "Harbour City striker Tom Hale is close to a loan move, the club said.",
        "The Welsh striker has turned down an offer from a rival.",
    ]);
    let hale = person(&doc, "Tom Hale");
    assert!(
        hale.mentions
            .iter()
            .any(|m| m.text == "The Welsh striker" && m.label.as_deref() == Some("nominal")),
        "{:#?}",
        hale.mentions
    );
}

#[test]
fn members_of_a_set_are_no_organisation() {
    // "them" in "the oldest of them" is the ferries, which no entity stands for; the
    // organisation before them is one body, not a set with an oldest member.
    let doc = analyse(&[
        "The Harbour Board of Kelby voted to replace its fleet on Monday.",
        "Four diesel ferries carried the passengers last year. The oldest of them entered service in 1978.",
    ]);
    let them = doc.text.find("of them").expect("text") + "of ".len();
    assert!(
        doc.entities
            .iter()
            .all(|e| e.mentions.iter().all(|m| m.start != them)),
        "{:#?}",
        doc.entities
    );
}

#[test]
fn a_role_written_with_its_is_the_role_at_the_organisation_named_before() {
    let doc = analyse(&[
        "The shipyard chosen for the contract, Halden Werft, has delivered only two ferries. \
         Its chief executive, Ola Strand, said supply problems were over.",
    ]);
    let strand = person(&doc, "Ola Strand");
    let roles: Vec<(&str, Option<&str>)> = strand
        .roles
        .iter()
        .map(|r| (r.text.as_str(), r.org.as_deref()))
        .collect();
    assert_eq!(
        roles,
        [("chief executive of Halden Werft", Some("Halden Werft"))]
    );
}

#[test]
fn a_name_with_profits_of_its_own_is_a_company() {
    let doc = analyse(&["Analysts said Hadley's profits had doubled since the merger."]);
    let kinds: Vec<(&str, newsfacts_doc::EntityKind)> = doc
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect();
    assert!(
        kinds.contains(&("Hadley", newsfacts_doc::EntityKind::Organisation)),
        "{kinds:?}"
    );
}

/// The entity a pronoun at `needle` (the first occurrence) is a mention of, if any.
fn pronoun_entity<'d>(doc: &'d Document, needle: &str) -> Option<&'d Entity> {
    let at = doc.text.find(needle).expect("fixture text");
    doc.entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.start == at))
}

/// Fails unless the mention at each of `needles` belongs to the entity named `name`.
fn assert_each_refers_to(doc: &Document, needles: &[&str], name: &str) {
    for needle in needles {
        let entity = pronoun_entity(doc, needle).map(|e| e.name.as_str());
        assert_eq!(entity, Some(name), "{needle}: {:#?}", doc.entities);
    }
}

#[test]
fn they_after_companies_of_one_kind_are_those_companies() {
    let doc = analyse(&[
        "A court in Ohio ruled on Monday that Harmon Steel could not claim the subsidy. \
         The mining companies deny that they broke the law. They also say the rules are unclear.",
    ]);
    let they = pronoun_entity(&doc, "They also say").map(|e| e.name.as_str());
    assert_eq!(they, Some("mining companies"), "{:#?}", doc.entities);
}

#[test]
fn they_after_a_share_of_a_group_are_that_group() {
    let doc = analyse(&[
        "Harmon Steel commissioned the survey. Nearly two-thirds of all firms polled for the \
         survey have no plans to close their plants. They give three reasons.",
    ]);
    let they = pronoun_entity(&doc, "They give").map(|e| e.name.as_str());
    assert_eq!(they, Some("firms"), "{:#?}", doc.entities);
}

#[test]
fn they_about_things_name_no_party() {
    let doc = analyse(&["Harmon Steel reported its results on Monday. \
         Steel prices are finishing the year 30% higher than they were in January."]);
    let they = pronoun_entity(&doc, "they were").map(|e| e.name.as_str());
    assert_eq!(they, None, "{:#?}", doc.entities);
}

#[test]
fn a_group_is_named_by_its_kind_not_by_how_many() {
    let doc = analyse(&[
        "Many state-owned banks and other lenders said they would cut rates. \
         Several tobacco companies disagreed.",
    ]);
    let groups: Vec<&str> = doc
        .entities
        .iter()
        .filter(|e| e.kind == newsfacts_doc::EntityKind::Group)
        .map(|e| e.name.as_str())
        .collect();
    for expected in ["state-owned banks", "lenders", "tobacco companies"] {
        assert!(groups.contains(&expected), "{expected}: {groups:?}");
    }
}

#[test]
fn it_and_the_company_that_speak_are_the_organisation_named_before() {
    let doc = analyse(&[
        "Harmon Steel has cut 400 jobs at its plant in Ohio. The company said demand had fallen. \
         It also said it would keep its plant in Texas open.",
    ]);
    assert_each_refers_to(&doc, &["The company said", "It also said"], "Harmon Steel");
}

#[test]
fn the_company_with_a_clause_after_a_comma_is_the_organisation_named_before() {
    let doc = analyse(&[
        "Harmon Steel has cut 400 jobs at its plant in Ohio.",
        "The firm, which floated in 2003, said demand had fallen.",
        "The company, reporting its first loss since 1998, said prices would rise.",
    ]);
    assert_each_refers_to(
        &doc,
        &["The firm, which", "The company, reporting"],
        "Harmon Steel",
    );
}

#[test]
fn the_company_a_clause_picks_out_is_another_one() {
    let doc = analyse(&[
        "Harmon Steel has cut 400 jobs at its plant in Ohio. The firm which runs the plant's \
         canteen said it would close.",
    ]);
    let entity = pronoun_entity(&doc, "The firm which").map(|e| e.name.as_str());
    assert_eq!(entity, None, "{:#?}", doc.entities);
}

#[test]
fn an_impersonal_it_and_it_for_a_thing_name_no_organisation() {
    let doc = analyse(&[
        "Harmon Steel reported higher profits on Monday. It is likely that the plant will close.",
        "Harmon Steel owns the Delta index. The index rose 4% on Monday, and it closed at a record.",
    ]);
    for needle in ["It is likely", "it closed"] {
        let entity = pronoun_entity(&doc, needle).map(|e| e.name.as_str());
        assert_eq!(entity, None, "{needle}: {:#?}", doc.entities);
    }
}

#[test]
fn the_company_between_two_organisations_as_salient_names_neither() {
    let doc = analyse(&[
        "Harmon Steel bought 18% of Lakeside Mining on Monday. A bid at that price would value \
         the company at $3bn, and the company said it would consider it.",
    ]);
    let entity = pronoun_entity(&doc, "the company said").map(|e| e.name.as_str());
    assert_eq!(entity, None, "{:#?}", doc.entities);
}

#[test]
fn the_company_that_speaks_between_two_organisations_goes_on_from_the_one_that_spoke() {
    let doc = analyse(&[
        "Harmon Steel and Lakeside Mining signed a supply deal on Monday. Lakeside Mining \
         expects prices to rise. Harmon Steel said its plant in Ohio would stay open. The \
         company added that 200 jobs were safe.",
    ]);
    assert_each_refers_to(&doc, &["The company added"], "Harmon Steel");
    // An outlet goes on from the outlet, not from the company the story moved on to.
    let doc = analyse(&[
        "Harmon Steel and Lakeside Mining signed a supply deal on Monday. According to the \
         Daily Courier, Harmon Steel will bid for Lakeside Mining next year. The newspaper \
         said the bid would be made in cash.",
    ]);
    assert_each_refers_to(&doc, &["The newspaper said"], "Daily Courier");
}

#[test]
fn the_company_after_bodies_that_spoke_together_or_beside_another_body_names_none() {
    for (text, needle) in [
        (
            "Harmon Steel and Lakeside Mining signed a supply deal on Monday. Harmon Steel and \
             Lakeside Mining said prices would rise. The company added that 200 jobs were safe.",
            "The company added",
        ),
        (
            "Harmon Steel and Lakeside Mining signed a supply deal on Monday. Lakeside Mining \
             said prices would rise. In a letter to Harmon Steel on Friday, the company denied \
             any delay.",
            "the company denied",
        ),
    ] {
        let doc = analyse(&[text]);
        let entity = pronoun_entity(&doc, needle).map(|e| e.name.as_str());
        assert_eq!(entity, None, "{needle}: {:#?}", doc.entities);
    }
}

#[test]
fn they_after_two_people_named_together_as_subject_are_both() {
    let doc = analyse(&[
        "Jeremy Jaynes and his sister Jessica DeGroot were charged in Virginia last year. \
         They were convicted in November.",
    ]);
    let at = doc.text.find("They were").expect("fixture text");
    for name in ["Jeremy Jaynes", "Jessica DeGroot"] {
        assert!(
            person(&doc, name).mentions.iter().any(|m| m.start == at),
            "“They” is not {name}: {:#?}",
            doc.entities
        );
    }
}

#[test]
fn the_same_group_with_fewer_modifiers_and_the_is_one_group() {
    let doc = analyse(&[
        "Regulators accused the country's biggest tobacco companies of hiding the risks. \
         The tobacco companies deny it. Airlines have attacked the rules too.",
        "Analysts said cigarette firms had raised prices. The firms said costs had risen.",
    ]);
    let groups: Vec<(&str, usize)> = doc
        .entities
        .iter()
        .filter(|e| e.kind == newsfacts_doc::EntityKind::Group)
        .map(|e| (e.name.as_str(), e.mentions.len()))
        .collect();
    assert!(
        groups.contains(&("biggest tobacco companies", 2)),
        "{groups:?}"
    );
    assert!(groups.contains(&("cigarette firms", 2)), "{groups:?}");
    assert!(
        groups.iter().any(|(name, _)| *name == "Airlines"),
        "{groups:?}"
    );
}

#[test]
fn an_honorific_and_a_surname_the_ner_missed_join_the_person() {
    let doc = analyse(&[
        "Former telecoms chief Bernie Ebbers has denied claims that he knew accountants were \
         doctoring the books. Speaking in court, Mr Ebbers rejected allegations that he \
         pressured staff. Mr Ebbers has denied charges of fraud and conspiracy. During his \
         second day of questioning in the New York trial Mr Ebbers played down his working \
         relationship with the finance chief. \u{201c}We would speak three or four times,\u{201d} \
         Mr Ebbers said.",
    ]);
    let ebbers = person(&doc, "Bernie Ebbers");
    for needle in ["Mr Ebbers has denied", "Mr Ebbers played", "Mr Ebbers said"] {
        let at = doc.text.find(needle).expect("fixture text");
        assert!(
            ebbers.mentions.iter().any(|m| m.start == at),
            "{needle}: {:#?}",
            doc.entities
        );
    }
}

#[test]
fn the_outlet_that_was_told_is_no_antecedent_of_the_company() {
    let doc = analyse(&[
        "Lakeside Mining may sue the regulator, a spokesman for Lakeside Mining told Reuters. \
         \u{201c}We are checking our options,\u{201d} he told Reuters. The company said that it \
         had lost 77 contracts.",
    ]);
    assert_each_refers_to(
        &doc,
        &["The company said", "it had lost"],
        "Lakeside Mining",
    );
}

#[test]
fn the_government_that_speaks_is_the_country_the_article_is_about() {
    let doc = analyse(&[
        "Chile's economy grew by 5.2% last year, its fastest pace since 1997.",
        "Exports of copper rose sharply. Wine sales abroad rose too. Tourism had a strong year.",
        "Unemployment fell to its lowest level in a decade, the government said.",
    ]);
    let entity = pronoun_entity(&doc, "the government said").map(|e| e.name.as_str());
    assert_eq!(entity, Some("Chile"), "{:#?}", doc.entities);
}

#[test]
fn a_person_named_only_with_an_honorific_is_a_person() {
    let doc = analyse(&[
        "Profits at the oil firm rose sharply. Lord Browne said the profits were not down to \
         the oil price alone.",
    ]);
    let browne = doc
        .entities
        .iter()
        .find(|e| e.name == "Lord Browne")
        .unwrap_or_else(|| panic!("no Lord Browne: {:#?}", doc.entities));
    assert_eq!(browne.kind, newsfacts_doc::EntityKind::Person);
}

/// A news outlet that was told something or whose report is cited is not who "they" are:
/// "… told Reuters: “… they are expanding …”", "According to Reuters, they plan …".
#[test]
fn an_outlet_told_or_cited_is_no_antecedent_of_they() {
    let doc = analyse(&[
        "Marta Lind, an analyst at Hollis Partners, told Reuters that the carmakers were taking a \
         risk. \u{201c}I find it strange that they are expanding where demand is weakest.\u{201d}",
        "Prosecutors in the north have targeted a cattle ranch owned by Agrovale. According to \
         Reuters, they plan to seize most of its land.",
    ]);
    for needle in ["they are expanding", "they plan"] {
        let they = pronoun_entity(&doc, needle).map(|e| e.name.as_str());
        assert_ne!(they, Some("Reuters"), "{needle}: {:#?}", doc.entities);
    }
}

/// "A spokesman said … He added": the pronoun goes on for the unnamed spokesman, so no named
/// person is given the words; a spokesman in apposition to a name is that person.
#[test]
fn he_after_an_unnamed_spokesman_is_no_named_person() {
    let doc = analyse(&[
        "Tom Reyes, the chief executive of Harmon Steel, opened the plant on Monday. A company \
         spokesman said the plant would stay open. He added that 200 jobs were safe.",
    ]);
    let entity = pronoun_entity(&doc, "He added").map(|e| e.name.as_str());
    assert_eq!(entity, None, "{:#?}", doc.entities);
    let doc = analyse(&[
        "Tom Reyes, a spokesman for Harmon Steel, said the plant would stay open. He added that \
         200 jobs were safe.",
    ]);
    assert_each_refers_to(&doc, &["He added"], "Tom Reyes");
    // A person the spokeswoman's own words make a speaker is not the one who goes on.
    let doc = analyse(&[
        "The show will return next year. A BBC spokeswoman said Andi Peters would continue as \
         executive producer. She said the format was still to be decided.",
    ]);
    let entity = pronoun_entity(&doc, "She said").map(|e| e.name.as_str());
    assert_eq!(entity, None, "{:#?}", doc.entities);
}

/// "The Briton" after a named runner is that runner, as a role noun would be, and so is "the
/// 22-year-old Swede", which names no entity of its own; the subject of its own clause is
/// someone else.
#[test]
fn one_of_a_nation_refers_back_to_the_person_named() {
    let doc = analyse(&[
        "Paula Radcliffe won the New York Marathon on Sunday.",
        "The Briton, running for the first time since Athens, held off Susan Chepkemei.",
    ]);
    let radcliffe = person(&doc, "Paula Radcliffe");
    assert!(
        radcliffe
            .mentions
            .iter()
            .any(|m| m.text == "The Briton" && m.label.as_deref() == Some("nominal")),
        "{radcliffe:#?}"
    );
    let doc = analyse(&[
        "Joachim Johansson beat Taylor Dent in Adelaide on Friday.",
        "The 22-year-old Swede was made to graft in the first set.",
    ]);
    assert!(
        !doc.entities.iter().any(|e| e.name == "Swede"),
        "a Swede taken for an entity: {:#?}",
        doc.entities
    );
    let johansson = person(&doc, "Joachim Johansson");
    assert!(
        johansson
            .mentions
            .iter()
            .any(|m| m.text == "The 22-year-old Swede"),
        "{johansson:#?}"
    );
    // Not the subject of the clause it sits in.
    let doc = analyse(&[
        "Kenneth Carlsen reached the quarter-finals in Memphis on Thursday.",
        "Andre Agassi used several lobs to unsettle the 31-year-old Dane.",
    ]);
    let carlsen = person(&doc, "Kenneth Carlsen");
    assert!(
        carlsen
            .mentions
            .iter()
            .any(|m| m.text == "the 31-year-old Dane"),
        "{:#?}",
        doc.entities
    );
}
