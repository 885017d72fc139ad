//! Prometheus metrics: requests and latency per route, and the database
//! pool. Served at `/metrics` to this host only, or to others with
//! `Authorization: Bearer $METRICS_TOKEN`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 11] = [
    0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

#[derive(Debug, Default, Clone)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

#[derive(Debug, Default)]
pub struct Metrics {
    series: Mutex<BTreeMap<(String, String, u16), Series>>,
}

impl Metrics {
    /// Counts one request. `route` is the route pattern (`/api/v1/networks/{networkId}`),
    /// never the concrete path, so ids do not multiply the series.
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let mut series = self.series.lock().unwrap_or_else(|e| e.into_inner());
        let s = series
            .entry((method.to_string(), route.to_string(), status))
            .or_default();
        s.count += 1;
        s.sum += seconds;
        for (i, bound) in BUCKETS.iter().enumerate() {
            if seconds <= *bound {
                s.buckets[i] += 1;
            }
        }
    }

    /// The Prometheus text format.
    pub fn render(&self, pool: &crate::db::DbPool, answers: &crate::web::cache::Answers) -> String {
        let series = self
            .series
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let mut out = String::new();
        gauge(
            &mut out,
            "themanet_build_info",
            "The program's version and schema version (always 1).",
            &format!(
                "{{version=\"{}\",schema=\"{}\"}} 1",
                crate::db::version::PROGRAM_VERSION,
                crate::db::version::program_schema()
            ),
        );
        let _ = writeln!(
            out,
            "# HELP themanet_requests_total HTTP requests by method, route and status."
        );
        let _ = writeln!(out, "# TYPE themanet_requests_total counter");
        for ((method, route, status), s) in &series {
            let _ = writeln!(out, "themanet_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {}", s.count);
        }
        let _ = writeln!(
            out,
            "# HELP themanet_request_duration_seconds Time to answer, by method and route."
        );
        let _ = writeln!(out, "# TYPE themanet_request_duration_seconds histogram");
        let mut by_route: BTreeMap<(String, String), Series> = BTreeMap::new();
        for ((method, route, _), s) in series {
            let total = by_route.entry((method, route)).or_default();
            total.count += s.count;
            total.sum += s.sum;
            for (t, b) in total.buckets.iter_mut().zip(s.buckets) {
                *t += b;
            }
        }
        for ((method, route), s) in by_route {
            let labels = format!("method=\"{method}\",route=\"{route}\"");
            for (bound, n) in BUCKETS.iter().zip(s.buckets) {
                let _ = writeln!(
                    out,
                    "themanet_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {n}"
                );
            }
            let _ = writeln!(
                out,
                "themanet_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(
                out,
                "themanet_request_duration_seconds_sum{{{labels}}} {}",
                s.sum
            );
            let _ = writeln!(
                out,
                "themanet_request_duration_seconds_count{{{labels}}} {}",
                s.count
            );
        }
        let state = pool.state();
        for (name, help, value) in [
            (
                "themanet_db_pool_connections",
                "Open database connections.",
                state.connections,
            ),
            (
                "themanet_db_pool_idle_connections",
                "Idle database connections.",
                state.idle_connections,
            ),
            (
                "themanet_db_pool_max_connections",
                "Size of the pool.",
                pool.max_size(),
            ),
        ] {
            gauge(&mut out, name, help, &format!(" {value}"));
        }
        let (hits, misses) = answers.counts();
        let _ = writeln!(
            out,
            "# HELP themanet_public_answers_total Anonymous public reads, by whether a kept answer served them."
        );
        let _ = writeln!(out, "# TYPE themanet_public_answers_total counter");
        let _ = writeln!(out, "themanet_public_answers_total{{cache=\"hit\"}} {hits}");
        let _ = writeln!(
            out,
            "themanet_public_answers_total{{cache=\"miss\"}} {misses}"
        );
        out
    }
}

/// One gauge with its help: `sample` follows the name (labels, a space and
/// the value).
fn gauge(out: &mut String, name: &str, help: &str, sample: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} gauge");
    let _ = writeln!(out, "{name}{sample}");
}
