//! Throughput of the rule-based sentence segmenter on the BBC News corpus (the "text" field of
//! `../shared/corpora/bbc-news/bbc-news.jsonl`), in bytes of article text per second.
//!
//! Run: `cargo bench -p newsfacts-nlp --bench sentences`. The corpus lives outside the
//! repository; set `NEWSFACTS_SHARED` to its directory when it is not at `../shared`. Without
//! it the benchmark falls back to a small invented text so that it still runs.

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsfacts_nlp::split_sentences;

/// The shared data directory, as newsfacts-testdata locates it.
fn shared_dir() -> PathBuf {
    match std::env::var_os("NEWSFACTS_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

/// The article texts of the BBC News corpus, or `None` when it is absent or unreadable.
fn bbc_texts() -> Option<Vec<String>> {
    let path = shared_dir().join("corpora/bbc-news/bbc-news.jsonl");
    let content = std::fs::read_to_string(&path).ok()?;
    let texts: Vec<String> = content
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record.get("text")?.as_str().map(str::to_string))
        .collect();
    (!texts.is_empty()).then_some(texts)
}

fn bench_sentences(c: &mut Criterion) {
    let (name, texts) = match bbc_texts() {
        Some(texts) => ("bbc-news", texts),
        None => {
            let dir = shared_dir();
            eprintln!(
                "BBC News corpus not found under {}; using an invented text",
                dir.display()
            );
            let text = "Mr. Smith arrived at 5 p.m. on Jan. 5. He said: “We are ready.” \
                        Prices rose 3.5% to $1.13bn… and then fell. Did they? Yes!\n"
                .repeat(2000);
            ("invented", vec![text])
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("split_sentences");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function(name, |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|text| split_sentences(std::hint::black_box(text)).len())
                .sum::<usize>()
        })
    });
    group.finish();
    report_cpu_throughput(&texts, bytes);
}

/// On-CPU time of the current thread in nanoseconds, from Linux's scheduler statistics.
fn thread_cpu_nanos() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Prints throughput per second of CPU time, which unlike criterion's wall-clock figure does
/// not drop when other processes share the cores. Linux only; silent elsewhere.
fn report_cpu_throughput(texts: &[String], bytes: usize) {
    const PASSES: usize = 20;
    let Some(before) = thread_cpu_nanos() else {
        return;
    };
    let mut sentences = 0;
    for _ in 0..PASSES {
        for text in texts {
            sentences += split_sentences(std::hint::black_box(text)).len();
        }
    }
    let Some(after) = thread_cpu_nanos() else {
        return;
    };
    let seconds = after.saturating_sub(before) as f64 / 1e9;
    if seconds > 0.0 {
        let megabytes = (PASSES * bytes) as f64 / 1e6;
        println!(
            "split_sentences: {:.1} MB/s of CPU time ({} passes over {bytes} bytes, {} sentences a pass)",
            megabytes / seconds,
            PASSES,
            sentences / PASSES
        );
    }
}

criterion_group!(benches, bench_sentences);
criterion_main!(benches);
