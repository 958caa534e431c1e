/**
 * @module inspect/source-check-thread
 * The body of verify's source-check thread (inspect/source-check): each source's text printed
 * back by asc's parser (build/asc normalizeSource), hashed, so assemblyscript loads and parses on
 * another core while verify checks the data and the result, and is unloaded after. Parsing and
 * printing back use nothing of binaryen, which assemblyscript loads with it (~0.4 s and ~45 MB of
 * wasm): in this thread only, binaryen is a stub (every member a function returning 0). What the
 * thread answers is therefore taken only when it is the recorded hash; anything else is checked
 * again with the real assemblyscript (source-check), so the stub can speed a pass, never decide a failure.
 */
import nodeModule from 'node:module';
import { parentPort } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { BuildError } from '../errors.ts';
import { normalizeSource } from '../build/asc.ts';
import type { SourceCheckAnswer, SourceCheckJob } from './source-check.ts';

const BINARYEN_STUB = 'const member = () => 0; const stub = new Proxy(function () {}, { get: (_, key) => (key === "then" ? undefined : member) }); export default stub;';
// registerHooks: Node >= 22.15 / 23.5; on an older Node the real binaryen loads (slower, the same answers)
(nodeModule as { registerHooks?: (hooks: object) => void }).registerHooks?.({
  resolve(specifier: string, context: unknown, next: (s: string, c: unknown) => unknown) {
    if (specifier === 'binaryen') return { url: `data:text/javascript,${encodeURIComponent(BINARYEN_STUB)}`, format: 'module', shortCircuit: true };
    return next(specifier, context);
  },
});

parentPort!.once('message', async (job: SourceCheckJob) => {
  const answers: SourceCheckAnswer[] = [];
  for (const s of job.sources) {
    try {
      // normalizeSource imports assemblyscript when first called: after the hook above
      const normalized = await normalizeSource(Buffer.from(s.text).toString('utf8'), s.path);
      answers.push({ normalizedSha256: new Uint8Array(createHash('sha256').update(Buffer.from(normalized)).digest()) });
    } catch (e) {
      answers.push(e instanceof BuildError ? { parseError: e.message } : { unexpected: true });
    }
  }
  parentPort!.postMessage(answers);
});
