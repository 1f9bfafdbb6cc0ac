// The small localize helper the elements use: picks the message table for a locale, applies a host's
// overrides, fills `{name}` parameters, chooses plural forms and formats numbers, sizes and dates with Intl.
// English is built in — the first screens' words on the first load, the later steps' words with the later
// steps (later-words.ts), the downloaded files' words with the first download (loadFileWords); the other
// languages are separate chunks, loaded when a `lang`/`locale` asks for them.
import type { ErrorReportTexts } from '../core/error-report.js';
import type { Issue, IssueCode, IssueParams } from '../core/issues.js';
import type { DateOrder } from '../core/read/types.js';
import type { DryRunLabel } from '../core/records.js';
import type { TemplateTexts } from '../core/template/texts.js';
import { isolateParams } from './isolate.js';
import type { IssueMessages } from './issues.en.js';
import type { FailureParams, Notice, SessionFailure } from '../session/failures.js';
import type { ChooseScreenKey } from './ui-choose.en.js';
import { uiFirstEn, type FirstScreenKey } from './ui-first.en.js';
import type { Message, PluralMessage, UiMessages } from './ui.en.js';

export interface Translation {
  readonly ui: UiMessages;
  readonly issues: IssueMessages;
  /** The template's words (English when absent). */
  readonly template?: TemplateTexts;
  /** The issues report's words (English when absent). */
  readonly report?: ErrorReportTexts;
}

/** Keys of plain and plural messages (not the nested `kinds` / `labels` tables). */
export type MessageKey = Exclude<keyof UiMessages, 'kinds' | 'labels' | 'failures' | 'notices'>;
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * What a host may override through the elements' `messages` property: any message, any kind or label,
 * and any issue message (a function of the issue's params).
 */
export type MessageOverrides = { readonly [K in MessageKey]?: UiMessages[K] | string } & {
  readonly kinds?: Partial<UiMessages['kinds']>;
  readonly labels?: Partial<UiMessages['labels']>;
  readonly failures?: Partial<UiMessages['failures']>;
  readonly notices?: Partial<UiMessages['notices']>;
  readonly issues?: Partial<IssueMessages>;
  readonly template?: Partial<TemplateTexts>;
  readonly report?: Partial<ErrorReportTexts>;
  /** @deprecated Renamed `identifierKindLabel` in 2.0; still honoured. */
  readonly identifierLabel?: string;
  /** @deprecated Renamed `identifierKindHint` in 2.0; still honoured. */
  readonly identifierHint?: string;
  /** @deprecated Renamed `identifierKindNone` in 2.0; still honoured. */
  readonly identifierNone?: string;
};

/** Override keys renamed when the kind's label became `identifierKind…`: a host's old key still applies. */
const RENAMED_KEYS = { identifierLabel: 'identifierKindLabel', identifierHint: 'identifierKindHint', identifierNone: 'identifierKindNone' } as const;

/** A host's overrides with renamed keys moved to their current name (the current name wins when both are set). */
function currentOverrides(overrides: MessageOverrides): MessageOverrides {
  const renamed = Object.entries(RENAMED_KEYS).filter(([old, key]) => overrides[old as keyof typeof RENAMED_KEYS] !== undefined && overrides[key] === undefined);
  if (renamed.length === 0) return overrides;
  return { ...overrides, ...Object.fromEntries(renamed.map(([old, key]) => [key, overrides[old as keyof typeof RENAMED_KEYS]])) };
}

/**
 * English as loaded so far: the first screens' words, completed in place by `useLaterWords` when the
 * later steps load (so every Localizer already made has them too). Until then a later step's key has no
 * words (`t` gives '' and says so on the console) and an issue reads in the core's English message.
 */
const englishUi: { -readonly [K in keyof UiMessages]?: K extends 'failures' ? Partial<UiMessages[K]> : UiMessages[K] } = { ...uiFirstEn };
const englishIssues: Partial<IssueMessages> = {};
const english: Translation = { ui: englishUi as UiMessages, issues: englishIssues as IssueMessages };
let englishComplete = false;

/** A language's words of the downloaded files: the template's and the issues report's. */
export interface FileWords {
  readonly template: TemplateTexts;
  readonly report: ErrorReportTexts;
}

/** English's files' words (files.en.ts), once loadFileWords() loaded them: no page needs them before a download. */
let englishFiles: FileWords | undefined;

/** The tables made from a shipped language's chunks (not a host's registerTranslation): their files' words come apart. */
const shipped = new WeakSet<Translation>();

/** A shipped language's first chunk (locales/fr.ts): the first screens' words, the choose step's included. */
export interface FirstWords {
  readonly ui: Pick<UiMessages, FirstScreenKey>;
  readonly template?: TemplateTexts;
  readonly report?: ErrorReportTexts;
}

/** The later steps' words of a language (later-words.ts, locales/fr-later.ts): the rest of the UI table and the issue messages. */
export interface LaterWords {
  readonly ui: Omit<UiMessages, FirstScreenKey>;
  readonly issues: IssueMessages;
  /** Failures not worded in the first part (English: those only the session's file part reports). */
  readonly failures?: Partial<UiMessages['failures']>;
}

/**
 * @internal Adds the later steps' English words to the built-in table, in place (every Localizer already
 * made has them too). The modules that show them call it with `laterWordsEn`, so the words travel in their
 * chunk: `useLaterWords(laterWordsEn)`. Once; later calls do nothing.
 */
export function useLaterWords(words: LaterWords): void {
  if (englishComplete) return;
  englishComplete = true;
  Object.assign(englishUi, words.ui);
  Object.assign(englishIssues, words.issues);
  if (words.failures) englishUi.failures = { ...englishUi.failures, ...words.failures };
  // The later steps are here: a shipped language already loaded gets its later words too (an element in
  // that language waits for them: translationPending).
  for (const tag of firstOnly) void loadTranslation(tag);
}

/**
 * @internal Adds a lazily defined screen's English words to the built-in table, in place, as useLaterWords
 * does: its define function calls it before the screen renders (the no-access panel's with `uiNoAccessEn`),
 * so the words travel in its chunk.
 */
export function useScreenWords(words: Partial<UiMessages>): void {
  Object.assign(englishUi, words);
}

/**
 * @internal The choose step's words, added as useScreenWords does: the choose step's chunks call it with theirs
 * (ui-choose-first.en.ts, ui-choose-later.en.ts), so the words travel with the code that shows them. Adding a
 * part again changes nothing.
 */
export const useChooseWords: (words: Partial<Pick<UiMessages, ChooseScreenKey>>) => void = useScreenWords;

/** Keys asked for before their words were loaded, said once each (a first-screen module naming a later key). */
const missing = new Set<string>();

const translations = new Map<string, Translation>([['en', english]]);

/**
 * The languages shipped as chunks of their own (French, Arabic), each in two: the first screens' words and
 * the later steps' words (load-translation.ts loads them).
 */
const SHIPPED_LANGUAGES = ['fr', 'ar'] as const;
export type ShippedLanguage = (typeof SHIPPED_LANGUAGES)[number];
const isShipped = (tag: string): tag is ShippedLanguage => (SHIPPED_LANGUAGES as readonly string[]).includes(tag);
/** Shipped languages whose table holds the first screens' words only, so far. */
const firstOnly = new Set<string>();
const loading = new Map<string, Promise<void>>();
const listeners = new Set<(tag: string) => void>();

/** Adds (or replaces) a language, e.g. `registerTranslation('de', { ui, issues })`. Keys are lower-case tags. */
export function registerTranslation(tag: string, translation: Translation): void {
  const key = tag.toLowerCase();
  firstOnly.delete(key);
  translations.set(key, translation);
  listeners.forEach((listener) => listener(key));
}

/** The languages with a complete table, registered or shipped (`en`, `fr`, `ar`, …). */
export function availableLanguages(): string[] {
  return [...new Set([...translations.keys(), ...SHIPPED_LANGUAGES])];
}

/** The tag whose table serves `locale`: exact tag, then its language (`fr-CA` → `fr`); undefined for none. */
function tagFor(locale: string): string | undefined {
  const tag = locale.toLowerCase();
  const language = tag.split('-')[0] ?? '';
  for (const t of [tag, language]) if (translations.has(t) || isShipped(t)) return t;
  return undefined;
}

/**
 * Loads the table for `locale` when it is shipped but not loaded yet, and resolves once it is registered
 * (at once for English, a registered language, or one we do not have). Never rejects: a chunk that fails
 * to load leaves the interface in English. The loading itself is a chunk of its own (load-translation.ts):
 * an English page never needs it.
 */
export function loadTranslation(locale: string): Promise<void> {
  const pending = translationPending(locale);
  if (!pending || !isShipped(pending)) return Promise.resolve();
  const part = translations.has(pending) ? 'later' : 'first';
  const key = `${pending}:${part}`;
  let load = loading.get(key);
  if (!load) {
    load = import('./load-translation.js')
      .then((loader) => loader.loadShipped(pending, part))
      // The first part's arrival may call for the later one (the later steps are already wanted).
      .then(() => loadTranslation(pending))
      .catch(() => {
        loading.delete(key);
      });
    loading.set(key, load);
  }
  return load;
}

/** @internal A shipped language's first screens' words, as load-translation.ts loaded them. */
export function addFirst(tag: string, words: FirstWords): void {
  if (translations.has(tag)) return;
  firstOnly.add(tag);
  const table: Translation = { ui: words.ui as UiMessages, issues: {} as IssueMessages, ...(words.template ? { template: words.template } : {}), ...(words.report ? { report: words.report } : {}) };
  shipped.add(table);
  translations.set(tag, table);
  listeners.forEach((listener) => listener(tag));
}

/** @internal A shipped language's later steps' words, as load-translation.ts loaded them. */
export function addLater(tag: string, words: LaterWords): void {
  const table = translations.get(tag);
  if (!table || !firstOnly.has(tag)) return;
  const next: Translation = { ...table, ui: { ...table.ui, ...words.ui }, issues: words.issues };
  shipped.add(next);
  registerTranslation(tag, next);
}

/**
 * @internal The files' words as load-words.ts loadFileWords() loads them: English's (`tag` undefined), or
 * a shipped language's, added to its table. Nothing for a table a host registered.
 */
export function addFileWords(tag: string | undefined, files: FileWords): void {
  if (tag === undefined) {
    englishFiles = files;
    return;
  }
  const table = translations.get(tag);
  if (!table || !filesPending(table)) return;
  const next: Translation = { ...table, ...files };
  shipped.add(next);
  translations.set(tag, next);
}

/** @internal What loadFileWords() still has to load: English's files' words, and `locale`'s shipped language's. */
export function fileWordsPending(locale: string): { readonly english: boolean; readonly tag?: string } {
  const tag = tagFor(locale);
  return { english: !englishFiles, ...(tag !== undefined && (!translations.has(tag) || filesPending(translations.get(tag))) && isShipped(tag) ? { tag } : {}) };
}

/** A shipped language's table whose files' words are not loaded yet. */
function filesPending(table: Translation | undefined): boolean {
  return table !== undefined && shipped.has(table) && table.template === undefined;
}

/** The files' words for `locale` as loaded: English's under the language's own; throws when a download's words are not loaded yet. */
function filesFor(locale: string): { template: Partial<TemplateTexts>; report: Partial<ErrorReportTexts>; english: FileWords } {
  const table = translationFor(locale);
  if (!englishFiles || filesPending(table)) {
    throw new Error(`offline-upload: the files' words (${locale}) are not loaded yet: await loadFileWords('${locale}') first`);
  }
  return { template: table.template ?? {}, report: table.report ?? {}, english: englishFiles };
}

/**
 * The tag still to load for `locale` (its table is shipped but not here yet, or holds only the first
 * screens' words while the later steps are in use), or undefined.
 */
export function translationPending(locale: string): string | undefined {
  const tag = tagFor(locale);
  if (tag === undefined) return undefined;
  return !translations.has(tag) || (englishComplete && firstOnly.has(tag)) ? tag : undefined;
}

/** Calls `listener` with each tag registered from now on (a lazily loaded language arriving). */
export function onTranslation(listener: (tag: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A valid BCP 47 tag for `locale`, or `en` when it is empty or malformed. */
export function canonicalLocale(locale: string | undefined | null): string {
  if (!locale) return 'en';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The loaded table for `locale`: exact tag, then its language (`fr-CA` → `fr`), then English. */
export function translationFor(locale: string): Translation {
  const tag = locale.toLowerCase();
  return translations.get(tag) ?? translations.get(tag.split('-')[0] ?? '') ?? english;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const DATE_PATTERN_KEYS = { DMY: 'datePatternDMY', MDY: 'datePatternMDY', YMD: 'datePatternYMD' } as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class Localizer {
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  private readonly ui: UiMessages;
  private readonly issues: IssueMessages;
  private readonly table: Translation;
  private readonly overrides: MessageOverrides;
  private readonly numberFormat: Intl.NumberFormat;
  private readonly pluralRules: Intl.PluralRules;
  private dateFormat?: Intl.DateTimeFormat;
  private percentFormat?: Intl.NumberFormat;

  constructor(locale?: string, overrides: MessageOverrides = {}) {
    this.locale = canonicalLocale(locale);
    const table = translationFor(this.locale);
    this.table = table;
    this.ui = table.ui;
    this.issues = table.issues;
    this.overrides = currentOverrides(overrides);
    this.numberFormat = new Intl.NumberFormat(this.locale);
    this.pluralRules = new Intl.PluralRules(this.locale);
    this.dir = textDirection(this.locale);
  }

  /** The message `key` with `params` filled in; a plural message picks its form by `params.count`. */
  t(key: MessageKey, params: MessageParams = {}): string {
    // A language's later words still on their way: English's, when they are here, for that moment.
    const message = (this.overrides[key] as Message | undefined) ?? (this.ui[key] as Message | undefined) ?? (englishUi[key] as Message | undefined);
    if (message === undefined) {
      if (!missing.has(key)) console.warn(`offline-upload: the words of "${key}" are not loaded yet (they come with the step that shows them)`);
      missing.add(key);
      return '';
    }
    // `templateFor`'s {identifierKind} was {identifier} before 2.0: a host's older override still fills.
    const filled = key === 'templateFor' && 'identifierKind' in params ? { identifier: params['identifierKind'], ...params } : params;
    return this.fill(this.pick(message, filled['count']), filled);
  }

  /** Short name of a kind of issue. */
  kind(code: IssueCode): string {
    // The kinds come with the later words (the code that names them loads them): English's meanwhile.
    return this.overrides.kinds?.[code] ?? this.ui.kinds?.[code] ?? englishUi.kinds?.[code] ?? code;
  }

  /** Name of a dry-run verdict. */
  label(label: DryRunLabel): string {
    return this.overrides.labels?.[label] ?? this.ui.labels?.[label] ?? englishUi.labels?.[label] ?? label;
  }

  /** A failure in words: what happened, whether anything was created, what to do (from its code and params). */
  failure(failure: Pick<SessionFailure, 'code'> & { readonly params?: FailureParams }): string {
    let message: Message | undefined = this.overrides.failures?.[failure.code] ?? this.ui.failures[failure.code] ?? englishUi.failures?.[failure.code];
    if (message === undefined) {
      // Worded with the session's file part, which reports it: not loaded, so not reported by it.
      if (!missing.has(failure.code)) console.warn(`offline-upload: the words of failure "${failure.code}" are not loaded yet (they come with the session's file part)`);
      missing.add(failure.code);
      message = this.overrides.failures?.unexpected ?? this.ui.failures.unexpected;
    }
    const params = failure.params ?? {};
    return this.fill(this.pick(message, params['count']), params);
  }

  /** A notice in words (a preset that could not be applied…). */
  notice(notice: Notice): string {
    // English's come with the choose step's parts, which show them (ui-choose-later.en.ts), or loadLocalizer().
    const message = this.overrides.notices?.[notice.code] ?? this.ui.notices?.[notice.code] ?? englishUi.notices?.[notice.code];
    if (message === undefined) {
      if (!missing.has(notice.code)) console.warn(`offline-upload: the words of the notice "${notice.code}" are not loaded yet (they come with the step that shows them)`);
      missing.add(notice.code);
      return notice.code;
    }
    return this.fill(message, notice.params);
  }

  /** A moment (date and time) in this locale, for the support details. */
  time(date: Date): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
  }

  /** An issue's message in this locale, made again from its code and params (never concatenated here). */
  issue(issue: Pick<Issue, 'code' | 'params' | 'message'>): string {
    const render = this.overrides.issues?.[issue.code] ?? this.issues[issue.code];
    if (!render) return issue.message;
    return render(isolateParams(this.issueParams(issue.params ?? {})));
  }

  /**
   * The template's words in this locale (English for a language that has none), with the host's overrides.
   * They load with the first download: after `loadFileWords(locale)` or `loadLocalizer()` (else this throws).
   */
  get templateTexts(): TemplateTexts {
    const files = filesFor(this.locale);
    return { ...files.english.template, ...files.template, ...this.overrides.template, rtl: this.dir === 'rtl' };
  }

  /** The issues report's words in this locale, with the host's overrides (loaded as `templateTexts` are). */
  get reportTexts(): ErrorReportTexts {
    const files = filesFor(this.locale);
    return { ...files.english.report, ...files.report, ...this.overrides.report, rtl: this.dir === 'rtl' };
  }

  /**
   * How a date typed as text is written in `order`, in this language's letters (`DD/MM/YYYY`, `JJ/MM/AAAA`):
   * the template's patterns as the host overrides them, else the screens' own (the same; files.test.ts).
   */
  datePattern(order: DateOrder): string {
    return this.overrides.template?.datePatterns?.[order] ?? this.table.template?.datePatterns[order] ?? this.t(DATE_PATTERN_KEYS[order]);
  }

  number(value: number): string {
    return this.numberFormat.format(value);
  }

  percent(fraction: number): string {
    const clamped = Math.min(1, Math.max(0, fraction));
    // Made once: the progress bar asks at every tick of a long read.
    this.percentFormat ??= new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 });
    return this.percentFormat.format(clamped);
  }

  /** A size in bytes as the admin reads it: `840 kB`, `12.5 MB` (binary multiples, as file managers show). */
  bytes(bytes: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let value = Math.max(0, bytes);
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return new Intl.NumberFormat(this.locale, {
      style: 'unit',
      unit: units[unit],
      unitDisplay: unit === 0 ? 'long' : 'short',
      maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
    }).format(value);
  }

  /**
   * A calendar date `YYYY-MM-DD` in the locale's medium style. Formatted in UTC: the date has no time
   * and no zone, so formatting it in the admin's zone could show the day before.
   */
  date(iso: string): string {
    const m = ISO_DATE.exec(iso);
    if (!m) return iso;
    this.dateFormat ??= new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return this.dateFormat.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }

  private pick(message: Message, count: string | number | undefined): string {
    if (typeof message === 'string') return message;
    const n = typeof count === 'number' ? count : Number(count ?? 0);
    const form = this.pluralRules.select(Number.isFinite(n) ? n : 0);
    return (message as PluralMessage)[form] ?? message.other;
  }

  private fill(text: string, params: MessageParams): string {
    // In a right-to-left language a text param (an LMS's English name, an ISO date, a file name) is
    // isolated, so it keeps its own direction: "2026-05-20" must not read "20-05-2026".
    const rtl = this.dir === 'rtl';
    return text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (typeof value === 'number') return this.number(value);
      return rtl && value !== '' && !value.startsWith('\u2068') ? `\u2068${value}\u2069` : value;
    });
  }

  /**
   * Issue params shown in this locale: dates (they travel as `YYYY-MM-DD`), and sizes, which travel both
   * in English units and in bytes (`size` beside `sizeBytes`): the bytes are formatted here again, so
   * that a limit reads as the drop zone says it ("2 kB", "50 Mo"), not as the core wrote it.
   */
  private issueParams(params: IssueParams): IssueParams {
    const out: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(params)) {
      out[key] = typeof value === 'string' && ISO_DATE.test(value) ? this.date(value) : value;
    }
    for (const [key, value] of Object.entries(params)) {
      if (key.endsWith('Bytes') && typeof value === 'number') out[key.slice(0, -'Bytes'.length)] = this.bytes(value);
    }
    return out;
  }
}

/** Right-to-left scripts by language subtag (used only when the host sets no `dir`). */
const RTL = new Set(['ar', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
