//! The readable report of one document, for a terminal: metadata, the story paragraph by
//! paragraph with its sentences numbered, what was dropped and why, then each fact layer with the
//! words that support it.

use std::fmt::Write;

use crate::{Bound, Document, LedgerAmount, LedgerEntry, Span, format_number};

/// Options for [`render`].
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    /// Print the text with sentence numbers (on by default in the CLI); off gives facts only.
    pub show_text: bool,
}

/// One line of the quotes sections: the quote's id (events cite it), speaker, kind and cue,
/// then the words attributed.
fn write_quote(out: &mut String, quote: &crate::Quote) {
    let speaker = quote
        .speaker
        .as_ref()
        .map_or("(unattributed)", |s| s.name.as_str());
    let how = match &quote.cue {
        Some(cue) => format!("{:?}, {}", quote.kind, cue.text),
        None => format!("{:?}", quote.kind),
    };
    let _ = writeln!(
        out,
        "  {:<4} {speaker} [{how}]: {}",
        quote.id,
        quoted(&quote.text)
    );
}

/// Words of the article in double quotation marks, the article's own double marks inside them
/// made single (“the vote showed that ‘the harbour is not a museum’”), as a reader expects of a
/// quotation within a quotation. A straight mark opens at the start or after a space or
/// bracket and closes elsewhere.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push('“');
    let mut previous: Option<char> = None;
    for c in text.chars() {
        out.push(match c {
            '“' => '‘',
            '”' => '’',
            '"' if previous
                .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–')) =>
            {
                '‘'
            }
            '"' => '’',
            other => other,
        });
        previous = Some(c);
    }
    out.push('”');
    out
}

/// How an entity is referred to besides its name, most frequent first: "Putin ×3, The former,
/// him" (at most eight forms).
fn mention_summary(entity: &crate::Entity) -> String {
    let mut forms: Vec<(&str, usize)> = Vec::new();
    for mention in &entity.mentions {
        if mention.text == entity.name {
            continue;
        }
        match forms.iter_mut().find(|(text, _)| *text == mention.text) {
            Some((_, count)) => *count += 1,
            None => forms.push((mention.text.as_str(), 1)),
        }
    }
    forms.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    let shown: Vec<String> = forms
        .iter()
        .take(8)
        .map(|(text, count)| {
            if *count > 1 {
                format!("{text} ×{count}")
            } else {
                (*text).to_string()
            }
        })
        .collect();
    let mut summary = shown.join(", ");
    if forms.len() > 8 {
        summary.push_str(", …");
    }
    summary
}

/// Renders a document as plain text (no colour codes), ending with a newline.
pub fn render(doc: &Document, options: ReportOptions) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail; the results are ignored for that reason.
    let heading = doc.title.as_deref().unwrap_or(&doc.id);
    let _ = writeln!(out, "{heading}");
    let _ = writeln!(out, "{}", "═".repeat(heading.chars().count().clamp(8, 78)));
    field(&mut out, "id", Some(&doc.id));
    field(&mut out, "url", doc.url.as_deref());
    if !doc.byline.is_empty() {
        field(&mut out, "byline", Some(&doc.byline.join("; ")));
    }
    field(&mut out, "published", doc.published.as_deref());
    field(&mut out, "language", doc.language.as_deref());
    let _ = writeln!(
        out,
        "{:>10}  {} words · {} paragraphs · {} sentences",
        "size",
        doc.word_count(),
        doc.paragraphs.len(),
        doc.sentences.len()
    );

    if options.show_text {
        section(&mut out, "Text", doc.paragraphs.len());
        render_paragraphs(&mut out, doc);
    }

    section(&mut out, "Dropped as boilerplate", doc.boilerplate.len());
    for item in &doc.boilerplate {
        let _ = writeln!(out, "  [{}] {}", item.reason.as_str(), item.text);
    }

    section(
        &mut out,
        "People, organisations and places",
        doc.entities.len(),
    );
    for entity in &doc.entities {
        let roles: Vec<&str> = entity.roles.iter().map(|r| r.text.as_str()).collect();
        let _ = write!(out, "  {} ({:?})", entity.name, entity.kind);
        if let Some(code) = entity.actor.as_ref().and_then(|a| a.code.as_deref()) {
            let _ = write!(out, " [{code}]");
        }
        if !roles.is_empty() {
            let _ = write!(out, " — {}", roles.join("; "));
        }
        let count = entity.mentions.len();
        let _ = write!(
            out,
            " · {count} {}",
            if count == 1 { "mention" } else { "mentions" }
        );
        let others = mention_summary(entity);
        if !others.is_empty() {
            let _ = write!(out, ": {others}");
        }
        let _ = writeln!(out);
    }

    // Who said what first; what the article says people believe or intend after it.
    let (said, stances): (Vec<&crate::Quote>, Vec<&crate::Quote>) =
        doc.quotes.iter().partition(|q| {
            !matches!(
                q.cue_class,
                Some(crate::CueClass::Thought | crate::CueClass::Other)
            )
        });
    section(&mut out, "Quotes", said.len());
    for quote in said {
        write_quote(&mut out, quote);
    }
    if !stances.is_empty() {
        section(
            &mut out,
            "Other attributions (beliefs, intentions, stances)",
            stances.len(),
        );
        for quote in stances {
            write_quote(&mut out, quote);
        }
    }

    section(&mut out, "Quantities", doc.quantities.len());
    for quantity in &doc.quantities {
        let _ = write!(out, "  {:<36} ", quantity.text);
        if let Some(kind) = quantity.kind {
            let _ = write!(out, "{kind:?} ");
        }
        match (quantity.value, quantity.value_min, quantity.value_max) {
            (Some(value), _, _) => {
                let _ = write!(out, "= {}", format_number(value));
            }
            (None, Some(min), Some(max)) => {
                let _ = write!(out, "= {}–{}", format_number(min), format_number(max));
            }
            (None, Some(min), None) => {
                let _ = write!(out, "≥ {}", format_number(min));
            }
            _ => {}
        }
        for (label, value) in [
            ("unit", quantity.unit.as_deref()),
            ("currency", quantity.currency.as_deref()),
            ("of", quantity.of.as_deref()),
            ("per", quantity.per.as_deref()),
            ("date", quantity.date.as_deref()),
        ] {
            if let Some(value) = value {
                let _ = write!(out, " {label}: {value}");
            }
        }
        if quantity.approximate {
            let _ = write!(out, " (approximate)");
        }
        if let Some(bound) = quantity.bound {
            let _ = write!(out, " ({})", bound_text(bound));
        }
        let _ = writeln!(out);
    }

    section(&mut out, "Arithmetic checks", doc.checks.len());
    for check in &doc.checks {
        let _ = writeln!(
            out,
            "  {:?}: {} — {}",
            check.verdict,
            quoted(&check.claim.text),
            check.computation
        );
    }

    section(&mut out, "Events", doc.events.len());
    for event in &doc.events {
        let actor = event.actor.as_ref().map_or("?", |a| a.name.as_str());
        // No arrow to nobody: "Russia [gearing up]".
        let parties = match &event.recipient {
            Some(recipient) => format!("{actor} → {}", recipient.name),
            None => actor.to_string(),
        };
        let mut notes: Vec<String> = Vec::new();
        if let Some(mode) = &event.mode {
            notes.push(mode.clone());
        }
        if let Some(cameo) = &event.cameo {
            notes.push(format!("CAMEO {cameo}"));
        }
        if let Some(what) = &event.what {
            notes.push(format!("what: {}", what.text));
        }
        if let Some(when) = &event.when {
            notes.push(format!("when: {when}"));
        }
        if let Some(due) = &event.due {
            notes.push(format!("due: {due}"));
        }
        if let Some(place) = &event.place {
            notes.push(format!("where: {place}"));
        }
        if event.negated {
            notes.push("negated".to_string());
        }
        if event.hypothetical {
            notes.push("hypothetical".to_string());
        }
        if let Some(quote) = &event.claimed_in {
            // Whose claim it is, as well as where: "claimed by Matthew Miller in q3".
            let speaker = doc
                .quotes
                .iter()
                .find(|q| &q.id == quote)
                .and_then(|q| q.speaker.as_ref());
            notes.push(match speaker {
                Some(speaker) => format!("claimed by {} in {quote}", speaker.name),
                None => format!("claimed in {quote}"),
            });
        }
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!("  ({})", notes.join("; "))
        };
        let _ = writeln!(
            out,
            "  {:<10} {parties} [{}]{notes}",
            event.plover, event.trigger.text
        );
    }

    section(&mut out, "Ledger", doc.ledger.len());
    for entry in &doc.ledger {
        render_ledger_entry(&mut out, entry);
    }
    out
}

/// One pledge: who to whom, what was pledged and when, each delivery, and the fulfilment —
/// computed, and as the article states it.
fn render_ledger_entry(out: &mut String, entry: &LedgerEntry) {
    let recipient = entry.recipient.as_ref().map_or("?", |r| r.name.as_str());
    let _ = writeln!(
        out,
        "  {} → {recipient}: {}",
        entry.pledger.name, entry.item
    );
    match &entry.pledged {
        Some(pledged) => {
            let _ = write!(out, "    pledged    {}", ledger_amount(pledged));
            let dates: Vec<String> = [
                pledged.when.clone(),
                pledged.due.as_ref().map(|due| format!("due {due}")),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !dates.is_empty() {
                let _ = write!(out, " ({})", dates.join(", "));
            }
            let _ = writeln!(out, " — {}", quoted(&pledged.evidence.text));
        }
        None => {
            let _ = writeln!(out, "    pledged    (no pledge in this article)");
        }
    }
    if entry.delivered.is_empty() {
        let _ = writeln!(out, "    delivered  nothing reported");
    }
    for delivered in &entry.delivered {
        let _ = write!(out, "    delivered  {}", ledger_amount(delivered));
        if let Some(when) = &delivered.when {
            let _ = write!(out, " ({when})");
        }
        let _ = writeln!(out, " — {}", quoted(&delivered.evidence.text));
    }
    if let Some(fulfilment) = entry.fulfilment {
        let _ = writeln!(
            out,
            "    fulfilment {:.1}% of the pledge delivered",
            fulfilment * 100.0
        );
    }
    if let Some(stated) = &entry.stated {
        let _ = writeln!(
            out,
            "    the article says {} ({:?})",
            quoted(&stated.claim.text),
            stated.verdict
        );
    }
}

/// `about 224,000 ammunition rounds`, `EUR 30,000,000`, `? tanks` when the value is unknown.
fn ledger_amount(amount: &LedgerAmount) -> String {
    let mut text = String::new();
    if amount.approximate {
        text.push_str("about ");
    }
    if let Some(unit) = &amount.unit {
        text.push_str(unit);
        text.push(' ');
    }
    text.push_str(&amount.value.map_or_else(|| "?".to_string(), format_number));
    if let Some(item) = &amount.item {
        text.push(' ');
        text.push_str(item);
    }
    if let Some(per) = &amount.per {
        text.push_str(" a ");
        text.push_str(per);
    }
    text
}

fn field(out: &mut String, label: &str, value: Option<&str>) {
    if let Some(value) = value {
        let _ = writeln!(out, "{label:>10}  {value}");
    }
}

fn section(out: &mut String, title: &str, count: usize) {
    let _ = writeln!(out);
    if count == 0 {
        let _ = writeln!(out, "{title}: none");
    } else {
        let _ = writeln!(out, "{title} ({count})");
    }
}

/// Each paragraph with its sentences marked `[n]`, wrapped for a terminal.
fn render_paragraphs(out: &mut String, doc: &Document) {
    let mut sentence_index = 0;
    for (number, paragraph) in doc.paragraphs.iter().enumerate() {
        let mut line = format!("¶{:<3}", number + 1);
        let mut pieces = Vec::new();
        while sentence_index < doc.sentences.len()
            && doc.sentences[sentence_index].start < paragraph.end
        {
            let sentence = doc.sentences[sentence_index];
            if paragraph.contains(sentence) || paragraph.overlaps(sentence) {
                pieces.push((sentence_index + 1, sentence));
            }
            sentence_index += 1;
        }
        if pieces.is_empty() {
            pieces.push((0, *paragraph));
        }
        for (number, span) in pieces {
            let text = doc.slice(Span::new(
                span.start.max(paragraph.start),
                span.end.min(paragraph.end),
            ));
            if number > 0 {
                line.push_str(&format!(" [{number}] "));
            } else {
                line.push(' ');
            }
            line.push_str(text);
        }
        wrap_into(out, &line, 96, "     ");
    }
}

fn wrap_into(out: &mut String, text: &str, width: usize, indent: &str) {
    let mut current = String::new();
    let mut current_len = 0;
    for word in text.split(' ') {
        let word_len = word.chars().count();
        if current_len > 0 && current_len + 1 + word_len > width {
            let _ = writeln!(out, "{current}");
            current = indent.to_string();
            current_len = indent.chars().count();
        } else if current_len > 0 {
            current.push(' ');
            current_len += 1;
        }
        current.push_str(word);
        current_len += word_len;
    }
    if !current.is_empty() {
        let _ = writeln!(out, "{current}");
    }
}

fn bound_text(bound: Bound) -> &'static str {
    match bound {
        Bound::LessThan => "less than",
        Bound::AtMost => "at most",
        Bound::MoreThan => "more than",
        Bound::AtLeast => "at least",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Boilerplate, BoilerplateReason};

    #[test]
    fn report_shows_metadata_sentences_and_boilerplate() {
        let mut doc = Document::from_article(Article {
            id: "doc-1".into(),
            title: Some("A title".into()),
            byline: vec!["Ann Writer".into()],
            paragraphs: vec!["One. Two.".into(), "Three.".into()],
            boilerplate: vec![Boilerplate {
                text: "Other story headline here".into(),
                reason: BoilerplateReason::RelatedHeadline,
            }],
            ..Article::default()
        });
        doc.sentences = vec![Span::new(0, 4), Span::new(5, 9), Span::new(10, 16)];
        let report = render(&doc, ReportOptions { show_text: true });
        assert!(report.starts_with("A title\n"));
        assert!(report.contains("byline  Ann Writer"));
        assert!(report.contains("¶1   [1] One. [2] Two."));
        assert!(report.contains("¶2   [3] Three."));
        assert!(report.contains("[related_headline] Other story headline here"));
        assert!(report.contains("Quotes: none"));
    }

    #[test]
    fn an_entity_line_counts_its_mentions_in_good_english() {
        let entities = serde_json::from_value(serde_json::json!([
            {"id": "e1", "kind": "place", "name": "Port Alder", "roles": [],
             "mentions": [{"start": 0, "end": 10, "text": "Port Alder", "label": "name"}]},
            {"id": "e2", "kind": "person", "name": "Lena Haug", "roles": [],
             "mentions": [{"start": 20, "end": 29, "text": "Lena Haug", "label": "name"},
                          {"start": 40, "end": 44, "text": "Haug", "label": "surname"}]}
        ]))
        .expect("entity fixture");
        let doc = Document {
            entities,
            ..Document::default()
        };
        let report = render(&doc, ReportOptions { show_text: false });
        assert!(
            report.contains("Port Alder (Place) · 1 mention\n"),
            "{report}"
        );
        assert!(
            report.contains("Lena Haug (Person) · 2 mentions: Haug"),
            "{report}"
        );
    }

    #[test]
    fn an_event_inside_a_quote_names_whose_claim_it_is() {
        let quotes = serde_json::from_value(serde_json::json!([{
            "id": "q1", "kind": "direct", "text": "They launched this war",
            "spans": [{"start": 0, "end": 22}],
            "speaker": {"entity": null, "name": "Matthew Miller",
                        "mention": {"start": 30, "end": 36, "text": "Miller"}},
            "confidence": 0.9
        }]))
        .expect("quote fixture");
        let events = serde_json::from_value(serde_json::json!([{
            "id": "v1", "plover": "ASSAULT", "mode": null,
            "actor": {"entity": null, "name": "Russia"}, "recipient": null,
            "trigger": {"start": 5, "end": 13, "text": "launched"},
            "quantities": [], "when": null, "where": null, "claimed_in": "q1"
        }]))
        .expect("event fixture");
        let doc = Document {
            quotes,
            events,
            ..Document::default()
        };
        let report = render(&doc, ReportOptions { show_text: false });
        assert!(
            report.contains("  q1   Matthew Miller [Direct]: “They"),
            "{report}"
        );
        assert!(
            report.contains("(claimed by Matthew Miller in q1)"),
            "{report}"
        );
        // An event without a recipient shows no arrow to nobody.
        assert!(
            report.contains("  ASSAULT    Russia [launched]"),
            "{report}"
        );
    }

    #[test]
    fn a_ledger_entry_shows_pledge_deliveries_and_both_fulfilments() {
        let span = |text: &str| crate::TextSpan {
            start: 0,
            end: text.len(),
            text: text.into(),
        };
        let amount = |value: f64, item: &str, text: &str| LedgerAmount {
            quantity: None,
            value: Some(value),
            item: Some(item.into()),
            approximate: false,
            when: None,
            due: None,
            unit: None,
            per: None,
            evidence: span(text),
        };
        let mut doc = Document::default();
        doc.ledger.push(LedgerEntry {
            pledger: crate::Participant {
                entity: None,
                name: "EU states".into(),
            },
            recipient: Some(crate::Participant {
                entity: None,
                name: "Ukraine".into(),
            }),
            item: "artillery shells".into(),
            pledged: Some(LedgerAmount {
                when: Some("March".into()),
                due: Some("within a year".into()),
                ..amount(
                    1_000_000.0,
                    "artillery shells",
                    "one million artillery shells",
                )
            }),
            delivered: vec![
                LedgerAmount {
                    approximate: true,
                    ..amount(
                        224_000.0,
                        "ammunition rounds",
                        "about 224,000 ammunition rounds",
                    )
                },
                amount(2_300.0, "missiles", "2,300 missiles"),
            ],
            fulfilment: Some(0.2263),
            stated: Some(crate::StatedFulfilment {
                claim: span("less than a quarter of their target"),
                verdict: crate::Verdict::Consistent,
            }),
            evidence: vec![span("pledged")],
        });
        let report = render(&doc, ReportOptions::default());
        for line in [
            "Ledger (1)",
            "  EU states → Ukraine: artillery shells",
            "    pledged    1,000,000 artillery shells (March, due within a year) — “one million artillery shells”",
            "    delivered  about 224,000 ammunition rounds — “about 224,000 ammunition rounds”",
            "    delivered  2,300 missiles — “2,300 missiles”",
            "    fulfilment 22.6% of the pledge delivered",
            "    the article says “less than a quarter of their target” (Consistent)",
        ] {
            assert!(
                report.contains(&format!("{line}\n")),
                "{line:?} missing from\n{report}"
            );
        }
    }

    #[test]
    fn a_quotation_within_a_quotation_takes_single_marks() {
        assert_eq!(
            quoted("the vote showed that “the harbour is not a museum”"),
            "“the vote showed that ‘the harbour is not a museum’”"
        );
        assert_eq!(
            quoted("he called it \"a ferry, not a promise\" (twice)"),
            "“he called it ‘a ferry, not a promise’ (twice)”"
        );
        assert_eq!(quoted("\"Yes\""), "“‘Yes’”");
        assert_eq!(quoted("no marks"), "“no marks”");
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(format_number(1_000_000.0), "1,000,000");
        assert_eq!(format_number(224.0), "224");
        assert_eq!(format_number(0.25), "0.25");
    }
}
