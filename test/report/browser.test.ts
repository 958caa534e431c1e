// The report in a real browser: Debian's chromium (installed by .ci/run) driven by playwright-core
// opens the report.html of a real run (sma-cross built with asc, on data/GOOG.csv) from file://.
// No console error, no request but the page itself, painted chart canvases, the numbers on the page
// equal to stats.json and trades.csv. A screenshot is left in test-artifacts/report.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { backtest } from '../../host/run/backtest.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { REPORT_FILE } from '../../host/report/index.ts';

const CHROMIUM = '/usr/bin/chromium';
const run = path.join(mkdtempSync(path.join(os.tmpdir(), 'backproof-browser-')), 'sma');
const url = pathToFileURL(path.join(run, REPORT_FILE)).href;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  // Not skipped when missing: CI installs it (.ci/run), and a report nobody opened is not tested.
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the report's browser test needs Debian's chromium (apt-get install -y chromium; .ci/run installs it)`);
  await backtest({ strategy: 'strategies-as/sma-cross.ts', data: ['data/GOOG.csv'], config: { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } }, key: null, out: run, timeoutMs: 60_000, logLevel: 'silent', csv: ['trades'] });
  browser = await chromium.launch({ executablePath: CHROMIUM });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  // The charts paint on animation frames after load: wait until the equity pane has ink.
  await page.waitForFunction(() => Array.from(document.querySelectorAll('#equity canvas')).some((c) => {
    const cv = c as HTMLCanvasElement;
    if (!cv.width || !cv.height) return false;
    const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && (d[i]! < 200 || d[i + 1]! < 200)) return true;
    return false;
  }), undefined, { timeout: 15_000 });
  mkdirSync('test-artifacts', { recursive: true });
  await page.screenshot({ path: 'test-artifacts/report.png' }); // the first screen: a full page costs seconds
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Distinct colours and painted (not transparent, not white) pixels over every canvas inside `selector`. */
function inkOf(p: Page, selector: string): Promise<{ canvases: number; colours: number; painted: number }> {
  return p.evaluate((sel) => {
    const colours = new Set<number>();
    let painted = 0, canvases = 0;
    for (const c of Array.from(document.querySelectorAll(`${sel} canvas`))) {
      const cv = c as HTMLCanvasElement;
      if (!cv.width || !cv.height) continue;
      canvases++;
      const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] === 0) continue;
        colours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
        if (d[i]! < 240 || d[i + 1]! < 240 || d[i + 2]! < 240) painted++;
      }
    }
    return { canvases, colours: colours.size, painted };
  }, selector);
}

describe('report.html in chromium', () => {
  it('loads with no console error or warning and requests nothing but itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it('the price chart and the equity/drawdown chart are painted: many non-white pixels, more than one colour', async () => {
    for (const chart of ['#price-0', '#equity']) {
      const ink = await inkOf(page, chart);
      expect(ink.canvases, chart).toBeGreaterThan(0);
      expect(ink.colours, chart).toBeGreaterThan(2);
      expect(ink.painted, chart).toBeGreaterThan(5000);
    }
  });

  it('every statistic on the page is stats.json\'s value: exactly in data-value, shown as integers or to 4 decimals', async () => {
    const stats = JSON.parse(readFileSync(path.join(run, 'stats.json'), 'utf8')) as Record<string, string | number | null>;
    const cells = await page.$$eval('#stats-table tr', (trs) => trs.map((tr) => [tr.getAttribute('data-key'), tr.getAttribute('data-value'), tr.querySelector('td')!.textContent]));
    expect(cells.map((c) => c[0])).toEqual(Object.keys(stats));
    for (const [key, value, text] of cells) {
      const v = stats[key!]!;
      expect(JSON.parse(value!), key!).toEqual(v);
      const shown = typeof v === 'string' ? v : v === null ? 'NaN' : Number.isInteger(v) ? String(v) : v.toFixed(4);
      expect(text!.replace(/ (%|days)$/, ''), key!).toBe(shown);
    }
    const kpi = await page.$$eval('.kpis div', (ds) => Object.fromEntries(ds.map((d) => [d.querySelector('span')!.textContent, d.querySelector('b')!.textContent])));
    expect(kpi['Return']).toBe(`${(stats.returnPct as number).toFixed(4)} %`);
    expect(kpi['Trades']).toBe(String(stats.trades));
  });

  it('one trades-table row per line of trades.csv, in order', async () => {
    const csv = readFileSync(path.join(run, 'trades.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const rows = await page.$$eval('#trades-table tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)));
    expect(rows.length).toBe(csv.length);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.map((r) => [r[2], r[3]])).toEqual(csv.map((c) => [c[3], c[4]]));
  });

  it('the commands name the folder the page was opened from', async () => {
    expect(await page.textContent('#commands')).toBe(`backproof verify ${run}\nbackproof replay ${run}`);
  });
});
