// The reach graph as a network (graphology, drawn with sigma on WebGL): every municipality with a link,
// sized by betweenness, coloured by community, the ten strongest brokers labelled; a click opens the
// municipality. Laid out once with ForceAtlas2 from a circle, so the same graph gives the same picture.
// The lists of brokers and communities next to it are its text alternative, and its label says so.
// Loaded lazily: sigma and the layout are only fetched by the dashboard.
import Graph from 'graphology';
import { circular } from 'graphology-layout';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import Sigma from 'sigma';
import { graphql } from './gql';
import type { NetworkGraphQuery } from './gql/graphql';
import { communityColour } from './palette';
import { t } from './strings';
import { ErrorNote, Loading } from './ui';
import { useQuery } from './use-query';

const NETWORK = graphql(`
  query NetworkGraph($first: Int!) {
    reachNetwork { graph(first: $first) { truncated ags name community betweenness degree linkSource linkTarget } }
  }
`);

/** The most a browser is asked to lay out and draw. */
const MAX_NODES = 2000;
const LABELLED = 10;

type Columns = NetworkGraphQuery['reachNetwork']['graph'];

/** The graph with its positions, sizes and colours: a pure function of the columns. */
export function layoutOf(g: Columns): Graph {
  const graph = new Graph({ type: 'undirected' });
  const top = Math.max(...g.betweenness, 0);
  g.ags.forEach((ags, i) => {
    graph.addNode(ags, {
      label: g.name[i],
      size: 3 + (top > 0 ? 12 * Math.sqrt(g.betweenness[i]! / top) : 0),
      color: communityColour(g.community[i]!),
      forceLabel: i < LABELLED && g.betweenness[i]! > 0,
    });
  });
  g.linkSource.forEach((a, j) => graph.addEdge(g.ags[a], g.ags[g.linkTarget[j]!], { color: '#c4c4c4', size: 1 }));
  circular.assign(graph, { scale: 100 });
  forceAtlas2.assign(graph, { iterations: 150, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 } });
  return graph;
}

export default function NetworkView() {
  const result = useQuery(NETWORK, { first: MAX_NODES });
  const container = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<{ nodes: number; links: number } | null>(null);
  const { route } = useLocation();
  const g = result?.data?.reachNetwork.graph;
  useEffect(() => {
    const el = container.current;
    if (!g || !el) return;
    const started = performance.now();
    const graph = layoutOf(g);
    const renderer = new Sigma(graph, el, { labelRenderedSizeThreshold: 100, labelFont: 'system-ui, sans-serif', labelSize: 12, zIndex: true });
    renderer.on('clickNode', ({ node }) => route(`/gemeinde/${node}`));
    performance.measure('network-draw', { start: started });
    setDrawn({ nodes: graph.order, links: graph.size });
    return () => renderer.kill();
  }, [g]);
  if (!result || result.loading) return <Loading />;
  if (result.error) return <ErrorNote error={result.error} />;
  const n = t.dashboard.networkView;
  return (
    <figure class="network">
      <div ref={container} class="network-canvas" role="img" aria-label={n.label(g!.ags.length, g!.linkSource.length)} data-nodes={drawn?.nodes} data-links={drawn?.links} />
      <figcaption class="small">{g!.truncated ? n.truncated(g!.ags.length) : n.caption}</figcaption>
    </figure>
  );
}
