import { DownloadOutlined, FileExcelOutlined, MobileOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { WORKING_ROLES, type TCalendarEntry, type TRole } from '@loa/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { XLSX_CONTENT_TYPE } from '../../shared/excel-import';
import { errorText } from '../../shared/errors';
import { vnCalendarDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { RegulationDetailDrawer } from '../regulations/regulation-detail-drawer';
import { shiftPeriod, type CalendarView } from './calendar-days';
import type { EntryActions } from './calendar-entry-chip';
import { CalendarFeedModal } from './calendar-feed-modal';
import { CalendarFiltersBar } from './calendar-filters';
import { MonthGrid, WeekGrid } from './calendar-grids';
import { CalendarImportModal } from './calendar-import-modal';
import { CalendarItemDrawer } from './calendar-item-drawer';
import { CalendarLegend } from './calendar-labels';
import { useGuidanceYear } from './calendar-pickers';
import { CalendarTable } from './calendar-table';
import { CalendarToolbar, usePeriodTitle } from './calendar-toolbar';
import { calendarQuery, readCalendarUrl } from './calendar-url';
import { calendarKeys, downloadImportTemplate, exportCalendar, listCalendar } from './calendar.api';
import { useCalendarDrag } from './use-calendar-drag';
import { useReschedule } from './use-reschedule';
import './calendar.css';

/** Roles that put items on the calendar (the server checks again, within their scope). */
const PLANNERS: readonly TRole[] = WORKING_ROLES;

/**
 * Lịch biên tập: the editorial calendar by month, week or as a list, with the regulations' "before, during,
 * after" tasks; filters, period and the open item live in the URL. Items are dragged to another day to move them.
 */
export function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const today = vnCalendarDate(new Date());
  const state = readCalendarUrl(params, today);
  const query = calendarQuery(state, { page, pageSize });
  const periodTitle = usePeriodTitle()(state.view, state.date);
  const { year } = useGuidanceYear(state.date);
  const [creating, setCreating] = useState(false);
  const [feedOpen, setFeedOpen] = useState(false);
  const [importFile, setImportFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'export' | 'template' | null>(null);
  const canPlan = hasAnyRole(user, PLANNERS);

  const entries = useQuery({
    queryKey: calendarKeys.list(query),
    queryFn: ({ signal }) => listCalendar(query, signal),
    placeholderData: keepPreviousData,
  });
  const reschedule = useReschedule();
  const drag = useCalendarDrag((item, fromDay, toDay) => void reschedule.move(item, fromDay, toDay));

  const open = (entry: TCalendarEntry) =>
    entry.kind === 'item' ? update({ id: entry.id }, true) : update({ regulation: entry.regulation.id }, true);
  const actions: EntryActions = {
    onOpen: open,
    onDragStart: drag.start,
    onDragEnd: drag.end,
    pendingIds: reschedule.pendingIds,
  };

  const download = async (kind: 'export' | 'template') => {
    setBusy(kind);
    try {
      if (kind === 'export') {
        const { page: _page, pageSize: _size, ...filters } = query;
        await exportCalendar(filters);
      } else await downloadImportTemplate();
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setBusy(null);
    }
  };

  const step = (direction: -1 | 0 | 1) =>
    update({ date: direction === 0 ? undefined : shiftPeriod(state.view, state.date, direction) });
  const gridProps = {
    anchor: state.date,
    today,
    entries: entries.data?.items ?? [],
    periodLabel: t('calendar.gridLabel', { period: periodTitle }),
    actions,
    dropTarget: drag.target,
    overDay: drag.overDay,
  };
  const shown = entries.data?.items.length ?? 0;
  const total = entries.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        actions={
          <>
            <Button icon={<MobileOutlined />} onClick={() => setFeedOpen(true)}>
              {t('calendar.feed.button')}
            </Button>
            {state.view === 'list' && (
              <Button icon={<DownloadOutlined />} loading={busy === 'export'} onClick={() => void download('export')}>
                {t('common.exportExcel')}
              </Button>
            )}
            {canPlan && state.view === 'list' && (
              <>
                <Button
                  icon={<FileExcelOutlined />}
                  loading={busy === 'template'}
                  onClick={() => void download('template')}
                >
                  {t('calendar.export.template')}
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
              </>
            )}
            {canPlan && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="calendar-create"
              >
                {t('calendar.create')}
              </Button>
            )}
          </>
        }
      />
      <CalendarToolbar
        view={state.view}
        title={periodTitle}
        onView={(view: CalendarView) => update({ view: view === 'month' ? undefined : view })}
        onStep={step}
      />
      <CalendarFiltersBar filters={state.filters} year={year} update={update} updateLater={updateLater} />
      {entries.isError && (
        <Alert
          type="error"
          showIcon
          title={t('calendar.loadFailed')}
          description={errorText(entries.error, t)}
          style={{ marginBottom: 12 }}
        />
      )}
      {state.view !== 'list' && total > shown && (
        <Alert type="warning" showIcon title={t('calendar.truncated', { shown, total })} style={{ marginBottom: 12 }} />
      )}
      {state.view === 'month' && <MonthGrid {...gridProps} />}
      {state.view === 'week' && <WeekGrid {...gridProps} />}
      {state.view === 'list' && (
        <CalendarTable
          entries={entries.data?.items ?? []}
          total={total}
          loading={entries.isFetching}
          emptyText={entries.isError ? errorText(entries.error, t) : t('calendar.empty')}
          sort={state.sort}
          page={page}
          pageSize={pageSize}
          onSortChange={(sort) => update({ sort })}
          onPageChange={(nextPage, nextSize) => update({ page: nextPage, pageSize: nextSize }, true)}
          onOpen={open}
        />
      )}
      {state.view !== 'list' && <CalendarLegend />}
      {reschedule.dialog}
      {(creating || state.itemId) && (
        <CalendarItemDrawer
          key={state.itemId ?? 'new'}
          itemId={creating ? null : (state.itemId ?? null)}
          defaultDate={state.date}
          onClose={() => (creating ? setCreating(false) : update({ id: undefined }, true))}
          onOpenRegulation={(id) => update({ regulation: id }, true)}
        />
      )}
      {state.regulationId && (
        <RegulationDetailDrawer
          key={state.regulationId}
          id={state.regulationId}
          onClose={() => {
            update({ regulation: undefined }, true);
            // Its tasks may have been changed or planned there: they are on the calendar too.
            void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
          }}
          onOpen={(id) => update({ regulation: id }, true)}
        />
      )}
      {feedOpen && <CalendarFeedModal onClose={() => setFeedOpen(false)} />}
      {importFile && (
        <CalendarImportModal
          key={`${importFile.name}-${importFile.lastModified}`}
          file={importFile}
          onClose={() => setImportFile(null)}
        />
      )}
    </>
  );
}
