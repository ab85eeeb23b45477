import { DeleteOutlined } from '@ant-design/icons';
import {
  APPRAISAL_VERDICTS,
  APPRAISAL_VERDICT_LABELS,
  type TAppraisal,
  type TAppraisalVerdict,
  type TProductAppraisals,
  type TStoredFile,
} from '@loa/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { fieldMessage } from '../../shared/validation';
import { FileUpload } from '../files/file-upload';
import { giveOpinion } from './appraisals.api';

interface Values {
  verdict: TAppraisalVerdict;
  comments?: string;
}
const FIELDS = ['verdict', 'comments', 'fileIds'] as const;

/** "Cho ý kiến thẩm định": an officer of the asked unit signs its opinion on the current version. */
export function OpinionModal(props: {
  productId: string;
  appraisal: TAppraisal;
  version: number;
  onClose: () => void;
  onSaved: (next: TProductAppraisals) => void | Promise<void>;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<TStoredFile[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const verdict = Form.useWatch('verdict', form);

  const save = useMutation({
    mutationFn: (values: Values) =>
      giveOpinion(props.productId, props.appraisal.id, {
        verdict: values.verdict,
        comments: values.comments?.trim() ?? '',
        fileIds: files.map((f) => f.id),
      }),
    onSuccess: props.onSaved,
    onError: (error) => setFailure(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Modal
      open
      title={t('appraisals.giveTitle', { unit: props.appraisal.unit.name, version: props.version })}
      okText={t('appraisals.sign')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      width={600}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ verdict: 'approve' }}
        onFinish={(values) => {
          setFailure(null);
          save.mutate(values);
        }}
      >
        <Form.Item name="verdict" label={t('appraisals.verdict')} rules={[{ required: true }]}>
          <Radio.Group
            options={APPRAISAL_VERDICTS.map((v) => ({ value: v, label: APPRAISAL_VERDICT_LABELS[v][locale] }))}
            onChange={() => void form.validateFields(['comments']).catch(() => undefined)}
          />
        </Form.Item>
        <Form.Item
          name="comments"
          label={t('appraisals.comments')}
          extra={t('appraisals.commentsHelp')}
          dependencies={['verdict']}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (form.getFieldValue('verdict') !== 'approve' && !value?.trim())
                  throw new Error(fieldMessage('validation.required', locale));
              },
            },
            { max: 10_000, message: fieldMessage('validation.too_long', locale, { maximum: 10_000 }) },
          ]}
          required={verdict !== undefined && verdict !== 'approve'}
        >
          <Input.TextArea rows={5} />
        </Form.Item>
        <Form.Item label={t('appraisals.attachments')}>
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
                      onClick={() => setFiles((current) => current.filter((f) => f.id !== file.id))}
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
            onUploaded={(file) =>
              setFiles((current) => (current.some((f) => f.id === file.id) ? current : [...current, file]))
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
