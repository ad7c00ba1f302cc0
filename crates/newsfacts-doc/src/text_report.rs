//! The readable report of one document, for a terminal: metadata, the story paragraph by
//! paragraph with its sentences numbered, what was dropped and why, then each fact layer with the
//! words that support it.

use std::fmt::Write;

use crate::{Bound, Document, Span};

/// Options for [`render`].
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    /// Print the text with sentence numbers (on by default in the CLI); off gives facts only.
    pub show_text: bool,
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
        if !roles.is_empty() {
            let _ = write!(out, " — {}", roles.join("; "));
        }
        let _ = write!(out, " · {} mentions", entity.mentions.len());
        let others = mention_summary(entity);
        if !others.is_empty() {
            let _ = write!(out, ": {others}");
        }
        let _ = writeln!(out);
    }

    section(&mut out, "Quotes", doc.quotes.len());
    for quote in &doc.quotes {
        let speaker = quote
            .speaker
            .as_ref()
            .map_or("(unattributed)", |s| s.name.as_str());
        let cue = quote.cue.as_ref().map_or("", |c| c.text.as_str());
        let _ = writeln!(
            out,
            "  {speaker} [{:?}, {cue}]: “{}”",
            quote.kind, quote.text
        );
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
            "  {:?}: “{}” — {}",
            check.verdict, check.claim.text, check.computation
        );
    }

    section(&mut out, "Events", doc.events.len());
    for event in &doc.events {
        let actor = event.actor.as_ref().map_or("?", |a| a.name.as_str());
        let recipient = event.recipient.as_ref().map_or("", |r| r.name.as_str());
        let _ = writeln!(
            out,
            "  {:<10} {actor} → {recipient} [{}]",
            event.plover, event.trigger.text
        );
    }

    section(&mut out, "Ledger", doc.ledger.len());
    for entry in &doc.ledger {
        let recipient = entry.recipient.as_ref().map_or("?", |r| r.name.as_str());
        let _ = write!(
            out,
            "  {} → {recipient}: {}",
            entry.pledger.name, entry.item
        );
        if let Some(fulfilment) = entry.fulfilment {
            let _ = write!(out, " · fulfilled {:.1}%", fulfilment * 100.0);
        }
        let _ = writeln!(out);
    }
    out
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

/// `1000000` → `1,000,000`; `0.25` → `0.25`.
fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let digits = format!("{}", value.abs() as u64);
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        if value < 0.0 {
            grouped.insert(0, '-');
        }
        grouped
    } else {
        format!("{value}")
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
    fn numbers_are_grouped() {
        assert_eq!(format_number(1_000_000.0), "1,000,000");
        assert_eq!(format_number(224.0), "224");
        assert_eq!(format_number(0.25), "0.25");
    }
}
