// The combobox's search as a @lit/task: a new search aborts the one before it (its debounce or its request,
// through the task's AbortSignal), so an answer that arrives after a newer search is never shown; only the
// latest search's answer or failure reaches the element.
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { ActivityPage } from '../../backend/types.js';

export type ActivitySearch = (text: string, options: { offset?: number; limit?: number; signal?: AbortSignal }) => Promise<ActivityPage>;

export type SearchStatus = 'idle' | 'loading' | 'ready' | 'error';

/** One search: its text, the offset of the page asked for, and whether to wait for typing to stop first. */
interface SearchArgs {
  readonly text: string;
  readonly offset: number;
  readonly wait: boolean;
}

/** The answer of the latest search. */
export interface SearchAnswer {
  readonly text: string;
  readonly offset: number;
  readonly page: ActivityPage;
}

export interface SearchTaskOptions {
  readonly search: () => ActivitySearch | undefined;
  readonly debounce: () => number;
  readonly pageSize: () => number;
  readonly onAnswer: (answer: SearchAnswer) => void;
  readonly onFailure: () => void;
}

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

/** Resolves after `ms`, or rejects with the abort reason as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/** `work`, or its abort as soon as `signal` aborts, even when the search function does not listen to it. */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    work.then(resolve, reject);
  });
}

/** @internal The activity search of the combobox. */
export class SearchTask {
  readonly #task: Task<[SearchArgs], SearchAnswer>;
  /** Set by abort/reset until the next search: what the task last did no longer counts. */
  #dropped = false;

  constructor(host: ReactiveControllerHost, options: SearchTaskOptions) {
    this.#task = new Task(host, {
      autoRun: false,
      task: async ([{ text, offset, wait }], { signal }) => {
        const search = options.search();
        if (!search) return initialState;
        if (wait) await pause(options.debounce(), signal);
        const page = await abortable(search(text, { offset, limit: options.pageSize(), signal }), signal);
        signal.throwIfAborted(); // answered, but abandoned before this ran
        return { text, offset, page };
      },
      onComplete: (answer) => options.onAnswer(answer),
      onError: (error) => {
        if (!isAbort(error)) options.onFailure();
      },
    });
    host.addController({ hostDisconnected: () => this.abort() });
  }

  /** Searches `text` from `offset`, after the debounce when `wait`; the search before it is abandoned. */
  start(text: string, offset: number, wait = false): void {
    this.#dropped = false;
    void this.#task.run([{ text, offset, wait }]);
  }

  /** Abandons the running search, if any: its answer is dropped and the status is idle at once. */
  abort(): void {
    if (this.#task.status !== TaskStatus.PENDING) return;
    this.#dropped = true;
    this.#task.abort();
  }

  /** Forgets the last answer too (the results no longer apply): idle until the next search. */
  reset(): void {
    this.#dropped = true;
    this.#task.abort();
  }

  get status(): SearchStatus {
    if (this.#dropped) return 'idle';
    switch (this.#task.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.COMPLETE:
        return 'ready';
      case TaskStatus.ERROR:
        return isAbort(this.#task.error) ? 'idle' : 'error';
      default:
        return 'idle';
    }
  }
}
