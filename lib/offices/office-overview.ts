import 'server-only';
import { TWO_FACTOR_SELECT, twoFactorSince } from '@/lib/two-factor/two-factor-state';
import { db } from '@/lib/db';
import type { Role } from '@/lib/db/enums';
import { userTwoFactorDeadline } from './two-factor-deadline';

export type OfficeMember = {
  id: string;
  name: string;
  email: string;
  role: Role;
  twoFactorOn: boolean;
  lastSignInAt: Date | null;
  /** Only while the office requires 2FA and the user does not have it. */
  grace: { deadline: Date; passed: boolean } | null;
};

export type OfficeOverview = {
  name: string;
  twoFactorRequired: boolean;
  twoFactorGraceDays: number;
  twoFactorDeadline: Date | null;
  members: OfficeMember[];
};

/** The office admin's view of their own office: settings and every user's 2FA state. */
export async function getOfficeOverview(officeId: string, now = new Date()): Promise<OfficeOverview> {
  const office = await db.office.findUniqueOrThrow({
    where: { id: officeId },
    select: {
      name: true,
      twoFactorRequired: true,
      twoFactorGraceDays: true,
      twoFactorRequiredAt: true,
      twoFactorDeadline: true,
      users: {
        orderBy: { name: 'asc' },
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          lastSignInAt: true,
          officeJoinedAt: true,
          twoFactorDueBy: true,
          ...TWO_FACTOR_SELECT,
        },
      },
    },
  });
  return {
    name: office.name,
    twoFactorRequired: office.twoFactorRequired,
    twoFactorGraceDays: office.twoFactorGraceDays,
    twoFactorDeadline: office.twoFactorRequired ? office.twoFactorDeadline : null,
    members: office.users.map((user) => {
      const since = twoFactorSince(user);
      const deadline = since ? null : userTwoFactorDeadline(office, user);
      return {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        twoFactorOn: since !== null,
        lastSignInAt: user.lastSignInAt,
        grace: deadline ? { deadline, passed: deadline <= now } : null,
      };
    }),
  };
}
