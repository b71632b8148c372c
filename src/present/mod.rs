//! Presentation: what a plan looks like — the page's element tree, the timeline picture and the
//! iCalendar file. Pure: the browser binding (`web`) only mounts what is built here.

pub mod ics;
pub mod legend;
pub mod palette;
pub mod timeline;
mod timeline_text;
pub mod tree;
pub mod view;
