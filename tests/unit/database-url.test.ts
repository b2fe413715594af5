import path from 'node:path';
import { databaseKind, databaseUrl } from '@/lib/database-url';

describe('databaseKind', () => {
  it.each([
    ['file:./data/dev.db', 'sqlite'],
    ['file:/var/lib/portal/portal.db', 'sqlite'],
    ['postgresql://portal:secret@db.internal:5432/portal', 'postgres'],
    ['postgres://portal@localhost/portal?sslmode=require', 'postgres'],
  ])('%s is %s', (url, kind) => {
    expect(databaseKind(url)).toBe(kind);
  });

  it.each(['mysql://root@localhost/portal', './data/dev.db', '', 'postgresql:/missing-slash'])('refuses %j with an error naming DATABASE_URL', (url) => {
    expect(() => databaseKind(url)).toThrow(/DATABASE_URL/);
  });

  it('does not repeat the URL (it may hold a password) in the error', () => {
    expect(() => databaseKind('mysql://root:hunter2@localhost/portal')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });
});

describe('databaseUrl', () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it('defaults to data/dev.db in the project (the working directory), as an absolute path', () => {
    delete process.env.DATABASE_URL;
    expect(databaseUrl()).toBe(`file:${path.join(process.cwd(), 'data', 'dev.db')}`);
  });

  it('treats an empty DATABASE_URL as unset', () => {
    process.env.DATABASE_URL = '  ';
    expect(databaseUrl()).toBe(`file:${path.join(process.cwd(), 'data', 'dev.db')}`);
  });

  it('resolves a relative SQLite path against the working directory', () => {
    process.env.DATABASE_URL = 'file:./other/portal.db';
    expect(databaseUrl()).toBe(`file:${path.join(process.cwd(), 'other', 'portal.db')}`);
  });

  it('keeps absolute SQLite paths, :memory: and PostgreSQL URLs as they are', () => {
    for (const url of ['file:/srv/portal.db', 'file::memory:', 'postgresql://portal@db:5432/portal']) {
      process.env.DATABASE_URL = url;
      expect(databaseUrl()).toBe(url);
    }
  });

  it('refuses an unsupported database', () => {
    process.env.DATABASE_URL = 'mongodb://localhost/portal';
    expect(() => databaseUrl()).toThrow(/DATABASE_URL/);
  });
});
