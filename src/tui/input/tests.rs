//! The decoder: keys, mouse reports and pastes from bytes, and what an unfinished sequence
//! becomes when nothing follows it.

use super::*;

fn k(code: KeyCode) -> Event {
    key(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> Event {
    key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn chars(text: &str) -> Vec<Event> {
    text.chars().map(|c| char_key(c, false)).collect()
}

fn decode(bytes: &[u8]) -> Vec<Event> {
    Decoder::default().feed(bytes)
}

#[test]
fn plain_keys_and_controls() {
    assert_eq!(decode(b"aZ 9"), chars("aZ 9"));
    assert_eq!(
        decode(b"\r\t\x7f\x03\x1a\x0a\x00"),
        vec![
            k(KeyCode::Enter),
            k(KeyCode::Tab),
            k(KeyCode::Backspace),
            ctrl('c'),
            ctrl('z'),
            ctrl('j'),
            ctrl(' '),
        ]
    );
    assert_eq!(
        decode(b"A"),
        vec![key(KeyCode::Char('A'), KeyModifiers::SHIFT)]
    );
}

#[test]
fn utf8_whole_and_split() {
    assert_eq!(decode("é→😀".as_bytes()), chars("é→😀"));
    let mut d = Decoder::default();
    let bytes = "😀".as_bytes();
    assert!(d.feed(&bytes[..2]).is_empty());
    assert_eq!(d.wait(), Some(STALL));
    assert_eq!(d.feed(&bytes[2..]), chars("😀"));
    assert_eq!(d.wait(), None);
}

#[test]
fn broken_utf8_is_dropped_and_the_next_byte_read() {
    assert_eq!(decode(b"\xc3q"), chars("q"));
    assert_eq!(decode(b"\xffq\x80"), chars("q"));
    // Overlong and surrogate encodings are not characters.
    assert_eq!(decode(b"\xe0\x80\x80\xed\xa0\x80x"), chars("x"));
}

#[test]
fn arrows_home_end_function_keys() {
    assert_eq!(
        decode(b"\x1b[A\x1b[B\x1b[C\x1b[D\x1bOH\x1b[F\x1b[5~\x1b[6~\x1b[3~"),
        vec![
            k(KeyCode::Up),
            k(KeyCode::Down),
            k(KeyCode::Right),
            k(KeyCode::Left),
            k(KeyCode::Home),
            k(KeyCode::End),
            k(KeyCode::PageUp),
            k(KeyCode::PageDown),
            k(KeyCode::Delete),
        ]
    );
    assert_eq!(
        decode(b"\x1bOP\x1b[15~\x1b[24~\x1b[[A\x1b[Z"),
        vec![
            k(KeyCode::F(1)),
            k(KeyCode::F(5)),
            k(KeyCode::F(12)),
            k(KeyCode::F(1)),
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
        ]
    );
    assert_eq!(
        decode(b"\x1b[1;5C\x1b[1;2A"),
        vec![
            key(KeyCode::Right, KeyModifiers::CONTROL),
            key(KeyCode::Up, KeyModifiers::SHIFT),
        ]
    );
}

#[test]
fn alt_keys() {
    assert_eq!(
        decode(b"\x1bx\x1b\r"),
        vec![
            key(KeyCode::Char('x'), KeyModifiers::ALT),
            key(KeyCode::Enter, KeyModifiers::ALT),
        ]
    );
    assert_eq!(
        decode("\x1bé".as_bytes()),
        vec![key(KeyCode::Char('é'), KeyModifiers::ALT)]
    );
}

#[test]
fn a_lone_esc_is_the_esc_key_once_nothing_follows() {
    let mut d = Decoder::default();
    assert!(d.feed(b"\x1b").is_empty());
    assert_eq!(d.wait(), Some(ESC_WAIT));
    assert_eq!(d.flush(), vec![k(KeyCode::Esc)]);
    assert_eq!(d.wait(), None);
    // Two: the first at once, the second when nothing follows.
    assert_eq!(d.feed(b"\x1b\x1b"), vec![k(KeyCode::Esc)]);
    assert_eq!(d.flush(), vec![k(KeyCode::Esc)]);
    // Esc before an arrow key.
    assert_eq!(d.feed(b"\x1b\x1b[A"), vec![k(KeyCode::Esc), k(KeyCode::Up)]);
}

#[test]
fn a_sequence_split_across_reads_is_one_key() {
    let mut d = Decoder::default();
    for part in [&b"\x1b"[..], b"[", b"1", b";5", b"D"] {
        assert_eq!(d.wait().is_some(), part != b"\x1b");
        let got = d.feed(part);
        if part == b"D" {
            assert_eq!(got, vec![key(KeyCode::Left, KeyModifiers::CONTROL)]);
        } else {
            assert!(got.is_empty(), "{part:?}");
        }
    }
}

#[test]
fn a_partial_sequence_times_out_and_later_keys_work() {
    for partial in [
        &b"\x1b["[..],
        b"\x1b[1;",
        b"\x1bO",
        b"\x1b[<0;5",
        b"\x1b[M!",
        b"\xe2\x86",
    ] {
        let mut d = Decoder::default();
        assert!(d.feed(partial).is_empty(), "{partial:?}");
        assert_eq!(d.wait(), Some(STALL), "{partial:?}");
        assert!(d.flush().is_empty(), "{partial:?} is dropped");
        assert_eq!(d.feed(b"q"), chars("q"), "{partial:?}");
    }
}

#[test]
fn a_control_byte_ends_a_broken_sequence_and_counts() {
    assert_eq!(decode(b"\x1b[1;\x03"), vec![ctrl('c')]);
    assert_eq!(decode(b"\x1b[12\x1b[A"), vec![k(KeyCode::Up)]);
    assert_eq!(
        decode(b"\x1bO\rq"),
        [vec![k(KeyCode::Enter)], chars("q")].concat()
    );
}

#[test]
fn an_endless_sequence_is_dropped_whole() {
    let mut bytes = b"\x1b[".to_vec();
    bytes.extend(std::iter::repeat_n(b'1', 100_000));
    bytes.extend(b"~q");
    assert_eq!(decode(&bytes), chars("q"));
}

#[test]
fn unknown_sequences_are_dropped() {
    assert_eq!(decode(b"\x1b[?1;2c\x1b[I\x1b[99~\x1b[12;40R!"), chars("!"));
}

#[test]
fn a_paste_is_one_event() {
    let mut bytes = b"\x1b[200~".to_vec();
    bytes.extend("y".repeat(20_000).as_bytes());
    bytes.extend(b"\x1b[201~q");
    assert_eq!(
        decode(&bytes),
        [vec![Event::Paste("y".repeat(20_000))], chars("q")].concat()
    );
}

#[test]
fn a_paste_keeps_escapes_and_controls_as_text() {
    let got = decode(b"\x1b[200~a\x1b[A\x1b[20b\r\nc\x1b[201~");
    assert_eq!(got, vec![Event::Paste("a\x1b[A\x1b[20b\r\nc".into())]);
}

#[test]
fn a_paste_split_anywhere_is_the_same() {
    let whole = b"\x1b[200~one \x1b[20two\x1b[201~";
    for cut in 0..whole.len() {
        let mut d = Decoder::default();
        let mut got = d.feed(&whole[..cut]);
        got.extend(d.feed(&whole[cut..]));
        assert_eq!(
            got,
            vec![Event::Paste("one \x1b[20two".into())],
            "cut {cut}"
        );
    }
}

#[test]
fn a_huge_paste_is_capped() {
    let mut d = Decoder::default();
    d.feed(b"\x1b[200~");
    for _ in 0..100 {
        assert!(d.feed(&[b'x'; 10_000]).is_empty());
    }
    match d.feed(b"\x1b[201~").as_slice() {
        [Event::Paste(text)] => assert_eq!(text.len(), PASTE_LIMIT),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_paste_with_no_end_is_delivered_when_nothing_follows() {
    let mut d = Decoder::default();
    assert!(d.feed(b"\x1b[200~abc\x1b[20").is_empty());
    assert_eq!(d.wait(), Some(STALL));
    assert_eq!(d.flush(), vec![Event::Paste("abc".into())]);
    assert_eq!(d.wait(), None);
    assert_eq!(d.feed(b"q\x03"), [chars("q"), vec![ctrl('c')]].concat());
    // A paste start and nothing else is nothing.
    assert!(d.feed(b"\x1b[200~").is_empty());
    assert!(d.flush().is_empty());
    // A stray end marker is nothing.
    assert_eq!(d.feed(b"\x1b[201~x"), chars("x"));
}

#[test]
fn mouse_reports() {
    let m = |kind, column, row| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(
        decode(b"\x1b[<0;10;5M\x1b[<0;10;5m\x1b[<64;1;1M\x1b[<65;3;4M\x1b[<35;2;2M"),
        vec![
            m(MouseEventKind::Down(MouseButton::Left), 9, 4),
            m(MouseEventKind::Up(MouseButton::Left), 9, 4),
            m(MouseEventKind::ScrollUp, 0, 0),
            m(MouseEventKind::ScrollDown, 2, 3),
            m(MouseEventKind::Moved, 1, 1),
        ]
    );
    // The old report: three bytes, each 32 more than the value (positions from 1).
    assert_eq!(
        decode(b"\x1b[M\x20\x2a\x25\x1b[M\x23\x2a\x25"),
        vec![
            m(MouseEventKind::Down(MouseButton::Left), 9, 4),
            m(MouseEventKind::Up(MouseButton::Left), 9, 4),
        ]
    );
    // rxvt's.
    assert_eq!(
        decode(b"\x1b[34;10;5M"),
        vec![m(MouseEventKind::Down(MouseButton::Right), 9, 4)]
    );
    // Huge or broken numbers are dropped.
    assert_eq!(
        decode(b"\x1b[<0;99999;1M\x1b[<0;1M\x1b[<0;1;1;1M!"),
        chars("!")
    );
}

#[test]
fn any_bytes_decode_without_panicking_and_end_in_ground_after_flush() {
    // A cheap sweep: every pair of bytes after every prefix that starts a sequence.
    let prefixes: [&[u8]; 7] = [
        b"",
        b"\x1b",
        b"\x1b[",
        b"\x1bO",
        b"\x1b[<",
        b"\x1b[M",
        b"\x1b[200~",
    ];
    for prefix in prefixes {
        for a in 0..=255u8 {
            for b in [0u8, 0x1b, b'[', b'~', b'A', 0x80, 0xff] {
                let mut d = Decoder::default();
                d.feed(prefix);
                d.feed(&[a, b]);
                d.flush();
                assert_eq!(d.wait(), None);
                assert_eq!(d.feed(b"q"), chars("q"));
            }
        }
    }
}
