/**
 * @module cli/log
 * `backproof log init|vkey|append|checkpoint|prove|consistency|verify` (one CommandSpec each): the transparency log of record
 * hashes. An entry is SHA-256 of a run's record.pb (the signed record), so compliance can check that
 * a result was logged without re-running it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  appendEntry, EXIT, findEntry, initLog, keyFingerprint, loadPrivateKey, loadPublicKeyRaw, proveConsistency, proveInclusion, verifierKey,
  rawPublicKey, readCheckpoint, readMeta, RUN_FILES, UsageError, verifyConsistencyProof, verifyInclusionProof, verifyLog,
  type ConsistencyProof, type InclusionProof,
} from '../index.ts';
import { fromHex, sha256, toHex } from '../../traces/index.ts';
import { DEFAULT_KEY_DIR, numberOption, vkeyOption, type Out } from './args.ts';
import { str, type CommandSpec } from './command.ts';

async function keyFrom(file: string | undefined) {
  return loadPrivateKey(file ?? path.join(DEFAULT_KEY_DIR, 'backproof.key'));
}

/** The entry named by a run folder or --hash. */
async function entryOf(positional: string | undefined, hash: unknown): Promise<Uint8Array> {
  if (typeof hash === 'string') {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new UsageError('USAGE', `--hash must be 64 lowercase hex digits, got "${hash}"`);
    return fromHex(hash);
  }
  if (!positional) throw new UsageError('USAGE', 'name the entry: a run folder, or --hash HEX');
  try {
    return sha256(new Uint8Array(await readFile(path.join(positional, RUN_FILES.record))));
  } catch {
    throw new UsageError('USAGE', `${positional} is not a run folder (no ${RUN_FILES.record})`);
  }
}

/** A proof to FILE (then "wrote FILE"), or as text to stdout. */
async function emit(out: Out, file: unknown, value: unknown): Promise<void> {
  const text = JSON.stringify(value, null, 2) + '\n';
  if (typeof file === 'string') {
    await writeFile(file, text);
    out.log(`wrote ${file}`);
  } else out.log(text.trimEnd());
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new UsageError('USAGE', `cannot read ${what} ${file}`);
  }
}

export const LOG_GROUP = {
  summary: 'the transparency log of record hashes: init, vkey, append, checkpoint, prove, consistency, verify',
  about: `An append-only local log of record hashes (entry = SHA-256 of a run's record.pb): an RFC 9162 tree
with C2SP signed-note checkpoints (Ed25519), inclusion and consistency proofs.`,
};

const KEY = str('key', 'FILE', `the log's signing key (default ${DEFAULT_KEY_DIR}/backproof.key)`);
const HASH = str('hash', 'HEX', 'the entry as 64 hex digits, instead of a run folder');
const OUT = str('out', 'FILE', 'write the proof to FILE instead of stdout');

const needDir = (name: string, dir: string | undefined): string => {
  if (!dir) throw new UsageError('USAGE', `log ${name} needs a log folder: backproof log ${name} <log-dir>`);
  return dir;
};

const init: CommandSpec = {
  name: 'log init',
  summary: 'create a log signed with the key; prints its verifier key',
  usage: '<log-dir> [--key FILE] [--origin NAME]',
  about: 'Creates an empty log at <log-dir>, signed with the key, and prints its verifier key (for --vkey).',
  options: [KEY, str('origin', 'NAME', 'the log\'s name in its checkpoints (default backproof.local/log/<key fingerprint>)')],
  positionals: 1,
  examples: ['backproof log init ledger'],
  exits: [0, 2, 5],
  schema: 'log-init@1',
  async run({ values, positionals, text }) {
    const dir = needDir('init', positionals[0]);
    const key = await keyFrom(values.key as string | undefined);
    const origin = (values.origin as string | undefined) ?? `backproof.local/log/${keyFingerprint(rawPublicKey(key))}`;
    if (/[\s+]/u.test(origin) || origin === '') throw new UsageError('USAGE', `--origin must be non-empty, without spaces or "+"`);
    const r = initLog(dir, key, origin);
    text.log(`created log ${origin} at ${dir}`);
    text.log(`verifier key ${r.vkey}`);
    return { exit: EXIT.ok, json: { dir, origin, vkey: r.vkey } };
  },
};

const vkey: CommandSpec = {
  name: 'log vkey',
  summary: 'print the log\'s verifier key (for --vkey)',
  usage: '<log-dir>',
  about: 'Prints the log\'s verifier key again, from its log.json: <origin>+<key ID>+<key>, for --vkey.',
  options: [],
  positionals: 1,
  examples: ['backproof log vkey ledger'],
  exits: [0, 2, 5],
  schema: 'log-vkey@1',
  async run({ positionals, text }) {
    const meta = readMeta(needDir('vkey', positionals[0]));
    const v = verifierKey(meta.origin, fromHex(meta.publicKey));
    text.log(v);
    return { exit: EXIT.ok, json: { origin: meta.origin, vkey: v } };
  },
};

const append: CommandSpec = {
  name: 'log append',
  summary: 'append a run\'s record hash',
  usage: '<log-dir> (<run-dir> | --hash HEX) [--key FILE]',
  about: `Appends a run's record hash; returns once the new signed checkpoint covers it (any number of
processes may append at once: each waits its turn; it gives up if one holds the lock over 60 s).`,
  options: [HASH, KEY],
  positionals: 2,
  examples: ['backproof log append ledger runs/demo'],
  exits: [0, 2, 5],
  schema: 'log-append@1',
  async run({ values, positionals, text }) {
    const dir = needDir('append', positionals[0]);
    const entry = await entryOf(positionals[1], values.hash);
    const r = appendEntry(dir, entry, await keyFrom(values.key as string | undefined));
    if (r.discarded > 0) text.log(`note: discarded ${r.discarded} bytes of an append that never finished`);
    text.log(`appended entry ${r.index} (${toHex(entry)}); tree size ${r.size}, root ${toHex(r.root)}`);
    return { exit: EXIT.ok, json: { index: r.index, entry: toHex(entry), size: r.size, root: toHex(r.root), discarded: r.discarded, checkpoint: r.note } };
  },
};

const checkpoint: CommandSpec = {
  name: 'log checkpoint',
  summary: 'print the latest signed checkpoint',
  usage: '<log-dir>',
  about: 'Prints the latest signed checkpoint (a C2SP signed note), after checking its signature under the key in log.json.',
  options: [],
  positionals: 1,
  examples: ['backproof log checkpoint ledger'],
  exits: [0, 2, 5],
  schema: 'log-checkpoint@1',
  async run({ positionals, text }) {
    const d = needDir('checkpoint', positionals[0]);
    const { checkpoint: c, note } = readCheckpoint(d, readMeta(d));
    text.log(note.trimEnd());
    return { exit: EXIT.ok, json: { origin: c.origin, size: c.size, root: toHex(c.root), note } };
  },
};

const prove: CommandSpec = {
  name: 'log prove',
  summary: 'an inclusion proof of an entry in the latest checkpoint',
  usage: '<log-dir> (<run-dir> | --hash HEX | --index I) [--out FILE]',
  about: 'An inclusion proof (JSON) of the entry in the latest checkpoint, for "log verify --proof" and "verify --log-proof".',
  options: [HASH, str('index', 'I', 'the entry by its index'), OUT],
  positionals: 2,
  examples: ['backproof log prove ledger runs/demo --out runs/demo.inclusion.json'],
  exits: [0, 2, 5],
  schema: 'log-prove@1',
  async run({ values, positionals, text }) {
    const d = needDir('prove', positionals[0]);
    let index: number;
    if (values.index !== undefined) index = numberOption('index', values.index as string, 0);
    else {
      const entry = await entryOf(positionals[1], values.hash);
      index = findEntry(d, entry);
      if (index < 0) throw new UsageError('USAGE', `${toHex(entry)} is not in the log`);
    }
    const proof = proveInclusion(d, index);
    await emit(text, values.out, proof);
    return { exit: EXIT.ok, json: { file: (values.out as string | undefined) ?? null, proof } };
  },
};

const consistency: CommandSpec = {
  name: 'log consistency',
  summary: 'a consistency proof from an earlier tree size to the latest checkpoint',
  usage: '<log-dir> --from SIZE [--out FILE]',
  about: 'A consistency proof (JSON) from the tree of an earlier size to the latest checkpoint, for "log verify --proof --old-checkpoint".',
  options: [str('from', 'SIZE', 'the earlier tree size'), OUT],
  positionals: 1,
  examples: ['backproof log consistency ledger --from 1'],
  exits: [0, 2, 5],
  schema: 'log-consistency@1',
  async run({ values, positionals, text }) {
    const d = needDir('consistency', positionals[0]);
    if (values.from === undefined) throw new UsageError('USAGE', 'consistency needs --from SIZE');
    const proof = proveConsistency(d, numberOption('from', values.from as string, 0));
    await emit(text, values.out, proof);
    return { exit: EXIT.ok, json: { file: (values.out as string | undefined) ?? null, proof } };
  },
};

const verify: CommandSpec = {
  name: 'log verify',
  summary: 'check a log, or check a proof offline',
  usage: '(<log-dir> [--pubkey FILE] | --proof FILE --vkey VKEY [--old-checkpoint FILE])',
  about: `With <log-dir>: checks the checkpoint's signature and that every stored entry rebuilds its root.
With --proof: checks an inclusion proof, or a consistency proof against an earlier checkpoint, offline.`,
  options: [
    str('pubkey', 'FILE', 'pin the log\'s key (default: the key in its log.json)'),
    str('proof', 'FILE', 'a proof from "log prove" or "log consistency"'),
    str('vkey', 'VKEY', 'the log\'s verifier key (with --proof)'),
    str('old-checkpoint', 'FILE', 'the earlier checkpoint a consistency proof starts from'),
  ],
  positionals: 1,
  examples: ['backproof log verify ledger', 'backproof log verify --proof runs/demo/log-inclusion.json --vkey "$(backproof log vkey ledger)"'],
  exits: [0, 2, [5, 'the log or the proof does not check out']],
  schema: 'log-verify@1',
  async run({ values, positionals, text }) {
    if (values.proof) {
      let proof: InclusionProof & ConsistencyProof;
      try {
        proof = JSON.parse(await readText(values.proof as string, 'proof'));
      } catch (e) {
        if (e instanceof UsageError) throw e;
        throw new UsageError('USAGE', `${values.proof} is not JSON`);
      }
      // After the usage errors: a key that does not check out is a verification failure.
      const vk = vkeyOption(values.vkey, 'verify --proof needs --vkey <name>+<keyID>+<key> (printed by "backproof log vkey <log-dir>")');
      if (values['old-checkpoint']) {
        const r = verifyConsistencyProof(proof, await readText(values['old-checkpoint'] as string, 'checkpoint'), vk.name, vk.publicKey);
        text.log(`OK the tree of size ${r.to.size} (root ${toHex(r.to.root)}) extends the tree of size ${r.from.size} (root ${toHex(r.from.root)})`);
        return { exit: EXIT.ok, json: { ok: true, kind: 'consistency', origin: r.to.origin, from: { size: r.from.size, root: toHex(r.from.root) }, to: { size: r.to.size, root: toHex(r.to.root) } } };
      }
      const c = verifyInclusionProof(proof, vk.name, vk.publicKey);
      text.log(`OK entry ${proof.index} (${proof.entry}) is in the tree of size ${c.size}, root ${toHex(c.root)}`);
      return { exit: EXIT.ok, json: { ok: true, kind: 'inclusion', origin: c.origin, index: proof.index, entry: proof.entry, size: c.size, root: toHex(c.root) } };
    }
    const trusted = values.pubkey ? await loadPublicKeyRaw(values.pubkey as string) : undefined;
    const s = verifyLog(needDir('verify', positionals[0]), trusted);
    text.log(`OK log ${s.origin}: ${s.size} entries, root ${toHex(s.root)}`);
    if (s.pendingBytes > 0) text.log(`note: ${s.pendingBytes} bytes past the checkpoint belong to an append under way or one that never returned; the next append discards the latter`);
    if (!trusted) text.log('note: checked under the key in log.json; pass --pubkey to pin the key');
    return { exit: EXIT.ok, json: { ok: true, kind: 'log', origin: s.origin, size: s.size, root: toHex(s.root), pendingBytes: s.pendingBytes, keyPinned: trusted !== undefined, vkey: s.vkey } };
  },
};

export const LOG_COMMANDS: CommandSpec[] = [init, vkey, append, checkpoint, prove, consistency, verify];
