//! The party test for business news: firms dealing with firms make no PLOVER event. A takeover
//! bid rejected, merger talks held, a deal signed with a supplier, a chief executive who
//! resigns or a carmaker that recalls its cars are commerce, not the political acts the verbs
//! name between states, governments and groups. An act by or towards a government, a court, a
//! regulator or a person with no business role stays an event.

use newsfacts_doc::{Entity, EntityKind, Event, Participant};

use super::parse::Parse;

/// Nouns that say what a phrase names is a business or acts for one, alone or beside a name:
/// "the firm", "Western firms", "UK bank Barclays", "senior executives", "the company's
/// creditors".
const FIRM_NOUNS: &[&str] = &[
    "firm",
    "company",
    "corporation",
    "bank",
    "carmaker",
    "automaker",
    "airline",
    "retailer",
    "insurer",
    "broker",
    "bourse",
    "manufacturer",
    "supplier",
    "supermarket",
    "conglomerate",
    "multinational",
    "brewer",
    "distributor",
    "publisher",
    "subsidiary",
    "bidder",
    "suitor",
    "executive",
    "director",
    "boss",
    "board",
    "management",
    "shareholder",
    "investor",
    "creditor",
    "bondholder",
    "lender",
];

/// Nouns that say a name is a business only beside it, where they cannot be a country or a
/// crowd: "telecoms giant Verizon", "the German exchange", "oil producer Yukos" (not "policy
/// makers", "oil producers", "Asian giant China").
const FIRM_NOUNS_BESIDE_A_NAME: &[&str] = &[
    "giant",
    "maker",
    "producer",
    "operator",
    "carrier",
    "exchange",
    "chain",
    "studio",
    "broadcaster",
    "group",
];

/// Last words of business names: "Sumitomo Mitsui Financial", "UFJ Holdings", "Menatep Group".
const BUSINESS_NAME_WORDS: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "plc",
    "ltd",
    "group",
    "holdings",
    "motors",
    "motor",
    "airlines",
    "airways",
    "communications",
    "financial",
    "securities",
    "petroleum",
    "telecom",
    "pharmaceuticals",
    "industries",
    "entertainment",
    "pictures",
    "records",
    "studios",
    "brothers",
    "capital",
    "partners",
    "energy",
    "steel",
    "electronics",
    "electric",
    "technologies",
    "systems",
    "networks",
    "media",
    "foods",
    "stores",
    "exchange",
    "boerse",
    "bourse",
];

/// Words that make an organisation's name a public body whatever else it says: "Bank of
/// England", "European Central Bank", "G7 Group", "Paris Club".
const PUBLIC_NAME_WORDS: &[&str] = &[
    "government",
    "ministry",
    "department",
    "commission",
    "council",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "union",
    "nations",
    "fund",
    "central",
    "reserve",
    "world",
    "court",
    "police",
    "army",
    "party",
    "agency",
    "authority",
    "treasury",
    "administration",
    "organisation",
    "organization",
    "office",
    "committee",
    "tribunal",
    "club",
    "national",
    "state",
    "federal",
    "eu",
    "un",
    "imf",
    "wto",
    "opec",
    "nato",
    "oecd",
];

/// Titles of people who act for a business: "Euronext chief executive", "LSE boss".
const BUSINESS_TITLES: &[&str] = &[
    "boss",
    "chief executive",
    "ceo",
    "managing director",
    "executive",
    "tycoon",
    "banker",
    "businessman",
    "businesswoman",
    "entrepreneur",
    "financier",
    "shareholder",
    "investor",
    "suitor",
    "bidder",
];

/// Whether an event is a dealing between firms: a firm on one side and a firm, nobody or no
/// party on the other. Accusations, lawsuits and threats of them stay (the PLOVER manual codes
/// suing as ACCUSE), and so do denials and aid; force and coercion only when a firm does them ("the
/// company is fighting opposition to new stores"), never when a firm suffers them.
pub(super) fn between_firms(
    parse: &Parse<'_>,
    event: &Event,
    anchor: usize,
    is_party: &dyn Fn(&Participant) -> bool,
) -> bool {
    // A firm that halts or suspends its own flights or services to a country runs its
    // business ("British Airways is to halt its flights to Jeddah", "BA will now suspend the
    // Saudi flights"); a state that does so sanctions.
    if matches!(event.plover.as_str(), "SANCTION" | "THREATEN")
        && event.actor.as_ref().is_some_and(|p| is_firm(parse, p))
        && parse
            .child(anchor, &["dobj", "nsubjpass"])
            .is_some_and(|o| FIRMS_OWN_BUSINESS.contains(&parse.lemma[o].as_str()))
    {
        return true;
    }
    let lemma = parse.lemma[anchor].as_str();
    match event.plover.as_str() {
        // Aid and deliveries have rules of their own (`aid.rs`), and the ledger counts a
        // firm's deliveries ("Airbus has delivered 40 A300s to UPS").
        "ACCUSE" | "THREATEN" | "PROTEST" | "AID" => return false,
        "REJECT" if matches!(lemma, "deny" | "denial") => return false,
        // Rejecting charges denies them: "the board strongly reject the charges against their
        // chairman".
        "REJECT"
            if parse.child(anchor, &["dobj"]).is_some_and(|o| {
                matches!(
                    parse.lemma[o].as_str(),
                    "charge" | "allegation" | "accusation" | "claim" | "criticism"
                )
            }) =>
        {
            return false;
        }
        // Settling charges or a lawsuit answers the courts or a regulator: "three former
        // executives agreed to settle fraud charges".
        "AGREE"
            if parse
                .children_with(anchor, &["xcomp", "dobj"])
                .any(|c| matches!(parse.lemma[c].as_str(), "settle" | "settlement")) =>
        {
            return false;
        }
        _ => {}
    }
    let firm = |p: &Option<Participant>| p.as_ref().is_some_and(|p| is_firm(parse, p));
    // Pay talks and contracts between a firm and its staff or their union are labour relations:
    // "trying to negotiate pay cuts with flight and baggage staff", "reached a crucial agreement
    // with pilots on pay", "in tough talks with unions about trimming jobs". With a state organ
    // in the sentence ("the government negotiated with the unions") the event stays.
    // A union's own act facing nobody named ("the unions ended their strike") stays.
    if matches!(event.plover.as_str(), "CONSULT" | "AGREE") {
        let workforce = |p: &Option<Participant>| p.as_ref().is_some_and(is_workforce);
        let employer = |p: &Option<Participant>| {
            firm(p) || p.as_ref().is_none_or(|p| !is_party(p) && !is_workforce(p))
        };
        if ((workforce(&event.actor) && firm(&event.recipient))
            || (workforce(&event.recipient) && employer(&event.actor)))
            && !sentence_names_a_state(parse, anchor, false)
        {
            return true;
        }
    }
    // Facing a firm in a sentence about a deal, an organisation with no sign of a public body
    // is most likely another ("Euronext has met the LSE amid speculation of a cash bid").
    let about_a_deal = sentence_is_about_a_deal(parse, anchor);
    let private = |p: &Option<Participant>| {
        p.as_ref().is_some_and(|p| {
            is_firm(parse, p)
                || (about_a_deal
                    && (is_private_organisation(parse, p) || is_private_person(parse, p)))
        })
    };
    // What is traded is no party, whatever names it carries: "the US assets", "its shares".
    let no_party = |p: &Option<Participant>| {
        p.as_ref()
            .is_none_or(|p| !is_party(p) || names_what_is_traded(&p.name))
    };
    let (actor, recipient) = (&event.actor, &event.recipient);
    if matches!(event.plover.as_str(), "ASSAULT" | "COERCE") {
        return firm(actor) && (firm(recipient) || no_party(recipient));
    }
    // With one side missing, the act may be towards a state organ the parse did not take as a
    // party ("refusing to obey a government order"); and without a doer, a firm acted upon is
    // in a dealing only where no state is named beside it ("Chinese firms would be allowed to
    // operate oil fields in Venezuela" is Venezuela's act).
    // A firm's own act is no state's for being reported by one ("GM is recalling 200,000 cars,
    // according to federal regulators"); an act done to a firm by nobody named may be the
    // reporting state's own ("only after full consultation with the airlines, the EU said").
    (firm(actor)
        && (private(recipient)
            || (no_party(recipient) && !sentence_names_a_state(parse, anchor, false))))
        || (firm(recipient)
            && (private(actor)
                || (no_party(actor) && !sentence_names_a_state(parse, anchor, true))))
}

/// Those who work for a firm, and their unions, as the text names them in lower case.
const WORKFORCE_NOUNS: &[&str] = &[
    "staff",
    "worker",
    "employee",
    "workforce",
    "pilot",
    "attendant",
    "handler",
    "mechanic",
    "crew",
    "union",
];

/// Whether a participant is a firm's workforce or a union, named by a common noun ("flight and
/// baggage staff", "German workers", "a union representing 5,200 flight attendants"), not by a
/// name ("European Union").
fn is_workforce(participant: &Participant) -> bool {
    let Some(head) = participant
        .name
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    else {
        return false;
    };
    let singular = head.strip_suffix('s').unwrap_or(head);
    head.chars().next().is_some_and(char::is_lowercase)
        && (WORKFORCE_NOUNS.contains(&head) || WORKFORCE_NOUNS.contains(&singular))
}

/// What a firm runs for its customers, whose halting is its own business.
const FIRMS_OWN_BUSINESS: &[&str] = &[
    "flight",
    "service",
    "route",
    "operation",
    "production",
    "shipment",
    "delivery",
];

/// Whether a participant is a named organisation with no sign of being a public body.
fn is_private_organisation(parse: &Parse<'_>, participant: &Participant) -> bool {
    parse.entity_of(participant).is_some_and(|entity| {
        matches!(entity.kind, EntityKind::Organisation | EntityKind::Group)
            && entity.mentions.iter().any(|m| {
                mention_head(parse, m.start, m.end).is_some_and(|h| parse.ent_label(h) == "ORG")
            })
            && !is_public_body(parse, entity)
    })
}

/// Titles of people who hold public office or speak for a state: such a person facing a firm
/// acts for the state.
const PUBLIC_TITLES: &[&str] = &[
    "president",
    "minister",
    "chancellor",
    "premier",
    "governor",
    "senator",
    "mp",
    "mayor",
    "king",
    "queen",
    "prince",
    "ambassador",
    "secretary",
    "official",
    "leader",
    "commissioner",
    "regulator",
    "judge",
    "prosecutor",
    "attorney",
    "general",
    "spokesman",
    "spokeswoman",
];

/// Whether a participant is a person the article gives no public office: facing a firm in a
/// sentence about a deal, a director signing with a studio or a chief executive meeting another
/// deals as business does ("Werner Seifert met LSE chief executive Clara Furse amid rumours the
/// German group may raise its bid").
fn is_private_person(parse: &Parse<'_>, participant: &Participant) -> bool {
    parse.entity_of(participant).is_some_and(|entity| {
        entity.kind == EntityKind::Person
            && !entity.roles.iter().any(|role| {
                let title = role.text.to_lowercase();
                title
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| PUBLIC_TITLES.contains(&w))
            })
    })
}

/// Whether a participant holds public office or is a public body: a person the article gives a
/// public title ("Tory leader Michael Howard", "Culture Secretary Tessa Jowell"), or an
/// organisation whose name or description says it is a state organ.
pub(super) fn is_public_party(parse: &Parse<'_>, participant: &Participant) -> bool {
    parse
        .entity_of(participant)
        .is_some_and(|entity| match entity.kind {
            EntityKind::Person => entity.roles.iter().any(|role| {
                role.text
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| PUBLIC_TITLES.contains(&w))
            }),
            EntityKind::Organisation => is_public_body(parse, entity),
            _ => false,
        })
}

/// Words for a state or its organs.
pub(super) const STATE_NOUNS: &[&str] = &[
    "government",
    "minister",
    "ministry",
    "regulator",
    "watchdog",
    "official",
    "president",
    "authority",
    "court",
    "state",
    "parliament",
    "congress",
    "commission",
    "administration",
    "treasury",
];

/// Words of buying and selling firms: what a sentence about a deal between firms speaks of.
const DEAL_WORDS: &[&str] = &[
    "takeover",
    "merger",
    "merge",
    "bid",
    "bidder",
    "offer",
    "deal",
    "stake",
    "share",
    "shareholder",
    "acquisition",
    "acquire",
    "buyout",
    "sale",
    "buy",
    "sell",
    "contract",
    "alliance",
];

/// Whether the sentence of a token speaks of buying, selling or merging firms.
fn sentence_is_about_a_deal(parse: &Parse<'_>, anchor: usize) -> bool {
    sentence_tokens(parse, anchor).any(|t| DEAL_WORDS.contains(&parse.lemma[t].as_str()))
}

/// The tokens of the sentence a token is in.
fn sentence_tokens<'p>(parse: &'p Parse<'_>, anchor: usize) -> impl Iterator<Item = usize> + 'p {
    let offset = parse.toks[anchor].start;
    let (start, end) = parse
        .doc
        .sentences
        .iter()
        .find(|s| s.start <= offset && offset < s.end)
        .map_or((offset, offset), |s| (s.start, s.end));
    (0..parse.toks.len()).filter(move |&t| parse.toks[t].start >= start && parse.toks[t].end <= end)
}

/// Bodies of states, as the text writes them.
pub(super) const STATE_BODIES: &[&str] = &[
    "eu", "un", "imf", "wto", "opec", "nato", "oecd", "g7", "g8", "g20",
];

/// Whether the sentence of a token names a state organ or a body of states ("the government",
/// "the regulator", "the EU"), or with `places`, a country or a nationality; without `places`,
/// one that only reports the act does not count.
fn sentence_names_a_state(parse: &Parse<'_>, anchor: usize, places: bool) -> bool {
    sentence_tokens(parse, anchor).any(|t| {
        ((places && matches!(parse.ent_label(t), "GPE" | "NORP"))
            || STATE_NOUNS.contains(&parse.lemma[t].as_str())
            || STATE_BODIES.contains(&parse.lower[t].as_str()))
            && (places || !names_the_reporter(parse, t, anchor))
    })
}

/// Verbs of saying whose subject reports an act rather than takes part in it.
const REPORTING_VERBS: &[&str] = &["say", "report", "tell", "add", "state", "note", "estimate"];

/// Whether a token is in the phrase that says who reports the act of `anchor`: "…, according
/// to federal regulators", "…, said industry officials". A regulator who reports a recall is no
/// party to it.
fn names_the_reporter(parse: &Parse<'_>, t: usize, anchor: usize) -> bool {
    if super::names_the_source(parse, t, anchor) {
        return true;
    }
    // The subject's head word: "industry officials" climbs to "officials".
    let mut subject = t;
    while parse.dep(subject) == "compound" || parse.dep(subject) == "amod" {
        match parse.head(subject) {
            Some(h) if h != subject => subject = h,
            _ => return false,
        }
    }
    parse.dep(subject) == "nsubj"
        && parse.head(subject).is_some_and(|verb| {
            REPORTING_VERBS.contains(&parse.lemma[verb].as_str()) && governs(parse, verb, anchor)
        })
}

/// Whether `verb` is `token` or one of its heads.
fn governs(parse: &Parse<'_>, verb: usize, token: usize) -> bool {
    let mut node = token;
    for _ in 0..parse.toks.len() {
        if node == verb {
            return true;
        }
        match parse.head(node) {
            Some(head) if head != node => node = head,
            _ => return false,
        }
    }
    false
}

/// Whether a participant is a business: an organisation its name or the text calls one, a
/// person whose role is in one, or a phrase headed by a firm noun ("Western firms").
fn is_firm(parse: &Parse<'_>, participant: &Participant) -> bool {
    let entity = parse.entity_of(participant);
    match entity {
        Some(entity) => match entity.kind {
            EntityKind::Person => entity.roles.iter().any(|role| {
                let title = role.text.to_lowercase();
                BUSINESS_TITLES.iter().any(|t| title.contains(t))
                    || role.org.as_ref().is_some_and(|org| {
                        parse
                            .doc
                            .entities
                            .iter()
                            .find(|e| &e.name == org)
                            .is_some_and(|e| organisation_is_firm(parse, e))
                    })
            }),
            EntityKind::Organisation | EntityKind::Group => organisation_is_firm(parse, entity),
            _ => false,
        },
        // "Malaysia's central bank" is the state's.
        None => {
            (phrase_names_firm(&participant.name)
                && !participant.name.to_lowercase().contains("central"))
                || names_a_firm_by_initials(parse, &participant.name, "")
        }
    }
}

/// A phrase's last word, lowercased and without punctuation around it: its head.
fn phrase_head(name: &str) -> String {
    name.rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a phrase's head names what firms own or trade: "US assets", "its shares".
fn names_what_is_traded(name: &str) -> bool {
    let head = phrase_head(name);
    let singular = head.strip_suffix('s').unwrap_or(&head);
    singular == "asset" || super::lexicon::ECONOMIC_NOUNS.contains(&singular)
}

/// Whether a phrase's head is a firm noun: "investment firms", "US agrochemical giant", or an
/// exchange named by its place ("the London exchange").
fn phrase_names_firm(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if let [.., place, last] = words.as_slice()
        && last
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
            == "exchange"
        && place.chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    let head = phrase_head(name);
    let singular = head.strip_suffix('s').unwrap_or(&head);
    let singular_ies = head.strip_suffix("ies").map(|stem| format!("{stem}y"));
    // "bosses", "businesses".
    let singular_es = head.strip_suffix("es").unwrap_or(&head);
    FIRM_NOUNS.contains(&head.as_str())
        || FIRM_NOUNS.contains(&singular)
        || FIRM_NOUNS.contains(&singular_es)
        || singular_ies.is_some_and(|s| FIRM_NOUNS.contains(&s.as_str()))
}

/// Whether an organisation is a business: its name ends as business names do, the text calls
/// it one beside a mention ("UK bank Barclays", "Verizon, the telecoms giant"), or coreference
/// joined "the firm" or "the company" to it. A public body's name ("Bank of England", "G7
/// Group") is none.
fn organisation_is_firm(parse: &Parse<'_>, entity: &Entity) -> bool {
    if is_public_body(parse, entity) {
        return false;
    }
    if has_a_business_name(entity) || is_the_initials_of_a_firm(parse, entity) {
        return true;
    }
    entity.mentions.iter().any(|mention| {
        if mention.label.as_deref() == Some("nominal") {
            return phrase_names_firm(&mention.text);
        }
        let Some(head) = mention_head(parse, mention.start, mention.end) else {
            return false;
        };
        let firm_word = |t: usize| {
            let lemma = parse.lemma[t].as_str();
            (FIRM_NOUNS.contains(&lemma) || FIRM_NOUNS_BESIDE_A_NAME.contains(&lemma))
                && matches!(parse.tag(t), "NN" | "NNS")
                && !(parse.toks[t].start >= mention.start && parse.toks[t].end <= mention.end)
        };
        parse
            .children_with(head, &["compound", "appos", "amod"])
            .any(firm_word)
            || (matches!(parse.dep(head), "appos" | "compound")
                && parse.head(head).is_some_and(firm_word))
            || written_with_what_firms_have(parse, mention.start, mention.end)
    })
}

/// What only a business has, besides what the entities layer reads as a company's
/// ([`crate::entities::COMPANY_POSSESSIONS`]: profits, shareholders, factories …): its shares.
const SHARES: &[&str] = &["share", "shares", "shareholder"];

/// Where a business is written as one: what only a business has after the name ("Umbro's
/// profits", "Euronext shares"), or shares, a stake or a takeover before it ("shares in
/// Yukos", "a stake in Baikal", "the takeover of Glenmorangie").
fn written_with_what_firms_have(parse: &Parse<'_>, start: usize, end: usize) -> bool {
    let first = parse.toks.partition_point(|t| t.start < start);
    let mut next = parse.toks.partition_point(|t| t.start < end);
    if next < parse.toks.len() && matches!(parse.lower[next].as_str(), "'s" | "’s" | "'" | "’")
    {
        next += 1;
    }
    let owns = (next..(next + 3).min(parse.toks.len()))
        .take_while(|&t| matches!(parse.tag(t), "NN" | "NNS" | "JJ"))
        .any(|t| {
            let word = parse.lower[t].as_str();
            crate::entities::COMPANY_POSSESSIONS.contains(&word) || SHARES.contains(&word)
        });
    let bought = first >= 2
        && matches!(parse.lower[first - 1].as_str(), "in" | "of")
        && matches!(
            parse.lower[first - 2].as_str(),
            "shares" | "stake" | "stakes" | "takeover" | "shareholders"
        );
    owns || bought
}

/// Whether an entity's name ends as business names do: "UFJ Holdings", "London Stock Exchange".
fn has_a_business_name(entity: &Entity) -> bool {
    name_words(entity)
        .last()
        .is_some_and(|w| BUSINESS_NAME_WORDS.contains(&w.as_str()))
}

/// Whether an organisation's name is the initials of a business the article names: "LSE" for
/// "London Stock Exchange", "GM" for "General Motors", when the two were not joined as one
/// entity.
fn is_the_initials_of_a_firm(parse: &Parse<'_>, entity: &Entity) -> bool {
    names_a_firm_by_initials(parse, &entity.name, &entity.id)
}

/// Whether a name is the initials of a business the article names under another entity than
/// `own_id`.
fn names_a_firm_by_initials(parse: &Parse<'_>, name: &str, own_id: &str) -> bool {
    let acronym = (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase());
    acronym
        && parse.doc.entities.iter().any(|other| {
            let initials: String = other
                .name
                .split_whitespace()
                .filter_map(|w| w.chars().next())
                .filter(char::is_ascii_uppercase)
                .collect();
            other.id != own_id
                && matches!(other.kind, EntityKind::Organisation | EntityKind::Group)
                && initials == name
                && has_a_business_name(other)
                && !is_public_body(parse, other)
        })
}

/// The lowercased words of an entity's name.
fn name_words(entity: &Entity) -> Vec<String> {
    entity
        .name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

/// Whether an organisation is a public body: its name says so ("Bank of England" aside, "European
/// Central Bank", "G7 Group", "Paris Club"), the text calls it a central bank, or a state organ
/// ("telecom regulator Ofcom").
fn is_public_body(parse: &Parse<'_>, entity: &Entity) -> bool {
    let public = name_words(entity).iter().any(|w| {
        PUBLIC_NAME_WORDS.contains(&w.as_str())
            || (w.len() >= 2 && w.starts_with('g') && w[1..].chars().all(|c| c.is_ascii_digit()))
    });
    public
        || entity.mentions.iter().any(|mention| {
            mention.text.to_lowercase().contains("central")
                || mention_head(parse, mention.start, mention.end).is_some_and(|head| {
                    parse
                        .children_with(head, &["amod", "compound", "appos"])
                        .any(|m| {
                            parse.lemma[m] == "central"
                                || STATE_NOUNS.contains(&parse.lemma[m].as_str())
                        })
                })
        })
}

/// The token of a mention whose head lies outside it.
fn mention_head(parse: &Parse<'_>, start: usize, end: usize) -> Option<usize> {
    let first = parse.toks.partition_point(|t| t.start < start);
    let inside = |t: usize| parse.toks[t].start >= start && parse.toks[t].end <= end;
    (first..parse.toks.len())
        .take_while(|&t| parse.toks[t].start < end)
        .find(|&t| parse.head(t).is_none_or(|h| !inside(h)))
}

/// Heads of a phrase that names firms in general, not one firm or party: "public firms",
/// "foreign companies", "Chinese firms".
const FIRMS_IN_GENERAL: &[&str] = &[
    "firm",
    "company",
    "business",
    "bank",
    "airline",
    "employer",
    "exporter",
    "manufacturer",
    "retailer",
    "insurer",
    "lender",
];

/// Whether a participant is firms in general: no entity but a collective one, a plural firm
/// noun as head, and no word that picks out particular ones ("the two firms", "these
/// companies").
fn is_firms_in_general(parse: &Parse<'_>, participant: &Participant) -> bool {
    if parse
        .entity_of(participant)
        .is_some_and(|entity| entity.kind != EntityKind::Group)
    {
        return false;
    }
    let head = phrase_head(&participant.name);
    let singular = head
        .strip_suffix("ies")
        .map(|stem| format!("{stem}y"))
        .or_else(|| {
            head.strip_suffix("es")
                .filter(|s| s.ends_with("ss"))
                .map(str::to_string)
        })
        .or_else(|| head.strip_suffix('s').map(str::to_string));
    let particular = participant.name.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        matches!(
            w.as_str(),
            "the" | "these" | "those" | "its" | "their" | "his" | "her" | "both" | "all"
        ) || w.chars().all(|c| c.is_ascii_digit())
            || matches!(
                w.as_str(),
                "two" | "three" | "four" | "five" | "six" | "ten"
            )
    });
    singular.is_some_and(|s| FIRMS_IN_GENERAL.contains(&s.as_str())) && !particular
}

/// Whether a participant acts for a state: a country, a state organ by its head ("the
/// government", "governments") or a person with a public office ("President Hugo Chavez").
fn acts_for_a_state(parse: &Parse<'_>, participant: &Participant) -> bool {
    match parse.entity_of(participant) {
        Some(entity) => match entity.kind {
            EntityKind::Place => true,
            EntityKind::Person => !is_private_person(parse, participant),
            EntityKind::Organisation | EntityKind::Group => {
                is_public_body(parse, entity) || headed_by_a_state_noun(participant)
            }
            EntityKind::Other => false,
        },
        None => headed_by_a_state_noun(participant),
    }
}

/// Whether a phrase's head is a state organ: "the government", "governments".
fn headed_by_a_state_noun(participant: &Participant) -> bool {
    let head = phrase_head(&participant.name);
    let singular = head.strip_suffix('s').unwrap_or(&head);
    STATE_NOUNS.contains(&singular)
}

/// Whether an event is a state's economic policy towards firms in general: aid to, a request
/// of, a promise or a concession to "firms", "public firms" or "foreign companies" by a state or
/// nobody named ("providing public firms with money to hire new workers", "will ask firms to
/// roll over mortgage loans", "governments may help companies financially", "to ease the
/// burden on foreign firms"). PLOVER codes acts between parties; firms in general are none.
/// Accusations, suits and threats against them stay.
pub fn policy_towards_firms_in_general(parse: &Parse<'_>, event: &Event) -> bool {
    if !matches!(
        event.plover.as_str(),
        "AID" | "AGREE" | "REQUEST" | "CONCEDE"
    ) {
        return false;
    }
    let Some(recipient) = &event.recipient else {
        return false;
    };
    is_firms_in_general(parse, recipient)
        && event
            .actor
            .as_ref()
            .is_none_or(|actor| acts_for_a_state(parse, actor))
}
