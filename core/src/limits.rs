//! Documented size limits. Inputs beyond them get an [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge)
//! error instead of exhausting memory.

/// Largest report text accepted by extraction, in bytes (64 MiB).
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;
/// Largest plan file (TOML or JSON), in bytes (16 MiB).
pub const MAX_PLAN_BYTES: usize = 16 * 1024 * 1024;
/// Most observation rows in one batch (CSV or JSON).
pub const MAX_OBSERVATION_ROWS: usize = 5_000_000;
/// Largest single observation file, in bytes (1 GiB).
pub const MAX_OBSERVATION_BYTES: usize = 1024 * 1024 * 1024;
/// Longest single field (a quantity, a condition, a period), in bytes.
pub const MAX_FIELD_BYTES: usize = 4096;
