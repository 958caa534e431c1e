/**
 * @module data/time
 * Wall-clock time in an IANA zone → UTC nanoseconds, through the ICU time-zone data of the running
 * Node (its version is in every record's toolchain link). Nonexistent local times (the spring-forward
 * gap) resolve forward, ambiguous ones (the fall-back hour) to the earlier instant (a CSV row to the
 * later one when the earlier would go back before the row above it: data/csv).
 */
import { DataError } from '../errors.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new DataError('DATA_MALFORMED', `unknown time zone "${zone}" (use an IANA name such as America/New_York)`);
    }
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC, in ms, at the instant `utcMs`. */
function offsetAt(zone: string, utcMs: number): number {
  const parts = formatter(zone).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

export function checkZone(zone: string): void {
  if (zone !== 'UTC') formatter(zone);
}

export function isKnownZone(zone: string): boolean {
  try {
    checkZone(zone);
    return true;
  } catch {
    return false;
  }
}

/** A local time the zone's clocks skip (the spring-forward gap), or repeat (the fall-back hour). */
export const ZONE_PLAIN = 0, ZONE_SKIPPED = 1, ZONE_REPEATED = 2;

/**
 * How the last zonedToUtcMs call resolved (read at once, before the next call): `kind`, and for a
 * repeated time its `later` instant (the second pass, in standard time); for a skipped time
 * `movedTo`, the local time (as-if-UTC ms) it was read as.
 */
export const zoneResolution = { kind: ZONE_PLAIN, later: 0, movedTo: 0 };

/** UTC ms of a wall-clock time given as ms since the epoch *as if UTC* (Date.UTC of the fields). */
export function zonedToUtcMs(localMs: number, zone: string): number {
  zoneResolution.kind = ZONE_PLAIN;
  if (zone === 'UTC') return localMs;
  // The offsets a day before and after bracket any transition near this time.
  const before = localMs - offsetAt(zone, localMs - 86_400_000);
  const after = localMs - offsetAt(zone, localMs + 86_400_000);
  const valid = (c: number) => c + offsetAt(zone, c) === localMs;
  const a = valid(before), b = valid(after);
  if (a && b && before !== after) {
    zoneResolution.kind = ZONE_REPEATED;
    zoneResolution.later = Math.max(before, after);
    return Math.min(before, after); // the repeated hour: the earlier instant (a CSV row may take the later: data/csv)
  }
  if (a) return before;
  if (b) return after;
  // the skipped hour: read with the offset before the jump, i.e. moved forward
  zoneResolution.kind = ZONE_SKIPPED;
  zoneResolution.movedTo = before + offsetAt(zone, before);
  return before;
}

/** The instants Backproof can represent: int64 nanoseconds since the epoch. */
export const TIME_MIN_NS = -(1n << 63n);
export const TIME_MAX_NS = (1n << 63n) - 1n;
export const TIME_RANGE_TEXT = '1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z, int64 nanoseconds';

/**
 * Refuses a row whose UTC instant lies outside int64 nanoseconds (it would wrap): `at` is
 * "file:line", `fields` names the fields (`field "Date"`) and `text` is what they hold. The UTC instant decides, so
 * a time zone can move a local time at a bound either way.
 */
export function checkTimeRange(ns: bigint, at: string, fields: string, text: string): void {
  if (ns < TIME_MIN_NS || ns > TIME_MAX_NS)
    throw new DataError('DATA_MALFORMED', `${at}: ${fields}: date ${text} is outside the range Backproof can represent (${TIME_RANGE_TEXT})`);
}

/** Days since 1970-01-01 of a proleptic Gregorian date, any year (Howard Hinnant's days_from_civil; Date.UTC reads years 0–99 as 1900–1999). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
