//! Scorer for quotation attribution on PolNeAR (brat standoff: `Source`, `Cue`, `Content` text
//! bound spans joined by `Attribution` events; discontinuous spans joined by `;`).
//!
//! Each article of the chosen split is read as it is (one paragraph a line, offsets unchanged),
//! analysed by [`newsfacts_analysts::quotes::extract_quotes`] — after the English pipeline when
//! [`PolnearOptions::use_nlp`] is set — and compared with the attributions of the first
//! annotator `metadata.tsv` lists for it. Predicted and gold attributions are aligned one to one
//! by content overlap (largest overlap first); then, for source, cue and content separately:
//! - exact: a pair counts when the two span sets cover the same characters (ignoring
//!   whitespace); precision over predictions with that part, recall over gold ones;
//! - token overlap: words of the predicted part inside the gold part (precision) and words of
//!   the gold part inside the predicted part (recall), summed over all attributions.
//!
//! PolNeAR's content of a direct quotation includes its quotation marks and the comma before
//! the closing mark; newsfacts' content is the words alone, so the scorer widens a predicted
//! content to the marks around it. Results are also given by kind of gold content (direct:
//! wholly inside quotation marks; mixed: partly; indirect: no marks) and for attributions with
//! no source.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use newsfacts_analysts::quotes::Engine;
use newsfacts_analysts::quotes::model::AttributionModel;
use newsfacts_doc::{Document, QuoteKind, Span};

/// Why the scorer could not read its data.
#[derive(Debug, thiserror::Error)]
pub enum QuotesEvalError {
    #[error("reading {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: no article of split {split:?} in metadata.tsv")]
    EmptySplit { path: PathBuf, split: String },
}

/// What to score and how to analyse.
#[derive(Debug, Clone)]
pub struct PolnearOptions {
    /// `dev` (default) or `train`.
    pub split: String,
    /// Run the English pipeline (tags, parse, entities) before the quotation rules.
    pub use_nlp: bool,
    /// Score only the first this many articles (quick looks at train).
    pub limit: Option<usize>,
    /// Rules, trained model or both.
    pub engine: Engine,
    /// Where to keep the English pipeline's output per article between runs.
    pub cache: Option<PathBuf>,
}

impl Default for PolnearOptions {
    fn default() -> Self {
        PolnearOptions {
            split: "dev".into(),
            use_nlp: true,
            limit: None,
            engine: Engine::default(),
            cache: None,
        }
    }
}

/// One attribution in byte spans of the article text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
}

/// Kinds of attribution the report breaks results down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Direct,
    Indirect,
    Mixed,
    NoSource,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Direct, Kind::Indirect, Kind::Mixed, Kind::NoSource];

    fn name(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
            Kind::NoSource => "no source",
        }
    }
}

/// Counts for one part (source, cue or content).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PartScore {
    pub predicted: usize,
    pub gold: usize,
    /// Predictions whose part matches its aligned gold part exactly.
    pub exact_pred: usize,
    /// Gold parts matched exactly by their aligned prediction.
    pub exact_gold: usize,
    pub overlap_pred_words: usize,
    pub overlap_gold_words: usize,
    pub pred_words: usize,
    pub gold_words: usize,
}

fn prf(tp_p: usize, n_p: usize, tp_r: usize, n_r: usize) -> (f64, f64, f64) {
    let p = if n_p == 0 {
        0.0
    } else {
        tp_p as f64 / n_p as f64
    };
    let r = if n_r == 0 {
        0.0
    } else {
        tp_r as f64 / n_r as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl PartScore {
    /// Exact-span precision, recall, F1.
    pub fn exact(&self) -> (f64, f64, f64) {
        prf(self.exact_pred, self.predicted, self.exact_gold, self.gold)
    }

    /// Token-overlap precision, recall, F1.
    pub fn overlap(&self) -> (f64, f64, f64) {
        prf(
            self.overlap_pred_words,
            self.pred_words,
            self.overlap_gold_words,
            self.gold_words,
        )
    }

    fn add(&mut self, other: &PartScore) {
        self.predicted += other.predicted;
        self.gold += other.gold;
        self.exact_pred += other.exact_pred;
        self.exact_gold += other.exact_gold;
        self.overlap_pred_words += other.overlap_pred_words;
        self.overlap_gold_words += other.overlap_gold_words;
        self.pred_words += other.pred_words;
        self.gold_words += other.gold_words;
    }
}

/// Scores for source, cue and content.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub source: PartScore,
    pub cue: PartScore,
    pub content: PartScore,
    /// Attributions aligned by content overlap.
    pub aligned: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Scores {
    /// Adds another set of counts (another article's, another fold's) to these.
    pub fn add(&mut self, other: &Scores) {
        self.source.add(&other.source);
        self.cue.add(&other.cue);
        self.content.add(&other.content);
        self.aligned += other.aligned;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

/// The PolNeAR report: totals and results by kind.
#[derive(Debug, Clone, Default)]
pub struct PolnearReport {
    pub split: String,
    pub articles: usize,
    pub used_nlp: bool,
    pub total: Scores,
    pub by_kind: Vec<(Kind, Scores)>,
}

impl fmt::Display for PolnearReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "PolNeAR {}: {} articles, {} gold attributions, {} predicted, {} aligned by content{}",
            self.split,
            self.articles,
            self.total.gold,
            self.total.predicted,
            self.total.aligned,
            if self.used_nlp {
                " (with the English pipeline)"
            } else {
                " (untagged)"
            }
        )?;
        writeln!(
            f,
            "{:<10} {:<8} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}",
            "", "part", "P", "R", "F1", "tokP", "tokR", "tokF1"
        )?;
        let rows = std::iter::once(("all", &self.total))
            .chain(self.by_kind.iter().map(|(k, s)| (k.name(), s)));
        for (name, scores) in rows {
            for (part, score) in [
                ("source", &scores.source),
                ("cue", &scores.cue),
                ("content", &scores.content),
            ] {
                let (p, r, f1) = score.exact();
                let (tp, tr, tf) = score.overlap();
                writeln!(
                    f,
                    "{:<10} {:<8} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}   (gold {}, predicted {})",
                    name, part, p, r, f1, tp, tr, tf, score.gold, score.predicted
                )?;
            }
        }
        Ok(())
    }
}

/// Reads the brat `.ann` attributions of one article; `text` is the article, whose character
/// offsets the file uses. Spans are returned as byte spans.
pub fn read_ann(ann: &str, text: &str) -> Vec<Attribution> {
    let bytes_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let to_byte = |c: usize| bytes_at.get(c).copied();
    let mut spans: HashMap<&str, (String, Vec<Span>)> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((label, offsets)) = body.split_once(' ') else {
                continue;
            };
            let parsed: Vec<Span> = offsets
                .split(';')
                .filter_map(|piece| {
                    let (s, e) = piece.trim().split_once(' ')?;
                    let s = to_byte(s.parse().ok()?)?;
                    let e = to_byte(e.parse().ok()?)?;
                    (s < e).then(|| Span::new(s, e))
                })
                .collect();
            spans.insert(id, (label.to_owned(), parsed));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for body in events {
        let mut attribution = Attribution::default();
        for arg in body.split_whitespace() {
            let Some((role, target)) = arg.split_once(':') else {
                continue;
            };
            let Some((_, s)) = spans.get(target) else {
                continue;
            };
            match role {
                "Source" => attribution.source = s.clone(),
                "Cue" => attribution.cue = s.clone(),
                "Content" => attribution.content = s.clone(),
                _ => {}
            }
        }
        out.push(attribution);
    }
    out
}

/// Characters that are quotation marks.
fn is_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '«' | '»' | '„')
}

/// Widens a content span to the quotation marks around it (and a comma or full stop before
/// the closing mark), as PolNeAR draws direct quotations.
fn widen_to_marks(text: &str, span: Span) -> Span {
    let mut s = span.start;
    let mut e = span.end;
    // A mark is one character, or two straight apostrophes / backquotes ('' ``).
    let mark_before = |at: usize| -> usize {
        let before = &text[..at];
        if before.ends_with("''") || before.ends_with("``") {
            2
        } else {
            before
                .chars()
                .next_back()
                .filter(|&c| is_mark(c))
                .map_or(0, char::len_utf8)
        }
    };
    let mark_after = |at: usize| -> usize {
        let after = &text[at..];
        if after.starts_with("''") {
            2
        } else {
            after
                .chars()
                .next()
                .filter(|&c| is_mark(c))
                .map_or(0, char::len_utf8)
        }
    };
    s -= mark_before(s);
    let punct = text[e..]
        .chars()
        .next()
        .filter(|p| matches!(p, ',' | '.' | '?' | '!'))
        .map_or(0, char::len_utf8);
    if punct > 0 && mark_after(e + punct) > 0 {
        e += punct + mark_after(e + punct);
    } else if s < span.start && mark_after(e) > 0 {
        e += mark_after(e);
    }
    Span::new(s, e)
}

/// Widens a speaker mention to PolNeAR's source: a source before its cue keeps the comma
/// that closes its appositive ("Rendell, a Clinton supporter, said"); a source after its cue
/// takes the appositive that follows it ("said Ed Rendell, a former governor.").
fn widen_source(text: &str, span: Span, cue: Option<Span>) -> Span {
    let Some(cue) = cue else {
        return span;
    };
    let rest = &text[span.end..];
    if span.end <= cue.start {
        let between = &text[span.end..cue.start];
        if between.trim_start().starts_with(',') && text[span.start..span.end].contains(',') {
            let comma = span.end + between.find(',').unwrap_or(0);
            return Span::new(span.start, comma + 1);
        }
        return span;
    }
    let Some(after) = rest.strip_prefix(", ") else {
        return span;
    };
    let first_word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '’' || *c == '\'')
        .collect();
    let verb_like = first_word.ends_with("ing")
        || first_word.ends_with("ed")
        || matches!(
            first_word.as_str(),
            "according" | "and" | "but" | "as" | "while"
        );
    if first_word.is_empty() || verb_like {
        return span;
    }
    // The appositive runs to the end of the sentence or to a quotation mark; an
    // abbreviation's full stop ("a former adviser to Mr. Obama", "a former C.I.A. analyst",
    // "of Ft. Worth") ends no sentence.
    let end = after
        .char_indices()
        .find(|&(i, c)| {
            is_mark(c) && !after[..i].ends_with(char::is_alphanumeric)
                || c == '\n'
                || c == '.'
                    && after[i + 1..].starts_with(|n: char| n.is_whitespace() || is_mark(n))
                    && !ends_abbreviation(&after[..i], &after[i + 1..])
                || c == '.' && i + 1 == after.len()
        })
        .map_or(after.len(), |(i, _)| i);
    let appositive = after[..end].trim_end_matches([',', ' ']);
    if appositive.is_empty() {
        return span;
    }
    Span::new(span.start, span.end + 2 + appositive.len())
}

/// Whether the full stop between `before` and `after` closes an abbreviation rather than a
/// sentence: the word before it holds a full stop of its own ("C.I.A", "N.H"), or is a short
/// capitalised word of up to three letters ("Mr", "Sen", "Ft") followed by a name or a comma
/// (a longer one is as often a name ending the sentence: "Obama.").
fn ends_abbreviation(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '.'))
        .next()
        .unwrap_or_default();
    if word.contains('.') {
        return true;
    }
    let mut letters = word.chars();
    let short_title = letters.next().is_some_and(char::is_uppercase)
        && letters.all(char::is_lowercase)
        && word.chars().count() <= 3;
    let next = after.trim_start().chars().next();
    short_title && next.is_some_and(|n| n.is_uppercase() || n == ',')
}

/// The kind of an attribution from its content.
fn kind_of(text: &str, a: &Attribution) -> Kind {
    let content: String = a
        .content
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect::<Vec<_>>()
        .join(" ");
    // Two straight apostrophes or backquotes are one double mark ('' ``).
    let content = content.replace("''", "\"").replace("``", "\"");
    let trimmed = content.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.'));
    let marks = trimmed.chars().filter(|&c| is_mark_double(c)).count();
    if marks == 0 {
        Kind::Indirect
    } else if trimmed.starts_with(is_mark_double) && trimmed.ends_with(is_mark_double) {
        Kind::Direct
    } else {
        Kind::Mixed
    }
}

fn is_mark_double(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '«' | '»' | '„')
}

/// Byte positions covered by spans, ignoring whitespace (sorted, once each): what the
/// token-overlap scores compare.
pub fn covered(text: &str, spans: &[Span]) -> Vec<usize> {
    let mut out: Vec<usize> = spans
        .iter()
        .flat_map(|s| {
            text[s.start..s.end]
                .char_indices()
                .filter(|(_, c)| !c.is_whitespace())
                .map(move |(i, _)| s.start + i)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Word spans of the text (whitespace-separated, punctuation kept apart from words).
fn words(text: &str) -> Vec<Span> {
    newsfacts_analysts::quotes::tokens::light_tokens(text)
        .iter()
        .filter(|t| t.word)
        .map(|t| Span::new(t.start, t.end))
        .collect()
}

/// Words (indices into `all`) inside the spans.
fn words_in(all: &[Span], spans: &[Span]) -> Vec<usize> {
    let mut out = Vec::new();
    for s in spans {
        let first = all.partition_point(|w| w.end <= s.start);
        for (k, w) in all.iter().enumerate().skip(first) {
            if w.start >= s.end {
                break;
            }
            if w.start >= s.start && w.end <= s.end {
                out.push(k);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn count_common(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The gold attribution each prediction is aligned with: one to one by content overlap
/// (characters, ignoring whitespace), largest overlap first.
pub fn align(text: &str, predicted: &[Attribution], gold: &[Attribution]) -> Vec<Option<usize>> {
    let chars = |a: &Attribution| covered(text, &a.content);
    let pred_chars: Vec<Vec<usize>> = predicted.iter().map(chars).collect();
    let gold_chars: Vec<Vec<usize>> = gold.iter().map(chars).collect();
    let mut pairs = Vec::new();
    for (i, p) in pred_chars.iter().enumerate() {
        for (j, g) in gold_chars.iter().enumerate() {
            let overlap = count_common(p, g);
            if overlap > 0 {
                pairs.push((overlap, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut pred_to_gold = vec![None; predicted.len()];
    let mut gold_taken = vec![false; gold.len()];
    for (_, i, j) in pairs {
        if pred_to_gold[i].is_none() && !gold_taken[j] {
            pred_to_gold[i] = Some(j);
            gold_taken[j] = true;
        }
    }
    pred_to_gold
}

/// Scores predicted against gold attributions of one article, by kind too.
pub fn score_article(
    text: &str,
    predicted: &[Attribution],
    gold: &[Attribution],
) -> (Scores, Vec<(Kind, Scores)>) {
    let all_words = words(text);
    let pred_to_gold = align(text, predicted, gold);
    let mut gold_taken = vec![false; gold.len()];
    for j in pred_to_gold.iter().flatten() {
        gold_taken[*j] = true;
    }
    let pred_kinds: Vec<Kind> = predicted.iter().map(|a| kind_of(text, a)).collect();
    let gold_kinds: Vec<Kind> = gold.iter().map(|a| kind_of(text, a)).collect();
    let part = |a: &Attribution, which: usize| -> Vec<Span> {
        match which {
            0 => a.source.clone(),
            1 => a.cue.clone(),
            _ => a.content.clone(),
        }
    };
    let gold_to_pred: HashMap<usize, usize> = pred_to_gold
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| (j, i)))
        .collect();
    let same = |a: &[Span], b: &[Span]| !a.is_empty() && covered(text, a) == covered(text, b);
    // Scores over the predictions and gold attributions the filters keep: precision counts
    // on the predicted side, recall on the gold side.
    let score_where = |pred_in: &dyn Fn(usize) -> bool, gold_in: &dyn Fn(usize) -> bool| {
        let mut scores = Scores {
            predicted: (0..predicted.len()).filter(|&i| pred_in(i)).count(),
            gold: (0..gold.len()).filter(|&j| gold_in(j)).count(),
            aligned: (0..gold.len())
                .filter(|&j| gold_in(j) && gold_taken[j])
                .count(),
            ..Scores::default()
        };
        for which in 0..3 {
            let mut s = PartScore::default();
            for (i, p) in predicted.iter().enumerate().filter(|(i, _)| pred_in(*i)) {
                let ps = part(p, which);
                if ps.is_empty() {
                    continue;
                }
                s.predicted += 1;
                let pw = words_in(&all_words, &ps);
                s.pred_words += pw.len();
                if let Some(j) = pred_to_gold[i] {
                    let gs = part(&gold[j], which);
                    s.overlap_pred_words += count_common(&pw, &words_in(&all_words, &gs));
                    if same(&ps, &gs) {
                        s.exact_pred += 1;
                    }
                }
            }
            for (j, g) in gold.iter().enumerate().filter(|(j, _)| gold_in(*j)) {
                let gs = part(g, which);
                if gs.is_empty() {
                    continue;
                }
                s.gold += 1;
                let gw = words_in(&all_words, &gs);
                s.gold_words += gw.len();
                if let Some(&i) = gold_to_pred.get(&j) {
                    let ps = part(&predicted[i], which);
                    s.overlap_gold_words += count_common(&words_in(&all_words, &ps), &gw);
                    if same(&ps, &gs) {
                        s.exact_gold += 1;
                    }
                }
            }
            match which {
                0 => scores.source = s,
                1 => scores.cue = s,
                _ => scores.content = s,
            }
        }
        scores
    };
    let total = score_where(&|_| true, &|_| true);
    let mut by_kind = Vec::new();
    for kind in Kind::ALL {
        let pred_in = |i: usize| match kind {
            Kind::NoSource => predicted[i].source.is_empty(),
            k => pred_kinds[i] == k,
        };
        let gold_in = |j: usize| match kind {
            Kind::NoSource => gold[j].source.is_empty(),
            k => gold_kinds[j] == k,
        };
        by_kind.push((kind, score_where(&pred_in, &gold_in)));
    }
    (total, by_kind)
}

/// Paragraph spans: the non-blank lines of the text.
fn line_paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(Span::new(offset + lead, offset + lead + trimmed.len()));
        }
        offset += line.len() + 1;
    }
    out
}

/// Builds the document the quotation layer reads: the text unchanged, its lines as paragraphs,
/// sentences from the rule segmenter and, optionally, tokens from the English pipeline.
pub fn document_for(text: &str, use_nlp: bool) -> Document {
    let mut doc = Document {
        id: "polnear".into(),
        text: text.to_owned(),
        paragraphs: line_paragraphs(text),
        ..Document::default()
    };
    doc.sentences = newsfacts_nlp::split_sentences(&doc.text);
    if use_nlp {
        let analysis = newsfacts_nlp::EnglishPipeline::global().analyze(text);
        doc.tokens = analysis.doc_tokens();
        doc.token_vectors = newsfacts_doc::TokenVectors {
            width: analysis.vector_width,
            values: analysis.vectors,
        };
    }
    doc
}

/// Predicted attributions of a document, in PolNeAR's conventions.
pub fn predict(doc: &Document) -> Vec<Attribution> {
    predict_with(doc, Engine::default(), AttributionModel::embedded())
}

/// Predicted attributions of a document by the chosen engine and model.
pub fn predict_with(
    doc: &Document,
    engine: Engine,
    model: Option<&AttributionModel>,
) -> Vec<Attribution> {
    newsfacts_analysts::quotes::extract_quotes_using(doc, engine, model)
        .into_iter()
        .map(|q| {
            let content = q
                .spans
                .iter()
                .map(|&s| {
                    if matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial) {
                        widen_to_marks(&doc.text, s)
                    } else {
                        s
                    }
                })
                .collect();
            let cue_span = q.cue.as_ref().map(|c| Span::new(c.start, c.end));
            Attribution {
                source: q
                    .speaker
                    .map(|s| {
                        let mention = Span::new(s.mention.start, s.mention.end);
                        let widened = widen_source(&doc.text, mention, cue_span);
                        // What follows a source after its cue is no appositive when it is the
                        // quotation itself ("according to the report, the ferries will …").
                        let into_content = q
                            .spans
                            .iter()
                            .any(|c| c.start < widened.end && widened.start < c.end);
                        vec![if into_content { mention } else { widened }]
                    })
                    .unwrap_or_default(),
                cue: q
                    .cue
                    .map(|c| vec![Span::new(c.start, c.end)])
                    .unwrap_or_default(),
                content,
            }
        })
        .collect()
}

/// One article of a split: its text path and the annotation file of its first annotator.
#[derive(Debug, Clone)]
pub struct PolnearArticle {
    pub text: PathBuf,
    pub ann: PathBuf,
}

impl PolnearArticle {
    /// The article's name, its text file's stem: the key of its entry in a parse cache.
    pub fn name(&self) -> String {
        self.text
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// The articles of `split`, from `metadata.tsv`.
pub fn polnear_articles(dir: &Path, split: &str) -> Result<Vec<PolnearArticle>, QuotesEvalError> {
    let meta_path = dir.join("metadata.tsv");
    let meta = std::fs::read_to_string(&meta_path).map_err(|source| QuotesEvalError::Io {
        path: meta_path.clone(),
        source,
    })?;
    let mut out = Vec::new();
    for line in meta.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (Some(&compartment), Some(&name), Some(&annotators)) =
            (fields.first(), fields.get(1), fields.get(3))
        else {
            continue;
        };
        if compartment != split {
            continue;
        }
        let base = dir.join(split);
        let text = base.join("text").join(format!("{name}.txt"));
        let first = annotators.split('|').next().unwrap_or_default();
        let ann = base
            .join("attributions")
            .join(format!("{name}_{first}.ann"));
        if text.exists() && ann.exists() {
            out.push(PolnearArticle { text, ann });
        }
    }
    if out.is_empty() {
        return Err(QuotesEvalError::EmptySplit {
            path: meta_path,
            split: split.to_owned(),
        });
    }
    Ok(out)
}

fn read(path: &Path) -> Result<String, QuotesEvalError> {
    std::fs::read_to_string(path).map_err(|source| QuotesEvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Scores newsfacts on a PolNeAR split (`dir` is the directory holding `metadata.tsv`) with the
/// built-in model.
pub fn score_polnear(
    dir: &Path,
    options: &PolnearOptions,
) -> Result<PolnearReport, QuotesEvalError> {
    score_polnear_with(dir, options, AttributionModel::embedded())
}

/// Scores newsfacts on a PolNeAR split with the given attribution model.
pub fn score_polnear_with(
    dir: &Path,
    options: &PolnearOptions,
    model: Option<&AttributionModel>,
) -> Result<PolnearReport, QuotesEvalError> {
    let mut articles = polnear_articles(dir, &options.split)?;
    if let Some(limit) = options.limit {
        articles.truncate(limit);
    }
    let mut report = PolnearReport {
        split: options.split.clone(),
        articles: articles.len(),
        used_nlp: options.use_nlp,
        by_kind: Kind::ALL.iter().map(|&k| (k, Scores::default())).collect(),
        ..PolnearReport::default()
    };
    for article in &articles {
        let text = read(&article.text)?;
        let gold = read_ann(&read(&article.ann)?, &text);
        let doc = if options.use_nlp {
            let cache = options.cache.as_ref().map(|c| c.join(&options.split));
            crate::quotes_train::parsed_document(&text, cache.as_deref(), &article.name())?
        } else {
            document_for(&text, false)
        };
        let predicted = predict_with(&doc, options.engine, model);
        let (total, by_kind) = score_article(&text, &predicted, &gold);
        report.total.add(&total);
        for ((_, acc), (_, s)) in report.by_kind.iter_mut().zip(&by_kind) {
            acc.add(s);
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_after_its_cue_is_not_widened_into_the_quotation() {
        let text = "According to the council's report, the ferries will cut emissions by a third.";
        let doc = document_for(text, false);
        let sources: Vec<&str> = predict(&doc)
            .iter()
            .flat_map(|a| a.source.iter().map(|s| &text[s.start..s.end]))
            .collect();
        assert_eq!(sources, ["the council's report"]);
    }

    #[test]
    fn an_appositive_runs_past_abbreviations() {
        let text = "“No,” said Paul Pillar, a former C.I.A. analyst close to Mr. Obama. Then …";
        let at = |word: &str| text.find(word).unwrap_or_default();
        let cue = Span::new(at("said"), at("said") + 4);
        let mention = Span::new(at("Paul"), at(", a"));
        let source = widen_source(text, mention, Some(cue));
        assert_eq!(
            &text[source.start..source.end],
            "Paul Pillar, a former C.I.A. analyst close to Mr. Obama"
        );
    }

    #[test]
    fn a_source_after_its_cue_takes_its_appositive() {
        let text = "“We will win,” said Ed Rendell, a former governor.";
        let at = |word: &str| text.find(word).unwrap_or_default();
        let cue = Span::new(at("said"), at("said") + 4);
        let mention = Span::new(at("Ed"), at(", a"));
        let source = widen_source(text, mention, Some(cue));
        assert_eq!(
            &text[source.start..source.end],
            "Ed Rendell, a former governor"
        );
    }
}
