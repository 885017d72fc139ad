//! Accounts: argon2id passwords and the list of the most used ones, JWT
//! access tokens and the `Auth` extractor, sessions (refresh tokens), what a
//! signed-in client is given (`tokens`), and the throttles on sign-in,
//! registration and writes, the single-use links sent by mail (`links`), and
//! the API clients that sign in as themselves (`clients`).

pub mod auth;
pub mod clients;
pub mod links;
pub mod passwords;
pub mod sessions;
pub mod throttle;
pub mod tokens;
