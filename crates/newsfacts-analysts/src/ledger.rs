//! The ledger: what was pledged, to whom, against what has been delivered.
//!
//! Reads the events layer — commitments (mode `pledge`: "pledged", "promised", "will deliver")
//! and deliveries (mode `delivery`: "supplied", "handed over", "so far") — with the quantities
//! attached to them, and groups them by pledger → recipient → item. A delivery counts against the
//! pledge of the same pledger in the same article even when the article names the item
//! differently ("one million artillery shells" pledged, "224,000 ammunition rounds" supplied):
//! articles vary their nouns, and the pledge is what the delivery is measured against. Each
//! amount keeps its own item, so nothing the article says is lost.
//!
//! Fulfilment is delivered over pledged, adding only amounts in the pledge's unit (counts with
//! counts, euros with euros). When one of the article's arithmetic checks tested a claim about
//! the pledge and a delivery ("less than a quarter of their target"), the entry records that
//! claim and its verdict beside the computed figure.

use newsfacts_doc::{
    Document, EntityKind, Event, LedgerAmount, LedgerEntry, Participant, Quantity, QuantityKind,
    Span, StatedFulfilment, TextSpan, item_key, participant_key,
};

use crate::entities::gazetteer::country_of_capital;
use crate::quantities::is_deadline;

/// The event mode of a commitment.
const PLEDGE: &str = "pledge";
/// The event mode of a delivery.
const DELIVERY: &str = "delivery";

/// Words that stand for an actor named earlier ("they have so far supplied"): such an actor is
/// the pledger of the ledger entry before it.
const PRONOUNS: &[&str] = &[
    "they", "them", "it", "he", "she", "we", "its", "their", "who", "which", "those",
];

/// Builds the ledger of one document from its events, quantities and checks.
pub fn build_ledger(doc: &Document) -> Vec<LedgerEntry> {
    let mut events: Vec<&Event> = doc
        .events
        .iter()
        .filter(|event| !event.negated && matches!(event.mode.as_deref(), Some(PLEDGE | DELIVERY)))
        .collect();
    events.sort_by_key(|event| event.trigger.start);
    let triggers: Vec<usize> = events.iter().map(|event| event.trigger.start).collect();
    // The ledger's parties: an event's own, with a capital read as its country.
    let parties: Vec<Event> = events
        .iter()
        .map(|event| {
            let mut event = (*event).clone();
            event.actor = event.actor.map(|actor| as_party(doc, actor));
            event.recipient = event.recipient.map(|recipient| as_party(doc, recipient));
            event
        })
        .collect();
    let events: Vec<&Event> = parties.iter().collect();

    // Pledges first, so that a delivery reported before its pledge ("only 224,000 of the
    // million shells pledged") still finds it.
    let mut drafts: Vec<Draft> = Vec::new();
    // A quantity is one amount of the ledger: "pledged to provide one million shells" may come
    // as two events sharing the amount, which is pledged once and never also delivered.
    let mut used: Vec<&str> = Vec::new();
    let mut last_named_actor: Option<Participant> = None;
    let mut actors: Vec<Option<Participant>> = Vec::with_capacity(events.len());
    for event in &events {
        let actor = match &event.actor {
            Some(actor) if !is_pronoun(&actor.name) => {
                last_named_actor = Some(actor.clone());
                Some((actor.clone(), false))
            }
            // "they have so far supplied": the actor named last.
            _ => last_named_actor.clone().map(|actor| (actor, true)),
        };
        actors.push(actor.as_ref().map(|(actor, _)| actor.clone()));
        let (Some((pledger, _)), Some(PLEDGE)) = (actor, event.mode.as_deref()) else {
            continue;
        };
        // "The ferries will cost about €84m, of which the fund has agreed to pay 40%": a share
        // of a sum pledged is that part of the sum, not the sum.
        let pledged: Vec<(&Quantity, LedgerAmount)> = match share_of_a_sum(doc, event, &triggers) {
            Some(share) => vec![share],
            None => amounts_of(doc, event, &triggers)
                .into_iter()
                .map(|quantity| (quantity, ledger_amount(doc, event, quantity, &triggers)))
                .collect(),
        };
        for (quantity, amount) in pledged {
            if used.contains(&quantity.id.as_str()) {
                continue;
            }
            used.push(&quantity.id);
            drafts.push(Draft {
                trigger: event.trigger.start,
                entry: LedgerEntry {
                    pledger: pledger.clone(),
                    recipient: event.recipient.clone(),
                    item: amount.item.clone().unwrap_or_default(),
                    pledged: Some(amount),
                    delivered: Vec::new(),
                    fulfilment: None,
                    stated: None,
                    evidence: vec![event.trigger.clone()],
                },
            });
        }
    }

    for (event, actor) in events.iter().zip(actors) {
        // A delivery that only might happen is not one; a future delivery the events layer
        // codes as a pledge.
        if event.mode.as_deref() != Some(DELIVERY) || event.hypothetical {
            continue;
        }
        let Some(actor) = actor else { continue };
        for quantity in amounts_of(doc, event, &triggers) {
            if used.contains(&quantity.id.as_str()) {
                continue;
            }
            used.push(&quantity.id);
            let amount = ledger_amount(doc, event, quantity, &triggers);
            let index = match matching_draft(&drafts, event, &actor, &amount) {
                Some(index) => index,
                None => {
                    drafts.push(Draft {
                        trigger: event.trigger.start,
                        entry: LedgerEntry {
                            pledger: actor.clone(),
                            recipient: event.recipient.clone(),
                            item: amount.item.clone().unwrap_or_default(),
                            pledged: None,
                            delivered: Vec::new(),
                            fulfilment: None,
                            stated: None,
                            evidence: Vec::new(),
                        },
                    });
                    drafts.len() - 1
                }
            };
            let entry = &mut drafts[index].entry;
            if entry.recipient.is_none() {
                entry.recipient = event.recipient.clone();
            }
            if !entry.evidence.contains(&event.trigger) {
                entry.evidence.push(event.trigger.clone());
            }
            entry.delivered.push(amount);
        }
    }

    drafts.sort_by_key(|draft| draft.trigger);
    drafts
        .into_iter()
        .map(|draft| {
            let mut entry = draft.entry;
            entry.fulfilment = fulfilment(&entry);
            entry.stated = stated_fulfilment(doc, &entry);
            entry.evidence.sort_by_key(|span| span.start);
            entry
        })
        .collect()
}

/// An entry being built, with where its first event stands (entries come out in text order).
struct Draft {
    trigger: usize,
    entry: LedgerEntry,
}

/// A ledger party: a capital that stands for its government ("delivered to Kyiv") becomes its
/// country, the document's entity for it when the article names the country too, so the pledge
/// to Ukraine and the delivery to Kyiv meet in one entry, and across articles in the store. A
/// person or organisation named like a capital ("Washington" the surname) stays as it is.
fn as_party(doc: &Document, participant: Participant) -> Participant {
    let kind = participant.entity.as_ref().and_then(|id| {
        doc.entities
            .iter()
            .find(|entity| &entity.id == id)
            .map(|entity| entity.kind)
    });
    if !matches!(kind, None | Some(EntityKind::Place)) {
        return participant;
    }
    let Some(country) = country_of_capital(&participant.name) else {
        return participant;
    };
    let entity = doc
        .entities
        .iter()
        .find(|entity| entity.kind == EntityKind::Place && entity.name == country)
        .map(|entity| entity.id.clone());
    Participant {
        entity,
        name: country.to_string(),
    }
}

fn is_pronoun(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    PRONOUNS.contains(&lower.as_str())
}

fn same_participant(a: &Participant, b: &Participant) -> bool {
    match (&a.entity, &b.entity) {
        (Some(x), Some(y)) if x == y => true,
        _ => participant_key(&a.name) == participant_key(&b.name),
    }
}

/// The entry a delivery amount counts against: an entry of the same pledger, to the same
/// recipient (or an unnamed one), in the same unit. Among those, one for the same item wins;
/// then a pledge (nearest before the delivery, else nearest after it); then an earlier
/// delivery-only entry of the same item.
fn matching_draft(
    drafts: &[Draft],
    event: &Event,
    actor: &Participant,
    amount: &LedgerAmount,
) -> Option<usize> {
    let key = amount.item.as_deref().map(item_key);
    let candidates = drafts.iter().enumerate().filter(|(_, draft)| {
        let entry = &draft.entry;
        let recipient_fits = match (&entry.recipient, &event.recipient) {
            (Some(a), Some(b)) => same_participant(a, b),
            _ => true,
        };
        same_participant(&entry.pledger, actor)
            && recipient_fits
            && entry.measure() == amount.measure()
    });
    // Lower rank is better.
    candidates
        .min_by_key(|(_, draft)| {
            let entry = &draft.entry;
            let same_item = key.is_some() && key == Some(item_key(&entry.item));
            let pledged = entry.pledged.is_some();
            let before = draft.trigger <= event.trigger.start;
            let distance = draft.trigger.abs_diff(event.trigger.start);
            let rank = match (pledged, before) {
                (true, true) => 0,
                (true, false) => 1,
                (false, _) => 2,
            };
            (!same_item, rank, distance)
        })
        .filter(|(_, draft)| {
            // A delivery-only entry takes further deliveries of its own item only.
            draft.entry.pledged.is_some() || key == Some(item_key(&draft.entry.item))
        })
        .map(|(index, _)| index)
}

/// Whether a quantity can be an amount pledged or delivered: a count, money, a mass or a volume,
/// once or over and over ("3 million tonnes of gas every year") — not a date, a duration, a
/// share, a pace or wage ("$15.4/hour", "four times per week"), or a distance (a "1,200km
/// frontline" is no delivery).
fn is_amount(quantity: &Quantity) -> bool {
    let kind_fits = matches!(
        quantity.kind,
        Some(
            QuantityKind::Count
                | QuantityKind::Money
                | QuantityKind::Mass
                | QuantityKind::Volume
                | QuantityKind::Other
        )
    ) || (quantity.kind == Some(QuantityKind::Rate)
        && quantity.of.as_deref().is_some_and(|of| of != "times"));
    kind_fits && quantity.per.as_deref().is_none_or(is_supply_period)
}

/// Whether a rate's denominator is a period a supply recurs in; an hour or a minute makes a
/// pace or a wage, not a supply.
fn is_supply_period(per: &str) -> bool {
    matches!(per, "year" | "month" | "week" | "day" | "quarter")
}

/// The span after an event's trigger that belongs to its clause: up to a semicolon, the end of
/// the sentence, or the next pledge or delivery.
fn clause_after(doc: &Document, event: &Event, triggers: &[usize]) -> Span {
    let start = event.trigger.end.min(doc.text.len());
    let sentence_end = doc
        .sentences
        .iter()
        .find(|s| s.start <= event.trigger.start && event.trigger.start < s.end)
        .map_or(doc.text.len(), |s| s.end);
    let next_trigger = triggers
        .iter()
        .copied()
        .find(|&t| t > event.trigger.start)
        .unwrap_or(usize::MAX);
    let rest = doc.text.get(start..sentence_end).unwrap_or_default();
    let semicolon = rest.find(';').map_or(usize::MAX, |at| start + at);
    // "donate an unspecified amount for relief work in Thailand, where more than 5,000 people
    // were killed": a relative or subordinate clause after a comma is about something else.
    let next_clause = rest
        .match_indices(", ")
        .find(|(at, _)| {
            let after = &rest[at + 2..];
            let word = after
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or_default();
            CLAUSE_WORDS.contains(&word.to_lowercase().as_str())
        })
        .map_or(usize::MAX, |(at, _)| start + at);
    Span::new(
        start,
        sentence_end
            .min(next_trigger)
            .min(semicolon)
            .min(next_clause)
            .max(start),
    )
}

/// The span before an event's trigger in its sentence, after any earlier pledge or delivery:
/// where a date that belongs to it stands ("In March, EU states pledged").
fn clause_before(doc: &Document, event: &Event, triggers: &[usize]) -> Span {
    let end = event.trigger.start;
    let sentence_start = doc
        .sentences
        .iter()
        .find(|s| s.start <= end && end < s.end)
        .map_or(0, |s| s.start);
    let previous_trigger = triggers
        .iter()
        .copied()
        .filter(|&t| t < end)
        .max()
        .unwrap_or(0);
    Span::new(sentence_start.max(previous_trigger).min(end), end)
}

/// Object pronouns that name people, who are given to, not given.
const PERSONAL_OBJECTS: &[&str] = &["me", "you", "him", "her", "us", "them"];

/// Words that open a relative or subordinate clause after a comma.
const CLAUSE_WORDS: &[&str] = &[
    "where", "which", "who", "whom", "whose", "when", "while", "whilst", "although", "though",
    "because",
];

fn within(span: Span, quantity: &Quantity) -> bool {
    span.start <= quantity.start && quantity.end <= span.end
}

/// The quantities an event pledges or delivers: those the events layer attached to it, else
/// the amounts in its clause after the trigger — without changes and prices ("cut taxes by
/// €6.5bn", "gave control to Rosneft for $9.3bn": nothing of that amount changes hands) and
/// without the same sum in other currencies ("€6.5bn ($8.6bn; £4.5bn)").
fn amounts_of<'d>(doc: &'d Document, event: &Event, triggers: &[usize]) -> Vec<&'d Quantity> {
    let mut attached: Vec<&Quantity> = event
        .quantities
        .iter()
        .filter_map(|id| doc.quantities.iter().find(|q| &q.id == id))
        .filter(|q| is_amount(q))
        .collect();
    if attached.is_empty() {
        // The amounts of the clause after the trigger, within what the events layer found given
        // where it found that: "guaranteeing the welfare of the one million seafarers" gives
        // no seafarers. A person it found there is the one given to, read as the object
        // ("promised them about £8.1bn"). A bare number that counts nothing named is no amount
        // given: the scores of "underlined his promise by beating Gaudio 6-4 7-6".
        let clause = clause_after(doc, event, triggers);
        let given = event
            .what
            .as_ref()
            .filter(|what| !PERSONAL_OBJECTS.contains(&what.text.to_lowercase().as_str()));
        attached = doc
            .quantities
            .iter()
            .filter(|q| is_amount(q) && within(clause, q))
            .filter(|q| given.is_none_or(|what| within(what.span(), q)))
            .filter(|q| {
                q.kind != Some(QuantityKind::Count)
                    || q.of.is_some()
                    || partitive_item(doc, q).is_some()
            })
            .collect();
    }
    attached.sort_by_key(|q| q.start);
    let mut amounts: Vec<&Quantity> = Vec::with_capacity(attached.len());
    let mut previous: Option<&Quantity> = None;
    for quantity in attached {
        // A restatement goes with the amount it restates, kept or not.
        let converted = previous.is_some_and(|earlier| is_conversion(doc, earlier, quantity));
        if !converted && !is_change_or_price(doc, quantity) {
            amounts.push(quantity);
        }
        previous = Some(quantity);
    }
    amounts
}

/// A percentage pledged that is a share of a sum named beside it: "40% of the €84m", or "€84m,
/// of which … 40%". The amount is that share of the sum, in its currency, approximate when the
/// sum is; its evidence is the percentage.
fn share_of_a_sum<'d>(
    doc: &'d Document,
    event: &Event,
    triggers: &[usize],
) -> Option<(&'d Quantity, LedgerAmount)> {
    let what = event.what.as_ref()?;
    let share = doc.quantities.iter().find(|q| {
        q.kind == Some(QuantityKind::Percent) && what.start <= q.start && q.end <= what.end
    })?;
    let sentence = doc
        .sentences
        .iter()
        .find(|s| s.start <= share.start && share.end <= s.end)?;
    let between = |a: usize, b: usize| doc.text.get(a..b).unwrap_or("").to_lowercase();
    let money = |q: &&Quantity| {
        q.kind == Some(QuantityKind::Money) && q.value.is_some() && q.start >= sentence.start
    };
    let after = doc.quantities.iter().filter(money).find(|q| {
        q.start >= share.end && matches!(between(share.end, q.start).trim(), "of" | "of the")
    });
    let before = || {
        doc.quantities
            .iter()
            .filter(money)
            .rfind(|q| q.end <= share.start)
            .filter(|q| {
                let gap = between(q.end, share.start);
                gap.contains("of which") || gap.contains("of this") || gap.contains("of that")
            })
    };
    let sum = after.or_else(before)?;
    let value = share.value? / 100.0 * sum.value?;
    Some((
        share,
        LedgerAmount {
            quantity: Some(share.id.clone()),
            value: Some(value),
            item: Some("money".to_string()),
            approximate: sum.approximate,
            when: when_of(doc, event, triggers),
            due: due_of(doc, event, triggers),
            unit: sum.currency.clone().or_else(|| sum.unit.clone()),
            per: None,
            evidence: TextSpan {
                start: share.start,
                end: share.end,
                text: share.text.clone(),
            },
        },
    ))
}

/// Whether the word before a quantity makes it a change or a price: "by", "for".
fn is_change_or_price(doc: &Document, quantity: &Quantity) -> bool {
    let before = doc.text.get(..quantity.start).unwrap_or_default();
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|word| word.eq_ignore_ascii_case("by") || word.eq_ignore_ascii_case("for"))
}

/// Whether `later` restates `earlier` in another currency, in brackets or after a semicolon
/// right behind it.
fn is_conversion(doc: &Document, earlier: &Quantity, later: &Quantity) -> bool {
    let money = |q: &Quantity| q.kind == Some(QuantityKind::Money);
    let between = doc.text.get(earlier.end..later.start).unwrap_or("x");
    money(earlier)
        && money(later)
        && !between.trim().is_empty()
        && between
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '(' | ';' | '/' | ','))
        && between.contains(['(', ';', '/'])
}

fn ledger_amount(
    doc: &Document,
    event: &Event,
    quantity: &Quantity,
    triggers: &[usize],
) -> LedgerAmount {
    let unit = match quantity.kind {
        Some(QuantityKind::Count) => None,
        Some(QuantityKind::Money) => quantity.currency.clone().or_else(|| quantity.unit.clone()),
        _ => quantity.unit.clone(),
    };
    let item = quantity
        .of
        .clone()
        .or_else(|| partitive_item(doc, quantity))
        .or_else(|| match quantity.kind {
            Some(QuantityKind::Money) => Some("money".to_string()),
            _ => quantity.unit.clone(),
        });
    LedgerAmount {
        quantity: Some(quantity.id.clone()),
        value: quantity.value,
        item,
        approximate: quantity.approximate,
        when: when_of(doc, event, triggers),
        due: due_of(doc, event, triggers),
        unit,
        per: quantity.per.clone(),
        evidence: TextSpan {
            start: quantity.start,
            end: quantity.end,
            text: quantity.text.clone(),
        },
    }
}

/// The item of a bare count that is part of a counted whole: "two of the eight ferries" →
/// "ferries".
fn partitive_item(doc: &Document, quantity: &Quantity) -> Option<String> {
    if quantity.kind != Some(QuantityKind::Count) {
        return None;
    }
    doc.quantities.iter().find_map(|whole| {
        let between = doc.text.get(quantity.end..whole.start)?;
        let between = between.split_whitespace().collect::<Vec<_>>().join(" ");
        matches!(
            between.to_lowercase().as_str(),
            "of" | "of the" | "of its" | "of their" | "of those"
        )
        .then(|| whole.of.clone())
        .flatten()
    })
}

/// When the event happened: the events layer's time, else a date (not a deadline) attached to
/// it or standing before it in its clause.
fn when_of(doc: &Document, event: &Event, triggers: &[usize]) -> Option<String> {
    if let Some(when) = &event.when {
        return Some(when.clone());
    }
    let before = clause_before(doc, event, triggers);
    doc.quantities
        .iter()
        .filter(|q| q.kind == Some(QuantityKind::Date) && !is_deadline(doc, q))
        .filter(|q| event.quantities.contains(&q.id) || within(before, q))
        .map(date_text)
        .next()
}

/// A date as the ledger shows it: the words the article used, without a leading preposition
/// ("In March" → "March").
fn date_text(quantity: &Quantity) -> String {
    let text = quantity.text.trim();
    for preposition in ["in ", "on ", "at ", "since "] {
        if text.len() > preposition.len()
            && text
                .get(..preposition.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(preposition))
        {
            return text[preposition.len()..].to_string();
        }
    }
    text.to_string()
}

/// The deadline of a pledge: the events layer's, else a deadline attached to the event or in
/// its clause after the trigger, as the article words it ("within a year").
fn due_of(doc: &Document, event: &Event, triggers: &[usize]) -> Option<String> {
    if event.mode.as_deref() != Some(PLEDGE) {
        return None;
    }
    if let Some(due) = &event.due {
        return Some(due.clone());
    }
    let after = clause_after(doc, event, triggers);
    doc.quantities
        .iter()
        .filter(|q| event.quantities.contains(&q.id) || within(after, q))
        .find(|q| is_deadline(doc, q))
        .map(|q| q.text.clone())
}

/// Delivered over pledged, adding the delivered amounts in the pledge's unit.
fn fulfilment(entry: &LedgerEntry) -> Option<f64> {
    let pledged = entry.pledged.as_ref()?;
    let target = pledged.value.filter(|v| *v > 0.0)?;
    let delivered: Vec<f64> = entry
        .delivered
        .iter()
        .filter(|d| d.measure() == pledged.measure())
        .filter_map(|d| d.value)
        .collect();
    (!delivered.is_empty()).then(|| delivered.iter().sum::<f64>() / target)
}

/// The article's own claim about this pledge: a check whose inputs hold the pledged amount and
/// a delivered one.
fn stated_fulfilment(doc: &Document, entry: &LedgerEntry) -> Option<StatedFulfilment> {
    let pledged = entry.pledged.as_ref()?.quantity.as_ref()?;
    doc.checks
        .iter()
        .find(|check| {
            check.inputs.contains(pledged)
                && entry.delivered.iter().any(|d| {
                    d.quantity
                        .as_ref()
                        .is_some_and(|id| check.inputs.contains(id))
                })
        })
        .map(|check| StatedFulfilment {
            claim: check.claim.clone(),
            verdict: check.verdict,
        })
}

#[cfg(test)]
mod tests;
