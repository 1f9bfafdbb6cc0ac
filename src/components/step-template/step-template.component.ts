// The template step: what each column of the template holds, the activity's rules, and the downloads
// (.xlsx, .csv) made for the admin's choice, in their locale.
import { html, nothing, type TemplateResult } from 'lit';
import { withLmsWords } from '../shared/bidi.js';
import { columnTableStyles } from '../shared/column-table.styles.js';
import { LazyDownloadTask } from '../shared/lazy-download.js';
import { StepElement } from '../shared/step-element.js';
import type { WizardContext } from '../shared/wizard-context.js';
import { templateStyles } from './step-template.styles.js';
import { describeColumn, describeRules } from './template-columns.js';

/**
 * @internal The wizard's template step.
 * @summary Describes the template's columns and downloads it.
 */
export class StepTemplateElement extends StepElement {
  static override styles = [...StepElement.styles, columnTableStyles, templateStyles];

  private readonly downloads = new LazyDownloadTask(
    this,
    // The template follows the admin's locale: its dates, and for a decimal-comma locale a `;` CSV that
    // their Excel splits into columns (the reader takes either back).
    (kind, signal) => this.ctx!.session.downloadTemplate(kind === 'csv' ? 'csv' : 'xlsx', { locale: this.ctx!.localizer.locale, localizer: this.ctx!.localizer, signal }),
    (failure) => this.ctx?.announce(this.ctx.localizer.failure(failure), true),
  );

  protected renderStep(ctx: WizardContext): TemplateResult {
    const { localizer: l, state, flow, options } = ctx;
    const spec = state.spec.value;
    if (!spec) return html``;
    const columns = spec.columns.map((c) => describeColumn(l, spec, c, options.dateOrder));
    const running = this.downloads.running;
    const failure = this.downloads.failure;
    return html`
      ${this.renderHeading(l.t('templateHeading'), l.t('templateGuidance'))}
      <p class="for">${withLmsWords(l, 'templateFor', { activity: spec.activity.name, domain: spec.domain.name, identifierKind: spec.identifierKind.label })}</p>
      <div class="scroller" role="region" aria-labelledby="columns-caption" tabindex="0">
        <table class="columns">
          <caption id="columns-caption">${l.t('templateColumnsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">${l.t('columnHeader')}</th>
              <th scope="col">${l.t('columnFormat')}</th>
            </tr>
          </thead>
          <tbody>
            ${columns.map(
              (c) => html`<tr>
                <th scope="row">
                  <span class="column-name" dir="auto">${c.header}</span>
                  ${c.required ? html`<span class="badge required">${l.t('required')}</span>` : html`<span class="badge">${l.t('optional')}</span>`}
                </th>
                <td>${c.format}${c.notes.map((n) => html`<span class="note" dir="auto">${n}</span>`)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <ul class="rules">
        ${describeRules(l, spec).map((r) => html`<li>${r}</li>`)}
        <li>${l.t('templateSample')}</li>
      </ul>
      <div class="downloads">
        <button type="button" class="button primary" id="download-xlsx" ?disabled=${running !== undefined} @click=${() => this.downloads.start('xlsx')}>
          ${running === 'xlsx' ? html`<span class="spinner" aria-hidden="true"></span>` : html`<span aria-hidden="true">⤓</span>`} ${l.t('downloadXlsx')}
        </button>
        <button type="button" class="button" id="download-csv" ?disabled=${running !== undefined} @click=${() => this.downloads.start('csv')}>
          ${running === 'csv' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing} ${l.t('downloadCsv')}
        </button>
      </div>
      ${failure ? this.renderFailure(failure) : nothing}
      ${this.renderActions(html`<button type="button" class="button primary" id="next" @click=${() => flow.goTo('upload')}>
        ${l.t('templateNext')} <span class="arrow" aria-hidden="true">→</span>
      </button>`)}
    `;
  }
}
