import 'server-only';
import { csvField } from '@/lib/audit/audit-csv';
import type { Locale } from '@/lib/i18n/locale';
import { translatorFor } from '@/lib/i18n/server';
import { allOfficeMembers, type MemberRow } from './list-office-members';

/**
 * The columns, in order, named in the reader's language (officeMembers.csv.*). The values are the
 * same in every language, for spreadsheets and scripts: role as stored, times ISO 8601 in UTC,
 * methods separated by spaces; empty where there is nothing (2FA off, no deadline, never signed in).
 */
const COLUMNS = ['name', 'email', 'role', 'twoFactorSince', 'methods', 'deadline', 'lastSignIn'] as const;

export function officeMembersCsvHeader(locale: Locale): string {
  const t = translatorFor(locale, 'officeMembers.csv');
  return COLUMNS.map((column) => csvField(t(column))).join(',');
}

/** One member as a CSV line; names and e-mail addresses are typed by users, so every cell goes through the audit export's formula escaping. */
export function officeMemberCsvRow(member: MemberRow): string {
  return [
    member.name,
    member.email,
    member.role,
    member.twoFactorSince?.toISOString(),
    member.methods.join(' '),
    member.deadline?.toISOString(),
    member.lastSignInAt?.toISOString(),
  ]
    .map(csvField)
    .join(',');
}

/** The office's members the query string selects (filter, search, sort; every page), as a CSV stream. */
export function exportOfficeMembers(officeId: string, params: Record<string, string | string[] | undefined>, locale: Locale): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = allOfficeMembers(officeId, params);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${officeMembersCsvHeader(locale)}\r\n`));
        return;
      }
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map((member) => `${officeMemberCsvRow(member)}\r\n`).join('')));
    },
  });
}
