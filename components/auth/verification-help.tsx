import { getTranslator } from '@/lib/i18n/server';
import { TOTP_PERIOD_SECONDS } from '@/lib/two-factor/totp';

/**
 * The product's troubleshooting help for the verification step, in its own words (the help
 * page's, in each language: messages/*.json, verify.help). A server component: the text
 * reaches the browser as HTML, not as catalogue data.
 */
export async function VerificationHelp({ helpdeskEmail, appName }: { helpdeskEmail: string; appName: string }) {
  const t = await getTranslator('verify');
  return (
    <div className="space-y-4 text-sm text-slate-700">
      <details className="group rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200" open>
        <summary className="cursor-pointer font-medium text-slate-900">{t('help.findCode.title')}</summary>
        <p className="mt-2">{t('help.findCode.body', { seconds: TOTP_PERIOD_SECONDS })}</p>
      </details>
      <details className="rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
        <summary className="cursor-pointer font-medium text-slate-900">{t('help.notAccepted.title')}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t('help.notAccepted.rightApp', { appName })}</li>
          <li>{t('help.notAccepted.rightCode', { appName })}</li>
          <li>{t('help.notAccepted.oldCodes')}</li>
        </ul>
      </details>
      <details className="rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
        <summary className="cursor-pointer font-medium text-slate-900">{t('help.lostPhone.title')}</summary>
        <p className="mt-2">{t('help.lostPhone.recoveryCode', { useRecoveryCode: t('useRecoveryCode') })}</p>
        <p className="mt-2">
          {t.rich('help.lostPhone.helpdesk', {
            helpdeskEmail,
            link: (chunks) => (
              <a className="font-medium text-brand-700 underline" href={`mailto:${helpdeskEmail}`}>
                {chunks}
              </a>
            ),
          })}
        </p>
      </details>
    </div>
  );
}
