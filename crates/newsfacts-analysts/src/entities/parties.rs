//! Political parties: one entity for a party however the article writes it. The NER types
//! "Conservative Party" an organisation, "Tories" a group of people and "Lib Dems" a person;
//! a reader sees one party. Joined are the name the article writes with "Party" ("Democratic
//! Party"), that name without it ("Labour"), the adjective and plural for its members
//! ("Democrat", "Democrats", "Greens"), and the short forms and nicknames of a small table of
//! well-known parties ("Tory", "Tories", "Lib Dems", "GOP").

use newsfacts_doc::EntityKind;

use super::{Draft, form};

/// A well-known party: its name, the other ways articles write it, and the writings that are
/// also ordinary words (American "Conservatives" are no party), which join only in an
/// article about the party's country: one that names the country or any British party
/// plainly (all the table's ambiguous writings are British).
struct Party {
    name: &'static str,
    forms: &'static [&'static str],
    ambiguous: &'static [&'static str],
}

/// The country of the table's ambiguous writings, as the gazetteer names it.
const AMBIGUOUS_WRITINGS_COUNTRY: &str = "United Kingdom";

/// Parties of the table that are not British.
const NOT_BRITISH: &[&str] = &["Republican Party"];

/// Short forms and members' nicknames an article need not explain. Names the article writes
/// with "Party" join their own short forms without this table.
const WELL_KNOWN: &[Party] = &[
    Party {
        name: "Conservative Party",
        forms: &["Tory", "Tories", "Tory Party"],
        ambiguous: &["Conservative", "Conservatives"],
    },
    Party {
        name: "Labour Party",
        forms: &["Labour", "New Labour"],
        ambiguous: &[],
    },
    Party {
        name: "Liberal Democrats",
        forms: &[
            "Liberal Democrat",
            "Lib Dem",
            "Lib Dems",
            "LibDems",
            "Liberal Democrat Party",
        ],
        ambiguous: &[],
    },
    Party {
        name: "Scottish National Party",
        forms: &["SNP"],
        ambiguous: &[],
    },
    Party {
        name: "UK Independence Party",
        forms: &["UKIP", "Ukip"],
        ambiguous: &[],
    },
    Party {
        name: "Republican Party",
        forms: &["GOP"],
        ambiguous: &[],
    },
];

/// The party a name is a well-known writing of ("Tories" → "Conservative Party").
fn well_known(name: &str) -> Option<&'static str> {
    WELL_KNOWN
        .iter()
        .find(|p| p.name == name || p.forms.contains(&name))
        .map(|p| p.name)
}

/// The party a name is an ambiguous writing of ("Conservatives" → "Conservative Party").
fn ambiguous_writing(name: &str) -> Option<&'static str> {
    WELL_KNOWN
        .iter()
        .find(|p| p.ambiguous.contains(&name))
        .map(|p| p.name)
}

/// The ways an article writes a party it names "X Party", other than that: "X", the members'
/// plural "Xs", and for an adjective in "-ic" the noun for a member ("Democratic Party" →
/// "Democrat", "Democrats").
fn member_forms(party: &str) -> Vec<String> {
    let Some(stem) = party.strip_suffix(" Party").filter(|s| !s.is_empty()) else {
        return Vec::new();
    };
    let mut forms = vec![stem.to_string(), format!("{stem}s")];
    if let Some(root) = stem.strip_suffix("ic") {
        forms.push(root.to_string());
        forms.push(format!("{root}s"));
    }
    forms
}

/// Whether a draft may be a writing of a party: not a place, and not a person the article
/// shows to be one (a title, a gender, a given name or surname joined to it).
fn may_be_party(draft: &Draft) -> bool {
    match draft.kind {
        EntityKind::Place | EntityKind::Other => false,
        EntityKind::Person => {
            draft.gender == super::gender::Gender::Unknown
                && draft
                    .mentions
                    .iter()
                    .all(|m| m.label.as_deref() == Some(form::NAME))
        }
        _ => true,
    }
}

/// Joins every writing of a party into one organisation, named by the party's full name.
pub fn join_parties(drafts: &mut Vec<Draft>) {
    let written_parties: Vec<String> = drafts
        .iter()
        .filter(|d| may_be_party(d) && d.name.ends_with(" Party"))
        .map(|d| well_known(&d.name).map_or_else(|| d.name.clone(), str::to_string))
        .collect();
    let british = drafts.iter().any(|d| {
        (d.kind == EntityKind::Place && d.name == AMBIGUOUS_WRITINGS_COUNTRY)
            || (may_be_party(d)
                && well_known(&d.name).is_some_and(|party| !NOT_BRITISH.contains(&party)))
    });
    let party_of = |draft: &Draft| -> Option<String> {
        if !may_be_party(draft) {
            return None;
        }
        if let Some(name) = well_known(&draft.name) {
            return Some(name.to_string());
        }
        if let Some(name) = ambiguous_writing(&draft.name).filter(|_| british) {
            return Some(name.to_string());
        }
        if draft.name.ends_with(" Party") {
            return Some(draft.name.clone());
        }
        written_parties
            .iter()
            .find(|party| member_forms(party).contains(&draft.name))
            .cloned()
    };
    let parties: Vec<Option<String>> = drafts.iter().map(party_of).collect();
    let mut kept: Vec<(String, usize)> = Vec::new();
    for (index, party) in parties.iter().enumerate() {
        let Some(party) = party else {
            continue;
        };
        match kept.iter().find(|(name, _)| name == party) {
            Some(&(_, into)) => {
                let mentions = std::mem::take(&mut drafts[index].mentions);
                drafts[into].mentions.extend(mentions);
            }
            None => {
                drafts[index].kind = EntityKind::Organisation;
                drafts[index].name = party.clone();
                kept.push((party.clone(), index));
            }
        }
    }
    // A joined writing gave all its mentions away; every other draft has some.
    drafts.retain(|d| !d.mentions.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(kind: EntityKind, name: &str, start: usize) -> Draft {
        let mut d = Draft::new(kind, name);
        let text = " ".repeat(start) + name;
        d.add_mention(&text, start, start + name.len(), form::NAME);
        d
    }

    #[test]
    fn nicknames_short_forms_and_full_names_are_one_party() {
        let mut drafts = vec![
            draft(EntityKind::Group, "Tories", 0),
            draft(EntityKind::Organisation, "Labour", 10),
            draft(EntityKind::Person, "Lib Dems", 20),
            draft(EntityKind::Group, "Conservative", 30),
            draft(EntityKind::Organisation, "Conservative Party", 40),
            draft(EntityKind::Organisation, "Labour Party", 60),
            draft(EntityKind::Group, "Liberal Democrats", 80),
            draft(EntityKind::Place, "Manchester", 100),
        ];
        join_parties(&mut drafts);
        let names: Vec<(&str, usize)> = drafts
            .iter()
            .map(|d| (d.name.as_str(), d.mentions.len()))
            .collect();
        assert_eq!(
            names,
            [
                ("Conservative Party", 3),
                ("Labour Party", 2),
                ("Liberal Democrats", 2),
                ("Manchester", 1)
            ]
        );
        assert!(
            drafts[..3]
                .iter()
                .all(|d| d.kind == EntityKind::Organisation)
        );
    }

    #[test]
    fn conservatives_are_a_party_only_in_an_article_about_britain() {
        let mut american = vec![
            draft(EntityKind::Group, "Conservatives", 0),
            draft(EntityKind::Group, "Republicans", 20),
        ];
        join_parties(&mut american);
        assert_eq!(american[0].name, "Conservatives");
        assert_eq!(american[0].kind, EntityKind::Group);
        let mut british = vec![
            draft(EntityKind::Group, "Conservatives", 0),
            draft(EntityKind::Group, "Tory", 20),
        ];
        join_parties(&mut british);
        assert_eq!(british.len(), 1);
        assert_eq!(british[0].name, "Conservative Party");
        let mut in_britain = vec![
            draft(EntityKind::Group, "Conservatives", 0),
            draft(EntityKind::Place, "United Kingdom", 20),
        ];
        join_parties(&mut in_britain);
        assert_eq!(in_britain[0].name, "Conservative Party");
    }

    #[test]
    fn a_party_the_article_names_joins_its_members_plural() {
        let mut drafts = vec![
            draft(EntityKind::Group, "Democrats", 0),
            draft(EntityKind::Organisation, "Democratic Party", 20),
            draft(EntityKind::Group, "Greens", 40),
            draft(EntityKind::Group, "Socialists", 60),
        ];
        join_parties(&mut drafts);
        assert_eq!(drafts.len(), 3, "{drafts:#?}");
        assert_eq!(drafts[0].name, "Democratic Party");
        assert_eq!(drafts[0].mentions.len(), 2);
        // Without a "Green Party" in the article, "Greens" are left as the NER had them.
        assert_eq!(drafts[1].name, "Greens");
        assert_eq!(drafts[1].kind, EntityKind::Group);
    }

    #[test]
    fn a_person_with_a_title_is_no_party() {
        let mut titled = draft(EntityKind::Person, "Labour", 0);
        titled.mentions[0].label = Some(form::TITLE.into());
        let mut drafts = vec![titled, draft(EntityKind::Organisation, "Labour Party", 20)];
        join_parties(&mut drafts);
        assert_eq!(drafts.len(), 2);
    }
}
