// verify's line diffs must show the difference even when it is invisible: a CR, a NUL, a missing or
// extra final newline; the same message whether the text is compared whole or streamed from a file.
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { textDiffMessage, visible } from '../../host/inspect/line-diff.ts';
import { expectRendering } from '../../host/inspect/verify.ts';

const EXPECTED = 'Bar,Time,Equity\n0,2020-01-01,100\n1,2020-01-02,101\n';

/** [file's text, message] pairs; the expected text is EXPECTED. */
const CASES: [string, string, string][] = [
  ['CRLF line ends', EXPECTED.replaceAll('\n', '\r\n'), 'f.csv line 1 differs from result.pb: "Bar,Time,Equity\\r" vs "Bar,Time,Equity"'],
  ['the final newline cut', EXPECTED.slice(0, -1), 'f.csv ends after line 3 without its final newline (result.pb has one): line 3 is "1,2020-01-02,101"'],
  ['an extra empty line', EXPECTED + '\n', 'f.csv has more lines than result.pb, which ends after line 3: line 4 is ""'],
  ['an extra line', EXPECTED + '2,2020-01-03,99\n', 'f.csv has more lines than result.pb, which ends after line 3: line 4 is "2,2020-01-03,99"'],
  ['the last line missing', EXPECTED.split('\n').slice(0, 2).join('\n') + '\n', 'f.csv ends after line 2; result.pb has more lines: line 3 is "1,2020-01-02,101"'],
  ['a NUL byte', EXPECTED.replace('100', '1\u000000'), 'f.csv line 2 differs from result.pb: "0,2020-01-01,1\\u000000" vs "0,2020-01-01,100"'],
  ['a tab for a comma', EXPECTED.replace('0,2020', '0\t2020'), 'f.csv line 2 differs from result.pb: "0\\t2020-01-01,100" vs "0,2020-01-01,100"'],
  ['a BOM', '\ufeff' + EXPECTED, 'f.csv line 1 differs from result.pb: "\\ufeffBar,Time,Equity" vs "Bar,Time,Equity"'],
  ['a no-break space', EXPECTED.replace('Bar,', 'Bar,\u00a0'), 'f.csv line 1 differs from result.pb: "Bar,\\u00a0Time,Equity" vs "Bar,Time,Equity"'],
  ['an empty file', '', 'f.csv is empty; result.pb is not: line 1 is "Bar,Time,Equity"'],
];

describe('line diff messages', () => {
  it('a whole text: each invisible difference is named', () => {
    for (const [what, text, message] of CASES) expect(textDiffMessage('f.csv', EXPECTED, text, 'result.pb'), what).toBe(message);
    expect(textDiffMessage('f.csv', EXPECTED, EXPECTED, 'result.pb')).toBeNull();
  });

  it('a file compared with a streamed rendering (split into chunks mid-line) gives the same messages', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'backproof-line-diff-'));
    try {
      const bytes = Buffer.from(EXPECTED);
      function* chunks(): Generator<Uint8Array, void, undefined> {
        for (let at = 0; at < bytes.length; at += 7) yield bytes.subarray(at, at + 7);
      }
      await writeFile(path.join(dir, 'f.csv'), EXPECTED);
      await expectRendering('result', dir, 'f.csv', chunks(), 'result.pb');
      for (const [what, text, message] of CASES) {
        await writeFile(path.join(dir, 'f.csv'), text);
        await expect(expectRendering('result', dir, 'f.csv', chunks(), 'result.pb'), what).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'result', message });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a long line is shown around its first difference', () => {
    const want = 'x'.repeat(500) + 'a' + 'y'.repeat(500);
    const got = 'x'.repeat(500) + 'b' + 'y'.repeat(500);
    expect(textDiffMessage('r.json', want + '\n', got + '\n', 'the record')).toBe(
      `r.json line 1 differs from the record: …"${'x'.repeat(40)}b${'y'.repeat(79)}"… vs …"${'x'.repeat(40)}a${'y'.repeat(79)}"… (from character 461)`,
    );
  });

  it('visible: quotes as JSON and escapes what prints as nothing', () => {
    expect(visible('a\r\n\t\u0000"\\ b')).toBe('"a\\r\\n\\t\\u0000\\"\\\\ b"');
    expect(visible('\u200b\u2028\u0085\u{e0001}é€')).toBe('"\\u200b\\u2028\\u0085\\u{e0001}é€"');
  });
});
