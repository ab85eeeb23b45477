import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TReport, TReportFormat } from '@loa/contracts';
import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { formatDateTime } from '../../shared/format';
import { documentUrl } from './reports.api';

/** The job's steps as the server names them (figures, children, docx, pdf, xlsx, …), translated when known. */
const STEP_KEYS: Record<string, MessageKey> = {
  figures: 'reports.step.figures',
  children: 'reports.step.children',
  plan_actual: 'reports.step.planActual',
  docx: 'reports.step.docx',
  pdf: 'reports.step.pdf',
  xlsx: 'reports.step.xlsx',
  store: 'reports.step.store',
};

const FORMATS: { format: TReportFormat; icon: ReactNode; label: MessageKey }[] = [
  { format: 'docx', icon: <FileWordOutlined />, label: 'reports.download.docx' },
  { format: 'pdf', icon: <FilePdfOutlined />, label: 'reports.download.pdf' },
  { format: 'xlsx', icon: <FileExcelOutlined />, label: 'reports.download.xlsx' },
];

/**
 * Where the documents stand: the job's progress and step while it runs (the page polls every second), the reason
 * and "Tạo lại" when it failed, the time the figures were read when done; and the downloads that are ready.
 */
export function ReportGeneration({
  report,
  regenerating,
  onRegenerate,
}: {
  report: TReport;
  regenerating: boolean;
  /** Absent when the report can no longer be regenerated (approved, archived, or no right to edit). */
  onRegenerate?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const { generation } = report;
  const stepKey = generation.step ? STEP_KEYS[generation.step] : undefined;
  const step = stepKey ? t(stepKey) : (generation.step ?? '');

  return (
    <Card size="small" title={t('reports.documents')} style={{ marginBottom: 16 }} data-testid="report-generation">
      {(generation.state === 'queued' || generation.state === 'running') && (
        <div role="status" aria-live="polite" style={{ marginBottom: 12 }}>
          <Progress
            percent={generation.state === 'queued' ? 0 : generation.progress}
            status="active"
            aria-label={t('reports.progressLabel')}
          />
          <Typography.Text type="secondary">
            {generation.state === 'queued' ? t('reports.generation.queued') : t('reports.generation.step', { step })}
          </Typography.Text>
        </div>
      )}
      {generation.state === 'failed' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('reports.generation.failedTitle')}
          description={generation.error ?? undefined}
          action={
            onRegenerate && (
              <Button size="small" icon={<ReloadOutlined />} loading={regenerating} onClick={onRegenerate}>
                {t('reports.retryGeneration')}
              </Button>
            )
          }
        />
      )}
      {generation.state === 'done' && generation.generatedAt && (
        <Typography.Paragraph type="secondary">
          {t('reports.generation.doneAt', { at: formatDateTime(generation.generatedAt) })}
        </Typography.Paragraph>
      )}
      <Flex gap={8} wrap>
        {FORMATS.map(({ format, icon, label }) =>
          report.documents.includes(format) ? (
            <Button key={format} icon={icon} href={documentUrl(report.id, format)} download data-format={format}>
              {t(label)}
            </Button>
          ) : (
            <Button key={format} icon={icon} disabled data-format={format}>
              {t(label)}
            </Button>
          ),
        )}
      </Flex>
    </Card>
  );
}
