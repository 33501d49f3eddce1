import type { Access } from 'payload'

/** No one through the API; the server writes these records itself (endpoints, jobs). */
export const nobody: Access = () => false
