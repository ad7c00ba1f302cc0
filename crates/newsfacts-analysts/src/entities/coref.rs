//! Coreference within the article, rule-based on the parse, after the named mentions have been
//! grouped and the roles read. In document order, each anaphor joins an entity:
//! - "the former" / "the latter": the first / second of the last coordinated pair of people
//!   ("Vladimir Putin and Kim Jong-un");
//! - "the two men", "both leaders": each person of that pair;
//! - role nouns with "the" ("the minister", "the spokesman"): the most salient person earlier in
//!   the article whose roles have that noun;
//! - personal pronouns: "he/him/his" and "she/her" to a person of agreeing gender,
//!   "they/them/their" to a group, an organisation or the last pair of people.
//!
//! Pronouns are resolved by salience in the manner of Lappin and Leass (1994): every earlier
//! mention within a few sentences adds to its entity's score a weight for recency (decayed each
//! sentence back), grammatical role (subject, object, oblique), not being embedded in another
//! noun phrase, and being the one who speaks (subject of a speech verb), plus a bonus when it
//! fills the pronoun's own role. Agreement in gender and number filters candidates; a pronoun
//! inside a quotation never refers to the quotation's own speaker, and a name inside a quotation
//! weighs less for a pronoun outside it.
//!
//! Speaker continuity comes first, as in quote-attribution systems' "most recent speaker" sieve:
//! a pronoun that is itself a source — the subject of a verb of saying, thinking or believing
//! (this module's speech verbs and the quotes layer's cue lexicon), or "according to him" —
//! takes the most recent source it agrees with within a few sentences, over people only talked
//! about since ("Rubio said … Trump, whom he called a con artist. He said …" is Rubio), and never
//! a person named inside the quotation it attributes nor inside quotation marks at all; but a
//! person the text has moved on to since, as the subject of a main clause in the pronoun's
//! sentence or the one before, goes on speaking ("Cruz has been aware … In some states, he is
//! seeking …" is Cruz, not an earlier speaker). Only
//! when there is no such source does salience decide. Each resolved pronoun counts as a mention for the next, but does not
//! decide its entity's gender: one wrong "her" would otherwise bar every later "he" from a man
//! whose given name is not in the lists (measured on PolNeAR train: 69.7 % without against
//! 69.0 % with).

use newsfacts_doc::EntityKind;

use super::gazetteer;
use super::gender::{self, Gender};
use super::parse::Parse;
use super::ranker::PronounRanker;
use super::roles::{ROLE_NOUNS, role_reads_as};
use super::{Draft, PronounCandidate, PronounCase, form};
use crate::quotes::lexicon::Lexicon;

/// Sentences back a pronoun's antecedent is looked for before the fallback to the most recent
/// agreeing mention anywhere earlier.
const WINDOW: usize = 3;

/// How much a mention's salience keeps for each sentence back. Lappin and Leass halve it; news
/// moves from person to person faster (measured on PolNeAR train: 0.2 beats 0.5 and 0.7).
const RECENCY_DECAY: f32 = 0.2;

/// Extra salience for the subject of a speech verb (news pronouns mostly continue a speaker).
const SPEAKER_BONUS: f32 = 200.0;

/// What a mention inside a quotation keeps of its salience for a pronoun outside quotations.
const QUOTED_FACTOR: f32 = 0.2;

/// Sentences back a pronoun that is itself a source ("he said", "she believes") looks for the
/// last source (measured on PolNeAR train: 6 beats 3, 4, 8 and 12).
const SOURCE_WINDOW: usize = 6;

/// Verbs whose subject speaks: the speaker of a quotation is salient for the next pronoun.
const SPEECH_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "write",
    "state",
    "claim",
    "argue",
    "insist",
    "explain",
    "note",
    "announce",
    "lament",
    "warn",
    "report",
    "ask",
    "reply",
    "respond",
    "deny",
    "suggest",
    "acknowledge",
    "admit",
    "declare",
    "contend",
    "maintain",
    "tweet",
    "post",
    "complain",
    "predict",
    "promise",
    "vow",
    "recall",
    "testify",
    "stress",
    "emphasise",
    "emphasize",
    "observe",
    "remark",
    "continue",
    "conclude",
    "comment",
    "describe",
    "urge",
    "confirm",
    "believe",
    "think",
    "agree",
    "accuse",
    "blame",
    "charge",
    "allege",
    "assert",
    "boast",
    "concede",
    "counter",
    "joke",
    "quip",
    "shout",
    "tell",
    "told",
    "pledge",
    "threaten",
    "caution",
    "point",
    "insist",
    "wonder",
];

/// One mention as a candidate antecedent.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    entity: usize,
    /// The mention's head token.
    token: usize,
    sentence: usize,
    /// Salience before recency.
    weight: f32,
    quoted: bool,
    /// The source of an attribution: the subject of a verb of saying, thinking or believing,
    /// or the one "according to" whom something is.
    source: bool,
    /// A pronoun resolved earlier.
    pronoun: bool,
    /// A source in a broader sense, for the ranker: also the subject of a verb with a clausal
    /// complement ("X believes that …") or of a sentence holding a quotation.
    claims: bool,
}

/// What an anaphor may refer to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Wanted {
    Person(Gender),
    Plural,
    /// Members of a set ("two of them"): a group, not an organisation.
    Members,
    /// "The company" that speaks: an organisation.
    Organisation,
}

/// Adds the mentions coreference finds to the drafts. With a ranker, it chooses the antecedent
/// of "he"/"she" pronouns among the candidates (the rules' choice is one of its features);
/// with a trace, every such pronoun's candidates and their features are recorded there (for
/// training the ranker).
pub fn resolve(
    parse: &Parse<'_>,
    drafts: &mut [Draft],
    ranker: Option<&PronounRanker>,
    mut trace: Option<&mut Vec<PronounCase>>,
) {
    let ranker = ranker.filter(|r| !r.is_empty());
    let mut occurrences = initial_occurrences(parse, drafts);
    let pairs = person_pairs(parse, drafts);
    let article_role_nouns: Vec<String> = drafts
        .iter()
        .filter(|d| d.kind == EntityKind::Person)
        .flat_map(|d| d.role_nouns.iter().cloned())
        .collect();
    // The last plural antecedent seen: a pair of people named together or "the two men".
    let mut index = 0;
    while index < parse.len() {
        let lower = parse.lower(index);
        let sentence = parse.sentence.get(index).copied().unwrap_or(0);
        let latest = pairs.iter().rev().find(|p| p.0 < index);
        let latest_pair = latest.map(|p| (p.1, p.2));
        if matches!(lower, "former" | "latter") && is_former_latter(parse, index) {
            if let Some((first, second)) = latest_pair {
                let entity = if lower == "former" { first } else { second };
                let start = index.saturating_sub(1);
                add(
                    parse,
                    drafts,
                    &mut occurrences,
                    entity,
                    start,
                    index,
                    form::ANAPHOR,
                );
            }
        } else if let Some(end) = pair_anaphor(parse, index) {
            if let Some((first, second)) = latest_pair {
                let start = if index > 0 && parse.lower(index - 1) == "the" {
                    index - 1
                } else {
                    index
                };
                for entity in [first, second] {
                    add(
                        parse,
                        drafts,
                        &mut occurrences,
                        entity,
                        start,
                        end,
                        form::ANAPHOR,
                    );
                }
                index = end + 1;
                continue;
            }
        } else if let Some(pronoun_gender) = gender::of_pronoun(lower) {
            if matches!(parse.tag(index), "PRP" | "PRP$") {
                let rule = resolve_pronoun(
                    parse,
                    drafts,
                    &occurrences,
                    index,
                    Wanted::Person(pronoun_gender),
                );
                let mut chosen = rule;
                if ranker.is_some() || trace.is_some() {
                    let candidates = ranking_candidates(
                        parse,
                        drafts,
                        &occurrences,
                        index,
                        pronoun_gender,
                        rule,
                    );
                    // The ranker learnt from "he"/"she" only (PolNeAR's pronoun sources); a
                    // possessive or an object pronoun stays with the rules.
                    if let Some(ranker) = ranker.filter(|_| matches!(lower, "he" | "she")) {
                        let features: Vec<&[String]> =
                            candidates.iter().map(|c| c.features.as_slice()).collect();
                        if let Some(best) = ranker.best(&features) {
                            chosen = candidates.get(best).map(|c| c.entity).or(rule);
                        }
                    }
                    if let Some(trace) = trace.as_deref_mut() {
                        trace.push(case_of(parse, drafts, index, rule, candidates));
                    }
                }
                if let Some(entity) = chosen {
                    add_pronoun(parse, drafts, &mut occurrences, entity, index);
                }
            }
        } else if matches!(lower, "they" | "them" | "their" | "themselves") {
            // "Then they …" right after a pair of people ("the two men") refers to both.
            let pair_here = latest_pair
                .filter(|_| recent_pair_mention(parse, drafts, index, sentence))
                .or_else(|| {
                    latest
                        .filter(|p| pair_outranks_plurals(parse, drafts, &occurrences, index, p))
                        .map(|p| (p.1, p.2))
                });
            if let Some((first, second)) = pair_here {
                for entity in [first, second] {
                    add_pronoun(parse, drafts, &mut occurrences, entity, index);
                }
            } else if let Some(entity) = resolve_pronoun(
                parse,
                drafts,
                &occurrences,
                index,
                if is_partitive_them(parse, index) {
                    Wanted::Members
                } else {
                    Wanted::Plural
                },
            )
            .filter(|&entity| !things_outrank(parse, drafts, &occurrences, index, entity))
            {
                add_pronoun(parse, drafts, &mut occurrences, entity, index);
            }
        } else if lower == "it" && parse.tag(index) == "PRP" && acts_as_party(parse, index) {
            let as_source = is_source(parse, index);
            let entity = resolve_it(parse, drafts, &occurrences, index, as_source)
                .filter(|&e| !things_outrank(parse, drafts, &occurrences, index, e));
            if let Some(entity) = entity {
                add_pronoun(parse, drafts, &mut occurrences, entity, index);
            }
        } else if let Some((start, entity)) = government_phrase(parse, index)
            .and_then(|start| {
                resolve_government(parse, drafts, &occurrences, index).map(|e| (start, e))
            })
            .or_else(|| {
                organisation_noun_phrase(parse, index)
                    .filter(|_| is_source(parse, index))
                    .and_then(|start| {
                        resolve_organisation_noun(parse, drafts, &occurrences, index)
                            .map(|e| (start, e))
                    })
            })
            .or_else(|| one_of_a_nation_antecedent(parse, drafts, &occurrences, index))
            .or_else(|| {
                role_noun_antecedent(parse, drafts, &occurrences, index, &article_role_nouns)
            })
        {
            // "The government" that speaks or "the company", a nominal of a country or an
            // organisation; "the Briton" or "the minister", of a person.
            add(
                parse,
                drafts,
                &mut occurrences,
                entity,
                start,
                index,
                form::NOMINAL,
            );
        }
        index += 1;
    }
}

/// Whether a pair of people named together as a subject ("Jeremy Jaynes and his sister
/// Jessica DeGroot were charged … They were convicted …"), in the pronoun's sentence or the one
/// before, is at least as salient as the group or organisation the rules would give "they".
fn pair_outranks_plurals(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
    pair: &(usize, usize, usize),
) -> bool {
    let first_conjunct = parse.head(pair.0);
    let sentence = parse.sentence.get(index).copied().unwrap_or(0);
    let pair_sentence = parse.sentence.get(first_conjunct).copied().unwrap_or(0);
    if sentence.saturating_sub(pair_sentence) > 1
        || !matches!(parse.dep(first_conjunct), "nsubj" | "nsubjpass")
    {
        return false;
    }
    let score_of = |accept: &dyn Fn(usize, &Draft) -> bool| {
        scores_at(parse, drafts, occurrences, index, |e, d, _| accept(e, d))
            .iter()
            .map(|s| s.1)
            .fold(0.0f32, f32::max)
    };
    let pair_score = score_of(&|e, _| e == pair.1 || e == pair.2);
    let plural_score = score_of(&|_, d| compatible(d, Wanted::Plural));
    pair_score >= plural_score
}

/// Whether the last pair of people was mentioned as a pair ("the two men", both names) in this
/// sentence or the one before.
fn recent_pair_mention(parse: &Parse<'_>, drafts: &[Draft], index: usize, sentence: usize) -> bool {
    let Some(token) = parse.tokens.get(index) else {
        return false;
    };
    drafts.iter().any(|d| {
        d.mentions.iter().any(|m| {
            m.label.as_deref() == Some(form::ANAPHOR)
                && m.end <= token.start
                && parse
                    .token_at(m.start)
                    .and_then(|t| parse.sentence.get(t))
                    .is_some_and(|&s| s + 1 >= sentence)
                && !m.text.to_lowercase().contains("former")
                && !m.text.to_lowercase().contains("latter")
        })
    })
}

/// Whether a quotation comes just before the token: earlier in its sentence, or at the end of
/// the sentence before (“…,” he added; “…” He added).
fn follows_quotation(parse: &Parse<'_>, index: usize) -> bool {
    let sentence = parse.sentence.get(index).copied().unwrap_or(0);
    (0..index)
        .rev()
        .take_while(|&i| parse.sentence.get(i).is_some_and(|&s| s + 1 >= sentence))
        .any(|i| parse.quoted.get(i).copied().unwrap_or(false))
}

/// Whether the token is the subject of a speech verb.
pub(super) fn is_speaker(parse: &Parse<'_>, token: usize) -> bool {
    matches!(parse.effective_dep(token), "nsubj")
        && SPEECH_VERBS.contains(
            &parse
                .lemma(parse.effective_head(token))
                .to_lowercase()
                .as_str(),
        )
}

/// Whether a verb lemma is a cue of attribution: a speech verb of this module or any verb of
/// the quotes layer's cue lexicon (saying, reporting, addressing, thinking and believing; all
/// four classes measured best on PolNeAR train: 1,773 correct against 1,753 without the
/// thought verbs).
fn is_cue_verb(lemma: &str) -> bool {
    let lower = lemma.to_lowercase();
    SPEECH_VERBS.contains(&lower.as_str()) || Lexicon::global().verb(&lower).is_some()
}

/// Whether the token is a source in the broader sense of [`Occurrence::claims`].
fn claims(parse: &Parse<'_>, token: usize) -> bool {
    if is_source(parse, token) {
        return true;
    }
    if parse.effective_dep(token) != "nsubj" || parse.quoted.get(token).copied().unwrap_or(false) {
        return false;
    }
    let verb = parse.effective_head(token);
    let complement = parse
        .children(verb)
        .iter()
        .any(|&c| matches!(parse.dep(c), "ccomp" | "parataxis"));
    let sentence = parse.sentence.get(token).copied();
    let quotation_in_sentence = (0..parse.len())
        .skip(token.saturating_sub(80))
        .take(160)
        .any(|i| {
            parse.sentence.get(i).copied() == sentence && parse.quoted.get(i).copied() == Some(true)
        });
    complement || quotation_in_sentence
}

/// Whether the token is the source of an attribution: the subject of a cue verb, or the object
/// of "according to".
pub(super) fn is_source(parse: &Parse<'_>, token: usize) -> bool {
    let dep = parse.effective_dep(token);
    let head = parse.effective_head(token);
    match dep {
        "nsubj" => is_cue_verb(parse.lemma(head)),
        "pobj" => parse.lower(head) == "to" && head > 0 && parse.lower(head - 1) == "according",
        _ => false,
    }
}

/// The quotation a pronoun attributes: the run of quoted tokens nearest before it in its own
/// sentence or at the end of the one before ("“…,” he said"), else the first after it in its
/// sentence ("He said: “…”"). Returns the token range.
fn own_quotation(parse: &Parse<'_>, index: usize) -> Option<std::ops::Range<usize>> {
    let sentence = parse.sentence.get(index).copied().unwrap_or(0);
    let is_quoted = |i: usize| parse.quoted.get(i).copied().unwrap_or(false);
    let before = (0..index)
        .rev()
        .take_while(|&i| parse.sentence.get(i).is_some_and(|&s| s + 1 >= sentence))
        .find(|&i| is_quoted(i));
    if let Some(last) = before {
        let mut first = last;
        while first > 0 && is_quoted(first - 1) {
            first -= 1;
        }
        return Some(first..last + 1);
    }
    let first = (index + 1..parse.len())
        .take_while(|&i| parse.sentence.get(i) == Some(&sentence))
        .find(|&i| is_quoted(i))?;
    let mut end = first;
    while end < parse.len() && is_quoted(end) {
        end += 1;
    }
    Some(first..end)
}

/// Which earlier mentions [`last_source`] takes, for whom.
#[derive(Clone, Copy, PartialEq)]
enum SourceRule {
    /// A pronoun: the last source of any cue, or a person the text has moved on to as a main
    /// clause's subject, even with no source before.
    Pronoun,
    /// "The company": the last source of a verb of speech or "according to" ("Harmon Steel
    /// bought …" is no source of "the company said"), or a body the text has moved on to since
    /// that source spoke.
    Company,
    /// "The newspaper": the last outlet that spoke, never a body the story is about
    /// ("According to the FT, … Deutsche Boerse will adopt … The newspaper said").
    Outlet,
}

/// Whether a source speaks: the subject of a verb of speech, or the object of "according to".
fn speaks(parse: &Parse<'_>, token: usize) -> bool {
    if parse.effective_dep(token) == "nsubj" {
        is_speaker(parse, token)
    } else {
        is_source(parse, token)
    }
}

/// The antecedent of a source pronoun: the most recent source within [`SOURCE_WINDOW`]
/// sentences before it that it agrees with — outside quotation marks, not the speaker of a
/// quotation the pronoun sits in, and not a person named inside the quotation the pronoun
/// attributes ("“… Clinton …,” he said" is not Clinton speaking) — unless the text has moved on
/// since to another such person as the subject of a main clause, in the pronoun's sentence or
/// the one before (see [`is_topic_subject`]): that person goes on speaking ("Sanders, who …,
/// went out of his way to praise Obama. “…,” he said" is Sanders, not an earlier speaker;
/// "Mary Fallin … vetoed the bill because she said …" is Fallin).
fn last_source(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
    wanted: Wanted,
    excluded: &[usize],
    rule: SourceRule,
) -> Option<usize> {
    let sentence = parse.sentence.get(index).copied().unwrap_or(0);
    let named_in_own_quotation: Vec<usize> = own_quotation(parse, index)
        .map(|range| {
            occurrences
                .iter()
                .filter(|o| range.contains(&o.token))
                .map(|o| o.entity)
                .collect()
        })
        .unwrap_or_default();
    let eligible = |o: &Occurrence| {
        !o.quoted
            && drafts.get(o.entity).is_some_and(|d| compatible(d, wanted))
            && !excluded.contains(&o.entity)
            && !named_in_own_quotation.contains(&o.entity)
    };
    let before = occurrences.partition_point(|o| o.token < index);
    let mut topic = None;
    for o in occurrences[..before].iter().rev() {
        let distance = sentence.saturating_sub(o.sentence);
        if distance > SOURCE_WINDOW {
            break;
        }
        if !eligible(o) {
            continue;
        }
        if o.source && (rule == SourceRule::Pronoun || speaks(parse, o.token)) {
            return Some(topic.unwrap_or(o.entity));
        }
        if rule != SourceRule::Outlet
            && topic.is_none()
            && distance <= 1
            && is_topic_subject(parse, o.token)
        {
            topic = Some(o.entity);
        }
    }
    topic.filter(|_| rule == SourceRule::Pronoun)
}

/// Nouns of people who speak for others without being named: a pronoun after one that spoke
/// goes on for them. Not "minister", "secretary" …: the article usually names their holder
/// ("the home secretary said … he added" is David Blunkett).
const ANONYMOUS_SPEAKER_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "source",
    "aide",
    "insider",
];

/// Whether the last source before a speaking pronoun, within [`SOURCE_WINDOW`] sentences, is a
/// person named by a role noun alone that no entity stands for ("A spokesman said …", "the
/// prime minister's official spokesman said …", "a Juventus official") and whose noun agrees
/// with the pronoun ("spokeswoman" is no "he"); a role with a name in apposition names its
/// holder ("the festival's director, Craig Prater,") and is no such speaker.
fn unnamed_speaker_last(
    parse: &Parse<'_>,
    occurrences: &[Occurrence],
    index: usize,
    gender: Gender,
) -> bool {
    let sentence = parse.sentence.get(index).copied().unwrap_or(0);
    let named: std::collections::HashSet<usize> = occurrences.iter().map(|o| o.token).collect();
    let unnamed_speaker = |k: usize| {
        let lower = parse.lower(k);
        parse.tag(k) == "NN"
            && ANONYMOUS_SPEAKER_NOUNS.contains(&lower)
            && !named.contains(&k)
            && gender::of_word(lower).agrees(gender)
            // "Scott Stanzel, a spokesman for the campaign, said": the noun describes a name.
            && !(parse.dep(k) == "appos" && named.contains(&parse.head(k)))
            && !parse.children(k).iter().any(|&c| {
                c > k && parse.dep(c) == "appos" && matches!(parse.tag(c), "NNP" | "NNPS")
            })
    };
    for k in (0..index).rev() {
        let Some(&at) = parse.sentence.get(k) else {
            break;
        };
        let distance = sentence.saturating_sub(at);
        if distance > SOURCE_WINDOW {
            break;
        }
        if parse.quoted.get(k).copied().unwrap_or(false) {
            continue;
        }
        // A named person who spoke since, or whom the text has moved on to as a main clause's
        // subject, is who the pronoun goes on for (see [`last_source`]); not one the
        // spokesperson's own words make the subject of a verb of saying ("A BBC spokeswoman
        // said Andi Peters would continue …").
        let reported = || {
            let verb = parse.effective_head(k);
            parse.dep(verb) == "ccomp" && is_cue_verb(parse.lemma(parse.head(verb)))
        };
        if named.contains(&k)
            && ((is_source(parse, k) && !reported())
                || (distance <= 1 && is_topic_subject(parse, k)))
        {
            return false;
        }
        if unnamed_speaker(k) && is_source(parse, k) {
            return true;
        }
    }
    false
}

/// Whether a mention is what its sentence is about: the subject of the sentence's main verb or
/// of a verb coordinated with it ("Romney ran on … and accused Obama …"). Someone only talked
/// about — an object, a name in a relative clause ("Trump, whom he called a con artist") — is
/// not.
fn is_topic_subject(parse: &Parse<'_>, token: usize) -> bool {
    if !matches!(parse.effective_dep(token), "nsubj" | "nsubjpass") {
        return false;
    }
    let verb = parse.effective_head(token);
    match parse.dep(verb) {
        "ROOT" => true,
        "conj" => parse.dep(parse.head(verb)) == "ROOT",
        _ => false,
    }
}

/// Words that take a share of a whole named after "of" ("two-thirds of all firms", "most of the
/// banks", "a number of investors").
const PARTITIVE_WORDS: &[&str] = &[
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "majority",
    "minority",
    "most",
    "many",
    "some",
    "all",
    "none",
    "number",
    "percent",
    "%",
    "fraction",
    "proportion",
    "several",
    "few",
    "each",
    "both",
    "any",
    "bulk",
    "rest",
    "dozen",
    "dozens",
    "scores",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
];

/// For the whole after a partitive ("firms" in "two-thirds of all firms polled …"), the token
/// that takes its place in the clause: the whole is what the clause is about, so it is weighed
/// by that token's role, not as a prepositional object.
fn partitive_share(parse: &Parse<'_>, token: usize) -> Option<usize> {
    if parse.dep(token) != "pobj" {
        return None;
    }
    let of = parse.head(token);
    if of == token || parse.lower(of) != "of" {
        return None;
    }
    let share = parse.head(of);
    let lower = parse.lower(share);
    let last_part = lower.rsplit('-').next().unwrap_or(lower);
    (share != of && (parse.tag(share) == "CD" || PARTITIVE_WORDS.contains(&last_part)))
        .then_some(share)
}

/// The salience weight of a mention whose head is `token`.
fn weight(parse: &Parse<'_>, token: usize) -> f32 {
    if let Some(share) = partitive_share(parse, token) {
        return weight(parse, share);
    }
    let dep = parse.effective_dep(token);
    let head = parse.effective_head(token);
    let mut w = 100.0;
    w += match dep {
        "nsubj" | "nsubjpass" | "csubj" => 80.0,
        "attr" => 70.0,
        "dobj" => 50.0,
        "dative" => 40.0,
        "pobj" if parse.pos(parse.head(head)) == "VERB" => 40.0,
        _ => 0.0,
    };
    let embedded = match dep {
        "poss" | "compound" | "nmod" | "amod" => true,
        "pobj" => parse.pos(parse.head(head)) != "VERB" && parse.pos(parse.head(head)) != "AUX",
        _ => false,
    };
    if !embedded {
        w += 80.0;
    }
    if dep != "pobj" && dep != "npadvmod" {
        w += 50.0;
    }
    if matches!(dep, "nsubj" | "nsubjpass")
        && SPEECH_VERBS.contains(&parse.lemma(head).to_lowercase().as_str())
    {
        w += SPEAKER_BONUS;
    }
    w
}

fn occurrence(
    parse: &Parse<'_>,
    entity: usize,
    start: usize,
    end: usize,
    label: &str,
) -> Option<Occurrence> {
    let range = parse.tokens_in(start, end);
    let token = parse.head_of(range)?;
    Some(Occurrence {
        entity,
        token,
        sentence: parse.sentence.get(token).copied().unwrap_or(0),
        weight: weight(parse, token),
        quoted: parse.quoted.get(token).copied().unwrap_or(false),
        source: is_source(parse, token),
        pronoun: label == form::PRONOUN,
        claims: claims(parse, token),
    })
}

fn initial_occurrences(parse: &Parse<'_>, drafts: &[Draft]) -> Vec<Occurrence> {
    let mut out: Vec<Occurrence> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind != EntityKind::Other)
        .flat_map(|(entity, d)| {
            d.mentions
                .iter()
                .filter(|m| m.label.as_deref() != Some(form::DEMONYM))
                .filter_map(move |m| {
                    let label = m.label.as_deref().unwrap_or_default();
                    occurrence(parse, entity, m.start, m.end, label)
                })
        })
        .collect();
    out.sort_by_key(|o| o.token);
    out
}

/// Adds a mention over tokens `first..=last` to an entity and records it as an occurrence.
fn add(
    parse: &Parse<'_>,
    drafts: &mut [Draft],
    occurrences: &mut Vec<Occurrence>,
    entity: usize,
    first: usize,
    last: usize,
    label: &str,
) {
    let (Some(a), Some(b)) = (parse.tokens.get(first), parse.tokens.get(last)) else {
        return;
    };
    let (start, end) = (a.start, b.end);
    let Some(draft) = drafts.get_mut(entity) else {
        return;
    };
    draft.add_mention(parse.text, start, end, label);
    if let Some(o) = occurrence(parse, entity, start, end, label) {
        let at = occurrences.partition_point(|x| x.token <= o.token);
        occurrences.insert(at, o);
    }
}

/// Adds a one-token pronoun mention ("he", "they", "it") to an entity.
fn add_pronoun(
    parse: &Parse<'_>,
    drafts: &mut [Draft],
    occurrences: &mut Vec<Occurrence>,
    entity: usize,
    index: usize,
) {
    add(
        parse,
        drafts,
        occurrences,
        entity,
        index,
        index,
        form::PRONOUN,
    );
}

/// "The former" / "the latter" standing for a person (not "the former president").
fn is_former_latter(parse: &Parse<'_>, index: usize) -> bool {
    index > 0
        && parse.lower(index - 1) == "the"
        && !(parse.dep(index) == "amod" && parse.pos(parse.head(index)) == "NOUN")
}

/// "the two men", "both men", "the two leaders", "the pair": returns the last token.
fn pair_anaphor(parse: &Parse<'_>, index: usize) -> Option<usize> {
    let lower = parse.lower(index);
    let next = index + 1;
    if lower == "the" && parse.lower(next) == "pair" {
        return Some(next);
    }
    if !matches!(lower, "two" | "both") {
        return None;
    }
    let noun = next;
    let noun_lemma = parse.lemma(noun).to_lowercase();
    let plural_person = matches!(parse.tag(noun), "NNS")
        && (matches!(
            noun_lemma.as_str(),
            "man" | "woman" | "leader" | "president"
        ) || ROLE_NOUNS.contains(&noun_lemma.as_str()));
    if !plural_person {
        return None;
    }
    Some(noun)
}

/// Verbs whose subject "it" is seldom a party: the copula and verbs of seeming, becoming and
/// costing, which take an "it" that stands for a clause or for nothing ("it is likely that",
/// "it seems", "it took years", "it remains unclear").
const IMPERSONAL_VERBS: &[&str] = &[
    "be", "seem", "appear", "become", "remain", "look", "sound", "take", "make", "mean", "matter",
    "happen", "cost", "rain", "feel", "get", "go", "come", "depend", "follow",
];

/// Whether an "it" is the subject of a verb an organisation or a country does ("it said",
/// "it has offered to pay"), not an impersonal or passive "it" ("it is expected that").
fn acts_as_party(parse: &Parse<'_>, index: usize) -> bool {
    if parse.dep(index) != "nsubj" {
        return false;
    }
    let verb = parse.head(index);
    verb != index
        && parse.pos(verb) == "VERB"
        && !IMPERSONAL_VERBS.contains(&parse.lemma(verb).to_lowercase().as_str())
}

/// "The government" that is a source ("the government said", "the government hopes"): returns
/// the first token of the phrase.
fn government_phrase(parse: &Parse<'_>, index: usize) -> Option<usize> {
    (index > 0
        && parse.lower(index) == "government"
        && parse.lower(index - 1) == "the"
        && parse.head(index - 1) == index
        && is_source(parse, index))
    .then(|| index - 1)
}

/// The country whose government speaks: the most salient country within [`WINDOW`] sentences
/// when it clearly leads, else, with none there, the country the article has named most so far
/// (news names its country early and says "the government" paragraphs later).
fn resolve_government(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
) -> Option<usize> {
    let is_country = |d: &Draft| {
        d.kind == EntityKind::Place
            && matches!(gazetteer::lookup(&d.name), Some(gazetteer::PlaceWord::Name(n)) if n == d.name)
            && gazetteer::country_of_capital(&d.name).is_none()
            && !REGIONS.contains(&d.name.as_str())
    };
    let scores = scores_at(parse, drafts, occurrences, index, |_, d, o| {
        is_country(d) && !is_audience(parse, o.token)
    });
    if !scores.is_empty() {
        return clear_leader(&scores);
    }
    let before = parse.tokens.get(index).map_or(0, |t| t.start);
    let counts: Vec<(usize, f32)> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| is_country(d))
        .map(|(e, d)| {
            let named = d.mentions.iter().filter(|m| m.start < before).count();
            (e, named as f32)
        })
        .filter(|&(_, named)| named > 0.0)
        .collect();
    clear_leader(&counts)
}

/// Places the gazetteer lists that have no government of their own.
const REGIONS: &[&str] = &["Europe", "Africa", "Asia", "the West"];

/// The candidate with the highest score when it has at least [`CLEAR_LEAD`] times the next
/// one's; none when two are close.
fn clear_leader(scores: &[(usize, f32)]) -> Option<usize> {
    let mut ranked: Vec<(usize, f32)> = scores.to_vec();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    match ranked.as_slice() {
        [] => None,
        [(only, _)] => Some(*only),
        [(first, top), (_, second), ..] => (*top >= CLEAR_LEAD * second).then_some(*first),
    }
}

/// Whether a mention is who was told ("he told Reuters", "said to the BBC"): a news outlet or
/// an audience, not the body the article is about, so no antecedent for "it", "they" or "the
/// company".
fn is_audience(parse: &Parse<'_>, token: usize) -> bool {
    let head = parse.head(token);
    match parse.dep(token) {
        "dobj" | "dative" => matches!(
            parse.lemma(head).to_lowercase().as_str(),
            "tell" | "inform" | "brief"
        ),
        "pobj" => {
            let verb = parse.head(head);
            parse.lower(head) == "to"
                && matches!(
                    parse.lemma(verb).to_lowercase().as_str(),
                    "say" | "speak" | "talk" | "tell" | "explain"
                )
        }
        _ => false,
    }
}

/// Whether a mention is a source cited ("according to Reuters"): an outlet or a pollster whose
/// report the sentence gives, not one of the "they" the report is about ("According to Reuters,
/// they plan to seize …"). A pollster may still be "it" ("the people it questioned").
fn is_cited(parse: &Parse<'_>, token: usize) -> bool {
    let head = parse.head(token);
    parse.dep(token) == "pobj"
        && parse.lower(head) == "to"
        && parse.lower(parse.head(head)) == "according"
}

/// Whether a pronoun sits inside quotation marks, and the speakers of that quotation, whom it
/// never refers to.
fn quotation_of(parse: &Parse<'_>, index: usize, drafts: &[Draft]) -> (bool, Vec<usize>) {
    let quoted = parse.quoted.get(index).copied().unwrap_or(false);
    let speakers = if quoted {
        quote_speakers(parse, index, drafts)
    } else {
        Vec::new()
    };
    (quoted, speakers)
}

/// The organisation an acting "it" stands for — or, when "it" is a source ("it said"), also a
/// country speaking through its government — by salience, as for "they".
fn resolve_it(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
    as_source: bool,
) -> Option<usize> {
    let (quoted, excluded) = quotation_of(parse, index, drafts);
    best_by_salience_with(
        parse,
        drafts,
        occurrences,
        index,
        quoted,
        parse.dep(index),
        |entity, d, o| {
            (d.kind == EntityKind::Organisation || (as_source && d.kind == EntityKind::Place))
                && !excluded.contains(&entity)
                && !is_audience(parse, o.token)
        },
    )
}

/// Nouns that, with "the", stand for an organisation the article has named ("Yukos said … the
/// company said", "the Japanese carmaker").
pub(crate) const ORGANISATION_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "bank",
    "airline",
    "carrier",
    "club",
    "newspaper",
    "broadcaster",
    "retailer",
    "maker",
    "carmaker",
    "drugmaker",
    "insurer",
    "lender",
    "operator",
    "network",
    "studio",
    "agency",
    "regulator",
    "watchdog",
    "ministry",
    "department",
    "union",
    "exchange",
    "supermarket",
    "chain",
    "brewer",
    "giant",
    "conglomerate",
    "manufacturer",
    "producer",
    "publisher",
    "channel",
    "charity",
    "consortium",
    "business",
    "corporation",
    "bidder",
    "utility",
    "miner",
    "developer",
    "distributor",
    "supplier",
];

/// Nouns of public bodies that stand for a named one only when its name holds the noun: "the
/// commission" for the Electoral Commission, "the committee" for the Public Accounts
/// Committee, "the court" for the European Court. Unlike "the company", never the most salient
/// organisation of another name: "the committee" in an article about the BBC is not the BBC.
/// Not "the party": parties are named with and without the word ("Labour", "the Conservative
/// Party"), so the one whose name holds it is often not the one meant (3 of 11 wrong over the
/// BBC articles).
pub(super) const BODY_NOUNS: &[&str] = &[
    "commission",
    "committee",
    "council",
    "court",
    "tribunal",
    "authority",
    "assembly",
    "parliament",
    "organisation",
    "organization",
    "association",
    "federation",
    "institute",
    "foundation",
    "board",
];

/// "the company", "the firm", "the club" standing for a named organisation (not "the
/// company's", not "the company Yukos", not "the group of …"). A modifier ("the German
/// regulator", "the pharmaceutical firm", "the whole firm") says something of the body this
/// layer cannot check against the organisations named before, and half of those measured went to
/// the wrong one, so only the bare noun is read. A clause after a comma ("The firm, which
/// floated in 2003, said", "The firm, reporting its first results, said") adds to a body
/// already known, so it still refers back; one without ("the firm which runs the lines") says
/// which body is meant, a new one. Returns the first token of the phrase.
fn organisation_noun_phrase(parse: &Parse<'_>, index: usize) -> Option<usize> {
    let clause_adds_to_it = parse.lower(index + 1) == ",";
    if index == 0
        || parse.lower(index - 1) != "the"
        || parse.dep(index - 1) != "det"
        || parse.head(index - 1) != index
        || parse.tag(index) != "NN"
        || !(ORGANISATION_NOUNS.contains(&parse.lemma(index).to_lowercase().as_str())
            || BODY_NOUNS.contains(&parse.lower(index)))
        || matches!(parse.dep(index), "compound" | "amod" | "poss")
        || parse.pos(index + 1) == "PROPN"
        || parse.children(index).iter().any(|&c| {
            c > index
                && match parse.dep(c) {
                    "prep" | "appos" => true,
                    "acl" | "relcl" => !clause_adds_to_it,
                    _ => false,
                }
        })
    {
        return None;
    }
    Some(index - 1)
}

/// The organisation "the company" stands for: the most salient one, preferring one about as
/// salient whose name holds the noun ("the bank" → Deutsche Bank over Yukos). Within [`WINDOW`] sentences only: a
/// nominal far from any named organisation may mean another one.
fn resolve_organisation_noun(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
) -> Option<usize> {
    let scores = scores_at(parse, drafts, occurrences, index, |_, d, o| {
        d.kind == EntityKind::Organisation && !is_audience(parse, o.token)
    });
    let noun = parse.lower(index);
    let named_so = |e: usize| {
        drafts
            .get(e)
            .is_some_and(|d| d.name.to_lowercase().split(' ').any(|w| w == noun))
    };
    let best = |candidates: &mut dyn Iterator<Item = &(usize, f32)>| {
        candidates
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|&(e, _)| e)
    };
    if BODY_NOUNS.contains(&noun) {
        // "The commission says": only a body whose name holds the noun, and only one that
        // clearly leads the others so named ("the party" between Labour and the Conservatives
        // is neither).
        let named: Vec<(usize, f32)> = scores
            .iter()
            .copied()
            .filter(|&(e, _)| named_so(e))
            .collect();
        return clear_leader(&named);
    }
    let top = scores.iter().map(|s| s.1).fold(0.0f32, f32::max);
    if let Some(entity) = best(
        &mut scores
            .iter()
            .filter(|(e, score)| named_so(*e) && *score * CLEAR_LEAD >= top),
    ) {
        return Some(entity);
    }
    // Two organisations about as salient ("Fosters bought 18.8% of Southcorp … value the
    // company at A$3.1bn"): the noun could be either, so it names neither — unless it speaks
    // after an organisation spoke.
    clear_leader(&scores).or_else(|| organisation_that_goes_on(parse, drafts, occurrences, index))
}

/// The organisation a speaking "the company" or "the newspaper" goes on from when none stands
/// out by salience: the last one that spoke ("Novartis said … the company estimated"), as a
/// speaking pronoun does (see [`SourceRule`]). None inside a quotation, where the speaker's
/// own body may be meant ("“The club has continued …”"); none when the noun's own sentence
/// names another organisation before it ("In a statement from Lycos Europe …, the company
/// denied"); none when bodies spoke together ("the Council of Mortgage Lenders, British
/// Bankers Association and Building Societies Association all said").
fn organisation_that_goes_on(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
) -> Option<usize> {
    if parse.quoted.get(index).copied().unwrap_or(true) {
        return None;
    }
    let rule = if MEDIA_NOUNS.contains(&parse.lower(index)) {
        SourceRule::Outlet
    } else {
        SourceRule::Company
    };
    let chosen = last_source(
        parse,
        drafts,
        occurrences,
        index,
        Wanted::Organisation,
        &[],
        rule,
    )?;
    let another_organisation = |o: &Occurrence| {
        o.entity != chosen
            && drafts
                .get(o.entity)
                .is_some_and(|d| d.kind == EntityKind::Organisation)
    };
    let sentence = parse.sentence.get(index).copied();
    let another_in_sentence = occurrences
        .iter()
        .any(|o| o.token < index && Some(o.sentence) == sentence && another_organisation(o));
    let spoke_with_another = occurrences
        .iter()
        .rfind(|o| o.token < index && o.entity == chosen && o.source)
        .is_some_and(|last| {
            occurrences.iter().any(|o| {
                o.sentence == last.sentence
                    && o.source
                    && !o.quoted
                    && parse.effective_head(o.token) == parse.effective_head(last.token)
                    && another_organisation(o)
            })
        });
    (!another_in_sentence && !spoke_with_another).then_some(chosen)
}

/// Nouns of news outlets, which speak for the outlet that last spoke, not for the body the
/// text has moved on to.
const MEDIA_NOUNS: &[&str] = &["newspaper", "broadcaster", "channel", "publisher"];

/// How many times the next organisation's salience the chosen one needs for "the company".
const CLEAR_LEAD: f32 = 2.0;

/// A role noun used as an anaphor: "the minister", "the Ukrainian minister" (not "the minister
/// Dmytro Kuleba", not "the minister's"). A role noun is one of the usual ones or one the article
/// itself gave a person ("Newcastle striker Craig Bellamy … The Welsh striker"). Returns the
/// first token of the phrase.
fn role_noun_phrase(
    parse: &Parse<'_>,
    index: usize,
    article_role_nouns: &[String],
) -> Option<usize> {
    if parse.pos(index) != "NOUN" || parse.tag(index) != "NN" {
        return None;
    }
    let lemma = parse.lemma(index).to_lowercase();
    if !ROLE_NOUNS.contains(&lemma.as_str()) && !article_role_nouns.contains(&lemma) {
        return None;
    }
    if matches!(parse.dep(index), "compound" | "amod") {
        return None;
    }
    // Followed by a name, it is a pre-modifier, not an anaphor.
    if parse.pos(index + 1) == "PROPN" {
        return None;
    }
    let determiner = the_before(parse, index)?;
    // Nothing but adjectives between "the" and the noun.
    if (determiner + 1..index).any(|i| !matches!(parse.pos(i), "ADJ" | "NOUN" | "PROPN")) {
        return None;
    }
    // "of"-phrases name someone else's role ("the president of the club"); a name in
    // apposition says who holds it ("The party's leader, David Ames,").
    if parse.children(index).iter().any(|&c| {
        c > index
            && ((parse.dep(c) == "prep" && parse.lower(c) == "of")
                || (parse.dep(c) == "appos" && parse.pos(c) == "PROPN"))
    }) {
        return None;
    }
    Some(determiner)
}

/// "The Briton", "the Scot" at `index`: the first token of the phrase and the most salient
/// person, as for a role noun, that is no subject of a clause the phrase sits in ("Agassi … to
/// unsettle the Dane").
fn one_of_a_nation_antecedent(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
) -> Option<(usize, usize)> {
    let (start, gender) = one_of_a_nation_phrase(parse, index)?;
    let subjects = subjects_above(parse, occurrences, index);
    let quoted = parse.quoted.get(index).copied().unwrap_or(false);
    best_by_salience_with(
        parse,
        drafts,
        occurrences,
        index,
        quoted,
        "",
        |entity, d, _| {
            d.kind == EntityKind::Person && d.gender.agrees(gender) && !subjects.contains(&entity)
        },
    )
    .map(|entity| (start, entity))
}

/// A role noun used as an anaphor at `index` ("the minister"): the first token of the phrase
/// and the most salient person whose role the phrase writes out ("the home secretary" for
/// "Home Secretary Charles Clarke", not the shadow home secretary named since), else the most
/// salient person with that role noun. Also "the club" no organisation stands out for, when
/// the article gave that noun as someone's role ("German football club Borussia Dortmund",
/// typed a person).
fn role_noun_antecedent(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
    article_role_nouns: &[String],
) -> Option<(usize, usize)> {
    let start = role_noun_phrase(parse, index, article_role_nouns)?;
    let noun = parse.lemma(index).to_lowercase();
    let words: Vec<&str> = (start + 1..=index).map(|i| parse.lower(i)).collect();
    best_by_salience(parse, drafts, occurrences, index, |d| {
        d.kind == EntityKind::Person && d.roles.iter().any(|r| role_reads_as(&r.text, &words))
    })
    .or_else(|| {
        best_by_salience(parse, drafts, occurrences, index, |d| {
            d.kind == EntityKind::Person && d.role_nouns.contains(&noun)
        })
    })
    .map(|entity| (start, entity))
}

/// The "the" that determines the noun at `index`, before it.
fn the_before(parse: &Parse<'_>, index: usize) -> Option<usize> {
    parse
        .children(index)
        .iter()
        .copied()
        .find(|&c| c < index && parse.dep(c) == "det" && parse.lower(c) == "the")
}

/// Words that make "the Briton" one of a kind or a rank rather than someone named before.
const RANK_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "last", "only", "sole", "average", "typical", "ordinary", "next", "latest",
];

/// One of a nation used as an anaphor, "the Briton", "The 31-year-old Scot" (the NER's
/// proper nouns, which [`super::ONE_OF_A_NATION`] lists), not followed by a name ("the Briton
/// Tim Henman") nor modifying a noun: the first token of the phrase and the gender the noun gives
/// ("Welshman", "Scotswoman").
fn one_of_a_nation_phrase(parse: &Parse<'_>, index: usize) -> Option<(usize, Gender)> {
    let word = parse.word(index);
    if index == 0 || !super::ONE_OF_A_NATION.contains(&word) {
        return None;
    }
    // "The Swede", "the 27-year-old Spaniard": "the" and nothing but modifiers before it.
    let determiner = the_before(parse, index)?;
    // Not one of a kind or of a rank, "the average Briton", "the first Scot", "the fifth
    // Spaniard to reach the last eight", "the sole Englishman": no anaphors.
    let modifiers_only = (determiner + 1..index).all(|i| {
        (matches!(parse.pos(i), "ADJ" | "NOUN" | "NUM") || parse.word(i) == "-")
            && parse.tag(i) != "JJS"
            && !RANK_WORDS.contains(&parse.lower(i))
    });
    let anaphor = modifiers_only && !matches!(parse.pos(index + 1), "PROPN" | "NOUN");
    let gender = if word.ends_with("woman") {
        Gender::Female
    } else if word.ends_with("man") {
        Gender::Male
    } else {
        Gender::Unknown
    };
    anaphor.then_some((determiner, gender))
}

/// The entities that are subjects, before `index`, of the clauses `index` sits in: a full noun
/// phrase does not refer back to the subject of its own clause or of a clause above it ("Sir
/// Alex Ferguson surprised the football world by selling the Dutchman", "Souness dropped
/// Bellamy, claiming the Welshman had feigned injury").
fn subjects_above(parse: &Parse<'_>, occurrences: &[Occurrence], index: usize) -> Vec<usize> {
    let mut subjects = Vec::new();
    let mut token = index;
    // The head chain is a tree's, but a bound keeps a malformed parse from looping.
    for _ in 0..parse.len() {
        let head = parse.head(token);
        if head == token {
            break;
        }
        for &child in parse.children(head) {
            if child < index && matches!(parse.dep(child), "nsubj" | "nsubjpass") {
                subjects.extend(
                    occurrences
                        .iter()
                        .filter(|o| o.token == child)
                        .map(|o| o.entity),
                );
            }
        }
        token = head;
    }
    subjects
}

/// The speaker of the quotation a quoted token sits in: the subject of a speech verb outside
/// the quotation marks in the same sentence.
fn quote_speakers(parse: &Parse<'_>, index: usize, drafts: &[Draft]) -> Vec<usize> {
    let sentence = parse.sentence.get(index).copied().unwrap_or(0);
    let mut out = Vec::new();
    let mut i = index;
    while i > 0 && parse.sentence.get(i - 1) == Some(&sentence) {
        i -= 1;
    }
    while i < parse.len() && parse.sentence.get(i) == Some(&sentence) {
        if !parse.quoted.get(i).copied().unwrap_or(true)
            && matches!(parse.dep(i), "nsubj")
            && SPEECH_VERBS.contains(&parse.lemma(parse.head(i)).to_lowercase().as_str())
        {
            if let Some(t) = parse.tokens.get(i) {
                for (entity, d) in drafts.iter().enumerate() {
                    if d.mentions
                        .iter()
                        .any(|m| m.start <= t.start && t.end <= m.end)
                    {
                        out.push(entity);
                    }
                }
            }
        }
        i += 1;
    }
    out
}

fn compatible(draft: &Draft, wanted: Wanted) -> bool {
    match wanted {
        Wanted::Person(g) => draft.kind == EntityKind::Person && draft.gender.agrees(g),
        Wanted::Plural => matches!(draft.kind, EntityKind::Group | EntityKind::Organisation),
        Wanted::Members => draft.kind == EntityKind::Group,
        Wanted::Organisation => draft.kind == EntityKind::Organisation,
    }
}

/// "The oldest of them", "two of them", "most of them": members of a set — people of a group
/// ("western officials … some of them"), or things no entity stands for ("four diesel ferries
/// … the oldest of them") — never an organisation, which is one body however plural its
/// pronoun.
fn is_partitive_them(parse: &Parse<'_>, index: usize) -> bool {
    if parse.lower(index) != "them" || parse.dep(index) != "pobj" {
        return false;
    }
    let of = parse.head(index);
    of != index
        && parse.lower(of) == "of"
        && matches!(parse.pos(parse.head(of)), "ADJ" | "NUM" | "DET" | "PRON")
}

fn resolve_pronoun(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
    wanted: Wanted,
) -> Option<usize> {
    let (quoted, excluded) = quotation_of(parse, index, drafts);
    let own_subject = own_subject(parse, index);
    let pronoun_dep = parse.dep(index);
    // A pronoun that speaks right after a quotation ("“…,” he added").
    let speaks_after_quotation =
        is_speaker(parse, index) && !quoted && follows_quotation(parse, index);
    // A pronoun that is itself a source ("he said", "she believes", "according to him")
    // continues the most recent source it agrees with, over people only talked about since.
    if !quoted && matches!(wanted, Wanted::Person(_)) && is_source(parse, index) {
        // "A spokesman said … But he added": the pronoun goes on for the unnamed speaker,
        // whom no entity stands for, not for a person named before.
        if let Wanted::Person(gender) = wanted
            && unnamed_speaker_last(parse, occurrences, index, gender)
        {
            return None;
        }
        if let Some(entity) = last_source(
            parse,
            drafts,
            occurrences,
            index,
            wanted,
            &excluded,
            SourceRule::Pronoun,
        ) {
            return Some(entity);
        }
    }
    best_by_salience_with(
        parse,
        drafts,
        occurrences,
        index,
        quoted,
        pronoun_dep,
        |entity, d, o| {
            // "“…,” he added": the speaker is not named inside their own quotation.
            !(speaks_after_quotation && o.quoted)
                && compatible(d, wanted)
                // "…, Ms Kuhlhoff told Reuters. “… they are making acquisitions …”": an outlet
                // told or cited is not who "they" are.
                && !(matches!(wanted, Wanted::Plural | Wanted::Members)
                    && d.kind == EntityKind::Organisation
                    && (is_audience(parse, o.token) || is_cited(parse, o.token)))
                && !excluded.contains(&entity)
                && own_subject.is_none_or(|s| s != o.token)
        },
    )
}

/// Whether things no entity stands for ("Oil prices are 30% higher than they were", "interest
/// rates at their lowest"; "the index … it closed") are more salient at "they" (plural things)
/// or "it" (singular ones) than the entity the rules chose: then the pronoun is about those
/// things and names no party. Things are scored as entities are (role weight, recency), summed
/// by lemma.
fn things_outrank(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
    entity: usize,
) -> bool {
    let scores = scores_at(parse, drafts, occurrences, index, |e, _, _| e == entity);
    let entity_score = scores.first().map_or(0.0, |s| s.1);
    let quoted = parse.quoted.get(index).copied().unwrap_or(false);
    let sentence = parse.sentence.get(index).copied().unwrap_or(0);
    let named: std::collections::HashSet<usize> = occurrences.iter().map(|o| o.token).collect();
    let mention_spans: Vec<(usize, usize)> = drafts
        .iter()
        .flat_map(|d| d.mentions.iter().map(|m| (m.start, m.end)))
        .collect();
    // "They" competes with plural things, "it" with singular ones.
    let thing_tag = if parse.lower(index) == "it" {
        "NN"
    } else {
        "NNS"
    };
    let mut things: Vec<(String, f32)> = Vec::new();
    for token in (0..index).rev() {
        let distance = sentence.saturating_sub(parse.sentence.get(token).copied().unwrap_or(0));
        if distance > WINDOW {
            break;
        }
        // Things in argument places only: a plural in an adjunct ("In recent months, they …")
        // is seldom what a pronoun takes up.
        if !matches!(parse.tag(token), tag if tag == thing_tag || (thing_tag == "NNS" && tag == "NNPS"))
            || !matches!(
                parse.effective_dep(token),
                "nsubj" | "nsubjpass" | "dobj" | "attr"
            )
            || named.contains(&token)
            // "Millions of South Koreans …": the share stands for the whole after it.
            || PARTITIVE_WORDS.contains(&parse.lower(token))
            || parse
                .tokens
                .get(token)
                .is_some_and(|t| mention_spans.iter().any(|&(s, e)| s <= t.start && t.start < e))
        {
            continue;
        }
        let mut w = weight(parse, token);
        if parse.quoted.get(token).copied().unwrap_or(false) && !quoted {
            w *= QUOTED_FACTOR;
        }
        let w = w * RECENCY_DECAY.powi(distance as i32);
        let lemma = parse.lemma(token).to_lowercase();
        match things.iter_mut().find(|(l, _)| *l == lemma) {
            Some((_, s)) => *s += w,
            None => things.push((lemma, w)),
        }
    }
    things.iter().any(|(_, s)| *s > entity_score)
}

/// A non-possessive object pronoun is not its own clause's subject ("Kim promised him"):
/// returns that subject's token.
fn own_subject(parse: &Parse<'_>, index: usize) -> Option<usize> {
    if matches!(parse.dep(index), "dobj" | "dative" | "pobj") && parse.tag(index) == "PRP" {
        let verb = parse.head(index);
        parse
            .children(verb)
            .iter()
            .copied()
            .find(|&c| parse.dep(c) == "nsubj")
    } else {
        None
    }
}

fn best_by_salience(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
    accept: impl Fn(&Draft) -> bool,
) -> Option<usize> {
    let quoted = parse.quoted.get(index).copied().unwrap_or(false);
    best_by_salience_with(parse, drafts, occurrences, index, quoted, "", |_, d, _| {
        accept(d)
    })
}

/// The entity with the highest salience at `index` among the accepted ones; beyond the window,
/// the most recent accepted mention.
fn best_by_salience_with(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
    quoted: bool,
    pronoun_dep: &str,
    accept: impl Fn(usize, &Draft, &Occurrence) -> bool,
) -> Option<usize> {
    let (scores, fallback) = salience_scores(
        parse,
        drafts,
        occurrences,
        index,
        quoted,
        pronoun_dep,
        accept,
    );
    scores
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(e, _)| e)
        .or(fallback)
}

/// The salience of each accepted entity mentioned within [`WINDOW`] sentences before `index`,
/// and, when there is none, the most recent accepted entity beyond.
fn salience_scores(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
    quoted: bool,
    pronoun_dep: &str,
    accept: impl Fn(usize, &Draft, &Occurrence) -> bool,
) -> (Vec<(usize, f32)>, Option<usize>) {
    let sentence = parse.sentence.get(index).copied().unwrap_or(0);
    let before = occurrences.partition_point(|o| o.token < index);
    let mut scores: Vec<(usize, f32)> = Vec::new();
    let mut fallback = None;
    for o in occurrences[..before].iter().rev() {
        let Some(draft) = drafts.get(o.entity) else {
            continue;
        };
        if !accept(o.entity, draft, o) {
            continue;
        }
        // Not the noun phrase the possessive itself modifies ("his" in "his spokesman").
        if parse.dep(index) == "poss" && parse.head(index) == o.token {
            continue;
        }
        let distance = sentence.saturating_sub(o.sentence);
        if distance > WINDOW {
            if scores.is_empty() && fallback.is_none() {
                fallback = Some(o.entity);
            }
            if !scores.is_empty() || fallback.is_some() {
                break;
            }
            continue;
        }
        let mut w = o.weight;
        if !pronoun_dep.is_empty() && same_role(parse.dep(o.token), pronoun_dep) {
            w += 35.0;
        }
        if o.quoted && !quoted {
            w *= QUOTED_FACTOR;
        }
        let w = w * RECENCY_DECAY.powi(distance as i32);
        match scores.iter_mut().find(|(e, _)| *e == o.entity) {
            Some((_, s)) => *s += w,
            None => scores.push((o.entity, w)),
        }
    }
    (scores, fallback)
}

/// [`salience_scores`] at a pronoun or noun at `index`, in its own quotation state and role.
fn scores_at(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
    accept: impl Fn(usize, &Draft, &Occurrence) -> bool,
) -> Vec<(usize, f32)> {
    let quoted = parse.quoted.get(index).copied().unwrap_or(false);
    salience_scores(
        parse,
        drafts,
        occurrences,
        index,
        quoted,
        parse.dep(index),
        accept,
    )
    .0
}

fn same_role(a: &str, b: &str) -> bool {
    let class = |d: &str| match d {
        "nsubj" | "nsubjpass" => 1,
        "dobj" | "dative" => 2,
        "poss" => 3,
        "pobj" => 4,
        _ => 0,
    };
    class(a) != 0 && class(a) == class(b)
}

/// Pairs of people named together ("Putin and Kim"): (token of the second, first, second).
fn person_pairs(parse: &Parse<'_>, drafts: &[Draft]) -> Vec<(usize, usize, usize)> {
    let person_at = |token: usize| -> Option<usize> {
        let t = parse.tokens.get(token)?;
        drafts.iter().position(|d| {
            d.kind == EntityKind::Person
                && d.mentions
                    .iter()
                    .any(|m| m.start <= t.start && t.end <= m.end)
        })
    };
    let mut out = Vec::new();
    for token in 0..parse.len() {
        if parse.dep(token) != "conj" {
            continue;
        }
        let head = parse.head(token);
        // "Jaynes and his sister Jessica DeGroot": the conjunct may be the role noun, with the
        // name hung on it.
        let second = person_at(token).or_else(|| {
            parse
                .children(token)
                .iter()
                .filter(|&&c| matches!(parse.dep(c), "appos" | "compound" | "npadvmod"))
                .find_map(|&c| person_at(c))
        });
        if let (Some(first), Some(second)) = (person_at(head), second) {
            if first != second {
                out.push((token, first, second));
            }
        }
    }
    out
}

/// Sentences back the ranker looks for candidate antecedents of a pronoun.
const CANDIDATE_WINDOW: usize = 8;

/// One candidate antecedent of a pronoun for the ranker: an entity and its features.
#[derive(Debug, Clone)]
struct RankingCandidate {
    entity: usize,
    features: Vec<String>,
}

/// A rank as a feature value: 1, 2, 3, or "4" for anything further down.
fn rank_bucket(rank: usize) -> &'static str {
    match rank {
        0 => "1",
        1 => "2",
        2 => "3",
        _ => "4",
    }
}

/// A sentence distance as a feature value.
fn distance_bucket(distance: usize) -> &'static str {
    match distance {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4 | 5 => "4",
        _ => "6",
    }
}

/// The grammatical role of a mention as a feature value.
fn role_class(dep: &str) -> &'static str {
    match dep {
        "nsubj" => "nsubj",
        "nsubjpass" => "nsubjpass",
        "dobj" | "dative" => "dobj",
        "pobj" => "pobj",
        "poss" => "poss",
        "compound" => "compound",
        "attr" => "attr",
        "ROOT" => "root",
        _ => "other",
    }
}

/// The people mentioned within [`CANDIDATE_WINDOW`] sentences before a "he"/"she" pronoun,
/// most recent first, each with the features the ranker weighs (see [`super::ranker`]). Every
/// feature comes twice: alone and conjoined with the kind of pronoun (inside a quotation, an
/// attribution source, a possessive, other).
fn ranking_candidates(
    parse: &Parse<'_>,
    drafts: &[Draft],
    occurrences: &[Occurrence],
    index: usize,
    pronoun_gender: Gender,
    rule: Option<usize>,
) -> Vec<RankingCandidate> {
    let sentence = parse.sentence.get(index).copied().unwrap_or(0);
    let quoted = parse.quoted.get(index).copied().unwrap_or(false);
    let source = !quoted && is_source(parse, index);
    let speaks_after_quotation =
        is_speaker(parse, index) && !quoted && follows_quotation(parse, index);
    let context = if quoted {
        "q"
    } else if speaks_after_quotation {
        "a"
    } else if source {
        "s"
    } else if parse.dep(index) == "poss" {
        "p"
    } else {
        "o"
    };
    let excluded = if quoted {
        quote_speakers(parse, index, drafts)
    } else {
        Vec::new()
    };
    let named_in_own_quotation: Vec<usize> = if quoted {
        Vec::new()
    } else {
        own_quotation(parse, index)
            .map(|range| {
                occurrences
                    .iter()
                    .filter(|o| range.contains(&o.token))
                    .map(|o| o.entity)
                    .collect()
            })
            .unwrap_or_default()
    };
    let own_subject = own_subject(parse, index);
    let pronoun_start = parse.tokens.get(index).map_or(0, |t| t.start);

    /// What the window shows of one candidate.
    struct Seen {
        entity: usize,
        last: Occurrence,
        count: usize,
        last_source: Option<Occurrence>,
        last_claim: Option<Occurrence>,
        last_pronoun: Option<Occurrence>,
        unquoted: bool,
        own_subject: bool,
    }
    let before = occurrences.partition_point(|o| o.token < index);
    let mut seen: Vec<Seen> = Vec::new();
    for o in occurrences[..before].iter().rev() {
        if sentence.saturating_sub(o.sentence) > CANDIDATE_WINDOW {
            break;
        }
        if drafts
            .get(o.entity)
            .is_none_or(|d| d.kind != EntityKind::Person)
        {
            continue;
        }
        // Not the noun phrase a possessive itself modifies ("his" in "his spokesman").
        if parse.dep(index) == "poss" && parse.head(index) == o.token {
            continue;
        }
        let unquoted_source = (o.source && !o.quoted).then_some(*o);
        let claim = (o.claims && !o.quoted).then_some(*o);
        match seen.iter_mut().find(|s| s.entity == o.entity) {
            Some(s) => {
                s.count += 1;
                s.last_source = s.last_source.or(unquoted_source);
                s.last_claim = s.last_claim.or(claim);
                s.last_pronoun = s.last_pronoun.or(o.pronoun.then_some(*o));
                s.unquoted |= !o.quoted;
                s.own_subject |= own_subject == Some(o.token);
            }
            None => seen.push(Seen {
                entity: o.entity,
                last: *o,
                count: 1,
                last_source: unquoted_source,
                last_claim: claim,
                last_pronoun: o.pronoun.then_some(*o),
                unquoted: !o.quoted,
                own_subject: own_subject == Some(o.token),
            }),
        }
    }
    let agrees = |entity: usize| {
        drafts
            .get(entity)
            .is_some_and(|d| d.gender.agrees(pronoun_gender))
    };
    let agreeing: Vec<usize> = seen
        .iter()
        .map(|s| s.entity)
        .filter(|&e| agrees(e))
        .collect();
    let mut by_source: Vec<&Seen> = seen.iter().filter(|s| s.last_source.is_some()).collect();
    by_source.sort_by_key(|s| std::cmp::Reverse(s.last_source.map_or(0, |o| o.token)));
    let mut by_claim: Vec<&Seen> = seen.iter().filter(|s| s.last_claim.is_some()).collect();
    by_claim.sort_by_key(|s| std::cmp::Reverse(s.last_claim.map_or(0, |o| o.token)));
    let agreeing_by_claim: Vec<usize> = by_claim
        .iter()
        .map(|s| s.entity)
        .filter(|&e| agrees(e) && !named_in_own_quotation.contains(&e) && !excluded.contains(&e))
        .collect();
    let mut by_pronoun: Vec<&Seen> = seen.iter().filter(|s| s.last_pronoun.is_some()).collect();
    by_pronoun.sort_by_key(|s| std::cmp::Reverse(s.last_pronoun.map_or(0, |o| o.token)));
    let agreeing_by_pronoun: Vec<usize> = by_pronoun
        .iter()
        .map(|s| s.entity)
        .filter(|&e| agrees(e))
        .collect();
    let agreeing_by_source: Vec<usize> = by_source
        .iter()
        .map(|s| s.entity)
        .filter(|&e| agrees(e) && !named_in_own_quotation.contains(&e) && !excluded.contains(&e))
        .collect();
    let (mut salience, _) = salience_scores(
        parse,
        drafts,
        occurrences,
        index,
        quoted,
        parse.dep(index),
        |entity, d, _| {
            d.kind == EntityKind::Person
                && d.gender.agrees(pronoun_gender)
                && !excluded.contains(&entity)
        },
    );
    salience.sort_by(|a, b| b.1.total_cmp(&a.1));
    let headline: Vec<usize> = occurrences[..before]
        .iter()
        .filter(|o| o.sentence == 0)
        .map(|o| o.entity)
        .collect();

    seen.iter()
        .enumerate()
        .map(|(rank, s)| {
            let mut base: Vec<String> = Vec::with_capacity(24);
            let gender = match drafts.get(s.entity).map(|d| d.gender) {
                Some(Gender::Unknown) | None => "unknown",
                Some(_) if agrees(s.entity) => "agree",
                Some(_) => "conflict",
            };
            base.push(format!("gender={gender}"));
            base.push(format!("rank={}", rank_bucket(rank)));
            base.push(format!("gender={gender}&rank={}", rank_bucket(rank)));
            let agreeing_rank = agreeing
                .iter()
                .position(|&e| e == s.entity)
                .map_or("none", rank_bucket);
            base.push(format!("agreeing_rank={agreeing_rank}"));
            base.push(format!(
                "distance={}",
                distance_bucket(sentence.saturating_sub(s.last.sentence))
            ));
            let source_rank = by_source
                .iter()
                .position(|b| b.entity == s.entity)
                .map_or("none", rank_bucket);
            base.push(format!("source_rank={source_rank}"));
            let agreeing_source_rank = agreeing_by_source
                .iter()
                .position(|&e| e == s.entity)
                .map_or("none", rank_bucket);
            base.push(format!("agreeing_source_rank={agreeing_source_rank}"));
            base.push(format!("gender={gender}&source_rank={source_rank}"));
            let claim_rank = by_claim
                .iter()
                .position(|b| b.entity == s.entity)
                .map_or("none", rank_bucket);
            base.push(format!("claim_rank={claim_rank}"));
            base.push(format!("gender={gender}&claim_rank={claim_rank}"));
            let agreeing_claim_rank = agreeing_by_claim
                .iter()
                .position(|&e| e == s.entity)
                .map_or("none", rank_bucket);
            base.push(format!("agreeing_claim_rank={agreeing_claim_rank}"));
            let pronoun_rank = agreeing_by_pronoun
                .iter()
                .position(|&e| e == s.entity)
                .map_or("none", rank_bucket);
            base.push(format!("agreeing_pronoun_rank={pronoun_rank}"));
            if let Some(o) = s.last_pronoun {
                base.push(format!(
                    "pronoun_distance={}",
                    distance_bucket(sentence.saturating_sub(o.sentence))
                ));
            }
            if let Some(o) = s.last_claim {
                base.push(format!(
                    "claim_distance={}",
                    distance_bucket(sentence.saturating_sub(o.sentence))
                ));
            }
            if let Some(o) = s.last_source {
                base.push(format!(
                    "source_distance={}",
                    distance_bucket(sentence.saturating_sub(o.sentence))
                ));
            }
            base.push(format!(
                "last_role={}",
                role_class(parse.effective_dep(s.last.token))
            ));
            if s.last.source {
                base.push("last_is_source".into());
            }
            if s.last.quoted {
                base.push("last_quoted".into());
                if speaks_after_quotation {
                    base.push("last_quoted&speaks_after_quotation".into());
                }
            }
            if s.last.pronoun {
                base.push("last_is_pronoun".into());
            }
            if !s.unquoted {
                base.push("only_quoted".into());
            }
            base.push(format!(
                "mentions={}",
                match s.count {
                    1 => "1",
                    2 => "2",
                    3 | 4 => "3",
                    _ => "5",
                }
            ));
            if rule == Some(s.entity) {
                base.push("rule".into());
                base.push(format!("rule&agreeing_source_rank={agreeing_source_rank}"));
            }
            let salience_rank = salience
                .iter()
                .position(|&(e, _)| e == s.entity)
                .map_or("none", rank_bucket);
            base.push(format!("salience_rank={salience_rank}"));
            if named_in_own_quotation.contains(&s.entity) {
                base.push("named_in_own_quotation".into());
            }
            if excluded.contains(&s.entity) {
                base.push("speaker_of_own_quotation".into());
            }
            if s.own_subject {
                base.push("own_subject".into());
            }
            let last_end = parse.tokens.get(s.last.token).map_or(0, |t| t.end);
            if !parse
                .text
                .get(last_end..pronoun_start)
                .unwrap_or_default()
                .contains('\n')
            {
                base.push("same_paragraph".into());
            }
            if headline.contains(&s.entity) {
                base.push("in_first_sentence".into());
            }
            let mut features = Vec::with_capacity(base.len() * 2);
            for feature in base {
                features.push(format!("{feature}|{context}"));
                features.push(feature);
            }
            RankingCandidate {
                entity: s.entity,
                features,
            }
        })
        .collect()
}

/// The record of one pronoun's candidates for the trace.
fn case_of(
    parse: &Parse<'_>,
    drafts: &[Draft],
    index: usize,
    rule: Option<usize>,
    candidates: Vec<RankingCandidate>,
) -> PronounCase {
    let (start, end) = parse.tokens.get(index).map_or((0, 0), |t| (t.start, t.end));
    PronounCase {
        start,
        end,
        rule: rule.and_then(|r| candidates.iter().position(|c| c.entity == r)),
        candidates: candidates
            .into_iter()
            .map(|c| {
                let draft = drafts.get(c.entity);
                PronounCandidate {
                    name: draft.map(|d| d.name.clone()).unwrap_or_default(),
                    mentions: draft
                        .map(|d| d.mentions.iter().map(|m| (m.start, m.end)).collect())
                        .unwrap_or_default(),
                    features: c.features,
                }
            })
            .collect(),
    }
}
