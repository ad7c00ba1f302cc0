//! spaCy's `Tok2Vec.v2`: `MultiHashEmbed` (hashed embeddings of NORM/PREFIX/SUFFIX/SHAPE and
//! optionally SPACY/IS_SPACE, mixed by a maxout + layer norm) followed by the
//! `MaxoutWindowEncoder` (four residual layers over a ±1 token window, each maxout + layer norm).
//!
//! A document's tokens are processed as one matrix per layer. Like thinc's `with_array(pad=4)`,
//! the sequence is padded with four zero rows on each side and the padding rows go through the
//! residual layers too (their values reach the edge tokens, so they must be computed).

use crate::lexeme::LexFeatures;
use crate::linalg;
use crate::model::hash::hash_embed_keys;
use crate::model::{ModelError, ModelFile, Tensor};

/// One token attribute an embedding table is keyed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedAttr {
    Norm,
    Prefix,
    Suffix,
    Shape,
    Spacy,
    IsSpace,
}

struct HashEmbed {
    attr: EmbedAttr,
    seed: u32,
    rows: usize,
    table: Vec<f32>,
    /// Each table row already multiplied by its slice of the mixing maxout's weights
    /// (`rows × width·PIECES`): the mixing layer is linear in the concatenated embeddings,
    /// so a token's pre-activation is the bias plus the sum of its rows here, saving the
    /// 576-wide product per token.
    mixed: Vec<f32>,
}

/// A maxout layer (`nO × nP × nI` weights) followed by a layer norm.
struct MaxoutNorm {
    n_in: usize,
    w: Vec<f32>,
    b: Vec<f32>,
    g: Vec<f32>,
    beta: Vec<f32>,
}

const PIECES: usize = 3;
const PAD: usize = 4;
/// Tokens encoded per block (most news articles fit in one).
pub const BLOCK: usize = 1024;

impl MaxoutNorm {
    fn load(
        file: &ModelFile<'_>,
        prefix: &str,
        index: usize,
        width: usize,
    ) -> Result<Self, ModelError> {
        let w = file.tensor(&format!("{prefix}.maxout.{index}.W"))?;
        let n_in = w.shape.get(2).copied().unwrap_or(0);
        let w = file.tensor_shaped(
            &format!("{prefix}.maxout.{index}.W"),
            &[width, PIECES, n_in],
        )?;
        let b = file.tensor_shaped(&format!("{prefix}.maxout.{index}.b"), &[width, PIECES])?;
        let g = file.tensor_shaped(&format!("{prefix}.layernorm.{index}.G"), &[width])?;
        let beta = file.tensor_shaped(&format!("{prefix}.layernorm.{index}.b"), &[width])?;
        Ok(MaxoutNorm {
            n_in,
            w: w.data,
            b: b.data,
            g: g.data,
            beta: beta.data,
        })
    }

    /// `y[m×width] = layernorm(maxout(x[m×n_in]))`, using `z` as scratch.
    fn forward(&self, x: &[f32], m: usize, width: usize, z: &mut Vec<f32>, y: &mut [f32]) {
        z.resize(m * width * PIECES, 0.0);
        linalg::affine(x, &self.w, &self.b, m, self.n_in, width * PIECES, z);
        linalg::maxout(z, m, width, PIECES, y);
        linalg::layer_norm(&mut y[..m * width], width, &self.g, &self.beta);
    }
}

pub struct Tok2Vec {
    width: usize,
    embeds: Vec<HashEmbed>,
    mix: MaxoutNorm,
    encoders: Vec<MaxoutNorm>,
}

/// Reusable buffers for one forward pass.
#[derive(Default)]
pub struct Tok2VecScratch {
    z: Vec<f32>,
    padded: Vec<f32>,
    window: Vec<f32>,
    layer_out: Vec<f32>,
}

impl Tok2Vec {
    pub fn load(file: &ModelFile<'_>, prefix: &str) -> Result<Self, ModelError> {
        let attrs = file.json(&format!("{prefix}.attrs"))?;
        let attrs = attrs.as_array().cloned().unwrap_or_default();
        let mut embeds = Vec::new();
        let mut width = 0;
        for (column, attr) in attrs.iter().enumerate() {
            let attr = match attr.as_str() {
                Some("NORM") => EmbedAttr::Norm,
                Some("PREFIX") => EmbedAttr::Prefix,
                Some("SUFFIX") => EmbedAttr::Suffix,
                Some("SHAPE") => EmbedAttr::Shape,
                Some("SPACY") => EmbedAttr::Spacy,
                Some("IS_SPACE") => EmbedAttr::IsSpace,
                other => {
                    return Err(ModelError::Invalid {
                        name: format!("{prefix}.attrs"),
                        cause: format!("unsupported attribute {other:?}"),
                    });
                }
            };
            let Tensor { shape, data } = file.tensor(&format!("{prefix}.embed.{column}.E"))?;
            let seed = file
                .json(&format!("{prefix}.embed.{column}.seed"))?
                .as_u64()
                .ok_or_else(|| ModelError::Invalid {
                    name: format!("{prefix}.embed.{column}.seed"),
                    cause: "not an integer".into(),
                })? as u32;
            width = shape.get(1).copied().unwrap_or(0);
            embeds.push(HashEmbed {
                mixed: Vec::new(),
                attr,
                seed,
                rows: shape.first().copied().unwrap_or(0),
                table: data,
            });
        }
        if embeds.is_empty()
            || embeds
                .iter()
                .any(|e| e.rows == 0 || e.table.len() != e.rows * width)
        {
            return Err(ModelError::Invalid {
                name: prefix.into(),
                cause: "bad embedding tables".into(),
            });
        }
        let mix = MaxoutNorm::load(file, prefix, 0, width)?;
        let out_width = width * PIECES;
        if mix.n_in == width * embeds.len() {
            let zero = vec![0.0; out_width];
            for (column, embed) in embeds.iter_mut().enumerate() {
                let mut slice = Vec::with_capacity(out_width * width);
                for row in mix.w.chunks_exact(mix.n_in) {
                    slice.extend_from_slice(&row[column * width..(column + 1) * width]);
                }
                embed.mixed = vec![0.0; embed.rows * out_width];
                linalg::affine(
                    &embed.table,
                    &slice,
                    &zero,
                    embed.rows,
                    width,
                    out_width,
                    &mut embed.mixed,
                );
            }
        }
        let encoders = (1..=4)
            .map(|i| MaxoutNorm::load(file, prefix, i, width))
            .collect::<Result<Vec<_>, _>>()?;
        if mix.n_in != width * embeds.len() || encoders.iter().any(|e| e.n_in != 3 * width) {
            return Err(ModelError::Invalid {
                name: prefix.into(),
                cause: "layer widths disagree".into(),
            });
        }
        Ok(Tok2Vec {
            width,
            embeds,
            mix,
            encoders,
        })
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// Token vectors (`n × width`, row-major) for a document's tokens.
    ///
    /// Long documents are encoded in blocks of [`BLOCK`] tokens, each with a halo of four
    /// rows per side (the encoder's receptive field), so memory stays bounded; every output
    /// row is computed by the same operations as in one pass, hence identical.
    pub fn forward(
        &self,
        features: &[LexFeatures],
        spacy: &[bool],
        scratch: &mut Tok2VecScratch,
        out: &mut Vec<f32>,
    ) {
        let n = features.len();
        let width = self.width;
        out.clear();
        out.resize(n * width, 0.0);
        let mut block_start = 0;
        while block_start < n {
            let len = BLOCK.min(n - block_start);
            self.forward_block(features, spacy, block_start, len, scratch);
            out[block_start * width..(block_start + len) * width]
                .copy_from_slice(&scratch.padded[PAD * width..(PAD + len) * width]);
            block_start += len;
        }
    }

    /// Encodes tokens `start..start + len`; leaves them in `scratch.padded[PAD..PAD + len]`.
    fn forward_block(
        &self,
        features: &[LexFeatures],
        spacy: &[bool],
        start: usize,
        len: usize,
        scratch: &mut Tok2VecScratch,
    ) {
        let n = features.len();
        let width = self.width;
        // Local row r is global padded row start + r, i.e. token start + r − PAD (a padding
        // row when outside the document).
        let rows = len + 2 * PAD;
        let first_token = start.saturating_sub(PAD);
        let last_token = (start + len + PAD).min(n);
        let embedded = last_token - first_token;
        // Mixing layer: bias plus the pre-multiplied embedding rows, then maxout and layer
        // norm, written at the tokens' local rows; padding rows stay 0.
        let out_width = width * PIECES;
        scratch.z.clear();
        scratch.z.resize(embedded * out_width, 0.0);
        for (k, i) in (first_token..last_token).enumerate() {
            let feature = &features[i];
            let z = &mut scratch.z[k * out_width..(k + 1) * out_width];
            z.copy_from_slice(&self.mix.b);
            for embed in &self.embeds {
                let id = match embed.attr {
                    EmbedAttr::Norm => feature.norm,
                    EmbedAttr::Prefix => feature.prefix,
                    EmbedAttr::Suffix => feature.suffix,
                    EmbedAttr::Shape => feature.shape,
                    EmbedAttr::Spacy => u64::from(spacy[i]),
                    EmbedAttr::IsSpace => u64::from(feature.is_space),
                };
                for key in hash_embed_keys(id, embed.seed) {
                    let r = key as usize % embed.rows;
                    for (s, v) in z
                        .iter_mut()
                        .zip(&embed.mixed[r * out_width..(r + 1) * out_width])
                    {
                        *s += v;
                    }
                }
            }
        }
        scratch.padded.clear();
        scratch.padded.resize(rows * width, 0.0);
        let local_first = first_token + PAD - start;
        let mixed = &mut scratch.padded[local_first * width..(local_first + embedded) * width];
        linalg::maxout(&scratch.z, embedded, width, PIECES, mixed);
        linalg::layer_norm(mixed, width, &self.mix.g, &self.mix.beta);
        // Residual window encoder.
        for layer in &self.encoders {
            // Every slot is overwritten below except the two sequence edges, zeroed here.
            scratch.window.resize(rows * 3 * width, 0.0);
            scratch.window[..width].fill(0.0);
            let last = rows * 3 * width;
            scratch.window[last - width..last].fill(0.0);
            for r in 0..rows {
                let dest = &mut scratch.window[r * 3 * width..(r + 1) * 3 * width];
                if r > 0 {
                    dest[..width].copy_from_slice(&scratch.padded[(r - 1) * width..r * width]);
                }
                dest[width..2 * width].copy_from_slice(&scratch.padded[r * width..(r + 1) * width]);
                if r + 1 < rows {
                    dest[2 * width..]
                        .copy_from_slice(&scratch.padded[(r + 1) * width..(r + 2) * width]);
                }
            }
            scratch.layer_out.resize(rows * width, 0.0);
            layer.forward(
                &scratch.window,
                rows,
                width,
                &mut scratch.z,
                &mut scratch.layer_out,
            );
            for (x, y) in scratch.padded.iter_mut().zip(&scratch.layer_out) {
                *x += y;
            }
        }
    }
}
