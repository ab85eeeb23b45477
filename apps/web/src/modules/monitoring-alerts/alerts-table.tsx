import { FLAG_LABELS, type TAlert } from '@loa/contracts';
import { Flex, Table, Tag, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { useEffect, useState, type HTMLAttributes, type Key } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { AlertActions } from './alert-actions';
import { AlertArticles } from './alert-articles';
import { AlertClassificationTags, AlertKindTag, AlertStatusTag } from './alert-tags';
import { formatRate } from './alert-values';

interface Props {
  items: TAlert[];
  loading: boolean;
  emptyText: string;
  sort?: string | undefined;
  /** Server-side paging; absent for a single alert shown on its own. */
  pagination?: TablePaginationConfig | false;
  onSortChange?: (sort: string | undefined) => void;
  /** The alert a notification pointed to: highlighted and opened. */
  highlightId?: string | null;
  /** Whether the user may act on alerts (acknowledge, dismiss, open a case). */
  canAct: boolean;
  label: string;
}

const HIGHLIGHT = { background: '#fffbe6', boxShadow: 'inset 4px 0 0 #faad14' };

/** What spiked, in which hour, how far above the previous day's hourly baseline. */
function SpikeLine({ spike }: { spike: NonNullable<TAlert['spike']> }) {
  const { t, locale } = useI18n();
  return (
    <Flex vertical gap={0}>
      <Typography.Text type="danger" style={{ fontSize: 13 }}>
        {t('monAlerts.spike.summary', { count: spike.count, baseline: formatRate(spike.baseline, locale) })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('monAlerts.spike.hour', { time: formatDateTime(spike.hourStart) })}
        {spike.query && ` · ${t('monAlerts.spike.query', { name: spike.query.name })}`}
        {spike.flag && ` · ${t('monAlerts.spike.flag', { name: FLAG_LABELS[spike.flag][locale] })}`}
      </Typography.Text>
    </Flex>
  );
}

/** The inbox's rows: kind and title (with rules and queries), unit, count, classification, times, status, actions. */
export function AlertsTable(props: Props) {
  const { t } = useI18n();
  // The alert shown on its own (from a notification) has nothing to sort.
  const sortable = (key: string) =>
    props.onSortChange ? { key, sorter: true, sortOrder: sortOrderOf(props.sort, key) } : { key };
  const [expanded, setExpanded] = useState<readonly Key[]>(props.highlightId ? [props.highlightId] : []);
  const { highlightId } = props;
  useEffect(() => {
    // The highlighted alert opens with its articles, also when it arrives after the table was first drawn.
    if (highlightId) setExpanded((keys) => (keys.includes(highlightId) ? keys : [...keys, highlightId]));
  }, [highlightId]);

  const columns: TableColumnsType<TAlert> = [
    {
      title: t('monAlerts.field.title'),
      dataIndex: 'title',
      ...sortable('title'),
      render: (title: string, a) => (
        <Flex vertical gap={2} align="start">
          <span>
            <AlertKindTag kind={a.kind} /> <Typography.Text strong>{title}</Typography.Text>
          </span>
          {a.spike && <SpikeLine spike={a.spike} />}
          {a.rules.length + a.queries.length > 0 && (
            <span>
              {a.rules.map((rule) => (
                <Tag key={rule.id} color="geekblue" title={t('monAlerts.ruleTag')} style={{ marginBlock: 2 }}>
                  {rule.name}
                </Tag>
              ))}
              {a.queries.map((query) => (
                <Tag key={query.id} title={t('monAlerts.queryTag')} style={{ marginBlock: 2 }}>
                  {query.name}
                </Tag>
              ))}
            </span>
          )}
        </Flex>
      ),
    },
    { title: t('monAlerts.field.orgUnit'), key: 'orgUnit', width: 150, render: (_: unknown, a) => a.orgUnit.name },
    {
      title: t('monAlerts.field.articleCount'),
      dataIndex: 'articleCount',
      align: 'right',
      width: 105,
      ...sortable('articles'),
    },
    {
      title: t('monAlerts.field.classification'),
      key: 'classification',
      width: 190,
      render: (_: unknown, a) => (
        <AlertClassificationTags relevance={a.relevance} sentiment={a.sentiment} flags={a.flags} />
      ),
    },
    {
      title: t('monAlerts.field.seen'),
      dataIndex: 'lastSeenAt',
      width: 165,
      ...sortable('lastSeenAt'),
      render: (_: unknown, a) => (
        <Flex vertical gap={0} style={{ fontSize: 13 }}>
          <span>{t('monAlerts.lastSeen', { time: formatDateTime(a.lastSeenAt) })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('monAlerts.firstSeen', { time: formatDateTime(a.firstSeenAt) })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('monAlerts.field.status'),
      dataIndex: 'status',
      width: 145,
      ...sortable('status'),
      render: (_: unknown, a) => (
        <Flex vertical gap={0} align="start">
          <AlertStatusTag status={a.status} />
          {a.handledBy && a.handledAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('monAlerts.handled', { name: a.handledBy, time: formatDateTime(a.handledAt) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...(props.canAct
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            fixed: 'right' as const,
            render: (_: unknown, a: TAlert) => <AlertActions alert={a} />,
          },
        ]
      : []),
  ];

  return (
    <Table<TAlert>
      size="small"
      rowKey="id"
      aria-label={props.label}
      columns={columns}
      dataSource={props.items}
      loading={props.loading}
      locale={{ emptyText: props.emptyText }}
      pagination={props.pagination ?? false}
      expandable={{
        expandedRowRender: (a) => <AlertArticles alert={a} />,
        expandedRowKeys: expanded,
        onExpandedRowsChange: (keys) => setExpanded(keys),
      }}
      onRow={(a) =>
        ({
          'data-testid': 'alert-row',
          'data-alert-id': a.id,
          'data-status': a.status,
          style: a.id === props.highlightId ? HIGHLIGHT : undefined,
        }) as HTMLAttributes<HTMLElement>
      }
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') props.onSortChange?.(sortParam(sorter));
      }}
      scroll={{ x: 1250 }}
    />
  );
}
