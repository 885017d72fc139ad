//! API clients: how a municipality's or organisation's system signs in as
//! itself (`accounts::clients`). Whoever manages an organisation's profile,
//! and admins, make and manage its clients
//! (`permissions::may_manage_clients`); the system trades its id and
//! secret for short-lived access tokens at `POST /oauth/token`.

mod create;
mod delete;
mod list;
mod read;
mod rotate;
mod token;
mod types;
mod update;

pub use create::create_api_client;
pub use delete::delete_api_client;
pub use list::list_api_clients;
pub use read::get_api_client;
pub use rotate::rotate_api_client_secret;
pub use token::issue_client_token;
pub use types::{
    ApiClientFilters, ApiClientInput, ApiClientOut, ApiClientPage, ApiClientSecretOut,
    ClientTokenOut, RotationInput,
};
pub use update::update_api_client;
