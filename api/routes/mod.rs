//! The API's handlers, one module per resource. Each handler reads and checks
//! its input, then does all its database work in one transaction
//! (`db::read` / `db::write`).

pub mod agenda;
pub mod api_clients;
pub mod audit;
pub mod auth;
pub mod contact_requests;
pub mod documents;
pub mod endorsements;
pub mod experts;
pub mod goals;
pub mod helpers;
pub mod house_rules;
pub mod invitations;
pub mod knowledge_links;
pub mod map;
pub mod me;
pub mod meetings;
pub mod members;
pub mod messages;
pub mod networks;
pub mod open_seats;
pub mod outbox;
pub mod outcomes;
pub mod preferences;
pub mod pulse;
pub mod questions;
pub mod reference;
pub mod registrations;
pub mod reports;
pub mod stakeholder_map;
pub mod stakeholders;
pub mod talents;
pub mod users;
pub mod webhooks;

mod fields;
pub use fields::{check_municipality, check_topics, clean_tags, non_empty, validate_tag_list};

mod rows;
pub use rows::{delete_row, read_row, update_row, Deleted};

use actix_web::{HttpRequest, HttpResponse};
use serde::de::DeserializeOwned;

use crate::accounts::auth::Auth;
use crate::db::{self, DbConn};
use crate::permissions::Viewer;
use crate::queries::deletions::{self, Feed};
use crate::web::error::ApiError;
use crate::web::extract::Query;
use crate::web::pagination::{Cursor, Page, PageLinks, PageRequest, Paged, Synced, SyncedPage};
use crate::AppState;

/// Tag for operations anyone may call; a token, when sent, must be valid.
pub const OPTIONAL_AUTH: &str = "optional";

/// A list, from its query to its page: the query read into the filters `F`
/// ([`read_list`]), `load` run in one read transaction with the viewer, the
/// filters and the page, and the rows it found answered as the page `P`.
pub async fn list<F, P>(
    state: &AppState,
    req: &HttpRequest,
    auth: Auth,
    load: impl FnOnce(&mut DbConn, &Viewer, F, PageRequest) -> Result<Rows<P>, ApiError>
        + Send
        + 'static,
) -> Result<HttpResponse, ApiError>
where
    F: Paged + DeserializeOwned + Default + Send + 'static,
    P: Page,
    P::Item: Send + 'static,
{
    let (filters, page, query) = read_list::<F>(req)?;
    let (items, next) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        load(conn, &viewer, filters, page)
    })
    .await?;
    Ok(answer_page::<P>(req, &query, &page, items, next))
}

/// A list that syncs ([`list`] for filters that take `updatedSince`): with
/// `updatedSince`, the first page also says what left the list since then
/// (`deleted`: the deletions of the page's resource, of the network the
/// path names if it names one, read right after the items, so a row deleted
/// meanwhile may be in both and is gone once the client applies `deleted`
/// last); an `updatedSince` before the deletions kept is 400.
pub async fn synced_list<F, P>(
    state: &AppState,
    req: &HttpRequest,
    auth: Auth,
    load: impl FnOnce(&mut DbConn, &Viewer, F, PageRequest) -> Result<Rows<P>, ApiError>
        + Send
        + 'static,
) -> Result<HttpResponse, ApiError>
where
    F: Synced + DeserializeOwned + Default + Send + 'static,
    P: SyncedPage,
    P::Item: Send + 'static,
{
    let (filters, page, query) = read_list::<F>(req)?;
    let feed = Feed {
        resource: P::RESOURCE,
        network: req
            .match_info()
            .get("networkId")
            .and_then(|id| id.parse().ok()),
    };
    let since = filters.updated_since();
    if let Some(t) = since {
        deletions::check_kept(t, state.config.deletion_retention_days)?;
    }
    // The later pages hold the rest of the items, not the same deletions again.
    let since = since.filter(|_| page.after.is_none());
    let (items, next, deleted) = db::read(&state.pool, move |conn| {
        let viewer = Viewer::load(conn, auth)?;
        let (items, next) = load(conn, &viewer, filters, page)?;
        let deleted = match since {
            Some(t) => Some(deletions::since(conn, &viewer, feed, t.naive_utc())?),
            None => None,
        };
        Ok((items, next, deleted))
    })
    .await?;
    let links = PageLinks::new(req, query.pairs_without_cursor(), &page, next);
    let mut body = P::new(items, links);
    if let Some(deleted) = deleted {
        body = body.with_deleted(deleted);
    }
    Ok(HttpResponse::Ok().json(body))
}

/// A page's rows and where the next page starts.
pub type Rows<P> = (Vec<<P as Page>::Item>, Option<Cursor>);

/// Reads a list's query into its filters `F` and the page they ask for:
/// 400 with every invalid parameter. The query is kept for the links.
pub fn read_list<F: Paged + DeserializeOwned + Default>(
    req: &HttpRequest,
) -> Result<(F, PageRequest, Query), ApiError> {
    let mut query = Query::new(req);
    let filters: F = query.read();
    let page = filters.page();
    if let Some(problem) = filters.check(&page) {
        query.push(problem);
    }
    query.finish()?;
    Ok((filters, page, query))
}

/// Answers a page of a list: its items, with the links to it and to the
/// next page.
pub fn answer_page<P: Page>(
    req: &HttpRequest,
    query: &Query,
    page: &PageRequest,
    items: Vec<P::Item>,
    next: Option<Cursor>,
) -> HttpResponse {
    let links = PageLinks::new(req, query.pairs_without_cursor(), page, next);
    HttpResponse::Ok().json(P::new(items, links))
}

/// Orders rows found by search by relevance (score, then id) and cuts the
/// page that starts after the cursor.
pub fn rank_page<T>(
    ranked: &[(i64, f64)],
    page: &crate::web::pagination::PageRequest,
    id_of: impl Fn(&T) -> i64,
    mut load: impl FnMut(Vec<i64>) -> Result<Vec<T>, crate::web::error::ApiError>,
) -> Result<(Vec<T>, Option<crate::web::pagination::Cursor>), crate::web::error::ApiError> {
    use crate::web::pagination::Cursor;
    // Everything up to and including the cursor position is skipped: the
    // answer is in that order (score descending, then id), so the page
    // starts where it stops being at or before the cursor.
    let from = match page.after {
        Some(Cursor::Rank(s, i)) => {
            ranked.partition_point(|&(id, score)| score > s || (score == s && id <= i))
        }
        _ => 0,
    };
    let rest = &ranked[from..];
    // Rows are loaded (and filtered) a slice at a time in rank order, the
    // slice doubling until the page is full: usually one query for the first
    // page's worth of ids, not the whole candidate list. The first slice is
    // a quarter larger than the page, for the few hits the viewer may not
    // see: each row loaded in vain costs as much as one shown (loading a
    // page of search results over 100,000 networks, median: 357 -> 276 us
    // on SQLite, 503 -> 446 us on PostgreSQL, against twice the page).
    let wanted = page.size as usize + 1;
    let mut out = Vec::new();
    let mut keys = Vec::new();
    let mut start = 0;
    let mut chunk = wanted + wanted / 4;
    while start < rest.len() && out.len() < wanted {
        let slice = &rest[start..(start + chunk).min(rest.len())];
        let ids = slice.iter().map(|&(id, _)| id).collect();
        let mut by_id: std::collections::HashMap<i64, T> =
            load(ids)?.into_iter().map(|r| (id_of(&r), r)).collect();
        for &(id, score) in slice {
            if out.len() == wanted {
                break;
            }
            if let Some(row) = by_id.remove(&id) {
                out.push(row);
                keys.push((score, id));
            }
        }
        start += slice.len();
        chunk *= 2;
    }
    let next = if out.len() == wanted {
        out.truncate(page.size as usize);
        keys.get(page.size as usize - 1)
            .map(|&(s, i)| Cursor::Rank(s, i))
    } else {
        None
    };
    Ok((out, next))
}

#[cfg(test)]
mod tests {
    use super::rank_page;
    use crate::web::pagination::{Cursor, PageRequest};

    /// Pages of a ranked answer with tied scores, and rows the viewer may
    /// not see: each page starts right after the previous page's cursor.
    #[test]
    fn ranked_pages_follow_their_cursor_through_ties() {
        let ranked = [(5, 2.0), (3, 1.0), (7, 1.0), (9, 1.0), (2, 0.5), (4, 0.5)];
        let hidden = 7;
        let load = |ids: Vec<i64>| Ok(ids.into_iter().filter(|&id| id != hidden).collect());
        let mut pages = Vec::new();
        let mut after = None;
        loop {
            let page = PageRequest { size: 2, after };
            let (rows, next) = rank_page(&ranked, &page, |&id: &i64| id, load).expect("page");
            pages.push(rows);
            match next {
                Some(cursor) => after = Some(cursor),
                None => break,
            }
        }
        assert_eq!(pages, [vec![5, 3], vec![9, 2], vec![4]]);
        let after_tie = PageRequest {
            size: 10,
            after: Some(Cursor::Rank(1.0, 3)),
        };
        let (rows, _) = rank_page(&ranked, &after_tie, |&id: &i64| id, load).expect("page");
        assert_eq!(rows, [9, 2, 4]);
    }
}
