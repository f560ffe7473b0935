import { Group, Modal } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QuickExitButton } from '../features/safety/quick-exit-button.tsx';

let openDialogs = 0;

/**
 * While a dialog is open, the page behind it is out of reach of keys, pointers and screen readers (inert), as
 * a modal dialog must be; dialogs render outside #root, so they stay usable.
 */
function useInertPage(): void {
  useEffect(() => {
    const root = document.getElementById('root');
    openDialogs += 1;
    if (root) root.inert = true;
    return () => {
      openDialogs -= 1;
      if (root && openDialogs === 0) root.inert = false;
    };
  }, []);
}

/**
 * A dialog of Passage: titled, modal (the page behind is inert), with a quick-exit button since the page's own
 * cannot be reached. `cover` blurs and nearly hides the page (the lock, the end of a session); without
 * `onClose` the person must act in it.
 */
export function PassageDialog(props: {
  title: string;
  children: ReactNode;
  onClose?: () => void;
  cover?: boolean;
  zIndex?: number;
}) {
  const { t } = useTranslation();
  useInertPage();
  const closable = props.onClose !== undefined;
  return (
    <Modal
      opened
      onClose={props.onClose ?? (() => undefined)}
      title={props.title}
      centered
      withCloseButton={closable}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnEscape={closable}
      closeOnClickOutside={closable && !props.cover}
      trapFocus
      overlayProps={props.cover ? { backgroundOpacity: 0.85, blur: 12 } : {}}
      zIndex={props.zIndex ?? (props.cover ? 400 : 350)}
    >
      {props.children}
      <Group justify="flex-end" mt="lg">
        <QuickExitButton />
      </Group>
    </Modal>
  );
}

/** A dialog that covers the screen until the person acts: the lock, the end of a session and its warning. */
export function GuardModal(props: { title: string; children: ReactNode; onClose?: () => void }) {
  return <PassageDialog {...props} cover />;
}
