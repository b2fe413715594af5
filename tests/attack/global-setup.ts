import { startSuite } from '../http/suite-setup';

/** The attack suite's users: most attacks lock, reset or use up the account they target. */
export default function globalSetup() {
  return startSuite('attack', { user: 56, 'user-without-2fa': 20, helpdesk: 10, 'office-admin': 10 });
}
