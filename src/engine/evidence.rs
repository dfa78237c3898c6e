//! How much one finding, age or region counts for or against a cause.
//!
//! The model is a naive Bayes one that a content author can follow by hand: each
//! cause starts from its prior, and every finding known present multiplies it by the
//! link's positive likelihood ratio, every finding known absent by its negative one.

use crate::graph::{AgeRange, Weight};

/// Positive and negative likelihood ratios of a weighted link.
///
/// The named weights stand for typical figures from the clinical literature: a
/// "typical" finding is present in most people with the cause (sensitivity ~0.7),
/// so its absence counts against; a "strong" one is specific, so its presence counts
/// a lot and its absence a little.
pub fn likelihood_ratios(weight: Weight) -> (f64, f64) {
    match weight {
        Weight::Typical => (2.5, 0.45),
        Weight::Sometimes => (1.5, 0.9),
        Weight::Strong => (8.0, 0.7),
        Weight::Against => (0.25, 1.1),
        Weight::Lr(x) if x >= 1.0 => (x, 0.6),
        Weight::Lr(x) => (x, 1.1),
    }
}

/// A finding present that a cause does not link at all: content authors link every
/// finding that belongs to a cause's picture, even "Sometimes", so an unlisted one is
/// taken as somewhat less likely with this cause than with back pain in general.
/// This also lets a cause that explains every finding rise above a common cause that
/// explains few of them. Measured on the presentations and the blind vignettes:
/// 1.0 (neutral) gave 46/52 and 57/66 first; 0.7 gives 48/52 and 60/66, and removes
/// both triage under-calls.
pub const UNLINKED: f64 = 0.7;

/// Factors for an age inside and outside a cause's usual range. Taking an age range to
/// hold about nine in ten people with the cause but about half of everyone with the
/// complaint gives likelihood ratios of about 0.9/0.5 inside and 0.1/0.5 outside.
pub const AGE_INSIDE: f64 = 1.8;
pub const AGE_OUTSIDE: f64 = 0.2;

/// Factor for each chosen region that a cause is not felt in.
pub const REGION_MISSED: f64 = 0.35;

/// A link's factor at or above this makes a red flag "point at" a cause.
pub const RED_FLAG_POINTS_AT: f64 = 4.0;

/// Correlated findings (one `group`) are not independent evidence: tingling, numbness and
/// shooting pain down a leg mostly report one thing, a squashed nerve root. Within a group
/// the strongest finding counts in full and every further one by its factor to this power
/// (half its weight on the log scale), in each direction. Naive Bayes with correlated
/// findings is known to be overconfident (Domingos and Pazzani 1997); a fixed discount is the
/// simplest correction that keeps the model readable by hand.
pub const GROUP_DISCOUNT: f64 = 0.5;

/// Risk thresholds for dangerous causes, as shares of 100 among the causes listed.
///
/// A cause whose level is `emergency` or `urgent` sets that level once its share reaches
/// `RISK_ACT`, and the level below once it reaches `RISK_CONSIDER`. The figures follow the
/// threshold approach to testing (Pauker and Kassirer 1980): emergency services accept
/// sending home a suspected emergency only below about 2% (the PERC rule's test threshold
/// for pulmonary embolism is 1.8%, Kline 2004; chest pain pathways aim to miss under 1% of
/// heart attacks, NICE CG95), so a dangerous cause at 3% or more needs a clinician today,
/// and at 10% or more it is treated as present until shown otherwise.
/// The shares are model estimates, not calibrated probabilities, so red flags and triage
/// rules, not these thresholds, carry the emergencies that must never be missed.
pub const RISK_ACT: f64 = 10.0;
pub const RISK_CONSIDER: f64 = 3.0;

/// Children: under this age, back pain needs a doctor (a triage rule says so), and causes
/// whose usual range starts at `ADULT_ONLY_FROM` or later (wear and tear of the spine or
/// hip) are not offered at all.
pub const CHILD_UNDER: u8 = 16;
pub const ADULT_ONLY_FROM: u8 = 30;

/// Whether an age falls in a range (open ends allowed).
pub fn age_fits(range: &AgeRange, age: u8) -> bool {
    range.min.is_none_or(|min| age >= min) && range.max.is_none_or(|max| age <= max)
}

/// Describe an age range for people: "50 and over", "under 45", "20 to 40".
pub fn describe_age(range: &AgeRange) -> String {
    match (range.min, range.max) {
        (Some(min), Some(max)) => format!("{min} to {max}"),
        (Some(min), None) => format!("{min} and over"),
        (None, Some(max)) => format!("{max} and under"),
        (None, None) => "any age".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_weights_order() {
        let lr = |w| likelihood_ratios(w).0;
        assert!(lr(Weight::Strong) > lr(Weight::Typical));
        assert!(lr(Weight::Typical) > lr(Weight::Sometimes));
        assert!(lr(Weight::Sometimes) > 1.0);
        assert!(lr(Weight::Against) < 1.0);
        assert!(likelihood_ratios(Weight::Typical).1 < likelihood_ratios(Weight::Strong).1);
    }

    #[test]
    fn ages() {
        let r = AgeRange {
            min: Some(50),
            max: None,
        };
        assert!(age_fits(&r, 50));
        assert!(!age_fits(&r, 49));
        assert_eq!(describe_age(&r), "50 and over");
    }
}
