/**
 * @module data/time
 * Wall-clock time in an IANA zone → UTC nanoseconds, through the ICU time-zone data of the running
 * Node (its version is in every record's toolchain link). Nonexistent local times (the spring-forward
 * gap) resolve forward, ambiguous ones (the fall-back hour) to the earlier instant.
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

/** UTC ms of a wall-clock time given as ms since the epoch *as if UTC* (Date.UTC of the fields). */
export function zonedToUtcMs(localMs: number, zone: string): number {
  if (zone === 'UTC') return localMs;
  // The offsets a day before and after bracket any transition near this time.
  const before = localMs - offsetAt(zone, localMs - 86_400_000);
  const after = localMs - offsetAt(zone, localMs + 86_400_000);
  const valid = (c: number) => c + offsetAt(zone, c) === localMs;
  const a = valid(before), b = valid(after);
  if (a && b) return Math.min(before, after); // the repeated hour: the earlier instant
  if (a) return before;
  if (b) return after;
  return before; // the skipped hour: read with the offset before the jump, i.e. moved forward
}
