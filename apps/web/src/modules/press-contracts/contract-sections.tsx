import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import type { TPressContract, TStoredFile } from '@loa/contracts';
import { Button, Card, Empty, List, Popconfirm, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDate, formatDateTime } from '../../shared/format';
import { FileUpload } from '../files/file-upload';
import { attachFile, contractFileUrl, detachFile } from './press-contracts.api';

interface SectionProps {
  contract: TPressContract;
  /** Runs a change and reports `done` (the page refreshes the contract). */
  run: (work: () => Promise<unknown>, done: string) => void;
}

function FileLink({ contract: c, file }: { contract: TPressContract; file: TStoredFile }) {
  return (
    <a href={contractFileUrl(c.id, file.id)} download={file.name}>
      <DownloadOutlined /> {file.name}
    </a>
  );
}

/** The acceptances (nghiệm thu), each with its lines, reason beyond delivery and minutes. */
export function AcceptancesCard({ contract: c, kindOf }: { contract: TPressContract; kindOf: Map<string, string> }) {
  const { t } = useI18n();
  const fileLink = (file: TStoredFile) => <FileLink contract={c} file={file} />;
  return (
    <Card title={t('pressContracts.section.acceptances')} style={{ marginBottom: 16 }}>
      {c.acceptances.length === 0 ? (
        <Empty description={t('pressContracts.acceptance.empty')} />
      ) : (
        <List
          dataSource={c.acceptances}
          renderItem={(a) => (
            <List.Item key={a.id} extra={a.minutesFile && fileLink(a.minutesFile)}>
              <List.Item.Meta
                title={`${formatDate(a.acceptedOn)} · ${a.lines.map((l) => `${kindOf.get(l.deliverableId)}: ${l.quantity}`).join('; ')}`}
                description={
                  <>
                    {a.note && <div>{a.note}</div>}
                    {a.overDeliveryReason && (
                      <Typography.Text type="warning">
                        {t('pressContracts.acceptance.overReason', { reason: a.overDeliveryReason })}
                      </Typography.Text>
                    )}
                    <div>{`${a.createdBy.name} · ${formatDateTime(a.createdAt)}`}</div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The contract's files (the signed scan, annexes), uploaded through /api/files then attached. */
export function AttachmentsCard({ contract: c, run }: SectionProps) {
  const { t } = useI18n();
  const editable = c.canEdit;
  const fileLink = (file: TStoredFile) => <FileLink contract={c} file={file} />;
  return (
    <Card title={t('pressContracts.section.attachments')}>
      <List
        dataSource={c.attachments}
        locale={{ emptyText: t('pressContracts.attachments.empty') }}
        renderItem={(a) => (
          <List.Item
            key={a.file.id}
            actions={
              editable
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('pressContracts.attachments.remove', { name: a.file.name })}
                      onConfirm={() => run(() => detachFile(c.id, a.file.id), t('common.saved'))}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('common.delete')} ${a.file.name}`}
                      />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta title={fileLink(a.file)} description={`${a.addedBy.name} · ${formatDateTime(a.addedAt)}`} />
          </List.Item>
        )}
      />
      {editable && (
        <>
          <Typography.Paragraph type="secondary">{t('pressContracts.attachments.uploadHint')}</Typography.Paragraph>
          <FileUpload<TStoredFile>
            url="/api/files"
            onUploaded={(file) => run(() => attachFile(c.id, file.id), t('common.saved'))}
          />
        </>
      )}
    </Card>
  );
}
