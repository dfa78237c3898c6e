//! What a question's answers mention, whatever their kind.

use super::model::Answers;

impl Answers {
    /// Every finding some answer adds or rules out, with repeats.
    pub fn mentioned(&self) -> Vec<&String> {
        match self {
            Answers::YesNo { yes, no, unsure } => [yes, no, unsure]
                .into_iter()
                .flat_map(|o| o.add.iter().chain(&o.rule_out))
                .collect(),
            Answers::Choice(choices) => choices
                .iter()
                .flat_map(|c| c.add.iter().chain(&c.rule_out))
                .collect(),
            Answers::Checklist(items) => items.iter().map(|i| &i.finding).collect(),
        }
    }

    /// Every finding some answer adds, with repeats.
    pub fn added(&self) -> Vec<&String> {
        match self {
            Answers::YesNo { yes, no, unsure } => [yes, no, unsure]
                .into_iter()
                .flat_map(|o| o.add.iter())
                .collect(),
            Answers::Choice(choices) => choices.iter().flat_map(|c| c.add.iter()).collect(),
            Answers::Checklist(items) => items.iter().map(|i| &i.finding).collect(),
        }
    }

    /// The `next` each answer names itself (a checklist's answers name none).
    pub fn own_nexts(&self) -> Vec<&Option<String>> {
        match self {
            Answers::YesNo { yes, no, unsure } => vec![&yes.next, &no.next, &unsure.next],
            Answers::Choice(choices) => choices.iter().map(|c| &c.next).collect(),
            Answers::Checklist(_) => Vec::new(),
        }
    }
}
