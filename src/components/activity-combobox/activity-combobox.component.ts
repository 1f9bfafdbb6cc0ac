// The wizard's activity picker: a search-as-you-type combobox (ARIA 1.2 combobox with a listbox popup)
// over a search function the wizard provides (UploadSession.searchActivities). Internal part.
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ActivitySummary } from '../../backend/types.js';
import { Localizer } from '../../i18n/localize.js';
import { ActivityChangeEvent, AnnounceEvent } from '../shared/internal-events.js';
import { base, tokens } from '../shared/tokens.styles.js';
import { styles } from './activity-combobox.styles.js';
import { SearchTask, type ActivitySearch, type SearchAnswer, type SearchStatus } from './search-task.js';

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
  static override styles = [tokens, base, styles];

  /** Searches activities: the wizard passes `session.searchActivities`. */
  @property({ attribute: false }) search?: ActivitySearch;

  /** The chosen activity. */
  @property({ attribute: false }) value?: ActivitySummary;

  /** Strings and formats in the wizard's locale. */
  @property({ attribute: false }) localizer: Localizer = new Localizer('en');

  /** When it changes (e.g. the category filter), results already shown are stale and are dropped. */
  @property() scope = '';

  /** Milliseconds between the last keystroke and the search. */
  @property({ type: Number }) debounce = 250;

  /** Results per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The field cannot be used (e.g. while the lists load). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Marks the field as required (aria-required) and in error (aria-invalid) when the wizard says so. */
  @property({ type: Boolean }) invalid = false;

  @state() private text = '';
  @state() private open = false;
  @state() private items: readonly ActivitySummary[] = [];
  @state() private total = 0;
  /** Index of the visually focused option; `items.length` is the "more results" option. */
  @state() private active = -1;
  /** The text the shown results answer. */
  @state() private searchedText: string | undefined;

  @query('input') private input!: HTMLInputElement;

  private readonly ids = `activity-${++nextId}`;
  private readonly searching = new SearchTask(this, {
    search: () => this.search,
    debounce: () => this.debounce,
    pageSize: () => this.pageSize,
    onAnswer: (answer) => this.show(answer),
    onFailure: () => this.announce(this.localizer.t('activitySearchError')),
  });

  private get status(): SearchStatus {
    return this.searching.status;
  }

  /** Focuses the text field. */
  override focus(options?: FocusOptions): void {
    // Just rendered (e.g. after "Change"): the field exists once the first update is done.
    if (this.input) this.input.focus(options);
    else void this.updateComplete.then(() => this.input?.focus(options));
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('value') && !this.isEditing()) this.text = this.value?.name ?? '';
    if (changed.has('scope') && changed.get('scope') !== undefined) {
      this.searching.reset();
      this.items = [];
      this.total = 0;
      this.searchedText = undefined;
      this.open = false;
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('active') && this.active >= 0) {
      this.renderRoot.querySelector(`#${this.ids}-opt-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  private isEditing(): boolean {
    return this.shadowRoot?.activeElement === this.input && this.open;
  }

  private get moreAvailable(): boolean {
    return this.status === 'ready' && this.items.length < this.total;
  }

  private get optionCount(): number {
    return this.items.length + (this.moreAvailable ? 1 : 0);
  }

  // ── searching ─────────────────────────────────────────────────────────────────────────────────

  /** Searches `text` from `offset` (after the debounce when `wait`), the list open and showing it loads. */
  private runSearch(text: string, offset: number, wait = false): void {
    this.open = true;
    if (offset === 0) this.active = -1;
    this.searching.start(text, offset, wait);
  }

  /** The latest search's answer: a first page replaces the results, a next page adds to them. */
  private show({ text, offset, page }: SearchAnswer): void {
    this.items = offset === 0 ? page.items : [...this.items, ...page.items];
    this.total = page.total;
    this.searchedText = text;
    const l = this.localizer;
    const trimmed = text.trim();
    this.announce(this.items.length > 0 ? l.t('activityResults', { count: page.total }) : trimmed ? l.t('activityNoMatch', { text: trimmed }) : l.t('activityNone'));
    if (offset > 0 && page.items.length > 0) this.active = offset;
  }

  private announce(message: string): void {
    this.dispatchEvent(new AnnounceEvent(message));
  }

  // ── choosing ──────────────────────────────────────────────────────────────────────────────────

  private choose(index: number): void {
    if (index === this.items.length && this.moreAvailable) {
      this.runSearch(this.searchedText ?? this.text, this.items.length);
      return;
    }
    const activity = this.items[index];
    if (!activity) return;
    this.open = false;
    this.active = -1;
    this.text = activity.name;
    this.value = activity;
    this.dispatchEvent(new ActivityChangeEvent(activity));
  }

  private close(restore: boolean): void {
    this.searching.abort();
    this.open = false;
    this.active = -1;
    if (restore) this.text = this.value?.name ?? '';
  }

  /** Opens the popup; searches when the shown results do not answer the current text. */
  private openList(): void {
    if (this.searchedText !== this.text || this.status === 'idle' || this.status === 'error') this.runSearch(this.text, 0);
    else this.open = true;
  }

  private onInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.runSearch(this.text, 0, true);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.optionCount;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open || event.altKey) {
          this.openList();
          return;
        }
        if (count > 0) this.active = this.active < 0 || this.active >= count - 1 ? 0 : this.active + 1;
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!this.open) {
          this.openList();
          return;
        }
        if (count > 0) this.active = this.active <= 0 ? count - 1 : this.active - 1;
        return;
      case 'Enter':
        if (this.open && this.active >= 0) {
          event.preventDefault();
          this.choose(this.active);
        } else if (this.status === 'error') {
          event.preventDefault();
          this.runSearch(this.text, 0);
        } else if (this.open && this.status === 'ready' && this.items.length === 1) {
          // One result: Enter takes it, as the admin would expect.
          event.preventDefault();
          this.choose(0);
        }
        return;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          event.stopPropagation();
          this.close(false);
        } else if (this.text && this.text !== (this.value?.name ?? '')) {
          event.preventDefault();
          this.text = this.value?.name ?? '';
        }
        return;
      case 'Tab':
        if (this.open) this.close(true);
        return;
      default:
        return;
    }
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && this.shadowRoot?.contains(next)) return;
    if (this.open) this.close(true);
    else if (this.text !== (this.value?.name ?? '')) this.text = this.value?.name ?? '';
  }

  // ── rendering ─────────────────────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const l = this.localizer;
    const listId = `${this.ids}-list`;
    const showPopup = this.open && (this.status !== 'idle' || this.items.length > 0);
    const activeId = this.open && this.active >= 0 ? `${this.ids}-opt-${this.active}` : undefined;
    return html`
      <div class="field" @focusout=${this.onFocusOut}>
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
            aria-expanded=${showPopup ? 'true' : 'false'}
            aria-controls=${listId}
            aria-activedescendant=${activeId ?? nothing}
            aria-describedby=${this.value ? `${this.ids}-selected` : `${this.ids}-hint`}
            aria-required="true"
            aria-invalid=${this.invalid ? 'true' : 'false'}
            placeholder=${l.t('activityPlaceholder')}
            .value=${this.text}
            ?disabled=${this.disabled}
            @input=${this.onInput}
            @keydown=${this.onKeyDown}
            @click=${() => !this.open && this.openList()}
          />
          <span class="indicator" aria-hidden="true">${this.status === 'loading' ? html`<span class="spinner"></span>` : '▾'}</span>
        </div>
        <div class="popup" ?hidden=${!showPopup}>
          <ul role="listbox" id=${listId} aria-label=${l.t('activityLabel')} @mousedown=${(e: Event) => e.preventDefault()}>
            ${this.items.map((activity, i) => this.renderOption(activity, i))}
            ${this.moreAvailable
              ? html`<li role="option" id="${this.ids}-opt-${this.items.length}" class="more" aria-selected=${this.active === this.items.length ? 'true' : 'false'}
                  @click=${() => this.choose(this.items.length)}>${l.t('activityMore', { shown: this.items.length, total: this.total })}</li>`
              : nothing}
          </ul>
          ${this.renderStatus()}
        </div>
        ${this.value
          ? html`<p class="hint selected" id="${this.ids}-selected">${this.describe(this.value)}</p>`
          : html`<p class="hint" id="${this.ids}-hint">${l.t('activityHint')}</p>`}
      </div>
    `;
  }

  private renderStatus(): TemplateResult | typeof nothing {
    const l = this.localizer;
    if (this.status === 'loading') return html`<div class="status"><span class="spinner" aria-hidden="true"></span>${l.t('activitySearching')}</div>`;
    if (this.status === 'error') {
      return html`<div class="status error">
        <span>${l.t('activitySearchError')}</span>
        <button type="button" class="button" @click=${() => this.runSearch(this.text, 0)}>${l.t('retry')}</button>
      </div>`;
    }
    if (this.status === 'ready' && this.items.length === 0) {
      const text = (this.searchedText ?? '').trim();
      return html`<div class="status">${text ? l.t('activityNoMatch', { text }) : l.t('activityNone')}</div>`;
    }
    return nothing;
  }

  private renderOption(activity: ActivitySummary, i: number): TemplateResult {
    return html`<li
      role="option"
      id="${this.ids}-opt-${i}"
      aria-selected=${this.active === i ? 'true' : 'false'}
      @click=${() => this.choose(i)}
      @mousemove=${() => this.active !== i && (this.active = i)}
    >
      <span class="option-name" dir="auto">${this.highlight(activity.name)}</span>
      <span class="option-meta">${activity.code ? html`<bdi class="code">${this.highlight(activity.code)}</bdi>` : nothing}${this.describe(activity, false)}</span>
    </li>`;
  }

  /** Dates, category and place of an activity, in the locale; the LMS's words each isolated (`bdi`). */
  private describe(activity: ActivitySummary, withCode = true): TemplateResult[] {
    const l = this.localizer;
    const period = activity.endDate
      ? l.t('activityPeriod', { start: l.date(activity.startDate), end: l.date(activity.endDate) })
      : l.t('activityFrom', { start: l.date(activity.startDate) });
    const lms = (text: string | undefined) => (text ? html`<bdi>${text}</bdi>` : undefined);
    const parts = [withCode ? lms(activity.code) : undefined, lms(activity.categoryName), html`${period}`, lms(activity.location)];
    return parts.filter((p) => p !== undefined).map((p, i) => (i === 0 ? p : html` · ${p}`));
  }

  /** Underlines the searched text in a result, so the admin sees why it matched. */
  private highlight(text: string): TemplateResult | string {
    const needle = (this.searchedText ?? '').trim();
    if (!needle) return text;
    const at = text.toLocaleLowerCase().indexOf(needle.toLocaleLowerCase());
    if (at < 0) return text;
    return html`${text.slice(0, at)}<mark>${text.slice(at, at + needle.length)}</mark>${text.slice(at + needle.length)}`;
  }
}
