// Reach growth per event: the reached Gemeinden over time as a line on an axis that starts near the lowest value
// (from 0 a rise of 169 to 170 would be invisible), and the table that tells apart what an event added by itself
// from what other links (projects, exchanges, programme groups, solutions) added in the time before it. Most
// events list only their host, a model project already reached, so they add nothing: the cumulative figure grows
// through the other links, and the table shows where.
import { DownloadButtons } from '../download';
import type { DashboardQuery } from '../gql/graphql';
import { t } from '../strings';
import { TableRegion } from '../ui';

type Growth = DashboardQuery['reachGrowth'][number];
const d = t.dashboard;

/** Each event with what came through other links since the event before (its `before` minus that one's `after`). */
function withBetween(points: readonly Growth[]) {
  return points.map((p, i) => ({ ...p, between: i === 0 ? null : p.before - points[i - 1]!.after }));
}

function GrowthChart({ points }: { points: readonly Growth[] }) {
  if (points.length < 2) return null;
  const W = 640;
  const H = 220;
  const pad = 44;
  const times = points.map((p) => Date.parse(p.date));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const values = points.flatMap((p) => [p.before, p.after]);
  const top = Math.max(...values, 1);
  // The axis starts a little below the lowest value; a tenth of the range keeps the lowest point off the axis.
  const low = Math.max(0, Math.min(...values) - Math.max(1, Math.ceil((top - Math.min(...values)) / 10)));
  const x = (time: number) => pad + ((time - t0) / Math.max(1, t1 - t0)) * (W - 2 * pad);
  const y = (n: number) => H - pad + 8 - ((n - low) / Math.max(1, top - low)) * (H - 2 * pad);
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(times[i]!).toFixed(1)},${y(p.after).toFixed(1)}`).join(' ');
  const n = (v: number) => v.toLocaleString('de-DE');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: `${W}px` }} role="img" aria-label={d.growthChart(points.length, low, top)}>
      <line x1={pad} y1={H - pad + 8} x2={W - pad} y2={H - pad + 8} stroke="#4a4a4a" />
      <line x1={pad} y1={pad - 8} x2={pad} y2={H - pad + 8} stroke="#4a4a4a" />
      <text x={pad - 4} y={y(top) + 4} text-anchor="end" font-size="11" fill="#1a1a1a">{n(top)}</text>
      <text x={pad - 4} y={y(low) + 4} text-anchor="end" font-size="11" fill="#1a1a1a">{n(low)}</text>
      <text x={pad} y={H - 6} font-size="11" fill="#1a1a1a">{t.format.isoDate(points[0]!.date.slice(0, 7))}</text>
      <text x={W - pad} y={H - 6} text-anchor="end" font-size="11" fill="#1a1a1a">{t.format.isoDate(points.at(-1)!.date.slice(0, 7))}</text>
      <path d={line} fill="none" stroke="#0b4f8a" stroke-width="2" />
      {points.map((p, i) => (
        // An event that added Gemeinden by itself is drawn larger and red.
        <circle key={p.event.slug} cx={x(times[i]!)} cy={y(p.after)} r={p.added > 0 ? 5 : 3} fill={p.added > 0 ? '#9b1c1c' : '#0b4f8a'} />
      ))}
    </svg>
  );
}

export function GrowthSection({ points }: { points: readonly Growth[] }) {
  const rows = withBetween(points);
  return (
    <>
      <h2>{d.growth}</h2>
      <p class="growth-note">{d.growthNote}</p>
      <GrowthChart points={points} />
      <DownloadButtons
        name={d.growthFile}
        load={() => ({
          title: d.growth,
          rows,
          columns: [
            { header: d.growthDate, value: (g) => t.format.isoDate(g.date) },
            { header: d.growthEvent, value: (g) => g.event.title },
            { header: d.growthBetween, value: (g) => g.between },
            { header: d.growthAdded, value: (g) => g.added },
            { header: d.growthAfter, value: (g) => g.after },
            { header: d.growthPopulationAdded, value: (g) => g.populationAdded },
          ],
        })}
      />
      <TableRegion caption={d.growth}>
        <table class="growth">
          <caption class="visually-hidden">{d.growth}</caption>
          <thead>
            <tr>
              <th scope="col">{d.growthDate}</th>
              <th scope="col">{d.growthEvent}</th>
              <th scope="col">{d.growthBetween}</th>
              <th scope="col">{d.growthAdded}</th>
              <th scope="col">{d.growthAfter}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.event.slug}>
                <td>{t.format.isoDate(g.date)}</td>
                <td>{g.event.title}</td>
                <td>{g.between === null ? '–' : g.between.toLocaleString('de-DE')}</td>
                <td>{g.added.toLocaleString('de-DE')}</td>
                <td>{g.after.toLocaleString('de-DE')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
