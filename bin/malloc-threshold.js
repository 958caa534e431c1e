// glibc's M_MMAP_THRESHOLD for each command, which the launcher sets through the environment (MALLOC_MMAP_THRESHOLD_)
// before malloc starts. Plain JavaScript: the launcher loads it before the compile cache is on; bench/sweep.ts and
// bench/walk-forward.ts run under the same setting as their commands.

/**
 * The malloc setting `backproof <command>` runs with, in bytes as glibc reads it, or null for none (glibc's own).
 * - 64 KiB: every block from 64 KiB up is mapped on its own, so what a finished guest thread freed goes back
 *   to the system (a 10M-bar run peaks ~90 MB lower).
 * - sweep and walk-forward (a sweep per window), 1 MiB: their guest threads live the whole command and
 *   each run frees ~8 blocks of 64 KiB-1 MiB;
 *   mapped on their own, each free is a munmap, which in a process with two busy threads stalls the
 *   other core (TLB shootdown): 16 munmap and 12 mmap a GOOG run instead of 8 and 4, and on 2 workers
 *   10-20 % fewer runs/s. Blocks from 1 MiB up (a long series' columns) are still mapped alone
 *   (docs/BENCHMARKS.md, "Sweeps").
 * - verify runs no guest: none (the same peak either way, measured), and no re-run for it.
 */
export function mallocMmapThreshold(command) {
  if (command === 'verify') return null;
  return command === 'sweep' || command === 'walk-forward' ? '1048576' : '65536';
}

/**
 * Re-runs this process in place (execve: the same process id and files, ~0.04 s CPU) with `command`'s setting,
 * which glibc reads only as malloc starts: nothing when the environment has one already (so never twice), off
 * Linux, or for a command without one. If execve is refused (e.g. under Node's permission model) it runs as is.
 */
export function rerunWithMallocThreshold(command) {
  const threshold = mallocMmapThreshold(command);
  if (process.platform !== 'linux' || threshold === null || process.env.MALLOC_MMAP_THRESHOLD_ !== undefined || typeof process.execve !== 'function') return;
  try {
    process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], { ...process.env, MALLOC_MMAP_THRESHOLD_: threshold });
  } catch {
    // (refused: run in this process)
  }
}
