// Every worked command in the docs runs as written. The fenced shell blocks of docs/AUDIT.md and of
// README.md's "The CLI" section are taken from the markdown and run in order, in one shell, in a copy of
// the project; each must exit 0, or the code its comment names ("exit 5"). A command whose comment says
// "not run in tests: <reason>" is skipped, and only with a reason.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface DocCommand {
  /** file:line of the command's first line. */
  where: string;
  text: string;
  /** The exit code the docs promise. */
  exit: number;
  /** Why it is not run, when its comment says so. */
  skip?: string;
}

const SKIP = /#.*\bnot run in tests\b:?\s*(.*)$/;
const EXIT_CODE = /#.*\bexits? (\d+)\b/;
// Would replace the copy's node_modules (a link to this checkout's) or run the tests inside the tests.
const NEVER_RUN = /\bnpm\s+(ci|install|i|test|t)\b/;

/**
 * The commands of a markdown text: in ```sh / ```bash / ```shell blocks every line that is not blank
 * or a comment; in ```text / ```console blocks the lines after a "$ " prompt (the rest is output).
 * A line ending in a backslash continues on the next. `section` keeps only the blocks under that heading.
 */
function docCommands(markdown: string, file: string, section?: string): DocCommand[] {
  const out: DocCommand[] = [];
  const lines = markdown.split('\n');
  let lang: string | null = null;
  let inSection = section === undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^```\s*(\w*)/.exec(line);
    if (fence) {
      lang = lang === null ? fence[1]! : null;
      continue;
    }
    if (lang === null) {
      const heading = /^(#+)\s+(.*)$/.exec(line);
      if (heading && section !== undefined) inSection = heading[2]!.trim() === section;
      continue;
    }
    if (!inSection) continue;
    const shell = ['sh', 'bash', 'shell'].includes(lang);
    const prompt = ['text', 'console'].includes(lang) && line.startsWith('$ ');
    if (!(shell && line.trim() !== '' && !line.trimStart().startsWith('#')) && !prompt) continue;
    let text = prompt ? line.slice(2) : line;
    const first = i;
    while (text.endsWith('\\') && i + 1 < lines.length) text = text + '\n' + lines[++i]!;
    const skip = SKIP.exec(text);
    if (skip && !skip[1]!.trim()) throw new Error(`${file}:${first + 1}: "not run in tests" needs a reason`);
    if (!skip && NEVER_RUN.test(text)) throw new Error(`${file}:${first + 1}: "${text}" must not run in a test; mark it "# not run in tests: <reason>"`);
    const code = EXIT_CODE.exec(text);
    out.push({ where: `${file}:${first + 1}`, text, exit: code ? Number(code[1]) : 0, ...(skip ? { skip: skip[1]!.trim() } : {}) });
  }
  return out;
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A copy of the project (the files git knows of, as they are now) with this checkout's node_modules linked in. */
function projectCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'backproof-docs-'));
  temps.push(dir);
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' });
  expect(listed.status, listed.stderr).toBe(0);
  for (const f of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(f)) continue; // deleted in the working tree
    mkdirSync(path.join(dir, path.dirname(f)), { recursive: true });
    cpSync(f, path.join(dir, f));
  }
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs the commands in order in one bash, in a fresh copy; stops at the first that exits otherwise than promised. */
function runInCopy(commands: DocCommand[]): { wanted: string[]; got: string[] } {
  const dir = projectCopy();
  const logs = mkdtempSync(path.join(tmpdir(), 'backproof-docs-out-'));
  temps.push(logs);
  const run = commands.filter((c) => !c.skip);
  const script = ['shopt -s expand_aliases', `cd ${JSON.stringify(dir)}`];
  run.forEach((c, i) => {
    const f = path.join(logs, String(i));
    script.push(`{\n${c.text}\n} > ${f}.out 2> ${f}.err`, `c=$?; echo $c > ${f}.code; [ $c -eq ${c.exit} ] || exit 0`);
  });
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH}` };
  delete env.VITEST;
  delete env.BACKPROOF_LOG;
  writeFileSync(path.join(logs, 'script.sh'), script.join('\n') + '\n');
  const r = spawnSync('bash', [path.join(logs, 'script.sh')], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const read = (i: number, ext: string) => (existsSync(path.join(logs, `${i}.${ext}`)) ? readFileSync(path.join(logs, `${i}.${ext}`), 'utf8').trim() : null);
  return {
    wanted: run.map((c) => `${c.where} ${c.text} → exit ${c.exit}`),
    got: run.map((c, i) => {
      const code = read(i, 'code');
      if (code === null) return `${c.where} ${c.text} → not reached`;
      if (Number(code) === c.exit) return `${c.where} ${c.text} → exit ${code}`;
      return `${c.where} ${c.text} → exit ${code}\nstdout: ${read(i, 'out')!.slice(-800)}\nstderr: ${read(i, 'err')!.slice(-1500)}`;
    }),
  };
}

describe('reading commands from markdown', () => {
  const md = [
    '# Doc', '```sh', 'alias x=y   # set up', '# a comment', '', 'x a \\', '  --b', '```', 'text', '```text',
    '$ x c           # exit 5: they differ', 'output line', '$ npm ci      # not run in tests: installs', '```',
    '## Other', '```sh', 'x d', '```',
  ].join('\n');

  it('shell lines, "$ " lines of text blocks, continuations, exit codes and skips', () => {
    expect(docCommands(md, 'd.md')).toEqual([
      { where: 'd.md:3', text: 'alias x=y   # set up', exit: 0 },
      { where: 'd.md:6', text: 'x a \\\n  --b', exit: 0 },
      { where: 'd.md:11', text: 'x c           # exit 5: they differ', exit: 5 },
      { where: 'd.md:13', text: 'npm ci      # not run in tests: installs', exit: 0, skip: 'installs' },
      { where: 'd.md:17', text: 'x d', exit: 0 },
    ]);
    expect(docCommands(md, 'd.md', 'Other').map((c) => c.text)).toEqual(['x d']);
  });

  it('a skip needs a reason, and npm ci/install/test must be skipped', () => {
    expect(() => docCommands('```sh\nx   # not run in tests\n```', 'd.md')).toThrow(/d\.md:2: "not run in tests" needs a reason/);
    expect(() => docCommands('```sh\nnpm ci\n```', 'd.md')).toThrow(/d\.md:2: "npm ci" must not run in a test/);
    expect(() => docCommands('```text\n$ npm test\n```', 'd.md')).toThrow(/must not run in a test/);
  });
});

describe('the docs call the CLI one way', () => {
  it('every shell line of README.md and docs/ runs it as `npx backproof` (a bare `backproof` is not on PATH in the repository)', () => {
    const files = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    // Every line of every fenced block (docCommands refuses npm lines outside the blocks it runs): a command
    // at a line's start, after a "$ " prompt or chained (&&, |, ;, $( )); output lines name no such command.
    // A file that sets up `alias backproof=…` first (docs/AUDIT.md) calls it bare on purpose; an error line
    // ("backproof verify: error …") is output, not a command.
    const bare = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      if (/^alias backproof=/m.test(text)) return [];
      const blocks = text.split(/^```.*$/m).filter((_, i) => i % 2 === 1);
      return blocks.flatMap((b) => b.split('\n'))
        .filter((l) => /(^(\$ )?|&&|\||;|\$\()\s*backproof\s/.test(l) && !/^backproof [\w -]+: error /.test(l)).map((l) => `${f}: ${l}`);
    });
    expect(bare).toEqual([]);
  });

  it("README's CLI block says when its keygen line is to be skipped (npm start made the key)", () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('After `npm start`, which made the key already, skip the `keygen` line');
    expect(docCommands(readme, 'README.md', 'The CLI')[0]!.text).toMatch(/^npx backproof keygen /);
  });
});

describe('the docs run as written', () => {
  it("README.md's CLI block", () => {
    const commands = docCommands(readFileSync('README.md', 'utf8'), 'README.md', 'The CLI');
    expect(commands.length).toBeGreaterThan(10);
    const { wanted, got } = runInCopy(commands);
    expect(got).toEqual(wanted);
  }, 600_000);

  it('docs/AUDIT.md, every worked command in order', () => {
    const commands = docCommands(readFileSync('docs/AUDIT.md', 'utf8'), 'docs/AUDIT.md');
    expect(commands.length).toBeGreaterThan(15);
    const { wanted, got } = runInCopy(commands);
    expect(got).toEqual(wanted);
  }, 600_000);
});
