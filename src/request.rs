//! The request (RULES.md § 5) and its strict reading: unknown fields, duplicate fields, wrong
//! types, malformed or impossible dates, unknown values and oversized input are all refused
//! with a stable code and a message in the request's language.

use crate::clock::{Insurance, Period};
use crate::dates::{DateError, parse_iso, short, ymd};
use crate::error::{ErrorCode, PlanError, quote};
use crate::lang::Lang;
use chrono::NaiveDate;
use serde::Serialize;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// A request line or document may be at most 64 KiB.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;
/// At most this many pauses in one request.
pub const MAX_PAUSES: usize = 1000;
/// The first `start` the calculator knows rules for (the 2015 reform).
pub const FIRST_START: NaiveDate = ymd(2015, 7, 1);
/// The last `start` accepted.
pub const LAST_START: NaiveDate = ymd(2099, 12, 31);
/// Every other date in a request (pauses, hand-over, today) must lie in these years.
pub const FIRST_DATE: NaiveDate = ymd(1900, 1, 1);
pub const LAST_DATE: NaiveDate = ymd(2199, 12, 31);

/// Who the plan is for (LAB § 27, stk. 3 names the "from day one" group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    #[default]
    Standard,
    JobcenterFromDayOne,
}

/// Why no dagpenge were paid in a pause. It does not change the arithmetic; it is shown back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PauseReason {
    Arbejde,
    Sygdom,
    Barsel,
    Ferie,
    Afmeldt,
    #[default]
    Andet,
}

impl PauseReason {
    /// The values of a pause's `reason`, as written in JSON.
    pub const ALL: [(&'static str, PauseReason); 6] = [
        ("arbejde", PauseReason::Arbejde),
        ("sygdom", PauseReason::Sygdom),
        ("barsel", PauseReason::Barsel),
        ("ferie", PauseReason::Ferie),
        ("afmeldt", PauseReason::Afmeldt),
        ("andet", PauseReason::Andet),
    ];
}

impl Insurance {
    const ALL: [(&'static str, Insurance); 2] = [("fuldtid", Insurance::Fuldtid), ("deltid", Insurance::Deltid)];
}

impl Group {
    const ALL: [(&'static str, Group); 2] = [
        ("standard", Group::Standard),
        ("jobcenter_from_day_one", Group::JobcenterFromDayOne),
    ];
}

/// A period without dagpenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub period: Period,
    pub reason: PauseReason,
}

/// A valid request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub start: NaiveDate,
    pub insurance: Insurance,
    pub group: Group,
    pub pauses: Vec<Pause>,
    pub handover: Option<NaiveDate>,
    pub today: Option<NaiveDate>,
    pub lang: Lang,
    /// Also answer with the plan under the neighbouring regime.
    pub compare: bool,
}

impl Request {
    /// A request with only `start`, everything else at its default.
    pub fn new(start: NaiveDate) -> Request {
        Request {
            start,
            insurance: Insurance::default(),
            group: Group::default(),
            pauses: Vec::new(),
            handover: None,
            today: None,
            lang: Lang::default(),
            compare: false,
        }
    }
}

/// A JSON value read with one rule serde_json's own `Value` lacks: a key may appear only once
/// in an object. Both the JSON text and JS objects (through serde-wasm-bindgen) are read into it.
#[derive(Debug, Clone, PartialEq)]
pub struct StrictValue(pub Value);

/// Reading a [`StrictValue`] fails with this marker inside serde's message for duplicate keys.
const DUPLICATE_MARK: &str = "\u{0}duplicate:";

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // NaN and infinities (possible from JS) have no JSON form: they become null, then a type error.
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        StrictValue::deserialize(d).map(|v| v.0)
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let StrictValue(v) = map.next_value()?;
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!("{DUPLICATE_MARK}{key}")));
            }
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// Turns a failure to read the JSON into the right error: a duplicate key, or bad JSON.
pub fn read_error(err: &str, lang: Lang) -> PlanError {
    if let Some(pos) = err.find(DUPLICATE_MARK) {
        let rest = &err[pos + DUPLICATE_MARK.len()..];
        // serde_json appends " at line L column C"; keep only the key.
        let key = rest.rsplit_once(" at line ").map_or(rest, |(k, _)| k);
        return PlanError::new(
            ErrorCode::DuplicateField,
            lang,
            format!("Feltet {} står mere end én gang i forespørgslen.", quote(key)),
            format!("The field {} appears more than once in the request.", quote(key)),
        );
    }
    PlanError::new(
        ErrorCode::Json,
        lang,
        format!("Forespørgslen er ikke gyldig JSON ({}).", quote(err)),
        format!("The request is not valid JSON ({}).", quote(err)),
    )
}

/// Reads a request from JSON text.
pub fn from_json(text: &str) -> Result<Request, PlanError> {
    let lang = sniff_lang(text);
    if text.len() > MAX_REQUEST_BYTES {
        return Err(too_large(text.len(), lang));
    }
    let value: StrictValue = serde_json::from_str(text).map_err(|e| read_error(&e.to_string(), lang))?;
    from_value(&value.0)
}

/// The error for a request over the size limit.
pub fn too_large(bytes: usize, lang: Lang) -> PlanError {
    PlanError::new(
        ErrorCode::RequestTooLarge,
        lang,
        format!("Forespørgslen fylder {bytes} bytes; grænsen er {MAX_REQUEST_BYTES} bytes (64 KiB)."),
        format!("The request is {bytes} bytes; the limit is {MAX_REQUEST_BYTES} bytes (64 KiB)."),
    )
}

/// For errors found before the JSON is read: English only if the text plainly asks for it.
fn sniff_lang(text: &str) -> Lang {
    let head = &text.as_bytes()[..text.len().min(4096)];
    let compact: Vec<u8> = head.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
    if compact.windows(11).any(|w| w == b"\"lang\":\"en\"") {
        Lang::En
    } else {
        Lang::Da
    }
}

/// Reads a request from a JSON value (already free of duplicate keys).
pub fn from_value(value: &Value) -> Result<Request, PlanError> {
    let Some(obj) = value.as_object() else {
        return Err(PlanError::new(
            ErrorCode::NotObject,
            Lang::Da,
            "Forespørgslen skal være et JSON-objekt, fx {\"start\": \"2024-03-04\"}.".into(),
            "The request must be a JSON object, e.g. {\"start\": \"2024-03-04\"}.".into(),
        ));
    };
    // The language comes first, so every later message can be in it; a bad `lang` is reported in Danish.
    let lang = match obj.get("lang") {
        None | Some(Value::Null) => Lang::default(),
        Some(Value::String(s)) => Lang::parse(s).ok_or_else(|| unknown_value("lang", s, &["da", "en"], Lang::Da))?,
        Some(_) => return Err(wrong_type("lang", Expected::String, Lang::Da)),
    };
    let r = Reader { lang };
    r.check_fields(
        obj,
        None,
        &[
            "start",
            "insurance",
            "group",
            "pauses",
            "handover",
            "today",
            "lang",
            "compare",
        ],
    )?;

    let start = r.date(obj, "start", "start")?.ok_or_else(|| r.missing("start"))?;
    if start < FIRST_START {
        return Err(PlanError::new(
            ErrorCode::StartTooEarly,
            lang,
            format!(
                "Første ledighedsdag ({}) ligger før {}. Beregneren kender kun reglerne fra beskæftigelsesreformen 1. juli 2015 og frem.",
                short(start, Lang::Da),
                short(FIRST_START, Lang::Da)
            ),
            format!(
                "The first day of unemployment ({}) is before {}. The calculator only knows the rules from the 2015 reform on.",
                short(start, Lang::En),
                short(FIRST_START, Lang::En)
            ),
        ));
    }
    if start > LAST_START {
        return Err(PlanError::new(
            ErrorCode::StartTooLate,
            lang,
            format!(
                "Første ledighedsdag ({}) ligger efter {}.",
                short(start, Lang::Da),
                short(LAST_START, Lang::Da)
            ),
            format!(
                "The first day of unemployment ({}) is after {}.",
                short(start, Lang::En),
                short(LAST_START, Lang::En)
            ),
        ));
    }
    let insurance = r.choice(obj.get("insurance"), "insurance", &Insurance::ALL, Insurance::default())?;
    let group = r.choice(obj.get("group"), "group", &Group::ALL, Group::default())?;
    let handover = r.date(obj, "handover", "handover")?;
    let today = r.date(obj, "today", "today")?;
    let compare = match obj.get("compare") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(r.wrong_type("compare", Expected::Bool)),
    };
    let pauses = match obj.get("pauses") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            if items.len() > MAX_PAUSES {
                return Err(PlanError::new(
                    ErrorCode::TooManyPauses,
                    lang,
                    format!("Der er {} pauser; højst {MAX_PAUSES} er tilladt.", items.len()),
                    format!("There are {} pauses; at most {MAX_PAUSES} are allowed.", items.len()),
                ));
            }
            items
                .iter()
                .enumerate()
                .map(|(i, item)| r.pause(i, item))
                .collect::<Result<_, _>>()?
        }
        Some(_) => return Err(r.wrong_type("pauses", Expected::Array)),
    };
    Ok(Request {
        start,
        insurance,
        group,
        pauses,
        handover,
        today,
        lang,
        compare,
    })
}

#[derive(Clone, Copy)]
enum Expected {
    String,
    Bool,
    Array,
    Object,
}

fn wrong_type(field: &str, expected: Expected, lang: Lang) -> PlanError {
    let (da, en) = match expected {
        Expected::String => ("en tekst", "a string"),
        Expected::Bool => ("true eller false", "true or false"),
        Expected::Array => ("en liste", "an array"),
        Expected::Object => ("et objekt", "an object"),
    };
    PlanError::new(
        ErrorCode::Type,
        lang,
        format!("Feltet {field} skal være {da}."),
        format!("The field {field} must be {en}."),
    )
}

fn unknown_value(field: &str, value: &str, allowed: &[&str], lang: Lang) -> PlanError {
    let list = allowed.join(", ");
    PlanError::new(
        ErrorCode::UnknownValue,
        lang,
        format!(
            "Feltet {field} har den ukendte værdi {}; tilladt er: {list}.",
            quote(value)
        ),
        format!(
            "The field {field} has the unknown value {}; allowed: {list}.",
            quote(value)
        ),
    )
}

struct Reader {
    lang: Lang,
}

impl Reader {
    fn wrong_type(&self, field: &str, expected: Expected) -> PlanError {
        wrong_type(field, expected, self.lang)
    }

    fn missing(&self, field: &str) -> PlanError {
        PlanError::new(
            ErrorCode::MissingField,
            self.lang,
            format!("Feltet {field} mangler."),
            format!("The field {field} is missing."),
        )
    }

    /// Refuses any key outside `known`, naming the object it was found `within`.
    fn check_fields(&self, obj: &Map<String, Value>, within: Option<&str>, known: &[&str]) -> Result<(), PlanError> {
        let Some(k) = obj.keys().find(|k| !known.contains(&k.as_str())) else {
            return Ok(());
        };
        let (da_in, en_in) = within.map_or((String::new(), String::new()), |w| {
            (format!(" i {w}"), format!(" in {w}"))
        });
        let list = known.join(", ");
        Err(PlanError::new(
            ErrorCode::UnknownField,
            self.lang,
            format!("Ukendt felt {}{da_in}; kendte felter er: {list}.", quote(k)),
            format!("Unknown field {}{en_in}; known fields are: {list}.", quote(k)),
        ))
    }

    /// An optional date field (`null` counts as absent); `path` names it in messages.
    fn date(&self, obj: &Map<String, Value>, key: &str, path: &str) -> Result<Option<NaiveDate>, PlanError> {
        let s = match obj.get(key) {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::String(s)) => s,
            Some(_) => return Err(self.wrong_type(path, Expected::String)),
        };
        let d = parse_iso(s).map_err(|e| match e {
            DateError::Format => PlanError::new(
                ErrorCode::DateFormat,
                self.lang,
                format!(
                    "{path}: {} er ikke en dato på formen ÅÅÅÅ-MM-DD, fx 2024-03-04.",
                    quote(s)
                ),
                format!(
                    "{path}: {} is not a date of the form YYYY-MM-DD, e.g. 2024-03-04.",
                    quote(s)
                ),
            ),
            DateError::Invalid => PlanError::new(
                ErrorCode::DateInvalid,
                self.lang,
                format!("{path}: datoen {} findes ikke i kalenderen.", quote(s)),
                format!("{path}: the date {} does not exist.", quote(s)),
            ),
        })?;
        if d < FIRST_DATE || d > LAST_DATE {
            return Err(PlanError::new(
                ErrorCode::DateRange,
                self.lang,
                format!("{path}: datoen {s} skal ligge mellem år 1900 og 2199."),
                format!("{path}: the date {s} must lie between the years 1900 and 2199."),
            ));
        }
        Ok(Some(d))
    }

    /// An optional field with a fixed list of values; absent or null gives `default`.
    fn choice<T: Copy>(
        &self,
        value: Option<&Value>,
        path: &str,
        values: &[(&str, T)],
        default: T,
    ) -> Result<T, PlanError> {
        match value {
            None | Some(Value::Null) => Ok(default),
            Some(Value::String(s)) => values
                .iter()
                .find(|(name, _)| name == s)
                .map(|&(_, v)| v)
                .ok_or_else(|| {
                    let names: Vec<&str> = values.iter().map(|(n, _)| *n).collect();
                    unknown_value(path, s, &names, self.lang)
                }),
            Some(_) => Err(self.wrong_type(path, Expected::String)),
        }
    }

    fn pause(&self, i: usize, item: &Value) -> Result<Pause, PlanError> {
        let path = format!("pauses[{i}]");
        let obj = item
            .as_object()
            .ok_or_else(|| self.wrong_type(&path, Expected::Object))?;
        self.check_fields(obj, Some(&path), &["from", "to", "reason"])?;
        let from_path = format!("{path}.from");
        let to_path = format!("{path}.to");
        let from = self
            .date(obj, "from", &from_path)?
            .ok_or_else(|| self.missing(&from_path))?;
        let to = self.date(obj, "to", &to_path)?.ok_or_else(|| self.missing(&to_path))?;
        if to < from {
            return Err(PlanError::new(
                ErrorCode::PauseReversed,
                self.lang,
                format!("{path}: pausen slutter ({to}) før den begynder ({from})."),
                format!("{path}: the pause ends ({to}) before it begins ({from})."),
            ));
        }
        let reason = self.choice(
            obj.get("reason"),
            &format!("{path}.reason"),
            &PauseReason::ALL,
            PauseReason::default(),
        )?;
        Ok(Pause {
            period: Period { from, to },
            reason,
        })
    }
}
