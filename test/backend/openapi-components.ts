// Generates openapi.json's `components.schemas` from the zod wire schemas (JSON Schema 2020-12, the
// dialect of OpenAPI 3.1). Used by the OpenAPI test (drift check) and by sync-openapi.ts (rewrite).
import { z } from 'zod';
import { WIRE_SCHEMAS } from '../../src/backend/schemas.js';

export function wireComponents(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(WIRE_SCHEMAS)) registry.add(schema, { id: name });
  // `input`: the document describes what the LMS sends, before the client's transforms and defaults.
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const components: Record<string, unknown> = {};
  for (const name of Object.keys(WIRE_SCHEMAS)) {
    const { $schema: _schema, $id: _id, ...schema } = schemas[name] as Record<string, unknown>;
    components[name] = schema;
  }
  return components;
}
