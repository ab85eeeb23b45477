import type { TRegulationDetail } from '@loa/contracts';
import { useI18n } from '../../app/i18n/i18n';
import { AttachmentList } from '../files/attachment-list';
import { attachmentContentUrl, attachmentsUrl, regulationKeys, removeAttachment } from './regulations.api';

/** The files of a document (signed scan, appendices, infographics): everyone downloads, its writers add and remove. */
export function RegulationAttachments({ regulation }: { regulation: TRegulationDetail }) {
  const { t } = useI18n();
  return (
    <AttachmentList
      items={regulation.attachments}
      label={(attachment) => attachment.title}
      canEdit={regulation.canEdit}
      contentUrl={(fileId) => attachmentContentUrl(regulation.id, fileId)}
      uploadUrl={attachmentsUrl(regulation.id)}
      remove={(fileId) => removeAttachment(regulation.id, fileId)}
      queryKey={regulationKeys.detail(regulation.id)}
      emptyText={t('files.attachments.empty')}
      removeConfirm={(title) => t('files.attachments.removeConfirm', { title })}
    />
  );
}
