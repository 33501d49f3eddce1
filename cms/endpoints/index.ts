import type { Endpoint } from 'payload'

/**
 * The public endpoints: the only writes anonymous people can make (sign-up, petition signing,
 * confirmation, unsubscribe, erase) plus public counts. Each is thin: it parses input and calls a
 * plain, tested function.
 */
export const endpoints: Endpoint[] = []
