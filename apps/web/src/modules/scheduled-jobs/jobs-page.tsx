import { PlayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TScheduledJob } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { listScheduledJobs, runScheduledJob, scheduledJobsKey } from './scheduled-jobs.api';

function RunButton({ job }: { job: TScheduledJob }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const label = job.label[locale];
  const run = useMutation({
    mutationFn: () => runScheduledJob(job.name),
    onSuccess: async (result) => {
      if (result.queued) message.success(t('scheduledJobs.queued', { job: label }));
      else message.info(t('scheduledJobs.alreadyQueued', { job: label }));
      await queryClient.invalidateQueries({ queryKey: scheduledJobsKey });
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  return (
    <Popconfirm
      title={t('scheduledJobs.runConfirm', { job: label })}
      description={t('scheduledJobs.runExplain')}
      okText={t('scheduledJobs.run')}
      cancelText={t('common.cancel')}
      onConfirm={() => run.mutateAsync().catch(() => undefined)}
    >
      <Button icon={<PlayCircleOutlined />} loading={run.isPending} aria-label={`${t('scheduledJobs.run')}: ${label}`}>
        {t('scheduledJobs.run')}
      </Button>
    </Popconfirm>
  );
}

/** Administrators: every scheduled job, its cron in Vietnam time, how it last went, and "run now". */
export function ScheduledJobsPage() {
  const { t, locale } = useI18n();
  const query = useQuery({ queryKey: scheduledJobsKey, queryFn: listScheduledJobs, refetchInterval: 10_000 });
  const columns: TableColumnsType<TScheduledJob> = [
    {
      title: t('scheduledJobs.column.job'),
      key: 'job',
      render: (_, job) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{job.label[locale]}</Typography.Text>
          <Typography.Text type="secondary" code>
            {job.name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('scheduledJobs.column.schedule'),
      dataIndex: 'schedule',
      render: (schedule: string) => <Typography.Text code>{schedule}</Typography.Text>,
    },
    {
      title: t('scheduledJobs.column.lastRun'),
      key: 'lastRun',
      render: (_, job) =>
        job.lastRunAt ? (
          <Space>
            {formatDateTime(job.lastRunAt)}
            <Tag color={job.lastState === 'failed' ? 'red' : 'green'}>
              {t(job.lastState === 'failed' ? 'scheduledJobs.state.failed' : 'scheduledJobs.state.completed')}
            </Tag>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('scheduledJobs.never')}</Typography.Text>
        ),
    },
    { title: t('scheduledJobs.column.pending'), dataIndex: 'pending', align: 'right' },
    { title: '', key: 'run', render: (_, job) => <RunButton job={job} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('scheduledJobs.title')}
        subtitle={t('scheduledJobs.subtitle')}
        actions={
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching}>
            {t('scheduledJobs.refresh')}
          </Button>
        }
      />
      {query.error && <Alert type="error" showIcon message={errorText(query.error, t)} style={{ marginBottom: 16 }} />}
      <Table
        aria-label={t('scheduledJobs.tableLabel')}
        rowKey="name"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isLoading}
        pagination={false}
      />
    </>
  );
}
