//! A bounded load generator for `newsfacts serve`: N keep-alive connections send search
//! requests until a request count or a time limit is reached, then it prints throughput,
//! latency percentiles and errors. It only ever targets loopback addresses.
//!
//! ```sh
//! newsfacts serve --db bbc.db &
//! cargo run --release -p newsfacts-server --example load -- \
//!     --url http://127.0.0.1:8080 --connections 64 --requests 20000 --seconds 60 --endpoint quotes
//! ```

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Search words rotated through the requests: ordinary news vocabulary.
const WORDS: [&str; 16] = [
    "government",
    "market",
    "election",
    "film",
    "champion",
    "growth",
    "minister",
    "music",
    "oil",
    "price",
    "league",
    "technology",
    "said",
    "police",
    "players",
    "economy",
];

struct Options {
    url: String,
    connections: usize,
    requests: usize,
    seconds: u64,
    endpoint: String,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        url: "http://127.0.0.1:8080".into(),
        connections: 1,
        requests: 2000,
        seconds: 30,
        endpoint: "quotes".into(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = || value.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--url" => options.url = value.trim_end_matches('/').to_string(),
            "--connections" => options.connections = number()?.max(1),
            "--requests" => options.requests = number()?.max(1),
            "--seconds" => options.seconds = number()?.max(1) as u64,
            "--endpoint" => options.endpoint = value,
            other => return Err(format!("unknown option {other}")),
        }
    }
    let host = options
        .url
        .strip_prefix("http://")
        .ok_or("only http:// URLs")?
        .split('/')
        .next()
        .unwrap_or_default();
    let host = if host.starts_with('[') {
        host.split(']')
            .next()
            .unwrap_or_default()
            .trim_start_matches('[')
    } else {
        host.split(':').next().unwrap_or_default()
    };
    let loopback = host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if !loopback {
        return Err(format!(
            "{host} is not a loopback address; refusing to send load there"
        ));
    }
    Ok(options)
}

/// The request target for the `n`th request.
fn target(endpoint: &str, n: usize) -> String {
    let word = WORDS[n % WORDS.len()];
    match endpoint {
        // Quote search alternates the two ways a newsroom asks: by words and by speaker.
        "quotes" if n % 2 == 0 => format!("/api/quotes?text={word}"),
        "quotes" => format!("/api/quotes?speaker={word}"),
        "articles" => format!("/api/articles?q={word}&limit=20"),
        other => format!("/{}", other.trim_start_matches('/')),
    }
}

fn main() {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("load: {message}");
            std::process::exit(2);
        }
    };
    let issued = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs(options.seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..options.connections)
        .map(|_| {
            let issued = Arc::clone(&issued);
            let url = options.url.clone();
            let endpoint = options.endpoint.clone();
            let limit = options.requests;
            std::thread::spawn(move || {
                let agent = ureq::AgentBuilder::new()
                    .max_idle_connections_per_host(1)
                    .timeout(Duration::from_secs(30))
                    .build();
                let mut latencies = Vec::new();
                let mut errors = 0usize;
                loop {
                    let n = issued.fetch_add(1, Ordering::SeqCst);
                    if n >= limit || Instant::now() >= deadline {
                        break;
                    }
                    let sent = Instant::now();
                    let ok = match agent.get(&format!("{url}{}", target(&endpoint, n))).call() {
                        // Read the whole body: a response counts once it has fully arrived.
                        Ok(response) => response.status() == 200 && response.into_string().is_ok(),
                        Err(_) => false,
                    };
                    latencies.push(sent.elapsed());
                    if !ok {
                        errors += 1;
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0;
    for worker in workers {
        match worker.join() {
            Ok((mut l, e)) => {
                latencies.append(&mut l);
                errors += e;
            }
            Err(_) => errors += 1,
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let percentile = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let index = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[index].as_secs_f64() * 1000.0
    };
    println!(
        "endpoint={} connections={} requests={} errors={} seconds={:.2} throughput={:.0} req/s \
         p50={:.2} ms p99={:.2} ms max={:.2} ms",
        options.endpoint,
        options.connections,
        latencies.len(),
        errors,
        elapsed,
        latencies.len() as f64 / elapsed.max(1e-9),
        percentile(0.50),
        percentile(0.99),
        percentile(1.0),
    );
    if errors > 0 {
        std::process::exit(1);
    }
}
