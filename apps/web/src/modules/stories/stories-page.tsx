import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { CONSENT_STATUSES, STORY_KINDS, STORY_STATUSES, WORKING_ROLES } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { PageHeader } from '../../shared/ui/page-header';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { exportStories, listStories, storyKeys, type StoryFilters } from './stories.api';
import { StoriesTable } from './stories-table';
import { StoryDetailDrawer } from './story-detail-drawer';
import { StoryFormDrawer } from './story-form-drawer';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const dateParam = (value: string | null) => (value && DATE.test(value) ? value : undefined);

/** Câu chuyện, sáng kiến: the library of good people, good deeds and initiatives (§II.1.g of 1191/BHXH-TT). */
export function StoriesPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [theme, setTheme] = useState(params.get('theme') ?? '');
  const [creating, setCreating] = useState(false);
  const canWrite = hasAnyRole(user, WORKING_ROLES);

  const filters: StoryFilters = {
    q: params.get('q') ?? undefined,
    kind: pick(params.get('kind'), STORY_KINDS),
    status: pick(params.get('status'), STORY_STATUSES),
    consent: pick(params.get('consent'), CONSENT_STATUSES),
    unitId: params.get('unitId') ?? undefined,
    theme: params.get('theme') ?? undefined,
    occurredFrom: dateParam(params.get('occurredFrom')),
    occurredTo: dateParam(params.get('occurredTo')),
    sort: params.get('sort') ?? undefined,
  };
  const openId = params.get('id');

  // Search as the user types, once typing pauses; the URL keeps the filters so the page can be shared.
  const typed = (key: 'q' | 'theme', text: string) => {
    (key === 'q' ? setSearch : setTheme)(text);
    updateLater({ [key]: text.trim() });
  };

  const stories = useQuery({
    queryKey: storyKeys.list(filters, page, pageSize),
    queryFn: () => listStories(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const exportList = useDownload(() => exportStories(filters));

  return (
    <>
      <PageHeader
        title={t('stories.title')}
        subtitle={t('stories.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="create-story"
                onClick={() => setCreating(true)}
              >
                {t('stories.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('stories.searchLabel')}
          placeholder={t('stories.searchPlaceholder')}
          value={search}
          onChange={(event) => typed('q', event.target.value)}
          style={{ width: 360 }}
        />
        <OrgUnitTreeSelect
          allowClear
          aria-label={t('stories.filter.unit')}
          placeholder={t('stories.filter.unit')}
          value={filters.unitId}
          onChange={(value) => update({ unitId: value })}
          style={{ width: 260 }}
        />
        <DatePicker.RangePicker
          aria-label={t('stories.filter.period')}
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          value={[
            filters.occurredFrom ? dayjs(filters.occurredFrom) : null,
            filters.occurredTo ? dayjs(filters.occurredTo) : null,
          ]}
          onChange={(range) =>
            update({ occurredFrom: range?.[0]?.format('YYYY-MM-DD'), occurredTo: range?.[1]?.format('YYYY-MM-DD') })
          }
          placeholder={[t('stories.filter.from'), t('stories.filter.to')]}
        />
        <Input
          allowClear
          aria-label={t('stories.filter.theme')}
          placeholder={t('stories.filter.theme')}
          value={theme}
          onChange={(event) => typed('theme', event.target.value)}
          style={{ width: 200 }}
        />
      </Flex>
      <StoriesTable
        items={stories.data?.items ?? []}
        total={stories.data?.total ?? 0}
        loading={stories.isFetching}
        emptyText={stories.isError ? errorText(stories.error, t) : t('stories.empty')}
        filters={filters}
        page={page}
        pageSize={pageSize}
        onFiltersChange={(changes) => update(changes)}
        onPageChange={(nextPage, nextSize) => update({ page: nextPage, pageSize: nextSize }, true)}
        onOpen={(story) => update({ id: story.id }, true)}
      />
      {openId && <StoryDetailDrawer key={openId} id={openId} onClose={() => update({ id: undefined }, true)} />}
      {creating && (
        <StoryFormDrawer
          story={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            update({ id: saved.id }, true);
          }}
        />
      )}
    </>
  );
}
