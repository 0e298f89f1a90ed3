import { ROLES } from '../../../db/schema.ts';
import { usePage } from '../../../web/context.ts';
import { ChoiceGroup, TextField } from '../../../web/forms.tsx';
import { MultiSelect, type GroupedOption } from '../../beheer/beheer.parts.tsx';
import { USER_FIELD_IDS, type UserErrors, type UserForm } from '../users.input.ts';

export interface ScopeChoices {
  readonly organizations: readonly GroupedOption[];
  readonly municipalities: readonly GroupedOption[];
}

/** Name, roles and scopes: the fields the invite and edit forms share. */
export function UserFields({ form, errors, choices }: { form: UserForm; errors: UserErrors; choices: ScopeChoices }) {
  const { t } = usePage();
  return (
    <>
      <TextField id={USER_FIELD_IDS.displayName} name="naam" label={t('users.field.name')} hint={t('users.field.nameHint')} value={form.displayName} error={errors.displayName} autoComplete="off" maxLength={120} required />
      <ChoiceGroup
        id={USER_FIELD_IDS.roles}
        name="rollen"
        legend={t('users.field.roles')}
        hint={t('users.field.rolesHint')}
        error={errors.roles}
        options={ROLES.map((r) => ({ value: r, label: t(`auth.role.${r}`) }))}
        checked={form.roles}
      />
      <MultiSelect
        id={USER_FIELD_IDS.organizationIds}
        name="organisaties"
        label={t('users.field.organizations')}
        hint={t('users.field.organizationsHint')}
        error={errors.organizationIds}
        options={choices.organizations}
        selected={form.organizationIds}
      />
      <MultiSelect
        id={USER_FIELD_IDS.municipalityCodes}
        name="gemeenten"
        label={t('users.field.municipalities')}
        hint={t('users.field.municipalitiesHint')}
        error={errors.municipalityCodes}
        options={choices.municipalities}
        selected={form.municipalityCodes}
      />
    </>
  );
}
