/**
 * Agenda sections that several kinds share word for word. A kind whose chair says something
 * different writes its own section; these are only the ones that are truly the same.
 */
import type { TemplateSection } from './types';

/** Opening of the meetings that follow a plan (core group, child in need review). */
export const welcomeWhoIsHere: TemplateSection = {
	key: 'welcome',
	title: 'Welcome and who is here',
	familyTitle: 'Hello, and who is here',
	prompt: 'Welcome. Who is here, who sent apologies, and has anyone sent an update?',
	speakers: ['chair'],
	roots: ['section:welcome']
};

/** Closing of a child protection conference: the decision and what next, in the family's words. */
export const conferenceSummary: TemplateSection = {
	key: 'summary',
	title: 'Summary to the family',
	familyTitle: 'What happens next',
	prompt:
		'In plain words, for the family: what we decided, why, what happens next and when we meet again. Is there anything you did not understand?',
	speakers: ['chair'],
	roots: ['section:summary']
};
