//! The workload chart: for each of the next 26 weeks, the samtaler each holder must hold by that
//! week (stacked bars), as an SVG tree with a text alternative. The page shows the same numbers
//! in a table beside it.

use super::Week;
use crate::contract::lang::Lang;
use crate::present::timeline::colour;
use crate::present::tree::Node;
use crate::rules::dates::short;
use crate::rules::regimes::Holder;

const WIDTH: i64 = 760;
const LEFT: i64 = 44;
const RIGHT: i64 = 8;
const TOP: i64 = 28;
const PLOT: i64 = 200;
const BOTTOM: i64 = 40;

/// The chart of a summary's workload; `id` makes its `<title>`/`<desc>` ids unique on the page.
pub fn workload(weeks: &[Week], lang: Lang, id: &str) -> Node {
    let max = weeks.iter().map(|w| i64::from(w.total)).max().unwrap_or(0).max(1);
    // A round top for the axis: 1, 2, 5 × 10^n.
    let mut top = 1;
    while top < max {
        top = match top.to_string().as_bytes()[0] {
            b'1' => top * 2,
            b'2' => top * 5 / 2,
            _ => top * 2,
        };
    }
    let n = weeks.len().max(1) as i64;
    let slot = (WIDTH - LEFT - RIGHT) / n;
    let height = TOP + PLOT + BOTTOM;
    let y = |v: i64| TOP + PLOT - v * PLOT / top;
    let lanes = [
        (Holder::Akasse, lang.pick("a-kassen", "the a-kasse")),
        (Holder::Jobcenter, lang.pick("jobcentret", "the jobcentre")),
        (Holder::Kommune, lang.pick("kommunen", "the municipality")),
        (Holder::Joint, lang.pick("fælles", "joint")),
    ];
    let count = |w: &Week, h: Holder| match h {
        Holder::Akasse => w.akasse,
        Holder::Jobcenter => w.jobcenter,
        Holder::Kommune => w.kommune,
        Holder::Joint => w.joint,
    };
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let mut desc: Vec<String> = weeks
        .iter()
        .filter(|w| w.total > 0)
        .map(|w| {
            let parts: Vec<String> = lanes
                .iter()
                .filter(|(h, _)| count(w, *h) > 0)
                .map(|(h, name)| format!("{name} {}", count(w, *h)))
                .collect();
            format!("{} ({}): {}.", w.week, short(w.from, lang), parts.join(", "))
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
        .attr("viewBox", format!("0 0 {WIDTH} {height}"))
        .attr("class", "caseload-chart")
        .attr("role", "img")
        .attr("aria-labelledby", format!("{title_id} {desc_id}"))
        .attr("font-size", 11)
        .child(Node::new("title").attr("id", &title_id).text(lang.pick(
            "Samtaler der senest skal holdes i hver af de næste 26 uger, fordelt på hvem der holder dem",
            "Interviews due by each of the next 26 weeks, by who holds them",
        )))
        .child(Node::new("desc").attr("id", &desc_id).text(desc.join(" ")));
    // The axis: 0, half and top.
    for v in [0, top / 2, top] {
        svg = svg
            .child(
                Node::new("line")
                    .attr("x1", LEFT)
                    .attr("x2", WIDTH - RIGHT)
                    .attr("y1", y(v))
                    .attr("y2", y(v))
                    .attr("stroke", "#bfbfbf"),
            )
            .child(
                Node::new("text")
                    .attr("x", LEFT - 4)
                    .attr("y", y(v) + 4)
                    .attr("text-anchor", "end")
                    .text(v.to_string()),
            );
    }
    for (i, w) in weeks.iter().enumerate() {
        let x = LEFT + i as i64 * slot + 2;
        let mut base = 0;
        let mut bar = Node::new("g")
            .attr("class", "caseload-week")
            .attr("data-week", &w.week)
            .attr("data-total", w.total);
        for (h, name) in lanes {
            let c = i64::from(count(w, h));
            if c == 0 {
                continue;
            }
            bar = bar.child(
                Node::new("rect")
                    .attr("x", x)
                    .attr("y", y(base + c))
                    .attr("width", (slot - 4).max(1))
                    .attr("height", (y(base) - y(base + c)).max(1))
                    .attr("fill", colour(h))
                    .attr("data-holder", h.as_str())
                    .child(Node::new("title").text(format!("{} {name}: {c}", w.week))),
            );
            base += c;
        }
        svg = svg.child(bar);
        if i % 2 == 0 {
            let label = w.week.rsplit_once('W').map_or(w.week.clone(), |(_, n)| format!("u{n}"));
            svg = svg.child(Node::new("text").attr("x", x).attr("y", TOP + PLOT + 14).text(label));
        }
    }
    // The legend, for the holders that have samtaler.
    let mut x = LEFT;
    for (h, name) in lanes
        .into_iter()
        .filter(|(h, _)| weeks.iter().any(|w| count(w, *h) > 0))
    {
        svg = svg
            .child(
                Node::new("rect")
                    .attr("x", x)
                    .attr("y", height - 16)
                    .attr("width", 10)
                    .attr("height", 10)
                    .attr("fill", colour(h)),
            )
            .child(Node::new("text").attr("x", x + 14).attr("y", height - 7).text(name));
        x += 120;
    }
    svg
}
