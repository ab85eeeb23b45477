import { FilePdfOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TReview } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { useDownload } from '../../shared/use-download';
import { downloadReviewDocument, fetchReviewHtml, reviewKeys } from './press-reviews.api';

type Copy = 'full' | 'mine';

/**
 * The edition exactly as the e-mail prints it (the server renders it), in a sandboxed frame, with its PDF and DOCX.
 * Once approved, a recipient can also see their own copy (only the sections and provinces they subscribed to).
 */
export function ReviewPreview({ review }: { review: TReview }) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<Copy>('full');
  const mine = copy === 'mine';
  const html = useQuery({
    queryKey: reviewKeys.document(review.kind, review.id, mine, review.version),
    queryFn: () => fetchReviewHtml(review.kind, review.id, mine),
  });
  const pdf = useDownload(() => downloadReviewDocument(review.kind, review.id, 'pdf', review.editionDate, mine));
  const docx = useDownload(() => downloadReviewDocument(review.kind, review.id, 'docx', review.editionDate, mine));

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        {review.status === 'approved' && (
          <Segmented<Copy>
            aria-label={t('reviews.preview.copy')}
            value={copy}
            onChange={setCopy}
            options={[
              { value: 'full', label: t('reviews.preview.full') },
              { value: 'mine', label: t('reviews.preview.mine') },
            ]}
          />
        )}
        <Button icon={<FilePdfOutlined />} loading={pdf.running} onClick={() => void pdf.run()}>
          {t('reviews.preview.pdf')}
        </Button>
        <Button icon={<FileWordOutlined />} loading={docx.running} onClick={() => void docx.run()}>
          {t('reviews.preview.docx')}
        </Button>
        <Button icon={<ReloadOutlined />} loading={html.isFetching} onClick={() => void html.refetch()}>
          {t('reviews.preview.reload')}
        </Button>
      </Flex>
      {html.isError && <Alert type="error" showIcon title={errorText(html.error, t)} />}
      {html.isPending ? (
        <Spin description={t('reviews.preview.loading')} />
      ) : (
        html.data !== undefined && (
          <iframe
            title={t('reviews.preview.frameTitle', { title: review.title })}
            srcDoc={html.data}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            style={{ width: '100%', minHeight: 720, border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
          />
        )
      )}
    </Flex>
  );
}
