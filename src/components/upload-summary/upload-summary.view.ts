// The body of <upload-summary>: its template and its look, loaded on the element's first connection
// (upload-summary.component.ts keeps the element, its properties and its registration on the first load).
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { IssueCode } from '../../core/issues.js';
import type { DryRunLabel } from '../../core/records.js';
import type { UploadSummary } from '../../core/summary.js';
import { laterWordsEn } from '../../i18n/later-words.js';
import { useLaterWords, type Localizer } from '../../i18n/localize.js';
import { heading } from '../shared/heading.js';

export { styles } from './upload-summary.styles.js';

/** What the view reads of the element. */
export interface SummaryProps {
  readonly summary?: UploadSummary | undefined;
  readonly layout: 'compact' | 'full';
  readonly headingLevel: number;
}

/** A bar's length as a custom property set from script: a strict CSP forbids style attributes. */
const share = (percent: number) => ref((el) => (el as HTMLElement | undefined)?.style.setProperty('--_share', String(percent)));

const LABEL_ORDER: readonly DryRunLabel[] = ['create', 'already-recorded', 'conflict'];

/** The summary of `el` in the words of `l`. */
export function renderSummary(el: SummaryProps, l: Localizer): TemplateResult {
  // The summary's words come with this chunk (they are not on the first load: i18n/ui-later.en.ts).
  useLaterWords(laterWordsEn);
  const s = el.summary;
  if (!s) {
    return html`<div part="base" class="base"><p class="empty">${l.t('summaryEmpty')}</p></div>`;
  }
  const full = el.layout !== 'compact';
  return html`
    <div part="base" class="base" role="group" aria-label=${l.t('summaryLabel')}>
      <p part="headline" class="headline ${s.records === 0 ? 'none' : ''}">${renderHeadline(l, s.records)}</p>
      <dl part="figures">
        ${full ? figure(l.t('summaryRows'), l.number(s.rows)) : nothing}
        ${figure(l.t('summaryUsers'), l.number(s.distinctUsers))}
        ${figure(l.t('summaryDates'), dateRange(l, s))}
        ${figure(l.t('summaryIssues'), s.issues === 0 ? l.t('summaryNoIssues') : l.number(s.issues), s.issues > 0 ? 'issues' : '')}
      </dl>
      ${full ? renderBreakdowns(el, l, s) : nothing}
    </div>
  `;
}

/** The count in large type, the rest of the sentence around it, from one plural message. */
function renderHeadline(l: Localizer, records: number): TemplateResult {
  const count = l.number(records);
  const text = l.t('summaryRecordsReady', { count: records });
  const at = text.indexOf(count);
  if (at < 0) return html`${text}`;
  return html`${text.slice(0, at)}<strong>${count}</strong>${text.slice(at + count.length)}`;
}

function figure(term: string, value: string, cls = ''): TemplateResult {
  return html`<div part="figure" class="figure"><dt>${term}</dt><dd class=${cls}>${value}</dd></div>`;
}

function dateRange(l: Localizer, s: UploadSummary): string {
  if (!s.dateRange) return l.t('summaryNoDates');
  if (s.dateRange.from === s.dateRange.to) return l.date(s.dateRange.from);
  return l.t('summaryDateRange', { from: l.date(s.dateRange.from), to: l.date(s.dateRange.to) });
}

function renderBreakdowns(el: SummaryProps, l: Localizer, s: UploadSummary): TemplateResult | typeof nothing {
  const status = Object.entries(s.byStatus);
  const labels = LABEL_ORDER.filter((label) => (s.byLabel[label] ?? 0) > 0).map((label) => [l.label(label), s.byLabel[label] ?? 0] as const);
  const kinds = (Object.entries(s.issuesByCode) as [IssueCode, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => [l.kind(code), n] as const);
  if (status.length === 0 && labels.length === 0 && kinds.length === 0) return nothing;
  return html`
    <div part="breakdowns" class="breakdowns">
      ${status.length > 0 ? breakdown(el, l, l.t('summaryByStatus', { column: s.statusColumn ?? '' }), status, s.records) : nothing}
      ${labels.length > 0 ? breakdown(el, l, l.t('summaryByLabel'), labels, s.rows) : nothing}
      ${kinds.length > 0 ? breakdown(el, l, l.t('summaryIssuesByKind'), kinds, s.issues, true) : nothing}
    </div>
  `;
}

/** One breakdown; a name may be the LMS's own word (a status value), so its direction is its own. */
function breakdown(el: SummaryProps, l: Localizer, title: string, entries: readonly (readonly [string, number])[], total: number, issue = false): TemplateResult {
  return html`
    <section part="breakdown">
      ${heading(el.headingLevel, title, { class: 'breakdown-heading' })}
      <ul>
        ${entries.map(
          ([name, n]) => html`<li>
            <span dir="auto">${name}</span> <span class="count">${l.number(n)}</span>
            <span class="bar ${issue ? 'issue' : ''}" aria-hidden="true"><span ${share(total > 0 ? Math.min(100, (n / total) * 100) : 0)}></span></span>
          </li>`,
        )}
      </ul>
    </section>
  `;
}
