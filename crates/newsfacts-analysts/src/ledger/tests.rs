//! The ledger over hand-written articles whose events are built by hand: quantities and checks
//! come from the real analysts, so these tests also pin how the ledger reads their output.

use super::*;
use newsfacts_doc::{Article, Verdict};

/// A document with sentences, quantities and checks from the real analysts, and no events yet.
fn analysed(text: &str) -> Document {
    let mut doc = Document::from_article(Article {
        id: "test".into(),
        paragraphs: vec![text.into()],
        ..Article::default()
    });
    doc.sentences = newsfacts_nlp::split_sentences(&doc.text);
    doc.quantities = crate::quantities::extract_quantities(&doc);
    doc.checks = crate::checks::check_claims(&doc);
    doc
}

fn participant(name: &str) -> Participant {
    Participant {
        entity: None,
        name: name.into(),
    }
}

/// The id of the quantity whose text is `text`.
fn quantity(doc: &Document, text: &str) -> String {
    doc.quantities
        .iter()
        .find(|q| q.text == text)
        .map(|q| q.id.clone())
        .unwrap_or_else(|| panic!("no quantity {text:?} in {:#?}", doc.quantities))
}

/// An event of `mode` triggered by the first `trigger` in the text. Built from JSON, as the
/// contract gives it, so fields the events layer adds later take their defaults here.
fn event(
    doc: &Document,
    mode: &str,
    trigger: &str,
    actor: Option<&str>,
    recipient: Option<&str>,
    quantities: &[&str],
) -> Event {
    let start = doc.text.find(trigger).expect("trigger in text");
    let quantities: Vec<String> = quantities.iter().map(|q| quantity(doc, q)).collect();
    let event = serde_json::json!({
        "id": format!("v{}", doc.events.len() + 1),
        "plover": if mode == PLEDGE { "AGREE" } else { "AID" },
        "mode": mode,
        "actor": actor.map(participant),
        "recipient": recipient.map(participant),
        "trigger": doc.text_span(Span::new(start, start + trigger.len())),
        "quantities": quantities,
        "when": null,
        "where": null,
    });
    serde_json::from_value(event).expect("an event in the contract's shape")
}

#[test]
fn a_delivery_by_they_counts_against_the_pledge_before_it_whatever_its_noun() {
    let mut doc = analysed(
        "In March, EU states pledged to provide one million artillery shells to Ukraine within \
         a year; they have so far supplied only about 224,000 ammunition rounds and 2,300 \
         missiles – less than a quarter of their target.",
    );
    let pledge = event(
        &doc,
        PLEDGE,
        "pledged",
        Some("EU states"),
        Some("Ukraine"),
        &["one million artillery shells"],
    );
    doc.events.push(pledge);
    // The events layer attached nothing and left the pronoun: the ledger finds both.
    let delivery = event(&doc, DELIVERY, "supplied", Some("they"), None, &[]);
    doc.events.push(delivery);

    let ledger = build_ledger(&doc);
    assert_eq!(ledger.len(), 1, "{ledger:#?}");
    let entry = &ledger[0];
    assert_eq!(entry.pledger.name, "EU states");
    assert_eq!(
        entry.recipient.as_ref().map(|r| r.name.as_str()),
        Some("Ukraine")
    );
    assert_eq!(entry.item, "artillery shells");
    let pledged = entry.pledged.as_ref().expect("pledged");
    assert_eq!(pledged.value, Some(1_000_000.0));
    assert_eq!(pledged.when.as_deref(), Some("March"));
    assert_eq!(pledged.due.as_deref(), Some("within a year"));
    assert_eq!(pledged.unit, None);
    let delivered: Vec<(Option<f64>, Option<&str>, bool)> = entry
        .delivered
        .iter()
        .map(|d| (d.value, d.item.as_deref(), d.approximate))
        .collect();
    assert_eq!(
        delivered,
        vec![
            (Some(224_000.0), Some("ammunition rounds"), true),
            (Some(2_300.0), Some("missiles"), false),
        ]
    );
    assert!(delivered_due_is_none(entry));
    let fulfilment = entry.fulfilment.expect("fulfilment");
    assert!((fulfilment - 0.2263).abs() < 1e-9, "{fulfilment}");
    let stated = entry.stated.as_ref().expect("the article's claim");
    assert_eq!(stated.claim.text, "less than a quarter of their target");
    assert_eq!(stated.verdict, Verdict::Consistent);
    let evidence: Vec<&str> = entry.evidence.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(evidence, ["pledged", "supplied"]);
}

fn delivered_due_is_none(entry: &LedgerEntry) -> bool {
    entry.delivered.iter().all(|d| d.due.is_none())
}

#[test]
fn another_pledgers_delivery_and_another_unit_make_entries_of_their_own() {
    let mut doc = analysed(
        "Germany pledged 40 tanks to Ukraine. France delivered 12 tanks to Ukraine. \
         Germany has delivered €30 million in aid.",
    );
    let germany = event(
        &doc,
        PLEDGE,
        "pledged",
        Some("Germany"),
        Some("Ukraine"),
        &["40 tanks"],
    );
    let france = event(
        &doc,
        DELIVERY,
        "delivered 12",
        Some("France"),
        Some("Ukraine"),
        &["12 tanks"],
    );
    doc.events.extend([germany, france]);
    let start = doc.text.rfind("delivered").expect("second delivery");
    let mut money = event(&doc, DELIVERY, "delivered", Some("Germany"), None, &[]);
    money.trigger = doc.text_span(Span::new(start, start + "delivered".len()));
    doc.events.push(money);

    let ledger = build_ledger(&doc);
    assert_eq!(ledger.len(), 3, "{ledger:#?}");
    assert_eq!(ledger[0].pledger.name, "Germany");
    assert_eq!(ledger[0].item, "tanks");
    assert!(ledger[0].delivered.is_empty());
    assert_eq!(ledger[0].fulfilment, None);
    assert_eq!(ledger[1].pledger.name, "France");
    assert!(ledger[1].pledged.is_none());
    assert_eq!(ledger[1].delivered[0].value, Some(12.0));
    assert_eq!(ledger[2].pledger.name, "Germany");
    assert!(ledger[2].pledged.is_none());
    assert_eq!(ledger[2].delivered[0].unit.as_deref(), Some("EUR"));
}

#[test]
fn a_delivery_told_before_its_pledge_still_counts_against_it() {
    let mut doc = analysed(
        "Norway has delivered 30 howitzers to Kyiv, of the 50 howitzers it promised by June.",
    );
    let delivery = event(
        &doc,
        DELIVERY,
        "delivered",
        Some("Norway"),
        Some("Kyiv"),
        &["30 howitzers"],
    );
    let pledge = event(
        &doc,
        PLEDGE,
        "promised",
        Some("Norway"),
        None,
        &["50 howitzers"],
    );
    doc.events.extend([delivery, pledge]);
    let ledger = build_ledger(&doc);
    assert_eq!(ledger.len(), 1, "{ledger:#?}");
    let entry = &ledger[0];
    // Kyiv stands for Ukraine's government: the ledger names the country.
    assert_eq!(
        entry.recipient.as_ref().map(|r| r.name.as_str()),
        Some("Ukraine")
    );
    assert_eq!(entry.fulfilment, Some(0.6));
}

#[test]
fn a_pledge_to_a_country_and_a_delivery_to_its_capital_meet() {
    let mut doc = analysed(
        "Washington pledged 100 drones to Ukraine. It has delivered 40 drones to Kyiv so far.",
    );
    let pledge = event(
        &doc,
        PLEDGE,
        "pledged",
        Some("Washington"),
        Some("Ukraine"),
        &["100 drones"],
    );
    let delivery = event(
        &doc,
        DELIVERY,
        "delivered",
        Some("It"),
        Some("Kyiv"),
        &["40 drones"],
    );
    doc.events.extend([pledge, delivery]);
    let ledger = build_ledger(&doc);
    assert_eq!(ledger.len(), 1, "{ledger:#?}");
    let entry = &ledger[0];
    assert_eq!(entry.pledger.name, "United States");
    assert_eq!(entry.key().1, "ukraine");
    assert_eq!(entry.fulfilment, Some(0.4));
}

#[test]
fn negated_and_hypothetical_deliveries_and_empty_documents_add_nothing() {
    assert!(build_ledger(&analysed("Nothing was promised.")).is_empty());
    let mut doc =
        analysed("Spain pledged 20 tanks. It did not deliver 20 tanks. It might deliver 10 tanks.");
    let pledge = event(&doc, PLEDGE, "pledged", Some("Spain"), None, &["20 tanks"]);
    let mut negated = event(&doc, DELIVERY, "deliver 20", Some("It"), None, &[]);
    negated.negated = true;
    let mut hypothetical = event(&doc, DELIVERY, "deliver 10", Some("It"), None, &[]);
    hypothetical.hypothetical = true;
    doc.events.extend([pledge, negated, hypothetical]);
    let ledger = build_ledger(&doc);
    assert_eq!(ledger.len(), 1);
    assert!(ledger[0].delivered.is_empty());
    // An event that is neither a pledge nor a delivery is not the ledger's.
    let mut doc = analysed("Kim promised Putin full support.");
    let mut agree = event(&doc, PLEDGE, "promised", Some("Kim"), Some("Putin"), &[]);
    agree.mode = None;
    doc.events.push(agree);
    assert!(build_ledger(&doc).is_empty());
}

#[test]
fn deadlines_are_told_from_dates_of_the_pledge() {
    let doc = analysed("In May the coalition promised 300 drones by the end of June.");
    let mut pledge = event(
        &doc,
        PLEDGE,
        "promised",
        Some("the coalition"),
        None,
        &["300 drones"],
    );
    pledge.when = Some("2024-05".into());
    let mut doc = doc;
    doc.events.push(pledge.clone());
    let ledger = build_ledger(&doc);
    let pledged = ledger[0].pledged.as_ref().expect("pledged");
    assert_eq!(
        pledged.when.as_deref(),
        Some("2024-05"),
        "the events layer's time wins"
    );
    assert!(
        pledged
            .due
            .as_deref()
            .is_some_and(|due| due.contains("June")),
        "{pledged:?} in {:#?}",
        doc.quantities
    );
    // The events layer's deadline wins too.
    pledge.due = Some("by midsummer".into());
    doc.events = vec![pledge];
    let ledger = build_ledger(&doc);
    let pledged = ledger[0].pledged.as_ref().expect("pledged");
    assert_eq!(pledged.due.as_deref(), Some("by midsummer"));
}

#[test]
fn an_amount_shared_by_two_events_is_pledged_once_and_never_delivered() {
    let mut doc = analysed("Poland pledged to provide 60 tanks to Ukraine.");
    let pledge = event(
        &doc,
        PLEDGE,
        "pledged",
        Some("Poland"),
        Some("Ukraine"),
        &["60 tanks"],
    );
    let again = event(&doc, PLEDGE, "provide", Some("Poland"), None, &["60 tanks"]);
    let provide = event(
        &doc,
        DELIVERY,
        "provide",
        Some("Poland"),
        Some("Ukraine"),
        &["60 tanks"],
    );
    doc.events.extend([pledge, again, provide]);
    let ledger = build_ledger(&doc);
    assert_eq!(ledger.len(), 1, "{ledger:#?}");
    assert!(ledger[0].delivered.is_empty());
    assert_eq!(ledger[0].fulfilment, None);
}

#[test]
fn changes_prices_and_conversions_are_no_amounts() {
    let mut doc = analysed(
        "The minister promised to cut taxes by 6.5bn euros ($8.6bn) this year. Italy promised \
         2bn euros ($2.6bn; £1.7bn) to Ukraine. Baikal gave control to Rosneft for $9.3bn.",
    );
    let cut = event(
        &doc,
        PLEDGE,
        "promised to cut",
        Some("the minister"),
        None,
        &[],
    );
    let start = doc.text.rfind("promised").expect("second pledge");
    let mut italy = event(
        &doc,
        PLEDGE,
        "promised",
        Some("Italy"),
        Some("Ukraine"),
        &[],
    );
    italy.trigger = doc.text_span(Span::new(start, start + "promised".len()));
    let gave = event(&doc, DELIVERY, "gave", Some("Baikal"), Some("Rosneft"), &[]);
    doc.events.extend([cut, italy, gave]);
    let ledger = build_ledger(&doc);
    assert_eq!(ledger.len(), 1, "{ledger:#?}");
    let pledged = ledger[0].pledged.as_ref().expect("pledged");
    assert_eq!(ledger[0].pledger.name, "Italy");
    assert_eq!(pledged.value, Some(2e9), "{pledged:?}");
    assert_eq!(pledged.unit.as_deref(), Some("EUR"));
}
