import { DeleteOutlined, DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { TStoryDetail, TStoryMedia } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, List, Popconfirm, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { FileUpload, formatFileSize } from '../files/file-upload';
import { mediaContentUrl, mediaUrl, removeMedia, storyKeys } from './stories.api';

/** The photos, video and documents of a story: its readers download, its editors add and remove. */
export function StoryMedia({ story }: { story: TStoryDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: storyKeys.all });
  const editable = story.canEdit && story.status !== 'archived';

  const remove = useMutation({
    mutationFn: (media: TStoryMedia) => removeMedia(story.id, media.file.id).then(() => media),
    onSuccess: async (media) => {
      message.success(t('stories.media.removed', { name: media.file.name }));
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  return (
    <Flex vertical gap={12}>
      {story.media.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stories.media.empty')} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={story.media}
          rowKey={(m) => m.file.id}
          renderItem={(media) => {
            const href = mediaContentUrl(story.id, media.file.id);
            return (
              <List.Item
                actions={[
                  <Button
                    key="download"
                    type="link"
                    icon={<DownloadOutlined />}
                    href={href}
                    download={media.file.name}
                    aria-label={`${t('files.download')} ${media.file.name}`}
                  />,
                  editable && (
                    <Popconfirm
                      key="remove"
                      title={t('stories.media.removeConfirm', { name: media.file.name })}
                      okText={t('stories.media.remove')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove.mutateAsync(media).catch(() => undefined)}
                    >
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('stories.media.remove')} ${media.file.name}`}
                      />
                    </Popconfirm>
                  ),
                ]}
              >
                <List.Item.Meta
                  avatar={<PaperClipOutlined />}
                  title={
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {media.caption ?? media.file.name}
                    </a>
                  }
                  description={
                    <Typography.Text type="secondary">
                      {media.file.name} · {formatFileSize(media.file.size, t, locale)}
                      {media.addedBy && ` · ${media.addedBy}, ${formatDateTime(media.addedAt)}`}
                    </Typography.Text>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
      {editable && <FileUpload<TStoryMedia> url={mediaUrl(story.id)} onUploaded={refresh} />}
    </Flex>
  );
}
