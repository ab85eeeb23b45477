import { UploadOutlined } from '@ant-design/icons';
import { ACCEPTED_FILE_EXTENSIONS, type TLocale } from '@loa/contracts';
import { App, Button, Typography, Upload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { useI18n, type Translate } from '../../app/i18n/i18n';
import { apiRequest, type QueryParams } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { fileSizeParts } from './file-size';

/** "1,5 MB" in the UI language. */
export function formatFileSize(bytes: number, t: Translate, locale: TLocale): string {
  const { unit, value } = fileSizeParts(bytes, locale);
  return t(`files.size.${unit}`, { value });
}

/**
 * Uploads files as raw bodies (application/octet-stream, the name in `name`) to `url`, one request per file;
 * shows each upload while it runs and the server's reason (in the UI language) when it is refused.
 * Any module can use it: `url` is its upload route, `query` its extra parameters.
 */
export function FileUpload<T>({
  url,
  query,
  onUploaded,
  disabled,
}: {
  url: string;
  query?: QueryParams;
  onUploaded: (result: T) => void | Promise<void>;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [uploads, setUploads] = useState<UploadFile[]>([]);

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError, onProgress }) => {
    const blob = file as File;
    onProgress?.({ percent: 0 });
    apiRequest<T>('POST', url, {
      raw: { data: blob, contentType: 'application/octet-stream' },
      query: { ...query, name: blob.name },
    })
      .then(async (result) => {
        onProgress?.({ percent: 100 });
        onSuccess?.(result);
        message.success(t('files.uploaded', { name: blob.name }));
        await onUploaded(result);
      })
      .catch((error: unknown) => {
        const reason = errorText(error, t);
        message.error(t('files.uploadFailed', { name: blob.name, reason }));
        onError?.(error instanceof Error ? error : new Error(reason), { message: reason });
      });
  };

  return (
    <div>
      <Upload
        multiple
        accept={ACCEPTED_FILE_EXTENSIONS.join(',')}
        customRequest={customRequest}
        fileList={uploads}
        disabled={disabled}
        // Finished uploads leave the list (the caller shows them); refused ones stay with their reason.
        onChange={({ fileList }) => setUploads(fileList.filter((f) => f.status !== 'done'))}
      >
        <Button icon={<UploadOutlined />} disabled={disabled} data-testid="file-upload">
          {t('files.upload')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('files.hint')}
      </Typography.Text>
    </div>
  );
}
