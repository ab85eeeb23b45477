import {
  REVIEW_SECTION_LABELS,
  REVIEW_SECTIONS,
  ZUpdateReviewEntryRequest,
  ZUpdateReviewRequest,
  type TReview,
  type TReviewEntry,
  type TReviewSection,
} from '@loa/contracts';
import { Alert, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, requiredRule, schemaRule } from '../../shared/validation';
import type { useReviewEditing } from './use-review-editing';

type Editing = ReturnType<typeof useReviewEditing>;

interface EntryValues {
  headline: string;
  extract?: string;
  comment?: string;
  section: TReviewSection;
}

const ENTRY_FIELDS = ['headline', 'extract', 'comment', 'section'];
const entryShape = ZUpdateReviewEntryRequest.shape;

/** Edits one story: headline, extract, the editor's comment and its section. */
export function EntryDrawer({
  entry,
  editing,
  onClose,
}: {
  entry: TReviewEntry;
  editing: Editing;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<EntryValues>();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (values: EntryValues) => {
    setFormError(null);
    try {
      await editing.entry.mutateAsync({
        entryId: entry.id,
        inForm: true,
        changes: {
          headline: values.headline.trim(),
          extract: values.extract?.trim() ?? '',
          comment: cleanText(values.comment),
          section: values.section,
        },
      });
      onClose();
    } catch (error) {
      setFormError(formErrorText(form, error, ENTRY_FIELDS, t));
    }
  };

  return (
    <Drawer
      open
      size="large"
      title={t('reviews.entry.editTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={editing.entry.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<EntryValues>
        form={form}
        layout="vertical"
        initialValues={{
          headline: entry.headline,
          extract: entry.extract,
          comment: entry.comment ?? '',
          section: entry.section,
        }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="headline"
          label={t('reviews.entry.headline')}
          rules={[requiredRule(locale), schemaRule(entryShape.headline, locale)]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="extract" label={t('reviews.entry.extract')} rules={[schemaRule(entryShape.extract, locale)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} showCount maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('reviews.entry.comment')}
          extra={t('reviews.entry.commentHint')}
          rules={[schemaRule(entryShape.comment, locale)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} showCount maxLength={2000} />
        </Form.Item>
        <Form.Item name="section" label={t('reviews.entry.section')} rules={[requiredRule(locale)]}>
          <Select options={REVIEW_SECTIONS.map((s) => ({ value: s, label: REVIEW_SECTION_LABELS[s][locale] }))} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

interface HeaderValues {
  title: string;
  intro?: string;
}

const reviewShape = ZUpdateReviewRequest.shape;

/** Edits the edition's title and the opening paragraph. */
export function HeaderDrawer({ review, editing, onClose }: { review: TReview; editing: Editing; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<HeaderValues>();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (values: HeaderValues) => {
    setFormError(null);
    try {
      await editing.header.mutateAsync({ title: values.title.trim(), intro: cleanText(values.intro) });
      onClose();
    } catch (error) {
      setFormError(formErrorText(form, error, ['title', 'intro'], t));
    }
  };

  return (
    <Drawer
      open
      size="large"
      title={t('reviews.header.editTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={editing.header.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<HeaderValues>
        form={form}
        layout="vertical"
        initialValues={{ title: review.title, intro: review.intro ?? '' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="title"
          label={t('reviews.field.title')}
          rules={[requiredRule(locale), schemaRule(reviewShape.title, locale)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="intro"
          label={t('reviews.field.intro')}
          extra={t('reviews.header.introHint')}
          rules={[schemaRule(reviewShape.intro, locale)]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} showCount maxLength={4000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
