import type { TStoryDetail } from '@loa/contracts';
import { useI18n } from '../../app/i18n/i18n';
import { AttachmentList } from '../files/attachment-list';
import { mediaContentUrl, mediaUrl, removeMedia, storyKeys } from './stories.api';

/** The photos, video and documents of a story: its readers download, its editors add and remove. */
export function StoryMedia({ story }: { story: TStoryDetail }) {
  const { t } = useI18n();
  return (
    <AttachmentList
      items={story.media}
      label={(media) => media.caption ?? media.file.name}
      canEdit={story.canEdit && story.status !== 'archived'}
      contentUrl={(fileId) => mediaContentUrl(story.id, fileId)}
      uploadUrl={mediaUrl(story.id)}
      remove={(fileId) => removeMedia(story.id, fileId)}
      queryKey={storyKeys.all}
      emptyText={t('stories.media.empty')}
      removeConfirm={(name) => t('stories.media.removeConfirm', { name })}
    />
  );
}
