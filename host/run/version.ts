/**
 * @module run/version
 * The running Backproof's version (its package.json): a module of its own, importing nothing of the
 * host, so that what needs only the version (run/strategy's build-cache key, started ahead of the
 * command by bin/backproof.js) does not load the toolchain link's sandbox.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../paths.ts';

export function backproofVersion(): string {
  return (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
}
