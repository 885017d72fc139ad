//! The HTTP layer: the server and its one route table, reading requests
//! (bodies, query strings, paging), answering errors as problem+json, CORS,
//! the answers kept for anonymous readers, metrics, the access log, and the
//! OpenAPI document built from the same route table.

pub mod cache;
pub mod cors;
pub mod error;
pub mod extract;
pub mod http;
pub mod logging;
pub mod metrics;
pub mod openapi;
pub mod pagination;
pub mod params;
pub mod router;
pub mod server;
