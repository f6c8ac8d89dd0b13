//! Extraction of targets and actuals from report text (in progress).
