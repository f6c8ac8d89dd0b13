//! The one integration-test binary of planwatch (see core/Cargo.toml): every module
//! here is compiled and linked once.

mod builtin_china;
mod builtin_data;
mod columnar;
mod conformance;
mod evaluate_builtin;
mod explanations;
mod extract_dev;
mod extract_forms;
mod extract_gold;
mod extract_peers;
mod extract_phrases;
mod inputs;
mod invariants;
mod many;
mod parallel_index;
mod plan_load;
mod quantity_props;
mod quantity_table;
mod records;
mod report;
mod tables;
#[cfg(feature = "excel")]
mod workbook;
