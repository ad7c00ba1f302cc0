//! The converted model file: a small container of named f32 tensors and byte blobs written by
//! `tools/convert_spacy_model.py`, and the string ids the model's features are keyed by.
//!
//! Layout (little-endian): `b"NFNLP001"`, u32 entry count, then per entry a u16-prefixed UTF-8
//! name, u8 kind (0 tensor, 1 bytes), u8 ndim, u32 dims, u64 payload length, payload.

pub mod hash;

use std::collections::HashMap;

/// Why a model file could not be read. The embedded model is produced by our own converter,
/// so any of these means a broken build, not bad user input.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model file is truncated or malformed at byte {0}")]
    Malformed(usize),
    #[error("model file lacks entry `{0}`")]
    Missing(String),
    #[error("model entry `{name}` has shape {found:?}, expected {expected}")]
    Shape {
        name: String,
        found: Vec<usize>,
        expected: String,
    },
    #[error("model entry `{name}` is not valid: {cause}")]
    Invalid { name: String, cause: String },
}

/// A dense row-major f32 array.
#[derive(Debug, Clone)]
pub struct Tensor {
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
}

enum Entry<'a> {
    Tensor(Vec<usize>, &'a [u8]),
    Bytes(&'a [u8]),
}

/// The parsed table of contents of a model file; payloads are borrowed from the bytes.
pub struct ModelFile<'a> {
    entries: HashMap<String, Entry<'a>>,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .ok_or(ModelError::Malformed(self.at))?;
        let slice = self
            .bytes
            .get(self.at..end)
            .ok_or(ModelError::Malformed(self.at))?;
        self.at = end;
        Ok(slice)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes([
            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
        ]))
    }
}

impl<'a> ModelFile<'a> {
    pub fn parse(bytes: &'a [u8]) -> Result<Self, ModelError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(8)? != b"NFNLP001" {
            return Err(ModelError::Malformed(0));
        }
        let count = reader.u32()?;
        let mut entries = HashMap::new();
        for _ in 0..count {
            let name_len = usize::from(reader.u16()?);
            let name = std::str::from_utf8(reader.take(name_len)?)
                .map_err(|_| ModelError::Malformed(reader.at))?
                .to_owned();
            let kind = reader.u8()?;
            let ndim = reader.u8()?;
            let mut shape = Vec::with_capacity(usize::from(ndim));
            for _ in 0..ndim {
                shape.push(reader.u32()? as usize);
            }
            let len = usize::try_from(reader.u64()?).map_err(|_| ModelError::Malformed(0))?;
            let payload = reader.take(len)?;
            let entry = match kind {
                0 => {
                    if shape.iter().product::<usize>() * 4 != len {
                        return Err(ModelError::Malformed(reader.at));
                    }
                    Entry::Tensor(shape, payload)
                }
                1 => Entry::Bytes(payload),
                _ => return Err(ModelError::Malformed(reader.at)),
            };
            entries.insert(name, entry);
        }
        Ok(ModelFile { entries })
    }

    pub fn tensor(&self, name: &str) -> Result<Tensor, ModelError> {
        match self.entries.get(name) {
            Some(Entry::Tensor(shape, payload)) => Ok(Tensor {
                shape: shape.clone(),
                data: payload
                    .chunks_exact(4)
                    .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                    .collect(),
            }),
            _ => Err(ModelError::Missing(name.to_owned())),
        }
    }

    /// A tensor whose shape must be `expected` exactly.
    pub fn tensor_shaped(&self, name: &str, expected: &[usize]) -> Result<Tensor, ModelError> {
        let tensor = self.tensor(name)?;
        if tensor.shape != expected {
            return Err(ModelError::Shape {
                name: name.to_owned(),
                found: tensor.shape,
                expected: format!("{expected:?}"),
            });
        }
        Ok(tensor)
    }

    pub fn bytes(&self, name: &str) -> Result<&'a [u8], ModelError> {
        match self.entries.get(name) {
            Some(Entry::Bytes(payload)) => Ok(payload),
            _ => Err(ModelError::Missing(name.to_owned())),
        }
    }

    pub fn json(&self, name: &str) -> Result<serde_json::Value, ModelError> {
        serde_json::from_slice(self.bytes(name)?).map_err(|e| ModelError::Invalid {
            name: name.to_owned(),
            cause: e.to_string(),
        })
    }

    /// A `u32 n, n × (u64 key, u32 len, UTF-8)` table.
    pub fn hashed_strings(&self, name: &str) -> Result<HashMap<u64, String>, ModelError> {
        let mut reader = Reader {
            bytes: self.bytes(name)?,
            at: 0,
        };
        let count = reader.u32()? as usize;
        let mut table = HashMap::with_capacity(count);
        for _ in 0..count {
            let key = reader.u64()?;
            let len = reader.u32()? as usize;
            let value = std::str::from_utf8(reader.take(len)?)
                .map_err(|_| ModelError::Malformed(reader.at))?;
            table.insert(key, value.to_owned());
        }
        Ok(table)
    }
}

/// Maps strings to the 64-bit ids spaCy's StringStore gives them: a fixed symbol id for the
/// symbol names spaCy predefines, the MurmurHash64A of the UTF-8 bytes otherwise.
pub struct StringIds {
    symbols: HashMap<String, u64>,
}

impl StringIds {
    pub fn load(file: &ModelFile<'_>) -> Result<Self, ModelError> {
        let value = file.json("symbols")?;
        let object = value.as_object().ok_or_else(|| ModelError::Invalid {
            name: "symbols".into(),
            cause: "not an object".into(),
        })?;
        let symbols = object
            .iter()
            .filter_map(|(name, id)| id.as_u64().map(|id| (name.clone(), id)))
            .collect();
        Ok(StringIds { symbols })
    }

    pub fn id(&self, text: &str) -> u64 {
        if text.is_empty() {
            return 0;
        }
        match self.symbols.get(text) {
            Some(&id) => id,
            None => hash::hash_string(text),
        }
    }
}

/// The converted `en_core_web_sm` 3.8.0 model, embedded so that a build needs no network and
/// no Python (see `model/README.md` for its origin and how to regenerate it).
pub static EMBEDDED_MODEL: &[u8] = include_bytes!("../../model/en_core_web_sm-3.8.0.nfm");
