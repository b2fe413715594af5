import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button-class';
import { Notice } from '@/components/ui/notice';

/**
 * The help text's last step of Disable 2FA. Shown by the form right after its action, and by
 * the page itself whenever 2FA is off: a re-render of the page after the action (development
 * mode does one) must land on this confirmation, not send the user away from it.
 * useTranslations, not getTranslator: it renders on the server (the page) and in the browser
 * (the form), so 'disable2fa' is one of the areas the browser receives.
 */
export function TwoFactorDisabledNotice() {
  const t = useTranslations('disable2fa.done');
  const common = useTranslations('common');
  return (
    <div className="space-y-5" data-testid="two-factor-disabled">
      <Notice tone="success" title={t('title')}>
        {t('body')}
      </Notice>
      <Link href="/settings/2fa" className={buttonClass('primary')}>
        {common('close')}
      </Link>
    </div>
  );
}
