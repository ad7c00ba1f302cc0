//! Scorers for quantities: the Recognizers-Text English specifications (Number, NumberWithUnit,
//! DateTime), quantulum3's test set and MeasEval.
//!
//! Recognizers-Text: a case passes when every expected result is found with the same span and
//! resolved value (extra results are allowed); the strict figure also demands no extra result.
//! Every case counts, including those the upstream project marks `NotSupported` for some of its
//! platforms; the report also gives the figures over the cases upstream's .NET implementation
//! supports (those not marking "dotnet" as unsupported).

use std::path::{Path, PathBuf};

use newsfacts_analysts::quantities::{self, ranges::Interval};
use newsfacts_doc::CharOffsets;
use serde_json::Value;

/// Why a scorer could not read its data.
#[derive(Debug, thiserror::Error)]
pub enum QuantitiesEvalError {
    #[error("reading {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("parsing {path}: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
}

fn read_json(path: &Path) -> Result<Value, QuantitiesEvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| QuantitiesEvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    serde_json::from_str(text).map_err(|source| QuantitiesEvalError::Json {
        path: path.to_path_buf(),
        source,
    })
}

/// A resolved value as the specs give them.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    Number(f64),
    Interval(Interval),
    /// A value with a unit name (NumberWithUnit).
    WithUnit(f64, String),
    /// A value compared as text (timex).
    Text(String),
    /// A resolution newsfacts does not produce (e.g. "ordinal.relative").
    Unsupported,
}

/// One recognition in character offsets: `start..=end_inclusive`, as the specs count.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognition {
    pub start: usize,
    pub end_inclusive: usize,
    pub resolved: Resolved,
}

/// Counts for one spec file or a whole family.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpecCounts {
    pub cases: usize,
    pub passed: usize,
    pub strict_passed: usize,
    /// Cases upstream's .NET implementation supports, and how many of them pass.
    pub dotnet_cases: usize,
    pub dotnet_passed: usize,
    /// The fixed split for a spec without one: even case indices (per file) are the half rules
    /// are tuned on, odd ones the held-out half.
    pub tune_cases: usize,
    pub tune_passed: usize,
    pub held_out_cases: usize,
    pub held_out_passed: usize,
}

impl SpecCounts {
    fn add(&mut self, other: &SpecCounts) {
        self.cases += other.cases;
        self.passed += other.passed;
        self.strict_passed += other.strict_passed;
        self.dotnet_cases += other.dotnet_cases;
        self.dotnet_passed += other.dotnet_passed;
        self.tune_cases += other.tune_cases;
        self.tune_passed += other.tune_passed;
        self.held_out_cases += other.held_out_cases;
        self.held_out_passed += other.held_out_passed;
    }

    /// Counts one case, at index `index` of its file, into the totals and its half.
    fn count(&mut self, index: usize, passed: bool) {
        self.cases += 1;
        self.passed += usize::from(passed);
        if is_tune_case(index) {
            self.tune_cases += 1;
            self.tune_passed += usize::from(passed);
        } else {
            self.held_out_cases += 1;
            self.held_out_passed += usize::from(passed);
        }
    }

    /// Counts one Recognizers-Text case: everything expected was found (`found_all`), and
    /// nothing more (`same_count`); cases the spec does not mark unsupported by its .NET
    /// reference are also counted apart.
    fn count_case(&mut self, index: usize, case: &Value, found_all: bool, same_count: bool) {
        self.count(index, found_all);
        self.strict_passed += usize::from(found_all && same_count);
        let dotnet_supported = !case["NotSupported"]
            .as_str()
            .is_some_and(|s| s.to_lowercase().contains("dotnet"));
        if dotnet_supported {
            self.dotnet_cases += 1;
            self.dotnet_passed += usize::from(found_all);
        }
    }

    pub fn share(&self) -> f64 {
        ratio(self.passed, self.cases)
    }

    pub fn strict_share(&self) -> f64 {
        ratio(self.strict_passed, self.cases)
    }

    pub fn dotnet_share(&self) -> f64 {
        ratio(self.dotnet_passed, self.dotnet_cases)
    }
}

/// The cases of a spec file with their indices in it.
fn numbered_cases(cases: &Value) -> impl Iterator<Item = (usize, &Value)> {
    cases
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .enumerate()
}

/// Whether the case at `index` of its spec file is in the tuning half (even indices) rather than
/// the held-out half.
pub fn is_tune_case(index: usize) -> bool {
    index % 2 == 0
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A failed case, for reading what to improve.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseFailure {
    pub file: String,
    /// The case's index in its file (even: tuning half, odd: held out).
    pub index: usize,
    pub input: String,
    pub expected: Vec<Recognition>,
    pub got: Vec<Recognition>,
}

/// The report of one Recognizers-Text family.
#[derive(Debug, Clone, Default)]
pub struct RecognizersReport {
    pub family: String,
    pub total: SpecCounts,
    pub files: Vec<(String, SpecCounts)>,
    pub failures: Vec<CaseFailure>,
}

impl std::fmt::Display for RecognizersReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (name, c) in &self.files {
            writeln!(
                f,
                "  {name:<48} {:>4}/{:<4} {:5.1}%  strict {:5.1}%  dotnet-supported {}/{}",
                c.passed,
                c.cases,
                100.0 * c.share(),
                100.0 * c.strict_share(),
                c.dotnet_passed,
                c.dotnet_cases
            )?;
        }
        let c = &self.total;
        writeln!(
            f,
            "{}: {}/{} cases passed = {:.1}% (strict, no extra results: {:.1}%; over the {} cases upstream .NET supports: {:.1}%)",
            self.family,
            c.passed,
            c.cases,
            100.0 * c.share(),
            100.0 * c.strict_share(),
            c.dotnet_cases,
            100.0 * c.dotnet_share()
        )?;
        writeln!(
            f,
            "{}: tuning half (even case indices) {}/{} = {:.1}%; held-out half (odd) {}/{} = {:.1}%",
            self.family,
            c.tune_passed,
            c.tune_cases,
            100.0 * ratio(c.tune_passed, c.tune_cases),
            c.held_out_passed,
            c.held_out_cases,
            100.0 * ratio(c.held_out_passed, c.held_out_cases)
        )
    }
}

fn parse_number(s: &str) -> Option<f64> {
    s.trim().trim_end_matches('%').parse::<f64>().ok()
}

/// Parses "[20,30)", "(,500]".
fn parse_interval(s: &str) -> Option<Interval> {
    let s = s.trim();
    let lb = s.chars().next()?;
    let hb = s.chars().last()?;
    let inner = s.get(1..s.len() - 1)?;
    let (lo, hi) = inner.split_once(',')?;
    let lo = if lo.trim().is_empty() {
        None
    } else {
        Some((lo.trim().parse().ok()?, lb == '['))
    };
    let hi = if hi.trim().is_empty() {
        None
    } else {
        Some((hi.trim().parse().ok()?, hb == ']'))
    };
    Some(Interval { lo, hi })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9) || (a - b).abs() < 1e-12
}

fn same_interval(a: &Interval, b: &Interval) -> bool {
    let end = |x: Option<(f64, bool)>, y: Option<(f64, bool)>| match (x, y) {
        (None, None) => true,
        (Some((v, i)), Some((w, j))) => i == j && close(v, w),
        _ => false,
    };
    end(a.lo, b.lo) && end(a.hi, b.hi)
}

fn same_resolution(a: &Resolved, b: &Resolved) -> bool {
    match (a, b) {
        (Resolved::Number(x), Resolved::Number(y)) => close(*x, *y),
        (Resolved::Interval(x), Resolved::Interval(y)) => same_interval(x, y),
        (Resolved::WithUnit(x, u), Resolved::WithUnit(y, w)) => {
            close(*x, *y) && u.eq_ignore_ascii_case(w)
        }
        (Resolved::Text(x), Resolved::Text(y)) => x == y,
        _ => false,
    }
}

/// What the spec expects of one result.
fn expected_recognition(result: &Value) -> Recognition {
    let start = result["Start"].as_u64().unwrap_or(0) as usize;
    let end_inclusive = match result.get("End").and_then(Value::as_u64) {
        Some(e) => e as usize,
        None => (start + result["Length"].as_u64().unwrap_or(1) as usize).saturating_sub(1),
    };
    let type_name = result["TypeName"].as_str().unwrap_or("");
    let resolution = &result["Resolution"];
    let value = resolution["value"].as_str().unwrap_or("");
    let resolved = match type_name {
        "numberrange" => parse_interval(value).map_or(Resolved::Unsupported, Resolved::Interval),
        "ordinal.relative" => Resolved::Text(value.to_string()),
        "number" | "ordinal" | "percentage" => {
            parse_number(value).map_or(Resolved::Unsupported, Resolved::Number)
        }
        "currency" | "dimension" | "age" | "temperature" => match parse_number(value) {
            Some(v) => Resolved::WithUnit(v, resolution["unit"].as_str().unwrap_or("").to_string()),
            None => Resolved::Unsupported,
        },
        _ => Resolved::Unsupported,
    };
    Recognition {
        start,
        end_inclusive,
        resolved,
    }
}

/// The recogniser a spec file measures, by its name.
fn recognise(file: &str, input: &str) -> Vec<Recognition> {
    let offsets = CharOffsets::new(input);
    let to_rec = |start: usize, end: usize, resolved: Resolved| Recognition {
        start: offsets.char_offset(start),
        end_inclusive: offsets.char_offset(end).saturating_sub(1),
        resolved,
    };
    let numbers = |found: Vec<quantities::Recognized>| -> Vec<Recognition> {
        found
            .into_iter()
            .map(|r| to_rec(r.start, r.end, Resolved::Number(r.value)))
            .collect()
    };
    if file.starts_with("NumberRangeModel") {
        let closed = file.contains("Experimental");
        return quantities::recognize_number_ranges(input, closed)
            .into_iter()
            .map(|r| to_rec(r.start, r.end, Resolved::Interval(r.interval)))
            .collect();
    }
    if file.starts_with("OrdinalModel") {
        let mut found = numbers(quantities::recognize_ordinals(input));
        // Relative ordinals are an extended type, off in the "SuppressExtendedTypes" mode.
        if !file.contains("SuppressExtendedTypes") {
            found.extend(
                quantities::recognize_relative_ordinals(input)
                    .into_iter()
                    .map(|(s, e, v)| to_rec(s, e, Resolved::Text(v))),
            );
        }
        return found;
    }
    if file.starts_with("PercentModelPercentMode") {
        return numbers(quantities::recognize_fraction_percentages(input));
    }
    if file.starts_with("PercentModel") {
        return numbers(quantities::recognize_percentages(input));
    }
    if file.starts_with("NumberModel") {
        return numbers(quantities::recognize_numbers(input));
    }
    if let Some(family) = quantities::units::UnitFamily::from_spec_name(file) {
        return quantities::units::recognize_with_units(input, family)
            .into_iter()
            .map(|r| to_rec(r.start, r.end, Resolved::WithUnit(r.value, r.unit_name)))
            .collect();
    }
    Vec::new()
}

/// Scores one Recognizers-Text family ("Number", "NumberWithUnit") over its English and
/// EnglishOthers spec files under `dir` (the `recognizers` directory).
pub fn score_recognizers(
    dir: &Path,
    family: &str,
) -> Result<RecognizersReport, QuantitiesEvalError> {
    let mut report = RecognizersReport {
        family: family.to_string(),
        ..RecognizersReport::default()
    };
    let mut paths = Vec::new();
    for sub in ["English", "EnglishOthers"] {
        let d = dir.join(family).join(sub);
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "json") {
                paths.push((sub.to_string(), p));
            }
        }
    }
    paths.sort();
    for (sub, path) in paths {
        let file = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let cases = read_json(&path)?;
        let mut counts = SpecCounts::default();
        for (index, case) in numbered_cases(&cases) {
            let input = case["Input"].as_str().unwrap_or("");
            let expected: Vec<Recognition> = case["Results"]
                .as_array()
                .map(|rs| rs.iter().map(expected_recognition).collect())
                .unwrap_or_default();
            let got = recognise(&file, input);
            let found_all = expected.iter().all(|e| {
                got.iter().any(|g| {
                    g.start == e.start
                        && g.end_inclusive == e.end_inclusive
                        && same_resolution(&g.resolved, &e.resolved)
                })
            });
            counts.count_case(index, case, found_all, got.len() == expected.len());
            if !found_all {
                report.failures.push(CaseFailure {
                    file: file.clone(),
                    index,
                    input: input.to_string(),
                    expected,
                    got,
                });
            }
        }
        report.total.add(&counts);
        report.files.push((format!("{sub}/{file}"), counts));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_parse() {
        let iv = parse_interval("[20,30)").expect("interval");
        assert_eq!(iv.lo, Some((20.0, true)));
        assert_eq!(iv.hi, Some((30.0, false)));
        let iv = parse_interval("(,500]").expect("interval");
        assert_eq!(iv.lo, None);
        assert_eq!(iv.hi, Some((500.0, true)));
    }
}

/// The report of quantulum3's test set: a gold quantity is found when newsfacts reports a
/// quantity whose number-and-unit span has the same text and the same value (the midpoint for a
/// range); `with_unit` also demands the same unit.
#[derive(Debug, Clone, Default)]
pub struct Quantulum3Report {
    pub sentences: usize,
    pub quantities: usize,
    pub found: usize,
    pub found_with_unit: usize,
    /// The file has no split; newsfacts fixes one by sentence index: the even-indexed
    /// sentences are the half rules are tuned on, the odd-indexed the half held out.
    /// (quantities, found with unit) for each half.
    pub even_half: (usize, usize),
    pub odd_half: (usize, usize),
    /// Gold quantities not found: (sentence, surface, value, unit, what newsfacts reported).
    pub misses: Vec<(String, String, f64, String, String)>,
}

impl Quantulum3Report {
    pub fn share(&self) -> f64 {
        ratio(self.found, self.quantities)
    }

    pub fn share_with_unit(&self) -> f64 {
        ratio(self.found_with_unit, self.quantities)
    }
}

impl std::fmt::Display for Quantulum3Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "quantulum3: {} sentences, {} quantities; span+value found {} = {:.1}%; span+value+unit {} = {:.1}%",
            self.sentences,
            self.quantities,
            self.found,
            100.0 * self.share(),
            self.found_with_unit,
            100.0 * self.share_with_unit()
        )?;
        write!(
            f,
            "; tuning half (even sentences) {}/{} = {:.1}%, held-out half (odd sentences) {}/{} = {:.1}%",
            self.even_half.1,
            self.even_half.0,
            100.0 * ratio(self.even_half.1, self.even_half.0),
            self.odd_half.1,
            self.odd_half.0,
            100.0 * ratio(self.odd_half.1, self.odd_half.0)
        )
    }
}

/// quantulum3's name for the unit of a newsfacts quantity, with its rate ("dollar per hour",
/// "count per week" for a number of times).
fn quantulum_unit(q: &newsfacts_doc::Quantity) -> String {
    let base = quantulum_base_unit(q);
    match q.per.as_deref() {
        Some(per) if base == "dimensionless" => format!("count per {per}"),
        Some(per) if !base.is_empty() => format!("{base} per {per}"),
        _ => base.to_string(),
    }
}

/// quantulum3's name for the unit of a newsfacts quantity, without its rate.
fn quantulum_base_unit(q: &newsfacts_doc::Quantity) -> &'static str {
    use newsfacts_doc::QuantityKind as K;
    match q.kind {
        Some(K::Percent) => return "percentage",
        Some(K::Money) => {
            return match (q.currency.as_deref(), q.unit.as_deref()) {
                (_, Some("cent")) => "cent",
                (_, Some("penny" | "pence")) => "penny",
                (_, Some("dime")) => "dime",
                (Some("USD"), _) => "dollar",
                (Some("EUR"), _) => "euro",
                (Some("GBP"), _) => "pound sterling",
                (Some("JPY"), _) => "yen",
                _ => "",
            };
        }
        Some(K::Count | K::Rate | K::Ratio | K::Date) | None => return "dimensionless",
        _ => {}
    }
    match q.unit.as_deref().unwrap_or("") {
        "km" => "kilometre",
        "m" => "metre",
        "cm" => "centimetre",
        "mm" => "millimetre",
        "nm" => "nanometre",
        "pm" => "picometre",
        "mi" => "mile",
        "ft" => "foot",
        "in" => "inch",
        "yd" => "yard",
        "km2" => "square kilometre",
        "m2" => "square metre",
        "sq mi" => "square mile",
        "l" => "litre",
        // quantulum3 names the millilitre by its equal, the cubic centimetre.
        "ml" => "cubic centimetre",
        "gal" => "gallon",
        "kg" => "kilogram",
        "g" => "gram",
        "mg" => "milligram",
        "t" => "tonne",
        "lb" => "pound-mass",
        "oz" => "ounce",
        "°C" => "degree Celsius",
        "°F" => "degree fahrenheit",
        "km/h" => "kilometre per hour",
        "mph" => "mile per hour",
        "MB" => "megabyte",
        "B" => "byte",
        "kB" => "kilobyte",
        "KiB" => "kibibyte",
        "GB" => "gigabyte",
        "TB" => "terabyte",
        "PB" => "petabyte",
        "EB" => "exabyte",
        "t/d" => "ton per day",
        "J/m2" => "joule per square metre",
        "1/s" => "inverse second",
        "fb-1" => "inverse femtobarn",
        "Ma" => "megayear",
        "Ga" => "gigayear",
        "am" => "attometre",
        "K" => "kelvin",
        "cup" => "cup",
        "tbsp" => "tablespoon",
        "eV" => "electronvolt",
        "keV" => "kiloelectronvolt",
        "MeV" => "megaelectronvolt",
        "GeV" => "gigaelectronvolt",
        "TeV" => "teraelectronvolt",
        "Wh" => "watt hour",
        "kWh" => "kilowatt hour",
        "MWh" => "megawatt hour",
        "W" => "watt",
        "kW" => "kilowatt",
        "MW" => "megawatt",
        "Hz" => "hertz",
        "GHz" => "gigahertz",
        "MHz" => "megahertz",
        "mGy" => "milligray",
        "cl" => "centilitre",
        "km3" => "cubic kilometre",
        "cm3" => "cubic centimetre",
        "year" => "year",
        "month" => "month",
        "week" => "week",
        "day" => "day",
        "hour" => "hour",
        "minute" => "minute",
        "second" => "second",
        _ => "",
    }
}

/// Scores quantulum3's `quantities.json` (in `dir`).
pub fn score_quantulum3(dir: &Path) -> Result<Quantulum3Report, QuantitiesEvalError> {
    let cases = read_json(&dir.join("quantities.json"))?;
    let mut report = Quantulum3Report::default();
    for (index, case) in cases
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        let sentence = case["req"].as_str().unwrap_or("");
        report.sentences += 1;
        let found = quantities::extract::extract_with_cores(sentence, None);
        let ours: Vec<(String, Option<f64>, String)> = found
            .iter()
            .map(|(q, (s, e))| {
                let value = q
                    .value
                    .or_else(|| match (q.value_min, q.value_max) {
                        (Some(lo), Some(hi)) => Some((lo + hi) / 2.0),
                        (Some(lo), None) => Some(lo),
                        _ => None,
                    })
                    // A date's value is the year it names ("1979", "1960s").
                    .or_else(|| {
                        q.date.as_deref().and_then(|d| {
                            let year: String = d.chars().take_while(char::is_ascii_digit).collect();
                            year.parse::<f64>().ok()
                        })
                    });
                (sentence[*s..*e].to_string(), value, quantulum_unit(q))
            })
            .collect();
        for gold in case["res"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
            let surface = gold["surface"].as_str().unwrap_or("").trim();
            let value = gold["value"].as_f64().unwrap_or(f64::NAN);
            let unit = gold["unit"].as_str().unwrap_or("");
            report.quantities += 1;
            let half = if index % 2 == 0 {
                &mut report.even_half
            } else {
                &mut report.odd_half
            };
            half.0 += 1;
            let same = |(text, v, _): &&(String, Option<f64>, String)| {
                text.trim() == surface && v.is_some_and(|v| close(v, value))
            };
            let hit = ours.iter().find(same);
            if hit.is_some() {
                report.found += 1;
            }
            if ours.iter().filter(same).any(|(_, _, u)| *u == unit) {
                report.found_with_unit += 1;
                half.1 += 1;
            } else {
                report.misses.push((
                    sentence.to_string(),
                    surface.to_string(),
                    value,
                    unit.to_string(),
                    format!("{ours:?}"),
                ));
            }
        }
    }
    Ok(report)
}

/// What a DateTime spec expects of one result: span, kind ("date", "daterange", …) and, for
/// parser and model specs, the TIMEX value.
fn expected_datetime(result: &Value) -> (usize, usize, String, Option<String>) {
    let start = result["Start"].as_u64().unwrap_or(0) as usize;
    let end_inclusive = match result.get("End").and_then(Value::as_u64) {
        Some(e) => e as usize,
        None => (start + result["Length"].as_u64().unwrap_or(1) as usize).saturating_sub(1),
    };
    let kind = result["TypeName"]
        .as_str()
        .or(result["Type"].as_str())
        .unwrap_or("")
        .trim_start_matches("datetimeV2.")
        .to_string();
    let timex = result["Value"]["Timex"]
        .as_str()
        .or(result["Resolution"]["values"][0]["timex"].as_str())
        .map(str::to_string);
    (start, end_inclusive, kind, timex)
}

/// Seconds into the day of an ISO date-time ("2016-11-07T16:12:00" → 58320); 0 without a time.
fn seconds_of_day(iso: &str) -> u32 {
    let Some((_, time)) = iso.split_once('T') else {
        return 0;
    };
    let mut parts = time.split(':').map(|p| p.parse::<u32>().unwrap_or(0));
    let h = parts.next().unwrap_or(0);
    let m = parts.next().unwrap_or(0);
    let s = parts.next().unwrap_or(0);
    (h * 3600 + m * 60 + s).min(86399)
}

/// Scores the Recognizers-Text DateTime specs (English and EnglishOthers) under `dir`. A result
/// matches on span and kind, and on TIMEX where the spec gives one (parser and model specs).
pub fn score_recognizers_datetime(dir: &Path) -> Result<RecognizersReport, QuantitiesEvalError> {
    let mut report = RecognizersReport {
        family: "DateTime".to_string(),
        ..RecognizersReport::default()
    };
    let mut paths = Vec::new();
    for sub in ["English", "EnglishOthers"] {
        let Ok(entries) = std::fs::read_dir(dir.join("DateTime").join(sub)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "json") {
                paths.push((sub.to_string(), p));
            }
        }
    }
    paths.sort();
    let default_reference = quantities::dates::CivilDate::parse_iso("2016-11-07");
    for (sub, path) in paths {
        let file = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let cases = read_json(&path)?;
        let mut counts = SpecCounts::default();
        for (index, case) in numbered_cases(&cases) {
            let input = case["Input"].as_str().unwrap_or("");
            let reference_text = case["Context"]["ReferenceDateTime"].as_str();
            let reference = reference_text
                .and_then(quantities::dates::CivilDate::parse_iso)
                .or(default_reference);
            let reference_seconds = reference_text.map_or(0, seconds_of_day);
            let offsets = CharOffsets::new(input);
            let got: Vec<(usize, usize, String, String)> =
                quantities::datetime::recognize_datetimes_at(input, reference, reference_seconds)
                    .into_iter()
                    .map(|m| {
                        (
                            offsets.char_offset(m.start),
                            offsets.char_offset(m.end).saturating_sub(1),
                            m.kind.as_str().to_string(),
                            m.timex,
                        )
                    })
                    .collect();
            let expected: Vec<(usize, usize, String, Option<String>)> = case["Results"]
                .as_array()
                .map(|rs| rs.iter().map(expected_datetime).collect())
                .unwrap_or_default();
            let found_all = expected.iter().all(|(s, e, kind, timex)| {
                got.iter().any(|(gs, ge, gk, gt)| {
                    gs == s && ge == e && gk == kind && timex.as_ref().is_none_or(|t| t == gt)
                })
            });
            counts.count_case(index, case, found_all, got.len() == expected.len());
            if !found_all {
                report.failures.push(CaseFailure {
                    file: file.clone(),
                    index,
                    input: input.to_string(),
                    expected: expected
                        .iter()
                        .map(|(s, e, k, t)| Recognition {
                            start: *s,
                            end_inclusive: *e,
                            resolved: Resolved::Text(format!("{k} {}", t.as_deref().unwrap_or(""))),
                        })
                        .collect(),
                    got: got
                        .iter()
                        .map(|(s, e, k, t)| Recognition {
                            start: *s,
                            end_inclusive: *e,
                            resolved: Resolved::Text(format!("{k} {t}")),
                        })
                        .collect(),
                });
            }
        }
        report.total.add(&counts);
        report.files.push((format!("{sub}/{file}"), counts));
    }
    Ok(report)
}

/// Precision, recall and F1 of quantity spans on MeasEval, exact ("strict") and by overlap
/// ("soft": a predicted span matches a gold span it overlaps, one to one).
#[derive(Debug, Clone, Default)]
pub struct MeasEvalReport {
    pub split: String,
    pub documents: usize,
    pub gold: usize,
    pub predicted: usize,
    pub strict_matches: usize,
    pub soft_matches: usize,
}

fn f1(matches: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = ratio(matches, predicted);
    let r = ratio(matches, gold);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl MeasEvalReport {
    pub fn strict(&self) -> (f64, f64, f64) {
        f1(self.strict_matches, self.predicted, self.gold)
    }

    pub fn soft(&self) -> (f64, f64, f64) {
        f1(self.soft_matches, self.predicted, self.gold)
    }
}

impl std::fmt::Display for MeasEvalReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (sp, sr, sf) = self.strict();
        let (op, or, of) = self.soft();
        write!(
            f,
            "MeasEval {}: {} documents, {} gold quantities, {} predicted; strict P {:.1} R {:.1} F1 {:.1}; soft P {:.1} R {:.1} F1 {:.1}",
            self.split,
            self.documents,
            self.gold,
            self.predicted,
            100.0 * sp,
            100.0 * sr,
            100.0 * sf,
            100.0 * op,
            100.0 * or,
            100.0 * of
        )
    }
}

/// Scores quantity spans on one MeasEval split (`dir` is `measeval/train` or `measeval/eval`):
/// every quantity newsfacts finds in a paragraph other than a date (its span with modifiers and
/// unit; for a count, without the counted noun, which MeasEval annotates as the measured
/// entity) against the `Quantity` annotations.
pub fn score_measeval(dir: &Path) -> Result<MeasEvalReport, QuantitiesEvalError> {
    let mut report = MeasEvalReport {
        split: dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        ..MeasEvalReport::default()
    };
    let text_dir = dir.join("text");
    let entries = std::fs::read_dir(&text_dir).map_err(|source| QuantitiesEvalError::Io {
        path: text_dir.clone(),
        source,
    })?;
    let mut names: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    names.sort();
    for text_path in names {
        let Some(stem) = text_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
        else {
            continue;
        };
        let text =
            std::fs::read_to_string(&text_path).map_err(|source| QuantitiesEvalError::Io {
                path: text_path.clone(),
                source,
            })?;
        let tsv_path = dir.join("tsv").join(format!("{stem}.tsv"));
        // Documents without annotations have no tsv file: no gold quantities.
        let tsv = std::fs::read_to_string(&tsv_path).unwrap_or_default();
        let mut gold: Vec<(usize, usize)> = tsv
            .lines()
            .skip(1)
            .filter_map(|line| {
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.get(2) != Some(&"Quantity") {
                    return None;
                }
                Some((cols.get(3)?.parse().ok()?, cols.get(4)?.parse().ok()?))
            })
            .collect();
        gold.sort_unstable();
        gold.dedup();
        let offsets = CharOffsets::new(&text);
        // MeasEval's Quantity is a value with its unit and modifiers; dates are not measures,
        // and the thing a count counts is annotated apart (as the MeasuredEntity).
        let predicted: Vec<(usize, usize)> = quantities::extract::extract_with_cores(&text, None)
            .into_iter()
            .filter(|(q, _)| q.kind != Some(newsfacts_doc::QuantityKind::Date))
            .map(|(q, (_, core_end))| {
                let end = if q.kind == Some(newsfacts_doc::QuantityKind::Count) {
                    core_end.max(q.start)
                } else {
                    q.end
                };
                (offsets.char_offset(q.start), offsets.char_offset(end))
            })
            .collect();
        report.documents += 1;
        report.gold += gold.len();
        report.predicted += predicted.len();
        report.strict_matches += predicted.iter().filter(|p| gold.contains(p)).count();
        let mut used = vec![false; gold.len()];
        for (ps, pe) in &predicted {
            if let Some(k) =
                (0..gold.len()).find(|&k| !used[k] && gold[k].0 < *pe && *ps < gold[k].1)
            {
                used[k] = true;
                report.soft_matches += 1;
            }
        }
    }
    Ok(report)
}

/// One check found in a corpus, with where it stands, for reading and hand verification.
#[derive(Debug, Clone)]
pub struct CorpusCheck {
    /// The article's id.
    pub article: String,
    /// The sentence the claim starts in.
    pub sentence: String,
    pub check: newsfacts_doc::Check,
}

/// The checks newsfacts finds in a corpus of articles (JSON Lines with `id`, `text` and
/// optionally `title`), with their verdicts: the figures the issue asks for on the BBC News
/// corpus. `checks` keeps every check with its article and sentence.
#[derive(Debug, Clone, Default)]
pub struct CorpusChecksReport {
    pub articles: usize,
    pub quantities: usize,
    pub consistent: usize,
    pub inconsistent: usize,
    pub unverifiable: usize,
    pub checks: Vec<CorpusCheck>,
}

impl std::fmt::Display for CorpusChecksReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} articles, {} quantities, {} checks: {} consistent, {} inconsistent, {} unverifiable",
            self.articles,
            self.quantities,
            self.checks.len(),
            self.consistent,
            self.inconsistent,
            self.unverifiable
        )
    }
}

/// Runs the pipeline over a JSON Lines corpus and counts the checks and their verdicts.
pub fn corpus_checks(path: &Path) -> Result<CorpusChecksReport, QuantitiesEvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| QuantitiesEvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let pipeline = newsfacts_analysts::Pipeline::new();
    let mut report = CorpusChecksReport::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let record: Value =
            serde_json::from_str(line).map_err(|source| QuantitiesEvalError::Json {
                path: path.to_path_buf(),
                source,
            })?;
        let body = record["text"].as_str().unwrap_or("");
        let mut article = newsfacts_ingest::text::article_from_text(body, record["title"].as_str());
        article.id = record["id"].as_str().unwrap_or("").to_string();
        let doc = pipeline.analyze(article);
        report.articles += 1;
        report.quantities += doc.quantities.len();
        for check in doc.checks {
            match check.verdict {
                newsfacts_doc::Verdict::Consistent => report.consistent += 1,
                newsfacts_doc::Verdict::Inconsistent => report.inconsistent += 1,
                newsfacts_doc::Verdict::Unverifiable => report.unverifiable += 1,
            }
            let sentence = doc
                .sentences
                .iter()
                .find(|s| s.start <= check.claim.start && check.claim.start < s.end)
                .and_then(|s| doc.text.get(s.start..s.end))
                .unwrap_or("")
                .to_string();
            report.checks.push(CorpusCheck {
                article: doc.id.clone(),
                sentence,
                check,
            });
        }
    }
    Ok(report)
}
