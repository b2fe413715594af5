/**
 * What the user is told, and when (S12). Plain text, in the recipient's language and time zone
 * (messages/*.json, area `email`), whoever caused it: their own change, a helpdesk agent's
 * reset, their office admin's requirement. Every e-mail says what happened, when (with the
 * zone named: the reader may be elsewhere), from which IP address and browser, and what to do
 * if it was not them.
 */
import type { Locale } from '@/lib/i18n/locale';
import { dateFormatFor, translatorFor, type Translator } from '@/lib/i18n/server';
import { type DateFormat } from '@/lib/format';
import { browserParts } from '@/lib/sessions/describe-user-agent';

export type NotificationKind =
  | 'code_replayed'
  | 'two_factor_enabled'
  | 'two_factor_disabled'
  | 'two_factor_reset'
  | 'two_factor_required'
  | 'recovery_code_used'
  | 'recovery_code_replayed'
  | 'recovery_codes_generated'
  | 'security_key_added'
  | 'security_key_removed'
  | 'security_key_used_after_idle'
  | 'security_key_counter_regressed';

export type NotificationContext = {
  /** The recipient's language and time zone (User.locale, User.timeZone, else the configured defaults). */
  locale: Locale;
  timeZone: string;
  appName: string;
  helpdeskEmail: string;
  name: string;
  at: Date;
  ip: string | null;
  userAgent: string | null;
  /** For two_factor_required: by when. */
  deadline?: Date;
  /** For recovery_code_used: how many unused recovery codes are left. */
  codesLeft?: number;
  /** For security_key_*: the key's name as the user gave it. */
  keyName?: string;
};

type EmailTranslator = Translator<'email'>;

export function renderNotification(kind: NotificationKind, ctx: NotificationContext): { subject: string; body: string } {
  const t = translatorFor(ctx.locale, 'email');
  const format = dateFormatFor(ctx.locale, ctx.timeZone);
  const lines = [
    t('greeting', { name: ctx.name }),
    '',
    whatHappened(kind, ctx, t, format),
    '',
    t('when', { when: format.dateTimeWithZone(ctx.at) }),
    ctx.ip ? t('ip', { ip: ctx.ip }) : t('ipUnknown'),
    browserLine(ctx.userAgent, t),
    '',
    t('notYou', { helpdeskEmail: ctx.helpdeskEmail }),
    '',
    t('signature', { appName: ctx.appName }),
  ];
  return { subject: t('subject', { appName: ctx.appName, subject: subjectOf(kind, ctx) }), body: lines.join('\n') };
}

type SecurityKeyNotification = Extract<NotificationKind, `security_key_${string}`>;

function isSecurityKeyNotification(kind: NotificationKind): kind is SecurityKeyNotification {
  return kind.startsWith('security_key_');
}

/** Security keys' e-mails keep their words in their own area of the catalogue (securityKeys.email). */
function subjectOf(kind: NotificationKind, ctx: NotificationContext): string {
  if (isSecurityKeyNotification(kind)) return translatorFor(ctx.locale, 'securityKeys.email')(`${kind}.subject`);
  return translatorFor(ctx.locale, 'email')(`${kind}.subject`);
}

function whatHappened(kind: NotificationKind, ctx: NotificationContext, t: EmailTranslator, format: DateFormat): string {
  if (isSecurityKeyNotification(kind)) return translatorFor(ctx.locale, 'securityKeys.email')(`${kind}.body`, { keyName: ctx.keyName ?? '' });
  switch (kind) {
    case 'two_factor_required':
      // Every caller knows the deadline; an e-mail that cannot say it would tell the user nothing useful.
      if (!ctx.deadline) throw new Error('A two_factor_required notification needs its deadline');
      return t('two_factor_required.body', { deadline: format.dateTimeWithZone(ctx.deadline) });
    case 'recovery_code_used':
      return t('recovery_code_used.body', { codesLeft: ctx.codesLeft ?? 0 });
    default:
      return t(`${kind}.body`);
  }
}

/** The browser as people name it ("Firefox on Windows"), joined in the reader's language; an unknown one as it was sent. */
function browserLine(userAgent: string | null, t: EmailTranslator): string {
  const parts = browserParts(userAgent);
  if (!parts) return t('browserUnknown');
  return t('browser', { browser: parts.system ? t('browserOnSystem', { browser: parts.browser, system: parts.system }) : parts.browser });
}
