//! Page metadata: title, byline (authors), publication date, language.
