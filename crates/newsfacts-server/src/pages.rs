//! The server-rendered pages: search, article, speaker, events, ledger, failed checks. Plain
//! HTML and one embedded stylesheet; no script, so the Content-Security-Policy can forbid all of
//! it.

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use newsfacts_doc::{LedgerAmount, format_number};
use newsfacts_store::query::{EventFilter, LedgerFilter, MARK_END, MARK_START, QuoteFilter};
use serde::Deserialize;

use crate::AppState;
use crate::highlight::{quote_anchor, render_article_text};
use crate::html::{article_link, escape, page, speaker_link};
use crate::pool::PoolError;

const STYLESHEET: &str = include_str!("../assets/style.css");

/// How many results a page lists.
const PAGE_RESULTS: usize = 100;

/// A page that could not be shown, rendered as a page saying why.
pub struct PageError {
    status: StatusCode,
    message: String,
}

impl From<PoolError> for PageError {
    fn from(err: PoolError) -> PageError {
        let interrupted = matches!(&err, PoolError::Store(store) if store.is_interrupted());
        PageError {
            status: if interrupted {
                StatusCode::SERVICE_UNAVAILABLE
            } else {
                StatusCode::INTERNAL_SERVER_ERROR
            },
            message: if interrupted {
                "The search took too long; try fewer or rarer words.".into()
            } else {
                err.to_string()
            },
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let body = format!("<h1>{}</h1><p>{}</p>", self.status, escape(&self.message));
        (self.status, Html(page("Error", "", &body))).into_response()
    }
}

fn not_found_error(what: &str) -> PageError {
    PageError {
        status: StatusCode::NOT_FOUND,
        message: format!("No such {what}."),
    }
}

pub async fn not_found() -> PageError {
    not_found_error("page")
}

pub async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
}

/// A snippet from the store with its match marks turned into `<mark>`, everything else escaped.
fn snippet_html(snippet: &str) -> String {
    escape_keeping_marks(snippet)
        .replace(MARK_START, "<mark>")
        .replace(MARK_END, "</mark>")
}

fn escape_keeping_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive([MARK_START, MARK_END]) {
        let (body, mark) = match piece.chars().last() {
            Some(c) if c == MARK_START || c == MARK_END => {
                (&piece[..piece.len() - c.len_utf8()], Some(c))
            }
            _ => (piece, None),
        };
        out.push_str(&escape(body));
        if let Some(mark) = mark {
            out.push(mark);
        }
    }
    out
}

fn date_of(article: &newsfacts_store::ArticleRef) -> String {
    escape(article.published.as_deref().unwrap_or("undated"))
}

#[derive(Deserialize)]
pub struct SearchParams {
    q: Option<String>,
}

/// Search page: articles and quotes containing the words, or, with no words, the latest
/// articles and the most quoted speakers.
pub async fn search(
    State(state): State<Arc<AppState>>,
    Query(params): Query<SearchParams>,
) -> Result<Html<String>, PageError> {
    let query = params.q.unwrap_or_default();
    let words = query.trim().to_string();
    let mut body = String::new();
    if words.is_empty() {
        let (recent, speakers) = state
            .pool
            .run(|reader| Ok((reader.recent_articles(30)?, reader.top_speakers(30)?)))
            .await?;
        body.push_str("<h1>Latest articles</h1><ul class=\"results\">");
        for article in &recent {
            let _ = write!(
                body,
                "<li>{} <span class=\"meta\">{}</span></li>",
                article_link(article),
                date_of(article)
            );
        }
        body.push_str("</ul><h1>Most quoted</h1><ul class=\"results\">");
        for speaker in &speakers {
            let _ = write!(
                body,
                "<li>{} <span class=\"meta\">{} quotes in {} articles</span></li>",
                speaker_link(&speaker.name),
                speaker.quotes,
                speaker.articles
            );
        }
        body.push_str("</ul>");
        return Ok(Html(page("Search", "", &body)));
    }
    let text = words.clone();
    let (articles, quotes) = state
        .pool
        .run(move |reader| {
            let filter = QuoteFilter {
                text: Some(text.clone()),
                ..QuoteFilter::default()
            };
            Ok((
                reader.search_articles(&text, PAGE_RESULTS)?,
                reader.quotes(&filter, PAGE_RESULTS)?,
            ))
        })
        .await?;
    let _ = write!(
        body,
        "<h1>Quotes with “{}” <span class=\"count\">{}</span></h1><ul class=\"results quotes\">",
        escape(&words),
        quotes.len()
    );
    for hit in &quotes {
        let speaker = hit
            .quote
            .speaker
            .as_ref()
            .map_or("<em>unknown</em>".to_string(), |s| speaker_link(&s.name));
        let _ = write!(
            body,
            "<li>{speaker}: “{}” <span class=\"meta\">{} · {}</span></li>",
            escape(&hit.quote.text),
            article_link(&hit.article),
            date_of(&hit.article)
        );
    }
    let _ = write!(
        body,
        "</ul><h1>Articles with “{}” <span class=\"count\">{}</span></h1><ul class=\"results articles\">",
        escape(&words),
        articles.len()
    );
    for hit in &articles {
        let _ = write!(
            body,
            "<li>{} <span class=\"meta\">{}</span><p class=\"snippet\">{}</p></li>",
            article_link(&hit.article),
            date_of(&hit.article),
            snippet_html(&hit.snippet)
        );
    }
    body.push_str("</ul>");
    Ok(Html(page(&format!("Search: {words}"), &words, &body)))
}

/// Article page: the text with every fact highlighted, beside the panel listing them.
pub async fn article(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    let Ok(store_id) = id.parse::<i64>() else {
        return Err(not_found_error("article"));
    };
    let Some((article, doc)) = state
        .pool
        .run(move |reader| reader.article(store_id))
        .await?
    else {
        return Err(not_found_error("article"));
    };
    let rendered = render_article_text(&doc);
    let title = article.title.clone().unwrap_or_else(|| article.id.clone());
    let mut body = String::new();
    let _ = write!(
        body,
        "<article class=\"story\"><h1>{}</h1><p class=\"meta\">",
        escape(&title)
    );
    if let Some(published) = &doc.published {
        let _ = write!(body, "{} · ", escape(published));
    }
    if !doc.byline.is_empty() {
        let _ = write!(body, "{} · ", escape(&doc.byline.join(", ")));
    }
    match &doc.url {
        // Shown as text, not a link: pages link nowhere off this server.
        Some(url) => {
            let _ = write!(body, "<span class=\"url\">{}</span>", escape(url));
        }
        None => {
            let _ = write!(body, "{}", escape(&doc.id));
        }
    }
    let _ = write!(
        body,
        " · <a href=\"/api/articles/{store_id}\">JSON</a></p>\
         <div class=\"layout\"><div class=\"text\" id=\"article-text\">{}</div>\
         <aside class=\"panel\" id=\"facts\">{}</aside></div></article>",
        rendered.text_html, rendered.panel_html
    );
    Ok(Html(page(&title, "", &body)))
}

#[derive(Deserialize)]
pub struct SpeakerParams {
    name: Option<String>,
}

/// Speaker page: every quote by one speaker, and the roles articles gave them over time.
pub async fn speaker(
    State(state): State<Arc<AppState>>,
    Query(params): Query<SpeakerParams>,
) -> Result<Html<String>, PageError> {
    let name = params.name.unwrap_or_default().trim().to_string();
    if name.is_empty() {
        return Err(not_found_error("speaker"));
    }
    let lookup = name.clone();
    let (quotes, roles) = state
        .pool
        .run(move |reader| {
            let filter = QuoteFilter {
                speaker_exact: Some(lookup.clone()),
                ..QuoteFilter::default()
            };
            Ok((
                reader.quotes(&filter, 1000)?,
                reader.roles_of(&lookup, 1000)?,
            ))
        })
        .await?;
    let mut body = String::new();
    let _ = write!(body, "<h1>{}</h1>", escape(&name));
    let _ = write!(
        body,
        "<h2>Roles over time <span class=\"count\">{}</span></h2><table class=\"roles\">\
         <thead><tr><th>date</th><th>role</th><th>organisation</th><th>article</th></tr></thead><tbody>",
        roles.len()
    );
    for role in &roles {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            date_of(&role.article),
            escape(&role.text),
            escape(role.org.as_deref().unwrap_or("")),
            article_link(&role.article)
        );
    }
    let _ = write!(
        body,
        "</tbody></table><h2>Quotes <span class=\"count\">{}</span></h2><ol class=\"results quotes\">",
        quotes.len()
    );
    for hit in &quotes {
        let _ = write!(
            body,
            "<li><span class=\"meta\">{}</span> <a href=\"/article/{}#{}\">“{}”</a> \
             <span class=\"meta\">{} · {}</span></li>",
            date_of(&hit.article),
            hit.article.store_id,
            quote_anchor(&hit.quote.id),
            escape(&hit.quote.text),
            escape(
                &serde_json::to_value(hit.quote.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            ),
            article_link(&hit.article),
        );
    }
    body.push_str("</ol>");
    Ok(Html(page(&name, "", &body)))
}

#[derive(Deserialize)]
pub struct EventsPageParams {
    plover: Option<String>,
    actor: Option<String>,
    recipient: Option<String>,
    /// A checkbox: present ("on") when ticked.
    asserted: Option<String>,
}

/// Events page: who did what to whom across articles, filtered by PLOVER type, actor and
/// recipient, each event linked to its trigger on the article's page.
pub async fn events(
    State(state): State<Arc<AppState>>,
    Query(params): Query<EventsPageParams>,
) -> Result<Html<String>, PageError> {
    let filter = EventFilter {
        plover: params.plover.filter(|p| !p.is_empty()),
        actor: params.actor,
        recipient: params.recipient,
        asserted: params.asserted.is_some_and(|a| !a.is_empty()),
    };
    let form = events_form(&filter);
    let shown = filter.clone();
    let hits = state
        .pool
        .run(move |reader| reader.events(&shown, PAGE_RESULTS))
        .await?;
    let mut body = format!(
        "<h1>Events <span class=\"count\">{}</span></h1>{form}\
         <table class=\"events\"><thead><tr><th>date</th><th>type</th><th>actor → recipient</th>\
         <th>words</th><th>article</th></tr></thead><tbody>",
        hits.len()
    );
    for hit in &hits {
        let event = &hit.event;
        let mut notes = Vec::new();
        if let Some(mode) = &event.mode {
            notes.push(escape(mode));
        }
        if event.negated {
            notes.push("negated".into());
        }
        if event.hypothetical {
            notes.push("hypothetical".into());
        }
        if let Some(quote) = &event.claimed_in {
            notes.push(format!(
                "<a href=\"/article/{}#{}\">claimed in a quote</a>",
                hit.article.store_id,
                quote_anchor(quote)
            ));
        }
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}<div class=\"meta\">{}</div></td><td>{} → {}</td>\
             <td><a href=\"/article/{}#fact-event-{}\">“{}”</a>{}</td><td>{}</td></tr>",
            date_of(&hit.article),
            escape(&event.plover),
            notes.join(" · "),
            event
                .actor
                .as_ref()
                .map_or_else(|| "?".to_string(), |a| speaker_link(&a.name)),
            escape(event.recipient.as_ref().map_or("?", |r| r.name.as_str())),
            hit.article.store_id,
            hit.event_index,
            escape(&event.trigger.text),
            event
                .what
                .as_ref()
                .map(|what| format!(" <span class=\"meta\">{}</span>", escape(&what.text)))
                .unwrap_or_default(),
            article_link(&hit.article),
        );
    }
    body.push_str("</tbody></table>");
    if hits.is_empty() {
        body.push_str("<p class=\"empty\">No events match.</p>");
    }
    Ok(Html(page("Events", "", &body)))
}

fn events_form(filter: &EventFilter) -> String {
    let mut form = String::from(
        "<form class=\"events-filter\" action=\"/events\" method=\"get\">\
         <label>type <select name=\"plover\"><option value=\"\">any</option>",
    );
    let chosen = filter.plover.as_deref().unwrap_or("");
    for plover in newsfacts_doc::PLOVER_TYPES {
        let selected = if plover.eq_ignore_ascii_case(chosen) {
            " selected"
        } else {
            ""
        };
        let _ = write!(form, "<option{selected}>{plover}</option>");
    }
    form.push_str("</select></label> ");
    for (name, value) in [("actor", &filter.actor), ("recipient", &filter.recipient)] {
        let _ = write!(
            form,
            "<label>{name} <input type=\"search\" name=\"{name}\" value=\"{}\"></label> ",
            escape(value.as_deref().unwrap_or(""))
        );
    }
    let _ = write!(
        form,
        "<label><input type=\"checkbox\" name=\"asserted\"{}> only what the article states \
         happened</label> <button type=\"submit\">Filter</button></form>",
        if filter.asserted { " checked" } else { "" }
    );
    form
}

#[derive(Deserialize)]
pub struct LedgerPageParams {
    pledger: Option<String>,
    recipient: Option<String>,
    item: Option<String>,
}

/// Ledger page: each pledger → recipient → item across articles — what was pledged, the latest
/// delivered total, the fulfilment, and every article that reports it, linked to the words on
/// its page — then each article's entries.
pub async fn ledger(
    State(state): State<Arc<AppState>>,
    Query(params): Query<LedgerPageParams>,
) -> Result<Html<String>, PageError> {
    let filter = LedgerFilter {
        pledger: params.pledger,
        recipient: params.recipient,
        item: params.item,
    };
    let form = ledger_form(&filter);
    let (totals, entries) = state
        .pool
        .run(move |reader| {
            Ok((
                reader.ledger_totals(&filter, PAGE_RESULTS)?,
                reader.ledger(&filter, 1000)?,
            ))
        })
        .await?;
    let mut body = format!(
        "<h1>Ledger <span class=\"count\">{}</span></h1>{form}\
         <h2>Across articles</h2><table class=\"ledger ledger-totals\"><thead><tr>\
         <th>pledger → recipient</th><th>item</th><th>pledged</th><th>delivered</th>\
         <th>fulfilment</th><th>reported by</th></tr></thead><tbody>",
        totals.len()
    );
    for total in &totals {
        let mut sources = String::from("<ul class=\"sources\">");
        for report in &total.reports {
            let _ = write!(
                sources,
                "<li><a href=\"/article/{}#fact-ledger-{}\">{}</a> <span class=\"meta\">{}{}{}</span>{}</li>",
                report.article.store_id,
                report.entry_index,
                escape(
                    report
                        .article
                        .title
                        .as_deref()
                        .unwrap_or(&report.article.id)
                ),
                date_of(&report.article),
                report
                    .pledged
                    .map(|v| format!(
                        " · pledged {}",
                        escape(&amount(v, (total.unit.as_deref(), total.per.as_deref())))
                    ))
                    .unwrap_or_default(),
                report
                    .delivered
                    .map(|v| format!(
                        " · delivered {}",
                        escape(&amount(v, (total.unit.as_deref(), total.per.as_deref())))
                    ))
                    .unwrap_or_default(),
                report
                    .stated
                    .as_ref()
                    .map(|stated| format!(
                        " <span class=\"stated stated-{}\">the article says “{}”</span>",
                        escape(&enum_name(&stated.verdict)),
                        escape(&stated.claim.text)
                    ))
                    .unwrap_or_default(),
            );
        }
        sources.push_str("</ul>");
        let _ = write!(
            body,
            "<tr><td>{} → {}</td><td>{}<div class=\"meta\">{}</div></td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td></tr>",
            speaker_link(&total.pledger),
            escape(total.recipient.as_deref().unwrap_or("?")),
            escape(&total.item),
            escape(&total.items.join(", ")),
            escape(
                &total
                    .pledged
                    .map(|v| amount(v, (total.unit.as_deref(), total.per.as_deref())))
                    .unwrap_or_default()
            ),
            escape(
                &total
                    .delivered
                    .map(|v| amount(v, (total.unit.as_deref(), total.per.as_deref())))
                    .unwrap_or_default()
            ),
            percent(total.fulfilment),
            sources,
        );
    }
    let _ = write!(
        body,
        "</tbody></table><h2>Each article</h2><table class=\"ledger\"><thead><tr>\
         <th>pledger</th><th>recipient</th><th>item</th><th>pledged</th><th>delivered</th>\
         <th>fulfilment</th><th>evidence</th><th>article</th></tr></thead><tbody>"
    );
    for hit in &entries {
        let entry = &hit.entry;
        let pledged = entry.pledged.as_ref();
        let pledged_text = pledged
            .and_then(|p| p.value)
            .map(|v| {
                let dates: Vec<String> = [
                    pledged.and_then(|p| p.when.clone()),
                    pledged.and_then(|p| p.due.as_ref().map(|due| format!("due {due}"))),
                ]
                .into_iter()
                .flatten()
                .collect();
                let measure = pledged.map_or((None, None), LedgerAmount::measure);
                if dates.is_empty() {
                    amount(v, measure)
                } else {
                    format!("{} ({})", amount(v, measure), dates.join(", "))
                }
            })
            .unwrap_or_default();
        let delivered: Vec<String> = entry
            .delivered
            .iter()
            .map(|d| {
                format!(
                    "{}{}{}",
                    if d.approximate { "about " } else { "" },
                    d.value.map_or("?".into(), |v| amount(v, d.measure())),
                    d.item
                        .as_deref()
                        .map(|i| format!(" {i}"))
                        .unwrap_or_default()
                )
            })
            .collect();
        let evidence: Vec<String> = entry
            .evidence
            .iter()
            .map(|e| format!("“{}”", e.text))
            .collect();
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td><a href=\"/article/{}#fact-ledger-{}\">{}</a></td><td>{}</td></tr>",
            speaker_link(&entry.pledger.name),
            escape(entry.recipient.as_ref().map_or("", |r| r.name.as_str())),
            escape(&entry.item),
            escape(&pledged_text),
            escape(&delivered.join(", ")),
            percent(entry.fulfilment),
            hit.article.store_id,
            hit.entry_index,
            escape(&evidence.join(" ")),
            article_link(&hit.article),
        );
    }
    body.push_str("</tbody></table>");
    Ok(Html(page("Ledger", "", &body)))
}

/// The ledger's filter form, filled with what was asked.
fn ledger_form(filter: &LedgerFilter) -> String {
    let mut form = String::from("<form class=\"ledger-filter\" action=\"/ledger\" method=\"get\">");
    for (name, value) in [
        ("pledger", &filter.pledger),
        ("recipient", &filter.recipient),
        ("item", &filter.item),
    ] {
        let _ = write!(
            form,
            "<label>{name} <input type=\"search\" name=\"{name}\" value=\"{}\"></label> ",
            escape(value.as_deref().unwrap_or(""))
        );
    }
    form.push_str("<button type=\"submit\">Filter</button></form>");
    form
}

/// A ledger amount in its unit and period (see `LedgerAmount::measure`), digits grouped:
/// `1,000,000`, `EUR 5,000,000`, `2.5 t`, and for a recurring amount `2.5 t a year`.
fn amount(value: f64, (unit, per): (Option<&str>, Option<&str>)) -> String {
    let number = format_number(value);
    let measured = match unit {
        Some(unit) if unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase()) => {
            format!("{unit} {number}")
        }
        Some(unit) => format!("{number} {unit}"),
        None => number,
    };
    match per {
        Some(per) => format!("{measured} a {per}"),
        None => measured,
    }
}

fn percent(fraction: Option<f64>) -> String {
    fraction
        .map(|f| format!("{:.1}%", f * 100.0))
        .unwrap_or_default()
}

/// The contract's name of an enum value (`consistent`).
fn enum_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Failed checks: arithmetic claims the article's own numbers contradict.
pub async fn checks(State(state): State<Arc<AppState>>) -> Result<Html<String>, PageError> {
    let failed = state.pool.run(|reader| reader.checks(true, 1000)).await?;
    let mut body = format!(
        "<h1>Failed checks <span class=\"count\">{}</span></h1><ul class=\"results checks\">",
        failed.len()
    );
    for hit in &failed {
        let _ = write!(
            body,
            "<li class=\"check-failed\">“{}” <span class=\"meta\">{} · {} · {}</span></li>",
            escape(&hit.check.claim.text),
            escape(&hit.check.computation),
            article_link(&hit.article),
            date_of(&hit.article),
        );
    }
    body.push_str("</ul>");
    Ok(Html(page("Failed checks", "", &body)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{app, get};
    use newsfacts_store::example::invented_document;

    #[tokio::test]
    async fn every_page_renders_and_escapes_what_it_shows() {
        let mut hostile = invented_document("<b>x</b>", Some("https://example.org/<script>"));
        hostile.title = Some("<script>alert(1)</script>".into());
        let app = app("pages", &[invented_document("ferries.txt", None), hostile]);
        for uri in [
            "/",
            "/?q=ferries",
            "/?q=%3Cscript%3E",
            "/article/1",
            "/article/2",
            "/speaker?name=Ana%20Ruiz",
            "/ledger",
            "/ledger?pledger=%3Cscript%3E&item=boat",
            "/events",
            "/events?plover=AGREE&actor=%3Cscript%3E&asserted=on",
            "/checks",
        ] {
            let (status, content_type, body) = get(&app, uri).await;
            assert_eq!(status, StatusCode::OK, "{uri}");
            assert!(content_type.starts_with("text/html"), "{uri}");
            assert!(!body.contains("<script"), "{uri} leaks markup");
        }
        let (_, _, article) = get(&app, "/article/1").await;
        assert!(article.contains("data-speaker=\"Ana Ruiz\""));
        assert!(article.contains("id=\"facts\""));
        let (_, _, speaker) = get(&app, "/speaker?name=ana%20ruiz").await;
        assert!(speaker.contains("Every crossing will be electric."));
        assert!(speaker.contains("Board chair"));
        let (_, _, search) = get(&app, "/?q=islands").await;
        assert!(search.contains("<mark>islands</mark>"));
        let (status, _, _) = get(&app, "/article/99").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) = get(&app, "/speaker").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, content_type, _) = get(&app, "/assets/style.css").await;
        assert_eq!(status, StatusCode::OK);
        assert!(content_type.starts_with("text/css"));
    }

    #[tokio::test]
    async fn the_ledger_page_joins_reports_and_links_each_to_its_evidence() {
        use newsfacts_store::example::{InventedReport, invented_ledger_document};
        let report = |id, published, pledged, delivered: &'static [(f64, &'static str)]| {
            invented_ledger_document(&InventedReport {
                id,
                published: Some(published),
                pledger: "EU states",
                recipient: "Ukraine",
                pledged,
                delivered,
                unit: None,
            })
        };
        let app = app(
            "ledger-page",
            &[
                report(
                    "march.txt",
                    "2024-03-20",
                    Some((1_000_000.0, "artillery shells")),
                    &[(224_000.0, "ammunition rounds"), (2_300.0, "missiles")],
                ),
                report("june.txt", "2024-06-02", None, &[(300_000.0, "shells")]),
            ],
        );
        let (status, _, body) = get(&app, "/ledger").await;
        assert_eq!(status, StatusCode::OK);
        // The June report names no pledge: its delivery of shells counts against the March
        // pledge of artillery shells, and its running total is the latest.
        assert!(
            body.contains("<td>1,000,000</td><td>300,000</td><td>30.0%</td>"),
            "{body}"
        );
        assert!(
            body.contains("artillery shells, ammunition rounds, missiles, shells"),
            "{body}"
        );
        assert!(body.contains("href=\"/article/1#fact-ledger-0\""), "{body}");
        assert!(body.contains("href=\"/article/2#fact-ledger-0\""), "{body}");
        let (_, _, filtered) = get(&app, "/ledger?item=artillery").await;
        assert!(
            filtered.contains("<td>1,000,000</td><td>226,300</td><td>22.6%</td>"),
            "{filtered}"
        );
        assert!(!filtered.contains("/article/2#"), "{filtered}");
        assert!(filtered.contains("value=\"artillery\""));
        let (_, _, article) = get(&app, "/article/1").await;
        assert!(
            article.contains("id=\"fact-ledger-0\""),
            "the link's target exists"
        );
    }

    #[tokio::test]
    async fn the_events_page_filters_and_links_each_event_to_its_trigger() {
        let app = app("events-page", &[invented_document("ferries.txt", None)]);
        let (status, _, body) = get(&app, "/events").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            body.contains("href=\"/article/1#fact-event-0\">“pledged”</a>"),
            "{body}"
        );
        assert!(body.contains("Ana Ruiz"), "{body}");
        let (_, _, agree) = get(&app, "/events?plover=AGREE&asserted=on").await;
        assert!(agree.contains("#fact-event-0"), "{agree}");
        assert!(agree.contains("<option selected>AGREE</option>"), "{agree}");
        assert!(agree.contains("name=\"asserted\" checked"), "{agree}");
        let (_, _, none) = get(&app, "/events?plover=ASSAULT").await;
        assert!(none.contains("No events match."), "{none}");
        let (_, _, article) = get(&app, "/article/1").await;
        assert!(
            article.contains("id=\"fact-event-0\""),
            "the link's target exists"
        );
    }

    #[test]
    fn amounts_group_digits_and_place_their_unit() {
        assert_eq!(amount(1_000_000.0, (None, None)), "1,000,000");
        assert_eq!(amount(5e9, (Some("EUR"), None)), "EUR 5,000,000,000");
        assert_eq!(amount(2.5, (Some("t"), None)), "2.5 t");
        assert_eq!(
            amount(7.5e6, (Some("t"), Some("year"))),
            "7,500,000 t a year"
        );
        assert_eq!(amount(40.0, (None, Some("month"))), "40 a month");
        assert_eq!(
            amount(2e9, (Some("GBP"), Some("year"))),
            "GBP 2,000,000,000 a year"
        );
        assert_eq!(percent(Some(0.2263)), "22.6%");
    }

    #[test]
    fn snippet_marks_become_mark_elements_and_nothing_else_does() {
        let snippet = format!("a <b> {MARK_START}ferry{MARK_END} & more");
        assert_eq!(
            snippet_html(&snippet),
            "a &lt;b&gt; <mark>ferry</mark> &amp; more"
        );
    }
}
