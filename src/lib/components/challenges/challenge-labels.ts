/** A challenge as the challenge components show it (browser-safe); its stages' words are the domain's. */
import { challengeStages, type ChallengeStage } from '$lib/domain/vocabulary';
export { challengeStageLabel as stageLabel } from '$lib/domain/labels';

export type ChallengeStageName = ChallengeStage;

export const stageOrder: readonly ChallengeStageName[] = challengeStages;

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
