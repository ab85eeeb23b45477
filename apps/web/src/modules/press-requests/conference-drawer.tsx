import { DeleteOutlined, MinusCircleOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import {
  PRESS_CONFERENCE_STATUSES,
  PRESS_CONFERENCE_STATUS_LABELS,
  type TPressConference,
  type TPressConferenceStatus,
  type TStoredFile,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, List, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { fieldMessage } from '../../shared/validation';
import { FileUpload } from '../files/file-upload';
import { MediaRowSelect, type MediaRowPick } from './media-link-fields';
import { PeopleSelect } from './people-select';
import { conferencePath, createConference, pressKeys, removeMaterial, updateConference } from './press-requests.api';

interface Values {
  title: string;
  heldAt: Dayjs;
  place: string;
  spokespersonIds: string[];
  status: TPressConferenceStatus;
  invitees?: Invitee[];
  coverage?: { url: string; outletName: string; publishedOn: Dayjs; outletId?: string | null }[];
}
interface Invitee {
  outletName: string;
  personName?: string;
  outletId?: string | null;
  contactId?: string | null;
}
const FIELDS = ['title', 'heldAt', 'place', 'spokespersonIds', 'status', 'invitees', 'coverage', 'hostUnitId'] as const;

/** A press conference: when and where, spokespersons, invitees, coverage obtained and (once saved) materials. */
export function ConferenceDrawer(props: { conference: TPressConference | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [materials, setMaterials] = useState<TStoredFile[]>(props.conference?.materials ?? []);
  const current = props.conference;
  const required = { required: true, whitespace: true, message: fieldMessage('validation.required', locale) };
  const requiredValue = { required: true, message: fieldMessage('validation.required', locale) };

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        title: values.title,
        heldAt: values.heldAt.toISOString(),
        place: values.place,
        spokespersonIds: values.spokespersonIds,
        status: values.status,
        invitees: (values.invitees ?? []).map((i) => ({
          outletName: i.outletName,
          personName: i.personName ?? '',
          outletId: i.outletId ?? null,
          contactId: i.contactId ?? null,
        })),
        coverage: (values.coverage ?? []).map((c) => ({
          url: c.url.trim(),
          outletName: c.outletName,
          publishedOn: c.publishedOn.format('YYYY-MM-DD'),
          publicationId: null,
          outletId: c.outletId ?? null,
        })),
      };
      return current ? updateConference(current.id, { ...body, version: current.version }) : createConference(body);
    },
    onSuccess: async () => {
      message.success(t('press.saved'));
      await queryClient.invalidateQueries({ queryKey: pressKeys.conferences });
      props.onClose();
    },
    onError: (error) => setFailure(formErrorText(form, error, FIELDS, t)),
  });
  /** Fills a row of `list` from the media database (or unlinks it when the pick is cleared). */
  const linkRow = (list: 'invitees' | 'coverage', index: number, pick: MediaRowPick | null) => {
    const row = form.getFieldValue([list, index]) as Invitee;
    form.setFieldValue([list, index], {
      ...row,
      outletId: pick?.outletId ?? null,
      ...(list === 'invitees' ? { contactId: pick?.contactId ?? null } : {}),
      ...(pick ? { outletName: pick.outletName } : {}),
      ...(pick?.personName ? { personName: pick.personName } : {}),
    });
  };
  const rowPicker = (list: 'invitees' | 'coverage', index: number) => (
    <Form.Item noStyle shouldUpdate>
      {() => (
        <MediaRowSelect
          withContacts={list === 'invitees'}
          current={(form.getFieldValue([list, index]) as Invitee | undefined) ?? { outletName: '' }}
          onPick={(pick) => linkRow(list, index, pick)}
        />
      )}
    </Form.Item>
  );
  const remove = useMutation({
    mutationFn: (fileId: string) => removeMaterial(current!.id, fileId),
    onSuccess: async (_result, fileId) => {
      setMaterials((list) => list.filter((f) => f.id !== fileId));
      await queryClient.invalidateQueries({ queryKey: pressKeys.conferences });
    },
  });

  return (
    <Drawer
      open
      size={760}
      title={t(current ? 'conference.editTitle' : 'conference.createTitle')}
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="conference-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={current ? !current.canEdit : false}
        initialValues={{
          title: current?.title,
          heldAt: current ? dayjs(current.heldAt) : undefined,
          place: current?.place,
          spokespersonIds: current?.spokespersons.map((p) => p.id) ?? [],
          status: current?.status ?? 'planned',
          invitees: current?.invitees ?? [],
          coverage: current?.coverage.map((c) => ({ ...c, publishedOn: dayjs(c.publishedOn) })) ?? [],
        }}
        onFinish={(values) => {
          setFailure(null);
          save.mutate(values);
        }}
      >
        <Form.Item name="title" label={t('conference.field.title')} rules={[required, { max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="heldAt" label={t('conference.field.heldAt')} rules={[requiredValue]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" />
          </Form.Item>
          <Form.Item name="status" label={t('conference.field.status')} rules={[requiredValue]}>
            <Select<TPressConferenceStatus>
              style={{ width: 180 }}
              options={PRESS_CONFERENCE_STATUSES.map((s) => ({
                value: s,
                label: PRESS_CONFERENCE_STATUS_LABELS[s][locale],
              }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('conference.field.place')} rules={[required, { max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="spokespersonIds" label={t('conference.field.spokespersons')} rules={[requiredValue]}>
          <PeopleSelect multiple known={current?.spokespersons ?? []} />
        </Form.Item>
        <Typography.Title level={5}>{t('conference.field.invitees')}</Typography.Title>
        <Form.List name="invitees">
          {(fields, { add, remove: drop }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'outletId']} hidden />
                  <Form.Item name={[field.name, 'contactId']} hidden />
                  <Form.Item style={{ flex: 1 }}>{rowPicker('invitees', field.name)}</Form.Item>
                  <Form.Item name={[field.name, 'outletName']} rules={[required]} style={{ flex: 1 }}>
                    <Input placeholder={t('conference.invitee.outlet')} aria-label={t('conference.invitee.outlet')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'personName']} style={{ flex: 1 }}>
                    <Input placeholder={t('conference.invitee.person')} aria-label={t('conference.invitee.person')} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('common.delete')} onClick={() => drop(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ outletName: '', personName: '' })}>
                {t('conference.invitee.add')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('conference.field.coverage')}
        </Typography.Title>
        <Form.List name="coverage">
          {(fields, { add, remove: drop }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'outletId']} hidden />
                  <Form.Item style={{ flex: 1 }}>{rowPicker('coverage', field.name)}</Form.Item>
                  <Form.Item name={[field.name, 'outletName']} rules={[required]} style={{ flex: 1 }}>
                    <Input placeholder={t('conference.coverage.outlet')} aria-label={t('conference.coverage.outlet')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'url']} rules={[required, { type: 'url' }]} style={{ flex: 2 }}>
                    <Input placeholder={t('conference.coverage.url')} aria-label={t('conference.coverage.url')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'publishedOn']} rules={[requiredValue]}>
                    <DatePicker format="DD/MM/YYYY" placeholder={t('conference.coverage.date')} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('common.delete')} onClick={() => drop(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ outletName: '', url: '' })}>
                {t('conference.coverage.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('conference.field.materials')}
      </Typography.Title>
      {current ? (
        <>
          <List
            size="small"
            dataSource={materials}
            rowKey="id"
            renderItem={(file) => (
              <List.Item
                actions={
                  current.canEdit
                    ? [
                        <Button
                          key="remove"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`${t('common.delete')} ${file.name}`}
                          onClick={() => remove.mutate(file.id)}
                        />,
                      ]
                    : []
                }
              >
                <a href={`${conferencePath(current.id)}/materials/${file.id}`} target="_blank" rel="noreferrer">
                  <PaperClipOutlined /> {file.name}
                </a>
              </List.Item>
            )}
          />
          {current.canEdit && (
            <FileUpload<TStoredFile>
              url={`${conferencePath(current.id)}/materials`}
              onUploaded={(file) => setMaterials((list) => [...list, file])}
            />
          )}
        </>
      ) : (
        <Typography.Text type="secondary">{t('conference.materialsAfterSave')}</Typography.Text>
      )}
    </Drawer>
  );
}
