import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { databaseKind, resolveSqliteUrl, uriHost } from '../../cms/db'

describe('choosing the database from DATABASE_URI', () => {
  it('selects SQLite for file: and libsql URIs and MongoDB for mongodb URIs', () => {
    expect(databaseKind('file:./data/organise.db')).toBe('sqlite')
    expect(databaseKind('libsql://db.example.turso.io')).toBe('sqlite')
    expect(databaseKind('mongodb://db1:27017,db2:27017/organise?replicaSet=rs0')).toBe('mongodb')
    expect(databaseKind('mongodb+srv://user:pw@cluster0.example.mongodb.net/organise')).toBe('mongodb')
  })
  it('refuses other schemes without printing credentials', () => {
    expect(() => databaseKind('postgres://user:secret@db/organise')).toThrow(
      /postgres:\/\/\*\*\*@db\/organise" is not supported/,
    )
  })
  it('names the host, never the password, for error messages', () => {
    expect(uriHost('mongodb+srv://user:secret@cluster0.example.mongodb.net/organise')).toBe(
      'cluster0.example.mongodb.net',
    )
    expect(uriHost('mongodb://127.0.0.1:27017/organise')).toBe('127.0.0.1:27017')
  })
  it('resolves a relative SQLite file against the project root', () => {
    process.env.PROJECT_ROOT = '/srv/organise'
    expect(resolveSqliteUrl('file:./data/organise.db')).toBe(
      `file:${path.resolve('/srv/organise/data/organise.db')}`,
    )
    expect(resolveSqliteUrl('file:/var/lib/organise.db')).toBe('file:/var/lib/organise.db')
    delete process.env.PROJECT_ROOT
  })
})
