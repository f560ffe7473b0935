import react from '@vitejs/plugin-react';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * Brings each Mantine component's stylesheet in with the component itself, instead of all of
 * `@mantine/core/styles.css` (41 KB gzipped) at start: every chunk then carries exactly the CSS of the components
 * it uses, dependencies first (Mantine's modules import the components they build on before their own classes).
 */
function mantineStylesPerComponent(): Plugin {
  const classesModule = /[\\/]@mantine[\\/]core[\\/]esm[\\/].*[\\/]([A-Za-z]+)\.module\.mjs$/;
  return {
    name: 'passage:mantine-styles-per-component',
    enforce: 'pre',
    transform(code, id) {
      const name = classesModule.exec(id)?.[1];
      if (!name) return null;
      return { code: `import '@mantine/core/styles/${name}.css';\n${code}`, map: null };
    },
  };
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each text file of the build, which the server sends to
 * browsers that accept them: about a quarter of the bytes, which is what counts on a poor connection.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'passage:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      for (const fileName of [...Object.keys(bundle), 'index.html']) {
        if (!/\.(js|css|html|json|svg)$/.test(fileName)) continue;
        const file = path.join(outDir, fileName);
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

/**
 * Leaves zod's JSON Schema conversion out of the browser build. The server turns the shared schemas into the OpenAPI
 * description; the web app only parses with them, yet zod's classic schemas reference the converters, so bundlers
 * keep them (about 10 KB gzipped on the first screen). Each converter is replaced by a function that says why it
 * is missing; nothing in the web app calls one (`schema.toJSONSchema()`, `z.toJSONSchema`, `schema.minLength`).
 */
function zodWithoutJsonSchema(): Plugin {
  const converters = /[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/;
  return {
    name: 'passage:zod-without-json-schema',
    apply: 'build',
    load(id) {
      if (!converters.test(id)) return null;
      const source = readFileSync(id, 'utf8');
      const names = new Set<string>();
      for (const match of source.matchAll(/^export (?:function|const|let|class) (\w+)/gm))
        names.add(match[1] ?? '');
      for (const match of source.matchAll(/^export \{([^}]*)\}/gm)) {
        for (const part of (match[1] ?? '').split(','))
          names.add(
            part
              .trim()
              .split(/\s+as\s+/)
              .pop() ?? '',
          );
      }
      names.delete('');
      const missing = `throw new Error('JSON Schema conversion is not part of the web app.');`;
      return [...names].map((name) => `export function ${name}() { ${missing} }`).join('\n');
    },
  };
}

/** The neutral page quick exit goes to; PASSAGE_QUICK_EXIT_URL chooses another (https only). */
function quickExitUrl(): string {
  const given = process.env.PASSAGE_QUICK_EXIT_URL;
  if (!given) return 'https://www.google.com/';
  const url = new URL(given);
  if (url.protocol !== 'https:') throw new Error('PASSAGE_QUICK_EXIT_URL must be an https address.');
  return url.toString();
}

export default defineConfig({
  root: path.join(import.meta.dirname, 'web'),
  plugins: [react(), mantineStylesPerComponent(), zodWithoutJsonSchema(), precompress()],
  define: { __PASSAGE_QUICK_EXIT_URL__: JSON.stringify(quickExitUrl()) },
  build: {
    outDir: path.join(import.meta.dirname, 'dist', 'web'),
    emptyOutDir: true,
    // Low-end Android browsers still in use in reception centres.
    target: ['chrome87', 'firefox78', 'safari14'],
    sourcemap: false,
    // The chunk graph, for scripts/bundle-size.mjs (file names only).
    manifest: true,
    // No inlined assets: the CSP allows data: images only, and separate files cache better.
    assetsInlineLimit: 0,
  },
});
