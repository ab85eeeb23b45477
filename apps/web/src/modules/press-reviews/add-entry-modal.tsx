import { PlusOutlined } from '@ant-design/icons';
import {
  REVIEW_SECTION_LABELS,
  REVIEW_SECTIONS,
  type TArticleSummary,
  type TReview,
  type TReviewSection,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { ClassificationTags } from '../monitoring/article-tags';
import { reviewKeys, searchArticlesToAdd } from './press-reviews.api';
import type { useReviewEditing } from './use-review-editing';

/** "Thêm tin": finds a monitored article and adds its story, in the section the editor picks or the one it ranks in. */
export function AddEntryModal({
  review,
  editing,
  onClose,
}: {
  review: TReview;
  editing: ReturnType<typeof useReviewEditing>;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [section, setSection] = useState<TReviewSection | undefined>(undefined);
  const q = useDebouncedValue(search.trim(), 300);
  const articles = useQuery({
    queryKey: reviewKeys.articles(q),
    queryFn: () => searchArticlesToAdd(q),
    placeholderData: keepPreviousData,
  });
  const items = articles.data?.items ?? [];
  const present = new Set(review.entries.map((entry) => entry.clusterId));
  const adding = editing.add.isPending ? editing.add.variables.articleId : null;

  const add = (article: TArticleSummary) =>
    editing.add.mutate(
      { articleId: article.id, ...(section ? { section } : {}) },
      { onSuccess: () => message.success(t('reviews.add.done', { title: article.title })) },
    );

  return (
    <Modal
      open
      width={820}
      title={t('reviews.add.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={<Button onClick={onClose}>{t('reviews.add.close')}</Button>}
    >
      <Form layout="vertical">
        <Flex gap={12} wrap>
          <Form.Item label={t('reviews.add.search')} htmlFor="review-add-search" style={{ flex: 1, minWidth: 280 }}>
            <Input.Search
              id="review-add-search"
              allowClear
              autoFocus
              placeholder={t('reviews.add.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </Form.Item>
          <Form.Item label={t('reviews.entry.section')} htmlFor="review-add-section" style={{ width: 280 }}>
            <Select<TReviewSection>
              id="review-add-section"
              allowClear
              placeholder={t('reviews.add.sectionAuto')}
              value={section}
              onChange={(value?: TReviewSection) => setSection(value)}
              options={REVIEW_SECTIONS.map((s) => ({ value: s, label: REVIEW_SECTION_LABELS[s][locale] }))}
            />
          </Form.Item>
        </Flex>
      </Form>
      {articles.isError && <Alert type="error" showIcon title={errorText(articles.error, t)} />}
      <Spin spinning={articles.isFetching}>
        {items.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('reviews.add.empty')}</Typography.Paragraph>
        ) : (
          <ul aria-label={t('reviews.add.results')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((article) => (
              <li key={article.id} style={{ borderBottom: '1px solid rgba(5, 5, 5, 0.06)', padding: '8px 0' }}>
                <Flex gap={12} align="flex-start" justify="space-between">
                  <Flex vertical gap={2}>
                    <Link to={`/monitoring/articles/${encodeURIComponent(article.id)}`} target="_blank">
                      {article.title}
                    </Link>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {article.source.name} · {formatDateTime(article.publishedAt ?? article.fetchedAt)}
                      {article.clusterSize > 1 && ` · ${t('reviews.add.clusterSize', { count: article.clusterSize })}`}
                    </Typography.Text>
                    <div>
                      <ClassificationTags value={article} />
                    </div>
                  </Flex>
                  {present.has(article.clusterId) ? (
                    <Tag>{t('reviews.add.present')}</Tag>
                  ) : (
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      loading={adding === article.id}
                      disabled={adding !== null && adding !== article.id}
                      aria-label={t('reviews.add.addOne', { title: article.title })}
                      onClick={() => add(article)}
                    >
                      {t('reviews.add.add')}
                    </Button>
                  )}
                </Flex>
              </li>
            ))}
          </ul>
        )}
      </Spin>
    </Modal>
  );
}
