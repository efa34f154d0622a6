// Germany's outline, cut from Natural Earth at build time (web/vite.config.ts).
declare module 'virtual:germany-outline' {
  const germany: import('geojson').Feature<import('geojson').MultiPolygon | import('geojson').Polygon>;
  export default germany;
}
