'use client'
/** The Flags column of the signatures and members lists: each flag in plain words, or nothing. */
import type { DefaultCellComponentProps } from 'payload'
import { flagLabel } from './flagLabels'

export function FlagsCell({ cellData }: DefaultCellComponentProps) {
  const flags = Array.isArray(cellData) ? (cellData as string[]) : []
  if (flags.length === 0) return null
  return (
    <ul style={{ margin: 0, paddingLeft: '1rem' }}>
      {flags.map((flag) => (
        <li key={flag} title={flag}>
          {flagLabel(flag)}
        </li>
      ))}
    </ul>
  )
}
