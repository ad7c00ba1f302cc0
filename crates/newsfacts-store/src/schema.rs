//! The store's SQL schema and its versioned migrations.
//!
//! The schema version is SQLite's `user_version`: migration `n` (1-based) brings a database from
//! version `n - 1` to `n`, inside one transaction, so a crash mid-migration leaves the previous
//! version intact. Migrations are only ever appended; a released one is never edited.
//!
//! Offsets in every table are **character** offsets into `articles.text`, as in the JSON contract
//! (`docs/schema.md`), so what a script reads from the store and what it reads from
//! `newsfacts analyze --format json` agree.

use rusqlite::Connection;

use crate::StoreError;

/// Each migration's SQL, in order. `MIGRATIONS[i]` brings the database to version `i + 1`.
const MIGRATIONS: &[&str] = &[V1, V2, V3, V4];

/// The schema version this build of newsfacts writes and reads.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Version 1: articles with their full contract document, one table per fact layer, and FTS5
/// indexes over article text and quote text kept in step by triggers.
const V1: &str = r#"
CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    -- What makes an article the same article: `url:<url>` or `sha256:<hash of the text>`.
    key         TEXT NOT NULL UNIQUE,
    doc_id      TEXT NOT NULL,
    url         TEXT,
    title       TEXT,
    byline      TEXT NOT NULL,          -- JSON array of names
    published   TEXT,
    language    TEXT,
    text        TEXT NOT NULL,
    words       INTEGER NOT NULL,
    document    TEXT NOT NULL,          -- the whole newsfacts/1 document, as JSON
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE entities (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,           -- the id inside its document (`e1`)
    kind       TEXT NOT NULL,
    name       TEXT NOT NULL,
    json       TEXT NOT NULL            -- the contract's Entity object
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE roles (
    id         INTEGER PRIMARY KEY,
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    org        TEXT,
    ev_start   INTEGER,
    ev_end     INTEGER,
    ev_text    TEXT
);
CREATE INDEX roles_entity ON roles(entity_id);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    label      TEXT
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_id          TEXT NOT NULL,
    kind              TEXT NOT NULL,
    text              TEXT NOT NULL,
    start             INTEGER,          -- first span's start
    end               INTEGER,          -- last span's end
    cue_start         INTEGER,
    cue_end           INTEGER,
    cue_text          TEXT,
    speaker_entity    TEXT,
    speaker_name      TEXT,
    -- The speaker's canonical name: the resolved entity's, else the name as given.
    speaker_canonical TEXT,
    speaker_start     INTEGER,
    speaker_end       INTEGER,
    speaker_text      TEXT,
    confidence        REAL NOT NULL,
    json              TEXT NOT NULL     -- the contract's Quote object
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_canonical COLLATE NOCASE);

CREATE TABLE quantities (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quantity_id TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT,
    value       REAL,
    value_min   REAL,
    value_max   REAL,
    approximate INTEGER NOT NULL,
    bound       TEXT,
    unit        TEXT,
    currency    TEXT,
    of          TEXT,
    per         TEXT,
    date        TEXT,
    json        TEXT NOT NULL
);
CREATE INDEX quantities_article ON quantities(article_id);

CREATE TABLE checks (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    claim_start INTEGER NOT NULL,
    claim_end   INTEGER NOT NULL,
    claim_text  TEXT NOT NULL,
    verdict     TEXT NOT NULL,
    computation TEXT NOT NULL,
    inputs      TEXT NOT NULL,          -- JSON array of quantity ids
    json        TEXT NOT NULL
);
CREATE INDEX checks_article ON checks(article_id);
CREATE INDEX checks_verdict ON checks(verdict);

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id         TEXT NOT NULL,
    plover           TEXT NOT NULL,
    mode             TEXT,
    actor_entity     TEXT,
    actor_name       TEXT,
    recipient_entity TEXT,
    recipient_name   TEXT,
    trigger_start    INTEGER NOT NULL,
    trigger_end      INTEGER NOT NULL,
    trigger_text     TEXT NOT NULL,
    when_            TEXT,
    where_           TEXT,
    negated          INTEGER NOT NULL,
    hypothetical     INTEGER NOT NULL,
    claimed_in       TEXT,
    json             TEXT NOT NULL
);
CREATE INDEX events_article ON events(article_id);

CREATE TABLE ledger (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    pledger_entity   TEXT,
    pledger_name     TEXT NOT NULL,
    recipient_entity TEXT,
    recipient_name   TEXT,
    item             TEXT NOT NULL,
    pledged_value    REAL,
    delivered_value  REAL,              -- sum of the delivered amounts with a value
    fulfilment       REAL,
    ev_start         INTEGER,           -- first evidence span
    ev_end           INTEGER,
    json             TEXT NOT NULL
);
CREATE INDEX ledger_article ON ledger(article_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker_canonical, content='quotes', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_canonical)
        VALUES (new.id, new.text, new.speaker_canonical);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_canonical)
        VALUES ('delete', old.id, old.text, old.speaker_canonical);
END;
"#;

/// Version 2: the ledger aggregated across articles. Each ledger row gains its place in its
/// document's ledger (the article page's anchor `fact-ledger-{n}`), its unit, and the keys that
/// group the same pledge reported by several articles (`newsfacts_doc::participant_key` and
/// `item_key`: lower-case names, the item's singular head noun); `ledger_amounts` holds each
/// pledged and delivered amount as a row of its own.
///
/// Rows stored by version 1 get their keys and amounts from their JSON here. SQL cannot take an
/// item's head noun, so their item key is the item in lower case; version 1 stores were written
/// before newsfacts built a ledger and hold no ledger rows in practice.
const V2: &str = r#"
ALTER TABLE ledger ADD COLUMN entry_index INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger ADD COLUMN unit TEXT;
ALTER TABLE ledger ADD COLUMN pledger_key TEXT NOT NULL DEFAULT '';
ALTER TABLE ledger ADD COLUMN recipient_key TEXT NOT NULL DEFAULT '';
ALTER TABLE ledger ADD COLUMN item_key TEXT NOT NULL DEFAULT '';
UPDATE ledger SET
    entry_index = (SELECT count(*) FROM ledger AS earlier
                   WHERE earlier.article_id = ledger.article_id AND earlier.id < ledger.id),
    unit = coalesce(json_extract(json, '$.pledged.unit'), json_extract(json, '$.delivered[0].unit')),
    pledger_key = lower(trim(pledger_name)),
    recipient_key = lower(trim(coalesce(recipient_name, ''))),
    item_key = lower(trim(item));
CREATE INDEX ledger_key ON ledger(pledger_key, recipient_key, item_key);

CREATE TABLE ledger_amounts (
    id          INTEGER PRIMARY KEY,
    ledger_id   INTEGER NOT NULL REFERENCES ledger(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,          -- 'pledged' or 'delivered'
    quantity_id TEXT,
    value       REAL,
    item        TEXT,
    unit        TEXT,
    approximate INTEGER NOT NULL,
    when_       TEXT,
    due         TEXT,
    ev_start    INTEGER NOT NULL,
    ev_end      INTEGER NOT NULL,
    ev_text     TEXT NOT NULL
);
CREATE INDEX ledger_amounts_ledger ON ledger_amounts(ledger_id);

INSERT INTO ledger_amounts (ledger_id, article_id, role, quantity_id, value, item, unit,
                            approximate, when_, due, ev_start, ev_end, ev_text)
SELECT id, article_id, 'pledged', json_extract(json, '$.pledged.quantity'),
       json_extract(json, '$.pledged.value'), json_extract(json, '$.pledged.item'),
       json_extract(json, '$.pledged.unit'), coalesce(json_extract(json, '$.pledged.approximate'), 0),
       json_extract(json, '$.pledged.when'), json_extract(json, '$.pledged.due'),
       json_extract(json, '$.pledged.evidence.start'), json_extract(json, '$.pledged.evidence.end'),
       json_extract(json, '$.pledged.evidence.text')
FROM ledger WHERE json_type(json, '$.pledged') = 'object'
UNION ALL
SELECT ledger.id, ledger.article_id, 'delivered', json_extract(d.value, '$.quantity'),
       json_extract(d.value, '$.value'), json_extract(d.value, '$.item'),
       json_extract(d.value, '$.unit'), coalesce(json_extract(d.value, '$.approximate'), 0),
       json_extract(d.value, '$.when'), json_extract(d.value, '$.due'),
       json_extract(d.value, '$.evidence.start'), json_extract(d.value, '$.evidence.end'),
       json_extract(d.value, '$.evidence.text')
FROM ledger, json_each(ledger.json, '$.delivered') AS d;
"#;

/// Version 3: each event row stores its place in its document's events (the article page's
/// anchor `fact-event-{n}`), as ledger rows have since version 2. Before, a query derived it from
/// the distance between row ids, which holds only while a writer stores an article's events
/// together; the stored index holds whatever order rows are written in. Rows stored by earlier
/// versions get it from that same distance here, which is right for them: every earlier writer
/// stored an article's events in one transaction, in order.
const V3: &str = r#"
ALTER TABLE events ADD COLUMN event_index INTEGER NOT NULL DEFAULT 0;
UPDATE events SET
    event_index = (SELECT count(*) FROM events AS earlier
                   WHERE earlier.article_id = events.article_id AND earlier.id < events.id);
"#;

/// Version 4: a recurring amount's period has a column of its own (`per`: `year` for "7.5
/// million tonnes of LPG annually"), in `ledger` and `ledger_amounts`, beside its unit. Before,
/// the unit column held both joined (`t/year`), so a query for amounts in tonnes missed the yearly
/// ones. Rows stored before take both from their JSON, which has always kept them apart.
const V4: &str = r#"
ALTER TABLE ledger ADD COLUMN per TEXT;
ALTER TABLE ledger_amounts ADD COLUMN per TEXT;
UPDATE ledger SET
    unit = CASE WHEN json_type(json, '$.pledged') = 'object'
                THEN json_extract(json, '$.pledged.unit')
                ELSE json_extract(json, '$.delivered[0].unit') END,
    per = CASE WHEN json_type(json, '$.pledged') = 'object'
               THEN json_extract(json, '$.pledged.per')
               ELSE json_extract(json, '$.delivered[0].per') END;
UPDATE ledger_amounts SET (unit, per) = (
    SELECT json_extract(l.json, '$.pledged.unit'), json_extract(l.json, '$.pledged.per')
    FROM ledger l WHERE l.id = ledger_amounts.ledger_id)
WHERE role = 'pledged';
UPDATE ledger_amounts SET (unit, per) = (
    SELECT json_extract(d.value, '$.unit'), json_extract(d.value, '$.per')
    FROM ledger l, json_each(l.json, '$.delivered') AS d
    WHERE l.id = ledger_amounts.ledger_id
      AND json_extract(d.value, '$.quantity') IS ledger_amounts.quantity_id
    LIMIT 1)
WHERE role = 'delivered';
"#;

/// The database's schema version.
pub fn version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Brings the database up to [`SCHEMA_VERSION`], one transaction per migration. Refuses a
/// database written by a newer newsfacts rather than guess at its tables.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let current = version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
        let target = index as i64 + 1;
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        // PRAGMA takes no bound parameters; `target` is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {target}"))?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_a_no_op_and_reaches_the_current_version() {
        let mut conn = Connection::open_in_memory().expect("in-memory database");
        assert_eq!(version(&conn).expect("version"), 0);
        migrate(&mut conn).expect("first migration");
        assert_eq!(version(&conn).expect("version"), SCHEMA_VERSION);
        migrate(&mut conn).expect("second migration");
        assert_eq!(version(&conn).expect("version"), SCHEMA_VERSION);
    }

    #[test]
    fn version_1_ledger_rows_get_their_keys_and_amounts() {
        let mut conn = Connection::open_in_memory().expect("in-memory database");
        conn.execute_batch(V1).expect("version 1");
        conn.execute_batch("PRAGMA user_version = 1")
            .expect("set version");
        conn.execute_batch(
            r#"INSERT INTO articles (key, doc_id, byline, text, words, document, ingested_at)
                 VALUES ('k', 'a', '[]', 'EU pledged 10 tanks; it delivered 4 tanks.', 7, '{}', '');
               INSERT INTO ledger (article_id, pledger_name, recipient_name, item, json)
                 VALUES (1, ' EU ', NULL, 'Tanks', '{"pledged": {"quantity": "n1", "value": 10,
                   "item": "tanks", "approximate": false, "when": null, "due": null,
                   "evidence": {"start": 11, "end": 19, "text": "10 tanks"}},
                   "delivered": [{"quantity": "n2", "value": 4, "item": "tanks",
                   "approximate": true, "when": null, "due": null,
                   "evidence": {"start": 34, "end": 41, "text": "4 tanks"}}]}');"#,
        )
        .expect("a version 1 ledger row");
        migrate(&mut conn).expect("migration");
        let keys: (String, String, String, i64) = conn
            .query_row(
                "SELECT pledger_key, recipient_key, item_key, entry_index FROM ledger",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .expect("keys");
        assert_eq!(keys, ("eu".into(), String::new(), "tanks".into(), 0));
        let amounts: Vec<(String, f64, bool, String)> = conn
            .prepare("SELECT role, value, approximate, ev_text FROM ledger_amounts ORDER BY id")
            .expect("prepare")
            .query_map([], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(
            amounts,
            vec![
                ("pledged".into(), 10.0, false, "10 tanks".into()),
                ("delivered".into(), 4.0, true, "4 tanks".into()),
            ]
        );
    }

    #[test]
    fn a_recurring_amount_stored_before_version_4_gets_its_period_apart() {
        let mut conn = Connection::open_in_memory().expect("in-memory database");
        for sql in [V1, V2, V3] {
            conn.execute_batch(sql).expect("earlier version");
        }
        conn.execute_batch("PRAGMA user_version = 3")
            .expect("set version");
        // As version 3 writers stored it: unit and period joined in the unit columns.
        conn.execute_batch(
            r#"INSERT INTO articles (key, doc_id, byline, text, words, document, ingested_at)
                 VALUES ('k', 'a', '[]', 'text', 1, '{}', '');
               INSERT INTO ledger (article_id, pledger_name, item, json, unit)
                 VALUES (1, 'ONGC', 'LPG', '{"pledged": {"quantity": "n1", "value": 7500000,
                   "item": "LPG", "approximate": false, "when": null, "due": null, "unit": "t",
                   "per": "year", "evidence": {"start": 0, "end": 4, "text": "7.5m"}},
                   "delivered": [{"quantity": "n2", "value": 3, "item": null,
                   "approximate": false, "when": null, "due": null, "unit": null, "per": null,
                   "evidence": {"start": 5, "end": 6, "text": "3"}}]}', 't/year');
               INSERT INTO ledger_amounts (ledger_id, article_id, role, quantity_id, value, unit,
                                           approximate, ev_start, ev_end, ev_text)
                 VALUES (1, 1, 'pledged', 'n1', 7500000, 't/year', 0, 0, 4, '7.5m'),
                        (1, 1, 'delivered', 'n2', 3, NULL, 0, 5, 6, '3');"#,
        )
        .expect("version 3 ledger rows");
        migrate(&mut conn).expect("migration");
        let entry: (Option<String>, Option<String>) = conn
            .query_row("SELECT unit, per FROM ledger", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .expect("ledger row");
        assert_eq!(entry, (Some("t".into()), Some("year".into())));
        let amounts: Vec<(Option<String>, Option<String>)> = conn
            .prepare("SELECT unit, per FROM ledger_amounts ORDER BY id")
            .expect("prepare")
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(
            amounts,
            vec![(Some("t".into()), Some("year".into())), (None, None)]
        );
    }

    #[test]
    fn earlier_event_rows_get_their_place_in_their_document() {
        let mut conn = Connection::open_in_memory().expect("in-memory database");
        conn.execute_batch(V1).expect("version 1");
        conn.execute_batch(V2).expect("version 2");
        conn.execute_batch("PRAGMA user_version = 2")
            .expect("set version");
        conn.execute_batch(
            r#"INSERT INTO articles (key, doc_id, byline, text, words, document, ingested_at)
                 VALUES ('a', 'a', '[]', 'text', 1, '{}', ''), ('b', 'b', '[]', 'text', 1, '{}', '');
               INSERT INTO events (article_id, event_id, plover, trigger_start, trigger_end,
                                   trigger_text, negated, hypothetical, json)
                 VALUES (1, 'v1', 'AGREE', 0, 1, 't', 0, 0, '{}'),
                        (1, 'v2', 'AID', 0, 1, 't', 0, 0, '{}'),
                        (2, 'v1', 'ACCUSE', 0, 1, 't', 0, 0, '{}'),
                        (1, 'v3', 'REJECT', 0, 1, 't', 0, 0, '{}');"#,
        )
        .expect("version 2 event rows");
        migrate(&mut conn).expect("migration");
        let places: Vec<(i64, String, i64)> = conn
            .prepare("SELECT article_id, event_id, event_index FROM events ORDER BY id")
            .expect("prepare")
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(
            places,
            vec![
                (1, "v1".into(), 0),
                (1, "v2".into(), 1),
                (2, "v1".into(), 0),
                (1, "v3".into(), 2),
            ]
        );
    }

    #[test]
    fn a_newer_database_is_refused() {
        let mut conn = Connection::open_in_memory().expect("in-memory database");
        conn.execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
            .expect("set version");
        assert!(matches!(
            migrate(&mut conn),
            Err(StoreError::NewerSchema { .. })
        ));
    }
}
