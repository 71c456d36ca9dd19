// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { extractOpsgeniePage } from '../../src/capture/extract-page.ts';
import { RefPageFacts } from '../../src/model/page-facts.ts';
import { asInjected, loadSavedPage } from './saved-page.ts';

const PATH = '/alert/detail/70413a06-38d6-4c85-92b8-5ebc900d42e2-1568200296208/details';

afterEach(() => {
  history.replaceState(null, '', '/');
});

describe('extractOpsgeniePage', () => {
  it('reads the alert message without its tiny id, the entity it is about, and when it was created', () => {
    loadSavedPage('opsgenie-alert.html', PATH);
    const facts = asInjected(extractOpsgeniePage)();
    expect(facts).toEqual({
      title: 'Checkout API error rate above 5%',
      service: 'checkout-api',
      alertedAt: '2026-11-28T08:42:17.000Z',
    });
    expect(RefPageFacts.parse(facts)).toEqual(facts);
  });

  it('prefers a field labelled as the service to the entity (Jira Service Management\u2019s affected services)', () => {
    loadSavedPage('opsgenie-alert.html', PATH);
    document.querySelector('dl')?.insertAdjacentHTML('beforeend', '<dt>Affected services</dt><dd>Checkout</dd>');
    expect(asInjected(extractOpsgeniePage)().service).toBe('Checkout');
  });

  it('says nothing it cannot find', () => {
    loadSavedPage('opsgenie-alert.html', PATH);
    document.querySelector('main')?.remove();
    expect(asInjected(extractOpsgeniePage)()).toEqual({});
  });
});
