//! Turns the extracted content subtree into blocks: one per paragraph, heading, list item, quote
//! or table cell, in reading order, with the facts the boilerplate filter needs (what kind of
//! block it is, how much of it is link text, whether it sits in a figure).

use dom_query::{NodeData, NodeRef};

/// Text nested deeper than this is dropped rather than risk the stack.
const MAX_DEPTH: usize = 1000;

/// What kind of element a block came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
    Cell,
    Preformatted,
    Caption,
}

/// One block of text.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub text: String,
    pub kind: BlockKind,
    /// Characters of `text` that were inside links.
    pub link_chars: usize,
    /// Inside a `<figure>` (or a caption): a picture's caption or credit, not the story.
    pub in_figure: bool,
    /// Inside a `<blockquote>`: a quotation or an embedded post, whose lines (a handle, a date)
    /// must not be mistaken for the page's own bylines and prompts.
    pub in_quote: bool,
    /// The class and id of the nearest element that carried one, lowercased, for hints such as
    /// `caption` or `credit`.
    pub hints: String,
}

impl Block {
    pub fn char_count(&self) -> usize {
        self.text.chars().count()
    }

    pub fn link_density(&self) -> f32 {
        let chars = self.char_count();
        if chars == 0 {
            return 0.0;
        }
        self.link_chars as f32 / chars as f32
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ElementRole {
    /// Starts and ends a block of this kind.
    Block(BlockKind),
    /// Ends the current block (a line break or a container) without naming a kind.
    Break,
    /// Its text is not part of any block.
    Skip,
    Inline,
    /// A table cell: a space before its text, no new block.
    CellBreak,
    Link,
    Figure,
}

fn role_of(name: &str) -> ElementRole {
    use BlockKind::*;
    match name {
        "p" => ElementRole::Block(Paragraph),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => ElementRole::Block(Heading),
        "li" | "dt" | "dd" => ElementRole::Block(ListItem),
        "blockquote" => ElementRole::Block(Quote),
        // A table row reads as one line, its cells separated by spaces.
        "tr" => ElementRole::Block(Cell),
        "td" | "th" => ElementRole::CellBreak,
        "pre" => ElementRole::Block(Preformatted),
        "figcaption" | "caption" => ElementRole::Block(Caption),
        "figure" => ElementRole::Figure,
        "a" => ElementRole::Link,
        "br" | "hr" | "div" | "section" | "article" | "main" | "header" | "footer" | "aside"
        | "ul" | "ol" | "dl" | "table" | "tbody" | "thead" | "tfoot" | "form" | "fieldset"
        | "address" | "details" | "summary" | "center" | "nav" | "body" | "html" => {
            ElementRole::Break
        }
        "script" | "style" | "noscript" | "template" | "button" | "select" | "option"
        | "textarea" | "input" | "svg" | "math" | "iframe" | "object" | "embed" | "video"
        | "audio" | "canvas" | "head" | "title" | "meta" | "link" => ElementRole::Skip,
        _ => ElementRole::Inline,
    }
}

/// Collects blocks from a subtree.
pub(crate) struct BlockCollector {
    blocks: Vec<Block>,
    text: String,
    link_chars: usize,
    /// The kinds of the open block elements, innermost last.
    kinds: Vec<BlockKind>,
    link_depth: usize,
    figure_depth: usize,
    hints: Vec<String>,
}

impl BlockCollector {
    pub fn new() -> Self {
        BlockCollector {
            blocks: Vec::new(),
            text: String::new(),
            link_chars: 0,
            kinds: Vec::new(),
            link_depth: 0,
            figure_depth: 0,
            hints: Vec::new(),
        }
    }

    pub fn collect(mut self, root: &NodeRef) -> Vec<Block> {
        self.visit(root, 0);
        self.flush();
        self.blocks
    }

    fn visit(&mut self, node: &NodeRef, depth: usize) {
        // Deeply nested junk cannot make us overflow the stack; its text is dropped.
        if depth > MAX_DEPTH {
            return;
        }
        enum Seen {
            Text,
            Element(ElementRole, Option<String>),
            Other,
        }
        let seen = node
            .query(|tree_node| match &tree_node.data {
                NodeData::Text { contents } => {
                    self.push_text(contents);
                    Seen::Text
                }
                NodeData::Element(element) => {
                    let role = role_of(&element.name.local);
                    let mut hint = None;
                    if matches!(
                        role,
                        ElementRole::Block(_) | ElementRole::Figure | ElementRole::Break
                    ) {
                        let mut joined = String::new();
                        for attr in &element.attrs {
                            let name: &str = &attr.name.local;
                            if name == "class" || name == "id" {
                                joined.push_str(&attr.value.to_ascii_lowercase());
                                joined.push(' ');
                            }
                        }
                        if !joined.is_empty() {
                            hint = Some(joined);
                        }
                    }
                    Seen::Element(role, hint)
                }
                NodeData::Document | NodeData::Fragment => Seen::Element(ElementRole::Break, None),
                _ => Seen::Other,
            })
            .unwrap_or(Seen::Other);
        let Seen::Element(role, hint) = seen else {
            return;
        };
        if role == ElementRole::Skip {
            return;
        }
        let pushed_hint = hint.is_some();
        if let Some(hint) = hint {
            self.hints.push(hint);
        }
        match role {
            ElementRole::Block(kind) => {
                self.flush();
                self.kinds.push(kind);
                self.visit_children(node, depth);
                self.flush();
                self.kinds.pop();
            }
            ElementRole::Break => {
                self.flush();
                self.visit_children(node, depth);
                self.flush();
            }
            ElementRole::Figure => {
                self.flush();
                self.figure_depth += 1;
                self.visit_children(node, depth);
                self.flush();
                self.figure_depth -= 1;
            }
            ElementRole::Link => {
                self.link_depth += 1;
                self.visit_children(node, depth);
                self.link_depth -= 1;
            }
            ElementRole::Inline => self.visit_children(node, depth),
            ElementRole::CellBreak => {
                self.push_text(" ");
                self.visit_children(node, depth);
                self.push_text(" ");
            }
            ElementRole::Skip => {}
        }
        if pushed_hint {
            self.hints.pop();
        }
    }

    fn visit_children(&mut self, node: &NodeRef, depth: usize) {
        let mut child = node.first_child();
        while let Some(current) = child {
            self.visit(&current, depth + 1);
            child = current.next_sibling();
        }
    }

    /// Appends text with whitespace runs collapsed to one space.
    fn push_text(&mut self, raw: &str) {
        let before = self.text.len();
        for c in raw.chars() {
            if c.is_whitespace() {
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
            } else if c != '\u{00ad}' && c != '\u{200b}' {
                self.text.push(c);
            }
        }
        if self.link_depth > 0 {
            self.link_chars += self.text[before..].chars().count();
        }
    }

    fn flush(&mut self) {
        let text = self.text.trim();
        if !text.is_empty() {
            let kind = if self.figure_depth > 0 && self.kinds.is_empty() {
                BlockKind::Caption
            } else {
                self.kinds.last().copied().unwrap_or(BlockKind::Paragraph)
            };
            let char_count = text.chars().count();
            self.blocks.push(Block {
                text: text.to_string(),
                kind,
                link_chars: self.link_chars.min(char_count),
                in_figure: self.figure_depth > 0,
                in_quote: self.kinds.contains(&BlockKind::Quote),
                hints: self.hints.last().cloned().unwrap_or_default(),
            });
        }
        self.text.clear();
        self.link_chars = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks_of(html: &str) -> Vec<Block> {
        let document = dom_query::Document::from(html);
        BlockCollector::new().collect(&document.root())
    }

    #[test]
    fn paragraphs_headings_and_list_items_become_blocks() {
        let blocks = blocks_of(
            "<div><h2>Title  here</h2><p>One <b>bold</b>\n word.</p><ul><li>a</li><li><a href=x>b</a></li></ul>tail</div>",
        );
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Title here", "One bold word.", "a", "b", "tail"]
        );
        assert_eq!(blocks[0].kind, BlockKind::Heading);
        assert_eq!(blocks[2].kind, BlockKind::ListItem);
        assert_eq!(blocks[3].link_chars, 1);
    }

    #[test]
    fn figures_are_marked_and_scripts_skipped() {
        let blocks = blocks_of(
            "<p>Story.<script>var x = 1;</script></p><figure><img src=a><figcaption class='Caption'>A cat.</figcaption></figure>",
        );
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].text, "Story.");
        assert!(blocks[1].in_figure);
        assert_eq!(blocks[1].kind, BlockKind::Caption);
        assert!(blocks[1].hints.contains("caption"));
    }

    #[test]
    fn line_breaks_split_blocks() {
        let blocks = blocks_of("<div>first line<br>second line</div>");
        assert_eq!(blocks.len(), 2);
    }
}
