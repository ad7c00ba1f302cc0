//! Runs the whole pipeline over the BBC News corpus (or any JSON Lines corpus with `id` and
//! `text`) and prints what a person needs to hand-verify the arithmetic checks: the number of
//! checks, their verdict counts, and a random sample of them (fixed seed, so the sample is the
//! same on every run) with the claim's sentence and the computation.
//!
//! ```text
//! cargo run --release -p newsfacts-eval --example bbc_checks -- [corpus.jsonl] [sample size] [seed]
//! ```
//!
//! Without a path it reads `corpora/bbc-news/bbc-news.jsonl` from the shared data directory.

use std::process::ExitCode;

use newsfacts_eval::quantities::corpus_checks;

/// A small deterministic generator (SplitMix64): the sample must be reproducible, and a
/// dependency for thirty draws is not worth it.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `k` distinct indices below `n`, in increasing order (a partial Fisher–Yates shuffle).
    fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut pool: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + (self.next() % (n - i) as u64) as usize;
            pool.swap(i, j);
        }
        let mut chosen = pool[..k].to_vec();
        chosen.sort_unstable();
        chosen
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = match args.first() {
        Some(p) => std::path::PathBuf::from(p),
        None => match newsfacts_testdata::shared("corpora/bbc-news/bbc-news.jsonl") {
            Some(p) => p,
            None => {
                eprintln!("no corpus given and the shared BBC News corpus is not available");
                return ExitCode::FAILURE;
            }
        },
    };
    let sample_size = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(30);
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(6);
    let report = match corpus_checks(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{report}");
    if std::env::var_os("NEWSFACTS_ALL_CHECKS").is_some() {
        for c in &report.checks {
            println!(
                "ALL {} {:?} {:?} | {}",
                c.article, c.check.verdict, c.check.claim.text, c.check.computation
            );
        }
    }
    let mut rng = SplitMix64(seed);
    let chosen = rng.sample(report.checks.len(), sample_size);
    println!(
        "\nA sample of {} checks (seed {seed}) to verify by hand:",
        chosen.len()
    );
    for (n, &k) in chosen.iter().enumerate() {
        let c = &report.checks[k];
        println!(
            "\n{:>2}. [{}] {:?}\n    sentence:    {}\n    claim:       {}\n    computation: {}",
            n + 1,
            c.article,
            c.check.verdict,
            c.sentence.split_whitespace().collect::<Vec<_>>().join(" "),
            c.check.claim.text,
            c.check.computation
        );
    }
    ExitCode::SUCCESS
}
