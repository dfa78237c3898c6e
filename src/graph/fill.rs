//! Filling the placeholders (`{emergency_number}`, `{urgent_care}`, ...) in every text of
//! a graph, once, after it is loaded and checked: from then on every text is ready to
//! show as it is. The words come from the configuration; the defaults are the words the
//! bundled content was written with.
//!
//! Like the text checks, it works on any field: every string of every item is visited in
//! place (`texts::Texts`), and only one with a `{` in it is looked at further.

use super::load::Graph;
use super::texts::Texts;
use super::triage::DEFAULT_EMERGENCY_NUMBER;

/// Every placeholder content may use, without its braces.
pub const PLACEHOLDERS: [&str; 4] = [
    "emergency_number",
    "urgent_care",
    "urgent_care_centre",
    "pharmacy",
];

/// The words for the local services that advice names, as a clinic calls them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalServices {
    /// `{urgent_care}`: where to get medical help today when the doctor's practice cannot
    /// ("an urgent care or out-of-hours service").
    pub urgent_care: String,
    /// `{urgent_care_centre}`: a place to be seen in person today without an appointment
    /// ("an urgent care centre").
    pub urgent_care_centre: String,
    /// `{pharmacy}`: who to ask about medicines and minor illness ("a pharmacist").
    pub pharmacy: String,
}

impl Default for LocalServices {
    fn default() -> Self {
        LocalServices {
            urgent_care: "an urgent care or out-of-hours service".to_string(),
            urgent_care_centre: "an urgent care centre".to_string(),
            pharmacy: "a pharmacist".to_string(),
        }
    }
}

/// Every word a placeholder stands for: the emergency number and the local services.
#[derive(Debug, Clone, Copy)]
pub struct LocalWords<'a> {
    pub emergency_number: &'a str,
    pub services: &'a LocalServices,
}

impl LocalWords<'_> {
    /// The words for a placeholder's name (without braces), if it is one.
    pub fn get(&self, name: &str) -> Option<&str> {
        match name {
            "emergency_number" => Some(self.emergency_number),
            "urgent_care" => Some(&self.services.urgent_care),
            "urgent_care_centre" => Some(&self.services.urgent_care_centre),
            "pharmacy" => Some(&self.services.pharmacy),
            _ => None,
        }
    }

    /// Content text with every known placeholder filled; anything else in braces is
    /// left as it is (the validator reports unknown placeholders).
    pub fn fill(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after
                .find('}')
                .and_then(|close| Some((close, self.get(&after[..close])?)))
            {
                Some((close, words)) => {
                    out.push_str(words);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Fill a text where it is; one without a `{` is left untouched.
    pub fn fill_in_place(&self, text: &mut String) {
        if text.contains('{') {
            let filled = self.fill(text);
            if filled != *text {
                *text = filled;
            }
        }
    }
}

/// The placeholders' words as they are until configuration changes them.
pub fn default_words(services: &LocalServices) -> LocalWords<'_> {
    LocalWords {
        emergency_number: DEFAULT_EMERGENCY_NUMBER,
        services,
    }
}

/// The names inside braces in a text that look like placeholders (lower-case letters
/// and underscores) but are not one, in order.
pub fn unknown_placeholders(text: &str) -> Vec<&str> {
    let mut unknown = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        let looks_like =
            !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        if looks_like && !PLACEHOLDERS.contains(&name) {
            unknown.push(name);
        }
        rest = after;
    }
    unknown
}

impl Graph {
    /// Put the local words into every text that asks for them.
    pub fn fill_local_words(&mut self, words: LocalWords) {
        let fill = &mut |text: &mut String| words.fill_in_place(text);
        self.triage.texts(fill);
        self.sources.texts(fill);
        self.regions.texts(fill);
        self.findings.texts(fill);
        self.causes.texts(fill);
        self.questions.texts(fill);
        self.guidance.texts(fill);
        self.rules.texts(fill);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;
    fn bundled() -> Result<Graph, Vec<crate::graph::Diagnostic>> {
        Graph::bundled()
    }

    fn clinic() -> LocalServices {
        LocalServices {
            urgent_care: "the walk-in centre".into(),
            urgent_care_centre: "the minor injuries unit".into(),
            pharmacy: "the chemist".into(),
        }
    }

    #[test]
    fn every_placeholder_is_filled_and_nothing_else_changes() {
        let before = bundled().expect("bundled graph parses");
        let mut after = before.clone();
        let services = clinic();
        let words = LocalWords {
            emergency_number: "999",
            services: &services,
        };
        after.fill_local_words(words);
        let debug = format!("{:?}", after.causes);
        for name in PLACEHOLDERS {
            assert!(!debug.contains(&format!("{{{name}}}")), "{name}");
        }
        for (b, a) in before.causes.iter().zip(&after.causes) {
            assert_eq!(b.id, a.id);
            assert_eq!(b.findings, a.findings);
            assert_eq!(b.prior, a.prior);
            let filled = b
                .seek_help
                .replace("{emergency_number}", "999")
                .replace("{urgent_care_centre}", "the minor injuries unit")
                .replace("{urgent_care}", "the walk-in centre")
                .replace("{pharmacy}", "the chemist");
            assert_eq!(a.seek_help, filled);
        }
        for (b, a) in before.rules.iter().zip(&after.rules) {
            assert_eq!(
                a.advice,
                b.advice
                    .replace("{emergency_number}", "999")
                    .replace("{urgent_care_centre}", "the minor injuries unit")
                    .replace("{urgent_care}", "the walk-in centre")
            );
        }
        let all = format!(
            "{:?}{:?}{:?}{:?}",
            after.triage, after.findings, after.rules, after.questions
        );
        assert!(!all.contains("{emergency_number}"));
        assert!(all.contains("999"));
        assert!(all.contains("the walk-in centre"));
        assert!(all.contains("the minor injuries unit"));
    }

    #[test]
    fn the_defaults_give_the_words_the_content_was_written_with() {
        let services = LocalServices::default();
        let words = default_words(&services);
        assert_eq!(
            words.fill("use {urgent_care}; at {urgent_care_centre}; ask {pharmacy}; call {emergency_number}"),
            "use an urgent care or out-of-hours service; at an urgent care centre; ask a pharmacist; call your local emergency number"
        );
    }

    #[test]
    fn unknown_names_and_stray_braces_are_kept() {
        let services = LocalServices::default();
        let words = default_words(&services);
        assert_eq!(words.fill("{nope} {x"), "{nope} {x");
        assert_eq!(words.fill("{{pharmacy}}"), "{a pharmacist}");
        assert_eq!(
            unknown_placeholders("call {emergency_numbr} or {pharmacy} {Not} {}"),
            ["emergency_numbr"]
        );
    }
}
