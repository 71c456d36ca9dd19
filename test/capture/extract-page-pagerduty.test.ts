// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { applyPageFacts } from '../../src/capture/apply-page-facts.ts';
import { buildClip } from '../../src/capture/build-clip.ts';
import { extractPagerDutyPage } from '../../src/capture/extract-page.ts';
import { RefPageFacts } from '../../src/model/page-facts.ts';
import { recognize } from '../../src/capture/recognize.ts';
import { asInjected, loadSavedPage } from './saved-page.ts';

const NOW = new Date('2026-11-28T09:10:00.000Z');
const URL_ = 'https://acme.pagerduty.com/incidents/Q1C5WQ0U8TSCXE';

afterEach(() => {
  history.replaceState(null, '', '/');
});

describe('extractPagerDutyPage', () => {
  it('reads the incident title, its service and when it triggered', () => {
    loadSavedPage('pagerduty-incident.html', '/incidents/Q1C5WQ0U8TSCXE');
    const facts = asInjected(extractPagerDutyPage)();
    expect(facts).toEqual({
      title: 'Checkout API error rate above 5%',
      service: 'checkout-api (production)',
      alertedAt: '2026-11-28T08:42:17Z',
    });
    expect(RefPageFacts.parse(facts)).toEqual(facts);
  });

  it('makes the clip an alert named by its title and service, detected when it triggered', () => {
    loadSavedPage('pagerduty-incident.html', '/incidents/Q1C5WQ0U8TSCXE');
    const enriched = applyPageFacts(recognize(URL_, NOW), asInjected(extractPagerDutyPage)(), NOW);
    expect(enriched.alertedAt).toBe('2026-11-28T08:42:17.000Z');
    const { draft } = buildClip({
      pageUrl: URL_,
      pageTitle: document.title,
      recognized: enriched.recognized,
      ...(enriched.panelTitle && { panelTitle: enriched.panelTitle }),
      ...(enriched.dashboardTitle && { dashboardTitle: enriched.dashboardTitle }),
      components: [],
    });
    expect(draft.text).toBe('Checkout API error rate above 5% — checkout-api (production)');
    expect(draft.clip).toMatchObject({
      tool: 'pagerduty',
      ref: { kind: 'alert', id: 'Q1C5WQ0U8TSCXE' },
      panelTitle: 'Checkout API error rate above 5%',
      dashboardTitle: 'checkout-api (production)',
      frozenUrl: URL_,
    });
  });

  it('says nothing of a page without the incident header (an alert, a list)', () => {
    loadSavedPage('pagerduty-incident.html', '/alerts/Q2EUBM7M7E8UI5');
    document.querySelector('[data-testid="incidentHeader"]')?.remove();
    expect(asInjected(extractPagerDutyPage)()).toEqual({});
  });

  it('cuts an over-long title to what the schema takes', () => {
    loadSavedPage('pagerduty-incident.html', '/incidents/Q1C5WQ0U8TSCXE');
    const title = document.querySelector('h1');
    if (title) title.textContent = `${'x'.repeat(600)}`;
    const facts = asInjected(extractPagerDutyPage)();
    expect(facts.title).toHaveLength(500);
    expect(RefPageFacts.safeParse(facts).success).toBe(true);
    expect(RefPageFacts.safeParse({ title: 'x'.repeat(501) }).success).toBe(false);
  });
});
