/**
 * @module run/interrupt
 * Work that an interrupt (SIGINT, SIGTERM: bin/backproof.js, cli/main onInterrupt) waits for, briefly,
 * before the process exits: what a command must undo elsewhere than its own folders, such as a
 * distributed sweep's coordinator withdrawing the jobs it enqueued (distributed/coordinator). Nothing
 * here is part of anything hashed.
 */

const pending = new Set<() => Promise<unknown>>();

/** Registers `cleanup` for an interrupt until the returned function is called (when the work it undoes is done). */
export function onInterruptCleanup(cleanup: () => Promise<unknown>): () => void {
  pending.add(cleanup);
  return () => { pending.delete(cleanup); };
}

/** Whether an interrupt has cleanups to wait for. */
export function hasInterruptCleanups(): boolean {
  return pending.size > 0;
}

/** Runs every registered cleanup at once; resolves when all have settled or after `ms`, whichever is first. */
export async function runInterruptCleanups(ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled([...pending].map((c) => c())),
    new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); }),
  ]).finally(() => clearTimeout(timer));
}
