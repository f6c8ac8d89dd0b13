//! Evaluation: every target of a plan against observations, at a date.
//!
//! The verdict of a target depends only on the plan, the observations and `as_of`:
//! observations are indexed by (indicator, period) keeping the latest vintage
//! published on or before `as_of`, ties broken by status and then by value, so the
//! result is the same whatever the order of the inputs — byte for byte once rendered.

mod assessment;
mod data;
mod explain;
mod many;
mod math;
mod rows;
mod rule;
mod rules;
mod scorecard;

use jiff::civil::Date;
use rust_decimal::Decimal;

pub use assessment::{Assessment, Grade, Input, ProgressClass, Severity, Status};
pub use many::{
    evaluate_many, evaluate_many_loaded, evaluate_many_sources, load_plan, Many, PlanFailure,
    Unplanned,
};
#[cfg(feature = "arrow")]
pub use many::{evaluate_many_arrow, observations_from_arrow};
pub(crate) use rows::{indicators_of, Rows};
pub use rule::Rule;
pub(crate) use rules::skeleton;
#[cfg(feature = "arrow")]
pub(crate) use scorecard::section_key as section_key_of;
pub use scorecard::{GroupCounts, Margins, Scorecard, StatusCounts, StretchRow, Summary};

use crate::observation::Observations;
use crate::plan::Plan;

/// Settings of an evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Evaluate as of this date: only observations published on or before it count,
    /// and deadlines after it are still open. None: every observation counts, and the
    /// evaluation date is the later of the plan period's end and the latest publication.
    pub as_of: Option<Date>,
    /// 基本完成 margin for levels: completion at or above this ratio (default 0.95).
    pub basic_ratio: Decimal,
    /// 基本完成 margin for rates: within this many percentage points (default 0.5).
    pub basic_margin_pp: Decimal,
    /// With [`try_evaluate`]: figures that cannot be compared with their target, and
    /// conflicting figures of the same vintage, are errors instead of verdicts.
    /// [`evaluate`] always returns a scorecard and reports them there.
    pub strict: bool,
    /// Evaluate targets on every core (with the crate's `parallel` feature, on by
    /// default and left out of the WebAssembly build). The result is byte-identical
    /// either way; false keeps one thread (inside a Dask or Spark worker, say).
    pub parallel: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            as_of: None,
            basic_ratio: Decimal::new(95, 2),
            basic_margin_pp: Decimal::new(5, 1),
            strict: false,
            parallel: true,
        }
    }
}

impl Options {
    /// Default options evaluated as of `date`.
    pub fn as_of(date: Date) -> Options {
        Options {
            as_of: Some(date),
            ..Options::default()
        }
    }
}

/// Evaluates every target of `plan` against `observations`.
///
/// ```
/// use planwatch::{evaluate, Observations, Options, Plan, Status};
/// let plan = Plan::builtin("nanshan-2024")?;
/// let obs = Observations::builtin("nanshan-2024")?;
/// let card = evaluate(&plan, &obs, &Options::default());
/// let gdp = card.assessment("gdp_growth").unwrap();
/// assert_eq!(gdp.status, Status::Missed); // 4.1% < 5.5%
/// # Ok::<(), planwatch::Error>(())
/// ```
pub fn evaluate(plan: &Plan, observations: &Observations, options: &Options) -> Scorecard {
    evaluate_rows(plan, Rows::all(observations), options)
}

/// [`evaluate`] on a view of a batch: the rows a plan sees within a larger one keep
/// their indices, so the issues found point at the rows of the whole batch.
pub(crate) fn evaluate_rows(plan: &Plan, observations: Rows<'_>, options: &Options) -> Scorecard {
    // Each row's indicator is looked up once, for the index and the scan of the
    // observations against the plan; these then read the rows independently: on two
    // cores they run side by side.
    let indicators = rows::indicators_of(plan);
    let positions = observations.positions(&indicators, options.parallel);
    let (data, (as_of, checked)) = crate::per_row::join(
        options.parallel,
        || {
            data::Data::new(
                plan,
                observations,
                indicators,
                &positions,
                options.as_of,
                options.parallel,
            )
        },
        || {
            let as_of = options.as_of.unwrap_or_else(|| {
                observations
                    .iter()
                    .map(|(_, o)| o.published())
                    .chain(std::iter::once(plan.period.end()))
                    .max()
                    .unwrap_or_else(|| plan.period.end())
            });
            (
                as_of,
                plan.observation_issues_on(observations, &positions, options.parallel),
            )
        },
    );
    let ctx = rules::Ctx {
        plan,
        data: &data,
        opts: options,
        as_of,
    };
    let mut assessments = assess_all(&ctx, options.parallel);
    rules::finish(&ctx, &mut assessments);
    let mut issues = checked.errors;
    issues.extend(checked.warnings);
    Scorecard::new(plan, options, as_of, assessments, issues)
}

/// Every target's verdict, in plan order: on all cores with the `parallel` feature
/// (the order and the bytes are the same either way).
fn assess_all(ctx: &rules::Ctx<'_>, parallel: bool) -> Vec<Assessment> {
    #[cfg(feature = "parallel")]
    if parallel {
        use rayon::prelude::*;
        return ctx
            .plan
            .targets
            .par_iter()
            .map(|t| rules::assess(ctx, t))
            .collect();
    }
    let _ = parallel;
    ctx.plan
        .targets
        .iter()
        .map(|t| rules::assess(ctx, t))
        .collect()
}

/// Evaluates as [`evaluate`] does; with [`Options::strict`], a target whose figures
/// cannot be compared with it, or whose figures conflict (two final figures of the
/// same vintage that disagree), is an error listing every such target, and so is an
/// observation on an indicator the plan does not define (`unknown_indicator`).
///
/// ```
/// use planwatch::{try_evaluate, Observations, Options, Plan};
/// let plan = Plan::from_toml_str(
///     "[plan]\nid = \"p\"\nperiod = \"2024\"\n[[indicator]]\nid = \"g\"\nname = { zh = \"增长\" }\nunit = \"%\"\nmeasure = \"growth\"\n[[target]]\nindicator = \"g\"\ncondition = \">= 5%\"\n",
///     "p.toml",
/// )?;
/// let obs = Observations::from_csv_str("indicator,period,value,unit\ng,2024,5.4,%\ng,2024,5.6,%\n", "o.csv")?;
/// let strict = Options { strict: true, ..Options::default() };
/// let err = try_evaluate(&plan, &obs, &strict).unwrap_err();
/// assert_eq!(err.code(), "conflict");
/// assert!(try_evaluate(&plan, &obs, &Options::default()).is_ok());
/// # Ok::<(), planwatch::Error>(())
/// ```
pub fn try_evaluate(
    plan: &Plan,
    observations: &Observations,
    options: &Options,
) -> crate::Result<Scorecard> {
    let card = evaluate(plan, observations, options);
    if !options.strict {
        return Ok(card);
    }
    let issues: Vec<crate::error::Issue> = card
        .assessments
        .iter()
        .filter(|a| !a.conflicts.is_empty() || a.status == Status::NotComparable)
        .map(|a| {
            let what = if a.conflicts.is_empty() {
                "not comparable"
            } else {
                "conflicting figures"
            };
            crate::error::Issue {
                code: if a.conflicts.is_empty() {
                    "not_comparable".into()
                } else {
                    "conflict".into()
                },
                location: crate::error::Location::default(),
                message: format!("target {:?}: {what}: {}", a.target, a.notes.join("; ")),
                input: None,
                hint: None,
            }
        })
        .collect();
    let unknown: Vec<crate::error::Issue> = card
        .issues
        .iter()
        .filter(|i| i.code == "unknown_indicator")
        .cloned()
        .collect();
    if issues.is_empty() && !unknown.is_empty() {
        return Err(crate::Error::from_issues("observations", unknown));
    }
    if issues.is_empty() {
        return Ok(card);
    }
    let kind = if card.assessments.iter().any(|a| !a.conflicts.is_empty()) {
        crate::ErrorKind::Conflict
    } else {
        crate::ErrorKind::NotComparable
    };
    Err(crate::Error::new(
        kind,
        format!("{} target(s) cannot be judged strictly", issues.len()),
    )
    .with_issues(issues))
}

impl Plan {
    /// Evaluates this plan; see [`evaluate`].
    pub fn evaluate(&self, observations: &Observations, options: &Options) -> Scorecard {
        evaluate(self, observations, options)
    }
}
