import {
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

// Mantine's "light" variant writes coloured text on a tint of the same colour, below 4.5:1 for orange even in
// its darkest shade: light alerts, badges and active links keep the tint and use the text colour.
const readableLightVariant: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return resolved;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return resolved;
  return { ...resolved, color: 'var(--mantine-color-text)', hoverColor: 'var(--mantine-color-text)' };
};

/** Passage's look: calm, neutral, readable; the darker shades keep text contrast above WCAG AA. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  focusRing: 'auto',
  variantColorResolver: readableLightVariant,
  components: {
    // An alert's body is a flex item: without this, long unbreakable text (an e-mail address) overflows a phone.
    Alert: { styles: { body: { minWidth: 0 } } },
  },
});

/** Darker secondary text than Mantine's default, which falls below 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
