import { ExportOutlined, WarningOutlined } from '@ant-design/icons';
import type { TIncident, TIncidentTimelineEntry } from '@loa/contracts';
import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDateTime } from '../../shared/format';
import {
  assignment,
  changeText,
  chronological,
  deadlineChange,
  escalatedDeadline,
  fromMatching,
  linkedArticleId,
  timelineLabel,
} from './incident-values';

function color(entry: TIncidentTimelineEntry): string {
  if (entry.kind === 'escalated') return 'red';
  if (entry.kind === 'correction_published' || entry.kind === 'closed') return 'green';
  return entry.system ? 'gray' : 'blue';
}

/** What happened, oldest first: officers' actions and the system's events, who and when; escalations stand out. */
export function IncidentTimeline({ incident }: { incident: TIncident }) {
  const { t } = useI18n();
  const entries = chronological(incident.timeline);
  return (
    <Card size="small" title={t('incidents.timeline.title')} data-testid="incident-timeline">
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.timeline.empty')} />
      ) : (
        <Timeline
          items={entries.map((entry) => ({
            key: entry.id,
            color: color(entry),
            ...(entry.kind === 'escalated' ? { icon: <WarningOutlined style={{ color: '#f5222d' }} /> } : {}),
            content: <TimelineEntry incident={incident} entry={entry} />,
          }))}
        />
      )}
    </Card>
  );
}

function TimelineEntry({ incident, entry }: { incident: TIncident; entry: TIncidentTimelineEntry }) {
  const { t, locale } = useI18n();
  const escalated = entry.kind === 'escalated';
  const change = changeText(entry, locale);
  const deadline = escalated ? escalatedDeadline(entry) : null;
  const moved = deadlineChange(entry);
  const units = assignment(entry);
  const articleId = entry.kind === 'item_linked' || entry.kind === 'item_unlinked' ? linkedArticleId(entry) : null;
  const article = articleId ? incident.items.find((item) => item.articleId === articleId) : undefined;

  return (
    <Flex
      vertical
      gap={2}
      data-testid="timeline-entry"
      style={
        escalated
          ? { background: '#fff1f0', border: '1px solid #ffccc7', borderRadius: 6, padding: '4px 8px' }
          : undefined
      }
    >
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong type={escalated ? 'danger' : undefined}>
          {timelineLabel(entry, locale)}
        </Typography.Text>
        {!entry.system && <Tag>{t('incidents.timeline.action')}</Tag>}
        {change && <Typography.Text>{change}</Typography.Text>}
        {deadline && <Typography.Text type="danger">({t(`incidents.deadline.${deadline}`)})</Typography.Text>}
      </Flex>
      {article && <Typography.Text>{article.title}</Typography.Text>}
      {entry.kind === 'item_linked' && fromMatching(entry) && (
        <Typography.Text type="secondary">{t('incidents.items.addedBy.matching')}</Typography.Text>
      )}
      {moved && (
        <Typography.Text>
          {t(`incidents.deadline.${moved.deadline}`)}: {moved.from ? `${formatDateTime(moved.from)} → ` : ''}
          {formatDateTime(moved.to)}
        </Typography.Text>
      )}
      {units?.owner && (
        <Typography.Text>
          {t('incidents.field.owningUnit')}: {units.owner.from} → {units.owner.to}
        </Typography.Text>
      )}
      {units && units.added.length > 0 && (
        <Typography.Text>{t('incidents.timeline.supportAdded', { names: units.added.join(', ') })}</Typography.Text>
      )}
      {units && units.removed.length > 0 && (
        <Typography.Text>{t('incidents.timeline.supportRemoved', { names: units.removed.join(', ') })}</Typography.Text>
      )}
      {entry.text && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{entry.text}</Typography.Paragraph>
      )}
      {entry.publication && (
        <Typography.Text>
          {t('incidents.timeline.publication')}: {entry.publication.title}
        </Typography.Text>
      )}
      {entry.url && (
        <Typography.Link href={entry.url} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
          <ExportOutlined aria-hidden /> {entry.url}
        </Typography.Link>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {formatDateTime(entry.at)} · {entry.by ?? t('incidents.timeline.system')}
      </Typography.Text>
    </Flex>
  );
}
