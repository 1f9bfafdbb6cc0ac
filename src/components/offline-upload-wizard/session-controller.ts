// SessionController: connects the wizard to an LMS. It makes the UploadSession and its WizardFlow for
// the current backend (the `backend` property, else a RestBackend loaded on demand for `api-base`),
// re-renders the host at every change, says when there is no backend or the REST client could not be
// made, and disposes the session when the host leaves the page.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LmsBackend } from '../../backend/types.js';
import { makeFailure, type SessionFailure } from '../../session/failures.js';
import { discardOnPageHide } from '../../session/page-lifecycle.js';
import type { Preset, SessionOptions } from '../../session/types.js';
import { UploadSession } from '../../session/upload-session.js';
import { WizardFlow } from '../../session/wizard-flow.js';

/** How long the host may take to set a backend before the wizard says it has none. */
const NOT_CONFIGURED_AFTER_MS = 1000;

export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  readonly backend?: LmsBackend;
  readonly apiBase?: string;
  readonly hasUpdated: boolean;
}

export interface SessionHooks {
  options(): SessionOptions;
  preset(): Preset;
  /** Listens to a new session and flow; returns what stops listening. */
  attach(session: UploadSession, flow: WizardFlow): () => void;
  /** The connection failed (assertive announcement). */
  failed?(failure: SessionFailure): void;
}

/** @internal Connects the wizard to an LMS. */
export class SessionController implements ReactiveController {
  session?: UploadSession;
  flow?: WizardFlow;
  /** Why there is no session: no backend (after a grace period) or no REST client for `api-base`. */
  failure?: SessionFailure;
  #key?: unknown;
  #generation = 0;
  #detach?: () => void;
  #disposeTimer?: ReturnType<typeof setTimeout>;
  #notConfiguredTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: SessionHost,
    private readonly hooks: SessionHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    clearTimeout(this.#disposeTimer);
    if (this.host.hasUpdated) void this.connect();
  }

  hostDisconnected(): void {
    // Moving the element in the page disconnects and reconnects it at once: keep the session then.
    this.#disposeTimer = setTimeout(() => this.#teardown(), 0);
  }

  /** Makes the session for the current backend (once per backend) and starts it; `force` retries a failed connection. */
  async connect(force = false): Promise<void> {
    const { backend: given, apiBase } = this.host;
    const key = given ?? apiBase;
    if (!force && this.session && key === this.#key) return;
    this.#key = key;
    const generation = ++this.#generation;
    let backend: LmsBackend | undefined = given;
    let failure: SessionFailure | undefined;
    if (!backend && apiBase) {
      try {
        // Loaded on demand: a host that passes its own backend never downloads the REST client and zod.
        const { restBackend } = await import('./rest-client.js');
        backend = restBackend(apiBase);
      } catch (error) {
        // A chunk that no longer loads (e.g. after a redeploy) or a base URL refused: said, with Try again,
        // instead of "checking your access" for ever.
        failure = makeFailure('connect-failed', error, { retryable: true });
      }
    }
    if (generation !== this.#generation || !this.host.isConnected) return;
    this.#teardown();
    this.#key = key;
    this.failure = failure;
    if (!backend) {
      this.host.requestUpdate();
      if (failure) {
        this.hooks.failed?.(failure);
        return;
      }
      // Hosts often set api-base or backend a moment after the element appears (once their own set-up
      // is done): say "not connected" only if it stays so.
      this.#notConfiguredTimer = setTimeout(() => {
        if (this.session) return;
        this.failure = makeFailure('not-configured');
        this.host.requestUpdate();
      }, NOT_CONFIGURED_AFTER_MS);
      return;
    }
    const session = new UploadSession(backend, this.hooks.options());
    const flow = new WizardFlow(session);
    this.session = session;
    this.flow = flow;
    const update = (): void => this.host.requestUpdate();
    session.addEventListener('statechange', update);
    flow.addEventListener('change', update);
    const detach = this.hooks.attach(session, flow);
    // Leaving the page discards the staged upload on the LMS (fire-and-forget, keepalive).
    const unwatch = discardOnPageHide(session);
    this.#detach = () => {
      session.removeEventListener('statechange', update);
      flow.removeEventListener('change', update);
      unwatch();
      detach();
    };
    this.host.requestUpdate();
    void flow.start(this.hooks.preset());
  }

  #teardown(): void {
    clearTimeout(this.#notConfiguredTimer);
    this.#detach?.();
    this.#detach = undefined;
    this.flow?.dispose();
    this.session?.dispose();
    this.session = undefined;
    this.flow = undefined;
    this.#key = undefined;
  }
}
