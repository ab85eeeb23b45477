import { Alert, Button } from 'antd';
import { useI18n, type Translate } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import type { PeriodState } from './dashboard-period';

/** The problem's title followed by its field messages ("Khoảng thời gian không hợp lệ: Ngày kết thúc …"). */
function problemText(error: unknown, t: Translate): string {
  const text = errorText(error, t);
  if (!(error instanceof ApiError) || error.errors.length === 0) return text;
  return `${text}: ${error.errors.map((e) => e.message).join('; ')}`;
}

/**
 * What the pages of a period (dashboard, coverage) show instead of their figures: the period's mistake as the user
 * typed it, or the server's refusal with a retry. Nothing when the period is fine and the answer came.
 */
export function PeriodAlerts({
  period,
  answer,
}: {
  period: PeriodState;
  answer: { isError: boolean; error: unknown; refetch: () => unknown };
}) {
  const { t } = useI18n();
  if (!period.ok)
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        style={{ marginBottom: 16 }}
        title={t(period.problem === 'order' ? 'dashboard.period.order' : 'dashboard.period.required')}
      />
    );
  if (!answer.isError) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={problemText(answer.error, t)}
      action={
        <Button size="small" onClick={() => void answer.refetch()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
