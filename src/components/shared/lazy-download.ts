// The template step's downloads: DownloadTask (download-task.ts, with @lit/task) loads on the first click,
// with the later steps' chunk (through later-steps.ts, as lazy-steps.ts's laterSteps() loads it: a host's
// bundler keeps a chunk that register.js also imports in its first chunk if it is imported lazily).
// The file itself is asked for at the click, while that code loads. The same face (running, failure, start): the button shows
// its spinner from the click on, and a chunk that does not load is a failed download, said in words.
import type { LitElement } from 'lit';
import { makeFailure, type SessionFailure } from '../../session/failures.js';
import { laterSteps } from '../offline-upload-wizard/lazy-steps.js';
import type { DownloadKind, DownloadTask } from './download-task.js';

/** @internal A DownloadTask made on the first download. */
export class LazyDownloadTask {
  #task?: DownloadTask;
  #pending?: DownloadKind;
  #failure?: SessionFailure;

  constructor(
    private readonly host: LitElement,
    private readonly make: ConstructorParameters<typeof DownloadTask>[1],
    private readonly onError: (failure: SessionFailure) => void,
  ) {}

  /** Which download runs now, if any. */
  get running(): DownloadKind | undefined {
    return this.#task ? this.#task.running : this.#pending;
  }

  /** The failure of the last download, until the next one. */
  get failure(): SessionFailure | undefined {
    return this.#task ? this.#task.failure : this.#failure;
  }

  start(kind: DownloadKind): void {
    if (this.#task) return this.#task.start(kind);
    if (this.#pending) return;
    this.#pending = kind;
    this.#failure = undefined;
    this.host.requestUpdate();
    // The file is made from the click on, while the task's code loads; the task then takes it over.
    const abort = new AbortController();
    let made: ReturnType<typeof this.make> | undefined = this.make(kind, abort.signal);
    made.catch(() => undefined); // its failure is the task's to say, once it has taken it over
    const make: typeof this.make = (k, signal) => {
      if (!made) return this.make(k, signal);
      const first = made;
      made = undefined;
      signal.addEventListener('abort', () => abort.abort(signal.reason));
      return first;
    };
    laterSteps().then(
      ({ DownloadTask }) => {
        this.#pending = undefined;
        // The step left the page meanwhile: the download is abandoned, as DownloadTask would.
        if (!this.host.isConnected) return abort.abort();
        this.#task = new DownloadTask(this.host, make, this.onError);
        this.#task.start(kind);
      },
      (error: unknown) => {
        abort.abort();
        this.#pending = undefined;
        this.#failure = makeFailure('download-failed', error, { retryable: true });
        this.onError(this.#failure);
        this.host.requestUpdate();
      },
    );
  }
}
