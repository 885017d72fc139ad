//! What an operator runs: every setting read once from the environment,
//! backup and restore, CSV import and export.

pub mod backup;
pub mod config;
pub mod transfer;
