//! Where a webhook may go: an `https` address whose host resolves only to
//! public addresses, never to the host itself, its private network or the
//! cloud's metadata service (server-side request forgery). The setting
//! `WEBHOOK_ALLOW_LOOPBACK` allows `http` and loopback addresses, for
//! development and tests. The address is checked when a subscription is
//! made and again at every try, and the request goes to the address that
//! was checked, so a name that resolves differently later gains nothing.

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};

use url::Url;

/// Why an address is refused, in words for the `invalidParams` entry.
pub type Refusal = &'static str;

/// Reads and checks an address as far as it can be without resolving it.
pub fn parse(text: &str, allow_loopback: bool) -> Result<Url, Refusal> {
    let url = Url::parse(text).map_err(|_| "is not an absolute address")?;
    match url.scheme() {
        "https" => {}
        "http" if allow_loopback => {}
        _ => return Err("must be an https address"),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("may not hold a user name or password");
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("has no host");
    }
    if url.fragment().is_some() {
        return Err("may not have a fragment (#...)");
    }
    Ok(url)
}

/// The address to connect to: the host resolved, every address it has
/// allowed. Refused when any is private, loopback (unless allowed), link
/// local or otherwise not public.
pub fn resolve(url: &Url, allow_loopback: bool) -> Result<SocketAddr, Refusal> {
    let host = url.host_str().ok_or("has no host")?;
    let port = url.port_or_known_default().ok_or("has no port")?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let found: Vec<SocketAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|_| "has a host name that cannot be found")?
        .collect();
    if found.is_empty() {
        return Err("has a host name that cannot be found");
    }
    if found.iter().any(|a| !allowed(a.ip(), allow_loopback)) {
        return Err("points to a private or local address");
    }
    Ok(found[0])
}

/// Whether an address is one a webhook may go to.
pub fn allowed(ip: IpAddr, allow_loopback: bool) -> bool {
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    if ip.is_loopback() {
        return allow_loopback;
    }
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
                || (a == 198 && (b == 18 || b == 19)) // benchmarking
                || a >= 240)
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            !(v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00 // unique local
                || (first & 0xffc0) == 0xfe80 // link local
                || first == 0x2001 && v6.segments()[1] == 0x0db8) // documentation
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_local_addresses_are_refused() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!allowed(ip.parse().unwrap(), false), "{ip}");
        }
        for ip in ["93.184.216.34", "2a00:1450:4001::1"] {
            assert!(allowed(ip.parse().unwrap(), false), "{ip}");
        }
        assert!(allowed("127.0.0.1".parse().unwrap(), true));
        assert!(!allowed("10.0.0.1".parse().unwrap(), true), "only loopback");
    }

    #[test]
    fn only_https_unless_loopback_is_allowed() {
        assert!(parse("http://example.org/hook", false).is_err());
        assert!(parse("https://user:pw@example.org/hook", false).is_err());
        assert!(parse("https://example.org/hook", false).is_ok());
        assert!(parse("http://127.0.0.1:9/hook", true).is_ok());
        assert!(parse("ftp://example.org", true).is_err());
    }
}
