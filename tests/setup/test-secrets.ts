/**
 * Integration tests run the real lib/env.ts, which (rightly) refuses to start without secrets.
 * Give each test file random ones unless the caller set them: no secret is ever committed.
 */
import { randomBytes } from 'node:crypto';

process.env.AUTH_SECRET ||= randomBytes(32).toString('base64');
process.env.TOTP_ENCRYPTION_KEYS ||= `test:${randomBytes(32).toString('base64')}`;
