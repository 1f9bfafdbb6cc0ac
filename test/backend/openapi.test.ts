// openapi.json and the code must tell the same story: every LmsBackend operation is documented with the
// client's method and path, the document's schemas are what the zod schemas generate, every example validates.
import { expect } from '@open-wc/testing';
import type { z } from 'zod';
import { REST_ROUTES } from '../../src/backend/rest-backend.js';
import type { BackendOperation } from '../../src/backend/rest-backend.js';
import { WIRE_SCHEMAS } from '../../src/backend/schemas.js';
import type { WireSchemaName } from '../../src/backend/schemas.js';
import { describeZodIssue } from '../../src/backend/schemas.js';
import { wireComponents } from './openapi-components.js';

type Json = Record<string, unknown>;
interface Operation {
  readonly method: string;
  readonly path: string;
  readonly body: Json;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const OPERATIONS = Object.keys(REST_ROUTES) as BackendOperation[];

let doc: Json;

function resolve(node: unknown): Json {
  let current = node as Json;
  for (let hops = 0; typeof current?.['$ref'] === 'string'; hops++) {
    if (hops > 10) throw new Error(`$ref loop at ${String(current['$ref'])}`);
    const pointer = (current['$ref'] as string).replace(/^#\//, '').split('/');
    let target: unknown = doc;
    for (const part of pointer) target = (target as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (target === undefined) throw new Error(`$ref ${String(current['$ref'])} does not resolve`);
    current = target as Json;
  }
  return current;
}

function operations(): Operation[] {
  const paths = doc['paths'] as Record<string, Json>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method: method.toUpperCase(), path, body: item[method] as Json })),
  );
}

function schemaOf(media: Json, where: string): z.ZodType {
  const ref = (media['schema'] as Json | undefined)?.['$ref'];
  expect(ref, `${where}: schema must be a $ref to components.schemas`).to.be.a('string');
  const name = (ref as string).replace('#/components/schemas/', '') as WireSchemaName;
  const schema = WIRE_SCHEMAS[name];
  expect(schema, `${where}: ${String(ref)} is not one of the wire schemas`).to.not.equal(undefined);
  return schema;
}

function checkExamples(media: Json, where: string): number {
  const schema = schemaOf(media, where);
  const examples = Object.entries((media['examples'] as Record<string, Json> | undefined) ?? {});
  for (const [name, example] of examples) {
    const parsed = schema.safeParse(resolve(example)['value']);
    const first = parsed.success ? undefined : describeZodIssue(parsed.error.issues[0]!);
    expect(parsed.success, `${where} example "${name}" does not validate: ${first?.field} — ${first?.problem}`).to.equal(true);
  }
  return examples.length;
}

describe('openapi.json', () => {
  before(async () => {
    const response = await fetch('/openapi.json');
    expect(response.ok, 'openapi.json is served from the repository root').to.equal(true);
    doc = (await response.json()) as Json;
  });

  it('is an OpenAPI 3.1 document', () => {
    expect(doc['openapi']).to.match(/^3\.1\.\d+$/);
    expect((doc['info'] as Json)['title']).to.be.a('string');
  });

  it('components.schemas are exactly what src/backend/schemas.ts generates (run test/backend/sync-openapi.ts after a change)', () => {
    expect((doc['components'] as Json)['schemas']).to.deep.equal(wireComponents());
  });

  it('documents every LmsBackend operation once, with RestBackend\'s method and path', () => {
    const documented = operations();
    for (const operation of OPERATIONS) {
      const found = documented.filter((o) => o.body['operationId'] === operation);
      expect(found, `${operation} is documented once`).to.have.length(1);
      const route = REST_ROUTES[operation];
      expect(`${found[0]!.method} ${found[0]!.path}`, operation).to.equal(`${route.method} ${route.path}`);
    }
    const unknown = documented.map((o) => String(o.body['operationId'])).filter((id) => !OPERATIONS.includes(id as BackendOperation));
    expect(unknown, 'operations the client does not have').to.deep.equal([]);
  });

  it('declares the parameters the client sends: path parameters, query parameters, the Idempotency-Key header', () => {
    for (const { path, body } of operations()) {
      const operation = body['operationId'] as BackendOperation;
      const parameters = ((body['parameters'] as unknown[] | undefined) ?? []).map(resolve);
      const named = (where: string) => parameters.filter((p) => p['in'] === where).map((p) => String(p['name']));
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      expect(named('path'), `${operation} path parameters`).to.deep.equal(inPath);
      expect(named('query'), `${operation} query parameters`).to.deep.equal([...(REST_ROUTES[operation].query ?? [])]);
      expect(named('header'), `${operation} header parameters`).to.deep.equal(operation === 'commitUpload' ? ['Idempotency-Key'] : []);
    }
  });

  it('every example of every request and response validates against its zod schema', () => {
    let checked = 0;
    for (const { method, path, body } of operations()) {
      const requestBody = body['requestBody'] ? resolve(body['requestBody']) : undefined;
      if (requestBody) {
        const media = (requestBody['content'] as Record<string, Json>)['application/json']!;
        const count = checkExamples(media, `${method} ${path} request`);
        expect(count, `${method} ${path} request has an example`).to.be.at.least(1);
        checked += count;
      }
      for (const [status, raw] of Object.entries(body['responses'] as Json)) {
        const response = resolve(raw);
        const content = response['content'] as Record<string, Json> | undefined;
        const where = `${method} ${path} ${status}`;
        if (!content) {
          expect(status, `${where} has no body, so must be 204`).to.equal('204');
          continue;
        }
        if (status.startsWith('2')) {
          const count = checkExamples(content['application/json']!, where);
          expect(count, `${where} has an example`).to.be.at.least(1);
          checked += count;
        } else {
          const media = content['application/problem+json'];
          expect(media, `${where} is application/problem+json`).to.not.equal(undefined);
          expect(checkExamples(media!, where), `${where} has an example`).to.be.at.least(1);
          for (const example of Object.values(media!['examples'] as Record<string, Json>)) {
            expect((resolve(example)['value'] as Json)['status'], `${where} example status`).to.equal(Number(status));
          }
          checked += 1;
        }
      }
    }
    expect(checked).to.be.at.least(40);
  });

  it('409/422 answers of the upload operations show per-row issues in at least one example', () => {
    const commit = operations().find((o) => o.body['operationId'] === 'commitUpload')!;
    const conflict = resolve((commit.body['responses'] as Json)['409']);
    const examples = ((conflict['content'] as Record<string, Json>)['application/problem+json']!['examples'] as Record<string, Json>);
    const withIssues = Object.values(examples).filter((e) => ((resolve(e)['value'] as Json)['issues'] as unknown[] | undefined)?.length);
    expect(withIssues.length).to.be.at.least(1);
  });

  it('every $ref in the document resolves', () => {
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.push(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    expect(refs.length).to.be.greaterThan(20);
    for (const ref of refs) expect(() => resolve({ $ref: ref }), ref).to.not.throw();
  });
});
