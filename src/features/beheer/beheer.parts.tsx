import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../i18n/index.ts';
import { describedBy, FieldFrame } from '../../web/forms.tsx';

/** View parts the back-office pages share (lists, multiple choice from a long list). */

/** A table that scrolls sideways on a small screen; the region is focusable so keyboards can scroll it. */
export function DataTable({ id, caption, head, children }: { id: string; caption: string; head: readonly string[]; children: ComponentChildren }) {
  return (
    <div class="ww-table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table class="utrecht-table utrecht-table--html-table" id={id}>
        <caption class="utrecht-table__caption" id={`${id}-caption`}>
          {caption}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {head.map((h) => (
              <th class="utrecht-table__header-cell" scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">{children}</tbody>
      </table>
    </div>
  );
}

export function Cell({ children }: { children: ComponentChildren }) {
  return <td class="utrecht-table__cell">{children}</td>;
}

export interface GroupedOption {
  readonly value: string;
  readonly label: string;
  readonly group?: string | undefined;
}

export interface MultiSelectProps {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: MessageKey | undefined;
  readonly options: readonly GroupedOption[];
  readonly selected: readonly string[];
}

/** Several choices out of a long list (hundreds of municipalities): a native multiple select, optionally grouped. */
export function MultiSelect({ id, name, label, hint, error, options, selected }: MultiSelectProps) {
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const option = (o: GroupedOption) => (
    <option key={o.value} value={o.value} selected={selected.includes(o.value)}>
      {o.label}
    </option>
  );
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        class="utrecht-select ww-multi-select"
        id={id}
        name={name}
        multiple
        size={8}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {groups.map((g) =>
          g === '' ? (
            options.filter((o) => !o.group).map(option)
          ) : (
            <optgroup key={g} label={g}>
              {options.filter((o) => o.group === g).map(option)}
            </optgroup>
          ),
        )}
      </select>
    </FieldFrame>
  );
}

/** The `?…=1` notice a page shows after a redirect, from a closed list of query names. */
export function noticeFrom<N extends string>(query: unknown, notices: Readonly<Record<N, MessageKey>>): MessageKey | undefined {
  if (!query || typeof query !== 'object') return undefined;
  const found = (Object.keys(notices) as N[]).find((name) => (query as Record<string, unknown>)[name] === '1');
  return found && notices[found];
}
