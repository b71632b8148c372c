//! Runs the case tables natively through the JSON contract.

mod common;

#[test]
fn every_case_table_holds() {
    let n = common::cases::run_all(samtaleplan::plan_json);
    assert!(n >= 180, "only {n} cases: is every table in TABLES?");
}
