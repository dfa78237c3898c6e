//! The search line's matches live in the engine (`engine::search::via`); re-exported here
//! for the interface.

pub use crate::engine::search::{Matches, Via, matches};
