// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { extractGitHubPage } from '../../src/capture/extract-page.ts';
import { RefPageFacts } from '../../src/model/page-facts.ts';
import { asInjected, loadSavedPage } from './saved-page.ts';

const COMMIT = '/acme/payments-api/commit/523d785e09c3b8f4d1a6c27f0b5e8a9d4c3f2e1b';

afterEach(() => {
  history.replaceState(null, '', '/');
});

describe('extractGitHubPage', () => {
  it('reads the commit subject, not its body, from the commit page', () => {
    loadSavedPage('github-commit.html', COMMIT);
    const facts = asInjected(extractGitHubPage)();
    expect(facts).toEqual({ title: 'Retry card authorisation once on gateway timeout' });
    expect(RefPageFacts.parse(facts)).toEqual(facts);
  });

  it('reads the classic commit page\u2019s `.commit-title`', () => {
    loadSavedPage('github-commit.html', COMMIT);
    document
      .querySelector('[class*="commitMessageContainer"]')
      ?.replaceWith(Object.assign(document.createElement('div'), { className: 'commit-title markdown-title', textContent: ' Pin the gateway client to 4.2 ' }));
    expect(asInjected(extractGitHubPage)().title).toBe('Pin the gateway client to 4.2');
  });

  it('falls back on the page title GitHub writes, `Subject · owner/repo@sha · GitHub`', () => {
    loadSavedPage('github-commit.html', COMMIT);
    document.querySelector('[class*="commitMessageContainer"]')?.remove();
    expect(asInjected(extractGitHubPage)().title).toBe('Retry card authorisation once on gateway timeout');
  });

  it('reads a pull request\u2019s title on a pull request page', () => {
    loadSavedPage('github-commit.html', '/acme/payments-api/pull/412');
    document.querySelector('[class*="commitMessageContainer"]')?.remove();
    document.body.insertAdjacentHTML('afterbegin', '<h1><bdi class="js-issue-title markdown-title">Retry authorisation on 504</bdi> <span>#412</span></h1>');
    expect(asInjected(extractGitHubPage)().title).toBe('Retry authorisation on 504');
  });

  it('says nothing on pages that are no commit or pull request', () => {
    loadSavedPage('github-commit.html', '/acme/payments-api');
    expect(asInjected(extractGitHubPage)()).toEqual({});
  });
});
