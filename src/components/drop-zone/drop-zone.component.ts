// The file input of the upload step: a drop area plus a real button that opens the file picker, so
// dragging is a convenience and the keyboard path is the plain button. Internal part.
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { laterWordsEn } from '../../i18n/later-words.js';
import { Localizer, useLaterWords } from '../../i18n/localize.js';
import { base, tokens } from '../shared/tokens.styles.js';
import { styles } from './drop-zone.styles.js';
import { AnnounceEvent, FileSelectEvent } from '../shared/internal-events.js';

/** What the picker offers: the extensions and their MIME types (some systems filter by one, some by the other). */
export const SPREADSHEET_ACCEPT =
  '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * @internal
 * Drop area and "Choose a file" button for one spreadsheet. Internal part of <offline-upload-wizard>.
 *
 * @summary Drop zone and file picker for one spreadsheet.
 *
 * @csspart zone - The drop area.
 * @csspart button - The "Choose a file" button.
 *
 * Internal events (not public API): `offline-upload-internal-file-select` (one file was dropped or
 * picked; `detail.file`) and `offline-upload-internal-announce` (for the wizard's live region).
 */
export class DropZoneElement extends LitElement {
  static override styles = [tokens, base, styles];

  /** Strings in the wizard's locale. */
  @property({ attribute: false }) localizer: Localizer = new Localizer('en');

  constructor() {
    super();
    // A public element a host may define on its own: its words are not on the first load (later-words.ts).
    useLaterWords(laterWordsEn);
  }

  /** Passed to the file input. */
  @property() accept = SPREADSHEET_ACCEPT;

  /** Text of the button (defaults to "Choose a file"). */
  @property() label?: string;

  /** One line under the button, e.g. the accepted formats and size. */
  @property() limits?: string;

  /** A button only, still accepting drops: for "Upload a corrected file". */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Neither drops nor the button do anything. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private dragging = false;
  /** Why the last drop was not taken, shown under the button (a screen reader hears it through `announce`). */
  @state() private refusal = '';

  @query('input[type=file]') private input!: HTMLInputElement;
  @query('button') private button!: HTMLButtonElement;

  /** Opens the system file picker. */
  open(): void {
    if (!this.disabled) this.input.click();
  }

  /** Focuses the "Choose a file" button. */
  override focus(options?: FocusOptions): void {
    if (this.button) this.button.focus(options);
    else void this.updateComplete.then(() => this.button?.focus(options));
  }

  private select(files: FileList | null | undefined): void {
    if (!files || files.length === 0 || this.disabled) return;
    if (files.length > 1) {
      this.refusal = this.localizer.t('dropOneFile');
      this.dispatchEvent(new AnnounceEvent(this.refusal, true));
      return;
    }
    this.refusal = '';
    this.dispatchEvent(new FileSelectEvent(files[0]!));
  }

  private onDragOver(event: DragEvent): void {
    if (this.disabled || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDragLeave(event: DragEvent): void {
    const to = event.relatedTarget as Node | null;
    if (to && this.shadowRoot?.contains(to)) return;
    this.dragging = false;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    this.select(event.dataTransfer?.files);
  }

  private onChange(): void {
    this.select(this.input.files);
    // The same file may be picked again after it is corrected and saved under the same name.
    this.input.value = '';
  }

  override render(): TemplateResult {
    const l = this.localizer;
    return html`
      <div part="zone" class="zone ${this.dragging ? 'dragging' : ''}" @dragover=${this.onDragOver} @dragenter=${this.onDragOver}
        @dragleave=${this.onDragLeave} @drop=${this.onDrop}>
        ${this.compact
          ? nothing
          : html`<svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" aria-hidden="true">
                <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" /><path d="M14 3v5h5" /><path d="M12 18v-6" /><path d="m9 15 3-3 3 3" />
              </svg>
              <p>${l.t('dropHere')}</p>`}
        <button part="button" type="button" class="button ${this.compact ? '' : 'primary'}" ?disabled=${this.disabled} @click=${this.open}>
          ${this.label ?? l.t('chooseFile')}
        </button>
        ${this.limits && !this.compact ? html`<p class="hint">${this.limits}</p>` : nothing}
        ${this.refusal ? html`<p class="error-text">${this.refusal}</p>` : nothing}
        <input type="file" accept=${this.accept} tabindex="-1" aria-hidden="true" @change=${this.onChange} />
      </div>
    `;
  }
}
