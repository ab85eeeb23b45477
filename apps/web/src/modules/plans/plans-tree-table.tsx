import { PlusOutlined } from '@ant-design/icons';
import type { TPlanMetric, TPlanTreeMetric } from '@loa/contracts';
import { Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type Key } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formatTargetValue, type PlanTreeRow } from './plan-tree';
import { PlanStatusTag, Progress, Shortfall, TargetValue } from './plan-labels';

interface Props {
  year: number;
  rows: PlanTreeRow[];
  metric: TPlanMetric;
  loading: boolean;
  emptyText: string;
  onOpen: (planId: string) => void;
  onStart: (row: PlanTreeRow) => void;
}

const metricOf = (row: PlanTreeRow, metric: TPlanMetric): TPlanTreeMetric | undefined =>
  row.metrics.find((m) => m.metric === metric);

/** The units of the user's scope as a tree, with each one's plan and, for one metric, target, split and progress. */
export function PlansTreeTable({ year, rows, metric, loading, emptyText, onOpen, onStart }: Props) {
  const { t, locale } = useI18n();
  // The top units start open; the user's own choices win from then on.
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const columns: TableColumnsType<PlanTreeRow> = [
    {
      title: t('plans.col.unit'),
      key: 'unit',
      render: (_, row) => (
        <Flex vertical>
          {row.plan ? (
            <Button
              type="link"
              onClick={() => onOpen(row.plan!.id)}
              aria-label={t('plans.open', { unit: row.unit.name })}
              style={{
                padding: 0,
                height: 'auto',
                justifyContent: 'flex-start',
                whiteSpace: 'normal',
                textAlign: 'left',
              }}
            >
              {row.unit.name}
            </Button>
          ) : (
            <span>{row.unit.name}</span>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.unit.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('plans.col.status'),
      key: 'status',
      width: 190,
      render: (_, row) =>
        row.plan ? (
          <PlanStatusTag status={row.plan.status} />
        ) : row.canCreate ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => onStart(row)}
            aria-label={t('plans.startFor', { year, unit: row.unit.name })}
          >
            {t('plans.start')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('plans.noPlan')}</Typography.Text>
        ),
    },
    {
      title: t('plans.col.target'),
      key: 'target',
      align: 'right',
      width: 170,
      render: (_, row) => <TargetValue value={metricOf(row, metric)?.target ?? null} metric={metric} />,
    },
    {
      title: t('plans.col.childrenSum'),
      key: 'childrenSum',
      align: 'right',
      width: 170,
      render: (_, row) => {
        const sum = metricOf(row, metric)?.childrenSum ?? null;
        return sum === null ? null : formatTargetValue(sum, metric, locale);
      },
    },
    {
      title: t('plans.col.shortfall'),
      key: 'shortfall',
      width: 170,
      render: (_, row) => <Shortfall value={metricOf(row, metric)?.shortfall ?? null} metric={metric} />,
    },
    {
      title: t('plans.col.progress'),
      key: 'progress',
      width: 170,
      render: (_, row) => {
        const figures = metricOf(row, metric);
        return figures ? <Progress progress={figures.progress} target={figures.target} /> : null;
      },
    },
  ];

  return (
    <Table<PlanTreeRow>
      aria-label={t('plans.tableLabel')}
      size="middle"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      expandable={{
        expandedRowKeys: expanded ?? rows.map((row) => row.key),
        onExpandedRowsChange: (keys) => setExpanded(keys),
      }}
      locale={{ emptyText }}
      scroll={{ x: 1000 }}
    />
  );
}
