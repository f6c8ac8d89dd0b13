//! The categories of a scorecard's categorical columns, in report order, with their
//! labels, for bindings that build ordered categoricals (pandas, polars).

use crate::evaluate::{Grade, Status};
use crate::indicator::Kind;
use crate::report::Lang;

/// The categories of column `column` of [`Scorecard::to_arrow`](crate::Scorecard::to_arrow)
/// (`status`, `base_status`, `kind`, `grade`), in report order, each as its serde name
/// and its label in `lang` (已完成, 约束性, 超额完成 …). `None` for another column.
pub fn categories(column: &str, lang: Lang) -> Option<Vec<(&'static str, &'static str)>> {
    let zh = lang == Lang::Zh;
    Some(match column {
        "status" | "base_status" => Status::ALL
            .iter()
            .map(|s| (s.name(), if zh { s.zh() } else { s.en() }))
            .collect(),
        "kind" => Kind::ALL
            .iter()
            .map(|k| (k.name(), if zh { k.zh() } else { k.name() }))
            .collect(),
        "grade" => [
            Grade::Exceeded,
            Grade::Achieved,
            Grade::BasicallyAchieved,
            Grade::NotAchieved,
        ]
        .iter()
        .map(|g| (grade_name(*g), if zh { g.zh() } else { g.en() }))
        .collect(),
        _ => return None,
    })
}

/// The serde name of a grade.
fn grade_name(g: Grade) -> &'static str {
    match g {
        Grade::Exceeded => "exceeded",
        Grade::Achieved => "achieved",
        Grade::BasicallyAchieved => "basically_achieved",
        Grade::NotAchieved => "not_achieved",
    }
}

/// `sections` (section paths such as `三.(七)`) sorted as reports order them: Chinese
/// numerals by value, so 二.(一) comes before 三.(一) and (三) before (七); duplicates
/// removed.
pub fn section_order<S: AsRef<str>>(sections: &[S]) -> Vec<String> {
    let mut v: Vec<String> = sections.iter().map(|s| s.as_ref().to_string()).collect();
    crate::order::sort_by_key(&mut v, |s: &String| {
        (crate::evaluate::section_key_of(s), s.clone())
    });
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grade_names_are_the_serde_names() {
        for g in [
            Grade::Exceeded,
            Grade::Achieved,
            Grade::BasicallyAchieved,
            Grade::NotAchieved,
        ] {
            assert_eq!(serde_json::to_value(g).unwrap(), grade_name(g));
        }
    }

    #[test]
    fn sections_in_report_order() {
        let got = section_order(&["三.(一)", "二.(七)", "二.(三)", "二.(一)", "二.(三)"]);
        assert_eq!(got, ["二.(一)", "二.(三)", "二.(七)", "三.(一)"]);
    }
}
