//! Password rules, as NIST SP 800-63B advises: at least 8 characters (any
//! Unicode), no composition rules, and not one of the 20,000 most common
//! passwords (`data/common-passwords.txt.gz`).

use std::collections::HashSet;
use std::io::Read;
use std::sync::OnceLock;

use crate::web::error::Code;

const COMMON: &[u8] = include_bytes!("../../data/common-passwords.txt.gz");

fn common() -> &'static HashSet<String> {
    static LIST: OnceLock<HashSet<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut text = String::new();
        let mut reader = flate2::read::GzDecoder::new(COMMON);
        if reader.read_to_string(&mut text).is_err() {
            tracing::error!("the common-password list could not be read");
        }
        text.lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// Why a new password is refused, if it is.
pub fn check(password: &str) -> Result<(), (Code, &'static str)> {
    if password.chars().count() < 8 {
        return Err((
            Code::Length,
            "must have at least 8 characters; a short sentence of 12 or more is best",
        ));
    }
    if common().contains(&password.to_lowercase()) {
        return Err((
            Code::WeakPassword,
            "is one of the most used passwords; choose another, for example a short sentence",
        ));
    }
    Ok(())
}

/// A new password's length: at least 8 characters, at most 1,024. The
/// error names the bound that was crossed, for `invalidParams`.
pub fn length(password: &str) -> Result<(), validator::ValidationError> {
    let count = password.chars().count();
    let (bound, value, message) = if count < 8 {
        ("min", 8, "must have at least 8 characters")
    } else if count > 1024 {
        ("max", 1024, "must have at most 1024 characters")
    } else {
        return Ok(());
    };
    let mut error = validator::ValidationError::new("length").with_message(message.into());
    error.add_param(bound.into(), &value);
    Err(error)
}

/// How many passwords the list holds.
pub fn list_size() -> usize {
    common().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_passwords_are_refused() {
        assert!(list_size() >= 10_000);
        assert!(check("Welkom01").is_err() || check("password").is_err());
        assert!(check("qwertyuiop").is_err());
        assert!(check("kort").is_err());
        assert!(check("mijn fiets is blauw").is_ok());
        assert!(check("ééééééééé").is_ok(), "any Unicode");
    }
}
