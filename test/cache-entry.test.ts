// A cache entry (host/cache-entry): written whole under a temporary name and renamed into place; the same
// whole entry there already is left as it is (no inode freed: a sweep run again remembers thousands of the
// same entries); a damaged one, or another JSON, is replaced; a folder removed since it was made is made again.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readEntryJson, sha256Hex, writeEntryJson } from '../host/cache-entry.ts';

describe('writeEntryJson', () => {
  it('leaves the same whole entry in place, replaces a damaged or different one, and makes its folder again when removed', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'backproof-cache-entry-'));
    const file = path.join(root, 'rendered', 'e.json');
    const json = JSON.stringify({ name: 'report.html', size: 3 });
    await writeEntryJson(file, json);
    expect(readFileSync(file, 'utf8')).toBe(`${sha256Hex(json)}\n${json}`);
    const first = statSync(file).ino;
    await writeEntryJson(file, json);
    expect(statSync(file).ino).toBe(first); // not written again
    // damaged: rewritten whole (a new file renamed into place)
    writeFileSync(file, `${sha256Hex(json)}\n${json.replace('3', '4')}`);
    expect(await readEntryJson(file)).toBeNull();
    await writeEntryJson(file, json);
    expect(await readEntryJson(file)).toBe(json);
    expect(statSync(file).ino).not.toBe(first);
    // another JSON under the same name replaces it
    const other = JSON.stringify({ name: 'report.html', size: 5 });
    await writeEntryJson(file, other);
    expect(await readEntryJson(file)).toBe(other);
    // the folder removed after this thread made it: made again, the entry written
    rmSync(path.join(root, 'rendered'), { recursive: true });
    await writeEntryJson(file, json);
    expect(await readEntryJson(file)).toBe(json);
    expect(readdirSync(path.join(root, 'rendered'))).toEqual(['e.json']); // no temporary file left
    rmSync(root, { recursive: true, force: true });
  });
});
