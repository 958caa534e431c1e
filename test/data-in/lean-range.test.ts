// Lean zips convert their dates like the CSV parser does: a UTC instant outside int64 nanoseconds
// is refused naming the entry, line and field, never wrapped; one exactly at a bound loads.
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { parseLeanZip } from '../../host/data/lean.ts';

/** A one-entry stored zip (APPNOTE 4.3): local header, data, central directory, end record. */
function storedZip(name: string, text: string): Uint8Array {
  const data = Buffer.from(text), file = Buffer.from(name), crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(file.length, 28);
  const centralAt = local.length + file.length + data.length, centralSize = central.length + file.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10); end.writeUInt32LE(centralSize, 12); end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}

const OUTSIDE = 'is outside the range Backproof can represent (1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z, int64 nanoseconds)';
const daily = (line: string) => parseLeanZip(storedZip('spy.csv', `${line},1000000,2000000,1000000,1000000,5\n`), 'spy.zip', { timezone: 'UTC' });
const minute = (day: string, ms: number) => parseLeanZip(storedZip(`${day}_spy_minute_trade.csv`, `${ms},1000000,2000000,1000000,1000000,5\n`), `${day}_trade.zip`, { timezone: 'UTC' });

describe('Lean dates outside int64 nanoseconds', () => {
  it('refuses a daily or hourly date beyond either bound (once wrapped; years 0–99 once read as 1900–1999)', () => {
    for (const d of ['23000101 00:00', '16000101 00:00', '00010101 00:00', '00500101 00:00', '99991231 00:00', '22620411 23:48'])
      expect(() => daily(d), d).toThrow(expect.objectContaining({ code: 'DATA_MALFORMED', message: `spy.zip/spy.csv:1: field time: date ${d} ${OUTSIDE}` }));
    expect(daily('22620411 23:47').time[0]).toBe(9223372020000000000n);
    expect(daily('16770921 00:13').time[0]).toBe(-9223372020000000000n);
    expect(() => daily('16770921 00:12')).toThrow(/field time: date 16770921 00:12 is outside/);
  });

  it('decides on the UTC instant of a minute file, the day from its name plus the milliseconds', () => {
    expect(minute('22620411', 85_636_000).time[0]).toBe(9223372036000000000n); // 23:47:16
    expect(() => minute('22620411', 85_637_000)).toThrow(expect.objectContaining({
      code: 'DATA_MALFORMED', message: `22620411_trade.zip/22620411_spy_minute_trade.csv:1: field time: date 2262-04-11 + 85637000 ms ${OUTSIDE}` }));
    expect(() => parseLeanZip(storedZip('22620411_spy_minute_trade.csv', '72000000,1000000,2000000,1000000,1000000,5\n'), '22620411_trade.zip', { timezone: 'America/New_York' }))
      .toThrow(/field time: date 2262-04-11 \+ 72000000 ms is outside/); // 20:00 in New York is past midnight UTC
  });
});
