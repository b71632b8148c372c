//! A small SVG tree: the core builds pictures (the timeline) as data, the command line can write
//! them as text, and the browser binding turns them into DOM nodes with `createElementNS` —
//! never by parsing markup.

use std::fmt::Write;

/// An SVG element with attributes and children.
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
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        let _ = write!(out, "<{}", self.name);
        if self.name == "svg" {
            out.push_str(r#" xmlns="http://www.w3.org/2000/svg""#);
        }
        for (name, value) in &self.attrs {
            let _ = write!(out, r#" {name}="{}""#, escape(value));
        }
        if self.children.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        for c in &self.children {
            match c {
                Child::Node(n) => n.write(out),
                Child::Text(t) => out.push_str(&escape(t)),
            }
        }
        let _ = write!(out, "</{}>", self.name);
    }
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
    }
}
