// verify on a real run folder whose text files were changed invisibly (CRLF, the final newline, a NUL
// byte, an extra line): each message shows the difference instead of two equal-looking texts.
import { beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun } from '../../host/run/execute.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG, type RunConfig } from '../../host/run/config.ts';
import { writeRunDir, FILES } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';

let work: string, run: string;
let copies = 0;

/** verify's failure on a copy of the run whose file `name` is `edit` of its text. */
async function failureWith(name: string, edit: (text: string) => string): Promise<unknown> {
  const dir = path.join(work, `copy-${++copies}`);
  await cp(run, dir, { recursive: true });
  await writeFile(path.join(dir, name), edit(await readFile(path.join(dir, name), 'utf8')));
  return verifyRun({ dir }).then(() => `${name} verified`, (e: unknown) => e);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-verify-messages-'));
  run = path.join(work, 'run');
  const strategy = await loadStrategy('strategies-as/sma-cross.ts');
  const config: RunConfig = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 }, snapshotEvery: 1000 };
  const outcome = executeRun({ strategy, data: await openData('data/GOOG.csv', {}), config });
  await writeRunDir({ dir: run, force: false, outcome, strategy, config, key: null, csv: ['trades'] });
}, 180_000);

describe('verify names invisible differences in the run folder’s text files', () => {
  it('config.json with CRLF line ends', async () => {
    expect(await failureWith(FILES.config, (t) => t.replaceAll('\n', '\r\n'))).toMatchObject({ code: 'VERIFY_FAILED', step: 'config', message: 'config.json line 1 differs from the config link: "{\\r" vs "{"' });
  });

  it('record.json without its final newline', async () => {
    expect(await failureWith(FILES.recordJson, (t) => t.slice(0, -1))).toMatchObject({ step: 'files', message: expect.stringMatching(/^record\.json ends after line \d+ without its final newline \(record\.pb has one\): line \d+ is "}"$/) });
  });

  it('snapshots.json indented with a tab, and with an extra empty line', async () => {
    expect(await failureWith(FILES.snapshots, (t) => t.replace('  {', '\t{'))).toMatchObject({ step: 'trace', message: 'snapshots.json line 2 differs from the snapshot list: "\\t{" vs "  {"' });
    expect(await failureWith(FILES.snapshots, (t) => t + '\n')).toMatchObject({ step: 'trace', message: 'snapshots.json has more lines than the snapshot list, which ends after line 12: line 13 is ""' });
  });

  it('trades.csv with a NUL byte, and with CRLF line ends (streamed comparison)', async () => {
    const header = (await readFile(path.join(run, FILES.trades), 'utf8')).split('\n')[0]!;
    expect(await failureWith(FILES.trades, (t) => t.replace(',', '\u0000'))).toMatchObject({ step: 'result', message: `trades.csv line 1 differs from result.pb: ${JSON.stringify(header.replace(',', '\u0000'))} vs ${JSON.stringify(header)}` });
    expect(await failureWith(FILES.trades, (t) => t.replaceAll('\n', '\r\n'))).toMatchObject({ step: 'result', message: `trades.csv line 1 differs from result.pb: ${JSON.stringify(header + '\r')} vs ${JSON.stringify(header)}` });
  });
});
