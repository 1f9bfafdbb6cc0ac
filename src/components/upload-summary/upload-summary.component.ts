// <upload-summary>: renders an UploadSummary (records ready, learners, date range, breakdowns). Used by
// the wizard's review step and usable on its own in a host page. The element and its properties are here
// (defined by the registration modules, so a host can set them at once); its template and its styles
// (upload-summary.view.ts) load on the first connection: the first screens do not show a summary.
// Until they arrive it renders nothing, and `updateComplete` waits for them.
import { css, nothing, type TemplateResult } from 'lit';
import { addStyles } from '../shared/add-styles.js';
import type { UploadSummary } from '../../core/summary.js';
import type { MessageOverrides } from '../../i18n/localize.js';
import { OfflineUploadElement } from '../shared/base-element.js';
import type * as ViewModule from './upload-summary.view.js';

type View = typeof ViewModule;
let view: View | undefined;
let loading: Promise<View | undefined> | undefined;

/**
 * @internal The view, loaded once for every summary on the page (tried again on the next connection if it
 * failed); the wizard's later steps ask for it as they load.
 */
export function loadSummaryView(): Promise<View | undefined> {
  loading ??= import('./upload-summary.view.js').then(
    (m) => (view = m),
    () => {
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}

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
  // Until the view's styles are adopted: a block, as they make it.
  static override styles = css`
    :host {
      display: block;
    }
  `;

  // Declared here rather than with decorators: their code would be on every host's first load for this.
  static override properties = {
    summary: { attribute: false },
    layout: { reflect: true },
    locale: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    messages: { attribute: false },
  };

  #styled = false;

  /** The summary to show (from `UploadSession.state.summary` or `summarise()`); property only. */
  summary?: UploadSummary;

  /** `full` shows every breakdown; `compact` shows one line of key figures. */
  layout: 'compact' | 'full' = 'full';

  /** Locale for numbers, dates and text, e.g. `fr-CA`; wins over `lang`. */
  override locale?: string;

  /** Level of the breakdown headings (2–6), to fit the host page's outline. */
  headingLevel = 3;

  /** Host overrides of any string (see MessageOverrides). */
  override messages?: MessageOverrides;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!view) void loadSummaryView().then((loaded) => loaded && this.requestUpdate());
  }

  /** Complete once the view has loaded and rendered the summary. */
  protected override async getUpdateComplete(): Promise<boolean> {
    if (!view && this.isConnected) await loadSummaryView();
    return super.getUpdateComplete();
  }

  override render(): TemplateResult | typeof nothing {
    if (!view) return nothing;
    // Adopted in the same update that first renders the summary: never shown unstyled.
    if (!this.#styled && this.renderRoot instanceof ShadowRoot) {
      addStyles(this, [view.styles]);
      this.#styled = true;
    }
    return view.renderSummary(this, this.l);
  }
}
