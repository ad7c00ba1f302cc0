//! A small hand-written gazetteer of countries and regions: their names, the adjectives and
//! plural nouns for their people, and their capitals.
//!
//! It ties "Ukrainian" and "North Korean" to the place they name, makes "US" and "United
//! States" one place, and corrects the NER where it takes a capital for a person ("Kyiv").
//! It is not a source of roles or facts: only of what a place is called.

/// One place: canonical name, other names, adjectives ("Ukrainian"), plural nouns for its
/// people ("Ukrainians"), capital.
struct Country {
    name: &'static str,
    aliases: &'static [&'static str],
    adjectives: &'static [&'static str],
    people: &'static [&'static str],
    capital: &'static str,
}

const fn c(
    name: &'static str,
    aliases: &'static [&'static str],
    adjectives: &'static [&'static str],
    people: &'static [&'static str],
    capital: &'static str,
) -> Country {
    Country {
        name,
        aliases,
        adjectives,
        people,
        capital,
    }
}

#[rustfmt::skip]
const COUNTRIES: &[Country] = &[
    c("United States", &["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the United States", "the US", "the U.S."], &["American", "US", "U.S."], &["Americans"], "Washington"),
    c("United Kingdom", &["UK", "U.K.", "Britain", "Great Britain", "the UK", "the United Kingdom"], &["British", "UK"], &["Britons", "Brits"], "London"),
    c("Russia", &["Russian Federation"], &["Russian"], &["Russians"], "Moscow"),
    c("Ukraine", &["the Ukraine"], &["Ukrainian"], &["Ukrainians"], "Kyiv"),
    c("North Korea", &["DPRK", "Democratic People's Republic of Korea"], &["North Korean"], &["North Koreans"], "Pyongyang"),
    c("South Korea", &["Republic of Korea"], &["South Korean"], &["South Koreans"], "Seoul"),
    c("China", &["People's Republic of China", "PRC"], &["Chinese"], &["Chinese"], "Beijing"),
    c("Japan", &[], &["Japanese"], &["Japanese"], "Tokyo"),
    c("Germany", &[], &["German"], &["Germans"], "Berlin"),
    c("France", &[], &["French"], &["French"], "Paris"),
    c("Italy", &[], &["Italian"], &["Italians"], "Rome"),
    c("Spain", &[], &["Spanish"], &["Spaniards"], "Madrid"),
    c("Portugal", &[], &["Portuguese"], &["Portuguese"], "Lisbon"),
    c("Poland", &[], &["Polish"], &["Poles"], "Warsaw"),
    c("Netherlands", &["the Netherlands", "Holland"], &["Dutch"], &["Dutch"], "Amsterdam"),
    c("Belgium", &[], &["Belgian"], &["Belgians"], "Brussels"),
    c("Switzerland", &[], &["Swiss"], &["Swiss"], "Bern"),
    c("Austria", &[], &["Austrian"], &["Austrians"], "Vienna"),
    c("Sweden", &[], &["Swedish"], &["Swedes"], "Stockholm"),
    c("Norway", &[], &["Norwegian"], &["Norwegians"], "Oslo"),
    c("Denmark", &[], &["Danish"], &["Danes"], "Copenhagen"),
    c("Finland", &[], &["Finnish"], &["Finns"], "Helsinki"),
    c("Estonia", &[], &["Estonian"], &["Estonians"], "Tallinn"),
    c("Latvia", &[], &["Latvian"], &["Latvians"], "Riga"),
    c("Lithuania", &[], &["Lithuanian"], &["Lithuanians"], "Vilnius"),
    c("Belarus", &[], &["Belarusian", "Belarusan"], &["Belarusians"], "Minsk"),
    c("Moldova", &[], &["Moldovan"], &["Moldovans"], "Chisinau"),
    c("Romania", &[], &["Romanian"], &["Romanians"], "Bucharest"),
    c("Hungary", &[], &["Hungarian"], &["Hungarians"], "Budapest"),
    c("Czech Republic", &["Czechia"], &["Czech"], &["Czechs"], "Prague"),
    c("Slovakia", &[], &["Slovak", "Slovakian"], &["Slovaks"], "Bratislava"),
    c("Bulgaria", &[], &["Bulgarian"], &["Bulgarians"], "Sofia"),
    c("Serbia", &[], &["Serbian", "Serb"], &["Serbs"], "Belgrade"),
    c("Croatia", &[], &["Croatian"], &["Croats"], "Zagreb"),
    c("Greece", &[], &["Greek"], &["Greeks"], "Athens"),
    c("Turkey", &["Türkiye"], &["Turkish"], &["Turks"], "Ankara"),
    c("Ireland", &[], &["Irish"], &["Irish"], "Dublin"),
    // The nations of the United Kingdom, as British news names them. England's capital is the
    // United Kingdom's, so London stays the United Kingdom's.
    c("England", &[], &["English"], &["English"], ""),
    c("Scotland", &[], &["Scottish"], &["Scots"], "Edinburgh"),
    c("Wales", &[], &["Welsh"], &["Welsh"], "Cardiff"),
    c("Northern Ireland", &[], &["Northern Irish"], &[], "Belfast"),
    c("Georgia", &[], &["Georgian"], &["Georgians"], "Tbilisi"),
    c("Armenia", &[], &["Armenian"], &["Armenians"], "Yerevan"),
    c("Azerbaijan", &[], &["Azerbaijani", "Azeri"], &["Azerbaijanis"], "Baku"),
    c("Kazakhstan", &[], &["Kazakh"], &["Kazakhs"], "Astana"),
    c("Iran", &[], &["Iranian"], &["Iranians"], "Tehran"),
    c("Iraq", &[], &["Iraqi"], &["Iraqis"], "Baghdad"),
    c("Syria", &[], &["Syrian"], &["Syrians"], "Damascus"),
    c("Israel", &[], &["Israeli"], &["Israelis"], "Jerusalem"),
    c("Lebanon", &[], &["Lebanese"], &["Lebanese"], "Beirut"),
    c("Jordan", &[], &["Jordanian"], &["Jordanians"], "Amman"),
    c("Egypt", &[], &["Egyptian"], &["Egyptians"], "Cairo"),
    c("Saudi Arabia", &[], &["Saudi"], &["Saudis"], "Riyadh"),
    c("Yemen", &[], &["Yemeni"], &["Yemenis"], "Sanaa"),
    c("Qatar", &[], &["Qatari"], &["Qataris"], "Doha"),
    c("United Arab Emirates", &["UAE"], &["Emirati"], &["Emiratis"], "Abu Dhabi"),
    c("Afghanistan", &[], &["Afghan"], &["Afghans"], "Kabul"),
    c("Pakistan", &[], &["Pakistani"], &["Pakistanis"], "Islamabad"),
    c("India", &[], &["Indian"], &["Indians"], "New Delhi"),
    c("Bangladesh", &[], &["Bangladeshi"], &["Bangladeshis"], "Dhaka"),
    c("Sri Lanka", &[], &["Sri Lankan"], &["Sri Lankans"], "Colombo"),
    c("Myanmar", &["Burma"], &["Burmese"], &["Burmese"], "Naypyidaw"),
    c("Thailand", &[], &["Thai"], &["Thais"], "Bangkok"),
    c("Vietnam", &[], &["Vietnamese"], &["Vietnamese"], "Hanoi"),
    c("Indonesia", &[], &["Indonesian"], &["Indonesians"], "Jakarta"),
    c("Malaysia", &[], &["Malaysian"], &["Malaysians"], "Kuala Lumpur"),
    c("Philippines", &["the Philippines"], &["Philippine", "Filipino"], &["Filipinos"], "Manila"),
    c("Taiwan", &[], &["Taiwanese"], &["Taiwanese"], "Taipei"),
    c("Australia", &[], &["Australian"], &["Australians"], "Canberra"),
    c("New Zealand", &[], &["New Zealand"], &["New Zealanders"], "Wellington"),
    c("Canada", &[], &["Canadian"], &["Canadians"], "Ottawa"),
    c("Mexico", &[], &["Mexican"], &["Mexicans"], "Mexico City"),
    c("Cuba", &[], &["Cuban"], &["Cubans"], "Havana"),
    c("Venezuela", &[], &["Venezuelan"], &["Venezuelans"], "Caracas"),
    c("Colombia", &[], &["Colombian"], &["Colombians"], "Bogota"),
    c("Brazil", &[], &["Brazilian"], &["Brazilians"], "Brasilia"),
    c("Argentina", &[], &["Argentine", "Argentinian"], &["Argentines", "Argentinians"], "Buenos Aires"),
    c("Chile", &[], &["Chilean"], &["Chileans"], "Santiago"),
    c("Peru", &[], &["Peruvian"], &["Peruvians"], "Lima"),
    c("Nigeria", &[], &["Nigerian"], &["Nigerians"], "Abuja"),
    c("South Africa", &[], &["South African"], &["South Africans"], "Pretoria"),
    c("Kenya", &[], &["Kenyan"], &["Kenyans"], "Nairobi"),
    c("Ethiopia", &[], &["Ethiopian"], &["Ethiopians"], "Addis Ababa"),
    c("Sudan", &[], &["Sudanese"], &["Sudanese"], "Khartoum"),
    c("Libya", &[], &["Libyan"], &["Libyans"], "Tripoli"),
    c("Algeria", &[], &["Algerian"], &["Algerians"], "Algiers"),
    c("Morocco", &[], &["Moroccan"], &["Moroccans"], "Rabat"),
    c("Tunisia", &[], &["Tunisian"], &["Tunisians"], "Tunis"),
    c("Somalia", &[], &["Somali"], &["Somalis"], "Mogadishu"),
    c("Palestine", &["Palestinian territories"], &["Palestinian"], &["Palestinians"], "Ramallah"),
    c("Gaza", &["Gaza Strip"], &["Gazan"], &["Gazans"], ""),
    c("Crimea", &[], &["Crimean"], &[], ""),
    c("Europe", &[], &["European"], &["Europeans"], ""),
    c("Africa", &[], &["African"], &["Africans"], ""),
    c("Asia", &[], &["Asian"], &["Asians"], ""),
    c("the West", &["West"], &["Western", "western"], &["Westerners"], ""),
];

/// What the gazetteer knows a piece of text to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceWord {
    /// The place's name, an alias or its capital; carries the canonical name (for a capital,
    /// the capital's own name).
    Name(&'static str),
    /// An adjective for the place ("Ukrainian"); carries the place's canonical name.
    Adjective(&'static str),
    /// A plural noun for its people ("Ukrainians"); carries the place's canonical name.
    People(&'static str),
}

/// Looks a name, adjective or people noun up. Leading "the" and a possessive are ignored.
pub fn lookup(text: &str) -> Option<PlaceWord> {
    let text = text.trim();
    let text = text
        .strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .unwrap_or(text);
    for country in COUNTRIES {
        if country.name == text || country.aliases.contains(&text) {
            return Some(PlaceWord::Name(country.name));
        }
        if !country.capital.is_empty() && country.capital == text {
            return Some(PlaceWord::Name(country.capital));
        }
    }
    let bare = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text);
    for country in COUNTRIES {
        if country.name == bare || country.aliases.contains(&bare) {
            return Some(PlaceWord::Name(country.name));
        }
    }
    for country in COUNTRIES {
        if country.people.contains(&bare) {
            return Some(PlaceWord::People(country.name));
        }
        if country.adjectives.contains(&bare) {
            return Some(PlaceWord::Adjective(country.name));
        }
    }
    None
}

/// The country whose capital `name` is ("Kyiv" → "Ukraine"): news names a government by its
/// capital, and an analyst counting what was pledged to Ukraine counts what went to Kyiv too.
pub fn country_of_capital(name: &str) -> Option<&'static str> {
    let name = name.trim();
    COUNTRIES
        .iter()
        .find(|country| !country.capital.is_empty() && country.capital == name)
        .map(|country| country.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_adjectives_people_and_capitals_resolve() {
        assert_eq!(lookup("Kyiv"), Some(PlaceWord::Name("Kyiv")));
        assert_eq!(lookup("US"), Some(PlaceWord::Name("United States")));
        assert_eq!(
            lookup("North Korean"),
            Some(PlaceWord::Adjective("North Korea"))
        );
        assert_eq!(lookup("Ukrainians"), Some(PlaceWord::People("Ukraine")));
        assert_eq!(lookup("Russia’s"), Some(PlaceWord::Name("Russia")));
        assert_eq!(lookup("the West"), Some(PlaceWord::Name("the West")));
        assert_eq!(lookup("Scottish"), Some(PlaceWord::Adjective("Scotland")));
        assert_eq!(country_of_capital("Cardiff"), Some("Wales"));
        // London is the United Kingdom's capital, not England's.
        assert_eq!(country_of_capital("London"), Some("United Kingdom"));
        assert_eq!(lookup("Atlantis"), None);
    }

    #[test]
    fn capitals_name_their_country() {
        assert_eq!(country_of_capital("Kyiv"), Some("Ukraine"));
        assert_eq!(country_of_capital("Washington"), Some("United States"));
        assert_eq!(country_of_capital("Ukraine"), None);
        assert_eq!(country_of_capital(""), None);
    }
}
