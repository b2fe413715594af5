import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { after } from 'next/server';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

/**
 * Sends what waits in the outbox. Each message is leased with a conditional write before it
 * is sent, so two instances never send the same one; a failure is kept with its error and
 * retried later with back-off. Without SMTP_URL (development) the message is printed to the
 * server log and marked sent; it stays in the outbox table to read.
 */

export const MAX_SEND_ATTEMPTS = 8;
const LEASE_MS = 2 * 60 * 1000;

export type Sender = (message: { to: string; subject: string; text: string }) => Promise<void>;

let transport: Transporter | undefined;

function defaultSender(): Sender {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) {
    return async ({ to, subject, text }) => console.info(`[outbox] to ${to}: ${subject}\n${text}`);
  }
  transport ??= nodemailer.createTransport(SMTP_URL);
  return async ({ to, subject, text }) => {
    await transport!.sendMail({ from: MAIL_FROM, to, subject, text });
  };
}

export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** (attempts - 1), 6 * 60 * 60 * 1000);
}

export async function deliverOutbox({ send = defaultSender(), now = new Date(), limit = 20 } = {}): Promise<{ sent: number; failed: number }> {
  // SQL of its own (issue 17): a completed login from a new browser runs this after its answer.
  // i18n-exempt: SQL, not text for people.
  const due = await db.$queryRaw<Array<{ id: string; toEmail: string; subject: string; body: string; attempts: number | bigint }>>`
    SELECT "id", "toEmail", "subject", "body", "attempts" FROM "OutboxMessage"
    WHERE "sentAt" IS NULL AND "nextAttemptAt" <= ${now} AND "attempts" < ${MAX_SEND_ATTEMPTS}
    ORDER BY "nextAttemptAt" ASC LIMIT ${limit}`;
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    const attempts = Number(message.attempts);
    // The lease: only the instance whose conditional write finds the attempts it read takes the message.
    // i18n-exempt: SQL, not text for people.
    const leased = await db.$executeRaw`
      UPDATE "OutboxMessage" SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}, "attempts" = "attempts" + 1
      WHERE "id" = ${message.id} AND "sentAt" IS NULL AND "attempts" = ${attempts} AND "nextAttemptAt" <= ${now}`;
    if (leased === 0) continue; // another instance has it
    try {
      await send({ to: message.toEmail, subject: message.subject, text: message.body });
      // i18n-exempt: SQL, not text for people.
      await db.$executeRaw`UPDATE "OutboxMessage" SET "sentAt" = ${new Date()}, "lastError" = NULL WHERE "id" = ${message.id}`;
      sent += 1;
    } catch (error) {
      await db.outboxMessage.update({
        where: { id: message.id },
        data: {
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts + 1)),
        },
      });
      failed += 1;
    }
  }
  return { sent, failed };
}

/** This process's delivery under way, and whether mail was queued since it read the outbox. */
let delivering: Promise<void> | null = null;
let deliverAgain = false;

/**
 * Delivery in the background: errors are logged, never shown; what failed stays due. One at a
 * time per process: mail queued while a delivery runs gets one more round of it rather than a
 * delivery of its own (a burst of sign-ins from new browsers ran one outbox query each, most of
 * them racing for the same messages). The promise ends with the round that covers the caller's
 * message, so `after()` keeps a serverless instance alive until then. Only the work is
 * coordinated here; which instance sends a message is still the database's lease.
 */
function deliverInBackground(): Promise<void> {
  if (delivering) {
    deliverAgain = true;
    return delivering;
  }
  delivering = (async () => {
    try {
      do {
        deliverAgain = false;
        try {
          await deliverOutbox();
        } catch (error) {
          console.error('[outbox] delivery failed; it will be retried', error);
        }
      } while (deliverAgain);
    } finally {
      delivering = null;
    }
  })();
  return delivering;
}

/** After the response is sent: deliver what the request queued (enqueueNotification schedules this after its commit). */
export function deliverOutboxSoon(): void {
  try {
    after(deliverInBackground);
  } catch {
    // Outside a request (scripts, tests) there is no "after": the next delivery picks it up.
  }
}

/**
 * On a long-running server (not on Vercel, where an instance does not outlive its requests):
 * every OUTBOX_POLL_SECONDS, what is due goes out, retries included. Every instance polls; the
 * lease keeps them from sending one message twice.
 */
export function startOutboxPoller(): void {
  const seconds = env().OUTBOX_POLL_SECONDS;
  if (seconds === 0 || process.env.VERCEL) return;
  setInterval(deliverInBackground, seconds * 1000).unref();
}
