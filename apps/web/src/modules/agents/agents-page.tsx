import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  FileExcelOutlined,
  GlobalOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  AGENT_SHEET_HEADERS,
  AGENT_TYPE_LABELS,
  AGENT_TYPES,
  WORKING_ROLES,
  formatVnPhone,
  type TAgent,
  type TAgentType,
} from '@loa/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Flex,
  Input,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { XLSX_CONTENT_TYPE } from '../../shared/excel-import';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { ExcelImportModal } from '../../shared/ui/excel-import-modal';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { AgentFormDrawer } from './agent-form-drawer';
import { AgentPlaceSelect } from './agent-place-select';
import {
  agentKeys,
  deleteAgent,
  downloadAgentTemplate,
  exportAgents,
  importAgents,
  listAgents,
  type AgentFilters,
} from './agents.api';

/** The sheet's own header for a field the server names (`province` → "Tỉnh, thành phố"). */
const columnName = (field: string): string =>
  Object.hasOwn(AGENT_SHEET_HEADERS, field) ? AGENT_SHEET_HEADERS[field as keyof typeof AGENT_SHEET_HEADERS] : field;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const CODE = (digits: number) => (value: string | null) =>
  value && new RegExp(`^\\d{${digits}}$`).test(value) ? value : undefined;

/** Đại lý thu: the agents a province or district office keeps current for citizens (§V.2 of 1191/BHXH-TT). */
export function AgentsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [editing, setEditing] = useState<TAgent | null | 'new'>(null);
  const [importFile, setImportFile] = useState<File | null>(null);
  const canWrite = hasAnyRole(user, WORKING_ROLES);

  const filters: AgentFilters = {
    q: params.get('q') ?? undefined,
    type: pick(params.get('type'), AGENT_TYPES),
    provinceCode: CODE(2)(params.get('provinceCode')),
    districtCode: CODE(3)(params.get('districtCode')),
    active: pick(params.get('active'), ['true', 'false'] as const),
    sort: params.get('sort') ?? undefined,
  };

  const agents = useQuery({
    queryKey: agentKeys.list(filters, page, pageSize),
    queryFn: () => listAgents(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportAgents(filters));
  const template = useDownload(downloadAgentTemplate);
  const remove = useMutation({
    mutationFn: deleteAgent,
    onSuccess: async (_result, agent) => {
      await queryClient.invalidateQueries({ queryKey: agentKeys.all });
      message.success(t('agents.deleted', { name: agent.name }));
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });
  const columns: TableColumnsType<TAgent> = [
    {
      title: t('agents.field.name'),
      dataIndex: 'name',
      ...sortable('name'),
      render: (name: string, agent) => (
        <>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {agent.address}
          </Typography.Paragraph>
        </>
      ),
    },
    {
      title: t('agents.field.type'),
      dataIndex: 'type',
      ...sortable('type'),
      render: (type: TAgentType) => AGENT_TYPE_LABELS[type][locale],
    },
    {
      title: t('agents.field.place'),
      key: 'place',
      render: (_: unknown, a) => [a.commune?.name, a.district?.name, a.province.name].filter(Boolean).join(', '),
    },
    {
      title: t('agents.field.phones'),
      dataIndex: 'phones',
      render: (phones: string[]) => phones.map((p) => <div key={p}>{formatVnPhone(p)}</div>),
    },
    { title: t('agents.field.workingHours'), dataIndex: 'workingHours', responsive: ['lg'] },
    {
      title: t('agents.filter.active'),
      ...sortable('activeTo'),
      render: (_: unknown, a) => (
        <>
          <Tag color={a.active ? 'green' : 'default'}>{t(a.active ? 'agents.active.true' : 'agents.active.false')}</Tag>
          {(a.activeFrom || a.activeTo) && (
            <div>
              {formatDate(a.activeFrom) || '…'} – {formatDate(a.activeTo) || '…'}
            </div>
          )}
        </>
      ),
    },
    { title: t('agents.field.orgUnit'), key: 'orgUnit', responsive: ['xl'], render: (_: unknown, a) => a.orgUnit.name },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, agent) =>
        agent.canEdit && (
          <Flex gap={4}>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={`${t('common.edit')} ${agent.name}`}
              onClick={() => setEditing(agent)}
            />
            <Popconfirm
              title={t('agents.deleteConfirm', { name: agent.name })}
              onConfirm={() => remove.mutate(agent)}
              okButtonProps={{ danger: true }}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('common.delete')} ${agent.name}`}
              />
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('agents.title')}
        subtitle={t('agents.subtitle')}
        actions={
          <>
            <Button icon={<GlobalOutlined />} href="/tra-cuu-dai-ly" target="_blank">
              {t('agents.publicLink')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canWrite && (
              <>
                <Button icon={<FileExcelOutlined />} loading={template.running} onClick={() => void template.run()}>
                  {t('agents.template')}
                </Button>
                <Upload
                  accept={`.xlsx,${XLSX_CONTENT_TYPE}`}
                  showUploadList={false}
                  beforeUpload={(file) => {
                    setImportFile(file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />}>{t('common.importExcel')}</Button>
                </Upload>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  data-testid="create-agent"
                  onClick={() => setEditing('new')}
                >
                  {t('agents.create')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('agents.searchLabel')}
          placeholder={t('agents.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 340 }}
        />
        <Select
          allowClear
          aria-label={t('agents.filter.type')}
          placeholder={t('agents.filter.type')}
          value={filters.type}
          onChange={(value?: TAgentType) => update({ type: value })}
          options={AGENT_TYPES.map((type) => ({ value: type, label: AGENT_TYPE_LABELS[type][locale] }))}
          style={{ width: 200 }}
        />
        <AgentPlaceSelect
          parent={null}
          aria-label={t('agents.filter.province')}
          placeholder={t('agents.filter.province')}
          value={filters.provinceCode}
          onChange={(value) => update({ provinceCode: value, districtCode: undefined })}
          style={{ width: 220 }}
        />
        <AgentPlaceSelect
          parent={filters.provinceCode}
          level={2}
          aria-label={t('agents.filter.district')}
          placeholder={t('agents.filter.district')}
          value={filters.districtCode}
          onChange={(value) => update({ districtCode: value })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          aria-label={t('agents.filter.active')}
          placeholder={t('agents.filter.active')}
          value={filters.active}
          onChange={(value?: 'true' | 'false') => update({ active: value })}
          options={[
            { value: 'true', label: t('agents.active.true') },
            { value: 'false', label: t('agents.active.false') },
          ]}
          style={{ width: 180 }}
        />
      </Flex>
      <Table<TAgent>
        rowKey="id"
        aria-label={t('agents.tableLabel')}
        columns={columns}
        dataSource={agents.data?.items ?? []}
        loading={agents.isFetching}
        locale={{ emptyText: agents.isError ? errorText(agents.error, t) : t('agents.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: agents.data?.total ?? 0 }, (nextPage, nextSize) =>
          update({ page: nextPage, pageSize: nextSize }, true),
        )}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        scroll={{ x: 900 }}
      />
      {editing !== null && (
        <AgentFormDrawer agent={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {importFile && (
        <ExcelImportModal
          key={`${importFile.name}-${importFile.lastModified}`}
          file={importFile}
          onClose={() => setImportFile(null)}
          run={importAgents}
          queryKey={agentKeys.all}
          prefix="agents.import"
          fieldLabel={columnName}
          confirmTestId="agents-import-confirm"
          intro={
            <Typography.Paragraph type="secondary">
              {t('agents.import.columns', { columns: Object.values(AGENT_SHEET_HEADERS).join(', ') })}
            </Typography.Paragraph>
          }
        />
      )}
    </>
  );
}
