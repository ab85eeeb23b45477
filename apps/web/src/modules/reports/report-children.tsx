import type { TReport } from '@loa/contracts';
import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { ReportStatusTag } from './report-tags';

type Child = TReport['children'][number];

/** The roll-up: each direct child unit and its own report of the same period, if it has one (opens it). */
export function ReportChildren({ report }: { report: TReport }) {
  const { t } = useI18n();
  const columns: TableColumnsType<Child> = [
    { title: t('reports.children.code'), width: 110, render: (_, child) => child.unit.code },
    { title: t('reports.field.unit'), render: (_, child) => child.unit.name },
    {
      title: t('common.status'),
      width: 160,
      render: (_, child) =>
        child.report ? (
          <ReportStatusTag status={child.report.status} />
        ) : (
          <Typography.Text type="secondary">{t('reports.children.none')}</Typography.Text>
        ),
    },
    {
      title: t('reports.field.number'),
      width: 150,
      render: (_, child) => child.report?.number ?? t('common.none'),
    },
    {
      title: t('common.actions'),
      width: 140,
      render: (_, child) =>
        child.report && (
          <Link to={`/reports/${child.report.id}`} aria-label={t('reports.children.open', { unit: child.unit.name })}>
            {t('reports.children.openShort')}
          </Link>
        ),
    },
  ];
  const approved = report.children.filter((child) => child.report?.status === 'approved').length;
  return (
    <div data-testid="report-children">
      <Typography.Paragraph type="secondary">
        {t('reports.children.summary', { approved, total: report.children.length })}
      </Typography.Paragraph>
      <Table<Child>
        size="small"
        rowKey={(child) => child.unit.id}
        aria-label={t('reports.children.title')}
        columns={columns}
        dataSource={report.children}
        pagination={report.children.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('reports.children.empty') }}
      />
    </div>
  );
}
