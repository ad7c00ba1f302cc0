//! Units and currencies: what a number measures. A table of surface forms ("km", "kilometres",
//! "sq km", "$", "US$", "euros", "bn") with the unit's name, its symbol in newsfacts' output,
//! its kind, and for money the ISO 4217 code.
//!
//! Surface forms are matched on tokens, so "1,200km", "1,200 km" and "1,200-km" read alike.
//! Short abbreviations that are also words or other units are matched case-sensitively
//! ("MB" megabyte, "mb" megabit, "M" million but "m" metre).

use newsfacts_doc::QuantityKind;

use super::lexer::{Tok, TokKind, lex};
use super::numbers::{NumberOptions, NumberParser};

/// Which kind of unit a recogniser looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitFamily {
    Currency,
    Dimension,
    Age,
    Temperature,
    Duration,
}

impl UnitFamily {
    /// The family a Recognizers-Text spec file measures ("CurrencyModel" → currency).
    pub fn from_spec_name(name: &str) -> Option<UnitFamily> {
        Some(match name {
            n if n.starts_with("Currency") => UnitFamily::Currency,
            n if n.starts_with("Dimension") => UnitFamily::Dimension,
            n if n.starts_with("Age") => UnitFamily::Age,
            n if n.starts_with("Temperature") => UnitFamily::Temperature,
            _ => return None,
        })
    }
}

/// One unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// The unit's name ("Kilometer", "United States dollar").
    pub name: &'static str,
    /// Its symbol in newsfacts output ("km", "USD").
    pub symbol: &'static str,
    pub kind: QuantityKind,
    pub family: UnitFamily,
    /// ISO 4217 code for currencies.
    pub iso: Option<&'static str>,
    /// A multiplier the unit carries ("MUSD" is a million dollars).
    pub factor: f64,
}

/// A surface form: space-separated token texts, lower-cased unless `exact` (then as written).
struct Form {
    tokens: &'static str,
    exact: bool,
    unit: Unit,
}

const fn u(
    name: &'static str,
    symbol: &'static str,
    kind: QuantityKind,
    family: UnitFamily,
) -> Unit {
    Unit {
        name,
        symbol,
        kind,
        family,
        iso: None,
        factor: 1.0,
    }
}

const fn money(name: &'static str, iso: Option<&'static str>, symbol: &'static str) -> Unit {
    Unit {
        name,
        symbol,
        kind: QuantityKind::Money,
        family: UnitFamily::Currency,
        iso,
        factor: 1.0,
    }
}

const fn scaled(unit: Unit, factor: f64) -> Unit {
    Unit { factor, ..unit }
}

use QuantityKind as K;
use UnitFamily as F;

const DOLLAR: Unit = money("Dollar", Some("USD"), "USD");
const USD: Unit = money("United States dollar", Some("USD"), "USD");
const CAD: Unit = money("Canadian dollar", Some("CAD"), "CAD");
const AUD: Unit = money("Australian dollar", Some("AUD"), "AUD");
const HKD: Unit = money("Hong Kong dollar", Some("HKD"), "HKD");
const NZD: Unit = money("New Zealand dollar", Some("NZD"), "NZD");
const MXN: Unit = money("Mexican peso", Some("MXN"), "MXN");
const EUR: Unit = money("Euro", Some("EUR"), "EUR");
const POUND: Unit = money("Pound", Some("GBP"), "GBP");
const GBP: Unit = money("British pound", Some("GBP"), "GBP");
const CNY: Unit = money("Chinese yuan", Some("CNY"), "CNY");
const JPY: Unit = money("Japanese yen", Some("JPY"), "JPY");
const INR: Unit = money("Rupee", Some("INR"), "INR");
const CENT: Unit = money("Cent", None, "cent");
const PENCE: Unit = money("Pence", Some("GBP"), "pence");
const BTC: Unit = money("Bitcoin", None, "BTC");

macro_rules! forms {
    ($( $unit:expr => [$($s:expr),* $(,)?] ),* $(,)?) => {
        &[ $( $( Form { tokens: $s, exact: false, unit: $unit }, )* )* ]
    };
}

macro_rules! exact_forms {
    ($( $unit:expr => [$($s:expr),* $(,)?] ),* $(,)?) => {
        &[ $( $( Form { tokens: $s, exact: true, unit: $unit }, )* )* ]
    };
}

/// Currency forms written before the number ("$5", "US$ 150 million", "EUR 125").
const CURRENCY_BEFORE: &[Form] = forms![
    USD => ["us $", "us$", "u . s . $", "u . s $", "usd $", "usd", "us dollar", "usd$"],
    DOLLAR => ["$", "dollar", "dollars"],
    CAD => ["c $", "ca $", "cad $", "cad"],
    AUD => ["au $", "aud $", "aud"],
    HKD => ["hk $", "hkd"],
    NZD => ["nz $", "nzd $", "nzd"],
    MXN => ["mex $", "mxn $", "mxn"],
    POUND => ["£"],
    GBP => ["gbp"],
    EUR => ["€", "eur"],
    CNY => ["rmb", "cny", "¥"],
    JPY => ["jpy"],
    INR => ["₹", "inr", "rs", "rs ."],
    BTC => ["₿"],
    money("Sen", None, "sen") => ["sen"],
    scaled(USD, 1e6) => ["musd"],
    scaled(EUR, 1e6) => ["meur"],
    scaled(GBP, 1e6) => ["mgbp"],
    scaled(AUD, 1e6) => ["maud"],
];

/// Units written after the number.
const AFTER: &[Form] = forms![
    // Money.
    USD => ["us dollars", "us dollar", "u . s . dollars", "united states dollars", "usd", "usd $"],
    CAD => ["canadian dollars", "canadian dollar", "cad"],
    AUD => ["australian dollars", "australian dollar", "aud"],
    HKD => ["hong kong dollars", "hk dollars", "hkd"],
    NZD => ["new zealand dollars", "nzd"],
    DOLLAR => ["dollars", "dollar", "$"],
    EUR => ["euros", "euro", "€", "eur"],
    GBP => ["pounds sterling", "pound sterling", "british pounds", "gbp"],
    POUND => ["pounds", "pound"],
    CNY => ["chinese yuan", "yuan", "renminbi", "rmb", "元", "cny"],
    JPY => ["yen", "jpy"],
    INR => ["rupees", "rupee", "inr"],
    CENT => ["cents", "cent"],
    money("Dime", None, "dime") => ["dimes", "dime"],
    PENCE => ["pence", "p"],
    money("Penny", Some("GBP"), "penny") => ["penny", "pennies"],
    money("Franc", None, "franc") => ["francs", "franc"],
    money("Swiss franc", Some("CHF"), "CHF") => ["swiss francs", "swiss franc", "chf"],
    money("Peseta", Some("ESP"), "ESP") => ["pesetas", "peseta"],
    money("Netherlands guilder", Some("NLG"), "NLG") => ["dutch guilders", "guilders"],
    money("Finnish markka", Some("FIM"), "FIM") => ["finnish markka", "markka"],
    money("Turkish lira", Some("TRY"), "TRY") => ["turkish lira", "turkish liras"],
    money("Mexican peso", Some("MXN"), "MXN") => ["mexican pesos", "mexican peso"],
    money("Russian rouble", Some("RUB"), "RUB") => ["roubles", "rubles", "rouble", "ruble"],
    money("Costa Rican colón", Some("CRC"), "CRC") => ["₡"],
    money("Georgian lari", Some("GEL"), "GEL") => ["₾"],
    money("Lao kip", Some("LAK"), "LAK") => ["₭"],
    money("Sri Lankan rupee", Some("LKR"), "LKR") => ["ரூ"],
    money("Ukrainian hryvnia", Some("UAH"), "UAH") => ["hryvnia", "hryvnias"],
    BTC => ["bitcoins", "bitcoin", "btc"],
    money("Satoshi", None, "satoshi") => ["satoshis", "satoshi"],
    scaled(USD, 1e6) => ["usd million", "musd"],
    scaled(EUR, 1e6) => ["meur"],
    scaled(GBP, 1e6) => ["mgbp"],
    // Speed before length, so "km / h" wins over "km".
    u("Kilometer per hour", "km/h", K::Speed, F::Dimension) => ["kilometers per hour", "kilometres per hour", "kilometer per hour", "kilometre per hour", "km / h", "km / hr", "kph", "kmph", "km an hour", "kilometres an hour", "kilometers an hour", "km per hour"],
    u("Mile per hour", "mph", K::Speed, F::Dimension) => ["miles per hour", "mile per hour", "miles an hour", "mph"],
    u("Meter per second", "m/s", K::Speed, F::Dimension) => ["meters per second", "metres per second", "m / s"],
    u("Meter per millisecond", "m/ms", K::Speed, F::Dimension) => ["meters per millisecond", "metres per millisecond", "m / ms"],
    u("Centimeter per millisecond", "cm/ms", K::Speed, F::Dimension) => ["centimeters / millisecond", "centimeters per millisecond", "cm / ms"],
    u("Kilometer per millisecond", "km/ms", K::Speed, F::Dimension) => ["km / ms", "kilometers per millisecond"],
    u("Knot", "kn", K::Speed, F::Dimension) => ["knots"],
    u("Cubic kilometer", "km3", K::Volume, F::Dimension) => ["cubic kilometers", "cubic kilometres", "cubic kilometer", "cubic kilometre", "km ^ 3", "km cubed", "km3", "km³"],
    u("Cubic centimeter", "cm3", K::Volume, F::Dimension) => ["cubic centimeters", "cubic centimetres", "cm ^ 3", "cm3", "cm³", "cc"],
    u("Centiliter", "cl", K::Volume, F::Dimension) => ["centilitres", "centiliters", "cl"],
    // Area.
    u("Square kilometer", "km2", K::Area, F::Dimension) => ["square kilometers", "square kilometres", "square kilometer", "square kilometre", "sq km", "km 2", "km²", "sq . km", "km ^ 2", "km squared"],
    u("Square meter", "m2", K::Area, F::Dimension) => ["square meters", "square metres", "square meter", "square metre", "sq m", "m 2", "m²"],
    u("Square mile", "sq mi", K::Area, F::Dimension) => ["square miles", "square mile", "sq miles", "sq mi"],
    u("Square foot", "sq ft", K::Area, F::Dimension) => ["square feet", "square foot", "sq ft"],
    u("Acre", "acre", K::Area, F::Dimension) => ["acres", "acre"],
    u("Hectare", "ha", K::Area, F::Dimension) => ["hectares", "hectare", "ha"],
    // Volume.
    u("Cubic foot", "cu ft", K::Volume, F::Dimension) => ["cubic feet", "cubic foot"],
    u("Cubic meter", "m3", K::Volume, F::Dimension) => ["cubic meters", "cubic metres", "cubic meter", "cubic metre", "m 3", "m³"],
    u("Milliliter", "ml", K::Volume, F::Dimension) => ["milliliters", "millilitres", "milliliter", "millilitre", "ml"],
    u("Liter", "l", K::Volume, F::Dimension) => ["liters", "litres", "liter", "litre"],
    u("Gallon", "gal", K::Volume, F::Dimension) => ["gallons", "gallon"],
    u("Barrel", "bbl", K::Volume, F::Dimension) => ["barrels", "barrel"],
    u("Pint", "pt", K::Volume, F::Dimension) => ["pints", "pint"],
    u("Cup", "cup", K::Volume, F::Dimension) => ["cups", "cup"],
    u("Tablespoon", "tbsp", K::Volume, F::Dimension) => ["tablespoons", "tablespoon", "tbsp"],
    u("Teaspoon", "tsp", K::Volume, F::Dimension) => ["teaspoons", "teaspoon", "tsp"],
    // Length.
    u("Kilometer", "km", K::Length, F::Dimension) => ["kilometers", "kilometres", "kilometer", "kilometre", "km", "kms"],
    u("Centimeter", "cm", K::Length, F::Dimension) => ["centimeters", "centimetres", "centimeter", "centimetre", "cm"],
    u("Millimeter", "mm", K::Length, F::Dimension) => ["millimeters", "millimetres", "millimeter", "millimetre", "mm"],
    u("Decimeter", "dm", K::Length, F::Dimension) => ["decimeters", "decimetres", "decimeter", "decimetre", "dm"],
    u("Nanometer", "nm", K::Length, F::Dimension) => ["nanometers", "nanometres", "nanometer", "nanometre", "nm"],
    u("Micrometer", "µm", K::Length, F::Dimension) => ["micrometers", "micrometres", "micrometer", "micrometre", "microns", "micron", "μm", "µm"],
    u("Picometer", "pm", K::Length, F::Dimension) => ["picometers", "picometres", "picometer", "picometre"],
    u("Meter", "m", K::Length, F::Dimension) => ["meters", "metres", "meter", "metre", "m"],
    u("Mile", "mi", K::Length, F::Dimension) => ["nautical miles", "miles", "mile", "mi"],
    u("Foot", "ft", K::Length, F::Dimension) => ["feet", "foot", "ft"],
    u("Inch", "in", K::Length, F::Dimension) => ["inches", "inch", "in"],
    u("Yard", "yd", K::Length, F::Dimension) => ["yards", "yard", "yd"],
    u("Light year", "ly", K::Length, F::Dimension) => ["light years", "light - years", "light year"],
    // Mass.
    u("Metric ton", "t", K::Mass, F::Dimension) => ["metric tons", "metric ton", "metric tonnes"],
    u("Kilogram", "kg", K::Mass, F::Dimension) => ["kilograms", "kilogrammes", "kilogram", "kilogramme", "kilos", "kilo", "kg", "kgs"],
    u("Microgram", "µg", K::Mass, F::Dimension) => ["micrograms", "microgrammes", "microgram", "microgramme", "μg", "µg", "mcg"],
    u("Milligram", "mg", K::Mass, F::Dimension) => ["milligrams", "milligrammes", "milligram", "milligramme", "mg"],
    u("Gram", "g", K::Mass, F::Dimension) => ["grams", "grammes", "gram", "gramme", "g"],
    u("Ton", "t", K::Mass, F::Dimension) => ["tonnes", "tons", "tonne", "ton", "t"],
    u("Pound", "lb", K::Mass, F::Dimension) => ["pounds", "pound", "lbs", "lb"],
    u("Ounce", "oz", K::Mass, F::Dimension) => ["ounces", "ounce", "oz"],
    u("Dram", "dr", K::Mass, F::Dimension) => ["drachmas", "drachma", "drams", "dram"],
    // Angle.
    u("Degree", "°", K::Other, F::Dimension) => ["degrees", "degree"],
    u("Radian", "rad", K::Other, F::Dimension) => ["radians", "radian", "rad"],
    u("Turn", "turn", K::Other, F::Dimension) => ["turns", "turn"],
    u("Bit", "bit", K::Other, F::Dimension) => ["bits", "bit"],
    // Data, named in full (the symbols are case-sensitive, below).
    u("Byte", "B", K::Other, F::Dimension) => ["bytes", "byte"],
    u("Kilobyte", "kB", K::Other, F::Dimension) => ["kilobytes", "kilobyte"],
    u("Kibibyte", "KiB", K::Other, F::Dimension) => ["kibibytes", "kibibyte"],
    u("Megabyte", "MB", K::Other, F::Dimension) => ["megabytes", "megabyte"],
    u("Gigabyte", "GB", K::Other, F::Dimension) => ["gigabytes", "gigabyte"],
    u("Terabyte", "TB", K::Other, F::Dimension) => ["terabytes", "terabyte"],
    u("Petabyte", "PB", K::Other, F::Dimension) => ["petabytes", "petabyte"],
    u("Exabyte", "EB", K::Other, F::Dimension) => ["exabytes", "exabyte"],
    // Rates and inverse units written as one symbol.
    u("Ton per day", "t/d", K::Other, F::Dimension) => ["tpd", "tonnes per day", "tons per day"],
    u("Inverse second", "1/s", K::Other, F::Dimension) => ["s - 1", "s − 1", "s ^ - 1"],
    u("Inverse femtobarn", "fb-1", K::Other, F::Dimension) => ["fb - 1", "fb − 1", "fb ^ - 1", "inverse femtobarns", "inverse femtobarn"],
    // Shares by weight and per mille, as the sciences write them.
    u("Weight percent", "wt%", K::Percent, F::Dimension) => ["wt %", "wt . %", "wt%"],
    u("Per mille", "‰", K::Other, F::Dimension) => ["‰"],
    // Geological time.
    u("Megayear", "Ma", K::Duration, F::Duration) => ["megaannum", "megaanna", "megayears", "megayear"],
    u("Gigayear", "Ga", K::Duration, F::Duration) => ["gigaannum", "gigaanna", "gigayears", "gigayear"],
    // Temperature.
    u("C", "°C", K::Temperature, F::Temperature) => ["degrees celsius", "degree celsius", "deg celsius", "deg . celsius", "degrees centigrade", "degrees c", "degree c", "deg c", "° c", "°c", "celsius", "celcius", "centigrade", "centigrate"],
    u("F", "°F", K::Temperature, F::Temperature) => ["degrees fahrenheit", "degree fahrenheit", "deg fahrenheit", "degrees farenheit", "degrees f", "degree f", "deg f", "° f", "°f", "fahrenheit", "farenheit"],
    u("Degree", "°", K::Temperature, F::Temperature) => ["degrees", "degree", "deg .", "deg", "°"],
    // Age.
    u("Year", "year", K::Duration, F::Age) => ["years old", "year old", "- year - old", "- years - old", "years of age", "year of age", "yo", "y / o"],
    u("Month", "month", K::Duration, F::Age) => ["months old", "month old", "- month - old", "months of age"],
    u("Week", "week", K::Duration, F::Age) => ["weeks old", "week old", "- week - old", "weeks of age"],
    u("Day", "day", K::Duration, F::Age) => ["days old", "day old", "- day - old"],
    // Durations.
    u("Decade", "decade", K::Duration, F::Duration) => ["decades", "decade"],
    u("Century", "century", K::Duration, F::Duration) => ["centuries", "century"],
    u("Year", "year", K::Duration, F::Duration) => ["years", "year", "yrs", "yr"],
    u("Month", "month", K::Duration, F::Duration) => ["months", "month"],
    u("Fortnight", "fortnight", K::Duration, F::Duration) => ["fortnights", "fortnight"],
    u("Week", "week", K::Duration, F::Duration) => ["weeks", "week", "wks"],
    u("Day", "day", K::Duration, F::Duration) => ["days", "day"],
    u("Hour", "hour", K::Duration, F::Duration) => ["hours", "hour", "hrs", "hr"],
    u("Minute", "minute", K::Duration, F::Duration) => ["minutes", "minute", "mins", "min"],
    u("Second", "second", K::Duration, F::Duration) => ["seconds", "second", "secs", "sec"],
];

/// Case-sensitive abbreviations.
const AFTER_EXACT: &[Form] = exact_forms![
    u("Electronvolt", "eV", K::Other, F::Dimension) => ["eV"],
    u("Kiloelectronvolt", "keV", K::Other, F::Dimension) => ["keV"],
    u("Megaelectronvolt", "MeV", K::Other, F::Dimension) => ["MeV"],
    u("Gigaelectronvolt", "GeV", K::Other, F::Dimension) => ["GeV"],
    u("Teraelectronvolt", "TeV", K::Other, F::Dimension) => ["TeV"],
    u("Watt hour", "Wh", K::Other, F::Dimension) => ["Wh"],
    u("Kilowatt hour", "kWh", K::Other, F::Dimension) => ["kWh"],
    u("Megawatt hour", "MWh", K::Other, F::Dimension) => ["MWh"],
    u("Gigawatt hour", "GWh", K::Other, F::Dimension) => ["GWh"],
    u("Terawatt hour", "TWh", K::Other, F::Dimension) => ["TWh"],
    u("Watt", "W", K::Other, F::Dimension) => ["W"],
    u("Kilowatt", "kW", K::Other, F::Dimension) => ["kW"],
    u("Megawatt", "MW", K::Other, F::Dimension) => ["MW"],
    u("Gigawatt", "GW", K::Other, F::Dimension) => ["GW"],
    u("Hertz", "Hz", K::Other, F::Dimension) => ["Hz"],
    u("Kilohertz", "kHz", K::Other, F::Dimension) => ["kHz"],
    u("Megahertz", "MHz", K::Other, F::Dimension) => ["MHz"],
    u("Gigahertz", "GHz", K::Other, F::Dimension) => ["GHz"],
    u("Milligray", "mGy", K::Other, F::Dimension) => ["mGy"],
    u("Megabyte", "MB", K::Other, F::Dimension) => ["MB"],
    u("Megabit", "Mb", K::Other, F::Dimension) => ["mb", "Mb"],
    u("Gigabyte", "GB", K::Other, F::Dimension) => ["GB"],
    u("Kilobyte", "kB", K::Other, F::Dimension) => ["KB", "kB"],
    u("Terabyte", "TB", K::Other, F::Dimension) => ["TB"],
    u("Liter", "l", K::Volume, F::Dimension) => ["l", "L"],
    u("Petabyte", "PB", K::Other, F::Dimension) => ["PB"],
    u("Joule per square metre", "J/m2", K::Other, F::Dimension) => ["J / m ^ 2", "J / m2", "J / m²"],
    u("Exabyte", "EB", K::Other, F::Dimension) => ["EB"],
    // "66 Ma ago": only before "ago"/"old" (see the plausibility test in extract).
    u("Megayear", "Ma", K::Duration, F::Duration) => ["Ma"],
    u("Gigayear", "Ga", K::Duration, F::Duration) => ["Ga"],
    u("C", "°C", K::Temperature, F::Temperature) => ["C"],
    u("F", "°F", K::Temperature, F::Temperature) => ["F"],
];

/// The text a token contributes to a surface form.
fn token_text<'t>(text: &'t str, tok: &'t Tok, exact: bool) -> &'t str {
    match tok.kind {
        TokKind::Word(ref w) if !exact => w.as_str(),
        _ => &text[tok.start..tok.end],
    }
}

/// A surface form split into its token texts once, for matching.
struct SplitForm {
    parts: Vec<&'static str>,
    exact: bool,
    unit: Unit,
}

/// Forms indexed by the text of their first token, so that a lookup only tries the few forms
/// that can match where it stands.
struct FormIndex {
    by_first: std::collections::HashMap<&'static str, Vec<SplitForm>>,
}

impl FormIndex {
    fn build(forms: &[&'static [Form]]) -> FormIndex {
        let mut by_first: std::collections::HashMap<&'static str, Vec<SplitForm>> =
            std::collections::HashMap::new();
        for table in forms {
            for form in table.iter() {
                let parts: Vec<&'static str> = form.tokens.split(' ').collect();
                by_first.entry(parts[0]).or_default().push(SplitForm {
                    parts,
                    exact: form.exact,
                    unit: form.unit,
                });
            }
        }
        FormIndex { by_first }
    }

    /// The forms whose first token could be token `tok` (as written and lower-cased).
    fn candidates<'s>(&'s self, text: &str, tok: &Tok) -> impl Iterator<Item = &'s SplitForm> {
        let lower = token_text(text, tok, false);
        let raw = token_text(text, tok, true);
        let exact_differs = lower != raw;
        self.by_first.get(lower).into_iter().flatten().chain(
            exact_differs
                .then(|| self.by_first.get(raw))
                .flatten()
                .into_iter()
                .flatten(),
        )
    }
}

fn after_index() -> &'static FormIndex {
    static INDEX: std::sync::OnceLock<FormIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| FormIndex::build(&[AFTER, AFTER_EXACT]))
}

fn before_index() -> &'static FormIndex {
    static INDEX: std::sync::OnceLock<FormIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| FormIndex::build(&[CURRENCY_BEFORE]))
}

/// Whether a currency written before a number can start at token `i`: a cheap test that
/// spares the full table on almost every token.
pub fn may_start_currency(text: &str, toks: &[Tok], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|tok| before_index().candidates(text, tok).next().is_some())
}

/// Matches a form at token `i`; returns the token after it.
fn match_form(text: &str, toks: &[Tok], i: usize, form: &SplitForm) -> Option<usize> {
    let mut k = i;
    for part in &form.parts {
        let tok = toks.get(k)?;
        if token_text(text, tok, form.exact) != *part {
            return None;
        }
        // A digit inside a unit ("m2", "km 2") must be glued to it: "12 m 2 dm" is two.
        if k > i && tok.num().is_some() && !tok.glued() {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// The longest unit written at token `i`, within `families` (all when empty).
pub fn unit_after(
    text: &str,
    toks: &[Tok],
    i: usize,
    families: &[UnitFamily],
) -> Option<(Unit, usize)> {
    let tok = toks.get(i)?;
    let mut best: Option<(Unit, usize)> = None;
    for form in after_index().candidates(text, tok) {
        if !families.is_empty() && !families.contains(&form.unit.family) {
            continue;
        }
        // On a tie a measure wins over money: "25 pounds" is a weight unless only money is
        // looked for.
        if let Some(next) = match_form(text, toks, i, form)
            && best.is_none_or(|(u, b)| {
                next > b
                    || (next == b
                        && u.family == UnitFamily::Currency
                        && form.unit.family != UnitFamily::Currency)
            })
        {
            best = Some((form.unit, next));
        }
    }
    let (unit, next) = best?;
    // A unit abbreviation must end the word: "24703m212" is a code, not metres.
    if let Some(after) = toks.get(next)
        && after.glued()
        && (after.num().is_some() || after.word().is_some())
    {
        return None;
    }
    Some((unit, next))
}

/// A currency written before token `number_start`. Returns the unit and its first token.
pub fn currency_before(text: &str, toks: &[Tok], number_start: usize) -> Option<(Unit, usize)> {
    let mut best: Option<(Unit, usize)> = None;
    // Currency forms are at most four tokens long.
    for start in number_start.saturating_sub(4)..number_start {
        for form in before_index().candidates(text, &toks[start]) {
            if start + form.parts.len() == number_start
                && match_form(text, toks, start, form) == Some(number_start)
                && best.is_none_or(|(_, b)| start < b)
            {
                best = Some((form.unit, start));
            }
        }
    }
    let (unit, start) = best?;
    // A letter code must be a word of its own ("USD115" is fine, "fusd 5" is not).
    if start > 0
        && toks[start].glued()
        && toks[start - 1].word().is_some()
        && toks[start].word().is_some()
    {
        return None;
    }
    Some((unit, start))
}

/// A number with a unit.
#[derive(Debug, Clone, PartialEq)]
pub struct WithUnit {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub unit_name: String,
}

/// Numbers with units of one family: "$ 75 million", "1.6 km", "40 deg celsius", "five years
/// old".
pub fn recognize_with_units(text: &str, family: UnitFamily) -> Vec<WithUnit> {
    let toks = lex(text);
    let opts = NumberOptions {
        giga_suffix: false,
        lowercase_m_million: family == UnitFamily::Currency,
    };
    let parser = NumberParser::new(text, &toks, opts);
    let families: &[UnitFamily] = match family {
        UnitFamily::Dimension => &[UnitFamily::Dimension],
        UnitFamily::Currency => &[UnitFamily::Currency],
        UnitFamily::Age => &[UnitFamily::Age],
        UnitFamily::Temperature => &[UnitFamily::Temperature],
        UnitFamily::Duration => &[UnitFamily::Duration],
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A currency before the number.
        if family == UnitFamily::Currency {
            let mut found = None;
            for j in i..(i + 4).min(toks.len()) {
                if let Some((unit, start)) = currency_before(text, &toks, j)
                    && start == i
                    && let Some(p) = parser.phrase(j)
                    && p.vague.is_none()
                {
                    found = Some((unit, p));
                    break;
                }
            }
            if let Some((unit, p)) = found {
                let mut next = p.next;
                let mut value = p.value * unit.factor;
                // "USD 22.5 million" was read as one number; "75 usd million" below.
                if let Some((after_unit, after)) = unit_after(text, &toks, next, families)
                    && toks[next].word().is_some()
                    && after_unit.family == UnitFamily::Currency
                    && after_unit.iso == unit.iso
                    && after_unit.name == unit.name
                {
                    next = after;
                }
                if let Some((cents, after)) = subunit(&parser, &toks, next) {
                    value += cents;
                    next = after;
                }
                out.push(WithUnit {
                    start: toks[i].start,
                    end: toks[next - 1].end,
                    value,
                    unit_name: unit.name.to_string(),
                });
                i = next;
                continue;
            }
        }
        let Some(p) = parser.phrase(i) else {
            i += 1;
            continue;
        };
        if p.vague.is_some() {
            i = p.next;
            continue;
        }
        // "3-inch", "six-mile": a hyphen between number and unit.
        let mut k = p.next;
        if toks
            .get(k)
            .is_some_and(|t| t.punct() == Some('-') && t.glued())
            && toks.get(k + 1).is_some_and(|t| t.glued())
        {
            k += 1;
        }
        // "20 (kg)": a unit in brackets.
        let bracket = toks.get(k).and_then(Tok::punct).and_then(|c| match c {
            '(' => Some(')'),
            '[' => Some(']'),
            '{' => Some('}'),
            '<' => Some('>'),
            _ => None,
        });
        let mut unit_match = unit_after(text, &toks, k, families);
        if unit_match.is_none()
            && let Some(close) = bracket
            && let Some((unit, after)) = unit_after(text, &toks, k + 1, families)
            && toks.get(after).and_then(Tok::punct) == Some(close)
        {
            unit_match = Some((unit, after + 1));
        }
        if let Some((unit, mut next)) = unit_match {
            let mut value = p.value * unit.factor;
            if unit.family == UnitFamily::Currency
                && unit.iso.is_some()
                && !matches!(unit.symbol, "pence" | "penny")
            {
                if let Some((cents, after)) = subunit(&parser, &toks, next) {
                    value += cents;
                    next = after;
                }
            }
            // "5 ft 2 in", "5 feet and 2 inches"
            if unit.name == "Foot" {
                let mut m = next;
                if toks.get(m).is_some_and(|t| t.is_word("and")) {
                    m += 1;
                }
                if let Some(q) = parser.phrase(m)
                    && q.value < 12.0
                    && matches!(
                        toks.get(q.next).and_then(Tok::word),
                        Some("in" | "inch" | "inches")
                    )
                {
                    value += q.value / 12.0;
                    next = q.next + 1;
                }
            }
            out.push(WithUnit {
                start: toks[p.first].start,
                end: toks[next - 1].end,
                value,
                unit_name: unit.name.to_string(),
            });
            i = next;
            continue;
        }
        i = p.next;
    }
    out
}

/// Cents after a whole amount: "3 dollars 50 cents", "thirteen dollars and forty-five cents",
/// "15 dollars 50". Returns the fraction of the main unit and the next token.
fn subunit(parser: &NumberParser<'_>, toks: &[Tok], next: usize) -> Option<(f64, usize)> {
    let mut m = next;
    if toks.get(m).is_some_and(|t| t.is_word("and")) {
        m += 1;
    }
    // "a dozen" after a price is what it buys, not cents.
    if toks
        .get(m)
        .is_some_and(|t| matches!(t.word(), Some("a" | "an")))
    {
        return None;
    }
    let q = parser.phrase(m)?;
    if q.vague.is_some() || q.value <= 0.0 || q.value >= 100.0 || q.value.fract() != 0.0 {
        return None;
    }
    let mut end = q.next;
    match toks.get(end) {
        Some(t) if matches!(t.word(), Some("cents" | "cent" | "pence" | "p")) => end += 1,
        // "10 turkish lira 11a": a code, not cents.
        Some(t) if t.glued() && (t.word().is_some() || t.num().is_some()) => return None,
        // Another word or a currency sign follows: "15 dollars and 15 apples", "10 $ 30 $".
        Some(t)
            if t.word()
                .is_some_and(|w| !matches!(w, "a" | "an" | "the" | "and" | "or")) =>
        {
            return None;
        }
        Some(t) if matches!(t.punct(), Some('$' | '€' | '£' | '¥')) => return None,
        _ => {}
    }
    if toks.get(end).is_some_and(|t| t.num().is_some()) {
        return None;
    }
    Some((q.value / 100.0, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str, family: UnitFamily) -> Option<(String, f64, String)> {
        recognize_with_units(text, family)
            .into_iter()
            .next()
            .map(|w| (text[w.start..w.end].to_string(), w.value, w.unit_name))
    }

    #[test]
    fn money_and_dimensions() {
        assert_eq!(
            first("won a $48.2 million contract", UnitFamily::Currency),
            Some(("$48.2 million".into(), 48.2e6, "Dollar".into()))
        );
        assert_eq!(
            first("a 1,200km frontline", UnitFamily::Dimension),
            Some(("1,200km".into(), 1200.0, "Kilometer".into()))
        );
        assert_eq!(
            first(
                "it only cost thirteen dollars and forty-five cents",
                UnitFamily::Currency
            ),
            Some((
                "thirteen dollars and forty-five cents".into(),
                13.45,
                "Dollar".into()
            ))
        );
        assert_eq!(first("24703m212", UnitFamily::Dimension), None);
    }
}
