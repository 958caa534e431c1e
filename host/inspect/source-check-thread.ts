/**
 * @module inspect/source-check-thread
 * The body of verify's source-check thread (inspect/source-check): each source's text printed
 * back by asc's parser (build/asc normalizeSource), hashed, so assemblyscript and binaryen load and
 * parse on another core while verify checks the data and the result, and are unloaded after.
 */
import { parentPort } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { BuildError } from '../errors.ts';
import { normalizeSource } from '../build/asc.ts';
import type { SourceCheckAnswer, SourceCheckJob } from './source-check.ts';

parentPort!.once('message', async (job: SourceCheckJob) => {
  const answers: SourceCheckAnswer[] = [];
  for (const s of job.sources) {
    try {
      const normalized = await normalizeSource(Buffer.from(s.text).toString('utf8'), s.path);
      answers.push({ normalizedSha256: new Uint8Array(createHash('sha256').update(Buffer.from(normalized)).digest()) });
    } catch (e) {
      // a parse error is the answer; anything else is left to the in-process check, which throws it as it always did
      answers.push(e instanceof BuildError ? { parseError: e.message } : { unexpected: true });
    }
  }
  parentPort!.postMessage(answers);
});
