//! A reference from one item of the graph to another by id, shared rather than copied.
//!
//! A graph names the same few findings, regions and sources over and over: at 100,000
//! causes there are 800,000 links to findings, and every one of them was its own `String`
//! (a heap allocation of the id and 24 bytes beside it). An [`Id`] is the one copy of its
//! text the process keeps: ids are interned, each distinct text written once into large
//! blocks kept for the life of the process, so a reference is 16 bytes, is copied without
//! touching the text, and costs nothing to drop. It reads as a `str` everywhere (`Deref`,
//! `Borrow<str>`, comparisons with `str` and `String`), and is written to RON and to the
//! parsed-graph cache exactly as a string was.
//!
//! What is kept is bounded by the distinct ids of the content loaded (loading the same
//! graph again adds nothing); ids are content, never anything a person typed.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::fmt;
use std::sync::Mutex;

use hashbrown::HashSet;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The id of a finding, region, source or other item: as the item is named, and as
/// another item refers to it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Id(&'static str);

impl Id {
    pub fn as_str(&self) -> &str {
        self.0
    }

    /// The process's copy of `text`, written on first sight.
    fn interned(text: &str) -> Id {
        // Each thread remembers what it has seen, so the shared table is asked once per
        // distinct id and thread, and reading a file takes no lock per reference.
        SEEN.with(|seen| {
            let mut seen = seen.borrow_mut();
            if let Some(&kept) = seen.get(text) {
                return Id(kept);
            }
            let kept = KEPT
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .intern(text);
            seen.insert(kept);
            Id(kept)
        })
    }
}

thread_local! {
    /// The ids this thread has interned.
    static SEEN: RefCell<HashSet<&'static str>> = RefCell::new(HashSet::new());
}

/// Every id the process has interned. (hashbrown's hasher is seeded afresh in each
/// process, so ids chosen to collide cannot be written in advance.)
static KEPT: Mutex<Kept> = Mutex::new(Kept {
    texts: None,
    block: &mut [],
});

struct Kept {
    texts: Option<HashSet<&'static str>>,
    /// The unused rest of the block texts are written into.
    block: &'static mut [u8],
}

/// The size of a block of id texts. Ids sit side by side, so interning a file's
/// references compares against a few hundred kilobytes, not texts all over the heap.
const BLOCK_BYTES: usize = 64 * 1024;

impl Kept {
    fn intern(&mut self, text: &str) -> &'static str {
        let texts = self.texts.get_or_insert_with(HashSet::new);
        if let Some(&kept) = texts.get(text) {
            return kept;
        }
        let len = text.len();
        if self.block.len() < len {
            // A new block (an id longer than a block gets one of its own size); the
            // rest of the old one stays unused.
            let size = BLOCK_BYTES.max(len);
            self.block = Box::leak(vec![0u8; size].into_boxed_slice());
        }
        let (place, rest) = std::mem::take(&mut self.block).split_at_mut(len);
        self.block = rest;
        place.copy_from_slice(text.as_bytes());
        let kept: &'static str = std::str::from_utf8(place).expect("copied from a str");
        texts.insert(kept);
        kept
    }
}

impl std::ops::Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Id {
        Id::interned(text)
    }
}

impl From<String> for Id {
    fn from(text: String) -> Id {
        Id::interned(&text)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0.to_string()
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        self.0 == other.as_str()
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        self.as_str() == other.0
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id in quotes")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Id, E> {
                Ok(Id::interned(text))
            }
        }
        // Asked for as an owned string: a reader that streams (postcard's `from_io`) then
        // hands over each id in its scratch space for the moment, rather than keeping it
        // there for a borrow, which would fill the scratch space after a megabyte of ids.
        deserializer.deserialize_string(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: Id, b: Id) -> bool {
        std::ptr::eq(a.0, b.0)
    }

    #[test]
    fn equal_ids_are_one_text_whichever_thread_reads_them() {
        let read = |text: &str| ron::from_str::<Vec<Id>>(text).unwrap();
        let here = read(r#"["interned-a", "interned-a", "interned-b"]"#);
        assert!(same(here[0], here[1]));
        assert!(!same(here[0], here[2]));
        assert_eq!(here, ["interned-a", "interned-a", "interned-b"]);
        let there = std::thread::spawn(move || read(r#"["interned-b", "interned-a"]"#))
            .join()
            .unwrap();
        assert!(same(here[0], there[1]) && same(here[2], there[0]));
        // A text longer than a block gets a block of its own.
        let long = "x".repeat(BLOCK_BYTES + 1);
        assert_eq!(Id::from(long.as_str()).as_str(), long);
        assert!(same(Id::from(long.as_str()), Id::from(long)));
    }

    #[test]
    fn more_ids_than_the_scratch_space_are_read_from_a_stream() {
        let ids: Vec<Id> = (0..100_000)
            .map(|i| Id::from(format!("finding-{i}")))
            .collect();
        let bytes = postcard::to_allocvec(&ids).unwrap();
        let mut scratch = [0u8; 64];
        let (read, _): (Vec<Id>, _) = postcard::from_io((&bytes[..], &mut scratch)).unwrap();
        assert_eq!(read, ids);
    }

    #[test]
    fn an_id_is_written_and_read_as_a_string() {
        let id = Id::from("saddle-numbness");
        assert_eq!(
            ron::to_string(&id).unwrap(),
            ron::to_string("saddle-numbness").unwrap()
        );
        let bytes = postcard::to_allocvec(&id).unwrap();
        assert_eq!(bytes, postcard::to_allocvec("saddle-numbness").unwrap());
        assert_eq!(postcard::from_bytes::<Id>(&bytes).unwrap(), id);
        assert_eq!(format!("{id:?}"), format!("{:?}", "saddle-numbness"));
        assert!(ron::from_str::<Id>("3").is_err());
    }
}
