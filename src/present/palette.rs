//! How the timeline and its legend look and name things: each holder's colour and lane words,
//! the shaded periods' fills, classes and words, the freeze's hatching: one place for both
//! pictures. samtaleplan.css lets a host page recolour the holders through custom properties whose
//! defaults are these colours (a test holds them to it).

use crate::contract::lang::Lang;
use crate::present::tree::Node;
use crate::vocabulary::holder::Holder;

/// The fill colour of a holder's bars (each at least 3:1 against white, WCAG 1.4.11).
pub fn colour(holder: Holder) -> &'static str {
    match holder {
        Holder::Akasse => "#1b75b0",
        Holder::Jobcenter => "#44831e",
        Holder::Kommune => "#0f6b5c",
        Holder::Joint => "#6b46a6",
    }
}

pub fn lane_label(holder: Holder, lang: Lang) -> &'static str {
    match holder {
        Holder::Akasse => lang.pick("A-kassen", "The a-kasse"),
        Holder::Jobcenter => lang.pick("Jobcentret", "The jobcentre"),
        Holder::Kommune => lang.pick("Kommunen", "The municipality"),
        Holder::Joint => lang.pick("Jobcentret og a-kassen sammen", "Jobcentre and a-kasse together"),
    }
}

/// The diagonal hatching that marks the COVID freeze apart from a pause (more than a colour).
pub fn hatch(id: &str) -> Node {
    Node::new("defs").child(
        Node::new("pattern")
            .attr("id", id)
            .attr("width", 6)
            .attr("height", 6)
            .attr("patternUnits", "userSpaceOnUse")
            .attr("patternTransform", "rotate(45)")
            .child(
                Node::new("rect")
                    .attr("width", 6)
                    .attr("height", 6)
                    .attr("fill", "#ececec"),
            )
            .child(
                Node::new("line")
                    .attr("x1", 0)
                    .attr("x2", 0)
                    .attr("y1", 0)
                    .attr("y2", 6)
                    .attr("stroke", "#9a9a9a")
                    .attr("stroke-width", 2),
            ),
    )
}

/// How a shaded period looks: what counts in it decides how dark it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    /// Part-time work: some hours count.
    PartTime,
    /// A pause: nothing counts.
    Pause,
    /// The COVID freeze: nothing counts.
    Frozen,
}

impl Shade {
    pub fn fill(self) -> &'static str {
        match self {
            Shade::PartTime => "#f0f0f0",
            Shade::Pause | Shade::Frozen => "#dcdcdc",
        }
    }

    pub(super) fn class(self) -> &'static str {
        match self {
            Shade::PartTime => "samtaleplan-timeline-parttime",
            Shade::Pause => "samtaleplan-timeline-pause",
            Shade::Frozen => "samtaleplan-timeline-frozen",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Shade::PartTime => lang.pick("Nedsat tid", "Part-time"),
            Shade::Pause => lang.pick("Periode", "Period"),
            Shade::Frozen => lang.pick("COVID-19-frysning", "COVID-19 freeze"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's style sheet lets a host recolour the holders; its defaults are these colours,
    /// so a plan looks the same with the style sheet as without it (an SVG saved on its own).
    #[test]
    fn the_style_sheets_holder_colours_default_to_the_palette() {
        let css = include_str!("../../www/samtaleplan.css");
        for &h in Holder::ALL {
            let default = format!("var(--samtaleplan-color-{}, {})", h.as_str(), colour(h));
            assert!(css.contains(&default), "samtaleplan.css: {default}");
        }
    }
}
