// The review's notes on how the file was read: the columns (matched from memory, as the admin confirmed,
// or automatically, with a way back to the matching step), and each date column read in another day/month
// order than the configured one, with a few dates as typed → as read and a one-click switch back.
import { html, nothing, type TemplateResult } from 'lit';
import type { ReadingNotice } from '../../core/issues.js';
import type { DateOrder } from '../../core/read/types.js';
import type { WizardContext } from '../shared/wizard-context.js';

/** The notes, or nothing when the file was read exactly as the template says. */
export function renderReadingNotes(ctx: WizardContext): TemplateResult | typeof nothing {
  const { state } = ctx;
  const notices = (state.readingNotices ?? []).filter((n) => n.code === 'date-order-switched');
  const chosen = Object.entries(state.dateOrders ?? {});
  if (!state.matching && notices.length === 0 && chosen.length === 0) return nothing;
  return html`<div class="reading-notes" id="reading-notes">
    ${state.matching ? renderColumnsNote(ctx) : nothing}
    ${notices.map((notice) => renderDateNotice(ctx, notice))}
    ${chosen.map(([key, order]) => renderChosenOrder(ctx, key, order))}
  </div>`;
}

function renderColumnsNote(ctx: WizardContext): TemplateResult {
  const { localizer: l, state, flow } = ctx;
  const review = state.matching!;
  const text =
    review.source === 'memory' && review.rememberedAt
      ? l.t('reviewColumnsMemory', { date: l.date(review.rememberedAt.slice(0, 10)) })
      : review.source === 'confirmed'
        ? l.t('reviewColumnsConfirmed')
        : l.t('reviewColumnsMatched');
  return html`<div class="alert" role="note" id="columns-note">
    <p>${text}</p>
    <p class="note-actions"><button type="button" class="link" id="check-columns" @click=${() => flow.goTo('match')}>${l.t('reviewCheckColumns')}</button></p>
  </div>`;
}

function renderDateNotice(ctx: WizardContext, notice: ReadingNotice): TemplateResult {
  const { localizer: l, session } = ctx;
  const configured = (notice.params?.['configured'] as DateOrder | undefined) ?? 'DMY';
  const order: DateOrder = notice.params?.['order'] === 'DMY' ? 'DMY' : 'MDY';
  const examples = notice.examples ?? [];
  return html`<div class="alert" role="note" data-date-notice=${notice.columnKey ?? ''}>
    <p>${l.t(order === 'MDY' ? 'reviewDatesMonthFirst' : 'reviewDatesDayFirst', { column: display(notice.column ?? ''), pattern: l.datePattern(order) })}</p>
    ${examples.length > 0
      ? html`<p>${l.t('reviewDatesExamples')}</p>
          <ul>
            ${examples.map((e) => html`<li><bdi>${l.t('reviewDateExample', { row: e.row, typed: e.text, read: l.date(e.read) })}</bdi></li>`)}
          </ul>`
      : nothing}
    ${notice.columnKey
      ? html`<p class="note-actions">
          <button type="button" class="button" data-read-dates=${configured} @click=${() => void session.readDatesAs(notice.columnKey!, configured)}>
            ${l.t('reviewDatesReadAs', { pattern: l.datePattern(configured) })}
          </button>
        </p>`
      : nothing}
  </div>`;
}

function renderChosenOrder(ctx: WizardContext, key: string, order: DateOrder): TemplateResult {
  const { localizer: l, session, state } = ctx;
  const column =
    state.matching?.match.columns.find((c) => c.key === key)?.found ?? state.spec.value?.columns.find((c) => c.key === key)?.header ?? key;
  const other: DateOrder = order === 'MDY' ? 'DMY' : 'MDY';
  return html`<div class="alert" role="note" data-date-chosen=${key}>
    <p>${l.t('reviewDatesChosen', { column: display(column), pattern: l.datePattern(order) })}</p>
    <p class="note-actions">
      <button type="button" class="button" data-read-dates=${other} @click=${() => void session.readDatesAs(key, other)}>
        ${l.t('reviewDatesReadAs', { pattern: l.datePattern(other) })}
      </button>
    </p>
  </div>`;
}

/** A header without the template's "required" star, as the admin names the column. */
function display(header: string): string {
  return header.replace(/\s*\*\s*$/, '') || header;
}
