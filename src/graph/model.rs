//! The decision graph as written in RON by content authors.
//!
//! These types mirror the files in `data/` one to one. Every list is optional in a
//! file so that a graph can be split over several content packs that are merged at
//! load time (see `load.rs`). Ids are written as strings and read as [`Id`]s, one shared
//! copy of each (see `id.rs`); `validate.rs` checks that every reference resolves.

use serde::{Deserialize, Deserializer, Serialize};

use super::id::Id;
use super::triage::Triage;

/// One RON file: any subset of the sections of a graph.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename = "Graph", deny_unknown_fields)]
pub struct GraphFile {
    #[serde(default)]
    pub triage: Vec<TriageLevel>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub regions: Vec<Region>,
    #[serde(default)]
    pub findings: Vec<Finding>,
    #[serde(default)]
    pub causes: Vec<Cause>,
    #[serde(default)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub guidance: Vec<GuidancePage>,
    #[serde(default)]
    pub rules: Vec<TriageRule>,
}

/// `emergency`, `urgent`, `soon` or `self-care`, with what a person should do.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TriageLevel {
    pub id: Triage,
    pub label: String,
    /// The words to act on. `{emergency_number}` is filled in by the program.
    pub action: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    pub citation: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum View {
    Front,
    Back,
}

/// Where a region sits on the body figure, in per cent of the figure's width and height.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Spot {
    pub view: View,
    pub x: u8,
    pub y: u8,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: Id,
    pub name: String,
    #[serde(default, deserialize_with = "tight")]
    pub aliases: Vec<String>,
    /// The larger region this one is part of (lower back is part of the back).
    #[serde(default)]
    pub parent: Option<String>,
    /// Spots on the front or back figure; a region may show on both.
    #[serde(default)]
    pub figure: Vec<Spot>,
    /// The first question asked when this region is chosen. Inherited from the parent if absent.
    #[serde(default)]
    pub entry: Option<String>,
}

/// What kind of symptom, sign or piece of history a finding is.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum FindingKind {
    /// What the pain feels like (dull, burning, shooting ...).
    Character,
    /// Where the pain spreads to.
    Spread,
    /// When it started, how long it lasts, time of day.
    Timing,
    /// What makes it better or worse.
    Modifier,
    /// Numbness, tingling, weakness, bladder or bowel change.
    Nerve,
    /// Whole-body signs: fever, weight loss, nausea.
    General,
    /// Past illness, injuries, medicines, habits.
    History,
    /// What is seen or felt: a lump, a curve, tenderness.
    Sign,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    /// The triage level this finding forces.
    pub triage: Triage,
    /// What a person should do, in plain words.
    pub advice: String,
    #[serde(default, deserialize_with = "tight")]
    pub sources: Vec<Id>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: Id,
    pub name: String,
    #[serde(default, deserialize_with = "tight")]
    pub aliases: Vec<String>,
    pub kind: FindingKind,
    /// Findings that tend to come together (tingling, numbness and shooting pain down a
    /// leg) share a group; within a group only the strongest counts in full (see
    /// `engine::evidence::GROUP_DISCOUNT`), so correlated answers are not counted as
    /// independent evidence.
    #[serde(default)]
    pub group: Option<String>,
    /// This finding says the problem is new or getting worse; a triage rule with
    /// `new_or_worse: true` needs one of these present.
    #[serde(default)]
    pub recent: bool,
    /// This finding only matters together with one of these (a rash that does not fade,
    /// with a fever or feeling very unwell): the questions may leave it unasked once all of
    /// them are known absent, and the reachability proof accepts that.
    #[serde(default, deserialize_with = "tight")]
    pub only_with: Vec<String>,
    #[serde(default)]
    pub red_flag: Option<RedFlag>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Prevalence {
    Common,
    Uncommon,
    Rare,
}

impl Prevalence {
    pub fn label(self) -> &'static str {
        match self {
            Prevalence::Common => "common",
            Prevalence::Uncommon => "uncommon",
            Prevalence::Rare => "rare",
        }
    }
}

/// How much a finding counts towards a cause.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq)]
pub enum Weight {
    /// Usually present with this cause; its absence counts a little against.
    Typical,
    /// Can occur with this cause, but often does not.
    Sometimes,
    /// Much more likely with this cause than with others.
    Strong,
    /// Makes this cause less likely.
    Against,
    /// An explicit positive likelihood ratio, for authors who have a published figure.
    Lr(f64),
}

/// A weighted link from a cause to a finding: `("saddle-numbness", Strong)`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Link(pub Id, pub Weight);

/// A published figure for how often this cause lies behind the complaint.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Prior {
    /// Per cent of people presenting with pain in this cause's regions (0 < x <= 100).
    pub percent: f64,
    /// Where the figure comes from, in words.
    pub basis: String,
    #[serde(default, deserialize_with = "tight")]
    pub sources: Vec<Id>,
    /// Shares for regions where the case mix differs (pain between the shoulder blades
    /// carries more serious causes than low back pain). A chosen region uses the share
    /// of the nearest region listed here that contains it, else `percent`.
    #[serde(default)]
    pub by_region: Vec<RegionPrior>,
}

/// The share of people with pain in one region whom a cause explains.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RegionPrior {
    pub region: String,
    pub percent: f64,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Sex {
    Female,
    Male,
}

/// The ages at which a cause typically appears; outside them it is less likely.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AgeRange {
    #[serde(default)]
    pub min: Option<u8>,
    #[serde(default)]
    pub max: Option<u8>,
}

/// The longest a cause's `gloss` may be, in characters, so it fits beside the name.
pub const GLOSS_MAX_CHARS: usize = 60;

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Cause {
    pub id: Id,
    pub name: String,
    /// What the name means in words a lay person knows, shown beside it: "squashed nerves
    /// at the bottom of the spine" for cauda equina syndrome. A short phrase, no full stop
    /// at the end, at most [`GLOSS_MAX_CHARS`] characters (the validator checks it).
    #[serde(default)]
    pub gloss: Option<String>,
    #[serde(default, deserialize_with = "tight")]
    pub aliases: Vec<String>,
    pub prevalence: Prevalence,
    #[serde(default)]
    pub prior: Option<Box<Prior>>,
    /// Regions where this cause is felt.
    #[serde(deserialize_with = "tight")]
    pub regions: Vec<Id>,
    #[serde(deserialize_with = "tight")]
    pub findings: Vec<Link>,
    /// Findings that define the cause (a broken bone after an injury needs an injury):
    /// once every one of them is known absent, the cause is not listed at all.
    #[serde(default, deserialize_with = "tight")]
    pub requires: Vec<Id>,
    #[serde(default)]
    pub age: Option<AgeRange>,
    /// Only applies to this sex, when set.
    #[serde(default)]
    pub sex: Option<Sex>,
    pub triage: Triage,
    #[serde(default)]
    pub icd10: Option<String>,
    pub summary: String,
    pub feels: String,
    pub seek_help: String,
    pub diagnosis: String,
    pub treatment: String,
    pub prevention: String,
    #[serde(default, deserialize_with = "tight")]
    pub related: Vec<Id>,
    #[serde(deserialize_with = "tight")]
    pub sources: Vec<Id>,
}

/// When a question is worth asking.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub enum Condition {
    /// The finding has been reported present.
    Has(String),
    /// The finding has been reported absent.
    Lacks(String),
    /// The region has been chosen.
    InRegion(String),
    /// The answers recorded this sex.
    IsSex(Sex),
    /// The answers recorded an age in this range (an unknown age is not in it).
    Age(AgeRange),
    Not(Box<Condition>),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

/// What an answer adds to what is known, and where the interview goes next.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Findings now known present.
    #[serde(default)]
    pub add: Vec<String>,
    /// Findings now known absent.
    #[serde(default)]
    pub rule_out: Vec<String>,
    /// The next question; the question's own `next` when absent; the end when both are.
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub label: String,
    #[serde(default)]
    pub add: Vec<String>,
    #[serde(default)]
    pub rule_out: Vec<String>,
    /// The age this choice records (an age band's representative age).
    #[serde(default)]
    pub age: Option<u8>,
    /// The sex this choice records.
    #[serde(default)]
    pub sex: Option<Sex>,
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub enum Answers {
    /// Yes / no / not sure.
    YesNo {
        #[serde(default)]
        yes: Outcome,
        #[serde(default)]
        no: Outcome,
        #[serde(default)]
        unsure: Outcome,
    },
    /// One of several choices; "not sure" goes to the question's `next`.
    Choice(Vec<ChoiceOption>),
    /// Tick any that apply, or "none of these": a confirmed answer adds the finding of
    /// every item ticked and rules out the finding of every item not ticked; "not sure"
    /// records nothing. Every answer goes on to the question's `next`.
    Checklist(Vec<ChecklistItem>),
}

/// One item of a checklist: what it says, and the finding it stands for.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub label: String,
    pub finding: String,
}

/// The most items a checklist may have (a ticked set is a bit mask; the interface numbers
/// items 1 to 9 and reaches the rest with the arrow keys).
pub const MAX_CHECKLIST_ITEMS: usize = 12;

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Id,
    pub text: String,
    /// A plain-language explanation shown under the question.
    #[serde(default)]
    pub help: Option<String>,
    /// Ask only when this holds; otherwise go to `otherwise` (or `next`).
    #[serde(default)]
    pub ask_if: Option<Condition>,
    #[serde(default)]
    pub otherwise: Option<String>,
    pub answers: Answers,
    /// Where to go after any answer that does not name its own next question.
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: String,
    pub text: String,
    #[serde(default)]
    pub sources: Vec<Id>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GuidancePage {
    pub id: Id,
    pub title: String,
    pub sections: Vec<Section>,
}

/// A combination of answers that sets a triage level by itself, whatever the ranking says:
/// "past cancer and any new nerve symptom", "fever and a stiff neck".
///
/// It fires when every finding in `all` is present, at least one in `any` (if any are
/// listed), none in `none`, the age and sex fit (an unknown age or sex does not fit), a chosen
/// region lies in `regions` (if listed), and, with `new_or_worse`, a finding marked `recent`
/// is present.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TriageRule {
    pub id: Id,
    /// What the combination is, in plain words ("Fever with a stiff neck").
    pub name: String,
    #[serde(default)]
    pub all: Vec<Id>,
    #[serde(default)]
    pub any: Vec<Id>,
    #[serde(default)]
    pub none: Vec<Id>,
    #[serde(default)]
    pub age: Option<AgeRange>,
    #[serde(default)]
    pub sex: Option<Sex>,
    #[serde(default)]
    pub regions: Vec<Id>,
    #[serde(default)]
    pub new_or_worse: bool,
    pub triage: Triage,
    /// What to do, in plain words; may use {`emergency_number`}.
    pub advice: String,
    /// The causes to check first when the rule fires.
    #[serde(default)]
    pub points_at: Vec<Id>,
    #[serde(default)]
    pub sources: Vec<Id>,
}

/// A list read at its exact length. Read from RON, a list grows by doubling from room for
/// four, and most lists of a graph hold one or two items: at 100,000 causes the spare room
/// came to about 20 MB.
fn tight<'de, D: Deserializer<'de>, T: Deserialize<'de>>(from: D) -> Result<Vec<T>, D::Error> {
    let mut list = Vec::<T>::deserialize(from)?;
    list.shrink_to_fit();
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_from_ron_have_no_spare_room() {
        let file: GraphFile = ron::from_str(
            r#"Graph(regions: [Region(id: "back", name: "Back", aliases: ["spine"])])"#,
        )
        .expect("parses");
        let aliases = &file.regions[0].aliases;
        assert_eq!((aliases.len(), aliases.capacity()), (1, 1));
    }
}
