//! Whether a clause with an AID verb reports aid: the PLOVER manual's AID (section 3.6) is "all
//! provisions of providing material aid whose material benefits primarily accrue to the
//! recipient" — monetary aid, financial guarantees, grants, gifts and credit; military and police
//! assistance including arms and personnel; humanitarian aid; asylum; debt forgiveness; hostage
//! rescue — and it requires a recipient. The verbs that carry it ("give", "provide", "send",
//! "fund", "help", "contribute") are among the commonest of business news, where they give
//! boosts, access, details, services and speeches, fund bids and contribute to rises. A verb
//! that gives something is aid when what it gives is material aid; a verb done to someone
//! ("funded opposition groups", "help seven million Ethiopians") is aid when that someone is a
//! party or the object is aid itself ("finance aid for the poorest nations").

use newsfacts_doc::QuantityKind;

use super::Trigger;
use super::lexicon::{self, ObjectRole, Sense};
use super::parse::Parse;

/// Words that make what is given material aid, as the head of the thing given or as its
/// modifier ("ammunition rounds", "humanitarian supplies", "tonnes of food"), after the
/// manual's list. Weapons (`lexicon::EQUIPMENT_NOUNS`) and armed forces (`lexicon::FORCE_NOUNS`)
/// count too: "arms and personnel".
pub(super) const AID_MATERIAL_WORDS: &[&str] = &[
    // Aid named as such.
    "aid",
    "assistance",
    "help",
    "relief",
    "humanitarian",
    "emergency",
    "bailout",
    // Monetary aid, financial guarantees, grants, gifts and credit.
    "money",
    "cash",
    "fund",
    "funding",
    "financing",
    "grant",
    "gift",
    "donation",
    "credit",
    "loan",
    "guarantee",
    "reparation",
    // Military and police assistance: arms and personnel.
    "military",
    "arms",
    "munition",
    "weaponry",
    "personnel",
    "adviser",
    "advisor",
    "trainer",
    "instructor",
    "peacekeeper",
    // Humanitarian aid.
    "food",
    "medicine",
    "medical",
    "vaccine",
    "supplies",
    "tent",
    "blanket",
    "grain",
    // Asylum.
    "asylum",
    "refuge",
    "sanctuary",
];

/// AID verbs whose sense is itself the aid (giving a gift; arming, rescuing, airlifting and
/// sheltering carry their kind of aid in the lexicon): the clause needs no aid-like object, and
/// a verb coordinated with one shares it ("donated and personally delivered goods").
const SELF_EVIDENT_AID_VERBS: &[&str] = &["donate"];

/// AID verbs done to someone that pay for things as often as for parties ("fund a bid",
/// "finance the purchase", "funding the US deficit"): monetary aid goes to a party, so their
/// object must be one (or be aid itself). "Help", "assist" and "aid" name assistance itself;
/// the party test on their recipient is enough.
const MONEY_TARGET_VERBS: &[&str] = &["fund", "finance"];

/// Relative words that stand for the head noun of their clause ("the aid which was sent").
const RELATIVE_WORDS: &[&str] = &["which", "that", "who", "whom"];

/// How deep "of" phrases and coordinations are followed from the thing given.
const MAX_DEPTH: usize = 3;

/// Those to whom migrants send their earnings: money sent to them is a remittance, a private
/// transfer between households, not aid from one party to another.
const HOUSEHOLD_NOUNS: &[&str] = &["relative", "family", "parent", "household", "kin", "home"];

/// Whether a clause sends money home ("sent a record $16.6bn home", "send money to their
/// immediate relatives"): a remittance.
fn is_remittance(parse: &Parse<'_>, verb: usize) -> bool {
    let sent_home = parse
        .children_with(verb, &["advmod", "npadvmod", "dobj", "prt"])
        .any(|c| parse.lower[c] == "home");
    let to_household = parse
        .children_with(verb, &["prep", "dative"])
        .filter(|&p| parse.lower[p] == "to")
        .filter_map(|p| parse.child(p, &["pobj"]))
        .any(|o| HOUSEHOLD_NOUNS.contains(&parse.lemma[o].as_str()));
    sent_home || to_household
}

/// Whether a lexicon AID trigger's clause reports material aid: a verb of giving gives aid-like
/// material, a verb done to someone is done to a party or gives aid-like material. Money sent
/// home is a remittance, not aid.
pub(super) fn reports_material_aid(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    let anchor = trigger.anchor;
    if is_remittance(parse, anchor) {
        return false;
    }
    let coordinated = parse
        .children_with(anchor, &["conj"])
        .chain(parse.head(anchor).filter(|_| parse.dep(anchor) == "conj"))
        .filter(|&v| parse.is_verb(v))
        .any(|v| SELF_EVIDENT_AID_VERBS.contains(&parse.lemma[v].as_str()));
    if self_evident(parse, trigger.sense, anchor) || coordinated {
        return true;
    }
    let objects = objects_of(parse, anchor);
    match trigger.sense.object {
        ObjectRole::Theme => objects.iter().any(|&o| is_material(parse, o, 0)),
        ObjectRole::Target if MONEY_TARGET_VERBS.contains(&parse.lemma[anchor].as_str()) => objects
            .iter()
            .any(|&o| is_party_head(parse, o) || is_material(parse, o, 0)),
        // The one helped is the recipient the manual requires: "may assist" helps nobody.
        ObjectRole::Target => !objects.is_empty(),
    }
}

/// Whether what a verb gives changes hands, as a pledge or delivery the ledger counts must: material
/// aid (money to a party, arms, goods named as aid) or a counted or measured amount of things
/// ("40 A300s", "supply India with 7.5 million tonnes of LPG", "six second hand airplanes") —
/// not an abstraction ("all the details of its 2004 results", "access to 400 million homes",
/// "£105m of savings", "a shareholder payout of $6.0 per share").
pub(super) fn gives_what_changes_hands(parse: &Parse<'_>, verb: usize) -> bool {
    if SELF_EVIDENT_AID_VERBS.contains(&parse.lemma[verb].as_str()) {
        return true;
    }
    let mut objects = objects_of(parse, verb);
    // "the eight ferries it promised a neighbouring region": the noun a relative clause
    // describes is what it gives even when the clause has an object (the one given to), unless
    // the relative word is the clause's subject ("the bank which will give details").
    if parse.dep(verb) == "relcl"
        && let Some(head) = parse.head(verb).filter(|&h| parse.is_noun(h))
        && !parse
            .children_with(verb, &["nsubj"])
            .any(|s| RELATIVE_WORDS.contains(&parse.lower[s].as_str()))
    {
        objects.push(head);
    }
    objects
        .iter()
        .any(|&o| is_material(parse, o, 0) || is_counted_things(parse, o, 0))
}

/// Whether a noun phrase is a number of things: its head has a number that the quantities layer
/// reads as a count, mass or volume ("40 A300s", "7.5 million tonnes"); coordinated nouns are
/// followed, "of" phrases are not (the details "of its 2004 results" are no count of results).
/// A fraction is odds, not things ("4/9 and 8/13 odds").
fn is_counted_things(parse: &Parse<'_>, o: usize, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let counted = parse.children_with(o, &["nummod"]).any(|n| {
        let token = &parse.toks[n];
        !parse.lower[n].contains('/')
            && parse.doc.quantities.iter().any(|q| {
                matches!(
                    q.kind,
                    Some(QuantityKind::Count | QuantityKind::Mass | QuantityKind::Volume)
                ) && q.start <= token.start
                    && token.end <= q.end
            })
    });
    counted
        || parse
            .children_with(o, &["conj"])
            .any(|c| is_counted_things(parse, c, depth + 1))
}

/// Whether the thing a delivery verb delivers is something committed to in the same phrase
/// ("two of the eight ferries it promised a neighbouring region"): a delivery the ledger
/// measures against its pledge, whatever is delivered.
pub(super) fn delivers_what_was_promised(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    let mut frontier = objects_of(parse, trigger.anchor);
    for _ in 0..MAX_DEPTH {
        let mut next = Vec::new();
        for &o in &frontier {
            let promised = parse
                .children_with(o, &["relcl"])
                .any(|v| lexicon::verb_sense(&parse.lemma[v]).is_some_and(|s| s.plover == "AGREE"));
            if promised {
                return true;
            }
            next.extend(parse.prep_object(o, &["of"]));
        }
        frontier = next;
    }
    false
}

/// An AID verb whose lexicon sense already names the kind of aid ("arm": military, "rescue":
/// humanitarian), or a verb of giving a gift.
fn self_evident(parse: &Parse<'_>, sense: Sense, anchor: usize) -> bool {
    sense.mode.is_some() || SELF_EVIDENT_AID_VERBS.contains(&parse.lemma[anchor].as_str())
}

/// What the verb gives or is done to: its object, passive subject, "with" object ("provide the
/// buyer with access") and, in a relative clause, the noun it describes ("the aid they give").
fn objects_of(parse: &Parse<'_>, verb: usize) -> Vec<usize> {
    let mut objects: Vec<usize> = parse.children_with(verb, &["dobj", "nsubjpass"]).collect();
    objects.extend(parse.prep_object(verb, &["with"]));
    if parse.dep(verb) == "relcl"
        && let Some(head) = parse.head(verb).filter(|&h| parse.is_noun(h))
    {
        // The head is what the clause gives when the clause has no object of its own, or
        // its object or passive subject is a relative word standing for the head.
        let gapped = objects.is_empty()
            || objects
                .iter()
                .any(|&o| RELATIVE_WORDS.contains(&parse.lower[o].as_str()));
        if gapped {
            objects.push(head);
        }
    }
    objects.retain(|&o| !RELATIVE_WORDS.contains(&parse.lower[o].as_str()));
    objects
}

/// Whether a noun phrase names material aid: its head or a modifier is an aid word, a weapon or
/// an armed force, or it is a sum of money that is not a sum of something else ("$6bn", not
/// "£234m of cuts"); an "of" phrase ("tonnes of food") and coordinated nouns are followed.
fn is_material(parse: &Parse<'_>, o: usize, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let aid_word = |t: usize| {
        let lemma = parse.lemma[t].as_str();
        let lower = parse.lower[t].as_str();
        [lemma, lower].iter().any(|w| {
            AID_MATERIAL_WORDS.contains(w)
                || lexicon::EQUIPMENT_NOUNS.contains(w)
                || lexicon::FORCE_NOUNS.contains(w)
        })
    };
    // "provided some light relief": amusement, not aid.
    if parse.lemma[o] == "relief"
        && parse
            .children_with(o, &["amod"])
            .any(|a| matches!(parse.lower[a].as_str(), "light" | "comic"))
    {
        return false;
    }
    if aid_word(o)
        || parse
            .children_with(o, &["compound", "amod", "nmod"])
            .any(aid_word)
    {
        return true;
    }
    let counted = parse.prep_object(o, &["of"]);
    if let Some(c) = counted
        && is_material(parse, c, depth + 1)
    {
        return true;
    }
    if is_money(parse, o) && counted.is_none() {
        return true;
    }
    parse
        .children_with(o, &["conj"])
        .any(|c| is_material(parse, c, depth + 1))
}

/// Whether a token is a sum of money: the quantities layer read it as money ("$6bn"), or the
/// parse's entity label says so. A sum per something ("$6.0-$6.5 per share") is a rate, and
/// nothing of that sum changes hands as a whole. A proper noun is a name that mentions money
/// ("with Million Dollar Baby in second place"), not a sum.
fn is_money(parse: &Parse<'_>, t: usize) -> bool {
    if matches!(parse.tag(t), "NNP" | "NNPS") {
        return false;
    }
    let is_rate = parse
        .children_with(t, &["prep"])
        .any(|p| parse.lower[p] == "per")
        || parse
            .quantities_at(t)
            .any(|q| q.per.is_some() || followed_by_per(parse, q.end));
    let money = parse.ent_label(t) == "MONEY"
        || parse
            .quantities_at(t)
            .any(|q| q.kind == Some(QuantityKind::Money));
    money && !is_rate
}

/// Whether the text right after a byte offset says "per" ("$6.5 per share").
fn followed_by_per(parse: &Parse<'_>, end: usize) -> bool {
    parse
        .doc
        .text
        .get(end..)
        .and_then(|rest| rest.split_whitespace().next())
        .is_some_and(|word| word.eq_ignore_ascii_case("per"))
}

/// Whether a token heads a phrase naming a party: an entity, a party noun, a personal pronoun or
/// a proper noun ("funded liberal opposition groups", "assist US allies"), not a thing a party
/// owns ("Mr Glazer's proposal", "the US deficit") nor "it" ("how it should be funded").
fn is_party_head(parse: &Parse<'_>, o: usize) -> bool {
    matches!(parse.ent_label(o), "PERSON" | "ORG" | "GPE" | "NORP")
        || parse.entity_at(o).is_some()
        || lexicon::PARTY_NOUNS.contains(&parse.lemma[o].as_str())
        || (matches!(parse.tag(o), "PRP" | "NNP" | "NNPS") && parse.lower[o] != "it")
}
