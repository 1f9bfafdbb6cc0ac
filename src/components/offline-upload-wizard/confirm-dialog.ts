// The wizard's confirmation before creating, on the shell's side: its view (confirm-dialog.view.ts, the
// dialog and its styles) comes with the later steps' chunk, which hands it over (useConfirmDialog); until
// then there is nothing to confirm and nothing is rendered. The controller opens the dialog while the
// flow's `confirming` holds, and closes it after.
import { nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localize.js';
import type { WizardFlow } from '../../session/wizard-flow.js';
import type { confirmDialogView } from './confirm-dialog.view.js';
import { addStyles } from '../shared/add-styles.js';

let view: typeof confirmDialogView | undefined;

/** @internal Set by the later steps as they load (later-steps.ts). */
export function useConfirmDialog(loaded: typeof confirmDialogView): void {
  view = loaded;
}

/** @internal Renders the shell's dialog once its view is here, open while the flow is confirming a creation. */
export class ConfirmDialogController implements ReactiveController {
  #styled = false;

  constructor(
    private readonly host: LitElement,
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

  render(l: Localizer, cancel: () => void): TemplateResult | typeof nothing {
    if (!view) return nothing;
    // Its styles adopted in the update that first renders it, after the shell's own.
    if (!this.#styled && this.host.renderRoot instanceof ShadowRoot) {
      addStyles(this.host, view.styles);
      this.#styled = true;
    }
    return view.render(l, this.flow(), cancel);
  }
}
