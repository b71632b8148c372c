//! Lists the case tables in tests/cases/ so that a table added there runs natively (tests/cases.rs)
//! and in the browser (tests/wasm.rs, which cannot read files and so needs each table built in
//! with `include_str!`) without being named in any list. It writes `$OUT_DIR/case_tables.rs`,
//! which lib.rs includes: `TABLES` (every `*.toml`, by name, in name order) and `CASES` (the
//! `[[case]]` headers in them, counted from the text, which both runs assert they ran).

use std::path::Path;

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = Path::new(&root).join("../../cases");
    // A directory: Cargo runs this again when any file in it changes, is added or is removed.
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
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
    names.sort();
    let mut tables = String::new();
    let mut cases = 0;
    for name in &names {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        cases += text.lines().filter(|line| line.trim() == "[[case]]").count();
        let path = path.to_str().unwrap_or_else(|| panic!("{}: not UTF-8", path.display()));
        tables.push_str(&format!("    ({name:?}, include_str!({path:?})),\n"));
    }
    let out = format!(
        "/// Every case table in tests/cases/, by file name (listed by build.rs).\n\
         pub const TABLES: [(&str, &str); {}] = [\n{tables}];\n\n\
         /// The `[[case]]` headers in `TABLES`, counted from their text.\n\
         pub const CASES: usize = {cases};\n",
        names.len()
    );
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("case_tables.rs"), out).expect("case_tables.rs");
}
