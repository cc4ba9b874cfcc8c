import { professionalOnlyKinds } from './domain/vocabulary';
import { describe, expect, it } from 'vitest';
import {
	mayBeInvited,
	mayImportCaseSystemIds,
	mayReadMeetingKinds,
	mayShapeMeetingKinds,
	mayWorkAllegations,
	maySearchChildren,
	mayScheduleKind,
	chairAccountRoles,
	mayWorkMissingEpisodes,
	mayWorkHomes,
	mayWorkExploitationGroup,
	maySeeExploitationSitting,
	maySeeExploitationChild,
	mayKeepExploitationItems,
	mayReadPersonsOfConcern,
	mayReferToExploitationGroup,
	mayWorkFosterCarers,
	mayJoinKind,
	kindHasFamilyView,
	meetingRoleFit,
	mayWriteRoot
} from './policy';
import { meetingKinds, meetingRoles, type MeetingStatus, type UserRole } from './domain/vocabulary';
import {
	rootRights as table,
	rootRightsBeforeStart as tableBeforeStart,
	invitees,
	allegationWorkers,
	homeWorkers,
	missingEpisodeWorkers,
	exploitationGroupRights,
	fosterCarerWorkers,
	professionalOnlyKindRoles,
	meetingKindShapers,
	writableRoots as roots,
	writers,
	type Writer
} from '../../tests/rights-table';

/** The live record's rights as one table (tests/rights-table.ts), asked of the policy for a live meeting and every other status. */
const ask = (writer: Writer, root: string, status: MeetingStatus = 'live') =>
	mayWriteRoot({
		root: root.replace(/:me$/, ':p-me').replace(/:other$/, ':p-other'),
		role: writer === 'child, scoring' ? 'child' : writer,
		participantId: 'p-me',
		status,
		childScores: writer === 'child, scoring'
	});

describe('the live record’s rights, one table', () => {
	for (const root of roots) {
		it(`${root}: ${table[root].join(', ') || 'nobody'}`, () => {
			const allowed = writers.filter((writer) => ask(writer, root));
			expect(allowed).toEqual(table[root]);
		});
	}

	for (const root of roots) {
		it(`before the meeting starts, ${root}: ${tableBeforeStart[root].join(', ') || 'nobody'}`, () => {
			const allowed = writers.filter((writer) => ask(writer, root, 'scheduled'));
			expect(allowed).toEqual(tableBeforeStart[root]);
		});
	}

	it('before the meeting starts, someone not on the invitation list writes nothing', () => {
		for (const role of ['chair', 'minute-taker', 'observer'] as const)
			expect(
				mayWriteRoot({ root: 'contribution:p-me', role, participantId: null, status: 'scheduled' })
			).toBe(false);
	});

	it('nothing is writable by anyone once the meeting has ended or was cancelled', () => {
		for (const status of ['ended', 'cancelled'] as const) {
			for (const writer of writers)
				for (const root of roots)
					expect(ask(writer, root, status), `${writer} ${root} ${status}`).toBe(false);
		}
	});
});

describe('who the invite picker offers', () => {
	const invitable = (role: UserRole, unitId: string | null, familyOfMeetingChild = false) =>
		mayBeInvited({
			account: { role, unitId },
			meetingUnitId: 'u1',
			familyOfMeetingChild,
			accountOfMeetingChild: false
		});

	it('the unit’s own staff, agencies’ people and the family of the meeting’s children', () => {
		expect(invitable('chair', 'u1')).toBe(true);
		expect(invitable('admin', 'u1')).toBe(true);
		expect(invitable('manager', 'u1')).toBe(true);
		expect(invitable('professional', null)).toBe(true);
		expect(invitable('professional', 'u1')).toBe(true);
		expect(invitable('parent', null, true)).toBe(true);
	});

	it('never another unit’s staff or professionals, staff of no unit, or another family', () => {
		expect(invitable('chair', 'u2')).toBe(false);
		expect(invitable('admin', 'u2')).toBe(false);
		expect(invitable('manager', null)).toBe(false);
		expect(invitable('professional', 'u2')).toBe(false);
		expect(invitable('parent', null, false)).toBe(false);
	});

	it('never a professional another unit made (issue 20: units are walls)', () => {
		expect(invitable('professional', 'u2')).toBe(false);
	});
});

describe('who may be invited, and as what: one table (tests/rights-table.ts)', () => {
	for (const row of invitees) {
		it(`${row.account} of ${row.unit ?? 'no unit'}, tied to the meeting by ${row.tie}: ${row.roles.join(', ') || 'not invited'}`, () => {
			const facts = {
				familyOfMeetingChild: row.tie === 'family of its child',
				accountOfMeetingChild: row.tie === 'its child'
			};
			const invitable = mayBeInvited({
				account: { role: row.account, unitId: row.unit },
				meetingUnitId: 'u1',
				...facts
			});
			const fitting = invitable
				? meetingRoles.filter(
						(meetingRole) =>
							meetingRoleFit({ accountRole: row.account, meetingRole, ...facts }) === 'fits'
					)
				: [];
			expect(invitable).toBe(row.roles.length > 0);
			expect([...fitting].sort()).toEqual([...row.roles].sort());
		});
	}

	it('a child’s own account is refused a meeting not about them in words of its own', () => {
		expect(
			meetingRoleFit({
				accountRole: 'child',
				meetingRole: 'child',
				familyOfMeetingChild: false,
				accountOfMeetingChild: false
			})
		).toBe('not-about-them');
		expect(
			meetingRoleFit({
				accountRole: 'child',
				meetingRole: 'parent',
				familyOfMeetingChild: true,
				accountOfMeetingChild: true
			})
		).toBe('not-for-this-account');
	});
});

describe('who imports the children’s case-system identifiers (issue 26)', () => {
	it('business support and managers of a unit; nobody else', () => {
		const who = (role: UserRole, unitId: string | null = 'u1') =>
			mayImportCaseSystemIds({ id: 'v', role, unitId });
		expect(who('admin')).toBe(true);
		expect(who('manager')).toBe(true);
		for (const role of ['chair', 'professional', 'parent', 'child'] as const)
			expect(who(role), role).toBe(false);
		expect(who('admin', null)).toBe(false);
	});
});

describe('who works the unit’s allegations against adults (issue 25): one table (tests/rights-table.ts)', () => {
	for (const row of allegationWorkers) {
		it(`${row.account} of ${row.unit ?? 'no unit'}: ${row.works ? 'works them' : 'never'}`, () => {
			const viewer = { id: 'v', role: row.account, unitId: row.unit };
			expect(mayWorkAllegations(viewer, 'u1')).toBe(row.works);
			// Referring one for their own unit: a unit's designated officer, chairs, business support
			// and managers.
			const unitStaff =
				['lado', 'chair', 'admin', 'manager'].includes(row.account) && row.unit !== null;
			expect(mayWorkAllegations(viewer)).toBe(unitStaff);
		});
	}
});

describe('who finds the unit’s children with the picker: schedulers and those who refer allegations', () => {
	for (const row of allegationWorkers) {
		const viewer = { id: 'v', role: row.account, unitId: row.unit };
		const finds = row.unit !== null && ['lado', 'chair', 'admin', 'manager'].includes(row.account);
		it(`${row.account} of ${row.unit ?? 'no unit'}: ${finds ? 'finds them' : 'never'}`, () => {
			expect(maySearchChildren(viewer)).toBe(finds);
		});
	}
});

describe('who schedules and chairs a strategy meeting about an allegation (issue 25)', () => {
	for (const row of allegationWorkers) {
		const viewer = { id: 'v', role: row.account, unitId: row.unit };
		// Chairs and business support schedule every kind; the designated officer strategy meetings.
		const office = ['chair', 'admin'].includes(row.account);
		const strategy = office || (row.account === 'lado' && row.unit !== null);
		it(`${row.account} of ${row.unit ?? 'no unit'}: ${strategy ? 'schedules one' : 'never'}`, () => {
			expect(mayScheduleKind(viewer, 'lado-strategy')).toBe(strategy);
			expect(mayScheduleKind(viewer, 'initial-conference')).toBe(office);
		});
	}
	it('a strategy meeting is chaired by a chair or the LADO; every other kind by a chair', () => {
		expect(chairAccountRoles('lado-strategy')).toEqual(['chair', 'lado']);
		for (const kind of ['initial-conference', 'missing-from-home', 'core-group'] as const)
			expect(chairAccountRoles(kind)).toEqual(['chair']);
	});
});

describe('who reads and shapes the unit’s meeting kinds (issue 25): one table (tests/rights-table.ts)', () => {
	for (const row of meetingKindShapers) {
		it(`${row.account} of ${row.unit ?? 'no unit'}: ${row.shapes ? 'shapes them' : row.reads ? 'reads them' : 'neither'}`, () => {
			const viewer = { id: 'v', role: row.account, unitId: row.unit };
			expect(mayReadMeetingKinds(viewer)).toBe(row.reads);
			expect(mayShapeMeetingKinds(viewer)).toBe(row.shapes);
		});
	}
});

describe('who works missing-from-home episodes (issue 25): one table (tests/rights-table.ts)', () => {
	for (const row of missingEpisodeWorkers) {
		const who = `${row.account} of ${row.unit ?? 'no unit'}${row.reviewingOfficer ? ', the child’s reviewing officer' : ''}`;
		it(`${who}: ${row.works ? 'works the child’s episodes' : 'never the child’s'}, ${row.readsList ? 'reads their unit’s list' : 'no list'}`, () => {
			const viewer = { id: 'v', role: row.account, unitId: row.unit };
			const child = { unitId: 'u1', iroId: row.reviewingOfficer ? 'v' : 'someone-else' };
			expect(mayWorkMissingEpisodes(viewer, child)).toBe(row.works);
			// Not the reviewing officer: only the child's unit's own staff.
			expect(mayWorkMissingEpisodes(viewer, { unitId: 'u1', iroId: null })).toBe(
				row.works && !row.reviewingOfficer
			);
			expect(mayWorkMissingEpisodes(viewer)).toBe(row.readsList);
		});
	}
});

describe('who works the unit’s children’s homes and Regulation 33 visits (issue 25): one table (tests/rights-table.ts)', () => {
	for (const row of homeWorkers) {
		it(`${row.account} of ${row.unit ?? 'no unit'}: ${row.works ? 'works them' : 'never'}`, () => {
			const viewer = { id: 'v', role: row.account, unitId: row.unit };
			expect(mayWorkHomes(viewer, 'u1')).toBe(row.works);
			// Recording a home for their own unit: a unit's chairs, business support and managers.
			const unitStaff = ['chair', 'admin', 'manager'].includes(row.account) && row.unit !== null;
			expect(mayWorkHomes(viewer)).toBe(unitStaff);
		});
	}
});

describe('the exploitation operational group (issue 25): one table (tests/rights-table.ts)', () => {
	for (const row of exploitationGroupRights) {
		it(`${row.account} of ${row.unit ?? 'no unit'}`, () => {
			const viewer = { id: 'v', role: row.account, unitId: row.unit };
			expect(mayWorkExploitationGroup(viewer), 'list').toBe(row.list);
			const sitting = [false, true].map((invited) =>
				maySeeExploitationSitting({ viewer, sittingUnitId: 'u1', invited })
			);
			expect(sitting, 'sitting').toEqual(row.sitting);
			const child = [false, true].map((seesMeetingAboutChild) =>
				maySeeExploitationChild({
					viewer,
					childUnitId: 'u1',
					// A parent of the child's own family: still never.
					ownFamily: row.account === 'parent',
					seesMeetingAboutChild
				})
			);
			expect(child, 'child').toEqual(row.child);
			expect(mayKeepExploitationItems(viewer), 'keeps').toBe(row.keeps);
			expect(mayReadPersonsOfConcern(viewer), 'persons').toBe(row.persons);
			expect(mayReferToExploitationGroup(viewer), 'refers').toBe(row.refers);
		});
	}
});
describe('who works foster carers and their reviews (issue 25): one table (tests/rights-table.ts)', () => {
	for (const row of fosterCarerWorkers) {
		it(`${row.account} of ${row.unit ?? 'no unit'}: ${row.works ? 'works the carer' : 'never the carer'}, ${row.ownUnit ? 'their own unit’s' : 'none'}`, () => {
			const viewer = { id: 'v', role: row.account, unitId: row.unit };
			expect(mayWorkFosterCarers(viewer, 'u1')).toBe(row.works);
			expect(mayWorkFosterCarers(viewer)).toBe(row.ownUnit);
		});
	}
});
describe('who may be on a professionals-only meeting’s list (issue 25): one table (tests/rights-table.ts)', () => {
	it('the table names every meeting role once', () => {
		expect(professionalOnlyKindRoles.map((r) => r.role).sort()).toEqual([...meetingRoles].sort());
	});
	for (const row of professionalOnlyKindRoles) {
		it(`${row.role}: ${row.joins ? 'joins' : 'never'} an allegation strategy, missing from home or exploitation group meeting`, () => {
			for (const kind of professionalOnlyKinds)
				expect(mayJoinKind({ kind, meetingRole: row.role }), kind).toBe(row.joins);
		});
	}
	it('every other kind has its family view and takes every role', () => {
		for (const kind of meetingKinds) {
			const family = !['lado-strategy', 'missing-from-home', 'exploitation-group'].includes(kind);
			expect(kindHasFamilyView(kind), kind).toBe(family);
			if (family)
				for (const role of meetingRoles)
					expect(mayJoinKind({ kind, meetingRole: role })).toBe(true);
		}
	});
});
