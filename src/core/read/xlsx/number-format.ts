// Which number formats make a numeric cell a date: Excel stores dates as serial numbers and only the
// cell's style (styles.xml numFmts + cellXfs) says "this is a date".

/**
 * Built-in format ids that show dates or times (ECMA-376 §18.8.30 and the East Asian ids 27–36, 50–58).
 * 46 is `[h]:mm:ss`, an elapsed duration: a number, like custom `[h]` formats.
 */
const BUILT_IN_DATE_IDS = new Set<number>([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

export function isBuiltInDateFormat(id: number): boolean {
  return BUILT_IN_DATE_IDS.has(id);
}

/**
 * A custom format code shows a date or time of day when, outside quoted text, escapes and brackets, its
 * first section has a d, m, y or h token. Elapsed durations (`[h]:mm`, `[mm]:ss`) are numbers, not dates.
 */
export function isDateFormatCode(code: string): boolean {
  const section = firstSection(code);
  if (/\[(?:h+|m+|s+)\]/i.test(section)) return false;
  const bare = section
    .replace(/"[^"]*"/g, '') // quoted literal text
    .replace(/\\./g, '') // escaped single characters
    .replace(/[_*]./g, '') // padding and fill characters
    .replace(/\[[^\]]*\]/g, '') // colours, conditions, locales ([Red], [<100], [$-409])
    .replace(/General/gi, '');
  return /[dmyh]/i.test(bare);
}

/** The first `;`-separated section (the one for positive numbers), ignoring `;` in quotes or escapes. */
function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i += 1) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\' && !quoted) i += 1;
    else if (ch === ';' && !quoted) return code.slice(0, i);
  }
  return code;
}
