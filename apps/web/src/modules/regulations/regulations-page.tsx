import { DownloadOutlined, FileAddOutlined, OrderedListOutlined } from '@ant-design/icons';
import { REGULATION_KINDS, type TRegulationKind } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { errorText } from '../../shared/errors';
import { PageHeader } from '../../shared/ui/page-header';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { DraftingUnitSelect } from './drafting-unit-select';
import { RegulationDetailDrawer } from './regulation-detail-drawer';
import { RegulationFormDrawer } from './regulation-form-drawer';
import { exportRegulations, listRegulations, regulationKeys, type RegulationFilters } from './regulations.api';
import { RegulationsTable } from './regulations-table';
import { TemplateEditorModal } from './template-editor-modal';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const dateParam = (value: string | null) => (value && DATE.test(value) ? value : undefined);

/** Văn bản: the registry of legal and guidance documents, with each one's "before, during, after" tasks. */
export function RegulationsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [tag, setTag] = useState(params.get('tag') ?? '');
  const [creating, setCreating] = useState(false);
  const [editingTemplate, setEditingTemplate] = useState(false);
  const canRegister = hasAnyRole(user, ['admin', 'comms_center', 'unit_officer', 'province_officer']);
  const canEditTemplate = hasAnyRole(user, ['admin', 'comms_center']);

  const filters: RegulationFilters = {
    q: params.get('q') ?? undefined,
    kind: pick<TRegulationKind>(params.get('kind'), REGULATION_KINDS),
    draftingUnitId: params.get('draftingUnitId') ?? undefined,
    issuedFrom: dateParam(params.get('issuedFrom')),
    issuedTo: dateParam(params.get('issuedTo')),
    needsCommunication: pick(params.get('needsCommunication'), ['true', 'false'] as const),
    tag: params.get('tag') ?? undefined,
    sort: params.get('sort') ?? undefined,
  };
  const openId = params.get('id');

  // Search as the user types, once typing pauses; the URL keeps the filters so the page can be shared.
  const typed = (key: 'q' | 'tag', text: string) => {
    (key === 'q' ? setSearch : setTag)(text);
    updateLater({ [key]: text.trim() });
  };

  const regulations = useQuery({
    queryKey: regulationKeys.list(filters, page, pageSize),
    queryFn: () => listRegulations(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const exportList = useDownload(() => exportRegulations(filters));

  return (
    <>
      <PageHeader
        title={t('regulations.title')}
        subtitle={t('regulations.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            <Button icon={<OrderedListOutlined />} onClick={() => setEditingTemplate(true)}>
              {t('template.button')}
            </Button>
            {canRegister && (
              <Button
                type="primary"
                icon={<FileAddOutlined />}
                data-testid="create-regulation"
                onClick={() => setCreating(true)}
              >
                {t('regulations.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('regulations.searchLabel')}
          placeholder={t('regulations.searchPlaceholder')}
          value={search}
          onChange={(event) => typed('q', event.target.value)}
          style={{ width: 340 }}
        />
        <DraftingUnitSelect
          aria-label={t('regulations.filter.draftingUnit')}
          placeholder={t('regulations.filter.draftingUnit')}
          value={filters.draftingUnitId}
          onChange={(value) => update({ draftingUnitId: value })}
          style={{ width: 260 }}
        />
        <DatePicker.RangePicker
          aria-label={t('regulations.filter.issuedPeriod')}
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          value={[
            filters.issuedFrom ? dayjs(filters.issuedFrom) : null,
            filters.issuedTo ? dayjs(filters.issuedTo) : null,
          ]}
          onChange={(range) =>
            update({ issuedFrom: range?.[0]?.format('YYYY-MM-DD'), issuedTo: range?.[1]?.format('YYYY-MM-DD') })
          }
          placeholder={[t('regulations.filter.from'), t('regulations.filter.to')]}
        />
        <Select<'true' | 'false'>
          allowClear
          aria-label={t('regulations.filter.needsCommunication')}
          placeholder={t('regulations.filter.needsCommunication')}
          value={filters.needsCommunication}
          onChange={(value) => update({ needsCommunication: value })}
          options={[
            { value: 'true', label: t('regulations.yes') },
            { value: 'false', label: t('regulations.no') },
          ]}
          style={{ width: 180 }}
        />
        <Input
          allowClear
          aria-label={t('regulations.filter.tag')}
          placeholder={t('regulations.filter.tag')}
          value={tag}
          onChange={(event) => typed('tag', event.target.value)}
          style={{ width: 160 }}
        />
      </Flex>
      <RegulationsTable
        items={regulations.data?.items ?? []}
        total={regulations.data?.total ?? 0}
        loading={regulations.isFetching}
        emptyText={regulations.isError ? errorText(regulations.error, t) : t('regulations.empty')}
        filters={filters}
        page={page}
        pageSize={pageSize}
        onFiltersChange={(changes) => update(changes)}
        onPageChange={(nextPage, nextSize) => update({ page: nextPage, pageSize: nextSize }, true)}
        onOpen={(regulation) => update({ id: regulation.id }, true)}
      />
      {openId && (
        <RegulationDetailDrawer
          key={openId}
          id={openId}
          onClose={() => update({ id: undefined }, true)}
          onOpen={(id) => update({ id }, true)}
        />
      )}
      {creating && (
        <RegulationFormDrawer
          regulation={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            update({ id: saved.id }, true);
          }}
        />
      )}
      {editingTemplate && <TemplateEditorModal canEdit={canEditTemplate} onClose={() => setEditingTemplate(false)} />}
    </>
  );
}
