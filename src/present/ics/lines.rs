//! Content lines (RFC 5545 § 3.1): TEXT values escaped (§ 3.3.11), every line ended with CRLF
//! and folded at 75 octets without splitting a UTF-8 character, and the writer that builds the
//! file line by line.

/// The longest a content line may be, in octets, without its CRLF (RFC 5545 § 3.1).
pub(super) const MAX_LINE_OCTETS: usize = 75;

/// A TEXT value escaped as RFC 5545 § 3.3.11 says: `\` `;` `,` and line breaks (CRLF, CR or LF
/// each become `\n`). Other control characters, which TEXT may not hold, are left out; a tab
/// is kept.
pub(super) fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line to `out`, folded so that no physical line is longer than 75 octets
/// (without its CRLF): a CRLF and one space go in before the octet that would pass the limit,
/// moved back to the start of a UTF-8 character so that none is ever split.
pub(super) fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    // The first physical line holds 75 octets; each continuation holds 74 after its space.
    let mut room = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= room {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // A UTF-8 character is at most 4 octets and room is at least 74, so cut > 0.
        let (head, tail) = rest.split_at(cut);
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        room = MAX_LINE_OCTETS - 1;
    }
}

/// Builds the file line by line.
#[derive(Default)]
pub(super) struct Writer {
    pub(super) out: String,
}

impl Writer {
    /// A property whose value is written as given (already escaped, or not TEXT).
    pub(super) fn raw(&mut self, name: &str, value: &str) {
        fold_into(&mut self.out, &format!("{name}:{value}"));
    }

    /// A property whose value is TEXT, escaped here.
    pub(super) fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }
}
