/**
 * @module inspect/source-check
 * verify's strategy step checks each recorded source's normalizedSha256: the source parsed by asc
 * and printed back. Loading assemblyscript (and binaryen, which it loads) and parsing take ~0.7 s
 * and ~100 MB here, so a check that passed before is remembered (build/normalized-cache: by the
 * source's exact bytes, its path and the toolchain, under the cache folder) and one not remembered
 * is started on a worker thread as verify begins, overlapping the other steps on another core (its
 * thread stubs binaryen out: inspect/source-check-thread); the answers are awaited at the strategy
 * step, in pipeline order. A remembered answer or the thread's is taken only when it is the
 * recorded hash (a pass); any other answer, a source whose bytes at the strategy step are not the
 * bytes given at the start, or one the thread could not answer for, is normalized in-process by the
 * real assemblyscript instead: results and failure messages are normalizeSource's.
 */
import { Worker } from 'node:worker_threads';
import { normalizeSource } from '../build/asc.ts';
import { equalBytes, sha256 } from '../../traces/index.ts';
import { siblingModule } from '../paths.ts';
import { rememberedNormalized, rememberNormalized } from '../build/normalized-cache.ts';

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
  /** How many sources were given to the thread (0: every one was remembered, or none was given). */
  threaded(): Promise<number>;
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

/**
 * Starts checking `sources` (the texts as read now, any left out: null; each with the recorded
 * normalizedSha256): each is looked up in the cache under `cacheRoot` (null: none), and those not
 * remembered as their recorded hash are normalized on a worker thread (none is started when every
 * one is remembered). A check that passes is remembered.
 */
export function startSourceCheck(sources: readonly { path: string; text: Uint8Array | null; recorded?: Uint8Array }[], cacheRoot: string | null = null): SourceCheck {
  const given = sources.filter((s): s is { path: string; text: Uint8Array; recorded?: Uint8Array } => s.text !== null);
  const remember = async (path: string, text: Uint8Array, normalized: Uint8Array): Promise<Uint8Array> => {
    await rememberNormalized(cacheRoot, path, text, normalized);
    return normalized;
  };
  const checked = async (path: string, text: Uint8Array, recorded: Uint8Array): Promise<Uint8Array> => {
    const normalized = await inProcess(path, text);
    return equalBytes(normalized, recorded) ? remember(path, text, normalized) : normalized;
  };
  if (given.length === 0) return { normalizedSha256: checked, close: () => {}, threaded: async () => 0 };
  let closed = false;
  let awaited = false;
  let worker: Worker | null = null;
  const remembered = Promise.all(given.map((s) => rememberedNormalized(cacheRoot, s.path, s.text)));
  let threaded = 0;
  // the thread is given the sources not remembered as their recorded hash; answers by index in `given`
  const answers = remembered.then(async (hits): Promise<(SourceCheckAnswer | undefined)[] | null> => {
    const sent = given.flatMap((s, k) => (hits[k] && s.recorded && equalBytes(hits[k], s.recorded) ? [] : [k]));
    if (sent.length === 0 || closed) return null;
    threaded = sent.length;
    const thread = onThread(sent.map((k) => given[k]!));
    worker = thread.worker;
    // verify's steps before the strategy step may fail: the thread must not hold the process then
    if (!awaited) worker.unref();
    const got = await thread.answers;
    void thread.worker.terminate();
    if (!got) return null;
    const byIndex: (SourceCheckAnswer | undefined)[] = [];
    for (const [j, k] of sent.entries()) byIndex[k] = got[j];
    return byIndex;
  });
  return {
    async normalizedSha256(path, text, recorded) {
      const k = given.findIndex((s) => s.path === path);
      let answer: SourceCheckAnswer | undefined;
      if (k >= 0 && equalBytes(given[k]!.text, text)) {
        const hit = (await remembered)[k];
        if (hit && equalBytes(hit, recorded)) return hit;
        // awaited now: the thread holds the process until it answers
        awaited = true;
        (worker as Worker | null)?.ref();
        answer = (await answers)?.[k];
      }
      if (answer && 'normalizedSha256' in answer && equalBytes(answer.normalizedSha256, recorded)) return remember(path, text, answer.normalizedSha256);
      return checked(path, text, recorded);
    },
    close: () => {
      closed = true;
      void (worker as Worker | null)?.terminate();
    },
    threaded: async () => {
      await remembered; // (after the step that starts the thread, which was waiting on it first)
      return threaded;
    },
  };
}
