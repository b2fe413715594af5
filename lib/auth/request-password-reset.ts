import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { appUrl } from '@/lib/env';
import type { Locale } from '@/lib/i18n/locale';
import { enqueuePasswordEmail, renderPasswordEmail } from '@/lib/notifications/password-emails';
import { deliverOutboxSoon } from '@/lib/notifications/deliver-outbox';
import { afterCommit, transaction } from '@/lib/db/transaction';
import { normaliseEmail } from './email-address';
import { setTimeout as sleep } from 'node:timers/promises';
import { RESET_REQUEST_MIN_MS, RESET_TOKEN_LIFETIME_MS } from './password-limits';
import { takeResetRequestBudget } from './password-reset-throttle';
import { createResetToken } from './password-reset-token';
import type { RequestMeta } from './request-meta';

/** The path of the reset page; the link carries the token in its query string. */
export const RESET_PASSWORD_PATH = '/login/reset-password';

/**
 * "Forgot your password?" (S16). The caller always gets the same answer, and the work done is
 * the same whether or not the address has an account: the budget rows are written either way,
 * one lookup, one audit row; a known address adds three small writes in the same transaction,
 * and its e-mail is only queued here and sent after the response (outbox), so neither the
 * answer nor its timing tells which addresses exist; a floor of RESET_REQUEST_MIN_MS hides
 * the few milliseconds left. A new link deletes the user's older ones.
 */
export async function requestPasswordReset(
  { email, requestLocale }: { email: string; requestLocale: Locale },
  meta: RequestMeta,
  now = new Date(),
): Promise<void> {
  const started = performance.now();
  const normalisedEmail = normaliseEmail(email);
  const withinBudget = await takeResetRequestBudget(normalisedEmail, now);
  await transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email: normalisedEmail },
      select: { id: true, email: true, name: true, officeId: true, locale: true, timeZone: true },
    });
    // The same token, link and mail are made either way; only a known address within its budget keeps them.
    const { token, id } = createResetToken();
    const link = `${appUrl()}${RESET_PASSWORD_PATH}?token=${token}`;
    if (user && withinBudget) {
      await tx.passwordResetToken.deleteMany({ where: { userId: user.id } });
      await tx.passwordResetToken.create({ data: { id, userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + RESET_TOKEN_LIFETIME_MS) } });
      await enqueuePasswordEmail(tx, { user, kind: 'password_reset_link', requestLocale, meta, now, link });
    } else {
      renderPasswordEmail('password_reset_link', { name: normalisedEmail, locale: requestLocale, timeZone: 'UTC', at: now, meta, link });
      // The outbox is looked at after the response either way, so the work after it does not tell either.
      afterCommit(tx, deliverOutboxSoon);
    }
    await recordAuditEvent(tx, {
      type: 'password.reset_requested',
      outcome: withinBudget ? 'SUCCESS' : 'DENIED',
      subjectUserId: user?.id ?? null,
      officeId: user?.officeId ?? null,
      meta,
      details: { email: normalisedEmail, knownAccount: !!user, ...(withinBudget ? {} : { reason: 'limit' }) },
    });
  });
  // Whatever is left of the difference in work (S16): every answer takes at least the same time.
  const left = started + RESET_REQUEST_MIN_MS - performance.now();
  if (left > 0) await sleep(left);
}
