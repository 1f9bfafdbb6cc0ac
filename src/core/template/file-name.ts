// File names we offer for download (template, error report), made from an activity name the LMS chose:
// they must save on Windows, macOS and Linux alike and must not disguise their extension.

/** Characters Windows refuses in a name, plus the path separators of every OS. */
const FORBIDDEN = /[<>:"/\\|?*]/g;
/** C0/C1 controls and the bidirectional/invisible formatting marks that can hide a name's real extension. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
/** Names Windows keeps for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Longest stem we keep from the activity name, in characters (the suffix and extension come on top). */
export const FILE_STEM_MAX = 80;

/**
 * Turns `name` into a stem safe on every OS: forbidden and invisible characters become spaces, runs of
 * spaces collapse, leading/trailing dots and spaces go, at most `max` characters, reserved device names
 * get an underscore after the name. An empty result becomes `fallback`.
 */
export function safeFileStem(name: string, fallback = 'activity', max = FILE_STEM_MAX): string {
  let stem = name.normalize('NFC').replace(INVISIBLE, ' ').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ');
  stem = trimDotsAndSpaces(stem);
  if ([...stem].length > max) stem = trimDotsAndSpaces([...stem].slice(0, max).join(''));
  if (stem === '') stem = fallback;
  // Windows reserves the device name before the first dot too (NUL.txt is NUL): the mark goes there.
  const base = stem.split('.')[0]!;
  if (RESERVED.test(base.trim())) stem = `${base}_${stem.slice(base.length)}`;
  return stem;
}

/** `<safe stem><suffix>.<extension>`, e.g. `Fire Safety Induction - offline records template.xlsx`. */
export function safeFileName(name: string, suffix: string, extension: string, fallback?: string): string {
  return `${safeFileStem(name, fallback)}${suffix}.${extension}`;
}

function trimDotsAndSpaces(text: string): string {
  return text.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}
