import type { Access } from 'payload'

/** Everyone, including anonymous readers. Only for content that is always public. */
export const anyone: Access = () => true
