//! Reads the quantized TopoJSON boundary files in `data/` (CBS and Statbel
//! open data): each geometry's code, name and rings of longitude/latitude.

use serde_json::Value;

/// A shape: its code (CBS or NIS), its name and its rings (outer rings and
/// holes alike; drawn with the even-odd rule).
pub struct Shape {
    pub code: String,
    pub name: String,
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// The arcs of a topology in longitude/latitude: the deltas summed and the
/// transform applied.
fn arcs(topology: &Value) -> Vec<Vec<(f64, f64)>> {
    let scale = &topology["transform"]["scale"];
    let translate = &topology["transform"]["translate"];
    let (sx, sy) = (
        scale[0].as_f64().unwrap_or(1.0),
        scale[1].as_f64().unwrap_or(1.0),
    );
    let (tx, ty) = (
        translate[0].as_f64().unwrap_or(0.0),
        translate[1].as_f64().unwrap_or(0.0),
    );
    topology["arcs"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|arc| {
                    let (mut x, mut y) = (0i64, 0i64);
                    arc.as_array()
                        .into_iter()
                        .flatten()
                        .map(|p| {
                            x += p[0].as_i64().unwrap_or(0);
                            y += p[1].as_i64().unwrap_or(0);
                            (x as f64 * sx + tx, y as f64 * sy + ty)
                        })
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A ring from its arc indexes: a negative index `!i` is arc `i` reversed;
/// each arc after the first starts where the one before ended.
fn ring(arcs: &[Vec<(f64, f64)>], indexes: &Value) -> Vec<(f64, f64)> {
    let mut points: Vec<(f64, f64)> = Vec::new();
    for index in indexes.as_array().into_iter().flatten() {
        let i = index.as_i64().unwrap_or(0);
        let mut arc = arcs
            .get(if i < 0 { !i } else { i } as usize)
            .cloned()
            .unwrap_or_default();
        if i < 0 {
            arc.reverse();
        }
        let skip = usize::from(!points.is_empty());
        points.extend(arc.into_iter().skip(skip));
    }
    points
}

/// The shapes of one object of a topology, with the property names that
/// hold their code and name. `simplify` thins each arc before the rings are
/// put together, so that neighbours keep one and the same border.
pub fn shapes(
    text: &str,
    object: &str,
    code: &str,
    name: &str,
    simplify: impl Fn(&[(f64, f64)]) -> Vec<(f64, f64)>,
) -> Vec<Shape> {
    let topology: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let arcs: Vec<Vec<(f64, f64)>> = arcs(&topology).iter().map(|a| simplify(a)).collect();
    topology["objects"][object]["geometries"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|g| {
            let polygons: Vec<&Value> = match g["type"].as_str() {
                Some("MultiPolygon") => g["arcs"].as_array().into_iter().flatten().collect(),
                _ => vec![&g["arcs"]],
            };
            Shape {
                code: g["properties"][code]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                name: g["properties"][name]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                rings: polygons
                    .into_iter()
                    .flat_map(|p| p.as_array().into_iter().flatten())
                    .map(|r| ring(&arcs, r))
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::shapes;

    /// Two squares sharing an edge, the second using the shared arc
    /// reversed; quantized with a transform.
    #[test]
    fn arcs_are_summed_transformed_and_shared() {
        let text = r#"{"type":"Topology",
            "transform":{"scale":[0.5,0.5],"translate":[10,20]},
            "arcs":[[[2,0],[0,2]],[[2,2],[-2,0],[0,-2],[2,0]],[[2,0],[2,0],[0,2],[-2,0]]],
            "objects":{"o":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0,1]],"properties":{"c":"A","n":"West"}},
              {"type":"MultiPolygon","arcs":[[[2,-1]]],"properties":{"c":"B","n":"Oost"}}]}}}"#;
        let found = shapes(text, "o", "c", "n", <[(f64, f64)]>::to_vec);
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[0].code.as_str(), found[1].name.as_str()),
            ("A", "Oost")
        );
        assert_eq!(
            found[0].rings[0],
            [
                (11.0, 20.0),
                (11.0, 21.0),
                (10.0, 21.0),
                (10.0, 20.0),
                (11.0, 20.0)
            ]
        );
        assert_eq!(found[1].rings[0].first(), Some(&(11.0, 20.0)));
        assert_eq!(found[1].rings[0].last(), Some(&(11.0, 20.0)));
        assert_eq!(found[1].rings[0].len(), 5);
    }
}
