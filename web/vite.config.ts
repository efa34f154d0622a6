// The web app's build: web/ → web/dist/, served by the API at `/` (same origin, so no CORS).
// Every asset is bundled: nothing is fetched from outside at run time (closed municipal networks).
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, assetsInlineLimit: 0 },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
