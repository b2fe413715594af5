import 'server-only';
import type { TxClient } from '@/lib/db';
import { appUrl, env } from '@/lib/env';
import { resolveLocale, resolveTimeZone } from '@/lib/i18n/locale';
import { putInOutbox } from '@/lib/notifications/outbox';
import { renderAdminAlert, type MemberAlert } from './admin-alert-email';
import { MEMBER_ALERT_INTERVAL_MS } from './limits';

/** The outbox kind of these e-mails. */
export const OFFICE_ADMIN_ALERT_KIND = 'office_admin_alert';

export type AdminAlertResult = { kind: 'queued'; recipients: number } | { kind: 'no-recipients' } | { kind: 'throttled' };

/**
 * Tells the admins of a member's office about a 2FA event of that member (S23), inside the
 * transaction that made the change (so `tx` must come from transaction(), decision 0010): an
 * e-mail to every office admin of the same office who has not turned them off, never to the
 * member (an admin whose own 2FA changed is told by their own e-mail, S12; the other admins
 * hear of it here). At most one per member per MEMBER_ALERT_INTERVAL_MS, over all kinds of
 * event; the caller audits the event itself either way.
 */
export async function alertOfficeAdmins(
  tx: TxClient,
  { memberId, alert, now }: { memberId: string; alert: MemberAlert; now: Date },
): Promise<AdminAlertResult> {
  const member = await tx.user.findUnique({ where: { id: memberId }, select: { name: true, email: true, officeId: true, office: { select: { name: true } } } });
  if (!member?.officeId || !member.office) return { kind: 'no-recipients' };
  const admins = await tx.user.findMany({
    where: { officeId: member.officeId, role: 'OFFICE_ADMIN', id: { not: memberId } },
    select: { id: true, email: true, name: true, locale: true, timeZone: true },
    orderBy: { id: 'asc' },
  });
  const optedOut = new Set(
    (await tx.officeAlertPreference.findMany({ where: { userId: { in: admins.map((a) => a.id) }, alertsOn: false }, select: { userId: true } })).map(
      (p) => p.userId,
    ),
  );
  const recipients = admins.filter((admin) => !optedOut.has(admin.id));
  // Nobody to tell: the hour is not used up, so an admin who turns the e-mails on hears of the next event.
  if (recipients.length === 0) return { kind: 'no-recipients' };
  if (!(await claimMemberAlert(tx, memberId, now))) return { kind: 'throttled' };

  const { APP_NAME, HELPDESK_EMAIL, DEFAULT_LOCALE, DEFAULT_TIME_ZONE } = env();
  const officePageUrl = `${appUrl()}/office`;
  for (const admin of recipients) {
    const { subject, body } = renderAdminAlert(alert, {
      locale: resolveLocale({ userLocale: admin.locale, fallback: DEFAULT_LOCALE }),
      timeZone: resolveTimeZone({ userTimeZone: admin.timeZone, fallback: DEFAULT_TIME_ZONE }),
      appName: APP_NAME,
      helpdeskEmail: HELPDESK_EMAIL,
      officePageUrl,
      adminName: admin.name,
      member: { name: member.name, email: member.email },
      officeName: member.office.name,
      at: now,
    });
    await putInOutbox(tx, { userId: admin.id, kind: OFFICE_ADMIN_ALERT_KIND, toEmail: admin.email, subject, body, now });
  }
  return { kind: 'queued', recipients: recipients.length };
}

/**
 * The member's hourly e-mail, taken by a conditional write: true for exactly one transaction
 * per interval, across instances. The row is made first with INSERT … ON CONFLICT DO NOTHING
 * (SQLite and PostgreSQL both have it): a plain insert that lost a race would fail with a
 * unique violation, which on PostgreSQL aborts the whole transaction, the member's change with
 * it. A concurrent transaction waits on the row until this one ends, then finds it taken.
 */
async function claimMemberAlert(tx: TxClient, memberId: string, now: Date): Promise<boolean> {
  await tx.$executeRaw`INSERT INTO "MemberAlertMarker" ("userId") VALUES (${memberId}) ON CONFLICT ("userId") DO NOTHING`;
  const { count } = await tx.memberAlertMarker.updateMany({
    where: { userId: memberId, OR: [{ lastAlertAt: null }, { lastAlertAt: { lte: new Date(now.getTime() - MEMBER_ALERT_INTERVAL_MS) } }] },
    data: { lastAlertAt: now },
  });
  return count === 1;
}
