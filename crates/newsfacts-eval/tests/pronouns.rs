//! Pronoun resolution measured on PolNeAR dev: the share of "he"/"she" gold sources the
//! entities layer resolves to the person the gold antecedent rule names (see
//! `newsfacts_eval::pronouns`), and under the stricter gender-agreeing rule reported beside it.
//! The floors are what was measured, as regression guards. The embedded pronoun ranker, not
//! the default, is measured beside the rules.

#[test]
fn polnear_dev_pronouns_resolve_to_their_gold_antecedent() {
    let Some(dir) = newsfacts_testdata::shared("eval/quotes/polnear") else {
        return;
    };
    let report = newsfacts_eval::pronouns::score_polnear(&dir, "dev", None).expect("PolNeAR dev");
    print!("{report}");
    assert!(
        report.scored >= 250,
        "too few scored pronouns: {}",
        report.scored
    );
    // Measured 81.3 % (226 of 278) on dev.
    assert!(
        report.accuracy() >= 0.81,
        "pronoun resolution fell to {:.1} %",
        100.0 * report.accuracy()
    );
    // The stricter, gender-agreeing rule: measured 87.0 % (234 of 269) on dev.
    let agreeing = report.agreeing_correct as f64 / report.agreeing_scored.max(1) as f64;
    assert!(
        agreeing >= 0.865,
        "pronoun resolution under the gender-agreeing rule fell to {:.1} %",
        100.0 * agreeing
    );
}

/// The gender-agreeing rule with the gold side's given-name genders from an independent
/// dictionary (`gender-guesser`'s `nam_dict.txt`), not from the lists the resolver uses.
#[test]
fn polnear_dev_pronouns_with_independent_gold_genders() {
    let Some(dir) = newsfacts_testdata::shared("eval/quotes/polnear") else {
        return;
    };
    let Some(names) = newsfacts_testdata::given_names_dictionary() else {
        return;
    };
    let dictionary =
        newsfacts_eval::pronouns::GivenNameDictionary::read(&names).expect("nam_dict.txt");
    assert!(dictionary.len() > 40_000, "{} names", dictionary.len());
    let report = newsfacts_eval::pronouns::score_polnear_with(
        &dir,
        "dev",
        None,
        newsfacts_eval::pronouns::Resolver::Shipped,
        newsfacts_eval::pronouns::GoldGenders::Dictionary(&dictionary),
    )
    .expect("PolNeAR dev");
    print!("{report}");
    // Measured 85.2 % (225 of 264) on dev; the headline rule is unchanged by the dictionary.
    let agreeing = report.agreeing_correct as f64 / report.agreeing_scored.max(1) as f64;
    assert!(
        agreeing >= 0.85,
        "pronoun resolution under the gender-agreeing rule with independent genders fell to {:.1} %",
        100.0 * agreeing
    );
    assert!(report.accuracy() >= 0.81);
}

#[test]
fn polnear_dev_pronouns_with_the_embedded_ranker() {
    let Some(dir) = newsfacts_testdata::shared("eval/quotes/polnear") else {
        return;
    };
    let report = newsfacts_eval::pronouns::score_polnear_by(
        &dir,
        "dev",
        None,
        newsfacts_eval::pronouns::Resolver::EmbeddedRanker,
    )
    .expect("PolNeAR dev");
    print!("{report}");
    // Measured 80.6 % (224 of 278) on dev with the ranker retrained on the rules that let the
    // subject of the sentence before go on speaking (ARCHITECTURE.md, "The pronoun ranker");
    // the rules give 81.3 %. Retrains on changed entity kinds have moved it between 80.2 %
    // (223, now) and 82.7 % (230).
    assert!(
        report.accuracy() >= 0.80,
        "pronoun resolution by the ranker fell to {:.1} %",
        100.0 * report.accuracy()
    );
    // The stricter rule: measured 85.9 % (231 of 269), now 85.5 % (230); the rules give 87.0 %.
    let agreeing = report.agreeing_correct as f64 / report.agreeing_scored.max(1) as f64;
    assert!(
        agreeing >= 0.85,
        "the ranker under the gender-agreeing rule fell to {:.1} %",
        100.0 * agreeing
    );
}
