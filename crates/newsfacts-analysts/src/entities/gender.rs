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

/// Sorted, for binary search.
#[rustfmt::skip]
const MALE_NAMES: &[&str] = &[
    "aaron", "abdul", "abdullah", "abraham", "abu", "adam", "adan", "adlai", "ahmad", "ahmed",
    "akhil", "alan", "albert", "alex", "alexander", "alexei", "alexey", "alfred", "ali", "allan",
    "allen", "amit", "anderson", "andre", "andrei", "andres", "andrew", "andrzej", "andy", "angelo",
    "angus", "anthony", "antonin", "antonio", "antony", "anwar", "ari", "arnold", "art", "arthur",
    "arturo", "barack", "barney", "barry", "bashar", "beau", "ben", "benjamin", "benny", "bernard",
    "bernie", "bert", "bill", "billy", "bob", "bobby", "boris", "brad", "bradley", "brady",
    "brandon", "brendan", "brent", "bret", "brett", "brian", "bruce", "bryan", "bryce", "buddy",
    "caleb", "calvin", "cameron", "carl", "carlos", "cecil", "chad", "charles", "charlie",
    "chauncey", "chester", "chip", "chris", "christopher", "chuck", "clarence", "claude",
    "clifford", "clint", "clyde", "cody", "cole", "colin", "connor", "conor", "corey", "cornell",
    "cory", "craig", "curt", "curtis", "dale", "dallas", "damian", "damon", "dan", "daniel",
    "danny", "dante", "darrell", "darren", "darryl", "dave", "david", "dean", "dennis", "derek",
    "derrick", "desmond", "dick", "dino", "dmitry", "dmytro", "dominic", "don", "donald", "donovan",
    "doug", "douglas", "drew", "duncan", "dustin", "dwayne", "dwight", "dylann", "earl", "ed",
    "eddie", "edgar", "edward", "edwin", "eli", "elijah", "elliot", "elon", "emmanuel", "emmet",
    "enrique", "eric", "erik", "ernest", "ethan", "eugene", "evan", "everett", "federico", "felipe",
    "felix", "ferdinand", "fidel", "floyd", "francis", "frank", "franklin", "fred", "freddy",
    "fredrick", "gabriel", "garrett", "garry", "gary", "geert", "gene", "geoff", "geoffrey",
    "george", "gerald", "gerard", "gideon", "gilbert", "glen", "glenn", "gonzalo", "gordon",
    "graham", "grant", "greg", "gregory", "guy", "hal", "hank", "harold", "harry", "harvey",
    "hassan", "hector", "henry", "herbert", "herman", "hiroshi", "homer", "hosni", "howard", "hugh",
    "humayun", "hunter", "hussein", "ian", "ibrahim", "igor", "isaac", "ivan", "jack", "jackson",
    "jacob", "jaime", "jake", "jamal", "james", "jared", "jason", "jay", "jeb", "jeff", "jeffery",
    "jeffrey", "jeremiah", "jeremy", "jerome", "jerry", "jesse", "jim", "jimmy", "joe", "joel",
    "john", "johnny", "jon", "jonah", "jonathan", "jordan", "jorge", "jose", "joseph", "josh",
    "juan", "julian", "julius", "justin", "karl", "keir", "keith", "ken", "kenneth", "kevin",
    "khalid", "khizr", "kim", "kurt", "kyle", "lamar", "lance", "laquan", "larry", "laurence",
    "lawrence", "lee", "leo", "leon", "leonard", "leroy", "lester", "lewis", "li",
    "lindsey", "lloyd", "logan", "lorenzo", "lou", "louis", "lowell", "lucas", "luis", "luke",
    "luther", "lyndon", "mahmoud", "malcolm", "manuel", "marc", "marco", "marcus", "mario", "mark",
    "marshall", "martin", "marty", "marvin", "matt", "matteo", "matthew", "maurice", "max",
    "melvin", "merrick", "micah", "michael", "mick", "mike", "mikhail", "miles", "milton", "mitch",
    "mitchell", "mitt", "moammar", "mohamed", "mohammad", "mohammed", "morris", "morton", "muammar",
    "muhammad", "mykhailo", "narendra", "nate", "nathan", "nathaniel", "neal", "ned", "neil",
    "nelson", "newt", "nicholas", "nick", "nidal", "nigel", "noah", "norm", "norman", "olaf",
    "oleg", "oleksandr", "oliver", "omar", "orin", "osama", "oscar", "otis", "owen", "pablo", "pat",
    "patrick", "paul", "pedro", "perry", "pete", "peter", "peyton", "phil", "philip", "philippe",
    "pierre", "prescott", "preston", "quentin", "rafael", "rahul", "raj", "ralph", "ramon", "rand",
    "randy", "raul", "ray", "raymond", "raynard", "recep", "reggie", "reince", "rex", "rich",
    "richard", "rick", "rishi", "rob", "robby", "robert", "rodney", "roger", "roland", "ron",
    "ronald", "ross", "roy", "rudolph", "rudy", "rupert", "rush", "russ", "russell", "ryan",
    "saddam", "sadiq", "salvatore", "sam", "samuel", "sanjay", "scott", "sean", "sebastian",
    "sergei", "sergey", "seth", "shane", "shawn", "sheldon", "sherrod", "shinzo", "sidney", "simon",
    "solomon", "spike", "stan", "stanley", "stephen", "steve", "steven", "stuart", "syed", "tad",
    "takeshi", "tariq", "ted", "teddy", "terrence", "terry", "theodore", "thomas", "tim", "timothy",
    "todd", "tom", "tommy", "tony", "travis", "trayvon", "trevor", "trey", "troy", "tyler",
    "vernon", "victor", "vijay", "viktor", "vin", "vincent", "vladimir", "volodymyr", "wade",
    "wallace", "walter", "wang", "warren", "wayne", "wes", "wesley", "whit", "wilbur", "willard",
    "william", "willie", "winston", "woodrow", "xavier", "xi", "yevgeny", "yuri", "yusuf", "zach",
    "zachary",
];

/// Sorted, for binary search.
#[rustfmt::skip]
const FEMALE_NAMES: &[&str] = &[
    "abigail", "adelle", "agnes", "alexandra", "alexis", "alice", "alicia", "alison", "allison",
    "alma", "alyona", "amanda", "amber", "amy", "andrea", "angela", "angelina", "angie", "anita",
    "ann", "anna", "annalena", "anne", "annie", "april", "arianna", "ashley", "audrey", "ava",
    "barbara", "beatrice", "becky", "belinda", "bernadette", "beth", "betsy", "bette", "betty",
    "beverly", "bianca", "bonnie", "brenda", "brigid", "brittany", "brooke", "camille", "candace",
    "carla", "carly", "carmen", "carol", "carole", "caroline", "carrie", "cassandra", "catherine",
    "cathy", "cecile", "cecilia", "charlotte", "chelsea", "cheryl", "christina", "christine",
    "cindy", "claire", "clara", "claudia", "colleen", "condoleezza", "connie", "courtney",
    "crystal", "cynthia", "daisy", "danielle", "darlene", "dascha", "dawn", "deanna", "debbie",
    "debby", "deborah", "debra", "delores", "dena", "denise", "diana", "diane", "dianne", "dolores",
    "donna", "doris", "dorothy", "edith", "edna", "eileen", "elaine", "eleanor", "elena", "elise",
    "elizabeth", "ella", "ellen", "eloise", "emily", "emma", "erica", "erika", "erin", "esther",
    "ethel", "eunice", "eva", "evelyn", "faith", "felicia", "fiona", "florence", "frances",
    "gabrielle", "gail", "georgia", "geraldine", "ghazala", "gilda", "gina", "giorgia", "gladys",
    "gloria", "grace", "greta", "gretchen", "gwen", "haleh", "hannah", "harriet", "hazel",
    "heather", "heidi", "helen", "hilary", "hillary", "holly", "hope", "huma", "ida", "ileana",
    "ilia", "irene", "iris", "isabel", "isabella", "ivana", "ivanka", "jackie", "jacqueline",
    "jane", "janelle", "janet", "janice", "jasmine", "jeanette", "jeanne", "jenna", "jennifer",
    "jenny", "jessica", "jill", "jillian", "joan", "joanne", "jocelyn", "jomana", "joni",
    "josephine", "joy", "joyce", "juanita", "judith", "judy", "julia", "julianne", "julie", "june",
    "kaja", "kamala", "kara", "karen", "karina", "kate", "katherine", "kathleen", "kathryn",
    "kathy", "katie", "katrina", "kay", "kayla", "kelli", "kelly", "kellyanne", "kirsten",
    "kristen", "kristi", "kristin", "kristina", "lael", "lana", "laura", "laurie", "leah", "lena",
    "leslie", "lillian", "lily", "linda", "lisa", "liz", "lois", "loretta", "lori", "lorraine",
    "louise", "lucia", "luciana", "lucille", "lucy", "lydia", "lynn", "mabel", "madeleine",
    "madison", "mae", "maggie", "marcia", "margaret", "margarita", "maria", "marian", "marianne",
    "marie", "marilyn", "marine", "marjorie", "marla", "marlene", "marsha", "martha", "mary",
    "maureen", "maxine", "maya", "meg", "megan", "megyn", "melania", "melanne", "melinda",
    "melissa", "melody", "michele", "michelle", "mika", "mildred", "miriam", "mollie", "molly",
    "mona", "monica", "myrtle", "nadia", "nancy", "naomi", "natalia", "natalie", "neela", "nellie",
    "nicola", "nicole", "nikki", "nina", "nora", "norah", "norma", "olena", "olga", "olivia",
    "omarosa", "paige", "pam", "pamela", "patricia", "patti", "paula", "pauline", "pearl", "peggy",
    "penny", "phyllis", "priscilla", "priti", "rachel", "rebecca", "renee", "rhonda", "rita",
    "roberta", "robyn", "rosa", "rosalind", "rose", "roseann", "rosemary", "roxanne", "ruth",
    "sabrina", "sahar", "sally", "samantha", "sandra", "sara", "sarah", "savannah", "selenis",
    "shannon", "sharon", "sheila", "shelley", "shirley", "sofia", "sonia", "sophie", "stacy",
    "stella", "stephanie", "sue", "susan", "suzanne", "sylvia", "tamara", "tammy", "tanya", "tara",
    "tashfeen", "teresa", "thelma", "theresa", "tiffany", "tina", "tracy", "tulsi", "ursula",
    "valerie", "vanessa", "vanita", "vera", "veronica", "victoria", "violet", "virginia", "vivian",
    "wanda", "wendy", "wilma", "yolanda", "yulia", "yvonne", "zeynep", "zoe",
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
    if MALE_NAMES.binary_search(&lower.as_str()).is_ok() {
        Gender::Male
    } else if FEMALE_NAMES.binary_search(&lower.as_str()).is_ok() {
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

    #[test]
    fn name_lists_are_sorted_and_disjoint() {
        assert!(MALE_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(FEMALE_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(MALE_NAMES.iter().all(|n| !FEMALE_NAMES.contains(n)));
        assert_eq!(of_given_name("Tad"), Gender::Male);
        assert_eq!(of_given_name("Katie"), Gender::Female);
    }
}
