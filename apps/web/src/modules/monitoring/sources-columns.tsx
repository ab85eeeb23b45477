import {
  CloudDownloadOutlined,
  DeleteOutlined,
  EditOutlined,
  FileTextOutlined,
  LinkOutlined,
  MoreOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { SOURCE_KIND_LABELS, SOURCE_TIER_LABELS, type TLocale, type TMonitoringSource } from '@loa/contracts';
import { Button, Dropdown, Flex, Switch, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Translate } from '../../app/i18n/i18n';
import { formatDateTime } from '../../shared/format';
import { sortOrderOf } from '../../shared/table-sort';
import { isPolledKind } from './sources-helpers';

export interface SourceRowActions {
  edit: (source: TMonitoringSource) => void;
  fetchNow: (source: TMonitoringSource) => void;
  toggle: (source: TMonitoringSource, enabled: boolean) => void;
  showLog: (source: TMonitoringSource) => void;
  importFile: (source: TMonitoringSource) => void;
  submitUrl: (source: TMonitoringSource) => void;
  remove: (source: TMonitoringSource) => void;
  /** The source whose fetch request is on its way. */
  fetching: string | null;
}

/** The health cell: last success, the last error as a readable label (its message as tooltip), counters. */
function HealthCell({ source, t, locale }: { source: TMonitoringSource; t: Translate; locale: TLocale }) {
  const h = source.health;
  const number = (n: number) => n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 });
  const failing = h.consecutiveFailures > 0;
  return (
    <Flex vertical gap={2} style={{ fontSize: 12 }}>
      <span>
        {t('monSources.health.lastSuccess')}: {h.lastSuccessAt ? formatDateTime(h.lastSuccessAt) : t('common.none')}
      </span>
      {h.lastErrorCode && (
        <Tooltip title={h.lastError ?? undefined}>
          <span>
            <Tag color={failing ? 'red' : 'default'} style={{ marginInlineEnd: 4 }}>
              {t(`monSources.error.${h.lastErrorCode}`)}
            </Tag>
            {h.lastErrorAt && formatDateTime(h.lastErrorAt)}
          </span>
        </Tooltip>
      )}
      {failing && (
        <Typography.Text type="danger">
          {t('monSources.health.failures', { count: h.consecutiveFailures })}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">
        {t('monSources.health.counts', { perDay: number(h.itemsPerDay), total: number(h.articlesTotal) })}
      </Typography.Text>
    </Flex>
  );
}

export function sourceColumns(
  t: Translate,
  locale: TLocale,
  sort: string | undefined,
  actions: SourceRowActions,
): TableColumnsType<TMonitoringSource> {
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(sort, key) });
  return [
    {
      title: t('monSources.field.name'),
      dataIndex: 'name',
      ...sortable('name'),
      render: (name: string, s) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{name}</Typography.Text>
          {s.url && (
            <Typography.Link href={s.url} target="_blank" rel="noopener noreferrer" ellipsis style={{ maxWidth: 280 }}>
              {s.url}
            </Typography.Link>
          )}
          {s.outlet && <Typography.Text type="secondary">{s.outlet.name}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('monSources.field.kind'),
      dataIndex: 'kind',
      ...sortable('kind'),
      render: (_: unknown, s) => (
        <Flex vertical gap={2} align="start">
          <span>{SOURCE_KIND_LABELS[s.kind][locale]}</span>
          <Tag>{SOURCE_TIER_LABELS[s.tier][locale]}</Tag>
        </Flex>
      ),
    },
    {
      title: t('monSources.field.area'),
      key: 'area',
      responsive: ['lg'],
      render: (_: unknown, s) => s.area?.name ?? t('common.none'),
    },
    {
      title: t('monSources.field.enabled'),
      dataIndex: 'enabled',
      ...sortable('enabled'),
      render: (enabled: boolean, s) => {
        const toggle = (
          <Switch
            size="small"
            checked={enabled}
            disabled={!s.canEdit}
            data-testid="source-enable"
            aria-label={t(enabled ? 'monSources.disableLabel' : 'monSources.enableLabel', { name: s.name })}
            onChange={(next) => actions.toggle(s, next)}
          />
        );
        return (
          <Flex vertical gap={2} align="start">
            {s.disabledReason ? <Tooltip title={s.disabledReason}>{toggle}</Tooltip> : toggle}
            {!enabled && s.disabledReason && (
              <Tooltip title={s.disabledReason}>
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 140, fontSize: 12 }}>
                  {s.disabledReason}
                </Typography.Text>
              </Tooltip>
            )}
          </Flex>
        );
      },
    },
    {
      title: t('monSources.field.health'),
      ...sortable('lastSuccessAt'),
      render: (_: unknown, s) => <HealthCell source={s} t={t} locale={locale} />,
    },
    {
      title: t('monSources.field.nextPoll'),
      dataIndex: 'nextPollAt',
      ...sortable('nextPollAt'),
      responsive: ['xl'],
      render: (next: string | null, s) =>
        s.enabled && next ? (
          <Flex vertical gap={2}>
            <span>{formatDateTime(next)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('monSources.everyMinutes', { minutes: Math.round(s.pollSeconds / 60) })}
            </Typography.Text>
          </Flex>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, s) => (
        <Flex gap={4}>
          {s.canEdit && isPolledKind(s.kind) && (
            <Tooltip title={t('monSources.fetchNow')}>
              <Button
                size="small"
                icon={<CloudDownloadOutlined />}
                loading={actions.fetching === s.id}
                data-testid="source-fetch-now"
                aria-label={`${t('monSources.fetchNow')} ${s.name}`}
                onClick={() => actions.fetchNow(s)}
              />
            </Tooltip>
          )}
          <Tooltip title={t('monSources.log.title')}>
            <Button
              size="small"
              icon={<FileTextOutlined />}
              aria-label={`${t('monSources.log.title')} ${s.name}`}
              onClick={() => actions.showLog(s)}
            />
          </Tooltip>
          {s.canEdit && (
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={`${t('common.edit')} ${s.name}`}
              onClick={() => actions.edit(s)}
            />
          )}
          {s.canEdit && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'import', icon: <UploadOutlined />, label: t('monSources.import.action') },
                  { key: 'submit', icon: <LinkOutlined />, label: t('monSources.submit.action') },
                  { type: 'divider' },
                  { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('common.delete') },
                ],
                onClick: ({ key }) => {
                  if (key === 'import') actions.importFile(s);
                  else if (key === 'submit') actions.submitUrl(s);
                  else if (key === 'delete') actions.remove(s);
                },
              }}
            >
              <Button size="small" icon={<MoreOutlined />} aria-label={`${t('monSources.more')} ${s.name}`} />
            </Dropdown>
          )}
        </Flex>
      ),
    },
  ];
}
