//! Small HTTP helpers shared by the handlers: ETags, `201` with `Location`
//! (`If-Match` is read by `db::versioned`).

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;

/// A strong ETag from a resource's kind, key and version counter.
pub fn etag(kind: &str, key: impl std::fmt::Display, version: i64) -> String {
    format!("\"{kind}-{key}-{version}\"")
}

pub fn ok_with_etag<T: Serialize>(body: &T, etag: &str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, etag))
        .json(body)
}

/// `201 Created` with the absolute `Location` of the new resource.
pub fn created<T: Serialize>(
    req: &HttpRequest,
    path: &str,
    body: &T,
    etag: Option<&str>,
) -> HttpResponse {
    let location = format!("{}/api/v1{}", crate::web::pagination::base_url(req), path);
    let mut response = HttpResponse::Created();
    response.insert_header((header::LOCATION, location));
    if let Some(tag) = etag {
        response.insert_header((header::ETAG, tag));
    }
    response.json(body)
}

/// Times as RFC 3339 in UTC.
pub fn utc(t: chrono::NaiveDateTime) -> chrono::DateTime<chrono::Utc> {
    t.and_utc()
}

/// Writes a time as chrono's `Serialize` does (`2026-03-01T09:30:00Z`, with
/// 3, 6 or 9 digits of fraction when it has one), without going through
/// `fmt` one character at a time: two times per network made that 6 % of
/// the instructions of an uncached page of 20 networks. Response fields
/// name it with `#[serde(serialize_with = "crate::web::http::time")]`.
pub fn time<S: serde::Serializer>(
    t: &chrono::DateTime<chrono::Utc>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use chrono::{Datelike, Timelike};
    let year = t.year();
    if !(0..=9999).contains(&year) {
        return t.serialize(serializer);
    }
    let mut out = [0u8; 30];
    let mut put = |at: usize, value: u32, digits: usize| {
        let mut v = value;
        for i in (at..at + digits).rev() {
            out[i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    put(0, year as u32, 4);
    put(5, t.month(), 2);
    put(8, t.day(), 2);
    put(11, t.hour(), 2);
    put(14, t.minute(), 2);
    // A leap second is kept in the nanoseconds past 1e9.
    let (second, nano) = match t.nanosecond() {
        n if n >= 1_000_000_000 => (t.second() + 1, n - 1_000_000_000),
        n => (t.second(), n),
    };
    put(17, second, 2);
    let mut end = 19;
    let fraction = match nano {
        0 => None,
        n if n % 1_000_000 == 0 => Some((n / 1_000_000, 3)),
        n if n % 1_000 == 0 => Some((n / 1_000, 6)),
        n => Some((n, 9)),
    };
    if let Some((value, digits)) = fraction {
        put(20, value, digits);
        end = 20 + digits;
    }
    out[4] = b'-';
    out[7] = b'-';
    out[10] = b'T';
    out[13] = b':';
    out[16] = b':';
    if end > 19 {
        out[19] = b'.';
    }
    out[end] = b'Z';
    serializer.serialize_str(std::str::from_utf8(&out[..=end]).unwrap_or_default())
}

/// The client's address: the peer, or with `TRUSTED_PROXY=true` the address
/// the proxy reports (a header anyone could set is never trusted otherwise).
pub fn client_address(req: &HttpRequest) -> String {
    let behind_proxy = req
        .app_data::<actix_web::web::Data<crate::AppState>>()
        .is_some_and(|s| s.config.trusted_proxy);
    if behind_proxy {
        if let Some(address) = req.connection_info().realip_remote_addr() {
            return address.to_string();
        }
    }
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Whether a path's segments (after `/api/v1/`) fit a path template's: the
/// same text, or any value for a `{parameter}`; with `ids_only`, a
/// parameter only fits a whole number.
pub fn fits_template<T: AsRef<str>>(template: &[T], segments: &[&str], ids_only: bool) -> bool {
    template.len() == segments.len()
        && template.iter().zip(segments).all(|(t, s)| {
            let t = t.as_ref();
            if t.starts_with('{') {
                !ids_only || (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            } else {
                t == *s
            }
        })
}

/// A cell a spreadsheet shows as text, never runs as a formula: one that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'` (OWASP's advice on CSV injection). Names and titles are
/// typed by people.
pub fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, Utc};

    #[derive(serde::Serialize)]
    struct Fast(#[serde(serialize_with = "super::time")] DateTime<Utc>);

    /// `time` writes exactly what chrono's `Serialize` writes.
    #[test]
    fn times_are_written_as_chrono_writes_them() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        let mut times = Vec::new();
        for date in [
            day(2026, 11, 24),
            day(1, 1, 1),
            day(9999, 12, 31),
            day(10000, 1, 1),
            day(-5, 6, 7),
        ] {
            for nano in [
                0,
                5_000_000,
                120_000,
                123_456_789,
                1,
                999_999_999,
                1_500_000_000,
            ] {
                let time = chrono::NaiveTime::from_hms_nano_opt(23, 59, 59, nano).expect("a time");
                times.push(date.and_time(time).and_utc());
            }
        }
        times.push(crate::db::now().and_utc());
        for t in times {
            let chrono = serde_json::to_string(&t).expect("chrono");
            assert_eq!(serde_json::to_string(&Fast(t)).expect("fast"), chrono);
        }
    }
}
