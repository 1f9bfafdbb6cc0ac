// The template spec's rules across fields (the identifier column first and only once, keys and headers
// unique, choices for a choice column), with no zod: spec.ts's TemplateSpec schema applies them, and so
// does the REST client's zod-free check of the spec it receives (backend/answers.ts).

/** The fields of a template spec the cross-field rules read. */
interface SpecColumns {
  readonly columns: readonly { readonly key: string; readonly header: string; readonly type: string; readonly choices?: readonly string[] }[];
}

/** A broken rule: where in the spec, and what is wrong (developer's words, for the LMS's support). */
export interface SpecProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** How headers are compared: case, surrounding spaces, inner runs of spaces and a trailing `*` ignored. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .replace(/\s*\*\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('en');
}

/** Every cross-field rule the spec breaks, in the order the columns are read (empty: none). */
export function templateSpecProblems(spec: SpecColumns): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const first = spec.columns[0];
  if (!first || first.type !== 'identifier') {
    problems.push({ path: ['columns', 0, 'type'], message: 'the first column must be the identifier column' });
  }
  const ids = spec.columns.filter((c) => c.type === 'identifier');
  if (ids.length !== 1) problems.push({ path: ['columns'], message: 'exactly one identifier column is expected' });
  const keys = new Set<string>();
  const headers = new Set<string>();
  spec.columns.forEach((column, i) => {
    if (keys.has(column.key)) problems.push({ path: ['columns', i, 'key'], message: `duplicate key ${column.key}` });
    keys.add(column.key);
    const h = normaliseHeader(column.header);
    if (headers.has(h)) problems.push({ path: ['columns', i, 'header'], message: `duplicate header ${column.header}` });
    headers.add(h);
    if (column.type === 'choice' && !column.choices) problems.push({ path: ['columns', i, 'choices'], message: 'a choice column needs choices' });
  });
  return problems;
}
