// The shell's side of "work never lost" on the first load: the PersistenceController (persistence-controller.ts,
// with the session's WorkKeeper) is a chunk of its own, loaded when there is work to keep or to offer —
// saved work on the origin (the small anySavedWork() probe), the flow past the template step (a file is
// about to be picked), a file being read, or the host asking to clear — and then attached to the flow it
// would have had from the start. Until then there is nothing to offer, to save or to guard.
import { nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localize.js';
import { anySavedWork } from '../../session/saved-work.js';
import type { SessionEventMap } from '../../session/types.js';
import type { FlowEventMap, WizardFlow } from '../../session/wizard-flow.js';
import type { PersistenceController, PersistenceHooks, PersistenceHost } from './persistence-controller.js';

/** The steps before a file can be picked: there is nothing to keep while the flow is on them. */
const BEFORE_FILE: ReadonlySet<string> = new Set(['access', 'choose', 'template']);

/** @internal The wizard's persistence, its controller loaded on first need. */
export class LazyPersistence {
  #controller?: PersistenceController;
  #loading?: Promise<PersistenceController | undefined>;
  #flow?: WizardFlow;
  /** A file was picked on #flow before the controller loaded. */
  #began = false;
  #stop?: () => void;

  constructor(
    private readonly host: PersistenceHost,
    private readonly hooks: PersistenceHooks,
  ) {}

  /** Follows `flow` (as PersistenceController.attach does, once loaded); returns what stops it. */
  attach(flow: WizardFlow): () => void {
    this.detach();
    this.#flow = flow;
    this.#began = false;
    if (this.#controller) {
      const stop = this.#controller.attach(flow);
      this.#stop = stop;
      return () => this.detach();
    }
    let stopped = false;
    const load = (): void => {
      if (!stopped) void this.#load();
    };
    const onStep = (e: FlowEventMap['step-change']): void => {
      if (!BEFORE_FILE.has(e.detail.step)) load();
    };
    const onState = (e: SessionEventMap['statechange']): void => {
      if (e.detail.state.status !== 'reading') return;
      this.#began = true;
      load();
    };
    flow.addEventListener('step-change', onStep);
    flow.session.addEventListener('statechange', onState);
    this.#stop = () => {
      stopped = true;
      flow.removeEventListener('step-change', onStep);
      flow.session.removeEventListener('statechange', onState);
    };
    if (flow.session.state.status === 'reading') this.#began = true;
    if (!BEFORE_FILE.has(flow.step) || this.#began) load();
    else void anySavedWork().then((any) => any && load());
    return () => this.detach();
  }

  detach(): void {
    const stop = this.#stop;
    this.#stop = undefined;
    this.#flow = undefined;
    stop?.();
  }

  /** Forgets this wizard's saved work (the host's clearSavedWork), connected to an LMS or not yet. */
  async clear(): Promise<void> {
    const controller = this.#controller ?? (await this.#load());
    if (controller) await controller.clear();
    else throw new Error('the saved work could not be cleared: part of the wizard did not load');
  }

  /** The offer to continue saved work, above the step; nothing when there is none (or not yet). */
  renderOffer(l: Localizer): TemplateResult | typeof nothing {
    return this.#controller?.renderOffer(l) ?? nothing;
  }

  /** Loads the controller once and attaches it to the flow followed now (a failed load is tried again later). */
  #load(): Promise<PersistenceController | undefined> {
    this.#loading ??= import('./persistence-controller.js').then(
      ({ PersistenceController }) => {
        const controller = new PersistenceController(this.host, this.hooks);
        this.#controller = controller;
        const flow = this.#flow;
        if (flow) {
          this.#stop?.();
          this.#stop = controller.attach(flow, this.#began);
        }
        return controller;
      },
      () => {
        this.#loading = undefined;
        return undefined;
      },
    );
    return this.#loading;
  }
}
