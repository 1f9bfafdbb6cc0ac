// The small localize helper the elements use: picks the message table for a locale, applies a host's
// overrides, fills `{name}` parameters, chooses plural forms and formats numbers, sizes and dates with Intl.
import type { Issue, IssueCode, IssueParams } from '../core/issues.js';
import type { DryRunLabel } from '../core/records.js';
import { isolateParams } from './issue-message.js';
import { issueMessagesEn, type IssueMessages } from './issues.en.js';
import { issueMessagesFr } from './issues.fr.js';
import type { FailureParams, Notice, SessionFailure } from '../session/failures.js';
import { uiMessagesEn, type Message, type PluralMessage, type UiMessages } from './ui.en.js';
import { uiMessagesFr } from './ui.fr.js';

export interface Translation {
  readonly ui: UiMessages;
  readonly issues: IssueMessages;
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
};

const translations = new Map<string, Translation>([
  ['en', { ui: uiMessagesEn, issues: issueMessagesEn }],
  ['fr', { ui: uiMessagesFr, issues: issueMessagesFr }],
]);

/** Adds (or replaces) a language, e.g. `registerTranslation('de', { ui, issues })`. Keys are lower-case tags. */
export function registerTranslation(tag: string, translation: Translation): void {
  translations.set(tag.toLowerCase(), translation);
}

/** The languages with a complete table, as registered (`en`, `fr`, …). */
export function availableLanguages(): string[] {
  return [...translations.keys()];
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

/** The table for `locale`: exact tag, then its language (`fr-CA` → `fr`), then English. */
export function translationFor(locale: string): Translation {
  const tag = locale.toLowerCase();
  return translations.get(tag) ?? translations.get(tag.split('-')[0] ?? '') ?? (translations.get('en') as Translation);
}

const PLACEHOLDER = /\{(\w+)\}/g;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class Localizer {
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  private readonly ui: UiMessages;
  private readonly issues: IssueMessages;
  private readonly overrides: MessageOverrides;
  private readonly numberFormat: Intl.NumberFormat;
  private readonly pluralRules: Intl.PluralRules;
  private dateFormat?: Intl.DateTimeFormat;
  private percentFormat?: Intl.NumberFormat;

  constructor(locale?: string, overrides: MessageOverrides = {}) {
    this.locale = canonicalLocale(locale);
    const table = translationFor(this.locale);
    this.ui = table.ui;
    this.issues = table.issues;
    this.overrides = overrides;
    this.numberFormat = new Intl.NumberFormat(this.locale);
    this.pluralRules = new Intl.PluralRules(this.locale);
    this.dir = textDirection(this.locale);
  }

  /** The message `key` with `params` filled in; a plural message picks its form by `params.count`. */
  t(key: MessageKey, params: MessageParams = {}): string {
    const message: Message = (this.overrides[key] as Message | undefined) ?? this.ui[key];
    return this.fill(this.pick(message, params['count']), params);
  }

  /** Short name of a kind of issue. */
  kind(code: IssueCode): string {
    return this.overrides.kinds?.[code] ?? this.ui.kinds[code] ?? code;
  }

  /** Name of a dry-run verdict. */
  label(label: DryRunLabel): string {
    return this.overrides.labels?.[label] ?? this.ui.labels[label] ?? label;
  }

  /** A failure in words: what happened, whether anything was created, what to do (from its code and params). */
  failure(failure: Pick<SessionFailure, 'code'> & { readonly params?: FailureParams }): string {
    const message: Message = this.overrides.failures?.[failure.code] ?? this.ui.failures[failure.code] ?? this.ui.failures.unexpected;
    const params = failure.params ?? {};
    return this.fill(this.pick(message, params['count']), params);
  }

  /** A notice in words (a preset that could not be applied…). */
  notice(notice: Notice): string {
    return this.fill(this.overrides.notices?.[notice.code] ?? this.ui.notices[notice.code] ?? notice.code, notice.params);
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
    return text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? this.number(value) : value;
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
