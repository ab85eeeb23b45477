import { ZAddTraineeRequest, ZTraineePhone, type TAddTraineeRequest } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, requiredRule, schemaRule } from '../../shared/validation';
import { PersonSelect } from '../users/person-select';
import { addTrainee, trainingKeys } from './training.api';

interface Values {
  kind: 'user' | 'external';
  userId?: string | null;
  fullName?: string;
  organisation?: string;
  phone?: string;
}

const FIELDS = ['userId', 'fullName', 'organisation', 'phone'] as const;
const shape = ZAddTraineeRequest.shape;

/** Adds a trainee: a colleague picked from Loa's users, or an external person with organisation and phone. */
export function TraineeFormModal({ courseId, onClose }: { courseId: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = (Form.useWatch('kind', form) as Values['kind'] | undefined) ?? 'user';

  const save = useMutation({
    mutationFn: (values: Values) => {
      const request: TAddTraineeRequest =
        values.kind === 'user'
          ? { userId: values.userId ?? null, organisation: cleanText(values.organisation) }
          : {
              fullName: values.fullName?.trim() ?? '',
              organisation: cleanText(values.organisation),
              phone: cleanText(values.phone),
            };
      return addTrainee(courseId, request);
    },
    onSuccess: async (trainee) => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all });
      message.success(t('training.trainees.added', { name: trainee.fullName }));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Modal
      open
      title={t('training.trainees.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'trainee-save' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'user' }}
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Form.Item name="kind" label={t('training.trainees.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'user', label: t('training.trainees.kind.user') },
              { value: 'external', label: t('training.trainees.kind.external') },
            ]}
          />
        </Form.Item>
        {kind === 'user' ? (
          <Form.Item name="userId" label={t('training.trainees.user')} rules={[requiredRule(locale)]}>
            <PersonSelect />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="fullName"
              label={t('training.trainees.name')}
              rules={[requiredRule(locale), schemaRule(shape.fullName, locale)]}
            >
              <Input data-testid="trainee-name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('training.trainees.phone')}
              validateTrigger={['onChange', 'onBlur']}
              rules={[requiredRule(locale), schemaRule(ZTraineePhone, locale)]}
            >
              <Input inputMode="tel" data-testid="trainee-phone" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="organisation"
          label={t('training.trainees.organisation')}
          rules={[...(kind === 'external' ? [requiredRule(locale)] : []), schemaRule(shape.organisation, locale)]}
        >
          <Input placeholder={t('training.trainees.organisationPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
