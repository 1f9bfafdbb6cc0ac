// The wizard's landmark names: the host's aria-label, else ours, numbered when several wizards share the
// page (so that a screen reader's landmark list tells them apart), and the stepper's label to match.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Localizer } from '../../i18n/localize.js';

type LandmarkHost = ReactiveControllerHost & HTMLElement;

/** Wizards on the page, in order of connection. */
const wizards = new Set<LandmarkHost>();

/** @internal Names the wizard's landmark and its stepper. */
export class LandmarkController implements ReactiveController {
  constructor(private readonly host: LandmarkHost) {
    host.addController(this);
  }

  hostConnected(): void {
    wizards.add(this.host);
    wizards.forEach((w) => w.requestUpdate());
  }

  hostDisconnected(): void {
    wizards.delete(this.host);
    wizards.forEach((w) => w.requestUpdate());
  }

  /** The wizard's landmark name. */
  name(l: Localizer): string {
    const own = this.host.getAttribute('aria-label');
    if (own) return own;
    const name = l.t('wizardLabel');
    return wizards.size > 1 ? `${name} (${[...wizards].indexOf(this.host) + 1})` : name;
  }

  /** The stepper's name: "Steps", with the wizard's name when it is not the default one. */
  stepsLabel(l: Localizer): string {
    const name = this.name(l);
    return name === l.t('wizardLabel') ? l.t('stepsLabel') : `${l.t('stepsLabel')} · ${name}`;
  }
}
