// The problem grid's row elements, reused as the admin scrolls: a row that stays in the window keeps its
// element (so a focused cell never leaves its row, and is never moved in the DOM, which would take the
// focus away); an element whose row left the window is given to a row that came in, and only its contents
// change. A jump of a whole window (a scrollbar drag, a fling) then updates the rows' text in place instead
// of building every row anew. Elements stay in row order in the DOM, as screen readers read them.
//
// Lit's `repeat` (and @lit-labs/virtualizer, which uses it) keys a part to one item: a row that leaves
// takes its element with it, and a window that shifts is rebuilt (importNode) and reordered by moving the
// rows that stay, the focused one included.

/** How the pool gets a row element. */
export interface PoolOptions {
  /** Makes a new row element when no free one is left. */
  make(): HTMLElement;
}

export class RowPool<K> {
  #container?: Element;
  readonly #byKey = new Map<K, HTMLElement>();
  readonly #keyOf = new WeakMap<Element, K>();
  /** Elements not in the DOM now, for later windows. */
  readonly #spare: HTMLElement[] = [];

  constructor(private readonly options: PoolOptions) {}

  /**
   * The elements of `keys`, in that order, arranged as the children of `container`: an element whose key
   * stays keeps it and is not moved; free elements go to the new keys in their DOM order (so a window that
   * jumps further than its height moves no element at all). `pinned`, the row holding the focus, is never
   * moved even when the keys are not in the rows' order.
   */
  sync(container: Element, keys: readonly K[], pinned?: Element | null): HTMLElement[] {
    if (container !== this.#container) {
      // A new container (the grid was rendered again from scratch, e.g. back from the phone's cards).
      this.#container = container;
      this.#byKey.clear();
      this.#spare.length = 0;
    }
    const wanted = new Set(keys);
    const free: HTMLElement[] = [];
    for (const child of Array.from(container.children) as HTMLElement[]) {
      const key = this.#keyOf.get(child);
      if (key === undefined || !wanted.has(key) || this.#byKey.get(key) !== child) {
        free.push(child);
        if (key !== undefined && this.#byKey.get(key) === child) this.#byKey.delete(key);
      }
    }
    const out: HTMLElement[] = [];
    const fresh = new Set<HTMLElement>();
    let f = 0;
    for (const key of keys) {
      let el = this.#byKey.get(key);
      if (!el) {
        el = free[f++] ?? this.#spare.pop() ?? this.options.make();
        this.#byKey.set(key, el);
        this.#keyOf.set(el, key);
        fresh.add(el);
      }
      out.push(el);
    }
    for (; f < free.length; f++) {
      free[f]!.remove();
      this.#spare.push(free[f]!);
    }
    arrange(container, out, keptInOrder(container, out, fresh) ? (el) => !fresh.has(el) : (el) => el === pinned);
    return out;
  }

  /** The element showing `key`, when it is rendered. */
  elementOf(key: K): HTMLElement | undefined {
    return this.#byKey.get(key);
  }
}

/** The elements that keep their row are in the DOM in the order wanted (always, when rows come in row order). */
function keptInOrder(container: Element, wanted: readonly HTMLElement[], fresh: ReadonlySet<HTMLElement>): boolean {
  const position = new Map<Element, number>();
  wanted.forEach((el, i) => {
    if (!fresh.has(el)) position.set(el, i);
  });
  let last = -1;
  for (const child of Array.from(container.children)) {
    const at = position.get(child);
    if (at === undefined) continue;
    if (at < last) return false;
    last = at;
  }
  return true;
}

/**
 * Puts `wanted` in order as the children of `container`, never moving an element `fixed` says stays (the
 * fixed ones must already be in order among themselves): from the last, each other element is inserted
 * just before the one that follows it, when it is not already there.
 */
export function arrange(container: Element, wanted: readonly HTMLElement[], fixed: (el: HTMLElement) => boolean): void {
  let next: Element | null = null;
  for (let i = wanted.length - 1; i >= 0; i--) {
    const el = wanted[i]!;
    if (!fixed(el) && (el.parentNode !== container || el.nextElementSibling !== next)) container.insertBefore(el, next);
    next = el;
  }
}
