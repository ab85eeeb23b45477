import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS, type TFaqEntry, type TFeedbackCategory } from '@loa/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatCount, formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { FaqEditorDrawer } from './faq-editor-drawer';
import { exportFaq, faqKeys, getFaq, listFaq, updateFaq, type FaqFilters } from './feedback.api';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);

/** Hỏi đáp: one search box over the published answers, accents optional; editors add, edit and archive. */
export function FaqPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [editing, setEditing] = useState<TFaqEntry | 'new' | null>(null);
  const isCentre = hasAnyRole(user, ['admin', 'comms_center']);
  const isWorker = hasAnyRole(user, [
    'admin',
    'comms_center',
    'unit_officer',
    'press_office',
    'province_officer',
    'district_officer',
  ]);

  const filters: FaqFilters = {
    q: params.get('q') ?? undefined,
    category: pick<TFeedbackCategory>(params.get('category'), FEEDBACK_CATEGORIES),
    status: params.get('status') === 'archived' ? 'archived' : undefined,
  };
  const openId = params.get('id');
  const list = useQuery({
    queryKey: faqKeys.list(filters, page, pageSize),
    queryFn: () => listFaq(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const opened = useQuery({
    queryKey: ['faq', 'one', openId],
    queryFn: () => getFaq(openId!),
    enabled: openId !== null,
  });
  const exportList = useDownload(() => exportFaq(filters));
  const toggle = useMutation({
    mutationFn: (entry: TFaqEntry) =>
      updateFaq(entry.id, { version: entry.version, status: entry.status === 'published' ? 'archived' : 'published' }),
    onSuccess: async () => {
      message.success(t('faq.saved'));
      await queryClient.invalidateQueries({ queryKey: faqKeys.all });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const renderEntry = (entry: TFaqEntry) => (
    <Card
      size="small"
      style={{ marginBottom: 12, width: '100%' }}
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          {entry.question}
        </Typography.Text>
      }
      extra={
        entry.canEdit && (
          <Space>
            <Button size="small" onClick={() => setEditing(entry)} data-testid="faq-edit">
              {t('faq.edit')}
            </Button>
            <Button size="small" loading={toggle.isPending} onClick={() => toggle.mutate(entry)}>
              {entry.status === 'published' ? t('faq.archive') : t('faq.republish')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{entry.answer}</Typography.Paragraph>
      <Flex gap={4} wrap align="center">
        <Tag color="blue">{FEEDBACK_CATEGORY_LABELS[entry.category][locale]}</Tag>
        {entry.status === 'archived' && <Tag>{t('faq.archived')}</Tag>}
        {entry.tags.map((tag) => (
          <Tag key={tag}>{tag}</Tag>
        ))}
      </Flex>
      {entry.regulations.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('faq.field.regulations')}: {entry.regulations.map((r) => `${r.number} (${r.summary})`).join('; ')}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('faq.field.ownerUnit')}: {entry.ownerUnit.name} ·{' '}
        {t('faq.updated', { date: formatDate(entry.updatedAt), name: entry.updatedByName })}
        {entry.sourceFeedbackId && isWorker && (
          <>
            {' · '}
            <Link to={`/feedback/${entry.sourceFeedbackId}`}>{t('faq.source')}</Link>
          </>
        )}
      </Typography.Text>
    </Card>
  );

  return (
    <>
      <PageHeader
        title={t('faq.title')}
        subtitle={t('faq.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {isCentre && (
              <Button type="primary" icon={<PlusOutlined />} data-testid="create-faq" onClick={() => setEditing('new')}>
                {t('faq.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          size="large"
          autoFocus
          aria-label={t('faq.searchLabel')}
          placeholder={t('faq.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 520, maxWidth: '100%' }}
          data-testid="faq-search"
        />
        <Select<TFeedbackCategory>
          allowClear
          size="large"
          aria-label={t('faq.field.category')}
          placeholder={t('faq.field.category')}
          value={filters.category}
          onChange={(value) => update({ category: value })}
          options={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: FEEDBACK_CATEGORY_LABELS[c][locale] }))}
          style={{ width: 260 }}
        />
        {isWorker && (
          <Checkbox
            checked={filters.status === 'archived'}
            onChange={(event) => update({ status: event.target.checked ? 'archived' : undefined })}
          >
            {t('faq.showArchived')}
          </Checkbox>
        )}
      </Flex>
      {openId && opened.data && renderEntry(opened.data)}
      <Typography.Text type="secondary">{t('faq.count', { count: list.data?.total ?? 0 })}</Typography.Text>
      <List<TFaqEntry>
        aria-label={t('faq.listLabel')}
        data-testid="faq-results"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        rowKey="id"
        locale={{ emptyText: list.isError ? errorText(list.error, t) : t('faq.empty') }}
        renderItem={renderEntry}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total, [from, to]) =>
            t('common.pageTotal', {
              from: formatCount(from, locale),
              to: formatCount(to, locale),
              total: formatCount(total, locale),
            }),
          onChange: (p, s) => update({ page: p, pageSize: s }, true),
        }}
      />
      {editing && (
        <FaqEditorDrawer
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </>
  );
}
