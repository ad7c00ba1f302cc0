//! The English pipeline: tokenizer → tok2vec → tagger → parser → attribute ruler → lemmatizer
//! → NER, the same components in the same order as spaCy's `en_core_web_sm` 3.8.0, read from
//! the embedded converted model. One loaded pipeline is shared by all threads (`Send + Sync`,
//! no interior mutability); each call to [`EnglishPipeline::analyze`] owns its scratch buffers.

use std::ops::Range;
use std::sync::OnceLock;

use crate::attribute_ruler::{AttributeRuler, RulerToken};
use crate::lemmatizer::Lemmatizer;
use crate::lexeme::{FeatureScratch, LexFeatures, NormTable};
use crate::model::{EMBEDDED_MODEL, ModelError, ModelFile, StringIds};
use crate::parser::ParserModel;
use crate::parser::arc_eager::ArcEager;
use crate::parser::biluo::Biluo;
use crate::tagger::Tagger;
use crate::tok2vec::{Tok2Vec, Tok2VecScratch};
use crate::tokenizer::{NO_PIECE, RawToken, Tokenizer};

/// One analysed token. Offsets are byte offsets into the analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalyzedToken<'p> {
    pub start: usize,
    pub end: usize,
    /// Whether one space character follows the token (spaCy's `whitespace_`).
    pub space_after: bool,
    /// Fine-grained Penn Treebank tag (`NNP`).
    pub tag: &'p str,
    /// Universal part of speech (`PROPN`).
    pub pos: &'p str,
    /// Morphological features (`Number=Sing`), empty when none.
    pub morph: &'p str,
    pub lemma: String,
    /// Index of the syntactic head in the token list; a root points at itself.
    pub head: usize,
    pub dep: &'p str,
    /// Entity IOB letter: 'B', 'I' or 'O'.
    pub ent_iob: char,
    /// Entity label (`PERSON`), empty outside entities.
    pub ent_type: &'p str,
    pub sent_start: bool,
}

impl AnalyzedToken<'_> {
    /// The IOB tag with label, as the newsfacts token layer stores it ("B-PERSON", "O").
    pub fn ent_tag(&self) -> String {
        if self.ent_iob == 'O' || self.ent_type.is_empty() {
            "O".to_owned()
        } else {
            format!("{}-{}", self.ent_iob, self.ent_type)
        }
    }
}

/// A named-entity span over tokens `tokens` (byte range `start..end`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitySpan<'p> {
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
    pub label: &'p str,
}

impl EntitySpan<'_> {
    /// The Document's entity kind for this NER label: people, organisations, places
    /// (countries, cities, states — GPE — locations and facilities), groups (nationalities,
    /// religious and political groups — NORP), and everything else (dates, money, works…).
    pub fn kind(&self) -> newsfacts_doc::EntityKind {
        use newsfacts_doc::EntityKind;
        match self.label {
            "PERSON" => EntityKind::Person,
            "ORG" => EntityKind::Organisation,
            "GPE" | "LOC" | "FAC" => EntityKind::Place,
            "NORP" => EntityKind::Group,
            _ => EntityKind::Other,
        }
    }
}

/// The result of analysing one text.
#[derive(Debug, Clone, Default)]
pub struct Analysis<'p> {
    pub tokens: Vec<AnalyzedToken<'p>>,
    /// Sentences as byte ranges (from the parse).
    pub sentences: Vec<Range<usize>>,
    pub entities: Vec<EntitySpan<'p>>,
    /// The shared tok2vec's contextual vector of each token, `vector_width` floats per token
    /// in token order (what the tagger and parser read; the NER's own vectors are not kept).
    pub vectors: Vec<f32>,
    pub vector_width: usize,
}

impl Analysis<'_> {
    /// The tokens as the Document's `tokens` layer stores them (byte offsets, IOB tag with
    /// label such as "B-PERSON").
    pub fn doc_tokens(&self) -> Vec<newsfacts_doc::Token> {
        self.tokens
            .iter()
            .map(|t| newsfacts_doc::Token {
                start: t.start,
                end: t.end,
                tag: t.tag.to_owned(),
                pos: t.pos.to_owned(),
                lemma: t.lemma.clone(),
                head: t.head,
                dep: t.dep.to_owned(),
                ent: t.ent_tag(),
            })
            .collect()
    }
}

/// The loaded English pipeline (about 60 MB in memory). Share one: [`EnglishPipeline::global`].
pub struct EnglishPipeline {
    tokenizer: Tokenizer,
    ids: StringIds,
    norms: NormTable,
    tok2vec: Tok2Vec,
    tagger: Tagger,
    ruler: AttributeRuler,
    lemmatizer: Lemmatizer,
    parser_model: ParserModel,
    arc_eager: ArcEager,
    ner_tok2vec: Tok2Vec,
    ner_model: ParserModel,
    biluo: Biluo,
}

static GLOBAL: OnceLock<EnglishPipeline> = OnceLock::new();

impl EnglishPipeline {
    /// Loads the embedded model (about 14 MB of weights; takes a fraction of a second).
    pub fn load() -> Result<Self, ModelError> {
        let file = ModelFile::parse(EMBEDDED_MODEL)?;
        let tok2vec = Tok2Vec::load(&file, "tok2vec")?;
        let width = tok2vec.width();
        let ner_tok2vec = Tok2Vec::load(&file, "ner.tok2vec")?;
        let ner_width = ner_tok2vec.width();
        Ok(EnglishPipeline {
            parser_model: ParserModel::load(&file, "parser", width)?,
            arc_eager: ArcEager::load(&file)?,
            ner_model: ParserModel::load(&file, "ner", ner_width)?,
            ner_tok2vec,
            biluo: Biluo::load(&file)?,
            tokenizer: Tokenizer::load(&file)?,
            ids: StringIds::load(&file)?,
            norms: NormTable {
                by_id: file.hashed_strings("lexeme_norm")?,
            },
            tagger: Tagger::load(&file, width)?,
            tok2vec,
            ruler: AttributeRuler::load(&file)?,
            lemmatizer: Lemmatizer::load(&file)?,
        })
    }

    /// The process-wide pipeline, loaded on first use.
    ///
    /// # Panics
    /// If the embedded model cannot be read — a broken build, never a property of the input.
    pub fn global() -> &'static EnglishPipeline {
        GLOBAL.get_or_init(|| match EnglishPipeline::load() {
            Ok(pipeline) => pipeline,
            Err(error) => panic!("the embedded en_core_web_sm model is unreadable: {error}"),
        })
    }

    /// Whether `word` is a common English word by the model's lemma index (see
    /// [`Lemmatizer::knows_common_word`]).
    pub fn knows_common_word(&self, word: &str) -> bool {
        self.lemmatizer.knows_common_word(word)
    }

    /// Whether `word` is a common English word of one part of speech (see
    /// [`Lemmatizer::knows_word_as`]).
    pub fn knows_word_as(&self, word: &str, pos: &str) -> bool {
        self.lemmatizer.knows_word_as(word, pos)
    }

    /// Tokens only (byte ranges and trailing-space flags), as spaCy's tokenizer gives them.
    pub fn tokenize(&self, text: &str) -> Vec<RawToken> {
        let mut tokens = Vec::new();
        self.tokenizer.tokenize(text, &mut tokens);
        tokens
    }

    /// Runs the whole pipeline over `text`. Never panics on any input; time and memory are
    /// linear in the length of the text (long documents are encoded in bounded blocks).
    pub fn analyze<'p>(&'p self, text: &str) -> Analysis<'p> {
        let mut raw = Vec::new();
        self.tokenizer.tokenize(text, &mut raw);
        let n = raw.len();
        if n == 0 {
            return Analysis::default();
        }
        // Lexical features.
        let mut scratch = FeatureScratch::default();
        let mut features: Vec<LexFeatures> = Vec::with_capacity(n);
        let mut spacy: Vec<bool> = Vec::with_capacity(n);
        for token in &raw {
            let token_text = &text[token.start as usize..token.end as usize];
            let norm = if token.piece == NO_PIECE {
                None
            } else {
                self.tokenizer
                    .piece(token.piece)
                    .and_then(|p| p.norm.as_deref())
            };
            features.push(scratch.features(token_text, norm, &self.ids, &self.norms));
            spacy.push(token.space_after);
        }
        // Shared token vectors and tags.
        let mut t2v_scratch = Tok2VecScratch::default();
        let mut vectors = Vec::new();
        self.tok2vec
            .forward(&features, &spacy, &mut t2v_scratch, &mut vectors);
        let mut scores = Vec::new();
        let mut tag_ids = Vec::new();
        self.tagger.predict(&vectors, n, &mut scores, &mut tag_ids);
        let labels = self.tagger.labels();

        // Dependency parse over the same token vectors.
        let is_space: Vec<bool> = features.iter().map(|f| f.is_space).collect();
        let mut pre = self.parser_model.precompute(&vectors, n);
        let parse = self
            .arc_eager
            .parse(&self.parser_model, &mut pre, n, &is_space);
        drop(pre);

        let mut tokens: Vec<AnalyzedToken<'p>> = raw
            .iter()
            .zip(&tag_ids)
            .enumerate()
            .map(|(i, (token, &tag))| AnalyzedToken {
                start: token.start as usize,
                end: token.end as usize,
                space_after: token.space_after,
                tag: labels.get(usize::from(tag)).map_or("", String::as_str),
                pos: "",
                morph: "",
                lemma: String::new(),
                head: parse.heads[i],
                dep: self.arc_eager.label(parse.labels[i]),
                ent_iob: 'O',
                ent_type: "",
                sent_start: parse.sent_starts[i],
            })
            .collect();

        self.apply_attribute_ruler(text, &mut tokens, &features);
        for token in tokens.iter_mut() {
            if token.lemma.is_empty() {
                token.lemma = self.lemmatizer.lemmatize(
                    &text[token.start..token.end],
                    token.pos,
                    token.morph,
                );
            }
        }
        // Entities, from the NER's own token vectors and the parser's sentence starts. The
        // shared vectors are kept for the analysts, so the NER's go to a buffer of their own.
        let mut ner_vectors = Vec::new();
        self.ner_tok2vec
            .forward(&features, &spacy, &mut t2v_scratch, &mut ner_vectors);
        let mut pre = self.ner_model.precompute(&ner_vectors, n);
        let found = self
            .biluo
            .recognize(&self.ner_model, &mut pre, &parse.sent_starts, &is_space);
        let mut entities = Vec::with_capacity(found.len());
        for entity in found {
            let label = self.biluo.label(entity.label);
            for (k, token) in tokens[entity.start..entity.end].iter_mut().enumerate() {
                token.ent_iob = if k == 0 { 'B' } else { 'I' };
                token.ent_type = label;
            }
            entities.push(EntitySpan {
                start: tokens[entity.start].start,
                end: tokens[entity.end - 1].end,
                tokens: entity.start..entity.end,
                label,
            });
        }
        let sentences = sentence_ranges(&tokens);
        Analysis {
            tokens,
            sentences,
            entities,
            vector_width: self.tok2vec.width(),
            vectors,
        }
    }

    fn apply_attribute_ruler<'p>(
        &'p self,
        text: &str,
        tokens: &mut [AnalyzedToken<'p>],
        features: &[LexFeatures],
    ) {
        let lowers: Vec<String> = tokens
            .iter()
            .map(|t| text[t.start..t.end].to_lowercase())
            .collect();
        let view: Vec<RulerToken<'_>> = tokens
            .iter()
            .zip(&lowers)
            .zip(features)
            .map(|((t, lower), f)| RulerToken {
                tag: t.tag,
                lower,
                dep: t.dep,
                is_space: f.is_space,
            })
            .collect();
        let updates = self.ruler.matches(&view);
        for (i, attrs) in updates {
            let token = &mut tokens[i];
            if let Some(pos) = &attrs.pos {
                token.pos = pos;
            }
            if let Some(morph) = &attrs.morph {
                token.morph = morph;
            }
            if let Some(lemma) = &attrs.lemma {
                token.lemma = lemma.clone();
            }
            if let Some(tag) = &attrs.tag {
                token.tag = tag;
            }
            if let Some(dep) = &attrs.dep {
                token.dep = dep;
            }
        }
    }
}

/// Sentence byte ranges from the tokens' sentence starts.
fn sentence_ranges(tokens: &[AnalyzedToken<'_>]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    for token in tokens {
        if token.sent_start {
            if let Some(s) = start {
                sentences.push(s..end);
            }
            start = Some(token.start);
        }
        end = token.end;
    }
    if let Some(s) = start {
        sentences.push(s..end);
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_is_shareable_across_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<EnglishPipeline>();
    }

    #[test]
    fn keeps_one_contextual_vector_per_token() {
        let text = "The minister said on Tuesday that \"talks will continue\".";
        let analysis = EnglishPipeline::global().analyze(text);
        assert_eq!(analysis.vector_width, 96);
        assert_eq!(
            analysis.vectors.len(),
            analysis.tokens.len() * analysis.vector_width
        );
        assert!(analysis.vectors.iter().all(|v| v.is_finite()));
        assert!(EnglishPipeline::global().analyze("").vectors.is_empty());
    }

    #[test]
    fn analyses_a_sentence() {
        let text = "Vladimir Putin met Kim Jong-un in Moscow on Tuesday.";
        let analysis = EnglishPipeline::global().analyze(text);
        let words: Vec<&str> = analysis
            .tokens
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(
            words,
            [
                "Vladimir", "Putin", "met", "Kim", "Jong", "-", "un", "in", "Moscow", "on",
                "Tuesday", "."
            ]
        );
        let met = &analysis.tokens[2];
        assert_eq!(
            (met.tag, met.pos, met.lemma.as_str(), met.dep),
            ("VBD", "VERB", "meet", "ROOT")
        );
        assert_eq!(met.head, 2);
        let entities: Vec<(&str, &str)> = analysis
            .entities
            .iter()
            .map(|e| (&text[e.start..e.end], e.label))
            .collect();
        assert!(entities.contains(&("Vladimir Putin", "PERSON")));
        assert!(entities.contains(&("Moscow", "GPE")));
        let kinds: Vec<newsfacts_doc::EntityKind> =
            analysis.entities.iter().map(EntitySpan::kind).collect();
        assert!(kinds.contains(&newsfacts_doc::EntityKind::Person));
        assert!(kinds.contains(&newsfacts_doc::EntityKind::Place));
        assert_eq!(analysis.sentences, vec![0..text.len()]);
        assert_eq!(analysis.doc_tokens()[0].ent, "B-PERSON");
    }
}
