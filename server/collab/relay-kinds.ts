/**
 * The kinds of message nodes relay to each other (./relay.ts), and the origin of what another
 * node relayed. Apart from relay.ts, so a node alone (no REDIS_URL) loads nothing of ioredis.
 */
export const relayed = { update: 0, awareness: 1, hello: 2 } as const;

/** The origin of what another node relayed: applied and stored here, never published back. */
export const relayOrigin = Symbol('relayed from another node');
