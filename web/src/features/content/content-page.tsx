import { Stack } from '@mantine/core';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../components/not-found.tsx';
import { useAreaStrings } from '../../i18n/areas.ts';
import { ContentItemScreen } from './content-item-screen.tsx';
import { ContentListScreen } from './content-list-screen.tsx';
import { contentStrings } from './strings.ts';

/**
 * The content area: every translatable text the society shows (guidance, emergency numbers, the information
 * notice), its state in each language, and an editor for the roles the server allows. Addresses carry a content
 * key and a language code only.
 */
export function ContentPage() {
  useAreaStrings(contentStrings);
  return (
    <Stack maw={1200}>
      <Routes>
        <Route index element={<ContentListScreen />} />
        <Route path=":key" element={<ContentItemScreen />} />
        <Route path=":key/:locale" element={<ContentItemScreen />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Stack>
  );
}
