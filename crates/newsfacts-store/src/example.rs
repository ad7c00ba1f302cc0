//! An invented article with every fact layer filled by hand: what the tests of the store, the
//! server and the CLI store and render while the pipeline's own fact layers are being built, and a
//! way to see the web pages with facts on them. The article is made up for newsfacts.

use newsfacts_doc::json::{OutputDocument, OutputLayers, to_output};
use newsfacts_doc::*;

/// Where `needle` first occurs in `text` at or after byte `from` (an empty span if it does not,
/// which the invented text below never lets happen).
fn span_after(text: &str, needle: &str, from: usize) -> Span {
    text.get(from..)
        .and_then(|rest| rest.find(needle))
        .map(|found| Span::new(from + found, from + found + needle.len()))
        .unwrap_or_default()
}

fn span_of(text: &str, needle: &str) -> Span {
    span_after(text, needle, 0)
}

/// The speakers of [`invented_document`]'s quotes, in quote order.
pub const INVENTED_SPEAKERS: [&str; 3] = ["Ana Ruiz", "Jon Pike", "Ana Ruiz"];

/// An invented two-paragraph article about a harbour: three quotes by two speakers, two
/// quantities (one inside a quote), a failed check, an event and a ledger entry.
pub fn invented_document(id: &str, url: Option<&str>) -> OutputDocument {
    let mut doc = Document::from_article(Article {
        id: id.into(),
        url: url.map(str::to_string),
        title: Some("Harbour board buys ferries".into()),
        published: Some("2026-03-01".into()),
        paragraphs: vec![
            "Board chair Ana Ruiz said “the ferries will run by June” at the meeting.".into(),
            "Critic Jon Pike said the 12 boats cost €9m, “half of the €30m budget”. Ruiz pledged 12 boats to the islands and added: “Every crossing will be electric.”".into(),
        ],
        ..Article::default()
    });
    doc.sentences = vec![
        span_of(
            &doc.text,
            "Board chair Ana Ruiz said “the ferries will run by June” at the meeting.",
        ),
        span_of(
            &doc.text,
            "Critic Jon Pike said the 12 boats cost €9m, “half of the €30m budget”.",
        ),
        span_of(
            &doc.text,
            "Ruiz pledged 12 boats to the islands and added: “Every crossing will be electric.”",
        ),
    ];
    let text = doc.text.clone();
    doc.entities = vec![
        Entity {
            id: "e1".into(),
            kind: EntityKind::Person,
            name: "Ana Ruiz".into(),
            roles: vec![Role {
                text: "Board chair".into(),
                org: None,
                evidence: Some(doc.text_span(span_of(&text, "Board chair"))),
            }],
            mentions: [
                (span_of(&text, "Ana Ruiz"), "name"),
                (
                    span_after(&text, "Ruiz", span_of(&text, "budget").end),
                    "surname",
                ),
            ]
            .into_iter()
            .map(|(span, label)| Mention {
                start: span.start,
                end: span.end,
                text: text[span.start..span.end].to_string(),
                label: Some(label.into()),
            })
            .collect(),
            actor: None,
        },
        Entity {
            id: "e2".into(),
            kind: EntityKind::Person,
            name: "Jon Pike".into(),
            roles: vec![Role {
                text: "Critic".into(),
                org: None,
                evidence: None,
            }],
            mentions: vec![],
            actor: None,
        },
    ];
    let q1 = span_of(&text, "the ferries will run by June");
    let q2 = span_of(&text, "half of the €30m budget");
    doc.quotes = vec![
        Quote {
            id: "q1".into(),
            kind: QuoteKind::Direct,
            text: "the ferries will run by June".into(),
            spans: vec![q1],
            cue: Some(doc.text_span(span_of(&text, "said"))),
            cue_class: Some(CueClass::Speech),
            speaker: Some(Speaker {
                entity: Some("e1".into()),
                name: "Ana Ruiz".into(),
                mention: doc.text_span(span_of(&text, "Ana Ruiz")),
            }),
            confidence: 0.9,
        },
        Quote {
            id: "q2".into(),
            kind: QuoteKind::Partial,
            text: "half of the €30m budget".into(),
            spans: vec![q2],
            cue: None,
            cue_class: None,
            speaker: Some(Speaker {
                entity: Some("e2".into()),
                name: "Jon Pike".into(),
                mention: doc.text_span(span_of(&text, "Jon Pike")),
            }),
            confidence: 0.7,
        },
        Quote {
            id: "q3".into(),
            kind: QuoteKind::Direct,
            text: "Every crossing will be electric.".into(),
            spans: vec![span_of(&text, "Every crossing will be electric.")],
            cue: Some(doc.text_span(span_of(&text, "added"))),
            cue_class: Some(CueClass::Speech),
            speaker: Some(Speaker {
                entity: Some("e1".into()),
                name: "Ana Ruiz".into(),
                mention: doc.text_span(span_after(&text, "Ruiz", q2.end)),
            }),
            confidence: 0.9,
        },
    ];
    let money = span_of(&text, "€9m");
    let budget = span_of(&text, "€30m");
    doc.quantities = vec![
        Quantity {
            id: "n1".into(),
            start: money.start,
            end: money.end,
            text: "€9m".into(),
            kind: Some(QuantityKind::Money),
            value: Some(9e6),
            currency: Some("EUR".into()),
            ..Quantity::default()
        },
        Quantity {
            id: "n2".into(),
            start: budget.start,
            end: budget.end,
            text: "€30m".into(),
            kind: Some(QuantityKind::Money),
            value: Some(30e6),
            currency: Some("EUR".into()),
            ..Quantity::default()
        },
    ];
    doc.checks = vec![Check {
        claim: doc.text_span(span_of(&text, "half of the €30m budget")),
        verdict: Verdict::Inconsistent,
        computation: "9,000,000 / 30,000,000 = 0.3, not 0.5".into(),
        inputs: vec!["n1".into(), "n2".into()],
    }];
    doc.events = vec![Event {
        id: "v1".into(),
        plover: "AGREE".into(),
        mode: None,
        actor: Some(Participant {
            entity: Some("e1".into()),
            name: "Ana Ruiz".into(),
        }),
        recipient: None,
        trigger: doc.text_span(span_of(&text, "pledged")),
        what: None,
        quantities: vec![],
        when: None,
        due: None,
        place: None,
        negated: false,
        hypothetical: false,
        claimed_in: None,
        cameo: None,
    }];
    let pledge = span_of(&text, "Ruiz pledged 12 boats to the islands");
    doc.ledger = vec![LedgerEntry {
        pledger: Participant {
            entity: Some("e1".into()),
            name: "Ana Ruiz".into(),
        },
        recipient: Some(Participant {
            entity: None,
            name: "the islands".into(),
        }),
        item: "boats".into(),
        pledged: Some(LedgerAmount {
            quantity: None,
            value: Some(12.0),
            item: Some("boats".into()),
            approximate: false,
            when: None,
            due: None,
            unit: None,
            per: None,
            evidence: doc.text_span(pledge),
        }),
        delivered: vec![],
        fulfilment: None,
        stated: None,
        evidence: vec![doc.text_span(pledge)],
    }];
    to_output(&doc, OutputLayers::default())
}

/// One invented report of a pledge and its deliveries, for [`invented_ledger_document`].
#[derive(Debug, Clone, Copy)]
pub struct InventedReport<'a> {
    pub id: &'a str,
    pub published: Option<&'a str>,
    pub pledger: &'a str,
    pub recipient: &'a str,
    /// Value and item of the pledge, if the article reports one.
    pub pledged: Option<(f64, &'a str)>,
    /// Value and item of each delivery.
    pub delivered: &'a [(f64, &'a str)],
    /// Null for counts, else a currency code or unit.
    pub unit: Option<&'a str>,
}

/// An invented one-paragraph article reporting a pledge and deliveries, with its ledger entry
/// filled by hand (fulfilment computed as the analyst does): what the tests of the ledger's
/// aggregation across articles store.
pub fn invented_ledger_document(report: &InventedReport<'_>) -> OutputDocument {
    let amount_text = |value: f64, item: &str| match report.unit {
        Some(unit) => format!("{unit} {value:.0} in {item}"),
        None => format!("{value:.0} {item}"),
    };
    let mut text = String::new();
    if let Some((value, item)) = report.pledged {
        text.push_str(&format!(
            "{} pledged {} to {}. ",
            report.pledger,
            amount_text(value, item),
            report.recipient
        ));
    }
    if !report.delivered.is_empty() {
        let amounts: Vec<String> = report
            .delivered
            .iter()
            .map(|(value, item)| amount_text(*value, item))
            .collect();
        text.push_str(&format!(
            "So far {} has delivered {}.",
            report.pledger,
            amounts.join(" and ")
        ));
    }
    let mut doc = Document::from_article(Article {
        id: report.id.into(),
        published: report.published.map(str::to_string),
        title: Some(format!("{} and {}", report.pledger, report.recipient)),
        paragraphs: vec![text.trim().to_string()],
        ..Article::default()
    });
    let text = doc.text.clone();
    let amount = |value: f64, item: &str, from: usize| LedgerAmount {
        quantity: None,
        value: Some(value),
        item: Some(item.into()),
        approximate: false,
        when: None,
        due: None,
        unit: report.unit.map(str::to_string),
        per: None,
        evidence: doc.text_span(span_after(&text, &amount_text(value, item), from)),
    };
    let delivered_from = span_of(&text, "delivered").end;
    let pledged = report.pledged.map(|(value, item)| amount(value, item, 0));
    let delivered: Vec<LedgerAmount> = report
        .delivered
        .iter()
        .map(|(value, item)| amount(*value, item, delivered_from))
        .collect();
    let fulfilment = pledged
        .as_ref()
        .and_then(|p| p.value)
        .filter(|_| !delivered.is_empty())
        .map(|target| delivered.iter().filter_map(|d| d.value).sum::<f64>() / target);
    let evidence = ["pledged", "delivered"]
        .into_iter()
        .map(|word| span_of(&text, word))
        .filter(|span| !span.is_empty())
        .map(|span| doc.text_span(span))
        .collect();
    let item = report
        .pledged
        .map(|(_, item)| item)
        .or_else(|| report.delivered.first().map(|(_, item)| *item))
        .unwrap_or_default();
    doc.ledger = vec![LedgerEntry {
        pledger: Participant {
            entity: None,
            name: report.pledger.into(),
        },
        recipient: Some(Participant {
            entity: None,
            name: report.recipient.into(),
        }),
        item: item.into(),
        pledged,
        delivered,
        fulfilment,
        stated: None,
        evidence,
    }];
    to_output(&doc, OutputLayers::default())
}
