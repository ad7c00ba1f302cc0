//! Quotations: who said what. Fills the document's `quotes` layer with direct, split,
//! multi-paragraph, colon-introduced, indirect, mixed, partial and sourced quotations, each with
//! its cue and its speaker.
//!
//! The extractor works in passes over the document's tokens ([`tokens`]):
//! 1. [`marks`] pairs quotation marks in each paragraph (curly, straight, nested, unbalanced)
//!    and joins quotations that run over paragraphs;
//! 2. direct quotations get their cue and speaker from the words after the closing mark
//!    (“…,” Miller said / said Caddell) or before the opening one (… lamented: “…”); a quotation
//!    with no cue of its own continues the previous speaker's in the same paragraph;
//! 3. indirect speech: a cue verb of the [`lexicon`] with a speaker before it and a clause after
//!    it ("Miller said the sight of Putin … exposed …"), or a clause followed by ", he said";
//!    "according to X" and "…, saying …" (the previous speaker again);
//! 4. partial quotations: quoted words inside narration count only when a cue governs the
//!    sentence ("Kim promised … his “sacred fight”"); otherwise they are scare quotes or titles.
//!
//! Speakers are noun phrases beside the cue ([`speaker`]); the [`speaker::Resolver`] turns them
//! into canonical names through the entities layer when it is filled, else by its own rules.
//! Part-of-speech tags and the parse are used when the pipeline provided them; without them the
//! rules fall back to capitalisation and word lists.

pub mod lexicon;
pub mod marks;
pub mod model;
pub mod network;
pub mod recurrent;
pub mod speaker;
pub mod tokens;

use newsfacts_doc::{Document, Quote, QuoteKind, Span, Speaker};

use lexicon::{CUE_EXTENSIONS, CueClass, Lexicon, longest_match};
use marks::{MarkKind, Quoted, quoted_in_paragraph};
use speaker::{Resolver, np_left, np_right, speaker_right};
use tokens::{Tok, TokenView};

/// Words joining a verb cue on its left: auxiliaries, negation and adverbs ("has also said").
const CUE_AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "'s",
    "'ve",
    "'d",
    "also",
    "later",
    "then",
    "previously",
    "recently",
    "once",
    "repeatedly",
    "publicly",
    "privately",
    "reportedly",
    "earlier",
    "again",
    "even",
    "just",
    "further",
    "flatly",
    "simply",
    "not",
    "n't",
    "did",
    "does",
    "do",
    "never",
    "often",
    "always",
    "already",
    "still",
    "both",
    "all",
];

/// Words that open a reported clause.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "how", "why", "whether", "what", "when", "where", "if", "who", "which",
];

/// Subject pronouns and determiners that begin a clause after a cue in untagged text.
const SUBJECT_STARTERS: &[&str] = &[
    "he", "she", "they", "we", "i", "it", "you", "there", "the", "a", "an", "his", "her", "their",
    "its", "our", "this", "these", "those", "some", "many", "most", "no", "every",
];

/// Extracts the quotations of a document. Uses `doc.tokens` (tags, parse, entities) when the
/// pipeline filled them, `doc.sentences` and `doc.paragraphs`; computes what is missing.
pub fn extract_quotes(doc: &Document) -> Vec<Quote> {
    extract_quotes_with(doc, Engine::default())
}

/// Which extractor finds the attributions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// The hand-written rules alone.
    Rules,
    /// The trained [`model`] alone (the rules when the text was not parsed).
    Model,
    /// The rules' direct quotations, the model's other attributions.
    #[default]
    Hybrid,
}

/// Extracts the quotations of a document with the chosen engine and the built-in model.
pub fn extract_quotes_with(doc: &Document, engine: Engine) -> Vec<Quote> {
    extract_quotes_using(doc, engine, model::AttributionModel::embedded())
}

/// Extracts the quotations of a document with the chosen engine and model (None: rules only).
pub fn extract_quotes_using(
    doc: &Document,
    engine: Engine,
    model: Option<&model::AttributionModel>,
) -> Vec<Quote> {
    let view = TokenView::of(doc);
    if view.toks.is_empty() {
        return Vec::new();
    }
    let mut extractor = Extractor::new(doc, &view);
    let model = model.filter(|_| view.parsed);
    match (engine, model) {
        (Engine::Rules, _) | (_, None) => {
            extractor.direct();
            extractor.indirect();
            extractor.partial();
        }
        (Engine::Model, Some(model)) => extractor.model_pass(model, false),
        (Engine::Hybrid, Some(model)) => {
            extractor.direct();
            extractor.model_pass(model, true);
        }
    }
    extractor.finish()
}

/// A half-open range of token indices.
type TokRange = (usize, usize);

/// A quotation being assembled, in token and byte terms.
#[derive(Debug, Clone)]
struct Attribution {
    kind: QuoteKind,
    content: Vec<Span>,
    /// Cue token range.
    cue: Option<(usize, usize)>,
    /// Speaker token range.
    speaker: Option<(usize, usize)>,
    confidence: f32,
    /// Paragraph of the last content span.
    paragraph: usize,
}

/// Verbs of coming to light or seeming whose subject "it" names nobody: "It emerged that …",
/// "It appears that …", "It transpired that …".
const IMPERSONAL_VERBS: &[&str] = &["seem", "appear", "emerge", "transpire"];

/// A top-level quotation, possibly over several paragraphs.
#[derive(Debug, Clone)]
struct QuoteGroup {
    parts: Vec<Quoted>,
    /// Whether an attribution took it.
    used: bool,
}

impl QuoteGroup {
    fn outer(&self) -> Span {
        let first = self.parts.first().map_or(Span::new(0, 0), |q| q.outer);
        let last = self.parts.last().map_or(first, |q| q.outer);
        Span::new(first.start, last.end)
    }
}

struct Extractor<'a> {
    doc: &'a Document,
    view: &'a TokenView,
    toks: &'a [Tok],
    /// Paragraph index of each token.
    para_of: Vec<usize>,
    /// Clause unit (sentences joined where a quotation crosses them) of each token, and the
    /// token range of each unit.
    unit_of: Vec<usize>,
    units: Vec<(usize, usize)>,
    groups: Vec<QuoteGroup>,
    /// The top-level quotation group covering each token, if any.
    in_quote: Vec<Option<usize>>,
    /// Nested quotations (for trimming: a closing mark of a nested pair is kept).
    all_marks: Vec<Quoted>,
    /// Tokens already used as cue or speaker.
    used_tok: Vec<bool>,
    found: Vec<Attribution>,
    /// Dependents of each token, when the text was parsed.
    children: Vec<Vec<usize>>,
}

impl<'a> Extractor<'a> {
    fn new(doc: &'a Document, view: &'a TokenView) -> Extractor<'a> {
        let toks = view.toks.as_slice();
        let text = &doc.text;
        let paragraphs: Vec<Span> = if doc.paragraphs.is_empty() {
            vec![Span::new(0, text.len())]
        } else {
            doc.paragraphs.clone()
        };
        let sentences: Vec<Span> = if doc.sentences.is_empty() {
            newsfacts_nlp::split_sentences(text)
        } else {
            doc.sentences.clone()
        };
        let para_of = assign(toks, &paragraphs);
        // Quotations per paragraph, joined over paragraphs when one is left open and the next
        // paragraph opens with a mark.
        let mut groups: Vec<QuoteGroup> = Vec::new();
        let mut all_marks = Vec::new();
        let mut open_from_previous: Option<usize> = None;
        for para in &paragraphs {
            let quoted = quoted_in_paragraph(text, *para);
            let mut carried = open_from_previous.take();
            // A quotation left open inside the paragraph, ended by the opening mark of the
            // next (`marks::quoted_in_paragraph`: paragraphs run together), and where it ends.
            let mut open_before: Option<(usize, usize)> = None;
            for q in quoted.iter().filter(|q| q.depth == 0) {
                let starts_paragraph = text[para.start..q.outer.start].trim().is_empty();
                let continues = match carried {
                    Some(g) if starts_paragraph && q.kind == MarkKind::Double => Some(g),
                    _ => None,
                }
                .or_else(|| {
                    open_before
                        .filter(|&(_, end)| {
                            q.kind == MarkKind::Double
                                && text
                                    .get(end..q.outer.start)
                                    .is_some_and(|between| between.trim().is_empty())
                        })
                        .map(|(g, _)| g)
                });
                carried = None;
                open_before = None;
                let g = match continues {
                    Some(g) => {
                        groups[g].parts.push(q.clone());
                        g
                    }
                    None => {
                        groups.push(QuoteGroup {
                            parts: vec![q.clone()],
                            used: false,
                        });
                        groups.len() - 1
                    }
                };
                if !q.closed && q.kind == MarkKind::Double {
                    if q.outer.end >= para.end {
                        open_from_previous = Some(g);
                    } else {
                        open_before = Some((g, q.outer.end));
                    }
                }
            }
            all_marks.extend(quoted);
        }
        let mut in_quote = vec![None; toks.len()];
        for (g, group) in groups.iter().enumerate() {
            for part in &group.parts {
                let s = view.first_from(part.outer.start);
                let e = view.end_before(part.outer.end);
                for slot in in_quote.iter_mut().take(e).skip(s) {
                    *slot = Some(g);
                }
            }
        }
        // Units: sentences, joined where a quotation crosses their boundary, never across
        // paragraphs.
        let sent_of = assign(toks, &sentences);
        let mut sent_unit: Vec<usize> = (0..sentences.len().max(1)).collect();
        for group in &groups {
            for part in &group.parts {
                let s = view.first_from(part.outer.start);
                let e = view.end_before(part.outer.end);
                if e > s {
                    let (a, b) = (sent_of[s], sent_of[e - 1]);
                    let target = sent_unit[a];
                    for slot in sent_unit.iter_mut().take(b + 1).skip(a) {
                        *slot = target;
                    }
                }
            }
        }
        let mut units = Vec::new();
        let mut renumbered = vec![0; toks.len()];
        let mut start = 0;
        for k in 0..=toks.len() {
            let boundary = k == toks.len()
                || (k > 0
                    && (sent_unit[sent_of[k]] != sent_unit[sent_of[k - 1]]
                        || para_of[k] != para_of[k - 1]));
            if boundary {
                if k > start {
                    units.push((start, k));
                }
                start = k;
            }
            if k < toks.len() {
                renumbered[k] = units.len();
            }
        }
        Extractor {
            doc,
            view,
            toks,
            para_of,
            unit_of: renumbered,
            units,
            groups,
            in_quote,
            all_marks,
            used_tok: vec![false; toks.len()],
            found: Vec::new(),
            children: children_of(toks, view.parsed),
        }
    }

    /// The dependent of `k` with one of the labels `deps`, first in text order.
    fn child(&self, k: usize, deps: &[&str]) -> Option<usize> {
        self.children
            .get(k)?
            .iter()
            .copied()
            .find(|&c| deps.contains(&self.toks[c].dep.as_str()))
    }

    /// The subject of the verb a participle cue at `k` hangs from (following the heads up
    /// through coordinated and adverbial clauses), when it lies between `floor` and the cue
    /// phrase's start `cue_start`.
    fn participle_subject(&self, k: usize, cue_start: usize, floor: usize) -> Option<TokRange> {
        let mut at = k;
        for _ in 0..4 {
            let head = self.toks[at]
                .head
                .filter(|&h| h != at && h < self.toks.len())?;
            if let Some(subject) = self.parsed_subject(head, cue_start, floor) {
                return Some(subject);
            }
            at = head;
        }
        None
    }

    /// The token range of the subtree of `k`, when it is contiguous.
    fn subtree(&self, k: usize) -> Option<TokRange> {
        let mut stack = vec![k];
        let (mut lo, mut hi, mut n) = (k, k, 0);
        while let Some(x) = stack.pop() {
            n += 1;
            if n > self.toks.len() {
                return None; // a cycle: a broken parse
            }
            lo = lo.min(x);
            hi = hi.max(x);
            stack.extend(self.children.get(x).into_iter().flatten().copied());
        }
        (hi + 1 - lo == n).then_some((lo, hi + 1))
    }

    /// The reported clause of cue verb `k` from the parse: its clausal complement, without a
    /// coordinated clause of the narrator's (", and the market did nothing") or a
    /// non-restrictive relative clause at its end (", which …").
    fn parsed_content(&self, k: usize, allow_infinitive: bool) -> Option<TokRange> {
        let deps: &[&str] = if allow_infinitive {
            &["ccomp", "xcomp"]
        } else {
            &["ccomp"]
        };
        let c = self.child(k, deps).filter(|&c| c > k)?;
        let (lo, hi) = self.subtree(c)?;
        let mut cut = hi;
        let mut stack = vec![c];
        while let Some(x) = stack.pop() {
            for &d in self.children.get(x).into_iter().flatten() {
                let dep = self.toks[d].dep.as_str();
                let after_comma = self.subtree(d).is_some_and(|(dlo, _)| {
                    dlo > lo && self.toks[dlo - 1].is_any(&[",", "—", "–", "-", ";"])
                });
                let own_clause = dep == "conj"
                    && self.child(d, &["nsubj", "nsubjpass"]).is_some()
                    && self.child(d, &["mark"]).is_none();
                if (own_clause || dep == "relcl" && after_comma) && d > c {
                    if let Some((dlo, _)) = self.subtree(d) {
                        let mut start = dlo;
                        while start > lo
                            && (self.toks[start - 1].is_any(&[",", "and", "but", "or", "—", "–"])
                                || self.toks[start - 1].dep == "cc")
                        {
                            start -= 1;
                        }
                        cut = cut.min(start);
                    }
                } else if d > x {
                    stack.push(d);
                }
            }
        }
        (cut > lo).then_some((lo, cut))
    }

    /// The subject of cue verb `k` from the parse, when it lies before the cue phrase.
    fn parsed_subject(&self, k: usize, cue_start: usize, floor: usize) -> Option<TokRange> {
        let n = self.child(k, &["nsubj"])?;
        let (lo, mut hi) = self.subtree(n)?;
        while hi > lo && !self.toks[hi - 1].word {
            hi -= 1;
        }
        (lo >= floor && hi <= cue_start && hi > lo).then_some((lo, hi))
    }

    /// A verb cue at token `k`, when it is one and is used as a verb.
    fn cue_verb(&self, k: usize) -> Option<lexicon::CueWord> {
        let t = self.toks.get(k)?;
        if !t.word || self.in_quote[k].is_some() {
            return None;
        }
        if self.view.tagged && !t.tag.starts_with("VB") {
            return None;
        }
        let lexicon = Lexicon::global();
        let cue = lexicon.verb(&t.lower).or_else(|| {
            (!t.lemma.is_empty())
                .then(|| lexicon.verb(&t.lemma))
                .flatten()
        })?;
        if !self.view.tagged && t.lower == cue.lemma {
            // Untagged, a bare form is often a noun ("full support", "a report"): take it as a
            // verb only after a subject pronoun, an auxiliary or "to".
            let verbal = k > 0
                && self.toks[k - 1].is_any(&[
                    "i", "we", "you", "they", "to", "will", "would", "could", "should", "may",
                    "might", "must", "can", "do", "did", "not", "n't", "also", "still",
                ]);
            if !verbal {
                return None;
            }
        }
        Some(cue)
    }

    /// Whether token `k` is an auxiliary or adverb that joins a cue ([`CUE_AUX`]), not a name
    /// written like one ("“…,” May said").
    fn is_cue_aux(&self, k: usize) -> bool {
        self.toks[k].is_any(CUE_AUX) && !speaker::is_named(&self.toks[k])
    }

    /// The cue phrase around verb `k`: auxiliaries and adverbs on its left, a particle,
    /// "in a statement" or a colon on its right. Returns the token range.
    fn cue_phrase(&self, k: usize, floor: usize) -> (usize, usize) {
        let mut s = k;
        while s > floor && self.is_cue_aux(s - 1) && self.in_quote[s - 1].is_none() {
            s -= 1;
        }
        let mut e = k + 1;
        if self
            .toks
            .get(e)
            .is_some_and(|t| t.is_any(&["out", "on", "up", "back", "for"]))
            && self.toks[k].is_any(&[
                "point", "points", "pointed", "pointing", "call", "calls", "called", "calling",
                "went", "go", "goes", "going", "follow", "followed", "chime", "chimed", "speak",
                "spoke",
            ])
        {
            e += 1;
        }
        let words: Vec<&str> = self.toks[e..self.toks.len().min(e + 5)]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        if let Some(n) = longest_match(CUE_EXTENSIONS, &words) {
            e += n;
        }
        if self.toks.get(e).is_some_and(|t| t.is(":")) {
            e += 1;
        }
        (s, e)
    }

    /// Splits a quotation whose paragraphs ran together when its first run has a speaker before
    /// it and its last run another after it: in "Mido added: "It is not my right … "So I am
    /// used to it. Meanwhile, FA spokesman Sam Hill welcomed the apology. "His apology does not
    /// hurt him," Hill said." the last run is Hill's, not the rest of Mido's, and the sentence
    /// of the run before it that names Hill is narration, not Mido's words.
    fn split_run_together_speakers(&mut self) {
        for g in 0..self.groups.len() {
            let parts = &self.groups[g].parts;
            let n = parts.len();
            if n < 2 || parts[n - 2].closed {
                continue;
            }
            let (prev, last) = (parts[n - 2].clone(), parts[n - 1].clone());
            let last_first = self.view.first_from(last.outer.start);
            let prev_first = self.view.first_from(prev.outer.start);
            if last_first >= self.toks.len() || self.para_of[prev_first] != self.para_of[last_first]
            {
                continue;
            }
            let first_tok = self.view.first_from(parts[0].outer.start);
            let (unit_start, _) = self.units[self.unit_of[first_tok]];
            let introduced = first_tok > unit_start && self.toks[first_tok - 1].is_any(&[":", ","]);
            let Some((_, leading_speaker)) = introduced
                .then(|| self.leading(first_tok, unit_start))
                .flatten()
            else {
                continue;
            };
            let after = self.view.first_from(last.outer.end);
            let (_, last_unit_end) = self.units[self.unit_of[last_first]];
            let Some((_, Some(trailing_speaker))) = self.trailing(after, last_unit_end) else {
                continue;
            };
            // Only another speaker named: a pronoun ("… ," he said) or a name the words before
            // the first run hold ("Dr Erel Avineri, of … in Bristol said: … ," said Dr Avineri)
            // is the same one.
            let other = self.toks[trailing_speaker.1 - 1].lower.clone();
            let (ls, _) = leading_speaker;
            if matches!(other.as_str(), "he" | "she" | "they" | "it" | "we" | "i")
                || self.toks[unit_start.min(ls)..first_tok]
                    .iter()
                    .any(|t| t.lower == other)
            {
                continue;
            }
            // The sentence naming the next speaker, and what follows it, leave the run.
            let run = prev_first..self.view.end_before(prev.outer.end);
            let cut = run
                .clone()
                .find(|&k| k > prev_first + 1 && self.toks[k].word && self.toks[k].lower == other)
                .and_then(|named| {
                    (prev_first..named)
                        .rev()
                        .find(|&k| self.toks[k].is_any(&[".", "?", "!"]))
                })
                .map(|stop| self.toks[stop].end);
            let new_group = self.groups.len();
            let mut moved = last;
            let mut kept = prev;
            if let Some(end) = cut {
                for slot in self
                    .in_quote
                    .iter_mut()
                    .take(run.end)
                    .skip(self.view.first_from(end))
                {
                    *slot = None;
                }
                kept.outer.end = end;
                kept.inner.end = end;
            }
            for slot in self
                .in_quote
                .iter_mut()
                .take(self.view.end_before(moved.outer.end))
                .skip(last_first)
            {
                *slot = Some(new_group);
            }
            moved.depth = 0;
            let parts = &mut self.groups[g].parts;
            parts.pop();
            if let Some(p) = parts.last_mut() {
                *p = kept;
            }
            self.groups.push(QuoteGroup {
                parts: vec![moved],
                used: false,
            });
        }
    }

    /// Pass 2: direct quotations.
    fn direct(&mut self) {
        self.split_run_together_speakers();
        let mut last_direct: Option<usize> = None;
        for g in 0..self.groups.len() {
            let outer = self.groups[g].outer();
            let first_tok = self.view.first_from(outer.start);
            let after = self.view.first_from(outer.end);
            if first_tok >= self.toks.len() {
                continue;
            }
            let unit = self.unit_of[first_tok];
            let (unit_start, _) = self.units[unit];
            let last_part_tok = self.view.first_from(
                self.groups[g]
                    .parts
                    .last()
                    .map_or(outer.start, |p| p.outer.start),
            );
            let (_, last_unit_end) =
                self.units[self.unit_of[last_part_tok.min(self.toks.len() - 1)]];
            let content = self.content_spans(g);
            if content.is_empty() {
                continue;
            }
            let words = self.word_count(&content);
            let paragraph = self.para_of[after.saturating_sub(1).min(self.toks.len() - 1)];

            // Trailing attribution: “…,” Miller said / said Caddell.
            if let Some((cue, speaker)) = self.trailing(after, last_unit_end) {
                let kind = QuoteKind::Direct;
                self.take(cue, speaker);
                self.groups[g].used = true;
                self.found.push(Attribution {
                    kind,
                    content,
                    cue: Some(cue),
                    speaker,
                    confidence: if speaker.is_some() { 0.9 } else { 0.6 },
                    paragraph,
                });
                last_direct = Some(self.found.len() - 1);
                continue;
            }
            // Leading attribution: … said: “…” / … lamented …: “…”.
            let before: Vec<usize> = (unit_start..first_tok).collect();
            let introduced = before
                .last()
                .is_some_and(|&k| self.toks[k].is_any(&[":", ","]) || self.cue_verb(k).is_some());
            if introduced {
                if let Some((cue, speaker)) = self.leading(first_tok, unit_start) {
                    self.take(cue, Some(speaker));
                    self.groups[g].used = true;
                    self.found.push(Attribution {
                        kind: QuoteKind::Direct,
                        content,
                        cue: Some(cue),
                        speaker: Some(speaker),
                        confidence: 0.85,
                        paragraph,
                    });
                    last_direct = Some(self.found.len() - 1);
                    continue;
                }
            }
            // The quotation begins its unit: it continues the previous speaker's quotation in
            // the same paragraph, or follows a paragraph ending "… continued:".
            let opens_unit = before.iter().all(|&k| !self.toks[k].word);
            if !opens_unit || words < 2 {
                continue;
            }
            let para = self.para_of[first_tok];
            if let Some(prev) = last_direct.filter(|&p| self.found[p].paragraph == para) {
                self.found[prev].content.extend(content);
                self.groups[g].used = true;
                continue;
            }
            if unit_start > 0 {
                let prev_end = unit_start - 1;
                if self.toks[prev_end].is(":") && self.para_of[prev_end] + 1 == para {
                    let (ps, _) = self.units[self.unit_of[prev_end]];
                    if let Some((cue, speaker)) = self.leading(prev_end + 1, ps) {
                        self.take(cue, Some(speaker));
                        self.groups[g].used = true;
                        self.found.push(Attribution {
                            kind: QuoteKind::Direct,
                            content,
                            cue: Some(cue),
                            speaker: Some(speaker),
                            confidence: 0.8,
                            paragraph,
                        });
                        last_direct = Some(self.found.len() - 1);
                        continue;
                    }
                }
            }
        }
    }

    /// Cue and speaker right after a closing mark at token `after`.
    fn trailing(&self, after: usize, unit_end: usize) -> Option<(TokRange, Option<TokRange>)> {
        let mut j = after;
        if self.toks.get(j).is_some_and(|t| t.is(",")) {
            j += 1;
        }
        let ceil = unit_end.max(j).min(self.toks.len());
        if j >= ceil {
            return None;
        }
        // Inverted: said Caddell / wrote Mykhailo Podolyak.
        let mut v = j;
        while v < ceil && self.is_cue_aux(v) {
            v += 1;
        }
        if v < ceil && self.cue_verb(v).is_some() && v - j <= 2 {
            let (cs, ce) = self.cue_phrase(v, j);
            let speaker = speaker_right(self.view, ce, ceil);
            return Some(((cs.max(j), ce), speaker));
        }
        // Normal order: Miller said / the spokesman for X said / he added.
        for v in j + 1..ceil.min(j + 14) {
            if !self.toks[v].word || self.in_quote[v].is_some() {
                // An appositive, a possessive or a parenthesis may sit in the speaker phrase.
                if self.toks[v].is_any(&[",", "'s", "-", "(", ")", "."])
                    && self.in_quote[v].is_none()
                {
                    continue;
                }
                break;
            }
            if self.cue_verb(v).is_some() {
                let (cs, ce) = self.cue_phrase(v, j);
                if let Some((ss, se)) = np_left(self.view, cs, j) {
                    if ss == j {
                        return Some(((cs, ce), Some((ss, se))));
                    }
                }
                break;
            }
        }
        None
    }

    /// Cue and speaker before an opening mark at token `first` (the quotation follows a colon,
    /// a comma or the cue itself): the nearest cue verb of the unit with a speaker.
    fn leading(&self, first: usize, unit_start: usize) -> Option<((usize, usize), (usize, usize))> {
        let mut k = first;
        while k > unit_start {
            k -= 1;
            if self.in_quote[k].is_some() {
                break;
            }
            if let Some(cue) = self.cue_verb(k).filter(|_| !self.used_tok[k]) {
                let (cs, ce) = self.cue_phrase(k, unit_start);
                if cue.participle {
                    // "…, telling reporters: “…”": a participle's speaker is the subject of the
                    // verb it hangs from, never the addressee after it.
                    if let Some(speaker) = self.participle_subject(k, cs, unit_start) {
                        return Some(((cs, ce), speaker));
                    }
                    continue;
                }
                if let Some(speaker) = np_left(self.view, cs, unit_start) {
                    return Some(((cs, ce), speaker));
                }
                // Inverted before the quotation: "said Caddell: “…”".
                if let Some(speaker) = speaker_right(self.view, ce, first) {
                    return Some(((cs, ce), speaker));
                }
            }
            // "According to X: “…”" and similar nominal cues.
            let words: Vec<&str> = self.toks[k..first]
                .iter()
                .map(|t| t.lower.as_str())
                .collect();
            if let Some(n) = Lexicon::phrase_at(&words) {
                if let Some(speaker) = speaker_right(self.view, k + n, first) {
                    return Some(((k, k + n), speaker));
                }
            }
        }
        None
    }

    /// Content spans of a quotation group: the words between the marks, without the comma
    /// that ends a quotation followed by its attribution.
    fn content_spans(&self, g: usize) -> Vec<Span> {
        let text = &self.doc.text;
        self.groups[g]
            .parts
            .iter()
            .filter_map(|q| {
                let inner = &text[q.inner.start..q.inner.end];
                let trimmed = inner.trim_end().trim_end_matches(',').trim_end();
                let lead = inner.len() - inner.trim_start().len();
                let start = q.inner.start + lead;
                let end = q.inner.start + trimmed.len();
                (end > start).then(|| Span::new(start, end))
            })
            .collect()
    }

    fn word_count(&self, spans: &[Span]) -> usize {
        spans
            .iter()
            .map(|s| self.doc.text[s.start..s.end].split_whitespace().count())
            .sum()
    }

    fn take(&mut self, cue: (usize, usize), speaker: Option<(usize, usize)>) {
        for k in cue.0..cue.1 {
            self.used_tok[k] = true;
        }
        if let Some((s, e)) = speaker {
            for k in s..e {
                self.used_tok[k] = true;
            }
        }
    }

    /// Pass 3: indirect and sourced speech.
    fn indirect(&mut self) {
        for u in 0..self.units.len() {
            let (us, ue) = self.units[u];
            let mut k = us;
            while k < ue {
                if self.in_quote[k].is_some() || self.used_tok[k] {
                    k += 1;
                    continue;
                }
                // According to X.
                let words: Vec<&str> = self.toks[k..ue.min(k + 6)]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect();
                if let Some(n) =
                    Lexicon::phrase_at(&words).filter(|_| words.first() == Some(&"according"))
                {
                    if let Some(attr) = self.sourced(k, k + n, us, ue) {
                        k = attr.speaker.map_or(k + n, |s| s.1);
                        self.found.push(attr);
                        continue;
                    }
                }
                if let Some(attr) = self.reported_clause(k, us, ue) {
                    k = attr.cue.map_or(k + 1, |c| c.1);
                    self.found.push(attr);
                    continue;
                }
                k += 1;
            }
            if let Some(attr) = self.postposed(us, ue) {
                self.found.push(attr);
            }
        }
    }

    /// "…, according to X." or "According to X, …".
    fn sourced(&mut self, s: usize, e: usize, us: usize, ue: usize) -> Option<Attribution> {
        let toks = self.toks;
        // The source runs to the next comma or the unit end.
        let mut se = e;
        while se < ue
            && !toks[se].is_any(&[",", ".", ";", ":", "!", "?"])
            && self.in_quote[se].is_none()
        {
            se += 1;
        }
        if se == e {
            return None;
        }
        let content =
            if s == us || toks[s.saturating_sub(1)..s].iter().all(|t| !t.word) && s <= us + 1 {
                // According to X, CLAUSE.
                let cs = if toks.get(se).is_some_and(|t| t.is(",")) {
                    se + 1
                } else {
                    se
                };
                self.trim_content(cs, ue)?
            } else {
                let mut ce = s;
                while ce > us && !toks[ce - 1].word && !self.is_closing_mark(ce - 1) {
                    ce -= 1;
                }
                self.trim_content(us, ce)?
            };
        self.take((s, e), Some((e, se)));
        Some(Attribution {
            kind: QuoteKind::Sourced,
            paragraph: self.para_of[s],
            content: vec![content],
            cue: Some((s, e)),
            speaker: Some((e, se)),
            confidence: 0.8,
        })
    }

    /// A cue verb at `k` with a speaker on its left and a reported clause on its right.
    fn reported_clause(&mut self, k: usize, us: usize, ue: usize) -> Option<Attribution> {
        let cue = self.cue_verb(k)?;
        let toks = self.toks;
        let (cs, ce) = self.cue_phrase(k, us);
        // Participle after a comma: "…, saying …" continues the sentence's speaker.
        let participle_of_previous = cue.participle && cs > us && toks[cs - 1].is(",");
        let speaker = if participle_of_previous {
            self.found
                .iter()
                .rev()
                .find(|a| a.cue.is_some_and(|c| c.0 >= us && c.1 <= cs))
                .and_then(|a| a.speaker)
                .or_else(|| np_left(self.view, cs, us))
        } else {
            self.parsed_subject(k, cs, us)
                .or_else(|| np_left(self.view, cs, us))
        }?;
        if self.view.parsed {
            let infinitive = matches!(cue.class, CueClass::Report | CueClass::Thought);
            if let Some((lo, mut hi)) = self.parsed_content(k, infinitive) {
                // A quotation opened inside the clause closes inside it, whatever the parse
                // attached the closing punctuation to.
                let (from, to) = (toks[lo].start, toks[hi - 1].end);
                for group in &self.groups {
                    let o = group.outer();
                    if o.start >= from && o.start < to && o.end > to {
                        hi = hi.max(self.view.end_before(o.end)).min(ue);
                    }
                }
                if lo >= ce && hi <= ue && self.in_quote[lo].is_none_or(|g| !self.groups[g].used) {
                    let content = self.trim_content(lo, hi)?;
                    return self.indirect_attribution(content, (cs, ce), speaker, cue, k);
                }
            }
            // Verbs that report through their object ("criticized the plan", "endorsed
            // Clinton"): the object is what is reported.
            if matches!(cue.class, CueClass::Report | CueClass::Thought) && !participle_of_previous
            {
                if let Some((lo, hi)) = self
                    .child(k, &["dobj"])
                    .filter(|&d| d >= ce)
                    .and_then(|d| self.subtree(d))
                {
                    if hi <= ue && self.in_quote[lo].is_none_or(|g| !self.groups[g].used) {
                        let content = self.trim_content(lo, hi)?;
                        return self.indirect_attribution(content, (cs, ce), speaker, cue, k);
                    }
                }
            }
        }
        if self.used_tok[speaker.0..speaker.1].iter().any(|&u| u) && !participle_of_previous {
            return None;
        }
        // The complement: skip the hearer of "told X (that)", and a time or place phrase
        // before "that" ("said on Tuesday that").
        let mut r = ce;
        if r >= ue {
            return None;
        }
        if let Some(that) =
            (r..ue.min(r + 8)).find(|&j| toks[j].is("that") && self.in_quote[j].is_none())
        {
            let between_is_phrase = toks[r..that].iter().all(|t| {
                t.word
                    && (self.cue_verb_any(t).is_none())
                    && !t.is_any(&["he", "she", "they", "it"])
                    || t.is(",")
            });
            if that == r || between_is_phrase || cue.class == CueClass::Address {
                r = that;
            }
        }
        if cue.class == CueClass::Address && !toks[r].is("that") {
            // "told reporters …": skip the hearer phrase.
            if let Some((_, he)) = np_right(self.view, r, ue) {
                r = he;
                if toks.get(r).is_some_and(|t| t.is(",")) {
                    return None;
                }
            }
        }
        if r >= ue || toks[r].is_any(&[",", ".", ";", "!", "?", ")"]) {
            return None;
        }
        // A quotation right after the cue is the direct pass's business.
        if self.in_quote[r].is_some_and(|g| self.groups[g].used) || toks[r].is(":") {
            return None;
        }
        let first = &toks[r];
        let clause = first.is_any(CLAUSE_OPENERS)
            || (cue.class != CueClass::Report
                && cue.class != CueClass::Thought
                && self.looks_like_clause(r, ue))
            || (matches!(cue.class, CueClass::Report | CueClass::Thought)
                && (first.is("to")
                    && matches!(
                        cue.lemma,
                        "promise"
                            | "pledge"
                            | "vow"
                            | "threaten"
                            | "plan"
                            | "want"
                            | "hope"
                            | "intend"
                            | "expect"
                            | "refuse"
                            | "decline"
                            | "offer"
                            | "agree"
                            | "aim"
                            | "wish"
                            | "prefer"
                            | "seek"
                            | "like"
                            | "love"
                            | "hate"
                    )
                    || self.view.tagged && self.looks_like_clause(r, ue)));
        if !clause {
            return None;
        }
        // The clause ends at the unit end.
        let content = self.trim_content(r, ue)?;
        self.indirect_attribution(content, (cs, ce), speaker, cue, k)
    }

    /// An indirect (or mixed) attribution over `content`, taking the quotations inside it.
    fn indirect_attribution(
        &mut self,
        content: Span,
        (cs, ce): TokRange,
        speaker: TokRange,
        cue: lexicon::CueWord,
        k: usize,
    ) -> Option<Attribution> {
        // Quotations inside the content belong to it.
        let mut mixed = false;
        for g in 0..self.groups.len() {
            let o = self.groups[g].outer();
            if o.start >= content.start && o.end <= content.end + 3 {
                if self.groups[g].used {
                    return None;
                }
                self.groups[g].used = true;
                // Verbatim words inside reported speech make it mixed; a short quoted term
                // ("the ‘shells coalition’") does not.
                let words = self.doc.text[o.start..o.end].split_whitespace().count();
                let double = self.groups[g]
                    .parts
                    .iter()
                    .all(|p| p.kind == MarkKind::Double);
                if double && words >= 4 {
                    mixed = true;
                }
            }
        }
        self.take((cs, ce), Some(speaker));
        let class_confidence = match cue.class {
            CueClass::Speech | CueClass::Address => 0.75,
            CueClass::Report => 0.65,
            CueClass::Thought => 0.55,
        };
        Some(Attribution {
            kind: if mixed {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            },
            content: vec![content],
            cue: Some((cs, ce)),
            speaker: Some(speaker),
            confidence: class_confidence,
            paragraph: self.para_of[k],
        })
    }

    fn cue_verb_any(&self, t: &Tok) -> Option<lexicon::CueWord> {
        Lexicon::global().verb(&t.lower)
    }

    /// Whether tokens from `r` read as a clause: with tags, a finite verb comes before the end
    /// (or a comma); without, the clause opens with a subject-like word or a name.
    fn looks_like_clause(&self, r: usize, ue: usize) -> bool {
        let toks = self.toks;
        if self.view.tagged {
            let first = &toks[r];
            if first.tag.starts_with("VB") || first.tag == "IN" && !first.is_any(CLAUSE_OPENERS) {
                return false;
            }
            return toks[r..ue]
                .iter()
                .take(40)
                .any(|t| matches!(t.tag.as_str(), "VBD" | "VBZ" | "VBP" | "MD"));
        }
        let first = &toks[r];
        first.is_any(SUBJECT_STARTERS)
            || first.cap
            || first.is_any(CLAUSE_OPENERS)
            || self.in_quote[r].is_some()
    }

    /// "CLAUSE, Miller said." / "CLAUSE, said Miller." with no quotation marks.
    fn postposed(&mut self, us: usize, ue: usize) -> Option<Attribution> {
        let toks = self.toks;
        let mut end = ue;
        while end > us && !toks[end - 1].word {
            end -= 1;
        }
        if end <= us + 4 || (us..ue).any(|k| self.in_quote[k].is_some()) {
            return None;
        }
        // Find the last comma within 10 tokens of the end.
        let comma = (us + 3..end).rev().take(10).find(|&k| toks[k].is(","))?;
        let tail = comma + 1;
        if self.used_tok[tail..end].iter().any(|&u| u) {
            return None;
        }
        let (cue, speaker) = if let Some(v) = (tail..end).find(|&v| self.cue_verb(v).is_some()) {
            let (cs, ce) = self.cue_phrase(v, tail);
            if ce != end {
                // Only "…, he said." with nothing after the cue but the speaker.
                let speaker = speaker_right(self.view, ce, end)?;
                if speaker.1 != end || cs != tail {
                    return None;
                }
                ((cs, ce), speaker)
            } else {
                let speaker = np_left(self.view, cs, tail)?;
                if speaker.0 != tail {
                    return None;
                }
                ((cs, ce), speaker)
            }
        } else {
            return None;
        };
        let verb = (cue.0..cue.1).find_map(|k| self.cue_verb(k))?;
        if !matches!(
            verb.class,
            CueClass::Speech | CueClass::Address | CueClass::Thought
        ) {
            return None;
        }
        let content = self.trim_content(us, comma)?;
        self.take(cue, Some(speaker));
        Some(Attribution {
            kind: QuoteKind::Indirect,
            content: vec![content],
            cue: Some(cue),
            speaker: Some(speaker),
            confidence: 0.7,
            paragraph: self.para_of[us],
        })
    }

    /// Whether token `k` is the closing mark of a paired quotation.
    fn is_closing_mark(&self, k: usize) -> bool {
        let t = &self.toks[k];
        self.all_marks
            .iter()
            .any(|q| q.closed && q.outer.end == t.end && q.inner.end == t.start)
    }

    /// The byte span of tokens `s..e` without trailing punctuation and stray marks (a closing
    /// mark that closes a quotation inside the span is kept).
    fn trim_content(&self, s: usize, mut e: usize) -> Option<Span> {
        let toks = self.toks;
        let mut s = s;
        while s < e && !toks[s].word && !self.opens_quote_at(s) {
            s += 1;
        }
        while e > s {
            let t = &toks[e - 1];
            if t.word {
                break;
            }
            // A token ending with the closing mark of a quotation inside the content
            // ("Democrat.”") is kept.
            if self
                .all_marks
                .iter()
                .any(|q| q.closed && q.outer.end == t.end && q.outer.start >= toks[s].start)
            {
                break;
            }
            e -= 1;
        }
        // A content never runs over a semicolon into a second clause of narration.
        if let Some(semi) = (s..e).find(|&k| toks[k].is(";") && self.in_quote[k].is_none()) {
            e = semi;
            while e > s && !toks[e - 1].word && !self.is_closing_mark(e - 1) {
                e -= 1;
            }
        }
        (e > s).then(|| Span::new(toks[s].start, toks[e - 1].end))
    }

    fn opens_quote_at(&self, k: usize) -> bool {
        let t = &self.toks[k];
        self.all_marks.iter().any(|q| q.outer.start == t.start)
    }

    /// Pass 4: partial quotations governed by a cue in their unit.
    fn partial(&mut self) {
        for g in 0..self.groups.len() {
            if self.groups[g].used || self.groups[g].parts.len() != 1 {
                continue;
            }
            let outer = self.groups[g].outer();
            let first = self.view.first_from(outer.start);
            if first >= self.toks.len() {
                continue;
            }
            // Inside a content already found: part of it.
            if self.found.iter().any(|a| {
                a.content
                    .iter()
                    .any(|c| c.start <= outer.start && outer.end <= c.end + 3)
            }) {
                continue;
            }
            let (us, _) = self.units[self.unit_of[first]];
            // The nearest cue verb before it with a speaker on its left.
            let mut k = first;
            let mut hit = None;
            while k > us {
                k -= 1;
                if self.in_quote[k].is_some() {
                    continue;
                }
                if self.cue_verb(k).is_some() {
                    let (cs, ce) = self.cue_phrase(k, us);
                    if let Some(speaker) = np_left(self.view, cs, us) {
                        hit = Some(((cs, ce), speaker));
                    }
                    break;
                }
            }
            let Some((cue, speaker)) = hit else {
                continue;
            };
            let content = self.content_spans(g);
            if content.is_empty() {
                continue;
            }
            self.groups[g].used = true;
            self.found.push(Attribution {
                kind: QuoteKind::Partial,
                content,
                cue: Some(cue),
                speaker: Some(speaker),
                confidence: 0.6,
                paragraph: self.para_of[first],
            });
        }
    }

    /// Attributions of the trained model. With `keep_found`, those whose cue or content
    /// overlaps an attribution already found are left out — unless they are reported speech
    /// holding that attribution's whole content inside one of their runs, or the model's content
    /// holds every word of the rules' quotations it overlaps and more: then they replace them.
    /// The rules take a quotation's marked words alone, where PolNeAR's content runs on over the
    /// reporter's words around them ("says “the wind is at our backs” despite his loss") and
    /// over a cue inside a split quotation ("“Honestly,” he continued, “we may be …”").
    fn model_pass(&mut self, model: &model::AttributionModel, keep_found: bool) {
        let ctx = model::Context::new(self.doc, self.view);
        let cues = model.cues(&ctx);
        let from_rules = self.found.len();
        let mut replaced = vec![false; from_rules];
        for &cue in &cues {
            let taken = |a: &Attribution| a.cue.is_some_and(|(s, e)| s < cue.1 && cue.0 < e);
            // A cue whose attribution a later one replaced is free again: ", adding that …"
            // after its quotation went to the clause before.
            let cue_taken =
                keep_found && (0..self.found.len()).any(|i| !replaced[i] && taken(&self.found[i]));
            // The role tagger runs on a cue the rules took only when the rules' quotation
            // leaves words of its sentence to a wider content (saves its time on the plain
            // "“…,” he said.").
            if cue_taken
                && !(0..from_rules).any(|i| {
                    !replaced[i]
                        && taken(&self.found[i])
                        && self.words_left_beside(&self.found[i]) > 0
                })
            {
                continue;
            }
            let mut p = model.roles_among(&ctx, cue, &cues);
            if keep_found {
                self.drop_runs_quoted_for_another(&mut p, cue);
            }
            if p.content.is_empty() {
                continue;
            }
            let Some(attr) = self.model_attribution(&p) else {
                continue;
            };
            let overlaps = |a: &Attribution| {
                a.content.iter().any(|x| {
                    attr.content
                        .iter()
                        .any(|y| x.start < y.end && y.start < x.end)
                })
            };
            if keep_found {
                let overlapping: Vec<usize> = (0..self.found.len())
                    .filter(|&i| !replaced[i] && overlaps(&self.found[i]))
                    .collect();
                // A quotation found before (by the rules, or with an earlier cue) that sits
                // inside one run of this reported clause, after words of its own, is part of
                // it: "said that there is “only one strong conservative …”", "described the
                // move as a “major breach of trust,”". The earlier attribution went to whatever
                // cue stood nearest the marks (", adding", "she calls"); the clause's cue takes
                // it instead. (Two folds of train: +0.003 to +0.006 exact F1 on source, cue and
                // content.)
                // (Only for another cue's quotation: on its own cue a wider content must widen
                // it, below, which keeps a quotation a colon introduces whole.)
                let holds = attr.kind != QuoteKind::Direct
                    && !cue_taken
                    && !overlapping.is_empty()
                    && overlapping
                        .iter()
                        .all(|&i| self.inside_a_run(&self.found[i].content, &attr.content));
                if !holds && (cue_taken || !overlapping.is_empty()) {
                    let widens = !overlapping.is_empty()
                        && overlapping
                            .iter()
                            .all(|&i| i < from_rules && self.widens(&attr, &self.found[i]));
                    if !widens {
                        continue;
                    }
                }
                for i in overlapping {
                    replaced[i] = true;
                }
            }
            self.found.push(attr);
            replaced.push(false);
        }
        let mut index = 0;
        self.found.retain(|_| {
            index += 1;
            !replaced.get(index - 1).copied().unwrap_or(false)
        });
    }

    /// Leaves out of a predicted content the runs on either side of its cue that lie inside a
    /// quotation already found with a cue and speaker of its own: the quotation before "The
    /// ONS said …" in "Hill said: “… ground. “Whilst … recognise.” The ONS said a sharp fall …"
    /// is Hill's, and so is the one after "…, the OECD said." in "…, the OECD said. “…,” it
    /// added."; a content that runs over it would otherwise be dropped whole for overlapping
    /// it, and the reported speech before the cue with it.
    fn drop_runs_quoted_for_another(&self, p: &mut model::Predicted, cue: (usize, usize)) {
        let toks = self.toks;
        let quoted_for_another = |&(a, b): &(usize, usize)| {
            let mut words = (a..b.min(toks.len())).filter(|&k| toks[k].word).peekable();
            (b <= cue.0 || cue.1 <= a)
                && words.peek().is_some()
                && words.all(|k| {
                    self.in_quote[k].is_some()
                        && self.found.iter().any(|f| {
                            f.speaker.is_some()
                                && f.cue.is_some_and(|(s, e)| e <= cue.0 || cue.1 <= s)
                                && f.content
                                    .iter()
                                    .any(|c| c.start <= toks[k].start && toks[k].end <= c.end)
                        })
                })
        };
        p.content.retain(|run| !quoted_for_another(run));
    }

    /// Words of the units an attribution's content runs over that are none of its content,
    /// cue or speaker: what a wider content could take.
    fn words_left_beside(&self, a: &Attribution) -> usize {
        let (Some(first), Some(last)) = (a.content.first(), a.content.last()) else {
            return 0;
        };
        let toks = self.toks;
        let first_tok = self.view.first_from(first.start).min(toks.len() - 1);
        let last_tok = self
            .view
            .end_before(last.end)
            .saturating_sub(1)
            .max(first_tok);
        let (start, end) = (
            self.units[self.unit_of[first_tok]].0,
            self.units[self.unit_of[last_tok]].1,
        );
        let inside =
            |k: usize, range: Option<(usize, usize)>| range.is_some_and(|(s, e)| s <= k && k < e);
        (start..end)
            .filter(|&k| {
                toks[k].word
                    && !inside(k, a.cue)
                    && !inside(k, a.speaker)
                    && !a
                        .content
                        .iter()
                        .any(|c| c.start <= toks[k].start && toks[k].end <= c.end)
            })
            .count()
    }

    /// Whether token `k` is the "it" of an impersonal report: the subject of a reporting verb
    /// in the passive ("It is thought that …", "it was announced that …") or of a verb of
    /// coming to light ("It emerged that …", "It appears that …"). Nobody is named as saying
    /// it, so no speaker is given; the referential "it" of "It said it was hopeful" or "it is
    /// worried that" (an adjective) keeps its speaker.
    fn is_impersonal_it(&self, k: usize) -> bool {
        let it = &self.toks[k];
        if !it.is("it") {
            return false;
        }
        let Some(verb) = it.head.and_then(|v| self.toks.get(v)) else {
            return false;
        };
        let passive = verb.tag == "VBN" && matches!(it.dep.as_str(), "nsubjpass" | "expl");
        let coming_to_light = matches!(it.dep.as_str(), "nsubj" | "expl")
            && IMPERSONAL_VERBS.contains(&verb.lemma.as_str());
        passive || coming_to_light
    }

    /// The speaker of a participle cue the role tagger gave no source (", adding that …",
    /// "…, eventually saying …"): the subject of the verb the participle hangs from, before
    /// the cue in its sentence.
    fn participle_speaker(&self, (cs, ce): (usize, usize)) -> Option<TokRange> {
        let k = (cs..ce).find(|&k| self.toks[k].tag == "VBG")?;
        let unit_start = self.units.get(self.unit_of[cs]).map_or(cs, |u| u.0);
        self.participle_subject(k, cs, unit_start)
    }

    /// The speaker of a cue verb the role tagger gave no source that is coordinated with an
    /// earlier verb and has no subject of its own ("Mendelsohn said … and added that …", "A
    /// statement by Symbian played down the threat and said …"): the earlier verb's subject.
    fn conjunct_speaker(&self, (cs, ce): (usize, usize)) -> Option<TokRange> {
        let k = (cs..ce).find(|&k| {
            let t = &self.toks[k];
            t.tag.starts_with("VB")
                && t.dep == "conj"
                && self.child(k, &["nsubj", "nsubjpass", "expl"]).is_none()
        })?;
        let unit_start = self.units.get(self.unit_of[cs]).map_or(cs, |u| u.0);
        self.participle_subject(k, cs, unit_start)
    }

    /// Whether `wider`'s content holds every word of `narrower`'s and at least one more, within
    /// the sentences of `narrower`, and `narrower` is no quotation a colon introduces
    /// ("lamented … about the delay: “I don’t understand …”": the words before the colon are
    /// the reporter's, the quotation stands alone).
    fn widens(&self, wider: &Attribution, narrower: &Attribution) -> bool {
        let Some(first) = narrower.content.first() else {
            return false;
        };
        let mut before = self.view.first_from(first.start);
        while before > 0 && self.in_quote[before - 1].is_some() && !self.toks[before - 1].word {
            before -= 1;
        }
        if before > 0 && self.toks[before - 1].is(":") {
            return false;
        }
        let words_in = |a: &Attribution| -> Vec<usize> {
            a.content
                .iter()
                .flat_map(|s| {
                    let first = self.view.first_from(s.start);
                    (first..self.toks.len())
                        .take_while(move |&k| self.toks[k].end <= s.end)
                        .filter(|&k| self.toks[k].word)
                })
                .collect()
        };
        let outer = words_in(wider);
        let inner = words_in(narrower);
        // The wider content stays in the quotation's sentences: a reported clause in the
        // sentence before ("said the family deserved better. “There is only one way …,”")
        // is an attribution of its own.
        let units: Vec<usize> = inner.iter().map(|&k| self.unit_of[k]).collect();
        if !outer.iter().all(|&k| units.contains(&self.unit_of[k])) {
            return false;
        }
        !inner.is_empty() && outer.len() > inner.len() && inner.iter().all(|k| outer.contains(k))
    }

    /// Whether `inner` (a content) lies inside one run of `outer` that has words of its own
    /// before it.
    fn inside_a_run(&self, inner: &[Span], outer: &[Span]) -> bool {
        let (Some(first), Some(last)) = (inner.first(), inner.last()) else {
            return false;
        };
        outer.iter().any(|run| {
            run.start <= first.start
                && last.end <= run.end
                && self.doc.text[run.start..first.start]
                    .chars()
                    .any(char::is_alphanumeric)
        })
    }

    /// A model prediction as an attribution: the kind from the quotation marks in the content,
    /// a direct quotation's content without its marks, the longest cue run as the cue and the
    /// source runs as one speaker mention.
    fn model_attribution(&self, p: &model::Predicted) -> Option<Attribution> {
        let toks = self.toks;
        let quoted = |k: usize| self.in_quote[k].is_some();
        let p = &with_preposition_in_cue(toks, p, quoted);
        let words: Vec<usize> = p
            .content
            .iter()
            .flat_map(|&(a, b)| a..b)
            .filter(|&k| toks[k].word)
            .collect();
        if words.is_empty() {
            return None;
        }
        let inside = words.iter().filter(|&&k| quoted(k)).count();
        let cue = p.cue.iter().copied().max_by_key(|(a, b)| b - a);
        let cue_words: Vec<&str> = cue
            .map(|(a, b)| toks[a..b].iter().map(|t| t.lower.as_str()).collect())
            .unwrap_or_default();
        // As in the rules: verbatim words inside reported speech make it mixed; a short quoted
        // term ("the ‘shells coalition’") does not.
        let long_quotation = (0..self.groups.len()).any(|g| {
            let double = self.groups[g]
                .parts
                .iter()
                .all(|p| p.kind == MarkKind::Double);
            double
                && words
                    .iter()
                    .filter(|&&k| self.in_quote[k] == Some(g))
                    .count()
                    >= 4
        });
        let kind = if inside == words.len() {
            QuoteKind::Direct
        } else if long_quotation {
            QuoteKind::Mixed
        } else if cue_words.first() == Some(&"according") {
            QuoteKind::Sourced
        } else {
            QuoteKind::Indirect
        };
        let is_mark = |k: usize| toks[k].is_any(&["\"", "“", "”", "„", "«", "»", "''", "``"]);
        let content: Vec<Span> = p
            .content
            .iter()
            .flat_map(|&run| {
                if kind == QuoteKind::Direct {
                    vec![run]
                } else {
                    without_narration(toks, quoted, run)
                }
            })
            .filter_map(|(mut a, mut b)| {
                if kind == QuoteKind::Direct {
                    while a < b && is_mark(a) {
                        a += 1;
                    }
                    while b > a && is_mark(b - 1) {
                        b -= 1;
                        while b > a && toks[b - 1].is_any(&[",", ".", "?", "!"]) {
                            b -= 1;
                        }
                    }
                }
                // PolNeAR's contents outside quotation marks end before the sentence's
                // full stop (on train 87 of 14,651 end with one, nearly all an abbreviation's,
                // "the U.S."); the taggers sometimes take it, or a comma, along, and the
                // tokenizer can glue it to a unit ("€12m.").
                // A closing mark that closes no quotation (a paragraph's last one, after a
                // quotation already closed) is the text's, not the content's; the stop before
                // it goes too.
                if kind != QuoteKind::Direct {
                    while b > a
                        && (toks[b - 1].is_any(&[",", ".", ";", ":"]) || is_mark(b - 1))
                        && !quoted(b - 1)
                    {
                        b -= 1;
                    }
                }
                if b <= a {
                    return None;
                }
                let last = &toks[b - 1];
                let ends_unit = b == toks.len() || self.unit_of[b] != self.unit_of[b - 1];
                let glued_stop = self.doc.text[last.start..last.end]
                    .strip_suffix('.')
                    .is_some_and(|stem| {
                        !stem.contains('.')
                            && stem.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
                    });
                let end = if kind != QuoteKind::Direct && ends_unit && glued_stop && !quoted(b - 1)
                {
                    last.end - 1
                } else {
                    last.end
                };
                Some(Span::new(toks[a].start, end))
            })
            .collect();
        let last = content.last()?;
        let paragraph = self.para_of[self.view.first_from(last.start).min(toks.len() - 1)];
        // The role tagger can mark a source in two places ("Trump drew boos when he"); the
        // speaker is one mention, the run nearest the cue, not the words between the runs.
        let nearest_source = cue
            .and_then(|(cs, ce)| {
                p.source.iter().copied().min_by_key(|&(a, b)| {
                    if b <= cs {
                        cs - b
                    } else {
                        a.saturating_sub(ce)
                    }
                })
            })
            .or_else(|| p.source.first().copied());
        let speaker = match nearest_source {
            // "It is thought that …", "It emerged that …": nobody speaks.
            Some((a, b)) if b == a + 1 && self.is_impersonal_it(a) => None,
            Some((a, b)) if b > a => {
                let unit_end = self.units.get(self.unit_of[a]).map_or(b, |u| u.1);
                Some(speaker::author_of_writing(self.view, (a, b), unit_end))
            }
            _ => cue.and_then(|cue| {
                self.participle_speaker(cue)
                    .or_else(|| self.conjunct_speaker(cue))
            }),
        };
        Some(Attribution {
            kind,
            content,
            cue,
            speaker,
            confidence: 0.7,
            paragraph,
        })
    }

    /// "Reuters quoted a central bank official as saying: “…”", "Chief executive Geoff Dixon
    /// was quoted by The Australian as saying …": the one quoted speaks, not the outlet that
    /// quotes them, and neither the outlet nor "as saying" is part of what was said.
    fn speakers_quoted_as_saying(&mut self) {
        let toks = self.toks;
        let as_saying = |k: usize| {
            toks[k].is("as")
                && toks
                    .get(k + 1)
                    .is_some_and(|t| t.lower.ends_with("ing") && t.lower.len() > 4)
        };
        for i in 0..self.found.len() {
            let Some((cs, ce)) = self.found[i].cue else {
                continue;
            };
            let Some(quoted) = (cs..ce).find(|&k| toks[k].is("quoted")) else {
                continue;
            };
            let sentence_end = (quoted..toks.len().min(quoted + 24))
                .find(|&k| toks[k].is(".") || toks[k].lower.starts_with(['"', '\u{201c}']))
                .unwrap_or(toks.len().min(quoted + 24));
            let Some(as_at) = (quoted + 1..sentence_end).find(|&k| as_saying(k)) else {
                continue;
            };
            let passive = quoted > 0
                && toks[quoted - 1].is_any(&["was", "were", "been", "being", "is", "are"]);
            let speaker = if passive {
                self.child(quoted, &["nsubjpass"])
                    .and_then(|subject| self.subtree(subject))
                    .filter(|&(_, end)| end < quoted)
            } else {
                (as_at > quoted + 1).then_some((quoted + 1, as_at))
            };
            let Some(speaker) = speaker else {
                continue;
            };
            // What was said: the content without the words from the speaker up to "as saying"
            // (in the passive, the cue and "by" the outlet lie between).
            let cut = Span::new(toks[speaker.0].start, toks[as_at + 1].end);
            let said: Vec<Span> = self.found[i]
                .content
                .iter()
                .flat_map(|run| {
                    let before = Span::new(run.start, run.end.min(cut.start));
                    let after = Span::new(run.start.max(cut.end), run.end);
                    [before, after]
                })
                .filter(|run| run.end > run.start)
                .filter_map(|run| {
                    let first = self.view.first_from(run.start);
                    self.trim_content(first, self.view.end_before(run.end))
                })
                .collect();
            if said.is_empty() {
                continue;
            }
            let attribution = &mut self.found[i];
            attribution.speaker = Some(speaker);
            attribution.content = said;
            if attribution.kind == QuoteKind::Mixed
                && attribution.content.iter().all(|run| {
                    self.in_quote[self.view.first_from(run.start).min(toks.len() - 1)].is_some()
                })
            {
                attribution.kind = QuoteKind::Direct;
            }
        }
    }

    /// Orders the attributions, resolves their speakers and builds the layer.
    fn finish(mut self) -> Vec<Quote> {
        self.speakers_quoted_as_saying();
        // "Let's hope …": the "'s" of "let us" names no one the text can give.
        for a in &mut self.found {
            if a.speaker
                .is_some_and(|(s, e)| e == s + 1 && self.toks[s].is("'s"))
            {
                a.speaker = None;
            }
        }
        // A speaker's phrase never ends in the dash or bracket that opens an aside after the
        // name ("Vladimir Putin - who …", "B&B - which has …"); a hyphen inside a name
        // ("Wright-Phillips") has no space before it.
        for a in &mut self.found {
            if let Some((s, e)) = a.speaker.as_mut() {
                while *e > *s + 1 && opens_an_aside(self.toks, *e - 1) {
                    *e -= 1;
                }
            }
        }
        self.found
            .sort_by_key(|a| a.content.first().map_or(0, |c| c.start));
        let mut resolver = Resolver::new(self.doc, self.view);
        // Resolve in order of the speaker mention, so pronouns see the speakers before them.
        let mut order: Vec<usize> = (0..self.found.len()).collect();
        order.sort_by_key(|&i| {
            self.found[i]
                .speaker
                .map_or(usize::MAX, |(s, _)| self.toks[s].start)
        });
        let mut resolved = vec![None; self.found.len()];
        let mut seen: Vec<((usize, usize), speaker::Resolved)> = Vec::new();
        for i in order {
            if let Some(range) = self.found[i].speaker {
                // A mention shared by two attributions resolves once.
                let r = match seen.iter().find(|(m, _)| *m == range) {
                    Some((_, r)) => r.clone(),
                    None => {
                        let r = resolver.resolve(range);
                        seen.push((range, r.clone()));
                        r
                    }
                };
                resolved[i] = Some(r);
            }
        }
        let text = &self.doc.text;
        self.found
            .iter()
            .zip(resolved)
            .enumerate()
            .map(|(n, (a, r))| {
                let content_text = a
                    .content
                    .iter()
                    .map(|s| &text[s.start..s.end])
                    .collect::<Vec<_>>()
                    .join(" … ");
                Quote {
                    id: format!("q{}", n + 1),
                    kind: a.kind,
                    text: content_text,
                    spans: a.content.clone(),
                    cue: a.cue.map(|(s, e)| {
                        self.doc
                            .text_span(Span::new(self.toks[s].start, self.toks[e - 1].end))
                    }),
                    cue_class: a.cue.map(|(s, e)| cue_class_of(&self.toks[s..e], a.kind)),
                    speaker: a.speaker.zip(r).map(|((s, e), r)| Speaker {
                        entity: r.entity,
                        name: r.name,
                        mention: self
                            .doc
                            .text_span(Span::new(self.toks[s].start, self.toks[e - 1].end)),
                    }),
                    confidence: a.confidence,
                }
            })
            .collect()
    }
}

/// Whether token `k` is a dash or opening bracket written after a space: the start of an
/// aside, not a word of the name before it.
fn opens_an_aside(toks: &[Tok], k: usize) -> bool {
    is_spaced_dash(toks, k) || (k > 0 && toks[k].is("(") && toks[k].start > toks[k - 1].end)
}

/// Whether token `k` is a dash written after a space ("Lord Bingham - a senior law lord"), not
/// the hyphen inside a name ("Wright-Phillips").
fn is_spaced_dash(toks: &[Tok], k: usize) -> bool {
    k > 0 && toks[k].is_any(&["-", "–", "—"]) && toks[k].start > toks[k - 1].end
}

/// Whether token `i` is a hyphen written inside a name, touching the words either side
/// ("Jean-Claude", "Wright-Phillips"), not a dash that opens an aside ("Pernod - at …").
fn is_joining_hyphen(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.is("-"))
        && i > 0
        && toks.get(i - 1).is_some_and(|p| p.end == toks[i].start)
        && toks.get(i + 1).is_some_and(|n| n.start == toks[i].end)
}

/// Prepositions PolNeAR draws as the end of a cue ("talks about", "called for", "accused … of",
/// "commented on"), not the start of its content: on train, of gold contents that begin right
/// after their cue, 1,617 have one of these as the cue's last word and 87 as the content's first.
const CUE_PREPOSITIONS: &[&str] = &["of", "about", "for", "on"];

/// A model prediction with a content run that opens, right after the cue, with one of
/// [`CUE_PREPOSITIONS`] outside quotation marks: the preposition moves to the cue.
fn with_preposition_in_cue(
    toks: &[Tok],
    p: &model::Predicted,
    quoted: impl Fn(usize) -> bool,
) -> model::Predicted {
    let mut moved = p.clone();
    if let Some(cue) = moved.cue.iter_mut().max_by_key(|(a, b)| *b - *a) {
        if let Some(run) = moved.content.iter_mut().find(|r| r.0 == cue.1) {
            if run.1 > run.0 + 1 && toks[run.0].is_any(CUE_PREPOSITIONS) && !quoted(run.0) {
                run.0 += 1;
                cue.1 += 1;
            }
        }
    }
    moved
}

/// Personal pronouns that open a reporter's relative clause about what the speaker said.
const NARRATOR_SUBJECTS: &[&str] = &["he", "she", "they", "it", "we"];

/// A content run without the reporter's relative clauses outside quotation marks: in "said
/// the repairs would cost more than planned, which he put at £3m, and take a year", the clause
/// ", which he put at £3m" tells who gave the figure — the reporter's words about the speech,
/// not the speech. Such a clause opens with a comma, "which" and a personal pronoun, and runs
/// to the next comma (or the end of the run); the run is split around it.
fn without_narration(
    toks: &[Tok],
    quoted: impl Fn(usize) -> bool,
    run: (usize, usize),
) -> Vec<(usize, usize)> {
    let (a, b) = run;
    let mut pieces = Vec::new();
    let mut start = a;
    let mut k = a;
    while k + 2 < b {
        let opens = toks[k].is(",")
            && toks[k + 1].is("which")
            && toks[k + 2].is_any(NARRATOR_SUBJECTS)
            && !(k..k + 3).any(&quoted);
        if !opens {
            k += 1;
            continue;
        }
        let close = (k + 3..b).find(|&j| toks[j].is(",")).unwrap_or(b);
        if start < k {
            pieces.push((start, k));
        }
        start = (close + 1).min(b);
        k = start;
    }
    if start < b {
        pieces.push((start, b));
    }
    pieces
}

/// What a cue attributes: a sourcing phrase, else the class the cue lexicon gives any of its
/// words (speech, reporting and addressing verbs are all speech), else another stance — the
/// trained model finds cues the lexicon does not hold ("are willing", "boycotted").
fn cue_class_of(cue: &[Tok], kind: QuoteKind) -> newsfacts_doc::CueClass {
    let words: Vec<&str> = cue.iter().map(|t| t.lower.as_str()).collect();
    if kind == QuoteKind::Sourced
        || (0..words.len()).any(|i| Lexicon::phrase_at(&words[i..]).is_some())
    {
        return newsfacts_doc::CueClass::Sourcing;
    }
    let lexicon = Lexicon::global();
    let classes = cue.iter().filter_map(|t| {
        lexicon
            .verb(&t.lower)
            .or_else(|| {
                (!t.lemma.is_empty())
                    .then(|| lexicon.verb(&t.lemma))
                    .flatten()
            })
            .map(|word| word.class)
    });
    let mut thought = false;
    for class in classes {
        match class {
            CueClass::Speech | CueClass::Report | CueClass::Address => {
                return newsfacts_doc::CueClass::Speech;
            }
            CueClass::Thought => thought = true,
        }
    }
    if thought {
        newsfacts_doc::CueClass::Thought
    } else {
        newsfacts_doc::CueClass::Other
    }
}

/// Dependents of each token (empty lists when the text was not parsed).
fn children_of(toks: &[Tok], parsed: bool) -> Vec<Vec<usize>> {
    let mut children = vec![Vec::new(); toks.len()];
    if parsed {
        for (k, t) in toks.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| h != k && h < toks.len()) {
                children[h].push(k);
            }
        }
    }
    children
}

/// For each token, the index of the span (paragraph or sentence) that contains its start.
fn assign(toks: &[Tok], spans: &[Span]) -> Vec<usize> {
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    for t in toks {
        while i + 1 < spans.len() && spans[i].end <= t.start {
            i += 1;
        }
        out.push(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens of space-separated lower-case words, without offsets or a parse; "," is
    /// punctuation.
    fn bare_tokens(text: &str) -> Vec<Tok> {
        text.split(' ')
            .map(|w| Tok {
                start: 0,
                end: 0,
                lower: w.to_owned(),
                tag: String::new(),
                lemma: String::new(),
                head: None,
                dep: String::new(),
                ent: String::new(),
                ent_begin: false,
                cap: false,
                word: w != ",",
            })
            .collect()
    }
    use newsfacts_doc::Article;

    fn quotes_of(text: &str) -> Vec<Quote> {
        let article = Article {
            id: "t".into(),
            paragraphs: text.split('\n').map(str::to_owned).collect(),
            ..Article::default()
        };
        let doc = Document::from_article(article);
        extract_quotes(&doc)
    }

    fn summary(q: &Quote) -> (QuoteKind, String, Option<String>, Option<String>) {
        (
            q.kind,
            q.text.clone(),
            q.cue.as_ref().map(|c| c.text.clone()),
            q.speaker.as_ref().map(|s| s.name.clone()),
        )
    }

    #[test]
    fn cues_say_what_they_attribute() {
        let q = quotes_of(
            "“We will win,” Jane Doe said.\nPrices will fall next year, according to the ministry.",
        );
        let classes: Vec<_> = q
            .iter()
            .map(|q| (q.cue.as_ref().map(|c| c.text.clone()), q.cue_class))
            .collect();
        assert_eq!(
            classes,
            vec![
                (Some("said".into()), Some(newsfacts_doc::CueClass::Speech)),
                (
                    Some("according to".into()),
                    Some(newsfacts_doc::CueClass::Sourcing)
                ),
            ]
        );
        // The trained model also finds cues of belief and stance; their words decide.
        let words = |text: &str| -> Vec<Tok> { bare_tokens(&text.to_lowercase()) };
        let class = |text: &str| cue_class_of(&words(text), QuoteKind::Indirect);
        assert_eq!(class("also knows"), newsfacts_doc::CueClass::Thought);
        assert_eq!(class("has warned"), newsfacts_doc::CueClass::Speech);
        assert_eq!(class("are willing"), newsfacts_doc::CueClass::Other);
        assert_eq!(
            class("said in a statement"),
            newsfacts_doc::CueClass::Sourcing
        );
    }

    #[test]
    fn a_statement_speaks_for_its_author() {
        for text in [
            "“The ferry timetable stays as it is,” said a statement from the harbour board.",
            "“The ferry timetable stays as it is,” said a statement issued by the harbour board.",
        ] {
            let q = quotes_of(text);
            let speaker = q.first().and_then(|q| q.speaker.as_ref());
            assert_eq!(
                speaker.map(|s| (s.name.as_str(), s.mention.text.as_str())),
                Some(("harbour board", "the harbour board")),
                "{text}"
            );
        }
        // Authors joined by "and" stay together.
        let q = quotes_of(
            "“The ferry timetable stays as it is,” said a letter from the Harbour and Ferries \
             Board and the town council.",
        );
        assert_eq!(
            q.first()
                .and_then(|q| q.speaker.as_ref())
                .map(|s| s.mention.text.as_str()),
            Some("the Harbour and Ferries Board and the town council")
        );
        // A statement with no author named stays the speaker.
        let q = quotes_of("“The ferry timetable stays as it is,” said a statement on Monday.");
        assert_eq!(
            q.first()
                .and_then(|q| q.speaker.as_ref())
                .map(|s| s.mention.text.as_str()),
            Some("a statement")
        );
    }

    /// "Brandt voted no , saying taxes rose ." with its parse: "saying" hangs from "voted".
    fn parsed_participle_sentence() -> Document {
        let text = "Brandt voted no , saying taxes rose .";
        let words = [
            (0, 6, "NNP", 1, "nsubj"),
            (7, 12, "VBD", 1, "ROOT"),
            (13, 15, "DT", 1, "dobj"),
            (16, 17, ",", 1, "punct"),
            (18, 24, "VBG", 1, "advcl"),
            (25, 30, "NNS", 6, "nsubj"),
            (31, 35, "VBD", 4, "ccomp"),
            (36, 37, ".", 1, "punct"),
        ];
        document_of(text, &words)
    }

    /// A document of `text` with the given tokens (start, end, tag, head, dependency), each
    /// token's lemma its lowercase text.
    fn document_of(text: &str, words: &[(usize, usize, &str, usize, &str)]) -> Document {
        Document {
            text: text.into(),
            tokens: words
                .iter()
                .map(|&(start, end, tag, head, dep)| newsfacts_doc::Token {
                    start,
                    end,
                    tag: tag.into(),
                    lemma: text[start..end].to_lowercase(),
                    head,
                    dep: dep.into(),
                    ..newsfacts_doc::Token::default()
                })
                .collect(),
            ..Document::default()
        }
    }

    #[test]
    fn a_participle_cue_without_a_source_speaks_for_the_subject_of_its_verb() {
        let doc = parsed_participle_sentence();
        let view = TokenView::of(&doc);
        let extractor = Extractor::new(&doc, &view);
        let predicted = model::Predicted {
            cue: vec![(4, 5)],
            source: Vec::new(),
            content: vec![(5, 7)],
        };
        let attribution = extractor.model_attribution(&predicted);
        assert_eq!(attribution.and_then(|a| a.speaker), Some((0, 1)));
    }

    #[test]
    fn an_indirect_content_ends_before_a_stop_and_a_mark_that_closes_nothing() {
        // The paragraph's last mark closes no quotation: "“Shells are shells,” he added,
        // saying aid must come.”"
        let text = "“ Shells are shells , ” he added , saying aid must come . ”";
        let words = [
            (0, 3, "``", 2, "punct"),
            (4, 10, "NNS", 2, "nsubj"),
            (11, 14, "VBP", 8, "ccomp"),
            (15, 21, "NNS", 2, "attr"),
            (22, 23, ",", 8, "punct"),
            (24, 27, "''", 8, "punct"),
            (28, 30, "PRP", 8, "nsubj"),
            (31, 36, "VBD", 8, "ROOT"),
            (37, 38, ",", 8, "punct"),
            (39, 45, "VBG", 8, "advcl"),
            (46, 49, "NN", 12, "nsubj"),
            (50, 54, "MD", 12, "aux"),
            (55, 59, "VB", 9, "ccomp"),
            (60, 61, ".", 8, "punct"),
            (62, 65, "''", 8, "punct"),
        ];
        let doc = document_of(text, &words);
        let view = TokenView::of(&doc);
        let extractor = Extractor::new(&doc, &view);
        let predicted = model::Predicted {
            cue: vec![(9, 10)],
            source: Vec::new(),
            content: vec![(10, 15)],
        };
        let attribution = extractor.model_attribution(&predicted);
        let content = attribution.map(|a| a.content).unwrap_or_default();
        let texts: Vec<&str> = content.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(texts, vec!["aid must come"]);
    }

    #[test]
    fn a_source_in_two_runs_is_the_run_nearest_the_cue() {
        let doc = parsed_participle_sentence();
        let view = TokenView::of(&doc);
        let extractor = Extractor::new(&doc, &view);
        // "Brandt" and "no" marked as source of "saying": the speaker is "no", not "Brandt
        // voted no".
        let predicted = model::Predicted {
            cue: vec![(4, 5)],
            source: vec![(0, 1), (2, 3)],
            content: vec![(5, 7)],
        };
        let attribution = extractor.model_attribution(&predicted);
        assert_eq!(attribution.and_then(|a| a.speaker), Some((2, 3)));
    }

    #[test]
    fn a_preposition_after_the_cue_ends_the_cue() {
        let toks = bare_tokens("she talked about the cost of the ferry");
        let predicted = |content: (usize, usize)| model::Predicted {
            cue: vec![(1, 2)],
            source: vec![(0, 1)],
            content: vec![content],
        };
        let moved = with_preposition_in_cue(&toks, &predicted((2, 8)), |_| false);
        assert_eq!((moved.cue, moved.content), (vec![(1, 3)], vec![(3, 8)]));
        // Not inside quotation marks, nor a content of the preposition alone.
        let quoted = with_preposition_in_cue(&toks, &predicted((2, 8)), |_| true);
        assert_eq!(quoted, predicted((2, 8)));
        let alone = with_preposition_in_cue(&toks, &predicted((2, 3)), |_| false);
        assert_eq!(alone, predicted((2, 3)));
    }

    #[test]
    fn a_reporters_relative_clause_is_not_reported_speech() {
        let toks =
            bare_tokens("the repairs would cost more , which she put at £3m , and take a year");
        let n = toks.len();
        assert_eq!(
            without_narration(&toks, |_| false, (0, n)),
            vec![(0, 5), (12, n)]
        );
        // At the end of the run, the clause is cut off; inside quotation marks it is kept.
        assert_eq!(without_narration(&toks, |_| false, (0, 10)), vec![(0, 5)]);
        assert_eq!(without_narration(&toks, |_| true, (0, n)), vec![(0, n)]);
        // Through the whole pipeline and the trained model.
        let doc = crate::Pipeline::new().analyze(Article {
            id: "t".into(),
            paragraphs: vec![
                "The mayor said the bridge repairs would cost far more than planned, which she \
                 put at £3m."
                    .into(),
            ],
            ..Article::default()
        });
        assert!(doc.quotes.iter().any(|q| q.text.contains("bridge repairs")));
        assert!(!doc.quotes.iter().any(|q| q.text.contains("which she put")));
    }

    #[test]
    fn an_indirect_content_ends_before_a_full_stop_glued_to_a_unit() {
        let doc = crate::Pipeline::new().analyze(Article {
            id: "t".into(),
            paragraphs: vec!["The mayor said the bridge repairs would cost more than €4m.".into()],
            ..Article::default()
        });
        let texts: Vec<&str> = doc.quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["the bridge repairs would cost more than €4m"]);
    }

    #[test]
    fn direct_quote_with_trailing_speaker() {
        let q = quotes_of("“We will win,” Jane Doe said.");
        assert_eq!(
            q.iter().map(summary).collect::<Vec<_>>(),
            vec![(
                QuoteKind::Direct,
                "We will win".into(),
                Some("said".into()),
                Some("Jane Doe".into())
            )]
        );
    }

    #[test]
    fn split_quote_joins_both_halves() {
        let q = quotes_of("“We will win,” said Jane Doe, a senator. “There is no doubt.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].spans.len(), 2);
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.name.as_str()),
            Some("Jane Doe")
        );
    }

    #[test]
    fn pronoun_speaker_resolves_to_previous_person() {
        let q = quotes_of("“One,” said John Smith.\n“Two,” he added.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(
            q[1].speaker.as_ref().map(|s| s.name.as_str()),
            Some("John Smith")
        );
        assert_eq!(
            q[1].speaker.as_ref().map(|s| s.mention.text.as_str()),
            Some("he")
        );
    }

    #[test]
    fn a_role_with_the_name_in_apposition_is_that_person() {
        let doc = crate::Pipeline::new().analyze(Article {
            id: "t".into(),
            paragraphs: vec![
                "The shipyard has delivered two ferries. Its chief executive, Lena Haug, said \
                 supply problems were over."
                    .into(),
            ],
            ..Article::default()
        });
        let haug = doc.entities.iter().find(|e| e.name == "Lena Haug");
        let quote = doc
            .quotes
            .iter()
            .find(|q| q.text.starts_with("supply problems"));
        let speaker = quote.and_then(|q| q.speaker.as_ref());
        assert_eq!(
            speaker.and_then(|s| s.entity.as_deref()),
            haug.map(|e| e.id.as_str()),
            "{:?}",
            doc.quotes
        );
        assert_eq!(speaker.map(|s| s.name.as_str()), Some("Lena Haug"));
    }

    #[test]
    fn paragraphs_run_together_stay_one_speakers_and_the_next_cue_keeps_its_clause() {
        // Two paragraphs of one quotation run together with straight marks, then another
        // speaker's reported clause: the second paragraph is the first speaker's, and the
        // clause after it keeps its own attribution.
        let doc = crate::Pipeline::new().analyze(Article {
            id: "t".into(),
            paragraphs: vec![
                "Rita Olsen, the head of the ferry company, said: \"The storm cost us a week \
                 of sailings. \"Whilst the boats are safe, the timetable will take a month to \
                 recover.\" The harbour authority said repairs to the pier would start on Monday."
                    .into(),
            ],
            ..Article::default()
        });
        let olsen = doc.quotes.iter().find(|q| q.text.starts_with("The storm"));
        assert_eq!(olsen.map(|q| q.spans.len()), Some(2), "{:?}", doc.quotes);
        assert!(
            olsen.is_some_and(|q| q.text.contains("Whilst the boats are safe")),
            "{:?}",
            doc.quotes
        );
        assert_eq!(
            olsen
                .and_then(|q| q.speaker.as_ref())
                .map(|s| s.name.as_str()),
            Some("Rita Olsen")
        );
        let harbour = doc
            .quotes
            .iter()
            .find(|q| q.text.starts_with("repairs to the pier"));
        assert!(
            harbour
                .and_then(|q| q.speaker.as_ref())
                .is_some_and(|s| s.name.contains("harbour authority")),
            "{:?}",
            doc.quotes
        );
    }

    #[test]
    fn an_unclosed_run_before_another_speakers_quotation_stays_the_first_speakers() {
        // The last paragraph of Okoro's quotation lacks its closing mark, so its run reaches
        // the next speaker's quotation in the same paragraph: that quotation is Hill's, and the
        // sentence naming Hill is narration, not Okoro's words.
        let doc = crate::Pipeline::new().analyze(Article {
            id: "t".into(),
            paragraphs: vec![
                "Striker Daniel Okoro has apologised to the national coach.".into(),
                "Okoro added: \"It is not my right to give orders and say when I want to play."
                    .into(),
                "\"I feel that the national players are playing with a new spirit.".into(),
                "\"So I am now used to the fact that the press can be against me. Meanwhile, FA \
                 spokesman Sam Hill welcomed the apology. \"His apology today does not hurt \
                 him,\" Hill said."
                    .into(),
            ],
            ..Article::default()
        });
        let speaker_of = |start: &str| {
            doc.quotes
                .iter()
                .find(|q| q.text.starts_with(start))
                .and_then(|q| q.speaker.as_ref())
                .map(|s| s.name.clone())
        };
        assert!(
            speaker_of("It is not my right").is_some_and(|s| s.ends_with("Daniel Okoro")),
            "{:?}",
            doc.quotes
        );
        assert_eq!(
            speaker_of("His apology today").as_deref(),
            Some("Sam Hill"),
            "{:?}",
            doc.quotes
        );
        assert!(
            doc.quotes
                .iter()
                .all(|q| !q.text.contains("welcomed the apology")),
            "{:?}",
            doc.quotes
        );
    }

    #[test]
    fn scare_quotes_are_not_speech() {
        assert!(quotes_of("The “grand coalition” is struggling, however.").is_empty());
    }

    #[test]
    fn indirect_and_sourced() {
        let q = quotes_of(
            "Officials said the plan had failed. Prices rose sharply, according to the central bank.",
        );
        let kinds: Vec<QuoteKind> = q.iter().map(|q| q.kind).collect();
        assert_eq!(
            kinds,
            vec![QuoteKind::Indirect, QuoteKind::Sourced],
            "{q:?}"
        );
        assert_eq!(q[0].text, "the plan had failed");
        assert_eq!(q[1].text, "Prices rose sharply");
    }

    #[test]
    fn multi_paragraph_quote() {
        let q = quotes_of("The mayor said: “First part.\n“Second part,” she said.");
        assert!(!q.is_empty(), "{q:?}");
        assert_eq!(q[0].spans.len(), 2, "{q:?}");
    }

    #[test]
    fn empty_and_odd_input_does_not_panic() {
        for text in [
            "",
            "“",
            "”",
            "\"\"\"",
            "said",
            "“said”",
            "according to",
            ", he said.",
        ] {
            let _ = quotes_of(text);
        }
    }
}
