/**
 * The e-mail an office admin gets about a member's 2FA event (S23), in the admin's own language
 * and time zone: who, what happened, when, by whom (a helpdesk reset names the agent and the
 * ticket), what the admin can do, and where. Nothing secret: no code, no reason text the agent
 * typed (it may hold the member's private details), no IP address.
 */
import type { Locale } from '@/lib/i18n/locale';
import { dateFormatFor, translatorFor } from '@/lib/i18n/server';
import { CODE_FAILURE_LIMIT } from '@/lib/auth/limits';

export type MemberAlert =
  { kind: 'two_factor_reset'; agentName: string; ticket: string } | { kind: 'two_factor_disabled' } | { kind: 'code_locked'; lockedUntil: Date };

export type AdminAlertContext = {
  locale: Locale;
  timeZone: string;
  appName: string;
  helpdeskEmail: string;
  /** The office page's address, from APP_URL: never from the request. */
  officePageUrl: string;
  adminName: string;
  member: { name: string; email: string };
  officeName: string;
  at: Date;
};

export function renderAdminAlert(alert: MemberAlert, ctx: AdminAlertContext): { subject: string; body: string } {
  const t = translatorFor(ctx.locale, 'officeAlerts.email');
  const format = dateFormatFor(ctx.locale, ctx.timeZone);
  const who = { member: ctx.member.name, email: ctx.member.email, office: ctx.officeName, helpdeskEmail: ctx.helpdeskEmail };
  const what = (() => {
    switch (alert.kind) {
      case 'two_factor_reset':
        return t('two_factor_reset.body', { ...who, agent: alert.agentName, ticket: alert.ticket });
      case 'two_factor_disabled':
        return t('two_factor_disabled.body', who);
      case 'code_locked':
        return t('code_locked.body', { ...who, limit: CODE_FAILURE_LIMIT, until: format.dateTimeWithZone(alert.lockedUntil) });
    }
  })();
  const lines = [
    t('greeting', { name: ctx.adminName }),
    '',
    what,
    '',
    t('when', { when: format.dateTimeWithZone(ctx.at) }),
    '',
    t(`${alert.kind}.whatToDo`, who),
    t('officePage', { link: ctx.officePageUrl }),
    '',
    t('throttle', who),
    t('why', who),
    '',
    t('signature', { appName: ctx.appName }),
  ];
  return { subject: t('subject', { appName: ctx.appName, subject: t(`${alert.kind}.subject`, who) }), body: lines.join('\n') };
}
