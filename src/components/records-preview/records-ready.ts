// What the wizard shows once a file is clean, on the review step and on the create step alike: the key
// figures, the records preview, and what "Create records" will do in the preview's own counts — the same
// lines the confirmation repeats, so the admin confirms exactly what they looked at.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localize.js';
import { createPlan, type CreatePlan } from '../../session/preview.js';
import type { UploadSession } from '../../session/upload-session.js';
import type { WizardFlow } from '../../session/wizard-flow.js';
import type { WizardContext } from '../shared/wizard-context.js';

/** The plan of the current clean upload (undefined before the dry run has labelled every row). */
export function planOf(session: UploadSession): CreatePlan | undefined {
  const preview = session.preview;
  return preview ? createPlan(preview, session.state.editing?.deleted.length ?? 0) : undefined;
}

/** The plan in words: new records always, the rows left unchanged and the rows deleted when there are any. */
export function planLines(l: Localizer, plan: CreatePlan): string[] {
  return [
    l.t('planCreate', { count: plan.create }),
    ...(plan.unchanged > 0 ? [l.t('planUnchanged', { count: plan.unchanged })] : []),
    ...(plan.deleted > 0 ? [l.t('planDeleted', { count: plan.deleted })] : []),
  ];
}

/** The plan of `flow`'s upload in words, none before the dry run has labelled every row (the confirmation's lines). */
export function planWords(l: Localizer, flow: WizardFlow): string[] {
  const plan = planOf(flow.session);
  return plan ? planLines(l, plan) : [];
}

export function renderRecordsReady(ctx: WizardContext): TemplateResult {
  const { localizer: l, state, session, options } = ctx;
  const preview = session.preview;
  const plan = planOf(session);
  return html`
    <upload-summary part="summary" exportparts="base: summary-base, headline: summary-headline" layout="compact" .summary=${state.summary}
      .messages=${options.messages} locale=${l.locale}></upload-summary>
    ${preview ? html`<offline-upload-records-preview class="records-preview" .preview=${preview} .localizer=${l}></offline-upload-records-preview>` : nothing}
    ${plan ? html`<div class="plan" id="create-plan">${planLines(l, plan).map((line) => html`<p>${line}</p>`)}</div>` : nothing}
  `;
}

/** The look of the block above (steps add it to their styles). */
export const recordsReadyStyles = css`
  .records-preview {
    margin-block: 1rem;
  }
  .plan {
    margin-block: 1rem 0;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-inline-start: 3px solid var(--_accent);
    background: var(--_accent-soft);
    border-radius: var(--_radius);
  }
  .plan p {
    margin: 0;
  }
  .plan p:first-child {
    font-weight: 600;
  }
`;
