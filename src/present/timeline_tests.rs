//! Tests of the timeline picture (wide and narrow).
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
    let p = plan(r#"{"start":"2024-03-04","today":"2024-05-01","pauses":[{"from":"2024-04-01","to":"2024-04-12"}]}"#);
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
    assert!(
        desc.contains("Periode uden dagpenge: 1. april 2024 til 12. april 2024."),
        "{desc}"
    );
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
    assert!(
        desc.contains("Periode uden dagpenge: 1. juli 2024 til 5. juli 2024."),
        "{desc}"
    );
}

#[test]
fn the_covid_freeze_is_shaded_where_it_falls() {
    let p = plan(r#"{"start":"2019-10-07"}"#);
    let svg = timeline(&p, "t").to_markup();
    assert!(svg.contains("COVID-19"), "{svg}");
    let p = plan(r#"{"start":"2024-03-04"}"#);
    assert!(!timeline(&p, "t").to_markup().contains("COVID-19"));
}

/// Every text of a picture as (x, y, width) by the layout's estimate of a character.
fn labels(svg: &Node, layout: &Layout) -> Vec<(i64, i64, i64, String)> {
    svg.descendants()
        .into_iter()
        .filter(|n| n.name == "text")
        .map(|n| {
            let num = |k: &str| n.get(k).and_then(|v| v.parse::<i64>().ok()).expect(k);
            let text = n.text_content();
            (num("x"), num("y"), layout.text_width(&text), text)
        })
        .collect()
}

#[test]
fn the_narrow_picture_is_drawn_for_a_phone_and_no_two_labels_touch() {
    for json in [
        r#"{"start":"2026-08-10","today":"2026-11-29"}"#,
        r#"{"start":"2024-03-04","today":"2024-06-03","handover":"2024-06-01"}"#,
        r#"{"start":"2019-10-07","today":"2020-04-01","pauses":[{"from":"2020-01-01","to":"2020-02-20"}]}"#,
        r#"{"start":"2026-07-01","lang":"en","today":"2026-12-01"}"#,
        r#"{"start":"2026-11-30","today":"2027-01-04"}"#,
        r#"{"start":"2026-12-31"}"#,
    ] {
        let p = plan(json);
        for layout in [Layout::NARROW, Layout::WIDE] {
            let svg = draw(&p, "t", &layout);
            assert_eq!(svg.get("font-size"), Some(layout.font.to_string().as_str()));
            let texts = labels(&svg, &layout);
            for (i, a) in texts.iter().enumerate() {
                assert!(
                    a.0 >= 0 && a.0 + a.2 <= layout.width + layout.char_width,
                    "{json}: {a:?} out of the picture"
                );
                for b in &texts[i + 1..] {
                    let same_row = (a.1 - b.1).abs() < layout.font;
                    let apart = a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0;
                    assert!(!same_row || apart, "{json} {}: {a:?} and {b:?} overlap", layout.width);
                }
            }
            // Lanes are named in words.
            let lanes: Vec<String> = svg
                .descendants()
                .into_iter()
                .filter(|n| n.get("class") == Some("samtaleplan-timeline-lane"))
                .map(|n| n.text_content())
                .collect();
            assert!(lanes.iter().all(|l| l.len() > 6), "{lanes:?}");
        }
    }
}

#[test]
fn the_freeze_is_hatched_and_a_pause_is_not() {
    let p = plan(r#"{"start":"2019-10-07","pauses":[{"from":"2020-01-01","to":"2020-02-20"}]}"#);
    let svg = timeline(&p, "t");
    let markup = |class: &str| {
        svg.descendants()
            .into_iter()
            .find(|n| n.get("class") == Some(class))
            .map(|g| g.to_markup())
            .expect(class)
    };
    assert!(markup("samtaleplan-timeline-frozen").contains("url(#t-hatch)"));
    assert!(!markup("samtaleplan-timeline-pause").contains("url("));
    assert!(svg.to_markup().contains(r#"<pattern id="t-hatch""#));
}

/// The legend names who takes over at the hand-over in the law's word of the plan's rules:
/// jobcentret under R2024, kommunen under R2026 (RULES.md § 1), never both.
#[test]
fn legend_names_the_handover_to_kommunen_under_r2026() {
    let words = |json: &str| crate::present::legend::legend(&plan(json), "t").to_markup();
    let r2026 = words(r#"{"start":"2026-08-10"}"#);
    assert!(r2026.contains("overgang til kommunen"), "{r2026}");
    assert!(!r2026.contains("jobcentret"), "{r2026}");
    let r2026 = words(r#"{"start":"2026-08-10","lang":"en"}"#);
    assert!(r2026.contains("hand-over to the municipality"), "{r2026}");
    let r2024 = words(r#"{"start":"2024-03-04"}"#);
    assert!(r2024.contains("overgang til jobcentret"), "{r2024}");
    assert!(!r2024.contains("kommunen"), "{r2024}");
}

/// A row of labels as (x, text), left to right.
type Row = Vec<(i64, String)>;

/// The row of years and the row of months above the lanes.
fn axis_rows(svg: &Node, layout: &Layout) -> (Row, Row) {
    let row = |y: i64| {
        let mut row: Row = labels(svg, layout)
            .into_iter()
            .filter(|l| l.1 == y)
            .map(|l| (l.0, l.3))
            .collect();
        row.sort();
        row
    };
    (row(TOP - 42), row(TOP - 26))
}

/// Issue 21: on a phone a plan from November 2026 read "2026 dec feb maj … 2028", its 2027 left
/// out because the first year's label took its room, so February to December 2027 stood under
/// 2026. Every year in view is named, and every month named stands under its own year.
#[test]
fn every_year_is_named_and_every_month_stands_under_its_own_year() {
    for start in [
        "2026-08-10",
        "2026-09-14",
        "2026-10-05",
        "2026-11-02",
        "2026-11-30",
        "2026-12-07",
        "2026-12-31",
        "2027-01-01",
        "2024-03-04",
    ] {
        for lang in ["da", "en"] {
            let p = plan(&format!(r#"{{"start":"{start}","lang":"{lang}"}}"#));
            let (from, to) = span(&p);
            let months = if lang == "da" { MONTHS_DA } else { MONTHS_EN };
            for layout in [Layout::NARROW, Layout::WIDE] {
                let (years, names) = axis_rows(&draw(&p, "t", &layout), &layout);
                let what = format!("{start} {lang} {}: {years:?} {names:?}", layout.width);
                // The years in order, one label each, the first the start's.
                let numbers: Vec<i32> = years.iter().map(|(_, y)| y.parse().expect("a year")).collect();
                assert_eq!(numbers.first(), Some(&from.year()), "{what}");
                assert!(numbers.windows(2).all(|w| w[1] == w[0] + 1), "{what}");
                // A plan that runs into a year more than a few weeks names it.
                if (to - NaiveDate::from_ymd_opt(to.year(), 1, 1).unwrap()).num_days() > 40 {
                    assert_eq!(numbers.last(), Some(&to.year()), "{what}");
                }
                // Each month named is read under the nearest year at or before it: its own.
                let mut year = from.year();
                let mut previous = from.month0();
                for (x, name) in &names {
                    let m = months.iter().position(|n| n == name).expect("a month") as u32;
                    if m <= previous {
                        year += 1;
                    }
                    previous = m;
                    let above = years.iter().rev().find(|(yx, _)| yx <= x).map(|(_, y)| y.as_str());
                    assert_eq!(above, Some(year.to_string().as_str()), "{what}: {name} at {x}");
                }
            }
        }
    }
    // The plan of the issue, on a phone: 2026, 2027 and 2028.
    let p = plan(r#"{"start":"2026-11-30"}"#);
    let (years, _) = axis_rows(&draw(&p, "t", &Layout::NARROW), &Layout::NARROW);
    let years: Vec<&str> = years.iter().map(|(_, y)| y.as_str()).collect();
    assert_eq!(years, ["2026", "2027", "2028"]);
}

#[test]
fn the_lanes_names_lie_over_the_vertical_lines_on_a_white_halo() {
    // Today, the hand-over and six months cross the lanes' names ("A-kassen"): the names are
    // drawn after the lines, with a white outline under their letters.
    let p = plan(
        r#"{"start":"2024-03-04","today":"2024-05-01","pauses":[{"from":"2024-06-03","to":"2024-06-28","reason":"arbejde"}]}"#,
    );
    let svg = timeline(&p, "t");
    let all = svg.descendants();
    let lanes: Vec<usize> = (0..all.len())
        .filter(|&i| all[i].get("class") == Some("samtaleplan-timeline-lane"))
        .collect();
    assert_eq!(lanes.len(), 3, "a-kassen, jobcentret, both together");
    let marks = all
        .iter()
        .rposition(|n| n.get("class") == Some("samtaleplan-timeline-mark"))
        .expect("the marks");
    for &i in &lanes {
        assert!(
            i > marks,
            "the lane's name {} is drawn after the lines",
            all[i].text_content()
        );
        assert_eq!(all[i].get("stroke"), Some("#ffffff"));
        assert_eq!(all[i].get("paint-order"), Some("stroke"));
    }
}
