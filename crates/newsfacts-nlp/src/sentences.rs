//! Rule-based English sentence segmentation: the fast path for splitting an article's text into
//! sentences when no parse is needed.
//!
//! How it works, in one linear pass per line:
//! 1. The text is cut into lines: a line break always ends a sentence (ingest puts one between
//!    paragraphs). The one exception is a soft wrap — a line that ends in a space or tab and
//!    continues in lower case — which ingest never produces (it trims its lines) but raw,
//!    hard-wrapped text does.
//! 2. Each line is cut into whitespace-separated chunks; a chunk that hides a boundary with no
//!    space after it ("world.Today") is cut again into pieces.
//! 3. List markers ("1.", "2)", "a.", "•") are found: a list that starts a line keeps going
//!    while consecutive markers follow, and each one starts a new sentence.
//! 4. Every gap between two pieces is a boundary or not, decided from the end of the left piece
//!    (its terminal punctuation once closing quotes and brackets are set aside, and the word
//!    before a period) and the start of the right piece (lower case, upper case, a digit, a word
//!    that typically opens a sentence). Abbreviations, initials, numbers, ellipses, quotations,
//!    parentheses, URLs and e-mail addresses are handled there.
//!
//! The segmenter never panics and allocates only the output and a per-line scratch buffer.

mod lexicon;

use lexicon::{
    AbbreviationKind, abbreviation_kind, is_day_or_month, is_name_with_exclamation,
    is_sentence_opener, is_speech_verb, is_time_zone, is_unit, opens_time_phrase,
};
use newsfacts_doc::Span;

/// Splits `text` into sentences, returned as byte spans with surrounding whitespace trimmed.
/// Newlines always end a sentence: ingest puts one between paragraphs. (A line ending in a space
/// or tab and continuing in lower case is a soft wrap of raw text and is joined instead.)
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut pieces = Vec::new();
    for_each_line(text, |start, end| {
        segment_line(text, start, end, &mut pieces, &mut sentences);
    });
    sentences
}

/// Calls `visit(start, end)` for every line of `text`, soft wraps joined. Line breaks are
/// `\n`, `\r\n`, `\r`, vertical tab, form feed, NEL, and the Unicode line and paragraph
/// separators.
fn for_each_line(text: &str, mut visit: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut line_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let break_len = match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\n' | b'\r' | 0x0b | 0x0c => 1,
            0xc2 if bytes.get(i + 1) == Some(&0x85) => 2,
            0xe2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)) =>
            {
                3
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let after = i + break_len;
        if !(matches!(bytes[i], b'\n' | b'\r') && is_soft_wrap(text, i, after)) {
            visit(line_start, i);
            line_start = after;
        }
        i = after;
    }
    visit(line_start, bytes.len());
}

/// A newline at `at..after` that only wraps a sentence: the line ends in a space or tab and the
/// next one starts with a lower-case letter.
fn is_soft_wrap(text: &str, at: usize, after: usize) -> bool {
    let before_is_blank = at > 0 && matches!(text.as_bytes()[at - 1], b' ' | b'\t');
    before_is_blank
        && text
            .get(after..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_lowercase)
}

/// A run of non-whitespace text between two candidate boundaries.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    /// Cut from the previous piece inside one chunk ("world.|Today"): always a boundary.
    glued: bool,
    /// A list marker ("1.", "b)"): never ends a sentence itself.
    marker: bool,
    /// A marker that continues a list in mid-line: starts a new sentence.
    starts_list_item: bool,
}

/// Segments the line `text[start..end]` and appends its sentences to `sentences`.
fn segment_line(
    text: &str,
    start: usize,
    end: usize,
    pieces: &mut Vec<Piece>,
    sentences: &mut Vec<Span>,
) {
    pieces.clear();
    collect_pieces(text, start, end, pieces);
    if pieces.is_empty() {
        return;
    }
    mark_lists(text, pieces);
    let piece_text = |i: usize| &text[pieces[i].start..pieces[i].end];
    let mut sentence_start = 0;
    let mut close_before = |i: usize, sentence_start: &mut usize| {
        sentences.push(Span::new(pieces[*sentence_start].start, pieces[i - 1].end));
        *sentence_start = i;
    };
    let forced = |i: usize| {
        pieces[i].glued || pieces[i].starts_list_item || piece_text(i).starts_with(is_bullet)
    };

    let bytes = text.as_bytes();
    let mut i = 1;
    while i < pieces.len() {
        // Fast path for the common gap, between two words: a left piece ending in a letter or
        // digit cannot end a sentence, and a right piece starting with one is not a bullet, a
        // quotation mark or a period.
        let left_last = bytes[pieces[i - 1].end - 1];
        let right_first = bytes[pieces[i].start];
        if left_last.is_ascii_alphanumeric()
            && right_first.is_ascii_alphanumeric()
            && !pieces[i].glued
            && !pieces[i].starts_list_item
        {
            i += 1;
            continue;
        }
        if forced(i) {
            close_before(i, &mut sentence_start);
            i += 1;
            continue;
        }
        let right = piece_text(i);
        if is_quote_only(right) {
            // A quotation mark set off by spaces ("nine years... \" Hailey") goes with the
            // text before it; the gap after it is decided on that text.
            i += 1;
            continue;
        }
        let mut left_index = i - 1;
        if left_index > sentence_start && is_quote_only(piece_text(left_index)) {
            left_index -= 1;
        }
        let left = piece_text(left_index);
        if pieces[left_index].marker || is_bullet_only(left) || is_dot_only(left) {
            i += 1;
            continue;
        }
        if is_dot_only(right) {
            // Periods set off by spaces: a detached full stop ("Commerzbank . It"), a spaced
            // ellipsis (". . ." or " … "). The gap before them and the gap after them are
            // decided together.
            let mut last = i;
            let mut dots = count_dots(right);
            while last + 1 < pieces.len() && !forced(last + 1) && is_dot_only(piece_text(last + 1))
            {
                last += 1;
                dots += count_dots(piece_text(last));
            }
            let after = last + 1;
            let next = (after < pieces.len()).then(|| piece_text(after));
            let next_first = next.and_then(first_after_openers);
            let next_is_upper = next_first.is_some_and(char::is_uppercase);
            let next_opens_sentence = next_is_upper
                && next.is_some_and(|n| {
                    is_sentence_opener(leading_word(n.trim_start_matches(is_opener)))
                });
            let can_close_after = after < pieces.len() && !forced(after);
            if dots < 3 {
                if can_close_after
                    && (next_is_upper || next_first.is_some_and(|c| c.is_ascii_digit()))
                {
                    close_before(after, &mut sentence_start);
                }
            } else if ends_with_single_period(left) {
                // "compounds. . . . The": the period ends the sentence and the ellipsis opens
                // the next one, which quotes on from an omission.
                if next_is_upper {
                    close_before(i, &mut sentence_start);
                }
            } else if can_close_after
                && ((dots >= 4 && next_is_upper) || (last == i && next_opens_sentence))
            {
                // "a period . . . . Next": an ellipsis and a full stop. "feet ... We were": a
                // loose ellipsis between sentences, told from one inside a title ("I'm A
                // Celebrity ... Get Me Out") by the word after it. A spaced ". . ." stays
                // inside its sentence.
                close_before(after, &mut sentence_start);
            }
            // The gap after the run is settled unless something forces a boundary there.
            i = if after < pieces.len() && forced(after) {
                after
            } else {
                after + 1
            };
            continue;
        }
        let previous_is_number = left_index > sentence_start
            && piece_text(left_index - 1)
                .trim_end_matches(is_closer)
                .ends_with(|c: char| c.is_ascii_digit());
        let after_next = |k: usize| if k < pieces.len() { piece_text(k) } else { "" };
        let context = GapContext {
            first_piece: piece_text(sentence_start),
            piece_count: i - sentence_start,
            after_next: [after_next(i + 1), after_next(i + 2), after_next(i + 3)],
            previous_is_number,
            detached_quote: left_index + 1 < i,
        };
        if ends_sentence(left, right, &context) {
            close_before(i, &mut sentence_start);
        }
        i += 1;
    }
    sentences.push(Span::new(
        pieces[sentence_start].start,
        pieces[pieces.len() - 1].end,
    ));
}

/// What a boundary decision needs to know beyond the two pieces around the gap: the sentence
/// being built, and the pieces after the right one.
struct GapContext<'t> {
    /// The first piece of the sentence being built.
    first_piece: &'t str,
    /// How many pieces the sentence has so far.
    piece_count: usize,
    /// The three pieces after the right one ("" past the end of the line).
    after_next: [&'t str; 3],
    /// The word before the one ending in the candidate period is a number ("21.72 secs.").
    previous_is_number: bool,
    /// A quotation mark set off by spaces follows the candidate ("years... \" Hailey").
    detached_quote: bool,
}

impl GapContext<'_> {
    /// "At 5 a.m." so far: a fronted time phrase, which a main clause must follow.
    fn is_fronted_time_phrase(&self) -> bool {
        self.piece_count <= 5 && opens_time_phrase(self.first_piece.trim_start_matches(is_opener))
    }
}

/// Appends the pieces of `text[start..end]`: its whitespace-separated chunks, each cut again
/// where a sentence ends with no space after it.
fn collect_pieces(text: &str, start: usize, end: usize, pieces: &mut Vec<Piece>) {
    let line = &text[start..end];
    let bytes = line.as_bytes();
    let mut chunk_start: Option<usize> = None;
    // The end of the first sentence punctuation mark of the current chunk: a chunk can hide a
    // boundary only when one ends before the chunk does.
    let mut first_terminator_end: Option<usize> = None;
    let mut offset = 0;
    while offset < bytes.len() {
        // ASCII is decided on the byte; anything else is decoded (Unicode has more spaces).
        let (is_space, len) = match bytes[offset] {
            b' ' | b'\t'..=b'\r' => (true, 1),
            0..=0x7f => (false, 1),
            _ => match line[offset..].chars().next() {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => (false, 1),
            },
        };
        if is_space {
            if let Some(cs) = chunk_start.take() {
                let may_hide = first_terminator_end.take().is_some_and(|e| e < offset);
                push_chunk(text, start + cs, start + offset, may_hide, pieces);
            }
        } else {
            if chunk_start.is_none() {
                chunk_start = Some(offset);
            }
            if first_terminator_end.is_none()
                && matches!(bytes[offset], b'.' | b'?' | b'!' | 0xe3 | 0xef)
            {
                first_terminator_end = Some(offset + len);
            }
        }
        offset += len;
    }
    if let Some(cs) = chunk_start {
        let may_hide = first_terminator_end.is_some_and(|e| e < bytes.len());
        push_chunk(text, start + cs, end, may_hide, pieces);
    }
}

/// Appends one chunk as one or more pieces; `may_hide` says whether it has sentence
/// punctuation before its last character.
fn push_chunk(text: &str, start: usize, end: usize, may_hide: bool, pieces: &mut Vec<Piece>) {
    let chunk = &text[start..end];
    let mut piece_start = 0;
    if may_hide && !is_url_or_email(chunk) {
        let bytes = chunk.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Only these bytes can start a terminator, and each is a character boundary (ASCII
            // or the lead byte of a CJK punctuation mark).
            let run_len = if matches!(bytes[i], b'.' | b'?' | b'!' | 0xe3 | 0xef) {
                terminator_run_len(&chunk[i..])
            } else {
                0
            };
            if run_len == 0 {
                i += 1;
                continue;
            }
            let run_end = i + run_len;
            if let Some(cut) = hidden_boundary(chunk, i, run_end)
                && cut > piece_start
                && cut < chunk.len()
            {
                pieces.push(Piece::new(
                    start + piece_start,
                    start + cut,
                    piece_start > 0,
                ));
                piece_start = cut;
            }
            i = run_end;
        }
    }
    pieces.push(Piece::new(start + piece_start, end, piece_start > 0));
}

impl Piece {
    fn new(start: usize, end: usize, glued: bool) -> Piece {
        Piece {
            start,
            end,
            glued,
            marker: false,
            starts_list_item: false,
        }
    }
}

/// A URL or an e-mail address, whose periods and question marks end nothing.
fn is_url_or_email(chunk: &str) -> bool {
    chunk.contains('@') || chunk.contains("://") || chunk.contains("www.")
}

/// Length in bytes of the run of sentence punctuation at the start of `s` (ASCII `.?!` or the
/// CJK full stop, exclamation and question marks), 0 if none.
fn terminator_run_len(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !matches!(c, '.' | '?' | '!' | '。' | '！' | '？'))
        .map_or(s.len(), |(offset, _)| offset)
}

/// Where a boundary hidden inside `chunk` falls, for the punctuation run `chunk[run..run_end]`:
/// the offset where the next sentence starts, or `None`.
///
/// CJK punctuation always ends a sentence. A period or `?`/`!` does when a capitalised word
/// follows at once ("world.Today", "1,000.That", "Tuesday.Mr."), unless what precedes is an
/// abbreviation, an initial or a dotted acronym ("Mr.Smith", "U.S.Army"). An ellipsis never
/// does here ("mean...see").
fn hidden_boundary(chunk: &str, run: usize, run_end: usize) -> Option<usize> {
    let punctuation = &chunk[run..run_end];
    let after_closers = run_end + prefix_len(&chunk[run_end..], is_closer);
    if punctuation.contains(['。', '！', '？']) {
        return Some(after_closers);
    }
    if punctuation.starts_with("..") {
        return None;
    }
    let rest = chunk[after_closers..].trim_start_matches(is_opener);
    let mut next = rest.chars();
    let (Some(first), Some(second)) = (next.next(), next.next()) else {
        return None;
    };
    if !(first.is_uppercase() && second.is_lowercase()) {
        return None;
    }
    let left = &chunk[..run];
    let word_start = left
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(offset, c)| offset + c.len_utf8());
    let word = &left[word_start..];
    let last = word.chars().next_back()?;
    if punctuation == "." && !last.is_ascii_digit() {
        let dotted = left[..word_start].ends_with('.');
        if word.chars().count() < 2 || dotted || abbreviation_kind(word).is_some() {
            return None;
        }
    }
    Some(after_closers)
}

/// Whether the gap between the pieces `left` and `right` ends a sentence.
fn ends_sentence(left: &str, right: &str, context: &GapContext) -> bool {
    let core = left.trim_end_matches(is_closer);
    let closers = &left[core.len()..];
    let Some(last) = core.chars().next_back() else {
        return false;
    };
    let next = right.trim_start_matches(is_opener);
    let next_first = next.chars().next().or_else(|| right.chars().next());
    // A quotation mark closing after the candidate, or opening the next word, sets the two
    // apart more surely than a capital alone.
    let quoted = closers.contains(is_quote_mark)
        || context.detached_quote
        || (right.starts_with(is_quote_mark) && !is_quoted_nickname(right));
    if closers.contains(is_quote_mark)
        && matches!(last, '.' | '?' | '!' | '…')
        && is_attribution(right, context.after_next)
    {
        // "“Really?” Smith asked.": the speaker's attribution completes the quoted sentence.
        return false;
    }
    match last {
        '?' | '!' | '‽' | '⁈' | '⁉' | '。' | '！' | '？' => {
            if next_first.is_some_and(char::is_lowercase) && !is_camel_case_name(next) {
                return false;
            }
            // Names spelt with an exclamation mark ("Yahoo! News") go on before a capitalised
            // word that does not open sentences.
            let named = core
                .strip_suffix('!')
                .is_some_and(|word| is_name_with_exclamation(word.trim_start_matches(is_opener)));
            !(named && closers.is_empty() && !is_sentence_opener(leading_word(next)))
        }
        '.' | '…' => {
            let run_len = core.len() - core.trim_end_matches(['.', '…']).len();
            let before_run = &core[..core.len() - run_len];
            if run_len > 1 {
                // An ellipsis: "[...]" marks an omission inside a quotation. Four periods are
                // an ellipsis and a full stop ("that.... She"). Three, or "…", trail off a
                // sentence before a word that opens one or a quotation ("feet... We",
                // "lifted... \"It"), but also sit inside titles before a capitalised name
                // ("I'm A Celebrity... Get Me Out Of Here").
                if before_run.ends_with(['[', '(']) && closers.starts_with([']', ')']) {
                    return false;
                }
                let next_is_upper = next_first.is_some_and(char::is_uppercase);
                let full_stop_too = count_dots(&core[core.len() - run_len..]) >= 4;
                return next_is_upper
                    && (full_stop_too || quoted || is_sentence_opener(leading_word(next)));
            }
            let word = before_run
                .trim_start_matches(is_opener)
                .trim_end_matches(is_closer);
            // ("Cell Block H.\" Labour", "Mr P. \"Never").
            let next_is_parenthetical = right.starts_with(['(', '[']);
            period_ends_sentence(
                word,
                next,
                next_first,
                quoted,
                next_is_parenthetical,
                context,
            )
        }
        _ => false,
    }
}

/// Whether a period after `word` ends the sentence, given the text after it (`next`, opening
/// quotes and brackets removed, and its first character), whether a quotation mark stands
/// between the two, and whether the next piece opens a parenthesis.
fn period_ends_sentence(
    word: &str,
    next: &str,
    next_first: Option<char>,
    quoted: bool,
    next_is_parenthetical: bool,
    context: &GapContext,
) -> bool {
    let Some(first) = next_first else {
        return true;
    };
    let next_is_upper = first.is_uppercase() || is_camel_case_name(next);
    if !next_is_upper && (first.is_lowercase() || matches!(first, ',' | ';' | ':' | '%')) {
        return false;
    }
    if word.is_empty() || word.contains(['/', '@']) {
        return true;
    }
    let next_is_digit = first.is_ascii_digit();
    let next_word = leading_word(next);
    let opens_sentence = next_is_upper && (quoted || is_sentence_opener(next_word));

    let kind = abbreviation_kind(word).or_else(|| {
        // "ex-Gov.", "then-Sen.": a title after a hyphen.
        let (_, tail) = word.rsplit_once('-')?;
        abbreviation_kind(tail).filter(|&kind| kind == AbbreviationKind::Title)
    });
    if let Some(kind) = kind {
        return match kind {
            AbbreviationKind::Title | AbbreviationKind::Continuing => false,
            AbbreviationKind::BeforeNumber | AbbreviationKind::Calendar if next_is_digit => false,
            AbbreviationKind::Time => {
                next_is_upper
                    && !is_time_zone(next_word)
                    && !is_day_or_month(next_word)
                    && !context.is_fronted_time_phrase()
            }
            AbbreviationKind::Closing => next_is_upper,
            AbbreviationKind::Calendar => {
                next_is_upper && abbreviation_kind(next_word) != Some(AbbreviationKind::Calendar)
            }
            AbbreviationKind::NameSuffix => next_is_upper && !next_is_parenthetical,
            AbbreviationKind::BeforeNumber | AbbreviationKind::Ambiguous => {
                if context.previous_is_number && is_unit(word) {
                    next_is_upper
                } else {
                    opens_sentence
                }
            }
        };
    }
    let mut chars = word.chars();
    let is_single_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    if is_single_letter || is_dotted_acronym(word) {
        // An initial ("J. K. Rowling", "Albert I. Jones") or "U.S.", "E.U.": a name may follow
        // in the same sentence, a word that opens sentences may not.
        return opens_sentence;
    }
    true
}

/// Whether `right` and the pieces after it attribute a quotation just closed: a name of one or
/// two capitalised words (or a title and a name) and a verb of speech that ends the clause
/// ("Smith asked.", "Mr. Smith said,", "Jo Park added."). "Smith said the team..." is not one:
/// it starts a sentence of its own.
fn is_attribution(right: &str, after_next: [&str; 3]) -> bool {
    if !is_name_part(right) {
        return false;
    }
    let (verb, after_verb) = if is_name_part(after_next[0]) {
        (after_next[1], after_next[2])
    } else {
        (after_next[0], after_next[1])
    };
    // "Cruz says, “That is...": a comma and a new quotation start a sentence of their own.
    let introduces_quote = verb.ends_with(',') && after_verb.starts_with(is_quote_mark);
    !introduces_quote && verb.strip_suffix(['.', ',']).is_some_and(is_speech_verb)
}

/// A capitalised name word ("Smith", "O’Neill", "Jean-Paul") that does not typically open a
/// sentence, or a title ("Mr.").
fn is_name_part(piece: &str) -> bool {
    if let Some(word) = piece.strip_suffix('.') {
        return abbreviation_kind(word) == Some(AbbreviationKind::Title);
    }
    let mut chars = piece.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !is_sentence_opener(piece)
}

/// A name written in lower case with a capital second letter ("iPhone", "eBay", "iOS"), which
/// starts a sentence without a capital.
fn is_camel_case_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_lowercase) && chars.next().is_some_and(char::is_uppercase)
}

/// "U.S", "U.S.A", "Ph.D", "J.F.K": letters in groups of one or two joined by periods.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            let letters = part.chars().count();
            (1..=2).contains(&letters) && part.chars().all(char::is_alphabetic)
        })
}

/// The alphabetic word at the start of `s` ("It" of "It's").
fn leading_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(offset, _)| offset);
    &s[..end]
}

/// The first character of `s` after its opening quotes and brackets.
fn first_after_openers(s: &str) -> Option<char> {
    s.trim_start_matches(is_opener).chars().next()
}

/// Length in bytes of the prefix of `s` whose characters satisfy `accept`.
fn prefix_len(s: &str, accept: fn(char) -> bool) -> usize {
    s.len() - s.trim_start_matches(accept).len()
}

/// Whether `piece` ends in a word followed by exactly one period ("compounds.", "complex.”").
fn ends_with_single_period(piece: &str) -> bool {
    let core = piece.trim_end_matches(is_closer);
    core.strip_suffix('.')
        .and_then(|before| before.chars().next_back())
        .is_some_and(|c| c != '.' && c != '…' && !c.is_whitespace())
}

/// A piece made only of periods and ellipsis characters, closing quotes allowed after them.
fn is_dot_only(piece: &str) -> bool {
    let core = piece.trim_end_matches(is_closer);
    !core.is_empty() && core.chars().all(|c| c == '.' || c == '…')
}

/// A single word in quotation marks, as nicknames are written inside names ("Robert C.
/// \"Bobby\" Scott").
fn is_quoted_nickname(piece: &str) -> bool {
    let inner = piece.trim_start_matches(is_quote_mark);
    let word = inner.trim_end_matches(is_quote_mark);
    word.len() < inner.len() && !word.is_empty() && word.chars().all(char::is_alphabetic)
}

/// A piece made only of quotation marks.
fn is_quote_only(piece: &str) -> bool {
    !piece.is_empty() && piece.chars().all(is_quote_mark)
}

/// Quotation marks, opening or closing.
fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‹' | '›'
    )
}

/// The number of periods a dot-only piece stands for ("…" counts three).
fn count_dots(piece: &str) -> usize {
    piece
        .chars()
        .map(|c| match c {
            '.' => 1,
            '…' => 3,
            _ => 0,
        })
        .sum()
}

/// Closing quotation marks and brackets, which may follow a sentence's final punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）'
    )
}

/// Opening quotation marks and brackets, which may precede a sentence's first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
    )
}

/// Bullet characters that start a list item.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '❖'
            | '◆'
            | '◇'
            | '♦'
    )
}

fn is_bullet_only(piece: &str) -> bool {
    !piece.is_empty() && piece.chars().all(is_bullet)
}

/// A list marker: "1.", "12)", "3.)", "(4)", "a.", "b)", "(c)", possibly after a bullet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ListMarker {
    kind: MarkerKind,
    value: u32,
    style: MarkerStyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerKind {
    Number,
    LowerLetter,
    UpperLetter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerStyle {
    Period,
    Parenthesis,
    PeriodParenthesis,
    Parentheses,
}

impl ListMarker {
    fn parse(piece: &str) -> Option<ListMarker> {
        let piece = piece.trim_start_matches(is_bullet);
        let (opened, body) = match piece.strip_prefix('(') {
            Some(body) => (true, body),
            None => (false, piece),
        };
        let digits = prefix_len(body, |c| c.is_ascii_digit());
        let (kind, value, rest) = if (1..=2).contains(&digits) {
            let value = body[..digits].parse().ok()?;
            (MarkerKind::Number, value, &body[digits..])
        } else if digits == 0 {
            let letter = *body.as_bytes().first()?;
            let kind = match letter {
                b'a'..=b'z' => MarkerKind::LowerLetter,
                b'A'..=b'Z' => MarkerKind::UpperLetter,
                _ => return None,
            };
            (
                kind,
                u32::from(letter.to_ascii_lowercase() - b'a'),
                &body[1..],
            )
        } else {
            return None;
        };
        let style = match (opened, rest) {
            (false, ".") => MarkerStyle::Period,
            (false, ")") => MarkerStyle::Parenthesis,
            (false, ".)") => MarkerStyle::PeriodParenthesis,
            (true, ")") => MarkerStyle::Parentheses,
            _ => return None,
        };
        Some(ListMarker { kind, value, style })
    }

    /// The marker that would come next in the same list.
    fn successor(self) -> ListMarker {
        ListMarker {
            value: self.value + 1,
            ..self
        }
    }

    /// Whether a list can start at this marker: any number, but only "a" among letters (a line
    /// starting "J. K. Rowling" is not a list that "K." continues).
    fn can_start_list(self) -> bool {
        self.kind == MarkerKind::Number || self.value == 0
    }
}

/// Marks the list markers of a line: a marker that starts the line (or follows a bullet)
/// begins an item; later markers continue the list when they are its next value, in the same
/// style, and then start a new sentence.
fn mark_lists(text: &str, pieces: &mut [Piece]) {
    let mut expected: Option<ListMarker> = None;
    for j in 0..pieces.len() {
        let piece = &text[pieces[j].start..pieces[j].end];
        // Markers are short and end in "." or ")": most pieces are rejected here.
        if piece.len() > 8 || !piece.ends_with(['.', ')']) {
            continue;
        }
        let Some(marker) = ListMarker::parse(piece) else {
            continue;
        };
        let starts_item = j == 0
            || piece.starts_with(is_bullet)
            || is_bullet_only(&text[pieces[j - 1].start..pieces[j - 1].end]);
        if starts_item {
            pieces[j].marker = true;
            expected = marker.can_start_list().then(|| marker.successor());
        } else if expected == Some(marker) {
            pieces[j].marker = true;
            pieces[j].starts_list_item = true;
            expected = Some(marker.successor());
        }
    }
}

#[cfg(test)]
mod tests;
