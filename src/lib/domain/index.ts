/**
 * The meeting domain: calendar and working days, timescales, meeting templates, "decision,
 * then why?" and the plan. Plain TypeScript with no framework, database or socket imports, so
 * routes, the collaboration server and plain Node scripts can all use it.
 */
export * from './calendar-date';
export * from './working-days';
export * from './timescales';
export * from './templates/index';
export * from './decisions';
export * from './plan';
export type { Problem, Checked } from './problems';
