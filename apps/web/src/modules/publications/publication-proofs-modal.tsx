import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  PROOF_KIND_LABELS,
  PROOF_KINDS,
  type TProofKind,
  type TPublication,
  type TPublicationProof,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Form, List, Modal, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { FileUpload, formatFileSize } from '../files/file-upload';
import { proofContentUrl, proofsUrl, publicationKeys, removeProof } from './publications.api';

/** The proof that a publication went out: readers download it; the product's officers upload (with its kind) and remove. */
export function PublicationProofsModal({ publication, onClose }: { publication: TPublication; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<TProofKind>(publication.url ? 'screenshot' : 'clipping');
  const refresh = () => queryClient.invalidateQueries({ queryKey: publicationKeys.all });

  const remove = useMutation({
    mutationFn: (proof: TPublicationProof) => removeProof(publication.id, proof.file.id).then(() => proof),
    onSuccess: async (proof) => {
      message.success(t('files.attachments.removed', { title: proof.title }));
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  return (
    <Modal
      open
      width={720}
      title={t('publications.proofs.title', { outlet: publication.outlet })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('publications.close')}</Button>}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        {publication.proofs.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publications.proofs.empty')} />
        ) : (
          <List
            size="small"
            bordered
            dataSource={publication.proofs}
            rowKey={(proof) => proof.file.id}
            renderItem={(proof) => {
              const href = proofContentUrl(publication.id, proof.file.id);
              return (
                <List.Item
                  actions={[
                    <Button
                      key="download"
                      type="link"
                      icon={<DownloadOutlined />}
                      href={href}
                      download={proof.file.name}
                      aria-label={`${t('files.download')} ${proof.title}`}
                    />,
                    publication.canEdit && (
                      <Popconfirm
                        key="remove"
                        title={t('publications.proofs.removeConfirm', { title: proof.title })}
                        okText={t('files.attachments.remove')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove.mutateAsync(proof).catch(() => undefined)}
                      >
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`${t('files.attachments.remove')} ${proof.title}`}
                        />
                      </Popconfirm>
                    ),
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Flex gap={8} align="center">
                        <Tag>{PROOF_KIND_LABELS[proof.kind][locale]}</Tag>
                        <a href={href} target="_blank" rel="noopener noreferrer">
                          {proof.title}
                        </a>
                      </Flex>
                    }
                    description={
                      <Typography.Text type="secondary">
                        {proof.file.name} · {formatFileSize(proof.file.size, t, locale)}
                        {proof.addedBy &&
                          ` · ${t('files.attachments.addedBy', { name: proof.addedBy, date: formatDateTime(proof.addedAt) })}`}
                      </Typography.Text>
                    }
                  />
                </List.Item>
              );
            }}
          />
        )}
        {publication.canEdit && (
          <>
            <Form.Item label={t('publications.proofs.kind')} style={{ marginBottom: 0 }}>
              <Select<TProofKind>
                value={kind}
                onChange={setKind}
                style={{ maxWidth: 280 }}
                options={PROOF_KINDS.map((value) => ({ value, label: PROOF_KIND_LABELS[value][locale] }))}
              />
            </Form.Item>
            <FileUpload<TPublication> url={proofsUrl(publication.id)} query={{ kind }} onUploaded={refresh} />
          </>
        )}
      </Flex>
    </Modal>
  );
}
