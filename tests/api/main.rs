//! Integration tests of the whole API. Every test runs twice, on SQLite and
//! on PostgreSQL (see `both!`), each on a database of its own.

#[path = "../common/mod.rs"]
mod common;

mod accounts;
mod agenda;
mod articles;
mod cache;
mod clients;
mod concurrency;
mod conventions;
mod deletions;
mod disk;
mod documents;
mod goals;
mod house_rules;
mod knowledge_links;
mod mail;
mod map;
mod meetings;
mod members;
mod messages;
mod networks;
mod permissions;
mod privacy;
mod questions;
mod reference;
mod reports;
mod search;
mod stakeholder_map;
mod stakeholders;
mod talents;
mod webhooks;
