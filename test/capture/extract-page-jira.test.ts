// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { extractJiraPage } from '../../src/capture/extract-page.ts';
import { RefPageFacts } from '../../src/model/page-facts.ts';
import { asInjected, loadSavedPage } from './saved-page.ts';

afterEach(() => {
  history.replaceState(null, '', '/');
});

describe('extractJiraPage', () => {
  it('reads the issue summary of Jira Cloud\u2019s issue view', () => {
    loadSavedPage('jira-issue.html', '/browse/ACME-123');
    const facts = asInjected(extractJiraPage)();
    expect(facts).toEqual({ title: 'Checkout fails with HTTP 500 for EU cards' });
    expect(RefPageFacts.parse(facts)).toEqual(facts);
  });

  it('reads Jira Server\u2019s `#summary-val`', () => {
    loadSavedPage('jira-issue.html', '/browse/ACME-123');
    const heading = document.querySelector('h1');
    heading?.removeAttribute('data-testid');
    heading?.setAttribute('id', 'summary-val');
    heading!.textContent = 'Refunds stuck in pending';
    expect(asInjected(extractJiraPage)().title).toBe('Refunds stuck in pending');
  });

  it('falls back on the page title Jira writes, `[KEY] Summary - Jira`', () => {
    loadSavedPage('jira-issue.html', '/browse/ACME-123');
    document.querySelector('h1')?.remove();
    expect(asInjected(extractJiraPage)().title).toBe('Checkout fails with HTTP 500 for EU cards');
  });

  it('says nothing on a page that is no issue', () => {
    loadSavedPage('jira-issue.html', '/jira/your-work');
    document.querySelector('h1')?.remove();
    document.title = 'Your work - Jira';
    expect(asInjected(extractJiraPage)()).toEqual({});
  });
});
