//! Rendering: one module per output format.
