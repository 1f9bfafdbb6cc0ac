// A file dropped on the wizard beside a drop zone would be opened by the browser, leaving the page and
// the admin's progress: refused here. A drop zone accepts its own drops first (defaultPrevented).
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** @internal Refuses files dropped on the wizard outside a drop zone. */
export class StrayDropController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('dragover', this.#onDrag);
    this.host.addEventListener('drop', this.#onDrag);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragover', this.#onDrag);
    this.host.removeEventListener('drop', this.#onDrag);
  }

  #onDrag = (event: DragEvent): void => {
    if (event.defaultPrevented || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    if (event.type === 'dragover') event.dataTransfer.dropEffect = 'none';
  };
}
