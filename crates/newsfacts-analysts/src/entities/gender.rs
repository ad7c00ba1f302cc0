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
    "aamir", "aaron", "abbas", "abdallah", "abdel", "abdoulaye", "abdul", "abdullah", "abraham",
    "abu", "adam", "adan", "adlai", "ahmad", "ahmed", "ahmet", "akbar", "akhil", "akira", "alan",
    "alastair", "albert", "alberto", "aled", "alessandro", "alessio", "alex", "alexander", "alexei",
    "alexey", "alfie", "alfred", "ali", "alistair", "allan", "allen", "alvaro", "amit", "amitabh",
    "anatoly", "anders", "anderson", "andre", "andrei", "andres", "andrew", "andrzej", "andy",
    "angelo", "angus", "anil", "anthony", "antonin", "antonio", "antony", "anwar", "archie", "ari",
    "arjen", "arkady", "arnaud", "arnold", "arsene", "art", "arthur", "arturo", "arun", "ashok",
    "atal", "ayman", "barack", "barnaby", "barney", "barry", "bashar", "beau", "ben", "benigno",
    "benjamin", "benny", "benoit", "bernard", "bernie", "bert", "bill", "billy", "bjorn", "bob",
    "bobby", "bogdan", "boris", "brad", "bradley", "brady", "brandon", "brendan", "brent", "bret",
    "brett", "brian", "bruce", "bryan", "bryce", "buddy", "caleb", "callum", "calum", "calvin",
    "cameron", "carl", "carlo", "carlos", "cecil", "cedric", "chad", "charles", "charlie",
    "chauncey", "chester", "chip", "chris", "christophe", "christopher", "chuck", "ciaran",
    "clarence", "claude", "claudio", "clifford", "clint", "clive", "clyde", "cody", "cole", "colin",
    "connor", "conor", "corey", "cormac", "cornell", "cory", "craig", "crispin", "cristiano",
    "curt", "curtis", "dafydd", "dai", "dale", "dallas", "damian", "damien", "damon", "dan",
    "daniel", "danny", "dante", "dario", "darragh", "darrell", "darren", "darryl", "dave", "david",
    "dean", "declan", "deepak", "dennis", "denzel", "derek", "derrick", "desmond", "dick", "didier",
    "diego", "dieter", "dilip", "dino", "dirk", "djibril", "dmitri", "dmitriy", "dmitry", "dmytro",
    "dominic", "don", "donald", "donovan", "doug", "douglas", "dragan", "drew", "duncan", "dustin",
    "dwayne", "dwight", "dylann", "earl", "ed", "eddie", "edgar", "edward", "edwin", "eli",
    "elijah", "elliot", "elon", "elton", "emile", "emilio", "emmanuel", "emmet", "emre", "emyr",
    "enrique", "enzo", "eoin", "eric", "erik", "ernest", "ernie", "esteban", "ethan", "euan",
    "eugene", "evan", "everett", "evgeny", "ewan", "fabien", "fabio", "fabrice", "fahd", "faisal",
    "federico", "feliciano", "felipe", "felix", "ferdinand", "ferenc", "fergus", "fernando",
    "fidel", "filippo", "fintan", "floyd", "francesco", "francis", "francois", "frank", "franklin",
    "fred", "freddy", "frederic", "fredrick", "fredrik", "gabor", "gabriel", "gael", "gareth",
    "garrett", "garry", "gary", "gavin", "geert", "gene", "gennady", "gennaro", "geoff", "geoffrey",
    "george", "gerald", "gerard", "gerhard", "gethin", "gheorghe", "giacomo", "gianluca",
    "gianluigi", "gideon", "gil", "gilbert", "giles", "giovanni", "giuseppe", "glen", "glenn",
    "gonzalo", "gopal", "goran", "gordon", "graeme", "graham", "grant", "greg", "gregory",
    "grigory", "guillaume", "guillermo", "gunter", "gustav", "gustavo", "guus", "guy", "haile",
    "hakan", "hal", "hamad", "hamid", "hamish", "hank", "hans", "harold", "harry", "haruki",
    "harvey", "hassan", "hector", "heinz", "helmut", "hendrik", "henning", "henrik", "henry",
    "herbert", "herman", "hernan", "herve", "hideki", "hiroshi", "homer", "horacio", "horst",
    "hosni", "howard", "hugh", "hugo", "humayun", "hunter", "hussein", "huw", "hyung", "iain",
    "ian", "ibrahim", "ichiro", "ieuan", "ignacio", "igor", "iker", "imran", "isaac", "istvan",
    "ivan", "jaap", "jack", "jackson", "jacob", "jacques", "jaime", "jake", "jalal", "jamal",
    "james", "janusz", "jared", "jaroslav", "jason", "javed", "javier", "jay", "jean", "jeb",
    "jeff", "jeffery", "jeffrey", "jens", "jeremiah", "jeremy", "jermain", "jermaine", "jerome",
    "jerry", "jerzy", "jesse", "jiabao", "jim", "jimmy", "jintao", "jiri", "joachim", "joao",
    "joaquin", "joe", "joel", "johan", "john", "johnny", "jolyon", "jomo", "jon", "jonah", "jonas",
    "jonathan", "jordan", "jorge", "jorgen", "jos", "jose", "joseph", "josh", "juan", "julian",
    "julio", "julius", "junichiro", "jurgen", "justin", "kapil", "kareem", "karim", "karl",
    "kasper", "kazuo", "keanu", "kees", "keir", "keith", "kemal", "ken", "kenenisa", "kenji",
    "kenneth", "kenny", "kevin", "khaled", "khalid", "khizr", "kieran", "kieron", "kim", "kjell",
    "klaus", "kofi", "konstantin", "krishna", "krzysztof", "kurt", "kyle", "lalu", "lamar", "lance",
    "laquan", "larry", "lars", "laszlo", "laurence", "laurent", "lawrence", "lech", "ledley", "lee",
    "leif", "leo", "leon", "leonard", "leonid", "leroy", "lester", "lewis", "li", "liam", "lilian",
    "lindsey", "lionel", "lleyton", "lloyd", "logan", "lorenzo", "lou", "louis", "lowell", "luca",
    "lucas", "luciano", "lucien", "luis", "luiz", "luke", "luther", "lyndon", "magnus", "mahathir",
    "mahmood", "mahmoud", "malcolm", "manfred", "manmohan", "manuel", "marat", "marc", "marcel",
    "marcello", "marco", "marcus", "marek", "mariano", "mario", "mark", "marshall", "martin",
    "marty", "marvin", "masahiro", "massimo", "mathieu", "mats", "matt", "matteo", "matthew",
    "matthias", "maurice", "mauro", "max", "maxim", "maxime", "mehmet", "melvin", "merrick",
    "mervyn", "micah", "michael", "mick", "miguel", "mikael", "mike", "mikhail", "miles", "milos",
    "milton", "mircea", "mitch", "mitchell", "mitt", "moammar", "mohamed", "mohammad", "mohammed",
    "morris", "morton", "moses", "muammar", "muhammad", "mukesh", "murat", "murray", "mustafa",
    "mwai", "mykhailo", "nabil", "narendra", "nate", "nathan", "nathaniel", "nawaz", "neal", "ned",
    "neil", "nelson", "nestor", "newt", "niall", "nicholas", "nick", "nicolae", "nicolas", "nidal",
    "niels", "nigel", "nikolai", "nils", "noah", "norm", "norman", "novak", "nuno", "obafemi",
    "octavio", "oisin", "olaf", "ole", "oleg", "oleksandr", "oliver", "olivier", "ollie", "olly",
    "olusegun", "omar", "orin", "osama", "oscar", "osvaldo", "otis", "owain", "owen", "pablo",
    "padraig", "paolo", "paradorn", "pascal", "pat", "patrice", "patrick", "paul", "paulo", "pavel",
    "pawel", "pedro", "perry", "pervez", "pete", "peter", "petr", "petro", "peyton", "phil",
    "philip", "philippe", "pierre", "piers", "pieter", "pietro", "pim", "piotr", "prakash",
    "pranab", "prescott", "preston", "pyotr", "quentin", "quincy", "radek", "radovan", "rafael",
    "rahul", "rainer", "raj", "rajiv", "ralph", "ramesh", "ramon", "ramzan", "rand", "randy",
    "raphael", "rashid", "rasmus", "ratan", "raul", "ravi", "ray", "raymond", "raynard", "recep",
    "reggie", "regis", "reince", "reinhard", "remi", "rex", "rhys", "ricardo", "rich", "richard",
    "rick", "ridley", "rinat", "rishi", "rob", "robbie", "robby", "robert", "roberto", "robin",
    "rodney", "rodrigo", "roger", "roland", "ron", "ronald", "ronan", "rory", "ross", "roy",
    "ruben", "rudi", "rudolf", "rudolph", "rudy", "rui", "rupert", "rush", "russ", "russell",
    "ruud", "ryan", "ryuhei", "sachin", "saddam", "sadiq", "saeed", "salman", "salvatore", "sam",
    "samir", "samuel", "sandor", "sanjay", "santiago", "scott", "seamus", "sean", "sebastian",
    "sebastien", "serge", "sergei", "sergey", "sergio", "seth", "seve", "shahid", "shane",
    "shankar", "shawn", "sheldon", "sherrod", "shinzo", "shogo", "sidney", "silvio", "simon",
    "slobodan", "sol", "solomon", "soren", "sourav", "spike", "stan", "stanislav", "stanley",
    "stefan", "stefano", "stephen", "steve", "steven", "stuart", "sunil", "suresh", "susilo",
    "sven", "syed", "sylvain", "tad", "takeshi", "tarek", "tariq", "taro", "tayyip", "ted", "teddy",
    "terrence", "terry", "thabo", "thaksin", "theo", "theodore", "thibault", "thierry", "thomas",
    "thorsten", "tiago", "tim", "timothy", "toby", "todd", "tom", "tomas", "tomasz", "tommy",
    "tony", "torben", "traian", "travis", "trayvon", "trevor", "trey", "tristan", "troy", "tyler",
    "uhuru", "ulf", "umberto", "uwe", "vaclav", "vadim", "valery", "vasile", "vernon", "vicente",
    "victor", "vijay", "vikram", "viktor", "vin", "vince", "vincent", "vincenzo", "vitaly",
    "vladimir", "volodymyr", "vyacheslav", "wade", "walid", "wallace", "walter", "wang", "warren",
    "wayne", "werner", "wes", "wesley", "whit", "wilbur", "willard", "willem", "william", "willie",
    "wim", "winston", "wojciech", "wolfgang", "woodrow", "xabi", "xavier", "xi", "xiaoping",
    "yakubu", "yann", "yannick", "yash", "yasser", "yevgeny", "yoshiro", "yuji", "yuri", "yury",
    "yusuf", "yves", "zach", "zachary", "zbigniew", "zdenek", "zemin", "zinedine", "zoltan",
    "zoran",
];

/// Sorted, for binary search.
#[rustfmt::skip]
const FEMALE_NAMES: &[&str] = &[
    "abigail", "adelle", "agnes", "agnetha", "ailsa", "aishwarya", "akiko", "alessandra",
    "alexandra", "alexis", "alice", "alicia", "alison", "allison", "alma", "alyona", "amanda",
    "amber", "amelie", "amy", "ana", "anastasia", "andrea", "angela", "angelina", "angie", "anita",
    "anke", "ann", "anna", "annalena", "anne", "annie", "annika", "aoife", "april", "arantxa",
    "ariane", "arianna", "arundhati", "ashley", "audrey", "aurelie", "ava", "barbara", "beatrice",
    "becky", "belinda", "benazir", "bernadette", "beth", "betsy", "bette", "betty", "beverly",
    "beyonce", "bianca", "birgit", "bonnie", "brenda", "brigid", "brigitte", "britney", "brittany",
    "brooke", "camille", "candace", "carla", "carly", "carmen", "carol", "carole", "carolina",
    "caroline", "carrie", "cassandra", "cate", "catherine", "cathy", "cecile", "cecilia", "celine",
    "charlotte", "chelsea", "cherie", "cheryl", "chiara", "christina", "christine", "cindy",
    "claire", "clara", "claudia", "colleen", "conchita", "condoleezza", "connie", "courtney",
    "crystal", "cynthia", "daisy", "daniela", "danielle", "dannii", "daria", "darlene", "dascha",
    "davina", "dawn", "deanna", "debbie", "debby", "deborah", "debra", "delores", "dena", "denise",
    "dervla", "diana", "diane", "dianne", "dinara", "dolores", "donna", "doris", "dorothy", "edith",
    "edna", "eileen", "eilidh", "ekaterina", "elaine", "eleanor", "elena", "elise", "elizabeth",
    "ella", "ellen", "eloise", "emilie", "emily", "emma", "erica", "erika", "erin", "esther",
    "ethel", "eunice", "eva", "evelyn", "faith", "federica", "felicia", "fiona", "flavia",
    "florence", "frances", "francesca", "francoise", "gabrielle", "gail", "galina", "genevieve",
    "georgia", "geraldine", "geri", "ghazala", "gilda", "gina", "giorgia", "giulia", "gladys",
    "glenys", "gloria", "grace", "greta", "gretchen", "gwen", "gwyneth", "haleh", "halle", "hannah",
    "harriet", "hazel", "heather", "heidi", "heike", "helen", "helena", "helene", "helle", "hilary",
    "hillary", "holly", "hope", "huma", "ida", "ileana", "ilia", "imelda", "indira", "ines",
    "ingrid", "irene", "irina", "iris", "isabel", "isabella", "isabelle", "isla", "ivana", "ivanka",
    "jackie", "jacqueline", "jane", "janelle", "janet", "janice", "jasmine", "jeanette", "jeanne",
    "jelena", "jenna", "jennifer", "jenny", "jessica", "jill", "jillian", "joan", "joanne",
    "jocelyn", "jodie", "jomana", "joni", "josephine", "joy", "joyce", "juanita", "judith", "judy",
    "julia", "julianne", "julie", "june", "justine", "kaja", "kamala", "kara", "karen", "karin",
    "karina", "kate", "katherine", "kathleen", "kathryn", "kathy", "katie", "katrina", "kay",
    "kayla", "keiko", "keira", "kelli", "kelly", "kellyanne", "kimiko", "kirsten", "kirsty",
    "kristen", "kristi", "kristin", "kristina", "ksenia", "kylie", "lael", "lana", "laura", "laure",
    "laurie", "leah", "lena", "leslie", "lillian", "lily", "linda", "lindsay", "lisa", "liz",
    "lois", "loretta", "lori", "lorraine", "louise", "lucia", "luciana", "lucie", "lucille", "lucy",
    "ludmila", "lydia", "lynn", "lyudmila", "mabel", "madeleine", "madison", "mae", "maggie",
    "mairead", "malin", "marcia", "margaret", "margarita", "maria", "mariah", "marian", "marianne",
    "marie", "mariko", "marilyn", "marine", "marion", "marit", "marjorie", "marla", "marlene",
    "marsha", "martha", "martina", "martine", "mary", "mathilde", "maureen", "maxine", "maya",
    "meg", "megan", "megawati", "megyn", "melania", "melanne", "melinda", "melissa", "melody",
    "mette", "mhairi", "michele", "michelle", "mika", "mildred", "mireille", "miriam", "missy",
    "miyuki", "mollie", "molly", "mona", "monica", "monika", "monique", "morag", "myrtle", "nadia",
    "nancy", "naomi", "natalia", "natalie", "natasha", "nathalie", "neela", "nellie", "niamh",
    "nicola", "nicole", "nikki", "nina", "nora", "norah", "norma", "odile", "oksana", "olena",
    "olga", "olivia", "omarosa", "oprah", "orla", "paige", "pam", "pamela", "paola", "pascale",
    "patricia", "patti", "patty", "paula", "pauline", "pearl", "peggy", "penny", "petra", "phyllis",
    "pilar", "priscilla", "priti", "priya", "rachel", "rebecca", "reese", "renee", "rhonda", "rita",
    "roberta", "robyn", "rocio", "roisin", "rosa", "rosalind", "rose", "roseann", "rosemary",
    "roxanne", "ruth", "sabine", "sabrina", "sahar", "saira", "sally", "samantha", "sandra",
    "sandrine", "sania", "sara", "sarah", "savannah", "scarlett", "segolene", "selenis", "serena",
    "severine", "shania", "shannon", "sharon", "sheila", "shelley", "shilpa", "shirley", "shona",
    "silvia", "simone", "sinead", "siobhan", "sofia", "sonia", "sophie", "stacy", "steffi",
    "stella", "stephanie", "sue", "susan", "suzanne", "svetlana", "sylvia", "sylvie", "tamara",
    "tammy", "tanya", "tara", "tashfeen", "tatiana", "teresa", "tessa", "thelma", "theresa",
    "tiffany", "tina", "tracy", "tulsi", "ulla", "uma", "ursula", "ute", "valentina", "valerie",
    "vanessa", "vanita", "venus", "vera", "veronica", "veronique", "victoria", "violet", "virginia",
    "virginie", "vivian", "wanda", "wendy", "whitney", "wilma", "yoko", "yolanda", "yuko", "yulia",
    "yvonne", "zadie", "zeynep", "ziyi", "zoe",
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
