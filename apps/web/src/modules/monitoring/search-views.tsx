import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { ZCreateSavedViewRequest, type TSavedView } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText, formErrorText } from '../../shared/errors';
import { requiredRule, schemaRule } from '../../shared/validation';
import { articleKeys, createView, deleteView, listViews } from './articles.api';

/**
 * The officer's saved views: pick one to load its search, save the current search under a name, delete the view
 * being shown (after a confirmation). `current` is the page's search as a view keeps it (see viewParams).
 */
export function SearchViews({ current, onApply }: { current: string; onApply: (params: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const views = useQuery({ queryKey: articleKeys.views, queryFn: listViews });
  const selected = views.data?.find((view) => view.params === current);

  const remove = useMutation({
    mutationFn: (view: TSavedView) => deleteView(view.id),
    onSuccess: async (_result, view) => {
      message.success(t('monArticles.views.deleted', { name: view.name }));
      await queryClient.invalidateQueries({ queryKey: articleKeys.views });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  return (
    <>
      <Select<string>
        allowClear
        aria-label={t('monArticles.views.label')}
        placeholder={views.isError ? errorText(views.error, t) : t('monArticles.views.placeholder')}
        loading={views.isFetching}
        value={selected?.id}
        onChange={(id?: string) => {
          const view = views.data?.find((item) => item.id === id);
          onApply(view ? view.params : '');
        }}
        options={(views.data ?? []).map((view) => ({ value: view.id, label: view.name }))}
        notFoundContent={t('monArticles.views.none')}
        style={{ width: 220 }}
      />
      {selected && (
        <Popconfirm
          title={t('monArticles.views.deleteConfirm', { name: selected.name })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove.mutate(selected)}
        >
          <Button
            danger
            icon={<DeleteOutlined />}
            loading={remove.isPending}
            aria-label={`${t('common.delete')} ${selected.name}`}
          />
        </Popconfirm>
      )}
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)}>
        {t('monArticles.views.save')}
      </Button>
      {saving && <SaveViewModal params={current} onClose={() => setSaving(false)} />}
    </>
  );
}

const FIELDS = ['name', 'params'] as const;

function SaveViewModal({ params, onClose }: { params: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (name: string) => createView({ name: name.trim(), params }),
    onSuccess: async (view) => {
      message.success(t('monArticles.views.saved', { name: view.name }));
      await queryClient.invalidateQueries({ queryKey: articleKeys.views });
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Modal
      open
      title={t('monArticles.views.saveTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values.name);
        }}
      >
        <Form.Item
          name="name"
          label={t('monArticles.views.name')}
          extra={t('monArticles.views.nameHint')}
          rules={[requiredRule(locale), schemaRule(ZCreateSavedViewRequest.shape.name, locale)]}
        >
          <Input autoFocus maxLength={200} />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
