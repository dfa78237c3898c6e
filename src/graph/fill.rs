//! Filling the `{emergency_number}` placeholder in every text of a graph, once, after it
//! is loaded and checked: from then on every text is ready to show as it is.
//!
//! Like the text checks, it works on any field: each item that holds the placeholder is
//! turned into a tree of values with serde, its strings filled, and read back.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::load::{Graph, Located};
use super::triage::fill_placeholders;

const PLACEHOLDER: &str = "{emergency_number}";

impl Graph {
    /// Put the emergency number into every text that asks for it.
    pub fn fill_emergency_number(&mut self, number: &str) {
        fill_all(&mut self.triage, number);
        fill_all(&mut self.sources, number);
        fill_all(&mut self.regions, number);
        fill_all(&mut self.findings, number);
        fill_all(&mut self.causes, number);
        fill_all(&mut self.questions, number);
        fill_all(&mut self.guidance, number);
        fill_all(&mut self.rules, number);
    }
}

fn fill_all<T: Serialize + DeserializeOwned>(items: &mut [Located<T>], number: &str) {
    for located in items {
        let Ok(mut value) = serde_json::to_value(&located.item) else {
            continue;
        };
        if fill_value(&mut value, number)
            && let Ok(filled) = serde_json::from_value(value)
        {
            located.item = filled;
        }
    }
}

/// Fill every string in a tree; whether any changed.
fn fill_value(value: &mut Value, number: &str) -> bool {
    match value {
        Value::String(s) if s.contains(PLACEHOLDER) => {
            *s = fill_placeholders(s, number);
            true
        }
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |any, v| fill_value(v, number) | any),
        Value::Object(map) => map
            .values_mut()
            .fold(false, |any, v| fill_value(v, number) | any),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::graph::Graph;
    fn bundled() -> Result<Graph, Vec<crate::graph::Diagnostic>> {
        Graph::bundled()
    }

    #[test]
    fn every_placeholder_is_filled_and_nothing_else_changes() {
        let before = bundled().expect("bundled graph parses");
        let mut after = before.clone();
        after.fill_emergency_number("999");
        let debug = format!("{:?}", after.causes);
        assert!(!debug.contains("{emergency_number}"));
        for (b, a) in before.causes.iter().zip(&after.causes) {
            assert_eq!(b.id, a.id);
            assert_eq!(b.findings, a.findings);
            assert_eq!(b.prior, a.prior);
            let filled = b.seek_help.replace("{emergency_number}", "999");
            assert_eq!(a.seek_help, filled);
        }
        for (b, a) in before.rules.iter().zip(&after.rules) {
            assert_eq!(a.advice, b.advice.replace("{emergency_number}", "999"));
        }
        let all = format!(
            "{:?}{:?}{:?}{:?}",
            after.triage, after.findings, after.rules, after.questions
        );
        assert!(!all.contains("{emergency_number}"));
        assert!(all.contains("999"));
    }
}
