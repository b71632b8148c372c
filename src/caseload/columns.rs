//! The header of a caseload file: which columns it has (their Danish and English names, the
//! `holdt_<ID>` columns) and where each one is, found once.

use super::Caseload;
use super::csv::{self, Record};
use crate::contract::error::{ErrorCode, PlanError, quote};
use std::sync::Arc;

/// The columns of a caseload file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Member,
    Start,
    Insurance,
    Group,
    Pauses,
    /// `holdt_<ID>`: the date samtale ID was held.
    Held(String),
}

const MEMBER: [&str; 7] = [
    "medlem",
    "medlemsnummer",
    "medlemsnr",
    "member",
    "reference",
    "ref",
    "id",
];
const START: [&str; 6] = [
    "start",
    "ledig_fra",
    "første_ledighedsdag",
    "forste_ledighedsdag",
    "first_day",
    "startdato",
];

fn column(name: &str) -> Option<Column> {
    let n = name.trim().to_lowercase().replace([' ', '-'], "_");
    let held = n.strip_prefix("holdt_").or_else(|| n.strip_prefix("held_"));
    Some(match n.as_str() {
        _ if MEMBER.contains(&n.as_str()) => Column::Member,
        _ if START.contains(&n.as_str()) => Column::Start,
        "forsikring" | "insurance" => Column::Insurance,
        "gruppe" | "group" => Column::Group,
        "pauser" | "pauses" => Column::Pauses,
        _ => match held {
            Some(id) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric()) => {
                Column::Held(id.to_ascii_uppercase())
            }
            _ => return None,
        },
    })
}

/// Where each column is, found once from the header.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    pub(super) delimiter: u8,
    pub(super) width: usize,
    pub(super) member: usize,
    pub(super) start: usize,
    pub(super) insurance: Option<usize>,
    pub(super) group: Option<usize>,
    pub(super) pauses: Option<usize>,
    /// (column, samtale id)
    pub(super) held: Vec<(usize, String)>,
}

impl Caseload {
    /// Reads the header: the delimiter, the columns and where each is.
    pub(super) fn header(&mut self, r: &Record) {
        let lang = self.opts.lang;
        let delimiter = csv::guess_delimiter(&r.bytes);
        let fail = |da: String, en: String| Some(PlanError::new(ErrorCode::CsvHeader, lang, da, en));
        let mut names = Vec::new();
        if csv::fields(&r.bytes, delimiter, &mut names).is_err() {
            self.fatal = fail(
                format!("Overskriften på linje {} kan ikke læses.", r.line),
                format!("The header on line {} cannot be read.", r.line),
            );
            return;
        }
        let known = "medlem, start, forsikring, gruppe, pauser, holdt_<ID> (eller member, start, insurance, group, pauses, held_<ID>)";
        let mut columns = Vec::new();
        for name in &names {
            let Some(c) = column(name) else {
                self.fatal = fail(
                    format!(
                        "Ukendt kolonne {} i overskriften; kendte kolonner er: {known}.",
                        quote(name)
                    ),
                    format!(
                        "Unknown column {} in the header; known columns are: {known}.",
                        quote(name)
                    ),
                );
                return;
            };
            if columns.contains(&c) {
                self.fatal = fail(
                    format!("Kolonnen {} står to gange i overskriften.", quote(name)),
                    format!("The column {} appears twice in the header.", quote(name)),
                );
                return;
            }
            columns.push(c);
        }
        let find = |c: &Column| columns.iter().position(|x| x == c);
        let (Some(member), Some(start)) = (find(&Column::Member), find(&Column::Start)) else {
            let (da, en) = if find(&Column::Member).is_none() {
                ("medlem", "member")
            } else {
                ("start", "start")
            };
            self.fatal = fail(
                format!("Overskriften mangler kolonnen {da}."),
                format!("The header has no {en} column."),
            );
            return;
        };
        let held: Vec<(usize, String)> = columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Column::Held(id) => Some((i, id.clone())),
                _ => None,
            })
            .collect();
        self.held_ids = held.iter().map(|(_, id)| Arc::from(id.as_str())).collect();
        self.layout = Some(Layout {
            delimiter,
            width: columns.len(),
            member,
            start,
            insurance: find(&Column::Insurance),
            group: find(&Column::Group),
            pauses: find(&Column::Pauses),
            held,
        });
    }
}
