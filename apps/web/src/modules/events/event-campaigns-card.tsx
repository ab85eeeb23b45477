import { useQuery } from '@tanstack/react-query';
import { Alert, Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { CampaignStatusTag } from '../campaigns/campaign-labels';
import { campaignKeys, listCampaigns } from '../campaigns/campaigns.api';

/** The campaigns the event is linked to (those the reader sees), read-only, each leading to its page. */
export function EventCampaignsCard({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const filters = { eventId, sort: 'name' };
  const campaigns = useQuery({
    queryKey: campaignKeys.list(filters, 1, 100),
    queryFn: () => listCampaigns(filters, 1, 100),
  });
  return (
    <Card size="small" title={t('events.campaigns.title')} data-testid="event-campaigns">
      {campaigns.isError ? (
        <Alert type="error" showIcon title={errorText(campaigns.error, t)} />
      ) : (
        <List
          size="small"
          aria-label={t('events.campaigns.label')}
          loading={campaigns.isLoading}
          dataSource={campaigns.data?.items ?? []}
          locale={{ emptyText: t('events.campaigns.empty') }}
          renderItem={(c) => (
            <List.Item key={c.id} extra={<CampaignStatusTag status={c.status} />}>
              <Link to={`/campaigns/${c.id}`}>{c.name}</Link>{' '}
              <Typography.Text type="secondary">
                {formatDate(c.startsOn)} – {formatDate(c.endsOn)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
