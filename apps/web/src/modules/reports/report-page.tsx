import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TReport } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Flex, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { ReportActions, type ReportActionHandlers } from './report-actions';
import { ReportChildren } from './report-children';
import { ReportForm } from './report-form';
import { ReportGeneration } from './report-generation';
import { ReportPreview } from './report-preview';
import { periodTitle, ReportStatusTag } from './report-tags';
import { isGenerating } from './report-values';
import { approveReport, archiveReport, deleteReport, getReport, regenerateReport, reportKeys } from './reports.api';

type Busy = ReportActionHandlers['busy'];

/**
 * One report: its header and status, the generation's progress (polled every second while the job runs), the
 * downloads, the draft's form, a preview of the body and the child units' reports; regenerate, approve, archive,
 * delete.
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<string | undefined>(undefined);
  const detail = useQuery({
    queryKey: reportKeys.detail(id),
    queryFn: () => getReport(id),
    refetchInterval: (query) => (query.state.data && isGenerating(query.state.data.generation.state) ? 1000 : false),
  });

  // When a generation ends, the lists (state, filled subject) are out of date: they reload when next shown.
  const finished = detail.data && !isGenerating(detail.data.generation.state);
  const generatedAt = detail.data?.generation.generatedAt;
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: reportKeys.lists, refetchType: 'none' });
  }, [finished, generatedAt, queryClient]);

  const show = async (next: TReport) => {
    queryClient.setQueryData(reportKeys.detail(id), next);
    await queryClient.invalidateQueries({ queryKey: reportKeys.all, refetchType: 'inactive' });
  };
  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'conflict.version') {
      message.warning(t('reports.conflict'));
      void detail.refetch();
    } else message.error(errorText(error, t));
  };
  const action = useMutation({
    mutationFn: async ({
      kind,
      report,
      resetText,
    }: {
      kind: NonNullable<Busy>;
      report: TReport;
      resetText?: boolean;
    }) => {
      if (kind === 'regenerate') return regenerateReport(report.id, report.version, resetText ?? false);
      if (kind === 'approve') return approveReport(report.id, report.version);
      if (kind === 'archive') return archiveReport(report.id, report.version);
      await deleteReport(report.id);
      return null;
    },
    onSuccess: async (next, { kind }) => {
      if (next === null) {
        message.success(t('reports.done.delete'));
        queryClient.removeQueries({ queryKey: reportKeys.detail(id) });
        await queryClient.invalidateQueries({ queryKey: reportKeys.all });
        void navigate('/reports');
        return;
      }
      message.success(t(`reports.done.${kind}`));
      await show(next);
    },
    onError: fail,
  });

  const back = (
    <Link to="/reports">
      <ArrowLeftOutlined /> {t('reports.back')}
    </Link>
  );
  if (detail.isPending) return <Spin description={t('common.loading')} />;
  if (detail.isError)
    return (
      <>
        {back}
        <Alert type="error" showIcon title={errorText(detail.error, t)} style={{ marginTop: 12 }} />
      </>
    );

  const report = detail.data;
  const editable = report.status === 'draft' && report.can.edit;
  const busy: Busy = action.isPending ? action.variables.kind : null;
  const run = (kind: NonNullable<Busy>, resetText?: boolean) => action.mutate({ kind, report, resetText });
  const handlers: ReportActionHandlers = {
    busy,
    regenerate: (resetText) => run('regenerate', resetText),
    approve: () => run('approve'),
    archive: () => run('archive'),
    remove: () => run('delete'),
  };

  const tabs = [
    ...(editable
      ? [
          {
            key: 'edit',
            label: t('reports.tab.edit'),
            children: (
              // A new version (saved here or elsewhere) or a finished generation (which fills the placeholders) starts
              // the form afresh; while the job runs the form waits, so no edit is lost when it finishes.
              <ReportForm
                key={`${report.version}:${report.generation.generatedAt ?? ''}`}
                report={report}
                disabled={isGenerating(report.generation.state)}
                onSaved={(saved) => void show(saved)}
                onReload={() => void detail.refetch()}
              />
            ),
          },
        ]
      : []),
    { key: 'preview', label: t('reports.tab.preview'), children: <ReportPreview report={report} /> },
    {
      key: 'children',
      label: t('reports.tab.children', { count: report.children.length }),
      children: <ReportChildren report={report} />,
    },
  ];

  return (
    <>
      {back}
      <PageHeader
        title={periodTitle(report.period, t, locale)}
        subtitle={
          <Flex gap={8} align="center" wrap component="span">
            <span>{report.orgUnit.name}</span>
            <span>
              {formatDate(report.from)} – {formatDate(report.to)}
            </span>
            {report.number && <span>{t('reports.preview.number', { number: report.number })}</span>}
            <ReportStatusTag status={report.status} />
          </Flex>
        }
        actions={<ReportActions report={report} actions={handlers} />}
      />
      {report.approvedBy && report.approvedAt && (
        <Typography.Paragraph type="secondary">
          {t('reports.approvedBy', { name: report.approvedBy.fullName, at: formatDate(report.approvedAt) })}
        </Typography.Paragraph>
      )}
      <ReportGeneration
        report={report}
        regenerating={busy === 'regenerate'}
        onRegenerate={editable ? () => run('regenerate', false) : undefined}
      />
      <Tabs activeKey={tabs.some((x) => x.key === tab) ? tab : tabs[0]?.key} onChange={setTab} items={tabs} />
    </>
  );
}
