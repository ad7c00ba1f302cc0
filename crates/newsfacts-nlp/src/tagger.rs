//! The tagger: a linear layer over the shared token vectors, argmax over the fine-grained
//! Penn Treebank tags (spaCy's softmax is monotonic, so the argmax of the logits is the tag).

use crate::linalg;
use crate::model::{ModelError, ModelFile};

pub struct Tagger {
    labels: Vec<String>,
    w: Vec<f32>,
    b: Vec<f32>,
    width: usize,
}

impl Tagger {
    pub fn load(file: &ModelFile<'_>, width: usize) -> Result<Self, ModelError> {
        let labels: Vec<String> = file
            .json("tagger.labels")?
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let w = file.tensor_shaped("tagger.W", &[labels.len(), width])?;
        let b = file.tensor_shaped("tagger.b", &[labels.len()])?;
        Ok(Tagger {
            labels,
            w: w.data,
            b: b.data,
            width,
        })
    }

    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Tag ids (indices into [`Tagger::labels`]) for `n` token vectors.
    pub fn predict(&self, vectors: &[f32], n: usize, scores: &mut Vec<f32>, tags: &mut Vec<u16>) {
        let classes = self.labels.len();
        scores.clear();
        scores.resize(n * classes, 0.0);
        linalg::affine(vectors, &self.w, &self.b, n, self.width, classes, scores);
        tags.clear();
        tags.extend(
            scores
                .chunks_exact(classes)
                .map(|row| linalg::argmax(row) as u16),
        );
    }
}
