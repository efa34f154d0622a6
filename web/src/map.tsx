// Germany without a tile server: its outline from Natural Earth (public domain, through the world-atlas
// package, drawn with d3-geo) and every Gemeinde as a dot at its register coordinates, on a canvas; the
// results of a page marked and numbered as in its list, reached Gemeinden in blue, and the Gemeinden of whole
// Kreise (the reach's white spots) in orange. The list is the map's text alternative, and the
// canvas says so. Loaded lazily: the start page does not carry the outline.
import { geoConicConformal, geoPath } from 'd3-geo';
import { useEffect, useRef, useState } from 'preact/hooks';
import GERMANY from 'virtual:germany-outline';
import { request } from './api';
import { graphql } from './gql';
import type { GemeindePositionsQuery } from './gql/graphql';
import { t } from './strings';

const POSITIONS = graphql(`
  query GemeindePositions { gemeindePositions { count ags lat lon } }
`);

export interface Mark {
  ags: string;
  rank: number;
  lat: number | null;
  lon: number | null;
  own?: boolean;
}

let positions: Promise<GemeindePositionsQuery['gemeindePositions']> | null = null;
const loadPositions = () => (positions ??= request(POSITIONS, {}, { public: true }).then((d) => d.gemeindePositions));

const WIDTH = 520;
const HEIGHT = 680;

/** The Kreis of a Gemeinde: the first five digits of its AGS (a kreisfreie Stadt is its own Kreis). */
const kreisOf = (ags: string) => ags.slice(0, 5);

export default function GermanyMap({
  marks,
  label,
  highlight,
  areas,
  caption = t.map.caption,
}: {
  marks: Mark[];
  label: string;
  highlight?: ReadonlySet<string>;
  /** Kreise (AGS) whose Gemeinden are drawn in orange, under the highlight. */
  areas?: ReadonlySet<string>;
  caption?: (points: number) => string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState<number | null>(null);
  // The Kreise of `areas` that have at least one Gemeinde drawn: the browser tests read it off the canvas.
  const [areasDrawn, setAreasDrawn] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify(marks) + (highlight ? highlight.size : '') + (areas ? [...areas].join() : '');
  useEffect(() => {
    let current = true;
    loadPositions().then(
      (points) => {
        const el = canvas.current;
        if (!current || !el) return;
        const started = performance.now();
        const ratio = window.devicePixelRatio || 1;
        el.width = WIDTH * ratio;
        el.height = HEIGHT * ratio;
        const ctx = el.getContext('2d')!;
        ctx.scale(ratio, ratio);
        const projection = geoConicConformal().parallels([48.67, 53.67]).rotate([-10.5, 0]).fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], GERMANY);
        ctx.fillStyle = '#f4f6f8';
        ctx.strokeStyle = '#4a4a4a';
        ctx.lineWidth = 1;
        ctx.beginPath();
        geoPath(projection, ctx)(GERMANY);
        ctx.fill();
        ctx.stroke();
        ctx.fillStyle = '#8a8a8a';
        const byAgs = new Map<string, [number, number]>();
        for (let i = 0; i < points.count; i++) {
          const xy = projection([points.lon[i]!, points.lat[i]!]);
          if (!xy) continue;
          byAgs.set(points.ags[i]!, xy);
          ctx.fillRect(xy[0] - 0.6, xy[1] - 0.6, 1.2, 1.2);
        }
        const kreise = new Set<string>();
        if (areas) {
          // A kreisfreie Stadt comes as its Gemeinde's eight digits (05111000), a Landkreis as five: both by their Kreis.
          const wanted = new Set([...areas].map(kreisOf));
          ctx.fillStyle = '#c2410c';
          for (const [ags, xy] of byAgs) {
            if (!wanted.has(kreisOf(ags))) continue;
            kreise.add(kreisOf(ags));
            ctx.fillRect(xy[0] - 1.5, xy[1] - 1.5, 3, 3);
          }
        }
        if (highlight) {
          ctx.fillStyle = '#0b4f8a';
          for (const ags of highlight) {
            const xy = byAgs.get(ags);
            if (!xy) continue;
            ctx.beginPath();
            ctx.arc(xy[0], xy[1], 3, 0, 2 * Math.PI);
            ctx.fill();
          }
        }
        for (const mark of [...marks].reverse()) {
          const xy = mark.lat !== null && mark.lon !== null ? projection([mark.lon, mark.lat]) : byAgs.get(mark.ags);
          if (!xy) continue;
          ctx.beginPath();
          ctx.arc(xy[0], xy[1], mark.own ? 9 : 8, 0, 2 * Math.PI);
          ctx.fillStyle = mark.own ? '#9b1c1c' : '#0b4f8a';
          ctx.fill();
          ctx.fillStyle = '#ffffff';
          ctx.font = 'bold 10px system-ui, sans-serif';
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillText(mark.own ? '●' : String(mark.rank), xy[0], xy[1] + 0.5);
        }
        performance.measure('map-draw', { start: started });
        performance.mark('map-drawn', { detail: { points: points.count } });
        setDrawn(points.count);
        setAreasDrawn(areas ? kreise.size : null);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return (
    <figure class="map">
      <canvas ref={canvas} style={{ width: '100%', maxWidth: `${WIDTH}px`, height: 'auto', aspectRatio: `${WIDTH} / ${HEIGHT}` }} role="img" aria-label={label} data-points={drawn ?? undefined} data-areas={areasDrawn ?? undefined} />
      <figcaption class="small">{failed ? t.map.failed : drawn === null ? t.loading : caption(drawn)}</figcaption>
    </figure>
  );
}
