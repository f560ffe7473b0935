import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { societyRoles } from '../../../../common/roles.ts';

/**
 * A checkbox per role a society can grant, each with what the role does and sees in plain words (the roles table
 * of PRODUCT.md); the eighth role, network coordinator, is given by a network, and the list says so.
 */
export function RoleChoices(props: {
  label: string;
  value: string[];
  onChange: (roles: string[]) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      withAsterisk={props.required ?? false}
    >
      <Stack gap="sm" mt="xs">
        {societyRoles.map((role) => (
          <Checkbox
            key={role}
            value={role}
            label={t(`roles.${role}`)}
            description={t(`admin:roleHelp.${role}`)}
          />
        ))}
        <Text size="sm" c="dimmed">
          {t('admin:roleHelp.network-coordinator')}
        </Text>
      </Stack>
    </Checkbox.Group>
  );
}
