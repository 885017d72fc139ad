//! Registering and signing in: an account with its own stakeholder
//! profile, sessions (refresh tokens, also as a cookie) and short-lived
//! access tokens. What the answers hold is in `accounts::tokens`; the
//! account's rows in `queries::accounts`.

mod registration;
mod renew;
mod sign_in;
mod sign_out;
mod types;

pub use registration::register;
pub use renew::refresh;
pub use sign_in::login;
pub use sign_out::logout;
pub use types::*;
