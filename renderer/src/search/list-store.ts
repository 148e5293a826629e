// The archive's list (every clipping not in the trash, without its text) as the worker keeps it:
// the page asks for the rows on screen, in the order chosen, so it never holds or sorts the whole
// list. Orders other than "as added" are made when first asked for.
import type { ClippingSummary } from '../../../archive/clipping.ts';
import type { SortOrder } from '../../../archive/search/query.ts';
import { sortSummaries } from '../components/sort-summaries.ts';

type Order = 'added' | 'newest' | 'oldest';

function orderOf(sort: SortOrder | undefined): Order {
  return sort === 'newest' || sort === 'oldest' ? sort : 'added';
}

export class ListStore {
  private readonly byId = new Map<string, ClippingSummary>();
  private readonly orders = new Map<Order, { rows: ClippingSummary[]; indexOf?: Map<string, number> }>();

  /** `list`: newest first, as the archive gives it. */
  constructor(list: ClippingSummary[] = []) {
    for (const summary of list) this.byId.set(summary.id, summary);
    this.orders.set('added', { rows: list });
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): ClippingSummary | undefined {
    return this.byId.get(id);
  }

  /** Each clipping's id and version, for bringing the search index up to date. */
  versions(): [string, string][] {
    return this.rows('added').map((s) => [s.id, s.updatedAt]);
  }

  page(sort: SortOrder | undefined, offset: number, limit: number): ClippingSummary[] {
    return this.rows(orderOf(sort)).slice(offset, offset + limit);
  }

  /** Where a clipping is in this order (-1: not listed). */
  indexOf(sort: SortOrder | undefined, id: string): number {
    const order = this.orders.get(orderOf(sort)) ?? { rows: this.rows(orderOf(sort)) };
    order.indexOf ??= new Map(order.rows.map((s, i) => [s.id, i]));
    this.orders.set(orderOf(sort), order);
    return order.indexOf.get(id) ?? -1;
  }

  /** A clipping just added or saved here: first in the archive's order, as the next load will have it. */
  put(summary: ClippingSummary): void {
    const added = this.rows('added').filter((s) => s.id !== summary.id);
    added.unshift(summary);
    this.byId.set(summary.id, summary);
    this.orders.clear();
    this.orders.set('added', { rows: added });
  }

  private rows(order: Order): ClippingSummary[] {
    let made = this.orders.get(order);
    if (!made) {
      made = { rows: sortSummaries(this.rows('added'), order === 'added' ? undefined : order) };
      this.orders.set(order, made);
    }
    return made.rows;
  }
}
