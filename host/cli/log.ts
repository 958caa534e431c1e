/**
 * @module cli/log
 * `backproof log init|vkey|append|checkpoint|prove|consistency|verify`: the transparency log of record
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
import { DEFAULT_KEY_DIR, numberOption, parse, vkeyOption, type Out } from './args.ts';

export const LOG_HELP = `Usage: backproof log <command> <log-dir> [options]

An append-only local log of record hashes (entry = SHA-256 of a run's record.pb): an RFC 9162 tree
with C2SP signed-note checkpoints (Ed25519), inclusion and consistency proofs.

  init <log-dir> [--key FILE] [--origin NAME]
        create a log signed with the key (default ${DEFAULT_KEY_DIR}/backproof.key); prints its verifier key
  vkey <log-dir>
        print the log's verifier key again (from its log.json), for --vkey
  append <log-dir> (<run-dir> | --hash HEX) [--key FILE]
        append a run's record hash; returns once the new signed checkpoint covers it (any number of
        processes may append at once: each waits its turn; it gives up if one holds the lock over 60 s)
  checkpoint <log-dir>
        print the latest signed checkpoint
  prove <log-dir> (<run-dir> | --hash HEX | --index I) [--out FILE]
        an inclusion proof of the entry in the latest checkpoint (JSON)
  consistency <log-dir> --from SIZE [--out FILE]
        a consistency proof from an earlier tree size to the latest checkpoint (JSON)
  verify <log-dir> [--pubkey FILE]
        check the checkpoint's signature and that every stored entry rebuilds its root
  verify --proof FILE --vkey VKEY [--old-checkpoint FILE]
        check an inclusion proof, or a consistency proof against an earlier checkpoint, offline`;

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

export async function cmdLog(args: string[], out: Out): Promise<number> {
  const [sub, ...rest] = args;
  const options = {
    key: { type: 'string' }, origin: { type: 'string' }, hash: { type: 'string' }, index: { type: 'string' }, out: { type: 'string' },
    from: { type: 'string' }, pubkey: { type: 'string' }, proof: { type: 'string' }, vkey: { type: 'string' }, 'old-checkpoint': { type: 'string' },
  } as const;
  if (!sub || sub === '--help' || sub === '-h') return out.log(LOG_HELP), sub ? EXIT.ok : EXIT.usage;
  const { values, positionals } = parse(rest, options, 2);
  if (values.help) return out.log(LOG_HELP), EXIT.ok;
  const dir = positionals[0];
  const needDir = () => {
    if (!dir) throw new UsageError('USAGE', `log ${sub} needs a log folder: backproof log ${sub} <log-dir>`);
    return dir;
  };
  switch (sub) {
    case 'init': {
      const key = await keyFrom(values.key as string | undefined);
      const origin = (values.origin as string | undefined) ?? `backproof.local/log/${keyFingerprint(rawPublicKey(key))}`;
      if (/[\s+]/u.test(origin) || origin === '') throw new UsageError('USAGE', `--origin must be non-empty, without spaces or "+"`);
      const r = initLog(needDir(), key, origin);
      out.log(`created log ${origin} at ${dir}`);
      out.log(`verifier key ${r.vkey}`);
      return EXIT.ok;
    }
    case 'append': {
      const entry = await entryOf(positionals[1], values.hash);
      const r = appendEntry(needDir(), entry, await keyFrom(values.key as string | undefined));
      if (r.discarded > 0) out.log(`note: discarded ${r.discarded} bytes of an append that never finished`);
      out.log(`appended entry ${r.index} (${toHex(entry)}); tree size ${r.size}, root ${toHex(r.root)}`);
      return EXIT.ok;
    }
    case 'vkey': {
      const meta = readMeta(needDir());
      out.log(verifierKey(meta.origin, fromHex(meta.publicKey)));
      return EXIT.ok;
    }
    case 'checkpoint': {
      const d = needDir();
      out.log(readCheckpoint(d, readMeta(d)).note.trimEnd());
      return EXIT.ok;
    }
    case 'prove': {
      const d = needDir();
      let index: number;
      if (values.index !== undefined) index = numberOption('index', values.index as string, 0);
      else {
        const entry = await entryOf(positionals[1], values.hash);
        index = findEntry(d, entry);
        if (index < 0) throw new UsageError('USAGE', `${toHex(entry)} is not in the log`);
      }
      await emit(out, values.out, proveInclusion(d, index));
      return EXIT.ok;
    }
    case 'consistency': {
      if (values.from === undefined) throw new UsageError('USAGE', 'consistency needs --from SIZE');
      await emit(out, values.out, proveConsistency(needDir(), numberOption('from', values.from as string, 0)));
      return EXIT.ok;
    }
    case 'verify': {
      if (values.proof) {
        let proof: InclusionProof & ConsistencyProof;
        try {
          proof = JSON.parse(await readText(values.proof as string, 'proof'));
        } catch (e) {
          if (e instanceof UsageError) throw e;
          throw new UsageError('USAGE', `${values.proof} is not JSON`);
        }
        // After the usage errors: a key that does not check out is a verification failure.
        const vkey = vkeyOption(values.vkey, 'verify --proof needs --vkey <name>+<keyID>+<key> (printed by "backproof log vkey <log-dir>")');
        if (values['old-checkpoint']) {
          const r = verifyConsistencyProof(proof, await readText(values['old-checkpoint'] as string, 'checkpoint'), vkey.name, vkey.publicKey);
          out.log(`OK the tree of size ${r.to.size} (root ${toHex(r.to.root)}) extends the tree of size ${r.from.size} (root ${toHex(r.from.root)})`);
        } else {
          const c = verifyInclusionProof(proof, vkey.name, vkey.publicKey);
          out.log(`OK entry ${proof.index} (${proof.entry}) is in the tree of size ${c.size}, root ${toHex(c.root)}`);
        }
        return EXIT.ok;
      }
      const trusted = values.pubkey ? await loadPublicKeyRaw(values.pubkey as string) : undefined;
      const s = verifyLog(needDir(), trusted);
      out.log(`OK log ${s.origin}: ${s.size} entries, root ${toHex(s.root)}`);
      if (s.pendingBytes > 0) out.log(`note: ${s.pendingBytes} bytes past the checkpoint belong to an append under way or one that never returned; the next append discards the latter`);
      if (!trusted) out.log('note: checked under the key in log.json; pass --pubkey to pin the key');
      return EXIT.ok;
    }
    default:
      throw new UsageError('USAGE', `unknown log command "${sub}"`);
  }
}
