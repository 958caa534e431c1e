/**
 * @module inspect/line-diff
 * The message verify gives when a file is not the rendering it must be: the first line that
 * differs, both texts with invisible characters escaped (a CR, a tab, a NUL byte, a missing or
 * extra final newline must show), or where one of the two ends.
 */

/** A line as found in a text: its characters, and what ends it ('cut' when only a window was read). */
export interface LineAt {
  text: string;
  end: 'newline' | 'eof' | 'cut';
}

/** The line that starts at offset 0 of `window`; `complete` when the window runs to the end of the text. Null when there is none. */
export function lineAt(window: string, complete: boolean): LineAt | null {
  const nl = window.indexOf('\n');
  if (nl >= 0) return { text: window.slice(0, nl), end: 'newline' };
  // an empty remainder after a final newline is no line
  if (complete && window === '') return null;
  return { text: window, end: complete ? 'eof' : 'cut' };
}

/** Longest snippet shown in full; a longer line is shown around its first difference. */
const SHOWN = 120;

/**
 * `s` quoted as JSON does (so CR, tab, NUL and other control characters show as \r, \t, \u0000),
 * also escaping the characters that print as nothing or as a plain space (format characters such
 * as a BOM or a zero-width space, separators other than the space, C1 controls).
 */
export function visible(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]|(?! )\p{Zs}/gu, (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** One line as a quoted snippet, cut to SHOWN characters from `from`. */
function snippet(s: string, from: number): string {
  return (from > 0 ? '…' : '') + visible(s.slice(from, from + SHOWN)) + (s.length > from + SHOWN ? '…' : '');
}

/** Two lines that differ, as "got vs want", windowed around the first differing character when long. */
function versus(got: string, want: string): string {
  if (got.length <= SHOWN && want.length <= SHOWN) return `${visible(got)} vs ${visible(want)}`;
  let d = 0;
  while (d < got.length && d < want.length && got[d] === want[d]) d++;
  const from = Math.max(0, d - 40);
  return `${snippet(got, from)} vs ${snippet(want, from)} (from character ${from + 1})`;
}

/**
 * The message for file `name`, whose line `n` (1-based) is the first that differs from the text
 * `from` gives: `got` is the file's line n, `want` the expected one (null where that text has no
 * line n). Names a missing or extra final newline and a file that ends early or runs on.
 */
export function lineDiffMessage(name: string, n: number, got: LineAt | null, want: LineAt | null, from: string): string {
  if (!got && !want) return `${name} differs from ${from} after line ${n - 1}`;
  if (!got && n === 1) return `${name} is empty; ${from} is not: line 1 is ${snippet(want!.text, 0)}`;
  if (!got) return `${name} ends after line ${n - 1}; ${from} has more lines: line ${n} is ${snippet(want!.text, 0)}`;
  if (!want) return `${name} has more lines than ${from}, which ends after line ${n - 1}: line ${n} is ${snippet(got.text, 0)}`;
  if (got.text === want.text) {
    if (got.end === 'eof' && want.end === 'newline') return `${name} ends after line ${n} without its final newline (${from} has one): line ${n} is ${snippet(got.text, 0)}`;
    if (got.end === 'newline' && want.end === 'eof') return `${name} line ${n} ends in a newline, ${from} ends after it without one: line ${n} is ${snippet(got.text, 0)}`;
  }
  return `${name} line ${n} differs from ${from}: ${versus(got.text, want.text)}`;
}

/** The message for the first line where `actual` differs from `expected` (both whole texts), or null if they are equal. */
export function textDiffMessage(name: string, expected: string, actual: string, from: string): string | null {
  if (actual === expected) return null;
  let d = 0;
  while (d < actual.length && d < expected.length && actual[d] === expected[d]) d++;
  const start = d === 0 ? 0 : actual.lastIndexOf('\n', d - 1) + 1; // the line holding the first difference (the same in both)
  let n = 1;
  for (let i = actual.indexOf('\n'); i >= 0 && i < start; i = actual.indexOf('\n', i + 1)) n++;
  return lineDiffMessage(name, n, lineAt(actual.slice(start), true), lineAt(expected.slice(start), true), from);
}
