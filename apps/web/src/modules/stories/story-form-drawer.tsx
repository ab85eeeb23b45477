import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  STORY_KIND_LABELS,
  STORY_KINDS,
  ZCreateStoryRequest,
  ZStoryPerson,
  type TCreateStoryRequest,
  type TStoryDetail,
  type TStoryKind,
  type TUpdateStoryRequest,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { guidanceKeys, listItems, listYears } from '../guidance/guidance.api';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { createStory, storyKeys, updateStory } from './stories.api';

interface PersonValues {
  name: string;
  role?: string;
  contact?: string;
}

interface Values {
  kind: TStoryKind;
  title: string;
  story: string;
  people: PersonValues[];
  place?: string;
  areaUnitId?: string | null;
  orgUnitId?: string;
  occurredOn: Dayjs | null;
  guidanceYear?: number | null;
  themes: string[];
  tags: string[];
}

const FIELDS = [
  'kind',
  'title',
  'story',
  'people',
  'place',
  'areaUnitId',
  'orgUnitId',
  'occurredOn',
  'guidanceYear',
  'themes',
  'tags',
] as const;
const shape = ZCreateStoryRequest.shape;
const personShape = ZStoryPerson.shape;

function toRequest(values: Values): TCreateStoryRequest {
  return {
    kind: values.kind,
    title: values.title.trim(),
    story: values.story.trim(),
    people: (values.people ?? []).map((p) => ({
      name: p.name.trim(),
      role: cleanText(p.role),
      contact: cleanText(p.contact),
    })),
    place: cleanText(values.place),
    areaUnitId: values.areaUnitId ?? null,
    occurredOn: values.occurredOn ? values.occurredOn.format('YYYY-MM-DD') : null,
    guidanceYear: values.guidanceYear ?? null,
    themes: values.themes ?? [],
    tags: (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    ...(values.orgUnitId ? { orgUnitId: values.orgUnitId } : {}),
  };
}

/** Only what changed is sent with an edit, with the version the user saw. */
function changedFields(story: TStoryDetail, values: Values): TUpdateStoryRequest {
  const next = toRequest(values);
  const before: Record<keyof TCreateStoryRequest, unknown> = {
    kind: story.kind,
    title: story.title,
    story: story.story,
    people: story.people.map((p) => ({ name: p.name, role: p.role ?? null, contact: p.contact ?? null })),
    place: story.place,
    areaUnitId: story.areaUnit?.id ?? null,
    orgUnitId: story.orgUnit.id,
    occurredOn: story.occurredOn,
    guidanceYear: story.guidanceYear,
    themes: story.themes,
    tags: story.tags,
  };
  const patch: TUpdateStoryRequest = { version: story.version };
  for (const [key, value] of Object.entries(next) as [keyof TCreateStoryRequest, unknown][]) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) Object.assign(patch, { [key]: value });
  }
  return patch;
}

interface Props {
  /** The story to edit; null to add one. */
  story: TStoryDetail | null;
  onClose: () => void;
  onSaved: (story: TStoryDetail) => void;
}

/** Adds or edits a story; every field is checked as the user types, with the contract's rules. */
export function StoryFormDrawer({ story, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const year = Form.useWatch('guidanceYear', form) as number | null | undefined;
  const years = useQuery({ queryKey: guidanceKeys.years, queryFn: listYears });
  const themes = useQuery({
    queryKey: guidanceKeys.items(year ?? 0, 'themes'),
    queryFn: () => listItems(year!, 'themes'),
    enabled: Boolean(year),
  });

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      story ? updateStory(story.id, changedFields(story, values)) : createStory(toRequest(values)),
    onSuccess: async (saved) => {
      message.success(story ? t('common.saved') : t('stories.created', { title: saved.title }));
      await queryClient.invalidateQueries({ queryKey: storyKeys.all });
      onSaved(saved);
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const initialValues: Partial<Values> = story
    ? {
        kind: story.kind,
        title: story.title,
        story: story.story,
        people: story.people.map((p) => ({ name: p.name, role: p.role ?? '', contact: p.contact ?? '' })),
        place: story.place ?? '',
        areaUnitId: story.areaUnit?.id ?? null,
        orgUnitId: story.orgUnit.id,
        occurredOn: story.occurredOn ? dayjs(story.occurredOn) : null,
        guidanceYear: story.guidanceYear,
        themes: story.themes,
        tags: story.tags,
      }
    : { kind: 'good_person', people: [], themes: [], tags: [], occurredOn: null };

  return (
    <Drawer
      open
      size={760}
      title={story ? t('stories.editTitle', { title: story.title }) : t('stories.createTitle')}
      onClose={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="kind"
              label={t('stories.field.kind')}
              rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
            >
              <Select<TStoryKind>
                options={STORY_KINDS.map((kind) => ({ value: kind, label: STORY_KIND_LABELS[kind][locale] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="title"
              label={t('stories.field.title')}
              rules={[requiredRule(locale), schemaRule(shape.title, locale)]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="story"
              label={t('stories.field.story')}
              rules={[requiredRule(locale), schemaRule(shape.story, locale)]}
            >
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} showCount maxLength={20_000} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('stories.field.people')} required={false}>
          <Form.List name="people">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map(({ key, name }) => (
                  <Flex key={key} gap={8} align="baseline">
                    <Form.Item
                      name={[name, 'name']}
                      rules={[requiredRule(locale), schemaRule(personShape.name, locale)]}
                      style={{ flex: 2, marginBottom: 8 }}
                    >
                      <Input placeholder={t('stories.field.personName')} aria-label={t('stories.field.personName')} />
                    </Form.Item>
                    <Form.Item name={[name, 'role']} style={{ flex: 2, marginBottom: 8 }}>
                      <Input placeholder={t('stories.field.personRole')} aria-label={t('stories.field.personRole')} />
                    </Form.Item>
                    <Form.Item name={[name, 'contact']} style={{ flex: 2, marginBottom: 8 }}>
                      <Input
                        placeholder={t('stories.field.personContact')}
                        aria-label={t('stories.field.personContact')}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('stories.removePerson')}
                      onClick={() => remove(name)}
                    />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                  {t('stories.addPerson')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="place" label={t('stories.field.place')} rules={[schemaRule(shape.place, locale)]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="occurredOn" label={t('stories.field.occurredOn')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="areaUnitId" label={t('stories.field.areaUnit')}>
              <OrgUnitTreeSelect allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="orgUnitId" label={t('stories.field.orgUnit')}>
              <OrgUnitTreeSelect allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="guidanceYear" label={t('stories.field.guidanceYear')}>
              <Select<number>
                allowClear
                loading={years.isLoading}
                options={(years.data ?? []).map((y) => ({ value: y.year, label: `${y.year} — ${y.documentNo}` }))}
                onChange={() => form.setFieldValue('themes', [])}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="themes"
              label={t('stories.field.themes')}
              dependencies={['guidanceYear']}
              rules={[
                schemaRule(shape.themes, locale),
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: string[] | undefined) => {
                    if (value?.length && !getFieldValue('guidanceYear'))
                      throw new Error(fieldMessage('validation.required', locale));
                  },
                }),
              ]}
            >
              <Select<string[]>
                mode="multiple"
                disabled={!year}
                loading={themes.isLoading}
                optionFilterProp="label"
                options={(themes.data ?? []).map((item) => ({
                  value: item.code,
                  label: `${item.code} ${locale === 'vi' ? item.nameVi : item.nameEn}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="tags" label={t('stories.field.tags')} rules={[schemaRule(shape.tags, locale)]}>
              <Select<string[]> mode="tags" open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
        </Row>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="story-submit">
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
