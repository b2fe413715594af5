/**
 * Files that still show English written in the code, to be converted to the catalogues
 * (issue #13). tests/unit/i18n-no-literal-text.test.ts lets these pass for now and fails on
 * any other file; it also fails once a listed file is clean, so the list only shrinks.
 * Converting a file: delete its line here. The list is grouped by area, with a blank line
 * between groups, so helpers converting different areas do not edit neighbouring lines.
 * Converted already (and so not here): app/layout.tsx, app/not-found.tsx,
 * app/(auth)/layout.tsx, components/i18n/.
 */
export const NOT_YET_TRANSLATED: readonly string[] = [
  // Sign-in: login and verify
  'app/(auth)/login/actions.ts',
  'app/(auth)/login/page.tsx',
  'app/(auth)/login/verify/actions.ts',
  'app/(auth)/login/verify/page.tsx',
  'components/auth/login-form.tsx',
  'components/auth/recovery-code-form.tsx',
  'components/auth/verification-help.tsx',
  'components/auth/verify-form.tsx',
  'lib/auth/login-messages.ts',
  'lib/forms/form-state.ts',
  'lib/two-factor/code-format.ts',
  'lib/two-factor/recovery-code-format.ts',

  // Manage 2FA: enable, disable, recovery codes; the signed-in layout and header
  'app/(app)/layout.tsx',
  'app/(app)/page.tsx',
  'app/(app)/settings/2fa/actions.ts',
  'app/(app)/settings/2fa/disable/page.tsx',
  'app/(app)/settings/2fa/enable/page.tsx',
  'app/(app)/settings/2fa/page.tsx',
  'app/(app)/settings/2fa/recovery-codes/page.tsx',
  'components/layout/app-header.tsx',
  'components/two-factor/confirm-enrolment-form.tsx',
  'components/two-factor/copy-button.tsx',
  'components/two-factor/disable-form.tsx',
  'components/two-factor/enrolment-key.tsx',
  'components/two-factor/recovery-codes-panel.tsx',
  'components/two-factor/regenerate-recovery-codes-form.tsx',
  'components/two-factor/two-factor-disabled-notice.tsx',
  'lib/two-factor/messages.ts',

  // Security activity and the audit events' labels

  // Helpdesk and audit log
  'app/(app)/helpdesk/audit/page.tsx',
  'app/(app)/helpdesk/page.tsx',
  'app/(app)/helpdesk/users/[id]/actions.ts',
  'app/(app)/helpdesk/users/[id]/page.tsx',
  'components/helpdesk/audit-table.tsx',
  'components/helpdesk/reset-two-factor-form.tsx',
  'components/helpdesk/two-factor-badge.tsx',
  'components/helpdesk/unlock-form.tsx',
  'lib/audit/audit-filter-params.ts',
  'lib/audit/events.ts',
  'lib/helpdesk/helpdesk-request.ts',
  'lib/helpdesk/identity-checks.ts',

  // Office

  // Requests refused before an action runs (proxy.ts), and the error pages' refusal texts
  'app/error.tsx',
  'app/global-error.tsx',
  'lib/forms/form-input.ts',
  'lib/forms/request-refusals.ts',

  // E-mails
  'lib/notifications/templates.ts',
];
