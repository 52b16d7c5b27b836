//! A second thread for one job, started at once.
//!
//! Some virtual machines (Firecracker's, common for CI runners) place a new thread on the
//! core of the thread that created it, even when another core is idle: the new thread then
//! waits for its creator to finish its own half, and two threads take longer than one. On
//! such a machine (2 cores), a 500-clause diff took 7.5 ms with its second thread against
//! 7.0 without (medians). So the creator moves itself to another core right after the spawn,
//! and the new thread runs where it was queued: 6.5 ms.

/// Runs `a` on a second thread and `b` on this one; returns both results. A panic on the other
/// thread is a bug: it is passed on as it is. On a thread of rayon's pool (a collection, whose
/// pairs already keep every core busy), `a` is only offered to the pool's other threads
/// (`rayon::join`): a thread of its own would compete with them for the cores.
pub(crate) fn both<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if rayon::current_thread_index().is_some() {
        let (b, a) = rayon::join(b, a);
        return (a, b);
    }
    std::thread::scope(|s| {
        let a = s.spawn(a);
        make_room();
        let b = b();
        (a.join().unwrap_or_else(|p| std::panic::resume_unwind(p)), b)
    })
}

/// Moves the calling thread to another of the cores it may use, and leaves it free to go
/// anywhere again: the thread just created, queued on this core, gets it. A hint only: on a
/// single allowed core, or if the system refuses, nothing happens.
#[cfg(target_os = "linux")]
fn make_room() {
    // SAFETY: `cpu_set_t` is plain bits (zeroed is the empty set); the calls read and write
    // only the set passed, of the size passed, and pid 0 is the calling thread.
    unsafe {
        let size = std::mem::size_of::<libc::cpu_set_t>();
        let mut allowed: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, size, &mut allowed) != 0 {
            return;
        }
        let here = match usize::try_from(libc::sched_getcpu()) {
            Ok(cpu) if cpu < libc::CPU_SETSIZE as usize => cpu,
            _ => return,
        };
        let mut elsewhere = allowed;
        libc::CPU_CLR(here, &mut elsewhere);
        if libc::CPU_COUNT(&elsewhere) == 0 {
            return;
        }
        if libc::sched_setaffinity(0, size, &elsewhere) == 0 {
            libc::sched_setaffinity(0, size, &allowed);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn make_room() {}

#[cfg(test)]
mod tests {
    use super::*;

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
        // SAFETY: as in `make_room`.
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
        both(|| panic!("other thread"), || 1);
    }
}
