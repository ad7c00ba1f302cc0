//! Quantities measured on the shared benchmarks: Recognizers-Text (Number, NumberWithUnit,
//! DateTime), quantulum3 and MeasEval. Each test prints its figures and asserts a floor at what
//! was measured, so a regression fails; the bars are stated beside them.

use newsfacts_eval::quantities;
use newsfacts_testdata::seed_gold;

fn recognizers_dir() -> Option<std::path::PathBuf> {
    newsfacts_testdata::shared("eval/quantities/recognizers")
}

/// Scores one Recognizers-Text spec (Number, NumberWithUnit) and prints the report, with every
/// failure when `NEWSFACTS_SHOW_FAILURES` is set; `None` when the data is absent.
fn scored_spec(spec: &str) -> Option<quantities::RecognizersReport> {
    let dir = recognizers_dir()?;
    let report = quantities::score_recognizers(&dir, spec).expect("scores");
    println!("{report}");
    if std::env::var("NEWSFACTS_SHOW_FAILURES").is_ok() {
        for f in &report.failures {
            println!(
                "FAIL {} {:?}\n  expected {:?}\n  got      {:?}",
                f.file, f.input, f.expected, f.got
            );
        }
    }
    Some(report)
}

#[test]
fn recognizers_number() {
    let Some(report) = scored_spec("Number") else {
        return;
    };
    assert_eq!(report.total.cases, 671);
    // Issue bar: 95 %. Floor: what was measured (655/671 = 97.6 %).
    assert!(report.total.passed >= 655, "{}", report.total.passed);
}

#[test]
fn recognizers_number_with_unit() {
    let Some(report) = scored_spec("NumberWithUnit") else {
        return;
    };
    assert_eq!(report.total.cases, 342);
    // Issue bar: 90 %. Floor: what was measured (317/342 = 92.7 %).
    assert!(report.total.passed >= 317, "{}", report.total.passed);
}

/// Reads the seed article through ingest and the pipeline, optionally editing its text first.
fn analyse_seed(edit: impl Fn(&str) -> String) -> Option<newsfacts_doc::Document> {
    let text = newsfacts_testdata::seed_text()?;
    let article = newsfacts_ingest::text::article_from_text(&edit(&text), None);
    Some(newsfacts_analysts::Pipeline::new().analyze(article))
}

/// The quantity whose span overlaps the gold text's first occurrence in the document.
fn quantity_for<'d>(
    doc: &'d newsfacts_doc::Document,
    gold_text: &str,
) -> Option<&'d newsfacts_doc::Quantity> {
    let start = doc.text.find(gold_text)?;
    let end = start + gold_text.len();
    doc.quantities
        .iter()
        .filter(|q| q.start < end && start < q.end)
        .max_by_key(|q| q.end.min(end) - q.start.max(start))
}

fn kind_name(kind: Option<newsfacts_doc::QuantityKind>) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn bound_name(bound: Option<newsfacts_doc::Bound>) -> Option<String> {
    serde_json::to_value(bound)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

#[test]
fn seed_quantities_match_gold() {
    let (Some(doc), Some(gold)) = (analyse_seed(str::to_string), seed_gold()) else {
        return;
    };
    let mut problems = Vec::new();
    let required = gold["quantities"]["required"].as_array().expect("required");
    for g in required {
        let text = g["text"].as_str().unwrap_or("");
        let Some(q) = quantity_for(&doc, text) else {
            problems.push(format!("{text:?}: not found"));
            continue;
        };
        let mut check = |field: &str, ok: bool, got: String| {
            if !ok {
                problems.push(format!("{text:?}: {field} is {got}, gold {}", g[field]));
            }
        };
        check(
            "kind",
            g["kind"].as_str() == Some(kind_name(q.kind).as_str()),
            kind_name(q.kind),
        );
        let close = |gold: &serde_json::Value, got: Option<f64>| match gold.as_f64() {
            Some(v) => got.is_some_and(|x| (x - v).abs() <= 1e-9 * v.abs().max(1.0)),
            None => true,
        };
        check(
            "value",
            close(&g["value"], q.value),
            format!("{:?}", q.value),
        );
        check(
            "value_min",
            close(&g["value_min"], q.value_min),
            format!("{:?}", q.value_min),
        );
        check(
            "value_max",
            close(&g["value_max"], q.value_max),
            format!("{:?}", q.value_max),
        );
        if let Some(unit) = g["unit"].as_str() {
            check(
                "unit",
                q.unit.as_deref() == Some(unit),
                format!("{:?}", q.unit),
            );
        }
        if let Some(currency) = g["currency"].as_str() {
            check(
                "currency",
                q.currency.as_deref() == Some(currency),
                format!("{:?}", q.currency),
            );
        }
        if let Some(of) = g["of"].as_str() {
            check("of", q.of.as_deref() == Some(of), format!("{:?}", q.of));
        }
        if let Some(per) = g["per"].as_str() {
            check("per", q.per.as_deref() == Some(per), format!("{:?}", q.per));
        }
        let approximate = g["approximate"].as_bool().unwrap_or(false);
        check(
            "approximate",
            q.approximate == approximate,
            format!("{}", q.approximate),
        );
        let bound = g["bound"].as_str().map(str::to_string);
        check(
            "bound",
            bound_name(q.bound) == bound,
            format!("{:?}", q.bound),
        );
        if let Some(month) = g["month"].as_u64() {
            let suffix = format!("-{month:02}");
            check(
                "month",
                q.date.as_deref().is_some_and(|d| d.ends_with(&suffix)),
                format!("{:?}", q.date),
            );
        }
    }
    for g in gold["quantities"]["must_not"].as_array().expect("must_not") {
        let text = g["text"].as_str().unwrap_or("");
        if let Some(q) = doc.quantities.iter().find(|q| q.text.contains(text)) {
            problems.push(format!("must_not {text:?} reported as {:?}", q.text));
        }
    }
    println!("seed: {} required quantities checked", required.len());
    assert!(problems.is_empty(), "{problems:#?}");
}

const SEED_CLAIM: &str = "less that a quarter of their target";

fn seed_claim_check(doc: &newsfacts_doc::Document) -> Option<&newsfacts_doc::Check> {
    let start = doc.text.find(SEED_CLAIM)?;
    doc.checks
        .iter()
        .find(|c| c.claim.start < start + SEED_CLAIM.len() && start < c.claim.end)
}

#[test]
fn seed_check_is_consistent_with_its_computation_shown() {
    let (Some(doc), Some(gold)) = (analyse_seed(str::to_string), seed_gold()) else {
        return;
    };
    let expected = &gold["checks"]["required"][0];
    assert_eq!(expected["claim"].as_str(), Some(SEED_CLAIM));
    let check = seed_claim_check(&doc).expect("a check on the claim");
    println!("seed check: {:?} {}", check.verdict, check.computation);
    assert_eq!(
        check.verdict,
        newsfacts_doc::Verdict::Consistent,
        "{check:#?}"
    );
    assert!(
        check
            .computation
            .contains("(224,000 + 2,300) / 1,000,000 = 0.2263"),
        "{}",
        check.computation
    );
}

#[test]
fn seed_check_turns_inconsistent_when_the_numbers_or_the_comparison_change() {
    let Some(doc) = analyse_seed(|t| t.replace("224,000", "324,000")) else {
        return;
    };
    let check = seed_claim_check(&doc).expect("a check on the claim");
    println!(
        "224,000 → 324,000: {:?} {}",
        check.verdict, check.computation
    );
    assert_eq!(
        check.verdict,
        newsfacts_doc::Verdict::Inconsistent,
        "{check:#?}"
    );

    let Some(doc) = analyse_seed(|t| t.replace(SEED_CLAIM, "more that a quarter of their target"))
    else {
        return;
    };
    let start = doc
        .text
        .find("more that a quarter of their target")
        .expect("edited claim");
    let check = doc
        .checks
        .iter()
        .find(|c| c.claim.start <= start && start < c.claim.end)
        .expect("a check on the edited claim");
    println!("less → more: {:?} {}", check.verdict, check.computation);
    assert_eq!(
        check.verdict,
        newsfacts_doc::Verdict::Inconsistent,
        "{check:#?}"
    );
}

#[test]
#[ignore = "prints the seed's quantities for reading"]
fn seed_dump() {
    let Some(doc) = analyse_seed(str::to_string) else {
        return;
    };
    for q in &doc.quantities {
        println!(
            "{} {:?} {:?} v={:?} [{:?},{:?}] approx={} bound={:?} unit={:?} cur={:?} of={:?} per={:?} date={:?}",
            q.id,
            q.text,
            q.kind,
            q.value,
            q.value_min,
            q.value_max,
            q.approximate,
            q.bound,
            q.unit,
            q.currency,
            q.of,
            q.per,
            q.date
        );
    }
    for c in &doc.checks {
        println!("{:?}", c);
    }
}

#[test]
fn quantulum3_quantities() {
    let Some(dir) = newsfacts_testdata::shared("eval/quantities/quantulum3") else {
        return;
    };
    let report = quantities::score_quantulum3(&dir).expect("scores");
    println!("{report}");
    if std::env::var("NEWSFACTS_SHOW_FAILURES").is_ok() {
        for m in &report.misses {
            println!(
                "MISS {:?} {} {} in {:?}\n  ours {}",
                m.1, m.2, m.3, m.0, m.4
            );
        }
    }
    assert_eq!(report.quantities, 148);
    // Issue bar: 90 %. Floors: what was measured with span, value and unit (135/148 = 91.2 %;
    // tuning half, even sentences, 59/70; held-out half, odd sentences, 76/78).
    assert!(report.found_with_unit >= 135, "{}", report.found_with_unit);
    assert!(report.even_half.1 >= 59, "{report}");
    assert!(report.odd_half.1 >= 76, "{report}");
}

#[test]
fn recognizers_datetime() {
    let Some(dir) = recognizers_dir() else {
        return;
    };
    let report = quantities::score_recognizers_datetime(&dir).expect("scores");
    println!("{report}");
    // Only the tuning half's failures are shown: the held-out half is for measuring.
    if std::env::var("NEWSFACTS_SHOW_FAILURES").is_ok() {
        for f in report
            .failures
            .iter()
            .filter(|f| quantities::is_tune_case(f.index))
        {
            println!(
                "FAIL {} {:?}\n  expected {:?}\n  got      {:?}",
                f.file, f.input, f.expected, f.got
            );
        }
    }
    assert_eq!(report.total.cases, 4161);
    // Issue bar: 80 %. Floors: what was measured (3355/4161 = 80.6 %; held-out half, odd case
    // indices, 1628/2074 = 78.5 %).
    assert!(report.total.passed >= 3355, "{}", report.total.passed);
    assert!(
        report.total.held_out_passed >= 1628,
        "{}",
        report.total.held_out_passed
    );
}

#[test]
fn measeval_quantity_spans() {
    let Some(dir) = newsfacts_testdata::shared("eval/quantities/measeval") else {
        return;
    };
    let train = quantities::score_measeval(&dir.join("train")).expect("scores");
    println!("{train}");
    let eval = quantities::score_measeval(&dir.join("eval")).expect("scores");
    println!("{eval}");
    // Reported, no bar in the issue (grobid-quantities: 54.3 strict / 67.3 soft). Floors: what
    // was measured on the eval split once the news-date reader and the unit rules met on main
    // (strict 49.0, soft 81.0; 49.2 / 81.2 before; rules tuned on train only).
    assert!(eval.strict().2 >= 0.485, "{eval}");
    assert!(eval.soft().2 >= 0.805, "{eval}");
}

#[test]
#[ignore = "prints MeasEval train false positives for reading"]
fn measeval_train_false_positives() {
    let Some(dir) = newsfacts_testdata::shared("eval/quantities/measeval/train") else {
        return;
    };
    for entry in std::fs::read_dir(dir.join("text"))
        .expect("dir")
        .flatten()
        .take(60)
    {
        let text = std::fs::read_to_string(entry.path()).expect("text");
        let stem = entry
            .path()
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let tsv = std::fs::read_to_string(dir.join("tsv").join(format!("{stem}.tsv")))
            .unwrap_or_default();
        let offsets = newsfacts_doc::CharOffsets::new(&text);
        let gold: Vec<(usize, usize)> = tsv
            .lines()
            .filter_map(|l| {
                let c: Vec<&str> = l.split('\t').collect();
                (c.get(2) == Some(&"Quantity"))
                    .then(|| (c[3].parse().unwrap_or(0), c[4].parse().unwrap_or(0)))
            })
            .collect();
        for q in newsfacts_analysts::quantities::extract::extract_from_text(&text, None) {
            let (s, e) = (offsets.char_offset(q.start), offsets.char_offset(q.end));
            if !gold.iter().any(|g| g.0 < e && s < g.1) {
                let ctx_s = q.start.saturating_sub(30);
                let ctx_s = (0..=ctx_s)
                    .rev()
                    .find(|&b| text.is_char_boundary(b))
                    .unwrap_or(0);
                println!(
                    "FP {:?} kind={:?} ctx={:?}",
                    q.text,
                    q.kind,
                    &text[ctx_s..q.end]
                );
            }
        }
    }
}

#[test]
fn bbc_news_checks() {
    let Some(path) = newsfacts_testdata::shared("corpora/bbc-news/bbc-news.jsonl") else {
        return;
    };
    let report = quantities::corpus_checks(&path).expect("runs");
    println!("BBC News: {report}");
    if std::env::var("NEWSFACTS_SHOW_CHECKS").is_ok() {
        for c in &report.checks {
            println!(
                "CHECK {} {:?} {:?}\n  {}",
                c.article, c.check.verdict, c.check.claim.text, c.check.computation
            );
        }
    }
    assert_eq!(report.articles, 2225);
    // Floor: what was found (87 checks; 9 before the share, size-of-change, total and direction
    // checks). Verdicts are hand-verified on a sample (examples/bbc_checks.rs), not asserted.
    assert!(report.checks.len() >= 87, "{report}");
}

#[test]
#[ignore = "prints the quantities of a few BBC News articles for reading"]
fn bbc_news_quantities_dump() {
    let Some(path) = newsfacts_testdata::shared("corpora/bbc-news/bbc-news.jsonl") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("corpus");
    for line in text.lines().step_by(400).take(4) {
        let record: serde_json::Value = serde_json::from_str(line).expect("json");
        let article =
            newsfacts_ingest::text::article_from_text(record["text"].as_str().unwrap_or(""), None);
        let doc = newsfacts_analysts::Pipeline::new().analyze(article);
        println!("== {}", record["id"]);
        for q in &doc.quantities {
            println!(
                "{:?} {:?} v={:?} [{:?},{:?}] ~{} {:?} unit={:?} of={:?} per={:?} date={:?}",
                q.text,
                q.kind,
                q.value,
                q.value_min,
                q.value_max,
                q.approximate,
                q.bound,
                q.unit,
                q.of,
                q.per,
                q.date
            );
        }
    }
}
