import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import type { TFiscalYearRow } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, InputNumber, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { budgetKeys, closeYear, openYear } from './budget.api';
import { useFiscalYears } from './budget-ui';

/** Năm ngân sách (administrators): open a new fiscal year, close one for good. */
export function FiscalYearsTab() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const years = useFiscalYears(null);
  const newest = years.rows[0]?.year;
  const [year, setYear] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const nextYear = year ?? (newest ? newest + 1 : new Date().getFullYear());
  const refresh = () => queryClient.invalidateQueries({ queryKey: budgetKeys.all });

  const open = useMutation({
    mutationFn: () => openYear(nextYear),
    onSuccess: async (row) => {
      setFailure(null);
      setYear(null);
      message.success(t('budget.year.opened', { year: row.year }));
      await refresh();
    },
    onError: (error) => setFailure(errorText(error, t)),
  });
  const close = useMutation({
    mutationFn: (value: number) => closeYear(value),
    onSuccess: async (row) => {
      setFailure(null);
      message.success(t('budget.year.closedDone', { year: row.year }));
      await refresh();
    },
    onError: (error) => setFailure(errorText(error, t)),
  });

  const columns: TableColumnsType<TFiscalYearRow> = [
    { title: t('budget.field.year'), dataIndex: 'year' },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (status: TFiscalYearRow['status'], row) => (
        <>
          <Tag color={status === 'open' ? 'green' : 'default'}>
            {t(status === 'open' ? 'budget.year.open' : 'budget.year.closed')}
          </Tag>
          {row.closedAt &&
            t('budget.year.closedBy', { name: row.closedBy?.name ?? '', at: formatDateTime(row.closedAt) })}
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, row) =>
        row.status === 'open' && (
          <Button
            size="small"
            danger
            icon={<LockOutlined />}
            loading={close.isPending && close.variables === row.year}
            onClick={() =>
              modal.confirm({
                title: t('budget.year.closeTitle', { year: row.year }),
                content: t('budget.year.closeConfirm', { year: row.year }),
                okText: t('budget.year.close'),
                okButtonProps: { danger: true },
                cancelText: t('common.cancel'),
                onOk: () => close.mutateAsync(row.year),
              })
            }
          >
            {t('budget.year.close')}
          </Button>
        ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <InputNumber<number>
          aria-label={t('budget.year.new')}
          min={2000}
          max={2100}
          precision={0}
          value={nextYear}
          onChange={(value) => setYear(value)}
        />
        <Button type="primary" icon={<PlusOutlined />} loading={open.isPending} onClick={() => open.mutate()}>
          {t('budget.year.openAction')}
        </Button>
      </Flex>
      {failure && <Alert type="error" showIcon title={failure} />}
      <Table<TFiscalYearRow>
        rowKey="year"
        aria-label={t('budget.tab.years')}
        columns={columns}
        dataSource={years.rows}
        loading={years.query.isFetching}
        locale={{ emptyText: years.query.isError ? errorText(years.query.error, t) : t('budget.year.empty') }}
        pagination={false}
      />
    </Flex>
  );
}
