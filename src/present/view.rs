//! What the page shows of a plan, as an element tree ([`Node`]): the next samtale, the rules,
//! the timeline, the table with every date, citation and derivation, the comparison, warnings
//! and assumptions. The browser binding only mounts it (`web::render`), so everything shown can
//! be tested natively; whatever a request contains ends up in text nodes, never markup.
//!
//! Each element with a class also gets a `part` (the class without `samtaleplan-`; the root is
//! part `plan`), so a host page can style the embeddable element through its shadow root.

use crate::Lang;
use crate::contract::response::Response;
use crate::present::legend::legend;
use crate::present::timeline::{Layout, draw};
use crate::present::tree::Node;
use crate::rules::regimes::Obligation;
use crate::vocabulary::dates::{long, period};
use chrono::NaiveDate;

/// `<tag class=… part=…>`.
fn el(tag: &'static str, class: &str) -> Node {
    let part = if class == "samtaleplan" {
        "plan"
    } else {
        class.strip_prefix("samtaleplan-").unwrap_or(class)
    };
    Node::new(tag).attr("class", class).attr("part", part)
}

/// `<tag class=…>text</tag>`, or without a class when `class` is empty.
fn text_el(tag: &'static str, class: &str, text: impl Into<String>) -> Node {
    let node = if class.is_empty() {
        Node::new(tag)
    } else {
        el(tag, class)
    };
    node.text(text)
}

/// `<time datetime="2024-03-04">mandag 4. marts 2024</time>`
fn time(date: NaiveDate, lang: Lang) -> Node {
    Node::new("time").attr("datetime", date).text(long(date, lang))
}

/// The whole plan; `id` makes the ids inside its timeline unique on the page.
pub fn plan(plan: &Response, id: &str) -> Node {
    let lang = plan.lang;
    let t = |da: &'static str, en: &'static str| lang.pick(da, en);

    // The plan's own language, which may differ from the page around it.
    let mut root = el("div", "samtaleplan")
        .attr("data-regime", plan.regime.id)
        .attr("lang", lang.as_str());
    root.push(text_el("h2", "samtaleplan-heading", t("Din samtaleplan", "Your interview plan")).attr("tabindex", "-1"));

    // The next thing to do, when the plan knows today.
    if plan.today.is_some() {
        let next = root.push(el("div", "samtaleplan-next"));
        let text = match &plan.next {
            Some(n) => {
                next.set("data-id", n.id);
                n.text.as_str()
            }
            // Every samtale of the rules belonged to an earlier spell (hours from before).
            None if plan.samtaler.is_empty() => t(
                "Du skal ikke til nogen samtaler i denne ledighed: de hørte til din tidligere ledighed i dagpengeperioden (se nedenfor).",
                "You have no interviews to attend in this spell of unemployment: they belonged to your earlier unemployment in the dagpengeperiode (see below).",
            ),
            None => t(
                "Alle frister i planen er udløbet.",
                "Every deadline in the plan has passed.",
            ),
        };
        next.push(Node::new("p").text(text));
        // Who holds it and the date that matters, on lines of their own.
        if let Some(s) = plan
            .next
            .as_ref()
            .and_then(|n| plan.samtaler.iter().find(|s| s.id == n.id))
        {
            next.push(
                Node::new("dl")
                    .child(text_el("dt", "", t("Hvem holder den", "Held by")))
                    .child(text_el("dd", "samtaleplan-next-holder", s.holder_label))
                    .child(text_el("dt", "", t("Senest", "Latest")))
                    .child(el("dd", "samtaleplan-next-latest").child(time(s.latest, lang))),
            );
        }
    }

    root.push(text_el(
        "p",
        "samtaleplan-regime",
        format!(
            "{} {} ({}), {} {}. {}.",
            t("Regler:", "Rules:"),
            plan.regime.name,
            plan.regime.id,
            t("for ledighed, der begynder", "for unemployment beginning"),
            period(plan.regime.from, plan.regime.to, lang),
            plan.regime.citation
        ),
    ));

    // The timeline; its <title> and <desc> are the text alternative.
    let mut caption = t(
        "Tidslinje: hver bjælke er det tidsrum, samtalen skal holdes i. Grå felter er perioder uden dagpenge.",
        "Timeline: each bar is the period in which the interview must be held. Grey areas are periods without dagpenge.",
    )
    .to_string();
    if plan.pauses.iter().any(|p| p.hours_per_week.is_some()) {
        caption.push_str(t(
            " Lysere felter med stiplet kant er perioder med arbejde på nedsat tid: der tæller kun de timer, du får dagpenge for, så fristerne rykker mindre.",
            " Lighter areas with a dashed edge are periods of part-time work: only the hours you get dagpenge for count, so the deadlines move less.",
        ));
    }
    // Drawn twice, wide and narrow; the stylesheet shows the one that fits the box (a container
    // query), so a phone gets a picture drawn for it rather than a wide one scaled down.
    root.push(
        el("figure", "samtaleplan-figure")
            .child(draw(plan, &format!("{id}-wide"), &Layout::WIDE))
            .child(draw(plan, &format!("{id}-narrow"), &Layout::NARROW))
            .child(legend(plan, id))
            .child(Node::new("figcaption").text(caption)),
    );

    // The table; in a narrow box the stylesheet lays each row out as a card (the DKFDS
    // responsive-table pattern), every value with its column's name (`data-label`).
    if plan.samtaler.is_empty() {
        root.push(text_el(
            "p",
            "samtaleplan-none",
            t(
                "Ingen samtaler i denne ledighed: de hørte til din tidligere ledighed i dagpengeperioden.",
                "No interviews in this spell of unemployment: they belonged to your earlier unemployment in the dagpengeperiode.",
            ),
        ));
    } else {
        root.push(el("div", "samtaleplan-scroll").child(table(plan)));
    }

    if let Some(c) = &plan.comparison {
        let details = root.push(el("details", "samtaleplan-comparison").attr("data-regime", c.regime.id));
        details.push(Node::new("summary").text(format!(
            "{} {} ({})",
            t("Sammenlign med reglerne", "Compare with the rules"),
            c.regime.name,
            c.regime.id
        )));
        details.push(Node::new("p").text(c.text.as_str()));
        let ul = details.push(Node::new("ul"));
        for s in &c.samtaler {
            ul.push(
                Node::new("li")
                    .text(format!("{} {}, {}: ", s.id, s.title, s.holder_label))
                    .child(time(s.earliest, lang))
                    .text(" – ")
                    .child(time(s.latest, lang)),
            );
        }
    }

    for (class, title, list) in [
        (
            "samtaleplan-warnings",
            t("Vær opmærksom på", "Please note"),
            &plan.warnings,
        ),
        (
            "samtaleplan-assumptions",
            t("Det bygger planen på", "What the plan assumes"),
            &plan.assumptions,
        ),
    ] {
        if list.is_empty() {
            continue;
        }
        let section = root.push(el("section", class).child(Node::new("h3").text(title)));
        let ul = section.push(Node::new("ul"));
        for m in list {
            ul.push(Node::new("li").attr("data-code", m.code).text(m.text.as_str()));
        }
    }
    root
}

/// The table: one row per samtale.
fn table(plan: &Response) -> Node {
    let lang = plan.lang;
    let t = |da: &'static str, en: &'static str| lang.pick(da, en);
    let mut table = el("table", "samtaleplan-table").child(Node::new("caption").text(format!(
        "{} {}",
        t(
            "Obligatoriske samtaler ved ledighed fra",
            "Mandatory interviews for unemployment from"
        ),
        long(plan.start, lang)
    )));
    let with_status = plan.samtaler.iter().any(|s| s.status.is_some());
    let mut columns = vec![
        t("Samtale", "Interview"),
        t("Hvem holder den", "Held by"),
        t("Tidligst", "Earliest"),
        t("Senest", "Latest"),
    ];
    if with_status {
        columns.push("Status");
    }
    columns.extend([t("Hjemmel", "Legal basis"), t("Beregning", "Computation")]);
    let head = table.push(Node::new("thead")).push(Node::new("tr"));
    for c in columns {
        head.push(Node::new("th").attr("scope", "col").text(c));
    }
    let label = |node: Node, da: &'static str, en: &'static str| node.attr("data-label", t(da, en));
    let body = table.push(Node::new("tbody"));
    for s in &plan.samtaler {
        let row = body.push(
            Node::new("tr")
                .attr("data-id", s.id)
                .attr("data-holder", s.holder.as_str()),
        );
        let name = row.push(
            Node::new("th")
                .attr("scope", "row")
                .child(text_el("span", "samtaleplan-id", s.id))
                .text(" ")
                .child(text_el("span", "samtaleplan-title", s.title)),
        );
        if let Some(note) = s.note {
            name.push(text_el("small", "samtaleplan-note", note));
        }
        if s.obligation != Obligation::Required {
            name.push(text_el("small", "samtaleplan-obligation", s.obligation.label(lang)));
        }
        row.push(label(
            text_el("td", "samtaleplan-holder", s.holder_label),
            "Hvem holder den",
            "Held by",
        ));
        row.push(label(
            el("td", "samtaleplan-earliest").child(time(s.earliest, lang)),
            "Tidligst",
            "Earliest",
        ));
        let latest = row.push(label(
            el("td", "samtaleplan-latest").child(time(s.latest, lang)),
            "Senest",
            "Latest",
        ));
        if let Some(nominal) = s.nominal {
            latest.push(
                text_el("small", "samtaleplan-nominal", t("Nominel dato: ", "Nominal date: "))
                    .child(time(nominal, lang)),
            );
        }
        if let Some(day) = s.last_working_day {
            latest.push(
                text_el(
                    "small",
                    "samtaleplan-non-working",
                    t(
                        "Ikke en arbejdsdag. Sidste arbejdsdag før: ",
                        "Not a working day. Last working day before: ",
                    ),
                )
                .child(time(day, lang)),
            );
        }
        if let Some(status) = s.status {
            row.push(
                text_el("td", "samtaleplan-status", status.label(lang))
                    .attr("data-status", status.as_str())
                    .attr("data-label", "Status"),
            );
        }
        row.push(label(
            text_el(
                "td",
                "samtaleplan-citation",
                format!("{} ({})", s.citation, s.basis.label(lang)),
            ),
            "Hjemmel",
            "Legal basis",
        ));
        // How the dates were computed, behind a disclosure (a card stays short on a phone).
        let cell = row.push(el("td", "samtaleplan-explanation")).push(
            el("details", "samtaleplan-how")
                .child(Node::new("summary").text(t("Sådan er datoerne beregnet", "How the dates are computed"))),
        );
        cell.push(Node::new("p").text(s.explanation.as_str()));
        if let Some(source) = s.source {
            // The source's own words, and where to read them.
            let details = cell.push(el("details", "samtaleplan-law").child(Node::new("summary").text(
                match source.quote {
                    Some(_) => t("Kildens ordlyd", "The source's wording (in Danish)"),
                    None => t("Kilde", "Source"),
                },
            )));
            if let Some(quote) = source.quote {
                details.push(
                    Node::new("blockquote")
                        .attr("cite", source.url)
                        .attr("lang", "da")
                        .text(quote),
                );
            }
            details.push(
                Node::new("p").child(
                    Node::new("a")
                        .attr("href", source.url)
                        .attr("lang", "da")
                        .text(source.name),
                ),
            );
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::request::Request;

    fn view(json: &str) -> Node {
        let response = crate::plan_str(json).expect("a plan");
        plan(&response, "t")
    }

    fn with_class<'a>(node: &'a Node, class: &str) -> Vec<&'a Node> {
        node.descendants()
            .into_iter()
            .filter(|n| n.get("class") == Some(class))
            .collect()
    }

    #[test]
    fn a_plan_that_owes_nothing_says_so_instead_of_an_empty_table() {
        // 2565.28 hours are 16 months: every samtale of R2015 but the CV-samtale lies before the
        // start; 5772 hours leave nothing at all under R2024.
        let root = view(r#"{"start":"2024-03-04","today":"2024-03-05","prior_hours":5772}"#);
        assert!(with_class(&root, "samtaleplan-table").is_empty());
        let none = with_class(&root, "samtaleplan-none");
        assert_eq!(none.len(), 1);
        assert!(none[0].text_content().starts_with("Ingen samtaler i denne ledighed"));
        let next = with_class(&root, "samtaleplan-next");
        assert!(
            next[0]
                .text_content()
                .starts_with("Du skal ikke til nogen samtaler i denne ledighed"),
            "{}",
            next[0].text_content()
        );
        let en = view(r#"{"start":"2024-03-04","today":"2024-03-05","prior_hours":5772,"lang":"en"}"#);
        assert!(
            with_class(&en, "samtaleplan-none")[0]
                .text_content()
                .starts_with("No interviews in this spell")
        );
        // One owed: the table as ever.
        let cv = view(r#"{"start":"2017-03-06","prior_hours":2565.28}"#);
        assert_eq!(with_class(&cv, "samtaleplan-table").len(), 1);
        assert!(with_class(&cv, "samtaleplan-none").is_empty());
    }

    #[test]
    fn every_samtale_is_a_row_with_its_dates_holder_and_citation() {
        let response = crate::plan(&Request::new(crate::vocabulary::dates::ymd(2024, 3, 4))).expect("a plan");
        let root = plan(&response, "t");
        let rows: Vec<&Node> = root
            .descendants()
            .into_iter()
            .filter(|n| n.name == "tr" && n.get("data-id").is_some())
            .collect();
        assert_eq!(rows.len(), response.samtaler.len());
        for (row, s) in rows.iter().zip(&response.samtaler) {
            assert_eq!(row.get("data-id"), Some(s.id));
            let dates: Vec<&str> = row.descendants().iter().filter_map(|n| n.get("datetime")).collect();
            assert_eq!(dates[0], s.earliest.to_string());
            assert_eq!(dates[1], s.latest.to_string());
            assert!(row.text_content().contains(s.citation));
            assert!(row.text_content().contains(s.holder_label));
        }
        assert_eq!(root.get("part"), Some("plan"));
        assert!(
            root.to_markup()
                .starts_with(r#"<div class="samtaleplan" part="plan" data-regime="R2024" lang="da"><h2"#)
        );
        assert_eq!(with_class(&root, "samtaleplan-table")[0].get("part"), Some("table"));
        // The first A-kasse samtale of R2024: 2 weeks from 4 March is 18 March.
        assert!(root.text_content().contains("mandag 18. marts 2024"));
    }

    #[test]
    fn status_next_comparison_and_english() {
        let root = view(r#"{"start":"2024-03-04","today":"2024-03-11","compare":true,"lang":"en"}"#);
        assert_eq!(root.get("lang"), Some("en"));
        assert_eq!(with_class(&root, "samtaleplan-next").len(), 1);
        assert!(!with_class(&root, "samtaleplan-status").is_empty());
        assert_eq!(with_class(&root, "samtaleplan-comparison").len(), 1);
        assert!(
            root.text_content().contains("Monday 18 March 2024"),
            "{}",
            root.text_content()
        );
    }

    #[test]
    fn cards_label_their_values_and_the_legend_names_what_is_drawn() {
        let root =
            view(r#"{"start":"2019-10-07","today":"2020-04-01","pauses":[{"from":"2020-01-01","to":"2020-02-20"}]}"#);
        let latest = with_class(&root, "samtaleplan-latest");
        assert!(latest.iter().all(|n| n.get("data-label") == Some("Senest")));
        assert!(!with_class(&root, "samtaleplan-how").is_empty());
        let next = with_class(&root, "samtaleplan-next")[0].text_content();
        assert!(next.contains("Hvem holder den") && next.contains("Senest"), "{next}");
        let legend = with_class(&root, "samtaleplan-legend")[0].text_content();
        for words in ["A-kassen", "periode uden dagpenge", "COVID-19", "i dag", "6 måneder"] {
            assert!(legend.contains(words), "{words}: {legend}");
        }
        let svgs = root
            .descendants()
            .into_iter()
            .filter(|n| n.name == "svg" && n.get("role") == Some("img"))
            .count();
        assert_eq!(svgs, 2, "a wide and a narrow picture");
    }
}
