import type { Role } from '@/lib/db/enums';
import type { Messages } from '@/lib/i18n/messages';

/** How each role is named on the helpdesk pages: helpdesk.roles.<name>. A role without a name does not compile. */
export const ROLE_LABELS = { USER: 'user', OFFICE_ADMIN: 'officeAdmin', HELPDESK: 'helpdesk' } as const satisfies Record<
  Role,
  keyof Messages['helpdesk']['roles']
>;
