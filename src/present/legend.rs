//! The timeline's legend, as a list under the picture: what each bar colour, outline, shading and
//! line means, in words, each with a small swatch drawn the way the timeline draws it. Only what
//! the picture shows is listed.

use crate::contract::response::{Response, Status};
use crate::present::palette::{Shade, colour, hatch, lane_label};
use crate::present::timeline::{marks, shades};
use crate::present::tree::Node;
use crate::vocabulary::holder::Holder;

/// A 28 × 14 swatch, hidden from assistive technology (the words say it).
fn swatch(shape: Node) -> Node {
    Node::new("svg")
        .attr("class", "samtaleplan-swatch")
        .attr("viewBox", "0 0 28 14")
        .attr("width", 28)
        .attr("height", 14)
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .child(shape)
}

fn bar(fill: &str, stroke: &str) -> Node {
    Node::new("rect")
        .attr("x", 1)
        .attr("y", 1)
        .attr("width", 26)
        .attr("height", 12)
        .attr("rx", 3)
        .attr("fill", fill)
        .attr("stroke", stroke)
        .attr("stroke-width", 2)
}

/// An entry: the swatch and its words, the words in one span (the entry is a flex row, in which
/// each run of text would be an item of its own: a word kept together, "a-kassen", among them).
fn item(swatch_node: Node, text: &str) -> Node {
    Node::new("li")
        .child(swatch(swatch_node))
        .child(Node::new("span").text(text.to_string()))
}

/// The legend of the timeline of `plan`; `id` makes the hatching's id unique on the page.
pub fn legend(plan: &Response, id: &str) -> Node {
    let lang = plan.lang;
    let t = |da: &'static str, en: &'static str| lang.pick(da, en);
    let mut ul = Node::new("ul")
        .attr("class", "samtaleplan-legend")
        .attr("part", "legend")
        .attr("aria-label", t("Forklaring til tidslinjen", "Key to the timeline"));
    let mut holders = Vec::new();
    for s in &plan.samtaler {
        if !holders.contains(&s.holder) {
            holders.push(s.holder);
        }
    }
    let holders_kommune = holders.contains(&Holder::Kommune);
    for h in holders {
        ul.push(
            item(
                bar(colour(h), colour(h)),
                &format!(
                    "{}{}",
                    lane_label(h, lang),
                    t(": tidsrum for samtalen", ": when the interview is due")
                ),
            )
            .attr("data-holder", h.as_str()),
        );
    }
    let any = |status: Status| plan.samtaler.iter().any(|s| s.status == Some(status));
    if any(Status::Open) {
        ul.push(item(
            bar("#767676", "#1a1a1a"),
            t("Sort kant: kan holdes nu", "Black edge: can be held now"),
        ));
    }
    if any(Status::Past) {
        ul.push(item(
            bar("#ffffff", "#1a1a1a"),
            t("Hul bjælke: fristen er udløbet", "Hollow bar: the deadline has passed"),
        ));
    }
    let shaded = shades(plan);
    for shade in [Shade::Pause, Shade::PartTime, Shade::Frozen] {
        if !shaded.iter().any(|(_, _, s)| *s == shade) {
            continue;
        }
        let mut rect = Node::new("rect")
            .attr("x", 1)
            .attr("y", 1)
            .attr("width", 26)
            .attr("height", 12);
        let text = match shade {
            Shade::Pause => t("Gråt felt: periode uden dagpenge", "Grey area: period without dagpenge"),
            Shade::PartTime => t(
                "Lyst felt med stiplet kant: arbejde på nedsat tid",
                "Light area with a dashed edge: part-time work",
            ),
            Shade::Frozen => t(
                "Skraveret felt: COVID-19-frysning (tæller ikke)",
                "Hatched area: the COVID-19 freeze (does not count)",
            ),
        };
        rect = match shade {
            Shade::Frozen => rect.attr("fill", format!("url(#{id}-legend-hatch)")),
            Shade::PartTime => rect
                .attr("fill", shade.fill())
                .attr("stroke", "#8a8a8a")
                .attr("stroke-dasharray", "3 2"),
            Shade::Pause => rect.attr("fill", shade.fill()),
        };
        let shape = if shade == Shade::Frozen {
            Node::new("g").child(hatch(&format!("{id}-legend-hatch"))).child(rect)
        } else {
            rect
        };
        ul.push(item(shape, text));
    }
    for (_, label, line_colour, dash) in marks(plan) {
        let mut line = Node::new("line")
            .attr("x1", 14)
            .attr("x2", 14)
            .attr("y1", 0)
            .attr("y2", 14)
            .attr("stroke", line_colour)
            .attr("stroke-width", 2);
        if !dash.is_empty() {
            line = line.attr("stroke-dasharray", dash);
        }
        let text = match label {
            "I dag" | "Today" => t("Rød streg: i dag", "Red line: today"),
            "6 mdr." | "6 months" => t(
                "Grå prikket streg: 6 måneders ledighed",
                "Grey dotted line: six months of unemployment",
            ),
            // Under R2026 the a-kasse hands over to kommunen (RULES.md § 1 and the R2026 table).
            _ if holders_kommune => t(
                "Sort stiplet streg: overgang til kommunen",
                "Black dashed line: hand-over to the municipality",
            ),
            _ => t(
                "Sort stiplet streg: overgang til jobcentret",
                "Black dashed line: hand-over to the jobcentre",
            ),
        };
        ul.push(item(line, text));
    }
    ul
}
