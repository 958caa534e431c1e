// Minute bars as CSV text, made in the test (tests read nothing outside the repo): enough rows for a
// streamed run of several chunks, times that jump, two files whose bars share instants.
/** Minute bars from `start` (UTC ms), a random-walk close; every 997th step is a 3-hour gap (the other feed's bars share its instants). */
export function minuteCsv(bars: number, start: number, seed: number): string {
  const out = ['Date,Open,High,Low,Close,Volume'];
  let t = start, close = 100, s = seed;
  for (let i = 0; i < bars; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const open = close;
    close = Math.max(1, open + (s / 2147483648 - 0.5));
    const d = new Date(t).toISOString();
    out.push(`${d.slice(0, 10)} ${d.slice(11, 19)},${open.toFixed(4)},${(Math.max(open, close) + 0.05).toFixed(4)},${(Math.min(open, close) - 0.05).toFixed(4)},${close.toFixed(4)},${1000 + (i % 77)}`);
    t += i % 997 === 0 ? 3 * 3_600_000 : 60_000;
  }
  return out.join('\n') + '\n';
}

