/**
 * @module cli/audit
 * The auditor's commands beyond verify: replay (with the toolchain check and the divergence finder)
 * and diff.
 */
import { writeFile } from 'node:fs/promises';
import { createLogger, describeDivergence, diffRuns, EXIT, replayRun, UsageError } from '../index.ts';
import { parse, type Out } from './args.ts';

export const AUDIT_HELP: Record<string, string> = {
  replay: `Usage: backproof replay <run-dir> [--data FILE] [--allow-toolchain-mismatch] [--report FILE]

Re-executes the run from its folder and prints MATCH, or MISMATCH with both trace roots and the
first differing instruction (exit 5): its leaf, trace byte and index, and on each side the bar and
callback it ran in, the function, byte offset, opcode, stack height and address.
--data reads the data from FILE instead of the recorded path (the recorded side of the divergence is
then re-executed from the recorded file, if it still matches its hash).
Refuses (exit 5) when this toolchain (lockfile, Node, AssemblyScript, instrumenter, Backproof, asc
flags, SDK) differs from the recorded one, naming each difference; --allow-toolchain-mismatch
replays anyway and the override is printed and written to the report.
--report FILE writes the whole report as JSON.`,
  diff: `Usage: backproof diff <run-a> <run-b>

Compares two runs' committed traces (their stored leaf hashes), then re-executes each only as far as
the first differing leaf and prints the first differing instruction on both sides. Exit 0 when the
traces are identical, 5 when they differ.`,
};

const json = (v: unknown): string => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x), 2) + '\n';

async function cmdReplay(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, { data: { type: 'string' }, 'allow-toolchain-mismatch': { type: 'boolean' }, report: { type: 'string' } }, 1);
  if (values.help) return out.log(AUDIT_HELP.replay!), EXIT.ok;
  if (!positionals[0]) throw new UsageError('USAGE', 'replay needs a run folder: backproof replay <run-dir>');
  const r = await replayRun({
    dir: positionals[0], dataPath: values.data as string | undefined, logger: createLogger(),
    allowToolchainMismatch: values['allow-toolchain-mismatch'] === true,
  });
  if (values.report) await writeFile(values.report as string, json(r));
  for (const d of r.toolchainDifferences) out.log(`toolchain override: ${d}`);
  for (const note of r.notes) out.log(`note: ${note}`);
  if (r.match) {
    out.log(`MATCH trace root ${r.replayedRoot}, result ${r.replayedResult}`);
    return EXIT.ok;
  }
  out.log('MISMATCH');
  out.log(`  trace root  recorded ${r.recordedRoot}`);
  out.log(`              replayed ${r.replayedRoot}`);
  out.log(`  result      recorded ${r.recordedResult}`);
  out.log(`              replayed ${r.replayedResult}`);
  if (r.divergence) for (const line of describeDivergence(r.divergence)) out.log(line);
  return EXIT.verification;
}

async function cmdDiff(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, {}, 2);
  if (values.help) return out.log(AUDIT_HELP.diff!), EXIT.ok;
  if (positionals.length !== 2) throw new UsageError('USAGE', 'diff needs two run folders: backproof diff <run-a> <run-b>');
  const r = await diffRuns(positionals[0]!, positionals[1]!);
  for (const note of r.notes) out.log(`note: ${note}`);
  if (!r.divergence) {
    out.log('SAME trace');
    return EXIT.ok;
  }
  out.log('DIFFERENT');
  for (const line of describeDivergence(r.divergence)) out.log(line);
  return EXIT.verification;
}

export const AUDIT_COMMANDS: Record<string, (args: string[], out: Out) => Promise<number>> = { replay: cmdReplay, diff: cmdDiff };
