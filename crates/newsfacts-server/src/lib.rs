//! The newsfacts web server: a JSON API (documented in `assets/openapi.json`, served at
//! `/api/openapi.json`) and server-rendered pages over a newsfacts store — search, an article
//! with every fact highlighted on its words, a speaker's quotes and roles over time, the ledger.
//!
//! Safe by default: it listens where it is told (the CLI's default is loopback), opens the store
//! read-only, bounds request size, URI length, concurrent requests and time (both per request
//! and per SQL query), runs only parameterised SQL (the store's queries), and escapes every piece
//! of text it puts into HTML. Pages carry a strict Content-Security-Policy; every asset is
//! compiled into the binary and nothing is loaded from the network.

mod api;
mod highlight;
mod html;
mod pages;
mod pool;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower::ServiceBuilder;
use tower::limit::ConcurrencyLimitLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

pub use highlight::render_article_text;
pub use pool::ReaderPool;

/// What can stop the server from starting or serving.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Store(#[from] newsfacts_store::StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

/// Limits a request must stay within.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest request body accepted (the API only reads; bodies are not expected).
    pub body_bytes: usize,
    /// Longest request target (path and query) accepted.
    pub uri_bytes: usize,
    /// Time a request may take before it is answered 408.
    pub request_time: Duration,
    /// Time one SQL query may run before SQLite interrupts it.
    pub query_time: Duration,
    /// Requests handled at once; more wait their turn.
    pub concurrent_requests: usize,
    /// Read-only database connections kept open.
    pub connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body_bytes: 16 * 1024,
            uri_bytes: 4 * 1024,
            request_time: Duration::from_secs(10),
            query_time: Duration::from_secs(5),
            concurrent_requests: 256,
            connections: 8,
        }
    }
}

/// Where the store is and how to serve it.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub db: PathBuf,
    pub addr: SocketAddr,
    pub limits: Limits,
}

/// Shared by every handler.
pub(crate) struct AppState {
    pub pool: ReaderPool,
}

/// The whole application: pages, API and assets behind the safety layers.
pub fn router(pool: ReaderPool, limits: Limits) -> Router {
    let state = Arc::new(AppState { pool });
    let uri_limit = limits.uri_bytes;
    Router::new()
        .route("/", get(pages::search))
        .route("/article/{id}", get(pages::article))
        .route("/speaker", get(pages::speaker))
        .route("/ledger", get(pages::ledger))
        .route("/events", get(pages::events))
        .route("/checks", get(pages::checks))
        .route("/assets/style.css", get(pages::stylesheet))
        .route("/api/openapi.json", get(api::openapi))
        .route("/api/quotes", get(api::quotes))
        .route("/api/people", get(api::people))
        .route("/api/checks", get(api::checks))
        .route("/api/ledger", get(api::ledger))
        .route("/api/ledger/totals", get(api::ledger_totals))
        .route("/api/events", get(api::events))
        .route("/api/articles", get(api::articles))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/speakers", get(api::speakers))
        .fallback(pages::not_found)
        .with_state(state)
        .layer(middleware::from_fn(move |request: Request, next: Next| {
            reject_long_uri(request, next, uri_limit)
        }))
        .layer(
            ServiceBuilder::new()
                .layer(ConcurrencyLimitLayer::new(limits.concurrent_requests))
                .layer(RequestBodyLimitLayer::new(limits.body_bytes))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    limits.request_time,
                ))
                .layer(SetResponseHeaderLayer::overriding(
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(
                        "default-src 'none'; style-src 'self'; img-src 'self'; \
                         form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
                    ),
                ))
                .layer(SetResponseHeaderLayer::overriding(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ))
                .layer(SetResponseHeaderLayer::overriding(
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("no-referrer"),
                )),
        )
}

async fn reject_long_uri(request: Request, next: Next, limit: usize) -> Response {
    let length = request
        .uri()
        .path_and_query()
        .map_or(0, |target| target.as_str().len());
    if length > limit {
        return (StatusCode::URI_TOO_LONG, "request target too long").into_response();
    }
    next.run(request).await
}

/// Serves until Ctrl-C. `on_ready` is called with the bound address once the socket listens
/// (the address matters when port 0 was asked for).
pub async fn serve(
    config: ServerConfig,
    on_ready: impl FnOnce(SocketAddr),
) -> Result<(), ServerError> {
    let pool = ReaderPool::open(&config.db, config.limits)?;
    let app = router(pool, config.limits);
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServerError::Bind {
            addr: config.addr,
            source,
        })?;
    on_ready(listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// [`serve`] on a runtime of its own, for callers without one (the CLI).
pub fn run(config: ServerConfig, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(config, on_ready))
}

#[cfg(test)]
pub(crate) mod testing {
    //! A store holding the invented example article, and a way to send requests to the router.

    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    use super::*;

    pub fn example_store(name: &str, docs: &[newsfacts_doc::json::OutputDocument]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("newsfacts-server-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("store.db");
        let mut writer = newsfacts_store::Writer::open(&path).expect("open for writing");
        writer.write_batch(docs).expect("write");
        path
    }

    pub fn app(name: &str, docs: &[newsfacts_doc::json::OutputDocument]) -> Router {
        let path = example_store(name, docs);
        let pool = ReaderPool::open(&path, Limits::default()).expect("pool");
        router(pool, Limits::default())
    }

    /// Sends a GET and returns status, content type and body.
    pub async fn get(app: &Router, uri: &str) -> (StatusCode, String, String) {
        let response = app
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        let status = response.status();
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 24)
            .await
            .expect("body");
        (
            status,
            content_type,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{app, get};
    use super::{Limits, ReaderPool, StatusCode, header};
    use newsfacts_store::example::invented_document;

    #[tokio::test]
    async fn safety_headers_and_limits_apply_to_every_response() {
        let app = app("limits", &[invented_document("a", None)]);
        let long = format!("/api/quotes?text={}", "a".repeat(5000));
        let (status, _, _) = get(&app, &long).await;
        assert_eq!(status, StatusCode::URI_TOO_LONG);
        let response = tower::ServiceExt::oneshot(
            app.clone(),
            axum::http::Request::get("/")
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await
        .expect("infallible");
        let csp = response
            .headers()
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(csp.contains("default-src 'none'"));
        let (status, _, _) = get(&app, "/no/such/page").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    #[test]
    fn a_missing_store_is_an_error_not_a_new_file() {
        let path = std::env::temp_dir().join(format!(
            "newsfacts-server-missing-{}.db",
            std::process::id()
        ));
        assert!(ReaderPool::open(&path, Limits::default()).is_err());
        assert!(!path.exists());
    }
}
