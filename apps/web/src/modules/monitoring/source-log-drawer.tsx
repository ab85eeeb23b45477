import type { TFetchLogEntry, TFetchOutcome, TMonitoringSource } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Drawer, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { tablePagination } from '../../shared/ui/table-pagination';
import { formatFileSize } from '../files/file-upload';
import { listFetchLog, sourceKeys } from './sources.api';

const OUTCOME_COLORS: Record<TFetchOutcome, string> = {
  ok: 'green',
  not_modified: 'blue',
  unchanged: 'default',
  error: 'red',
  blocked: 'volcano',
};

/** The fetches of one source, newest first: outcome, HTTP status, error, items seen and new, bytes. */
export function SourceLogDrawer({ source, onClose }: { source: TMonitoringSource; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const log = useQuery({
    queryKey: sourceKeys.log(source.id, page, pageSize),
    queryFn: () => listFetchLog(source.id, page, pageSize),
    placeholderData: keepPreviousData,
  });

  return (
    <Drawer open size={960} title={t('monSources.log.titleFor', { name: source.name })} onClose={onClose}>
      <Table<TFetchLogEntry>
        rowKey="id"
        size="small"
        aria-label={t('monSources.log.title')}
        dataSource={log.data?.items ?? []}
        loading={log.isFetching}
        locale={{ emptyText: log.isError ? errorText(log.error, t) : t('monSources.log.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: log.data?.total ?? 0 }, (nextPage, nextSize) => {
          setPage(nextPage);
          setPageSize(nextSize);
        })}
        scroll={{ x: 800 }}
        columns={[
          {
            title: t('monSources.log.startedAt'),
            dataIndex: 'startedAt',
            render: (startedAt: string, e) => (
              <Tooltip title={e.url}>
                <span>{formatDateTime(startedAt)}</span>
              </Tooltip>
            ),
          },
          {
            title: t('monSources.log.outcome'),
            dataIndex: 'outcome',
            render: (outcome: TFetchOutcome) => (
              <Tag color={OUTCOME_COLORS[outcome]}>{t(`monSources.outcome.${outcome}`)}</Tag>
            ),
          },
          {
            title: t('monSources.log.httpStatus'),
            dataIndex: 'httpStatus',
            render: (status: number | null) => status ?? t('common.none'),
          },
          {
            title: t('monSources.log.error'),
            key: 'error',
            render: (_: unknown, e) =>
              e.errorCode || e.message ? (
                <Flex vertical gap={2}>
                  {e.errorCode && <Typography.Text strong>{t(`monSources.error.${e.errorCode}`)}</Typography.Text>}
                  {e.message && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.message}
                    </Typography.Text>
                  )}
                </Flex>
              ) : (
                t('common.none')
              ),
          },
          {
            title: t('monSources.log.items'),
            key: 'items',
            render: (_: unknown, e) => t('monSources.log.itemsValue', { seen: e.itemsSeen, fresh: e.itemsNew }),
          },
          {
            title: t('monSources.log.bytes'),
            dataIndex: 'bytes',
            render: (bytes: number) => formatFileSize(bytes, t, locale),
          },
        ]}
      />
    </Drawer>
  );
}
