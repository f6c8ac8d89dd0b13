//! Every semantic check of a plan, in one place: the file loader (`plan_file`) only
//! reads and writes files and reports these problems at the file's lines, and
//! [`Plan::validate`] and [`Plan::check`] report them by path.
//!
//! Errors make a plan unusable (an unknown indicator, a unit that does not fit);
//! warnings are contradictions the plan cannot resolve by itself (a ceiling on a
//! declared higher-is-better indicator, year-to-date figures of a stock).

use std::collections::{HashMap, HashSet};

use crate::comparator::Comparator;
use crate::indicator::{Indicator, Measure, Polarity};
use crate::observation::{field_location, Observation, Observations};
use crate::period::Period;
use crate::plan::Plan;
use crate::quantity::Quantity;
use crate::target::Condition;
use crate::unit::{Dimension, Unit};
use crate::{Issue, Location};

/// What a scan of rows found: errors in row order, and each indicator's year-to-date
/// warning (with the indicator's id) at its first row among them.
type Scanned<'p> = (Vec<Issue>, Vec<(&'p str, Issue)>);

/// What [`Plan::check`] found: errors (the plan or a row is unusable) and warnings
/// (contradictions it cannot resolve, which evaluation goes on with).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Checked {
    /// Problems that make the plan, or an observation row, unusable: the plan's own
    /// ([`Plan::validate`]) and every observation on an indicator the plan does not
    /// define (`unknown_indicator`, at its row and column).
    pub errors: Vec<Issue>,
    /// Contradictions: a ceiling (`<=`, `<`) on a declared higher-is-better indicator
    /// or a floor on a lower-is-better one (`polarity_contradiction`), year-to-date
    /// observations of an indicator that is not a flow (`ytd_not_flow`).
    pub warnings: Vec<Issue>,
}

impl Checked {
    /// True when there is no error (warnings may remain).
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// A problem found by [`Plan::problems`]: which item and field, a code and a message.
pub(crate) struct Problem {
    pub(crate) at: (Option<(&'static str, usize)>, &'static str),
    pub(crate) code: &'static str,
    pub(crate) message: String,
    /// A contradiction reported as a warning, not an error.
    pub(crate) warning: bool,
}

impl Problem {
    /// An error (not a warning) at `at`.
    fn error(
        at: (Option<(&'static str, usize)>, &'static str),
        code: &'static str,
        message: String,
    ) -> Problem {
        Problem {
            at,
            code,
            message,
            warning: false,
        }
    }
}

/// Indicators whose own definition had a problem (an unknown `kind`, a bad unit):
/// known by id, but not checked against (see [`Plan::problems`]).
#[derive(Debug, Default)]
pub(crate) struct Broken {
    pub(crate) ids: HashSet<String>,
}

/// The message of a target on an indicator the plan does not define.
pub(crate) fn unknown_indicator_of_target(target: &str, indicator: &str) -> String {
    format!("target {target:?} is on unknown indicator {indicator:?}")
}

impl Plan {
    /// Checks a plan built in code: every error, each located by its path
    /// (`target[3].condition`). Warnings are left to [`check`](Plan::check).
    pub fn validate(&self) -> Vec<Issue> {
        self.problems(&Broken::default(), false)
            .into_iter()
            .map(by_path)
            .collect()
    }

    /// Every check of the plan and of `observations` against it, in one call: the
    /// plan's errors ([`validate`](Plan::validate)); every observation on an indicator
    /// the plan does not define (in its jurisdiction) as an `unknown_indicator` error
    /// at the row and column it was read from; and the warnings — contradictions it
    /// cannot resolve (see [`Checked::warnings`]). Pass `&Observations::new()` to
    /// check the plan alone.
    ///
    /// ```
    /// use planwatch::{Observations, Plan};
    /// let plan = Plan::from_toml_str(r#"
    /// [plan]
    /// id = "demo"
    /// period = "2024"
    ///
    /// [[indicator]]
    /// id = "new_jobs"
    /// name = { zh = "新增就业人数" }
    /// unit = "人"
    ///
    /// [[target]]
    /// indicator = "new_jobs"
    /// condition = ">= 1.5万人"
    /// "#, "demo.toml")?;
    /// let obs = Observations::from_csv_str(
    ///     "indicator,period,value,unit\nnew_jobs,2024年1-9月,12000,人\nnew_jbos,2024,18746,人\n",
    ///     "obs.csv",
    /// )?;
    /// let checked = plan.check(&obs);
    /// assert_eq!(checked.errors[0].code, "unknown_indicator");
    /// assert_eq!((checked.errors[0].location.line, checked.errors[0].location.column), (Some(3), Some(1)));
    /// assert_eq!(checked.warnings[0].code, "ytd_not_flow");
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn check(&self, observations: &Observations) -> Checked {
        let mut out = Checked::default();
        for p in self.problems(&Broken::default(), true) {
            if p.warning {
                out.warnings.push(by_path(p));
            } else {
                out.errors.push(by_path(p));
            }
        }
        let rows = self.observation_issues(crate::evaluate::Rows::all(observations));
        out.errors.extend(rows.errors);
        out.warnings.extend(rows.warnings);
        super::check_rows::duplicates(self, observations, &mut out.warnings);
        out
    }

    /// The part of [`Plan::check`] about observations alone (unknown indicator ids,
    /// year-to-date figures of a stock): what an evaluation reports, since the plan's
    /// own problems were found when it was loaded.
    pub(crate) fn observation_issues(&self, rows: crate::evaluate::Rows<'_>) -> Checked {
        let positions = rows.positions(&crate::evaluate::indicators_of(self), false);
        self.observation_issues_on(rows, &positions, false)
    }

    /// [`observation_issues`](Plan::observation_issues), with `parallel` (and the
    /// `parallel` feature) on every core for a large batch: each core scans a run of
    /// rows, and the runs' issues are joined in row order, each indicator's
    /// year-to-date warning kept at its first row over all runs, so the issues are
    /// those of one scan.
    /// `positions` are the rows' indicators as `Rows::positions` gives them.
    pub(crate) fn observation_issues_on(
        &self,
        rows: crate::evaluate::Rows<'_>,
        positions: &[usize],
        parallel: bool,
    ) -> Checked {
        #[cfg(feature = "parallel")]
        if parallel && rows.only.is_none() && rows.all.len() >= 50_000 {
            use rayon::prelude::*;
            // Every row of the batch (no subset): the batch's own runs in pieces, each
            // row numbered by its piece's start.
            let pieces: Vec<(usize, &[crate::Observation])> = rows.all.pieces(16_384).collect();
            let runs: Vec<Scanned<'_>> = pieces
                .par_iter()
                .map(|&(start, run)| {
                    let at = positions.get(start..).unwrap_or(&[]);
                    let numbered = run.iter().enumerate().map(|(i, o)| (start + i, o));
                    self.scan_rows(rows.all, numbered.zip(at.iter().copied()))
                })
                .collect();
            let mut out = Checked::default();
            let mut warned = HashSet::new();
            for (errors, ytd) in runs {
                out.errors.extend(errors);
                out.warnings.extend(
                    ytd.into_iter()
                        .filter(|(id, _)| warned.insert(*id))
                        .map(|(_, w)| w),
                );
            }
            return out;
        }
        let _ = parallel;
        let (errors, ytd) = self.scan_rows(rows.all, rows.iter().zip(positions.iter().copied()));
        Checked {
            errors,
            warnings: ytd.into_iter().map(|(_, w)| w).collect(),
        }
    }

    /// The issues of some rows: errors in row order, and each indicator's year-to-date
    /// warning at its first row among them.
    fn scan_rows<'p, 'o>(
        &'p self,
        observations: &'o Observations,
        rows: impl Iterator<Item = ((usize, &'o Observation), usize)>,
    ) -> Scanned<'p> {
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        // One warning per indicator, at its first year-to-date row.
        let mut ytd_warned = HashSet::new();
        // The nearest id of each unknown one, looked up once: a misspelt id is usually
        // misspelt on every row of its series.
        let mut nearest: HashMap<&str, Option<&str>> = HashMap::new();
        for ((i, o), at) in rows {
            if !self.covers(o) {
                continue;
            }
            let Some(ind) = self.indicators.get(at) else {
                let mut issue = Issue::new(
                    "unknown_indicator",
                    field_location(observations, i, 0),
                    format!(
                        "observation {}@{} is on indicator {:?}, which plan {:?} does not define",
                        o.indicator, o.period, o.indicator, self.id
                    ),
                )
                .with_input(o.indicator.to_string());
                let near = *nearest
                    .entry(o.indicator.as_ref())
                    .or_insert_with(|| super::check_rows::did_you_mean(self, &o.indicator));
                if let Some(near) = near {
                    issue.message.push_str(&format!("; did you mean {near:?}?"));
                    issue.hint = Some(format!("did you mean {near:?}?"));
                }
                errors.push(issue);
                continue;
            };
            errors.extend(super::check_rows::unit_issue(observations, i, o, ind));
            if matches!(o.period, Period::YearToDate { through, .. } if through < 12)
                && ind.measure == Measure::Level
                && !ind.flow
                && ind.formula.is_none()
                && ytd_warned.insert(ind.id.as_str())
            {
                warnings.push((
                    ind.id.as_str(),
                    Issue {
                        code: "ytd_not_flow".into(),
                        location: field_location(observations, i, 1),
                        message: format!(
                            "indicator {:?} has a year-to-date figure ({}) but is not a flow, so \
                             it is judged as a stock; declare `flow = true` if it accumulates",
                            ind.id, o.period
                        ),
                        input: None,
                        hint: None,
                    },
                ));
            }
        }
        (errors, warnings)
    }

    /// Contradictions between an indicator's declared direction and its targets.
    fn contradictions(&self, out: &mut Vec<Problem>) {
        let index = self.index();
        for (i, t) in self.targets.iter().enumerate() {
            let Some(ind) = index.get(t.indicator.as_str()) else {
                continue;
            };
            let Condition::Compare { op, value } = &t.condition else {
                continue;
            };
            let ceiling = matches!(op, Comparator::Le | Comparator::Lt);
            let floor = matches!(op, Comparator::Ge | Comparator::Gt);
            let message = match ind.polarity {
                Polarity::Higher if ceiling => format!(
                    "target {:?} is a ceiling ({op} {value}) on higher-is-better indicator {:?}; \
                     declare `polarity = \"lower\"` if lower is better",
                    t.id, ind.id
                ),
                Polarity::Lower if floor && t.baseline.is_none() => format!(
                    "target {:?} is a floor ({op} {value}) on lower-is-better indicator {:?}; \
                     declare `polarity = \"higher\"` if higher is better",
                    t.id, ind.id
                ),
                _ => continue,
            };
            out.push(Problem {
                at: (Some(("target", i)), "condition"),
                code: "polarity_contradiction",
                message,
                warning: true,
            });
        }
    }

    /// Every check of the plan's own items, shared by the file loader,
    /// [`validate`](Plan::validate) and [`check`](Plan::check). Indicators in `broken`
    /// had a problem of their own already reported: what refers to them is not checked
    /// again (the first cause only). With `contradictions`, also the warnings of
    /// targets that contradict their indicator's direction, which only
    /// [`check`](Plan::check) reports (a load and [`validate`](Plan::validate) leave
    /// them out, and skip the pass).
    pub(crate) fn problems(&self, broken: &Broken, contradictions: bool) -> Vec<Problem> {
        let index = self.index();
        let known = |id: &str| index.contains_key(id) || broken.ids.contains(id);
        let lookup = |id: &str| index.get(id).copied().filter(|_| !broken.ids.contains(id));
        let mut out = Vec::new();
        let mut problem = |at, code, message| out.push(Problem::error(at, code, message));
        let mut ids = HashSet::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            if !ids.insert(ind.id.as_str()) {
                problem(
                    (Some(("indicator", i)), "id"),
                    "duplicate_id",
                    format!("indicator id {:?} is defined twice", ind.id),
                );
            } else if !valid_id(&ind.id) {
                problem(
                    (Some(("indicator", i)), "id"),
                    "bad_id",
                    format!(
                        "indicator id {:?} must be letters, digits, '_', '-' or '.'",
                        ind.id
                    ),
                );
            }
        }
        // A table of targets has hundreds of thousands of ids: hashed by the memo's
        // hasher, fast where tables are read (`arrow`); the WebAssembly build keeps
        // the standard set, whose code it already carries.
        let mut ids = crate::observation::TextSet::with_capacity_and_hasher(
            self.targets.len(),
            Default::default(),
        );
        for (i, t) in self.targets.iter().enumerate() {
            if !ids.insert(t.id.as_str()) {
                problem(
                    (Some(("target", i)), "id"),
                    "duplicate_id",
                    format!(
                        "target id {:?} is used twice; give the targets distinct `id`s",
                        t.id
                    ),
                );
            }
        }
        for (i, ind) in self.indicators.iter().enumerate() {
            if let Some(of) = &ind.of {
                if !known(of) {
                    problem(
                        (Some(("indicator", i)), "of"),
                        "unknown_indicator",
                        format!(
                            "indicator {:?} is the growth of unknown indicator {of:?}",
                            ind.id
                        ),
                    );
                }
            }
            if let Some(f) = &ind.formula {
                for input in f.inputs() {
                    if !known(input) {
                        problem(
                            (Some(("indicator", i)), "formula"),
                            "unknown_indicator",
                            format!("formula of {:?} uses unknown indicator {input:?}", ind.id),
                        );
                    }
                }
                if self.formula_cycle(&ind.id, &index) {
                    problem(
                        (Some(("indicator", i)), "formula"),
                        "formula_cycle",
                        format!("formula of {:?} depends on itself", ind.id),
                    );
                }
            }
        }
        // Each target is checked alone: on every core for a large plan, in target
        // order (the WebAssembly build keeps the plain loop, and its size).
        #[cfg(feature = "parallel")]
        {
            let per_target = crate::per_row::per_row(self.targets.len(), |i, _| {
                let mut found = Vec::new();
                self.target_problems(i, broken, &lookup, &mut found);
                found
            });
            out.extend(per_target.into_iter().flatten());
        }
        #[cfg(not(feature = "parallel"))]
        for i in 0..self.targets.len() {
            self.target_problems(i, broken, &lookup, &mut out);
        }
        if contradictions {
            self.contradictions(&mut out);
        }
        out
    }

    /// The problems of target `i` (its indicator, its condition and its baseline) into
    /// `out`; `lookup` finds an indicator that is known and not broken.
    fn target_problems<'a>(
        &'a self,
        i: usize,
        broken: &Broken,
        lookup: &(dyn Fn(&str) -> Option<&'a Indicator> + Sync),
        out: &mut Vec<Problem>,
    ) {
        let Some(t) = self.targets.get(i) else {
            return;
        };
        let mut problem = |at, code, message| out.push(Problem::error(at, code, message));
        let at = |field| (Some(("target", i)), field);
        if broken.ids.contains(t.indicator.as_str()) {
            return;
        }
        let Some(ind) = lookup(&t.indicator) else {
            problem(
                at("indicator"),
                "unknown_indicator",
                unknown_indicator_of_target(&t.id, &t.indicator),
            );
            return;
        };
        let milestone = ind.measure == Measure::Milestone;
        match &t.condition {
            Condition::Done { .. } if !milestone => problem(
                at("condition"),
                "bad_condition",
                format!(
                    "target {:?}: 'done by' needs a milestone indicator, {:?} is a {}",
                    t.id,
                    ind.id,
                    ind.measure.name()
                ),
            ),
            Condition::Done { .. } => {}
            _ if milestone => problem(
                at("condition"),
                "bad_condition",
                format!(
                    "target {:?}: a milestone's condition is 'done by YYYY-MM-DD'",
                    t.id
                ),
            ),
            Condition::Reference { key, .. } => {
                if let Some(v) = self.references.get(key) {
                    if !compatible(ind.unit, v.unit()) {
                        problem(
                            at("condition"),
                            "reference_unit",
                            format!(
                                "reference {key:?} = {v} does not fit indicator {:?} in {}",
                                ind.id, ind.unit
                            ),
                        );
                    }
                }
            }
            c => {
                // The one or two bounds (no allocation per target).
                let mut units: [Option<Quantity>; 2] = [None, None];
                match c {
                    Condition::Compare { value, .. } => units[0] = Some(*value),
                    Condition::Approx { value, tolerance } => {
                        units[0] = Some(*value);
                        if let Some(tol) = tolerance {
                            if !compatible(value.unit(), tol.unit()) && tol.unit().symbol() != "%" {
                                problem(
                                    at("condition"),
                                    "incompatible_unit",
                                    format!(
                                        "target {:?}: tolerance {tol} does not fit {value}",
                                        t.id
                                    ),
                                );
                            }
                        }
                    }
                    Condition::Between { low, high } => units = [Some(*low), Some(*high)],
                    _ => {}
                }
                for q in units.into_iter().flatten() {
                    if !compatible(ind.unit, q.unit()) {
                        problem(
                                at("condition"),
                                "incompatible_unit",
                                format!("target {:?}: {q} ({}) does not fit indicator {:?} measured in {} ({})", t.id, q.dimension(), ind.id, ind.unit, ind.unit.dimension()),
                            );
                    }
                }
            }
        }
        if let Some(b) = &t.baseline {
            if !compatible(ind.unit, b.unit()) {
                problem(
                    at("baseline"),
                    "incompatible_unit",
                    format!(
                        "target {:?}: baseline {b} does not fit indicator {:?} in {}",
                        t.id, ind.id, ind.unit
                    ),
                );
            }
        }
    }

    /// True when the formula of `id` reaches `id` again through other formulas.
    fn formula_cycle(&self, id: &str, index: &crate::fast_hash::FastMap<&str, &Indicator>) -> bool {
        let mut stack: Vec<&str> = vec![id];
        let mut seen = HashSet::new();
        while let Some(cur) = stack.pop() {
            let Some(f) = index.get(cur).and_then(|i| i.formula.as_ref()) else {
                continue;
            };
            for input in f.inputs() {
                if input == id {
                    return true;
                }
                if seen.insert(input) {
                    stack.push(input);
                }
            }
        }
        false
    }
}

/// A problem located by its path in the plan (`target[3].condition`).
fn by_path(p: Problem) -> Issue {
    let path = match p.at.0 {
        Some((what, i)) => format!("{what}[{i}].{}", p.at.1),
        None => p.at.1.to_string(),
    };
    Issue {
        code: p.code.into(),
        location: Location {
            path: Some(path),
            ..Location::default()
        },
        message: p.message,
        input: None,
        hint: None,
    }
}

/// True for an id the plan file schema accepts: letters, digits, `_`, `-`, `.`.
pub(crate) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// True when a target value's unit may be used with an indicator's unit.
pub(crate) fn compatible(indicator: Unit, value: Unit) -> bool {
    let (a, b) = (indicator.dimension(), value.dimension());
    a == b
        || (a == Dimension::Ratio && b == Dimension::PercentagePoint)
        || (a == Dimension::PercentagePoint && b == Dimension::Ratio)
}
