import { startSuite } from '../http/suite-setup';

/** The attack suite's users: most attacks lock, reset or use up the account they target. */
export default function globalSetup() {
  return startSuite('attack', { user: 48, 'user-without-2fa': 16, helpdesk: 8, 'office-admin': 4 });
}
