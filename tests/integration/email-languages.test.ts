/**
 * E-mails in the recipient's language and time zone (issue #13, S12): User.locale and
 * User.timeZone, else DEFAULT_LOCALE (en in tests) and DEFAULT_TIME_ZONE (Europe/Brussels),
 * also when someone else caused the e-mail (a helpdesk reset, an office requirement) and
 * whatever language that person's browser asked for. Real database; what is checked is the
 * outbox row, the subject and body that go to the mail server.
 */
import { as, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { productConfig } from '@/lib/env';
import { resetUserTwoFactor } from '@/app/(app)/helpdesk/users/[id]/actions';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import type { NotificationKind } from '@/lib/notifications/templates';
import { resetTwoFactor } from '@/lib/helpdesk/reset-two-factor';
import { setTwoFactorRequirement } from '@/lib/offices/set-two-factor-requirement';
import { confirmEnrolment } from '@/lib/two-factor/confirm-enrolment';
import { disableTwoFactor } from '@/lib/two-factor/disable-two-factor';
import { readEnrolment } from '@/lib/two-factor/read-enrolment';
import { startEnrolment } from '@/lib/two-factor/start-enrolment';
import { createUser, type TestUser } from '../helpers/factories';
import { signedInBrowser } from '../helpers/sign-in';
import { authenticatorCode } from '../helpers/totp-reference';

const NNBSP = '\u202f'; // French: the narrow no-break space before ":"
const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:135.0) Gecko/20100101 Firefox/135.0';
const meta = { ip: '203.0.113.9', userAgent: FIREFOX_ON_WINDOWS };
/** 09:00 UTC: 10:00 in Brussels (CET), 04:00 in New York (EST), 18:00 in Tokyo. */
const T0 = new Date('2026-03-02T09:00:00.000Z');
const { APP_NAME, HELPDESK_EMAIL } = productConfig();

async function userWith(language: { locale: string | null; timeZone: string | null }, options: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(options);
  const { name } = await db.user.update({ where: { id: user.id }, data: language, select: { name: true } });
  return { ...user, name };
}

const mailOf = (userId: string, kind: NotificationKind) =>
  db.outboxMessage.findFirstOrThrow({ where: { userId, kind }, select: { subject: true, body: true, nextAttemptAt: true } });

const lines = (body: string) => body.split('\n');

/** Turns 2FA on through the real enrolment, at `now`, as the user would from Manage 2FA. */
async function enableTwoFactor(user: TestUser, now: Date) {
  await startEnrolment(user.id, meta);
  const { key } = (await readEnrolment(user.id))!;
  const result = await confirmEnrolment({ userId: user.id, sessionId: 'this-browser', code: authenticatorCode(key, now.getTime()) }, meta, now);
  expect(result.kind).toBe('enabled');
}

const GOOD_RESET = { checks: ['callback_phone_on_file', 'office_admin_confirmed'], ticket: 'HD-4321', reason: 'Lost phone, called back on file number' };

describe('a user whose language is French', () => {
  it('gets "2FA enabled" in French: every fact, the time in their own zone with the zone named, the browser by name', async () => {
    const user = await userWith({ locale: 'fr', timeZone: 'Asia/Tokyo' });
    await enableTwoFactor(user, T0);
    const mail = await mailOf(user.id, 'two_factor_enabled');
    expect(mail.subject).toBe(`${APP_NAME}${NNBSP}: L’authentification à deux facteurs est activée`);
    expect(lines(mail.body)).toEqual([
      `Bonjour ${user.name},`,
      '',
      `L’authentification à deux facteurs est désormais activée pour votre compte. Lors de votre prochaine connexion, vous saisirez aussi le code à 6 chiffres de votre application d’authentification. Conservez vos codes de récupération en lieu sûr${NNBSP}: chacun d’eux vous permet de vous connecter une fois si vous perdez votre smartphone.`,
      '',
      `Quand${NNBSP}: 2 mars 2026, 18:00 UTC+9`,
      `Adresse IP${NNBSP}: 203.0.113.9`,
      `Navigateur${NNBSP}: Firefox sous Windows`,
      '',
      `Si vous n’êtes pas à l’origine de cette action, contactez immédiatement le helpdesk à l’adresse ${HELPDESK_EMAIL}.`,
      '',
      `— ${APP_NAME}`,
    ]);
  });

  it('gets "2FA disabled" in French, at the time it happened in their zone', async () => {
    // India has no summer time: the expected hour is the UTC hour plus 5:30, all year.
    const user = await userWith({ locale: 'fr', timeZone: 'Asia/Kolkata' }, { twoFactor: true });
    await expect(disableTwoFactor({ userId: user.id, sessionId: 'this-browser', password: user.password }, meta)).resolves.toEqual({ kind: 'disabled' });
    const mail = await mailOf(user.id, 'two_factor_disabled');
    expect(mail.subject).toBe(`${APP_NAME}${NNBSP}: L’authentification à deux facteurs est désactivée`);
    expect(mail.body).toContain('L’authentification à deux facteurs est désormais désactivée pour votre compte.');
    expect(mail.body).toContain('Vous pouvez activer à nouveau la 2FA quand vous le souhaitez, via Gérer la 2FA.');
    const inIndia = new Date(mail.nextAttemptAt.getTime() + 5.5 * 60 * 60 * 1000);
    const hhmm = `${String(inIndia.getUTCHours()).padStart(2, '0')}:${String(inIndia.getUTCMinutes()).padStart(2, '0')}`;
    expect(lines(mail.body)).toContain(
      `Quand${NNBSP}: ${inIndia.getUTCDate()} ${FRENCH_MONTHS[inIndia.getUTCMonth()]} ${inIndia.getUTCFullYear()}, ${hhmm} UTC+5:30`,
    );
    expect(mail.body).not.toMatch(/When:|Two-factor/);
  });

  it('gets the helpdesk’s reset in French, although the agent works in Dutch', async () => {
    const agent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
    const agentBrowser = await signedInBrowser(agent);
    agentBrowser.headers.set('accept-language', 'nl-BE,nl;q=0.9');
    const user = await userWith({ locale: 'fr', timeZone: null }, { twoFactor: true });

    const data = form({ userId: user.id, ticket: GOOD_RESET.ticket, reason: GOOD_RESET.reason, confirm: user.id });
    for (const check of GOOD_RESET.checks) data.append('checks', check);
    await expect(as(agentBrowser, () => resetUserTwoFactor(noState, data))).resolves.toMatchObject({ result: { ok: true } });

    const mail = await mailOf(user.id, 'two_factor_reset');
    expect(mail.subject).toBe(`${APP_NAME}${NNBSP}: Le helpdesk a désactivé l’authentification à deux facteurs de votre compte`);
    expect(lines(mail.body).slice(0, 3)).toEqual([
      `Bonjour ${user.name},`,
      '',
      'À votre demande, et après avoir vérifié votre identité, le helpdesk a désactivé l’authentification à deux facteurs de votre compte. Vous pouvez maintenant vous connecter avec votre adresse e-mail et votre mot de passe, puis activer à nouveau la 2FA via Gérer la 2FA.',
    ]);
    expect(mail.body).toMatch(new RegExp(`^Quand${NNBSP}: \\d{1,2} \\S+ \\d{4}, \\d{2}:\\d{2} UTC\\+[12]$`, 'm')); // Brussels: UTC+1, UTC+2 in summer
    expect(mail.body).not.toMatch(/Beste|Wanneer|Hello|When:/);
  });

  it('gets the helpdesk’s reset at the time it was made, in their zone (Brussels by default)', async () => {
    const agent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
    const user = await userWith({ locale: 'fr', timeZone: null }, { twoFactor: true });
    const result = await resetTwoFactor(
      { ...GOOD_RESET, agentId: agent.id, userId: user.id, confirmedUserId: user.id },
      { ip: '198.51.100.44', userAgent: null },
      T0,
    );
    expect(result).toEqual({ kind: 'done' });
    const body = lines((await mailOf(user.id, 'two_factor_reset')).body);
    expect(body.slice(4, 7)).toEqual([`Quand${NNBSP}: 2 mars 2026, 10:00 UTC+1`, `Adresse IP${NNBSP}: 198.51.100.44`, `Navigateur${NNBSP}: inconnu`]);
  });

  it('is told of the office’s requirement in French, with the deadline in their zone', async () => {
    const admin = await userWith({ locale: 'nl', timeZone: null }, { role: 'OFFICE_ADMIN' });
    const member = await userWith({ locale: 'fr', timeZone: 'America/New_York' }, { officeId: admin.officeId });
    const { deadline } = await setTwoFactorRequirement({ officeId: admin.officeId!, adminId: admin.id, required: true, graceDays: 14 }, meta, T0);
    expect(deadline).toEqual(new Date('2026-03-16T09:00:00.000Z'));

    const toMember = await mailOf(member.id, 'two_factor_required');
    expect(toMember.subject).toBe(`${APP_NAME}${NNBSP}: Votre bureau exige désormais l’authentification à deux facteurs`);
    // New York is on summer time (UTC−4) by 16 March, not yet on 2 March (UTC−5).
    expect(toMember.body).toContain(
      `Activez-la avant le 16 mars 2026, 05:00 UTC−4${NNBSP}: en haut à droite, sous votre adresse e-mail, sélectionnez Gérer la 2FA`,
    );
    expect(lines(toMember.body)).toContain(`Quand${NNBSP}: 2 mars 2026, 04:00 UTC−5`);

    // The admin, who reads Dutch, gets the same news in Dutch, in Brussels time.
    const toAdmin = await mailOf(admin.id, 'two_factor_required');
    expect(toAdmin.subject).toBe(`${APP_NAME}: Je kantoor vereist nu tweestapsverificatie`);
    expect(toAdmin.body).toContain('Schakel 2FA in vóór 16 mrt 2026, 10:00 CET: klik rechtsboven, onder je e-mailadres, op 2FA beheren');
  });

  it('reads how many recovery codes are left with French plurals', async () => {
    const user = await userWith({ locale: 'fr', timeZone: null });
    const texts = [];
    for (const codesLeft of [0, 1, 2]) {
      await transaction((tx) => enqueueNotification(tx, { userId: user.id, kind: 'recovery_code_used', meta, now: T0, codesLeft }));
      texts.push((await mailOf(user.id, 'recovery_code_used')).body.match(/Il (?:ne )?vous reste [^.]*\./)?.[0]);
      await db.outboxMessage.deleteMany({ where: { userId: user.id } });
    }
    expect(texts).toEqual([
      'Il ne vous reste aucun code de récupération inutilisé.',
      'Il vous reste 1 code de récupération inutilisé.',
      'Il vous reste 2 codes de récupération inutilisés.',
    ]);
  });
});

describe('a user whose language is Dutch', () => {
  it('gets "2FA enabled" in Dutch (je, paswoord), in Brussels time', async () => {
    const user = await userWith({ locale: 'nl', timeZone: null });
    await enableTwoFactor(user, T0);
    const mail = await mailOf(user.id, 'two_factor_enabled');
    expect(mail.subject).toBe(`${APP_NAME}: Tweestapsverificatie is ingeschakeld`);
    expect(lines(mail.body)).toEqual([
      `Beste ${user.name},`,
      '',
      'Tweestapsverificatie is nu ingeschakeld voor je account. Wanneer je de volgende keer inlogt, geef je ook de code van 6 cijfers uit je authenticatie-app in. Bewaar je herstelcodes op een veilige plek: met elke herstelcode kun je één keer inloggen als je je smartphone verliest.',
      '',
      'Wanneer: 2 mrt 2026, 10:00 CET',
      'IP-adres: 203.0.113.9',
      'Browser: Firefox op Windows',
      '',
      `Heb je dit niet zelf gedaan? Neem dan meteen contact op met de helpdesk via ${HELPDESK_EMAIL}.`,
      '',
      `— ${APP_NAME}`,
    ]);
  });

  it('gets "2FA disabled" and the helpdesk’s reset in Dutch', async () => {
    const user = await userWith({ locale: 'nl', timeZone: null }, { twoFactor: true });
    await disableTwoFactor({ userId: user.id, sessionId: 'this-browser', password: user.password }, meta);
    expect((await mailOf(user.id, 'two_factor_disabled')).subject).toBe(`${APP_NAME}: Tweestapsverificatie is uitgeschakeld`);

    const agent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
    await enableTwoFactor(user, T0);
    await resetTwoFactor({ ...GOOD_RESET, agentId: agent.id, userId: user.id, confirmedUserId: user.id }, meta, T0);
    const reset = await mailOf(user.id, 'two_factor_reset');
    expect(reset.subject).toBe(`${APP_NAME}: De helpdesk heeft tweestapsverificatie voor je account uitgeschakeld`);
    expect(reset.body).toContain('Je kunt nu inloggen met je e-mailadres en paswoord, en 2FA opnieuw inschakelen onder 2FA beheren.');
  });
});

describe('a user who chose no language', () => {
  it('gets the configured default language (English here) and zone (Brussels)', async () => {
    const user = await userWith({ locale: null, timeZone: null });
    await enableTwoFactor(user, T0);
    const mail = await mailOf(user.id, 'two_factor_enabled');
    expect(mail.subject).toBe(`${APP_NAME}: Two-factor authentication is enabled`);
    expect(lines(mail.body)).toEqual([
      `Hello ${user.name},`,
      '',
      'Two-factor authentication is now enabled for your account. When you next log in, you will also enter the 6-digit code from your authentication app. Keep your recovery codes somewhere safe: each one lets you log in once if you lose your phone.',
      '',
      'When: 2 Mar 2026, 10:00 CET',
      'IP address: 203.0.113.9',
      'Browser: Firefox on Windows',
      '',
      `If you did not do this, contact the helpdesk at ${HELPDESK_EMAIL} straight away.`,
      '',
      `— ${APP_NAME}`,
    ]);
  });

  it('gets the default for a stored language or zone the portal does not know', async () => {
    const user = await userWith({ locale: 'de', timeZone: 'Mars/Olympus_Mons' });
    await transaction((tx) => enqueueNotification(tx, { userId: user.id, kind: 'two_factor_disabled', meta, now: T0 }));
    const mail = await mailOf(user.id, 'two_factor_disabled');
    expect(mail.subject).toBe(`${APP_NAME}: Two-factor authentication is disabled`);
    expect(lines(mail.body)).toContain('When: 2 Mar 2026, 10:00 CET');
  });
});

describe('the time zone setting', () => {
  it('changes the time an e-mail shows, and names the zone', async () => {
    const user = await userWith({ locale: null, timeZone: null });
    const whenLine = async (timeZone: string | null) => {
      await db.outboxMessage.deleteMany({ where: { userId: user.id } });
      await db.user.update({ where: { id: user.id }, data: { timeZone } });
      await transaction((tx) => enqueueNotification(tx, { userId: user.id, kind: 'recovery_codes_generated', meta, now: T0 }));
      return lines((await mailOf(user.id, 'recovery_codes_generated')).body).find((line) => line.startsWith('When: '));
    };
    expect(await whenLine(null)).toBe('When: 2 Mar 2026, 10:00 CET');
    expect(await whenLine('America/New_York')).toBe('When: 2 Mar 2026, 04:00 GMT-5');
    expect(await whenLine('Asia/Tokyo')).toBe('When: 2 Mar 2026, 18:00 GMT+9');
    expect(await whenLine('Europe/Brussels')).toBe('When: 2 Mar 2026, 10:00 CET');
  });
});

const FRENCH_MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
