import type { MessageKey, Translate } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { PageSlot } from '../../../web/render.ts';
import type { ServiceSummaryView } from '../../catalogue/catalogue.presenter.ts';
import type { Taxonomy } from '../../catalogue/taxonomy.ts';
import { ServiceCardList } from '../../catalogue/views/service-card.tsx';
import type { CrisisLineView } from '../../crisis/crisis.presenter.ts';
import { CrisisLineList } from '../../crisis/views/crisis-lines.tsx';
import { searchQueryString, type FilterName, type SearchParams } from '../search.query.ts';
import type { FacetCounts } from '../search.facets.ts';
import { FilterFields, SearchForm } from './search-form.tsx';
import { Notice } from '../../../web/forms.tsx';

export interface Loosening {
  readonly filter: FilterName | 'q';
  readonly count: number;
}

export type SearchPageState =
  | {
      readonly kind: 'results';
      readonly total: number;
      readonly services: readonly ServiceSummaryView[];
      readonly facets: FacetCounts;
      readonly placeName: string | null;
      readonly widened: boolean;
      readonly loosen: readonly Loosening[];
      readonly national: readonly ServiceSummaryView[];
      readonly crisisLines: readonly CrisisLineView[];
      /** Lines for children and young people, shown first when they are who the search is for. */
      readonly childLines: readonly CrisisLineView[];
    }
  | { readonly kind: 'unknown-postcode'; readonly postcode: string }
  | { readonly kind: 'unknown-municipality'; readonly input: string };

export interface SearchPageProps {
  readonly params: SearchParams;
  readonly municipalities: readonly { code: string; name: string }[];
  readonly taxonomy: Taxonomy;
  readonly pageSize: number;
  readonly state: SearchPageState;
  readonly mapTileUrl: string;
}

function Pagination({ params, total, pageSize }: { params: SearchParams; total: number; pageSize: number }) {
  const { t } = usePage();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="ww-pagination" aria-label={t('search.pagination')}>
      {params.page > 1 && (
        <a class="utrecht-link" rel="prev" href={`/zoeken${searchQueryString(params, { page: params.page - 1 })}`}>
          {t('search.previous')}
        </a>
      )}
      <span aria-current="page">{t('search.page', { page: params.page, pages })}</span>
      {params.page < pages && (
        <a class="utrecht-link" rel="next" href={`/zoeken${searchQueryString(params, { page: params.page + 1 })}`}>
          {t('search.next')}
        </a>
      )}
    </nav>
  );
}

function NoResults({ params, state }: { params: SearchParams; state: Extract<SearchPageState, { kind: 'results' }> }) {
  const { t } = usePage();
  return (
    <section class="ww-no-results" aria-labelledby="geen-resultaten">
      <h2 class="utrecht-heading-2" id="geen-resultaten">
        {t('search.noResults.title')}
      </h2>
      <p class="utrecht-paragraph">{t('search.noResults.text')}</p>
      {state.loosen.length > 0 && (
        <ul class="utrecht-unordered-list">
          {state.loosen.map((l) => {
            const label = l.filter === 'q' ? params.q : t(`search.filter.${l.filter}` as MessageKey);
            const without =
              l.filter === 'q' ? searchQueryString(params, { q: '', page: 1 }) : searchQueryString(params, { filters: { ...params.filters, [l.filter]: [] }, page: 1 });
            return (
              <li key={l.filter}>
                {l.filter === 'q' ? null : `${t('search.noResults.loosen', { filter: label, count: l.count })} `}
                <a class="utrecht-link" href={`/zoeken${without}`}>
                  {l.filter === 'q' ? t('search.noResults.withoutText', { q: label }) : t('search.noResults.loosenLink', { filter: label })}
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {state.national.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">{t('search.noResults.national')}</h2>
          <ServiceCardList services={state.national} />
        </>
      )}
      <h2 class="utrecht-heading-2">{t('search.noResults.crisis')}</h2>
      <CrisisLineList lines={state.crisisLines} />
    </section>
  );
}

function searchTitle(t: Translate, params: SearchParams): string {
  return params.q ? t('search.titleWithQuery', { q: params.q }) : t('search.title');
}

/**
 * The search page around its body. The body is HTML rendered once for the catalogue revision, the
 * language and the parameters (see search.routes.ts) and sent as cached bytes in the slot, so the
 * layout (which may depend on who is signed in) is the only part rendered for every request.
 */
export function SearchPage({ params }: { readonly params: SearchParams }) {
  const { t } = usePage();
  return (
    <Layout title={searchTitle(t, params)} scripts={['map.js']}>
      <PageSlot class="ww-search-body" />
    </Layout>
  );
}

/** Everything inside the layout: heading, form, filters with counts, results. */
export function SearchBody({ params, municipalities, taxonomy, pageSize, state, mapTileUrl }: SearchPageProps) {
  const { t } = usePage();
  const title = searchTitle(t, params);
  return (
    <>
      <Heading1>{title}</Heading1>
      <Paragraph lead>{t('search.lead')}</Paragraph>
      {state.kind === 'unknown-postcode' && (
        <Notice kind="warning" urgent text={t('search.unknownPostcode', { postcode: state.postcode })} />
      )}
      {state.kind === 'unknown-municipality' && (
        <Notice kind="warning" urgent text={t('search.unknownMunicipality', { input: state.input })} />
      )}
      <SearchForm params={state.kind === 'results' ? params : { ...params, postcode: null, gemeente: null }} municipalities={municipalities} />
      {state.kind === 'results' && (
        <div class="ww-search-layout">
          <form class="ww-filters" method="get" action="/zoeken" aria-labelledby="filters-kop">
            <h2 class="utrecht-heading-3" id="filters-kop">
              {t('search.filters')}
            </h2>
            {params.q && <input type="hidden" name="q" value={params.q} />}
            {params.gemeente && <input type="hidden" name="gemeente" value={params.gemeente} />}
            {params.postcode && <input type="hidden" name="postcode" value={params.postcode} />}
            {params.afstandKm !== null && <input type="hidden" name="afstand" value={String(params.afstandKm)} />}
            {params.leeftijd !== null && <input type="hidden" name="leeftijd" value={String(params.leeftijd)} />}
            {params.sort !== 'relevantie' && <input type="hidden" name="sortering" value={params.sort} />}
            <FilterFields params={params} facets={state.facets} taxonomy={taxonomy} />
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              {t('search.applyFilters')}
            </button>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`/zoeken${searchQueryString({ ...params, filters: { doelgroep: [], hulpniveau: [], vorm: [], toegang: [], kosten: [], erkenning: [], thema: [], taal: [] }, page: 1 })}`}>
                {t('search.clearFilters')}
              </a>
            </p>
          </form>
          <section class="ww-results-section" aria-labelledby="resultaten">
            <h2 class="utrecht-heading-2" id="resultaten" aria-live="polite">
              {state.placeName
                ? t('search.countIn', { count: state.total, place: state.placeName })
                : state.total === 1
                  ? t('search.countOne')
                  : t('search.count', { count: state.total })}
            </h2>
            {state.childLines.length > 0 && (
              <aside class="ww-crisis-block" aria-labelledby="praat-met">
                <h3 class="utrecht-heading-3" id="praat-met">
                  {t('search.childLines')}
                </h3>
                <CrisisLineList lines={state.childLines} />
              </aside>
            )}
            {state.widened && <p class="utrecht-paragraph">{t('search.widened')}</p>}
            {state.total > 0 && (
              <div
                class="ww-map-slot ww-no-print"
                data-map=""
                data-tiles={mapTileUrl}
                data-label={t('search.view.map')}
                data-map-label={t('search.mapLabel')}
                data-attribution={t('search.mapAttribution')}
              />
            )}
            {state.total === 0 ? <NoResults params={params} state={state} /> : <ServiceCardList services={state.services} />}
            <Pagination params={params} total={state.total} pageSize={pageSize} />
          </section>
        </div>
      )}
    </>
  );
}
