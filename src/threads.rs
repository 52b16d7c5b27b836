//! A second thread for one job, that never keeps the job waiting.
//!
//! Some virtual machines (Firecracker's, common for CI runners) queue a new thread on the core
//! of the thread that created it, even when another core is idle, and an idle virtual core can
//! take from 0.1 ms to over 1 ms to wake up (the host must schedule it again). Measured on such a
//! machine (2 cores), in a 500-clause diff: a new thread left where it was queued started only
//! when its creator had finished its own half (two threads slower than one), and a creator that
//! moved itself to the other core to make room waited 0.04-1.3 ms for that core, at each of the
//! diff's three second threads. So the new thread is sent to another core before it runs (its
//! creator sets its affinity; it frees itself when it starts), the creator goes straight on with
//! its own half, and when that is done it takes the other half back if the new thread has not
//! started it yet. A second thread then costs at most its creation (about 0.06 ms).
//!
//! rayon's pool (large texts, collections) meets the same placement: its workers, created on
//! one core, could run there together for milliseconds while the other core slept (a 5,000-clause
//! diff: 40 ms in most runs, 56-74 ms in one of four). [`start_pool`] gives each worker a core
//! of its own.
//!
//! The second thread is kept while jobs keep coming ([`Helper`]): the jobs of a mid-sized diff
//! (the second file, the flattened-mark evidence, a share of the words, of the candidate
//! search, of the scores and of the word diffs) go to the same thread. A new
//! thread per job cost its creation and a fresh heap of the allocator each time. Between jobs
//! the helper keeps its core awake for a moment ([`STAY_AWAKE`], yielding it to any other
//! thread), and so does a caller waiting for the helper's half: a kept thread that slept between
//! jobs started each one up to 1.2 ms late, its core asleep (measured in the tenth session). A
//! 500-clause diff: 9.9-11.1 ms with a thread per job, 8.9-9.5 ms with the kept, awake helper
//! (release build, alternated rounds, benches/README.md). After a long job, or when no job
//! comes, the helper ends, so that a large text's memory is not held in its heap.

use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

/// Runs `a` on a second thread and `b` on this one; returns both results. `a` runs on this
/// thread instead when the second one has not started it by the time `b` is done (it may be
/// busy with another caller's job, or could not be created). A panic on the other thread is a
/// bug: it is passed on as it is. On a thread of rayon's pool (a collection, whose pairs already
/// keep every core busy), `a` is only offered to the pool's other threads (`rayon::join`): a
/// thread of its own would compete with them.
pub(crate) fn both<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if rayon::current_thread_index().is_some() {
        let (b, a) = rayon::join(b, a);
        return (a, b);
    }
    if Helper::is_current() {
        // This is the second thread: both halves here.
        return (a(), b());
    }
    let shared = Arc::new(Shared {
        state: Mutex::new(State::Offered(a)),
        finished: AtomicBool::new(false),
        done: Condvar::new(),
    });
    let theirs = Arc::clone(&shared);
    let task: Box<dyn FnOnce() + Send + '_> = Box::new(move || theirs.run());
    // SAFETY: the task borrows what `a` borrows, so the helper must be done with `a` before this
    // function returns or unwinds. It only reaches `a` through `shared.state`, and `Pending`
    // sees to it: when the helper has taken `a`, `Pending` waits until it is done (also on a
    // panic of `b`); otherwise `Pending` takes `a` back first, and the task, whenever it runs,
    // finds `State::Taken` and touches nothing of the caller's. The erased lifetime is never
    // used after that: the task holds no `A` or `a` any more, only its `Arc`.
    let task: Task = unsafe { std::mem::transmute::<Box<dyn FnOnce() + Send + '_>, Task>(task) };
    // When no second thread can be created, the task comes back and is dropped unrun: `a`
    // stays in `shared`, and `finish` below runs it here.
    let _ = Helper::offer(task);
    let pending = Pending {
        shared: &shared,
        armed: true,
    };
    let b = b();
    (pending.finish(), b)
}

/// Starts the second thread now, ahead of its first job ([`crate::expect_input`]): it waits
/// for jobs as after any other, keeping its core awake for [`STAY_AWAKE`]. Says whether a
/// second thread took the (empty) job: not on a thread of rayon's pool or on the helper
/// itself, which never offer jobs to a helper (see [`both`]).
pub(crate) fn start_early() -> bool {
    rayon::current_thread_index().is_none()
        && !Helper::is_current()
        // A job that does nothing: the thread only has to be running.
        && Helper::offer(Box::new(|| {})).is_ok()
}

/// How a map may spread its items over threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spread {
    /// All on the calling thread.
    Here,
    /// On this thread and the second one ([`both`]), which take chunks of the items in turn.
    Two,
    /// Over rayon's pool, one task per core and more.
    Cores,
}

/// `items.map(f)` in order, spread as `spread` says: [`map_beside`] with nothing beside.
pub(crate) fn map_spread<T: Sync, R: Send>(
    items: &[T],
    spread: Spread,
    f: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R> {
    map_beside(items, spread, f, || ()).0
}

/// Most items a thread takes at a time in [`map_beside`]: small enough that the threads end
/// together, large enough that taking them costs nothing measurable. A short list is taken in
/// smaller chunks (one item at a time below [`CHUNKS`] items), so that both threads get some.
const CHUNK: usize = 32;

/// How many chunks a list is cut into, at least, when its items allow.
const CHUNKS: usize = 128;

/// `items.map(f)` in order, and `beside()`, which runs at the same time (work that does not
/// depend on the map; on this thread, or on one of rayon's for [`Spread::Cores`]). On two
/// threads the shares are not cut in advance: each thread takes the next chunk of items when it
/// is done with its last, so the second thread takes more while this one runs `beside` (or
/// while it is still busy with a job of its own), and both end together whatever the items
/// cost (no cost to estimate; a cut into two halves of equal estimated cost ended 0.3-0.6 ms
/// apart at 5,000 clauses).
pub(crate) fn map_beside<T: Sync, R: Send, P: Send>(
    items: &[T],
    spread: Spread,
    f: impl Fn(&T) -> R + Sync + Send,
    beside: impl FnOnce() -> P + Send,
) -> (Vec<R>, P) {
    use rayon::prelude::*;
    match spread {
        Spread::Cores => {
            start_pool();
            rayon::join(|| items.par_iter().map(&f).collect(), beside)
        }
        Spread::Two => {
            let next = AtomicUsize::new(0);
            let size = (items.len() / CHUNKS).clamp(1, CHUNK);
            let chunks = items.len().div_ceil(size);
            let take = || {
                let mut done = Vec::new();
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k >= chunks {
                        return done;
                    }
                    let part = &items[k * size..items.len().min((k + 1) * size)];
                    done.push((k, part.iter().map(&f).collect::<Vec<R>>()));
                }
            };
            let (theirs, (p, mine)) = both(take, || {
                let p = beside();
                (p, take())
            });
            let mut parts: Vec<(usize, Vec<R>)> = theirs.into_iter().chain(mine).collect();
            parts.sort_unstable_by_key(|part| part.0);
            let mut out = Vec::with_capacity(items.len());
            parts.into_iter().for_each(|(_, part)| out.extend(part));
            (out, p)
        }
        Spread::Here => {
            let out = items.iter().map(f).collect();
            (out, beside())
        }
    }
}

/// A job for the helper, with its lifetime erased (see `both`).
type Task = Box<dyn FnOnce() + Send + 'static>;

/// The second thread: started by a `both` outside rayon's pool when none is running, and kept
/// while short jobs keep coming. Once it has had nothing to do for [`STAY_AWAKE`], or after
/// a long job ([`LONG_JOB`]), it ends: the memory its jobs freed then goes back to the
/// allocator's common pool (a kept thread's heap kept it: at 50,000 clauses a helper that
/// stayed raised the peak from 197 to 236 MiB), and the next `both` starts a new helper.
struct Helper {
    inbox: Mutex<Inbox>,
    /// How many jobs the inbox holds: read while the helper waits, without the lock.
    queued: AtomicUsize,
}

/// The jobs offered and not yet taken, in order. A job its caller took back meanwhile is
/// skipped when its turn comes (see `Shared::run`).
struct Inbox {
    tasks: std::collections::VecDeque<Task>,
    /// Cleared, under the lock, when the helper ends: no job is offered to it after that.
    open: bool,
}

/// A job this long means a large text: its memory matters more than a new thread for the
/// next job (about 0.1 ms against milliseconds), so the helper ends after it unless another
/// job is already waiting.
const LONG_JOB: std::time::Duration = std::time::Duration::from_millis(4);

/// How long a thread that waits for the other one keeps its core awake (yielding it to any
/// other thread that wants it) before it sleeps, or the helper ends. On a virtual machine a
/// sleeping core can take from 0.1 ms to over 1 ms to wake up; a diff's steps on two threads
/// are a fraction of a millisecond apart.
const STAY_AWAKE: std::time::Duration = std::time::Duration::from_millis(2);

/// The stack of every thread started here (the helper, rayon's workers): just under the 2 MiB
/// Rust gives a thread by default. A 2 MiB stack, with its guard page, is a mapping that holds
/// a whole aligned 2 MiB, which Linux backs with one transparent huge page when the thread
/// first touches it: 2 MiB zeroed before the thread's first job runs (measured on a 500-clause
/// diff: 2 of its 12 MiB of huge pages). Slightly smaller, the stack gets 4 KiB pages, and
/// only the few dozen the thread uses are touched.
const THREAD_STACK: usize = 2 * 1024 * 1024 - 64 * 1024;

/// Yields the core until `ready` or [`STAY_AWAKE`] has passed; says whether `ready` came.
fn stay_awake_until(ready: impl Fn() -> bool) -> bool {
    let start = std::time::Instant::now();
    loop {
        for _ in 0..16 {
            if ready() {
                return true;
            }
            std::thread::yield_now();
        }
        if start.elapsed() >= STAY_AWAKE {
            return ready();
        }
    }
}

thread_local! {
    static IS_HELPER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl Helper {
    fn is_current() -> bool {
        IS_HELPER.with(std::cell::Cell::get)
    }

    /// Offers `task` to the running helper, or to a new one when it has ended (or never
    /// started). Gives the task back when no thread can be created.
    fn offer(task: Task) -> Result<(), Task> {
        static CURRENT: Mutex<Option<Arc<Helper>>> = Mutex::new(None);
        let mut current = lock(&CURRENT);
        let mut task = task;
        loop {
            let helper = match current.as_ref() {
                Some(helper) => Arc::clone(helper),
                None => {
                    let Some(helper) = Helper::start() else {
                        return Err(task);
                    };
                    *current = Some(Arc::clone(&helper));
                    helper
                }
            };
            match helper.push(task) {
                Ok(()) => return Ok(()),
                // It ended meanwhile: start another.
                Err(back) => {
                    task = back;
                    *current = None;
                }
            }
        }
    }

    /// Creates the thread and sends it to another core than this one (see the module's notes);
    /// once there, it frees itself to run anywhere.
    fn start() -> Option<Arc<Helper>> {
        let helper = Arc::new(Helper {
            inbox: Mutex::new(Inbox {
                tasks: std::collections::VecDeque::new(),
                open: true,
            }),
            queued: AtomicUsize::new(0),
        });
        let theirs = Arc::clone(&helper);
        let allowed = cores::allowed();
        let elsewhere = allowed.as_ref().and_then(cores::elsewhere);
        let sent = Arc::new(AtomicBool::new(false));
        let placed = Arc::clone(&sent);
        let handle = std::thread::Builder::new()
            .name("resdiff-helper".into())
            .stack_size(THREAD_STACK)
            .spawn(move || {
                IS_HELPER.with(|h| h.set(true));
                wait_until_placed(&placed);
                if let Some(all) = &allowed {
                    cores::free_self(all);
                }
                theirs.serve();
            })
            .ok()?;
        if let Some(set) = &elsewhere {
            cores::send(&handle, set);
        }
        sent.store(true, Ordering::Release);
        Some(helper)
    }

    /// Queues `task`, unless the helper has ended (then the task comes back).
    fn push(&self, task: Task) -> Result<(), Task> {
        let mut inbox = lock(&self.inbox);
        if !inbox.open {
            return Err(task);
        }
        inbox.tasks.push_back(task);
        self.queued.store(inbox.tasks.len(), Ordering::Release);
        Ok(())
    }

    /// Runs the jobs as they come; returns (ending the thread) once none has come for
    /// [`STAY_AWAKE`], or right after a long job when no other is waiting.
    fn serve(&self) {
        let mut long = false;
        loop {
            if !long {
                stay_awake_until(|| self.queued.load(Ordering::Acquire) > 0);
            }
            let task = {
                let mut inbox = lock(&self.inbox);
                match inbox.tasks.pop_front() {
                    Some(task) => {
                        self.queued.store(inbox.tasks.len(), Ordering::Release);
                        task
                    }
                    None => {
                        inbox.open = false;
                        return;
                    }
                }
            };
            let start = std::time::Instant::now();
            task();
            long = start.elapsed() >= LONG_JOB;
        }
    }
}

/// One job shared by its caller and the helper, until one of them takes it.
struct Shared<F, A> {
    state: Mutex<State<F, A>>,
    /// Set once the helper has stored the job's result: read while the caller spins.
    finished: AtomicBool,
    done: Condvar,
}

enum State<F, A> {
    Offered(F),
    Running,
    Done(std::thread::Result<A>),
    /// Taken back by the caller, or its result handed over.
    Taken,
}

impl<F: FnOnce() -> A, A> Shared<F, A> {
    /// On the helper: runs the job unless the caller took it back.
    fn run(&self) {
        let job = {
            let mut state = lock(&self.state);
            match std::mem::replace(&mut *state, State::Running) {
                State::Offered(job) => job,
                other => {
                    *state = other;
                    return;
                }
            }
        };
        let result = catch_unwind(AssertUnwindSafe(job));
        *lock(&self.state) = State::Done(result);
        self.finished.store(true, Ordering::Release);
        self.done.notify_one();
    }
}

/// The caller's side of an offered job, until it is accounted for.
struct Pending<'s, F, A> {
    shared: &'s Shared<F, A>,
    /// Cleared by `finish`; still set on a panic of `b`.
    armed: bool,
}

impl<F: FnOnce() -> A, A> Pending<'_, F, A> {
    /// The job's result: run here if the helper has not started it, else waited for.
    fn finish(mut self) -> A {
        self.armed = false;
        match self.settle() {
            State::Offered(job) => job(),
            State::Done(Ok(a)) => a,
            State::Done(Err(panic)) => resume_unwind(panic),
            _ => unreachable!("the job is taken once, and it was not taken here"),
        }
    }
}

impl<F, A> Pending<'_, F, A> {
    /// Takes the job back, or waits until the helper is done with it; returns what was there.
    fn settle(&self) -> State<F, A> {
        let mut state = lock(&self.shared.state);
        if matches!(*state, State::Running) {
            drop(state);
            stay_awake_until(|| self.shared.finished.load(Ordering::Acquire));
            state = lock(&self.shared.state);
        }
        while matches!(*state, State::Running) {
            state = self
                .shared
                .done
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        std::mem::replace(&mut *state, State::Taken)
    }
}

impl<F, A> Drop for Pending<'_, F, A> {
    /// Only on a panic of `b`: the helper may not go on running the job after the caller's
    /// frames are gone, so it is either kept from starting it or waited for.
    fn drop(&mut self) {
        if self.armed {
            // The job unrun, or the helper's result, is dropped with the caller's frames.
            drop(self.settle());
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Waits until the creator of this thread has placed it: the pthread_t of a thread that has
/// ended names the calling thread to the kernel, and placing this one after it freed itself
/// would pin it.
fn wait_until_placed(sent: &AtomicBool) {
    while !sent.load(Ordering::Acquire) {
        std::thread::yield_now();
    }
}

/// Sets up rayon's global pool before its first use: one worker per allowed core, each sent
/// to its own core at birth (see the module's notes) and kept there (rayon's work stealing
/// evens out the load if another program takes a core). When the pool's size differs from
/// the number of allowed cores (`RAYON_NUM_THREADS`), the kernel places the workers. A pool
/// that already exists (built by a program using this library) is left as it is. Called by
/// every parallel step; only the first call does anything.
pub(crate) fn start_pool() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let workers = pool_size();
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(workers)
            .spawn_handler(placed(workers))
            .build_global();
    });
}

/// The spawn handler of a pool of `workers`, placed as [`start_pool`] says.
fn placed(workers: usize) -> impl FnMut(rayon::ThreadBuilder) -> std::io::Result<()> {
    let own_cores = cores::list();
    move |worker| {
        let place = cores::one(&own_cores, worker.index(), workers);
        spawn_worker(worker, place)
    }
}

/// The size rayon gives its pool by default: `RAYON_NUM_THREADS` when it is a positive
/// number, else the cores available to the process.
fn pool_size() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Starts one worker of rayon's pool, on core `place` if there is one.
fn spawn_worker(worker: rayon::ThreadBuilder, place: Option<cores::Set>) -> std::io::Result<()> {
    let mut builder = std::thread::Builder::new();
    if let Some(name) = worker.name() {
        builder = builder.name(name.to_owned());
    }
    builder = builder.stack_size(worker.stack_size().unwrap_or(THREAD_STACK));
    let sent = Arc::new(AtomicBool::new(false));
    let theirs = Arc::clone(&sent);
    let handle = builder.spawn(move || {
        let _placed = Placed(&theirs);
        worker.run()
    })?;
    if let Some(set) = &place {
        cores::send(&handle, set);
    }
    sent.store(true, Ordering::Release);
    Ok(())
}

/// Keeps a pool worker from ending (even by a panic) before its creator has placed it (see
/// `wait_until_placed`).
struct Placed<'s>(&'s AtomicBool);

impl Drop for Placed<'_> {
    fn drop(&mut self) {
        wait_until_placed(self.0);
    }
}

/// Where threads may run. Hints only: when the system refuses, or gives a single core, the
/// threads stay where the kernel puts them.
#[cfg(target_os = "linux")]
mod cores {
    use std::os::unix::thread::JoinHandleExt;

    pub type Set = libc::cpu_set_t;

    const SIZE: usize = std::mem::size_of::<Set>();

    /// The cores the calling thread may use.
    pub fn allowed() -> Option<Set> {
        // SAFETY: `cpu_set_t` is plain bits (zeroed is the empty set); the call writes only
        // the set passed, of the size passed; pid 0 is the calling thread.
        unsafe {
            let mut set: Set = std::mem::zeroed();
            (libc::sched_getaffinity(0, SIZE, &mut set) == 0).then_some(set)
        }
    }

    /// `allowed` without the core the calling thread runs on, unless that leaves none.
    pub fn elsewhere(allowed: &Set) -> Option<Set> {
        // SAFETY: `sched_getcpu` has no arguments; `CPU_CLR` is given a core below
        // `CPU_SETSIZE` (it would index past the set otherwise) and `CPU_COUNT` a valid set.
        unsafe {
            let here = usize::try_from(libc::sched_getcpu()).ok()?;
            if here >= libc::CPU_SETSIZE as usize {
                return None;
            }
            let mut set = *allowed;
            libc::CPU_CLR(here, &mut set);
            (libc::CPU_COUNT(&set) > 0).then_some(set)
        }
    }

    /// Sends a thread to the cores of `set`. The thread must not have ended: the pthread_t of
    /// an ended thread holds no kernel thread id, which the call takes as the calling thread.
    pub fn send<T>(thread: &std::thread::JoinHandle<T>, set: &Set) {
        // SAFETY: the handle keeps the thread joinable, so its pthread_t is valid; the call
        // reads only the set passed, of the size passed.
        unsafe {
            // std's `RawPthread` is an integer; musl's `pthread_t` is a pointer.
            #[cfg(target_env = "musl")]
            let id = thread.as_pthread_t() as libc::pthread_t;
            #[cfg(not(target_env = "musl"))]
            let id = thread.as_pthread_t();
            libc::pthread_setaffinity_np(id, SIZE, set);
        }
    }

    /// The cores the calling thread may use, in order.
    pub fn list() -> Vec<usize> {
        allowed().map_or_else(Vec::new, |set| {
            // SAFETY: `CPU_ISSET` reads a valid set at cores below `CPU_SETSIZE`.
            (0..libc::CPU_SETSIZE as usize)
                .filter(|&c| unsafe { libc::CPU_ISSET(c, &set) })
                .collect()
        })
    }

    /// The core of worker `index` of a pool of `workers`: the index-th of `cores` when there
    /// is one core per worker, else none.
    pub fn one(cores: &[usize], index: usize, workers: usize) -> Option<Set> {
        if cores.len() != workers || index >= cores.len() {
            return None;
        }
        // SAFETY: zeroed is the empty set; `CPU_SET` is given a core below `CPU_SETSIZE`,
        // as `list` returns only those.
        unsafe {
            let mut set: Set = std::mem::zeroed();
            libc::CPU_SET(cores[index], &mut set);
            Some(set)
        }
    }

    /// Lets the calling thread run on every core of `allowed` again.
    pub fn free_self(allowed: &Set) {
        // SAFETY: as in `allowed`; the call reads only the set passed.
        unsafe {
            libc::sched_setaffinity(0, SIZE, allowed);
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod cores {
    pub type Set = ();
    pub fn allowed() -> Option<Set> {
        None
    }
    pub fn elsewhere(_: &Set) -> Option<Set> {
        None
    }
    pub fn send<T>(_: &std::thread::JoinHandle<T>, _: &Set) {}
    pub fn list() -> Vec<usize> {
        Vec::new()
    }
    pub fn one(_: &[usize], _: usize, _: usize) -> Option<Set> {
        None
    }
    pub fn free_self(_: &Set) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_starts_early_only_where_both_would_offer_it_jobs() {
        assert!(start_early(), "a second thread takes the empty job");
        let (a, b) = both(|| (0..10u64).sum::<u64>(), || "here");
        assert_eq!((a, b), (45, "here"));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        assert!(
            !pool.install(start_early),
            "rayon's threads use rayon::join"
        );
    }

    #[test]
    fn both_returns_both_results_and_keeps_the_allowed_cores() {
        #[cfg(target_os = "linux")]
        let before = allowed_cores();
        let (a, b) = both(|| (0..1000u64).sum::<u64>(), || "here");
        assert_eq!((a, b), (499_500, "here"));
        #[cfg(target_os = "linux")]
        assert_eq!(
            allowed_cores(),
            before,
            "the thread must be free to go anywhere again"
        );
    }

    #[cfg(target_os = "linux")]
    fn allowed_cores() -> Vec<usize> {
        // SAFETY: as in `cores::allowed`.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            let size = std::mem::size_of::<libc::cpu_set_t>();
            assert_eq!(libc::sched_getaffinity(0, size, &mut set), 0);
            (0..libc::CPU_SETSIZE as usize)
                .filter(|&c| libc::CPU_ISSET(c, &set))
                .collect()
        }
    }

    #[test]
    fn the_pool_has_one_worker_on_each_core() {
        #[cfg(target_os = "linux")]
        {
            let cores = allowed_cores();
            let new_pool = |n| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .spawn_handler(placed(n))
                    .build()
                    .unwrap()
            };
            let pool = new_pool(cores.len());
            let mut placed: Vec<Vec<usize>> = pool.broadcast(|_| allowed_cores());
            placed.sort();
            assert_eq!(placed, cores.iter().map(|&c| vec![c]).collect::<Vec<_>>());
            // Another size than the cores: the kernel places the workers.
            let pool = new_pool(cores.len() + 1);
            assert!(pool
                .broadcast(|_| allowed_cores())
                .iter()
                .all(|c| *c == cores));
        }
        assert!(pool_size() >= 1);
    }

    #[test]
    fn on_a_pool_thread_both_stays_in_the_pool() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let in_pool = || rayon::current_thread_index().is_some();
        let (a, b) = pool.install(|| both(in_pool, in_pool));
        assert!(a && b, "neither half may run on a thread of its own");
    }

    #[test]
    #[should_panic(expected = "other thread")]
    fn a_panic_on_the_other_thread_is_passed_on() {
        // `b` waits until `a` has started on the other thread, so the panic is the thread's.
        let started = std::sync::atomic::AtomicBool::new(false);
        both(
            || {
                started.store(true, std::sync::atomic::Ordering::SeqCst);
                panic!("other thread")
            },
            || {
                while !started.load(std::sync::atomic::Ordering::SeqCst) {
                    std::thread::yield_now();
                }
            },
        );
    }

    #[test]
    fn each_half_runs_once_on_either_thread_with_what_it_borrows() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let runs = AtomicUsize::new(0);
        let here = std::thread::current().id();
        #[cfg(target_os = "linux")]
        let before = allowed_cores();
        let mut elsewhere = 0;
        for i in 0..300u64 {
            let words: Vec<u64> = (0..i).collect();
            let (a, b) = both(
                || {
                    runs.fetch_add(1, Ordering::SeqCst);
                    (words.iter().sum::<u64>(), std::thread::current().id())
                },
                || words.len(),
            );
            assert_eq!((a.0, b), (i * i.saturating_sub(1) / 2, i as usize));
            elsewhere += usize::from(a.1 != here);
        }
        assert_eq!(
            runs.load(Ordering::SeqCst),
            300,
            "`a` runs exactly once per call"
        );
        // However the threads raced, this one is never pinned (see `Placed`).
        #[cfg(target_os = "linux")]
        assert_eq!(allowed_cores(), before);
        // Which thread ran `a` depends on the machine; both outcomes give the same results.
        eprintln!("`a` ran on the second thread {elsewhere} times of 300");
    }

    #[test]
    fn map_spread_keeps_order_and_every_item_however_it_is_spread() {
        let items: Vec<u64> = (0..101).collect();
        let square = |&i: &u64| i * i;
        let expected: Vec<u64> = items.iter().map(square).collect();
        for spread in [Spread::Here, Spread::Two, Spread::Cores] {
            assert_eq!(map_spread(&items, spread, square), expected, "{spread:?}");
            assert_eq!(
                map_spread(&items[..1], spread, square),
                vec![0],
                "{spread:?}"
            );
            assert!(map_spread(&items[..0], spread, square).is_empty());
        }
    }

    #[test]
    fn map_beside_keeps_order_and_every_item_and_runs_beside_once() {
        let square = |&i: &u64| i * i;
        // One item a chunk, then chunks of several: a last chunk full, partial or alone.
        let long = CHUNKS * CHUNK;
        for len in [
            0,
            1,
            CHUNKS - 1,
            2 * CHUNKS + 1,
            long - 1,
            long,
            long + 1,
            3 * long + 7,
        ] {
            let items: Vec<u64> = (0..len as u64).collect();
            let expected: Vec<u64> = items.iter().map(square).collect();
            for spread in [Spread::Here, Spread::Two, Spread::Cores] {
                let runs = AtomicUsize::new(0);
                let (out, beside) = map_beside(&items, spread, square, || {
                    runs.fetch_add(1, Ordering::Relaxed);
                    "beside"
                });
                assert_eq!(out, expected, "{len} items, {spread:?}");
                assert_eq!(beside, "beside");
                assert_eq!(runs.load(Ordering::Relaxed), 1, "{len} items, {spread:?}");
            }
        }
    }

    #[test]
    fn a_new_helper_takes_over_once_the_last_one_has_ended() {
        for _ in 0..3 {
            let (a, b) = both(|| (1..=10u32).product::<u32>(), || 7);
            assert_eq!((a, b), (3_628_800, 7));
            // Longer than the helper stays awake: it ends, and the next call starts another.
            std::thread::sleep(STAY_AWAKE * 2);
        }
    }

    #[test]
    fn a_panic_here_waits_for_the_half_running_there() {
        use std::sync::atomic::{AtomicBool, Ordering};
        for _ in 0..20 {
            let (running, started) = (AtomicBool::new(false), AtomicBool::new(false));
            let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                both(
                    || {
                        running.store(true, Ordering::SeqCst);
                        started.store(true, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(2));
                        running.store(false, Ordering::SeqCst);
                    },
                    || {
                        // Give the other thread a moment, so that both cases occur.
                        std::thread::sleep(std::time::Duration::from_micros(300));
                        panic!("here")
                    },
                )
            }));
            assert!(caught.is_err());
            assert!(
                !running.load(Ordering::SeqCst),
                "`a` must not still run once `both` has unwound (started: {})",
                started.load(Ordering::SeqCst)
            );
        }
    }
}
