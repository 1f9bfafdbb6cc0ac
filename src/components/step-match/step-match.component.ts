// The matching screen: each template column with the file column matched automatically and a select to
// confirm or change it ("not in my file" for optional columns), a sample value under each, the header
// row (changeable among the first rows), the file's columns that will be ignored, and Continue.
import { html, nothing, type TemplateResult } from 'lit';
import { state as viewState } from 'lit/decorators.js';
import type { ColumnMatch, MatchedColumn } from '../../core/match/match.js';
import type { MatchReview } from '../../session/matching.js';
import { columnTableStyles } from '../shared/column-table.styles.js';
import { StepElement } from '../shared/step-element.js';
import type { WizardContext } from '../shared/wizard-context.js';
import { columnLetter, mappingProblems, type MappingProblem } from './mapping.js';
import { matchStyles } from './step-match.styles.js';

/** An Excel date cell comes as `YYYY-MM-DD`: shown in the admin's words, never bare ISO. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Most characters of a header row shown in its option of the header row select. */
const ROW_PREVIEW = 70;

/**
 * @internal The wizard's column matching step.
 * @summary Lets the admin confirm which column of their file holds each column of the template.
 */
export class StepMatchElement extends StepElement {
  static override styles = [...StepElement.styles, columnTableStyles, matchStyles];

  /** The admin's choices on this screen (column key → file column index or null), for the match shown. */
  @viewState() private choices: Record<string, number | null> = {};
  @viewState() private problems: readonly MappingProblem[] = [];
  /** The match the choices were started from: a new one (another header row, another file) starts them again. */
  private from?: ColumnMatch;

  protected renderStep(ctx: WizardContext): TemplateResult {
    const { localizer: l, state } = ctx;
    const review = state.matching;
    if (!review) return html`${this.renderHeading(l.t('matchHeading'), l.t('matchGuidance'))}${this.renderActions(nothing)}`;
    const match = review.match;
    if (match !== this.from) {
      this.from = match;
      this.choices = Object.fromEntries(match.columns.map((c) => [c.key, c.index]));
      this.problems = [];
    }
    const used = new Set(Object.values(this.choices).filter((i): i is number => i !== null));
    const ignored = match.headers.flatMap((header, index) => (header !== '' && !used.has(index) ? [{ index, header }] : []));
    const busy = state.status !== 'matching' && state.status !== 'has-issues' && state.status !== 'ready';
    return html`
      ${this.renderHeading(l.t('matchHeading'), l.t('matchGuidance'))}
      ${this.renderHeaderRow(ctx, review)}
      ${this.problems.length > 0
        ? html`<div class="alert error errors" role="alert" id="match-errors">
            <ul>${this.problems.map((p) => html`<li>${this.problemText(ctx, p)}</li>`)}</ul>
          </div>`
        : nothing}
      <div class="scroller">
        <table class="columns match">
          <caption>${l.t('matchCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">${l.t('matchTemplateColumn')}</th>
              <th scope="col">${l.t('matchFileColumn')}</th>
              <th scope="col">${l.t('matchSample')}</th>
            </tr>
          </thead>
          <tbody>
            ${match.columns.map((column) => this.renderColumn(ctx, review, column))}
          </tbody>
        </table>
      </div>
      <div class="ignored" id="match-ignored">
        <strong>${l.t('matchIgnoredHeading')}</strong>
        ${ignored.length > 0
          ? html`<ul>${ignored.map((c) => html`<li><bdi>${l.t('matchColumnOption', { letter: columnLetter(c.index), header: c.header })}</bdi></li>`)}</ul>`
          : html`<p class="remember">${l.t('matchIgnoredNone')}</p>`}
      </div>
      <p class="remember">${l.t('matchRememberNote')}</p>
      ${this.renderActions(html`<button type="button" class="button primary" id="match-continue" ?disabled=${busy} @click=${() => this.continue()}>
        ${l.t('matchContinue')} <span class="arrow" aria-hidden="true">→</span>
      </button>`)}
    `;
  }

  private renderHeaderRow(ctx: WizardContext, review: MatchReview): TemplateResult | typeof nothing {
    const { localizer: l, session } = ctx;
    const rows = review.topRows.slice(0, 10);
    if (rows.length < 2) return nothing;
    return html`<div class="header-row">
      <label for="header-row">${l.t('matchHeaderRow')}</label>
      <select id="header-row" @change=${(e: Event) => session.matchHeaderRow(Number((e.target as HTMLSelectElement).value))}>
        ${rows.map((row) => {
          const text = row.cells.filter((c) => c !== '').join(' · ');
          const cells = text.length > ROW_PREVIEW ? `${text.slice(0, ROW_PREVIEW - 1)}…` : text;
          return html`<option value=${row.row} ?selected=${row.row === review.match.headerRow}>${l.t('matchHeaderRowOption', { row: row.row, cells })}</option>`;
        })}
      </select>
    </div>`;
  }

  private renderColumn(ctx: WizardContext, review: MatchReview, column: MatchedColumn): TemplateResult {
    const l = ctx.localizer;
    const chosen = this.choices[column.key] ?? null;
    const id = `match-${column.key}`;
    const invalid = this.problems.some((p) => p.keys.includes(column.key));
    const how = chosen === column.index ? howKey(column) : undefined;
    const sample = chosen === null ? '' : (review.samples[chosen] ?? '');
    return html`<tr>
      <th scope="row">
        <label class="column-name" for=${id}>${column.header}</label>
        ${column.required ? html`<span class="badge">${l.t('matchRequired')}</span>` : nothing}
      </th>
      <td class="choice">
        <select id=${id} data-key=${column.key} aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${how ? `${id}-how` : nothing}
          @change=${(e: Event) => this.choose(column.key, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${chosen === null}>${column.required ? l.t('matchChooseColumn') : l.t('matchNotInFile')}</option>
          ${review.match.headers.map((header, index) =>
            header === '' ? nothing : html`<option value=${index} ?selected=${chosen === index}>${l.t('matchColumnOption', { letter: columnLetter(index), header })}</option>`,
          )}
        </select>
        ${how ? html`<span class="how ${how === 'matchHowSimilar' || how === 'matchHowMissing' ? 'check' : ''}" id="${id}-how">${l.t(how)}</span>` : nothing}
      </td>
      <td class="sample">${sample === '' ? nothing : html`<span class="sample-label">${l.t('matchSample')}</span><bdi>${ISO_DATE.test(sample) ? l.date(sample) : sample}</bdi>`}</td>
    </tr>`;
  }

  private choose(key: string, value: string): void {
    this.choices = { ...this.choices, [key]: value === '' ? null : Number(value) };
    if (this.problems.length > 0) this.problems = mappingProblems(this.ctx!.state.matching!.match, this.choices);
  }

  private problemText(ctx: WizardContext, problem: MappingProblem): string {
    const l = ctx.localizer;
    const header = (key: string) => ctx.state.matching?.match.columns.find((c) => c.key === key)?.header ?? key;
    return problem.kind === 'missing'
      ? l.t('matchMissingRequired', { column: header(problem.keys[0]!) })
      : l.t('matchUsedTwice', { letter: columnLetter(problem.index!), first: header(problem.keys[0]!), second: header(problem.keys[1]!) });
  }

  private continue(): void {
    const ctx = this.ctx!;
    const review = ctx.state.matching;
    if (!review) return;
    this.problems = mappingProblems(review.match, this.choices);
    if (this.problems.length > 0) {
      ctx.announce(this.problems.map((p) => this.problemText(ctx, p)).join(' '), true);
      void this.focusLater(`select[data-key="${this.problems[0]!.keys[0]!}"]`);
      return;
    }
    void ctx.session.confirmMatch({ headerRow: review.match.headerRow, columns: { ...this.choices } });
  }
}

function howKey(column: MatchedColumn): 'matchHowSimilar' | 'matchHowSynonym' | 'matchHowRemembered' | 'matchHowMissing' | undefined {
  switch (column.how) {
    case 'similar':
      return 'matchHowSimilar';
    case 'synonym':
      return 'matchHowSynonym';
    case 'remembered':
      return 'matchHowRemembered';
    case 'missing':
      return column.required ? 'matchHowMissing' : undefined;
    default:
      return undefined;
  }
}
