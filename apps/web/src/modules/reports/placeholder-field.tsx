import { DownOutlined } from '@ant-design/icons';
import { REPORT_PLACEHOLDER_LABELS } from '@loa/contracts';
import { Button, Dropdown, Flex, Input, type FormRule } from 'antd';
import { useRef, type ChangeEvent, type SyntheticEvent } from 'react';
import { useI18n, type Translate } from '../../app/i18n/i18n';
import { PLACEHOLDERS, insertPlaceholder, unknownNames } from './report-values';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** A text area (a section's text) instead of one line (subject, heading). */
  multiline?: boolean;
  disabled?: boolean;
  maxLength?: number;
  'aria-label'?: string;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * A text field of a report or template with a menu that inserts `{{placeholder}}` (listed by their labels) where the
 * caret is. Unknown placeholders are flagged by `placeholderRule` on the Form.Item as the user types.
 */
export function PlaceholderField({ id, value = '', onChange, multiline, disabled, maxLength, ...rest }: Props) {
  const { t, locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  // Where the caret was last (the menu takes the focus away from the field).
  const selection = useRef<{ start: number | null; end: number | null }>({ start: null, end: null });
  const remember = (event: SyntheticEvent<Field>) => {
    selection.current = { start: event.currentTarget.selectionStart, end: event.currentTarget.selectionEnd };
  };
  const change = (event: ChangeEvent<Field>) => {
    remember(event);
    onChange?.(event.target.value);
  };

  const insert = (name: string) => {
    const next = insertPlaceholder(value, name, selection.current.start, selection.current.end);
    onChange?.(next.text);
    selection.current = { start: next.caret, end: next.caret };
    // Back to the field with the caret after the placeholder, once React has rendered the new text.
    requestAnimationFrame(() => {
      const field = box.current?.querySelector<Field>('textarea, input');
      field?.focus();
      field?.setSelectionRange(next.caret, next.caret);
    });
  };

  const common = {
    id,
    value,
    disabled,
    maxLength,
    'aria-label': rest['aria-label'],
    onChange: change,
    onSelect: remember,
    onKeyUp: remember,
    onClick: remember,
  };
  return (
    <Flex vertical={multiline} gap={4} ref={box}>
      {multiline ? (
        <Input.TextArea {...common} autoSize={{ minRows: 3, maxRows: 14 }} />
      ) : (
        <Input {...common} autoComplete="off" />
      )}
      {!disabled && (
        <Flex justify="flex-end">
          <Dropdown
            trigger={['click']}
            menu={{
              items: PLACEHOLDERS.map((name) => ({
                key: name,
                label: `${REPORT_PLACEHOLDER_LABELS[name][locale]} — {{${name}}}`,
              })),
              onClick: ({ key }) => insert(key),
              style: { maxHeight: 360, overflowY: 'auto' },
            }}
          >
            <Button size="small" type="dashed">
              {t('reports.placeholder.insert')} <DownOutlined />
            </Button>
          </Dropdown>
        </Flex>
      )}
    </Flex>
  );
}

/** Flags placeholders the generator does not know, as the user types (the server refuses them with 422). */
export function placeholderRule(t: Translate): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const unknown = unknownNames(typeof value === 'string' ? value : '');
      if (unknown.length > 0)
        throw new Error(t('reports.placeholder.unknown', { names: unknown.map((n) => `{{${n}}}`).join(', ') }));
    },
  };
}
