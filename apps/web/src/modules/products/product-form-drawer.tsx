import {
  PRODUCT_LANGUAGE_LABELS,
  PRODUCT_LANGUAGES,
  ZCreateProductRequest,
  type TProductDetail,
  type TProductLanguage,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { useCurrentUser } from '../auth/session';
import type { GuidanceSegment } from '../guidance/guidance.api';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { GuidanceCodeSelect, useGuidanceYears } from '../proposals/guidance-codes';
import { changedFields, inputOf, toCreateRequest, type ProductFormInput } from './product-form';
import { createProduct, productKeys, searchCalendarItems, updateProduct } from './products.api';

const FIELDS = [
  'guidanceYear',
  'typeCode',
  'title',
  'summary',
  'body',
  'themeCodes',
  'audienceCodes',
  'channelCodes',
  'ownerUnitId',
  'authors',
  'partnerOutlet',
  'language',
  'calendarItemId',
  'note',
] as const;
const shape = ZCreateProductRequest.shape;
const CODE_FIELDS = {
  themeCodes: { label: 'products.field.themes', segment: 'themes' },
  audienceCodes: { label: 'products.field.audiences', segment: 'audiences' },
  channelCodes: { label: 'products.field.channels', segment: 'channels' },
} as const satisfies Record<string, { label: MessageKey; segment: GuidanceSegment }>;

interface Props {
  /** The product to edit; null to create one. */
  product: TProductDetail | null;
  onClose: () => void;
  onSaved: (product: TProductDetail) => void;
}

/** Creates a product or saves an edit of it as its next version; every field is checked as the user types. */
export function ProductFormDrawer({ product, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<ProductFormInput>();
  const [formError, setFormError] = useState<string | null>(null);
  const [calendarSearch, setCalendarSearch] = useState('');
  const q = useDebouncedValue(calendarSearch.trim(), 300);
  const years = useGuidanceYears();
  const calendarItems = useQuery({
    queryKey: productKeys.calendarSearch(q),
    queryFn: () => searchCalendarItems(q),
    enabled: q.length > 0,
  });
  const year = Form.useWatch('guidanceYear', form) ?? product?.guidanceYear;

  const mutation = useMutation({
    mutationFn: async (values: ProductFormInput) => {
      if (!product) return createProduct(toCreateRequest(values));
      const changes = changedFields(product, values);
      return Object.keys(changes).length > 1 ? updateProduct(product.id, changes) : product;
    },
    onSuccess: async (saved) => {
      if (!product) message.success(t('products.created'));
      else if (saved.currentVersion === product.currentVersion) message.info(t('products.unchanged'));
      else message.success(t('products.savedVersion', { number: saved.currentVersion }));
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
      onSaved(saved);
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const initialValues: Partial<ProductFormInput> = product
    ? inputOf(product)
    : {
        themeCodes: [],
        audienceCodes: [],
        channelCodes: [],
        authors: [],
        language: 'vi',
        ownerUnitId: user.orgUnit.id,
        calendarItemId: null,
      };
  // The newest guidance year arrives after the drawer opens.
  const newestYear = years.data?.[0]?.year;
  useEffect(() => {
    if (!product && newestYear !== undefined && form.getFieldValue('guidanceYear') === undefined)
      form.setFieldValue('guidanceYear', newestYear);
  }, [form, product, newestYear]);

  const required = { required: true, message: fieldMessage('validation.required', locale) };
  const codeField = (name: keyof typeof CODE_FIELDS) => (
    <Form.Item name={name} label={t(CODE_FIELDS[name].label)} rules={[schemaRule(shape[name], locale)]}>
      <GuidanceCodeSelect mode="multiple" year={year} segment={CODE_FIELDS[name].segment} />
    </Form.Item>
  );
  const linked = product?.calendarItem;

  return (
    <Drawer
      open
      size={800}
      title={product ? t('products.editTitle') : t('products.createTitle')}
      onClose={onClose}
      destroyOnHidden
    >
      <Form<ProductFormInput>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="guidanceYear" label={t('products.field.guidanceYear')} rules={[required]}>
              <Select<number>
                loading={years.isLoading}
                options={(years.data ?? []).map((y) => ({ value: y.year, label: `${y.year} — ${y.documentNo}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="typeCode" label={t('products.field.type')} rules={[required]}>
              <GuidanceCodeSelect year={year} segment="product-types" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="language" label={t('products.field.language')} rules={[required]}>
              <Select<TProductLanguage>
                options={PRODUCT_LANGUAGES.map((value) => ({ value, label: PRODUCT_LANGUAGE_LABELS[value][locale] }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t('products.field.title')}
          validateFirst
          rules={[requiredRule(locale), schemaRule(shape.title, locale)]}
        >
          <Input autoComplete="off" maxLength={300} />
        </Form.Item>
        <Form.Item name="summary" label={t('products.field.summary')} rules={[schemaRule(shape.summary, locale)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} showCount maxLength={2000} />
        </Form.Item>
        <Form.Item name="body" label={t('products.field.body')} rules={[schemaRule(shape.body, locale)]}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} />
        </Form.Item>
        {codeField('themeCodes')}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {codeField('audienceCodes')}
          </Col>
          <Col xs={24} md={12}>
            {codeField('channelCodes')}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="ownerUnitId" label={t('products.field.ownerUnit')} rules={[required]}>
              <OrgUnitTreeSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="authors" label={t('products.field.authors')} rules={[schemaRule(shape.authors, locale)]}>
              <Select<string[]> mode="tags" open={false} placeholder={t('products.authorsPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="partnerOutlet"
              label={t('products.field.partnerOutlet')}
              rules={[schemaRule(shape.partnerOutlet, locale)]}
            >
              <Input autoComplete="off" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="calendarItemId" label={t('products.field.calendarItem')}>
              <Select<string>
                allowClear
                showSearch={{ filterOption: false, onSearch: setCalendarSearch }}
                loading={calendarItems.isFetching}
                placeholder={t('products.calendarPlaceholder')}
                notFoundContent={q ? t('common.noMatch') : null}
                options={[
                  ...(linked && !calendarItems.data?.some((item) => item.id === linked.id)
                    ? [{ value: linked.id, label: linked.title }]
                    : []),
                  ...(calendarItems.data ?? []).map((item) => ({ value: item.id, label: item.title })),
                ]}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('products.field.note')} rules={[schemaRule(shape.note, locale)]}>
          <Input autoComplete="off" maxLength={300} placeholder={t('products.notePlaceholder')} />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="product-submit">
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
