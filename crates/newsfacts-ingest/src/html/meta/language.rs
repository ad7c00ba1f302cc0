//! The page's language: what it declares (`<html lang>`, `content-language`, `og:locale`,
//! JSON-LD `inLanguage`), checked against what its paragraphs are written in, because site
//! templates often declare a default language (typically `en`) for every page whatever the
//! story's language. Without a declaration, the text alone decides.

use whatlang::{Detector, Lang};

use super::PageSignals;
use super::jsonld;

/// Text sampled for detection; more adds time, not accuracy.
const SAMPLE_CHARS: usize = 3_000;
/// Below this much paragraph text, a declaration is not second-guessed.
const MIN_CHARS_TO_OVERRIDE: usize = 400;
/// Detection confidence needed to override a declaration.
const MIN_CONFIDENCE_TO_OVERRIDE: f64 = 0.9;

pub(super) fn extract(page: &PageSignals) -> Option<String> {
    let declared = declared_language(page);
    let sample = text_sample(page);
    let detected = Detector::new().detect(&sample);
    match (declared, detected) {
        (Some(declared), Some(info)) => {
            let detected_code = iso639_1(info.lang());
            let confident = info.is_reliable()
                && info.confidence() >= MIN_CONFIDENCE_TO_OVERRIDE
                && sample.chars().count() >= MIN_CHARS_TO_OVERRIDE;
            if confident && !same_language(&declared, detected_code) {
                Some(detected_code.to_owned())
            } else {
                Some(declared)
            }
        }
        (Some(declared), None) => Some(declared),
        (None, Some(info)) => Some(iso639_1(info.lang()).to_owned()),
        (None, None) => None,
    }
}

fn declared_language(page: &PageSignals) -> Option<String> {
    let html = page.doc.select("html");
    let from_html = ["lang", "xml:lang"]
        .iter()
        .filter_map(|a| html.attr(a))
        .find_map(|v| primary_subtag(&v));
    from_html
        .or_else(|| {
            [
                "content-language",
                "language",
                "dc.language",
                "dcterms.language",
                "og:locale",
            ]
            .iter()
            .flat_map(|k| page.meta_all(k))
            .find_map(primary_subtag)
        })
        .or_else(|| {
            let article = page.jsonld.article(page.url.as_deref())?;
            jsonld::strings(article.get("inLanguage"))
                .iter()
                .find_map(|v| primary_subtag(v))
        })
}

/// `en-US`, `de_DE`, `EN` → `en`. Rejects what is not a language tag (`x-default`, template
/// placeholders).
pub(super) fn primary_subtag(tag: &str) -> Option<String> {
    let first = tag.split([',', ';']).next()?.trim();
    let primary = first.split(['-', '_']).next()?.to_ascii_lowercase();
    if !primary.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    // Three-letter subtags are rare and easily confused with junk ("utf" from a charset
    // written where the language belongs): only known ISO 639-3 codes pass.
    let primary = match primary.len() {
        2 => primary,
        3 => match Lang::from_code(primary.as_str()) {
            Some(lang) => iso639_1(lang).to_owned(),
            None if matches!(primary.as_str(), "fil" | "yue" | "haw") => primary,
            None => return None,
        },
        _ => return None,
    };
    // Retired codes still in use.
    let primary = match primary.as_str() {
        "iw" => "he".to_owned(),
        "in" => "id".to_owned(),
        "ji" => "yi".to_owned(),
        "jw" => "jv".to_owned(),
        _ => primary,
    };
    Some(primary)
}

/// Paragraph text of the page, up to [`SAMPLE_CHARS`]; the body's text when it has no
/// paragraphs.
fn text_sample(page: &PageSignals) -> String {
    let mut sample = String::new();
    for node in page.doc.select("p").nodes() {
        let text = node.text();
        let text = text.trim();
        if text.chars().count() < 40 {
            continue;
        }
        sample.push_str(text);
        sample.push('\n');
        if sample.len() >= SAMPLE_CHARS {
            break;
        }
    }
    if sample.is_empty() {
        sample = page
            .doc
            .select("body")
            .text()
            .chars()
            .take(SAMPLE_CHARS)
            .collect();
    }
    sample
}

/// Whether a declared code and a detected one name the same language, allowing for the
/// close pairs a text detector cannot tell apart reliably and for macrolanguage codes.
fn same_language(declared: &str, detected: &str) -> bool {
    const CLOSE: &[&[&str]] = &[
        &["no", "nb", "nn", "da"],
        &["sr", "hr", "bs", "sh", "me"],
        &["ms", "id"],
        &["zh", "cmn", "yue"],
        &["fa", "prs"],
        &["af", "nl"],
        &["cs", "sk"],
        &["be", "ru", "uk"],
        &["gl", "pt", "es"],
        &["ca", "es"],
    ];
    declared == detected
        || CLOSE
            .iter()
            .any(|group| group.contains(&declared) && group.contains(&detected))
}

/// The ISO 639-1 code of a detected language (ISO 639-3 where 639-1 has none).
fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
        #[allow(unreachable_patterns)]
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_subtags() {
        assert_eq!(primary_subtag("en-US").as_deref(), Some("en"));
        assert_eq!(primary_subtag("de_DE").as_deref(), Some("de"));
        assert_eq!(primary_subtag(" FR ").as_deref(), Some("fr"));
        assert_eq!(primary_subtag("iw").as_deref(), Some("he"));
        assert_eq!(primary_subtag("x-default"), None);
        assert_eq!(primary_subtag("{{lang}}"), None);
        assert_eq!(primary_subtag("utf-8"), None);
        assert_eq!(primary_subtag("deu").as_deref(), Some("de"));
    }

    fn language_of(html: &str) -> Option<String> {
        let doc = dom_query::Document::from(html);
        let page = PageSignals::collect(&doc, None);
        extract(&page)
    }

    #[test]
    fn declared_language_wins_on_short_text() {
        assert_eq!(
            language_of("<html lang=\"pt-BR\"><body><p>Hello.</p></body></html>").as_deref(),
            Some("pt")
        );
        assert_eq!(
            language_of(
                "<html><head><meta property=\"og:locale\" content=\"es_ES\"></head></html>"
            )
            .as_deref(),
            Some("es")
        );
    }

    #[test]
    fn text_overrides_a_template_default() {
        let german = "<p>Die Bundesregierung hat am Mittwoch beschlossen, dass die neuen Regeln \
            für den Ausbau der Windkraft schon im kommenden Jahr gelten sollen. Die Länder \
            müssen dafür ausreichend Flächen ausweisen, sonst greifen Sonderregeln.</p>";
        let html = format!("<html lang=\"en\"><body>{}</body></html>", german.repeat(3));
        assert_eq!(language_of(&html).as_deref(), Some("de"));
    }

    #[test]
    fn detects_undeclared_text() {
        let english = "<p>The city council voted on Tuesday to extend the bus network to the \
            northern suburbs, a plan that residents have asked for since the new housing was \
            built there.</p>";
        let html = format!("<html><body>{english}</body></html>");
        assert_eq!(language_of(&html).as_deref(), Some("en"));
    }
}
