//! The few dense kernels the networks need, over row-major f32 slices: `X·Wᵀ + b` through the
//! `matrixmultiply` GEMM, maxout over pieces, and layer normalisation (thinc's formulas).

/// `out[m×n] = x[m×k] · w[n×k]ᵀ + bias[n]` (bias broadcast over rows).
pub fn affine(x: &[f32], w: &[f32], bias: &[f32], m: usize, k: usize, n: usize, out: &mut [f32]) {
    assert!(x.len() >= m * k && w.len() >= n * k && bias.len() >= n && out.len() >= m * n);
    for row in out[..m * n].chunks_exact_mut(n) {
        row.copy_from_slice(&bias[..n]);
    }
    if m == 0 || n == 0 || k == 0 {
        return;
    }
    if m <= 2 {
        // A few rows (a parser step): dot products beat packing the weights for a GEMM.
        for (row, out_row) in x.chunks_exact(k).zip(out.chunks_exact_mut(n)).take(m) {
            for (w_row, slot) in w.chunks_exact(k).zip(out_row.iter_mut()) {
                *slot += dot(row, w_row);
            }
        }
        return;
    }
    // SAFETY: the asserts above guarantee every index the strides reach is in bounds:
    // x is m×k (row stride k), wᵀ is read as k×n with row stride 1 and column stride k,
    // out is m×n (row stride n).
    unsafe {
        matrixmultiply::sgemm(
            m,
            k,
            n,
            1.0,
            x.as_ptr(),
            k as isize,
            1,
            w.as_ptr(),
            1,
            k as isize,
            1.0,
            out.as_mut_ptr(),
            n as isize,
            1,
        );
    }
}

/// Dot product with eight independent accumulators, so the compiler can vectorise it.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0.0f32; 8];
    let mut a_chunks = a.chunks_exact(8);
    let mut b_chunks = b.chunks_exact(8);
    for (x, y) in (&mut a_chunks).zip(&mut b_chunks) {
        for i in 0..8 {
            lanes[i] += x[i] * y[i];
        }
    }
    let mut sum: f32 = lanes.iter().sum();
    for (x, y) in a_chunks.remainder().iter().zip(b_chunks.remainder()) {
        sum += x * y;
    }
    sum
}

/// Maxout: `y[m×n_out]` with `y[i][o] = max_p z[i][o·pieces + p]`.
pub fn maxout(z: &[f32], m: usize, n_out: usize, pieces: usize, y: &mut [f32]) {
    let z = &z[..m * n_out * pieces];
    let y = &mut y[..m * n_out];
    match pieces {
        2 => {
            for (group, slot) in z.chunks_exact(2).zip(y.iter_mut()) {
                *slot = if group[1] > group[0] {
                    group[1]
                } else {
                    group[0]
                };
            }
        }
        3 => {
            for (group, slot) in z.chunks_exact(3).zip(y.iter_mut()) {
                let mut best = group[0];
                if group[1] > best {
                    best = group[1];
                }
                if group[2] > best {
                    best = group[2];
                }
                *slot = best;
            }
        }
        _ => {
            for (group, slot) in z.chunks_exact(pieces).zip(y.iter_mut()) {
                let mut best = group[0];
                for &v in &group[1..] {
                    if v > best {
                        best = v;
                    }
                }
                *slot = best;
            }
        }
    }
}

/// thinc's LayerNorm in place on each row: `(x − μ) / √(σ² + 1e-8) · g + b`.
pub fn layer_norm(x: &mut [f32], width: usize, g: &[f32], b: &[f32]) {
    for row in x.chunks_exact_mut(width) {
        let n = width as f32;
        let mean = row.iter().sum::<f32>() / n;
        let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n + 1e-8;
        let scale = 1.0 / var.sqrt();
        for ((v, &gi), &bi) in row.iter_mut().zip(g).zip(b) {
            *v = (*v - mean) * scale * gi + bi;
        }
    }
}

/// Index of the largest value (the first on ties, like numpy's argmax).
pub fn argmax(values: &[f32]) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate() {
        if v > values[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affine_matches_naive() {
        let x = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]; // 2×3
        let w = [1.0, 0.0, -1.0, 0.5, 0.5, 0.5]; // 2×3
        let b = [0.1, 0.2];
        let mut out = [0.0; 4];
        affine(&x, &w, &b, 2, 3, 2, &mut out);
        assert_eq!(
            out,
            [1.0 - 3.0 + 0.1, 3.0 + 0.2, 4.0 - 6.0 + 0.1, 7.5 + 0.2]
        );
    }
}
