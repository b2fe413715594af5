import { TOTP_PERIOD_SECONDS } from '@/lib/two-factor/totp';

/** The product's troubleshooting help for the verification step, in its own words. */
export function VerificationHelp({ helpdeskEmail, appName }: { helpdeskEmail: string; appName: string }) {
  return (
    <div className="space-y-4 text-sm text-slate-700">
      <details className="group rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200" open>
        <summary className="cursor-pointer font-medium text-slate-900">Where to find the verification code?</summary>
        <p className="mt-2">
          Your authentication app automatically generates a 6-digit verification code, which remains valid for a few seconds (a new one every{' '}
          {TOTP_PERIOD_SECONDS} seconds). Always use the most recent code from your app.
        </p>
      </details>
      <details className="rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
        <summary className="cursor-pointer font-medium text-slate-900">The code is not accepted?</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>Are you using the right authentication app? Always use the same app you used when you enabled 2FA for your {appName} account.</li>
          <li>Did you enter the right 6-digit &lsquo;{appName}&rsquo; code? Try again with the most recent verification code.</li>
          <li>Your app remembers previously generated codes, but they are only valid for a limited time. Always use the most recent code.</li>
        </ul>
      </details>
      <details className="rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
        <summary className="cursor-pointer font-medium text-slate-900">Lost your smartphone or no longer have access to your authentication app?</summary>
        <p className="mt-2">Log in with one of the recovery codes you saved when you enabled 2FA: click &lsquo;Use a recovery code instead&rsquo;.</p>
        <p className="mt-2">
          No recovery codes? Contact the helpdesk at{' '}
          <a className="font-medium text-brand-700 underline" href={`mailto:${helpdeskEmail}`}>
            {helpdeskEmail}
          </a>
          . With a few questions, we will first confirm your identity. Then we can disable two-factor authentication for your account, and you can log in with
          your e-mail address and password.
        </p>
      </details>
    </div>
  );
}
