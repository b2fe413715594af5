import 'server-only';
import { z } from 'zod';
import { isTimeZone, LOCALES } from '@/lib/i18n/locale';

/**
 * Environment variables, validated once. In production a missing or weak secret
 * stops the server at start (instrumentation.ts) with a message naming the variable;
 * in development scripts/dev-env.mjs writes random ones into .env.
 */

const base64Key = /^[A-Za-z0-9+/_-]{43}=?$/; // 32 bytes, base64 or base64url

/** What the pages show: safe to read at build time, needs no secret. */
const productSchema = z.object({
  APP_NAME: z.string().trim().min(1).max(60).default('Office Portal'),
  HELPDESK_EMAIL: z.email().default('helpdesk@example.com'),
  /** The language of a visitor whose browser asks for none of nl, fr, en (docs/decisions/0012-languages.md). */
  DEFAULT_LOCALE: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).default('en'),
  /** The time zone times are shown in for anyone without their own setting. */
  DEFAULT_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone name such as Europe/Brussels').default('Europe/Brussels'),
});

const schema = productSchema.extend({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** 32 random bytes, base64: the root of the server's HMAC keys (login throttle keys, recovery codes). */
  AUTH_SECRET: z
    .string()
    .regex(base64Key, 'must be 32 random bytes in base64 (openssl rand -base64 32)')
    .refine((v) => new Set(v).size >= 16, 'looks weak: generate it with openssl rand -base64 32'),
  /**
   * Keys that seal TOTP secrets at rest (S7): "id:base64key" pairs separated by commas.
   * The first one seals new secrets; the others still open what they sealed (rotation).
   */
  TOTP_ENCRYPTION_KEYS: z
    .string()
    .min(1)
    .refine(
      (v) => v.split(',').every((pair) => /^[A-Za-z0-9_-]{1,32}:/.test(pair) && base64Key.test(pair.split(':')[1] ?? '')),
      'must be "keyid:base64key" pairs, each key 32 random bytes in base64',
    ),
  /** How many reverse proxies in front of the app append to X-Forwarded-For. 0: record the header as Next.js passes it. */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default('Office Portal <no-reply@example.com>'),
  /** How often each instance looks for notifications due for a (re)try; 0 turns it off. */
  OUTBOX_POLL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** How often each instance runs the 2FA deadline reminders (one at a time, under a lease); 0 turns it off. */
  REMINDERS_POLL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  /**
   * The secret the scheduler sends to /api/cron/reminders as "Authorization: Bearer …" (Vercel Cron
   * sends CRON_SECRET itself). Unset: the route refuses every call.
   */
  CRON_SECRET: z.string().min(16, 'must be at least 16 random characters (Vercel’s advice): openssl rand -base64 32').optional(),
  /** The portal's public address, for links in e-mails (password reset). Required in production: a link must never point at a guessed host. */
  APP_URL: z.url({ protocol: /^https?$/, error: 'must be the portal’s public address, e.g. https://portal.example.com' }).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export class EnvError extends Error {}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration (see .env.example):\n${lines.join('\n')}`);
  }
  if (parsed.data.NODE_ENV === 'production' && !parsed.data.APP_URL) {
    throw new EnvError('Invalid environment configuration (see .env.example):\n  APP_URL: required in production (the address in e-mailed links)');
  }
  cached = parsed.data;
  return cached;
}

/**
 * The base of links in e-mails. Never taken from the request's Host header, which a client
 * sets: a reset link built from it could point at an attacker's host (OWASP Forgot Password
 * Cheat Sheet). Development falls back to the dev server's address.
 */
export function appUrl(): string {
  return (env().APP_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}

export function productConfig(): z.infer<typeof productSchema> {
  return productSchema.parse(process.env);
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === 'production';
}
