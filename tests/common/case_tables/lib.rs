//! The case tables in tests/cases/, built in (`TABLES`), and the cases they hold (`CASES`), as
//! build.rs lists them. Read and checked by tests/common/cases.rs.

include!(concat!(env!("OUT_DIR"), "/case_tables.rs"));
