import { useQuery } from '@tanstack/react-query';
import { List, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PressStatusTag } from '../press-requests/press-status-tag';
import { listPressRequests, pressKeys as requestKeys } from '../press-requests/press-requests.api';

const requestsOf = (filter: { outletId: string } | { contactId: string }) =>
  `/press/requests?${new URLSearchParams(filter).toString()}`;

/** The press requests a journalist made (those the caller may see), newest first, each linking to its page. */
export function ContactPressRequests(props: { contactId: string }) {
  const { t } = useI18n();
  const filters = { contactId: props.contactId };
  const requests = useQuery({
    queryKey: requestKeys.list(filters, 1, 20),
    queryFn: () => listPressRequests(filters, 1, 20),
  });
  if (requests.isPending) return <Spin size="small" />;
  if (requests.isError) return <Typography.Text type="danger">{errorText(requests.error, t)}</Typography.Text>;
  const { items, total } = requests.data;
  return (
    <>
      <List
        size="small"
        locale={{ emptyText: t('pressContacts.requests.empty') }}
        dataSource={items}
        renderItem={(item) => (
          <List.Item key={item.id} extra={<PressStatusTag item={item} />}>
            <List.Item.Meta
              title={<Link to={`/press/requests/${item.id}`}>{item.topic}</Link>}
              description={formatDateTime(item.receivedAt)}
            />
          </List.Item>
        )}
        data-testid="contact-press-requests"
      />
      {total > items.length && (
        <Link to={requestsOf(filters)}>{t('pressContacts.requests.all', { count: total })}</Link>
      )}
    </>
  );
}

/** How many press requests came from an outlet (those the caller may see), linking to the filtered list. */
export function OutletPressRequestCount(props: { outletId: string }) {
  const { t } = useI18n();
  const filters = { outletId: props.outletId };
  const requests = useQuery({
    queryKey: requestKeys.list(filters, 1, 1),
    queryFn: () => listPressRequests(filters, 1, 1),
  });
  if (requests.isPending) return <Spin size="small" />;
  if (requests.isError) return <Typography.Text type="danger">{errorText(requests.error, t)}</Typography.Text>;
  return (
    <Link to={requestsOf(filters)} data-testid="outlet-press-requests">
      {t('pressOutlets.requests.count', { count: requests.data.total })}
    </Link>
  );
}
