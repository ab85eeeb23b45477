import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TAlertRule } from '@loa/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Flex,
  Input,
  Popconfirm,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { UnitPicker } from '../monitoring/source-pickers';
import { AlertRuleDrawer } from './alert-rule-drawer';
import { ruleConditions } from './alert-values';
import {
  alertRuleKeys,
  deleteAlertRule,
  exportAlertRules,
  listAlertRules,
  updateAlertRule,
  type AlertRuleFilters,
} from './alerts.api';

const BOOLS = ['true', 'false'] as const;
const pickBool = (value: string | null) => BOOLS.find((b) => b === value);

/** Quy tắc cảnh báo: the rules that turn matching stories into alerts for a unit. */
export function AlertRulesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [editing, setEditing] = useState<TAlertRule | 'new' | null>(null);

  const filters: AlertRuleFilters = {
    q: params.get('q') ?? undefined,
    enabled: pickBool(params.get('enabled')),
    orgUnitId: params.get('orgUnitId') ?? undefined,
    sort: params.get('sort') ?? undefined,
  };
  const rules = useQuery({
    queryKey: alertRuleKeys.list(filters, page, pageSize),
    queryFn: () => listAlertRules(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportAlertRules(filters));
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertRuleKeys.all });

  const remove = useMutation({
    mutationFn: (rule: TAlertRule) => deleteAlertRule(rule.id),
    onSuccess: async (_result, rule) => {
      await refresh();
      message.success(t('monAlertRules.deleted', { name: rule.name }));
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  const toggle = useMutation({
    mutationFn: (rule: TAlertRule) => updateAlertRule(rule.id, { version: rule.version, enabled: !rule.enabled }),
    onSuccess: async (saved) => {
      await refresh();
      message.success(
        t(saved.enabled ? 'monAlertRules.switchedOn' : 'monAlertRules.switchedOff', { name: saved.name }),
      );
    },
    onError: async (error) => {
      message.error(errorText(error, t));
      await refresh();
    },
  });

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });
  const columns: TableColumnsType<TAlertRule> = [
    {
      title: t('monAlertRules.field.name'),
      dataIndex: 'name',
      ...sortable('name'),
      render: (name: string, rule) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{name}</Typography.Text>
          {rule.description && <Typography.Text type="secondary">{rule.description}</Typography.Text>}
          <span>
            {!rule.enabled && <Tag>{t('monAlertRules.disabledTag')}</Tag>}
            {rule.seeded && <Tag color="geekblue">{t('monAlertRules.seededTag')}</Tag>}
          </span>
        </Flex>
      ),
    },
    {
      title: t('monAlertRules.field.orgUnit'),
      ...sortable('orgUnit'),
      width: 220,
      render: (_: unknown, rule) => (
        <Flex vertical gap={2} align="start">
          <span>{rule.orgUnit.name}</span>
          {rule.routeToOwningUnit && <Tag color="purple">{t('monAlertRules.routedTag')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('monAlertRules.field.conditions'),
      key: 'conditions',
      render: (_: unknown, rule) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {ruleConditions(rule, locale).map((condition) => (
            <li key={condition.kind}>
              <Typography.Text type="secondary">{t(`monAlertRules.cond.${condition.kind}`)}:</Typography.Text>{' '}
              {condition.text}
            </li>
          ))}
        </ul>
      ),
    },
    {
      title: t('monAlertRules.field.enabled'),
      dataIndex: 'enabled',
      width: 100,
      ...sortable('enabled'),
      render: (enabled: boolean, rule) => (
        <Switch
          size="small"
          checked={enabled}
          disabled={!rule.canEdit}
          loading={toggle.isPending && toggle.variables.id === rule.id}
          aria-label={t('monAlertRules.toggleLabel', { name: rule.name })}
          onChange={() => toggle.mutate(rule)}
        />
      ),
    },
    {
      title: t('monAlertRules.field.alerts30d'),
      dataIndex: 'alerts30d',
      align: 'right',
      width: 130,
      ...sortable('alerts'),
      render: (count: number, rule) =>
        count === 0 ? (
          0
        ) : (
          <Link
            to={`/monitoring/alerts?${new URLSearchParams({ tab: 'all', ruleId: rule.id }).toString()}`}
            aria-label={t('monAlertRules.viewAlerts', { count, name: rule.name })}
          >
            {count}
          </Link>
        ),
    },
    {
      title: t('monAlertRules.field.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      responsive: ['lg'],
      ...sortable('updatedAt'),
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, rule) =>
        rule.canEdit && (
          <Flex gap={4}>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={`${t('common.edit')} ${rule.name}`}
              onClick={() => setEditing(rule)}
            />
            <Popconfirm
              title={t('monAlertRules.deleteConfirm', { name: rule.name })}
              description={t('monAlertRules.deleteHint')}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                remove.mutateAsync(rule).then(
                  () => undefined,
                  () => undefined,
                )
              }
            >
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${rule.name}`} />
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('monAlertRules.title')}
        subtitle={t('monAlertRules.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="create-alert-rule"
              onClick={() => setEditing('new')}
            >
              {t('monAlertRules.create')}
            </Button>
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('monAlertRules.searchLabel')}
          placeholder={t('monAlertRules.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          onSearch={(value) => update({ q: value.trim() })}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          aria-label={t('monAlertRules.filter.enabled')}
          placeholder={t('monAlertRules.filter.enabled')}
          value={filters.enabled}
          onChange={(value?: 'true' | 'false') => update({ enabled: value })}
          options={BOOLS.map((b) => ({ value: b, label: t(`monAlertRules.filter.enabled.${b}`) }))}
          style={{ width: 180 }}
        />
        <UnitPicker
          allowClear
          placeholder={t('monAlertRules.field.orgUnit')}
          value={filters.orgUnitId ?? null}
          onChange={(value) => update({ orgUnitId: value ?? undefined })}
          style={{ width: 280 }}
        />
      </Flex>
      <Table<TAlertRule>
        rowKey="id"
        size="small"
        aria-label={t('monAlertRules.tableLabel')}
        columns={columns}
        dataSource={rules.data?.items ?? []}
        loading={rules.isFetching}
        locale={{ emptyText: rules.isError ? errorText(rules.error, t) : t('monAlertRules.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: rules.data?.total ?? 0 }, (nextPage, nextSize) =>
          update({ page: nextPage, pageSize: nextSize }, true),
        )}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        onRow={() => ({ 'data-testid': 'alert-rule-row' }) as HTMLAttributes<HTMLElement>}
        scroll={{ x: 1100 }}
      />
      {editing !== null && (
        <AlertRuleDrawer rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
