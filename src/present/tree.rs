//! A small element tree, HTML or SVG: the core builds what is shown (the plan's table, the
//! timeline, the caseload chart) as data; tests and the command line can write it as markup, and
//! the browser binding turns it into DOM nodes with `createElement`/`createElementNS` and text
//! nodes — never by parsing markup. An `svg` element and everything in it is SVG.

use std::fmt::Write;

/// An element with attributes and children.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub name: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Child>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Child {
    Node(Node),
    Text(String),
}

impl Node {
    pub fn new(name: &'static str) -> Node {
        Node {
            name,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Adds an attribute.
    pub fn attr(mut self, name: &'static str, value: impl ToString) -> Node {
        self.attrs.push((name, value.to_string()));
        self
    }

    /// Adds a child element.
    pub fn child(mut self, node: Node) -> Node {
        self.children.push(Child::Node(node));
        self
    }

    /// Adds a text child (kept as text: escaped when written, a text node in the DOM).
    pub fn text(mut self, text: impl Into<String>) -> Node {
        self.children.push(Child::Text(text.into()));
        self
    }

    /// Sets an attribute in place.
    pub fn set(&mut self, name: &'static str, value: impl ToString) {
        self.attrs.push((name, value.to_string()));
    }

    /// Appends a child element in place and returns it, to be filled.
    pub fn push(&mut self, node: Node) -> &mut Node {
        self.children.push(Child::Node(node));
        match self.children.last_mut() {
            Some(Child::Node(n)) => n,
            _ => unreachable!("a node was just pushed"),
        }
    }

    /// The text inside, concatenated.
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            match c {
                Child::Node(n) => out.push_str(&n.text_content()),
                Child::Text(t) => out.push_str(t),
            }
        }
        out
    }

    /// The value of an attribute, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// Every element below this one (depth first), itself included.
    pub fn descendants(&self) -> Vec<&Node> {
        let mut out = vec![self];
        for c in &self.children {
            if let Child::Node(n) = c {
                out.extend(n.descendants());
            }
        }
        out
    }

    /// The markup, with text and attribute values escaped.
    pub fn to_markup(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, false);
        out
    }

    fn write(&self, out: &mut String, in_svg: bool) {
        let in_svg = in_svg || self.name == "svg";
        let _ = write!(out, "<{}", self.name);
        if self.name == "svg" {
            out.push_str(r#" xmlns="http://www.w3.org/2000/svg""#);
        }
        for (name, value) in &self.attrs {
            let _ = write!(out, r#" {name}="{}""#, escape(value));
        }
        // An empty SVG element closes itself; an HTML one gets its end tag.
        if self.children.is_empty() && in_svg {
            out.push_str("/>");
            return;
        }
        out.push('>');
        for c in &self.children {
            match c {
                Child::Node(n) => n.write(out, in_svg),
                Child::Text(t) => out.push_str(&escape(t)),
            }
        }
        let _ = write!(out, "</{}>", self.name);
    }
}

/// The class of a word kept on one line: `white-space: nowrap` in `samtaleplan.css`.
pub const NOWRAP: &str = "samtaleplan-nowrap";

/// A text cut where it is shown into (part, keep together): a word of one letter, a hyphen and
/// letters ("a-kassen", "A-kassens", "e-Boks") is kept whole, so a narrow line never ends in "a-"
/// with "kassen" on the next. The text itself is not changed (no U+2011, which the page's Latin-1
/// font lacks): copying, searching and screen readers meet the same "a-kassen" as the JSON, the
/// calendar file and the command line. The page's own texts follow the same rule (www/app.js,
/// `keepTogether`).
pub fn keep_together(text: &str) -> Vec<(&str, bool)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut parts = Vec::new();
    let (mut plain, mut i) = (0, 0);
    while i < chars.len() {
        let starts_word = i == 0 || !chars[i - 1].1.is_alphanumeric();
        let shape = chars
            .get(i..i + 3)
            .is_some_and(|w| w[0].1.is_alphabetic() && w[1].1 == '-' && w[2].1.is_alphabetic());
        if starts_word && shape {
            let end = (i + 2..chars.len())
                .find(|&j| !chars[j].1.is_alphabetic())
                .unwrap_or(chars.len());
            let (from, to) = (chars[i].0, chars.get(end).map_or(text.len(), |c| c.0));
            if plain < from {
                parts.push((&text[plain..from], false));
            }
            parts.push((&text[from..to], true));
            plain = to;
            i = end;
        } else {
            i += 1;
        }
    }
    if plain < text.len() {
        parts.push((&text[plain..], false));
    }
    parts
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_text_and_attributes() {
        let svg = Node::new("svg")
            .attr("aria-label", "a\"b")
            .child(Node::new("text").text("<script>&"));
        assert_eq!(
            svg.to_markup(),
            r#"<svg xmlns="http://www.w3.org/2000/svg" aria-label="a&quot;b"><text>&lt;script&gt;&amp;</text></svg>"#
        );
        assert_eq!(svg.descendants().len(), 2);
        assert_eq!(svg.get("aria-label"), Some("a\"b"));
        assert_eq!(svg.text_content(), "<script>&");
        let mut div = Node::new("div");
        div.push(Node::new("p").text("x"));
        div.push(Node::new("span"));
        div.set("lang", "da");
        assert_eq!(div.to_markup(), r#"<div lang="da"><p>x</p><span></span></div>"#);
    }

    #[test]
    fn a_word_of_one_letter_and_a_hyphen_is_kept_together_and_the_text_is_unchanged() {
        let kept = |text: &str| -> Vec<String> {
            keep_together(text)
                .into_iter()
                .filter(|(_, keep)| *keep)
                .map(|(part, _)| part.to_string())
                .collect()
        };
        assert_eq!(
            kept("Samtale i a-kassen, A-kassens frist og din a-kasse. a-kasser!"),
            ["a-kassen", "A-kassens", "a-kasse", "a-kasser"]
        );
        // Not a one-letter prefix, not a word, or no letters after the hyphen: left as it is.
        assert!(kept("COVID-19-frysning, 6-måneders, ja-nej, 2-3, a- og b-, x-1").is_empty());
        assert_eq!(kept("(a-kassen)"), ["a-kassen"]);
        assert_eq!(kept("e-Boks og Ø-ø"), ["e-Boks", "Ø-ø"]);
        for text in [
            "",
            "a-kassen",
            "Jobcentret og a-kassen sammen",
            "ingen",
            "«a-kasses» æ-ø-å",
        ] {
            let joined: String = keep_together(text).into_iter().map(|(p, _)| p).collect();
            assert_eq!(joined, text);
        }
        assert_eq!(keep_together("a-kassen"), [("a-kassen", true)]);
        assert_eq!(
            keep_together("i a-kassen."),
            [("i ", false), ("a-kassen", true), (".", false)]
        );
    }
}
