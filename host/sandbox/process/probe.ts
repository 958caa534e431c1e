/**
 * @module sandbox/process/probe
 * A test hook of the process runtime's child (loaded only in a child started with test hooks:
 * ProcessRuntimeOptions.testHooks): guest-side host code that tries, as the child starts (after the
 * guard, before it serves the engine), each thing the child must not do and reports how it was refused — the error code, or "allowed". test/sandbox/process-denials
 * asserts each. It holds the network modules from before the guard (sandbox/process/guard) hid them,
 * so its raw socket attempts show what the network namespace refuses on its own.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import * as childProcess from 'node:child_process';
import * as workerThreads from 'node:worker_threads';
import * as net from 'node:net';

export interface ProbeRequest {
  /** A file outside the run's folder to create, and one the child was not allowed to read. */
  writePath: string;
  readPath: string;
  /** A TCP port listening on 127.0.0.1 (outside the child), and a Unix socket path listening likewise. */
  tcpPort: number;
  unixPath: string;
}

export type ProbeResult = Record<string, string>;

const codeOf = (e: unknown): string => String((e as { code?: unknown } | null)?.code ?? (e instanceof Error ? e.message : e));

function attempt(fn: () => unknown): string {
  try {
    fn();
    return 'allowed';
  } catch (e) {
    return codeOf(e);
  }
}

/** A socket connect: "allowed" or the error's code. */
function connectCode(options: net.NetConnectOpts): Promise<string> {
  return new Promise((resolve) => {
    try {
      const socket = net.connect(options);
      socket.on('error', (e) => resolve(codeOf(e)));
      socket.on('connect', () => {
        socket.destroy();
        resolve('allowed');
      });
    } catch (e) {
      resolve(codeOf(e));
    }
  });
}

export async function probeDenials(r: ProbeRequest): Promise<ProbeResult> {
  return {
    writeFile: attempt(() => writeFileSync(r.writePath, 'written by the guest process')),
    readFile: attempt(() => readFileSync(r.readPath)),
    readOwnModule: attempt(() => readFileSync(new URL(import.meta.url))),
    childProcess: attempt(() => childProcess.spawnSync('/bin/sh', ['-c', 'true'])),
    workerThread: attempt(() => new workerThreads.Worker('0', { eval: true })),
    addon: attempt(() => process.dlopen({ exports: {} } as NodeJS.Module, r.readPath)),
    // Through the guard: every way JavaScript reaches the network modules.
    getBuiltinNet: attempt(() => process.getBuiltinModule('node:net')),
    requireNet: attempt(() => (process.getBuiltinModule('node:module') as typeof import('node:module')).createRequire(import.meta.url)('node:net')),
    fetch: attempt(() => (globalThis as { fetch?: unknown }).fetch ?? (() => { throw Object.assign(new Error('fetch is gone'), { code: 'ERR_ACCESS_DENIED' }); })()),
    // Past the guard (the probe's own handle on net): the namespace's refusal.
    tcpConnect: await connectCode({ host: '127.0.0.1', port: r.tcpPort }),
    unixConnect: await connectCode({ path: r.unixPath }),
  };
}
