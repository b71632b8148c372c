//! Lines folded at 75 octets and text escaped.

use super::*;

#[test]
fn folds_at_75_octets_without_splitting_utf8() {
    let danish = "Æbleøl på Ørestad-å: § 31, stk. 1–2 – rådighedssamtale 😀🇩🇰 i jobcentret ".repeat(12);
    for text in [
        String::new(),
        "x".repeat(75),
        "x".repeat(76),
        "x".repeat(75 + 74),
        "x".repeat(75 + 75),
        "ø".repeat(80),
        "😀".repeat(60),
        format!("DESCRIPTION:{danish}"),
    ] {
        let folded = fold(&text);
        assert_well_formed(&folded);
        assert_eq!(unfold(&folded), format!("{text}\r\n"));
    }
    // Exactly 75 octets stay on one line; 76 fold once.
    assert_eq!(fold(&"x".repeat(75)).matches("\r\n").count(), 1);
    assert_eq!(fold(&"x".repeat(76)), format!("{}\r\n x\r\n", "x".repeat(75)));
    // A two-octet character straddling octet 75 moves whole to the next line.
    let straddle = format!("{}ø", "x".repeat(74));
    assert_eq!(fold(&straddle), format!("{}\r\n ø\r\n", "x".repeat(74)));
    // Continuation lines carry 74 octets after their space.
    let long = fold(&"y".repeat(75 + 74 + 1));
    assert_eq!(long, format!("{}\r\n {}\r\n y\r\n", "y".repeat(75), "y".repeat(74)));
}

#[test]
fn folding_holds_for_every_length_and_mix() {
    // A fixed pseudo-random walk over characters of 1–4 octets.
    let alphabet = ['a', ' ', ';', 'æ', 'ø', 'å', '§', '–', '…', '€', '😀', '𝄞'];
    let mut seed: u64 = 0x5eed;
    for n in 0..400 {
        let mut line = String::new();
        for _ in 0..n {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            line.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
        }
        let folded = fold(&line);
        assert_well_formed(&folded);
        assert_eq!(unfold(&folded), format!("{line}\r\n"));
    }
}

#[test]
fn escapes_text() {
    assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
    assert_eq!(escape_text("en\nto\r\ntre\rfire"), r"en\nto\ntre\nfire");
    assert_eq!(
        escape_text("tab\tok, bell\u{7} and nul\0 gone"),
        "tab\tok\\, bell and nul gone"
    );
    assert_eq!(escape_text("æøå § 31: “x”"), "æøå § 31: “x”");
    assert_eq!(escape_text(r"\n"), r"\\n");
    let tricky = "a;b,c\\d\ne – ø";
    assert_eq!(unescape(&escape_text(tricky)), tricky);
}
