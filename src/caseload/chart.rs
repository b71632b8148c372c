//! The workload chart: for each of the next 26 weeks, the samtaler each holder must hold by that
//! week (stacked bars), as an SVG tree with a text alternative. The page shows the same numbers
//! in a table beside it.
//!
//! The holders are told apart by colour and by pattern (solid, hatched, dotted), never by a
//! shade alone; the jobcenter and the kommune share one lane, as each regime has only one of the
//! two. Numbers are written the language's way (10.000 / 10,000), the weeks with their dates
//! and, where it changes, the year. No bar reaches below the axis: a small count is drawn at
//! least a little tall, upwards.

use super::Week;
use crate::contract::lang::Lang;
use crate::present::tree::Node;
use crate::vocabulary::holder::Holder;
use chrono::Datelike;

const WIDTH: f64 = 760.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 12.0;
const PLOT: f64 = 200.0;
/// Week labels (three lines) and the legend.
const BOTTOM: f64 = 72.0;
/// The least height a count above zero is drawn with.
const MIN_BAR: f64 = 2.0;

/// A whole number with the language's thousands separator.
pub fn number(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(lang.pick('.', ','));
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A lane of the chart: its holders, name, colour and pattern.
struct Lane {
    key: &'static str,
    name: String,
    colour: &'static str,
    count: fn(&Week) -> u32,
}

fn lanes(weeks: &[Week], lang: Lang) -> [Lane; 3] {
    let any = |f: fn(&Week) -> u32| weeks.iter().any(|w| f(w) > 0);
    let office = match (any(|w| w.jobcenter), any(|w| w.kommune)) {
        (true, false) => lang.pick("jobcentret", "the jobcentre"),
        (false, true) => lang.pick("kommunen", "the municipality"),
        _ => lang.pick("jobcentret/kommunen", "the jobcentre/municipality"),
    };
    [
        Lane {
            key: Holder::Akasse.as_str(),
            name: lang.pick("a-kassen", "the a-kasse").into(),
            colour: "#1b75b0",
            count: |w| w.akasse,
        },
        Lane {
            key: "jobcenter-kommune",
            name: office.into(),
            colour: "#a34700",
            count: |w| w.jobcenter + w.kommune,
        },
        Lane {
            key: Holder::Joint.as_str(),
            name: lang.pick("fælles", "joint").into(),
            colour: "#6b46a6",
            count: |w| w.joint,
        },
    ]
}

/// The fill of lane `i`: solid, hatched or dotted (patterns defined once in the chart).
fn fill(id: &str, i: usize, colour: &str) -> String {
    if i == 0 {
        colour.to_string()
    } else {
        format!("url(#{id}-pattern-{i})")
    }
}

fn patterns(id: &str, lanes: &[Lane; 3]) -> Node {
    let mut defs = Node::new("defs");
    for (i, lane) in lanes.iter().enumerate().skip(1) {
        let mark = if i == 1 {
            // Hatched: white diagonal stripes.
            Node::new("path")
                .attr("d", "M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2")
                .attr("stroke", "#ffffff")
                .attr("stroke-width", 1.6)
        } else {
            // Dotted.
            Node::new("circle")
                .attr("cx", 3)
                .attr("cy", 3)
                .attr("r", 1.3)
                .attr("fill", "#ffffff")
        };
        defs = defs.child(
            Node::new("pattern")
                .attr("id", format!("{id}-pattern-{i}"))
                .attr("width", 6)
                .attr("height", 6)
                .attr("patternUnits", "userSpaceOnUse")
                .child(
                    Node::new("rect")
                        .attr("width", 6)
                        .attr("height", 6)
                        .attr("fill", lane.colour),
                )
                .child(mark),
        );
    }
    defs
}

/// A coordinate with at most one decimal.
fn px(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// The chart of a summary's workload; `id` makes its ids unique on the page.
pub fn workload(weeks: &[Week], lang: Lang, id: &str) -> Node {
    let lanes = lanes(weeks, lang);
    let max = weeks.iter().map(|w| i64::from(w.total)).max().unwrap_or(0).max(1);
    // A round top for the axis: 1, 2, 5 × 10^n.
    let mut top: i64 = 1;
    while top < max {
        top = match top.to_string().as_bytes()[0] {
            b'1' => top * 2,
            b'2' => top * 5 / 2,
            _ => top * 2,
        };
    }
    let n = weeks.len().max(1) as f64;
    let slot = (WIDTH - LEFT - RIGHT) / n;
    let height = TOP + PLOT + BOTTOM;
    let y = |v: f64| TOP + PLOT - v * PLOT / top as f64;
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let week_words = |w: &Week| {
        let iso = w.from.iso_week();
        format!(
            "{} {} ({}.{}.–{}.{}.{})",
            lang.pick("uge", "week"),
            iso.week(),
            w.from.day(),
            w.from.month(),
            w.to.day(),
            w.to.month(),
            w.to.year()
        )
    };
    let mut desc: Vec<String> = weeks
        .iter()
        .filter(|w| w.total > 0)
        .map(|w| {
            let parts: Vec<String> = lanes
                .iter()
                .filter(|l| (l.count)(w) > 0)
                .map(|l| format!("{} {}", l.name, number((l.count)(w).into(), lang)))
                .collect();
            format!("{}: {}.", week_words(w), parts.join(", "))
        })
        .collect();
    if desc.is_empty() {
        desc.push(
            lang.pick(
                "Ingen samtaler de næste 26 uger.",
                "No interviews in the next 26 weeks.",
            )
            .into(),
        );
    }
    let mut svg = Node::new("svg")
        .attr("viewBox", format!("0 0 {} {}", px(WIDTH), px(height)))
        .attr("class", "caseload-chart")
        .attr("role", "img")
        .attr("aria-labelledby", format!("{title_id} {desc_id}"))
        .attr("font-size", 11)
        .child(Node::new("title").attr("id", &title_id).text(lang.pick(
            "Samtaler der senest skal holdes i hver af de næste 26 uger, fordelt på hvem der holder dem",
            "Interviews due by each of the next 26 weeks, by who holds them",
        )))
        .child(Node::new("desc").attr("id", &desc_id).text(desc.join(" ")))
        .child(patterns(id, &lanes));
    // The axis: 0, half and top.
    for v in [0, top / 2, top] {
        let at = px(y(v as f64));
        svg = svg
            .child(
                Node::new("line")
                    .attr("x1", px(LEFT))
                    .attr("x2", px(WIDTH - RIGHT))
                    .attr("y1", &at)
                    .attr("y2", &at)
                    .attr("stroke", "#bfbfbf"),
            )
            .child(
                Node::new("text")
                    .attr("x", px(LEFT - 4.0))
                    .attr("y", px(y(v as f64) + 4.0))
                    .attr("text-anchor", "end")
                    .text(number(v, lang)),
            );
    }
    let mut year = None;
    for (i, w) in weeks.iter().enumerate() {
        let x = LEFT + i as f64 * slot + 1.5;
        let mut bar = Node::new("g")
            .attr("class", "caseload-week")
            .attr("data-week", &w.week)
            .attr("data-total", w.total);
        // From the axis up: each part at least MIN_BAR tall, so none is lost and none reaches
        // below the axis.
        let mut bottom = y(0.0);
        let mut counted = 0.0;
        for (k, lane) in lanes.iter().enumerate() {
            let c = (lane.count)(w);
            if c == 0 {
                continue;
            }
            counted += f64::from(c);
            let top_y = y(counted).min(bottom - MIN_BAR);
            bar = bar.child(
                Node::new("rect")
                    .attr("x", px(x))
                    .attr("y", px(top_y))
                    .attr("width", px((slot - 3.0).max(1.0)))
                    .attr("height", px(bottom - top_y))
                    .attr("fill", fill(id, k, lane.colour))
                    .attr("stroke", "#ffffff")
                    .attr("stroke-width", 0.5)
                    .attr("data-holder", lane.key)
                    .child(Node::new("title").text(format!(
                        "{}: {} {}",
                        week_words(w),
                        lane.name,
                        number(c.into(), lang)
                    ))),
            );
            bottom = top_y;
        }
        svg = svg.child(bar);
        if i % 2 == 0 {
            let label = |line: f64, text: String| {
                Node::new("text")
                    .attr("x", px(x))
                    .attr("y", px(TOP + PLOT + 13.0 * line))
                    .attr("class", "caseload-week-label")
                    .text(text)
            };
            let iso = w.from.iso_week();
            svg = svg
                .child(label(1.0, format!("{}{}", lang.pick("u", "w"), iso.week())))
                .child(label(2.0, format!("{}.{}.", w.from.day(), w.from.month())));
            if year != Some(w.from.year()) {
                year = Some(w.from.year());
                svg = svg.child(label(3.0, w.from.year().to_string()));
            }
        }
    }
    // The legend, for the lanes that have samtaler.
    let mut x = LEFT;
    for (k, lane) in lanes.iter().enumerate() {
        if !weeks.iter().any(|w| (lane.count)(w) > 0) {
            continue;
        }
        svg = svg
            .child(
                Node::new("rect")
                    .attr("x", px(x))
                    .attr("y", px(height - 18.0))
                    .attr("width", 12)
                    .attr("height", 12)
                    .attr("fill", fill(id, k, lane.colour))
                    .attr("data-legend", lane.key),
            )
            .child(
                Node::new("text")
                    .attr("x", px(x + 16.0))
                    .attr("y", px(height - 8.0))
                    .text(lane.name.clone()),
            );
        x += 24.0 + 7.0 * lane.name.chars().count() as f64;
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::dates::ymd;

    fn week(i: u64, akasse: u32, jobcenter: u32, kommune: u32, joint: u32) -> Week {
        let from = ymd(2024, 12, 23) + chrono::Days::new(7 * i);
        Week {
            week: format!("W{i}"),
            from,
            to: from + chrono::Days::new(6),
            akasse,
            jobcenter,
            kommune,
            joint,
            total: akasse + jobcenter + kommune + joint,
        }
    }

    fn find<'a>(node: &'a Node, name: &str, out: &mut Vec<&'a Node>) {
        if node.name == name {
            out.push(node);
        }
        for c in &node.children {
            if let crate::present::tree::Child::Node(n) = c {
                find(n, name, out);
            }
        }
    }

    fn attr<'a>(node: &'a Node, name: &str) -> &'a str {
        node.attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    #[test]
    fn bars_stay_above_the_axis_and_lanes_differ_by_more_than_colour() {
        let weeks = [week(0, 12000, 1, 0, 1), week(1, 0, 0, 3, 0), week(2, 0, 0, 0, 0)];
        let svg = workload(&weeks, Lang::Da, "c");
        let mut rects = Vec::new();
        find(&svg, "rect", &mut rects);
        let axis = TOP + PLOT;
        for r in rects.iter().filter(|r| !attr(r, "data-holder").is_empty()) {
            let y: f64 = attr(r, "y").parse().expect("y");
            let h: f64 = attr(r, "height").parse().expect("height");
            assert!(h >= MIN_BAR - 0.05 && y + h <= axis + 0.05, "{y} + {h}");
        }
        // Jobcenter and kommune are one lane, named for both here; its fill is a pattern.
        let legend: Vec<String> = rects
            .iter()
            .filter(|r| !attr(r, "data-legend").is_empty())
            .map(|r| attr(r, "fill").to_string())
            .collect();
        assert_eq!(legend, ["#1b75b0", "url(#c-pattern-1)", "url(#c-pattern-2)"]);
        let text = svg.text_content();
        assert!(text.contains("jobcentret/kommunen"), "{text}");
        assert!(text.contains("12.000"), "Danish thousands: {text}");
        assert!(
            text.contains("u52") && text.contains("23.12.") && text.contains("2024"),
            "{text}"
        );
        assert!(text.contains("2025"), "the year where it changes: {text}");
        assert!(number(1_234_567, Lang::En) == "1,234,567" && number(999, Lang::Da) == "999");
    }
}
