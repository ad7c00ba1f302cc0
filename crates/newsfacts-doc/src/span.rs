use serde::{Deserialize, Serialize};

/// A byte range `start..end` (end exclusive) into [`crate::Document::text`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Converts byte offsets of one text into character (Unicode scalar value) offsets, the unit of
/// the JSON contract. Built once per document; each lookup is a binary search over the positions
/// of the text's multi-byte characters, so ASCII-heavy news text costs next to nothing.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// For each multi-byte character: (byte offset just after it, extra bytes so far).
    multibyte_ends: Vec<(usize, usize)>,
    text_len: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        let mut multibyte_ends = Vec::new();
        let mut extra = 0;
        for (offset, ch) in text.char_indices() {
            let width = ch.len_utf8();
            if width > 1 {
                extra += width - 1;
                multibyte_ends.push((offset + width, extra));
            }
        }
        CharOffsets {
            multibyte_ends,
            text_len: text.len(),
        }
    }

    /// The character offset of a byte offset that lies on a character boundary.
    pub fn char_offset(&self, byte_offset: usize) -> usize {
        let byte_offset = byte_offset.min(self.text_len);
        let passed = self
            .multibyte_ends
            .partition_point(|&(end, _)| end <= byte_offset);
        let extra = if passed == 0 {
            0
        } else {
            self.multibyte_ends[passed - 1].1
        };
        byte_offset - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalar_values() {
        let text = "a’b “c” é!";
        let map = CharOffsets::new(text);
        for (char_index, (byte_index, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_offset(byte_index), char_index);
        }
        assert_eq!(map.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn span_relations() {
        let outer = Span::new(2, 10);
        assert!(outer.contains(Span::new(2, 10)));
        assert!(!outer.contains(Span::new(1, 3)));
        assert!(outer.overlaps(Span::new(9, 12)));
        assert!(!outer.overlaps(Span::new(10, 12)));
        assert_eq!(outer.len(), 8);
    }
}
