//! `samtaleplan 2024-03-04 --deltid …`: the same JSON request from options, and a readable table.

use crate::usage::Bad;
use clap::Args;
use samtaleplan::contract::request::PauseReason;
use samtaleplan::rules::regimes::Obligation;
use samtaleplan::vocabulary::dates::{long, period, short, span};
use samtaleplan::{Response, plan_str};
use serde_json::{Map, Value, json};
use std::io;
use std::process::ExitCode;

/// The table's start date and options: each one a field of the JSON request.
#[derive(Args, Debug)]
#[command(next_help_heading = "Tabel / table")]
pub struct TableArgs {
    /// Første ledighedsdag: vis samtalerne i en tabel / the first day of unemployment: show a table
    #[arg(value_name = "ÅÅÅÅ-MM-DD", required_unless_present_any = ["jsonl", "json"], display_order = 0)]
    start: Option<String>,

    /// Deltidsforsikret / insured part-time.
    #[arg(long, conflicts_with = "fuldtid")]
    deltid: bool,

    /// Fuldtidsforsikret (standard) / insured full-time (the default).
    #[arg(long)]
    fuldtid: bool,

    /// Vis status pr. denne dag (standard: i dag) / show the status as of this day (default: today)
    #[arg(long, value_name = "ÅÅÅÅ-MM-DD")]
    today: Option<String>,

    /// Overgangsdato oplyst af a-kassen / the hand-over date the a-kasse gave.
    #[arg(long, value_name = "ÅÅÅÅ-MM-DD")]
    handover: Option<String>,

    /// Målgruppe / group.
    #[arg(long, value_name = "standard|jobcenter_from_day_one")]
    group: Option<String>,

    /// Timer, du har brugt af dagpengeperioden i en tidligere ledighed («forbrugte timer» i a-kassens
    /// selvbetjening), fx 481 eller 481,25 / hours used of the dagpengeperiode in an earlier spell of
    /// unemployment ("forbrugte timer" in the a-kasse's self-service), e.g. 481 or 481.25.
    #[arg(long, value_name = "TIMER", allow_negative_numbers = true)]
    prior_hours: Option<String>,

    /// Periode uden dagpenge (FRA:TIL[:ÅRSAG]); sygdom skrives hele sygdomsperioden, fra første til
    /// sidste sygedag (FRA:TIL:sygdom: de første 14 dage tæller med); arbejde på nedsat tid med timer
    /// om ugen (FRA:TIL:arbejde:15), uden slutdato indtil videre (FRA::arbejde:15); kan gentages /
    /// a period without dagpenge; a sickness from its first to its last sick day (FROM:TO:sygdom:
    /// the first 14 days count); part-time work with hours a week (FROM:TO:arbejde:15), until
    /// further notice with an empty TO (FROM::arbejde:15); may be repeated.
    #[arg(long, value_name = "FRA:TIL[:ÅRSAG[:TIMER]]", action = clap::ArgAction::Append, value_parser = pause)]
    pause: Vec<Pause>,

    /// Sprog / language.
    #[arg(long, value_name = "da|en")]
    lang: Option<String>,

    /// Sammenlign med nabo-reglerne / compare with the neighbouring rules.
    #[arg(long)]
    compare: bool,
}

/// One `--pause FROM:TO[:REASON[:HOURS]]`; the core checks the dates, the reason and the hours. An
/// empty TO (`2026-06-01::arbejde:15`) leaves `to` out of the request: part-time work "indtil
/// videre" (any other period without an end is the core's `E_MISSING_FIELD`).
#[derive(Clone, Debug)]
pub struct Pause {
    from: String,
    to: Option<String>,
    reason: Option<String>,
    /// The hours worked a week, as a JSON number ("15", "18.5"; "18,5" is read as 18.5).
    hours: Option<serde_json::Number>,
}

fn pause(v: &str) -> Result<Pause, Bad> {
    let parts: Vec<&str> = v.split(':').collect();
    let (from, to, reason, hours) = match parts[..] {
        [from, to] => (from, to, "", None),
        [from, to, reason] => (from, to, reason, None),
        [from, to, reason, hours] => (from, to, reason, Some(hours)),
        _ => {
            return Err(Bad::new(
                "skriv FRA:TIL, FRA:TIL:ÅRSAG eller FRA:TIL:ÅRSAG:TIMER, fx 2024-04-01:2024-05-10:sygdom, 2024-06-01:2024-08-31:arbejde:15 eller 2026-06-01::arbejde:15 (indtil videre)".into(),
                "write FROM:TO, FROM:TO:REASON or FROM:TO:REASON:HOURS, e.g. 2024-04-01:2024-05-10:sygdom, 2024-06-01:2024-08-31:arbejde:15 or 2026-06-01::arbejde:15 (until further notice)".into(),
            ));
        }
    };
    let hours = match hours {
        None => None,
        Some(text) => Some(
            serde_json::from_str::<serde_json::Number>(&text.replace(',', ".")).map_err(|_| {
                Bad::new(
                    format!("timer om ugen skal være et tal, fx 15 eller 18,5, ikke «{text}»"),
                    format!("hours a week must be a number, e.g. 15 or 18.5, not «{text}»"),
                )
            })?,
        ),
    };
    Ok(Pause {
        from: from.to_string(),
        to: (!to.is_empty()).then(|| to.to_string()),
        reason: (!reason.is_empty()).then(|| reason.to_string()),
        hours,
    })
}

/// Builds the request, asks the core, and prints the table (or the core's error: exit status 1).
pub fn run(args: TableArgs) -> io::Result<ExitCode> {
    match plan_str(&request(args).to_string()) {
        Ok(plan) => {
            crate::out(&render_table(&plan))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            crate::say(&format!("samtaleplan: {}: {}\n", e.code, e.message));
            Ok(ExitCode::FAILURE)
        }
    }
}

/// The JSON request the options stand for. Without `--today` the day is the local date, as the
/// page gives it.
fn request(args: TableArgs) -> Value {
    let mut req = Map::new();
    if let Some(start) = args.start {
        req.insert("start".into(), json!(start));
    }
    if args.deltid {
        req.insert("insurance".into(), json!("deltid"));
    } else if args.fuldtid {
        req.insert("insurance".into(), json!("fuldtid"));
    }
    let today = args.today.unwrap_or_else(|| crate::today::local().to_string());
    req.insert("today".into(), json!(today));
    for (key, value) in [("handover", args.handover), ("group", args.group), ("lang", args.lang)] {
        if let Some(v) = value {
            req.insert(key.into(), json!(v));
        }
    }
    if let Some(h) = args.prior_hours {
        req.insert("prior_hours".into(), prior_hours(&h));
    }
    if args.compare {
        req.insert("compare".into(), json!(true));
    }
    if !args.pause.is_empty() {
        let pauses = args.pause.into_iter().map(|p| {
            let mut o = Map::new();
            o.insert("from".into(), json!(p.from));
            if let Some(to) = p.to {
                o.insert("to".into(), json!(to));
            }
            if let Some(r) = p.reason {
                o.insert("reason".into(), json!(r));
            }
            if let Some(h) = p.hours {
                o.insert("hours_per_week".into(), Value::Number(h));
            }
            Value::Object(o)
        });
        req.insert("pauses".into(), Value::Array(pauses.collect()));
    }
    Value::Object(req)
}

/// `--prior-hours` as the request's `prior_hours`: a JSON number where the text is one with a
/// decimal comma or point ("481,25", "481.25"), otherwise the text itself, so that every refused
/// value gets the core's own error and code (a string `E_TYPE`; negative or three decimals
/// `E_UNKNOWN_VALUE`; over a whole dagpengeperiode `E_PRIOR_HOURS`).
fn prior_hours(text: &str) -> Value {
    let number = if text.matches(',').count() == 1 && !text.contains('.') {
        text.replacen(',', ".", 1)
    } else {
        text.to_string()
    };
    match serde_json::from_str::<serde_json::Number>(number.trim()) {
        Ok(n) => Value::Number(n),
        Err(_) => json!(text),
    }
}

/// The readable table: samtaler with holder and window, then how each date was found.
fn render_table(plan: &Response) -> String {
    let lang = plan.lang;
    let t = |da: &'static str, en: &'static str| lang.pick(da, en);
    let mut s = String::new();
    let insurance = match plan.insurance {
        samtaleplan::vocabulary::insurance::Insurance::Fuldtid => t("fuldtid", "full-time"),
        samtaleplan::vocabulary::insurance::Insurance::Deltid => t("deltid", "part-time"),
    };
    s += &format!(
        "{} {} ({insurance})\n",
        t(
            "Samtaleplan, første ledighedsdag",
            "Samtaleplan, first day of unemployment"
        ),
        long(plan.start, lang)
    );
    s += &format!(
        "{}: {} {} ({} {})\n{}\n\n",
        t("Regler", "Rules"),
        plan.regime.id,
        plan.regime.name,
        t("for ledighed, der begynder", "for unemployment beginning"),
        period(plan.regime.from, plan.regime.to, lang),
        plan.regime.citation
    );
    s += &inputs(plan);
    let mut header = vec![
        t("Samtale", "Interview"),
        t("Hvem holder den", "Held by"),
        t("Tidligst", "Earliest"),
        t("Senest", "Latest"),
    ];
    let with_status = plan.samtaler.iter().any(|x| x.status.is_some());
    if with_status {
        header.push("Status");
    }
    let rows: Vec<Vec<String>> = plan
        .samtaler
        .iter()
        .map(|x| {
            let mut latest = long(x.latest, lang);
            if x.latest_non_working {
                latest.push_str(" *");
            }
            let mut title = format!("{} {}", x.id, x.title);
            if x.obligation != Obligation::Required {
                title.push_str(&format!(" ({})", x.obligation.label(lang)));
            }
            let mut row = vec![title, x.holder_label.to_string(), long(x.earliest, lang), latest];
            if let Some(st) = x.status {
                row.push(st.label(lang).to_string());
            }
            row
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<&str>| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    if plan.samtaler.is_empty() {
        s += t(
            "Ingen samtaler i denne ledighed.\n",
            "No samtaler in this spell of unemployment.\n",
        );
    } else {
        s += &line(header.clone());
        s += &line(
            widths
                .iter()
                .map(|w| "-".repeat(*w))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect(),
        );
    }
    for r in &rows {
        s += &line(r.iter().map(String::as_str).collect());
    }
    if !plan.not_owed.is_empty() {
        let ids: Vec<&str> = plan.not_owed.iter().map(|x| x.id).collect();
        s += &format!(
            "{}: {} {}\n",
            t("Holdes ikke i denne ledighed", "Not held in this spell"),
            ids.join(", "),
            t("(se advarslerne)", "(see the warnings)")
        );
    }
    if plan.samtaler.iter().any(|x| x.latest_non_working) {
        s += t(
            "* den seneste dato er ikke en arbejdsdag (se advarslerne)\n",
            "* the latest date is not a working day (see the warnings)\n",
        );
    }
    if !plan.samtaler.is_empty() {
        s += &format!("\n{}\n", t("Hjemmel og beregning", "Legal basis and computation"));
    }
    for x in &plan.samtaler {
        s += &format!("{:<4}{} [{}]", x.id, x.citation, x.basis.label(lang));
        if let Some(note) = x.note {
            s += &format!(" {note}");
        }
        if let Some(nominal) = x.nominal {
            s += &format!(" {} {}.", t("Nominel dato:", "Nominal date:"), long(nominal, lang));
        }
        s += &format!("\n    {}\n", x.explanation);
        if let Some(source) = x.source {
            s += &format!("    {}: {} <{}>\n", t("Kilde", "Source"), source.name, source.url);
        }
    }
    if let Some(c) = &plan.comparison {
        s += &format!("\n{}\n", c.text);
        for x in &c.samtaler {
            s += &format!(
                "  {:<4}{}, {}: {} – {}\n",
                x.id,
                x.title,
                x.holder_label,
                long(x.earliest, lang),
                long(x.latest, lang)
            );
        }
    }
    for (title, list) in [
        (t("Advarsler", "Warnings"), &plan.warnings),
        (t("Forudsætninger", "Assumptions"), &plan.assumptions),
    ] {
        if !list.is_empty() {
            s += &format!("\n{title}\n");
            for m in list {
                s += &format!("  - {}\n", m.text);
            }
        }
    }
    s
}

/// The hours from an earlier spell and the periods, as the plan counted them, before the table:
/// "Perioder: 1. juni 2026 – indtil videre: arbejde, 15 timer om ugen".
fn inputs(plan: &Response) -> String {
    let lang = plan.lang;
    let t = |da: &'static str, en: &'static str| lang.pick(da, en);
    let mut s = String::new();
    if plan.prior_hours.0.0 > 0 {
        s += &format!(
            "{}: {}\n",
            t(
                "Timer fra tidligere ledighed i dagpengeperioden",
                "Hours from earlier unemployment in the dagpengeperiode"
            ),
            plan.prior_hours.0.format(lang)
        );
    }
    if !plan.pauses.is_empty() {
        s += &format!("{}:\n", t("Perioder", "Periods"));
        for p in &plan.pauses {
            let when = match p.to {
                Some(to) => span(p.from, to, lang),
                None => format!(
                    "{} – {}",
                    short(p.from, lang),
                    t("indtil videre", "until further notice")
                ),
            };
            let reason = match p.reason {
                PauseReason::Arbejde => t("arbejde", "work"),
                PauseReason::Sygdom => t("sygdom", "sickness"),
                PauseReason::Barsel => t("barsel", "parental leave"),
                PauseReason::Ferie => t("ferie", "holiday"),
                PauseReason::Afmeldt => t("afmeldt", "deregistered"),
                PauseReason::Andet => t("andet", "other"),
            };
            s += &format!("  {when}: {reason}");
            if let Some(h) = p.hours_per_week {
                s += &format!(", {} {}", h.0.format(lang), t("timer om ugen", "hours a week"));
            }
            s += "\n";
        }
    }
    if !s.is_empty() {
        s += "\n";
    }
    s
}
