// Who holds the network together: the network drawn, the ten strongest brokers and the largest communities on
// screen; the downloads carry the API's whole lists (up to 100 each), fetched only when a file is asked for.
import { lazy, Suspense } from 'preact/compat';
import { request } from '../api';
import { DownloadButtons } from '../download';
import { graphql } from '../gql';
import type { DashboardQuery } from '../gql/graphql';
import { COMMUNITY_COLOURS, communityColour } from '../palette';
import { t } from '../strings';
import { Loading } from '../ui';

const NetworkView = lazy(() => import('../network'));
const d = t.dashboard;

const NETWORK_EXPORT = graphql(`
  query DashboardNetworkExport {
    reachNetwork {
      brokers(first: 100) { municipality { ags name } betweenness degree }
      communities(first: 100) { id size dominantTopics { name } }
    }
  }
`);

const loadNetwork = async () => (await request(NETWORK_EXPORT, {})).reachNetwork;

export function NetworkSection({ network, onReload }: { network: DashboardQuery['reachNetwork']; onReload: () => void }) {
  return (
    <>
      <h2>{d.network}</h2>
      {network.status === 'COMPUTING' ? (
        <p role="status">
          {d.computing}{' '}
          <button type="button" onClick={onReload}>
            {d.reload}
          </button>
        </p>
      ) : (
        <div class="columns">
          <Suspense fallback={<Loading />}>
            <NetworkView />
          </Suspense>
          <div>
            <h3>{d.brokers}</h3>
            <ol>
              {network.brokers.map((b) => (
                <li key={b.municipality.ags}>
                  <a href={`/gemeinde/${b.municipality.ags}`}>{b.municipality.name}</a> <span class="small">({b.betweenness.toLocaleString('de-DE', { maximumFractionDigits: 3 })})</span>
                </li>
              ))}
            </ol>
            <DownloadButtons
              name={d.brokersFile}
              load={async () => ({
                title: d.brokers,
                rows: (await loadNetwork()).brokers,
                columns: [
                  { header: d.ags, value: (b) => b.municipality.ags },
                  { header: d.municipality, value: (b) => b.municipality.name },
                  { header: d.betweenness, value: (b) => b.betweenness },
                  { header: d.degree, value: (b) => b.degree },
                ],
              })}
            />
          </div>
          <div>
            <h3>{d.communities}</h3>
            <ul>
              {network.communities.slice(0, COMMUNITY_COLOURS.length - 1).map((c) => (
                <li key={c.id}>
                  <span class="swatch" style={{ background: communityColour(c.id) }} aria-hidden="true" />
                  {d.community(c.id, c.size)}: {c.dominantTopics.map((x) => x.name).join(', ')}
                </li>
              ))}
              {network.communities.length >= COMMUNITY_COLOURS.length && (
                <li>
                  <span class="swatch" style={{ background: communityColour(COMMUNITY_COLOURS.length - 1) }} aria-hidden="true" />
                  {d.furtherCommunities}
                </li>
              )}
            </ul>
            <DownloadButtons
              name={d.communitiesFile}
              load={async () => ({
                title: d.communities,
                rows: (await loadNetwork()).communities,
                columns: [
                  { header: d.communityId, value: (c) => c.id },
                  { header: d.communitySize, value: (c) => c.size },
                  { header: d.communityTopics, value: (c) => c.dominantTopics.map((x) => x.name).join(', ') },
                ],
              })}
            />
          </div>
        </div>
      )}
    </>
  );
}
