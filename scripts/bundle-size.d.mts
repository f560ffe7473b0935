/** What one screen makes a browser download before it shows, gzipped, in bytes. */
export type BundleMeasure = {
  screen: string;
  jsBytes: number;
  cssBytes: number;
  totalBytes: number;
  /** The same files with brotli, as the server sends them to browsers that accept it. */
  brotliBytes: number;
  files: number;
};

/** Measures each screen from the Vite manifest of the last build (dist/web). */
export function measureBundles(): BundleMeasure[];
