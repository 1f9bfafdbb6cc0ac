// The wizard's activity picker: a search-as-you-type combobox (ARIA 1.2 combobox with a listbox popup)
// over a search function the wizard provides (UploadSession.searchActivities). Internal part.
// The field renders at once (label, hint, the combobox's role and state); the list — the search, the
// options, the keys that move among them, a chosen activity's details — is combobox-list.ts, loaded on the
// field's first focus (with a chosen activity, before the field renders): until it arrives the field takes
// typing as any text field, and what the admin typed or asked for is searched then.
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ActivitySummary } from '../../backend/types.js';
import { Localizer } from '../../i18n/localize.js';
import { makeFailure, type SessionFailure } from '../../session/failures.js';
import { AnnounceEvent } from '../shared/internal-events.js';
import { renderFailure } from '../shared/step-element.js';
import { stepNoticeStyles } from '../shared/step-notices.styles.js';
import { base, tokens } from '../shared/tokens.styles.js';
import { styles } from './activity-combobox.styles.js';
import type { ComboboxList } from './combobox-list.js';
import type { ActivitySearch } from './search-task.js';

export type { ActivitySearch } from './search-task.js';

let nextId = 0;

/**
 * @internal
 * Search-as-you-type activity picker: debounced search, arrow keys, Enter, Escape, loading, empty and
 * error states, and "more results" paging. Internal part of <offline-upload-wizard>, defined by its
 * registration module; not meant to be used on its own.
 *
 * @summary Combobox that finds and chooses an offline activity.
 *
 * Internal events (not public API): `offline-upload-internal-activity-change` (the admin chose an
 * activity; `detail` is the ActivitySummary) and `offline-upload-internal-announce` (for the live region).
 */
export class ActivityComboboxElement extends LitElement {
  static override styles = [tokens, base, stepNoticeStyles, styles];
  // Declared here rather than with lit's decorators: the choose step is on a first load, and no other element
  // on it uses them (the decorators' helpers would load for these two elements alone).
  static override properties = {
    search: { attribute: false },
    value: { attribute: false },
    localizer: { attribute: false },
    scope: {},
    debounce: { type: Number },
    pageSize: { type: Number, attribute: 'page-size' },
    disabled: { type: Boolean, reflect: true },
    invalid: { type: Boolean },
    text: { state: true },
    open: { state: true },
    failure: { state: true },
  };

  /** Searches activities: the wizard passes `session.searchActivities`. */
  search?: ActivitySearch;

  /** The chosen activity. */
  value?: ActivitySummary;

  /** Strings and formats in the wizard's locale. */
  localizer: Localizer = new Localizer('en');

  /** When it changes (e.g. the category filter), results already shown are stale and are dropped. */
  scope = '';

  /** Milliseconds between the last keystroke and the search. */
  debounce = 250;

  /** Results per page. */
  pageSize = 20;

  /** The field cannot be used (e.g. while the lists load). */
  disabled = false;

  /** Marks the field as required (aria-required) and in error (aria-invalid) when the wizard says so. */
  invalid = false;

  /** @internal The field's text: what the admin typed, or the chosen activity's name. */
  text = '';
  /** @internal The admin asked for the list (typed, clicked, an arrow); it shows once it has something to show. */
  open = false;
  /** The list's code did not load: the failure, with Try again. */
  private failure?: SessionFailure;

  /** @internal The prefix of the ids in the shadow root. */
  readonly ids = `activity-${++nextId}`;
  #list?: ComboboxList;
  #loading?: Promise<void>;
  /** The admin typed before the list's code arrived: searched as typing is, once the debounce has passed. */
  #typed = false;

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  /** Focuses the text field. */
  override focus(options?: FocusOptions): void {
    // Just rendered (e.g. after "Change"): the field exists once the first update is done.
    if (this.input) this.input.focus(options);
    else void this.updateComplete.then(() => this.input?.focus(options));
  }

  /** @internal The chosen activity's name: what the field shows when the admin is not typing. */
  get chosenText(): string {
    return this.value?.name ?? '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('value') && !(this.open && this.shadowRoot?.activeElement === this.input)) this.text = this.chosenText;
    if (changed.has('scope') && changed.get('scope') !== undefined) {
      this.#list?.reset();
      this.open = false;
    }
  }

  /** @internal Imports the list's code (a chunk of its own); once it is here, what the admin asked for shows. */
  loadList(): Promise<{ ComboboxList: typeof ComboboxList }> {
    return import('./combobox-list.js');
  }

  /** With a chosen activity, renders once the list is here (it describes the activity): no frame without it. */
  protected override async scheduleUpdate(): Promise<void> {
    if (this.value && !this.#list && !this.failure) await this.#load();
    super.scheduleUpdate();
  }

  #load(): Promise<void> {
    return (this.#loading ??= this.loadList().then(
      ({ ComboboxList }) => {
        this.failure = undefined;
        const list = (this.#list = new ComboboxList(this));
        if (this.open) {
          if (this.#typed) list.search(this.text);
          else list.openList();
        }
      },
      (error: unknown) => {
        this.#loading = undefined;
        // Our own code did not load: an internal, retryable failure, never the admin's search.
        this.failure = makeFailure('unexpected', error, { retryable: true });
        this.announce(this.localizer.failure(this.failure), true);
      },
    ));
  }

  /** @internal Says `message` in the wizard's live region. */
  announce(message: string, assertive = false): void {
    this.dispatchEvent(new AnnounceEvent(message, assertive));
  }

  /** @internal Opens the list: it searches when its results do not answer the current text. */
  openList(): void {
    this.open = true;
    if (this.#list) this.#list.openList();
    else this.#load();
  }

  /** @internal Closes the list (its search abandoned); `restore` puts the chosen activity's name back. */
  close(restore: boolean): void {
    this.#list?.abort();
    this.open = false;
    if (restore) this.text = this.chosenText;
  }

  #onInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.open = true;
    this.#typed = true;
    if (this.#list) this.#list.search(this.text);
    else this.#load();
  }

  #onKeyDown(event: KeyboardEvent): void {
    // The keys among the options come with the list (it loads on the field's first focus); an arrow pressed
    // before it is here opens it once it arrives.
    if (this.#list) this.#list.keydown(event);
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.openList();
    }
  }

  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.shadowRoot?.contains(next)) this.close(true);
  }

  // ── rendering ─────────────────────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const l = this.localizer;
    const list = this.#list;
    const listId = `${this.ids}-list`;
    const expanded = this.open && list?.showing === true;
    const activeId = this.open ? list?.activeId : undefined;
    return html`
      <div class="field" @focusout=${this.#onFocusOut}>
        <label for="${this.ids}-input">${l.t('activityLabel')}</label>
        <div class="input-wrap">
          <input
            id="${this.ids}-input"
            class="control"
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls=${listId}
            aria-activedescendant=${activeId ?? nothing}
            aria-describedby=${this.value ? `${this.ids}-selected` : `${this.ids}-hint`}
            aria-required="true"
            aria-invalid=${this.invalid ? 'true' : 'false'}
            placeholder=${l.t('activityPlaceholder')}
            .value=${this.text}
            ?disabled=${this.disabled}
            @focus=${this.#load}
            @input=${this.#onInput}
            @keydown=${this.#onKeyDown}
            @click=${() => !this.open && this.openList()}
          />
          <span class="indicator" aria-hidden="true">${list?.status === 'loading' ? html`<span class="spinner"></span>` : '▾'}</span>
        </div>
        <div class="popup" ?hidden=${!expanded}>
          <ul role="listbox" id=${listId} aria-label=${l.t('activityLabel')} @mousedown=${(e: Event) => e.preventDefault()}>
            ${list?.renderOptions()}
          </ul>
          ${list?.renderStatus()}
        </div>
        ${this.failure
          ? html`${renderFailure(this, l, this.failure)}
              <p><button type="button" class="button quiet" @click=${this.#load}>${l.t('retry')}</button></p>`
          : nothing}
        ${this.value
          ? html`<p class="hint selected" id="${this.ids}-selected">${list?.describe(this.value)}</p>`
          : html`<p class="hint" id="${this.ids}-hint">${l.t('activityHint')}</p>`}
      </div>
    `;
  }
}
