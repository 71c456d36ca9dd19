import { vi } from 'vitest';

/** localStorage without a browser. */
export class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, String(value));
  }
}

/** Just the part of `document` the feed client uses: visibility and its event. */
export class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  show(state: DocumentVisibilityState) {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
  asDocument() {
    return this as unknown as Document;
  }
}

export interface SeenRequest {
  url: string;
  headers: Headers;
  at: number;
}

/**
 * A fetch that answers from `answer` and records every request. `answer` returns a Response, or
 * 'network-error' to fail the way fetch does when offline or refused by CORS.
 */
export function fakeFetch(answer: (request: SeenRequest) => Response | 'network-error' | Promise<Response>) {
  const requests: SeenRequest[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const request = { url: String(url), headers: new Headers(init?.headers), at: Date.now() };
    requests.push(request);
    const response = await answer(request);
    if (response === 'network-error') throw new TypeError('Failed to fetch');
    return response;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

/** A Statuspage v2 summary.json as Sitrep publishes it, trimmed to what the tests vary. */
export function summaryJson({
  indicator = 'none',
  incidents = [] as { id: string; name: string; impact: string; status?: string; body?: string; at?: string }[],
} = {}) {
  return JSON.stringify({
    page: { id: 'acme', name: 'Acme Cloud', url: 'https://status.example.com', updated_at: '2026-11-28T09:00:00.000Z' },
    status: { indicator, description: indicator === 'none' ? 'All Systems Operational' : 'Trouble' },
    components: [],
    incidents: incidents.map((i) => ({
      id: i.id,
      name: i.name,
      status: i.status ?? 'investigating',
      impact: i.impact,
      shortlink: `https://status.example.com/incidents/${i.id}`,
      created_at: '2026-11-28T08:00:00.000Z',
      updated_at: i.at ?? '2026-11-28T09:00:00.000Z',
      incident_updates: [
        {
          id: `${i.id}-u`,
          status: i.status ?? 'investigating',
          body: i.body ?? 'We are looking into it.',
          created_at: i.at ?? '2026-11-28T09:00:00.000Z',
          display_at: i.at ?? '2026-11-28T09:00:00.000Z',
        },
      ],
    })),
    scheduled_maintenances: [],
  });
}
