//! Metadata accuracy (title, authors, publication date) on the fundus news pages in
//! `../shared`. Prints the scores and guards against regressions: the floors are the measured
//! accuracies rounded down, not targets.

use newsfacts_eval::metadata::{FieldCounts, load_fundus, read_page_html, score_fundus};
use newsfacts_ingest::html::meta::extract_metadata_from_html;

/// Floors for the English pages: (title, authors strict, authors lenient, date, language).
const ENGLISH_FLOORS: (f64, f64, f64, f64, f64) = (0.84, 0.94, 0.94, 1.0, 1.0);
/// Floors over all pages.
const ALL_FLOORS: (f64, f64, f64, f64, f64) = (0.82, 0.87, 0.88, 0.98, 0.99);

fn check(name: &str, counts: &FieldCounts, floors: (f64, f64, f64, f64, f64)) {
    let measured = [
        ("title", counts.title_accuracy(), floors.0),
        ("authors", counts.authors_strict_accuracy(), floors.1),
        (
            "authors-lenient",
            counts.authors_lenient_accuracy(),
            floors.2,
        ),
        ("date", counts.date_accuracy(), floors.3),
        ("language", counts.language_accuracy(), floors.4),
    ];
    for (field, accuracy, floor) in measured {
        assert!(
            accuracy >= floor,
            "{name} {field} accuracy {accuracy:.3} fell below {floor:.2}"
        );
    }
}

#[test]
fn fundus_news_metadata() {
    let Some(dir) = newsfacts_testdata::shared("eval/extraction/fundus-news") else {
        return;
    };
    let report = match score_fundus(&dir) {
        Ok(report) => report,
        Err(error) => panic!("fundus-news could not be scored: {error}"),
    };
    println!("fundus-news metadata, English: {}", report.english);
    println!("fundus-news metadata, all:     {}", report.all);
    if let Some(dump) = std::env::var_os("NEWSFACTS_EVAL_DUMP") {
        let written = serde_json::to_string_pretty(&report)
            .map_err(std::io::Error::other)
            .and_then(|json| std::fs::write(&dump, json));
        if let Err(error) = written {
            panic!("cannot write {}: {error}", dump.to_string_lossy());
        }
    }
    if std::env::var_os("NEWSFACTS_EVAL_VERBOSE").is_some() {
        for outcome in &report.outcomes {
            if outcome.title_ok && outcome.authors_strict_ok && outcome.date_ok {
                continue;
            }
            println!(
                "{} en={} title={} authors={}/{} date={}\n  title    want {:?}\n           got  {:?}\n  authors  want {:?}\n           got  {:?}\n  date     want {:?} got {:?}",
                outcome.page,
                outcome.english,
                outcome.title_ok,
                outcome.authors_strict_ok,
                outcome.authors_lenient_ok,
                outcome.date_ok,
                outcome.expected_title,
                outcome.got.title,
                outcome.expected_authors,
                outcome.got.authors,
                outcome.expected_date,
                outcome.got.date,
            );
        }
    }
    check("English", &report.english, ENGLISH_FLOORS);
    check("all", &report.all, ALL_FLOORS);
}

/// Real pages cut off mid-way (as interrupted downloads are) must not make extraction panic.
#[test]
fn truncated_pages_do_not_panic() {
    let Some(dir) = newsfacts_testdata::shared("eval/extraction/fundus-news") else {
        return;
    };
    let pages = match load_fundus(&dir) {
        Ok(pages) => pages,
        Err(error) => panic!("fundus-news could not be read: {error}"),
    };
    for page in pages.iter().step_by(8) {
        let html = match read_page_html(&dir, &page.page) {
            Ok(html) => html,
            Err(error) => panic!("{error}"),
        };
        for share in [3, 2] {
            let mut cut = html.len() / share;
            while !html.is_char_boundary(cut) {
                cut -= 1;
            }
            let meta = extract_metadata_from_html(&html[..cut], page.url.as_deref());
            assert!(meta.byline.iter().all(|name| !name.is_empty()));
        }
    }
}
