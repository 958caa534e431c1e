/**
 * @module serve
 * `backproof serve`: a strategy registry over HTTP (docs/SERVE.md). Strategies are addressed by the
 * SHA-256 of their module; an upload (a module, or AssemblyScript source built with asc) is accepted
 * only with a DSSE signature by a trusted key over a statement naming its bytes; a run is pinned to the
 * module hash it resolved to. fastify loads only when a server starts (host/index.ts, which every
 * command loads, re-exports this module).
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ServiceOptions } from './service.ts';

export { signUpload, openUpload, uploadStatement, trustedKeyMap, UPLOAD_PREDICATE_TYPE, NAME_PATTERN, VERSION_PATTERN, type UploadClaim, type UploadKind, type SignedUpload } from './statement.ts';
export { RegistryError, type RegistryCode } from './errors.ts';
export type { ServiceOptions, RunRequest, RunReply, UploadRequest } from './service.ts';

export interface ServeOptions extends Omit<ServiceOptions, 'trusted'> {
  /** Raw Ed25519 public keys (audit/keys loadPublicKeyRaw) an upload may be signed by; at least one. */
  trustedKeys: readonly Uint8Array[];
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Close the server once no request has been in flight for this long (ms); default: serve until closed. */
  idleExitMs?: number;
  /** A pino logger (host/log createLogger): a line per request and per refusal. Default: none. */
  logger?: FastifyBaseLogger;
}

export interface RunningServer {
  /** http://HOST:PORT */
  url: string;
  port: number;
  /** Fingerprints of the trusted keys. */
  trusted: string[];
  /** Requests received so far. */
  requests(): number;
  /** Resolves when the server has closed (close(), or idleExitMs passed without a request). */
  closed: Promise<void>;
  close(): Promise<void>;
}

/** The registry's fastify app, not listening (for `inject`, and scripts/openapi.ts's docs/openapi.json). */
export async function registryServer(o: Omit<ServeOptions, 'host' | 'port' | 'idleExitMs'>): Promise<FastifyInstance> {
  const [{ registryApp }, { RegistryService }, { trustedKeyMap }] = await Promise.all([import('./app.ts'), import('./service.ts'), import('./statement.ts')]);
  const service = new RegistryService({ ...o, trusted: trustedKeyMap(o.trustedKeys) });
  return registryApp(service, o.logger);
}

/** Starts the registry's HTTP server; resolves once it listens. */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const { UsageError } = await import('../errors.ts');
  if (o.trustedKeys.length === 0) throw new UsageError('USAGE', 'serve needs at least one trusted key (--trusted-keys FILE): an upload is accepted only when one of them signed it');
  const { trustedKeyMap } = await import('./statement.ts');
  const app = await registryServer(o);
  const host = o.host ?? '127.0.0.1';
  try {
    await app.listen({ host, port: o.port ?? 8080 });
  } catch (e) {
    await app.close();
    throw new UsageError('USAGE', `cannot listen on ${host}:${o.port ?? 8080}: ${(e as Error).message}`, { cause: e });
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (o.port ?? 8080);
  let requests = 0, inFlight = 0;
  let idle: NodeJS.Timeout | undefined;
  let closing: Promise<void> | undefined;
  let closed = (): void => {};
  const done = new Promise<void>((resolve) => (closed = resolve));
  const close = (): Promise<void> => (closing ??= (clearTimeout(idle), app.close().then(closed)));
  const waitIdle = (): void => {
    if (o.idleExitMs === undefined) return;
    clearTimeout(idle);
    if (inFlight === 0) idle = setTimeout(() => void close(), o.idleExitMs);
  };
  app.server.on('request', (_req, res) => {
    requests++;
    inFlight++;
    clearTimeout(idle);
    res.on('close', () => {
      inFlight--;
      waitIdle();
    });
  });
  waitIdle();
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    trusted: [...trustedKeyMap(o.trustedKeys).keys()],
    requests: () => requests,
    closed: done,
    close,
  };
}

/** docs/openapi.json's text: the OpenAPI document of the registry's routes, from their JSON schemas (scripts/openapi.ts writes it). */
export async function registryOpenApi(): Promise<string> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const scratch = mkdtempSync(path.join(tmpdir(), 'backproof-openapi-'));
  try {
    const app = await registryServer({ registry: path.join(scratch, 'registry'), dataDir: scratch, key: null, trustedKeys: [] });
    try {
      return JSON.stringify(app.swagger(), null, 2) + '\n';
    } finally {
      await app.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
