import { languageName } from '../../../i18n/format.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { usePage } from '../../../web/context.ts';
import type { Taxonomy } from '../../catalogue/taxonomy.ts';
import { FILTER_NAMES, FILTERS, SORTS, type FilterName, type SearchParams } from '../search.query.ts';
import type { FacetCounts } from '../search.facets.ts';

const DISTANCES = [5, 10, 25, 50] as const;

export function SearchForm({ params, municipalities }: { params: SearchParams; municipalities: readonly { code: string; name: string }[] }) {
  const { t } = usePage();
  const gemeente = params.gemeente?.toUpperCase() ?? '';
  return (
    <form class="ww-search-form" method="get" action="/zoeken" role="search">
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="q">
          {t('search.q')}
        </label>
        <p class="utrecht-form-field-description" id="q-hint">
          {t('search.qHint')}
        </p>
        <input class="utrecht-textbox" id="q" name="q" type="search" value={params.q} maxLength={200} aria-describedby="q-hint" />
      </div>
      <div class="ww-search-form__row">
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="gemeente">
            {t('search.gemeente')}
          </label>
          <select class="utrecht-select" id="gemeente" name="gemeente">
            <option value="">{t('search.gemeenteAny')}</option>
            {municipalities.map((m) => (
              <option key={m.code} value={m.code} selected={m.code === gemeente}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="postcode">
            {t('search.postcode')}
          </label>
          <p class="utrecht-form-field-description" id="postcode-hint">
            {t('search.postcodeHint')}
          </p>
          <input class="utrecht-textbox ww-short" id="postcode" name="postcode" inputMode="numeric" autoComplete="postal-code" value={params.postcode ?? ''} maxLength={7} aria-describedby="postcode-hint" />
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="afstand">
            {t('search.afstand')}
          </label>
          <select class="utrecht-select" id="afstand" name="afstand">
            <option value="">{t('search.afstandNone')}</option>
            {DISTANCES.map((km) => (
              <option key={km} value={String(km)} selected={params.afstandKm === km}>
                {t('search.afstandKm', { km })}
              </option>
            ))}
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="leeftijd">
            {t('search.leeftijd')}
          </label>
          <input class="utrecht-textbox ww-short" id="leeftijd" name="leeftijd" type="number" min={0} max={99} value={params.leeftijd ?? ''} />
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="sortering">
            {t('search.sort')}
          </label>
          <select class="utrecht-select" id="sortering" name="sortering">
            {SORTS.map((s) => (
              <option key={s} value={s} selected={params.sort === s}>
                {t(`search.sort.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FilterFields params={params} facets={null} taxonomy={null} hiddenOnly />
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        {t('search.submit')}
      </button>
    </form>
  );
}

export function filterLabel(name: FilterName, code: string, taxonomy: Taxonomy, lang: 'nl' | 'en'): string {
  return name === 'taal' ? languageName(code, lang) : taxonomy.label(FILTERS[name].taxonomy, code, lang);
}

/** Filter checkboxes with counts; `hiddenOnly` carries chosen filters through the main form. */
export function FilterFields({
  params,
  facets,
  taxonomy,
  hiddenOnly = false,
}: {
  params: SearchParams;
  facets: FacetCounts | null;
  taxonomy: Taxonomy | null;
  hiddenOnly?: boolean;
}) {
  const { t, lang } = usePage();
  if (hiddenOnly || !facets || !taxonomy) {
    return (
      <>
        {FILTER_NAMES.flatMap((name) => params.filters[name].map((v) => <input key={`${name}-${v}`} type="hidden" name={name} value={v} />))}
      </>
    );
  }
  return (
    <>
      {FILTER_NAMES.map((name) => {
        const codes = FILTERS[name].codes ?? Object.keys(facets[name]).sort();
        const options = codes.filter((c) => (facets[name][c] ?? 0) > 0 || params.filters[name].includes(c));
        if (options.length === 0) return null;
        return (
          <fieldset key={name} class="utrecht-form-fieldset ww-filter">
            <legend class="utrecht-form-fieldset__legend">{t(`search.filter.${name}` as MessageKey)}</legend>
            {options.map((code) => {
              const id = `f-${name}-${code}`;
              return (
                <div key={code} class="ww-checkbox">
                  <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} name={name} value={code} checked={params.filters[name].includes(code)} />
                  <label for={id}>
                    {filterLabel(name, code, taxonomy, lang)} <span class="ww-count">({facets[name][code] ?? 0})</span>
                  </label>
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </>
  );
}
