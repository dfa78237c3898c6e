//! The domain: the RON model, loading and validation.

mod ancestry;
mod answers;
pub mod cache;
pub mod controls;
pub mod diagnostic;
pub mod fill;
pub mod id;
pub mod load;
pub mod model;
pub mod suggest;
pub mod texts;
pub mod triage;
pub mod validate;

pub use diagnostic::{Diagnostic, Severity};
pub use id::Id;
pub use load::{Graph, Located, SourceText, parse};
pub use model::*;
pub use triage::Triage;
pub use validate::{check, validate};
