import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { REPORT_PERIOD_KIND_LABELS, type TReportTemplate } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { deleteTemplate, listTemplates, reportKeys } from './reports.api';
import { TemplateEditorDrawer } from './template-editor-drawer';

/** Mẫu báo cáo: the templates reports start from. Administrators and the Communication Center keep them. */
export function ReportTemplatesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const canEdit = hasAnyRole(user, ['admin', 'comms_center']);
  const [open, setOpen] = useState<TReportTemplate | 'new' | null>(null);
  const templates = useQuery({ queryKey: reportKeys.templates, queryFn: listTemplates });
  const remove = useMutation({
    mutationFn: (template: TReportTemplate) => deleteTemplate(template.id).then(() => template),
    onSuccess: async (template) => {
      message.success(t('reports.templates.deleted', { name: template.name }));
      await queryClient.invalidateQueries({ queryKey: reportKeys.templates });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const columns: TableColumnsType<TReportTemplate> = [
    {
      title: t('reports.templates.name'),
      render: (_, template) => (
        <Typography.Link onClick={() => setOpen(template)}>
          {template.name}
          {template.isDefault && (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              {t('reports.templates.default')}
            </Tag>
          )}
        </Typography.Link>
      ),
    },
    {
      title: t('reports.templates.kinds'),
      width: 320,
      render: (_, template) =>
        template.periodKinds.length === 0
          ? t('reports.templates.allKinds')
          : template.periodKinds.map((kind) => <Tag key={kind}>{REPORT_PERIOD_KIND_LABELS[kind][locale]}</Tag>),
    },
    {
      title: t('reports.templates.sectionCount'),
      width: 110,
      align: 'right',
      render: (_, template) => template.sections.length,
    },
    {
      title: t('reports.field.updatedAt'),
      width: 150,
      render: (_, template) => formatDateTime(template.updatedAt),
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            width: 100,
            render: (_: unknown, template: TReportTemplate) => (
              <Popconfirm
                title={t('reports.templates.deleteConfirm', { name: template.name })}
                description={t('reports.templates.deleteHint')}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutate(template)}
              >
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('reports.templates.delete', { name: template.name })}
                />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Link to="/reports">
        <ArrowLeftOutlined /> {t('reports.back')}
      </Link>
      <PageHeader
        title={t('reports.templates.title')}
        subtitle={canEdit ? t('reports.templates.subtitle') : t('reports.templates.readOnly')}
        actions={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
              {t('reports.templates.create')}
            </Button>
          )
        }
      />
      <Table<TReportTemplate>
        size="small"
        rowKey="id"
        aria-label={t('reports.templates.title')}
        columns={columns}
        dataSource={templates.data ?? []}
        loading={templates.isFetching}
        pagination={false}
        locale={{ emptyText: templates.isError ? errorText(templates.error, t) : t('reports.templates.empty') }}
      />
      {open && (
        <TemplateEditorDrawer
          key={open === 'new' ? 'new' : open.id}
          template={open === 'new' ? null : open}
          canEdit={canEdit}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
