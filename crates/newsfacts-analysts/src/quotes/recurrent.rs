//! A bidirectional recurrent scorer over a whole token sequence, for the attribution model's
//! role tagger: each token's dense input (contextual vectors) and categorical embeddings go
//! through one ReLU projection layer, a GRU reads the projections left to right and another
//! right to left, and a softmax over the labels reads, per token, both GRU states and the
//! token's own projection. Unlike [`super::network`], whose receptive field is the token (and
//! what its contextual vector saw, a few tokens either side), each token's scores here depend
//! on the whole sequence — where a clause or an apposition ends is visible from its start.
//!
//! Forward and backward passes (backpropagation through time) are written out by hand over
//! flat `f32` buffers; training is Adam over minibatches of sequences in a fixed order from a
//! fixed seed, so a run is reproducible. The file form is versioned and read without panicking
//! on a bad file.
//!
//! GRU step (as PyTorch's): `z = σ(Wz x + Uz h + bz)`, `r = σ(Wr x + Ur h + br)`,
//! `n = tanh(Wn x + bn + r ⊙ (Un h))`, `h' = (1 − z) ⊙ n + z ⊙ h`.

use std::sync::OnceLock;

use super::model::ModelError;
use super::network::{Network, Rng, TransposedWeights, dot, read_network_file, write_network_file};
use newsfacts_nlp::linalg::affine;

/// File signature of a recurrent network file.
const MAGIC: &[u8; 6] = b"NFQR1\n";

/// The network's sizes; the weights live in one flat buffer laid out by [`Layout`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Width of a token's dense input.
    pub dense: usize,
    /// Rows of the embedding table the categorical features index.
    pub sparse: usize,
    /// Units of the projection layer (the GRUs' input width).
    pub projection: usize,
    /// Units of each direction's GRU.
    pub hidden: usize,
    /// Labels of the output softmax; 0 for an encoder, whose GRU states are its output
    /// ([`ParagraphRoleNetwork`]).
    pub labels: usize,
}

/// Where each weight group starts in the flat parameter buffer.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// `projection × dense`.
    w_in: usize,
    /// `sparse × projection`.
    embeddings: usize,
    /// `projection`.
    b_in: usize,
    /// The forward and the backward GRU, each `3·hidden × projection` input weights (a row per
    /// gate unit), `hidden × 3·hidden` state weights (a row per state unit, so that a step adds
    /// rows scaled by the state instead of summing dot products) and `3·hidden` biases (gates
    /// z, r, n in that order).
    gru: [usize; 2],
    /// `labels × (2·hidden + projection)`.
    w_out: usize,
    /// `labels`.
    b_out: usize,
    end: usize,
}

impl Sizes {
    fn layout(&self) -> Layout {
        let (d, p, h) = (self.dense, self.projection, self.hidden);
        let w_in = 0;
        let embeddings = w_in + p * d;
        let b_in = embeddings + self.sparse * p;
        let gru_size = 3 * h * p + 3 * h * h + 3 * h;
        let gru = [b_in + p, b_in + p + gru_size];
        let w_out = gru[1] + gru_size;
        let b_out = w_out + self.labels * self.output_width();
        Layout {
            w_in,
            embeddings,
            b_in,
            gru,
            w_out,
            b_out,
            end: b_out + self.labels,
        }
    }

    /// What the output layer reads per token: both GRU states and the projection.
    fn output_width(&self) -> usize {
        2 * self.hidden + self.projection
    }
}

/// The network's weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Recurrent {
    pub sizes: Sizes,
    params: Vec<f32>,
}

/// One token sequence's inputs: `dense` holds each token's dense input one after another
/// (`sizes.dense` floats a token), `ids` each token's categorical ids (`ids_per_token` a
/// token; ids outside the embedding table are ignored).
#[derive(Debug, Clone, Copy)]
pub struct SequenceInput<'a> {
    pub dense: &'a [f32],
    pub ids: &'a [u32],
    pub ids_per_token: usize,
}

impl SequenceInput<'_> {
    fn ids_of(&self, t: usize) -> &[u32] {
        self.ids
            .get(t * self.ids_per_token..(t + 1) * self.ids_per_token)
            .unwrap_or(&[])
    }
}

/// What the forward pass keeps for the backward pass and for reuse between sequences.
#[derive(Debug, Clone, Default)]
pub struct Tape {
    /// Projections after the ReLU, `projection` floats a token.
    projection: Vec<f32>,
    /// Per direction: states (`tokens + 1` rows: the forward GRU's row `t + 1` and the backward
    /// GRU's row `t` are their states after token `t`; the extra row is the zero start) and
    /// each token's gates z, r, candidate n and `Un h` (one row a token).
    states: [Vec<f32>; 2],
    z: [Vec<f32>; 2],
    r: [Vec<f32>; 2],
    n: [Vec<f32>; 2],
    u: [Vec<f32>; 2],
    /// The label log-probabilities, `labels` a token.
    log_probs: Vec<f32>,
    gates: Vec<f32>,
    /// Per direction: every token's input products, a step's state products and the state
    /// it starts from.
    input_products: [Vec<f32>; 2],
    state_products: [Vec<f32>; 2],
    previous: [Vec<f32>; 2],
    features: Vec<f32>,
    /// Whether the pass keeps only the states and the output (scoring), not the gates a
    /// backward pass reads.
    states_only: bool,
}

impl Tape {
    /// The buffer a caller fills with the projections' inputs, `projection` floats a token,
    /// before [`Recurrent::forward_from_tape_projections`].
    pub fn projection_inputs(&mut self) -> &mut Vec<f32> {
        &mut self.projection
    }

    /// The label log-probabilities of the last forward pass, `labels` a token.
    pub fn log_probs(&self) -> &[f32] {
        &self.log_probs
    }
}

/// `e^x` without a library call, so that a loop over a slice of gates vectorises: `2^(x log2 e)`
/// split at the nearest integer (rounded by adding and taking away 1.5 · 2^23), the integer
/// put in the exponent's bits and `2^f`, |f| ≤ 1/2, from its Taylor polynomial of degree 6
/// (relative error under 1e-6 near 0, growing with |x| from the rounding of `x log2 e` to
/// about 5e-6 at ±80). Arguments are clamped to ±86, where `f32` still holds the
/// answer.
#[inline(always)]
fn fast_exp(x: f32) -> f32 {
    const ROUND: f32 = 12_582_912.0;
    let t = x.clamp(-86.0, 86.0) * std::f32::consts::LOG2_E;
    let shifted = t + ROUND;
    let whole = shifted - ROUND;
    let f = (t - whole) * std::f32::consts::LN_2;
    let power = 1.0
        + f * (1.0
            + f * (0.5
                + f * (1.0 / 6.0 + f * (1.0 / 24.0 + f * (1.0 / 120.0 + f * (1.0 / 720.0))))));
    // The low bits of `shifted` hold the rounded integer; 127 biases it into an exponent.
    let exponent = (shifted.to_bits() as i32 - ROUND.to_bits() as i32 + 127) as u32;
    power * f32::from_bits(exponent << 23)
}

#[inline(always)]
fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + fast_exp(-x))
}

#[inline(always)]
fn tanh(x: f32) -> f32 {
    1.0 - 2.0 / (1.0 + fast_exp(2.0 * x))
}

#[inline(always)]
fn axpy(alpha: f32, x: &[f32], y: &mut [f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += alpha * x;
    }
}

/// `out[i] += Σ_j m[i·cols + j] · x[j]` for a row-major `m` of `out.len()` rows.
#[inline(always)]
fn add_matrix_vector(m: &[f32], x: &[f32], out: &mut [f32]) {
    let cols = x.len();
    for (i, o) in out.iter_mut().enumerate() {
        *o += dot(&m[i * cols..(i + 1) * cols], x);
    }
}

/// `out[j] += Σ_i x[i] · m[i·cols + j]` for a row-major `m` of `x.len()` rows of `out.len()`
/// columns: a recurrent step's state products. Forty-eight outputs at a time, their sums held
/// in registers over all rows (a plain row-by-row `axpy` loads and stores every sum once a row,
/// which made the step several times slower). Each sum waits on the one before it, so the
/// block is six AVX2 registers wide: sixteen outputs (two registers) left the step waiting
/// on its additions, at three times the time. Each output's sum runs over the rows in order
/// whatever the block, so the answer does not depend on it.
#[inline(always)]
fn add_vector_matrix(x: &[f32], m: &[f32], out: &mut [f32]) {
    const BLOCK: usize = 48;
    let cols = out.len();
    let blocked = cols / BLOCK * BLOCK;
    for start in (0..blocked).step_by(BLOCK) {
        let mut sums = [0.0f32; BLOCK];
        for (&xi, row) in x.iter().zip(m.chunks_exact(cols)) {
            let Some(row) = row.get(start..start + BLOCK) else {
                break;
            };
            for (s, &w) in sums.iter_mut().zip(row) {
                *s += xi * w;
            }
        }
        for (o, s) in out[start..start + BLOCK].iter_mut().zip(sums) {
            *o += s;
        }
    }
    for (i, &xi) in x.iter().enumerate() {
        for (o, &w) in out[blocked..]
            .iter_mut()
            .zip(&m[i * cols + blocked..(i + 1) * cols])
        {
            *o += xi * w;
        }
    }
}

/// `out[j] += Σ_i m[i·cols + j] · g[i]` (the transpose's product) for a row-major `m` with
/// `g.len()` rows of `out.len()` columns.
fn add_transposed_matrix_vector(m: &[f32], g: &[f32], out: &mut [f32]) {
    let cols = out.len();
    for (i, &gi) in g.iter().enumerate() {
        if gi != 0.0 {
            axpy(gi, &m[i * cols..(i + 1) * cols], out);
        }
    }
}

/// `m[i·cols + j] += g[i] · x[j]` (an outer product added) for `g.len()` rows.
fn add_outer(g: &[f32], x: &[f32], m: &mut [f32]) {
    let cols = x.len();
    for (i, &gi) in g.iter().enumerate() {
        if gi != 0.0 {
            axpy(gi, x, &mut m[i * cols..(i + 1) * cols]);
        }
    }
}

/// Adam's moment decay rates and the guard against dividing by zero.
const ADAM_BETA1: f32 = 0.9;
const ADAM_BETA2: f32 = 0.999;
const ADAM_EPSILON: f32 = 1e-8;

/// Adam's step size at step `step` (counted from 1), with both moments' bias corrections.
fn adam_rate(learning_rate: f32, step: i32) -> f32 {
    let correction1 = 1.0 - ADAM_BETA1.powi(step);
    let correction2 = 1.0 - ADAM_BETA2.powi(step);
    learning_rate * correction2.sqrt() / correction1
}

/// One Adam update of `params` from `grad` times `scale`, with moments `m` and `v`.
fn adam_update(
    params: &mut [f32],
    grad: &[f32],
    m: &mut [f32],
    v: &mut [f32],
    scale: f32,
    rate: f32,
) {
    for (((w, g), m), v) in params.iter_mut().zip(grad).zip(m).zip(v) {
        let g = g * scale;
        *m = ADAM_BETA1 * *m + (1.0 - ADAM_BETA1) * g;
        *v = ADAM_BETA2 * *v + (1.0 - ADAM_BETA2) * g * g;
        *w -= rate * *m / (v.sqrt() + ADAM_EPSILON);
    }
}

/// Turns scores into log-probabilities in place.
#[inline(always)]
fn log_softmax(scores: &mut [f32]) {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = scores.iter().map(|s| (s - max).exp()).sum();
    let log_sum = max + sum.ln();
    for s in scores.iter_mut() {
        *s -= log_sum;
    }
}

impl Recurrent {
    /// A network with small random weights from `seed`.
    pub fn new(sizes: Sizes, seed: u64) -> Recurrent {
        let mut rng = Rng(seed.max(1));
        let layout = sizes.layout();
        let mut params = vec![0.0f32; layout.end];
        let (d, p, h) = (sizes.dense, sizes.projection, sizes.hidden);
        let mut fill = |range: std::ops::Range<usize>, scale: f32, params: &mut [f32]| {
            for w in &mut params[range] {
                *w = rng.symmetric() * scale;
            }
        };
        fill(
            layout.w_in..layout.embeddings,
            (6.0 / (d + p) as f32).sqrt(),
            &mut params,
        );
        fill(layout.embeddings..layout.b_in, 0.05, &mut params);
        for start in layout.gru {
            let input_scale = (6.0 / (p + h) as f32).sqrt();
            let state_scale = (3.0 / h as f32).sqrt();
            fill(start..start + 3 * h * p, input_scale, &mut params);
            let states = start + 3 * h * p;
            fill(states..states + 3 * h * h, state_scale, &mut params);
        }
        fill(
            layout.w_out..layout.b_out,
            (6.0 / (sizes.output_width() + sizes.labels) as f32).sqrt(),
            &mut params,
        );
        Recurrent { sizes, params }
    }

    /// The input weights, state weights and biases of GRU `direction` (0 forward, 1 backward).
    fn gru(&self, direction: usize) -> (&[f32], &[f32], &[f32]) {
        let (p, h) = (self.sizes.projection, self.sizes.hidden);
        let start = self.sizes.layout().gru[direction];
        let (wx, rest) = self.params[start..].split_at(3 * h * p);
        let (wh, rest) = rest.split_at(3 * h * h);
        (wx, wh, &rest[..3 * h])
    }

    /// The label log-probabilities of every token of `input` into `tape.log_probs` (`labels`
    /// a token), keeping what the backward pass needs. A dense input shorter than the
    /// sequence's is read as padded with zeros.
    pub fn forward(&self, input: SequenceInput, tokens: usize, tape: &mut Tape) {
        let Sizes {
            dense,
            sparse,
            projection: p,
            ..
        } = self.sizes;
        let layout = self.sizes.layout();
        let w_in = &self.params[layout.w_in..layout.embeddings];
        let embeddings = &self.params[layout.embeddings..layout.b_in];
        let b_in = &self.params[layout.b_in..layout.b_in + p];
        tape.projection.clear();
        tape.projection.resize(tokens * p, 0.0);
        let mut padded;
        let x = if input.dense.len() >= tokens * dense {
            &input.dense[..tokens * dense]
        } else {
            padded = input.dense.to_vec();
            padded.resize(tokens * dense, 0.0);
            &padded[..]
        };
        affine(x, w_in, b_in, tokens, dense, p, &mut tape.projection);
        for t in 0..tokens {
            let row = &mut tape.projection[t * p..(t + 1) * p];
            for &id in input.ids_of(t) {
                let id = id as usize;
                if id < sparse {
                    axpy(1.0, &embeddings[id * p..(id + 1) * p], row);
                }
            }
        }
        tape.states_only = false;
        self.run(tokens, tape);
    }

    /// [`Recurrent::forward_from_projections`] over the projections' inputs the caller wrote
    /// into the tape itself ([`Tape::projection_inputs`]), saving their copy.
    pub fn forward_from_tape_projections(&self, tape: &mut Tape) {
        let tokens = tape.projection.len() / self.sizes.projection.max(1);
        tape.projection.truncate(tokens * self.sizes.projection);
        tape.states_only = true;
        self.run(tokens, tape);
    }

    /// The label log-probabilities of a sequence whose projection layer's inputs (bias, dense
    /// products and embeddings, before the ReLU; `projection` floats a token) the caller has
    /// summed — the same as [`Recurrent::forward`] when the sums are the same. The answer is
    /// `tape.log_probs()`.
    pub fn forward_from_projections(&self, pre_activations: &[f32], tape: &mut Tape) {
        let p = self.sizes.projection;
        let tokens = pre_activations.len() / p;
        tape.projection.clear();
        tape.projection
            .extend_from_slice(&pre_activations[..tokens * p]);
        // Scoring only: no backward pass will read the gates.
        tape.states_only = true;
        self.run(tokens, tape);
    }

    /// The projection layer's weights on dense inputs `range` (`projection` rows of
    /// `range.len()` floats, one after another), for a caller that sums the input in parts.
    pub fn input_weights(&self, range: std::ops::Range<usize>) -> Vec<f32> {
        let layout = self.sizes.layout();
        let w_in = &self.params[layout.w_in..layout.embeddings];
        if range.end > self.sizes.dense {
            return Vec::new();
        }
        w_in.chunks_exact(self.sizes.dense)
            .flat_map(|row| &row[range.clone()])
            .copied()
            .collect()
    }

    /// The projection layer's bias.
    pub fn input_bias(&self) -> &[f32] {
        let layout = self.sizes.layout();
        &self.params[layout.b_in..layout.b_in + self.sizes.projection]
    }

    /// Adds the embedding rows of the categorical ids to a projection's input (`projection`
    /// long; unknown ids are ignored).
    pub fn add_embeddings(&self, ids: &[u32], pre_activation: &mut [f32]) {
        let p = self.sizes.projection;
        let layout = self.sizes.layout();
        let embeddings = &self.params[layout.embeddings..layout.b_in];
        for &id in ids {
            let id = id as usize;
            if let Some(row) = embeddings.get(id * p..(id + 1) * p) {
                axpy(1.0, row, pre_activation);
            }
        }
    }

    /// From the projections' inputs in `tape.projection`: the ReLU, both GRUs, the output —
    /// compiled again for AVX2 (eight floats an instruction instead of four) and for AVX-512
    /// (sixteen), and the widest the processor has used. The sums are the same in the same
    /// order (no fused multiply-add), so the answer is the same to the bit on every path.
    fn run(&self, tokens: usize, tape: &mut Tape) {
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx512f") {
            // SAFETY: the processor has AVX-512F, checked just above.
            unsafe { self.run_avx512(tokens, tape) };
            return;
        }
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2, checked just above.
            unsafe { self.run_avx2(tokens, tape) };
            return;
        }
        self.run_portable(tokens, tape);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn run_avx2(&self, tokens: usize, tape: &mut Tape) {
        self.run_portable(tokens, tape);
    }

    /// Sixteen floats an instruction: a step of a 16-unit GRU's gates in one.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    unsafe fn run_avx512(&self, tokens: usize, tape: &mut Tape) {
        self.run_portable(tokens, tape);
    }

    #[inline(always)]
    fn run_portable(&self, tokens: usize, tape: &mut Tape) {
        let Sizes {
            projection: p,
            hidden: h,
            labels,
            ..
        } = self.sizes;
        let layout = self.sizes.layout();
        for v in tape.projection.iter_mut() {
            *v = v.max(0.0);
        }
        // Every token's input products at once (one matrix product a direction).
        for direction in 0..2 {
            let (wx, _, b) = self.gru(direction);
            let input_products = &mut tape.input_products[direction];
            input_products.clear();
            input_products.resize(tokens * 3 * h, 0.0);
            affine(&tape.projection, wx, b, tokens, p, 3 * h, input_products);
            let states = &mut tape.states[direction];
            states.clear();
            states.resize((tokens + 1) * h, 0.0);
            if tape.states_only && matches!(h, 8 | 16 | 32) {
                // The fixed-size steps keep no gates when only the states are asked for.
                continue;
            }
            for buffer in [
                &mut tape.z[direction],
                &mut tape.r[direction],
                &mut tape.n[direction],
                &mut tape.u[direction],
            ] {
                buffer.clear();
                buffer.resize(tokens * h, 0.0);
            }
        }
        // Then the recurrences, the forward GRU's step t beside the backward GRU's step
        // `tokens - 1 - t`: each step waits on the one before it in its own direction only,
        // so the processor works on the two at once. Each direction's sums are the same, in
        // the same order, as when one direction ran after the other. The usual sizes have a
        // copy with its loop bounds known when compiling.
        match h {
            8 => self.recur_fixed::<8, 24, 24>(tokens, tape),
            16 => self.recur_fixed::<16, 48, 48>(tokens, tape),
            32 => self.recur_fixed::<32, 96, 48>(tokens, tape),
            _ => self.recur(tokens, tape),
        }
        let w_out = &self.params[layout.w_out..layout.b_out];
        let b_out = &self.params[layout.b_out..layout.end];
        let width = self.sizes.output_width();
        tape.log_probs.clear();
        // An encoder (no labels): its states are its output.
        let scored = if labels == 0 { 0 } else { tokens };
        for t in 0..scored {
            self.output_features(tape, t, tokens);
            let start = tape.log_probs.len();
            tape.log_probs.extend_from_slice(b_out);
            let scores = &mut tape.log_probs[start..];
            add_matrix_vector(&w_out[..labels * width], &tape.features, scores);
            log_softmax(scores);
        }
    }

    /// The two GRUs' recurrences over `tape.input_products` (see [`Recurrent::run_portable`]).
    #[inline(always)]
    fn recur(&self, tokens: usize, tape: &mut Tape) {
        let h = self.sizes.hidden;
        let (wh_forward, wh_backward) = (self.gru(0).1, self.gru(1).1);
        for step in 0..tokens {
            // The forward GRU goes from row t to row t + 1, the backward from t + 1 to t.
            let t_of = |direction: usize| -> (usize, usize, usize) {
                if direction == 0 {
                    (step, step, step + 1)
                } else {
                    let t = tokens - 1 - step;
                    (t, t + 1, t)
                }
            };
            for direction in 0..2 {
                let (_, previous, _) = t_of(direction);
                let h_prev = &mut tape.previous[direction];
                h_prev.clear();
                h_prev.extend_from_slice(&tape.states[direction][previous * h..(previous + 1) * h]);
                let state_products = &mut tape.state_products[direction];
                state_products.clear();
                state_products.resize(3 * h, 0.0);
            }
            add_vector_matrix(&tape.previous[0], wh_forward, &mut tape.state_products[0]);
            add_vector_matrix(&tape.previous[1], wh_backward, &mut tape.state_products[1]);
            for direction in 0..2 {
                let (t, _, next) = t_of(direction);
                let gates = &mut tape.gates;
                gates.clear();
                gates
                    .extend_from_slice(&tape.input_products[direction][t * 3 * h..(t + 1) * 3 * h]);
                let state_products = &tape.state_products[direction];
                for (g, &s) in gates[..2 * h].iter_mut().zip(&state_products[..2 * h]) {
                    *g += s;
                }
                let u = &mut tape.u[direction][t * h..(t + 1) * h];
                u.copy_from_slice(&state_products[2 * h..]);
                // Slice by slice, without branches, so that each loop vectorises.
                let z = &mut tape.z[direction][t * h..(t + 1) * h];
                for (z, &g) in z.iter_mut().zip(&gates[..h]) {
                    *z = sigmoid(g);
                }
                let r = &mut tape.r[direction][t * h..(t + 1) * h];
                for (r, &g) in r.iter_mut().zip(&gates[h..2 * h]) {
                    *r = sigmoid(g);
                }
                let n = &mut tape.n[direction][t * h..(t + 1) * h];
                for (((n, &g), &r), &u) in n.iter_mut().zip(&gates[2 * h..]).zip(&*r).zip(&*u) {
                    *n = tanh(g + r * u);
                }
                let h_prev = &tape.previous[direction];
                let state = &mut tape.states[direction][next * h..(next + 1) * h];
                for (((s, &z), &n), &previous) in state.iter_mut().zip(&*z).zip(&*n).zip(h_prev) {
                    *s = (1.0 - z) * n + z * previous;
                }
            }
        }
    }

    /// [`Recurrent::recur`] for `H` units a GRU (`G` = 3·`H` gate units): the same sums in the
    /// same order. The state products of both directions are summed in one pass over the
    /// rows, `BLOCK` outputs of each at a time (48: twelve AVX2 registers of sums; 24 for
    /// the smallest GRU, whose gates are that many).
    #[inline(always)]
    fn recur_fixed<const H: usize, const G: usize, const BLOCK: usize>(
        &self,
        tokens: usize,
        tape: &mut Tape,
    ) {
        let wh = [self.gru(0).1, self.gru(1).1];
        if G != 3 * H || G % BLOCK != 0 || wh.iter().any(|w| w.len() != H * G) {
            return self.recur(tokens, tape);
        }
        for step in 0..tokens {
            // The forward GRU goes from row t to row t + 1, the backward from t + 1 to t.
            let rows = [
                (step, step, step + 1),
                (tokens - 1 - step, tokens - step, tokens - 1 - step),
            ];
            let mut h_prev = [[0.0f32; H]; 2];
            for (direction, h_prev) in h_prev.iter_mut().enumerate() {
                let previous = rows[direction].1;
                h_prev.copy_from_slice(&tape.states[direction][previous * H..(previous + 1) * H]);
            }
            let mut products = [[0.0f32; G]; 2];
            for start in (0..G).step_by(BLOCK) {
                let mut forward = [0.0f32; BLOCK];
                let mut backward = [0.0f32; BLOCK];
                for i in 0..H {
                    let (xf, xb) = (h_prev[0][i], h_prev[1][i]);
                    let row_f = &wh[0][i * G + start..i * G + start + BLOCK];
                    let row_b = &wh[1][i * G + start..i * G + start + BLOCK];
                    for j in 0..BLOCK {
                        forward[j] += xf * row_f[j];
                        backward[j] += xb * row_b[j];
                    }
                }
                products[0][start..start + BLOCK].copy_from_slice(&forward);
                products[1][start..start + BLOCK].copy_from_slice(&backward);
            }
            for direction in 0..2 {
                let (t, _, next) = rows[direction];
                let inputs = &tape.input_products[direction][t * G..(t + 1) * G];
                let products = &products[direction];
                let (mut z, mut r, mut n) = ([0.0f32; H], [0.0f32; H], [0.0f32; H]);
                for j in 0..H {
                    z[j] = sigmoid(inputs[j] + products[j]);
                }
                for j in 0..H {
                    r[j] = sigmoid(inputs[H + j] + products[H + j]);
                }
                for j in 0..H {
                    n[j] = tanh(inputs[2 * H + j] + r[j] * products[2 * H + j]);
                }
                let h_prev = &h_prev[direction];
                let state = &mut tape.states[direction][next * H..(next + 1) * H];
                for j in 0..H {
                    state[j] = (1.0 - z[j]) * n[j] + z[j] * h_prev[j];
                }
                if !tape.states_only {
                    tape.z[direction][t * H..(t + 1) * H].copy_from_slice(&z);
                    tape.r[direction][t * H..(t + 1) * H].copy_from_slice(&r);
                    tape.n[direction][t * H..(t + 1) * H].copy_from_slice(&n);
                    tape.u[direction][t * H..(t + 1) * H].copy_from_slice(&products[2 * H..]);
                }
            }
        }
    }

    /// What the output layer reads for token `t` into `tape.features`: the forward state, the
    /// backward state, the projection.
    fn output_features(&self, tape: &mut Tape, t: usize, tokens: usize) {
        let (p, h) = (self.sizes.projection, self.sizes.hidden);
        debug_assert!(t < tokens);
        tape.features.clear();
        tape.features
            .extend_from_slice(&tape.states[0][(t + 1) * h..(t + 2) * h]);
        tape.features
            .extend_from_slice(&tape.states[1][t * h..(t + 1) * h]);
        tape.features
            .extend_from_slice(&tape.projection[t * p..(t + 1) * p]);
    }

    /// The label log-probabilities of every token of `input` (`labels` a token).
    pub fn log_probs(&self, input: SequenceInput, tokens: usize, tape: &mut Tape) -> Vec<f32> {
        self.forward(input, tokens, tape);
        tape.log_probs.clone()
    }

    /// The GRUs' states after token `t` of the last forward pass into `out` (`2·hidden`
    /// floats: the forward GRU's, then the backward GRU's); zeros past the sequence.
    pub fn token_states(&self, tape: &Tape, t: usize, out: &mut [f32]) {
        let h = self.sizes.hidden;
        let (forward, backward) = out.split_at_mut(h.min(out.len()));
        let rows = [
            tape.states[0].get((t + 1) * h..(t + 2) * h),
            tape.states[1].get(t * h..(t + 1) * h),
        ];
        for (out, row) in [forward, backward].into_iter().zip(rows) {
            match row {
                Some(row) if row.len() == out.len() => out.copy_from_slice(row),
                _ => out.fill(0.0),
            }
        }
    }

    /// Backpropagation through time from the gradients of the GRUs' states (rows as in the
    /// tape) and of the projections after the ReLU, given by what reads them: adds the
    /// gradients of the GRUs', the projection layer's and the embeddings' weights to `grad` (laid
    /// out as the parameters). `tape` is the forward pass's over `input`.
    fn backward_through_time(
        &self,
        tape: &Tape,
        input: SequenceInput,
        d_states: &mut [Vec<f32>; 2],
        d_projection: &mut [f32],
        grad: &mut [f32],
    ) {
        let Sizes {
            dense: dn,
            sparse,
            projection: p,
            hidden: h,
            ..
        } = self.sizes;
        let layout = self.sizes.layout();
        let params = &self.params;
        let tokens = tape.projection.len() / p.max(1);
        let dense = input.dense;
        let mut d_gates = vec![0.0f32; 3 * h];
        let mut d_u = vec![0.0f32; h];
        let mut d_state_products = vec![0.0f32; 3 * h];
        for (direction, d_states) in d_states.iter_mut().enumerate() {
            let start = layout.gru[direction];
            let wx_range = start..start + 3 * h * p;
            let wh_range = wx_range.end..wx_range.end + 3 * h * h;
            let b_range = wh_range.end..wh_range.end + 3 * h;
            // Backpropagation through time: the steps in the reverse of the order they ran.
            for step in (0..tokens).rev() {
                let (t, previous, next) = if direction == 0 {
                    (step, step, step + 1)
                } else {
                    let t = tokens - 1 - step;
                    (t, t + 1, t)
                };
                let states = &tape.states[direction];
                for j in 0..h {
                    let dh = d_states[next * h + j];
                    let z = tape.z[direction][t * h + j];
                    let r = tape.r[direction][t * h + j];
                    let n = tape.n[direction][t * h + j];
                    let u = tape.u[direction][t * h + j];
                    let h_prev = states[previous * h + j];
                    let d_n = dh * (1.0 - z) * (1.0 - n * n);
                    let d_z = dh * (h_prev - n) * z * (1.0 - z);
                    let d_r = d_n * u * r * (1.0 - r);
                    d_gates[j] = d_z;
                    d_gates[h + j] = d_r;
                    d_gates[2 * h + j] = d_n;
                    d_u[j] = d_n * r;
                    d_states[previous * h + j] += dh * z;
                }
                let x = &tape.projection[t * p..(t + 1) * p];
                let h_prev = &states[previous * h..(previous + 1) * h];
                add_outer(&d_gates, x, &mut grad[wx_range.clone()]);
                // What the state weights' rows were scaled by: z's and r's gradients, and for
                // n the gradient of `Un h`.
                d_state_products[..2 * h].copy_from_slice(&d_gates[..2 * h]);
                d_state_products[2 * h..].copy_from_slice(&d_u);
                add_outer(h_prev, &d_state_products, &mut grad[wh_range.clone()]);
                axpy(1.0, &d_gates, &mut grad[b_range.clone()]);
                add_transposed_matrix_vector(
                    &params[wx_range.clone()],
                    &d_gates,
                    &mut d_projection[t * p..(t + 1) * p],
                );
                let (before, after) = d_states.split_at_mut(previous.max(next) * h);
                let d_previous = if direction == 0 {
                    &mut before[previous * h..]
                } else {
                    &mut after[..h]
                };
                add_matrix_vector(&params[wh_range.clone()], &d_state_products, d_previous);
            }
        }
        for t in 0..tokens {
            let d_pre: Vec<f32> = d_projection[t * p..(t + 1) * p]
                .iter()
                .zip(&tape.projection[t * p..(t + 1) * p])
                .map(|(&d, &a)| if a > 0.0 { d } else { 0.0 })
                .collect();
            if let Some(x) = dense.get(t * dn..(t + 1) * dn) {
                add_outer(&d_pre, x, &mut grad[layout.w_in..layout.embeddings]);
            }
            axpy(1.0, &d_pre, &mut grad[layout.b_in..layout.b_in + p]);
            for &id in input.ids_of(t) {
                let id = id as usize;
                if id < sparse {
                    let row = layout.embeddings + id * p;
                    axpy(1.0, &d_pre, &mut grad[row..row + p]);
                }
            }
        }
    }

    /// The network as bytes: the signature, the five sizes as little-endian u32, then every
    /// weight as a little-endian f32 in the order of the flat buffer.
    pub fn to_bytes(&self) -> Vec<u8> {
        let s = self.sizes;
        write_network_file(
            MAGIC,
            &[s.dense, s.sparse, s.projection, s.hidden, s.labels],
            self.params.iter().copied(),
        )
    }

    /// Reads a network written by [`Recurrent::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Recurrent, ModelError> {
        let err = |m: &str| ModelError(format!("recurrent network: {m}"));
        let ([dense, sparse, projection, hidden, labels], params) =
            read_network_file::<5>(bytes, MAGIC, &err)?;
        let sizes = Sizes {
            dense,
            sparse,
            projection,
            hidden,
            labels,
        };
        // Bounds that keep a corrupt header from asking for gigabytes.
        if sizes.dense == 0
            || sizes.dense > 1 << 14
            || sizes.sparse > 1 << 16
            || !(1..=1024).contains(&sizes.projection)
            || !(1..=1024).contains(&sizes.hidden)
            || sizes.labels > 16
        {
            return Err(err("bad sizes"));
        }
        if params.len() != sizes.layout().end {
            return Err(err("weight count does not match the sizes"));
        }
        Ok(Recurrent { sizes, params })
    }
}

/// One training sequence: its length, inputs and gold labels.
pub trait SequenceExample {
    fn tokens(&self) -> usize;
    /// Every token's dense input, one after another.
    fn dense(&self, out: &mut Vec<f32>);
    /// Every token's categorical ids, the same number a token.
    fn ids(&self, out: &mut Vec<u32>);
    /// Every token's gold label.
    fn labels(&self, out: &mut Vec<usize>);
}

/// Adam on the cross-entropy summed over a minibatch's tokens, gradients by backpropagation
/// through time.
pub struct RecurrentTrainer {
    pub net: Recurrent,
    grad: Vec<f32>,
    m: Vec<f32>,
    v: Vec<f32>,
    step: i32,
    pub learning_rate: f32,
    /// The gradient's norm is scaled down to this when it is larger (a guard against the
    /// occasional exploding step of a recurrent network).
    pub clip: f32,
    tape: Tape,
    buffers: (Vec<f32>, Vec<u32>, Vec<usize>),
}

impl RecurrentTrainer {
    pub fn new(net: Recurrent, learning_rate: f32) -> RecurrentTrainer {
        let n = net.params.len();
        RecurrentTrainer {
            net,
            grad: vec![0.0; n],
            m: vec![0.0; n],
            v: vec![0.0; n],
            step: 0,
            learning_rate,
            clip: 5.0,
            tape: Tape::default(),
            buffers: Default::default(),
        }
    }

    /// Adds one sequence's gradient (summed over its tokens) to `self.grad`; returns its summed
    /// cross-entropy and how many of its tokens' best label is the gold one.
    fn accumulate(&mut self, dense: &[f32], ids: &[u32], labels: &[usize]) -> (f32, usize) {
        let tokens = labels.len();
        if tokens == 0 {
            return (0.0, 0);
        }
        let sizes = self.net.sizes;
        let Sizes {
            projection: p,
            hidden: h,
            labels: ln,
            ..
        } = sizes;
        let ids_per_token = ids.len() / tokens;
        let input = SequenceInput {
            dense,
            ids,
            ids_per_token,
        };
        self.net.forward(input, tokens, &mut self.tape);
        let layout = sizes.layout();
        let width = sizes.output_width();
        let tape = &mut self.tape;
        let params = &self.net.params;
        let grad = &mut self.grad;
        let mut loss = 0.0;
        let mut right = 0;
        // Gradients of the states (rows as in the tape) and of the projections.
        let mut d_states = [
            vec![0.0f32; (tokens + 1) * h],
            vec![0.0f32; (tokens + 1) * h],
        ];
        let mut d_projection = vec![0.0f32; tokens * p];
        let mut d_scores = vec![0.0f32; ln];
        let mut d_features = vec![0.0f32; width];
        for (t, &gold) in labels.iter().enumerate() {
            let gold = gold.min(ln - 1);
            let log_probs = &tape.log_probs[t * ln..(t + 1) * ln];
            loss -= log_probs[gold];
            let best = (0..ln)
                .max_by(|&a, &b| log_probs[a].total_cmp(&log_probs[b]))
                .unwrap_or(0);
            right += usize::from(best == gold);
            for (y, d) in d_scores.iter_mut().enumerate() {
                // d loss / d score = p − 1[y = gold].
                *d = log_probs[y].exp() - if y == gold { 1.0 } else { 0.0 };
            }
            self.net.output_features(tape, t, tokens);
            add_outer(
                &d_scores,
                &tape.features,
                &mut grad[layout.w_out..layout.b_out],
            );
            axpy(1.0, &d_scores, &mut grad[layout.b_out..layout.end]);
            d_features.fill(0.0);
            add_transposed_matrix_vector(
                &params[layout.w_out..layout.b_out],
                &d_scores,
                &mut d_features,
            );
            axpy(
                1.0,
                &d_features[..h],
                &mut d_states[0][(t + 1) * h..(t + 2) * h],
            );
            axpy(
                1.0,
                &d_features[h..2 * h],
                &mut d_states[1][t * h..(t + 1) * h],
            );
            axpy(
                1.0,
                &d_features[2 * h..],
                &mut d_projection[t * p..(t + 1) * p],
            );
        }
        self.net
            .backward_through_time(tape, input, &mut d_states, &mut d_projection, grad);
        (loss, right)
    }

    /// One Adam step on a minibatch of sequences, the gradient averaged over its tokens;
    /// returns the summed cross-entropy and the count of tokens whose best label is gold.
    pub fn learn<E: SequenceExample>(&mut self, batch: &[E]) -> (f32, usize) {
        self.grad.fill(0.0);
        let (mut loss, mut right, mut tokens) = (0.0, 0, 0);
        let mut buffers = std::mem::take(&mut self.buffers);
        for example in batch {
            let (dense, ids, labels) = &mut buffers;
            dense.clear();
            ids.clear();
            labels.clear();
            example.dense(dense);
            example.ids(ids);
            example.labels(labels);
            let (l, r) = self.accumulate(dense, ids, labels);
            loss += l;
            right += r;
            tokens += labels.len();
        }
        self.buffers = buffers;
        if tokens == 0 {
            return (0.0, 0);
        }
        let scale = 1.0 / tokens as f32;
        let norm = self.grad.iter().map(|g| g * g).sum::<f32>().sqrt() * scale;
        let scale = if norm > self.clip {
            scale * self.clip / norm
        } else {
            scale
        };
        self.step += 1;
        let rate = adam_rate(self.learning_rate, self.step);
        adam_update(
            &mut self.net.params,
            &self.grad,
            &mut self.m,
            &mut self.v,
            scale,
            rate,
        );
        (loss, right)
    }
}

/// File signature of a paragraph role network file.
const PARAGRAPH_MAGIC: &[u8; 6] = b"NFQP1\n";

/// A role scorer whose recurrence does not depend on the cue, so that it runs once per
/// paragraph and every cue's window shares it: an encoder (a [`Recurrent`] with no labels)
/// reads each paragraph token's own inputs — its contextual vector and the embeddings of its
/// own features — and its GRU states go, beside the token's and the cue head's vectors, into
/// the dense input of a compact role network (`head`, one ReLU layer): per token of a window,
/// `[token vector, cue head vector, token states, cue head states]` (states: forward, then
/// backward), with the compact network's categorical features. Inside the head's ReLU the
/// states meet the token's relation to the cue, so "after the cue" and "past the clause's
/// end" can combine.
#[derive(Debug, Clone)]
pub struct ParagraphRoleNetwork {
    pub encoder: Recurrent,
    pub head: Network,
    /// The weights the scoring pass reads, in the layouts of its matrix products: made the
    /// first time it scores, so once per model rather than once per document. Training
    /// changes the weights and empties it ([`ParagraphTrainer::learn`]).
    scoring: OnceLock<ParagraphScoringWeights>,
}

/// Two networks are equal when their weights are (the scoring layouts follow from them).
impl PartialEq for ParagraphRoleNetwork {
    fn eq(&self, other: &ParagraphRoleNetwork) -> bool {
        self.encoder == other.encoder && self.head == other.head
    }
}

/// A [`ParagraphRoleNetwork`]'s weights laid out for scoring a document's paragraphs by matrix
/// products (`AttributionModel::role_paragraph_scores`).
#[derive(Debug, Clone, Default)]
pub struct ParagraphScoringWeights {
    /// The encoder's and the head's weights on a token's vector, one matrix (`projection`
    /// rows, then `head_hidden`, each `vector_width` long, with its transpose), and its bias
    /// (the encoder's, then zeros: the head's is added once per window).
    pub vector_weights: TransposedWeights,
    pub vector_bias: Vec<f32>,
    /// The head's weights on a token's own states (with their transpose) and on the cue
    /// head's (`head_hidden` rows of `state_width`).
    pub token_state_weights: TransposedWeights,
    pub head_state_weights: Vec<f32>,
    /// `head_hidden` zeros: the bias of the states' product (the head's bias is added once
    /// per window).
    pub zero_bias: Vec<f32>,
}

/// One paragraph for training a [`ParagraphRoleNetwork`]: its tokens' inputs, and the tokens
/// of the role windows inside it with their gold labels.
pub trait ParagraphExample {
    fn tokens(&self) -> usize;
    /// Every token's contextual vector, one after another (zeros where there is none).
    fn dense(&self, out: &mut Vec<f32>);
    /// Every token's own categorical ids for the encoder, the same number a token.
    fn ids(&self, out: &mut Vec<u32>);
    /// Every labelled token of the paragraph's windows as (its index in the paragraph, its
    /// cue head's, its gold label), and its categorical ids for the head (the same number a
    /// labelled token) into `ids`.
    fn labelled(&self, tokens: &mut Vec<(usize, usize, usize)>, ids: &mut Vec<u32>);
}

impl ParagraphRoleNetwork {
    /// A network with small random weights from `seed`, for vectors `width` wide, an encoder
    /// of `projection` units under GRUs of `hidden` units, and a head of `head_hidden` units.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        width: usize,
        encoder_sparse: usize,
        projection: usize,
        hidden: usize,
        head_hidden: usize,
        head_sparse: usize,
        labels: usize,
        seed: u64,
    ) -> ParagraphRoleNetwork {
        let encoder = Recurrent::new(
            Sizes {
                dense: width,
                sparse: encoder_sparse,
                projection,
                hidden,
                labels: 0,
            },
            seed,
        );
        let head = Network::new(
            2 * width + 4 * hidden,
            head_sparse,
            head_hidden,
            labels,
            seed.wrapping_add(1),
        );
        ParagraphRoleNetwork {
            encoder,
            head,
            scoring: OnceLock::new(),
        }
    }

    /// Width of the contextual vectors it reads.
    pub fn vector_width(&self) -> usize {
        self.encoder.sizes.dense
    }

    /// Floats of one token's GRU states (both directions).
    pub fn state_width(&self) -> usize {
        2 * self.encoder.sizes.hidden
    }

    /// Its weights laid out for scoring (see [`ParagraphScoringWeights`]), made on the first
    /// call.
    pub fn scoring_weights(&self) -> &ParagraphScoringWeights {
        self.scoring.get_or_init(|| {
            let (width, sw, p, c) = (
                self.vector_width(),
                self.state_width(),
                self.encoder.sizes.projection,
                self.head.hidden,
            );
            let head_weights = |range: std::ops::Range<usize>| -> Vec<f32> {
                (0..c)
                    .flat_map(|j| self.head.input_weights(j, range.clone()))
                    .copied()
                    .collect()
            };
            let mut vector_weights = self.encoder.input_weights(0..width);
            vector_weights.extend(head_weights(0..width));
            let mut vector_bias = self.encoder.input_bias().to_vec();
            vector_bias.resize(p + c, 0.0);
            ParagraphScoringWeights {
                vector_weights: TransposedWeights::new(vector_weights, width, p + c),
                vector_bias,
                token_state_weights: TransposedWeights::new(
                    head_weights(2 * width..2 * width + sw),
                    sw,
                    c,
                ),
                head_state_weights: head_weights(2 * width + sw..2 * width + 2 * sw),
                zero_bias: vec![0.0; c],
            }
        })
    }

    /// Whether the head reads what the encoder gives (a file could pair them wrongly).
    fn is_consistent(&self) -> bool {
        self.encoder.sizes.labels == 0
            && self.head.dense == 2 * self.vector_width() + 2 * self.state_width()
    }

    /// Every paragraph token's GRU states (`state_width` floats a token) after a forward pass
    /// over the paragraph (`tape`).
    fn all_states(&self, tape: &Tape, tokens: usize, out: &mut Vec<f32>) {
        let width = self.state_width();
        out.clear();
        out.resize(tokens * width, 0.0);
        for (t, row) in out.chunks_exact_mut(width.max(1)).enumerate() {
            self.encoder.token_states(tape, t, row);
        }
    }

    /// The head's dense input for token `k` of a window around a cue with head `head` (both
    /// paragraph indices) into `out`.
    fn head_input(&self, dense: &[f32], states: &[f32], k: usize, head: usize, out: &mut Vec<f32>) {
        let (width, state) = (self.vector_width(), self.state_width());
        out.clear();
        for t in [k, head] {
            match dense.get(t * width..(t + 1) * width) {
                Some(v) => out.extend_from_slice(v),
                None => out.resize(out.len() + width, 0.0),
            }
        }
        for t in [k, head] {
            match states.get(t * state..(t + 1) * state) {
                Some(s) => out.extend_from_slice(s),
                None => out.resize(out.len() + state, 0.0),
            }
        }
    }

    /// The label log-probabilities (`labels` a query) of the queried tokens of a paragraph:
    /// each query is (token, cue head) as paragraph indices, with `head_ids` the head's
    /// categorical ids, the same number a query. The plain computation, for training and
    /// for checking the model's faster one.
    pub fn log_probs(
        &self,
        input: SequenceInput,
        tokens: usize,
        queries: &[(usize, usize)],
        head_ids: &[u32],
        tape: &mut Tape,
    ) -> Vec<f32> {
        self.encoder.forward(input, tokens, tape);
        let mut states = Vec::new();
        self.all_states(tape, tokens, &mut states);
        let per_query = head_ids.len() / queries.len().max(1);
        let mut x = Vec::with_capacity(self.head.dense);
        let mut scratch = super::network::Scratch::default();
        let mut out = vec![0.0f32; queries.len() * self.head.labels];
        for (n, &(k, head)) in queries.iter().enumerate() {
            self.head_input(input.dense, &states, k, head, &mut x);
            let ids = head_ids
                .get(n * per_query..(n + 1) * per_query)
                .unwrap_or(&[]);
            let labels = self.head.labels;
            self.head.log_probs(
                &x,
                ids,
                &mut scratch,
                &mut out[n * labels..(n + 1) * labels],
            );
        }
        out
    }

    /// The network as bytes: the signature, the encoder's length in bytes (little-endian
    /// u32), the encoder ([`Recurrent::to_bytes`]) and the head ([`Network::to_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let encoder = self.encoder.to_bytes();
        let mut out = PARAGRAPH_MAGIC.to_vec();
        out.extend_from_slice(&(encoder.len() as u32).to_le_bytes());
        out.extend_from_slice(&encoder);
        out.extend_from_slice(&self.head.to_bytes());
        out
    }

    /// Reads a network written by [`ParagraphRoleNetwork::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<ParagraphRoleNetwork, ModelError> {
        let err = |m: &str| ModelError(format!("paragraph role network: {m}"));
        let rest = bytes
            .strip_prefix(PARAGRAPH_MAGIC.as_slice())
            .ok_or_else(|| err("not a network file of this kind"))?;
        let (length, rest) = rest
            .split_first_chunk::<4>()
            .ok_or_else(|| err("truncated header"))?;
        let length = u32::from_le_bytes(*length) as usize;
        if length > rest.len() {
            return Err(err("truncated encoder"));
        }
        let (encoder, head) = rest.split_at(length);
        let net = ParagraphRoleNetwork {
            encoder: Recurrent::from_bytes(encoder)?,
            head: Network::from_bytes(head)?,
            scoring: OnceLock::new(),
        };
        if !net.is_consistent() {
            return Err(err("the head does not read the encoder's states"));
        }
        Ok(net)
    }
}

/// Adam on the cross-entropy summed over a minibatch of paragraphs' labelled tokens, through
/// the head into the encoder (backpropagation through time over each paragraph).
pub struct ParagraphTrainer {
    pub net: ParagraphRoleNetwork,
    /// The encoder's gradient and moments, laid out as its parameters.
    encoder_grad: Vec<f32>,
    encoder_m: Vec<f32>,
    encoder_v: Vec<f32>,
    /// The head's gradient and moments: `w1`, embeddings, `b1`, `w2`, `b2` one after another.
    head_grad: Vec<f32>,
    head_m: Vec<f32>,
    head_v: Vec<f32>,
    step: i32,
    pub learning_rate: f32,
    /// The gradient's norm is scaled down to this when it is larger.
    pub clip: f32,
    tape: Tape,
}

/// Where the head's weight groups start in [`ParagraphTrainer`]'s flat head buffers.
#[derive(Clone, Copy)]
struct HeadOffsets {
    w1: usize,
    embeddings: usize,
    b1: usize,
    w2: usize,
    b2: usize,
    end: usize,
}

impl HeadOffsets {
    fn of(head: &Network) -> HeadOffsets {
        let embeddings = head.w1.len();
        let b1 = embeddings + head.embeddings.len();
        let w2 = b1 + head.b1.len();
        let b2 = w2 + head.w2.len();
        HeadOffsets {
            w1: 0,
            embeddings,
            b1,
            w2,
            b2,
            end: b2 + head.b2.len(),
        }
    }
}

impl ParagraphTrainer {
    pub fn new(net: ParagraphRoleNetwork, learning_rate: f32) -> ParagraphTrainer {
        let encoder = net.encoder.params.len();
        let head = HeadOffsets::of(&net.head).end;
        ParagraphTrainer {
            net,
            encoder_grad: vec![0.0; encoder],
            encoder_m: vec![0.0; encoder],
            encoder_v: vec![0.0; encoder],
            head_grad: vec![0.0; head],
            head_m: vec![0.0; head],
            head_v: vec![0.0; head],
            step: 0,
            learning_rate,
            clip: 5.0,
            tape: Tape::default(),
        }
    }

    /// Adds one paragraph's gradient (summed over its labelled tokens) to the gradients;
    /// returns its summed cross-entropy and how many labelled tokens' best label is gold.
    fn accumulate(
        &mut self,
        dense: &[f32],
        ids: &[u32],
        tokens: usize,
        labelled: &[(usize, usize, usize)],
        head_ids: &[u32],
    ) -> (f32, usize) {
        if tokens == 0 || labelled.is_empty() {
            return (0.0, 0);
        }
        let input = SequenceInput {
            dense,
            ids,
            ids_per_token: ids.len() / tokens,
        };
        let net = &self.net;
        let tape = &mut self.tape;
        net.encoder.forward(input, tokens, tape);
        let mut states = Vec::new();
        net.all_states(tape, tokens, &mut states);
        let head = &net.head;
        let (dn, hn, ln) = (head.dense, head.hidden, head.labels);
        let o = HeadOffsets::of(head);
        let h = net.encoder.sizes.hidden;
        let state_start = 2 * net.vector_width();
        let grad = &mut self.head_grad;
        let mut d_states = [
            vec![0.0f32; (tokens + 1) * h],
            vec![0.0f32; (tokens + 1) * h],
        ];
        let mut d_projection = vec![0.0f32; tokens * net.encoder.sizes.projection];
        let per_query = head_ids.len() / labelled.len();
        let mut x = Vec::with_capacity(dn);
        let mut hidden = vec![0.0f32; hn];
        let mut scores = vec![0.0f32; ln];
        let mut d_hidden = vec![0.0f32; hn];
        let mut d_x = vec![0.0f32; 4 * h];
        let (mut loss, mut right) = (0.0, 0);
        for (n, &(k, cue_head, gold)) in labelled.iter().enumerate() {
            let gold = gold.min(ln - 1);
            net.head_input(dense, &states, k, cue_head, &mut x);
            let query_ids: Vec<usize> = head_ids
                .get(n * per_query..(n + 1) * per_query)
                .unwrap_or(&[])
                .iter()
                .map(|&id| id as usize)
                .filter(|&id| id < head.sparse)
                .collect();
            hidden.copy_from_slice(&head.b1);
            add_matrix_vector(&head.w1, &x, &mut hidden);
            for &id in &query_ids {
                axpy(1.0, &head.embeddings[id * hn..(id + 1) * hn], &mut hidden);
            }
            for a in hidden.iter_mut() {
                *a = a.max(0.0);
            }
            scores.copy_from_slice(&head.b2);
            add_matrix_vector(&head.w2, &hidden, &mut scores);
            log_softmax(&mut scores);
            loss -= scores[gold];
            let best = (0..ln)
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                .unwrap_or(0);
            right += usize::from(best == gold);
            // d loss / d score = p − 1[y = gold].
            for (y, s) in scores.iter_mut().enumerate() {
                *s = s.exp() - if y == gold { 1.0 } else { 0.0 };
            }
            add_outer(&scores, &hidden, &mut grad[o.w2..o.b2]);
            axpy(1.0, &scores, &mut grad[o.b2..o.end]);
            d_hidden.fill(0.0);
            add_transposed_matrix_vector(&head.w2, &scores, &mut d_hidden);
            for (d, &a) in d_hidden.iter_mut().zip(&hidden) {
                if a <= 0.0 {
                    *d = 0.0;
                }
            }
            add_outer(&d_hidden, &x, &mut grad[o.w1..o.embeddings]);
            axpy(1.0, &d_hidden, &mut grad[o.b1..o.w2]);
            for &id in &query_ids {
                let row = o.embeddings + id * hn;
                axpy(1.0, &d_hidden, &mut grad[row..row + hn]);
            }
            // The states' share of the input gradient, into the GRUs' state gradients: the
            // token's, then the cue head's (forward rows are one after the token's index).
            d_x.fill(0.0);
            for (j, &d) in d_hidden.iter().enumerate() {
                if d != 0.0 {
                    let row = &head.w1[j * dn + state_start..(j + 1) * dn];
                    axpy(d, row, &mut d_x);
                }
            }
            for (part, t) in [k, cue_head].into_iter().enumerate() {
                if t >= tokens {
                    continue;
                }
                let d = &d_x[part * 2 * h..(part + 1) * 2 * h];
                axpy(1.0, &d[..h], &mut d_states[0][(t + 1) * h..(t + 2) * h]);
                axpy(1.0, &d[h..], &mut d_states[1][t * h..(t + 1) * h]);
            }
        }
        net.encoder.backward_through_time(
            tape,
            input,
            &mut d_states,
            &mut d_projection,
            &mut self.encoder_grad,
        );
        (loss, right)
    }

    /// One Adam step on a minibatch of paragraphs, the gradient averaged over their labelled
    /// tokens; returns the summed cross-entropy, the count of labelled tokens whose best
    /// label is gold, and the count of labelled tokens.
    pub fn learn<E: ParagraphExample>(&mut self, batch: &[E]) -> (f32, usize, usize) {
        self.encoder_grad.fill(0.0);
        self.head_grad.fill(0.0);
        let (mut loss, mut right, mut count) = (0.0, 0, 0);
        let (mut dense, mut ids, mut labelled, mut head_ids) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for example in batch {
            dense.clear();
            ids.clear();
            labelled.clear();
            head_ids.clear();
            example.dense(&mut dense);
            example.ids(&mut ids);
            example.labelled(&mut labelled, &mut head_ids);
            let (l, r) = self.accumulate(&dense, &ids, example.tokens(), &labelled, &head_ids);
            loss += l;
            right += r;
            count += labelled.len();
        }
        if count == 0 {
            return (0.0, 0, 0);
        }
        let scale = 1.0 / count as f32;
        let squares: f32 = self
            .encoder_grad
            .iter()
            .chain(&self.head_grad)
            .map(|g| g * g)
            .sum();
        let norm = squares.sqrt() * scale;
        let scale = if norm > self.clip {
            scale * self.clip / norm
        } else {
            scale
        };
        self.step += 1;
        // The weights change: the scoring layouts made from them are stale.
        self.net.scoring = OnceLock::new();
        let rate = adam_rate(self.learning_rate, self.step);
        adam_update(
            &mut self.net.encoder.params,
            &self.encoder_grad,
            &mut self.encoder_m,
            &mut self.encoder_v,
            scale,
            rate,
        );
        let o = HeadOffsets::of(&self.net.head);
        let head = &mut self.net.head;
        for (part, range) in [
            (&mut head.w1, o.w1..o.embeddings),
            (&mut head.embeddings, o.embeddings..o.b1),
            (&mut head.b1, o.b1..o.w2),
            (&mut head.w2, o.w2..o.b2),
            (&mut head.b2, o.b2..o.end),
        ] {
            adam_update(
                part,
                &self.head_grad[range.clone()],
                &mut self.head_m[range.clone()],
                &mut self.head_v[range],
                scale,
                rate,
            );
        }
        (loss, right, count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sequence of one-float tokens, each with one categorical id.
    struct Toy {
        x: Vec<f32>,
        ids: Vec<u32>,
        y: Vec<usize>,
    }

    impl SequenceExample for Toy {
        fn tokens(&self) -> usize {
            self.y.len()
        }
        fn dense(&self, out: &mut Vec<f32>) {
            out.extend_from_slice(&self.x);
        }
        fn ids(&self, out: &mut Vec<u32>) {
            out.extend_from_slice(&self.ids);
        }
        fn labels(&self, out: &mut Vec<usize>) {
            out.extend_from_slice(&self.y);
        }
    }

    fn sizes(dense: usize, labels: usize) -> Sizes {
        Sizes {
            dense,
            sparse: 3,
            projection: 6,
            hidden: 5,
            labels,
        }
    }

    #[test]
    fn the_fixed_size_recurrences_are_the_general_one_to_the_bit() {
        for hidden in [8, 16, 32] {
            let sizes = Sizes {
                dense: 4,
                sparse: 3,
                projection: 8,
                hidden,
                labels: 5,
            };
            let net = Recurrent::new(sizes, 7 + hidden as u64);
            let tokens = 9;
            let mut rng = Rng(3);
            let pre_activations: Vec<f32> = (0..tokens * sizes.projection)
                .map(|_| rng.symmetric() * 2.0)
                .collect();
            let mut general = Tape {
                projection: pre_activations,
                ..Tape::default()
            };
            let mut fixed = general.clone();
            for tape in [&mut general, &mut fixed] {
                net.run_portable(tokens, tape);
            }
            // Run the states again through the general recurrence alone.
            for direction in 0..2 {
                general.states[direction].fill(0.0);
            }
            net.recur(tokens, &mut general);
            for direction in 0..2 {
                let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(
                    bits(&general.states[direction]),
                    bits(&fixed.states[direction])
                );
                assert_eq!(bits(&general.z[direction]), bits(&fixed.z[direction]));
                assert_eq!(bits(&general.u[direction]), bits(&fixed.u[direction]));
            }
        }
    }

    #[test]
    fn the_wide_instruction_paths_are_the_portable_one_to_the_bit() {
        for (hidden, states_only) in [(8, true), (16, true), (16, false), (32, true), (12, true)] {
            let sizes = Sizes {
                dense: 4,
                sparse: 3,
                projection: 8,
                hidden,
                labels: 5,
            };
            let net = Recurrent::new(sizes, 11 + hidden as u64);
            let tokens = 13;
            let mut rng = Rng(5);
            let portable_tape = Tape {
                projection: (0..tokens * sizes.projection)
                    .map(|_| rng.symmetric() * 2.0)
                    .collect(),
                states_only,
                ..Tape::default()
            };
            let mut portable = portable_tape.clone();
            net.run_portable(tokens, &mut portable);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            let mut wide = Vec::new();
            #[cfg(target_arch = "x86_64")]
            {
                if std::is_x86_feature_detected!("avx2") {
                    let mut tape = portable_tape.clone();
                    // SAFETY: the processor has AVX2, checked just above.
                    unsafe { net.run_avx2(tokens, &mut tape) };
                    wide.push(tape);
                }
                if std::is_x86_feature_detected!("avx512f") {
                    let mut tape = portable_tape.clone();
                    // SAFETY: the processor has AVX-512F, checked just above.
                    unsafe { net.run_avx512(tokens, &mut tape) };
                    wide.push(tape);
                }
            }
            for tape in &wide {
                for direction in 0..2 {
                    assert_eq!(
                        bits(&tape.states[direction]),
                        bits(&portable.states[direction])
                    );
                    assert_eq!(bits(&tape.z[direction]), bits(&portable.z[direction]));
                }
                assert_eq!(bits(&tape.log_probs), bits(&portable.log_probs));
            }
        }
    }

    #[test]
    fn the_fast_exponential_is_the_libraries_to_some_parts_in_a_million() {
        for i in -800..=800 {
            let x = i as f32 / 10.0;
            let (fast, exact) = (fast_exp(x), x.exp());
            assert!(
                (fast - exact).abs() <= 1e-5 * exact,
                "{x}: {fast} vs {exact}"
            );
        }
        assert!(fast_exp(-1000.0) >= 0.0 && fast_exp(1000.0).is_finite());
        assert!((tanh(0.5) - 0.5f32.tanh()).abs() < 1e-6);
        assert!((sigmoid(-2.0) - 1.0 / (1.0 + 2.0f32.exp())).abs() < 1e-6);
    }

    #[test]
    fn the_gradient_matches_finite_differences() {
        let toy = Toy {
            x: vec![0.3, -0.7, 0.9, 0.1],
            ids: vec![0, 2, 1, 1],
            y: vec![2, 0, 1, 2],
        };
        let net = Recurrent::new(sizes(1, 3), 5);
        let loss = |net: &Recurrent| {
            let input = SequenceInput {
                dense: &toy.x,
                ids: &toy.ids,
                ids_per_token: 1,
            };
            let log_probs = net.log_probs(input, 4, &mut Tape::default());
            toy.y
                .iter()
                .enumerate()
                .map(|(t, &y)| -log_probs[t * 3 + y])
                .sum::<f32>()
        };
        let mut trainer = RecurrentTrainer::new(net.clone(), 0.0);
        trainer.grad.fill(0.0);
        trainer.accumulate(&toy.x, &toy.ids, &toy.y);
        let layout = net.sizes.layout();
        let (h, p) = (5, 6);
        let probes = [
            layout.w_in + 2,
            layout.embeddings + 2 * p + 1,
            layout.b_in + 3,
            layout.gru[0] + 4,
            layout.gru[0] + 3 * h * p + 7,
            layout.gru[0] + 3 * h * p + 2 * h * h + 9,
            layout.gru[0] + 3 * h * p + 3 * h * h + 11,
            layout.gru[1] + 13,
            layout.gru[1] + 3 * h * p + h * h + 3,
            layout.gru[1] + 3 * h * p + 2 * h * h + 17,
            layout.w_out + 8,
            layout.b_out + 1,
        ];
        for index in probes {
            let eps = 1e-2;
            let mut plus = net.clone();
            plus.params[index] += eps;
            let mut minus = net.clone();
            minus.params[index] -= eps;
            let numeric = (loss(&plus) - loss(&minus)) / (2.0 * eps);
            let analytic = trainer.grad[index];
            assert!(
                (numeric - analytic).abs() < 2e-3 + 0.02 * analytic.abs(),
                "parameter {index}: {numeric} vs {analytic}"
            );
        }
    }

    /// Each token's label is whether a marker token came earlier in the sequence (for the
    /// forward state) or comes later (for the backward one): nothing a per-token scorer can
    /// learn from the token alone.
    #[test]
    fn learns_labels_that_depend_on_tokens_far_away() {
        let mut rng = Rng(3);
        let data: Vec<Toy> = (0..64)
            .map(|_| {
                let len = 8 + (rng.next_u64() % 8) as usize;
                let marker = (rng.next_u64() % len as u64) as usize;
                let x: Vec<f32> = (0..len)
                    .map(|t| if t == marker { 1.0 } else { 0.0 })
                    .collect();
                let y = (0..len)
                    .map(|t| match t.cmp(&marker) {
                        std::cmp::Ordering::Less => 0,
                        std::cmp::Ordering::Equal => 1,
                        std::cmp::Ordering::Greater => 2,
                    })
                    .collect();
                Toy {
                    ids: vec![0; len],
                    x,
                    y,
                }
            })
            .collect();
        let mut trainer = RecurrentTrainer::new(Recurrent::new(sizes(1, 3), 9), 0.02);
        for _ in 0..60 {
            for batch in data.chunks(8) {
                trainer.learn(batch);
            }
        }
        let tokens: usize = data.iter().map(|d| d.y.len()).sum();
        let right: usize = data.chunks(8).map(|b| trainer.learn(b).1).sum();
        assert!(
            right as f32 > 0.95 * tokens as f32,
            "{right} of {tokens} right"
        );
    }

    /// A paragraph of one-float tokens with two windows' labelled tokens.
    struct ToyParagraph {
        x: Vec<f32>,
        ids: Vec<u32>,
        labelled: Vec<(usize, usize, usize)>,
        head_ids: Vec<u32>,
    }

    impl ParagraphExample for ToyParagraph {
        fn tokens(&self) -> usize {
            self.x.len()
        }
        fn dense(&self, out: &mut Vec<f32>) {
            out.extend_from_slice(&self.x);
        }
        fn ids(&self, out: &mut Vec<u32>) {
            out.extend_from_slice(&self.ids);
        }
        fn labelled(&self, tokens: &mut Vec<(usize, usize, usize)>, ids: &mut Vec<u32>) {
            tokens.extend_from_slice(&self.labelled);
            ids.extend_from_slice(&self.head_ids);
        }
    }

    fn toy_paragraph() -> ToyParagraph {
        ToyParagraph {
            x: vec![0.3, -0.7, 0.9, 0.1, -0.4],
            ids: vec![0, 2, 1, 1, 0],
            // Two cues' windows over the same paragraph (heads 1 and 3), one token labelled
            // beside a head past the paragraph's end (no states).
            labelled: vec![
                (0, 1, 2),
                (2, 1, 0),
                (4, 1, 1),
                (2, 3, 1),
                (4, 3, 2),
                (1, 5, 0),
            ],
            head_ids: vec![0, 1, 2, 0, 1, 2, 2, 1, 0, 1, 1, 1, 0, 0, 2, 2, 2, 0],
        }
    }

    #[test]
    fn the_scoring_layouts_follow_the_weights_through_training() {
        let net = ParagraphRoleNetwork::new(1, 3, 6, 5, 4, 3, 3, 5);
        let before = net.scoring_weights().clone();
        let mut trainer = ParagraphTrainer::new(net, 0.05);
        trainer.learn(&[toy_paragraph()]);
        let trained = &trainer.net;
        let fresh = ParagraphRoleNetwork {
            encoder: trained.encoder.clone(),
            head: trained.head.clone(),
            scoring: OnceLock::new(),
        };
        let (after, expected) = (trained.scoring_weights(), fresh.scoring_weights());
        assert_ne!(after.vector_weights.weights, before.vector_weights.weights);
        assert_eq!(
            after.vector_weights.weights,
            expected.vector_weights.weights
        );
        assert_eq!(after.vector_bias, expected.vector_bias);
        assert_eq!(
            after.token_state_weights.weights,
            expected.token_state_weights.weights
        );
        assert_eq!(after.head_state_weights, expected.head_state_weights);
        assert_eq!(trained, &fresh);
    }

    #[test]
    fn the_paragraph_networks_gradient_matches_finite_differences() {
        let toy = toy_paragraph();
        let net = ParagraphRoleNetwork::new(1, 3, 6, 5, 4, 3, 3, 5);
        let loss = |net: &ParagraphRoleNetwork| {
            let input = SequenceInput {
                dense: &toy.x,
                ids: &toy.ids,
                ids_per_token: 1,
            };
            let queries: Vec<(usize, usize)> =
                toy.labelled.iter().map(|&(k, h, _)| (k, h)).collect();
            let log_probs = net.log_probs(input, 5, &queries, &toy.head_ids, &mut Tape::default());
            toy.labelled
                .iter()
                .enumerate()
                .map(|(n, &(_, _, y))| -log_probs[n * 3 + y])
                .sum::<f32>()
        };
        let mut trainer = ParagraphTrainer::new(net.clone(), 0.0);
        trainer.accumulate(&toy.x, &toy.ids, 5, &toy.labelled, &toy.head_ids);
        let eps = 1e-2;
        let check = |numeric: f32, analytic: f32, what: &str| {
            assert!(
                (numeric - analytic).abs() < 2e-3 + 0.02 * analytic.abs(),
                "{what}: {numeric} vs {analytic}"
            );
        };
        let layout = net.encoder.sizes.layout();
        for index in [
            layout.w_in + 2,
            layout.embeddings + 7,
            layout.b_in + 3,
            layout.gru[0] + 4,
            layout.gru[0] + 6 * 5 * 3 + 7,
            layout.gru[1] + 13,
            layout.gru[1] + 6 * 5 * 3 + 5 * 5 * 3 + 2,
        ] {
            let (mut plus, mut minus) = (net.clone(), net.clone());
            plus.encoder.params[index] += eps;
            minus.encoder.params[index] -= eps;
            let numeric = (loss(&plus) - loss(&minus)) / (2.0 * eps);
            check(
                numeric,
                trainer.encoder_grad[index],
                &format!("encoder {index}"),
            );
        }
        let o = HeadOffsets::of(&net.head);
        let dn = net.head.dense;
        // The head's weights on the vectors, the token's states and the cue head's states.
        for (part, index) in [
            (0, 1),
            (0, 2 * dn + 3),
            (0, dn + 8),
            (0, 3 * dn + 11),
            (1, 5),
            (2, 2),
            (3, 7),
            (4, 1),
        ] {
            let (mut plus, mut minus) = (net.clone(), net.clone());
            let offset = [o.w1, o.embeddings, o.b1, o.w2, o.b2][part];
            for (net, delta) in [(&mut plus, eps), (&mut minus, -eps)] {
                let head = &mut net.head;
                let weights = [
                    &mut head.w1,
                    &mut head.embeddings,
                    &mut head.b1,
                    &mut head.w2,
                    &mut head.b2,
                ];
                weights.into_iter().nth(part).expect("five parts")[index] += delta;
            }
            let numeric = (loss(&plus) - loss(&minus)) / (2.0 * eps);
            check(
                numeric,
                trainer.head_grad[offset + index],
                &format!("head {part} {index}"),
            );
        }
    }

    #[test]
    fn a_paragraph_network_survives_writing_and_reading_and_a_bad_file_is_refused() {
        let net = ParagraphRoleNetwork::new(4, 3, 6, 5, 7, 9, 5, 11);
        let bytes = net.to_bytes();
        assert_eq!(ParagraphRoleNetwork::from_bytes(&bytes), Ok(net.clone()));
        for cut in [0, 5, 9, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(ParagraphRoleNetwork::from_bytes(&bytes[..cut]).is_err());
        }
        let mut long = bytes.clone();
        long[6..10].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(ParagraphRoleNetwork::from_bytes(&long).is_err());
        // A head that does not read the encoder's states.
        let other = ParagraphRoleNetwork::new(4, 3, 6, 4, 7, 9, 5, 11);
        let mut mixed = PARAGRAPH_MAGIC.to_vec();
        let encoder = net.encoder.to_bytes();
        mixed.extend_from_slice(&(encoder.len() as u32).to_le_bytes());
        mixed.extend_from_slice(&encoder);
        mixed.extend_from_slice(&other.head.to_bytes());
        assert!(ParagraphRoleNetwork::from_bytes(&mixed).is_err());
    }

    #[test]
    fn a_network_survives_writing_and_reading_and_a_bad_file_is_refused() {
        let net = Recurrent::new(sizes(4, 5), 11);
        let bytes = net.to_bytes();
        assert_eq!(Recurrent::from_bytes(&bytes), Ok(net));
        assert!(Recurrent::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Recurrent::from_bytes(&bytes[..10]).is_err());
        assert!(Recurrent::from_bytes(b"garbage").is_err());
        let mut huge = bytes.clone();
        huge[6..10].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Recurrent::from_bytes(&huge).is_err());
        let mut bad = bytes;
        let last = bad.len() - 4;
        bad[last..].copy_from_slice(&f32::NAN.to_le_bytes());
        assert!(Recurrent::from_bytes(&bad).is_err());
    }
}
