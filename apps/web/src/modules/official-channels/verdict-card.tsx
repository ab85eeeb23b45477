import { CheckCircleFilled, ExclamationCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import {
  CHANNEL_KIND_LABELS,
  CHECK_VERDICT_LABELS,
  LOOKALIKE_REASON_LABELS,
  type TCheckFinding,
  type TCheckVerdict,
  type TPublicCheckResult,
} from '@loa/contracts';
import { Card, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';

const LOOK: Record<TCheckVerdict, { color: string; background: string; icon: React.ReactNode }> = {
  official: { color: '#237804', background: '#f6ffed', icon: <CheckCircleFilled /> },
  reported_fake: { color: '#a8071a', background: '#fff1f0', icon: <ExclamationCircleFilled /> },
  lookalike: { color: '#a8071a', background: '#fff1f0', icon: <ExclamationCircleFilled /> },
  unknown: { color: '#ad6800', background: '#fffbe6', icon: <QuestionCircleFilled /> },
};

function FindingLine({ finding }: { finding: TCheckFinding }) {
  const { t, locale } = useI18n();
  const look = LOOK[finding.verdict];
  const imitated = finding.verdict === 'lookalike' && finding.entry;
  return (
    <div data-testid="check-finding">
      <Flex gap={8} align="center" wrap>
        <Typography.Text code>{finding.text}</Typography.Text>
        <Tag color={finding.verdict === 'official' ? 'green' : finding.verdict === 'unknown' ? 'gold' : 'red'}>
          <span style={{ color: look.color }}>{CHECK_VERDICT_LABELS[finding.verdict][locale]}</span>
        </Tag>
      </Flex>
      {finding.entry && (
        <Typography.Paragraph style={{ margin: '4px 0 0' }}>
          {t(imitated ? 'publicCheck.imitates' : 'publicCheck.entry', {
            name: `${finding.entry.display} (${CHANNEL_KIND_LABELS[finding.entry.kind][locale].toLowerCase()})`,
          })}
        </Typography.Paragraph>
      )}
      {finding.reasons.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {finding.reasons.map((reason) => (
            <li key={reason}>{LOOKALIKE_REASON_LABELS[reason][locale]}</li>
          ))}
        </ul>
      )}
      {finding.context && finding.verdict === 'lookalike' && (
        <Typography.Paragraph type="secondary" italic style={{ margin: '4px 0 0' }}>
          “{finding.context}”
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** The answer of a check: a green, amber or red card with the verdict, what to do, and each finding. */
export function VerdictCard({ result }: { result: TPublicCheckResult }) {
  const { t, locale } = useI18n();
  const look = LOOK[result.verdict];
  const advice =
    result.verdict === 'official'
      ? 'publicCheck.advice.official'
      : result.verdict === 'unknown'
        ? 'publicCheck.advice.unknown'
        : 'publicCheck.advice.danger';
  return (
    <Card
      role="status"
      data-testid="check-verdict"
      data-verdict={result.verdict}
      style={{ borderColor: look.color, background: look.background }}
    >
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0, color: look.color }}>
        <span aria-hidden>{look.icon}</span> {CHECK_VERDICT_LABELS[result.verdict][locale]}
      </Typography.Title>
      <Typography.Paragraph strong>{result.message[locale]}</Typography.Paragraph>
      <Typography.Paragraph>{t(advice)}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {result.findings.map((finding, index) => (
          <FindingLine key={`${index}-${finding.value}`} finding={finding} />
        ))}
      </Flex>
    </Card>
  );
}
