//! The JSON API. Every list comes wrapped in an object named for what it holds
//! (`{"quotes": [...]}`), each item the contract's object (`docs/schema.md`) plus an `article`
//! reference; `assets/openapi.json` documents it all.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use newsfacts_store::query::{EventFilter, LedgerFilter, MARK_END, MARK_START, QuoteFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::AppState;
use crate::pool::PoolError;

/// The OpenAPI description of this API, compiled in.
pub const OPENAPI: &str = include_str!("../assets/openapi.json");

/// Results per request unless asked otherwise, and the most ever returned.
pub const DEFAULT_LIMIT: usize = 50;
pub const MAX_LIMIT: usize = 500;

pub(crate) fn clamp_limit(limit: Option<usize>) -> usize {
    limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
}

/// An API failure, answered as `{"error": "..."}`.
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub fn not_found(what: &str) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: format!("{what} not found"),
        }
    }
}

impl From<PoolError> for ApiError {
    fn from(err: PoolError) -> ApiError {
        let status = match &err {
            PoolError::Store(store) if store.is_interrupted() => StatusCode::SERVICE_UNAVAILABLE,
            PoolError::Closed => StatusCode::SERVICE_UNAVAILABLE,
            PoolError::Store(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let message = match &err {
            PoolError::Store(store) if store.is_interrupted() => {
                "the query took too long; narrow it down".to_string()
            }
            other => other.to_string(),
        };
        ApiError { status, message }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

/// `{"<name>": items}`, serialized straight from the items (going through `serde_json::Value`
/// would widen the contract's f32 confidences into long decimals).
fn wrapped<T: Serialize>(name: &'static str, items: T) -> Json<BTreeMap<&'static str, T>> {
    Json(BTreeMap::from([(name, items)]))
}

pub async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

#[derive(Deserialize)]
pub struct QuotesParams {
    speaker: Option<String>,
    text: Option<String>,
    limit: Option<usize>,
}

pub async fn quotes(
    State(state): State<Arc<AppState>>,
    Query(params): Query<QuotesParams>,
) -> Result<impl IntoResponse, ApiError> {
    let filter = QuoteFilter {
        speaker: params.speaker.filter(|s| !s.trim().is_empty()),
        text: params.text.filter(|s| !s.trim().is_empty()),
        speaker_exact: None,
    };
    let limit = clamp_limit(params.limit);
    let hits = state
        .pool
        .run(move |reader| reader.quotes(&filter, limit))
        .await?;
    Ok(wrapped("quotes", hits))
}

#[derive(Deserialize)]
pub struct PeopleParams {
    name: String,
    limit: Option<usize>,
}

pub async fn people(
    State(state): State<Arc<AppState>>,
    Query(params): Query<PeopleParams>,
) -> Result<impl IntoResponse, ApiError> {
    let limit = clamp_limit(params.limit);
    let hits = state
        .pool
        .run(move |reader| reader.people(&params.name, limit))
        .await?;
    Ok(wrapped("people", hits))
}

#[derive(Deserialize)]
pub struct ChecksParams {
    #[serde(default)]
    failed: bool,
    limit: Option<usize>,
}

pub async fn checks(
    State(state): State<Arc<AppState>>,
    Query(params): Query<ChecksParams>,
) -> Result<impl IntoResponse, ApiError> {
    let limit = clamp_limit(params.limit);
    let hits = state
        .pool
        .run(move |reader| reader.checks(params.failed, limit))
        .await?;
    Ok(wrapped("checks", hits))
}

#[derive(Deserialize)]
pub struct LimitParams {
    limit: Option<usize>,
}

#[derive(Deserialize)]
pub struct LedgerParams {
    pledger: Option<String>,
    recipient: Option<String>,
    item: Option<String>,
    limit: Option<usize>,
}

impl LedgerParams {
    fn filter(self) -> (LedgerFilter, usize) {
        let limit = clamp_limit(self.limit);
        let filter = LedgerFilter {
            pledger: self.pledger,
            recipient: self.recipient,
            item: self.item,
        };
        (filter, limit)
    }
}

#[derive(Deserialize)]
pub struct EventParams {
    plover: Option<String>,
    actor: Option<String>,
    recipient: Option<String>,
    asserted: Option<bool>,
    limit: Option<usize>,
}

/// Events by PLOVER type, actor and recipient.
pub async fn events(
    State(state): State<Arc<AppState>>,
    Query(params): Query<EventParams>,
) -> Result<impl IntoResponse, ApiError> {
    let limit = clamp_limit(params.limit);
    let filter = EventFilter {
        plover: params.plover,
        actor: params.actor,
        recipient: params.recipient,
        asserted: params.asserted.unwrap_or(false),
    };
    let hits = state
        .pool
        .run(move |reader| reader.events(&filter, limit))
        .await?;
    Ok(wrapped("events", hits))
}

/// Each article's ledger entries.
pub async fn ledger(
    State(state): State<Arc<AppState>>,
    Query(params): Query<LedgerParams>,
) -> Result<impl IntoResponse, ApiError> {
    let (filter, limit) = params.filter();
    let hits = state
        .pool
        .run(move |reader| reader.ledger(&filter, limit))
        .await?;
    Ok(wrapped("ledger", hits))
}

/// The ledger aggregated across articles.
pub async fn ledger_totals(
    State(state): State<Arc<AppState>>,
    Query(params): Query<LedgerParams>,
) -> Result<impl IntoResponse, ApiError> {
    let (filter, limit) = params.filter();
    let totals = state
        .pool
        .run(move |reader| reader.ledger_totals(&filter, limit))
        .await?;
    Ok(wrapped("ledger_totals", totals))
}

pub async fn speakers(
    State(state): State<Arc<AppState>>,
    Query(params): Query<LimitParams>,
) -> Result<impl IntoResponse, ApiError> {
    let limit = clamp_limit(params.limit);
    let hits = state
        .pool
        .run(move |reader| reader.top_speakers(limit))
        .await?;
    Ok(wrapped("speakers", hits))
}

#[derive(Deserialize)]
pub struct ArticlesParams {
    q: Option<String>,
    limit: Option<usize>,
}

pub async fn articles(
    State(state): State<Arc<AppState>>,
    Query(params): Query<ArticlesParams>,
) -> Result<impl IntoResponse, ApiError> {
    let limit = clamp_limit(params.limit);
    let query = params.q.filter(|q| !q.trim().is_empty());
    let hits = state
        .pool
        .run(move |reader| match query {
            Some(words) => reader.search_articles(&words, limit).map(|hits| {
                hits.into_iter()
                    .map(|hit| {
                        // The API's snippet is plain text: the match marks are for pages.
                        let snippet: String = hit
                            .snippet
                            .chars()
                            .filter(|&c| c != MARK_START && c != MARK_END)
                            .collect();
                        json!({ "article": hit.article, "snippet": snippet })
                    })
                    .collect::<Vec<_>>()
            }),
            None => reader.recent_articles(limit).map(|articles| {
                articles
                    .into_iter()
                    .map(|article| json!({ "article": article }))
                    .collect()
            }),
        })
        .await?;
    Ok(wrapped("articles", hits))
}

pub async fn article(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let Ok(store_id) = id.parse::<i64>() else {
        return Err(ApiError::not_found("article"));
    };
    let found = state
        .pool
        .run(move |reader| reader.article(store_id))
        .await?;
    match found {
        // The stored document is the contract's object as is.
        Some((_, document)) => Ok(Json(document).into_response()),
        None => Err(ApiError::not_found("article")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{app, get};
    use newsfacts_store::example::invented_document;
    use serde_json::Value;

    #[tokio::test]
    async fn lists_come_wrapped_with_the_contract_field_names() {
        let app = app("api", &[invented_document("ferries.txt", None)]);
        let (status, content_type, body) = get(&app, "/api/quotes?speaker=pike").await;
        assert_eq!(status, StatusCode::OK);
        assert!(content_type.starts_with("application/json"));
        assert!(
            body.contains("\"confidence\":0.7}"),
            "f32 kept short: {body}"
        );
        let value: Value = serde_json::from_str(&body).expect("json");
        let quotes = value["quotes"].as_array().expect("quotes list");
        assert_eq!(quotes.len(), 1);
        for field in [
            "id",
            "kind",
            "text",
            "spans",
            "cue",
            "speaker",
            "confidence",
        ] {
            assert!(quotes[0].get(field).is_some(), "quote field {field}");
        }
        assert_eq!(quotes[0]["speaker"]["name"], "Jon Pike");
        assert_eq!(quotes[0]["article"]["store_id"], 1);

        let (_, _, body) = get(&app, "/api/quotes?text=electric%20crossing").await;
        let value: Value = serde_json::from_str(&body).expect("json");
        assert_eq!(value["quotes"][0]["id"], "q3");

        for (uri, name, count) in [
            ("/api/people?name=ruiz", "people", 1),
            ("/api/checks?failed=true", "checks", 1),
            ("/api/ledger", "ledger", 1),
            ("/api/ledger?pledger=ruiz&item=boat", "ledger", 1),
            ("/api/ledger?item=tanks", "ledger", 0),
            ("/api/ledger/totals", "ledger_totals", 1),
            ("/api/ledger/totals?recipient=islands", "ledger_totals", 1),
            ("/api/events", "events", 1),
            (
                "/api/events?plover=AGREE&actor=ruiz&asserted=true",
                "events",
                1,
            ),
            ("/api/events?plover=ASSAULT", "events", 0),
            ("/api/articles?q=ferries", "articles", 1),
            ("/api/articles", "articles", 1),
            ("/api/speakers", "speakers", 2),
        ] {
            let (status, _, body) = get(&app, uri).await;
            assert_eq!(status, StatusCode::OK, "{uri}");
            let value: Value = serde_json::from_str(&body).expect("json");
            assert_eq!(
                value[name].as_array().map(Vec::len),
                Some(count),
                "{uri}: {body}"
            );
        }
        let (_, _, body) = get(&app, "/api/articles/1").await;
        let doc: Value = serde_json::from_str(&body).expect("json");
        assert_eq!(doc["schema"], "newsfacts/1");
        assert_eq!(doc["quotes"].as_array().map(Vec::len), Some(3));
        let (status, _, _) = get(&app, "/api/articles/7").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) = get(&app, "/api/articles/x'--").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) = get(&app, "/api/people").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let (status, _, _) = get(&app, "/api/events?asserted=maybe").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
    }

    #[tokio::test]
    async fn the_openapi_file_documents_every_api_route() {
        let app = app("openapi", &[]);
        let (status, _, body) = get(&app, "/api/openapi.json").await;
        assert_eq!(status, StatusCode::OK);
        let spec: Value = serde_json::from_str(&body).expect("the OpenAPI file is JSON");
        assert!(
            spec["openapi"]
                .as_str()
                .is_some_and(|v| v.starts_with("3."))
        );
        let paths = spec["paths"].as_object().expect("paths");
        for path in [
            "/api/quotes",
            "/api/people",
            "/api/checks",
            "/api/ledger",
            "/api/ledger/totals",
            "/api/events",
            "/api/articles",
            "/api/articles/{id}",
            "/api/speakers",
        ] {
            assert!(paths.contains_key(path), "{path} undocumented");
        }
    }
}
