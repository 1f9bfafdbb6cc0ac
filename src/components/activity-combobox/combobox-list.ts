// The activity combobox's list, loaded on the field's first focus (activity-combobox.component.ts): the
// search (SearchTask, with @lit/task), the options with the searched text underlined, "more results",
// the arrows and Enter among the options, and the list's states (searching, nothing found, failed).
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { ActivitySummary } from '../../backend/types.js';
import { useChooseWords } from '../../i18n/localize.js';
import { uiChooseLaterEn } from '../../i18n/ui-choose-later.en.js';
import { addStyles } from '../shared/add-styles.js';
import { ActivityChangeEvent } from '../shared/internal-events.js';
import type { ActivityComboboxElement } from './activity-combobox.component.js';
import { listStyles } from './combobox-list.styles.js';
import { SearchTask, type SearchAnswer, type SearchStatus } from './search-task.js';

/** @internal The list of an ActivityComboboxElement, made once its code is here. */
export class ComboboxList implements ReactiveController {
  #items: readonly ActivitySummary[] = [];
  #total = 0;
  /** Index of the visually focused option; `items.length` is the "more results" option. */
  #active = -1;
  /** The option last brought into view. */
  #shown = -1;
  /** The text the shown results answer. */
  #searchedText: string | undefined;
  readonly #searching: SearchTask;

  constructor(private readonly host: ActivityComboboxElement) {
    this.#searching = new SearchTask(host, {
      search: () => host.search,
      debounce: () => host.debounce,
      pageSize: () => host.pageSize,
      onAnswer: (answer) => this.#show(answer),
      onFailure: () => host.announce(host.localizer.t('activitySearchError')),
    });
    host.addController(this);
    // Its words and its look come with it, before it renders (the look after the host's own).
    useChooseWords(uiChooseLaterEn);
    addStyles(host, [listStyles]);
  }

  get status(): SearchStatus {
    return this.#searching.status;
  }

  /** Whether the open list has something to show: results, or the state of its search. */
  get showing(): boolean {
    return this.status !== 'idle' || this.#items.length > 0;
  }

  get activeId(): string | undefined {
    return this.#active >= 0 ? `${this.host.ids}-opt-${this.#active}` : undefined;
  }

  hostUpdated(): void {
    if (this.#active === this.#shown) return;
    this.#shown = this.#active;
    if (this.#active >= 0) this.host.renderRoot.querySelector(`#${this.activeId}`)?.scrollIntoView({ block: 'nearest' });
  }

  get #moreAvailable(): boolean {
    return this.status === 'ready' && this.#items.length < this.#total;
  }

  // ── searching ─────────────────────────────────────────────────────────────────────────────────

  /** Searches `text` from `offset` (after the debounce when `wait`), the list open and showing it loads. */
  #runSearch(text: string, offset: number, wait = false): void {
    this.host.open = true;
    if (offset === 0) this.#active = -1;
    this.#searching.start(text, offset, wait);
  }

  /** The admin typed: searches the field's text once typing stops. */
  search(text: string): void {
    this.#runSearch(text, 0, true);
  }

  /** The list opens: searches when the shown results do not answer the field's text. */
  openList(): void {
    const { text } = this.host;
    if (this.#searchedText !== text || this.status === 'idle' || this.status === 'error') this.#runSearch(text, 0);
  }

  /** The latest search's answer: a first page replaces the results, a next page adds to them. */
  #show({ text, offset, page }: SearchAnswer): void {
    this.#items = offset === 0 ? page.items : [...this.#items, ...page.items];
    this.#total = page.total;
    this.#searchedText = text;
    const l = this.host.localizer;
    const trimmed = text.trim();
    this.host.announce(this.#items.length > 0 ? l.t('activityResults', { count: page.total }) : trimmed ? l.t('activityNoMatch', { text: trimmed }) : l.t('activityNone'));
    if (offset > 0 && page.items.length > 0) this.#active = offset;
    this.host.requestUpdate();
  }

  /** Abandons the running search (the list closes). */
  abort(): void {
    this.#searching.abort();
    this.#active = -1;
  }

  /** Forgets the results too: they no longer apply (a new scope). */
  reset(): void {
    this.#searching.reset();
    this.#items = [];
    this.#total = 0;
    this.#searchedText = undefined;
  }

  // ── choosing ──────────────────────────────────────────────────────────────────────────────────

  /** Arrow keys in the open list: the next (1) or previous (-1) option becomes active, wrapping. */
  #move(step: 1 | -1): void {
    const count = this.#items.length + (this.#moreAvailable ? 1 : 0);
    if (count === 0) return;
    const active = this.#active;
    this.#active = step > 0 ? (active < 0 || active >= count - 1 ? 0 : active + 1) : active <= 0 ? count - 1 : active - 1;
    this.host.requestUpdate();
  }

  /** The field's keys: arrows open the list or move among its options, Enter chooses, Escape closes then restores, Tab closes. */
  keydown(event: KeyboardEvent): void {
    const { key } = event;
    const host = this.host;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      // Closed (or Alt+Down): open the list; open: move among its options.
      if (!host.open || (key === 'ArrowDown' && event.altKey)) host.openList();
      else this.#move(key === 'ArrowDown' ? 1 : -1);
    } else if (key === 'Enter') {
      this.#enter(event);
    } else if (key === 'Escape') {
      if (host.open) {
        event.preventDefault();
        event.stopPropagation();
        host.close(false);
      } else if (host.text && host.text !== host.chosenText) {
        event.preventDefault();
        host.text = host.chosenText;
      }
    } else if (key === 'Tab' && host.open) {
      host.close(true);
    }
  }

  #enter(event: KeyboardEvent): void {
    const open = this.host.open;
    if (open && this.#active >= 0) {
      event.preventDefault();
      this.#choose(this.#active);
    } else if (this.status === 'error') {
      event.preventDefault();
      this.#runSearch(this.host.text, 0);
    } else if (open && this.status === 'ready' && this.#items.length === 1) {
      // One result: Enter takes it, as the admin would expect.
      event.preventDefault();
      this.#choose(0);
    }
  }

  #choose(index: number): void {
    const host = this.host;
    if (index === this.#items.length && this.#moreAvailable) {
      this.#runSearch(this.#searchedText ?? host.text, this.#items.length);
      return;
    }
    const activity = this.#items[index];
    if (!activity) return;
    host.open = false;
    this.#active = -1;
    host.text = activity.name;
    host.value = activity;
    host.dispatchEvent(new ActivityChangeEvent(activity));
  }

  // ── rendering ─────────────────────────────────────────────────────────────────────────────────

  renderOptions(): TemplateResult {
    const l = this.host.localizer;
    const items = this.#items;
    return html`${items.map((activity, i) => this.#renderOption(activity, i))}
    ${this.#moreAvailable
      ? html`<li role="option" id="${this.host.ids}-opt-${items.length}" class="more" aria-selected=${this.#active === items.length ? 'true' : 'false'}
          @click=${() => this.#choose(items.length)}>${l.t('activityMore', { shown: items.length, total: this.#total })}</li>`
      : nothing}`;
  }

  renderStatus(): TemplateResult | typeof nothing {
    const l = this.host.localizer;
    if (this.status === 'loading') return html`<div class="status"><span class="spinner" aria-hidden="true"></span>${l.t('activitySearching')}</div>`;
    if (this.status === 'error') {
      return html`<div class="status error">
        <span>${l.t('activitySearchError')}</span>
        <button type="button" class="button" @click=${() => this.#runSearch(this.host.text, 0)}>${l.t('retry')}</button>
      </div>`;
    }
    if (this.status === 'ready' && this.#items.length === 0) {
      const text = (this.#searchedText ?? '').trim();
      return html`<div class="status">${text ? l.t('activityNoMatch', { text }) : l.t('activityNone')}</div>`;
    }
    return nothing;
  }

  #renderOption(activity: ActivitySummary, i: number): TemplateResult {
    return html`<li
      role="option"
      id="${this.host.ids}-opt-${i}"
      aria-selected=${this.#active === i ? 'true' : 'false'}
      @click=${() => this.#choose(i)}
      @mousemove=${() => {
        if (this.#active === i) return;
        this.#active = i;
        this.host.requestUpdate();
      }}
    >
      <span class="option-name" dir="auto">${this.#highlight(activity.name)}</span>
      <span class="option-meta">${activity.code ? html`<bdi class="code">${this.#highlight(activity.code)}</bdi>` : nothing}${this.describe(activity, false)}</span>
    </li>`;
  }

  /** Dates, category and place of an activity, in the locale; the LMS's words each isolated (`bdi`). */
  describe(activity: ActivitySummary, withCode = true): TemplateResult[] {
    const l = this.host.localizer;
    const period = activity.endDate
      ? l.t('activityPeriod', { start: l.date(activity.startDate), end: l.date(activity.endDate) })
      : l.t('activityFrom', { start: l.date(activity.startDate) });
    const lms = (text: string | undefined) => (text ? html`<bdi>${text}</bdi>` : undefined);
    const parts = [withCode ? lms(activity.code) : undefined, lms(activity.categoryName), html`${period}`, lms(activity.location)];
    return parts.filter((p) => p !== undefined).map((p, i) => (i === 0 ? p : html` · ${p}`));
  }

  /** Underlines the searched text in a result, so the admin sees why it matched. */
  #highlight(text: string): TemplateResult | string {
    const needle = (this.#searchedText ?? '').trim();
    if (!needle) return text;
    const at = text.toLocaleLowerCase().indexOf(needle.toLocaleLowerCase());
    if (at < 0) return text;
    return html`${text.slice(0, at)}<mark>${text.slice(at, at + needle.length)}</mark>${text.slice(at + needle.length)}`;
  }
}
