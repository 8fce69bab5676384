//! Hash maps and sets keyed by words: a word-at-a-time multiplicative hash instead of
//! SipHash, whose set-up dominates on keys a few bytes long. The keys come from the
//! crate's own word lists and from the words of one document, so the flooding SipHash
//! guards against does not arise.

use std::collections::{HashMap, HashSet};

/// A word-at-a-time multiplicative hash (as in rustc's FxHash): the index is keyed by
/// short words, where SipHash's set-up dominates.
#[derive(Clone, Copy, Default)]
pub struct WordHash(u64);

impl WordHash {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for WordHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        for (t, &r) in tail.iter_mut().zip(rest) {
            *t = r;
        }
        self.mix(u64::from_le_bytes(tail) ^ ((rest.len() as u64) << 59));
    }
    fn write_u8(&mut self, byte: u8) {
        self.mix(u64::from(byte));
    }
}

pub type WordHashBuild = std::hash::BuildHasherDefault<WordHash>;

/// A map keyed by words.
pub type WordMap<K, V> = HashMap<K, V, WordHashBuild>;
/// A set of words.
pub type WordSet<T> = HashSet<T, WordHashBuild>;
