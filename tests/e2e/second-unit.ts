/**
 * Unit B of the browser tests' demo server: a second safeguarding unit beside the demo's, added
 * by tests/e2e/serve.ts before the server starts with `addUnit` (the command behind
 * `npm run unit:add`), so the two-unit rights matrix (two-units.spec.ts) can ask every route
 * of unit A's people about unit B's things. Its staff sign in with this password; everything else
 * of unit B (its family, child, parent, professional, meeting, documents, outbox, report,
 * challenge) the spec makes through the API as unit B's own people. Nothing here touches the
 * demo's unit, so the other specs see the demo as it was.
 */
export const SECOND_UNIT = {
	name: 'Northfield Safeguarding Unit',
	password: 'northfield lantern kettle 2026',
	manager: { name: 'Morgan Ashby', email: 'manager@northfield.test' },
	chair: { name: 'Rowan Ilsley', email: 'chair@northfield.test' },
	businessSupport: { name: 'Tamsin Orrell', email: 'admin@northfield.test' }
} as const;
