import { formatVnPhone, type TContact, type TOutlet } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Col, Form, Row, Select, type FormInstance } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { listContacts, listOutlets, pressKeys as mediaKeys } from '../press-outlets/press-outlets.api';

/** The fields of a form these pickers fill in. */
export interface MediaLinkValues {
  outletId?: string | null;
  contactId?: string | null;
  outletName?: string;
  journalistName?: string;
  journalistPhone?: string;
  journalistEmail?: string;
}

/**
 * Pickers of the media database for a press request: choosing an outlet fills its name, choosing one of its
 * journalists fills the name, phone and e-mail. The text fields stay editable, for an outlet not yet in the database.
 */
export function MediaLinkFields<V extends MediaLinkValues>(props: { form: FormInstance<V> }) {
  const { t } = useI18n();
  const form = props.form as unknown as FormInstance<MediaLinkValues>;
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const outletId = Form.useWatch('outletId', form) ?? null;
  const [chosen, setChosen] = useState<TOutlet | null>(null);
  const outletFilters = { q: debounced || undefined, active: 'true' as const };
  const outlets = useQuery({
    queryKey: mediaKeys.outlets(outletFilters, 1, 20),
    queryFn: () => listOutlets(outletFilters, 1, 20),
  });
  const contacts = useQuery({
    queryKey: mediaKeys.contacts({ outletId: outletId ?? '' }, 1, 100),
    queryFn: () => listContacts({ outletId: outletId! }, 1, 100),
    enabled: outletId !== null,
  });

  const outletOptions = new Map<string, TOutlet>((outlets.data?.items ?? []).map((o) => [o.id, o]));
  if (chosen) outletOptions.set(chosen.id, chosen);
  const contactById = new Map<string, TContact>((contacts.data?.items ?? []).map((c) => [c.id, c]));

  const pickOutlet = (id: string | undefined) => {
    const outlet = id ? (outletOptions.get(id) ?? null) : null;
    setChosen(outlet);
    form.setFieldsValue({
      outletId: outlet?.id ?? null,
      contactId: null,
      ...(outlet ? { outletName: outlet.name } : {}),
    });
  };
  const pickContact = (id: string | undefined) => {
    const contact = id ? contactById.get(id) : undefined;
    form.setFieldsValue({
      contactId: contact?.id ?? null,
      ...(contact
        ? {
            journalistName: contact.fullName,
            journalistPhone: contact.phones[0] ? formatVnPhone(contact.phones[0]) : '',
            journalistEmail: contact.emails[0] ?? '',
          }
        : {}),
    });
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="outletId" label={t('press.media.outlet')} extra={t('press.media.help')}>
          <Select<string>
            allowClear
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('press.media.outletPlaceholder')}
            loading={outlets.isFetching}
            onChange={pickOutlet}
            options={[...outletOptions.values()].map((o) => ({
              value: o.id,
              label: o.areaName ? `${o.name} — ${o.areaName}` : o.name,
            }))}
            data-testid="press-outlet-pick"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="contactId" label={t('press.media.contact')}>
          <Select<string>
            allowClear
            disabled={outletId === null}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('press.media.contactPlaceholder')}
            loading={contacts.isFetching}
            onChange={pickContact}
            options={[...contactById.values()].map((c) => ({ value: c.id, label: c.fullName }))}
            data-testid="press-contact-pick"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** What a conference row takes from the media database. */
export interface MediaRowPick {
  outletId: string | null;
  outletName: string;
  contactId: string | null;
  personName?: string;
}

/**
 * One picker for an invitee or coverage row: searches outlets (and, with `withContacts`, journalists) of the media
 * database; choosing one fills the row's names and links. `current` is the row as it stands, to label its link.
 */
export function MediaRowSelect(props: {
  withContacts: boolean;
  current: { outletId?: string | null; contactId?: string | null; outletName?: string; personName?: string };
  onPick: (pick: MediaRowPick | null) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const [open, setOpen] = useState(false);
  const outletFilters = { q: debounced || undefined, active: 'true' as const };
  const outlets = useQuery({
    queryKey: mediaKeys.outlets(outletFilters, 1, 10),
    queryFn: () => listOutlets(outletFilters, 1, 10),
    enabled: open,
  });
  const contactFilters = { q: debounced || undefined };
  const contacts = useQuery({
    queryKey: mediaKeys.contacts(contactFilters, 1, 10),
    queryFn: () => listContacts(contactFilters, 1, 10),
    enabled: open && props.withContacts,
  });
  const picks = new Map<string, { label: string; pick: MediaRowPick }>();
  const { current } = props;
  if (current.contactId && current.outletId)
    picks.set(`c:${current.contactId}`, {
      label: `${current.personName ?? ''} — ${current.outletName ?? ''}`,
      pick: { outletId: current.outletId, outletName: current.outletName ?? '', contactId: current.contactId },
    });
  else if (current.outletId)
    picks.set(`o:${current.outletId}`, {
      label: current.outletName ?? '',
      pick: { outletId: current.outletId, outletName: current.outletName ?? '', contactId: null },
    });
  for (const o of outlets.data?.items ?? [])
    picks.set(`o:${o.id}`, { label: o.name, pick: { outletId: o.id, outletName: o.name, contactId: null } });
  for (const c of props.withContacts ? (contacts.data?.items ?? []) : [])
    picks.set(`c:${c.id}`, {
      label: `${c.fullName} — ${c.outlet.name}`,
      pick: { outletId: c.outlet.id, outletName: c.outlet.name, contactId: c.id, personName: c.fullName },
    });
  const value = current.contactId ? `c:${current.contactId}` : current.outletId ? `o:${current.outletId}` : undefined;
  const option = (key: string) => ({ value: key, label: picks.get(key)!.label });
  const keys = [...picks.keys()];

  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      onOpenChange={setOpen}
      placeholder={t(props.withContacts ? 'press.media.rowPlaceholder' : 'press.media.outletPlaceholder')}
      aria-label={t('press.media.outlet')}
      loading={outlets.isFetching || contacts.isFetching}
      value={value}
      onChange={(key?: string) => props.onPick(key ? (picks.get(key)?.pick ?? null) : null)}
      options={
        props.withContacts
          ? [
              { label: t('press.media.groupOutlets'), options: keys.filter((k) => k.startsWith('o:')).map(option) },
              { label: t('press.media.groupContacts'), options: keys.filter((k) => k.startsWith('c:')).map(option) },
            ]
          : keys.map(option)
      }
      style={{ width: '100%' }}
    />
  );
}
