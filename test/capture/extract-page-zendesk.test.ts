// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { extractZendeskPage } from '../../src/capture/extract-page.ts';
import { RefPageFacts } from '../../src/model/page-facts.ts';
import { asInjected, loadSavedPage } from './saved-page.ts';

afterEach(() => {
  history.replaceState(null, '', '/');
});

describe('extractZendeskPage', () => {
  it('reads the subject of the ticket the address names, of the two open in tabs', () => {
    loadSavedPage('zendesk-ticket.html', '/agent/tickets/8812');
    const facts = asInjected(extractZendeskPage)();
    expect(facts).toEqual({ title: 'Checkout fails with 500 since this morning' });
    expect(RefPageFacts.parse(facts)).toEqual(facts);
  });

  it('follows the address to the other tab\u2019s ticket', () => {
    loadSavedPage('zendesk-ticket.html', '/agent/tickets/8790');
    expect(asInjected(extractZendeskPage)().title).toBe('Invoice shows wrong VAT rate');
  });

  it('reads the field as edited, not as first rendered', () => {
    loadSavedPage('zendesk-ticket.html', '/agent/tickets/8812');
    const field = document.querySelector<HTMLInputElement>('[data-side-conversations-anchor-id="8812"] input');
    field!.value = 'Checkout fails with 500 for all card payments';
    expect(asInjected(extractZendeskPage)().title).toBe('Checkout fails with 500 for all card payments');
  });

  it('takes the active pane when the address names no ticket', () => {
    loadSavedPage('zendesk-ticket.html', '/agent/dashboard');
    expect(asInjected(extractZendeskPage)().title).toBe('Checkout fails with 500 since this morning');
  });

  it('says nothing when no pane is the ticket\u2019s and several subjects are shown', () => {
    loadSavedPage('zendesk-ticket.html', '/agent/dashboard');
    document.querySelector('.ticket-panes-grid-layout.active')?.classList.remove('active');
    expect(asInjected(extractZendeskPage)()).toEqual({});
  });
});
