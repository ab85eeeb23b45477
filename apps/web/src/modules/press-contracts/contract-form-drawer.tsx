import { ZCreatePressContractRequest, dongInWords, formatDong, type TPressContract } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { cleanText, requiredRule, schemaRule } from '../../shared/validation';
import { listItems, listYears } from '../guidance/guidance.api';
import { contractKeys, createContract, listOutletOptions, updateContract } from './press-contracts.api';

interface Values {
  number: string;
  title: string;
  outletId: string;
  value: number;
  year: number;
  periodFrom: Dayjs;
  periodTo: Dayjs;
  themes?: string[];
  note?: string;
}

const FIELDS = ['number', 'title', 'outletId', 'value', 'year', 'periodFrom', 'periodTo', 'themes', 'note', 'unitId'];
const shape = ZCreatePressContractRequest.shape;

/** The theme options of the guidance in force in `year` (the latest guidance year up to it). */
export function useThemeOptions(year: number | undefined) {
  const { locale } = useI18n();
  const years = useQuery({ queryKey: ['guidance', 'years'], queryFn: listYears, staleTime: 600_000 });
  const guidanceYear = (years.data ?? []).map((y) => y.year).find((y) => year !== undefined && y <= year);
  const themes = useQuery({
    queryKey: ['guidance', 'items', guidanceYear, 'themes'],
    queryFn: () => listItems(guidanceYear!, 'themes'),
    enabled: guidanceYear !== undefined,
    staleTime: 600_000,
  });
  return (themes.data ?? []).map((item) => ({
    value: item.code,
    label: `${item.code} ${locale === 'vi' ? item.nameVi : item.nameEn}`,
  }));
}

/** Drafts a contract or edits a draft; the value is shown in words as it is typed. */
export function ContractFormDrawer(props: {
  contract: TPressContract | null;
  onClose: () => void;
  onSaved?: (contract: TPressContract) => void;
}) {
  const { contract, onClose, onSaved } = props;
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [outletSearch, setOutletSearch] = useState('');
  const debounced = useDebouncedValue(outletSearch, 300);
  const outlets = useQuery({
    queryKey: ['press-contracts', 'outlets', debounced],
    queryFn: () => listOutletOptions(debounced || undefined),
  });
  const value = Form.useWatch('value', form);
  const year = Form.useWatch('year', form);
  const themeOptions = useThemeOptions(year);
  const outletOptions = (outlets.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (contract && !outletOptions.some((o) => o.value === contract.outlet.id))
    outletOptions.unshift({ value: contract.outlet.id, label: contract.outlet.name });

  const save = useMutation({
    mutationFn: (values: Values) => {
      const request = {
        number: values.number.trim(),
        title: values.title.trim(),
        outletId: values.outletId,
        value: values.value,
        year: values.year,
        periodFrom: values.periodFrom.format('YYYY-MM-DD'),
        periodTo: values.periodTo.format('YYYY-MM-DD'),
        themes: values.themes ?? [],
        note: cleanText(values.note),
      };
      return contract
        ? updateContract(contract.id, { ...request, version: contract.version })
        : createContract(request);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: contractKeys.all });
      message.success(contract ? t('common.saved') : t('pressContracts.created', { number: saved.number }));
      onSaved?.(saved);
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const thisYear = dayjs().year();
  return (
    <Drawer
      open
      size="large"
      title={
        contract
          ? t('pressContracts.form.editTitle', { number: contract.number })
          : t('pressContracts.form.createTitle')
      }
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          contract
            ? {
                number: contract.number,
                title: contract.title,
                outletId: contract.outlet.id,
                value: contract.value,
                year: contract.year,
                periodFrom: dayjs(contract.periodFrom),
                periodTo: dayjs(contract.periodTo),
                themes: contract.themes,
                note: contract.note ?? undefined,
              }
            : { year: thisYear, periodFrom: dayjs(`${thisYear}-01-01`), periodTo: dayjs(`${thisYear}-12-31`) }
        }
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="number"
              label={t('pressContracts.field.number')}
              rules={[requiredRule(locale), schemaRule(shape.number, locale)]}
            >
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="outletId"
              label={t('pressContracts.field.outlet')}
              extra={t('pressContracts.form.outletHint')}
              rules={[requiredRule(locale)]}
            >
              <Select showSearch={{ filterOption: false, onSearch: setOutletSearch }} options={outletOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t('pressContracts.field.title')}
          rules={[requiredRule(locale), schemaRule(shape.title, locale)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="value"
              label={t('pressContracts.field.value')}
              rules={[requiredRule(locale), schemaRule(shape.value, locale)]}
              extra={
                typeof value === 'number' && value > 0 ? (
                  <Typography.Text type="secondary">
                    {formatDong(value)} — {t('pressContracts.valueInWords', { words: dongInWords(value) })}
                  </Typography.Text>
                ) : undefined
              }
            >
              <InputNumber<number>
                min={1}
                precision={0}
                style={{ width: '100%' }}
                formatter={(v) =>
                  v === undefined || v === null ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
                }
                parser={(v) => Number((v ?? '').replace(/\./g, ''))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="year"
              label={t('pressContracts.field.year')}
              rules={[requiredRule(locale), schemaRule(shape.year, locale)]}
            >
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="periodFrom" label={t('pressContracts.field.periodFrom')} rules={[requiredRule(locale)]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="periodTo" label={t('pressContracts.field.periodTo')} rules={[requiredRule(locale)]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="themes" label={t('pressContracts.field.themes')}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={themeOptions} />
        </Form.Item>
        <Form.Item name="note" label={t('pressContracts.field.note')} rules={[schemaRule(shape.note, locale)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
