// The HTML report: rendered from real runs (sma-cross and pairs built with real asc, real data),
// deterministic to the byte, checked by verify, refused on folders that are not runs. The page in a
// real browser: browser.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { backtest } from '../../host/run/backtest.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { generateKeys, keyFingerprint, rawPublicKey } from '../../host/audit/keys.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { AuditError, BackproofError, DataError, UsageError } from '../../host/errors.ts';
import { MAX_TABLE_ROWS, readReportInput, renderReport, REPORT_FILE, REPORT_FORMAT, reportFormatOf, writeReport } from '../../host/report/index.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'backproof-report-'));
const run = path.join(tmp, 'sma');
const signedRun = path.join(tmp, 'signed');
const pairs = path.join(tmp, 'pairs');
const key = createPrivateKey(generateKeys().privateKeyPem);
const config = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 }, commission: 0.002 };

beforeAll(async () => {
  await backtest({ strategy: 'strategies-as/sma-cross.ts', data: ['data/GOOG.csv'], config, key: null, out: run, timeoutMs: 60_000, logLevel: 'silent', csv: ['trades', 'orders'] });
  await backtest({ strategy: 'strategies-as/sma-cross.ts', data: ['data/GOOG.csv'], config, key, out: signedRun, timeoutMs: 60_000, logLevel: 'silent' });
  await backtest({
    strategy: 'strategies-as/pairs.ts', data: ['ORCL=test/data/orcl-1995-2014.txt', 'GOOG=data/GOOG.csv'],
    config: { ...DEFAULT_CONFIG, commission: 0.001 }, key: null, out: pairs, timeoutMs: 60_000, logLevel: 'silent', csv: ['trades'],
  });
}, 120_000);

/** The page without its scripts: what a reader sees (the chart library's code says nothing to them). */
const visible = (html: string): string => html.replace(/<script[\s\S]*?<\/script>/g, '');
const codeOf = (f: () => Promise<unknown>): Promise<string> => f().then(() => 'resolved', (e) => (e instanceof BackproofError ? e.code : `not typed: ${e}`));
const rows = (html: string, table: string): number => (new RegExp(`<table id="${table}"[\\s\\S]*?</table>`).exec(html)![0].match(/<tr class=/g) ?? []).length;

describe('report.html in the run folder', () => {
  it('backtest writes it; rendering the folder again gives the same bytes; verify checks it and leaves nothing unverified', async () => {
    const html = readFileSync(path.join(run, REPORT_FILE), 'utf8');
    expect(renderReport(await readReportInput(run))).toBe(html);
    const again = path.join(tmp, 'again.html');
    expect(await writeReport(run, { out: again })).toBe(again);
    expect(readFileSync(again, 'utf8')).toBe(html);
    const v = await verifyRun({ dir: run, strict: true });
    expect(v.steps.at(-1)).toBe('files');
    expect(v.unverified).toEqual([]);
  });

  it('loads nothing: no external script, style, image or frame; the library and its licence notice are inlined', () => {
    const html = readFileSync(path.join(run, REPORT_FILE), 'utf8');
    expect(/<(script|img|iframe|link)\b[^>]*\s(src|href)=/i.exec(html)?.[0]).toBeUndefined();
    expect(/@import|url\(/.exec(visible(html))?.[0]).toBeUndefined();
    expect(html).toContain('TradingView Lightweight Charts™ v5.2.1');
    expect(html).toContain('Licensed under Apache License 2.0'); // the library's own header, kept
    expect(visible(html)).toContain('<a href="https://www.tradingview.com/">');
  });

  it('the same run renders the same bytes under another time zone and locale (a child process)', () => {
    const script = `import { readReportInput, renderReport } from './host/report/index.ts';
import { createHash } from 'node:crypto';
process.stdout.write(createHash('sha256').update(renderReport(await readReportInput(process.argv[1]))).digest('hex'));`;
    const hash = (env: Record<string, string>) => execFileSync(process.execPath, ['--input-type=module', '-e', script, run], { env: { ...process.env, ...env }, encoding: 'utf8' });
    const want = hash({ TZ: 'UTC', LANG: 'C' });
    expect(hash({ TZ: 'Asia/Kolkata', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' })).toBe(want);
  });

  it('the stats table holds each value of stats.json exactly (data-value) and shows it to 4 decimals', () => {
    const html = readFileSync(path.join(run, REPORT_FILE), 'utf8');
    const stats = JSON.parse(readFileSync(path.join(run, 'stats.json'), 'utf8')) as Record<string, unknown>;
    const cells = [...html.matchAll(/<tr data-key="(\w+)" data-value="([^"]*)"><th>[^<]*<\/th><td>([^<]*)<\/td><\/tr>/g)];
    expect(cells.map((c) => c[1])).toEqual(Object.keys(stats));
    for (const [, k, value] of cells) expect(JSON.parse(value!.replace(/&#34;/g, '"'))).toEqual(stats[k!]);
    const shown = Object.fromEntries(cells.map((c) => [c[1], c[3]]));
    expect(shown.returnPct).toBe(`${(stats.returnPct as number).toFixed(4)} %`);
    expect(shown.trades).toBe(String(stats.trades));
    expect(shown.start).toBe('2004-08-19T00:00:00Z');
  });

  it('one table row per trade and per order (orders.csv), with the rejection reasons', () => {
    const html = readFileSync(path.join(run, REPORT_FILE), 'utf8');
    const csvRows = (f: string) => readFileSync(path.join(run, f), 'utf8').trim().split('\n').length - 1;
    expect(rows(html, 'trades-table')).toBe(csvRows('trades.csv'));
    expect(rows(html, 'orders-table')).toBe(csvRows('orders.csv'));
    expect(html).not.toContain('more trades in');
  });

  it('the audit panel: record hash, trace root, "unsigned", the commands; never claims the run was verified', () => {
    const html = visible(readFileSync(path.join(run, REPORT_FILE), 'utf8'));
    const record = JSON.parse(readFileSync(path.join(run, 'record.json'), 'utf8'));
    const trace = record.links.find((l: { kind: string }) => l.kind === 'trace').body;
    expect(html).toContain(`<code id="trace-root">${trace.root}</code>`);
    const recordHash = execFileSync('sha256sum', [path.join(run, 'record.pb')], { encoding: 'utf8' }).split(' ')[0];
    expect(html).toContain(`<code id="record-hash">${recordHash}</code>`);
    expect(html).toMatch(/<td id="signature">unsigned/);
    expect(html).toContain('backproof verify <span class="run-dir">RUN_DIR</span>\nbackproof replay <span class="run-dir">RUN_DIR</span>');
    expect(/verified/i.exec(html)?.[0]).toBeUndefined();
  });

  it('a signed run: the key fingerprint and how to check it, not "verified"', async () => {
    const html = visible(readFileSync(path.join(signedRun, REPORT_FILE), 'utf8'));
    expect(html).toContain(`signed by key <code id="key-fingerprint">${keyFingerprint(rawPublicKey(key))}</code>`);
    expect(html).toContain('backproof verify <span class="run-dir">RUN_DIR</span> --pubkey KEY.pub');
    expect(/verified/i.exec(html)?.[0]).toBeUndefined();
  });

  it('two symbols: one price chart each, named; verify checks the page', async () => {
    const html = readFileSync(path.join(pairs, REPORT_FILE), 'utf8');
    expect([...html.matchAll(/<div class="chart price" id="(price-\d)" data-symbol="(\w+)">/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual(['price-0:ORCL', 'price-1:GOOG']);
    expect(renderReport(await readReportInput(pairs))).toBe(html);
    expect((await verifyRun({ dir: pairs, strict: true })).unverified).toEqual([]);
  });

  it('every trade is marked on its symbol\'s chart: entries and exits counted per candle add up to the trades', () => {
    const html = readFileSync(path.join(pairs, REPORT_FILE), 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]!) as { symbols: { name: string; time: number[]; markers: [number, number, number][] }[] };
    const trades = readFileSync(path.join(pairs, 'trades.csv'), 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
    for (const [k, s] of data.symbols.entries()) {
      const n = trades.filter((t) => t === k).length;
      expect(n, s.name).toBeGreaterThan(0);
      expect(s.markers.filter((m) => m[1] !== 2).reduce((a, m) => a + m[2], 0), s.name).toBe(n);
      expect(s.markers.filter((m) => m[1] === 2).reduce((a, m) => a + m[2], 0), s.name).toBe(n);
      expect(s.markers.every((m) => s.time.includes(m[0]))).toBe(true);
    }
  });

  it('report: false writes none', async () => {
    const dir = path.join(tmp, 'no-report');
    await backtest({ strategy: 'strategies-as/sma-cross.ts', data: ['data/GOOG.csv'], config, key: null, out: dir, timeoutMs: 60_000, logLevel: 'silent', report: false });
    expect(existsSync(path.join(dir, REPORT_FILE))).toBe(false);
    expect(existsSync(path.join(dir, 'record.pb'))).toBe(true);
  });
});

describe('verify and report.html', () => {
  const copy = (name: string): string => {
    const dir = path.join(tmp, name);
    execFileSync('cp', ['-r', run, dir]);
    return dir;
  };

  it('one changed number in the page fails [files]', async () => {
    const dir = copy('tampered');
    const file = path.join(dir, REPORT_FILE);
    const html = readFileSync(file, 'utf8');
    const returnCell = /<tr data-key="returnPct" data-value="[^"]*"><th>Return<\/th><td>([^<]*)<\/td>/.exec(html)!;
    writeFileSync(file, html.replace(returnCell[0], returnCell[0].replace(returnCell[1]!, '999.0000 %')));
    const e = await verifyRun({ dir }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AuditError);
    expect([(e as AuditError).code, (e as AuditError).step]).toEqual(['VERIFY_FAILED', 'files']);
  });

  it('a page of another report format is named UNVERIFIED (and fails --strict), not checked', async () => {
    const dir = copy('other-format');
    const file = path.join(dir, REPORT_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('content="backproof-report/2 ', 'content="backproof-report/0 '));
    const v = await verifyRun({ dir });
    expect(v.unverified.map((u) => u.file)).toEqual([REPORT_FILE]);
    expect(v.unverified[0]!.why).toMatch(/^rendered by backproof-report\/0 lightweight-charts\/5\.2\.1, this installation renders backproof-report\/2/);
    expect(await codeOf(() => verifyRun({ dir, strict: true }))).toBe('VERIFY_FAILED');
  });

  it('a page of format 1 (written before trades.csv and orders.csv were on demand) is rendered again as it was: verify checks it, strict too', async () => {
    const dir = copy('format-1');
    const file = path.join(dir, REPORT_FILE);
    const now = readFileSync(file, 'utf8');
    expect(REPORT_FORMAT).toBe('backproof-report/2');
    expect(reportFormatOf(now)).toBe('backproof-report/2');
    const old = renderReport({ ...(await readReportInput(dir)), format: 'backproof-report/1' });
    // (this run has fewer rows than a table shows: the pages differ in the format's name only)
    expect(old).toBe(now.replace('content="backproof-report/2 ', 'content="backproof-report/1 ').replace('Rendered by Backproof (backproof-report/2)', 'Rendered by Backproof (backproof-report/1)'));
    expect(reportFormatOf(old)).toBe('backproof-report/1');
    writeFileSync(file, old);
    expect((await verifyRun({ dir, strict: true })).unverified).toEqual([]);
    // and a changed number in it still fails
    writeFileSync(file, old.replace(/(<tr data-key="returnPct" data-value="[^"]*"><th>Return<\/th><td>)[^<]*/, '$1999.0000 %'));
    expect(await codeOf(() => verifyRun({ dir }))).toBe('VERIFY_FAILED');
  });
});

describe('large runs: tables capped with a note, never silently', () => {
  it(`shows the first ${MAX_TABLE_ROWS} trades and orders and says how many more are in the CSV files`, async () => {
    const input = await readReportInput(run);
    const r = input.result;
    const [all, allOrders] = [[...r.trades], [...r.orders]];
    const trades = Array.from({ length: 1500 }, (_, i) => all[i % all.length]!);
    const orders = Array.from({ length: 2345 }, (_, i) => ({ ...allOrders[i % allOrders.length]!, id: i + 1 }));
    const html = renderReport({ ...input, result: { ...r, trades, orders } });
    expect(rows(html, 'trades-table')).toBe(MAX_TABLE_ROWS);
    expect(rows(html, 'orders-table')).toBe(MAX_TABLE_ROWS);
    // the page cannot know whether the folder holds the CSV (written on demand): it links it and says how to write it
    expect(html).toContain(`<p class="note more">500 more trades in <a href="trades.csv">trades.csv</a> (the table shows the first ${MAX_TABLE_ROWS}); a run folder without it gets it from <code>backproof export &lt;run-dir&gt; --trades</code></p>`);
    expect(html).toContain(`<p class="note more">1345 more orders in <a href="orders.csv">orders.csv</a> (the table shows the first ${MAX_TABLE_ROWS}); a run folder without it gets it from <code>backproof export &lt;run-dir&gt; --orders</code></p>`);
    // format 1's notes, byte for byte as that format wrote them
    const old = renderReport({ ...input, result: { ...r, trades, orders }, format: 'backproof-report/1' });
    expect(old).toContain(`<p class="note more">500 more trades in trades.csv (the table shows the first ${MAX_TABLE_ROWS})</p>`);
    expect(old).toContain(`<p class="note more">1345 more orders in orders.csv (the table shows the first ${MAX_TABLE_ROWS})</p>`);
  });
});

describe('report on a folder that is not a run: a typed error naming the path, nothing written', () => {
  const out = () => path.join(tmp, `out-${Math.floor(performance.now() * 1000)}.html`);
  const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.includes('.tmp-'));

  it('a path that does not exist, a file, a folder without record.pb: USAGE naming it', async () => {
    const empty = mkdtempSync(path.join(tmp, 'empty-'));
    for (const dir of [path.join(tmp, 'nope'), path.join(run, 'stats.json'), empty]) {
      const o = out();
      const e = await writeReport(dir, { out: o }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).code).toBe('USAGE');
      expect((e as Error).message).toContain(`${dir} is not a run folder`);
      expect(existsSync(o)).toBe(false);
    }
  });

  it('a record.pb that is not a record: RECORD_MALFORMED naming the file', async () => {
    const dir = mkdtempSync(path.join(tmp, 'garbage-'));
    writeFileSync(path.join(dir, 'record.pb'), 'not a record');
    const e = await writeReport(dir).catch((x: unknown) => x);
    expect((e as AuditError).code).toBe('RECORD_MALFORMED');
    expect((e as Error).message).toContain(path.join(dir, 'record.pb'));
    expect(readdirSync(dir)).toEqual(['record.pb']);
  });

  it('result.pb missing, or not the recorded one: VERIFY_FAILED naming it; no page, no temporary file', async () => {
    const dir = path.join(tmp, 'no-result');
    execFileSync('cp', ['-r', run, dir]);
    rmSync(path.join(dir, REPORT_FILE));
    rmSync(path.join(dir, 'result.pb'));
    const e = await writeReport(dir).catch((x: unknown) => x);
    expect([(e as AuditError).code, (e as AuditError).step]).toEqual(['VERIFY_FAILED', 'result']);
    expect((e as Error).message).toContain(path.join(dir, 'result.pb'));
    copyFileSync(path.join(signedRun, 'result.pb'), path.join(dir, 'result.pb'));
    writeFileSync(path.join(dir, 'result.pb'), Buffer.concat([readFileSync(path.join(run, 'result.pb')), Buffer.from([0])]));
    expect(await codeOf(() => writeReport(dir))).toBe('VERIFY_FAILED');
    expect(existsSync(path.join(dir, REPORT_FILE))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('the data file gone: DATA_NOT_FOUND naming it as the one given with --data; a stand-in copy works; other data: VERIFY_FAILED', async () => {
    const copy = path.join(tmp, 'GOOG-copy.csv');
    copyFileSync('data/GOOG.csv', copy);
    const input = await readReportInput(run, [copy]);
    expect(renderReport(input)).toBe(readFileSync(path.join(run, REPORT_FILE), 'utf8'));
    const e = await readReportInput(run, [path.join(tmp, 'gone.csv')]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as DataError).code).toBe('DATA_NOT_FOUND');
    // A file given with --data is named as such, without the hint to pass --data.
    expect((e as Error).message).toMatch(/gone\.csv: ENOENT \(the file given with --data\)$/);
    expect(await codeOf(() => readReportInput(run, ['test/data/orcl-1995-2014.txt']))).toBe('VERIFY_FAILED');
    expect(await codeOf(() => readReportInput(run, [copy, copy]))).toBe('USAGE');
  });

  it('--out where nothing can be written: USAGE naming it, no temporary file left', async () => {
    const o = path.join(tmp, 'no-such-folder', 'r.html');
    const e = await writeReport(run, { out: o }).catch((x: unknown) => x);
    expect((e as UsageError).code).toBe('USAGE');
    expect((e as Error).message).toContain(o);
    expect(leftovers(tmp)).toEqual([]);
  });
});
