// How the CLI reads numbers (tester: --memory 1e3 was refused, while other numeric options took it): plain
// decimals with an exponent everywhere; a whole-number option takes any such whose value is whole, exactly
// (bigint), and refuses the rest — a fraction left over, hex, spaces, separators — naming the option, its
// range and the form. Every command with a numeric option says so in its help.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { NUMBERS_HELP, numberOption, wholeBigOption, wholeOption, wholeValue } from '../../host/cli/args.ts';
import { countOption, seedOption } from '../../host/cli/sweep.ts';
import { allHelp } from '../../host/cli/main.ts';

const work = mkdtempSync(path.join(tmpdir(), 'backproof-numbers-'));
const FORM = '(decimal digits, an exponent allowed: 1e3)';

describe('whole numbers', () => {
  it.each([
    ['0', 0n], ['1000', 1000n], ['007', 7n], ['1e3', 1000n], ['1E3', 1000n], ['1e+3', 1000n], ['2.5e3', 2500n], ['1.50e1', 15n],
    ['1.0', 1n], ['12345678901234567890e2', 1234567890123456789000n], ['1e30', 10n ** 30n],
  ])('%s is %s', (text, value) => {
    expect(wholeValue(text)).toBe(value);
  });

  it.each(['', '1.5', '1.25e1', '1e-3', '-1', '+1', '0x10', '0b1', '0o7', ' 5', '5 ', '1_000', '1,000', 'e3', '1e', '.5e1', '1e12345', 'Infinity', 'NaN'])('%j is not one', (text) => {
    expect(wholeValue(text)).toBeUndefined();
  });

  it('an option names itself, its range and the form; bigint options keep every digit', () => {
    expect(wholeOption('workers', '1e1', 1, 1)).toBe(10);
    expect(wholeOption('workers', undefined, 3, 1)).toBe(3);
    expect(() => wholeOption('concurrency', '1e2', 1, 1, 64)).toThrow(expect.objectContaining({ code: 'USAGE', message: `--concurrency must be a whole number from 1 to 64 ${FORM}, got "1e2"` }));
    expect(() => wholeOption('max-jobs', '1e16', 1, 1)).toThrow(expect.objectContaining({ message: `--max-jobs must be a whole number from 1 to 9007199254740991 ${FORM}, got "1e16"` }));
    expect(wholeBigOption('fuel', '5e18', 1n, 0n)).toBe(5_000_000_000_000_000_000n);
    expect(() => wholeBigOption('fuel', '2.5', 1n, 0n)).toThrow(expect.objectContaining({ message: `--fuel must be a whole number ≥ 0 ${FORM}, got "2.5"` }));
    expect(countOption('workers', '2e0')).toBe(2);
    expect(countOption('workers', undefined)).toBeUndefined();
    expect(() => countOption('samples', '0')).toThrow(expect.objectContaining({ message: `--samples must be a whole number from 1 to 9007199254740991 ${FORM}, got "0"` }));
    // --seed as the plan records it: digits as given, an exponent's value in digits, anything else for host/sweep to refuse
    expect([seedOption('007'), seedOption('1e3'), seedOption('0x10'), seedOption(undefined)]).toEqual(['007', '1000', '0x10', undefined]);
  });
});

describe('decimal numbers', () => {
  it('plain decimals with an exponent; nothing else Number() would take', () => {
    expect(['1e3', '-0.5', '.5', '5.', '2.5E-1', '+3'].map((t) => numberOption('cash', t, 0))).toEqual([1000, -0.5, 0.5, 5, 0.25, 3]);
    for (const t of ['0x10', ' 5', '5 ', '', 'Infinity', '1e999', '1_000', '0b1'])
      expect(() => numberOption('cash', t, 0), t).toThrow(expect.objectContaining({ code: 'USAGE', message: `--cash must be a number (decimal, e.g. 1000, 0.25 or 1e3), got "${t}"` }));
  });
});

describe('on the command line', () => {
  it('backtest --fuel 1e3 is a budget of 1000 instructions; --fuel 1.5 and --max-memory-pages 0x10 are usage errors', async () => {
    const run = (...more: string[]) => cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--unsigned', '--out', path.join(work, 'run'), ...more, '--json');
    const spent = await run('--fuel', '1e3');
    expect(spent.code).toBe(4);
    expect(JSON.parse(spent.out)).toMatchObject({ code: 'FUEL_EXHAUSTED', message: expect.stringMatching(/the run's budget of 1000 instructions is spent, in init$/) });
    const fraction = await run('--fuel', '1.5');
    expect([fraction.code, JSON.parse(fraction.out).message]).toEqual([2, `--fuel must be a whole number ≥ 0 ${FORM}, got "1.5"`]);
    const hex = await run('--max-memory-pages', '0x10');
    expect([hex.code, JSON.parse(hex.out).message]).toEqual([2, '--max-memory-pages must be a number (decimal, e.g. 1000, 0.25 or 1e3), got "0x10"']);
  }, 60_000);

  it('sweep --workers and check-determinism --runs: the same whole numbers', async () => {
    const sweep = await cli('sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=5', '--objective', 'sharpe', '--out', path.join(work, 'sweep'), '--workers', '0x2', '--json');
    expect([sweep.code, JSON.parse(sweep.out).message]).toEqual([2, `--workers must be a whole number from 1 to 9007199254740991 ${FORM}, got "0x2"`]);
    const check = await cli('check-determinism', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--runs', '1e3', '--json');
    expect([check.code, JSON.parse(check.out).message]).toEqual([2, `--runs must be a whole number from 1 to 100 ${FORM}, got "1e3"`]);
  });

  it('the help of every command with a numeric option, and the main help, say how numbers are written', () => {
    const help = allHelp();
    for (const name of ['main', 'backtest', 'sweep', 'worker', 'serve', 'check-determinism', 'walk-forward', 'deploy']) expect(help[name], name).toContain(`\n${NUMBERS_HELP}\n`);
    expect(help.keygen).not.toContain(NUMBERS_HELP);
  });
});
