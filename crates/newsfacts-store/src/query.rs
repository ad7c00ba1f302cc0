//! What the CLI's `newsfacts query` and the web server ask of the store. Every result carries
//! the contract's object for the fact (field names as in `docs/schema.md`) plus a reference to
//! the article it comes from. All SQL here is parameterised: user text only ever travels as a
//! bound value, and full-text queries are rebuilt from quoted words (see [`fts_query`]).

use newsfacts_doc::json::OutputDocument;
use newsfacts_doc::{Check, Entity, Event, LedgerEntry, Quote, TextSpan};
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
    /// The entry's place in its document's ledger: its evidence is highlighted on the article
    /// page at `/article/{store_id}#fact-ledger-{entry_index}`.
    pub entry_index: usize,
    #[serde(flatten)]
    pub entry: LedgerEntry,
}

/// Which ledger entries to return: parts of the pledger's, the recipient's and the item's
/// names, case-insensitive; filters combine with AND, none returns every entry.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LedgerFilter {
    pub pledger: Option<String>,
    pub recipient: Option<String>,
    pub item: Option<String>,
}

/// An event and the article that reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventHit {
    pub article: ArticleRef,
    /// The event's place in its document's events: its trigger is highlighted on the article
    /// page at `/article/{store_id}#fact-event-{event_index}`.
    pub event_index: usize,
    #[serde(flatten)]
    pub event: Event,
}

/// Which events to return: the PLOVER type (exactly, case-insensitive), parts of the actor's and
/// the recipient's names (case-insensitive); `asserted` keeps only what the article itself
/// states happened — not negated, not hypothetical, not a claim inside a quotation. Filters
/// combine with AND.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EventFilter {
    pub plover: Option<String>,
    pub actor: Option<String>,
    pub recipient: Option<String>,
    #[serde(default)]
    pub asserted: bool,
}

/// One pledger → recipient → item across every article that reports it: the same pledge told
/// by several articles, the deliveries each reports, and the fulfilment that results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerTotal {
    /// The names as the latest report gives them.
    pub pledger: String,
    pub recipient: Option<String>,
    pub item: String,
    /// The grouping key of the item (`shell` for "artillery shells" and "shells").
    pub item_key: String,
    /// Null for counts, the ISO 4217 code for money, else the unit of the measure.
    pub unit: Option<String>,
    /// For a recurring amount, the period it recurs in (`year`); null for one-off amounts.
    #[serde(default)]
    pub per: Option<String>,
    /// Every item the reports name, pledged or delivered ("artillery shells", "ammunition
    /// rounds"), in order of first appearance.
    pub items: Vec<String>,
    /// The distinct pledges added up: a pledge restated by several articles (the same value)
    /// counts once.
    pub pledged: Option<f64>,
    /// The largest delivered total any one report gives. Reports of deliveries are running
    /// totals ("have so far supplied"), so they are not added up across articles; the largest
    /// is the latest figure even when articles were stored out of order.
    pub delivered: Option<f64>,
    /// `delivered` over `pledged`.
    pub fulfilment: Option<f64>,
    /// How many articles report this pledge or its deliveries.
    pub articles: usize,
    /// The figures of the latest report (by publication date, then order of storing).
    pub latest: Option<LedgerReport>,
    /// Every report, oldest first: the source documents with their figures and evidence.
    pub reports: Vec<LedgerReport>,
}

/// What one article says about a pledge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerReport {
    pub article: ArticleRef,
    pub entry_index: usize,
    pub pledged: Option<f64>,
    /// The delivered amounts in the entry's unit, added up.
    pub delivered: Option<f64>,
    pub fulfilment: Option<f64>,
    pub pledged_when: Option<String>,
    pub due: Option<String>,
    /// What the article itself claims about the fulfilment, with its check's verdict.
    pub stated: Option<newsfacts_doc::StatedFulfilment>,
    /// Where the article says it: triggers, then each amount.
    pub evidence: Vec<TextSpan>,
}

/// At most this many ledger rows are read to build totals; the groups past it are left out
/// rather than let one request read an unbounded table.
const LEDGER_TOTALS_MAX_ROWS: i64 = 200_000;

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

/// Conditions of a WHERE clause and their bound values. Column names and fixed conditions
/// are the code's own text; only bound values come from the user.
#[derive(Default)]
struct Conditions {
    clauses: Vec<String>,
    values: Vec<rusqlite::types::Value>,
}

impl Conditions {
    /// `column` contains `wanted` (case-insensitive), when something is wanted.
    fn contains(&mut self, column: &str, wanted: &Option<String>) {
        if let Some(wanted) = wanted.as_deref().filter(|w| !w.trim().is_empty()) {
            self.values.push(contains_pattern(wanted.trim()).into());
            self.clauses
                .push(format!("{column} LIKE ?{} ESCAPE '\\'", self.values.len()));
        }
    }

    /// `column` equals `wanted`, ignoring case, when something is wanted.
    fn equals_ignoring_case(&mut self, column: &str, wanted: &Option<String>) {
        if let Some(wanted) = wanted.as_deref().filter(|w| !w.trim().is_empty()) {
            self.values.push(wanted.trim().to_owned().into());
            self.clauses
                .push(format!("{column} = ?{} COLLATE NOCASE", self.values.len()));
        }
    }

    /// The WHERE clause ("" when nothing is asked) and the values, with `limit` bound last;
    /// the limit's parameter number is the values' count.
    fn finish(mut self, limit: i64) -> (String, Vec<rusqlite::types::Value>) {
        let where_clause = if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        };
        self.values.push(limit.into());
        (where_clause, self.values)
    }
}

/// The WHERE clause and bound values of a [`LedgerFilter`] over `ledger l`, with `limit` bound
/// last.
fn ledger_where(filter: &LedgerFilter, limit: i64) -> (String, Vec<rusqlite::types::Value>) {
    let mut conditions = Conditions::default();
    conditions.contains("l.pledger_name", &filter.pledger);
    conditions.contains("l.recipient_name", &filter.recipient);
    conditions.contains("l.item", &filter.item);
    conditions.finish(limit)
}

/// Pledger, recipient and item keys, unit and period: what makes two ledger rows the same
/// pledge.
type LedgerKey = (String, String, String, Option<String>, Option<String>);

/// One stored ledger row as the totals read it.
struct LedgerRow {
    article: ArticleRef,
    json: String,
    entry_index: i64,
    key: LedgerKey,
    delivered: Option<f64>,
}

/// Adds one article's entry to its group (rows come oldest first).
fn add_report(total: &mut LedgerTotal, row: LedgerRow, entry: LedgerEntry) {
    total.pledger = entry.pledger.name.clone();
    total.recipient = entry.recipient.as_ref().map(|r| r.name.clone());
    total.item = entry.item.clone();
    let named = entry
        .pledged
        .iter()
        .chain(&entry.delivered)
        .filter_map(|amount| amount.item.clone())
        .chain(std::iter::once(entry.item.clone()));
    for item in named {
        if !item.is_empty() && !total.items.contains(&item) {
            total.items.push(item);
        }
    }
    let mut evidence = entry.evidence.clone();
    evidence.extend(entry.pledged.iter().map(|p| p.evidence.clone()));
    evidence.extend(entry.delivered.iter().map(|d| d.evidence.clone()));
    let pledged = entry.pledged.as_ref();
    total.reports.push(LedgerReport {
        article: row.article,
        entry_index: usize::try_from(row.entry_index).unwrap_or(0),
        pledged: pledged.and_then(|p| p.value),
        delivered: row.delivered,
        fulfilment: entry.fulfilment,
        pledged_when: pledged.and_then(|p| p.when.clone()),
        due: pledged.and_then(|p| p.due.clone()),
        stated: entry.stated,
        evidence,
    });
}

/// Totals of a group once all its reports are in.
fn finish_total(total: &mut LedgerTotal) {
    let mut distinct_pledges: Vec<f64> = Vec::new();
    for value in total.reports.iter().filter_map(|r| r.pledged) {
        if !distinct_pledges.contains(&value) {
            distinct_pledges.push(value);
        }
    }
    total.pledged = (!distinct_pledges.is_empty()).then(|| distinct_pledges.iter().sum());
    total.delivered = total
        .reports
        .iter()
        .filter_map(|r| r.delivered)
        .reduce(f64::max);
    total.fulfilment = match (total.pledged, total.delivered) {
        (Some(pledged), Some(delivered)) if pledged > 0.0 => Some(delivered / pledged),
        _ => None,
    };
    let mut articles: Vec<i64> = total.reports.iter().map(|r| r.article.store_id).collect();
    articles.sort_unstable();
    articles.dedup();
    total.articles = articles.len();
    total.latest = total.reports.last().cloned();
}

/// Rows of `article columns, fact JSON`: each fact with its article.
fn article_facts<T: serde::de::DeserializeOwned>(
    stmt: &mut rusqlite::CachedStatement<'_>,
    params: impl rusqlite::Params,
) -> Result<Vec<(ArticleRef, T)>, StoreError> {
    let rows = stmt.query_map(params, |row| {
        Ok((article_ref(row, 0)?, row.get::<_, String>(5)?))
    })?;
    let mut facts = Vec::new();
    for row in rows {
        let (article, json) = row?;
        facts.push((article, serde_json::from_str(&json)?));
    }
    Ok(facts)
}

/// Rows of `article columns, fact JSON, the fact's place in its document`: each fact with its
/// article and place.
fn placed_facts<T: serde::de::DeserializeOwned>(
    stmt: &mut rusqlite::CachedStatement<'_>,
    values: Vec<rusqlite::types::Value>,
) -> Result<Vec<(ArticleRef, usize, T)>, StoreError> {
    let rows = stmt.query_map(rusqlite::params_from_iter(values), |row| {
        Ok((
            article_ref(row, 0)?,
            row.get::<_, String>(5)?,
            row.get::<_, i64>(6)?,
        ))
    })?;
    let mut facts = Vec::new();
    for row in rows {
        let (article, json, place) = row?;
        facts.push((
            article,
            usize::try_from(place).unwrap_or(0),
            serde_json::from_str(&json)?,
        ));
    }
    Ok(facts)
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
        Ok(
            article_facts(&mut stmt, rusqlite::params_from_iter(values))?
                .into_iter()
                .map(|(article, quote)| QuoteHit { article, quote })
                .collect(),
        )
    }

    /// Entities whose name contains `name` (case-insensitive), each as one article presents
    /// it — with its roles there — oldest article first.
    pub fn people(&self, name: &str, limit: usize) -> Result<Vec<PersonHit>, StoreError> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS}, e.json FROM entities e JOIN articles a ON a.id = e.article_id
             WHERE e.name LIKE ?1 ESCAPE '\\'
             ORDER BY a.published IS NULL, a.published, a.id, e.id LIMIT ?2"
        ))?;
        Ok(article_facts(
            &mut stmt,
            params![contains_pattern(name), limit_value(limit)],
        )?
        .into_iter()
        .map(|(article, entity)| PersonHit { article, entity })
        .collect())
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
        Ok(
            article_facts(&mut stmt, params![failed_only, limit_value(limit)])?
                .into_iter()
                .map(|(article, check)| CheckHit { article, check })
                .collect(),
        )
    }

    /// Ledger entries matching the filter, by pledger then date.
    pub fn ledger(
        &self,
        filter: &LedgerFilter,
        limit: usize,
    ) -> Result<Vec<LedgerHit>, StoreError> {
        let (where_clause, values) = ledger_where(filter, limit_value(limit));
        let limit_param = values.len();
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS}, l.json, l.entry_index
             FROM ledger l JOIN articles a ON a.id = l.article_id {where_clause}
             ORDER BY l.pledger_name COLLATE NOCASE, a.published IS NULL, a.published, a.id, l.id
             LIMIT ?{limit_param}"
        ))?;
        Ok(placed_facts(&mut stmt, values)?
            .into_iter()
            .map(|(article, entry_index, entry)| LedgerHit {
                article,
                entry_index,
                entry,
            })
            .collect())
    }

    /// Events matching the filter, by date of the article (undated last) then position.
    pub fn events(&self, filter: &EventFilter, limit: usize) -> Result<Vec<EventHit>, StoreError> {
        let mut conditions = Conditions::default();
        conditions.equals_ignoring_case("e.plover", &filter.plover);
        conditions.contains("e.actor_name", &filter.actor);
        conditions.contains("e.recipient_name", &filter.recipient);
        if filter.asserted {
            conditions
                .clauses
                .push("e.negated = 0 AND e.hypothetical = 0 AND e.claimed_in IS NULL".to_owned());
        }
        let (where_clause, values) = conditions.finish(limit_value(limit));
        let limit_param = values.len();
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS}, e.json, e.event_index
             FROM events e JOIN articles a ON a.id = e.article_id {where_clause}
             ORDER BY a.published IS NULL, a.published, a.id, e.trigger_start, e.id
             LIMIT ?{limit_param}"
        ))?;
        Ok(placed_facts(&mut stmt, values)?
            .into_iter()
            .map(|(article, event_index, event)| EventHit {
                article,
                event_index,
                event,
            })
            .collect())
    }

    /// The ledger aggregated across articles: one [`LedgerTotal`] per pledger → recipient →
    /// item (and unit), the most reported first.
    pub fn ledger_totals(
        &self,
        filter: &LedgerFilter,
        limit: usize,
    ) -> Result<Vec<LedgerTotal>, StoreError> {
        let (where_clause, values) = ledger_where(filter, LEDGER_TOTALS_MAX_ROWS);
        let limit_param = values.len();
        // Oldest report first, so the last row of a group is its latest report.
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS}, l.json, l.entry_index, l.pledger_key, l.recipient_key,
                    l.item_key, l.unit, l.per,
                    (SELECT sum(m.value) FROM ledger_amounts m
                     WHERE m.ledger_id = l.id AND m.role = 'delivered' AND m.unit IS l.unit
                       AND m.per IS l.per)
             FROM ledger l JOIN articles a ON a.id = l.article_id {where_clause}
             ORDER BY a.published IS NULL DESC, a.published, a.id, l.id
             LIMIT ?{limit_param}"
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |row| {
            Ok(LedgerRow {
                article: article_ref(row, 0)?,
                json: row.get(5)?,
                entry_index: row.get(6)?,
                key: (
                    row.get(7)?,
                    row.get(8)?,
                    row.get(9)?,
                    row.get(10)?,
                    row.get(11)?,
                ),
                delivered: row.get(12)?,
            })
        })?;
        let mut groups: Vec<LedgerTotal> = Vec::new();
        let mut index: std::collections::HashMap<LedgerKey, usize> =
            std::collections::HashMap::new();
        for row in rows {
            let row = row?;
            let entry: LedgerEntry = serde_json::from_str(&row.json)?;
            let slot = *index.entry(row.key.clone()).or_insert_with(|| {
                groups.push(LedgerTotal {
                    pledger: String::new(),
                    recipient: None,
                    item: String::new(),
                    item_key: row.key.2.clone(),
                    unit: row.key.3.clone(),
                    per: row.key.4.clone(),
                    items: Vec::new(),
                    pledged: None,
                    delivered: None,
                    fulfilment: None,
                    articles: 0,
                    latest: None,
                    reports: Vec::new(),
                });
                groups.len() - 1
            });
            add_report(&mut groups[slot], row, entry);
        }
        for total in &mut groups {
            finish_total(total);
        }
        groups.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.pledger.to_lowercase().cmp(&b.pledger.to_lowercase()))
                .then_with(|| a.item_key.cmp(&b.item_key))
        });
        groups.truncate(limit);
        Ok(groups)
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
    fn events_are_found_by_type_actor_recipient_and_whether_asserted() {
        use newsfacts_doc::Participant;
        let dir =
            std::env::temp_dir().join(format!("newsfacts-query-events-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("store.db");
        let mut doc = invented_document("ferries.txt", None);
        let pledge = doc.events[0].clone();
        doc.events.push(Event {
            id: "v2".into(),
            plover: "AID".into(),
            recipient: Some(Participant {
                entity: None,
                name: "the islands".into(),
            }),
            hypothetical: true,
            ..pledge.clone()
        });
        let mut writer = Writer::open(&path).expect("open for writing");
        writer.write_batch(&[doc]).expect("write");
        drop(writer);
        let store = Reader::open(&path).expect("open read-only");
        let find = |filter: EventFilter| {
            store
                .events(&filter, 10)
                .expect("query")
                .into_iter()
                .map(|hit| (hit.event.id, hit.event_index))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            find(EventFilter::default()),
            [("v1".to_string(), 0), ("v2".to_string(), 1)]
        );
        let aid = EventFilter {
            plover: Some("aid".into()),
            ..EventFilter::default()
        };
        assert_eq!(find(aid), [("v2".to_string(), 1)]);
        let to_islands = EventFilter {
            actor: Some("RUIZ".into()),
            recipient: Some("island".into()),
            ..EventFilter::default()
        };
        assert_eq!(find(to_islands), [("v2".to_string(), 1)]);
        let asserted = EventFilter {
            asserted: true,
            ..EventFilter::default()
        };
        assert_eq!(find(asserted), [("v1".to_string(), 0)]);
        let hostile = EventFilter {
            plover: Some("' OR 1=1 --".into()),
            actor: Some("%_\\".into()),
            ..EventFilter::default()
        };
        assert!(find(hostile).is_empty());
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
        let ledger = store.ledger(&LedgerFilter::default(), 10).expect("ledger");
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

    fn store_of(name: &str, docs: &[OutputDocument]) -> Reader {
        let dir =
            std::env::temp_dir().join(format!("newsfacts-query-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("store.db");
        let mut writer = Writer::open(&path).expect("open for writing");
        writer.write_batch(docs).expect("write");
        drop(writer);
        Reader::open(&path).expect("open read-only")
    }

    /// Four invented reports: the EU's shells pledge told twice (different nouns, a later and
    /// larger delivery figure), Germany's tanks, and an EU pledge of money.
    fn ledger_reports() -> Vec<OutputDocument> {
        use crate::example::{InventedReport, invented_ledger_document};
        let report = |id, published, pledger, pledged, delivered, unit| {
            invented_ledger_document(&InventedReport {
                id,
                published,
                pledger,
                recipient: "Ukraine",
                pledged,
                delivered,
                unit,
            })
        };
        vec![
            report(
                "march.txt",
                Some("2024-03-20"),
                "EU states",
                Some((1_000_000.0, "artillery shells")),
                &[(224_000.0, "ammunition rounds"), (2_300.0, "missiles")],
                None,
            ),
            report(
                "june.txt",
                Some("2024-06-02"),
                "The EU states",
                Some((1_000_000.0, "shells")),
                &[(300_000.0, "shells")],
                None,
            ),
            report(
                "tanks.txt",
                Some("2024-04-01"),
                "Germany",
                Some((40.0, "tanks")),
                &[(12.0, "tanks")],
                None,
            ),
            report(
                "money.txt",
                None,
                "EU states",
                Some((5_000_000.0, "artillery shells")),
                &[],
                Some("EUR"),
            ),
        ]
    }

    #[test]
    fn a_yearly_supply_keeps_its_period_in_a_column_and_apart_from_one_off_deliveries() {
        let mut docs = ledger_reports();
        let mut yearly = docs[2].clone();
        yearly.id = "tanks-yearly.txt".into();
        yearly.url = Some("https://example.org/tanks-yearly".into());
        yearly.text.push_str(" Every year.");
        for entry in &mut yearly.ledger {
            for amount in entry.pledged.iter_mut().chain(entry.delivered.iter_mut()) {
                amount.per = Some("year".into());
            }
        }
        docs.push(yearly);
        let store = store_of("per", &docs);
        let stored: Vec<(Option<String>, Option<String>)> = store
            .conn()
            .prepare("SELECT DISTINCT unit, per FROM ledger_amounts ORDER BY per, unit")
            .expect("prepare")
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(
            stored,
            vec![
                (None, None),
                (Some("EUR".into()), None),
                (None, Some("year".into()))
            ]
        );
        let tanks = store
            .ledger_totals(
                &LedgerFilter {
                    item: Some("tank".into()),
                    ..LedgerFilter::default()
                },
                10,
            )
            .expect("totals");
        let periods: Vec<(Option<&str>, Option<f64>, Option<f64>)> = tanks
            .iter()
            .map(|t| (t.per.as_deref(), t.pledged, t.delivered))
            .collect();
        assert_eq!(periods.len(), 2, "{tanks:#?}");
        assert!(periods.contains(&(None, Some(40.0), Some(12.0))));
        assert!(periods.contains(&(Some("year"), Some(40.0), Some(12.0))));
    }

    #[test]
    fn ledger_totals_join_one_pledge_across_articles_and_keep_units_apart() {
        let store = store_of("totals", &ledger_reports());
        assert_eq!(store.counts().expect("counts").ledger_amounts, 8);
        let totals = store
            .ledger_totals(&LedgerFilter::default(), 10)
            .expect("totals");
        assert_eq!(totals.len(), 3, "{totals:#?}");
        let shells = &totals[0];
        assert_eq!(
            shells.pledger, "The EU states",
            "named as the latest report names it"
        );
        assert_eq!(shells.item_key, "shell");
        assert_eq!(shells.unit, None);
        assert_eq!(shells.articles, 2);
        assert_eq!(
            shells.pledged,
            Some(1_000_000.0),
            "a restated pledge counts once"
        );
        assert_eq!(
            shells.delivered,
            Some(300_000.0),
            "the largest running total"
        );
        assert_eq!(shells.fulfilment, Some(0.3));
        assert_eq!(
            shells.items,
            [
                "artillery shells",
                "ammunition rounds",
                "missiles",
                "shells"
            ]
        );
        let sources: Vec<&str> = shells
            .reports
            .iter()
            .map(|r| r.article.id.as_str())
            .collect();
        assert_eq!(sources, ["march.txt", "june.txt"]);
        assert_eq!(shells.reports[0].delivered, Some(226_300.0));
        assert_eq!(
            shells.latest.as_ref().map(|r| r.article.id.as_str()),
            Some("june.txt")
        );
        let evidence: Vec<&str> = shells.reports[0]
            .evidence
            .iter()
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(
            evidence,
            [
                "pledged",
                "delivered",
                "1000000 artillery shells",
                "224000 ammunition rounds",
                "2300 missiles"
            ]
        );
        let money = totals
            .iter()
            .find(|t| t.unit.as_deref() == Some("EUR"))
            .expect("the money pledge stands apart");
        assert_eq!(money.pledged, Some(5_000_000.0));
        assert_eq!(money.delivered, None);
        assert_eq!(money.fulfilment, None);

        let tanks = store
            .ledger_totals(
                &LedgerFilter {
                    item: Some("TANK".into()),
                    ..LedgerFilter::default()
                },
                10,
            )
            .expect("filtered");
        assert_eq!(tanks.len(), 1);
        assert_eq!(tanks[0].pledger, "Germany");
        assert_eq!(tanks[0].fulfilment, Some(0.3));
        let hits = store
            .ledger(
                &LedgerFilter {
                    pledger: Some("eu".into()),
                    recipient: Some("ukr".into()),
                    item: None,
                },
                10,
            )
            .expect("entries");
        assert_eq!(hits.len(), 3);
        assert!(hits.iter().all(|h| h.entry_index == 0));
        let hostile = LedgerFilter {
            pledger: Some("%_\\'; DROP TABLE ledger; --".into()),
            ..LedgerFilter::default()
        };
        assert!(
            store
                .ledger_totals(&hostile, 10)
                .expect("no SQL error")
                .is_empty()
        );
        assert!(store.ledger(&hostile, 10).expect("no SQL error").is_empty());
        assert_eq!(
            store
                .ledger_totals(&LedgerFilter::default(), 1)
                .expect("limit")
                .len(),
            1
        );
    }

    #[test]
    fn the_reader_cannot_write() {
        let store = store_with_example("readonly");
        assert!(store.conn().execute("DELETE FROM quotes", []).is_err());
    }
}
