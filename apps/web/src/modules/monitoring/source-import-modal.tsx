import { InboxOutlined } from '@ant-design/icons';
import type { TIngestResponse, TMonitoringSource } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatFileSize } from '../files/file-upload';
import { IngestReport } from './source-ingest-report';
import { importFormatOf } from './sources-helpers';
import { importIntoSource, sourceKeys } from './sources.api';

/** Imports another tool's export (CSV or JSONL) into a source; bad lines are reported, the others kept. */
export function SourceImportModal({ source, onClose }: { source: TMonitoringSource; onClose: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<TIngestResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (chosen: File) => importIntoSource(source.id, chosen),
    onSuccess: async (result) => {
      setReport(result);
      await queryClient.invalidateQueries({ queryKey: sourceKeys.all });
    },
    onError: (error) => setProblem(errorText(error, t)),
  });

  const choose = (chosen: File) => {
    setReport(null);
    if (importFormatOf(chosen.name) === null) {
      setFile(null);
      setProblem(t('monSources.import.badType', { name: chosen.name }));
    } else {
      setFile(chosen);
      setProblem(null);
    }
    return false;
  };

  return (
    <Modal
      open
      width={880}
      title={t('monSources.import.title', { name: source.name })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{report ? t('monSources.close') : t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={!file}
            loading={upload.isPending}
            data-testid="source-import-submit"
            onClick={() => file && upload.mutate(file)}
          >
            {t('monSources.import.submit')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('monSources.import.hint')}
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
          multiple={false}
          showUploadList={false}
          beforeUpload={choose}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{file ? `${file.name} (${formatFileSize(file.size, t, locale)})` : t('monSources.import.drop')}</p>
        </Upload.Dragger>
        {problem && <Alert type="error" showIcon title={problem} />}
        {report && <IngestReport report={report} />}
      </Flex>
    </Modal>
  );
}
