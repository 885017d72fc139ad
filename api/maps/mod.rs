//! The map of inclusive municipalities: the boundaries (`topo.rs`), the
//! drawing (`svg.rs`) and the figures per municipality (`figures.rs`).

pub mod figures;
pub mod svg;
pub mod topo;
