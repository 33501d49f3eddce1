import type { RelationshipField } from 'payload'

/** The topics a piece of content belongs to (a page per topic lists it). */
export const topicsField = (overrides: Partial<RelationshipField> = {}): RelationshipField =>
  ({
    name: 'topics',
    type: 'relationship',
    relationTo: 'topics',
    hasMany: true,
    ...overrides,
  }) as RelationshipField
