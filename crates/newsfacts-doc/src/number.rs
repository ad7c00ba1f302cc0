//! Numbers as readers want them in reports, pages and check computations.

/// `1000000` → `1,000,000`; `0.25` → `0.25`; `2.0/3.0` → `0.6667`. A value a hair off a whole
/// number from binary arithmetic ("£8.2bn" is 8199999999.999999) shows as the whole number;
/// fractions show at most four decimals.
pub fn format_number(value: f64) -> String {
    let value = if value.abs() >= 1.0 && (value - value.round()).abs() < 1e-6 {
        value.round()
    } else {
        value
    };
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let digits = format!("{}", value.abs() as u64);
        let mut grouped = String::new();
        for (n, digit) in digits.chars().enumerate() {
            if n > 0 && (digits.len() - n) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        if value < 0.0 {
            grouped.insert(0, '-');
        }
        grouped
    } else {
        let fixed = format!("{value:.4}");
        fixed
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_rounded_and_short() {
        assert_eq!(format_number(1_000_000.0), "1,000,000");
        assert_eq!(format_number(-2500.0), "-2,500");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(2.0 / 3.0), "0.6667");
        assert_eq!(format_number(8_199_999_999.999_999), "8,200,000,000");
        assert_eq!(format_number(0.0), "0");
    }
}
