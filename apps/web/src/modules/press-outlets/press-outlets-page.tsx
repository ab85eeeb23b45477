import {
  DownloadOutlined,
  EditOutlined,
  EyeOutlined,
  FileExcelOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  CONTACT_ROLES,
  CONTACT_ROLE_LABELS,
  CONTACT_SHEET_HEADERS,
  OUTLET_KINDS,
  OUTLET_KIND_LABELS,
  OUTLET_SHEET_HEADERS,
  WORKING_ROLES,
  formatVnPhone,
  type TContact,
  type TContactRole,
  type TOutlet,
  type TOutletKind,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Table, Tabs, Tag, Typography, Upload, type TableColumnsType } from 'antd';
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
import { ContactDrawer } from './contact-drawer';
import { OutletFormDrawer } from './outlet-form-drawer';
import {
  downloadContactTemplate,
  downloadOutletTemplate,
  exportContacts,
  exportOutlets,
  importContacts,
  importOutlets,
  listContacts,
  listOutlets,
  pressKeys,
  type ContactFilters,
  type OutletFilters,
} from './press-outlets.api';

const headerOf =
  (headers: Record<string, string>) =>
  (field: string): string =>
    Object.hasOwn(headers, field) ? headers[field]! : field;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const UUID = /^[0-9a-f-]{36}$/i;

/** Cơ quan báo chí: the media database — outlets and their journalists and editors (issue 6 §4). */
export function PressOutletsPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const tab = params.get('tab') === 'contacts' ? 'contacts' : 'outlets';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [outlet, setOutlet] = useState<TOutlet | null | 'new'>(null);
  const [contact, setContact] = useState<TContact | null | 'new'>(null);
  const [importFile, setImportFile] = useState<File | null>(null);
  const canWrite = hasAnyRole(user, WORKING_ROLES);
  const sort = params.get('sort') ?? undefined;
  const q = params.get('q') ?? undefined;

  const outletFilters: OutletFilters = {
    q,
    kind: pick(params.get('kind'), OUTLET_KINDS),
    active: pick(params.get('active'), ['true', 'false'] as const),
    sort,
  };
  const outletId = params.get('outletId');
  const contactFilters: ContactFilters = {
    q,
    role: pick(params.get('role'), CONTACT_ROLES),
    outletId: outletId && UUID.test(outletId) ? outletId : undefined,
    sort,
  };
  const outlets = useQuery({
    queryKey: pressKeys.outlets(outletFilters, page, pageSize),
    queryFn: () => listOutlets(outletFilters, page, pageSize),
    placeholderData: keepPreviousData,
    enabled: tab === 'outlets',
  });
  const contacts = useQuery({
    queryKey: pressKeys.contacts(contactFilters, page, pageSize),
    queryFn: () => listContacts(contactFilters, page, pageSize),
    placeholderData: keepPreviousData,
    enabled: tab === 'contacts',
  });
  const exportList = useDownload(() =>
    tab === 'outlets' ? exportOutlets(outletFilters) : exportContacts(contactFilters),
  );
  const template = useDownload(tab === 'outlets' ? downloadOutletTemplate : downloadContactTemplate);

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(sort, key) });
  const openButton = (label: string, editable: boolean, onClick: () => void) => (
    <Button
      size="small"
      icon={editable ? <EditOutlined /> : <EyeOutlined />}
      aria-label={`${t(editable ? 'common.edit' : 'pressOutlets.open')} ${label}`}
      onClick={onClick}
    />
  );

  const outletColumns: TableColumnsType<TOutlet> = [
    {
      title: t('pressOutlets.field.name'),
      dataIndex: 'name',
      ...sortable('name'),
      render: (name: string, o) => (
        <>
          <Typography.Text strong>{name}</Typography.Text>
          {o.governingBody && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {o.governingBody}
            </Typography.Paragraph>
          )}
        </>
      ),
    },
    {
      title: t('pressOutlets.field.kind'),
      dataIndex: 'kind',
      ...sortable('kind'),
      render: (kind: TOutletKind) => OUTLET_KIND_LABELS[kind][locale],
    },
    {
      title: t('pressOutlets.field.area'),
      ...sortable('area'),
      render: (_: unknown, o) => o.areaName ?? t('pressOutlets.national'),
    },
    {
      title: t('pressOutlets.field.beats'),
      dataIndex: 'beats',
      responsive: ['lg'],
      render: (beats: string[]) => beats.map((b) => <Tag key={b}>{b}</Tag>),
    },
    {
      title: t('pressOutlets.field.contacts'),
      dataIndex: 'contactCount',
      render: (n: number, o) => (
        <Button
          type="link"
          size="small"
          onClick={() => update({ tab: 'contacts', outletId: o.id, q: undefined, sort: undefined })}
        >
          {n}
        </Button>
      ),
    },
    {
      title: t('pressOutlets.filter.active'),
      dataIndex: 'active',
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'}>
          {t(active ? 'pressOutlets.active.true' : 'pressOutlets.active.false')}
        </Tag>
      ),
    },
    {
      title: t('pressOutlets.field.orgUnit'),
      key: 'orgUnit',
      responsive: ['xl'],
      render: (_: unknown, o) => o.orgUnit.name,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, o) => openButton(o.name, o.canEdit, () => setOutlet(o)),
    },
  ];

  const contactColumns: TableColumnsType<TContact> = [
    {
      title: t('pressContacts.field.fullName'),
      dataIndex: 'fullName',
      ...sortable('fullName'),
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('pressContacts.field.role'),
      dataIndex: 'role',
      ...sortable('role'),
      render: (role: TContactRole) => CONTACT_ROLE_LABELS[role][locale],
    },
    { title: t('pressContacts.field.outlet'), key: 'outlet', render: (_: unknown, c) => c.outlet.name },
    {
      title: t('pressContacts.field.phones'),
      dataIndex: 'phones',
      render: (phones: string[]) => phones.map((p) => <div key={p}>{formatVnPhone(p)}</div>),
    },
    {
      title: t('pressContacts.field.emails'),
      dataIndex: 'emails',
      responsive: ['lg'],
      render: (emails: string[]) => emails.map((e) => <div key={e}>{e}</div>),
    },
    {
      title: t('pressContacts.field.lastContactOn'),
      dataIndex: 'lastContactOn',
      render: (day: string | null) => formatDate(day),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, c) => openButton(c.fullName, c.canEdit, () => setContact(c)),
    },
  ];

  const list = tab === 'outlets' ? outlets : contacts;
  const pagination = tablePagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (nextPage, nextSize) =>
    update({ page: nextPage, pageSize: nextSize }, true),
  );
  const onSort = (sorter: Parameters<typeof sortParam>[0], action: string) => {
    if (action === 'sort') update({ sort: sortParam(sorter) });
  };
  const emptyText = (key: 'pressOutlets.empty' | 'pressContacts.empty') =>
    list.isError ? errorText(list.error, t) : t(key);

  return (
    <>
      <PageHeader
        title={t('pressOutlets.title')}
        subtitle={t('pressOutlets.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canWrite && (
              <>
                <Button icon={<FileExcelOutlined />} loading={template.running} onClick={() => void template.run()}>
                  {t('pressOutlets.template')}
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
                  data-testid="press-create"
                  onClick={() => (tab === 'outlets' ? setOutlet('new') : setContact('new'))}
                >
                  {t(tab === 'outlets' ? 'pressOutlets.create' : 'pressContacts.create')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          update({
            tab: key === 'contacts' ? 'contacts' : undefined,
            q: undefined,
            sort: undefined,
            kind: undefined,
            active: undefined,
            role: undefined,
            outletId: undefined,
          })
        }
        items={[
          { key: 'outlets', label: t('pressOutlets.tab.outlets') },
          { key: 'contacts', label: t('pressOutlets.tab.contacts') },
        ]}
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          key={tab}
          allowClear
          aria-label={t(tab === 'outlets' ? 'pressOutlets.searchLabel' : 'pressContacts.searchLabel')}
          placeholder={t(tab === 'outlets' ? 'pressOutlets.searchPlaceholder' : 'pressContacts.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 340 }}
        />
        {tab === 'outlets' ? (
          <>
            <Select
              allowClear
              aria-label={t('pressOutlets.filter.kind')}
              placeholder={t('pressOutlets.filter.kind')}
              value={outletFilters.kind}
              onChange={(value?: TOutletKind) => update({ kind: value })}
              options={OUTLET_KINDS.map((k) => ({ value: k, label: OUTLET_KIND_LABELS[k][locale] }))}
              style={{ width: 200 }}
            />
            <Select
              allowClear
              aria-label={t('pressOutlets.filter.active')}
              placeholder={t('pressOutlets.filter.active')}
              value={outletFilters.active}
              onChange={(value?: 'true' | 'false') => update({ active: value })}
              options={[
                { value: 'true', label: t('pressOutlets.active.true') },
                { value: 'false', label: t('pressOutlets.active.false') },
              ]}
              style={{ width: 180 }}
            />
          </>
        ) : (
          <>
            <Select
              allowClear
              aria-label={t('pressContacts.filter.role')}
              placeholder={t('pressContacts.filter.role')}
              value={contactFilters.role}
              onChange={(value?: TContactRole) => update({ role: value })}
              options={CONTACT_ROLES.map((r) => ({ value: r, label: CONTACT_ROLE_LABELS[r][locale] }))}
              style={{ width: 200 }}
            />
            {contactFilters.outletId && (
              <Tag closable onClose={() => update({ outletId: undefined })}>
                {contacts.data?.items[0]?.outlet.name ?? t('pressContacts.field.outlet')}
              </Tag>
            )}
          </>
        )}
      </Flex>
      {tab === 'outlets' ? (
        <Table<TOutlet>
          rowKey="id"
          aria-label={t('pressOutlets.tableLabel')}
          columns={outletColumns}
          dataSource={outlets.data?.items ?? []}
          loading={outlets.isFetching}
          locale={{ emptyText: emptyText('pressOutlets.empty') }}
          pagination={pagination}
          onChange={(_p, _f, sorter, extra) => onSort(sorter, extra.action)}
          scroll={{ x: 900 }}
        />
      ) : (
        <Table<TContact>
          rowKey="id"
          aria-label={t('pressContacts.tableLabel')}
          columns={contactColumns}
          dataSource={contacts.data?.items ?? []}
          loading={contacts.isFetching}
          locale={{ emptyText: emptyText('pressContacts.empty') }}
          pagination={pagination}
          onChange={(_p, _f, sorter, extra) => onSort(sorter, extra.action)}
          scroll={{ x: 900 }}
        />
      )}
      {outlet !== null && (
        <OutletFormDrawer outlet={outlet === 'new' ? null : outlet} onClose={() => setOutlet(null)} />
      )}
      {contact !== null && (
        <ContactDrawer
          contact={contact === 'new' ? null : contact}
          outletId={contactFilters.outletId}
          onClose={() => setContact(null)}
        />
      )}
      {importFile && tab === 'outlets' && (
        <ExcelImportModal
          key={`${importFile.name}-${importFile.lastModified}`}
          file={importFile}
          onClose={() => setImportFile(null)}
          run={importOutlets}
          queryKey={pressKeys.all}
          prefix="pressOutlets.import"
          fieldLabel={headerOf(OUTLET_SHEET_HEADERS)}
          intro={
            <Typography.Paragraph type="secondary">
              {t('pressOutlets.import.columns', { columns: Object.values(OUTLET_SHEET_HEADERS).join(', ') })}
            </Typography.Paragraph>
          }
        />
      )}
      {importFile && tab === 'contacts' && (
        <ExcelImportModal
          key={`${importFile.name}-${importFile.lastModified}`}
          file={importFile}
          onClose={() => setImportFile(null)}
          run={importContacts}
          queryKey={pressKeys.all}
          prefix="pressContacts.import"
          fieldLabel={headerOf(CONTACT_SHEET_HEADERS)}
          intro={
            <Typography.Paragraph type="secondary">
              {t('pressContacts.import.columns', { columns: Object.values(CONTACT_SHEET_HEADERS).join(', ') })}
            </Typography.Paragraph>
          }
        />
      )}
    </>
  );
}
