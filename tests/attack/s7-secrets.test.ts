/** S7: TOTP secrets are encrypted at rest; no password hash or 2FA key ever reaches a browser. */
import type { NoJsBrowser } from '../http/http-client';
import { signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('attack');

test('S7 secrets never reach a browser and are encrypted at rest', async () => {
  const agent: NoJsBrowser = await signedIn(suite.claim('helpdesk'), suite.a);
  const keys = [...suite.users, ...suite.extra].filter((u) => u.totpKey).map((u) => u.totpKey!);
  const pages = ['/', '/helpdesk?q=example', '/helpdesk/audit', '/helpdesk/audit/export'];
  const bodies: string[] = [];
  for (const path of pages) bodies.push((await agent.get(path)).html);
  const rows = (await suite.sql.query(`SELECT "secretCiphertext" AS c FROM "TotpCredential"`)).rows as Array<{ c: string }>;
  expect({
    hashesInPages: bodies.filter((body) => /\$2[aby]\$\d\d\$/.test(body)).length,
    keysInPages: keys.filter((key) => bodies.some((body) => body.includes(key))).length,
    keysInPlainInTheDatabase: keys.filter((key) => rows.some((row) => row.c.includes(key))).length,
  }).toEqual({ hashesInPages: 0, keysInPages: 0, keysInPlainInTheDatabase: 0 });
  observe(`${pages.length} helpdesk pages incl. the CSV export: no bcrypt hash, no 2FA key; ${rows.length} secrets in the database, none in plain text`);
});
