// The wizard's confirmation before creating, as it looks: how many records for which activity, and what the
// preview showed besides (rows left unchanged, rows deleted in the browser, in records-ready.ts's words),
// Cancel first. It comes with the later steps' chunk, which hands it to the shell (confirm-dialog.ts): a
// creation is confirmed from the review or create step only, so it is there by then.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localize.js';
import type { WizardFlow } from '../../session/wizard-flow.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { planWords } from '../records-preview/records-ready.js';

function render(l: Localizer, flow: WizardFlow | undefined, cancel: () => void): TemplateResult {
  const count = flow?.state.summary?.records ?? 0;
  const activity = flow?.activity?.name ?? '';
  // The first line (new records) is the body's own sentence; the others are said only when they apply.
  const more = flow ? planWords(l, flow).slice(1) : [];
  const onCancel = (event: Event): void => {
    // Esc: the flow closes the dialog (the shell follows `confirming`), and focus returns to "Create records".
    event.preventDefault();
    cancel();
  };
  return html`<dialog part="dialog" aria-labelledby="confirm-heading" aria-describedby="confirm-body" @cancel=${onCancel}>
    <h2 id="confirm-heading">${l.t('confirmHeading', { count })}</h2>
    <div id="confirm-body">
      <p>${l.t('confirmBody', { count, activity })}</p>
      ${more.length > 0 ? html`<ul class="confirm-plan">${more.map((line) => html`<li>${line}</li>`)}</ul>` : nothing}
    </div>
    <div class="actions">
      <!-- Focus starts on Cancel: creating cannot be undone here, and an Enter pressed twice (or held) on
           "Create records" must not confirm it unread. -->
      <button type="button" class="button" id="confirm-cancel" autofocus @click=${cancel}>${l.t('cancel')}</button>
      <span class="spacer"></span>
      <button type="button" class="button primary" id="confirm-create" @click=${() => flow?.confirmCreate()}>${l.t('confirmCreate', { count })}</button>
    </div>
  </dialog>`;
}

/** The box (shared/dialog.styles.ts) and the confirmation's own rules, adopted by the shell with the view. */
const styles = [
  dialogStyles,
  css`
    dialog {
      font-family: var(--_font);
    }
    dialog .confirm-plan {
      margin: calc(var(--_space) * -0.5) 0 var(--_space);
      padding-inline-start: 1.25rem;
    }
    dialog .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      border: none;
      padding: 0;
    }
    .spacer {
      flex: 1 1 auto;
    }
  `,
];

/** @internal */
export const confirmDialogView = { render, styles };
