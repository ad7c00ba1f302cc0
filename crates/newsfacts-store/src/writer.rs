//! The single writer: stores batches of contract documents, one transaction per batch, each
//! article once.

use std::path::Path;
use std::sync::{Mutex, PoisonError};

use newsfacts_doc::json::OutputDocument;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{BUSY_TIMEOUT, StoreError, TableCounts, open_for_writing, table_counts};

/// What makes two documents the same article: the URL it was published at when known (a
/// re-crawl of the same page is the same article), else a SHA-256 of its cleaned text (the same
/// story arriving under two file names or ids).
pub fn article_key(doc: &OutputDocument) -> String {
    key_of(doc.url.as_deref(), &doc.text)
}

/// [`article_key`] from a URL and cleaned text, for callers that hold a document before it is
/// analysed.
pub fn key_of(url: Option<&str>, text: &str) -> String {
    match url.map(str::trim) {
        Some(url) if !url.is_empty() => format!("url:{url}"),
        _ => {
            let digest = Sha256::digest(text.as_bytes());
            let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
            format!("sha256:{hex}")
        }
    }
}

/// Answers, from any thread, whether an article is already stored, so `ingest` can skip its
/// analysis when a run is resumed. It has its own read-only connection (WAL lets it read while
/// the writer writes) behind a mutex: a keyed lookup takes microseconds, an analysis
/// milliseconds, so the lock is never the bottleneck.
pub struct StoredKeys {
    conn: Mutex<Connection>,
}

impl StoredKeys {
    /// Opens the database at `path`, which must exist (open the [`Writer`] first).
    pub fn open(path: &Path) -> Result<StoredKeys, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        Ok(StoredKeys {
            conn: Mutex::new(conn),
        })
    }

    /// Whether the article with this URL (when known) or this cleaned text is stored.
    pub fn contains(&self, url: Option<&str>, text: &str) -> Result<bool, StoreError> {
        // A panic elsewhere while holding the lock leaves the connection itself intact.
        let conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(conn
            .prepare_cached("SELECT 1 FROM articles WHERE key = ?1")?
            .query_row([key_of(url, text)], |_| Ok(()))
            .optional()?
            .is_some())
    }
}

/// What one batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchWritten {
    /// Articles new to the store.
    pub inserted: usize,
    /// Articles already stored (same URL or same text), left as they were.
    pub duplicates: usize,
}

/// The store's only writer. Open one per database; SQLite's lock turns a second concurrent
/// writer into a wait, not corruption, but one writer fed by a channel is what keeps ingest fast.
pub struct Writer {
    conn: Connection,
}

impl Writer {
    /// Opens or creates the database at `path`, migrating it to the current schema.
    pub fn open(path: &Path) -> Result<Writer, StoreError> {
        Ok(Writer {
            conn: open_for_writing(path)?,
        })
    }

    /// Stores a batch in one transaction: either every new article of the batch, with all its
    /// facts, is stored, or (on error or a crash) none is.
    pub fn write_batch(&mut self, docs: &[OutputDocument]) -> Result<BatchWritten, StoreError> {
        let tx = self.conn.transaction()?;
        let mut written = BatchWritten::default();
        for doc in docs {
            if insert_document(&tx, doc)? {
                written.inserted += 1;
            } else {
                written.duplicates += 1;
            }
        }
        tx.commit()?;
        Ok(written)
    }

    /// Whether an article with this key is stored.
    pub fn contains_key(&self, key: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM articles WHERE key = ?1", [key], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// How many rows each table holds.
    pub fn counts(&self) -> Result<TableCounts, StoreError> {
        table_counts(&self.conn)
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<String, StoreError> {
    Ok(serde_json::to_string(value)?)
}

/// Inserts one document and its facts; returns false (and stores nothing) when its key is
/// already stored.
fn insert_document(tx: &Transaction<'_>, doc: &OutputDocument) -> Result<bool, StoreError> {
    let key = article_key(doc);
    let inserted = tx.execute(
        "INSERT INTO articles (key, doc_id, url, title, byline, published, language, text, words,
                               document, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
         ON CONFLICT(key) DO NOTHING",
        params![
            key,
            doc.id,
            doc.url,
            doc.title,
            to_json(&doc.byline)?,
            doc.published,
            doc.language,
            doc.text,
            doc.text.split_whitespace().count() as i64,
            to_json(doc)?,
        ],
    )?;
    if inserted == 0 {
        return Ok(false);
    }
    let article = tx.last_insert_rowid();
    insert_entities(tx, article, doc)?;
    insert_quotes(tx, article, doc)?;
    insert_quantities(tx, article, doc)?;
    insert_checks(tx, article, doc)?;
    insert_events(tx, article, doc)?;
    insert_ledger(tx, article, doc)?;
    Ok(true)
}

/// Offsets are at most the text's length in characters, which fits an i64 on every platform.
fn offset(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

fn insert_entities(
    tx: &Transaction<'_>,
    article: i64,
    doc: &OutputDocument,
) -> Result<(), StoreError> {
    let mut entity_stmt = tx.prepare_cached(
        "INSERT INTO entities (article_id, entity_id, kind, name, json) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut role_stmt = tx.prepare_cached(
        "INSERT INTO roles (entity_id, article_id, text, org, ev_start, ev_end, ev_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut mention_stmt = tx.prepare_cached(
        "INSERT INTO mentions (entity_id, article_id, start, end, text, label)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for entity in &doc.entities {
        entity_stmt.execute(params![
            article,
            entity.id,
            enum_name(&entity.kind)?,
            entity.name,
            to_json(entity)?,
        ])?;
        let entity_row = tx.last_insert_rowid();
        for role in &entity.roles {
            let evidence = role.evidence.as_ref();
            role_stmt.execute(params![
                entity_row,
                article,
                role.text,
                role.org,
                evidence.map(|e| offset(e.start)),
                evidence.map(|e| offset(e.end)),
                evidence.map(|e| e.text.as_str()),
            ])?;
        }
        for mention in &entity.mentions {
            mention_stmt.execute(params![
                entity_row,
                article,
                offset(mention.start),
                offset(mention.end),
                mention.text,
                mention.label,
            ])?;
        }
    }
    Ok(())
}

/// The contract's name of an enum value (`"person"`, `"direct"`, …): its JSON string.
fn enum_name<T: Serialize>(value: &T) -> Result<String, StoreError> {
    Ok(match serde_json::to_value(value)? {
        serde_json::Value::String(name) => name,
        other => other.to_string(),
    })
}

fn insert_quotes(
    tx: &Transaction<'_>,
    article: i64,
    doc: &OutputDocument,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO quotes (article_id, quote_id, kind, text, start, end, cue_start, cue_end,
                             cue_text, speaker_entity, speaker_name, speaker_canonical,
                             speaker_start, speaker_end, speaker_text, confidence, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    for quote in &doc.quotes {
        let speaker = quote.speaker.as_ref();
        let canonical = speaker.map(|speaker| {
            speaker
                .entity
                .as_deref()
                .and_then(|id| doc.entities.iter().find(|e| e.id == id))
                .map_or(speaker.name.as_str(), |entity| entity.name.as_str())
        });
        let cue = quote.cue.as_ref();
        stmt.execute(params![
            article,
            quote.id,
            enum_name(&quote.kind)?,
            quote.text,
            quote.spans.iter().map(|s| s.start).min().map(offset),
            quote.spans.iter().map(|s| s.end).max().map(offset),
            cue.map(|c| offset(c.start)),
            cue.map(|c| offset(c.end)),
            cue.map(|c| c.text.as_str()),
            speaker.and_then(|s| s.entity.as_deref()),
            speaker.map(|s| s.name.as_str()),
            canonical,
            speaker.map(|s| offset(s.mention.start)),
            speaker.map(|s| offset(s.mention.end)),
            speaker.map(|s| s.mention.text.as_str()),
            f64::from(quote.confidence),
            to_json(quote)?,
        ])?;
    }
    Ok(())
}

fn insert_quantities(
    tx: &Transaction<'_>,
    article: i64,
    doc: &OutputDocument,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO quantities (article_id, quantity_id, start, end, text, kind, value, value_min,
                                 value_max, approximate, bound, unit, currency, of, per, date, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    for quantity in &doc.quantities {
        let kind = quantity.kind.as_ref().map(enum_name).transpose()?;
        let bound = quantity.bound.as_ref().map(enum_name).transpose()?;
        stmt.execute(params![
            article,
            quantity.id,
            offset(quantity.start),
            offset(quantity.end),
            quantity.text,
            kind,
            quantity.value,
            quantity.value_min,
            quantity.value_max,
            quantity.approximate,
            bound,
            quantity.unit,
            quantity.currency,
            quantity.of,
            quantity.per,
            quantity.date,
            to_json(quantity)?,
        ])?;
    }
    Ok(())
}

fn insert_checks(
    tx: &Transaction<'_>,
    article: i64,
    doc: &OutputDocument,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO checks (article_id, claim_start, claim_end, claim_text, verdict, computation,
                             inputs, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for check in &doc.checks {
        stmt.execute(params![
            article,
            offset(check.claim.start),
            offset(check.claim.end),
            check.claim.text,
            enum_name(&check.verdict)?,
            check.computation,
            to_json(&check.inputs)?,
            to_json(check)?,
        ])?;
    }
    Ok(())
}

fn insert_events(
    tx: &Transaction<'_>,
    article: i64,
    doc: &OutputDocument,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO events (article_id, event_id, plover, mode, actor_entity, actor_name,
                             recipient_entity, recipient_name, trigger_start, trigger_end,
                             trigger_text, when_, where_, negated, hypothetical, claimed_in, json,
                             event_index)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    for (event_index, event) in doc.events.iter().enumerate() {
        let actor = event.actor.as_ref();
        let recipient = event.recipient.as_ref();
        stmt.execute(params![
            article,
            event.id,
            event.plover,
            event.mode,
            actor.and_then(|p| p.entity.as_deref()),
            actor.map(|p| p.name.as_str()),
            recipient.and_then(|p| p.entity.as_deref()),
            recipient.map(|p| p.name.as_str()),
            offset(event.trigger.start),
            offset(event.trigger.end),
            event.trigger.text,
            event.when,
            event.place,
            event.negated,
            event.hypothetical,
            event.claimed_in,
            to_json(event)?,
            offset(event_index),
        ])?;
    }
    Ok(())
}

fn insert_ledger(
    tx: &Transaction<'_>,
    article: i64,
    doc: &OutputDocument,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO ledger (article_id, pledger_entity, pledger_name, recipient_entity,
                             recipient_name, item, pledged_value, delivered_value, fulfilment,
                             ev_start, ev_end, json, entry_index, unit, per, pledger_key,
                             recipient_key, item_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18)",
    )?;
    let mut amount_stmt = tx.prepare_cached(
        "INSERT INTO ledger_amounts (ledger_id, article_id, role, quantity_id, value, item, unit,
                                     per, approximate, when_, due, ev_start, ev_end, ev_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (index, entry) in doc.ledger.iter().enumerate() {
        let (unit, per) = entry.measure();
        // Only amounts in the entry's unit and period add up to what was delivered.
        let delivered: Vec<f64> = entry
            .delivered
            .iter()
            .filter(|d| d.measure() == (unit, per))
            .filter_map(|d| d.value)
            .collect();
        let delivered_value = (!delivered.is_empty()).then(|| delivered.iter().sum::<f64>());
        let first_evidence = entry.evidence.first();
        let (pledger_key, recipient_key, item_key) = entry.key();
        stmt.execute(params![
            article,
            entry.pledger.entity,
            entry.pledger.name,
            entry.recipient.as_ref().and_then(|p| p.entity.as_deref()),
            entry.recipient.as_ref().map(|p| p.name.as_str()),
            entry.item,
            entry.pledged.as_ref().and_then(|p| p.value),
            delivered_value,
            entry.fulfilment,
            first_evidence.map(|e| offset(e.start)),
            first_evidence.map(|e| offset(e.end)),
            to_json(entry)?,
            offset(index),
            unit,
            per,
            pledger_key,
            recipient_key,
            item_key,
        ])?;
        let ledger_row = tx.last_insert_rowid();
        let amounts = entry
            .pledged
            .iter()
            .map(|amount| ("pledged", amount))
            .chain(entry.delivered.iter().map(|amount| ("delivered", amount)));
        for (role, amount) in amounts {
            amount_stmt.execute(params![
                ledger_row,
                article,
                role,
                amount.quantity,
                amount.value,
                amount.item,
                amount.unit,
                amount.per,
                amount.approximate,
                amount.when,
                amount.due,
                offset(amount.evidence.start),
                offset(amount.evidence.end),
                amount.evidence.text,
            ])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::invented_document;

    fn temp_db(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("newsfacts-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir.join("store.db")
    }

    #[test]
    fn every_layer_is_stored_and_the_same_article_only_once() {
        let path = temp_db("once");
        let mut writer = Writer::open(&path).expect("open");
        let doc = invented_document("a.txt", None);
        let renamed = invented_document("copy-of-a.txt", None);
        let written = writer
            .write_batch(&[doc.clone(), renamed])
            .expect("first batch");
        assert_eq!(
            written,
            BatchWritten {
                inserted: 1,
                duplicates: 1
            }
        );
        let again = writer.write_batch(&[doc]).expect("second batch");
        assert_eq!(again.inserted, 0);
        let counts = writer.counts().expect("counts");
        assert_eq!(
            counts,
            TableCounts {
                articles: 1,
                entities: 2,
                roles: 2,
                mentions: 2,
                quotes: 3,
                quantities: 2,
                checks: 1,
                events: 1,
                ledger: 1,
                ledger_amounts: 1,
            }
        );
    }

    #[test]
    fn a_url_keys_the_article_whatever_its_text() {
        let a = invented_document("a", Some("https://example.org/ferries"));
        let mut b = invented_document("b", Some("https://example.org/ferries "));
        b.text.push_str(" Updated.");
        assert_eq!(article_key(&a), article_key(&b));
        let c = invented_document("c", None);
        assert!(article_key(&c).starts_with("sha256:"));
        assert_ne!(article_key(&a), article_key(&c));
    }

    #[test]
    fn stored_keys_see_what_the_writer_committed_by_url_or_text() {
        let path = temp_db("keys");
        let mut writer = Writer::open(&path).expect("open");
        let by_text = invented_document("a.txt", None);
        let by_url = invented_document("b", Some("https://example.org/ferries"));
        let keys = StoredKeys::open(&path).expect("open keys");
        assert!(!keys.contains(None, &by_text.text).expect("lookup"));
        writer
            .write_batch(&[by_text.clone(), by_url.clone()])
            .expect("batch");
        assert!(keys.contains(None, &by_text.text).expect("lookup"));
        assert!(
            keys.contains(Some("https://example.org/ferries"), "other text")
                .expect("lookup")
        );
        assert!(
            !keys
                .contains(None, "A story never stored.")
                .expect("lookup")
        );
    }
}
