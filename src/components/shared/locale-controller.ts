// Gives an element its Localizer: from its `locale`, else its `lang`, else the nearest `lang` up the
// tree (across shadow roots), else the document's; re-renders when the document's lang or dir changes.
// A language other than English is a chunk of its own: the host's update waits for it (so it renders
// once, in the right language, and `updateComplete` means the words are there).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Localizer, loadTranslation, onTranslation, translationPending, type MessageOverrides } from '../../i18n/localize.js';

export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  locale?: string;
  messages?: MessageOverrides;
}

const hosts = new Set<LocalizedHost>();
let documentObserver: MutationObserver | undefined;
/** Bumped when a language arrives, so every cached Localizer is made again. */
let generation = 0;
onTranslation(() => {
  generation++;
  hosts.forEach((host) => host.requestUpdate());
});

function observeDocument(): void {
  if (documentObserver || typeof MutationObserver === 'undefined') return;
  documentObserver = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
  documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
}

/** The `lang` of the element or its nearest ancestor, walking out of shadow roots. */
export function inheritedLang(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    const parent: Element | null = node.parentElement;
    if (parent) {
      node = parent;
    } else {
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return '';
}

/** @internal Gives an element its Localizer. */
export class LocaleController implements ReactiveController {
  /** The `dir` this controller put on the host (so a host's own `dir` is never overwritten). */
  private dirSet?: string;
  private cache?: { locale: string; messages: MessageOverrides | undefined; generation: number; localizer: Localizer };

  constructor(private readonly host: LocalizedHost) {
    host.addController(this);
    // Lit's documented hook for the timing of an update: wait for the locale's tables when they are not
    // here yet (a few milliseconds from the cache), then render.
    const updatable = host as unknown as { scheduleUpdate(): void | Promise<unknown> };
    const schedule = updatable.scheduleUpdate.bind(host);
    updatable.scheduleUpdate = () => {
      const pending = translationPending(this.locale);
      return pending ? loadTranslation(pending).then(schedule) : schedule();
    };
  }

  hostConnected(): void {
    hosts.add(this.host);
    observeDocument();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  /** `dir` follows the locale (rtl for Arabic) unless the host page set `dir` on the element itself. */
  hostUpdate(): void {
    const dir = this.localizer.dir;
    const own = this.host.getAttribute('dir');
    if (own !== null && own !== this.dirSet) return;
    if (dir === 'rtl' && own !== 'rtl') this.host.setAttribute('dir', 'rtl');
    else if (dir === 'ltr' && own !== null) this.host.removeAttribute('dir');
    this.dirSet = dir === 'rtl' ? 'rtl' : undefined;
  }

  /** The locale in force: `locale` property, else the inherited `lang`, else English. */
  get locale(): string {
    return this.host.locale || inheritedLang(this.host) || 'en';
  }

  /** The Localizer for the current locale and overrides (rebuilt only when they change). */
  get localizer(): Localizer {
    const locale = this.locale;
    const messages = this.host.messages;
    if (!this.cache || this.cache.locale !== locale || this.cache.messages !== messages || this.cache.generation !== generation) {
      this.cache = { locale, messages, generation, localizer: new Localizer(locale, messages ?? {}) };
    }
    return this.cache.localizer;
  }
}
