//! The five triage levels, ordered from least to most urgent.

use serde::{Deserialize, Serialize};

/// Read from the graph as one of the five names; any other word is an error at load, with
/// its place in the file, so no level is ever guessed later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Triage {
    #[serde(rename = "self-care")]
    SelfCare,
    /// An ordinary appointment in the coming weeks if it is not getting better.
    #[serde(rename = "routine")]
    Routine,
    #[serde(rename = "soon")]
    Soon,
    #[serde(rename = "urgent")]
    Urgent,
    #[serde(rename = "emergency")]
    Emergency,
}

/// Written as its name, the same word it is read from (in RON, JSON and the graph cache).
impl From<Triage> for String {
    fn from(t: Triage) -> String {
        t.id().to_string()
    }
}

impl Triage {
    pub const ALL: [Triage; 5] = [
        Triage::Emergency,
        Triage::Urgent,
        Triage::Soon,
        Triage::Routine,
        Triage::SelfCare,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Triage::SelfCare => "self-care",
            Triage::Routine => "routine",
            Triage::Soon => "soon",
            Triage::Urgent => "urgent",
            Triage::Emergency => "emergency",
        }
    }

    pub fn parse(id: &str) -> Option<Triage> {
        Triage::ALL.into_iter().find(|t| t.id() == id)
    }

    /// Used only when a graph has no text for a level.
    pub fn label(self) -> &'static str {
        match self {
            Triage::SelfCare => "Self-care",
            Triage::Routine => "See a doctor if not better",
            Triage::Soon => "See a doctor soon",
            Triage::Urgent => "Urgent",
            Triage::Emergency => "Emergency",
        }
    }

    pub fn default_action(self) -> &'static str {
        match self {
            Triage::SelfCare => {
                "Look after yourself at home; see a doctor if it is not better in a few weeks."
            }
            Triage::Routine => {
                "Book an ordinary appointment with a doctor if it is not getting better in the coming weeks."
            }
            Triage::Soon => "Book an appointment with a doctor in the next few days.",
            Triage::Urgent => "Get medical help today.",
            Triage::Emergency => {
                "Call {emergency_number} now or go to the nearest emergency department."
            }
        }
    }
}

impl std::fmt::Display for Triage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl TryFrom<String> for Triage {
    type Error = String;

    fn try_from(word: String) -> Result<Triage, String> {
        Triage::parse(&word).ok_or_else(|| {
            let near = crate::graph::suggest::closest(&word, Triage::ALL.map(Triage::id));
            let hint = match near.first() {
                Some(n) => format!(" (did you mean \"{n}\"?)"),
                None => " (the levels are emergency, urgent, soon, routine and self-care)".into(),
            };
            // Written escaped: the word may hold anything, and messages reach terminals.
            format!("unknown triage level \"{}\"{hint}", word.escape_debug())
        })
    }
}

/// The words used for the emergency number until configuration supplies one.
pub const DEFAULT_EMERGENCY_NUMBER: &str = "your local emergency number";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_by_urgency() {
        assert!(Triage::Emergency > Triage::Urgent);
        assert!(Triage::Soon > Triage::Routine);
        assert!(Triage::Routine > Triage::SelfCare);
        assert_eq!(Triage::parse("self-care"), Some(Triage::SelfCare));
        assert_eq!(Triage::parse("later"), None);
    }
}
