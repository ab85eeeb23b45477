import { DeleteOutlined, QrcodeOutlined, StopOutlined } from '@ant-design/icons';
import type { TEventDetail } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Image, InputNumber, QRCode, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { FileUpload } from '../files/file-upload';
import { closeCheckIn, eventKeys, openCheckIn, photoUrl, removePhoto } from './events.api';

/** The QR code participants scan: a signed link that expires; opening again makes a new one. */
export function CheckInCard({ event }: { event: TEventDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [hours, setHours] = useState(8);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: eventKeys.detail(event.id) });
  const open = useMutation({
    mutationFn: () => openCheckIn(event.id, hours),
    onSuccess: async (opened) => {
      setLink({ url: `${window.location.origin}${opened.path}`, expiresAt: opened.expiresAt });
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  const close = useMutation({
    mutationFn: () => closeCheckIn(event.id),
    onSuccess: async () => {
      setLink(null);
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  const usable = event.canEdit && (event.status === 'planned' || event.status === 'held');
  return (
    <Card title={t('events.checkIn.title')} data-testid="check-in-card">
      <Typography.Paragraph type="secondary">{t('events.checkIn.intro')}</Typography.Paragraph>
      {link && (
        <Flex vertical align="center" gap={8} style={{ marginBottom: 12 }}>
          <QRCode value={link.url} size={220} data-testid="check-in-qr" />
          <Typography.Text copyable={{ text: link.url }} data-testid="check-in-link" style={{ wordBreak: 'break-all' }}>
            {t('events.checkIn.link')}
          </Typography.Text>
        </Flex>
      )}
      <Typography.Paragraph>
        {event.checkIn.open && event.checkIn.expiresAt
          ? t('events.checkIn.openUntil', { at: formatDateTime(event.checkIn.expiresAt) })
          : t('events.checkIn.closed')}
      </Typography.Paragraph>
      {event.checkIn.open && !link && (
        <Typography.Paragraph type="secondary">{t('events.checkIn.reopenHint')}</Typography.Paragraph>
      )}
      {usable && (
        <Flex gap={8} wrap align="center">
          <InputNumber
            min={1}
            max={48}
            precision={0}
            value={hours}
            onChange={(value) => setHours(value ?? 8)}
            aria-label={t('events.checkIn.hours')}
            addonAfter={t('events.checkIn.hours')}
            style={{ width: 200 }}
          />
          <Button
            icon={<QrcodeOutlined />}
            loading={open.isPending}
            onClick={() => open.mutate()}
            data-testid="check-in-open"
          >
            {t(event.checkIn.open ? 'events.checkIn.reopen' : 'events.checkIn.open')}
          </Button>
          {event.checkIn.open && (
            <Button icon={<StopOutlined />} loading={close.isPending} onClick={() => close.mutate()}>
              {t('events.checkIn.close')}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}

/** Photos of the event: thumbnails that open the full image; organisers upload and remove them. */
export function PhotosCard({ event }: { event: TEventDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: eventKeys.detail(event.id) });
  const remove = useMutation({
    mutationFn: (fileId: string) => removePhoto(event.id, fileId),
    onSuccess: refresh,
    onError: (error) => message.error(errorText(error, t)),
  });
  const editable = event.canEdit && event.status !== 'cancelled';
  return (
    <Card title={t('events.photos.title')} data-testid="event-photos">
      {event.photos.length === 0 ? (
        <Empty description={t('events.photos.empty')} />
      ) : (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {event.photos.map((photo) => (
              <Flex key={photo.fileId} vertical align="center" gap={4}>
                <Image
                  width={120}
                  height={90}
                  style={{ objectFit: 'cover' }}
                  alt={photo.name}
                  src={photoUrl(event.id, photo.fileId, photo.hasThumbnail)}
                  preview={{ src: photoUrl(event.id, photo.fileId, false) }}
                />
                {editable && (
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('events.photos.remove')} ${photo.name}`}
                    onClick={() => remove.mutate(photo.fileId)}
                  />
                )}
              </Flex>
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {editable && (
        <div style={{ marginTop: 12 }}>
          <FileUpload url={`/api/events/${encodeURIComponent(event.id)}/photos`} onUploaded={refresh} />
        </div>
      )}
    </Card>
  );
}
