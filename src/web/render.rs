//! Mounts an element tree ([`crate::present::tree::Node`]) into the page with `createElement`,
//! `createElementNS` (inside `svg`), attributes and text nodes only: whatever a request contains
//! is shown as text, never parsed as HTML. What a plan looks like is decided in the core
//! ([`crate::present::view`]); this file only turns it into DOM.

use crate::contract::response::Response;
use crate::present::tree::{Child, NOWRAP, Node, keep_together};
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Makes the ids inside each drawn timeline unique on the page.
static NEXT_ID: AtomicU32 = AtomicU32::new(1);

pub(crate) struct Dom {
    pub(crate) doc: Document,
}

impl Dom {
    /// The DOM element of `node`, its attributes and its children; `svg` and all inside it in the
    /// SVG namespace.
    pub(crate) fn mount(&self, node: &Node, in_svg: bool) -> Result<Element, JsValue> {
        let in_svg = in_svg || node.name == "svg";
        let el = if in_svg {
            self.doc.create_element_ns(Some(SVG_NS), node.name)?
        } else {
            self.doc.create_element(node.name)?
        };
        for (name, value) in &node.attrs {
            el.set_attribute(name, value)?;
        }
        for child in &node.children {
            match child {
                Child::Node(n) => {
                    el.append_child(&self.mount(n, in_svg)?.into())?;
                }
                // SVG text never wraps.
                Child::Text(text) if in_svg => {
                    el.append_child(&self.doc.create_text_node(text))?;
                }
                Child::Text(text) => {
                    for (part, keep) in keep_together(text) {
                        el.append_child(&self.text(part, keep)?)?;
                    }
                }
            }
        }
        Ok(el)
    }

    /// A text node, or, for a word like "a-kassen" that must not break at its hyphen, the word in
    /// a span kept on one line ([`keep_together`]).
    fn text(&self, part: &str, keep: bool) -> Result<web_sys::Node, JsValue> {
        if !keep {
            return Ok(self.doc.create_text_node(part).into());
        }
        let span = self.doc.create_element("span")?;
        span.set_attribute("class", NOWRAP)?;
        span.set_text_content(Some(part));
        Ok(span.into())
    }
}

/// Draws `plan` into `target`, replacing its children: built detached, then swapped in at once.
pub fn draw(target: &Element, plan: &Response) -> Result<(), JsValue> {
    let doc = target
        .owner_document()
        .ok_or_else(|| JsValue::from_str("element has no document"))?;
    let id = format!("samtaleplan-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let root = Dom { doc }.mount(&crate::present::view::plan(plan, &id), false)?;
    target.set_text_content(None);
    target.append_child(&root)?;
    Ok(())
}
