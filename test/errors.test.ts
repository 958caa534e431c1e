// One base error, one subclass per layer, each accepting only its layer's codes; the CLI's exit code follows the layer.
import { describe, expect, it } from 'vitest';
import { AuditError, BackproofError, BuildError, DataError, exitCodeOf, SandboxError, UsageError } from '../host/errors.ts';

describe('errors', () => {
  it('a layer takes only its own codes (checked by tsc, which runs in npm test)', () => {
    // @ts-expect-error a data error cannot carry a usage code
    const wrong = new DataError('USAGE', 'x');
    // @ts-expect-error an audit error cannot carry a sandbox code
    const wrong2 = new AuditError('FUEL_EXHAUSTED', 'trace', 'x');
    expect([wrong.code, wrong2.code]).toEqual(['USAGE', 'FUEL_EXHAUSTED']);
  });

  it('each layer maps to its exit code, keeps code, name and cause', () => {
    const cause = new Error('inner');
    const cases: [BackproofError, number, string][] = [
      [new UsageError('USAGE', 'u', { cause }), 2, 'UsageError'],
      [new DataError('DATA_MALFORMED', 'd'), 3, 'DataError'],
      [new SandboxError('GUEST_TRAP', 's'), 4, 'SandboxError'],
      [new AuditError('VERIFY_FAILED', 'data', 'a'), 5, 'AuditError'],
      [new BuildError('BUILD_FAILED', 'b'), 6, 'BuildError'],
    ];
    expect(cases.map(([e]) => exitCodeOf(e))).toEqual(cases.map(([, x]) => x));
    expect(cases.map(([e]) => e.name)).toEqual(cases.map(([, , n]) => n));
    expect(cases[0]![0].cause).toBe(cause);
    expect(exitCodeOf(new Error('bug'))).toBe(1);
  });
});
