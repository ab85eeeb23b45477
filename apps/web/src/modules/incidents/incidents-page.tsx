import {
  AppstoreOutlined,
  DownloadOutlined,
  PlusOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { WORKING_ROLES } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Segmented } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { PageHeader } from '../../shared/ui/page-header';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { IncidentCreateDrawer } from './incident-create-drawer';
import { createSourceFromParams, filtersFromParams } from './incident-values';
import { exportIncidents, incidentKeys, listIncidents } from './incidents.api';
import { IncidentsBoard } from './incidents-board';
import { IncidentsFilters } from './incidents-filters';
import { IncidentsTable } from './incidents-table';

type View = 'board' | 'list';

/** Sự cố truyền thông: the board by status and severity, or the list; cases are opened from here. */
export function IncidentsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const filters = filtersFromParams(params);
  const view: View = params.get('view') === 'list' ? 'list' : 'board';
  const source = createSourceFromParams(params);
  const canOpen = hasAnyRole(user, WORKING_ROLES);
  const isAdmin = hasAnyRole(user, ['admin']);

  const list = useQuery({
    queryKey: incidentKeys.list(filters, page, pageSize),
    queryFn: () => listIncidents(filters, page, pageSize),
    placeholderData: keepPreviousData,
    enabled: view === 'list',
  });
  const exportList = useDownload(() => exportIncidents(filters));
  const closeCreate = () => update({ create: undefined, alertId: undefined, articleIds: undefined }, true);

  return (
    <>
      <PageHeader
        title={t('incidents.title')}
        subtitle={t('incidents.subtitle')}
        actions={
          <>
            <Segmented<View>
              aria-label={t('incidents.view.label')}
              value={view}
              onChange={(next) => update({ view: next === 'list' ? 'list' : undefined }, true)}
              options={[
                { value: 'board', label: t('incidents.view.board'), icon: <AppstoreOutlined aria-hidden /> },
                { value: 'list', label: t('incidents.view.list'), icon: <UnorderedListOutlined aria-hidden /> },
              ]}
            />
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {isAdmin && (
              <Button icon={<SettingOutlined />} onClick={() => void navigate('/incidents/settings')}>
                {t('incidents.settings.open')}
              </Button>
            )}
            {canOpen && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="incident-open"
                onClick={() => update({ create: '1', alertId: undefined, articleIds: undefined }, true)}
              >
                {t('incidents.open')}
              </Button>
            )}
          </>
        }
      />
      <IncidentsFilters filters={filters} onChange={(changes) => update(changes)} onTyped={updateLater} />
      {view === 'board' ? (
        <IncidentsBoard filters={filters} onShowAll={(status) => update({ view: 'list', status })} />
      ) : (
        <IncidentsTable
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          emptyText={list.isError ? errorText(list.error, t) : t('incidents.empty')}
          sort={filters.sort}
          page={page}
          pageSize={pageSize}
          onSortChange={(sort) => update({ sort })}
          onPageChange={(nextPage, nextSize) => update({ page: nextPage, pageSize: nextSize }, true)}
        />
      )}
      {source.open && canOpen && (
        <IncidentCreateDrawer
          key={`${source.alertId ?? ''}:${source.articleIds.join(',')}`}
          alertId={source.alertId}
          articleIds={source.articleIds}
          onClose={closeCreate}
          onCreated={(incident) => void navigate(`/incidents/${encodeURIComponent(incident.id)}`)}
        />
      )}
    </>
  );
}
