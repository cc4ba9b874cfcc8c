/** The words for a challenge's stages, shared by the challenge components (browser-safe). */
import { challengeStages, type ChallengeStage } from '$lib/domain/vocabulary';

export type ChallengeStageName = ChallengeStage;

export const stageOrder: readonly ChallengeStageName[] = challengeStages;

export const stageLabel: Record<ChallengeStageName, string> = {
	informal: 'Raised informally',
	formal: 'Formal dispute',
	escalated: 'Escalated to a manager',
	resolved: 'Resolved'
};

export interface ChallengeItem {
	id: string;
	stage: ChallengeStageName;
	about: string;
	toAgency: string;
	toPerson: string;
	why: string;
	outcome: string | null;
	meetingId: string | null;
	raisedAt: string;
	mayMove: boolean;
	history: { stage: ChallengeStageName; at: string; note: string }[];
}
