import type { IncidentStatus } from '../model';

/** The usual status updates of an incident, in the order it goes through them. */
export type UpdateTemplateId = 'acknowledge' | 'identified' | 'monitoring' | 'resolved';

/**
 * Only the public words: a template is never handed the internal title, notes or anything else
 * that must stay on this machine, so it cannot leak them.
 */
export interface PublicWords {
  publicTitle: string;
  publicImpact: string;
}

export interface UpdateTemplate {
  id: UpdateTemplateId;
  /** The button's words. */
  label: string;
  status: IncidentStatus;
  /** `{subject}` is what customers are told is wrong: the public impact, else the public title. */
  text: string;
  /** Said instead of `{subject}` while nothing public is written yet. */
  fallback: string;
}

export const UPDATE_TEMPLATES: readonly UpdateTemplate[] = [
  {
    id: 'acknowledge',
    label: 'First acknowledgement',
    status: 'investigating',
    text: 'We are investigating reports of {subject}. We will post another update as soon as we know more.',
    fallback: 'a problem',
  },
  {
    id: 'identified',
    label: 'Identified',
    status: 'identified',
    text: 'We have identified the cause of {subject} and are working on a fix.',
    fallback: 'the problem',
  },
  {
    id: 'monitoring',
    label: 'Fix deployed, monitoring',
    status: 'monitoring',
    text: 'A fix for {subject} has been deployed. We are monitoring the results.',
    fallback: 'the problem',
  },
  {
    id: 'resolved',
    label: 'Resolved',
    status: 'resolved',
    text: 'This incident has been resolved: {subject} should no longer occur. Thank you for your patience.',
    fallback: 'the problem',
  },
];

export interface FilledTemplate {
  status: IncidentStatus;
  body: string;
}

/** A template's status and message, with the incident's public words in place. */
export function fillTemplate(id: UpdateTemplateId, words: PublicWords): FilledTemplate {
  const template = UPDATE_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new RangeError(`No update template ${id}`);
  const subject = midSentence(words.publicImpact) || midSentence(words.publicTitle) || template.fallback;
  return { status: template.status, body: template.text.replace('{subject}', () => subject) };
}

/**
 * Public text as it reads inside a sentence: no closing full stop, and the first letter in lower
 * case unless the first word has other capitals (`EU`, `GitHub`), so names and acronyms keep theirs.
 */
export function midSentence(text: string): string {
  const trimmed = text
    .trim()
    .replace(/[.!]+$/u, '')
    .trim();
  const firstWord = trimmed.split(/\s/u, 1)[0] ?? '';
  const [first = '', ...rest] = [...firstWord];
  if (!first || rest.some((c) => c !== c.toLowerCase())) return trimmed;
  return first.toLowerCase() + trimmed.slice(first.length);
}
