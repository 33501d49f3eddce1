import { describe, expect, it } from 'vitest'
import { employerMatches } from '../../site/src/lib/employerMatch'

describe('employerMatches: the employer a worker types against the ones a union lists', () => {
  it.each([
    ["Sainsbury's", 'Sainsburys'],
    ["Sainsbury's", 'sainsbury’s'],
    ['Royal Mail', 'Royal Mail Group Ltd'],
    ['Asda', 'ASDA Stores Limited'],
    ['BT', 'BT Group plc'],
    ['Northern', 'Northern Trains Ltd'],
    ['Example Bank plc', ' example bank PLC '],
    ['NHS', 'Manchester University NHS Foundation Trust'],
    ['NHS', 'nhs'],
    ['Local councils', 'Leeds City Council'],
    ['Local councils', 'London Borough of Camden council'],
  ])('%s matches %s', (listed, typed) => {
    expect(employerMatches(listed, typed)).toBe(true)
  })

  it.each([
    ['Northern', 'Northern Trust'],
    ['Royal Mail', 'Daily Mail'],
    ['Royal Mail', 'Royal'],
    ['EE', 'EEF Ltd'],
    ['NHS', 'Nuffield Health'],
    ['Local councils', 'Citizens Advice'],
    ['Asda', ''],
    ['Asda', 'Ltd'],
  ])('%s does not match %s', (listed, typed) => {
    expect(employerMatches(listed, typed)).toBe(false)
  })
})
