//! Throughput of the rule-based sentence segmenter on the BBC News corpus (the "text" field of
//! `../shared/corpora/bbc-news/bbc-news.jsonl`), in bytes of article text per second.
//!
//! Run: `cargo bench -p newsfacts-nlp --bench sentences`. The corpus lives outside the
//! repository; set `NEWSFACTS_SHARED` to its directory when it is not at `../shared`. Without
//! it the benchmark falls back to a small invented text so that it still runs.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsfacts_nlp::split_sentences;

fn bench_sentences(c: &mut Criterion) {
    let (name, texts) = match newsfacts_testdata::bbc_texts(usize::MAX) {
        Some(texts) => ("bbc-news", texts),
        None => {
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
