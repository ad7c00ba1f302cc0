//! Main-text extraction accuracy on the article-extraction-benchmark pages in `../shared`, with
//! the benchmark's own metric (4-token shingles, macro-averaged precision and recall, F1 from
//! those). Prints the figures and asserts the bar newsfacts is held to.

use newsfacts_eval::extraction::{load_aeb, newsfacts_body, score_predictions};

/// The F1 newsfacts must reach on this benchmark.
const F1_BAR: f64 = 0.96;

#[test]
fn article_extraction_benchmark_f1() {
    let Some(dir) = newsfacts_testdata::shared("eval/extraction/scrapinghub-aeb") else {
        return;
    };
    let pages = match load_aeb(&dir) {
        Ok(pages) => pages,
        Err(error) => panic!("the article-extraction-benchmark could not be read: {error}"),
    };
    assert_eq!(pages.len(), 181, "the benchmark has 181 pages");
    let predictions: Vec<String> = pages
        .iter()
        .map(|page| newsfacts_body(&page.html, page.url.as_deref()))
        .collect();
    let (score, _) = score_predictions(&pages, &predictions);
    println!(
        "article-extraction-benchmark: precision {:.4} recall {:.4} F1 {:.4} exact {:.4} over {} pages",
        score.precision, score.recall, score.f1, score.accuracy, score.pages
    );
    assert!(score.f1 >= F1_BAR, "F1 {:.4} fell below {F1_BAR}", score.f1);
}
