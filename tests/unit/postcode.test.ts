import { describe, expect, it } from 'vitest'
import { parsePostcode, POSTCODE_AREAS } from '../../cms/members/postcode'

describe('parsePostcode', () => {
  it.each([
    ['m1 1ae', 'M1', 'north-west', 'england'],
    ['SW1A 1AA', 'SW1A', 'london', 'england'],
    ['ec1a1bb', 'EC1A', 'london', 'england'],
    ['CF10 1EP', 'CF10', 'wales', 'wales'],
    ['EH1 1YZ', 'EH1', 'scotland', 'scotland'],
    ['BT1 5GS', 'BT1', 'northern-ireland', 'northern-ireland'],
    ['LS1', 'LS1', 'yorkshire', 'england'],
    ['CH7 1AB', 'CH7', 'wales', 'wales'],
    ['CH1 1AB', 'CH1', 'north-west', 'england'],
    ['SY23 1AA', 'SY23', 'wales', 'wales'],
    ['TD15 1AA', 'TD15', 'north-east', 'england'],
  ])('reads %s as %s in %s (%s)', (input, outward, region, nation) => {
    expect(parsePostcode(input)).toMatchObject({ outward, region, nation })
  })
  it('refuses things that are not UK postcodes', () => {
    for (const bad of ['', 'hello', '12345', 'SW1A 1A', 'QQ1 1AA', 'JE2 3AB', 'M1 1AEE'])
      expect(parsePostcode(bad), bad).toBeNull()
  })
  it('knows all 121 geographic postcode areas of the UK', () => {
    expect(POSTCODE_AREAS.size).toBe(121)
  })
})
