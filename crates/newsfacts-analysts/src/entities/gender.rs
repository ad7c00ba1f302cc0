//! Grammatical gender of a person, for agreeing "he" and "she" with their antecedents: from
//! honorifics ("Mrs."), gendered role nouns ("spokeswoman") and a hand-written list of common
//! given names. Unknown is compatible with both.

/// What the text tells of a person's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    /// Whether a pronoun of gender `pronoun` may refer to a person of this gender.
    pub fn agrees(self, pronoun: Gender) -> bool {
        self == Gender::Unknown || pronoun == Gender::Unknown || self == pronoun
    }

    /// Keeps the first definite evidence.
    pub fn or(self, other: Gender) -> Gender {
        if self == Gender::Unknown { other } else { self }
    }
}

#[rustfmt::skip]
const MALE_NAMES: &[&str] = &[
    "aaron", "adam", "alan", "albert", "alexander", "alexei", "alexey", "andrew", "andrei", "andrzej", "angus", "anthony", "antony",
    "arthur", "barack", "ben", "benjamin", "bernie", "bill", "bob", "boris", "brad", "brian", "bruce", "carl", "charles", "charlie",
    "chris", "christopher", "chuck", "colin", "craig", "dan", "daniel", "david", "dennis", "dmitry", "dmytro", "donald", "doug",
    "douglas", "ed", "edward", "elon", "emmanuel", "eric", "frank", "fred", "gary", "george", "gordon", "greg", "gregory",
    "harry", "henry", "hugh", "ian", "igor", "ivan", "jack", "jacob", "james", "jared", "jason", "jeb", "jeff", "jeffrey",
    "jeremy", "jerry", "jim", "jimmy", "joe", "john", "jonathan", "jose", "joseph", "josh", "juan", "justin", "keir",
    "keith", "ken", "kevin", "kim", "larry", "lee", "lindsey", "luis", "marco", "mark", "martin", "matt", "matthew", "michael",
    "mike", "mitch", "mohammed", "muhammad", "mykhailo", "narendra", "neil", "nicholas", "nick", "nigel", "oleksandr", "olaf",
    "oliver", "pat", "patrick", "paul", "peter", "phil", "philip", "ralph", "recep", "reince", "richard", "rick", "rishi",
    "rob", "robert", "robby", "roger", "ron", "ronald", "rudy", "rudolph", "ryan", "sam", "samuel", "scott", "sean", "sergei", "sergey",
    "simon", "stephen", "steve", "steven", "ted", "terry", "thomas", "tim", "timothy", "tom", "tony", "viktor", "vladimir",
    "volodymyr", "walter", "wayne", "william", "xi", "yevgeny", "yuri",
];

#[rustfmt::skip]
const FEMALE_NAMES: &[&str] = &[
    "alice", "alison", "amanda", "amy", "angela", "ann", "anna", "anne", "annalena", "barbara", "betsy", "betty", "brenda",
    "carly", "carol", "caroline", "catherine", "chelsea", "christine", "claire", "condoleezza", "debbie", "deborah", "diane",
    "donna", "elizabeth", "elena", "elise", "ellen", "emily", "emma", "giorgia", "hillary", "helen", "huma", "ivanka",
    "jane", "janet", "jennifer", "jessica", "jill", "joan", "julia", "julie", "kaja", "kamala", "karen", "kate", "katherine",
    "kathleen", "kathy", "kellyanne", "kelly", "kirsten", "kristi", "laura", "linda", "lisa", "liz", "loretta", "lynn", "madeleine",
    "margaret", "maria", "marie", "marine", "martha", "mary", "megyn", "melania", "michelle", "nancy", "natalia", "nicola",
    "nikki", "olena", "olga", "patricia", "priti", "rachel", "rebecca", "rosa", "ruth", "sandra", "sarah", "sharon", "sheila",
    "sonia", "sophie", "stephanie", "susan", "suzanne", "teresa", "theresa", "tulsi", "ursula", "victoria", "yulia", "yulia",
];

/// Honorifics and role nouns that say a gender.
#[rustfmt::skip]
const MALE_WORDS: &[&str] = &[
    "mr", "mr.", "sir", "lord", "king", "prince", "father", "son", "brother", "husband", "uncle", "man", "boy",
    "spokesman", "chairman", "congressman", "businessman", "councilman", "policeman", "sportsman", "grandfather",
];

#[rustfmt::skip]
const FEMALE_WORDS: &[&str] = &[
    "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "madam", "queen", "princess", "mother", "daughter", "sister",
    "wife", "aunt", "woman", "girl", "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "councilwoman",
    "policewoman", "sportswoman", "grandmother",
];

/// The gender a given name suggests.
pub fn of_given_name(name: &str) -> Gender {
    let lower = name.to_lowercase();
    if MALE_NAMES.contains(&lower.as_str()) {
        Gender::Male
    } else if FEMALE_NAMES.contains(&lower.as_str()) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// The gender an honorific or role noun says ("Mrs.", "spokeswoman").
pub fn of_word(lower: &str) -> Gender {
    if MALE_WORDS.contains(&lower) {
        Gender::Male
    } else if FEMALE_WORDS.contains(&lower) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// The gender of a personal pronoun, if it is one of a single person.
pub fn of_pronoun(lower: &str) -> Option<Gender> {
    match lower {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_words_and_pronouns_give_genders() {
        assert_eq!(of_given_name("Hillary"), Gender::Female);
        assert_eq!(of_given_name("Matthew"), Gender::Male);
        assert_eq!(of_given_name("Zog"), Gender::Unknown);
        assert_eq!(of_word("spokeswoman"), Gender::Female);
        assert_eq!(of_pronoun("his"), Some(Gender::Male));
        assert_eq!(of_pronoun("they"), None);
        assert!(Gender::Unknown.agrees(Gender::Female));
        assert!(!Gender::Male.agrees(Gender::Female));
    }
}
