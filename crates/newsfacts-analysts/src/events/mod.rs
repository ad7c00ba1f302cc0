//! The events layer: who did what to whom, coded in PLOVER, one event per clause with an event
//! predicate.
//!
//! Triggers come from the lexicon (`lexicon.rs`): event verbs, verb–particle pairs, light verbs
//! with an event noun as object ("held talks"), and event nouns that have a participant phrase
//! ("summit between A and B"). A verb that governs another event verb through its complement
//! ("pledged to provide", "threatened to attack") makes one event of the pair. Participants come
//! from the parse (`parse.rs`): subjects, objects, datives, "to"/"with"/"against" phrases,
//! passive agents, coordination; pronouns resolve to a nearby antecedent. Each event carries its
//! quantities, time, deadline and place, and is marked negated, hypothetical (modals,
//! conditionals, plans) and claimed inside a quotation. Without a parse there are no events.
//!
//! In a sentence where the lexicon finds no trigger, the trained trigger classifier
//! (`classifier.rs`) may make one verb the lexicon does not know a trigger of its type.

mod aid;
pub mod cameo;
pub mod classifier;
mod commerce;
pub mod lexicon;
pub mod parse;

use newsfacts_doc::{Document, EntityKind, Event, Participant, QuantityKind, TextSpan};

use cameo::CameoVerbs;
use classifier::{ClassifierUse, EventClassifier};
use lexicon::{ObjectRole, Sense};
use parse::Parse;

/// A trigger found in the parse before its arguments are read.
#[derive(Debug, Clone)]
struct Trigger {
    /// The token whose clause holds the participants (the verb; the noun for noun triggers).
    anchor: usize,
    /// First and last token of the trigger's words.
    first: usize,
    last: usize,
    sense: Sense,
    /// An event noun rather than a verb.
    nominal: bool,
    /// The complement verb this trigger governs and absorbs ("provide" under "pledged").
    complement: Option<usize>,
    /// The event noun a light verb takes as object ("talks" in "held talks").
    noun: Option<usize>,
    /// A demand made by saying that someone must act ("said Sudan must return the
    /// helicopter"): the anchor is the verb that must happen, the actor the sayer's subject.
    demand: bool,
    /// The act a commitment promises ("lift" in "agreed to lift the sanctions"): an event of
    /// its own type, not yet done.
    promised: bool,
}

impl Trigger {
    /// A one-word verb trigger of a PLOVER type with that type's default sense: how verbs the
    /// lexicon does not know become events (typed by the trained classifier or by a user's
    /// CAMEO dictionary).
    fn single_verb(i: usize, plover: &'static str) -> Trigger {
        Trigger {
            anchor: i,
            first: i,
            last: i,
            sense: lexicon::default_sense(plover),
            nominal: false,
            complement: None,
            noun: None,
            demand: false,
            promised: false,
        }
    }
}

/// Finds the events of a document with the built-in lexicon and the shipped trigger
/// classifier.
pub fn extract_events(doc: &Document) -> Vec<Event> {
    extract_events_with(doc, None)
}

/// Finds the events of a document; with a user's CAMEO verb dictionary, events carry the CAMEO
/// code of their verb, and verbs the built-in lexicon does not know become events of the
/// PLOVER type of their code.
pub fn extract_events_with(doc: &Document, cameo: Option<&CameoVerbs>) -> Vec<Event> {
    extract_events_coded(
        doc,
        &Coding {
            cameo,
            classifier: EventClassifier::embedded(),
            classifier_use: classifier::DEFAULT_USE,
            context_filters: true,
        },
    )
}

/// What the event coder works with besides its lexicon.
#[derive(Debug, Clone, Copy)]
pub struct Coding<'a> {
    /// A user's CAMEO verb dictionary.
    pub cameo: Option<&'a CameoVerbs>,
    /// The trained trigger classifier (the shipped one is [`EventClassifier::embedded`]).
    pub classifier: Option<&'a EventClassifier>,
    /// Where the classifier is consulted.
    pub classifier_use: ClassifierUse,
    /// Whether events the lexicon's triggers make are dropped where their context shows they
    /// are none: a commercial sense ("halt the auction"), a doer that is no party ("a switch to
    /// new models hit Mercedes-Benz"), a story's plot; and whether a passive coordinated with an
    /// active verb is done to their shared subject ("has pleaded guilty and will be sentenced").
    /// It also decides whether parties are read through coreference's "it", "the company" and
    /// "the government" (`Parse::reads_organisation_anaphors`). On for users; the trigger
    /// classifier's trainer turns it off, so that it learns from the lexicon's triggers and
    /// parties as they were when the shipped model was trained.
    pub context_filters: bool,
}

/// Finds the events of a document with the given dictionary and classifier.
pub fn extract_events_coded(doc: &Document, coding: &Coding<'_>) -> Vec<Event> {
    let Some(mut parse) = Parse::of(doc) else {
        return Vec::new();
    };
    parse.reads_organisation_anaphors = coding.context_filters;
    let cameo = coding.cameo;
    let mut triggers = find_triggers(&parse, coding);
    // A match report's "beat", "attack", "strike" and "ban" are sport, not force; a review's or
    // a music page's "met", "supporting" and "teamed up" are the arts'.
    let sport_report = coding.context_filters && is_a_sport_report(&parse);
    let arts_report = coding.context_filters && !sport_report && is_an_arts_report(&parse);
    absorb_complements(&parse, &mut triggers);
    let mut events: Vec<Event> = Vec::new();
    let mut previous: Vec<(usize, Event)> = Vec::new();
    // Deliveries of something that is not aid, kept only when they deliver an amount and their
    // actor pledged in the article: the ledger measures such a delivery against the pledge.
    let mut doubtful_deliveries: Vec<usize> = Vec::new();
    for trigger in &triggers {
        let Some(mut event) = build_event(&parse, trigger, coding.context_filters) else {
            continue;
        };
        // PLOVER codes what parties do: with neither an actor nor a recipient that can be one
        // ("soaring costs hit growth"), there is no event.
        let party = |p: &Option<Participant>| p.as_ref().is_some_and(|p| is_party(&parse, p));
        // "the national transport fund has agreed to pay 40%": a body that commits money is a
        // party to its pledge, and the ledger counts it.
        let pays = coding.context_filters && agrees_to_pay(&parse, trigger);
        // Force used on a person named by kin or calling ("his wife was shot dead") has a
        // victim, though the person is no party.
        let victim = coding.context_filters
            && event.plover == "ASSAULT"
            && event.recipient.as_ref().is_some_and(is_a_victim_noun);
        if !party(&event.actor) && !party(&event.recipient) && !pays && !victim {
            continue;
        }
        // Nor when the verb is used in another sense ("halt the auction", "pleaded guilty"),
        // the one who acts is named and is no party ("a switch to new models hit
        // Mercedes-Benz"), or the act is a story's ("the film depicts an attack").
        if coding.context_filters
            && (read_in_another_sense(&parse, trigger)
                || doer_is_no_party(&parse, trigger)
                || told_in_a_work(&parse, trigger)
                || done_by_a_disaster(&parse, trigger)
                || a_profit_warning(&parse, trigger)
                || a_routine_resignation(&parse, trigger)
                || worries_about_the_economy(&parse, trigger)
                || trigger_is_a_name(&parse, trigger)
                || a_fight_in_court_or_market(&parse, trigger)
                || demands_of_oneself(&parse, trigger)
                || demands_nothing_of_a_party(&parse, trigger)
                || demands_no_act(&parse, trigger)
                || an_appeal_in_court(&parse, trigger)
                || warns_without_threat(&parse, trigger)
                || fights_only_in_words(&parse, trigger)
                || names_no_act(&parse, trigger))
        {
            continue;
        }

        // AID is material aid from a party to a party (the PLOVER manual, 3.6): "good rains
        // contributed to the rise", "the deal gives it access" and "funding the US deficit" are
        // no event. A delivery of what was pledged stays for the ledger to count.
        if event.plover == "AID" && !trigger.nominal {
            let non_party =
                |p: &Option<Participant>| p.as_ref().is_some_and(|p| !is_party(&parse, p));
            let gives_aid = aid::reports_material_aid(&parse, trigger)
                && !non_party(&event.actor)
                && !non_party(&event.recipient);
            if !gives_aid && !aid::delivers_what_was_promised(&parse, trigger) {
                // A delivery kept for the ledger must deliver something that changes hands
                // ("delivered 40 A300s"), not odds or a verdict ("have given The Aviator 4/9
                // odds").
                if event.mode.as_deref() != Some("delivery")
                    || !aid::gives_what_changes_hands(&parse, trigger.anchor)
                {
                    continue;
                }
                doubtful_deliveries.push(events.len());
            }
        }
        // An attack on a record, a policy or a plan is criticism (ACCUSE), not force: "Senator
        // Kerry attacked President Bush's economic record".
        if coding.context_filters && attacks_an_idea(&parse, trigger) {
            event.plover = "ACCUSE".to_string();
            event.mode = None;
        }
        // Suspending or lifting a ban or sanctions eases them, as lifting them does (the
        // lexicon's "lift sanctions", RETREAT): "the US ban on trade with Tripoli was
        // suspended in April".
        if coding.context_filters && eases_a_sanction(&parse, trigger, &event) {
            event.plover = "RETREAT".to_string();
            event.mode = None;
        }
        // A strike by workers is industrial action, no force: a general or national strike is
        // a protest (PLOVER PROTEST), a strike on the underground or by staff is labour
        // relations, no event between parties ("a strike on the underground has caused
        // traffic chaos"). Air and missile strikes stay ASSAULT.
        if coding.context_filters {
            match industrial_strike(&parse, trigger) {
                Some(IndustrialStrike::General) => {
                    event.plover = "PROTEST".to_string();
                    event.mode = Some("boycott".to_string());
                    if event.actor.as_ref().is_some_and(|a| {
                        a.name.to_lowercase().ends_with("strike")
                            || a.name.to_lowercase().ends_with("strikes")
                    }) {
                        event.actor = None;
                    }
                }
                Some(IndustrialStrike::AtWork) => continue,
                None => {}
            }
        }
        // A pledge is a pledge of something that changes hands: "will give all the details of
        // its 2004 results", "planning to deliver £105m of savings" and "pledged to bring the
        // deficit under control" are commitments (AGREE) but nothing for the ledger to count.
        if event.mode.as_deref() == Some("pledge")
            && !trigger.nominal
            && !pledges_what_changes_hands(&parse, trigger)
        {
            event.mode = None;
        }
        if pays && !event.negated {
            event.mode = Some("pledge".to_string());
        }
        if coding.context_filters && !pays && promises_policy(&parse, trigger, &event) {
            continue;
        }
        if let Some(dictionary) = cameo
            && !trigger.nominal
        {
            event.cameo = cameo_code(&parse, trigger.anchor, dictionary).map(str::to_string);
        }
        inherit_recipient(&parse, trigger, &mut event, &previous);
        previous.push((trigger.anchor, event.clone()));
        // After a noun whose act the subject undergoes come those who do it ("drawing
        // criticism from environmental groups and human rights activists"), none done to.
        let undergone = coding.context_filters
            && trigger.nominal
            && undergoing_verb(&parse, trigger.anchor).is_some();
        if event.recipient.is_none() && !undergone {
            event.recipient = party_after_trigger(&parse, trigger, &event);
        }
        if (sport_report && the_sports_own_act(&parse, trigger, &event))
            || (arts_report && the_arts_own_act(&parse, trigger, &event))
        {
            continue;
        }
        // Firms dealing with firms ("Euronext held talks with the LSE", "MCI rejected the offer
        // from Qwest") make no PLOVER event (the party test), read once both parties are known;
        // a pledge stays for the ledger ("Marsh agreed to pay $850m to settle the suit").
        if coding.context_filters
            && !pays
            && event.mode.as_deref() != Some("pledge")
            && commerce::between_firms(&parse, &event, trigger.anchor, &|p: &Participant| {
                is_party(&parse, p)
            })
        {
            continue;
        }
        if coding.context_filters
            && (a_meeting_inside_one_body(&parse, trigger, &event)
                || consults_no_other_side(&parse, trigger, &event)
                || consults_the_public(&event)
                || commerce::policy_towards_firms_in_general(&parse, &event)
                || (!trigger.nominal && done_by_commentators(&parse, &event)))
        {
            continue;
        }
        // "The deal to open formal talks with Ankara", "a dispensation that detained people":
        // a thing the verb's clause describes does not act; the doer is unnamed. Read last, as
        // the filters above judge an act by what its doer is ("a robot that can help people"
        // is no aid).
        if coding.context_filters && actor_is_a_thing_described(&parse, trigger, &event) {
            event.actor = None;
            if !party(&event.recipient) {
                continue;
            }
        }
        let intended = intended_act(&parse, trigger, &event);
        events.push(event);
        events.extend(intended);
    }
    let pledgers: Vec<String> = events
        .iter()
        .filter(|e| e.mode.as_deref() == Some("pledge"))
        .filter_map(|e| e.actor.as_ref().map(|a| a.name.to_lowercase()))
        .collect();
    let mut number = 0;
    events.retain(|event| {
        let keep = !doubtful_deliveries.contains(&number)
            || (!event.quantities.is_empty()
                && event
                    .actor
                    .as_ref()
                    .is_some_and(|a| pledgers.contains(&a.name.to_lowercase())));
        number += 1;
        keep
    });
    for (number, event) in events.iter_mut().enumerate() {
        event.id = format!("v{}", number + 1);
    }
    events
}

/// The act a statement of intent is about, as an event of its own, not yet done: "will meet
/// Putin" is AGREE (the PLOVER manual: future cooperation is coded as an intention) and a
/// CONSULT to come; "wants to attack Switzerland" is THREATEN and an ASSAULT to come. CAMEO
/// codes the act intended, PLOVER the intention, which stays the first of the two (the same
/// pair a commitment's complement makes: "agreed to meet"). Refusals make none.
fn intended_act(parse: &Parse<'_>, trigger: &Trigger, event: &Event) -> Option<Event> {
    let act = trigger.sense.plover;
    let stated_intent = matches!(event.plover.as_str(), "AGREE" | "THREATEN")
        && event.plover != act
        && !matches!(act, "AGREE" | "THREATEN" | "REJECT");
    if !stated_intent || trigger.promised || trigger.demand || event.negated {
        return None;
    }
    // Aid intended is an act only when it is material aid (see `aid.rs`).
    if act == "AID" && (trigger.nominal || !aid::reports_material_aid(parse, trigger)) {
        return None;
    }
    let mut intended = event.clone();
    intended.plover = act.to_string();
    intended.mode = trigger.sense.mode.map(str::to_string);
    intended.hypothetical = true;
    Some(intended)
}

/// Whether a commitment (AGREE) is to pay a sum or a share of one, by a party or a body that can
/// pay (`DOER_NOUNS`: a fund, a board): "has agreed to pay 40%", "promised to cover £2m". "Pay"
/// is no verb of the lexicon (paying fees, taxes and dividends is no event); agreeing to pay
/// money is a pledge all the same.
fn agrees_to_pay(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    if trigger.nominal || trigger.sense.plover != "AGREE" {
        return false;
    }
    let Some(payer) = subject_of(parse, trigger.anchor) else {
        return false;
    };
    let can_pay = is_party_token(parse, payer) || DOER_NOUNS.contains(&parse.lemma[payer].as_str());
    let sum = |o: usize| {
        matches!(parse.ent_label(o), "MONEY" | "PERCENT")
            || parse.lower[o] == "%"
            || parse
                .children_with(o, &["nmod", "compound", "quantmod", "nummod"])
                .any(|c| matches!(parse.lower[c].as_str(), "$" | "£" | "€" | "%"))
    };
    can_pay
        && parse.children_with(trigger.anchor, &["xcomp"]).any(|v| {
            matches!(parse.lemma[v].as_str(), "pay" | "cover" | "contribute")
                && parse.child(v, &["dobj"]).is_some_and(sum)
        })
}

/// Whether a pledge commits to give something that changes hands: what the giving verb gives —
/// the act promised ("promised to give $717m"), else the verb itself ("will supply India with
/// 7.5 million tonnes of LPG", "pledged $750m"). Whoever gives nothing in particular ("as
/// promised") pledges nothing the ledger can count.
fn pledges_what_changes_hands(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    let giver = trigger.complement.unwrap_or(trigger.anchor);
    aid::gives_what_changes_hands(parse, giver)
}

/// Whether a promise is one of policy or conduct at home, made to no party: "promised to
/// publish the plan within 10 days", "pledged to improve its procedures", "has promised to
/// modernise and privatise airports", "is committed to a viable national airline", "promised
/// \"several initiatives\"". PLOVER's AGREE commits a party to another or to an act between
/// parties; a promise whose act the lexicon does not know, that names no party to receive it
/// and pledges nothing that changes hands, is neither. "promised to give $717m", "pledged to
/// hold talks", "pledged their support" and promises to a party stay.
fn promises_policy(parse: &Parse<'_>, trigger: &Trigger, event: &Event) -> bool {
    if trigger.nominal
        || trigger.demand
        || trigger.complement.is_some()
        || event.mode.as_deref() == Some("pledge")
        || !matches!(
            parse.lemma[trigger.anchor].as_str(),
            "promise" | "pledge" | "commit" | "vow"
        )
    {
        return false;
    }
    if event.recipient.as_ref().is_some_and(|r| is_party(parse, r)) {
        return false;
    }
    let verb = trigger.anchor;
    // What is promised: the act of an infinitive (or a gerund after "committed to"), else
    // the thing.
    let acts: Vec<usize> = parse
        .children_with(verb, &["xcomp", "ccomp"])
        .chain(
            parse
                .children_with(verb, &["prep"])
                .filter(|&p| parse.lower[p] == "to")
                .flat_map(|p| parse.children_with(p, &["pcomp", "pobj"]))
                .filter(|&g| parse.tag(g) == "VBG"),
        )
        .collect();
    if !acts.is_empty() {
        return acts.iter().all(|&v| {
            !lexicon::knows_verb(&parse.lemma[v])
                && !parse
                    .children_with(v, &["dobj", "dative"])
                    .any(|o| is_party_token(parse, o))
                && !parse
                    .children_with(v, &["prep"])
                    .filter_map(|p| parse.child(p, &["pobj"]))
                    .any(|o| is_party_token(parse, o))
        });
    }
    let things: Vec<usize> = parse
        .children_with(verb, &["dobj"])
        .chain(parse.prep_object(verb, &["to"]))
        .collect();
    !things.is_empty()
        && things.iter().all(|&o| {
            !is_party_token(parse, o)
                && lexicon::noun_sense(&parse.lemma[o]).is_none()
                && lexicon::mined_light_noun_sense(&parse.lemma[o]).is_none()
        })
}

fn find_triggers(parse: &Parse<'_>, coding: &Coding<'_>) -> Vec<Trigger> {
    let cameo = coding.cameo;
    let model = coding
        .classifier
        .filter(|_| coding.classifier_use != ClassifierUse::Off);
    let mut triggers = Vec::new();
    for i in 0..parse.toks.len() {
        if parse.is_verb(i) {
            let chooser = model.filter(|_| coding.classifier_use.chooses());
            let lexical = verb_trigger(parse, i)
                .map(|trigger| match chooser {
                    Some(model) => chosen_reading(parse, trigger, model),
                    None => trigger,
                })
                .or_else(|| cameo.and_then(|c| cameo_trigger(parse, i, c)));
            match (lexical, model) {
                (Some(trigger), Some(model))
                    if coding.classifier_use.vetoes() && !trigger.demand =>
                {
                    // The lexicon's verb in a clause the classifier is sure reports no event of
                    // that type ("good rains contributed to the rise").
                    let vetoed = model
                        .score(parse, i)
                        .none_over(trigger.sense.plover)
                        .is_some_and(|m| m >= model.veto_margin);
                    if !vetoed {
                        triggers.push(trigger);
                    }
                }
                (Some(trigger), _) => triggers.push(trigger),
                (None, _) => {}
            }
        } else if parse.is_noun(i)
            && let Some(trigger) = noun_trigger(parse, i)
        {
            triggers.push(trigger);
        }
    }
    if let Some(model) = model.filter(|_| coding.classifier_use.fills()) {
        // Where the lexicon is silent for a whole sentence, the one verb the classifier is
        // most confident of, if it clears the model's fill margin: a sentence the lexicon
        // covers keeps the lexicon's reading.
        for sentence in &parse.doc.sentences {
            let inside = |i: usize| {
                parse.toks[i].start >= sentence.start && parse.toks[i].end <= sentence.end
            };
            if triggers.iter().any(|t| inside(t.anchor)) {
                continue;
            }
            let best = (0..parse.toks.len())
                .filter(|&i| inside(i) && parse.is_verb(i))
                .filter_map(|i| classified_trigger(parse, i, model))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((trigger, _)) = best {
                triggers.push(trigger);
            }
        }
        triggers.sort_by_key(|t| t.anchor);
    }
    triggers
}

/// A lexicon verb read in its bare sense whose lemma the lexicon gives other types in other
/// readings ("allow" CONCEDE, RETREAT when access is allowed; the hand sense and the one mined
/// from the synthetic stories): the type the classifier prefers among the lexicon's types for
/// the lemma, never one the lexicon does not offer. Readings fixed by their context (a
/// particle, a fixed phrase, an event noun, an object's class, a demand, the AID rules) stay.
fn chosen_reading(parse: &Parse<'_>, trigger: Trigger, model: &EventClassifier) -> Trigger {
    let i = trigger.anchor;
    let lemma = parse.lemma[i].as_str();
    let bare = !trigger.nominal
        && !trigger.demand
        && trigger.noun.is_none()
        && trigger.first == i
        && trigger.last == i
        && lexicon::verb_sense(lemma) == Some(trigger.sense);
    if !bare {
        return trigger;
    }
    let types = lexicon::verb_types(lemma);
    if types.len() < 2 {
        return trigger;
    }
    match model.score(parse, i).best_among(&types) {
        Some(chosen) if chosen != trigger.sense.plover => Trigger {
            sense: lexicon::default_sense(chosen),
            ..trigger
        },
        _ => trigger,
    }
}

/// A verb the lexicon does not know at all, made a trigger by the classifier when its best
/// type outscores NONE by the model's fill margin. Verbs the lexicon knows but its rules
/// rejected ("hit a record high") stay rejected; participles used as modifiers and reduced
/// relatives are never triggers.
fn classified_trigger(
    parse: &Parse<'_>,
    i: usize,
    model: &EventClassifier,
) -> Option<(Trigger, f32)> {
    if lexicon::knows_verb(&parse.lemma[i])
        || matches!(
            parse.dep(i),
            "prep" | "amod" | "mark" | "compound" | "det" | "case" | "acl" | "aux" | "auxpass"
        )
    {
        return None;
    }
    let scores = model.score(parse, i);
    let (label, margin) = scores.best_event()?;
    if margin < model.fill_margin {
        return None;
    }
    let plover = lexicon::PLOVER_TYPES.iter().find(|t| **t == label)?;
    Some((Trigger::single_verb(i, plover), margin))
}

fn verb_trigger(parse: &Parse<'_>, i: usize) -> Option<Trigger> {
    let lemma = parse.lemma[i].as_str();
    // A participle used as a preposition or a modifier ("Given the …", "a supported claim").
    if matches!(
        parse.dep(i),
        "prep" | "amod" | "mark" | "compound" | "det" | "case"
    ) {
        return None;
    }
    let single = |sense: Sense| Trigger {
        anchor: i,
        first: i,
        last: i,
        sense,
        nominal: false,
        complement: None,
        noun: None,
        demand: false,
        promised: false,
    };
    // "X said Y must return the helicopter": a demand of X on Y, whatever Y must do. PLOVER's
    // REQUEST is asked of a party: "the recovery should continue" and "any plan should not
    // hinder competitiveness" forecast or judge, they demand nothing of anyone. A passive
    // ("the stake should be cut") demands it of whoever is to act; the context filters drop
    // it when nobody can (`demands_nothing_of_a_party`).
    let obliged = parse
        .children_with(i, &["aux"])
        .any(|a| matches!(parse.lower[a].as_str(), "must" | "should"));
    let obliged_party = parse.child(i, &["nsubjpass"]).is_some()
        || parse
            .child(i, &["nsubj"])
            .is_some_and(|s| is_party_token(parse, s) && parse.lower[s] != "it");
    if obliged
        && parse.dep(i) == "ccomp"
        && parse.head(i).is_some_and(|h| parse.is_verb(h))
        && obliged_party
    {
        let mut trigger = single(Sense {
            plover: "REQUEST",
            mode: None,
            object: ObjectRole::Theme,
        });
        trigger.demand = true;
        return Some(trigger);
    }
    // A gerund the parser joined to a noun with its noun for an object is a modifier: "a senior
    // barrister and sentencing experts", "judges and training camps". Joined to another gerund
    // it is one: "combines singing with modelling and supporting charities".
    if parse.tag(i) == "VBG"
        && parse.dep(i) == "conj"
        && parse
            .head(i)
            .is_some_and(|h| parse.tag(h).starts_with("NN") && !parse.lower[h].ends_with("ing"))
        && parse.child(i, &["dobj"]) == Some(i + 1)
    {
        return None;
    }
    // A reduced relative ("a report released Tuesday", "a member jailed last year") describes
    // its noun; only violence is worth an event there ("ten soldiers killed").
    let reduced_relative = parse.dep(i) == "acl" && parse.tag(i) == "VBN";
    if reduced_relative && lexicon::verb_sense(lemma).is_none_or(|s| s.plover != "ASSAULT") {
        return None;
    }
    // A verb whose object gives it a sense of its own (`lexicon::OBJECT_SENSES`): returning,
    // exchanging or handing over captives, the dead or territory, removing checkpoints,
    // withdrawing or expelling diplomats, a missile fired as a test, a place captured, flags
    // burnt. The trigger takes in the particle of "handed over", "handed back".
    if let Some(sense) = lexicon::object_rules(lexicon::OBJECT_SENSES, lemma)
        .find(|rule| object_rule_applies(parse, i, rule))
        .and_then(|rule| rule.reading)
    {
        let mut trigger = single(sense);
        if let Some(p) = parse
            .children_with(i, &["prt"])
            .find(|&p| matches!(parse.lower[p].as_str(), "over" | "back"))
        {
            trigger.last = p.max(i);
        }
        return Some(trigger);
    }
    // A particle or fixed preposition first: "call for", "hand over", "step down".
    for c in parse.children_with(i, &["prt", "prep", "dobj"]) {
        if let Some(sense) = lexicon::phrasal_sense(lemma, &parse.lower[c]) {
            let mut trigger = single(sense);
            if parse.dep(c) == "prt" {
                trigger.first = i.min(c);
                trigger.last = i.max(c);
            }
            return Some(trigger);
        }
    }
    // A verb with a fixed prepositional phrase: "took to the streets", "went on strike",
    // "took them into custody".
    for p in parse.children_with(i, &["prep"]) {
        if let Some(o) = parse.child(p, &["pobj"])
            && let Some(sense) =
                lexicon::prepositional_sense(lemma, &parse.lower[p], &parse.lemma[o])
        {
            let mut trigger = single(sense);
            trigger.last = o.max(i);
            return Some(trigger);
        }
    }
    let object = parse.child(i, &["dobj"]);
    // Attending a named event or a gathering is a visit (CAMEO 042/043: ATTEND in the CAMEO
    // verb dictionary): "attend the Beijing Olympics", "attended the funeral".
    if lemma == "attend"
        && object.is_some_and(|o| {
            parse.ent_label(o) == "EVENT"
                || lexicon::GATHERING_NOUNS.contains(&parse.lemma[o].as_str())
        })
    {
        let mut trigger = single(Sense {
            plover: "CONSULT",
            mode: Some("visit"),
            object: ObjectRole::Target,
        });
        trigger.last = object.map_or(i, |o| o.max(i));
        return Some(trigger);
    }
    // A light verb with an event noun as object: "held talks", "imposed sanctions", and in the
    // passive, "evidence against Russia was presented".
    if let Some(noun) = object.or_else(|| parse.child(i, &["nsubjpass"])) {
        // "launched a series of demonstrations", "held a round of talks": the events counted.
        let noun = match parse.prep_object(noun, &["of"]) {
            Some(counted) if lexicon::EVENT_COUNT_NOUNS.contains(&parse.lemma[noun].as_str()) => {
                counted
            }
            _ => noun,
        };
        let noun_lemma = parse.lemma[noun].as_str();
        // An event noun as a compound of the object: "a mediation effort", "peace talks"; not
        // of a party ("carrying truce monitors", "sent peace envoys": people, not the event).
        let object_is_party = lexicon::PARTY_NOUNS.contains(&noun_lemma);
        let event_compound = parse
            .children_with(noun, &["compound"])
            .filter(|_| !object_is_party)
            .find(|&c| lexicon::noun_sense(&parse.lemma[c]).is_some())
            .map(|c| parse.lemma[c].as_str());
        let sense = lexicon::light_override(lemma, noun_lemma)
            .or_else(|| event_compound.and_then(|c| lexicon::light_override(lemma, c)))
            .or_else(|| {
                lexicon::is_light_verb(lemma)
                    .then(|| {
                        noun_sense_in_context(parse, noun)
                            .or_else(|| lexicon::mined_light_noun_sense(noun_lemma))
                            .or_else(|| event_compound.and_then(lexicon::noun_sense))
                    })
                    .flatten()
                    .filter(|_| parse.is_noun(noun))
                    .filter(|_| !lexicon::NOT_LIGHT_NOUNS.contains(&noun_lemma))
            });
        // "launched 10 days of war games": war games are exercises.
        let war_games = noun_lemma == "game"
            && parse
                .children_with(noun, &["compound", "amod"])
                .any(|c| parse.lemma[c] == "war")
            && lexicon::is_light_verb(lemma);
        let exercise = war_games
            || matches!(
                noun_lemma,
                "exercise" | "manoeuvre" | "maneuver" | "drill" | "game"
            );
        let sense = sense.or_else(|| {
            war_games.then_some(Sense {
                plover: "MOBILIZE",
                mode: None,
                object: ObjectRole::Target,
            })
        });
        // Joint exercises are military exchanges (the PLOVER manual's COOPERATE: "joint
        // military games and maneuvers"): a "joint" exercise, one held by two parties or with
        // another.
        let joint = exercise
            && (parse
                .children_with(noun, &["amod", "compound"])
                .any(|c| matches!(parse.lower[c].as_str(), "joint" | "combined"))
                || subject_of(parse, i).is_some_and(|s| parse.child(s, &["conj"]).is_some())
                || parse
                    .prep_object(i, &["with"])
                    .or_else(|| parse.prep_object(noun, &["with"]))
                    .is_some_and(|o| is_party_token(parse, o)));
        let sense = sense.map(|sense| {
            if joint && sense.plover == "MOBILIZE" {
                Sense {
                    plover: "COOPERATE",
                    mode: None,
                    object: ObjectRole::Target,
                }
            } else {
                sense
            }
        });
        if let Some(sense) = sense {
            return Some(Trigger {
                anchor: i,
                first: i,
                last: noun.max(i),
                sense,
                nominal: false,
                complement: None,
                noun: Some(noun),
                demand: false,
                promised: false,
            });
        }
    }
    let mut sense = lexicon::verb_sense(lemma)?;
    // A lexicon verb whose sense needs an object of a class it lacks (`lexicon::OBJECT_NEEDS`):
    // "hit a record high", "received a gift", "fight corruption", fees "charged".
    if lexicon::object_rules(lexicon::OBJECT_NEEDS, lemma)
        .any(|rule| object_rule_applies(parse, i, rule))
    {
        return None;
    }
    match lemma {
        // Firing is an attack when it is aimed: "fired … at targets".
        "fire"
            if parse
                .prep_object(i, &["at", "on", "into", "upon"])
                .is_none() =>
        {
            return None;
        }
        // "demonstrate that …" shows; only the intransitive verb protests.
        "demonstrate" if object.is_some() || parse.child(i, &["ccomp"]).is_some() => return None,
        // A warning is a threat when it is aimed at a party ("warned Iraq", "warned against
        // …"), not when it forecasts ("warned that growth would slow").
        "warn"
            if !object.is_some_and(|o| is_party_token(parse, o))
                && parse.prep_object(i, &["against"]).is_none() =>
        {
            return None;
        }
        // "claimed that ISIL had attacked Iraq" accuses; "claimed responsibility" does not.
        "claim" if parse.child(i, &["ccomp"]).is_none() => return None,
        _ => {}
    }
    if sense.plover == "AID" {
        // Troops sent somewhere are a military move; equipment handed to a party is military
        // aid ("delivered 12 tanks to Ukraine").
        let to_party = parse.child(i, &["dative"]).is_some_and(|d| {
            let party = if parse.lower[d] == "to" {
                parse.child(d, &["pobj"])
            } else {
                Some(d)
            };
            party.is_some_and(|p| {
                matches!(parse.ent_label(p), "GPE" | "ORG" | "NORP" | "PERSON")
                    || parse.entity_at(p).is_some()
            })
        }) || parse.prep_object(i, &["to", "for"]).is_some_and(|p| {
            matches!(parse.ent_label(p), "GPE" | "ORG" | "NORP" | "PERSON")
                || parse.entity_at(p).is_some()
        });
        // Only a verb whose object is what it gives sends a force: "assist police" and "help
        // the army" aid the force they name.
        let gives_its_object = sense.object == ObjectRole::Theme;
        let theme_is_force = gives_its_object
            && object.is_some_and(|o| {
                let lemma = parse.lemma[o].as_str();
                lexicon::FORCE_NOUNS.contains(&lemma)
                    && !(to_party && lexicon::EQUIPMENT_NOUNS.contains(&lemma))
            });
        let theme_is_equipment =
            object.is_some_and(|o| lexicon::EQUIPMENT_NOUNS.contains(&parse.lemma[o].as_str()));
        if theme_is_equipment && !theme_is_force && sense.mode.is_none() {
            sense.mode = Some("military");
        }
        if theme_is_force {
            sense = Sense {
                plover: "MOBILIZE",
                mode: Some("troops"),
                object: ObjectRole::Theme,
            };
        }
        let reciprocal = parse.children_with(i, &["dative", "dobj"]).any(|c| {
            let (lo, hi) = parse.extent[c];
            (lo + 1..=hi).any(|k| {
                (parse.lower[k] == "other" && parse.lower[k - 1] == "each")
                    || (parse.lower[k] == "another" && parse.lower[k - 1] == "one")
            })
        });
        if reciprocal {
            sense = Sense {
                plover: "COOPERATE",
                mode: None,
                object: ObjectRole::Theme,
            };
        }
    }
    Some(single(sense))
}

/// Whether the lexicon's reading of a verb is no event in its context: the verb used in a
/// commercial sense, of a work, or in a fixed phrase. These are decided on the coded trigger
/// rather than in `verb_trigger`, so that the sentence keeps its trigger (the classifier does
/// not fill in its place) and the trainer, which reads the lexicon's triggers, sees the same
/// examples (`Coding::context_filters`).
fn read_in_another_sense(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    let i = trigger.anchor;
    let lemma = parse.lemma[i].as_str();
    // Market pressure asks nothing of anyone: "put upward pressure on crude prices", "inflationary
    // pressures", "pressure on margins". Pressure on a party stays ("keep the pressure on the
    // Scottish Executive").
    if lemma == "pressure" && trigger.nominal {
        let of_the_market = parse.children_with(i, &["amod"]).any(|m| {
            matches!(
                parse.lemma[m].as_str(),
                "upward" | "downward" | "inflationary" | "deflationary" | "competitive"
            )
        }) || parse.prep_object(i, &["on"]).is_some_and(|o| {
            !is_party_token(parse, o)
                && (lexicon::ECONOMIC_NOUNS.contains(&parse.lemma[o].as_str())
                    || matches!(
                        parse.lemma[o].as_str(),
                        "currency" | "dollar" | "pound" | "euro"
                    ))
        });
        if of_the_market {
            return true;
        }
    }
    // Releasing results, figures, a film or an album publishes them; nobody is freed: "the
    // central bank released growth figures showing …", "the film is to be released in 50
    // countries", "the delay to the release of the albums". Only what cannot be a captive is
    // read this way, so that "released the two men" and "released them" stay RETREAT.
    if lemma == "release" && !trigger.demand {
        let released = if trigger.nominal {
            parse.prep_object(i, &["of"])
        } else {
            parse
                .child(i, &["dobj"])
                .or_else(|| parse.child(i, &["nsubjpass"]))
                // "the film is to be released": the subject of the clause it completes.
                .or_else(|| {
                    parse
                        .child(i, &["auxpass"])
                        .and_then(|_| subject_of(parse, i))
                })
                // "released growth figures showing …", parsed as the subject of a clause.
                .or_else(|| {
                    parse
                        .child(i, &["ccomp"])
                        .and_then(|c| parse.child(c, &["nsubj"]))
                })
        };
        if released.is_some_and(|o| is_published_work(parse, o)) {
            return true;
        }
        // A release that frees someone names who: "released the mayor", "released them",
        // "were released from the US camp", "his release from prison", "the release of the
        // hostages". Products, records and games released to shops free nobody: "Nintendo is
        // releasing a handheld console", "It was released in the US", "their new release".
        if !frees_someone(parse, trigger, released) {
            return true;
        }
    }
    // "her debut hit Genie in a Bottle", "the sequel to hit film Pirates of the Caribbean", "box
    // office hits Vera Drake and Calendar Girls": a hit is a success, whatever the tagger makes
    // of the word.
    if lemma == "hit" && a_hit_is_a_success(parse, i) {
        return true;
    }
    // "fired up by the speech", "when I am fired up on the court": roused, no shot fired.
    if lemma == "fire"
        && parse
            .children_with(i, &["prt"])
            .any(|c| parse.lower[c] == "up")
    {
        return true;
    }
    // "stormed to his second victory": a rush to a win, nothing stormed.
    // "shot to fame", "rocketed to number one": a rise, nothing struck.
    if matches!(lemma, "storm" | "shoot" | "rocket")
        && parse.child(i, &["dobj"]).is_none()
        && parse.prep_object(i, &["to"]).is_some()
    {
        return true;
    }
    // Destroying, burning or killing records, files, discs, a bill or game animals harms no
    // party: "destroying all tax records", "the Department destroyed nearly 37,000 files",
    // "burn CDs for my kids", "wrecking tactics designed to kill the Disability Bill", "hunts
    // … killing a total of 91 foxes". Buildings, forces and people stay.
    if matches!(lemma, "destroy" | "burn" | "kill" | "shred" | "wreck")
        && !trigger.nominal
        && parse
            .child(i, &["dobj", "nsubjpass"])
            // "the files destroyed by the Ministry": the noun a participle describes.
            .or_else(|| (parse.dep(i) == "acl").then(|| parse.head(i)).flatten())
            .is_some_and(|o| {
                let object = parse.lemma[o].as_str();
                // "a total of 91 foxes": what the total counts.
                let counted = parse
                    .prep_object(o, &["of"])
                    .map(|c| parse.lemma[c].as_str());
                DESTROYED_HARMLESSLY.contains(&object)
                    || counted.is_some_and(|c| DESTROYED_HARMLESSLY.contains(&c))
            })
    {
        return true;
    }
    // Only explosives explode in an attack: "R&B music exploded", "the number of Europeans
    // with broadband has exploded" is growth. "A car bomb exploded" and "exploded a bomb" stay.
    if lemma == "explode"
        && !trigger.nominal
        && parse.child(i, &["dobj"]).is_none()
        && subject_of(parse, i).is_some_and(|s| {
            let subject = parse.lemma[s].as_str();
            !EXPLOSIVE_NOUNS.contains(&subject) && !lexicon::EQUIPMENT_NOUNS.contains(&subject)
        })
    {
        return true;
    }
    // An injury to oneself is no attack: "after injuring her knee", "he may have injured
    // himself", "injured it again on her return".
    if matches!(lemma, "injure" | "hurt")
        && parse.child(i, &["dobj"]).is_some_and(|o| {
            BODY_PARTS.contains(&parse.lemma[o].as_str())
                || matches!(
                    parse.lower[o].as_str(),
                    "himself" | "herself" | "itself" | "themselves" | "myself" | "it"
                )
        })
    {
        return true;
    }
    // Bombarded with pop-up ads, questions or calls: a flood, no shelling.
    if lemma == "bombard" && parse.prep_object(i, &["with"]).is_some() {
        return true;
    }
    // A "talk" is a speech or a rumour; talks are negotiations: "Ms Fiorina's talk also touted
    // the way technology is designed", "put any talk of retirement on hold", "talk of threats,
    // crime and insecurity". A talk with or between parties stays CONSULT.
    if trigger.nominal
        && parse.lower[i] == "talk"
        && parse.prep_object(i, &["with", "between"]).is_none()
    {
        return true;
    }
    // A demonstration of a product or a service shows it: "ran a demonstration of the
    // service". A demonstration against anything, or of people, stays PROTEST.
    if trigger.nominal
        && lemma == "demonstration"
        && parse
            .prep_object(i, &["of"])
            .is_some_and(|o| !is_party_token(parse, o))
    {
        return true;
    }
    // A fight against a disease, a vice or a law is a campaign, no force: "Scotland's fight
    // against binge drinking", "the fight against Aids", "fighting against extradition to
    // the US"; "battle it out for the best actor award" is a contest. A fight against a party
    // or by forces stays ASSAULT.
    if matches!(lemma, "fight" | "battle") && fights_no_party(parse, trigger) {
        return true;
    }
    if trigger.nominal || trigger.demand {
        return false;
    }
    // Ruling out one's own course rejects nobody's proposal: "has ruled out a comeback this
    // year", "ruled out raising the state pension age", "has been ruled out of Saturday's
    // clash". Ruling out talks, a deal, a ceasefire or an act of the lexicon's stays REJECT.
    if lemma == "rule" && trigger.sense.plover == "REJECT" && rules_out_its_own_course(parse, i) {
        return true;
    }
    // Enabling is no concession: "Yahoo has launched software to allow people to search",
    // "IPv6 will allow for billions more addresses", "the rule allows him to borrow". A
    // concession is granted by a state, an authority, an official or an armed group; a firm,
    // a product or a rule that allows something grants nothing. A passive with no doer named
    // ("the men have been allowed to meet their lawyers") and a pronoun doer stay.
    if matches!(lemma, "allow" | "permit") {
        if parse.child(i, &["dobj"]).is_none() && parse.prep_object(i, &["for"]).is_some() {
            return true;
        }
        if let Some(subject) = parse
            .child(i, &["nsubj"])
            .and_then(|_| subject_of(parse, i))
            && !grants_as_an_authority(parse, subject)
        {
            return true;
        }
        // Allowing as the purpose, means or result of another act, or as what a rule or a
        // power does, enables that act's outcome; nobody concedes anything: "would cut £35bn in
        // spending to allow £4bn in tax cuts", "launched Freeview to allow its channels to be
        // seen", "rules allowing reduced sentences", "supporters may switch to the Lib Dems
        // allowing the Tories to win". A decision to allow is the complement of the verb that
        // decides it ("agreed to allow him to perform", "considering allowing") and stays, as
        // does access allowed (RETREAT: "opened the bridge to allow the delivery of grain").
        let enabling = trigger.sense.plover == "CONCEDE"
            && match parse.dep(i) {
                "advcl" => true,
                "acl" => parse.tag(i) == "VBG",
                _ => false,
            };
        if enabling && parse.child(i, &["nsubj", "nsubjpass"]).is_none() {
            return true;
        }
    }
    // Defending one's own decision, plans, record, seat or title, or oneself, is a statement or
    // a contest, no support between parties: "the Home Office defended the measures", "Ms
    // Hutt defended her record", "Brizzel will defend his 200m title". Defending a party ("has
    // also defended Mr McConnell") or what another party does ("defended the right of Russia
    // troops to fire") stays SUPPORT.
    if lemma == "defend"
        && trigger.sense.plover == "SUPPORT"
        && !trigger.nominal
        && defends_its_own_course(parse, i)
    {
        return true;
    }
    // Reinforcing is mobilising only what force holds: troops, a place, a target, a garrison
    // or a border, or with force named in its sentence ("reinforced the border with 2,000
    // troops"); reinforcing a presence, unity, stereotypes or confidence moves no force ("the
    // firm had intended to reinforce its US presence", "Europe needed to reinforce its own
    // unity").
    if lemma == "reinforce" && !trigger.nominal {
        let object = parse.child(i, &["dobj"]);
        let held_by_force = object
            .is_some_and(|o| HELD_BY_FORCE.contains(&parse.lemma[o].as_str()))
            || object_is(parse, i, object, lexicon::ObjectClass::Seized);
        let names_force = sentence_tokens(parse, i).any(|t| {
            let lemma = parse.lemma[t].as_str();
            (parse.is_noun(t) && lexicon::FORCE_NOUNS.contains(&lemma))
                || VIOLENCE_WORDS.contains(&lemma)
        });
        if !held_by_force && !names_force {
            return true;
        }
    }
    // Signing a player, for a club or to a record label, or signing autographs is no
    // agreement between parties: "Newcastle have joined the race to sign Fernando Morientes",
    // "Tindall, who recently signed for Gloucester", "signed to Dr Dre's record label".
    if lemma == "sign" && signs_a_player_or_an_artist(parse, i) {
        return true;
    }
    // A standing offer describes what is on sale or on hand: the simple present ("HDTV offers
    // up to 1,080 active lines", "Apple offer a less powerful Mac Mini", "services which are
    // offered by mobile operators") or a participle describing its noun ("smartphones
    // offering web access"). An offer between parties is made at a time, told in the past or
    // the perfect ("has offered China access to its oil reserves"), and an offer to do
    // something ("offers to mediate") stays.
    if lemma == "offer" && !trigger.nominal && parse.child(i, &["xcomp"]).is_none() {
        let auxiliaries: Vec<&str> = parse
            .children_with(i, &["aux", "auxpass"])
            .map(|a| parse.lower[a].as_str())
            .collect();
        let simple_present = match parse.tag(i) {
            "VBZ" | "VBP" => auxiliaries.is_empty(),
            "VBN" => matches!(auxiliaries.as_slice(), ["is" | "are"]),
            _ => false,
        };
        let describing = parse.dep(i) == "acl"
            && matches!(parse.tag(i), "VBG" | "VBN")
            && auxiliaries.is_empty();
        if simple_present || describing {
            return true;
        }
    }
    // What a firm or a device offers its customers is for sale, no offer between parties:
    // "four mobile operators that offer games to their subscribers", "EMI offers its entire
    // download catalogue", "HD offers up to 1,080 lines". An offer to do something ("offered
    // to send 120 Gurkhas") is read from its complement and stays.
    if lemma == "offer"
        && parse.child(i, &["xcomp"]).is_none()
        && (parse
            .child(i, &["dobj"])
            // "most of its own programmes": what a part is of.
            .map(|o| match parse.lower[o].as_str() {
                "most" | "some" | "all" | "many" | "part" => {
                    parse.prep_object(o, &["of"]).unwrap_or(o)
                }
                _ => o,
            })
            .is_some_and(|o| OFFERED_FOR_SALE.contains(&parse.lemma[o].as_str()))
            || parse
                .child(i, &["nsubj"])
                .is_some_and(|s| parse.ent_label(s) == "PRODUCT"))
    {
        return true;
    }
    // The act itself, or the act an offer or a promise is of ("offered to freeze debts owed by
    // tsunami-hit countries" is relief, no threat of a sanction).
    if std::iter::once(i)
        .chain(trigger.complement)
        .any(|v| cancels_without_sanction(parse, v))
        || (trigger.sense.plover == "SANCTION" && stops_its_own_course(parse, i))
    {
        return true;
    }
    let object = parse.child(i, &["dobj"]);
    // "Opec nations have increased production": a light reading of what firms make or earn is
    // commerce, not the act the pair names for arms ("increase arms production").
    if let Some(noun) = trigger.noun {
        return is_economic_phrase(parse, noun);
    }
    // A verb acting on what firms trade, make or earn is used in its commercial sense, whatever
    // its particle: "halt the auction", "destroy shareholder value", "suspended firearms
    // sales", "surrender $280bn in profits", and through a gerund, "did not rule out raising
    // rates". Aid has rules of its own (`aid.rs`).
    let gerunds = parse
        .children_with(i, &["dobj", "xcomp", "pcomp", "prep", "prt"])
        .flat_map(|c| std::iter::once(c).chain(parse.children_with(c, &["pcomp", "pobj"])))
        .filter(|&g| parse.tag(g) == "VBG")
        .filter_map(|g| parse.child(g, &["dobj"]));
    // "pull out of a bidding war", "withdrew from the auction": what is left.
    let left = parse
        .children_with(i, &["prep", "prt"])
        .filter(|&p| matches!(parse.lower[p].as_str(), "of" | "from" | "out"))
        .flat_map(|p| {
            std::iter::once(p)
                .chain(parse.children_with(p, &["prep"]))
                .filter(|&q| matches!(parse.lower[q].as_str(), "of" | "from"))
                .filter_map(|q| parse.child(q, &["pobj"]))
                .collect::<Vec<_>>()
        });
    let mut acted_on = object
        .into_iter()
        .chain(parse.child(i, &["nsubjpass"]))
        .chain(gerunds)
        .chain(left)
        // "agreed to suspend firearms sales": what the act promised acts on. A demand that a
        // state act on a trade ("calling on the department to block any takeover") stays.
        .chain(
            trigger
                .complement
                .filter(|_| lexicon::verb_sense(lemma).is_some_and(|s| s.plover == "AGREE"))
                .and_then(|c| parse.child(c, &["dobj", "nsubjpass"])),
        );
    if trigger.sense.plover != "AID" && acted_on.any(|o| is_economic_phrase(parse, o)) {
        return true;
    }
    // A deal to trade is commerce: "has agreed to buy 33% of Changyu", "offered to buy the
    // remaining shares", "agreed to merge with Gazprom", "agreed to a buyout by Verizon".
    if trigger.sense.plover == "AGREE"
        && (parse.children_with(i, &["xcomp"]).any(|v| {
            matches!(
                parse.lemma[v].as_str(),
                "buy" | "sell" | "acquire" | "purchase" | "merge" | "invest" | "loan" | "lend"
            )
        }) || parse
            .prep_object(i, &["to", "on"])
            .is_some_and(|o| is_economic_phrase(parse, o)))
    {
        return true;
    }
    // A promise of economic policy to voters is no commitment to a party: "promised to cut
    // taxes", "pledged to halve the budget deficit", "promising to halve unemployment", "agreed
    // to lower the price".
    if trigger.sense.plover == "AGREE"
        && parse.children_with(i, &["xcomp"]).any(|v| {
            parse.child(v, &["dobj"]).is_some_and(|o| {
                FISCAL_NOUNS.contains(&parse.lemma[o].as_str()) || is_economic_phrase(parse, o)
            })
        })
    {
        return true;
    }
    // Giving a boost, a verdict or a chance hands nothing over and commits to no party: "will
    // give a huge boost to Egyptian textile exports", "will give its verdict after hearing
    // evidence", "will give further reductions to customers".
    if lemma == "give"
        && parse
            .children_with(i, &["dobj", "dative"])
            .any(|o| GIVEN_NOTHING.contains(&parse.lemma[o].as_str()))
    {
        return true;
    }
    // "walked out of the show", "walks out of the Embassy Hotel": leaving a place or a
    // programme is no walkout; walking out of talks or a parliament stays SANCTION.
    if lemma == "walk"
        && trigger.sense.plover == "SANCTION"
        && parse
            .children_with(i, &["prep", "prt"])
            .flat_map(|p| std::iter::once(p).chain(parse.children_with(p, &["prep"])))
            .filter(|&p| parse.lower[p] == "of")
            .filter_map(|p| parse.child(p, &["pobj"]))
            .any(|o| {
                !WALKED_OUT_IN_PROTEST.contains(&parse.lemma[o].as_str())
                    && !is_party_token(parse, o)
            })
    {
        return true;
    }
    // Recognition between parties is of a state, a government or its claims ("an EU demand
    // for Turkey to recognise Cyprus", "an accord recognising the Greek Cypriot government").
    // Recognising a fact, a need or a face, or an actor recognised for a role, supports nobody:
    // "he recognised that the manufacturers would be making money", "Staunton has again been
    // recognised for her role", "one in 10 recognised Charles Kennedy".
    if matches!(lemma, "recognise" | "recognize") && !recognises_a_state(parse, i) {
        return true;
    }
    // What is offered to customers is for sale, whatever it is: "BT is offering customers free
    // internet telephone calls", "could offer consumers much faster downloads". An offer to
    // act ("offered to send 120 Gurkhas") is read from its complement and stays.
    if lemma == "offer"
        && parse.child(i, &["xcomp"]).is_none()
        && parse
            .children_with(i, &["dative", "dobj", "nsubjpass"])
            .chain(parse.prep_object(i, &["to"]))
            .any(|o| is_customer_noun(&parse.lemma[o]))
    {
        return true;
    }
    // Only the verb's own sense: a particle, a fixed phrase or an object's class fixed it
    // otherwise.
    let bare = trigger.first == i
        && trigger.last == i
        && lexicon::verb_sense(lemma).is_some_and(|s| s.plover == trigger.sense.plover);
    if !bare {
        return false;
    }
    match lemma {
        // A plea in court ("pleaded guilty to fraud", "pleads not guilty") answers a charge;
        // it asks nothing of anyone.
        "plead"
            if parse
                .children_with(i, &["acomp", "advmod", "oprd", "dobj", "attr", "xcomp"])
                .any(|c| matches!(parse.lower[c].as_str(), "guilty" | "innocent")) =>
        {
            true
        }
        // Prices and currencies "shot up".
        "shoot"
            if parse
                .children_with(i, &["prt", "advmod"])
                .any(|p| parse.lower[p] == "up") =>
        {
            true
        }
        // Shooting or filming a work makes it: "had been shooting the film Retirement",
        // "Hotel Rwanda was shot mostly in South Africa", "a film version of Carmen shot in Cape
        // Town".
        "shoot" | "film"
            if [
                object,
                parse.child(i, &["nsubjpass"]),
                parse
                    .head(i)
                    .filter(|_| matches!(parse.dep(i), "acl" | "relcl")),
                // A work never shoots: a subject that is one was shot, misparsed as active.
                parse.child(i, &["nsubj"]),
                // "a film version of Bizet's opera Carmen shot in Cape Town": the work the
                // shot phrase is "of".
                parse
                    .head(i)
                    .filter(|&h| matches!(parse.dep(i), "acl" | "relcl") && parse.dep(h) == "pobj")
                    .and_then(|h| parse.head(h))
                    .and_then(|p| parse.head(p)),
            ]
            .into_iter()
            .flatten()
            .any(|o| {
                // "the film Retirement": a title headed by its name.
                parse.ent_label(o) == "WORK_OF_ART"
                    || std::iter::once(o)
                        .chain(parse.children_with(o, &["compound", "appos"]))
                        .any(|w| lexicon::WORK_NOUNS.contains(&parse.lemma[w].as_str()))
            }) =>
        {
            true
        }
        // Blame accuses someone: the one blamed ("blamed Russia for …", "Hamas was blamed")
        // or the one it is laid on ("blamed the attack on Hamas"). Laying a fall in profits on
        // the weather or a law accuses nobody.
        "blame"
            if ![object, parse.child(i, &["nsubjpass"])]
                .into_iter()
                .flatten()
                .chain(parse.prep_object(i, &["on"]))
                .any(|o| {
                    is_party_token(parse, o)
                        || RELATIVE_WORDS.contains(&parse.lower[o].as_str())
                        || parse.possessor(o).is_some_and(|p| is_party_token(parse, p))
                }) =>
        {
            true
        }
        // "as opposed to 5%" compares.
        "oppose" if i > 0 && parse.lower[i - 1] == "as" => true,
        // Talking a currency or a share up or down is no talk with anyone.
        "talk"
            if parse
                .children_with(i, &["prt", "advmod", "prep"])
                .any(|p| matches!(parse.lower[p].as_str(), "up" | "down")) =>
        {
            true
        }
        // "Asked whether a rescue was on the cards, Mr Alencar replied": an interviewer's
        // question introducing an answer, no request.
        "ask"
            if parse.dep(i) == "advcl"
                && parse.tag(i) == "VBN"
                && parse.child(i, &["nsubj", "nsubjpass"]).is_none() =>
        {
            true
        }
        // "officials insist they are a long way from ready" asserts; a demand insists on
        // something or that someone must, should or (subjunctive) do it.
        "insist"
            if parse.child(i, &["ccomp"]).is_some_and(|c| {
                // A subjunctive stands bare ("insisted that he resign", "that he be
                // released"): "does not mean", "they will still have the final say" and "would
                // not change laws" carry an auxiliary and assert.
                let bare_active =
                    parse.tag(c) == "VB" && parse.children_with(c, &["aux"]).next().is_none();
                let bare_passive = parse.children_with(c, &["auxpass"]).next().is_some()
                    && parse
                        .children_with(c, &["aux", "auxpass"])
                        .all(|a| parse.lower[a] == "be");
                let subjunctive = bare_active || bare_passive;
                !subjunctive
                    && !parse
                        .children_with(c, &["aux", "auxpass"])
                        .any(|a| matches!(parse.lower[a].as_str(), "must" | "should"))
            }) =>
        {
            true
        }
        // Refusing or declining to comment, say or rule something out rejects nobody: "The
        // Justice Department refused to say if it would appeal", "Italy refused to rule out an
        // interest".
        "refuse" | "decline"
            if parse.children_with(i, &["xcomp"]).any(|v| {
                matches!(
                    parse.lemma[v].as_str(),
                    "comment"
                        | "say"
                        | "confirm"
                        | "disclose"
                        | "reveal"
                        | "elaborate"
                        | "speculate"
                ) || (parse.lemma[v] == "rule"
                    && parse
                        .children_with(v, &["prt"])
                        .any(|p| parse.lower[p] == "out"))
                    // Refusing to accept or admit that something is so disputes a fact:
                    // "refused to accept that opposition to the war had turned audiences
                    // against Hollywood". Refusing to accept an offer stays REJECT.
                    || (matches!(
                        parse.lemma[v].as_str(),
                        "accept" | "admit" | "acknowledge" | "concede" | "believe" | "recognise"
                            | "recognize"
                    ) && parse.child(v, &["ccomp"]).is_some())
            }) =>
        {
            true
        }
        // "Reuters beat profit forecasts", "has beaten Depardieu to become France's best-paid
        // actor", "was beaten 5-0 by Bayern Munich": winning a contest, no beating. News
        // beats rivals, records, scams and forecasts far more often than people, so a bare
        // "beat" is a beating only with a mark of one: "Police beat the protesters".
        "beat" if wins_a_contest(parse, i, object) || !beats_bodily(parse, i, object) => true,
        // "shot wildly over the top", "shot basketball hoops", "shoot a Tory fox", "people
        // shoot 10 rounds at paper targets": a shot that hits nobody is no attack.
        "shoot" if !shoots_someone(parse, i, object) => true,
        // "would hit its targets for 2005", "hit analysts' forecasts": a goal met.
        "hit"
            if object.is_some_and(|o| {
                matches!(
                    parse.lemma[o].as_str(),
                    "forecast" | "expectation" | "estimate" | "prediction"
                ) || (parse.lemma[o] == "target"
                    && parse.possessor(o).is_some_and(|p| parse.tag(p) == "PRP$"))
            }) =>
        {
            true
        }
        // "allowing huge US budget deficits to continue could have consequences", "Allowing
        // for changes": a gerund with no one who allows is no concession.
        "allow"
            if parse.tag(i) == "VBG"
                && subject_of(parse, i)
                    .is_none_or(|s| !is_party_token(parse, s) || parse.dep(i) == "csubj")
                && (matches!(parse.dep(i), "csubj" | "nsubj" | "ROOT" | "advcl" | "pcomp")
                    || parse
                        .children_with(i, &["prep"])
                        .any(|p| parse.lower[p] == "for")) =>
        {
            true
        }
        // A claim accuses someone of something: "lawyers claim the auction was illegal",
        // "Democrats claim the administration has not done enough". A claim about oneself
        // ("Yukos claimed it had transferred $27m") or that only asserts how things are
        // ("analysts claimed the Fed's assessment was a positive one", "claims that taxes need
        // to rise") accuses nobody.
        "claim"
            if parse
                .child(i, &["ccomp"])
                .is_some_and(|c| asserts_without_accusing(parse, i, c)) =>
        {
            true
        }
        // Examining a proposal, a bid or an offer studies it; nobody is investigated.
        "examine" if object.is_some_and(|o| STUDIED_NOUNS.contains(&parse.lemma[o].as_str())) => {
            true
        }
        // "willing to commit fraud": a crime committed, no commitment.
        "commit" if object.is_some_and(|o| CRIME_NOUNS.contains(&parse.lemma[o].as_str())) => true,
        // Ordering 30 planes or SIM cards buys them: "Air Deccan has ordered 30 Airbus A320
        // planes". Orders to people and forces stay REQUEST.
        "order"
            if parse
                .children_with(i, &["xcomp", "ccomp", "oprd"])
                .next()
                .is_none()
                && object.is_some_and(|o| {
                    !is_party_token(parse, o)
                        && parse.children_with(o, &["acl", "relcl"]).next().is_none()
                        && !lexicon::FORCE_NOUNS.contains(&parse.lemma[o].as_str())
                        && (PURCHASED_NOUNS.contains(&parse.lemma[o].as_str())
                            || parse
                                .children_with(o, &["nummod"])
                                .any(|n| parse.tag(n) == "CD"))
                }) =>
        {
            true
        }
        // Inviting bids or offers puts something up for sale.
        "invite"
            if object
                .is_some_and(|o| matches!(parse.lemma[o].as_str(), "bid" | "offer" | "tender")) =>
        {
            true
        }
        // Signing up customers or signing over shares is commerce.
        "sign"
            if parse
                .children_with(i, &["prt"])
                .any(|p| matches!(parse.lower[p].as_str(), "up" | "over")) =>
        {
            true
        }
        // Signing one's name to a statement, a motion or a form commits its signer to no
        // party: "obliges chief executives to sign a statement taking responsibility for the
        // accounts", "MPs have signed a Commons motion". A joint statement is an agreement.
        "sign"
            if object.is_some_and(|o| {
                matches!(
                    parse.lemma[o].as_str(),
                    "statement" | "motion" | "form" | "cheque" | "check" | "register"
                ) && !parse
                    .children_with(o, &["amod", "compound"])
                    .any(|m| matches!(parse.lower[m].as_str(), "joint" | "common"))
            }) =>
        {
            true
        }
        // Sharing costs, a windfall, a view or the euro is no cooperation; sharing information,
        // intelligence or technology is (PLOVER COOPERATE).
        "share"
            if !object
                .or_else(|| parse.child(i, &["nsubjpass"]))
                .is_some_and(|o| SHARED_KNOWLEDGE_NOUNS.contains(&parse.lemma[o].as_str())) =>
        {
            true
        }
        // Allowing foreign investment, firms, customers or workers to do business is economic
        // policy or a firm's service ("India will allow domestic airlines to fly long haul",
        // "Easymobile will allow customers to order SIM cards"), no concession to a party;
        // allowing inspectors, aid or refugees in stays CONCEDE.
        "allow" | "permit"
            if object
                .or_else(|| parse.child(i, &["nsubjpass"]))
                .or_else(|| {
                    // "allow companies to hire": the subject of the clause allowed.
                    parse
                        .children_with(i, &["ccomp", "xcomp"])
                        .find_map(|c| parse.child(c, &["nsubj"]))
                })
                .is_some_and(|o| {
                    ALLOWED_IN_BUSINESS.contains(&parse.lemma[o].as_str())
                        || ALLOWED_IN_BUSINESS.contains(&parse.lower[o].as_str())
                }) =>
        {
            true
        }
        // Offering a service, a choice or scope describes what something provides, to buyers or
        // anyone: "Exchange Traded Funds offer an alternative way", "Wipro offers services",
        // "were obliged to offer compensation". Offering to do something stays AGREE.
        "offer"
            if parse.children_with(i, &["xcomp"]).next().is_none()
                && object.is_some_and(|o| OFFERED_GOODS.contains(&parse.lemma[o].as_str())) =>
        {
            true
        }
        // Lifting concedes when a restriction is lifted; "a weight had been lifted off her
        // shoulders", "to lift the pace of sales growth" and "lifted the inaugural prize" do not.
        // Without an object ("does not want it lifted", the parser's small clause) it stays.
        "lift"
            if !trigger.nominal
                && object
                    .or_else(|| parse.child(i, &["nsubjpass"]))
                    .is_some_and(|o| {
                        ![Some(o), parse.prep_object(o, &["of"])]
                            .into_iter()
                            .flatten()
                            .any(|t| lexicon::RESTRICTION_NOUNS.contains(&parse.lemma[t].as_str()))
                    }) =>
        {
            true
        }
        // Blocking what travels on a network or a road filters it: "Google began blocking
        // infected sites", "it blocks pop-ups", "helps to block junk messages", motorcades that
        // "blocked the traffic". Blocking roads, plans, a bid or a ban obstructs (PROTEST).
        "block"
            if object
                .or_else(|| parse.child(i, &["nsubjpass"]))
                .is_some_and(|o| BLOCKED_TRAFFIC.contains(&parse.lemma[o].as_str())) =>
        {
            true
        }
        // Appealing to buyers attracts them; an appeal asks for something ("appealed to the UN
        // for help", "appealed to the rebels to lay down their arms").
        "appeal"
            if parse.prep_object(i, &["to"]).is_some()
                && parse.prep_object(i, &["for"]).is_none()
                && parse.children_with(i, &["xcomp", "ccomp"]).next().is_none() =>
        {
            true
        }
        // Recalling envoys or troops withdraws them; recalling cars takes back goods, and
        // "Hailey later recalled" remembers.
        "recall"
            if !object
                .or_else(|| parse.child(i, &["nsubjpass"]))
                .is_some_and(|o| {
                    is_party_token(parse, o)
                        || lexicon::FORCE_NOUNS.contains(&parse.lemma[o].as_str())
                }) =>
        {
            true
        }
        // A demand or a target "was not met": nobody was met.
        "meet"
            if parse
                .child(i, &["nsubjpass"])
                .is_some_and(|s| !is_party_token(parse, s)) =>
        {
            true
        }
        // "he asked Mr Myers if he ever knew …", "asked Mr Sullivan: \"…, isn't that right?\"",
        // "failing to ask key questions": a question put, no request for anything.
        "ask" if asks_a_question(parse, i, object) => true,
        // Backing up a party supports it; backing up data or a claim does not ("few people back
        // up the data on their PC", "a claim backed up by evidence"). The parser may read "up"
        // as a preposition over the object.
        "back"
            if parse
                .children_with(i, &["prt", "prep", "advmod"])
                .find(|&u| parse.lower[u] == "up")
                .is_some_and(|up| {
                    ![
                        object,
                        parse.child(i, &["nsubjpass"]),
                        parse.child(up, &["pobj"]),
                    ]
                    .into_iter()
                    .flatten()
                    .any(|o| is_party_token(parse, o))
                }) =>
        {
            true
        }
        // "it does rather beg the question": the idiom asks nobody anything.
        "beg" if object.is_some_and(|o| parse.lemma[o] == "question") => true,
        // Meeting a rule, a target or a deadline fulfils it; nobody is met: "will meet his
        // golden economic rule". Meeting a demand stays a concession.
        "meet" if object.is_some_and(|o| MET_GOALS.contains(&parse.lemma[o].as_str())) => true,
        // Accepting an award thanks nobody for an offer, and accepting that something is so
        // grants a fact, not an offer: "accepting his award", "now accepts that nicotine is
        // harmful", "it is widely accepted that …". Accepting an offer, a deal or a plan stays.
        "accept"
            if object.is_some_and(|o| AWARD_NOUNS.contains(&parse.lemma[o].as_str()))
                || (object.is_none()
                    && parse.child(i, &["nsubjpass"]).is_none()
                    && parse.child(i, &["ccomp"]).is_some())
                || (parse.child(i, &["auxpass"]).is_some()
                    && parse.child(i, &["ccomp"]).is_some())
                // "now accept ABN Amro and BNP Paribas were not involved": the clause's subject
                // read as the object of "accept", the clause left without one.
                || parse.child(i, &["ccomp"]).is_some_and(|c| {
                    parse
                        .child(c, &["nsubj", "nsubjpass", "expl", "csubj"])
                        .is_none()
                }) =>
        {
            true
        }
        // Thanks to God, to the "you" of a speech, or to fans, cast or family are gratitude,
        // no praise of a party: "I just thank God that no-one got injured", "\"Thank you for
        // Taylor Hackford,\" said Foxx", "thanked fans for supporting the band". Thanking a
        // state or an official for its help stays SUPPORT.
        "thank"
            if object.is_none_or(|o| {
                THANKED_OUTSIDE_POLITICS.contains(&parse.lemma[o].as_str())
                    || THANKED_OUTSIDE_POLITICS.contains(&parse.lower[o].as_str())
                    || !is_party_token(parse, o)
            }) =>
        {
            true
        }
        // A warning of a risk or against a course threatens nothing of the warner's: "warned
        // Asian states could soon stop funding the deficit", "warned that the war could be
        // illegal", "warned against disunity". A warning of force, a sanction or one's own act
        // stays THREATEN ("warned that any attack would be met with force").
        "warn" if warns_of_a_risk(parse, i, object) => true,
        // Pressing one's case or claims pursues them, in court or in argument; it asks no
        // party for anything unless it is pressed on or with one: "difficult for Menatep to
        // press its case", "so that it can press claims for damages".
        "press"
            if object.is_some_and(|o| {
                PRESSED_CLAIMS.contains(&parse.lemma[o].as_str())
                    // "to press the case for keeping the embargo" argues for a course.
                    && !(parse.lemma[o] == "case"
                        && parse
                            .children_with(o, &["prep"])
                            .chain(parse.children_with(i, &["prep"]))
                            .any(|p| parse.lower[p] == "for"))
            }) && parse
                .prep_object(i, &["on", "with", "to", "upon"])
                .is_none() =>
        {
            true
        }
        // Backing away, off or out of something withdraws; it backs nobody: "convinced GM to
        // back away", "backed out of the deal".
        "back"
            if parse
                .children_with(i, &["prt", "advmod", "prep"])
                .any(|p| matches!(parse.lower[p].as_str(), "away" | "off" | "out")) =>
        {
            true
        }
        // Occupying an office holds it: "unclear who would occupy the White House".
        "occupy"
            if object.is_some_and(|o| {
                OFFICE_NOUNS.contains(&parse.lemma[o].as_str())
                    || (parse.lower[o] == "house"
                        && parse
                            .children_with(o, &["compound", "amod"])
                            .any(|m| parse.lower[m] == "white"))
            }) =>
        {
            true
        }
        // Talking about something with nobody named speaks of it, publicly or in a speech:
        // "since he was talking about skills and investment", "beginning to talk about the
        // threat of inflation". Talks with or to a party stay CONSULT.
        // Talking as the purpose of a meeting ("met Berlusconi and Schroeder to talk about
        // Turkey") is the meeting's talk and stays CONSULT.
        "talk"
            if !parse.head(i).is_some_and(|h| {
                h != i
                    && lexicon::verb_sense(&parse.lemma[h]).is_some_and(|s| s.plover == "CONSULT")
            }) && parse.children_with(i, &["prep"]).any(|p| {
                matches!(parse.lower[p].as_str(), "about" | "of")
                        // "to talk about controlling immigration", "talked about how he fell
                        // in love": a gerund or a clause is spoken of as much as a noun.
                        && parse.child(p, &["pobj", "pcomp"]).is_some()
            }) && parse.prep_object(i, &["with", "to"]).is_none()
                && object.is_none() =>
        {
            true
        }
        // Demonstrating a product, a skill or a fact shows it: "both prototypes will be
        // demonstrated at the Toyota stand", "demonstrated its commitment". Demonstrating
        // against something, or with no object, stays PROTEST.
        "demonstrate"
            if object
                .or_else(|| parse.child(i, &["nsubjpass", "ccomp"]))
                .is_some_and(|o| !is_party_token(parse, o) || parse.dep(o) == "ccomp") =>
        {
            true
        }
        // Agreeing with someone or with a view concurs, no agreement to act: "I agree with
        // Frederick Forsyth", "agreed with the NAO's assessment of fraud reporting". Agreeing
        // with a party to act, on or over something, or that something be done, and a
        // passive ("measures agreed with the US"), stay AGREE.
        "agree"
            if trigger.complement.is_none()
                // "measures agreed with the US": a reduced passive, whatever the tagger says.
                && parse.tag(i) != "VBN"
                && parse.dep(i) != "acl"
                && parse.prep_object(i, &["with"]).is_some()
                && parse
                    .child(i, &["xcomp", "ccomp", "auxpass", "nsubjpass", "advcl"])
                    .is_none()
                && parse
                    .prep_object(i, &["on", "over", "to", "about"])
                    .is_none() =>
        {
            true
        }
        // Assent to what someone said, or that something is so, concurs with a view; nobody
        // commits to act: "Mr Wallace agreed and said …", "CENTR agrees.", "FDA advisers agreed
        // the claims were based on faulty data". Agreeing that something will or should be
        // done, to act, on or to something, stays AGREE.
        "agree" if assents_to_a_statement(parse, trigger) => true,
        // Assuring someone that something is so, or reassuring them, soothes or asserts; it
        // commits to nothing: "assured Parliament that 90% of the bill was about regulation",
        // "will seek to reassure Labour MPs", "to be assured of their genius". An assurance of
        // what one will do ("assured voters he would do nothing to harm stability") stays a
        // promise (AGREE).
        "assure" | "reassure" if !assures_of_what_will_be(parse, i) => true,
        // Protesting one's innocence asserts it: "Kenteris has continually protested his
        // innocence".
        "protest"
            if object.is_some_and(|o| PROTESTED_STATES.contains(&parse.lemma[o].as_str())) =>
        {
            true
        }
        // Hosting a show, an awards night or a programme presents it: "Carson, who hosted the
        // Tonight Show", "the awards will be hosted by Ryan Seacrest". Hosting a meeting, a
        // summit or a visitor stays CONSULT.
        "host"
            if object
                .or_else(|| parse.child(i, &["nsubjpass"]))
                .or_else(|| {
                    parse
                        .child(i, &["auxpass"])
                        .and_then(|_| subject_of(parse, i))
                })
                .is_some_and(|o| {
                    std::iter::once(o)
                        .chain(parse.children_with(o, &["compound", "amod"]))
                        .any(|w| HOSTED_SHOWS.contains(&parse.lemma[w].as_str()))
                }) =>
        {
            true
        }
        // Occupying a place in a chart or in opinion is holding it: "six tracks occupying spots
        // in the top 40", "to occupy the political centre ground".
        "occupy" if object.is_some_and(|o| HELD_PLACES.contains(&parse.lemma[o].as_str())) => true,
        // A safety, a system or an investigation "compromised" is harmed, no concession made:
        // "President Musharraf's safety had not been compromised".
        "compromise"
            if object
                .or_else(|| parse.child(i, &["nsubjpass"]))
                .is_some_and(|o| !is_party_token(parse, o)) =>
        {
            true
        }
        // "battled to recover from its first recession": a struggle, no fighting, unless
        // forces fight or the aim is itself an act ("troops fought to retake the town").
        "fight" | "battle"
            if !parse
                .child(i, &["nsubj"])
                .is_some_and(|s| lexicon::FORCE_NOUNS.contains(&parse.lemma[s].as_str()))
                && parse.children_with(i, &["xcomp", "advcl"]).any(|v| {
                    !lexicon::knows_verb(&parse.lemma[v])
                        && parse
                            .children_with(v, &["aux"])
                            .any(|a| parse.lower[a] == "to")
                }) =>
        {
            true
        }
        _ => false,
    }
}

/// Words before "hit" that make it a success, not a blow: a possessive ("her hit"), a
/// word of success or of a chart ("debut", "cult", "box office", "number one", "top five").
const SUCCESS_WORDS_BEFORE_HIT: &[&str] = &[
    "his",
    "her",
    "their",
    "its",
    "my",
    "our",
    "your",
    "debut",
    "biggest",
    "big",
    "smash",
    "cult",
    "surprise",
    "office",
    "chart",
    "stage",
    "pop",
    "one",
    "five",
    "ten",
    "worldwide",
    "comedy",
    "tv",
];

/// What a hit can be beside "hit film": a work, a show or a record.
const HIT_WORKS: &[&str] = &[
    "single",
    "record",
    "show",
    "tv",
    "movie",
    "programme",
    "program",
    "track",
    "tune",
    "musical",
    "play",
    "series",
    "comedy",
    "drama",
    "sitcom",
    "album",
    "song",
    "film",
    "game",
    "franchise",
    "novel",
    "book",
];

/// Whether "hit" at `i` names a success: a work follows it ("hit film", "hit TV show") or a
/// possessive, a word of success or a decade comes before it ("her debut hit", "box office
/// hits", "Martika's 1980s hit"). The tagger reads most of these as verbs.
fn a_hit_is_a_success(parse: &Parse<'_>, i: usize) -> bool {
    let next_is_work = parse.lower.get(i + 1).is_some_and(|w| {
        HIT_WORKS.contains(&w.as_str()) || lexicon::WORK_NOUNS.contains(&w.as_str())
    });
    let before = i.checked_sub(1).map(|b| parse.lower[b].as_str());
    let decade = |w: &str| {
        w.strip_suffix('s')
            .is_some_and(|d| d.len() >= 2 && d.chars().all(|c| c.is_ascii_digit()))
            || w.strip_suffix("'s")
                .is_some_and(|d| d.len() >= 2 && d.chars().all(|c| c.is_ascii_digit()))
    };
    next_is_work || before.is_some_and(|w| SUCCESS_WORDS_BEFORE_HIT.contains(&w) || decade(w))
}

/// Whom thanks go to outside any dealing between parties: God, the "you" of a speech's
/// "Thank you", and the everyone, fans, cast and family of an award speech.
const THANKED_OUTSIDE_POLITICS: &[&str] = &[
    "god",
    "you",
    "everyone",
    "everybody",
    "all",
    "fan",
    "cast",
    "crew",
    "family",
    "team",
    "viewer",
    "listener",
    "audience",
    "member",
    "parent",
    "mother",
    "father",
    "wife",
    "husband",
];

/// Types of act that make what a warning speaks of a threat.
const HOSTILE_TYPES: &[&str] = &[
    "ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "PROTEST", "REJECT", "ACCUSE",
];

/// Whether a word names a hostile act: a lexicon verb or noun of a hostile type.
fn names_a_hostile_act(parse: &Parse<'_>, t: usize) -> bool {
    let lemma = parse.lemma[t].as_str();
    lexicon::verb_types(lemma)
        .iter()
        .any(|plover| HOSTILE_TYPES.contains(plover))
        || lexicon::noun_sense(lemma).is_some_and(|s| HOSTILE_TYPES.contains(&s.plover))
        || lexicon::FORCE_NOUNS.contains(&lemma)
}

/// Whether "warn" at `verb` warns of a risk rather than threatens: its clause says what may
/// happen ("could", "may", "might") to or by someone other than the warner and names no
/// hostile act, or it warns against something that is no party and no hostile act ("warned
/// against complacency").
fn warns_of_a_risk(parse: &Parse<'_>, verb: usize, object: Option<usize>) -> bool {
    let against = parse
        .children_with(verb, &["prep"])
        .filter(|&p| parse.lower[p] == "against")
        .flat_map(|p| {
            parse
                .children_with(p, &["pobj", "pcomp"])
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>();
    if !against.is_empty()
        && parse
            .children_with(verb, &["ccomp", "xcomp"])
            .next()
            .is_none()
        && against.iter().all(|&o| {
            parse.tag(o).starts_with("NN")
                && !is_party_token(parse, o)
                && !names_a_hostile_act(parse, o)
        })
    {
        return true;
    }
    let Some(clause) = parse.child(verb, &["ccomp"]) else {
        return false;
    };
    let possible = parse
        .children_with(clause, &["aux"])
        .any(|a| matches!(parse.lower[a].as_str(), "could" | "may" | "might"));
    // "warned Asian states could stop …": the clause's subject read as the warning's object.
    let subject = parse
        .child(clause, &["nsubj", "nsubjpass"])
        .or(object.filter(|_| {
            parse
                .child(clause, &["nsubj", "nsubjpass", "expl"])
                .is_none()
        }));
    let (lo, hi) = parse.extent[clause];
    possible
        && subject.is_some_and(|s| parse.tag(s) != "PRP")
        && !(lo..=hi).any(|t| names_a_hostile_act(parse, t))
}

/// Whether "assure" or "reassure" at `verb` assures of what will be done: a clause with "will",
/// "would" or "shall" ("assured them he would do nothing"), or an infinitive.
fn assures_of_what_will_be(parse: &Parse<'_>, verb: usize) -> bool {
    parse.child(verb, &["xcomp"]).is_some()
        || parse.children_with(verb, &["ccomp"]).any(|clause| {
            parse.children_with(clause, &["aux"]).any(|a| {
                matches!(
                    parse.lower[a].as_str(),
                    "will" | "would" | "shall" | "'ll" | "'d"
                )
            })
        })
}

/// Auxiliaries of a clause that speaks of what is to be done or may be, not of what is so.
const MODAL_WORDS: &[&str] = &[
    "will", "would", "shall", "should", "must", "can", "could", "may", "might", "'ll", "'d", "to",
];

/// Whether "agree" at the trigger assents to a statement rather than commits to act: with a
/// clause saying what is so (a finite verb, no modal, no subjunctive: "agreed the claims were
/// based on faulty data", "agree the time has come"), or with nothing at all after one
/// speaker ("CENTR agrees.", "Mr Wallace agreed and said …", "Mr Gardner agreed: \"…\"").
/// A clause of what should or will be done ("agreed that their countries should cooperate",
/// "agreed that the start date be postponed"), an infinitive, an object, a passive and an
/// agreement on, to or over something stay AGREE; so does bare agreement by several ("both
/// sides agreed"), which may be a deal struck.
fn assents_to_a_statement(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    let verb = trigger.anchor;
    if trigger.nominal
        || trigger.demand
        || trigger.promised
        || trigger.complement.is_some()
        // "measures agreed with the US", "it was agreed": passives, reduced or not.
        || parse.tag(verb) == "VBN"
        || parse.dep(verb) == "acl"
        || parse
            .child(verb, &["dobj", "xcomp", "auxpass", "nsubjpass", "dative"])
            .is_some()
        || parse
            .prep_object(verb, &["on", "over", "to", "upon", "about"])
            .is_some()
    {
        return false;
    }
    match parse.child(verb, &["ccomp"]) {
        Some(clause) => {
            let auxiliaries: Vec<usize> = std::iter::once(clause)
                .chain(parse.children_with(clause, &["aux", "auxpass", "cop"]))
                .collect();
            let finite = auxiliaries
                .iter()
                .any(|&a| matches!(parse.tag(a), "VBD" | "VBZ" | "VBP"));
            // "that the date be postponed": a subjunctive asks for an act.
            let modal_or_subjunctive = auxiliaries.iter().any(|&a| {
                MODAL_WORDS.contains(&parse.lower[a].as_str())
                    || parse.tag(a) == "MD"
                    || (a != clause && parse.tag(a) == "VB")
            });
            // "agreed whether …" or "if …" weighs a question; it states nothing.
            let questioning = parse
                .children_with(clause, &["mark"])
                .any(|m| matches!(parse.lower[m].as_str(), "if" | "whether"));
            finite && !modal_or_subjunctive && !questioning
        }
        None => {
            // Nothing agreed to or with, not even a stranded "with" ("proposals it did not
            // agree with"): one speaker's assent. Several who agree may have struck a deal.
            !parse.children_with(verb, &["prep"]).any(|p| {
                matches!(
                    parse.lower[p].as_str(),
                    "with" | "on" | "to" | "over" | "upon" | "about"
                )
            }) && subject_of(parse, verb).is_some_and(|s| {
                !matches!(parse.tag(s), "NNS" | "NNPS") && parse.child(s, &["conj"]).is_none()
            })
        }
    }
}

/// Words that make a warning a threat of what the warner will bring, though no act of the
/// lexicon names it: "warned that it would face serious consequences", "warned of
/// retaliation", "will take action".
const THREATENED_CONSEQUENCES: &[&str] = &[
    "consequence",
    "retaliation",
    "retaliate",
    "reprisal",
    "action",
    "measure",
    "response",
    "punishment",
    "punish",
    "price",
    "ultimatum",
];

/// Whether a warning ("warn", "a warning", "issued a warning") only informs or advises: its
/// sentence names no hostile act other than the warning itself (`names_a_hostile_act`), no
/// consequence the warner threatens (`THREATENED_CONSEQUENCES`) and no condition ("if",
/// "unless"). PLOVER's THREATEN is a coercive or forceful warning with serious repercussions;
/// "warned people to avoid the Microsoft program", "warn customers about scams", "warned Mr
/// Brown not to be tempted to use any extra cash", "her warnings led to the collapse of the
/// firm" threaten nothing. "warned any buyer that they would face a lifetime of litigation",
/// "could strike if ministers scrap the scheme, warn union leaders" and "warned fans that she
/// wants to hit them by banning them" stay THREATEN.
fn warns_without_threat(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    if trigger.sense.plover != "THREATEN" || trigger.demand || trigger.promised {
        return false;
    }
    let warning = std::iter::once(trigger.anchor)
        .chain(trigger.noun)
        .find(|&w| matches!(parse.lemma[w].as_str(), "warn" | "warning"));
    let Some(warning) = warning else {
        return false;
    };
    let trigger_words = trigger.first..=trigger.last;
    !sentence_tokens(parse, warning).any(|t| {
        t != warning
            && !trigger_words.contains(&t)
            && (names_a_hostile_act(parse, t)
                || THREATENED_CONSEQUENCES.contains(&parse.lemma[t].as_str())
                || matches!(parse.lower[t].as_str(), "if" | "unless"))
    })
}

/// What is pressed as one's own argument or suit.
const PRESSED_CLAIMS: &[&str] = &["case", "claim", "suit", "lawsuit", "point", "advantage"];

/// What is met when a goal is reached, not a party: a rule, a target, a deadline.
const MET_GOALS: &[&str] = &[
    "rule",
    "target",
    "deadline",
    "forecast",
    "expectation",
    "estimate",
    "requirement",
    "criterion",
    "criteria",
    "standard",
    "goal",
    "cost",
    "need",
    "obligation",
];

/// What can be destroyed, burnt or killed without an attack on a party: papers and discs,
/// bills in a legislature, game and farm animals.
const DESTROYED_HARMLESSLY: &[&str] = &[
    "record",
    "file",
    "document",
    "paper",
    "paperwork",
    "cd",
    "dvd",
    "disc",
    "email",
    "e-mail",
    "evidence",
    "bill",
    "legislation",
    "motion",
    "amendment",
    "fox",
    "deer",
    "stag",
    "hare",
    "badger",
    "rabbit",
    "bird",
];

/// What is accepted as an honour, not as an offer.
const AWARD_NOUNS: &[&str] = &[
    "award",
    "prize",
    "oscar",
    "honour",
    "honor",
    "medal",
    "trophy",
    "nomination",
    "title",
];

/// What is cancelled or frozen without sanctioning anyone: shows, and debts owed (relief).
const CANCELLED_NOT_SANCTIONED: &[&str] = &[
    "concert",
    "show",
    "tour",
    "gig",
    "screening",
    "performance",
    "premiere",
    "debt",
    "repayment",
    "payment",
];

/// Whether a verb cancels or freezes something without sanctioning anyone: a film or a concert
/// ("no plans to cancel the film"), or debts owed, which is relief ("use the cash to cancel
/// debts owed by the world's poorest nations", "freeze debts owed by tsunami-hit countries").
fn cancels_without_sanction(parse: &Parse<'_>, verb: usize) -> bool {
    matches!(parse.lemma[verb].as_str(), "cancel" | "freeze")
        && parse
            .child(verb, &["dobj"])
            .or_else(|| parse.child(verb, &["nsubjpass"]))
            .is_some_and(|o| {
                parse.ent_label(o) == "WORK_OF_ART"
                    || lexicon::WORK_NOUNS.contains(&parse.lemma[o].as_str())
                    || CANCELLED_NOT_SANCTIONED.contains(&parse.lemma[o].as_str())
            })
}

/// Whether a verb of stopping stops the doer's own course or trading: "has suspended its plan
/// to cut the agency's staff", "suspended betting", "cancelled an appearance". Read for the
/// verb itself only: a demand that another cancel its plans ("demanded that the US cancel
/// plans to sell weapons to Taiwan") stays a demand.
fn stops_its_own_course(parse: &Parse<'_>, verb: usize) -> bool {
    matches!(
        parse.lemma[verb].as_str(),
        "cancel" | "freeze" | "suspend" | "halt"
    ) && parse
        .child(verb, &["dobj"])
        .or_else(|| parse.child(verb, &["nsubjpass"]))
        .is_some_and(|o| OWN_COURSE_NOUNS.contains(&parse.lemma[o].as_str()))
}

/// A party's own course, or trading, whose suspension or cancellation sanctions nobody.
const OWN_COURSE_NOUNS: &[&str] = &[
    "plan",
    "proposal",
    "request",
    "appearance",
    "promotion",
    "betting",
    "trading",
    "share",
    "run",
    "date",
    "campaigning",
];

/// Those a firm sells to: what is offered to them is for sale. The public as customers
/// ([`THE_PUBLIC_AS_CUSTOMERS`]) and these others.
const OTHER_CUSTOMER_NOUNS: &[&str] = &[
    "consumer",
    "buyer",
    "homeowner",
    "household",
    "motorist",
    "borrower",
    "saver",
    "shareholder",
    "investor",
];

/// Whether a lemma names those a firm sells to.
fn is_customer_noun(lemma: &str) -> bool {
    THE_PUBLIC_AS_CUSTOMERS.contains(&lemma) || OTHER_CUSTOMER_NOUNS.contains(&lemma)
}

/// What states recognise in one another: a state, a government, its independence or rights.
const RECOGNISED_STATUS: &[&str] = &[
    "state",
    "country",
    "government",
    "regime",
    "republic",
    "independence",
    "sovereignty",
    "authority",
    "legitimacy",
    "right",
    "existence",
    "border",
    "annexation",
];

/// Whether "recognise" recognises a state or what a state claims: a party by name that is no
/// person, or a state, a government, its independence or its rights, as the
/// object or the passive subject. A clause ("recognised that …"), a thing recognised for
/// something or as something, and a person recognised by sight are none.
fn recognises_a_state(parse: &Parse<'_>, verb: usize) -> bool {
    if parse
        .children_with(verb, &["prep"])
        .any(|p| matches!(parse.lower[p].as_str(), "for" | "as"))
    {
        return false;
    }
    let recognised = parse.child(verb, &["dobj", "nsubjpass"]).or_else(|| {
        parse
            .child(verb, &["auxpass"])
            .and_then(|_| subject_of(parse, verb))
    });
    recognised.is_some_and(|o| {
        // A party by name but not a person ("recognise Cyprus", which the NER may call
        // anything).
        (is_party_token(parse, o) && parse.ent_label(o) != "PERSON")
            || RECOGNISED_STATUS.contains(&parse.lemma[o].as_str())
    })
}

/// What is protested as a claim about oneself, not against anyone.
const PROTESTED_STATES: &[&str] = &["innocence", "ignorance", "loyalty", "love"];

/// Shows and programmes a presenter hosts.
const HOSTED_SHOWS: &[&str] = &[
    "show",
    "award",
    "awards",
    "ceremony",
    "concert",
    "programme",
    "program",
    "countdown",
    "quiz",
    "gig",
    "festival",
];

/// Places held in a chart, a race or opinion rather than ground seized.
const HELD_PLACES: &[&str] = &["spot", "place", "slot", "ground", "top", "chart"];

/// Wars and battles, which are fought against parties even when the parse names none.
const FOUGHT_WARS: &[&str] = &[
    "war",
    "battle",
    "insurgency",
    "rebellion",
    "uprising",
    "invasion",
];

/// Whether a fight or a battle is with no party: contested "out" ("will battle it out for the
/// award"), or against what no party is — a disease, a vice, a measure ("the fight against
/// Aids", "fighting against extradition") — with no force fighting it.
fn fights_no_party(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    let i = trigger.anchor;
    if parse
        .children_with(i, &["nsubj", "poss"])
        .any(|s| lexicon::FORCE_NOUNS.contains(&parse.lemma[s].as_str()))
    {
        return false;
    }
    if !trigger.nominal
        && parse
            .children_with(i, &["prt"])
            .any(|p| parse.lower[p] == "out")
    {
        return true;
    }
    let opponent = if trigger.nominal {
        parse.prep_object(i, &["against"])
    } else {
        parse
            .child(i, &["dobj"])
            .filter(|&o| !matches!(parse.lower[o].as_str(), "it" | "them" | "him" | "her"))
            .or_else(|| parse.prep_object(i, &["against"]))
    };
    opponent.is_some_and(|o| {
        !is_party_token(parse, o)
            && !FOUGHT_WARS.contains(&parse.lemma[o].as_str())
            && !lexicon::FORCE_NOUNS.contains(&parse.lemma[o].as_str())
    })
}

/// Words of armed force and its harm: a fight, battle or clash in a sentence that names one
/// of them may be fought with arms.
const VIOLENCE_WORDS: &[&str] = &[
    "rebel",
    "militant",
    "guerrilla",
    "guerilla",
    "insurgent",
    "militia",
    "fighter",
    "gunman",
    "riot",
    "violence",
    "violent",
    "bloody",
    "kill",
    "wound",
    "injure",
    "dead",
    "death",
    "life",
    "casualty",
    "weapon",
    "gun",
    "gunfire",
    "bomb",
    "shell",
    "missile",
    "rocket",
    "grenade",
    "armed",
    "military",
    "border",
    "territory",
    "village",
    "ceasefire",
    "protester",
    "demonstrator",
    "crowd",
    "mob",
];

/// Whether a fight, battle or clash is one of words, votes, courts or markets: "The two
/// political leaders clashed", "clashed with ministers about how the heads of inquiries are
/// chosen", "vowed to fight back", "is fighting for her job", "continue the fight against
/// child poverty", "has joined a legal fight between three journalists and Apple". PLOVER's
/// ASSAULT is the use of force. It is one when the sentence names force or its harm other
/// than in the trigger (`lexicon::FORCE_NOUNS`, `FOUGHT_WARS`, `VIOLENCE_WORDS`: "clashes
/// with the police", "rebels fighting to topple his government"), or a country or a people
/// fights or is fought ("Ethnic Albanians have sworn to fight"). A war waged stays, as the
/// word is the act. A vow or a threat to fight goes with the fight.
fn fights_only_in_words(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    // A vow to fight is THREATEN, with the fight as the vow's infinitive: "vowed to fight
    // back" threatens no force when the fight is none.
    let vowed = match trigger.sense.plover {
        "ASSAULT" => None,
        "THREATEN" => parse.child(trigger.anchor, &["xcomp"]),
        _ => return false,
    };
    // "pledged to continue the fight against child poverty": the fight a light verb carries.
    let carried = vowed.and_then(|v| parse.child(v, &["dobj"]));
    let fight = [
        Some(trigger.anchor),
        trigger.noun,
        trigger.complement,
        vowed,
        carried,
    ]
    .into_iter()
    .flatten()
    .find(|&w| matches!(parse.lemma[w].as_str(), "fight" | "battle" | "clash"));
    let Some(fight) = fight else {
        return false;
    };
    let trigger_words = trigger.first..=trigger.last;
    let names_force = sentence_tokens(parse, fight).any(|t| {
        let lemma = parse.lemma[t].as_str();
        t != fight
            && !trigger_words.contains(&t)
            && ((parse.is_noun(t)
                && (lexicon::FORCE_NOUNS.contains(&lemma) || FOUGHT_WARS.contains(&lemma)))
                || VIOLENCE_WORDS.contains(&lemma))
    });
    if names_force {
        return false;
    }
    // Who fights and whom: the doer, and what the fight is with, against or between.
    let sides = subject_of(parse, fight)
        .into_iter()
        .chain(parse.possessor(fight))
        .chain(parse.child(fight, &["dobj"]))
        .chain(parse.prep_object(fight, &["with", "against", "between"]))
        .flat_map(|s| std::iter::once(s).chain(parse.children_with(s, &["conj"])))
        .collect::<Vec<_>>();
    !sides
        .iter()
        .any(|&s| matches!(parse.ent_label(s), "GPE" | "NORP"))
}

/// One's own course that one rules out or not: a comeback, a return, a date set, a rally.
const RULED_OUT_COURSES: &[&str] = &[
    "comeback",
    "return",
    "retirement",
    "date",
    "rally",
    "change",
    "move",
    "bid",
    "run",
];

/// Whether "rule out" rules out one's own course, not another's proposal: a comeback or a
/// return, a gerund of an act the lexicon does not know ("ruled out raising the state pension
/// age", "ruled out retiring"), or a person "ruled out" of a match or with an injury (a
/// passive whose subject is a person and that names no one ruling).
fn rules_out_its_own_course(parse: &Parse<'_>, verb: usize) -> bool {
    if parse.child(verb, &["auxpass"]).is_some()
        && parse.child(verb, &["agent"]).is_none()
        && parse
            .child(verb, &["nsubjpass"])
            .is_some_and(|s| parse.ent_label(s) == "PERSON")
    {
        return true;
    }
    if parse
        .child(verb, &["dobj"])
        .is_some_and(|o| RULED_OUT_COURSES.contains(&parse.lemma[o].as_str()))
    {
        return true;
    }
    parse
        .children_with(
            verb,
            &["dobj", "xcomp", "pcomp", "prep", "prt", "advcl", "ccomp"],
        )
        .flat_map(|c| std::iter::once(c).chain(parse.children_with(c, &["pcomp", "pobj"])))
        .filter(|&g| parse.tag(g) == "VBG")
        .any(|g| !lexicon::knows_verb(&parse.lemma[g]))
}

/// What one walks out of in protest: talks, a meeting, a body. Walking out of a show or a
/// hotel leaves it.
const WALKED_OUT_IN_PROTEST: &[&str] = &[
    "talk",
    "talks",
    "meeting",
    "negotiation",
    "session",
    "summit",
    "conference",
    "parliament",
    "assembly",
    "chamber",
    "government",
    "coalition",
    "debate",
    "hearing",
    "court",
    "courtroom",
    "council",
    "committee",
];

/// What a network, a filter or a crowd blocks without obstructing a party: content and
/// traffic.
const BLOCKED_TRAFFIC: &[&str] = &[
    "site", "website", "webpage", "page", "traffic", "message", "pop-up", "popup", "spam", "query",
    "visitor", "email", "e-mail", "virus", "worm", "content", "file", "program", "download",
    "signal", "advert", "ad",
];

/// Offices held, not places seized.
const OFFICE_NOUNS: &[&str] = &[
    "office",
    "post",
    "seat",
    "position",
    "presidency",
    "chair",
    "throne",
    "role",
];

/// What is given without anything changing hands or anyone being committed to a party.
const GIVEN_NOTHING: &[&str] = &[
    "boost",
    "lift",
    "fillip",
    "impetus",
    "push",
    "verdict",
    "chance",
    "reduction",
    "discount",
    "opinion",
    "indication",
    "hint",
    "view",
];

/// Whether "ask" puts a question rather than asking for something: an "if"/"whether" or
/// wh- clause, "questions" or a wh- word as object, "about" a matter, or a direct question
/// quoted after it ("asked Mr
/// Sullivan: \"…, isn't that right?\""). Asking someone to act or for something stays
/// REQUEST.
fn asks_a_question(parse: &Parse<'_>, verb: usize, object: Option<usize>) -> bool {
    // "what the government would be expected to ask for": "for" without its object too; not
    // "For Countryfile they asked …", before the verb.
    if parse.children_with(verb, &["xcomp"]).next().is_some()
        || parse
            .children_with(verb, &["prep"])
            .any(|p| p > verb && parse.lower[p] == "for")
    {
        return false;
    }
    // "ask questions", "ask more queries" of a search engine, "asked 2,234 adults the same
    // question", "will be asked which of the top five issues they would support".
    if object
        .into_iter()
        .chain(parse.children_with(verb, &["dobj", "attr"]))
        .any(|o| {
            matches!(parse.lemma[o].as_str(), "question" | "query")
                || matches!(parse.lower[o].as_str(), "what" | "which" | "who")
        })
    {
        return true;
    }
    // "was asked about his parents", "calls are not marketing if they just ask about people's
    // voting intentions".
    if parse.prep_object(verb, &["about"]).is_some() {
        return true;
    }
    let questioning_clause = parse.children_with(verb, &["ccomp", "advcl"]).any(|c| {
        parse
            .children_with(c, &["mark"])
            .any(|m| matches!(parse.lower[m].as_str(), "if" | "whether"))
            // "asked how the deal would work": a wh- word before the clause's verb.
            || parse.children[c].iter().any(|&w| {
                w < c
                    && matches!(
                        parse.lower[w].as_str(),
                        "what" | "how" | "who" | "why" | "when" | "where" | "which"
                    )
            })
    });
    if questioning_clause {
        return true;
    }
    // A direct question: a quotation after the verb ending in "?".
    let sentence = sentence_tokens(parse, verb);
    let after: Vec<usize> = (verb + 1..sentence.end).collect();
    if after
        .iter()
        .any(|&t| matches!(parse.lower[t].as_str(), ":" | ";" | "\"" | "“"))
        && after.iter().any(|&t| parse.lower[t] == "?")
    {
        return true;
    }
    // Or quoted before it: "\"Why build your own grid …?\" he asked", "How can it be right …?"
    // he asked.
    (sentence.start..verb).any(|t| parse.lower[t] == "?")
}

/// What a government's economic policy acts on.
const FISCAL_NOUNS: &[&str] = &[
    "tax",
    "taxis",
    "deficit",
    "unemployment",
    "spending",
    "budget",
    "borrowing",
    "inflation",
    "expenditure",
];

/// Who or what is allowed to do business: foreign money, firms, their customers and staff.
const ALLOWED_IN_BUSINESS: &[&str] = &[
    "investment",
    "fdi",
    "investor",
    "ownership",
    "foreigner",
    "customer",
    "consumer",
    "subscriber",
    "user",
    "worker",
    "employee",
    "employer",
    "company",
    "firm",
    "airline",
    "carrier",
    "operator",
    "bank",
    "banking",
    "insurer",
    "insurance",
    "retailer",
    "buyer",
    "seller",
    "trader",
    "trading",
    "shareholder",
    "product",
    "goods",
    "factory",
    "business",
];

/// What a firm, a product or a market offers buyers, or anything offers anyone: no commitment
/// to act.
const OFFERED_GOODS: &[&str] = &[
    "service",
    "product",
    "alternative",
    "choice",
    "option",
    "scope",
    "opportunity",
    "fit",
    "insurance",
    "compensation",
    "discount",
    "skill",
    "news",
    "hope",
    "insight",
    "glimpse",
    "way",
    "advantage",
    "benefit",
    "potential",
    "protection",
    "value",
    "return",
    "range",
    "prospect",
    "redundancy",
];

/// What parties share when they cooperate: knowledge, not costs, money or views.
const SHARED_KNOWLEDGE_NOUNS: &[&str] = &[
    "information",
    "intelligence",
    "data",
    "technology",
    "expertise",
    "knowledge",
    "know-how",
    "experience",
    "evidence",
    "finding",
    "file",
    "record",
    "detail",
    "secret",
];

/// What is published rather than freed when "released": results, figures, data, works.
const PUBLISHED_NOUNS: &[&str] = &[
    "result",
    "figure",
    "data",
    "statistic",
    "number",
    "report",
    "detail",
    "information",
    "statement",
    "estimate",
    "forecast",
    "finding",
    "record",
    "single",
    "track",
    "dvd",
    "cd",
    "game",
    "version",
    "product",
    "model",
    "edition",
    "earnings",
    "profit",
    "list",
    "trailer",
];

/// Whether the doer of an "allow" can grant a concession: a country or people named as one, a
/// pronoun (whoever it stands for), a state, authority, official or force noun, an entity
/// that holds public office or is a public body, or a name the NER did not read at all
/// ("Uzbekistan allowed the delivery of grain"), which may be any of them.
fn grants_as_an_authority(parse: &Parse<'_>, subject: usize) -> bool {
    let lemma = parse.lemma[subject].as_str();
    let unread_name = parse.tag(subject) == "NNP"
        && parse.ent_label(subject).is_empty()
        && parse.entity_at(subject).is_none();
    unread_name
        || matches!(parse.ent_label(subject), "GPE" | "NORP")
        || matches!(parse.tag(subject), "PRP" | "WP")
        || commerce::STATE_NOUNS.contains(&lemma)
        || lexicon::OFFICIAL_NOUNS.contains(&lemma)
        || lexicon::FORCE_NOUNS.contains(&lemma)
        || matches!(
            lemma,
            "authority" | "court" | "judge" | "regime" | "rebel" | "junta" | "police" | "council"
        )
        || parse.participant(subject).is_some_and(|p| {
            commerce::is_public_party(parse, &p)
                || parse
                    .entity_of(&p)
                    .is_some_and(|e| e.kind == newsfacts_doc::EntityKind::Place)
        })
}

/// What explodes in an attack.
const EXPLOSIVE_NOUNS: &[&str] = &[
    "bomb",
    "device",
    "grenade",
    "mine",
    "explosive",
    "blast",
    "bomber",
    "charge",
    "rocket",
    "shell",
    "mortar",
    "car",
    "vehicle",
    "landmine",
    "missile",
    "dynamite",
    "parcel",
];

/// Parts of the body an athlete or a performer injures, or a shot hits ("shot in the head").
const BODY_PARTS: &[&str] = &[
    "chest",
    "stomach",
    "face",
    "abdomen",
    "heart",
    "knee",
    "ankle",
    "calf",
    "hamstring",
    "back",
    "shoulder",
    "wrist",
    "bicep",
    "leg",
    "arm",
    "foot",
    "hand",
    "neck",
    "groin",
    "elbow",
    "hip",
    "thigh",
    "toe",
    "finger",
    "head",
    "ligament",
    "muscle",
    "achilles",
];

/// People who are signed: players, as sport news names them.
const SIGNED_PLAYER_NOUNS: &[&str] = &[
    "player",
    "striker",
    "defender",
    "midfielder",
    "goalkeeper",
    "keeper",
    "winger",
    "forward",
    "foreigner",
    "youngster",
    "teenager",
    "star",
];

/// Things signed that make no agreement: autographs, certificates, copies.
const SIGNED_OBJECTS: &[&str] = &["autograph", "certificate", "shirt", "copy", "ball"];

/// Whether "sign" at `i` signs a player, for a club, to a record label, or an autograph.
fn signs_a_player_or_an_artist(parse: &Parse<'_>, i: usize) -> bool {
    let object = parse.child(i, &["dobj"]);
    let a_player = object.is_some_and(|o| {
        parse.ent_label(o) == "PERSON"
            || parse
                .entity_at(o)
                .is_some_and(|e| e.kind == newsfacts_doc::EntityKind::Person)
            || SIGNED_PLAYER_NOUNS.contains(&parse.lemma[o].as_str())
            || SIGNED_OBJECTS.contains(&parse.lemma[o].as_str())
    });
    // "signed for Gloucester": a player joining a club.
    let for_a_club = object.is_none() && parse.prep_object(i, &["for"]).is_some();
    let to_a_label = parse
        .children_with(i, &["prep"])
        .filter(|&p| matches!(parse.lower[p].as_str(), "to" | "with"))
        .filter_map(|p| parse.child(p, &["pobj"]))
        .any(|o| {
            matches!(parse.lemma[o].as_str(), "label" | "club")
                || parse
                    .children_with(o, &["compound", "amod"])
                    .any(|m| parse.lemma[m] == "record")
        });
    a_player || for_a_club || to_a_label
}

/// What firms offer their customers: goods, services and their terms.
const OFFERED_FOR_SALE: &[&str] = &[
    "service",
    "product",
    "programme",
    "program",
    "content",
    "catalogue",
    "catalog",
    "speed",
    "broadband",
    "feature",
    "option",
    "model",
    "discount",
    "price",
    "rate",
    "tariff",
    "course",
    "game",
    "music",
    "video",
    "download",
    "subscription",
    "version",
    "range",
    "choice",
    "insurance",
    "mortgage",
    "pixel",
    "room",
    "flight",
    "fare",
    "software",
    "hardware",
    "drive",
    "storage",
    "search",
    "searching",
    "release",
    "handset",
    "phone",
    "device",
    "gadget",
    "upgrade",
    "bundle",
    "channel",
    "smartcard",
];

/// Nouns of people who are freed: captives, and people as the news names them.
const FREED_PEOPLE_NOUNS: &[&str] = &[
    "man",
    "woman",
    "men",
    "women",
    "person",
    "people",
    "child",
    "national",
    "citizen",
    "journalist",
    "reporter",
    "activist",
    "dissident",
    "suspect",
    "inmate",
    "convict",
    "crew",
    "sailor",
    "pilot",
    "missionary",
    "briton",
    "mayor",
];

/// Places of captivity a release is from: "released from prison", "from the US camp".
const CAPTIVITY_NOUNS: &[&str] = &[
    "prison",
    "jail",
    "gaol",
    "custody",
    "detention",
    "captivity",
    "camp",
    "cell",
];

/// Whether a release frees someone: what is released is a person or people (a captive, a
/// person's name or a pronoun for people, a number of them, "the four"), the release is from
/// captivity, a demand asks for it, or — for the noun — it is a person's ("his release").
fn frees_someone(parse: &Parse<'_>, trigger: &Trigger, released: Option<usize>) -> bool {
    if trigger.demand {
        return true;
    }
    let i = trigger.anchor;
    let from_captivity = parse.prep_object(i, &["from"]).is_some_and(|o| {
        CAPTIVITY_NOUNS.contains(&parse.lemma[o].as_str())
            || parse.ent_label(o) == "FAC"
            || parse.lower[o] == "guantanamo"
    });
    if from_captivity {
        return true;
    }
    let a_person = |o: usize| {
        let lemma = parse.lemma[o].as_str();
        let lower = parse.lower[o].as_str();
        names_people(parse, o)
            || lexicon::OFFICIAL_NOUNS.contains(&lemma)
            || FREED_PEOPLE_NOUNS.contains(&lemma)
            || parse.tag(o) == "CD"
            || matches!(
                lower,
                "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
            )
    };
    // Every object the parse gives the verb: a relative word may stand before the real one
    // ("that the US had agreed to release the four").
    if released.is_some_and(a_person)
        || (!trigger.nominal && parse.children_with(i, &["dobj", "nsubjpass"]).any(a_person))
    {
        return true;
    }
    trigger.nominal
        && parse
            .possessor(i)
            .is_some_and(|p| a_person(p) || matches!(parse.lower[p].as_str(), "his" | "her"))
}

/// Whether a phrase head names people: a person or a people named, a person's pronoun, or a
/// party, a force or a captive ("released the mayor", "Police shot two protesters").
fn names_people(parse: &Parse<'_>, o: usize) -> bool {
    let lemma = parse.lemma[o].as_str();
    matches!(parse.ent_label(o), "PERSON" | "NORP")
        || parse
            .entity_at(o)
            .is_some_and(|e| e.kind == newsfacts_doc::EntityKind::Person)
        || matches!(
            parse.lower[o].as_str(),
            "him" | "her" | "them" | "he" | "she" | "they" | "who" | "whom" | "us" | "me"
        )
        || lexicon::PARTY_NOUNS.contains(&lemma)
        || lexicon::FORCE_NOUNS.contains(&lemma)
        || lexicon::CAPTIVE_NOUNS.contains(&lemma)
}

/// Whether a phrase names something published: a work, results, figures ("growth figures",
/// "the film Black Friday", "Howl's Moving Castle").
fn is_published_work(parse: &Parse<'_>, o: usize) -> bool {
    let lemma = parse.lemma[o].as_str();
    parse.ent_label(o) == "WORK_OF_ART"
        || lexicon::WORK_NOUNS.contains(&lemma)
        || PUBLISHED_NOUNS.contains(&lemma)
        || parse
            .children_with(o, &["appos"])
            .any(|a| lexicon::WORK_NOUNS.contains(&parse.lemma[a].as_str()))
}

/// Goals and prizes that are beaten, not people: "beat profit forecasts", "beaten HSBC to the
/// deal".
const GOAL_NOUNS: &[&str] = &[
    "forecast",
    "expectation",
    "estimate",
    "target",
    "prediction",
    "record",
    "deal",
    "contract",
    "favourite",
];

/// Contests whose mention in a clause makes "beat" a win.
const CONTEST_NOUNS: &[&str] = &[
    "prize",
    "award",
    "title",
    "final",
    "match",
    "cup",
    "championship",
    "league",
    "tournament",
    "race",
    "competition",
    "nomination",
    "chart",
];

/// Whether "beat" at `verb` is winning a contest: its object a goal or a prize ("beat profit
/// forecasts"), a score beside it ("beaten 5-0"), "to" a prize or an infinitive ("beaten HSBC
/// to the deal", "beaten Depardieu to become …"), or a contest named in its clause.
fn wins_a_contest(parse: &Parse<'_>, verb: usize, object: Option<usize>) -> bool {
    let contest = |t: usize| CONTEST_NOUNS.contains(&parse.lemma[t].as_str());
    let goal = |t: usize| contest(t) || GOAL_NOUNS.contains(&parse.lemma[t].as_str());
    let (lo, hi) = parse.extent[verb];
    let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    // A score is one token ("5-0") or, where the tokenizer split it, three ("6", "-", "4").
    let score = (lo..=hi).any(|t| {
        let w = parse.lower[t].as_str();
        let mut parts = w.split(['-', '–']);
        let one_token = matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None)
            if digits(a) && digits(b));
        let split = t + 2 <= hi
            && digits(w)
            && matches!(parse.lower[t + 1].as_str(), "-" | "–")
            && digits(&parse.lower[t + 2]);
        one_token || split
    });
    object.is_some_and(|o| goal(o) || parse.ent_label(o) == "WORK_OF_ART")
        || score
        || parse
            .prep_object(verb, &["to"])
            .is_some_and(|o| goal(o) || parse.is_verb(o))
        || parse
            .children_with(verb, &["xcomp", "advcl"])
            // "beat Standard Chartered to buy Korea First": the prize a deal.
            .any(|v| {
                matches!(
                    parse.lemma[v].as_str(),
                    "become" | "win" | "take" | "claim" | "buy" | "acquire" | "purchase" | "secure"
                )
            })
        || (lo..=hi).any(contest)
        // "won best pop act, beating Anastacia", "picked up the best film award, beating Shaun
        // of the Dead": the beating done while winning.
        || (matches!(parse.dep(verb), "advcl" | "xcomp" | "conj" | "acl")
            && parse.head(verb).is_some_and(|h| {
                parse.is_verb(h)
                    && matches!(
                    parse.lemma[h].as_str(),
                    "win" | "pick" | "scoop" | "take" | "claim" | "earn" | "top" | "receive"
                )
            }))
        // "Casey beat McFadden and Rice for best live act", "the show was beaten in the
        // ratings": a prize, a poll or a chart in the sentence.
        || sentence_tokens(parse, verb)
            .any(|t| AWARD_CONTEST_WORDS.contains(&parse.lemma[t].as_str()))
}

/// Who beats people in the news, and who is beaten: "Police beat protesters", "guards beat
/// the prisoners".
const BEATERS_AND_BEATEN: &[&str] = &[
    "guard",
    "gang",
    "mob",
    "thug",
    "militia",
    "militiaman",
    "gunman",
    "attacker",
    "assailant",
    "burglar",
    "intruder",
    "officer",
    "policeman",
    "protester",
    "demonstrator",
    "inmate",
    "civilian",
];

/// Words of violence, crime or confinement that make "beat" in their sentence a beating: "waited
/// for a burglar, tied him up, beat him", "beaten while in the custody of the regiment".
const BEATING_WORDS: &[&str] = &[
    "custody", "prison", "jail", "cell", "torture", "alight", "assault", "abuse", "bruise", "riot",
    "violence", "violent", "murder", "rape", "kick", "punch", "stab", "burglar", "intruder",
    "robber", "mugger",
];

/// What people are beaten with: "beat the protesters with batons".
const BEATING_INSTRUMENTS: &[&str] = &[
    "baton",
    "truncheon",
    "stick",
    "club",
    "bat",
    "bar",
    "pipe",
    "chain",
    "cane",
    "whip",
    "belt",
    "hammer",
    "fist",
    "butt",
    "cable",
    "hose",
];

/// Whether "beat" at `verb` is a beating: beaten to death or senseless, beaten with a weapon,
/// beaten by or beating the police, soldiers, guards, prisoners or protesters, or with violence
/// or confinement named in its sentence.
fn beats_bodily(parse: &Parse<'_>, verb: usize, object: Option<usize>) -> bool {
    let lemma_in = |t: usize, list: &[&str]| list.contains(&parse.lemma[t].as_str());
    // A plural the tagger read as a name at the sentence's start keeps its "s": "Guards at the
    // camp beat …".
    let noun_in = |t: usize, list: &[&str]| {
        lemma_in(t, list)
            || parse.lower[t]
                .strip_suffix('s')
                .is_some_and(|singular| list.contains(&singular))
    };
    let (lo, hi) = parse.extent[verb];
    let to_death = parse
        .prep_object(verb, &["to"])
        .is_some_and(|o| parse.lemma[o] == "death");
    // "before beating him up": the particle the lexicon has no phrase for.
    let up = parse
        .children_with(verb, &["prt"])
        .any(|p| parse.lower[p] == "up");
    // "beaten senseless", "beat him unconscious", "beaten black and blue".
    let senseless = (lo..=hi).any(|t| {
        t > verb
            && (matches!(parse.lower[t].as_str(), "senseless" | "unconscious")
                || (parse.lower[t] == "black"
                    && parse.lower.get(t + 2).is_some_and(|w| w == "blue")))
    });
    let with_a_weapon = parse
        .prep_object(verb, &["with"])
        .is_some_and(|o| lemma_in(o, BEATING_INSTRUMENTS) || lemma_in(o, lexicon::EQUIPMENT_NOUNS));
    let parties = [
        subject_of(parse, verb),
        parse.prep_object(verb, &["by"]),
        object,
        parse.child(verb, &["nsubjpass"]),
    ];
    let violent_party = parties.into_iter().flatten().any(|p| {
        noun_in(p, lexicon::FORCE_NOUNS)
            || noun_in(p, lexicon::CAPTIVE_NOUNS)
            || noun_in(p, BEATERS_AND_BEATEN)
    });
    to_death
        || up
        || senseless
        || with_a_weapon
        || violent_party
        || sentence_tokens(parse, verb)
            .any(|t| lemma_in(t, BEATING_WORDS) || word_or_lemma_in(parse, t, REAL_VIOLENCE_WORDS))
}

/// Words of film-making that make "shoot" in their sentence filming.
const FILMING_WORDS: &[&str] = &[
    "film",
    "movie",
    "scene",
    "footage",
    "documentary",
    "episode",
    "sequel",
    "director",
    "studio",
];

/// Words of wounds and killing that keep "shoot" an attack beside words of film-making.
const WOUNDING_WORDS: &[&str] = &[
    "dead", "death", "kill", "murder", "stab", "gun", "gunman", "wound", "bullet", "police",
    "hospital", "injure", "attack", "threat", "killer",
];

/// Whether "shoot" at `verb` shoots someone: a person, people, a party or a force shot, shot at
/// or shooting, a shot to kill or that wounds ("Police shot two protesters", "the singer was
/// shot", "was shot by a gunman", "shot him dead", "shot in the head"), or a place or a target
/// shot at ("shot at the embassy"). A shot at nobody — at goal, at hoops, at game, a film shot
/// on location — is none.
fn shoots_someone(parse: &Parse<'_>, verb: usize, object: Option<usize>) -> bool {
    let being = |o: usize| {
        names_people(parse, o)
            || parse
                .entity_at(o)
                .is_some_and(|e| e.kind == newsfacts_doc::EntityKind::Group)
            || matches!(parse.lower[o].as_str(), "you" | "i" | "we")
            || BEATERS_AND_BEATEN.contains(&parse.lemma[o].as_str())
            || parse.lower[o].ends_with("men")
    };
    let place = |o: usize| {
        matches!(parse.ent_label(o), "GPE" | "LOC" | "FAC" | "ORG")
            || lexicon::TARGET_NOUNS.contains(&parse.lemma[o].as_str())
    };
    // The one shot: the object, the passive subject ("the singer was shot"), the subject of a
    // clause the participle completes ("have both been shot"), the noun it describes ("the man
    // shot by police"), or what is shot "at" or "on".
    let shot = [
        object,
        parse.child(verb, &["nsubjpass"]),
        parse
            .child(verb, &["auxpass"])
            .and_then(|_| subject_of(parse, verb)),
        parse
            .head(verb)
            .filter(|_| matches!(parse.dep(verb), "acl" | "relcl")),
        // "shot and killed three policemen": the object the verbs share, parsed on the last.
        parse
            .children_with(verb, &["conj"])
            .find_map(|v| parse.child(v, &["dobj"])),
    ];
    let shot_at = parse.prep_object(verb, &["at", "on"]);
    let (lo, hi) = parse.extent[verb];
    let to_kill = parse
        .children_with(verb, &["xcomp", "advcl"])
        .any(|v| matches!(parse.lemma[v].as_str(), "kill" | "wound" | "maim"));
    let wounds = (lo..=hi).any(|t| {
        t > verb
            && (matches!(parse.lower[t].as_str(), "dead" | "fatally")
                || (BODY_PARTS.contains(&parse.lemma[t].as_str())
                    && t > 0
                    && parse.lower[t - 1] == "the"))
    });
    // "whereas Hotel Rwanda was shot mostly in South Africa, with some scenes made in Kigali":
    // filming, whatever the NER makes of the title, unless the sentence tells of a wound ("Van
    // Gogh was shot and stabbed … following death threats about his film").
    let sentence = || sentence_tokens(parse, verb);
    if !wounds
        && sentence().any(|t| FILMING_WORDS.contains(&parse.lemma[t].as_str()))
        && !sentence().any(|t| WOUNDING_WORDS.contains(&parse.lemma[t].as_str()))
    {
        return false;
    }
    // "was shot … by suspected serial killer Andrew Cunanan": someone shot by someone.
    let shooter = parse.prep_object(verb, &["by"]).filter(|&o| being(o));
    shot.into_iter().flatten().any(being)
        || shooter.is_some()
        || shot_at.is_some_and(|o| being(o) || place(o))
        || to_kill
        || wounds
}

/// Words of prizes, polls and charts that make "beat" in their sentence a win, not force.
const AWARD_CONTEST_WORDS: &[&str] = &[
    "award",
    "prize",
    "nomination",
    "nominate",
    "chart",
    "poll",
    "rating",
    "ratings",
    "category",
    "ceremony",
    "oscar",
    "bafta",
    "grammy",
    "brit",
    "emmy",
    "vote",
];

/// Disasters, diseases and accidents: what kills without anyone attacking.
const DISASTER_NOUNS: &[&str] = &[
    "earthquake",
    "quake",
    "tsunami",
    "wave",
    "flood",
    "flooding",
    "storm",
    "hurricane",
    "cyclone",
    "typhoon",
    "tornado",
    "wildfire",
    "blaze",
    "disease",
    "illness",
    "cancer",
    "virus",
    "epidemic",
    "outbreak",
    "cholera",
    "malaria",
    "flu",
    "influenza",
    "tuberculosis",
    "famine",
    "drought",
    "avalanche",
    "landslide",
    "mudslide",
    "heatwave",
    "accident",
    "crash",
    "disaster",
    "eruption",
    "lightning",
    "hiv",
    "aids",
];

/// Whether a verb of force is done by a disaster, a disease or an accident: its subject ("the
/// hurricanes battered Florida"), the thing a "which" or "that" clause describes ("the waves
/// which killed more than 30,000 people"), its passive agent ("were killed by disease") or what
/// it follows ("have been killed following a massive earthquake"), or by the dead themselves
/// ("killed himself"). The dead of a disaster or of suicide are no ASSAULT.
fn done_by_a_disaster(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    if trigger.nominal || trigger.sense.plover != "ASSAULT" {
        return false;
    }
    let verb = trigger.anchor;
    let relative_antecedent = parse
        .child(verb, &["nsubj"])
        .filter(|&s| matches!(parse.lower[s].as_str(), "which" | "that"))
        .filter(|_| parse.dep(verb) == "relcl")
        .and_then(|_| parse.head(verb));
    // "the nations battered by giant waves": a reduced relative is passive too.
    let passive = parse.child(verb, &["auxpass", "nsubjpass"]).is_some()
        || (parse.dep(verb) == "acl" && parse.tag(verb) == "VBN");
    let agent = passive
        .then(|| parse.prep_object(verb, &["by", "in", "following", "after", "during"]))
        .flatten();
    // "Orla killed about 4,000 people and destroyed 80,000 homes": a conjunct's subject is its
    // first verb's; so is a participle's that follows it ("HIV is decimating African
    // countries, killing the most productive adults").
    let subject = parse.child(verb, &["nsubj"]).or_else(|| {
        (parse.dep(verb) == "conj" || (parse.dep(verb) == "advcl" && parse.tag(verb) == "VBG"))
            .then(|| parse.head(verb).and_then(|h| parse.child(h, &["nsubj"])))
            .flatten()
    });
    // "he has killed himself": a death by one's own hand is no act between parties ("killed
    // themselves and 20 soldiers" is one).
    let oneself = parse.child(verb, &["dobj"]).is_some_and(|o| {
        REFLEXIVE_WORDS.contains(&parse.lower[o].as_str())
            && parse.children_with(o, &["conj"]).next().is_none()
    });
    oneself
        || [subject, relative_antecedent, agent]
            .into_iter()
            .flatten()
            .any(|d| word_or_lemma_in(parse, d, DISASTER_NOUNS) || names_a_disaster(parse, d))
}

/// Titles a disaster is named with: "Hurricane Mitch", "Typhoon Tokage".
const DISASTER_TITLES: &[&str] = &["Hurricane", "Typhoon", "Cyclone", "Tropical Storm"];

/// Whether the proper noun at `d` is the name the article gives a disaster ("Mitch killed about
/// 10,000 people" after "Hurricane Mitch").
fn names_a_disaster(parse: &Parse<'_>, d: usize) -> bool {
    let Some(name) = parse.doc.text.get(parse.toks[d].start..parse.toks[d].end) else {
        return false;
    };
    parse.tag(d) == "NNP"
        && DISASTER_TITLES
            .iter()
            .any(|title| parse.doc.text.contains(&format!("{title} {name}")))
}

/// What is examined as a paper, not investigated as a party.
const STUDIED_NOUNS: &[&str] = &[
    "proposal",
    "bid",
    "offer",
    "plan",
    "option",
    "request",
    "application",
    "aid",
    "idea",
    "report",
    "evidence",
    "figure",
    "data",
];

/// Crimes and errors that are committed.
const CRIME_NOUNS: &[&str] = &[
    "fraud",
    "crime",
    "offence",
    "offense",
    "murder",
    "suicide",
    "perjury",
    "atrocity",
    "abuse",
    "theft",
    "sin",
    "error",
    "mistake",
    "foul",
    "fault",
    "blunder",
    "violation",
    "breach",
    "infringement",
    "infraction",
    "robbery",
    "burglary",
    "genocide",
    "treason",
    "felony",
    "misconduct",
];

/// Words of wrongdoing or blame that make a claim an accusation.
const WRONG_WORDS: &[&str] = &[
    "illegal",
    "illegally",
    "unlawful",
    "unfair",
    "unfairly",
    "wrong",
    "mistake",
    "error",
    "fraud",
    "corrupt",
    "corruption",
    "abuse",
    "violate",
    "violation",
    "breach",
    "punish",
    "punishment",
    "target",
    "campaign",
    "steal",
    "theft",
    "rig",
    "cheat",
    "mislead",
    "fail",
    "failure",
    "lie",
    "conceal",
    "cover",
    "manipulate",
    "fabricate",
    "artificially",
    "collude",
    "conspire",
    "front",
    "undervalue",
    "overstate",
    "bias",
    "responsible",
    "blame",
    "behind",
    "kill",
    "attack",
    "torture",
    "hide",
    "owe",
    "false",
    "inflate",
    "rigging",
    "infringe",
    "politically",
    "flawed",
    "illegitimate",
    "crime",
    "criminal",
    "bribe",
    "bribery",
    "smuggle",
    "discriminate",
    "harass",
    "persecute",
];

/// Whether a claim's clause only asserts: its subject is the claimant itself ("Yukos claimed it
/// had transferred …"), or it names no other party and no wrong ("the assessment was a
/// positive one", "taxes need to rise"). A negation or a word of wrongdoing makes it an
/// accusation ("the auction was illegal", "has not done enough").
fn asserts_without_accusing(parse: &Parse<'_>, verb: usize, clause: usize) -> bool {
    let claimant = subject_of(parse, verb).and_then(|s| parse.participant(s));
    let subject = parse.child(clause, &["nsubj", "nsubjpass"]);
    let party_of_subject = subject.and_then(|s| parse.participant(s));
    if let (Some(claimant), Some(said)) = (&claimant, &party_of_subject)
        && claimant.name == said.name
    {
        return true;
    }
    let names_a_party = subject.is_some_and(|s| is_party_token(parse, s) && parse.can_be_party(s))
        || subject
            .and_then(|s| parse.possessor(s))
            .is_some_and(|p| is_party_token(parse, p) && parse.can_be_party(p));
    let (lo, hi) = parse.extent[clause];
    let wrong = (lo..=hi).any(|t| {
        parse.dep(t) == "neg"
            || matches!(
                parse.lower[t].as_str(),
                "not" | "never" | "no" | "neither" | "nor" | "nothing"
            )
            || word_or_lemma_in(parse, t, WRONG_WORDS)
    });
    // A party said to do a hostile act is accused of it ("claimed that ISIL had attacked
    // Iraq"); a party said to do business or policy is not ("claimed that the firms will join
    // up", "claims Gordon Brown will need to raise $10bn").
    let hostile = (lo..=hi).any(|t| {
        let sense = if parse.is_verb(t) {
            lexicon::verb_sense(&parse.lemma[t])
        } else {
            lexicon::noun_sense(&parse.lemma[t])
        };
        sense.is_some_and(|s| {
            matches!(
                s.plover,
                "ASSAULT" | "COERCE" | "THREATEN" | "SANCTION" | "ACCUSE" | "PROTEST" | "MOBILIZE"
            )
        })
    });
    !(wrong || (names_a_party && hostile))
}

/// Goods that are ordered from a maker.
const PURCHASED_NOUNS: &[&str] = &[
    "plane",
    "aircraft",
    "jet",
    "airliner",
    "car",
    "vehicle",
    "ship",
    "card",
    "product",
    "goods",
    "copy",
    "unit",
    "model",
    "engine",
    "part",
    "equipment",
    "computer",
    "phone",
];

/// Whether a verb trigger is a word of a name: "Ask" in "Ask Jeeves has become the third
/// leading online search firm".
fn trigger_is_a_name(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    let i = trigger.anchor;
    // A verb the article capitalises after the start of a sentence, before a proper noun, is
    // written as a name ("Neither Ask Jeeves nor Doubleclick"; not "Thank you").
    let word = parse
        .doc
        .text
        .get(parse.toks[i].start..parse.toks[i].end)
        .unwrap_or("");
    !trigger.nominal
        && (matches!(parse.tag(i), "NNP" | "NNPS")
            || matches!(
                parse.ent_label(i),
                "ORG" | "PRODUCT" | "WORK_OF_ART" | "PERSON"
            )
            || (word.chars().next().is_some_and(char::is_uppercase)
                && parse.proper_words.contains(word)
                && i + 1 < parse.toks.len()
                && matches!(parse.tag(i + 1), "NNP" | "NNPS")))
}

/// Whether a demand ("X said Y must do Z") is made of the speaker's own side or the listener:
/// "we should seek a solution", "I should assume", "you should ask the company" state an
/// intention or give advice; nobody is asked.
fn demands_of_oneself(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    trigger.demand
        && parse
            .child(trigger.anchor, &["nsubj"])
            .is_some_and(|s| matches!(parse.lower[s].as_str(), "i" | "we" | "you"))
}

/// Whether a demand ("X said Y must do Z") asks nothing of a party: a passive whose subject
/// cannot act, belongs to no party and has no one named to act ("the economy must be assessed",
/// "this film should
/// be judged on its merit", "2,500 new jobs should be created"), a judgement of the past
/// ("firms should not have been allowed to cut premiums"), or a condition ("should the offer be
/// accepted, …").
fn demands_nothing_of_a_party(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    if !trigger.demand {
        return false;
    }
    let i = trigger.anchor;
    let modal = parse
        .children_with(i, &["aux"])
        .find(|&a| matches!(parse.lower[a].as_str(), "must" | "should"));
    let subject = parse.child(i, &["nsubj", "nsubjpass"]);
    let condition = modal.zip(subject).is_some_and(|(m, s)| m < s);
    let past = parse
        .children_with(i, &["aux"])
        .any(|a| parse.lemma[a] == "have");
    // "the company's stake should be cut" still concerns the company.
    let passive_of_no_party = parse.child(i, &["nsubjpass"]).is_some_and(|s| {
        !is_party_token(parse, s)
            && !parse
                .possessor(s)
                .is_some_and(|owner| is_party_token(parse, owner))
    }) && parse.child(i, &["agent"]).is_none();
    condition || past || passive_of_no_party
}

/// Verbs of mind or feeling: what someone "should know" or "must realise" is a judgement of
/// them, no act demanded ("the first minister should know by now", "people should enjoy them").
const VERBS_OF_MIND: &[&str] = &[
    "know",
    "realise",
    "realize",
    "understand",
    "believe",
    "expect",
    "think",
    "wonder",
    "enjoy",
    "feel",
    "seem",
    "appear",
    "like",
    "love",
    "hope",
    "deserve",
    "recognise",
    "recognize",
    "remember",
];

/// Verbs of opinion whose "should" is an opinion, not a demand: "I think he should stick to his
/// guns", "only 40% think she should become Princess Consort".
const VERBS_OF_OPINION: &[&str] = &["think", "feel", "reckon", "suppose", "guess", "imagine"];

/// Whether a demand ("X said Y must do Z") demands no act of a party: Y is to know, feel or
/// enjoy something (`VERBS_OF_MIND`); the demand is an opinion (`VERBS_OF_OPINION`, or
/// "believe" said by the speaker, people at large or a poll's share); or Y is the public
/// ("warned that people should stay alert", "customers should change all default settings").
fn demands_no_act(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    if !trigger.demand {
        return false;
    }
    let i = trigger.anchor;
    if VERBS_OF_MIND.contains(&parse.lemma[i].as_str()) {
        return true;
    }
    let opinion = parse.head(i).is_some_and(|h| {
        let holder = parse.child(h, &["nsubj"]);
        let anyone = holder.is_some_and(|s| {
            matches!(
                parse.lower[s].as_str(),
                "i" | "we" | "people" | "many" | "most" | "some" | "%" | "percent" | "cent"
            ) || parse.tag(s) == "CD"
        });
        VERBS_OF_OPINION.contains(&parse.lemma[h].as_str())
            || (parse.lemma[h] == "believe" && anyone)
    });
    let of_the_public = parse.child(i, &["nsubj", "nsubjpass"]).is_some_and(|s| {
        let lemma = parse.lemma[s].as_str();
        lemma == "people" || lemma == "public" || THE_PUBLIC_AS_CUSTOMERS.contains(&lemma)
    });
    opinion || of_the_public
}

/// People who comment on markets and policy: what they welcome, criticise or accept is
/// commentary, no act of a party ("analysts welcomed the Fed's move", "most economists accept").
const COMMENTATOR_NOUNS: &[&str] = &[
    "analyst",
    "economist",
    "commentator",
    "observer",
    "expert",
    "pundit",
    "strategist",
    "forecaster",
];

/// Whether an event's actor is a phrase headed by a commentator noun, or a person the article
/// names as an analyst or economist ("Ian Fogg, broadband analyst at Jupiter Research, agreed
/// that the Mac mini could be very popular"). Not an "expert" or "observer" by role: "turnaround
/// expert Enrico Bondi" sues as the company's administrator.
fn done_by_commentators(parse: &Parse<'_>, event: &Event) -> bool {
    let headed_by = |phrase: &str, nouns: &[&str]| {
        phrase.rsplit(' ').next().is_some_and(|head| {
            let head = head.to_lowercase();
            let singular = head.strip_suffix('s').unwrap_or(&head);
            nouns.contains(&singular)
        })
    };
    event.actor.as_ref().is_some_and(|actor| {
        headed_by(&actor.name, COMMENTATOR_NOUNS)
            || parse.entity_of(actor).is_some_and(|entity| {
                entity.kind == EntityKind::Person
                    && entity.roles.iter().any(|role| {
                        // "market analyst at the Radicati Group": the noun before the phrase.
                        let noun_phrase = [" at ", " of ", " for ", " with ", " in ", " from "]
                            .iter()
                            .filter_map(|p| role.text.find(p))
                            .min()
                            .map_or(role.text.as_str(), |end| &role.text[..end]);
                        headed_by(noun_phrase, COMMENTATOR_NOUNS)
                            && !headed_by(noun_phrase, &["expert", "observer"])
                    })
            })
    })
}

/// Words in the name of a body whose members are states or parties of their own: its meetings
/// are consultations among them ("the Security Council", "the Paris Club", "G7 Group").
const BODY_OF_MEMBERS_WORDS: &[&str] = &[
    "council",
    "club",
    "union",
    "nations",
    "summit",
    "assembly",
    "forum",
    "conference",
    "group",
    "alliance",
    "league",
    "organisation",
    "organization",
    "community",
];

/// Heads of phrases naming one body's own meeting: "the board of Man Utd is expected to meet".
const ONE_BODY_NOUNS: &[&str] = &["board", "committee", "panel", "management"];

/// Whether a meeting is one body's own: its one party is an organisation that is not a body of
/// states or members ("the latest meeting of the Bank of England", "the US Federal Reserve
/// meets on Tuesday", "the board is expected to meet"). CONSULT is between parties.
fn a_meeting_inside_one_body(parse: &Parse<'_>, trigger: &Trigger, event: &Event) -> bool {
    if event.plover != "CONSULT" {
        return false;
    }
    // A general, annual or board meeting is a firm's or a body's own, whoever calls for it:
    // "called for the exchange to hold an emergency general meeting".
    let meeting = std::iter::once(trigger.anchor)
        .chain(trigger.noun)
        .find(|&m| parse.lemma[m] == "meeting");
    if meeting.is_some_and(|m| {
        parse.children_with(m, &["amod", "compound"]).any(|w| {
            matches!(
                parse.lemma[w].as_str(),
                "general" | "annual" | "board" | "shareholder" | "shareholders"
            )
        })
    }) {
        return true;
    }
    if !matches!(parse.lemma[trigger.anchor].as_str(), "meet" | "meeting") {
        return false;
    }
    let body = match (&event.actor, &event.recipient) {
        (Some(one), None) | (None, Some(one)) => one,
        (Some(actor), Some(recipient)) if actor.name == recipient.name => actor,
        _ => return false,
    };
    let entity = parse.entity_of(body);
    match entity {
        Some(entity) => {
            let words: Vec<String> = entity
                .name
                .split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .collect();
            entity.kind == newsfacts_doc::EntityKind::Organisation
                && !words.iter().any(|w| {
                    BODY_OF_MEMBERS_WORDS.contains(&w.as_str())
                        || commerce::STATE_BODIES.contains(&w.as_str())
                        || (w.len() >= 2
                            && w.starts_with('g')
                            && w[1..].chars().all(|c| c.is_ascii_digit()))
                })
        }
        None => body
            .name
            .rsplit(' ')
            .next()
            .is_some_and(|head| ONE_BODY_NOUNS.contains(&head.to_lowercase().as_str())),
    }
}

/// Those who meet for different sides, so that several of them meeting is a meeting between
/// parties: "EU finance ministers are meeting in Brussels", "both sides agreed to begin talks".
const SIDES_NOUNS: &[&str] = &[
    "minister",
    "leader",
    "official",
    "side",
    "country",
    "nation",
    "state",
    "government",
    "party",
    "negotiator",
    "diplomat",
    "envoy",
    "ambassador",
    "delegation",
    "delegate",
    "president",
    "premier",
    "counterpart",
    "power",
];

/// What is negotiated or discussed between parties even when only one of them is named:
/// "the government had been negotiating the return of the detainees".
const SETTLED_BETWEEN_PARTIES: &[&str] = &[
    "return",
    "release",
    "deal",
    "peace",
    "ceasefire",
    "truce",
    "treaty",
    "accord",
    "settlement",
    "agreement",
    "withdrawal",
    "exchange",
    "handover",
];

/// Whether a consultation's side is the public as a firm's market knows it — "people" with no
/// word saying whose, customers, users, subscribers, tourists (`THE_PUBLIC_AS_CUSTOMERS`): "Skype
/// allows people to make free calls to other Skype users", "services which let people meet and
/// chat", "the two million tourists who visit Cuba every year". Calls, talks, meetings and
/// visits among them are no PLOVER act between parties.
fn consults_the_public(event: &Event) -> bool {
    if event.plover != "CONSULT" {
        return false;
    }
    [&event.actor, &event.recipient]
        .into_iter()
        .flatten()
        .any(|p| {
            let name = p.name.to_lowercase();
            let head = name.rsplit(' ').next().unwrap_or("");
            let singular = head.strip_suffix('s').unwrap_or(head);
            name == "people" || THE_PUBLIC_AS_CUSTOMERS.contains(&singular)
        })
}

/// Customers that are never states: consumers and buyers can be countries ("Asia's biggest
/// energy consumers - China, India, Japan").
const THE_PUBLIC_AS_CUSTOMERS: &[&str] = &[
    "customer",
    "tourist",
    "holidaymaker",
    "user",
    "subscriber",
    "viewer",
    "listener",
    "reader",
    "shopper",
    "passenger",
    "client",
    "gamer",
];

/// Whether a meeting, a discussion or a visit has one side only: a verb of CONSULT with no
/// other party found, no "with", "between", "among" or "to" on it, done by one person or body
/// or by several of one body ("Journalists at the firm met to discuss how to react", "a
/// committee of the Army Board will discuss plans", "the government had not consulted on its
/// plans", "a team of officials were due to visit"). CONSULT is between parties (PLOVER).
/// Several sides ("EU finance ministers are meeting", "both sides", "X and Y"), a country, a
/// body of states or members ("the European Union will decide whether to start entry talks"),
/// "they" or "we", mediation, and talks on what passes between parties ("negotiating the
/// return of the detainees") stay; so do event nouns ("Turkey's accession talks"), whose
/// other side is often the sentence's topic.
fn consults_no_other_side(parse: &Parse<'_>, trigger: &Trigger, event: &Event) -> bool {
    // "a committee will discuss the plans" is coded as an intention (AGREE) to consult: the
    // trigger's own sense is what has one side.
    if trigger.sense.plover != "CONSULT"
        || event.recipient.is_some()
        || trigger.nominal
        || trigger.demand
        || trigger.promised
    {
        return false;
    }
    let verb = trigger.anchor;
    if matches!(parse.lemma[verb].as_str(), "mediate" | "broker") {
        return false;
    }
    let words: Vec<usize> = std::iter::once(verb).chain(trigger.noun).collect();
    if words.iter().any(|&w| {
        parse.children_with(w, &["prep"]).any(|p| {
            matches!(
                parse.lower[p].as_str(),
                "with" | "between" | "among" | "amongst" | "to"
            )
        })
    }) {
        return false;
    }
    // What is talked over: an act between parties keeps the talks between them.
    let topics = words.iter().flat_map(|&w| {
        parse
            .children_with(w, &["dobj"])
            .chain(parse.prep_object(w, &["on", "about", "over", "of"]))
            .collect::<Vec<_>>()
    });
    if topics.into_iter().any(|o| {
        let lemma = parse.lemma[o].as_str();
        SETTLED_BETWEEN_PARTIES.contains(&lemma) || lexicon::noun_sense(lemma).is_some()
    }) {
        return false;
    }
    let Some(subject) = subject_of(parse, verb) else {
        return false;
    };
    let lemma = parse.lemma[subject].as_str();
    let lower = parse.lower[subject].as_str();
    let several_sides = parse.child(subject, &["conj"]).is_some()
        || (matches!(parse.tag(subject), "NNS" | "NNPS") && SIDES_NOUNS.contains(&lemma))
        || matches!(lower, "they" | "we" | "both" | "all");
    let a_state_or_members = matches!(parse.ent_label(subject), "GPE" | "NORP")
        || parse.entity_at(subject).is_some_and(|entity| {
            entity.name.split_whitespace().any(|w| {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                BODY_OF_MEMBERS_WORDS.contains(&w.as_str())
            })
        });
    !several_sides && !a_state_or_members
}

/// Words of the courts: a fight, battle or clash among them is a lawsuit.
const LEGAL_WORDS: &[&str] = &[
    "court",
    "law",
    "legal",
    "lawsuit",
    "judge",
    "trial",
    "tribunal",
    "bankruptcy",
    "litigation",
    "lawyer",
    "courtroom",
];

/// What is attacked or fought over in business, not in war: "the assault on Yukos' finances",
/// "mounting a fight for market share", "killing demand", "hijack the subsidy".
const TRADE_TARGET_NOUNS: &[&str] = &[
    "finance", "finances", "demand", "market", "subsidy", "business", "economy", "plan", "deal",
    "survival", "customer", "sale", "share", "price", "profit",
];

/// Whether a fight, battle, clash or attack is a lawsuit or a market's rivalry: a word of the
/// courts in the trigger's clause ("we will fight them where the rule of law exists", "a legal
/// battle"), or what is attacked or fought for a thing of trade ("the assault on Yukos'
/// finances", "a fight for market share").
fn a_fight_in_court_or_market(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    // An attack on a plan or a policy is criticism, coded ACCUSE further on ("attacked the
    // Tory plans"), though a plan is also a thing of trade.
    if trigger.sense.plover != "ASSAULT" || attacks_an_idea(parse, trigger) {
        return false;
    }
    let i = trigger.anchor;
    if !matches!(
        parse.lemma[i].as_str(),
        "fight" | "battle" | "clash" | "war" | "attack" | "assault" | "destroy" | "hijack" | "kill"
    ) {
        return false;
    }
    let (lo, hi) = parse.extent[i];
    let legal = matches!(
        parse.lemma[i].as_str(),
        "fight" | "battle" | "clash" | "war"
    ) && (lo..=hi).any(|t| LEGAL_WORDS.contains(&parse.lemma[t].as_str()));
    let target = parse
        .child(i, &["dobj"])
        .into_iter()
        .chain(parse.prep_object(i, &["on", "for", "over"]))
        .any(|o| {
            !is_party_token(parse, o)
                && (TRADE_TARGET_NOUNS.contains(&parse.lemma[o].as_str())
                    || lexicon::ECONOMIC_NOUNS.contains(&parse.lemma[o].as_str()))
        });
    legal || target
}

/// Words of sport reports: matches, races, their players and results.
const SPORT_WORDS: &[&str] = &[
    "goal",
    "match",
    "striker",
    "midfielder",
    "defender",
    "keeper",
    "goalkeeper",
    "penalty",
    "referee",
    "league",
    "cup",
    "championship",
    "champion",
    "tournament",
    "semi-final",
    "quarter-final",
    "medal",
    "olympic",
    "olympics",
    "athlete",
    "athletics",
    "sprint",
    "sprinter",
    "marathon",
    "hurdle",
    "hurdles",
    "relay",
    "squad",
    "coach",
    "fixture",
    "wicket",
    "innings",
    "batsman",
    "bowler",
    "tennis",
    "football",
    "rugby",
    "cricket",
    "golf",
    "premiership",
    "uefa",
    "fifa",
    "iaaf",
    "seed",
    "match",
    "scored",
    "score",
    "half-time",
    "try",
    "player",
    "team",
    "season",
    "title",
    "victory",
    "defeat",
    "win",
    "won",
    "final",
    "race",
    "stadium",
    "fan",
    "club",
    "game",
    // Words of match and athletics reports short enough to name few of the above: "blocked
    // his header", "the club's top scorer", "the indoor 60m hurdles".
    "ball",
    "header",
    "scorer",
    "winger",
    "trophy",
    "replay",
    "hurdler",
    "flanker",
    "fly-half",
    "indoor",
    // Words only a match report uses, for reports that tell the play rather than name the
    // competition: "fired just wide from a free-kick", "looked suspiciously offside".
    "free-kick",
    "offside",
    "substitute",
    "subs",
    "first-half",
    "second-half",
    "hat-trick",
    "equaliser",
    "bookable",
    "stoppage",
];

/// How many sport words a report of at least `SHORT_REPORT_SENTENCES` sentences needs, when it
/// has fewer than the eight a longer one needs: short news of a player's injury, a transfer or
/// a withdrawal names only a handful ("Duff has been ruled out of the clash with Barcelona").
const SHORT_REPORT_SPORT_WORDS: usize = 4;
const SHORT_REPORT_SENTENCES: usize = 3;

/// Whether a document reads as a sport report: sport words make at least one word in forty and
/// there are at least eight of them, or four in a report of three sentences or more. A single
/// sentence never is one, so a GSR or PETR2 record is never read as sport.
fn is_a_sport_report(parse: &Parse<'_>) -> bool {
    let (sport, words) = words_of_a_field(parse, SPORT_WORDS);
    let enough = sport >= 8
        || (sport >= SHORT_REPORT_SPORT_WORDS
            && parse.doc.sentences.len() >= SHORT_REPORT_SENTENCES);
    enough && sport * 40 >= words
}

/// How many of a document's words belong to a field's list (by form or lemma), and how many
/// words it has.
fn words_of_a_field(parse: &Parse<'_>, field: &[&str]) -> (usize, usize) {
    let words = parse
        .lower
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let in_field = (0..parse.toks.len())
        .filter(|&t| word_or_lemma_in(parse, t, field))
        .count();
    (in_field, words)
}

/// Words of film, music, television, books and video games: their works, makers, charts and
/// prizes.
const ARTS_WORDS: &[&str] = &[
    "film",
    "movie",
    "album",
    "band",
    "singer",
    "actor",
    "actress",
    "chart",
    "concert",
    "gig",
    "tour",
    "festival",
    "oscar",
    "grammy",
    "bafta",
    "song",
    "cinema",
    "soundtrack",
    "sitcom",
    "comedy",
    "drama",
    "novel",
    "theatre",
    "musical",
    "rapper",
    "guitarist",
    "drummer",
    "hollywood",
    "premiere",
    "nominate",
    "nomination",
    "ceremony",
    "music",
    "pop",
    "rock",
    "dvd",
    "comedian",
    "presenter",
    "director",
    "star",
    "starring",
    "studio",
    "single",
    "label",
    "episode",
    "series",
    "show",
    "audience",
    "fan",
    "viewer",
    // Video games, reviewed and sold as films and albums are.
    "game",
    "gamer",
    "gameplay",
    "console",
    "xbox",
    "playstation",
    "nintendo",
    "graphics",
];

/// Whether a document reads as a page of the arts — a film, a band, a show, their prizes: arts
/// words make at least one word in forty and there are at least eight of them. Over all BBC
/// articles this holds for three in four entertainment pages and no politics page; a single
/// sentence never is one.
fn is_an_arts_report(parse: &Parse<'_>) -> bool {
    let (arts, words) = words_of_a_field(parse, ARTS_WORDS);
    arts >= 8 && arts * 40 >= words
}

/// Words that make an act in a sport report a real one: crime, the police, the courts.
const REAL_VIOLENCE_WORDS: &[&str] = &[
    "police",
    "arrest",
    "arrested",
    "charged",
    "court",
    "riot",
    "violence",
    "racist",
    "hooligan",
    "murder",
    "stab",
    "stabbed",
    "bomb",
    "terrorist",
    "soldier",
    "troops",
    "war",
    "ambush",
    "ambushed",
    "trouble",
    "hospital",
    "violent",
    "thug",
];

/// Doping, the law and public money in a sport or an arts report: what makes an accusation, a
/// denial or a request there one that PLOVER codes ("indicted", "denied claims that he faked a
/// crash to avoid a doping test", "the minister urged the FA").
const LAW_AND_STATE_WORDS: &[&str] = &[
    "drug",
    "doping",
    "dope",
    "steroid",
    "prosecutor",
    "indict",
    "convict",
    "judge",
    "trial",
    "lawsuit",
    "sue",
    "investigation",
    "inquiry",
    "corruption",
    "bribe",
    "bribery",
    "government",
    "minister",
    "parliament",
    "mp",
    "department",
    "tsunami",
    "charity",
];

/// Doping, which makes even a ban or a suspension in a sport report a sanction PLOVER codes.
const DOPING_WORDS: &[&str] = &[
    "doping",
    "drug",
    "steroid",
    "cocaine",
    "substance",
    "nandrolone",
];

/// Whether an act in a sport report is the sport's: a win, a shot, a strike at goal, a ban from
/// competition, and the dealings of players, clubs and coaches — talks, praise, a player
/// defended or "released", a side "denied two tries", a withdrawal from a tournament. The
/// police, the courts, doping, a riot or a state organ in the sentence keep it; so do pledges
/// and deliveries.
fn the_sports_own_act(parse: &Parse<'_>, trigger: &Trigger, event: &Event) -> bool {
    // Pledges and deliveries are the ledger's, in sport as anywhere: "the ATP would contribute
    // the $25,000 tournament fee to Unicef's relief fund".
    if matches!(event.mode.as_deref(), Some("pledge" | "delivery")) {
        return false;
    }
    let force = matches!(
        event.plover.as_str(),
        "ASSAULT" | "COERCE" | "THREATEN" | "SANCTION"
    );
    // A dealing with a public office or body is politics on any page: "MPs are calling on the
    // Department of Trade and Industry to block any takeover of the club", "the justice
    // minister praised Celtic and Rangers".
    if !force
        && [&event.actor, &event.recipient]
            .into_iter()
            .flatten()
            .any(|p| commerce::is_public_party(parse, p))
    {
        return false;
    }
    // One country refusing, accusing or asking another is a state's act even in a match
    // report: "Iran refuses to recognise Israel's right to exist" beside an Iranian striker
    // who will not travel there. Countries that meet, beat or clash are teams.
    let a_country = |p: &Option<Participant>| {
        p.as_ref()
            .and_then(|p| parse.entity_of(p))
            .is_some_and(|e| e.kind == newsfacts_doc::EntityKind::Place)
    };
    if !force
        && !matches!(event.plover.as_str(), "CONSULT" | "AGREE")
        && a_country(&event.actor)
        && a_country(&event.recipient)
    {
        return false;
    }
    !sentence_tokens(parse, trigger.anchor).any(|t| {
        word_or_lemma_in(parse, t, REAL_VIOLENCE_WORDS)
                // A ban or a suspension for doping is a sanction by an authority, not the
                // game's: "Stefan Koubek has been banned for three months by the ITF after
                // testing positive for a banned substance".
                || DOPING_WORDS.contains(&parse.lemma[t].as_str())
                || (!force && LAW_AND_STATE_WORDS.contains(&parse.lemma[t].as_str()))
                // A minister or a government acts as a party, not a player: "Scotland's
                // justice minister has warned bigoted soccer fans … by banning them from
                // matches".
                || (commerce::STATE_NOUNS.contains(&parse.lemma[t].as_str())
                    && parse.tag(t).starts_with("NN"))
    })
}

/// Words of a sentence that make force told on an arts page a real one: a death, a wound, a
/// sentence, a protest ("Tupac Shakur was shot dead in 1996", "a man was shot in the thigh",
/// "he was sentenced to four months in jail", "protesters demonstrated outside BBC buildings").
const REAL_HARM_WORDS: &[&str] = &[
    "dead",
    "death",
    "wound",
    "wounded",
    "thigh",
    "assault",
    "assaulted",
    "sentence",
    "sentenced",
    "jail",
    "prison",
    "protester",
    "demonstrate",
    "blast",
    "injure",
    "attacker",
    "gunman",
    "fracas",
    "rape",
];

/// Whether an act on an arts page is the arts': a band that meets, supports or teams up with
/// another, a role turned down, a film praised, attacked or "pulled in" viewers, a "hit", a
/// shot in a film. Force keeps its event when a state or a public body takes part or the
/// sentence tells of real harm — a death, a wound, a sentence, a protest (`REAL_HARM_WORDS`) —
/// or of crime, as in a sport report; other acts stay on the terms of a sport report (a public
/// party, the law, violence).
fn the_arts_own_act(parse: &Parse<'_>, trigger: &Trigger, event: &Event) -> bool {
    let force = matches!(
        event.plover.as_str(),
        "ASSAULT" | "COERCE" | "SANCTION" | "THREATEN" | "PROTEST" | "MOBILIZE"
    );
    if force && !matches!(event.mode.as_deref(), Some("pledge" | "delivery")) {
        // A state's force is real on any page: "the US-led invasion of Iraq".
        let a_state = [&event.actor, &event.recipient]
            .into_iter()
            .flatten()
            .any(|p| {
                commerce::is_public_party(parse, p)
                    || parse
                        .entity_of(p)
                        .is_some_and(|e| e.kind == newsfacts_doc::EntityKind::Place)
            });
        return !a_state
            && !sentence_tokens(parse, trigger.anchor).any(|t| {
                word_or_lemma_in(parse, t, REAL_HARM_WORDS)
                    || word_or_lemma_in(parse, t, REAL_VIOLENCE_WORDS)
            });
    }
    // A crime named keeps an accusation or a denial: "Mr Jackson denies 10 charges of child
    // abuse".
    let a_crime = sentence_tokens(parse, trigger.anchor)
        .any(|t| CRIME_NOUNS.contains(&parse.lemma[t].as_str()));
    // Churches and campaigners take on a film or a broadcaster as parties: "Catholics have
    // urged Mr Pande to withdraw the film", "a British Muslim group has criticised the new
    // series".
    let civil_society = [&event.actor, &event.recipient]
        .into_iter()
        .flatten()
        .filter(|p| {
            parse
                .entity_of(p)
                .is_none_or(|e| e.kind != newsfacts_doc::EntityKind::Person)
        })
        .any(|p| {
            p.name
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| FAITH_AND_CAMPAIGN_WORDS.contains(&w.to_lowercase().as_str()))
        });
    !a_crime && !civil_society && the_sports_own_act(parse, trigger, event)
}

/// Words naming a faith or a campaign in a party's name: on an arts page, their dealings with
/// a work or its makers are a public quarrel, not the arts'.
const FAITH_AND_CAMPAIGN_WORDS: &[&str] = &[
    "catholic",
    "catholics",
    "muslim",
    "muslims",
    "christian",
    "christians",
    "jewish",
    "hindu",
    "hindus",
    "sikh",
    "sikhs",
    "church",
    "campaigner",
    "campaigners",
    "activist",
    "activists",
    "coalition",
];

/// Whether a warning is a firm's about its earnings: "issued a profit warning", "a warning on
/// possible tax hikes" from a forecaster; no threat.
fn a_profit_warning(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    let noun = trigger.noun.unwrap_or(trigger.anchor);
    parse.lemma[noun] == "warning"
        && (parse
            .children_with(noun, &["compound", "amod"])
            .any(|m| lexicon::ECONOMIC_NOUNS.contains(&parse.lemma[m].as_str()))
            || parse
                .prep_object(noun, &["on", "about", "over"])
                .is_some_and(|o| !is_party_token(parse, o)))
}

/// Words of a sentence that make a resignation a concession to others: pressure, protests,
/// demands, threats, an opposition, a coup or an election it makes way for ("resigned as the
/// opposition threatened to storm his residence", "resigned to allow elections").
const PRESSURE_WORDS: &[&str] = &[
    "pressure",
    "protest",
    "protester",
    "demonstrator",
    "demand",
    "force",
    "threaten",
    "threat",
    "opposition",
    "call",
    "election",
    "coup",
    "rebel",
    "uprising",
    "riot",
    "ultimatum",
];

/// Whether token `t`'s word or its lemma is in `list`.
fn word_or_lemma_in(parse: &Parse<'_>, t: usize, list: &[&str]) -> bool {
    list.contains(&parse.lower[t].as_str()) || list.contains(&parse.lemma[t].as_str())
}

/// The token indices of the sentence that holds token `i`.
fn sentence_tokens(parse: &Parse<'_>, i: usize) -> std::ops::Range<usize> {
    let offset = parse.toks[i].start;
    let Some(sentence) = parse
        .doc
        .sentences
        .iter()
        .find(|s| s.start <= offset && offset < s.end)
    else {
        return i..i + 1;
    };
    let first = (0..=i)
        .rev()
        .take_while(|&t| parse.toks[t].start >= sentence.start)
        .last()
        .unwrap_or(i);
    let last = (i..parse.toks.len())
        .take_while(|&t| parse.toks[t].end <= sentence.end)
        .last()
        .unwrap_or(i);
    first..last + 1
}

/// Whether a resignation is an office changing hands in the ordinary way, with nobody pressing
/// for it: "Dr Greenspan … will step down in January next year", "won the right to step down
/// from his Treasury position and run for parliament", "will also step down when his contract
/// expires". PLOVER's RETREAT (resign) is a leader giving way to others; a resignation in a
/// sentence with pressure, protests, demands or an election it makes way for stays.
fn a_routine_resignation(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    if trigger.sense.mode != Some("resign") || trigger.demand {
        return false;
    }
    !sentence_tokens(parse, trigger.anchor).any(|t| word_or_lemma_in(parse, t, PRESSURE_WORDS))
}

/// What a worry about the economy is about, beside what firms trade, make or earn
/// (`lexicon::ECONOMIC_NOUNS`) and fiscal policy (`FISCAL_NOUNS`).
const ECONOMY_NOUNS: &[&str] = &[
    "euro",
    "dollar",
    "yen",
    "pound",
    "currency",
    "economy",
    "redundancy",
    "job",
    "growth",
    "recession",
];

/// Whether a concern voiced is a worry about the economy, no disapproval of a party: "voiced
/// concerns about the strength of the euro", "voiced concern about the effect of redundancies
/// in the building trade". What the concern is about is its noun's or its verb's "about",
/// "over" or "at" object, or that object's "of" object.
fn worries_about_the_economy(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    let Some(noun) = trigger.noun else {
        return false;
    };
    if parse.lemma[noun] != "concern" {
        return false;
    }
    // "voiced their concern that the rise of the euro was harming exports": a clause says what
    // the worry is about by its subject.
    let about = parse
        .prep_object(noun, &["about", "over", "at"])
        .or_else(|| parse.prep_object(trigger.anchor, &["about", "over", "at"]))
        .or_else(|| {
            [noun, trigger.anchor]
                .into_iter()
                .flat_map(|h| parse.children_with(h, &["ccomp", "acl"]))
                .find_map(|c| parse.child(c, &["nsubj"]))
        });
    let Some(about) = about else {
        return false;
    };
    let economic = |t: usize| {
        is_economic_phrase(parse, t)
            || ECONOMY_NOUNS.contains(&parse.lemma[t].as_str())
            || FISCAL_NOUNS.contains(&parse.lemma[t].as_str())
    };
    !is_party_token(parse, about)
        && (economic(about) || parse.prep_object(about, &["of"]).is_some_and(economic))
}

/// Whether an object rule of the lexicon applies to verb `i`: its particle, and its object (the
/// direct object, or the passive subject where the rule says so) of the rule's class or not.
fn object_rule_applies(parse: &Parse<'_>, i: usize, rule: &lexicon::ObjectRule) -> bool {
    if !rule.particles.is_empty()
        && !parse
            .children_with(i, &["prt"])
            .any(|p| rule.particles.contains(&parse.lower[p].as_str()))
    {
        return false;
    }
    let object = parse.child(i, &["dobj"]).or_else(|| {
        rule.passive_subject
            .then(|| parse.child(i, &["nsubjpass"]))
            .flatten()
    });
    let of_class = object_is(parse, i, object, rule.class);
    match rule.applies {
        lexicon::Applies::Of => of_class,
        lexicon::Applies::NotOf => !of_class,
        lexicon::Applies::OtherObject => object.is_some() && !of_class,
    }
}

/// Whether verb `i`'s object is of a lexicon object class (for the two classes that are no
/// object, whether the verb has that phrase or marking).
fn object_is(
    parse: &Parse<'_>,
    i: usize,
    object: Option<usize>,
    class: lexicon::ObjectClass,
) -> bool {
    use lexicon::ObjectClass as C;
    let lemma_in = |t: usize, list: &[&str]| list.contains(&parse.lemma[t].as_str());
    // Things counted are read through "of": "the bodies of two soldiers", "dozens of
    // prisoners".
    let counted_in = |list: &[&str]| {
        object.is_some_and(|o| {
            [Some(o), parse.prep_object(o, &["of"])]
                .iter()
                .flatten()
                .any(|&t| lemma_in(t, list))
        })
    };
    let object_where = |test: &dyn Fn(usize) -> bool| object.is_some_and(test);
    match class {
        C::Any => object.is_some(),
        C::Seized => object_where(&|o| {
            matches!(parse.ent_label(o), "GPE" | "LOC" | "FAC")
                || lemma_in(o, lexicon::FORCE_NOUNS)
                || lemma_in(o, lexicon::TARGET_NOUNS)
                || (is_party_token(parse, o) && parse.ent_label(o) != "ORG")
        }),
        C::Struck => object_where(&|o| {
            matches!(
                parse.ent_label(o),
                "GPE" | "LOC" | "FAC" | "ORG" | "NORP" | "PERSON"
            ) || lemma_in(o, lexicon::TARGET_NOUNS)
                || lemma_in(o, lexicon::PARTY_NOUNS)
        }),
        C::Forces => object_where(&|o| {
            lemma_in(o, lexicon::FORCE_NOUNS) || lemma_in(o, lexicon::PARTY_NOUNS)
        }),
        C::Party => object_where(&|o| is_party_token(parse, o)),
        C::Fought => object_where(&|o| {
            is_party_token(parse, o)
                || lemma_in(o, lexicon::FORCE_NOUNS)
                || lemma_in(o, lexicon::TARGET_NOUNS)
                || lemma_in(o, lexicon::WAR_NOUNS)
        }),
        C::Visitor => object_where(&|o| {
            matches!(parse.ent_label(o), "PERSON" | "NORP" | "ORG" | "GPE")
                || lemma_in(o, lexicon::OFFICIAL_NOUNS)
        }),
        C::Symbol => object_where(&|o| lemma_in(o, lexicon::SYMBOL_NOUNS)),
        C::Weapon => {
            object_where(&|o| lemma_in(o, lexicon::EQUIPMENT_NOUNS) || parse.lemma[o] == "rocket")
        }
        C::Presence => counted_in(lexicon::EXPELLED_PRESENCE_NOUNS),
        C::Captive => counted_in(lexicon::CAPTIVE_NOUNS),
        C::Territory => counted_in(lexicon::CEDED_NOUNS),
        C::Barrier => counted_in(lexicon::BARRIER_NOUNS),
        C::TestMarked => {
            parse.lower[i].starts_with("test")
                || (i >= 2 && parse.lower[i - 1] == "-" && parse.lower[i - 2] == "test")
                || parse
                    .children_with(i, &["advmod", "npadvmod", "compound", "amod"])
                    .any(|c| parse.lower[c] == "test")
        }
        C::CrimeCharged => parse
            .children_with(i, &["prep"])
            .any(|p| matches!(parse.lower[p].as_str(), "with" | "over")),
    }
}

/// The CAMEO code a user's dictionary gives a verb in its clause: by its particle, object and
/// prepositional phrases.
fn cameo_code<'d>(parse: &Parse<'_>, verb: usize, dictionary: &'d CameoVerbs) -> Option<&'d str> {
    if !parse.is_verb(verb) {
        return None;
    }
    let particle = parse.child(verb, &["prt"]).map(|p| parse.lower[p].as_str());
    let mut objects: Vec<&str> = Vec::new();
    for o in parse.children_with(verb, &["dobj", "nsubjpass"]) {
        objects.push(parse.lower[o].as_str());
        objects.push(parse.lemma[o].as_str());
    }
    let mut preps: Vec<(&str, &str)> = Vec::new();
    for p in parse.children_with(verb, &["prep", "dative", "agent"]) {
        if let Some(o) = parse.child(p, &["pobj"]) {
            preps.push((parse.lower[p].as_str(), parse.lower[o].as_str()));
            preps.push((parse.lower[p].as_str(), parse.lemma[o].as_str()));
        }
    }
    dictionary.code(parse.lemma[verb].as_str(), particle, &objects, &preps)
}

/// A verb the built-in lexicon does not know, made a trigger by the user's CAMEO dictionary
/// when its code has a PLOVER type. The same guards as for lexicon verbs apply: no
/// participles used as modifiers, no reduced relatives. Nor a verb that governs a clause the
/// lexicon codes — its complement or adverbial clause ("decided to allow Ouattara to
/// participate", "summoned the ambassador to complain", "opened the bridge to allow the
/// delivery"): the act is the one that clause names, and where the lexicon and the dictionary
/// both read a clause the lexicon's reading stands; the dictionary's code for the governing
/// verb is mostly its bare sense (DECIDE 030, SUMMON 040), which would stand above the act as
/// the sentence's event.
fn cameo_trigger(parse: &Parse<'_>, i: usize, dictionary: &CameoVerbs) -> Option<Trigger> {
    if matches!(
        parse.dep(i),
        "prep" | "amod" | "mark" | "compound" | "det" | "case" | "acl"
    ) {
        return None;
    }
    let governs_lexicon_clause = parse
        .children_with(i, &["xcomp", "ccomp", "advcl"])
        .any(|clause| verb_trigger(parse, clause).is_some());
    if governs_lexicon_clause {
        return None;
    }
    let plover = cameo::plover_of_cameo(cameo_code(parse, i, dictionary)?)?;
    Some(Trigger::single_verb(i, plover))
}

/// Verbs whose object is the one given to when a "with" phrase names what is given: "supply
/// India with LPG", "arm the rebels with rockets".
const SUPPLY_WITH_VERBS: &[&str] = &["supply", "provide", "furnish", "equip", "arm", "resupply"];

/// Prepositions that give an event noun its participants.
const NOUN_PARTICIPANT_PREPS: &[&str] = &[
    "between", "with", "against", "on", "to", "by", "of", "from", "over",
];

/// The sense of an event noun where its modifiers decide it: a hunger or general strike is a
/// protest, an air strike an assault.
fn noun_sense_in_context(parse: &Parse<'_>, i: usize) -> Option<Sense> {
    let sense = lexicon::noun_sense(&parse.lemma[i])?;
    // "had a heart attack", "a panic attack": illness, no assault.
    if parse.lemma[i] == "attack"
        && parse.children_with(i, &["compound", "amod"]).any(|m| {
            matches!(
                parse.lemma[m].as_str(),
                "heart" | "panic" | "asthma" | "anxiety"
            )
        })
    {
        return None;
    }
    if parse.lemma[i] == "promise" && is_promise_of_talent(parse, i) {
        return None;
    }
    // "faced a call by Lord Mackay to publish the advice", "calls for a pause": a call to act or
    // for something asks for it; a telephone call ("in a call with Putin") consults.
    if parse.lemma[i] == "call"
        && (parse.children_with(i, &["acl", "relcl", "xcomp"]).any(|v| {
            parse
                .children_with(v, &["aux"])
                .any(|a| parse.lower[a] == "to")
        }) || parse.prep_object(i, &["for"]).is_some())
    {
        return Some(Sense {
            plover: "REQUEST",
            mode: None,
            object: ObjectRole::Target,
        });
    }
    if parse.lemma[i] == "strike" {
        let industrial = parse
            .children_with(i, &["compound", "amod", "nmod"])
            .any(|m| {
                matches!(
                    parse.lemma[m].as_str(),
                    "hunger"
                        | "general"
                        | "labour"
                        | "labor"
                        | "worker"
                        | "rail"
                        | "teacher"
                        | "open-ended"
                        | "national"
                        | "nationwide"
                        | "indefinite"
                )
            });
        if industrial {
            return Some(Sense {
                plover: "PROTEST",
                mode: Some("boycott"),
                object: ObjectRole::Target,
            });
        }
    }
    Some(sense)
}

/// Words that praise a talent's "promise": "his huge promise", "showed early promise".
const TALENT_PROMISE_MODIFIERS: &[&str] = &[
    "huge",
    "great",
    "enormous",
    "considerable",
    "early",
    "genuine",
    "obvious",
    "undoubted",
    "youthful",
    "raw",
    "rich",
    "real",
];

/// Verbs that show a talent's promise ("underlined his huge promise", "showed promise").
const SHOWING_VERBS: &[&str] = &["show", "underline", "display", "demonstrate", "hint"];

/// Whether "promise" names a talent, not a pledge: it says nothing promised ("of $5bn", "to
/// cut taxes", "that …") and is praised as a talent's or shown.
fn is_promise_of_talent(parse: &Parse<'_>, i: usize) -> bool {
    let says_what = parse
        .children_with(i, &["prep"])
        .any(|p| parse.lower[p] == "of")
        || parse
            .children_with(i, &["acl", "relcl", "ccomp", "xcomp"])
            .next()
            .is_some();
    let praised = parse
        .children_with(i, &["amod"])
        .any(|a| TALENT_PROMISE_MODIFIERS.contains(&parse.lower[a].as_str()));
    let shown = parse.dep(i) == "dobj"
        && parse
            .head(i)
            .is_some_and(|h| SHOWING_VERBS.contains(&parse.lemma[h].as_str()));
    !says_what && (praised || shown)
}

fn noun_trigger(parse: &Parse<'_>, i: usize) -> Option<Trigger> {
    let sense = noun_sense_in_context(parse, i)?;
    // Never a date or a name: "In March" is not a protest.
    if !parse.ent_label(i).is_empty() {
        return None;
    }
    // The object of a light verb is coded from the verb.
    if parse.dep(i) == "dobj"
        && let Some(head) = parse.head(i)
        && parse.is_verb(head)
        && verb_trigger(parse, head).is_some()
    {
        return None;
    }
    let has_participant = parse
        .children_with(i, &["prep"])
        .filter(|&p| NOUN_PARTICIPANT_PREPS.contains(&parse.lower[p].as_str()))
        .any(|p| {
            parse
                .child(p, &["pobj"])
                .is_some_and(|o| parse.can_be_party(o) && parse.ent_label(o) != "DATE")
        })
        || parse
            .possessor(i)
            .is_some_and(|p| parse.entity_at(p).is_some());
    if !has_participant {
        return None;
    }
    // An event noun that says what an attitude is for or about ("appreciation for China's
    // assistance", "respect for the ceasefire") is that noun's topic, not an event the
    // sentence reports.
    if parse.dep(i) == "pobj"
        && let Some(preposition) = parse.head(i)
        && matches!(parse.lower[preposition].as_str(), "for" | "about")
        && let Some(owner) = parse.head(preposition)
        && parse.is_noun(owner)
        && lexicon::noun_sense(&parse.lemma[owner]).is_none()
    {
        return None;
    }
    // A noun inside another event's object is that event's content ("condemned the attack").
    let mut up = parse.head(i);
    let mut steps = 0;
    while let Some(h) = up {
        if parse.is_verb(h) {
            if verb_trigger(parse, h).is_some() {
                return None;
            }
            break;
        }
        steps += 1;
        if steps > 8 {
            break;
        }
        up = parse.head(h);
    }
    Some(Trigger {
        anchor: i,
        first: i,
        last: i,
        sense,
        nominal: true,
        complement: None,
        noun: None,
        demand: false,
        promised: false,
    })
}

/// A trigger under another through an infinitive or clausal complement joins it: the governor
/// keeps its type (made THREATEN when it promises force, "pledge" when it promises aid) and the
/// complement gives it its object. Under a commitment (an AGREE verb: "agreed to lift",
/// "pledged to expel"), the act promised also stays an event of its own, marked hypothetical.
fn absorb_complements(parse: &Parse<'_>, triggers: &mut Vec<Trigger>) {
    let anchors: Vec<usize> = triggers.iter().map(|t| t.anchor).collect();
    let mut absorbed = vec![false; triggers.len()];
    let mut promised = Vec::new();
    for k in 0..triggers.len() {
        let inner = triggers[k].clone();
        if inner.nominal {
            continue;
        }
        let mut governor = None;
        let mut node = inner.anchor;
        // "accused X of attacking": the complement hangs under a preposition.
        for _ in 0..3 {
            let dep = parse.dep(node).to_string();
            let Some(h) = parse.head(node) else { break };
            // "have sworn to fight" parsed as a purpose clause: an infinitive right behind the
            // verb ("sworn" "to" "fight") is its complement whatever the parse calls it.
            let adjacent_infinitive = dep == "advcl"
                && node == h + 2
                && parse.lower[h + 1] == "to"
                && parse.dep(h + 1) == "aux";
            if matches!(dep.as_str(), "xcomp" | "ccomp" | "pcomp" | "prep") || adjacent_infinitive {
                if let Some(g) = anchors.iter().position(|&a| a == h) {
                    governor = Some(g);
                    break;
                }
                if dep == "pcomp" {
                    node = h;
                    continue;
                }
            }
            break;
        }
        let Some(g) = governor else { continue };
        if g == k || !lexicon::absorbs_complement(triggers[g].sense.plover) {
            continue;
        }
        // Clausal complements of REQUEST/ACCUSE verbs only ("demanded that troops withdraw");
        // an AGREE verb takes infinitives ("agreed to meet").
        if parse.dep(inner.anchor) == "ccomp" && triggers[g].sense.plover == "AGREE" {
            continue;
        }
        let inner_plover = inner.sense.plover;
        let governor = &mut triggers[g];
        if governor.complement.is_none() {
            governor.complement = Some(inner.anchor);
        }
        if governor.sense.plover == "AGREE" {
            if matches!(inner_plover, "ASSAULT" | "COERCE" | "SANCTION" | "THREATEN") {
                governor.sense.plover = "THREATEN";
                governor.sense.mode = None;
            } else if inner_plover == "AID" {
                governor.sense.mode = Some("pledge");
            }
            // The act promised is an event too, of its own type and not yet done ("agreed to
            // lift the sanctions": AGREE, and RETREAT unrealised). CAMEO codes a statement of
            // intent by the act intended; PLOVER by the commitment, which stays the event
            // higher in the clause.
            if inner_plover != "AGREE" {
                promised.push(k);
                continue;
            }
        }
        absorbed[k] = true;
    }
    for k in promised {
        triggers[k].promised = true;
    }
    let mut index = 0;
    triggers.retain(|_| {
        let keep = !absorbed[index];
        index += 1;
        keep
    });
}

const CONDITIONAL_MARKS: &[&str] = &["if", "unless", "whether"];
const HYPOTHETICAL_MODALS: &[&str] = &[
    "could", "would", "might", "may", "should", "can", "must", "'d", "ought",
];
const FUTURE_MODALS: &[&str] = &["will", "'ll", "shall"];
const TIME_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "since", "from", "for", "last", "this",
];

/// `shared_passives`: whether a passive coordinated with an active verb takes their shared
/// subject as the one acted upon (`passive_subject`; part of `Coding::context_filters`).
fn build_event(parse: &Parse<'_>, trigger: &Trigger, shared_passives: bool) -> Option<Event> {
    let doc = parse.doc;
    let anchor = trigger.anchor;
    let sense = trigger.sense;
    // A verb of saying, promising or refusing reads its arguments from its infinitive too
    // ("agreed to re-open its borders to UN peacekeepers").
    let complement = trigger.complement.or_else(|| {
        (!trigger.nominal && lexicon::absorbs_complement(sense.plover))
            .then(|| parse.child(anchor, &["xcomp"]))
            .flatten()
    });
    let clause_tokens: Vec<usize> = std::iter::once(anchor).chain(complement).collect();

    let mut actor: Option<Participant> = None;
    let mut recipient: Option<Participant> = None;
    let mut theme: Vec<usize> = Vec::new();

    // "Fannie Mae has faced criticism from Congressional leaders", "Iran received support from
    // Russia": the subject of such a verb undergoes the act its object names, and the one who
    // does it is the "from" or "by" phrase (read with the context filters only, so the
    // trainer's examples stay as they were).
    let undergone_by = if trigger.nominal && shared_passives {
        undergoing_verb(parse, anchor)
    } else {
        None
    };
    if let Some(verb) = undergone_by {
        actor = [anchor, verb]
            .iter()
            .find_map(|&h| parse.prep_object(h, &["from", "by"]))
            .and_then(|o| parse.participant(o));
        // Only a party undergoes it: "the damming of the Upper Yangtze has begun to attract
        // criticism" names none.
        recipient = undergoer(parse, verb)
            .filter(|&s| is_party_token(parse, s))
            .and_then(|s| parse.participant(s));
    }
    if trigger.nominal {
        // "summit between A and B": A acts, B receives.
        if let Some(first) = parse.prep_object(anchor, &["between"]) {
            actor = parse.participant(first);
            recipient = parse
                .child(first, &["conj"])
                .and_then(|c| parse.participant(c));
        }
        if actor.is_none() {
            actor = parse
                .possessor(anchor)
                .and_then(|p| parse.participant(p))
                .or_else(|| {
                    parse
                        .prep_object(anchor, &["by"])
                        .and_then(|p| parse.participant(p))
                })
                .or_else(|| {
                    // "Palestinian riots": a people or country modifying the noun.
                    parse
                        .children_with(anchor, &["amod", "compound"])
                        .filter(|&m| matches!(parse.ent_label(m), "NORP" | "GPE" | "ORG"))
                        .find_map(|m| parse.participant(m))
                })
                .or_else(|| {
                    // The subject of the verb the noun is the object or subject of.
                    parse
                        .head(anchor)
                        .filter(|_| undergone_by.is_none())
                        .filter(|&h| parse.is_verb(h))
                        .and_then(|h| subject_of(parse, h))
                        // A noun that is the subject is not its own doer: "the detention of
                        // 12 suspects breached human rights", "talks with the LSE will
                        // continue" name none (read with the context filters only).
                        .filter(|&s| !(shared_passives && s == anchor))
                        .and_then(|s| parse.participant(s))
                })
                .or_else(|| {
                    // "Mitsubishi Motors is in talks with PSA": the one who is in them (read
                    // with the context filters only, so the trainer's examples stay as they
                    // were).
                    parse
                        .head(anchor)
                        .filter(|&p| shared_passives && parse.lower[p] == "in")
                        .and_then(|p| parse.head(p))
                        .filter(|&h| matches!(parse.lemma[h].as_str(), "be" | "remain" | "stay"))
                        .and_then(|h| subject_of(parse, h))
                        .and_then(|s| parse.participant(s))
                });
        }
        if recipient.is_none() {
            recipient = parse
                .prep_object(anchor, &["with", "against", "on", "to", "of", "over"])
                .and_then(|o| parse.participant(o));
        }
    } else if trigger.demand {
        actor = parse
            .head(anchor)
            .and_then(|h| subject_of(parse, h))
            .and_then(|s| parse.participant(s));
        recipient = parse
            .child(anchor, &["nsubj", "nsubjpass"])
            .and_then(|s| parse.participant(s));
        theme.extend(parse.child(anchor, &["dobj"]));
    } else {
        let passive = if shared_passives {
            passive_subject(parse, anchor)
        } else {
            parse.child(anchor, &["nsubjpass"])
        };
        let subject = if passive.is_some() {
            // "was shot and killed by gunmen": coordinated passives share their agent.
            std::iter::once(anchor)
                .chain(parse.children_with(anchor, &["conj"]))
                .filter(|&v| parse.child(v, &["agent"]).is_some())
                .find_map(|v| parse.prep_object(v, &["by"]))
        } else if parse.dep(anchor) == "acl" && parse.tag(anchor) == "VBN" {
            // "soldiers killed": the noun suffered the act.
            if recipient.is_none() {
                recipient = parse.head(anchor).and_then(|h| parse.participant(h));
            }
            parse
                .prep_object(anchor, &["by"])
                .filter(|_| parse.child(anchor, &["agent"]).is_some())
        } else {
            subject_of(parse, anchor)
        };
        actor = subject.and_then(|s| doer_of(parse, s));
        // "Vietnam is committed to opening up": a stated commitment, its subject the actor.
        let committed = sense.plover == "AGREE" && actor.is_none() && trigger.noun.is_none();
        if committed && let Some(p) = passive {
            actor = parse.participant(p);
        } else if let Some(p) = passive.filter(|&p| Some(p) == trigger.noun) {
            recipient = parse
                .prep_object(p, &["with", "against", "on", "to", "between"])
                .and_then(|o| party_of(parse, o));
        } else if let Some(p) = passive {
            // "Stefan Pakeerah, who was stabbed to death": the relative word stands for the
            // noun its clause describes (read with the context filters only, so the trainer's
            // examples stay as they were).
            let p = if shared_passives {
                relative_antecedent(parse, anchor, p)
            } else {
                p
            };
            match sense.object {
                ObjectRole::Target => recipient = parse.participant(p),
                ObjectRole::Theme => theme.push(p),
            }
        }
        // "the eight ferries it promised a neighbouring region": a relative clause whose
        // object is its head noun. What was promised is the head; an object written in the
        // clause is then the one it was promised to.
        let gapped_head = object_gapped_head(parse, anchor);
        if let Some(head) = gapped_head {
            // "five banks it had accused of involvement", "the banks that Mr Bondi has sued":
            // for an act done to its object, the head is the one it was done to (read with the
            // context filters only, so the trainer's examples stay as they were).
            let done_to_head = shared_passives
                && sense.object == ObjectRole::Target
                && actor.as_ref().is_some_and(|a| is_party(parse, a))
                && recipient.is_none()
                && is_party_token(parse, head);
            if done_to_head {
                recipient = party_of(parse, head);
            } else {
                theme.push(head);
            }
        }
        for &v in &clause_tokens {
            if let Some(o) = parse.child(v, &["dobj"]) {
                if gapped_head.is_some() && v == anchor {
                    if recipient.is_none() && !RELATIVE_WORDS.contains(&parse.lower[o].as_str()) {
                        recipient = party_of(parse, o);
                    }
                    continue;
                }
                if Some(o) == trigger.noun {
                    // "held talks with X", "launched an air strike against X".
                    if recipient.is_none() {
                        recipient = parse
                            .prep_object(o, &["with", "against", "on", "to", "between"])
                            .and_then(|p| party_of(parse, p));
                    }
                    continue;
                }
                // "(promised to) supply India with LPG": the object is the one supplied, the
                // "with" phrase what it gets.
                let supplied_with = SUPPLY_WITH_VERBS
                    .contains(&parse.lemma[v].as_str())
                    .then(|| parse.prep_object(v, &["with"]))
                    .flatten();
                if let Some(goods) = supplied_with {
                    if recipient.is_none() {
                        recipient = party_of(parse, o);
                    }
                    theme.push(goods);
                    continue;
                }
                // The party an infinitive complement acts upon, when it is one: "threatened
                // to kill the hostages", "refused to meet the envoy" (a clausal complement
                // has a subject of its own: "claimed that ISIL had attacked Iraq" accuses
                // ISIL).
                if v != anchor && recipient.is_none() && parse.dep(v) != "ccomp" {
                    let acts_upon = lexicon::verb_sense(&parse.lemma[v])
                        .is_some_and(|s| s.object == ObjectRole::Target);
                    let party = party_of(parse, o).filter(|p| is_party(parse, p));
                    if acts_upon && party.is_some() {
                        recipient = party;
                        continue;
                    }
                }
                let target_object = sense.object == ObjectRole::Target && v == anchor;
                if target_object && recipient.is_none() {
                    recipient = party_of(parse, o);
                } else {
                    theme.push(o);
                }
            }
            if recipient.is_none() {
                recipient = parse
                    .child(v, &["dative"])
                    .filter(|&d| parse.lower[d] != "to")
                    .and_then(|d| parse.participant(d));
            }
        }
        if recipient.is_none() {
            let preps: &[&str] = match sense.plover {
                "AID" | "AGREE" | "SUPPORT" => &["to", "for", "with"],
                "CONCEDE" | "RETREAT" => &["on", "to", "from", "for", "with", "in"],
                "CONSULT" | "COOPERATE" => &["with", "to"],
                "REQUEST" => &["from", "to", "on"],
                "ACCUSE" | "PROTEST" | "THREATEN" | "REJECT" => {
                    &["against", "about", "over", "with", "at", "to", "for"]
                }
                "SANCTION" | "COERCE" | "ASSAULT" | "MOBILIZE" => &["against", "on", "with", "at"],
                _ => &["to"],
            };
            let mut holders: Vec<usize> = clause_tokens.clone();
            holders.extend(theme.iter().copied());
            // A dative written as a "to" phrase: "dative" to → pobj.
            for &v in &clause_tokens {
                holders.extend(parse.children_with(v, &["dative"]));
            }
            'found: for &h in &holders {
                for p in parse.children_with(h, &["prep", "dative"]) {
                    if !preps.contains(&parse.lower[p].as_str()) {
                        continue;
                    }
                    // Help given to a fight against someone never goes to them: "donated
                    // billions to the fight against Aids" names no recipient.
                    if let Some(o) = parse.child(p, &["pobj"])
                        && !(is_supportive(sense.plover) && opposes_party(parse, o))
                        && let Some(party) = party_of(parse, o)
                    {
                        recipient = Some(party);
                        break 'found;
                    }
                }
            }
        }
        // "demanded that the US cancel …", "allow Ouattara to participate": the one who is to
        // act.
        if recipient.is_none()
            && matches!(
                sense.plover,
                "REQUEST" | "ACCUSE" | "CONCEDE" | "THREATEN" | "SUPPORT"
            )
        {
            recipient = parse
                .children_with(anchor, &["ccomp", "xcomp"])
                .find_map(|c| parse.child(c, &["nsubj", "nsubjpass"]))
                .and_then(|s| party_of(parse, s));
        }
        // "rejected an Indian proposal", "rejected calls by Belarus's rulers": whose the
        // object is. Not for aid: whose the thing given is, it is the giver's ("donated his
        // prize money", "US aid").
        if recipient.is_none() && sense.plover != "AID" {
            recipient = theme.iter().find_map(|&t| {
                parse
                    .children_with(t, &["poss", "compound", "amod"])
                    .filter(|&m| {
                        matches!(parse.ent_label(m), "NORP" | "GPE" | "ORG" | "PERSON")
                            || parse.dep(m) == "poss"
                    })
                    .find_map(|m| party_of(parse, m))
                    .or_else(|| {
                        parse
                            .prep_object(t, &["by", "from"])
                            .and_then(|o| party_of(parse, o))
                    })
            });
        }
        // Deeper in the object or the complement: "suspension of air links with Serbia",
        // "threatened further action against Russia", "demanded the removal of President X".
        // Only for an event with a party acting: the search must not make an event of a
        // clause with nobody acting in it.
        if recipient.is_none() && actor.as_ref().is_some_and(|a| is_party(parse, a)) {
            recipient = nested_recipient(parse, &clause_tokens, &theme, sense.plover);
        }
        // "The United States and Jordan agreed": a coordinated subject of a joint act.
        if recipient.is_none()
            && matches!(sense.plover, "AGREE" | "CONSULT" | "COOPERATE" | "ASSAULT")
            && let Some(s) = subject
            && let Some(other) = parse.child(s, &["conj"])
        {
            recipient = parse.participant(other);
        }
    }
    if let (Some(a), Some(r)) = (&actor, &recipient)
        && a.name == r.name
    {
        recipient = None;
    }

    let trigger_span = TextSpan {
        start: parse.toks[trigger.first].start,
        end: parse.toks[trigger.last].end,
        text: String::new(),
    };
    let trigger_span = doc.text_span(trigger_span.span());

    // The object's phrases, each widened over an amount it cuts: the parse may leave the "m"
    // of "$30m" out of the phrase of "$30", and the amount is the object's all the same.
    let theme_spans: Vec<(usize, usize)> = theme
        .iter()
        .map(|&t| over_amounts_cut(doc, parse.phrase_span(t)))
        .collect();
    let what = theme_spans.first().map(|&first| {
        let (start, end) = theme_spans
            .iter()
            .fold(first, |(a, b), &(c, d)| (a.min(c), b.max(d)));
        doc.text_span(newsfacts_doc::Span::new(start, end))
    });

    // Quantities of the object; times and deadlines of the clause.
    let mut quantities = Vec::new();
    let mut when = None;
    let mut due = None;
    for quantity in &doc.quantities {
        let is_time = matches!(quantity.kind, Some(QuantityKind::Date | QuantityKind::Time));
        // "within a year", "by June", "before the end of 2024": when it is due, not when it
        // happened.
        let is_deadline = crate::quantities::is_deadline(doc, quantity);
        if is_time || is_deadline {
            if !attaches_to(parse, quantity.start, trigger, &clause_tokens) {
                continue;
            }
            if is_deadline {
                due.get_or_insert_with(|| quantity.text.clone());
            } else {
                when.get_or_insert_with(|| strip_time_preposition(&quantity.text));
            }
            continue;
        }
        let inside = theme_spans
            .iter()
            .any(|&(s, e)| s <= quantity.start && quantity.end <= e);
        let amount = !matches!(
            quantity.kind,
            Some(QuantityKind::Duration | QuantityKind::Ratio | QuantityKind::Percent)
        );
        if inside && amount {
            quantities.push(quantity.id.clone());
        }
    }

    // An act done as the means or purpose of another, or as what someone was made to do, takes
    // that act's time when its own clause gives none: "will return to court on Wednesday to
    // seek sanctions", "in 2000 … caused chaos by blocking roads", "was forced to resign last
    // year".
    if when.is_none()
        && due.is_none()
        && let Some(governor) = governing_act(parse, trigger)
    {
        let governor_clause = [governor];
        let governor_trigger = Trigger::single_verb(governor, sense.plover);
        when = doc
            .quantities
            .iter()
            .filter(|q| matches!(q.kind, Some(QuantityKind::Date | QuantityKind::Time)))
            .filter(|q| !crate::quantities::is_deadline(doc, q))
            .find(|q| attaches_to(parse, q.start, &governor_trigger, &governor_clause))
            .map(|q| strip_time_preposition(&q.text));
    }

    let place = event_place(parse, trigger, &clause_tokens, sense.plover);

    let mut m = modality(parse, trigger, shared_passives);
    if !trigger.nominal
        && (parse.child(anchor, &["nsubjpass"]).is_some()
            || (shared_passives && passive_subject(parse, anchor).is_some()))
        && trigger.noun.is_none()
        && sense.plover != "AGREE"
    {
        // "hoped officials would be indicted": nobody states an intention, and the act is
        // not done. A passive in the past is done all the same ("was attacked by Putin",
        // "were delivered to Ukraine").
        if m.future || m.intent {
            m.hypothetical = true;
        }
        m.future = false;
        m.intent = false;
    }
    let (plover, mode, negated, mut hypothetical) = if trigger.promised {
        // The content of a commitment: its own type, unrealised; a refusal ("agreed not to
        // attack") stays negated.
        (sense.plover, sense.mode, m.negated, true)
    } else {
        code_intent(sense.plover, sense.mode, m)
    };
    if trigger.demand {
        // "must"/"should" make the demand, not a hypothesis.
        hypothetical = m.conditional;
    }
    let mut mode = mode.map(str::to_string);
    if plover == "AID" {
        let delivered = lexicon::DELIVERY_VERBS.contains(&parse.lemma[anchor].as_str())
            && matches!(parse.tag(anchor), "VBD" | "VBN")
            && !negated
            && !hypothetical;
        if delivered {
            mode = Some("delivery".to_string());
        }
    }
    let claimed_in = doc
        .quotes
        .iter()
        .find(|q| {
            q.spans
                .iter()
                .any(|s| s.start <= trigger_span.start && trigger_span.end <= s.end)
        })
        .map(|q| q.id.clone());

    Some(Event {
        id: String::new(),
        plover: plover.to_string(),
        mode,
        actor,
        recipient,
        trigger: trigger_span,
        what,
        quantities,
        when,
        due,
        place,
        negated,
        hypothetical,
        claimed_in,
        cameo: None,
    })
}

/// Verbs whose subject undergoes the act their object names: one faces, draws, attracts or
/// receives criticism, an investigation or support from someone else.
const UNDERGOING_VERBS: &[&str] = &[
    "face", "draw", "attract", "receive", "undergo", "suffer", "incur",
];

/// Verbs that put their subject under an act: "came under pressure from the unions", "is under
/// investigation".
const UNDER_VERBS: &[&str] = &["come", "be", "remain", "stay", "fall"];

/// The verb whose subject undergoes the act a trigger noun names: the noun is the object of
/// an `UNDERGOING_VERBS` verb with no particle ("faced criticism", not "drew up proposals"), or
/// is "under" an `UNDER_VERBS` verb ("came under attack").
fn undergoing_verb(parse: &Parse<'_>, noun: usize) -> Option<usize> {
    let head = parse.head(noun)?;
    let verb = match parse.dep(noun) {
        "dobj" => head,
        "pobj" if parse.lower[head] == "under" && parse.dep(head) == "prep" => parse
            .head(head)
            .filter(|&v| UNDER_VERBS.contains(&parse.lemma[v].as_str()))?,
        _ => return None,
    };
    let undergoes = parse.dep(noun) == "pobj"
        || (UNDERGOING_VERBS.contains(&parse.lemma[verb].as_str())
            && parse.child(verb, &["prt"]).is_none());
    (undergoes && parse.is_verb(verb)).then_some(verb)
}

/// The one who undergoes the act named by an undergoing verb's object: the verb's subject,
/// but not for a participle added to a clause that draws or attracts it ("… were relocated,
/// drawing criticism from environmental groups": the relocation drew it, not the people).
fn undergoer(parse: &Parse<'_>, verb: usize) -> Option<usize> {
    let drawn_by_a_clause = matches!(parse.lemma[verb].as_str(), "draw" | "attract")
        && parse.tag(verb) == "VBG"
        && parse.child(verb, &["nsubj"]).is_none();
    if drawn_by_a_clause {
        return None;
    }
    subject_of(parse, verb).or_else(|| parse.child(verb, &["nsubjpass"]))
}

/// Whether the trigger's event noun is determined by "no": the sentence says the act is not
/// there ("there was no treaty between the US and Russia", "he has done no deals", "had no
/// intention of resigning"), and no party did it. Coded as a negated AGREE it would become a
/// refusal (REJECT), which nobody made.
fn names_no_act(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    let noun = if trigger.nominal {
        Some(trigger.anchor)
    } else {
        trigger.noun
    };
    noun.is_some_and(|n| {
        parse
            .children_with(n, &["det"])
            .any(|d| parse.lower[d] == "no")
    })
}

/// Reflexive pronouns: defending oneself supports no other party.
const REFLEXIVE_WORDS: &[&str] = &[
    "itself",
    "themselves",
    "himself",
    "herself",
    "ourselves",
    "myself",
    "yourself",
];

/// Whether a "defend" defends nothing of another party: no passive subject (troops "could be
/// defended"), and its object (or the head of its relative clause: "the record Mr Blair will
/// have to defend") is none, a reflexive, or a thing owned by no party or by a pronoun (the
/// doer's own: "his record", "its decision").
fn defends_its_own_course(parse: &Parse<'_>, verb: usize) -> bool {
    if parse.child(verb, &["nsubjpass"]).is_some() {
        return false;
    }
    let Some(object) = parse
        .child(verb, &["dobj"])
        .or_else(|| object_gapped_head(parse, verb))
    else {
        return true;
    };
    if REFLEXIVE_WORDS.contains(&parse.lower[object].as_str()) {
        return true;
    }
    if is_party_token(parse, object) {
        return false;
    }
    let owned_by_another = parse
        .children_with(object, &["poss", "compound"])
        .chain(parse.prep_object(object, &["of"]))
        .any(|o| parse.tag(o) != "PRP$" && is_party_token(parse, o));
    !owned_by_another
}

/// What force holds and is reinforced: "reinforced its garrison", "reinforce the border".
const HELD_BY_FORCE: &[&str] = &[
    "garrison",
    "border",
    "frontier",
    "position",
    "defence",
    "defense",
    "base",
    "line",
    "front",
    "checkpoint",
    "perimeter",
    "outpost",
];

/// Relative words that stand for the head noun of their clause.
const RELATIVE_WORDS: &[&str] = &["which", "that", "who", "whom"];

/// The noun a relative word stands for when it is an argument of a verb heading a relative
/// clause ("the man who was stabbed" → "man"); any other token as it is.
fn relative_antecedent(parse: &Parse<'_>, verb: usize, token: usize) -> usize {
    if RELATIVE_WORDS.contains(&parse.lower[token].as_str()) && parse.dep(verb) == "relcl" {
        parse.head(verb).unwrap_or(token)
    } else {
        token
    }
}

/// The head noun of a relative clause whose object is that noun ("the ferries it promised",
/// "the aid which Germany sent"): the clause has its own subject, not a relative word, and
/// no passive subject. `None` for a verb outside a relative clause.
fn object_gapped_head(parse: &Parse<'_>, verb: usize) -> Option<usize> {
    if parse.dep(verb) != "relcl" || parse.child(verb, &["nsubjpass"]).is_some() {
        return None;
    }
    let subject = parse.child(verb, &["nsubj"])?;
    if RELATIVE_WORDS.contains(&parse.lower[subject].as_str()) {
        return None;
    }
    parse.head(verb).filter(|&h| parse.is_noun(h))
}

/// A recipient named inside the event's object or complement: the nearest prepositional phrase
/// (breadth first, a few levels down) whose preposition suits the event type and whose object
/// is a named party. "of" counts only for people and organisations ("the removal of President
/// X"); "in" only for countries and cities, and only for events done to a place ("demonstrated
/// in Serbia", "threatened to ban voting in East Jerusalem").
fn nested_recipient(
    parse: &Parse<'_>,
    clause: &[usize],
    theme: &[usize],
    plover: &str,
) -> Option<Participant> {
    const MAX_DEPTH: usize = 4;
    let done_to_place = matches!(
        plover,
        "PROTEST" | "COERCE" | "THREATEN" | "SANCTION" | "ASSAULT"
    );
    let supportive = is_supportive(plover);
    let mut queue: std::collections::VecDeque<(usize, usize)> =
        clause.iter().chain(theme).map(|&t| (t, 0)).collect();
    let mut seen: Vec<usize> = Vec::new();
    while let Some((node, depth)) = queue.pop_front() {
        if seen.contains(&node) || depth > MAX_DEPTH {
            continue;
        }
        seen.push(node);
        // "donated $2bn to the fight against Malaria": not to Malaria.
        if supportive && opposes_party(parse, node) {
            continue;
        }
        for &c in &parse.children[node] {
            let dep = parse.dep(c);
            // A protest's purpose names whom it is aimed at: "began a hunger strike to demand
            // the resignation of President X".
            let purpose = plover == "PROTEST" && dep == "advcl";
            if is_sourcing(parse, c) {
                continue;
            }
            if matches!(
                dep,
                "nsubj" | "nsubjpass" | "csubj" | "agent" | "relcl" | "advcl" | "punct"
            ) && !purpose
            {
                continue;
            }
            if dep == "prep" {
                let word = parse.lower[c].as_str();
                if let Some(o) = parse.child(c, &["pobj"]) {
                    let label = parse.ent_label(o);
                    let named = parse.entity_at(o).is_some()
                        || matches!(label, "GPE" | "ORG" | "NORP" | "PERSON");
                    let fits = match word {
                        "against" | "with" | "to" | "for" | "from" | "into" | "toward"
                        | "towards" => named,
                        "of" => matches!(label, "PERSON" | "ORG"),
                        "in" => done_to_place && label == "GPE",
                        _ => false,
                    };
                    if fits && let Some(party) = party_of(parse, o) {
                        return Some(party);
                    }
                }
            }
            queue.push_back((c, depth + 1));
        }
    }
    None
}

/// Whether a phrase head names a party or a place: a named entity or a party noun.
fn is_party_token(parse: &Parse<'_>, i: usize) -> bool {
    matches!(
        parse.ent_label(i),
        "PERSON" | "ORG" | "GPE" | "NORP" | "LOC" | "FAC"
    ) || parse.entity_at(i).is_some()
        || lexicon::PARTY_NOUNS.contains(&parse.lemma[i].as_str())
        || matches!(parse.tag(i), "PRP" | "NNP" | "NNPS")
}

/// A participant phrase's last word, lowercased: its head noun ("senior officials" →
/// "officials").
fn participant_head(participant: &Participant) -> String {
    participant
        .name
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// Whether a participant can be a party: an entity, or a phrase whose head is a party noun
/// ("EU states", "senior officials").
fn is_party(parse: &Parse<'_>, participant: &Participant) -> bool {
    if participant.entity.is_some() {
        return true;
    }
    let head = participant_head(participant);
    // A phrase with a proper name or adjective in it names a party ("Israeli army bulldozers");
    // a word capitalised only because it starts the sentence does not ("Bringing", "Reform").
    let proper = |word: &str| {
        let word = word
            .split(['\'', '’'])
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        word.chars().next().is_some_and(char::is_uppercase) && parse.proper_words.contains(word)
    };
    if participant.name.split_whitespace().any(proper) {
        return true;
    }
    let singular = head.strip_suffix('s').unwrap_or(&head);
    let singular_ies = head.strip_suffix("ies").map(|stem| format!("{stem}y"));
    // "gunmen", "militiamen", "policemen".
    let singular_men = head.strip_suffix("men").map(|stem| format!("{stem}man"));
    lexicon::PARTY_NOUNS.contains(&head.as_str())
        || lexicon::PARTY_NOUNS.contains(&singular)
        || singular_ies.is_some_and(|s| lexicon::PARTY_NOUNS.contains(&s.as_str()))
        || singular_men.is_some_and(|s| lexicon::PARTY_NOUNS.contains(&s.as_str()))
}

/// Whether a participant is a person named by kin, age or calling (`lexicon::VICTIM_NOUNS`):
/// "his wife", "the former drummer", "two teenagers".
fn is_a_victim_noun(participant: &Participant) -> bool {
    let head = participant_head(participant);
    let singular = head.strip_suffix('s').unwrap_or(&head);
    lexicon::VICTIM_NOUNS.contains(&head.as_str()) || lexicon::VICTIM_NOUNS.contains(&singular)
}

/// Nouns of a party's want or act, whose possessor is the one who acts: "Moscow's need to beg",
/// "Germany's decision to send tanks". Not nouns of what a party has or is ("Asia's biggest
/// airline ordered", "the UK's largest coal producer blamed").
const ACT_NOUNS: &[&str] = &[
    "need",
    "decision",
    "move",
    "plan",
    "attempt",
    "bid",
    "call",
    "demand",
    "refusal",
    "failure",
    "willingness",
    "readiness",
    "desire",
    "wish",
    "effort",
    "determination",
    "intention",
    "insistence",
    "eagerness",
    "reluctance",
    "inability",
    "threat",
    "promise",
    "pledge",
    "offer",
    "proposal",
];

/// The party a subject names: itself, or for a want or act of a party ("Moscow's need to beg
/// for help", "Germany's decision to send tanks"), its owner.
fn doer_of(parse: &Parse<'_>, subject: usize) -> Option<Participant> {
    if ACT_NOUNS.contains(&parse.lemma[subject].as_str())
        && let Some(owner) = parse.possessor(subject)
        && parse.entity_at(owner).is_some()
    {
        return parse.participant(owner);
    }
    parse.participant(subject)
}

/// The party a phrase names: itself, or for a thing owned by a party ("Germany's dither"),
/// its owner.
fn party_of(parse: &Parse<'_>, o: usize) -> Option<Participant> {
    if parse.entity_at(o).is_none()
        && let Some(owner) = parse.possessor(o)
        && parse.entity_at(owner).is_some()
    {
        return parse.participant(owner);
    }
    if !parse.can_be_party(o) {
        // A misparse may make a date the head of a name ("President Bashar Assad Tuesday").
        return parse
            .children_with(o, &["compound"])
            .filter(|&c| parse.entity_at(c).is_some())
            .last()
            .and_then(|c| parse.participant(c));
    }
    // A thing rather than a party ("positions of the Palestinian security forces", "targets in
    // Jericho", "further action against Russia"): the party it belongs to or is aimed at.
    if !is_party_token(parse, o)
        && let Some(inner) = party_inside(parse, o)
    {
        return parse.participant(inner);
    }
    parse.participant(o)
}

/// Whether an event type gives or grants something to its recipient.
fn is_supportive(plover: &str) -> bool {
    matches!(plover, "AID" | "AGREE" | "SUPPORT")
}

/// Whether a phrase that names no party itself is aimed against something ("the fight against
/// Aids", "a campaign against the rebels"): the party inside it is the opponent.
fn opposes_party(parse: &Parse<'_>, phrase: usize) -> bool {
    !is_party_token(parse, phrase)
        && parse
            .children_with(phrase, &["prep"])
            .any(|p| parse.lower[p] == "against")
}

/// The nearest party inside a noun phrase: an object of "of", "for", "against", "with", "to",
/// "from" that names a party, or of "in" that names a country or city; two levels down at
/// most.
fn party_inside(parse: &Parse<'_>, phrase: usize) -> Option<usize> {
    let mut level = vec![phrase];
    for _ in 0..2 {
        let mut next = Vec::new();
        for &node in &level {
            for p in parse.children_with(node, &["prep"]) {
                let Some(o) = parse.child(p, &["pobj"]) else {
                    continue;
                };
                let fits = match parse.lower[p].as_str() {
                    "of" | "for" | "against" | "with" | "to" | "from" => {
                        is_party_token(parse, o) && parse.can_be_party(o)
                    }
                    "in" => parse.ent_label(o) == "GPE",
                    _ => false,
                };
                if fits {
                    return Some(o);
                }
                next.push(o);
            }
        }
        level = next;
    }
    None
}

/// The subject of a verb, looking through coordination, control and relative clauses.
/// The subject of a passive verb, the one who undergoes the act: its own, or for a passive
/// coordinated with an active verb, the subject they share ("Mr Sullivan has pleaded guilty and
/// will be sentenced": Sullivan is to be sentenced, he sentences nobody), or for a passive
/// participle that adds to a clause, that clause's subject ("Mr Ebbers could face 85 years if
/// convicted", "is in prison, having been charged with fraud", "is on trial, accused of fraud",
/// "found itself in trouble after being accused of …": each is the one accused).
fn passive_subject(parse: &Parse<'_>, verb: usize) -> Option<usize> {
    parse.child(verb, &["nsubjpass"]).or_else(|| {
        let auxpass = parse.child(verb, &["auxpass"]).is_some();
        let shares_its_subject = match parse.dep(verb) {
            // "he stands accused of breaching the code": the one who stands is accused.
            "acomp" | "oprd" | "xcomp" | "ccomp"
                if parse.tag(verb) == "VBN"
                    && parse.head(verb).is_some_and(|h| parse.lemma[h] == "stand") =>
            {
                true
            }
            // "the powers … have to be resisted": the subject of "have" is resisted.
            "conj" | "pcomp" | "xcomp" => auxpass,
            // A bare participle ("if convicted", "accused of …") is passive; "having accused
            // them" is not.
            "advcl" => {
                parse.tag(verb) == "VBN" && (auxpass || parse.child(verb, &["aux"]).is_none())
            }
            _ => false,
        };
        (shares_its_subject && parse.child(verb, &["nsubj"]).is_none())
            .then(|| subject_of(parse, verb))
            .flatten()
    })
}

/// Whether a phrase names what firms trade, make or earn (`lexicon::ECONOMIC_NOUNS`): its head,
/// or what an amount is of ("$280bn in profits"). Arms production is no commerce.
fn is_economic_phrase(parse: &Parse<'_>, o: usize) -> bool {
    let economic = |t: usize| {
        lexicon::ECONOMIC_NOUNS.contains(&parse.lemma[t].as_str())
            && !parse.children_with(t, &["amod", "compound"]).any(|m| {
                let lemma = parse.lemma[m].as_str();
                lexicon::EQUIPMENT_NOUNS.contains(&lemma)
                    || matches!(
                        lemma,
                        "arm" | "arms" | "weapon" | "military" | "nuclear" | "missile" | "uranium"
                    )
            })
    };
    let amount = parse.tag(o) == "CD" || parse.lower[o] == "$" || parse.ent_label(o) == "MONEY";
    // "withdrew their bids to buy dollars": an offer to trade.
    // The parser may hang the infinitive on the verb, so the words after the phrase are read.
    let trade = |v: usize| {
        matches!(
            parse.lemma[v].as_str(),
            "buy" | "sell" | "acquire" | "purchase" | "invest"
        )
    };
    let after = parse.extent[o].1 + 1;
    // "signed a deal to acquire 36 planes": a deal to trade is an offer accepted.
    let offer_to_trade = matches!(
        parse.lemma[o].as_str(),
        "bid" | "offer" | "deal" | "agreement" | "contract"
    ) && (parse.children_with(o, &["acl", "relcl"]).any(trade)
        || (after + 1 < parse.toks.len() && parse.lower[after] == "to" && trade(after + 1)));
    // "a bidding war", "a price war": a contest between buyers or sellers.
    let market_war = matches!(parse.lemma[o].as_str(), "war" | "battle")
        && parse.children_with(o, &["compound", "amod"]).any(|m| {
            matches!(
                parse.lemma[m].as_str(),
                "bidding" | "bid" | "price" | "takeover"
            )
        });
    economic(o)
        || offer_to_trade
        || market_war
        || (amount && parse.prep_object(o, &["in", "of"]).is_some_and(economic))
}

/// Whether the act happens in a story, not the world: under a verb that depicts ("Dirty War
/// depicts a dirty bomb attack on the City of London"), in what a work is about ("a film about
/// a hijacking"), or done by a work of art.
fn told_in_a_work(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    let mut node = trigger.anchor;
    for _ in 0..5 {
        let Some(head) = parse.head(node) else {
            break;
        };
        if parse.is_verb(head) && lexicon::DEPICTING_VERBS.contains(&parse.lemma[head].as_str()) {
            return true;
        }
        if parse.dep(node) == "pobj"
            && parse.lower[head] == "about"
            && parse
                .head(head)
                .is_some_and(|w| lexicon::WORK_NOUNS.contains(&parse.lemma[w].as_str()))
        {
            return true;
        }
        node = head;
    }
    !trigger.nominal
        && parse
            .child(trigger.anchor, &["nsubj"])
            .is_some_and(|s| parse.ent_label(s) == "WORK_OF_ART")
}

/// What is criticised when it is "attacked" or "hit": a party's record, policy or words, a law
/// or a measure.
const IDEA_NOUNS: &[&str] = &[
    "pledge",
    "failure",
    "agenda",
    "speech",
    "announcement",
    "legislation",
    "law",
    "package",
    "measure",
    "move",
    "privatisation",
    "privatization",
    "rule",
    "tax",
    "record",
    "policy",
    "plan",
    "decision",
    "handling",
    "remark",
    "comment",
    "proposal",
    "idea",
    "budget",
    "stance",
    "approach",
    "strategy",
    "claim",
    "bill",
    "reform",
    "performance",
    "leadership",
    "statement",
];

/// Whether a SANCTION suspends, lifts or eases a ban or sanctions, its object or its passive
/// subject.
fn eases_a_sanction(parse: &Parse<'_>, trigger: &Trigger, event: &Event) -> bool {
    let verb = trigger.anchor;
    event.plover == "SANCTION"
        && !trigger.nominal
        && matches!(
            parse.lemma[verb].as_str(),
            "suspend" | "lift" | "ease" | "relax"
        )
        && parse
            .child(verb, &["dobj"])
            .or_else(|| parse.child(verb, &["nsubjpass"]))
            .is_some_and(|o| {
                matches!(
                    parse.lemma[o].as_str(),
                    "ban" | "embargo" | "sanction" | "sanctions" | "boycott" | "restriction"
                )
            })
}

/// What is appealed against in court: a ruling and what it found or imposed.
const APPEALED_RULINGS: &[&str] = &[
    "decision",
    "ruling",
    "verdict",
    "judgment",
    "judgement",
    "sentence",
    "conviction",
    "allegation",
    "charge",
    "fine",
    "ban",
    "order",
    "finding",
];

/// Whether an appeal is one to a higher court, no request to a party: the verb or the noun
/// "appeal" with nobody it is made to and nothing it is for ("the Justice Department has not
/// said if it will appeal", "the government can appeal the decision", "is appealing against
/// allegations", "have until 21 March to file their appeal"). An appeal to a party or for
/// something ("appealed to the UN for help", "police appealed for public help") stays REQUEST.
fn an_appeal_in_court(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    let word = trigger.noun.unwrap_or(trigger.anchor);
    if trigger.sense.plover != "REQUEST" || trigger.demand || parse.lemma[word] != "appeal" {
        return false;
    }
    // "appealed for the inspectors to be given more time": "for" may mark a clause, not head
    // a phrase.
    let asks = |w: usize| {
        parse.prep_object(w, &["to", "for"]).is_some()
            || parse
                .children_with(w, &["xcomp", "ccomp", "dative", "advcl", "prep", "mark"])
                .any(|c| {
                    !matches!(parse.dep(c), "prep" | "mark")
                        || matches!(parse.lower[c].as_str(), "to" | "for")
                })
            || parse
                .children_with(w, &["advcl", "ccomp", "xcomp"])
                .flat_map(|c| parse.children_with(c, &["mark"]).collect::<Vec<_>>())
                .any(|m| parse.lower[m] == "for")
    };
    if asks(word) || (word != trigger.anchor && asks(trigger.anchor)) {
        return false;
    }
    let appealed = parse
        .child(word, &["dobj"])
        .or_else(|| parse.prep_object(word, &["against"]));
    appealed.is_none_or(|o| APPEALED_RULINGS.contains(&parse.lemma[o].as_str()))
}

/// An industrial strike, by how far it reaches.
enum IndustrialStrike {
    /// "a general strike", "a national strike": a protest against those who govern.
    General,
    /// "a strike on the underground", "a strike by pilots": labour against an employer.
    AtWork,
}

/// Where a strike is work stopped: a service, a workplace or a trade.
const STRUCK_WORKPLACES: &[&str] = &[
    "underground",
    "metro",
    "tube",
    "subway",
    "railway",
    "rail",
    "bus",
    "buses",
    "airline",
    "airport",
    "factory",
    "plant",
    "mine",
    "dock",
    "docks",
    "port",
    "hospital",
    "school",
    "post",
    "network",
    "line",
];

/// Who strikes in industrial action.
const STRIKING_WORKERS: &[&str] = &[
    "worker",
    "staff",
    "employee",
    "union",
    "driver",
    "pilot",
    "teacher",
    "nurse",
    "doctor",
    "miner",
    "crew",
    "controller",
    "postal",
    "pay",
    "industrial",
    "transport",
    "rail",
    "tube",
    "labour",
    "labor",
];

/// Modifiers of a military strike.
const MILITARY_STRIKE_WORDS: &[&str] = &[
    "air",
    "missile",
    "military",
    "nuclear",
    "pre-emptive",
    "preemptive",
    "drone",
    "rocket",
    "surgical",
    "retaliatory",
];

/// Whether the trigger is the noun "strike" for industrial action: "general" or "national"
/// before it, or a workplace it is "on" or "at", workers it is "by", or a trade or pay before
/// it. None for a military strike.
fn industrial_strike(parse: &Parse<'_>, trigger: &Trigger) -> Option<IndustrialStrike> {
    let i = trigger.anchor;
    if !trigger.nominal || trigger.sense.plover != "ASSAULT" || parse.lemma[i] != "strike" {
        return None;
    }
    let modifiers: Vec<usize> = parse
        // "a strike on the Buenos Aires underground" is parsed with "underground" an advmod.
        .children_with(i, &["amod", "compound", "nmod", "npadvmod", "advmod"])
        .collect();
    let modified_by = |words: &[&str]| {
        modifiers.iter().any(|&m| {
            words.contains(&parse.lemma[m].as_str()) || words.contains(&parse.lower[m].as_str())
        })
    };
    if modified_by(MILITARY_STRIKE_WORDS) {
        return None;
    }
    if modified_by(&["general", "national", "nationwide"]) {
        return Some(IndustrialStrike::General);
    }
    let at_work = parse
        .prep_object(i, &["on", "at"])
        .is_some_and(|o| STRUCK_WORKPLACES.contains(&parse.lemma[o].as_str()))
        || parse
            .prep_object(i, &["by"])
            .is_some_and(|o| STRIKING_WORKERS.contains(&parse.lemma[o].as_str()))
        || modified_by(STRIKING_WORKERS)
        || modified_by(STRUCK_WORKPLACES);
    at_work.then_some(IndustrialStrike::AtWork)
}

/// Whether a verb of assault has an idea as its object (`IDEA_NOUNS`).
fn attacks_an_idea(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    !trigger.nominal
        && trigger.sense.plover == "ASSAULT"
        && matches!(
            parse.lemma[trigger.anchor].as_str(),
            "attack" | "assail" | "hit"
        )
        && (parse
            .child(trigger.anchor, &["dobj", "nsubjpass"])
            .is_some_and(|o| {
                IDEA_NOUNS.contains(&parse.lemma[o].as_str()) || is_published_work(parse, o)
            })
            || attacks_in_words(parse, trigger.anchor))
}

/// Whether an attack is made in words: it says what for or as what ("attacked Mr Brown for
/// failing to mention the environment", "attacked Labour's pledges as vacuous"), or a clause
/// of saying goes with it ("attacked British imperialists, saying they treated Africans like
/// savages"), or critics make it ("has been attacked by critics in the US").
fn attacks_in_words(parse: &Parse<'_>, verb: usize) -> bool {
    let for_failing = parse
        .children_with(verb, &["prep"])
        .filter(|&p| matches!(parse.lower[p].as_str(), "for" | "as" | "over"))
        .any(|p| {
            parse.lower[p] == "as"
                || parse
                    .child(p, &["pcomp"])
                    .is_some_and(|c| parse.tag(c) == "VBG")
                || parse
                    .child(p, &["pobj"])
                    .is_some_and(|o| IDEA_NOUNS.contains(&parse.lemma[o].as_str()))
        });
    let saying = parse
        .children_with(verb, &["advcl", "xcomp", "conj"])
        .any(|c| {
            matches!(
                parse.lemma[c].as_str(),
                "say" | "call" | "describe" | "accuse"
            )
        });
    let by_critics = parse.prep_object(verb, &["by"]).is_some_and(|a| {
        matches!(
            parse.lemma[a].as_str(),
            "critic" | "commentator" | "columnist" | "reviewer" | "press" | "media"
        )
    });
    for_failing || saying || by_critics
}

/// Texts that speak for their authors: "a report released Tuesday alleged that France …".
const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "statement",
    "study",
    "letter",
    "resolution",
    "document",
    "communique",
    "declaration",
    "ruling",
    "verdict",
    "judgment",
    "judgement",
    "survey",
    "memo",
    "editorial",
    "article",
    "inquiry",
    "investigation",
    "submission",
    "petition",
    "proposal",
    "manifesto",
];

/// People and bodies that act for themselves or others though the party test does not know
/// them as parties (it stays strict about what a party is acted upon): "the majority owner of
/// Yukos has sued", "an employment tribunal dismissed", "both candidates pledged".
const DOER_NOUNS: &[&str] = &[
    "shareholder",
    "investor",
    "candidate",
    "politician",
    "parliamentarian",
    "tribunal",
    "panel",
    "board",
    "club",
    "owner",
    "head",
    "fan",
    "commentator",
    "analyst",
    "economist",
    "regulator",
    "watchdog",
    "body",
    "commission",
    "consumer",
    "customer",
    "buyer",
    "seller",
    "trader",
    "executive",
    "boss",
    "chairman",
    "chairwoman",
    "founder",
    "manager",
    "management",
    "trustee",
    "bondholder",
    "lender",
    "family",
    "campaigner",
    "church",
    "public",
    "jury",
    "fund",
    "foundation",
    "charity",
    "donor",
    "trust",
    "institution",
];

/// Whether a verb's doer is named and is no party: "a switch to new models hit Mercedes-Benz",
/// "a row could hit the courts", "cold weather has put pressure on prices". PLOVER codes what
/// parties do. Pronouns and relative words stand for someone; an event noun or a weapon as
/// subject reports an act done by someone unnamed ("the blast killed five", "rockets hit the
/// town").
fn doer_is_no_party(parse: &Parse<'_>, trigger: &Trigger) -> bool {
    // An event noun as a verb's object is done by the verb's subject: "cold weather has put
    // upward pressure on crude prices".
    let verb = if trigger.nominal {
        match parse.head(trigger.anchor) {
            Some(h) if parse.dep(trigger.anchor) == "dobj" && parse.is_verb(h) => h,
            _ => return false,
        }
    } else {
        trigger.anchor
    };
    let Some(subject) = parse.child(verb, &["nsubj"]) else {
        return false;
    };
    let lemma = parse.lemma[subject].as_str();
    // A doer noun, by its list or its ending ("economist", "parliamentarian"), or a phrase
    // owned by, of or coordinated with a party ("the head of Lloyd's", "Commentators and Yukos").
    let doer_noun = DOER_NOUNS.contains(&lemma)
        || (lemma.len() > 5
            && (lemma.ends_with("ist") || lemma.ends_with("ian") || lemma.ends_with("holder")));
    let with_a_party = parse
        .possessor(subject)
        .into_iter()
        .chain(parse.prep_object(subject, &["of"]))
        .chain(parse.children_with(subject, &["conj"]))
        .any(|p| is_party_token(parse, p));
    if matches!(
        parse.tag(subject),
        "PRP" | "WDT" | "WP" | "EX" | "DT" | "CD"
    ) || doer_noun
        || with_a_party
        || is_party_token(parse, subject)
        || stands_for_an_unnamed_doer(lemma)
    {
        return false;
    }
    doer_of(parse, subject).is_none_or(|p| !is_party(parse, &p))
}

/// Whether a subject noun reports an act by someone it does not name: an event noun, a weapon,
/// a force or a war ("the blast killed five", "rockets hit the town"), or a document that
/// speaks for its authors ("a report released Tuesday alleged …").
fn stands_for_an_unnamed_doer(lemma: &str) -> bool {
    lexicon::noun_sense(lemma).is_some()
        || lexicon::EQUIPMENT_NOUNS.contains(&lemma)
        || lexicon::FORCE_NOUNS.contains(&lemma)
        || lexicon::WAR_NOUNS.contains(&lemma)
        || DOCUMENT_NOUNS.contains(&lemma)
}

/// Whether a verb trigger's actor is a thing its clause describes (`is_a_thing_described`).
fn actor_is_a_thing_described(parse: &Parse<'_>, trigger: &Trigger, event: &Event) -> bool {
    if trigger.nominal {
        return false;
    }
    let Some(subject) = subject_of(parse, trigger.anchor) else {
        return false;
    };
    is_a_thing_described(parse, trigger.anchor, subject)
        && event.actor.as_ref().is_some_and(|actor| {
            // Not a party the phrase names by "by" or in apposition ("a plot by an ancient
            // brotherhood, The Illuminati, to blow up the Vatican").
            actor.entity.is_none()
                && parse
                    .participant(subject)
                    .is_some_and(|p| p.name == actor.name)
        })
}

/// Whether `noun` is a thing, no party, that a clause holding `verb` describes as a relative
/// or infinitive clause ("the deal to open formal talks", "the decision to destroy the air
/// force", "a dispensation that detained people"). A person, a party, a document that speaks
/// for its authors, an act or a weapon ("the blast that killed five") are not.
fn is_a_thing_described(parse: &Parse<'_>, verb: usize, noun: usize) -> bool {
    let mut v = verb;
    let described = loop {
        match parse.head(v) {
            Some(h) if h == noun => break matches!(parse.dep(v), "acl" | "relcl"),
            Some(h) if h != v => v = h,
            _ => return false,
        }
    };
    let lemma = parse.lemma[noun].as_str();
    described
        && matches!(parse.tag(noun), "NN" | "NNS")
        && !is_party_token(parse, noun)
        && parse.possessor(noun).is_none()
        // "A US government claim accusing the tobacco companies": the party's own.
        && !parse
            .children_with(noun, &["compound", "amod"])
            .any(|m| is_party_token(parse, m))
        && !DOER_NOUNS.contains(&lemma)
        // A doer's ending may name a person the lists lack: "six local administrators who had
        // agreed", "psychologists, who have demanded".
        && !(lemma.len() > 4
            && ["ist", "ian", "or", "er", "ant", "ee", "man", "men"]
                .iter()
                .any(|ending| lemma.ends_with(ending)))
        && !stands_for_an_unnamed_doer(lemma)
        && !lexicon::VICTIM_NOUNS.contains(&lemma)
}

fn subject_of(parse: &Parse<'_>, verb: usize) -> Option<usize> {
    let mut v = verb;
    let mut arrived_by_xcomp = false;
    for _ in 0..6 {
        if let Some(s) = parse.child(v, &["nsubj", "csubj"]) {
            return Some(relative_antecedent(parse, v, s));
        }
        if let Some(passive) = parse.child(v, &["nsubjpass"])
            && v != verb
        {
            // "Obama is scheduled to attend", "was pressed to resign": the passive subject
            // does what the infinitive says.
            return arrived_by_xcomp.then_some(passive);
        }
        let dep = parse.dep(v).to_string();
        let head = parse.head(v)?;
        arrived_by_xcomp = dep == "xcomp";
        match dep.as_str() {
            "relcl" => return Some(head),
            "acl" => {
                // "Moscow's need to beg": the possessor of the noun.
                if let Some(owner) = parse.possessor(head) {
                    return Some(owner);
                }
                // "is implementing the Royal Prerogative in order to withdraw the men's
                // passports": the subject of the verb "in order to" hangs from.
                if parse.lower[head] == "order"
                    && let Some(verb_above) = parse
                        .head(head)
                        .filter(|&p| parse.lower[p] == "in")
                        .and_then(|p| parse.head(p))
                {
                    v = verb_above;
                    continue;
                }
                // "issued a declaration demanding …": the one who issued it.
                match parse.head(head) {
                    Some(g)
                        if parse.dep(head) == "dobj"
                            && parse.is_verb(g)
                            && !is_party_token(parse, head) =>
                    {
                        v = g;
                    }
                    _ => return Some(head),
                }
            }
            "xcomp" | "conj" | "advcl" | "pcomp" | "prep" | "acomp" | "oprd" => v = head,
            _ => return None,
        }
    }
    None
}

/// The act a verb trigger is the means or purpose of, or that made it happen: the head of
/// "by blocking" ("caused chaos by blocking roads"), of a purpose infinitive ("returned to court
/// to seek sanctions") or of a verb's infinitive complement ("was forced to resign"). Not a
/// verb of saying, asking or wanting, whose time is when the words were said or the wish held
/// ("urged the rebels on Monday to lay down their arms").
fn governing_act(parse: &Parse<'_>, trigger: &Trigger) -> Option<usize> {
    const WORDS_AND_WISHES: &[&str] = &[
        "say", "tell", "ask", "urge", "call", "order", "want", "expect", "hope", "plan", "vow",
        "promise", "pledge", "threaten", "warn", "claim", "demand", "intend", "seek", "agree",
        "decide", "refuse", "propose", "offer", "aim", "try", "wish", "need",
    ];
    if trigger.nominal || trigger.complement.is_some() {
        return None;
    }
    let anchor = trigger.anchor;
    let head = parse.head(anchor).filter(|&h| h != anchor)?;
    let governor = match parse.dep(anchor) {
        "xcomp" => head,
        "advcl"
            if parse
                .children_with(anchor, &["aux"])
                .any(|a| parse.lower[a] == "to") =>
        {
            head
        }
        "pcomp" if parse.lower[head] == "by" => parse.head(head).filter(|&g| g != head)?,
        _ => return None,
    };
    (parse.is_verb(governor) && !WORDS_AND_WISHES.contains(&parse.lemma[governor].as_str()))
        .then_some(governor)
}

/// Where an event happened: a place named by "in", "at", "near", "outside" or "inside" on the
/// trigger's verbs ("were arrested in Paris"), on its event noun ("talks in Geneva", "held talks
/// in Geneva"), or, for acts done to people or things where they are, on the verb's direct
/// object or the party met with, where the parser often hangs the phrase ("met his
/// counterparts in Luxembourg", "attacked rebel positions in northern Syria", "held talks with
/// the prime minister in Geneva"), or on any verb's object that names a party
/// ("indicted 19 people in Newark"). Not on the object of an act about something ("condemned
/// the violence in Darfur": Darfur is what was spoken of, not where). A place is an
/// entity of the kind, or a name the tagger reads as one that no entity claims for another
/// kind (a company or person the tagger took for a place is no place).
fn event_place(
    parse: &Parse<'_>,
    trigger: &Trigger,
    clause: &[usize],
    plover: &str,
) -> Option<String> {
    const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "outside", "inside"];
    let done_where_it_is = matches!(
        plover,
        "CONSULT" | "ASSAULT" | "COERCE" | "MOBILIZE" | "PROTEST" | "AID"
    );
    let mut holders: Vec<usize> = clause.to_vec();
    holders.extend(trigger.noun);
    for &v in clause {
        holders.extend(
            parse
                .children_with(v, &["dobj"])
                .filter(|&o| done_where_it_is || is_party_token(parse, o)),
        );
    }
    // "held talks with the prime minister in Geneva": the parser hangs the place from the one
    // met.
    if done_where_it_is {
        let met: Vec<usize> = clause
            .iter()
            .copied()
            .chain(trigger.noun)
            .filter_map(|h| parse.prep_object(h, &["with"]))
            .filter(|&o| is_party_token(parse, o))
            .collect();
        holders.extend(met);
    }
    // The phrase must lie in the trigger's sentence: across a line break the parse can hang
    // the next sentence's words from this one's.
    let sentence = parse.sentence_of(trigger.anchor)?;
    holders.iter().find_map(|&h| {
        parse
            .children_with(h, &["prep"])
            .filter(|&p| PLACE_PREPOSITIONS.contains(&parse.lower[p].as_str()))
            .filter_map(|p| parse.child(p, &["pobj"]))
            .filter(|&o| parse.toks[o].end <= sentence.end)
            .find_map(|o| match parse.entity_at(o) {
                Some(entity) => {
                    (entity.kind == newsfacts_doc::EntityKind::Place).then(|| entity.name.clone())
                }
                None => {
                    matches!(parse.ent_label(o), "GPE" | "LOC" | "FAC").then(|| parse.name_of(o))
                }
            })
    })
}

/// Whether a time expression starting at `offset` belongs to this trigger's clause: climbing
/// from its first token, the first verb (or the trigger noun) reached is the trigger's, and not
/// by way of a subject it modifies.
fn attaches_to(parse: &Parse<'_>, offset: usize, trigger: &Trigger, clause: &[usize]) -> bool {
    let Some(first) = parse.toks.iter().position(|t| t.end > offset) else {
        return false;
    };
    // A date that is a word of a name ("the Sunday Times") or modifies a common noun ("the
    // 2004 winner"); not one the parser glued to a person's name ("on Tuesday Mr Ebbers").
    let modifier = parse.entity_at(first).is_some()
        || (matches!(
            parse.dep(first),
            "compound" | "poss" | "amod" | "nummod" | "nmod"
        ) && parse
            .head(first)
            .is_some_and(|h| !matches!(parse.tag(h), "NNP" | "NNPS")));
    let mut node = first;
    for _ in 0..10 {
        if clause.contains(&node) {
            return true;
        }
        if parse.is_verb(node) && node != first {
            return false;
        }
        // A date that modifies the subject's noun dates or names the one acting, not the act:
        // "the 2004 winner went on to sign a deal", "the Sunday Times alleged". (A time phrase
        // the parser hung from the subject, "Mr Blair on Sunday dismissed", stays the act's.)
        if modifier && matches!(parse.dep(node), "nsubj" | "nsubjpass") {
            return false;
        }
        if trigger.nominal && node == trigger.anchor {
            return true;
        }
        match parse.head(node) {
            Some(h) => node = h,
            None => return false,
        }
    }
    false
}

/// A span widened to hold every quantity it overlaps in part, and without the sentence's full
/// stop the tokenizer glued to an amount's unit ("£30m." one token "m.").
fn over_amounts_cut(doc: &Document, (mut start, mut end): (usize, usize)) -> (usize, usize) {
    for quantity in &doc.quantities {
        let overlaps = quantity.start < end && start < quantity.end;
        if overlaps && (quantity.start < start || end < quantity.end) {
            start = start.min(quantity.start);
            end = end.max(quantity.end);
        }
        if quantity.end + 1 == end && doc.text.get(quantity.end..end) == Some(".") {
            end = quantity.end;
        }
    }
    (start, end)
}

fn strip_time_preposition(text: &str) -> String {
    let lower = text.to_lowercase();
    for p in TIME_PREPOSITIONS {
        if *p == "this" || *p == "last" {
            continue;
        }
        if lower.starts_with(p) && lower[p.len()..].starts_with(' ') {
            return text[p.len() + 1..].trim().to_string();
        }
    }
    text.to_string()
}

/// How a trigger's clause holds its event.
#[derive(Debug, Clone, Copy, Default)]
struct Modality {
    negated: bool,
    hypothetical: bool,
    /// Future tense, or "would" in reported speech: a statement of intent.
    future: bool,
    /// Under a governor of intent: "willing to withdraw", "wants to attack".
    intent: bool,
    /// Under "if"/"unless".
    conditional: bool,
}

const INTENT_GOVERNORS: &[&str] = &[
    "willing",
    "ready",
    "prepared",
    "want",
    "intend",
    "plan",
    "wish",
    "determined",
];

/// Negation, hypotheticality, future tense and intent of a trigger's clause: its own
/// auxiliaries and negation, those of the verbs it is the complement of, conditional marks, and
/// governors that leave it unrealised.
fn modality(parse: &Parse<'_>, trigger: &Trigger, in_context: bool) -> Modality {
    let mut m = Modality::default();
    let mut node = trigger.anchor;
    if trigger.nominal {
        // With the context filters, only what a verb does to the noun lends it the verb's
        // modality: "the London meeting … would be remembered as …" and "passed only after
        // full consultation with airlines" intend no meeting.
        if in_context
            && (matches!(parse.dep(node), "nsubj" | "nsubjpass")
                || parse.head(node).is_some_and(|h| {
                    parse.dep(node) == "pobj"
                        && matches!(
                            parse.lower[h].as_str(),
                            "after" | "before" | "following" | "since" | "until" | "during"
                        )
                }))
        {
            return m;
        }
        // A noun's modality is its verb's: "unwilling to risk a visit".
        match parse.head(node) {
            Some(h) if parse.is_verb(h) => node = h,
            Some(h) => match parse.head(h) {
                Some(g) if parse.is_verb(g) && parse.dep(h) == "prep" => node = g,
                _ => return m,
            },
            None => return m,
        }
    }
    // Whether the climb has passed a finite verb joined to the one above it: its negation and
    // auxiliaries are its own, and those of the verbs above are not (a parser may join it low:
    // "it was not possible to overstate … and urged", "urged" joined to "overstate").
    let mut finite_conjunct = false;
    for _ in 0..6 {
        let own_words = !finite_conjunct;
        if own_words && parse.child(node, &["neg"]).is_some() {
            m.negated = true;
        }
        if own_words
            && parse
                .children_with(node, &["advmod"])
                .any(|c| matches!(parse.lower[c].as_str(), "never" | "not"))
        {
            m.negated = true;
        }
        let reported = parse.dep(node) == "ccomp";
        for c in parse
            .children_with(node, &["aux", "auxpass"])
            .filter(|_| own_words)
        {
            let word = parse.lower[c].as_str();
            if word == "would" && reported {
                m.future = true;
            } else if HYPOTHETICAL_MODALS.contains(&word) {
                m.hypothetical = true;
            }
            if FUTURE_MODALS.contains(&word) {
                m.future = true;
            }
        }
        if parse
            .children_with(node, &["mark"])
            .any(|c| CONDITIONAL_MARKS.contains(&parse.lower[c].as_str()))
        {
            m.hypothetical = true;
        }
        if parse.children_with(node, &["advcl"]).any(|a| {
            parse
                .children_with(a, &["mark"])
                .any(|c| parse.lower[c] == "unless")
        }) {
            m.conditional = true;
        }
        let dep = parse.dep(node).to_string();
        let Some(head) = parse.head(node) else { break };
        match dep.as_str() {
            "xcomp" | "acomp" | "oprd" | "dobj" => {
                let governor = parse.lemma[head].as_str();
                if lexicon::IRREALIS_GOVERNORS.contains(&governor) {
                    m.hypothetical = true;
                }
                if INTENT_GOVERNORS.contains(&governor) {
                    m.intent = true;
                }
                if lexicon::NEGATING_GOVERNORS.contains(&governor) {
                    m.negated = true;
                }
                // "going to deliver"
                if governor == "go" && parse.tag(head) == "VBG" {
                    m.future = true;
                }
                node = head;
            }
            "conj" => {
                // "did not meet or talk", "may meet and discuss": a verb in a base form or a
                // participle shares the auxiliaries and the negation of the verb it is joined
                // to. A finite one carries its own ("said it was not possible to overstate …
                // and urged the government to move" urges; "would not cut spending but agreed"
                // agrees) and shares only what is above both: "If Mr Blair wins … and fulfils
                // his promise".
                finite_conjunct |= matches!(parse.tag(node), "VBD" | "VBZ" | "VBP");
                // "nor does she kill": the conjunction negates.
                if parse
                    .children_with(head, &["cc"])
                    .any(|c| c < node && matches!(parse.lower[c].as_str(), "nor" | "neither"))
                {
                    m.negated = true;
                }
                node = head;
            }
            _ => break,
        }
    }
    m
}

/// A statement of intent is an event of its own in PLOVER: to cooperate later is AGREE, to use
/// force or pressure later is THREATEN, not to cooperate is REJECT. Returns the type, mode and
/// whether the event stays unrealised.
fn code_intent(
    plover: &'static str,
    mode: Option<&'static str>,
    m: Modality,
) -> (&'static str, Option<&'static str>, bool, bool) {
    const COOPERATIVE: &[&str] = &[
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
    ];
    const CONFLICTUAL: &[&str] = &["SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"];
    let intended = m.future || m.intent;
    if m.negated && (plover == "AGREE" || (intended && COOPERATIVE.contains(&plover))) {
        return ("REJECT", None, false, false);
    }
    if intended && !m.negated && (COOPERATIVE.contains(&plover) || plover == "AGREE") {
        let mode = if plover == "AID" {
            Some("pledge")
        } else {
            mode
        };
        if m.conditional && plover == "RETREAT" {
            return ("THREATEN", None, false, false);
        }
        return ("AGREE", mode, false, false);
    }
    if intended && !m.negated && CONFLICTUAL.contains(&plover) {
        return ("THREATEN", None, false, false);
    }
    (plover, mode, m.negated, m.hypothetical)
}

/// The recipient of an event the parse gives none: the first party named after the trigger
/// inside its clause (and sentence) that is not the actor ("Russia threatened … the United
/// States", "Sri Lanka established diplomatic ties … with Tehran"), as PLOVER coders read the
/// party acted upon from the sentence. Not for pledges and deliveries, whose recipient the
/// ledger counts against.
fn party_after_trigger(parse: &Parse<'_>, trigger: &Trigger, event: &Event) -> Option<Participant> {
    if matches!(event.mode.as_deref(), Some("pledge" | "delivery")) {
        return None;
    }
    let sentence = parse.sentence_of(trigger.anchor)?;
    let actor = event.actor.as_ref();
    let actor_name = actor.map(|a| a.name.to_lowercase()).unwrap_or_default();
    // Inside the trigger's clause, and not the doer of another act in it ("rejected by the
    // LSE", "Mr Brown had been sidelined"). A place named by "in" stays a candidate: the
    // target of an invasion or of a request for refuge is often written so.
    let (_, clause_end) = parse.extent[trigger.anchor];
    let doer = |i: usize| {
        matches!(parse.dep(i), "nsubj" | "nsubjpass" | "poss")
            || (parse.dep(i) == "pobj" && parse.head(i).is_some_and(|h| parse.lower[h] == "by"))
    };
    (trigger.last.max(trigger.anchor) + 1..=clause_end)
        .take_while(|&i| parse.toks[i].start < sentence.end)
        .filter(|&i| !doer(i) && !names_the_source(parse, i, trigger.anchor))
        .find_map(|i| {
            let entity = parse.entity_at(i)?;
            let same_as_actor = actor.is_some_and(|a| a.entity.as_deref() == Some(&entity.id))
                || actor_name.contains(&entity.name.to_lowercase());
            (!same_as_actor).then(|| Participant {
                entity: Some(entity.id.clone()),
                name: entity.name.clone(),
            })
        })
}

/// Whether token `i` names the source of a report about the clause of `anchor` ("…, according
/// to western officials"): a source is no party to the act reported.
fn names_the_source(parse: &Parse<'_>, i: usize, anchor: usize) -> bool {
    let mut node = i;
    for _ in 0..parse.toks.len() {
        if node == anchor {
            return false;
        }
        if is_sourcing(parse, node) {
            return true;
        }
        match parse.head(node) {
            Some(head) if head != node => node = head,
            _ => return false,
        }
    }
    false
}

/// Whether a token heads the phrase naming a report's source: "according (to …)".
fn is_sourcing(parse: &Parse<'_>, i: usize) -> bool {
    parse.dep(i) == "prep" && parse.lower[i] == "according"
}

/// A delivery with no recipient in its clause goes to the recipient of the pledge just before
/// it by the same actor in the same paragraph ("pledged … to Ukraine; they have so far supplied
/// …").
fn inherit_recipient(
    parse: &Parse<'_>,
    trigger: &Trigger,
    event: &mut Event,
    previous: &[(usize, Event)],
) {
    if event.recipient.is_some() || event.plover != "AID" {
        return;
    }
    let Some(actor) = &event.actor else { return };
    let start = parse.toks[trigger.anchor].start;
    for (anchor, earlier) in previous.iter().rev() {
        let earlier_start = parse.toks[*anchor].start;
        let same_paragraph = !parse
            .doc
            .text
            .get(earlier_start..start)
            .unwrap_or("\n")
            .contains('\n');
        if !same_paragraph {
            return;
        }
        if matches!(earlier.plover.as_str(), "AGREE" | "AID")
            && earlier.actor.as_ref().is_some_and(|a| a.name == actor.name)
            && earlier.recipient.is_some()
        {
            event.recipient = earlier.recipient.clone();
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_prepositions_are_dropped() {
        assert_eq!(strip_time_preposition("In March"), "March");
        assert_eq!(strip_time_preposition("this week"), "this week");
        assert_eq!(strip_time_preposition("on 3 May"), "3 May");
    }

    #[test]
    fn no_parse_no_events() {
        let doc = Document::from_article(newsfacts_doc::Article {
            id: "t".into(),
            paragraphs: vec!["Russia attacked Ukraine.".into()],
            ..newsfacts_doc::Article::default()
        });
        assert!(extract_events(&doc).is_empty());
    }
}
