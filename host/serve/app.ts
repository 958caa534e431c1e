/**
 * @module serve/app
 * The registry's HTTP API on fastify: one route per operation, each with its JSON-schema (requests are
 * checked against it, no field coerced or dropped; responses written through it), and one error shape
 * for every refusal, {error: {code, message}} with a 4xx status. docs/openapi.json is generated from
 * these schemas (scripts/openapi.ts); docs/SERVE.md says what each route does.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { BackproofError, AuditError, BuildError, DataError, SandboxError, UsageError } from '../errors.ts';
import { RegistryError } from './errors.ts';
import { NAME_PATTERN, VERSION_PATTERN } from './statement.ts';
import type { RegistryService, RunRequest, UploadRequest } from './service.ts';

/** The API's version in docs/openapi.json (a breaking change of a route is a new version). */
export const API_VERSION = '1';

const HASH_PATTERN = '^[0-9a-f]{64}$';
const SMALL_BODY = 64 << 10;

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'RegistryError codes (BAD_REQUEST, SIGNATURE_MISSING, SIGNATURE_INVALID, DIGEST_MISMATCH, KEY_UNTRUSTED, TOO_LARGE, NOT_FOUND, CONFLICT, RETIRED, TOO_MANY_RUNS, TOOLCHAIN_MISMATCH), or the code of the run\'s or build\'s own error (host/errors.ts: DATA_MALFORMED, IMPORT_NOT_ALLOWED, BUILD_FAILED, ...)' },
        message: { type: 'string' },
      },
    },
  },
} as const;

const errors = {
  '4xx': { description: 'refused: the request, the upload or the run is not acceptable, with a code saying why', ...errorSchema },
  '5xx': { description: 'a fault of the server (INTERNAL)', ...errorSchema },
};

const envelopeSchema = {
  type: 'object',
  description: 'A DSSE v1 envelope (Ed25519 over PAE) whose payload is the upload statement: docs/SERVE.md',
  required: ['payloadType', 'payload', 'signatures'],
  additionalProperties: false,
  properties: {
    payloadType: { type: 'string', maxLength: 256 },
    payload: { type: 'string', maxLength: 65536, description: 'base64 of the statement\'s JSON bytes' },
    signatures: {
      type: 'array',
      maxItems: 16,
      items: { type: 'object', required: ['keyid', 'sig'], additionalProperties: false, properties: { keyid: { type: 'string', maxLength: 128 }, sig: { type: 'string', maxLength: 512 } } },
    },
  },
} as const;

const versionSchema = {
  type: 'object',
  required: ['version', 'module', 'kind', 'signer', 'retired'],
  properties: {
    version: { type: 'string' },
    module: { type: 'string', description: 'SHA-256 of the module, hex' },
    kind: { type: 'string', enum: ['wasm', 'source'] },
    signer: { type: 'string', description: 'fingerprint of the trusted key that signed the upload' },
    retired: { type: 'boolean' },
  },
} as const;

const strategySchema = {
  type: 'object',
  required: ['name', 'current', 'versions'],
  properties: {
    name: { type: 'string' },
    current: { type: 'object', nullable: true, required: ['version', 'module'], properties: { version: { type: 'string' }, module: { type: 'string' } } },
    versions: { type: 'array', items: versionSchema },
  },
} as const;

const nameParams = { type: 'object', required: ['name'], properties: { name: { type: 'string', pattern: NAME_PATTERN } } } as const;

const runReplySchema = {
  type: 'object',
  required: ['runId', 'module', 'strategy', 'resultSha256', 'recordSha256', 'signed', 'instructions', 'stats', 'runDir', 'isolation'],
  properties: {
    runId: { type: 'string' },
    module: { type: 'string', description: 'the module hash the run used, whatever it was addressed by' },
    strategy: { type: 'object', nullable: true, properties: { name: { type: 'string' }, version: { type: 'string' } }, description: 'the name and version it was addressed by; null when by module hash' },
    resultSha256: { type: 'string', description: 'SHA-256 of result.pb, as backproof backtest prints it' },
    recordSha256: { type: 'string', description: 'SHA-256 of record.pb (signed by the server\'s key, or unsigned)' },
    signed: { type: 'boolean' },
    instructions: { type: 'string', description: 'guest instructions executed (a decimal integer)' },
    stats: { type: 'object', additionalProperties: true, description: 'the statistics as backtest --json has them' },
    runDir: { type: 'string', description: 'the run folder, relative to the registry folder (backproof verify checks it)' },
    isolation: { type: 'string', enum: ['v8', 'wasi', 'process'], description: 'where the guest executed (serve --isolation); not recorded: the run is the same under each' },
  },
} as const;

/** The HTTP status and error document of anything a route throws. */
export function errorReply(e: unknown): { status: number; code: string; message: string } {
  if (e instanceof RegistryError) return { status: e.status, code: e.code, message: e.message };
  if (e instanceof UsageError) return { status: 400, code: e.code, message: e.message };
  if (e instanceof DataError || e instanceof SandboxError || e instanceof BuildError) return { status: 422, code: e.code, message: e.message };
  if (e instanceof AuditError || e instanceof BackproofError) return { status: 500, code: e.code, message: e.message };
  const f = e as FastifyError;
  if (f?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, code: 'TOO_LARGE', message: `the request body is over the route's limit: ${f.message}` };
  if (f?.validation || (typeof f?.statusCode === 'number' && f.statusCode >= 400 && f.statusCode < 500))
    return { status: f.statusCode ?? 400, code: 'BAD_REQUEST', message: f.message };
  return { status: 500, code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}

/**
 * The fastify app of a registry service (not listening: `listen` it, or `inject` requests). `logger` (a pino
 * logger, e.g. host/log's) gets a line per request and per refusal; none by default.
 */
export async function registryApp(service: RegistryService, logger?: FastifyBaseLogger): Promise<FastifyInstance> {
  const { maxModuleBytes, maxSourceBytes } = service.limits;
  const uploadBody = Math.max(Math.ceil(maxModuleBytes / 3) * 4, maxSourceBytes * 2) + SMALL_BODY;
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    bodyLimit: SMALL_BODY,
    // Requests as they are: a wrong type or an unknown field is refused, not coerced or dropped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Backproof strategy registry', version: API_VERSION, description: '`backproof serve`: strategies addressed by module hash, signed uploads, pinned runs (docs/SERVE.md)' },
    },
  });
  app.setErrorHandler((e, req, reply) => {
    const { status, code, message } = errorReply(e);
    if (status >= 500) req.log.error({ err: e, code }, message);
    else req.log.info({ code }, message);
    void reply.code(status).send({ error: { code, message } });
  });
  // A client that sends `Expect: 100-continue` (curl does for a body over 1 MiB) waits for "100 Continue"
  // before the body. Node sends it unasked, then fastify refuses the declared length and the connection
  // drops under the body still being sent: no status reaches the client. So the length is checked first,
  // and a body over the route's limit is answered 413 with the error document instead of 100 (and the
  // connection closed: the body was never sent). Node calls this only for requests that expect 100.
  app.server.on('checkContinue', (req, res) => {
    const limit = req.method === 'POST' && (req.url ?? '').split('?')[0] === '/strategies' ? uploadBody : SMALL_BODY;
    const length = Number(req.headers['content-length']);
    if (Number.isFinite(length) && length > limit) {
      const body = JSON.stringify({ error: { code: 'TOO_LARGE', message: `the request body is ${length} bytes, over the route's limit of ${limit}` } });
      app.log.info({ code: 'TOO_LARGE' }, 'a body over the limit, refused before 100 Continue');
      res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' }).end(body);
      return;
    }
    res.writeContinue();
    app.server.emit('request', req, res);
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${req.method} ${req.url}` } });
  });

  app.post<{ Body: UploadRequest }>('/strategies', {
    bodyLimit: uploadBody,
    schema: {
      summary: 'Upload a signed module or AssemblyScript source; it becomes the current version of the name its statement signs',
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          wasm: { type: 'string', description: 'the module, base64 (standard alphabet, padded)' },
          source: { type: 'string', description: 'a one-file AssemblyScript strategy importing backproof/guest-sdk, built with asc' },
          signature: envelopeSchema,
        },
      },
      response: {
        200: { description: 'name@version was registered already with this module', ...uploadReply() },
        201: { description: 'registered', ...uploadReply() },
        ...errors,
      },
    },
  }, async (req, reply) => {
    const r = await service.upload(req.body);
    return reply.code(r.created ? 201 : 200).send(r);
  });

  app.get('/strategies', {
    schema: { summary: 'Every registered strategy, its versions and its current one', response: { 200: { type: 'object', required: ['strategies'], properties: { strategies: { type: 'array', items: strategySchema } } }, ...errors } },
  }, async () => ({ strategies: service.registry.list() }));

  app.get<{ Params: { name: string } }>('/strategies/:name', {
    schema: { summary: 'One strategy, its versions and its current one', params: nameParams, response: { 200: strategySchema, ...errors } },
  }, async (req) => service.registry.strategy(req.params.name));

  app.put<{ Params: { name: string }; Body: { version: string } }>('/strategies/:name/current', {
    schema: {
      summary: 'Replace the current version with another registered one (runs by name use it from now on; runs made stay pinned to their hash)',
      params: nameParams,
      body: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: { type: 'string', pattern: VERSION_PATTERN } } },
      response: { 200: strategySchema, ...errors },
    },
  }, async (req) => service.registry.setCurrent(req.params.name, req.body.version));

  app.delete<{ Params: { name: string; version: string } }>('/strategies/:name/versions/:version', {
    schema: {
      summary: 'Retire a version: kept and fetchable, never run again; a retired current version hands over to the latest left',
      params: { type: 'object', required: ['name', 'version'], properties: { name: { type: 'string', pattern: NAME_PATTERN }, version: { type: 'string', pattern: VERSION_PATTERN } } },
      response: { 200: strategySchema, ...errors },
    },
  }, async (req) => service.registry.retire(req.params.name, req.params.version));

  app.get<{ Params: { hash: string } }>('/modules/:hash', {
    schema: {
      summary: 'A module by hash: its bytes, its source when uploaded as source, and every version that registers it with its signature',
      params: { type: 'object', required: ['hash'], properties: { hash: { type: 'string', pattern: HASH_PATTERN } } },
      response: {
        200: {
          type: 'object',
          required: ['module', 'size', 'wasm', 'source', 'versions'],
          properties: {
            module: { type: 'string' },
            size: { type: 'integer' },
            wasm: { type: 'string', description: 'base64' },
            source: { type: 'string', nullable: true },
            versions: {
              type: 'array',
              items: { type: 'object', properties: { name: { type: 'string' }, ...versionSchema.properties, signature: envelopeSchema } },
            },
          },
        },
        ...errors,
      },
    },
  }, async (req) => {
    const { hash } = req.params;
    const { wasm, source } = service.registry.readModule(hash);
    const versions = service.registry.versionsOf(hash).map((v) => ({ name: v.name, version: v.version, module: v.module, kind: v.kind, signer: v.signer, retired: v.retired, signature: v.envelope }));
    return { module: hash, size: wasm.length, wasm: Buffer.from(wasm).toString('base64'), source, versions };
  });

  app.post<{ Body: RunRequest }>('/runs', {
    schema: {
      summary: 'Backtest a registered module (by hash, or a name\'s current or given version) on data files under the server\'s data folder',
      body: {
        type: 'object',
        required: ['data'],
        additionalProperties: false,
        properties: {
          module: { type: 'string', pattern: HASH_PATTERN },
          strategy: { type: 'string', pattern: NAME_PATTERN },
          version: { type: 'string', pattern: VERSION_PATTERN },
          data: { type: 'array', minItems: 1, maxItems: 64, items: { type: 'string', minLength: 1, maxLength: 1024 }, description: '[NAME=]FILE[@PERIOD] as backtest --data, FILE relative to the data folder' },
          params: { type: 'object', additionalProperties: { type: 'number' }, maxProperties: 256 },
          cash: { type: 'number' },
          commission: { type: 'number' },
        },
      },
      response: { 200: runReplySchema, ...errors },
    },
  }, async (req) => service.run(req.body));

  app.get<{ Params: { runId: string } }>('/runs/:runId', {
    schema: {
      summary: 'A run\'s record, as record.json in its run folder',
      params: { type: 'object', required: ['runId'], properties: { runId: { type: 'string', pattern: '^[0-9a-f]{16,64}$' } } },
      response: { 200: { type: 'object', required: ['runId', 'record'], properties: { runId: { type: 'string' }, record: { type: 'object', additionalProperties: true } } }, ...errors },
    },
  }, async (req) => {
    const file = path.join(service.registry.runsDir, req.params.runId, 'record.json');
    if (!existsSync(file)) throw new RegistryError('NOT_FOUND', `no run ${req.params.runId}`);
    return { runId: req.params.runId, record: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
  });

  await app.ready();
  return app;
}

function uploadReply() {
  return { type: 'object', required: ['created', 'module', 'strategy'], properties: { created: { type: 'boolean' }, module: { type: 'string' }, strategy: strategySchema } } as const;
}
