/**
 * @module inspect/source-check
 * verify's strategy step checks each recorded source's normalizedSha256: the source parsed by asc
 * and printed back. Loading assemblyscript (and binaryen, which it loads) and parsing take ~0.7 s
 * and ~100 MB here, so the check is started on a worker thread as verify begins, overlapping the
 * other steps on another core (its thread stubs binaryen out: inspect/source-check-thread), and its
 * answers are awaited at the strategy step, in pipeline order. The thread's answer is taken only
 * when it is the recorded hash (a pass); any other answer, a source whose bytes at the strategy step
 * are not the bytes the thread was given, or one the thread could not answer for, is normalized
 * in-process by the real assemblyscript instead: results and failure messages are normalizeSource's.
 */
import { Worker } from 'node:worker_threads';
import { normalizeSource } from '../build/asc.ts';
import { equalBytes, sha256 } from '../../traces/index.ts';
import { siblingModule } from '../paths.ts';

export interface SourceCheckJob { sources: { path: string; text: Uint8Array }[] }
/** Per source: the SHA-256 of its normalized text, or asc's parse error, or nothing the thread can say. */
export type SourceCheckAnswer = { normalizedSha256: Uint8Array } | { parseError: string } | { unexpected: true };

export interface SourceCheck {
  /**
   * SHA-256 of `text` (source `path`) normalized, to compare with `recorded`; throws normalizeSource's
   * BuildError when it does not parse.
   */
  normalizedSha256(path: string, text: Uint8Array, recorded: Uint8Array): Promise<Uint8Array>;
  /** Ends the thread (when verify stops early). */
  close(): void;
}

const inProcess = async (path: string, text: Uint8Array): Promise<Uint8Array> => sha256(Buffer.from(await normalizeSource(Buffer.from(text).toString('utf8'), path)));

/** The thread's answers for `sources` (null if it fails to start or dies), and the thread. */
export function onThread(sources: SourceCheckJob['sources']): { worker: Worker; answers: Promise<SourceCheckAnswer[] | null> } {
  const worker = new Worker(siblingModule('source-check-thread', import.meta.url));
  // a thread that fails to start or dies leaves every source to the in-process check
  const answers = new Promise<SourceCheckAnswer[] | null>((resolve) => {
    worker.once('message', (a: SourceCheckAnswer[]) => resolve(a));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  worker.postMessage({ sources } satisfies SourceCheckJob);
  return { worker, answers };
}

/** Starts normalizing `sources` (the texts as read now, any left out: null) on a worker thread. */
export function startSourceCheck(sources: readonly { path: string; text: Uint8Array | null }[]): SourceCheck {
  const given = sources.filter((s): s is { path: string; text: Uint8Array } => s.text !== null);
  if (given.length === 0) return { normalizedSha256: inProcess, close: () => {} };
  const { worker, answers } = onThread(given);
  // verify's steps before the strategy step may fail: the thread must not hold the process then
  worker.unref();
  void answers.then(() => worker.terminate());
  return {
    async normalizedSha256(path, text, recorded) {
      const k = given.findIndex((s) => s.path === path);
      let answer: SourceCheckAnswer | undefined;
      if (k >= 0 && equalBytes(given[k]!.text, text)) {
        worker.ref(); // awaited now: the thread holds the process until it answers
        answer = (await answers)?.[k];
      }
      if (answer && 'normalizedSha256' in answer && equalBytes(answer.normalizedSha256, recorded)) return answer.normalizedSha256;
      return inProcess(path, text);
    },
    close: () => void worker.terminate(),
  };
}
