// <upload-summary>: renders an UploadSummary (records ready, learners, date range, breakdowns). Used by
// the wizard's review step and usable on its own in a host page.
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import type { IssueCode } from '../../core/issues.js';
import type { DryRunLabel } from '../../core/records.js';
import type { UploadSummary } from '../../core/summary.js';
import type { Localizer, MessageOverrides } from '../../i18n/localize.js';
import { OfflineUploadElement } from '../shared/base-element.js';
import { heading } from '../shared/heading.js';
import { styles } from './upload-summary.styles.js';

/** A bar's length as a custom property set from script: a strict CSP forbids style attributes. */
const share = (percent: number) => ref((el) => (el as HTMLElement | undefined)?.style.setProperty('--_share', String(percent)));

const LABEL_ORDER: readonly DryRunLabel[] = ['create', 'already-recorded', 'conflict'];

/**
 * A summary of an upload: the records ready to create, distinct learners, the range of completion
 * dates, counts by status and by the LMS's dry-run verdict, and issues by kind.
 *
 * @summary Shows what an upload of offline records holds before it is created.
 *
 * @attr {string} lang - Language of the text (inherited from the page when absent).
 *
 * @csspart base - The bordered box around everything.
 * @csspart headline - The "N records ready to create" line.
 * @csspart figures - The list of key figures (rows, learners, dates, issues).
 * @csspart figure - One key figure.
 * @csspart breakdowns - The breakdowns by status, LMS verdict and kind of issue (full layout only).
 * @csspart breakdown - One breakdown.
 *
 * @cssprop --upload-summary-font-family - Font stack (default: the wizard's, else the system font).
 * @cssprop --upload-summary-color-text - Text colour.
 * @cssprop --upload-summary-color-muted - Secondary text colour.
 * @cssprop --upload-summary-color-background - Background of the box.
 * @cssprop --upload-summary-color-surface - Background of the figures.
 * @cssprop --upload-summary-color-border - Border colour.
 * @cssprop --upload-summary-color-accent - Bars of the breakdowns.
 * @cssprop --upload-summary-color-success - The records-ready figure.
 * @cssprop --upload-summary-color-danger - Issue counts.
 * @cssprop --upload-summary-radius - Corner radius.
 */
export class UploadSummaryElement extends OfflineUploadElement {
  static override styles = styles;

  /** The summary to show (from `UploadSession.state.summary` or `summarise()`); property only. */
  @property({ attribute: false }) summary?: UploadSummary;

  /** `full` shows every breakdown; `compact` shows one line of key figures. */
  @property({ reflect: true }) layout: 'compact' | 'full' = 'full';

  /** Locale for numbers, dates and text, e.g. `fr-CA`; wins over `lang`. */
  @property() override locale?: string;

  /** Level of the breakdown headings (2–6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Host overrides of any string (see MessageOverrides). */
  @property({ attribute: false }) override messages?: MessageOverrides;

  override render(): TemplateResult {
    const l = this.l;
    const s = this.summary;
    if (!s) {
      return html`<div part="base" class="base"><p class="empty">${l.t('summaryEmpty')}</p></div>`;
    }
    const full = this.layout !== 'compact';
    return html`
      <div part="base" class="base" role="group" aria-label=${l.t('summaryLabel')}>
        <p part="headline" class="headline ${s.records === 0 ? 'none' : ''}">${this.renderHeadline(l, s.records)}</p>
        <dl part="figures">
          ${full ? this.figure(l.t('summaryRows'), l.number(s.rows)) : nothing}
          ${this.figure(l.t('summaryUsers'), l.number(s.distinctUsers))}
          ${this.figure(l.t('summaryDates'), this.dateRange(l, s))}
          ${this.figure(l.t('summaryIssues'), s.issues === 0 ? l.t('summaryNoIssues') : l.number(s.issues), s.issues > 0 ? 'issues' : '')}
        </dl>
        ${full ? this.renderBreakdowns(l, s) : nothing}
      </div>
    `;
  }

  /** The count in large type, the rest of the sentence around it, from one plural message. */
  private renderHeadline(l: Localizer, records: number): TemplateResult {
    const count = l.number(records);
    const text = l.t('summaryRecordsReady', { count: records });
    const at = text.indexOf(count);
    if (at < 0) return html`${text}`;
    return html`${text.slice(0, at)}<strong>${count}</strong>${text.slice(at + count.length)}`;
  }

  private figure(term: string, value: string, cls = ''): TemplateResult {
    return html`<div part="figure" class="figure"><dt>${term}</dt><dd class=${cls}>${value}</dd></div>`;
  }

  private dateRange(l: Localizer, s: UploadSummary): string {
    if (!s.dateRange) return l.t('summaryNoDates');
    if (s.dateRange.from === s.dateRange.to) return l.date(s.dateRange.from);
    return l.t('summaryDateRange', { from: l.date(s.dateRange.from), to: l.date(s.dateRange.to) });
  }

  private renderBreakdowns(l: Localizer, s: UploadSummary): TemplateResult | typeof nothing {
    const status = Object.entries(s.byStatus);
    const labels = LABEL_ORDER.filter((label) => (s.byLabel[label] ?? 0) > 0).map((label) => [l.label(label), s.byLabel[label] ?? 0] as const);
    const kinds = (Object.entries(s.issuesByCode) as [IssueCode, number][])
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => [l.kind(code), n] as const);
    if (status.length === 0 && labels.length === 0 && kinds.length === 0) return nothing;
    return html`
      <div part="breakdowns" class="breakdowns">
        ${status.length > 0 ? this.breakdown(l, l.t('summaryByStatus', { column: s.statusColumn ?? '' }), status, s.records) : nothing}
        ${labels.length > 0 ? this.breakdown(l, l.t('summaryByLabel'), labels, s.rows) : nothing}
        ${kinds.length > 0 ? this.breakdown(l, l.t('summaryIssuesByKind'), kinds, s.issues, true) : nothing}
      </div>
    `;
  }

  /** One breakdown; a name may be the LMS's own word (a status value), so its direction is its own. */
  private breakdown(l: Localizer, title: string, entries: readonly (readonly [string, number])[], total: number, issue = false): TemplateResult {
    return html`
      <section part="breakdown">
        ${heading(this.headingLevel, title, { class: 'breakdown-heading' })}
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
}
