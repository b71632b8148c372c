//! The lists of a summary written out as CSV, for a spreadsheet.

use super::summary::{List, Summary};
use crate::contract::words::Word;
use crate::rules::regimes::Holder;

/// Which lists the CSV export can write.
pub const EXPORTS: [&str; 7] = [
    "closing",
    "overdue",
    "workload",
    "on_time_by_samtale",
    "on_time_by_start_month",
    "star",
    "errors",
];

/// One list of a summary as CSV (`;`-separated, ISO dates, a header row), optionally only the
/// samtaler of one holder. `None` for an unknown list name.
pub fn export(s: &Summary, list: &str, holder: Option<Holder>) -> Option<String> {
    let lang = s.lang;
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let escaped: Vec<String> = cells
            .iter()
            .map(|c| {
                if c.contains([';', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&escaped.join(";"));
        out.push_str("\r\n");
    };
    let t = |da: &str, en: &str| lang.pick(da, en).to_string();
    let items = |line: &mut dyn FnMut(&[String]), list: &List, week: Option<&str>| {
        for i in list.items.iter().filter(|i| holder.is_none_or(|h| h == i.holder)) {
            let mut row = vec![
                i.member.to_string(),
                i.regime.to_string(),
                i.id.to_string(),
                i.title.to_string(),
                i.holder.as_str().to_string(),
                i.earliest.to_string(),
                i.latest.to_string(),
            ];
            if let Some(w) = week {
                row.push(w.to_string());
            } else {
                row.push((s.today - i.latest).num_days().to_string());
            }
            line(&row);
        }
    };
    let head = |last: String| {
        vec![
            t("medlem", "member"),
            t("regler", "rules"),
            t("samtale", "samtale"),
            t("titel", "title"),
            t("holdes_af", "holder"),
            t("tidligst", "earliest"),
            t("senest", "latest"),
            last,
        ]
    };
    match list {
        "closing" => {
            line(&head(t("uge", "week")));
            items(&mut line, &s.closing_this_week, Some(&t("denne", "this")));
            items(&mut line, &s.closing_next_week, Some(&t("næste", "next")));
        }
        "overdue" => {
            line(&head(t("dage_over", "days_overdue")));
            items(&mut line, &s.overdue, None);
        }
        "workload" => {
            line(&[
                "week".into(),
                t("fra", "from"),
                t("til", "to"),
                "akasse".into(),
                "jobcenter".into(),
                "kommune".into(),
                "joint".into(),
                t("i_alt", "total"),
            ]);
            for w in &s.workload {
                line(&[
                    w.week.clone(),
                    w.from.to_string(),
                    w.to.to_string(),
                    w.akasse.to_string(),
                    w.jobcenter.to_string(),
                    w.kommune.to_string(),
                    w.joint.to_string(),
                    w.total.to_string(),
                ]);
            }
        }
        "on_time_by_samtale" | "on_time_by_start_month" => {
            line(&[
                t("nøgle", "key"),
                t("rettidigt", "on_time"),
                t("for_tidligt", "early"),
                t("for_sent", "late"),
                t("mangler", "missing"),
                t("vurderet", "evaluated"),
                t("promille", "per_mille"),
            ]);
            let rows = if list == "on_time_by_samtale" {
                &s.on_time_by_samtale
            } else {
                &s.on_time_by_start_month
            };
            for r in rows.iter().chain([&s.on_time]) {
                let c = r.counts;
                line(&[
                    r.key.clone(),
                    c.on_time.to_string(),
                    c.early.to_string(),
                    c.late.to_string(),
                    c.missing.to_string(),
                    c.evaluated().to_string(),
                    r.share.per_mille.map_or(String::new(), |p| p.to_string()),
                ]);
            }
        }
        "star" => {
            line(&[
                t("indikator", "indicator"),
                t("antal", "count"),
                t("af", "of"),
                t("promille", "per_mille"),
            ]);
            for (name, share) in [
                ("first_within_1_5_months", &s.star.first_within_1_5_months),
                ("first_within_3_months", &s.star.first_within_3_months),
                ("two_in_last_3_months", &s.star.two_in_last_3_months),
            ] {
                line(&[
                    name.to_string(),
                    share.count.to_string(),
                    share.of.to_string(),
                    share.per_mille.map_or(String::new(), |p| p.to_string()),
                ]);
            }
        }
        "errors" => {
            line(&[
                t("linje", "line"),
                t("medlem", "member"),
                t("kode", "code"),
                t("besked", "message"),
            ]);
            for e in &s.errors {
                line(&[
                    e.line.to_string(),
                    e.member.as_deref().unwrap_or_default().to_string(),
                    e.code.as_str().to_string(),
                    e.message.clone(),
                ]);
            }
        }
        _ => return None,
    }
    Some(out)
}

/// Parses a holder filter ("akasse", …) for the exports.
pub fn holder(word: &str) -> Option<Holder> {
    <Holder as Word>::parse(word)
}
