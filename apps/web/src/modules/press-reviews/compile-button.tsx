import { DownOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { TCompileReviewRequest, TReviewKind } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText, formErrorText } from '../../shared/errors';
import { requiredRule } from '../../shared/validation';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { EditionUnitSelect } from './edition-unit-select';
import { APP_BASE, compileReview, reviewKeys } from './press-reviews.api';
import { REVIEW_MANAGER_ROLES } from './review-roles';

interface Values {
  orgUnitId: string;
  editionDate?: Dayjs | null;
}

/**
 * "Tổng hợp ngay": compiles today's edition of the caller's unit now (or opens the one already compiled);
 * managers may also compile it for another unit or day.
 */
export function CompileButton({ kind }: { kind: TReviewKind }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [choosing, setChoosing] = useState(false);
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const isManager = hasAnyRole(user, REVIEW_MANAGER_ROLES);

  const compile = useMutation({
    mutationFn: async (request: TCompileReviewRequest) => {
      const key = 'review-compile';
      message.open({ key, type: 'loading', content: t('reviews.compile.running'), duration: 0 });
      try {
        return await compileReview(kind, request);
      } finally {
        message.destroy(key);
      }
    },
    onSuccess: async (review) => {
      await queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      queryClient.setQueryData(reviewKeys.detail(kind, review.id), review);
      message.success(t('reviews.compile.done', { title: review.title }));
      setChoosing(false);
      void navigate(`${APP_BASE[kind]}/${encodeURIComponent(review.id)}`);
    },
    onError: (error) => {
      if (choosing) setFormError(formErrorText(form, error, ['orgUnitId', 'editionDate'], t));
      else message.error(errorText(error, t));
    },
  });

  const main = (
    <Button
      type="primary"
      icon={<ThunderboltOutlined />}
      loading={compile.isPending}
      onClick={() => compile.mutate({})}
    >
      {t('reviews.compile.action')}
    </Button>
  );
  if (!isManager) return main;

  return (
    <>
      <Space.Compact>
        {main}
        <Button
          type="primary"
          icon={<DownOutlined />}
          aria-label={t('reviews.compile.other')}
          title={t('reviews.compile.other')}
          disabled={compile.isPending}
          onClick={() => {
            setFormError(null);
            setChoosing(true);
          }}
        />
      </Space.Compact>
      <Modal
        open={choosing}
        title={t('reviews.compile.otherTitle')}
        okText={t('reviews.compile.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={compile.isPending}
        onOk={() => form.submit()}
        onCancel={() => setChoosing(false)}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ editionDate: dayjs() }}
          onFinish={(values) => {
            setFormError(null);
            compile.mutate({
              orgUnitId: values.orgUnitId,
              ...(values.editionDate ? { editionDate: values.editionDate.format('YYYY-MM-DD') } : {}),
            });
          }}
        >
          <CompileFields />
        </Form>
      </Modal>
    </>
  );
}

function CompileFields() {
  const { t, locale } = useI18n();
  return (
    <>
      <Form.Item
        name="orgUnitId"
        label={t('reviews.field.unit')}
        extra={t('reviews.compile.unitHint')}
        rules={[requiredRule(locale)]}
      >
        <EditionUnitSelect allowClear={false} placeholder={t('orgUnits.pick')} />
      </Form.Item>
      <Form.Item name="editionDate" label={t('reviews.field.editionDate')} extra={t('reviews.compile.dateHint')}>
        <DatePicker format="DD/MM/YYYY" disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
      </Form.Item>
    </>
  );
}
