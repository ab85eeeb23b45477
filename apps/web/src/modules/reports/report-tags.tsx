import {
  REPORT_STATUS_LABELS,
  reportPeriodLabel,
  type TReportGeneration,
  type TReportPeriod,
  type TLocale,
  type TReportStatus,
} from '@loa/contracts';
import { Progress, Tag } from 'antd';
import { useI18n, type Translate } from '../../app/i18n/i18n';

const STATUS_COLORS: Record<TReportStatus, string> = { draft: 'gold', approved: 'green', archived: 'default' };

export function ReportStatusTag({ status }: { status: TReportStatus }) {
  const { locale } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="report-status" data-status={status}>
      {REPORT_STATUS_LABELS[status][locale]}
    </Tag>
  );
}

/** "Báo cáo quý III năm 2026", "Report for Q3 2026". */
export function periodTitle(period: TReportPeriod, t: Translate, locale: TLocale): string {
  return t('reports.periodTitle', { period: reportPeriodLabel(period, locale) });
}

/** The generation state in a list row: a small bar while it runs, a tag otherwise. */
export function GenerationCell({ generation }: { generation: TReportGeneration }) {
  const { t } = useI18n();
  if (generation.state === 'running')
    return <Progress size="small" percent={generation.progress} style={{ width: 120, margin: 0 }} />;
  const color = { queued: 'processing', done: 'success', failed: 'error', running: 'processing' }[generation.state];
  return <Tag color={color}>{t(`reports.generation.${generation.state}`)}</Tag>;
}
