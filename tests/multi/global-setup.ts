import { startSuite } from '../http/suite-setup';

/** The multi-instance suite's users: one or two per test. */
export default function globalSetup() {
  return startSuite('multi', { user: 12, 'user-without-2fa': 6 });
}
