import type { TEditScope } from '@loa/contracts';
import { Alert, Button, Modal, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n';

export interface ScopeQuestion {
  title: string;
  text: string;
  /** Whether "this and all later ones" may be chosen; when not, `futureBlocked` says why. */
  futureAllowed: boolean;
  futureBlocked?: string;
  /** Shown under the question when "later ones" is allowed. */
  futureHint?: string;
  danger?: boolean;
}

/**
 * Asks "chỉ lần này" / "lần này và các lần sau" for an occurrence of a recurring series. `ask` resolves with the
 * choice, or null when the user cancels; render `dialog` once.
 */
export function useScopeChoice(): { ask: (question: ScopeQuestion) => Promise<TEditScope | null>; dialog: ReactNode } {
  const { t } = useI18n();
  const [question, setQuestion] = useState<ScopeQuestion | null>(null);
  const resolver = useRef<((scope: TEditScope | null) => void) | null>(null);

  const answer = (scope: TEditScope | null) => {
    resolver.current?.(scope);
    resolver.current = null;
    setQuestion(null);
  };

  const ask = (next: ScopeQuestion) =>
    new Promise<TEditScope | null>((resolve) => {
      resolver.current?.(null);
      resolver.current = resolve;
      setQuestion(next);
    });

  const dialog = question && (
    <Modal
      open
      title={question.title}
      onCancel={() => answer(null)}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={() => answer(null)}>
          {t('common.cancel')}
        </Button>,
        <Button key="one" danger={question.danger} onClick={() => answer('one')} data-testid="scope-one">
          {t('calendar.scope.one')}
        </Button>,
        <Button
          key="future"
          type="primary"
          danger={question.danger}
          disabled={!question.futureAllowed}
          onClick={() => answer('future')}
          data-testid="scope-future"
        >
          {t('calendar.scope.future')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{question.text}</Typography.Paragraph>
      {question.futureAllowed
        ? question.futureHint && <Typography.Text type="secondary">{question.futureHint}</Typography.Text>
        : question.futureBlocked && <Alert type="info" showIcon title={question.futureBlocked} />}
    </Modal>
  );

  return { ask, dialog };
}
