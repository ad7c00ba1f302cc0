//! Reads web archives (or any input newsfacts takes) end to end and counts what came out:
//! documents, errors, skipped records by reason, payload bytes. For measuring the reader's
//! speed and memory: `/usr/bin/time -v warc_count crawl.warc.gz`.

use newsfacts_ingest::{InputFormat, Payload, encoding, read_input};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: warc_count FILE...");
        std::process::exit(2);
    }
    for path in paths {
        let started = std::time::Instant::now();
        let mut stream = read_input(&path, InputFormat::Auto);
        let (mut documents, mut errors, mut payload_bytes, mut decoded_chars) = (0, 0, 0, 0);
        let mut largest = 0;
        for item in stream.by_ref() {
            match item {
                Ok(record) => {
                    documents += 1;
                    if let Payload::Html { bytes, charset } = &record.payload {
                        payload_bytes += bytes.len();
                        largest = largest.max(bytes.len());
                        decoded_chars +=
                            encoding::decode(bytes, charset.as_deref()).chars().count();
                    }
                }
                Err(err) => {
                    errors += 1;
                    eprintln!("error: {err}");
                }
            }
        }
        println!(
            "{path}: {documents} documents, {errors} errors, skipped {:?}, {payload_bytes} payload bytes \
             (largest {largest}), {decoded_chars} characters decoded, {:.2} s",
            stream.skipped(),
            started.elapsed().as_secs_f64()
        );
    }
}
