//! An article's text as HTML with every fact highlighted on the words that support it, and the
//! panel that lists the facts beside it.
//!
//! Facts overlap (a quantity inside a quote, a check's claim over both), so the text is cut at
//! every fact boundary and paragraph break into elementary segments; each segment becomes one
//! flat `<span>` carrying the classes and data attributes of every fact covering it. No element
//! ever straddles another, whatever the overlaps, and every character is escaped. Offsets are the
//! contract's character offsets; a span that does not fit the text is left out, never trusted.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

use newsfacts_doc::json::OutputDocument;
use newsfacts_doc::{Quantity, Verdict, format_number};

use crate::html::{escape, escape_into, speaker_link};

/// How many speaker colours the stylesheet defines (`spk-0` … `spk-7`).
pub const SPEAKER_COLOURS: usize = 8;

/// One highlighted stretch of text.
struct Mark {
    start: usize,
    end: usize,
    classes: String,
    /// `data-*` attributes: the fact's identity for scripts and tests.
    data: Vec<(&'static str, String)>,
    title: String,
    /// Element id placed where the fact starts, for the panel's links.
    anchor: Option<String>,
}

/// The article view: its text with highlights, and the fact panel.
pub struct RenderedArticle {
    pub text_html: String,
    pub panel_html: String,
}

/// Which colour each speaker gets: in order of first quote, keyed by resolved entity or name.
struct SpeakerColours {
    index: HashMap<String, usize>,
}

impl SpeakerColours {
    fn new(doc: &OutputDocument) -> SpeakerColours {
        let mut index = HashMap::new();
        for quote in &doc.quotes {
            if let Some(key) = quote.speaker.as_ref().map(speaker_key) {
                let next = index.len();
                index.entry(key).or_insert(next);
            }
        }
        SpeakerColours { index }
    }

    fn class(&self, speaker: Option<&newsfacts_doc::Speaker>) -> String {
        match speaker.and_then(|s| self.index.get(&speaker_key(s))) {
            Some(i) => format!("spk-{}", i % SPEAKER_COLOURS),
            None => "spk-none".to_string(),
        }
    }
}

fn speaker_key(speaker: &newsfacts_doc::Speaker) -> String {
    match &speaker.entity {
        Some(entity) => format!("entity:{entity}"),
        None => format!("name:{}", speaker.name.to_lowercase()),
    }
}

/// The name a speaker is shown and linked under: the resolved entity's name when there is one.
fn speaker_display(doc: &OutputDocument, speaker: &newsfacts_doc::Speaker) -> String {
    speaker
        .entity
        .as_deref()
        .and_then(|id| doc.entities.iter().find(|e| e.id == id))
        .map_or_else(|| speaker.name.clone(), |e| e.name.clone())
}

fn quantity_summary(quantity: &Quantity) -> String {
    let mut parts = Vec::new();
    if let Some(kind) = quantity.kind {
        parts.push(enum_text(&kind));
    }
    let value = match (quantity.value, quantity.value_min, quantity.value_max) {
        (Some(v), _, _) => Some(format_number(v)),
        (None, Some(lo), Some(hi)) => Some(format!("{}–{}", format_number(lo), format_number(hi))),
        _ => None,
    };
    if let Some(value) = value {
        let bound = quantity.bound.map(|b| enum_text(&b) + " ");
        parts.push(format!(
            "{}{}{}",
            bound.unwrap_or_default(),
            if quantity.approximate { "≈" } else { "" },
            value
        ));
    }
    for extra in [&quantity.currency, &quantity.unit].into_iter().flatten() {
        parts.push(extra.clone());
    }
    if let Some(of) = &quantity.of {
        parts.push(format!("of {of}"));
    }
    if let Some(per) = &quantity.per {
        parts.push(format!("per {per}"));
    }
    if let Some(date) = &quantity.date {
        parts.push(date.clone());
    }
    parts.join(" ")
}

/// The contract's name of an enum value.
fn enum_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Consistent => "check-consistent",
        Verdict::Inconsistent => "check-failed",
        Verdict::Unverifiable => "check-unverifiable",
    }
}

/// Collects every fact's marks, in the order the panel lists them.
fn collect_marks(doc: &OutputDocument, colours: &SpeakerColours) -> Vec<Mark> {
    let mut marks = Vec::new();
    for (i, entity) in doc.entities.iter().enumerate() {
        for (m, mention) in entity.mentions.iter().enumerate() {
            marks.push(Mark {
                start: mention.start,
                end: mention.end,
                classes: format!("mention kind-{}", enum_text(&entity.kind)),
                data: vec![("entity", entity.id.clone())],
                title: format!("{} ({})", entity.name, enum_text(&entity.kind)),
                anchor: (m == 0).then(|| format!("fact-entity-{i}")),
            });
        }
    }
    for quote in &doc.quotes {
        let colour = colours.class(quote.speaker.as_ref());
        let speaker = quote.speaker.as_ref().map(|s| speaker_display(doc, s));
        let title = match &speaker {
            Some(name) => format!("{} quote by {name}", enum_text(&quote.kind)),
            None => format!("{} quote, speaker unknown", enum_text(&quote.kind)),
        };
        for (s, span) in quote.spans.iter().enumerate() {
            let mut data = vec![("quote", quote.id.clone())];
            if let Some(name) = &speaker {
                data.push(("speaker", name.clone()));
            }
            marks.push(Mark {
                start: span.start,
                end: span.end,
                classes: format!("quote {colour}"),
                data,
                title: title.clone(),
                anchor: (s == 0).then(|| quote_anchor(&quote.id)),
            });
        }
        if let Some(cue) = &quote.cue {
            marks.push(Mark {
                start: cue.start,
                end: cue.end,
                classes: "cue".into(),
                data: vec![("cue-of", quote.id.clone())],
                title: "quote cue".into(),
                anchor: None,
            });
        }
        if let (Some(mention), Some(name)) = (quote.speaker.as_ref().map(|s| &s.mention), &speaker)
        {
            marks.push(Mark {
                start: mention.start,
                end: mention.end,
                classes: format!("speaker-mention {colour}"),
                data: vec![("speaker-of", quote.id.clone())],
                title: format!("speaker: {name}"),
                anchor: None,
            });
        }
    }
    for (i, quantity) in doc.quantities.iter().enumerate() {
        marks.push(Mark {
            start: quantity.start,
            end: quantity.end,
            classes: "quantity".into(),
            data: vec![("quantity", quantity.id.clone())],
            title: quantity_summary(quantity),
            anchor: Some(format!("fact-quantity-{i}")),
        });
    }
    for (i, check) in doc.checks.iter().enumerate() {
        marks.push(Mark {
            start: check.claim.start,
            end: check.claim.end,
            classes: format!("check {}", verdict_class(check.verdict)),
            data: vec![("check", i.to_string())],
            title: format!("check {}: {}", enum_text(&check.verdict), check.computation),
            anchor: Some(format!("fact-check-{i}")),
        });
    }
    for (i, event) in doc.events.iter().enumerate() {
        let actor = event.actor.as_ref().map_or("?", |a| a.name.as_str());
        let recipient = event
            .recipient
            .as_ref()
            .map_or(String::new(), |r| format!(" → {}", r.name));
        marks.push(Mark {
            start: event.trigger.start,
            end: event.trigger.end,
            classes: "event".into(),
            data: vec![("event", event.id.clone())],
            title: format!("{}: {actor}{recipient}", event.plover),
            anchor: Some(format!("fact-event-{i}")),
        });
    }
    for (i, entry) in doc.ledger.iter().enumerate() {
        for (e, evidence) in entry.evidence.iter().enumerate() {
            marks.push(Mark {
                start: evidence.start,
                end: evidence.end,
                classes: "ledger-evidence".into(),
                data: vec![("ledger", i.to_string())],
                title: format!("ledger: {} — {}", entry.pledger.name, entry.item),
                anchor: (e == 0).then(|| format!("fact-ledger-{i}")),
            });
        }
    }
    marks
}

/// The element id marking where a quote starts: `quote-` and its id, with anything but ASCII
/// letters, digits, `-` and `_` replaced, so it is safe in an attribute and a URL fragment.
pub fn quote_anchor(quote_id: &str) -> String {
    let safe: String = quote_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("quote-{safe}")
}

/// Renders the text with highlights and the panel.
pub fn render_article_text(doc: &OutputDocument) -> RenderedArticle {
    let colours = SpeakerColours::new(doc);
    let text = doc.text.as_str();
    // Byte position of every character, plus the end: character offset → byte offset.
    let byte_at: Vec<usize> = text
        .char_indices()
        .map(|(byte, _)| byte)
        .chain(std::iter::once(text.len()))
        .collect();
    let char_count = byte_at.len() - 1;
    let mut marks: Vec<Mark> = collect_marks(doc, &colours)
        .into_iter()
        .filter(|m| m.start < m.end && m.end <= char_count)
        .collect();
    marks.sort_by_key(|m| m.start);

    let mut boundaries = BTreeSet::from([0, char_count]);
    for mark in &marks {
        boundaries.insert(mark.start);
        boundaries.insert(mark.end);
    }
    for (index, c) in text.chars().enumerate() {
        if c == '\n' {
            boundaries.insert(index);
            boundaries.insert(index + 1);
        }
    }
    let boundaries: Vec<usize> = boundaries.into_iter().collect();

    let mut out = String::with_capacity(text.len() * 2);
    out.push_str("<p>");
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    for window in boundaries.windows(2) {
        let (from, to) = (window[0], window[1]);
        active.retain(|&m| marks[m].end > from);
        while next < marks.len() && marks[next].start <= from {
            if marks[next].end > from {
                active.push(next);
            }
            next += 1;
        }
        for &m in &active {
            if marks[m].start == from
                && let Some(anchor) = &marks[m].anchor
            {
                let _ = write!(out, "<span class=\"anchor\" id=\"{anchor}\"></span>");
            }
        }
        let segment = &text[byte_at[from]..byte_at[to]];
        if segment == "\n" {
            out.push_str("</p>\n<p>");
            continue;
        }
        if active.is_empty() {
            escape_into(&mut out, segment);
            continue;
        }
        let mut classes: Vec<&str> = vec!["hl"];
        let mut data: Vec<(&str, &str)> = Vec::new();
        let mut titles: Vec<&str> = Vec::new();
        for &m in &active {
            for class in marks[m].classes.split(' ') {
                if !classes.contains(&class) {
                    classes.push(class);
                }
            }
            for (name, value) in &marks[m].data {
                if !data.iter().any(|(n, _)| n == name) {
                    data.push((name, value));
                }
            }
            if !titles.contains(&marks[m].title.as_str()) {
                titles.push(&marks[m].title);
            }
        }
        let _ = write!(out, "<span class=\"{}\"", escape(&classes.join(" ")));
        for (name, value) in data {
            let _ = write!(out, " data-{name}=\"{}\"", escape(value));
        }
        let _ = write!(out, " title=\"{}\">", escape(&titles.join(" · ")));
        escape_into(&mut out, segment);
        out.push_str("</span>");
    }
    out.push_str("</p>");
    RenderedArticle {
        text_html: out,
        panel_html: render_panel(doc, &colours),
    }
}

fn section(out: &mut String, title: &str, count: usize, class: &str) {
    let _ = write!(
        out,
        "<section class=\"facts {class}\"><h2>{} <span class=\"count\">{count}</span></h2>",
        escape(title)
    );
}

fn render_panel(doc: &OutputDocument, colours: &SpeakerColours) -> String {
    let mut out = String::new();
    section(&mut out, "Quotes", doc.quotes.len(), "quotes");
    out.push_str("<ol>");
    for quote in &doc.quotes {
        let colour = colours.class(quote.speaker.as_ref());
        let speaker = match &quote.speaker {
            Some(s) => speaker_link(&speaker_display(doc, s)),
            None => "<em>unknown speaker</em>".into(),
        };
        let _ = write!(
            out,
            "<li class=\"quote-item {colour}\" data-quote=\"{}\"><span class=\"who\">{speaker}</span> \
             <a href=\"#{}\">“{}”</a> <span class=\"meta\">{}{}</span></li>",
            escape(&quote.id),
            quote_anchor(&quote.id),
            escape(&quote.text),
            escape(&enum_text(&quote.kind)),
            quote
                .cue
                .as_ref()
                .map(|c| format!(" · cue “{}”", escape(&c.text)))
                .unwrap_or_default(),
        );
    }
    out.push_str("</ol></section>");

    section(&mut out, "Quantities", doc.quantities.len(), "quantities");
    out.push_str("<ul>");
    for (i, quantity) in doc.quantities.iter().enumerate() {
        let _ = write!(
            out,
            "<li><a href=\"#fact-quantity-{i}\">{}</a> <span class=\"meta\">{}</span></li>",
            escape(&quantity.text),
            escape(&quantity_summary(quantity)),
        );
    }
    out.push_str("</ul></section>");

    section(&mut out, "Checks", doc.checks.len(), "checks");
    out.push_str("<ul>");
    for (i, check) in doc.checks.iter().enumerate() {
        let _ = write!(
            out,
            "<li class=\"{}\"><span class=\"verdict\">{}</span> <a href=\"#fact-check-{i}\">“{}”</a> \
             <span class=\"meta\">{}</span></li>",
            verdict_class(check.verdict),
            escape(&enum_text(&check.verdict)),
            escape(&check.claim.text),
            escape(&check.computation),
        );
    }
    out.push_str("</ul></section>");

    section(
        &mut out,
        "People and organisations",
        doc.entities.len(),
        "entities",
    );
    out.push_str("<ul>");
    for (i, entity) in doc.entities.iter().enumerate() {
        let name = if entity.kind == newsfacts_doc::EntityKind::Person {
            speaker_link(&entity.name)
        } else {
            escape(&entity.name)
        };
        let roles: Vec<String> = entity
            .roles
            .iter()
            .map(|r| match &r.org {
                Some(org) => format!("{} ({})", escape(&r.text), escape(org)),
                None => escape(&r.text),
            })
            .collect();
        let _ = write!(
            out,
            "<li>{name} <span class=\"meta\">{} · {} mention{}{}{}</span>{}</li>",
            escape(&enum_text(&entity.kind)),
            entity.mentions.len(),
            if entity.mentions.len() == 1 { "" } else { "s" },
            if roles.is_empty() { "" } else { " · " },
            roles.join("; "),
            if entity.mentions.is_empty() {
                String::new()
            } else {
                format!(" <a href=\"#fact-entity-{i}\">↓</a>")
            },
        );
    }
    out.push_str("</ul></section>");

    section(&mut out, "Events", doc.events.len(), "events");
    out.push_str("<ul>");
    for (i, event) in doc.events.iter().enumerate() {
        let _ = write!(
            out,
            "<li><a href=\"#fact-event-{i}\">{}</a> {}{} <span class=\"meta\">“{}”{}</span></li>",
            escape(&event.plover),
            escape(event.actor.as_ref().map_or("?", |a| a.name.as_str())),
            event
                .recipient
                .as_ref()
                .map(|r| format!(" → {}", escape(&r.name)))
                .unwrap_or_default(),
            escape(&event.trigger.text),
            if event.negated { " · negated" } else { "" },
        );
    }
    out.push_str("</ul></section>");

    section(&mut out, "Ledger", doc.ledger.len(), "ledger");
    out.push_str("<ul>");
    for (i, entry) in doc.ledger.iter().enumerate() {
        let pledged = entry
            .pledged
            .as_ref()
            .and_then(|p| p.value)
            .map_or("?".to_string(), format_number);
        // Only amounts in the entry's unit and period add up (shells with shells, euros with
        // euros, a yearly supply with yearly ones), as the store adds them.
        let measure = entry.measure();
        let delivered: f64 = entry
            .delivered
            .iter()
            .filter(|d| d.measure() == measure)
            .filter_map(|d| d.value)
            .sum();
        let stated = entry
            .stated
            .as_ref()
            .map(|stated| format!(" · the article says “{}”", escape(&stated.claim.text)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<li><a href=\"#fact-ledger-{i}\">{}</a> → {}: {} <span class=\"meta\">pledged {}, delivered {}{}{stated}</span></li>",
            escape(&entry.pledger.name),
            escape(entry.recipient.as_ref().map_or("?", |r| r.name.as_str())),
            escape(&entry.item),
            escape(&pledged),
            escape(&format_number(delivered)),
            entry
                .fulfilment
                .map(|f| format!(" ({:.0}%)", f * 100.0))
                .unwrap_or_default(),
        );
    }
    out.push_str("</ul></section>");

    if !doc.boilerplate.is_empty() {
        let _ = write!(
            out,
            "<details class=\"boilerplate\"><summary>Removed as boilerplate ({})</summary><ul>",
            doc.boilerplate.len()
        );
        for item in &doc.boilerplate {
            let _ = write!(
                out,
                "<li>{} <span class=\"meta\">{}</span></li>",
                escape(&item.text),
                escape(&enum_text(&item.reason)),
            );
        }
        out.push_str("</ul></details>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfacts_store::example::{INVENTED_SPEAKERS, invented_document};

    /// The text inside the spans carrying `attr="value"`, joined in order.
    fn highlighted(html: &str, attr: &str, value: &str) -> String {
        let needle = format!("{attr}=\"{value}\"");
        let mut found = String::new();
        for piece in html.split("<span ").skip(1) {
            let Some((tag, rest)) = piece.split_once('>') else {
                continue;
            };
            if tag.contains(&needle) {
                found.push_str(rest.split("</span>").next().unwrap_or_default());
            }
        }
        found
    }

    #[test]
    fn every_quote_is_highlighted_on_its_words_with_its_speaker() {
        let doc = invented_document("a", None);
        let rendered = render_article_text(&doc);
        for (quote, speaker) in doc.quotes.iter().zip(INVENTED_SPEAKERS) {
            assert_eq!(
                highlighted(&rendered.text_html, "data-quote", &quote.id),
                escape(&quote.text)
            );
            let tag_start = rendered
                .text_html
                .find(&format!("data-quote=\"{}\"", quote.id))
                .expect("quote highlighted");
            let tag_end = tag_start + rendered.text_html[tag_start..].find('>').expect("tag");
            assert!(
                rendered.text_html[tag_start..tag_end]
                    .contains(&format!("data-speaker=\"{speaker}\""))
            );
        }
        // Same speaker, same colour; another speaker, another colour.
        assert!(
            rendered
                .text_html
                .contains("class=\"hl quote spk-0\" data-quote=\"q1\"")
        );
        assert!(rendered.text_html.contains("data-quote=\"q3\""));
        // The quantity inside the second quote splits it without losing either.
        assert_eq!(
            highlighted(&rendered.text_html, "data-quantity", "n2"),
            "€30m"
        );
        assert!(rendered.text_html.contains("check-failed"));
        assert_eq!(rendered.text_html.matches("<p>").count(), 2);
        assert!(rendered.panel_html.contains("href=\"#quote-q3\""));
        assert!(rendered.text_html.contains("id=\"quote-q3\""));
        assert_eq!(quote_anchor("q\"1 <x>"), "quote-q_1__x_");
    }

    #[test]
    fn hostile_text_and_broken_offsets_never_leak_markup_or_panic() {
        let mut doc = invented_document("a", None);
        doc.text = "<script>alert(1)</script> & “x”".into();
        // Offsets from the original text now point past or across the new text.
        doc.entities[0].name = "<img src=x onerror=alert(1)>".into();
        doc.quotes[0].spans[0] = newsfacts_doc::Span::new(0, 8);
        doc.quotes[1].spans[0] = newsfacts_doc::Span::new(5, 1000);
        let rendered = render_article_text(&doc);
        assert!(!rendered.text_html.contains("<script>"));
        assert!(rendered.text_html.contains("&lt;script&gt;"));
        assert!(!rendered.panel_html.contains("<img"));
        assert_eq!(
            highlighted(&rendered.text_html, "data-quote", "q1"),
            "&lt;script&gt;"
        );
        assert!(!rendered.text_html.contains("data-quote=\"q2\""));
    }
}
