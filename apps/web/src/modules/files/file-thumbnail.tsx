import { PaperClipOutlined } from '@ant-design/icons';
import type { TStoredFile } from '@loa/contracts';
import { Image } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';

/** Where the server serves a file's thumbnail to users whose scope holds the file. */
export const fileThumbnailUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}/thumbnail`;

const SIZE = 48;

/**
 * The small picture of a file in a list: for images that have a thumbnail, the thumbnail, opening the original
 * in a preview; for anything else, or when the thumbnail cannot be loaded (not in the reader's scope), a clip.
 */
export function FileThumbnail({
  file,
  label,
  thumbnailUrl,
  previewUrl,
}: {
  file: TStoredFile;
  label: string;
  thumbnailUrl: string;
  previewUrl: string;
}) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  if (!file.thumbnail || failed) return <PaperClipOutlined aria-hidden />;
  return (
    <Image
      src={thumbnailUrl}
      alt={t('files.thumbnail.alt', { title: label })}
      width={SIZE}
      height={SIZE}
      style={{ objectFit: 'cover', borderRadius: 4 }}
      preview={{ src: previewUrl }}
      onError={() => setFailed(true)}
    />
  );
}
