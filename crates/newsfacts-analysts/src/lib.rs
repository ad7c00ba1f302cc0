//! The newsfacts pipeline: from an ingested [`Article`] to a [`Document`] with every layer filled.
//!
//! Each analyst reads the document and adds one layer; the pipeline runs them in order. Nothing
//! here does I/O, so the same code serves one article in a terminal and a batch of millions.

pub mod actors;
pub mod checks;
pub mod entities;
pub mod events;
pub mod ledger;
pub mod quantities;
pub mod quotes;
pub mod stages;

use std::sync::Arc;

use newsfacts_doc::{Article, Document};

use actors::ActorDictionary;
use stages::{Lap, Stage, StageClock};

/// Runs the analysis of one article. Cheap to share across threads: the English model is
/// loaded once per process and shared.
#[derive(Debug, Clone)]
pub struct Pipeline {
    linguistic: bool,
    /// Where to add each stage's time, when the user asked for timings.
    clock: Option<Arc<StageClock>>,
    /// A user's CAMEO verb dictionary: adds CAMEO codes (and the events of its verbs).
    cameo_verbs: Option<Arc<events::cameo::CameoVerbs>>,
    /// The user's actor dictionary, when given: entities get its codes.
    actors: Option<Arc<ActorDictionary>>,
    /// A trigger classifier to use instead of the shipped one.
    event_classifier: Option<Arc<events::classifier::EventClassifier>>,
    /// Where the event coder consults the trigger classifier.
    classifier_use: events::classifier::ClassifierUse,
    /// See [`events::Coding::context_filters`].
    event_context_filters: bool,
    /// Return documents with the English pipeline's contextual token vectors (for training and
    /// measuring models that read them); otherwise they are dropped after the quotes.
    keep_token_vectors: bool,
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new()
    }
}

impl Pipeline {
    /// The full pipeline: the English tokenizer, tagger, parser and NER run on English (and
    /// undeclared) articles, and every analyst after them.
    pub fn new() -> Pipeline {
        Pipeline {
            linguistic: true,
            clock: None,
            cameo_verbs: None,
            actors: None,
            event_classifier: None,
            classifier_use: events::classifier::DEFAULT_USE,
            event_context_filters: true,
            keep_token_vectors: false,
        }
    }

    /// Only what needs no linguistic model: paragraphs, rule-based sentences, quantities,
    /// checks and quotes from quotation marks and cues. Much faster, less accurate.
    pub fn without_linguistics() -> Pipeline {
        Pipeline {
            linguistic: false,
            clock: None,
            cameo_verbs: None,
            actors: None,
            event_classifier: None,
            classifier_use: events::classifier::DEFAULT_USE,
            event_context_filters: true,
            keep_token_vectors: false,
        }
    }

    /// The same pipeline, adding each stage's time to `clock` (see [`stages`]).
    pub fn with_stage_clock(mut self, clock: Arc<StageClock>) -> Pipeline {
        self.clock = Some(clock);
        self
    }

    /// The same pipeline, coding events with a user's CAMEO verb dictionary too.
    pub fn with_cameo_verbs(mut self, verbs: Arc<events::cameo::CameoVerbs>) -> Pipeline {
        self.cameo_verbs = Some(verbs);
        self
    }

    /// The same pipeline, coding events with another trigger classifier than the shipped one
    /// (a retrained model, say).
    pub fn with_event_classifier(
        mut self,
        model: Arc<events::classifier::EventClassifier>,
    ) -> Pipeline {
        self.event_classifier = Some(model);
        self
    }

    /// The same pipeline, consulting the trigger classifier as `usage` says (`Off`: the
    /// lexicon alone).
    pub fn with_classifier_use(mut self, usage: events::classifier::ClassifierUse) -> Pipeline {
        self.classifier_use = usage;
        self
    }

    /// Events as the lexicon's triggers make them, without dropping those whose context shows
    /// they are none (for the trigger classifier's trainer: [`events::Coding::context_filters`]).
    pub fn without_event_context_filters(mut self) -> Pipeline {
        self.event_context_filters = false;
        self
    }

    /// The same pipeline, returning documents with their contextual token vectors
    /// ([`Document::token_vectors`]) for a model's training or measurement.
    pub fn with_token_vectors(mut self) -> Pipeline {
        self.keep_token_vectors = true;
        self
    }

    /// The same pipeline, coding entities with the user's actor dictionary (see [`actors`]).
    pub fn with_actors(mut self, actors: Arc<ActorDictionary>) -> Pipeline {
        self.actors = Some(actors);
        self
    }

    /// Analyses one article into a document with all layers filled.
    pub fn analyze(&self, article: Article) -> Document {
        let mut lap = Lap::start(self.clock.as_deref());
        let doc = Document::from_article(article);
        lap.lap(Stage::Document);
        self.fill_layers(doc, lap)
    }

    /// Reads the article into a document and analyses it, unless `skip` decides from the
    /// document as read (its cleaned text and metadata, before any analysis) that it needs
    /// none: a batch resumed after a crash passes "already stored", so only what is missing
    /// costs analysis time. `None` when skipped.
    pub fn analyze_unless(
        &self,
        article: Article,
        skip: impl FnOnce(&Document) -> bool,
    ) -> Option<Document> {
        let mut lap = Lap::start(self.clock.as_deref());
        let doc = Document::from_article(article);
        lap.lap(Stage::Document);
        if skip(&doc) {
            return None;
        }
        Some(self.fill_layers(doc, lap))
    }

    /// Every layer after the document itself, in pipeline order.
    fn fill_layers(&self, mut doc: Document, mut lap: Lap<'_>) -> Document {
        let english = doc
            .language
            .as_deref()
            .is_none_or(|language| language == "en");
        if self.linguistic && english {
            let mut analysis = newsfacts_nlp::EnglishPipeline::global().analyze(&doc.text);
            doc.tokens = analysis.doc_tokens();
            lap.lap(Stage::English);
            let mentions = entities::named_mentions(&analysis);
            doc.entities = entities::resolve_entities(&doc, &mentions);
            if let Some(actors) = &self.actors {
                actors.code_entities(&mut doc.entities, doc.published.as_deref());
            }
            lap.lap(Stage::Entities);
            // The tok2vec vectors the English model computed anyway, moved (not copied) to the
            // document for the attribution model's role network; dropped after the quotes.
            if self.keep_token_vectors
                || quotes::model::AttributionModel::embedded().is_some_and(|m| m.reads_vectors())
            {
                doc.token_vectors = newsfacts_doc::TokenVectors {
                    width: analysis.vector_width,
                    values: std::mem::take(&mut analysis.vectors),
                };
            }
        }
        // The rule segmenter handles quotations and abbreviations better than the parse's
        // sentence starts, and the analysts below are tuned on its sentences.
        doc.sentences = newsfacts_nlp::split_sentences(&doc.text);
        lap.lap(Stage::Sentences);
        doc.quantities = quantities::extract_quantities(&doc);
        lap.lap(Stage::Quantities);
        doc.checks = checks::check_claims(&doc);
        lap.lap(Stage::Checks);
        doc.quotes = quotes::extract_quotes(&doc);
        // No later layer reads the vectors, and they are ~400 bytes a token: batches and the
        // store keep documents without them (unless the caller asked for them).
        if !self.keep_token_vectors {
            doc.token_vectors = newsfacts_doc::TokenVectors::default();
        }
        lap.lap(Stage::Quotes);
        let coding = events::Coding {
            cameo: self.cameo_verbs.as_deref(),
            classifier: match self.event_classifier.as_deref() {
                Some(model) => Some(model),
                None => events::classifier::EventClassifier::embedded(),
            },
            classifier_use: self.classifier_use,
            context_filters: self.event_context_filters,
        };
        doc.events = events::extract_events_coded(&doc, &coding);
        lap.lap(Stage::Events);
        doc.ledger = ledger::build_ledger(&doc);
        lap.lap(Stage::Ledger);
        if let Some(clock) = &self.clock {
            clock.count_document();
        }
        doc
    }
}
