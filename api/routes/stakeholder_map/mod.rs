//! A network's stakeholder map: who is at the table by role and kind, who
//! the core group still looks for (`routes::open_seats`), and the balance
//! signal "niets over ons zonder ons". As data and drawn as SVG, for
//! whoever may see the network; people named only when they agreed to be
//! listed (`permissions::may_name_at_table`).

mod drawing;
mod read;
mod types;
mod words;

pub use drawing::stakeholder_map_drawing;
pub use read::stakeholder_map;
pub use types::{DrawingQuery, NamedStakeholder, StakeholderMapOut, TablePlace};
