//! Web archives from ../shared, read end to end through `read_input`: the news sample (every
//! response must come out as a document) and the warcio test files (every file must read or
//! fail with a clear error, never panic).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use newsfacts_ingest::{ErrorKind, InputFormat, Payload, RawRecord, encoding, read_input};
use newsfacts_testdata::shared;

/// What reading one input came to.
struct Reading {
    documents: Vec<RawRecord>,
    errors: Vec<String>,
    fatal: usize,
    skipped: BTreeMap<String, usize>,
}

fn read_all(path: &Path, format: InputFormat) -> Reading {
    let mut stream = read_input(&path.to_string_lossy(), format);
    let mut reading = Reading {
        documents: Vec::new(),
        errors: Vec::new(),
        fatal: 0,
        skipped: BTreeMap::new(),
    };
    for item in stream.by_ref() {
        match item {
            Ok(record) => reading.documents.push(record),
            Err(err) => {
                if err.is_fatal_for_input() {
                    reading.fatal += 1;
                }
                reading.errors.push(err.to_string());
            }
        }
    }
    reading.skipped = stream.skipped();
    reading
}

fn html_text(record: &RawRecord) -> String {
    match &record.payload {
        Payload::Html { bytes, charset } => encoding::decode(bytes, charset.as_deref()),
        Payload::Text(text) => text.clone(),
    }
}

#[test]
fn news_sample_gives_every_response_as_a_document() {
    let Some(archive) = shared("corpora/warc/news-sample.warc.gz") else {
        return;
    };
    let Some(manifest) = shared("corpora/warc/news-sample.manifest.json") else {
        return;
    };
    let manifest: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(manifest).expect("manifest is readable"))
            .expect("manifest is JSON");
    let expected_urls: BTreeSet<&str> = manifest
        .iter()
        .filter_map(|entry| entry.get("url").and_then(|url| url.as_str()))
        .collect();

    let reading = read_all(&archive, InputFormat::Auto);
    assert!(reading.errors.is_empty(), "errors: {:?}", reading.errors);
    assert_eq!(reading.documents.len(), 439);
    assert_eq!(reading.documents.len(), manifest.len());
    let urls: BTreeSet<&str> = reading
        .documents
        .iter()
        .filter_map(|record| record.url.as_deref())
        .collect();
    assert_eq!(urls, expected_urls);

    let mut with_replacement_characters = 0;
    for record in &reading.documents {
        assert!(record.origin.contains(" record "), "{}", record.origin);
        assert_eq!(Some(record.id.as_str()), record.url.as_deref());
        let text = html_text(record);
        assert!(
            !text.trim().is_empty(),
            "{} decodes to nothing",
            record.origin
        );
        assert!(text.contains('<'), "{} is not markup", record.origin);
        if text.contains('\u{fffd}') {
            with_replacement_characters += 1;
        }
    }
    println!(
        "news sample: {} documents, skipped {:?}, {} with U+FFFD after decoding",
        reading.documents.len(),
        reading.skipped,
        with_replacement_characters
    );
    assert_eq!(
        reading.skipped.values().sum::<usize>(),
        1,
        "{:?}",
        reading.skipped
    );
}

#[test]
fn every_warcio_test_file_reads_or_fails_clearly() {
    let Some(directory) = shared("corpora/warc/warcio-test-files") else {
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(&directory)
        .expect("directory is readable")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in &paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        // Every file as an archive, whatever its name: the reader must cope with anything.
        let outcome = std::panic::catch_unwind(|| read_all(path, InputFormat::Warc));
        let Ok(reading) = outcome else {
            panic!("{name}: the reader panicked");
        };
        println!(
            "{name:<40} documents {:>2}  skipped {:>2} {:?}  errors {}",
            reading.documents.len(),
            reading.skipped.values().sum::<usize>(),
            reading.skipped,
            reading.errors.len()
        );
        for error in &reading.errors {
            println!("    error: {error}");
            assert!(
                error.contains(&name),
                "the error does not name the file: {error}"
            );
        }
        assert!(
            !reading.documents.is_empty()
                || !reading.skipped.is_empty()
                || !reading.errors.is_empty(),
            "{name}: no outcome at all"
        );
        assert!(
            reading.fatal <= 1,
            "{name}: more than one error ended the input"
        );
        for record in &reading.documents {
            assert!(
                !html_text(record).trim().is_empty(),
                "{name}: empty document"
            );
        }
    }
}

#[test]
fn truncated_gzip_archive_keeps_what_was_read_and_says_why_it_stopped() {
    let Some(archive) = shared("corpora/warc/news-sample.warc.gz") else {
        return;
    };
    let bytes = std::fs::read(archive).expect("archive is readable");
    let cut = &bytes[..bytes.len().min(3 * 1024 * 1024)];
    let path = std::env::temp_dir().join(format!(
        "newsfacts-warc-test-{}-cut.warc.gz",
        std::process::id()
    ));
    std::fs::File::create(&path)
        .and_then(|mut file| file.write_all(cut))
        .expect("temporary file is writable");
    let reading = read_all(&path, InputFormat::Auto);
    let mut stream = read_input(&path.to_string_lossy(), InputFormat::Auto);
    let last = stream.by_ref().last();
    let _ = std::fs::remove_file(&path);

    assert!(!reading.documents.is_empty());
    assert!(reading.documents.len() < 439);
    assert_eq!(reading.errors.len(), 1, "{:?}", reading.errors);
    assert_eq!(reading.fatal, 1);
    println!(
        "first 3 MiB of the sample: {} documents, then: {}",
        reading.documents.len(),
        reading.errors[0]
    );
    let Some(Err(err)) = last else {
        panic!("the stream does not end with an error");
    };
    assert!(matches!(err.kind, ErrorKind::Gzip(_)), "{err}");
    assert!(err.origin.contains("cut.warc.gz record "), "{err}");
}
