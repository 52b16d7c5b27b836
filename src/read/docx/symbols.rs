//! `w:sym`: a character picked from a symbol font by code, best effort.
//!
//! Word stores symbols from the Symbol and Wingdings fonts as codes in the private use area
//! (`F02D`, `F0B7`). Those codes mean nothing outside the font, so the common ones are mapped to
//! the Unicode characters they draw; other codes are kept when they are real characters.

/// The character `w:sym w:font=.. w:char=..` draws, if it can be told.
pub fn symbol_char(font: Option<&str>, code: Option<&str>) -> Option<char> {
    let code = u32::from_str_radix(code?.trim(), 16).ok()?;
    // Codes are written either in the private use area (F0xx) or as the plain byte.
    let byte = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else if code <= 0xFF {
        code
    } else {
        return char::from_u32(code).filter(|c| !is_private_use(*c));
    };
    let font = font.unwrap_or_default().to_ascii_lowercase();
    let mapped = if font.starts_with("wingdings") {
        wingdings(byte)
    } else if font.starts_with("symbol") {
        symbol(byte)
    } else {
        None
    };
    mapped.or_else(|| char::from_u32(byte).filter(|c| !c.is_control()))
}

fn is_private_use(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// The Symbol font: Greek letters and mathematical signs at Latin positions.
fn symbol(byte: u32) -> Option<char> {
    let c = match byte {
        0x2D => '\u{2212}', // minus
        0x2A => '\u{2217}',
        0xA3 => '\u{2264}', // less-than or equal
        0xB3 => '\u{2265}', // greater-than or equal
        0xB1 => '\u{00B1}',
        0xB4 => '\u{00D7}', // multiplication
        0xB8 => '\u{00F7}',
        0xB7 => '\u{2022}', // bullet
        0xB0 => '\u{00B0}',
        0xAE => '\u{2192}', // arrows
        0xAC => '\u{2190}',
        0xAD => '\u{2191}',
        0xAF => '\u{2193}',
        0xAB => '\u{2194}',
        0xB9 => '\u{2260}',
        0xBB => '\u{2248}',
        0xBC => '\u{2026}',
        0xD2 | 0xE2 => '\u{00AE}',
        0xD3 | 0xE3 => '\u{00A9}',
        0xD4 | 0xE4 => '\u{2122}',
        0xE0 => '\u{25CA}',
        0x61..=0x7A => return greek(byte - 0x61, 'α'),
        0x41..=0x5A => return greek(byte - 0x41, 'Α'),
        _ => return None,
    };
    Some(c)
}

/// Symbol's Latin-to-Greek layout (`a` -> α, `b` -> β, `c` -> χ ...).
fn greek(offset: u32, alpha: char) -> Option<char> {
    // Position in the Greek alphabet for a..z in the Symbol font (None where Symbol draws
    // something else).
    const ORDER: [Option<u32>; 26] = [
        Some(0),  // a alpha
        Some(1),  // b beta
        Some(21), // c chi
        Some(3),  // d delta
        Some(4),  // e epsilon
        Some(20), // f phi
        Some(2),  // g gamma
        Some(6),  // h eta
        Some(8),  // i iota
        None,     // j (phi variant)
        Some(9),  // k kappa
        Some(10), // l lambda
        Some(11), // m mu
        Some(12), // n nu
        Some(14), // o omicron
        Some(15), // p pi
        Some(7),  // q theta
        Some(16), // r rho
        Some(17), // s sigma
        Some(18), // t tau
        Some(19), // u upsilon
        None,     // v (pi variant)
        Some(23), // w omega
        Some(13), // x xi
        Some(22), // y psi
        Some(5),  // z zeta
    ];
    let pos = ORDER.get(offset as usize).copied().flatten()?;
    // The Greek block skips U+03A2 (no capital final sigma): positions past rho shift by one.
    let shift = if pos > 16 { 1 } else { 0 };
    char::from_u32(alpha as u32 + pos + shift)
}

/// Wingdings: the bullets and checks ITU documents use.
fn wingdings(byte: u32) -> Option<char> {
    let c = match byte {
        0x9F | 0x6C => '\u{25CF}',
        0xA7 | 0x6E => '\u{25AA}',
        0x71 => '\u{2751}',
        0xD8 => '\u{27A2}',
        0xE0 => '\u{2192}',
        0xF0 => '\u{21E8}',
        0xFC => '\u{2713}',
        0xFB => '\u{2717}',
        0xA8 => '\u{25FB}',
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_font_codes_become_characters() {
        assert_eq!(symbol_char(Some("Symbol"), Some("F02D")), Some('\u{2212}'));
        assert_eq!(symbol_char(Some("Symbol"), Some("F0E3")), Some('©'));
        assert_eq!(symbol_char(Some("Symbol"), Some("F0B7")), Some('•'));
        assert_eq!(symbol_char(Some("Symbol"), Some("F061")), Some('α'));
        assert_eq!(symbol_char(Some("Symbol"), Some("F073")), Some('σ'));
        assert_eq!(symbol_char(Some("Symbol"), Some("F057")), Some('Ω'));
        assert_eq!(symbol_char(Some("Wingdings"), Some("F0FC")), Some('✓'));
        assert_eq!(symbol_char(Some("Arial"), Some("2022")), Some('•'));
        assert_eq!(symbol_char(Some("Arial"), Some("zz")), None);
        assert_eq!(symbol_char(Some("Unknown"), Some("F001")), None);
    }
}
