//! The graph's terms in plain words: finding kinds, link weights, conditions, answers.

use std::borrow::Cow;

use crate::engine::Answer;
use crate::graph::{Answers, Condition, FindingKind, Graph, Outcome, Question, Weight};

/// The short name of a finding kind, as listed.
pub fn kind_id(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Character => "character",
        FindingKind::Spread => "spread",
        FindingKind::Timing => "timing",
        FindingKind::Modifier => "modifier",
        FindingKind::Nerve => "nerve",
        FindingKind::General => "general",
        FindingKind::History => "history",
        FindingKind::Sign => "sign",
    }
}

/// A finding kind in words.
pub fn kind_words(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Character => "what the pain feels like",
        FindingKind::Spread => "where the pain spreads",
        FindingKind::Timing => "timing",
        FindingKind::Modifier => "what makes it better or worse",
        FindingKind::Nerve => "nerve sign",
        FindingKind::General => "whole-body sign",
        FindingKind::History => "history",
        FindingKind::Sign => "what is seen or felt",
    }
}

/// What follows a cause's name to gloss it: `": gloss"`, or `" (gloss)"` when the name
/// already has a colon in it; nothing when the cause has no gloss.
pub fn gloss_suffix(name: &str, gloss: Option<&str>) -> String {
    match gloss.map(str::trim).filter(|g| !g.is_empty()) {
        None => String::new(),
        Some(g) if name.contains(':') => format!(" ({g})"),
        Some(g) => format!(": {g}"),
    }
}

/// A cause's name with its gloss beside it: "Cauda equina syndrome: squashed nerves at
/// the bottom of the spine" (see [`gloss_suffix`]).
pub fn glossed(name: &str, gloss: Option<&str>) -> String {
    format!("{name}{}", gloss_suffix(name, gloss))
}

/// The groups a cause's findings are shown in, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WeightGroup {
    Strong,
    Typical,
    Sometimes,
    Against,
}

impl WeightGroup {
    pub const ALL: [WeightGroup; 4] = [
        WeightGroup::Strong,
        WeightGroup::Typical,
        WeightGroup::Sometimes,
        WeightGroup::Against,
    ];

    pub fn of(weight: Weight) -> WeightGroup {
        match weight {
            Weight::Strong => WeightGroup::Strong,
            Weight::Typical => WeightGroup::Typical,
            Weight::Sometimes => WeightGroup::Sometimes,
            Weight::Against => WeightGroup::Against,
            Weight::Lr(x) if x >= 4.0 => WeightGroup::Strong,
            Weight::Lr(x) if x >= 1.0 => WeightGroup::Typical,
            Weight::Lr(_) => WeightGroup::Against,
        }
    }

    pub fn heading(self) -> &'static str {
        match self {
            WeightGroup::Strong => "Strongly suggests it",
            WeightGroup::Typical => "Typical",
            WeightGroup::Sometimes => "Sometimes present",
            WeightGroup::Against => "Argues against it",
        }
    }

    /// The heading over the causes a finding links to, from the finding's side.
    pub fn causes_heading(self) -> &'static str {
        match self {
            WeightGroup::Strong => "Causes it strongly suggests",
            WeightGroup::Typical => "Causes it is typical of",
            WeightGroup::Sometimes => "Causes it sometimes comes with",
            WeightGroup::Against => "Causes it argues against",
        }
    }
}

/// `" (likelihood ratio 40)"` for a published figure; nothing for a named weight.
pub fn lr_note(weight: Weight) -> String {
    match weight {
        Weight::Lr(x) => format!(" (likelihood ratio {})", number(x)),
        _ => String::new(),
    }
}

/// A weight as written in the graph: `Strong`, `Lr(40)`.
pub fn weight_id(weight: Weight) -> String {
    match weight {
        Weight::Typical => "Typical".to_string(),
        Weight::Sometimes => "Sometimes".to_string(),
        Weight::Strong => "Strong".to_string(),
        Weight::Against => "Against".to_string(),
        Weight::Lr(x) => format!("Lr({})", number(x)),
    }
}

/// A number without needless decimals: 40, 2.5, 0.25.
pub fn number(x: f64) -> String {
    let text = format!("{x:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A finding's name, or its id when the graph lacks it.
pub fn finding_name<'g>(graph: &'g Graph, id: &'g str) -> &'g str {
    graph.finding(id).map_or(id, |f| f.name.as_str())
}

/// An `ask_if` condition in words: `has leg-pain and not in region neck`.
pub fn condition(cond: &Condition) -> String {
    match cond {
        Condition::Has(f) => format!("has {f}"),
        Condition::Lacks(f) => format!("lacks {f}"),
        Condition::InRegion(r) => format!("in region {r}"),
        Condition::IsSex(sex) => format!("sex {}", sex_word(*sex)),
        Condition::Age(range) => format!("age {}", crate::engine::evidence::describe_age(range)),
        Condition::Not(c) => format!("not ({})", condition(c)),
        Condition::All(cs) => join_conditions(cs, " and "),
        Condition::Any(cs) => join_conditions(cs, " or "),
    }
}

fn sex_word(sex: crate::graph::Sex) -> &'static str {
    match sex {
        crate::graph::Sex::Female => "female",
        crate::graph::Sex::Male => "male",
    }
}

fn join_conditions(cs: &[Condition], with: &str) -> String {
    let parts: Vec<String> = cs
        .iter()
        .map(|c| match c {
            Condition::All(_) | Condition::Any(_) if cs.len() > 1 => format!("({})", condition(c)),
            _ => condition(c),
        })
        .collect();
    parts.join(with)
}

/// One answer of a question: its words and what it adds, rules out and leads to.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerPath<'q> {
    pub answer: Answer,
    pub label: String,
    pub add: Cow<'q, [String]>,
    pub rule_out: Cow<'q, [String]>,
    /// The next question; `None` ends the interview.
    pub next: Option<&'q str>,
}

/// Every answer a question takes, in order (yes, no, not sure; or each choice, then not
/// sure; or, for a checklist, each item ticked alone, then none of these, then not sure:
/// ticking several adds each one's finding).
pub fn answer_paths<'q>(question: &'q Question) -> Vec<AnswerPath<'q>> {
    fn path<'q>(
        question: &'q Question,
        answer: Answer,
        label: &str,
        add: &'q [String],
        rule_out: &'q [String],
        next: &'q Option<String>,
    ) -> AnswerPath<'q> {
        AnswerPath {
            answer,
            label: label.to_string(),
            add: Cow::Borrowed(add),
            rule_out: Cow::Borrowed(rule_out),
            next: next.as_deref().or(question.next.as_deref()),
        }
    }
    let outcome =
        |answer, label, o: &'q Outcome| path(question, answer, label, &o.add, &o.rule_out, &o.next);
    match &question.answers {
        Answers::YesNo { yes, no, unsure } => vec![
            outcome(Answer::Yes, "yes", yes),
            outcome(Answer::No, "no", no),
            outcome(Answer::Unsure, "not sure", unsure),
        ],
        Answers::Choice(options) => options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                path(
                    question,
                    Answer::Choice(i),
                    &o.label,
                    &o.add,
                    &o.rule_out,
                    &o.next,
                )
            })
            .chain(std::iter::once(path(
                question,
                Answer::Unsure,
                "not sure",
                &[],
                &[],
                &None,
            )))
            .collect(),
        Answers::Checklist(items) => {
            let next = question.next.as_deref();
            let all: Vec<String> = items.iter().map(|i| i.finding.clone()).collect();
            let ticked = items.iter().enumerate().map(|(i, item)| AnswerPath {
                answer: Answer::Checked(1 << i.min(63)),
                label: format!("[x] {}", item.label),
                add: Cow::Borrowed(std::slice::from_ref(&item.finding)),
                rule_out: Cow::Borrowed(&[]),
                next,
            });
            let none = AnswerPath {
                answer: Answer::Checked(0),
                label: "none of these".to_string(),
                add: Cow::Borrowed(&[]),
                rule_out: Cow::Owned(all),
                next,
            };
            let unsure = AnswerPath {
                answer: Answer::Unsure,
                label: "not sure".to_string(),
                add: Cow::Borrowed(&[]),
                rule_out: Cow::Borrowed(&[]),
                next,
            };
            ticked.chain([none, unsure]).collect()
        }
    }
}

impl AnswerPath<'_> {
    /// `adds a, b; rules out c` (empty when it does neither).
    pub fn effects(&self) -> String {
        let mut parts = Vec::new();
        if !self.add.is_empty() {
            parts.push(format!("adds {}", self.add.join(", ")));
        }
        if !self.rule_out.is_empty() {
            parts.push(format!("rules out {}", self.rule_out.join(", ")));
        }
        parts.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gloss_follows_the_name() {
        assert_eq!(
            glossed(
                "Sciatica",
                Some("an irritated nerve sending pain down the leg")
            ),
            "Sciatica: an irritated nerve sending pain down the leg"
        );
        assert_eq!(glossed("Sciatica", None), "Sciatica");
        assert_eq!(glossed("Sciatica", Some(" ")), "Sciatica");
        assert_eq!(
            glossed("Back pain in a child: discitis", Some("an inflamed disc")),
            "Back pain in a child: discitis (an inflamed disc)"
        );
    }

    #[test]
    fn numbers_drop_needless_decimals() {
        assert_eq!(number(40.0), "40");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(0.25), "0.25");
    }

    #[test]
    fn conditions_read_as_words() {
        let c = Condition::All(vec![
            Condition::Has("leg-pain".into()),
            Condition::Not(Box::new(Condition::InRegion("neck".into()))),
            Condition::Any(vec![
                Condition::Lacks("a".into()),
                Condition::Has("b".into()),
            ]),
        ]);
        assert_eq!(
            condition(&c),
            "has leg-pain and not (in region neck) and (lacks a or has b)"
        );
    }

    #[test]
    fn weights_group_by_strength() {
        assert_eq!(WeightGroup::of(Weight::Lr(40.0)), WeightGroup::Strong);
        assert_eq!(WeightGroup::of(Weight::Lr(0.2)), WeightGroup::Against);
        assert_eq!(weight_id(Weight::Lr(40.0)), "Lr(40)");
    }
}
