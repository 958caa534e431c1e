/**
 * @module cli/command
 * What a command is to the CLI: one `CommandSpec` (its options, help text, examples, exit codes and
 * the schema of its --json document) and a `run` that does the work through the host's API and
 * returns its exit code and its JSON document. From the spec come the argument parser, the help
 * (every command's in the same shape: Usage, Options, Examples, Exit codes) and the --json output.
 */
import { NUMBERS_HELP, parse, type Context, type Out, type Values } from './args.ts';

/** Option arguments that are numbers (read by args.ts numberOption or wholeOption): their help says how numbers are written. */
const NUMERIC_ARGS: readonly string[] = ['N', 'S', 'MS'];

export interface OptionSpec {
  /** Long name without the dashes. */
  name: string;
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** The value's placeholder in the help (e.g. FILE, N); none for a boolean. */
  arg?: string;
  /** One or more lines ("\n" between them). */
  help: string;
}

/** What a command gets when it runs: its parsed arguments; `text` prints the human output (a sink under --json). */
export interface Invocation {
  values: Values;
  positionals: string[];
  text: Out;
  ctx: Context;
}

/**
 * A command's result: its exit code and its --json document (without `schema`, which the CLI puts
 * first). Build the object in the order its keys should print: JSON keeps insertion order. 64-bit
 * integers (bigint) print as decimal strings, as in record.json.
 */
export interface Outcome {
  exit: number;
  json: Record<string, unknown>;
}

export type ExitSpec = number | [code: number, meaning: string];

export interface CommandSpec {
  /** "verify", or "log init" for a subcommand of a group. */
  name: string;
  /** One line for `backproof --help`. */
  summary: string;
  /** The arguments after the command name, e.g. "<run-dir> [options]". */
  usage: string;
  /** What it does, a paragraph or two. */
  about: string;
  options: OptionSpec[];
  /** Most positional arguments it takes. */
  positionals: number;
  /** Whole command lines, each working from the repository's root after README's quick start. */
  examples: string[];
  /** The exit codes it can return; a bare number has its general meaning (EXIT_MEANINGS). */
  exits: ExitSpec[];
  /** Its --json document's schema, "<name>@<version>" (docs/schema/<name>@<version>.json). */
  schema: string;
  run: (inv: Invocation) => Promise<Outcome>;
}

/** The general meaning of each exit code (docs/ARCHITECTURE.md, Errors and exit codes). */
export const EXIT_MEANINGS: Record<number, string> = {
  0: 'ok', 1: 'internal error', 2: 'usage', 3: 'data error', 4: 'sandbox fault', 5: 'verification failure', 6: 'build error', 7: 'not identical',
};

/** Every schema name is prefixed with this: a document's "schema" is e.g. "backproof/verify@1". */
export const SCHEMA_PREFIX = 'backproof/';

/** The options every command takes (taken from anywhere on the command line, before the command's own). */
export const COMMON_OPTIONS: OptionSpec[] = [
  { name: 'json', type: 'boolean', help: 'print one JSON document on stdout instead of text (schema in docs/schema/)' },
  { name: 'quiet', type: 'boolean', help: 'no log lines (results still go to stdout, warnings to stderr)' },
  { name: 'log-level', type: 'string', arg: 'LEVEL', help: 'trace, debug, info (default), warn, error, fatal or silent' },
  { name: 'help', type: 'boolean', help: 'print this help' },
];

/** A string option: its name, its value's placeholder and its help. */
export const str = (name: string, arg: string, help: string): OptionSpec => ({ name, type: 'string', arg, help });

/** Parses a command's arguments by its spec (strict: an unknown option is a usage error). */
export function parseFor(spec: CommandSpec, args: string[]): { values: Values; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const o of spec.options) options[o.name] = o.multiple ? { type: o.type, multiple: true } : { type: o.type };
  return parse(args, options, spec.positionals);
}

const FLAG_COLUMN_MAX = 30;

/** An aligned two-column table: each left cell padded to one width; a longer one gets its own line. */
export function table(rows: [string, string][]): string[] {
  const fits = rows.map(([l]) => l.length).filter((n) => n <= FLAG_COLUMN_MAX);
  const width = Math.max(0, ...fits) + 2;
  const lines: string[] = [];
  for (const [left, right] of rows) {
    const [first = '', ...more] = right.split('\n');
    if (left.length + 2 > width) lines.push(`  ${left}`, `  ${''.padEnd(width)}${first}`);
    else lines.push(`  ${left.padEnd(width)}${first}`);
    for (const m of more) lines.push(`  ${''.padEnd(width)}${m}`);
  }
  return lines;
}

function optionRows(options: OptionSpec[]): [string, string][] {
  return options.map((o) => [`${o.name === 'help' ? '-h, ' : ''}--${o.name}${o.arg ? ` ${o.arg}` : ''}`, o.help]);
}

export function exitLine(exits: ExitSpec[]): string {
  const parts = exits.map((e) => (typeof e === 'number' ? `${e} ${EXIT_MEANINGS[e]}` : `${e[0]} ${e[1]}`));
  return `Exit codes: ${parts.join(', ')} (docs/ARCHITECTURE.md).`;
}

/** The help of one command: Usage, what it does, Options, Examples, Exit codes. */
export function renderHelp(spec: CommandSpec): string {
  return [
    `Usage: backproof ${spec.name} ${spec.usage}`.trimEnd(),
    '',
    spec.about,
    '',
    'Options:',
    ...table(optionRows([...spec.options, ...COMMON_OPTIONS])),
    '',
    ...(spec.options.some((o) => o.arg !== undefined && NUMERIC_ARGS.includes(o.arg)) ? [NUMBERS_HELP, ''] : []),
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
    '',
    exitLine(spec.exits),
    `With --json: one document of schema ${SCHEMA_PREFIX}${spec.schema} (docs/schema/${spec.schema}.json).`,
  ].join('\n');
}

/** JSON text of a document: bigints as decimal strings, two-space indent, one trailing newline dropped (Out adds it). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_k, x) => (typeof x === 'bigint' ? x.toString() : x), 2);
}
