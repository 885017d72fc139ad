//! Registering and signing in: an account with its own stakeholder
//! profile, sessions (refresh tokens, also as a cookie) and short-lived
//! access tokens. What the answers hold is in `accounts::tokens`; the
//! account's rows in `queries::accounts`. A forgotten password and the
//! address's verification go by mail, with single-use links
//! (`accounts::links`).

mod new_password;
mod password_reset;
mod registration;
mod renew;
mod sign_in;
mod sign_out;
mod types;
mod verification;
mod verify;

pub use new_password::reset_password;
pub use password_reset::request_password_reset;
pub use registration::register;
pub use renew::refresh;
pub use sign_in::login;
pub use sign_out::logout;
pub use types::*;
pub use verification::{send_link, send_verification};
pub use verify::confirm_email;
