/**
 * When a user of an office that requires 2FA must have it (pure, unit-tested with a fake clock).
 * The rules, which the best systems get wrong in practice:
 * - turning the requirement on sets the office deadline to now + grace, but never later than a
 *   deadline the office had before: toggling off and on, or a longer grace, never extends it;
 *   a shorter grace takes effect at once;
 * - a user who joins the office (created, or moved in) after the requirement started gets the
 *   grace period from joining;
 * - a deadline of the user's own (after a helpdesk reset under the requirement) caps it all.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_GRACE_DAYS = 90;

export type OfficeRequirement = {
  twoFactorRequired: boolean;
  twoFactorGraceDays: number;
  twoFactorRequiredAt: Date | null;
  twoFactorDeadline: Date | null;
};

export type UserRequirementFacts = { officeJoinedAt: Date; twoFactorDueBy: Date | null };

export function nextOfficeDeadline(previous: Date | null, graceDays: number, now: Date): Date {
  const candidate = new Date(now.getTime() + graceDays * DAY_MS);
  return previous && previous < candidate ? previous : candidate;
}

/** The user's deadline, or null when their office does not require 2FA. */
export function userTwoFactorDeadline(office: OfficeRequirement | null, user: UserRequirementFacts): Date | null {
  if (!office?.twoFactorRequired || !office.twoFactorDeadline) return null;
  let deadline = office.twoFactorDeadline;
  if (office.twoFactorRequiredAt && user.officeJoinedAt > office.twoFactorRequiredAt) {
    const fromJoining = new Date(user.officeJoinedAt.getTime() + office.twoFactorGraceDays * DAY_MS);
    if (fromJoining > deadline) deadline = fromJoining;
  }
  if (user.twoFactorDueBy && user.twoFactorDueBy < deadline) deadline = user.twoFactorDueBy;
  return deadline;
}
