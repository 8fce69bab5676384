//! Batches of documents: expanding directories into the files to parse, checking every
//! file can be opened before anything is printed, and an ordered parallel map that hands
//! results over in argument order while holding only a bounded window of them.

use anyhow::{bail, Result};
use std::collections::BTreeMap;
use std::fs::File;
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::{mpsc, Mutex};

use crate::input::MAX_INPUT_BYTES;

/// The files a command will read, in the order given, and what directory walks skipped.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Inputs {
    pub files: Vec<String>,
    /// Files met while walking a directory that are not `.txt` or `.md`.
    pub skipped: Vec<String>,
}

impl Inputs {
    /// The one warning about skipped files, if any were skipped.
    pub fn skipped_warning(&self) -> Option<String> {
        let first = self.skipped.first()?;
        Some(match self.skipped.len() {
            1 => format!("skipped {first}: only .txt and .md files are read from directories"),
            n => format!(
                "skipped {n} files that are not .txt or .md (the first: {first}); \
                 only .txt and .md files are read from directories"
            ),
        })
    }
}

/// Expand `args` into files: a file is taken as given (whatever its extension), `-` is
/// standard input, and a directory is walked recursively in name order for `.txt` and
/// `.md` files. Hidden entries and symbolic links to directories are not followed.
///
/// Every file is checked here (it exists, is a regular file under the size limit, and
/// opens), so a batch fails before printing anything when a path is wrong.
pub fn expand(args: &[String]) -> Result<Inputs> {
    let mut inputs = Inputs::default();
    for arg in args {
        if arg == "-" {
            inputs.files.push(arg.clone());
            continue;
        }
        let meta = match std::fs::metadata(arg) {
            Ok(m) => m,
            Err(e) => bail!("{arg}: cannot read it: {}", reason(&e)),
        };
        if meta.is_dir() {
            let before = inputs.files.len();
            walk(Path::new(arg), &mut inputs)?;
            if inputs.files.len() == before {
                bail!("{arg}: is a directory with no .txt or .md documents in it");
            }
        } else {
            check_file(arg, &meta)?;
            inputs.files.push(arg.clone());
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, inputs: &mut Inputs) -> Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => bail!(
            "{}: cannot read the directory: {}",
            dir.display(),
            reason(&e)
        ),
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            walk(&path, inputs)?;
            continue;
        }
        // Follow a symbolic link only when it leads to a file.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let display = path.to_string_lossy().into_owned();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"));
        if !wanted || path.to_str().is_none() {
            inputs.skipped.push(display);
            continue;
        }
        check_file(&display, &meta)?;
        inputs.files.push(display);
    }
    Ok(())
}

fn check_file(path: &str, meta: &std::fs::Metadata) -> Result<()> {
    if !meta.is_file() {
        bail!("{path}: is not a regular file");
    }
    if meta.len() > MAX_INPUT_BYTES {
        bail!(
            "{path}: is {} MB, over the {} MB limit for one document",
            meta.len() / 1_000_000,
            MAX_INPUT_BYTES / 1024 / 1024
        );
    }
    if let Err(e) = File::open(path) {
        bail!("{path}: cannot read it: {}", reason(&e));
    }
    Ok(())
}

/// The io error as a lower-case phrase, without Rust's "(os error 2)".
fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s.get(..i).unwrap_or(&s).to_lowercase(),
                None => s.to_lowercase(),
            }
        }
    }
}

/// Map `work` over `items` on `jobs` threads and hand each result to `sink` in the order
/// of `items`. At most `4 × jobs` items are in flight or waiting to be handed over, so
/// memory does not grow with the number of items. `sink` may stop the run early with
/// `ControlFlow::Break`. A panic inside `work` becomes `Err(message)` for that item.
/// With one job, the work runs on the calling thread.
pub fn ordered_map<T, R, W, S>(items: &[T], jobs: usize, work: W, mut sink: S)
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    S: FnMut(usize, Result<R, String>) -> ControlFlow<()>,
{
    if items.is_empty() {
        return;
    }
    let jobs = jobs.clamp(1, items.len());
    if jobs == 1 {
        // One thread: the work runs here, without a worker to hand items to and wake.
        for (i, item) in items.iter().enumerate() {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item)))
                .map_err(|p| panic_message(p.as_ref()));
            if sink(i, result).is_break() {
                return;
            }
        }
        return;
    }
    let window = jobs * 4;
    let (job_tx, job_rx) = mpsc::sync_channel::<usize>(window);
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|scope| {
        // Owned by this closure, so every way out of it drops the sender.
        let job_tx = job_tx;
        let (result_tx, result_rx) = mpsc::sync_channel::<(usize, Result<R, String>)>(window);
        for _ in 0..jobs {
            let result_tx = result_tx.clone();
            let (job_rx, work) = (&job_rx, &work);
            scope.spawn(move || loop {
                let next = match job_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => break,
                };
                let Ok(i) = next else { break };
                let Some(item) = items.get(i) else { break };
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item)))
                    .map_err(|p| panic_message(p.as_ref()));
                if result_tx.send((i, result)).is_err() {
                    break;
                }
            });
        }
        drop(result_tx);
        // Never more than `window` jobs handed out and not yet given to the sink, so
        // neither channel's send can block for long, and `pending` stays small.
        let mut sent = 0;
        while sent < items.len().min(window) {
            if job_tx.send(sent).is_err() {
                return;
            }
            sent += 1;
        }
        let mut pending = BTreeMap::new();
        let mut next = 0;
        while next < items.len() {
            let Ok((i, result)) = result_rx.recv() else {
                return;
            };
            pending.insert(i, result);
            while let Some(result) = pending.remove(&next) {
                if sink(next, result).is_break() {
                    return;
                }
                next += 1;
                if sent < items.len() {
                    if job_tx.send(sent).is_err() {
                        return;
                    }
                    sent += 1;
                }
            }
        }
        // Returning drops `job_tx` and `result_rx`, which ends every worker.
    });
}

pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_map_keeps_order_with_uneven_work() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        ordered_map(
            &items,
            3,
            |&n| {
                // Early items take longest, so they finish out of order.
                std::thread::sleep(std::time::Duration::from_micros((200 - n) * 20));
                n * 2
            },
            |i, r| {
                seen.push((i, r));
                ControlFlow::Continue(())
            },
        );
        let want: Vec<_> = (0..200).map(|n| (n as usize, Ok(n * 2))).collect();
        assert_eq!(seen, want);
    }

    #[test]
    fn ordered_map_holds_at_most_a_window_while_the_first_item_is_slow() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let items: Vec<usize> = (0..500).collect();
        let started = AtomicUsize::new(0);
        let mut most_ahead = 0;
        ordered_map(
            &items,
            2,
            |&n| {
                started.fetch_add(1, Ordering::SeqCst);
                if n == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                n
            },
            |i, _| {
                most_ahead = most_ahead.max(started.load(Ordering::SeqCst) - i);
                ControlFlow::Continue(())
            },
        );
        // Two jobs: a window of eight items, however slow the first one is.
        assert!(
            most_ahead <= 8,
            "{most_ahead} items started ahead of the sink"
        );
        assert_eq!(started.load(Ordering::SeqCst), 500);
    }

    #[test]
    fn ordered_map_stops_when_the_sink_breaks() {
        // One job runs on the calling thread, more on workers: both stop alike.
        for jobs in [1, 2] {
            let items: Vec<u32> = (0..1000).collect();
            let mut count = 0;
            let worked = std::sync::atomic::AtomicUsize::new(0);
            ordered_map(
                &items,
                jobs,
                |&n| {
                    worked.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    n
                },
                |_, _| {
                    count += 1;
                    if count == 5 {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                },
            );
            assert_eq!(count, 5, "{jobs} jobs");
            assert!(worked.into_inner() <= 5 + jobs * 4, "{jobs} jobs");
        }
    }

    #[test]
    fn ordered_map_turns_a_panic_into_an_error() {
        for jobs in [1, 2] {
            let items = [1, 2, 3];
            let mut out = Vec::new();
            ordered_map(
                &items,
                jobs,
                |&n| {
                    if n == 2 {
                        panic!("boom on two");
                    }
                    n
                },
                |_, r| {
                    out.push(r);
                    ControlFlow::Continue(())
                },
            );
            assert_eq!(
                out,
                vec![Ok(1), Err("boom on two".to_string()), Ok(3)],
                "{jobs} jobs"
            );
        }
    }

    #[test]
    fn expand_walks_directories_in_name_order_and_skips_other_files() {
        let dir = std::env::temp_dir().join(format!("ofsted-diff-walk-{}", std::process::id()));
        let sub = dir.join("b_sub");
        std::fs::create_dir_all(&sub).unwrap();
        for (name, body) in [
            ("c.txt", "x"),
            ("a.md", "x"),
            ("report.pdf", "x"),
            (".hidden.txt", "x"),
            ("b_sub/z.TXT", "x"),
        ] {
            std::fs::write(dir.join(name), body).unwrap();
        }
        let d = dir.to_string_lossy().into_owned();
        let got = expand(std::slice::from_ref(&d)).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            got.files,
            vec![
                format!("{d}/a.md"),
                format!("{d}/b_sub/z.TXT"),
                format!("{d}/c.txt")
            ]
        );
        assert_eq!(got.skipped, vec![format!("{d}/report.pdf")]);
        assert_eq!(
            got.skipped_warning().unwrap(),
            format!("skipped {d}/report.pdf: only .txt and .md files are read from directories")
        );
    }

    #[test]
    fn expand_names_a_missing_file() {
        let err = expand(&["fixtures/seeds/no_such_report.txt".to_string()]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "fixtures/seeds/no_such_report.txt: cannot read it: no such file or directory"
        );
    }
}
