//! Periods (filled in by the period work).
