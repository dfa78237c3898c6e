//! Everything a person can ask of the interface, by name.

use crate::engine::Answer;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
    Left,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ToggleHelp,
    NextPane,
    PrevPane,
    /// Close the help, clear the search, go back from a detail, or to the previous pane.
    Back,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Arrow keys: spatial on the body map, a row elsewhere.
    Move(Dir),
    PageUp,
    PageDown,
    Home,
    End,
    // Body map
    FlipView,
    ToggleMark,
    ChooseRegions,
    /// Jump to the next region whose name starts with this letter.
    JumpTo(char),
    // Questions
    Answer(Answer),
    /// Tick or untick an item of a checklist (0-based), or the one under the cursor.
    Tick(Option<usize>),
    /// Answer a checklist with the items ticked.
    ConfirmTicks,
    Undo,
    SkipToCauses,
    // Causes and search
    OpenSearch,
    SearchInput(char),
    SearchDelete,
    SearchClear,
    OpenDetail,
    // Detail
    /// Open the n-th related cause (0-based).
    FollowRelated(usize),
    DetailBack,
}
