//! A search index written as bytes, so that `search` on content that passed every check
//! before reads it and needs neither the graph nor to index it again. Only `cli::stamp`
//! stores these, beside the parsed graph of the very same bytes.
//!
//! The layout is the index's own lists one after the other, each as its length (`u64`,
//! little-endian) and its entries (`u32` little-endian, or bytes), after a line that says
//! what it is and the version of the layout. An index that does not read back whole (a
//! truncated file, another layout, lists that disagree with one another) is not used.

use std::io::Read;

use super::index::Index;

/// The first bytes of every cached index: what it is, and the version of its layout.
const MAGIC: &[u8] = b"symptom-explorer search index, layout 3\n";

/// The index as bytes to store.
pub fn encode(index: &Index) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    let mut w = Writer { out: &mut out };
    w.text(&index.folded);
    w.list(&index.folded_at);
    w.text(&index.norms);
    w.list(&index.norm_at);
    w.bytes(&index.group);
    w.bytes(&index.stop);
    w.list(&index.mask);
    w.list(&index.posting_at);
    w.list(&index.postings);
    w.list(&[index.causes, index.findings]);
    w.text(&index.ids);
    w.list(&index.id_at);
    w.list(&index.item_text);
    w.text(&index.texts);
    w.list(&index.text_at);
    w.list(&index.content);
    w.list(&index.text_word);
    w.list(&index.word_vocab);
    out
}

/// The index stored in `bytes`; `None` unless they are a whole index of this layout.
pub fn decode(bytes: &[u8]) -> Option<Index> {
    read(bytes, bytes.len() as u64)
}

/// The index stored in a file of `size` bytes, read straight into its lists (without
/// holding the whole file in memory first); `None` unless it is a whole index of this
/// layout.
pub fn read(from: impl Read, size: u64) -> Option<Index> {
    let mut r = Reader {
        from,
        left: size,
        buffer: Vec::new(),
    };
    let mut magic = [0u8; MAGIC.len()];
    r.exact(&mut magic)?;
    if magic != MAGIC {
        return None;
    }
    let folded = r.text()?;
    let folded_at = r.list()?;
    let norms = r.text()?;
    let norm_at = r.list()?;
    let group = r.bytes()?;
    let stop = r.bytes()?;
    let mask = r.list()?;
    let posting_at = r.list()?;
    let postings = r.list()?;
    let [causes, findings] = <[u32; 2]>::try_from(r.list()?).ok()?;
    let index = Index {
        folded,
        folded_at,
        norms,
        norm_at,
        group,
        stop,
        mask,
        posting_at,
        postings,
        causes,
        findings,
        ids: r.text()?,
        id_at: r.list()?,
        item_text: r.list()?,
        texts: r.text()?,
        text_at: r.list()?,
        content: r.list()?,
        text_word: r.list()?,
        word_vocab: r.list()?,
    };
    (r.left == 0 && r.from.read(&mut [0]).ok()? == 0 && index.is_whole()).then_some(index)
}

struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

impl Writer<'_> {
    fn len(&mut self, n: usize) {
        self.out.extend_from_slice(&(n as u64).to_le_bytes());
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.len(bytes.len());
        self.out.extend_from_slice(bytes);
    }

    fn text(&mut self, text: &str) {
        self.bytes(text.as_bytes());
    }

    fn list(&mut self, list: &[u32]) {
        self.len(list.len());
        self.out.reserve(list.len() * 4);
        for n in list {
            self.out.extend_from_slice(&n.to_le_bytes());
        }
    }
}

/// Reads the lists of an index, never more than the size it was told.
struct Reader<R> {
    from: R,
    /// The bytes left to read.
    left: u64,
    /// Bytes on their way into a list.
    buffer: Vec<u8>,
}

/// How many bytes of a list of numbers are read at a time.
const CHUNK: usize = 1 << 16;

impl<R: Read> Reader<R> {
    fn exact(&mut self, into: &mut [u8]) -> Option<()> {
        self.left = self.left.checked_sub(into.len() as u64)?;
        self.from.read_exact(into).ok()
    }

    /// A length, if that many bytes (of entries of `width` bytes) are left.
    fn len(&mut self, width: u64) -> Option<usize> {
        let mut bytes = [0u8; 8];
        self.exact(&mut bytes)?;
        let n = u64::from_le_bytes(bytes);
        if n.checked_mul(width)? > self.left {
            return None;
        }
        usize::try_from(n).ok()
    }

    fn bytes(&mut self) -> Option<Vec<u8>> {
        let mut out = vec![0; self.len(1)?];
        self.exact(&mut out)?;
        Some(out)
    }

    fn text(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?).ok()
    }

    fn list(&mut self) -> Option<Vec<u32>> {
        let n = self.len(4)?;
        let mut out = Vec::with_capacity(n);
        let mut buffer = std::mem::take(&mut self.buffer);
        buffer.resize(CHUNK, 0);
        while out.len() < n {
            let chunk = &mut buffer[..(n - out.len()).min(CHUNK / 4) * 4];
            self.exact(chunk)?;
            out.extend(
                chunk
                    .chunks_exact(4)
                    .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            );
        }
        self.buffer = buffer;
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::search::Scope;
    use crate::graph::Graph;

    #[test]
    fn the_bundled_index_reads_back_as_built_and_searches_the_same() {
        let graph = Graph::bundled().expect("loads");
        let index = Index::build(&graph);
        let bytes = encode(&index);
        let read = decode(&bytes).expect("decodes");
        assert_eq!(read, index);
        for query in ["sci", "back pain", "kidney", "shingels", "zzzq"] {
            assert_eq!(
                read.search(query, Scope::Both, &[], 0),
                index.search(query, Scope::Both, &[], 0)
            );
            assert_eq!(read.suggest(query), index.suggest(query));
        }
    }

    #[test]
    fn an_index_that_does_not_read_back_whole_is_not_used() {
        let graph = Graph::bundled().expect("loads");
        let bytes = encode(&Index::build(&graph));
        for cut in [
            0,
            10,
            MAGIC.len(),
            MAGIC.len() + 3,
            bytes.len() / 2,
            bytes.len() - 1,
        ] {
            assert!(decode(&bytes[..cut]).is_none(), "{cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_none());
        let mut other = bytes.clone();
        other[3] ^= 0x20;
        assert!(decode(&other).is_none(), "another magic");
        // A list that points past the end of another: refused, not a panic later.
        let mut index = Index::build(&graph);
        index.word_vocab[0] = u32::MAX;
        assert!(decode(&encode(&index)).is_none());
        let mut index = Index::build(&graph);
        index.text_at[1] = index.text_at[1].saturating_add(1_000_000);
        assert!(decode(&encode(&index)).is_none());
        let mut index = Index::build(&graph);
        index.postings.push(u32::MAX);
        *index.posting_at.last_mut().expect("one at least") += 1;
        assert!(decode(&encode(&index)).is_none());
    }
}
