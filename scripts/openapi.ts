// Writes docs/openapi.json, the OpenAPI document of `backproof serve`'s routes, generated from their JSON
// schemas (host/serve/app.ts). test/serve/openapi.test.ts requires the committed file to equal it.
//   node scripts/openapi.ts
import { writeFileSync } from 'node:fs';
import { registryOpenApi } from '../host/serve/index.ts';

writeFileSync('docs/openapi.json', await registryOpenApi());
console.log('wrote docs/openapi.json');
