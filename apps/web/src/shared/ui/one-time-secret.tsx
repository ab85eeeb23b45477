import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal } from 'antd';
import { useI18n } from '../../app/i18n/i18n';

interface Props {
  open: boolean;
  title: string;
  secret: string | null;
  warning: string;
  testId: string;
  onClose: () => void;
}

/** Shows a secret (temporary password, API token) once, with a copy button and a warning that it will not be shown again. */
export function OneTimeSecretModal({ open, title, secret, warning, testId, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();

  const copy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      message.success(t('common.copied'));
    } catch {
      message.error(t('common.copyFailed'));
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.doneCopied')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />
      <Flex gap={8} align="center">
        <code className="loa-secret" data-testid={testId} style={{ flex: 1 }}>
          {secret}
        </code>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('common.copy')}
        </Button>
      </Flex>
    </Modal>
  );
}
