import { usePage } from '../../../web/context.ts';
import { Heading1, Layout } from '../../../web/layout.tsx';
import { BeheerNav } from './beheer-nav.tsx';

/** The staff agenda: bookings per day, for one day or one week, paged by date. */
export interface AgendaEntry {
  readonly id: string;
  readonly when: string;
  readonly name: string;
  readonly contact: string;
  readonly topic: string;
  readonly how: string;
  readonly status: string;
}

export interface AgendaDay {
  readonly label: string;
  readonly entries: readonly AgendaEntry[];
}

export interface AgendaPageProps {
  readonly title: string;
  readonly days: readonly AgendaDay[];
  readonly previous: string;
  readonly next: string;
  readonly switchView: { readonly href: string; readonly week: boolean };
}

export function AgendaList({ entries }: { entries: readonly AgendaEntry[] }) {
  const { t } = usePage();
  return (
    <ul class="utrecht-unordered-list ww-agenda">
      {entries.map((e) => (
        <li key={e.id}>
          <a class="utrecht-link" href={`/beheer/spreekuur/afspraak?id=${e.id}`}>
            {e.when} — {e.name}
          </a>
          <br />
          {e.contact} · {e.topic} · {e.how} · {t('spreekuur.admin.agenda.status', { status: e.status })}
        </li>
      ))}
    </ul>
  );
}

export function AgendaPage({ title, days, previous, next, switchView }: AgendaPageProps) {
  const { t } = usePage();
  return (
    <Layout title={title}>
      <Heading1>{title}</Heading1>
      <BeheerNav current="/beheer/spreekuur/agenda" />
      <nav class="ww-pagination" aria-label={t('spreekuur.admin.agenda.pages')}>
        <a class="utrecht-link" href={previous} rel="prev">
          {t('spreekuur.admin.agenda.previous')}
        </a>{' '}
        <a class="utrecht-link" href={next} rel="next">
          {t('spreekuur.admin.agenda.next')}
        </a>{' '}
        <a class="utrecht-link" href={switchView.href}>
          {switchView.week ? t('spreekuur.admin.agenda.weekView') : t('spreekuur.admin.agenda.dayView')}
        </a>
      </nav>
      {days.map((d) => (
        <section key={d.label}>
          <h2 class="utrecht-heading-2">{d.label}</h2>
          {d.entries.length === 0 ? <p class="utrecht-paragraph">{t('spreekuur.admin.agenda.empty')}</p> : <AgendaList entries={d.entries} />}
        </section>
      ))}
    </Layout>
  );
}
