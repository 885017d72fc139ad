//! A network's stakeholder map drawn as SVG: three rings (the core group
//! inside, members in the middle, partners outside) cut into eight sectors,
//! one per kind of stakeholder. Each cell is shaded and marked with how
//! many sit there, named in its `<title>`; open seats are dashed circles in
//! the cell they are for; a warning heads the drawing when the table is out
//! of balance. Presentation attributes only, as in `svg.rs`.

use std::fmt::Write;

use super::svg::{escape, shade, SHADES};

const WIDTH: f64 = 900.0;
const CX: f64 = 450.0;
/// The rings' edges, from the centre out.
const RADII: [f64; 4] = [42.0, 125.0, 210.0, 290.0];

/// One cell: a ring (0 core group, 1 members, 2 partners) and a sector
/// (the kind's place in `StakeholderKind::ALL`).
pub struct Cell {
    pub ring: usize,
    pub sector: usize,
    pub count: i64,
    /// What the cell's `<title>` says: the kind, the ring, the count and
    /// the names that may be shown.
    pub label: String,
    /// The open seats for this kind and ring, in words.
    pub seats: Vec<String>,
}

/// Everything the drawing says.
pub struct Rings<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// The eight kinds, in the plural.
    pub sectors: Vec<&'a str>,
    /// The middle: how many sit at the table, in words.
    pub centre: &'a str,
    pub cells: Vec<Cell>,
    pub warnings: Vec<&'a str>,
    pub legend: [&'a str; 2],
}

/// The point at radius `r` and `degrees` clockwise from the top.
fn at(cy: f64, r: f64, degrees: f64) -> (f64, f64) {
    let a = degrees.to_radians();
    (CX + r * a.sin(), cy - r * a.cos())
}

/// Draws the map.
pub fn draw(r: &Rings) -> String {
    let top = 52.0 + 40.0 * r.warnings.len() as f64;
    let cy = top + 320.0;
    let height = cy + 300.0 + 70.0;
    let mut svg = String::with_capacity(16_000);
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" class="tm-rings" role="img" aria-labelledby="tafel-titel tafel-uitleg"><title id="tafel-titel">{title}</title><desc id="tafel-uitleg">{}</desc><rect width="{WIDTH}" height="{height}" fill="#ffffff"/><text x="12" y="32" font-size="22" font-weight="bold" fill="#111">{title}</text>"##,
        escape(r.description),
        title = escape(r.title),
    );
    for (i, warning) in r.warnings.iter().enumerate() {
        let y = 48.0 + 40.0 * i as f64;
        let _ = write!(
            svg,
            r##"<g class="tm-rings-warning"><rect x="12" y="{y}" width="{}" height="32" fill="#fdecea" stroke="#b00020" stroke-width="2"/><text x="24" y="{}" font-size="16" font-weight="bold" fill="#5c0011">{}</text></g>"##,
            WIDTH - 24.0,
            y + 22.0,
            escape(warning)
        );
    }
    let sectors = r.sectors.len().max(1);
    let step = 360.0 / sectors as f64;
    for cell in &r.cells {
        let (r0, r1) = (RADII[cell.ring], RADII[cell.ring + 1]);
        let (a0, a1) = (step * cell.sector as f64, step * (cell.sector + 1) as f64);
        let p = |radius, degrees| at(cy, radius, degrees);
        let (x1, y1) = p(r1, a0);
        let (x2, y2) = p(r1, a1);
        let (x3, y3) = p(r0, a1);
        let (x4, y4) = p(r0, a0);
        let s = usize::from(shade(cell.count));
        let _ = write!(
            svg,
            r##"<g class="tm-rings-cell"><title>{}</title><path fill="{}" stroke="#555" d="M{x1:.1} {y1:.1}A{r1} {r1} 0 0 1 {x2:.1} {y2:.1}L{x3:.1} {y3:.1}A{r0} {r0} 0 0 0 {x4:.1} {y4:.1}Z"/>"##,
            escape(&cell.label),
            SHADES[s],
        );
        let mid = (a0 + a1) / 2.0;
        if cell.count > 0 {
            let (x, y) = p((r0 + r1) / 2.0 - 6.0, mid);
            let fill = if s >= 3 { "#ffffff" } else { "#111111" };
            let _ = write!(
                svg,
                r##"<text x="{x:.1}" y="{:.1}" font-size="18" font-weight="bold" text-anchor="middle" fill="{fill}">{}</text>"##,
                y + 6.0,
                cell.count
            );
        }
        svg.push_str("</g>");
        let n = cell.seats.len() as f64;
        let spread = (step * 0.7 / n.max(1.0)).min(9.0);
        for (k, seat) in cell.seats.iter().enumerate() {
            let (x, y) = p(r1 - 14.0, mid + (k as f64 - (n - 1.0) / 2.0) * spread);
            let _ = write!(
                svg,
                r##"<g class="tm-rings-seat"><title>{}</title><circle cx="{x:.1}" cy="{y:.1}" r="9" fill="#ffffff" stroke="#8a3b00" stroke-width="2" stroke-dasharray="4 3"/><text x="{x:.1}" y="{:.1}" font-size="13" font-weight="bold" text-anchor="middle" fill="#8a3b00">?</text></g>"##,
                escape(seat),
                y + 4.5
            );
        }
    }
    let _ = write!(
        svg,
        r##"<circle cx="{CX}" cy="{cy}" r="{}" fill="#ffffff" stroke="#555"/><text x="{CX}" y="{:.1}" font-size="14" text-anchor="middle" fill="#111">{}</text>"##,
        RADII[0],
        cy + 5.0,
        escape(r.centre)
    );
    for (i, name) in r.sectors.iter().enumerate() {
        let mid = step * (i as f64 + 0.5);
        let (x, y) = at(cy, RADII[3] + 14.0, mid);
        let anchor = if x > CX + 1.0 {
            "start"
        } else if x < CX - 1.0 {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            svg,
            r##"<text x="{x:.1}" y="{:.1}" font-size="15" text-anchor="{anchor}" fill="#111">{}</text>"##,
            y + 5.0,
            escape(name)
        );
    }
    for (i, line) in r.legend.iter().enumerate() {
        let _ = write!(
            svg,
            r##"<text x="12" y="{:.1}" font-size="14" fill="#111">{}</text>"##,
            cy + RADII[3] + 40.0 + 22.0 * i as f64,
            escape(line)
        );
    }
    svg.push_str("</svg>");
    svg
}
