// `npx tsx test/backend/sync-openapi.ts`: rewrites openapi.json's components.schemas from the zod wire
// schemas after a deliberate change to src/backend/schemas.ts. Paths, examples and prose stay hand-written.
import { readFileSync, writeFileSync } from 'node:fs';
import { wireComponents } from './openapi-components.js';

const file = new URL('../../openapi.json', import.meta.url);
const doc = JSON.parse(readFileSync(file, 'utf8')) as { components: { schemas: unknown } };
doc.components.schemas = wireComponents();
writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
console.log('openapi.json: components.schemas regenerated from src/backend/schemas.ts');
