//! Plans: indicators, targets and bound references, loaded from files or built in code.

use std::collections::BTreeMap;

use crate::indicator::{Indicator, Measure};
use crate::period::Period;
use crate::plan_file;
use crate::quantity::Quantity;
use crate::target::{Condition, Target};
use crate::{Error, ErrorKind, Issue, Location, Result};

/// A development plan: what is measured and what is to be reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Stable id (`nanshan-2024`).
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// The period the plan is for; targets without a period inherit it.
    pub period: Period,
    /// Jurisdiction (`深圳市南山区`), so one run can evaluate many plans.
    pub jurisdiction: Option<String>,
    /// Id of the source document provenance spans point into.
    pub document: Option<String>,
    /// The indicators.
    pub indicators: Vec<Indicator>,
    /// The targets.
    pub targets: Vec<Target>,
    /// Values bound to `ref:` keys (a city's quota for a district).
    pub references: BTreeMap<String, Quantity>,
}

/// A cross-item problem found by [`Plan::check`]: which item and field, a code and a message.
pub(crate) struct Problem {
    pub(crate) at: (Option<(&'static str, usize)>, &'static str),
    pub(crate) code: &'static str,
    pub(crate) message: String,
}

impl Plan {
    pub(crate) fn empty() -> Plan {
        Plan {
            id: String::new(),
            title: None,
            period: Period::Year(2024),
            jurisdiction: None,
            document: None,
            indicators: Vec::new(),
            targets: Vec::new(),
            references: BTreeMap::new(),
        }
    }

    /// An empty plan with an id and a period, to fill in code.
    pub fn new(id: impl Into<String>, period: Period) -> Plan {
        Plan {
            id: id.into(),
            period,
            ..Plan::empty()
        }
    }

    /// Loads a plan from TOML text; `file` names the input in error locations. Every
    /// problem is reported at once, each with its line and column (an
    /// [`ErrorKind::Plan`] error whose [`issues`](Error::issues) list them).
    ///
    /// ```
    /// use planwatch::Plan;
    /// let plan = Plan::from_toml_str(r#"
    /// [plan]
    /// id = "demo"
    /// period = "2024"
    ///
    /// [[indicator]]
    /// id = "new_jobs"
    /// name = { zh = "新增就业人数", en = "New urban jobs" }
    /// unit = "人"
    /// kind = "binding"
    ///
    /// [[target]]
    /// indicator = "new_jobs"
    /// condition = ">= 1.5万人"
    /// "#, "demo.toml")?;
    /// assert_eq!(plan.targets[0].condition.to_string(), ">= 1.5万人");
    ///
    /// let err = Plan::from_toml_str("[plan]\nid = \"x\"\nperiod = \"2024Q5\"\n", "bad.toml").unwrap_err();
    /// assert_eq!(err.issues()[0].location.line, Some(3));
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn from_toml_str(text: &str, file: &str) -> Result<Plan> {
        plan_file::from_toml(text, file)
    }

    /// Loads a plan from JSON text in the same schema as TOML. Problems carry their
    /// path (`target[3].condition`); syntax errors their line and column.
    pub fn from_json_str(text: &str, file: &str) -> Result<Plan> {
        plan_file::from_json(text, file)
    }

    /// Writes the plan as TOML in the file schema; loading the output gives the same plan.
    pub fn to_toml(&self) -> Result<String> {
        plan_file::to_toml(self)
    }

    /// Writes the plan as JSON in the file schema.
    pub fn to_json(&self) -> Result<String> {
        plan_file::to_json(self)
    }

    /// A built-in plan (`"nanshan-2024"`).
    pub fn builtin(name: &str) -> Result<Plan> {
        let (toml, _) = crate::builtin::files(name)?;
        Plan::from_toml_str(toml, &format!("builtin:{name}/plan.toml"))
    }

    /// The indicator with `id`.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The target with `id`.
    pub fn target(&self, id: &str) -> Option<&Target> {
        self.targets.iter().find(|t| t.id == id)
    }

    /// Binds a value to a `ref:` key (the quota a city assigns), so the targets that
    /// refer to it can be evaluated. The value must suit every target that uses it.
    pub fn bind_reference(&mut self, key: &str, value: Quantity) -> Result<()> {
        let mut bound = self.clone();
        bound.references.insert(key.to_string(), value);
        if let Some(p) = bound
            .check()
            .into_iter()
            .find(|p| p.code == "reference_unit")
        {
            return Err(Error::new(ErrorKind::DimensionMismatch, p.message));
        }
        *self = bound;
        Ok(())
    }

    /// Checks a plan built in code: every problem, each located by its path.
    pub fn validate(&self) -> Vec<Issue> {
        let mut issues = Vec::new();
        let mut ids = std::collections::BTreeSet::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            if !ids.insert(ind.id.as_str()) {
                issues.push(issue(
                    "duplicate_id",
                    format!("indicator[{i}].id"),
                    format!("indicator id {:?} is defined twice", ind.id),
                ));
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for (i, t) in self.targets.iter().enumerate() {
            if !ids.insert(t.id.as_str()) {
                issues.push(issue(
                    "duplicate_id",
                    format!("target[{i}].id"),
                    format!("target id {:?} is used twice", t.id),
                ));
            }
        }
        for p in self.check() {
            let path = match p.at.0 {
                Some((what, i)) => format!("{what}[{i}].{}", p.at.1),
                None => p.at.1.to_string(),
            };
            issues.push(issue(p.code, path, p.message));
        }
        issues
    }

    /// The indicators by id, for lookups that must stay linear over a whole plan.
    /// The first indicator of each id wins, as in [`indicator`](Plan::indicator).
    pub(crate) fn index(&self) -> std::collections::HashMap<&str, &Indicator> {
        let mut index = std::collections::HashMap::with_capacity(self.indicators.len());
        for i in &self.indicators {
            index.entry(i.id.as_str()).or_insert(i);
        }
        index
    }

    /// Cross-item checks shared by the file loader and [`validate`](Plan::validate).
    pub(crate) fn check(&self) -> Vec<Problem> {
        let index = self.index();
        let lookup = |id: &str| index.get(id).copied();
        let mut out = Vec::new();
        let mut problem = |at, code, message| out.push(Problem { at, code, message });
        for (i, ind) in self.indicators.iter().enumerate() {
            if let Some(of) = &ind.of {
                if lookup(of).is_none() {
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
                    if lookup(input).is_none() {
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
        for (i, t) in self.targets.iter().enumerate() {
            let at = |field| (Some(("target", i)), field);
            let Some(ind) = lookup(&t.indicator) else {
                problem(
                    at("indicator"),
                    "unknown_indicator",
                    format!(
                        "target {:?} is on unknown indicator {:?}",
                        t.id, t.indicator
                    ),
                );
                continue;
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
                        if !plan_file::compatible(ind.unit, v.unit()) {
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
                    let mut units = Vec::new();
                    match c {
                        Condition::Compare { value, .. } => units.push(*value),
                        Condition::Approx { value, tolerance } => {
                            units.push(*value);
                            if let Some(tol) = tolerance {
                                if !plan_file::compatible(value.unit(), tol.unit())
                                    && tol.unit().symbol() != "%"
                                {
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
                        Condition::Between { low, high } => units.extend([*low, *high]),
                        _ => {}
                    }
                    for q in units {
                        if !plan_file::compatible(ind.unit, q.unit()) {
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
                if !plan_file::compatible(ind.unit, b.unit()) {
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
        out
    }

    /// True when the formula of `id` reaches `id` again through other formulas.
    fn formula_cycle(&self, id: &str, index: &std::collections::HashMap<&str, &Indicator>) -> bool {
        let mut stack: Vec<&str> = vec![id];
        let mut seen = std::collections::BTreeSet::new();
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

fn issue(code: &str, path: String, message: String) -> Issue {
    Issue {
        code: code.into(),
        location: Location {
            path: Some(path),
            ..Location::default()
        },
        message,
    }
}
