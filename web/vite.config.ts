// The web app's build: web/ → web/dist/, served by the API at `/` (same origin, so no CORS).
// Every asset is bundled: nothing is fetched from outside at run time (closed municipal networks).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import preact from '@preact/preset-vite';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { defineConfig, type Plugin } from 'vite';

/**
 * `virtual:germany-outline`: Germany's outline as GeoJSON, cut at build time from Natural Earth's 1:50m
 * countries (public domain, the world-atlas package), so the app carries Germany, not the world.
 */
function germanyOutline(): Plugin {
  const id = 'virtual:germany-outline';
  return {
    name: 'germany-outline',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
      const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
      const germany = feature(topology, topology.objects.countries).features.find((f) => String(f.id) === '276');
      if (!germany) throw new Error('world-atlas has no Germany (id 276)');
      return `export default ${JSON.stringify(germany)};`;
    },
  };
}

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [preact(), germanyOutline()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, assetsInlineLimit: 0 },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
