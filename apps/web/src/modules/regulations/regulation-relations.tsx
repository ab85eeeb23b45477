import { DeleteOutlined } from '@ant-design/icons';
import { RELATION_KINDS, type TRegulationDetail, type TRelationKind } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { addRelation, regulationKeys, removeRelation, searchRegulations } from './regulations.api';
import { relationLabelKey } from './task-groups';

/** The documents this one replaces, amends or guides (and those that do so to it); editable by its writers. */
export function RegulationRelations({
  regulation,
  onOpen,
}: {
  regulation: TRegulationDetail;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<TRelationKind>('amends');
  const [relatedId, setRelatedId] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const candidates = useQuery({
    queryKey: regulationKeys.search(q),
    queryFn: () => searchRegulations(q),
    enabled: regulation.canEdit && q.length > 0,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: regulationKeys.all });
  const fail = (error: unknown) => message.error(errorText(error, t));

  const add = useMutation({
    mutationFn: () => addRelation(regulation.id, { relatedId: relatedId ?? '', kind }),
    onSuccess: async () => {
      message.success(t('regulations.relation.added'));
      setRelatedId(undefined);
      setSearch('');
      await refresh();
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (otherId: string) => removeRelation(regulation.id, otherId),
    onSuccess: refresh,
    onError: fail,
  });

  return (
    <Flex vertical gap={8}>
      {regulation.relations.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('regulations.detail.noRelations')} />
      ) : (
        <Flex vertical gap={4} role="list">
          {regulation.relations.map((relation) => (
            <Flex key={relation.regulationId} role="listitem" justify="space-between" align="center" gap={8}>
              <Flex gap={8} wrap align="baseline">
                <Tag color={relation.direction === 'outgoing' ? 'blue' : 'default'}>
                  {t(relationLabelKey(relation))}
                </Tag>
                <Typography.Link onClick={() => onOpen(relation.regulationId)}>{relation.number}</Typography.Link>
                <Typography.Text type="secondary">{relation.summary}</Typography.Text>
              </Flex>
              {regulation.canEdit && (
                <Popconfirm
                  title={t('regulations.relation.removeConfirm', { number: relation.number })}
                  okText={t('regulations.relation.remove')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutateAsync(relation.regulationId).catch(() => undefined)}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('regulations.relation.remove')} ${relation.number}`}
                  />
                </Popconfirm>
              )}
            </Flex>
          ))}
        </Flex>
      )}
      {regulation.canEdit && (
        <Flex gap={8} wrap>
          <Select<TRelationKind>
            aria-label={t('regulations.relation.kind')}
            value={kind}
            onChange={setKind}
            style={{ width: 180 }}
            options={RELATION_KINDS.map((value) => ({
              value,
              label: t(relationLabelKey({ kind: value, direction: 'outgoing' })),
            }))}
          />
          <Select<string>
            aria-label={t('regulations.relation.pick')}
            placeholder={t('regulations.relation.pick')}
            value={relatedId}
            onChange={setRelatedId}
            showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
            loading={candidates.isFetching}
            notFoundContent={q ? t('common.noMatch') : null}
            options={(candidates.data ?? [])
              .filter((candidate) => candidate.id !== regulation.id)
              .map((candidate) => ({ value: candidate.id, label: `${candidate.number} — ${candidate.summary}` }))}
            popupMatchSelectWidth={false}
            style={{ flex: 1, minWidth: 240 }}
          />
          <Button disabled={!relatedId} loading={add.isPending} onClick={() => add.mutate()}>
            {t('regulations.relation.add')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
