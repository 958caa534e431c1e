/**
 * @module check/process-entry
 * The entry of the determinism checker's child process (check/determinism runInProcess): it is sent
 * one job, opens the data itself (under its own environment: time zone, locale, cache folder), runs
 * it as backtest does, on a guest thread (run/worker), and posts back the run's summary, what Node
 * here shows of its environment, or the error as data; then exits. When its parent goes (the IPC
 * channel closes) it exits.
 */
import type { CheckJob, Plant, RunSummary } from './job.ts';

/** What Node in this process shows of its environment: Intl's default time zone and locale, and a number and a date as they print here. */
export interface Shown {
  timeZone: string;
  locale: string;
  sample: string;
}

export type ProcessReply = { value: { summary: RunSummary; shown: Shown } } | { error: { kind: string; code?: string; message: string; step?: string; stack?: string } };

export function shownHere(): Shown {
  const o = Intl.DateTimeFormat().resolvedOptions();
  return { timeZone: o.timeZone, locale: o.locale, sample: `${(1234.5).toLocaleString()} ${new Date(0).toString()}` };
}

if (process.send) {
  const send = (reply: ProcessReply): void => {
    process.send!(reply, undefined, {}, () => process.exit(0));
  };
  process.on('disconnect', () => process.exit(0));
  process.once('message', async ({ job, variant, plant }: { job: CheckJob; variant: string; plant?: Plant }) => {
    try {
      const { openJobData, plantedInputs, summaryOf } = await import('./job.ts');
      const { executeRunIsolated } = await import('../run/worker.ts');
      const inputs = plantedInputs(variant, await openJobData(job), job.config, plant);
      const outcome = await executeRunIsolated({ strategy: job.strategy, data: inputs.feeds, config: inputs.config, logLevel: 'silent', isolation: job.isolation }, { timeoutMs: job.timeoutMs, endThread: true });
      send({ value: { summary: summaryOf(outcome), shown: shownHere() } });
    } catch (e) {
      const err = e as Error & { code?: string; step?: string };
      send({ error: { kind: err?.constructor?.name ?? 'Error', code: err?.code, message: err?.message ?? String(e), step: err?.step, stack: err?.stack } });
    }
  });
}
