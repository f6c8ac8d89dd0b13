//! Plans: indicators, targets and bound references, loaded from files or built in code.

use crate::indicator::Indicator;
use crate::observation::Observation;
use crate::period::Period;
use crate::plan_file;
use crate::quantity::Quantity;
use crate::target::Target;
use crate::{Error, ErrorKind, Result};

mod check;
mod check_rows;
mod references;

pub use check::Checked;
pub(crate) use check::{unknown_indicator_of_target, Broken};
pub use references::{Iter as ReferencesIter, References};

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
    pub references: References,
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
            references: References::new(),
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
    /// [`ErrorKind::Validation`] error whose [`issues`](Error::issues) list them).
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
        bound.references.insert(key, value);
        if let Some(p) = bound
            .problems(&check::Broken::default(), false)
            .into_iter()
            .find(|p| p.code == "reference_unit")
        {
            return Err(Error::new(ErrorKind::DimensionMismatch, p.message));
        }
        *self = bound;
        Ok(())
    }

    /// True when `o` is for this plan's jurisdiction: either has none, or they are equal.
    /// Evaluation and the checks of observations use this one rule.
    pub fn covers(&self, o: &Observation) -> bool {
        match (&self.jurisdiction, &o.jurisdiction) {
            (Some(j), Some(k)) => j.as_str() == k.as_ref(),
            _ => true,
        }
    }

    /// The indicators by id, for lookups that must stay linear over a whole plan.
    /// The first indicator of each id wins, as in [`indicator`](Plan::indicator).
    pub(crate) fn index(&self) -> crate::fast_hash::FastMap<&str, &Indicator> {
        let mut index = crate::fast_hash::FastMap::default();
        index.reserve(self.indicators.len());
        for i in &self.indicators {
            index.entry(i.id.as_str()).or_insert(i);
        }
        index
    }
}
