// The read side of the contract from the database: permissions, categories, activity search, domains and
// the template spec of one (activity, domain, identifier kind) choice.
import type { ActivityPage, ActivityQuery, ActivitySummary, Category, Domain, Permissions, TemplateQuery } from '../../src/backend/types.js';
import type { IdentifierKind, TemplateColumn, TemplateSpec } from '../../src/core/spec.js';
import { fold } from '../../demo/mocks/lms.js';
import type { Queryable } from '../db/database.js';
import { ServerProblem, notFound } from './problem.js';

export interface ActivityRow {
  id: string;
  code: string;
  name: string;
  category_id: string;
  category_name: string;
  kind: string;
  delivery: 'offline' | 'online';
  start_date: string;
  end_date: string | null;
  location: string | null;
  template_version: string | null;
  columns: TemplateColumn[];
  rules: TemplateSpec['rules'];
  existing_record_policy: 'refuse' | 'skip';
  removed_at: Date | null;
}

export interface Contact {
  readonly contactUrl?: string;
  readonly contactEmail?: string;
  /** Shown under the no-access heading when the admin lacks the permission. */
  readonly noAccessReason?: string;
}

const ACTIVITY_COLUMNS = `a.id, a.code, a.name, a.category_id, c.name AS category_name, a.kind, a.delivery, a.start_date, a.end_date,
  a.location, a.template_version, a.columns, a.rules, a.existing_record_policy, a.removed_at`;

export function permissionsFor(canUpload: boolean, contact: Contact): Permissions {
  const links = {
    ...(contact.contactUrl ? { contactUrl: contact.contactUrl } : {}),
    ...(contact.contactEmail ? { contactEmail: contact.contactEmail } : {}),
  };
  return canUpload ? { canUpload: true, ...links } : { canUpload: false, ...(contact.noAccessReason ? { reason: contact.noAccessReason } : {}), ...links };
}

export async function listCategories(db: Queryable): Promise<Category[]> {
  const { rows } = await db.query<Category>(
    `SELECT c.id, c.name FROM categories c
     WHERE EXISTS (SELECT 1 FROM activities a WHERE a.category_id = c.id AND a.delivery = 'offline' AND a.removed_at IS NULL)
     ORDER BY c.position, c.name`,
  );
  return rows;
}

function summary(row: ActivityRow): ActivitySummary {
  return {
    id: row.id,
    name: row.name,
    categoryId: row.category_id,
    categoryName: row.category_name,
    code: row.code,
    startDate: row.start_date,
    ...(row.end_date ? { endDate: row.end_date } : {}),
    ...(row.location ? { location: row.location } : {}),
  };
}

/** Offline activities only; every word of `text` must appear in the name, code or location (case and accents ignored). */
export async function searchActivities(db: Queryable, query: ActivityQuery): Promise<ActivityPage> {
  const offset = query.offset ?? 0;
  const limit = Math.min(query.limit ?? 20, 100);
  const { rows } = await db.query<ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activities a JOIN categories c ON c.id = a.category_id
     WHERE a.delivery = 'offline' AND a.removed_at IS NULL AND ($1::text IS NULL OR a.category_id = $1)`,
    [query.categoryId ?? null],
  );
  // Accent folding and the ordering by name are done here, as the demo LMS does them, so both answer alike
  // (PostgreSQL would need the unaccent extension and an ICU collation to match).
  const words = fold(query.text ?? '').split(/\s+/).filter(Boolean);
  const matches = rows
    .filter((x) => {
      const haystack = fold(`${x.name} ${x.code} ${x.location ?? ''}`);
      return words.every((w) => haystack.includes(w));
    })
    .sort((p, q) => p.name.localeCompare(q.name, 'en'));
  return { items: matches.slice(offset, offset + limit).map(summary), total: matches.length, offset, limit };
}

/** An activity whatever its state (for the commit's re-check), or undefined. */
export async function findActivity(db: Queryable, activityId: string): Promise<ActivityRow | undefined> {
  const { rows } = await db.query<ActivityRow>(`SELECT ${ACTIVITY_COLUMNS} FROM activities a JOIN categories c ON c.id = a.category_id WHERE a.id = $1`, [activityId]);
  return rows[0];
}

export async function offlineActivity(db: Queryable, activityId: string): Promise<ActivityRow> {
  const activity = await findActivity(db, activityId);
  if (!activity || activity.removed_at || activity.delivery === 'online') {
    throw notFound(
      'activity-not-found',
      'Activity not found',
      activity && !activity.removed_at ? `${activity.name} is an online activity; its records are made in the LMS, not uploaded.` : `There is no offline activity ${activityId} in the LMS. It may have been removed.`,
    );
  }
  return activity;
}

export async function getActivity(db: Queryable, activityId: string): Promise<ActivitySummary> {
  return summary(await offlineActivity(db, activityId));
}

interface KindRow {
  domain_id: string;
  domain_name: string;
  kind: string;
  label: string;
  pattern: string | null;
  pattern_hint: string | null;
  example: string | null;
  help: string | null;
}

async function kindRows(db: Queryable, domainId?: string): Promise<KindRow[]> {
  const { rows } = await db.query<KindRow>(
    `SELECT d.id AS domain_id, d.name AS domain_name, k.kind, k.label, k.pattern, k.pattern_hint, k.example, k.help
     FROM domains d JOIN domain_identifier_kinds k ON k.domain_id = d.id
     WHERE $1::text IS NULL OR d.id = $1
     ORDER BY d.position, d.name, k.position`,
    [domainId ?? null],
  );
  return rows;
}

function identifierKind(row: KindRow): IdentifierKind {
  return {
    key: row.kind,
    label: row.label,
    ...(row.pattern !== null ? { pattern: row.pattern } : {}),
    ...(row.pattern_hint !== null ? { patternHint: row.pattern_hint } : {}),
    ...(row.example !== null ? { example: row.example } : {}),
  };
}

export async function listDomains(db: Queryable): Promise<Domain[]> {
  const domains = new Map<string, Domain & { identifierKinds: IdentifierKind[] }>();
  for (const row of await kindRows(db)) {
    const domain = domains.get(row.domain_id) ?? { id: row.domain_id, name: row.domain_name, identifierKinds: [] };
    domain.identifierKinds.push(identifierKind(row));
    domains.set(row.domain_id, domain);
  }
  return [...domains.values()];
}

export async function domainName(db: Queryable, domainId: string): Promise<string> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM domains WHERE id = $1', [domainId]);
  if (!rows[0]) throw notFound('domain-not-found', 'Domain not found', `There is no user domain ${domainId} in the LMS.`);
  return rows[0].name;
}

/** The template for one choice: the identifier column (from the domain's kind) first, then the activity's columns. */
export async function templateSpec(db: Queryable, query: TemplateQuery, activity?: ActivityRow): Promise<TemplateSpec> {
  const act = activity ?? (await offlineActivity(db, query.activityId));
  const name = await domainName(db, query.domainId);
  const kinds = await kindRows(db, query.domainId);
  const kind = kinds.find((k) => k.kind === query.identifierKind);
  if (!kind) {
    throw new ServerProblem(
      404,
      'identifier-not-offered',
      'Identifier not offered',
      `The domain ${name} does not identify users by "${query.identifierKind}". Choose one of: ${kinds.map((k) => k.label).join(', ')}.`,
    );
  }
  const idKind = identifierKind(kind);
  return {
    version: act.template_version ?? 'none',
    activity: {
      id: act.id,
      name: act.name,
      categoryId: act.category_id,
      categoryName: act.category_name,
      startDate: act.start_date,
      ...(act.end_date ? { endDate: act.end_date } : {}),
    },
    domain: { id: query.domainId, name },
    identifierKind: idKind,
    columns: [
      {
        key: 'identifier',
        header: idKind.label,
        type: 'identifier',
        required: true,
        ...(kind.help !== null ? { help: kind.help } : {}),
        ...(idKind.example !== undefined ? { example: idKind.example } : {}),
      },
      ...act.columns,
    ],
    rules: { ...act.rules, existingRecords: act.existing_record_policy },
  };
}
