/**
 * The shape of the unit's figures (issue 14), as the oversight queries
 * (`src/lib/server/oversight/figures.ts`) return them and the dashboard, the quarterly report,
 * its PDF and CSV render them. Browser-safe: types only.
 */
import type { AllegationFigures } from '../domain/allegations';
import type { Reg33Figures } from '../domain/reg33';
import type { ExploitationFigures } from './exploitation-table';
import type { FosterReviewFigures } from '../domain/foster-carer-review';
import type { MissingFigures } from '../domain/missing-figures';
import type { CalendarDate } from '../domain/calendar-date';
import type { ChallengeStage, FeedbackRespondent, MeetingKind } from '../domain/vocabulary';

/** One late item: the meeting, how late (working days), and whether it is done yet. */
export interface LateItem {
	meetingId: string;
	kind: MeetingKind;
	/** The meeting's day. */
	day: CalendarDate;
	dueBy: CalendarDate;
	workingDaysLate: number;
	/** False while still not done (late so far, counted to today). */
	done: boolean;
}

export interface OnTimeFigure {
	/** Meetings in the period whose due date has passed or that are done. */
	due: number;
	onTime: number;
	late: LateItem[];
}

export interface AgencyFigure {
	agency: string;
	invited: number;
	attended: number;
	apologies: number;
	reportsRequested: number;
	reportsReceived: number;
	/** Received before the meeting began. */
	reportsBefore: number;
	/** Received only after the meeting. */
	reportsAfter: number;
	sharedBefore: number;
}

export interface OversightFigures {
	from: CalendarDate;
	to: CalendarDate;
	asOf: CalendarDate;
	meetingsHeld: { kind: MeetingKind; count: number }[];
	/**
	 * Month by month: children whose child protection plan started, whose plan ended, and the
	 * children subject to a plan at the month's end.
	 */
	plans: { month: string; started: number; ended: number; subject: number }[];
	plansOut: OnTimeFigure;
	notesOnTime: OnTimeFigure;
	cicReviews: {
		held: number;
		withinTimescale: number;
		late: { meetingId: string; dueBy: CalendarDate; heldOn: CalendarDate; daysLate: number }[];
		dueSoon: { childId: string; dueBy: CalendarDate }[];
	};
	agencies: AgencyFigure[];
	advocacy: { eligible: number; offered: number; takenUp: number; parentsOffered: number };
	challenges: {
		raised: number;
		byStage: { stage: ChallengeStage; count: number }[];
		/** Resolved challenges by the furthest stage they reached first. */
		resolvedAfter: { stage: ChallengeStage; count: number }[];
	};
	caseloads: { userId: string; name: string; count: number; limit: number }[];
	feedback: FeedbackFigures;
	/** The LADO's figures (issue 25): allegations against adults who work with children. */
	allegations: AllegationFigures;
	/** Regulation 33 visits to the unit's children's homes (issue 25), home by home. */
	reg33: Reg33Figures;
	/** The exploitation operational group's counts (issue 25). */
	exploitation: ExploitationFigures;
	/** Foster carer reviews held and their reports (issue 25). */
	fosterCarerReviews: FosterReviewFigures;
	/** Missing-from-home episodes (issue 25): begun, escalated, open, return interviews in 72 hours. */
	missing: MissingFigures;
}

/** Responses and the two scales' means (1–5, one decimal; 0 with no responses). */
export interface FeedbackScores {
	responses: number;
	listenedTo: number;
	knowWhatNext: number;
}

/**
 * Feedback after meetings answered in the period (issue 27): never by person. The contract
 * part (`GET /api/oversight`) is `responses`, `byRole`, `listenedTo` and `knowWhatNext`.
 */
export interface FeedbackFigures extends FeedbackScores {
	byRole: Record<FeedbackRespondent, number>;
	byKind: ({ kind: MeetingKind } & FeedbackScores)[];
	/** Each chair's meetings' answers (a chair sees other chairs as "Another chair"). */
	byChair: ({ chairId: string; name: string } & FeedbackScores)[];
	/** Month by month (YYYY-MM): the two scales over time. */
	byMonth: ({ month: string } & FeedbackScores)[];
	/** The words, names of children and adults removed, newest first (at most 200). */
	comments: {
		month: string;
		kind: MeetingKind;
		respondent: FeedbackRespondent;
		better: string;
		officerDifference: string;
	}[];
}
