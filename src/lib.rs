//! Samtaleplan: which mandatory samtaler a Danish dagpengemodtager must attend, who holds each
//! one, and between which dates — by the rules in `RULES.md`.
//!
//! The core (every module but `web`) is pure: no clock, no I/O, no JavaScript. "Today" is an
//! input. The `web` module, compiled only for wasm32, is the thin WebAssembly binding the page
//! and the embeddable element load; `src/cli/main.rs` is the command line over the same core.
//!
//! ```
//! let out = samtaleplan::plan_json(r#"{"start":"2024-03-04"}"#);
//! assert!(out.contains(r#""latest":"2024-03-18""#));
//! ```

pub mod contract;

// The caseload (and its dependencies: encoding_rs, calamine, rust_xlsxwriter) only with the
// feature of that name: the plan module is built without it.
#[cfg(feature = "caseload")]
pub mod caseload;
pub mod plan;
pub mod present;
pub mod rules;
pub mod vocabulary;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(test)]
#[path = "../tests/common/rng.rs"]
mod test_rng;

pub use contract::error::{ErrorCode, PlanError};
pub use contract::lang::Lang;
pub use contract::request::Request;
pub use contract::response::Response;
pub use plan::plan;

use contract::error::ErrorResponse;

/// Reads a JSON request and computes its plan.
pub fn plan_str(text: &str) -> Result<Response, PlanError> {
    plan(&contract::request::from_json(text)?)
}

/// The JSON-lines contract: one request in, one line out — the response, or
/// `{"error":{"code":…,"message":…}}`. The command line and the WebAssembly module both answer
/// through this function, so their bytes are the same.
pub fn plan_json(text: &str) -> String {
    to_line(&plan_str(text))
}

/// The JSON line for a plan or an error.
pub fn to_line(result: &Result<Response, PlanError>) -> String {
    match result {
        Ok(response) => to_json(response),
        Err(error) => error_json(error),
    }
}

/// The `{"error":…}` line for an error.
pub fn error_json(error: &PlanError) -> String {
    to_json(&ErrorResponse { error })
}

/// A value of the contract as compact JSON text (serde_json; the field order is the order the
/// contract's types declare them in).
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    // The contract's types hold only strings, dates, whole numbers, booleans, lists and
    // structs with string keys: serde_json cannot fail on them.
    serde_json::to_string(value).unwrap_or_else(|e| {
        let error = PlanError::internal(&e.to_string(), Lang::Da);
        format!(
            r#"{{"error":{{"code":"E_INTERNAL","message":{}}}}}"#,
            serde_json::Value::from(error.message)
        )
    })
}
