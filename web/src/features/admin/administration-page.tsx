import { Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router';
import { NotFound } from '../../components/not-found.tsx';
import { useAreaStrings } from '../../i18n/areas.ts';
import { AddMemberScreen } from './add-member-screen.tsx';
import { MemberScreen } from './member-screen.tsx';
import { MembersScreen } from './members-screen.tsx';
import { SettingsScreen } from './settings-screen.tsx';
import { adminStrings } from './strings.ts';
import { TeamsScreen } from './teams-screen.tsx';

const sections = [
  { key: 'members', path: '/administration' },
  { key: 'teams', path: '/administration/teams' },
  { key: 'settings', path: '/administration/settings' },
] as const;

function SectionLinks() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = (path: string) =>
    path === '/administration'
      ? pathname === path || pathname.startsWith('/administration/members')
      : pathname.startsWith(path);
  return (
    <Group
      component="ul"
      gap="xs"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('admin:sections.label')}
    >
      {sections.map((section) => (
        <li key={section.key}>
          <Button
            component={Link}
            to={section.path}
            variant={current(section.path) ? 'filled' : 'default'}
            aria-current={current(section.path) ? 'page' : undefined}
          >
            {t(`admin:sections.${section.key}`)}
          </Button>
        </li>
      ))}
    </Group>
  );
}

/** Administration: the society's members and their roles, its teams and its settings. */
export function AdministrationPage() {
  useAreaStrings(adminStrings);
  const { t } = useTranslation();
  return (
    <Stack maw={1040}>
      <Title order={1}>{t('admin:title')}</Title>
      <SectionLinks />
      <Routes>
        <Route index element={<MembersScreen />} />
        <Route path="members/new" element={<AddMemberScreen />} />
        <Route path="members/:userId" element={<MemberScreen />} />
        <Route path="teams" element={<TeamsScreen />} />
        <Route path="settings" element={<SettingsScreen />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Stack>
  );
}
