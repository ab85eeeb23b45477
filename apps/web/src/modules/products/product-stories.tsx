import { BookOutlined, DeleteOutlined } from '@ant-design/icons';
import { STORY_KIND_LABELS, type TProductDetail, type TProductStory } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n, type Translate } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { linkProductStory, productKeys, searchUsableStories, unlinkProductStory } from './products.api';

/** The server's reason on the storyId field (e.g. the story is not usable), else the problem's title. */
const linkErrorText = (error: unknown, t: Translate) =>
  (error instanceof ApiError && error.errors.find((e) => e.field === 'storyId')?.message) || errorText(error, t);

/**
 * "Related stories" of a product: stories of the library it tells or draws on (issue 4 §6). Its editors link
 * usable stories found by search and unlink them (asking first); every reader sees the list.
 */
export function ProductStories({ product }: { product: TProductDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const [picking, setPicking] = useState(false);
  const candidates = useQuery({
    queryKey: productKeys.storySearch(q),
    queryFn: () => searchUsableStories(q),
    enabled: product.canEdit && picking,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: productKeys.all });

  const link = useMutation({
    mutationFn: (storyId: string) => linkProductStory(product.id, storyId),
    onSuccess: async () => {
      message.success(t('products.stories.linked'));
      setSearch('');
      await refresh();
    },
    onError: (error) => message.error(linkErrorText(error, t)),
  });
  const unlink = useMutation({
    mutationFn: (story: TProductStory) => unlinkProductStory(product.id, story.id).then(() => story),
    onSuccess: async (story) => {
      message.success(t('products.stories.unlinked', { title: story.title }));
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const linkedIds = new Set(product.stories.map((s) => s.id));
  const options = (candidates.data ?? [])
    .filter((story) => !linkedIds.has(story.id))
    .map((story) => ({
      value: story.id,
      label: `${story.title} · ${STORY_KIND_LABELS[story.kind][locale]} · ${story.orgUnit.name}`,
    }));

  return (
    <section aria-labelledby="product-stories-title" style={{ marginTop: 16 }}>
      <Typography.Title id="product-stories-title" level={2} style={{ fontSize: 16 }}>
        {t('products.stories.title')}
      </Typography.Title>
      <Flex vertical gap={12}>
        {product.canEdit && (
          <Select<string>
            aria-label={t('products.stories.linkLabel')}
            value={null}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            onOpenChange={setPicking}
            loading={candidates.isFetching || link.isPending}
            disabled={link.isPending}
            placeholder={t('products.stories.linkPlaceholder')}
            notFoundContent={candidates.isFetching ? null : t('products.stories.noUsable')}
            options={options}
            onChange={(storyId) => storyId && link.mutate(storyId)}
            popupMatchSelectWidth={false}
            style={{ maxWidth: 560 }}
          />
        )}
        {product.stories.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.stories.empty')} />
        ) : (
          <List
            size="small"
            bordered
            dataSource={product.stories}
            rowKey={(story) => story.id}
            renderItem={(story) => (
              <List.Item
                actions={[
                  product.canEdit && (
                    <Popconfirm
                      key="unlink"
                      title={t('products.stories.unlinkConfirm', { title: story.title })}
                      okText={t('products.stories.unlink')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => unlink.mutateAsync(story).catch(() => undefined)}
                    >
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('products.stories.unlink')} ${story.title}`}
                      />
                    </Popconfirm>
                  ),
                ]}
              >
                <List.Item.Meta
                  avatar={<BookOutlined />}
                  title={<Link to={`/stories?id=${encodeURIComponent(story.id)}`}>{story.title}</Link>}
                  description={<Tag>{STORY_KIND_LABELS[story.kind][locale]}</Tag>}
                />
              </List.Item>
            )}
          />
        )}
      </Flex>
    </section>
  );
}
