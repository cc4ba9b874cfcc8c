/**
 * The meeting domain: the unit's vocabulary, calendar and working days, timescales, meeting
 * templates, "decision, then why?", the plan and plain words. Plain TypeScript that imports
 * nothing outside this folder (no framework, database or socket), so the schema, routes, pages,
 * the collaboration server and plain Node scripts can all use it.
 */
export * from './vocabulary';
export * from './calendar-date';
export * from './working-days';
export * from './timescales';
export * from './templates/index';
export * from './decisions';
export * from './register';
export * from './plan';
export * from './plain-words';
export * from './action-words';
export type { Problem } from './problems';
export * from './child-clocks';
export * from './plan-register';
export * from './child-record';
export * from './case-system';
