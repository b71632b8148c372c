//! `samtaleplan`: the command line over the same core as the WebAssembly module.
//!
//!   samtaleplan --jsonl            one JSON request per line on stdin, one response per line out
//!   samtaleplan --json             one JSON request on stdin, one response out
//!   samtaleplan 2024-03-04 [opts]  a readable table (Danish by default)

use samtaleplan::contract::error::{ErrorCode, PlanError};
use samtaleplan::contract::request::{MAX_REQUEST_BYTES, sniff_lang, too_large};
use samtaleplan::contract::response::Response;
use samtaleplan::rules::dates::{long, period};
use samtaleplan::rules::regimes::Obligation;
use samtaleplan::{Lang, caseload, plan_str, to_line};
use serde_json::{Map, Value, json};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
Brug / usage:
  samtaleplan --jsonl              én JSON-forespørgsel pr. linje på stdin, ét svar pr. linje
  samtaleplan --json               én JSON-forespørgsel på stdin, ét svar
  samtaleplan ÅÅÅÅ-MM-DD [tilvalg]  en tabel over samtalerne
  samtaleplan caseload FIL.csv [--today ÅÅÅÅ-MM-DD] [--format json|csv] [--list LISTE]
                                   [--holder akasse|jobcenter|kommune|joint] [--lang da|en]
                                   sagsoverblik for en fil med ét medlem pr. række; LISTE er
                                   closing, overdue, workload, on_time_by_samtale,
                                   on_time_by_start_month, star eller errors (csv)

Tilvalg / options for the table:
  --deltid | --fuldtid             forsikring (standard: fuldtid)
  --today ÅÅÅÅ-MM-DD               vis status i forhold til denne dag
  --handover ÅÅÅÅ-MM-DD            overgangsdato oplyst af a-kassen
  --group standard|jobcenter_from_day_one
  --pause FRA:TIL[:ÅRSAG]          periode uden dagpenge (kan gentages)
  --lang da|en
  --compare                        sammenlign med nabo-reglerne / compare with the neighbouring rules
  --help, --version

Alle datoer er vejledende. The request and response are described in README.md.";

fn main() -> ExitCode {
    let Some(args) = std::env::args_os()
        .skip(1)
        .map(|a| a.into_string().ok())
        .collect::<Option<Vec<String>>>()
    else {
        eprintln!(
            "samtaleplan: {}: et argument er ikke gyldig tekst (UTF-8) / an argument is not valid UTF-8\n\n{USAGE}",
            ErrorCode::Usage
        );
        return ExitCode::from(2);
    };
    let result = match args.first().map(String::as_str) {
        Some("--jsonl") if args.len() == 1 => jsonl(),
        Some("caseload") => caseload(&args[1..]),
        Some("--json") if args.len() == 1 => json_one(),
        Some("--help" | "-h") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some("--version" | "-V") => {
            println!("samtaleplan {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        Some(_) => table(&args),
        None => {
            eprintln!("{USAGE}");
            Ok(ExitCode::from(2))
        }
    };
    match result {
        Ok(code) => code,
        // A reader that went away (`samtaleplan --jsonl | head`) is not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("samtaleplan: {e}");
            ExitCode::from(74)
        }
    }
}

/// One request per line, one answer per line, in order; a bad line answers with an error and the
/// run goes on. Lines longer than the request limit are skipped over without being held in memory.
fn jsonl() -> io::Result<ExitCode> {
    let mut input = io::BufReader::with_capacity(64 * 1024, io::stdin().lock());
    let mut out = BufWriter::new(io::stdout().lock());
    let mut line = Vec::with_capacity(1024);
    while let Some(len) = read_line_bounded(&mut input, &mut line, MAX_REQUEST_BYTES)? {
        let answer = to_line(&answer(&line, len));
        out.write_all(answer.as_bytes())?;
        out.write_all(b"\n")?;
        // Flush whenever no more input is waiting, so an interactive caller sees each answer.
        if input.buffer().is_empty() {
            out.flush()?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads one line (without `\n` or `\r\n`) into `buf`, keeping at most `max + 1` bytes of it.
/// Returns the line's full length, or `None` at the end of input.
fn read_line_bounded(input: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Option<usize>> {
    buf.clear();
    let mut len = 0usize;
    let mut any = false;
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        let room = (max + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        len += chunk.len();
        let used = chunk.len() + usize::from(done);
        input.consume(used);
        if done {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if buf.last() == Some(&b'\r') && len <= max + 1 {
        buf.pop();
        len -= 1;
    }
    Ok(Some(len))
}

/// The answer to one request, of which `kept` holds at most the first `MAX_REQUEST_BYTES + 1`
/// bytes and `len` is the full length.
fn answer(kept: &[u8], len: usize) -> Result<Response, PlanError> {
    let lang = sniff_lang(kept);
    if len > MAX_REQUEST_BYTES {
        return Err(too_large(len, lang));
    }
    let text = std::str::from_utf8(kept).map_err(|_| {
        PlanError::new(
            ErrorCode::Json,
            lang,
            "Forespørgslen er ikke gyldig UTF-8-tekst.".into(),
            "The request is not valid UTF-8 text.".into(),
        )
    })?;
    plan_str(text)
}

/// One request on stdin (it may span lines), one answer; exit status 1 if it was refused.
fn json_one() -> io::Result<ExitCode> {
    let mut stdin = io::stdin().lock();
    let mut kept = Vec::new();
    let first = (&mut stdin).take(MAX_REQUEST_BYTES as u64 + 1).read_to_end(&mut kept)?;
    // Count, without keeping, whatever is beyond the limit, to say how large the request was.
    let rest = io::copy(&mut stdin, &mut io::sink())?;
    let result = answer(&kept, first + usize::try_from(rest).unwrap_or(usize::MAX));
    let mut out = io::stdout().lock();
    writeln!(out, "{}", to_line(&result))?;
    out.flush()?;
    Ok(if result.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `samtaleplan 2024-03-04 --deltid …`: builds the same JSON request and prints a table.
fn table(args: &[String]) -> io::Result<ExitCode> {
    let request = match request_from_args(args) {
        Ok(r) => r,
        Err(msg) => {
            eprintln!("samtaleplan: {}: {msg}\n\n{USAGE}", ErrorCode::Usage);
            return Ok(ExitCode::from(2));
        }
    };
    match plan_str(&request.to_string()) {
        Ok(plan) => {
            let mut out = io::stdout().lock();
            out.write_all(render_table(&plan).as_bytes())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("samtaleplan: {}: {}", e.code, e.message);
            Ok(ExitCode::FAILURE)
        }
    }
}

fn request_from_args(args: &[String]) -> Result<Value, String> {
    let mut req = Map::new();
    let mut pauses = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} mangler en værdi"));
        match arg.as_str() {
            "--deltid" => drop(req.insert("insurance".into(), json!("deltid"))),
            "--compare" => drop(req.insert("compare".into(), json!(true))),
            "--fuldtid" => drop(req.insert("insurance".into(), json!("fuldtid"))),
            "--today" | "--handover" | "--group" | "--lang" => {
                let v = value(arg)?;
                req.insert(arg.trim_start_matches("--").into(), json!(v));
            }
            "--pause" => {
                let v = value(arg)?;
                let parts: Vec<&str> = v.split(':').collect();
                let pause = match parts[..] {
                    [from, to] => json!({"from": from, "to": to}),
                    [from, to, reason] => json!({"from": from, "to": to, "reason": reason}),
                    _ => return Err(format!("--pause {v}: skriv FRA:TIL eller FRA:TIL:ÅRSAG")),
                };
                pauses.push(pause);
            }
            a if a.starts_with('-') => return Err(format!("ukendt tilvalg {a}")),
            a if !req.contains_key("start") => drop(req.insert("start".into(), json!(a))),
            a => return Err(format!("én startdato ad gangen ({a})")),
        }
    }
    if !pauses.is_empty() {
        req.insert("pauses".into(), Value::Array(pauses));
    }
    Ok(Value::Object(req))
}

/// The readable table: samtaler with holder and window, then how each date was found.
fn render_table(plan: &Response) -> String {
    let lang = plan.lang;
    let t = |da: &'static str, en: &'static str| lang.pick(da, en);
    let mut s = String::new();
    let insurance = match plan.insurance {
        samtaleplan::rules::ledighed::Insurance::Fuldtid => t("fuldtid", "full-time"),
        samtaleplan::rules::ledighed::Insurance::Deltid => t("deltid", "part-time"),
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
    for r in &rows {
        s += &line(r.iter().map(String::as_str).collect());
    }
    if plan.samtaler.iter().any(|x| x.latest_non_working) {
        s += t(
            "* den seneste dato er ikke en arbejdsdag (se advarslerne)\n",
            "* the latest date is not a working day (see the warnings)\n",
        );
    }
    s += &format!("\n{}\n", t("Hjemmel og beregning", "Legal basis and computation"));
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

/// `samtaleplan caseload FILE.csv …`: the caseload summed up, as JSON (everything) or one list as CSV.
fn caseload(args: &[String]) -> io::Result<ExitCode> {
    let usage = |msg: String| -> io::Result<ExitCode> {
        eprintln!("samtaleplan: {}: {msg}\n\n{USAGE}", ErrorCode::Usage);
        Ok(ExitCode::from(2))
    };
    let (mut file, mut today, mut format, mut list, mut holder, mut lang) =
        (None, None, "json", "overdue", None, Lang::Da);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} mangler en værdi"));
        match arg.as_str() {
            "--today" => match value()
                .map(|v| samtaleplan::rules::dates::parse_iso(v).map_err(|_| format!("--today {v}: skriv ÅÅÅÅ-MM-DD")))
            {
                Ok(Ok(d)) => today = Some(d),
                Ok(Err(m)) | Err(m) => return usage(m),
            },
            "--format" => match value() {
                Ok(v) if v == "json" || v == "csv" => format = if v == "json" { "json" } else { "csv" },
                Ok(v) => return usage(format!("--format {v}: json eller csv")),
                Err(m) => return usage(m),
            },
            "--list" => match value() {
                Ok(v) => match caseload::EXPORTS.iter().find(|e| **e == v.as_str()) {
                    Some(e) => list = e,
                    None => return usage(format!("--list {v}: en af {}", caseload::EXPORTS.join(", "))),
                },
                Err(m) => return usage(m),
            },
            "--holder" => match value() {
                Ok(v) => match caseload::holder(v) {
                    Some(h) => holder = Some(h),
                    None => return usage(format!("--holder {v}: akasse, jobcenter, kommune eller joint")),
                },
                Err(m) => return usage(m),
            },
            "--lang" => match value() {
                Ok(v) if v == "da" || v == "en" => lang = if v == "en" { Lang::En } else { Lang::Da },
                Ok(v) => return usage(format!("--lang {v}: da eller en")),
                Err(m) => return usage(m),
            },
            a if a.starts_with('-') => return usage(format!("ukendt tilvalg {a}")),
            a if file.is_none() => file = Some(a.to_string()),
            a => return usage(format!("én fil ad gangen ({a})")),
        }
    }
    let Some(path) = file else {
        return usage("angiv en CSV-fil".into());
    };
    // The core never reads a clock; the command line gives it today's date (UTC) unless told.
    let today = today.unwrap_or_else(today_utc);
    let mut c = caseload::Caseload::new(caseload::Options {
        today,
        lang,
        list_limit: None,
    });
    let mut f = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("samtaleplan: {path}: {e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        c.feed(&buf[..n]);
    }
    let summary = match c.finish() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("samtaleplan: {}: {}", e.code, e.message);
            return Ok(ExitCode::FAILURE);
        }
    };
    let text = match format {
        "csv" => caseload::export(&summary, list, holder).unwrap_or_default(),
        _ => serde_json::to_string(&summary).map_err(io::Error::other)? + "\n",
    };
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Today's date in UTC, from the system clock: the command line's, never the core's.
fn today_utc() -> chrono::NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    samtaleplan::rules::dates::ymd(1970, 1, 1)
        .checked_add_days(chrono::Days::new(days))
        .unwrap_or(chrono::NaiveDate::MIN)
}
