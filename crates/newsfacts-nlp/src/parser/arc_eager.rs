//! The arc-eager transition system of spaCy's dependency parser (`arc_eager.pyx`, with the
//! state of `_state.pxd`): SHIFT, REDUCE (with unshift), LEFT-label, RIGHT-label and BREAK
//! (sentence boundary), the same validity rules, then spaCy's post-processing: roots labelled
//! `ROOT`, pseudo-projective labels (`dobj||xcomp`) lifted back, and sentence starts at the left
//! edge of each root.

use super::{Moves, ParserModel, arg_max_if_valid, load_moves};
use crate::model::{ModelError, ModelFile};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    Shift,
    Reduce,
    Left,
    Right,
    Break,
}

#[derive(Clone, Copy)]
struct Arc {
    head: i32,
    child: i32,
}

/// The parser's transition system: its action table and dependency labels.
pub struct ArcEager {
    actions: Vec<(Move, u32)>,
    /// Label strings by id; id 0 is the empty label.
    labels: Vec<String>,
}

/// A parse: head index and label per token, and sentence starts.
pub struct Parse {
    pub heads: Vec<usize>,
    pub labels: Vec<u32>,
    pub sent_starts: Vec<bool>,
}

struct State {
    length: i32,
    heads: Vec<i32>,
    labels: Vec<u32>,
    stack: Vec<i32>,
    rebuffer: Vec<i32>,
    b_i: i32,
    unshiftable: Vec<bool>,
    sent_starts: Vec<bool>,
    left_arcs: Vec<Vec<Arc>>,
    right_arcs: Vec<Vec<Arc>>,
}

impl State {
    fn new(n: usize) -> Self {
        State {
            length: n as i32,
            heads: vec![-1; n],
            labels: vec![0; n],
            stack: Vec::new(),
            rebuffer: Vec::new(),
            b_i: 0,
            unshiftable: vec![false; n],
            sent_starts: vec![false; n],
            left_arcs: vec![Vec::new(); n],
            right_arcs: vec![Vec::new(); n],
        }
    }

    fn s(&self, i: usize) -> i32 {
        if i >= self.stack.len() {
            -1
        } else {
            self.stack[self.stack.len() - 1 - i]
        }
    }

    fn b(&self, i: usize) -> i32 {
        if i < self.rebuffer.len() {
            self.rebuffer[self.rebuffer.len() - 1 - i]
        } else {
            let b_i = self.b_i + (i - self.rebuffer.len()) as i32;
            if b_i >= self.length { -1 } else { b_i }
        }
    }

    fn nth_child(arcs: &[Vec<Arc>], head: i32, idx: usize) -> i32 {
        if idx < 1 || head < 0 {
            return -1;
        }
        let Some(arcs) = arcs.get(head as usize) else {
            return -1;
        };
        let mut count = 0;
        for arc in arcs.iter().rev() {
            if arc.child != -1 {
                count += 1;
                if count == idx {
                    return arc.child;
                }
            }
        }
        -1
    }

    fn l(&self, head: i32, idx: usize) -> i32 {
        Self::nth_child(&self.left_arcs, head, idx)
    }

    fn r(&self, head: i32, idx: usize) -> i32 {
        Self::nth_child(&self.right_arcs, head, idx)
    }

    fn stack_depth(&self) -> usize {
        self.stack.len()
    }

    fn buffer_length(&self) -> i32 {
        (self.length - self.b_i) + self.rebuffer.len() as i32
    }

    fn is_final(&self) -> bool {
        self.stack.is_empty() && self.buffer_length() == 0
    }

    fn is_sent_start(&self, word: i32) -> bool {
        word >= 0 && word < self.length && self.sent_starts[word as usize]
    }

    fn has_head(&self, child: i32) -> bool {
        self.heads[child as usize] >= 0
    }

    fn is_unshiftable(&self, item: i32) -> bool {
        item >= 0 && (item as usize) < self.unshiftable.len() && self.unshiftable[item as usize]
    }

    fn push(&mut self) {
        let b0 = match self.rebuffer.pop() {
            Some(b0) => b0,
            None => {
                self.b_i += 1;
                self.b_i - 1
            }
        };
        self.stack.push(b0);
    }

    fn unshift(&mut self) {
        if let Some(s0) = self.stack.pop() {
            self.unshiftable[s0 as usize] = true;
            self.rebuffer.push(s0);
        }
    }

    fn add_arc(&mut self, head: i32, child: i32, label: u32) {
        if self.has_head(child) {
            let old = self.heads[child as usize];
            self.del_arc(old, child);
        }
        let arc = Arc { head, child };
        if head > child {
            self.left_arcs[head as usize].push(arc);
        } else {
            self.right_arcs[head as usize].push(arc);
        }
        self.heads[child as usize] = head;
        self.labels[child as usize] = label;
    }

    fn del_arc(&mut self, head: i32, child: i32) {
        let arcs = if head > child {
            &mut self.left_arcs[head as usize]
        } else {
            &mut self.right_arcs[head as usize]
        };
        let Some(last) = arcs.last() else {
            return;
        };
        if last.head == head && last.child == child {
            arcs.pop();
        } else {
            let n = arcs.len();
            for arc in arcs[..n - 1].iter_mut() {
                if arc.head == head && arc.child == child {
                    arc.head = -1;
                    arc.child = -1;
                    break;
                }
            }
        }
    }

    fn context(&self, ids: &mut [i32; 8]) {
        let b0 = self.b(0);
        let s0 = self.s(0);
        *ids = [
            b0,
            self.b(1),
            s0,
            self.s(1),
            self.s(2),
            self.l(b0, 1),
            self.l(s0, 1),
            self.r(s0, 1),
        ];
    }

    fn valid_moves(&self) -> [bool; 5] {
        let depth = self.stack_depth();
        let buffer = self.buffer_length();
        let b0 = self.b(0);
        let shift = if depth == 0 {
            true
        } else {
            !(buffer < 2 || self.is_sent_start(b0) || self.is_unshiftable(b0))
        };
        let reduce = depth != 0;
        let arc = depth != 0 && buffer != 0 && !self.is_sent_start(b0);
        let brk = buffer >= 2 && self.b(1) == b0 + 1 && !self.is_sent_start(self.b(1));
        [shift, reduce, arc, arc, brk]
    }

    fn apply(&mut self, action: Move, label: u32) {
        match action {
            Move::Shift => self.push(),
            Move::Reduce => {
                let s0 = self.s(0);
                if self.has_head(s0) || self.stack_depth() == 1 {
                    self.stack.pop();
                } else {
                    self.unshift();
                }
            }
            Move::Left => {
                let (b0, s0) = (self.b(0), self.s(0));
                self.add_arc(b0, s0, label);
                if b0 >= 0 && (b0 as usize) < self.unshiftable.len() {
                    self.unshiftable[b0 as usize] = false;
                }
                self.stack.pop();
            }
            Move::Right => {
                let (s0, b0) = (self.s(0), self.b(0));
                self.add_arc(s0, b0, label);
                self.push();
            }
            Move::Break => {
                let b1 = self.b(1);
                if b1 >= 0 {
                    self.sent_starts[b1 as usize] = true;
                }
            }
        }
    }
}

impl ArcEager {
    pub fn load(file: &ModelFile<'_>) -> Result<Self, ModelError> {
        let Moves {
            actions,
            mut labels,
        } = load_moves(file, "parser.moves", |moving| match moving {
            "S" => Some(Move::Shift),
            "D" => Some(Move::Reduce),
            "L" => Some(Move::Left),
            "R" => Some(Move::Right),
            "B" => Some(Move::Break),
            _ => None,
        })?;
        if !labels.iter().any(|l| l == "ROOT") {
            labels.push("ROOT".to_owned());
        }
        if !labels.iter().any(|l| l == "dep") {
            labels.push("dep".to_owned());
        }
        Ok(ArcEager { actions, labels })
    }

    pub fn label(&self, id: u32) -> &str {
        self.labels.get(id as usize).map_or("", String::as_str)
    }

    fn label_id(&self, label: &str) -> u32 {
        self.labels.iter().position(|l| l == label).unwrap_or(0) as u32
    }

    /// Parses a document of `n` tokens whose lower layer is `pre`; `is_space` marks
    /// whitespace tokens (skipped when lifting pseudo-projective arcs).
    pub fn parse(
        &self,
        model: &ParserModel,
        pre: &mut super::Precomputed,
        n: usize,
        is_space: &[bool],
    ) -> Parse {
        let mut state = State::new(n);
        let mut scratch = model.scratch();
        let mut ids = [0i32; 8];
        let mut valid = vec![false; self.actions.len()];
        while !state.is_final() {
            state.context(&mut ids);
            model.score(pre, &ids, &mut scratch);
            let moves = state.valid_moves();
            for (slot, &(action, _)) in valid.iter_mut().zip(&self.actions) {
                *slot = moves[action as usize];
            }
            match arg_max_if_valid(&scratch.scores, &valid) {
                Some(guess) => {
                    let (action, label) = self.actions[guess];
                    state.apply(action, label);
                }
                None => break,
            }
        }
        // set_annotations: unattached tokens are roots labelled ROOT.
        let root = self.label_id("ROOT");
        let mut heads: Vec<usize> = (0..n).collect();
        let mut labels = vec![root; n];
        for i in 0..n {
            let head = state.heads[i];
            if head >= 0 && head as usize != i {
                heads[i] = head as usize;
                labels[i] = state.labels[i];
            }
        }
        let mut tree = Tree::new(heads, is_space);
        self.deprojectivize(&mut tree, &mut labels);
        tree.set_children_from_heads();
        Parse {
            sent_starts: tree.sent_starts(),
            heads: tree.heads,
            labels,
        }
    }

    /// `nonproj.deprojectivize`: for each label "X||Y", reattach the token to the first
    /// descendant of its head labelled Y (breadth-first, children left to right), label X.
    fn deprojectivize(&self, tree: &mut Tree<'_>, labels: &mut [u32]) {
        tree.set_children_from_heads();
        let mut queue = Vec::new();
        let mut next_queue = Vec::new();
        for i in 0..labels.len() {
            let label = self.label(labels[i]);
            let Some((new_label, head_label)) = label.split_once("||") else {
                continue;
            };
            let head_label = self.label_id(head_label);
            let new_label = self.label_id(new_label);
            let new_head = tree.find_new_head(i, head_label, labels, &mut queue, &mut next_queue);
            tree.heads[i] = new_head;
            labels[i] = new_label;
        }
    }
}

/// Heads with spaCy's left/right edges, enough to iterate children the way `Token.children`
/// does (edges are not refreshed while heads change, exactly as in spaCy).
struct Tree<'a> {
    heads: Vec<usize>,
    l_edge: Vec<usize>,
    r_edge: Vec<usize>,
    is_space: &'a [bool],
}

impl<'a> Tree<'a> {
    fn new(heads: Vec<usize>, is_space: &'a [bool]) -> Self {
        let n = heads.len();
        Tree {
            heads,
            l_edge: (0..n).collect(),
            r_edge: (0..n).collect(),
            is_space,
        }
    }

    /// `set_children_from_heads` (the edge part, iterated for non-projective trees).
    fn set_children_from_heads(&mut self) {
        let n = self.heads.len();
        for i in 0..n {
            self.l_edge[i] = i;
            self.r_edge[i] = i;
        }
        for _ in 0..12 {
            if self.set_edges_once() {
                break;
            }
        }
    }

    fn set_edges_once(&mut self) -> bool {
        let n = self.heads.len();
        for i in 0..n {
            let head = self.heads[i];
            if self.l_edge[i] < self.l_edge[head] {
                self.l_edge[head] = self.l_edge[i];
            }
            if self.r_edge[i] > self.r_edge[head] {
                self.r_edge[head] = self.r_edge[i];
            }
        }
        for i in (0..n).rev() {
            let head = self.heads[i];
            if self.r_edge[i] > self.r_edge[head] {
                self.r_edge[head] = self.r_edge[i];
            }
            if self.l_edge[i] < self.l_edge[head] {
                self.l_edge[head] = self.l_edge[i];
            }
        }
        let starts = self.sent_starts();
        let mut current_start = 0;
        for (i, &starts_sentence) in starts.iter().enumerate() {
            if (i > 0 && starts_sentence) || i == n - 1 {
                let current_end = i;
                for j in current_start..current_end {
                    let head = self.heads[j];
                    if head < current_start || head > current_end {
                        return false;
                    }
                }
                current_start = i;
            }
        }
        true
    }

    /// Sentence starts: the left edge of every root.
    fn sent_starts(&self) -> Vec<bool> {
        let mut starts = vec![false; self.heads.len()];
        for (i, &head) in self.heads.iter().enumerate() {
            if head == i {
                starts[self.l_edge[i]] = true;
            }
        }
        starts
    }

    fn children(&self, token: usize, out: &mut Vec<usize>) {
        for child in self.l_edge[token]..token {
            if self.heads[child] == token {
                out.push(child);
            }
        }
        for child in token + 1..=self.r_edge[token].min(self.heads.len() - 1) {
            if self.heads[child] == token {
                out.push(child);
            }
        }
    }

    fn find_new_head(
        &self,
        token: usize,
        head_label: u32,
        labels: &[u32],
        queue: &mut Vec<usize>,
        next_queue: &mut Vec<usize>,
    ) -> usize {
        queue.clear();
        queue.push(self.heads[token]);
        let mut children = Vec::new();
        // Bounded: every token enters the queue at most once per level; cap the levels at n.
        for _ in 0..=self.heads.len() {
            if queue.is_empty() {
                break;
            }
            next_queue.clear();
            for &q in queue.iter() {
                children.clear();
                self.children(q, &mut children);
                for &child in &children {
                    if self.is_space.get(child).copied().unwrap_or(false) || child == token {
                        continue;
                    }
                    if labels[child] == head_label {
                        return child;
                    }
                    next_queue.push(child);
                }
            }
            std::mem::swap(queue, next_queue);
        }
        self.heads[token]
    }
}
