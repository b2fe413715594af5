import 'server-only';
import { adminAlertsOn } from '@/lib/office-alerts/alert-preference';
import { getTranslator } from '@/lib/i18n/server';
import { Card } from '@/components/ui/card';
import { OfficeAlertsForm } from './office-alerts-form';

/** The signed-in admin's own choice of e-mails about their members' 2FA events (S23), on the office page. */
export async function OfficeAlertsSetting({ adminId }: { adminId: string }) {
  const [on, t] = await Promise.all([adminAlertsOn(adminId), getTranslator('officeAlerts')]);
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-700">{t('intro')}</p>
      <div className="mt-5">
        <OfficeAlertsForm on={on} />
      </div>
    </Card>
  );
}
