//! The newsfacts store: analysed articles and every fact layer in one SQLite file, so a newsroom
//! can ingest thousands of articles once and then search and read them.
//!
//! - [`Writer`] is the single writer: it takes batches of contract documents and stores each batch
//!   in one transaction (WAL journal), skipping articles already stored. Because a batch is all
//!   or nothing and the same article always gets the same key, an ingest killed at any moment
//!   can simply be run again: nothing is lost and nothing is stored twice.
//! - [`Reader`] opens the file read-only and answers the queries of the CLI and the web server
//!   ([`query`]), with FTS5 full-text search over article text and quotes.
//!
//! Every offset stored is a character offset into the article's text, as in the JSON contract
//! `newsfacts/1` (`docs/schema.md`); fact rows also keep the contract's object as JSON, so what
//! the store returns has exactly the contract's field names.

pub mod example;
pub mod query;
pub mod schema;
mod writer;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

pub use query::{
    ArticleHit, ArticleRef, CheckHit, EventFilter, EventHit, LedgerFilter, LedgerHit, LedgerReport,
    LedgerTotal, PersonHit, QuoteHit, RoleHit, SpeakerSummary,
};
pub use writer::{BatchWritten, StoredKeys, Writer, article_key, key_of};

/// What can go wrong opening, writing or querying a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: no newsfacts database here (create one with `newsfacts ingest`)")]
    Missing { path: PathBuf },
    #[error(
        "the database has schema version {found}, newer than this newsfacts understands \
         ({supported}); use a newer newsfacts"
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error(
        "the database has schema version {found} but this newsfacts reads version {expected}; \
         run `newsfacts ingest` on it (with any input) to upgrade it"
    )]
    OlderSchema { found: i64, expected: i64 },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored JSON is not in the newsfacts/1 shape: {0}")]
    Json(#[from] serde_json::Error),
}

impl StoreError {
    /// Whether SQLite stopped the query because its time limit ([`Reader::set_time_limit`])
    /// ran out.
    pub fn is_interrupted(&self) -> bool {
        matches!(
            self,
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(failure, _))
                if failure.code == rusqlite::ErrorCode::OperationInterrupted
        )
    }
}

/// How much of the database file a reader maps into memory.
const READER_MMAP_BYTES: i64 = 1 << 30;

/// A reader's page cache, in KiB (SQLite takes a negative number as KiB).
const READER_CACHE_KIB: i64 = -32 * 1024;

/// How long a connection waits for another one's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens (creating if needed) a database for writing and brings its schema up to date.
fn open_for_writing(path: &Path) -> Result<Connection, StoreError> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // WAL: readers (a running `newsfacts serve`) never block the writer, and a transaction
    // interrupted by a crash is rolled back on the next open. NORMAL sync is durable against a
    // killed process, which is the failure an ingest meets.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    schema::migrate(&mut conn)?;
    Ok(conn)
}

/// A read-only view of a store: the server's and the query command's handle. SQLite itself
/// refuses any write through it.
pub struct Reader {
    conn: Connection,
}

impl Reader {
    /// Opens an existing database read-only. Fails on a missing file (rather than creating an
    /// empty one) and on a schema version other than this build's.
    pub fn open(path: &Path) -> Result<Reader, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Searches scan whole fact tables (a speaker's name can be any part of it): map the file
        // and keep a generous page cache, so a scan reads memory instead of copying pages in
        // through system calls on every request.
        conn.pragma_update(None, "mmap_size", READER_MMAP_BYTES)?;
        conn.pragma_update(None, "cache_size", READER_CACHE_KIB)?;
        let found = schema::version(&conn)?;
        if found > schema::SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                found,
                supported: schema::SCHEMA_VERSION,
            });
        }
        if found < schema::SCHEMA_VERSION {
            return Err(StoreError::OlderSchema {
                found,
                expected: schema::SCHEMA_VERSION,
            });
        }
        Ok(Reader { conn })
    }

    /// Makes every query from now on give up (with an "interrupted" error) once `limit` has
    /// passed since this call: how a server keeps one expensive search from holding a
    /// connection for ever. Call again before each request to restart the clock.
    pub fn set_time_limit(&self, limit: Duration) {
        let deadline = std::time::Instant::now() + limit;
        // SQLite calls this every 10,000 virtual machine steps; true interrupts the query.
        self.conn
            .progress_handler(10_000, Some(move || std::time::Instant::now() > deadline));
    }

    /// The underlying connection, for the queries in [`query`].
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// How many rows each table holds.
    pub fn counts(&self) -> Result<TableCounts, StoreError> {
        table_counts(&self.conn)
    }
}

/// Row counts of every table: what an ingest stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TableCounts {
    pub articles: i64,
    pub entities: i64,
    pub roles: i64,
    pub mentions: i64,
    pub quotes: i64,
    pub quantities: i64,
    pub checks: i64,
    pub events: i64,
    pub ledger: i64,
    pub ledger_amounts: i64,
}

fn table_counts(conn: &Connection) -> Result<TableCounts, StoreError> {
    // Table names come from this fixed list, never from input.
    let count = |table: &str| -> Result<i64, StoreError> {
        Ok(
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                row.get(0)
            })?,
        )
    };
    Ok(TableCounts {
        articles: count("articles")?,
        entities: count("entities")?,
        roles: count("roles")?,
        mentions: count("mentions")?,
        quotes: count("quotes")?,
        quantities: count("quantities")?,
        checks: count("checks")?,
        events: count("events")?,
        ledger: count("ledger")?,
        ledger_amounts: count("ledger_amounts")?,
    })
}
