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

/// The names of the entities of one kind, in order.
/// Fails when a mention of `entity` covers byte offset `at`.
fn assert_no_mention_at(entity: &Entity, at: usize) {
    assert!(
        !entity.mentions.iter().any(|m| m.start <= at && at < m.end),
        "{entity:#?}"
    );
}

fn names_of_kind(doc: &Document, kind: EntityKind) -> Vec<&str> {
    doc.entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name.as_str())
        .collect()
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

/// A company whose name ends in "'s" keeps it when the NER cut it off ("McAllister's
/// announced"); a possessive before what is owned is no part of a name ("Sony's assertion").
#[test]
fn a_company_name_keeps_its_s_before_a_verb() {
    let text = "The burger chain McAllister's announced on Monday that it would close ten shops. \
McAllister's has 400 shops in Britain.\n\n\
Rival chain Sony's assertion that prices would fall was questioned.";
    let article = newsfacts_ingest::text::article_from_text(text, None);
    let doc = newsfacts_analysts::Pipeline::new().analyze(article);
    let organisations = names_of_kind(&doc, EntityKind::Organisation);
    assert!(
        organisations.contains(&"McAllister's") && organisations.contains(&"Sony"),
        "{organisations:?}"
    );
}

/// A body in initials the NER missed where it speaks is an organisation ("The IAAF said"); letters
/// for a role or a thing are not ("The MP said", "The PPI would argue").
#[test]
fn a_body_in_initials_that_speaks_is_an_organisation() {
    let text = "Sprinter Kofi Mensah has been banned for two years after missing three tests.\n\n\
The IAAF said the ban would start at once. It added that Mensah could appeal. The MP said the \
ban was fair. The PPI would argue for higher rates, the economist said.";
    let article = newsfacts_ingest::text::article_from_text(text, None);
    let doc = newsfacts_analysts::Pipeline::new().analyze(article);
    let organisations = names_of_kind(&doc, EntityKind::Organisation);
    assert_eq!(organisations, ["IAAF"], "{:#?}", doc.entities);
    let iaaf = doc.entities.iter().find(|e| e.name == "IAAF");
    assert!(
        iaaf.is_some_and(|e| e.mentions.iter().any(|m| m.text == "It")),
        "{iaaf:#?}"
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

fn analyse_text(text: &str) -> Document {
    let article = newsfacts_ingest::text::article_from_text(text, None);
    newsfacts_analysts::Pipeline::new().analyze(article)
}

/// A party is one entity however the article writes it: its full name, the name without
/// "Party", the members' plural and adjective, and the nicknames of well-known parties.
#[test]
fn a_party_and_its_short_forms_and_nicknames_are_one_entity() {
    let doc = analyse_text(
        "The Tories and Labour clashed over school funding on Tuesday, while the Lib Dems said \
Tory plans were unfunded.\n\n\
Labour Party chairman Ian McCartney said the Conservatives had no answers. A Conservative \
spokesman said the Conservative Party would publish its own figures. The Liberal Democrats \
promised to cut class sizes.",
    );
    for (party, forms) in [
        (
            "Conservative Party",
            &["Tories", "Tory", "Conservatives"][..],
        ),
        ("Labour Party", &["Labour", "Labour Party"][..]),
        ("Liberal Democrats", &["Lib Dems", "Liberal Democrats"][..]),
    ] {
        let found: Vec<&Entity> = doc.entities.iter().filter(|e| e.name == party).collect();
        let [entity] = found[..] else {
            panic!("not one {party}: {:#?}", doc.entities);
        };
        assert_eq!(entity.kind, EntityKind::Organisation);
        for written in forms {
            assert!(
                entity.mentions.iter().any(|m| m.text == *written),
                "{written:?} is not a mention of the {party}: {entity:#?}"
            );
        }
    }
    for short in ["Tories", "Tory", "Labour", "Lib Dems", "Conservatives"] {
        assert!(
            !doc.entities.iter().any(|e| e.name == short),
            "{short} left apart from its party: {:#?}",
            doc.entities
        );
    }
}

/// A nickname used as a modifier ("The Toon boss") is no person, and "the boss" is the manager
/// the article named.
#[test]
fn a_nickname_before_a_role_noun_is_no_person_and_the_boss_is_the_manager() {
    let doc = analyse_text(
        "Newcastle striker Craig Bellamy has rejected a move to Birmingham after falling out \
with Magpies manager Graeme Souness. The Toon boss vowed Bellamy would not play again.",
    );
    assert!(
        !doc.entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.name == "Toon"),
        "Toon taken for a person: {:#?}",
        doc.entities
    );
    let souness = person(&doc, "Graeme Souness");
    let boss = offset_of(&doc.text, "The Toon boss");
    assert!(
        souness.mentions.iter().any(|m| m.start == boss),
        "“The Toon boss” is not Graeme Souness: {souness:#?}"
    );
}

/// A saint's name is a person, even where the NER types it a facility; a town named after a
/// saint stays a place.
#[test]
fn a_saint_is_a_person_and_a_saints_town_a_place() {
    let doc = analyse_text(
        "The festival of Saint Brigid marks the start of spring in Ireland. Saint Brigid \
founded a monastery in Kildare.\n\n\
Her family later moved to St Albans.",
    );
    let brigid: Vec<&Entity> = doc
        .entities
        .iter()
        .filter(|e| e.name == "Saint Brigid")
        .collect();
    assert!(
        matches!(brigid[..], [e] if e.kind == EntityKind::Person && e.mentions.len() >= 2),
        "{:#?}",
        doc.entities
    );
    assert_no_person(&doc, "St Albans");
}

/// Errors seen in BBC output, on text written for this test: a role title begins many an
/// organisation's name ("General Motors" is not "Motors"); a title ends no person's name (the
/// NER stopping short of "Lord Ashcroft"); the plural for a nation's people is no person; an
/// article the NER takes in is no part of a name.
#[test]
fn titles_in_company_names_titles_ending_names_and_nations_plurals() {
    let doc = analyse_text(
        "General Motors said on Monday it would cut 900 jobs in Europe. The party repaid the \
money to former Tory Treasurer Lord Ashcroft last year. Britons spent more on holidays, \
according to a Conservative Party report.",
    );
    let names: Vec<(&str, EntityKind)> = doc
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect();
    assert!(
        names.contains(&("General Motors", EntityKind::Organisation)),
        "{names:?}"
    );
    assert!(!names.iter().any(|(n, _)| *n == "Motors"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|(n, k)| *k == EntityKind::Person && n.ends_with("Lord")),
        "{names:?}"
    );
    assert!(
        !names
            .iter()
            .any(|(n, k)| *k == EntityKind::Person && *n == "Britons"),
        "{names:?}"
    );
    assert!(!names.iter().any(|(n, _)| n.starts_with("a ")), "{names:?}");
}

/// The NER types a name a place the first time and a person after; the article's own evidence
/// (the subject of "said") makes the entity a person, and the pronoun after it goes to them.
#[test]
fn a_name_typed_a_place_first_is_a_person_when_it_speaks() {
    let doc = analyse_text(
        "Crowds waited outside Brandvold for hours. Brandvold said he had done nothing wrong.",
    );
    let person = person(&doc, "Brandvold");
    let he = offset_of(&doc.text, "he had");
    assert!(
        person.mentions.iter().any(|m| m.start == he),
        "“he” is not Brandvold: {person:#?}"
    );
    assert!(
        !doc.entities
            .iter()
            .any(|e| e.name == "Brandvold" && e.kind == EntityKind::Place),
        "{:#?}",
        doc.entities
    );
}

/// A one-word name in a list of places, or set beside one, is a place though the NER calls it
/// a person.
#[test]
fn a_name_listed_with_places_is_a_place() {
    let doc = analyse_text(
        "The minister visits Leeds, Liverpool, Hartlepool and Torbay this week. She was born \
in Luton, Bedfordshire.",
    );
    for name in ["Torbay", "Bedfordshire", "Hartlepool"] {
        assert!(
            !doc.entities
                .iter()
                .any(|e| e.name == name && e.kind == EntityKind::Person),
            "{name} taken for a person: {:#?}",
            doc.entities
        );
    }
}

/// A one-word name in a list of organisations is an organisation though the NER calls it a
/// person, and a name keeps no comma the NER ran it over.
#[test]
fn a_name_listed_with_organisations_is_an_organisation() {
    let doc = analyse_text("The claimants are Northgate Energy, Pellham Oil and Stroud.");
    assert!(
        doc.entities
            .iter()
            .any(|e| e.name == "Stroud" && e.kind == EntityKind::Organisation),
        "Stroud is no organisation: {:#?}",
        doc.entities
    );
    assert!(
        doc.entities.iter().any(|e| e.name == "Northgate Energy"),
        "Northgate Energy named otherwise: {:#?}",
        doc.entities
    );
}

/// A name written with an indefinite article is a thing, not a person ("won an Oscar").
#[test]
fn a_name_with_an_indefinite_article_is_no_person() {
    let doc = analyse_text("She won an Oscar in 1998. Oscar voters were impressed.");
    assert_no_person(&doc, "Oscar");
}

/// A name written as an award ("Oscar-winning", "Oscar nominations") is no person, while the
/// person named beside it stays one ("Oscar nominee Kate Morgan").
#[test]
fn a_name_written_as_an_award_is_no_person() {
    let doc = analyse_text(
        "The Oscar-winning director returned to London on Monday. Oscar nominee Kate Morgan \
         said the film had earned its three Oscar nominations. Oscar voters will decide in March.",
    );
    assert_no_person(&doc, "Oscar");
    person(&doc, "Kate Morgan");
    // A person winning something is no award.
    let doc = analyse_text(
        "A new poll showed Kerry winning Ohio by two points. Kerry said he was pleased.",
    );
    person(&doc, "Kerry");
}

/// Asserts that no person of the document is called `name`.
fn assert_no_person(doc: &Document, name: &str) {
    assert!(
        !doc.entities
            .iter()
            .any(|e| e.name == name && e.kind == EntityKind::Person),
        "{name} taken for a person: {:#?}",
        doc.entities
    );
}

/// Asserts that `name` is an organisation of the document and no person.
fn assert_an_organisation_only(doc: &Document, name: &str) {
    let typed = |kind: EntityKind| {
        doc.entities
            .iter()
            .any(|e| e.name == name && e.kind == kind)
    };
    assert!(
        typed(EntityKind::Organisation) && !typed(EntityKind::Person),
        "{name} typed otherwise: {:#?}",
        doc.entities
    );
}

/// A name the article describes as a business, a unit or a distributor is a company's, not a
/// person's ("Lensworth, a property business").
#[test]
fn a_name_described_as_a_business_is_an_organisation() {
    let doc = analyse_text(
        "Lensworth, a property business, bought the site. Lensworth said it would build homes.",
    );
    assert_an_organisation_only(&doc, "Lensworth");
}

/// A one-word name written before a role and a person's full name employs that person ("Velna
/// spokeswoman Jemma Smith").
#[test]
fn an_employer_of_a_named_person_is_an_organisation() {
    let doc = analyse_text(
        "Card fraud rose sharply, said Velna spokeswoman Jemma Smith. Velna said online fraud \
         had doubled.",
    );
    assert_an_organisation_only(&doc, "Velna");
    person(&doc, "Jemma Smith");
}

/// A common word that only the start of its sentence capitalises is no organisation or place
/// ("Telecoms is …", "Slowdowns in the US …", "Budget airline Ryanair"); the names beside them
/// stay.
#[test]
fn a_common_word_capitalised_by_a_sentence_start_is_no_name() {
    let doc = analyse_text(
        "Prices of calls have fallen sharply. Telecoms is one of two areas the regulator singled \
         out. Slowdowns in the US and China could hurt demand. Budget airline Ryanair said fares \
         would fall.",
    );
    for word in ["Telecoms", "Slowdowns", "Budget"] {
        assert!(
            !doc.entities.iter().any(|e| e.name == word),
            "{word} taken for a name: {:#?}",
            doc.entities
        );
    }
    for name in ["China", "Ryanair"] {
        assert!(
            doc.entities.iter().any(|e| e.name == name),
            "{name} lost: {:#?}",
            doc.entities
        );
    }
}

/// A portfolio in a title ("Justice Minister") is the person's role, not an organisation.
#[test]
fn a_portfolio_in_a_title_is_no_organisation() {
    let doc = analyse_text(
        "Justice Minister Ann Keller said the plan would go ahead. Ms Keller spoke in Leeds.",
    );
    assert!(
        !doc.entities
            .iter()
            .any(|e| e.name == "Justice" && e.kind == EntityKind::Organisation),
        "Justice taken for an organisation: {:#?}",
        doc.entities
    );
    let keller = person(&doc, "Ann Keller");
    assert!(
        keller
            .roles
            .iter()
            .any(|r| r.text == "Justice Minister" && r.org.is_none()),
        "{:#?}",
        keller.roles
    );
}

/// A saint's name after "the" names a thing (a ship, a church), not the saint.
#[test]
fn a_saints_name_after_the_is_no_person() {
    let doc = analyse_text("The ferry company's flagship, the Saint Kevin, was built in 1985.");
    assert_no_person(&doc, "Saint Kevin");
}

/// A surname the NER types a group (one ending in "s") is still the person's.
#[test]
fn a_surname_typed_a_group_joins_its_person() {
    let doc = analyse_text(
        "A court convicted Jeremy Jaynes of fraud on Monday. Jaynes amassed a fortune of $24m \
from his sales, prosecutors said.",
    );
    let jaynes = person(&doc, "Jeremy Jaynes");
    let later = offset_of(&doc.text, "Jaynes amassed");
    assert!(
        jaynes.mentions.iter().any(|m| m.start == later),
        "{:#?}",
        doc.entities
    );
}

/// An organisation named by one word joins the one organisation whose name ends with it ("the
/// Commission" after the European Commission), and stays apart when two could be meant.
#[test]
fn a_bare_head_joins_the_one_organisation_it_can_name() {
    let doc = analyse_text(
        "The European Commission opened an inquiry into roaming fees on Monday. The Commission \
         said prices were too high.",
    );
    let commission = doc
        .entities
        .iter()
        .find(|e| e.name == "European Commission")
        .unwrap_or_else(|| panic!("no European Commission: {:#?}", doc.entities));
    assert!(
        commission.mentions.iter().any(|m| m.text == "Commission"),
        "{:#?}",
        doc.entities
    );
    assert!(!doc.entities.iter().any(|e| e.name == "Commission"));
    let doc = analyse_text(
        "The Labour Party and the Conservative Party both claimed victory. The Party said it \
         was pleased.",
    );
    assert!(
        doc.entities.iter().any(|e| e.name == "Party"),
        "{:#?}",
        doc.entities
    );
}

/// A full name the NER types an organisation is a person when the article writes "Mr" or "Ms"
/// before its surname: "JP Doherty … Mr Doherty said he …" is one person, not an organisation
/// and a "Mr Doherty". A company named after its founder stays a company where the article
/// writes it as one ("Halbrook Vance shares rose").
#[test]
fn a_full_name_the_article_writes_with_an_honorific_is_a_person() {
    for (text, name, honorific) in [
        (
            "Racing tycoon JP Doherty has bought a stake in the brewer. Mr Doherty said he was \
a long-term investor. Ms Keane, the brewer's chair, welcomed him.",
            "JP Doherty",
            "Mr Doherty",
        ),
        (
            "Property developer AJ Brennan bought the hotel last year. Mr Brennan said he would \
reopen it.",
            "AJ Brennan",
            "Mr Brennan",
        ),
    ] {
        let doc = analyse_text(text);
        let titled = offset_of(&doc.text, honorific);
        let titled_end = titled + honorific.len();
        let person = person(&doc, name);
        assert!(
            person
                .mentions
                .iter()
                .any(|m| m.start < titled_end && titled < m.end),
            "{person:#?}"
        );
        assert!(
            doc.entities
                .iter()
                .all(|e| e.kind == EntityKind::Person || !e.name.ends_with(&name[3..])),
            "{:#?}",
            doc.entities
        );
    }

    let doc = analyse_text(
        "Halbrook Vance shares rose 5% on Monday. Mr Vance, who founded the bank in 1990, said \
he would not sell.",
    );
    assert!(
        doc.entities
            .iter()
            .any(|e| e.kind == EntityKind::Organisation && e.name == "Halbrook Vance"),
        "{:#?}",
        doc.entities
    );
    let founder = offset_of(&doc.text, "Vance,");
    assert!(
        doc.entities.iter().any(|e| e.kind == EntityKind::Person
            && e.mentions
                .iter()
                .any(|m| m.start <= founder && founder < m.end)),
        "{:#?}",
        doc.entities
    );
}

/// A name the NER found once is the same organisation where the article writes it again and
/// the NER missed it: every "ECB" here is the bank.
#[test]
fn later_writings_of_a_name_the_ner_missed_join_its_entity() {
    let doc = analyse_text(
        "The ECB left rates unchanged. Inflation is above ECB guidelines of 2%. Analysts said \
the ECB would wait.",
    );
    let bank = doc
        .entities
        .iter()
        .find(|e| e.name == "ECB")
        .unwrap_or_else(|| panic!("no ECB: {:#?}", doc.entities));
    let written: Vec<usize> = doc.text.match_indices("ECB").map(|(at, _)| at).collect();
    assert_eq!(written.len(), 3);
    for at in written {
        assert!(
            bank.mentions.iter().any(|m| m.start == at),
            "{at}: {bank:#?}"
        );
    }
}

/// Every place the text writes `written` lies in a mention of the person `name`.
fn assert_every_writing_joins(doc: &Document, name: &str, written: &str) {
    let person = person(doc, name);
    for (at, _) in doc.text.match_indices(written) {
        assert!(
            person.mentions.iter().any(|m| m.start <= at && at < m.end),
            "{at}: {person:#?}"
        );
    }
}

/// Every later "Lord Browne" is the person the text first named so, and "Mr Balls" is Ed
/// Balls though the tagger reads "Balls" as a common noun, also after a weekday.
#[test]
fn an_honorific_and_surname_the_ner_missed_join_their_person() {
    for (text, name, written) in [
        (
            "Energy group chief Lord Browne said profits were up. On Tuesday, Lord Browne said \
prices would stay high. Lord Browne also rejected calls for a windfall tax.",
            "Lord Browne",
            "Lord Browne",
        ),
        (
            "Treasury adviser Ed Balls spoke in Leeds on Monday. Later, Mr Balls said the rules \
would be met. Mr Balls rejected the claim. On Tuesday Mr Balls spoke again.",
            "Ed Balls",
            "Mr Balls",
        ),
    ] {
        assert_every_writing_joins(&analyse_text(text), name, written);
    }
}

/// A surname after titles ("Professor Curtice", "Chief Supt Deats") and one the tagger read as
/// a plural ("said Hollands", "Hollands is") join their person; a plural that agrees with a
/// plural verb ("Banks have") stays a common noun.
#[test]
fn a_surname_after_titles_or_read_as_a_plural_joins_its_person() {
    for (text, name, written) in [
        (
            "However, Professor Jane Curtice, of the University of Leeds, said the seats were \
safe. \"They are safe,\" Professor Curtice said. Voters agreed with Professor Curtice.",
            "Jane Curtice",
            "Curtice",
        ),
        (
            "The head of the police unit, Mick Deats, said the losses were large. Chief Supt \
Deats went on to warn that the losses would grow.",
            "Mick Deats",
            "Deats",
        ),
        (
            "These are the questions Jimmy Hollands will ask. \"There is a fine line,\" said \
Hollands. Hollands is not the first coach to help.",
            "Jimmy Hollands",
            "Hollands",
        ),
    ] {
        assert_every_writing_joins(&analyse_text(text), name, written);
    }
    let doc = analyse_text(
        "Labour MP Tony Banks spoke in London. Banks have raised their rates this year, he said.",
    );
    assert_no_mention_at(
        person(&doc, "Tony Banks"),
        offset_of(&doc.text, "Banks have"),
    );
}

/// A full name the NER typed an organisation is a person when the article writes it right
/// after a person's role ("Athens-based lawyer Gregory Papadakis").
#[test]
fn a_full_name_after_a_persons_role_is_a_person() {
    let doc = analyse_text(
        "Athens-based lawyer Gregory Papadakis said the case would be heard in May. The two \
sprinters deny missing the tests.",
    );
    assert_eq!(person(&doc, "Gregory Papadakis").kind, EntityKind::Person);
}

/// A full name the NER typed an organisation is a person when a role comes before it and a
/// comma ("Kenteris's lawyer, Gregory Papadakis,") or stands in apposition after it ("Nikki
/// Ricco, head of distribution at the studio").
#[test]
fn a_full_name_beside_a_persons_role_is_a_person() {
    let doc = analyse_text(
        "Kenteris's lawyer, Gregory Papadakis, said the ruling was unfair. Nick Harlow, spokesman \
for the ruling body, said the case was closed.",
    );
    assert_eq!(person(&doc, "Gregory Papadakis").kind, EntityKind::Person);
    let doc = analyse_text(
        "\"Nobody knows what the ceremony will earn,\" said Nikki Ricco, head of distribution at \
the studio.",
    );
    assert_eq!(person(&doc, "Nikki Ricco").kind, EntityKind::Person);
}

/// "The Liberal Party leader, David Ames," names its holder: it is no later mention of another
/// party's leader named before ("The Green Party's leader …, Anna Perth").
#[test]
fn a_role_with_a_name_in_apposition_is_not_an_earlier_person() {
    let doc = analyse_text(
        "The Green Party's leader in the assembly, Anna Perth, welcomed the move. She said: \"The \
time has come.\"\n\nThe Liberal Party leader, David Ames, questioned what would be exempted \
from the ban. Mr Ames asked: \"Would it not be ironic?\"",
    );
    let at = offset_of(&doc.text, "The Liberal Party leader");
    assert_no_mention_at(person(&doc, "Anna Perth"), at);
}

/// A person the NER named by the surname alone is named in full where the article writes a
/// given name before it ("fellow American Justin Garland" where the NER found "Garland").
#[test]
fn a_given_name_the_ner_left_out_gives_the_full_name() {
    let doc = analyse_text(
        "The race was won in Athens behind fellow American Justin Garland. Garland said he had \
trained all winter.",
    );
    let garland = person(&doc, "Justin Garland");
    assert_eq!(garland.kind, EntityKind::Person);
    assert!(
        garland.mentions.iter().any(|m| m.text == "Garland"),
        "{garland:#?}"
    );
}

/// An organisation written with its country before it is the one written without ("the US
/// Federal Reserve … the Federal Reserve"); a nation's branch of a party is not the party.
#[test]
fn an_organisation_named_with_its_country_is_the_one_named_without() {
    let doc = analyse_text(
        "The US Federal Reserve raised interest rates on Tuesday. Markets had expected the move. \
Analysts said the Federal Reserve would act again in March.",
    );
    let organisations = names_of_kind(&doc, EntityKind::Organisation);
    assert_eq!(organisations, ["US Federal Reserve"], "{:#?}", doc.entities);

    let doc = analyse_text(
        "The Scottish Labour Party met in Perth on Saturday. The Labour Party in London sent a \
message of support.",
    );
    let organisations = names_of_kind(&doc, EntityKind::Organisation);
    assert!(
        organisations.contains(&"Scottish Labour Party") && organisations.contains(&"Labour Party"),
        "{:#?}",
        doc.entities
    );
}

/// An organisation's name the NER cut at "and" or before "for the" is one organisation again:
/// "the Department for Education and Skills", not "Department for Education" and "Skills";
/// "the Forum for the Future", not "Future".
#[test]
fn an_organisation_name_cut_at_and_or_for_the_is_one_organisation() {
    let doc = analyse_text(
        "A spokeswoman for the Department for Education and Skills said the tests would change \
next year. Jane Ossett, of the Forum for the Future, said the plan would fail.",
    );
    let organisations = names_of_kind(&doc, EntityKind::Organisation);
    assert_eq!(
        organisations,
        [
            "Department for Education and Skills",
            "Forum for the Future"
        ],
        "{:#?}",
        doc.entities
    );
}

/// An organisation written by its initials is the one whose name they spell ("the LSE" is the
/// London Stock Exchange); initials that spell two names, or a name itself in initials ("BT
/// Together"), stay apart.
#[test]
fn initials_are_the_organisation_they_spell() {
    let doc = analyse_text(
        "The London Stock Exchange rejected a bid from Deutsche Borse on Monday. The LSE said the \
offer was too low.",
    );
    let organisations = names_of_kind(&doc, EntityKind::Organisation);
    assert_eq!(
        organisations,
        ["London Stock Exchange", "Deutsche Borse"],
        "{:#?}",
        doc.entities
    );
    let exchange = doc
        .entities
        .iter()
        .find(|e| e.name == "London Stock Exchange")
        .map(|e| {
            e.mentions
                .iter()
                .map(|m| m.text.as_str())
                .collect::<Vec<_>>()
        });
    assert_eq!(exchange, Some(vec!["London Stock Exchange", "LSE"]));
}

/// A club the NER typed a place or a person is an organisation: "Leeds United", "Aston Villa",
/// and a "City" one with a player's role after it; a city stays a place.
#[test]
fn a_city_club_with_a_players_role_after_it_is_an_organisation() {
    let doc = analyse_text(
        "Manchester City striker Nicolas Anelka scored twice on Saturday. The match was played in \
New York City in front of 20,000 fans.",
    );
    assert_eq!(
        names_of_kind(&doc, EntityKind::Organisation),
        ["Manchester City"],
        "{:#?}",
        doc.entities
    );
    assert_eq!(names_of_kind(&doc, EntityKind::Place), ["New York City"]);
}

/// A club the NER typed a place or a person is an organisation: "Leeds United", "Aston Villa".
#[test]
fn clubs_typed_places_or_people_are_organisations() {
    let doc = analyse_text(
        "He left Manchester United for Leeds United in 2003 and later joined Plymouth Argyle. \
Newcastle United and Aston Villa are also said to be interested in the striker.",
    );
    assert!(
        names_of_kind(&doc, EntityKind::Place).is_empty()
            && names_of_kind(&doc, EntityKind::Person).is_empty(),
        "{:#?}",
        doc.entities
    );
    let organisations = names_of_kind(&doc, EntityKind::Organisation);
    assert!(
        organisations.contains(&"Leeds United") && organisations.contains(&"Aston Villa"),
        "{organisations:?}"
    );
}

/// A one-word "person" that is the first word of a company named with company words after it
/// is that company: "Cairn" is Cairn Energy, "Altria" is Altria Group.
#[test]
fn the_first_word_of_a_company_is_the_company() {
    let doc = analyse_text(
        "Shares in Cairn Energy rose 5% on Monday after the oil find. Cairn said the well was the \
largest it had drilled in India. The deal was announced by Altria Group on Monday. Altria said \
the sale would be completed in March.",
    );
    assert!(
        names_of_kind(&doc, EntityKind::Person).is_empty(),
        "{:#?}",
        doc.entities
    );
    let organisations = names_of_kind(&doc, EntityKind::Organisation);
    assert_eq!(
        organisations,
        ["Cairn Energy", "Altria Group"],
        "{:#?}",
        doc.entities
    );
}

/// A company in initials the NER typed a place is an organisation when the article writes it as
/// a company ("UK telco BT") or it speaks; letters after a name ("QC") are not.
#[test]
fn a_company_in_initials_typed_a_place_is_an_organisation() {
    let doc = analyse_text(
        "UK telco BT is serious about the idea and has launched a new service. BT said it \
expected a million users by March.",
    );
    assert_eq!(
        names_of_kind(&doc, EntityKind::Place),
        ["United Kingdom"],
        "{:#?}",
        doc.entities
    );
    assert_eq!(names_of_kind(&doc, EntityKind::Organisation), ["BT"]);
}

/// A saint's name with a possessive names a church, a school or a ground, and one before a noun
/// names a thing: none is a person, even where the NER types it one.
#[test]
fn a_saints_name_with_a_possessive_or_before_a_noun_is_no_person() {
    let doc = analyse_text(
        "Pupils from St Oswin's High School in Hexham joined the march on Friday. The first \
call on the new network was made from St Katherine's dock, said Tom Reid, a spokesman for \
St Bernard software.",
    );
    for name in ["St Oswin", "St Katherine", "St Bernard"] {
        assert_no_person(&doc, name);
    }
}

/// A role word the sentence capitalised is no part of the name after it ("Sprinter Kofi
/// Mensah", "Kenyan Grace Wanjiru"), while a given name that is also a word stays ("Mark
/// Richard Hughes"), and so does a title ("Archbishop Desmond Tutu").
#[test]
fn a_capitalised_role_word_is_no_part_of_the_name() {
    let doc = analyse_text(
        "Sprinter Daniel Mensah won the 200m in Oslo on Friday. Kenyan Grace Wanjiru was second. \
Mark Richard Hughes, the meeting director, said the crowd was the largest in years. \
Archbishop Desmond Tutu presented the medals.",
    );
    let people = names_of_kind(&doc, EntityKind::Person);
    for name in [
        "Daniel Mensah",
        "Grace Wanjiru",
        "Mark Richard Hughes",
        "Archbishop Desmond Tutu",
    ] {
        assert!(people.contains(&name), "{name}: {people:?}");
    }
}

/// A person the NER missed where they speak ("Theresa May" read as a date) is added when the
/// name starts with a given name the lists know, and "She added" goes to her; proper nouns
/// with no such given name that speak ("Shadow Cabinet said") are no person.
#[test]
fn a_speaker_the_ner_missed_with_a_known_given_name_is_a_person() {
    let doc = analyse_text(
        "The opposition says the plan is late. Theresa May, the party spokeswoman for families, \
said the courts needed reform. She added that parents deserved better. Shadow Cabinet said it \
would vote against the plan.",
    );
    let may = person(&doc, "Theresa May");
    let at = doc.text.find("She added").expect("fixture text");
    assert!(may.mentions.iter().any(|m| m.start == at), "{may:#?}");
    assert!(
        !names_of_kind(&doc, EntityKind::Person).contains(&"Shadow Cabinet"),
        "{:#?}",
        doc.entities
    );
}

/// A full name the NER typed an organisation is a person when it starts with a given name the
/// lists know and the name or its surname alone speaks ("Ioannidis said"); a body's name that
/// speaks stays a body ("Philip Lowe Trust said").
#[test]
fn a_full_name_typed_an_organisation_that_speaks_is_a_person() {
    let doc = analyse_text(
        "Kostas Demos' lawyer has asked for the charges against the sprinter to be dropped. \
Gregory Ioannidis has given new evidence to the tribunal. Ioannidis said the case should be \
closed. The Philip Lowe Trust said it would pay the costs.",
    );
    person(&doc, "Gregory Ioannidis");
    assert!(
        !names_of_kind(&doc, EntityKind::Person).contains(&"Philip Lowe Trust"),
        "{:#?}",
        doc.entities
    );
}

/// A name the NER ran over a dash that opens an aside ends before the dash ("Arsene Wenger -
/// he", "Florian Hamm - Borussia Dortmund's largest investor"), and joins the same name written
/// elsewhere; a hyphen inside a name stays ("Lewis-Francis").
#[test]
fn a_name_ends_before_a_spaced_dash() {
    let doc = analyse_text(
        "Fund manager Florian Hamm - Borussia Dortmund's largest investor - said the club \
needed new directors. Mark Lewis-Francis - the sprinter - was third. Hamm said he would vote \
against the plan.",
    );
    for e in &doc.entities {
        assert!(!e.name.contains(" - "), "{:#?}", doc.entities);
    }
    person(&doc, "Florian Hamm");
    person(&doc, "Mark Lewis-Francis");
}

/// A one-word name that "the" determines is no person's: a stadium, one of a nation ("the
/// Briton"); a plural one is a side ("the Gunners"), one that speaks a body ("the Forum warned").
/// A name that modifies a noun after "the" stays a person ("the Clinton administration").
#[test]
fn a_name_the_definite_article_determines_is_no_person() {
    let doc = analyse_text(
        "The Briton, running for the first time since Athens, won in New York. Owen moved to \
         the Bernabeu last summer. The Gunners have won only three of their games. The Clinton \
         administration filed the case in 1999. But the Forum warned that more needed to be done.",
    );
    assert_no_person(&doc, "Briton");
    assert_no_person(&doc, "Bernabeu");
    assert_no_person(&doc, "Gunners");
    assert!(
        doc.entities
            .iter()
            .any(|e| e.name == "Gunners" && e.kind == EntityKind::Organisation),
        "the Gunners are no side: {:#?}",
        doc.entities
    );
    assert!(
        doc.entities
            .iter()
            .any(|e| e.name == "Forum" && e.kind == EntityKind::Organisation),
        "the Forum is no body: {:#?}",
        doc.entities
    );
    person(&doc, "Clinton");
}

/// A name of two words or more that ends in a common noun's plural and that the article treats
/// as plural ("the Bee Gees", "Leeds Rhinos were") is a band or a side, no person; a surname of
/// that shape stays a person's ("Tiger Woods"), and so does a name after "and" whose plural
/// verb belongs to both ("Graham and Sherry Edwards fly").
#[test]
fn a_plural_name_the_article_treats_as_plural_is_no_person() {
    let doc = analyse_text(
        "The concert brought together Bill Wyman and members of the Bee Gees, the Beach Boys and \
         Abba. Graham and Sherry Edwards fly to Spain on Monday to search for their son. Tiger \
         Woods won the Masters by three strokes.",
    );
    assert_no_person(&doc, "Bee Gees");
    assert_no_person(&doc, "Beach Boys");
    person(&doc, "Sherry Edwards");
    person(&doc, "Tiger Woods");
}

/// One word whose possessive is a person named in full is the club, firm or title they belong
/// to ("Everton's Thomas Gravesen"), no person; a king's name after it says nothing of the kind
/// ("Shakespeare's Richard III").
#[test]
fn a_name_whose_possessive_is_a_named_person_is_no_person() {
    let doc = analyse_text(
        "Real Madrid are closing in on a deal for Everton's Thomas Gravesen. Gravesen has a year \
         left on his contract. Bening played in Shakespeare's Richard III in 1995.",
    );
    assert_no_person(&doc, "Everton");
    person(&doc, "Thomas Gravesen");
    let shakespeare = doc.entities.iter().find(|e| e.name == "Shakespeare");
    assert!(
        shakespeare.is_none_or(|e| e.kind == EntityKind::Person),
        "{:#?}",
        doc.entities
    );
}

/// A full name the NER typed an organisation or place is a person's when a person's role
/// noun stands right before it, even with a given name the lists do not know ("England coach
/// Sven-Goran Eriksson", "South African president Thabo Mbeki"); not after a role bodies hold
/// too ("German rival Deutsche Boerse") nor with a common word last ("Menatep Group").
#[test]
fn a_persons_role_before_a_name_makes_it_a_person_even_with_an_unknown_given_name() {
    let doc = analyse_text(
        "England coach Sven-Goran Eriksson has revealed his team to face the Netherlands. South \
         African president Thabo Mbeki has attacked British imperialists. The LSE has rejected a \
         takeover proposal from German rival Deutsche Boerse. Yukos' owner Menatep Group says \
         it will ask for the loan to be repaid.",
    );
    person(&doc, "Sven-Goran Eriksson");
    person(&doc, "Thabo Mbeki");
    assert_no_person(&doc, "Deutsche Boerse");
    assert_no_person(&doc, "Menatep Group");
}

/// A producer named in full may be a person ("Final Wars producer Shogo Tomiyama"): the noun
/// makes only a one-word name a company ("Russian crude producer Yukos").
#[test]
fn a_producer_named_in_full_stays_a_person() {
    let doc = analyse_text(
        "\"Godzilla should thank you for this star,\" said Final Wars producer Shogo Tomiyama. \
         Rosneft bought the former assets of troubled Russian crude producer Yukos last year.",
    );
    person(&doc, "Shogo Tomiyama");
    assert_no_person(&doc, "Yukos");
}

/// Given names from beyond the English-speaking world and from Britain's own nations are known
/// as such ("Carolina", "Graeme", "Marcel", "Cate"): a full name the NER typed a body is a
/// person's when it speaks, and a surname joins the full name.
#[test]
fn given_names_of_many_nations_are_known() {
    let doc = analyse_text(
        "Heptathlon champion Carolina Kluft praised her young rival on Sunday. \"She is a great \
         athlete,\" Kluft said. Graeme Souness believes Walter Smith is the ideal choice. \
         Marcel Desailly says the club has changed. Desailly said the new owner had helped.",
    );
    for name in ["Carolina Kluft", "Graeme Souness", "Marcel Desailly"] {
        person(&doc, name);
    }
}

/// A full name the NER typed a body is a person's when the article lists it right beside a
/// person named in full ("Paolo Maldini and Alessandro Costacurta"); a firm listed beside a
/// name of one word stays a firm ("Eli Lilly and Pfizer").
#[test]
fn a_name_listed_beside_people_is_a_person() {
    let doc = analyse_text(
        "He is full of admiration for two veterans who played against Manchester United on \
         Wednesday - Paolo Maldini and Alessandro Costacurta. The film features the voices of \
         Ewan McGregor, Halle Berry and Robin Williams. Drugs group Eli Lilly and Pfizer both \
         reported higher profits.",
    );
    for name in [
        "Paolo Maldini",
        "Alessandro Costacurta",
        "Ewan McGregor",
        "Halle Berry",
    ] {
        person(&doc, name);
    }
    assert_no_person(&doc, "Eli Lilly");
}
