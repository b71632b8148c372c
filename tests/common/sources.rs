//! The crate's own Rust source files, found rather than listed, for the tests that read the code
//! (the layers, the law's literals, the documented codes): a file split off or added later is
//! still seen.

use std::path::{Path, PathBuf};

/// Every `.rs` file under each of `folders` (paths from the package root, such as `"src/plan"`).
pub fn rust_files(folders: &[&str]) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs: Vec<PathBuf> = folders.iter().map(|f| root.join(f)).collect();
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}
