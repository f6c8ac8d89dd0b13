//! Many plans against one batch: every county's plan at once.
//!
//! The batch holds every jurisdiction's rows. It is split once by jurisdiction; each
//! plan then sees exactly the rows [`Plan::covers`] gives it — its own jurisdiction's
//! and the rows without a jurisdiction (national figures a plan binds through a `ref:`
//! key naming one of its indicators) — so its scorecard is the one [`evaluate`] gives
//! for those rows alone. Without `as_of`, each plan's evaluation date is resolved from
//! the rows it sees, as it would be on its own. Plans are evaluated on every core with
//! the `parallel` feature, one plan per task.
//!
//! Nothing is dropped silently: a plan that cannot be evaluated (a load error, an
//! invalid plan, no jurisdiction) is a [`PlanFailure`] with every problem while the
//! others are evaluated, and rows of a jurisdiction no plan names are counted in
//! [`Unplanned`].

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::rows::Rows;
use super::{evaluate_rows, Options, Scorecard};
use crate::error::{Issue, Location};
use crate::observation::{field_location, Observations};
use crate::plan::Plan;
use crate::Error;

/// What [`evaluate_many`] returns: a scorecard per plan evaluated, and what could not be.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Many {
    /// One scorecard per plan evaluated, in the order the plans were given.
    pub scorecards: Vec<Scorecard>,
    /// The plans that could not be evaluated, each with every problem.
    pub failures: Vec<PlanFailure>,
    /// Rows of jurisdictions no plan was given for, per jurisdiction.
    pub unplanned: Vec<Unplanned>,
}

/// A plan that could not be evaluated, and the rows of its jurisdiction left unjudged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanFailure {
    /// Position of the plan among those given.
    pub index: usize,
    /// The plan's id, or the name its source was given under when it did not load.
    pub plan: String,
    /// Its jurisdiction, when known.
    pub jurisdiction: Option<String>,
    /// Every problem found.
    pub issues: Vec<Issue>,
    /// Rows of its jurisdiction that no other plan evaluated.
    pub rows: usize,
}

/// Rows for a jurisdiction that no plan was given for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unplanned {
    /// The jurisdiction.
    pub jurisdiction: String,
    /// How many rows it has.
    pub rows: usize,
    /// Where its first row was read (its jurisdiction field).
    pub first: Location,
}

impl Many {
    /// Every failure and every unplanned jurisdiction as issues (`plan_failed`,
    /// `no_plan`), for a caller that reports problems in one list.
    pub fn issues(&self) -> Vec<Issue> {
        let failed = self.failures.iter().map(|f| Issue {
            code: "plan_failed".into(),
            location: f
                .issues
                .first()
                .map(|i| i.location.clone())
                .unwrap_or_default(),
            message: format!(
                "plan {:?}{} was not evaluated ({} problem(s), first: {}); {} row(s) left unjudged",
                f.plan,
                f.jurisdiction
                    .as_deref()
                    .map(|j| format!(" for {j}"))
                    .unwrap_or_default(),
                f.issues.len(),
                f.issues.first().map(|i| i.message.as_str()).unwrap_or(""),
                f.rows
            ),
            input: None,
            hint: None,
        });
        let unplanned = self.unplanned.iter().map(|u| Issue {
            code: "no_plan".into(),
            location: u.first.clone(),
            message: format!(
                "{} row(s) for jurisdiction {:?}, which no plan was given for",
                u.rows, u.jurisdiction
            ),
            input: None,
            hint: None,
        });
        failed.chain(unplanned).collect()
    }
}

/// Row indices of a batch by jurisdiction, and the rows without one (seen by every plan).
struct Split<'a> {
    by: HashMap<&'a str, Vec<usize>>,
    shared: Vec<usize>,
}

impl<'a> Split<'a> {
    fn new(observations: &'a Observations) -> Split<'a> {
        let mut by: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut shared = Vec::new();
        for (i, o) in observations.iter().enumerate() {
            match &o.jurisdiction {
                Some(j) => by.entry(j.as_ref()).or_default().push(i),
                None => shared.push(i),
            }
        }
        Split { by, shared }
    }

    /// The rows a plan for `jurisdiction` sees: its own and the shared ones, ascending.
    fn rows_of(&self, jurisdiction: &str) -> Vec<usize> {
        let own = self.by.get(jurisdiction).map(Vec::as_slice).unwrap_or(&[]);
        let (mut a, mut b) = (own.iter().peekable(), self.shared.iter().peekable());
        let mut out = Vec::with_capacity(own.len() + self.shared.len());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(&&x), Some(&&y)) if x < y => a.next(),
                (Some(_), Some(_)) => b.next(),
                (Some(_), None) => a.next(),
                (None, _) => b.next(),
            };
            match next {
                Some(&i) => out.push(i),
                None => return out,
            }
        }
    }
}

/// Why `plan` cannot be evaluated in a many-plan run, if it cannot.
fn problems(plan: &Plan) -> Vec<Issue> {
    let mut issues = plan.validate();
    if plan.jurisdiction.is_none() {
        issues.push(Issue {
            code: "no_jurisdiction".into(),
            location: Location {
                path: Some("plan.jurisdiction".into()),
                ..Location::default()
            },
            message: format!(
                "plan {:?} has no jurisdiction, so it cannot be matched with its rows in a \
                 batch of many jurisdictions",
                plan.id
            ),
            input: None,
            hint: None,
        });
    }
    issues
}

/// Evaluates every plan against the rows of its jurisdiction in `observations` (and
/// the rows without a jurisdiction), in parallel with the `parallel` feature.
/// Each scorecard equals [`evaluate`](super::evaluate) of that plan on those rows.
///
/// ```
/// use planwatch::evaluation::evaluate_many;
/// use planwatch::{Observations, Options, Plan, Status};
/// let plan = |j: &str| Plan::from_toml_str(&format!(
///     "[plan]\nid = \"p-{j}\"\njurisdiction = \"{j}\"\nperiod = \"2024\"\n[[indicator]]\nid = \"g\"\nname = {{ zh = \"增长\" }}\nunit = \"%\"\nmeasure = \"growth\"\n[[target]]\nindicator = \"g\"\ncondition = \">= 5%\"\n"),
///     "p.toml",
/// );
/// let plans = vec![plan("甲县")?, plan("乙县")?];
/// let obs = Observations::from_csv_str(
///     "indicator,period,value,unit,jurisdiction\ng,2024,5.4,%,甲县\ng,2024,4.1,%,乙县\ng,2024,6,%,丙县\n",
///     "o.csv",
/// )?;
/// let many = evaluate_many(&plans, &obs, &Options::default());
/// assert_eq!(many.scorecards[0].assessments[0].status, Status::Met);
/// assert_eq!(many.scorecards[1].assessments[0].status, Status::Missed);
/// assert_eq!((many.unplanned[0].jurisdiction.as_str(), many.unplanned[0].rows), ("丙县", 1));
/// # Ok::<(), planwatch::Error>(())
/// ```
pub fn evaluate_many(plans: &[Plan], observations: &Observations, options: &Options) -> Many {
    let split = Split::new(observations);
    let checked: Vec<Vec<Issue>> = plans.iter().map(problems).collect();
    // One plan per task; a plan's own targets stay on one thread (same bytes either way).
    let inner = Options {
        parallel: options.parallel && plans.len() == 1,
        ..options.clone()
    };
    let evaluate_one = |(plan, issues): (&Plan, &Vec<Issue>)| -> Option<Scorecard> {
        if !issues.is_empty() {
            return None;
        }
        let jurisdiction = plan.jurisdiction.as_deref()?;
        let rows = split.rows_of(jurisdiction);
        Some(evaluate_rows(
            plan,
            Rows::subset(observations, &rows),
            &inner,
        ))
    };
    let pairs: Vec<(&Plan, &Vec<Issue>)> = plans.iter().zip(&checked).collect();
    let cards: Vec<Option<Scorecard>> = run(pairs, options.parallel, evaluate_one);

    // Jurisdictions with at least one plan evaluated, and the failures.
    let evaluated: std::collections::HashSet<&str> = plans
        .iter()
        .zip(&cards)
        .filter(|(_, c)| c.is_some())
        .filter_map(|(p, _)| p.jurisdiction.as_deref())
        .collect();
    let rows_left = |j: Option<&str>| match j {
        Some(j) if !evaluated.contains(j) => split.by.get(j).map_or(0, Vec::len),
        _ => 0,
    };
    let failures = plans
        .iter()
        .zip(checked)
        .enumerate()
        .filter(|(_, (_, issues))| !issues.is_empty())
        .map(|(index, (plan, issues))| PlanFailure {
            index,
            plan: plan.id.clone(),
            jurisdiction: plan.jurisdiction.clone(),
            issues,
            rows: rows_left(plan.jurisdiction.as_deref()),
        })
        .collect();
    let named: std::collections::HashSet<&str> = plans
        .iter()
        .filter_map(|p| p.jurisdiction.as_deref())
        .collect();
    let unplanned: BTreeMap<&str, &Vec<usize>> = split
        .by
        .iter()
        .filter(|(j, _)| !named.contains(**j))
        .map(|(j, rows)| (*j, rows))
        .collect();
    let jurisdiction_column = crate::observation::OBSERVATION_COLUMNS
        .iter()
        .position(|c| *c == "jurisdiction")
        .unwrap_or(0);
    Many {
        scorecards: cards.into_iter().flatten().collect(),
        failures,
        unplanned: unplanned
            .into_iter()
            .map(|(j, rows)| Unplanned {
                jurisdiction: j.to_string(),
                rows: rows.len(),
                first: rows
                    .first()
                    .map(|&i| field_location(observations, i, jurisdiction_column))
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

/// Loads one plan file (TOML, or JSON when the text starts with `{`) for a
/// many-plan run: the plan, or a [`PlanFailure`] under `name` (the `index`-th plan
/// given) with every problem at its line.
pub fn load_plan(index: usize, name: &str, text: &str) -> Result<Plan, PlanFailure> {
    let loaded = if text.trim_start().starts_with('{') {
        Plan::from_json_str(text, name)
    } else {
        Plan::from_toml_str(text, name)
    };
    loaded.map_err(|e| PlanFailure {
        index,
        plan: name.to_string(),
        jurisdiction: None,
        issues: error_issues(&e),
        rows: 0,
    })
}

/// [`evaluate_many`] on plans some of which did not load: those are failures in
/// [`Many::failures`] at their position, and the rows of their jurisdiction (unknown)
/// are [`Unplanned`].
pub fn evaluate_many_loaded(
    loaded: Vec<Result<Plan, PlanFailure>>,
    observations: &Observations,
    options: &Options,
) -> Many {
    let mut plans = Vec::new();
    let mut positions = Vec::new();
    let mut failures = Vec::new();
    for (index, result) in loaded.into_iter().enumerate() {
        match result {
            Ok(plan) => {
                plans.push(plan);
                positions.push(index);
            }
            Err(f) => failures.push(PlanFailure { index, ..f }),
        }
    }
    let mut many = evaluate_many(&plans, observations, options);
    for f in &mut many.failures {
        f.index = positions.get(f.index).copied().unwrap_or(f.index);
    }
    many.failures.extend(failures);
    many.failures.sort_by_key(|f| f.index);
    many
}

/// Loads plan files, each given with the name errors are reported under (see
/// [`load_plan`]), then evaluates them as [`evaluate_many`] does. A file that does not
/// load is a [`PlanFailure`] under its name, with every problem at its line; the rows
/// of its jurisdiction are then [`Unplanned`] (its jurisdiction is unknown).
pub fn evaluate_many_sources(
    sources: &[(&str, &str)],
    observations: &Observations,
    options: &Options,
) -> Many {
    let indexed: Vec<(usize, &(&str, &str))> = sources.iter().enumerate().collect();
    let loaded = run(indexed, options.parallel, |(i, (name, text))| {
        load_plan(i, name, text)
    });
    evaluate_many_loaded(loaded, observations, options)
}

/// Every problem of an error as issues: its own list, or the error itself.
fn error_issues(e: &Error) -> Vec<Issue> {
    if !e.issues().is_empty() {
        return e.issues().to_vec();
    }
    vec![Issue {
        code: e.code().into(),
        location: e.location().clone(),
        message: e.message().to_string(),
        input: None,
        hint: None,
    }]
}

/// `f` over `items`, on every core with the `parallel` feature, results in order.
fn run<T: Send, R: Send>(
    items: Vec<T>,
    parallel: bool,
    f: impl Fn(T) -> R + Sync + Send,
) -> Vec<R> {
    #[cfg(feature = "parallel")]
    if parallel {
        use rayon::prelude::*;
        return items.into_par_iter().map(f).collect();
    }
    let _ = parallel;
    items.into_iter().map(f).collect()
}

#[cfg(feature = "arrow")]
mod columnar {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, RecordBatch, StringArray};
    use arrow_schema::{DataType, Field, Schema};

    use super::{evaluate_many_loaded, Many, PlanFailure};
    use crate::limits::MAX_OBSERVATION_ROWS;
    use crate::plan::Plan;
    use crate::{Error, ErrorKind, Observations, Options, Result};

    impl Many {
        /// Every assessment of every scorecard as one Arrow record batch, scorecards in
        /// plan order: a `plan` and a `jurisdiction` column, then the columns of
        /// [`Scorecard::to_arrow`](crate::Scorecard::to_arrow).
        pub fn to_arrow(&self) -> Result<RecordBatch> {
            let assessments = self.scorecards.iter().flat_map(|c| c.assessments.iter());
            let batch = crate::columnar::to_record_batch(assessments)?;
            let per_row = |f: &dyn Fn(&crate::Scorecard) -> Option<&str>| -> ArrayRef {
                Arc::new(
                    self.scorecards
                        .iter()
                        .flat_map(|c| std::iter::repeat_n(f(c), c.assessments.len()))
                        .collect::<StringArray>(),
                )
            };
            let mut fields = vec![
                Field::new("plan", DataType::Utf8, false),
                Field::new("jurisdiction", DataType::Utf8, true),
            ];
            let mut columns = vec![
                per_row(&|c| Some(c.plan.as_str())),
                per_row(&|c| c.jurisdiction.as_deref()),
            ];
            fields.extend(batch.schema().fields().iter().map(|f| f.as_ref().clone()));
            columns.extend(batch.columns().iter().cloned());
            let options =
                arrow_array::RecordBatchOptions::new().with_row_count(Some(batch.num_rows()));
            RecordBatch::try_new_with_options(Arc::new(Schema::new(fields)), columns, &options)
                .map_err(|e| Error::new(ErrorKind::InvalidValue, e.to_string()))
        }
    }

    /// Observations from record batches of any length: read in chunks of at most
    /// [`MAX_OBSERVATION_ROWS`] rows (a national year is more than one batch's limit;
    /// each chunk is read on every core by
    /// [`Observations::from_arrow`]), each bad row still located by its row in the
    /// whole table, every bad row reported.
    pub fn observations_from_arrow(batches: &[RecordBatch], label: &str) -> Result<Observations> {
        let size = MAX_OBSERVATION_ROWS;
        // Chunks of at most `size` rows, batches sliced where they cross a boundary.
        let mut chunks: Vec<(usize, Vec<RecordBatch>)> = vec![(0, Vec::new())];
        let (mut rows, mut base) = (0usize, 0usize);
        for batch in batches {
            let mut offset = 0;
            while offset < batch.num_rows() {
                if rows == size {
                    base += rows;
                    chunks.push((base, Vec::new()));
                    rows = 0;
                }
                let take = (batch.num_rows() - offset).min(size - rows);
                if let Some((_, last)) = chunks.last_mut() {
                    last.push(batch.slice(offset, take));
                }
                rows += take;
                offset += take;
            }
        }
        let loaded = chunks
            .into_iter()
            .map(|(base, chunk)| Observations::from_arrow(&chunk, label).map_err(|e| (base, e)));
        let mut out = Observations::new();
        let mut issues = Vec::new();
        for result in loaded {
            match result {
                Ok(obs) => out.extend(obs),
                Err((base, e)) if !e.issues().is_empty() => {
                    issues.extend(e.issues().iter().cloned().map(|mut i| {
                        i.location.path = i.location.path.map(|p| shift_row(&p, base));
                        i
                    }))
                }
                Err((_, e)) => return Err(e),
            }
        }
        if issues.is_empty() {
            Ok(out)
        } else {
            Err(Error::from_issues(label, issues))
        }
    }

    /// `[12].value` of a chunk starting at row `base` is `[base + 12].value`.
    fn shift_row(path: &str, base: usize) -> String {
        let Some(rest) = path.strip_prefix('[') else {
            return path.to_string();
        };
        let Some((n, tail)) = rest.split_once(']') else {
            return path.to_string();
        };
        match n.parse::<usize>() {
            Ok(n) => format!("[{}]{tail}", n.saturating_add(base)),
            Err(_) => path.to_string(),
        }
    }

    /// [`evaluate_many_loaded`] on observations in Arrow record batches (every
    /// jurisdiction's rows in one table), the result as [`Many`] (see
    /// [`Many::to_arrow`]). A bad observation row fails the call with every bad row.
    pub fn evaluate_many_arrow(
        plans: Vec<std::result::Result<Plan, PlanFailure>>,
        batches: &[RecordBatch],
        options: &Options,
    ) -> Result<Many> {
        let observations = observations_from_arrow(batches, "observations")?;
        Ok(evaluate_many_loaded(plans, &observations, options))
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn rows_of_a_later_chunk_are_numbered_in_the_whole_table() {
            assert_eq!(super::shift_row("[12].value", 5_000_000), "[5000012].value");
            assert_eq!(super::shift_row("period", 7), "period");
        }
    }
}

#[cfg(feature = "arrow")]
pub use columnar::{evaluate_many_arrow, observations_from_arrow};
