// Every file of a folder → its SHA-256, by relative path (forward slashes): two folders compared byte for byte.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function folderHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else out[p] = createHash('sha256').update(readFileSync(path.join(dir, p))).digest('hex');
    }
  };
  walk('');
  return out;
}
