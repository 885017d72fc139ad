//! Demo data drawn from the seed documents.

use crate::config::Config;
use crate::db::DbConn;
use crate::error::ApiError;

/// Whether `serve` loads the demo data into an empty database.
pub fn wanted(_config: &Config) -> bool {
    false
}

/// Loads the demo data into an empty database; false when it was not empty.
pub fn load(_conn: &mut DbConn) -> Result<bool, ApiError> {
    Ok(false)
}
