import { DeleteOutlined, DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { TProductDetail, TProductFile } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, List, Popconfirm, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { FileUpload, formatFileSize } from '../files/file-upload';
import { productFileContentUrl, productFilesUrl, productKeys, removeProductFile } from './products.api';

/** The files of a product (the video, the layout, the script as delivered): readers download, its writers add and remove. */
export function ProductFiles({ product }: { product: TProductDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: productKeys.all });

  const remove = useMutation({
    mutationFn: (attachment: TProductFile) => removeProductFile(product.id, attachment.file.id).then(() => attachment),
    onSuccess: async (attachment) => {
      message.success(t('files.attachments.removed', { title: attachment.title }));
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  return (
    <Flex vertical gap={12}>
      {product.files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.files.empty')} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={product.files}
          rowKey={(a) => a.file.id}
          renderItem={(attachment) => {
            const href = productFileContentUrl(product.id, attachment.file.id);
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
                  product.canEdit && (
                    <Popconfirm
                      key="remove"
                      title={t('products.files.removeConfirm', { title: attachment.title })}
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
      {product.canEdit && <FileUpload<TProductFile> url={productFilesUrl(product.id)} onUploaded={refresh} />}
    </Flex>
  );
}
