// Types of scripts/docs-tables.mjs for the node test that checks README against the manifest.
export function elementTables(declaration: unknown): string;
export function renderReadme(readme: string, manifest: unknown): string;
export function elementsOf(manifest: unknown): Map<string, unknown>;
