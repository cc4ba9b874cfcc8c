import { z } from 'zod';

/**
 * The one place that reads process.env. Plain Node: no $env, so server/ can import it.
 * Read lazily so tests can set variables before first use.
 */
const schema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().default('0.0.0.0'),
	/** The public origin, e.g. https://roundtable.example.gov.uk (adapter-node reads it too). */
	ORIGIN: z.string().url().optional(),
	/** Where the embedded database keeps its files when DATABASE_URL is unset. */
	DATA_DIR: z.string().default('./data'),
	/**
	 * The embedded database's buffer cache (PostgreSQL's `shared_buffers`), most of its resident
	 * memory: PGlite's own default, 128MB, costs about 130 MB more than the default here
	 * (docs/performance.md, "The embedded database off the event loop").
	 */
	PGLITE_SHARED_BUFFERS: z
		.string()
		.regex(/^\d+(kB|MB|GB)$/, 'PGLITE_SHARED_BUFFERS must be a size such as 32MB')
		.default('32MB'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
		.optional(),
	/** Folder of drizzle migrations; defaults to ./drizzle beside package.json. */
	MIGRATIONS_DIR: z.string().default('./drizzle'),
	/** Largest collaboration frame accepted, in bytes. */
	COLLAB_MAX_FRAME_BYTES: z.coerce
		.number()
		.int()
		.positive()
		.default(4 * 1024 * 1024),
	/** Largest live record (the bytes every newcomer downloads); writes beyond are refused. */
	COLLAB_MAX_RECORD_BYTES: z.coerce
		.number()
		.int()
		.positive()
		.default(8 * 1024 * 1024),
	/** Most live content one person may have in one record, in bytes. */
	COLLAB_MAX_SHARE_BYTES: z.coerce
		.number()
		.int()
		.positive()
		.default(1024 * 1024),
	/** smtp://user:password@host:587 (or smtps://…): where the outbox sends; unset → messages stay queued. */
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
		.optional(),
	/** redis://host:6379 (or rediss://…): relay live meetings between nodes; unset → one node, nothing about Redis loads. */
	REDIS_URL: z
		.string()
		.regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
		.optional(),
	/** The From of every email. */
	MAIL_FROM: z.string().default('Roundtable <roundtable@localhost>'),
	/**
	 * The operator's token for `POST /api/mail/bounces` (the mail relay forwards bounces there with
	 * `Authorization: Bearer …`); unset → the intake answers 404. At least 24 characters.
	 */
	MAIL_BOUNCE_TOKEN: z
		.string()
		.min(24, 'MAIL_BOUNCE_TOKEN must be at least 24 characters')
		.optional(),
	/** adapter-node's: the header naming the client's address behind a proxy (the socket and the audit log read it too). */
	ADDRESS_HEADER: z.string().optional(),
	/** adapter-node's: which address from the right of X-Forwarded-For is the client's. */
	XFF_DEPTH: z.coerce.number().int().min(1).default(1),
	/** Set to 1 to log one line per request (never bodies or names). */
	LOG_REQUESTS: z.string().optional(),
	/** A port for `/metrics` (Prometheus), apart from the app's; unset → no metrics (docs/performance.md, "What an operator watches"). */
	METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
	/** Where the metrics port listens: this machine only unless an operator says otherwise. */
	METRICS_HOST: z.string().default('127.0.0.1')
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** The validated environment; throws one readable line per problem. */
export function env(): Env {
	if (cached) return cached;
	const raw = Object.fromEntries(
		Object.entries(process.env).filter(([, value]) => value !== undefined && value !== '')
	);
	const parsed = schema.safeParse(raw);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		throw new Error(`Roundtable's environment is not right — ${lines.join('; ')}`);
	}
	cached = parsed.data;
	return cached;
}

/** For tests that change variables between cases. */
export function resetEnvForTests(): void {
	cached = undefined;
}
