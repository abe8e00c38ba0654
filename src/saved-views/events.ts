/**
 * Checking a user event typed in the panel (issue 17): a period in the contract's syntax, a text, an optional
 * http(s) link. Pure; the same rules as the schema (./schema.ts) that guards the store and imported files.
 */
import { isPeriod } from '../contract/period.ts';
import { cleanText, isHttpLink, MAX_EVENT_TEXT } from './names.ts';
import type { UserEvent } from './types.ts';

/** What is wrong with each field, if anything. */
export interface EventProblems {
  period?: 'invalid';
  text?: 'empty' | 'too-long';
  link?: 'invalid';
}

/** The event to store, or what is wrong with the input. */
export type EventCheck = { ok: true; event: Omit<UserEvent, 'id'> } | { ok: false; problems: EventProblems };

/** Check what the user typed (the period is trimmed and upper-cased: `2023-q4` is `2023-Q4`). Pure. */
export function checkEvent(input: { period: string; text: string; link: string }): EventCheck {
  const period = input.period.trim().toUpperCase();
  const text = cleanText(input.text);
  const link = input.link.trim();
  const problems: EventProblems = {};
  if (!isPeriod(period)) problems.period = 'invalid';
  if (text === '') problems.text = 'empty';
  else if (text.length > MAX_EVENT_TEXT) problems.text = 'too-long';
  if (link !== '' && !isHttpLink(link)) problems.link = 'invalid';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, event: link === '' ? { period, text } : { period, text, link } };
}
