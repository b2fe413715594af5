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
  const due = await db.outboxMessage.findMany({
    where: { sentAt: null, nextAttemptAt: { lte: now }, attempts: { lt: MAX_SEND_ATTEMPTS } },
    orderBy: { nextAttemptAt: 'asc' },
    take: limit,
    select: { id: true, toEmail: true, subject: true, body: true, attempts: true, nextAttemptAt: true },
  });
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    const leased = await db.outboxMessage.updateMany({
      where: { id: message.id, sentAt: null, nextAttemptAt: message.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
    });
    if (leased.count === 0) continue; // another instance has it
    try {
      await send({ to: message.toEmail, subject: message.subject, text: message.body });
      await db.outboxMessage.update({ where: { id: message.id }, data: { sentAt: new Date(), lastError: null } });
      sent += 1;
    } catch (error) {
      const attempts = message.attempts + 1;
      await db.outboxMessage.update({
        where: { id: message.id },
        data: {
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        },
      });
      failed += 1;
    }
  }
  return { sent, failed };
}

/** Delivery in the background: errors are logged, never shown; what failed stays due. */
async function deliverInBackground(): Promise<void> {
  try {
    await deliverOutbox();
  } catch (error) {
    console.error('[outbox] delivery failed; it will be retried', error);
  }
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
