//! Error analysis of pronoun resolution on a PolNeAR split (train: dev is for measuring only):
//! every "he"/"she" gold source the entities layer resolves wrongly, with the text from its
//! gold antecedent to the pronoun, the pronoun's verb, and what newsfacts chose.
//!
//! `cargo run --release -p newsfacts-eval --example pronoun_misses -- POLNEAR_DIR [SPLIT]`

use newsfacts_analysts::quotes::lexicon::Lexicon;
use newsfacts_doc::{Document, Span};
use newsfacts_eval::pronouns::{GoldName, document_with_entities, gold_pronouns};
use newsfacts_eval::quotes::{polnear_articles, read_ann};

fn clip(text: &str, mut from: usize, mut to: usize) -> &str {
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    to = to.min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text.get(from..to).unwrap_or_default()
}

fn entity_name_over(doc: &Document, span: Span) -> String {
    doc.entities
        .iter()
        .find(|e| {
            e.mentions
                .iter()
                .any(|m| m.start < span.end && span.start < m.end)
        })
        .map_or("-".to_string(), |e| {
            let labels: Vec<String> = e
                .mentions
                .iter()
                .map(|m| {
                    doc.tokens
                        .iter()
                        .find(|t| t.start >= m.start && t.end <= m.end)
                        .map_or("?".to_string(), |t| t.ent.clone())
                })
                .collect();
            format!("{}({:?} {})", e.name, e.kind, labels.join(","))
        })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or("usage: pronoun_misses POLNEAR_DIR [SPLIT]")?;
    let split = args.next().unwrap_or_else(|| "train".into());
    // With a third argument, only the articles whose file name contains it, and their entities.
    let only = args.next();
    let mut number = 0;
    for article in polnear_articles(std::path::Path::new(&dir), &split)? {
        if only
            .as_deref()
            .is_some_and(|o| !article.text.to_string_lossy().contains(o))
        {
            continue;
        }
        let text = std::fs::read_to_string(&article.text)?;
        let ann = std::fs::read_to_string(&article.ann)?;
        let doc = document_with_entities(&text);
        if only.is_some() {
            for e in &doc.entities {
                let mentions: Vec<String> = e
                    .mentions
                    .iter()
                    .map(|m| {
                        format!(
                            "{}@{}:{}",
                            m.text,
                            m.start,
                            m.label.as_deref().unwrap_or_default()
                        )
                    })
                    .collect();
                println!("{} {:?} {}: {}", e.id, e.kind, e.name, mentions.join(" | "));
            }
        }
        let gold = read_ann(&ann, &text);
        for pronoun in gold_pronouns(&doc, &ann) {
            let Some(antecedent) = &pronoun.antecedent else {
                continue;
            };
            let entity = doc
                .entities
                .iter()
                .filter(|e| {
                    e.mentions
                        .iter()
                        .any(|m| m.start < pronoun.span.end && pronoun.span.start < m.end)
                })
                .find(|e| e.kind == newsfacts_doc::EntityKind::Person);
            let correct = entity.is_some_and(|e| {
                antecedent.is_named_by(
                    &e.name,
                    e.mentions.iter().map(|m| Span::new(m.start, m.end)),
                    pronoun.gender,
                )
            });
            let agreeing_correct = pronoun.agreeing.as_ref().map(|a| {
                entity.is_some_and(|e| {
                    a.is_named_by(
                        &e.name,
                        e.mentions.iter().map(|m| Span::new(m.start, m.end)),
                        pronoun.gender,
                    )
                })
            });
            // Every case on one line, for comparing two runs; the misses in full below it.
            println!(
                "CASE {} {} nearest={} agreeing={} got={:?}",
                article
                    .text
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy(),
                pronoun.span.start,
                u8::from(correct),
                agreeing_correct.map_or("-".to_string(), |c| u8::from(c).to_string()),
                entity.map_or("none", |e| e.name.as_str()),
            );
            if correct {
                continue;
            }
            number += 1;
            let token = doc
                .tokens
                .iter()
                .position(|t| t.start == pronoun.span.start);
            let (dep, head, head_cue) = token
                .and_then(|i| doc.tokens.get(i))
                .and_then(|t| Some((t, doc.tokens.get(t.head)?)))
                .map_or(("?".to_string(), "?".to_string(), false), |(t, h)| {
                    (
                        t.dep.clone(),
                        h.lemma.clone(),
                        Lexicon::global().verb(&h.lemma.to_lowercase()).is_some(),
                    )
                });
            let cue = gold
                .iter()
                .find(|a| {
                    a.source
                        .first()
                        .is_some_and(|s| s.start == pronoun.span.start)
                })
                .map(|a| {
                    a.cue
                        .iter()
                        .map(|c| clip(&text, c.start, c.end))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            let from = antecedent
                .span
                .start
                .max(pronoun.span.start.saturating_sub(700));
            let agreeing = pronoun.agreeing.as_ref().map_or("", |n: &GoldName| &n.text);
            println!(
                "#{number} gold={:?} agreeing={:?} got={:?} gold_entity={} | dep={dep} head={head} head_cue={head_cue} gold_cue={cue:?}",
                antecedent.text,
                agreeing,
                entity.map_or("none", |e| e.name.as_str()),
                entity_name_over(&doc, antecedent.span),
            );
            println!(
                "   {}{{{}}}{}[{}]{}",
                if from <= antecedent.span.start {
                    clip(
                        &text,
                        antecedent.span.start.saturating_sub(150),
                        antecedent.span.start,
                    )
                } else {
                    "…"
                },
                clip(&text, antecedent.span.start, antecedent.span.end),
                clip(&text, antecedent.span.end.max(from), pronoun.span.start),
                clip(&text, pronoun.span.start, pronoun.span.end),
                clip(&text, pronoun.span.end, pronoun.span.end + 80),
            );
        }
    }
    Ok(())
}
