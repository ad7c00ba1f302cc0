//! What the CLI's `newsfacts query` and the web server ask of the store. Every result carries
//! the contract's object for the fact (field names as in `docs/schema.md`) plus a reference to
//! the article it comes from. All SQL here is parameterised: user text only ever travels as a
//! bound value, and full-text queries are rebuilt from quoted words (see [`fts_query`]).

use newsfacts_doc::json::OutputDocument;
use newsfacts_doc::{Check, Entity, LedgerEntry, Quote, TextSpan};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::{Reader, StoreError};

/// Start and end of a matched term in an [`ArticleHit::snippet`]: control characters that never
/// occur in cleaned text, so a page can escape the snippet and then turn them into markup.
pub const MARK_START: char = '\u{2}';
pub const MARK_END: char = '\u{3}';

/// The article a fact comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// The article's number in this store (its page is `/article/{store_id}`).
    pub store_id: i64,
    /// The document's `id` in the contract: JSON Lines id, WARC target URI or file name.
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
}

/// Columns selecting an [`ArticleRef`] from `articles a`, in [`article_ref`]'s order.
const ARTICLE_COLUMNS: &str = "a.id, a.doc_id, a.url, a.title, a.published";

fn article_ref(row: &Row<'_>, first: usize) -> rusqlite::Result<ArticleRef> {
    Ok(ArticleRef {
        store_id: row.get(first)?,
        id: row.get(first + 1)?,
        url: row.get(first + 2)?,
        title: row.get(first + 3)?,
        published: row.get(first + 4)?,
    })
}

/// A quote and where it was said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteHit {
    pub article: ArticleRef,
    #[serde(flatten)]
    pub quote: Quote,
}

/// A person (or any entity) as one article presents them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonHit {
    pub article: ArticleRef,
    #[serde(flatten)]
    pub entity: Entity,
}

/// One role an article gives a person, for the roles-over-time view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleHit {
    pub article: ArticleRef,
    pub name: String,
    pub text: String,
    pub org: Option<String>,
    pub evidence: Option<TextSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckHit {
    pub article: ArticleRef,
    #[serde(flatten)]
    pub check: Check,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerHit {
    pub article: ArticleRef,
    #[serde(flatten)]
    pub entry: LedgerEntry,
}

/// An article found by a full-text search, with a snippet around the match (terms wrapped in
/// [`MARK_START`] and [`MARK_END`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleHit {
    pub article: ArticleRef,
    pub snippet: String,
}

/// A speaker and how much the store holds from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerSummary {
    pub name: String,
    pub quotes: i64,
    pub articles: i64,
}

/// Which quotes to return. Filters combine with AND; none at all returns every quote.
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// Part of the speaker's name, case-insensitive (`Kuleba` finds `Dmytro Kuleba`).
    pub speaker: Option<String>,
    /// The speaker's full name exactly (case-insensitive): the speaker page.
    pub speaker_exact: Option<String>,
    /// Words the quote must contain (full-text, stemmed: `shell` finds `shells`).
    pub text: Option<String>,
}

/// Turns what a user typed into an FTS5 query that means "all these words", whatever characters
/// the input holds: each word becomes a quoted string (quotes doubled), optionally restricted to
/// one column. Returns None when no word is left.
pub fn fts_query(input: &str, column: Option<&str>) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| c.is_whitespace())
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .map(|word| {
            let quoted = format!("\"{}\"", word.replace('"', "\"\""));
            match column {
                Some(column) => format!("{column} : {quoted}"),
                None => quoted,
            }
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// A LIKE pattern matching `needle` anywhere, with LIKE's wildcards in it taken literally.
fn contains_pattern(needle: &str) -> String {
    let mut pattern = String::with_capacity(needle.len() + 2);
    pattern.push('%');
    for c in needle.trim().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

fn limit_value(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}

impl Reader {
    /// Quotes matching the filter: by date of the article (undated last) then position, or by
    /// relevance when searching by words alone.
    pub fn quotes(&self, filter: &QuoteFilter, limit: usize) -> Result<Vec<QuoteHit>, StoreError> {
        let text_query = match filter.text.as_deref() {
            Some(text) => match fts_query(text, Some("text")) {
                Some(query) => Some(query),
                // Words were asked for but none is searchable: nothing can match.
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        let order = if text_query.is_some() && filter.speaker.is_none() {
            "quotes_fts.rank"
        } else {
            "a.published IS NULL, a.published, a.id, q.start"
        };
        // The clauses are fixed text; only the bound values come from the user.
        let mut from = "quotes q JOIN articles a ON a.id = q.article_id";
        let mut clauses = Vec::new();
        let mut values: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(query) = text_query {
            from = "quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid \
                    JOIN articles a ON a.id = q.article_id";
            values.push(query.into());
            clauses.push(format!("quotes_fts MATCH ?{}", values.len()));
        }
        if let Some(speaker) = filter.speaker.as_deref() {
            values.push(contains_pattern(speaker).into());
            let n = values.len();
            clauses.push(format!(
                "(q.speaker_canonical LIKE ?{n} ESCAPE '\\' OR q.speaker_name LIKE ?{n} ESCAPE '\\')"
            ));
        }
        if let Some(exact) = filter.speaker_exact.as_deref() {
            values.push(exact.trim().to_string().into());
            clauses.push(format!(
                "q.speaker_canonical = ?{} COLLATE NOCASE",
                values.len()
            ));
        }
        values.push(limit_value(limit).into());
        let limit_param = values.len();
        let where_clause = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        let sql = format!(
            "SELECT {ARTICLE_COLUMNS}, q.json FROM {from} {where_clause}
             ORDER BY {order} LIMIT ?{limit_param}"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |row| {
            Ok((article_ref(row, 0)?, row.get::<_, String>(5)?))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (article, json) = row?;
            hits.push(QuoteHit {
                article,
                quote: serde_json::from_str(&json)?,
            });
        }
        Ok(hits)
    }

    /// Entities whose name contains `name` (case-insensitive), each as one article presents
    /// it — with its roles there — oldest article first.
    pub fn people(&self, name: &str, limit: usize) -> Result<Vec<PersonHit>, StoreError> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS}, e.json FROM entities e JOIN articles a ON a.id = e.article_id
             WHERE e.name LIKE ?1 ESCAPE '\\'
             ORDER BY a.published IS NULL, a.published, a.id, e.id LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![contains_pattern(name), limit_value(limit)], |row| {
            Ok((article_ref(row, 0)?, row.get::<_, String>(5)?))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (article, json) = row?;
            hits.push(PersonHit {
                article,
                entity: serde_json::from_str(&json)?,
            });
        }
        Ok(hits)
    }

    /// Every role given to the entity named exactly `name` (case-insensitive), oldest first.
    pub fn roles_of(&self, name: &str, limit: usize) -> Result<Vec<RoleHit>, StoreError> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS}, e.name, r.text, r.org, r.ev_start, r.ev_end, r.ev_text
             FROM roles r JOIN entities e ON e.id = r.entity_id JOIN articles a ON a.id = r.article_id
             WHERE e.name = ?1 COLLATE NOCASE
             ORDER BY a.published IS NULL, a.published, a.id, r.id LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![name.trim(), limit_value(limit)], |row| {
            let evidence = match (
                row.get::<_, Option<i64>>(8)?,
                row.get::<_, Option<i64>>(9)?,
                row.get::<_, Option<String>>(10)?,
            ) {
                (Some(start), Some(end), Some(text)) => Some(TextSpan {
                    start: usize::try_from(start).unwrap_or(0),
                    end: usize::try_from(end).unwrap_or(0),
                    text,
                }),
                _ => None,
            };
            Ok(RoleHit {
                article: article_ref(row, 0)?,
                name: row.get(5)?,
                text: row.get(6)?,
                org: row.get(7)?,
                evidence,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Checks, only the failed ones (verdict `inconsistent`) when asked.
    pub fn checks(&self, failed_only: bool, limit: usize) -> Result<Vec<CheckHit>, StoreError> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS}, c.json FROM checks c JOIN articles a ON a.id = c.article_id
             WHERE (?1 = 0 OR c.verdict = 'inconsistent')
             ORDER BY a.published IS NULL, a.published, a.id, c.claim_start LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![failed_only, limit_value(limit)], |row| {
            Ok((article_ref(row, 0)?, row.get::<_, String>(5)?))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (article, json) = row?;
            hits.push(CheckHit {
                article,
                check: serde_json::from_str(&json)?,
            });
        }
        Ok(hits)
    }

    /// Ledger entries, by pledger then date.
    pub fn ledger(&self, limit: usize) -> Result<Vec<LedgerHit>, StoreError> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS}, l.json FROM ledger l JOIN articles a ON a.id = l.article_id
             ORDER BY l.pledger_name COLLATE NOCASE, a.published IS NULL, a.published, a.id, l.id
             LIMIT ?1"
        ))?;
        let rows = stmt.query_map(params![limit_value(limit)], |row| {
            Ok((article_ref(row, 0)?, row.get::<_, String>(5)?))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (article, json) = row?;
            hits.push(LedgerHit {
                article,
                entry: serde_json::from_str(&json)?,
            });
        }
        Ok(hits)
    }

    /// Articles containing all the words of `words`, best match first, with a snippet.
    pub fn search_articles(
        &self,
        words: &str,
        limit: usize,
    ) -> Result<Vec<ArticleHit>, StoreError> {
        let Some(query) = fts_query(words, None) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS}, snippet(articles_fts, 1, ?2, ?3, '…', 24)
             FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE articles_fts MATCH ?1 ORDER BY articles_fts.rank LIMIT ?4"
        ))?;
        let rows = stmt.query_map(
            params![
                query,
                MARK_START.to_string(),
                MARK_END.to_string(),
                limit_value(limit)
            ],
            |row| {
                Ok(ArticleHit {
                    article: article_ref(row, 0)?,
                    snippet: row.get(5)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The most recently stored articles, newest first.
    pub fn recent_articles(&self, limit: usize) -> Result<Vec<ArticleRef>, StoreError> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a ORDER BY a.id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map(params![limit_value(limit)], |row| article_ref(row, 0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One stored article with its whole contract document, by store id.
    pub fn article(
        &self,
        store_id: i64,
    ) -> Result<Option<(ArticleRef, OutputDocument)>, StoreError> {
        let found = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS}, a.document FROM articles a WHERE a.id = ?1"
            ))?
            .query_row(params![store_id], |row| {
                Ok((article_ref(row, 0)?, row.get::<_, String>(5)?))
            })
            .optional()?;
        match found {
            Some((article, json)) => Ok(Some((article, serde_json::from_str(&json)?))),
            None => Ok(None),
        }
    }

    /// The speakers quoted most, with how many quotes and articles.
    pub fn top_speakers(&self, limit: usize) -> Result<Vec<SpeakerSummary>, StoreError> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT speaker_canonical, count(*), count(DISTINCT article_id) FROM quotes
             WHERE speaker_canonical IS NOT NULL
             GROUP BY speaker_canonical COLLATE NOCASE
             ORDER BY count(*) DESC, speaker_canonical LIMIT ?1",
        )?;
        let rows = stmt.query_map(params![limit_value(limit)], |row| {
            Ok(SpeakerSummary {
                name: row.get(0)?,
                quotes: row.get(1)?,
                articles: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Writer;
    use crate::example::invented_document;

    fn store_with_example(name: &str) -> Reader {
        let dir =
            std::env::temp_dir().join(format!("newsfacts-query-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("store.db");
        let mut writer = Writer::open(&path).expect("open for writing");
        writer
            .write_batch(&[invented_document("ferries.txt", None)])
            .expect("write");
        drop(writer);
        Reader::open(&path).expect("open read-only")
    }

    #[test]
    fn quotes_are_found_by_speaker_part_and_by_words() {
        let store = store_with_example("quotes");
        let by_speaker = QuoteFilter {
            speaker: Some("ruiz".into()),
            ..QuoteFilter::default()
        };
        let hits = store.quotes(&by_speaker, 10).expect("query");
        assert_eq!(hits.len(), 2);
        assert!(
            hits.iter()
                .all(|h| h.quote.speaker.as_ref().map(|s| s.name.as_str()) == Some("Ana Ruiz"))
        );
        assert_eq!(hits[0].article.id, "ferries.txt");

        let by_words = QuoteFilter {
            text: Some("budget".into()),
            ..QuoteFilter::default()
        };
        let hits = store.quotes(&by_words, 10).expect("query");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].quote.id, "q2");
        // Stemmed: "crossings" finds "crossing".
        let stemmed = QuoteFilter {
            text: Some("crossings".into()),
            ..QuoteFilter::default()
        };
        assert_eq!(store.quotes(&stemmed, 10).expect("query").len(), 1);
        let exact = QuoteFilter {
            speaker_exact: Some("jon pike".into()),
            ..QuoteFilter::default()
        };
        assert_eq!(store.quotes(&exact, 10).expect("query").len(), 1);
    }

    #[test]
    fn hostile_search_text_is_only_ever_words() {
        let store = store_with_example("hostile");
        for input in [
            "\"",
            "budget\" OR \"x",
            "'; DROP TABLE quotes; --",
            "NEAR(a b)",
            "*",
            "%_\\",
            "",
        ] {
            let filter = QuoteFilter {
                text: Some(input.into()),
                speaker: Some(input.into()),
                ..QuoteFilter::default()
            };
            store
                .quotes(&filter, 10)
                .expect("never an SQL or FTS error");
            store
                .search_articles(input, 10)
                .expect("never an FTS error");
            store.people(input, 10).expect("never an SQL error");
        }
        assert_eq!(store.counts().expect("counts").quotes, 3);
        assert_eq!(
            fts_query("a \"b\" c", Some("text")).as_deref(),
            Some("text : \"a\" AND text : \"b\" AND text : \"c\"")
        );
    }

    #[test]
    fn people_roles_checks_ledger_and_articles_come_back_in_contract_shape() {
        let store = store_with_example("shapes");
        let people = store.people("pike", 10).expect("people");
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].entity.roles[0].text, "Critic");
        let roles = store.roles_of("Ana Ruiz", 10).expect("roles");
        assert_eq!(roles.len(), 1);
        assert_eq!(roles[0].evidence.as_ref().map(|e| e.start), Some(0));
        let failed = store.checks(true, 10).expect("checks");
        assert_eq!(failed.len(), 1);
        let value = serde_json::to_value(&failed[0]).expect("json");
        assert_eq!(value["verdict"], "inconsistent");
        assert_eq!(value["claim"]["text"], "half of the €30m budget");
        assert_eq!(value["article"]["store_id"], 1);
        let ledger = store.ledger(10).expect("ledger");
        assert_eq!(ledger[0].entry.pledger.name, "Ana Ruiz");
        let found = store
            .search_articles("ferries islands", 10)
            .expect("search");
        assert_eq!(found.len(), 1);
        assert!(found[0].snippet.contains(MARK_START));
        let (article, doc) = store.article(1).expect("article").expect("stored");
        assert_eq!(article.title.as_deref(), Some("Harbour board buys ferries"));
        assert_eq!(doc.quotes.len(), 3);
        assert!(store.article(99).expect("query").is_none());
        let speakers = store.top_speakers(10).expect("speakers");
        assert_eq!(speakers[0].name, "Ana Ruiz");
        assert_eq!(speakers[0].quotes, 2);
    }

    #[test]
    fn the_reader_cannot_write() {
        let store = store_with_example("readonly");
        assert!(store.conn().execute("DELETE FROM quotes", []).is_err());
    }
}
