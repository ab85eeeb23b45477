import { ArrowLeftOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import type { TReview, TReviewEntry, TReviewKind } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Popconfirm, Spin, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { AddEntryModal } from './add-entry-modal';
import { APP_BASE, getReview, markReviewRead, reviewKeys } from './press-reviews.api';
import { ReviewBoard } from './review-board';
import { ReviewDeliveries } from './review-deliveries';
import { EntryDrawer, HeaderDrawer } from './review-edit-drawers';
import { DeliverySummary, ReviewStatusTag } from './review-labels';
import { ReviewPreview } from './review-preview';
import { useReviewEditing } from './use-review-editing';

const TABS = ['edit', 'preview', 'deliveries'] as const;
type Tab = (typeof TABS)[number];
/** How often an approved edition's delivery summary is refreshed while copies are still waiting. */
const PENDING_REFRESH_MS = 5000;

export function ReviewEditionPage() {
  return <ReviewPage kind="review" />;
}

export function BulletinEditionPage() {
  return <ReviewPage kind="bulletin" />;
}

type Dialog = { kind: 'header' } | { kind: 'add' } | { kind: 'entry'; entry: TReviewEntry };

/** One edition: the editor (sections and cards, drag and drop), the preview, approval and its deliveries. */
function ReviewPage({ kind }: { kind: TReviewKind }) {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const tab: Tab = TABS.find((value) => value === params.get('tab')) ?? 'edit';
  const setTab = (next: Tab) => setParams(next === 'edit' ? {} : { tab: next }, { replace: true });

  const detail = useQuery({
    queryKey: reviewKeys.detail(kind, id),
    queryFn: () => getReview(kind, id),
    refetchInterval: (query) => ((query.state.data?.delivery.pending ?? 0) > 0 ? PENDING_REFRESH_MS : false),
  });
  const editing = useReviewEditing(kind, id);
  useMarkRead(kind, id, detail.data?.status === 'approved');

  const back = (
    <Link to={APP_BASE[kind]}>
      <ArrowLeftOutlined /> {t(`reviews.back.${kind}`)}
    </Link>
  );
  if (detail.isPending) return <Spin />;
  if (detail.isError) {
    return (
      <>
        {back}
        <Alert type="error" showIcon title={errorText(detail.error, t)} style={{ marginTop: 12 }} />
      </>
    );
  }
  const review = detail.data;
  const editable = review.canEdit && review.status === 'draft';
  const busyEntry = editing.entry.isPending ? editing.entry.variables.entryId : null;

  return (
    <>
      {back}
      <PageHeader
        title={review.title}
        subtitle={<ReviewStatusTag status={review.status} />}
        actions={
          <>
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'header' })}>
                {t('reviews.header.edit')}
              </Button>
            )}
            {editable && (
              <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
                {t('reviews.add.action')}
              </Button>
            )}
            {review.canApprove && review.status === 'draft' && (
              <Popconfirm
                title={t('reviews.approve.confirmTitle')}
                description={<div style={{ maxWidth: 360 }}>{t('reviews.approve.confirmText')}</div>}
                okText={t('reviews.approve.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  editing.approve.mutateAsync().then(
                    () => setTab('deliveries'),
                    () => undefined,
                  )
                }
              >
                <Button type="primary" icon={<SendOutlined />} loading={editing.approve.isPending}>
                  {t('reviews.approve.action')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <ReviewFacts review={review} />
      {review.status === 'approved' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reviews.approvedNotice', {
            at: formatDateTime(review.approvedAt),
            by: review.approvedBy ?? t('common.none'),
          })}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: 'edit',
            label: editable ? t('reviews.tab.edit') : t('reviews.tab.content'),
            children: (
              <>
                <IntroCard review={review} />
                <ReviewBoard
                  entries={review.entries}
                  editable={editable}
                  onOrder={editing.saveOrder}
                  onEdit={(entry) => setDialog({ kind: 'entry', entry })}
                  onExclude={(entry, excluded) => editing.entry.mutate({ entryId: entry.id, changes: { excluded } })}
                  busyId={busyEntry}
                />
              </>
            ),
          },
          { key: 'preview', label: t('reviews.tab.preview'), children: <ReviewPreview review={review} /> },
          { key: 'deliveries', label: t('reviews.tab.deliveries'), children: <ReviewDeliveries review={review} /> },
        ]}
      />
      {dialog?.kind === 'header' && <HeaderDrawer review={review} editing={editing} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'add' && <AddEntryModal review={review} editing={editing} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'entry' && (
        <EntryDrawer entry={dialog.entry} editing={editing} onClose={() => setDialog(null)} />
      )}
    </>
  );
}

function ReviewFacts({ review }: { review: TReview }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'date', label: t('reviews.field.editionDate'), children: formatDate(review.editionDate) },
        { key: 'unit', label: t('reviews.field.unit'), children: review.orgUnit.name },
        {
          key: 'window',
          label: t('reviews.field.window'),
          children: `${formatDateTime(review.windowFrom)} – ${formatDateTime(review.windowTo)}`,
        },
        {
          key: 'entries',
          label: t('reviews.field.entryCount'),
          children: `${review.entryCount}${review.riskCount > 0 ? ` · ${t('reviews.riskCount', { count: review.riskCount })}` : ''}`,
        },
        {
          key: 'delivery',
          label: t('reviews.field.delivery'),
          children: <DeliverySummary summary={review.delivery} />,
        },
        { key: 'updated', label: t('reviews.field.updatedAt'), children: formatDateTime(review.updatedAt) },
      ]}
    />
  );
}

function IntroCard({ review }: { review: TReview }) {
  const { t } = useI18n();
  if (!review.intro) return null;
  return (
    <Card size="small" title={t('reviews.field.intro')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{review.intro}</Typography.Paragraph>
    </Card>
  );
}

/** An approved edition opened by a recipient counts as read: the server notes it once, for the caller's copy. */
function useMarkRead(kind: TReviewKind, id: string, approved: boolean) {
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (!approved || marked.current === id) return;
    marked.current = id;
    // Only a note for the sender's delivery list: a failure here must not disturb the reader.
    markReviewRead(kind, id).catch(() => undefined);
  }, [kind, id, approved]);
}
