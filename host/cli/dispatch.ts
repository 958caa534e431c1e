/**
 * @module cli/dispatch
 * How a command line runs one command, shared by the whole CLI (cli/main) and by a command that loads
 * alone (cli/verify: bin/backproof.js imports it for `backproof verify`, so verify loads none of the run's
 * modules): the options every command takes, the command's run, its exit code, its output and its errors
 * (text on stderr, a backproof/error@1 document under --json). Loads only inspect/index.ts.
 */
import { AuditError, BackproofError, EXIT, exitCodeOf, UsageError } from '../inspect/index.ts';
import type { Out } from './args.ts';
import { jsonText, parseFor, renderHelp, SCHEMA_PREFIX, type CommandSpec } from './command.ts';

export interface Common {
  argv: string[];
  logLevel: string | undefined;
  json: boolean;
}

/**
 * --json, --quiet and --log-level LEVEL (or --log-level=LEVEL) are taken from anywhere on the command line
 * (before "--"), for every command. The levels are checked against host/log's list, loaded only when one is
 * given (the logger's library is ~30 ms a command that logs nothing does not pay).
 */
export async function takeCommonOptions(argv: string[]): Promise<Common> {
  const rest: string[] = [];
  let quiet = false;
  let json = false;
  const levels: (string | undefined)[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--quiet') quiet = true;
    else if (a === '--json') json = true;
    else if (a === '--log-level' || a.startsWith('--log-level=')) levels.push(a === '--log-level' ? argv[++i] : a.slice('--log-level='.length));
    else rest.push(a);
  }
  if (levels.length > 0) {
    const { LOG_LEVELS } = await import('../index.ts');
    for (const level of levels)
      if (!(LOG_LEVELS as readonly (string | undefined)[]).includes(level)) throw new UsageError('USAGE', `--log-level must be one of ${LOG_LEVELS.join(', ')}, got ${level === undefined ? 'nothing' : `"${level}"`}`);
  }
  const level = levels.at(-1);
  if (quiet && level !== undefined && level !== 'silent') throw new UsageError('USAGE', `--quiet and --log-level ${level} contradict each other`);
  return { argv: rest, logLevel: quiet ? 'silent' : level, json };
}

export const wantsJson = (argv: string[]): boolean => {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
};

/** The error document printed on stdout under --json (schema backproof/error@1). */
export function errorDocument(command: string | null, e: unknown): Record<string, unknown> {
  const known = e instanceof BackproofError;
  return {
    schema: `${SCHEMA_PREFIX}error@1`,
    command,
    code: known ? e.code : 'INTERNAL',
    step: e instanceof AuditError ? e.step : null,
    message: e instanceof Error ? e.message : String(e),
    exit: exitCodeOf(e),
  };
}

/** The command line's common options, or the exit code of a usage error in them (said on stderr, and on stdout under --json). */
export async function commonOptions(argv: string[], out: Out, err: Out): Promise<Common | number> {
  try {
    return await takeCommonOptions(argv);
  } catch (e) {
    err.log(`backproof: error ${(e as UsageError).code}: ${(e as Error).message}`);
    if (wantsJson(argv)) out.log(jsonText(errorDocument(null, e)));
    return exitCodeOf(e);
  }
}

/** `--help` (the document under --json) on stdout. */
export function printHelp(out: Out, json: boolean, command: string, text: string): number {
  out.log(json ? jsonText({ schema: `${SCHEMA_PREFIX}help@1`, command, text }) : text);
  return EXIT.ok;
}

/** Command `spec` run on its arguments `rest`: its exit code; its help, output and errors printed. */
export async function runCommand(spec: CommandSpec, rest: string[], common: Common, out: Out, err: Out): Promise<number> {
  const { json, logLevel } = common;
  const command = spec.name;
  try {
    const { values, positionals } = parseFor(spec, rest);
    if (values.help) return printHelp(out, json, spec.name, renderHelp(spec));
    const text: Out = json ? { log: () => {} } : out;
    const r = await spec.run({ values, positionals, text, ctx: { err, logLevel, json } });
    if (json) out.log(jsonText({ schema: `${SCHEMA_PREFIX}${spec.schema}`, ...r.json }));
    return r.exit;
  } catch (e) {
    if (e instanceof BackproofError) {
      const step = e instanceof AuditError ? ` [${e.step}]` : '';
      err.log(`backproof ${command}: error ${e.code}${step}: ${e.message}`);
      if (e.code === 'USAGE') err.log(`Run "backproof ${command} --help" for usage.`);
    } else {
      err.log(`backproof ${command}: internal error: ${(e as Error)?.stack ?? e}`);
    }
    if (json) out.log(jsonText(errorDocument(command, e)));
    return exitCodeOf(e);
  }
}
