//! The lists of a caseload as tables a spreadsheet takes, the same as the page shows them: one
//! table per list, with headers in the summary's language, holders and statuses in words, dates
//! as the page writes them, shares as percentages. Written as CSV here (every text cell that a
//! spreadsheet would run as a formula neutralised, as OWASP advises) and as an .xlsx workbook in
//! `xlsx`, from the same tables — so the two always agree.

use super::worklist::Query;
use super::{Caseload, Item};
use crate::contract::lang::Lang;
use crate::contract::words::Word;
use crate::vocabulary::holder::Holder;
use chrono::{Datelike, NaiveDate};

/// Which lists can be exported.
pub const EXPORTS: [&str; 12] = [
    "worklist",
    "closing",
    "overdue",
    "workload",
    "on_time_by_samtale",
    "on_time_by_start_month",
    "star",
    "errors",
    "schedule",
    "at_risk",
    "akasse_present_by_samtale",
    "akasse_present_by_month",
];

/// A cell of an exported table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(i64),
    Date(NaiveDate),
    /// A date written YYYY-MM-DD in any language (the booking lists, for other systems).
    Iso(NaiveDate),
    /// A share in per mille (`None`: nothing to share, written empty).
    Share(Option<u32>),
}

/// One list as a table.
#[derive(Debug, Clone)]
pub struct Table {
    /// The list's name (`EXPORTS`).
    pub list: &'static str,
    /// The sheet's name in the workbook.
    pub sheet: &'static str,
    pub head: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    /// What the reader must know before the numbers (the file has no held dates): the first
    /// row of a CSV file, a sheet of its own before the others in a workbook.
    pub note: Option<&'static str>,
}

/// A holder in words, jobcenter and kommune as one ("jobcentret/kommunen") where a table has
/// one column for them.
fn office(lang: Lang) -> &'static str {
    lang.pick("Jobcentret/kommunen", "Jobcentre/municipality")
}

/// A name cell after the member's, when the file has names (`names`).
fn name_cell(names: bool, name: Option<&str>) -> Option<Cell> {
    names.then(|| Cell::Text(name.unwrap_or_default().to_string()))
}

/// The samtaler of a list as rows (with each member's name after the reference when `names`).
fn items(rows: &mut Vec<Vec<Cell>>, items: &[Item], today: NaiveDate, names: bool) {
    for i in items {
        let overdue = (today - i.latest).num_days();
        let mut row = vec![Cell::Text(i.member.to_string())];
        row.extend(name_cell(names, i.name.as_deref()));
        row.extend([
            Cell::Number(i.line as i64),
            Cell::Text(i.regime.into()),
            Cell::Text(i.id.into()),
            Cell::Text(i.title.into()),
            Cell::Text(i.holder_label.into()),
            Cell::Date(i.earliest),
            Cell::Date(i.latest),
            Cell::Text(i.status_label.into()),
            if overdue > 0 {
                Cell::Number(overdue)
            } else {
                Cell::Text(String::new())
            },
        ]);
        rows.push(row);
    }
}

impl Caseload {
    /// One list as a table, for the samtaler the query asks for (the worklist takes all of it;
    /// the other lists its holder); `None` for an unknown list name. A file with a name column
    /// gets a name column after the member's in every list of members.
    pub fn table(&self, list: &str, q: &Query) -> Option<Table> {
        let lang = self.opts.lang;
        let today = self.opts.today;
        let names = self.has_names();
        let t = |da: &'static str, en: &'static str| lang.pick(da, en);
        let s = self.whole_summary(q.holder);
        let mut rows = Vec::new();
        let item_head = || {
            let mut head = vec![t("Medlem", "Member")];
            head.extend(names.then(|| t("Navn", "Name")));
            head.extend([
                t("Linje", "Line"),
                t("Regler", "Rules"),
                t("Samtale", "Samtale"),
                t("Titel", "Title"),
                t("Holdes af", "Held by"),
                t("Tidligst", "Earliest"),
                t("Senest", "Latest"),
                t("Status", "Status"),
                t("Dage over fristen", "Days overdue"),
            ]);
            head
        };
        let (list, sheet, head): (&'static str, &'static str, Vec<&'static str>) = match list {
            "worklist" => {
                let all = Query {
                    offset: 0,
                    limit: None,
                    ..q.clone()
                };
                items(&mut rows, &self.query(&all).items, today, names);
                ("worklist", t("Arbejdsliste", "Worklist"), item_head())
            }
            "closing" => {
                items(&mut rows, &s.closing_this_week.items, today, names);
                items(&mut rows, &s.closing_next_week.items, today, names);
                ("closing", t("Frister", "Due"), item_head())
            }
            "overdue" => {
                items(&mut rows, &s.overdue.items, today, names);
                ("overdue", t("Overskredne", "Overdue"), item_head())
            }
            "workload" => {
                for w in &s.workload {
                    let iso = w.from.iso_week();
                    rows.push(vec![
                        Cell::Text(format!("{} {}, {}", t("uge", "week"), iso.week(), iso.year())),
                        Cell::Date(w.from),
                        Cell::Date(w.to),
                        Cell::Number(w.akasse.into()),
                        Cell::Number(i64::from(w.jobcenter) + i64::from(w.kommune)),
                        Cell::Number(w.joint.into()),
                        Cell::Number(w.total.into()),
                    ]);
                }
                let head = vec![
                    t("Uge", "Week"),
                    t("Fra", "From"),
                    t("Til", "To"),
                    t("A-kassen", "A-kasse"),
                    office(lang),
                    t("Fælles", "Joint"),
                    t("I alt", "Total"),
                ];
                ("workload", t("Uger", "Weeks"), head)
            }
            "on_time_by_samtale" | "on_time_by_start_month" => {
                let by_samtale = list == "on_time_by_samtale";
                let source = if by_samtale {
                    &s.on_time_by_samtale
                } else {
                    &s.on_time_by_start_month
                };
                for r in source.iter().chain([&s.on_time]) {
                    let c = r.counts;
                    let mut row = vec![Cell::Text(r.key.clone())];
                    if by_samtale {
                        row.push(Cell::Text(r.title.unwrap_or_default().into()));
                    }
                    row.extend([
                        Cell::Number(c.on_time.into()),
                        Cell::Number(c.early.into()),
                        Cell::Number(c.late.into()),
                        Cell::Number(c.missing.into()),
                        Cell::Number(c.evaluated().into()),
                        share_cell(&r.share, lang),
                    ]);
                    rows.push(row);
                }
                let mut head = if by_samtale {
                    vec![t("Samtale", "Samtale"), t("Titel", "Title")]
                } else {
                    vec![t("Startmåned", "Month of start")]
                };
                head.extend([
                    t("Rettidigt", "On time"),
                    t("For tidligt", "Early"),
                    t("For sent", "Late"),
                    t("Ikke holdt", "Not held"),
                    t("Vurderet", "Counted"),
                    t("Andel rettidigt", "Share on time"),
                ]);
                if by_samtale {
                    (
                        "on_time_by_samtale",
                        t("Rettidighed pr. samtale", "On time by samtale"),
                        head,
                    )
                } else {
                    (
                        "on_time_by_start_month",
                        t("Rettidighed pr. startmåned", "On time by month of start"),
                        head,
                    )
                }
            }
            "star" => {
                for (name, share) in [
                    (
                        t(
                            "Første samtale inden for 1½ måneds ledighed",
                            "First samtale within 1½ months of unemployment",
                        ),
                        &s.star.first_within_1_5_months,
                    ),
                    (
                        t(
                            "Første samtale inden for 3 måneders ledighed",
                            "First samtale within 3 months of unemployment",
                        ),
                        &s.star.first_within_3_months,
                    ),
                    (
                        t(
                            "To samtaler inden for de sidste 3 måneder",
                            "Two samtaler in the last 3 months",
                        ),
                        &s.star.two_in_last_3_months,
                    ),
                ] {
                    rows.push(vec![
                        Cell::Text(name.into()),
                        if share.is_unknown() {
                            Cell::Text(super::summary::unknown(lang).into())
                        } else {
                            Cell::Number(share.count.into())
                        },
                        Cell::Number(share.of.into()),
                        share_cell(share, lang),
                    ]);
                }
                let head = vec![
                    t("Indikator", "Indicator"),
                    t("Antal", "Count"),
                    t("Af", "Of"),
                    t("Andel", "Share"),
                ];
                ("star", t("STAR", "STAR"), head)
            }
            "errors" => {
                for e in &self.errors {
                    let mut row = vec![
                        Cell::Number(e.line as i64),
                        Cell::Text(e.member.as_deref().unwrap_or_default().into()),
                    ];
                    row.extend(name_cell(names, e.name.as_deref()));
                    row.extend([Cell::Text(e.code.as_str().into()), Cell::Text(e.message.clone())]);
                    rows.push(row);
                }
                let mut head = vec![t("Linje", "Line"), t("Medlem", "Member")];
                head.extend(names.then(|| t("Navn", "Name")));
                head.extend([t("Kode", "Code"), t("Fejl", "Error")]);
                ("errors", t("Fejl", "Errors"), head)
            }
            "akasse_present_by_samtale" | "akasse_present_by_month" => {
                let by_samtale = list == "akasse_present_by_samtale";
                let a = &s.akasse_present;
                let source = if by_samtale { &a.by_samtale } else { &a.by_month };
                for r in source.iter().chain([&a.total]) {
                    let c = r.counts;
                    let mut row = vec![Cell::Text(r.key.clone())];
                    if by_samtale {
                        row.push(Cell::Text(r.title.unwrap_or_default().into()));
                    }
                    row.extend([
                        Cell::Number(c.present.into()),
                        Cell::Number(c.absent.into()),
                        Cell::Number(c.unknown.into()),
                        Cell::Share(r.share.per_mille),
                    ]);
                    rows.push(row);
                }
                let mut head = if by_samtale {
                    vec![t("Samtale", "Samtale"), t("Titel", "Title")]
                } else {
                    vec![t("Måned", "Month")]
                };
                head.extend([
                    t("Med a-kassen", "With the a-kasse"),
                    t("Uden a-kassen", "Without the a-kasse"),
                    t("Uden oplysning", "Not told"),
                    t("Andel med a-kassen", "Share with the a-kasse"),
                ]);
                if by_samtale {
                    (
                        "akasse_present_by_samtale",
                        t("A-kassen deltog pr. samtale", "A-kasse present by samtale"),
                        head,
                    )
                } else {
                    (
                        "akasse_present_by_month",
                        t("A-kassen deltog pr. måned", "A-kasse present by month"),
                        head,
                    )
                }
            }
            "schedule" | "at_risk" => {
                let at_risk = list == "at_risk";
                let p = self.propose(&q.capacity);
                for x in self.proposal_list(&p, q.holder, at_risk) {
                    let mut row = vec![Cell::Text(x.member.to_string())];
                    row.extend(name_cell(names, x.name.as_deref()));
                    row.extend([
                        Cell::Text(format!("{} {}", x.regime, x.id)),
                        Cell::Text(x.holder_label.into()),
                        Cell::Iso(x.earliest),
                        Cell::Iso(x.latest),
                        x.week.map_or(Cell::Text(String::new()), Cell::Iso),
                    ]);
                    if at_risk {
                        row.push(Cell::Text(
                            if x.overdue {
                                t("overskredet", "overdue")
                            } else {
                                t("i fare", "at risk")
                            }
                            .into(),
                        ));
                    }
                    rows.push(row);
                }
                // In the page's language, as every list (issue 23); the dates YYYY-MM-DD, for
                // booking systems as much as for people.
                let mut head = vec![t("Medlem", "Member")];
                head.extend(names.then(|| t("Navn", "Name")));
                head.extend([
                    t("Samtale", "Samtale"),
                    t("Holdes af", "Held by"),
                    t("Tidligst", "Earliest"),
                    t("Senest", "Latest"),
                    if at_risk {
                        t("Ville kræve plads i ugen fra", "Would need room in the week of")
                    } else {
                        t("Uge fra", "Week of")
                    },
                ]);
                if at_risk {
                    head.push(t("Status", "Status"));
                }
                if at_risk {
                    ("at_risk", t("I fare", "At risk"), head)
                } else {
                    ("schedule", t("Bookinger", "Schedule"), head)
                }
            }
            _ => return None,
        };
        Some(Table {
            list,
            sheet,
            head,
            rows,
            note: (!self.held_dates()).then(|| super::no_held_dates(lang)),
        })
    }
}

/// A share as a cell: "ukendt" when it cannot be known (the file has no held dates).
fn share_cell(share: &super::Share, lang: Lang) -> Cell {
    if share.is_unknown() {
        Cell::Text(super::summary::unknown(lang).into())
    } else {
        Cell::Share(share.per_mille)
    }
}

/// The lists of the overview workbook ("all"): every list, the booking lists only when a
/// proposal was made (capacities entered, or the page's "Lav forslag"), as the page shows them.
pub fn overview(booked: bool) -> Vec<&'static str> {
    EXPORTS
        .into_iter()
        .filter(|l| booked || !matches!(*l, "schedule" | "at_risk"))
        .collect()
}

/// A text cell that a spreadsheet would run as a formula (or read as one: `=`, `+`, `-`, `@`, a
/// tab or a carriage return first) gets a `'` in front, as OWASP advises for CSV files.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A date as the page writes it: 2.6.2025 in Danish, 2025-06-02 in English.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{}.{}.{}", d.day(), d.month(), d.year()),
        Lang::En => d.to_string(),
    }
}

/// A share as the page writes it: "87,5 %" / "87.5 %".
pub fn share(per_mille: Option<u32>, lang: Lang) -> String {
    per_mille.map_or(String::new(), |p| {
        format!("{}{}{} %", p / 10, lang.pick(',', '.'), p % 10)
    })
}

/// A table as CSV: `;`-separated, a header row, CRLF line ends.
pub fn csv(table: &Table, lang: Lang) -> String {
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = String>| {
        let mut first = true;
        for c in cells {
            if !first {
                out.push(';');
            }
            first = false;
            if c.contains([';', '"', '\n', '\r']) {
                out.push('"');
                out.push_str(&c.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&c);
            }
        }
        out.push_str("\r\n");
    };
    if let Some(note) = table.note {
        line(&mut std::iter::once(neutralise(note).into_owned()));
    }
    line(&mut table.head.iter().map(|h| h.to_string()));
    for row in &table.rows {
        line(&mut row.iter().map(|c| match c {
            Cell::Text(s) => neutralise(s).into_owned(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => date(*d, lang),
            Cell::Iso(d) => d.to_string(),
            Cell::Share(p) => share(*p, lang),
        }));
    }
    out
}

/// One list as CSV, for the samtaler the query asks for; `None` for an unknown list name.
pub fn export(c: &Caseload, list: &str, q: &Query) -> Option<String> {
    c.table(list, q).map(|t| csv(&t, c.opts.lang))
}

/// Parses a holder filter ("akasse", …) for the exports.
pub fn holder(word: &str) -> Option<Holder> {
    <Holder as Word>::parse(word)
}
