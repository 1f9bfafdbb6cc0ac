// The wizard's confirmation before creating: how many records for which activity, and what the preview
// showed besides (rows left unchanged, rows deleted in the browser), Cancel first. Opened and closed by
// its controller from the flow's `confirming`. The plan's lines come from the later steps' chunk (records-ready.ts,
// through usePlanWords): a creation is confirmed from the review or create step only, so they are there by then.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localize.js';
import type { WizardFlow } from '../../session/wizard-flow.js';

/** What "Create records" will do, in words (the first line: the new records). */
type PlanWords = (l: Localizer, flow: WizardFlow) => string[];
let planWords: PlanWords | undefined;

/** @internal Set by the later steps as they load (later-steps.ts). */
export function usePlanWords(words: PlanWords): void {
  planWords = words;
}

type DialogHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** @internal Opens the shell's dialog while the flow is confirming a creation, and closes it after. */
export class ConfirmDialogController implements ReactiveController {
  constructor(
    private readonly host: DialogHost,
    private readonly flow: () => WizardFlow | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const confirming = this.flow()?.confirming === true;
    const dialog = this.host.renderRoot.querySelector('dialog');
    if (dialog && confirming && !dialog.open) dialog.showModal();
    if (dialog?.open && !confirming) dialog.close();
  }
}

export function renderConfirmDialog(l: Localizer, flow: WizardFlow | undefined, cancel: () => void): TemplateResult {
  const count = flow?.state.summary?.records ?? 0;
  const activity = flow?.activity?.name ?? '';
  // The first line (new records) is the body's own sentence; the others are said only when they apply.
  const more = flow && planWords ? planWords(l, flow).slice(1) : [];
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
