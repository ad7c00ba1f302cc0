//! The trained attribution model: cues found by a token tagger, then, for each cue, its source
//! and content found by a second tagger over the cue's paragraph. Both taggers are linear-chain
//! models (BIO labels, Viterbi decoding) over hashed features of the tokens, their tags, lemmas,
//! dependency relations and paths to the cue, quotation-mark state, position relative to the
//! cue and cue-lexicon membership. They are trained by averaged perceptron on PolNeAR's train
//! split (`newsfacts train quotes`, in `newsfacts-eval`); the weights ship inside the binary
//! ([`AttributionModel::embedded`]) and are read once.
//!
//! Small feed-forward networks over the English pipeline's contextual token vectors
//! ([`super::network`]) can join either tagger: their weighted log-probabilities are added to
//! the emission scores when the model has them and the document carries vectors. The shipped
//! model has the compact role network ([`AttributionModel::role_network`]); the others are
//! training options (see ARCHITECTURE.md).
//!
//! The model needs the English pipeline's tags and parse; without them the rules in
//! [`super`] are used alone.

use std::sync::OnceLock;

use newsfacts_doc::{Document, Span};

use super::lexicon::{CueClass, Lexicon};
use super::marks::{MarkKind, quoted_for_model_features};
use super::network::{Network, Scratch, affine_transposed, dot};
use super::recurrent::{ParagraphRoleNetwork, Recurrent, Tape};
use super::tokens::{Tok, TokenView};

/// The model the product ships (see ARCHITECTURE.md for how to retrain it).
static EMBEDDED: &[u8] = include_bytes!("../../model/quotes-attribution.nfq");

/// File signature of a model file of the two taggers alone.
const MAGIC: &[u8; 6] = b"NFQM1\n";
/// File signature of a model file whose taggers are followed by a role network: its weight λ
/// (little-endian f32), its length in bytes (little-endian u32) and the network
/// ([`Network::to_bytes`]).
const MAGIC_WITH_ROLE_NETWORK: &[u8; 6] = b"NFQM2\n";
/// File signature of a model file whose taggers are followed by two sections, the role network
/// and the recurrent role network, each its weight λ (little-endian f32), its length in bytes
/// (little-endian u32, 0 for none) and the network ([`Network::to_bytes`],
/// [`Recurrent::to_bytes`]).
const MAGIC_WITH_RECURRENT: &[u8; 6] = b"NFQM3\n";
/// File signature of a model file whose taggers are followed by three sections, as `NFQM3`'s
/// two (either may be empty) and the paragraph role network
/// ([`ParagraphRoleNetwork::to_bytes`]).
const MAGIC_WITH_PARAGRAPH: &[u8; 6] = b"NFQM4\n";

/// Cue labels: outside, begin, inside.
pub const CUE_LABELS: usize = 3;
/// Role labels: outside, begin/inside source, begin/inside content.
pub const ROLE_LABELS: usize = 5;
const O: usize = 0;
const B_SOURCE: usize = 1;
const I_SOURCE: usize = 2;
const B_CONTENT: usize = 3;
const I_CONTENT: usize = 4;

/// Tokens either side of a cue the role tagger looks at (within the cue's paragraph).
const ROLE_WINDOW: usize = 70;

/// Token vectors the cue network reads per token: two either side, the token's, its head's.
pub const CUE_NETWORK_SLOTS: usize = 6;
/// Categorical features the cue network reads per token.
pub const CUE_NETWORK_IDS: usize = 14;
/// Token vectors the role network reads per token: the token's, the cue head's, the token's
/// neighbours one and two either side (within the role window); their count in the dense
/// input is one more (the product of the token's and the cue head's).
pub const ROLE_NETWORK_SLOTS: usize = 6;
/// Categorical features the role network reads per token.
pub const ROLE_NETWORK_IDS: usize = 15;
/// Rows of the role network's embedding table.
pub const ROLE_NETWORK_SPARSE: usize =
    27 + 4 + 9 + 3 + 39 + 64 + 64 + 5 + 33 + 5 + 2 + 2 + 256 + 2 + 6;
/// Categorical features of the compact role network ([`Context::compact_role_network_ids`]).
pub const COMPACT_ROLE_NETWORK_IDS: usize = 7;
/// Rows of the compact role network's embedding table.
pub const COMPACT_ROLE_NETWORK_SPARSE: usize = 27 + 4 + 9 + 3 + 64 + 64 + 256;
/// Which of [`Context::compact_role_network_ids`] belong to the token alone (quotation state,
/// tag, dependency label), to the cue alone (its lemma) and to the pair (side × distance,
/// side × same quotation, sentence relation).
const COMPACT_TOKEN_IDS: [usize; 3] = [1, 4, 5];
const COMPACT_CUE_IDS: [usize; 1] = [6];
const COMPACT_PAIR_IDS: [usize; 3] = [0, 2, 3];

/// The role network's dense blocks that read one token's vector alone, as (offset of that
/// token from the token scored, block): its own (0), the previous (3), the next (4), two
/// before (5), two after (6). Blocks 1 and 2 are the cue head's and the product.
const ROLE_PROJECTION_SLOTS: [(isize, usize); 5] = [(0, 0), (-1, 3), (1, 4), (-2, 5), (2, 6)];
const ROLE_PROJECTIONS: usize = ROLE_PROJECTION_SLOTS.len();

/// A document's role-network first-layer products per token (see
/// [`AttributionModel::roles`]), filled as role windows need them.
#[derive(Debug, Default)]
struct ProjectionCache {
    /// `ROLE_PROJECTIONS × hidden` floats per view token (`hidden` for the compact network).
    values: Vec<f32>,
    done: Vec<bool>,
    /// The compact network's tag and dependency buckets per view token.
    tag_and_dep: Vec<[u32; 2]>,
    /// The compact network's first-layer products of every document token's vector (`hidden`
    /// floats per document token), from one matrix product on first use.
    document_products: Vec<f32>,
}

/// A document's recurrent role network sums per token (see
/// [`AttributionModel::role_recurrent_scores`]), filled on first use.
#[derive(Debug, Default)]
struct RecurrentCache {
    /// Per view token (`projection` floats): the projection layer's products with the token's
    /// vector plus the embeddings of its own features (quotation state, tag, dependency).
    token_terms: Vec<f32>,
    /// The compact features' tag and dependency buckets per view token.
    tag_and_dep: Vec<[u32; 2]>,
    /// The projection layer's weights on the cue head's vector (`projection × width`).
    head_weights: Vec<f32>,
    /// The projection layer's inputs of the current window, and the network's buffers.
    window: Vec<f32>,
    tape: Tape,
}

/// A document's paragraph role network sums (see [`AttributionModel::role_paragraph_scores`]):
/// a paragraph's vector products and GRU states when a window in it first needs them.
#[derive(Debug, Default)]
struct ParagraphCache {
    /// The products of the encoder's and the head's weights on a token's vector with the
    /// vectors of the paragraph being run (`projection + head_hidden` floats a document row,
    /// from its first; see [`super::recurrent::ParagraphScoringWeights`]).
    vector_products: Vec<f32>,
    /// Per view token: whether its paragraph has run, its GRU states (`state_width` floats),
    /// the head's sum of its own parts — its vector's products, its own features'
    /// embeddings, its states' products (`head_hidden` floats) — and its tag and dependency
    /// buckets.
    done: Vec<bool>,
    states: Vec<f32>,
    token_terms: Vec<f32>,
    tag_and_dep: Vec<[u32; 2]>,
    /// Buffers: a paragraph's tokens' own categorical ids, its states' products, the
    /// network's tape (which holds the encoder's inputs).
    own_ids: Vec<[u32; COMPACT_TOKEN_IDS.len()]>,
    state_products: Vec<f32>,
    tape: Tape,
}

/// The role-tagger features of one token that depend on the token and on its side of the cue
/// alone, not on which cue: [`Context::role_features_into`] pushes them among the others in its
/// fixed order. Windows of nearby cues overlap, so the role windows hash them once per token and
/// side ([`Context::side_features_cached`]) instead of once per window.
#[derive(Debug, Clone, Copy, Default)]
struct SideFeatures {
    /// bias, w, l, t, d, e, s, q.
    own: [u32; 8],
    /// w-1, w+1, cc.
    around: [u32; 3],
    /// t-1, q-1, parastart (set only where the token follows another; parastart only where
    /// that one is in another paragraph).
    before: [u32; 3],
    /// t+1 (set only where a token follows).
    after: u32,
    /// hd, hw, lastofhead, firstofhead (set only where the token has a head; the last two only
    /// where it ends or starts its head's phrase).
    head: [u32; 4],
    /// w-1t, tw+1.
    words: [u32; 2],
}

/// The role sides: left of the cue, right of it, inside it.
const SIDES: [&str; 3] = ["L", "R", "C"];

/// A document's [`SideFeatures`] per view token and side, filled as role windows need them.
#[derive(Debug, Default)]
struct SideFeatureCache {
    /// Three per view token, in the order of [`SIDES`].
    features: Vec<SideFeatures>,
    done: Vec<bool>,
}

/// The coarse relations [`Context::path_to`] names, in the role network's order.
const RELATIONS: [&str; 13] = [
    "self",
    "sub-subj",
    "sub-comp",
    "sub-obj",
    "sub-prep",
    "sub-adv",
    "sub-punct",
    "sub-conj",
    "sub-aux",
    "sub-other",
    "anc",
    "lca",
    "none",
];

/// The role network's dense input from the rows of [`Context::role_network_rows`]: each row's
/// vector (zeros where there is none), with the product of the token's and the cue head's
/// after the cue head's.
pub fn role_network_dense(vectors: &[f32], width: usize, rows: &[u32], out: &mut Vec<f32>) {
    let vector = |row: u32| {
        let start = row as usize * width;
        vectors
            .get(start..start + width)
            .filter(|_| row != u32::MAX)
    };
    for (slot, &row) in rows.iter().enumerate() {
        match vector(row) {
            Some(v) => out.extend_from_slice(v),
            None => out.resize(out.len() + width, 0.0),
        }
        if slot == 1 {
            match (rows.first().and_then(|&r| vector(r)), vector(row)) {
                (Some(a), Some(b)) => out.extend(a.iter().zip(b).map(|(x, y)| x * y)),
                _ => out.resize(out.len() + width, 0.0),
            }
        }
    }
}
/// Rows of the cue network's embedding table (the categorical features' sizes summed).
pub const CUE_NETWORK_SPARSE: usize = 6 + 4 + 64 + 64 + 6 + 5 + 2 + 2 + 2 + 6 + 6 + 3 + 1024 + 256;

/// How many tokens ahead of the one whose emission scores are summed its weights are fetched.
const PREFETCH_TOKENS: usize = 2;

/// Longest chain of heads followed (a guard against broken parses).
const MAX_DEPTH: usize = 64;

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "attribution model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// A linear-chain tagger: emission weights per (hashed feature, label) and transition weights
/// per (previous label or start, label).
#[derive(Debug, Clone)]
pub struct Tagger {
    pub labels: usize,
    /// log2 of the number of feature buckets.
    pub bits: u32,
    /// `labels` weights per feature bucket.
    weights: Vec<f32>,
    /// `(labels + 1) × labels`: row `labels` is the start of the sequence.
    pub transitions: Vec<f32>,
    /// The same emission weights as a model file stores them, for decoding (see
    /// [`PackedWeights`]); set by [`AttributionModel::from_bytes`] only, and dropped by anything
    /// that changes `weights`.
    packed: Option<PackedWeights>,
}

/// A tagger's emission weights as 16-bit integers times one scale, each bucket's padded to a
/// power of two labels. Decoding is bound by fetching a bucket's weights for each feature from
/// a table far larger than the cache; this one is half (cue) to three quarters (role) the
/// size of the `f32` table, a bucket never straddles two cache lines, and its sums vectorise
/// over the labels. The scores are those of the `f32` table to the bit: a weight read from a
/// model file is `f32::from(q) * scale`, the very product computed here, and each label's sum
/// still runs over the features in order.
#[derive(Debug, Clone)]
struct PackedWeights {
    /// `stride` values per bucket: the labels' weights, then zeros.
    values: Vec<i16>,
    stride: usize,
    scale: f32,
}

impl PackedWeights {
    fn new(labels: usize, bits: u32, scale: f32) -> PackedWeights {
        let stride = labels.next_power_of_two();
        PackedWeights {
            values: vec![0; (1usize << bits) * stride],
            stride,
            scale,
        }
    }

    /// Sets the weight at `index` of the `f32` table (`labels` per bucket).
    fn set(&mut self, labels: usize, index: usize, q: i16) {
        if let Some(slot) = self
            .values
            .get_mut(index / labels * self.stride + index % labels)
        {
            *slot = q;
        }
    }

    /// [`Tagger::emissions`] over buckets of `STRIDE` values.
    fn emissions<const STRIDE: usize>(&self, feats: &[u32], mask: u32, out: &mut [f32]) {
        let mut sums = [0.0f32; STRIDE];
        for &f in feats {
            let base = (f & mask) as usize * STRIDE;
            if let Some(row) = self.values.get(base..base + STRIDE) {
                for (sum, &q) in sums.iter_mut().zip(row) {
                    *sum += f32::from(q) * self.scale;
                }
            }
        }
        for (o, sum) in out.iter_mut().zip(sums) {
            *o = sum;
        }
    }
}

impl Tagger {
    pub fn new(labels: usize, bits: u32) -> Tagger {
        Tagger {
            labels,
            bits,
            weights: vec![0.0; (1usize << bits) * labels],
            transitions: vec![0.0; (labels + 1) * labels],
            packed: None,
        }
    }

    fn mask(&self) -> u32 {
        (1u32 << self.bits) - 1
    }

    /// Emission scores of one token.
    fn emissions(&self, feats: &[u32], out: &mut [f32]) {
        let mask = self.mask();
        match &self.packed {
            Some(packed) if packed.stride == 4 && self.labels <= 4 => {
                return packed.emissions::<4>(feats, mask, out);
            }
            Some(packed) if packed.stride == 8 && self.labels <= 8 => {
                return packed.emissions::<8>(feats, mask, out);
            }
            _ => {}
        }
        out.fill(0.0);
        for &f in feats {
            let base = (f & mask) as usize * self.labels;
            if let Some(row) = self.weights.get(base..base + self.labels) {
                for (o, w) in out.iter_mut().zip(row) {
                    *o += w;
                }
            }
        }
    }

    /// Asks the processor to start fetching the weights of feature `f`'s bucket into the cache,
    /// so that the emission scores of a token need not wait for each in turn: most buckets of a
    /// rare word's features are out of the cache, and a token's features are known well before
    /// its scores are summed.
    #[inline(always)]
    fn prefetch_bucket(&self, f: u32) {
        let bucket = (f & self.mask()) as usize;
        let address = match &self.packed {
            Some(packed) => packed
                .values
                .get(bucket * packed.stride)
                .map(|w| std::ptr::from_ref(w).cast::<i8>()),
            None => self
                .weights
                .get(bucket * self.labels)
                .map(|w| std::ptr::from_ref(w).cast::<i8>()),
        };
        #[cfg(target_arch = "x86_64")]
        if let Some(address) = address {
            // SAFETY: a prefetch is only a hint to the cache: it cannot fault and changes nothing
            // the program reads; the address is of an element of a live table besides.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(address);
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = address;
    }

    /// The best label sequence under the BIO constraints.
    pub fn decode(&self, seq: &[Vec<u32>]) -> Vec<usize> {
        self.decode_by(seq.len(), |i| &seq[i])
    }

    /// [`Tagger::decode`] over features stored flat: token `i`'s are `feats[ends[i - 1]..ends[i]]`.
    pub fn decode_flat(&self, feats: &[u32], ends: &[usize]) -> Vec<usize> {
        self.decode_by(ends.len(), |i| {
            let start = if i == 0 { 0 } else { ends[i - 1] };
            &feats[start..ends[i]]
        })
    }

    /// [`Tagger::decode_flat`] with `extra` added to the emission scores (`labels` per token,
    /// from another scorer); ignored unless it has a score for every token and label.
    pub fn decode_flat_with(&self, feats: &[u32], ends: &[usize], extra: &[f32]) -> Vec<usize> {
        let extra = (extra.len() == ends.len() * self.labels).then_some(extra);
        self.decode_by_with(
            ends.len(),
            |i| {
                let start = if i == 0 { 0 } else { ends[i - 1] };
                &feats[start..ends[i]]
            },
            extra,
        )
    }

    /// The emission scores Viterbi reads ([`Tagger::decode_flat_with`]'s, `extra` added):
    /// `labels` per token.
    pub fn emission_scores_flat(&self, feats: &[u32], ends: &[usize], extra: &[f32]) -> Vec<f32> {
        let l = self.labels;
        let extra = (extra.len() == ends.len() * l).then_some(extra);
        let mut out = vec![0.0f32; ends.len() * l];
        for (i, em) in out.chunks_exact_mut(l).enumerate() {
            let start = if i == 0 { 0 } else { ends[i - 1] };
            self.emissions(&feats[start..ends[i]], em);
            if let Some(extra) = extra {
                for (e, x) in em.iter_mut().zip(&extra[i * l..(i + 1) * l]) {
                    *e += x;
                }
            }
        }
        out
    }

    fn decode_by<'f>(&self, n: usize, token: impl Fn(usize) -> &'f [u32]) -> Vec<usize> {
        self.decode_by_with(n, token, None)
    }

    fn decode_by_with<'f>(
        &self,
        n: usize,
        token: impl Fn(usize) -> &'f [u32],
        extra: Option<&[f32]>,
    ) -> Vec<usize> {
        let l = self.labels;
        if n == 0 {
            return Vec::new();
        }
        // Every token's emission scores first, each token's buckets fetched while the two
        // before it are summed.
        let mut emissions = vec![0.0f32; n * l];
        for i in 0..n.min(PREFETCH_TOKENS) {
            token(i).iter().for_each(|&f| self.prefetch_bucket(f));
        }
        for (i, em) in emissions.chunks_exact_mut(l).enumerate() {
            if i + PREFETCH_TOKENS < n {
                token(i + PREFETCH_TOKENS)
                    .iter()
                    .for_each(|&f| self.prefetch_bucket(f));
            }
            self.emissions(token(i), em);
            if let Some(extra) = extra {
                for (e, x) in em.iter_mut().zip(&extra[i * l..(i + 1) * l]) {
                    *e += x;
                }
            }
        }
        // Each transition's weight, or minus infinity where the BIO constraints forbid it:
        // a forbidden step then never beats the best (which starts at minus infinity), as a
        // skipped one never did.
        let transitions: Vec<f32> = (0..=l)
            .flat_map(|p| (0..l).map(move |y| (p, y)))
            .map(|(p, y)| {
                if allowed(l, (p < l).then_some(p), y) {
                    self.transitions[p * l + y]
                } else {
                    f32::NEG_INFINITY
                }
            })
            .collect();
        let mut score = vec![f32::NEG_INFINITY; n * l];
        let mut back = vec![0usize; n * l];
        for (y, s) in score.iter_mut().enumerate().take(l) {
            if transitions[l * l + y] > f32::NEG_INFINITY {
                *s = emissions[y] + transitions[l * l + y];
            }
        }
        for i in 1..n {
            let (before, now) = score.split_at_mut(i * l);
            let previous = &before[(i - 1) * l..];
            for (y, s) in now.iter_mut().enumerate().take(l) {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0;
                for (p, &prev) in previous.iter().enumerate() {
                    let candidate = prev + transitions[p * l + y];
                    if candidate > best {
                        best = candidate;
                        arg = p;
                    }
                }
                if best > f32::NEG_INFINITY {
                    *s = best + emissions[i * l + y];
                    back[i * l + y] = arg;
                }
            }
        }
        let mut y = (0..l)
            .max_by(|&a, &b| score[(n - 1) * l + a].total_cmp(&score[(n - 1) * l + b]))
            .unwrap_or(0);
        let mut out = vec![0; n];
        for i in (0..n).rev() {
            out[i] = y;
            y = back[i * l + y];
        }
        out
    }
}

/// Whether label `y` may follow `prev` (None: the start): an inside label only continues its
/// own begin or inside label.
fn allowed(labels: usize, prev: Option<usize>, y: usize) -> bool {
    let begin_of = |y: usize| -> Option<usize> {
        match (labels, y) {
            (CUE_LABELS, 2) => Some(1),
            (ROLE_LABELS, I_SOURCE) => Some(B_SOURCE),
            (ROLE_LABELS, I_CONTENT) => Some(B_CONTENT),
            _ => None,
        }
    };
    match begin_of(y) {
        None => true,
        Some(b) => prev.is_some_and(|p| p == b || p == y),
    }
}

/// Averaged-perceptron training of a [`Tagger`] (deterministic: no randomness inside).
pub struct Trainer {
    pub tagger: Tagger,
    /// Sum of updates weighted by the time they were made, for averaging.
    weight_stamps: Vec<f32>,
    transition_stamps: Vec<f32>,
    time: f32,
}

impl Trainer {
    pub fn new(labels: usize, bits: u32) -> Trainer {
        let tagger = Tagger::new(labels, bits);
        Trainer {
            weight_stamps: vec![0.0; tagger.weights.len()],
            transition_stamps: vec![0.0; tagger.transitions.len()],
            tagger,
            time: 1.0,
        }
    }

    /// One perceptron step on a sequence; returns the number of wrong labels.
    pub fn learn(&mut self, seq: &Sequence) -> usize {
        let predicted = self.tagger.decode(&seq.feats);
        let l = self.tagger.labels;
        let mask = self.tagger.mask();
        let mut errors = 0;
        let t = self.time;
        for i in 0..seq.feats.len() {
            let (g, p) = (seq.gold[i] as usize, predicted[i]);
            let prev_g = if i == 0 { l } else { seq.gold[i - 1] as usize };
            let prev_p = if i == 0 { l } else { predicted[i - 1] };
            if g != p {
                errors += 1;
                for &f in &seq.feats[i] {
                    let base = (f & mask) as usize * l;
                    self.tagger.weights[base + g] += 1.0;
                    self.weight_stamps[base + g] += t;
                    self.tagger.weights[base + p] -= 1.0;
                    self.weight_stamps[base + p] -= t;
                }
            }
            if g != p || prev_g != prev_p {
                self.tagger.transitions[prev_g * l + g] += 1.0;
                self.transition_stamps[prev_g * l + g] += t;
                self.tagger.transitions[prev_p * l + p] -= 1.0;
                self.transition_stamps[prev_p * l + p] -= t;
            }
        }
        self.time += 1.0;
        errors
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Tagger {
        let mut out = self.tagger.clone();
        let t = self.time;
        for (w, s) in out.weights.iter_mut().zip(&self.weight_stamps) {
            *w -= s / t;
        }
        for (w, s) in out.transitions.iter_mut().zip(&self.transition_stamps) {
            *w -= s / t;
        }
        out
    }
}

/// A token sequence to label: hashed features per token and, in training, the gold labels.
#[derive(Debug, Clone, Default)]
pub struct Sequence {
    pub feats: Vec<Vec<u32>>,
    pub gold: Vec<u8>,
}

/// The cue and role taggers, and optionally a scorer network whose weighted log-probabilities
/// join the cue tagger's emission scores.
#[derive(Debug, Clone)]
pub struct AttributionModel {
    pub cue: Tagger,
    pub role: Tagger,
    /// Scores cue labels from contextual vectors ([`Context::cue_network_input`]).
    pub cue_network: Option<Network>,
    /// Weight of the network's log-probabilities beside the tagger's scores.
    pub network_weight: f32,
    /// Scores role labels from contextual vectors ([`Context::role_network_input`]).
    pub role_network: Option<Network>,
    /// Weight of the role network's log-probabilities beside the role tagger's scores.
    pub role_network_weight: f32,
    /// Scores role labels with a bidirectional recurrent network over the whole role window
    /// ([`AttributionModel::role_recurrent_scores`]); an experiment, not in the model file.
    pub role_recurrent: Option<Recurrent>,
    /// Weight of the recurrent network's log-probabilities beside the role tagger's scores.
    pub role_recurrent_weight: f32,
    /// Scores role labels with a compact role network that also reads GRU states computed
    /// once per paragraph from cue-independent inputs
    /// ([`AttributionModel::role_paragraph_scores`]).
    pub role_paragraph: Option<ParagraphRoleNetwork>,
    /// Weight of its scores beside the role tagger's.
    pub role_paragraph_weight: f32,
}

impl AttributionModel {
    /// The two taggers, without a scorer network.
    pub fn new(cue: Tagger, role: Tagger) -> AttributionModel {
        AttributionModel {
            cue,
            role,
            cue_network: None,
            network_weight: 0.0,
            role_network: None,
            role_network_weight: 0.0,
            role_recurrent: None,
            role_recurrent_weight: 0.0,
            role_paragraph: None,
            role_paragraph_weight: 0.0,
        }
    }

    /// Whether a scorer network reads the document's contextual vectors.
    pub fn reads_vectors(&self) -> bool {
        (self.role_network.is_some() && self.role_network_weight != 0.0)
            || (self.cue_network.is_some() && self.network_weight != 0.0)
            || (self.role_recurrent.is_some() && self.role_recurrent_weight != 0.0)
            || (self.role_paragraph.is_some() && self.role_paragraph_weight != 0.0)
    }

    /// The model built into newsfacts, read on first use; None if it cannot be read.
    pub fn embedded() -> Option<&'static AttributionModel> {
        static MODEL: OnceLock<Option<AttributionModel>> = OnceLock::new();
        MODEL
            .get_or_init(|| AttributionModel::from_bytes(EMBEDDED).ok())
            .as_ref()
    }

    /// Makes the cue tagger readier to start a cue by `delta` (a recall/precision trade tuned
    /// on dev after training).
    pub fn boost_cues(&mut self, delta: f32) {
        let base = (hash(&["bias"]) & self.cue.mask()) as usize * self.cue.labels;
        if let Some(w) = self.cue.weights.get_mut(base + 1) {
            *w += delta;
        }
        self.cue.packed = None;
    }

    /// Serialises the model: weights with an absolute value under `prune` are left out, the
    /// rest quantised to 16 bits; a role network with a weight follows the taggers (`NFQM2`).
    /// A cue network is not written (it is a training experiment, not shipped).
    pub fn to_bytes(&self, prune: f32) -> Vec<u8> {
        let role_network = self
            .role_network
            .as_ref()
            .filter(|_| self.role_network_weight != 0.0);
        let recurrent = self
            .role_recurrent
            .as_ref()
            .filter(|_| self.role_recurrent_weight != 0.0);
        let paragraph = self
            .role_paragraph
            .as_ref()
            .filter(|_| self.role_paragraph_weight != 0.0);
        let mut out = match (role_network, recurrent, paragraph) {
            (_, _, Some(_)) => MAGIC_WITH_PARAGRAPH.to_vec(),
            (_, Some(_), None) => MAGIC_WITH_RECURRENT.to_vec(),
            (Some(_), None, None) => MAGIC_WITH_ROLE_NETWORK.to_vec(),
            (None, None, None) => MAGIC.to_vec(),
        };
        for tagger in [&self.cue, &self.role] {
            out.push(tagger.labels as u8);
            out.push(tagger.bits as u8);
            for &t in &tagger.transitions {
                out.extend_from_slice(&t.to_le_bytes());
            }
            let kept: Vec<(u32, f32)> = tagger
                .weights
                .iter()
                .enumerate()
                .filter(|(_, w)| w.abs() >= prune && w.abs() > 0.0)
                .map(|(i, &w)| (i as u32, w))
                .collect();
            let max = kept.iter().map(|(_, w)| w.abs()).fold(0.0f32, f32::max);
            let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
            out.extend_from_slice(&scale.to_le_bytes());
            out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
            // Indices as gaps from the previous one (varint), values as i16.
            let mut last = 0u32;
            for (i, w) in kept {
                let mut gap = i - last;
                last = i;
                loop {
                    let byte = (gap & 0x7f) as u8;
                    gap >>= 7;
                    if gap == 0 {
                        out.push(byte);
                        break;
                    }
                    out.push(byte | 0x80);
                }
                let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        let mut section = |weight: f32, bytes: Vec<u8>| {
            out.extend_from_slice(&weight.to_le_bytes());
            out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
            out.extend_from_slice(&bytes);
        };
        match (role_network, recurrent, paragraph) {
            (Some(network), None, None) => section(self.role_network_weight, network.to_bytes()),
            (network, Some(recurrent), None) => {
                section(
                    network.map_or(0.0, |_| self.role_network_weight),
                    network.map_or_else(Vec::new, Network::to_bytes),
                );
                section(self.role_recurrent_weight, recurrent.to_bytes());
            }
            (network, recurrent, Some(paragraph)) => {
                section(
                    network.map_or(0.0, |_| self.role_network_weight),
                    network.map_or_else(Vec::new, Network::to_bytes),
                );
                section(
                    recurrent.map_or(0.0, |_| self.role_recurrent_weight),
                    recurrent.map_or_else(Vec::new, Recurrent::to_bytes),
                );
                section(self.role_paragraph_weight, paragraph.to_bytes());
            }
            (None, None, None) => {}
        }
        out
    }

    /// Reads a model written by [`AttributionModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<AttributionModel, ModelError> {
        let err = |m: &str| ModelError(m.to_owned());
        // Which sections follow the taggers: the role network's, the recurrent network's.
        // Which sections follow the taggers: the role network's, the recurrent network's, the
        // paragraph network's.
        let (rest, with_role_network, with_recurrent, with_paragraph) =
            if let Some(rest) = bytes.strip_prefix(MAGIC.as_slice()) {
                (rest, false, false, false)
            } else if let Some(rest) = bytes.strip_prefix(MAGIC_WITH_ROLE_NETWORK.as_slice()) {
                (rest, true, false, false)
            } else if let Some(rest) = bytes.strip_prefix(MAGIC_WITH_RECURRENT.as_slice()) {
                (rest, true, true, false)
            } else if let Some(rest) = bytes.strip_prefix(MAGIC_WITH_PARAGRAPH.as_slice()) {
                (rest, true, true, true)
            } else {
                return Err(err("not a model file"));
            };
        let mut reader = Reader { bytes: rest, at: 0 };
        let mut read_tagger = |expect: usize| -> Result<Tagger, ModelError> {
            let labels = reader.byte()? as usize;
            let bits = reader.byte()? as u32;
            if labels != expect || !(8..=24).contains(&bits) {
                return Err(err("bad tagger header"));
            }
            let mut tagger = Tagger::new(labels, bits);
            for t in tagger.transitions.iter_mut() {
                *t = reader.f32()?;
            }
            let scale = reader.f32()?;
            let count = reader.u32()?;
            // A zero weight would not be zero times a scale that is not finite.
            let mut packed = scale
                .is_finite()
                .then(|| PackedWeights::new(labels, bits, scale));
            let mut index = 0u32;
            for _ in 0..count {
                let mut gap = 0u32;
                let mut shift = 0;
                loop {
                    let byte = reader.byte()?;
                    gap |= u32::from(byte & 0x7f) << shift;
                    shift += 7;
                    if byte & 0x80 == 0 || shift > 28 {
                        break;
                    }
                }
                index = index.wrapping_add(gap);
                let q = i16::from_le_bytes([reader.byte()?, reader.byte()?]);
                let slot = tagger
                    .weights
                    .get_mut(index as usize)
                    .ok_or_else(|| err("weight index out of range"))?;
                *slot = f32::from(q) * scale;
                if let Some(packed) = packed.as_mut() {
                    packed.set(labels, index as usize, q);
                }
            }
            tagger.packed = packed;
            Ok(tagger)
        };
        let cue = read_tagger(CUE_LABELS)?;
        let role = read_tagger(ROLE_LABELS)?;
        let mut model = AttributionModel::new(cue, role);
        // A section's weight and bytes (None: an empty section).
        fn section<'b>(reader: &mut Reader<'b>) -> Result<Option<(f32, &'b [u8])>, ModelError> {
            let err = |m: &str| ModelError(m.to_owned());
            let weight = reader.f32()?;
            let length = reader.u32()? as usize;
            let end = reader
                .at
                .checked_add(length)
                .ok_or_else(|| err("bad network length"))?;
            let bytes = reader
                .bytes
                .get(reader.at..end)
                .ok_or_else(|| err("truncated network"))?;
            reader.at = end;
            if !weight.is_finite() {
                return Err(err("bad network weight"));
            }
            Ok((length > 0).then_some((weight, bytes)))
        }
        if with_role_network {
            let section = section(&mut reader)?;
            if let Some((weight, bytes)) = section {
                let network = Network::from_bytes(bytes)?;
                if network.labels != ROLE_LABELS {
                    return Err(err("bad role network"));
                }
                model.role_network = Some(network);
                model.role_network_weight = weight;
            } else if !with_recurrent {
                return Err(err("empty role network"));
            }
        }
        if with_recurrent {
            let section = section(&mut reader)?;
            if let Some((weight, bytes)) = section {
                let network = Recurrent::from_bytes(bytes)?;
                if network.sizes.labels != ROLE_LABELS {
                    return Err(err("bad recurrent network"));
                }
                model.role_recurrent = Some(network);
                model.role_recurrent_weight = weight;
            } else if !with_paragraph {
                return Err(err("empty recurrent network"));
            }
        }
        if with_paragraph {
            let Some((weight, bytes)) = section(&mut reader)? else {
                return Err(err("empty paragraph role network"));
            };
            let network = ParagraphRoleNetwork::from_bytes(bytes)?;
            if network.head.labels != ROLE_LABELS {
                return Err(err("bad paragraph role network"));
            }
            model.role_paragraph = Some(network);
            model.role_paragraph_weight = weight;
        }
        if reader.at != reader.bytes.len() {
            return Err(err("trailing bytes after the model"));
        }
        Ok(model)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, ModelError> {
        let b = self
            .bytes
            .get(self.at)
            .copied()
            .ok_or_else(|| ModelError("truncated".into()))?;
        self.at += 1;
        Ok(b)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes([
            self.byte()?,
            self.byte()?,
            self.byte()?,
            self.byte()?,
        ]))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

/// FNV-1a over feature pieces (a separator between pieces), so hashing needs no allocation.
fn hash(parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0100_0193);
        }
        for b in p.bytes() {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    // Final mix so that nearby hashes spread over the buckets.
    h ^= h >> 15;
    h = h.wrapping_mul(0x2c1b_3c6d);
    h ^= h >> 12;
    h
}

/// [`hash`] of the pieces, seeded with a value computed elsewhere (a path, a frame).
fn hash_with(seed: u32, parts: &[&str]) -> u32 {
    hash(parts) ^ seed.wrapping_mul(0x9e37_79b9).rotate_left(13)
}

/// What the role tagger reads for one cue: see [`AttributionModel::role_inputs`].
struct RoleInputs {
    window: (usize, usize),
    feats: Vec<u32>,
    ends: Vec<usize>,
    extra: Vec<f32>,
}

/// A predicted attribution in token ranges of the [`TokenView`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predicted {
    pub cue: Vec<(usize, usize)>,
    pub source: Vec<(usize, usize)>,
    pub content: Vec<(usize, usize)>,
}

/// What the feature functions read about a document, computed once.
pub struct Context<'a> {
    pub view: &'a TokenView,
    /// Paragraph token ranges, and each token's paragraph.
    pub paragraphs: Vec<(usize, usize)>,
    para_of: Vec<usize>,
    /// Sentence of each token.
    sent_of: Vec<usize>,
    /// Sentence token ranges.
    pub sentences: Vec<(usize, usize)>,
    /// Quotation state: 0 outside, 1 the opening mark, 2 inside, 3 the closing mark.
    quote_state: Vec<u8>,
    /// Top-level quotation each token belongs to (usize::MAX outside).
    quote_id: Vec<usize>,
    children: Vec<Vec<usize>>,
    /// Depth of each token in its dependency tree.
    depth: Vec<usize>,
    /// First and last token of each token's subtree (for constituent edges).
    left_edge: Vec<usize>,
    right_edge: Vec<usize>,
    /// Lowercased word shape classes.
    shape: Vec<&'static str>,
    cue_class: Vec<&'static str>,
    /// Whether the role tagger looks at the cue's sentence and its neighbours only (widened to
    /// whole quotations) rather than its whole paragraph.
    pub sentence_windows: bool,
    /// The document's contextual token vectors (`vector_width` floats per document token),
    /// empty when the English pipeline's vectors are not there.
    vectors: &'a [f32],
    pub vector_width: usize,
    /// Each view token's index in the document's tokens, for its vector (u32::MAX: none).
    vector_row: Vec<u32>,
    /// The role network's per-token products, shared by the windows of all cues.
    role_projections: std::cell::RefCell<ProjectionCache>,
    /// The recurrent role network's per-token sums, shared by the windows of all cues.
    recurrent_projections: std::cell::RefCell<RecurrentCache>,
    /// The paragraph role network's states and sums, shared by the windows of all cues.
    paragraph_states: std::cell::RefCell<ParagraphCache>,
    /// The role features of a token and side that no cue changes, shared by the windows of
    /// all cues.
    side_features: std::cell::RefCell<SideFeatureCache>,
}

/// Groups tokens by the span (paragraph or sentence) holding their start: the token ranges of
/// the groups, and each token's group.
fn spans_to_ranges(view: &TokenView, spans: &[Span]) -> (Vec<(usize, usize)>, Vec<usize>) {
    let mut of = Vec::with_capacity(view.toks.len());
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    let mut last_span = usize::MAX;
    for (k, t) in view.toks.iter().enumerate() {
        while i + 1 < spans.len() && spans[i].end <= t.start {
            i += 1;
        }
        if i != last_span || ranges.is_empty() {
            ranges.push((k, k + 1));
            last_span = i;
        } else if let Some(r) = ranges.last_mut() {
            r.1 = k + 1;
        }
        of.push(ranges.len() - 1);
    }
    (ranges, of)
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document, view: &'a TokenView) -> Context<'a> {
        let toks = &view.toks;
        let n = toks.len();
        let text = &doc.text;
        let paragraph_spans: Vec<Span> = if doc.paragraphs.is_empty() {
            vec![Span::new(0, text.len())]
        } else {
            doc.paragraphs.clone()
        };
        let sentence_spans: Vec<Span> = if doc.sentences.is_empty() {
            newsfacts_nlp::split_sentences(text)
        } else {
            doc.sentences.clone()
        };
        let (paragraphs, para_of) = spans_to_ranges(view, &paragraph_spans);
        let (sentences, sent_of) = spans_to_ranges(view, &sentence_spans);
        let mut quote_state = vec![0u8; n];
        let mut quote_id = vec![usize::MAX; n];
        let mut next_id = 0;
        for para in &paragraph_spans {
            if para.end > text.len() || !text.is_char_boundary(para.start) {
                continue;
            }
            for q in quoted_for_model_features(text, *para) {
                if q.depth != 0 || q.kind != MarkKind::Double {
                    continue;
                }
                let s = view.first_from(q.outer.start);
                let e = view.end_before(q.outer.end).max(s);
                for k in s..e {
                    quote_state[k] = if k == s && toks[k].start < q.inner.start {
                        1
                    } else if k + 1 == e && q.closed && toks[k].end > q.inner.end {
                        3
                    } else {
                        2
                    };
                    quote_id[k] = next_id;
                }
                next_id += 1;
            }
        }
        let mut children = vec![Vec::new(); n];
        for (k, t) in toks.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| h != k && h < n) {
                children[h].push(k);
            }
        }
        let mut depth = vec![0usize; n];
        let mut left_edge: Vec<usize> = (0..n).collect();
        let mut right_edge: Vec<usize> = (0..n).collect();
        for (k, d) in depth.iter_mut().enumerate() {
            let mut at = k;
            let mut steps = 0;
            while let Some(h) = toks[at].head.filter(|&h| h != at && h < n) {
                at = h;
                left_edge[at] = left_edge[at].min(k);
                right_edge[at] = right_edge[at].max(k);
                steps += 1;
                if steps > 60 {
                    break;
                }
            }
            *d = steps;
        }
        let lexicon = Lexicon::global();
        let cue_class = toks
            .iter()
            .map(|t| match lexicon.verb(&t.lower).map(|c| c.class) {
                Some(CueClass::Speech) => "speech",
                Some(CueClass::Report) => "report",
                Some(CueClass::Thought) => "thought",
                Some(CueClass::Address) => "address",
                None => "-",
            })
            .collect();
        let shape = toks.iter().map(shape_of).collect();
        let vectors = &doc.token_vectors;
        let has_vectors = vectors.width > 0 && vectors.len() == doc.tokens.len();
        let mut vector_row = vec![u32::MAX; if has_vectors { n } else { 0 }];
        if has_vectors {
            // The view keeps the document's non-blank tokens in order: match them by start.
            let mut k = 0;
            for (i, t) in doc.tokens.iter().enumerate() {
                while k < n && toks[k].start < t.start {
                    k += 1;
                }
                if k < n && toks[k].start == t.start {
                    vector_row[k] = i as u32;
                }
            }
        }
        Context {
            view,
            paragraphs,
            para_of,
            sent_of,
            sentences,
            quote_state,
            quote_id,
            children,
            depth,
            left_edge,
            right_edge,
            shape,
            cue_class,
            sentence_windows: true,
            vectors: if has_vectors { &vectors.values } else { &[] },
            vector_width: if has_vectors { vectors.width } else { 0 },
            vector_row,
            role_projections: Default::default(),
            recurrent_projections: Default::default(),
            paragraph_states: Default::default(),
            side_features: Default::default(),
        }
    }

    /// The contextual vector of view token `k`, if it has one.
    fn row_vector(&self, k: usize) -> Option<&[f32]> {
        let row = *self.vector_row.get(k)?;
        if row == u32::MAX {
            return None;
        }
        let start = row as usize * self.vector_width;
        self.vectors.get(start..start + self.vector_width)
    }

    /// The token range of the paragraph holding token `k` (the whole view when there is none).
    pub fn paragraph_range(&self, k: usize) -> (usize, usize) {
        self.para_of
            .get(k)
            .and_then(|&p| self.paragraphs.get(p))
            .copied()
            .unwrap_or((0, self.view.toks.len()))
    }

    /// The document token row of view token `k`'s contextual vector (u32::MAX: none).
    pub fn vector_row_of(&self, k: usize) -> u32 {
        self.vector_row.get(k).copied().unwrap_or(u32::MAX)
    }

    /// The categorical ids of token `k`'s own features (quotation state, tag, dependency
    /// label) as rows of the compact role network's embedding table: what the paragraph role
    /// network's encoder reads beside the token's vector.
    pub fn token_own_ids(&self, k: usize) -> [u32; COMPACT_TOKEN_IDS.len()] {
        let ids = self.compact_role_network_ids(k, (0, 0), 0);
        COMPACT_TOKEN_IDS.map(|i| ids[i])
    }

    /// Whether the document's contextual vectors are there for the scorer network.
    pub fn has_vectors(&self) -> bool {
        self.vector_width > 0 && !self.vector_row.is_empty()
    }

    /// Width of the cue network's dense input for vectors `width` wide: the token's, its two
    /// neighbours' either side (within the sentence) and its head's.
    pub fn cue_network_dense_width(width: usize) -> usize {
        CUE_NETWORK_SLOTS * width
    }

    /// The cue network's input for token `k` of `sentence` (a token range): contextual vectors
    /// of [`Context::cue_network_rows`] into `dense` (zeros where a token is missing), and
    /// [`Context::cue_network_ids`] into `sparse`.
    pub fn cue_network_input(
        &self,
        k: usize,
        sentence: (usize, usize),
        dense: &mut Vec<f32>,
        sparse: &mut Vec<u32>,
    ) {
        let width = self.vector_width;
        for row in self.cue_network_rows(k, sentence) {
            let start = row as usize * width;
            match self.vectors.get(start..start + width) {
                Some(v) if row != u32::MAX => dense.extend_from_slice(v),
                _ => dense.resize(dense.len() + width, 0.0),
            }
        }
        sparse.extend_from_slice(&self.cue_network_ids(k, sentence));
    }

    /// The document token rows whose vectors the cue network reads for token `k` of
    /// `sentence`: two either side (within the sentence), the token's own, its head's
    /// (u32::MAX where there is none).
    pub fn cue_network_rows(&self, k: usize, sentence: (usize, usize)) -> [u32; CUE_NETWORK_SLOTS] {
        let slots = [
            k.checked_sub(2).filter(|&i| i >= sentence.0),
            k.checked_sub(1).filter(|&i| i >= sentence.0),
            Some(k),
            Some(k + 1).filter(|&i| i < sentence.1),
            Some(k + 2).filter(|&i| i < sentence.1),
            self.head(k),
        ];
        slots.map(|slot| {
            slot.and_then(|i| self.vector_row.get(i).copied())
                .unwrap_or(u32::MAX)
        })
    }

    /// Width of the role network's dense input for vectors `width` wide.
    pub fn role_network_dense_width(width: usize) -> usize {
        (ROLE_NETWORK_SLOTS + 1) * width
    }

    /// The document token rows whose vectors the role network reads for token `k` of a role
    /// `window` around a cue with head `cue_head` (u32::MAX where there is none).
    pub fn role_network_rows(
        &self,
        k: usize,
        window: (usize, usize),
        cue_head: usize,
    ) -> [u32; ROLE_NETWORK_SLOTS] {
        let inside = |i: usize| (window.0 <= i && i < window.1).then_some(i);
        let slots = [
            Some(k),
            Some(cue_head),
            k.checked_sub(1).and_then(inside),
            inside(k + 1),
            k.checked_sub(2).and_then(inside),
            inside(k + 2),
        ];
        slots.map(|slot| {
            slot.and_then(|i| self.vector_row.get(i).copied())
                .unwrap_or(u32::MAX)
        })
    }

    /// The role network's input for token `k` of a role window.
    pub fn role_network_input(
        &self,
        k: usize,
        cue: (usize, usize),
        window: (usize, usize),
        cue_head: usize,
        dense: &mut Vec<f32>,
        sparse: &mut Vec<u32>,
    ) {
        let rows = self.role_network_rows(k, window, cue_head);
        role_network_dense(self.vectors, self.vector_width, &rows, dense);
        sparse.extend_from_slice(&self.role_network_ids(k, cue, cue_head));
    }

    /// The compact role network's input for token `k`: the token's vector and the cue head's
    /// (zeros where there is none), and [`Context::compact_role_network_ids`].
    pub fn compact_role_network_input(
        &self,
        k: usize,
        cue: (usize, usize),
        cue_head: usize,
        dense: &mut Vec<f32>,
        sparse: &mut Vec<u32>,
    ) {
        for t in [k, cue_head] {
            match self.row_vector(t) {
                Some(v) => dense.extend_from_slice(v),
                None => dense.resize(dense.len() + self.vector_width, 0.0),
            }
        }
        sparse.extend_from_slice(&self.compact_role_network_ids(k, cue, cue_head));
    }

    /// The categorical features of token `k` the compact role network reads: only those that
    /// need no walk in the parse (side and distance, quotation state and relation, sentence
    /// relation, tag, dependency label, cue lemma), so that it stays cheap.
    pub fn compact_role_network_ids(
        &self,
        k: usize,
        cue: (usize, usize),
        cue_head: usize,
    ) -> [u32; COMPACT_ROLE_NETWORK_IDS] {
        let t = self.tok(k);
        self.compact_role_network_ids_with(
            k,
            cue,
            cue_head,
            [hash(&["t", &t.tag]) % 64, hash(&["d", &t.dep]) % 64],
            hash(&["cl", &self.tok(cue_head).lemma]) % 256,
        )
    }

    /// [`Context::compact_role_network_ids`] with the token's tag and dependency buckets and
    /// the cue lemma's bucket given (they are computed once per token and per window).
    fn compact_role_network_ids_with(
        &self,
        k: usize,
        cue: (usize, usize),
        cue_head: usize,
        tag_and_dep: [u32; 2],
        cue_lemma: u32,
    ) -> [u32; COMPACT_ROLE_NETWORK_IDS] {
        let (side, dist, same_quote, sent_rel) = self.relation_to_cue(k, cue, cue_head);
        let mut rows = EmbeddingRows::<COMPACT_ROLE_NETWORK_IDS>::new();
        rows.push(side * 9 + bucket_index(dist), 27);
        rows.push(u32::from(self.quote_state[k]), 4);
        rows.push(side * 3 + same_quote, 9);
        rows.push(sent_rel, 3);
        rows.push(tag_and_dep[0], 64);
        rows.push(tag_and_dep[1], 64);
        rows.push(cue_lemma, 256);
        rows.finish(COMPACT_ROLE_NETWORK_SPARSE)
    }

    /// The categorical features of token `k` for the role network, given the cue (a token
    /// range) and its head, as rows of its embedding table.
    pub fn role_network_ids(
        &self,
        k: usize,
        cue: (usize, usize),
        cue_head: usize,
    ) -> [u32; ROLE_NETWORK_IDS] {
        let t = self.tok(k);
        let (side, dist, same_quote, sent_rel) = self.relation_to_cue(k, cue, cue_head);
        let (_, relation) = self.path_to(k, cue_head);
        let relation = RELATIONS
            .iter()
            .position(|&r| r == relation)
            .unwrap_or(RELATIONS.len() - 1) as u32;
        let top = self.top_under(k, cue_head);
        let edge: u32 = match top {
            Some(c) => match (k == self.left_edge[c], k == self.right_edge[c]) {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (false, false) => 3,
            },
            None => 4,
        };
        let mut rows = EmbeddingRows::<ROLE_NETWORK_IDS>::new();
        rows.push(side * 9 + bucket_index(dist), 27);
        rows.push(u32::from(self.quote_state[k]), 4);
        rows.push(side * 3 + same_quote, 9);
        rows.push(sent_rel, 3);
        rows.push(side * 13 + relation, 39);
        rows.push(hash(&["t", &t.tag]) % 64, 64);
        rows.push(hash(&["d", &t.dep]) % 64, 64);
        rows.push(edge, 5);
        rows.push(top.map_or(32, |c| hash(&["td", &self.tok(c).dep]) % 32), 33);
        rows.push(
            k.checked_sub(1)
                .map_or(4, |p| u32::from(self.quote_state[p])),
            5,
        );
        rows.push(
            u32::from(k > 0 && self.sent_of[k - 1] != self.sent_of[k]),
            2,
        );
        rows.push(
            u32::from(k + 1 < self.sent_of.len() && self.sent_of[k + 1] != self.sent_of[k]),
            2,
        );
        rows.push(hash(&["cl", &self.tok(cue_head).lemma]) % 256, 256);
        rows.push(
            u32::from(k > 0 && self.para_of[k - 1] != self.para_of[k]),
            2,
        );
        let class = match self.cue_class[k] {
            "speech" => 0,
            "report" => 1,
            "thought" => 2,
            "address" => 3,
            _ => 4,
        };
        rows.push(class, 6);
        rows.finish(ROLE_NETWORK_SPARSE)
    }

    /// The categorical features of token `k` of `sentence` for the cue network, as rows of its
    /// embedding table (each feature has its own block of rows, [`CUE_NETWORK_SPARSE`] in all).
    pub fn cue_network_ids(&self, k: usize, sentence: (usize, usize)) -> [u32; CUE_NETWORK_IDS] {
        let head = self.head(k);
        let class = |i: Option<usize>| -> u32 {
            match i.map(|i| self.cue_class[i]) {
                Some("speech") => 0,
                Some("report") => 1,
                Some("thought") => 2,
                Some("address") => 3,
                Some(_) => 4,
                None => 5,
            }
        };
        let t = self.tok(k);
        let children = &self.children[k];
        let has_child = |deps: &[&str]| {
            u32::from(
                children
                    .iter()
                    .any(|&c| deps.contains(&self.tok(c).dep.as_str())),
            )
        };
        let subtree_quoted = (self.left_edge[k]..=self.right_edge[k])
            .any(|i| self.quote_state.get(i).is_some_and(|&q| q != 0));
        let position = if k == sentence.0 {
            0
        } else if k + 1 == sentence.1 {
            1
        } else {
            2
        };
        let mut rows = EmbeddingRows::<CUE_NETWORK_IDS>::new();
        rows.push(class(Some(k)), 6);
        rows.push(u32::from(self.quote_state[k]), 4);
        rows.push(hash(&["t", &t.tag]) % 64, 64);
        rows.push(hash(&["d", &t.dep]) % 64, 64);
        rows.push(class(head), 6);
        rows.push(head.map_or(4, |h| u32::from(self.quote_state[h])), 5);
        rows.push(has_child(&["ccomp", "parataxis", "xcomp"]), 2);
        rows.push(has_child(&["nsubj", "nsubjpass"]), 2);
        rows.push(u32::from(subtree_quoted), 2);
        rows.push(class(k.checked_sub(1).filter(|&i| i >= sentence.0)), 6);
        rows.push(class(Some(k + 1).filter(|&i| i < sentence.1)), 6);
        rows.push(position, 3);
        rows.push(hash(&["l", &t.lemma]) % 1024, 1024);
        rows.push(
            head.map_or(0, |h| hash(&["hl", &self.tok(h).lemma]) % 256),
            256,
        );
        rows.finish(CUE_NETWORK_SPARSE)
    }

    /// Where token `k` stands against a cue (a token range) and its head, for the role
    /// networks: its side (0 before the cue, 1 after, 2 inside), its distance in tokens, its
    /// quotation against the head's (0 the same, 1 another, 2 none) and its sentence against the
    /// head's (0 earlier, 1 the same, 2 later).
    fn relation_to_cue(
        &self,
        k: usize,
        cue: (usize, usize),
        cue_head: usize,
    ) -> (u32, usize, u32, u32) {
        let (side, dist) = if k < cue.0 {
            (0, cue.0 - k)
        } else if k >= cue.1 {
            (1, k + 1 - cue.1)
        } else {
            (2, 0)
        };
        let quoted = self.quote_id[k] != usize::MAX;
        let same_quote = if quoted && self.quote_id[k] == self.quote_id[cue_head] {
            0
        } else if quoted {
            1
        } else {
            2
        };
        let sentence = match self.sent_of[k].cmp(&self.sent_of[cue_head]) {
            std::cmp::Ordering::Less => 0,
            std::cmp::Ordering::Equal => 1,
            std::cmp::Ordering::Greater => 2,
        };
        (side, dist, same_quote, sentence)
    }

    fn tok(&self, k: usize) -> &Tok {
        &self.view.toks[k]
    }

    fn head(&self, k: usize) -> Option<usize> {
        self.tok(k)
            .head
            .filter(|&h| h != k && h < self.view.toks.len())
    }

    fn word_at(&self, k: isize) -> &str {
        if k < 0 {
            return "<s>";
        }
        self.view
            .toks
            .get(k as usize)
            .map_or("</s>", |t| t.lower.as_str())
    }

    /// Features of token `k` for the cue tagger.
    fn cue_features(&self, k: usize) -> Vec<u32> {
        let mut f = Vec::with_capacity(64);
        self.cue_features_into(k, &mut f);
        f
    }

    /// Pushes the cue-tagger features of token `k` onto `f`.
    fn cue_features_into(&self, k: usize, f: &mut Vec<u32>) {
        let t = self.tok(k);
        let ki = k as isize;
        let q = ["out", "open", "in", "close"][self.quote_state[k] as usize];
        let head = self.head(k);
        let head_lemma = head.map_or("<root>", |h| self.tok(h).lemma.as_str());
        f.extend_from_slice(&[
            hash(&["bias"]),
            hash(&["w", &t.lower]),
            hash(&["l", &t.lemma]),
            hash(&["t", &t.tag]),
            hash(&["d", &t.dep]),
            hash(&["lt", &t.lemma, &t.tag]),
            hash(&["ld", &t.lemma, &t.dep]),
            hash(&["s", self.shape[k]]),
            hash(&["e", &t.ent]),
            hash(&["cc", self.cue_class[k]]),
            hash(&["cct", self.cue_class[k], &t.tag]),
            hash(&["q", q]),
            hash(&["qt", q, &t.tag]),
            hash(&["w-1", self.word_at(ki - 1)]),
            hash(&["w+1", self.word_at(ki + 1)]),
            hash(&["w-2", self.word_at(ki - 2)]),
            hash(&["w+2", self.word_at(ki + 2)]),
            hash(&["w-1w", self.word_at(ki - 1), &t.lower]),
            hash(&["ww+1", &t.lower, self.word_at(ki + 1)]),
            hash(&["hl", head_lemma]),
            hash(&["dhl", &t.dep, head_lemma]),
            hash(&["ldhl", &t.lemma, &t.dep, head_lemma]),
        ]);
        if k > 0 {
            let p = self.tok(k - 1);
            f.push(hash(&["t-1", &p.tag]));
            f.push(hash(&["l-1", &p.lemma, &t.lemma]));
            f.push(hash(&["cc-1", self.cue_class[k - 1]]));
        }
        if let Some(n) = self.view.toks.get(k + 1) {
            f.push(hash(&["t+1", &n.tag]));
            f.push(hash(&["l+1", &t.lemma, &n.lemma]));
            f.push(hash(&["cc+1", self.cue_class[k + 1]]));
        }
        if let Some(h) = head {
            let ht = self.tok(h);
            f.push(hash(&["hcc", self.cue_class[h]]));
            f.push(hash(&["ht", &ht.tag]));
            f.push(hash(&["dht", &t.dep, &ht.tag, &ht.dep]));
            f.push(hash(&["ldh", &t.lower, &ht.lemma]));
        }
        if k > 1 {
            f.push(hash(&["t-2", &self.tok(k - 2).tag, &self.tok(k - 1).tag]));
        }
        if let Some(n2) = self.view.toks.get(k + 2) {
            f.push(hash(&["t+2", &self.tok(k + 1).tag, &n2.tag]));
        }
        let has = |deps: &[&str]| {
            self.children[k]
                .iter()
                .any(|&c| deps.contains(&self.tok(c).dep.as_str()))
        };
        // The verb frame: which of subject, complement, object, preposition, passive it has.
        let frame = [
            has(&["nsubj", "nsubjpass", "csubj"]),
            has(&["ccomp", "xcomp"]),
            has(&["dobj", "attr", "dative"]),
            has(&["prep", "agent"]),
            has(&["auxpass"]),
        ]
        .iter()
        .fold(0u32, |acc, &b| acc << 1 | u32::from(b));
        f.push(hash_with(frame, &["fr"]));
        f.push(hash_with(frame, &["frl", &t.lemma]));
        f.push(hash_with(frame, &["frt", &t.tag]));
        f.push(hash_with(frame, &["frcc", self.cue_class[k]]));
        for &c in &self.children[k] {
            let ct = self.tok(c);
            // Who the subject is (a person, an organisation, a pronoun) and what the
            // complement is (a clause opened by "that", a noun phrase).
            match ct.dep.as_str() {
                "nsubj" | "nsubjpass" => {
                    f.push(hash(&["subj", &ct.tag, &ct.ent]));
                    f.push(hash(&[
                        "subjl",
                        &t.lemma,
                        if ct.ent.is_empty() { &ct.tag } else { &ct.ent },
                    ]));
                }
                "ccomp" | "xcomp" | "dobj" | "prep" | "advcl" => {
                    f.push(hash(&["comp", &ct.dep, &ct.tag]));
                    f.push(hash(&["compl", &t.lemma, &ct.dep, &ct.tag]));
                    for &g in &self.children[c] {
                        let gt = self.tok(g);
                        if matches!(gt.dep.as_str(), "mark" | "pobj" | "nsubj") {
                            f.push(hash(&["comp2", &ct.dep, &gt.dep, &gt.lower]));
                        }
                    }
                }
                _ => {}
            }
            f.push(hash(&["cd", &ct.dep]));
            f.push(hash(&["lcd", &t.lemma, &ct.dep]));
            if matches!(
                ct.dep.as_str(),
                "ccomp" | "nsubj" | "dobj" | "prep" | "mark"
            ) {
                f.push(hash(&["lcdl", &t.lemma, &ct.dep, &ct.lemma]));
            }
        }
    }

    /// Features of token `k` for the role tagger, given the cue's token range.
    fn role_features(
        &self,
        k: usize,
        cue: (usize, usize),
        cue_head: usize,
        tops: &Tops,
    ) -> Vec<u32> {
        let mut f = Vec::with_capacity(64);
        let own = self.side_features(k, side_of(k, cue));
        self.role_features_into(k, cue, cue_head, tops, &own, &mut f);
        f
    }

    /// The [`SideFeatures`] of token `k` on `side` (an index into [`SIDES`]).
    fn side_features(&self, k: usize, side: usize) -> SideFeatures {
        let t = self.tok(k);
        let ki = k as isize;
        let side_name = SIDES[side];
        let q = ["out", "open", "in", "close"][self.quote_state[k] as usize];
        let mut out = SideFeatures {
            own: [
                hash(&["bias", side_name]),
                hash(&["w", side_name, &t.lower]),
                hash(&["l", side_name, &t.lemma]),
                hash(&["t", side_name, &t.tag]),
                hash(&["d", side_name, &t.dep]),
                hash(&["e", side_name, &t.ent]),
                hash(&["s", side_name, self.shape[k]]),
                hash(&["q", side_name, q]),
            ],
            around: [
                hash(&["w-1", side_name, self.word_at(ki - 1)]),
                hash(&["w+1", side_name, self.word_at(ki + 1)]),
                hash(&["cc", side_name, self.cue_class[k]]),
            ],
            words: [
                hash(&["w-1t", side_name, self.word_at(ki - 1), &t.tag]),
                hash(&["tw+1", side_name, &t.tag, self.word_at(ki + 1)]),
            ],
            ..SideFeatures::default()
        };
        if k > 0 {
            let p = self.tok(k - 1);
            out.before[0] = hash(&["t-1", side_name, &p.tag, &t.tag]);
            out.before[1] = hash(&[
                "q-1",
                side_name,
                ["out", "open", "in", "close"][self.quote_state[k - 1] as usize],
                q,
            ]);
            if self.para_of[k - 1] != self.para_of[k] {
                out.before[2] = hash(&["parastart", side_name]);
            }
        }
        if let Some(n) = self.view.toks.get(k + 1) {
            out.after = hash(&["t+1", side_name, &t.tag, &n.tag]);
        }
        if let Some(h) = self.head(k) {
            let ht = self.tok(h);
            out.head[0] = hash(&["hd", side_name, &t.dep, &ht.tag]);
            out.head[1] = hash(&["hw", side_name, &ht.lower]);
            if self.right_edge[h] == k {
                out.head[2] = hash(&["lastofhead", side_name, &t.tag, &ht.dep]);
            }
            if self.left_edge[h] == k {
                out.head[3] = hash(&["firstofhead", side_name, &t.tag, &ht.dep]);
            }
        }
        out
    }

    /// [`Context::side_features`], computed once per document token and side.
    fn side_features_cached(&self, k: usize, side: usize) -> SideFeatures {
        let mut cache = self.side_features.borrow_mut();
        let n = self.view.toks.len();
        if cache.done.len() != n * SIDES.len() {
            cache.done = vec![false; n * SIDES.len()];
            cache.features = vec![SideFeatures::default(); n * SIDES.len()];
        }
        let at = k * SIDES.len() + side;
        if !cache.done[at] {
            cache.features[at] = self.side_features(k, side);
            cache.done[at] = true;
        }
        cache.features[at]
    }

    /// Pushes the role-tagger features of token `k` onto `f`; `own` are its
    /// [`Context::side_features`] on its side of the cue.
    fn role_features_into(
        &self,
        k: usize,
        cue: (usize, usize),
        cue_head: usize,
        tops: &Tops,
        own: &SideFeatures,
        f: &mut Vec<u32>,
    ) {
        let t = self.tok(k);
        let side = SIDES[side_of(k, cue)];
        let dist = if k < cue.0 {
            cue.0 - k
        } else if k >= cue.1 {
            k + 1 - cue.1
        } else {
            0
        };
        let dist_b = bucket(dist);
        let ch = self.tok(cue_head);
        let q = ["out", "open", "in", "close"][self.quote_state[k] as usize];
        let cue_q = ["out", "open", "in", "close"][self.quote_state[cue_head] as usize];
        let same_quote =
            if self.quote_id[k] != usize::MAX && self.quote_id[k] == self.quote_id[cue_head] {
                "same"
            } else if self.quote_id[k] != usize::MAX {
                "other"
            } else {
                "none"
            };
        let sent_rel = match self.sent_of[k].cmp(&self.sent_of[cue_head]) {
            std::cmp::Ordering::Less => "prev",
            std::cmp::Ordering::Equal => "same",
            std::cmp::Ordering::Greater => "next",
        };
        let (path, relation) = self.path_to(k, cue_head);
        // The order of the features is the model's: the weights' sums run over them in it.
        let [bias, w, l, tag, dep, ent, shape, quote] = own.own;
        let [word_before, word_after, cue_class] = own.around;
        f.extend_from_slice(&[
            bias,
            hash(&["dist", side, dist_b]),
            w,
            l,
            tag,
            dep,
            ent,
            shape,
            quote,
            hash(&["qq", side, q, cue_q, same_quote]),
            hash(&["sent", side, sent_rel]),
            hash(&["sentq", side, sent_rel, q]),
            hash_with(path, &["path", side]),
            hash(&["rel", side, relation]),
            hash(&["relt", side, relation, &t.tag]),
            hash(&["relcl", side, relation, &ch.lemma]),
            hash_with(path, &["pathcl", side, &ch.lemma]),
            hash(&["cl", side, &ch.lemma]),
            hash(&["clt", side, &ch.lemma, &t.tag]),
            hash(&["cd", side, &ch.dep, relation]),
            word_before,
            word_after,
            hash(&["tdist", side, dist_b, &t.tag]),
            cue_class,
        ]);
        if k > 0 {
            f.push(own.before[0]);
            f.push(own.before[1]);
            if self.para_of[k - 1] != self.para_of[k] {
                f.push(own.before[2]);
            }
            if self.sent_of[k - 1] != self.sent_of[k] {
                f.push(hash(&["sentstart", side, sent_rel]));
            }
        }
        if k + 1 < self.view.toks.len() {
            f.push(own.after);
            if self.sent_of[k + 1] != self.sent_of[k] {
                f.push(hash(&["sentend", side, sent_rel]));
            }
        }
        if let Some(h) = self.head(k) {
            f.push(own.head[0]);
            f.push(own.head[1]);
            f.push(hash(&["hs", side, SIDES[side_of(h, cue)], &t.dep]));
        }
        f.extend_from_slice(&own.words);
        f.push(hash(&["relq", side, relation, q]));
        f.push(hash_with(path, &["pathq", side, q]));
        f.push(hash_with(path, &["pathd", side, dist_b]));
        // Tokens next to the cue.
        if dist <= 2 && side != "C" {
            f.push(hash(&["near", side, dist_b, &t.lower]));
        }
        // Constituent edges: where the phrase of the cue's dependent holding this token starts
        // and ends (contents are mostly whole complements, sources whole subjects), and
        // whether the previous token belongs to the same phrase.
        let top_of = |i: usize| tops.get(self, i, cue_head);
        if let Some(c) = top_of(k) {
            let cd = self.tok(c).dep.as_str();
            let edge = match (k == self.left_edge[c], k == self.right_edge[c]) {
                (true, true) => "LR",
                (true, false) => "L",
                (false, true) => "R",
                (false, false) => "-",
            };
            f.push(hash(&["edge", side, edge, cd]));
            f.push(hash(&["edgeq", side, edge, q]));
            let prev_same = k > 0 && top_of(k - 1) == Some(c);
            let next_same = k + 1 < self.view.toks.len() && top_of(k + 1) == Some(c);
            f.push(hash(&[
                "cont",
                side,
                cd,
                if prev_same { "p" } else { "-" },
                if next_same { "n" } else { "-" },
            ]));
        } else {
            f.push(hash(&["notunder", side, sent_rel, q]));
        }
        if let Some(h) = self.head(k) {
            if self.right_edge[h] == k {
                f.push(own.head[2]);
            }
            if self.left_edge[h] == k {
                f.push(own.head[3]);
            }
        }
    }

    /// [`Context::top_under`] the cue head for each token of a role window.
    fn tops(&self, window: (usize, usize), cue_head: usize) -> Tops {
        Tops {
            start: window.0,
            of: (window.0..window.1)
                .map(|k| self.top_under(k, cue_head))
                .collect(),
        }
    }

    /// The dependent of `target` whose subtree holds `k` (None when `k` is not below it).
    fn top_under(&self, k: usize, target: usize) -> Option<usize> {
        let mut at = k;
        for _ in 0..MAX_DEPTH {
            let h = self.head(at)?;
            if h == target {
                return Some(at);
            }
            at = h;
        }
        None
    }

    /// The dependency path from `k` to `target`: a short string of relations (up from `k` to
    /// their lowest common ancestor, then down to `target`) and a coarse relation name.
    fn path_to(&self, k: usize, target: usize) -> (u32, &'static str) {
        if k == target {
            return (hash(&["self"]), "self");
        }
        // Ancestors of k (k first); the relation reaching ancestor i + 1 is the dep of i.
        let mut ancestors = [0usize; MAX_DEPTH];
        ancestors[0] = k;
        let mut count = 1;
        while count < MAX_DEPTH {
            match self.head(ancestors[count - 1]) {
                Some(h) => {
                    ancestors[count] = h;
                    count += 1;
                }
                None => break,
            }
        }
        let ancestors = &ancestors[..count];
        let dep = |i: usize| self.tok(i).dep.as_str();
        if let Some(pos) = ancestors.iter().position(|&a| a == target) {
            // `k` is below the cue: the relation of the cue's child on the path.
            let child_rel = dep(ancestors[pos - 1]);
            let rel = match child_rel {
                "nsubj" | "nsubjpass" | "csubj" => "sub-subj",
                "ccomp" | "xcomp" | "parataxis" => "sub-comp",
                "dobj" | "dative" | "attr" | "oprd" => "sub-obj",
                "prep" | "agent" => "sub-prep",
                "advcl" | "advmod" | "npadvmod" => "sub-adv",
                "punct" => "sub-punct",
                "conj" | "cc" => "sub-conj",
                "aux" | "auxpass" | "neg" | "prt" => "sub-aux",
                _ => "sub-other",
            };
            return (hash(&["dn", child_rel, bucket(pos)]), rel);
        }
        // Walk up from the cue until an ancestor of k.
        let mut at = target;
        let mut downs: [&str; 2] = ["", ""];
        for step in 0..MAX_DEPTH {
            if let Some(pos) = ancestors.iter().position(|&a| a == at) {
                // The last two relations up from `k` and the first two up from the cue.
                let up = |i: usize| pos.checked_sub(1 + i).map_or("", |j| dep(ancestors[j]));
                let rel = if pos == 0 { "anc" } else { "lca" };
                return (hash(&["up", up(0), up(1), downs[0], downs[1]]), rel);
            }
            let Some(h) = self.head(at) else {
                break;
            };
            if step < 2 {
                downs[step] = dep(at);
            }
            at = h;
        }
        (hash(&["none", bucket(self.depth[k].min(6))]), "none")
    }

    /// Rules out, in a cue's role `window`, content at or beyond another of the document's
    /// `cues` that starts an attribution of its own, by adding minus infinity to the content
    /// labels' scores in `extra` (`ROLE_LABELS` per window token). On PolNeAR's train split a
    /// content runs on into the next attribution's cue a quarter as often as it stops right
    /// before it ("added that he would ask …, saying the islanders deserved …": 79 contents
    /// stop before ", saying", one runs through). A cue inside the content is a nested
    /// attribution instead ("said Clinton claimed …"), so only the cues the parse puts outside
    /// this cue's phrase, or in a clause coordinated with its verb or adverbial to it, bound
    /// the content — and a participle after a comma (", saying …"), wherever the parser hung
    /// it. The same bound for sentence ends outside quotation marks was measured and changed
    /// nothing: the taggers already keep to them.
    pub fn forbid_content(
        &self,
        cue: (usize, usize),
        window: (usize, usize),
        cues: &[(usize, usize)],
        extra: &mut [f32],
    ) {
        let head = self.cue_head(cue);
        let starts_own_attribution = |other: (usize, usize)| -> bool {
            if self.starts_participle_clause(other.0) {
                return true;
            }
            let other_head = self.cue_head(other);
            match self.top_under(other_head, head) {
                None => true,
                Some(c) => c == other_head && matches!(self.tok(c).dep.as_str(), "conj" | "advcl"),
            }
        };
        let (mut lo, mut hi) = window;
        for &other in cues.iter().filter(|&&c| c != cue) {
            if (other.0 >= cue.1 && other.0 < hi || other.1 <= cue.0 && other.1 > lo)
                && starts_own_attribution(other)
            {
                if other.0 >= cue.1 {
                    hi = other.0;
                } else {
                    lo = other.1;
                }
            }
        }
        for k in (window.0..lo).chain(hi..window.1) {
            if let Some(scores) = extra.get_mut((k - window.0) * ROLE_LABELS..) {
                scores[B_CONTENT] = f32::NEG_INFINITY;
                scores[I_CONTENT] = f32::NEG_INFINITY;
            }
        }
    }

    /// Whether token `k` is a present participle right after a comma, outside quotation
    /// marks: the head of a participial clause ("…, saying the islanders deserved …").
    fn starts_participle_clause(&self, k: usize) -> bool {
        k > 0
            && self.tok(k).tag == "VBG"
            && self.tok(k - 1).lower == ","
            && self.quote_id[k] == usize::MAX
    }

    /// Cue-tagging sequences: one per sentence, with gold labels from `gold_cues` (byte
    /// spans) when given.
    pub fn cue_sequences(
        &self,
        gold_cues: Option<&[Vec<Span>]>,
    ) -> Vec<((usize, usize), Sequence)> {
        let mut gold = vec![O as u8; self.view.toks.len()];
        if let Some(cues) = gold_cues {
            for cue in cues {
                for s in cue {
                    label_span(self.view, *s, &mut gold, 1, 2);
                }
            }
        }
        self.sentences
            .iter()
            .filter(|(a, b)| b > a)
            .map(|&(a, b)| {
                let feats = (a..b).map(|k| self.cue_features(k)).collect();
                let labels = gold[a..b].to_vec();
                (
                    (a, b),
                    Sequence {
                        feats,
                        gold: labels,
                    },
                )
            })
            .collect()
    }

    /// The syntactic head of a cue: its token whose head lies outside it.
    pub fn cue_head(&self, cue: (usize, usize)) -> usize {
        (cue.0..cue.1)
            .find(|&k| self.head(k).is_none_or(|h| h < cue.0 || h >= cue.1))
            .unwrap_or(cue.0)
    }

    /// The token window the role tagger labels for a cue.
    pub fn role_window(&self, cue: (usize, usize)) -> (usize, usize) {
        let n = self.view.toks.len();
        let para = self
            .paragraphs
            .get(self.para_of.get(cue.0).copied().unwrap_or(0))
            .copied()
            .unwrap_or((0, n));
        let mut a = para.0.max(cue.0.saturating_sub(ROLE_WINDOW));
        let mut b = para.1.min(cue.1 + ROLE_WINDOW).max(cue.1);
        if self.sentence_windows {
            // The cue's sentence and its neighbours, widened to whole quotations.
            let s = self.sent_of.get(cue.0).copied().unwrap_or(0);
            let first = self.sentences.get(s.saturating_sub(1)).map_or(a, |r| r.0);
            let last = self
                .sentences
                .get(s + 1)
                .or(self.sentences.get(s))
                .map_or(b, |r| r.1);
            let mut lo = first.max(a);
            let mut hi = last.min(b).max(cue.1);
            while lo > a
                && self.quote_id[lo] != usize::MAX
                && self.quote_id[lo - 1] == self.quote_id[lo]
            {
                lo -= 1;
            }
            while hi < b
                && hi > 0
                && self.quote_id[hi - 1] != usize::MAX
                && self.quote_id[hi] == self.quote_id[hi - 1]
            {
                hi += 1;
            }
            a = lo;
            b = hi;
        }
        (a, b)
    }

    /// The role-tagging sequence of one cue (its tokens: `cue` is a range of tokens), with gold
    /// labels from source and content byte spans when given.
    pub fn role_sequence(
        &self,
        cue: (usize, usize),
        gold: Option<(&[Span], &[Span])>,
    ) -> ((usize, usize), Sequence) {
        let window = self.role_window(cue);
        let head = self.cue_head(cue);
        let mut labels = vec![
            O as u8;
            if gold.is_some() {
                self.view.toks.len()
            } else {
                window.1
            }
        ];
        if let Some((source, content)) = gold {
            for s in content {
                label_span(self.view, *s, &mut labels, B_CONTENT as u8, I_CONTENT as u8);
            }
            for s in source {
                label_span(self.view, *s, &mut labels, B_SOURCE as u8, I_SOURCE as u8);
            }
            for l in labels.iter_mut().take(cue.1).skip(cue.0) {
                *l = O as u8;
            }
            // A run cut by the cue starts again after it.
            if cue.1 < labels.len() {
                match labels[cue.1] as usize {
                    I_SOURCE => labels[cue.1] = B_SOURCE as u8,
                    I_CONTENT => labels[cue.1] = B_CONTENT as u8,
                    _ => {}
                }
            }
            if let Some(first) = labels.get_mut(window.0) {
                match *first as usize {
                    I_SOURCE => *first = B_SOURCE as u8,
                    I_CONTENT => *first = B_CONTENT as u8,
                    _ => {}
                }
            }
        }
        let tops = self.tops(window, head);
        let feats = (window.0..window.1)
            .map(|k| self.role_features(k, cue, head, &tops))
            .collect();
        (
            window,
            Sequence {
                feats,
                gold: labels[window.0..window.1].to_vec(),
            },
        )
    }
}

/// For the tokens of a role window, the dependent of the cue head whose subtree holds each.
struct Tops {
    start: usize,
    of: Vec<Option<usize>>,
}

impl Tops {
    fn get(&self, ctx: &Context, k: usize, cue_head: usize) -> Option<usize> {
        match k.checked_sub(self.start).and_then(|i| self.of.get(i)) {
            Some(&top) => top,
            None => ctx.top_under(k, cue_head),
        }
    }
}

/// Labels the tokens inside `span` with `begin` then `inside`.
fn label_span(view: &TokenView, span: Span, labels: &mut [u8], begin: u8, inside: u8) {
    let a = view.first_from(span.start);
    let mut first = true;
    for (t, label) in view.toks.iter().zip(labels.iter_mut()).skip(a) {
        if t.start >= span.end {
            break;
        }
        *label = if first { begin } else { inside };
        first = false;
    }
}

/// The position of [`bucket`]'s answer among its nine buckets.
/// Which side of the cue token `k` is on, as an index into [`SIDES`].
fn side_of(k: usize, cue: (usize, usize)) -> usize {
    if k < cue.0 {
        0
    } else if k >= cue.1 {
        1
    } else {
        2
    }
}

fn bucket_index(d: usize) -> u32 {
    match d {
        0..=3 => d as u32,
        4..=5 => 4,
        6..=9 => 5,
        10..=19 => 6,
        20..=39 => 7,
        _ => 8,
    }
}

fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4-5",
        6..=9 => "6-9",
        10..=19 => "10-19",
        20..=39 => "20-39",
        _ => "40+",
    }
}

fn shape_of(t: &Tok) -> &'static str {
    let text_len = t.end - t.start;
    if !t.word {
        return "punct";
    }
    if t.cap {
        if text_len == 1 { "X" } else { "Xx" }
    } else if t.lower.chars().all(|c| c.is_ascii_digit()) {
        "d"
    } else if t.lower.chars().any(|c| c.is_ascii_digit()) {
        "xd"
    } else {
        "x"
    }
}

/// Runs of tokens labelled `begin`/`inside` in a decoded window.
fn runs(labels: &[usize], offset: usize, begin: usize, inside: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &y) in labels.iter().enumerate() {
        let k = offset + i;
        if y == begin || (y == inside && open.is_none()) {
            if let Some(s) = open.take() {
                out.push((s, k));
            }
            open = Some(k);
        } else if y != inside {
            if let Some(s) = open.take() {
                out.push((s, k));
            }
        }
    }
    if let Some(s) = open {
        out.push((s, offset + labels.len()));
    }
    out
}

impl AttributionModel {
    /// Cues of a document (token ranges).
    pub fn cues(&self, ctx: &Context) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let (mut feats, mut ends) = (Vec::new(), Vec::new());
        let mut scratch = (Scratch::default(), Vec::new(), Vec::new());
        let mut extra = Vec::new();
        for &(a, b) in ctx.sentences.iter().filter(|(a, b)| b > a) {
            feats.clear();
            ends.clear();
            for k in a..b {
                ctx.cue_features_into(k, &mut feats);
                ends.push(feats.len());
            }
            let labels = if self.cue_network_scores(ctx, (a, b), &mut scratch, &mut extra) {
                self.cue.decode_flat_with(&feats, &ends, &extra)
            } else {
                self.cue.decode_flat(&feats, &ends)
            };
            out.extend(runs(&labels, a, 1, 2));
        }
        // A reporting verb's participle heading a clause after a comma (", saying the
        // islanders deserved …", ", arguing that …") is a cue even where the tagger, reading
        // the parse's attachment, missed it (a few gold cues more on a held-out fifth of
        // train, none lost).
        let lexicon = Lexicon::global();
        let mut participles: Vec<(usize, usize)> = (0..ctx.view.toks.len())
            .filter(|&k| {
                ctx.starts_participle_clause(k)
                    && lexicon
                        .verb(&ctx.tok(k).lower)
                        .is_some_and(|c| c.participle)
                    && !out.iter().any(|&(s, e)| s <= k && k < e)
                    && ctx.children[k]
                        .iter()
                        .any(|&c| matches!(ctx.tok(c).dep.as_str(), "ccomp" | "parataxis"))
            })
            .map(|k| (k, k + 1))
            .collect();
        if !participles.is_empty() {
            out.append(&mut participles);
            out.sort_unstable();
        }
        out
    }

    /// The role network's weighted log-probabilities for the tokens of a role window; None
    /// without a network, a weight or the document's vectors.
    ///
    /// The same sums as [`Network::log_probs`] over [`Context::role_network_input`], arranged
    /// for speed: the first layer's products with a token's own and neighbour vectors do not
    /// depend on the cue, so each token's are computed once per document (in the context's
    /// cache) and shared by every window holding it; the cue head's term is computed once per
    /// window; only the token-by-cue-head product is computed per token and window.
    fn role_network_scores(
        &self,
        ctx: &Context,
        cue: (usize, usize),
        window: (usize, usize),
        cue_head: usize,
    ) -> Option<Vec<f32>> {
        let net = self.role_network.as_ref()?;
        let width = ctx.vector_width;
        if self.role_network_weight == 0.0 || !ctx.has_vectors() || net.labels != ROLE_LABELS {
            return None;
        }
        if net.dense == 2 * width && net.sparse == COMPACT_ROLE_NETWORK_SPARSE {
            return Some(self.compact_role_network_scores(net, ctx, cue, window, cue_head));
        }
        if net.dense != Context::role_network_dense_width(width) {
            return None;
        }
        let hidden = net.hidden;
        // Dense input blocks: token, cue head, product, k-1, k+1, k-2, k+2.
        let block = |slot: usize| slot * width..(slot + 1) * width;
        let head_vector = ctx.row_vector(cue_head);
        let mut head_term = net.b1.clone();
        let mut product_weights = vec![0.0f32; hidden * width];
        if let Some(v) = head_vector {
            for j in 0..hidden {
                head_term[j] += dot(net.input_weights(j, block(1)), v);
                for ((p, w), x) in product_weights[j * width..(j + 1) * width]
                    .iter_mut()
                    .zip(net.input_weights(j, block(2)))
                    .zip(v)
                {
                    *p = w * x;
                }
            }
        }
        let mut cache = ctx.role_projections.borrow_mut();
        let per_token = ROLE_PROJECTIONS * hidden;
        if cache.values.len() != ctx.view.toks.len() * per_token {
            cache.values = vec![0.0; ctx.view.toks.len() * per_token];
            cache.done = vec![false; ctx.view.toks.len()];
        }
        for t in window.0..window.1 {
            if cache.done[t] {
                continue;
            }
            cache.done[t] = true;
            let Some(v) = ctx.row_vector(t) else {
                continue;
            };
            let out = &mut cache.values[t * per_token..(t + 1) * per_token];
            for (p, &(_, slot)) in ROLE_PROJECTION_SLOTS.iter().enumerate() {
                for j in 0..hidden {
                    out[p * hidden + j] = dot(net.input_weights(j, block(slot)), v);
                }
            }
        }
        let mut extra = Vec::with_capacity((window.1 - window.0) * ROLE_LABELS);
        let mut pre = vec![0.0f32; hidden];
        let mut log_probs = [0.0f32; ROLE_LABELS];
        for k in window.0..window.1 {
            pre.copy_from_slice(&head_term);
            if let (Some(v), Some(_)) = (ctx.row_vector(k), head_vector) {
                for (j, p) in pre.iter_mut().enumerate() {
                    *p += dot(&product_weights[j * width..(j + 1) * width], v);
                }
            }
            for (p, &(offset, _)) in ROLE_PROJECTION_SLOTS.iter().enumerate() {
                let Some(source) = k
                    .checked_add_signed(offset)
                    .filter(|&t| window.0 <= t && t < window.1)
                else {
                    continue;
                };
                let projected = &cache.values[source * per_token + p * hidden..][..hidden];
                for (x, y) in pre.iter_mut().zip(projected) {
                    *x += y;
                }
            }
            let ids = ctx.role_network_ids(k, cue, cue_head);
            net.log_probs_from(&mut pre, &ids, &mut log_probs);
            extra.extend(log_probs.iter().map(|p| p * self.role_network_weight));
        }
        Some(extra)
    }

    /// [`AttributionModel::role_network_scores`] for the compact role network, arranged so
    /// that each sum is made where it stops changing: a token's first-layer products and the
    /// embeddings of its own features (quotation state, tag, dependency label) once per
    /// document, the cue head's products and the cue lemma's embedding once per window, and
    /// only the features of the token's relation to the cue per token and window. The scores
    /// are the network's label scores before the softmax: they differ from its
    /// log-probabilities by one constant per token, which moves every label sequence's score
    /// alike and so none of Viterbi's choices.
    fn compact_role_network_scores(
        &self,
        net: &Network,
        ctx: &Context,
        cue: (usize, usize),
        window: (usize, usize),
        cue_head: usize,
    ) -> Vec<f32> {
        let (width, hidden) = (ctx.vector_width, net.hidden);
        let cue_lemma = hash(&["cl", &ctx.tok(cue_head).lemma]) % 256;
        let mut head_term = net.b1.clone();
        if let Some(v) = ctx.row_vector(cue_head) {
            for (j, h) in head_term.iter_mut().enumerate() {
                *h += dot(net.input_weights(j, width..2 * width), v);
            }
        }
        let mut cache = ctx.role_projections.borrow_mut();
        if cache.values.len() != ctx.view.toks.len() * hidden {
            cache.values = vec![0.0; ctx.view.toks.len() * hidden];
            cache.done = vec![false; ctx.view.toks.len()];
            cache.tag_and_dep = vec![[0, 0]; ctx.view.toks.len()];
            // Every token's products at once: one matrix product (vectorised for the machine
            // it runs on) costs less than a dot product per token and unit, even counting the
            // tokens no role window reaches.
            let rows = ctx.vectors.len() / width;
            let token_weights: Vec<f32> = (0..hidden)
                .flat_map(|j| net.input_weights(j, 0..width))
                .copied()
                .collect();
            cache.document_products = vec![0.0; rows * hidden];
            if token_weights.len() == hidden * width {
                newsfacts_nlp::linalg::affine(
                    &ctx.vectors[..rows * width],
                    &token_weights,
                    &vec![0.0; hidden],
                    rows,
                    width,
                    hidden,
                    &mut cache.document_products,
                );
            }
        }
        let cache = &mut *cache;
        let mut extra = Vec::with_capacity((window.1 - window.0) * ROLE_LABELS);
        let mut pre = vec![0.0f32; hidden];
        let mut scores = [0.0f32; ROLE_LABELS];
        let mut first = true;
        for k in window.0..window.1 {
            let fresh = !cache.done[k];
            if fresh {
                cache.done[k] = true;
                let t = ctx.tok(k);
                cache.tag_and_dep[k] = [hash(&["t", &t.tag]) % 64, hash(&["d", &t.dep]) % 64];
            }
            let ids = ctx.compact_role_network_ids_with(
                k,
                cue,
                cue_head,
                cache.tag_and_dep[k],
                cue_lemma,
            );
            if first {
                first = false;
                net.add_embeddings(&COMPACT_CUE_IDS.map(|i| ids[i]), &mut head_term);
            }
            let projected = &mut cache.values[k * hidden..(k + 1) * hidden];
            if fresh {
                let products = ctx
                    .vector_row
                    .get(k)
                    .filter(|&&row| row != u32::MAX)
                    .and_then(|&row| {
                        let start = row as usize * hidden;
                        cache.document_products.get(start..start + hidden)
                    });
                if let Some(products) = products {
                    projected.copy_from_slice(products);
                }
                net.add_embeddings(&COMPACT_TOKEN_IDS.map(|i| ids[i]), projected);
            }
            for ((p, h), c) in pre.iter_mut().zip(&head_term).zip(projected.iter()) {
                *p = h + c;
            }
            net.add_embeddings(&COMPACT_PAIR_IDS.map(|i| ids[i]), &mut pre);
            net.scores_from(&mut pre, &mut scores);
            extra.extend(scores.iter().map(|p| p * self.role_network_weight));
        }
        extra
    }

    /// The recurrent role network's weighted log-probabilities for the tokens of a role window
    /// (`ROLE_LABELS` a token); None without a network, a weight or the document's vectors.
    /// Each token's input is the compact role network's
    /// ([`Context::compact_role_network_input`]); its projection layer's sums are made where
    /// they stop changing — every token's vector products and own features once per document
    /// (one matrix product), the cue head's once per window, the token's relation to the cue
    /// per token and window.
    fn role_recurrent_scores(
        &self,
        ctx: &Context,
        cue: (usize, usize),
        window: (usize, usize),
        cue_head: usize,
    ) -> Option<Vec<f32>> {
        let net = self.role_recurrent.as_ref()?;
        let width = ctx.vector_width;
        if self.role_recurrent_weight == 0.0
            || !ctx.has_vectors()
            || net.sizes.labels != ROLE_LABELS
            || net.sizes.dense != 2 * width
        {
            return None;
        }
        let p = net.sizes.projection;
        let n = ctx.view.toks.len();
        let mut cache = ctx.recurrent_projections.borrow_mut();
        let cache = &mut *cache;
        if cache.token_terms.len() != n * p {
            let rows = ctx.vectors.len() / width;
            let mut products = vec![0.0f32; rows * p];
            newsfacts_nlp::linalg::affine(
                &ctx.vectors[..rows * width],
                &net.input_weights(0..width),
                &vec![0.0; p],
                rows,
                width,
                p,
                &mut products,
            );
            cache.token_terms = vec![0.0; n * p];
            cache.head_weights = net.input_weights(width..2 * width);
            cache.tag_and_dep = Vec::with_capacity(n);
            for k in 0..n {
                let t = ctx.tok(k);
                let tag_and_dep = [hash(&["t", &t.tag]) % 64, hash(&["d", &t.dep]) % 64];
                cache.tag_and_dep.push(tag_and_dep);
                let term = &mut cache.token_terms[k * p..(k + 1) * p];
                if let Some(&row) = ctx.vector_row.get(k).filter(|&&row| row != u32::MAX) {
                    term.copy_from_slice(&products[row as usize * p..(row as usize + 1) * p]);
                }
                let ids = ctx.compact_role_network_ids_with(k, (0, 0), 0, tag_and_dep, 0);
                net.add_embeddings(&COMPACT_TOKEN_IDS.map(|i| ids[i]), term);
            }
        }
        let cue_lemma = hash(&["cl", &ctx.tok(cue_head).lemma]) % 256;
        let mut head_term = net.input_bias().to_vec();
        if let Some(v) = ctx.row_vector(cue_head) {
            for (h, weights) in head_term
                .iter_mut()
                .zip(cache.head_weights.chunks_exact(width))
            {
                *h += dot(weights, v);
            }
        }
        cache.window.clear();
        for k in window.0..window.1 {
            let ids = ctx.compact_role_network_ids_with(
                k,
                cue,
                cue_head,
                cache.tag_and_dep[k],
                cue_lemma,
            );
            if k == window.0 {
                net.add_embeddings(&COMPACT_CUE_IDS.map(|i| ids[i]), &mut head_term);
            }
            let start = cache.window.len();
            cache.window.extend(
                head_term
                    .iter()
                    .zip(&cache.token_terms[k * p..(k + 1) * p])
                    .map(|(h, t)| h + t),
            );
            net.add_embeddings(
                &COMPACT_PAIR_IDS.map(|i| ids[i]),
                &mut cache.window[start..],
            );
        }
        net.forward_from_projections(&cache.window, &mut cache.tape);
        Some(
            cache
                .tape
                .log_probs()
                .iter()
                .map(|p| p * self.role_recurrent_weight)
                .collect(),
        )
    }

    /// The paragraph role network's weighted label scores for the tokens of a role window
    /// (`ROLE_LABELS` a token; before the softmax, as [`AttributionModel::compact_role_network_scores`]'s);
    /// None without a network, a weight or the document's vectors. Each sum is made where it
    /// stops changing: once per paragraph (the first time a window in it asks) its tokens'
    /// vector products, by one matrix product for the encoder and one for the head (only
    /// paragraphs with a cue pay for them), the GRUs, and each token's own part of the head's
    /// input — its vector's and states' products, its own features' embeddings; the cue
    /// head's part once per window; only the token's relation to the cue per token and
    /// window.
    fn role_paragraph_scores(
        &self,
        ctx: &Context,
        cue: (usize, usize),
        window: (usize, usize),
        cue_head: usize,
    ) -> Option<Vec<f32>> {
        let net = self.role_paragraph.as_ref()?;
        let width = ctx.vector_width;
        if self.role_paragraph_weight == 0.0
            || !ctx.has_vectors()
            || net.head.labels != ROLE_LABELS
            || net.vector_width() != width
            || window.0 >= window.1
        {
            return None;
        }
        let (p, c, sw) = (
            net.encoder.sizes.projection,
            net.head.hidden,
            net.state_width(),
        );
        let n = ctx.view.toks.len();
        let mut cache = ctx.paragraph_states.borrow_mut();
        let cache = &mut *cache;
        let weights = net.scoring_weights();
        if cache.done.len() != n {
            cache.done = vec![false; n];
            cache.states = vec![0.0; n * sw];
            cache.token_terms = vec![0.0; n * c];
            cache.tag_and_dep = vec![[0, 0]; n];
        }
        let paragraph = ctx.paragraph_range(window.0);
        let (first, end) = (paragraph.0, paragraph.1.min(n));
        if first < end && !cache.done[first] {
            // The paragraph's tokens' vectors are one run of the document's rows (blank
            // tokens between them included): their products by one matrix product, for the
            // encoder and the head at once.
            let rows = (first..end)
                .map(|k| ctx.vector_row_of(k))
                .filter(|&row| row != u32::MAX)
                .map(|row| row as usize);
            let (low, high) = (rows.clone().min().unwrap_or(0), rows.max().unwrap_or(0));
            let block = ctx
                .vectors
                .get(low * width..(high + 1) * width)
                .unwrap_or(&[]);
            let block_rows = block.len() / width;
            let q = p + c;
            cache.vector_products.clear();
            cache.vector_products.resize(block_rows * q, 0.0);
            affine_transposed(
                block,
                &weights.vector_weights,
                &weights.vector_bias,
                block_rows,
                &mut cache.vector_products,
            );
            // Where token k's products start, if it has a vector.
            let product_row = |k: usize| -> Option<usize> {
                let row = ctx.vector_row_of(k);
                let start = (row as usize).checked_sub(low)?.checked_mul(q)?;
                (row != u32::MAX && start + q <= cache.vector_products.len()).then_some(start)
            };
            // The encoder's inputs go straight into its tape.
            let pre_activations = cache.tape.projection_inputs();
            pre_activations.clear();
            cache.own_ids.clear();
            for k in first..end {
                // Tag and dependency hashed once per token, for the windows' features too.
                let t = ctx.tok(k);
                cache.tag_and_dep[k] = [hash(&["t", &t.tag]) % 64, hash(&["d", &t.dep]) % 64];
                let ids = ctx.compact_role_network_ids_with(k, (0, 0), 0, cache.tag_and_dep[k], 0);
                cache.own_ids.push(COMPACT_TOKEN_IDS.map(|i| ids[i]));
                let at = pre_activations.len();
                match product_row(k) {
                    Some(start) => {
                        pre_activations.extend_from_slice(&cache.vector_products[start..start + p])
                    }
                    None => pre_activations.extend_from_slice(net.encoder.input_bias()),
                }
                let row = &mut pre_activations[at..];
                net.encoder.add_embeddings(&cache.own_ids[k - first], row);
            }
            net.encoder.forward_from_tape_projections(&mut cache.tape);
            for k in first..end {
                net.encoder.token_states(
                    &cache.tape,
                    k - first,
                    &mut cache.states[k * sw..(k + 1) * sw],
                );
            }
            let tokens = end - first;
            cache.state_products.clear();
            cache.state_products.resize(tokens * c, 0.0);
            affine_transposed(
                &cache.states[first * sw..end * sw],
                &weights.token_state_weights,
                &weights.zero_bias,
                tokens,
                &mut cache.state_products,
            );
            for k in first..end {
                let term = &mut cache.token_terms[k * c..(k + 1) * c];
                term.copy_from_slice(&cache.state_products[(k - first) * c..(k - first + 1) * c]);
                if let Some(start) = product_row(k) {
                    let products = &cache.vector_products[start + p..start + q];
                    for (x, y) in term.iter_mut().zip(products) {
                        *x += y;
                    }
                }
                net.head.add_embeddings(&cache.own_ids[k - first], term);
                cache.done[k] = true;
            }
        }
        let cue_lemma = hash(&["cl", &ctx.tok(cue_head).lemma]) % 256;
        let mut head_term = net.head.b1.clone();
        let head_vector = ctx.row_vector(cue_head);
        // A cue head outside the window's paragraph (a broken parse) has no states here, as
        // in training.
        let head_states = (first..end)
            .contains(&cue_head)
            .then(|| cache.states.get(cue_head * sw..(cue_head + 1) * sw))
            .flatten();
        for (j, h) in head_term.iter_mut().enumerate() {
            if let Some(v) = head_vector {
                *h += dot(net.head.input_weights(j, width..2 * width), v);
            }
            if let Some(s) = head_states {
                *h += dot(&weights.head_state_weights[j * sw..(j + 1) * sw], s);
            }
        }
        let mut extra = Vec::with_capacity((window.1 - window.0) * ROLE_LABELS);
        let mut pre = vec![0.0f32; c];
        let mut scores = [0.0f32; ROLE_LABELS];
        for k in window.0..window.1 {
            let ids = ctx.compact_role_network_ids_with(
                k,
                cue,
                cue_head,
                cache.tag_and_dep[k],
                cue_lemma,
            );
            if k == window.0 {
                net.head
                    .add_embeddings(&COMPACT_CUE_IDS.map(|i| ids[i]), &mut head_term);
            }
            for ((x, h), t) in pre
                .iter_mut()
                .zip(&head_term)
                .zip(&cache.token_terms[k * c..(k + 1) * c])
            {
                *x = h + t;
            }
            net.head
                .add_embeddings(&COMPACT_PAIR_IDS.map(|i| ids[i]), &mut pre);
            net.head.scores_from(&mut pre, &mut scores);
            extra.extend(scores.iter().map(|s| s * self.role_paragraph_weight));
        }
        Some(extra)
    }

    /// The cue network's weighted log-probabilities for the tokens of `sentence` into `extra`;
    /// false (nothing to add) without a network, a weight or the document's vectors.
    fn cue_network_scores(
        &self,
        ctx: &Context,
        sentence: (usize, usize),
        scratch: &mut (Scratch, Vec<f32>, Vec<u32>),
        extra: &mut Vec<f32>,
    ) -> bool {
        let Some(net) = self.cue_network.as_ref() else {
            return false;
        };
        if self.network_weight == 0.0
            || !ctx.has_vectors()
            || net.labels != CUE_LABELS
            || net.dense != Context::cue_network_dense_width(ctx.vector_width)
        {
            return false;
        }
        let (scratch, dense, sparse) = scratch;
        extra.clear();
        let mut log_probs = [0.0f32; CUE_LABELS];
        for k in sentence.0..sentence.1 {
            dense.clear();
            sparse.clear();
            ctx.cue_network_input(k, sentence, dense, sparse);
            net.log_probs(dense, sparse, scratch, &mut log_probs);
            extra.extend(log_probs.iter().map(|p| p * self.network_weight));
        }
        true
    }

    /// Source and content of one cue, as if it were the document's only cue.
    pub fn roles(&self, ctx: &Context, cue: (usize, usize)) -> Predicted {
        self.roles_among(ctx, cue, &[])
    }

    /// What the role tagger reads for one cue among `cues`: its window, each token's hashed
    /// features (`ends` closes each token's run in `feats`), and the extra emission scores —
    /// the role network's, with content forbidden past another cue.
    fn role_inputs(
        &self,
        ctx: &Context,
        cue: (usize, usize),
        cues: &[(usize, usize)],
    ) -> RoleInputs {
        let (a, b) = ctx.role_window(cue);
        let head = ctx.cue_head(cue);
        let tops = ctx.tops((a, b), head);
        let mut feats = Vec::with_capacity((b - a) * 48);
        let mut ends = Vec::with_capacity(b - a);
        for k in a..b {
            let own = ctx.side_features_cached(k, side_of(k, cue));
            ctx.role_features_into(k, cue, head, &tops, &own, &mut feats);
            ends.push(feats.len());
        }
        let mut extra = self
            .role_network_scores(ctx, cue, (a, b), head)
            .unwrap_or_else(|| vec![0.0; (b - a) * ROLE_LABELS]);
        if let Some(recurrent) = self.role_recurrent_scores(ctx, cue, (a, b), head) {
            for (e, r) in extra.iter_mut().zip(recurrent) {
                *e += r;
            }
        }
        if let Some(paragraph) = self.role_paragraph_scores(ctx, cue, (a, b), head) {
            for (e, r) in extra.iter_mut().zip(paragraph) {
                *e += r;
            }
        }
        ctx.forbid_content(cue, (a, b), cues, &mut extra);
        RoleInputs {
            window: (a, b),
            feats,
            ends,
            extra,
        }
    }

    /// Source and content of one cue among the document's `cues` (which may hold it): its
    /// content never reaches another cue (see [`Context::forbid_content`]).
    pub fn roles_among(
        &self,
        ctx: &Context,
        cue: (usize, usize),
        cues: &[(usize, usize)],
    ) -> Predicted {
        let RoleInputs {
            window: (a, _),
            feats,
            ends,
            extra,
        } = self.role_inputs(ctx, cue, cues);
        let labels = self.role.decode_flat_with(&feats, &ends, &extra);
        Predicted {
            cue: vec![cue],
            source: runs(&labels, a, B_SOURCE, I_SOURCE),
            content: runs(&labels, a, B_CONTENT, I_CONTENT),
        }
    }

    /// For error analysis: each token's content score less its outside score, as the role
    /// tagger's Viterbi pass for `cue` among `cues` reads them (emissions, network included;
    /// the larger of B and I), over the cue's role window, which is returned with them.
    pub fn content_margins(
        &self,
        ctx: &Context,
        cue: (usize, usize),
        cues: &[(usize, usize)],
    ) -> ((usize, usize), Vec<f32>) {
        let RoleInputs {
            window: (a, b),
            feats,
            ends,
            extra,
        } = self.role_inputs(ctx, cue, cues);
        let scores = self.role.emission_scores_flat(&feats, &ends, &extra);
        let margins = scores
            .chunks_exact(ROLE_LABELS)
            .map(|s| s[B_CONTENT].max(s[I_CONTENT]) - s[O])
            .collect();
        ((a, b), margins)
    }

    /// All attributions the model finds: each cue with its source and content; cues with no
    /// content are dropped.
    pub fn predict(&self, ctx: &Context) -> Vec<Predicted> {
        let cues = self.cues(ctx);
        cues.iter()
            .map(|&cue| self.roles_among(ctx, cue, &cues))
            .filter(|p| !p.content.is_empty())
            .collect()
    }
}

/// The rows of a network's embedding table that one token's categorical features select: each
/// feature owns a block of rows, the blocks one after another.
struct EmbeddingRows<const N: usize> {
    ids: [u32; N],
    offset: u32,
    count: usize,
}

impl<const N: usize> EmbeddingRows<N> {
    fn new() -> Self {
        EmbeddingRows {
            ids: [0; N],
            offset: 0,
            count: 0,
        }
    }

    /// The next feature: `value` (clamped into its block) in a block of `size` rows.
    fn push(&mut self, value: u32, size: u32) {
        if let Some(id) = self.ids.get_mut(self.count) {
            *id = self.offset + value.min(size - 1);
        }
        self.count += 1;
        self.offset += size;
    }

    /// The rows; the blocks must fill the table's `table_rows` rows with `N` features.
    fn finish(self, table_rows: usize) -> [u32; N] {
        debug_assert_eq!(self.offset as usize, table_rows);
        debug_assert_eq!(self.count, N);
        self.ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_labels_only_continue_their_own_run() {
        assert!(allowed(ROLE_LABELS, Some(B_SOURCE), I_SOURCE));
        assert!(!allowed(ROLE_LABELS, Some(B_CONTENT), I_SOURCE));
        assert!(!allowed(ROLE_LABELS, None, I_CONTENT));
        assert!(allowed(CUE_LABELS, Some(1), 2));
        assert!(!allowed(CUE_LABELS, Some(0), 2));
    }

    #[test]
    fn runs_split_at_begin_labels() {
        let labels = [0, 3, 4, 0, 3, 3, 4, 1];
        assert_eq!(
            runs(&labels, 10, B_CONTENT, I_CONTENT),
            vec![(11, 13), (14, 15), (15, 17)]
        );
        assert_eq!(runs(&labels, 10, B_SOURCE, I_SOURCE), vec![(17, 18)]);
    }

    /// "Smith said taxes will rise ." with a parse and 4-float vectors made by `value` from
    /// each float's index.
    fn smith_said_taxes_will_rise(value: impl Fn(usize) -> f32) -> Document {
        let text = "Smith said taxes will rise .";
        let words = [
            (0, 5, "NNP", "smith", 1, "nsubj"),
            (6, 10, "VBD", "say", 1, "ROOT"),
            (11, 16, "NNS", "tax", 4, "nsubj"),
            (17, 21, "MD", "will", 4, "aux"),
            (22, 26, "VB", "rise", 1, "ccomp"),
            (27, 28, ".", ".", 1, "punct"),
        ];
        Document {
            token_vectors: newsfacts_doc::TokenVectors {
                width: 4,
                values: (0..24).map(value).collect(),
            },
            ..parsed(text, &words)
        }
    }

    #[test]
    fn the_fast_role_network_scores_are_those_of_the_network_over_the_whole_input() {
        let doc = smith_said_taxes_will_rise(|i| ((i * 7 % 11) as f32 - 5.0) / 5.0);
        let view = TokenView::of(&doc);
        let ctx = Context::new(&doc, &view);
        assert!(ctx.has_vectors());
        let mut model =
            AttributionModel::new(Tagger::new(CUE_LABELS, 8), Tagger::new(ROLE_LABELS, 8));
        model.role_network = Some(Network::new(
            Context::role_network_dense_width(4),
            ROLE_NETWORK_SPARSE,
            8,
            ROLE_LABELS,
            5,
        ));
        model.role_network_weight = 2.0;
        let cue = (1, 2);
        let head = ctx.cue_head(cue);
        let window = ctx.role_window(cue);
        let Some(fast) = model.role_network_scores(&ctx, cue, window, head) else {
            panic!("the model has a role network and the document vectors");
        };
        // Twice, so the second reads the cached products.
        let again = model
            .role_network_scores(&ctx, cue, window, head)
            .unwrap_or_default();
        let Some(net) = &model.role_network else {
            return;
        };
        let mut slow = Vec::new();
        let mut out = [0.0f32; ROLE_LABELS];
        for k in window.0..window.1 {
            let (mut dense, mut sparse) = (Vec::new(), Vec::new());
            ctx.role_network_input(k, cue, window, head, &mut dense, &mut sparse);
            net.log_probs(&dense, &sparse, &mut Scratch::default(), &mut out);
            slow.extend(out.iter().map(|p| p * 2.0));
        }
        assert_eq!(fast.len(), slow.len());
        for (a, b) in fast.iter().zip(&slow).chain(again.iter().zip(&slow)) {
            assert!((a - b).abs() < 1e-4, "{fast:?}\n{slow:?}");
        }

        // The compact network, on a fresh context (its cache holds other products).
        let ctx = Context::new(&doc, &view);
        let compact = Network::new(8, COMPACT_ROLE_NETWORK_SPARSE, 8, ROLE_LABELS, 9);
        model.role_network = Some(compact.clone());
        let fast = model
            .role_network_scores(&ctx, cue, window, head)
            .unwrap_or_default();
        let mut slow = Vec::new();
        for k in window.0..window.1 {
            let (mut dense, mut sparse) = (Vec::new(), Vec::new());
            ctx.compact_role_network_input(k, cue, head, &mut dense, &mut sparse);
            compact.log_probs(&dense, &sparse, &mut Scratch::default(), &mut out);
            slow.extend(out.iter().map(|p| p * 2.0));
        }
        // The compact scores skip the softmax: per token they are the log-probabilities
        // plus one constant, so their differences between labels are the same.
        assert_eq!(fast.len(), slow.len());
        for (a, b) in fast
            .chunks_exact(ROLE_LABELS)
            .zip(slow.chunks_exact(ROLE_LABELS))
        {
            for y in 1..ROLE_LABELS {
                let (da, db) = (a[y] - a[0], b[y] - b[0]);
                assert!((da - db).abs() < 1e-4, "{fast:?}\n{slow:?}");
            }
        }
        // A second cue in the same document reuses the cached token sums.
        let other = (4, 5);
        let other_head = ctx.cue_head(other);
        let other_window = ctx.role_window(other);
        let cached = model
            .role_network_scores(&ctx, other, other_window, other_head)
            .unwrap_or_default();
        let fresh = model
            .role_network_scores(&Context::new(&doc, &view), other, other_window, other_head)
            .unwrap_or_default();
        assert_eq!(cached, fresh);
    }

    #[test]
    fn the_fast_recurrent_scores_are_those_of_the_network_over_the_whole_input() {
        let doc = smith_said_taxes_will_rise(|i| ((i * 5 % 13) as f32 - 6.0) / 6.0);
        let view = TokenView::of(&doc);
        let ctx = Context::new(&doc, &view);
        let mut model =
            AttributionModel::new(Tagger::new(CUE_LABELS, 8), Tagger::new(ROLE_LABELS, 8));
        let net = Recurrent::new(
            super::super::recurrent::Sizes {
                dense: 8,
                sparse: COMPACT_ROLE_NETWORK_SPARSE,
                projection: 6,
                hidden: 5,
                labels: ROLE_LABELS,
            },
            3,
        );
        model.role_recurrent = Some(net.clone());
        model.role_recurrent_weight = 3.0;
        for cue in [(1, 2), (4, 5)] {
            let head = ctx.cue_head(cue);
            let window = ctx.role_window(cue);
            let fast = model
                .role_recurrent_scores(&ctx, cue, window, head)
                .unwrap_or_default();
            let (mut dense, mut ids) = (Vec::new(), Vec::new());
            for k in window.0..window.1 {
                ctx.compact_role_network_input(k, cue, head, &mut dense, &mut ids);
            }
            let input = super::super::recurrent::SequenceInput {
                dense: &dense,
                ids: &ids,
                ids_per_token: COMPACT_ROLE_NETWORK_IDS,
            };
            let slow = net.log_probs(input, window.1 - window.0, &mut Tape::default());
            assert_eq!(fast.len(), slow.len());
            for (a, b) in fast.iter().zip(&slow) {
                assert!((a - 3.0 * b).abs() < 1e-4, "{fast:?}\n{slow:?}");
            }
        }
    }

    /// A parsed document from (start, end, tag, lemma, head, dependency) per token.
    fn parsed(text: &str, words: &[(usize, usize, &str, &str, usize, &str)]) -> Document {
        Document {
            text: text.into(),
            tokens: words
                .iter()
                .map(
                    |&(start, end, tag, lemma, head, dep)| newsfacts_doc::Token {
                        start,
                        end,
                        tag: tag.into(),
                        lemma: lemma.into(),
                        head,
                        dep: dep.into(),
                        ..newsfacts_doc::Token::default()
                    },
                )
                .collect(),
            ..Document::default()
        }
    }

    /// The window tokens whose content labels `forbid_content` rules out.
    fn forbidden(ctx: &Context, cue: (usize, usize), cues: &[(usize, usize)]) -> Vec<usize> {
        let window = ctx.role_window(cue);
        let mut extra = vec![0.0; (window.1 - window.0) * ROLE_LABELS];
        ctx.forbid_content(cue, window, cues, &mut extra);
        (window.0..window.1)
            .filter(|&k| extra[(k - window.0) * ROLE_LABELS + B_CONTENT] == f32::NEG_INFINITY)
            .collect()
    }

    /// "Brandt added he left , saying taxes rose .", parsed as the English model parses the
    /// bundled example's sentence: "saying" hangs inside the reported clause.
    fn brandt_added_he_left_saying() -> Document {
        parsed(
            "Brandt added he left , saying taxes rose .",
            &[
                (0, 6, "NNP", "brandt", 1, "nsubj"),
                (7, 12, "VBD", "add", 1, "ROOT"),
                (13, 15, "PRP", "he", 3, "nsubj"),
                (16, 20, "VBD", "leave", 1, "ccomp"),
                (21, 22, ",", ",", 3, "punct"),
                (23, 29, "VBG", "say", 3, "advcl"),
                (30, 35, "NNS", "tax", 7, "nsubj"),
                (36, 40, "VBD", "rise", 5, "ccomp"),
                (41, 42, ".", ".", 1, "punct"),
            ],
        )
    }

    #[test]
    fn a_participle_after_a_comma_starts_its_own_attribution() {
        // The parser hangs "saying" inside the reported clause, as it does in the bundled
        // example; the participle still bounds the first cue's content.
        let doc = brandt_added_he_left_saying();
        let view = TokenView::of(&doc);
        let ctx = Context::new(&doc, &view);
        let (added, saying, left) = ((1, 2), (5, 6), (3, 4));
        assert_eq!(forbidden(&ctx, added, &[added, saying]), vec![5, 6, 7, 8]);
        assert_eq!(forbidden(&ctx, saying, &[added, saying]), vec![0, 1]);
        // A cue inside the reported clause is a nested attribution: no bound.
        assert!(forbidden(&ctx, added, &[added, left]).is_empty());
        assert!(forbidden(&ctx, added, &[added]).is_empty());
    }

    #[test]
    fn role_windows_sharing_tokens_read_each_tokens_features_for_its_own_side() {
        // "he left ," is right of "added" and left of "saying": the two windows share those
        // tokens on different sides, and "added" is read again after "saying".
        let doc = brandt_added_he_left_saying();
        let view = TokenView::of(&doc);
        let ctx = Context::new(&doc, &view);
        for cue in [(1, 2), (5, 6), (1, 2)] {
            let (window, sequence) = ctx.role_sequence(cue, None);
            let head = ctx.cue_head(cue);
            let tops = ctx.tops(window, head);
            for (k, expected) in (window.0..window.1).zip(&sequence.feats) {
                let own = ctx.side_features_cached(k, side_of(k, cue));
                let mut feats = Vec::new();
                ctx.role_features_into(k, cue, head, &tops, &own, &mut feats);
                assert_eq!(&feats, expected, "token {k}, cue {cue:?}");
            }
        }
    }

    #[test]
    fn a_model_survives_writing_and_reading() {
        let mut model =
            AttributionModel::new(Tagger::new(CUE_LABELS, 8), Tagger::new(ROLE_LABELS, 8));
        model.cue.weights[5] = 1.5;
        model.role.weights[700] = -0.25;
        model.role.transitions[3] = 0.5;
        let read = AttributionModel::from_bytes(&model.to_bytes(0.0)).expect("reads back");
        assert!((read.cue.weights[5] - 1.5).abs() < 1e-3);
        assert!((read.role.weights[700] + 0.25).abs() < 1e-3);
        assert_eq!(read.role.transitions[3], 0.5);
        assert!(AttributionModel::from_bytes(b"junk").is_err());
        assert!(AttributionModel::from_bytes(&model.to_bytes(0.0)[..20]).is_err());
        assert!(read.role_network.is_none() && !read.reads_vectors());

        // With a role network (NFQM2): the network and its weight come back; a cut or padded
        // file is refused.
        model.role_network = Some(Network::new(
            8,
            COMPACT_ROLE_NETWORK_SPARSE,
            4,
            ROLE_LABELS,
            3,
        ));
        model.role_network_weight = 64.0;
        let bytes = model.to_bytes(0.0);
        let read = AttributionModel::from_bytes(&bytes).expect("reads back with a network");
        assert_eq!(read.role_network, model.role_network);
        assert_eq!(read.role_network_weight, 64.0);
        assert!(read.reads_vectors());
        assert!(AttributionModel::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        let mut padded = bytes.clone();
        padded.push(0);
        assert!(AttributionModel::from_bytes(&padded).is_err());

        // With a recurrent role network too (NFQM3), and with it alone.
        model.role_recurrent = Some(Recurrent::new(
            super::super::recurrent::Sizes {
                dense: 8,
                sparse: COMPACT_ROLE_NETWORK_SPARSE,
                projection: 4,
                hidden: 3,
                labels: ROLE_LABELS,
            },
            5,
        ));
        model.role_recurrent_weight = 128.0;
        for with_role_network in [true, false] {
            if !with_role_network {
                model.role_network = None;
            }
            let bytes = model.to_bytes(0.0);
            let read = AttributionModel::from_bytes(&bytes).expect("reads back with both");
            assert_eq!(read.role_network, model.role_network);
            assert_eq!(read.role_recurrent, model.role_recurrent);
            assert_eq!(read.role_recurrent_weight, 128.0);
            assert!(read.reads_vectors());
            assert!(AttributionModel::from_bytes(&bytes[..bytes.len() - 3]).is_err());
            let mut padded = bytes.clone();
            padded.push(0);
            assert!(AttributionModel::from_bytes(&padded).is_err());
        }

        // With a paragraph role network (NFQM4): beside the others, and alone.
        model.role_paragraph = Some(ParagraphRoleNetwork::new(
            4,
            COMPACT_ROLE_NETWORK_SPARSE,
            4,
            3,
            5,
            COMPACT_ROLE_NETWORK_SPARSE,
            ROLE_LABELS,
            7,
        ));
        model.role_paragraph_weight = 32.0;
        for alone in [false, true] {
            if alone {
                model.role_network = None;
                model.role_recurrent = None;
            }
            let bytes = model.to_bytes(0.0);
            assert!(bytes.starts_with(MAGIC_WITH_PARAGRAPH));
            let read = AttributionModel::from_bytes(&bytes).expect("reads back with it");
            assert_eq!(read.role_network, model.role_network);
            assert_eq!(read.role_recurrent, model.role_recurrent);
            assert_eq!(read.role_paragraph, model.role_paragraph);
            assert_eq!(read.role_paragraph_weight, 32.0);
            assert!(read.reads_vectors());
            for cut in [3, 40] {
                assert!(AttributionModel::from_bytes(&bytes[..bytes.len() - cut]).is_err());
            }
            let mut padded = bytes.clone();
            padded.push(0);
            assert!(AttributionModel::from_bytes(&padded).is_err());
        }
    }

    #[test]
    fn the_fast_paragraph_scores_are_those_of_the_network_over_the_whole_paragraph() {
        let doc = smith_said_taxes_will_rise(|i| ((i * 7 % 11) as f32 - 5.0) / 5.0);
        let view = TokenView::of(&doc);
        let ctx = Context::new(&doc, &view);
        let mut model =
            AttributionModel::new(Tagger::new(CUE_LABELS, 8), Tagger::new(ROLE_LABELS, 8));
        let net = ParagraphRoleNetwork::new(
            ctx.vector_width,
            COMPACT_ROLE_NETWORK_SPARSE,
            6,
            5,
            7,
            COMPACT_ROLE_NETWORK_SPARSE,
            ROLE_LABELS,
            3,
        );
        model.role_paragraph = Some(net.clone());
        model.role_paragraph_weight = 3.0;
        // Two cues, so the second window reads the states the first one's paragraph left.
        for cue in [(1, 2), (4, 5), (1, 2)] {
            let head = ctx.cue_head(cue);
            let window = ctx.role_window(cue);
            let mut fast = model
                .role_paragraph_scores(&ctx, cue, window, head)
                .unwrap_or_default();
            for scores in fast.chunks_exact_mut(ROLE_LABELS) {
                for s in scores.iter_mut() {
                    *s /= 3.0;
                }
                log_softmax_for_test(scores);
            }
            let (first, end) = ctx.paragraph_range(window.0);
            let (mut dense, mut ids, mut queries, mut head_ids) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            for k in first..end {
                match ctx.row_vector(k) {
                    Some(v) => dense.extend_from_slice(v),
                    None => dense.resize(dense.len() + ctx.vector_width, 0.0),
                }
                ids.extend_from_slice(&ctx.token_own_ids(k));
            }
            for k in window.0..window.1 {
                queries.push((k - first, head - first));
                head_ids.extend_from_slice(&ctx.compact_role_network_ids(k, cue, head));
            }
            let input = super::super::recurrent::SequenceInput {
                dense: &dense,
                ids: &ids,
                ids_per_token: COMPACT_TOKEN_IDS.len(),
            };
            let slow = net.log_probs(
                input,
                end - first,
                &queries,
                &head_ids,
                &mut Tape::default(),
            );
            assert_eq!(fast.len(), slow.len());
            for (a, b) in fast.iter().zip(&slow) {
                assert!((a - b).abs() < 1e-4, "{fast:?}\n{slow:?}");
            }
        }
    }

    fn log_softmax_for_test(scores: &mut [f32]) {
        let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let log_sum = max + scores.iter().map(|s| (s - max).exp()).sum::<f32>().ln();
        for s in scores.iter_mut() {
            *s -= log_sum;
        }
    }

    #[test]
    fn the_embedded_model_reads_with_its_role_network() {
        let Some(model) = AttributionModel::embedded() else {
            panic!("the embedded attribution model is unreadable");
        };
        assert!(model.reads_vectors());
    }

    #[test]
    fn packed_weights_score_as_the_weights_they_were_read_into() {
        let mut cue = Tagger::new(CUE_LABELS, 8);
        let mut role = Tagger::new(ROLE_LABELS, 8);
        for (i, w) in cue.weights.iter_mut().enumerate() {
            *w = (i % 7) as f32 * 0.37 - 1.1;
        }
        for (i, w) in role.weights.iter_mut().enumerate() {
            *w = (i % 11) as f32 * -0.23 + 0.9;
        }
        let read = AttributionModel::from_bytes(&AttributionModel::new(cue, role).to_bytes(0.0))
            .expect("a model written is read");
        let feats: Vec<Vec<u32>> = (0..9u32)
            .map(|i| {
                (0..5)
                    .map(|j| hash(&["f", &(i * 5 + j).to_string()]))
                    .collect()
            })
            .collect();
        for tagger in [&read.cue, &read.role] {
            assert!(tagger.packed.is_some());
            let plain = Tagger {
                packed: None,
                ..tagger.clone()
            };
            let mut packed_scores = vec![0.0; tagger.labels];
            let mut plain_scores = vec![0.0; tagger.labels];
            for f in &feats {
                tagger.emissions(f, &mut packed_scores);
                plain.emissions(f, &mut plain_scores);
                let bits = |scores: &[f32]| scores.iter().map(|s| s.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&packed_scores), bits(&plain_scores));
            }
            assert_eq!(tagger.decode(&feats), plain.decode(&feats));
        }
    }

    #[test]
    fn flat_emission_scores_are_each_tokens_with_the_extra_added() {
        let mut role = Tagger::new(ROLE_LABELS, 8);
        for (i, w) in role.weights.iter_mut().enumerate() {
            *w = (i % 5) as f32 * 0.5 - 1.0;
        }
        let feats: Vec<u32> = (0..6u32).map(|i| hash(&["f", &i.to_string()])).collect();
        let ends = [2, 6];
        let extra: Vec<f32> = (0..2 * ROLE_LABELS).map(|i| i as f32).collect();
        let scores = role.emission_scores_flat(&feats, &ends, &extra);
        let mut own = vec![0.0; ROLE_LABELS];
        role.emissions(&feats[2..6], &mut own);
        for (l, o) in own.iter().enumerate() {
            assert_eq!(scores[ROLE_LABELS + l], o + extra[ROLE_LABELS + l]);
        }
        // An extra of the wrong length is left out, as in decoding.
        let plain = role.emission_scores_flat(&feats, &ends, &[1.0]);
        assert_eq!(&plain[ROLE_LABELS..], own.as_slice());
    }

    #[test]
    fn the_perceptron_learns_a_separable_sequence() {
        let seq = Sequence {
            feats: vec![vec![hash(&["a"])], vec![hash(&["b"])], vec![hash(&["c"])]],
            gold: vec![1, 2, 0],
        };
        let mut trainer = Trainer::new(CUE_LABELS, 10);
        for _ in 0..5 {
            trainer.learn(&seq);
        }
        assert_eq!(trainer.averaged().decode(&seq.feats), vec![1, 2, 0]);
    }
}
