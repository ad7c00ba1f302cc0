//! The events layer on the seed article (the five required events of `seed/gold.json` and
//! nothing from its `must_not`) and on the two event gold sets. Accuracy floors are what was
//! measured (a regression guard), not targets. They run the English pipeline: `--release`.

use newsfacts_testdata::seed_gold;
use std::path::Path;

use newsfacts_doc::{Document, Event};
use newsfacts_eval::events;

fn analyse_seed() -> Option<Document> {
    let text = newsfacts_testdata::seed_text()?;
    let article = newsfacts_ingest::text::article_from_text(&text, None);
    Some(newsfacts_analysts::Pipeline::new().analyze(article))
}

fn describe(e: &Event) -> String {
    format!(
        "{} {} mode={:?} {:?} -> {:?} [{}] what={:?} quantities={:?} when={:?} due={:?} negated={} hypothetical={} claimed_in={:?}",
        e.id,
        e.plover,
        e.mode,
        e.actor.as_ref().map(|a| a.name.as_str()),
        e.recipient.as_ref().map(|a| a.name.as_str()),
        e.trigger.text,
        e.what.as_ref().map(|w| w.text.as_str()),
        e.quantities,
        e.when,
        e.due,
        e.negated,
        e.hypothetical,
        e.claimed_in
    )
}

fn seed_failures(doc: &Document, gold: &serde_json::Value) -> Vec<String> {
    let mut failures = Vec::new();
    let str_of = |v: &serde_json::Value, k: &str| v[k].as_str().map(str::to_owned);
    for want in gold["events"]["required"].as_array().into_iter().flatten() {
        let plover = str_of(want, "plover").unwrap_or_default();
        let trigger = str_of(want, "trigger").unwrap_or_default();
        let Some(got) = doc
            .events
            .iter()
            .find(|e| e.plover == plover && e.trigger.text.contains(&trigger))
        else {
            failures.push(format!("missing event: {plover} [{trigger}]"));
            continue;
        };
        let name = |p: &Option<newsfacts_doc::Participant>| p.as_ref().map(|p| p.name.clone());
        let mut checks = vec![
            ("actor", str_of(want, "actor"), name(&got.actor)),
            ("recipient", str_of(want, "recipient"), name(&got.recipient)),
        ];
        if want.get("mode").is_some() {
            checks.push(("mode", str_of(want, "mode"), got.mode.clone()));
            checks.push(("when", str_of(want, "when"), got.when.clone()));
            checks.push(("due", str_of(want, "due"), got.due.clone()));
            // What was pledged or delivered: the object phrase holds it, and each of its
            // quantities is attached.
            let what = str_of(want, "what").unwrap_or_default();
            let got_what = got
                .what
                .as_ref()
                .map(|w| w.text.clone())
                .unwrap_or_default();
            if !got_what.contains(&what) {
                failures.push(format!("what: want {what:?} in {got_what:?} for {plover}"));
            }
            for quantity in doc.quantities.iter().filter(|q| what.contains(&q.text)) {
                if !got.quantities.contains(&quantity.id) {
                    failures.push(format!(
                        "quantity {} ({}) not attached to {plover}",
                        quantity.id, quantity.text
                    ));
                }
            }
        }
        for (field, want, got) in checks {
            if want.is_some() && want != got {
                failures.push(format!("{field}: want {want:?}, got {got:?} for {plover}"));
            }
        }
    }
    // The must_not ASSAULT is the related-article headline "Ukraine and Russia trade missile
    // strikes": it is boilerplate, so it must not be in the text the events come from.
    for headline in gold["boilerplate"]["required"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let headline = headline.as_str().unwrap_or_default();
        if doc.text.contains(headline) {
            failures.push(format!("boilerplate headline in the text: {headline}"));
        }
    }
    for not in gold["events"]["must_not"].as_array().into_iter().flatten() {
        let plover = str_of(not, "plover").unwrap_or_default();
        for event in doc.events.iter().filter(|e| e.plover == plover) {
            let trigger = event.trigger.text.to_lowercase();
            if trigger.contains("strike") || trigger.contains("trade") {
                failures.push(format!("must_not {plover}: {}", describe(event)));
            }
        }
    }
    failures
}

#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn seed_events() {
    let (Some(doc), Some(gold)) = (analyse_seed(), seed_gold()) else {
        println!("skipped: ../shared/seed not found");
        return;
    };
    for event in &doc.events {
        println!("{}", describe(event));
    }
    let failures = seed_failures(&doc, &gold);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn plover_gsr_accuracy_floors() {
    let Some(path) = newsfacts_testdata::shared("eval/events/plover/PLOVER_GSR_CAMEO.txt") else {
        println!("skipped: ../shared/eval/events not found");
        return;
    };
    let records = events::load_plover_gsr(Path::new(&path)).expect("PLOVER GSR reads");
    assert_eq!(records.len(), 322);
    let report = events::score_plover(&records);
    print!("{}", report.describe());
    // Measured with the shipped trigger classifier filling silent sentences: strict type
    // accuracy 0.770 total (0.870 tuning half, 0.671 held-out); actor 0.794; recipient 0.639
    // (0.755 tuning, 0.524 held-out) with the party after the trigger as the fallback
    // recipient. The lexicon alone: type 0.758 (0.863, 0.652). Actor and recipient were one
    // held-out record higher (0.798, 0.642, 0.531) before AID required material aid: a
    // welcome (gold CONSULT) was coded AID with the right parties and is now no event. With the wider lexicon, the party test that ignores sentence-initial capitals
    // and the classifier retrained on them: type 0.780 (0.876, 0.683), actor 0.804, recipient
    // 0.642 (0.755, 0.531); the lexicon alone 0.761 (0.863, 0.658). Once a commitment to give
    // nothing that changes hands is no pledge, its recipient may be the party after the
    // trigger: recipient 0.649 (0.755, 0.545). With the fill margin chosen on the tuning
    // half, one retrain gave type 0.795 (0.888, 0.702), actor 0.819, recipient 0.667 (0.762,
    // 0.572); the retrain after sources and possessors stopped being parties (which changes the
    // examples) chose another margin and gives type 0.783 (0.882, 0.683), actor 0.807,
    // recipient 0.660 (0.762, 0.559) — the fill moves a few records with every retrain.
    assert!(report.type_strict.total.accuracy() >= 0.78);
    assert!(report.type_strict.held_out.accuracy() >= 0.68);
    assert!(report.actor.total.accuracy() >= 0.80);
    assert!(report.recipient.total.accuracy() >= 0.655);
    assert!(report.recipient.held_out.accuracy() >= 0.555);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn the_trigger_classifier_loses_on_neither_half() {
    let Some(path) = newsfacts_testdata::shared("eval/events/plover/PLOVER_GSR_CAMEO.txt") else {
        println!("skipped: ../shared/eval/events not found");
        return;
    };
    assert!(
        newsfacts_analysts::events::classifier::EventClassifier::embedded().is_some(),
        "the shipped trigger classifier reads"
    );
    let records = events::load_plover_gsr(Path::new(&path)).expect("PLOVER GSR reads");
    let lexicon_alone = newsfacts_analysts::Pipeline::new()
        .with_classifier_use(newsfacts_analysts::events::classifier::ClassifierUse::Off);
    let without = events::score_plover_with(&records, &lexicon_alone);
    let with = events::score_plover(&records);
    for (half, a, b) in [
        ("tuning", &without.type_strict.tune, &with.type_strict.tune),
        (
            "held-out",
            &without.type_strict.held_out,
            &with.type_strict.held_out,
        ),
    ] {
        println!(
            "{half}: lexicon {:.3}, with classifier {:.3}",
            a.accuracy(),
            b.accuracy()
        );
        assert!(b.accuracy() >= a.accuracy(), "{half} half lost accuracy");
    }
}

#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn petr2_accuracy_floor() {
    let (Some(xml), Some(map)) = (
        newsfacts_testdata::shared("eval/events/universalpetrarch/PETR2_GSR_validation.xml"),
        newsfacts_testdata::shared("eval/events/plover/CAMEO2PLOVER-2021.txt"),
    ) else {
        println!("skipped: ../shared/eval/events not found");
        return;
    };
    let sentences = events::load_petr2(Path::new(&xml)).expect("PETR2 reads");
    // 78 sentences, one of which has an empty text.
    assert_eq!(sentences.len(), 77);
    let map = events::CameoMap::parse(&std::fs::read_to_string(map).expect("map reads"));
    let report = events::score_petr2(&sentences, &map);
    print!("{}", report.describe());
    // Measured: 0.709 total (0.872 tuning half, 0.550 held-out).
    assert!(report.accuracy.total.accuracy() >= 0.715);
}

fn cameo_pipeline() -> Option<newsfacts_analysts::Pipeline> {
    let path = newsfacts_testdata::shared("eval/events/petrarch2/CAMEO.2.0.txt")?;
    let text = std::fs::read_to_string(path).expect("CAMEO dictionary reads");
    let verbs = newsfacts_analysts::events::cameo::CameoVerbs::parse(&text).expect("parses");
    Some(newsfacts_analysts::Pipeline::new().with_cameo_verbs(std::sync::Arc::new(verbs)))
}

#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn accuracy_floors_with_the_cameo_verb_dictionary() {
    let (Some(pipeline), Some(gsr), Some(xml), Some(map)) = (
        cameo_pipeline(),
        newsfacts_testdata::shared("eval/events/plover/PLOVER_GSR_CAMEO.txt"),
        newsfacts_testdata::shared("eval/events/universalpetrarch/PETR2_GSR_validation.xml"),
        newsfacts_testdata::shared("eval/events/plover/CAMEO2PLOVER-2021.txt"),
    ) else {
        println!("skipped: ../shared/eval/events not found");
        return;
    };
    let records = events::load_plover_gsr(Path::new(&gsr)).expect("PLOVER GSR reads");
    let report = events::score_plover_with(&records, &pipeline);
    print!("{}", report.describe());
    // Measured: type 0.783 total (0.845 tuning, 0.720 held-out); actor 0.866; recipient 0.684.
    // Now: type 0.792 (0.851, 0.733); actor 0.869; recipient 0.684, and 0.691 once a
    // commitment to give nothing that changes hands is no pledge. With the fill margin chosen
    // on the GSR tuning half: type 0.801 (0.857, 0.745); recipient 0.698; after the retrain
    // above, type 0.798 (0.857, 0.739), recipient 0.698. Once a dictionary verb gives way to
    // the lexicon's act in the clause it governs: type 0.807 (0.876, 0.739), recipient 0.698.
    assert!(report.type_strict.total.accuracy() >= 0.80);
    assert!(report.recipient.total.accuracy() >= 0.695);
    let sentences = events::load_petr2(Path::new(&xml)).expect("PETR2 reads");
    let map = events::CameoMap::parse(&std::fs::read_to_string(map).expect("map reads"));
    let report = events::score_petr2_with(&sentences, &map, &pipeline);
    print!("{}", report.describe());
    // Measured: 0.747 total (0.821 tuning, 0.675 held-out).
    assert!(report.accuracy.total.accuracy() >= 0.74);
    // The events' own CAMEO codes, root against gold root: measured 0.557 total (0.538
    // tuning, 0.575 held-out), above the 51 % of a verb-dictionary coder.
    assert!(report.cameo_coded > 0, "no event carried a CAMEO code");
    assert!(report.root_accuracy.total.accuracy() >= 0.55);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn the_cameo_dictionary_adds_codes() {
    let Some(pipeline) = cameo_pipeline() else {
        println!("skipped: ../shared/eval/events/petrarch2 not found");
        return;
    };
    let article = newsfacts_ingest::text::article_from_text(
        "Russia expelled two Estonian diplomats on Monday.",
        None,
    );
    let doc = pipeline.analyze(article);
    let expelled = doc
        .events
        .iter()
        .find(|e| e.trigger.text == "expelled")
        .expect("an event for 'expelled'");
    assert_eq!(expelled.plover, "SANCTION");
    assert!(
        expelled
            .cameo
            .as_deref()
            .is_some_and(|c| c.starts_with("16")),
        "{:?}",
        expelled.cameo
    );
}

/// A verb only the dictionary codes gives way to the act the lexicon reads in the clause it
/// governs: "decided to allow" is the allowing (CONCEDE), not a decision (CAMEO DECIDE 030,
/// AGREE); "summoned … to complain" is the complaint (ACCUSE), not a meeting (SUMMON 040).
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_dictionary_verb_gives_way_to_the_act_of_the_clause_it_governs() {
    let Some(pipeline) = cameo_pipeline() else {
        println!("skipped: ../shared/eval/events/petrarch2 not found");
        return;
    };
    let article = newsfacts_ingest::text::article_from_text(
        "The court decided to allow the opposition leader to stand in the election. The \
         minister summoned the French ambassador to complain about the raids.",
        None,
    );
    let doc = pipeline.analyze(article);
    let triggers: Vec<(&str, &str)> = doc
        .events
        .iter()
        .map(|e| (e.trigger.text.as_str(), e.plover.as_str()))
        .collect();
    assert!(triggers.contains(&("allow", "CONCEDE")), "{triggers:?}");
    assert!(triggers.contains(&("complain", "ACCUSE")), "{triggers:?}");
    assert!(
        !triggers
            .iter()
            .any(|(t, _)| *t == "decided" || *t == "summoned"),
        "{triggers:?}"
    );
}

/// Deliveries of equipment to a country are aid delivered to it, and reach the ledger.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn delivered_tanks_are_an_aid_delivery_with_a_recipient() {
    let article = newsfacts_ingest::text::article_from_text(
        "Germany delivered 12 Leopard tanks to Ukraine in March, the defence ministry said.",
        None,
    );
    let doc = newsfacts_analysts::Pipeline::new().analyze(article);
    let delivered = doc
        .events
        .iter()
        .find(|e| e.trigger.text == "delivered")
        .expect("an event for 'delivered'");
    assert_eq!(delivered.plover, "AID", "{}", describe(delivered));
    assert_eq!(delivered.mode.as_deref(), Some("delivery"));
    let name = |p: &Option<newsfacts_doc::Participant>| p.as_ref().map(|p| p.name.clone());
    assert_eq!(name(&delivered.actor).as_deref(), Some("Germany"));
    assert_eq!(name(&delivered.recipient).as_deref(), Some("Ukraine"));
    let entry = doc
        .ledger
        .iter()
        .find(|entry| entry.pledger.name == "Germany")
        .expect("a ledger entry for Germany");
    assert_eq!(
        entry.recipient.as_ref().map(|r| r.name.as_str()),
        Some("Ukraine")
    );
    assert_eq!(entry.delivered.len(), 1);
    assert_eq!(entry.delivered[0].value, Some(12.0));
}

/// Asserts that the events the pipeline codes in `text` pass `check`, printing them if not.
fn assert_events(text: &str, check: impl Fn(&[Event]) -> bool) {
    let events = events_of(text);
    assert!(
        check(&events),
        "{text}: {:?}",
        events.iter().map(describe).collect::<Vec<_>>()
    );
}

fn events_of(text: &str) -> Vec<Event> {
    let article = newsfacts_ingest::text::article_from_text(text, None);
    newsfacts_analysts::Pipeline::new().analyze(article).events
}

/// A commitment keeps its own event, and the act it promises is an event of its own type,
/// marked as not yet done: the CAMEO convention codes the act, PLOVER the commitment.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn the_act_a_commitment_promises_is_a_hypothetical_event() {
    let events =
        events_of("The government of Norway agreed on Friday to lift the sanctions on Chile.");
    let summary: Vec<String> = events.iter().map(describe).collect();
    let agreed = events
        .iter()
        .find(|e| e.plover == "AGREE")
        .unwrap_or_else(|| panic!("an AGREE event: {summary:?}"));
    assert!(!agreed.hypothetical, "{summary:?}");
    let lifted = events
        .iter()
        .find(|e| e.plover == "RETREAT")
        .unwrap_or_else(|| panic!("a RETREAT event for lifting sanctions: {summary:?}"));
    assert!(lifted.hypothetical, "{summary:?}");
    assert_eq!(
        lifted.actor.as_ref().map(|a| a.name.as_str()),
        Some("Norway"),
        "{summary:?}"
    );
}

/// Expelling diplomats cuts relations (SANCTION); expelling people is coercion (the PLOVER
/// manual: "expulsions or deportations of individuals … are coded as COERCE").
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn expelling_diplomats_sanctions_and_expelling_people_coerces() {
    let diplomats = events_of("Peru expelled three Bolivian diplomats on Monday.");
    assert!(
        diplomats.iter().any(|e| e.plover == "SANCTION"),
        "{:?}",
        diplomats.iter().map(describe).collect::<Vec<_>>()
    );
    let people = events_of("Peru expelled dozens of Bolivian traders on Monday.");
    assert!(
        people.iter().any(|e| e.plover == "COERCE"),
        "{:?}",
        people.iter().map(describe).collect::<Vec<_>>()
    );
}

/// Letting aid or observers in is RETREAT (access), and a vow to fight is a threat.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn allowing_access_retreats_and_a_vow_to_fight_threatens() {
    let access = events_of("Uzbekistan allowed the delivery of grain to Afghanistan on Monday.");
    assert!(
        access
            .iter()
            .any(|e| e.plover == "RETREAT" && e.mode.as_deref() == Some("access")),
        "{:?}",
        access.iter().map(describe).collect::<Vec<_>>()
    );
    let vow =
        events_of("Ethnic Albanian rebels have sworn to fight until they win, officials said.");
    assert!(
        vow.iter().any(|e| e.plover == "THREATEN"),
        "{:?}",
        vow.iter().map(describe).collect::<Vec<_>>()
    );
}

/// AID is material aid from a party to a party (the PLOVER manual, 3.6): economic verbs that
/// give boosts, access or rises are no event; money, food or weapons given to a party are.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn aid_is_material_aid_to_a_party() {
    let aid_triggers = |text: &str| -> Vec<String> {
        events_of(text)
            .into_iter()
            .filter(|e| e.plover == "AID")
            .map(|e| e.trigger.text)
            .collect()
    };
    for text in [
        "Good rains and improved seeds contributed to the rise in production.",
        "The production deal with Peugeot gives Mitsubishi Motors a chance to use its plants.",
        "Asian states could soon stop funding the US deficit.",
        "Vodafone sent the Commission a response to those allegations in December.",
        "Over the years the fund has delivered poor profits.",
    ] {
        assert!(aid_triggers(text).is_empty(), "no AID in {text:?}");
    }
    for (text, trigger) in [
        ("China lent Russia $6bn last year.", "lent"),
        ("Germany sent 5,000 tonnes of food to Sudan.", "sent"),
        (
            "Mr Khodorkovsky had funded liberal opposition groups.",
            "funded",
        ),
    ] {
        assert_eq!(aid_triggers(text), [trigger], "AID in {text:?}");
    }
}

/// Money migrants send home is a remittance between households, not aid from a party.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn remittances_are_no_aid() {
    for text in [
        "Filipino nurses working abroad sent a record $9bn home last year.",
        "Cubans abroad can only send money to their immediate relatives.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "AID"));
    }
}

/// A sentence's first word is capitalised whatever it is: a gerund or common noun there is no
/// party ("Bringing …", "Suggestions that …"), while a name is, and "gunmen" are parties as
/// "gunman" is.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_sentence_initial_common_word_is_no_party() {
    assert_events(
        "Suggestions that outsourcing is to blame are wrong, she says.",
        |events| events.is_empty(),
    );
    assert_events(
        "Masked gunmen killed two villagers near the border on Sunday.",
        |events| {
            events.iter().any(|e| {
                e.plover == "ASSAULT" && e.actor.as_ref().is_some_and(|a| a.name.contains("gunmen"))
            })
        },
    );
}

/// Wider verb coverage from the PLOVER type definitions: phrasal verbs of rejection, arrest and
/// killing, and a compound event noun on a party is no event ("truce monitors").
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn wider_verbs_code_their_types() {
    for (text, plover) in [
        (
            "The rebels turned down the government's offer on Monday.",
            "REJECT",
        ),
        (
            "Police rounded up dozens of opposition activists in the capital.",
            "COERCE",
        ),
        (
            "Soldiers gunned down three protesters outside the palace.",
            "ASSAULT",
        ),
        (
            "The president reprimanded the army chief over the failed raid.",
            "ACCUSE",
        ),
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == plover));
    }
    assert_events(
        "A helicopter carrying truce monitors was hit near the border.",
        |events| events.iter().all(|e| e.plover != "RETREAT"),
    );
}

/// "X said Y must/should …" demands of Y only when Y can be a party: a forecast ("the recovery
/// should continue") demands nothing; a passive demands of whoever is to act.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_demand_is_made_of_a_party() {
    let requests = |text: &str| -> usize {
        events_of(text)
            .iter()
            .filter(|e| e.plover == "REQUEST")
            .count()
    };
    assert_eq!(
        requests("The OECD said the recovery of business investment should continue in Europe."),
        0
    );
    assert_eq!(
        requests("Conservatives in parliament say the company's stake should be cut to 49%."),
        1
    );
}

/// The type each sentence's events must include, by the PLOVER manual's definitions: charges
/// accuse, captives handed back and ended protests are steps back and concessions, a missile
/// test readies a weapon, joint exercises are military exchanges.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn definitions_of_the_plover_manual() {
    for (text, plover) in [
        ("The court charged three men with treason.", "ACCUSE"),
        ("Iraq returned 50 Kuwaiti prisoners of war.", "RETREAT"),
        (
            "Israel handed over the bodies of two Hezbollah fighters to Lebanon.",
            "RETREAT",
        ),
        ("The government granted amnesty to the rebels.", "CONCEDE"),
        ("The unions ended their strike on Monday.", "CONCEDE"),
        ("North Korea test-fired a missile on Sunday.", "MOBILIZE"),
        ("China put its forces on high alert.", "MOBILIZE"),
        (
            "The US and South Korea began joint military exercises.",
            "COOPERATE",
        ),
        ("The rebels captured the town of Kisangani.", "ASSAULT"),
        (
            "Kofi Annan said he will withdraw weapons inspectors from Iraq.",
            "THREATEN",
        ),
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == plover));
    }
    // No use of force, no fee charged as a crime, no market captured.
    for text in [
        "The Labour candidate is fighting an unwinnable seat.",
        "Banks charged customers a fee.",
        "Apple captured a large share of the market.",
    ] {
        assert_events(text, |events| {
            events
                .iter()
                .all(|e| !matches!(e.plover.as_str(), "ASSAULT" | "ACCUSE"))
        });
    }
}

/// A threat's recipient is the party its infinitive acts upon, and a passive in the past is
/// done, not hypothetical.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn threats_take_their_target_and_passives_are_done() {
    let threat = events_of("The rebels threatened to kill the hostages.");
    let summary: Vec<String> = threat.iter().map(describe).collect();
    assert!(
        threat.iter().any(|e| e.plover == "THREATEN"
            && e.recipient.as_ref().map(|r| r.name.as_str()) == Some("hostages")),
        "{summary:?}"
    );
    let passive = events_of("Twelve tanks were delivered to Ukraine by Germany.");
    let summary: Vec<String> = passive.iter().map(describe).collect();
    assert!(
        passive
            .iter()
            .any(|e| e.plover == "AID" && !e.hypothetical && e.mode.as_deref() == Some("delivery")),
        "{summary:?}"
    );
}

/// The source of a report is no party to the act reported, and a want or act of a party that is
/// no party itself ("Moscow's need") is done by its owner.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_source_is_no_party_and_a_partys_need_is_its_own() {
    let events = events_of(
        "Meanwhile, Pakistan has increased missile production, according to western officials \
         cited by a newspaper.",
    );
    let described: Vec<String> = events.iter().map(describe).collect();
    assert!(
        events.iter().any(|e| e.plover == "MOBILIZE"),
        "{described:?}"
    );
    assert!(
        events.iter().all(|e| e
            .recipient
            .as_ref()
            .is_none_or(|r| !r.name.contains("officials"))),
        "{described:?}"
    );
    // The curly apostrophe, which the parser reads as a case marker of a subject.
    let events = events_of("Moscow’s need to beg for help from Pyongyang is no secret, he said.");
    let described: Vec<String> = events.iter().map(describe).collect();
    assert!(
        events
            .iter()
            .any(|e| e.plover == "REQUEST" && e.actor.as_ref().is_some_and(|a| a.name == "Moscow")),
        "{described:?}"
    );
}

/// Ordinary business and arts news: verbs of conflict or concession in their commercial sense,
/// acts done by things, pleas in court, blame laid on things and acts told in a story are no
/// events; the same verbs between parties still are.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn commerce_things_pleas_and_stories_are_no_events() {
    let no_event_of = |text: &str, plover: &str| {
        assert_events(text, |events| events.iter().all(|e| e.plover != plover));
    };
    no_event_of(
        "The airline has suspended ticket sales in Spain.",
        "SANCTION",
    );
    no_event_of(
        "Japan and Korea withdrew their bids to buy dollars.",
        "RETREAT",
    );
    no_event_of(
        "Oil producers increased production sharply last month.",
        "MOBILIZE",
    );
    no_event_of("A weaker currency hit Siemens last year.", "ASSAULT");
    no_event_of(
        "The retailer blamed the wet summer for lower sales.",
        "ACCUSE",
    );
    no_event_of("The manager pleaded guilty to fraud on Monday.", "REQUEST");
    no_event_of(
        "The novel depicts an invasion of Poland by Germany.",
        "ASSAULT",
    );
    no_event_of("The director was shooting the film in Rome.", "ASSAULT");
    no_event_of(
        "The actor had been shooting the film Retirement in Miami.",
        "ASSAULT",
    );
    no_event_of(
        "Officials in Washington were talking up the dollar.",
        "CONSULT",
    );
    no_event_of(
        "The former chief executive has pleaded guilty and will be sentenced in May.",
        "THREATEN",
    );
    no_event_of(
        "The advisory panel will give its verdict next week.",
        "AGREE",
    );
    no_event_of(
        "Cold weather has put upward pressure on heating prices.",
        "REQUEST",
    );
    no_event_of(
        "The central bank did not rule out raising rates in June.",
        "REJECT",
    );
    no_event_of("The ministry refused to say if it would appeal.", "REJECT");
    no_event_of(
        "The country battled to recover from its first recession.",
        "ASSAULT",
    );
    no_event_of(
        "The bank continues to insist that the slowdown does not mean a recession.",
        "REQUEST",
    );
    no_event_of(
        "The drinks group has agreed to buy 30% of the brewer.",
        "AGREE",
    );
    no_event_of(
        "The euro has shot up to a record high against the dollar.",
        "ASSAULT",
    );
    no_event_of("The documentary was shot mostly in Kenya.", "ASSAULT");
    let some_event_of = |text: &str, plover: &str| {
        assert_events(text, |events| events.iter().any(|e| e.plover == plover));
    };
    some_event_of("The minister blamed Russia for the attack.", "ACCUSE");
    some_event_of("The head of the union criticised the government.", "ACCUSE");
    some_event_of("The tribunal dismissed the appeal by Iran.", "REJECT");
    // Criticism, not force.
    some_event_of(
        "Senator Smith attacked the president's economic record on Monday.",
        "ACCUSE",
    );
    no_event_of(
        "Senator Smith attacked the president's economic record on Monday.",
        "ASSAULT",
    );
}

/// "The company" and "it" that act take the organisation coreference found for them.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn the_company_that_accuses_is_the_organisation_named_before() {
    let events = events_of(
        "Lakeside Mining has cut 400 jobs in Ohio. The company has also accused the state \
         regulator of bias.",
    );
    let accusation = events
        .iter()
        .find(|e| e.plover == "ACCUSE")
        .unwrap_or_else(|| panic!("{:?}", events.iter().map(describe).collect::<Vec<_>>()));
    assert_eq!(
        accusation.actor.as_ref().map(|a| a.name.as_str()),
        Some("Lakeside Mining"),
        "{}",
        describe(accusation)
    );
}

/// The party test for business news: firms dealing with firms make no event; the same acts
/// towards a government, and a firm's denials, stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn firms_dealing_with_firms_are_no_events() {
    let types_of =
        |text: &str| -> Vec<String> { events_of(text).iter().map(|e| e.plover.clone()).collect() };
    for (text, plover) in [
        (
            "Northwind Holdings has rejected a takeover offer from Baxter Group.",
            "REJECT",
        ),
        (
            "Velmont Motors held merger talks with Castell Group on Monday.",
            "CONSULT",
        ),
        (
            "The carmaker Velmont Motors has withdrawn its offer for Castell Group.",
            "RETREAT",
        ),
        (
            "The two most senior executives at the mortgage company have resigned.",
            "RETREAT",
        ),
        // Initials stand for the firm named before them.
        (
            "Velmont Motors has bid for the Castell Stock Exchange. Velmont Motors began talks \
             with the CSE on Monday.",
            "CONSULT",
        ),
    ] {
        let types = types_of(text);
        assert!(types.iter().all(|t| t != plover), "{text}: {types:?}");
    }
    for (text, plover) in [
        (
            "Velmont Motors held talks with the French government on Monday.",
            "CONSULT",
        ),
        ("Castell Group denied the allegations on Monday.", "REJECT"),
        (
            "Castell Group's board strongly rejected the charges against its chairman.",
            "REJECT",
        ),
    ] {
        let types = types_of(text);
        assert!(types.iter().any(|t| t == plover), "{text}: {types:?}");
    }
}

/// Verbs in another sense: releasing results or a film, winning a contest, and a gerund that
/// allows with nobody allowing.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn publishing_contests_and_gerunds_are_no_events() {
    for (text, plover) in [
        (
            "The Hungarian government will release its budget figures on Friday.",
            "RETREAT",
        ),
        (
            "The new film was released in 40 countries last week.",
            "RETREAT",
        ),
        (
            "The Lisbon team has beaten Porto 3-1 to win the league title.",
            "ASSAULT",
        ),
        (
            "Tarvo Mining beat profit forecasts in the third quarter.",
            "ASSAULT",
        ),
        (
            "Mr Hale warned that allowing the deficit to grow could hurt the economy.",
            "CONCEDE",
        ),
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != plover));
    }
    for (text, plover) in [
        ("The rebels released the two hostages on Sunday.", "RETREAT"),
        ("Police beat the protesters in the capital.", "ASSAULT"),
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == plover));
    }
}

/// The dead of a disaster, a disease or an accident are no ASSAULT; the dead of an attack are.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_disasters_dead_are_no_assault() {
    for text in [
        "The floods which killed more than 200 people destroyed the main bridge.",
        "Hundreds of villagers were killed by cholera and famine last year.",
        "More than 900 people have been killed following a powerful earthquake in Peru.",
        "Peru is the first of the nations battered by the storm to cut its forecast.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "ASSAULT"));
    }
    assert_events(
        "The rebels who attacked the convoy killed three soldiers.",
        |events| events.iter().any(|e| e.plover == "ASSAULT"),
    );
}

/// A claim that only asserts, examining a paper, committing a crime and inviting bids are no
/// events; a claim of wrongdoing by a party is an accusation.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn assertions_studies_and_crimes_are_no_events() {
    for (text, plover) in [
        (
            "The research institute claims that taxes will need to rise next year.",
            "ACCUSE",
        ),
        (
            "Velmont Motors claimed it had paid the money in March.",
            "ACCUSE",
        ),
        (
            "The ministry is examining the proposals from the airlines.",
            "ACCUSE",
        ),
        (
            "He admitted he was willing to commit fraud to meet the targets.",
            "AGREE",
        ),
        ("Peru is to invite bids for three mining licences.", "AGREE"),
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != plover));
    }
    assert_events(
        "Opposition leaders claim the election was rigged by the government.",
        |events| events.iter().any(|e| e.plover == "ACCUSE"),
    );
}

/// A verb written as part of a name, a demand the speaker makes of their own side, and an order
/// of goods are no requests; an order to halt something is.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn names_own_intentions_and_purchases_are_no_requests() {
    for text in [
        "Neither Ask Jeeves nor Doubleclick pleased investors. Ask Jeeves is a search firm.",
        "\"We should seek a solution that protects investors,\" the minister said.",
        "Kestrel Air has ordered 30 Airbus A320 planes.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "REQUEST"));
    }
    for text in [
        "The agency ordered the builders to halt 30 projects.",
        "The president said the army must return the land.",
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == "REQUEST"));
    }
}

/// A fight in the courts or for a market is no ASSAULT; a fight between forces is.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn legal_battles_and_market_fights_are_no_assault() {
    for text in [
        "The oil firm has been battling the tax authorities in court for more than a year.",
        "Critics say the assault on Norvik's finances was planned in Moscow.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "ASSAULT"));
    }
    assert_events(
        "Government troops have been battling the rebels near the border.",
        |events| events.iter().any(|e| e.plover == "ASSAULT"),
    );
}

/// In a match report, attacks, strikes and wins are the game's; violence the police deal with
/// stays an event.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_match_reports_attacks_are_no_assault() {
    let report = "Rovers beat City in the league on Saturday. The striker attacked the defence \
                  from the start and the keeper could not stop his shot. City's coach said the \
                  team had played a poor game. The win lifts Rovers to third in the league and \
                  the players will now focus on the cup final. The fans celebrated the victory \
                  long after the match.";
    assert_events(report, |events| {
        events
            .iter()
            .all(|e| !matches!(e.plover.as_str(), "ASSAULT" | "COERCE"))
    });
    let riot = format!("{report} Police said fans attacked two stewards outside the stadium.");
    assert_events(&riot, |events| events.iter().any(|e| e.plover == "ASSAULT"));
}

/// A meeting that is the subject of its verb, or a time after which something happens, takes
/// no intention from the verb's modal; attacking a law is criticism.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_meetings_verb_lends_it_no_intention_and_laws_are_criticised() {
    assert_events(
        "The minister said the Paris meeting of the richest nations would be remembered as a \
         turning point.",
        |events| events.iter().all(|e| e.plover != "AGREE"),
    );
    assert_events(
        "Farmers have attacked the legislation as unfair.",
        |events| {
            events.iter().any(|e| e.plover == "ACCUSE")
                && events.iter().all(|e| e.plover != "ASSAULT")
        },
    );
    assert_events(
        "Iran will hold talks with the European Union next week.",
        |events| events.iter().any(|e| e.plover == "AGREE"),
    );
}

/// Meeting one's targets, a profit warning and a raised credit rating are no events.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn targets_met_profit_warnings_and_ratings_are_no_events() {
    for (text, plover) in [
        (
            "The brewer said it would hit its targets for 2006.",
            "ASSAULT",
        ),
        (
            "The brewer said it would hit its targets for 2006.",
            "THREATEN",
        ),
        (
            "Shares fell after the retailer issued a profit warning.",
            "THREATEN",
        ),
        ("Moody's lifted Peru's rating by one notch.", "CONCEDE"),
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != plover));
    }
}

/// A passive participle added to a clause ("if convicted", "having been charged", "accused of
/// …") is done to that clause's subject: the accused is the recipient, never the accuser.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn the_accused_of_a_passive_participle_is_no_accuser() {
    for (text, accused) in [
        (
            "Mr Harlow could face ten years in prison if convicted of fraud.",
            "Harlow",
        ),
        (
            "Mr Harlow is in custody, having been charged with bribery.",
            "Harlow",
        ),
        (
            "Former mayor Anna Petrova is on trial, accused of taking bribes.",
            "Petrova",
        ),
    ] {
        assert_events(text, |events| {
            events.iter().any(|e| {
                e.plover == "ACCUSE"
                    && e.recipient
                        .as_ref()
                        .is_some_and(|r| r.name.contains(accused))
                    && e.actor.as_ref().is_none_or(|a| !a.name.contains(accused))
            })
        });
    }
    assert_events(
        "Having accused the governor of fraud, Mr Harlow resigned.",
        |events| {
            events.iter().any(|e| {
                e.plover == "ACCUSE" && e.actor.as_ref().is_some_and(|a| a.name.contains("Harlow"))
            })
        },
    );
}

/// Sharing costs or a view and recalling cars are no events; sharing intelligence and recalling
/// an ambassador are.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn costs_shared_and_cars_recalled_are_no_events() {
    for (text, plover) in [
        (
            "The two carmakers will share research and development costs.",
            "COOPERATE",
        ),
        (
            "His view of the reforms is shared by many voters in Ohio.",
            "COOPERATE",
        ),
        (
            "Velmont Motors is recalling 20,000 cars in Canada.",
            "SANCTION",
        ),
        ("Mr Hale later recalled.", "SANCTION"),
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != plover));
    }
    for (text, plover) in [
        (
            "France agreed to share intelligence with Spain on Monday.",
            "COOPERATE",
        ),
        ("Norway has recalled its ambassador to Chile.", "SANCTION"),
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == plover));
    }
}

/// A claim that a party does business or policy asserts; a claim that it did a hostile act or a
/// wrong accuses it.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn claims_of_business_plans_accuse_nobody() {
    for text in [
        "A Tokyo newspaper claimed that the two banks will merge next year.",
        "The minister will need to raise taxes next year, the consultancy claims.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "ACCUSE"));
    }
    for text in [
        "The opposition claimed that the army had attacked the village.",
        "The union claims that neither the workers nor the public were consulted.",
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == "ACCUSE"));
    }
}

/// A firm's own act stays commerce when a regulator only reports it; the state that reports an
/// act done to firms may be its doer.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_firms_act_reported_by_a_regulator_is_no_event() {
    assert_events(
        "Kestrel Airways had to cancel 60 flights on Friday, said industry officials.",
        |events| events.iter().all(|e| e.plover != "SANCTION"),
    );
    assert_events(
        "Castell Group bosses held talks with Velmont Motors on Monday.",
        |events| events.iter().all(|e| e.plover != "CONSULT"),
    );
    assert_events(
        "The tax will only be passed after full consultation with the airlines, the EU said.",
        |events| events.iter().any(|e| e.plover == "CONSULT"),
    );
}

/// A passive demand of nothing that can act, a judgement of the past and a condition ask
/// nothing of a party; a demand of a party stays.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn judgements_and_conditions_are_no_demands() {
    for text in [
        "\"The economy must be assessed as a whole,\" the minister said.",
        "The group says banks should not have been allowed to raise their fees.",
        "Should the offer be accepted, Mr Hale said he would pay £2m for the shares.",
        "\"This play should be judged on its merit,\" the director said.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "REQUEST"));
    }
    assert_events(
        "The EU said that the US should back Ukraine's entry into the WTO.",
        |events| events.iter().any(|e| e.plover == "REQUEST"),
    );
}

/// Offering services or a choice describes what something provides, and appealing to buyers
/// attracts them; offering to mediate commits, and appealing for help asks.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn services_offered_and_appeal_to_buyers_are_no_events() {
    for (text, plover) in [
        (
            "Index funds offer an alternative way to track the market.",
            "AGREE",
        ),
        (
            "Tarvo Systems offers services such as call centres to foreign clients.",
            "AGREE",
        ),
        (
            "The new model was designed to appeal to European drivers.",
            "REQUEST",
        ),
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != plover));
    }
    for (text, plover) in [
        (
            "Norway offered to mediate between the government and the rebels.",
            "AGREE",
        ),
        (
            "The president appealed to the United Nations for help.",
            "REQUEST",
        ),
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == plover));
    }
}

/// In an article full of matches, a minister's threat to ban fans is a minister's act, not the
/// game's.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_ministers_threat_in_a_match_report_stays() {
    let report = "Rovers beat City in the league on Saturday. The striker attacked the defence \
                  from the start and the keeper could not stop his shot. City's coach said the \
                  team had played a poor game. The win lifts Rovers to third in the league and \
                  the players will now focus on the cup final. The fans celebrated the victory \
                  long after the match.";
    let warning = format!(
        "{report} The justice minister has warned unruly fans that she will ban them from \
         matches."
    );
    assert_events(&warning, |events| {
        events.iter().any(|e| e.plover == "THREATEN")
            && events.iter().all(|e| e.plover != "ASSAULT")
    });
}

/// Allowing foreign investment, firms or customers to do business is economic policy or a
/// service; allowing inspectors in is a concession.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn business_allowed_is_no_concession() {
    for text in [
        "Peru will allow domestic airlines to fly long haul routes.",
        "The ministry has cleared a proposal allowing 100% foreign investment in housing.",
        "Tarvo Mobile will allow customers to order SIM cards online.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "CONCEDE"));
    }
    assert_events(
        "Iran agreed to allow the inspectors to visit the site.",
        |events| events.iter().any(|e| e.plover == "CONCEDE"),
    );
}

/// A promise of economic policy to voters commits to no party; a promise to a party of an act
/// does.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn promises_of_economic_policy_are_no_agreement() {
    for text in [
        "The president has promised to halve the budget deficit within five years.",
        "Mr Hale came into office promising to cut taxes.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "AGREE"));
    }
    assert_events(
        "The president has promised to withdraw the troops from Chad.",
        |events| events.iter().any(|e| e.plover == "AGREE"),
    );
}

/// Whoever "is in talks" holds them: a firm in talks with a firm deals, a government in talks
/// with a firm consults.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn who_is_in_talks_holds_them() {
    assert_events(
        "Velmont Motors is in talks with Castell Group about a possible alliance.",
        |events| events.iter().all(|e| e.plover != "CONSULT"),
    );
    assert_events(
        "The Peruvian government is in talks with Velmont Motors about a new plant.",
        |events| {
            events.iter().any(|e| {
                e.plover == "CONSULT"
                    && e.actor
                        .as_ref()
                        .is_some_and(|a| a.name.contains("government"))
            })
        },
    );
}

/// A body's own meeting is no consultation between parties; a meeting of states is.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_bodys_own_meeting_is_no_consultation() {
    assert_events(
        "Rates are expected to rise after the Federal Reserve's rate-setting meeting on \
         Tuesday.",
        |events| events.iter().all(|e| e.plover != "CONSULT"),
    );
    assert_events(
        "The G8 countries will meet at Gleneagles in July.",
        |events| events.iter().any(|e| e.plover == "CONSULT"),
    );
}

/// What analysts and economists welcome, criticise or accept is commentary; what a union
/// criticises is an act of a party.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn commentators_make_no_events() {
    for text in [
        "Financial analysts broadly welcomed the central bank's move.",
        "The decision was criticised by some economists.",
    ] {
        assert_events(text, |events| events.is_empty());
    }
    assert_events(
        "The miners' union criticised the government's decision.",
        |events| events.iter().any(|e| e.plover == "ACCUSE"),
    );
}

/// A person with no public office facing a firm over a deal does business; a president signing
/// with a firm acts for the state.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_private_person_dealing_with_a_firm_makes_no_event() {
    assert_events(
        "Film director Anna Petrova has signed a three-year deal with Castell Pictures.",
        |events| events.iter().all(|e| e.plover != "SUPPORT"),
    );
    assert_events(
        "President Hale signed a $2bn deal with Velmont Motors on Monday.",
        |events| events.iter().any(|e| e.plover == "SUPPORT"),
    );
}

/// The release of a work or a statement publishes it, as a noun or in a clause it completes;
/// the release of prisoners frees them.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn works_released_are_published_not_freed() {
    for text in [
        "Shares fell after the release of the trading statement.",
        "The director's latest film, Northern Lights, is to be released in 40 countries.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "RETREAT"));
    }
    assert_events(
        "The rebels announced the release of the two hostages on Sunday.",
        |events| events.iter().any(|e| e.plover == "RETREAT"),
    );
}

/// An office changing hands in the ordinary way is no RETREAT; a leader giving way to
/// protests or an opposition is.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn routine_resignations_are_no_retreat() {
    for text in [
        "Dr Ross, chairman of the central bank, will step down in January next year.",
        "Minister Peter Hall resigned from his post on Friday to run for parliament.",
        "Mr Hall will step down from his Treasury position next month.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "RETREAT"));
    }
    assert_events(
        "The prime minister resigned on Friday after weeks of protests against his government.",
        |events| events.iter().any(|e| e.plover == "RETREAT"),
    );
}

/// Signing a statement or a motion commits the signer to no party; signing a joint statement
/// with another state is an agreement.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn signing_a_statement_is_no_support() {
    for text in [
        "Labour MP John Smith has signed a Commons motion calling for an inquiry.",
        "President Lula signed a statement on the reform.",
        "Senator Jane Ross signed the motion on Tuesday.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "SUPPORT"));
    }
    assert_events(
        "Britain and France signed a joint statement on Tuesday.",
        |events| events.iter().any(|e| e.plover == "SUPPORT"),
    );
}

/// A concern voiced about the economy disapproves of no party.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn worries_about_the_economy_accuse_nobody() {
    assert_events(
        "Chancellor Helmut Berg voiced concerns about the strength of the euro.",
        |events| events.iter().all(|e| e.plover != "ACCUSE"),
    );
}

/// A question put is no request: "asked … if", a direct question quoted, "ask questions".
/// Asking someone to act or for something stays REQUEST.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn questions_asked_are_no_requests() {
    for text in [
        "During the hearing, the defence lawyer asked Ms Grant if she had ever seen the accounts.",
        "The senator asked the minister: \"Did you know about the payments?\"",
        "Prosecutors failed to ask key questions about the deal.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "REQUEST"));
    }
    for text in [
        "Jordan asked Syria to release the prisoners.",
        "Iran asked the United Nations for help.",
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == "REQUEST"));
    }
}

/// Other senses of "meet", "accept", "occupy", "talk" and "give": a target met, an award or a
/// fact accepted, an office held, a subject talked about, a boost or a verdict given.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn goals_awards_offices_subjects_and_verdicts_are_no_events() {
    for text in [
        "Chancellor Tom Hale will meet his deficit target with a margin to spare.",
        "Kate Winslet wept while accepting her award in Berlin.",
        "Officials in Lagos now accept that the figures were wrong.",
        "It is unclear who will occupy the White House next year.",
        "The minister was talking about jobs and growth in a speech.",
        "The court will give its verdict on Friday.",
        "The new deal will give a huge boost to Kenyan tea exports.",
    ] {
        assert_events(text, |events| events.is_empty());
    }
    for (text, plover) in [
        (
            "The Iranian foreign minister will meet his Syrian counterpart on Monday.",
            "CONSULT",
        ),
        ("Ghana accepted the offer from Togo.", "AGREE"),
        ("Rebels occupied the town of Goma.", "COERCE"),
        (
            "The minister talked with his Chinese counterpart about trade.",
            "CONSULT",
        ),
        ("Japan will give Sri Lanka $50m in aid.", "AGREE"),
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == plover));
    }
}

/// Cancelling a film or freezing debts owed (relief) sanctions nobody, nor is an offer of it a
/// threat; freezing a government's accounts stays a sanction.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn films_cancelled_and_debts_frozen_are_no_sanctions() {
    for text in [
        "Director Raj Kumar has no plans to cancel the film.",
        "The creditor nations will freeze debts owed by Haiti.",
        "The Paris Club on Wednesday offered to freeze debts owed by Haiti.",
    ] {
        assert_events(text, |events| {
            events
                .iter()
                .all(|e| e.plover != "SANCTION" && e.plover != "THREATEN")
        });
    }
    assert_events(
        "The bank moved to freeze the accounts of the Syrian government.",
        |events| events.iter().any(|e| e.plover == "SANCTION"),
    );
}

/// A promise of policy or conduct at home, made to no party, is no agreement: "promised to
/// publish the plan", "is committed to a strong airline". Promises of an act between parties,
/// of aid, or to a party stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn promises_of_policy_at_home_are_no_agreement() {
    for text in [
        "The government promised to publish the plan within ten days.",
        "The prime minister has pledged to modernise its airports.",
        "The administration is committed to a strong national airline.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "AGREE"));
    }
    for text in [
        "Russia pledged to withdraw its troops from Georgia.",
        "Ministers pledged to hold talks with the rebels.",
        "Donor nations promised to give $700m in relief.",
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == "AGREE"));
    }
}

/// A worry whose clause is about the economy ("that the rise of the euro was hurting exports")
/// disapproves of no party.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn worries_in_a_clause_about_the_economy_accuse_nobody() {
    assert_events(
        "Finance ministers voiced their concern that the rise of the euro was hurting exports.",
        |events| events.iter().all(|e| e.plover != "ACCUSE"),
    );
}

/// Commerce the firm test now sees: a deal to acquire planes, an offer for assets rejected by a
/// firm's board, a shareholders' general meeting, an exchange named by its city. A deal between
/// states to act together and leaders' meetings stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn deals_to_buy_boards_general_meetings_and_exchanges_are_commerce() {
    for text in [
        "Kingfisher Airlines has signed a deal to acquire 20 planes from Embraer.",
        "The offer for the French assets had already been rejected by Alstom's board.",
        "Hermes Fund called for Siemens to hold an emergency general meeting.",
        "The bid was turned down by the Frankfurt exchange last month.",
    ] {
        assert_events(text, |events| events.is_empty());
    }
    assert_events(
        "India and Russia signed a deal to cooperate on nuclear energy.",
        |events| events.iter().any(|e| e.plover == "SUPPORT"),
    );
    assert_events(
        "Leaders of the two countries will hold a meeting in Geneva.",
        |events| events.iter().any(|e| e.plover == "CONSULT"),
    );
}

/// A film shot on location, a rival beaten to a purchase, a bidding war or an auction left are
/// no force and no retreat; police shooting protesters and rebels leaving talks stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn films_shot_rivals_beaten_to_a_deal_and_bidding_wars_left_are_no_events() {
    for text in [
        "A Kenyan film version of Verdi's opera Aida shot in Nairobi in Swahili has premiered in Berlin.",
        "Last year HSBC beat Barclays to buy the Korean bank.",
        "ITV was forced to pull out of a bidding war for the rights.",
    ] {
        assert_events(text, |events| events.is_empty());
    }
    assert_events("Police shot two protesters in Lagos.", |events| {
        events.iter().any(|e| e.plover == "ASSAULT")
    });
    assert_events(
        "Rebels pulled out of the peace talks with the government.",
        |events| events.iter().any(|e| e.plover == "RETREAT"),
    );
}

/// An airline halting its own flights, or a firm agreeing to stop a line of sales, runs its
/// business; a state suspending flights, a state agreeing to suspend enrichment and a demand
/// that a department block a takeover stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_firm_halting_its_flights_or_sales_is_no_sanction() {
    for text in [
        "Kenya Airways will now suspend its flights to Somalia from 1 May.",
        "Tesco agreed to suspend cigarette sales in its Irish stores in 2003.",
    ] {
        assert_events(text, |events| events.is_empty());
    }
    for (text, plover) in [
        (
            "Russia will suspend flights to Georgia from Monday.",
            "SANCTION",
        ),
        ("Iran agreed to suspend uranium enrichment.", "SANCTION"),
        (
            "Opposition MPs are calling on the trade department to block any takeover of the airline.",
            "REQUEST",
        ),
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == plover));
    }
}

/// Pay talks between a firm and its staff or their unions are labour relations; a government
/// negotiating with the unions stays CONSULT.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_firms_talks_with_its_staff_are_no_events() {
    for text in [
        "Olympic Airways is trying to negotiate pay cuts with its cabin staff.",
        "Carmakers have spent much of the year in tough talks with unions about cutting jobs.",
    ] {
        assert_events(text, |events| events.is_empty());
    }
    assert_events(
        "The French government negotiated with the unions over pension reform.",
        |events| events.iter().any(|e| e.plover == "CONSULT"),
    );
}

/// Backing away or out withdraws; it is no SUPPORT. Backing a party's plan stays.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn backing_away_is_no_support() {
    for text in [
        "Alitalia's mounting debts have convinced Lufthansa to back away.",
        "The Senate backed out of the agreement with Mexico.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "SUPPORT"));
    }
    assert_events(
        "Brazil backed Argentina's bid for a seat on the council.",
        |events| events.iter().any(|e| e.plover == "SUPPORT"),
    );
}

/// A hit is a success when a work follows it or a possessive or a word of the charts comes
/// before it; a hit on a party stays ASSAULT.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_hit_record_or_film_is_no_assault() {
    for text in [
        "The tribe's chief criticised the sequel to hit film Island Pirates.",
        "Rapper Jay Cole sampled Mary Lane's 1980s hit Toy Town.",
        "Rapper Jay Cole has remade her debut hit Toy Town.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "ASSAULT"));
    }
    assert_events(
        "Rebels hit the army base near Goma with mortars.",
        |events| events.iter().any(|e| e.plover == "ASSAULT"),
    );
}

/// Thanks to God, to the "you" of a speech, or to fans and family are no SUPPORT; a state
/// thanking a state for its help is.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn thanks_in_a_speech_are_no_support() {
    for text in [
        "\"I just thank God that nobody was hurt,\" the singer said.",
        "\"Thank you to Sam Ford for taking a chance on me,\" said the actor.",
        "Lead singer Tom Price thanked fans for coming to every gig.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "SUPPORT"));
    }
    assert_events("The Pentagon thanked Japan for its support.", |events| {
        events.iter().any(|e| e.plover == "SUPPORT")
    });
}

/// Accepting or refusing to accept that something is so grants or disputes a fact, even when
/// the parser reads the clause's subject as the object; accepting an offer stays AGREE and
/// refusing one REJECT.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn facts_accepted_or_refused_are_no_events() {
    for (text, plover) in [
        (
            "Its lawyers now accept Barclays, HSBC and Lloyds were not involved in the loan.",
            "AGREE",
        ),
        (
            "The festival director refused to accept that anger at the war had turned viewers against French films.",
            "REJECT",
        ),
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != plover));
    }
    assert_events("Ghana refused to accept the offer from Togo.", |events| {
        events.iter().any(|e| e.plover == "REJECT")
    });
}

/// Beating rivals to a prize, in a poll or in the ratings is winning, no ASSAULT; police
/// beating protesters stays.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn rivals_beaten_to_an_award_are_no_assault() {
    for text in [
        "Singer Anna Cole won best female artist, beating Jane Fox and Lucy Hart.",
        "Green Day beat Oasis and Blur in the magazine's annual readers' poll.",
        "ITV's quiz show Top Ten was beaten in the ratings by BBC One's new drama.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "ASSAULT"));
    }
    assert_events(
        "Police beat protesters outside the parliament in Minsk.",
        |events| events.iter().any(|e| e.plover == "ASSAULT"),
    );
}

/// A bare "beat" is a beating only with a mark of one (a force or a captive beating or beaten,
/// a weapon, "to death", "up", violence or custody in its sentence): rivals beaten in an election,
/// a chart or a race, scams and records beaten are no ASSAULT. A shot that hits nobody — at
/// goal, at hoops, at game, a film shot on location — is none either; people shot stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn beatings_and_shootings_need_someone_hurt() {
    for text in [
        "Clara Vance beat Tomas Reyes and Ines Duarte for best new act.",
        "The Greens could go from second place to beat the Conservatives in Harwick.",
        "Tarvo Telecom is introducing new software to help beat rogue dialler scams.",
        "The new record by Kestrel is on course to beat the Velvet Foxes to the top.",
        "Harriet Molyneux shot wildly over the bar from eight yards.",
        "Prime Minister Alan Grey shot basketball hoops with pupils in Leeds.",
        "Visitors to the ranch run by Hollis Grant can hunt and shoot game animals.",
        "The film was made in Mali whereas Desert Rose was shot mostly in Morocco, with some \
         scenes made in Rabat.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "ASSAULT"));
    }
    for text in [
        "Police beat the protesters with batons in central Minsk.",
        "Omar Said was beaten to death while in the custody of the regiment.",
        "Prison guards beat Yusuf Kaya at the camp.",
        "Kevin Marsh waited for the burglar, tied him up and beat him.",
        "Rapper Dee Stone was shot in the head outside a studio in Harlem.",
        "The designer Carlo Fenn was shot outside his home by a gunman.",
        "Soldiers shot two protesters in Lagos.",
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == "ASSAULT"));
    }
}

/// "X said Y should do Z" demands an act of Y: not when Y is to know or feel something, when the
/// "should" is an opinion ("I think", a poll's share), or when Y is the public. A demand of a
/// party stays.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn opinions_judgements_and_advice_to_the_public_demand_nothing() {
    for text in [
        "Senator Ruth Hale said the first minister should know by now that such remarks come back \
         to bite him.",
        "Only 40% think Anna Lisle should become Princess Consort.",
        "\"I think that he should stick to his guns,\" Governor Paul Ames said of Tom Reed.",
        "The Software Alliance of Norland warned that people should stay alert.",
        "Tarvo Telecom said customers should change all default settings on their routers.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "REQUEST"));
    }
    assert_events(
        "Senator Ruth Hale said the prime minister should sack the finance minister.",
        |events| events.iter().any(|e| e.plover == "REQUEST"),
    );
}

/// A finite verb joined by "and" to a negated one is not negated ("said it was not possible …
/// and urged"); a base form shares the negation ("did not meet or talk"), and "neither … nor"
/// negates both.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn negation_reaches_only_the_verbs_that_share_it() {
    assert_events(
        "Senator Ruth Hale said it was not possible to overstate the importance of the ruling \
         and urged the government to act quickly.",
        |events| events.iter().any(|e| e.plover == "REQUEST" && !e.negated),
    );
    assert_events(
        "Governor Paul Ames said he would not cut spending but agreed to meet the unions.",
        |events| events.iter().any(|e| e.plover == "AGREE" && !e.negated),
    );
    assert_events("Iran did not meet or talk with the inspectors.", |events| {
        events.iter().filter(|e| e.plover == "CONSULT").count() == 2
            && events.iter().all(|e| e.negated)
    });
    assert_events(
        "The Halbrook Group has neither admitted nor denied the allegations of Norland.",
        |events| events.iter().any(|e| e.plover == "REJECT" && e.negated),
    );
}

/// Roles through an infinitive: "in order to" acts for the subject of the verb it hangs from,
/// and the subject of "have to be resisted" is resisted, not resisting. Data backed up, queries
/// asked and a question begged are no events.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn infinitives_keep_their_roles_and_idioms_are_no_events() {
    let name = |p: &Option<newsfacts_doc::Participant>| p.as_ref().map(|p| p.name.clone());
    assert_events(
        "The government of Norland is using emergency powers in order to withdraw the men's \
         passports.",
        |events| {
            events.iter().any(|e| {
                e.plover == "RETREAT" && name(&e.actor).is_some_and(|a| a.contains("Norland"))
            })
        },
    );
    assert_events(
        "Senator Ruth Hale said the rebels in Harwick have to be resisted.",
        |events| {
            events.iter().any(|e| {
                e.plover == "REJECT"
                    && e.actor.is_none()
                    && name(&e.recipient).is_some_and(|r| r.contains("rebels"))
            })
        },
    );
    for text in [
        "Few people back up the data on their phones.",
        "As people grow used to the web they ask more queries, Ms Lund said.",
        "The government of Norland refuses to answer, and that does rather beg the question.",
    ] {
        assert_events(text, |events| {
            events
                .iter()
                .all(|e| !matches!(e.plover.as_str(), "SUPPORT" | "REQUEST"))
        });
    }
    assert_events(
        "The United States backed up Britain in the dispute with Iran.",
        |events| events.iter().any(|e| e.plover == "SUPPORT"),
    );
}

/// A call to act asks (REQUEST), a telephone call consults; tourists visiting a country consult
/// nobody; "sentencing experts" sentence nobody; one who "stands accused" is accused.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn calls_tourists_modifiers_and_the_accused() {
    let name = |p: &Option<newsfacts_doc::Participant>| p.as_ref().map(|p| p.name.clone());
    assert_events(
        "The attorney general faced a call by Senator Ruth Hale to publish the full advice.",
        |events| events.iter().any(|e| e.plover == "REQUEST"),
    );
    assert_events(
        "The tax will also hit the two million tourists who visit Norland every year.",
        |events| events.iter().all(|e| e.plover != "CONSULT"),
    );
    assert_events(
        "The panel of Norland, including two judges, a senior barrister and sentencing experts, \
         will meet in June.",
        |events| events.iter().all(|e| e.plover != "COERCE"),
    );
    assert_events(
        "Senator Paul Ames stands accused of breaching the code on paid advocacy.",
        |events| {
            events.iter().any(|e| {
                e.plover == "ACCUSE"
                    && e.actor.is_none()
                    && name(&e.recipient).is_some_and(|r| r.contains("Ames"))
            })
        },
    );
}

/// A standing offer — the simple present, a participle describing its noun — says what is on
/// sale or on hand; an offer made at a time, or to do something, stays AGREE.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn standing_offers_are_no_events() {
    for text in [
        "Kestrel Labs and Tarvo both offer stereo-widening technology for mobile phones.",
        "The Tarvo Online project offers internet access to people in eight towns in Norland.",
        "Phones like the Kestrel X2 and the Tarvo E200, offering e-mail and games, sell well.",
        "Clips which are offered by several Norland operators, like Tarvo, are short.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "AGREE"));
    }
    for text in [
        "Venezuela has offered China wide-ranging access to its oil reserves.",
        "Norland offers to mediate between the two governments.",
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == "AGREE"));
    }
}

/// A state's economic policy towards firms in general is no act between parties: aid to,
/// requests of and concessions to "firms" or "foreign companies". A state accusing or suing
/// firms, or aiding a named one, stays.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn policy_towards_firms_in_general_is_no_event() {
    for text in [
        "Brazil will provide public firms with money to hire new workers.",
        "The government of Chile said it will ask firms to freeze prices until March.",
        "Under the new rules, governments may help companies financially.",
    ] {
        assert_events(text, |events| {
            events
                .iter()
                .all(|e| !matches!(e.plover.as_str(), "AID" | "AGREE" | "REQUEST"))
        });
    }
    assert_events(
        "The government of Chile accused foreign firms of dumping steel.",
        |events| events.iter().any(|e| e.plover == "ACCUSE"),
    );
}

/// A warning of what may happen or against a course is no threat; a warning of force or of
/// the warner's own act stays THREATEN.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn warnings_of_a_risk_are_no_threats() {
    for text in [
        "Senator Mary Lane warned the committee that prices could rise sharply next year.",
        "Green MPs have warned against complacency.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "THREATEN"));
    }
    assert_events(
        "Syria warned Israel that any attack would be met with force.",
        |events| events.iter().any(|e| e.plover == "THREATEN"),
    );
}

/// A strike by workers is industrial action, no ASSAULT: a general strike is a protest, a
/// strike on the metro or by pilots is labour relations; an air strike stays ASSAULT.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn industrial_strikes_are_no_assault() {
    for text in [
        "A strike on the Lisbon underground has caused long queues at bus stops.",
        "The strike by Alitalia pilots entered its third day.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "ASSAULT"));
    }
    assert_events(
        "Unions in Nigeria called a general strike against the government.",
        |events| events.iter().any(|e| e.plover == "PROTEST"),
    );
    assert_events(
        "The United States launched an air strike on the airport.",
        |events| events.iter().any(|e| e.plover == "ASSAULT"),
    );
}

/// Stopping one's own plan or leaving a show sanctions nobody, and suspending a ban eases it
/// (RETREAT, as lifting it does); a demand that another cancel its plans and a walkout from
/// talks stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn own_plans_stopped_shows_left_and_bans_suspended_are_no_sanctions() {
    for text in [
        "Faced with criticism, the government of Peru has suspended its plan to close the port.",
        "Singer Mary Cole walked out of the show after a row with the producers.",
        "The ban on trade with Libya was suspended in April.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "SANCTION"));
    }
    assert_events(
        "The ban on trade with Libya was suspended in April.",
        |events| events.iter().any(|e| e.plover == "RETREAT"),
    );
    for (text, plover) in [
        (
            "China demanded that the US cancel plans to sell missiles to Taiwan.",
            "REQUEST",
        ),
        (
            "The opposition walked out of the talks with the government.",
            "SANCTION",
        ),
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == plover));
    }
}

/// An appeal against a ruling goes to a higher court; it asks no party for anything. Appeals
/// to a party or for something stay REQUEST.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn appeals_in_court_are_no_requests() {
    for text in [
        "The Interior Ministry said it would appeal the decision.",
        "Greenpeace has appealed against a High Court ruling on the new airport.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "REQUEST"));
    }
    for text in [
        "The Pope appealed for the hostages to be freed.",
        "Kenya appealed to the United Nations for food aid.",
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == "REQUEST"));
    }
}

/// Pressing one's case or claims pursues them and asks no party for anything; pressing the
/// case for a course, or pressing a party to act, stays REQUEST.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn cases_and_claims_pressed_are_no_requests() {
    for text in [
        "Lawyers say it will be hard for Siberneft to press its case in a Swiss court.",
        "The firm wants to press claims for damages against Russia.",
    ] {
        assert_events(text, |events| events.iter().all(|e| e.plover != "REQUEST"));
    }
    for text in [
        "The envoy is in London this week to press the case for keeping the embargo.",
        "Japan pressed China to release the fishermen.",
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == "REQUEST"));
    }
}

/// An organisation the article writes as a business — its shares, its profits, "shares in" it —
/// deals as a business: its rejecting a deal is no PLOVER event. Without such a writing the
/// organisation may be a party and the event stays.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn an_organisation_written_with_its_shares_or_profits_deals_as_a_firm() {
    for text in [
        "Norvale said on Wednesday that Qwest had rejected a deal worth $8bn. Shares in Qwest \
         rose 4% in New York.",
        "Norvale said on Wednesday that Qwest had rejected a deal worth $8bn. Qwest's profits \
         rose 4% last year.",
    ] {
        assert_events(text, |events| !events.iter().any(|e| e.plover == "REJECT"));
    }
    assert_events(
        "Norvale said on Wednesday that Qwest had rejected a deal worth $8bn.",
        |events| events.iter().any(|e| e.plover == "REJECT"),
    );
}

/// A named disaster's dead ("Hurricane Orla … Orla killed about 4,000 people"), a player
/// "fired up" and a runner who "stormed to victory" are no ASSAULT; a shelling that killed
/// people, shots fired at a crowd and a building stormed stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_named_disaster_a_rousing_and_a_run_to_victory_are_no_assault() {
    for text in [
        "Aid was promised to the region after Hurricane Orla. Orla killed about 4,000 people and \
         destroyed 80,000 homes.",
        "I play my best tennis when I am fired up on the court.",
        "Kemal Aydin stormed to his second victory in a week at the indoor meeting in Ghent.",
    ] {
        assert_events(text, |events| !events.iter().any(|e| e.plover == "ASSAULT"));
    }
    for text in [
        "Rebel forces killed about 40 people in the shelling of the town.",
        "Soldiers fired on the crowd in the capital on Sunday.",
        "Protesters stormed the parliament building in Tbilisi.",
    ] {
        assert_events(text, |events| events.iter().any(|e| e.plover == "ASSAULT"));
    }
}

/// Each text has no event of the type.
fn assert_no_event_of(plover: &str, texts: &[&str]) {
    for text in texts {
        assert_events(text, |events| !events.iter().any(|e| e.plover == plover));
    }
}

/// Each text has an event of the type.
fn assert_each_has_event_of(plover: &str, texts: &[&str]) {
    for text in texts {
        assert_events(text, |events| events.iter().any(|e| e.plover == plover));
    }
}

/// A talent's "promise" praised or shown is no pledge, and a match won by a score the tokenizer
/// split ("6-1 7-6 (7-5)") is no ASSAULT; a promise of money and a beating stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_talents_promise_and_a_match_won_are_no_events() {
    assert_events(
        "Spanish prodigy Marco Ruiz underlined his huge promise at the Dubai Open.",
        |events| !events.iter().any(|e| e.plover == "AGREE"),
    );
    assert_events(
        "The Argentine beat Luca Bianchi 6-1 7-6 (7-5) in Buenos Aires.",
        |events| !events.iter().any(|e| e.plover == "ASSAULT"),
    );
    assert_events(
        "Norway's prime minister repeated his promise of $40m for flood relief in Bangladesh.",
        |events| events.iter().any(|e| e.plover == "AGREE"),
    );
    assert_events(
        "Police beat the protesters with batons in central Minsk.",
        |events| events.iter().any(|e| e.plover == "ASSAULT"),
    );
}

/// In a sport report the dealings of players, coaches and clubs make no PLOVER event (a striker
/// praised, a side that "defended superbly", a contract offered, a withdrawal from a squad);
/// arrests, a minister's demand, doping charges and pledges to an appeal stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn the_dealings_of_players_and_clubs_in_a_sport_report_are_no_events() {
    let text = "Rovers boss Alan Pardew praised striker Tom Keller after his two goals sealed a 3-1 \
                win over City on Saturday.\n\nThe victory lifts Rovers to fourth in the league, \
                and Pardew said the team had defended superbly in the second half of the \
                match.\n\nKeller, who has scored 14 goals this season, has been offered a new \
                contract by the club, and his agent will meet the board next week.\n\n\
                Midfielder Jan Sorensen will withdraw from the Denmark squad for the World Cup \
                qualifier because of a knee injury.\n\nPolice arrested 12 fans after fighting \
                outside the stadium before the game.\n\nSports minister Richard Caborn urged the \
                Football Association to act against racist chanting at the ground.\n\n\
                Prosecutors charged the club's former doctor with supplying banned drugs to \
                players.\n\nThe club has pledged £50,000 to the tsunami appeal, and the players \
                will donate a day's wages.";
    assert_events(text, |events| {
        let has = |plover: &str, trigger: &str| {
            events
                .iter()
                .any(|e| e.plover == plover && e.trigger.text == trigger)
        };
        ["praised", "defended", "offered", "withdraw"]
            .iter()
            .all(|t| !events.iter().any(|e| e.trigger.text == *t))
            && has("COERCE", "arrested")
            && has("REQUEST", "urged")
            && has("ACCUSE", "charged")
            && has("AGREE", "pledged")
    });
}

/// A release frees someone only when the text says who: a console, software or a single
/// released to the shops is no RETREAT; captives, people named by a number, a release from
/// prison and a call for someone's release stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn releasing_a_product_frees_nobody() {
    assert_no_event_of(
        "RETREAT",
        &[
            "Nintendo said on Monday it would release its new handheld console in Europe in March.",
            "It was released in the US in February and reached number three in the chart.",
            "Last year Microsoft released a security update for Windows that closed eight holes.",
        ],
    );
    assert_each_has_event_of(
        "RETREAT",
        &[
            "Rebels in Darfur released 12 hostages on Sunday, the African Union said.",
            "Mr Straw said the US had agreed to release the four after talks over security.",
            "Egypt's government released the dissident blogger from prison on Tuesday.",
        ],
    );
}

/// Enabling is no concession: software, a standard, a feature or a bill that "allows" something
/// grants nothing; a country, a junta or a passive with no doer named still concedes.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn enabling_is_no_concession() {
    assert_no_event_of(
        "CONCEDE",
        &[
            "The new software allows people to make free calls to each other.",
            "IPv6, the standard that will replace IPv4, will allow for billions more addresses on \
             the net.",
            "Smart Tags allowed Microsoft to link any word on a web page to another site.",
            "The Mental Health Bill would allow doctors to detain patients for longer.",
        ],
    );
    assert_each_has_event_of(
        "CONCEDE",
        &[
            "Indonesia has allowed foreign troops into Aceh.",
            "The junta allowed opposition leader Aung San Suu Kyi to meet UN envoy Razali Ismail.",
            "The four detainees have been allowed to meet their lawyers.",
        ],
    );
}

/// What a firm offers its customers is for sale, no AGREE; an offer to act and an offer of talks
/// stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn goods_offered_for_sale_are_no_agreement() {
    assert_no_event_of(
        "AGREE",
        &[
            "Four mobile operators in Kenya offer games to their subscribers.",
            "Tiscali currently offers its entire music catalogue for download to mobile phones.",
        ],
    );
    assert_each_has_event_of(
        "AGREE",
        &[
            "Britain has offered to send 120 Gurkhas to help with the relief effort in Aceh.",
            "Syria offered talks with Israel on the Golan Heights.",
        ],
    );
}

/// Signing a player, for a club or to a record label makes no agreement between parties; an
/// accord signed by two states stays.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn signing_a_player_or_to_a_label_is_no_event() {
    assert_no_event_of(
        "SUPPORT",
        &[
            "Newcastle have joined the race to sign Real Madrid striker Fernando Morientes.",
            "Tindall, who recently signed for Gloucester, will be fit for the tour.",
            "The band is signed to Dr Dre's record label.",
        ],
    );
    assert_events(
        "Turkey and Greece signed an accord on the Aegean in Athens on Monday.",
        |events| events.iter().any(|e| e.plover == "SUPPORT"),
    );
}

/// Figures of force that strike nobody are no ASSAULT: a genre that "exploded", an athlete
/// "injuring his bicep", a heart attack, a band that "shot to prominence", users "bombarded
/// with pop-up adverts"; a car bomb exploding and soldiers injured in an ambush stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn figures_of_force_are_no_assault() {
    assert_no_event_of(
        "ASSAULT",
        &[
            "R&B music exploded while she was away.",
            "Jonny Wilkinson has not played since injuring his bicep in October.",
            "Peel had a heart attack in October.",
            "Scottish rock band Kelpie, who shot to prominence in 2004, have won two awards.",
            "Spyware bombards users with pop-up adverts.",
        ],
    );
    assert_each_has_event_of(
        "ASSAULT",
        &[
            "A car bomb exploded outside the ministry in Baghdad on Monday.",
            "Gunmen injured three soldiers in an ambush near Jenin.",
        ],
    );
}

/// An attack made in words — for failing, with a clause of saying — is criticism (ACCUSE); an
/// armed attack that kills stays ASSAULT.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn an_attack_in_words_is_criticism() {
    for text in [
        "Liberal Democrat leader Charles Kennedy attacked Mr Brown for failing to mention the \
         environment.",
        "South African president Thabo Mbeki has attacked British imperialists, saying they \
         treated Africans like savages.",
    ] {
        assert_events(text, |events| {
            events.iter().any(|e| e.plover == "ACCUSE")
                && !events.iter().any(|e| e.plover == "ASSAULT")
        });
    }
    assert_events(
        "Rebels attacked the town of Goma on Sunday, killing five soldiers.",
        |events| events.iter().any(|e| e.plover == "ASSAULT"),
    );
}

/// A short sport report names fewer sport words than a match report: news of a player's
/// injury, a contract or a team's next game in three short paragraphs is sport too, and its
/// praise and offers are the game's; an arrest and a ban for doping stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_short_sport_report_is_a_sport_report() {
    let text = "Rovers winger Tom Keller will miss Saturday's replay against City with an ankle \
                injury.\n\nManager Alan Pardew praised Keller for his courage and said the club \
                would offer him a new deal in the summer.\n\nPolice arrested two fans after \
                fighting outside the ground on Tuesday.\n\nKeller's team-mate Jan Sorensen was \
                banned for two years after testing positive for a steroid.";
    assert_events(text, |events| {
        let has = |plover: &str, trigger: &str| {
            events
                .iter()
                .any(|e| e.plover == plover && e.trigger.text == trigger)
        };
        !events
            .iter()
            .any(|e| matches!(e.trigger.text.as_str(), "praised" | "offer"))
            && has("COERCE", "arrested")
            && has("COERCE", "banned")
    });
}

/// Ruling out one's own course rejects nobody's proposal: a comeback, a policy of one's own, a
/// player ruled out of a match. Ruling out talks stays REJECT.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn ruling_out_ones_own_course_is_no_rejection() {
    assert_no_event_of(
        "REJECT",
        &[
            "The government has ruled out raising the state pension age.",
            "Mr Hague does not rule out a return to the front bench.",
            "Chelsea's Damien Duff has been ruled out of Wednesday's clash with Barcelona.",
        ],
    );
    assert_each_has_event_of(
        "REJECT",
        &["The rebels ruled out talks with the government of Sudan on Monday."],
    );
}

/// Talk of something, a speaker's talk and talking about a subject are no consultation; a
/// meeting held to talk and talks with a party stay CONSULT.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn talk_of_a_subject_is_no_consultation() {
    assert_no_event_of(
        "CONSULT",
        &[
            "Mr Blunkett talked about how he fell in love with her.",
            "Lindsay Davenport has put any talk of retirement on hold.",
            "Ms Fiorina's talk also touted the way technology is designed.",
        ],
    );
    assert_each_has_event_of(
        "CONSULT",
        &[
            "Tony Blair has met Silvio Berlusconi to talk about Turkey entering the EU.",
            "Syria held talks with Israel on the Golan Heights.",
        ],
    );
}

/// Verbs of force, protest, meeting and concession in other senses: a product demonstrated,
/// innocence protested, a show hosted, chart places occupied, safety compromised, a fight
/// against a vice or a contest "battled out". Demonstrations against a war, a meeting hosted,
/// an occupation by troops and fighting between forces stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn protest_hosting_occupying_and_fighting_in_other_senses_are_no_events() {
    assert_no_event_of(
        "PROTEST",
        &[
            "Both prototypes will be demonstrated at the Toyota stand in Aichi.",
            "Kenteris has continually protested his innocence.",
        ],
    );
    assert_each_has_event_of(
        "PROTEST",
        &["Thousands of students demonstrated against the war outside the US embassy."],
    );
    assert_no_event_of(
        "CONSULT",
        &["Johnny Carson hosted the Tonight Show for 30 years."],
    );
    assert_each_has_event_of(
        "CONSULT",
        &[
            "Tony Blair hosted a meeting with Palestinian leaders in London.",
            "Egypt hosted Israeli and Palestinian leaders at Sharm el-Sheikh on Tuesday.",
        ],
    );
    assert_no_event_of(
        "COERCE",
        &["Six Elvis tracks are occupying spots in the top 40 singles chart."],
    );
    assert_each_has_event_of("COERCE", &["Turkish troops occupy northern Cyprus."]);
    assert_no_event_of(
        "CONCEDE",
        &["A spokesman said President Musharraf's safety had not been compromised."],
    );
    assert_no_event_of(
        "ASSAULT",
        &[
            "Alcohol Focus Scotland said damage had been done to Scotland's fight against binge \
             drinking.",
            "Richard Griffiths will battle it out for the best actor award with Douglas Hodge.",
            "Raymond Griffiths is still fighting against extradition to the US.",
        ],
    );
    assert_each_has_event_of(
        "ASSAULT",
        &["Rebels fought government troops near Goma on Sunday."],
    );
}

/// Recognising a fact, an actor for a role or a face supports nobody; a state recognising a
/// state or a government stays SUPPORT. What is offered to customers is for sale, no AGREE.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn recognition_is_of_a_state_and_offers_to_customers_are_sales() {
    assert_no_event_of(
        "SUPPORT",
        &[
            "Mr Negroponte recognised that the makers of the components would make money.",
            "Imelda Staunton has again been recognised for her role in Vera Drake.",
            "Only one voter in ten recognised Charles Kennedy.",
        ],
    );
    assert_each_has_event_of(
        "SUPPORT",
        &[
            "Turkey must recognise Cyprus before the talks begin.",
            "Russia recognised the new government of Kyrgyzstan on Friday.",
        ],
    );
    assert_no_event_of(
        "AGREE",
        &["BT is offering customers free internet telephone calls."],
    );
}

/// "insist" with a clause that carries an auxiliary asserts ("insist they will still have the
/// final say"); a must, a should or a bare subjunctive, active or passive, demands.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn insisting_that_something_will_be_is_no_demand() {
    assert_no_event_of(
        "REQUEST",
        &[
            "Scottish ministers insist they will still have the final say on the casino.",
            "Ministers insist the plans would not change laws on euthanasia.",
        ],
    );
    assert_each_has_event_of(
        "REQUEST",
        &[
            "Washington insisted that the prisoners be released.",
            "The rebels insisted that the government must withdraw its troops.",
        ],
    );
}

/// Agreeing with someone's view concurs and commits to nothing; agreeing with a party to act
/// or on something, and measures agreed with a state, stay AGREE.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn agreeing_with_a_view_is_no_agreement() {
    assert_no_event_of(
        "AGREE",
        &[
            "I agree with Mr Forsyth's views.",
            "Lord Tebbit said he agreed with Dr Fox's view.",
        ],
    );
    assert_each_has_event_of(
        "AGREE",
        &[
            "Mr Brown said he had agreed with the Italian finance minister to push forward with \
             the plans.",
            "Iran agreed with the EU on a suspension of uranium enrichment.",
            "The Liberal Democrats suspect the move is part of a package of measures agreed with \
             the US.",
        ],
    );
}

/// A question quoted before "asked" is a question, no REQUEST; asking a party for something
/// in the same sentence stays one.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_question_quoted_before_asked_is_no_request() {
    assert_no_event_of(
        "REQUEST",
        &[
            "\"How can it be right that the poorest pay more in tax than the richest?\" Mr \
           Kennedy asked.",
        ],
    );
    assert_events(
        "\"Will you help us?\" the mayor asked, and then asked the UN for food aid.",
        |events| events.iter().filter(|e| e.plover == "REQUEST").count() == 1,
    );
    assert_each_has_event_of(
        "REQUEST",
        &["The Palestinian leader asked the United Nations for food aid."],
    );
}

/// Assent to what another said, or that something is so, concurs and commits to nothing;
/// agreeing that something will or should be done, to act, or several agreeing, stay AGREE.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn assent_to_a_statement_is_no_agreement() {
    assert_no_event_of(
        "AGREE",
        &[
            "Labour's health spokesman agreed: \"The waiting lists are far too long.\"",
            "Mr Hague agreed and said the figures needed more study.",
            "The Scottish Council of Churches agrees.",
            "Election monitors from the EU agreed the vote had been free and fair.",
            "The former ambassador agreed that the talks had gone badly.",
        ],
    );
    assert_each_has_event_of(
        "AGREE",
        &[
            "Both sides agreed.",
            "The two governments agreed that the border would reopen next month.",
            "Ministers agreed that the sanctions be lifted.",
            "Iran agreed to hold talks with the EU.",
        ],
    );
}

/// A warning that informs or advises threatens nothing; one that names force, a sanction, a
/// consequence or a condition stays THREATEN.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_warning_that_advises_is_no_threat() {
    assert_no_event_of(
        "THREATEN",
        &[
            "The Foreign Office warned British tourists to avoid the border region.",
            "The Lib Dems warned ministers about the dangers of complacency.",
            "Mr Smith's warnings were ignored by the board.",
            "The opposition leader warned the prime minister not to be complacent.",
        ],
    );
    assert_each_has_event_of(
        "THREATEN",
        &[
            "Moscow warned Kiev that it would cut off gas supplies if the debt was not paid.",
            "The president warned the rebels that his army would crush them.",
            "Washington warned Damascus of serious consequences.",
        ],
    );
}

/// A meeting, a discussion or a consultation with one side only is no CONSULT; several sides,
/// a party met with, and talks on an act between parties stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_meeting_of_one_side_is_no_consultation() {
    for text in [
        "Staff at the newspaper met on Monday to discuss the takeover.",
        "A committee of the council will discuss the plans next week.",
        "The government had not consulted on its plans.",
    ] {
        assert_events(text, |events| {
            !events
                .iter()
                .any(|e| e.plover == "CONSULT" || e.plover == "AGREE")
        });
    }
    assert_each_has_event_of(
        "CONSULT",
        &[
            "EU foreign ministers met in Luxembourg on Monday.",
            "France and Germany met in Paris.",
            "Both sides agreed to begin talks.",
            "The government has been negotiating the release of the hostages.",
            "The minister had discussed the issue with his Irish counterpart.",
            "Iran and the EU will discuss the nuclear programme.",
        ],
    );
}

/// A fight, battle or clash of words, votes, courts or markets is no ASSAULT, and a vow to
/// fight one threatens nothing; one with police, troops, rebels or between peoples stays.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_fight_in_words_is_no_assault() {
    for text in [
        "The two party leaders clashed over tax cuts on Tuesday.",
        "The senator has clashed with ministers about the budget.",
        "The EU has clashed with the European Parliament over the directive.",
        "Mr Jones, the party's leader, vowed to fight back.",
        "The shadow chancellor pledged to continue the fight against child poverty.",
        "The Electronic Frontier Foundation has joined a legal fight between two bloggers and \
         Microsoft.",
    ] {
        assert_events(text, |events| {
            !events
                .iter()
                .any(|e| e.plover == "ASSAULT" || e.plover == "THREATEN")
        });
    }
    assert_each_has_event_of(
        "ASSAULT",
        &[
            "Protesters clashed with police outside the embassy.",
            "Rebels fought government troops near the capital.",
            "Serbs and Albanians clashed in the north of the province.",
            "Separatists battled the army for control of the airport.",
            "The rebels vowed to fight until the last man.",
        ],
    );
}

/// In a short match report one country rejecting, accusing or asking another is a state's act
/// and stays; countries that beat or meet each other there are teams.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_country_refusing_a_country_in_a_match_report_stays() {
    let report = |middle: &str| {
        format!(
            "Lebanese midfielder Ahmed Nasser will miss Saturday's cup match in Haifa. {middle} \
             The striker and the goalkeeper are also doubts for the league fixture, the coach \
             said."
        )
    };
    assert_each_has_event_of(
        "REJECT",
        &[&report(
            "Lebanon rejected Israel's proposal to play the tie at a neutral ground.",
        )],
    );
    for middle in [
        "Lebanon beat Israel 2-1 in the semi-final last year.",
        "Lebanon will meet Israel in the semi-final.",
    ] {
        assert_events(&report(middle), |events| {
            !events
                .iter()
                .any(|e| matches!(e.plover.as_str(), "ASSAULT" | "CONSULT" | "AGREE"))
        });
    }
}

/// Assuring someone that something is so, or reassuring them, commits to nothing; an assurance
/// of what one will do stays a promise. Calls and talks among customers and users are no
/// consultation between parties; a call between leaders and talks between producers and the
/// countries that consume stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn assurances_of_facts_and_the_publics_calls_are_no_events() {
    assert_no_event_of(
        "AGREE",
        &[
            "The minister assured MPs that the bill was about regulation.",
            "The prime minister will seek to reassure backbenchers.",
        ],
    );
    assert_each_has_event_of(
        "AGREE",
        &["Israel assured Washington that it would not attack Iran."],
    );
    assert_no_event_of(
        "CONSULT",
        &["The service lets customers make free calls to other subscribers."],
    );
    assert_each_has_event_of(
        "CONSULT",
        &[
            "President Bush made a telephone call to President Putin.",
            "Talks between oil producers and Asia's biggest energy consumers ended in Delhi.",
        ],
    );
}

/// Destroying files or records, killing a bill or game animals attacks no party; destroying a
/// bridge or a village and killing soldiers stay ASSAULT.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn destroying_papers_bills_or_game_is_no_assault() {
    assert_no_event_of(
        "ASSAULT",
        &[
            "The ministry destroyed thousands of files last year.",
            "The police destroyed the tax records of the firm.",
            "Opposition MPs tried to kill the bill in committee.",
            "Hunt members killed 91 foxes in Devon.",
        ],
    );
    assert_each_has_event_of(
        "ASSAULT",
        &[
            "Rebels destroyed the bridge and killed four soldiers.",
            "The army destroyed the village.",
            "Gunmen killed two policemen in Baghdad.",
        ],
    );
}

/// Where an event happened: a place on the event noun of a light verb ("held talks in
/// Geneva"), on the object met or arrested ("met her counterparts in Oslo", "charged six men in
/// Leeds") or the party met with ("held talks with the prime minister in Geneva"), and never the place an act of speech is about ("condemned the violence in Darfur").
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn an_event_takes_the_place_it_happened_in() {
    let place_of = |text: &str, plover: &str| {
        events_of(text)
            .into_iter()
            .find(|e| e.plover == plover)
            .unwrap_or_else(|| panic!("{text}: no {plover} event"))
            .place
    };
    assert_eq!(
        place_of(
            "The two foreign ministers held talks in Geneva on Friday.",
            "CONSULT"
        )
        .as_deref(),
        Some("Geneva")
    );
    assert_eq!(
        place_of(
            "The Danish minister met her Swedish counterparts in Oslo on Monday.",
            "CONSULT"
        )
        .as_deref(),
        Some("Oslo")
    );
    assert_eq!(
        place_of(
            "The president held talks with the prime minister in Geneva.",
            "CONSULT"
        )
        .as_deref(),
        Some("Geneva")
    );
    assert_eq!(
        place_of(
            "Prosecutors have charged six men in Leeds over the attack.",
            "ACCUSE"
        )
        .as_deref(),
        Some("Leeds")
    );
    assert_eq!(
        place_of(
            "The foreign minister condemned the violence in Darfur.",
            "ACCUSE"
        ),
        None
    );
}

/// An act done as the means or purpose of another, or that someone was made to do, takes that
/// act's time ("met on Thursday to discuss", "was forced to resign last month", "caused chaos
/// by blocking roads"); a date that is a word of the subject's name or modifies its noun dates
/// nothing ("the Sunday Herald alleged", "the 2016 winner accused").
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn an_act_takes_the_time_of_the_act_it_serves() {
    let when_of = |text: &str, trigger: &str| {
        events_of(text)
            .into_iter()
            .find(|e| e.trigger.text == trigger)
            .unwrap_or_else(|| panic!("{text}: no event on {trigger:?}"))
            .when
    };
    assert_eq!(
        when_of(
            "Union leaders met on Thursday to discuss the pay offer.",
            "discuss"
        )
        .as_deref(),
        Some("Thursday")
    );
    assert_eq!(
        when_of(
            "Last month the minister was forced to resign over the affair.",
            "resign"
        )
        .as_deref(),
        Some("Last month")
    );
    assert_eq!(
        when_of(
            "In 2019 farmers caused chaos by blocking roads with tractors.",
            "blocking"
        )
        .as_deref(),
        Some("2019")
    );
    assert_eq!(
        when_of(
            "The Sunday Herald alleged on its front page that the minister had lied. A spokesman \
             for the Sunday Herald said it stood by the story.",
            "alleged"
        ),
        None
    );
    assert_eq!(
        when_of(
            "The 2016 winner, Dana Ruiz, accused the jury of bias.",
            "accused"
        ),
        None
    );
}

/// Whether some event of the given type has that actor and recipient (by name, `None` for
/// none).
fn has_roles(events: &[Event], plover: &str, actor: Option<&str>, recipient: Option<&str>) -> bool {
    events.iter().any(|e| {
        e.plover == plover
            && e.actor.as_ref().map(|a| a.name.as_str()) == actor
            && e.recipient.as_ref().map(|r| r.name.as_str()) == recipient
    })
}

/// Who did it to whom: the subject of "face", "receive", "come under" undergoes the act its
/// object names, and the "from" or "by" phrase does it; a participle that draws criticism
/// after a clause names nobody who undergoes it.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn the_one_who_faces_an_act_is_its_recipient() {
    let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        (
            "Pakistan has faced strong criticism from India over the border closures.",
            "ACCUSE",
            Some("India"),
            Some("Pakistan"),
        ),
        (
            "Egypt came under pressure from Washington to release the activists.",
            "REQUEST",
            Some("Washington"),
            Some("Egypt"),
        ),
        (
            "The minister is facing an investigation by the police over the payments.",
            "ACCUSE",
            Some("police"),
            Some("minister"),
        ),
        (
            "Thousands of villagers were moved from the valley, drawing criticism from Human \
             Rights Watch.",
            "ACCUSE",
            Some("Human Rights Watch"),
            None,
        ),
    ];
    for &(text, plover, actor, recipient) in cases {
        assert_events(text, |events| has_roles(events, plover, actor, recipient));
    }
}

/// A relative clause whose object is its head noun: for an act done to its object, the head
/// is the one it was done to.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn the_head_of_a_relative_clause_is_the_one_the_act_is_done_to() {
    assert_events(
        "Prime Minister Sharif met the envoys whom President Mbeki had accused of bias.",
        |events| has_roles(events, "ACCUSE", Some("Mbeki"), Some("envoys")),
    );
    assert_events(
        "Interior Minister Ahmed Karimi named the three opposition leaders that the police \
         had arrested in the capital.",
        |events| has_roles(events, "COERCE", Some("police"), Some("opposition leaders")),
    );
}

/// Allowing as the purpose, means or result of another act enables its outcome and concedes
/// nothing; a decision to allow, the complement of the verb that decides it, stays CONCEDE.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn allowing_as_a_purpose_or_result_is_no_concession() {
    assert_no_event_of(
        "CONCEDE",
        &[
            "The Kenyan government launched a new scheme to allow refugees to return to their \
             villages.",
            "Opposition supporters may switch to the Greens, allowing the ruling party to win \
             more seats.",
        ],
    );
    assert_each_has_event_of(
        "CONCEDE",
        &["The junta agreed to allow UN inspectors to visit the prisons."],
    );
}

/// A trigger noun that is the subject of its clause is not its own doer: the act is named,
/// its doer is not.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_noun_is_not_its_own_doer() {
    assert_events(
        "The detention of the two Iranian diplomats breached the Vienna Convention.",
        |events| has_roles(events, "COERCE", None, Some("Iranian diplomats")),
    );
}

/// Reinforcing a presence or unity moves no force; reinforcing a garrison, or with troops
/// named, stays MOBILIZE.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn reinforcing_what_force_does_not_hold_is_no_mobilisation() {
    assert_no_event_of(
        "MOBILIZE",
        &[
            "Russia said it had decided to reinforce its presence in the region.",
            "Europe needs to reinforce its unity, Mr Schroeder said.",
        ],
    );
    assert_each_has_event_of(
        "MOBILIZE",
        &[
            "The army reinforced its garrison in Herat.",
            "Kabul reinforced the border with Pakistan with 2,000 troops.",
        ],
    );
}

/// An event noun determined by "no" names an act that is not there; an agreement reached
/// stays.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn no_agreement_is_no_event() {
    assert_no_event_of(
        "AGREE",
        &["Officials said there was no agreement between Iran and Iraq on the border."],
    );
    assert_each_has_event_of(
        "AGREE",
        &["Iran and Iraq reached an agreement on the border."],
    );
}

/// Defending one's own decision or measures is a statement, no support between parties;
/// defending a party, or what another party does, stays SUPPORT.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn defending_ones_own_course_is_no_support() {
    assert_no_event_of(
        "SUPPORT",
        &[
            "The Interior Ministry defended its decision to close the border.",
            "The Kenyan president defended the new measures.",
        ],
    );
    assert_each_has_event_of(
        "SUPPORT",
        &[
            "Brazil's foreign minister defended President Chavez.",
            "The United States defended the right of Colombian troops to pursue the rebels.",
        ],
    );
}

/// On an arts page — a band, a film, its prizes — the dealings of artists, studios and fans make
/// no PLOVER event (band members who met, a band supporting another on tour, actors teaming up,
/// a role turned down, a director praised); real harm, a crime, a state's act and a church's
/// demand stay.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn the_dealings_of_artists_on_an_arts_page_are_no_events() {
    let text = "Indie band The Quays, whose singer Tom Reed and guitarist Sam Holt met at \
                college in Leeds, have won best British album at the music awards.\n\nThe band \
                will support Coldplay on their European tour, and Reed has teamed up with \
                rapper Kano for a new single.\n\nActor Mark Doyle turned down the lead role in \
                the film, and he praised its director, Anna Berg, for her patience on set.\n\n\
                Their former drummer, Joe Lane, was shot dead outside a London studio in 2003, \
                and a man was sentenced to life in prison for his murder.\n\nCatholic groups have \
                urged the studio to withdraw the film from cinemas before its premiere in \
                March.\n\nThe show, a comedy drama series, drew eight million viewers, and the \
                album topped the chart for four weeks.";
    assert_events(text, |events| {
        let has = |plover: &str, trigger: &str| {
            events
                .iter()
                .any(|e| e.plover == plover && e.trigger.text == trigger)
        };
        ["met", "support", "teamed up", "turned down", "praised"]
            .iter()
            .all(|t| !events.iter().any(|e| e.trigger.text == *t))
            && has("ASSAULT", "shot")
            && has("COERCE", "sentenced")
            && has("REQUEST", "urged")
    });
}

/// Aid to a force is no move of troops: a verb whose object is the one helped ("assist police",
/// "help the army") aids the force it names; only one whose object is what it gives ("sent 500
/// troops") mobilises.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn helping_a_force_sends_no_troops() {
    assert_no_event_of(
        "MOBILIZE",
        &[
            "Animal welfare charities say they will assist police in bringing prosecutions.",
            "The United States helped the Iraqi army with training and equipment last year.",
        ],
    );
    assert_each_has_event_of(
        "MOBILIZE",
        &["Britain sent 500 troops to Iraq in March, the defence ministry said."],
    );
}

/// Lifting concedes when what is lifted is a restriction — a ban, an embargo, a curfew —; a
/// weight off one's shoulders, the pace of sales and a prize lifted concede nothing.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn lifting_what_is_no_restriction_concedes_nothing() {
    assert_no_event_of(
        "CONCEDE",
        &[
            "Mary Conlon said it was a wonderful feeling to have had the apology from Tony \
             Blair and that a weight had been lifted off her shoulders.",
            "Pfizer is relying on new treatments for cancer and diabetes to lift the pace of \
             sales growth after several disappointing years.",
            "Paul Cavanagh lifted the inaugural Lit Idol prize after reading from his work.",
        ],
    );
    assert_each_has_event_of(
        "CONCEDE",
        &[
            "Israel lifted the curfew on Hebron on Tuesday, the army said.",
            "The ban on arms exports to China is likely to be lifted in the next six months.",
        ],
    );
}

/// Blocking what travels on a network filters it — sites, traffic, junk messages —; blocking
/// roads or a plan obstructs (PROTEST).
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn blocking_net_traffic_is_no_obstruction() {
    assert_no_event_of(
        "PROTEST",
        &[
            "The worm's spread stopped after Google began blocking infected sites last week.",
            "Spamhaus helps to block junk messages from infected machines by circulating lists.",
        ],
    );
    assert_each_has_event_of(
        "PROTEST",
        &["Demonstrators blocked roads in several regions of Algeria against higher gas prices."],
    );
}

/// A video game review is an arts page: a game's plot ("shoot Ewoks", "kill him off") and a
/// console maker's promises are no events.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_video_game_review_is_an_arts_page() {
    let text = "Star Wars: Battlefront is the title that owners of the films have waited for, \
                and its gameplay is simple.\n\nThere is ample chance to be a Wookie, shoot \
                Ewoks and rush into battle alongside a fired-up Luke Skywalker.\n\nThe graphics \
                are sharp on both the Xbox and the PlayStation 2, and the online mode lets \
                gamers take on each other.\n\nRogue Agent signals its intentions by featuring \
                James Bond initially and proceeding to kill him off within moments, squashed by \
                a plummeting helicopter.\n\nSony says it intends to ship three million of the \
                consoles by March 2005. \"PS3 will provide graphics indistinguishable from \
                movies,\" said Mr Florin.\n\nThe PSP can also play music and movies and \
                supports wireless multiplayer gaming.";
    assert_events(text, |events| events.is_empty());
}

/// A death by one's own hand or by a disease is no attack; suicide bombers who kill others
/// attack them.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn suicide_and_disease_attack_nobody() {
    assert_no_event_of(
        "ASSAULT",
        &[
            "The discovery of his car near the bridge led police to believe he had killed himself.",
            "HIV is decimating African countries, killing the most productive adults, Mr Brown said.",
        ],
    );
    assert_each_has_event_of(
        "ASSAULT",
        &["Two suicide bombers killed themselves and 20 soldiers at a checkpoint in Iraq."],
    );
}

/// An attack on a plan is criticism, though a plan is also a thing of trade: "attacked the Tory
/// plans" is ACCUSE, as "attacked the president's record" is.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn an_attack_on_a_plan_is_criticism() {
    assert_each_has_event_of(
        "ACCUSE",
        &[
            "But Chief Secretary to the Treasury Paul Boateng attacked the Tory plans.",
            "Union leader Dave Prentis attacked the plans for pensioners on Monday.",
        ],
    );
}

/// Force used on someone named by kin or calling, or by the noun a relative clause describes,
/// has a victim: "his wife was shot dead", "Stefan Pakeerah, who was stabbed to death"; the
/// critics' "beating" of a singer stays none.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn victims_named_by_kin_calling_or_a_relative_clause() {
    let victim_of = |text: &str, victim: &str| {
        assert_events(text, |events| {
            events.iter().any(|e| {
                e.plover == "ASSAULT" && e.recipient.as_ref().is_some_and(|r| r.name == victim)
            })
        });
    };
    victim_of(
        "Actor Rob Blane had gunshot residue on his hands the night his wife was shot dead, a \
         court has heard.",
        "wife",
    );
    victim_of(
        "The former drummer was shot dead outside a London studio.",
        "former drummer",
    );
    victim_of(
        "Mara Quist, whose first husband was killed while under house arrest, will vote \
         against the bill.",
        "first husband",
    );
    victim_of(
        "The game was blamed by the parents of 14-year-old Stefan Pakeerah, who was stabbed to \
         death in Leicester in February.",
        "Stefan Pakeerah",
    );
    assert_no_event_of(
        "ASSAULT",
        &["The singer's new album was beaten by the critics."],
    );
}

/// A thing a relative or infinitive clause describes does not act: "the decision to destroy the
/// air force" and "a dispensation that detained people" have no named doer; a party named with
/// the thing stays ("a US government claim accusing the tobacco companies").
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn a_thing_a_clause_describes_does_not_act() {
    for (text, plover) in [
        (
            "The decision to destroy the African nation's small air force prompted riots.",
            "ASSAULT",
        ),
        (
            "We in South Africa used to have a dispensation that detained people without trial.",
            "COERCE",
        ),
    ] {
        assert_events(text, |events| {
            events
                .iter()
                .any(|e| e.plover == plover && e.actor.is_none() && e.recipient.is_some())
        });
    }
    assert_events(
        "A US government claim accusing the country's biggest tobacco companies of covering up \
         the effects of smoking has been thrown out.",
        |events| {
            events
                .iter()
                .any(|e| e.plover == "ACCUSE" && e.actor.is_some())
        },
    );
}

/// What a person the article names as an analyst agrees with or accuses is commentary, no act
/// of a party; an administrator named as a "turnaround expert" still sues.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn analysts_named_by_role_comment() {
    assert_no_event_of(
        "ACCUSE",
        &[
            "\"Threats continue to proliferate,\" said Marcel Nienhuis, market analyst at the \
           Radicati Group, accusing users of bad e-mail behaviour.",
        ],
    );
    assert_each_has_event_of(
        "ACCUSE",
        &[
            "The company's administrator, turnaround expert Enrico Bondi, sued Morgan Stanley, its \
           former banker, to return 136m euros.",
        ],
    );
}

/// A question put to people asks nothing of them: "asked 2,234 adults the same question", "will
/// be asked which issues they would support", "asked about the reported move". Asking for
/// something stays a request, even with "for" stranded.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn questions_are_no_requests() {
    assert_no_event_of(
        "REQUEST",
        &[
            "A poll was published on Sunday. For Countryfile they asked 2,234 adults across the \
             country the same question.",
            "Voters will be asked which of the top five issues they would support.",
            "The minister, asked about the reported move, said it was not a military move.",
        ],
    );
    assert_each_has_event_of(
        "REQUEST",
        &["The appeal was what the government would be expected to ask for, Mr Sebok said."],
    );
}

/// Market pressure asks nothing of anyone; pressure on a party is a demand.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn market_pressure_is_no_request() {
    assert_no_event_of(
        "REQUEST",
        &["Opec's decision has increased the pressure on prices."],
    );
    assert_each_has_event_of(
        "REQUEST",
        &[
            "Ms Borthwick said the lobby group was determined to keep the pressure on the \
           Scottish Executive.",
        ],
    );
}

/// Software, a search service or a broadcaster's programmes offered are for sale, no offer
/// between parties; a loan offered to a state stays.
#[test]
#[cfg_attr(debug_assertions, ignore = "runs the English pipeline: use --release")]
fn products_offered_are_for_sale() {
    assert_no_event_of(
        "AGREE",
        &[
            "Microsoft has said it plans to offer its own paid-for anti-virus software.",
            "AOL is expected to offer desktop searching early next year.",
            "The broadcaster aims to offer most of its own programmes for download this year.",
        ],
    );
    assert_each_has_event_of("AGREE", &["The IMF offered Argentina a new loan of $3bn."]);
}
