// The guest thread (run/worker): one is kept for the next call, so an inspector's several
// re-executions do not each start a thread and load the host into it; two calls at once get two
// threads; a thread the watchdog stopped is never reused; errors keep their class and code.
import { describe, expect, it } from 'vitest';
import { inGuestThread } from '../../host/run/worker.ts';
import { SandboxError } from '../../host/errors.ts';

const probe = new URL('../fixtures/thread-probe.ts', import.meta.url).href;
const mainThreadId = 0;

describe('guest threads', () => {
  it('consecutive calls run on the same guest thread', async () => {
    const a = await inGuestThread<number>(probe, 'whichThread', null);
    const b = await inGuestThread<number>(probe, 'whichThread', null);
    expect(a).not.toBe(mainThreadId);
    expect(b).toBe(a);
  });

  it('calls at once run on different threads, and both are kept', async () => {
    const [a, b] = await Promise.all([inGuestThread<number>(probe, 'block', 50), inGuestThread<number>(probe, 'block', 50)]);
    expect(a).not.toBe(b);
    const [c, d] = await Promise.all([inGuestThread<number>(probe, 'block', 50), inGuestThread<number>(probe, 'block', 50)]);
    expect(new Set([c, d])).toEqual(new Set([a, b]));
  });

  it('a thread stopped by the watchdog is not reused', async () => {
    const before = await inGuestThread<number>(probe, 'whichThread', null);
    let code = '';
    try {
      await inGuestThread(probe, 'block', 2_000, { timeoutMs: 200 });
    } catch (e) {
      code = (e as SandboxError).code;
    }
    expect(code).toBe('WATCHDOG');
    // The stopped thread was the kept one; the next call gets another.
    const after = await inGuestThread<number>(probe, 'whichThread', null);
    expect(after).not.toBe(before);
    expect(await inGuestThread<number>(probe, 'whichThread', null)).toBe(after);
  });

  it('an error thrown on the thread arrives as the same class and code, and the thread is kept', async () => {
    const before = await inGuestThread<number>(probe, 'whichThread', null);
    let err: unknown;
    try {
      await inGuestThread(probe, 'fail', null);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SandboxError);
    expect((err as SandboxError).code).toBe('GUEST_TRAP');
    expect(await inGuestThread<number>(probe, 'whichThread', null)).toBe(before);
  });
});
