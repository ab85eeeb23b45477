import { DeleteOutlined } from '@ant-design/icons';
import type { TStoredFile } from '@loa/contracts';
import { Button, List } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { FileUpload } from '../files/file-upload';

/** Files uploaded for a message of the thread before it is sent (at most 10), each removable. */
export function FilePicker(props: { files: TStoredFile[]; onChange: (files: TStoredFile[]) => void }) {
  const { t } = useI18n();
  const { files, onChange } = props;
  return (
    <>
      {files.length > 0 && (
        <List
          size="small"
          dataSource={files}
          rowKey="id"
          style={{ marginBottom: 8 }}
          renderItem={(file) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t('files.attachments.remove')} ${file.name}`}
                  onClick={() => onChange(files.filter((f) => f.id !== file.id))}
                />,
              ]}
            >
              {file.name}
            </List.Item>
          )}
        />
      )}
      <FileUpload<TStoredFile>
        url="/api/files"
        disabled={files.length >= 10}
        onUploaded={(file) => onChange(files.some((f) => f.id === file.id) ? files : [...files, file])}
      />
    </>
  );
}
