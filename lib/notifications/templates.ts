/** What the user is told, and when (S12). Plain text; says when, from where, and what to do if it was not them. */
import { unusedRecoveryCodesText } from '@/lib/two-factor/messages';

export type NotificationKind =
  | 'code_replayed'
  | 'two_factor_enabled'
  | 'two_factor_disabled'
  | 'two_factor_reset'
  | 'two_factor_required'
  | 'recovery_code_used'
  | 'recovery_code_replayed'
  | 'recovery_codes_generated';

export type NotificationContext = {
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
};

const subjects: Record<NotificationKind, string> = {
  code_replayed: 'A used verification code was entered for your account',
  two_factor_enabled: 'Two-factor authentication is enabled',
  two_factor_disabled: 'Two-factor authentication is disabled',
  two_factor_reset: 'The helpdesk has disabled two-factor authentication for your account',
  two_factor_required: 'Your office now requires two-factor authentication',
  recovery_code_used: 'A recovery code was used to log in to your account',
  recovery_code_replayed: 'A used recovery code was entered for your account',
  recovery_codes_generated: 'New recovery codes were generated for your account',
};

const bodies: Record<NotificationKind, string | ((ctx: NotificationContext) => string)> = {
  code_replayed:
    'Someone logged in with your password and then entered a verification code that had already been used. It was refused. If this was not you, change your password now and tell the helpdesk.',
  two_factor_enabled:
    'Two-factor authentication is now enabled for your account. When you next log in, you will also enter the 6-digit code from your authentication app. Keep your recovery codes somewhere safe: each one lets you log in once if you lose your phone.',
  two_factor_disabled:
    'Two-factor authentication is now disabled for your account. You no longer need to enter a verification code when you log in. You can enable 2FA again when you wish, under Manage 2FA.',
  two_factor_reset:
    'At your request, after confirming your identity, the helpdesk has disabled two-factor authentication for your account. You can now log in with your e-mail address and password, and enable 2FA again under Manage 2FA.',
  two_factor_required: (ctx) =>
    `Your office now requires two-factor authentication for all its users. Enable it before ${ctx.deadline?.toUTCString() ?? 'your next login'}: at the top right, under your e-mail address, select Manage 2FA and click Enable 2FA. After that date you will be asked to enable it when you log in.`,
  recovery_code_used: (ctx) =>
    `Someone logged in to your account with your password and one of your recovery codes instead of a code from your authentication app. That recovery code no longer works. ${unusedRecoveryCodesText(ctx.codesLeft ?? 0)} When you run low, generate new recovery codes under Manage 2FA.`,
  recovery_code_replayed:
    'Someone logged in with your password and then entered a recovery code that had already been used. It was refused. If this was not you, change your password now, generate new recovery codes under Manage 2FA, and tell the helpdesk.',
  recovery_codes_generated: 'New recovery codes were generated for your account. The previous recovery codes no longer work: only the new list does.',
};

export function renderNotification(kind: NotificationKind, ctx: NotificationContext): { subject: string; body: string } {
  const when = ctx.at.toUTCString();
  const lines = [
    `Hello ${ctx.name},`,
    '',
    typeof bodies[kind] === 'function' ? bodies[kind](ctx) : bodies[kind],
    '',
    `When: ${when}`,
    `IP address: ${ctx.ip ?? 'unknown'}`,
    `Browser: ${ctx.userAgent ?? 'unknown'}`,
    '',
    `If you did not do this, contact the helpdesk at ${ctx.helpdeskEmail} straight away.`,
    '',
    `— ${ctx.appName}`,
  ];
  return { subject: `${ctx.appName}: ${subjects[kind]}`, body: lines.join('\n') };
}
