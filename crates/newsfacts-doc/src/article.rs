use serde::{Deserialize, Serialize};

/// What ingest makes of one input record: metadata and the story's paragraphs, with whatever was
/// dropped as boilerplate set aside. Ingest is the only stage that reads bytes; everything after
/// it works on this.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Stable identifier: the JSON Lines `id`, the WARC record's target URI, or the file name.
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub byline: Vec<String>,
    /// ISO 8601 date or date-time.
    pub published: Option<String>,
    pub language: Option<String>,
    /// The story, one entry a paragraph, in reading order.
    pub paragraphs: Vec<String>,
    pub boilerplate: Vec<Boilerplate>,
}

/// A piece of the input that is not part of the story, reported so that a reader can see that
/// nothing was dropped silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    pub text: String,
    pub reason: BoilerplateReason,
}

/// Why a piece of input was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateReason {
    /// A headline of another article left inline by a scrape (a line with no sentence end,
    /// between paragraphs of the story).
    RelatedHeadline,
    /// A block of links to other articles.
    RelatedLinks,
    /// Navigation, menus, breadcrumbs.
    Navigation,
    /// A picture or video caption or credit.
    Caption,
    /// Newsletter sign-up, subscription or paywall prompt.
    Newsletter,
    /// Share buttons and social-media prompts.
    Share,
    /// A "read more" teaser.
    Teaser,
    /// Readers' comments.
    Comments,
    /// Advertising.
    Advertisement,
    /// Site header or footer, copyright and legal lines.
    Footer,
    /// Anything else outside the main text.
    Other,
}

impl BoilerplateReason {
    pub fn as_str(self) -> &'static str {
        match self {
            BoilerplateReason::RelatedHeadline => "related_headline",
            BoilerplateReason::RelatedLinks => "related_links",
            BoilerplateReason::Navigation => "navigation",
            BoilerplateReason::Caption => "caption",
            BoilerplateReason::Newsletter => "newsletter",
            BoilerplateReason::Share => "share",
            BoilerplateReason::Teaser => "teaser",
            BoilerplateReason::Comments => "comments",
            BoilerplateReason::Advertisement => "advertisement",
            BoilerplateReason::Footer => "footer",
            BoilerplateReason::Other => "other",
        }
    }
}
