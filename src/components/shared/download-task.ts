// A download the admin asked for (template, issues report) as a @lit/task: its status renders the busy
// button, its error the failure; a second click while one runs does nothing, and leaving the step aborts it.
import { Task, TaskStatus } from '@lit/task';
import type { LitElement } from 'lit';
import { makeFailure, type SessionFailure } from '../../session/failures.js';
import { SessionError } from '../../session/upload-session.js';
import { saveBlob } from './download.js';

export type DownloadKind = 'xlsx' | 'csv' | 'issues' | 'marked';

/** @internal A download as a task. */
export class DownloadTask {
  readonly task: Task<[DownloadKind | undefined], DownloadKind | undefined>;
  #kind?: DownloadKind;

  constructor(
    host: LitElement,
    make: (kind: DownloadKind, signal: AbortSignal) => Promise<{ blob: Blob; fileName: string }>,
    onError: (failure: SessionFailure) => void,
  ) {
    this.task = new Task(host, {
      autoRun: false,
      args: () => [this.#kind],
      task: async ([kind], { signal }) => {
        if (!kind) return undefined;
        try {
          const { blob, fileName } = await make(kind, signal);
          signal.throwIfAborted();
          saveBlob(blob, fileName, host.renderRoot);
          return kind;
        } catch (error) {
          if (signal.aborted) throw error;
          const failure = error instanceof SessionError ? error.failure : makeFailure('download-failed', error, { retryable: true });
          onError(failure);
          throw failure;
        }
      },
    });
    // The step left the page (the admin moved on): its download is abandoned, not saved later.
    host.addController({ hostDisconnected: () => this.task.abort() });
  }

  /** Which download runs now, if any. */
  get running(): DownloadKind | undefined {
    return this.task.status === TaskStatus.PENDING ? this.#kind : undefined;
  }

  /** The failure of the last download, until the next one. */
  get failure(): SessionFailure | undefined {
    return this.task.status === TaskStatus.ERROR ? (this.task.error as SessionFailure) : undefined;
  }

  start(kind: DownloadKind): void {
    if (this.running) return;
    this.#kind = kind;
    void this.task.run([kind]);
  }
}
