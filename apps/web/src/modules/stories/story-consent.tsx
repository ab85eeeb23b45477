import { CONSENT_STATUSES, ZRecordConsentRequest, type TConsentStatus, type TStoryDetail } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { cleanText, fieldMessage, schemaRule } from '../../shared/validation';
import { recordConsent, storyKeys } from './stories.api';
import { ConsentTag } from './story-labels';

interface Values {
  status: TConsentStatus;
  note?: string;
  evidenceFileId?: string | null;
}

const FIELDS = ['status', 'note', 'evidenceFileId'] as const;
const shape = ZRecordConsentRequest.shape;

/** Whether the people of the story agreed to its publication: shown to readers, recorded by its editors. */
export function StoryConsent({ story }: { story: TStoryDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const status = Form.useWatch('status', form);
  const { consent } = story;

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      recordConsent(story.id, {
        status: values.status,
        note: cleanText(values.note),
        evidenceFileId: values.evidenceFileId ?? null,
        version: story.version,
      }),
    onSuccess: async () => {
      message.success(t('stories.consent.recorded'));
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: storyKeys.all });
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'status',
            label: t('stories.field.consent'),
            children: (
              <>
                <ConsentTag consent={consent.status} />
                <Typography.Text type="secondary">
                  {consent.recordedAt
                    ? t('stories.consent.recordedBy', {
                        name: consent.recordedBy ?? t('common.none'),
                        date: formatDateTime(consent.recordedAt),
                      })
                    : t('stories.consent.notRecorded')}
                </Typography.Text>
              </>
            ),
          },
          ...(consent.note ? [{ key: 'note', label: t('stories.consent.note'), children: consent.note }] : []),
          ...(consent.evidenceFileId
            ? [
                {
                  key: 'evidence',
                  label: t('stories.consent.evidence'),
                  children:
                    story.media.find((m) => m.file.id === consent.evidenceFileId)?.file.name ?? t('common.none'),
                },
              ]
            : []),
        ]}
      />
      {story.canEdit && story.status !== 'archived' && (
        <Button style={{ marginTop: 8 }} onClick={() => setOpen(true)} data-testid="record-consent">
          {t('stories.consent.record')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('stories.consent.record')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            status: consent.status,
            note: consent.note ?? '',
            evidenceFileId: consent.evidenceFileId,
          }}
          onFinish={(values) => {
            setFormError(null);
            mutation.mutate(values);
          }}
        >
          <Form.Item name="status" label={t('stories.field.consent')}>
            <Select<TConsentStatus>
              options={CONSENT_STATUSES.map((value) => ({ value, label: t(`stories.consent.${value}`) }))}
            />
          </Form.Item>
          {story.status === 'usable' && status && status !== 'obtained' && status !== 'not_needed' && (
            <Alert type="warning" showIcon title={t('stories.consent.withdrawWarning')} style={{ marginBottom: 16 }} />
          )}
          <Form.Item
            name="note"
            label={t('stories.consent.note')}
            dependencies={['status']}
            rules={[
              schemaRule(shape.note, locale),
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  if (getFieldValue('status') === 'not_needed' && !value?.trim())
                    throw new Error(fieldMessage('validation.required', locale));
                },
              }),
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Form.Item name="evidenceFileId" label={t('stories.consent.evidence')}>
            <Select<string>
              allowClear
              options={story.media.map((m) => ({ value: m.file.id, label: m.caption ?? m.file.name }))}
            />
          </Form.Item>
          {formError && <Alert type="error" showIcon title={formError} />}
        </Form>
      </Modal>
    </>
  );
}
