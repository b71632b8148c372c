//! The timeline picture of a plan: one lane per holder, each samtale's window as a bar, pauses
//! and frozen periods shaded, the hand-over and today as lines. Built as a [`tree::Node`], with a
//! text alternative (`<title>` and `<desc>`) that says everything the picture shows.
//!
//! Positions are whole numbers: x = left + days × width ÷ span, in integer arithmetic.

use crate::contract::lang::Lang;
use crate::contract::response::{Response, Status};
use crate::present::tree::Node;
use crate::rules::dates::short;
use crate::rules::ledighed::FROZEN;
use crate::rules::regimes::Holder;
use chrono::{Datelike, NaiveDate};

const WIDTH: i64 = 760;
const LEFT: i64 = 120;
const RIGHT: i64 = 12;
/// Above the lanes: a row of years, a row of months, a row for pause labels.
const TOP: i64 = 52;
/// Below the lanes: the labels of the vertical lines.
const FOOT: i64 = 22;
const ROW: i64 = 22;
const LANE_HEAD: i64 = 20;
const BAR: i64 = 14;

/// The fill colour of a holder's bars (each at least 3:1 against white, WCAG 1.4.11).
pub fn colour(holder: Holder) -> &'static str {
    match holder {
        Holder::Akasse => "#1b75b0",
        Holder::Jobcenter => "#44831e",
        Holder::Kommune => "#0f6b5c",
        Holder::Joint => "#6b46a6",
    }
}

fn lane_label(holder: Holder, lang: Lang) -> &'static str {
    match holder {
        Holder::Akasse => lang.pick("A-kassen", "The a-kasse"),
        Holder::Jobcenter => lang.pick("Jobcentret", "The jobcentre"),
        Holder::Kommune => lang.pick("Kommunen", "The municipality"),
        Holder::Joint => lang.pick("Jobcentret og a-kassen sammen", "Jobcentre and a-kasse together"),
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
}

impl Scale {
    fn x(&self, d: NaiveDate) -> i64 {
        let offset = (d - self.from).num_days().clamp(0, self.days);
        LEFT + offset * (WIDTH - LEFT - RIGHT) / self.days
    }

    /// The x just after the end of a day (so a one-day window has a width).
    fn x_end(&self, d: NaiveDate) -> i64 {
        d.succ_opt().map_or(WIDTH - RIGHT, |next| self.x(next))
    }
}

/// The timeline of a plan. `id` makes the ids of `<title>` and `<desc>` unique on the page.
pub fn timeline(plan: &Response, id: &str) -> Node {
    let lang = plan.lang;
    let from = plan.start;
    let to = plan
        .samtaler
        .iter()
        .map(|s| s.latest)
        .chain([plan.milestones.l16m])
        .max()
        .unwrap_or(from);
    let scale = Scale {
        from,
        days: (to - from).num_days().max(1) + 1,
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
    let height = bottom + FOOT;

    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let mut svg = Node::new("svg")
        .attr("viewBox", format!("0 0 {WIDTH} {height}"))
        .attr("class", "samtaleplan-timeline")
        .attr("part", "timeline")
        .attr("role", "img")
        .attr("aria-labelledby", format!("{title_id} {desc_id}"))
        .attr("font-size", 11)
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
        .child(Node::new("desc").attr("id", &desc_id).text(description(plan, lang)));

    // Shaded periods: part-time work lightest (only some hours count), then pauses and the COVID
    // freeze (nothing counts) drawn over them where they overlap.
    let part_time = plan.pauses.iter().filter(|p| p.hours_per_week.is_some());
    let shaded = part_time
        .map(|p| (p.from, p.to, Shade::PartTime))
        .chain(
            plan.pauses
                .iter()
                .filter(|p| p.hours_per_week.is_none())
                .map(|p| (p.from, p.to, Shade::Pause)),
        )
        .chain(FROZEN.iter().map(|f| (f.from, f.to, Shade::Frozen)));
    // A label that would run into the one before it is left out (the text alternative says it).
    let mut label_end = 0;
    for (a, b, shade) in shaded {
        if b < from || a > to {
            continue;
        }
        let (x0, x1) = (scale.x(a.max(from)), scale.x_end(b.min(to)));
        let mut rect = Node::new("rect")
            .attr("x", x0)
            .attr("y", TOP - 6)
            .attr("width", (x1 - x0).max(1))
            .attr("height", bottom - TOP + 6)
            .attr("fill", shade.fill());
        if shade == Shade::PartTime {
            // Lighter than a pause, and outlined so it is told apart without relying on the shade.
            rect = rect
                .attr("stroke", "#8a8a8a")
                .attr("stroke-width", 1)
                .attr("stroke-dasharray", "3 2");
        }
        let mut group = Node::new("g").attr("class", shade.class()).child(rect);
        let label = shade.label(lang);
        if x0 + 2 >= label_end {
            // About 6 units a character at font size 11.
            label_end = x0 + 2 + 6 * label.chars().count() as i64 + 4;
            group = group.child(
                Node::new("text")
                    .attr("x", x0 + 2)
                    .attr("y", TOP - 9)
                    .attr("fill", "#454545")
                    .text(label),
            );
        }
        svg = svg.child(group);
    }

    // Month ticks along the top, with the year above where a year begins (and at the start).
    let mut month = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
    let year = |x: i64, y: i32| {
        Node::new("text")
            .attr("x", x)
            .attr("y", TOP - 38)
            .attr("font-weight", 600)
            .text(y.to_string())
    };
    let mut axis = Node::new("g")
        .attr("class", "samtaleplan-timeline-axis")
        .attr("fill", "#1a1a1a")
        .child(year(LEFT, from.year()));
    while month <= to {
        if month > from {
            let x = scale.x(month);
            let tick = Node::new("line")
                .attr("x1", x)
                .attr("x2", x)
                .attr("y1", TOP - 34)
                .attr("y2", bottom);
            axis = axis.child(tick.attr("stroke", "#bfbfbf").attr("stroke-width", 1));
            if month.month() == 1 {
                axis = axis.child(year(x + 2, month.year()));
            }
            let name = lang.pick(MONTHS_DA, MONTHS_EN)[month.month0() as usize];
            axis = axis.child(Node::new("text").attr("x", x + 2).attr("y", TOP - 22).text(name));
        }
        month = next_month(month);
    }
    svg = svg.child(axis);

    // Lanes and bars.
    let mut y = TOP;
    for (holder, rows) in &lanes {
        svg = svg.child(
            Node::new("text")
                .attr("x", 4)
                .attr("y", y + 14)
                .attr("font-weight", 600)
                .attr("fill", "#1a1a1a")
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
            svg = svg.child(
                Node::new("g")
                    .attr("class", "samtaleplan-timeline-bar")
                    .attr("data-id", s.id)
                    .child(
                        Node::new("text")
                            .attr("x", 16)
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

    // The hand-over, the end of six months, and today, as vertical lines.
    let mut lines: Vec<(NaiveDate, String, &str, &str)> = Vec::new();
    if let Some(h) = plan.milestones.handover {
        lines.push((h, lang.pick("Overgang", "Hand-over").into(), "#1a1a1a", "4 3"));
    }
    lines.push((
        plan.milestones.l6m,
        lang.pick("6 mdr.", "6 months").into(),
        "#707070",
        "2 3",
    ));
    if let Some(today) = plan.today.filter(|t| (from..=to).contains(t)) {
        lines.push((today, lang.pick("I dag", "Today").into(), "#cc0000", ""));
    }
    for (day, label, colour, dash) in lines {
        let x = scale.x(day);
        let mut line = Node::new("line")
            .attr("x1", x)
            .attr("x2", x)
            .attr("y1", TOP - 6)
            .attr("y2", bottom + 4)
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
                        .attr("x", x + 3)
                        .attr("y", bottom + 16)
                        .attr("fill", colour)
                        .text(label),
                ),
        );
    }
    svg
}

/// How a shaded period looks: what counts in it decides how dark it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shade {
    /// Part-time work: some hours count.
    PartTime,
    /// A pause: nothing counts.
    Pause,
    /// The COVID freeze: nothing counts.
    Frozen,
}

impl Shade {
    fn fill(self) -> &'static str {
        match self {
            Shade::PartTime => "#f0f0f0",
            Shade::Pause | Shade::Frozen => "#dcdcdc",
        }
    }

    fn class(self) -> &'static str {
        match self {
            Shade::PartTime => "samtaleplan-timeline-parttime",
            Shade::Pause | Shade::Frozen => "samtaleplan-timeline-pause",
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Shade::PartTime => lang.pick("Nedsat tid", "Part-time"),
            Shade::Pause => "Pause",
            Shade::Frozen => "COVID-19",
        }
    }
}

fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MAX)
}

/// The text alternative: every bar, line and shaded period in words.
fn description(plan: &Response, lang: Lang) -> String {
    let mut parts: Vec<String> = plan
        .samtaler
        .iter()
        .map(|s| {
            lang.pick(
                format!(
                    "{} {}, {}: {} til {}.",
                    s.id,
                    s.title,
                    s.holder_label,
                    short(s.earliest, lang),
                    short(s.latest, lang)
                ),
                format!(
                    "{} {}, {}: {} to {}.",
                    s.id,
                    s.title,
                    s.holder_label,
                    short(s.earliest, lang),
                    short(s.latest, lang)
                ),
            )
        })
        .collect();
    if let Some(h) = plan.milestones.handover {
        parts.push(lang.pick(
            format!("Overgang: {}.", short(h, lang)),
            format!("Hand-over: {}.", short(h, lang)),
        ));
    }
    for p in &plan.pauses {
        parts.push(match p.hours_per_week {
            None => lang.pick(
                format!("Pause: {} til {}.", short(p.from, lang), short(p.to, lang)),
                format!("Pause: {} to {}.", short(p.from, lang), short(p.to, lang)),
            ),
            Some(h) => lang.pick(
                format!(
                    "Arbejde på nedsat tid, {} timer om ugen (lysere felt; kun en del af timerne tæller): {} til {}.",
                    h.0.format(lang),
                    short(p.from, lang),
                    short(p.to, lang)
                ),
                format!(
                    "Part-time work, {} hours a week (lighter area; only some of the hours count): {} to {}.",
                    h.0.format(lang),
                    short(p.from, lang),
                    short(p.to, lang)
                ),
            ),
        });
    }
    if let Some(today) = plan.today {
        parts.push(lang.pick(
            format!("I dag: {}.", short(today, lang)),
            format!("Today: {}.", short(today, lang)),
        ));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(json: &str) -> Response {
        crate::plan_str(json).expect("a plan")
    }

    #[test]
    fn one_bar_per_samtale_within_the_picture() {
        for json in [
            r#"{"start":"2024-03-04","today":"2024-05-01"}"#,
            r#"{"start":"2017-03-06"}"#,
            r#"{"start":"2020-05-04","pauses":[{"from":"2021-09-01","to":"2021-10-01"}]}"#,
            r#"{"start":"2026-07-01","lang":"en"}"#,
        ] {
            let p = plan(json);
            let svg = timeline(&p, "t");
            let bars: Vec<&Node> = svg
                .descendants()
                .into_iter()
                .filter(|n| n.get("class") == Some("samtaleplan-timeline-bar"))
                .collect();
            // One bar per samtale, grouped in lanes by holder.
            let mut ids: Vec<&str> = bars.iter().filter_map(|b| b.get("data-id")).collect();
            let mut want: Vec<&str> = p.samtaler.iter().map(|s| s.id).collect();
            ids.sort_unstable();
            want.sort_unstable();
            assert_eq!(ids, want, "{json}");
            for n in svg.descendants() {
                for key in ["x", "x1", "x2"] {
                    if let Some(x) = n.get(key).and_then(|v| v.parse::<i64>().ok()) {
                        assert!((0..=WIDTH).contains(&x), "{json}: {key}={x}");
                    }
                }
            }
            let markup = svg.to_markup();
            assert!(markup.starts_with("<svg"), "{markup}");
        }
    }

    #[test]
    fn bars_follow_the_dates_and_the_text_says_them() {
        let p =
            plan(r#"{"start":"2024-03-04","today":"2024-05-01","pauses":[{"from":"2024-04-01","to":"2024-04-12"}]}"#);
        let svg = timeline(&p, "t");
        let x_of = |id: &str| -> i64 {
            let bar = svg
                .descendants()
                .into_iter()
                .find(|n| n.get("data-id") == Some(id))
                .expect("bar");
            let rect = bar.descendants().into_iter().find(|n| n.name == "rect").expect("rect");
            rect.get("x").and_then(|x| x.parse().ok()).expect("x")
        };
        assert_eq!(x_of("A1"), LEFT, "A1 opens on the first day");
        assert!(x_of("J1") > x_of("A2"), "J1 opens at the hand-over, after A2 opens");
        let desc = svg
            .descendants()
            .into_iter()
            .find(|n| n.name == "desc")
            .expect("desc")
            .to_markup();
        assert!(
            desc.contains("A1 1. jobsamtale i a-kassen, a-kassen: 4. marts 2024 til 18. marts 2024."),
            "{desc}"
        );
        assert!(desc.contains("Pause: 1. april 2024 til 12. april 2024."), "{desc}");
        assert!(desc.contains("I dag: 1. maj 2024."), "{desc}");
        let marks: Vec<String> = svg
            .descendants()
            .into_iter()
            .filter(|n| n.get("class") == Some("samtaleplan-timeline-mark"))
            .map(|n| n.to_markup())
            .collect();
        assert_eq!(marks.len(), 3, "hand-over, six months and today");
        assert!(marks.iter().any(|m| m.contains("I dag")));
        let pauses = svg
            .descendants()
            .into_iter()
            .filter(|n| n.get("class") == Some("samtaleplan-timeline-pause"))
            .count();
        assert_eq!(pauses, 1);
    }

    #[test]
    fn part_time_work_is_lighter_than_a_pause_and_said_in_words() {
        let p = plan(
            r#"{"start":"2024-03-04","pauses":[{"from":"2024-06-01","to":"2024-08-31","reason":"arbejde","hours_per_week":18.5},{"from":"2024-07-01","to":"2024-07-05"}]}"#,
        );
        let svg = timeline(&p, "t");
        let group = |class: &str| {
            svg.descendants()
                .into_iter()
                .find(|n| n.get("class") == Some(class))
                .map(|g| g.to_markup())
                .expect(class)
        };
        let (part, pause) = (
            group("samtaleplan-timeline-parttime"),
            group("samtaleplan-timeline-pause"),
        );
        assert!(
            part.contains("fill=\"#f0f0f0\"") && part.contains("stroke-dasharray"),
            "{part}"
        );
        assert!(part.contains("Nedsat tid"), "{part}");
        assert!(pause.contains("fill=\"#dcdcdc\""), "{pause}");
        // The part-time period is drawn first, so the pause inside it shows over it.
        let markup = svg.to_markup();
        assert!(markup.find("timeline-parttime") < markup.find("timeline-pause"));
        let desc = svg
            .descendants()
            .into_iter()
            .find(|n| n.name == "desc")
            .expect("desc")
            .to_markup();
        assert!(
            desc.contains("Arbejde på nedsat tid, 18,5 timer om ugen (lysere felt; kun en del af timerne tæller): 1. juni 2024 til 31. august 2024."),
            "{desc}"
        );
        assert!(desc.contains("Pause: 1. juli 2024 til 5. juli 2024."), "{desc}");
    }

    #[test]
    fn the_covid_freeze_is_shaded_where_it_falls() {
        let p = plan(r#"{"start":"2019-10-07"}"#);
        let svg = timeline(&p, "t").to_markup();
        assert!(svg.contains("COVID-19"), "{svg}");
        let p = plan(r#"{"start":"2024-03-04"}"#);
        assert!(!timeline(&p, "t").to_markup().contains("COVID-19"));
    }
}
