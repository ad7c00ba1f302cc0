//! spaCy's `TransitionBasedParser.v2` inference, shared by the dependency parser and the NER:
//! token vectors are projected (linear layer), then a "precomputable affine" lower layer is
//! evaluated once per token and feature slot; each transition step sums the slots of the
//! state's context tokens, applies maxout and the upper linear layer, and takes the best
//! valid action (greedy, as spaCy does with `beam_width = 1`).

pub mod arc_eager;
pub mod biluo;

use crate::linalg;
use crate::model::{ModelError, ModelFile};

/// The weights of one transition-based model.
pub struct ParserModel {
    /// Token-vector width in (96) and hidden width (64).
    width_in: usize,
    hidden: usize,
    pieces: usize,
    features: usize,
    classes: usize,
    proj_w: Vec<f32>,
    proj_b: Vec<f32>,
    /// `features × hidden × pieces × hidden_in`, as `(features·hidden·pieces) × hidden`.
    lower_w: Vec<f32>,
    lower_b: Vec<f32>,
    lower_pad: Vec<f32>,
    upper_w: Vec<f32>,
    upper_b: Vec<f32>,
    seen: Vec<bool>,
}

/// Tokens per block of precomputed lower-layer rows.
const PRECOMPUTE_BLOCK: usize = 256;
/// Blocks kept at once (about 32 MB for the parser); documents up to 8,192 tokens stay
/// resident, longer ones recompute evicted blocks on demand (the transition system mostly
/// looks near the buffer front).
const RESIDENT_BLOCKS: usize = 32;

/// The lower layer evaluated per token and feature slot for one document, computed lazily in
/// blocks of [`PRECOMPUTE_BLOCK`] tokens so that memory stays bounded on long documents.
pub struct Precomputed {
    stride: usize,
    hidden_in: usize,
    n: usize,
    projected: Vec<f32>,
    blocks: Vec<Option<Vec<f32>>>,
    resident: std::collections::VecDeque<usize>,
    zero_bias: Vec<f32>,
}

/// Per-step buffers.
pub struct StepScratch {
    unmaxed: Vec<f32>,
    hiddens: Vec<f32>,
    pub scores: Vec<f32>,
}

impl ParserModel {
    pub fn load(file: &ModelFile<'_>, prefix: &str, width_in: usize) -> Result<Self, ModelError> {
        let lower_w = file.tensor(&format!("{prefix}.lower.W"))?;
        let [features, hidden, pieces, hidden_in] = lower_w.shape[..] else {
            return Err(ModelError::Invalid {
                name: format!("{prefix}.lower.W"),
                cause: "expected four dimensions".into(),
            });
        };
        let proj_w = file.tensor_shaped(&format!("{prefix}.proj.W"), &[hidden_in, width_in])?;
        let proj_b = file.tensor_shaped(&format!("{prefix}.proj.b"), &[hidden_in])?;
        let lower_b = file.tensor_shaped(&format!("{prefix}.lower.b"), &[hidden, pieces])?;
        let lower_pad = file.tensor_shaped(
            &format!("{prefix}.lower.pad"),
            &[1, features, hidden, pieces],
        )?;
        let upper_w = file.tensor(&format!("{prefix}.upper.W"))?;
        let classes = upper_w.shape.first().copied().unwrap_or(0);
        let upper_w = file.tensor_shaped(&format!("{prefix}.upper.W"), &[classes, hidden])?;
        let upper_b = file.tensor_shaped(&format!("{prefix}.upper.b"), &[classes])?;
        let mut seen = vec![true; classes];
        if let Some(unseen) = file.json(&format!("{prefix}.unseen_classes"))?.as_array() {
            for class in unseen.iter().filter_map(|c| c.as_u64()) {
                if let Some(slot) = seen.get_mut(class as usize) {
                    *slot = false;
                }
            }
        }
        Ok(ParserModel {
            width_in,
            hidden,
            pieces,
            features,
            classes,
            proj_w: proj_w.data,
            proj_b: proj_b.data,
            lower_w: lower_w.data,
            lower_b: lower_b.data,
            lower_pad: lower_pad.data,
            upper_w: upper_w.data,
            upper_b: upper_b.data,
            seen,
        })
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    pub fn features(&self) -> usize {
        self.features
    }

    /// Projects the token vectors and evaluates the lower layer for every (token, slot).
    pub fn precompute(&self, vectors: &[f32], n: usize) -> Precomputed {
        let hidden_in = self.proj_b.len();
        let mut projected = vec![0.0; n * hidden_in];
        linalg::affine(
            vectors,
            &self.proj_w,
            &self.proj_b,
            n,
            self.width_in,
            hidden_in,
            &mut projected,
        );
        let stride = self.features * self.hidden * self.pieces;
        Precomputed {
            stride,
            hidden_in,
            n,
            projected,
            blocks: vec![None; n.div_ceil(PRECOMPUTE_BLOCK)],
            resident: std::collections::VecDeque::new(),
            zero_bias: vec![0.0; stride],
        }
    }

    /// The lower-layer row (all feature slots) of `token`, computing its block if needed.
    fn row<'a>(&self, pre: &'a mut Precomputed, token: usize) -> &'a [f32] {
        let block = token / PRECOMPUTE_BLOCK;
        if pre.blocks[block].is_none() {
            if pre.resident.len() >= RESIDENT_BLOCKS
                && let Some(evicted) = pre.resident.pop_front()
            {
                pre.blocks[evicted] = None;
            }
            let first = block * PRECOMPUTE_BLOCK;
            let count = PRECOMPUTE_BLOCK.min(pre.n - first);
            let mut rows = vec![0.0; count * pre.stride];
            linalg::affine(
                &pre.projected[first * pre.hidden_in..(first + count) * pre.hidden_in],
                &self.lower_w,
                &pre.zero_bias,
                count,
                pre.hidden_in,
                pre.stride,
                &mut rows,
            );
            pre.blocks[block] = Some(rows);
            pre.resident.push_back(block);
        }
        let offset = (token % PRECOMPUTE_BLOCK) * pre.stride;
        match &pre.blocks[block] {
            Some(rows) => &rows[offset..offset + pre.stride],
            None => &[],
        }
    }

    pub fn scratch(&self) -> StepScratch {
        StepScratch {
            unmaxed: vec![0.0; self.hidden * self.pieces],
            hiddens: vec![0.0; self.hidden],
            scores: vec![0.0; self.classes],
        }
    }

    /// Scores every action for a state whose context tokens are `ids` (−1 for none).
    pub fn score(&self, pre: &mut Precomputed, ids: &[i32], scratch: &mut StepScratch) {
        let width = self.hidden * self.pieces;
        scratch.unmaxed.copy_from_slice(&self.lower_b);
        for (slot, &id) in ids.iter().enumerate() {
            let feature = if id < 0 || id as usize >= pre.n {
                &self.lower_pad[slot * width..(slot + 1) * width]
            } else {
                &self.row(pre, id as usize)[slot * width..(slot + 1) * width]
            };
            for (u, f) in scratch.unmaxed.iter_mut().zip(feature) {
                *u += f;
            }
        }
        linalg::maxout(
            &scratch.unmaxed,
            1,
            self.hidden,
            self.pieces,
            &mut scratch.hiddens,
        );
        linalg::affine(
            &scratch.hiddens,
            &self.upper_w,
            &self.upper_b,
            1,
            self.hidden,
            self.classes,
            &mut scratch.scores,
        );
        if self.seen.iter().any(|s| !s) {
            let min = scratch.scores.iter().copied().fold(f32::INFINITY, f32::min);
            for (score, &seen) in scratch.scores.iter_mut().zip(&self.seen) {
                if !seen {
                    *score = min;
                }
            }
        }
    }
}

/// spaCy's `arg_max_if_valid`: the first best-scoring valid class, or None.
pub fn arg_max_if_valid(scores: &[f32], valid: &[bool]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, (&score, &ok)) in scores.iter().zip(valid).enumerate() {
        if ok && best.is_none_or(|b| score > scores[b]) {
            best = Some(i);
        }
    }
    best
}

/// Splits a class name such as "L-nsubj", "B-ROOT", "U-" or "S" into move and label.
fn split_class_name(name: &str) -> (&str, &str) {
    match name.split_once('-') {
        Some((moving, label)) => (moving, label),
        None => (name, ""),
    }
}

/// A model's transition classes: each as its move and a label id, with the label table (id 0
/// is the empty label).
pub(crate) struct Moves<M> {
    pub actions: Vec<(M, u32)>,
    pub labels: Vec<String>,
}

/// The transition classes a model stores under `key` ("L-nsubj", "B-PERSON", …), each move
/// decoded by `decode` from the letter before the dash. Both the parser and the entity
/// recogniser store theirs so.
pub(crate) fn load_moves<M>(
    file: &ModelFile<'_>,
    key: &str,
    decode: impl Fn(&str) -> Option<M>,
) -> Result<Moves<M>, ModelError> {
    let names = file.json(key)?;
    let mut labels = vec![String::new()];
    let mut actions = Vec::new();
    for name in names.as_array().into_iter().flatten() {
        let name = name.as_str().unwrap_or_default();
        let (moving, label) = split_class_name(name);
        let Some(action) = decode(moving) else {
            return Err(ModelError::Invalid {
                name: key.into(),
                cause: format!("unknown action {name:?}"),
            });
        };
        let id = match labels.iter().position(|l| l == label) {
            Some(id) => id,
            None => {
                labels.push(label.to_owned());
                labels.len() - 1
            }
        };
        actions.push((action, id as u32));
    }
    Ok(Moves { actions, labels })
}
