/**
 * Work started ahead and taken back in input order: `extractParallel` and `quotegraph extract`
 * push each document's pending result and take the oldest whenever the window is full. Bounded
 * in items and in weight (characters), so memory does not grow with the corpus, yet wide enough
 * that a long document at the head leaves no worker idle.
 */
/** Characters of text in flight at most (beyond one document), whatever the number of workers. */
export const WINDOW_CHARS = 32 * 1024 * 1024;

export class OrderedWindow<T> {
  private readonly items: Array<{ readonly value: T; readonly weight: number }> = [];
  private weight = 0;

  constructor(private readonly maxItems: number, private readonly maxWeight = Number.POSITIVE_INFINITY) {}

  push(value: T, weight = 0): void {
    this.items.push({ value, weight });
    this.weight += weight;
  }

  /** Whether the oldest must be taken before another is pushed (one item is always let in, however heavy). */
  get full(): boolean {
    return this.items.length >= this.maxItems || (this.items.length > 1 && this.weight > this.maxWeight);
  }

  get size(): number {
    return this.items.length;
  }

  /** The oldest item and its weight; the window must not be empty. */
  shift(): { readonly value: T; readonly weight: number } {
    const head = this.items.shift();
    if (!head) throw new Error('OrderedWindow.shift() on an empty window');
    this.weight -= head.weight;
    return head;
  }
}
