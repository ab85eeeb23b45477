import { EditOutlined } from '@ant-design/icons';
import {
  consentAllowsUse,
  STORY_KIND_LABELS,
  STORY_TRANSITIONS,
  type TStoryDetail,
  type TStoryStatus,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Popconfirm,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { changeStoryStatus, getStory, storyKeys } from './stories.api';
import { StoryConsent } from './story-consent';
import { StoryFormDrawer } from './story-form-drawer';
import { StoryStatusTag } from './story-labels';
import { StoryMedia } from './story-media';

/** One story: its fields, people, consent and files; edit, and move it between draft, usable and archived. */
export function StoryDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: storyKeys.detail(id), queryFn: () => getStory(id) });

  const move = useMutation({
    mutationFn: ({ story, status }: { story: TStoryDetail; status: TStoryStatus }) =>
      changeStoryStatus(story.id, { status, version: story.version }),
    onSuccess: async (saved) => {
      message.success(t('stories.statusChanged', { status: t(`stories.status.${saved.status}`) }));
      await queryClient.invalidateQueries({ queryKey: storyKeys.all });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const story = query.data;
  let body;
  if (query.isPending) body = <Spin description={t('common.loading')} />;
  else if (query.isError || !story)
    body = <Alert type="error" showIcon title={errorText(query.error, t) || t('stories.loadFailed')} />;
  else {
    const allowed = STORY_TRANSITIONS[story.status];
    const consentOk = consentAllowsUse(story.consent.status);
    body = (
      <>
        {story.canEdit && (
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            {story.status !== 'archived' && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            {allowed.includes('usable') && (
              <Tooltip title={consentOk ? undefined : t('stories.action.needConsent')}>
                <Popconfirm
                  title={t('stories.action.markUsableConfirm')}
                  okText={t('stories.action.markUsable')}
                  cancelText={t('common.cancel')}
                  disabled={!consentOk}
                  onConfirm={() => move.mutateAsync({ story, status: 'usable' }).catch(() => undefined)}
                >
                  <Button type="primary" disabled={!consentOk} data-testid="mark-usable">
                    {t('stories.action.markUsable')}
                  </Button>
                </Popconfirm>
              </Tooltip>
            )}
            {allowed.includes('draft') && (
              <Button onClick={() => move.mutate({ story, status: 'draft' })}>{t('stories.action.toDraft')}</Button>
            )}
            {allowed.includes('archived') && (
              <Popconfirm
                title={t('stories.action.archiveConfirm')}
                okText={t('stories.action.archive')}
                cancelText={t('common.cancel')}
                onConfirm={() => move.mutateAsync({ story, status: 'archived' }).catch(() => undefined)}
              >
                <Button>{t('stories.action.archive')}</Button>
              </Popconfirm>
            )}
          </Flex>
        )}
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'kind', label: t('stories.field.kind'), children: STORY_KIND_LABELS[story.kind][locale] },
            { key: 'status', label: t('stories.field.status'), children: <StoryStatusTag status={story.status} /> },
            {
              key: 'people',
              label: t('stories.field.people'),
              span: 'filled',
              children: story.people.length
                ? story.people.map((p) => (
                    <div key={`${p.name}-${p.role ?? ''}`}>
                      <Typography.Text strong>{p.name}</Typography.Text>
                      {p.role && ` — ${p.role}`}
                      {p.contact && <Typography.Text type="secondary">{` (${p.contact})`}</Typography.Text>}
                    </div>
                  ))
                : t('common.none'),
            },
            { key: 'place', label: t('stories.field.place'), children: story.place ?? t('common.none') },
            { key: 'area', label: t('stories.field.areaUnit'), children: story.areaUnit?.name ?? t('common.none') },
            {
              key: 'occurredOn',
              label: t('stories.field.occurredOn'),
              children: formatDate(story.occurredOn) || t('common.none'),
            },
            { key: 'orgUnit', label: t('stories.field.orgUnit'), children: story.orgUnit.name },
            {
              key: 'themes',
              label: t('stories.field.themes'),
              children: story.themes.length
                ? `${story.themes.join(', ')} (${story.guidanceYear ?? ''})`
                : t('common.none'),
            },
            {
              key: 'tags',
              label: t('stories.field.tags'),
              children: story.tags.length ? story.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : t('common.none'),
            },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap' }}>{story.story}</Typography.Paragraph>
        <Divider titlePlacement="start">{t('stories.field.consent')}</Divider>
        <StoryConsent story={story} />
        <Divider titlePlacement="start">{t('stories.field.media')}</Divider>
        <StoryMedia story={story} />
      </>
    );
  }

  return (
    <>
      <Drawer open size={760} title={story?.title ?? t('stories.title')} onClose={onClose} destroyOnHidden>
        {body}
      </Drawer>
      {editing && story && (
        <StoryFormDrawer story={story} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
    </>
  );
}
