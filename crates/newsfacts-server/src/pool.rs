//! A small pool of read-only store connections. SQLite queries block, so each runs on tokio's
//! blocking threads with a connection taken from the pool; a semaphore bounds how many run at
//! once, and each query gets a time limit enforced inside SQLite.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use newsfacts_store::{Reader, StoreError};
use tokio::sync::Semaphore;

use crate::Limits;

/// Read-only connections to one store, shared by every request.
#[derive(Clone)]
pub struct ReaderPool {
    inner: Arc<PoolInner>,
}

struct PoolInner {
    path: PathBuf,
    idle: Mutex<Vec<Reader>>,
    permits: Semaphore,
    limits: Limits,
}

/// Why a pooled query gave no result.
#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the server is shutting down")]
    Closed,
}

impl ReaderPool {
    /// Opens the store read-only once (so a missing or incompatible file is reported at start,
    /// not on the first request) and keeps that connection for reuse.
    pub fn open(path: &Path, limits: Limits) -> Result<ReaderPool, StoreError> {
        let first = Reader::open(path)?;
        Ok(ReaderPool {
            inner: Arc::new(PoolInner {
                path: path.to_path_buf(),
                idle: Mutex::new(vec![first]),
                permits: Semaphore::new(limits.connections.max(1)),
                limits,
            }),
        })
    }

    /// Runs `query` with a pooled connection on a blocking thread.
    pub async fn run<T: Send + 'static>(
        &self,
        query: impl FnOnce(&Reader) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, PoolError> {
        let permit = self
            .inner
            .permits
            .acquire()
            .await
            .map_err(|_| PoolError::Closed)?;
        let inner = Arc::clone(&self.inner);
        let result = tokio::task::spawn_blocking(move || {
            let reader = match inner.take() {
                Ok(reader) => reader,
                Err(err) => return Err(PoolError::Store(err)),
            };
            reader.set_time_limit(inner.limits.query_time);
            let result = query(&reader).map_err(PoolError::Store);
            inner.give_back(reader);
            result
        })
        .await
        .map_err(|_| PoolError::Closed)?;
        drop(permit);
        result
    }
}

impl PoolInner {
    fn take(&self) -> Result<Reader, StoreError> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match idle {
            Some(reader) => Ok(reader),
            None => Reader::open(&self.path),
        }
    }

    fn give_back(&self, reader: Reader) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(reader);
        }
    }
}
