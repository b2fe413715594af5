/** S11: audit rows are never updated or deleted: the database refuses it, even to the app's own user. */
import { NoJsBrowser } from '../http/http-client';
import { passwordStep } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('attack');

test("S11 audit rows cannot be changed or deleted (even by SQL as the app's user)", async () => {
  // A row of our own (a wrong password is audited): the refusal comes from a row trigger, which
  // an empty table would never fire.
  const user = suite.claim('user-without-2fa');
  await passwordStep(new NoJsBrowser(suite.a), user.email, 'not the password');
  const row = `(SELECT max(id) FROM "AuditEvent" WHERE "subjectUserId" = '${user.id}')`;
  expect(await suite.auditCount(`id = ${row}`)).toBe(1);
  const answers: Record<string, string> = {};
  for (const statement of [`UPDATE "AuditEvent" SET outcome = 'SUCCESS' WHERE id = ${row}`, `DELETE FROM "AuditEvent" WHERE id = ${row}`]) {
    answers[statement.split(' ')[0]] = await suite.sql.query(statement).then(
      () => 'allowed',
      () => 'refused',
    );
  }
  expect(answers).toEqual({ UPDATE: 'refused', DELETE: 'refused' });
  expect(await suite.auditCount(`id = ${row} AND outcome <> 'SUCCESS'`)).toBe(1);
  observe('UPDATE and DELETE on AuditEvent refused by the database');
});
