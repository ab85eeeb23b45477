import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TOrgUnit } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { UnitKindLabel } from '../../shared/ui/labels';
import { deleteUnit, orgUnitKeys } from './org-units.api';
import { UnitFormModal, type UnitFormMode } from './unit-form-modal';

interface Props {
  unit: TOrgUnit | null;
  parent: TOrgUnit | null;
  canManage: boolean;
  onSelect: (id: string | null) => void;
}

/** The selected unit's details and, for administrators, its create/edit/delete actions. */
export function UnitDetails({ unit, parent, canManage, onSelect }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [formMode, setFormMode] = useState<UnitFormMode | null>(null);

  const remove = useMutation({
    mutationFn: (target: TOrgUnit) => deleteUnit(target.id),
    onSuccess: async (_result, target) => {
      message.success(t('orgUnits.deleted', { name: target.name }));
      onSelect(target.parentId);
      await queryClient.invalidateQueries({ queryKey: orgUnitKeys.all });
    },
    // 409 org.has_children / org.has_users: the server's message says why the unit must stay.
    onError: (error) => modal.error({ title: t('orgUnits.deleteFailed'), content: errorText(error, t) }),
  });

  if (!unit) {
    return (
      <Card size="small">
        <Empty description={t('orgUnits.selectHint')} />
      </Card>
    );
  }

  const period =
    unit.activeFrom || unit.activeTo
      ? `${formatDate(unit.activeFrom) || '…'} – ${formatDate(unit.activeTo) || t('orgUnits.present')}`
      : t('orgUnits.alwaysActive');

  return (
    <Card
      size="small"
      title={unit.name}
      extra={
        canManage && (
          <Space wrap>
            <Button size="small" icon={<PlusOutlined />} onClick={() => setFormMode({ kind: 'create', parent: unit })}>
              {t('orgUnits.addChild')}
            </Button>
            <Button size="small" icon={<EditOutlined />} onClick={() => setFormMode({ kind: 'edit', unit })}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('orgUnits.deleteConfirm', { name: unit.name })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutateAsync(unit).catch(() => undefined)}
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'code', label: t('orgUnits.field.code'), children: unit.code },
          { key: 'name', label: t('orgUnits.field.name'), children: unit.name },
          { key: 'shortName', label: t('orgUnits.field.shortName'), children: unit.shortName ?? t('common.none') },
          { key: 'kind', label: t('orgUnits.field.kind'), children: <UnitKindLabel kind={unit.kind} /> },
          { key: 'parent', label: t('orgUnits.field.parent'), children: parent?.name ?? t('common.none') },
          {
            key: 'adminUnitCode',
            label: t('orgUnits.field.adminUnitCode'),
            children: unit.adminUnitCode ?? t('common.none'),
          },
          { key: 'period', label: t('orgUnits.field.activePeriod'), children: period },
          { key: 'children', label: t('orgUnits.field.childCount'), children: unit.childCount },
          { key: 'users', label: t('orgUnits.field.userCount'), children: unit.userCount },
        ]}
      />
      {formMode && (
        <UnitFormModal
          mode={formMode}
          onClose={() => setFormMode(null)}
          onSaved={(saved) => {
            setFormMode(null);
            onSelect(saved.id);
          }}
        />
      )}
    </Card>
  );
}
