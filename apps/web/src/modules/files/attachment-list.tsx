import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import type { TStoredFile } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, List, Popconfirm, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { FileThumbnail, fileThumbnailUrl } from './file-thumbnail';
import { FileUpload, formatFileSize } from './file-upload';

/** A file linked to a record (a document's attachment, a product's file, a story's media). */
export interface AttachedFile {
  file: TStoredFile;
  addedBy: string | null;
  addedAt: string;
}

interface Props<T extends AttachedFile> {
  items: T[];
  /** What the list calls a file (its title or caption, else its name). */
  label: (item: T) => string;
  /** Whether the user may add and remove files. */
  canEdit: boolean;
  contentUrl: (fileId: string) => string;
  /** Where an image's thumbnail is read; default `/api/files/{id}/thumbnail` (readers in the file's scope). */
  thumbnailUrl?: (fileId: string) => string;
  /** Where FileUpload posts a new file. */
  uploadUrl: string;
  remove: (fileId: string) => Promise<unknown>;
  /** Cached queries to refresh after an upload or a removal. */
  queryKey: readonly unknown[];
  /** Texts of the record kind: nothing yet; "remove {title} from …?". */
  emptyText: string;
  removeConfirm: (label: string) => string;
}

/** The files of a record: everyone who reads it downloads them; its editors add and remove (asking first). */
export function AttachmentList<T extends AttachedFile>(props: Props<T>) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: props.queryKey });

  const remove = useMutation({
    mutationFn: (item: T) => props.remove(item.file.id).then(() => item),
    onSuccess: async (item) => {
      message.success(t('files.attachments.removed', { title: props.label(item) }));
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  return (
    <Flex vertical gap={12}>
      {props.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={props.items}
          rowKey={(item) => item.file.id}
          renderItem={(item) => {
            const href = props.contentUrl(item.file.id);
            const label = props.label(item);
            return (
              <List.Item
                actions={[
                  <Button
                    key="download"
                    type="link"
                    icon={<DownloadOutlined />}
                    href={href}
                    download={item.file.name}
                    aria-label={`${t('files.download')} ${label}`}
                  />,
                  props.canEdit && (
                    <Popconfirm
                      key="remove"
                      title={props.removeConfirm(label)}
                      okText={t('files.attachments.remove')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove.mutateAsync(item).catch(() => undefined)}
                    >
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('files.attachments.remove')} ${label}`}
                      />
                    </Popconfirm>
                  ),
                ]}
              >
                <List.Item.Meta
                  avatar={
                    <FileThumbnail
                      file={item.file}
                      label={label}
                      thumbnailUrl={(props.thumbnailUrl ?? fileThumbnailUrl)(item.file.id)}
                      previewUrl={href}
                    />
                  }
                  title={
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {label}
                    </a>
                  }
                  description={
                    <Typography.Text type="secondary">
                      {item.file.name} · {formatFileSize(item.file.size, t, locale)}
                      {item.addedBy &&
                        ` · ${t('files.attachments.addedBy', { name: item.addedBy, date: formatDateTime(item.addedAt) })}`}
                    </Typography.Text>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
      {props.canEdit && <FileUpload<T> url={props.uploadUrl} onUploaded={refresh} />}
    </Flex>
  );
}
