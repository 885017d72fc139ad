//! Queries that several handlers share, as functions taking `&mut DbConn`,
//! so the same function runs alone or inside the request's transaction.

pub mod memberships;
