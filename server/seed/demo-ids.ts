/** The demo data's fixed ids, so seeding twice changes nothing. */
export const id = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

export const demoIds = {
	unit: id(1),
	icpc: id(301),
	coreGroup: id(302),
	cicReview: id(303),
	lifeAppreciationDay: id(304),
	disruptionMeeting: id(305),
	/** Chrissie's and Leo's two earlier child in need reviews: the history the plotter shows. */
	cinReviewFirst: id(306),
	cinReviewSecond: id(307),
	/** Mia's conference, live and filled in up to the plan, ready to end. */
	miaConference: id(308),
	/** Tyler's last child in care review, six months ago (issue 27: his tracker card). */
	tylerLastReview: id(309),
	chrissie: id(201),
	leo: id(202),
	mia: id(203),
	tyler: id(204),
	amelia: id(205),
	kai: id(206)
} as const;

/** Demo user ids, for the records written in demo-records.ts. */
export const demoUserIds = {
	chair: id(101),
	admin: id(102),
	socialWorker: id(103),
	police: id(104),
	healthVisitor: id(105),
	gp: id(106),
	parent: id(107),
	otherParent: id(108),
	manager: id(109),
	/** Tyler Hughes's own account (issue 27), `child@demo.test`. */
	child: id(110)
} as const;
