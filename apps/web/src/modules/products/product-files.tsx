import type { TProductDetail } from '@loa/contracts';
import { useI18n } from '../../app/i18n/i18n';
import { AttachmentList } from '../files/attachment-list';
import {
  productFileContentUrl,
  productFileThumbnailUrl,
  productFilesUrl,
  productKeys,
  removeProductFile,
} from './products.api';

/** The files of a product (the video, the layout, the script as delivered): readers download, its writers add and remove. */
export function ProductFiles({ product }: { product: TProductDetail }) {
  const { t } = useI18n();
  return (
    <AttachmentList
      items={product.files}
      label={(file) => file.title}
      canEdit={product.canEdit}
      contentUrl={(fileId) => productFileContentUrl(product.id, fileId)}
      thumbnailUrl={(fileId) => productFileThumbnailUrl(product.id, fileId)}
      uploadUrl={productFilesUrl(product.id)}
      remove={(fileId) => removeProductFile(product.id, fileId)}
      queryKey={productKeys.all}
      emptyText={t('products.files.empty')}
      removeConfirm={(title) => t('products.files.removeConfirm', { title })}
    />
  );
}
