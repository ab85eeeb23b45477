import { CheckOutlined, DeleteOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TReport } from '@loa/contracts';
import { Button, Checkbox, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';

export interface ReportActionHandlers {
  busy: 'regenerate' | 'approve' | 'archive' | 'delete' | null;
  regenerate: (resetText: boolean) => void;
  approve: () => void;
  archive: () => void;
  remove: () => void;
}

/** What may be done with the report, each asking first: regenerate (optionally from the template), approve, archive, delete. */
export function ReportActions({ report, actions }: { report: TReport; actions: ReportActionHandlers }) {
  const { t } = useI18n();
  const [confirmRegenerate, setConfirmRegenerate] = useState(false);
  const [resetText, setResetText] = useState(false);
  const draft = report.status === 'draft';

  return (
    <>
      {draft && report.can.edit && (
        <Button
          icon={<ReloadOutlined />}
          loading={actions.busy === 'regenerate'}
          onClick={() => {
            setResetText(false);
            setConfirmRegenerate(true);
          }}
        >
          {t('reports.regenerate')}
        </Button>
      )}
      {draft && report.can.approve && (
        <Popconfirm
          title={t('reports.approveConfirm')}
          description={t('reports.approveHint')}
          okText={t('reports.approve')}
          cancelText={t('common.cancel')}
          onConfirm={actions.approve}
        >
          <Button type="primary" icon={<CheckOutlined />} loading={actions.busy === 'approve'}>
            {t('reports.approve')}
          </Button>
        </Popconfirm>
      )}
      {report.status !== 'archived' && report.can.archive && (
        <Popconfirm
          title={t('reports.archiveConfirm')}
          description={t('reports.archiveHint')}
          okText={t('reports.archive')}
          cancelText={t('common.cancel')}
          onConfirm={actions.archive}
        >
          <Button icon={<InboxOutlined />} loading={actions.busy === 'archive'}>
            {t('reports.archive')}
          </Button>
        </Popconfirm>
      )}
      {draft && report.can.delete && (
        <Popconfirm
          title={t('reports.deleteConfirm')}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={actions.remove}
        >
          <Button danger icon={<DeleteOutlined />} loading={actions.busy === 'delete'}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
      <Modal
        open={confirmRegenerate}
        title={t('reports.regenerateTitle')}
        okText={t('reports.regenerate')}
        cancelText={t('common.cancel')}
        onCancel={() => setConfirmRegenerate(false)}
        onOk={() => {
          setConfirmRegenerate(false);
          actions.regenerate(resetText);
        }}
      >
        <Typography.Paragraph>{t('reports.regenerateHint')}</Typography.Paragraph>
        <Checkbox checked={resetText} onChange={(event) => setResetText(event.target.checked)}>
          {t('reports.resetText')}
        </Checkbox>
        {resetText && (
          <Typography.Paragraph type="warning" style={{ marginTop: 8 }}>
            {t('reports.resetTextWarning')}
          </Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}
