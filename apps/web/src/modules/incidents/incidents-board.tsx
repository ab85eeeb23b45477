import { FileTextOutlined } from '@ant-design/icons';
import { INCIDENT_STATUSES, INCIDENT_STATUS_LABELS, type TIncidentStatus, type TIncidentSummary } from '@loa/contracts';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Empty, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { incidentKeys, listIncidents } from './incidents.api';
import { DueText, SEVERITY_EDGES, SeverityTag } from './incident-tags';
import { sortForBoard, type IncidentFilters } from './incident-values';

/** How many cards a column shows; the rest are in the list view. */
const COLUMN_LIMIT = 50;

interface Props {
  filters: IncidentFilters;
  /** Opens the list view on one status (when a column has more cards than it shows). */
  onShowAll: (status: TIncidentStatus) => void;
}

/** The incident board: one column per status, cards coloured by severity, the worst and most urgent first. */
export function IncidentsBoard({ filters, onShowAll }: Props) {
  const { t, locale } = useI18n();
  const statuses = filters.status.length > 0 ? filters.status : INCIDENT_STATUSES;
  const columns = useQueries({
    queries: statuses.map((status) => {
      const columnFilters: IncidentFilters = { ...filters, status: [status], sort: '-severity' };
      return {
        queryKey: incidentKeys.board(columnFilters, status),
        queryFn: () => listIncidents(columnFilters, 1, COLUMN_LIMIT),
        placeholderData: keepPreviousData,
      };
    }),
  });

  return (
    // The board scrolls sideways on narrow screens: focusable so that keyboard users can scroll it too.
    <Flex
      gap={12}
      align="flex-start"
      style={{ overflowX: 'auto', paddingBottom: 8 }}
      data-testid="incident-board"
      role="region"
      aria-label={t('incidents.board.label')}
      tabIndex={0}
    >
      {statuses.map((status, index) => {
        const column = columns[index];
        const page = column?.data;
        const headingId = `incident-column-${status}`;
        return (
          <section
            key={status}
            aria-labelledby={headingId}
            aria-busy={column?.isFetching ?? false}
            style={{ flex: '1 1 0', minWidth: 200, maxWidth: 360, background: '#fafafa', borderRadius: 8, padding: 8 }}
          >
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <Typography.Title level={2} id={headingId} style={{ fontSize: 15, margin: 0 }}>
                {INCIDENT_STATUS_LABELS[status][locale]}
              </Typography.Title>
              <Badge
                count={page?.total ?? 0}
                showZero
                color="#8c8c8c"
                aria-label={t('incidents.board.count', { count: page?.total ?? 0 })}
              />
            </Flex>
            {column?.isPending && <Spin />}
            {column?.isError && <Alert type="error" showIcon title={errorText(column.error, t)} />}
            {page && page.items.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.board.empty')} />
            )}
            <Flex vertical gap={8} role="list">
              {page && sortForBoard(page.items).map((incident) => <BoardCard key={incident.id} incident={incident} />)}
            </Flex>
            {page && page.total > page.items.length && (
              <Button type="link" onClick={() => onShowAll(status)} style={{ paddingInline: 0 }}>
                {t('incidents.board.showAll', { count: page.total })}
              </Button>
            )}
          </section>
        );
      })}
    </Flex>
  );
}

function BoardCard({ incident }: { incident: TIncidentSummary }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      role="listitem"
      data-testid="incident-card"
      style={{ borderInlineStart: `4px solid ${SEVERITY_EDGES[incident.severity]}` }}
    >
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="center" gap={4}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {incident.code}
          </Typography.Text>
          <SeverityTag severity={incident.severity} />
        </Flex>
        <Link to={`/incidents/${encodeURIComponent(incident.id)}`} style={{ fontWeight: 600 }}>
          {incident.title}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {incident.owningUnit.name}
        </Typography.Text>
        <Flex justify="space-between" align="center" gap={4} wrap>
          <Typography.Text style={{ fontSize: 13 }}>
            <FileTextOutlined aria-hidden /> {t('incidents.itemCount', { count: incident.itemCount })}
          </Typography.Text>
          {incident.status !== 'closed' && <DueText dueAt={incident.nextDueAt} overdue={incident.overdue} />}
        </Flex>
      </Flex>
    </Card>
  );
}
