// Every command's help has one shape: a Usage line, what it does, an aligned Options table that includes
// the common --json/--quiet/--log-level/--help, Examples (each naming an existing command, with arguments
// its parser accepts), and an Exit codes line using the documented codes. `<command> --help` prints it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { allHelp, COMMANDS } from '../../host/cli/main.ts';
import { EXIT_MEANINGS, parseFor } from '../../host/cli/command.ts';
import { EXIT } from '../../host/errors.ts';

const HELP = allHelp();
const GROUPS = ['log'];

/** The lines of a section: from its heading to the next blank line. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const at = lines.indexOf(heading);
  if (at < 0) return [];
  const end = lines.indexOf('', at);
  return lines.slice(at + 1, end < 0 ? undefined : end);
}

/** Shell words of an example: split on spaces, "..." kept whole, $(...) taken as one placeholder word. */
function words(line: string): string[] {
  return (line.replace(/"\$\([^)]*\)"/g, 'PLACEHOLDER').match(/"[^"]*"|\S+/g) ?? []).map((w) => w.replace(/^"|"$/g, ''));
}

describe('help', () => {
  it('covers every command, each group and the main help', () => {
    expect(Object.keys(HELP).sort()).toEqual(['main', ...GROUPS, ...COMMANDS.map((c) => c.name)].sort());
  });

  for (const [name, text] of Object.entries(HELP)) {
    it(`${name}: Usage, Options (aligned, with the common options), Examples, Exit codes`, () => {
      const lines = text.split('\n');
      const usage = lines.find((l) => l.startsWith('Usage: '));
      expect(usage).toMatch(name === 'main' ? /^Usage: backproof <command> \[options\]$/ : new RegExp(`^Usage: backproof ${name} `));
      // sections in this order
      const at = (h: string) => lines.indexOf(h);
      expect(at('Options:')).toBeGreaterThan(lines.indexOf(usage!));
      expect(at('Examples:')).toBeGreaterThan(at('Options:'));
      const exitAt = lines.findIndex((l) => l.startsWith('Exit codes: '));
      expect(exitAt).toBeGreaterThan(at('Examples:'));

      // the options table: every row's description starts in one column; a long flag has its own line
      const rows = section(text, 'Options:');
      const columns = new Set<number>();
      for (const [i, row] of rows.entries()) {
        expect(row.startsWith('  ')).toBe(true);
        const m = /^ {2}(-\S.*?) {2,}(\S.*)$/.exec(row);
        if (m) columns.add(row.length - m[2]!.length);
        else if (/^ {2}-/.test(row)) expect(rows[i + 1]).toMatch(/^ {3,}\S/); // flag alone, its text on the next line
        else expect(row).toMatch(/^ {3,}\S/); // a continuation line
      }
      expect(columns.size).toBe(1);
      const column = [...columns][0]!;
      for (const row of rows) if (!/^ {2}-/.test(row)) expect(row.length - row.trimStart().length).toBe(column);
      const flags = rows.filter((r) => /^ {2}-/.test(r)).map((r) => r.trim().split(/ {2,}/)[0]);
      expect(flags).toEqual(expect.arrayContaining(['--json', '--quiet', '--log-level LEVEL', '-h, --help']));

      // examples: existing commands, arguments the command's parser accepts
      const examples = section(text, 'Examples:');
      expect(examples.length).toBeGreaterThan(0);
      for (const ex of examples) {
        const [bin, cmd, ...rest] = words(ex.trim());
        expect(bin).toBe('backproof');
        const group = GROUPS.includes(cmd!);
        const spec = COMMANDS.find((c) => c.name === (group ? `${cmd} ${rest[0]}` : cmd));
        expect(spec, ex).toBeDefined();
        const args = (group ? rest.slice(1) : rest).filter((a) => !['--json', '--quiet'].includes(a));
        expect(() => parseFor(spec!, args), ex).not.toThrow();
      }

      // exit codes: the documented ones, each bare code with its documented meaning
      const exits = lines[exitAt]!.replace(/^Exit codes: /, '').replace(/ \(docs\/ARCHITECTURE\.md\)\.$/, '').split(/, (?=\d )/);
      expect(exits[0]).toMatch(/^0 /);
      for (const e of exits) {
        const code = Number(e.split(' ')[0]);
        expect(Object.keys(EXIT_MEANINGS).map(Number)).toContain(code);
      }
    });
  }

  it('"<command> --help" prints that help and exits 0; a bare "backproof" prints the main help and exits 2', async () => {
    for (const c of COMMANDS) {
      const r = await cli(...c.name.split(' '), '--help');
      expect([r.code, r.out, r.err]).toEqual([0, HELP[c.name], '']);
    }
    expect(await cli('log', '--help')).toEqual({ code: 0, out: HELP.log, err: '' });
    expect(await cli('--help')).toEqual({ code: 0, out: HELP.main, err: '' });
    expect(await cli()).toEqual({ code: 2, out: HELP.main, err: '' });
    const unknown = await cli('no-such-command');
    expect([unknown.code, unknown.out]).toEqual([2, '']);
    expect(unknown.err).toMatch(/^backproof: unknown command "no-such-command"/);
  });

  it("backtest's help names every file of a fresh run folder, and the CSV files as written only when asked (--csv, export)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'backproof-help-run-'));
    try {
      const run = path.join(dir, 'run');
      const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', run, '--unsigned', '--quiet');
      expect(r.code, r.err).toBe(0);
      const files = (await readdir(run)).sort();
      expect(files.filter((f) => f.endsWith('.csv'))).toEqual([]);
      const about = HELP.backtest!.replace(/\s+/g, ' ');
      // package-lock.json is the strategy project's lockfile, copied when there is one
      for (const f of files.filter((x) => x !== 'package-lock.json')) expect(about, f).toContain(f);
      expect(about).toContain('The CSV files (trades.csv, orders.csv, equity.csv: a row per bar) are written only when asked: --csv now, or backproof export later (the same bytes, from result.pb)');
      expect(about.match(/(trades|orders|equity)\.csv/g)).toEqual(['trades.csv', 'orders.csv', 'equity.csv']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the exit codes are the documented ones (docs/ARCHITECTURE.md, README)', () => {
    expect(EXIT).toEqual({ ok: 0, internal: 1, usage: 2, data: 3, sandbox: 4, verification: 5, build: 6 });
    expect(EXIT_MEANINGS).toEqual({ 0: 'ok', 1: 'internal error', 2: 'usage', 3: 'data error', 4: 'sandbox fault', 5: 'verification failure', 6: 'build error', 7: 'not identical' });
    const arch = readFileSync('docs/ARCHITECTURE.md', 'utf8');
    for (const [code, cls] of [[2, 'UsageError'], [3, 'DataError'], [4, 'SandboxError'], [5, 'AuditError'], [6, 'BuildError']] as const)
      expect(arch).toMatch(new RegExp(`^\\| ${code} \\| \`${cls}\``, 'm'));
    expect(HELP.main).toContain('Exit codes: 0 ok, 1 internal error, 2 usage, 3 data error, 4 sandbox fault, 5 verification failure, 6 build error, 7 not identical (docs/ARCHITECTURE.md).');
    // every code the README lists, the top-level help lists too
    const readme = /^Exit codes: ([^]*?)\n\n/m.exec(readFileSync('README.md', 'utf8'))![1]!;
    expect([...readme.matchAll(/(?:^|, |\n)(\d) /g)].map((m) => Number(m[1]))).toEqual(Object.keys(EXIT_MEANINGS).map(Number));
  });
});
