import Link from 'next/link';
import { buttonClass } from '@/components/ui/button-class';
import { Notice } from '@/components/ui/notice';

/**
 * The help text's last step of Disable 2FA. Shown by the form right after its action, and by
 * the page itself whenever 2FA is off: a re-render of the page after the action (development
 * mode does one) must land on this confirmation, not send the user away from it.
 */
export function TwoFactorDisabledNotice() {
  return (
    <div className="space-y-5" data-testid="two-factor-disabled">
      <Notice tone="success" title="Two-factor authentication is disabled.">
        You no longer need to enter a verification code next time you log in. You can enable 2FA again when you wish.
      </Notice>
      <Link href="/settings/2fa" className={buttonClass('primary')}>
        Close
      </Link>
    </div>
  );
}
