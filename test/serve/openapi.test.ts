// docs/openapi.json is generated from the routes' JSON schemas (node scripts/openapi.ts): the committed file
// must be exactly what the routes give now, so the documented API cannot drift from the served one.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { registryOpenApi } from '../../host/serve/index.ts';

describe('docs/openapi.json', () => {
  it('equals the document generated from the routes (node scripts/openapi.ts regenerates it)', async () => {
    const generated = await registryOpenApi();
    expect(readFileSync('docs/openapi.json', 'utf8')).toBe(generated);
    const doc = JSON.parse(generated) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))).toEqual([
      'POST /strategies', 'GET /strategies', 'GET /strategies/{name}', 'PUT /strategies/{name}/current',
      'DELETE /strategies/{name}/versions/{version}', 'GET /modules/{hash}', 'POST /runs', 'GET /runs/{runId}',
    ]);
    // every operation documents its refusals' shape
    for (const ops of Object.values(doc.paths)) for (const op of Object.values(ops)) expect(Object.keys(op.responses)).toContain('4XX');
  });
});
