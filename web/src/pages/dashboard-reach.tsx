// What a source reaches: the shares by Land as bars, every white-spot Kreis (the API's whole list, shown a page at a
// time) and the map with the reached Gemeinden and the white spots' Gemeinden; both lists download whole.
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { DownloadButtons } from '../download';
import type { DashboardQuery } from '../gql/graphql';
import { t } from '../strings';
import { Loading, TableRegion } from '../ui';

const GermanyMap = lazy(() => import('../map'));
const d = t.dashboard;
const PAGE = 15;

type Reach = DashboardQuery['reach'];

function ByState({ byState }: { byState: Reach['byState'] }) {
  return (
    <>
      <h3>{d.byState}</h3>
      {byState.map((b) => (
        <div class="bar" key={b.key}>
          <span class="bar-label">{t.state[b.key] ?? b.key}</span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar-fill" style={{ width: `${Math.round(b.share.share * 100)}%` }} />
          </span>
          <span class="bar-value">
            {b.share.reached.toLocaleString('de-DE')} / {b.share.total.toLocaleString('de-DE')}
          </span>
        </div>
      ))}
      <DownloadButtons
        name={d.byStateFile}
        load={() => ({
          title: d.byState,
          rows: byState,
          columns: [
            { header: d.land, value: (b) => t.state[b.key] ?? b.key },
            { header: d.reachedColumn, value: (b) => b.share.reached },
            { header: d.gemeinden, value: (b) => b.share.total },
            { header: d.shareColumn, value: (b) => b.share.share },
            { header: d.populationReached, value: (b) => b.share.populationReached },
            { header: d.inhabitants, value: (b) => b.share.populationTotal },
            { header: d.populationShareColumn, value: (b) => b.share.populationShare },
          ],
        })}
      />
    </>
  );
}

function WhiteSpots({ spots, sourceKey }: { spots: Reach['whiteSpots']; sourceKey: string }) {
  const [shown, setShown] = useState(PAGE);
  useEffect(() => setShown(PAGE), [sourceKey]);
  return (
    <>
      <h3>{d.whiteSpots}</h3>
      <p>{d.whiteSpotsCount(spots.length)}</p>
      <DownloadButtons
        name={d.whiteSpotsFile}
        load={() => ({
          title: d.whiteSpots,
          rows: spots,
          columns: [
            { header: d.ags, value: (w) => w.kreis.ags },
            { header: d.kreis, value: (w) => w.kreis.name },
            { header: d.inhabitants, value: (w) => w.population },
            { header: d.gemeinden, value: (w) => w.gemeinden },
          ],
        })}
      />
      <TableRegion caption={d.whiteSpots}>
        <table class="white-spots">
          <caption class="visually-hidden">{d.whiteSpots}</caption>
          <thead>
            <tr>
              <th scope="col">{d.kreis}</th>
              <th scope="col">{d.inhabitants}</th>
              <th scope="col">{d.gemeinden}</th>
            </tr>
          </thead>
          <tbody>
            {spots.slice(0, shown).map((w) => (
              <tr key={w.kreis.ags}>
                <td>
                  <a href={`/gemeinde/${w.kreis.ags}`}>{w.kreis.name}</a>
                </td>
                <td>{w.population.toLocaleString('de-DE')}</td>
                <td>{w.gemeinden.toLocaleString('de-DE')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p aria-live="polite">{d.shown(Math.min(shown, spots.length), spots.length)}</p>
      {shown < spots.length && (
        <p>
          <button type="button" onClick={() => setShown(shown + PAGE)}>
            {d.moreWhiteSpots(Math.min(PAGE, spots.length - shown))}
          </button>{' '}
          <button type="button" class="link" onClick={() => setShown(spots.length)}>
            {d.allWhiteSpots}
          </button>
        </p>
      )}
    </>
  );
}

export function ReachSection({ reach, reached, sourceKey }: { reach: Reach; reached: { ags: Set<string>; done: boolean }; sourceKey: string }) {
  const whiteKreise = new Set(reach.whiteSpots.map((w) => w.kreis.ags));
  return (
    <div class="with-map">
      <div>
        <ByState byState={reach.byState} />
        <WhiteSpots spots={reach.whiteSpots} sourceKey={sourceKey} />
      </div>
      <div>
        {!reached.done && (
          <p class="status" role="status">
            {d.loadingReached(reached.ags.size, reach.municipalities.reached)}
          </p>
        )}
        {reached.done && (
          <Suspense fallback={<Loading />}>
            <GermanyMap label={d.mapLabel(reached.ags.size, whiteKreise.size)} marks={[]} highlight={reached.ags} areas={whiteKreise} caption={t.map.reachCaption} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
