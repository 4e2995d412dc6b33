//! Rule ids: the stable names of the checks, at the bottom of the stage order so that every
//! stage (findings, messages, presenters, the writer) can name a rule as a type. The catalogue
//! (what each rule checks, its example, its check function) is `rules`; this table is only the
//! contract part: the id's string form and its one severity.
//!
//! A new rule: a line here and its `rule!` block in the family's file under `src/rules/` (the
//! registry there must name every id, so the compiler asks for both).

use super::Severity;
use serde::{Deserialize, Serialize};

/// Declares [`RuleId`]: variant, stable string form, severity; in the order the rules run.
macro_rules! rule_ids {
    ($($variant:ident => $id:literal, $severity:ident;)*) => {
        /// The id of a rule. Its string form ([`RuleId::as_str`], e.g. `T3.ROW`) is stable and
        /// part of the result contract; each id has one severity.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $($variant,)*
        }

        impl RuleId {
            /// Every rule, in the order they run.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The stable id, e.g. `T3.ROW`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }

            /// The rule's one severity.
            pub const fn severity(self) -> Severity {
                match self {
                    $(RuleId::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

rule_ids! {
    T3Row => "T3.ROW", Error;
    T3Bal => "T3.BAL", Error;
    T3Res => "T3.RES", Error;
    T3Zero => "T3.ZERO", Error;
    T3Rows => "T3.ROWS", Error;
    T3Note => "T3.NOTE", Warning;
    T3Other => "T3.OTHER", Warning;
    T4Sum => "T4.SUM", Error;
    T4Cols => "T4.COLS", Error;
    T2Rows => "T2.ROWS", Error;
    T2Label => "T2.LABEL", Warning;
    T2ValidGe => "T2.VALIDGE", Warning;
    T2New19 => "T2.NEW19", Warning;
    SEmpty => "S.EMPTY", Error;
    T2Blank => "T2.BLANK", Error;
    T3Blank => "T3.BLANK", Error;
    T4Blank => "T4.BLANK", Error;
    T2Int => "T2.INT", Error;
    T3Int => "T3.INT", Error;
    T4Int => "T4.INT", Error;
    CellText => "CELL.TEXT", Warning;
    SFmt => "S.FMT", Error;
    SHybrid => "S.HYBRID", Warning;
    SNoYear => "S.NOYEAR", Error;
    SYear => "S.YEAR", Warning;
    STables => "S.TABLES", Error;
    SSect => "S.SECT", Error;
    STitleVar => "S.TITLEVAR", Warning;
    SDate => "S.DATE", Warning;
    SOrder => "S.ORDER", Error;
    SSec1 => "S.SEC1", Warning;
    SLen1 => "S.LEN1", Warning;
    SSec5 => "S.SEC5", Error;
    SSec5Part => "S.SEC5PART", Warning;
    SSec6 => "S.SEC6", Warning;
    SGovExtra => "S.GOVEXTRA", Warning;
    SPeriod => "S.PERIOD", Warning;
    SDeadline => "S.DEADLINE", Warning;
    SDateEarly => "S.DATEEARLY", Error;
    SMulti => "S.MULTI", Warning;
    SAmbig => "S.AMBIG", Warning;
    SLabel => "S.LABEL", Warning;
    TxNew => "TX.NEW", Error;
    TxNewCarry => "TX.NEWCARRY", Warning;
    TxDone => "TX.DONE", Error;
    TxCarryIn => "TX.CARRYIN", Error;
    TxCarryOut => "TX.CARRYOUT", Error;
    TxNone => "TX.NONE", Error;
    TxAllDone => "TX.ALLDONE", Warning;
    TxBreak => "TX.BREAK", Error;
    TxRev => "TX.REV", Error;
    TxLit => "TX.LIT", Error;
    TxUpheld => "TX.UPHELD", Error;
    TxNoCase => "TX.NOCASE", Error;
    TxPartial => "TX.PARTIAL", Warning;
    TxVague => "TX.VAGUE", Warning;
    TxActive => "TX.ACTIVE", Warning;
    TxFee => "TX.FEE", Warning;
    MPair => "M.PAIR", Warning;
    MDupYear => "M.DUPYEAR", Warning;
    T3XYear => "T3.XYEAR", Error;
    T2Valid => "T2.VALID", Warning;
    T2Repeal => "T2.REPEAL", Warning;
    T2Prev19 => "T2.PREV19", Warning;
    T2XFmt => "T2.XFMT", Warning;
    SDup => "S.DUP", Warning;
}

impl RuleId {
    /// Rules that give one finding per cell (a blank or unreadable cell); many of them in one
    /// table are summed up as a group.
    pub const fn is_per_cell(self) -> bool {
        matches!(
            self,
            RuleId::T2Blank
                | RuleId::T3Blank
                | RuleId::T4Blank
                | RuleId::T2Int
                | RuleId::T3Int
                | RuleId::T4Int
                | RuleId::CellText
        )
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Compares with the string form, e.g. `f.rule == "T3.ROW"`.
impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for RuleId {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

/// A string that is not a rule id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl std::fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule id {}", self.0)
    }
}

impl std::error::Error for UnknownRule {}

impl std::str::FromStr for RuleId {
    type Err = UnknownRule;
    fn from_str(s: &str) -> Result<RuleId, UnknownRule> {
        RuleId::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRule(s.to_string()))
    }
}

/// Serializes as its string form (the contract's `rule`).
impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Reads the string form back (the on-demand writer reads the page's results); an id this
/// build does not know is an error.
impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RuleId, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_read_back() {
        let mut ids: Vec<&str> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        for &r in RuleId::ALL {
            assert_eq!(r.as_str().parse::<RuleId>(), Ok(r));
            assert!(r == r.as_str());
        }
        assert!("T9.NOPE".parse::<RuleId>().is_err());
        let per_cell: Vec<&str> = RuleId::ALL
            .iter()
            .filter(|r| r.is_per_cell())
            .map(|r| r.as_str())
            .collect();
        assert_eq!(
            per_cell,
            [
                "T2.BLANK",
                "T3.BLANK",
                "T4.BLANK",
                "T2.INT",
                "T3.INT",
                "T4.INT",
                "CELL.TEXT"
            ]
        );
    }
}
