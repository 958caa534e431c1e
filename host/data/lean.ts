/**
 * @module data/lean
 * QuantConnect Lean zipped equity data (prices × 10,000): daily/hour files ("YYYYMMDD HH:MM,O,H,L,C,V"),
 * minute trade and quote files and tick trade files, whose first field is milliseconds since
 * midnight of the file's date (from its name, YYYYMMDD_…) in the exchange's time zone
 * (America/New_York unless told otherwise). Quote bars become bars at the bid/ask mid; ticks become
 * bars with open = high = low = close = price and volume = size.
 */
import path from 'node:path';
import { DataError } from '../errors.ts';
import type { Bars } from '../model/bars.ts';
import { BarBuilder } from './builder.ts';
import { LineScanner, textInput } from './lines.ts';
import { unzipEntry, zipEntries } from './zip.ts';
import { checkTimeRange, checkZone, daysFromCivil, zonedToUtcMs } from './time.ts';
import type { DataOptions } from './options.ts';

const SCALE = 10_000;

export function parseLeanZip(zip: Uint8Array, file: string, options: DataOptions = {}): Bars {
  const zone = options.timezone ?? 'America/New_York';
  checkZone(zone);
  const csvs = zipEntries(zip, path.basename(file)).filter((e) => e.name.endsWith('.csv'));
  if (csvs.length !== 1) throw new DataError('DATA_MALFORMED', `${file}: expected one CSV in the archive, found ${csvs.length}`);
  const inner = csvs[0]!.name;
  const text = Buffer.from(unzipEntry(zip, csvs[0]!, path.basename(file))).toString('utf8');
  const where = `${path.basename(file)}/${inner}`;
  const tick = /tick/i.test(inner);
  const quote = /quote/i.test(inner);
  const dayMatch = /(\d{4})(\d{2})(\d{2})_/.exec(path.basename(file));
  // Ticks share milliseconds: keep them in file order unless told otherwise.
  const bars = new BarBuilder(where, (options.duplicates ?? (tick ? 'keep' : 'error')) === 'keep');
  // Lines are cut as in every CSV (data/lines): CRLF, a leading BOM, blank lines only at the end, the length limit.
  const lines = new LineScanner(where, textInput(text));
  while (lines.next()) {
    const f = lines.text.slice(lines.start, lines.end).split(',');
    const lineNo = lines.lineNo;
    const num = (k: number, name: string): number => {
      const v = Number(f[k]);
      if (f[k] === undefined || f[k]!.trim() === '' || !Number.isFinite(v)) throw new DataError('DATA_MALFORMED', `${where}:${lineNo}: field ${name} ("${f[k] ?? ''}") is not a number`);
      return v;
    };
    let localMs: number;
    if (dayMatch) {
      const ms = num(0, 'time (ms since midnight)');
      if (!Number.isInteger(ms) || ms < 0 || ms >= 86_400_000) throw new DataError('DATA_MALFORMED', `${where}:${lineNo}: time ${ms} is not milliseconds within a day`);
      localMs = daysFromCivil(+dayMatch[1]!, +dayMatch[2]!, +dayMatch[3]!) * 86_400_000 + ms;
    } else {
      const m = /^(\d{4})(\d{2})(\d{2}) (\d{2}):(\d{2})$/.exec(f[0] ?? '');
      if (!m) throw new DataError('DATA_MALFORMED', `${where}:${lineNo}: time "${f[0]}" is not "YYYYMMDD HH:MM"`);
      localMs = daysFromCivil(+m[1]!, +m[2]!, +m[3]!) * 86_400_000 + (+m[4]! * 60 + +m[5]!) * 60_000;
    }
    const time = BigInt(zonedToUtcMs(localMs, zone)) * 1_000_000n;
    checkTimeRange(time, `${where}:${lineNo}`, 'field time', dayMatch ? `${dayMatch[1]}-${dayMatch[2]}-${dayMatch[3]} + ${f[0]} ms` : f[0]!);
    const at = () => `${lineNo}`;
    if (tick) {
      const p = num(1, 'price') / SCALE;
      bars.push(time, p, p, p, p, num(2, 'size'), at);
    } else if (quote) {
      const mid = (k: number) => (num(1 + k, 'bid') + num(6 + k, 'ask')) / (2 * SCALE);
      bars.push(time, mid(0), mid(1), mid(2), mid(3), 0, at);
    } else {
      bars.push(time, num(1, 'open') / SCALE, num(2, 'high') / SCALE, num(3, 'low') / SCALE, num(4, 'close') / SCALE, num(5, 'volume'), at);
    }
  }
  return Object.assign(bars.build(), { duplicates: bars.duplicates });
}
