//! Server-rendered SVG charts for the insight pages (plotters' SVG backend,
//! no fonts: the browser draws the text). Every chart has a table of its
//! numbers beside it, which is also its text alternative, so a chart
//! carries no meaning of its own and only short labels of ours.

use plotters::prelude::*;

/// Bars: the accent colour of the stylesheet's light scheme, readable on
/// the dark one too.
const BAR: RGBColor = RGBColor(0x2f, 0x6f, 0xb5);
/// A second series (90th percentile, rejected candidates).
const BAR_2: RGBColor = RGBColor(0xd9, 0x8a, 0x1c);

/// One bar: its short label, its value and the text written after it.
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub second: Option<f64>,
    pub text: String,
}

/// Text is drawn in the page's colour, whatever the colour scheme.
fn themed(svg: String) -> String {
    svg.replace("#000000", "currentColor")
}

/// Horizontal bars, one row per item, scaled to `max` (the largest value
/// when `None`). An optional second, thinner bar per row shows a second
/// series on the same scale.
pub fn bars(rows: &[Bar], max: Option<f64>) -> String {
    // Narrow, with large text: the chart is scaled down to a phone's width.
    const WIDTH: u32 = 480;
    const ROW: u32 = 34;
    const LABEL: i32 = 165;
    const RIGHT: i32 = 125;
    let height = ROW * rows.len().max(1) as u32 + 10;
    let top = max
        .or_else(|| {
            rows.iter()
                .flat_map(|r| std::iter::once(r.value).chain(r.second))
                .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))
        })
        .filter(|m| *m > 0.0)
        .unwrap_or(1.0);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        let span = (WIDTH as i32 - LABEL - RIGHT) as f64;
        let text = ("sans-serif", 17).into_font().color(&BLACK);
        for (i, r) in rows.iter().enumerate() {
            let y = i as i32 * ROW as i32 + 5;
            let len = |v: f64| ((v / top).clamp(0.0, 1.0) * span).round() as i32;
            let _ = root.draw(&Text::new(r.label.clone(), (0, y + 4), text.clone()));
            let thick = if r.second.is_some() { 12 } else { 22 };
            let _ = root.draw(&Rectangle::new(
                [(LABEL, y), (LABEL + len(r.value).max(1), y + thick)],
                BAR.filled(),
            ));
            if let Some(s) = r.second {
                let _ = root.draw(&Rectangle::new(
                    [(LABEL, y + 13), (LABEL + len(s).max(1), y + 22)],
                    BAR_2.filled(),
                ));
            }
            let end = LABEL + len(r.value.max(r.second.unwrap_or(0.0))) + 8;
            let _ = root.draw(&Text::new(r.text.clone(), (end, y + 4), text.clone()));
        }
        let _ = root.present();
    }
    themed(out)
}

/// A scatter plot of (x, y) points, `true` points drawn filled and
/// `false` ones hollow, on fixed axes.
pub fn scatter(points: &[(f64, f64, bool)], x: (f64, f64, &str), y: (f64, f64, &str)) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (420, 320)).into_drawing_area();
        let chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(48)
            .build_cartesian_2d(x.0..x.1, y.0..y.1);
        if let Ok(mut chart) = chart {
            let _ = chart
                .configure_mesh()
                .x_desc(x.2)
                .y_desc(y.2)
                .x_labels(5)
                .y_labels(4)
                .label_style(("sans-serif", 15).into_font().color(&BLACK))
                .axis_desc_style(("sans-serif", 16).into_font().color(&BLACK))
                .light_line_style(RGBColor(0xdd, 0xdd, 0xdd))
                .draw();
            let _ = chart.draw_series(points.iter().map(|&(px, py, filled)| {
                if filled {
                    Circle::new((px, py), 5, BAR.filled())
                } else {
                    Circle::new((px, py), 5, BAR_2.stroke_width(2))
                }
            }));
        }
        let _ = root.present();
    }
    themed(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_svg_with_their_labels() {
        let svg = bars(
            &[
                Bar {
                    label: "Applied".into(),
                    value: 10.0,
                    second: None,
                    text: "10".into(),
                },
                Bar {
                    label: "Hired <b>".into(),
                    value: 2.0,
                    second: Some(4.0),
                    text: "2".into(),
                },
            ],
            None,
        );
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("viewBox"));
        assert!(svg.contains("Applied"));
        assert!(svg.contains("Hired &lt;b&gt;"), "text is escaped");
        assert!(!svg.contains("#000000"));
    }

    #[test]
    fn a_scatter_draws_one_circle_per_point() {
        let svg = scatter(
            &[(0.5, 2.0, true), (1.5, 3.5, false)],
            (0.0, 2.0, "Screen"),
            (1.0, 4.0, "Interview"),
        );
        assert_eq!(svg.matches("<circle").count(), 2, "{svg}");
    }
}
