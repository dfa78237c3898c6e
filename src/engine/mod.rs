//! The engine: ranking, triage, the question flow and fuzzy search.
//! Pure functions over a loaded graph; nothing here knows about the terminal.

mod bound;
pub mod evidence;
pub mod interview;
pub mod lengths;
pub mod rank;
pub mod search;
pub mod sharpen;
pub mod triage;

pub use interview::{Answer, Interview, Known, Walk};
pub use rank::{CheckFirst, Query, RankedCause, Ranking, RuleHit, rank};
pub use search::{Hit, HitKind, Scope, Searcher};
