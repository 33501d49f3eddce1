import { describe, expect, it } from 'vitest'
import { FLAGS } from '../../cms/abuse/flags'
import { RELEASED } from '../../cms/abuse/release'
import { createConfig } from '../../cms/config'
import { FLAG_LABELS, flagLabel } from '../../cms/admin/components/FlaggedRecords/flagLabels'

describe('flag labels', () => {
  it('has plain words for every flag and for the released note', () => {
    for (const flag of [...Object.values(FLAGS), RELEASED]) expect(FLAG_LABELS[flag], flag).toMatch(/^[A-Z]/)
    expect(flagLabel('rate-limit')).toBe('Over the per-address limit: no email sent')
    expect(flagLabel('something-new')).toBe('something-new')
  })
})

describe('the signatures and members lists in the admin', () => {
  it('show a Flags column with plain words, and Release / Discard above the table, for both collections only', async () => {
    const config = await createConfig({
      databaseUri: 'file:/tmp/h2-never-opened.db',
      secret: 'unit-tests-only',
    })
    for (const slug of ['signatures', 'members']) {
      const collection = config.collections.find((c) => c.slug === slug)!
      expect(collection.admin.defaultColumns, slug).toContain('flags')
      expect(collection.admin.components?.beforeListTable, slug).toContain(
        '/admin/components/FlaggedRecords/FlaggedActions#FlaggedActions',
      )
      const flags = collection.fields.find((f) => 'name' in f && f.name === 'flags')!
      expect(flags.admin?.components, slug).toMatchObject({
        Cell: '/admin/components/FlaggedRecords/FlagsCell#FlagsCell',
      })
    }
    const petitions = config.collections.find((c) => c.slug === 'petitions')!
    expect(petitions.admin.components?.beforeListTable ?? []).not.toContain(
      '/admin/components/FlaggedRecords/FlaggedActions#FlaggedActions',
    )
  })
})
