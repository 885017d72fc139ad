//! Accounts: argon2id passwords and the list of the most used ones, JWT
//! access tokens and the `Auth` extractor, sessions (refresh tokens), what a
//! signed-in client is given (`tokens`), and the throttles on sign-in,
//! registration and writes, and the single-use links sent by mail (`links`).

pub mod auth;
pub mod links;
pub mod passwords;
pub mod sessions;
pub mod throttle;
pub mod tokens;
