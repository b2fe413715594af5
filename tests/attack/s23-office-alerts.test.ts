/**
 * S23: the office admins' own setting for the e-mails about their members' 2FA events. The
 * action takes no id: whatever is posted, it changes the poster's own preference only, and
 * only for an office admin.
 */
import { pageText } from '../http/http-client';
import { signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { actionRedirect } from './server-actions';

const suite = useSuite('attack');
const { a } = suite;

const preferences = async (ids: string[]) =>
  (await suite.sql.query(`SELECT "userId", "alertsOn" FROM "OfficeAlertPreference" WHERE "userId" = ANY($1) ORDER BY "userId"`, [ids])).rows;

test('S23 the admins’ e-mail setting: a posted id of another admin changes only the poster’s own; a plain user posting the form changes nothing', async () => {
  const adminUser = suite.claim('office-admin');
  const otherAdmin = suite.claim('office-admin');
  const plainUser = suite.claim();
  const admin = await signedIn(adminUser, a);
  const page = await admin.get('/office');
  expect(page.status).toBe(200);

  // The box unticked (absent from the form), with the other admin's id under every name an action might read.
  const saved = await admin.submit('/office', 'alerts', { userId: otherAdmin.id, adminId: otherAdmin.id, id: otherAdmin.id }, { page });
  expect(saved.status).toBe(200);
  expect(pageText(saved.html)).toContain('Saved. You will no longer get these e-mails.');
  expect(await preferences([adminUser.id, otherAdmin.id])).toEqual([{ userId: adminUser.id, alertsOn: false }]);
  expect(await suite.auditCount(`type = 'office.admin_alerts_changed' AND "actorUserId" = $1 AND "subjectUserId" = $1`, [adminUser.id])).toBe(1);

  // The same form, its action id taken from the admin's page, posted by a plain user: sent home, nothing written.
  const user = await signedIn(plainUser, a);
  const refused = await user.submit('/office', 'alerts', { alerts: 'on' }, { page });
  expect(actionRedirect(refused)).toBe('/');
  expect(await preferences([plainUser.id])).toEqual([]);
  expect(await suite.auditCount(`type = 'office.admin_alerts_changed' AND "actorUserId" = $1`, [plainUser.id])).toBe(0);
  observe('admin posts ids of another admin → only their own row, off; a plain user posting the form → sent to /, no row, no audit');
});
