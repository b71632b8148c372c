//! The timeline picture of a plan: one lane per holder, each samtale's window as a bar, pauses
//! and frozen periods shaded, the hand-over and today as lines. Built as a [`tree::Node`], with a
//! text alternative (`<title>` and `<desc>`) that says everything the picture shows.
//!
//! Positions are whole numbers: x = left + days × width ÷ span, in integer arithmetic.
//!
//! The colours and words it shares with the legend are in `palette`; the text alternative is
//! written in `timeline_text`.

use crate::contract::response::{Response, Status};
pub use crate::present::palette::{Shade, colour, hatch, lane_label};
use crate::present::timeline_text::description;
use crate::present::tree::Node;
use crate::rules::ledighed::{FROZEN, sickness_split};
use crate::vocabulary::dates::short;
use crate::vocabulary::holder::Holder;
use crate::vocabulary::period::Effect;
use chrono::{Datelike, NaiveDate};

/// The wide picture: 760 units across, for a box of 700 px or more (11-unit text stays ≥ 10 px).
const WIDTH: i64 = 760;
const LEFT: i64 = 120;
/// Above the lanes: a row of years, a row of months, a row for pause labels.
const TOP: i64 = 58;
const ROW: i64 = 22;
const LANE_HEAD: i64 = 20;
const BAR: i64 = 14;
/// One row of labels for the vertical lines, below the lanes.
const MARK_ROW: i64 = 16;

/// How the picture is laid out: the wide one (lane names at the left of their bars) or the narrow
/// one drawn for a phone (343 units, the width of a 375 px screen's column, so one unit is about
/// one pixel: lane names above their bars, 12-unit text, labels that would touch left out or put
/// on a row of their own, never shrunk).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub width: i64,
    left: i64,
    right: i64,
    font: i64,
    /// Units a character takes, generously (IBM Plex Sans is about 0.55 em).
    char_width: i64,
    /// The lane's name above its bars (narrow) or in the left column (wide).
    names_above: bool,
}

impl Layout {
    pub const WIDE: Layout = Layout {
        width: WIDTH,
        left: LEFT,
        right: 12,
        font: 11,
        char_width: 6,
        names_above: false,
    };
    pub const NARROW: Layout = Layout {
        width: 343,
        left: 40,
        right: 8,
        font: 12,
        char_width: 7,
        names_above: true,
    };

    /// The width of a label, in units (an estimate on the generous side).
    fn text_width(&self, text: &str) -> i64 {
        self.char_width * text.chars().count() as i64
    }
}

const MONTHS_DA: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The x position of a day, clamped to the plot.
struct Scale {
    from: NaiveDate,
    days: i64,
    left: i64,
    right: i64,
}

impl Scale {
    fn x(&self, d: NaiveDate) -> i64 {
        let offset = (d - self.from).num_days().clamp(0, self.days);
        self.left + offset * (self.right - self.left) / self.days
    }

    /// The x just after the end of a day (so a one-day window has a width).
    fn x_end(&self, d: NaiveDate) -> i64 {
        d.succ_opt().map_or(self.right, |next| self.x(next))
    }
}

/// The first and last day the timeline shows.
pub fn span(plan: &Response) -> (NaiveDate, NaiveDate) {
    let to = plan
        .samtaler
        .iter()
        .map(|s| s.latest)
        .chain(plan.milestones.l16m)
        .max()
        .unwrap_or(plan.start);
    (plan.start, to)
}

/// The vertical lines: the hand-over, the end of six months, and today (when it is in view), as
/// (day, label, colour, dash).
pub fn marks(plan: &Response) -> Vec<(NaiveDate, &'static str, &'static str, &'static str)> {
    let lang = plan.lang;
    let (from, to) = span(plan);
    let mut lines = Vec::new();
    if let Some(h) = plan.milestones.handover {
        lines.push((h, lang.pick("Overgang", "Hand-over"), "#1a1a1a", "4 3"));
    }
    if let Some(l6m) = plan.milestones.l6m {
        lines.push((l6m, lang.pick("6 mdr.", "6 months"), "#707070", "2 3"));
    }
    if let Some(today) = plan.today.filter(|t| (from..=to).contains(t)) {
        lines.push((today, lang.pick("I dag", "Today"), "#cc0000", ""));
    }
    lines
}

/// The shaded periods in view: part-time work first (lightest: only some hours count), then pauses
/// and the COVID freeze (nothing counts), drawn over them where they overlap. A sickness is a
/// pause from its 15th day (all of it with part-time work on its first day); a period without an
/// end runs to the timeline's end.
pub fn shades(plan: &Response) -> Vec<(NaiveDate, NaiveDate, Shade)> {
    let (from, to) = span(plan);
    let periods = plan.periods();
    let part_time = periods.iter().filter_map(|(p, e)| match e {
        Effect::PartTime(_) => Some((p.from, p.to, Shade::PartTime)),
        Effect::Pause | Effect::Sickness => None,
    });
    let paused = periods.iter().filter_map(|(p, e)| match e {
        Effect::Pause => Some((p.from, p.to, Shade::Pause)),
        Effect::Sickness => sickness_split(*p, &periods)
            .paused
            .map(|q| (q.from, q.to, Shade::Pause)),
        Effect::PartTime(_) => None,
    });
    part_time
        .chain(paused)
        .chain(FROZEN.iter().map(|f| (f.from, f.to, Shade::Frozen)))
        .filter(|(a, b, _)| *b >= from && *a <= to)
        .collect()
}

/// The wide timeline of a plan. `id` makes the ids of `<title>` and `<desc>` unique on the page.
pub fn timeline(plan: &Response, id: &str) -> Node {
    draw(plan, id, &Layout::WIDE)
}

/// The timeline of a plan drawn in `layout`.
pub fn draw(plan: &Response, id: &str, layout: &Layout) -> Node {
    let lang = plan.lang;
    let (from, to) = span(plan);
    let width = layout.width;
    let scale = Scale {
        from,
        days: (to - from).num_days().max(1) + 1,
        left: layout.left,
        right: width - layout.right,
    };
    // A label is kept only where it does not run into the one before it on its row.
    let fits = |x: i64, end: &mut i64, text: &str| {
        if x < *end || x + layout.text_width(text) > width {
            return false;
        }
        *end = x + layout.text_width(text) + layout.char_width;
        true
    };

    // Lanes in order of first appearance, each with its samtaler.
    let mut lanes: Vec<(Holder, Vec<usize>)> = Vec::new();
    for (i, s) in plan.samtaler.iter().enumerate() {
        match lanes.iter_mut().find(|(h, _)| *h == s.holder) {
            Some((_, rows)) => rows.push(i),
            None => lanes.push((s.holder, vec![i])),
        }
    }
    let bottom = TOP
        + lanes
            .iter()
            .map(|(_, rows)| LANE_HEAD + ROW * rows.len() as i64)
            .sum::<i64>()
        + 4;

    // The labels of the vertical lines: each on the first row where it touches no other.
    let mut rows_end: Vec<i64> = Vec::new();
    let mut mark_labels = Vec::new();
    for (day, label, _, _) in marks(plan) {
        let x = scale.x(day);
        // Right of the line, or left of it where the right edge is too near.
        let x = if x + 3 + layout.text_width(label) > width {
            x - 3 - layout.text_width(label)
        } else {
            x + 3
        };
        let row = rows_end.iter().position(|end| x >= *end).unwrap_or_else(|| {
            rows_end.push(0);
            rows_end.len() - 1
        });
        rows_end[row] = x + layout.text_width(label) + layout.char_width;
        mark_labels.push((x, row as i64));
    }
    let height = bottom + 6 + MARK_ROW * rows_end.len().max(1) as i64;

    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let mut svg = Node::new("svg")
        .attr("viewBox", format!("0 0 {width} {height}"))
        .attr(
            "class",
            if layout.names_above {
                "samtaleplan-timeline samtaleplan-timeline-narrow"
            } else {
                "samtaleplan-timeline samtaleplan-timeline-wide"
            },
        )
        .attr(
            "part",
            if layout.names_above {
                "timeline timeline-narrow"
            } else {
                "timeline"
            },
        )
        .attr("role", "img")
        .attr("aria-labelledby", format!("{title_id} {desc_id}"))
        .attr("font-size", layout.font)
        .child(Node::new("title").attr("id", &title_id).text(lang.pick(
            format!(
                "Tidslinje over samtalerne fra {} til {}",
                short(from, lang),
                short(to, lang)
            ),
            format!(
                "Timeline of the interviews from {} to {}",
                short(from, lang),
                short(to, lang)
            ),
        )))
        .child(Node::new("desc").attr("id", &desc_id).text(description(plan, lang)))
        .child(hatch(&format!("{id}-hatch")));

    let mut label_end = 0;
    for (a, b, shade) in shades(plan) {
        let (x0, x1) = (scale.x(a.max(from)), scale.x_end(b.min(to)));
        let fill = match shade {
            Shade::Frozen => format!("url(#{id}-hatch)"),
            _ => shade.fill().to_string(),
        };
        let mut rect = Node::new("rect")
            .attr("x", x0)
            .attr("y", TOP - 6)
            .attr("width", (x1 - x0).max(1))
            .attr("height", bottom - TOP + 6)
            .attr("fill", fill);
        if shade == Shade::PartTime {
            // Lighter than a pause, and outlined so it is told apart without relying on the shade.
            rect = rect
                .attr("stroke", "#8a8a8a")
                .attr("stroke-width", 1)
                .attr("stroke-dasharray", "3 2");
        }
        let mut group = Node::new("g").attr("class", shade.class()).child(rect);
        let label = shade.label(lang);
        if fits(x0 + 2, &mut label_end, label) {
            group = group.child(
                Node::new("text")
                    .attr("x", x0 + 2)
                    .attr("y", TOP - 10)
                    .attr("fill", "#454545")
                    .text(label),
            );
        }
        svg = svg.child(group);
    }

    // Month ticks along the top, and above them the year: at every January, so each change of
    // year is labelled, and the first year at the start. The years at the Januaries come first;
    // the first year stands at the plot's left edge, or, where it would run into the next year's
    // label, ends before it, out in the left margin (nothing else is on that row).
    let months: Vec<NaiveDate> = std::iter::successors(
        Some(NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from)),
        |m| Some(next_month(*m)).filter(|n| n > m),
    )
    .take_while(|m| *m <= to)
    .filter(|m| *m > from)
    .collect();
    let year = |x: i64, y: i32| {
        Node::new("text")
            .attr("x", x)
            .attr("y", TOP - 42)
            .attr("font-weight", 600)
            .attr("class", "samtaleplan-timeline-year")
            .text(y.to_string())
    };
    let first_year = from.year().to_string();
    let first_width = layout.text_width(&first_year) + layout.char_width;
    let first_x = match months.iter().find(|m| m.month() == 1) {
        Some(&january) if layout.left + first_width > scale.x(january) + 2 => {
            Some(scale.x(january) + 2 - first_width).filter(|x| *x >= 0)
        }
        _ => Some(layout.left),
    };
    let mut axis = Node::new("g")
        .attr("class", "samtaleplan-timeline-axis")
        .attr("fill", "#1a1a1a");
    if let Some(x) = first_x {
        axis = axis.child(year(x, from.year()));
    }
    let (mut year_end, mut month_end) = (first_x.map_or(0, |x| x + first_width), 0);
    let mut year_shown = first_x.is_some();
    for month in months {
        let x = scale.x(month);
        let tick = Node::new("line")
            .attr("x1", x)
            .attr("x2", x)
            .attr("y1", TOP - 38)
            .attr("y2", bottom);
        axis = axis.child(tick.attr("stroke", "#bfbfbf").attr("stroke-width", 1));
        if month.month() == 1 {
            // Right of its tick, or, near the picture's right edge, moved left as far as the tick.
            let label = month.year().to_string();
            let at = (x + 2).min(width - layout.text_width(&label));
            year_shown = at >= x && fits(at, &mut year_end, &label);
            if year_shown {
                axis = axis.child(year(at, month.year()));
            }
        }
        // A month is named only under its own year: never a month read as the year before's.
        let name = lang.pick(MONTHS_DA, MONTHS_EN)[month.month0() as usize];
        if year_shown && fits(x + 2, &mut month_end, name) {
            axis = axis.child(Node::new("text").attr("x", x + 2).attr("y", TOP - 26).text(name));
        }
    }
    svg = svg.child(axis);

    // Lanes and bars. The lanes' names are drawn last, over the vertical lines, each on a white
    // halo: a line through "A-kassen" must not hide its hyphen or read as part of a letter.
    let mut names = Vec::new();
    let mut y = TOP;
    for (holder, rows) in &lanes {
        names.push(
            Node::new("text")
                .attr("x", if layout.names_above { layout.left } else { 4 })
                .attr("y", y + 14)
                .attr("font-weight", 600)
                .attr("fill", "#1a1a1a")
                .attr("stroke", "#ffffff")
                .attr("stroke-width", 4)
                .attr("stroke-linejoin", "round")
                .attr("paint-order", "stroke")
                .attr("class", "samtaleplan-timeline-lane")
                .text(lane_label(*holder, lang)),
        );
        y += LANE_HEAD;
        for &i in rows {
            let s = &plan.samtaler[i];
            let (x0, x1) = (scale.x(s.earliest), scale.x_end(s.latest));
            let past = s.status == Some(Status::Past);
            let mut bar = Node::new("rect")
                .attr("x", x0)
                .attr("y", y + (ROW - BAR) / 2)
                .attr("width", (x1 - x0).max(2))
                .attr("height", BAR)
                .attr("rx", 3)
                .attr("fill", if past { "#ffffff" } else { colour(s.holder) })
                .attr("stroke", colour(s.holder))
                .attr("stroke-width", 2);
            if s.status == Some(Status::Open) {
                bar = bar.attr("stroke", "#1a1a1a");
            }
            // data-holder and data-status let a host's theme recolour the bar (samtaleplan.css).
            let mut group = Node::new("g")
                .attr("class", "samtaleplan-timeline-bar")
                .attr("data-id", s.id)
                .attr("data-holder", s.holder.as_str());
            if let Some(status) = s.status {
                group = group.attr("data-status", status.as_str());
            }
            svg = svg.child(
                group
                    .child(
                        Node::new("text")
                            .attr("x", if layout.names_above { 4 } else { 16 })
                            .attr("y", y + 15)
                            .attr("fill", "#1a1a1a")
                            .text(s.id),
                    )
                    .child(bar.child(Node::new("title").text(format!(
                        "{} {}: {}–{}",
                        s.id,
                        s.title,
                        short(s.earliest, lang),
                        short(s.latest, lang)
                    )))),
            );
            y += ROW;
        }
    }

    // The hand-over, the end of six months, and today, as vertical lines, their labels below.
    for ((day, label, colour, dash), (label_x, row)) in marks(plan).into_iter().zip(mark_labels) {
        let x = scale.x(day);
        let mut line = Node::new("line")
            .attr("x1", x)
            .attr("x2", x)
            .attr("y1", TOP - 6)
            .attr("y2", bottom + 4 + MARK_ROW * row)
            .attr("stroke", colour)
            .attr("stroke-width", 2);
        if !dash.is_empty() {
            line = line.attr("stroke-dasharray", dash);
        }
        svg = svg.child(
            Node::new("g")
                .attr("class", "samtaleplan-timeline-mark")
                .child(line)
                .child(
                    Node::new("text")
                        .attr("x", label_x)
                        .attr("y", bottom + 16 + MARK_ROW * row)
                        .attr("fill", colour)
                        .text(label),
                ),
        );
    }
    for name in names {
        svg = svg.child(name);
    }
    svg
}

fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
#[path = "timeline_tests.rs"]
mod tests;
