//! Everything a person can ask of the interface, by name.

pub use tui_input::InputRequest;

use crate::engine::Answer;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// `q`: quit, asking first when answers would be lost.
    Quit,
    /// Quit at once (Ctrl-C, or yes to the question).
    QuitNow,
    /// No to "quit?": carry on.
    StayOpen,
    ToggleHelp,
    NextPane,
    PrevPane,
    /// Go to this pane (a click on its tab or inside it).
    FocusPane(crate::app::Pane),
    /// Close the help, clear the search, go back from a detail, or to the previous pane.
    Back,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Arrow keys: spatial on the body map, a row elsewhere.
    Move(Dir),
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Home,
    End,
    /// Select the n-th row of the focused list (a click).
    Select(usize),
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
    /// An edit of the search line: a character, a deletion, a cursor move.
    Edit(InputRequest),
    /// Text pasted into the search line, inserted at once.
    Paste(String),
    SearchClear,
    OpenDetail,
    // Detail
    /// Open the n-th related cause (0-based).
    FollowRelated(usize),
    DetailBack,
    /// The background search has an answer (from the terminal loop).
    Searched,
    // Kiosk mode
    /// No input for this long (from the terminal loop's clock).
    Idle(std::time::Duration),
    /// Leave the welcome screen.
    Begin,
    /// A key during "Still there?": the countdown stops.
    StillHere,
    /// Forget this person and show the welcome screen.
    StartOver,
    /// Someone tried to quit a kiosk: say it stays open.
    KioskStays,
    /// The staff exit chord: ask for the code.
    StaffOpen,
    StaffKey(char),
    StaffErase,
    StaffSubmit,
    StaffCancel,
    // Summary
    /// Open the summary (from anywhere).
    OpenSummary,
    /// Show the summary as a QR code, or back as text.
    ToggleQr,
    /// Save the summary as Markdown in a new file (never in kiosk mode).
    SaveSummary,
}
