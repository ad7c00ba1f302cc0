//! A small feed-forward scorer over the English pipeline's contextual token vectors, for the
//! attribution model's taggers: one ReLU hidden layer over a dense input (a token's vector and
//! its neighbours') plus learned embeddings of a few categorical features, and a softmax over
//! the tagger's labels. Its log-probabilities are added, weighted, to the linear tagger's
//! emission scores before Viterbi decoding (see [`super::model`]).
//!
//! Forward and backward passes are written out by hand over flat `f32` buffers; training is
//! minibatch Adam in a fixed order from a fixed seed, so a run is reproducible. The file form
//! is versioned and read without panicking on a bad file.

use super::model::ModelError;

/// File signature of a network file.
const MAGIC: &[u8; 6] = b"NFQN1\n";

/// The network's weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// Width of the dense input.
    pub dense: usize,
    /// Rows of the embedding table the categorical features index.
    pub sparse: usize,
    pub hidden: usize,
    pub labels: usize,
    /// `hidden × dense`, one row per hidden unit.
    pub w1: Vec<f32>,
    /// `sparse × hidden`: a categorical feature's row is added to the hidden layer's input.
    pub embeddings: Vec<f32>,
    pub b1: Vec<f32>,
    /// `labels × hidden`.
    pub w2: Vec<f32>,
    pub b2: Vec<f32>,
}

/// Buffers reused between tokens so scoring allocates nothing per token.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    hidden: Vec<f32>,
}

/// A small deterministic generator (xorshift64*) for initial weights and visiting orders.
#[derive(Debug, Clone)]
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in [-1, 1).
    pub(crate) fn symmetric(&mut self) -> f32 {
        ((self.next_u64() >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// The dot product of two equally long slices.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight partial sums so the loop vectorises.
    let mut acc = [0.0f32; 8];
    let chunks = a.len() / 8 * 8;
    for (x, y) in a[..chunks].chunks_exact(8).zip(b[..chunks].chunks_exact(8)) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    let mut sum: f32 = acc.iter().sum();
    for (x, y) in a[chunks..].iter().zip(&b[chunks..]) {
        sum += x * y;
    }
    sum
}

/// A weight matrix of `n` rows of `k` (as [`newsfacts_nlp::linalg::affine`] reads it) beside
/// its transpose, `k` rows of `n` padded with zeros to whole blocks of [`AFFINE_LANES`], made
/// once per model: [`affine_transposed`] reads the transpose without packing it per call.
#[derive(Debug, Clone, Default)]
pub struct TransposedWeights {
    pub weights: Vec<f32>,
    transposed: Vec<f32>,
    k: usize,
    n: usize,
    padded: usize,
}

/// Output columns one block of [`affine_transposed`] sums at once (one AVX register).
const AFFINE_LANES: usize = 8;
/// Rows one tile of [`affine_transposed`] sums at once, over up to six blocks of columns:
/// twelve independent sums keep the multiply-add units busy while each waits on its own last
/// step, and with the broadcast row value they fit the sixteen AVX registers.
const AFFINE_ROWS: usize = 2;

impl TransposedWeights {
    /// `weights`: `n` rows of `k`.
    pub fn new(weights: Vec<f32>, k: usize, n: usize) -> TransposedWeights {
        let padded = n.div_ceil(AFFINE_LANES) * AFFINE_LANES;
        let mut transposed = vec![0.0; k * padded];
        for (j, row) in weights.chunks_exact(k.max(1)).take(n).enumerate() {
            for (i, &w) in row.iter().enumerate() {
                transposed[i * padded + j] = w;
            }
        }
        TransposedWeights {
            weights,
            transposed,
            k,
            n,
            padded,
        }
    }
}

/// `out` (`m` rows of `n`) = `x` (`m` rows of `k`) times the weights' transpose plus `bias`, to
/// the bit what [`newsfacts_nlp::linalg::affine`] gives. Its GEMM (matrixmultiply's FMA and
/// AVX-512 kernels, for `k` up to their 256-deep blocks) sums each output as one chain of fused
/// multiply-adds over `k` in order from zero, then adds the bias once; so does this, without
/// packing both matrices on every call, which for a paragraph's few rows cost more than the
/// products. Where that does not hold — no FMA, a deeper `k`, two rows or fewer (dot products
/// there) — it calls `affine` itself.
pub fn affine_transposed(
    x: &[f32],
    weights: &TransposedWeights,
    bias: &[f32],
    m: usize,
    out: &mut [f32],
) {
    let (k, n) = (weights.k, weights.n);
    #[cfg(target_arch = "x86_64")]
    if m > 2
        && (1..=256).contains(&k)
        && x.len() >= m * k
        && bias.len() >= n
        && out.len() >= m * n
        && std::is_x86_feature_detected!("avx2")
        && std::is_x86_feature_detected!("fma")
    {
        // SAFETY: the processor has AVX2 and FMA, checked just above.
        unsafe { affine_transposed_fma(x, weights, bias, m, out) };
        return;
    }
    newsfacts_nlp::linalg::affine(x, &weights.weights, bias, m, k, n, out);
}

/// [`affine_transposed`] by tiles of up to [`AFFINE_ROWS`] rows and six blocks of columns.
///
/// # Safety
/// The processor has AVX2 and FMA; `x` holds `m` rows of `k`, `out` `m` rows of `n`, `bias`
/// `n` values.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn affine_transposed_fma(
    x: &[f32],
    weights: &TransposedWeights,
    bias: &[f32],
    m: usize,
    out: &mut [f32],
) {
    let blocks = weights.padded / AFFINE_LANES;
    let mut r = 0;
    while r < m {
        let rows = (m - r).min(AFFINE_ROWS);
        let mut block = 0;
        while block < blocks {
            // Sizes known when compiling, so that the sums stay in registers.
            let left = blocks - block;
            // SAFETY: as this function's contract says; the transposed weights hold `k` rows
            // of `padded` columns, so every block below `blocks` is there.
            block += unsafe {
                match (rows, left) {
                    (AFFINE_ROWS, 6..) => {
                        affine_tile::<AFFINE_ROWS, 6>(x, weights, bias, r, block, out)
                    }
                    (AFFINE_ROWS, 4..) => {
                        affine_tile::<AFFINE_ROWS, 4>(x, weights, bias, r, block, out)
                    }
                    (AFFINE_ROWS, _) => {
                        affine_tile::<AFFINE_ROWS, 1>(x, weights, bias, r, block, out)
                    }
                    (_, 6..) => affine_tile::<1, 6>(x, weights, bias, r, block, out),
                    (_, 4..) => affine_tile::<1, 4>(x, weights, bias, r, block, out),
                    (_, _) => affine_tile::<1, 1>(x, weights, bias, r, block, out),
                }
            };
        }
        r += rows;
    }
}

/// Rows `r..r + R` and column blocks `block..block + B` of [`affine_transposed`], each
/// output a chain of fused multiply-adds over `k` from zero, then the bias; returns `B`.
///
/// # Safety
/// As [`affine_transposed_fma`]'s; rows `r..r + R` below `m`, and the blocks within the
/// transposed weights' padded columns.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn affine_tile<const R: usize, const B: usize>(
    x: &[f32],
    weights: &TransposedWeights,
    bias: &[f32],
    r: usize,
    block: usize,
    out: &mut [f32],
) -> usize {
    use std::arch::x86_64::{
        __m256, _mm256_fmadd_ps, _mm256_loadu_ps, _mm256_set1_ps, _mm256_setzero_ps,
        _mm256_storeu_ps,
    };
    let (k, n, padded) = (weights.k, weights.n, weights.padded);
    let mut acc: [[__m256; B]; R] = [[_mm256_setzero_ps(); B]; R];
    let j0 = block * AFFINE_LANES;
    let w = weights.transposed.as_ptr();
    let x = x.as_ptr();
    for i in 0..k {
        // SAFETY: rows `r..r + R` < m and i < k; column `j0 + b·8 + 7` < padded. Each column
        // block is loaded once for the rows (twelve sums, two row values and one block fit
        // the sixteen registers).
        unsafe {
            let values: [__m256; R] =
                std::array::from_fn(|row| _mm256_set1_ps(*x.add((r + row) * k + i)));
            let column = w.add(i * padded + j0);
            // Indices, not iterators: `acc` is read across its rows for one block.
            #[allow(clippy::needless_range_loop)]
            for b in 0..B {
                let weights = _mm256_loadu_ps(column.add(b * AFFINE_LANES));
                for row in 0..R {
                    acc[row][b] = _mm256_fmadd_ps(values[row], weights, acc[row][b]);
                }
            }
        }
    }
    let mut lanes = [0.0f32; AFFINE_LANES];
    for (row, sums) in acc.iter().enumerate() {
        for (b, sum) in sums.iter().enumerate() {
            let start = j0 + b * AFFINE_LANES;
            if start >= n {
                break;
            }
            // SAFETY: `lanes` holds eight floats.
            unsafe { _mm256_storeu_ps(lanes.as_mut_ptr(), *sum) };
            let width = (n - start).min(AFFINE_LANES);
            let at = (r + row) * n + start;
            for ((o, s), b) in out[at..at + width]
                .iter_mut()
                .zip(&lanes)
                .zip(&bias[start..start + width])
            {
                *o = s + b;
            }
        }
    }
    B
}

fn axpy(alpha: f32, x: &[f32], y: &mut [f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += alpha * x;
    }
}

/// Turns scores into log-probabilities in place.
fn log_softmax(scores: &mut [f32]) {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = scores.iter().map(|s| (s - max).exp()).sum();
    let log_sum = max + sum.ln();
    for s in scores.iter_mut() {
        *s -= log_sum;
    }
}

impl Network {
    /// A network with small random weights from `seed`.
    pub fn new(dense: usize, sparse: usize, hidden: usize, labels: usize, seed: u64) -> Network {
        let mut rng = Rng(seed.max(1));
        let scale1 = (6.0 / (dense + hidden) as f32).sqrt();
        let scale2 = (6.0 / (hidden + labels) as f32).sqrt();
        Network {
            dense,
            sparse,
            hidden,
            labels,
            w1: (0..hidden * dense)
                .map(|_| rng.symmetric() * scale1)
                .collect(),
            embeddings: (0..sparse * hidden)
                .map(|_| rng.symmetric() * 0.05)
                .collect(),
            b1: vec![0.0; hidden],
            w2: (0..labels * hidden)
                .map(|_| rng.symmetric() * scale2)
                .collect(),
            b2: vec![0.0; labels],
        }
    }

    /// The hidden layer's activations for one input (ReLU applied), into `hidden`.
    fn hidden_layer(&self, dense: &[f32], sparse: &[u32], hidden: &mut Vec<f32>) {
        hidden.clear();
        hidden.extend_from_slice(&self.b1);
        for (j, h) in hidden.iter_mut().enumerate() {
            *h += dot(&self.w1[j * self.dense..(j + 1) * self.dense], dense);
        }
        self.activate(sparse, hidden);
    }

    /// Finishes a hidden layer whose bias and dense products are in `pre_activation`: adds the
    /// embeddings of the categorical ids (unknown ids are ignored) and applies the ReLU.
    fn activate(&self, sparse: &[u32], pre_activation: &mut [f32]) {
        for &id in sparse {
            let id = id as usize;
            if id < self.sparse {
                axpy(
                    1.0,
                    &self.embeddings[id * self.hidden..(id + 1) * self.hidden],
                    pre_activation,
                );
            }
        }
        for h in pre_activation.iter_mut() {
            *h = h.max(0.0);
        }
    }

    /// The label log-probabilities of one input into `out` (`labels` long). `dense` shorter
    /// than the network's input width is read as padded with zeros; unknown categorical ids
    /// are ignored.
    pub fn log_probs(&self, dense: &[f32], sparse: &[u32], scratch: &mut Scratch, out: &mut [f32]) {
        let mut padded;
        let dense = if dense.len() == self.dense {
            dense
        } else {
            padded = dense.to_vec();
            padded.resize(self.dense, 0.0);
            &padded[..]
        };
        self.hidden_layer(dense, sparse, &mut scratch.hidden);
        for (y, o) in out.iter_mut().enumerate().take(self.labels) {
            *o = self.b2[y]
                + dot(
                    &self.w2[y * self.hidden..(y + 1) * self.hidden],
                    &scratch.hidden,
                );
        }
        let filled = self.labels.min(out.len());
        log_softmax(&mut out[..filled]);
    }

    /// The first-layer weights hidden unit `j` gives to dense inputs `range`.
    pub fn input_weights(&self, j: usize, range: std::ops::Range<usize>) -> &[f32] {
        let start = j * self.dense;
        self.w1
            .get(start + range.start..start + range.end)
            .unwrap_or(&[])
    }

    /// The label log-probabilities into `out` from the hidden layer's dense part, computed by
    /// the caller (bias and first-layer products: `pre_activation`, `hidden` long, is changed
    /// in place), and the categorical ids — the same answer as [`Network::log_probs`] when
    /// the caller's sums are those of the whole dense input.
    pub fn log_probs_from(&self, pre_activation: &mut [f32], sparse: &[u32], out: &mut [f32]) {
        if pre_activation.len() != self.hidden {
            out.fill(0.0);
            return;
        }
        self.activate(sparse, pre_activation);
        for (y, o) in out.iter_mut().enumerate().take(self.labels) {
            *o = self.b2[y]
                + dot(
                    &self.w2[y * self.hidden..(y + 1) * self.hidden],
                    pre_activation,
                );
        }
        let filled = self.labels.min(out.len());
        log_softmax(&mut out[..filled]);
    }

    /// Adds the embedding rows of the categorical ids to a hidden layer's input (`hidden`
    /// long; unknown ids are ignored), for a caller that sums the input in parts.
    pub fn add_embeddings(&self, ids: &[u32], pre_activation: &mut [f32]) {
        for &id in ids {
            let id = id as usize;
            if let Some(row) = self
                .embeddings
                .get(id * self.hidden..(id + 1) * self.hidden)
            {
                axpy(1.0, row, pre_activation);
            }
        }
    }

    /// The label scores before the softmax into `out` from a hidden layer's whole input (bias,
    /// dense products and embeddings: `pre_activation`, `hidden` long, is changed in place).
    /// They differ from [`Network::log_probs_from`]'s by one constant, the log of the
    /// softmax's sum; a decoder that adds one token's scores to every label can skip it.
    pub fn scores_from(&self, pre_activation: &mut [f32], out: &mut [f32]) {
        if pre_activation.len() != self.hidden {
            out.fill(0.0);
            return;
        }
        self.activate(&[], pre_activation);
        for (y, o) in out.iter_mut().enumerate().take(self.labels) {
            *o = self.b2[y]
                + dot(
                    &self.w2[y * self.hidden..(y + 1) * self.hidden],
                    pre_activation,
                );
        }
    }

    fn parameter_count(&self) -> usize {
        self.w1.len() + self.embeddings.len() + self.b1.len() + self.w2.len() + self.b2.len()
    }

    /// The network as bytes: the signature, the four sizes as little-endian u32, then every
    /// weight as a little-endian f32 (w1, embeddings, b1, w2, b2).
    pub fn to_bytes(&self) -> Vec<u8> {
        let weights = [&self.w1, &self.embeddings, &self.b1, &self.w2, &self.b2]
            .into_iter()
            .flatten()
            .copied();
        write_network_file(
            MAGIC,
            &[self.dense, self.sparse, self.hidden, self.labels],
            weights,
        )
    }

    /// Reads a network written by [`Network::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Network, ModelError> {
        let err = |m: &str| ModelError(format!("scorer network: {m}"));
        let (sizes, weights) = read_network_file::<4>(bytes, MAGIC, &err)?;
        let [dense, sparse, hidden, labels] = sizes;
        // Bounds that keep a corrupt header from asking for gigabytes.
        if dense == 0 || dense > 1 << 14 || sparse > 1 << 16 || hidden == 0 || hidden > 1024 {
            return Err(err("bad sizes"));
        }
        if labels == 0 || labels > 16 {
            return Err(err("bad label count"));
        }
        let mut net = Network {
            dense,
            sparse,
            hidden,
            labels,
            w1: vec![0.0; hidden * dense],
            embeddings: vec![0.0; sparse * hidden],
            b1: vec![0.0; hidden],
            w2: vec![0.0; labels * hidden],
            b2: vec![0.0; labels],
        };
        if weights.len() != net.parameter_count() {
            return Err(err("weight count does not match the sizes"));
        }
        let mut values = weights.into_iter();
        for part in [
            &mut net.w1,
            &mut net.embeddings,
            &mut net.b1,
            &mut net.w2,
            &mut net.b2,
        ] {
            for (w, v) in part.iter_mut().zip(values.by_ref()) {
                *w = v;
            }
        }
        Ok(net)
    }
}

/// The file format of the scorer networks (this one and [`super::recurrent::Recurrent`]): a
/// signature, the sizes as little-endian u32, then every weight as a little-endian f32.
pub(super) fn write_network_file(
    magic: &[u8],
    sizes: &[usize],
    weights: impl IntoIterator<Item = f32>,
) -> Vec<u8> {
    let mut out = magic.to_vec();
    for &size in sizes {
        out.extend_from_slice(&(size as u32).to_le_bytes());
    }
    for w in weights {
        out.extend_from_slice(&w.to_le_bytes());
    }
    out
}

/// Reads a file written by [`write_network_file`]: its `N` sizes and its weights, every one
/// finite. The caller checks the sizes and that the weights number what they ask for; no
/// allocation here is larger than the file.
pub(super) fn read_network_file<const N: usize>(
    bytes: &[u8],
    magic: &[u8],
    err: &dyn Fn(&str) -> ModelError,
) -> Result<([usize; N], Vec<f32>), ModelError> {
    let rest = bytes
        .strip_prefix(magic)
        .ok_or_else(|| err("not a network file of this kind"))?;
    if rest.len() < 4 * N {
        return Err(err("truncated header"));
    }
    let (header, weights) = rest.split_at(4 * N);
    let mut sizes = [0usize; N];
    for (size, c) in sizes.iter_mut().zip(header.chunks_exact(4)) {
        *size = u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize;
    }
    if weights.len() % 4 != 0 {
        return Err(err("weight count does not match the sizes"));
    }
    let values: Vec<f32> = weights
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    if values.iter().any(|v| !v.is_finite()) {
        return Err(err("a weight is not finite"));
    }
    Ok((sizes, values))
}

/// One training example: a dense input, categorical ids and the gold label.
pub trait Example {
    fn dense(&self, out: &mut Vec<f32>);
    fn sparse(&self, out: &mut Vec<u32>);
    fn label(&self) -> usize;
}

/// Minibatch Adam on cross-entropy.
pub struct NetworkTrainer {
    pub net: Network,
    grad: Vec<f32>,
    m: Vec<f32>,
    v: Vec<f32>,
    step: i32,
    pub learning_rate: f32,
}

/// Where each weight group starts in the flat gradient and moment buffers.
struct Offsets {
    w1: usize,
    emb: usize,
    b1: usize,
    w2: usize,
    b2: usize,
    end: usize,
}

impl NetworkTrainer {
    pub fn new(net: Network, learning_rate: f32) -> NetworkTrainer {
        let n = net.parameter_count();
        NetworkTrainer {
            net,
            grad: vec![0.0; n],
            m: vec![0.0; n],
            v: vec![0.0; n],
            step: 0,
            learning_rate,
        }
    }

    fn offsets(&self) -> Offsets {
        let w1 = 0;
        let emb = w1 + self.net.w1.len();
        let b1 = emb + self.net.embeddings.len();
        let w2 = b1 + self.net.b1.len();
        let b2 = w2 + self.net.w2.len();
        Offsets {
            w1,
            emb,
            b1,
            w2,
            b2,
            end: b2 + self.net.b2.len(),
        }
    }

    /// One Adam step on a minibatch; returns the summed cross-entropy.
    pub fn learn<E: Example>(&mut self, batch: &[E]) -> f32 {
        let o = self.offsets();
        self.grad.fill(0.0);
        let (hn, dn, ln) = (self.net.hidden, self.net.dense, self.net.labels);
        let (mut dense, mut sparse) = (Vec::with_capacity(dn), Vec::new());
        let mut hidden = Vec::with_capacity(hn);
        let mut scores = vec![0.0f32; ln];
        let mut d_hidden = vec![0.0f32; hn];
        let mut loss = 0.0;
        let mut touched: Vec<usize> = Vec::new();
        for example in batch {
            dense.clear();
            sparse.clear();
            example.dense(&mut dense);
            dense.resize(dn, 0.0);
            example.sparse(&mut sparse);
            sparse.retain(|&id| (id as usize) < self.net.sparse);
            self.net.hidden_layer(&dense, &sparse, &mut hidden);
            for (y, s) in scores.iter_mut().enumerate() {
                *s = self.net.b2[y] + dot(&self.net.w2[y * hn..(y + 1) * hn], &hidden);
            }
            log_softmax(&mut scores);
            let gold = example.label().min(ln - 1);
            loss -= scores[gold];
            d_hidden.fill(0.0);
            for (y, score) in scores.iter().enumerate() {
                // d loss / d score = p - 1[y = gold].
                let g = score.exp() - if y == gold { 1.0 } else { 0.0 };
                self.grad[o.b2 + y] += g;
                axpy(
                    g,
                    &hidden,
                    &mut self.grad[o.w2 + y * hn..o.w2 + (y + 1) * hn],
                );
                axpy(g, &self.net.w2[y * hn..(y + 1) * hn], &mut d_hidden);
            }
            for j in 0..hn {
                // Through the ReLU: no gradient where the unit was off.
                if hidden[j] <= 0.0 {
                    continue;
                }
                let g = d_hidden[j];
                self.grad[o.b1 + j] += g;
                axpy(
                    g,
                    &dense,
                    &mut self.grad[o.w1 + j * dn..o.w1 + (j + 1) * dn],
                );
            }
            for &id in &sparse {
                let row = o.emb + id as usize * hn;
                for j in 0..hn {
                    if hidden[j] > 0.0 {
                        self.grad[row + j] += d_hidden[j];
                    }
                }
                touched.push(id as usize);
            }
        }
        let scale = 1.0 / batch.len().max(1) as f32;
        self.step += 1;
        let (beta1, beta2, eps) = (0.9f32, 0.999f32, 1e-8f32);
        let correction1 = 1.0 - beta1.powi(self.step);
        let correction2 = 1.0 - beta2.powi(self.step);
        let rate = self.learning_rate * correction2.sqrt() / correction1;
        let update = |i: usize, m: &mut [f32], v: &mut [f32], grad: &[f32], w: &mut f32| {
            let g = grad[i] * scale;
            m[i] = beta1 * m[i] + (1.0 - beta1) * g;
            v[i] = beta2 * v[i] + (1.0 - beta2) * g * g;
            *w -= rate * m[i] / (v[i].sqrt() + eps);
        };
        // Dense weights every step; embedding rows only when a batch used them (lazy Adam,
        // so rare categories are not pushed by stale moments).
        for (k, w) in self.net.w1.iter_mut().enumerate() {
            update(o.w1 + k, &mut self.m, &mut self.v, &self.grad, w);
        }
        for (k, w) in self.net.b1.iter_mut().enumerate() {
            update(o.b1 + k, &mut self.m, &mut self.v, &self.grad, w);
        }
        for (k, w) in self.net.w2.iter_mut().enumerate() {
            update(o.w2 + k, &mut self.m, &mut self.v, &self.grad, w);
        }
        for (k, w) in self.net.b2.iter_mut().enumerate() {
            update(o.b2 + k, &mut self.m, &mut self.v, &self.grad, w);
        }
        touched.sort_unstable();
        touched.dedup();
        for id in touched {
            for j in 0..hn {
                let k = id * hn + j;
                update(
                    o.emb + k,
                    &mut self.m,
                    &mut self.v,
                    &self.grad,
                    &mut self.net.embeddings[k],
                );
            }
        }
        debug_assert_eq!(o.end, self.grad.len());
        loss
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_transposed_affine_map_is_the_gemms_to_the_bit() {
        // Values of every size and sign, so that any other order of the sums shows.
        let mut rng = Rng(11);
        let mut value = || {
            let v = rng.symmetric();
            v * 10f32.powi((rng.next_u64() % 9) as i32 - 4)
        };
        for (m, k, n) in [
            (3, 96, 48),
            (17, 96, 48),
            (40, 16, 32),
            (9, 16, 24),
            (5, 7, 5),
        ] {
            let x: Vec<f32> = (0..m * k).map(|_| value()).collect();
            let w: Vec<f32> = (0..n * k).map(|_| value()).collect();
            let bias: Vec<f32> = (0..n).map(|_| value()).collect();
            let mut expected = vec![0.0; m * n];
            newsfacts_nlp::linalg::affine(&x, &w, &bias, m, k, n, &mut expected);
            let mut got = vec![0.0; m * n];
            affine_transposed(&x, &TransposedWeights::new(w, k, n), &bias, m, &mut got);
            let bits = |v: &[f32]| v.iter().map(|f| f.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&got), bits(&expected), "{m}×{k} by {k}×{n}");
        }
    }

    struct Point {
        x: [f32; 2],
        id: u32,
        y: usize,
    }

    impl Example for Point {
        fn dense(&self, out: &mut Vec<f32>) {
            out.extend_from_slice(&self.x);
        }
        fn sparse(&self, out: &mut Vec<u32>) {
            out.push(self.id);
        }
        fn label(&self) -> usize {
            self.y
        }
    }

    #[test]
    fn learns_xor_which_no_linear_scorer_can() {
        let mut data = Vec::new();
        for (a, b) in [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)] {
            let y = usize::from((a > 0.5) != (b > 0.5));
            data.push(Point {
                x: [a, b],
                id: 0,
                y,
            });
        }
        let mut trainer = NetworkTrainer::new(Network::new(2, 1, 16, 2, 7), 0.05);
        for _ in 0..500 {
            trainer.learn(&data);
        }
        let mut scratch = Scratch::default();
        let mut out = [0.0f32; 2];
        for p in &data {
            trainer.net.log_probs(&p.x, &[p.id], &mut scratch, &mut out);
            assert!(out[p.y] > (0.8f32).ln(), "{:?} -> {out:?}", p.x);
        }
    }

    #[test]
    fn the_gradient_matches_finite_differences() {
        let data = [Point {
            x: [0.3, -0.7],
            id: 1,
            y: 2,
        }];
        let net = Network::new(2, 2, 4, 3, 3);
        let loss = |net: &Network| {
            let mut out = [0.0f32; 3];
            net.log_probs(&data[0].x, &[1], &mut Scratch::default(), &mut out);
            -out[2]
        };
        let mut trainer = NetworkTrainer::new(net.clone(), 0.0);
        trainer.learn(&data);
        let o = trainer.offsets();
        for (group, index) in [(o.w1, 3), (o.emb, 4 + 2), (o.w2, 5), (o.b2, 1)] {
            let mut plus = net.clone();
            let mut minus = net.clone();
            let eps = 1e-3;
            let at = index;
            let bump = |n: &mut Network, d: f32| {
                let slot = if group == o.w1 {
                    &mut n.w1[at]
                } else if group == o.emb {
                    &mut n.embeddings[at]
                } else if group == o.w2 {
                    &mut n.w2[at]
                } else {
                    &mut n.b2[at]
                };
                *slot += d;
            };
            bump(&mut plus, eps);
            bump(&mut minus, -eps);
            let numeric = (loss(&plus) - loss(&minus)) / (2.0 * eps);
            let analytic = trainer.grad[group + index];
            assert!(
                (numeric - analytic).abs() < 1e-2,
                "group {group} index {index}: {numeric} vs {analytic}"
            );
        }
    }

    #[test]
    fn a_network_survives_writing_and_reading_and_a_bad_file_is_refused() {
        let net = Network::new(5, 3, 4, 3, 11);
        let bytes = net.to_bytes();
        assert_eq!(Network::from_bytes(&bytes), Ok(net));
        assert!(Network::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Network::from_bytes(&bytes[..10]).is_err());
        assert!(Network::from_bytes(b"garbage").is_err());
        let mut huge = bytes.clone();
        huge[6..10].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Network::from_bytes(&huge).is_err());
    }
}
