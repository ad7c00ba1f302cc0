//! Prints the analysis of the text given as arguments (or stdin), one token a line.
use std::io::Read;

fn main() {
    let mut text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        let _ = std::io::stdin().read_to_string(&mut text);
    }
    let pipeline = newsfacts_nlp::EnglishPipeline::global();
    let analysis = pipeline.analyze(&text);
    for (i, t) in analysis.tokens.iter().enumerate() {
        println!(
            "{i}\t{:?}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            &text[t.start..t.end],
            t.tag,
            t.pos,
            t.morph,
            t.lemma,
            t.head,
            t.dep,
            t.ent_tag()
        );
    }
    for e in &analysis.entities {
        println!("ENT {:?} {}", &text[e.start..e.end], e.label);
    }
}
