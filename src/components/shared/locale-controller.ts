// Gives an element its Localizer: from its `locale`, else its `lang`, else the nearest `lang` up the
// tree (across shadow roots), else the document's; re-renders when the document's lang or dir changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Localizer, type MessageOverrides } from '../../i18n/localize.js';

export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  locale?: string;
  messages?: MessageOverrides;
}

const hosts = new Set<LocalizedHost>();
let documentObserver: MutationObserver | undefined;

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
  private cache?: { locale: string; messages: MessageOverrides | undefined; localizer: Localizer };

  constructor(private readonly host: LocalizedHost) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    observeDocument();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  /** The locale in force: `locale` property, else the inherited `lang`, else English. */
  get locale(): string {
    return this.host.locale || inheritedLang(this.host) || 'en';
  }

  /** The Localizer for the current locale and overrides (rebuilt only when they change). */
  get localizer(): Localizer {
    const locale = this.locale;
    const messages = this.host.messages;
    if (!this.cache || this.cache.locale !== locale || this.cache.messages !== messages) {
      this.cache = { locale, messages, localizer: new Localizer(locale, messages ?? {}) };
    }
    return this.cache.localizer;
  }
}
