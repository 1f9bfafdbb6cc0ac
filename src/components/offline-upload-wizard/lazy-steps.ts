// Step elements in chunks of their own, so a host's first load carries the shell and the first screen
// only (issue 10): the choose step (choose-step.ts) when the flow first shows it, the template step
// (template-step.ts) as soon as a preset activity says the flow heads for it, the no-access panel
// (no-access-step.ts) when the LMS refuses the admin; the template step and the steps after it
// (later-steps.ts) also at the admin's first pointer, key or drop in the wizard, and any of them when the
// flow reaches it. The shell renders a step's tag at once; it upgrades when its chunk has defined it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Localizer, MessageKey } from '../../i18n/localize.js';
import { makeFailure, type SessionFailure } from '../../session/failures.js';
import type { WizardStep } from '../../session/steps.js';

type Group = 'choose' | 'template' | 'no-access' | 'later';
/** A step, or the no-access panel (a status of its own, shown in place of the steps). */
type Shown = WizardStep | 'no-access';

const GROUP_OF: Partial<Record<Shown, Group>> = {
  choose: 'choose',
  template: 'template',
  'no-access': 'no-access',
  upload: 'later',
  match: 'later',
  review: 'later',
  create: 'later',
  done: 'later',
};

/**
 * @internal The later steps' module, imported from this one place for their elements and for the template
 * step's downloads (shared/lazy-download.ts, in the template step's chunk): that chunk then carries no
 * list of the later steps' chunks of its own.
 */
export const laterSteps = () => import('./later-steps.js');

const LOADERS: Record<Group, () => Promise<void>> = {
  choose: () => import('./choose-step.js').then((m) => m.defineChooseStep()),
  template: () => import('./template-step.js').then((m) => m.defineTemplateStep()),
  'no-access': () => import('./no-access-step.js').then((m) => m.defineNoAccessStep()),
  later: () => laterSteps().then((m) => m.defineLaterSteps()),
};

/** Each lazy step's own heading, kept above the failure when its chunk does not load. */
const HEADINGS: Partial<Record<Shown, MessageKey>> = {
  choose: 'chooseHeading',
  template: 'templateHeading',
  'no-access': 'noAccessHeading',
  upload: 'uploadHeading',
  match: 'matchHeading',
  review: 'reviewReadyHeading',
  create: 'createHeading',
  done: 'doneHeading',
};

const loading = new Map<Group, Promise<void>>();
/** Groups whose last load failed (a redeploy removed the chunk, the network dropped): shown until retried. */
const failed = new Map<Group, unknown>();

/** Loads and defines a group's elements (once; after a failed load, the next call tries again). */
function load(group: Group): Promise<void> {
  let promise = loading.get(group);
  if (!promise) {
    promise = LOADERS[group]().catch((error: unknown) => {
      loading.delete(group);
      throw error;
    });
    loading.set(group, promise);
  }
  return promise;
}

/** What the access step shows in place of a step whose chunk did not load: its heading, the failure, Try again. */
export interface StepLoadFailure {
  readonly localizer: Localizer;
  readonly heading: string;
  readonly failure: SessionFailure;
  readonly retry: () => void;
}

/**
 * @internal Called as the shell renders `step`: starts loading its chunk when it is not defined yet (the
 * host renders again once it is, and the tag upgrades), or returns the failure of its last load. `passing`:
 * the step gives way by itself in a moment (the choose step of a fully preset wizard while its template
 * spec loads), so its chunk is not loaded for it.
 */
export function ensureStep(step: Shown, l: Localizer, host: ReactiveControllerHost, passing = false): StepLoadFailure | undefined {
  const group = GROUP_OF[step];
  if (!group || customElements.get(`offline-upload-step-${step}`) || (passing && !loading.has(group))) return undefined;
  if (failed.has(group)) {
    const retry = (): void => {
      failed.delete(group);
      host.requestUpdate();
    };
    // Our own code did not load: an internal, retryable failure, never the admin's file or choice.
    return { localizer: l, heading: l.t(HEADINGS[step]!), failure: makeFailure('unexpected', failed.get(group), { retryable: true }), retry };
  }
  load(group).then(
    () => host.requestUpdate(),
    (error: unknown) => {
      failed.set(group, error);
      host.requestUpdate();
    },
  );
  return undefined;
}

/**
 * @internal Waits until the step element shown in `root` (`[data-step]`) is defined when it is a lazy step
 * whose chunk is loading; true when it waited.
 */
export async function stepDefined(root: ParentNode): Promise<boolean> {
  const shown = root.querySelector('[data-step]');
  const group = shown && GROUP_OF[shown.localName.replace(/^offline-upload-step-/, '') as Shown];
  const pending = group && !customElements.get(shown.localName) ? loading.get(group) : undefined;
  if (!pending) return false;
  await pending.catch(() => undefined);
  return true;
}

/**
 * @internal The flow will show the template step before long (a preset activity: the template spec is asked
 * for as soon as the session has checked access): its chunk is fetched now, beside the REST client and the
 * LMS's first answers, not after them. A failure is shown if the flow does reach the step (ensureStep).
 */
export function prefetchTemplateStep(): void {
  void load('template').catch(() => undefined);
}

const INTERACTIONS = ['pointerdown', 'keydown', 'drop'] as const;

/** @internal The admin is at work in the wizard: fetch the steps after the choice now, so they are there when needed. */
export class LazyStepsController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of INTERACTIONS) this.host.addEventListener(type, this.#prefetch, { once: true, passive: true });
  }

  hostDisconnected(): void {
    for (const type of INTERACTIONS) this.host.removeEventListener(type, this.#prefetch);
  }

  #prefetch = (): void => {
    prefetchTemplateStep();
    void load('later').catch(() => undefined);
  };
}
