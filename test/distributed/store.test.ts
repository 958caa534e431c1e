// The folder store: content-addressed layout, idempotent puts, every read checked against its name.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FolderStore } from '../../host/distributed/store.ts';

const fresh = (): string => mkdtempSync(path.join(tmpdir(), 'backproof-store-'));
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'; // SHA-256("abc")

describe('FolderStore', () => {
  it('puts bytes under sha256/<ab>/<rest> and gets them back', async () => {
    const dir = fresh();
    const store = new FolderStore(dir);
    expect(await store.has(ABC)).toBe(false);
    expect(await store.put(new TextEncoder().encode('abc'))).toBe(ABC);
    expect(readFileSync(path.join(dir, 'sha256', 'ba', ABC.slice(2)), 'utf8')).toBe('abc');
    expect(await store.has(ABC)).toBe(true);
    expect(new TextDecoder().decode(await store.get(ABC))).toBe('abc');
  });

  it('a second put of the same bytes is the same object, and leaves no partial file', async () => {
    const dir = fresh();
    const store = new FolderStore(dir);
    const bytes = new TextEncoder().encode('abc');
    expect(await Promise.all([store.put(bytes), store.put(bytes), store.put(bytes)])).toEqual([ABC, ABC, ABC]);
    expect(readdirSync(path.join(dir, 'sha256', 'ba'))).toEqual([ABC.slice(2)]);
  });

  it('an altered object is refused on read, naming both hashes; a put of its bytes writes it again', async () => {
    const dir = fresh();
    const store = new FolderStore(dir);
    await store.put(new TextEncoder().encode('abc'));
    writeFileSync(path.join(dir, 'sha256', 'ba', ABC.slice(2)), 'abd');
    await expect(store.get(ABC)).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'store', message: expect.stringContaining(`${ABC} hashes to a52d159f`) });
    // a put of the right bytes repairs it
    expect(await store.put(new TextEncoder().encode('abc'))).toBe(ABC);
    expect(new TextDecoder().decode(await store.get(ABC))).toBe('abc');
    expect(readdirSync(path.join(dir, 'sha256', 'ba'))).toEqual([ABC.slice(2)]);
  });

  it('a missing object and a malformed name are typed errors', async () => {
    const store = new FolderStore(fresh());
    await expect(store.get(ABC)).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'store' });
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'USAGE' });
    await expect(store.has('AB'.repeat(32))).rejects.toMatchObject({ code: 'USAGE' });
  });
});
