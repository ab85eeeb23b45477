import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS, type TFaqEntry, type TFeedbackCategory } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { fieldMessage } from '../../shared/validation';
import { searchRegulations } from '../regulations/regulations.api';
import { createFaq, faqKeys, feedbackKeys, updateFaq } from './feedback.api';

interface Values {
  question: string;
  answer: string;
  category: TFeedbackCategory;
  tags: string[];
  regulationIds: string[];
}
const FIELDS = ['question', 'answer', 'category', 'tags', 'regulationIds', 'sourceFeedbackId'] as const;

/** Writes a Q&A entry, edits one, or publishes the answer of a feedback (`source`, prefilled). */
export function FaqEditorDrawer(props: {
  entry: TFaqEntry | null;
  source?: { feedbackId: string; question: string; answer: string; category: TFeedbackCategory };
  onClose: () => void;
  onSaved: (saved: TFaqEntry) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [regulationSearch, setRegulationSearch] = useState('');
  const { entry, source } = props;
  const required = { required: true, whitespace: true, message: fieldMessage('validation.required', locale) };

  const regulations = useQuery({
    queryKey: ['faq', 'regulations', regulationSearch],
    queryFn: () => searchRegulations(regulationSearch),
  });
  const known = new Map((entry?.regulations ?? []).map((r) => [r.id, r]));
  for (const r of regulations.data ?? []) known.set(r.id, { id: r.id, number: r.number, summary: r.summary });

  const save = useMutation({
    mutationFn: (values: Values) =>
      entry
        ? updateFaq(entry.id, { ...values, version: entry.version })
        : createFaq({ ...values, ...(source ? { sourceFeedbackId: source.feedbackId } : {}) }),
    onSuccess: async (saved) => {
      message.success(t('faq.saved'));
      await queryClient.invalidateQueries({ queryKey: faqKeys.all });
      await queryClient.invalidateQueries({ queryKey: feedbackKeys.all });
      props.onSaved(saved);
    },
    onError: (error) => setFailure(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Drawer
      open
      size={720}
      title={entry ? t('faq.editTitle') : source ? t('faq.publishTitle') : t('faq.createTitle')}
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="faq-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          question: entry?.question ?? source?.question ?? '',
          answer: entry?.answer ?? source?.answer ?? '',
          category: entry?.category ?? source?.category,
          tags: entry?.tags ?? [],
          regulationIds: entry?.regulations.map((r) => r.id) ?? [],
        }}
        onFinish={(values) => {
          setFailure(null);
          save.mutate(values);
        }}
      >
        <Form.Item name="question" label={t('faq.field.question')} rules={[required, { max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="answer" label={t('faq.field.answer')} rules={[required, { max: 20_000 }]}>
          <Input.TextArea rows={10} />
        </Form.Item>
        <Form.Item name="category" label={t('faq.field.category')} rules={[required]}>
          <Select<TFeedbackCategory>
            options={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: FEEDBACK_CATEGORY_LABELS[c][locale] }))}
          />
        </Form.Item>
        <Form.Item name="tags" label={t('faq.field.tags')}>
          <Select mode="tags" open={false} tokenSeparators={[',']} />
        </Form.Item>
        <Form.Item name="regulationIds" label={t('faq.field.regulations')}>
          <Select
            mode="multiple"
            showSearch
            filterOption={false}
            onSearch={setRegulationSearch}
            loading={regulations.isFetching}
            options={[...known.values()].map((r) => ({ value: r.id, label: `${r.number} — ${r.summary}` }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
