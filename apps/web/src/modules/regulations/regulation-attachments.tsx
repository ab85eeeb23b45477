import { DeleteOutlined, DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { TRegulationAttachment, TRegulationDetail } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, List, Popconfirm, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { FileUpload, formatFileSize } from '../files/file-upload';
import { attachmentContentUrl, attachmentsUrl, regulationKeys, removeAttachment } from './regulations.api';

/** The files of a document (signed scan, appendices, infographics): everyone downloads, its writers add and remove. */
export function RegulationAttachments({ regulation }: { regulation: TRegulationDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: regulationKeys.detail(regulation.id) });

  const remove = useMutation({
    mutationFn: (attachment: TRegulationAttachment) =>
      removeAttachment(regulation.id, attachment.file.id).then(() => attachment),
    onSuccess: async (attachment) => {
      message.success(t('files.attachments.removed', { title: attachment.title }));
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  return (
    <Flex vertical gap={12}>
      {regulation.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('files.attachments.empty')} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={regulation.attachments}
          rowKey={(a) => a.file.id}
          renderItem={(attachment) => {
            const href = attachmentContentUrl(regulation.id, attachment.file.id);
            return (
              <List.Item
                actions={[
                  <Button
                    key="download"
                    type="link"
                    icon={<DownloadOutlined />}
                    href={href}
                    download={attachment.file.name}
                    aria-label={`${t('files.download')} ${attachment.title}`}
                  />,
                  regulation.canEdit && (
                    <Popconfirm
                      key="remove"
                      title={t('files.attachments.removeConfirm', { title: attachment.title })}
                      okText={t('files.attachments.remove')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove.mutateAsync(attachment).catch(() => undefined)}
                    >
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('files.attachments.remove')} ${attachment.title}`}
                      />
                    </Popconfirm>
                  ),
                ]}
              >
                <List.Item.Meta
                  avatar={<PaperClipOutlined />}
                  title={
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {attachment.title}
                    </a>
                  }
                  description={
                    <Typography.Text type="secondary">
                      {attachment.file.name} · {formatFileSize(attachment.file.size, t, locale)}
                      {attachment.addedBy &&
                        ` · ${t('files.attachments.addedBy', {
                          name: attachment.addedBy,
                          date: formatDateTime(attachment.addedAt),
                        })}`}
                    </Typography.Text>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
      {regulation.canEdit && (
        <FileUpload<TRegulationAttachment> url={attachmentsUrl(regulation.id)} onUploaded={refresh} />
      )}
    </Flex>
  );
}
