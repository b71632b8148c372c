//! Draws a plan into a DOM element with `createElement` and text nodes only: whatever a request
//! contains is shown as text, never parsed as HTML.

use crate::Lang;
use crate::dates::{long, period};
use crate::regimes::Obligation;
use crate::response::Response;
use crate::svg;
use crate::timeline::timeline;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// Sets the class, and the `part` a host page can style through a shadow root: the class without
/// its `samtaleplan-` prefix ("samtaleplan-table" → part "table"; the root is part "plan").
fn classify(el: &Element, class: &str) -> Result<(), JsValue> {
    el.set_attribute("class", class)?;
    let part = if class == "samtaleplan" {
        "plan"
    } else {
        class.strip_prefix("samtaleplan-").unwrap_or(class)
    };
    el.set_attribute("part", part)
}

pub(crate) struct Dom {
    pub(crate) doc: Document,
}

impl Dom {
    /// Appends `<tag>` to `parent`.
    fn add(&self, parent: &Element, tag: &str) -> Result<Element, JsValue> {
        let el = self.doc.create_element(tag)?;
        parent.append_child(&el)?;
        Ok(el)
    }

    /// Appends `<tag class=…>text</tag>` to `parent`.
    fn add_text(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
        let el = self.add(parent, tag)?;
        if !class.is_empty() {
            classify(&el, class)?;
        }
        self.text(&el, text)?;
        Ok(el)
    }

    fn text(&self, parent: &Element, text: &str) -> Result<(), JsValue> {
        parent.append_child(&self.doc.create_text_node(text))?;
        Ok(())
    }

    /// `<time datetime="2024-03-04">mandag 4. marts 2024</time>`
    fn date(&self, parent: &Element, date: chrono::NaiveDate, lang: Lang) -> Result<Element, JsValue> {
        let el = self.add_text(parent, "time", "", &long(date, lang))?;
        el.set_attribute("datetime", &date.to_string())?;
        Ok(el)
    }
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Makes the ids inside each drawn timeline unique on the page.
static NEXT_ID: AtomicU32 = AtomicU32::new(1);

impl Dom {
    /// An SVG element from the core's tree, with `createElementNS`, attributes and text nodes.
    pub(crate) fn svg(&self, node: &svg::Node) -> Result<Element, JsValue> {
        let el = self.doc.create_element_ns(Some(SVG_NS), node.name)?;
        for (name, value) in &node.attrs {
            el.set_attribute(name, value)?;
        }
        for child in &node.children {
            match child {
                svg::Child::Node(n) => el.append_child(&self.svg(n)?.into())?,
                svg::Child::Text(text) => el.append_child(&self.doc.create_text_node(text))?,
            };
        }
        Ok(el)
    }
}

pub fn draw(target: &Element, plan: &Response) -> Result<(), JsValue> {
    let doc = target
        .owner_document()
        .ok_or_else(|| JsValue::from_str("element has no document"))?;
    let dom = Dom { doc };
    let lang = plan.lang;
    let t = |da: &'static str, en: &'static str| lang.pick(da, en);

    // Build the whole plan detached, then swap it in at once.
    let root = dom.doc.create_element("div")?;
    classify(&root, "samtaleplan")?;
    root.set_attribute("data-regime", plan.regime.id)?;
    // The plan's own language, which may differ from the page around it.
    root.set_attribute("lang", plan.lang.as_str())?;
    let heading = dom.add_text(
        &root,
        "h2",
        "samtaleplan-heading",
        t("Din samtaleplan", "Your interview plan"),
    )?;
    heading.set_attribute("tabindex", "-1")?;

    // The next thing to do, when the plan knows today.
    if plan.today.is_some() {
        let next = dom.add(&root, "div")?;
        classify(&next, "samtaleplan-next")?;
        let text = match &plan.next {
            Some(n) => {
                next.set_attribute("data-id", n.id)?;
                n.text.clone()
            }
            None => t(
                "Alle frister i planen er udløbet.",
                "Every deadline in the plan has passed.",
            )
            .to_string(),
        };
        dom.add_text(&next, "p", "", &text)?;
    }

    let regime = dom.add(&root, "p")?;
    classify(&regime, "samtaleplan-regime")?;
    dom.text(
        &regime,
        &format!(
            "{} {} ({}), {} {}. {}.",
            t("Regler:", "Rules:"),
            plan.regime.name,
            plan.regime.id,
            t("for ledighed, der begynder", "for unemployment beginning"),
            period(plan.regime.from, plan.regime.to, lang),
            plan.regime.citation
        ),
    )?;

    // The timeline: an SVG built by the core, turned into DOM nodes here; its <title> and <desc>
    // are the text alternative.
    let figure = dom.add(&root, "figure")?;
    classify(&figure, "samtaleplan-figure")?;
    let id = format!("samtaleplan-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    figure.append_child(&dom.svg(&timeline(plan, &id))?.into())?;
    dom.add_text(
        &figure,
        "figcaption",
        "",
        t(
            "Tidslinje: hver bjælke er det tidsrum, samtalen skal holdes i. Grå felter er perioder uden dagpenge.",
            "Timeline: each bar is the period in which the interview must be held. Grey areas are periods without dagpenge.",
        ),
    )?;

    // A wide table scrolls inside its own keyboard-reachable region, not the whole page (WCAG 1.4.10).
    let scroll = dom.add(&root, "div")?;
    classify(&scroll, "samtaleplan-scroll")?;
    scroll.set_attribute("role", "region")?;
    scroll.set_attribute("tabindex", "0")?;
    scroll.set_attribute("aria-label", t("Samtaler og frister", "Interviews and deadlines"))?;
    let table = dom.add(&scroll, "table")?;
    classify(&table, "samtaleplan-table")?;
    dom.add_text(
        &table,
        "caption",
        "",
        &format!(
            "{} {}",
            t(
                "Obligatoriske samtaler ved ledighed fra",
                "Mandatory interviews for unemployment from"
            ),
            long(plan.start, lang)
        ),
    )?;
    let with_status = plan.samtaler.iter().any(|s| s.status.is_some());
    let head_row = dom.add(&dom.add(&table, "thead")?, "tr")?;
    let mut columns = vec![
        t("Samtale", "Interview"),
        t("Hvem holder den", "Held by"),
        t("Tidligst", "Earliest"),
        t("Senest", "Latest"),
    ];
    if with_status {
        columns.push("Status");
    }
    columns.extend([
        t("Hjemmel", "Legal basis"),
        t("Sådan er datoerne beregnet", "How the dates are computed"),
    ]);
    for c in columns {
        dom.add_text(&head_row, "th", "", c)?.set_attribute("scope", "col")?;
    }
    let body = dom.add(&table, "tbody")?;
    for s in &plan.samtaler {
        let row = dom.add(&body, "tr")?;
        row.set_attribute("data-id", s.id)?;
        row.set_attribute("data-holder", s.holder.as_str())?;
        let name = dom.add(&row, "th")?;
        name.set_attribute("scope", "row")?;
        dom.add_text(&name, "span", "samtaleplan-id", s.id)?;
        dom.text(&name, " ")?;
        dom.add_text(&name, "span", "samtaleplan-title", s.title)?;
        if let Some(note) = s.note {
            dom.add_text(&name, "small", "samtaleplan-note", note)?;
        }
        if s.obligation != Obligation::Required {
            dom.add_text(&name, "small", "samtaleplan-obligation", s.obligation.label(lang))?;
        }
        dom.add_text(&row, "td", "samtaleplan-holder", s.holder_label)?;
        let earliest = dom.add(&row, "td")?;
        classify(&earliest, "samtaleplan-earliest")?;
        dom.date(&earliest, s.earliest, lang)?;
        let latest = dom.add(&row, "td")?;
        classify(&latest, "samtaleplan-latest")?;
        dom.date(&latest, s.latest, lang)?;
        if let Some(nominal) = s.nominal {
            let note = dom.add_text(
                &latest,
                "small",
                "samtaleplan-nominal",
                t("Nominel dato: ", "Nominal date: "),
            )?;
            dom.date(&note, nominal, lang)?;
        }
        if let Some(day) = s.last_working_day {
            let note = dom.add_text(
                &latest,
                "small",
                "samtaleplan-non-working",
                t(
                    "Ikke en arbejdsdag. Sidste arbejdsdag før: ",
                    "Not a working day. Last working day before: ",
                ),
            )?;
            dom.date(&note, day, lang)?;
        }
        if let Some(status) = s.status {
            let cell = dom.add_text(&row, "td", "samtaleplan-status", status.label(lang))?;
            cell.set_attribute("data-status", status.as_str())?;
        }
        dom.add_text(
            &row,
            "td",
            "samtaleplan-citation",
            &format!("{} ({})", s.citation, s.basis.label(lang)),
        )?;
        let cell = dom.add_text(&row, "td", "samtaleplan-explanation", &s.explanation)?;
        if let Some(source) = s.source {
            // The source's own words, and where to read them.
            let details = dom.add(&cell, "details")?;
            classify(&details, "samtaleplan-law")?;
            let summary = match source.quote {
                Some(_) => t("Kildens ordlyd", "The source's wording (in Danish)"),
                None => t("Kilde", "Source"),
            };
            dom.add_text(&details, "summary", "", summary)?;
            if let Some(quote) = source.quote {
                let block = dom.add_text(&details, "blockquote", "", quote)?;
                block.set_attribute("cite", source.url)?;
                block.set_attribute("lang", "da")?;
            }
            let link = dom.add_text(&dom.add(&details, "p")?, "a", "", source.name)?;
            link.set_attribute("href", source.url)?;
            link.set_attribute("lang", "da")?;
        }
    }

    if let Some(c) = &plan.comparison {
        let details = dom.add(&root, "details")?;
        classify(&details, "samtaleplan-comparison")?;
        details.set_attribute("data-regime", c.regime.id)?;
        dom.add_text(
            &details,
            "summary",
            "",
            &format!(
                "{} {} ({})",
                t("Sammenlign med reglerne", "Compare with the rules"),
                c.regime.name,
                c.regime.id
            ),
        )?;
        dom.add_text(&details, "p", "", &c.text)?;
        let ul = dom.add(&details, "ul")?;
        for s in &c.samtaler {
            let li = dom.add_text(&ul, "li", "", &format!("{} {}, {}: ", s.id, s.title, s.holder_label))?;
            dom.date(&li, s.earliest, lang)?;
            dom.text(&li, " – ")?;
            dom.date(&li, s.latest, lang)?;
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
        let section = dom.add(&root, "section")?;
        classify(&section, class)?;
        dom.add_text(&section, "h3", "", title)?;
        let ul = dom.add(&section, "ul")?;
        for m in list {
            dom.add_text(&ul, "li", "", &m.text)?
                .set_attribute("data-code", m.code)?;
        }
    }

    target.set_text_content(None);
    target.append_child(&root)?;
    Ok(())
}
