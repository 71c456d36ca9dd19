// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { addEntry, declareIncident, listEntriesOfKind, saveComponent, type SitrepDb } from '../../src/db';
import type { Component, TimelineEntry } from '../../src/model';
import { EscalateButtons, escalationMailto } from '../../src/ui/components/escalate-button';
import { AppContext } from '../../src/ui/state/context';
import { createLogState } from '../../src/ui/state/log-state';
import { click, disposeAfter, freshDb, mount, root, settle } from './render';

async function clipTaggedWith(db: SitrepDb, reach: string) {
  const incident = await declareIncident(db, { title: 'Checkout down', severity: 'SEV1' }, { author: 'Ana' });
  const component = await saveComponent(db, { name: 'Payments', owner: 'Team Cash', escalation: { name: 'Payments on-call', reach }, dashboardPatterns: [] });
  const entry = await addEntry(db, {
    incidentId: incident.id,
    kind: 'clip',
    text: 'Error rate <b>12%</b>',
    author: 'Ana',
    clip: {
      tool: 'grafana',
      pageUrl: 'https://grafana.example.com/d/pay?from=now-1h',
      pageTitle: 'Payments',
      frozenUrl: 'https://grafana.example.com/d/pay?from=1774692000000&to=1774695600000',
      componentIds: [component.id],
    },
  });
  return { incident, component, entry };
}

async function show(db: SitrepDb, entry: TimelineEntry, component: Component, copy?: (t: string) => Promise<void>) {
  const log = disposeAfter(createLogState(db));
  await mount(
    <AppContext.Provider value={{ db, log }}>
      <EscalateButtons entry={entry} components={new Map([[component.id, component]])} incidentKey="INC-1" {...(copy && { copy })} />
    </AppContext.Provider>,
  );
}

const link = () => root.querySelector<HTMLAnchorElement>('[data-testid="escalate"]')!;

describe('Escalate on a clip tagged with a component', () => {
  it('opens the on-call page and records the escalation on the timeline', async () => {
    const db = freshDb();
    const { incident, component, entry } = await clipTaggedWith(db, 'https://acme.pagerduty.com/schedules/P123');
    await show(db, entry, component);
    expect(link().href).toBe('https://acme.pagerduty.com/schedules/P123');
    expect(link().target).toBe('_blank');
    link().addEventListener('click', (e) => e.preventDefault());
    await click(link());
    await settle(async () => expect(await listEntriesOfKind(db, incident.id, 'comms')).toHaveLength(1));
    const [recorded] = await listEntriesOfKind(db, incident.id, 'comms');
    expect(recorded).toMatchObject({
      text: 'Escalated to Payments on-call (Payments) by their on-call page',
      escalation: { componentId: component.id, contact: 'Payments on-call', entryId: entry.id },
    });
  });

  it('drafts the email with the clip’s frozen link', async () => {
    const db = freshDb();
    const { component, entry } = await clipTaggedWith(db, 'mailto:payments-oncall@example.com');
    await show(db, entry, component);
    const url = new URL(link().href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('payments-oncall@example.com');
    expect(url.searchParams.get('subject')).toBe('INC-1 Escalation: Payments');
    const body = url.searchParams.get('body')!;
    expect(body).toContain('INC-1: we need Team Cash on Payments.');
    expect(body).toContain('Link (exact time window): https://grafana.example.com/d/pay?from=1774692000000&to=1774695600000');
    expect(link().href).not.toContain('+');
  });

  it('copies a chat message, as text, and records it', async () => {
    const db = freshDb();
    const { incident, component, entry } = await clipTaggedWith(db, 'https://chat.example.com/channels/payments');
    const copy = vi.fn(async (_: string) => {});
    await show(db, entry, component, copy);
    await click('Copy an escalation message for Payments on-call');
    await settle(() => expect(root.querySelector('[data-testid="escalate-status"]')?.textContent).toBe('Escalation to Payments on-call recorded'));
    expect(copy.mock.calls[0]![0]).toContain('Seen: Error rate <b>12%</b>');
    expect(root.querySelector('b')).toBeNull();
    expect((await listEntriesOfKind(db, incident.id, 'comms'))[0]!.text).toBe('Escalated to Payments on-call (Payments) by a chat message (copied)');
  });

  it('offers nothing for a component without an escalation contact', async () => {
    const db = freshDb();
    const { component, entry } = await clipTaggedWith(db, 'https://acme.pagerduty.com/x');
    const { escalation: _, ...bare } = component;
    await show(db, entry, bare);
    expect(root.querySelector('.escalate')).toBeNull();
  });

  it('keeps an existing query on the mail link', () => {
    const href = escalationMailto('mailto:a@example.com?cc=b@example.com', 'Sub ject', 'Body & more');
    expect(new URL(href).searchParams.get('cc')).toBe('b@example.com');
    expect(new URL(href).searchParams.get('body')).toBe('Body & more');
  });
});
