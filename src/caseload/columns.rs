//! The header of a caseload file: which columns it has (their Danish and English names, the
//! `holdt_<ID>` columns) and where each one is, found once. Columns it does not know (a
//! caseworker) are ignored and named in a warning; empty ones, as Excel leaves, are ignored.

use super::Caseload;
use super::csv;
use crate::contract::error::{ErrorCode, PlanError, quote};
use std::borrow::Cow;
use std::sync::Arc;

/// The columns of a caseload file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Member,
    /// The member's name, shown beside the reference and searched (never used to compute).
    Name,
    Start,
    Insurance,
    Group,
    Pauses,
    /// `forbrugte_timer`: hours from an earlier spell in the same dagpengeperiode.
    PriorHours,
    /// `holdt_<ID>`: the date samtale ID was held.
    Held(String),
    /// `akasse_deltog_<ID>`: whether the a-kasse took part in joint samtale ID (ja/nej).
    Present(String),
}

/// The names of each column, as [`column`] sees them (lower case, spaces and hyphens as `_`):
/// "Ledig siden" is `ledig_siden`. Danish first; docs/caseload.md lists them all.
const MEMBER: [&str; 9] = [
    "medlem",
    "medlemsnummer",
    "medlemsnr",
    "medlemsnr.",
    "member",
    "member_id",
    "reference",
    "ref",
    "id",
];
const NAME: [&str; 8] = [
    "navn",
    "medlemsnavn",
    "fulde_navn",
    "fuldt_navn",
    "medlemmets_navn",
    "name",
    "full_name",
    "member_name",
];
const START: [&str; 9] = [
    "start",
    "ledig_fra",
    "ledig_siden",
    "ledighedsdato",
    "første_ledighedsdag",
    "forste_ledighedsdag",
    "startdato",
    "first_day",
    "unemployed_since",
];
const INSURANCE: [&str; 4] = ["forsikring", "forsikringstype", "forsikringsstatus", "insurance"];
const GROUP: [&str; 2] = ["gruppe", "group"];
const PAUSES: [&str; 2] = ["pauser", "pauses"];
/// The prior-hours column's names, as [`column`] sees them (lower case, spaces and hyphens as
/// `_`): "Forbrugte timer" is `forbrugte_timer`. Danish first.
const PRIOR_HOURS: [&str; 6] = [
    "forbrugte_timer",
    "tidligere_timer",
    "timer_før",
    "timer_foer",
    "prior_hours",
    "hours_used",
];

fn column(name: &str) -> Option<Column> {
    let n = name.trim().to_lowercase().replace([' ', '-'], "_");
    let held = n.strip_prefix("holdt_").or_else(|| n.strip_prefix("held_"));
    let present = n
        .strip_prefix("akasse_deltog_")
        .or_else(|| n.strip_prefix("akasse_present_"));
    let id = |id: &str| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric());
    if let Some(p) = present.filter(|p| id(p)) {
        return Some(Column::Present(p.to_ascii_uppercase()));
    }
    Some(match n.as_str() {
        _ if MEMBER.contains(&n.as_str()) => Column::Member,
        _ if NAME.contains(&n.as_str()) => Column::Name,
        _ if START.contains(&n.as_str()) => Column::Start,
        _ if INSURANCE.contains(&n.as_str()) => Column::Insurance,
        _ if GROUP.contains(&n.as_str()) => Column::Group,
        _ if PAUSES.contains(&n.as_str()) => Column::Pauses,
        _ if PRIOR_HOURS.contains(&n.as_str()) => Column::PriorHours,
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
    /// The number of fields a row has (the header's, without trailing empty ones).
    pub(super) width: usize,
    pub(super) member: usize,
    pub(super) name: Option<usize>,
    pub(super) start: usize,
    pub(super) insurance: Option<usize>,
    pub(super) group: Option<usize>,
    pub(super) pauses: Option<usize>,
    pub(super) prior_hours: Option<usize>,
    /// (column, samtale id)
    pub(super) held: Vec<(usize, String)>,
    /// (column, samtale id) of the `akasse_deltog_<ID>` columns.
    pub(super) present: Vec<(usize, String)>,
}

impl Layout {
    /// Whether the column is read (not ignored).
    #[cfg(feature = "xlsx")]
    pub(super) fn reads(&self, i: usize) -> bool {
        i == self.member
            || i == self.start
            || [self.name, self.insurance, self.group, self.pauses, self.prior_hours].contains(&Some(i))
            || self.held.iter().any(|(k, _)| *k == i)
            || self.present.iter().any(|(k, _)| *k == i)
    }
}

impl Caseload {
    /// Reads the header: the columns and where each is. Unknown columns are ignored (and named
    /// in a warning), empty ones too; a known column twice, or no member or start, stops the
    /// file.
    pub(super) fn header(&mut self, line: usize, names: &[Cow<'_, str>]) {
        let lang = self.opts.lang;
        let fail = |da: String, en: String| Some(PlanError::new(ErrorCode::CsvHeader, lang, da, en));
        let width = csv::width_of(names);
        let mut columns = Vec::new();
        let mut unnamed = 0;
        // The column picked as the members' label is read as their name, and a `navn` column
        // beside it is then ignored (and offered as a label in its turn).
        let label = self
            .opts
            .label
            .as_deref()
            .map(|l| l.trim().to_lowercase())
            .filter(|l| !l.is_empty());
        let mut labelled = false;
        for name in &names[..width] {
            let name = name.trim();
            let mut c = column(name);
            if let Some(label) = &label {
                if !labelled && name.to_lowercase() == *label {
                    if c.as_ref().is_some_and(|c| *c != Column::Name) {
                        self.fatal = fail(
                            format!(
                                "Kolonnen {} er valgt som medlemmernes navn, men den bruges allerede til beregningen. Vælg en anden kolonne.",
                                quote(name)
                            ),
                            format!(
                                "The column {} is picked as the members' name, but it is already used in the calculation. Pick another column.",
                                quote(name)
                            ),
                        );
                        return;
                    }
                    c = Some(Column::Name);
                    labelled = true;
                } else if c == Some(Column::Name) {
                    c = None;
                }
            }
            match &c {
                None if name.is_empty() => unnamed += 1,
                None => self.ignored.push(name.to_string()),
                Some(c) if columns.contains(&Some(c.clone())) => {
                    self.fatal = fail(
                        format!("Kolonnen {} står to gange i overskriften på linje {line}.", quote(name)),
                        format!("The column {} appears twice in the header on line {line}.", quote(name)),
                    );
                    return;
                }
                Some(_) => {}
            }
            columns.push(c);
        }
        if let Some(label) = self.opts.label.as_deref().filter(|_| label.is_some() && !labelled) {
            let shown: Vec<String> = names[..width].iter().take(12).map(|n| quote(n)).collect();
            self.fatal = fail(
                format!(
                    "Kolonnen {}, der er valgt som medlemmernes navn, står ikke i overskriften på linje {line}; den har {}.",
                    quote(label),
                    shown.join(", ")
                ),
                format!(
                    "The column {}, picked as the members' name, is not in the header on line {line}; it has {}.",
                    quote(label),
                    shown.join(", ")
                ),
            );
            return;
        }
        let find = |c: &Column| columns.iter().position(|x| x.as_ref() == Some(c));
        let (Some(member), Some(start)) = (find(&Column::Member), find(&Column::Start)) else {
            let (da, en) = if find(&Column::Member).is_none() {
                ("medlem", "member")
            } else {
                ("start", "start")
            };
            let known = known_columns();
            let shown: Vec<String> = names[..width].iter().take(8).map(|n| quote(n)).collect();
            self.fatal = fail(
                format!(
                    "Overskriften på linje {line} mangler kolonnen {da}; den har {}. Kendte kolonner er (store og små bogstaver ens, _ for mellemrum): {known}.",
                    shown.join(", ")
                ),
                format!(
                    "The header on line {line} has no {en} column; it has {}. Known columns are (any case, _ for a space): {known}.",
                    shown.join(", ")
                ),
            );
            return;
        };
        let held: Vec<(usize, String)> = columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Some(Column::Held(id)) => Some((i, id.clone())),
                _ => None,
            })
            .collect();
        let present: Vec<(usize, String)> = columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Some(Column::Present(id)) => Some((i, id.clone())),
                _ => None,
            })
            .collect();
        self.held_ids = held.iter().map(|(_, id)| Arc::from(id.as_str())).collect();
        self.present_ids = present.iter().map(|(_, id)| Arc::from(id.as_str())).collect();
        self.unnamed = unnamed;
        self.name_column = find(&Column::Name).map(|i| names[i].trim().to_string());
        self.layout = Some(Layout {
            width,
            member,
            name: find(&Column::Name),
            start,
            insurance: find(&Column::Insurance),
            group: find(&Column::Group),
            pauses: find(&Column::Pauses),
            prior_hours: find(&Column::PriorHours),
            held,
            present,
        });
    }
}

/// Every header the calculator knows, for the message of a header without a member or start
/// column: each column's names, Danish first, `_` standing for a space or a hyphen.
fn known_columns() -> String {
    let names = |list: &[&str]| list.join("/");
    [
        names(&MEMBER),
        names(&START),
        names(&NAME),
        names(&INSURANCE),
        names(&GROUP),
        names(&PAUSES),
        names(&PRIOR_HOURS),
        "holdt_<ID>/held_<ID>".into(),
        "akasse_deltog_<ID>/akasse_present_<ID>".into(),
    ]
    .join("; ")
}
