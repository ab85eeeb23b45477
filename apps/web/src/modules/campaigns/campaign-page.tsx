import { ArrowLeftOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, LinkOutlined } from '@ant-design/icons';
import {
  CAMPAIGN_LINK_TYPE_LABELS,
  EVENT_STATUS_LABELS,
  type TCampaignDetail,
  type TCampaignLinkedItem,
  type TCampaignStatus,
  type TEventStatus,
  type TLocale,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Popconfirm,
  Row,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { useDownload } from '../../shared/use-download';
import { CampaignFormDrawer } from './campaign-form-drawer';
import { CampaignStatusTag } from './campaign-labels';
import { CampaignLinkModal } from './campaign-link-modal';
import { CampaignProgressCard } from './campaign-progress-card';
import { campaignKeys, changeCampaignStatus, exportProgress, getCampaign, unlinkItem } from './campaigns.api';

const NEXT: Record<TCampaignStatus, { to: TCampaignStatus; label: 'active' | 'closed' | 'reopen' }> = {
  draft: { to: 'active', label: 'active' },
  active: { to: 'closed', label: 'closed' },
  closed: { to: 'active', label: 'reopen' },
};
const TYPE_COLORS = { product: 'purple', publication: 'geekblue', calendar_item: 'gold', event: 'green' } as const;
const ITEM_PAGES: Partial<Record<TCampaignLinkedItem['type'], string>> = { product: '/products', event: '/events' };

const itemTitle = (item: TCampaignLinkedItem) => {
  const page = ITEM_PAGES[item.type];
  return page ? <Link to={`${page}/${item.id}`}>{item.title}</Link> : item.title;
};
/** An event's status, since only held and reported events count towards the campaign. */
const eventStatus = (item: TCampaignLinkedItem, locale: TLocale) =>
  item.type === 'event' && item.status && item.status in EVENT_STATUS_LABELS ? (
    <Typography.Text type="secondary"> ({EVENT_STATUS_LABELS[item.status as TEventStatus][locale]})</Typography.Text>
  ) : null;

/** One campaign: its goals and live progress, participating units, timeline and linked items. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const campaign = useQuery({ queryKey: campaignKeys.detail(id), queryFn: () => getCampaign(id) });
  const progressExport = useDownload(() => exportProgress(id));
  const refresh = () => queryClient.invalidateQueries({ queryKey: campaignKeys.all });

  const status = useMutation({
    mutationFn: (c: TCampaignDetail) => changeCampaignStatus(c.id, { status: NEXT[c.status].to, version: c.version }),
    onSuccess: async () => {
      message.success(t('campaigns.statusChanged'));
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  const unlink = useMutation({
    mutationFn: (item: TCampaignLinkedItem) => unlinkItem(id, item.type, item.id),
    onSuccess: async () => {
      message.success(t('campaigns.unlinked'));
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  if (campaign.isLoading) return <Spin />;
  if (!campaign.data) return <Alert type="error" showIcon title={errorText(campaign.error, t)} />;
  const c = campaign.data;
  const typeTag = (item: TCampaignLinkedItem) => (
    <Tag color={TYPE_COLORS[item.type]}>{CAMPAIGN_LINK_TYPE_LABELS[item.type][locale]}</Tag>
  );

  const columns: TableColumnsType<TCampaignLinkedItem> = [
    { title: t('campaigns.linkType'), key: 'type', render: (_: unknown, item) => typeTag(item) },
    {
      title: t('campaigns.field.name'),
      key: 'title',
      render: (_: unknown, item) => (
        <>
          {itemTitle(item)}
          {eventStatus(item, locale)}
        </>
      ),
    },
    {
      title: t('campaigns.filter.unit'),
      key: 'unit',
      responsive: ['md'],
      render: (_: unknown, item) => item.unit.name,
    },
    {
      title: t('campaigns.field.period'),
      key: 'date',
      render: (_: unknown, item) => (item.date ? formatDate(item.date) : t('campaigns.noDate')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, item) =>
        item.canUnlink && (
          <Popconfirm
            title={t('campaigns.unlinkConfirm', { title: item.title })}
            okText={t('campaigns.unlink')}
            cancelText={t('common.cancel')}
            onConfirm={() => unlink.mutate(item)}
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t('campaigns.unlink')} ${item.title}`}
              data-testid="campaign-unlink"
            />
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <Link to="/campaigns">
        <ArrowLeftOutlined /> {t('campaigns.back')}
      </Link>
      <PageHeader
        title={c.name}
        subtitle={<CampaignStatusTag status={c.status} />}
        actions={
          <>
            {c.can.edit && c.status !== 'closed' && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="campaign-edit">
                {t('common.edit')}
              </Button>
            )}
            {c.can.edit && (
              <Button
                type={c.status === 'draft' ? 'primary' : 'default'}
                loading={status.isPending}
                onClick={() => status.mutate(c)}
                data-testid="campaign-status"
              >
                {t(`campaigns.action.${NEXT[c.status].label}`)}
              </Button>
            )}
          </>
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('campaigns.field.period')}>
          {formatDate(c.startsOn)} – {formatDate(c.endsOn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.field.ownerUnit')}>{c.ownerUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.field.participatingUnits')}>
          {c.participatingUnits.map((u) => u.name).join(', ') || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.field.channels')}>
          {c.channelCodes.join(', ') || t('common.none')}
        </Descriptions.Item>
        {c.description && (
          <Descriptions.Item label={t('campaigns.field.description')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.description}</Typography.Paragraph>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <CampaignProgressCard
            progress={c.progress}
            extra={
              <Button
                size="small"
                icon={<DownloadOutlined />}
                loading={progressExport.running}
                onClick={() => void progressExport.run()}
              >
                {t('campaigns.progressExport')}
              </Button>
            }
          />
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('campaigns.timelineTitle')} data-testid="campaign-timeline">
            {c.timeline.length === 0 ? (
              <Empty description={t('campaigns.timelineEmpty')} />
            ) : (
              <Timeline
                items={c.timeline.map((item) => ({
                  key: `${item.type}:${item.id}`,
                  content: (
                    <>
                      <Typography.Text type="secondary">{formatDate(item.date)}</Typography.Text> {typeTag(item)}
                      <div>{itemTitle(item)}</div>
                      <Typography.Text type="secondary">{item.unit.name}</Typography.Text>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card
            size="small"
            title={t('campaigns.linksTitle')}
            extra={
              c.can.link && (
                <Button icon={<LinkOutlined />} onClick={() => setLinking(true)} data-testid="campaign-link">
                  {t('campaigns.link')}
                </Button>
              )
            }
          >
            <Table<TCampaignLinkedItem>
              rowKey={(item) => `${item.type}:${item.id}`}
              aria-label={t('campaigns.linksLabel')}
              data-testid="campaign-links"
              columns={columns}
              dataSource={c.links}
              pagination={false}
              locale={{ emptyText: t('campaigns.linksEmpty') }}
              scroll={{ x: 700 }}
            />
          </Card>
        </Col>
      </Row>
      {editing && (
        <CampaignFormDrawer campaign={c} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {linking && <CampaignLinkModal campaignId={c.id} onClose={() => setLinking(false)} />}
    </>
  );
}
