// The demo LMS's seed data: categories, offline (and online) activities, three user domains, ~2,450 users
// and existing records. Deterministic (a seeded PRNG), so tests and screenshots see the same world.
import type { Category, Domain } from '../../src/backend/types.js';
import type { ExistingRecordPolicy, IdentifierKind, TemplateColumn, TemplateSpec } from '../../src/core/spec.js';

/** mulberry32: small, fast, good enough for demo data, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type ActivityKind = 'classroom' | 'assessment' | 'practical' | 'online';

export interface LmsActivity {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly categoryId: string;
  readonly kind: ActivityKind;
  readonly startDate: string;
  readonly endDate?: string;
  readonly location?: string;
  /** What a row the LMS already has a record for gets: an issue (`refuse`, the default) or left unchanged (`skip`). */
  readonly existingRecords?: ExistingRecordPolicy;
}

export interface LmsUser {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly username: string;
  /** Employees only: `E` followed by 6 digits. */
  readonly employeeId?: string;
  readonly domainIds: readonly string[];
  readonly active: boolean;
}

export interface LmsRecord {
  readonly id: string;
  readonly activityId: string;
  readonly userId: string;
  /** Completion date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly values: Readonly<Record<string, string | number | null>>;
  /** The upload that created it; absent for records that were in the LMS before the demo started. */
  readonly uploadId?: string;
  readonly createdAt: string;
}

export const CATEGORIES: readonly Category[] = [
  { id: 'cat-hse', name: 'Health & Safety' },
  { id: 'cat-ops', name: 'Operations' },
  { id: 'cat-compliance', name: 'Compliance & Ethics' },
  { id: 'cat-leadership', name: 'Leadership & Management' },
  { id: 'cat-it', name: 'IT & Information Security' },
  { id: 'cat-customer', name: 'Customer Service' },
];

const a = (
  id: string,
  code: string,
  name: string,
  categoryId: string,
  kind: ActivityKind,
  startDate: string,
  endDate: string | undefined,
  location: string | undefined,
  existingRecords?: ExistingRecordPolicy,
): LmsActivity => ({
  id,
  code,
  name,
  categoryId,
  kind,
  startDate,
  ...(endDate ? { endDate } : {}),
  ...(location ? { location } : {}),
  ...(existingRecords ? { existingRecords } : {}),
});

/**
 * 34 offline activities (classroom sessions, assessments, practical courses) and 6 online ones. Every one
 * refuses a record it already has, except CMP-301, which skips it (`existingRecords: 'skip'`).
 */
export const ACTIVITIES: readonly LmsActivity[] = [
  a('act-hse-101', 'HSE-101', 'Fire Safety Induction', 'cat-hse', 'classroom', '2024-01-08', undefined, 'Leeds – Training Room 2'),
  a('act-hse-102', 'HSE-102', 'Working at Height Awareness', 'cat-hse', 'classroom', '2024-03-04', '2026-12-31', 'Bristol Depot'),
  a('act-hse-110', 'HSE-110', 'First Aid at Work (3-day)', 'cat-hse', 'practical', '2024-02-12', undefined, 'Manchester – Site Office'),
  a('act-hse-115', 'HSE-115', 'Manual Handling Practical', 'cat-hse', 'practical', '2025-01-13', undefined, 'Leeds Warehouse'),
  a('act-hse-120', 'HSE-120', 'COSHH Risk Assessment', 'cat-hse', 'assessment', '2024-09-02', '2026-09-30', 'Birmingham Hub'),
  a('act-hse-130', 'HSE-130', 'Confined Space Entry Certification', 'cat-hse', 'assessment', '2025-04-07', undefined, 'Aberdeen Training Centre'),
  a('act-hse-140', 'HSE-140', 'Emergency Evacuation Drill – Q3 2025', 'cat-hse', 'classroom', '2025-07-01', '2025-09-30', 'All sites'),
  a('act-hse-150', 'HSE-150', 'Fire Warden Training 2027', 'cat-hse', 'classroom', '2027-01-11', '2027-06-30', 'Leeds – Training Room 2'),
  a('act-ops-201', 'OPS-201', 'Forklift Operator Assessment', 'cat-ops', 'assessment', '2025-06-01', '2027-12-31', 'Leeds Warehouse'),
  a('act-ops-205', 'OPS-205', 'Forklift Refresher Practical', 'cat-ops', 'practical', '2024-05-06', undefined, 'Leeds Warehouse'),
  a('act-ops-210', 'OPS-210', 'Lean Fundamentals Workshop', 'cat-ops', 'classroom', '2024-10-14', undefined, 'Sheffield Plant'),
  a('act-ops-215', 'OPS-215', 'Lockout/Tagout Practical', 'cat-ops', 'practical', '2025-02-03', undefined, 'Sheffield Plant'),
  a('act-ops-220', 'OPS-220', 'Quality Inspection Sign-off', 'cat-ops', 'assessment', '2024-11-04', undefined, 'Coventry QA Lab'),
  a('act-ops-230', 'OPS-230', 'Warehouse Safety Walk', 'cat-ops', 'classroom', '2026-01-12', undefined, 'Leeds Warehouse'),
  a('act-ops-240', 'OPS-240', 'Reach Truck Practical', 'cat-ops', 'practical', '2026-03-02', undefined, 'Bristol Depot'),
  // A yearly briefing whose attendance lists are re-sent whole: rows the LMS already has are left unchanged.
  a('act-cmp-301', 'CMP-301', 'Anti-Bribery Briefing', 'cat-compliance', 'classroom', '2024-01-15', undefined, 'London HQ – Board Room', 'skip'),
  a('act-cmp-305', 'CMP-305', 'GDPR in Practice Workshop', 'cat-compliance', 'classroom', '2024-06-03', undefined, 'London HQ'),
  a('act-cmp-310', 'CMP-310', 'Anti-Money Laundering Assessment', 'cat-compliance', 'assessment', '2025-01-06', '2026-12-31', 'London HQ'),
  a('act-cmp-315', 'CMP-315', 'Code of Conduct Town Hall', 'cat-compliance', 'classroom', '2025-03-20', '2025-03-20', 'Manchester Central'),
  a('act-cmp-320', 'CMP-320', 'Export Controls Certification', 'cat-compliance', 'assessment', '2025-09-01', undefined, 'Glasgow Office'),
  a('act-ldr-401', 'LDR-401', 'New Manager Bootcamp', 'cat-leadership', 'classroom', '2024-02-05', undefined, 'Birmingham Hub'),
  a('act-ldr-405', 'LDR-405', 'Coaching Conversations Practice', 'cat-leadership', 'practical', '2024-09-16', undefined, 'Leeds – Training Room 1'),
  a('act-ldr-410', 'LDR-410', 'Leading Through Change', 'cat-leadership', 'classroom', '2025-05-12', undefined, 'London HQ'),
  a('act-ldr-415', 'LDR-415', 'Difficult Conversations Role-play', 'cat-leadership', 'practical', '2025-10-06', undefined, 'Manchester Central'),
  a('act-ldr-420', 'LDR-420', 'Leadership Assessment Centre', 'cat-leadership', 'assessment', '2026-02-09', undefined, 'Birmingham Hub'),
  a('act-it-501', 'IT-501', 'Phishing Awareness Session', 'cat-it', 'classroom', '2024-04-08', undefined, 'London HQ'),
  a('act-it-505', 'IT-505', 'Secure Coding Lab', 'cat-it', 'practical', '2024-11-18', undefined, 'Cambridge Dev Centre'),
  a('act-it-510', 'IT-510', 'Information Security Assessment', 'cat-it', 'assessment', '2025-02-17', undefined, 'Cambridge Dev Centre'),
  a('act-it-515', 'IT-515', 'Incident Response Tabletop Exercise', 'cat-it', 'practical', '2025-08-11', undefined, 'London HQ – Security Operations Centre'),
  a('act-it-520', 'IT-520', 'Cloud Security Fundamentals', 'cat-it', 'classroom', '2026-04-20', undefined, 'Cambridge Dev Centre'),
  a('act-cs-601', 'CS-601', 'Customer Care Essentials', 'cat-customer', 'classroom', '2024-03-11', undefined, 'Bristol Contact Centre'),
  a('act-cs-605', 'CS-605', 'Complaint Handling Assessment', 'cat-customer', 'assessment', '2025-03-03', undefined, 'Bristol Contact Centre'),
  a('act-cs-610', 'CS-610', 'De-escalation Skills Practical', 'cat-customer', 'practical', '2025-06-16', undefined, 'Glasgow Office'),
  a('act-cs-615', 'CS-615', 'Accessibility Awareness Workshop', 'cat-customer', 'classroom', '2026-06-01', '2026-12-18', 'Leeds – Training Room 2'),
  // Online activities: completed inside the LMS, so never offered for offline upload.
  a('act-hse-e01', 'HSE-E01', 'Fire Safety Induction (e-learning)', 'cat-hse', 'online', '2023-01-02', undefined, undefined),
  a('act-ops-e01', 'OPS-E01', 'Lean Basics Video Course', 'cat-ops', 'online', '2023-05-01', undefined, undefined),
  a('act-cmp-e01', 'CMP-E01', 'Anti-Bribery e-Learning', 'cat-compliance', 'online', '2023-01-02', undefined, undefined),
  a('act-ldr-e01', 'LDR-E01', 'Leadership Essentials Online Course', 'cat-leadership', 'online', '2023-09-04', undefined, undefined),
  a('act-it-e01', 'IT-E01', 'Phishing Awareness e-Learning', 'cat-it', 'online', '2023-02-06', undefined, undefined),
  a('act-cs-e01', 'CS-E01', 'Customer Care e-Learning', 'cat-customer', 'online', '2023-03-06', undefined, undefined),
];

export const IDENTIFIER_KINDS = {
  email: {
    key: 'email',
    label: 'Email',
    pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
    patternHint: 'an e-mail address such as name@example.com',
    example: 'jane.doe@northwind.example',
  },
  employeeId: {
    key: 'employeeId',
    label: 'Employee number',
    pattern: '^E\\d{6}$',
    patternHint: 'E followed by 6 digits',
    example: 'E004217',
  },
  username: {
    key: 'username',
    label: 'Username',
    pattern: '^[a-z][a-z0-9._-]{2,31}$',
    patternHint: '3–32 lower-case letters, digits, dots, dashes or underscores, starting with a letter',
    example: 'jdoe',
  },
} as const satisfies Record<string, IdentifierKind>;

export const DOMAINS: readonly Domain[] = [
  { id: 'dom-employees', name: 'Employees', identifierKinds: [IDENTIFIER_KINDS.email, IDENTIFIER_KINDS.employeeId] },
  { id: 'dom-contractors', name: 'Contractors', identifierKinds: [IDENTIFIER_KINDS.username] },
  { id: 'dom-partners', name: 'Partners', identifierKinds: [IDENTIFIER_KINDS.email] },
];

// ── Template specs, one shape per kind of offline activity ─────────────────────────────────────────

/** Bumped whenever a kind's columns change, so an old template is recognised as outdated. */
export const TEMPLATE_VERSIONS = { classroom: 'classroom-3', assessment: 'assessment-5', practical: 'practical-2' } as const;

const COLUMNS: Record<Exclude<ActivityKind, 'online'>, readonly TemplateColumn[]> = {
  classroom: [
    { key: 'completionDate', header: 'Completion date', type: 'date', required: true, help: 'The day the learner attended the session.', example: '2026-03-14' },
    { key: 'status', header: 'Status', type: 'choice', required: true, choices: ['Attended', 'Completed'], help: 'Completed when the learner stayed to the end and signed the register.', example: 'Completed' },
    { key: 'trainer', header: 'Trainer', type: 'text', required: false, maxLength: 100, example: 'Sam Lee' },
    { key: 'comments', header: 'Comments', type: 'text', required: false, maxLength: 500 },
  ],
  assessment: [
    { key: 'completionDate', header: 'Assessment date', type: 'date', required: true, help: 'The day the assessment was taken.', example: '2026-04-02' },
    { key: 'score', header: 'Score', type: 'number', required: true, min: 0, max: 100, help: 'Percentage, 0–100. Pass mark 70.', example: 82.5 },
    { key: 'status', header: 'Result', type: 'choice', required: true, choices: ['Passed', 'Failed'], help: 'Passed needs a score of at least 70.', example: 'Passed' },
    { key: 'expiryDate', header: 'Certificate expiry', type: 'date', required: false, help: 'Leave empty to use 24 months after the assessment.' },
  ],
  practical: [
    { key: 'completionDate', header: 'Completion date', type: 'date', required: true, help: 'The last day of the practical course.', example: '2026-05-20' },
    { key: 'hours', header: 'Hours', type: 'integer', required: true, min: 1, max: 40, help: 'Whole hours of supervised practice, 1–40.', example: 8 },
    { key: 'status', header: 'Status', type: 'choice', required: true, choices: ['Completed', 'Not completed'], example: 'Completed' },
    { key: 'location', header: 'Location', type: 'text', required: false, maxLength: 80, help: 'Where the practice took place, when not at the usual site.' },
  ],
};

/** The template spec for one choice; the identifier column comes first, named after the kind's label. */
export function templateSpecFor(activity: LmsActivity, domain: Domain, kind: IdentifierKind, categoryName?: string): TemplateSpec {
  if (activity.kind === 'online') throw new Error(`${activity.id} is an online activity`);
  const identifierHelp =
    kind.key === 'email'
      ? `The learner's e-mail address in the ${domain.name} domain.`
      : kind.key === 'employeeId'
        ? 'The learner\'s employee number, as on their badge: E followed by 6 digits.'
        : `The learner's ${domain.name.toLowerCase()} username in the LMS.`;
  return {
    version: TEMPLATE_VERSIONS[activity.kind],
    activity: {
      id: activity.id,
      name: activity.name,
      categoryId: activity.categoryId,
      ...(categoryName ? { categoryName } : {}),
      startDate: activity.startDate,
      ...(activity.endDate ? { endDate: activity.endDate } : {}),
    },
    domain: { id: domain.id, name: domain.name },
    identifierKind: { ...kind },
    columns: [
      { key: 'identifier', header: kind.label, type: 'identifier', required: true, help: identifierHelp, ...(kind.example ? { example: kind.example } : {}) },
      ...COLUMNS[activity.kind],
    ],
    rules: {
      ...(activity.kind === 'assessment'
        ? { scoreRequired: true, passMark: 70, expiryMonths: 24, allowFutureDates: false }
        : { scoreRequired: false, allowFutureDates: false }),
      existingRecords: activity.existingRecords ?? 'refuse',
    },
  };
}

// ── Users ───────────────────────────────────────────────────────────────────────────────────────────

const FIRST = [
  'Amelia', 'Oliver', 'Isla', 'George', 'Ava', 'Noah', 'Mia', 'Arthur', 'Ivy', 'Leo', 'Freya', 'Oscar', 'Lily', 'Harry',
  'Grace', 'Jack', 'Sophia', 'Charlie', 'Emily', 'Thomas', 'Priya', 'Arjun', 'Aisha', 'Mohammed', 'Fatima', 'Yusuf', 'Chen',
  'Mei', 'Wei', 'Hiroshi', 'Yuki', 'Sofia', 'Mateo', 'Lucía', 'Diego', 'Camille', 'Lucas', 'Chloé', 'Hugo', 'Anna', 'Jonas',
  'Lena', 'Finn', 'Zofia', 'Jakub', 'Olga', 'Dmitri', 'Niamh', 'Cian', 'Siobhan', 'Kwame', 'Ama', 'Chidi', 'Ngozi', 'Tariq',
  'Leila', 'Rafael', 'Beatriz', 'Erik', 'Ingrid', 'Maya', 'Samuel', 'Hannah', 'Daniel', 'Ella', 'Joseph', 'Ruby', 'William',
];
const LAST = [
  'Hughes', 'Patel', 'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Roberts', 'Khan',
  'Lewis', 'Walker', 'Robinson', 'Wood', 'Thompson', 'White', 'Wright', 'Edwards', 'Green', 'Hall', 'Clarke', 'Jackson',
  'Harris', 'Martin', 'Cooper', 'King', 'Lee', 'Baker', 'Shah', 'Begum', 'Ali', 'Chen', 'Wang', 'Nguyen', 'Kowalski', 'Nowak',
  'Müller', 'Schmidt', 'García', 'Fernández', 'Rossi', 'Bianchi', 'Dubois', 'Moreau', 'O\'Brien', 'Murphy', 'Kelly',
  'Okafor', 'Mensah', 'Adeyemi', 'Sato', 'Tanaka', 'Kim', 'Park', 'Silva', 'Santos', 'Johansson', 'Larsen', 'Novak', 'Ivanova',
  'Fraser', 'Campbell', 'Stewart', 'MacDonald', 'Reid', 'Morgan', 'Hussain', 'Iqbal', 'Mistry', 'Singh', 'Kaur', 'Costa',
];
const PARTNER_FIRMS = ['brightpath-training.example', 'keystone-safety.example', 'orbit-logistics.example', 'harbourview-consulting.example'];

/** Lower-case ASCII: `Lucía O'Brien` → `lucia`, `obrien`. */
function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();
}

function unique(base: string, taken: Set<string>, join = ''): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${join}${n}`;
  taken.add(candidate);
  return candidate;
}

export const USER_COUNTS = { employees: 1800, contractors: 450, partners: 200, employeesAlsoPartners: 60 } as const;

function makeUsers(): LmsUser[] {
  const random = seededRandom(20260314);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const emails = new Set<string>();
  const usernames = new Set<string>();
  const users: LmsUser[] = [];
  // Employee numbers: distinct, scattered over E100000–E999999 like a real HR system's.
  const employeeNumbers = new Set<string>();
  const nextEmployeeId = () => {
    let id: string;
    do id = `E${String(100000 + Math.floor(random() * 900000))}`;
    while (employeeNumbers.has(id));
    employeeNumbers.add(id);
    return id;
  };
  const add = (group: 'employee' | 'contractor' | 'partner', inactiveShare: number) => {
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    const first = ascii(firstName);
    const last = ascii(lastName);
    const host = group === 'employee' ? 'northwind.example' : group === 'contractor' ? 'northwind-contractors.example' : pick(PARTNER_FIRMS);
    const email = `${unique(`${first}.${last}`, emails)}@${host}`;
    const username = unique(group === 'contractor' ? `${first[0]}${last}.ext` : `${first[0]}${last}`, usernames);
    const id = `u-${String(users.length + 1).padStart(5, '0')}`;
    const active = random() >= inactiveShare;
    const domainIds = group === 'employee' ? ['dom-employees'] : group === 'contractor' ? ['dom-contractors'] : ['dom-partners'];
    users.push({
      id,
      firstName,
      lastName,
      email,
      username,
      ...(group === 'employee' ? { employeeId: nextEmployeeId() } : {}),
      domainIds,
      active,
    });
  };
  for (let i = 0; i < USER_COUNTS.employees; i++) add('employee', 0.04);
  for (let i = 0; i < USER_COUNTS.contractors; i++) add('contractor', 0.06);
  for (let i = 0; i < USER_COUNTS.partners; i++) add('partner', 0.05);
  // Some employees are seconded to partner firms and belong to both domains (every 25th, from the 100th).
  let dual = 0;
  for (let i = 100; i < USER_COUNTS.employees && dual < USER_COUNTS.employeesAlsoPartners; i += 25, dual++) {
    const user = users[i]!;
    users[i] = { ...user, domainIds: ['dom-employees', 'dom-partners'] };
  }
  return users;
}

export const USERS: readonly LmsUser[] = makeUsers();

// ── Published demo users and ids: stable, for tests, the demo page and the README ─────────────────────

const activeEmployees = USERS.filter((u) => u.active && u.domainIds.length === 1 && u.domainIds[0] === 'dom-employees');
const inactiveEmployee = USERS.find((u) => !u.active && u.domainIds.includes('dom-employees'))!;
const activeContractors = USERS.filter((u) => u.active && u.domainIds.includes('dom-contractors'));
const inactiveContractor = USERS.find((u) => !u.active && u.domainIds.includes('dom-contractors'))!;
const partnersOnly = USERS.filter((u) => u.active && u.domainIds.length === 1 && u.domainIds[0] === 'dom-partners');
const bothDomains = USERS.find((u) => u.active && u.domainIds.length === 2)!;
const existingRecordUser = activeEmployees[20]!;
const passedAssessmentUser = activeEmployees[21]!;

const person = (u: LmsUser) => ({ id: u.id, name: `${u.firstName} ${u.lastName}`, email: u.email, username: u.username, employeeId: u.employeeId ?? '' });

/**
 * Stable demo facts. Tests rely on these: the first 20 active employees (`employees`) have no records
 * anywhere, so any activity accepts them; `existingRecord` is "already recorded"; `passedAssessment` has
 * passed `act-ops-201`, so another record for it is a conflict.
 */
export const DEMO = {
  categories: { hse: 'cat-hse', operations: 'cat-ops', compliance: 'cat-compliance', leadership: 'cat-leadership', it: 'cat-it', customer: 'cat-customer' },
  domains: { employees: 'dom-employees', contractors: 'dom-contractors', partners: 'dom-partners' },
  activities: {
    /** Classroom, Health & Safety, open since 2024-01-08, no end date. */
    classroom: 'act-hse-101',
    /** Assessment, runs 2025-06-01 to 2027-12-31; score ≥ 70 to pass. */
    assessment: 'act-ops-201',
    /** Practical, open since 2024-02-12. */
    practical: 'act-hse-110',
    /** Classroom that ended on 2025-09-30 (started 2025-07-01). */
    ended: 'act-hse-140',
    /** Classroom held on one day only: 2025-03-20. */
    singleDay: 'act-cmp-315',
    /** Classroom starting 2027-01-11: every date so far is before its start. */
    future: 'act-hse-150',
    /** Online: never offered for offline upload. */
    online: 'act-hse-e01',
    /** Classroom whose existing-record policy is `skip`: rows it already has are left unchanged (see `SKIPPED_RECORD`). */
    skipsExisting: 'act-cmp-301',
  },
  /** The first 20 active employees (only in Employees, no records anywhere). */
  employees: activeEmployees.slice(0, 20).map(person),
  /** The first 10 active contractors (username identifiers, no records anywhere). */
  contractors: activeContractors.slice(0, 10).map(person),
  /** Active users only in Partners: outside the Employees domain. */
  partnersOnly: partnersOnly.slice(0, 5).map(person),
  /** An active user in both Employees and Partners. */
  bothDomains: person(bothDomains),
  inactiveEmployee: person(inactiveEmployee),
  inactiveContractor: person(inactiveContractor),
  /** An address with no user behind it. */
  unknownEmail: 'nobody.here@northwind.example',
  /** Already recorded: this employee attended `act-hse-101` on 2025-03-14. */
  existingRecord: { activityId: 'act-hse-101', date: '2025-03-14', status: 'Completed', ...person(existingRecordUser) },
  /** This employee passed `act-ops-201` on 2025-07-01 with 88: a second record for it is refused as a conflict. */
  passedAssessment: { activityId: 'act-ops-201', date: '2025-07-01', score: 88, ...person(passedAssessmentUser) },
} as const;

// ── Records already in the LMS ────────────────────────────────────────────────────────────────────────

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The day the seed records stop: the demo world's "today" when it was made. */
export const SEED_UNTIL = '2026-10-31';

function makeRecords(): LmsRecord[] {
  const random = seededRandom(424242);
  const published = new Set<string>([...DEMO.employees, ...DEMO.contractors, ...DEMO.partnersOnly].map((p) => p.id));
  published.add(DEMO.bothDomains.id);
  published.add(existingRecordUser.id);
  published.add(passedAssessmentUser.id);
  const pool = USERS.filter((u) => u.active && !published.has(u.id));
  const records: LmsRecord[] = [];
  const push = (activity: LmsActivity, user: LmsUser, date: string, values: Record<string, string | number | null>) => {
    records.push({
      id: `rec-${String(records.length + 1).padStart(6, '0')}`,
      activityId: activity.id,
      userId: user.id,
      date,
      values,
      createdAt: `${date}T17:00:00Z`,
    });
  };
  for (const activity of ACTIVITIES) {
    if (activity.kind === 'online' || activity.startDate > SEED_UNTIL) continue;
    const last = activity.endDate && activity.endDate < SEED_UNTIL ? activity.endDate : SEED_UNTIL;
    const span = daysBetween(activity.startDate, last);
    const count = 25 + Math.floor(random() * 30);
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const user = pool[Math.floor(random() * pool.length)]!;
      if (seen.has(user.id)) continue;
      seen.add(user.id);
      const date = addDays(activity.startDate, Math.floor(random() * (span + 1)));
      const values: Record<string, string | number | null> =
        activity.kind === 'classroom'
          ? { status: random() < 0.8 ? 'Completed' : 'Attended' }
          : activity.kind === 'assessment'
            ? (() => {
                const score = Math.round(50 + random() * 50);
                return { score, status: score >= 70 ? 'Passed' : 'Failed' };
              })()
            : { hours: 4 + Math.floor(random() * 20), status: 'Completed' };
      push(activity, user, date, { identifier: user.email, completionDate: date, ...values });
    }
  }
  const hse101 = ACTIVITIES.find((x) => x.id === DEMO.existingRecord.activityId)!;
  push(hse101, existingRecordUser, DEMO.existingRecord.date, {
    identifier: existingRecordUser.email,
    completionDate: DEMO.existingRecord.date,
    status: DEMO.existingRecord.status,
    trainer: 'Sam Lee',
  });
  const ops201 = ACTIVITIES.find((x) => x.id === DEMO.passedAssessment.activityId)!;
  push(ops201, passedAssessmentUser, DEMO.passedAssessment.date, {
    identifier: passedAssessmentUser.employeeId ?? passedAssessmentUser.email,
    completionDate: DEMO.passedAssessment.date,
    score: DEMO.passedAssessment.score,
    status: 'Passed',
  });
  return records;
}

export const SEED_RECORDS: readonly LmsRecord[] = makeRecords();

/**
 * A record of the skip-policy activity (`DEMO.activities.skipsExisting`) held by an active employee: sent
 * again, its row is labelled `already-recorded` with no issue and left unchanged at commit.
 */
export const SKIPPED_RECORD = (() => {
  const record = SEED_RECORDS.find((r) => {
    const user = USERS.find((u) => u.id === r.userId);
    return r.activityId === DEMO.activities.skipsExisting && user?.active && user.domainIds.length === 1 && user.domainIds[0] === DEMO.domains.employees;
  })!;
  const user = USERS.find((u) => u.id === record.userId)!;
  return { activityId: record.activityId, date: record.date, status: String(record.values['status']), ...person(user) };
})();
