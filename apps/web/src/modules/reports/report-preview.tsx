import type { TReport } from '@loa/contracts';
import { Card, Col, Row, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDate } from '../../shared/format';
import { paragraphsOf } from './report-values';

const serif = { fontFamily: '"Times New Roman", "Liberation Serif", serif' };

/** The fixed words of the official document (Nghị định 30/2020): Vietnamese whatever the UI language, as in the DOCX. */
const DOCUMENT = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  kind: 'BÁO CÁO',
  recipients: 'Nơi nhận:',
} as const;

/**
 * The body as text, laid out like the document (header, title, subject, sections, recipients and signature); the
 * tables and the chart are only named here — the documents themselves are the downloads.
 */
export function ReportPreview({ report }: { report: TReport }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="report-preview" style={serif}>
      <Row gutter={16}>
        <Col span={10} style={{ textAlign: 'center' }}>
          <div>{report.parentAgency.toLocaleUpperCase('vi')}</div>
          <strong>{report.issuer.toLocaleUpperCase('vi')}</strong>
          <div>{t('reports.preview.number', { number: report.number ?? '…' })}</div>
        </Col>
        <Col span={14} style={{ textAlign: 'center' }}>
          <strong>{DOCUMENT.nation}</strong>
          <div>
            <strong>{DOCUMENT.motto}</strong>
          </div>
          <em>
            {report.place}, {report.signedOn ? formatDate(report.signedOn) : t('reports.preview.unsigned')}
          </em>
        </Col>
      </Row>
      <Typography.Title level={4} style={{ ...serif, textAlign: 'center', marginTop: 24, marginBottom: 0 }}>
        {DOCUMENT.kind}
      </Typography.Title>
      <Typography.Paragraph strong style={{ textAlign: 'center' }}>
        {report.subject}
      </Typography.Paragraph>
      {report.sections.map((section, index) => (
        <section key={index}>
          <Typography.Paragraph strong style={{ marginBottom: 6 }}>
            {section.heading}
          </Typography.Paragraph>
          {paragraphsOf(section.text).map((paragraph, n) => (
            <Typography.Paragraph
              key={n}
              style={{ textIndent: '1.27cm', textAlign: 'justify', whiteSpace: 'pre-line', marginBottom: 6 }}
            >
              {paragraph}
            </Typography.Paragraph>
          ))}
          {section.table !== 'none' && (
            <Typography.Paragraph type="secondary" italic>
              [{t(`reports.table.${section.table}`)}]
            </Typography.Paragraph>
          )}
        </section>
      ))}
      <Row gutter={16} style={{ marginTop: 24 }}>
        <Col span={12}>
          <strong>
            <em>{DOCUMENT.recipients}</em>
          </strong>
          {report.recipients.map((line, index) => (
            <div key={index} style={{ fontSize: 12 }}>
              {line}
            </div>
          ))}
        </Col>
        <Col span={12} style={{ textAlign: 'center' }}>
          {report.signerAuthority && <strong>{report.signerAuthority.toLocaleUpperCase('vi')}</strong>}
          {report.signerTitle && (
            <div>
              <strong>{report.signerTitle.toLocaleUpperCase('vi')}</strong>
            </div>
          )}
          <div style={{ height: 56 }} />
          <strong>{report.signerName}</strong>
        </Col>
      </Row>
    </Card>
  );
}
