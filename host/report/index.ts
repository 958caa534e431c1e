/**
 * @module report
 * The HTML report of a run: one self-contained page rendered from the run folder's bound files
 * (render.ts), deterministic so verify can render it again and compare the bytes. Reads run
 * folders only; imports nothing from run/ or inspect/.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import { readReportInput } from './read.ts';
import { renderReport } from './render.ts';

export { renderReport, renderReportBytes, reportGenerator, reportFormatOf, fixed4, REPORT_FORMAT, REPORT_FORMATS, type ReportFormat, MAX_TABLE_ROWS, type ReportInput, type ReportResult, type ReportRows, RowTally, type PortableTally } from './render.ts';
export { readReportInput, streamedRows } from './read.ts';
export { CandleBuilder, downsampleCandles, downsampleEquity, MAX_CHART_POINTS, type Candles } from './series.ts';

/** The report's name in a run folder. */
export const REPORT_FILE = 'report.html';

let temps = 0;

/**
 * Writes `text` to `file` through a temporary file beside it and one rename, so a failure leaves
 * no half-written page (and an existing page stays whole until replaced).
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${++temps}`);
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EISDIR')
      throw new UsageError('USAGE', `cannot write the report to ${file} (${code})`, { cause: e });
    throw e;
  }
}

/** Renders run folder `dir`'s report and writes it to `out` (default `<dir>/report.html`); returns where. */
export async function writeReport(dir: string, opts: { out?: string; data?: readonly string[] } = {}): Promise<string> {
  const html = renderReport(await readReportInput(dir, opts.data));
  const out = opts.out ?? path.join(dir, REPORT_FILE);
  await writeFileAtomic(out, html);
  return out;
}
