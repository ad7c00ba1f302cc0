//! The BILUO transition system of spaCy's entity recognizer (`ner.pyx`): Begin, In, Last, Unit
//! and Out actions with entity labels, the same validity rules (no entity across a sentence
//! start from the parser, none starting on whitespace), greedy decoding.

use super::{Moves, ParserModel, Precomputed, arg_max_if_valid, load_moves};
use crate::model::{ModelError, ModelFile};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    Begin,
    In,
    Last,
    Unit,
    Out,
}

/// The NER's transition system: its action table and entity labels.
pub struct Biluo {
    actions: Vec<(Move, u32)>,
    labels: Vec<String>,
}

/// A recognised entity over tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityTokens {
    pub start: usize,
    pub end: usize,
    pub label: u32,
}

impl Biluo {
    pub fn load(file: &ModelFile<'_>) -> Result<Self, ModelError> {
        let Moves { actions, labels } = load_moves(file, "ner.moves", |moving| match moving {
            "B" => Some(Move::Begin),
            "I" => Some(Move::In),
            "L" => Some(Move::Last),
            "U" => Some(Move::Unit),
            "O" => Some(Move::Out),
            _ => None,
        })?;
        Ok(Biluo { actions, labels })
    }

    pub fn label(&self, id: u32) -> &str {
        self.labels.get(id as usize).map_or("", String::as_str)
    }

    /// Recognises entities in a document of `n` tokens; `sent_starts` come from the parser
    /// and `is_space` marks whitespace tokens.
    pub fn recognize(
        &self,
        model: &ParserModel,
        pre: &mut Precomputed,
        sent_starts: &[bool],
        is_space: &[bool],
    ) -> Vec<EntityTokens> {
        let n = sent_starts.len();
        let mut scratch = model.scratch();
        let mut valid = vec![false; self.actions.len()];
        let mut entities: Vec<EntityTokens> = Vec::new();
        // The open entity: (start, label).
        let mut open: Option<(usize, u32)> = None;
        let mut b0 = 0usize;
        while b0 < n {
            let ids = [
                b0 as i32,
                open.map_or(-1, |(start, _)| start as i32),
                if open.is_some() { b0 as i32 - 1 } else { -1 },
            ];
            model.score(pre, &ids, &mut scratch);
            let buffer_length = n - b0;
            let next_starts_sentence = b0 + 1 < n && sent_starts[b0 + 1];
            for (slot, &(action, label)) in valid.iter_mut().zip(&self.actions) {
                *slot = match action {
                    Move::Begin => {
                        open.is_none()
                            && buffer_length >= 2
                            && label != 0
                            && !next_starts_sentence
                            && !is_space[b0]
                    }
                    Move::In => match open {
                        Some((_, open_label)) => {
                            buffer_length >= 2
                                && label != 0
                                && label == open_label
                                && !next_starts_sentence
                        }
                        None => false,
                    },
                    Move::Last => {
                        label != 0 && matches!(open, Some((_, open_label)) if open_label == label)
                    }
                    Move::Unit => label != 0 && open.is_none() && !is_space[b0],
                    Move::Out => open.is_none(),
                };
            }
            let Some(guess) = arg_max_if_valid(&scratch.scores, &valid) else {
                break;
            };
            let (action, label) = self.actions[guess];
            match action {
                Move::Begin => open = Some((b0, label)),
                Move::In | Move::Out => {}
                Move::Last => {
                    if let Some((start, label)) = open.take() {
                        entities.push(EntityTokens {
                            start,
                            end: b0 + 1,
                            label,
                        });
                    }
                }
                Move::Unit => entities.push(EntityTokens {
                    start: b0,
                    end: b0 + 1,
                    label,
                }),
            }
            b0 += 1;
        }
        entities
    }
}
