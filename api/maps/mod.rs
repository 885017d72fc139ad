//! The maps drawn from the platform's own data: the map of inclusive
//! municipalities (the boundaries in `topo.rs`, the drawing in `svg.rs`,
//! the figures per municipality in `figures.rs`) and a network's
//! stakeholder map (`rings.rs`).

pub mod figures;
pub mod rings;
pub mod svg;
pub mod topo;
