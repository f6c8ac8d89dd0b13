//! Formulas of derived indicators: `rd_share / 100 * gdp`.
//!
//! A formula combines other indicators and decimal constants with `+ - * /` and
//! parentheses. It works on plain values: each input is taken in the unit its own
//! indicator declares, and the result is read in the derived indicator's unit, so the
//! plan author states the arithmetic once (`/ 100` for a percentage, `* 10000` for
//! "per 10 000 yuan") and nothing is guessed. Evaluation is exact and checked: overflow
//! and division by zero are errors.

use std::fmt;

use rust_decimal::Decimal;

use crate::exact::Checked;
use crate::text::Part;
use crate::{Error, ErrorKind, Result};

/// Deepest nesting of parentheses and unary minus accepted, so that a hostile formula
/// cannot exhaust the stack.
pub const MAX_FORMULA_DEPTH: usize = 64;

/// A parsed formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    text: String,
    expr: Expr,
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Num(Decimal),
    Var(String),
    Neg(Box<Expr>),
    Bin(Op, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Formula {
    /// Parses formula text.
    ///
    /// ```
    /// use planwatch::{Decimal, Formula};
    /// let f = Formula::parse("rd_share / 100 * gdp")?;
    /// assert_eq!(f.inputs(), vec!["gdp", "rd_share"]);
    /// let v = f.eval(&|id: &str| match id {
    ///     "rd_share" => Some(Decimal::new(766, 2)),
    ///     "gdp" => Some(Decimal::new(950097, 2)),
    ///     _ => None,
    /// })?;
    /// assert_eq!(v, Decimal::new(72777430200, 8)); // 727.774302
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Formula> {
        let mut p = Parser {
            src: text,
            pos: 0,
            depth: 0,
        };
        let expr = p.expr()?;
        p.skip_ws();
        if p.pos < text.len() {
            return Err(Error::parse_at(
                text,
                p.pos,
                "an operator or the end of the formula",
            ));
        }
        Ok(Formula {
            text: text.trim().to_string(),
            expr,
        })
    }

    /// The formula as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The indicator ids the formula reads, sorted and without duplicates.
    pub fn inputs(&self) -> Vec<&str> {
        let mut out = Vec::new();
        collect(&self.expr, &mut out);
        crate::order::sort_by_key(&mut out, |id| *id);
        out
    }

    /// Evaluates with the value of each input given by `value` (None: missing input,
    /// which is an error naming it).
    pub fn eval(&self, value: &dyn Fn(&str) -> Option<Decimal>) -> Result<Decimal> {
        eval(&self.expr, value).map(|v| v.normalize())
    }
}

fn collect<'a>(e: &'a Expr, out: &mut Vec<&'a str>) {
    match e {
        Expr::Num(_) => {}
        Expr::Var(v) => {
            if !out.contains(&v.as_str()) {
                out.push(v);
            }
        }
        Expr::Neg(x) => collect(x, out),
        Expr::Bin(_, a, b) => {
            collect(a, out);
            collect(b, out);
        }
    }
}

fn eval(e: &Expr, value: &dyn Fn(&str) -> Option<Decimal>) -> Result<Decimal> {
    let overflow = || {
        Error::new(
            ErrorKind::Overflow,
            "formula result is out of the decimal range",
        )
    };
    Ok(match e {
        Expr::Num(n) => *n,
        Expr::Var(v) => value(v).ok_or_else(|| {
            Error::new(
                ErrorKind::UnknownIndicator,
                format!("formula input {v:?} has no value"),
            )
        })?,
        Expr::Neg(x) => -eval(x, value)?,
        Expr::Bin(op, a, b) => {
            let (a, b) = (eval(a, value)?, eval(b, value)?);
            match op {
                Op::Add => a.add_checked(b).ok_or_else(overflow)?,
                Op::Sub => a.sub_checked(b).ok_or_else(overflow)?,
                Op::Mul => a.mul_checked(b).ok_or_else(overflow)?,
                Op::Div => {
                    if b.is_zero() {
                        return Err(Error::new(
                            ErrorKind::DivisionByZero,
                            "division by zero in a formula",
                        ));
                    }
                    a.div_checked(b).ok_or_else(overflow)?
                }
            }
        }
    })
}

/// Serialized as the formula as written.
impl serde::Serialize for Formula {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self
            .src
            .part(self.pos, self.src.len())
            .starts_with(|c: char| c.is_whitespace())
        {
            self.pos += self
                .src
                .part(self.pos, self.src.len())
                .chars()
                .next()
                .map_or(1, char::len_utf8);
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_ws();
        self.src.part(self.pos, self.src.len()).chars().next()
    }

    fn expr(&mut self) -> Result<Expr> {
        let mut lhs = self.term()?;
        while let Some(c @ ('+' | '-')) = self.peek() {
            self.pos += 1;
            let rhs = self.term()?;
            let op = if c == '+' { Op::Add } else { Op::Sub };
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(rhs));
        }
        Ok(lhs)
    }

    fn term(&mut self) -> Result<Expr> {
        let mut lhs = self.factor()?;
        while let Some(c @ ('*' | '/' | '×' | '÷')) = self.peek() {
            self.pos += c.len_utf8();
            let rhs = self.factor()?;
            let op = if matches!(c, '*' | '×') {
                Op::Mul
            } else {
                Op::Div
            };
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(rhs));
        }
        Ok(lhs)
    }

    fn factor(&mut self) -> Result<Expr> {
        self.depth += 1;
        if self.depth > MAX_FORMULA_DEPTH {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("formula nests deeper than {MAX_FORMULA_DEPTH} levels"),
            )
            .with_location(crate::Location::at_byte(self.src, self.pos)));
        }
        let out = self.atom();
        self.depth -= 1;
        out
    }

    fn atom(&mut self) -> Result<Expr> {
        match self.peek() {
            Some('-') => {
                self.pos += 1;
                Ok(Expr::Neg(Box::new(self.factor()?)))
            }
            Some('(') => {
                self.pos += 1;
                let e = self.expr()?;
                if self.peek() != Some(')') {
                    return Err(Error::parse_at(self.src, self.pos, "')'"));
                }
                self.pos += 1;
                Ok(e)
            }
            Some(c) if c.is_ascii_digit() => {
                let start = self.pos;
                let len = self
                    .src
                    .part(start, self.src.len())
                    .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .unwrap_or(self.src.len() - start);
                self.pos += len;
                Decimal::from_str_exact(self.src.part(start, self.pos))
                    .map(Expr::Num)
                    .map_err(|_| Error::parse_at(self.src, start, "a decimal constant"))
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                let start = self.pos;
                let len = self
                    .src
                    .part(start, self.src.len())
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(self.src.len() - start);
                self.pos += len;
                Ok(Expr::Var(self.src.part(start, self.pos).to_string()))
            }
            _ => Err(Error::parse_at(
                self.src,
                self.pos,
                "a number, an indicator id or '('",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval_with(text: &str, vars: &[(&str, i64)]) -> Result<Decimal> {
        let f = Formula::parse(text)?;
        f.eval(&|id| {
            vars.iter()
                .find(|(k, _)| *k == id)
                .map(|(_, v)| Decimal::from(*v))
        })
    }

    #[test]
    fn precedence_and_parentheses() {
        assert_eq!(eval_with("1 + 2 * 3", &[]).unwrap(), Decimal::from(7));
        assert_eq!(eval_with("(1 + 2) * 3", &[]).unwrap(), Decimal::from(9));
        assert_eq!(
            eval_with("water / gdp * 10000", &[("water", 3), ("gdp", 6)]).unwrap(),
            Decimal::from(5000)
        );
        assert_eq!(
            eval_with("-a - -b", &[("a", 1), ("b", 5)]).unwrap(),
            Decimal::from(4)
        );
    }

    #[test]
    fn errors_are_typed() {
        assert_eq!(
            eval_with("a / b", &[("a", 1), ("b", 0)])
                .unwrap_err()
                .kind(),
            ErrorKind::DivisionByZero
        );
        assert_eq!(
            eval_with("a", &[]).unwrap_err().kind(),
            ErrorKind::UnknownIndicator
        );
        assert_eq!(Formula::parse("a +").unwrap_err().kind(), ErrorKind::Parse);
        assert_eq!(Formula::parse("(a").unwrap_err().location().char, Some(2));
        let deep = format!("{}a{}", "(".repeat(100), ")".repeat(100));
        assert_eq!(
            Formula::parse(&deep).unwrap_err().kind(),
            ErrorKind::TooLarge
        );
        let big = "79228162514264337593543950335 * 10";
        assert_eq!(eval_with(big, &[]).unwrap_err().kind(), ErrorKind::Overflow);
    }
}
