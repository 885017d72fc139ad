//! The map of inclusive municipalities: the figures per municipality
//! (`figures.rs`) and the map drawn by the server (`drawing.rs`), from
//! `crate::maps`. Public: only public local networks are counted.

mod drawing;
mod figures;
mod types;

pub use drawing::map_drawing;
pub use figures::map_figures;
pub use types::{MapFigures, MapQuery, MunicipalityFigures};
