import {
  TRAINING_AUDIENCE_LABELS,
  TRAINING_AUDIENCES,
  ZCreateTrainingCourseRequest,
  type TCreateTrainingCourseRequest,
  type TTrainingAudience,
  type TTrainingCourse,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { createCourse, trainingKeys, updateCourse } from './training.api';

interface Values {
  title: string;
  topic?: string;
  audience: TTrainingAudience;
  orgUnitId: string;
  dates: [Dayjs, Dayjs];
  online: boolean;
  place?: string;
  onlineUrl?: string;
  trainers: string[];
  passScore?: number | null;
  note?: string;
}

const FIELDS = [
  'title',
  'topic',
  'audience',
  'orgUnitId',
  'dates',
  'online',
  'place',
  'onlineUrl',
  'trainers',
  'passScore',
  'note',
] as const;
const shape = ZCreateTrainingCourseRequest.shape;

function toRequest(values: Values): TCreateTrainingCourseRequest {
  return {
    title: values.title.trim(),
    topic: cleanText(values.topic),
    audience: values.audience,
    orgUnitId: values.orgUnitId,
    startsOn: values.dates[0].format('YYYY-MM-DD'),
    endsOn: values.dates[1].format('YYYY-MM-DD'),
    online: values.online,
    place: values.online ? null : cleanText(values.place),
    onlineUrl: values.online ? cleanText(values.onlineUrl) : null,
    trainers: (values.trainers ?? []).map((name) => name.trim()).filter(Boolean),
    passScore: values.passScore ?? null,
    note: cleanText(values.note),
  };
}

function initialValues(course: TTrainingCourse | null, orgUnitId: string | null): Partial<Values> {
  if (!course)
    return { audience: 'communication_staff', online: false, trainers: [], passScore: 50, orgUnitId: orgUnitId ?? '' };
  return {
    title: course.title,
    topic: course.topic ?? undefined,
    audience: course.audience,
    orgUnitId: course.orgUnit.id,
    dates: [dayjs(course.startsOn), dayjs(course.endsOn)],
    online: course.online,
    place: course.place ?? undefined,
    onlineUrl: course.onlineUrl ?? undefined,
    trainers: course.trainers,
    passScore: course.passScore,
    note: course.note ?? undefined,
  };
}

interface Props {
  /** The course to edit; null to plan one. */
  course: TTrainingCourse | null;
  onClose: () => void;
}

/** Plans or edits a course; a new course opens on its page, where trainees are added. */
export function CourseFormDrawer({ course, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const online = Form.useWatch('online', form) as boolean | undefined;

  const save = useMutation({
    mutationFn: (values: Values) =>
      course
        ? updateCourse(course.id, { ...toRequest(values), version: course.version })
        : createCourse(toRequest(values)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all });
      message.success(course ? t('common.saved') : t('training.created', { title: saved.title }));
      onClose();
      if (!course) void navigate(`/training/${saved.id}`);
    },
    onError: (error) => setFormError(formErrorText(form, error, [...FIELDS, 'startsOn', 'endsOn'], t)),
  });

  return (
    <Drawer
      open
      size="large"
      title={course ? t('training.editTitle', { title: course.title }) : t('training.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="training-course-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(course, user.orgUnit?.id ?? null)}
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Form.Item
          name="title"
          label={t('training.field.title')}
          rules={[requiredRule(locale), schemaRule(shape.title, locale)]}
        >
          <Input data-testid="training-course-title" />
        </Form.Item>
        <Form.Item name="topic" label={t('training.field.topic')} rules={[schemaRule(shape.topic, locale)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="audience" label={t('training.field.audience')} rules={[requiredRule(locale)]}>
              <Select
                options={TRAINING_AUDIENCES.map((a) => ({ value: a, label: TRAINING_AUDIENCE_LABELS[a][locale] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="orgUnitId" label={t('training.field.orgUnit')} rules={[requiredRule(locale)]}>
              <OrgUnitTreeSelect />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="dates"
              label={t('training.field.dates')}
              rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
            >
              <DatePicker.RangePicker
                format="DD/MM/YYYY"
                placeholder={[t('training.field.startsOn'), t('training.field.endsOn')]}
                data-testid="training-course-dates"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="online" label={t('training.field.online')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {online ? (
          <Form.Item
            name="onlineUrl"
            label={t('training.field.onlineUrl')}
            rules={[requiredRule(locale), schemaRule(shape.onlineUrl, locale)]}
          >
            <Input inputMode="url" placeholder="https://" />
          </Form.Item>
        ) : (
          <Form.Item
            name="place"
            label={t('training.field.place')}
            rules={[requiredRule(locale), schemaRule(shape.place, locale)]}
          >
            <Input data-testid="training-course-place" />
          </Form.Item>
        )}
        <Form.Item name="trainers" label={t('training.field.trainers')} extra={t('training.field.trainersHint')}>
          <Select mode="tags" open={false} tokenSeparators={[';']} />
        </Form.Item>
        <Form.Item name="passScore" label={t('training.field.passScore')} extra={t('training.field.passScoreHint')}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="note" label={t('training.field.note')} rules={[schemaRule(shape.note, locale)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
