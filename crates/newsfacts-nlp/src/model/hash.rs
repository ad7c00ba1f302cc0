//! The two hash functions the spaCy model's numbers depend on: the StringStore's 64-bit string
//! id (MurmurHash64A, seed 1) and thinc's HashEmbed key hash (MurmurHash3 x86-128 over one
//! 64-bit id). Both must match bit for bit, or every embedding row is wrong.

/// MurmurHash64A of `data` with `seed`, as in the `murmurhash` package's `hash64`.
pub fn murmurhash64a(data: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h: u64 = seed ^ (data.len() as u64).wrapping_mul(M);
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut k = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        for (i, byte) in tail.iter().enumerate() {
            h ^= u64::from(*byte) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

/// spaCy's `hash_string`: the id a StringStore gives a string that is not a symbol.
pub fn hash_string(text: &str) -> u64 {
    murmurhash64a(text.as_bytes(), 1)
}

/// thinc's `MurmurHash3_x86_128_uint64`: four 32-bit keys from one 64-bit id.
pub fn hash_embed_keys(id: u64, seed: u32) -> [u32; 4] {
    let seed = u64::from(seed);
    let mut h1 = id;
    h1 = h1.wrapping_mul(0x87c3_7b91_1142_53d5);
    h1 = h1.rotate_left(31);
    h1 = h1.wrapping_mul(0x4cf5_ad43_2745_937f);
    h1 ^= seed;
    h1 ^= 8;
    let mut h2 = seed;
    h2 ^= 8;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    [h1 as u32, (h1 >> 32) as u32, h2 as u32, (h2 >> 32) as u32]
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    // Values printed by spaCy 3.8 / thinc 8.3 (`hash_string`, `NumpyOps().hash`).
    #[test]
    fn string_hashes_match_spacy() {
        assert_eq!(hash_string("hello"), 5983625672228268878);
        assert_eq!(hash_string(""), 14313749767032693980);
        assert_eq!(hash_string("Quarterly"), 277138994611320117);
        assert_eq!(hash_string("ü日本"), 14110709375787620754);
    }

    #[test]
    fn embed_keys_match_thinc() {
        assert_eq!(
            hash_embed_keys(5983625672228268878, 8),
            [2726685510, 2083710382, 4090028265, 978081925]
        );
        assert_eq!(
            hash_embed_keys(1, 8),
            [1161550108, 2247783286, 1742325162, 1224191281]
        );
        assert_eq!(hash_embed_keys(0, 8), [0, 0, 0, 0]);
    }
}
