// One schema, split by area.
export * from './schema/people';
export * from './schema/families';
export * from './schema/meetings';
export * from './schema/records';
export * from './schema/documents';
export * from './schema/mail';
export * from './schema/invites';
export * from './schema/agencies';
export * from './schema/challenges';
export * from './schema/voices';
export * from './schema/tracking';
export * from './schema/child-events';
export * from './schema/feedback';
export * from './schema/messages';
export * from './schema/plans';
export * from './schema/child-record';
export * from './schema/case-system';
