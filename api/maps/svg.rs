//! The map of the Netherlands, Flanders and Brussels as SVG, drawn by the
//! server from the boundary files compiled in: no tiles, no request to
//! another host, and the same drawing in the web page, the embed and a
//! report. The outlines are projected once; each answer only adds the
//! figures, the shading and the words.

use std::fmt::Write;
use std::sync::OnceLock;

use super::topo::{shapes, Shape};

const DUTCH: &str = include_str!("../../data/gemeenten-2025.topojson");
const PROVINCES: &str = include_str!("../../data/provincies-2025.topojson");
const FLEMISH: &str = include_str!("../../data/vlaamse-gemeenten-2025.topojson");

/// The drawing's width in its own units; the height follows.
const WIDTH: f64 = 800.0;
/// West, north and the latitude whose scale the projection keeps.
const WEST: f64 = 2.5;
const NORTH: f64 = 53.6;
const SOUTH: f64 = 50.65;
const EAST: f64 = 7.3;
const MID_LATITUDE: f64 = 52.0;

/// A municipality's outline as an SVG path, with its code and name.
pub struct Outline {
    pub code: String,
    pub name: String,
    pub path: String,
}

/// The projected outlines: municipalities (Dutch, Flemish, Brussels), then
/// the Dutch provinces' borders as one path.
pub struct Outlines {
    pub municipalities: Vec<Outline>,
    pub provinces: String,
    pub height: f64,
}

fn scale() -> f64 {
    WIDTH / ((EAST - WEST) * MID_LATITUDE.to_radians().cos())
}

/// An equirectangular projection kept true at 52° north: at this size the
/// difference with a conformal one cannot be seen, and it needs no library.
fn project((lon, lat): (f64, f64)) -> (i64, i64) {
    let k = scale();
    let x = (lon - WEST) * MID_LATITUDE.to_radians().cos() * k;
    let y = (NORTH - lat) * k;
    // Tenths of a unit: the path data stays small, and points closer than
    // that fall together.
    ((x * 10.0).round() as i64, (y * 10.0).round() as i64)
}

/// A path's data, relative after the first point (`m` and `l`), in tenths
/// of a unit written as decimals.
fn path(rings: &[Vec<(f64, f64)>]) -> String {
    let mut d = String::new();
    let tenth = |v: i64| {
        let sign = if v < 0 { "-" } else { "" };
        let v = v.abs();
        if v % 10 == 0 {
            format!("{sign}{}", v / 10)
        } else {
            format!("{sign}{}.{}", v / 10, v % 10)
        }
    };
    for ring in rings {
        let mut points: Vec<(i64, i64)> = ring.iter().copied().map(project).collect();
        points.dedup();
        if points.len() < 3 {
            continue;
        }
        let (mut px, mut py) = points[0];
        let _ = write!(d, "M{} {}", tenth(px), tenth(py));
        for &(x, y) in &points[1..] {
            let _ = write!(d, "l{} {}", tenth(x - px), tenth(y - py));
            (px, py) = (x, y);
        }
        d.push('z');
    }
    d
}

/// Points of an arc closer than this (in the drawing's units) to the last
/// point kept are left out; an arc's ends are always kept. Keeps the whole
/// map under 300 KB with room to spare.
const DETAIL: f64 = 1.4;

/// An arc thinned to the detail the drawing shows.
fn thin(arc: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let k = scale();
    let cos = MID_LATITUDE.to_radians().cos();
    let apart = |a: (f64, f64), b: (f64, f64)| {
        let dx = (a.0 - b.0) * cos * k;
        let dy = (a.1 - b.1) * k;
        dx * dx + dy * dy >= DETAIL * DETAIL
    };
    let Some((&last, inner)) = arc.split_last() else {
        return Vec::new();
    };
    let mut kept: Vec<(f64, f64)> = Vec::with_capacity(arc.len());
    for &p in inner {
        if kept.last().is_none_or(|&q| apart(p, q)) {
            kept.push(p);
        }
    }
    kept.push(last);
    kept
}

fn outline(shape: Shape) -> Outline {
    Outline {
        path: path(&shape.rings),
        code: shape.code,
        name: shape.name,
    }
}

/// The outlines, projected once.
pub fn outlines() -> &'static Outlines {
    static DRAWN: OnceLock<Outlines> = OnceLock::new();
    DRAWN.get_or_init(|| {
        let mut municipalities: Vec<Outline> =
            shapes(DUTCH, "gemeente_2025", "statcode", "statnaam", thin)
                .into_iter()
                .chain(shapes(FLEMISH, "gemeente_2025", "niscode", "naam", thin))
                .chain(shapes(
                    FLEMISH,
                    "brussel_gemeente_2025",
                    "niscode",
                    "naam",
                    thin,
                ))
                .map(outline)
                .collect();
        municipalities.sort_by(|a, b| a.code.cmp(&b.code));
        let provinces = shapes(PROVINCES, "provincie_2025", "statcode", "statnaam", thin)
            .iter()
            .map(|p| path(&p.rings))
            .collect();
        Outlines {
            municipalities,
            provinces,
            height: ((NORTH - SOUTH) * scale()).ceil(),
        }
    })
}

/// The fill of each shade, from none to most (presentation attributes, not
/// a style sheet: the drawing is put inline into pages whose
/// Content-Security-Policy allows no inline styles).
pub(crate) const SHADES: [&str; 5] = ["#ffffff", "#9ecae1", "#6baed6", "#2171b5", "#08306b"];

/// The shade of a figure: none, 1, 2–3, 4–7, 8 or more.
pub fn shade(n: i64) -> u8 {
    match n {
        i64::MIN..=0 => 0,
        1 => 1,
        2..=3 => 2,
        4..=7 => 3,
        _ => 4,
    }
}

/// Escapes text for XML content and attributes.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One municipality as drawn: its shade (0 to 4), what it is called with
/// its figure in words, and where Enter leads.
pub struct Shaded<'a> {
    pub outline: &'a Outline,
    pub shade: u8,
    pub label: String,
    pub href: String,
}

/// The whole map: a title, a description, the municipalities as links
/// (each a keyboard stop with its name and figure), the provinces' borders
/// over them, and the legend in words.
pub fn draw(title: &str, description: &str, shaded: &[Shaded], legend: &[(u8, String)]) -> String {
    let o = outlines();
    let height = o.height;
    let mut svg = String::with_capacity(300_000);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" class="tm-map" role="group" aria-labelledby="kaart-titel kaart-uitleg"><title id="kaart-titel">{}</title><desc id="kaart-uitleg">{}</desc><g class="tm-map-municipalities">"#,
        escape(title),
        escape(description)
    );
    for s in shaded {
        let label = escape(&s.label);
        let _ = write!(
            svg,
            r##"<a href="{}"><title>{label}</title><path class="tm-map-s{}" fill="{}" stroke="#555" stroke-width=".4" fill-rule="evenodd" d="{}"/></a>"##,
            escape(&s.href),
            s.shade,
            SHADES[usize::from(s.shade.min(4))],
            s.outline.path
        );
    }
    let _ = write!(
        svg,
        r##"</g><path class="tm-map-borders" fill="none" stroke="#222" stroke-width="1.2" pointer-events="none" aria-hidden="true" d="{}"/><g class="tm-map-legend" aria-hidden="true">"##,
        o.provinces
    );
    for (i, (shade, words)) in legend.iter().enumerate() {
        let y = 20.0 + 26.0 * i as f64;
        let _ = write!(
            svg,
            r##"<rect x="12" y="{y}" width="18" height="18" fill="{}" stroke="#555"/><text x="38" y="{}" font-size="15" fill="#111">{}</text>"##,
            SHADES[usize::from((*shade).min(4))],
            y + 14.0,
            escape(words)
        );
    }
    svg.push_str("</g></svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::outlines;

    #[test]
    fn every_municipality_of_the_lists_has_an_outline() {
        let drawn = outlines();
        let codes: Vec<&str> = drawn
            .municipalities
            .iter()
            .map(|m| m.code.as_str())
            .collect();
        let listed: Vec<&str> = crate::reference::municipalities()
            .iter()
            .map(|m| m.code.as_str())
            .collect();
        assert_eq!(codes, listed);
        assert!(drawn
            .municipalities
            .iter()
            .all(|m| m.path.starts_with('M') && m.path.ends_with('z')));
        assert!(
            drawn.height > 400.0 && drawn.height < 1000.0,
            "{}",
            drawn.height
        );
    }
}
