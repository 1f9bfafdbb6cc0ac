// The checks, in the order they run. Each one names the behaviour the contract promises; a failure says
// what was sent and what came back. Names are stable: `--only` picks checks by part of their name.
import {
  ActivityPageSchema,
  ActivitySummarySchema,
  CategoryListSchema,
  CommitResultSchema,
  DomainListSchema,
  DryRunResultSchema,
  PermissionsSchema,
  StagedUploadSchema,
} from '../src/backend/schemas.js';
import { recordsChecksum } from '../src/backend/checksum.js';
import { TemplateSpec as TemplateSpecSchema } from '../src/core/spec.js';
import type { Exchange } from './http.js';
import { expectProblem, expectStatus, fail, notTestable, parse, recordValues } from './kit.js';
import type { Kit } from './kit.js';

export interface Check {
  readonly name: string;
  readonly run: (kit: Kit) => Promise<string | void>;
}

const upload = (id: string) => `/uploads/${encodeURIComponent(id)}`;

/** Every operation with a harmless request, for the authentication checks. */
function everyOperation(kit: Kit): { name: string; method: string; path: string; body?: unknown; query?: Record<string, string> }[] {
  const w = kit.world;
  return [
    { name: 'getPermissions', method: 'GET', path: '/permissions' },
    ...(kit.world.capabilities ? [{ name: 'getCapabilities', method: 'GET', path: '/capabilities' }] : []),
    { name: 'listCategories', method: 'GET', path: '/categories' },
    { name: 'searchActivities', method: 'GET', path: '/activities' },
    { name: 'getActivity', method: 'GET', path: `/activities/${encodeURIComponent(w.activity.id)}` },
    { name: 'listDomains', method: 'GET', path: '/domains' },
    { name: 'getTemplateSpec', method: 'GET', path: '/template-spec', query: { activityId: w.activity.id, domainId: w.domain.id, identifierKind: w.kind } },
    { name: 'stageUpload', method: 'POST', path: '/uploads', body: kit.stageBody(1) },
    { name: 'dryRunChunk', method: 'POST', path: upload('upl-conformance-none') + '/chunks', body: { chunkIndex: 0, records: [{ row: 2, values: {} }] } },
    { name: 'commitUpload', method: 'POST', path: upload('upl-conformance-none') + '/commit', body: { idempotencyKey: 'conformance-anon-key', recordCount: 1, checksum: '0'.repeat(64) } },
    { name: 'discardUpload', method: 'DELETE', path: upload('upl-conformance-none') },
  ];
}

export const CHECKS: readonly Check[] = [
  // ── Reads ─────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'getCapabilities: 200 Capabilities (or 404: nothing declared)',
    run: async (kit) => {
      const caps = kit.world.capabilities;
      if (!caps) return 'nothing declared (404)';
      return Object.entries(caps).map(([k, v]) => `${k} ${String(v)}`).join(', ');
    },
  },
  {
    name: 'getPermissions: 200, Permissions',
    run: async (kit) => {
      const res = await kit.api.call('GET', '/permissions');
      expectStatus(res, 200, 'permissions');
      const p = parse(res, PermissionsSchema, 'permissions');
      return `canUpload ${p.canUpload}`;
    },
  },
  {
    name: 'listCategories: 200, CategoryList; the activity\'s category is listed',
    run: async (kit) => {
      const res = await kit.api.call('GET', '/categories');
      expectStatus(res, 200, 'categories');
      const { items } = parse(res, CategoryListSchema, 'categories');
      if (!items.some((c) => c.id === kit.world.activity.categoryId)) fail(`category ${kit.world.activity.categoryId} of ${kit.world.activity.id} is not listed`);
      return `${items.length} categories`;
    },
  },
  {
    name: 'searchActivities: paging, category and text filters',
    run: async (kit) => {
      const all = await kit.api.call('GET', '/activities', { query: { limit: 100 } });
      expectStatus(all, 200, 'search');
      const page = parse(all, ActivityPageSchema, 'search');
      if (page.items.length > page.total) fail(`a page of ${page.items.length} items claims a total of ${page.total}`);
      if (page.total >= 3) {
        const two = parse(await kit.api.call('GET', '/activities', { query: { offset: 1, limit: 2 } }), ActivityPageSchema, 'search offset 1 limit 2');
        if (two.offset !== 1 || two.limit !== 2 || two.items.length !== 2) fail(`offset 1 limit 2 answered offset ${two.offset}, limit ${two.limit}, ${two.items.length} items`);
        if (two.items[0]!.id !== page.items[1]!.id) fail(`offset 1 starts with ${two.items[0]!.id}, but the second of the full list is ${page.items[1]!.id} (the order must be stable)`);
      }
      const a = kit.world.activity;
      const byCategory = parse(await kit.api.call('GET', '/activities', { query: { categoryId: a.categoryId, limit: 100 } }), ActivityPageSchema, 'search by category');
      if (byCategory.items.some((x) => x.categoryId !== a.categoryId)) fail(`categoryId=${a.categoryId} also returned activities of other categories`);
      if (!byCategory.items.some((x) => x.id === a.id)) fail(`categoryId=${a.categoryId} does not return ${a.id}`);
      const word = a.name.split(/\s+/).find((w) => w.length >= 4) ?? a.name;
      const byText = parse(await kit.api.call('GET', '/activities', { query: { q: word.toUpperCase(), limit: 100 } }), ActivityPageSchema, 'search by text');
      if (!byText.items.some((x) => x.id === a.id)) fail(`q=${word.toUpperCase()} (case ignored) does not find "${a.name}"`);
      return `${page.total} offline activities`;
    },
  },
  {
    name: 'searchActivities: bad paging → 400 problem',
    run: async (kit) => {
      for (const query of [{ limit: '0' }, { limit: '101' }, { limit: 'ten' }, { offset: '-1' }] as Record<string, string>[]) {
        expectProblem(await kit.api.call('GET', '/activities', { query }), 400, `search with ${new URLSearchParams(query)}`);
      }
    },
  },
  {
    name: 'getActivity: 200 for a listed activity, 404 problem for an unknown one',
    run: async (kit) => {
      const a = kit.world.activity;
      const res = await kit.api.call('GET', `/activities/${encodeURIComponent(a.id)}`);
      expectStatus(res, 200, `activity ${a.id}`);
      const got = parse(res, ActivitySummarySchema, `activity ${a.id}`);
      if (got.id !== a.id || got.name !== a.name || got.startDate !== a.startDate) fail(`activity ${a.id} differs from the search's summary`);
      expectProblem(await kit.api.call('GET', '/activities/conformance-no-such-activity'), 404, 'an unknown activity');
    },
  },
  {
    name: 'listDomains: 200, DomainList with identifier kinds',
    run: async (kit) => {
      const res = await kit.api.call('GET', '/domains');
      expectStatus(res, 200, 'domains');
      return `${parse(res, DomainListSchema, 'domains').items.length} domains`;
    },
  },
  {
    name: 'getTemplateSpec: 200 TemplateSpec for the choice; 400 without a parameter; 404 for unknown activity or identifier kind',
    run: async (kit) => {
      const w = kit.world;
      const query = { activityId: w.activity.id, domainId: w.domain.id, identifierKind: w.kind };
      const spec = parse(await kit.api.call('GET', '/template-spec', { query }), TemplateSpecSchema, 'template');
      if (spec.activity.id !== w.activity.id || spec.domain.id !== w.domain.id || spec.identifierKind.key !== w.kind) fail('the template names another activity, domain or identifier than asked for');
      expectProblem(await kit.api.call('GET', '/template-spec', { query: { activityId: w.activity.id, domainId: w.domain.id } }), 400, 'template without identifierKind');
      expectProblem(await kit.api.call('GET', '/template-spec', { query: { ...query, activityId: 'conformance-no-such-activity' } }), 404, 'template for an unknown activity');
      expectProblem(await kit.api.call('GET', '/template-spec', { query: { ...query, identifierKind: 'conformance-no-such-kind' } }), [400, 404], 'template for an identifier kind the domain does not offer');
      return `version ${spec.version}, ${spec.columns.length} columns`;
    },
  },

  // ── Access ────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'no credentials: every operation → 401 problem',
    run: async (kit) => {
      if (kit.options.auth.kind === 'none') notTestable('not testable: the kit was given no --auth, so it cannot tell signed-in from anonymous');
      const wrong: string[] = [];
      for (const op of everyOperation(kit)) {
        const res = await kit.api.call(op.method, op.path, { body: op.body, query: op.query, auth: { kind: 'none' } });
        if (res.status !== 401) wrong.push(`${op.name} answered ${res.status}`);
        else expectProblem(res, 401, `${op.name} without credentials`);
      }
      if (wrong.length > 0) fail(wrong.join('; '));
    },
  },
  {
    name: 'signed in without the permission: canUpload false or 403, and staging → 403',
    run: async (kit) => {
      const other = kit.options.otherAuth;
      if (!other) notTestable('not testable: pass --other-auth with the credentials of a user who may not upload');
      const perm = await kit.api.call('GET', '/permissions', { auth: other });
      if (perm.status === 200) {
        if (parse(perm, PermissionsSchema, 'permissions of the user without the role').canUpload) fail('--other-auth\'s user is told canUpload: true');
      } else expectProblem(perm, 403, 'permissions of the user without the role');
      expectProblem(await kit.api.call('POST', '/uploads', { body: kit.stageBody(1), auth: other }), 403, 'staging by a user without the permission');
    },
  },
  {
    name: 'cookie session: a write without the CSRF header → 403, nothing staged',
    run: async (kit) => {
      const auth = kit.options.auth;
      if (auth.kind !== 'cookie' || !auth.csrf) notTestable('not testable: only with --auth cookie:…;csrf=HEADER:VALUE');
      expectProblem(await kit.api.call('POST', '/uploads', { body: kit.stageBody(1), omitCsrf: true }), 403, 'staging without the CSRF header');
      expectProblem(await kit.api.call('POST', '/uploads', { body: kit.stageBody(1), headers: { [auth.csrf.header]: 'conformance-wrong-token' } }), 403, 'staging with a wrong CSRF token');
    },
  },

  // ── Staging ───────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'stageUpload: 201 StagedUpload; each call a new upload',
    run: async (kit) => {
      const one = await kit.api.call('POST', '/uploads', { body: kit.stageBody(2) });
      expectStatus(one, 201, 'staging');
      const a = parse(one, StagedUploadSchema, 'staging');
      const b = parse(await kit.api.call('POST', '/uploads', { body: kit.stageBody(2) }), StagedUploadSchema, 'staging again');
      if (a.uploadId === b.uploadId) fail('two stagings answered the same uploadId');
      await kit.api.call('DELETE', upload(a.uploadId));
      await kit.api.call('DELETE', upload(b.uploadId));
      return a.expiresAt ? `expires ${a.expiresAt}` : 'no expiresAt';
    },
  },
  {
    name: 'stageUpload: outdated template version → 409 template-outdated',
    run: async (kit) => {
      expectProblem(await kit.api.call('POST', '/uploads', { body: kit.stageBody(1, { templateVersion: `${kit.world.spec.version}-conformance-old` }) }), 409, 'staging with an outdated template', 'template-outdated');
    },
  },
  {
    name: 'stageUpload: unknown activity or domain → 404',
    run: async (kit) => {
      expectProblem(await kit.api.call('POST', '/uploads', { body: kit.stageBody(1, { activityId: 'conformance-no-such-activity' }) }), 404, 'staging for an unknown activity');
      expectProblem(await kit.api.call('POST', '/uploads', { body: kit.stageBody(1, { domainId: 'conformance-no-such-domain' }) }), 404, 'staging for an unknown domain');
    },
  },
  {
    name: 'limits: more records than one upload may hold → 422 too-many-records',
    run: async (kit) => {
      const advertised = kit.world.capabilities?.maxRecordsPerUpload;
      if (advertised !== undefined && kit.options.maxRecords !== undefined && advertised !== kit.options.maxRecords) {
        fail(`the LMS advertises maxRecordsPerUpload ${advertised}, but --max-records says ${kit.options.maxRecords}`);
      }
      const max = advertised ?? kit.options.maxRecords;
      const total = max !== undefined ? max + 1 : 1_000_000_000;
      const res = await kit.api.call('POST', '/uploads', { body: kit.stageBody(total) });
      if (res.status === 201) {
        const id = (res.json as { uploadId?: string }).uploadId;
        if (id) await kit.api.call('DELETE', upload(id));
        fail(`staging ${total.toLocaleString('en')} records was accepted${max === undefined ? ' (the LMS advertises no maxRecordsPerUpload; pass --max-records when it has a lower limit)' : ''}`);
      }
      expectProblem(res, 422, `staging ${total.toLocaleString('en')} records`, 'too-many-records');
      if (max !== undefined) {
        const ok = await kit.api.call('POST', '/uploads', { body: kit.stageBody(max) });
        expectStatus(ok, 201, `staging exactly the limit of ${max} records`);
        await kit.api.call('DELETE', upload((ok.json as { uploadId: string }).uploadId));
      }
      return `refused ${total.toLocaleString('en')}`;
    },
  },
  {
    name: 'malformed input: bodies that do not follow the contract → 400 problem, nothing staged',
    run: async (kit) => {
      const bad: [string, Parameters<Kit['api']['call']>[2]][] = [
        ['a body that is not JSON', { raw: '{"activityId": ', contentType: 'application/json' }],
        ['a JSON array', { body: [] }],
        ['no totalRecords', { body: { ...kit.stageBody(1), totalRecords: undefined } }],
        ['totalRecords 0', { body: kit.stageBody(0) }],
        ['totalRecords 1.5', { body: kit.stageBody(1.5) }],
        ['totalRecords as text', { body: kit.stageBody(1, { totalRecords: '1' }) }],
        ['an empty activityId', { body: kit.stageBody(1, { activityId: '' }) }],
      ];
      for (const [what, options] of bad) expectProblem(await kit.api.call('POST', '/uploads', options), 400, `staging with ${what}`);
    },
  },

  // ── Dry run ───────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'dryRunChunk: labels and issues — create, user-not-found, date-outside-activity, same user and date twice',
    run: async (kit) => {
      const w = kit.world;
      const [p1, p2] = await kit.fresh(2);
      const before = new Date(Date.parse(w.activity.startDate) - 86_400_000).toISOString().slice(0, 10);
      const records = kit.records([
        p1!,
        { identifier: `conformance-nobody-${Date.now()}@example.invalid`.slice(0, w.spec.identifierKind.key === 'email' ? 200 : 30), date: p2!.date },
        { identifier: p2!.identifier, date: before },
        p2!,
        p2!,
      ]);
      const uploadId = await kit.stage(records.length);
      const result = await kit.dryRun(uploadId, 0, records);
      const label = (i: number) => result.rows.find((r) => r.row === records[i]!.row)?.label;
      const issues = (i: number) => result.issues.filter((x) => x.row === records[i]!.row);
      if (label(0) !== 'create') fail(`a fresh record was labelled ${label(0)}`);
      if (label(1) !== 'conflict' || !issues(1).some((x) => x.code === 'user-not-found' && x.columnKey === w.identifierKey)) {
        fail(`an unknown user: expected conflict with user-not-found on column ${w.identifierKey}, got ${label(1)} ${JSON.stringify(issues(1))}`);
      }
      if (label(2) !== 'conflict' || !issues(2).some((x) => x.code === 'date-outside-activity' && x.columnKey === w.dateKey)) {
        fail(`a date before the activity: expected conflict with date-outside-activity on ${w.dateKey}, got ${label(2)} ${JSON.stringify(issues(2))}`);
      }
      if (label(3) !== 'create') fail(`the first of two rows for the same user and date was labelled ${label(3)}`);
      if (label(4) !== 'conflict' || issues(4).length === 0) fail(`the second row for the same user and date: expected conflict with an issue, got ${label(4)}`);
      await kit.api.call('DELETE', upload(uploadId));
    },
  },
  {
    name: 'dryRunChunk: a chunk sent again replaces its rows (commit counts it once)',
    run: async (kit) => {
      const records = kit.records(await kit.fresh(3));
      const uploadId = await kit.stage(3);
      await kit.dryRun(uploadId, 0, records.slice(0, 2));
      await kit.dryRun(uploadId, 0, records.slice(0, 2));
      await kit.dryRun(uploadId, 1, records.slice(2));
      await kit.commit(uploadId, kit.key('resend'), 3, await recordsChecksum(records));
    },
  },
  {
    name: 'dryRunChunk: a row number sent twice → 422 row-repeated; more rows than staged → 422 too-many-rows',
    run: async (kit) => {
      const records = kit.records(await kit.fresh(3));
      const uploadId = await kit.stage(2);
      await kit.dryRun(uploadId, 0, records.slice(0, 1));
      expectProblem(await kit.api.call('POST', upload(uploadId) + '/chunks', { body: { chunkIndex: 1, records: [records[0]] } }), 422, 'a row already sent in chunk 0', 'row-repeated');
      expectProblem(await kit.api.call('POST', upload(uploadId) + '/chunks', { body: { chunkIndex: 1, records: records.slice(1) } }), 422, 'three rows for an upload staged for two', 'too-many-rows');
      await kit.api.call('DELETE', upload(uploadId));
    },
  },
  {
    name: 'dryRunChunk: malformed chunks → 400; unknown upload → 404',
    run: async (kit) => {
      const records = kit.records(await kit.fresh(1));
      const uploadId = await kit.stage(1);
      const path = upload(uploadId) + '/chunks';
      const bad: [string, Parameters<Kit['api']['call']>[2]][] = [
        ['a body that is not JSON', { raw: 'chunk', contentType: 'application/json' }],
        ['no records', { body: { chunkIndex: 0, records: [] } }],
        ['a negative chunkIndex', { body: { chunkIndex: -1, records } }],
        ['row 0', { body: { chunkIndex: 0, records: [{ ...records[0], row: 0 }] } }],
        ['a value that is an object', { body: { chunkIndex: 0, records: [{ row: records[0]!.row, values: { [kit.world.identifierKey]: { x: 1 } } }] } }],
      ];
      for (const [what, options] of bad) expectProblem(await kit.api.call('POST', path, options), 400, `a chunk with ${what}`);
      await kit.dryRun(uploadId, 0, records);
      await kit.api.call('DELETE', upload(uploadId));
      expectProblem(await kit.api.call('POST', upload('upl-conformance-never-staged') + '/chunks', { body: { chunkIndex: 0, records } }), 404, 'a chunk for an upload that never existed', 'upload-not-found');
    },
  },
  {
    name: 'dry run writes nothing: the same records dry-run again (after discard) are still new',
    run: async (kit) => {
      const pairs = await kit.fresh(3);
      const records = kit.records(pairs);
      const { uploadId } = await kit.prepared(records);
      // Not committed: another upload with the same records must still see them as new.
      const again = await kit.labelsNow(pairs);
      if (again.some((l) => l !== 'create')) fail(`records only dry-run (not committed) now read as ${again.join(', ')}`);
      const res = await kit.api.call('DELETE', upload(uploadId));
      expectStatus(res, 204, 'discarding');
      const after = await kit.labelsNow(pairs);
      if (after.some((l) => l !== 'create')) fail(`records of a discarded upload now read as ${after.join(', ')}`);
    },
  },

  // ── Commit ────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'commitUpload: 201 CommitResult; the records now exist (already-recorded)',
    run: async (kit) => {
      const pairs = await kit.fresh(5);
      const records = kit.records(pairs);
      const { uploadId, checksum } = await kit.prepared(records, 2);
      const result = await kit.commit(uploadId, kit.key('commit'), records.length, checksum);
      if (result.activityId !== kit.world.activity.id) fail(`the answer names activity ${result.activityId}`);
      const labels = await kit.labelsNow(pairs);
      if (labels.some((l) => l !== 'already-recorded')) fail(`after the commit the records dry-run as ${labels.join(', ')}, expected already-recorded`);
      return `created ${result.created}`;
    },
  },
  {
    name: 'idempotency: the same key and payload → 200 replayed, same result, nothing more created',
    run: async (kit) => {
      const pairs = await kit.fresh(2);
      const records = kit.records(pairs);
      const { uploadId, checksum } = await kit.prepared(records);
      const key = kit.key('replay');
      const first = await kit.commit(uploadId, key, 2, checksum);
      for (let i = 0; i < kit.api.instances + 1; i++) {
        const res = await kit.commitCall(uploadId, key, 2, checksum);
        expectStatus(res, 200, `replay ${i + 1} of the commit`);
        const again = parse(res, CommitResultSchema, 'the replayed commit');
        if (again.replayed !== true) fail('a replayed commit must say replayed: true');
        if (again.created !== first.created || again.committedAt !== first.committedAt || again.uploadId !== first.uploadId) {
          fail(`the replay answers ${JSON.stringify(again)}, not the first result ${JSON.stringify(first)}`);
        }
      }
      // One upload of the same records under a new key is refused: they exist once.
      const retry = kit.records(pairs);
      const second = await kit.stage(2);
      const labels = await kit.dryRun(second, 0, retry);
      if (labels.rows.some((r) => r.label !== 'already-recorded')) fail('after replays the records do not all read as already-recorded');
      await kit.api.call('DELETE', upload(second));
    },
  },
  {
    name: 'idempotency: the same key with another payload → 422 idempotency-key-reused, nothing created',
    run: async (kit) => {
      const a = kit.records(await kit.fresh(1));
      const bPairs = await kit.fresh(2);
      const b = kit.records(bPairs);
      const first = await kit.prepared(a);
      const key = kit.key('reuse');
      await kit.commit(first.uploadId, key, 1, first.checksum);
      const second = await kit.prepared(b);
      expectProblem(await kit.commitCall(second.uploadId, key, 2, second.checksum), 422, 'the same key for another upload', 'idempotency-key-reused');
      const labels = await kit.labelsNow(bPairs);
      if (labels.some((l) => l !== 'create')) fail(`the refused commit created records: they read as ${labels.join(', ')}`);
      await kit.commit(second.uploadId, kit.key('reuse-fresh'), 2, second.checksum);
    },
  },
  {
    name: 'commitUpload: the same upload under another key → 409 upload-committed',
    run: async (kit) => {
      const records = kit.records(await kit.fresh(1));
      const { uploadId, checksum } = await kit.prepared(records);
      await kit.commit(uploadId, kit.key('once'), 1, checksum);
      expectProblem(await kit.commitCall(uploadId, kit.key('twice'), 1, checksum), 409, 'committing a committed upload with a new key', 'upload-committed');
      expectProblem(await kit.api.call('POST', upload(uploadId) + '/chunks', { body: { chunkIndex: 1, records: kit.records(await kit.fresh(1)) } }), [409, 422], 'a chunk for a committed upload');
    },
  },
  {
    name: 'commitUpload: header and body keys differ, or malformed body → 400, nothing created',
    run: async (kit) => {
      const pairs = await kit.fresh(1);
      const records = kit.records(pairs);
      const { uploadId, checksum } = await kit.prepared(records);
      expectProblem(await kit.commitCall(uploadId, kit.key('body'), 1, checksum, undefined, kit.key('header')), 400, 'Idempotency-Key header ≠ body idempotencyKey');
      expectProblem(await kit.commitCall(uploadId, 'short', 1, checksum), 400, 'a 5-character idempotency key');
      expectProblem(await kit.commitCall(uploadId, kit.key('hex'), 1, checksum.toUpperCase()), 400, 'a checksum in capitals');
      expectProblem(await kit.api.call('POST', upload(uploadId) + '/commit', { raw: '{', contentType: 'application/json' }), 400, 'a commit body that is not JSON');
      const labels = await kit.labelsNow(pairs);
      if (labels[0] !== 'create') fail(`a refused commit created the record (${labels[0]})`);
      await kit.commit(uploadId, kit.key('after-400'), 1, checksum);
    },
  },
  {
    name: 'commitUpload: wrong count or checksum → 422 commit-mismatch, nothing created; right one then commits',
    run: async (kit) => {
      const pairs = await kit.fresh(2);
      const records = kit.records(pairs);
      const { uploadId, checksum } = await kit.prepared(records);
      expectProblem(await kit.commitCall(uploadId, kit.key('count'), 3, checksum), 422, 'a commit naming 3 of 2 records', 'commit-mismatch');
      const other = checksum.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      expectProblem(await kit.commitCall(uploadId, kit.key('sum'), 2, other), 422, 'a commit with another checksum', 'commit-mismatch');
      const labels = await kit.labelsNow(pairs);
      if (labels.some((l) => l !== 'create')) fail(`a refused commit created records (${labels.join(', ')})`);
      await kit.commit(uploadId, kit.key('right'), 2, checksum);
    },
  },
  {
    name: 'commitUpload: not every announced record dry-run → 409 upload-incomplete; unknown upload → 404',
    run: async (kit) => {
      const records = kit.records(await kit.fresh(2));
      const uploadId = await kit.stage(2);
      await kit.dryRun(uploadId, 0, records.slice(0, 1));
      expectProblem(await kit.commitCall(uploadId, kit.key('incomplete'), 1, await recordsChecksum(records.slice(0, 1))), 409, 'committing 1 of 2 announced records', 'upload-incomplete');
      await kit.api.call('DELETE', upload(uploadId));
      expectProblem(await kit.commitCall('upl-conformance-never-staged', kit.key('unknown'), 1, '0'.repeat(64)), 404, 'committing an upload that never existed', 'upload-not-found');
    },
  },
  {
    name: 'atomic commit: one row created meanwhile by another upload → 409 with that row\'s issue, none of the others created',
    run: async (kit) => {
      const [shared, ...rest] = await kit.fresh(4);
      const a = kit.records([shared!]);
      const b = kit.records([rest[0]!, shared!, rest[1]!, rest[2]!]);
      const first = await kit.prepared(a);
      const second = await kit.prepared(b);
      await kit.commit(first.uploadId, kit.key('atomic-a'), 1, first.checksum);
      const problem = expectProblem(await kit.commitCall(second.uploadId, kit.key('atomic-b'), 4, second.checksum), 409, 'committing records one of which now exists');
      if (!problem.issues?.some((i) => i.row === b[1]!.row)) fail(`the 409 names no issue on row ${b[1]!.row}: ${JSON.stringify(problem.issues ?? [])}`);
      const labels = await kit.labelsNow(rest as never);
      if (labels.some((l) => l !== 'create')) fail(`the refused commit created some records: ${labels.join(', ')}`);
    },
  },
  {
    name: 'concurrency: two uploads sharing a record committed at once → exactly one wins, the other creates nothing',
    run: async (kit) => {
      const rounds = 3;
      let spread = 0;
      for (let round = 0; round < rounds; round++) {
        const [shared, onlyA, onlyB] = await kit.fresh(3);
        const a = kit.records([onlyA!, shared!]);
        const b = kit.records([shared!, onlyB!]);
        const ia = 0;
        const ib = kit.api.instances > 1 ? 1 : 0;
        if (ia !== ib) spread++;
        const pa = await kit.prepared(a, 500, ia);
        const pb = await kit.prepared(b, 500, ib);
        const [ra, rb] = await Promise.all([kit.commitCall(pa.uploadId, kit.key('race-a'), 2, pa.checksum, ia), kit.commitCall(pb.uploadId, kit.key('race-b'), 2, pb.checksum, ib)]);
        const statuses = [ra.status, rb.status].sort().join('+');
        if (statuses !== '201+409') fail(`round ${round + 1}: expected one 201 and one 409, got ${ra.status} and ${rb.status} (${[ra, rb].filter((r) => r.status !== 201).map((r) => r.text.slice(0, 160)).join(' | ')})`);
        expectProblem(ra.status === 409 ? ra : rb, 409, 'the losing commit');
        const labels = await kit.labelsNow([onlyA!, onlyB!]);
        const winnerA = ra.status === 201;
        const expected = winnerA ? ['already-recorded', 'create'] : ['create', 'already-recorded'];
        if (labels.join() !== expected.join()) fail(`round ${round + 1}: after the race the records read ${labels.join(', ')}, expected ${expected.join(', ')}`);
      }
      return `${rounds} races${spread ? `, across ${kit.api.instances} instances` : ''}`;
    },
  },
  {
    name: 'concurrency: the same commit sent several times at once → one set of records, every answer the same result',
    run: async (kit) => {
      const pairs = await kit.fresh(3);
      const records = kit.records(pairs);
      const { uploadId, checksum } = await kit.prepared(records);
      const key = kit.key('burst');
      const answers: Exchange[] = await Promise.all(Array.from({ length: 4 }, (_, i) => kit.commitCall(uploadId, key, 3, checksum, i % kit.api.instances)));
      const created = answers.filter((r) => r.status === 201);
      const others = answers.filter((r) => r.status !== 201 && r.status !== 200);
      if (created.length !== 1 && !(created.length === 0 && answers.some((r) => r.status === 200))) {
        fail(`expected exactly one 201 among simultaneous identical commits, got ${answers.map((r) => r.status).join(', ')}`);
      }
      // A request that met the first one in flight may be told to retry (409 or 429 or 503), but never be refused for good.
      for (const r of others) if (![409, 429, 503].includes(r.status)) fail(`a simultaneous identical commit answered ${r.status}: ${r.text.slice(0, 160)}`);
      const final = await kit.commitCall(uploadId, key, 3, checksum);
      expectStatus(final, 200, 'the replay after the burst');
      const result = parse(final, CommitResultSchema, 'the replay after the burst');
      if (result.created !== 3) fail(`the replay says ${result.created} records were created, not 3`);
      return answers.map((r) => r.status).join(', ');
    },
  },

  {
    name: 'existing-record policy skip: a recorded row is labelled without an issue; the commit creates the rest and reports unchanged',
    run: async (kit) => {
      const spec = kit.world.specs.find((x) => x.rules.existingRecords === 'skip');
      if (!spec) notTestable('not testable: no offline activity of this domain declares existingRecords: skip');
      const dateKey = spec.columns.find((c) => c.key === 'completionDate')?.key ?? spec.columns.find((c) => c.type === 'date' && c.required)?.key;
      if (!dateKey) fail(`the template of ${spec.activity.id} has no required date column`);
      const overrides = { activityId: spec.activity.id, templateVersion: spec.version };
      const make = (pairs: readonly { identifier: string; date: string }[]) => pairs.map((p) => ({ row: kit.nextRow(), values: recordValues(spec, dateKey, p) }));
      const run = async (records: ReturnType<typeof make>) => {
        const staged = await kit.api.call('POST', '/uploads', { body: kit.stageBody(records.length, overrides) });
        expectStatus(staged, 201, `staging for ${spec.activity.id}`);
        const id = parse(staged, StagedUploadSchema, 'staging').uploadId;
        const res = await kit.api.call('POST', upload(id) + '/chunks', { body: { chunkIndex: 0, records } });
        expectStatus(res, 200, `dry run for ${spec.activity.id}`);
        return { id, result: parse(res, DryRunResultSchema, 'dry run') };
      };
      // Two pairs with no record for this activity, found by a dry run.
      const probe = make(kit.candidatePairs(spec).slice(0, 50));
      const found = await run(probe);
      await kit.api.call('DELETE', upload(found.id));
      const free = found.result.rows.filter((r) => r.label === 'create').map((r) => probe.find((p) => p.row === r.row)!);
      if (free.length < 2) fail(`found fewer than 2 unused (user, date) pairs for ${spec.activity.id}`);
      const pairOf = (r: (typeof probe)[number]) => ({ identifier: String(r.values[kit.world.identifierKey]), date: String(r.values[dateKey]) });
      const [a, b] = [pairOf(free[0]!), pairOf(free[1]!)];
      const first = make([a]);
      const one = await run(first);
      expectStatus(await kit.commitCall(one.id, kit.key('skip-a'), 1, await recordsChecksum(first)), 201, 'committing the first record');
      const both = make([a, b]);
      const two = await run(both);
      const labelA = two.result.rows.find((r) => r.row === both[0]!.row)?.label;
      const issuesA = two.result.issues.filter((i) => i.row === both[0]!.row);
      if (labelA !== 'already-recorded' || issuesA.length > 0) fail(`a recorded row should be already-recorded with no issue, got ${labelA} ${JSON.stringify(issuesA)}`);
      const res = await kit.commitCall(two.id, kit.key('skip-b'), 2, await recordsChecksum(both));
      expectStatus(res, 201, 'committing a recorded row and a new one');
      const result = parse(res, CommitResultSchema, 'the commit');
      if (result.created !== 1 || result.unchanged !== 1) fail(`expected created 1 and unchanged 1, got created ${result.created}, unchanged ${String(result.unchanged)}`);
      return spec.activity.id;
    },
  },

  // ── Discard ───────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'discardUpload: 204, then the upload is gone (404 for chunks, commit and a second discard)',
    run: async (kit) => {
      const records = kit.records(await kit.fresh(1));
      const { uploadId, checksum } = await kit.prepared(records);
      const res = await kit.api.call('DELETE', upload(uploadId));
      expectStatus(res, 204, 'discarding');
      expectProblem(await kit.api.call('POST', upload(uploadId) + '/chunks', { body: { chunkIndex: 0, records } }), 404, 'a chunk for a discarded upload', 'upload-not-found');
      expectProblem(await kit.commitCall(uploadId, kit.key('discarded'), 1, checksum), 404, 'committing a discarded upload', 'upload-not-found');
      expectProblem(await kit.api.call('DELETE', upload(uploadId)), 404, 'discarding twice', 'upload-not-found');
    },
  },
  {
    name: 'discardUpload: records a commit created stay',
    run: async (kit) => {
      const pairs = await kit.fresh(1);
      const records = kit.records(pairs);
      const { uploadId, checksum } = await kit.prepared(records);
      await kit.commit(uploadId, kit.key('keep'), 1, checksum);
      expectStatus(await kit.api.call('DELETE', upload(uploadId)), [204, 404], 'discarding a committed upload');
      const labels = await kit.labelsNow(pairs);
      if (labels[0] !== 'already-recorded') fail(`after discarding its upload the record reads ${labels[0]}`);
    },
  },

  // ── Transport ─────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'limits: a full chunk of the advertised chunkSize dry-runs and commits',
    run: async (kit) => {
      const size = kit.world.chunkSize;
      const records = kit.records(await kit.fresh(size + 1));
      const { uploadId, checksum } = await kit.prepared(records, size);
      await kit.commit(uploadId, kit.key('full-chunk'), records.length, checksum);
      return `${size} + 1 records in 2 chunks${kit.world.capabilities?.chunkSize ? '' : ' (no chunkSize advertised: 500)'}`;
    },
  },
  {
    name: 'limits: a body over the advertised maxRequestBytes → 413 problem',
    run: async (kit) => {
      const max = kit.world.capabilities?.maxRequestBytes;
      if (max === undefined) notTestable('not testable: the LMS advertises no maxRequestBytes');
      if (max > 64 * 1024 * 1024) notTestable(`not testable: maxRequestBytes ${max} is more than the kit sends (64 MiB)`);
      const uploadId = await kit.stage(1);
      const record = kit.records(await kit.fresh(1))[0]!;
      const padding = 'x'.repeat(max + 1024);
      const body = { chunkIndex: 0, records: [{ ...record, values: { ...record.values, conformancePadding: padding } }] };
      // A server may answer 413 and close the connection before the body is all sent (RFC 9110 §15.5.14);
      // the client then sees a reset instead of the answer. Three tries to read the answer.
      let res: Exchange | undefined;
      let resets = 0;
      while (!res) {
        try {
          res = await kit.api.call('POST', upload(uploadId) + '/chunks', { body });
        } catch (error) {
          if (++resets === 3) fail(`a chunk of ${(max + 1024).toLocaleString('en')} bytes: the connection closed before an answer three times (${error instanceof Error ? error.message : String(error)}); answer 413 and read or drain the body`);
        }
      }
      expectProblem(res, 413, `a chunk of ${(max + 1024).toLocaleString('en')} bytes`);
      await kit.api.call('DELETE', upload(uploadId));
      return `refused over ${max.toLocaleString('en')} bytes${resets ? ` (after ${resets} connection reset${resets > 1 ? 's' : ''})` : ''}`;
    },
  },
  {
    name: 'gzip: a dry-run chunk sent with Content-Encoding: gzip is read like the plain one',
    run: async (kit) => {
      if (!kit.world.capabilities?.acceptsGzip) notTestable('not testable: the LMS does not declare acceptsGzip, so clients send bodies uncompressed');
      const records = kit.records(await kit.fresh(2));
      const uploadId = await kit.stage(2);
      const res = await kit.api.call('POST', upload(uploadId) + '/chunks', { body: { chunkIndex: 0, records }, gzip: true });
      expectStatus(res, 200, 'a gzip chunk');
      const labels = (res.json as { rows?: { label: string }[] }).rows?.map((r) => r.label) ?? [];
      if (labels.join() !== 'create,create') fail(`a gzip chunk of two fresh records answered ${labels.join(', ') || res.text.slice(0, 120)}`);
      await kit.api.call('DELETE', upload(uploadId));
    },
  },
];
