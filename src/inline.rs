//! Inline diffs: word-level differences between two texts.
