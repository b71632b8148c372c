//! Runs the case tables natively through the JSON contract.

mod common;

#[test]
fn every_case_table_holds() {
    let n = common::cases::run_all(samtaleplan::plan_json);
    assert!(
        n >= 180,
        "only {n} cases: did tests/common/case_tables/build.rs find the tables?"
    );
}

/// `TABLES` is what tests/common/case_tables/build.rs found in tests/cases/ when the tests were
/// built: every `tests/cases/*.toml` there now, and no other, so no table runs nowhere.
#[test]
fn every_table_on_disk_is_in_tables() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            entry
                .expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = common::cases::TABLES.iter().map(|(name, _)| name.to_string()).collect();
    listed.sort();
    assert!(on_disk.len() >= 9, "only {on_disk:?} in {}", dir.display());
    assert_eq!(
        on_disk, listed,
        "tests/cases/*.toml and the TABLES tests/common/case_tables/build.rs listed differ"
    );
}
