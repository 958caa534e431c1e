// A rendering-cache entry as docs/AUDIT.md describes it, restated independently of audit/rendering-cache:
// for tests that check what verify or the run folder's writer remembered.
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { RENDERING_CACHE_FORMAT } from '../../host/audit/rendering-cache.ts';
import { reportGenerator } from '../../host/report/index.ts';

export const sha256Hex = (b: string | Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** The documented code hash: every file of host/ and traces/, by path ("host/...") in byte order: "path\nsize\n" then its bytes. */
export function codeHash(): string {
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(rel, { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) files.push(r);
    }
  };
  walk('host');
  walk('traces');
  files.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const h = createHash('sha256');
  for (const f of files) {
    const bytes = readFileSync(f);
    h.update(`${f}\n${bytes.length}\n`).update(bytes);
  }
  return h.digest('hex');
}

/** The entry saying file `name` of the run whose record.pb is `recordPb` is `bytes`: its file name under rendered/ and its text. */
export function renderingEntry(recordPb: Uint8Array, name: string, bytes: Uint8Array, code = codeHash()): { name: string; text: string } {
  const material = { format: RENDERING_CACHE_FORMAT, code, generator: reportGenerator(), recordSha256: sha256Hex(recordPb), name };
  const json = JSON.stringify({ ...material, size: bytes.length, sha256: sha256Hex(bytes) });
  return { name: `${sha256Hex(JSON.stringify(material))}.json`, text: `${sha256Hex(json)}\n${json}` };
}
