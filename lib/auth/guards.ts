import 'server-only';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { loadSession, type SessionContext } from './sessions';
import { readSessionToken } from './session-cookie';
import type { Role } from '@/lib/db/enums';

/**
 * The one family of guards. Every page, server action and route handler calls one of them
 * itself: the proxy only redirects early, a layout's check does not cover the actions of
 * its pages. A pending-2FA session passes requirePendingLogin() and nothing else (S6).
 */

/** The session of this request, re-read from the database once per request. */
export const getCurrentSession = cache(async (): Promise<SessionContext | null> => {
  const token = await readSessionToken();
  return token ? loadSession(token) : null;
});

/**
 * A signed-in user, also one whose office requires 2FA they do not have yet: only the
 * enrolment steps use this one.
 */
export async function requireEnrolmentAccess(): Promise<SessionContext> {
  const session = await getCurrentSession();
  if (!session) redirect('/login');
  if (session.stage !== 'ACTIVE') redirect('/login/verify');
  return session;
}

/** A signed-in user with nothing left to do first: the guard of every other page and action. */
export async function requireActiveSession(): Promise<SessionContext> {
  const session = await requireEnrolmentAccess();
  // Past the office's deadline without 2FA: the second restricted state, checked on every request.
  if (session.user.mustEnrolNow) redirect('/settings/2fa');
  return session;
}

async function requireRole(role: Role): Promise<SessionContext> {
  const session = await requireActiveSession();
  if (session.user.role !== role) redirect('/');
  return session;
}

/** Only for the verification step: a session that passed the password but not the code. */
export async function requirePendingLogin(): Promise<SessionContext> {
  const session = await getCurrentSession();
  if (!session) redirect('/login');
  if (session.stage !== 'PENDING_2FA') redirect('/');
  return session;
}

/**
 * The helpdesk: role HELPDESK, and the agent's own account must have 2FA on; an agent
 * without it is sent to Manage 2FA first.
 */
export async function requireHelpdeskAgent(): Promise<SessionContext> {
  const session = await requireRole('HELPDESK');
  if (!session.user.twoFactorEnabledAt) redirect('/settings/2fa?required=helpdesk');
  return session;
}

/** An office admin acting on their own office (the office comes from the session, never the form). */
export async function requireOfficeAdmin(): Promise<SessionContext & { user: { officeId: string } }> {
  const session = await requireRole('OFFICE_ADMIN');
  if (!session.user.officeId) redirect('/');
  return session as SessionContext & { user: { officeId: string } };
}

/**
 * An office admin's view of their own office that no one else needs to know exists (the office's
 * audit log): any other signed-in user gets the 404 page, as for a page that is not there.
 */
export async function requireOfficeAdminOrNotFound(): Promise<SessionContext & { user: { officeId: string } }> {
  const session = await requireActiveSession();
  if (session.user.role !== 'OFFICE_ADMIN' || !session.user.officeId) notFound();
  return session as SessionContext & { user: { officeId: string } };
}
