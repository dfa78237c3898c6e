//! Where the interface keeps the latest summary while it runs, for `--save FILE` to
//! write when the interface ends (however it ends: a quit or a signal such as a dropped
//! SSH connection). The app refreshes it after every change to the session.

use std::sync::{Arc, Mutex, PoisonError};

use super::{Stamp, Summary};
use crate::app::Session;

/// A shared slot for the latest summary; clones share the slot.
#[derive(Clone, Default)]
pub struct SummarySink {
    slot: Arc<Mutex<Option<(u64, Summary)>>>,
}

impl std::fmt::Debug for SummarySink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SummarySink")
    }
}

impl PartialEq for SummarySink {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.slot, &other.slot)
    }
}

impl Eq for SummarySink {}

impl SummarySink {
    /// Keep the session's summary, unless the one kept is already of this state.
    pub fn keep(&self, session: &Session) {
        let mut slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        if slot
            .as_ref()
            .is_some_and(|(generation, _)| *generation == session.generation())
        {
            return;
        }
        *slot = Some((session.generation(), Summary::of(session, Stamp::now())));
    }

    /// The latest summary, dated `date`.
    pub fn latest(&self, date: Stamp) -> Option<Summary> {
        let slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        slot.as_ref().map(|(_, s)| Summary { date, ..s.clone() })
    }
}
