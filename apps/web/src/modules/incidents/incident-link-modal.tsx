import { SearchOutlined } from '@ant-design/icons';
import type { TIncident } from '@loa/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Empty, Flex, Input, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { incidentKeys, linkIncidentItems, searchArticles } from './incidents.api';

interface Props {
  incident: TIncident;
  onCancel: () => void;
  onLinked: (incident: TIncident) => Promise<void>;
}

/** "Gắn tin": search the monitored articles and link the chosen ones to the case. */
export function IncidentLinkModal({ incident, onCancel, onLinked }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const q = useDebouncedValue(search.trim(), 300);
  const linked = new Set(incident.items.map((item) => item.articleId));
  const results = useQuery({
    queryKey: incidentKeys.articleSearch(q),
    queryFn: () => searchArticles(q),
    enabled: q.length > 0,
  });
  const link = useMutation({
    mutationFn: () => linkIncidentItems(incident.id, [...chosen]),
    onSuccess: onLinked,
  });

  const toggle = (id: string, on: boolean) =>
    setChosen((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Modal
      open
      width={720}
      title={t('incidents.items.linkTitle')}
      okText={t('incidents.items.linkChosen', { count: chosen.size })}
      okButtonProps={{ disabled: chosen.size === 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={link.isPending}
      onOk={() => link.mutate()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Input
        allowClear
        autoFocus
        prefix={<SearchOutlined aria-hidden />}
        aria-label={t('incidents.items.search')}
        placeholder={t('incidents.items.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        style={{ marginBottom: 12 }}
      />
      {link.isError && <Alert type="error" showIcon title={errorText(link.error, t)} style={{ marginBottom: 12 }} />}
      <section aria-label={t('incidents.items.results')} aria-busy={results.isFetching}>
        {q.length === 0 && <Typography.Text type="secondary">{t('incidents.items.searchHint')}</Typography.Text>}
        {results.isFetching && <Spin />}
        {results.isError && <Alert type="error" showIcon title={errorText(results.error, t)} />}
        {results.data && results.data.items.length === 0 && <Empty description={t('common.noMatch')} />}
        <Flex vertical gap={8} style={{ maxHeight: 420, overflowY: 'auto' }}>
          {results.data?.items.map((article) => {
            const already = linked.has(article.id);
            return (
              <Checkbox
                key={article.id}
                checked={already || chosen.has(article.id)}
                disabled={already}
                onChange={(event) => toggle(article.id, event.target.checked)}
              >
                <Typography.Text strong>{article.title}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {article.source.name} · {formatDateTime(article.publishedAt ?? article.fetchedAt)}
                  {already && ` · ${t('incidents.items.alreadyLinked')}`}
                </Typography.Text>
              </Checkbox>
            );
          })}
        </Flex>
      </section>
    </Modal>
  );
}
