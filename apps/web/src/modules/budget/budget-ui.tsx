import {
  BUDGET_CATEGORIES,
  BUDGET_SPENDING_ROLES,
  BUDGET_CATEGORY_LABELS,
  MAX_DONG,
  dongInWords,
  formatDong,
  groupDigits,
  parseDong,
  type TBudgetCategory,
  type TFiscalYearRow,
  type TLocale,
  type TRole,
} from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { InputNumber, Select, Typography, type InputNumberProps } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { vnCalendarDate } from '../../shared/format';
import { fieldMessage } from '../../shared/validation';
import { budgetKeys, listYears } from './budget.api';
import { pickYear } from './budget-years';

/** Roles that may estimate, allocate from a unit and spend, within their scope (the design's "who may do what"). */
export const BUDGET_WRITE_ROLES: readonly TRole[] = BUDGET_SPENDING_ROLES;

/** An amount as screens show it: "1.234.567 ₫", never wrapped (columns holding it are right-aligned). */
export function Dong({ value, strong }: { value: number; strong?: boolean }) {
  return (
    <Typography.Text strong={strong} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {formatDong(value)}
    </Typography.Text>
  );
}

/** A table column's settings for an amount. */
export const amountColumn = { align: 'right' as const, onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };

/** The amount in Vietnamese words, as budget documents write it under the figures; empty for no amount. */
export function DongWords({ value }: { value: number | null | undefined }) {
  if (value == null || !Number.isSafeInteger(value) || Math.abs(value) > MAX_DONG) return null;
  return (
    <Typography.Text type="secondary" style={{ fontStyle: 'italic' }} data-testid="dong-words">
      {dongInWords(value)}
    </Typography.Text>
  );
}

type DongInputProps = Omit<InputNumberProps<number>, 'formatter' | 'parser' | 'value' | 'onChange'> & {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Leave out the words under the field (cells of a table that shows its total in words). */
  hideWords?: boolean;
};

/** An amount field: typed as "1.234.567" (dots, spaces or commas are read), shown with dots and in words under it. */
export function DongInput({ value, onChange, hideWords, ...props }: DongInputProps) {
  return (
    <>
      <InputNumber<number>
        min={0}
        max={MAX_DONG}
        precision={0}
        step={100_000}
        style={{ width: '100%' }}
        suffix="₫"
        inputMode="numeric"
        {...props}
        value={value ?? null}
        onChange={(next) => onChange?.(typeof next === 'number' ? next : null)}
        formatter={(raw) => {
          const parsed = parseDong(String(raw ?? ''));
          return parsed === null ? String(raw ?? '') : groupDigits(parsed);
        }}
        parser={(text) => parseDong(text ?? '') ?? Number.NaN}
      />
      {!hideWords && (
        <div style={{ minHeight: 22 }}>
          <DongWords value={value} />
        </div>
      )}
    </>
  );
}

/** A rule for an amount field: required, a whole positive number of đồng (zero allowed with `allowZero`). */
export function dongRule(locale: TLocale, allowZero = false) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      if (value === null || value === undefined || value === '') {
        throw new Error(fieldMessage('validation.required', locale));
      }
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < (allowZero ? 0 : 1)) {
        throw new Error(fieldMessage('validation.invalid_amount', locale));
      }
      if (value > MAX_DONG)
        throw new Error(fieldMessage('validation.too_big', locale, { maximum: groupDigits(MAX_DONG) }));
    },
  };
}

/** The category options in the UI language. */
export function categoryOptions(locale: TLocale) {
  return BUDGET_CATEGORIES.map((c) => ({ value: c, label: BUDGET_CATEGORY_LABELS[c][locale] }));
}

export function categoryLabel(category: TBudgetCategory | null, locale: TLocale, allLabel: string): string {
  return category ? BUDGET_CATEGORY_LABELS[category][locale] : allLabel;
}

/** The fiscal years (newest first) and the year a screen starts on: the URL's, else this year if open, else the newest. */
export function useFiscalYears(fromUrl: string | null) {
  const years = useQuery({ queryKey: budgetKeys.years, queryFn: listYears, staleTime: 60_000 });
  const rows: TFiscalYearRow[] = [...(years.data ?? [])].sort((a, b) => b.year - a.year);
  const year = pickYear(rows, fromUrl, Number(vnCalendarDate(new Date()).slice(0, 4)));
  return { query: years, rows, year };
}

/** Picks a fiscal year; closed years are marked. */
export function YearSelect(props: {
  rows: TFiscalYearRow[];
  value: number | undefined;
  onChange: (year: number | undefined) => void;
  allowClear?: boolean;
  loading?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Select<number>
      aria-label={t('budget.field.year')}
      placeholder={t('budget.field.year')}
      allowClear={props.allowClear}
      loading={props.loading}
      value={props.value}
      onChange={(year?: number) => props.onChange(year)}
      options={props.rows.map((r) => ({
        value: r.year,
        label: r.status === 'closed' ? t('budget.year.closedLabel', { year: r.year }) : String(r.year),
      }))}
      style={{ width: 150 }}
      data-testid="budget-year"
    />
  );
}
