import { describe, expect, it } from 'vitest';
import { UPDATE_TEMPLATES, fillTemplate, midSentence, type UpdateTemplateId } from '../../src/ui/update-templates';

const words = { publicTitle: 'Card payments failing', publicImpact: 'Failed card payments for some EU customers.' };

describe('fillTemplate', () => {
  it.each<[UpdateTemplateId, string, string]>([
    [
      'acknowledge',
      'investigating',
      'We are investigating reports of failed card payments for some EU customers. We will post another update as soon as we know more.',
    ],
    ['identified', 'identified', 'We have identified the cause of failed card payments for some EU customers and are working on a fix.'],
    ['monitoring', 'monitoring', 'A fix for failed card payments for some EU customers has been deployed. We are monitoring the results.'],
    [
      'resolved',
      'resolved',
      'This incident has been resolved: failed card payments for some EU customers should no longer occur. Thank you for your patience.',
    ],
  ])('%s sets %s and names the public impact', (id, status, body) => {
    expect(fillTemplate(id, words)).toEqual({ status, body });
  });

  it.each<[string, { publicTitle: string; publicImpact: string }, string]>([
    ['the public title when no impact is written', { publicTitle: 'Slow search', publicImpact: '' }, 'We are investigating reports of slow search.'],
    ['a neutral word when nothing public is written', { publicTitle: '', publicImpact: '  ' }, 'We are investigating reports of a problem.'],
    ['a name’s capitals kept', { publicTitle: '', publicImpact: 'GitHub sign-in errors' }, 'We are investigating reports of GitHub sign-in errors.'],
    [
      'replacement patterns as plain text',
      { publicTitle: '', publicImpact: "errors costing $& and $'" },
      "We are investigating reports of errors costing $& and $'.",
    ],
  ])('uses %s', (_label, given, start) => {
    expect(fillTemplate('acknowledge', given).body.startsWith(start)).toBe(true);
  });

  it('has a template for every stage, in order', () => {
    expect(UPDATE_TEMPLATES.map((t) => t.status)).toEqual(['investigating', 'identified', 'monitoring', 'resolved']);
  });
});

describe('midSentence', () => {
  it.each([
    ['Slow page loads.', 'slow page loads'],
    ['EU checkout errors', 'EU checkout errors'],
    ['iOS app crashes', 'iOS app crashes'],
    ['A few customers see errors!', 'a few customers see errors'],
    ['  ', ''],
    ['X', 'x'],
  ])('%j → %j', (text, expected) => {
    expect(midSentence(text)).toBe(expected);
  });
});
