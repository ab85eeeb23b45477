import { DeleteOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { TLexiconState } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError, type ApiFieldError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import {
  draftProblems,
  fromDraft,
  lexiconPlace,
  rowKey,
  toDraft,
  type DraftProblem,
  type LexiconDraft,
} from './classifier-helpers';
import { ClassifierRulesTable } from './classifier-rules-table';
import { classifierKeys, saveLexicon } from './classifier.api';

interface Props {
  state: TLexiconState;
  /** Reads the lexicon again (after someone else saved it). */
  reload: () => Promise<unknown>;
}

/** Tags input for a list of terms (typed, separated by Enter, comma or semicolon). */
function TermsInput(props: { value: string[]; disabled: boolean; label: string; onChange: (v: string[]) => void }) {
  return (
    <Select
      mode="tags"
      open={false}
      value={props.value}
      disabled={props.disabled}
      tokenSeparators={[',', ';']}
      aria-label={props.label}
      status={props.value.length === 0 ? 'error' : undefined}
      style={{ width: '100%' }}
      onChange={props.onChange}
    />
  );
}

/** The lexicon editor: the scheme gate, the named term groups and the rules; saved whole, guarded by its version. */
export function ClassifierLexiconEditor({ state, reload }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<LexiconDraft>(() => toDraft(state.lexicon));
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [serverErrors, setServerErrors] = useState<ApiFieldError[]>([]);
  const canEdit = state.canEdit;

  const change = (next: Partial<LexiconDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setDirty(true);
  };
  const reset = (next: TLexiconState) => {
    setDraft(toDraft(next.lexicon));
    setDirty(false);
    setProblems([]);
    setServerErrors([]);
  };

  const save = useMutation({
    mutationFn: () => saveLexicon(fromDraft(draft), state.version),
    onSuccess: (saved) => {
      queryClient.setQueryData(classifierKeys.lexicon, saved);
      reset(saved);
      message.success(t('monClassifier.lexicon.saved', { version: saved.version }));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void modal.confirm({
          title: t('monClassifier.lexicon.conflictTitle'),
          content: t('monClassifier.lexicon.conflictText'),
          okText: t('monClassifier.lexicon.reload'),
          cancelText: t('monClassifier.lexicon.keepEditing'),
          // A newer version remounts the editor with a fresh draft (the page keys it by version).
          onOk: () => reload(),
        });
      else {
        if (error instanceof ApiError) setServerErrors(error.errors);
        message.error(errorText(error, t));
      }
    },
  });

  const submit = () => {
    const found = draftProblems(draft);
    setProblems(found);
    setServerErrors([]);
    if (found.length === 0) save.mutate();
  };
  const problemText = (p: DraftProblem) =>
    'position' in p
      ? t(`monClassifier.problem.${p.code}`, { n: p.position, name: 'name' in p ? p.name : '' })
      : t(`monClassifier.problem.${p.code}`);
  const placeText = (field: string) => {
    const place = lexiconPlace(field);
    if (place.area === 'gate') return t('monClassifier.gate.title');
    if (place.area === 'group') return t('monClassifier.groups.terms', { name: place.name });
    if (place.area === 'rule') return t('monClassifier.place.rule', { n: place.position });
    return field;
  };
  const listed = [...problems.map(problemText), ...serverErrors.map((e) => `${placeText(e.field)}: ${e.message}`)];

  return (
    <Card
      size="small"
      title={t('monClassifier.lexicon.title')}
      extra={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">
            {t('monClassifier.lexicon.version', { version: state.version })}
            {state.updatedAt &&
              ` · ${t('monClassifier.lexicon.updated', { at: formatDateTime(state.updatedAt), by: state.updatedBy ?? '' })}`}
          </Typography.Text>
          {canEdit && (
            <>
              <Button icon={<UndoOutlined />} disabled={!dirty} onClick={() => reset(state)}>
                {t('monClassifier.lexicon.discard')}
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={!dirty}
                loading={save.isPending}
                data-testid="lexicon-save"
                onClick={submit}
              >
                {t('common.save')}
              </Button>
            </>
          )}
        </Flex>
      }
    >
      {!canEdit && (
        <Alert type="info" showIcon title={t('monClassifier.lexicon.readOnly')} style={{ marginBottom: 16 }} />
      )}
      {listed.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('monClassifier.lexicon.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {listed.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Typography.Title level={5}>{t('monClassifier.gate.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('monClassifier.gate.hint')}</Typography.Paragraph>
      <TermsInput
        value={draft.schemeGate}
        disabled={!canEdit}
        label={t('monClassifier.gate.title')}
        onChange={(schemeGate) => change({ schemeGate })}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('monClassifier.groups.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('monClassifier.groups.hint')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        {draft.groups.map((group) => (
          <Flex key={group.key} gap={8} align="start">
            <Input
              value={group.name}
              disabled={!canEdit}
              status={group.name.trim() === '' ? 'error' : undefined}
              aria-label={t('monClassifier.groups.name')}
              placeholder={t('monClassifier.groups.name')}
              style={{ width: 200, fontFamily: 'monospace' }}
              onChange={(event) =>
                change({
                  groups: draft.groups.map((g) => (g.key === group.key ? { ...g, name: event.target.value } : g)),
                })
              }
            />
            <TermsInput
              value={group.terms}
              disabled={!canEdit}
              label={t('monClassifier.groups.terms', { name: group.name })}
              onChange={(terms) =>
                change({ groups: draft.groups.map((g) => (g.key === group.key ? { ...g, terms } : g)) })
              }
            />
            {canEdit && (
              <Button
                danger
                type="text"
                icon={<DeleteOutlined />}
                aria-label={`${t('common.delete')} ${group.name}`}
                onClick={() => change({ groups: draft.groups.filter((g) => g.key !== group.key) })}
              />
            )}
          </Flex>
        ))}
        {canEdit && (
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => change({ groups: [...draft.groups, { key: rowKey(), name: '', terms: [] }] })}
          >
            {t('monClassifier.groups.add')}
          </Button>
        )}
      </Flex>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('monClassifier.rules.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('monClassifier.rules.hint')}</Typography.Paragraph>
      <ClassifierRulesTable rules={draft.rules} canEdit={canEdit} onChange={(rules) => change({ rules })} />
    </Card>
  );
}
