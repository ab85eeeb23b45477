import {
  FLAG_LABELS,
  MONITORING_FLAGS,
  OWNING_UNIT_LABELS,
  OWNING_UNITS,
  RELEVANCE_LABELS,
  RELEVANCE_LEVELS,
  SENTIMENT_LABELS,
  ZCorrectArticleRequest,
  type TArticleDetail,
  type TArticleSentiment,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { fieldMessage, schemaRule } from '../../shared/validation';
import {
  correctionInitialValues,
  correctionRequest,
  correctionValueText,
  type CorrectionFormValues,
} from './article-values';
import { articleKeys, correctArticle } from './articles.api';

const FIELDS = ['relevance', 'sentiment', 'flags', 'unit', 'note'] as const;
const ARTICLE_SENTIMENTS = Object.keys(SENTIMENT_LABELS) as TArticleSentiment[];

const FIELD_LABELS: Record<string, MessageKey> = {
  relevance: 'monArticles.field.relevance',
  sentiment: 'monArticles.field.sentiment',
  flags: 'monArticles.field.flags',
  unit: 'monArticles.field.unit',
};

/** An officer corrects the classification; only the fields that change are sent (and recorded, and teach the model). */
export function ArticleCorrectionForm({ article }: { article: TArticleDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CorrectionFormValues>();
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (request: NonNullable<ReturnType<typeof correctionRequest>>) => correctArticle(article.id, request),
    onSuccess: async (next) => {
      message.success(t('monArticles.correction.saved'));
      queryClient.setQueryData(articleKeys.detail(article.id, locale), next);
      form.setFieldsValue(correctionInitialValues(next));
      await queryClient.invalidateQueries({ queryKey: [...articleKeys.all, 'search'] });
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const submit = (values: CorrectionFormValues) => {
    setFormError(null);
    const request = correctionRequest(article, values);
    if (!request) {
      form.setFields([{ name: 'relevance', errors: [t('monArticles.correction.unchanged')] }]);
      return;
    }
    save.mutate(request);
  };

  const required = { required: true, message: fieldMessage('validation.required', locale) };
  return (
    <Card size="small" title={t('monArticles.correction.title')}>
      <Form<CorrectionFormValues>
        form={form}
        layout="vertical"
        initialValues={correctionInitialValues(article)}
        onFinish={submit}
        aria-label={t('monArticles.correction.title')}
      >
        <Form.Item name="relevance" label={t('monArticles.field.relevance')} rules={[required]}>
          <Select
            options={RELEVANCE_LEVELS.map((value) => ({ value, label: RELEVANCE_LABELS[value][locale] }))}
            data-testid="correction-relevance"
          />
        </Form.Item>
        <Form.Item name="sentiment" label={t('monArticles.field.sentiment')} rules={[required]}>
          <Select options={ARTICLE_SENTIMENTS.map((value) => ({ value, label: SENTIMENT_LABELS[value][locale] }))} />
        </Form.Item>
        <Form.Item name="flags" label={t('monArticles.field.flags')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('monArticles.correction.noFlags')}
            options={MONITORING_FLAGS.map((value) => ({ value, label: FLAG_LABELS[value][locale] }))}
          />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t('monArticles.field.unit')}
          extra={t('monArticles.correction.unitHint')}
          rules={[required]}
        >
          <Select
            data-testid="correction-unit"
            options={OWNING_UNITS.map((value) => ({ value, label: OWNING_UNIT_LABELS[value][locale] }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('monArticles.field.note')}
          rules={[schemaRule(ZCorrectArticleRequest.shape.note, locale)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="correction-save">
          {t('monArticles.correction.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** Who corrected what and when: before → after, with the note. */
export function ArticleCorrections({ article }: { article: TArticleDetail }) {
  const { t, locale } = useI18n();
  if (article.corrections.length === 0) return null;
  return (
    <Card size="small" title={t('monArticles.correction.history')}>
      <Timeline
        items={article.corrections.map((correction) => ({
          key: correction.id,
          content: (
            <>
              <Typography.Text strong>
                {t(FIELD_LABELS[correction.field] ?? 'monArticles.field.relevance')}
              </Typography.Text>
              {': '}
              {correctionValueText(correction.field, correction.before, locale)}
              {' → '}
              <Typography.Text strong>
                {correctionValueText(correction.field, correction.after, locale)}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('monArticles.correction.by', { name: correction.by, at: formatDateTime(correction.at) })}
              </Typography.Text>
              {correction.note && <Typography.Paragraph style={{ margin: 0 }}>{correction.note}</Typography.Paragraph>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
