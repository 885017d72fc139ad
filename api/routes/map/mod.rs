//! The map of inclusive municipalities: the figures per municipality
//! (`figures.rs`, one in detail in `municipality.rs`) and the map drawn by the server (`drawing.rs`), from
//! `crate::maps`. Public: only public local networks are counted.

mod drawing;
mod figures;
mod municipality;
mod types;

pub use drawing::map_drawing;
pub use figures::map_figures;
pub use municipality::municipality_figures;
pub use types::{MapFigures, MapQuery, MunicipalityFigures};
