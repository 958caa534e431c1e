// The store: a conformance suite every ArtifactStore runs (an S3-compatible one joins the list), then the
// folder store's own layout, idempotent puts, and reads checked against their names.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { FolderStore, type ArtifactStore } from '../../host/distributed/store.ts';

const fresh = (): string => mkdtempSync(path.join(tmpdir(), 'backproof-store-'));
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'; // SHA-256("abc")

const STORES: [string, () => ArtifactStore][] = [['FolderStore', () => new FolderStore(fresh())]];

describe.each(STORES)('ArtifactStore conformance: %s', (_, make) => {
  it('put names bytes by their SHA-256; get returns them as a Uint8Array; has tells', async () => {
    const store = make();
    const bytes = new Uint8Array(70_000).map((_, i) => i % 251);
    expect(await store.has(ABC)).toBe(false);
    const [h1, h2] = [await store.put(new TextEncoder().encode('abc')), await store.put(bytes)];
    expect(h1).toBe(ABC);
    expect(h2).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await store.has(ABC)).toBe(true);
    const back = await store.get(h2);
    expect(back.constructor).toBe(Uint8Array);
    expect(back).toEqual(bytes);
    expect(await store.get(await store.put(new Uint8Array(0)))).toEqual(new Uint8Array(0));
  });

  it('a missing object is VERIFY_FAILED (step store); a name that is not a SHA-256 is a usage error', async () => {
    const store = make();
    await expect(store.get(ABC)).rejects.toMatchObject({ name: 'AuditError', code: 'VERIFY_FAILED', step: 'store' });
    for (const bad of ['../../etc/passwd', 'AB'.repeat(32), ABC.slice(1), `${ABC}0`]) {
      await expect(store.get(bad)).rejects.toMatchObject({ name: 'UsageError', code: 'USAGE' });
      await expect(store.has(bad)).rejects.toMatchObject({ code: 'USAGE' });
    }
  });
});

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

  it('its id: made once, the same for every reader and for two makers at once; none in an emptied store; an altered one refused', async () => {
    const dir = fresh();
    const [a, b] = [new FolderStore(dir), new FolderStore(dir)];
    expect(await a.currentId()).toBeNull();
    const ids = await Promise.all([a.id(), b.id(), a.id(), b.id()]);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(1);
    expect(readFileSync(path.join(dir, 'store-id'), 'utf8')).toBe(`${ids[0]}\n`);
    expect(readdirSync(dir)).toEqual(['store-id']); // (no partial file left)
    expect(await new FolderStore(dir).currentId()).toBe(ids[0]);
    // emptied and made again: a new store, a new id
    rmSync(dir, { recursive: true });
    expect(await a.currentId()).toBeNull();
    expect(await a.id()).not.toBe(ids[0]);
    writeFileSync(path.join(dir, 'store-id'), 'not an id\n');
    await expect(a.id()).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'store', message: `the store ${dir}'s store-id is not 32 hex digits and a newline: it was altered` });
  });

  it('a missing object and a malformed name are typed errors', async () => {
    const store = new FolderStore(fresh());
    await expect(store.get(ABC)).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'store' });
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'USAGE' });
    await expect(store.has('AB'.repeat(32))).rejects.toMatchObject({ code: 'USAGE' });
  });
});
